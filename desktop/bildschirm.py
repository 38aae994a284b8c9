"""Room at any font size: window sizes in characters and lines of the user's font, never larger than the screen's
free area; pages and dialogs that scroll their content instead of cutting it off or pushing buttons off screen.

At 200 % on a 1280×800 screen (a logical screen of 640×400) the "Neue Schicht" dialog was taller than the screen
(Speichern and Abbrechen unreachable) and every page scrolled sideways. The rules here are applied to every page
(`Hauptfenster.seite`) and every dialog (`desktop.tastatur`, when it is shown) without the page or dialog doing
anything, so new pages and dialogs get them too:
- a dialog's content scrolls while its button box stays visible below it (`dialog_mit_rollbarem_inhalt`);
- a dialog is never larger than the screen's free area and opens on it, centred over its window (`mittig`,
  `in_den_bildschirm`);
- form rows wrap the field under its label where both do not fit side by side, and long texts wrap
  (`schmal_machen`); rows of buttons use `desktop.fluss.Flusszeile`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

#: Share of the free screen area a window may take at most (room for its frame and title bar).
ANTEIL_BREITE = 0.95
ANTEIL_HOEHE = 0.9
#: A list whose pane went above its form keeps room for this many one-line rows (four Kassen when one of them wraps
#: onto four lines), but at most this share of the page's visible height, so that the form starts on screen too.
LISTE_ZEILEN = 8
LISTE_ANTEIL_HOEHE = 0.55


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
    narrower than both together, and back side by side when there is room: so no page scrolls sideways. One above
    the other, the list keeps several rows (`_listen_hoch_genug`); the page scrolls to the form below it.
    """

    def resizeEvent(self, ereignis: QResizeEvent) -> None:
        inhalt = self.widget()
        if inhalt is not None:
            platz = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
            for teiler in inhalt.findChildren(QSplitter):
                _teiler_nach_platz(teiler, platz)
                if teiler.property("assistenzbuero_nebeneinander"):
                    untereinander = teiler.orientation() == Qt.Orientation.Vertical
                    _listen_hoch_genug(teiler, self.height() - 2 * self.frameWidth() if untereinander else None)
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


