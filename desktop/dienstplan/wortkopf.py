"""Column headers of the roster's tables that keep the words of their cells whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from desktop.tabellen import Kopfzeile, PassendeTabelle


class Wortkopf(Kopfzeile):
    """A header whose columns are never narrower than the longest word of their cells either (besides their title's
    longest word or syllable): narrowed below it, a column made nothing fit, it only cut the word ("Do / 3. / (h…",
    "Heilig…", "Sp…" for Spätdienst at 200 % on 1280×800). Where the columns then do not fit, the month grid scrolls
    sideways and a list lets its columns shown elsewhere give way (`desktop.tabellen.AUCH_IN`).

    `HOECHSTENS_ZEICHEN`: no word counts for more than this many average characters (None: any word); a longer one
    (free text, a note) is still cut with "…", and its cell's tooltip shows it whole."""

    HOECHSTENS_ZEICHEN: int | None = None

    def _kleinste_breite(self, spalte: int, trennen: bool) -> int:
        return max(super()._kleinste_breite(spalte, trennen), self.kleinste_zellbreite(spalte))

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
        if self.HOECHSTENS_ZEICHEN is not None:
            breiteste = min(breiteste, ansicht.fontMetrics().averageCharWidth() * self.HOECHSTENS_ZEICHEN)
        return breiteste + (1 if ansicht.showGrid() else 0)  # the grid line takes a pixel of the column (as in Qt's)


class Listenkopf(Wortkopf):
    """A list's header: words up to 16 characters stay whole ("Bereitschaft", "gearbeitet"), a longer one (a note)
    may be cut, so that the list still fits its page at 200 % without scrolling sideways."""

    HOECHSTENS_ZEICHEN = 16


class Wortliste(PassendeTabelle):
    """A list of the Dienstplan whose columns keep their cells' words whole (`Listenkopf`): at 200 % on 1280×800
    her shifts read "Di …", "14:00–…", "Sp…", "wie ge…" and the month's Hinweise "Wa…", "innerh…". Where the words
    do not fit, a column shown elsewhere too (`desktop.tabellen.AUCH_IN`) gives way."""

    KOPFZEILE = Listenkopf
