"""Fixtures for GUI tests: German Qt, settings in a temporary file (never the user's), a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import richte_anwendung_ein
from desktop.einstellungen import Einstellungen
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext


@pytest.fixture(autouse=True)
def _eigene_einstellungen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "daten"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "zustand"))


def _tippe(
    widget: QWidget, text: str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, delay: int = -1
) -> None:
    """`qtbot.keyClicks` that can type German: QTest.keyClicks aborts the whole process on ä, ö, ü (a Qt assertion
    in qasciikey.cpp, no test report), so such characters go as key events that carry the character."""
    for zeichen in text:
        if zeichen.isascii():
            QTest.keyClicks(widget, zeichen, modifier, delay)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, zeichen, modifier, delay)


@pytest.fixture(autouse=True)
def _deutsch_tippen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QtBot, "keyClicks", staticmethod(_tippe))


@pytest.fixture(autouse=True)
def _keine_unerwarteten_meldungen(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """A modal box nobody answers would hang the suite: fail with its text instead (tests may patch again).

    Only for the tests in this folder; areas in sub-folders may answer real boxes with their own helpers.
    """
    from PySide6.QtWidgets import QMessageBox

    if Path(str(request.path)).parent != Path(__file__).parent:
        return

    def unerwartet(box: QMessageBox) -> int:
        raise AssertionError(f"unerwartete Meldung: {box.windowTitle()}: {box.text()}")

    monkeypatch.setattr(QMessageBox, "exec", unerwartet)


@pytest.fixture
def einstellungen(qapp: QApplication, tmp_path: Path) -> Iterator[Einstellungen]:
    speicher = QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat)
    e = Einstellungen(speicher)
    richte_anwendung_ein(qapp, e)
    yield e
    from desktop.einstellungen import SCHRIFTGROESSE, wende_schriftgroesse_an

    wende_schriftgroesse_an(qapp, SCHRIFTGROESSE.standard)  # the next test starts with the system font


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Any]:
    """A fresh data file, opened (and seeded) as the program does."""
    from core.stammdaten.start import oeffne

    datenbank = oeffne(tmp_path / "test.sqlite")
    yield datenbank
    if datenbank.engine is not None:
        try:
            datenbank.schliessen()
        except Exception:  # already closed by the window
            pass


@pytest.fixture
def fuehrer() -> Iterator[Any]:
    """Drives the modal dialogs a test opens (see tests/desktop/dienstplan/tasten.py); none may stay open."""
    from tests.desktop.dienstplan.tasten import Dialogfuehrer

    f = Dialogfuehrer()
    yield f
    f.beendet = True
    assert f.offen_geblieben == []


@pytest.fixture
def kontext(db: Any, einstellungen: Einstellungen) -> Kontext:
    return Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=db.pfad)


def _zeige_fenster(qtbot: Any, kontext: Kontext) -> Hauptfenster:
    f = Hauptfenster(kontext)
    qtbot.addWidget(f)
    return _aktiv(qtbot, f)


def _aktiv(qtbot: Any, f: Hauptfenster) -> Hauptfenster:
    """`f` shown, exposed and the active window (keyboard input goes to it). Work an earlier test started in a
    shared window ends first: its progress dialog, shown after 400 ms on a busy machine, would take the keyboard."""
    from desktop.hintergrund import warte_auf_faeden

    warte_auf_faeden()
    f.show()
    qtbot.waitExposed(f)
    f.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is f)
    return f


@pytest.fixture
def fenster(qtbot: Any, kontext: Kontext) -> Hauptfenster:
    return _zeige_fenster(qtbot, kontext)


@pytest.fixture(scope="session")
def _demo_vorlage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example household of `assistenzbuero demo` (this month and the next), built once per test process (the
    same build as the core tests' `demo_haushalt`, when they ran in this process first)."""
    from datetime import date

    from tests.core.demo_vorlage import demo_haushalt

    pfad = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    demo_haushalt(pfad, heute=date.today())
    return pfad


