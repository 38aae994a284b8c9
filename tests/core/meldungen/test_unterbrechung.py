"""Unterbrechungsmeldung (DEÜV Abgabegrund 51): when it is due, for which Zeitraum and with which Entgelt.

Sources: § 9 DEÜV (text in bundestag/gesetze, d/deuev/index.md: "innerhalb von zwei Wochen nach Ablauf des ersten
Kalendermonats"; Abs. 2: end in the following month, six weeks after the end); Haufe SGB Office "Unterbrechungsmeldung"
(Beispiel 1: AU 25.2.–10.4., Entgeltfortzahlung bis 6.4., Krankengeld 7.4.–10.4. → keine Unterbrechungsmeldung);
Haufe Personal Office "Meldeverfahren bei Unterbrechung der Beschäftigung, Beschäftigungsende im auf die
Unterbrechung folgenden Kalendermonat" (Krankengeld ab 9.6.2024, Ende 21.7.2024: Unterbrechungsmeldung zum 8.6.2024,
Zeitraum 1.1.–8.6.2024, Frist 1.9.2024; Abmeldung 9.6.–21.7.2024 mit Entgelt 0). The household example is worked by
hand below (Monatslohn 3.000 €, § 3 EFZG six weeks = 42 calendar days).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.abrechnung.modell import Monatsergebnis
from core.dienstplan.abwesenheit import Abwesenheitsart
from core.meldungen.deuev import deuev_meldungen
from core.meldungen.deuev_export import deuev_exportieren
from core.meldungen.fristenliste import fristen
from core.meldungen.unterbrechung import finde_unterbrechungen, tage_ohne_entgelt
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.io.belege_hilfe import geladener_haushalt, pdf_text

KRANK = Abwesenheitsart.KRANK


def _tage(von: date, bis: date, art: Abwesenheitsart = KRANK) -> dict[date, Abwesenheitsart]:
    return {von + timedelta(days=n): art for n in range((bis - von).days + 1)}


def test_krankengeld_ohne_vollen_kalendermonat_keine_meldung() -> None:
    """Haufe SGB Office, Beispiel 1: Krankengeld 7.4.–10.4. only."""
    ohne = _tage(date(2026, 4, 7), date(2026, 4, 10))
    assert finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 4, 30), date(2020, 1, 1), None) == []


def test_krankengeld_ueber_einen_vollen_monat() -> None:
    """Krankengeld from 27.04.2026 to 30.06.2026: May is the first whole month without pay; the Meldung covers the
    time to 26.04. and is due two weeks after 31.05., on 14.06.2026; pay resumes on 01.07."""
    ohne = _tage(date(2026, 4, 27), date(2026, 6, 30))
    (u,) = finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 7, 31), date(2025, 7, 1), None)
    assert (u.letzter_entgelttag, u.erster_voller_monat, u.faellig) == (date(2026, 4, 26), (2026, 5), date(2026, 6, 14))
    assert (u.leistung, u.wiederaufnahme, u.beginn_danach) == ("Krankengeld", date(2026, 7, 1), date(2026, 7, 1))


def test_beginn_am_monatsersten_zaehlt_der_monat_selbst() -> None:
    """Pay ends on 31.05.; Krankengeld from 01.06. to 30.06.: June itself is the whole month, due 14.07.2026."""
    (u,) = finde_unterbrechungen(
        _tage(date(2026, 6, 1), date(2026, 6, 30)), date(2026, 1, 1), date(2026, 8, 31), None, None
    )
    assert (u.letzter_entgelttag, u.erster_voller_monat, u.faellig) == (date(2026, 5, 31), (2026, 6), date(2026, 7, 14))


def test_mutterschaftsgeld() -> None:
    """Schutzfrist 14.05.–03.09.2026 (Mutterschaftsgeld instead of pay): first whole month June, due 14.07.2026."""
    ohne = _tage(date(2026, 5, 14), date(2026, 9, 3), Abwesenheitsart.MUTTERSCHUTZ)
    (u,) = finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 9, 30), date(2024, 1, 1), None)
    assert (u.letzter_entgelttag, u.leistung, u.faellig) == (date(2026, 5, 13), "Mutterschaftsgeld", date(2026, 7, 14))
    assert u.wiederaufnahme == date(2026, 9, 4)


def test_ende_im_folgemonat_haufe_beispiel() -> None:
    """§ 9 Abs. 2 DEÜV, Haufe's example: Krankengeld from 9.6.2024, the employment ends on 21.7.2024: Meldung to
    8.6.2024, due six weeks after the end, 1.9.2024."""
    ohne = _tage(date(2024, 6, 9), date(2024, 7, 21))
    (u,) = finde_unterbrechungen(ohne, date(2024, 1, 1), date(2024, 7, 21), date(2010, 7, 1), date(2024, 7, 21))
    assert (u.letzter_entgelttag, u.erster_voller_monat, u.faellig) == (date(2024, 6, 8), None, date(2024, 9, 1))
    assert u.beginn_danach == date(2024, 6, 9)  # the Abmeldung's Zeitraum starts here (Entgelt 0)


def test_noch_kein_voller_monat_bekannt() -> None:
    """Krankengeld since 27.04.; only April and May... are finalised up to 30.04.: nothing is certain yet."""
    ohne = _tage(date(2026, 4, 27), date(2026, 4, 30))
    assert finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 4, 30), None, None) == []


# --------------------------------------------------------------------------------------------------------
# The household: Sabine, Monatslohn 3.000 €, employed since 01.07.2025, sick from 16.03. to 30.06.2026
# --------------------------------------------------------------------------------------------------------

SZENARIO: dict[str, Any] = {
    "jahr": 2026,
    "monat": 1,
    "arbeitgeber": {"bundesland": "NW", "name": "Anna Beispiel", "betriebsnummer": "47110013"},
    "krankenkassen": {
        "AOK BW": {"zusatzbeitrag": "2.9", "u1_satz": "2.1", "u2_satz": "0.40", "betriebsnummer": "67450665"}
    },
    "assistenzkraefte": [
        {
            "id": "1",
            "name": "Sabine Muster",
            "geburtsdatum": "1985-04-12",
            "krankenkasse": "AOK BW",
            "eintritt": "2025-07-01",
            "monatslohn": "3000.00",
            "steuerklasse": 1,
            "abwesenheiten": [{"art": "krank", "von": "2026-03-16", "bis": "2026-06-30"}],
        },
        {
            "id": "2",
            "name": "Ulla Urlaub",
            "geburtsdatum": "1990-02-03",
            "krankenkasse": "AOK BW",
            "eintritt": "2024-01-01",
            "monatslohn": "3000.00",
            "steuerklasse": 1,
            "abwesenheiten": [{"art": "unbezahlt", "von": "2026-08-08", "bis": "2026-09-20"}],
        },
        {
            "id": "3",
            "name": "Karl Krank",
            "geburtsdatum": "1970-05-06",
            "krankenkasse": "AOK BW",
            "eintritt": "2010-07-01",
            "austritt": "2026-07-21",
            "monatslohn": "3000.00",
            "steuerklasse": 1,
            "abwesenheiten": [{"art": "krank", "von": "2026-04-28", "bis": "2026-07-21"}],
        },
    ],
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    tmp = tmp_path_factory.mktemp("unterbrechung")
    offen = geladener_haushalt(tmp, SZENARIO)
    with offen.arbeitseinheit() as sitzung:
        for kraft in sitzung.scalars(select(Assistenzkraft)):
            kraft.versicherungsnummer = "65120485M503"
            kraft.taetigkeit_kldb, kraft.schulabschluss, kraft.ausbildungsabschluss = "83132", "3", "2"
            kraft.vertragsform = "1"
    try:
        for monat in range(1, 13):
            lauf.schliesse_ab(offen, 2026, monat)
        yield offen
    finally:
        offen.schliessen()


def test_unterbrechungsmeldung_im_haushalt(db: Datenbank, tmp_path: Path) -> None:
    """Worked by hand: continued pay 16.03.–26.04. (42 days, § 3 Abs. 1 EFZG), Krankengeld from 27.04.; April paid
    26/30 (3.000 € − 4/30 = 2.600 €). Entgelt to 26.04.: 3 × 3.000 + 2.600 = 11.600 €. May is the first whole month
    without pay: the Meldung comes with May's payroll, due 14.06.2026, Zeitraum 01.01.–26.04.2026."""
    assert [m.grund for m in deuev_meldungen(db, 2026, 4).meldungen] == []
    (m,) = deuev_meldungen(db, 2026, 5).meldungen
    assert m.name == "Sabine Muster"
    assert (m.grund, m.von, m.bis, m.entgelt, m.faellig) == (
        "51",
        date(2026, 1, 1),
        date(2026, 4, 26),
        11600,
        date(2026, 6, 14),
    )
    assert (m.personengruppe, m.beitragsgruppe) == ("101", "1111")
    assert "Krankengeld" in m.erlaeuterung and "26.04.2026" in m.erlaeuterung
    assert deuev_meldungen(db, 2026, 6).meldungen == ()
    deuev_exportieren(db, 2026, 5, tmp_path / "u.pdf")
    text = "\n".join(pdf_text(tmp_path / "u.pdf"))
    assert "51 – Unterbrechungsmeldung" in text and "11600" in text and "14.06.2026" in text


