"""Statutory minimum leave (§ 3 BUrlG): 24 Werktage for a six-day week, pro rata for fewer days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.regeln.tabellen import wert

_WERKTAGE_WOCHE = Decimal(6)


def gesetzlicher_mindesturlaub(arbeitstage_woche: Decimal, stichtag: date) -> Decimal:
    """Days of leave per calendar year: Mindesturlaub × working days per week / 6 (exact, no rounding).

    For a five-day week that is 20 days; § 5 BUrlG part-year entitlements are a separate rule.
    """
    if isinstance(arbeitstage_woche, float) or not Decimal(0) <= arbeitstage_woche <= Decimal(7):
        raise ValueError("Arbeitstage je Woche müssen zwischen 0 und 7 liegen.")
    # Converted to the person's own working days (BAG); a seven-day week gives 28 days.
    ergebnis = wert("urlaub_mindest_werktage", stichtag) * arbeitstage_woche / _WERKTAGE_WOCHE
    if ergebnis == ergebnis.to_integral_value():
        return ergebnis.quantize(Decimal(1))
    return ergebnis.quantize(Decimal("0.01"))
