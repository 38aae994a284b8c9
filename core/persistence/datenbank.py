"""Opening the data file safely: one writer (lock), damage check, backup, then migrate; one unit of work per action.

Use:
    db = Datenbank.oeffnen(pfad)          # or core.stammdaten.start.oeffne(pfad), which also seeds master data
    with db.arbeitseinheit() as sitzung:  # one transaction per user action; any exception rolls back
        ...
    db.schliessen()

Errors are `DatenbankFehler` subclasses with one German message: `DatenbankGesperrt` (second instance),
`DatenbankNurLesbar`, `DatenbankBeschaedigt` (carries `.sicherungen`, newest first, for "restore the newest
backup" → `stelle_wieder_her(pfad)`), `DatenbankZuNeu` (made by a newer program version).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from core.fehler import DatenbankFehler, EingabeFehler, dateigrund, ist_platzmangel
from core.persistence import migration
from core.persistence.sicherung import STANDARD_ANZAHL, Sicherung, kopiere_zurueck, sichere, sicherungen

log = logging.getLogger(__name__)

UMGEBUNG_DB = "ASSISTENZBUERO_DB"  # overrides the default file (tests, portable installs)
DATEINAME = "assistenzbuero.sqlite"
WARTEZEIT_MS = 5000  # how long a write waits for another program's SQLite lock before giving up


class DatenbankGesperrt(DatenbankFehler):
    """Another running instance holds the file."""


class DatenbankNurLesbar(DatenbankFehler):
    """File or folder is read-only."""


class DatenbankBeschaedigt(DatenbankFehler):
    """The file is not a readable SQLite database; `sicherungen` lists the backups, newest first."""

    def __init__(self, meldung: str, *, pfad: Path, sicherungen: list[Sicherung]) -> None:
        super().__init__(meldung)
        self.pfad = pfad
        self.sicherungen = sicherungen


class DatenbankZuNeu(DatenbankFehler):
    """The file was migrated by a newer program version."""


def standard_pfad() -> Path:
    """`$ASSISTENZBUERO_DB`, else `assistenzbuero.sqlite` in the user's data directory."""
    aus_umgebung = os.environ.get(UMGEBUNG_DB)
    if aus_umgebung:
        return Path(aus_umgebung).expanduser()
    return platformdirs.user_data_path("Assistenzbuero", appauthor=False) / DATEINAME


def ziel_pfad(pfad: Path | str | None = None) -> Path:
    """The absolute path of the database file: `pfad` (with ~ expanded), else `standard_pfad()`."""
    return (Path(pfad).expanduser() if pfad is not None else standard_pfad()).resolve()


def _zu_neu(pfad: Path, stand: str) -> DatenbankZuNeu:
    return DatenbankZuNeu(
        f"Die Datenbank {pfad} wurde mit einer neueren Version von Assistenzbüro bearbeitet "
        f"(Stand {stand}). Bitte installieren Sie die neueste Programmversion."
    )


def _sperrdatei(pfad: Path) -> Path:
    return pfad.with_name(pfad.name + ".lock")


def _schreibgeschuetzt(pfad: Path) -> bool:
    # The owner-write bit also counts for root (which os.access ignores): the user marked the file read-only.
    try:
        modus = pfad.stat().st_mode
    except OSError:
        return False
    return not os.access(pfad, os.W_OK) or not (stat.S_IMODE(modus) & stat.S_IWUSR)


