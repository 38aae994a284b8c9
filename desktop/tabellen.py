"""Lists as Qt item models: a `ZeilenModell` (QAbstractTableModel) over core rows, sortable and filterable.

A screen declares its columns once (`Spalte`: German title, text, sort key) and hands the service's rows to
`setze_zeilen`; `sortierbare_tabelle` gives a QTableView over a QSortFilterProxyModel with keyboard-friendly
settings and an accessible name. An empty list says in words what to do next (`Liste`), on screen and to a screen
reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.i18n import tr

Z = TypeVar("Z")
SORTIERUNG = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Spalte(Generic[Z]):
    titel: str
    anzeige: Callable[[Z], str]
    sortierung: Callable[[Z], str | int] | None = None
    rechtsbuendig: bool = False
    hinweis: Callable[[Z], str] | None = None  # tooltip (and accessible description of the cell)
    ankreuzbar: Callable[[Z], bool] | None = None  # a check box in the cell (Space toggles it)


class ZeilenModell(QAbstractTableModel, Generic[Z]):
    """Rows of any type under declared columns. `angekreuzt(zeile, an)` is called when a check box is toggled."""

    def __init__(self, spalten: Sequence[Spalte[Z]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spalten = list(spalten)
        self.zeilen: list[Z] = []
        self.angekreuzt: Callable[[Z, bool], None] | None = None

    def setze_zeilen(self, zeilen: Sequence[Z]) -> None:
        self.beginResetModel()
        self.zeilen = list(zeilen)
        self.endResetModel()

    def zeile(self, index: Index) -> Z:
        return self.zeilen[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.zeilen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spalten)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        z = self.zeilen[index.row()]
        s = self.spalten[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return s.anzeige(z)
        if role == SORTIERUNG:
            return s.sortierung(z) if s.sortierung else s.anzeige(z).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and s.rechtsbuendig:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and s.hinweis:
            return s.hinweis(z)
        if role == Qt.ItemDataRole.CheckStateRole and s.ankreuzbar:
            return Qt.CheckState.Checked if s.ankreuzbar(z) else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        s = self.spalten[index.column()]
        if role != Qt.ItemDataRole.CheckStateRole or not s.ankreuzbar or self.angekreuzt is None:
            return False
        an = Qt.CheckState(value) == Qt.CheckState.Checked
        self.angekreuzt(self.zeilen[index.row()], an)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        basis = super().flags(index)
        if index.isValid() and self.spalten[index.column()].ankreuzbar:
            basis |= Qt.ItemFlag.ItemIsUserCheckable
        return basis

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.spalten[section].titel
        return None


class Filter(QSortFilterProxyModel):
    """Case-insensitive text filter over all columns, sorting by the columns' sort keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORTIERUNG)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


