"""The top of a page that shows one year (Einstellungen → Rechengrößen, → Jahreswechsel): the year, the summary
beside it, and its tables labelled for the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTableView

from core.regeln.rechengroessen import vorgabejahr
from desktop.tabellen import Filter, Liste, ZeilenModell, sortierbare_tabelle

ERSTES_JAHR, LETZTES_JAHR = 2025, 2100


class Jahreswahl:
    """„&Jahr:“ with its spin box (the coming year from November on, `vorgabejahr`) and a summary line beside it.

    `bei_wechsel` runs when the year is changed; `zeile` goes at the top of the page's layout.
    """

    def __init__(self, beschriftung: str, name: str, bei_wechsel: Callable[[], None]) -> None:
        self.jahr = QSpinBox()
        self.jahr.setRange(ERSTES_JAHR, LETZTES_JAHR)
        self.jahr.setValue(vorgabejahr())
        self.jahr.setAccessibleName(name)
        self.beschriftung = QLabel(beschriftung)
        self.beschriftung.setBuddy(self.jahr)
        self.jahr.valueChanged.connect(lambda _j: bei_wechsel())
        self.zusammenfassung = QLabel()
        self.zusammenfassung.setWordWrap(True)
        self.zeile = QHBoxLayout()
        self.zeile.addWidget(self.beschriftung)
        self.zeile.addWidget(self.jahr)
        self.zeile.addWidget(self.zusammenfassung, 1)


def beschriftete_tabelle(
    modell: ZeilenModell[Any],
    beschriftung: str,
    name: str,
    beschreibung: str,
    *,
    sortierbar: bool = True,
    leer: str = "",
) -> tuple[Liste, Filter, QLabel]:
    """`sortierbare_tabelle` with the label above it whose mnemonic (Alt+letter) moves into the table."""
    ansicht, filter_ = sortierbare_tabelle(modell, name, beschreibung, sortierbar=sortierbar, leer=leer)
    label = QLabel(beschriftung)
    label.setBuddy(ansicht)
    return ansicht, filter_, label


def setze_spaltenbreiten(ansicht: QTableView, zeichen: Sequence[int]) -> None:
    """Widths of the first columns in average characters of the current font (they follow the font size)."""
    breite = ansicht.fontMetrics().averageCharWidth()
    for spalte, anzahl in enumerate(zeichen):
        ansicht.setColumnWidth(spalte, breite * anzahl)
