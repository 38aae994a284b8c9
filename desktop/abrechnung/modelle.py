"""The month's table: one row per assistant (Personalnummer, name, class, hours, gross, net, payout, employer cost,
Hinweise) and a sum row. A view over the run's rows (`core.abrechnung.lauf.Zeile`); it formats, it never computes pay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from core.abrechnung.lauf import Zeile
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL
from core.domain.hinweis import Schwere
from core.domain.zahlen import anzahl, format_eur, format_zahl
from core.regeln.klassifikation import Beschaeftigungsart
from desktop.i18n import tr
from desktop.tabellen import AUCH_IN, GANZE_WORTE, Index, trennbar

#: The class as the list says it (the detail view gives the full legal name).
KLASSE = {
    Beschaeftigungsart.MINIJOB: tr("Minijob"),
    Beschaeftigungsart.MIDIJOB: tr("Übergangsbereich"),
    Beschaeftigungsart.KURZFRISTIG: tr("kurzfristig"),
    Beschaeftigungsart.SV_PFLICHTIG: tr("SV-pflichtig"),
}
_SCHWERE_WORT = {
    Schwere.FEHLER: (tr("Fehler"), tr("Fehler")),
    Schwere.WARNUNG: (tr("Warnung"), tr("Warnungen")),
    Schwere.INFO: (tr("Info"), tr("Infos")),
}


def name_von(zeile: Zeile) -> str:
    """Her name, or her Personalnummer where the Personalbogen has no name (a loaded scenario)."""
    return zeile.name or tr("Personalnummer {nr}").format(nr=zeile.personalnummer)


def name_in_liste(zeile: Zeile) -> str:
    """The name column beside the Personalnummer column: says so when the Personalbogen has no name."""
    return zeile.name or tr("(ohne Namen)")


def hinweise_kurz(zeile: Zeile) -> str:
    """ "1 Fehler, 2 Warnungen, 1 Info": errors and warnings first, in words (never by colour alone)."""
    anzahl = {s: 0 for s in _SCHWERE_WORT}
    for h in zeile.hinweise:
        anzahl[h.schwere] += 1
    teile = [f"{n} {_SCHWERE_WORT[s][0 if n == 1 else 1]}" for s, n in anzahl.items() if n]
    return ", ".join(teile) if teile else tr("keine")


def stunden_text(zeile: Zeile) -> str:
    e = zeile.ergebnis
    if e is None:
        return ""
    text = format_zahl(e.stunden)
    if zeile.nach_plan:
        text += " " + tr("(nach Plan: {tage})").format(tage=anzahl(len(zeile.nach_plan), tr("Tag"), tr("Tage")))
    return text


@dataclass(frozen=True)
class Spalte:
    titel: str
    text: Callable[[Zeile], str]
    summe: Callable[[Monatsergebnis], Decimal] | None = None
    rechts: bool = False
    auch_in: str = ""  # where the figure is shown too: the column may give way when the table is narrow
    ganz: bool = False  # never narrower than its longest word (a name, an amount): "Sabi…", "2.693,…" at 200 %


#: The detail below the table shows these figures of the selected assistant too (at 200 % not all columns fit).
IN_DEN_EINZELHEITEN = tr("in den Einzelheiten")


def _betrag(feld: Callable[[Monatsergebnis], Decimal]) -> Callable[[Zeile], str]:
    return lambda z: format_eur(feld(z.ergebnis)) if z.ergebnis is not None else "—"


SPALTEN: tuple[Spalte, ...] = (
    Spalte(tr("Pers.-Nr."), lambda z: z.personalnummer, auch_in=IN_DEN_EINZELHEITEN, ganz=True),
    Spalte(tr("Name"), name_in_liste, ganz=True),
    Spalte(
        tr("Beschäftigung"),
        lambda z: KLASSE[z.ergebnis.beschaeftigung] if z.ergebnis is not None else tr("nicht abrechenbar"),
        auch_in=IN_DEN_EINZELHEITEN,
    ),
    Spalte(tr("Stunden"), stunden_text, lambda e: e.stunden, rechts=True, auch_in=IN_DEN_EINZELHEITEN),
    Spalte(tr("Brutto"), _betrag(lambda e: e.brutto), lambda e: e.brutto, rechts=True, ganz=True),
    Spalte(
        tr("Netto"), _betrag(lambda e: e.netto), lambda e: e.netto, rechts=True, auch_in=IN_DEN_EINZELHEITEN, ganz=True
    ),
    Spalte(tr("Auszahlung"), _betrag(lambda e: e.auszahlung), lambda e: e.auszahlung, rechts=True, ganz=True),
    Spalte(
        tr("Arbeitgeberkosten"),
        _betrag(lambda e: e.arbeitgeberkosten),
        lambda e: e.arbeitgeberkosten,
        rechts=True,
        ganz=True,
    ),
    Spalte(tr("Hinweise"), hinweise_kurz, ganz=True),
)
STUNDEN_SPALTE = 3


class AbrechnungsModell(QAbstractTableModel):
    """The assistants of the month in the run's order (by Personalnummer), then one sum row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.zeilen: list[Zeile] = []

    def setze(self, zeilen: Sequence[Zeile]) -> None:
        self.beginResetModel()
        self.zeilen = list(zeilen)
        self.endResetModel()

    def zeile(self, reihe: int) -> Zeile | None:
        return self.zeilen[reihe] if 0 <= reihe < len(self.zeilen) else None

    def ist_summe(self, reihe: int) -> bool:
        return bool(self.zeilen) and reihe == len(self.zeilen)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or not self.zeilen:
            return 0
        return len(self.zeilen) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SPALTEN)

    def summe_text(self, spalte: int) -> str:
        s = SPALTEN[spalte]
        if spalte == 1:
            wer = anzahl(len(self.zeilen), tr("Assistenzkraft"), tr("Assistenzkräfte"))
            return tr("Summe ({wer})").format(wer=wer)
        if s.summe is None:
            return ""
        summe = sum((s.summe(z.ergebnis) for z in self.zeilen if z.ergebnis is not None), NULL)
        return format_zahl(summe) if spalte == STUNDEN_SPALTE else format_eur(summe)

    def text(self, reihe: int, spalte: int) -> str:
        z = self.zeile(reihe)
        if z is None:
            return self.summe_text(spalte) if self.ist_summe(reihe) else ""
        return SPALTEN[spalte].text(z)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        reihe, spalte = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # "Summe (4 Assistenz-kräfte)" breaks at a syllable in a narrow name column (the screen reader: plain)
            return trennbar(self.text(reihe, spalte)) if spalte == 1 else self.text(reihe, spalte)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # a screen reader hears which column the figure belongs to, and in the sum row that it is the sum
            text = self.text(reihe, spalte) or tr("leer")
            vorsatz = tr("Summe, ") if self.ist_summe(reihe) and spalte != 1 else ""
            return f"{vorsatz}{SPALTEN[spalte].titel}: {text}"
        if role == Qt.ItemDataRole.TextAlignmentRole and SPALTEN[spalte].rechts:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.ist_summe(reihe):
            schrift = QApplication.font()
            schrift.setBold(True)
            return schrift
        z = self.zeile(reihe)
        if z is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole and spalte == len(SPALTEN) - 1:
            schwere = {h.schwere for h in z.hinweise}
            if Schwere.FEHLER in schwere:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            if Schwere.WARNUNG in schwere:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and spalte == len(SPALTEN) - 1 and z.hinweise:
            return "\n".join(f"{_SCHWERE_WORT[h.schwere][0]}: {h.text}" for h in z.hinweise[:5])
        if role == Qt.ItemDataRole.ToolTipRole and spalte == STUNDEN_SPALTE and z.nach_plan:
            tage = ", ".join(f"{t:%d.%m.}" for t in z.nach_plan)
            return tr("Ohne erfasste Istzeit, nach Plan abgerechnet: {tage}").format(tage=tage)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return SPALTEN[section].titel
        if role == AUCH_IN:
            return SPALTEN[section].auch_in
        if role == GANZE_WORTE:
            return SPALTEN[section].ganz
        return None