def test_jahresmeldung_nach_der_unterbrechung(db: Datenbank) -> None:
    """Pay resumes on 01.07.: the Jahresmeldung covers 01.07.–31.12.2026 with only what the 51 did not carry,
    6 × 3.000 € = 18.000 € (§ 10 Abs. 2 DEÜV)."""
    sabine, ulla = deuev_meldungen(db, 2026, 12).meldungen
    assert (sabine.grund, sabine.von, sabine.bis, sabine.entgelt) == ("50", date(2026, 7, 1), date(2026, 12, 31), 18000)
    # Ulla (below) resumed on 21.09.: September pays 10/30 of 3.000 € = 1.000 €, then 3 × 3.000 €
    assert (ulla.grund, ulla.von, ulla.entgelt) == ("50", date(2026, 9, 21), 10000)


def test_unbezahlt_ueber_einen_monat_abmeldung_34_und_anmeldung_13(db: Datenbank) -> None:
    """Ulla, unpaid 08.08.–20.09.2026 (Haufe's example, "Unbezahlter Urlaub, Meldungen"): the month from 08.08. ends on
    07.09. (§ 7 Abs. 3 Satz 1 SGB IV, §§ 187, 188 BGB): Abmeldung 34 for 01.01.–07.09.2026, due six weeks later
    (19.10.2026); Anmeldung 13 on 21.09., due 02.11.2026. Entgelt to 07.09.: 7 × 3.000 € and August less 24/31
    unpaid days (3.000 − 2.322,58 = 677,42 €) = 21.677,42 € → 21.677 €. No Meldung in August (not yet a month)."""
    assert [m.grund for m in deuev_meldungen(db, 2026, 8).meldungen] == []
    ab, an = deuev_meldungen(db, 2026, 9).meldungen
    assert (ab.grund, ab.von, ab.bis, ab.entgelt, ab.faellig) == (
        "34",
        date(2026, 1, 1),
        date(2026, 9, 7),
        21677,
        date(2026, 10, 19),
    )
    assert (an.grund, an.von, an.bis, an.entgelt, an.faellig) == (
        "13",
        date(2026, 9, 21),
        None,
        None,
        date(2026, 11, 2),
    )
    liste = fristen(db, date(2026, 10, 1), date(2026, 11, 30))
    assert {(f.titel, f.faellig) for f in liste if f.art == "deuev_unterbrechung"} == {
        ("Abmeldung (DEÜV, Grund 34) Ulla Urlaub", date(2026, 10, 19)),
        ("Anmeldung (DEÜV, Grund 13) Ulla Urlaub", date(2026, 11, 2)),
    }


