"""The household's due dates (start page "Fristen"): Beitragsnachweis and payment per Einzugsstelle with the amounts
of the finalised month, the Lohnsteuer-Anmeldung with the period § 41a Abs. 2 EStG gives, ticks that are stored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.abrechnung import lauf
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.fehler import EingabeFehler
from core.meldungen import fristen as regeln
from core.meldungen.beitragsnachweis import beitragsnachweise
from core.meldungen.fristenliste import anstehende, fristen, nimm_zurueck, vermerke_erledigt
from core.meldungen.lohnsteuer_anmeldung import (
    JAEHRLICH,
    MONATLICH,
    VIERTELJAEHRLICH,
    zeitraum_aus_ergebnissen,
)
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from tests.core.io.belege_hilfe import SZENARIEN, szenario
from tests.core.szenario_vorlage import lade_kopie

HAUSHALT = SZENARIEN / "meldungen_zwei_kassen.json"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    """March 2026 finalised; the tests only read, or take back what they tick."""
    pfad = tmp_path_factory.mktemp("fristen") / "haushalt.sqlite"
    lade_kopie(HAUSHALT, pfad)
    offen = start.oeffne(pfad)
    try:
        lauf.schliesse_ab(offen, 2026, 3)
        yield offen
    finally:
        offen.schliessen()


def test_beitragsfristen_mit_betraegen_des_abgeschlossenen_monats(db: Datenbank) -> None:
    liste = fristen(db, date(2026, 3, 1), date(2026, 3, 31))
    summen = {n.einzugsstelle: n.summe for n in beitragsnachweise(db, 2026, 3)}
    nachweise = [f for f in liste if f.art == "beitragsnachweis"]
    zahlungen = [f for f in liste if f.art == "beitragszahlung"]
    assert {f.faellig for f in nachweise} == {date(2026, 3, 25)}  # NW: 31 Tue (1) … 25 Wed (5)
    assert {f.faellig for f in zahlungen} == {date(2026, 3, 27)}
    assert sorted((f.titel.split(" an ")[1].split(" ")[0], f.betrag) for f in zahlungen) == sorted(
        (stelle.split(" ")[0], summe) for stelle, summe in summen.items()
    )
    assert not any(f.vorlaeufig for f in liste)
    assert all("SGB IV" in f.rechtsgrundlage for f in nachweise + zahlungen)


def test_lohnsteuer_anmeldung_faellig_am_zehnten(db: Datenbank) -> None:
    """Only March 2026 is in the program, the assistants were employed before (01.01.2025): March's Lohnsteuer × 12
    is the estimate until the Finanzamt says otherwise (§ 41a Abs. 2 Satz 2 EStG). Sabine's 234,75 € × 12 =
    2.817,00 € lies between 1.080 € and 5.000 €: quarterly, the first quarter due 10.04.2026."""
    (lst,) = [f for f in fristen(db, date(2026, 4, 1), date(2026, 4, 30)) if f.art == "lst_anmeldung"]
    assert (lst.zeitraum, lst.faellig, lst.betrag) == ("1. Quartal 2026", date(2026, 4, 10), Decimal("234.75"))


def test_erledigt_vermerken_und_zuruecknehmen(db: Datenbank) -> None:
    heute = date(2026, 3, 20)
    frist = next(f for f in anstehende(db, heute) if f.art == "beitragszahlung")
    assert frist.zustand(heute) == "offen" and frist.zustand(date(2026, 3, 28)) == "überfällig"
    vermerke_erledigt(db, frist, date(2026, 3, 19))
    neu = next(f for f in anstehende(db, heute) if f.schluessel == frist.schluessel)
    assert neu.erledigt_am == date(2026, 3, 19) and neu.zustand(heute) == "erledigt am 19.03.2026"
    # ticked and past: gone from the start page; not ticked and past: still there as overdue
    spaeter = anstehende(db, date(2026, 4, 2))
    assert frist.schluessel not in {f.schluessel for f in spaeter}
    assert any(f.zustand(date(2026, 4, 2)) == "überfällig" for f in spaeter)
    nimm_zurueck(db, neu)
    assert next(f for f in anstehende(db, heute) if f.schluessel == frist.schluessel).erledigt_am is None
    with pytest.raises(EingabeFehler, match="Zukunft"):
        vermerke_erledigt(db, frist, date(2099, 1, 1))


@pytest.fixture
def entwuerfe(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The months whose draft payroll is computed from here on (year, month), in order."""
    gerechnet: list[tuple[int, int]] = []
    echt = lauf.abrechnung

    def zaehlend(d: Datenbank, jahr: int, monat: int) -> lauf.Monatsabrechnung:
        gerechnet.append((jahr, monat))
        return echt(d, jahr, monat)

    monkeypatch.setattr(lauf, "abrechnung", zaehlend)
    return gerechnet


