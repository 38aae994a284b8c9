"""Due dates of the reports and payments, each rule with its legal source.

- Beitragsnachweis: at the Einzugsstelle at the latest at the start of the fünftletzter Bankarbeitstag of the month
  (§ 28f Abs. 3 Satz 1 SGB IV); the contributions are due on the drittletzter Bankarbeitstag of the month in which
  the work was done (§ 23 Abs. 1 Satz 2 SGB IV). Bank working days: `core.meldungen.bankarbeitstage`.
"""

from __future__ import annotations

from datetime import date

from core.meldungen.bankarbeitstage import letzter_bankarbeitstag

QUELLE_BEITRAGSNACHWEIS = "§ 28f Abs. 3 Satz 1 SGB IV (fünftletzter Bankarbeitstag)"
QUELLE_BEITRAGSZAHLUNG = "§ 23 Abs. 1 Satz 2 SGB IV (drittletzter Bankarbeitstag)"


def beitragsnachweis_termine(jahr: int, monat: int, land: str) -> tuple[date, date]:
    """(Beitragsnachweis at the Kasse by the start of this day, contributions credited by this day) for a month."""
    return letzter_bankarbeitstag(jahr, monat, land, 5), letzter_bankarbeitstag(jahr, monat, land, 3)
