"""Days of a roster month: weekday, Sunday, holiday of the Land (German name), 24.12./31.12."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from core.domain.kalender import MONATE, WOCHENTAGE, WOCHENTAGE_KURZ, feiertag

#: Not public holidays, but special for § 3b EStG (from 14 Uhr) and for planning.
BESONDERE_TAGE = {(12, 24): "Heiligabend", (12, 31): "Silvester"}


@dataclass(frozen=True, slots=True)
class Tagesinfo:
    tag: date
    feiertag: str | None
    besonderer_tag: str | None

    @property
    def wochentag(self) -> str:
        return WOCHENTAGE[self.tag.weekday()]

    @property
    def wochentag_kurz(self) -> str:
        return WOCHENTAGE_KURZ[self.tag.weekday()]

    @property
    def sonntag(self) -> bool:
        return self.tag.weekday() == 6

    @property
    def wochenende(self) -> bool:
        return self.tag.weekday() >= 5

    @property
    def bemerkung(self) -> str:
        """Holiday or special day in words ("" if none) — shown as text, never by colour alone."""
        return self.feiertag or self.besonderer_tag or ""


def tagesinfo(land: str, tag: date, *, katholisch: bool = False) -> Tagesinfo:
    return Tagesinfo(
        tag=tag,
        feiertag=feiertag(land, tag, katholisch=katholisch),
        besonderer_tag=BESONDERE_TAGE.get((tag.month, tag.day)),
    )


def monatstage(jahr: int, monat: int) -> list[date]:
    anzahl = calendar.monthrange(jahr, monat)[1]
    return [date(jahr, monat, t) for t in range(1, anzahl + 1)]


def monatsinfo(land: str, jahr: int, monat: int, *, katholisch: bool = False) -> list[Tagesinfo]:
    return [tagesinfo(land, t, katholisch=katholisch) for t in monatstage(jahr, monat)]


def montag_der_woche(tag: date) -> date:
    return tag - timedelta(days=tag.weekday())


def monatsname(jahr: int, monat: int) -> str:
    return f"{MONATE[monat - 1]} {jahr}"
