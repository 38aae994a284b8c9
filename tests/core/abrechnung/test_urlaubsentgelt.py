"""Urlaubsentgelt by § 11 Abs. 1 BUrlG: the 13 weeks' average pay per hour × the hours that fall out (hand figures)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from core.abrechnung.modell import Monatseingabe, Monatsergebnis, Tagesverdienst, Vorgeschichte, Vormonat
from core.abrechnung.rechnen import berechne
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.abrechnung.hilfe import eingabe as szenario_eingabe
from tests.core.abrechnung.hilfe import tagschichten

d = Decimal


def eingabe(tage: list[int], urlaub: tuple[str, str], **weiter: Any) -> Monatseingabe:
    return szenario_eingabe(
        id="u",
        elterneigenschaft=False,
        stundenlohn="15.00",
        schichten=tagschichten(tage),
        abwesenheiten=[{"id": 1, "art": "urlaub", "von": urlaub[0], "bis": urlaub[1]}],
        **weiter,
    )


def vormonat(jahr: int, monat: int, tage: list[int], betrag: str) -> Vormonat:
    verdienste = tuple(Tagesverdienst(date(jahr, monat, t), d("8.00"), d(betrag)) for t in tage)
    return Vormonat(jahr, monat, Beschaeftigungsart.SV_PFLICHTIG, d(betrag) * len(tage), tagesverdienste=verdienste)


def urlaubszeile(k: Monatsergebnis) -> tuple[Decimal | None, Decimal | None, Decimal]:
    zeilen = [z for z in k.lohnarten if z.abwesenheit_id == 1]
    assert len(zeilen) == 1, zeilen
    return zeilen[0].menge, zeilen[0].satz, zeilen[0].betrag


def test_durchschnitt_der_letzten_13_wochen() -> None:
    # Urlaub Mo 02.–Fr 06.03.2026, geplant je 8–16 Uhr = 40 h. The 13 weeks before: 01.12.2025–01.03.2026 (91 days).
    # December 10 days × 8 h, 130 € a day = 1.300; January 10 × 120 = 1.200; February 10 × 125 = 1.250
    # → 3.750 € for 240 h = 15,625 €/h; × 40 h = 625,00 (the contract's 15 €/h would give 600,00).
    # 30.11.2025 (8 h, 999 €) lies outside the 13 weeks and must not count.
    vorgeschichte = Vorgeschichte(
        bekannt=True,
        vormonate=(
            vormonat(2025, 11, [30], "999.00"),
            vormonat(2025, 12, list(range(1, 11)), "130.00"),
            vormonat(2026, 1, list(range(5, 15)), "120.00"),
            vormonat(2026, 2, list(range(2, 12)), "125.00"),
        ),
    )
    e = replace(eingabe([2, 3, 4, 5, 6], ("2026-03-02", "2026-03-06")), vorgeschichte=vorgeschichte)
    k = berechne(e)
    assert urlaubszeile(k) == (d("40.00"), d("15.6250"), d("625.00"))
    assert k.lohnfortzahlung == d("625.00") and k.brutto == d("625.00")
    assert "URLAUBSENTGELT_13_WOCHEN" in {h.code for h in k.hinweise}


def test_ohne_vorgeschichte_die_geplanten_schichten() -> None:
    # A scenario does not know December to February: the planned 40 h at the contract's 15 €/h = 600,00, with a Hinweis.
    k = berechne(eingabe([2, 3, 4, 5, 6], ("2026-03-02", "2026-03-06")))
    assert urlaubszeile(k) == (d("40.00"), d("15.00"), d("600.00"))
    assert "URLAUBSENTGELT_ANNAHME" in {h.code for h in k.hinweise}


def test_kurze_beschaeftigung_verkuerzt_die_13_wochen_mit_zuschlaegen() -> None:
    # Eintritt Mo 02.03.2026: the reference period is 02.–22.03. (§ 11 BUrlG, shorter employment). Worked Mo–Fr
    # 02.–20.03. (15 days × 8 h × 15 € = 1.800) and Sundays 08. and 15.03. (8 h + 50 % Sunday surcharge: 2 × 180 =
    # 360): 2.160 € for 136 h = 15,88235… €/h. Urlaub Mo 23.–Fr 27.03., planned 40 h → 635,294… = 635,29 (the planned
    # weekday shifts alone would give 600,00; the average carries the regular surcharges).
    werktage = [t for t in range(2, 21) if date(2026, 3, t).weekday() < 5]
    e = eingabe(
        [*werktage, 8, 15, 23, 24, 25, 26, 27],
        ("2026-03-23", "2026-03-27"),
        eintritt="2026-03-02",
        zuschlaege_prozent={"sonntag": "50"},
    )
    k = berechne(e)
    assert urlaubszeile(k) == (d("40.00"), d("15.8824"), d("635.29"))
    # worked: 17 days × 120 = 2.040 + Sunday surcharges 2 × 60 = 120 (tax-free, § 3b EStG)
    assert (k.grundverguetung, k.steuerfreie_zuschlaege, k.brutto) == (d("2040.00"), d("120.00"), d("2795.29"))


def test_urlaub_ohne_geplante_schichten_je_kalendertag() -> None:
    # Urlaub 02.–06.03. without planned shifts: average per calendar day of the 13 weeks, 3.750 / 91 = 41,2088 €,
    # × 5 leave days = 206,04.
    vorgeschichte = Vorgeschichte(
        bekannt=True,
        vormonate=(
            vormonat(2025, 12, list(range(1, 11)), "130.00"),
            vormonat(2026, 1, list(range(5, 15)), "120.00"),
            vormonat(2026, 2, list(range(2, 12)), "125.00"),
        ),
    )
    e = replace(eingabe([], ("2026-03-02", "2026-03-06")), vorgeschichte=vorgeschichte)
    assert urlaubszeile(berechne(e)) == (d("5.00"), d("41.2088"), d("206.04"))
    assert date(2026, 3, 2) - timedelta(days=91) == date(2025, 12, 1)


def test_feiertagsverguetung_ohne_feiertagszuschlag() -> None:
    # Karfreitag 03.04.2026 is a holiday in BW: the planned shift 8–16 Uhr falls out (absence "feiertag", § 2 EFZG):
    # 8 h × 15 € = 120,00, but no holiday surcharge (she would not have worked on a holiday otherwise).
    # Good Friday's planned shift and one worked Monday; a "Feiertag" on Thursday 02.04. is no holiday → Warnung.
    e = szenario_eingabe(
        monat=4,
        stundenlohn="15.00",
        zuschlaege_prozent={"feiertag": "125"},
        schichten=tagschichten([3, 6], monat=4),
        abwesenheiten=[
            {"id": 1, "art": "feiertag", "von": "2026-04-03", "bis": "2026-04-03"},
            {"id": 2, "art": "feiertag", "von": "2026-04-02", "bis": "2026-04-02"},
        ],
    )
    k = berechne(e)
    # Ostermontag 06.04. worked: 120 + 125 % holiday surcharge 150 (tax-free); Karfreitag: 120 Feiertagsvergütung
    assert (k.grundverguetung, k.lohnfortzahlung, k.zuschlaege) == (d("120.00"), d("120.00"), d("150.00"))
    assert "FEIERTAG_KEIN_FEIERTAG" in {h.code for h in k.hinweise}
