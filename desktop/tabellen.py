"""Lists as Qt item models: a `ZeilenModell` (QAbstractTableModel) over core rows, sortable and filterable.

A screen declares its columns once (`Spalte`: German title, text, sort key) and hands the service's rows to
`setze_zeilen`; `sortierbare_tabelle` gives a QTableView over a QSortFilterProxyModel with keyboard-friendly
settings and an accessible name. An empty list says in words what to do next (`Liste`), on screen and to a screen
reader.

Every table of the program is a `PassendeTabelle` (or a `Liste`, which is one): its columns share the width the
table has instead of scrolling sideways inside it (at 200 % on a 1280×800 screen the Assistenzkräfte showed 3 of 8
columns). Wide columns give up room first, their texts wrap or end in "…" with the full text in the tooltip (a
screen reader reads the model's full text anyway); titles wrap onto a second line in the header (`Kopfzeile`).
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.i18n import tr

log = logging.getLogger(__name__)

Z = TypeVar("Z")
SORTIERUNG = Qt.ItemDataRole.UserRole + 1
#: Header data: where a column's content can be read too ("im Personalbogen"); such a column gives way when the table
#: is too narrow for all its columns (see `PassendeTabelle`). Empty or None: the column always stays.
AUCH_IN = Qt.ItemDataRole.UserRole + 2
#: Header data: True where the column is never narrower than the longest word of its cells (a date, an amount, a
#: status word): narrowed below it, the word was cut ("01.01.20…" in the Rechengrößen at 100 %, "beschäf…" at 200 %).
GANZE_WORTE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Spalte(Generic[Z]):
    titel: str
    anzeige: Callable[[Z], str]
    sortierung: Callable[[Z], str | int] | None = None
    rechtsbuendig: bool = False
    hinweis: Callable[[Z], str] | None = None  # tooltip (and accessible description of the cell)
    ankreuzbar: Callable[[Z], bool] | None = None  # a check box in the cell (Space toggles it)
    auch_in: str = ""  # where the content is shown too ("im Personalbogen"): the column may give way when narrow
    ganz: bool = False  # never narrower than its cells' longest word (`GANZE_WORTE`): dates, amounts, status words
    #: long words break at syllables on screen (`trennbar`; search, tooltip and screen reader: the plain text), and
    #: the column is never narrower than its longest syllable
    trennen: bool = False


#: The roles `ZeilenModell.data` answers; a view asks each cell for about eight (colours, font, size, …) per paint
#: or measurement, and the others are turned away before any lookup.
_ZEILEN_ROLLEN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        SORTIERUNG,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        Qt.ItemDataRole.CheckStateRole,
    }
)


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
        if role not in _ZEILEN_ROLLEN or not index.isValid():
            return None
        z = self.zeilen[index.row()]
        s = self.spalten[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return trennbar(s.anzeige(z)) if s.trennen else s.anzeige(z)
        if role == Qt.ItemDataRole.AccessibleTextRole:
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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.spalten[section].titel
        if role == AUCH_IN:
            return self.spalten[section].auch_in
        if role == GANZE_WORTE:
            return self.spalten[section].ganz or self.spalten[section].trennen
        return None


class Filter(QSortFilterProxyModel):
    """Case-insensitive text filter over all columns, sorting by the columns' sort keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORTIERUNG)
        self.setFilterRole(Qt.ItemDataRole.AccessibleTextRole)  # the plain text, without `trennbar`'s soft hyphens
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