def _ohne_und(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _taste(knopf: QAbstractButton) -> str:
    """How the button is reached from the keyboard: its shortcut (Strg+N) or its Alt+letter."""
    taste = knopf.shortcut().toString(knopf.shortcut().SequenceFormat.NativeText)
    if taste:
        return taste.replace("Ctrl", "Strg")
    teile = knopf.text().replace("&&", "").split("&", 1)
    return f"Alt+{teile[1][0].upper()}" if len(teile) == 2 and teile[1] else ""


class Liste(QTableView):
    """A table that says what to do when it has no rows ("Noch keine Assistenzkraft. Mit „Neue Assistenzkraft …“
    (Strg+N) anlegen."), painted where the rows would be and added to the accessible description; when a search
    or filter hides every row, it says that instead. Empty white space told her nothing (issue 13, finding 10)."""

    def __init__(self, leer: str = "") -> None:
        super().__init__()
        self.leertext = leer
        self.neu_knopf: QAbstractButton | None = None
        self._beschreibung = ""

    def leer_sagt(self, text: str, knopf: QAbstractButton | None = None) -> None:
        """`text` when empty, followed by how to add the first row with `knopf` (its label and key, read when
        shown, so a mnemonic given later is right too)."""
        self.leertext = text
        self.neu_knopf = knopf
        self._melde_zustand()

    def leerhinweis(self) -> str:
        """What the empty table says ("" while it has rows)."""
        modell = self.model()
        if modell is None or modell.rowCount() > 0:
            return ""
        quelle = modell.sourceModel() if isinstance(modell, QSortFilterProxyModel) else None
        if quelle is not None and quelle.rowCount() > 0:
            return tr("Keine Zeile passt zur Suche oder zum Filter.")
        text = self.leertext or tr("Noch keine Einträge.")
        knopf = self.neu_knopf
        if knopf is not None and knopf.isEnabled():
            taste = _taste(knopf)
            mit = f"„{_ohne_und(knopf.text())}“" + (f" ({taste})" if taste else "")
            text += " " + tr("Mit {knopf} anlegen.").format(knopf=mit)
        return text

    #: A column sized to its contents is at most this many average characters wide; longer texts wrap in the cell.
    HOECHSTENS_ZEICHEN = 30

    def resizeColumnsToContents(self) -> None:
        """Columns as wide as their texts, but none wider than `HOECHSTENS_ZEICHEN`: a long name or state wraps
        onto a second line in its cell (rows grow to fit) instead of pushing the last columns out of sight or being
        cut ("Minijob-Zentrale (Deutsche Rentenversicherung …", "Mindesturlaub (Gesetz)" at 100 %)."""
        super().resizeColumnsToContents()
        self._begrenze(range(self.horizontalHeader().count()))

    def resizeColumnToContents(self, spalte: int) -> None:
        super().resizeColumnToContents(spalte)
        self._begrenze([spalte])

    def _begrenze(self, spalten: Iterable[int]) -> None:
        kopf = self.horizontalHeader()
        grenze = self.fontMetrics().averageCharWidth() * self.HOECHSTENS_ZEICHEN
        for spalte in spalten:
            if kopf.sectionSize(spalte) > grenze:
                kopf.resizeSection(spalte, grenze)
        if kopf.stretchLastSection():  # the last column fills the rest of the width again
            kopf.setStretchLastSection(False)
            kopf.setStretchLastSection(True)
        if self.wordWrap():
            self.resizeRowsToContents()

    def setAccessibleDescription(self, beschreibung: str) -> None:
        self._beschreibung = beschreibung
        self._melde_zustand()

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        # a stretched column gets its width only now: wrap its long texts to that width (the rows' height follows
        # the columns only when asked)
        if self.wordWrap():
            self.resizeRowsToContents()

    def setModel(self, modell: Any) -> None:
        super().setModel(modell)
        if modell is not None:
            for signal in (modell.modelReset, modell.rowsInserted, modell.rowsRemoved, modell.layoutChanged):
                signal.connect(self._melde_zustand)
        self._melde_zustand()

    def _melde_zustand(self, *_: object) -> None:
        hinweis = self.leerhinweis()
        super().setAccessibleDescription(" ".join(t for t in (hinweis, self._beschreibung) if t))
        self.viewport().update()

    def paintEvent(self, ereignis: QPaintEvent) -> None:
        super().paintEvent(ereignis)
        hinweis = self.leerhinweis()
        if not hinweis:
            return
        maler = QPainter(self.viewport())
        maler.setPen(self.palette().color(QPalette.ColorRole.Text))  # full contrast, any theme
        rand = self.fontMetrics().averageCharWidth() * 2
        flaeche = self.viewport().rect().adjusted(rand, rand, -rand, -rand)
        maler.drawText(
            flaeche, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), hinweis
        )
        maler.end()


def sortierbare_tabelle(
    modell: ZeilenModell[Any], name: str, beschreibung: str = "", *, sortierbar: bool = True, leer: str = ""
) -> tuple[Liste, Filter]:
    """A read-only, row-selecting table view with its filter proxy, sorted by the first column (click or keyboard
    menu sorts by another). `leer`: what the empty list says (see `Liste.leer_sagt` to name the button that adds).

    `sortierbar=False` keeps the model's own order: for lists whose callers address rows by position (entries
    typed in a form, in the order typed) — a sorted proxy would show one row and let them edit another.
    """
    proxy = Filter()
    proxy.setSourceModel(modell)
    ansicht = Liste(leer)
    ansicht.setModel(proxy)
    ansicht.setSortingEnabled(sortierbar)
    ansicht.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    ansicht.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    ansicht.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    ansicht.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
    ansicht.setAlternatingRowColors(True)
    ansicht.verticalHeader().hide()
    # rows as high as their wrapped texts (a narrow column, a long Kassenname): nothing is cut off
    ansicht.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    ansicht.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    ansicht.horizontalHeader().setStretchLastSection(True)
    ansicht.setAccessibleName(name)
    ansicht.setAccessibleDescription(beschreibung)
    if sortierbar:
        ansicht.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return ansicht, proxy


def aktuelle_zeile(ansicht: QTableView, modell: ZeilenModell[Z]) -> Z | None:
    """The row under the keyboard cursor (current index), mapped through the proxy."""
    index = ansicht.currentIndex()
    if not index.isValid():
        return None
    proxy = ansicht.model()
    if isinstance(proxy, QSortFilterProxyModel):
        index = proxy.mapToSource(index)
    return modell.zeile(index) if index.isValid() else None
