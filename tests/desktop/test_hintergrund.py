"""Long work runs off the GUI thread; progress arrives on the GUI thread; Abbrechen stops it; errors are German."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from core.fehler import EingabeFehler
from desktop import meldungen
from desktop.hintergrund import Fortschritt, Vorgang

pytestmark = pytest.mark.gui


@pytest.fixture
def fenster(qtbot, einstellungen) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_ergebnis_kommt_im_gui_thread_an(qtbot, fenster: QWidget) -> None:
    threads: dict[str, object] = {}
    ergebnisse: list[int] = []

    def arbeit(fortschritt: Fortschritt) -> int:
        threads["arbeit"] = threading.get_ident()
        for i in range(3):
            fortschritt.melde(i + 1, 3, f"Schritt {i + 1}")
        return 42

    def fertig(wert: int) -> None:
        threads["fertig_gui"] = QThread.currentThread() is QApplication.instance().thread()
        ergebnisse.append(wert)

    Vorgang(fenster, "Rechnen", arbeit).bei_erfolg(fertig).starten()
    qtbot.waitUntil(lambda: ergebnisse == [42])
    assert threads["arbeit"] != threading.get_ident()
    assert threads["fertig_gui"] is True
    # finished: neither the operation nor its progress dialog stays behind as a child of the window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert fenster.findChildren(Vorgang) == [] and fenster.findChildren(QProgressDialog) == []


def test_abbrechen_stoppt_die_arbeit(qtbot, fenster: QWidget) -> None:
    losgelegt = threading.Event()
    fehler: list[BaseException] = []

    def arbeit(fortschritt: Fortschritt) -> None:
        losgelegt.set()
        for _ in range(2000):  # bounded, so a failing test cannot leave a thread spinning
            fortschritt.pruefe()
            QThread.msleep(5)

    vorgang = Vorgang(fenster, "Warten", arbeit).bei_fehler(fehler.append).starten()
    assert losgelegt.wait(5)
    # shown after 400 ms (setMinimumDuration); 2.5 s leaves room for a busy machine but fails on Qt's own 4 s
    qtbot.waitUntil(lambda: vorgang.dialog is not None and vorgang.dialog.isVisible(), timeout=2500)
    knopf = next(k for k in vorgang.dialog.findChildren(QPushButton) if k.text() == "Abbrechen")
    knopf.setFocus()
    qtbot.keyClick(knopf, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(fehler) == 1)
    assert type(fehler[0]).__name__ == "Abgebrochen"


def test_eingabefehler_wird_als_deutsche_meldung_gezeigt(qtbot, fenster: QWidget, monkeypatch) -> None:
    gezeigt: list[str] = []
    monkeypatch.setattr(meldungen, "fehler", lambda parent, titel, text: gezeigt.append(text))

    def arbeit(_: Fortschritt) -> None:
        raise EingabeFehler("Die Datei ist keine Kalkulation.")

    Vorgang(fenster, "Einlesen", arbeit).starten()
    qtbot.waitUntil(lambda: gezeigt == ["Die Datei ist keine Kalkulation."])


def test_warten_gilt_nur_den_eigenen_faeden(qtbot, fenster: QWidget) -> None:
    """Encrypting waits for the program's own readers only: a library's helper thread (multiprocessing's queue feeder
    after a Kalkulation import) once made "Datenbank verschlüsseln" wait its full 15 s."""
    import time

    from desktop.hintergrund import laufende_faeden, starte_faden, warte_auf_faeden

    fremd_stop = threading.Event()
    fremd = threading.Thread(target=fremd_stop.wait, daemon=True, name="fremder Helfer")
    fremd.start()
    eigen_stop = threading.Event()
    try:
        eigen = starte_faden(eigen_stop.wait, (), "eigener Leser")
        assert eigen in laufende_faeden() and fremd not in laufende_faeden()
        assert warte_auf_faeden(0.1) is False  # our own reader still runs: the wait gives up, it is not ignored
        eigen_stop.set()
        beginn = time.monotonic()
        assert warte_auf_faeden(5) is True
        assert time.monotonic() - beginn < 2  # the foreign thread, still alive, is not waited for
        assert fremd.is_alive()
    finally:
        eigen_stop.set()
        fremd_stop.set()
