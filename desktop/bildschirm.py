"""Room at any font size: window sizes in characters and lines of the user's font, never larger than the screen's
free area; pages and dialogs that scroll their content instead of cutting it off or pushing buttons off screen.

At 200 % on a 1280×800 screen (a logical screen of 640×400) the "Neue Schicht" dialog was taller than the screen
(Speichern and Abbrechen unreachable) and every page scrolled sideways. The rules here are applied to every page
(`Hauptfenster.seite`) and every dialog (`desktop.tastatur`, when it is shown) without the page or dialog doing
anything, so new pages and dialogs get them too:
- a dialog's content scrolls while its button box stays visible below it (`dialog_mit_rollbarem_inhalt`);
- a dialog is never larger than the screen's free area and opens on it (`in_den_bildschirm`);
- form rows wrap the field under its label where both do not fit side by side, and long texts wrap
  (`schmal_machen`); rows of buttons use `desktop.fluss.Flusszeile`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizard,
)

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


class Rollflaeche(QScrollArea):
    """A scroll area that asks for its content's full size, so a window opens as large as its content needs (up to
    the screen) and only scrolls where the screen is too small. A plain QScrollArea asks for a fixed small size.

    Side-by-side panes (a list next to its form in a horizontal QSplitter) go one above the other while the area is
    narrower than both together, and back side by side when there is room: so no page scrolls sideways.
    """

    def resizeEvent(self, ereignis: QResizeEvent) -> None:
        inhalt = self.widget()
        if inhalt is not None:
            platz = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
            for teiler in inhalt.findChildren(QSplitter):
                _teiler_nach_platz(teiler, platz)
        super().resizeEvent(ereignis)

    def sizeHint(self) -> QSize:
        inhalt = self.widget()
        if inhalt is None:
            return super().sizeHint()
        groesse = inhalt.sizeHint().expandedTo(inhalt.minimumSizeHint())
        rand = 2 * self.frameWidth()
        return QSize(groesse.width() + rand + self.verticalScrollBar().sizeHint().width(), groesse.height() + rand)


def _nebeneinander_breite(teiler: QSplitter) -> int:
    """How wide `teiler`'s panes are side by side at the least (their minimum widths and the handles)."""
    sichtbar = [w for w in (teiler.widget(i) for i in range(teiler.count())) if w is not None and not w.isHidden()]
    mindest = sum(w.minimumSizeHint().expandedTo(w.minimumSize()).width() for w in sichtbar)
    return mindest + teiler.handleWidth() * max(len(sichtbar) - 1, 0)


def _teiler_nach_platz(teiler: QSplitter, platz: int) -> None:
    """A splitter made side by side flips to one above the other below `platz` (see `Rollflaeche`)."""
    if teiler.property("assistenzbuero_nebeneinander") is None:
        if teiler.orientation() != Qt.Orientation.Horizontal:
            teiler.setProperty("assistenzbuero_nebeneinander", False)
            return
        teiler.setProperty("assistenzbuero_nebeneinander", True)
    if not teiler.property("assistenzbuero_nebeneinander"):
        return
    noetig = _nebeneinander_breite(teiler)
    # only above the width at which it flipped: a scroll bar that appears or goes must not make it flip back
    if teiler.orientation() == Qt.Orientation.Horizontal and noetig > platz:
        teiler.setOrientation(Qt.Orientation.Vertical)
    elif teiler.orientation() == Qt.Orientation.Vertical and noetig <= platz - 24:
        teiler.setOrientation(Qt.Orientation.Horizontal)


def rollbar(inhalt: QWidget) -> QScrollArea:
    """`inhalt` in a frameless scroll area that takes no Tab stop: with a large font a page scrolls instead of
    being cut off (and `folge_dem_fokus` scrolls a focused control into view)."""
    rolle = Rollflaeche()
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


# --- narrow pages ----------------------------------------------------------------------------------------------
#: A label with more characters than this wraps (a short label next to its field stays on one line).
LANGER_TEXT = 40


def schmal_machen(wurzel: QWidget) -> None:
    """Let `wurzel` become narrow: form fields go under their label where both do not fit side by side, and long
    label texts wrap. Safe to call again (e.g. after a page has filled in its texts)."""
    for formular in wurzel.findChildren(QFormLayout):
        if formular.rowWrapPolicy() == QFormLayout.RowWrapPolicy.DontWrapRows:
            formular.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    for text in wurzel.findChildren(QLabel):
        if not text.wordWrap() and len(text.text()) > LANGER_TEXT and text.pixmap().isNull():
            text.setWordWrap(True)