def _pruefe_schreibbar(pfad: Path) -> None:
    ordner = pfad.parent
    try:
        ordner.mkdir(parents=True, exist_ok=True)
    except OSError as fehler:
        raise DatenbankNurLesbar(
            f"Der Ordner {ordner} für die Datenbank kann nicht angelegt werden ({dateigrund(fehler)}). "
            "Bitte wählen Sie mit --db einen Ort, an dem Sie schreiben dürfen."
        ) from fehler
    if _schreibgeschuetzt(ordner):
        raise DatenbankNurLesbar(
            f"Der Ordner {ordner} ist schreibgeschützt. Assistenzbüro braucht dort Schreibrechte "
            "(für die Datenbank, ihre Sicherungen und die Sperrdatei). Bitte heben Sie den Schreibschutz auf "
            "oder wählen Sie mit --db einen anderen Ort. Ihre Daten wurden nicht verändert."
        )
    if pfad.exists() and _schreibgeschuetzt(pfad):
        raise DatenbankNurLesbar(
            f"Die Datenbankdatei {pfad} ist schreibgeschützt. Bitte heben Sie den Schreibschutz auf "
            "(Dateieigenschaften) und starten Sie Assistenzbüro erneut. Ihre Daten wurden nicht verändert."
        )


def _beschaedigt(pfad: Path, grund: str) -> DatenbankBeschaedigt:
    vorhandene = sicherungen(pfad)
    if vorhandene:
        angebot = (
            f"Die neueste Sicherung stammt vom {vorhandene[0].zeitpunkt:%d.%m.%Y, %H:%M} Uhr; "
            "Sie können sie zurückspielen (assistenzbuero sicherung wiederherstellen). "
            "Die beschädigte Datei wird dabei nicht gelöscht, sondern beiseitegelegt."
        )
    else:
        angebot = "Es gibt keine Sicherung dieser Datei. Bitte wenden Sie sich an eine Fachperson."
    return DatenbankBeschaedigt(
        f"Die Datenbankdatei {pfad} ist beschädigt oder keine Assistenzbüro-Datenbank ({grund}). {angebot}",
        pfad=pfad,
        sicherungen=vorhandene,
    )


