"""Budget → Übersicht: per Bewilligung (or all) approved / spent / forecast per month as a chart and, beside it, the
same numbers as a table (for screen readers), the totals and the warnings.

The figures come from `core.budget.dienst.budgetstand`. The forecast (a draft payroll of each open month) is kept per
data change by core; when it is not known yet the page shows the finalised figures at once and computes the forecast
in the background (with progress and Abbrechen), then shows it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.budget.dienst import budgetstand, budgetstand_ohne_warten
from core.budget.stand import ABGESCHLOSSEN, ENTWURF, Budgetstand, Monatszeile
from core.domain.zahlen import format_eur, format_zahl
from desktop.budget.diagramm import BudgetDiagramm, Saeule
from desktop.hintergrund import Fortschritt
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import Spalte, ZeilenModell, sortierbare_tabelle

STATUS = {ABGESCHLOSSEN: tr("abgeschlossen"), ENTWURF: tr("geplant"), "vor_beginn": tr("vor Abrechnungsbeginn")}
Zeile = tuple[tuple[int, int], str, Decimal, Decimal, Decimal, Decimal]  # month, status, approved, spent, forecast, h

SPALTEN: list[Spalte[Zeile]] = [
    Spalte(tr("Monat"), lambda z: f"{z[0][1]:02d}/{z[0][0]}", sortierung=lambda z: z[0][0] * 100 + z[0][1]),
    Spalte(tr("Status"), lambda z: STATUS.get(z[1], z[1])),
    Spalte(tr("bewilligt"), lambda z: format_eur(z[2]), rechtsbuendig=True),
    Spalte(tr("verbraucht"), lambda z: format_eur(z[3]) if z[1] == ABGESCHLOSSEN else "", rechtsbuendig=True),
    Spalte(tr("Prognose"), lambda z: format_eur(z[4]) if z[1] == ENTWURF else "", rechtsbuendig=True),
    Spalte(tr("Stunden"), lambda z: format_zahl(z[5]), rechtsbuendig=True),
]


def monatszeilen(stand: Budgetstand, auswahl: int | None) -> list[Zeile]:
    """Months of the chosen Bewilligung (index) or of all added up."""
    summen: dict[tuple[int, int], list[Decimal]] = {}
    status: dict[tuple[int, int], str] = dict(stand.monate)
    for i, s in enumerate(stand.bewilligungen):
        if auswahl is not None and i != auswahl:
            continue
        for m in s.monate:
            werte = summen.setdefault(m.monat, [Decimal(0)] * 4)
            werte[0] += m.bewilligt
            werte[1] += _netto(m) if m.status == ABGESCHLOSSEN else Decimal(0)
            werte[2] += _netto(m) if m.status == ENTWURF else Decimal(0)
            werte[3] += m.stunden
    return [(m, status.get(m, ""), *w) for m, w in sorted(summen.items())]  # type: ignore[misc]


def _netto(m: Monatszeile) -> Decimal:
    return m.netto


class UebersichtSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.stand: Budgetstand | None = None
        self.jahr = QSpinBox()
        self.jahr.setRange(2000, 2100)
        self.jahr.setValue(date.today().year)
        self.jahr.setAccessibleName(tr("Jahr"))
        jahr_text = QLabel(tr("&Jahr:"))
        jahr_text.setBuddy(self.jahr)
        self.auswahl = QComboBox()
        self.auswahl.setAccessibleName(tr("Bewilligung"))
        self.auswahl.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        auswahl_text = QLabel(tr("An&zeigen für:"))
        auswahl_text.setBuddy(self.auswahl)
        self.jahr.valueChanged.connect(lambda _j: self.laden())
        self.auswahl.currentIndexChanged.connect(lambda _i: self._zeigen())
        self.summe = QLabel()
        self.summe.setWordWrap(True)
        self.summe.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summe.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.diagramm = BudgetDiagramm()
        self.modell: ZeilenModell[Zeile] = ZeilenModell(SPALTEN, self)
        self.tabelle, _ = sortierbare_tabelle(
            self.modell,
            tr("Monate: bewilligt, verbraucht, Prognose"),
            tr("Die Zahlen des Diagramms"),
            leer=tr("Noch keine Bewilligung für dieses Jahr. Unter „Bewilligungen“ mit „Neue Bewilligung …“ anlegen."),
        )
        self.warnungen = QLabel()
        self.warnungen.setWordWrap(True)
        self.warnungen.setTextFormat(Qt.TextFormat.PlainText)
        self.warnungen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.warnungen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        kopf = QHBoxLayout()
        for w in (jahr_text, self.jahr, auswahl_text, self.auswahl):
            kopf.addWidget(w)
        kopf.addStretch(1)
        teiler = QSplitter(Qt.Orientation.Horizontal)
        teiler.addWidget(self.diagramm)
        teiler.addWidget(self.tabelle)
        teiler.setChildrenCollapsible(False)
        teiler.setStretchFactor(0, 1)
        teiler.setStretchFactor(1, 1)
        spalte = QVBoxLayout(self)
        spalte.addLayout(kopf)
        spalte.addWidget(self.summe)
        spalte.addWidget(teiler, 1)
        spalte.addWidget(self.warnungen)

    def aktivieren(self) -> None:
        self.laden()

    def laden(self) -> None:
        db, jahr = self.kontext.datenbank, self.jahr.value()
        stand, mit_prognose = budgetstand_ohne_warten(db, jahr)
        if mit_prognose:
            self._setze(stand)
            return
        self._setze(stand, vorlaeufig=True)

        def arbeit(f: Fortschritt) -> Budgetstand:
            def melde(schritt: int, von: int) -> None:
                f.pruefe()
                f.melde(schritt, von, tr("Prognose: Monat {i} von {n}").format(i=schritt, n=von))

            return budgetstand(db, jahr, fortschritt=melde)

        Hintergrundoperation(self, tr("Prognose wird berechnet"), arbeit).bei_erfolg(
            lambda stand: self._setze(stand) if stand.jahr == self.jahr.value() else None
        ).bei_fehler(lambda _f: None).starten()

    def _setze(self, stand: Budgetstand, *, vorlaeufig: bool = False) -> None:
        self.stand = stand
        self.vorlaeufig = vorlaeufig
        alt = self.auswahl.currentIndex()
        self.auswahl.blockSignals(True)
        self.auswahl.clear()
        self.auswahl.addItem(tr("Alle Bewilligungen"))
        for s in stand.bewilligungen:
            self.auswahl.addItem(s.bewilligung.name)
        self.auswahl.setCurrentIndex(alt if 0 <= alt < self.auswahl.count() else 0)
        self.auswahl.blockSignals(False)
        self._zeigen()

    def _zeigen(self) -> None:
        stand = self.stand
        if stand is None:
            return
        index = self.auswahl.currentIndex() - 1
        auswahl = index if index >= 0 else None
        zeilen = monatszeilen(stand, auswahl)
        self.modell.setze_zeilen(zeilen)
        self.tabelle.resizeColumnsToContents()
        self.diagramm.setze(
            [Saeule(f"{z[0][1]:02d}", z[2], z[3] if z[1] == ABGESCHLOSSEN else Decimal(0), z[4]) for z in zeilen]
        )
        gewaehlt = [s for i, s in enumerate(stand.bewilligungen) if auswahl is None or i == auswahl]
        if not gewaehlt:
            self.summe.setText(tr("Für {jahr} ist keine Bewilligung erfasst.").format(jahr=stand.jahr))
        else:
            bewilligt = sum((s.bewilligt + s.uebertrag for s in gewaehlt), Decimal(0))
            verbraucht = sum((s.verbraucht for s in gewaehlt), Decimal(0))
            prognose = sum((s.prognose for s in gewaehlt), Decimal(0))
            rest = sum((s.rest for s in gewaehlt), Decimal(0))
            text = tr("Bewilligt (mit Übertrag) {b}, verbraucht {v}, Prognose bis Jahresende {p}, Rest {r}.").format(
                b=format_eur(bewilligt), v=format_eur(verbraucht), p=format_eur(prognose), r=format_eur(rest)
            )
            if self.vorlaeufig:
                text += " " + tr("Die Prognose der offenen Monate wird noch berechnet.")
            self.summe.setText(text)
        self.summe.setAccessibleName(self.summe.text())
        hinweise = [*stand.hinweise, *(h for s in gewaehlt for h in s.hinweise)]
        self.warnungen.setText(
            "\n".join(tr("Hinweis: {text}").format(text=h.text) for h in hinweise) or tr("Keine Warnungen.")
        )
        self.warnungen.setAccessibleName(tr("Warnungen"))
        self.warnungen.setAccessibleDescription(self.warnungen.text())
