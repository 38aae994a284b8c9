"""The employer: the form (in sections), the first-start assistant (QWizard) and the Einstellungen tab.

All checks come from `core.stammdaten.arbeitgeber.pruefe_arbeitgeber`; saving is `speichere_arbeitgeber`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from core.domain.kalender import BUNDESLAENDER
from core.fehler import EingabeFehler
from core.stammdaten import arbeitgeber as dienst
from core.stammdaten import unfallkassen
from desktop import meldungen
from desktop.bildschirm import passende_groesse
from desktop.dialoge import modal
from desktop.formular import Feld, Formular, bank_aus_iban, feld_in, rohwerte_aller
from desktop.i18n import tr
from desktop.kontext import Kontext

if TYPE_CHECKING:
    from desktop.checkliste import ChecklistenAnsicht

KEINE_AUSWAHL = tr("– bitte wählen –")

# (name, title) of the sections; the wizard shows one per page, the settings tab all below each other.
ABSCHNITTE: list[tuple[str, str, str]] = [
    ("person", tr("Person und Anschrift"), tr("Wer beschäftigt die Assistenzkräfte, und wo?")),
    ("betrieb", tr("Betrieb und Steuer"), tr("Betriebsnummer der Bundesagentur für Arbeit und Steuernummer")),
    ("unfall", tr("Unfallversicherung"), tr("Die Unfallkasse Ihres Landes ist vorgeschlagen; Sie können sie ändern.")),
    ("bank", tr("Bankverbindung"), tr("Von diesem Konto werden Löhne und Beiträge gezahlt.")),
]


def _laender() -> list[tuple[str, str]]:
    return [("", KEINE_AUSWAHL), *BUNDESLAENDER.items()]


class ArbeitgeberMaske:
    """The employer's fields in four `Formular` sections, checked live by the core service."""

    def __init__(self, kontext: Kontext) -> None:
        self.kontext = kontext
        self.id: int | None = None
        self.abschnitte: dict[str, Formular] = {name: Formular() for name, _, _ in ABSCHNITTE}
        p = self.abschnitte["person"]
        p.text("nachname", tr("&Name"), beschreibung=tr("Nachname, bei einer Firma der Firmenname (Pflichtangabe)"))
        p.text("vorname", tr("&Vorname"))
        p.text("strasse", tr("S&traße und Hausnummer"))
        p.text("plz", tr("&PLZ"), max_laenge=5)
        p.text("ort", tr("&Ort"))
        p.text("telefon", tr("Tele&fon"))
        p.text("email", tr("&E-Mail"))
        p.auswahl(
            "bundesland",
            tr("B&undesland"),
            _laender(),
            beschreibung=tr("Bestimmt die Feiertage und den Kirchensteuersatz (Pflichtangabe)"),
        )
        p.ja_nein(
            "privathaushalt",
            tr("P&rivathaushalt (Beschäftigung im eigenen Haushalt)"),
            beschreibung=tr("Ja für das Arbeitgebermodell; wichtig für Minijobs im Haushaltsscheckverfahren"),
        )
        p.ja_nein(
            "katholische_gemeinde",
            tr("Überwiegend katholische Gemeinde"),
            # a check box's text cannot wrap: the long part is the description (tooltip, screen reader)
            beschreibung=tr("Nur für die Feiertage in Bayern, Sachsen und Thüringen von Bedeutung"),
        )
        b = self.abschnitte["betrieb"]
        b.text(
            "betriebsnummer",
            tr("Betriebsnu&mmer"),
            max_laenge=10,
            beschreibung=tr("8 Ziffern, vergeben vom Betriebsnummern-Service der Bundesagentur für Arbeit"),
        )
        b.text(
            "steuernummer", tr("Steuernummer"), beschreibung=tr("Wie auf Schreiben des Finanzamts, z. B. 93815/08152")
        )
        b.text("finanzamt", tr("Finanz&amt"))
        u = self.abschnitte["unfall"]
        u.auswahl(
            "unfallversicherungstraeger_id",
            tr("Unfallversicherungsträ&ger"),
            [],
            beschreibung=tr("Für Privathaushalte ist die Unfallkasse des Landes zuständig"),
        )
        u.text("uv_mitgliedsnummer", tr("Mitg&liedsnummer bei der Unfallkasse"))
        knoepfe = QWidget()
        zeile = QHBoxLayout(knoepfe)
        zeile.setContentsMargins(0, 0, 0, 0)
        self.knopf_uv_bearbeiten = QPushButton(tr("Eintrag bearbeiten …"))
        self.knopf_uv_neu = QPushButton(tr("Neuen Eintrag anlegen …"))
        self.knopf_uv_bearbeiten.setAccessibleDescription(tr("Anschrift und Angaben des gewählten Trägers ändern"))
        zeile.addWidget(self.knopf_uv_bearbeiten)
        zeile.addWidget(self.knopf_uv_neu)
        zeile.addStretch(1)
        u.zeile(knoepfe)
        self.uv_anschrift = QLabel()
        self.uv_anschrift.setWordWrap(True)
        self.uv_anschrift.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        u.zeile(self.uv_anschrift)
        k = self.abschnitte["bank"]
        k.text("kontoinhaber", tr("&Kontoinhaber/in"))
        k.text("bank", tr("Bank"))
        k.text("iban", tr("&IBAN"), max_laenge=42, beschreibung=tr("Internationale Kontonummer, beginnt mit DE"))
        k.text("bic", tr("BI&C"), max_laenge=14, beschreibung=tr("Kann bei deutschen Konten leer bleiben"))
        bank_aus_iban(k.felder["iban"], k.felder["bank"], k.felder["bic"])

        for formular in self.abschnitte.values():
            formular.live_pruefung = self._live
        self._uv_box.currentIndexChanged.connect(self._zeige_uv_anschrift)
        self._land_box.currentIndexChanged.connect(self._land_geaendert)
        self.knopf_uv_bearbeiten.clicked.connect(lambda: self._bearbeite_unfallkasse(neu=False))
        self.knopf_uv_neu.clicked.connect(lambda: self._bearbeite_unfallkasse(neu=True))
        self._fuelle_unfallkassen("")

    # helpers ------------------------------------------------------------------------------------------------
    @property
    def _land_box(self) -> QComboBox:
        box = self.abschnitte["person"].felder["bundesland"].eingabe
        assert isinstance(box, QComboBox)
        return box

    @property
    def _uv_box(self) -> QComboBox:
        box = self.abschnitte["unfall"].felder["unfallversicherungstraeger_id"].eingabe
        assert isinstance(box, QComboBox)
        return box

    def feld(self, name: str) -> Feld:
        return feld_in(self.abschnitte.values(), name)

    def _fuelle_unfallkassen(self, land: str, auswahl: int | None = None) -> None:
        box = self._uv_box
        box.blockSignals(True)
        box.clear()
        box.addItem(tr("– keine Angabe –"), None)
        for eintrag in unfallkassen.liste_unfallkassen(self.kontext.datenbank, land or None):
            box.addItem(eintrag.anzeige, eintrag.id)
        box.setCurrentIndex(max(0, box.findData(auswahl)))
        box.blockSignals(False)
        self._zeige_uv_anschrift()

    def _land_geaendert(self) -> None:
        land = self._land_box.currentData() or ""
        gewaehlt = self._uv_box.currentData()
        vorschlag = dienst.vorgeschlagene_unfallkasse(self.kontext.datenbank, land) if land else None
        self._fuelle_unfallkassen(land, vorschlag if vorschlag is not None else gewaehlt)

    def _zeige_uv_anschrift(self) -> None:
        kassen_id = self._uv_box.currentData()
        self.knopf_uv_bearbeiten.setEnabled(kassen_id is not None)
        if kassen_id is None:
            self.uv_anschrift.setText(tr("Kein Unfallversicherungsträger gewählt."))
        else:
            e = unfallkassen.lade_unfallkasse(self.kontext.datenbank, kassen_id)
            teile = [e.name, e.strasse, f"{e.plz} {e.ort}".strip(), e.telefon and tr("Telefon {t}").format(t=e.telefon)]
            text = ", ".join(t for t in teile if t)
            if e.hinweis:
                text += f" – {e.hinweis}"
            self.uv_anschrift.setText(text)
        self.uv_anschrift.setAccessibleName(self.uv_anschrift.text())

    def _bearbeite_unfallkasse(self, *, neu: bool) -> None:
        if neu:
            daten = unfallkassen.UnfallkasseDaten(bundesland=self._land_box.currentData() or "")
        else:
            daten = unfallkassen.lade_unfallkasse(self.kontext.datenbank, self._uv_box.currentData())
        dialog = UnfallkasseDialog(self.kontext, daten, self._uv_box.window())
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.gespeichert is not None:
            self._fuelle_unfallkassen(self._land_box.currentData() or "", dialog.gespeichert.id)
            self._uv_box.setFocus()

    # values -------------------------------------------------------------------------------------------------
    def _daten_aus(self, werte: dict[str, Any]) -> dienst.ArbeitgeberDaten:
        bekannt = {f.name for f in fields(dienst.ArbeitgeberDaten)}
        daten = dienst.ArbeitgeberDaten(**{k: v for k, v in werte.items() if k in bekannt})
        daten.id = self.id
        return daten

    def _live(self) -> dict[str, str]:
        return dienst.pruefe_arbeitgeber(self._daten_aus(rohwerte_aller(self.abschnitte.values())))

    def daten(self, abschnitte: list[str] | None = None) -> dienst.ArbeitgeberDaten | None:
        """All values (None after showing what cannot be read)."""
        werte: dict[str, Any] = {}
        lesbar = True
        for name, formular in self.abschnitte.items():
            if abschnitte is not None and name not in abschnitte:
                werte.update(formular.rohwerte())
                continue
            teil = formular.werte()
            if teil is None:
                lesbar = False
            else:
                werte.update(teil)
        return self._daten_aus(werte) if lesbar else None

    def setze(self, daten: dienst.ArbeitgeberDaten | None) -> None:
        daten = daten or dienst.ArbeitgeberDaten()
        self.id = daten.id
        werte = {f.name: getattr(daten, f.name) for f in fields(daten)}
        self.abschnitte["person"].setze_werte(werte)  # Bundesland first: it refills the Unfallkassen
        self._fuelle_unfallkassen(daten.bundesland, daten.unfallversicherungstraeger_id)
        for name, formular in self.abschnitte.items():
            if name != "person":
                formular.setze_werte({k: v for k, v in werte.items() if k != "unfallversicherungstraeger_id"})

    def zeige_fehler(self, fehler: dict[str, str], nur: list[str] | None = None) -> list[str]:
        """Show errors in the sections (`nur`: only these); returns the sections that got a message."""
        betroffen: list[str] = []
        for name, formular in self.abschnitte.items():
            if nur is not None and name not in nur:
                continue
            if formular.zeige_feldfehler(fehler, fokus=not betroffen):
                betroffen.append(name)
        return betroffen

    def loesche_fehler(self) -> None:
        for formular in self.abschnitte.values():
            formular.loesche_fehler()

    def speichere(self) -> dienst.ArbeitgeberDaten | None:
        """Save through the service; on refusal the fields say why and None is returned."""
        daten = self.daten()
        if daten is None:
            return None
        try:
            gespeichert = dienst.speichere_arbeitgeber(self.kontext.datenbank, daten)
        except EingabeFehler as fehler:
            mehrere = getattr(fehler, "fehler", None)
            if isinstance(mehrere, dict) and self.zeige_fehler(mehrere):
                return None
            meldungen.fehler(self._uv_box.window(), tr("Nicht gespeichert"), str(fehler))
            return None
        self.id = gespeichert.id
        return gespeichert


