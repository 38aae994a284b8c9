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

import hashlib
import os
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


# SQLCipher 4's own key derivation: PBKDF2-HMAC-SHA512, 256,000 rounds, 32 bytes, salt = the file's first 16 bytes.
KDF_RUNDEN = 256_000
_SALZ_LAENGE = 16
_abgeleitet: dict[tuple[str, bytes, int], bytes] = {}
_letztes_salz: dict[str, bytes] = {}


def _salz(pfad: Path | None) -> bytes | None:
    """The salt of an existing encrypted file (its first 16 bytes), None for a new, empty or plain file."""
    if pfad is None:
        return None
    try:
        with pfad.open("rb") as datei:
            kopf = datei.read(len(SQLITE_KOPF))
    except OSError:
        return None
    return kopf if len(kopf) == _SALZ_LAENGE and kopf != SQLITE_KOPF else None


def roher_schluessel(kennwort: str, pfad: Path | None) -> str:
    """`x'<key><salt>'` for PRAGMA key: the key SQLCipher itself would derive from `kennwort` and the file's salt.

    Deriving costs 0.2–1 s (256,000 rounds, on purpose); SQLCipher would pay it on every connection, and opening a
    household takes several (check, backup, its verification, the engine). Here it is paid once per password and
    salt and kept in this process's memory only. A new file (a backup, a converted copy) takes the salt of the file
    last keyed with the same password, so a backup costs no derivation; the file is a standard SQLCipher 4 file
    all the same (any SQLCipher tool opens it with the password).
    """
    if "\x00" in kennwort:
        raise FalschesKennwort("Ein Kennwort darf kein Nullzeichen enthalten.")
    salz = _salz(pfad) or _letztes_salz.get(kennwort) or os.urandom(_SALZ_LAENGE)
    runden = KDF_RUNDEN  # read once: the cache key and the derivation agree even if a test changes it meanwhile
    schluessel = _abgeleitet.get((kennwort, salz, runden))
    if schluessel is None:
        schluessel = hashlib.pbkdf2_hmac("sha512", kennwort.encode("utf-8"), salz, runden, 32)
        _abgeleitet[(kennwort, salz, runden)] = schluessel
    _letztes_salz[kennwort] = salz
    return f"x'{schluessel.hex()}{salz.hex()}'"


def vergiss_schluessel() -> None:
    _abgeleitet.clear()
    _letztes_salz.clear()


def setze_schluessel(verbindung: Any, kennwort: str, pfad: Path | None = None) -> None:
    """Key a fresh SQLCipher connection (first statement on it) without SQLCipher's own logging to stderr."""
    cursor = verbindung.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f'PRAGMA key = "{roher_schluessel(kennwort, pfad)}"')
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
            setze_schluessel(verbindung, kennwort, Path(pfad))
            if pruefen:
                pruefe_schluessel(verbindung, pfad)
    except BaseException:
        verbindung.close()
        raise
    return verbindung
