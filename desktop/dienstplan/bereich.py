"""The Dienstplan area: month grid (days × shifts), per-assistant view with timesheet, Hinweise, undo.

Everything is done by keyboard: the grid keeps the focus, the keys act on the current cell (see `TASTEN`), and
every change goes through core.dienstplan.dienst and onto a QUndoStack (undo = the service's inverse change).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import mit_vertretung
from core.dienstplan.dienst import Aenderung, Monatsplan
from core.dienstplan.kopieren import eingefuegt
from core.dienstplan.raster import Zelleneintrag
from core.dienstplan.schicht import Schicht
from core.dienstplan.tage import monatsname
from core.fehler import AssistenzbueroFehler
from desktop import meldungen
from desktop.dialoge import modal
from desktop.dienstplan import texte
from desktop.dienstplan.abwesenheit_dialog import AbwesenheitDialog
from desktop.dienstplan.auswahl import waehle
from desktop.dienstplan.befehle import ausfuehren
from desktop.dienstplan.istzeit_dialog import IstzeitDialog
from desktop.dienstplan.modelle import (
    SPALTE_ROLLE,
    TAG_ROLLE,
    Art,
    HinweisModell,
    Monatsdaten,
    MonatsModell,
    mit_allen_vorlagen,
)
from desktop.dienstplan.person import PersonAnsicht
from desktop.dienstplan.schicht_dialog import SchichtDialog
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Index

log = logging.getLogger(__name__)

TASTEN = (
    tr("Pfeiltasten: Tag und Schicht wählen"),
    tr("Einfg: neue Schicht an diesem Tag (in der Spalte der Vorlage)"),
    tr("Eingabe oder F2: Schicht bearbeiten; in „Bemerkungen“: Abwesenheit bearbeiten"),
    tr("Entf: Schicht löschen (Strg+Z holt sie zurück)"),
    tr("Strg+B: Assistenzkraft zuweisen (in einer leeren Zelle: besetzen); Strg+T: Schicht tauschen"),
    tr("Strg+I: tatsächliche Zeit erfassen"),
    tr("Strg+X, dann Strg+V: Schicht verschieben; Strg+C, dann Strg+V: kopieren; in der Spalte „Tag“: ganzer Tag"),
    tr("Strg+Z / Strg+Y: rückgängig / wiederholen"),
    tr("Alt+Pfeil links/rechts oder Strg+Bild auf/ab: Monat wechseln; Strg+Pos1: heute"),
    tr("Strg+Umschalt+A: Abwesenheit eintragen"),
)


@dataclass(frozen=True)
class Zwischenablage:
    """Shifts cut or copied in the grid; `spalte` is the column they came from (a template or the whole day)."""

    schichten: tuple[Schicht, ...]
    ausschneiden: bool
    spalte: str | None
    ganzer_tag: bool


class Rasteransicht(QTableView):
    """The month grid: one cell is current; Tab leaves the grid (keyboard users must be able to get out)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("monatsraster")
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)  # follows the palette (high-contrast themes keep working)
        self.verticalHeader().hide()
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def currentChanged(self, aktuell: Index, vorher: Index) -> None:
        super().currentChanged(aktuell, vorher)
        if aktuell.isValid() and self.hasFocus():
            # some screen readers only read the cell's name: announce the full sentence of the new cell
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


