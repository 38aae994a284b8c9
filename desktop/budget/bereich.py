"""The Budget area: Übersicht (chart, table), Bewilligungen, Kostenkalkulation, Antrag vs Ist, Verwendungsnachweis."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.budget.bewilligungen_seite import BewilligungenSeite
from desktop.budget.kalkulation_seite import KalkulationSeite
from desktop.budget.uebersicht_seite import UebersichtSeite
from desktop.budget.vergleich_seiten import AntragIstSeite, NachweisSeite
from desktop.i18n import tr
from desktop.kontext import Kontext


class BudgetBereich(QTabWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Budget"))
        self.kalkulation = KalkulationSeite(kontext)
        self.bewilligungen = BewilligungenSeite(kontext)
        self.uebersicht = UebersichtSeite(kontext)
        self.antrag_ist = AntragIstSeite(kontext)
        self.nachweis = NachweisSeite(kontext)
        self.addTab(self.uebersicht, tr("Über&sicht"))
        self.addTab(self.bewilligungen, tr("Be&willigungen"))
        self.addTab(self.kalkulation, tr("&Kostenkalkulation"))
        self.addTab(self.antrag_ist, tr("&Antrag und Ist"))
        self.addTab(self.nachweis, tr("&Verwendungsnachweis"))
        self.currentChanged.connect(lambda _i: self.aktivieren())

    def aktivieren(self) -> None:
        seite = self.currentWidget()
        aktivieren = getattr(seite, "aktivieren", None)
        if callable(aktivieren):
            aktivieren()

    def darf_schliessen(self) -> bool:
        return self.kalkulation.darf_verlassen()

    def tastenkuerzel(self) -> list[str]:
        """For the main window's F1 help."""
        return [
            tr("Strg+S: Kalkulation speichern"),
            tr("Pfeiltasten in „Berechnung Zeile für Zeile“: die Erläuterung der Zeile steht darunter"),
            tr("Eingabetaste in der Liste der Bewilligungen: Bewilligung bearbeiten"),
        ]
