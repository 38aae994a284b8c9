"""Per-assistant view of the month: her shifts with planned and actual times (Stundenzettel), absences, leave."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit
from core.dienstplan.dienst import Monatsplan
from core.dienstplan.schicht import Schicht, schichtstunden
from core.dienstplan.tage import monatsname
from core.domain.zahlen import anzahl
from core.fehler import AssistenzbueroFehler
from desktop.dienstplan.eingaben import Eingabedialog
from desktop.dienstplan.modelle import AbwesenheitsModell, SchichtlisteModell, Schichtzeile
from desktop.dienstplan.wortkopf import Wortliste
from desktop.formular import dezimal_als_text
from desktop.i18n import tr
from desktop.tabellen import PassendeTabelle

if TYPE_CHECKING:
    from desktop.dienstplan.bereich import DienstplanBereich


def _tabelle(name: str, titel: str) -> PassendeTabelle:
    t = Wortliste()  # columns sized to their contents, narrowed to the table's width (set in `zeige`)
    t.setObjectName(name)
    t.setAccessibleName(titel)
    t.setTabKeyNavigation(False)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setWordWrap(True)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    return t


def stunden_text(schicht: Schicht) -> str:
    """The core's real hours of the shift (actual times if recorded), e.g. "7,00" or "10,00 (davon Arbeit II 8,00)"."""
    h = schichtstunden(schicht.bezahlt())
    text = dezimal_als_text(h.gesamt_h, 2)
    if h.bereitschaft:
        text += tr(" (davon Arbeit II {h})").format(h=dezimal_als_text(h.bereitschaft_h, 2))
    return text