def test_unbezahlt_sv_tage_enden_mit_der_abmeldung_34(db: Datenbank) -> None:
    """The run agrees with the Meldungen (§ 7 Abs. 3 Satz 1 SGB IV): Ulla's employment ends for the SV on 07.09. (the
    Abmeldung 34 above) and starts again on 21.09. (the Anmeldung 13). August: the leave from 08.08. is within its
    month, 30 SV-Tage. September: 01.–07.09. and 21.–30.09. = 7 + 10 = 17 SV-Tage (08.–20.09. are none). The year
    adds them up: 7 × 30 + 30 + 17 + 3 × 30 = 347 SV-Tage (the pro-rata annual BBG for one-offs)."""
    sv_tage = {
        monat: next(
            g.ergebnis for g in ablage.lade_monat(db, 2026, monat).ergebnisse if g.ergebnis.name == "Ulla Urlaub"
        )
        for monat in (8, 9, 10, 12)
    }
    assert {m: (e.beschaeftigung, e.sv_tage) for m, e in sv_tage.items()} == {
        8: (Beschaeftigungsart.SV_PFLICHTIG, 30),
        9: (Beschaeftigungsart.SV_PFLICHTIG, 17),
        10: (Beschaeftigungsart.SV_PFLICHTIG, 30),
        12: (Beschaeftigungsart.SV_PFLICHTIG, 30),
    }
    assert sv_tage[12].jahreswerte.sv_tage == 347
    assert "UNBEZAHLT_UEBER_EINEN_MONAT" in {h.code for h in sv_tage[9].hinweise}