def test_unveraenderte_daten_ohne_neue_entwurfsabrechnung(db: Datenbank, entwuerfe: list[tuple[int, int]]) -> None:
    """The start page asks on every visit: while the data are unchanged the list is kept, not computed again with
    the draft payroll of the open months (April 2026 here); a tick is a change and is seen at once."""
    von, bis = date(2026, 4, 3), date(2026, 5, 29)  # a span no other test asks for: the first call computes
    erste = fristen(db, von, bis)
    assert (2026, 4) in entwuerfe and erste
    entwuerfe.clear()
    assert fristen(db, von, bis) == erste
    assert entwuerfe == []
    frist = erste[0]
    vermerke_erledigt(db, frist, date(2026, 4, 3))
    try:
        neu = next(f for f in fristen(db, von, bis) if f.schluessel == frist.schluessel)
        assert neu.erledigt_am == date(2026, 4, 3)
    finally:
        nimm_zurueck(db, frist)
    assert next(f for f in fristen(db, von, bis) if f.schluessel == frist.schluessel).erledigt_am is None


def test_monat_ohne_termin_in_der_spanne_ohne_entwurf(db: Datenbank, entwuerfe: list[tuple[int, int]]) -> None:
    """April 2026's Beitragsnachweis is due on the fifth-last bank working day (24.04.2026 at the earliest any Land
    gives, § 23 Abs. 1 SGB IV): a span ending on 10.04.2026 holds none of its dates, so April's draft payroll is not
    computed; the list is the same as that of a longer span cut at 10.04.2026."""
    kurz = fristen(db, date(2026, 3, 2), date(2026, 4, 10))
    assert (2026, 4) not in entwuerfe
    lang = fristen(db, date(2026, 3, 2), date(2026, 4, 30))
    assert (2026, 4) in entwuerfe
    assert kurz == [f for f in lang if f.faellig <= date(2026, 4, 10)]
    assert any(f.art == "lst_anmeldung" for f in kurz)


def _ergebnis_mit(lohnsteuer: str, monat: int, jahr: int = 2025):  # type: ignore[no-untyped-def]
    e = berechne(lies_szenario(szenario("sv_pflichtig_feiertag")).eingaben[0])
    return replace(e, jahr=jahr, monat=monat, lohnsteuer=Decimal(lohnsteuer), pauschsteuer=Decimal(0))


@pytest.mark.parametrize(
    ("monatlich", "erwartet"),
    [
        ("416.67", MONATLICH),  # 12 × 416,67 = 5.000,04 > 5.000 €
        ("416.66", VIERTELJAEHRLICH),  # 4.999,92 ≤ 5.000 €
        ("90.01", VIERTELJAEHRLICH),  # 1.080,12 > 1.080 €
        ("90.00", JAEHRLICH),  # exactly 1.080 €: not more than
    ],
    ids=["ueber-5000", "bis-5000", "ueber-1080", "genau-1080"],
)
def test_anmeldungszeitraum_aus_dem_vorjahr(monatlich: str, erwartet: str) -> None:
    """§ 41a Abs. 2 Satz 2 EStG with last year's twelve months."""
    vorjahr = [_ergebnis_mit(monatlich, m) for m in range(1, 13)]
    zeitraum = zeitraum_aus_ergebnissen(2026, vorjahr, [])
    assert zeitraum.art == erwartet and zeitraum.sicher


