"""The Personalbogen (seed 004, 2.6.3) as a dialog with tabs (Alt+1…8): every field, children, other jobs, contracts.

Checks and saving: `core.stammdaten.assistenzkraefte` (`pruefe_assistenzkraft` while typing,
`speichere_assistenzkraft` on Speichern); contracts: `core.stammdaten.vertraege`.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from typing import Any, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.domain.kennungen import AUSBILDUNGSABSCHLUESSE, SCHULABSCHLUESSE, VERTRAGSFORMEN
from core.domain.staaten import staaten
from core.fehler import EingabeFehler
from core.stammdaten import assistenzkraefte as dienst
from core.stammdaten import krankenkassen
from desktop import meldungen
from desktop.bildschirm import passende_groesse, rollbar
from desktop.formular import Feld, Formular, bank_aus_iban, datum_als_text, dezimal_als_text, feld_in
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte
from desktop.unterliste import Unterliste

Daten = dienst.AssistenzkraftDaten
KEINE = tr("keine Angabe")


def _liste(codes: dict[str, str], leer: bool = True) -> list[tuple[Any, str]]:
    eintraege = [(k, v) for k, v in codes.items()]
    if leer and "" not in codes:
        eintraege.insert(0, ("", KEINE))
    return eintraege


def _kind_bauen(f: Formular) -> None:
    f.text("vorname", tr("&Vorname"))
    f.datum("geburtsdatum", tr("&Geburtsdatum"))
    f.auswahl("art", tr("&Art"), _liste(dienst.KIND_ARTEN, leer=False))
    f.datum("nachweis_am", tr("&Nachweis eingegangen am"))
    f.text("nachweis_art", tr("Art des Nach&weises (z. B. Geburtsurkunde)"))


def _job_bauen(f: Formular) -> None:
    f.text("arbeitgeber_name", tr("&Arbeitgeber"))
    f.auswahl("art", tr("A&rt der Beschäftigung"), _liste(dienst.BESCHAEFTIGUNGSARTEN, leer=False))
    f.datum("beginn", tr("&Beginn"))
    f.datum("ende", tr("&Ende"))
    f.dezimal("monatsentgelt", tr("&Monatsentgelt in Euro"), stellen=2)
    f.ganzzahl("arbeitstage_im_jahr", tr("Arbeits&tage im laufenden Jahr"), maximum=366)
    f.ja_nein("rv_befreit", tr("von der Rentenversicherungspflicht be&freit"))
    f.mehrzeilig("notiz", tr("&Notiz"))


def _bekannte(klasse: type, werte: dict[str, Any]) -> dict[str, Any]:
    bekannt = {f.name for f in fields(klasse)}
    return {k: v for k, v in werte.items() if k in bekannt}


def _unter_pruefen(liste: Literal["kinder", "weitere_beschaeftigungen"]) -> Any:
    """Check one child/job with the core rules (nested keys "kinder[0].feld" → "feld")."""

    def pruefen(werte: dict[str, Any]) -> dict[str, str]:
        if liste == "kinder":
            kind = dienst.KindDaten(**_bekannte(dienst.KindDaten, werte))
            probe = Daten(vorname="x", nachname="x", kinder=[kind])
        else:
            job = dienst.WeitereBeschaeftigungDaten(**_bekannte(dienst.WeitereBeschaeftigungDaten, werte))
            probe = Daten(vorname="x", nachname="x", weitere_beschaeftigungen=[job])
        vorsilbe = f"{liste}[0]."
        return {
            k.removeprefix(vorsilbe): v
            for k, v in dienst.pruefe_assistenzkraft(probe).items()
            if k.startswith(vorsilbe)
        }

    return pruefen


KIND_SPALTEN: list[Spalte[dienst.KindDaten]] = [
    Spalte(tr("Vorname"), lambda k: k.vorname),
    Spalte(tr("Geburtsdatum"), lambda k: datum_als_text(k.geburtsdatum)),
    Spalte(tr("Art"), lambda k: dienst.KIND_ARTEN.get(k.art, k.art)),
    Spalte(tr("Nachweis am"), lambda k: datum_als_text(k.nachweis_am)),
]
JOB_SPALTEN: list[Spalte[dienst.WeitereBeschaeftigungDaten]] = [
    Spalte(tr("Arbeitgeber"), lambda j: j.arbeitgeber_name),
    Spalte(tr("Art"), lambda j: dienst.BESCHAEFTIGUNGSARTEN.get(j.art, j.art)),
    Spalte(tr("Beginn"), lambda j: datum_als_text(j.beginn)),
    Spalte(tr("Ende"), lambda j: datum_als_text(j.ende)),
    Spalte(tr("Monatsentgelt"), lambda j: dezimal_als_text(j.monatsentgelt, 2), rechtsbuendig=True),
]


class _Seite(QWidget):
    """A tab's page that holds more than one form (a form and the list below it)."""

    def __init__(self) -> None:
        super().__init__()
        self.spalte = QVBoxLayout(self)


