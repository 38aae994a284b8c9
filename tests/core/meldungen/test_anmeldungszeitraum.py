"""The Lohnsteuer-Anmeldungszeitraum of a household that did not employ all of last year (§ 41a Abs. 2 Satz 3 and 4
EStG, text as in bundestag/gesetze e/estg/index.md): last year's tax converted to a year, or the tax of the first
whole calendar month after the first employment began × 12. Thresholds: more than 5.000 € monthly, more than
1.080 € quarterly, else yearly (Satz 2; resources/regeln/dauerhaft.toml). Every figure below is worked by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from core.abrechnung.modell import Monatsergebnis
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.meldungen.lohnsteuer_anmeldung import (
    JAEHRLICH,
    MONATLICH,
    VIERTELJAEHRLICH,
    erster_voller_monat,
    zeitraum_aus_ergebnissen,
)
from tests.core.io.belege_hilfe import szenario


@pytest.fixture(scope="module")
def vorlage() -> Monatsergebnis:
    return berechne(lies_szenario(szenario("sv_pflichtig_feiertag")).eingaben[0])


def _mit(vorlage: Monatsergebnis, jahr: int, monat: int, lohnsteuer: str) -> Monatsergebnis:
    return replace(vorlage, jahr=jahr, monat=monat, lohnsteuer=Decimal(lohnsteuer), pauschsteuer=Decimal(0))


@pytest.mark.parametrize(
    ("eroeffnung", "erwartet"),
    [
        (date(2026, 3, 1), (2026, 3)),
        (date(2026, 3, 15), (2026, 4)),
        (date(2026, 12, 2), (2027, 1)),
    ],
    ids=["am-ersten", "mitten-im-monat", "im-dezember"],
)
def test_erster_voller_kalendermonat(eroeffnung: date, erwartet: tuple[int, int]) -> None:
    assert erster_voller_monat(eroeffnung) == erwartet


def test_beginn_mitten_im_monat_zaehlt_der_erste_volle_monat(vorlage: Monatsergebnis) -> None:
    """First employment from 15.03.2026: March (half a month, 100 €) does not decide, April does:
    500 € × 12 = 6.000 € > 5.000 € → monthly. (March × 12 = 1.200 € would have meant quarterly.)"""
    dieses = [_mit(vorlage, 2026, 3, "100"), _mit(vorlage, 2026, 4, "500")]
    z = zeitraum_aus_ergebnissen(2026, [], dieses, date(2026, 3, 15))
    assert (z.art, z.grundlage, z.sicher) == (MONATLICH, Decimal("6000"), True)
    assert "April 2026" in z.begruendung and "Satz 4" in z.begruendung


def test_beginn_am_monatsersten(vorlage: Monatsergebnis) -> None:
    """From 01.03.2026: March itself is whole; 300 € × 12 = 3.600 € → quarterly."""
    z = zeitraum_aus_ergebnissen(2026, [], [_mit(vorlage, 2026, 3, "300")], date(2026, 3, 1))
    assert (z.art, z.grundlage, z.sicher) == (VIERTELJAEHRLICH, Decimal("3600"), True)


def test_erster_voller_monat_noch_offen(vorlage: Monatsergebnis) -> None:
    """From 15.03.2026 with only March finalised: not yet decidable, monthly for now, the Finanzamt's letter rules."""
    z = zeitraum_aus_ergebnissen(2026, [], [_mit(vorlage, 2026, 3, "100")], date(2026, 3, 15))
    assert (z.art, z.sicher) == (MONATLICH, False) and "April 2026" in z.begruendung


def test_vorjahr_ab_mitte_oktober_umgerechnet(vorlage: Monatsergebnis) -> None:
    """Opened 15.10.2025 (Satz 3): October (started) to December are 3 months; 100 + 400 + 400 = 900 €,
    900 × 12 / 3 = 3.600 € → quarterly (900 € unconverted would have meant yearly)."""
    vorjahr = [_mit(vorlage, 2025, 10, "100"), _mit(vorlage, 2025, 11, "400"), _mit(vorlage, 2025, 12, "400")]
    z = zeitraum_aus_ergebnissen(2026, vorjahr, [], date(2025, 10, 15))
    assert (z.art, z.grundlage, z.sicher) == (VIERTELJAEHRLICH, Decimal("3600.00"), True)
    assert "Satz 3" in z.begruendung


def test_vorjahr_ganz_gezahlt(vorlage: Monatsergebnis) -> None:
    """Open all of 2025 (Satz 2): 12 × 90 € = 1.080 €, not more than 1.080 € → yearly."""
    vorjahr = [_mit(vorlage, 2025, m, "90") for m in range(1, 13)]
    z = zeitraum_aus_ergebnissen(2026, vorjahr, [], date(2019, 5, 1))
    assert (z.art, z.grundlage, z.sicher) == (JAEHRLICH, Decimal("1080"), True)


def test_vorjahr_fehlt_teilweise_im_programm(vorlage: Monatsergebnis) -> None:
    """Employer since 2019, but only October to December 2025 are in the program: 3 × 400 € converted to
    4.800 € is an estimate (quarterly), the Finanzamt's letter decides."""
    vorjahr = [_mit(vorlage, 2025, m, "400") for m in (10, 11, 12)]
    z = zeitraum_aus_ergebnissen(2026, vorjahr, [], date(2019, 5, 1))
    assert (z.art, z.grundlage, z.sicher) == (VIERTELJAEHRLICH, Decimal("4800.00"), False)
    assert "Finanzamt" in z.begruendung


def test_vorjahr_fehlt_ganz(vorlage: Monatsergebnis) -> None:
    """Employer since 2019, the program starts in March 2026: March × 12 (500 € → 6.000 €) is only an estimate;
    Satz 4 does not apply, as the household existed last year."""
    z = zeitraum_aus_ergebnissen(2026, [], [_mit(vorlage, 2026, 3, "500")], date(2019, 5, 1))
    assert (z.art, z.grundlage, z.sicher) == (MONATLICH, Decimal("6000"), False)
    assert "Satz 2" in z.begruendung and "Satz 4" not in z.begruendung