def _listen_hoch_genug(teiler: QSplitter, hoehe: int | None) -> None:
    """The list of each pane of `teiler` (the pane itself, or a list laid out right in it, not one inside a form)
    gets room for `LISTE_ZEILEN` rows while the panes are one above the other on a page `hoehe` high; side by side
    (`hoehe` None) its own minimum again.

    Flipped above its form, the list of Krankenkassen got only its minimum height: at 200 % on 1280×800 one Kasse
    at a time. The form's pane is as high as its fields need, so only a minimum on the list gives it rows."""
    for i in range(teiler.count()):
        scheibe = teiler.widget(i)
        if scheibe is None:
            continue
        listen = [scheibe] if isinstance(scheibe, QAbstractItemView) else []
        listen += [w for w in scheibe.findChildren(QAbstractItemView) if w.parentWidget() is scheibe]
        for liste in listen:
            eigene = liste.property("assistenzbuero_mindesthoehe")
            if eigene is None:
                eigene = liste.minimumHeight()
                liste.setProperty("assistenzbuero_mindesthoehe", eigene)
            soll = int(eigene)
            if hoehe is not None:
                kopf = liste.horizontalHeader() if isinstance(liste, QTableView) else None
                kopfhoehe = kopf.sizeHint().height() if kopf is not None and not kopf.isHidden() else 0
                zeilen = LISTE_ZEILEN * (liste.fontMetrics().lineSpacing() + 4)
                soll = max(soll, min(kopfhoehe + 2 * liste.frameWidth() + zeilen, int(hoehe * LISTE_ANTEIL_HOEHE)))
            if liste.minimumHeight() != soll:
                liste.setMinimumHeight(soll)


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
    scrolled page (large font, small screen) would have the focus but stay invisible to a magnifier user. And Qt
    only brings the cursor into view (a field's text line, a table's current cell): the field's lower edge or most
    of the U1-Stufen stayed below the page's edge. The whole control comes into view when it fits (not on a click:
    the page must not move under the mouse).
    """
    if jetzt is None:
        return
    eltern = jetzt.parentWidget()
    while eltern is not None and not eltern.isWindow():
        inhalt = eltern.widget() if isinstance(eltern, QScrollArea) else None
        if isinstance(eltern, QScrollArea) and inhalt is not None and inhalt.isAncestorOf(jetzt):
            eltern.ensureWidgetVisible(jetzt)
            if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
                _ganz_ins_bild(eltern, inhalt, jetzt)
        eltern = eltern.parentWidget()


def _ganz_ins_bild(rolle: QScrollArea, inhalt: QWidget, w: QWidget) -> None:
    """Scroll `rolle` up or down just so far that all of `w` is seen, if it is no higher than the visible part."""
    oben = w.mapTo(inhalt, w.rect().topLeft()).y()
    unten = oben + w.height()
    leiste = rolle.verticalScrollBar()
    sichtbar = rolle.viewport().height()
    if w.height() > sichtbar:
        return
    if unten > leiste.value() + sichtbar:
        leiste.setValue(unten - sichtbar)
    elif oben < leiste.value():
        leiste.setValue(oben)


def folge_dem_fokus(app: QApplication) -> None:
    """Install `_zeige_fokus` once per application."""
    if app.property("assistenzbuero_folgt_fokus"):
        return
    app.focusChanged.connect(_zeige_fokus)
    app.setProperty("assistenzbuero_folgt_fokus", True)


# --- narrow pages ----------------------------------------------------------------------------------------------
#: A label with more characters than this wraps (a short label next to its field stays on one line).
LANGER_TEXT = 40


def _nur_knoepfe(zeile: QBoxLayout) -> list[QWidget] | None:
    """The buttons of a left-to-right row that holds nothing but buttons and spacing (None for any other row)."""
    if zeile.direction() not in (QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.RightToLeft):
        return None
    knoepfe: list[QWidget] = []
    for i in range(zeile.count()):
        teil = zeile.itemAt(i)
        if teil is None:
            continue
        w = teil.widget()
        if isinstance(w, QAbstractButton):
            knoepfe.append(w)
        elif teil.spacerItem() is None:
            return None
    return knoepfe if len(knoepfe) >= 2 else None


def knopfzeilen_umbrechen(wurzel: QWidget) -> None:
    """Every row of only buttons under `wurzel` (a `QHBoxLayout`, as most pages build them) wraps: its buttons
    move into a `Flusszeile` that becomes the row's only item (six buttons side by side were wider than the
    window at 200 %). The row itself stays where it is, so nothing is deleted under its owner; the buttons keep
    their order, parent and Tab order."""
    from desktop.fluss import Flusszeile

    for zeile in wurzel.findChildren(QHBoxLayout):
        knoepfe = _nur_knoepfe(zeile)
        if knoepfe is None:
            continue
        while zeile.count():
            zeile.takeAt(0)
        fluss = Flusszeile()
        zeile.addLayout(fluss, 1)
        fluss.neben(*knoepfe)
        _neu_vermessen(zeile.parentWidget())


#: A check box wider than this share of the screen's free width gets its text wrapped beside it.
ANTEIL_KAESTCHEN = 0.6


class Kaestchentext(QLabel):
    """The wrapped text of a check box whose own text (which Qt never wraps) was too wide; a click on it ticks the
    box as a click on the box's own text would."""

    def __init__(self, text: str, kaestchen: QCheckBox) -> None:
        super().__init__(text)
        self.kaestchen = kaestchen
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def mouseReleaseEvent(self, ereignis: QMouseEvent) -> None:
        if ereignis.button() == Qt.MouseButton.LeftButton and self.kaestchen.isEnabled():
            self.kaestchen.click()
        super().mouseReleaseEvent(ereignis)


