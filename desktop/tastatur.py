"""Keyboard rules for every window of the program, installed once on the application (no page has to remember them).

- Alt+letter never types into a field: when no control owns the letter, the key is refused with a beep instead of
  ending up as text ("24o" in a number field).
- A menu opens with its first entry selected, so Return works at once (Qt selects nothing when a menu is opened from
  a button or by the mouse).
- Dialog buttons: every button in a button box gets a mnemonic (Qt's "OK" and "Abbrechen" have none), with a letter no
  other control of the window uses (OK first; "Abbrechen" may stay without one where all its letters are taken:
  Escape cancels every dialog); Tab visits the buttons from left to right as they are shown, whatever order they
  were added in.
- A dialog (and each page of a wizard) opens with the cursor in its first field when it did not set one itself.
- A focus ring: the control with the keyboard focus is surrounded by a thick frame in the palette's highlight colour
  (or its text colour where the highlight is too faint against the window), so it follows dark and high-contrast
  themes (WCAG 2.4.7 and 2.4.11).
- Room: every dialog gets `desktop.bildschirm.dialog_passend` when it is shown (content scrolls, buttons visible).
"""

from __future__ import annotations

import sys
from itertools import pairwise
from typing import cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

from desktop.bildschirm import dialog_passend

#: Width of the focus ring in device-independent pixels (WCAG 2.4.11 asks for at least 2).
RINGBREITE = 3

# Event types the filters below look at, looked up once (see `Tastaturregeln.eventFilter`)
_TASTE = QEvent.Type.KeyPress
_GEZEIGT = QEvent.Type.Show
_LAGE = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide})


# --- mnemonics ----------------------------------------------------------------------------------------------------
def kuerzel(text: str) -> str | None:
    """The letter after a single "&" (Alt+letter), lower case; "&&" is a literal ampersand."""
    teile = text.replace("&&", "").split("&", 1)
    return teile[1][:1].lower() if len(teile) == 2 and teile[1] else None


def belegte_kuerzel(fenster: QWidget) -> set[str]:
    """The Alt+letters already used by the visible controls, tabs and group boxes of a window."""
    belegt: set[str] = set()
    for w in [fenster, *fenster.findChildren(QWidget)]:
        texte: list[str] = []
        if isinstance(w, QLabel) and w.buddy() is not None:
            texte.append(w.text())
        elif isinstance(w, QAbstractButton):
            texte.append(w.text())
            taste = w.shortcut().toString()  # a check box whose text moved into a label keeps its Alt+letter
            if taste.startswith("Alt+") and len(taste) == 5:
                texte.append(f"&{taste[-1]}")
        elif isinstance(w, QTabBar):
            texte += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            texte.append(w.title())
        belegt |= {b for b in (kuerzel(t) for t in texte) if b}
    return belegt


def mit_kuerzel(text: str, belegt: set[str]) -> str:
    """`text` with a mnemonic on its first letter that is not taken (unchanged if every letter is)."""
    for i, zeichen in enumerate(text):
        if zeichen.isalpha() and zeichen.lower() not in belegt:
            return f"{text[:i]}&{text[i:]}"
    return text


def _rang(knopf: QAbstractButton) -> int:
    """Accepting buttons choose their letter first; Cancel last (Escape closes a dialog in any case)."""
    kasten = knopf.parentWidget()
    if not isinstance(kasten, QDialogButtonBox):
        return 1
    rolle = kasten.buttonRole(knopf)
    if rolle in (QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.NoRole):
        return 2
    return 0 if rolle in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole) else 1


def knoepfe_mit_kuerzel(fenster: QWidget) -> None:
    """Every button of the window's button boxes (and a wizard's own buttons) gets an Alt+letter of its own."""
    belegt = belegte_kuerzel(fenster)
    knoepfe = [k for kasten in fenster.findChildren(QDialogButtonBox) for k in kasten.buttons()]
    if isinstance(fenster, QWizard):
        knoepfe += [k for k in fenster.findChildren(QAbstractButton) if k.parentWidget() is fenster]
    for knopf in sorted(knoepfe, key=_rang):
        if knopf.text() and kuerzel(knopf.text()) is None:
            knopf.setText(mit_kuerzel(knopf.text(), belegt))
            neu = kuerzel(knopf.text())
            if neu:
                belegt.add(neu)


