"""A correction that changes an already issued DEÜV-Meldung: Stornierung und Neumeldung (§ 14 Abs. 1 DEÜV: a Meldung
with a wrong "beitragspflichtiges Arbeitsentgelt" or "Zeit der Beschäftigung" is to be cancelled "unverzüglich";
Gemeinsame Grundsätze für die Datenerfassung und Datenübermittlung, "Stornierung von Meldungen": the cancellation
carries the data as originally reported, with the Kennzeichen "Stornierung einer bereits abgegebenen Meldung").

The household of tests/core/abrechnung/test_korrektur_nach_austritt.py: Sabine (Eintritt 02.03.2026, 15,50 € an
hour) leaves on 30.04.2026 and has no shift in April; March and April are finalised, so April's Abmeldung (Grund 30,
02.03.–30.04.2026) was issued with March's RV-Entgelt 176 h × 15,50 € = 2.728,00 € → 2.728 €. Then her shift of
02.03. is found to have lasted an hour longer: March 2.743,50 € (module docstring there), stored when May is
finalised; the Abmeldung now carries 2.743,50 € → 2.744 € (whole euros, cents from 50 up, as `volle_euro`).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from core.abrechnung import lauf
from core.dienstplan.modelle import AbwesenheitZeile
from core.meldungen.deuev import deuev_meldungen, stornohinweise
from core.meldungen.deuev_export import deuev_exportieren
from core.meldungen.fristenliste import fristen, vermerke_erledigt
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from tests.core.abrechnung.test_korrektur_nach_austritt import geoeffnet, haushalt_nach_austritt
from tests.core.io.belege_hilfe import geladener_haushalt, pdf_text
from tests.core.meldungen.test_deuev import _personalbogen_vervollstaendigen
from tests.core.meldungen.test_unterbrechung import SZENARIO

SATZ = (
    "Abmeldung (Grund 30) für Sabine Muster vom April 2026 stornieren und neu melden: gemeldet 2.728\xa0€, "
    "richtig 2.744\xa0€ (Korrektur März 2026)."
)
#: the same when her Abmeldung's due date was not ticked as done before the correction (not known to be sent)
SATZ_FALLS_ABGEGEBEN = (
    "Abmeldung (Grund 30) für Sabine Muster vom April 2026 mit den richtigen Werten melden und, falls schon "
    "abgegeben, vorher stornieren: bisher 2.728\xa0€, richtig 2.744\xa0€ (Korrektur März 2026)."
)


def test_korrektur_nach_der_abmeldung_verlangt_storno_und_neumeldung(tmp_path: Path) -> None:
    pfad = haushalt_nach_austritt(tmp_path)
    heute = date.today()  # the correction is stored today: the Storno is due at once (§ 14 Abs. 1: unverzüglich)
    fenster = (heute - timedelta(days=1), heute + timedelta(days=1))
    with geoeffnet(pfad) as db:
        (vorher,) = [m for m in deuev_meldungen(db, 2026, 4).meldungen if m.personalnummer == "1"]
        assert [f for f in fristen(db, *fenster) if f.art == "deuev_storno"] == []
        # she sent it and ticked its due date (six weeks after 30.04.: 11.06.2026) on 20.05.2026
        (abmeldung_frist,) = [
            f for f in fristen(db, date(2026, 6, 11), date(2026, 6, 11)) if f.art == "deuev_abmeldung"
        ]
        vermerke_erledigt(db, abmeldung_frist, date(2026, 5, 20))
        lauf.schliesse_ab(db, 2026, 5)  # stores March's corrected version
        _personalbogen_vervollstaendigen(db)
        ms = deuev_meldungen(db, 2026, 4)
        zusammenfassung = deuev_exportieren(db, 2026, 4, tmp_path / "april.pdf")
        deuev_exportieren(db, 2026, 4, tmp_path / "april.xlsx")
        (frist,) = [f for f in fristen(db, *fenster) if f.art == "deuev_storno"]
        vermerke_erledigt(db, frist, heute)
        (erledigt,) = [f for f in fristen(db, *fenster) if f.art == "deuev_storno"]
    # the start page's due item: the sentence, due today, tickable like any other
    assert (frist.titel, frist.faellig, frist.zeitraum) == (SATZ, heute, "Meldung aus April 2026, unverzüglich")
    assert erledigt.erledigt_am == heute
    # while the correction is open, April's Abmeldung is the one issued, with nothing to cancel
    assert (vorher.grund, vorher.entgelt, vorher.storno, vorher.storno_hinweis) == ("30", 2728, None, "")
    (abmeldung,) = [m for m in ms.meldungen if m.personalnummer == "1"]
    assert (abmeldung.grund, abmeldung.von.isoformat(), abmeldung.bis and abmeldung.bis.isoformat()) == (
        "30",
        "2026-03-02",
        "2026-04-30",
    )
    assert abmeldung.entgelt == 2744 and abmeldung.storno_hinweis == SATZ
    storno = abmeldung.storno
    assert storno is not None and (storno.grund, storno.von, storno.bis, storno.entgelt) == (
        "30",
        abmeldung.von,
        abmeldung.bis,
        2728,
    )
    assert all(m.storno is None for m in ms.meldungen if m.personalnummer != "1")  # the others are untouched
    assert zusammenfassung.endswith(SATZ)  # the page shows the summary after writing

    text = " ".join(" ".join(pdf_text(tmp_path / "april.pdf")).split())
    assert SATZ.replace("\xa0", " ") in text.replace("\xa0", " ")
    assert "Sabine Muster (1): Stornierung – 30 – Abmeldung wegen Ende einer Beschäftigung" in text
    assert "Sabine Muster (1): Neumeldung nach Storno – 30 – Abmeldung wegen Ende einer Beschäftigung" in text
    assert "J – Stornierung einer bereits abgegebenen Meldung" in text and "unverzüglich (§ 14 Abs. 1 DEÜV)" in text
    # the cancellation is typed first, with the data as issued; then the Neumeldung
    assert text.index("2728") < text.index("Neumeldung nach Storno – 30") < text.index("2744")

    blatt = load_workbook(tmp_path / "april.xlsx").worksheets[0]
    zeilen = [[c.value for c in z] for z in blatt.iter_rows() if z[3].value == "Sabine Muster"]
    koepfe = next([c.value for c in z] for z in blatt.iter_rows() if z[0].value == "Abgabegrund (GD)")
    spalte = {k: i for i, k in enumerate(koepfe)}
    assert [(z[0], z[spalte["Stornierung (KENNZSTO)"]], z[spalte["Entgelt, volle € (EG)"]]) for z in zeilen] == [
        ("30", "J", 2728),
        ("30", "N", 2744),
    ]
    assert zeilen[0][spalte["Erläuterung"]] == SATZ


def test_korrektur_ohne_andere_volle_euro_verlangt_kein_storno(tmp_path: Path) -> None:
    """One minute more instead of an hour: 15,50 € / 60 = 0,26 €, March 2.728,26 €, still 2.728 € in whole euros
    (below the 50 cents that would round up): the correction is stored, the Abmeldung stays as issued."""
    pfad = haushalt_nach_austritt(tmp_path, stunden=0, minuten=1)
    with geoeffnet(pfad) as db:
        (korrektur,) = lauf.offene_korrekturen(db)
        lauf.schliesse_ab(db, 2026, 5)
        (abmeldung,) = [m for m in deuev_meldungen(db, 2026, 4).meldungen if m.personalnummer == "1"]
        heute = date.today()
        assert [f for f in fristen(db, heute - timedelta(days=1), heute) if f.art == "deuev_storno"] == []
    assert (korrektur.personalnummer, korrektur.monat) == ("1", 3)
    assert (abmeldung.grund, abmeldung.entgelt, abmeldung.storno, abmeldung.storno_hinweis) == ("30", 2728, None, "")


def _krank_ab(tmp_path: Path, beginn: date, *, erledigt: date | None = None) -> Datenbank:
    """The household of tests/core/meldungen/test_unterbrechung.py with Sabine alone (3.000 € a month, sick from
    16.03. to 30.06.2026): January to May finalised, which issued May's Unterbrechungsmeldung (Grund 51, 01.01.–
    26.04.2026, 11.600 €, worked by hand there); then the sickness is found to have begun on `beginn`, and June's
    finalisation stores the corrections."""
    szenario = copy.deepcopy(SZENARIO)
    szenario["assistenzkraefte"] = szenario["assistenzkraefte"][:1]
    db = geladener_haushalt(tmp_path, szenario)
    with db.arbeitseinheit() as sitzung:
        kraft = sitzung.scalars(select(Assistenzkraft)).one()
        kraft.versicherungsnummer = "65120485M503"
        kraft.taetigkeit_kldb, kraft.schulabschluss, kraft.ausbildungsabschluss = "83132", "3", "2"
        kraft.vertragsform = "1"
    for monat in range(1, 6):
        lauf.schliesse_ab(db, 2026, monat)
    (gemeldet,) = deuev_meldungen(db, 2026, 5).meldungen
    assert (gemeldet.grund, gemeldet.bis, gemeldet.entgelt) == ("51", date(2026, 4, 26), 11600)
    if erledigt is not None:  # ticked on the start page as sent
        (frist,) = [f for f in fristen(db, gemeldet.faellig, gemeldet.faellig) if f.art == "deuev_unterbrechung"]
        vermerke_erledigt(db, frist, erledigt)
    with db.arbeitseinheit() as sitzung:
        sitzung.scalars(select(AbwesenheitZeile)).one().von = beginn
    lauf.schliesse_ab(db, 2026, 6)
    return db


def test_korrektur_aendert_zeitraum_und_entgelt_der_unterbrechungsmeldung(tmp_path: Path) -> None:
    """Sick from 09.03. instead: continued pay for 42 days to 19.04. (§ 3 Abs. 1 EFZG), Krankengeld from 20.04.;
    April paid 19/30 of 3.000 € = 1.900 €; Entgelt to 19.04.: 3 × 3.000 + 1.900 = 10.900 €. May is still the first
    whole month without pay, so the Meldung stays May's, with another Zeitraum and Entgelt."""
    db = _krank_ab(tmp_path, date(2026, 3, 9))
    try:
        (m,) = deuev_meldungen(db, 2026, 5).meldungen
        # her due date was not ticked: whether the Meldung was sent is not known
        satz = (
            "Unterbrechungsmeldung (Grund 51) für Sabine Muster vom Mai 2026 mit den richtigen Werten melden und, "
            "falls schon abgegeben, vorher stornieren: bisher 01.01.2026–26.04.2026 mit 11.600\xa0€, richtig "
            "01.01.2026–19.04.2026 mit 10.900\xa0€ (Korrektur April 2026)."
        )
        assert (m.grund, m.von, m.bis, m.entgelt, m.storno_hinweis) == (
            "51",
            date(2026, 1, 1),
            date(2026, 4, 19),
            10900,
            satz,
        )
        assert m.storno is not None and (m.storno.bis, m.storno.entgelt) == (date(2026, 4, 26), 11600)
        assert stornohinweise(db, 2026, 5) == [satz]
    finally:
        db.schliessen()


