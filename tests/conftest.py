"""Test-wide setup: Qt runs offscreen, German locale for Qt, no test touches the user's real data."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# the screen the program is made for (a 1280×800 laptop, also at 200 %: tests/desktop/test_bildschirm.py), not the
# offscreen platform's own 800×800
_BILDSCHIRM = Path(__file__).resolve().parent / "data" / "bildschirm" / "1280x800.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_BILDSCHIRM}")
os.environ.setdefault("QT_ACCESSIBILITY", "1")

# --- Compiled modules are kept, also where the environment says PYTHONDONTWRITEBYTECODE ------------------------
#
# Some images (this project's sandbox, many Docker images) set PYTHONDONTWRITEBYTECODE so that no .pyc lands beside
# the sources. Then every test process compiled all its modules (the program, its libraries, the tests) and pytest
# rewrote the asserts of every test module again, in each xdist worker and in each command-line subprocess: 12 s of
# CPU per worker before the first test. The compiled files go to .pytest_cache/pyc instead (still none beside the
# sources); the xdist workers and the subprocesses of the tests use them there (PYTHONPYCACHEPREFIX) and add what
# is missing: the standard library and pytest, loaded before this file ran, are in no other folder the prefix lets
# Python look in, so a child that may not write compiled them all again each time (0.4 s per CLI subprocess, 0.85 s
# per worker). An own prefix is left alone.
_PYC = str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "pyc")
if sys.dont_write_bytecode and sys.pycache_prefix in (None, _PYC):
    sys.pycache_prefix = _PYC
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = _PYC
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # children write to the prefix only, never beside the sources

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `lang` (ten seconds and more, in a process of their own) run first: xdist hands out the tests in
    this order, and one of them started last kept one worker busy while the other had nothing left to do.

    Tests marked `libreoffice` let LibreOffice recalculate what the program wrote; without it they are skipped
    with this reason (CI installs it, see .ci/run and the README)."""
    items.sort(key=lambda item: item.get_closest_marker("lang") is None)  # stable: otherwise the collected order
    if SOFFICE is not None:
        return
    grund = pytest.mark.skip(
        reason="LibreOffice (soffice) fehlt: die Neuberechnung der exportierten Formeln braucht es "
        "(Debian/Ubuntu: apt install libreoffice-calc-nogui; .ci/run installiert es)"
    )
    for item in items:
        if item.get_closest_marker("libreoffice") is not None:
            item.add_marker(grund)


