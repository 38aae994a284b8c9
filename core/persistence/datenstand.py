"""A fingerprint of a data file's content, cheap enough to take before every costly computation it guards.

Figures that take long (the draft payroll of open months for the budget forecast or the start page's due dates)
are kept in memory with the fingerprint of the data they were computed from; while it is unchanged the kept figures
are shown, after any change they are computed again. Per table: the row count and newest change stamp
(`geaendert_am`, set on every insert and update), for an append-only table the count and newest id, and for a table
without change stamp (at most `KLEIN` rows) its whole content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from core.persistence.modelle_registry import lade_alle_modelle

KLEIN = 2000  # a table without change stamp and at most this many rows is fingerprinted by its whole content
#: Tables whose rows are only ever added (a finalised result is never changed): row count and newest id tell.
NUR_ANGEFUEGT = frozenset({"abrechnungsergebnis"})


def datenstand(sitzung: Session, ohne: Set[str] = frozenset()) -> str:
    """The fingerprint of every table except those named in `ohne` (they cannot change what it guards). Every table
    of the program, not only those whose model modules this process happened to import: a command or the bundle
    imports few, and a fingerprint without the others would miss their changes (or fail on a foreign key)."""
    teile = [_tabellenstand(sitzung, t) for t in lade_alle_modelle().sorted_tables if t.name not in ohne]
    return hashlib.sha256("|".join(teile).encode("utf-8")).hexdigest()


def _tabellenstand(sitzung: Session, tabelle: Table) -> str:
    if "geaendert_am" in tabelle.c:
        anzahl, neueste = sitzung.execute(select(func.count(), func.max(tabelle.c.geaendert_am))).one()
        return f"{tabelle.name}:{anzahl}:{neueste}"
    anzahl = sitzung.scalar(select(func.count()).select_from(tabelle)) or 0
    if (anzahl > KLEIN or tabelle.name in NUR_ANGEFUEGT) and "id" in tabelle.c:
        return f"{tabelle.name}:{anzahl}:{sitzung.scalar(select(func.max(tabelle.c.id)))}"
    zeilen = sitzung.execute(select(tabelle).order_by(*tabelle.primary_key.columns)).all()
    return f"{tabelle.name}:{hashlib.sha256(repr(zeilen).encode('utf-8')).hexdigest()}"