def test_korrektur_laesst_die_unterbrechungsmeldung_entfallen(tmp_path: Path) -> None:
    """Sick from 23.03. instead: continued pay to 03.05. (42 days), so May is no longer a whole month without pay;
    the Meldung moves to June (first whole month without pay) and May's, sent (its due date 14.06.2026 ticked on
    01.06.2026), is only to be cancelled."""
    db = _krank_ab(tmp_path, date(2026, 3, 23), erledigt=date(2026, 6, 1))
    try:
        mai = deuev_meldungen(db, 2026, 5)  # the Meldung was ticked as sent: the cancellation is certain
        satz = (
            "Unterbrechungsmeldung (Grund 51) für Sabine Muster vom Mai 2026 stornieren, sie ist nicht mehr "
            "abzugeben (Korrekturen April und Mai 2026): gemeldet 01.01.2026–26.04.2026 mit 11.600\xa0€."
        )
        assert mai.meldungen == () and [m.storno_hinweis for m in mai.entfallen] == [satz]
        (juni,) = deuev_meldungen(db, 2026, 6).meldungen
        assert (juni.grund, juni.bis, juni.storno) == ("51", date(2026, 5, 3), None)  # June's own, nothing to cancel
        heute = date.today()
        (frist,) = [f for f in fristen(db, heute - timedelta(days=1), heute) if f.art == "deuev_storno"]
        assert frist.titel == satz
        zusammenfassung = deuev_exportieren(db, 2026, 5, tmp_path / "mai.pdf")
        text = " ".join(" ".join(pdf_text(tmp_path / "mai.pdf")).split()).replace("\xa0", " ")
    finally:
        db.schliessen()
    assert zusammenfassung.endswith(satz)
    assert "Sabine Muster (1): Stornierung – 51 – Unterbrechungsmeldung" in text and "Neumeldung" not in text
