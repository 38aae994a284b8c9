"""Statutory minimum leave (§ 3 BUrlG): 24 Werktage for a six-day week, converted to the person's working days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.fehler import EingabeFehler
from core.regeln.tabellen import unterstuetzte_jahre, wert

#: § 3 Abs. 1 BUrlG in its present wording ("mindestens 24 Werktage") applies since 01.01.1995 (Art. 2 of the
#: Arbeitszeitrechtsgesetz of 06.06.1994, BGBl. I S. 1170). The year files start later; for a contract version
#: from before them the same law holds, so its minimum is shown with the figures of the first year the program has.
BURLG_24_WERKTAGE_SEIT = date(1995, 1, 1)


def gesetzlicher_urlaub(tage_pro_woche: Decimal, stichtag: date) -> Decimal:
    """24 Werktage × working days per week / 6 (exact; BAG: converted to the person's own working days)."""
    if not Decimal(0) < tage_pro_woche <= Decimal(7):
        raise EingabeFehler("Die Arbeitstage je Woche müssen zwischen 0 und 7 liegen.", feld="tage_pro_woche")
    return wert("urlaub_mindest_werktage", stichtag) * tage_pro_woche / wert("urlaub_werktage_je_woche", stichtag)


def gesetzlicher_urlaub_unregelmaessig(arbeitstage_im_jahr: int, stichtag: date) -> Decimal:
    """Irregular schedules: 24 × working days in the year / 312 (BAG)."""
    if arbeitstage_im_jahr < 0:
        raise EingabeFehler("Die Zahl der Arbeitstage im Jahr kann nicht negativ sein.")
    return wert("urlaub_mindest_werktage", stichtag) * arbeitstage_im_jahr / wert("urlaub_werktage_je_jahr", stichtag)


def gesetzlicher_mindesturlaub(arbeitstage_woche: Decimal, stichtag: date) -> Decimal:
    """The statutory minimum for display beside the agreed leave: whole days, else two decimals.

    For a five-day week that is 20 days; a seven-day week gives 28. § 5 BUrlG part years: core.dienstplan.urlaub.
    A contract version from before the program's first year (e.g. 2024) gets the same minimum: the law is older.
    """
    erstes_jahr = min(unterstuetzte_jahre())
    if BURLG_24_WERKTAGE_SEIT <= stichtag < date(erstes_jahr, 1, 1):
        stichtag = date(erstes_jahr, 1, 1)
    ergebnis = gesetzlicher_urlaub(arbeitstage_woche, stichtag)
    if ergebnis == ergebnis.to_integral_value():
        return ergebnis.quantize(Decimal(1))
    return ergebnis.quantize(Decimal("0.01"))