class Personalbogen(QDialog):
    """One assistant or applicant. Speichern (Ctrl+S) keeps the dialog open; the contracts tab needs a saved record."""

    def __init__(self, kontext: Kontext, assistenzkraft_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.id = assistenzkraft_id
        self.gespeichert = False
        self.formulare: dict[str, Formular] = {}
        self.reiter = QTabWidget()
        self.reiter.setAccessibleName(tr("Abschnitte des Personalbogens"))
        self.hinweise = QLabel()
        self.hinweise.setWordWrap(True)
        self.hinweise.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.hinweise.hide()

        person = self._formular("person", tr("&1 Person"))
        person.text("vorname", tr("&Vorname"), beschreibung=tr("Pflichtangabe"))
        person.text("nachname", tr("&Nachname"), beschreibung=tr("Pflichtangabe"))
        person.text("geburtsname", tr("&Geburtsname"))
        person.auswahl("geschlecht", tr("Geschl&echt"), _liste(dienst.GESCHLECHTER))
        person.datum("geburtsdatum", tr("Geburts&datum"))
        person.text("geburtsort", tr("Geburts&ort"))
        person.auswahl(
            "staatsangehoerigkeit", tr("Staats&angehörigkeit"), sorted(staaten().items(), key=lambda x: x[1])
        )
        person.auswahl("status", tr("Stat&us"), _liste(dienst.STATUS, leer=False))
        person.text(
            "personalnummer",
            tr("&Personalnummer"),
            max_laenge=40,
            beschreibung=tr("leer lassen: die nächste freie Nummer wird beim Speichern vergeben"),
        )

        kontakt = self._formular("kontakt", tr("&2 Kontakt"))
        kontakt.text("strasse", tr("S&traße und Hausnummer"))
        kontakt.text("plz", tr("&PLZ"), max_laenge=5)
        kontakt.text("ort", tr("&Ort"))
        kontakt.text("telefon", tr("Tele&fon"))
        kontakt.text("telefax", tr("Telefa&x"))
        kontakt.text("email", tr("&E-Mail"))

        sv = self._formular("sv", tr("&3 Sozialversicherung"))
        sv.text(
            "versicherungsnummer",
            tr("&Versicherungsnummer"),
            max_laenge=16,
            beschreibung=tr("Rentenversicherungsnummer, 12 Zeichen, z. B. 65 170839 J 003"),
        )
        kassen = [(None, KEINE)] + [(k.id, k.name) for k in krankenkassen.liste_krankenkassen(kontext.datenbank)]
        sv.auswahl("krankenkasse_id", tr("&Krankenkasse"), kassen)
        sv.ja_nein("privat_versichert", tr("&privat krankenversichert"))
        sv.text("private_versicherung", tr("private Krankenversicherung (&Name)"))
        sv.text("erlernter_beruf", tr("e&rlernter Beruf"))
        sv.text("taetigkeit_kldb", tr("&Tätigkeit (KldB 2010, 5 Ziffern)"), max_laenge=5, platzhalter="83132")
        sv.auswahl("schulabschluss", tr("Sch&ulabschluss"), _liste(SCHULABSCHLUESSE))
        sv.auswahl("ausbildungsabschluss", tr("&Ausbildungsabschluss"), _liste(AUSBILDUNGSABSCHLUESSE))
        sv.ja_nein("arbeitnehmerueberlassung", tr("Arbeitnehmer&überlassung (Zeitarbeit)"))
        sv.auswahl("vertragsform", tr("Vertrags&form"), _liste(VERTRAGSFORMEN))
        sv.ja_nein("student", tr("Stu&dentin/Student (ordentlich immatrikuliert)"))
        sv.datum("immatrikuliert_bis", tr("immatrikuliert &bis"))
        sv.text("hochschule", tr("&Hochschule"))
        sv.datum("rv_befreiung_antrag_am", tr("Antrag auf RV-Befreiung eingegangen a&m"))

        steuer = self._formular("steuer", tr("&4 Steuer"))
        steuer.text("finanzamt", tr("&Finanzamt"))
        steuer.text(
            "steuer_id",
            tr("Steuer-I&D"),
            max_laenge=14,
            beschreibung=tr("Steuerliche Identifikationsnummer, 11 Ziffern"),
        )
        steuer.auswahl(
            "steuerklasse", tr("Steuer&klasse"), [(None, KEINE), *((k, str(k)) for k in dienst.STEUERKLASSEN)]
        )
        steuer.dezimal(
            "kinderfreibetraege", tr("&Zahl der Kinderfreibeträge"), beschreibung=tr("in halben Schritten, z. B. 0,5")
        )
        steuer.auswahl("konfession", tr("&Religion (Kirchensteuermerkmal)"), _liste(dienst.KONFESSIONEN))
        steuer.dezimal("freibetrag_jahr", tr("Freibetrag &Jahr in Euro"), stellen=2)
        steuer.dezimal("freibetrag_monat", tr("Freibetrag &Monat in Euro"), stellen=2)

        kinder_seite = _Seite()
        kinder = self._formular("kinder", tr("&5 Kinder"), seite=kinder_seite)
        kinder.ja_nein("hat_kinder", tr("&hat Kinder (Elterneigenschaft)"))
        kinder.datum("elterneigenschaft_nachweis_am", tr("Elterneigenschaft nachgewiesen a&m"))
        kinder.text("elterneigenschaft_nachweis_art", tr("Art des &Nachweises"))
        self.kinder = Unterliste(
            tr("Kinder"),
            KIND_SPALTEN,
            dienst.KindDaten,
            _kind_bauen,
            _unter_pruefen("kinder"),
            (tr("Kind hinzu&fügen …"), tr("Kind &bearbeiten …"), tr("Kind &löschen")),
        )
        kinder_seite.spalte.addWidget(self.kinder)

        bank = self._formular("bank", tr("&6 Bank und Ausweis"))
        bank.text("kontoinhaber", tr("&Kontoinhaber/in"))
        bank.text("bank", tr("&Bank"))
        bank.text("iban", tr("IB&AN"), max_laenge=42)
        bank.text("bic", tr("BI&C"), max_laenge=14)
        bank_aus_iban(bank.felder["iban"], bank.felder["bank"], bank.felder["bic"])
        bank.auswahl("arbeitserlaubnis_art", tr("Arbeits&erlaubnis"), _liste(dienst.ARBEITSERLAUBNIS_ARTEN))
        bank.datum("arbeitserlaubnis_bis", tr("Arbeitserlaubnis gilt bis (&Datum)"))
        bank.text("arbeitserlaubnis_beschraenkung", tr("Besch&ränkung der Arbeitserlaubnis"))
        bank.datum("personalausweis_geprueft_am", tr("&Personalausweis geprüft am"))
        bank.mehrzeilig("bildung", tr("Bildungsabschlüsse (&Zeugnisse)"))
        bank.mehrzeilig("notiz", tr("No&tiz"))

        jobs_seite = _Seite()
        self.jobs = Unterliste(
            tr("Weitere Beschäftigungen"),
            JOB_SPALTEN,
            dienst.WeitereBeschaeftigungDaten,
            _job_bauen,
            _unter_pruefen("weitere_beschaeftigungen"),
            (tr("Beschäftigung hinzu&fügen …"), tr("&Bearbeiten …"), tr("&Löschen")),
        )
        erklaerung = QLabel(
            tr("Andere Arbeitsverhältnisse zählen bei Minijobs, kurzfristiger Beschäftigung und Midijobs mit.")
        )
        erklaerung.setWordWrap(True)
        jobs_seite.spalte.addWidget(erklaerung)
        jobs_seite.spalte.addWidget(self.jobs)
        self.reiter.addTab(rollbar(jobs_seite), tr("&7 Weitere Beschäftigungen"))

        from desktop.vertraege import VertraegeSeite

        self.vertraege = VertraegeSeite(kontext)
        self.reiter.addTab(rollbar(self.vertraege), tr("&8 Verträge"))

        for formular in self.formulare.values():
            formular.live_pruefung = self._live

        self.knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        speichern = self.knoepfe.button(QDialogButtonBox.StandardButton.Save)
        speichern.setText(tr("&Speichern"))
        speichern.setShortcut(QKeySequence.StandardKey.Save)
        speichern.setAccessibleDescription(tr("Strg+S"))
        speichern.setAutoDefault(False)
        speichern.setDefault(False)
        schliessen = self.knoepfe.button(QDialogButtonBox.StandardButton.Close)
        schliessen.setText(tr("Schl&ießen"))
        schliessen.setAutoDefault(False)  # Enter in a field must not close the form
        speichern.clicked.connect(self.speichern)
        self.knoepfe.rejected.connect(self.reject)

        spalte = QVBoxLayout(self)
        spalte.addWidget(self.hinweise)
        spalte.addWidget(self.reiter, 1)
        spalte.addWidget(self.knoepfe)
        passende_groesse(self, 160, 40)  # the contract list's seven columns side by side at 100 %
        self._lade()
        self.feld("vorname").eingabe.setFocus(Qt.FocusReason.OtherFocusReason)

    # building -----------------------------------------------------------------------------------------------
    def _formular(self, name: str, titel: str, seite: _Seite | None = None) -> Formular:
        formular = Formular()
        formular.setObjectName(f"formular_{name}")
        self.formulare[name] = formular
        if seite is None:
            self.reiter.addTab(rollbar(formular), titel)
        else:
            seite.spalte.addWidget(formular)
            self.reiter.addTab(rollbar(seite), titel)
        return formular

    def feld(self, name: str) -> Feld:
        return feld_in(self.formulare.values(), name)

    # data ---------------------------------------------------------------------------------------------------
    def _lade(self) -> None:
        daten = Daten() if self.id is None else dienst.lade_assistenzkraft(self.kontext.datenbank, self.id)
        werte = {f.name: getattr(daten, f.name) for f in fields(daten)}
        for formular in self.formulare.values():
            formular.setze_werte(werte)
        self.kinder.setze(daten.kinder)
        self.jobs.setze(daten.weitere_beschaeftigungen)
        self.vertraege.setze_assistenzkraft(self.id)
        self._titel(daten)
        self._zeige_hinweise(daten)
        self._stand = self._momentaufnahme()

    def _titel(self, daten: Daten) -> None:
        titel = tr("Personalbogen: {name}").format(name=daten.name) if daten.name else tr("Neuer Personalbogen")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)

    def _zeige_hinweise(self, daten: Daten) -> None:
        hinweise = dienst.hinweise_assistenzkraft(daten, date.today())
        text = "\n".join(f"{h.schwere.name.capitalize()}: {h.text}" for h in hinweise)
        self.hinweise.setText(text)
        self.hinweise.setAccessibleName(text)
        self.hinweise.setVisible(bool(text))

    def _werte(self, roh: bool) -> dict[str, Any] | None:
        werte: dict[str, Any] = {}
        lesbar = True
        for name, formular in self.formulare.items():
            teil = formular.rohwerte() if roh else formular.werte()
            if teil is None:
                lesbar = False
                if lesbar is False and self.reiter.currentIndex() != self._reiter_von(name):
                    self.reiter.setCurrentIndex(self._reiter_von(name))
                continue
            werte.update(teil)
        return werte if lesbar else None

    def _daten_aus(self, werte: dict[str, Any]) -> Daten:
        bekannt = {f.name for f in fields(Daten)} - {"id", "kinder", "weitere_beschaeftigungen"}
        daten = Daten(**{k: v for k, v in werte.items() if k in bekannt})
        if daten.kinderfreibetraege is None:
            daten.kinderfreibetraege = Daten().kinderfreibetraege
        daten.kinder = self.kinder.eintraege
        daten.weitere_beschaeftigungen = self.jobs.eintraege
        daten.id = self.id
        return daten

    def _live(self) -> dict[str, str]:
        werte = self._werte(roh=True) or {}
        return dienst.pruefe_assistenzkraft(self._daten_aus(werte))

    def _momentaufnahme(self) -> tuple[Any, ...]:
        werte = self._werte(roh=True) or {}
        return (sorted(werte.items(), key=lambda x: x[0]), repr(self.kinder.eintraege), repr(self.jobs.eintraege))

    def hat_aenderungen(self) -> bool:
        return self._momentaufnahme() != self._stand

    def _reiter_von(self, formularname: str) -> int:
        return self._reiter_mit(self.formulare[formularname])

    def _reiter_mit(self, widget: QWidget) -> int:
        """The tab that holds `widget` (every tab is a scroll area, so large fonts never cut a page off)."""
        for i in range(self.reiter.count()):
            seite = self.reiter.widget(i)
            if seite is not None and seite.isAncestorOf(widget):
                return i
        return 0

    def speichern(self) -> bool:
        for formular in self.formulare.values():
            formular.loesche_fehler()
        self.kinder.zeige_fehler("")
        self.jobs.zeige_fehler("")
        werte = self._werte(roh=False)
        if werte is None:
            return False
        daten = self._daten_aus(werte)
        try:
            gespeichert = dienst.speichere_assistenzkraft(self.kontext.datenbank, daten)
        except EingabeFehler as fehler:
            self._zeige_fehler(fehler)
            return False
        self.id = gespeichert.id
        self.gespeichert = True
        self._lade()
        self.kontext.melde(tr("Personalbogen von {name} gespeichert.").format(name=gespeichert.name))
        return True

    def _zeige_fehler(self, fehler: EingabeFehler) -> None:
        alle: dict[str, str] = dict(getattr(fehler, "fehler", None) or {fehler.feld or "": str(fehler)})
        erster_reiter: int | None = None
        erstes_feld: Feld | None = None
        for name, formular in self.formulare.items():
            if formular.zeige_feldfehler(alle, fokus=False) and erster_reiter is None:
                erster_reiter = self._reiter_von(name)
                erstes_feld = next(f for f in formular.felder.values() if f.fehlertext)
        for liste, unterliste in (("kinder", self.kinder), ("weitere_beschaeftigungen", self.jobs)):
            texte = []
            for schluessel, meldung in alle.items():
                treffer = re.match(rf"{liste}\[(\d+)\]", schluessel)
                if treffer:
                    texte.append(tr("Eintrag {nr}: {meldung}").format(nr=int(treffer.group(1)) + 1, meldung=meldung))
            if texte:
                unterliste.zeige_fehler(" ".join(texte))
                if erster_reiter is None:
                    erster_reiter = self._reiter_mit(unterliste)
        if erster_reiter is None:
            meldungen.fehler(self, tr("Nicht gespeichert"), str(fehler))
            return
        self.reiter.setCurrentIndex(erster_reiter)
        if erstes_feld is not None:
            erstes_feld.eingabe.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.hat_aenderungen() and not meldungen.frage(
            self,
            tr("Änderungen verwerfen?"),
            tr("Der Personalbogen hat ungespeicherte Änderungen. Ohne Speichern schließen?"),
            ja=tr("&Verwerfen"),
            nein=tr("&Weiter bearbeiten"),
            gefaehrlich=True,
        ):
            return
        if self.gespeichert:
            self.accept()
        else:
            super().reject()