# --- dialogs -----------------------------------------------------------------------------------------------------
def _spalte_in_rollflaeche(traeger: QWidget, bleibt: set[int]) -> QScrollArea | None:
    """Move the items of `traeger`'s top-to-bottom layout (except the indexes in `bleibt` and what follows the last
    of them) into a scroll area put first in that layout; done once, None where there is nothing to move."""
    vorhanden = traeger.findChild(QScrollArea, "dialog_inhalt")
    if vorhanden is not None:
        return vorhanden
    spalte = traeger.layout()
    if not isinstance(spalte, QBoxLayout) or spalte.direction() != QBoxLayout.Direction.TopToBottom:
        return None
    teile = [t for t in (spalte.itemAt(i) for i in range(spalte.count())) if t is not None]
    ende = max(bleibt) if bleibt else len(teile)
    bewegen = [i for i in range(ende) if i not in bleibt]
    if not bewegen:
        return None
    fokus = traeger.focusWidget()
    inhalt = QWidget()
    inhalt.setObjectName("dialog_inhalt_spalte")
    neue = QVBoxLayout(inhalt)
    neue.setContentsMargins(0, 0, 0, 0)
    neue.setSpacing(spalte.spacing())
    streckungen = [spalte.stretch(i) for i in range(len(teile))]
    for i in reversed(bewegen):  # take from the end so the indexes stay valid
        spalte.takeAt(i)
    for i in bewegen:
        teil = teile[i]
        w, unter = teil.widget(), teil.layout()
        if w is not None:
            neue.addWidget(w, streckungen[i], teil.alignment())
        elif unter is not None:
            neue.addLayout(unter, streckungen[i])
        elif teil.spacerItem() is not None:
            neue.addStretch(max(streckungen[i], 1))
    rolle = rollbar(inhalt)
    rolle.setObjectName("dialog_inhalt")
    spalte.insertWidget(0, rolle, 1)
    if traeger.isVisible():
        rolle.show()
        inhalt.show()
    if fokus is not None and inhalt.isAncestorOf(fokus):
        fokus.setFocus(Qt.FocusReason.OtherFocusReason)
    return rolle


def dialog_mit_rollbarem_inhalt(dialog: QDialog) -> QScrollArea | None:
    """Move everything of `dialog` except its button boxes into a scroll area, so that the buttons stay on screen
    however large the font. For a dialog laid out top to bottom with a button box in that column; a wizard's pages
    each get their content scrolled (its buttons are its own). Done once; None where nothing was moved."""
    if isinstance(dialog, QWizard):
        erste = None
        for nummer in dialog.pageIds():
            rolle = _spalte_in_rollflaeche(dialog.page(nummer), set())
            erste = erste or rolle
        return erste
    spalte = dialog.layout()
    if not isinstance(spalte, QBoxLayout):
        return None
    knopfzeilen = set()
    for i in range(spalte.count()):
        teil = spalte.itemAt(i)
        if teil is not None and isinstance(teil.widget(), QDialogButtonBox):
            knopfzeilen.add(i)
    if not knopfzeilen or min(knopfzeilen) == 0:
        return None
    return _spalte_in_rollflaeche(dialog, knopfzeilen)


def in_den_bildschirm(fenster: QWidget) -> None:
    """Shrink `fenster` to the screen's free area and move it fully onto the screen (a window larger than the
    screen, or half outside it, hides buttons where neither a magnifier nor the mouse can reach them)."""
    bildschirm = fenster.screen() or QGuiApplication.primaryScreen()
    if bildschirm is None:
        return
    frei = bildschirm.availableGeometry()
    breite = min(fenster.width(), int(frei.width() * ANTEIL_BREITE))
    hoehe = min(fenster.height(), int(frei.height() * ANTEIL_HOEHE))
    if (breite, hoehe) != (fenster.width(), fenster.height()):
        fenster.resize(breite, hoehe)
    rahmen = fenster.frameGeometry()
    x = min(max(rahmen.x(), frei.left()), max(frei.left(), frei.right() + 1 - rahmen.width()))
    y = min(max(rahmen.y(), frei.top()), max(frei.top(), frei.bottom() + 1 - rahmen.height()))
    if (x, y) != (rahmen.x(), rahmen.y()):
        fenster.move(x, y)


def dialog_passend(dialog: QDialog) -> None:
    """The room rules for one dialog as it is shown (see the module docstring); once per dialog."""
    if dialog.property("assistenzbuero_passend"):
        return
    dialog.setProperty("assistenzbuero_passend", True)
    schmal_machen(dialog)
    gerollt = dialog_mit_rollbarem_inhalt(dialog) is not None
    if gerollt and isinstance(dialog, QWizard):
        # a wizard fixed its minimum size from its pages before they scrolled; its inner widget knows the new one
        innen = [w for w in dialog.children() if isinstance(w, QWidget) and not w.isWindow() and w.layout()]
        if innen:
            dialog.setMinimumSize(innen[0].minimumSizeHint())
    elif gerollt and not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        dialog.adjustSize()
    layout = dialog.layout()
    if isinstance(layout, QLayout):
        layout.activate()
    in_den_bildschirm(dialog)
