"""Rows as high as their wrapped text after the columns changed width, measured once per batch of changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView


class Zeilenhoehen(QObject):
    """Re-measures the rows of `tabelle` when its columns change width, once the current batch of changes is done.

    Fitting the columns resizes them one after another (`PassendeTabelle.spalten_einpassen`,
    `resizeColumnsToContents`, a drag on a column's edge), and each resize signals `sectionResized`. Re-measuring on
    every signal laid out every cell's text again each time: the Rechengrößen page (about a hundred wrapped rows)
    measured its rows some 25 times per showing, two thirds of its CPU time. Now the rows follow in the next pass of
    the event loop (as Qt lays out its own views), or at once with `jetzt()` where a page needs them at once.
    """

    def __init__(self, tabelle: QTableView) -> None:
        super().__init__(tabelle)
        self._geplant = False
        tabelle.horizontalHeader().sectionResized.connect(self._plane)

    def _plane(self, *_: object) -> None:
        if not self._geplant:
            self._geplant = True
            QTimer.singleShot(0, self, self._nachgeholt)

    def _nachgeholt(self) -> None:
        if self._geplant:  # not already done by `jetzt()`
            self.jetzt()

    def jetzt(self) -> None:
        """Measure the rows now (a pending measurement is then dropped)."""
        self._geplant = False
        tabelle = self.parent()
        if isinstance(tabelle, QTableView):
            tabelle.resizeRowsToContents()
