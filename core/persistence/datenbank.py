"""Opening the data file safely: one writer (lock), damage check, backup, then migrate; one unit of work per action.

Use:
    db = Datenbank.oeffnen(pfad)          # or core.stammdaten.start.oeffne(pfad), which also seeds master data
    with db.arbeitseinheit() as sitzung:  # one transaction per user action; any exception rolls back
        ...
    db.schliessen()

Errors are `DatenbankFehler` subclasses with one German message: `DatenbankGesperrt` (second instance, or another
program holds SQLite's lock: in use, never "damaged"), `DatenbankNurLesbar`, `DatenbankBeschaedigt` (carries
`.sicherungen`, newest first, for "restore the newest backup" → `stelle_wieder_her(pfad)`), `DatenbankZuNeu` (made
by a newer program version), `KennwortNoetig` / `FalschesKennwort` (an encrypted file, see core.persistence.schutz).

Order on opening: lock → full check (integrity_check, ours, not too new) → verified backup → migrate → only then
rotate the backups. A refused or failed open never takes or removes a backup. The file, its companions and the lock
are owner-only (0600) on POSIX; a folder the program creates is 0700.
"""

from __future__ import annotations

import logging
import os
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

from core.dateirechte import DATEIMODUS, ORDNERMODUS, datenbank_nur_eigentuemer, privater_ordner
from core.fehler import DatenbankFehler, EingabeFehler, dateigrund, ist_platzmangel
from core.persistence import migration
from core.persistence.anweisungen import ANWEISUNGEN
from core.persistence.schutz import (
    UMGEBUNG_KENNWORT,
    braucht_kennwort,
    gemerktes_kennwort,
    ist_als_verschluesselt_markiert,
    markiere,
)
from core.persistence.sicherung import (
    STANDARD_ANZAHL,
    Aufbewahrung,
    Sicherung,
    kopiere_zurueck,
    raeume_auf,
    sichere,
    sicherungen,
)
from core.persistence.verbindung import FalschesKennwort, dbapi_modul, ist_klar, ist_verschluesselt, verbinde

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


class KennwortNoetig(DatenbankFehler):
    """The file is encrypted and no password was given (the GUI asks; the CLI prompts or reads
    ASSISTENZBUERO_PASSWORT)."""

    def __init__(self, meldung: str, *, pfad: Path) -> None:
        super().__init__(meldung)
        self.pfad = pfad


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
        if ordner == standard_pfad().parent:
            privater_ordner(ordner)  # the program's own data folder: 0700
        elif not ordner.exists():
            ordner.mkdir(parents=True, mode=ORDNERMODUS)  # a folder we make for the user's file: 0700 too
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


def _ist_sperre(fehler: BaseException) -> bool:
    """SQLite's "database is locked" / "busy" (sqlite3 or sqlcipher3): another program is writing, nothing is wrong."""
    text = str(fehler).lower()
    return type(fehler).__name__ == "OperationalError" and ("locked" in text or "busy" in text)


def _in_benutzung(pfad: Path) -> DatenbankGesperrt:
    return DatenbankGesperrt(
        f"Die Datenbank {pfad} wird gerade von einem anderen Programm benutzt (es schreibt gerade hinein). "
        "Die Datei ist in Ordnung. Bitte warten Sie einen Moment oder schließen Sie das andere Programm und "
        "versuchen Sie es dann noch einmal."
    )


def _kennwort(ziel: Path, kennwort: str | None) -> str | None:
    """None for a plain file; the given password, else for an encrypted file the one this process knows
    (core.persistence.schutz); a new file is encrypted when a password is given (set-up with encryption)."""
    if ist_klar(ziel):
        return None
    if kennwort is not None:
        return kennwort
    return gemerktes_kennwort(ziel) if ist_verschluesselt(ziel) else None


