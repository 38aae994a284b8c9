"""Backups of the data file: made only from a verified file, verified themselves, kept in generations.

- `sichere(db_pfad)` copies the database with SQLite's online backup API into a temporary file in
  `<name>-sicherungen/` (folder 0700, file 0600), switches the copy to a self-contained rollback journal (no -wal
  beside it), checks it (`PRAGMA integrity_check`, the same tables as the original, `alembic_version` present), and
  only then gives it its final name. A failure (full disk, damage) leaves no file behind and never counts as a
  backup; `sicherungen()` lists only verified-by-name files and skips empty ones that older versions left.
- `raeume_auf(db_pfad)` keeps generations, not just the last starts: the newest `neueste`, one per day for
  `tage` days, one per week for `wochen` weeks, one per month for `monate` months. The caller
  (`Datenbank.oeffnen`) runs it only after the file opened and migrated successfully, so refused starts (a file
  from a newer version, a damaged file) never push good backups out.
- `kopiere_zurueck(sicherung, db_pfad)` checks the backup first, keeps the replaced file with its -wal beside it
  (named so SQLite still finds the pair), and puts the backup in place through a temporary file.
- An encrypted data file (SQLCipher) is backed up encrypted with the same password (`kennwort=`).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.dateirechte import nur_eigentuemer, privater_ordner, sqlite_begleiter
from core.fehler import DatenbankFehler, dateigrund
from core.persistence.verbindung import FalschesKennwort, verbinde

log = logging.getLogger(__name__)

STANDARD_ANZAHL = 10  # newest backups always kept (the last starts)
_ZEITFORMAT = "%Y%m%d-%H%M%S-%f"
_TEIL = ".teil"


@dataclass(frozen=True, slots=True)
class Aufbewahrung:
    """How many generations are kept: the newest few, then one per day, week and month."""

    neueste: int = STANDARD_ANZAHL
    tage: int = 7
    wochen: int = 5
    monate: int = 12


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
    """All backups of this database, newest first (unfinished and empty files are no backups)."""
    ordner = sicherungsordner(db_pfad)
    if not ordner.is_dir():
        return []
    gefunden: list[Sicherung] = []
    for datei in ordner.glob(f"{db_pfad.stem}-*.sqlite"):
        stempel = datei.stem.removeprefix(f"{db_pfad.stem}-")
        try:
            zeitpunkt = datetime.strptime(stempel, _ZEITFORMAT)
            groesse = datei.stat().st_size
        except (ValueError, OSError):
            continue  # a file the user put there, or gone meanwhile: not ours
        if groesse == 0:
            continue  # left by a version that counted failed backups
        gefunden.append(Sicherung(datei, zeitpunkt, groesse))
    return sorted(gefunden, key=lambda s: s.zeitpunkt, reverse=True)


def _tabellen(verbindung: Any) -> set[str]:
    return {z[0] for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def pruefe_datei(pfad: Path, *, kennwort: str | None = None, tabellen: set[str] | None = None) -> str | None:
    """None if the file is a sound database (integrity_check ok, `alembic_version` and `tabellen` present), else
    the reason in German. Read-only; never creates files beside it."""
    try:
        verbindung = verbinde(pfad, kennwort=kennwort, nur_lesen=True)
        try:
            ergebnis = [z[0] for z in verbindung.execute("PRAGMA integrity_check(20)").fetchall()]
            vorhanden = _tabellen(verbindung)
        finally:
            verbindung.close()
    except FalschesKennwort:
        raise
    except Exception as fehler:  # sqlite3/sqlcipher3 DatabaseError: not readable as a database
        log.info("Prüfung von %s: %s", pfad, fehler)
        return "sie lässt sich nicht als Datenbank lesen"
    if ergebnis != ["ok"]:
        log.info("integrity_check von %s: %s", pfad, "; ".join(map(str, ergebnis[:5])))
        return "die Prüfung hat Fehler in ihrem Inhalt gefunden"
    if "alembic_version" not in vorhanden:
        return "es fehlt die Versionstabelle von Assistenzbüro"
    fehlend = sorted((tabellen or set()) - vorhanden)
    if fehlend:
        return f"es fehlen Tabellen ({', '.join(fehlend[:3])})"
    return None


def _neuer_name(ordner: Path, stamm: str) -> Path:
    while True:
        ziel = ordner / f"{stamm}-{datetime.now():{_ZEITFORMAT}}.sqlite"
        if not ziel.exists():
            return ziel


def sichere(db_pfad: Path, *, kennwort: str | None = None) -> Sicherung | None:
    """Copy the database consistently (also while WAL holds changes), verify the copy, then name it.

    Returns None when there is nothing to back up yet (new, empty file). Raises DatenbankFehler (German reason)
    when the copy cannot be made or does not verify; no file is left behind then, and nothing is rotated.
    """
    if not db_pfad.exists() or db_pfad.stat().st_size == 0:
        return None
    ordner = sicherungsordner(db_pfad)
    ziel = _neuer_name(ordner, db_pfad.stem)
    teil = ziel.with_name(ziel.name + _TEIL)
    try:
        privater_ordner(ordner)
        kopiere_datenbank(db_pfad, teil, kennwort)
        grund = pruefe_datei(teil, kennwort=kennwort, tabellen=_tabellen_von(db_pfad, kennwort))
        if grund is not None:
            raise DatenbankFehler(
                f"Die Sicherungskopie der Datenbank ist fehlerhaft ({grund}) und wurde verworfen. "
                "Ihre Daten wurden nicht verändert; bitte versuchen Sie es noch einmal."
            )
        _auf_platte(teil)
        os.replace(teil, ziel)
    except DatenbankFehler:
        _entferne(teil)
        raise
    except Exception as fehler:  # OSError, sqlite3.Error, sqlcipher3.Error
        _entferne(teil)
        log.info("Sicherung von %s gescheitert", db_pfad, exc_info=True)  # SQLite's own words, for support
        grund = dateigrund(fehler) if isinstance(fehler, OSError) else _sqlite_grund(fehler)
        raise DatenbankFehler(
            f"Die Sicherungskopie der Datenbank konnte nicht angelegt werden ({grund}). "
            f"Bitte prüfen Sie, ob im Ordner {ordner} genug Platz ist und Sie dort schreiben dürfen. "
            "Ihre Daten wurden nicht verändert."
        ) from fehler
    zeitpunkt = datetime.strptime(ziel.stem.removeprefix(f"{db_pfad.stem}-"), _ZEITFORMAT)
    return Sicherung(ziel, zeitpunkt, ziel.stat().st_size)


def _sqlite_grund(fehler: BaseException) -> str:
    if "full" in str(fehler).lower():
        return "die Festplatte ist voll, kein freier Speicherplatz mehr"
    return "SQLite konnte die Datei nicht kopieren"


def _tabellen_von(db_pfad: Path, kennwort: str | None) -> set[str]:
    verbindung = verbinde(db_pfad, kennwort=kennwort, nur_lesen=True)
    try:
        return _tabellen(verbindung)
    finally:
        verbindung.close()


def kopiere_datenbank(quelle_pfad: Path, ziel: Path, kennwort: str | None) -> None:
    """Online backup into `ziel` (created 0600), then a rollback journal so the copy stands alone."""
    _entferne(ziel)
    os.close(os.open(ziel, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    quelle = verbinde(quelle_pfad, kennwort=kennwort, nur_lesen=True)
    try:
        kopie = verbinde(ziel, kennwort=kennwort, pruefen=False)
        try:
            quelle.backup(kopie)
            kopie.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            kopie.close()
    finally:
        quelle.close()
    for begleiter in sqlite_begleiter(ziel):
        _entferne(begleiter)


def _auf_platte(pfad: Path) -> None:
    with pfad.open("rb+") as datei:
        os.fsync(datei.fileno())


def _entferne(pfad: Path) -> None:
    try:
        pfad.unlink(missing_ok=True)
    except OSError:
        log.warning("%s nicht entfernt", pfad, exc_info=True)


def _zu_behalten(vorhandene: list[Sicherung], regel: Aufbewahrung) -> set[Path]:
    """Grandfather-father-son: the newest N, then the newest backup of each of the last days, weeks, months."""
    behalten = {s.pfad for s in vorhandene[: max(regel.neueste, 1)]}
    stufen: list[tuple[int, Callable[[date], object]]] = [
        (regel.tage, lambda tag: tag),
        (regel.wochen, lambda tag: tag.isocalendar()[:2]),
        (regel.monate, lambda tag: (tag.year, tag.month)),
    ]
    for anzahl, schluessel in stufen:
        gesehen: set[object] = set()
        for s in vorhandene:  # newest first: the first backup of a new bucket is the newest in it
            eimer = schluessel(s.zeitpunkt.date())
            if eimer in gesehen:
                continue
            if len(gesehen) >= anzahl:
                break
            gesehen.add(eimer)
            behalten.add(s.pfad)
    return behalten


def raeume_auf(db_pfad: Path, regel: Aufbewahrung | None = None) -> list[Path]:
    """Delete backups outside the generations of `regel`; also stale unfinished copies. Returns what was deleted."""
    regel = regel or Aufbewahrung()
    vorhandene = sicherungen(db_pfad)
    behalten = _zu_behalten(vorhandene, regel)
    geloescht: list[Path] = []
    for s in vorhandene:
        if s.pfad not in behalten:
            _entferne(s.pfad)
            geloescht.append(s.pfad)
    ordner = sicherungsordner(db_pfad)
    if ordner.is_dir():
        for rest in [*ordner.glob(f"*{_TEIL}"), *ordner.glob(f"{db_pfad.stem}-*.sqlite")]:
            if rest.suffix == _TEIL or rest.stat().st_size == 0:
                _entferne(rest)
    return geloescht


def kopiere_zurueck(sicherung: Path, db_pfad: Path, *, kennwort: str | None = None) -> Path | None:
    """Put a backup in place of the database; the old file (and its WAL) is kept aside, never deleted.

    The caller must hold the database lock. Returns where the replaced file was moved.
    """
    if not sicherung.is_file():
        raise DatenbankFehler(f"Die Sicherung {sicherung} gibt es nicht (mehr).")
    grund = pruefe_datei(sicherung, kennwort=kennwort)
    if grund is not None:
        raise DatenbankFehler(
            f"Die Sicherung {sicherung.name} ist selbst beschädigt ({grund}). "
            "Bitte wählen Sie eine andere Sicherung (assistenzbuero sicherung liste)."
        )
    beiseite: Path | None = None
    stempel = datetime.now().strftime(_ZEITFORMAT)
    zwischen = db_pfad.with_name(db_pfad.name + ".wiederherstellen")
    try:
        shutil.copyfile(sicherung, zwischen)  # first the new content, complete, beside the target
        nur_eigentuemer(zwischen)
        _auf_platte(zwischen)
        if db_pfad.exists():
            beiseite = db_pfad.with_name(f"{db_pfad.name}.ersetzt-{stempel}")
            os.replace(db_pfad, beiseite)
        for begleiter in sqlite_begleiter(db_pfad):
            if begleiter.exists():
                endung = begleiter.name.removeprefix(db_pfad.name)  # "-wal", "-shm", "-journal"
                if beiseite is not None:  # SQLite finds "<name>-wal" beside "<name>": the pair stays usable
                    os.replace(begleiter, beiseite.with_name(beiseite.name + endung))
                else:
                    _entferne(begleiter)
        os.replace(zwischen, db_pfad)
    except OSError as fehler:
        _entferne(zwischen)
        raise DatenbankFehler(
            f"Die Sicherung konnte nicht zurückgespielt werden ({dateigrund(fehler)}). "
            f"Die bisherige Datei liegt unter {beiseite or db_pfad}."
        ) from fehler
    return beiseite
