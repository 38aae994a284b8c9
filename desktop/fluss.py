"""Rows of buttons and filters that wrap onto the next line instead of widening the page.

A `QHBoxLayout` of six buttons is as wide as all six: at 200 % on a 1280×800 screen that is wider than the window,
so the page scrolled sideways and the last buttons sat beyond the edge. `Flusszeile` lays its controls out left to
right and starts a new line where the room ends, like words in a paragraph; its minimum width is that of its
widest control. Tab still follows the order the controls were added in (Qt's focus chain), which is also the
reading order of the wrapped lines.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class Flusszeile(QLayout):
    """Controls in reading order, wrapped to the available width (Qt's "flow layout" example, in German)."""

    def __init__(self, eltern: QWidget | None = None) -> None:
        super().__init__(eltern)
        self._teile: list[QLayoutItem] = []
        if eltern is None:
            self.setContentsMargins(QMargins(0, 0, 0, 0))

    # the widgets ---------------------------------------------------------------------------------------------
    def neben(self, *widgets: QWidget) -> Flusszeile:
        """Add `widgets` in this order; returns the row (for chaining)."""
        for w in widgets:
            self.addWidget(w)
        return self

    # QLayout ------------------------------------------------------------------------------------------------
    def addItem(self, teil: QLayoutItem) -> None:
        self._teile.append(teil)

    def count(self) -> int:
        return len(self._teile)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._teile[index] if 0 <= index < len(self._teile) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._teile.pop(index) if 0 <= index < len(self._teile) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, breite: int) -> int:
        return self._anordnen(QRect(0, 0, breite, 0), nur_messen=True)

    def setGeometry(self, rechteck: QRect) -> None:
        super().setGeometry(rechteck)
        self._anordnen(rechteck, nur_messen=False)

    def sizeHint(self) -> QSize:
        """All controls on one line (the width it would like)."""
        breite = hoehe = 0
        for teil in self._sichtbare():
            groesse = teil.sizeHint()
            breite += groesse.width() + (self._abstand(teil, Qt.Orientation.Horizontal) if breite else 0)
            hoehe = max(hoehe, groesse.height())
        m = self.contentsMargins()
        return QSize(breite + m.left() + m.right(), hoehe + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single control: everything else may wrap."""
        groesse = QSize()
        for teil in self._sichtbare():
            groesse = groesse.expandedTo(teil.minimumSize())
        m = self.contentsMargins()
        return groesse + QSize(m.left() + m.right(), m.top() + m.bottom())

    # layout -------------------------------------------------------------------------------------------------
    def _sichtbare(self) -> list[QLayoutItem]:
        return [t for t in self._teile if not t.isEmpty()]

    def _abstand(self, teil: QLayoutItem, richtung: Qt.Orientation) -> int:
        eigener = self.spacing()
        if eigener >= 0:
            return eigener
        w = teil.widget()
        stil = w.style() if w is not None else None
        if stil is None:
            return 6
        art = QSizePolicy.ControlType.PushButton
        wert = stil.layoutSpacing(art, art, richtung)
        if wert < 0:
            metrik = (
                QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                if richtung == Qt.Orientation.Horizontal
                else QStyle.PixelMetric.PM_LayoutVerticalSpacing
            )
            wert = stil.pixelMetric(metrik)
        return max(wert, 0)

    def _anordnen(self, rechteck: QRect, *, nur_messen: bool) -> int:
        """Lines left to right, each item centred in the height of its line (a label beside buttons stays on
        their text line); returns the height needed."""
        m = self.contentsMargins()
        innen = rechteck.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        zeilen: list[list[tuple[QLayoutItem, QSize, int]]] = [[]]
        x = innen.x()
        for teil in self._sichtbare():
            groesse = teil.sizeHint().boundedTo(QSize(max(innen.width(), teil.minimumSize().width()), 1 << 20))
            if zeilen[-1] and x + groesse.width() > innen.right() + 1:
                zeilen.append([])
                x = innen.x()
            zeilen[-1].append((teil, groesse, x))
            x += groesse.width() + self._abstand(teil, Qt.Orientation.Horizontal)
        y = innen.y()
        for nummer, zeile in enumerate(zeilen):
            if not zeile:
                continue
            if nummer:
                y += self._abstand(zeile[0][0], Qt.Orientation.Vertical)
            hoehe = max(g.height() for _t, g, _x in zeile)
            if not nur_messen:
                for teil, groesse, links in zeile:
                    teil.setGeometry(QRect(QPoint(links, y + (hoehe - groesse.height()) // 2), groesse))
            y += hoehe
        return y - rechteck.y() + m.bottom()


def flusszeile(*widgets: QWidget) -> Flusszeile:
    """A wrapping row holding `widgets` (use instead of a `QHBoxLayout` of buttons or filters)."""
    return Flusszeile().neben(*widgets)


def paar(*widgets: QWidget) -> QWidget:
    """`widgets` kept side by side on one line of a `Flusszeile` (a label and its field never wrap apart)."""
    behaelter = QWidget()
    zeile = QHBoxLayout(behaelter)
    zeile.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        zeile.addWidget(w)
    return behaelter
