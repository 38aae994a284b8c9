"""The start page's budget line: this month's spend, what is left this year, the next warning."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from core.budget.dienst import budgetstand_ohne_warten
from core.budget.stand import ABGESCHLOSSEN
from core.domain.zahlen import format_eur
from core.fehler import AssistenzbueroFehler
from desktop.i18n import tr
from desktop.kontext import Kontext


def kurztext(kontext: Kontext, heute: date | None = None) -> str:
    heute = heute or date.today()
    db = kontext.datenbank
    try:
        stand, mit_prognose = budgetstand_ohne_warten(db, heute.year, heute=heute)
    except AssistenzbueroFehler as fehler:
        return tr("Budget: {fehler}").format(fehler=fehler)
    if not stand.bewilligungen:
        return tr("Budget: noch keine Bewilligung für {jahr} erfasst.").format(jahr=heute.year)
    monat = (heute.year, heute.month)
    zeilen = [m for s in stand.bewilligungen for m in s.monate if m.monat == monat]
    abgeschlossen = bool(zeilen) and all(m.status == ABGESCHLOSSEN for m in zeilen)
    rest = sum((s.rest for s in stand.bewilligungen), Decimal(0))
    if abgeschlossen or mit_prognose:
        diesen = sum((m.netto for m in zeilen), Decimal(0))
        teile = [
            tr("Budget {jahr}: diesen Monat {betrag} ({art})").format(
                jahr=heute.year, betrag=format_eur(diesen), art=tr("abgerechnet") if abgeschlossen else tr("geplant")
            ),
            tr("übrig im Jahr nach Prognose {rest}").format(rest=format_eur(rest)),
        ]
    else:  # the forecast is computed in the Budget area (a draft payroll per open month): not on the start page
        fertig = sorted({m.monat for s in stand.bewilligungen for m in s.monate if m.status == ABGESCHLOSSEN})
        letzter = fertig[-1] if fertig else None
        betrag = sum((m.netto for s in stand.bewilligungen for m in s.monate if m.monat == letzter), Decimal(0))
        teile = [
            tr("Budget {jahr}: zuletzt abgerechnet {monat} mit {betrag}").format(
                jahr=heute.year, monat=f"{letzter[1]:02d}/{letzter[0]}", betrag=format_eur(betrag)
            )
            if letzter
            else tr("Budget {jahr}: noch kein Monat abgerechnet").format(jahr=heute.year),
            tr("übrig im Jahr ohne Prognose {rest} (Prognose im Bereich Budget)").format(rest=format_eur(rest)),
        ]
    warnungen = [h for h in stand.alle_hinweise if h.schwere != "info"]
    teile.append(tr("nächste Warnung: {text}").format(text=warnungen[0].text) if warnungen else tr("keine Warnung"))
    return "; ".join(teile) + "."


class BudgetKurzinfo(QLabel):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if self.kontext.datenbank is not None:
            self.setText(kurztext(self.kontext))
            self.setAccessibleName(self.text())