def _pruefe_datei(pfad: Path) -> None:
    """Damage check before anything writes: quick_check, and the file must be ours (or empty)."""
    if not pfad.exists() or pfad.stat().st_size == 0:
        return
    try:
        verbindung = sqlite3.connect(pfad)
        try:
            ergebnis = verbindung.execute("PRAGMA quick_check").fetchall()
            tabellen = {z[0] for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            verbindung.close()
    except sqlite3.DatabaseError as fehler:
        log.info("Datenbankdatei %s unlesbar: %s", pfad, fehler)  # SQLite's English words stay in the log
        raise _beschaedigt(pfad, "sie lässt sich nicht als Datenbank lesen") from fehler
    if [z[0] for z in ergebnis] != ["ok"]:
        log.info("Prüfung von %s: %s", pfad, "; ".join(str(z[0]) for z in ergebnis[:3]))
        raise _beschaedigt(pfad, "die Prüfung der Datei hat Fehler in ihrem Inhalt gefunden")
    if tabellen and "alembic_version" not in tabellen:
        raise DatenbankFehler(
            f"Die Datei {pfad} ist eine SQLite-Datenbank, aber keine von Assistenzbüro. "
            "Bitte wählen Sie mit --db eine andere Datei; diese wird nicht verändert."
        )


def _richte_engine_ein(engine: Engine, *, nur_lesen: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _bei_verbindung(dbapi_verbindung: Any, _eintrag: Any) -> None:
        # We issue BEGIN ourselves (below) so DDL in migrations is transactional too.
        dbapi_verbindung.isolation_level = None
        cursor = dbapi_verbindung.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if nur_lesen:
            # query_only rather than a mode=ro URI: a WAL reader must be able to create the -shm file.
            cursor.execute("PRAGMA query_only=ON")
        else:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(WARTEZEIT_MS)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _bei_beginn(verbindung: Any) -> None:
        verbindung.exec_driver_sql("BEGIN")


def _uebersetze(fehler: exc.DBAPIError, pfad: Path) -> DatenbankFehler:
    text = str(fehler.orig) if fehler.orig is not None else str(fehler)
    klein = text.lower()
    if "readonly" in klein or "read-only" in klein:
        return DatenbankNurLesbar(
            f"Die Datenbankdatei {pfad} ist schreibgeschützt; die Änderung wurde nicht gespeichert. "
            "Bitte heben Sie den Schreibschutz auf und starten Sie Assistenzbüro erneut."
        )
    if "locked" in klein or "busy" in klein:
        return DatenbankGesperrt(
            f"Die Datenbankdatei {pfad} ist gerade von einem anderen Programm gesperrt; die Änderung wurde "
            "nicht gespeichert. Bitte versuchen Sie es gleich noch einmal."
        )
    log.info("Datenbankfehler bei %s: %s", pfad, text)  # SQLite's English words stay in the log
    if ist_platzmangel(fehler):
        return DatenbankFehler(
            f"Die Festplatte ist voll: die Änderung an {pfad} wurde nicht gespeichert, Ihre bisherigen Daten sind "
            "unverändert. Bitte schaffen Sie Platz (nicht mehr benötigte Dateien löschen, Papierkorb leeren) und "
            "versuchen Sie es noch einmal."
        )
    if "malformed" in klein or "not a database" in klein or "disk i/o" in klein:
        return _beschaedigt(pfad, "beim Lesen oder Schreiben trat ein Fehler auf")
    return DatenbankFehler(
        f"Die Datenbank {pfad} meldet einen unerwarteten Fehler; die Änderung wurde nicht gespeichert. "
        "Bitte versuchen Sie es noch einmal; tritt der Fehler wieder auf, melden Sie ihn bitte "
        "(Einzelheiten stehen im Protokoll)."
    )


_offen: weakref.WeakSet[Datenbank] = weakref.WeakSet()


def offene_datenbanken() -> list[Path]:
    """The files this process has open now (exports must never write onto them: core.io.ausgabe)."""
    return [db.pfad for db in list(_offen) if not db.geschlossen]


class Datenbank:
    """An open, locked, migrated database file. Create with `Datenbank.oeffnen`."""

    def __init__(self, pfad: Path, engine: Engine, sperre: FileLock | None, letzte_sicherung: Sicherung | None) -> None:
        self.pfad = pfad
        self.engine = engine
        self.letzte_sicherung = letzte_sicherung
        self.geschlossen = False
        self._sperre = sperre
        self._sitzungen = sessionmaker(engine, expire_on_commit=False)
        _offen.add(self)

    @classmethod
    def oeffnen(
        cls, pfad: Path | str | None = None, *, sicherungen_behalten: int = STANDARD_ANZAHL, sichern: bool = True
    ) -> Datenbank:
        """Lock, check, back up (keep the newest `sicherungen_behalten`), migrate to head."""
        ziel = ziel_pfad(pfad)
        if ziel.is_dir():
            raise DatenbankFehler(f"{ziel} ist ein Ordner; bitte geben Sie eine Datei an (z. B. {ziel / DATEINAME}).")
        _pruefe_schreibbar(ziel)
        sperre = _sperre_fuer(ziel)
        try:
            _pruefe_datei(ziel)
            letzte = sichere(ziel, behalten=sicherungen_behalten) if sichern else None
            engine = create_engine(f"sqlite:///{ziel}")
            _richte_engine_ein(engine)
            try:
                with engine.begin() as verbindung:
                    stand = migration.aktuelle_revision(verbindung)
                    if stand is not None and not migration.ist_bekannt(stand):
                        raise _zu_neu(ziel, stand)
                    migration.migriere(verbindung)
            except exc.DBAPIError as fehler:
                engine.dispose()
                raise _uebersetze(fehler, ziel) from fehler
            except BaseException:
                engine.dispose()
                raise
        except BaseException:
            sperre.release()
            raise
        return cls(ziel, engine, sperre, letzte)

    @classmethod
    def oeffnen_zum_lesen(cls, pfad: Path | str | None = None) -> Datenbank:
        """Read-only access for exports and reports, also while the program window has the file open.

        No lock, no backup, no migration (SQLite lets readers work beside the one writer); every write fails.
        The file must already be at the program's current schema.
        """
        ziel = ziel_pfad(pfad)
        if not ziel.is_file():
            raise DatenbankFehler(
                f"Die Datenbank {ziel} gibt es nicht. Bitte geben Sie mit --db die richtige Datei an."
            )
        _pruefe_datei(ziel)
        engine = create_engine(f"sqlite:///{ziel}")
        _richte_engine_ein(engine, nur_lesen=True)
        try:
            with engine.connect() as verbindung:
                stand = migration.aktuelle_revision(verbindung)
        except exc.DBAPIError as fehler:
            engine.dispose()
            raise _uebersetze(fehler, ziel) from fehler
        if stand not in migration.kopf_revisionen():
            engine.dispose()
            if stand is not None and not migration.ist_bekannt(stand):
                raise _zu_neu(ziel, stand)
            raise DatenbankFehler(
                f"Die Datenbank {ziel} hat einen älteren Stand. Bitte starten Sie Assistenzbüro einmal mit dieser "
                "Datei (assistenzbuero --db …); dabei wird sie gesichert und aktualisiert."
            )
        return cls(ziel, engine, None, None)

    @contextmanager
    def arbeitseinheit(self) -> Iterator[Session]:
        """One transaction for one user action: commit at the end, roll back on any exception."""
        sitzung = self._sitzungen()
        try:
            yield sitzung
            sitzung.commit()
        except exc.IntegrityError as fehler:
            sitzung.rollback()
            raise EingabeFehler(
                "Die Angaben widersprechen vorhandenen Daten (doppelt oder noch verwendet); nichts wurde gespeichert."
            ) from fehler
        except exc.DBAPIError as fehler:
            sitzung.rollback()
            raise _uebersetze(fehler, self.pfad) from fehler
        except BaseException:
            sitzung.rollback()
            raise
        finally:
            sitzung.close()

    def schliessen(self) -> None:
        self.geschlossen = True
        if self._sperre is None:  # opened read-only: nothing to checkpoint, no lock held
            self.engine.dispose()
            return
        try:
            with self.engine.connect() as verbindung:
                verbindung.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except exc.DBAPIError:
            log.warning("WAL-Checkpoint beim Schließen fehlgeschlagen", exc_info=True)
        self.engine.dispose()
        self._sperre.release()

    def __enter__(self) -> Datenbank:
        return self

    def __exit__(self, *_: object) -> None:
        self.schliessen()


def _sperre_fuer(pfad: Path) -> FileLock:
    sperre = FileLock(_sperrdatei(pfad), timeout=0, thread_local=False)
    try:
        sperre.acquire()
    except Timeout as fehler:
        raise DatenbankGesperrt(
            f"Die Datenbank {pfad} ist bereits in einem anderen Assistenzbüro-Fenster geöffnet. "
            "Bitte arbeiten Sie dort weiter oder schließen Sie das andere Fenster und starten Sie erneut."
        ) from fehler
    except OSError as fehler:
        raise DatenbankNurLesbar(
            f"Die Sperrdatei neben {pfad} kann nicht angelegt werden ({dateigrund(fehler)}). "
            "Bitte prüfen Sie die Schreibrechte des Ordners."
        ) from fehler
    return sperre


def stelle_wieder_her(pfad: Path | str | None = None, sicherung: Sicherung | Path | None = None) -> Path | None:
    """Replace the database with a backup (default: the newest). The replaced file is kept aside, never deleted.

    Refuses while another instance has the file open. Returns where the replaced file was put.
    """
    ziel = ziel_pfad(pfad)
    if sicherung is None:
        vorhandene = sicherungen(ziel)
        if not vorhandene:
            raise DatenbankFehler(f"Für {ziel} gibt es keine Sicherung.")
        quelle = vorhandene[0].pfad
    else:
        quelle = sicherung.pfad if isinstance(sicherung, Sicherung) else Path(sicherung)
    sperre = _sperre_fuer(ziel)
    try:
        return kopiere_zurueck(quelle, ziel)
    finally:
        sperre.release()