class PersonAnsicht(QWidget):
    """Choose an assistant; see and edit her month (Enter on a shift: actual times; on an absence: change it)."""

    def __init__(self, bereich: DienstplanBereich) -> None:
        super().__init__()
        self.bereich = bereich
        self.heute: Callable[[], date] = date.today  # a fixed day in tests
        self.setObjectName("je_assistenzkraft")
        self.plan: Monatsplan | None = None
        self._zusammenfassung_offen: tuple[Monatsplan, int] | None = None  # computed once the view is shown
        spalte = QVBoxLayout(self)

        kopf = QFormLayout()
        self.auswahl = QComboBox()
        self.auswahl.setObjectName("person")
        self.auswahl.setAccessibleName(tr("Assistenzkraft"))
        beschriftung = QLabel(tr("&Assistenzkraft:"))
        beschriftung.setBuddy(self.auswahl)
        kopf.addRow(beschriftung, self.auswahl)
        spalte.addLayout(kopf)
        self.auswahl.currentIndexChanged.connect(lambda _i: self.zeige())

        self.zusammenfassung = QLabel()
        self.zusammenfassung.setObjectName("zusammenfassung")
        self.zusammenfassung.setWordWrap(True)
        self.zusammenfassung.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # reachable by Tab for screen readers (after the flags: setting them resets the policy to ClickFocus)
        self.zusammenfassung.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spalte.addWidget(self.zusammenfassung)

        self.schicht_modell = SchichtlisteModell(self)
        self.schichten = _tabelle("schichten_der_person", tr("Schichten und tatsächliche Zeiten"))
        self.schichten.setModel(self.schicht_modell)
        self.schichten.setAccessibleDescription(tr("Eingabe: tatsächliche Zeit erfassen (Stundenzettel)"))
        titel = self.schichten_titel = QLabel(tr("S&chichten und tatsächliche Zeiten (Stundenzettel):"))
        titel.setBuddy(self.schichten)
        spalte.addWidget(titel)
        spalte.addWidget(self.schichten, 3)
        knoepfe = QHBoxLayout()
        self.ist_knopf = QPushButton(tr("Tatsächliche &Zeit erfassen …"))
        self.ist_knopf.setObjectName("ist_erfassen")
        self.ist_knopf.clicked.connect(self.istzeit)
        knoepfe.addWidget(self.ist_knopf)
        self.uebertrag_knopf = QPushButton(tr("Urlaubs&übertrag …"))
        self.uebertrag_knopf.setObjectName("urlaubsuebertrag")
        self.uebertrag_knopf.setToolTip(tr("Resturlaub aus dem Vorjahr, der in dieses Jahr übertragen wurde"))
        self.uebertrag_knopf.clicked.connect(self.urlaubsuebertrag)
        knoepfe.addWidget(self.uebertrag_knopf)
        knoepfe.addStretch(1)
        spalte.addLayout(knoepfe)
        self._taste(self.schichten, ("Return", "Enter", "F2", "Ctrl+I"), self.istzeit)
        self.schichten.doubleClicked.connect(lambda _i: self.istzeit())

        self.abw_modell = AbwesenheitsModell(self)
        self.abwesenheiten = _tabelle("abwesenheiten_der_person", tr("Abwesenheiten im Monat"))
        self.abwesenheiten.setModel(self.abw_modell)
        self.abwesenheiten.setAccessibleDescription(
            tr("Eingabe: ändern; Entf: löschen; Einfg: neue Abwesenheit dieser Assistenzkraft")
        )
        titel = self.abwesenheiten_titel = QLabel(tr("Abwesenheiten im Mona&t:"))
        titel.setBuddy(self.abwesenheiten)
        spalte.addWidget(titel)
        spalte.addWidget(self.abwesenheiten, 1)
        self._taste(self.abwesenheiten, ("Return", "Enter", "F2"), self._abw_aendern)
        self._taste(self.abwesenheiten, ("Del",), self._abw_loeschen)
        self._taste(self.abwesenheiten, ("Ins",), self._abw_neu)
        self.abwesenheiten.doubleClicked.connect(lambda _i: self._abw_aendern())

    @staticmethod
    def _taste(tabelle: QTableView, tasten: tuple[str, ...], slot: Any) -> None:
        aktion = QAction(tabelle)
        aktion.setShortcuts([QKeySequence(t) for t in tasten])
        aktion.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        aktion.triggered.connect(lambda _an=False: slot())
        tabelle.addAction(aktion)

    # data ----------------------------------------------------------------------------------------------------
    def setze_plan(self, plan: Monatsplan | None) -> None:
        self.plan = plan
        alt = self.aktuelle_person()
        self.auswahl.blockSignals(True)
        self.auswahl.clear()
        if plan is not None:
            for p in plan.personen:
                self.auswahl.addItem(p.name, p.id)
        if alt is not None and self.auswahl.findData(alt) >= 0:
            self.auswahl.setCurrentIndex(self.auswahl.findData(alt))
        self.auswahl.blockSignals(False)
        self.zeige()

    def aktuelle_person(self) -> int | None:
        wert = self.auswahl.currentData()
        return int(wert) if wert is not None else None

    def waehle_person(self, person: int) -> None:
        i = self.auswahl.findData(person)
        if i >= 0:
            self.auswahl.setCurrentIndex(i)
        self.schichten.setFocus()

    def aktuelle_abwesenheit(self) -> Abwesenheit | None:
        if not self.abwesenheiten.hasFocus():
            return None
        return self.abw_modell.abwesenheit(self.abwesenheiten.currentIndex().row())

    def zeige(self) -> None:
        plan, person = self.plan, self.aktuelle_person()
        if plan is None or person is None:
            self.schicht_modell.setze([], {})
            self.abw_modell.setze([])
            self._zusammenfassung_offen = None
            text = tr("Keine Assistenzkraft angelegt.") if plan is not None else tr("Kein Monat geladen.")
            self.zusammenfassung.setText(text)
            self.zusammenfassung.setAccessibleName(text)
            return
        eigene = [s for s in plan.schichten if s.assistenzkraft_id == person]
        heute = self.heute()

        def zeile(s: Schicht) -> Schichtzeile:
            if s.tag > heute and s.ist is None:  # not worked yet: its hours are planned ones
                return Schichtzeile(s, tr("{h} geplant").format(h=stunden_text(s)), zukunft=True)
            return Schichtzeile(s, stunden_text(s))

        self.schicht_modell.setze([zeile(s) for s in sorted(eigene, key=lambda s: s.beginn_utc)], plan.namen)
        self.abw_modell.setze([a for a in plan.abwesenheiten if a.assistenzkraft_id == person])
        self.schichten.resizeColumnsToContents()
        self.abwesenheiten.resizeColumnsToContents()
        self._zeige_anzahl()
        # Her month's hours and leave need the time sheet and the leave account (a third of the time of loading
        # the month): computed only while this view is on screen, else when it is shown (the Dienstplan reloads
        # the month after every change, mostly while the grid is shown)
        self._zusammenfassung_offen = (plan, person)
        if self.isVisible():
            self._zeige_zusammenfassung_jetzt()
        else:  # what the label says until then (never on screen: replaced as the view is shown)
            text = tr("{monat}: Stunden und Urlaub werden berechnet, sobald diese Ansicht gezeigt wird.").format(
                monat=monatsname(plan.jahr, plan.monat)
            )
            self.zusammenfassung.setText(text)
            self.zusammenfassung.setAccessibleName(text)

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        self._zeige_zusammenfassung_jetzt()

    def _zeige_zusammenfassung_jetzt(self) -> None:
        if self._zusammenfassung_offen is not None:
            plan, person = self._zusammenfassung_offen
            self._zusammenfassung_offen = None
            self._zeige_zusammenfassung(plan, person)

    def _zeige_anzahl(self) -> None:
        """An empty table says so in words (its title and its accessible name)."""
        n, a = self.schicht_modell.rowCount(), self.abw_modell.rowCount()
        schichten = tr("keine") if n == 0 else anzahl(n, tr("Schicht"), tr("Schichten"))
        abwesend = tr("keine") if a == 0 else str(a)
        self.schichten_titel.setText(tr("S&chichten und tatsächliche Zeiten (Stundenzettel): {n}").format(n=schichten))
        self.abwesenheiten_titel.setText(tr("Abwesenheiten im Mona&t: {n}").format(n=abwesend))
        self.schichten.setAccessibleName(tr("Schichten und tatsächliche Zeiten: {n}").format(n=schichten))
        self.abwesenheiten.setAccessibleName(tr("Abwesenheiten im Monat: {n}").format(n=abwesend))

    def _zeige_zusammenfassung(self, plan: Monatsplan, person: int) -> None:
        db = self.bereich.db
        zeilen = []
        heute = self.heute()
        try:
            (zettel,) = dienst.stundenzettel_fuer(db, plan.jahr, plan.monat, person, heute=heute)
            werte = {
                "monat": monatsname(plan.jahr, plan.monat),
                "stand": f"{heute:%d.%m.%Y}",
                "plan": dezimal_als_text(zettel.summe_plan, 2),
                "ist": dezimal_als_text(zettel.summe_ist, 2),
                "ii": dezimal_als_text(zettel.summe_bereitschaft, 2),
                "bezahlt": dezimal_als_text(zettel.summe_bezahlt, 2),
                "prozent": dezimal_als_text(zettel.bereitschaft_prozent),
                "offen": dezimal_als_text(zettel.noch_geplant, 2),
            }
            if zettel.vorlaeufig:  # the month runs: what lies after today is planned, not worked
                text = tr(
                    "{monat}, Stand {stand}: gearbeitet bis heute {ist} Stunden (davon Arbeit II {ii}), bezahlte "
                    "Stunden bis heute {bezahlt} (Arbeit II zu {prozent} %); noch geplant {offen} Stunden; im "
                    "ganzen Monat geplant {plan} Stunden."
                )
            else:
                text = tr(
                    "{monat}: geplant {plan} Stunden, gearbeitet {ist} Stunden (davon Arbeit II {ii}), "
                    "bezahlte Stunden {bezahlt} (Arbeit II zu {prozent} %)."
                )
            zeilen.append(text.format(**werte))
            if zettel.je_leistungsart:
                teile = [
                    tr("{art}: gearbeitet {ist}, noch geplant {offen}").format(
                        art=a.bezeichnung,
                        ist=dezimal_als_text(a.gearbeitet, 2),
                        offen=dezimal_als_text(a.geplant, 2),
                    )
                    if zettel.vorlaeufig
                    else tr("{art}: {ist}").format(art=a.bezeichnung, ist=dezimal_als_text(a.gearbeitet, 2))
                    for a in zettel.je_leistungsart
                ]
                zeilen.append(tr("Stunden nach Leistungsart: {teile}.").format(teile="; ".join(teile)))
        except (AssistenzbueroFehler, ValueError) as fehler:
            zeilen.append(tr("Stunden: {fehler}").format(fehler=fehler))
        try:
            from core.abrechnung.erfassung import urlaubsuebersicht  # with leave taken before the Abrechnungsbeginn

            u = urlaubsuebersicht(db, person, plan.jahr, heute)
            k = u.konto
            zeilen.append(
                tr(
                    "Urlaub {jahr}: Anspruch {anspruch}{uebertrag}, genommen {genommen}, geplant {geplant}, "
                    "Rest {rest}."
                ).format(
                    jahr=k.jahr,
                    anspruch=anzahl(k.anspruch, tr("Tag"), tr("Tage")),
                    uebertrag=tr(" + Übertrag {u}").format(u=dezimal_als_text(k.uebertrag)) if k.uebertrag else "",
                    genommen=dezimal_als_text(k.genommen),
                    geplant=dezimal_als_text(k.geplant),
                    rest=anzahl(k.rest, tr("Tag"), tr("Tage")),
                )
            )
            zeilen.append(tr("Berechnung: {weg}").format(weg=u.anspruch.rechenweg))
            zeilen += [h.text for h in u.hinweise]
        except AssistenzbueroFehler as fehler:
            zeilen.append(tr("Urlaub: {fehler}").format(fehler=fehler))
        text = "\n".join(zeilen)
        self.zusammenfassung.setText(text)
        self.zusammenfassung.setAccessibleName(text)

    # actions -------------------------------------------------------------------------------------------------
    def _schicht(self) -> Schicht | None:
        index: QModelIndex = self.schichten.currentIndex()
        zeile = self.schicht_modell.zeile(index.row()) if index.isValid() else None
        return zeile.schicht if zeile is not None else None

    def istzeit(self) -> None:
        schicht = self._schicht()
        if schicht is None:
            self.bereich.kontext.melde(tr("Bitte zuerst eine Schicht in der Liste wählen."))
            return
        sid = schicht.id
        reihe = self.schichten.currentIndex().row()
        self.bereich.operationen.istzeit(schicht)
        neu = self.schicht_modell.reihe_von(sid) if sid is not None else None
        self.schichten.selectRow(neu if neu is not None else reihe)
        self.schichten.setFocus()

    def _abw(self) -> Abwesenheit | None:
        return self.abw_modell.abwesenheit(self.abwesenheiten.currentIndex().row())

    def _abw_aendern(self) -> None:
        a = self._abw()
        if a is not None:
            self.bereich.operationen.abwesenheit_aendern(a)
            self.abwesenheiten.setFocus()

    def _abw_loeschen(self) -> None:
        a = self._abw()
        if a is not None:
            self.bereich.operationen.abwesenheit_loeschen(a)
            self.abwesenheiten.setFocus()

    def _abw_neu(self) -> None:
        self.bereich.operationen.neue_abwesenheit(person=self.aktuelle_person())
        self.abwesenheiten.setFocus()

    def urlaubsuebertrag(self) -> None:
        """Enter the leave carried over into the shown year (§ 7 Abs. 3 BUrlG); the account is recomputed by core."""
        plan, person = self.plan, self.aktuelle_person()
        if plan is None or person is None:
            return
        name = next((p.name for p in plan.personen if p.id == person), "")
        try:
            bisher = dienst.urlaubsuebersicht(self.bereich.db, person, plan.jahr, date.today()).konto.uebertrag
        except AssistenzbueroFehler:
            bisher = None
        dialog = UebertragDialog(name, plan.jahr, bisher, self)
        db, jahr = self.bereich.db, plan.jahr
        dialog.speichern = lambda: dienst.setze_urlaubsuebertrag(db, person, jahr, dialog.ergebnis)
        if self.bereich.modal(dialog):
            self.zeige()


class UebertragDialog(Eingabedialog):
    """Leave days carried over from the previous year (the result is a Decimal ≥ 0, checked by the service)."""

    def __init__(self, name: str, jahr: int, bisher: Decimal | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Urlaubsübertrag {jahr}").format(jahr=jahr), parent)
        self.tage = self.formular.dezimal(
            "tage",
            tr("Übertrag von {name} aus {vorjahr} (&Tage)").format(name=name, vorjahr=jahr - 1),
            beschreibung=tr("Urlaubstage aus dem Vorjahr, die noch genommen werden dürfen"),
        )
        self.tage.setze(bisher)
        self.fertig_bauen()
        self.tage.eingabe.setFocus()

    def ergebnis_bauen(self) -> Decimal:
        wert: Decimal | None = self.tage.wert()
        return wert if wert is not None else Decimal(0)
