"""Column headers of the roster's tables that keep the words of their cells whole."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

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

    def _kleinste_zellbreite(self, spalte: int) -> int:
        breiteste = super()._kleinste_zellbreite(spalte)
        ansicht = self.parentWidget()
        if self.HOECHSTENS_ZEICHEN is not None and isinstance(ansicht, QTableView):
            breiteste = min(breiteste, ansicht.fontMetrics().averageCharWidth() * self.HOECHSTENS_ZEICHEN)
        return breiteste


class Listenkopf(Wortkopf):
    """A list's header: words up to 16 characters stay whole ("Bereitschaft", "gearbeitet"), a longer one (a note)
    may be cut, so that the list still fits its page at 200 % without scrolling sideways."""

    HOECHSTENS_ZEICHEN = 16


class Wortliste(PassendeTabelle):
    """A list of the Dienstplan whose columns keep their cells' words whole (`Listenkopf`): at 200 % on 1280×800
    her shifts read "Di …", "14:00–…", "Sp…", "wie ge…" and the month's Hinweise "Wa…", "innerh…". Where the words
    do not fit, a column shown elsewhere too (`desktop.tabellen.AUCH_IN`) gives way."""

    KOPFZEILE = Listenkopf