def knoepfe_in_zeigereihenfolge(fenster: QWidget) -> None:
    """Tab visits each button box's buttons from left to right (as the platform's layout shows them)."""
    for kasten in fenster.findChildren(QDialogButtonBox):
        knoepfe = sorted((k for k in kasten.buttons() if k.isVisible()), key=lambda k: (k.y(), k.x()))
        for vorher, nachher in pairwise(knoepfe):
            QWidget.setTabOrder(vorher, nachher)


# --- initial focus ------------------------------------------------------------------------------------------------
def erstes_feld(wurzel: QWidget) -> QWidget | None:
    """The first control under `wurzel` that Tab would reach and that is not a tab bar or a dialog button."""
    w = wurzel.nextInFocusChain()
    while w is not None and w is not wurzel and wurzel.isAncestorOf(w):
        if (
            w.isVisible()
            and w.isEnabled()
            and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            and not isinstance(w, QTabBar | QTabWidget)
            and not isinstance(w.parentWidget(), QDialogButtonBox)
        ):
            return w
        w = w.nextInFocusChain()
    return None


def setze_anfangsfokus(dialog: QWidget, wurzel: QWidget | None = None) -> None:
    """Unless the dialog chose a field under `wurzel` (default: the dialog) itself, put the cursor on its first one.

    The dialog's own choice is its focus child (`focusWidget()`), which holds before the window is active too.
    """
    wurzel = wurzel or dialog
    gewaehlt = dialog.focusWidget()
    if (
        gewaehlt is not None
        and wurzel.isAncestorOf(gewaehlt)
        and gewaehlt.isVisible()
        and not isinstance(gewaehlt, QTabBar)
        and not isinstance(gewaehlt.parentWidget(), QDialogButtonBox)
    ):
        return
    ziel = erstes_feld(wurzel)
    if ziel is not None:
        ziel.setFocus(Qt.FocusReason.TabFocusReason)


# --- the focus ring -----------------------------------------------------------------------------------------------
def _leuchtdichte(farbe: QColor) -> float:
    """Relative luminance after WCAG 2.x."""

    def kanal(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * kanal(farbe.redF()) + 0.7152 * kanal(farbe.greenF()) + 0.0722 * kanal(farbe.blueF())


def kontrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""
    hell, dunkel = sorted((_leuchtdichte(a), _leuchtdichte(b)), reverse=True)
    return (hell + 0.05) / (dunkel + 0.05)


def ringfarbe(palette: QPalette) -> QColor:
    """The palette's highlight if it stands out against the window (3:1, WCAG 1.4.11), else its text colour."""
    fenster = palette.color(QPalette.ColorRole.Window)
    hervorhebung = palette.color(QPalette.ColorRole.Highlight)
    if kontrast(hervorhebung, fenster) >= 3:
        return hervorhebung
    return palette.color(QPalette.ColorRole.WindowText)


class Fokusrahmen(QWidget):
    """A ring around one focused control, drawn on top of its neighbours; never takes the focus or a click.

    A child of the control's parent (so it moves and clips with it); a new ring is made for every focus change and
    the old one deleted, so no ring outlives the window it was drawn in.
    """

    def __init__(self, ziel: QWidget, eltern: QWidget) -> None:
        super().__init__(eltern)
        self.setObjectName("fokusrahmen")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ziel = ziel
        ziel.installEventFilter(self)
        self.lege_an()

    def lege_an(self) -> None:
        ziel = self.ziel
        if not ziel.isVisible():
            self.hide()
            return
        r = RINGBREITE
        self.setGeometry(ziel.geometry().adjusted(-r, -r, r, r))
        self.setMask(QRegion(self.rect()).subtracted(QRegion(QRect(r, r, ziel.width(), ziel.height()))))
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, beobachtet: QObject, ereignis: QEvent) -> bool:
        if beobachtet is self.ziel and ereignis.type() in _LAGE:
            self.lege_an()
        return False

    def paintEvent(self, _ereignis: QPaintEvent) -> None:
        maler = QPainter(self)
        maler.fillRect(self.rect(), ringfarbe(self.palette()))
        maler.end()


