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

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.fehler import AssistenzbueroFehler, dateigrund
from desktop import meldungen
from desktop.i18n import tr


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


class _Arbeiter(QRunnable):
    def __init__(self, arbeit: Callable[[Fortschritt], Any], fortschritt: Fortschritt, signale: _Signale) -> None:
        super().__init__()
        self._arbeit = arbeit
        self._fortschritt = fortschritt
        self._signale = signale

    def run(self) -> None:
        try:
            ergebnis = self._arbeit(self._fortschritt)
        except BaseException as fehler:  # delivered to the GUI thread, shown there
            self._signale.gescheitert.emit(fehler)
        else:
            self._signale.fertig.emit(ergebnis)


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
        dialog.canceled.connect(self.fortschritt.abbrechen)
        dialog.rejected.connect(self.fortschritt.abbrechen)  # Escape
        self.dialog = dialog
        self._signale.fortschritt.connect(self._zeige_fortschritt)
        self._signale.fertig.connect(self._fertig)
        self._signale.gescheitert.connect(self._gescheitert)
        Vorgang.laufende.add(self)
        QThreadPool.globalInstance().start(_Arbeiter(self._arbeit, self.fortschritt, self._signale))
        return self

    def _zeige_fortschritt(self, schritt: int, von: int, text: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(von)
        self.dialog.setValue(schritt)
        if text:
            self.dialog.setLabelText(text)

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
        if self._bei_erfolg is not None:
            self._bei_erfolg(ergebnis)

    def _gescheitert(self, fehler: BaseException) -> None:
        self._schliesse_dialog()
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
