"""Small builders for roster tests (shifts from local wall times)."""

from __future__ import annotations

from datetime import date, datetime, time

from core.dienstplan.schicht import Arbeitsart, Pause, Schicht, Teil
from core.domain.zeit import lokal


def zp(text: str, fold: int = 0) -> datetime:
    """'2026-03-28 22:00' as an aware Berlin datetime."""
    tag, uhr = text.split()
    return lokal(date.fromisoformat(tag), time.fromisoformat(uhr), fold=fold)


def sch(
    person: int,
    beginn: str,
    ende: str,
    *,
    id: int | None = None,
    bereitschaft: bool = False,
    teile: tuple[tuple[str, str], ...] = (),
    pausen: tuple[tuple[str, str], ...] = (),
    vorlage: str | None = None,
) -> Schicht:
    return Schicht(
        assistenzkraft_id=person,
        beginn=zp(beginn),
        ende=zp(ende),
        arbeitsart=Arbeitsart.BEREITSCHAFT if bereitschaft else Arbeitsart.ARBEIT,
        teile=tuple(Teil(zp(a), zp(b), Arbeitsart.BEREITSCHAFT) for a, b in teile),
        pausen=tuple(Pause(zp(a), zp(b)) for a, b in pausen),
        vorlage=vorlage,
        id=id,
    )
