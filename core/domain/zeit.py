"""Local time in Europe/Berlin: real durations over DST changes, splitting at local midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from core.fehler import EingabeFehler

BERLIN = ZoneInfo("Europe/Berlin")


def lokal(tag: date, uhrzeit: time, *, fold: int = 0) -> datetime:
    """An aware Berlin datetime; refuses a wall time that does not exist (the hour skipped in March).

    `fold=1` picks the second occurrence of the repeated hour in October (02:00–03:00 happens twice).
    """
    ergebnis = datetime.combine(tag, uhrzeit, tzinfo=BERLIN).replace(fold=fold)
    if ergebnis.astimezone(UTC).astimezone(BERLIN).replace(tzinfo=None) != ergebnis.replace(tzinfo=None):
        raise EingabeFehler(
            f"Die Uhrzeit {uhrzeit:%H:%M} gibt es am {tag:%d.%m.%Y} nicht (Umstellung auf Sommerzeit). "
            "Bitte wählen Sie 01:59 oder 03:00."
        )
    return ergebnis


def als_berlin(zeitpunkt: datetime) -> datetime:
    """Attach Berlin time to a naive datetime (checked), or convert an aware one."""
    if zeitpunkt.tzinfo is None:
        return lokal(zeitpunkt.date(), zeitpunkt.time(), fold=zeitpunkt.fold)
    return zeitpunkt.astimezone(BERLIN)


def dauer(beginn: datetime, ende: datetime) -> timedelta:
    """Real elapsed time. Python subtracts same-zone aware datetimes by wall clock: the change of the UTC offset
    between them (the hour of a DST change) is taken off. Asked hundreds of times per payroll month, so without the
    two conversions to UTC it used to make (issue 15); other combinations still go through UTC."""
    zone = beginn.tzinfo
    if zone is not None and zone is ende.tzinfo:
        versatz_beginn, versatz_ende = beginn.utcoffset(), ende.utcoffset()
        if versatz_beginn is not None and versatz_ende is not None:
            return (ende - beginn) - (versatz_ende - versatz_beginn)
    return ende.astimezone(UTC) - beginn.astimezone(UTC)


def stunden(zeitspanne: timedelta) -> Decimal:
    """A timedelta as exact decimal hours (no float)."""
    mikro = (zeitspanne.days * 86_400 + zeitspanne.seconds) * 1_000_000 + zeitspanne.microseconds
    return Decimal(mikro) / Decimal(3_600_000_000)


_MITTERNACHT = time(0)
_NICHTS = timedelta(0)
_EIN_TAG = timedelta(days=1)


def tagesbeginn(tag: date) -> datetime:
    """Local midnight at the start of `tag` (always exists in Germany: DST switches at 02:00/03:00)."""
    return datetime.combine(tag, _MITTERNACHT, tzinfo=BERLIN)


def teile_nach_kalendertagen(beginn: datetime, ende: datetime) -> list[tuple[date, datetime, datetime]]:
    """Split [beginn, ende) at local midnights: one (day, start, end) piece per calendar day touched."""
    if dauer(beginn, ende) < _NICHTS:
        raise EingabeFehler("Das Ende liegt vor dem Beginn.")
    beginn, ende = als_berlin(beginn), als_berlin(ende)
    if beginn.date() == ende.date() and dauer(beginn, ende) > _NICHTS:
        return [(beginn.date(), beginn, ende)]  # most shifts: within one day, what the loop below gives
    teile: list[tuple[date, datetime, datetime]] = []
    start = beginn
    while dauer(start, ende) > _NICHTS:
        naechster = tagesbeginn(start.date() + _EIN_TAG)
        stopp = ende if dauer(naechster, ende) <= _NICHTS else naechster
        teile.append((start.date(), start, stopp))
        start = stopp
    return teile