class DienstplanBereich(QWidget):
    """The area shown under "Dienstplan" (Ctrl+3)."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        heute = date.today()
        self.jahr, self.monat = heute.year, heute.month
        self.plan: Monatsplan | None = None
        self.zwischenablage: Zwischenablage | None = None
        self.stapel = QUndoStack(self)
        self._leistungsarten: list[tuple[str, str]] | None = None
        self._geladen = False
        self._aufgeteilt = False

        spalte = QVBoxLayout(self)
        spalte.addLayout(self._baue_kopf())
        self.meldung = QLabel()
        self.meldung.setObjectName("meldung")
        self.meldung.setWordWrap(True)
        self.meldung.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.meldung.hide()
        spalte.addWidget(self.meldung)

        self.reiter = QTabWidget()
        self.reiter.setObjectName("reiter")
        self.reiter.setAccessibleName(tr("Ansichten des Dienstplans"))
        self.modell = MonatsModell(self)
        self.raster = Rasteransicht()
        self.raster.setModel(self.modell)
        self.raster.doubleClicked.connect(lambda _i: self.bearbeiten())
        self.raster.setAccessibleDescription("; ".join(TASTEN))
        # the Menu key (and the right mouse button) lists the cell's actions with their keys
        self.raster.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reiter.addTab(self.raster, tr("&Monatsplan"))
        self.person = PersonAnsicht(self)
        self.reiter.addTab(self.person, tr("Je Assistenz&kraft"))

        self.hinweis_modell = HinweisModell(self)
        self.hinweise = QTableView()
        self.hinweise.setObjectName("hinweise")
        self.hinweise.setModel(self.hinweis_modell)
        self.hinweise.setTabKeyNavigation(False)
        self.hinweise.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hinweise.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hinweise.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hinweise.setWordWrap(True)
        self.hinweise.verticalHeader().hide()
        self.hinweise.horizontalHeader().setStretchLastSection(False)
        self.hinweise.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.hinweise.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.hinweise.activated.connect(self.springe_zu_hinweis)
        self.hinweise.horizontalHeader().sectionResized.connect(lambda *_a: self.hinweise.resizeRowsToContents())
        self.hinweise.setAccessibleDescription(tr("Eingabe springt zum betroffenen Tag im Monatsplan"))
        self.hinweise_titel = QLabel(tr("Hi&nweise des Monats"))
        self.hinweise_titel.setBuddy(self.hinweise)
        unten = QWidget()
        unten_spalte = QVBoxLayout(unten)
        unten_spalte.setContentsMargins(0, 0, 0, 0)
        unten_spalte.addWidget(self.hinweise_titel)
        unten_spalte.addWidget(self.hinweise)

        teiler = self.teiler = QSplitter(Qt.Orientation.Vertical)
        teiler.setObjectName("teiler")
        teiler.addWidget(self.reiter)
        teiler.addWidget(unten)
        teiler.setStretchFactor(0, 3)
        teiler.setStretchFactor(1, 1)
        teiler.setChildrenCollapsible(False)
        spalte.addWidget(teiler, 1)

        self._baue_aktionen()
        self.setFocusProxy(self.raster)

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if not self._aufgeteilt and self.height() > 0:
            self._aufgeteilt = True  # the Hinweise get a third of the height at first; the user may drag the split
            gesamt = sum(self.teiler.sizes()) or self.height()
            self.teiler.setSizes([gesamt * 2 // 3, gesamt - gesamt * 2 // 3])

    # building ----------------------------------------------------------------------------------------------
    def _baue_kopf(self) -> QHBoxLayout:
        zeile = QHBoxLayout()
        self.zurueck = QPushButton(tr("◀ Vorheriger Monat"))
        self.zurueck.setObjectName("vorheriger_monat")
        self.zurueck.setAccessibleName(tr("Vorheriger Monat"))
        self.zurueck.setToolTip(tr("Vorheriger Monat (Alt+Pfeil links oder Strg+Bild auf)"))
        self.zurueck.clicked.connect(lambda: self.blaettern(-1))
        self.titel = QLabel()
        self.titel.setObjectName("monatstitel")
        schrift = self.titel.font()
        schrift.setBold(True)
        schrift.setPointSizeF(schrift.pointSizeF() * 1.25)  # relative to the user's font size, never fixed
        self.titel.setFont(schrift)
        self.vor = QPushButton(tr("Nächster Monat ▶"))
        self.vor.setObjectName("naechster_monat")
        self.vor.setAccessibleName(tr("Nächster Monat"))
        self.vor.setToolTip(tr("Nächster Monat (Alt+Pfeil rechts oder Strg+Bild ab)"))
        self.vor.clicked.connect(lambda: self.blaettern(1))
        self.heute_knopf = QPushButton(tr("Heute"))
        self.heute_knopf.setObjectName("heute")
        self.heute_knopf.setToolTip(tr("Zum heutigen Tag (Strg+Pos1)"))
        self.heute_knopf.clicked.connect(self.heute)
        zeile.addWidget(self.zurueck)
        zeile.addWidget(self.titel)
        zeile.addWidget(self.vor)
        zeile.addWidget(self.heute_knopf)
        zeile.addStretch(1)
        self.knopf_schicht = self._menueknopf(tr("&Schicht"), "menue_schicht")
        self.knopf_abwesenheit = self._menueknopf(tr("Ab&wesenheit"), "menue_abwesenheit")
        self.knopf_planung = self._menueknopf(tr("&Planung"), "menue_planung")
        self.knopf_export = self._menueknopf(tr("E&xport"), "menue_export")
        for knopf in (self.knopf_schicht, self.knopf_abwesenheit, self.knopf_planung, self.knopf_export):
            zeile.addWidget(knopf)
        return zeile

    def _menueknopf(self, text: str, name: str) -> QPushButton:
        knopf = QPushButton(text)
        knopf.setObjectName(name)
        menue = QMenu(knopf)
        menue.setObjectName(f"{name}_liste")
        knopf.setMenu(menue)
        return knopf

    def _aktion(
        self,
        menue: QMenu | None,
        text: str,
        slot: Any,
        tasten: tuple[str | QKeySequence.StandardKey, ...] = (),
        *,
        nur_im_raster: bool = False,
    ) -> QAction:
        aktion = QAction(text, self)
        folgen = [QKeySequence(t) for t in tasten]
        if folgen:
            aktion.setShortcuts(folgen)
        ziel: QWidget = self.raster if nur_im_raster else self
        # Area-wide keys (months, undo) work as soon as the area is shown, even while the focus is still in the
        # main window's navigation; Qt ignores them while the area is hidden behind another one.
        aktion.setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut if nur_im_raster else Qt.ShortcutContext.WindowShortcut
        )
        aktion.triggered.connect(lambda _an=False: slot())
        ziel.addAction(aktion)
        if menue is not None:
            menue.addAction(aktion)
        return aktion

    def _baue_aktionen(self) -> None:
        m = self.knopf_schicht.menu()
        self.a_neu = self._aktion(m, tr("&Neue Schicht …"), self.neue_schicht, ("Ins",), nur_im_raster=True)
        self.a_bearbeiten = self._aktion(
            m, tr("&Bearbeiten …"), self.bearbeiten, ("Return", "Enter", "F2"), nur_im_raster=True
        )
        self.a_zuweisen = self._aktion(
            m, tr("Assistenzkraft &zuweisen …"), self.zuweisen, ("Ctrl+B",), nur_im_raster=True
        )
        self.a_tauschen = self._aktion(m, tr("Schicht ta&uschen …"), self.tauschen, ("Ctrl+T",), nur_im_raster=True)
        self.a_ist = self._aktion(m, tr("&Tatsächliche Zeit erfassen …"), self.istzeit, ("Ctrl+I",), nur_im_raster=True)
        self.a_loeschen = self._aktion(m, tr("&Löschen"), self.loeschen, ("Del",), nur_im_raster=True)
        m.addSeparator()
        self.a_ausschneiden = self._aktion(
            m, tr("&Ausschneiden (zum Verschieben)"), lambda: self.merke(True), ("Ctrl+X",), nur_im_raster=True
        )
        self.a_kopieren = self._aktion(m, tr("&Kopieren"), lambda: self.merke(False), ("Ctrl+C",), nur_im_raster=True)
        self.a_einfuegen = self._aktion(m, tr("&Einfügen"), self.einfuegen, ("Ctrl+V",), nur_im_raster=True)
        m.addSeparator()
        self.a_rueckgaengig = self._aktion(m, tr("&Rückgängig"), self.stapel.undo, ("Ctrl+Z",))
        self.a_wiederholen = self._aktion(m, tr("&Wiederholen"), self.stapel.redo, ("Ctrl+Y", "Ctrl+Shift+Z"))
        self.stapel.canUndoChanged.connect(self.a_rueckgaengig.setEnabled)
        self.stapel.canRedoChanged.connect(self.a_wiederholen.setEnabled)
        self.stapel.undoTextChanged.connect(
            lambda t: self.a_rueckgaengig.setText(tr("&Rückgängig: {t}").format(t=t) if t else tr("&Rückgängig"))
        )
        self.stapel.redoTextChanged.connect(
            lambda t: self.a_wiederholen.setText(tr("&Wiederholen: {t}").format(t=t) if t else tr("&Wiederholen"))
        )
        self.a_rueckgaengig.setEnabled(False)
        self.a_wiederholen.setEnabled(False)
        m.addSeparator()
        self._aktion(m, tr("Tasten&hilfe"), self.zeige_tasten)

        m = self.knopf_abwesenheit.menu()
        self.a_abwesenheit = self._aktion(m, tr("Abwesenheit &eintragen …"), self.neue_abwesenheit, ("Ctrl+Shift+A",))
        self._aktion(m, tr("Abwesenheit &ändern …"), self.abwesenheit_aendern)
        self._aktion(m, tr("Abwesenheit &löschen"), self.abwesenheit_loeschen)

        m = self.knopf_planung.menu()
        self._aktion(m, tr("&Bedarf je Wochentag …"), self.bedarf)
        self._aktion(m, tr("Schicht&vorlagen …"), self.vorlagen)
        self._aktion(m, tr("&Muster anwenden …"), self.muster)
        self._aktion(m, tr("&Woche kopieren …"), lambda: self.kopieren_dialog(woche=True))
        self._aktion(m, tr("Mo&nat kopieren …"), lambda: self.kopieren_dialog(woche=False))

        m = self.knopf_export.menu()
        self._aktion(m, tr("&Dienstplan als PDF …"), lambda: self.exportieren("dienstplan", ".pdf"))
        self._aktion(m, tr("Dienstplan als &Excel …"), lambda: self.exportieren("dienstplan", ".xlsx"))
        self._aktion(m, tr("&Stundenzettel als PDF …"), lambda: self.exportieren("stundenzettel", ".pdf"))
        self._aktion(m, tr("Stundenzettel als E&xcel …"), lambda: self.exportieren("stundenzettel", ".xlsx"))

        self._aktion(None, tr("Vorheriger Monat"), lambda: self.blaettern(-1), ("Alt+Left", "Ctrl+PgUp"))
        self._aktion(None, tr("Nächster Monat"), lambda: self.blaettern(1), ("Alt+Right", "Ctrl+PgDown"))
        self._aktion(None, tr("Heute"), self.heute, ("Ctrl+Home",))

    # properties --------------------------------------------------------------------------------------------
    @property
    def db(self) -> Any:
        return self.kontext.datenbank

    def namen(self) -> dict[int, str]:
        return self.plan.namen if self.plan is not None else {}

    def personen(self) -> list[tuple[int, str]]:
        return [(p.id, p.name) for p in self.plan.personen] if self.plan is not None else []

    def leistungsarten(self) -> list[tuple[str, str]]:
        if self._leistungsarten is None:
            self._leistungsarten = [
                (la.kuerzel, f"{la.kuerzel} – {la.bezeichnung} ({la.kostentraeger})")
                for la in dienst.liste_leistungsarten(self.db)
                if la.aktiv
            ]
        return self._leistungsarten

    # loading -----------------------------------------------------------------------------------------------
    def aktivieren(self) -> None:
        """Called by the main window each time the area is shown."""
        self.lade()

    def lade(self, *, tag: date | None = None, schicht_id: int | None = None) -> None:
        """(Re)load the month from the service and keep (or set) the current cell."""
        alt = self.raster.currentIndex()
        alte_spalte = self.modell.data(alt, SPALTE_ROLLE) if alt.isValid() else None
        alte_art = self.modell.art(alt.column()) if alt.isValid() else None
        alter_tag = self.modell.data(alt, TAG_ROLLE) if alt.isValid() else None
        self.titel.setText(monatsname(self.jahr, self.monat))
        self.titel.setAccessibleName(tr("Angezeigter Monat: {m}").format(m=monatsname(self.jahr, self.monat)))
        self.raster.setAccessibleName(tr("Dienstplan {m}").format(m=monatsname(self.jahr, self.monat)))
        if self.db is None:
            self.plan = None
            self.modell.setze(None)
            self.hinweis_modell.setze([], {})
            self._zeige_meldung(tr("Keine Datenbank geöffnet: der Dienstplan kann nicht angezeigt werden."))
            self.person.setze_plan(None)
            return
        try:
            self.plan = dienst.monat_oeffnen(self.db, self.jahr, self.monat)
        except AssistenzbueroFehler as fehler:
            self.plan = None
            self.modell.setze(None)
            self.hinweis_modell.setze([], {})
            self._zeige_meldung(str(fehler))
            self.person.setze_plan(None)
            return
        self._zeige_meldung("")
        plan = self.plan
        raster = mit_allen_vorlagen(plan.raster, list(plan.vorlagen))
        self.modell.setze(Monatsdaten(raster, plan.hinweise, plan.namen, plan.abwesenheiten))
        self.hinweis_modell.setze(plan.hinweise, plan.namen)
        self.hinweise.resizeRowsToContents()
        self._passe_spalten_an()
        self.person.setze_plan(plan)
        self._geladen = True

        ziel = QModelIndex()
        if schicht_id is not None:
            ziel = self.modell.finde_schicht(schicht_id)
        if not ziel.isValid():
            reihe = self.modell.reihe_von(tag) if tag is not None else None
            if reihe is None and isinstance(alter_tag, date):
                reihe = self.modell.reihe_von(alter_tag)
                if reihe is None:
                    reihe = min(alter_tag.day, self.modell.rowCount()) - 1
            if reihe is None:
                heute = date.today()
                reihe = self.modell.reihe_von(heute) if (heute.year, heute.month) == (self.jahr, self.monat) else 0
            spalte = 0
            if alte_art is Art.SCHICHT and alte_spalte:
                spalte = self.modell.spalte_von(alte_spalte) or 0
            elif alte_art is not None:
                spalte = next((c for c in range(self.modell.columnCount()) if self.modell.art(c) is alte_art), 0)
            elif self.modell.columnCount() > 1:
                spalte = 1
            ziel = self.modell.index(reihe or 0, spalte)
        if ziel.isValid():
            self.raster.selectionModel().setCurrentIndex(ziel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.raster.scrollTo(ziel)

    def _passe_spalten_an(self) -> None:
        kopf = self.raster.horizontalHeader()
        zeichen = self.raster.fontMetrics().averageCharWidth()
        self.raster.resizeColumnsToContents()
        for c in range(self.modell.columnCount()):
            art = self.modell.art(c)
            breite = kopf.sectionSize(c)
            if art is Art.SCHICHT:
                kopf.resizeSection(c, max(min(breite, zeichen * 34), zeichen * 16))
            elif art in (Art.BEMERKUNG, Art.ABDECKUNG):
                kopf.resizeSection(c, max(min(breite, zeichen * 40), zeichen * 14))
        self.raster.resizeRowsToContents()

    def _zeige_meldung(self, text: str) -> None:
        self.meldung.setText(text)
        self.meldung.setVisible(bool(text))
        if text:
            self.meldung.setAccessibleName(text)

    def nach_aenderung(self, aenderung: Aenderung) -> None:
        """After a change (or its undo/redo): reload and put the cursor on the changed shift."""
        tage = sorted(aenderung.tage)
        if tage and not any((t.year, t.month) == (self.jahr, self.monat) for t in tage):
            self.jahr, self.monat = tage[0].year, tage[0].month
        ids = [s.id for s in (*aenderung.schichten_neu, *(n for _v, n in aenderung.schichten_geaendert)) if s.id]
        im_monat = [t for t in tage if (t.year, t.month) == (self.jahr, self.monat)]
        self.lade(tag=im_monat[0] if im_monat else None, schicht_id=ids[0] if ids else None)
        self.kontext.melde(aenderung.beschreibung)

    def _modal(self, dialog: QDialog) -> int:
        """Run a dialog (freed afterwards); then the keyboard focus is back where it was (normally the grid's cell)."""
        vorher = QApplication.focusWidget()
        try:
            return modal(dialog)
        finally:
            ziel = vorher if vorher is not None and self.isAncestorOf(vorher) and vorher.isVisible() else self.raster
            ziel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fehler(self, text: str) -> None:
        meldungen.fehler(self, tr("Nicht gespeichert"), text)

    def _tue(self, aktion: Any) -> Aenderung | None:
        """Run a service call as one undoable step; a refusal is shown as one German message, nothing changes."""
        try:
            return ausfuehren(self.stapel, self.db, aktion, self.nach_aenderung, self._fehler)
        except AssistenzbueroFehler as fehler:
            self._fehler(str(fehler))
            self.lade()
            return None

    # navigation --------------------------------------------------------------------------------------------
    def blaettern(self, schritte: int) -> None:
        monat = self.monat - 1 + schritte
        self.jahr, self.monat = self.jahr + monat // 12, monat % 12 + 1
        self.lade()
        self.kontext.melde(monatsname(self.jahr, self.monat))

    def zeige_monat(self, jahr: int, monat: int, tag: date | None = None) -> None:
        self.jahr, self.monat = jahr, monat
        self.lade(tag=tag)

    def heute(self) -> None:
        heute = date.today()
        self.zeige_monat(heute.year, heute.month, heute)
        self.reiter.setCurrentWidget(self.raster)
        self.raster.setFocus()

    def springe_zu_hinweis(self, index: QModelIndex) -> None:
        h = self.hinweis_modell.hinweis(index.row())
        if h is None:
            return
        ziel = QModelIndex()
        for sid in h.schicht_ids:
            ziel = self.modell.finde_schicht(sid)
            if ziel.isValid():
                break
        if not ziel.isValid() and h.tag is not None:
            reihe = self.modell.reihe_von(h.tag)
            if reihe is not None:
                spalte = next((c for c in range(self.modell.columnCount()) if self.modell.art(c) is Art.PRUEFUNG), 0)
                ziel = self.modell.index(reihe, spalte)
        if h.assistenzkraft_id is not None and not ziel.isValid():
            self.reiter.setCurrentWidget(self.person)
            self.person.waehle_person(h.assistenzkraft_id)
            return
        if ziel.isValid():
            self.reiter.setCurrentWidget(self.raster)
            self.raster.selectionModel().setCurrentIndex(ziel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.raster.scrollTo(ziel)
            self.raster.setFocus()

    def tastenkuerzel(self) -> list[str]:
        """For the main window's F1 help."""
        return list(TASTEN)

    def zeige_tasten(self) -> None:
        meldungen.hinweis(self, tr("Tasten im Dienstplan"), "\n".join(TASTEN))

    # the current cell --------------------------------------------------------------------------------------
    def _zelle(self) -> tuple[QModelIndex, date | None, Art | None, str | None]:
        index = self.raster.currentIndex()
        if not index.isValid():
            return index, None, None, None
        zeile = self.modell.zeile(index.row())
        sp = self.modell.spalte(index.column())
        return index, zeile.info.tag if zeile else None, self.modell.art(index.column()), sp.schluessel if sp else None

    def _waehle_schicht(self, eintraege: tuple[Zelleneintrag, ...], titel: str) -> Schicht | None:
        if not eintraege:
            return None
        return waehle(
            self,
            titel,
            tr("&Welche Schicht?"),
            [
                (
                    e.schicht,
                    f"{self.modell.name(e.schicht.assistenzkraft_id)}: {e.schicht.vorlage or tr('Schicht')} "
                    f"{texte.zeitspanne(e.schicht.beginn, e.schicht.ende)}",
                )
                for e in eintraege
            ],
        )

    def _schicht_der_zelle(self, titel: str) -> Schicht | None:
        index, _tag, _art, _sp = self._zelle()
        return self._waehle_schicht(self.modell.eintraege(index), titel)

    def _bereit(self) -> bool:
        if self.db is None or self.plan is None:
            self._fehler(tr("Keine Datenbank geöffnet."))
            return False
        if not self.plan.personen:
            self._fehler(
                tr("Es sind noch keine Assistenzkräfte angelegt. Bitte legen Sie sie im Bereich „Assistenzkräfte“ an.")
            )
            return False
        return True

    # actions on shifts -------------------------------------------------------------------------------------
    def neue_schicht(self) -> None:
        if not self._bereit():
            return
        _index, tag, art, schluessel = self._zelle()
        if art is Art.BEMERKUNG:
            self.neue_abwesenheit()
            return
        assert self.plan is not None
        dialog = SchichtDialog(
            self.personen(),
            self.plan.vorlagen,
            self.leistungsarten(),
            tag=tag,
            vorlage=schluessel if art is Art.SCHICHT else None,
            parent=self,
        )
        dialog.speichern = lambda: self._speichere_neu(dialog)
        self._modal(dialog)

    def _speichere_neu(self, dialog: SchichtDialog) -> None:
        schicht: Schicht = dialog.ergebnis
        ausfuehren(self.stapel, self.db, lambda: dienst.plane(self.db, schicht), self.nach_aenderung, self._fehler)

    def bearbeiten(self) -> None:
        if not self._bereit():
            return
        _index, _tag, art, _sp = self._zelle()
        if art is Art.BEMERKUNG:
            self.abwesenheit_aendern()
            return
        schicht = self._schicht_der_zelle(tr("Schicht bearbeiten"))
        if schicht is None:
            if art is Art.SCHICHT:
                self.neue_schicht()  # Enter on an empty slot plans it
            return
        assert self.plan is not None
        dialog = SchichtDialog(self.personen(), self.plan.vorlagen, self.leistungsarten(), schicht=schicht, parent=self)

        def speichern() -> None:
            neu: Schicht = dialog.ergebnis
            ausfuehren(self.stapel, self.db, lambda: dienst.aendere(self.db, neu), self.nach_aenderung, self._fehler)

        dialog.speichern = speichern
        self._modal(dialog)

    def zuweisen(self) -> None:
        if not self._bereit():
            return
        index, tag, art, schluessel = self._zelle()
        if not self.modell.eintraege(index) and art is Art.SCHICHT and tag is not None:
            self._besetzen(tag, schluessel)
            return
        schicht = self._schicht_der_zelle(tr("Assistenzkraft zuweisen"))
        if schicht is None or schicht.id is None:
            self.kontext.melde(tr("In dieser Zelle ist keine Schicht."))
            return
        frei = {p.id for p in dienst.vertretungsvorschlaege(self.db, schicht.id)}
        eintraege = [
            (pid, f"{name} ({tr('frei') if pid in frei else tr('eingeplant, abwesend oder nicht beschäftigt')})")
            for pid, name in self.personen()
            if pid != schicht.assistenzkraft_id
        ]
        person = waehle(
            self,
            tr("Assistenzkraft zuweisen"),
            tr("&Wer übernimmt die Schicht am {tag} ({zeit})?").format(
                tag=texte.datum(schicht.tag), zeit=texte.zeitspanne(schicht.beginn, schicht.ende)
            ),
            eintraege,
            vorauswahl=next((pid for pid, _n in eintraege if pid in frei), None),
        )
        if person is None:
            return
        sid = schicht.id
        abwesend = self._abwesenheit_am(schicht.assistenzkraft_id, schicht.tag)
        if abwesend or schicht.vertretung_fuer is not None:
            self._tue(lambda: dienst.vertrete(self.db, sid, person))
        else:
            self._tue(lambda: dienst.weise_zu(self.db, sid, person))

    def _besetzen(self, tag: date, schluessel: str | None) -> None:
        """An empty slot of a template: choose who works it, the shift is planned at the template's times."""
        assert self.plan is not None
        vorlage = next((v for v in self.plan.vorlagen if v.name == schluessel), None)
        if vorlage is None or vorlage.id is None:
            self.neue_schicht()
            return
        person = waehle(
            self,
            tr("Schicht besetzen"),
            tr("&Wer arbeitet {vorlage} am {tag}?").format(vorlage=vorlage.name, tag=texte.datum(tag)),
            self.personen(),
            vorauswahl=self.personen()[0][0] if self.personen() else None,
        )
        if person is not None:
            vid = vorlage.id
            self._tue(lambda: dienst.plane_vorlage(self.db, vid, tag, person))

    def tauschen(self) -> None:
        """Two assistants swap shifts (seed 004, 2.6.1): the current cell's shift and one of the week around it."""
        if not self._bereit():
            return
        assert self.plan is not None
        schicht = self._schicht_der_zelle(tr("Schicht tauschen"))
        if schicht is None or schicht.id is None:
            self.kontext.melde(tr("In dieser Zelle ist keine Schicht."))
            return
        kandidaten = sorted(
            (
                s
                for s in self.plan.schichten
                if s.id is not None
                and s.assistenzkraft_id != schicht.assistenzkraft_id
                and abs((s.tag - schicht.tag).days) <= 7
            ),
            key=lambda s: s.beginn_utc,
        )
        if not kandidaten:
            self.kontext.melde(tr("In dieser Woche hat niemand sonst eine Schicht zum Tauschen."))
            return
        andere = waehle(
            self,
            tr("Schicht tauschen"),
            tr("&Mit welcher Schicht tauscht {name}?").format(name=self.modell.name(schicht.assistenzkraft_id)),
            [
                (
                    s.id,
                    f"{texte.tag_mit_datum(s.tag)} {self.modell.name(s.assistenzkraft_id)}: "
                    f"{s.vorlage or tr('Schicht')} {texte.zeitspanne(s.beginn, s.ende)}",
                )
                for s in kandidaten
            ],
            vorauswahl=kandidaten[0].id,
        )
        if andere is not None:
            sid = schicht.id
            self._tue(lambda: dienst.tausche(self.db, sid, andere))

    def _abwesenheit_am(self, person: int, tag: date) -> bool:
        return self.plan is not None and any(
            a.assistenzkraft_id == person and a.umfasst(tag) for a in self.plan.abwesenheiten
        )

    def istzeit(self, schicht: Schicht | None = None) -> None:
        if not self._bereit():
            return
        schicht = schicht or self._schicht_der_zelle(tr("Tatsächliche Zeit erfassen"))
        if schicht is None or schicht.id is None:
            self.kontext.melde(tr("In dieser Zelle ist keine Schicht."))
            return
        dialog = IstzeitDialog(schicht, self.namen().get(schicht.assistenzkraft_id, ""), self)
        sid = schicht.id

        def speichern() -> None:
            neu: Schicht = dialog.ergebnis
            ausfuehren(
                self.stapel,
                self.db,
                lambda: dienst.erfasse_istzeit(self.db, sid, neu.ist),
                self.nach_aenderung,
                self._fehler,
            )

        dialog.speichern = speichern
        self._modal(dialog)

    def loeschen(self) -> None:
        if not self._bereit():
            return
        index, tag, art, _sp = self._zelle()
        if art is Art.BEMERKUNG:
            self.abwesenheit_loeschen()
            return
        eintraege = self.modell.eintraege(index)
        if not eintraege:
            self.kontext.melde(tr("In dieser Zelle ist keine Schicht."))
            return
        if art is Art.TAG and len(eintraege) > 1:
            if not meldungen.frage(
                self,
                tr("Ganzen Tag leeren"),
                tr("Alle {n} Schichten am {tag} löschen? Strg+Z holt sie zurück.").format(
                    n=len(eintraege), tag=texte.datum(tag) if tag else ""
                ),
                ja=tr("&Löschen"),
                nein=tr("&Behalten"),
                gefaehrlich=True,
            ):
                return
            ids = [e.schicht.id for e in eintraege if e.schicht.id is not None]
        else:
            schicht = self._waehle_schicht(eintraege, tr("Schicht löschen"))
            if schicht is None or schicht.id is None:
                return
            ids = [schicht.id]
        if self._tue(lambda: dienst.loesche(self.db, ids)) is not None:
            self.kontext.melde(tr("Gelöscht. Strg+Z macht es rückgängig."))

    # cut, copy, paste --------------------------------------------------------------------------------------
    def merke(self, ausschneiden: bool) -> None:
        index, _tag, art, schluessel = self._zelle()
        eintraege = self.modell.eintraege(index)
        if not eintraege:
            self.kontext.melde(tr("In dieser Zelle ist keine Schicht."))
            return
        if art is Art.TAG:
            schichten = tuple(e.schicht for e in eintraege)
        else:
            gewaehlt = self._waehle_schicht(eintraege, tr("Ausschneiden") if ausschneiden else tr("Kopieren"))
            if gewaehlt is None:
                return
            schichten = (gewaehlt,)
        self.zwischenablage = Zwischenablage(schichten, ausschneiden, schluessel, art is Art.TAG)
        was = tr("1 Schicht") if len(schichten) == 1 else tr("{n} Schichten").format(n=len(schichten))
        if ausschneiden:
            self.kontext.melde(tr("{was} zum Verschieben gemerkt: Zieltag wählen, dann Strg+V.").format(was=was))
        else:
            self.kontext.melde(tr("{was} kopiert: Zieltag wählen, dann Strg+V.").format(was=was))

    def einfuegen(self) -> None:
        if not self._bereit():
            return
        ablage = self.zwischenablage
        if ablage is None:
            self.kontext.melde(tr("Nichts zum Einfügen: erst mit Strg+C kopieren oder mit Strg+X ausschneiden."))
            return
        _index, tag, art, schluessel = self._zelle()
        if tag is None:
            return
        assert self.plan is not None
        vorlagen = {v.name: v for v in self.plan.vorlagen}
        ziel_vorlage = vorlagen.get(schluessel or "") if art is Art.SCHICHT and not ablage.ganzer_tag else None
        verschieben = ablage.ausschneiden
        anzahl = len(ablage.schichten)

        def einfuegen() -> Aenderung:  # inside the step: a refusal (e.g. a time the DST change skips) is shown
            if verschieben:
                geaendert = tuple(
                    (s, eingefuegt(s, tag, verschieben=True, vorlage=ziel_vorlage)) for s in ablage.schichten
                )
                text = tr("Schicht verschoben") if anzahl == 1 else tr("Tag verschoben")
                return dienst.anwenden(self.db, Aenderung(text, schichten_geaendert=geaendert))
            neue = tuple(eingefuegt(s, tag, verschieben=False, vorlage=ziel_vorlage) for s in ablage.schichten)
            text = tr("Schicht kopiert") if anzahl == 1 else tr("Tag kopiert")
            return dienst.anwenden(self.db, Aenderung(text, schichten_neu=neue))

        if self._tue(einfuegen) is not None and verschieben:
            self.zwischenablage = None  # a cut is pasted once

    # absences ----------------------------------------------------------------------------------------------
    def neue_abwesenheit(self, person: int | None = None, tag: date | None = None) -> None:
        if not self._bereit():
            return
        index, zellentag, _art, _sp = self._zelle()
        if person is None:
            eintraege = self.modell.eintraege(index)
            person = eintraege[0].schicht.assistenzkraft_id if len(eintraege) == 1 else None
        assert self.plan is not None
        dialog = AbwesenheitDialog(
            self.personen(),
            lambda person, von, bis: dienst.schichten_von(self.db, person, von, bis),
            person=person,
            tag=tag or zellentag,
            andere=self.plan.abwesenheiten,
            parent=self,
        )

        def speichern() -> None:
            eingabe = dialog.ergebnis
            abw = eingabe.abwesenheit
            vertretungen: dict[int, int] = {}
            if eingabe.vertretung is not None:
                for s in dienst.schichten_von(self.db, abw.assistenzkraft_id, abw.von, abw.bis):
                    if s.id is not None:
                        vertretungen[s.id] = eingabe.vertretung
            ausfuehren(
                self.stapel,
                self.db,
                lambda: dienst.trage_abwesenheit_ein(self.db, abw, vertretungen),
                self.nach_aenderung,
                self._fehler,
            )

        dialog.speichern = speichern
        self._modal(dialog)

    def _abwesenheit_waehlen(self, titel: str) -> Any:
        if self.reiter.currentWidget() is self.person:
            gewaehlt = self.person.aktuelle_abwesenheit()
            if gewaehlt is not None:
                return gewaehlt
        _index, tag, _art, _sp = self._zelle()
        if self.plan is None or tag is None:
            return None
        am_tag = [a for a in self.plan.abwesenheiten if a.umfasst(tag)]
        if not am_tag:
            self.kontext.melde(tr("An diesem Tag ist niemand abwesend."))
            return None
        return waehle(
            self,
            titel,
            tr("&Welche Abwesenheit?"),
            [
                (
                    a,
                    f"{self.modell.name(a.assistenzkraft_id)}: {a.art.bezeichnung} "
                    f"{texte.datum(a.von)}–{texte.datum(a.bis)}",
                )
                for a in am_tag
            ],
        )

    def abwesenheit_aendern(self, abwesenheit: Any = None) -> None:
        if not self._bereit():
            return
        abw = abwesenheit or self._abwesenheit_waehlen(tr("Abwesenheit ändern"))
        if abw is None:
            return
        assert self.plan is not None
        dialog = AbwesenheitDialog(
            self.personen(),
            lambda person, von, bis: dienst.schichten_von(self.db, person, von, bis),
            abwesenheit=abw,
            andere=self.plan.abwesenheiten,
            parent=self,
        )

        def speichern() -> None:
            """The changed absence and the new covers in one all-or-nothing step (one undo)."""
            eingabe = dialog.ergebnis
            neu = eingabe.abwesenheit
            vertretungen: tuple[tuple[Schicht, Schicht], ...] = ()
            if eingabe.vertretung is not None:
                eigene = dienst.schichten_von(self.db, neu.assistenzkraft_id, neu.von, neu.bis)
                vertretungen = tuple((s, mit_vertretung(s, eingabe.vertretung)) for s in eigene)
            aenderung = Aenderung(
                tr("Abwesenheit geändert"), schichten_geaendert=vertretungen, abwesenheiten_geaendert=((abw, neu),)
            )
            ausfuehren(
                self.stapel, self.db, lambda: dienst.anwenden(self.db, aenderung), self.nach_aenderung, self._fehler
            )

        dialog.speichern = speichern
        self._modal(dialog)

    def abwesenheit_loeschen(self, abwesenheit: Any = None) -> None:
        if not self._bereit():
            return
        abw = abwesenheit or self._abwesenheit_waehlen(tr("Abwesenheit löschen"))
        if abw is None or abw.id is None:
            return
        aid = abw.id
        if self._tue(lambda: dienst.loesche_abwesenheit(self.db, aid)) is not None:
            self.kontext.melde(tr("Abwesenheit gelöscht. Strg+Z macht es rückgängig."))

    # planning dialogs --------------------------------------------------------------------------------------
    def bedarf(self) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.bedarf_dialog import BedarfDialog

        assert self.plan is not None
        dialog = BedarfDialog(self.plan.bedarf, self.leistungsarten(), self, gueltig_ab=date(self.jahr, self.monat, 1))

        def speichern() -> None:
            dienst.speichere_bedarfsprofil(self.db, dialog.ergebnis, dialog.gueltig_ab_wert())

        dialog.speichern = speichern
        if self._modal(dialog):
            self.lade()
            self.kontext.melde(tr("Bedarf gespeichert"))

    def vorlagen(self) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.vorlagen_dialog import VorlagenDialog

        dialog = VorlagenDialog(self.db, self.leistungsarten(), self)
        self._modal(dialog)
        self.lade()

    def muster(self) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.muster_dialog import MusterDialog

        dialog = MusterDialog(self.db, self.personen(), date(self.jahr, self.monat, 1), self)
        dialog.anwenden = lambda aktion: self._tue(aktion)
        self._modal(dialog)

    def kopieren_dialog(self, *, woche: bool) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.kopieren_dialog import KopierenDialog

        _index, tag, _art, _sp = self._zelle()
        dialog = KopierenDialog(
            self.db, self.namen(), woche=woche, tag=tag or date(self.jahr, self.monat, 1), parent=self
        )
        dialog.anwenden = lambda aktion: self._tue(aktion)
        self._modal(dialog)

    def exportieren(self, art: str, endung: str) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.export import exportiere

        gewaehlt = self.person.aktuelle_person()
        person = next((p for p in self.plan.personen if p.id == gewaehlt), None) if self.plan is not None else None
        exportiere(self, self.db, art, endung, self.jahr, self.monat, person)