@pytest.fixture
def demo_kontext(tmp_path: Path, _demo_vorlage: Path, einstellungen: Einstellungen) -> Iterator[Kontext]:
    """A copy of the example household, opened as the program does."""
    import shutil

    from core.stammdaten.start import oeffne

    ziel = tmp_path / "demo.sqlite"
    shutil.copy(_demo_vorlage, ziel)
    datenbank = oeffne(ziel)
    kontext = Kontext(datenbank=datenbank, einstellungen=einstellungen, db_pfad=ziel)
    yield kontext
    kontext.schliessen()


@pytest.fixture
def demo_fenster(qtbot: Any, demo_kontext: Kontext) -> Hauptfenster:
    """The main window on the example household."""
    return _zeige_fenster(qtbot, demo_kontext)


# --- One window per test module for read-only checks of every area -------------------------------------------------
#
# The checks that walk every area (names for a screen reader, unique mnemonics, the Tab order, no keyboard trap) built
# a new main window, household and start page for each area: about 0.3 s of CPU each, seven times per module. They
# only look and press Tab, so one window per module serves them; the window is built during the module's first such
# test (when this folder's fixtures have set up the household file as for any test) and closed after the module.
# A test that changes data or settings, or that needs the window as it is right after the start, takes `fenster`.


class _Geteilt:
    def __init__(self) -> None:
        self.fenster: Hauptfenster | None = None
        self.kontext: Kontext | None = None


@pytest.fixture(scope="module")
def _geteilt_leer(qapp: QApplication) -> Iterator[_Geteilt]:
    geteilt = _Geteilt()
    yield geteilt
    _schliesse_geteiltes(qapp, geteilt)


@pytest.fixture(scope="module")
def _geteilt_demo(qapp: QApplication) -> Iterator[_Geteilt]:
    geteilt = _Geteilt()
    yield geteilt
    _schliesse_geteiltes(qapp, geteilt)


def _schliesse_geteiltes(qapp: QApplication, geteilt: _Geteilt) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop.einstellungen import SCHRIFTGROESSE, wende_schriftgroesse_an

    if geteilt.fenster is not None:  # hidden, not closed: no page may ask about unsaved input after the tests
        geteilt.fenster.hide()
        geteilt.fenster.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if geteilt.kontext is not None:
        geteilt.kontext.schliessen()
    wende_schriftgroesse_an(qapp, SCHRIFTGROESSE.standard)


def _geteiltes_fenster(
    qtbot: Any, qapp: QApplication, geteilt: _Geteilt, ordner_fabrik: pytest.TempPathFactory, vorlage: Path | None
) -> Hauptfenster:
    from core.stammdaten.start import oeffne

    if geteilt.fenster is None:
        ordner = ordner_fabrik.mktemp("geteilt")
        einstellungen = Einstellungen(QSettings(str(ordner / "einstellungen.ini"), QSettings.Format.IniFormat))
        richte_anwendung_ein(qapp, einstellungen)
        pfad = ordner / "haushalt.sqlite"
        if vorlage is not None:
            import shutil

            shutil.copy(vorlage, pfad)
        datenbank = oeffne(pfad)
        geteilt.kontext = Kontext(datenbank=datenbank, einstellungen=einstellungen, db_pfad=pfad)
        geteilt.fenster = Hauptfenster(geteilt.kontext)
    return _aktiv(qtbot, geteilt.fenster)


@pytest.fixture
def geteiltes_fenster(
    qtbot: Any, qapp: QApplication, _geteilt_leer: _Geteilt, tmp_path_factory: pytest.TempPathFactory
) -> Hauptfenster:
    """The main window on an empty household, shared by the tests of a module (only for checks that look)."""
    return _geteiltes_fenster(qtbot, qapp, _geteilt_leer, tmp_path_factory, None)


@pytest.fixture
def geteiltes_demo_fenster(
    qtbot: Any,
    qapp: QApplication,
    _geteilt_demo: _Geteilt,
    _demo_vorlage: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Hauptfenster:
    """The main window on the example household, shared by the tests of a module (only for checks that look)."""
    return _geteiltes_fenster(qtbot, qapp, _geteilt_demo, tmp_path_factory, _demo_vorlage)
