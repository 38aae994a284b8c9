"""Owner-only permissions on POSIX (0600 files, 0700 folders) for everything that holds personal data.

The data file, its backups, exports and the log hold health-insurance, tax and bank data; on a shared computer
other accounts must not read them, whatever the umask says. On Windows the user's profile folders are already
private and POSIX modes mean little, so these functions do nothing there.

Use `privater_ordner(pfad)` before creating files in a folder the program owns, `nur_eigentuemer(pfad)` after
creating a file by other means (SQLite, openpyxl, reportlab), and `oeffne_privat` as `opener=` of `open()`.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

POSIX = os.name == "posix"
DATEIMODUS = 0o600
ORDNERMODUS = 0o700


def nur_eigentuemer(pfad: Path) -> None:
    """Set a file to 0600 (POSIX). A file of another owner or on a file system without modes is left as it is."""
    if not POSIX:
        return
    try:
        if stat.S_IMODE(pfad.stat().st_mode) != DATEIMODUS:
            os.chmod(pfad, DATEIMODUS)
    except OSError:
        log.info("Rechte von %s nicht geändert", pfad, exc_info=True)


def privater_ordner(pfad: Path) -> Path:
    """Create the folder (and missing parents) as 0700; an existing folder the program made is tightened too.

    Only the last folder is tightened: parents (the user's home, a USB stick) keep their modes.
    """
    pfad.mkdir(parents=True, exist_ok=True, mode=ORDNERMODUS)
    if POSIX:
        try:
            if stat.S_IMODE(pfad.stat().st_mode) != ORDNERMODUS:
                os.chmod(pfad, ORDNERMODUS)
        except OSError:
            log.info("Rechte von %s nicht geändert", pfad, exc_info=True)
    return pfad


def oeffne_privat(pfad: str, flags: int) -> int:
    """`opener=` for `open()`: a new file is created 0600 from the start (no window in which others can read)."""
    return os.open(pfad, flags, DATEIMODUS)


def sqlite_begleiter(db_pfad: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside a database: write-ahead log, shared memory index, rollback journal."""
    return tuple(db_pfad.with_name(db_pfad.name + endung) for endung in ("-wal", "-shm", "-journal"))


def datenbank_nur_eigentuemer(db_pfad: Path) -> None:
    """0600 for the database file and the companion files SQLite created beside it."""
    for datei in (db_pfad, *sqlite_begleiter(db_pfad)):
        if datei.exists():
            nur_eigentuemer(datei)