class Kopfzeile(QHeaderView):
    """A horizontal header whose titles wrap onto more lines where a column is narrower than its title (the header
    grows in height), instead of showing "etriebsnumme". A column is never narrower than the longest word of its
    title (`kleinste_breite`), nor, where the model's header data `GANZE_WORTE` says so, than the longest word of its
    cells."""

    def __init__(self, eltern: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, eltern)
        self.setSectionsClickable(True)  # as QTableView's own header
        self.setHighlightSections(True)
        # titles and their measures, asked thousands of times while a page is laid out; forgotten when the titles,
        # the font or the sorted column change
        self._gemessen: dict[tuple[Any, ...], Any] = {}
        self.sortIndicatorChanged.connect(self.vergessen)

    def vergessen(self, *_: object) -> None:
        self._gemessen.clear()

    def setModel(self, modell: Any) -> None:
        super().setModel(modell)
        self.vergessen()
        if modell is not None:
            for signal in (modell.headerDataChanged, modell.modelReset, modell.layoutChanged):
                signal.connect(self.vergessen)
            for signal in (modell.columnsInserted, modell.columnsRemoved, modell.columnsMoved):
                signal.connect(self.vergessen)

    def changeEvent(self, ereignis: QEvent) -> None:
        if ereignis.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.vergessen()
        super().changeEvent(ereignis)

    def titel(self, spalte: int) -> str:
        schluessel = ("titel", spalte)
        if schluessel not in self._gemessen:
            modell = self.model()
            wert = modell.headerData(spalte, Qt.Orientation.Horizontal) if modell is not None else None
            self._gemessen[schluessel] = "" if wert is None else str(wert)
        return str(self._gemessen[schluessel])

    def _metrik(self) -> QFontMetrics:
        schrift = QFont(self.font())
        schrift.setBold(True)  # Qt measures titles bold (a selected column's title is bold)
        return QFontMetrics(schrift)

    def rand(self, spalte: int) -> int:
        schluessel = ("rand", spalte)
        if schluessel not in self._gemessen:
            self._gemessen[schluessel] = self._rand(spalte)
        return int(self._gemessen[schluessel])

    def _rand(self, spalte: int) -> int:
        """Room beside the title's text: margins, and the sort arrow in the column it is sorted by (Qt counts the
        arrow for every column; with eight columns at 200 % that was a column's width)."""
        metrik = self._metrik()
        einzeilig = super().sectionSizeFromContents(spalte).width()
        rand = einzeilig - metrik.horizontalAdvance(self.titel(spalte).split("\n")[0])
        if self.isSortIndicatorShown() and spalte != self.sortIndicatorSection():
            abstand = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            rand -= metrik.height() + 3 * abstand
        return max(rand, 0)

    def zeilen(self, spalte: int, breite: int) -> list[str]:
        """The title of `spalte` broken into lines (at spaces, where the title has a line break, and hyphenated
        where a word alone is wider: "Arbeitgeber-/kosten") that fit a column `breite` wide."""
        metrik = self._metrik()
        platz = breite - self.rand(spalte)
        zeilen: list[str] = []
        for absatz in self.titel(spalte).split("\n"):
            neu = True
            for wort in absatz.split():
                if not neu and metrik.horizontalAdvance(f"{zeilen[-1]} {wort}") <= platz:
                    zeilen[-1] = f"{zeilen[-1]} {wort}"
                else:
                    zeilen += _getrennt(wort, platz, metrik)
                neu = False
        return zeilen

    def kleinste_breite(self, spalte: int, *, trennen: bool = True) -> int:
        """As narrow as the title's longest word (`trennen=False`) or longest syllable (and the sort arrow)
        allow."""
        schluessel = ("kleinste", spalte, trennen)
        if schluessel not in self._gemessen:
            self._gemessen[schluessel] = self._kleinste_breite(spalte, trennen)
        return int(self._gemessen[schluessel])

    def _kleinste_breite(self, spalte: int, trennen: bool) -> int:
        metrik = self._metrik()
        worte = self.titel(spalte).split()
        # the patterns only where a word is long enough to be hyphenated ("Monat" never is)
        silben = _silben() if trennen and any(len(w) >= TRENNEN_AB for w in worte) else None
        teile = [""]
        for wort in worte:
            if silben is not None and len(wort) >= TRENNEN_AB:
                # each line of a hyphenated word but its last ends in "-" ("Arbeit-", "geber-", "kosten"); a word
                # without a break ("Bemerkung", "Stunden") stays whole and has none
                *vorn, hinten = silben.inserted(wort).split("-")
                teile += [f"{t}-" for t in vorn] + [hinten]
            else:
                teile.append(wort)
        titel = self.rand(spalte) + max(metrik.horizontalAdvance(t) for t in teile)
        modell = self.model()
        if modell is not None and modell.headerData(spalte, Qt.Orientation.Horizontal, GANZE_WORTE):
            return max(titel, self.kleinste_zellbreite(spalte))
        return titel

    def kleinste_zellbreite(self, spalte: int) -> int:
        """The widest of the column's cells as the item delegate lays them out at the least width: each line one
        word (Qt's own line breaking, the cell's font, margins and icon). Kept until the rows or the font change."""
        schluessel = ("zellen", spalte)
        if schluessel not in self._gemessen:
            self._gemessen[schluessel] = self._kleinste_zellbreite(spalte)
        return int(self._gemessen[schluessel])

    def _kleinste_zellbreite(self, spalte: int) -> int:
        ansicht, modell = self.parentWidget(), self.model()
        if not isinstance(ansicht, QTableView) or modell is None:
            return 0
        option = QStyleOptionViewItem()
        ansicht.initViewItemOption(option)
        option.rect = QRect(0, 0, 1, 1)  # words wrap onto lines of their own; the widest word sets the width
        delegat = ansicht.itemDelegateForColumn(spalte) or ansicht.itemDelegate()
        # laid out once per kind of cell: a month has many alike ("–", a name, "in Ordnung"), and measuring each
        # took a sixth of the time of loading a month
        arten: dict[tuple[str, str, bool], Any] = {}
        for reihe in range(modell.rowCount()):
            index = modell.index(reihe, spalte)
            schrift = index.data(Qt.ItemDataRole.FontRole)
            art = (
                str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                schrift.key() if isinstance(schrift, QFont) else "",
                index.data(Qt.ItemDataRole.DecorationRole) is not None,
            )
            arten.setdefault(art, index)
        breiteste = max((delegat.sizeHint(option, index).width() for index in arten.values()), default=0)
        return breiteste + (1 if ansicht.showGrid() else 0)  # the grid line takes a pixel of the column (as in Qt's)

    def sectionSizeFromContents(self, spalte: int) -> Any:
        groesse = super().sectionSizeFromContents(spalte)
        mehr = len(self.zeilen(spalte, self.sectionSize(spalte))) - 1
        if mehr > 0:
            groesse.setHeight(groesse.height() + mehr * self._metrik().lineSpacing())
        return groesse

    def paintSection(self, maler: QPainter, rechteck: QRect, spalte: int) -> None:
        zeilen = self.zeilen(spalte, rechteck.width())
        if len(zeilen) <= 1:
            super().paintSection(maler, rechteck, spalte)
            return
        option = QStyleOptionHeader()  # not the V2 option: that one would cut the lines to one with "…"
        self.initStyleOptionForIndex(option, spalte)
        option.rect = rechteck
        option.text = "\n".join(zeilen)
        maler.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, maler, self)
        maler.restore()