# --- the rules, as one application-wide event filter ---------------------------------------------------------------
_EINGABEN = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit)


def _tippt_alt_buchstaben(ziel: QObject, ereignis: QKeyEvent) -> bool:
    """Alt (without Ctrl: AltGr on Windows is Ctrl+Alt) plus a printable character, aimed at a text field."""
    if sys.platform == "darwin":  # Option+letter types characters there (@, €, …): that is the user's keyboard
        return False
    mods = ereignis.modifiers()
    if not mods & Qt.KeyboardModifier.AltModifier or mods & Qt.KeyboardModifier.ControlModifier:
        return False
    text = ereignis.text()
    if not text or not text.isprintable():
        return False
    return isinstance(ziel, _EINGABEN) or (isinstance(ziel, QComboBox) and ziel.isEditable())


class Tastaturregeln(QObject):
    """See the module docstring; one instance per application (`installiere`)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.rahmen: Fokusrahmen | None = None
        app.focusChanged.connect(lambda _alt, neu: self.zeige_rahmen(neu))
        app.installEventFilter(self)

    def zeige_rahmen(self, ziel: QWidget | None) -> None:
        """Move the focus ring to `ziel` (none for a window itself or a control inside a popup list)."""
        alt, self.rahmen = self.rahmen, None
        if alt is not None and isValid(alt):
            if isValid(alt.ziel):
                alt.ziel.removeEventFilter(alt)
            alt.hide()
            alt.deleteLater()
        eltern = ziel.parentWidget() if ziel is not None and not ziel.isWindow() else None
        if ziel is not None and eltern is not None:
            self.rahmen = Fokusrahmen(ziel, eltern)

    def eventFilter(self, ziel: QObject, ereignis: QEvent) -> bool:
        # every event of the program passes here: the types are compared with constants (an attribute lookup on
        # QEvent.Type per comparison cost twice the whole filter's time)
        art = ereignis.type()
        if art == _TASTE and _tippt_alt_buchstaben(ziel, cast(QKeyEvent, ereignis)):
            QApplication.beep()
            return True
        if art == _GEZEIGT:
            if isinstance(ziel, QMenu):
                self._erster_eintrag(ziel)
            elif isinstance(ziel, QDialog) and not ereignis.spontaneous():
                # the dialog is laid out and its children are shown by now; its own focus choice is made
                dialog_passend(ziel)  # content scrolls, buttons stay visible, the whole dialog on the screen
                knoepfe_mit_kuerzel(ziel)
                self._dialog_bereit(ziel)
                if isinstance(ziel, QWizard):
                    self._verfolge_seiten(ziel)
        return False

    @staticmethod
    def _erster_eintrag(menue: QMenu) -> None:
        if menue.activeAction() is None:
            erste = next((a for a in menue.actions() if a.isEnabled() and a.isVisible() and not a.isSeparator()), None)
            if erste is not None:
                menue.setActiveAction(erste)

    @staticmethod
    def _dialog_bereit(dialog: QDialog) -> None:
        if not dialog.isVisible():
            return
        knoepfe_in_zeigereihenfolge(dialog)
        if isinstance(dialog, QWizard) and dialog.currentPage() is not None:
            setze_anfangsfokus(dialog, dialog.currentPage())
        else:
            setze_anfangsfokus(dialog)

    def _verfolge_seiten(self, assistent: QWizard) -> None:
        if assistent.property("assistenzbuero_seiten_verfolgt"):
            return
        assistent.setProperty("assistenzbuero_seiten_verfolgt", True)
        assistent.currentIdChanged.connect(lambda _id, a=assistent: self._seite(a))

    @staticmethod
    def _seite(assistent: QWizard) -> None:
        seite = assistent.currentPage()
        if seite is not None and assistent.isVisible():
            knoepfe_mit_kuerzel(assistent)
            setze_anfangsfokus(assistent, seite)


def installiere(app: QApplication) -> Tastaturregeln:
    """Install the rules once per application; returns the (existing) instance."""
    vorhanden = app.findChild(Tastaturregeln)
    if vorhanden is not None:
        return vorhanden
    regeln = Tastaturregeln(app)
    regeln.zeige_rahmen(QApplication.focusWidget())  # installed after a window took the focus (the start)
    return regeln
