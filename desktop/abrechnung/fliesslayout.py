"""A layout that puts its widgets side by side and wraps to the next line when the width runs out (Qt's Flow Layout
example): an action bar that grows with more buttons or a 200 % font stays inside the window."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class Fliesslayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._eintraege: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, eintrag: QLayoutItem) -> None:
        self._eintraege.append(eintrag)

    def count(self) -> int:
        return len(self._eintraege)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._eintraege[index] if 0 <= index < len(self._eintraege) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._eintraege.pop(index) if 0 <= index < len(self._eintraege) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, breite: int) -> int:
        return self._ordne(QRect(0, 0, breite, 0), nur_messen=True)

    def setGeometry(self, rechteck: QRect) -> None:
        super().setGeometry(rechteck)
        self._ordne(rechteck, nur_messen=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest button: everything else may wrap."""
        groesse = QSize()
        for eintrag in self._eintraege:
            groesse = groesse.expandedTo(eintrag.minimumSize())
        m = self.contentsMargins()
        return groesse + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _abstand(self, richtung: Qt.Orientation) -> int:
        """The style's spacing between push buttons (some styles answer -1: "ask the pixel metric")."""
        eltern = self.parentWidget()
        if eltern is None:
            return 6
        stil = eltern.style()
        abstand = stil.layoutSpacing(QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton, richtung)
        if abstand < 0:
            metrik = (
                QStyle.PixelMetric.PM_LayoutHorizontalSpacing
                if richtung == Qt.Orientation.Horizontal
                else QStyle.PixelMetric.PM_LayoutVerticalSpacing
            )
            abstand = stil.pixelMetric(metrik)
        return abstand if abstand >= 0 else 6

    def _ordne(self, rechteck: QRect, *, nur_messen: bool) -> int:
        m = self.contentsMargins()
        bereich = rechteck.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, zeilenhoehe = bereich.x(), bereich.y(), 0
        waagerecht = max(self._abstand(Qt.Orientation.Horizontal), 0)
        senkrecht = max(self._abstand(Qt.Orientation.Vertical), 0)
        for eintrag in self._eintraege:
            w = eintrag.widget()
            if w is not None and w.isHidden():
                continue
            groesse = eintrag.sizeHint()
            if x + groesse.width() > bereich.right() + 1 and zeilenhoehe > 0:
                x, y, zeilenhoehe = bereich.x(), y + zeilenhoehe + senkrecht, 0
            if not nur_messen:
                eintrag.setGeometry(QRect(QPoint(x, y), groesse))
            x += groesse.width() + waagerecht
            zeilenhoehe = max(zeilenhoehe, groesse.height())
        return y + zeilenhoehe - rechteck.y() + m.bottom()
