"""Window sizes in characters and lines of the user's font, never larger than the screen's free area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

#: Share of the free screen area a window may take at most (room for its frame and title bar).
ANTEIL_BREITE = 0.95
ANTEIL_HOEHE = 0.9


def passende_groesse(fenster: QWidget, zeichen: int, zeilen: int) -> None:
    """Resize to `zeichen` average characters × `zeilen` lines of the current font, capped to the screen.

    With a large font (200 % and more) a size in characters alone would put buttons beyond the screen edge,
    where neither a magnifier nor the mouse can reach them.
    """
    metrik = fenster.fontMetrics()
    breite, hoehe = metrik.averageCharWidth() * zeichen, metrik.lineSpacing() * zeilen
    bildschirm = fenster.screen() or QGuiApplication.primaryScreen()
    if bildschirm is not None:
        frei = bildschirm.availableGeometry()
        breite = min(breite, int(frei.width() * ANTEIL_BREITE))
        hoehe = min(hoehe, int(frei.height() * ANTEIL_HOEHE))
    fenster.resize(breite, hoehe)


def rollbar(inhalt: QWidget) -> QScrollArea:
    """`inhalt` in a frameless scroll area that takes no Tab stop: with a large font a page scrolls instead of
    being cut off (and `folge_dem_fokus` scrolls a focused control into view)."""
    rolle = QScrollArea()
    rolle.setWidgetResizable(True)
    rolle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    rolle.setFrameShape(QScrollArea.Shape.NoFrame)
    rolle.setWidget(inhalt)
    return rolle


def _zeige_fokus(_vorher: QWidget | None, jetzt: QWidget | None) -> None:
    """Scroll every scroll area around the focused control so that it is on screen.

    Qt scrolls only on Tab; after Alt+letter or a dialog that sets the focus, a field beyond the edge of a
    scrolled page (large font, small screen) would have the focus but stay invisible to a magnifier user.
    """
    if jetzt is None:
        return
    eltern = jetzt.parentWidget()
    while eltern is not None and not eltern.isWindow():
        inhalt = eltern.widget() if isinstance(eltern, QScrollArea) else None
        if isinstance(eltern, QScrollArea) and inhalt is not None and inhalt.isAncestorOf(jetzt):
            eltern.ensureWidgetVisible(jetzt)
        eltern = eltern.parentWidget()


def folge_dem_fokus(app: QApplication) -> None:
    """Install `_zeige_fokus` once per application."""
    if app.property("assistenzbuero_folgt_fokus"):
        return
    app.focusChanged.connect(_zeige_fokus)
    app.setProperty("assistenzbuero_folgt_fokus", True)