def test_ende_im_monat_nach_dem_entgelt_haufe_beispiel_im_haushalt(db: Datenbank) -> None:
    """Haufe's § 9 Abs. 2 example in the household: Karl, sick from 28.04.2026, continued pay for 42 days to 08.06.,
    Krankengeld from 09.06., employment ends 21.07. Unterbrechungsmeldung 01.01.–08.06.2026 with 4 × 3.000 € +
    May 3.000 € + June 8/30 (3.000 − 22/30 × 3.000 = 800 €) = 15.800 €, due six weeks after the end (01.09.2026);
    Abmeldung 09.06.–21.07.2026 with Entgelt 0, due the same day. No Meldung in June (no whole month)."""
    assert [m.name for m in deuev_meldungen(db, 2026, 6).meldungen] == []
    unterbrechung, abmeldung = deuev_meldungen(db, 2026, 7).meldungen
    assert (unterbrechung.grund, unterbrechung.von, unterbrechung.bis, unterbrechung.entgelt) == (
        "51",
        date(2026, 1, 1),
        date(2026, 6, 8),
        15800,
    )
    assert unterbrechung.faellig == date(2026, 9, 1) and "§ 9 Abs. 2 DEÜV" in unterbrechung.erlaeuterung
    assert (abmeldung.grund, abmeldung.von, abmeldung.bis, abmeldung.entgelt, abmeldung.faellig) == (
        "30",
        date(2026, 6, 9),
        date(2026, 7, 21),
        0,
        date(2026, 9, 1),
    )


def test_unbezahlt_nach_kinderkrankengeld_monat_ab_dem_ersten_unbezahlten_tag() -> None:
    """Kinderkrankengeld 02.03.–06.03., then unpaid 07.03.–30.04.: the days with the benefit are an interruption of
    another kind and do not count towards the month of § 7 Abs. 3 Satz 1 SGB IV (Gemeinsames Rundschreiben vom
    12.03.2013 "Fortbestand des Versicherungsverhältnisses", 1.8; BSG 17.02.2004, B 1 KR 7/02 R). The month runs
    07.03.–06.04.: Abmeldung 34 to 06.04. (as the payroll's SV-Tage: April has 6), not to 01.04."""
    ohne = _tage(date(2026, 3, 2), date(2026, 3, 6), Abwesenheitsart.KIND_KRANK)
    ohne |= _tage(date(2026, 3, 7), date(2026, 4, 30), Abwesenheitsart.UNBEZAHLT)
    (u,) = finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 5, 31), date(2020, 1, 1), None)
    assert (u.grund, u.letzter_entgelttag, u.meldungsende, u.wiederaufnahme) == (
        "34",
        date(2026, 3, 1),
        date(2026, 4, 6),
        date(2026, 5, 1),
    )


def test_unbezahlt_genau_einen_monat_keine_meldung() -> None:
    """Unpaid 20.09.–19.10.: exactly the month the employment goes on without pay (Haufe: no Meldungen)."""
    ohne = _tage(date(2026, 9, 20), date(2026, 10, 19), Abwesenheitsart.UNBEZAHLT)
    assert finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 12, 31), date(2020, 1, 1), None) == []