def _neu_vermessen(w: QWidget | None) -> None:
    """Make every layout from `w` up to its window measure again. Qt does that by itself only for shown widgets;
    a changed row on a tab that is not shown kept its old (wide) size in the layouts above it."""
    while w is not None:
        lay = w.layout()
        if lay is not None:
            lay.invalidate()
        w.updateGeometry()
        if w.isWindow():
            break
        w = w.parentWidget()


def _stelle_tauschen(alt: QWidget, neu: QWidget) -> bool:
    """Put `neu` where `alt` sits in its parent's layouts (box, form or grid); False where it sits in none."""
    eltern = alt.parentWidget()
    if eltern is None:
        return False
    layouts = [eltern.layout(), *eltern.findChildren(QLayout)] if eltern.layout() is not None else []
    for lay in layouts:
        if lay is None or lay.indexOf(alt) < 0:
            continue
        if isinstance(lay, QBoxLayout):
            stelle = lay.indexOf(alt)
            streckung = lay.stretch(stelle)
            lay.removeWidget(alt)
            lay.insertWidget(stelle, neu, streckung)
            return True
        if isinstance(lay, QFormLayout):
            position: Any = lay.getWidgetPosition(alt)  # (row, role); the stubs say "object"
            lay.removeWidget(alt)
            lay.setWidget(position[0], position[1], neu)
            return True
        if isinstance(lay, QGridLayout):
            ort: Any = lay.getItemPosition(lay.indexOf(alt))  # (row, column, row span, column span)
            lay.removeWidget(alt)
            lay.addWidget(neu, ort[0], ort[1], ort[2], ort[3])
            return True
    return False


def lange_kaestchen_umbrechen(wurzel: QWidget) -> None:
    """A check box wider than `ANTEIL_KAESTCHEN` of the screen gets its text as a wrapping label beside the box.

    Qt never wraps a check box's text: one long one ("U2: Arbeitgeberanteile gesondert erstattet (keine Pauschale
    …)") made a whole page scroll sideways at 200 %. The box keeps its name for screen readers and its Alt+letter.
    """
    bildschirm = wurzel.screen() or QGuiApplication.primaryScreen()
    if bildschirm is None:
        return
    grenze = bildschirm.availableGeometry().width() * ANTEIL_KAESTCHEN
    for kaestchen in wurzel.findChildren(QCheckBox):
        text = kaestchen.text()
        if not text or kaestchen.sizeHint().width() <= grenze:
            continue
        behaelter = QWidget()
        behaelter.setObjectName(f"{kaestchen.objectName()}_zeile")
        if not _stelle_tauschen(kaestchen, behaelter):
            behaelter.deleteLater()
            continue
        ohne = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not kaestchen.accessibleName():
            kaestchen.setAccessibleName(ohne)
        teile = text.replace("&&", "\0").split("&", 1)
        if len(teile) == 2 and teile[1]:
            buchstabe = teile[1][0]
            anzeige = html.escape(teile[0]) + f"<u>{html.escape(buchstabe)}</u>" + html.escape(teile[1][1:])
        else:
            anzeige = html.escape(ohne)
        kaestchen.setText("")  # (this also drops the Alt+letter Qt took from the text: set again below)
        if len(teile) == 2 and teile[1]:
            kaestchen.setShortcut(QKeySequence(f"Alt+{teile[1][0].upper()}"))
        zeile = QHBoxLayout(behaelter)
        zeile.setContentsMargins(0, 0, 0, 0)
        zeile.addWidget(kaestchen, 0, Qt.AlignmentFlag.AlignTop)
        zeile.addWidget(Kaestchentext(anzeige.replace("\0", "&amp;"), kaestchen), 1)
        behaelter.setVisible(kaestchen.isVisibleTo(wurzel) or not wurzel.isVisible())
        _neu_vermessen(behaelter)