class UnfallkasseDialog(QDialog):
    """Edit or add an Unfallversicherungsträger (the preloaded table is from 2016 and may be outdated)."""

    def __init__(self, kontext: Kontext, daten: unfallkassen.UnfallkasseDaten, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.daten = daten
        self.gespeichert: unfallkassen.UnfallkasseDaten | None = None
        titel = tr("Unfallversicherungsträger bearbeiten") if daten.id else tr("Neuer Unfallversicherungsträger")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        f = self.formular = Formular()
        f.text("name", tr("&Name"))
        f.auswahl("bundesland", tr("&Bundesland"), _laender())
        f.text("strasse", tr("S&traße"))
        f.text("plz", tr("&PLZ"), max_laenge=5)
        f.text("ort", tr("&Ort"))
        f.text("postanschrift", tr("Postansch&rift"))
        f.text("telefon", tr("Tele&fon"))
        f.text("telefax", tr("Telefa&x"))
        f.text("email", tr("&E-Mail"))
        f.text("betriebsnummer", tr("Betriebsnu&mmer"))
        f.mehrzeilig("hinweis", tr("&Hinweis"))
        f.setze_werte({x.name: getattr(daten, x.name) for x in fields(daten)})
        f.live_pruefung = lambda: unfallkassen.pruefe_unfallkasse(self._daten(f.rohwerte()))
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(f)
        spalte.addWidget(knoepfe)

    def _daten(self, werte: dict[str, Any]) -> unfallkassen.UnfallkasseDaten:
        neu = unfallkassen.UnfallkasseDaten(**{k: v for k, v in werte.items() if k != "id"})
        neu.id = self.daten.id
        neu.vorbelegt = self.daten.vorbelegt
        return neu

    def _speichern(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        try:
            self.gespeichert = unfallkassen.speichere_unfallkasse(self.kontext.datenbank, self._daten(werte))
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return
        self.accept()


def _rahmen(titel: str, erklaerung: str, formular: Formular) -> QGroupBox:
    gruppe = QGroupBox(titel)
    spalte = QVBoxLayout(gruppe)
    text = QLabel(erklaerung)
    text.setWordWrap(True)
    spalte.addWidget(text)
    spalte.addWidget(formular)
    return gruppe


class ArbeitgeberSeite(QScrollArea):
    """Einstellungen → Arbeitgeber: all sections below each other, "Speichern" at the end."""

    gespeichert = Signal()

    def __init__(self, kontext: Kontext) -> None:
        super().__init__()
        self.kontext = kontext
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.maske = ArbeitgeberMaske(kontext)
        inhalt = QWidget()
        spalte = QVBoxLayout(inhalt)
        for name, titel, erklaerung in ABSCHNITTE:
            spalte.addWidget(_rahmen(titel, erklaerung, self.maske.abschnitte[name]))
        self.knopf_speichern = QPushButton(tr("Arbeitgeberdaten &speichern"))
        self.knopf_speichern.clicked.connect(self.speichern)
        self.knopf_speichern.setShortcut(QKeySequence.StandardKey.Save)  # Strg+S as in the other forms
        self.knopf_speichern.setAccessibleDescription(tr("Strg+S"))
        zeile = QHBoxLayout()
        zeile.addStretch(1)
        zeile.addWidget(self.knopf_speichern)
        spalte.addLayout(zeile)
        spalte.addStretch(1)
        self.setWidget(inhalt)
        self._geladen: dict[str, Any] | None = None

    def _stand(self) -> dict[str, Any]:
        return rohwerte_aller(self.maske.abschnitte.values())

    def aktivieren(self) -> None:
        """Reload from the store unless the user has unsaved edits here."""
        if self._geladen is None or self._stand() == self._geladen:
            self.maske.setze(dienst.lade_arbeitgeber(self.kontext.datenbank))
            self._geladen = self._stand()

    def hat_aenderungen(self) -> bool:
        return self._geladen is not None and self._stand() != self._geladen

    def darf_verlassen(self) -> bool:
        """Before the window closes: save, discard or stay with unsaved employer data."""
        if not self.hat_aenderungen():
            return True
        antwort = meldungen.ungespeichert(self, tr("den Arbeitgeberdaten"))
        if antwort == meldungen.VERWERFEN:
            return True
        return antwort == meldungen.SPEICHERN and self.speichern()

    def speichern(self) -> bool:
        if self.maske.speichere() is None:
            return False
        self._geladen = self._stand()
        self.kontext.melde(tr("Arbeitgeberdaten gespeichert."))
        self.gespeichert.emit()
        return True


class _AbschnittSeite(QWizardPage):
    def __init__(self, assistent: Ersteinrichtung, name: str, titel: str, erklaerung: str) -> None:
        super().__init__()
        self.assistent = assistent
        self.name = name
        self.setTitle(titel)
        self.setSubTitle(erklaerung)
        spalte = QVBoxLayout(self)
        spalte.addWidget(assistent.maske.abschnitte[name])

    def validatePage(self) -> bool:
        maske = self.assistent.maske
        daten = maske.daten([self.name])
        if daten is None:
            return False
        maske.loesche_fehler()
        if maske.zeige_fehler(dienst.pruefe_arbeitgeber(daten), nur=[self.name]):
            return False
        if self.name == ABSCHNITTE[-1][0]:  # last data page: save, so the checklist shows the real state
            return self.assistent.speichern()
        return True


class _ChecklistenSeite(QWizardPage):
    def __init__(self, assistent: Ersteinrichtung) -> None:
        super().__init__()
        self.assistent = assistent
        self.setTitle(tr("Checkliste für Arbeitgeberinnen und Arbeitgeber"))
        self.setSubTitle(tr("Was schon erledigt ist und was noch zu tun ist (ForseA-Handbuch, Abschnitt 2.7.1)."))
        self.spalte = QVBoxLayout(self)
        self.ansicht: ChecklistenAnsicht | None = None
        self.verschluesseln: QCheckBox | None = None

    def initializePage(self) -> None:
        from desktop.checkliste import ChecklistenAnsicht

        if self.ansicht is None:
            self.ansicht = ChecklistenAnsicht(self.assistent.kontext)
            self.spalte.addWidget(self.ansicht)
            if self.verschluesseln is not None:  # re-parented after the list, so Tab reaches it after the list
                self.verschluesseln.setParent(None)
                self.spalte.addWidget(self.verschluesseln)
                self.verschluesseln.show()
        self.ansicht.aktivieren()


class Ersteinrichtung(QWizard):
    """First start: the employer in four short pages, then the checklist. Saved before the checklist page."""

    eingerichtet = Signal()

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        titel = tr("Assistenzbüro einrichten")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.maske = ArbeitgeberMaske(kontext)
        self.maske.setze(None)
        self.seiten: dict[str, QWizardPage] = {}
        for name, abschnittstitel, erklaerung in ABSCHNITTE:
            seite = _AbschnittSeite(self, name, abschnittstitel, erklaerung)
            self.seiten[name] = seite
            self.addPage(seite)
        checkliste = _ChecklistenSeite(self)
        self.seiten["checkliste"] = checkliste
        self.addPage(checkliste)
        # privacy at rest, opt-in at set-up: after "Fertig" the main window asks for the password (desktop.schutz)
        self.verschluesseln = QCheckBox(tr("Datenbank danach mit einem Kennwort &verschlüsseln"), checkliste)
        self.verschluesseln.hide()
        self.verschluesseln.setObjectName("verschluesseln")
        self.verschluesseln.setAccessibleDescription(
            tr("Empfohlen, wenn andere (auch Assistenzkräfte) diesen Computer benutzen")
        )
        checkliste.verschluesseln = self.verschluesseln  # laid out below the checklist, in reading order
        passende_groesse(self, 110, 32)  # room for the checklist's explanations; follows the font size
        self.gespeichert: dienst.ArbeitgeberDaten | None = None

    def speichern(self) -> bool:
        ergebnis = self.maske.speichere()
        if ergebnis is None:
            return False
        self.gespeichert = ergebnis
        self.kontext.melde(tr("Arbeitgeberdaten gespeichert."))
        self.eingerichtet.emit()
        return True
