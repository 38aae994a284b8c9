"""Area "Übersicht": who the employer is, the team in numbers, the checklist state, next steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from core.domain.kalender import BUNDESLAENDER
from core.domain.zahlen import anzahl
from core.stammdaten import arbeitgeber, assistenzkraefte, checkliste
from desktop.berichte.fristen import FristenWidget
from desktop.budget.kurzinfo import BudgetKurzinfo
from desktop.erstattungen_kurzinfo import ErstattungenKurzinfo
from desktop.fluss import flusszeile
from desktop.i18n import tr
from desktop.jahreswechsel import JahreswechselKurzinfo
from desktop.kontext import Kontext


class Uebersicht(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # reachable by Tab and readable line by line: the page's content is this text
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags, which reset it to ClickFocus
        self.knopf_einrichten = QPushButton(tr("&Einrichtungsassistent starten …"))
        self.knopf_arbeitgeber = QPushButton(tr("Arbeit&geberdaten bearbeiten"))
        self.knopf_team = QPushButton(tr("&Assistenzkräfte anzeigen"))
        self.knopf_checkliste = QPushButton(tr("Chec&kliste öffnen"))
        self.knopf_einrichten.clicked.connect(self._einrichten)
        self.knopf_arbeitgeber.clicked.connect(lambda: self._einstellungen("arbeitgeber"))
        self.knopf_checkliste.clicked.connect(lambda: self._einstellungen("checkliste"))
        self.knopf_team.clicked.connect(lambda: kontext.zeige_bereich("assistenzkraefte"))
        zeile = flusszeile(self.knopf_einrichten, self.knopf_arbeitgeber, self.knopf_team, self.knopf_checkliste)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.text)
        spalte.addWidget(BudgetKurzinfo(kontext))
        spalte.addWidget(JahreswechselKurzinfo(kontext))
        spalte.addWidget(ErstattungenKurzinfo(kontext))
        spalte.addLayout(zeile)
        spalte.addWidget(FristenWidget(kontext))
        spalte.addStretch(1)

    def aktivieren(self) -> None:
        db = self.kontext.datenbank
        ag = arbeitgeber.lade_arbeitgeber(db)
        zeilen: list[str] = []
        if ag is None:
            zeilen.append(tr("Die Arbeitgeberdaten fehlen noch. Bitte starten Sie den Einrichtungsassistenten."))
        else:
            zeilen.append(
                tr("Arbeitgeber/in: {name}, {ort} ({land}).").format(
                    name=ag.name, ort=ag.ort or tr("ohne Ort"), land=BUNDESLAENDER.get(ag.bundesland, ag.bundesland)
                )
            )
        team = assistenzkraefte.liste_assistenzkraefte(db)
        nach_status = {s: sum(1 for z in team if z.status == s) for s in assistenzkraefte.STATUS}
        zeilen.append(
            tr("Team: {b} beschäftigt, {a}, {x} ausgeschieden.").format(
                b=nach_status["beschaeftigt"],
                a=anzahl(nach_status["bewerberin"], tr("Bewerberin"), tr("Bewerberinnen")),
                x=nach_status["ausgeschieden"],
            )
        )
        hinweise = sum(len(z.hinweise) for z in team)
        if hinweise:
            zeilen.append(
                tr("{n} in den Personalbögen – siehe Assistenzkräfte.").format(
                    n=anzahl(hinweise, tr("Hinweis"), tr("Hinweise"))
                )
            )
        punkte = checkliste.checkliste(db)
        offen = [p for p in punkte if not p.erledigt]
        zeilen.append(
            tr("Checkliste vor der ersten Lohnabrechnung: {e} von {n} Punkten erledigt.").format(
                e=len(punkte) - len(offen), n=len(punkte)
            )
        )
        if offen:
            zeilen.append(tr("Als Nächstes: {text}").format(text=offen[0].text))
        self.text.setText("\n".join(zeilen))
        self.text.setAccessibleName(self.text.text())
        self.knopf_einrichten.setVisible(ag is None)

    def _einrichten(self) -> None:
        fenster = self.window()
        starten = getattr(fenster, "starte_ersteinrichtung", None)
        if callable(starten):
            starten()

    def _einstellungen(self, reiter: str) -> None:
        self.kontext.zeige_bereich("einstellungen")
        fenster = self.window()
        seite = getattr(fenster, "seite", None)
        if callable(seite):
            bereich = seite("einstellungen")
            bereich.zeige(reiter)
