"""Copying between service dataclasses and ORM rows by field name (no ORM object leaves a service)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from core.fehler import FeldFehler

T = TypeVar("T")


def nach_modell(daten: Any, modell: Any, *, ausser: tuple[str, ...] = ("id",)) -> None:
    for feld in fields(daten):
        if feld.name in ausser or not hasattr(type(modell), feld.name):
            continue
        setattr(modell, feld.name, getattr(daten, feld.name))


def nach_unterliste(
    vorhandene: Iterable[Any], daten: Iterable[Any], neu: Callable[[], Any], *, ausser: tuple[str, ...] = ("id",)
) -> list[Any]:
    """The rows of a child list after saving: a row with a known `id` is updated in place, others are created
    with `neu()`; rows not named in `daten` are left out (the relationship's delete-orphan removes them).
    `ausser`: fields not copied (as in `nach_modell`), e.g. a nested list the caller maps itself."""
    nach_id = {zeile.id: zeile for zeile in vorhandene}
    ergebnis = []
    for eintrag in daten:
        ziel = (nach_id.get(eintrag.id) if eintrag.id is not None else None) or neu()
        nach_modell(eintrag, ziel, ausser=ausser)
        ergebnis.append(ziel)
    return ergebnis


def aus_modell(klasse: type[T], modell: Any, **extra: Any) -> T:
    werte = {
        f.name: getattr(modell, f.name)
        for f in fields(klasse)  # type: ignore[arg-type]
        if f.name not in extra and f.init and hasattr(type(modell), f.name)
    }
    return klasse(**werte, **extra)


def pflicht(fehler: dict[str, str], feld: str, wert: str, bezeichnung: str) -> None:
    if not (wert or "").strip():
        fehler[feld] = f"Bitte geben Sie {bezeichnung} an."


def merke(fehler: dict[str, str], feld: str, meldung: str | None) -> None:
    """Record the message of a `core.domain.kennungen` check (None: the field is fine)."""
    if meldung:
        fehler[feld] = meldung


def melde(fehler: dict[str, str]) -> None:
    """Raise FeldFehler when any field is wrong."""
    if fehler:
        raise FeldFehler(fehler)


def prozent_im_bereich(
    fehler: dict[str, str], feld: str, wert: Decimal | None, bezeichnung: str, *, hoechstens: int = 100
) -> None:
    if wert is None:
        return
    if isinstance(wert, float) or not isinstance(wert, Decimal):
        fehler[feld] = f"{bezeichnung}: bitte als Zahl angeben."
    elif not Decimal(0) <= wert <= Decimal(hoechstens):
        fehler[feld] = f"{bezeichnung} muss zwischen 0 und {hoechstens} % liegen."


def nicht_in_zukunft(fehler: dict[str, str], feld: str, tag: date | None, bezeichnung: str, heute: date) -> None:
    if tag is not None and tag > heute:
        fehler[feld] = f"{bezeichnung} ({tag:%d.%m.%Y}) liegt in der Zukunft."
