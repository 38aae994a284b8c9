"""Dataclasses ↔ JSON-ready dicts, exactly: Decimal as text with a dot, dates ISO, enums by value, field order kept.

The payroll's input and output types are stored as JSON (a finalised month, an input snapshot) and read back with
`aus_json`; `aus_json(typ, als_json(x)) == x` holds for every type built from the kinds handled here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
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
    if wert is None or (isinstance(wert, bool | int | str) and not isinstance(wert, Enum)):
        return wert
    if isinstance(wert, Enum):
        return wert.value
    if isinstance(wert, Decimal):
        return format(wert, "f")
    if isinstance(wert, datetime):
        return wert.isoformat()
    if isinstance(wert, date):
        return wert.isoformat()
    if isinstance(wert, Hinweis):
        return wert.als_dict()
    if isinstance(wert, tuple | list):
        return [als_json(w) for w in wert]
    if isinstance(wert, dict):
        return {str(als_json(k)): als_json(v) for k, v in wert.items()}
    if dataclasses.is_dataclass(wert) and not isinstance(wert, type):
        return {f.name: als_json(getattr(wert, f.name)) for f in dataclasses.fields(wert)}
    raise TypeError(f"nicht serialisierbar: {type(wert).__name__}")


@cache
def _hinweise_der_felder(typ: type) -> dict[str, Any]:
    return typing.get_type_hints(typ)


def aus_json(typ: type[T], roh: Any) -> T:
    """Read back what `als_json` wrote, for the declared type (nested dataclasses, tuples, unions with None)."""
    return typing.cast(T, _lies(typ, roh, typ.__name__))


def _lies(typ: Any, roh: Any, ort: str) -> Any:
    herkunft = typing.get_origin(typ)
    if herkunft in (typing.Union, types.UnionType):
        optionen = typing.get_args(typ)
        if roh is None and type(None) in optionen:
            return None
        andere = [o for o in optionen if o is not type(None)]
        if len(andere) == 1:
            return _lies(andere[0], roh, ort)
        for option in andere:  # e.g. `int | Decimal`: the first that reads without error
            try:
                return _lies(option, roh, ort)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"{ort}: {roh!r} passt zu keinem der Typen {andere}")
    if herkunft is tuple:
        argumente = typing.get_args(typ)
        _erwarte(roh, list, ort)
        if len(argumente) == 2 and argumente[1] is Ellipsis:
            return tuple(_lies(argumente[0], w, f"{ort}[{i}]") for i, w in enumerate(roh))
        return tuple(_lies(a, w, f"{ort}[{i}]") for i, (a, w) in enumerate(zip(argumente, roh, strict=True)))
    if herkunft in (dict, typing.Mapping):
        schluessel_typ, wert_typ = typing.get_args(typ)
        _erwarte(roh, dict, ort)
        return {_lies(schluessel_typ, k, ort): _lies(wert_typ, v, f"{ort}[{k}]") for k, v in roh.items()}
    if typ is Any:
        return roh
    if typ is Hinweis:
        _erwarte(roh, dict, ort)
        return Hinweis(roh["code"], Schwere(roh["schwere"]), roh["text"], roh.get("rechtsgrundlage", ""))
    if isinstance(typ, type) and issubclass(typ, Enum):
        return typ(roh)
    if typ is bool:
        _erwarte(roh, bool, ort)
        return roh
    if typ is int:
        if isinstance(roh, bool) or not isinstance(roh, int):
            raise TypeError(f"{ort}: ganze Zahl erwartet, nicht {roh!r}")
        return roh
    if typ is str:
        _erwarte(roh, str, ort)
        return roh
    if typ is Decimal:
        _erwarte(roh, str, ort)
        try:
            return Decimal(roh)
        except InvalidOperation:
            raise ValueError(f"{ort}: {roh!r} ist keine Zahl") from None
    if typ is datetime:
        _erwarte(roh, str, ort)
        return datetime.fromisoformat(roh).astimezone(BERLIN)
    if typ is date:
        _erwarte(roh, str, ort)
        return date.fromisoformat(roh)
    if dataclasses.is_dataclass(typ) and isinstance(typ, type):
        _erwarte(roh, dict, ort)
        hinweise = _hinweise_der_felder(typ)
        werte: dict[str, Any] = {}
        for f in dataclasses.fields(typ):
            if not f.init:
                continue
            if f.name not in roh:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise ValueError(f"{ort}: das Feld „{f.name}“ fehlt")
                continue
            werte[f.name] = _lies(hinweise[f.name], roh[f.name], f"{ort}.{f.name}")
        return typ(**werte)
    raise TypeError(f"{ort}: Typ {typ!r} wird nicht unterstützt")


def _erwarte(roh: Any, typ: type, ort: str) -> None:
    if not isinstance(roh, typ):
        raise TypeError(f"{ort}: {typ.__name__} erwartet, nicht {type(roh).__name__}")
