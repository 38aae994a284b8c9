"""Area "Übersicht": who the employer is, the team in numbers, the checklist state, next steps."""

from __future__ import annotations

import importlib
import logging
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from core.domain.kalender import BUNDESLAENDER
from core.domain.zahlen import anzahl
from core.stammdaten import arbeitgeber, assistenzkraefte, checkliste
from desktop.bildschirm import schmal_machen
from desktop.fluss import flusszeile
from desktop.i18n import tr
from desktop.kontext import Kontext

log = logging.getLogger(__name__)

# The summaries from the other areas ("modul:Klasse", the constructor takes the Kontext), in screen order: those
# above the row of buttons, then those below it. They are imported and built once the window is on screen
# (`lade_nach`): they need the payroll, budget, claims and deadline code, which the start should not wait for.
KURZINFOS_OBEN = (
    "desktop.budget.kurzinfo:BudgetKurzinfo",
    "desktop.jahreswechsel:JahreswechselKurzinfo",
    "desktop.erstattungen_kurzinfo:ErstattungenKurzinfo",
)
KURZINFOS_UNTEN = ("desktop.berichte.fristen:FristenWidget",)


class Uebersicht(QWidget):
    nachgeladen_signal = Signal()  # the page is filled in (benchmarks/startup.py waits for it)

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.nachgeladen = False  # True once the summaries are all built (`lade_nach`)
        self._begonnen = False
        self._wartet = False  # summaries left to build while the page was not on screen
        self._ausstehend: list[tuple[QVBoxLayout, str]] = []
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        # reachable by Tab and readable line by line: the page's content is this text
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags, which reset it to ClickFocus
        self.text.setText(tr("Die Übersicht wird geladen …"))  # for the moment until the window is on screen
        self.text.setAccessibleName(self.text.text())
        self.knopf_einrichten = QPushButton(tr("&Einrichtungsassistent starten …"))
        self.knopf_einrichten.setVisible(False)  # shown once it is known that the employer's data are missing
        self.knopf_arbeitgeber = QPushButton(tr("Arbeit&geberdaten bearbeiten"))
        self.knopf_team = QPushButton(tr("&Assistenzkräfte anzeigen"))
        self.knopf_checkliste = QPushButton(tr("Chec&kliste öffnen"))
        self.knopf_einrichten.clicked.connect(self._einrichten)
        self.knopf_arbeitgeber.clicked.connect(lambda: self._einstellungen("arbeitgeber"))
        self.knopf_checkliste.clicked.connect(lambda: self._einstellungen("checkliste"))
        self.knopf_team.clicked.connect(lambda: kontext.zeige_bereich("assistenzkraefte"))
        zeile = flusszeile(self.knopf_einrichten, self.knopf_arbeitgeber, self.knopf_team, self.knopf_checkliste)
        self._oben, self._unten = QVBoxLayout(), QVBoxLayout()
        self._gebaut: dict[QVBoxLayout, list[QWidget]] = {self._oben: [], self._unten: []}
        for platz in (self._oben, self._unten):
            platz.setContentsMargins(0, 0, 0, 0)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.text)
        spalte.addLayout(self._oben)
        spalte.addLayout(zeile)
        spalte.addLayout(self._unten)
        spalte.addStretch(1)

    def paintEvent(self, ereignis: QPaintEvent) -> None:
        super().paintEvent(ereignis)
        if not self._begonnen:  # the page is on screen: its summaries follow in the next turns of the event loop
            QTimer.singleShot(0, self, self.lade_nach)
        elif self._wartet:
            self._wartet = False
            QTimer.singleShot(0, self, self._naechste_kurzinfo)

    def lade_nach(self) -> None:
        """Fill in the page (once): the state of the household at once, then the summaries one per turn of the event
        loop (each imports and reads what it shows: the budget alone took up to a second on a busy machine; in
        between the window answers keys and a screen reader, and each summary is seen as soon as it is built).
        At the end they are put into the Tab order where they stand on screen and `nachgeladen` becomes True. A
        summary that cannot be built says so in its place (and in the log); the rest of the page stays usable."""
        if self._begonnen:
            return
        self._begonnen = True
        self._zeige_stand()
        self._ausstehend = [(self._oben, f) for f in KURZINFOS_OBEN] + [(self._unten, f) for f in KURZINFOS_UNTEN]
        self._naechste_kurzinfo()

    def _naechste_kurzinfo(self) -> None:
        if not self.isVisible():  # another area, or the window closed: go on when the page is on screen again
            self._wartet = True
            return
        if not self._ausstehend:
            self._abschliessen()
            return
        platz, fabrik = self._ausstehend.pop(0)
        widget = self._kurzinfo(fabrik)
        platz.addWidget(widget)
        self._gebaut[platz].append(widget)
        QTimer.singleShot(0, self, self._naechste_kurzinfo)  # not after the page is gone (context object)

    def _abschliessen(self) -> None:
        folge: list[QWidget] = [self.text]
        for widget in self._gebaut[self._oben]:
            folge += _fokusfolge(widget)
        folge += [self.knopf_einrichten, self.knopf_arbeitgeber, self.knopf_team, self.knopf_checkliste]
        for widget in self._gebaut[self._unten]:
            folge += _fokusfolge(widget)
        for vorher, nachher in pairwise(folge):  # built last, they would otherwise come last in the Tab order
            QWidget.setTabOrder(vorher, nachher)
        schmal_machen(self)  # as the main window does for a page it builds: long texts wrap, button rows break
        self.nachgeladen = True
        self.nachgeladen_signal.emit()

    def _kurzinfo(self, fabrik: str) -> QWidget:
        modulname, _, name = fabrik.partition(":")
        try:
            widget: QWidget = getattr(importlib.import_module(modulname), name)(self.kontext)
        except Exception as fehler:  # one broken summary must not take the start page down
            log.exception("Kurzinfo %s konnte nicht erzeugt werden", fabrik)
            widget = QLabel(
                tr(
                    "Ein Teil der Übersicht konnte nicht geladen werden ({art}: {fehler}). Ihre Daten sind "
                    "unverändert. Bitte melden Sie diesen Fehler."
                ).format(art=type(fehler).__name__, fehler=fehler)
            )
            widget.setWordWrap(True)
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.setAccessibleName(widget.text())
        return widget

    def aktivieren(self) -> None:
        if self._begonnen:  # before the window's first picture the text comes with the summaries (lade_nach)
            self._zeige_stand()

    def _zeige_stand(self) -> None:
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


def _fokusfolge(widget: QWidget) -> list[QWidget]:
    """The widget and those inside it that Tab can reach, in their Tab order among themselves."""
    folge = [widget] if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else []
    naechstes = widget.nextInFocusChain()
    while naechstes is not None and naechstes is not widget and widget.isAncestorOf(naechstes):
        if naechstes.focusPolicy() != Qt.FocusPolicy.NoFocus:
            folge.append(naechstes)
        naechstes = naechstes.nextInFocusChain()
    return folge