def test_vorjahr_nur_teilweise_wird_hochgerechnet() -> None:
    """Employer since October 2025: 3 × 400 € = 1.200 €, on a year 1.200 × 12 / 3 = 4.800 € → quarterly
    (§ 41a Abs. 2 Satz 3 EStG); without the conversion it would have been quarterly too, so also check 1.000 €:
    3 × 100 = 300 → 1.200 € a year → quarterly, where 300 € unconverted would have meant yearly."""
    assert zeitraum_aus_ergebnissen(2026, [_ergebnis_mit("400", m) for m in (10, 11, 12)], []).art == (VIERTELJAEHRLICH)
    klein = zeitraum_aus_ergebnissen(2026, [_ergebnis_mit("100", m) for m in (10, 11, 12)], [])
    assert klein.art == VIERTELJAEHRLICH and klein.grundlage == Decimal("1200.00")


def test_zeitraeume_und_faelligkeit() -> None:
    z = zeitraum_aus_ergebnissen(2026, [_ergebnis_mit("20", m) for m in range(1, 13)], [])
    assert z.art == JAEHRLICH and z.zeitraeume() == [(date(2026, 1, 1), date(2026, 12, 31), "Jahr 2026")]
    # 10.01.2027 is a Sunday: Monday 11.01.2027 (§ 108 Abs. 3 AO)
    assert regeln.lst_anmeldung_faellig(date(2026, 12, 31), "BW") == date(2027, 1, 11)
    # 10.05.2026 is a Sunday: Monday 11.05.2026
    assert regeln.lst_anmeldung_faellig(date(2026, 4, 30), "BW") == date(2026, 5, 11)


def test_weitere_regeln() -> None:
    assert regeln.haushaltsscheck_lastschrift(2026, 1) == date(2026, 7, 31)
    assert regeln.haushaltsscheck_lastschrift(2026, 2) == date(2027, 1, 31)
    assert regeln.jahresmeldung_faellig(2026) == date(2027, 2, 15)
    assert regeln.anmeldung_faellig(date(2026, 3, 2)) == date(2026, 4, 13)
    assert regeln.lohnsteuerbescheinigung_faellig(2027) == date(2028, 2, 29)  # leap year


def test_ics_kalender(db: Datenbank, tmp_path: Path) -> None:
    """RFC 5545 file read back with icalendar: one all-day event per due date, stable UIDs, reminder 3 days before."""
    from icalendar import Calendar

    from core.meldungen.kalender_ics import schreibe_ics

    liste = fristen(db, date(2026, 3, 1), date(2026, 4, 30))
    ziel = schreibe_ics(liste, tmp_path / "fristen.ics")
    cal = Calendar.from_ical(ziel.read_bytes())
    ereignisse = list(cal.walk("VEVENT"))
    assert len(ereignisse) == len(liste) and len({str(e["uid"]) for e in ereignisse}) == len(liste)
    erstes = ereignisse[0]
    assert erstes.decoded("dtstart") == liste[0].faellig
    assert "Rechtsgrundlage" in str(erstes["description"])
    assert str(next(iter(erstes.walk("VALARM")))["trigger"].to_ical(), "ascii") == "-P3D"


def test_export_fristen_auf_der_kommandozeile(db: Datenbank, tmp_path: Path) -> None:
    from core.cli import main

    ziel = tmp_path / "f.ics"
    assert main(["export", "fristen", "--db", str(db.pfad), "--jahr", "2026", "--ausgabe", str(ziel)]) == 0
    assert ziel.read_bytes().startswith(b"BEGIN:VCALENDAR")
