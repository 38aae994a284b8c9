"""A person's rows in any file of ours: which tables hold them, deleting them, finding her name left in texts.

Used by the DSGVO services (core.stammdaten.dsgvo) on the open database and on every backup:

- `personentabellen(metadata)` → every table that refers to `assistenzkraft` directly or through other tables
  (vertrag_zuschlag → vertrag → assistenzkraft), with the referring columns. The Auskunft test walks it, so a new
  table that holds a person's data and is missing from the Auskunft fails the suite.
- `loesche_person(verbindung, person_id)` deletes her row in a raw DB-API connection and lets the file's own
  foreign keys do the rest (ON DELETE CASCADE / SET NULL), with `secure_delete` on, so it works on a backup at an older
  schema too; returns the rows removed per table (counted before and after, nothing guessed).
- `namensreste(verbindung, vorname, nachname)` counts text cells that still contain her name (notes, logs).
- `bereinige_kopie(pfad, ...)` rewrites a backup without her: copy, delete, VACUUM, verify, replace.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData

from core.dateirechte import nur_eigentuemer, sqlite_begleiter
from core.persistence.verbindung import verbinde

log = logging.getLogger(__name__)

WURZEL = "assistenzkraft"


def personentabellen(metadata: MetaData, wurzel: str = WURZEL) -> dict[str, list[str]]:
    """Table → columns that lead (directly or over other tables) to `wurzel`; `wurzel` itself is not listed."""
    gefunden: dict[str, list[str]] = {}
    ziele = {wurzel}
    while True:
        neu = False
        for tabelle in metadata.tables.values():
            for fk in tabelle.foreign_keys:
                if fk.column.table.name in ziele and tabelle.name != wurzel:
                    spalten = gefunden.setdefault(tabelle.name, [])
                    if fk.parent.name not in spalten:
                        spalten.append(fk.parent.name)
                        neu = True
                    if tabelle.name not in ziele:
                        ziele.add(tabelle.name)
                        neu = True
        if not neu:
            return gefunden


def _tabellen(verbindung: Any) -> list[str]:
    return [
        z[0]
        for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    ]


def _zeilen(verbindung: Any) -> dict[str, int]:
    return {t: verbindung.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tabellen(verbindung)}


def loesche_person(verbindung: Any, person_ids: Iterable[int]) -> dict[str, int]:
    """Delete the people with `person_ids` and, by the file's foreign keys, everything that hangs on them.

    Runs in its own transaction on a raw connection with autocommit semantics (isolation_level None); returns
    {table: rows removed}. Raises the driver's IntegrityError when a RESTRICT rule forbids it (nothing changes).
    """
    ids = list(person_ids)
    verbindung.execute("PRAGMA foreign_keys=ON")
    verbindung.execute("PRAGMA secure_delete=ON")  # freed pages are overwritten with zeros, not left readable
    vorher = _zeilen(verbindung)
    verbindung.execute("BEGIN IMMEDIATE")
    try:
        for person_id in ids:
            verbindung.execute(f'DELETE FROM "{WURZEL}" WHERE id = ?', (person_id,))
        probleme = verbindung.execute("PRAGMA foreign_key_check").fetchall()
        if probleme:
            raise RuntimeError(f"Fremdschlüssel verletzt: {probleme[:3]}")
        verbindung.execute("COMMIT")
    except BaseException:
        verbindung.execute("ROLLBACK")
        raise
    nachher = _zeilen(verbindung)
    return {t: vorher[t] - nachher.get(t, 0) for t in vorher if vorher[t] != nachher.get(t, 0)}


def finde_person(verbindung: Any, person_id: int, vorname: str, nachname: str) -> list[int]:
    """Her rows in a file that may be older than the database: the same id with the same name (an id can be given
    anew after a deletion), and any row with exactly her name (she may have been entered twice)."""
    zeilen = verbindung.execute(
        f'SELECT id FROM "{WURZEL}" WHERE (id = ? AND vorname = ? AND nachname = ?) OR (vorname = ? AND nachname = ?)',
        (person_id, vorname, nachname, vorname, nachname),
    ).fetchall()
    return sorted({z[0] for z in zeilen})


def namensreste(verbindung: Any, vorname: str, nachname: str) -> dict[str, int]:
    """Text cells that still contain her full name ("Vorname Nachname" or "Nachname, Vorname"): {table.column: n}."""
    muster = [f"%{vorname} {nachname}%", f"%{nachname}, {vorname}%"]
    treffer: dict[str, int] = {}
    for tabelle in _tabellen(verbindung):
        for _nr, spalte, typ, *_rest in verbindung.execute(f'PRAGMA table_info("{tabelle}")'):
            if not any(art in str(typ).upper() for art in ("CHAR", "TEXT", "CLOB")):
                continue
            anzahl = verbindung.execute(
                f'SELECT count(*) FROM "{tabelle}" WHERE "{spalte}" LIKE ? OR "{spalte}" LIKE ?', muster
            ).fetchone()[0]
            if anzahl:
                treffer[f"{tabelle}.{spalte}"] = anzahl
    return treffer


def verdichte(verbindung: Any) -> None:
    """VACUUM (rebuild the file without free pages) and empty the WAL: deleted rows leave no readable trace inside."""
    verbindung.execute("VACUUM")
    verbindung.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


@dataclass
class Bereinigung:
    """What happened to one backup or replaced file."""

    pfad: Path
    geloescht: dict[str, int] = field(default_factory=dict)
    entfernt: bool = False  # could not be rewritten (unreadable, other password): deleted instead


def bereinige_kopie(
    pfad: Path, person_id: int, vorname: str, nachname: str, *, kennwort: str | None = None
) -> Bereinigung:
    """Rewrite a backup (or a file a restore put aside) without her: a consistent copy, her rows deleted with
    secure_delete, VACUUM, checked, then it replaces the old file in one step. A file that cannot be rewritten is
    deleted: it must not keep her data."""
    from core.persistence.sicherung import kopiere_datenbank, pruefe_datei

    teil = pfad.with_name(pfad.name + ".bereinigen")
    try:
        kopiere_datenbank(pfad, teil, kennwort)
        verbindung = verbinde(teil, kennwort=kennwort)
        try:
            verbindung.isolation_level = None
            ids = finde_person(verbindung, person_id, vorname, nachname)
            if not ids:
                return Bereinigung(pfad)
            geloescht = loesche_person(verbindung, ids)
            verdichte(verbindung)
            verbindung.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            verbindung.close()
        grund = pruefe_datei(teil, kennwort=kennwort)
        if grund is not None:
            raise RuntimeError(grund)
        nur_eigentuemer(teil)
        with teil.open("rb+") as offen:
            os.fsync(offen.fileno())
        os.replace(teil, pfad)
        for begleiter in sqlite_begleiter(pfad):
            begleiter.unlink(missing_ok=True)
        return Bereinigung(pfad, geloescht)
    except Exception:
        log.warning("Sicherung %s nicht bereinigt, sie wird entfernt", pfad, exc_info=True)
        for datei in (pfad, *sqlite_begleiter(pfad)):
            datei.unlink(missing_ok=True)
        return Bereinigung(pfad, entfernt=True)
    finally:
        for datei in (teil, *sqlite_begleiter(teil)):
            datei.unlink(missing_ok=True)


def kopien(db_pfad: Path) -> list[Path]:
    """Every file beside the database that holds an older state of it: backups and files a restore put aside."""
    from core.persistence.sicherung import sicherungen

    beiseite = [p for p in db_pfad.parent.glob(f"{db_pfad.name}.ersetzt-*") if not p.name.endswith(("-wal", "-shm"))]
    return [s.pfad for s in sicherungen(db_pfad)] + sorted(beiseite)