def _zwischenspeicher_des_laufs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder shared by every worker of this run (xdist's workers have their own folders side by side
    below the run's), never the user's own and never one of an earlier run."""
    basis = tmp_path_factory.getbasetemp()
    return (basis.parent if os.environ.get("PYTEST_XDIST_WORKER") else basis) / "zwischenspeicher"


@pytest.fixture(autouse=True)
def _keine_echten_nutzerdaten(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default database of every test is a scratch file, never the user's data directory."""
    ordner: Path = tmp_path_factory.mktemp("nutzerdaten")
    monkeypatch.setenv("ASSISTENZBUERO_DB", str(ordner / "assistenzbuero.sqlite"))
    monkeypatch.setenv("ASSISTENZBUERO_LOG", str(ordner / "protokoll"))
    monkeypatch.setenv("XDG_DATA_HOME", str(ordner / "daten"))  # imported year figures and PAPs (platformdirs)
    # the cache holds only the parsed hyphenation patterns (desktop.tabellen): one folder for the whole run, so
    # that the workers and the processes tests start parse them once (1.5 s each) and read them after that
    monkeypatch.setenv("XDG_CACHE_HOME", str(_zwischenspeicher_des_laufs(tmp_path_factory)))


# --- Widgets of a test live until pytest-qt has closed them, then Qt deletes them ----------------------------
#
# pytest-qt keeps only a weak reference to a widget given to qtbot.addWidget and closes it at teardown. A dialog
# without a parent that is caught in a reference cycle (lambdas holding `self`) was therefore freed by the
# program's garbage collection (desktop.hintergrund.Aufraeumer, running in the events pytest-qt processes right
# after the test) while still shown: its C++ destructor ran in the middle of a collection and the suite died with
# a segmentation fault (seen in CI in test_barrierefreiheit, about one run in five). Here each widget is held until
# pytest-qt has closed it, then Qt deletes it (the pending deleteLater) while Python still holds the wrapper; the
# collection later only frees the Python side.

_festgehalten: list[object] = []


def pytest_configure(config: pytest.Config) -> None:
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:  # pragma: no cover - the GUI test plugin is part of the test dependencies
        return
    if getattr(QtBot.addWidget, "_haelt_fest", False):
        return
    urspruenglich = QtBot.addWidget

    def add_widget(self: QtBot, widget: object, **kwargs: object) -> None:
        urspruenglich(self, widget, **kwargs)
        _festgehalten.append(widget)

    add_widget._haelt_fest = True  # type: ignore[attr-defined]
    QtBot.addWidget = add_widget  # type: ignore[method-assign]
    QtBot.waitUntil = _bis  # type: ignore[method-assign]


def _bis(self: Any, bedingung: Callable[[], bool | None], *, timeout: int = 5000) -> None:
    """`qtbot.waitUntil` with the same meaning (an AssertionError or False: not yet; None or True: done; past
    `timeout` ms: TimeoutError), but asking every millisecond. pytest-qt asks every 10 ms, and the 500 waits of a
    run (mostly for a background thread to hand over its result) idled 5 ms on average after it had."""
    import time

    ende = time.monotonic() + timeout / 1000
    while True:
        try:
            ergebnis = bedingung()
        except AssertionError as fehler:
            if time.monotonic() > ende:
                raise TimeoutError(f"waitUntil timed out in {timeout} milliseconds") from fehler
        else:
            if ergebnis is None or ergebnis is True:
                return
            if ergebnis is not False:
                raise ValueError(f"waitUntil() callback must return None, True or False, returned {ergebnis!r}")
            if time.monotonic() > ende:
                raise TimeoutError(f"waitUntil timed out in {timeout} milliseconds")
        self.wait(1)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> object:
    try:
        return (yield)  # inside: pytest-qt closes the widgets and calls deleteLater on them
    finally:
        if _festgehalten:
            from PySide6.QtCore import QCoreApplication, QEvent

            if QCoreApplication.instance() is not None:
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            _festgehalten.clear()


# --- A new database gets the migrated schema without running every migration again -----------------------------
#
# Nearly every test opens a new database file, and Alembic took 0.25–0.5 s to run all migrations on each (a fifth of
# the suite). Each test process runs the real migrations once on a scratch file and keeps that schema as SQL
# (`iterdump`: tables, indexes, the alembic_version row); an empty file then gets exactly that SQL. A file with
# tables (an older schema, a downgraded one) still goes through Alembic. Tests marked `echte_migration`
# (tests/core/persistence/test_migrationen.py) run Alembic on empty files too.

_schema_sql: list[str] = []


def _migriertes_schema(echte_migration: Callable[[Any], None]) -> list[str]:
    if not _schema_sql:
        import sqlite3
        import tempfile

        from sqlalchemy import create_engine

        with tempfile.TemporaryDirectory() as ordner:
            datei = Path(ordner) / "kopf.sqlite"
            engine = create_engine(f"sqlite:///{datei}")
            with engine.begin() as verbindung:
                echte_migration(verbindung)
            engine.dispose()
            roh = sqlite3.connect(datei)
            _schema_sql.extend(z for z in roh.iterdump() if z not in ("BEGIN TRANSACTION;", "COMMIT;"))
            roh.close()
    return _schema_sql


@pytest.fixture(autouse=True)
def _schema_einmal_je_prozess(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("echte_migration") is not None:
        return
    from sqlalchemy import inspect

    from core.persistence import migration

    echte = migration.migriere

    def migriere(verbindung: Any) -> None:
        if inspect(verbindung).get_table_names():
            echte(verbindung)
            return
        for befehl in _migriertes_schema(echte):
            verbindung.exec_driver_sql(befehl)

    monkeypatch.setattr(migration, "migriere", migriere)


# --- No wait for the disk on every commit -----------------------------------------------------------------------
#
# The program commits with SQLite's default synchronous=FULL: in WAL mode every commit waits for the disk (fsync,
# 5 ms on the 2-core test machine against 0.05 ms without), and the tests commit about seven times each, so the
# workers sat idle for a good part of the run. Tests never survive a power cut, so their databases skip the fsync;
# what reaches the file and in which order is unchanged (a killed process loses nothing either way). Subprocesses
# started by tests keep the program's setting. The same for the files the program flushes itself before a rename
# (backups, exports, the erased copy): `os.fsync` does nothing in the test processes.


@pytest.fixture(autouse=True, scope="session")
def _ohne_fsync() -> Iterator[None]:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def ohne_fsync(dbapi_verbindung: Any, _eintrag: Any) -> None:
        cursor = dbapi_verbindung.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.close()

    event.listen(Engine, "connect", ohne_fsync)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", lambda _fd: None)
        yield


# --- A new household file starts as a copy of one seeded per process --------------------------------------------
#
# `start.oeffne` on a new file migrates it and seeds the defaults (Unfallkassen, Krankenkassen with their years,
# Leistungsarten, shift templates): some 45 ms of CPU, in most tests of the suite. Each test process does that once
# through the real code and keeps the file's bytes; a later new file is that copy (0600, as `_neu_anlegen` makes
# it), opened as a new file is (no backup, the backups rotated). Left to the real code: an existing file or its
# leftovers (-wal, -journal), a folder that cannot be written, imported figures of the user (the Minijob-Zentrale's
# years follow them) and tests marked `echte_migration`.

_gesaet: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def _gesaeter_haushalt_je_prozess(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _schema_einmal_je_prozess: None
) -> None:
    if request.node.get_closest_marker("echte_migration") is not None:
        return
    import tempfile

    from core.persistence.datenbank import Datenbank, ziel_pfad
    from core.persistence.sicherung import STANDARD_ANZAHL, Aufbewahrung, raeume_auf
    from core.regeln import tabellen
    from core.stammdaten import start

    echt = start.oeffne

    def wie_neu(ziel: Path) -> bool:
        eigene_werte = tabellen.nutzer_verzeichnis()
        return not (
            ziel.exists()
            or any(ziel.with_name(ziel.name + e).exists() for e in ("-wal", "-shm", "-journal"))
            or not ziel.parent.is_dir()
            or not os.access(ziel.parent, os.W_OK)
            or (eigene_werte.is_dir() and any(eigene_werte.iterdir()))
        )

    def oeffne(pfad: Path | str | None = None, *, sicherungen_behalten: int = STANDARD_ANZAHL) -> Datenbank:
        ziel = ziel_pfad(pfad)
        if not wie_neu(ziel):
            return echt(pfad, sicherungen_behalten=sicherungen_behalten)
        if not _gesaet:
            with tempfile.TemporaryDirectory() as ordner:
                vorlage = Path(ordner) / "vorlage.sqlite"
                echt(vorlage).schliessen()
                _gesaet["vorlage"] = vorlage.read_bytes()
        with os.fdopen(os.open(ziel, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as datei:
            datei.write(_gesaet["vorlage"])
        db = Datenbank.oeffnen(ziel, sicherungen_behalten=sicherungen_behalten, sichern=False)
        raeume_auf(ziel, Aufbewahrung(neueste=sicherungen_behalten))
        return db

    monkeypatch.setattr(start, "oeffne", oeffne)
