"""Long work off the GUI thread, with progress and cancel; the worker never touches widgets.

Use (pattern of Anki's CollectionOp):

    Vorgang(fenster, tr("PDF wird erstellt"), lambda fortschritt: erzeuge_pdf(..., fortschritt)) \
        .bei_erfolg(lambda pfad: kontext.melde(...)) \
        .starten()

The work function gets a `Fortschritt`: call `fortschritt.melde(schritt, von, text)` and check
`fortschritt.abgebrochen` between steps. It must open its own unit of work (sessions are not shared across
threads). Success and failure callbacks run on the GUI thread. `EingabeFehler`/`DatenbankFehler` are shown
as their German message; anything else as "unerwarteter Fehler" (details in the log).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from core.fehler import AssistenzbueroFehler, dateigrund
from desktop import meldungen
from desktop.i18n import tr

# What a worker thread holds stays referenced here until the thread has ended: a Qt wrapper whose last reference dies
# in a worker thread is destroyed via shiboken's main-thread deletion queue, which crashed (a QRunnable subclass
# auto-deleted by the thread pool did exactly that). The list is also how the program knows its own readers.
_in_arbeit: list[tuple[threading.Thread, tuple[Any, ...]]] = []


def starte_faden(ziel: Callable[..., None], mitgabe: tuple[Any, ...], name: str) -> threading.Thread:
    """Start one of the program's background threads (daemon) with `mitgabe` as its arguments."""
    global _in_arbeit
    _in_arbeit = [(t, refs) for t, refs in _in_arbeit if t.is_alive()]
    faden = threading.Thread(target=ziel, args=mitgabe, name=name, daemon=True)
    _in_arbeit.append((faden, mitgabe))
    faden.start()
    return faden


def laufende_faeden() -> list[threading.Thread]:
    """The program's own background threads still running (not other libraries' helper threads)."""
    return [t for t, _refs in _in_arbeit if t.is_alive()]


def warte_auf_faeden(sekunden: float = 15) -> bool:
    """Wait until the program's background threads have ended (True) or `sekunden` passed (False). Qt events are
    processed meanwhile, since such a worker may be waiting to hand its result to the window."""
    ende = time.monotonic() + sekunden
    while laufende_faeden():
        if time.monotonic() >= ende:
            return False
        QApplication.processEvents()
        time.sleep(0.002)  # a worker that just ended hands over at once, not up to 20 ms later
    return True


class Abgebrochen(Exception):
    """Raised by `Fortschritt.pruefe()` when the user pressed Abbrechen."""


class Fortschritt:
    """Handed to the worker; thread-safe."""

    def __init__(self, signale: _Signale) -> None:
        self._signale = signale
        self._abbruch = threading.Event()

    @property
    def abgebrochen(self) -> bool:
        return self._abbruch.is_set()

    def abbrechen(self) -> None:
        self._abbruch.set()

    def pruefe(self) -> None:
        if self._abbruch.is_set():
            raise Abgebrochen

    def melde(self, schritt: int, von: int, text: str = "") -> None:
        self._signale.fortschritt.emit(schritt, von, text)


class _Signale(QObject):
    fortschritt = Signal(int, int, str)
    fertig = Signal(object)
    gescheitert = Signal(object)


def _im_hintergrund(arbeit: Callable[[Fortschritt], Any], fortschritt: Fortschritt, signale: _Signale) -> None:
    """The worker thread's body: run the work, report by queued signals (delivered on the GUI thread)."""
    try:
        ergebnis = arbeit(fortschritt)
    except BaseException as fehler:  # delivered to the GUI thread, shown there
        signale.gescheitert.emit(fehler)
    else:
        signale.fertig.emit(ergebnis)


