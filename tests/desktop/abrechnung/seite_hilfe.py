"""Helpers for the Monatsabrechnung tests: the main window on a household, waiting for the background run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.abrechnung.bereich import AbrechnungBereich
from desktop.abrechnung.monatsabrechnung import Monatsabrechnung
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from tests.desktop.dienstplan.tasten import Dialogfuehrer


def warte(qtbot: Any, seite: Monatsabrechnung) -> None:
    """Until the background computation has come back (the page shows the month or says why not)."""
    qtbot.waitUntil(lambda: not seite.rechnet, timeout=30000)
    # a slow computation showed the progress dialog; a window manager gives the activation back when it closes,
    # the offscreen platform does not (see tests/desktop/dienstplan/tasten.py, warte_auf_fokus)
    fenster = seite.window()
    if fenster.isVisible() and QApplication.activeWindow() is not fenster:
        fenster.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)


def oeffne_seite(qtbot: Any, kontext: Kontext) -> tuple[Hauptfenster, Monatsabrechnung]:
    """The main window on `kontext`, showing Abrechnung › Monatsabrechnung with the month computed."""
    fenster = Hauptfenster(kontext)
    qtbot.addWidget(fenster)
    fenster.resize(1280, 800)
    fenster.show()
    qtbot.waitExposed(fenster)
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    fenster.zeige_bereich("abrechnung")
    bereich = fenster.seite("abrechnung")
    assert isinstance(bereich, AbrechnungBereich)
    seite = bereich.reiter(Monatsabrechnung)
    warte(qtbot, seite)
    return fenster, seite


class GeduldigerFuehrer(Dialogfuehrer):
    """`Dialogfuehrer` that waits up to 30 s for the dialog: here it opens after a background computation (the
    check before finalising, the corrections), which takes seconds on a busy test machine."""

    def dann(self, schritte: Callable[[Any], None], typ: type[QWidget] = QDialog) -> None:
        def pruefe(versuche: int = 0) -> None:
            if self.beendet:
                return
            w = QApplication.activeModalWidget()
            if not isinstance(w, typ) or not w.isVisible() or QApplication.activeWindow() is not w:
                if versuche < 3000:
                    QTimer.singleShot(10, lambda: pruefe(versuche + 1))
                else:
                    self.offen_geblieben.append(f"kein {typ.__name__} erschienen")
                return
            self.gesehen.append(w)  # type: ignore[arg-type]
            try:
                schritte(w)
            finally:
                if w.isVisible():
                    self.offen_geblieben.append(type(w).__name__)
                    w.reject()  # type: ignore[attr-defined]

        QTimer.singleShot(0, pruefe)
