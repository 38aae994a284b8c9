"""Backups of the database file: taken with SQLite's online backup API on every start, the last N kept."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.fehler import DatenbankFehler, dateigrund

log = logging.getLogger(__name__)

STANDARD_ANZAHL = 10
_ZEITFORMAT = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True, slots=True)
class Sicherung:
    pfad: Path
    zeitpunkt: datetime  # local time of the machine, as in the file name
    groesse_bytes: int

    @property
    def beschreibung(self) -> str:
        return f"{self.zeitpunkt:%d.%m.%Y %H:%M:%S} ({self.pfad.name})"


def sicherungsordner(db_pfad: Path) -> Path:
    """Backups live beside the database: `<name>-sicherungen/`."""
    return db_pfad.with_name(f"{db_pfad.stem}-sicherungen")


def sicherungen(db_pfad: Path) -> list[Sicherung]:
    """All backups of this database, newest first."""
    ordner = sicherungsordner(db_pfad)
    if not ordner.is_dir():
        return []
    gefunden: list[Sicherung] = []
    for datei in ordner.glob(f"{db_pfad.stem}-*.sqlite"):
        stempel = datei.stem.removeprefix(f"{db_pfad.stem}-")
        try:
            zeitpunkt = datetime.strptime(stempel, _ZEITFORMAT)
        except ValueError:
            continue  # a file the user put there: not ours
        gefunden.append(Sicherung(datei, zeitpunkt, datei.stat().st_size))
    return sorted(gefunden, key=lambda s: s.zeitpunkt, reverse=True)


def sichere(db_pfad: Path, *, behalten: int = STANDARD_ANZAHL) -> Sicherung | None:
    """Copy the database consistently (also while WAL holds changes) and prune to the newest `behalten`.

    Returns None when there is nothing to back up yet (new, empty file).
    """
    if not db_pfad.exists() or db_pfad.stat().st_size == 0:
        return None
    ordner = sicherungsordner(db_pfad)
    try:
        ordner.mkdir(parents=True, exist_ok=True)
        ziel = ordner / f"{db_pfad.stem}-{datetime.now():{_ZEITFORMAT}}.sqlite"
        quelle = sqlite3.connect(f"file:{db_pfad}?mode=ro", uri=True)
        try:
            kopie = sqlite3.connect(ziel)
            try:
                quelle.backup(kopie)
            finally:
                kopie.close()
        finally:
            quelle.close()
    except (OSError, sqlite3.Error) as fehler:
        log.info("Sicherung von %s gescheitert", db_pfad, exc_info=True)  # SQLite's own words, for support
        grund = dateigrund(fehler) if isinstance(fehler, OSError) else "SQLite konnte die Datei nicht kopieren"
        raise DatenbankFehler(
            f"Die Sicherungskopie der Datenbank konnte nicht angelegt werden ({grund}). "
            f"Bitte prüfen Sie, ob im Ordner {ordner} genug Platz ist und Sie dort schreiben dürfen. "
            "Ihre Daten wurden nicht verändert."
        ) from fehler
    raeume_auf(db_pfad, behalten=behalten)
    zeitpunkt = datetime.strptime(ziel.stem.removeprefix(f"{db_pfad.stem}-"), _ZEITFORMAT)
    return Sicherung(ziel, zeitpunkt, ziel.stat().st_size)


def raeume_auf(db_pfad: Path, *, behalten: int) -> None:
    for alte in sicherungen(db_pfad)[max(behalten, 1) :]:
        alte.pfad.unlink(missing_ok=True)


def kopiere_zurueck(sicherung: Path, db_pfad: Path) -> Path | None:
    """Put a backup in place of the database; the old file (and its WAL) is kept aside, never deleted.

    The caller must hold the database lock. Returns where the replaced file was moved.
    """
    if not sicherung.is_file():
        raise DatenbankFehler(f"Die Sicherung {sicherung} gibt es nicht (mehr).")
    _pruefe_lesbar(sicherung)
    beiseite: Path | None = None
    stempel = datetime.now().strftime(_ZEITFORMAT)
    try:
        if db_pfad.exists():
            beiseite = db_pfad.with_name(f"{db_pfad.name}.ersetzt-{stempel}")
            os.replace(db_pfad, beiseite)
        for endung in ("-wal", "-shm"):
            begleiter = db_pfad.with_name(db_pfad.name + endung)
            if begleiter.exists():
                os.replace(begleiter, begleiter.with_name(f"{begleiter.name}.ersetzt-{stempel}"))
        zwischen = db_pfad.with_name(db_pfad.name + ".wiederherstellen")
        shutil.copy2(sicherung, zwischen)
        os.replace(zwischen, db_pfad)
    except OSError as fehler:
        raise DatenbankFehler(
            f"Die Sicherung konnte nicht zurückgespielt werden ({dateigrund(fehler)}). "
            f"Die bisherige Datei liegt unter {beiseite or db_pfad}."
        ) from fehler
    return beiseite


def _pruefe_lesbar(pfad: Path) -> None:
    try:
        verbindung = sqlite3.connect(f"file:{pfad}?mode=ro", uri=True)
        try:
            ergebnis = verbindung.execute("PRAGMA quick_check").fetchone()
        finally:
            verbindung.close()
    except sqlite3.DatabaseError as fehler:
        log.info("Sicherung %s unlesbar", pfad, exc_info=True)
        raise DatenbankFehler(
            f"Die Sicherung {pfad.name} ist selbst beschädigt (sie lässt sich nicht als Datenbank lesen). "
            "Bitte wählen Sie eine andere Sicherung (assistenzbuero sicherung liste)."
        ) from fehler
    if not ergebnis or ergebnis[0] != "ok":
        raise DatenbankFehler(f"Die Sicherung {pfad.name} ist selbst beschädigt.")
