"""Bank working days (Bankarbeitstage) for the social-insurance due dates of § 23 Abs. 1 and § 28f Abs. 3 SGB IV.

A day is no Bankarbeitstag on Saturdays and Sundays, on the nationwide holidays, on 24 and 31 December (the
Bundesbank's and the banks' closing days besides TARGET's) and on the public holidays of the Land in which the
Einzugsstelle has its seat (see `core.meldungen.fristen.beitragstermine` for the source); the holidays themselves come
from `holidays` through `core.domain.kalender.feiertage`. The Spitzenverbände's published due-date tables
(Fälligkeitstermine) count the same way and note the Länder whose own holiday (e.g. the Reformationstag) moves a date.
"""

from __future__ import annotations

from datetime import date, timedelta

from core.domain.kalender import feiertage, landeskuerzel, monatsgrenzen

#: Closing days of the Bundesbank and the banks that are no public holiday (Bundesbank, "Bankarbeitstage").
BANKSCHLIESSTAGE = ((12, 24), (12, 31))


def ist_bankarbeitstag(tag: date, land: str) -> bool:
    """False on weekends, public holidays in `land` (nationwide ones included) and on 24 and 31 December."""
    if tag.weekday() >= 5 or (tag.month, tag.day) in BANKSCHLIESSTAGE:
        return False
    return tag not in feiertage(landeskuerzel(land), tag.year)


def letzter_bankarbeitstag(jahr: int, monat: int, land: str, nummer: int) -> date:
    """The `nummer`-th last Bankarbeitstag of the month (1: the last; 3: the drittletzte; 5: the fünftletzte)."""
    if nummer < 1:
        raise ValueError("nummer beginnt bei 1 (der letzte Bankarbeitstag)")
    _erster, naechster = monatsgrenzen(jahr, monat)
    tag = naechster
    gefunden = 0
    while gefunden < nummer:
        tag -= timedelta(days=1)
        if ist_bankarbeitstag(tag, land):
            gefunden += 1
    return tag


def naechster_arbeitstag(tag: date, land: str) -> date:
    """`tag`, or the next working day when it falls on a Saturday, Sunday or holiday (§ 108 Abs. 3 AO, § 193 BGB)."""
    while tag.weekday() >= 5 or tag in feiertage(landeskuerzel(land), tag.year):
        tag += timedelta(days=1)
    return tag
