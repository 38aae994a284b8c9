"""The Dienstplan area: month grid (days × shifts), per-assistant view with timesheet, Hinweise.

A view: it shows the month and wires keys and menus to the operations in `desktop.dienstplan.operationen`, which
ask what they need, call core.dienstplan.dienst and put every change onto the undo history. Everything is done by
keyboard: the grid keeps the focus and the keys act on the current cell (see `TASTEN`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.dienstplan import dienst
from core.dienstplan.dienst import Aenderung, Monatsplan
from core.dienstplan.tage import monatsname
from core.fehler import AssistenzbueroFehler
from desktop import meldungen
from desktop.dialoge import modal
from desktop.dienstplan.modelle import (
    SPALTE_ROLLE,
    TAG_ROLLE,
    Art,
    HinweisModell,
    Monatsdaten,
    MonatsModell,
    mit_allen_vorlagen,
)
from desktop.dienstplan.operationen import Dienstplanoperationen
from desktop.dienstplan.person import PersonAnsicht
from desktop.dienstplan.wortkopf import Wortkopf, Wortliste
from desktop.fluss import Flusszeile
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Index, PassendeTabelle

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
class Zelle:
    """The grid's current cell: its index, day, kind of column and (for a shift column) the template's name."""

    index: QModelIndex
    tag: date | None
    art: Art | None
    schluessel: str | None


class Rasteransicht(PassendeTabelle):
    """The month grid: one cell is current; Tab leaves the grid (keyboard users must be able to get out).

    Its columns narrow to the width it has like every table's, but a month of shifts is a grid read in two
    directions: where even the narrowest columns do not fit (200 % on a small screen) it scrolls sideways inside
    itself rather than widening the page (WCAG 2.1, 1.4.10 Reflow, exempts content that needs a two-dimensional
    layout); the view "Je Assistenzkraft" shows the same shifts as a narrow list.
    """

    BREITE_HALTEN = False
    KOPFZEILE = Wortkopf  # no column narrower than a word of its cells: the grid scrolls sideways instead

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
        self.operationen = Dienstplanoperationen(self)
        self.raster.doubleClicked.connect(lambda _i: self.operationen.bearbeiten())
        self.raster.setAccessibleDescription("; ".join(TASTEN))
        # the Menu key (and the right mouse button) lists the cell's actions with their keys
        self.raster.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reiter.addTab(self.raster, tr("&Monatsplan"))
        self.person = PersonAnsicht(self)
        self.reiter.addTab(self.person, tr("Je Assistenz&kraft"))

        self.hinweis_modell = HinweisModell(self)
        self.hinweise = Wortliste()
        self.hinweise.setObjectName("hinweise")
        self.hinweise.setModel(self.hinweis_modell)
        self.hinweise.setTabKeyNavigation(False)
        self.hinweise.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hinweise.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hinweise.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hinweise.setWordWrap(True)
        self.hinweise.verticalHeader().hide()
        self.hinweise.horizontalHeader().setStretchLastSection(True)
        # columns as wide as their texts (long ones wrap), sharing the width the table has
        self.hinweis_modell.modelReset.connect(self.hinweise.resizeColumnsToContents)
        self.hinweise.activated.connect(self.springe_zu_hinweis)
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

    def startfeld(self) -> QWidget:
        """Where the cursor goes when the area is entered (F6, Ctrl+3): the grid's current cell.

        Not a focus proxy: Qt then sends Tab from anywhere before the page straight to the proxy, and every
        control above the grid (months, menus) fell out of the Tab order.
        """
        return self.raster

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if not self._aufgeteilt and self.height() > 0:
            self._aufgeteilt = True  # the Hinweise get a third of the height at first; the user may drag the split
            gesamt = sum(self.teiler.sizes()) or self.height()
            self.teiler.setSizes([gesamt * 2 // 3, gesamt - gesamt * 2 // 3])

    # building ----------------------------------------------------------------------------------------------
    def _baue_kopf(self) -> Flusszeile:
        zeile = Flusszeile()  # wraps at a large font instead of pushing Export beyond the window's edge
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
        # a push button's menu counts as a context menu, where Qt hides the keys unless told otherwise; the menus
        # show the same keys as the F1 help
        aktion.setShortcutVisibleInContextMenu(True)
        ziel.addAction(aktion)
        if menue is not None:
            menue.addAction(aktion)
        return aktion

    def _baue_aktionen(self) -> None:
        op = self.operationen
        m = self.knopf_schicht.menu()
        self.a_neu = self._aktion(m, tr("&Neue Schicht …"), op.neue_schicht, ("Ins",), nur_im_raster=True)
        self.a_bearbeiten = self._aktion(
            m, tr("&Bearbeiten …"), op.bearbeiten, ("F2", "Return", "Enter"), nur_im_raster=True
        )
        self.a_zuweisen = self._aktion(
            m, tr("Assistenzkraft &zuweisen …"), op.zuweisen, ("Ctrl+B",), nur_im_raster=True
        )
        self.a_tauschen = self._aktion(m, tr("Schicht ta&uschen …"), op.tauschen, ("Ctrl+T",), nur_im_raster=True)
        self.a_ist = self._aktion(m, tr("&Tatsächliche Zeit erfassen …"), op.istzeit, ("Ctrl+I",), nur_im_raster=True)
        self.a_loeschen = self._aktion(m, tr("&Löschen"), op.loeschen, ("Del",), nur_im_raster=True)
        m.addSeparator()
        self.a_ausschneiden = self._aktion(
            m, tr("&Ausschneiden (zum Verschieben)"), lambda: op.merke(True), ("Ctrl+X",), nur_im_raster=True
        )
        self.a_kopieren = self._aktion(m, tr("&Kopieren"), lambda: op.merke(False), ("Ctrl+C",), nur_im_raster=True)
        self.a_einfuegen = self._aktion(m, tr("&Einfügen"), op.einfuegen, ("Ctrl+V",), nur_im_raster=True)
        m.addSeparator()
        self.a_rueckgaengig, self.a_wiederholen = op.verlauf.aktionen(self)
        for aktion in (self.a_rueckgaengig, self.a_wiederholen):
            aktion.setShortcutVisibleInContextMenu(True)
            m.addAction(aktion)
        m.addSeparator()
        self._aktion(m, tr("Tasten&hilfe"), self.zeige_tasten)

        m = self.knopf_abwesenheit.menu()
        self.a_abwesenheit = self._aktion(m, tr("Abwesenheit &eintragen …"), op.neue_abwesenheit, ("Ctrl+Shift+A",))
        self._aktion(m, tr("Abwesenheit &ändern …"), op.abwesenheit_aendern)
        self._aktion(m, tr("Abwesenheit &löschen"), op.abwesenheit_loeschen)

        m = self.knopf_planung.menu()
        self._aktion(m, tr("&Bedarf je Wochentag …"), op.bedarf)
        self._aktion(m, tr("Schicht&vorlagen …"), op.vorlagen)
        self._aktion(m, tr("&Muster anwenden …"), op.muster)
        self._aktion(m, tr("&Woche kopieren …"), lambda: op.kopieren(woche=True))
        self._aktion(m, tr("Mo&nat kopieren …"), lambda: op.kopieren(woche=False))

        m = self.knopf_export.menu()
        self._aktion(m, tr("&Dienstplan als PDF …"), lambda: op.exportieren("dienstplan", ".pdf"))
        self._aktion(m, tr("Dienstplan als &Excel …"), lambda: op.exportieren("dienstplan", ".xlsx"))
        self._aktion(m, tr("&Stundenzettel als PDF …"), lambda: op.exportieren("stundenzettel", ".pdf"))
        self._aktion(m, tr("Stundenzettel als E&xcel …"), lambda: op.exportieren("stundenzettel", ".xlsx"))

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
        # a finalised payroll month: say (in words, above the grid) what a change here becomes
        self._zeige_meldung(self._abschluss_text())
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
                kopf.resizeSection(c, max(min(breite, zeichen * 28), zeichen * 14))  # longer texts wrap
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
        korrektur = self._abschluss_text(tage)
        self.kontext.melde(f"{aenderung.beschreibung}. {korrektur}" if korrektur else aenderung.beschreibung)

    def _abschluss_text(self, tage: Sequence[date] | None = None) -> str:
        """The payroll's sentence for a change in a finalised month ("" for an open one or without a data file)."""
        if self.db is None:
            return ""
        from core.abrechnung.lauf import korrektur_hinweis  # here: showing a plan needs no payroll at start

        return korrektur_hinweis(self.db, tage if tage is not None else [date(self.jahr, self.monat, 1)])

    def modal(self, dialog: QDialog) -> int:
        """Run a dialog (freed afterwards); then the keyboard focus is back where it was (normally the grid's cell)."""
        vorher = QApplication.focusWidget()
        try:
            return modal(dialog)
        finally:
            ziel = vorher if vorher is not None and self.isAncestorOf(vorher) and vorher.isVisible() else self.raster
            ziel.setFocus(Qt.FocusReason.OtherFocusReason)

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
    def zelle(self) -> Zelle:
        index = self.raster.currentIndex()
        if not index.isValid():
            return Zelle(index, None, None, None)
        zeile = self.modell.zeile(index.row())
        sp = self.modell.spalte(index.column())
        return Zelle(
            index, zeile.info.tag if zeile else None, self.modell.art(index.column()), sp.schluessel if sp else None
        )

    def zeigt_person(self) -> bool:
        return self.reiter.currentWidget() is self.person
