"""Einstellungen → Rechengrößen: every figure of a year with its status, and the imports for a new year.

Missing figures come first; the status is a word („fehlt“, „vorläufig“ …), never a colour. Shipped official values
are read-only; what is missing is added by importing the BMF's PAP (with its test table) or a figures file, whose
changes are shown before anything is kept. The work is `core.jahreswechsel`'s; this page only shows and asks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.fehler import AssistenzbueroFehler
from core.jahreswechsel import pap as pap_dienst
from core.jahreswechsel import werte as werte_dienst
from core.regeln import lohnsteuer
from core.regeln.rechengroessen import (
    PAP_TEXT,
    STATUS_TEXT,
    Eintrag,
    fehlende_zuerst,
    uebersicht,
    wert_text,
)
from desktop import meldungen
from desktop.dialoge import modal
from desktop.i18n import tr
from desktop.jahreswahl import Jahreswahl, beschriftete_tabelle, setze_spaltenbreiten
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile

SPALTEN: list[Spalte[Eintrag]] = [
    Spalte(tr("Status"), lambda e: STATUS_TEXT[e.status], ganz=True),
    Spalte(tr("Bereich"), lambda e: e.groesse.gruppe, trennen=True),
    Spalte(tr("Rechengröße"), lambda e: e.groesse.bezeichnung, hinweis=lambda e: e.name, trennen=True),
    Spalte(tr("Wert"), wert_text, rechtsbuendig=True, ganz=True),
    Spalte(tr("Gültig ab"), lambda e: "" if e.gueltig_ab is None else f"{e.gueltig_ab:%d.%m.%Y}", ganz=True),
    # at 200 % the six columns did not fit beside each other (the page scrolled sideways): the source gives way, the
    # line below the list names it for the chosen row
    Spalte(tr("Quelle"), lambda e: e.quelle, hinweis=lambda e: e.quelle, trennen=True, auch_in=tr("unter der Liste")),
]


class AenderungenDialog(QDialog):
    """The changes a figures file would make, shown before anything is kept (Enter: take over, Escape: not)."""

    def __init__(self, pruefung: werte_dienst.WertePruefung, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rechengrößen {jahr} einspielen – Änderungen").format(jahr=pruefung.jahr))
        self.setAccessibleName(tr("Änderungen durch die Datei"))
        spalte = QVBoxLayout(self)
        wirksam = len(pruefung.wirksame)
        kopf = QLabel(
            tr(
                "Die Datei „{datei}“ ist geprüft. Sie ändert {n} Werte für {jahr}; übernommene Werte gelten als "
                "„von Ihnen eingetragen“ und werden an jedem Ergebnis genannt, in das sie eingehen."
            ).format(datei=pruefung.datei, n=wirksam, jahr=pruefung.jahr)
        )
        kopf.setWordWrap(True)
        spalte.addWidget(kopf)
        self.liste = QPlainTextEdit()
        self.liste.setReadOnly(True)
        self.liste.setAccessibleName(tr("Liste der Änderungen"))
        self.liste.setPlainText("\n".join(a.text() for a in pruefung.aenderungen))
        self.liste.setTabChangesFocus(True)
        kopf.setBuddy(self.liste)
        spalte.addWidget(self.liste)
        knoepfe = QDialogButtonBox()
        self.uebernehmen = knoepfe.addButton(tr("&Übernehmen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.uebernehmen.setDefault(True)
        abbrechen = knoepfe.addButton(tr("&Nicht übernehmen"), QDialogButtonBox.ButtonRole.RejectRole)
        abbrechen.setAccessibleDescription(tr("Nichts wird geändert"))
        knoepfe.accepted.connect(self.accept)
        knoepfe.rejected.connect(self.reject)
        spalte.addWidget(knoepfe)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 24)


class RechengroessenSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        wahl = Jahreswahl(tr("&Jahr:"), tr("Jahr"), self.aktivieren)
        self.jahr, self.zusammenfassung = wahl.jahr, wahl.zusammenfassung
        self.zusammenfassung.setObjectName("rechengroessen_stand")

        self.modell: ZeilenModell[Eintrag] = ZeilenModell(SPALTEN, self)
        self.tabelle, self.filter, tabelle_label = beschriftete_tabelle(
            self.modell,
            tr("&Rechengrößen:"),
            tr("Rechengrößen des Jahres"),
            tr("Fehlende Werte oben; die Spalte Status nennt amtlich, vorläufig, von Ihnen eingetragen oder fehlt"),
            sortierbar=False,
        )
        self.tabelle.setWordWrap(True)
        kopf = self.tabelle.horizontalHeader()
        kopf.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.quelle = QLabel()
        self.quelle.setObjectName("rechengroesse_quelle")
        self.quelle.setWordWrap(True)
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._zeige_quelle())

        self.pap_knopf = QPushButton(tr("&PAP des BMF einspielen …"))
        self.pap_knopf.setAccessibleDescription(
            tr("Lohnsteuer-Programmablaufplan (XML) und maschinelle Prüftabelle (CSV) des BMF wählen und prüfen")
        )
        self.pap_knopf.clicked.connect(self.pap_einspielen)
        self.werte_knopf = QPushButton(tr("&Werte aus Datei einspielen …"))
        self.werte_knopf.setAccessibleDescription(
            tr("Eine Datei im Aufbau von resources/regeln/<jahr>.toml wählen, prüfen und die Änderungen ansehen")
        )
        self.werte_knopf.clicked.connect(self.werte_einspielen)

        unten = QHBoxLayout()
        unten.addWidget(self.pap_knopf)
        unten.addWidget(self.werte_knopf)
        unten.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.addLayout(wahl.zeile)
        spalte.addWidget(tabelle_label)
        spalte.addWidget(self.tabelle, 1)
        spalte.addWidget(self.quelle)
        spalte.addLayout(unten)
        self.setTabOrder(self.jahr, self.tabelle)
        self.setTabOrder(self.tabelle, self.pap_knopf)
        self.setTabOrder(self.pap_knopf, self.werte_knopf)

    def _zeige_quelle(self) -> None:
        """The chosen row's figure and source, in words (the list's Quelle column gives way when narrow)."""
        eintrag = aktuelle_zeile(self.tabelle, self.modell)
        text = (
            ""
            if eintrag is None
            else tr("Quelle zu „{groesse}“: {quelle}").format(
                groesse=eintrag.groesse.bezeichnung, quelle=eintrag.quelle or tr("keine angegeben")
            )
        )
        self.quelle.setText(text)
        self.quelle.setAccessibleName(text)

    # The file choices are attributes so that tests (and a future drag-and-drop) can replace them.
    def pap_dateien_waehlen(self) -> tuple[Path, Path] | None:
        xml, _ = QFileDialog.getOpenFileName(
            self, tr("PAP des BMF wählen (XML)"), "", tr("PAP (*.xml);;Alle Dateien (*)")
        )
        if not xml:
            return None
        csv, _ = QFileDialog.getOpenFileName(
            self,
            tr("Maschinelle Prüftabelle des BMF wählen (CSV)"),
            str(Path(xml).parent),
            tr("CSV (*.csv);;Alle Dateien (*)"),
        )
        return (Path(xml), Path(csv)) if csv else None

    def werte_datei_waehlen(self) -> Path | None:
        pfad, _ = QFileDialog.getOpenFileName(
            self, tr("Datei mit Rechengrößen wählen"), "", tr("Rechengrößen (*.toml);;Alle Dateien (*)")
        )
        return Path(pfad) if pfad else None

    def aenderungen_bestaetigen(self, pruefung: werte_dienst.WertePruefung) -> bool:
        return modal(AenderungenDialog(pruefung, self)) == QDialog.DialogCode.Accepted

    def aktivieren(self) -> None:
        stand = uebersicht(self.jahr.value())
        self.modell.setze_zeilen(fehlende_zuerst(stand.werte))
        fehlend = len({e.name for e in stand.fehlende})
        if stand.vollstaendig:
            text = tr("{jahr}: alle Werte und der Lohnsteuer-PAP sind vorhanden.")
        elif fehlend:
            text = tr("{jahr}: es fehlen {n} Werte; Lohnsteuer-PAP: {pap}.")
        else:
            text = tr("{jahr}: alle Werte sind vorhanden; Lohnsteuer-PAP: {pap}.")
        self.zusammenfassung.setText(text.format(jahr=stand.jahr, n=fehlend, pap=PAP_TEXT[stand.pap]))
        self.zusammenfassung.setAccessibleName(self.zusammenfassung.text())
        self.pap_knopf.setEnabled(stand.pap != lohnsteuer.MITGELIEFERT)
        setze_spaltenbreiten(self.tabelle, (18, 36, 40, 10, 11))
        self.tabelle.resizeRowsToContents()
        if self.modell.rowCount():
            self.tabelle.setCurrentIndex(self.filter.index(0, 0))

    def pap_einspielen(self) -> None:
        dateien = self.pap_dateien_waehlen()
        if dateien is None:
            return
        jahr = self.jahr.value()
        xml, tabelle = dateien
        (
            Hintergrundoperation(
                self,
                tr("PAP {jahr} wird geprüft …").format(jahr=jahr),
                lambda _f: pap_dienst.pap_einspielen(jahr, xml, tabelle),
            )
            .bei_erfolg(self._pap_geprueft)
            .bei_fehler(lambda f: self._fehler(tr("PAP nicht eingespielt"), f))
            .starten()
        )

    def _pap_geprueft(self, pruefung: pap_dienst.PapPruefung) -> None:
        self.aktivieren()
        if pruefung.bestanden:
            meldungen.hinweis(self, tr("PAP eingespielt"), pruefung.meldung())
            self.kontext.melde(pruefung.meldung())
        else:
            meldungen.fehler(self, tr("PAP nicht eingespielt"), pruefung.meldung())

    def werte_einspielen(self) -> None:
        pfad = self.werte_datei_waehlen()
        if pfad is None:
            return
        try:
            pruefung = werte_dienst.pruefe_wertedatei(pfad)
        except (AssistenzbueroFehler, OSError) as grund:
            self._fehler(tr("Datei nicht eingespielt"), grund)
            return
        if not self.aenderungen_bestaetigen(pruefung):
            self.kontext.melde(tr("Nichts übernommen."))
            return
        try:
            werte_dienst.uebernimm(pruefung)
        except (AssistenzbueroFehler, OSError) as grund:
            self._fehler(tr("Datei nicht eingespielt"), grund)
            return
        if self.jahr.value() != pruefung.jahr:
            self.jahr.setValue(pruefung.jahr)  # shows the year the file was for
        self.aktivieren()
        self.kontext.melde(pruefung.meldung())

    def _fehler(self, titel: str, grund: BaseException) -> None:
        if isinstance(grund, AssistenzbueroFehler | OSError):
            meldungen.fehler(self, titel, str(grund))
        else:
            meldungen.unerwartet(self, grund)