class Vorgang(QObject):
    """One long-running action with a German progress dialog (Abbrechen) owned by `parent`.

    A QObject living in the GUI thread, so the worker's signals reach its slots queued on the GUI thread.
    """

    laufende: ClassVar[set[Vorgang]] = set()  # keeps running operations alive until they report back

    def __init__(self, parent: QWidget, titel: str, arbeit: Callable[[Fortschritt], Any]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._titel = titel
        self._arbeit = arbeit
        self._bei_erfolg: Callable[[Any], None] | None = None
        self._bei_fehler: Callable[[BaseException], None] | None = None
        self._signale = _Signale()
        self.fortschritt = Fortschritt(self._signale)
        self.dialog: QProgressDialog | None = None

    def bei_erfolg(self, rueckruf: Callable[[Any], None]) -> Vorgang:
        self._bei_erfolg = rueckruf
        return self

    def bei_fehler(self, rueckruf: Callable[[BaseException], None]) -> Vorgang:
        self._bei_fehler = rueckruf
        return self

    def starten(self) -> Vorgang:
        dialog = QProgressDialog(self._titel, tr("Abbrechen"), 0, 0, self._parent)
        dialog.setWindowTitle(self._titel)
        dialog.setAccessibleName(self._titel)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # quick work finishes without a flashing dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # Only setValue(minimum) restarts Qt's show timer with that duration; without it the timer started in
        # the constructor keeps Qt's default of 4 s and the user sees no progress (nor Abbrechen) for 4 s.
        dialog.setValue(0)
        dialog.canceled.connect(self.fortschritt.abbrechen)
        dialog.rejected.connect(self.fortschritt.abbrechen)  # Escape
        self.dialog = dialog
        self._signale.fortschritt.connect(self._zeige_fortschritt)
        self._signale.fertig.connect(self._fertig)
        self._signale.gescheitert.connect(self._gescheitert)
        Vorgang.laufende.add(self)
        starte_faden(_im_hintergrund, (self._arbeit, self.fortschritt, self._signale), self._titel)
        return self

    def _zeige_fortschritt(self, schritt: int, von: int, text: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(von)
        # last: a modal progress dialog processes events in setValue, where the work may finish and the dialog close
        dialog.setValue(schritt)

    def _schliesse_dialog(self) -> None:
        Vorgang.laufende.discard(self)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.fortschritt.abbrechen)
            self.dialog.rejected.disconnect(self.fortschritt.abbrechen)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _fertig(self, ergebnis: Any) -> None:
        self._schliesse_dialog()
        self.deleteLater()  # after the callback: it runs before control is back in the event loop
        if self._bei_erfolg is not None:
            self._bei_erfolg(ergebnis)

    def _gescheitert(self, fehler: BaseException) -> None:
        self._schliesse_dialog()
        self.deleteLater()
        if self._bei_fehler is not None:
            self._bei_fehler(fehler)
        elif isinstance(fehler, Abgebrochen):
            return
        elif isinstance(fehler, AssistenzbueroFehler):
            meldungen.fehler(self._parent, self._titel, str(fehler))
        elif isinstance(fehler, OSError):  # a folder without write permission, a full disk: not a bug
            meldungen.fehler(
                self._parent,
                self._titel,
                tr(
                    "Die Datei {datei} kann nicht geschrieben oder gelesen werden ({grund}). "
                    "Bitte einen anderen Ordner wählen oder die Datei im anderen Programm schließen."
                ).format(datei=fehler.filename or "", grund=dateigrund(fehler)),
            )
        else:
            meldungen.unerwartet(self._parent, fehler)


class Aufraeumer(QObject):
    """Python's cyclic garbage collection only on the GUI thread (pattern of calibre and pyqtgraph).

    CPython collects in whichever thread crosses the allocation threshold – during an export that is the worker.
    Qt wrappers caught in reference cycles (closed dialogs, lambdas holding `self`) were then destroyed off the GUI
    thread, and shiboken's deferred main-thread deletion crashed the program (seen in the test suite: segfault in
    Shiboken::BindingManager::runDeletionInMainThread while a Dienstplan PDF was written). So automatic collection
    is off and this timer collects on the GUI thread with the interpreter's own rules: its thresholds, and a full
    collection (of every object the program holds) only once the oldest generation has grown by a quarter since the
    last one (CPython's `long_lived_pending < long_lived_total / 4`, which keeps full collections from making a long
    run quadratic). Without that rule every eleventh collection was a full one: 240 ms each in a test process, and
    the longer the program ran, the more each cost.
    """

    def __init__(self, parent: QObject, intervall_ms: int = 1000) -> None:
        super().__init__(parent)
        self._schwellen = gc.get_threshold()
        gc.disable()
        self._alt = len(gc.get_objects(2))  # objects in the oldest generation after its last collection
        self._nachgewachsen = 0  # objects moved into it since (survivors of the younger generations' collections)
        self._uhr = QTimer(self)
        self._uhr.timeout.connect(self.pruefe)
        self._uhr.start(intervall_ms)

    def pruefe(self) -> None:
        anzahl = gc.get_count()
        if anzahl[0] <= self._schwellen[0]:
            return
        if anzahl[1] <= self._schwellen[1]:
            gc.collect(0)
            return
        if anzahl[2] > self._schwellen[2] and 4 * self._nachgewachsen >= self._alt:
            gc.collect(2)
            self._alt = len(gc.get_objects(2))
            self._nachgewachsen = 0
            return
        jung = len(gc.get_objects(0)) + len(gc.get_objects(1))
        self._nachgewachsen += max(0, jung - gc.collect(1))  # what was not garbage moved into the oldest generation


def sammle_nur_im_gui_thread(app: QObject) -> None:
    """Install the `Aufraeumer` once per application."""
    if app.property("assistenzbuero_aufraeumer"):
        return
    Aufraeumer(app)
    app.setProperty("assistenzbuero_aufraeumer", True)
