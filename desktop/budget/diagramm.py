"""A bar chart of approved / spent / forecast per month, drawn with QPainter (QtCharts is not in PySide6-Essentials).

Readable without colour: the three series differ by fill pattern (outline only, solid, diagonal hatching), the
legend shows the patterns with their names, and every colour comes from the palette (high-contrast themes work).
Screen readers get the same numbers from the table beside the chart; the chart's accessible description sums up.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.domain.zahlen import format_eur
from desktop.i18n import tr


@dataclass(frozen=True, slots=True)
class Saeule:
    """One month: approved, spent (finalised), forecast (planned, open month)."""

    beschriftung: str
    bewilligt: Decimal
    verbraucht: Decimal
    prognose: Decimal


SERIEN = (
    (tr("bewilligt"), Qt.BrushStyle.NoBrush),
    (tr("verbraucht"), Qt.BrushStyle.SolidPattern),
    (tr("Prognose"), Qt.BrushStyle.BDiagPattern),
)


class BudgetDiagramm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saeulen: list[Saeule] = []
        self.setAccessibleName(tr("Diagramm: bewilligt, verbraucht und Prognose je Monat"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 12)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 18)

    def minimumSizeHint(self) -> QSize:
        """As wide as the legend's one line (and the sentence shown without a Bewilligung): narrower, the page's
        splitter would squeeze the chart beside its table (at 200 % to a few letters of the legend) instead of
        putting it above the table (`desktop.bildschirm`: a side-by-side splitter flips below its panes' minimum)."""
        fm = self.fontMetrics()
        zeile = fm.height()
        legende = sum(zeile * 3.5 + fm.horizontalAdvance(name) for name, _muster in SERIEN)
        ohne = fm.horizontalAdvance(tr("Keine Bewilligung für dieses Jahr."))
        return QSize(int(max(legende, ohne)) + 1, self.minimumHeight())

    def setze(self, saeulen: list[Saeule]) -> None:
        self.saeulen = saeulen
        summe = [sum((getattr(s, f) for s in saeulen), Decimal(0)) for f in ("bewilligt", "verbraucht", "prognose")]
        self.setAccessibleDescription(
            tr(
                "Summen: bewilligt {b}, verbraucht {v}, Prognose {p}; die Zahlen je Monat stehen in der Tabelle."
            ).format(b=format_eur(summe[0]), v=format_eur(summe[1]), p=format_eur(summe[2]))
        )
        self.update()

    def paintEvent(self, _ereignis: QPaintEvent) -> None:
        maler = QPainter(self)
        maler.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        farbe = self.palette().color(QPalette.ColorRole.WindowText)
        fm = self.fontMetrics()
        zeile = fm.height()
        # legend on top: pattern swatch + name
        x = 0.0
        for name, muster in SERIEN:
            feld = QRectF(x, 2, zeile * 1.6, zeile - 4)
            maler.setPen(QPen(farbe, 1))
            maler.setBrush(QBrush(farbe, muster))
            maler.drawRect(feld)
            maler.drawText(int(x + zeile * 2), zeile - 3, name)
            x += zeile * 2.5 + fm.horizontalAdvance(name) + zeile
        if not self.saeulen:
            maler.drawText(0, zeile * 3, tr("Keine Bewilligung für dieses Jahr."))
            maler.end()
            return
        hoechst = max(max(s.bewilligt, s.verbraucht, s.prognose) for s in self.saeulen) or Decimal(1)
        links = fm.horizontalAdvance(format_eur(hoechst)) + 6
        oben, unten = zeile * 2, self.height() - zeile * 1.5
        hoehe = unten - oben
        breite = (self.width() - links) / len(self.saeulen)
        balken = max(breite / 4, 2)
        maler.setPen(QPen(farbe, 1))
        maler.drawLine(int(links), int(unten), self.width(), int(unten))
        maler.drawText(0, int(oben + zeile / 2), format_eur(hoechst))
        maler.drawText(0, int(unten), format_eur(Decimal(0)))
        for i, s in enumerate(self.saeulen):
            basis = links + i * breite + breite / 8
            for j, (wert, (_name, muster)) in enumerate(
                zip((s.bewilligt, s.verbraucht, s.prognose), SERIEN, strict=True)
            ):
                h = hoehe * float(wert / hoechst) if wert > 0 else 0.0
                maler.setBrush(QBrush(farbe, muster))
                maler.drawRect(QRectF(basis + j * balken, unten - h, balken, h))
            maler.drawText(
                QRectF(links + i * breite, unten + 2, breite, zeile), Qt.AlignmentFlag.AlignHCenter, s.beschriftung
            )
        maler.end()