def _pruefe_datei(pfad: Path, kennwort: str | None = None) -> None:
    """Before anything writes: the whole file checked (integrity_check, not only quick_check), it must be ours (or
    empty) and not from a newer version. Another program's write lock is "in use", never "damaged"."""
    if not pfad.exists() or pfad.stat().st_size == 0:
        return
    if kennwort is None and braucht_kennwort(pfad):
        raise KennwortNoetig(
            f"Die Datenbank {pfad} ist verschlüsselt. Bitte geben Sie das Kennwort ein (auf der Kommandozeile "
            f"wird es abgefragt oder aus der Umgebungsvariable {UMGEBUNG_KENNWORT} gelesen).",
            pfad=pfad,
        )
    try:
        verbindung = verbinde(pfad, kennwort=kennwort, nur_lesen=True)
        try:
            ergebnis = [z[0] for z in verbindung.execute("PRAGMA integrity_check(20)").fetchall()]
            tabellen = {z[0] for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            stand = None
            if "alembic_version" in tabellen:
                zeile = verbindung.execute("SELECT version_num FROM alembic_version").fetchone()
                stand = zeile[0] if zeile else None
        finally:
            verbindung.close()
    except FalschesKennwort:
        raise
    except Exception as fehler:  # sqlite3 / sqlcipher3 errors
        if _ist_sperre(fehler):
            raise _in_benutzung(pfad) from fehler
        if type(fehler).__name__ not in ("DatabaseError", "OperationalError", "IntegrityError"):
            raise
        log.info("Datenbankdatei %s unlesbar: %s", pfad, fehler)  # SQLite's English words stay in the log
        raise _beschaedigt(pfad, "sie lässt sich nicht als Datenbank lesen") from fehler
    if ergebnis != ["ok"]:
        log.info("Prüfung von %s: %s", pfad, "; ".join(str(z) for z in ergebnis[:5]))
        raise _beschaedigt(pfad, "die Prüfung der Datei hat Fehler in ihrem Inhalt gefunden")
    if tabellen and "alembic_version" not in tabellen:
        raise DatenbankFehler(
            f"Die Datei {pfad} ist eine SQLite-Datenbank, aber keine von Assistenzbüro. "
            "Bitte wählen Sie mit --db eine andere Datei; diese wird nicht verändert."
        )
    if stand is not None and not migration.ist_bekannt(stand):
        raise _zu_neu(pfad, stand)  # before any backup: a refused start never touches the backups


def _engine(ziel: Path, kennwort: str | None, *, nur_lesen: bool = False) -> Engine:
    """The SQLAlchemy engine: plain sqlite3 as always, or SQLCipher keyed on every new connection (creator=).

    Compiled statements are kept for every file the process opens (core.persistence.anweisungen)."""
    optionen = {"compiled_cache": ANWEISUNGEN}
    if kennwort is None:
        engine = create_engine(f"sqlite:///{ziel}", execution_options=optionen)
    else:
        engine = create_engine(
            f"sqlite:///{ziel}",
            module=dbapi_modul(kennwort),
            creator=lambda: verbinde(ziel, kennwort=kennwort, pruefen=False, check_same_thread=False),
            execution_options=optionen,
        )
    _richte_engine_ein(engine, nur_lesen=nur_lesen)
    return engine


def _neu_anlegen(ziel: Path) -> None:
    """A new database file is created 0600 before SQLite opens it (its -wal and -shm take the same mode)."""
    if not ziel.exists():
        try:
            os.close(os.open(ziel, os.O_CREAT | os.O_EXCL | os.O_WRONLY, DATEIMODUS))
        except FileExistsError:
            pass


def _richte_engine_ein(engine: Engine, *, nur_lesen: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _bei_verbindung(dbapi_verbindung: Any, _eintrag: Any) -> None:
        # We issue BEGIN ourselves (below) so DDL in migrations is transactional too.
        dbapi_verbindung.isolation_level = None
        cursor = dbapi_verbindung.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # deleted rows are overwritten with zeros, not left readable in free pages (Art. 17 DSGVO, issue 14)
        cursor.execute("PRAGMA secure_delete=ON")
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
        self.kennwort: str | None = None  # held in memory while open (backups, erasure); never written anywhere
        self._sperre = sperre
        self._sitzungen = sessionmaker(engine, expire_on_commit=False)
        _offen.add(self)

    @classmethod
    def oeffnen(
        cls,
        pfad: Path | str | None = None,
        *,
        sicherungen_behalten: int = STANDARD_ANZAHL,
        sichern: bool = True,
        kennwort: str | None = None,
    ) -> Datenbank:
        """Lock, check, back up (verified), migrate to head; then rotate the backups (newest
        `sicherungen_behalten` and daily/weekly/monthly generations). `kennwort` opens an encrypted file."""
        ziel = ziel_pfad(pfad)
        if ziel.is_dir():
            raise DatenbankFehler(f"{ziel} ist ein Ordner; bitte geben Sie eine Datei an (z. B. {ziel / DATEINAME}).")
        _pruefe_schreibbar(ziel)
        kennwort = _kennwort(ziel, kennwort)
        sperre = _sperre_fuer(ziel)
        try:
            _pruefe_datei(ziel, kennwort)
            letzte = sichere(ziel, kennwort=kennwort) if sichern else None
            _neu_anlegen(ziel)
            datenbank_nur_eigentuemer(ziel)
            engine = _engine(ziel, kennwort)
            try:
                with engine.begin() as verbindung:
                    if not migration.ist_aktuell(verbindung):  # only then is Alembic loaded
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
            datenbank_nur_eigentuemer(ziel)
            if kennwort is not None:
                markiere(ziel)  # a new file made encrypted at set-up
            if sichern:  # only now: the file opened and is at the current schema
                raeume_auf(ziel, Aufbewahrung(neueste=sicherungen_behalten))
        except BaseException:
            sperre.release()
            raise
        db = cls(ziel, engine, sperre, letzte)
        db.kennwort = kennwort
        return db

    @classmethod
    def oeffnen_zum_lesen(cls, pfad: Path | str | None = None, *, kennwort: str | None = None) -> Datenbank:
        """Read-only access for exports and reports, also while the program window has the file open.

        No lock, no backup, no migration (SQLite lets readers work beside the one writer); every write fails.
        The file must already be at the program's current schema.
        """
        ziel = ziel_pfad(pfad)
        if not ziel.is_file():
            raise DatenbankFehler(
                f"Die Datenbank {ziel} gibt es nicht. Bitte geben Sie mit --db die richtige Datei an."
            )
        kennwort = _kennwort(ziel, kennwort)
        _pruefe_datei(ziel, kennwort)
        engine = _engine(ziel, kennwort, nur_lesen=True)
        try:
            with engine.connect() as verbindung:
                if migration.ist_aktuell(verbindung):
                    lesend = cls(ziel, engine, None, None)
                    lesend.kennwort = kennwort
                    return lesend
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
        db = cls(ziel, engine, None, None)
        db.kennwort = kennwort
        return db

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
    sperre = FileLock(_sperrdatei(pfad), timeout=0, thread_local=False, mode=DATEIMODUS)
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


def _raeume_verwaiste_neubauten_auf(ziel: Path) -> None:
    """Remove what a killed earlier attempt left (`.<name>.neu-<pid>` and its companions): a file whose lock
    nobody holds any more belongs to no running process."""
    for teil in ziel.parent.glob(f".{ziel.name}.neu-*"):
        if not teil.name.removeprefix(f".{ziel.name}.neu-").isdigit():
            continue  # a companion (-wal, .lock): removed with its file below
        sperre = FileLock(_sperrdatei(teil), timeout=0, thread_local=False, mode=DATEIMODUS)
        try:
            sperre.acquire()
        except (Timeout, OSError):
            continue  # still being built by a running process
        try:
            for datei in (teil, *(teil.with_name(teil.name + e) for e in ("-wal", "-shm", "-journal"))):
                datei.unlink(missing_ok=True)
        finally:
            sperre.release()
            _sperrdatei(teil).unlink(missing_ok=True)


@contextmanager
def neue_datenbankdatei(ziel: Path) -> Iterator[Path]:
    """Build a new database file under a temporary name beside `ziel`; it appears under `ziel` only when complete.

    For commands that create a whole file (`demo`, `szenario laden`): if the process is killed half-way, no
    half-built file blocks the path (only a hidden `.<name>.neu-*` file may remain, which nothing reads). The block
    must close the database before it ends. Refuses an existing `ziel`; never replaces one that appears meanwhile.
    """
    ziel = ziel_pfad(ziel)
    if ziel.exists():
        raise EingabeFehler(
            f"Die Datei {ziel} gibt es schon; sie wird nicht überschrieben. Bitte einen neuen Namen wählen."
        )
    if not ziel.parent.is_dir():
        raise EingabeFehler(f"Den Ordner {ziel.parent} gibt es nicht. Bitte einen vorhandenen Ordner angeben.")
    _raeume_verwaiste_neubauten_auf(ziel)
    teil = ziel.with_name(f".{ziel.name}.neu-{os.getpid()}")
    aufraeumen = [teil, _sperrdatei(teil), *(teil.with_name(teil.name + e) for e in ("-wal", "-shm", "-journal"))]
    try:
        yield teil
        if any(teil.with_name(teil.name + e).exists() for e in ("-wal", "-journal")):
            raise DatenbankFehler("Die neue Datenbank wurde nicht ordentlich geschlossen.")
        try:
            os.link(teil, ziel)  # never replaces: fails if `ziel` appeared meanwhile
        except (AttributeError, NotImplementedError, PermissionError):
            os.rename(teil, ziel)  # Windows and file systems without hard links: refuses an existing target too
        except FileExistsError:
            raise EingabeFehler(f"Die Datei {ziel} ist inzwischen entstanden; sie wurde nicht verändert.") from None
    finally:
        for datei in aufraeumen:
            datei.unlink(missing_ok=True)


def stelle_wieder_her(
    pfad: Path | str | None = None, sicherung: Sicherung | Path | None = None, *, kennwort: str | None = None
) -> Path | None:
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
    if kennwort is None and ist_verschluesselt(quelle):
        kennwort = gemerktes_kennwort(ziel)
        if kennwort is None and ist_als_verschluesselt_markiert(ziel):  # else: garbage, "selbst beschädigt"
            raise KennwortNoetig(
                f"Die Sicherung {quelle.name} ist verschlüsselt. Bitte geben Sie das Kennwort der Datenbank ein.",
                pfad=ziel,
            )
    sperre = _sperre_fuer(ziel)
    try:
        beiseite = kopiere_zurueck(quelle, ziel, kennwort=kennwort)
        markiere(ziel)  # the marker follows the restored file: encrypted or not
        return beiseite
    finally:
        sperre.release()