def test_unbezahlt_haufe_beispiel_monatsfrist() -> None:
    """Haufe Personal Office, "Ende einer Beschäftigung nach einer Unterbrechung von länger als einem Monat": unpaid
    20.09.–25.10.: Abmeldung 34 to 19.10., resumed 26.10. (Anmeldung 13)."""
    ohne = _tage(date(2026, 9, 20), date(2026, 10, 25), Abwesenheitsart.UNBEZAHLT)
    (u,) = finde_unterbrechungen(ohne, date(2026, 1, 1), date(2026, 12, 31), date(2020, 1, 1), None)
    assert (u.grund, u.letzter_entgelttag, u.meldungsende, u.wiederaufnahme) == (
        "34",
        date(2026, 9, 19),
        date(2026, 10, 19),
        date(2026, 10, 26),
    )
    assert u.meldemonat == (2026, 10) and u.faellig == date(2026, 11, 30)


def test_frist_in_der_liste(db: Datenbank) -> None:
    (frist,) = [f for f in fristen(db, date(2026, 6, 1), date(2026, 6, 30)) if f.art == "deuev_unterbrechung"]
    assert frist.faellig == date(2026, 6, 14) and "Sabine Muster" in frist.titel
    assert "§ 9 Abs. 1 DEÜV" in frist.rechtsgrundlage


def test_minijob_krank_ohne_krankengeld_wie_unbezahlt(vorlage_ergebnis: Monatsergebnis) -> None:
    """A Minijob (109) brings no Krankengeld: sick from 01.06. to 20.07. with continued pay to 12.07. (42 days) is
    not a month without pay; sick to 20.08. it is: the month from 13.07. ends 12.08., Abmeldung 34 (Lexware FAQ
    "Abmeldung mit Meldegrund 34": "Krankheit ohne Krankengeld")."""
    from core.abrechnung.modell import Fortzahlung
    from core.dienstplan.abwesenheit import Abwesenheit

    abw = Abwesenheit(1, KRANK, date(2026, 6, 1), date(2026, 8, 20), id=7)
    tage: dict[date, Abwesenheitsart] = {}
    for monat, bezahlt in ((6, (date(2026, 6, 1), date(2026, 6, 30))), (7, (date(2026, 7, 1), date(2026, 7, 12)))):
        f = Fortzahlung(7, "krank", "U1", "arbeitsunfaehigkeit", bezahlt[0], bezahlt[1], 0, Decimal(0), Decimal(0))
        e = replace(vorlage_ergebnis, fortzahlungen=(f,))
        tage.update(tage_ohne_entgelt(2026, monat, [abw], e, geringfuegig=True))
    tage.update(tage_ohne_entgelt(2026, 8, [abw], replace(vorlage_ergebnis, fortzahlungen=()), geringfuegig=True))
    assert min(tage) == date(2026, 7, 13) and set(tage.values()) == {Abwesenheitsart.UNBEZAHLT}
    (u,) = finde_unterbrechungen(tage, date(2026, 1, 1), date(2026, 8, 31), date(2020, 1, 1), None)
    assert (u.grund, u.letzter_entgelttag, u.meldungsende, u.wiederaufnahme) == (
        "34",
        date(2026, 7, 12),
        date(2026, 8, 12),
        date(2026, 8, 21),
    )
    # the same days for an assistant insured through the job: Krankengeld, no 34 (and no whole month: no 51 either)
    mit_krankengeld = {t: KRANK for t in tage}
    assert finde_unterbrechungen(mit_krankengeld, date(2026, 1, 1), date(2026, 8, 31), date(2020, 1, 1), None) == []


@pytest.fixture(scope="module")
def vorlage_ergebnis() -> Monatsergebnis:
    from core.abrechnung.rechnen import berechne
    from core.abrechnung.szenario import lies_szenario
    from tests.core.io.belege_hilfe import szenario

    return berechne(lies_szenario(szenario("sv_pflichtig_feiertag")).eingaben[0])
