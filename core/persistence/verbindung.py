"""Opening a raw SQLite connection to a data file or a backup: one place, plain (sqlite3) or encrypted (SQLCipher).

`verbinde(pfad, kennwort=None, nur_lesen=False)` is used by the damage check, backups, their verification, the
restore and (through `creator=`) by the SQLAlchemy engine, so an encrypted file is opened the same way everywhere:
the SQLCipher key is the first statement on every connection, then one read proves it (a wrong password →
`FalschesKennwort`); a plain file given a password (a backup from before the encryption) opens plain.
`dbapi_modul(kennwort)` is the DB-API module SQLAlchemy needs for its error translation.

`ist_verschluesselt(pfad)`: an existing, non-empty file without SQLite's plain header is taken for SQLCipher (its
first 16 bytes are a random salt); a damaged plain file looks the same, which the key check then reports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from core.fehler import DatenbankFehler

SQLITE_KOPF = b"SQLite format 3\x00"
WARTEN_SEKUNDEN = 2  # a damage check or backup waits this long for another program's short write lock


class FalschesKennwort(DatenbankFehler):
    """The password does not open this encrypted file (or the file is no database at all)."""


def ist_verschluesselt(pfad: Path) -> bool:
    try:
        with pfad.open("rb") as datei:
            kopf = datei.read(len(SQLITE_KOPF))
    except OSError:
        return False
    return len(kopf) == len(SQLITE_KOPF) and kopf != SQLITE_KOPF


def ist_klar(pfad: Path) -> bool:
    try:
        with pfad.open("rb") as datei:
            return datei.read(len(SQLITE_KOPF)) == SQLITE_KOPF
    except OSError:
        return False


def dbapi_modul(kennwort: str | None) -> ModuleType:
    if kennwort is None:
        return sqlite3
    from sqlcipher3 import dbapi2  # bundles SQLCipher 4 (pyproject dependency)

    return dbapi2


def _literal(text: str) -> str:
    """A SQL string literal (PRAGMA key takes no parameters): single quotes doubled, NUL refused."""
    if "\x00" in text:
        raise FalschesKennwort("Ein Kennwort darf kein Nullzeichen enthalten.")
    return "'" + text.replace("'", "''") + "'"


def setze_schluessel(verbindung: Any, kennwort: str) -> None:
    """Key a fresh SQLCipher connection (first statement on it) without SQLCipher's own logging to stderr."""
    cursor = verbindung.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {_literal(kennwort)}")
    finally:
        cursor.close()


def pruefe_schluessel(verbindung: Any, pfad: Path) -> None:
    """One read of the schema: fails with "file is not a database" when the key is wrong."""
    modul = type(verbindung).__module__
    try:
        verbindung.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as fehler:
        if "not a database" in str(fehler) and "sqlcipher" in modul:
            raise FalschesKennwort(
                f"Das Kennwort öffnet die Datenbank {pfad} nicht. Bitte geben Sie es noch einmal ein "
                "(Groß- und Kleinschreibung beachten)."
            ) from None
        raise


def verbinde(
    pfad: Path, *, kennwort: str | None = None, nur_lesen: bool = False, pruefen: bool = True, **optionen: Any
) -> Any:
    """A DB-API connection to `pfad`; with `kennwort` through SQLCipher, keyed and (with `pruefen`) checked.

    `optionen` go to `connect` (the engine passes check_same_thread=False: its pool hands connections to workers).
    """
    if kennwort and ist_klar(Path(pfad)):
        kennwort = None  # a plain file (an older backup from before the encryption) opens without a key
    modul = dbapi_modul(kennwort)
    ziel = Path(pfad).absolute().as_uri() + ("?mode=ro" if nur_lesen else "")  # as_uri: "#", "?", "%" escaped
    optionen.setdefault("timeout", WARTEN_SEKUNDEN)
    verbindung = modul.connect(ziel, uri=True, **optionen)
    try:
        if kennwort is not None:
            setze_schluessel(verbindung, kennwort)
            if pruefen:
                pruefe_schluessel(verbindung, pfad)
    except BaseException:
        verbindung.close()
        raise
    return verbindung
