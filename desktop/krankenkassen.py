"""Einstellungen → Krankenkassen: per Kasse and year the Zusatzbeitrag, U1 levels (with the chosen one), U2.

Everything is editable; the Minijob-Zentrale is preset by core. Rates are checked and saved by
`core.stammdaten.krankenkassen`; this screen only edits a working copy of one Kasse and hands it over.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.domain.kalender import BUNDESLAENDER
from core.fehler import EingabeFehler
from core.stammdaten import krankenkassen as dienst
from desktop import meldungen
from desktop.dialoge import modal
from desktop.formular import Formular, dezimal_als_text
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle

Kasse = dienst.KrankenkasseDaten
Stufe = dienst.U1StufeDaten


def prozent(wert: Decimal | None) -> str:
    return tr("nicht eingetragen") if wert is None else f"{dezimal_als_text(wert)} %"


def _ja_nein(wert: bool) -> str:
    return tr("ja") if wert else tr("nein")


KASSEN_SPALTEN: list[Spalte[Kasse]] = [
    Spalte(
        tr("Krankenkasse"),
        lambda k: k.name,
        sortierung=lambda k: f"{int(not k.ist_minijob_zentrale)}{k.name}",
        trennen=True,  # "Rentenver-sicherung" in the narrow list beside the Kasse's form
    ),
    Spalte(tr("Betriebsnummer"), lambda k: k.betriebsnummer, ganz=True),
    Spalte(tr("Jahre"), lambda k: ", ".join(str(j.jahr) for j in k.jahre)),
]
STUFEN_SPALTEN: list[Spalte[Stufe]] = [
    Spalte(tr("Umlagesatz U1"), lambda s: prozent(s.umlage_prozent), rechtsbuendig=True),
    Spalte(tr("Erstattung"), lambda s: prozent(s.erstattung_prozent), rechtsbuendig=True),
    Spalte(tr("AG-Anteile erstattet"), lambda s: _ja_nein(s.ag_anteile_erstattet)),
    Spalte(tr("Gewählt"), lambda s: tr("gewählt") if s.gewaehlt else ""),
]


class StufenDialog(QDialog):
    """One U1 level: Umlagesatz, Erstattungssatz, whether employer SV shares are refunded too."""

    def __init__(self, stufe: Stufe | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        titel = tr("U1-Stufe bearbeiten") if stufe else tr("Neue U1-Stufe")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        f = self.formular = Formular()
        f.dezimal("umlage_prozent", tr("&Umlagesatz U1 in Prozent"), beschreibung=tr("z. B. 1,6"))
        f.dezimal("erstattung_prozent", tr("&Erstattung in Prozent des fortgezahlten Entgelts"))
        f.ja_nein("ag_anteile_erstattet", tr("&Arbeitgeberanteile zur Sozialversicherung werden mit erstattet"))
        f.ja_nein("gewaehlt", tr("Diese Stufe ist &gewählt"))
        if stufe is not None:
            f.setze_werte(
                {
                    "umlage_prozent": stufe.umlage_prozent,
                    "erstattung_prozent": stufe.erstattung_prozent,
                    "ag_anteile_erstattet": stufe.ag_anteile_erstattet,
                    "gewaehlt": stufe.gewaehlt,
                }
            )
        self.id = stufe.id if stufe else None
        self.ergebnis: Stufe | None = None
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._uebernehmen)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(f)
        spalte.addWidget(knoepfe)

    def _uebernehmen(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        fehlt = {
            name: tr("Bitte einen Prozentsatz eingeben.")
            for name in ("umlage_prozent", "erstattung_prozent")
            if werte[name] is None
        }
        if fehlt:
            self.formular.zeige_feldfehler(fehlt)
            return
        probe = dienst.KrankenkasseDaten(
            name="Probe", jahre=[dienst.KassenJahrDaten(jahr=2000, u1_stufen=[Stufe(**werte)])]
        )
        fehler = {
            schluessel.rsplit(".", 1)[-1]: meldung
            for schluessel, meldung in dienst.pruefe_krankenkasse(probe).items()
            if schluessel.startswith("jahre[0].u1_stufen[0].")
        }
        if self.formular.zeige_feldfehler(fehler):
            return
        self.ergebnis = Stufe(**werte, id=self.id)
        self.accept()


class KrankenkassenSeite(QWidget):
    """List of Kassen on the left; the chosen Kasse with its years and U1 levels on the right."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.kasse: Kasse | None = None  # working copy of the Kasse being edited
        self._geladen: Kasse | None = None  # the same as shown, to tell unsaved changes
        self.jahr_index: int | None = None

        # left: the Kassen
        self.kassen_modell: ZeilenModell[Kasse] = ZeilenModell(KASSEN_SPALTEN, self)
        self.kassen_tabelle, self.kassen_filter = sortierbare_tabelle(
            self.kassen_modell, tr("Krankenkassen"), tr("Pfeiltasten wählen eine Kasse; rechts stehen ihre Sätze")
        )
        self.kassen_tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._kasse_gewaehlt())
        self.knopf_neu = QPushButton(tr("&Neue Krankenkasse"))
        self.kassen_tabelle.leer_sagt(tr("Noch keine Krankenkasse."), self.knopf_neu)
        self.knopf_neu.clicked.connect(self.neue_kasse)
        self.knopf_loeschen = QPushButton(tr("Krankenkasse &löschen"))
        self.knopf_loeschen.clicked.connect(self.loesche_kasse)
        links = QWidget()
        lspalte = QVBoxLayout(links)
        lspalte.addWidget(self.kassen_tabelle)
        lknoepfe = QHBoxLayout()
        lknoepfe.addWidget(self.knopf_neu)
        lknoepfe.addWidget(self.knopf_loeschen)
        lspalte.addLayout(lknoepfe)

        # right: Kasse, year, U1 levels
        self.stamm = Formular()
        self.stamm.text("name", tr("Na&me der Kasse"))
        self.stamm.text("betriebsnummer", tr("Betr&iebsnummer der Kasse"), max_laenge=10)
        self.stamm.ja_nein("ist_minijob_zentrale", tr("Dies ist die Minij&ob-Zentrale"))
        land = self.stamm.auswahl(
            "sitz_land",
            tr("Sitzland (Fristbere&chnung)"),
            [("", tr("– nicht eingetragen –")), *BUNDESLAENDER.items()],
            beschreibung=tr("Die Feiertage an ihrem Sitz bestimmen, wann Beitragsnachweis und Beiträge fällig sind"),
        ).eingabe
        if isinstance(land, QComboBox):  # narrower than a form's usual list: the row fits 200 % on 1280×800
            land.setMinimumContentsLength(8)
        self.stamm.mehrzeilig("anschrift", tr("&Anschrift"))
        self.stamm.mehrzeilig("notiz", tr("No&tiz"))

        self.jahr_box = QComboBox()
        self.jahr_box.setAccessibleName(tr("Jahr"))
        jahr_label = QLabel(tr("&Jahr"))
        jahr_label.setBuddy(self.jahr_box)
        self.jahr_box.currentIndexChanged.connect(self._jahr_gewechselt)
        self.knopf_jahr = QPushButton(tr("Jahr hinzufü&gen …"))
        self.knopf_jahr.clicked.connect(self.jahr_hinzufuegen)
        jahr_zeile = QHBoxLayout()
        jahr_zeile.addWidget(jahr_label)
        jahr_zeile.addWidget(self.jahr_box, 1)
        jahr_zeile.addWidget(self.knopf_jahr)

        self.jahr_formular = Formular()
        self.jahr_formular.dezimal("zusatzbeitrag_prozent", tr("&Zusatzbeitrag in Prozent"))
        self.jahr_formular.dezimal("u2_prozent", tr("&Umlagesatz U2 in Prozent"))
        self.jahr_formular.dezimal("u2_erstattung_prozent", tr("Erstattung U2 in &Prozent"))
        self.jahr_formular.dezimal(
            "u2_bv_erstattung_prozent",
            tr("U2 bei Beschäftigungs&verbot in %"),
            beschreibung=tr(
                "leer: wie Erstattung U2; z. B. 120, wenn die Satzung die Arbeitgeberanteile pauschal abgilt"
            ),
        )
        self.jahr_formular.ja_nein(
            "u2_ag_anteile_erstattet",
            tr("U2: Arbeitgeberanteile &kommen hinzu"),
            beschreibung=tr("aus: die Arbeitgeberanteile sind mit dem Erstattungssatz abgegolten"),
        )
        self.jahr_formular.mehrzeilig("quelle", tr("&Quelle der Sätze"))  # long: a single line cut it off

        self.stufen_modell: ZeilenModell[Stufe] = ZeilenModell(STUFEN_SPALTEN, self)
        self.stufen_tabelle, _ = sortierbare_tabelle(  # unsorted: the levels are addressed by position
            self.stufen_modell,
            tr("U1-Stufen"),
            tr("Die Erstattungsstufen, die diese Kasse im Jahr anbietet"),
            sortierbar=False,
        )
        self.gewaehlt_text = QLabel()
        self.gewaehlt_text.setWordWrap(True)
        self.knopf_stufe_neu = QPushButton(tr("Stufe hinzu&fügen …"))
        self.stufen_tabelle.leer_sagt(tr("Für dieses Jahr sind keine U1-Stufen eingetragen."), self.knopf_stufe_neu)
        self.knopf_stufe_bearbeiten = QPushButton(tr("Stufe bea&rbeiten …"))
        self.knopf_stufe_entfernen = QPushButton(tr("Stufe &entfernen"))
        self.knopf_stufe_waehlen = QPushButton(tr("Diese Stufe &wählen"))
        self.knopf_stufe_neu.clicked.connect(lambda: self._bearbeite_stufe(neu=True))
        self.knopf_stufe_bearbeiten.clicked.connect(lambda: self._bearbeite_stufe(neu=False))
        self.knopf_stufe_entfernen.clicked.connect(self._entferne_stufe)
        self.knopf_stufe_waehlen.clicked.connect(self._waehle_stufe)
        self.stufen_fehler = QLabel()
        self.stufen_fehler.setWordWrap(True)
        self.stufen_fehler.hide()
        u1 = QGroupBox(tr("U1 – Erstattung bei Krankheit"))
        u1spalte = QVBoxLayout(u1)
        u1spalte.addWidget(self.stufen_tabelle)
        u1spalte.addWidget(self.gewaehlt_text)
        u1spalte.addWidget(self.stufen_fehler)
        u1knoepfe = QGridLayout()  # two by two: one row of four was wider than the screen with a large font
        for i, k in enumerate(
            (self.knopf_stufe_neu, self.knopf_stufe_bearbeiten, self.knopf_stufe_waehlen, self.knopf_stufe_entfernen)
        ):
            u1knoepfe.addWidget(k, i // 2, i % 2)
        u1spalte.addLayout(u1knoepfe)

        self.knopf_speichern = QPushButton(tr("Krankenkasse &speichern"))
        self.knopf_speichern.clicked.connect(self.speichern)
        self.knopf_speichern.setShortcut(QKeySequence.StandardKey.Save)  # Strg+S as in the other forms
        self.knopf_speichern.setAccessibleDescription(tr("Strg+S"))
        rechts = QWidget()
        rspalte = QVBoxLayout(rechts)
        rspalte.addWidget(self.stamm)
        rspalte.addLayout(jahr_zeile)
        rspalte.addWidget(self.jahr_formular)
        rspalte.addWidget(u1)
        sknoepfe = QHBoxLayout()
        sknoepfe.addStretch(1)
        sknoepfe.addWidget(self.knopf_speichern)
        rspalte.addLayout(sknoepfe)
        self.rechts = rechts

        teiler = QSplitter(Qt.Orientation.Horizontal)
        teiler.addWidget(links)
        teiler.addWidget(rechts)
        teiler.setStretchFactor(1, 2)
        teiler.setChildrenCollapsible(False)
        spalte = QVBoxLayout(self)
        spalte.setContentsMargins(0, 0, 0, 0)
        spalte.addWidget(teiler)
        self._zeige_kasse(None)

    # loading ------------------------------------------------------------------------------------------------
    def aktivieren(self, kassen_id: int | None = None) -> None:
        gewaehlt = kassen_id if kassen_id is not None else (self.kasse.id if self.kasse else None)
        self.kassen_modell.setze_zeilen(dienst.liste_krankenkassen(self.kontext.datenbank))
        self.kassen_tabelle.resizeColumnToContents(0)
        zeile = 0
        for i in range(self.kassen_filter.rowCount()):
            quelle = self.kassen_filter.mapToSource(self.kassen_filter.index(i, 0))
            if self.kassen_modell.zeile(quelle).id == gewaehlt:
                zeile = i
        if self.kassen_filter.rowCount():
            self.kassen_tabelle.setCurrentIndex(self.kassen_filter.index(zeile, 0))
        self._kasse_gewaehlt()

    def _kasse_gewaehlt(self) -> None:
        kasse = aktuelle_zeile(self.kassen_tabelle, self.kassen_modell)
        if kasse is not None and self.kasse is not None and kasse.id == self.kasse.id and kasse.id is not None:
            return
        if not self.darf_verlassen(naechste=kasse.id if kasse else None):
            return
        if self.kasse is not None and kasse is not None and self.kasse.id == kasse.id:
            return  # saving the previous one has shown this Kasse already
        self._zeige_kasse(copy.deepcopy(kasse) if kasse else None)

    # unsaved changes ----------------------------------------------------------------------------------------
    def _arbeitskopie(self) -> Kasse | None:
        """The working copy with what the fields hold now (readable values only), for comparing."""
        if self.kasse is None:
            return None
        kopie = copy.deepcopy(self.kasse)
        for name, wert in self.stamm.rohwerte().items():
            setattr(kopie, name, wert)
        if self.jahr_index is not None:
            jahr = kopie.jahre[self.jahr_index]
            for name, wert in self.jahr_formular.rohwerte().items():
                if name != "u2_erstattung_prozent" or wert is not None:
                    setattr(jahr, name, wert)
        return kopie

    def hat_aenderungen(self) -> bool:
        return self.kasse is not None and self._arbeitskopie() != self._geladen

    def darf_verlassen(self, naechste: int | None = None) -> bool:
        """Before another Kasse is shown (or the window closes): save, discard or stay with unsaved changes.

        True: go on (nothing unsaved, saved – then `naechste` is shown –, or discarded). False: stay (the list
        cursor goes back to this Kasse, the input is kept; a refused save shows why at the field).
        """
        if not self.hat_aenderungen() or self.kasse is None:
            return True
        name = str(self.stamm.felder["name"].wert() or self.kasse.name)
        antwort = meldungen.ungespeichert(self, tr("„{name}“").format(name=name) if name else tr("der neuen Kasse"))
        if antwort == meldungen.VERWERFEN:
            return True
        if antwort == meldungen.SPEICHERN and self.speichern(danach=naechste):
            return True
        self._markiere_zeile(self.kasse.id if self.kasse else None)
        return False

    def _markiere_zeile(self, kassen_id: int | None) -> None:
        tabelle = self.kassen_tabelle
        tabelle.selectionModel().blockSignals(True)
        try:
            tabelle.clearSelection()
            for i in range(self.kassen_filter.rowCount()):
                quelle = self.kassen_filter.mapToSource(self.kassen_filter.index(i, 0))
                if kassen_id is not None and self.kassen_modell.zeile(quelle).id == kassen_id:
                    tabelle.setCurrentIndex(self.kassen_filter.index(i, 0))
        finally:
            tabelle.selectionModel().blockSignals(False)

    def _zeige_kasse(self, kasse: Kasse | None) -> None:
        self.kasse = kasse
        self.rechts.setEnabled(kasse is not None)
        self.knopf_loeschen.setEnabled(kasse is not None and kasse.id is not None)
        self.stamm.loesche_fehler()
        self.stufen_fehler.hide()
        if kasse is None:
            self.stamm.setze_werte({"name": "", "betriebsnummer": "", "sitz_land": "", "anschrift": "", "notiz": ""})
        else:
            self.stamm.setze_werte(
                {
                    "name": kasse.name,
                    "betriebsnummer": kasse.betriebsnummer,
                    "ist_minijob_zentrale": kasse.ist_minijob_zentrale,
                    "sitz_land": kasse.sitz_land,
                    "anschrift": kasse.anschrift,
                    "notiz": kasse.notiz,
                }
            )
        self.jahr_index = None
        self.jahr_box.blockSignals(True)
        self.jahr_box.clear()
        for jahr in kasse.jahre if kasse else []:
            self.jahr_box.addItem(str(jahr.jahr), jahr.jahr)
        heute = date.today().year
        self.jahr_box.setCurrentIndex(max(0, self.jahr_box.findData(heute)) if self.jahr_box.count() else -1)
        self.jahr_box.blockSignals(False)
        self._jahr_gewechselt()
        self._geladen = self._arbeitskopie()

    def _jahr_gewechselt(self) -> None:
        if not self._uebernimm_jahr_formular():
            return
        self.jahr_index = self._index_des_jahres(self.jahr_box.currentData())
        jahr = self._aktuelles_jahr()
        self.jahr_formular.setEnabled(jahr is not None)
        self.stufen_tabelle.setEnabled(jahr is not None)
        self.jahr_formular.loesche_fehler()
        if jahr is None:
            self.jahr_formular.setze_werte({"zusatzbeitrag_prozent": None, "u2_prozent": None, "quelle": ""})
        else:
            self.jahr_formular.setze_werte(
                {
                    "zusatzbeitrag_prozent": jahr.zusatzbeitrag_prozent,
                    "u2_prozent": jahr.u2_prozent,
                    "u2_erstattung_prozent": jahr.u2_erstattung_prozent,
                    "u2_bv_erstattung_prozent": jahr.u2_bv_erstattung_prozent,
                    "u2_ag_anteile_erstattet": jahr.u2_ag_anteile_erstattet,
                    "quelle": jahr.quelle,
                }
            )
        self._zeige_stufen()

    def _index_des_jahres(self, jahr: int | None) -> int | None:
        if self.kasse is None or jahr is None:
            return None
        return next((i for i, j in enumerate(self.kasse.jahre) if j.jahr == jahr), None)

    def _aktuelles_jahr(self) -> dienst.KassenJahrDaten | None:
        if self.kasse is None or self.jahr_index is None:
            return None
        return self.kasse.jahre[self.jahr_index]

    def _zeige_stufen(self, auswahl: int | None = None) -> None:
        jahr = self._aktuelles_jahr()
        self.stufen_modell.setze_zeilen(jahr.u1_stufen if jahr else [])
        self.stufen_tabelle.resizeColumnsToContents()
        if self.stufen_modell.rowCount():
            self.stufen_tabelle.setCurrentIndex(self.stufen_tabelle.model().index(auswahl or 0, 0))
        gewaehlt = jahr.gewaehlte_u1_stufe if jahr else None
        if jahr is None:
            self.gewaehlt_text.setText(tr("Für diese Kasse ist noch kein Jahr eingetragen."))
        elif gewaehlt is None:
            self.gewaehlt_text.setText(tr("Für {jahr} ist noch keine U1-Stufe gewählt.").format(jahr=jahr.jahr))
        else:
            self.gewaehlt_text.setText(
                tr("Gewählt für {jahr}: Umlage {umlage}, Erstattung {erstattung}.").format(
                    jahr=jahr.jahr,
                    umlage=prozent(gewaehlt.umlage_prozent),
                    erstattung=prozent(gewaehlt.erstattung_prozent),
                )
            )
        vorhanden = self.stufen_modell.rowCount() > 0
        for knopf in (self.knopf_stufe_bearbeiten, self.knopf_stufe_entfernen, self.knopf_stufe_waehlen):
            knopf.setEnabled(vorhanden)
        self.knopf_stufe_neu.setEnabled(jahr is not None)

    # editing the working copy -------------------------------------------------------------------------------
    def _uebernimm_jahr_formular(self) -> bool:
        """Write the year fields into the working copy; False (and message at the field) if unreadable."""
        jahr = self._aktuelles_jahr()
        if jahr is None:
            return True
        werte = self.jahr_formular.werte()
        if werte is None:
            self.jahr_box.blockSignals(True)
            self.jahr_box.setCurrentIndex(self.jahr_box.findData(jahr.jahr))
            self.jahr_box.blockSignals(False)
            return False
        jahr.zusatzbeitrag_prozent = werte["zusatzbeitrag_prozent"]
        jahr.u2_prozent = werte["u2_prozent"]
        if werte["u2_erstattung_prozent"] is not None:
            jahr.u2_erstattung_prozent = werte["u2_erstattung_prozent"]
        jahr.u2_bv_erstattung_prozent = werte["u2_bv_erstattung_prozent"]
        jahr.u2_ag_anteile_erstattet = bool(werte["u2_ag_anteile_erstattet"])
        jahr.quelle = werte["quelle"]
        return True

    def _uebernimm_alles(self) -> bool:
        if self.kasse is None:
            return False
        stamm = self.stamm.werte()
        if stamm is None or not self._uebernimm_jahr_formular():
            return False
        for name, wert in stamm.items():
            setattr(self.kasse, name, wert)
        return True

    def _bearbeite_stufe(self, *, neu: bool) -> None:
        jahr = self._aktuelles_jahr()
        if jahr is None:
            return
        zeile = self.stufen_tabelle.currentIndex().row()
        stufe = None if neu or zeile < 0 else jahr.u1_stufen[zeile]
        dialog = StufenDialog(stufe, self)
        if modal(dialog) != QDialog.DialogCode.Accepted or dialog.ergebnis is None:
            return
        ergebnis = dialog.ergebnis
        if ergebnis.gewaehlt:
            for s in jahr.u1_stufen:
                s.gewaehlt = False
        if stufe is None:
            jahr.u1_stufen.append(ergebnis)
            zeile = len(jahr.u1_stufen) - 1
        else:
            jahr.u1_stufen[zeile] = ergebnis
        self._zeige_stufen(zeile)
        self.stufen_tabelle.setFocus()
        self.kontext.melde(tr("U1-Stufe übernommen – zum Sichern bitte „Krankenkasse speichern“."))

    def _entferne_stufe(self) -> None:
        jahr = self._aktuelles_jahr()
        zeile = self.stufen_tabelle.currentIndex().row()
        if jahr is None or zeile < 0:
            return
        del jahr.u1_stufen[zeile]
        self._zeige_stufen(max(0, zeile - 1))
        self.stufen_tabelle.setFocus()

    def _waehle_stufe(self) -> None:
        jahr = self._aktuelles_jahr()
        zeile = self.stufen_tabelle.currentIndex().row()
        if jahr is None or zeile < 0:
            return
        for i, s in enumerate(jahr.u1_stufen):
            s.gewaehlt = i == zeile
        self._zeige_stufen(zeile)
        self.stufen_tabelle.setFocus()
        self.kontext.melde(self.gewaehlt_text.text())

    def jahr_hinzufuegen(self) -> None:
        if self.kasse is None or not self._uebernimm_jahr_formular():
            return
        vorhandene = [j.jahr for j in self.kasse.jahre]
        vorschlag = max([*vorhandene, date.today().year - 1]) + 1 if vorhandene else date.today().year
        jahr, ok = QInputDialog.getInt(
            self, tr("Jahr hinzufügen"), tr("Für welches Jahr sollen Sätze eingetragen werden?"), vorschlag, 2000, 2100
        )
        if not ok:
            return
        if jahr in vorhandene:
            meldungen.hinweis(
                self, tr("Jahr vorhanden"), tr("Für {jahr} sind schon Sätze eingetragen.").format(jahr=jahr)
            )
            return
        vorjahr = max((j for j in self.kasse.jahre if j.jahr < jahr), key=lambda j: j.jahr, default=None)
        if vorjahr is not None:
            neu = copy.deepcopy(vorjahr)
            neu.id = None
            for s in neu.u1_stufen:
                s.id = None
            neu.jahr = jahr
            neu.quelle = tr("aus {jahr} übernommen – bitte prüfen").format(jahr=vorjahr.jahr)
        else:
            neu = dienst.KassenJahrDaten(jahr=jahr)
        self.kasse.jahre.append(neu)
        self.kasse.jahre.sort(key=lambda j: j.jahr)
        self.jahr_index = None
        self.jahr_box.blockSignals(True)
        self.jahr_box.clear()
        for j in self.kasse.jahre:
            self.jahr_box.addItem(str(j.jahr), j.jahr)
        self.jahr_box.setCurrentIndex(self.jahr_box.findData(jahr))
        self.jahr_box.blockSignals(False)
        self._jahr_gewechselt()
        self.jahr_formular.felder["zusatzbeitrag_prozent"].eingabe.setFocus()

    def neue_kasse(self) -> None:
        if not self.darf_verlassen():
            return
        self.kassen_tabelle.clearSelection()
        self._zeige_kasse(dienst.KrankenkasseDaten(jahre=[dienst.KassenJahrDaten(jahr=date.today().year)]))
        self.stamm.felder["name"].eingabe.setFocus()

    def loesche_kasse(self) -> None:
        if self.kasse is None or self.kasse.id is None:
            return
        kid = self.kasse.id
        if not meldungen.loeschen_nach_frage(
            self,
            tr("Krankenkasse löschen"),
            tr("Die Krankenkasse „{name}“ mit allen eingetragenen Sätzen löschen?").format(name=self.kasse.name),
            lambda: dienst.loesche_krankenkasse(self.kontext.datenbank, kid),
        ):
            return
        self.kontext.melde(tr("Krankenkasse „{name}“ gelöscht.").format(name=self.kasse.name))
        self.kasse = None
        self.aktivieren()

    def speichern(self, danach: int | None = None) -> bool:
        """Save the working copy; then show the saved Kasse (or `danach`, the one the user moved to)."""
        if not self._uebernimm_alles() or self.kasse is None:
            self._markiere_zeile(self.kasse.id if self.kasse else None)
            return False
        self.stufen_fehler.hide()
        try:
            gespeichert = dienst.speichere_krankenkasse(self.kontext.datenbank, self.kasse)
        except EingabeFehler as fehler:
            self._markiere_zeile(self.kasse.id)
            self._zeige_fehler(fehler)
            return False
        self.kontext.melde(tr("Krankenkasse „{name}“ gespeichert.").format(name=gespeichert.name))
        self.kasse = None
        self.aktivieren(danach if danach is not None else gespeichert.id)
        return True

    def _zeige_fehler(self, fehler: EingabeFehler) -> None:
        alle: dict[str, str] = dict(getattr(fehler, "fehler", None) or {fehler.feld or "": str(fehler)})
        stamm = {k: v for k, v in alle.items() if "." not in k and k in self.stamm.felder}
        rest = {k: v for k, v in alle.items() if k not in stamm}
        self.stamm.zeige_feldfehler(stamm)
        stufen: list[str] = []
        for schluessel, meldung in rest.items():
            treffer = re.match(r"jahre\[(\d+)\]\.(\w+)", schluessel)
            if treffer and self.kasse is not None:
                index, feld = int(treffer.group(1)), treffer.group(2)
                if feld in self.jahr_formular.felder:
                    self.jahr_box.setCurrentIndex(self.jahr_box.findData(self.kasse.jahre[index].jahr))
                    self.jahr_formular.zeige_feldfehler({feld: meldung}, fokus=not stamm)
                    continue
                stufen.append(f"{self.kasse.jahre[index].jahr}: {meldung}")
            else:
                stufen.append(meldung)
        if stufen:
            self.stufen_fehler.setText(tr("Nicht gespeichert: {meldung}").format(meldung=" ".join(stufen)))
            self.stufen_fehler.show()
            self.stufen_tabelle.setFocus()
