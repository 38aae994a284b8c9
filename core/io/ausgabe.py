"""Where an export may be written, and writing it so that a failure leaves nothing half done.

Every file the program writes for the user (PDF, Excel, JSON, XML: Dienstplan, Stundenzettel, Kalkulation,
Personalbogen, Auskunft, and every payroll or report export added later) goes through `ausgabedatei`:

    with ausgabedatei(ziel, ueberschreiben=args.ueberschreiben, eingaben=[quelle]) as teil:
        mappe.save(teil)            # or SimpleDocTemplate(str(teil)), teil.write_text(...)

- It never writes onto an open database of this program, its companion files (-wal, -shm, .lock), its backup
  folder, any SQLite database, or one of the `eingaben` the export reads from.
- An existing file is replaced only with `ueberschreiben=True`: the GUI asks first (the save dialog, or
  `desktop.zieldatei`), the command line needs `--ueberschreiben` (`ueberschreiben_option` adds it).
  Otherwise `ZielVorhanden`, one German sentence.
- The content goes to a temporary file beside the target (created 0600 on POSIX), which replaces the target in one
  step (`os.replace`) only when the writer finished. A crash, a full disk or an exception in the writer leaves the
  old file untouched and no half file behind.
- OS errors become `core.fehler.schreibfehler` (German reason, path).
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.dateirechte import nur_eigentuemer
from core.fehler import EingabeFehler, schreibfehler

log = logging.getLogger(__name__)

SQLITE_KOPF = b"SQLite format 3\x00"


class ZielVorhanden(EingabeFehler):
    """The target file exists and the user has not agreed to replace it."""

    def __init__(self, meldung: str, *, pfad: Path) -> None:
        super().__init__(meldung)
        self.pfad = pfad


def ueberschreiben_option(befehl: argparse.ArgumentParser) -> None:
    """The command line's `--ueberschreiben` for a subcommand that writes files."""
    befehl.add_argument(
        "--ueberschreiben",
        action="store_true",
        help="eine vorhandene Ausgabedatei ersetzen (ohne diese Angabe wird sie nicht angetastet)",
    )


def nur_ohne_assistenzkraft(art: str, assistenzkraft: str | None) -> None:
    """`assistenzbuero export` of a document about all assistants (Lohnjournal, Zahlungen, the reports): one
    message when `--assistenzkraft` is given anyway."""
    if assistenzkraft is not None:
        raise EingabeFehler(
            f"--assistenzkraft gilt nicht für {art} (immer für alle Assistenzkräfte). Bitte ohne --assistenzkraft "
            "aufrufen."
        )


def _gleich(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _geschuetzte_dateien() -> list[tuple[Path, str]]:
    """(path, why) for every file an export must never replace: open databases with their companions."""
    from core.persistence.datenbank import offene_datenbanken  # persistence does not import io
    from core.persistence.sicherung import sicherungsordner

    geschuetzt: list[tuple[Path, str]] = []
    for db_pfad in offene_datenbanken():
        geschuetzt.append((db_pfad, "die geöffnete Datenbank"))
        for endung in ("-wal", "-shm", "-journal", ".lock"):
            geschuetzt.append((db_pfad.with_name(db_pfad.name + endung), "eine Hilfsdatei der geöffneten Datenbank"))
        geschuetzt.append((sicherungsordner(db_pfad), "der Ordner mit den Sicherungen der Datenbank"))
    return geschuetzt


def pruefe_ziel(ziel: Path, *, ueberschreiben: bool = False, eingaben: Iterable[Path] = ()) -> Path:
    """Check an export target before any work is done; returns the absolute path. Raises EingabeFehler."""
    ziel = Path(ziel).expanduser().absolute()
    if ziel.is_dir():
        raise EingabeFehler(f"{ziel} ist ein Ordner; bitte einen Dateinamen angeben.")
    if not ziel.parent.is_dir():
        raise schreibfehler(ziel, FileNotFoundError(errno.ENOENT, "kein Ordner", str(ziel.parent)))
    for geschuetzt, was in _geschuetzte_dateien():
        if _gleich(ziel, geschuetzt) or _gleich(ziel.parent, geschuetzt):
            raise EingabeFehler(
                f"{ziel} ist {was} (oder liegt darin); ein Export schreibt niemals dorthin. "
                "Bitte einen anderen Namen oder Ordner für die Ausgabe wählen."
            )
    if ziel.exists() and _ist_datenbank(ziel):
        raise EingabeFehler(
            f"{ziel} ist eine Datenbank; ein Export überschreibt keine Datenbank. "
            "Bitte einen anderen Namen für die Ausgabe wählen."
        )
    for eingabe in eingaben:
        if _gleich(ziel, Path(eingabe).expanduser()):
            raise EingabeFehler(
                f"{ziel} ist die Datei, aus der gelesen wird; sie wird nicht überschrieben. "
                "Bitte einen anderen Namen für die Ausgabe wählen."
            )
    if ziel.exists():
        if not ueberschreiben:
            raise ZielVorhanden(
                f"Die Datei {ziel} gibt es schon; sie wurde nicht verändert. Bitte einen anderen Namen wählen "
                "oder mit --ueberschreiben ausdrücklich ersetzen.",
                pfad=ziel,
            )
    return ziel


def _ist_datenbank(pfad: Path) -> bool:
    try:
        with pfad.open("rb") as datei:
            return datei.read(len(SQLITE_KOPF)) == SQLITE_KOPF
    except OSError:
        return False


@contextmanager
def ausgabedatei(ziel: Path, *, ueberschreiben: bool = False, eingaben: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield a temporary path beside `ziel`; when the block ends without error it replaces `ziel` in one step."""
    ziel = pruefe_ziel(ziel, ueberschreiben=ueberschreiben, eingaben=eingaben)
    try:
        # same folder: os.replace is atomic only within one file system; mkstemp creates the file 0600
        nummer, name = tempfile.mkstemp(prefix=f".{ziel.stem[:40]}-", suffix=f".teil{ziel.suffix}", dir=ziel.parent)
        os.close(nummer)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from None
    teil = Path(name)
    try:
        yield teil
        _auf_platte(teil)
        nur_eigentuemer(teil)
        if not ueberschreiben and ziel.exists():  # appeared while we were writing
            raise ZielVorhanden(f"Die Datei {ziel} ist inzwischen entstanden; sie wurde nicht verändert.", pfad=ziel)
        os.replace(teil, ziel)
    except OSError as fehler:
        _weg(teil)
        raise schreibfehler(ziel, fehler) from None
    except BaseException:
        _weg(teil)
        raise


def _auf_platte(pfad: Path) -> None:
    """Flush the finished file to the disk before the rename makes it visible (a power cut keeps old or new)."""
    with pfad.open("rb+") as datei:
        os.fsync(datei.fileno())


def _weg(pfad: Path) -> None:
    try:
        pfad.unlink(missing_ok=True)
    except OSError:
        log.warning("Teildatei %s nicht entfernt", pfad, exc_info=True)


def schreibe_text(ziel: Path, text: str, **optionen: Any) -> Path:
    """A text file (JSON, CSV, XML) through `ausgabedatei`; `optionen` as for `ausgabedatei`."""
    with ausgabedatei(ziel, **optionen) as teil:
        teil.write_text(text, encoding="utf-8")
    return Path(ziel).expanduser().absolute()
