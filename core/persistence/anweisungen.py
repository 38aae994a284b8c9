"""One store of compiled SQL statements for all database files the process opens.

SQLAlchemy compiles each statement (query, insert, the ORM's loads) once per engine and keeps it in the engine's
own cache, keyed by the engine's dialect object. Every `Datenbank.oeffnen` makes a new engine, so a second file in
the same run (the demo household created and then opened, a file reopened after encryption or a restore) compiled
every statement again, 0.5–1 ms each. The test suite opens a new file in almost every test and spent about a
fifth of its time there.

Here the engines of `core.persistence.datenbank` share one store (SQLAlchemy's documented `compiled_cache`
execution option). A compiled statement depends only on the dialect's state, never on the file, so the store
replaces the dialect in each key by the first dialect of the process with exactly the same state: same class, same
driver module (sqlite3 or SQLCipher, whose SQLite versions differ), same settings and the same values learned on
the first connection (server version, isolation level). Two dialects that differ in any of these never share a
statement. The helper objects every dialect builds for itself from that state (its type memos, identifier
preparer and type compiler) are left out of the comparison.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.engine.interfaces import Compiled
from sqlalchemy.util import LRUCache

GROESSE = 1000  # distinct statements kept; the program has a few hundred (SQLAlchemy's default per engine: 500)

# built by each dialect from its own state: equal state gives equal helpers, so they are not compared
_EIGENE_HILFSOBJEKTE = frozenset({"_type_memos", "identifier_preparer", "type_compiler", "type_compiler_instance"})


def dialekt_art(dialekt: Dialect) -> tuple[Hashable, ...]:
    """Everything of the dialect's state a compiled statement can depend on, as a hashable value."""
    zustand = sorted((name, wert) for name, wert in vars(dialekt).items() if name not in _EIGENE_HILFSOBJEKTE)
    return (type(dialekt), *((name, _vergleichbar(wert)) for name, wert in zustand))


def _vergleichbar(wert: Any) -> Hashable:
    try:
        hash(wert)
    except TypeError:
        return object()  # unhashable state (none known today): this dialect shares with no other
    return wert


class UebersetzteAnweisungen(LRUCache[Any, Compiled]):
    """SQLAlchemy's statement cache, shared by engines whose dialects have the same state (see the module)."""

    def __init__(self, groesse: int = GROESSE) -> None:
        super().__init__(groesse)
        self._vertreter: dict[tuple[Hashable, ...], Dialect] = {}
        self._je_dialekt: weakref.WeakKeyDictionary[Dialect, Dialect] = weakref.WeakKeyDictionary()
        self._sperre = threading.Lock()

    def _schluessel(self, schluessel: Any) -> Any:
        # SQLAlchemy's key: (dialect, statement key, column keys, schema map?, executemany?)
        dialekt = schluessel[0]
        vertreter = self._je_dialekt.get(dialekt)
        if vertreter is None:
            # first use of this engine's dialect: it is connected, so its state is complete
            with self._sperre:
                vertreter = self._vertreter.setdefault(dialekt_art(dialekt), dialekt)
                self._je_dialekt[dialekt] = vertreter
        return (vertreter, *schluessel[1:])

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._schluessel(key), default)

    def __getitem__(self, key: Any) -> Compiled:
        return super().__getitem__(self._schluessel(key))

    def __setitem__(self, key: Any, value: Compiled) -> None:
        super().__setitem__(self._schluessel(key), value)

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(self._schluessel(key))


ANWEISUNGEN = UebersetzteAnweisungen()