#: Only words at least this long are hyphenated ("Arbeitgeber-kosten"; "Monat" stays whole).
TRENNEN_AB = 10


@functools.cache
def _silben() -> Any:
    """German hyphenation patterns (pyphen, LibreOffice's dictionary); None where they cannot be loaded (the titles
    then break at spaces only).

    pyphen parses the dictionary's 66,000 patterns each time (1.6–2 s on a busy machine, on the GUI thread as the
    start page shows its first table); they are kept, once parsed, in the user's cache folder (`_silben_ablage`)
    and read from there in a tenth of that."""
    try:
        import pyphen

        try:
            ablage: Path | None = _silben_ablage(pyphen)
        except Exception:  # no version or cache folder to be found: hyphenate anyway, parsed each start
            log.info("Kein Zwischenspeicher für die Silbentrennung", exc_info=True)
            ablage = None
        if ablage is None:
            return pyphen.Pyphen(lang="de_DE")
        try:
            with ablage.open("rb") as datei:
                geladen = pickle.load(datei)  # the user's own cache folder, written below
            if isinstance(geladen, pyphen.Pyphen):
                return geladen
        except Exception:  # missing, half-written or from another version: parsed anew below
            pass
        silben = pyphen.Pyphen(lang="de_DE")
        try:
            ablage.parent.mkdir(parents=True, exist_ok=True)
            zwischen = ablage.with_suffix(f".{os.getpid()}.tmp")
            try:
                zwischen.write_bytes(pickle.dumps(silben, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(zwischen, ablage)  # whole or not at all, also with two programs starting at once
            finally:
                zwischen.unlink(missing_ok=True)  # left over only where writing or renaming failed
            for alt in ablage.parent.glob("silben-de_DE-*.pickle"):  # an earlier pyphen's or dictionary's
                if alt != ablage:
                    alt.unlink(missing_ok=True)
        except OSError:
            log.info("Silbentrennung nicht zwischengespeichert (%s)", ablage, exc_info=True)
        return silben
    except (ImportError, KeyError, OSError):
        return None


@functools.lru_cache(maxsize=512)  # asked for each cell as it is painted or measured
def trennbar(text: str) -> str:
    """Long words with soft hyphens at their German syllables ("Beschäf-tigungs-verbot"): Qt breaks a word there
    (showing the hyphen) when its column is narrower than the word, and shows no hyphen otherwise."""
    worte = text.split(" ")
    if not any(len(w) >= TRENNEN_AB for w in worte):
        return text  # the patterns are not even loaded
    silben = _silben()
    if silben is None:
        return text
    return " ".join(_getrenntes_wort(w, silben) for w in worte)


def _getrenntes_wort(wort: str, silben: Any) -> str:
    """A compound with its own hyphens breaks there and within its long parts ("Knapp-schaft-Bahn-See"), never
    beside its hyphen ("job-" over "-Zen")."""
    return "-".join(silben.inserted(t, hyphen="\u00ad") if len(t) >= TRENNEN_AB else t for t in wort.split("-"))


def _silben_ablage(pyphen: Any) -> Path:
    """Where the parsed patterns are kept: named after pyphen's version and the dictionary file's size and time,
    so that an update of either parses again (platformdirs; on Linux `$XDG_CACHE_HOME/Assistenzbuero`)."""
    import platformdirs

    woerterbuch = Path(pyphen.LANGUAGES["de_DE"])
    stand = woerterbuch.stat()
    # pyphen's own version attribute: the bundle carries no package metadata for importlib.metadata to read
    name = f"silben-de_DE-{pyphen.__version__}-{stand.st_size}-{stand.st_mtime_ns}.pickle"
    return platformdirs.user_cache_path("Assistenzbuero", appauthor=False) / name


def _getrennt(wort: str, platz: int, metrik: QFontMetrics) -> list[str]:
    """`wort` on as many lines as it needs to fit `platz`, hyphenated at German syllable breaks."""
    silben = _silben() if len(wort) >= TRENNEN_AB else None
    zeilen: list[str] = []
    while silben is not None and metrik.horizontalAdvance(wort) > platz:
        teil = next((t for t in silben.iterate(wort) if metrik.horizontalAdvance(t[0] + "-") <= platz), None)
        if teil is None:
            break
        zeilen.append(teil[0] + "-")
        wort = teil[1]
    return [*zeilen, wort]


class PassendeTabelle(QTableView):
    """A table whose columns fit its width: no sideways scrolling inside a list.

    The widths a page gives its columns (`resizeColumnsToContents`, `setColumnWidth`, a drag with the mouse) are
    remembered as wishes. Where their sum is wider than the table, the widest columns give up room first until all
    fit, none narrower than `MINDEST_ZEICHEN` or its title's longest word; the texts of a narrowed column wrap (with
    `wordWrap`) or end in "…", the full text is its tooltip. When the table grows again, the columns get their
    wishes back. Only columns the user may resize (`Interactive`, the default) are fitted.

    Where even the narrowest widths do not fit, columns whose content is shown elsewhere too (header data
    `AUCH_IN`, e.g. "im Personalbogen") give way, the rightmost first; the table says which ones and where they are
    (accessible description and the header's tooltip), and shows them again when there is room.
    """

    #: Whether the table's minimum width is what its columns need (False: a grid that may scroll sideways).
    BREITE_HALTEN = True
    #: A narrowed column keeps at least this many average characters (or its wish, if smaller).
    MINDEST_ZEICHEN = 6
    #: The stretched last column wishes for its content up to this many average characters (`Liste` also stops a
    #: column sized to its contents there; longer texts wrap in the cell).
    HOECHSTENS_ZEICHEN = 30
    #: The header's class: the month grid's also keeps each column as wide as the longest word of its cells.
    KOPFZEILE: type[Kopfzeile] = Kopfzeile

    def __init__(self, eltern: QWidget | None = None) -> None:
        super().__init__(eltern)
        self.kopfzeile = self.KOPFZEILE(self)  # held here: without a Python reference its overrides could get lost
        # a row whose words wrap onto many lines may be higher than the table (the Minijob-Zentrale's name beside
        # the Kasse's form at 200 %): scrolled by whole rows, its lower lines could never be seen
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalHeader(self.kopfzeile)
        self._wunsch: dict[int, int] = {}
        self._ausgeblendet: set[int] = set()
        self._beschreibung = ""
        self._passe_gerade = False
        self._geplant = False
        self._zeilen_geplant = False  # see `_zeilen_folgen`
        self._gemessen: tuple[tuple[int, ...], tuple[bool, ...]] | None = None  # see `spalten_einpassen`
        self.horizontalHeader().sectionResized.connect(self._spalte_geaendert)
        self.horizontalHeader().sectionResized.connect(self._zeilen_folgen)
        self.horizontalHeader().sortIndicatorChanged.connect(self._plane)  # the arrow moves to another column

    def leerhinweis(self) -> str:
        """What an empty table says (see `Liste`)."""
        return ""

    def ausgeblendet_hinweis(self) -> str:
        """Which columns gave way for lack of room, and where their content is: "" when none did."""
        if not self._ausgeblendet or self.model() is None:
            return ""
        kopf = self.kopfzeile
        orte: dict[str, list[str]] = {}
        for spalte in sorted(self._ausgeblendet, key=kopf.visualIndex):
            orte.setdefault(str(self.model().headerData(spalte, Qt.Orientation.Horizontal, AUCH_IN)), []).append(
                kopf.titel(spalte)
            )
        teile = "; ".join(f"{', '.join(titel)} ({ort})" for ort, titel in orte.items())
        return tr("Aus Platzgründen ausgeblendet: {teile}.").format(teile=teile)

    def setAccessibleDescription(self, beschreibung: str) -> None:
        self._beschreibung = beschreibung
        self._melde_zustand()

    def _melde_zustand(self, *_: object) -> None:
        """The accessible description: what the empty table says, the page's description, the columns left out."""
        ausgeblendet = self.ausgeblendet_hinweis()
        teile = (self.leerhinweis(), self._beschreibung, ausgeblendet)
        super().setAccessibleDescription(" ".join(t for t in teile if t))
        self.kopfzeile.setToolTip(ausgeblendet)
        self.viewport().update()

    def setModel(self, modell: Any) -> None:
        super().setModel(modell)
        self._wunsch.clear()
        self._ausgeblendet.clear()
        self._gemessen = None
        if modell is not None:
            for signal in (modell.modelReset, modell.columnsInserted, modell.columnsRemoved, modell.layoutChanged):
                signal.connect(self._plane)
            modell.modelReset.connect(self._neu_geladen)
        self._plane()

    def _neu_geladen(self) -> None:
        """New rows: the columns fit them at once (not a moment later, when she may already be reading them)."""
        self._ausgeblendet = {s for s in self._ausgeblendet if s < self.kopfzeile.count()}
        self.spalten_einpassen()

    def _zeilen_folgen(self, *_: object) -> None:
        """Wrapped rows follow their columns' widths: measured once the current batch of column changes is done
        (fitting, `resizeColumnsToContents` and a drag resize column after column), not after each column, which
        measured every cell of the Rechengrößen's hundred rows some 25 times per showing. Rows that size
        themselves to their contents (`sortierbare_tabelle`) are left to Qt, which does the same."""
        zeilen = self.verticalHeader()
        if self._zeilen_geplant or self._passe_gerade or not self.wordWrap():
            return  # a fitting asks once at its end, if the widths changed at all
        if zeilen.count() and zeilen.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents:
            return
        self._zeilen_geplant = True
        QTimer.singleShot(0, self, self._zeilen_nachholen)

    def _zeilen_nachholen(self) -> None:
        if self._zeilen_geplant:  # not done meanwhile by `resizeRowsToContents`
            self.resizeRowsToContents()

    def resizeRowsToContents(self) -> None:
        """Rows as high as their texts now (a measurement still planned by `_zeilen_folgen` is then dropped)."""
        self._zeilen_geplant = False
        super().resizeRowsToContents()

    def resizeColumnsToContents(self) -> None:
        """Columns as wide as their texts, but none wider than `HOECHSTENS_ZEICHEN`: a long name or state wraps
        onto a second line in its cell (rows grow to fit) instead of pushing the last columns out of sight or being
        cut ("Minijob-Zentrale (Deutsche Rentenversicherung …", "Mindesturlaub (Gesetz)" at 100 %)."""
        super().resizeColumnsToContents()
        self._begrenze(range(self.horizontalHeader().count()))

    def resizeColumnToContents(self, spalte: int) -> None:
        super().resizeColumnToContents(spalte)
        self._begrenze([spalte])

    def setColumnWidth(self, spalte: int, breite: int) -> None:
        """The page's wish for the column, also where the column has that width already: Qt then says nothing, and
        the column kept whatever width the last fitting gave it (the Rechengrößen' "Gültig ab" 214 pixels wide
        after 200 %, or too narrow for "01.01.2027")."""
        if not (self.horizontalHeader().stretchLastSection() and spalte == self._letzte_sichtbare()):
            self._wunsch[spalte] = breite
        super().setColumnWidth(spalte, breite)
        self._plane()

    def _begrenze(self, spalten: Iterable[int]) -> None:
        kopf = self.horizontalHeader()
        grenze = self.fontMetrics().averageCharWidth() * self.HOECHSTENS_ZEICHEN
        for spalte in spalten:
            if spalte in self._ausgeblendet:
                # Qt sizes no hidden column to its contents: one that gave way came back at Qt's default width when
                # the window grew ("01.02.2024" in 52 pixels in the Assistenzkräfte after 200 %)
                inhalt = max(self.sizeHintForColumn(spalte), kopf.sectionSizeHint(spalte))
                self._wunsch[spalte] = min(inhalt, grenze)
            elif kopf.sectionSize(spalte) > grenze:
                kopf.resizeSection(spalte, grenze)
        if kopf.stretchLastSection():  # the last column fills the rest of the width again
            kopf.setStretchLastSection(False)
            kopf.setStretchLastSection(True)
        if self.wordWrap():
            self.resizeRowsToContents()

    def _spalte_geaendert(self, spalte: int, _alt: int, neu: int) -> None:
        kopf = self.horizontalHeader()
        if self._passe_gerade or (kopf.stretchLastSection() and spalte == self._letzte_sichtbare()):
            return
        self._wunsch[spalte] = neu
        if not QApplication.mouseButtons() & Qt.MouseButton.LeftButton:  # not while she drags a column's edge
            self._plane()

    def _letzte_sichtbare(self) -> int:
        kopf = self.horizontalHeader()
        for stelle in reversed(range(kopf.count())):
            spalte = kopf.logicalIndex(stelle)
            if not kopf.isSectionHidden(spalte):
                return spalte
        return -1

    def _plane(self, *_: object) -> None:
        """Fit once the current batch of changes is done (`resizeColumnsToContents` resizes column by column)."""
        self.updateGeometry()  # its minimum width may have changed with its contents
        if not self._geplant:
            self._geplant = True
            QTimer.singleShot(0, self, self.spalten_einpassen)

    def viewportEvent(self, ereignis: QEvent) -> bool:
        if ereignis.type() == QEvent.Type.Resize:
            ergebnis = super().viewportEvent(ereignis)
            self.spalten_einpassen()
            return ergebnis
        if ereignis.type() == QEvent.Type.ToolTip and isinstance(ereignis, QHelpEvent):
            index = self.indexAt(ereignis.pos())
            text = self._ganzer_text(index)
            if text:
                QToolTip.showText(ereignis.globalPos(), text, self.viewport(), self.visualRect(index))
                return True
        return super().viewportEvent(ereignis)

    def _ganzer_text(self, index: QModelIndex) -> str:
        """A cell's full text where the cell shows less of it (and the model gives no tooltip of its own)."""
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return ""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return ""
        rand = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1)
        flaeche = self.visualRect(index)
        if self.wordWrap():
            noetig = self.fontMetrics().boundingRect(
                QRect(0, 0, max(flaeche.width() - rand, 1), 100000), int(Qt.TextFlag.TextWordWrap), text
            )
            passt = noetig.height() <= flaeche.height() and noetig.width() <= flaeche.width() - rand
        else:
            passt = self.fontMetrics().horizontalAdvance(text) <= flaeche.width() - rand
        return "" if passt else text.replace("\u00ad", "")  # without `trennbar`'s soft hyphens

    def _plan(self, platz: int) -> tuple[list[int], list[int], dict[int, int], int]:
        """For a table `platz` wide: (its columns, those shown, their widths, the stretched last one or -1)."""
        kopf = self.kopfzeile
        modell = self.model()
        modus = QHeaderView.ResizeMode.Interactive
        reihe = [kopf.logicalIndex(i) for i in range(kopf.count())]
        spalten = [s for s in reihe if not kopf.isSectionHidden(s) or s in self._ausgeblendet]
        if not spalten or modell is None:
            return spalten, spalten, {}, -1
        zeichen = self.fontMetrics().averageCharWidth()

        gemerkt: dict[tuple[int, bool], int] = {}

        def wunsch_von(s: int, letzte: bool) -> int:
            if (s, letzte) not in gemerkt:
                gemerkt[(s, letzte)] = _wunsch_von(s, letzte)
            return gemerkt[(s, letzte)]

        def _wunsch_von(s: int, letzte: bool) -> int:
            if letzte:  # stretched: its own width is whatever was left over, so ask its content
                inhalt = max(self.sizeHintForColumn(s), kopf.sectionSizeFromContents(s).width())
                return min(inhalt, max(zeichen * self.HOECHSTENS_ZEICHEN, kopf.kleinste_breite(s)))
            # never narrower than its title's longest syllable (an empty column was 2 letters wide: "Stu")
            return max(self._wunsch.get(s, kopf.sectionSize(s)), kopf.kleinste_breite(s, trennen=False))

        def mindest_von(s: int, wunsch: int, trennen: bool = False) -> int:
            return min(wunsch, max(zeichen * self.MINDEST_ZEICHEN, kopf.kleinste_breite(s, trennen=trennen)))

        def ist_letzte(s: int, gezeigt: list[int]) -> bool:
            return kopf.stretchLastSection() and s == gezeigt[-1] and kopf.sectionResizeMode(s) == modus

        def noetig(gezeigt: list[int], trennen: bool = False) -> int:
            return sum(
                mindest_von(s, wunsch_von(s, ist_letzte(s, gezeigt)), trennen)
                if kopf.sectionResizeMode(s) == modus
                else kopf.sectionSize(s)
                for s in gezeigt
            )

        gezeigt = list(spalten)
        weichen = [s for s in reversed(spalten) if modell.headerData(s, Qt.Orientation.Horizontal, AUCH_IN)]
        while weichen and len(gezeigt) > 1 and noetig(gezeigt) > platz:
            gezeigt.remove(weichen.pop(0))
        letzte = gezeigt[-1] if ist_letzte(gezeigt[-1], gezeigt) else -1
        wunsch = {s: wunsch_von(s, s == letzte) for s in gezeigt}
        beweglich = [s for s in gezeigt if kopf.sectionResizeMode(s) == modus]
        fest = sum(kopf.sectionSize(s) for s in gezeigt if s not in beweglich)
        ziel = {s: wunsch[s] for s in beweglich}
        if beweglich and fest + sum(ziel.values()) > platz:
            # titles hyphenated ("Arbeit-geber-kosten") only where their whole words do not fit
            trennen = noetig(gezeigt) > platz
            mindest = {s: mindest_von(s, wunsch[s], trennen) for s in beweglich}
            ziel = _wasserstand(wunsch, mindest, platz - fest)
        return spalten, gezeigt, ziel, letzte

    def _platz_fuer_rollbalken(self) -> int:
        """Room kept free for the vertical scroll bar while it is hidden: the columns then fit the same width with
        and without it. Fitted to the whole viewport, a table whose rows just filled it swung back and forth without
        end (at 200 %: a column shown → its texts wrap → rows taller → scroll bar → a column hidden → rows lower → no
        scroll bar → …), thousands of fittings in a minute. The stretched last column fills the spare room."""
        leiste = self.verticalScrollBar()
        if self.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff or leiste.isVisibleTo(self):
            return 0
        return leiste.sizeHint().width()

    def mindestbreite(self) -> int:
        """How narrow the table can be without scrolling sideways (columns that may give way left out): a
        splitter puts it below its neighbour rather than beside it where it has less (`desktop.bildschirm`)."""
        if self.model() is None:
            return self.minimumSizeHint().width()
        _spalten, gezeigt, breiten, _letzte = self._plan(0)
        kopf = self.kopfzeile
        zeichen = self.fontMetrics().averageCharWidth()

        def breite(s: int) -> int:
            if s in breiten:
                return breiten[s]
            if kopf.sectionResizeMode(s) == QHeaderView.ResizeMode.Stretch:  # takes what is left, down to this
                return max(zeichen * self.MINDEST_ZEICHEN, kopf.kleinste_breite(s))
            return kopf.sectionSize(s)

        innen = sum(breite(s) for s in gezeigt)
        return innen + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> Any:
        """No narrower than its columns need (`mindestbreite`): a page or splitter puts it where it fits instead of
        squeezing it until it scrolls sideways (the Budget's month table beside its chart at 200 %)."""
        groesse = super().minimumSizeHint()
        if self.BREITE_HALTEN:
            groesse.setWidth(max(groesse.width(), self.mindestbreite()))
        return groesse

    def _stand(self) -> tuple[tuple[int, ...], tuple[bool, ...]]:
        """The columns' widths and which are hidden: what the header's height depends on besides its titles."""
        kopf = self.kopfzeile
        spalten = range(kopf.count())
        return tuple(kopf.sectionSize(s) for s in spalten), tuple(kopf.isSectionHidden(s) for s in spalten)

    def spalten_einpassen(self) -> None:
        """Give the columns their wished widths, narrowed where the table is too small for all of them."""
        self._geplant = False
        if self._passe_gerade:  # the header's new height resized the viewport: fit again once this is done
            self._plane()
            return
        kopf = self.kopfzeile
        platz = self.viewport().width() - self._platz_fuer_rollbalken()
        if platz <= 0 or self.model() is None:
            return
        spalten, gezeigt, ziel, letzte = self._plan(platz)
        if not spalten:
            return
        beweglich = list(ziel)
        ausgeblendet = set(spalten) - set(gezeigt)
        vorher = self._stand()
        self._passe_gerade = True
        try:
            for s in set(spalten):
                if kopf.isSectionHidden(s) != (s in ausgeblendet):
                    kopf.setSectionHidden(s, s in ausgeblendet)
            for s in beweglich:
                if s != letzte and kopf.sectionSize(s) != ziel[s]:
                    kopf.resizeSection(s, ziel[s])
            if letzte >= 0:  # the last column keeps its share, and fills what is left over
                kopf.setStretchLastSection(False)
                kopf.resizeSection(letzte, ziel[letzte])
                kopf.setStretchLastSection(True)
            if self._stand() != self._gemessen:
                # titles may now take more (or fewer) lines: the header measures its height again (not when the
                # widths are those it was measured for: that measuring was most of the time of showing a list)
                kopf.headerDataChanged(Qt.Orientation.Horizontal, 0, kopf.count() - 1)
                self.updateGeometries()
                self._gemessen = self._stand()
        finally:
            self._passe_gerade = False
        if self._stand() != vorher:
            self._zeilen_folgen()
        if ausgeblendet != self._ausgeblendet:
            self._ausgeblendet = ausgeblendet
            self._melde_zustand()


def _wasserstand(wunsch: dict[int, int], mindest: dict[int, int], platz: int) -> dict[int, int]:
    """Widths that sum to `platz` at most: every column wider than a common level is cut down to it (the widest
    give first), none below its `mindest`. Where even the minimums do not fit, they are what is returned."""

    def breiten(stand: int) -> dict[int, int]:
        return {s: max(mindest[s], min(wunsch[s], stand)) for s in mindest}

    unten, oben = 0, max(wunsch[s] for s in mindest)
    while unten < oben:  # the highest level at which all fit
        mitte = (unten + oben + 1) // 2
        if sum(breiten(mitte).values()) <= platz:
            unten = mitte
        else:
            oben = mitte - 1
    return breiten(unten)


class Liste(PassendeTabelle):
    """A table that says what to do when it has no rows ("Noch keine Assistenzkraft. Mit „Neue Assistenzkraft …“
    (Strg+N) anlegen."), painted where the rows would be and added to the accessible description; when a search
    or filter hides every row, it says that instead. Empty white space told her nothing (issue 13, finding 10)."""

    def __init__(self, leer: str = "") -> None:
        super().__init__()
        self.leertext = leer
        self.neu_knopf: QAbstractButton | None = None

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