def _scheibe_hoch_genug(w: QWidget | None) -> None:
    """The pane of a vertical splitter that holds `w` gets at least the height its content needs at its width.

    A splitter gives a pane its minimum size, which leaves out texts that wrap (height for width): with the form's
    labels above its fields, the Krankenkassen pane was 100 pixels too low and Qt squeezed the fields."""
    while w is not None and not w.isWindow():
        eltern = w.parentWidget()
        lay = w.layout()
        if (
            isinstance(eltern, QSplitter)
            and eltern.orientation() == Qt.Orientation.Vertical
            and lay is not None
            and lay.hasHeightForWidth()
        ):
            noetig = lay.totalHeightForWidth(w.width())
            if noetig > w.minimumHeight():
                w.setMinimumHeight(noetig)
        w = eltern


def _bedarf(feld: QWidget) -> int:
    """How wide a form's field wants to be: a one-line field as wide as its text (the Kasse's name), a choice as
    wide as its longest entry, anything else its minimum. A field in a box (with its error line) as its inputs."""
    if isinstance(feld, QLineEdit):
        rand = feld.sizeHint().width() - feld.fontMetrics().horizontalAdvance("x" * 17)  # Qt's 17 characters
        return max(feld.sizeHint().width(), feld.fontMetrics().horizontalAdvance(feld.text()) + max(rand, 0))
    if isinstance(feld, (QComboBox, QAbstractSpinBox)):
        return feld.sizeHint().width()
    eingaben = [
        w
        for w in feld.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox))
        and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
        and not w.isHidden()
    ]
    return max([feld.minimumSizeHint().width(), *(_bedarf(w) for w in eingaben)])


class Formularbreite(QObject):
    """Labels above their fields while a form is too narrow for its fields beside the labels.

    Qt's `WrapLongRows` moves a field under its label only when the field's *minimum* does not fit, so at 200 %
    the Kasse's name and the Bundesland were cut inside fields squeezed beside a wide label column. Watching the
    form's width (and the texts put into its fields), this puts every label above its field (`WrapAllRows`) when
    some field gets less room than its text needs beside the labels, and back beside them when there is room.
    """

    def __init__(self, formular: QFormLayout, traeger: QWidget) -> None:
        super().__init__(traeger)
        self.formular = formular
        self.traeger = traeger
        self.sonst = formular.rowWrapPolicy()
        traeger.installEventFilter(self)
        for reihe in range(formular.rowCount()):
            teil = formular.itemAt(reihe, QFormLayout.ItemRole.FieldRole)
            feld = teil.widget() if teil is not None else None
            if isinstance(feld, QLineEdit):  # a text set by the program (another Kasse chosen), not while typing
                feld.textChanged.connect(lambda _t, f=feld: None if f.hasFocus() else self.pruefe())

    def eventFilter(self, beobachtet: QObject, ereignis: QEvent) -> bool:
        if ereignis.type() == QEvent.Type.Resize:
            self.pruefe()
        elif ereignis.type() == QEvent.Type.Show:  # its layout gets its geometry only after the show
            QTimer.singleShot(0, self, self.pruefe)
        return False

    def zu_schmal(self, breite: int) -> bool:
        """Whether a field would get less than it needs beside the label column of a form `breite` wide."""
        f = self.formular
        reihen = []
        for reihe in range(f.rowCount()):
            schild = f.itemAt(reihe, QFormLayout.ItemRole.LabelRole)
            teil = f.itemAt(reihe, QFormLayout.ItemRole.FieldRole)
            feld = teil.widget() if teil is not None else None
            if schild is not None and feld is not None and not feld.isHidden():
                reihen.append((schild, feld))
        if not reihen:
            return False
        schilder = max(schild.sizeHint().width() for schild, _feld in reihen)
        platz = breite - schilder - max(f.horizontalSpacing(), 0)
        return any(_bedarf(feld) > platz for _schild, feld in reihen)

    def pruefe(self) -> None:
        f = self.formular
        breite = f.geometry().width() if f.geometry().isValid() else self.traeger.contentsRect().width()
        if breite <= 0:
            return
        ziel = QFormLayout.RowWrapPolicy.WrapAllRows if self.zu_schmal(breite) else self.sonst
        if f.rowWrapPolicy() != ziel:
            f.setRowWrapPolicy(ziel)
            # the form is taller now: every layout up to the window makes room for it (else a splitter's pane
            # kept its old height and squeezed the fields to half a line)
            _neu_vermessen(self.traeger)
            _scheibe_hoch_genug(self.traeger)


