"""Dataclasses ↔ JSON-ready dicts, exactly: Decimal as text with a dot, dates ISO, enums by value, field order kept.

The payroll's input and output types are stored as JSON (a finalised month, an input snapshot) and read back with
`aus_json`; `aus_json(typ, als_json(x)) == x` holds for every type built from the kinds handled here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from core.domain.hinweis import Hinweis, Schwere
from core.domain.zeit import BERLIN

T = TypeVar("T")


def als_json(wert: Any) -> Any:
    """A dataclass (or a value inside one) as plain JSON types: dict, list, str, int, bool, None."""
    schreiber = _SCHREIBER.get(type(wert))
    if schreiber is None:
        schreiber = _SCHREIBER[type(wert)] = _schreiber(type(wert))
    return schreiber(wert)


#: The writer for each Python type met so far. What `als_json` writes depends only on the value's type, so the
#: questions "an Enum? a dataclass, which fields?" are answered once per type, not once per value: the payroll
#: writes and checks thousands of input snapshots (issue 15: checking a year's corrections spent half its time here).
_SCHREIBER: dict[type, Callable[[Any], Any]] = {}


def _selbst(wert: Any) -> Any:
    return wert


def _schreiber(typ: type) -> Callable[[Any], Any]:
    """The writer for values of `typ`, in the order of precedence of the checks it replaces."""
    if typ is type(None) or (issubclass(typ, bool | int | str) and not issubclass(typ, Enum)):
        return _selbst
    if issubclass(typ, Enum):
        return lambda wert: wert.value
    if issubclass(typ, Decimal):
        return lambda wert: format(wert, "f")
    if issubclass(typ, date):  # datetime too
        return lambda wert: wert.isoformat()
    if issubclass(typ, Hinweis):
        return lambda wert: wert.als_dict()
    if issubclass(typ, tuple | list):
        return lambda wert: [als_json(w) for w in wert]
    if issubclass(typ, dict):
        return lambda wert: {str(als_json(k)): als_json(v) for k, v in wert.items()}
    if dataclasses.is_dataclass(typ):
        namen = tuple(f.name for f in dataclasses.fields(typ))
        return lambda wert: {name: als_json(getattr(wert, name)) for name in namen}

    def unbekannt(wert: Any) -> Any:
        raise TypeError(f"nicht serialisierbar: {type(wert).__name__}")

    return unbekannt


@cache
def _hinweise_der_felder(typ: type) -> dict[str, Any]:
    return typing.get_type_hints(typ)


def aus_json(typ: type[T], roh: Any) -> T:
    """Read back what `als_json` wrote, for the declared type (nested dataclasses, tuples, unions with None)."""
    return typing.cast(T, _leser(typing.cast(Any, typ))(roh, typ.__name__))


Leser = Callable[[Any, str], Any]


def _lies(typ: Any, roh: Any, ort: str) -> Any:
    return _leser(typ)(roh, ort)


@cache
def _leser(typ: Any) -> Leser:
    """The reader for a declared type, built once per type (like the writers above): the type's structure is looked
    at here, the values in the function returned. `ort` names the place in the document for error messages."""
    herkunft = typing.get_origin(typ)
    if herkunft in (typing.Union, types.UnionType):
        return _union_leser(typing.get_args(typ))
    if herkunft is tuple:
        return _tupel_leser(typing.get_args(typ))
    if herkunft in (dict, typing.Mapping):
        schluessel_typ, wert_typ = typing.get_args(typ)
        schluessel_leser, wert_leser = _leser(schluessel_typ), _leser(wert_typ)

        def woerterbuch(roh: Any, ort: str) -> Any:
            _erwarte(roh, dict, ort)
            return {schluessel_leser(k, ort): wert_leser(v, f"{ort}[{k}]") for k, v in roh.items()}

        return woerterbuch
    if typ is Any:
        return lambda roh, ort: roh
    if typ is Hinweis:
        return _hinweis
    if isinstance(typ, type) and issubclass(typ, Enum):
        return lambda roh, ort: typ(roh)
    einfach = _EINFACH.get(typ)
    if einfach is not None:
        return einfach
    if dataclasses.is_dataclass(typ) and isinstance(typ, type):
        return _dataclass_leser(typ)

    def unbekannt(roh: Any, ort: str) -> Any:
        raise TypeError(f"{ort}: Typ {typ!r} wird nicht unterstützt")

    return unbekannt


def _union_leser(optionen: tuple[Any, ...]) -> Leser:
    mit_none = type(None) in optionen
    andere = [o for o in optionen if o is not type(None)]
    leser = [_leser(o) for o in andere]

    def union(roh: Any, ort: str) -> Any:
        if roh is None and mit_none:
            return None
        if len(leser) == 1:
            return leser[0](roh, ort)
        for einer in leser:  # e.g. `int | Decimal`: the first that reads without error
            try:
                return einer(roh, ort)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"{ort}: {roh!r} passt zu keinem der Typen {andere}")

    return union


def _tupel_leser(argumente: tuple[Any, ...]) -> Leser:
    if len(argumente) == 2 and argumente[1] is Ellipsis:
        element = _leser(argumente[0])

        def folge(roh: Any, ort: str) -> Any:
            _erwarte(roh, list, ort)
            return tuple(element(w, f"{ort}[{i}]") for i, w in enumerate(roh))

        return folge
    leser = [_leser(a) for a in argumente]

    def tupel(roh: Any, ort: str) -> Any:
        _erwarte(roh, list, ort)
        return tuple(einer(w, f"{ort}[{i}]") for i, (einer, w) in enumerate(zip(leser, roh, strict=True)))

    return tupel


def _dataclass_leser(typ: type) -> Leser:
    felder: list[tuple[str, str, Leser, bool]] | None = None

    def dataclass(roh: Any, ort: str) -> Any:
        nonlocal felder
        _erwarte(roh, dict, ort)
        if felder is None:  # on first use, so that a type may contain itself
            hinweise = _hinweise_der_felder(typ)
            felder = [
                (
                    f.name,
                    f".{f.name}",
                    _leser(hinweise[f.name]),
                    f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                )
                for f in dataclasses.fields(typ)
                if f.init
            ]
        werte: dict[str, Any] = {}
        for name, pfad, leser, pflicht in felder:
            if name not in roh:
                if pflicht:
                    raise ValueError(f"{ort}: das Feld „{name}“ fehlt")
                continue
            werte[name] = leser(roh[name], ort + pfad)
        return typ(**werte)

    return dataclass


def _hinweis(roh: Any, ort: str) -> Hinweis:
    _erwarte(roh, dict, ort)
    return Hinweis(roh["code"], Schwere(roh["schwere"]), roh["text"], roh.get("rechtsgrundlage", ""))


def _bool(roh: Any, ort: str) -> bool:
    _erwarte(roh, bool, ort)
    return typing.cast(bool, roh)


def _int(roh: Any, ort: str) -> int:
    if isinstance(roh, bool) or not isinstance(roh, int):
        raise TypeError(f"{ort}: ganze Zahl erwartet, nicht {roh!r}")
    return roh


def _str(roh: Any, ort: str) -> str:
    _erwarte(roh, str, ort)
    return typing.cast(str, roh)


def _decimal(roh: Any, ort: str) -> Decimal:
    _erwarte(roh, str, ort)
    try:
        return Decimal(roh)
    except InvalidOperation:
        raise ValueError(f"{ort}: {roh!r} ist keine Zahl") from None


def _datetime(roh: Any, ort: str) -> datetime:
    _erwarte(roh, str, ort)
    return datetime.fromisoformat(roh).astimezone(BERLIN)


def _date(roh: Any, ort: str) -> date:
    _erwarte(roh, str, ort)
    return date.fromisoformat(roh)


_EINFACH: dict[Any, Leser] = {
    bool: _bool,
    int: _int,
    str: _str,
    Decimal: _decimal,
    datetime: _datetime,
    date: _date,
}


def _erwarte(roh: Any, typ: type, ort: str) -> None:
    if not isinstance(roh, typ):
        raise TypeError(f"{ort}: {typ.__name__} erwartet, nicht {type(roh).__name__}")
