"""The employer checklist before the first payroll (seed 004, 2.7.1): state in words, ticks by Space or button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.stammdaten import checkliste as dienst
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle

Punkt = dienst.ChecklistenPunkt


def _stand(p: Punkt) -> str:
    return tr("erledigt") if p.erledigt else tr("offen")


SPALTEN: list[Spalte[Punkt]] = [
    Spalte(tr("Nr."), lambda p: str(p.nummer), sortierung=lambda p: p.nummer, rechtsbuendig=True),
    Spalte(tr("Stand"), _stand, ankreuzbar=lambda p: p.erledigt, ganz=True),
    # "Verdienstabrechnungen" was cut at 200 %: long words break at syllables
    Spalte(tr("Punkt"), lambda p: p.text, hinweis=lambda p: p.erlaeuterung, trennen=True),
    Spalte(tr("Erläuterung"), lambda p: p.erlaeuterung, trennen=True),
]


class ChecklistenAnsicht(QWidget):
    """Table of the checklist; a derived item ("automatisch") is done when the data show it."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.modell: ZeilenModell[Punkt] = ZeilenModell(SPALTEN, self)
        self.modell.angekreuzt = self._haken_gesetzt
        self.tabelle, self.filter = sortierbare_tabelle(
            self.modell,
            tr("Checkliste vor der ersten Lohnabrechnung"),
            tr("Leertaste oder Schaltfläche „Abhaken“ ändert den Stand des gewählten Punkts"),
        )
        self.zusammenfassung = QLabel()
        self.zusammenfassung.setWordWrap(True)
        self.knopf = QPushButton(tr("&Als erledigt abhaken"))
        self.knopf.clicked.connect(self._umschalten)
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._knopf_beschriften())
        self.tabelle.setWordWrap(True)
        # Space toggles the point of the current row in whichever column the cursor is (after Home it is in "Nr.")
        umschalten = QAction(tr("Stand umschalten"), self.tabelle)
        umschalten.setShortcut(QKeySequence(Qt.Key.Key_Space))
        umschalten.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        umschalten.triggered.connect(self._umschalten)
        self.tabelle.addAction(umschalten)
        zeile = QHBoxLayout()
        zeile.addWidget(self.zusammenfassung, 1)
        zeile.addWidget(self.knopf)
        spalte = QVBoxLayout(self)
        spalte.setContentsMargins(0, 0, 0, 0)
        spalte.addWidget(self.tabelle)
        spalte.addLayout(zeile)

    def aktivieren(self) -> None:
        zeile = self.tabelle.currentIndex().row()
        punkte = dienst.checkliste(self.kontext.datenbank)
        self.modell.setze_zeilen(punkte)
        self.tabelle.resizeColumnToContents(0)
        self.tabelle.resizeColumnToContents(1)
        self.tabelle.setColumnWidth(2, self.fontMetrics().averageCharWidth() * 50)
        self.tabelle.resizeRowsToContents()  # long points wrap instead of ending in "…"
        self.tabelle.setCurrentIndex(self.filter.index(max(zeile, 0), 1))
        erledigt = sum(1 for p in punkte if p.erledigt)
        self.zusammenfassung.setText(
            tr("{erledigt} von {alle} Punkten erledigt.").format(erledigt=erledigt, alle=len(punkte))
        )
        self._knopf_beschriften()

    def _knopf_beschriften(self) -> None:
        punkt = aktuelle_zeile(self.tabelle, self.modell)
        self.knopf.setEnabled(punkt is not None)
        if punkt is not None and punkt.erledigt_am is not None:
            self.knopf.setText(tr("Haken ent&fernen"))
        else:
            self.knopf.setText(tr("&Als erledigt abhaken"))
        # done because the data show it: nothing to tick or untick
        self.knopf.setEnabled(punkt is not None and not (punkt.erledigt and punkt.erledigt_am is None))

    def _umschalten(self) -> None:
        punkt = aktuelle_zeile(self.tabelle, self.modell)
        if punkt is not None:
            self._haken_gesetzt(punkt, not punkt.erledigt)
            self.tabelle.setFocus()

    def _haken_gesetzt(self, punkt: Punkt, an: bool) -> None:
        if punkt.erledigt and punkt.erledigt_am is None and not an:
            self.kontext.melde(tr("Dieser Punkt ergibt sich aus Ihren Daten und bleibt erledigt."))
            return
        dienst.hake_ab(self.kontext.datenbank, punkt.schluessel, erledigt=an)
        self.aktivieren()
        self.kontext.melde(
            tr("„{text}“ ist jetzt {stand}.").format(text=punkt.text, stand=tr("erledigt") if an else tr("offen"))
        )