def schmal_machen(wurzel: QWidget) -> None:
    """Let `wurzel` become narrow: rows of buttons wrap, form fields go under their label where both do not fit
    side by side, and long label texts wrap. Safe to call again (e.g. after a page has filled in its texts)."""
    knopfzeilen_umbrechen(wurzel)
    lange_kaestchen_umbrechen(wurzel)
    for formular in wurzel.findChildren(QFormLayout):
        if formular.rowWrapPolicy() == QFormLayout.RowWrapPolicy.DontWrapRows:
            formular.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        traeger = formular.parentWidget()
        if traeger is not None and not formular.property("assistenzbuero_formularbreite"):
            formular.setProperty("assistenzbuero_formularbreite", True)
            Formularbreite(formular, traeger)
    for text in wurzel.findChildren(QLabel):
        if not text.wordWrap() and len(text.text()) > LANGER_TEXT and text.pixmap().isNull():
            text.setWordWrap(True)
    for liste in wurzel.findChildren(QListView):
        # a list's long entries ("Frühdienst (07:00–14:00, Arbeit)") wrap within its width instead of scrolling
        # sideways; a screen reader reads the whole entry either way
        if not liste.wordWrap() and liste.viewMode() == QListView.ViewMode.ListMode:
            liste.setWordWrap(True)
            liste.setResizeMode(QListView.ResizeMode.Adjust)
            liste.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


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


def mittig(fenster: QWidget) -> None:
    """Centre `fenster` over its parent's window if that is shown, else on the screen's free area.

    Qt centres a dialog when it is shown, but the room rules change its size afterwards, and a window without a
    window manager's placement (or the wizard on first start) stayed in the screen's corner — far from where the
    eye (or a magnifier) is.
    """
    eltern = fenster.parentWidget()
    bezug = eltern.window() if eltern is not None else None
    bildschirm = fenster.screen() or QGuiApplication.primaryScreen()
    if bezug is not None and bezug.isVisible() and not bezug.isMinimized():
        mitte = bezug.frameGeometry().center()
    elif bildschirm is not None:
        mitte = bildschirm.availableGeometry().center()
    else:
        return
    rahmen = fenster.frameGeometry()
    rahmen.moveCenter(mitte)
    fenster.move(rahmen.topLeft())


def spalten_untereinander(dialog: QDialog) -> None:
    """Columns side by side (a row of column layouts: the list of templates left, its fields right) go one above
    the other where the dialog would be wider than the screen: at 200 % the Schichtvorlagen dialog scrolled
    sideways with its fields half out of view. The order of reading and of Tab stays the same."""
    bildschirm = dialog.screen() or QGuiApplication.primaryScreen()
    if bildschirm is None:
        return
    frei = int(bildschirm.availableGeometry().width() * ANTEIL_BREITE)
    if dialog.minimumSizeHint().width() <= frei:
        return
    for zeile in dialog.findChildren(QHBoxLayout):
        teile = [zeile.itemAt(i) for i in range(zeile.count())]
        spalten = [t.layout() for t in teile if t is not None and t.layout() is not None]
        if (
            len(spalten) >= 2
            and len(spalten) == len(teile)
            and all(isinstance(s, QBoxLayout) and s.direction() == QBoxLayout.Direction.TopToBottom for s in spalten)
        ):
            zeile.setDirection(QBoxLayout.Direction.TopToBottom)
    _neu_vermessen(dialog)


def dialog_passend(dialog: QDialog) -> None:
    """The room rules for one dialog as it is shown (see the module docstring); once per dialog."""
    if dialog.property("assistenzbuero_passend"):
        return
    dialog.setProperty("assistenzbuero_passend", True)
    schmal_machen(dialog)
    spalten_untereinander(dialog)
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
    if not dialog.testAttribute(Qt.WidgetAttribute.WA_Moved):  # placed by Qt, not by the program or the user
        mittig(dialog)
    in_den_bildschirm(dialog)
