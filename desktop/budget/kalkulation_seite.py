"""Budget → Kostenkalkulation: versions, the form with every explanation, live result lines, import, export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFont,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.budget.kalkulation import (
    FELD,
    FELDER,
    SEED_BEISPIEL,
    SEED_NAME,
    SEED_NOTIZ,
    SEED_STAND,
    Einheit,
    KalkulationsErgebnis,
    KalkulationsParameter,
    Umlagesaetze,
    berechne,
    neue_kalkulation,
    veraltete_saetze,
    vorbelegen,
)
from core.budget.kalkulation_dienst import KalkulationsVersion
from core.fehler import AssistenzbueroFehler, EingabeFehler
from core.io.kalkulation_import import ImportErgebnis, importiere
from desktop import meldungen
from desktop.bildschirm import passende_groesse
from desktop.dialoge import modal
from desktop.formular import (
    DatumEingabe,
    DezimalEingabe,
    Eingabeformat,
    datum_als_text,
    datum_aus_text,
    dezimal_als_text,
    dezimal_aus_text,
)
from desktop.hintergrund import Vorgang
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.meldungen import fehler as zeige_fehler
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import PassendeTabelle
from desktop.zieldatei import ersetzen_erlaubt


def _eingabetext(wert: Decimal) -> str:
    """An input's number as typed: whole numbers without decimals ("14", not "14.00"), others as they are."""
    return dezimal_als_text(wert.quantize(Decimal(1)) if wert == wert.to_integral_value() else wert)


def _gesamtkosten(summen: dict[str, Decimal]) -> str:
    return tr("Gesamtkosten im Jahr: {j} € · im Monat: {m} € · je Stunde: {h} €").format(
        j=dezimal_als_text(summen["gesamtkosten_jahr"], 2),
        m=dezimal_als_text(summen["gesamtkosten_monat"], 2),
        h=dezimal_als_text(summen["gesamtkosten_stunde"], 2),
    )


def _betrag(wert: Decimal, einheit: Einheit) -> str:
    if einheit in (Einheit.EURO, Einheit.EURO_STUNDE):
        return dezimal_als_text(wert, 2) + " €"
    return f"{_eingabetext(wert)} {einheit.value}"


class ErgebnisModell(QAbstractTableModel):
    """The computed lines: Posten, Betrag, Erläuterung. Subtotals say "Summe" in words and are bold."""

    SPALTEN = (tr("Posten"), tr("Betrag"), tr("Erläuterung"))

    def __init__(self) -> None:
        super().__init__()
        self.ergebnis: KalkulationsErgebnis | None = None

    def setze(self, ergebnis: KalkulationsErgebnis) -> None:
        self.beginResetModel()
        self.ergebnis = ergebnis
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.ergebnis is None else len(self.ergebnis.zeilen)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, abschnitt: int, richtung: Qt.Orientation, rolle: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if rolle == Qt.ItemDataRole.DisplayRole and richtung == Qt.Orientation.Horizontal:
            return self.SPALTEN[abschnitt]
        if rolle == Qt.ItemDataRole.DisplayRole and self.ergebnis is not None:
            return self.ergebnis.zeilen[abschnitt].bezeichnung  # the (hidden) row header names the row
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, rolle: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.ergebnis is None or not index.isValid():
            return None
        zeile = self.ergebnis.zeilen[index.row()]
        if rolle in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return (tr("Summe: ") if zeile.summe else "") + zeile.bezeichnung
            if index.column() == 1:
                if zeile.einheit is Einheit.PROZENT:
                    return dezimal_als_text(zeile.betrag) + " %"
                return dezimal_als_text(zeile.betrag_gerundet, 2) + " €"
            return zeile.erklaerung
        if rolle in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return zeile.erklaerung
        if rolle == Qt.ItemDataRole.FontRole and zeile.summe:
            schrift = QFont()
            schrift.setBold(True)
            return schrift
        if rolle == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _erklaerung(text: str) -> QLabel:
    hinweis = QLabel(text)
    hinweis.setWordWrap(True)
    hinweis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return hinweis


class ImportVorschau(QDialog):
    """Shows what was recognised in an old sheet (and every deviation) before anything is saved."""

    def __init__(self, ergebnis: ImportErgebnis, vorschlag: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ergebnis = ergebnis
        self.setWindowTitle(tr("Kalkulation importieren – Vorschau"))
        self.setAccessibleName(tr("Vorschau des Imports"))
        spalte = QVBoxLayout(self)
        herkunft = QLabel(
            tr("Aus „{datei}“ (Tabellenblatt „{blatt}“, Version {version}) wurde erkannt:").format(
                datei=Path(ergebnis.datei).name, blatt=ergebnis.blatt, version=ergebnis.version or tr("unbekannt")
            )
        )
        herkunft.setWordWrap(True)
        spalte.addWidget(herkunft)
        modell = QStandardItemModel(0, 4, self)
        modell.setHorizontalHeaderLabels([tr("Angabe"), tr("Bezeichnung in der Datei"), tr("Zelle"), tr("Wert")])
        for e in ergebnis.erkannt:
            feld = FELD[e.schluessel]
            werte = [feld.bezeichnung, e.bezeichnung_in_datei, e.zelle, _betrag(e.wert, feld.einheit)]
            modell.appendRow([QStandardItem(w) for w in werte])
        self.tabelle = PassendeTabelle()
        self.tabelle.setModel(modell)
        self.tabelle.setAccessibleName(tr("Erkannte Werte"))
        self.tabelle.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.tabelle.setTabKeyNavigation(False)  # Tab leaves the table (else one Tab per cell: a keyboard trap)
        self.tabelle.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Zelle and Wert as wide as they need, the two names share the rest and wrap: with every column sized to
        # its longest text the values were beyond the dialog's right edge, reachable only by scrolling sideways
        kopf = self.tabelle.horizontalHeader()
        kopf.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        kopf.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        kopf.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tabelle.verticalHeader().hide()  # row numbers carry no meaning (as in the result table)
        spalte.addWidget(self.tabelle)
        spalte.addWidget(_erklaerung(tr("Neu berechnet – ") + _gesamtkosten(ergebnis.ergebnis.summen())))
        if ergebnis.abweichungen:
            texte = [
                tr("Abweichung: {b} – in der Datei (Zelle {z}) {d} €, neu berechnet {n} €").format(
                    b=a.bezeichnung,
                    z=a.zelle,
                    d=dezimal_als_text(a.in_datei, 2),
                    n=dezimal_als_text(a.neu_berechnet, 2),
                )
                for a in ergebnis.abweichungen
            ]
        else:
            texte = [tr("Keine Abweichungen: alle in der Datei gespeicherten Summen stimmen auf den Cent.")]
        texte += [tr("Hinweis: ") + h.text for h in ergebnis.hinweise if h.code != "KALKULATION_IMPORT_ABWEICHUNG"]
        self.abweichungen = _erklaerung("\n".join(texte))
        self.abweichungen.setObjectName("abweichungen")
        spalte.addWidget(self.abweichungen)
        form = QFormLayout()
        self.name = QLineEdit(vorschlag)
        self.name.setAccessibleName(tr("Name der neuen Kalkulation"))
        beschriftung = QLabel(tr("&Name der neuen Kalkulation:"))
        beschriftung.setBuddy(self.name)
        form.addRow(beschriftung, self.name)
        spalte.addLayout(form)
        knoepfe = QDialogButtonBox()
        self.speichern = knoepfe.addButton(tr("Als Kalkulation &speichern"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.speichern.setDefault(True)
        knoepfe.addButton(QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self.accept)
        knoepfe.rejected.connect(self.reject)
        spalte.addWidget(knoepfe)
        self.name.setFocus()
        self.name.selectAll()
        passende_groesse(self, 100, 32)


class VorbelegenDialog(QDialog):
    """Stichtag, Mindestlohn or a tariff wage, and which Kasse's U1/U2 (or typed by hand)."""

    def __init__(self, kassen: list[Umlagesaetze], parent: QWidget | None = None, *, heute: date | None = None) -> None:
        super().__init__(parent)
        self.heute = heute or date.today()
        self.setWindowTitle(tr("Aus aktuellen Werten vorbelegen"))
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)
        self.stichtag = DatumEingabe()
        self.stichtag.setText(datum_als_text(self.heute))
        self.tarif = DezimalEingabe(2)
        self.tarif_name = QLineEdit()
        self.kasse = QComboBox()
        self.kasse.addItem(tr("Sätze der Minijob-Zentrale"), None)
        for k in kassen:
            self.kasse.addItem(k.quelle, k)
        self.kasse.addItem(tr("Von Hand eingeben"), "hand")
        self.u1 = DezimalEingabe()
        self.u2 = DezimalEingabe()
        for text, w, beschreibung in (
            (tr("&Stichtag:"), self.stichtag, tr("Die Rechengrößen dieses Tages werden eingesetzt (TT.MM.JJJJ).")),
            (
                tr("&Tariflohn je Stunde:"),
                self.tarif,
                tr("Leer lassen: der Mindestlohn des Stichtags wird eingesetzt."),
            ),
            (tr("Tarif&bezeichnung:"), self.tarif_name, tr("Zum Beispiel „TVöD P 5 Stufe 2“; erscheint im Vermerk.")),
            (tr("&Krankenkasse für U1/U2:"), self.kasse, tr("Umlagesätze aus den Stammdaten der Krankenkassen.")),
            (tr("U&1 in % (von Hand):"), self.u1, tr("Nur bei „Von Hand eingeben“.")),
            (tr("U&2 in % (von Hand):"), self.u2, tr("Nur bei „Von Hand eingeben“.")),
        ):
            beschriftung = QLabel(text)
            beschriftung.setBuddy(w)
            w.setAccessibleName(text.replace("&", "").rstrip(":"))
            w.setAccessibleDescription(beschreibung)
            w.setToolTip(beschreibung)
            form.addRow(beschriftung, w)
        self.fehler = QLabel()
        self.fehler.setWordWrap(True)
        self.fehler.hide()
        form.addRow(self.fehler)
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._pruefe)
        knoepfe.rejected.connect(self.reject)
        form.addRow(knoepfe)

    def _pruefe(self) -> None:
        """Each field on its own, so the message sits at the field that is wrong (focus, description, alert)."""
        hand = self.kasse.currentData() == "hand"
        for feld in (self.stichtag, self.tarif, self.u1, self.u2):
            feld.setAccessibleDescription(feld.toolTip())
        for feld, lesen in (
            (self.stichtag, datum_aus_text),
            (self.tarif, dezimal_aus_text),
            (self.u1, dezimal_aus_text if hand else None),
            (self.u2, dezimal_aus_text if hand else None),
        ):
            if lesen is None:
                continue
            try:
                wert = lesen(feld.text())
                if wert is None and feld in (self.u1, self.u2):
                    raise Eingabeformat(tr("Bitte U1 und U2 in Prozent eingeben (bei „Von Hand eingeben“)."))
            except Eingabeformat as f:
                self._zeige_fehler(feld, str(f))
                return
        self.accept()

    def _zeige_fehler(self, feld: QWidget, meldung: str) -> None:
        self.fehler.setText(tr("Fehler: ") + meldung)
        self.fehler.show()
        feld.setAccessibleDescription(self.fehler.text())
        feld.setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(feld, QAccessible.Event.DescriptionChanged))
        QAccessible.updateAccessibility(QAccessibleEvent(self.fehler, QAccessible.Event.Alert))

    def werte(self) -> dict[str, Any]:
        stichtag = datum_aus_text(self.stichtag.text()) or self.heute
        umlagen = self.kasse.currentData()
        if umlagen == "hand":
            u1, u2 = dezimal_aus_text(self.u1.text()), dezimal_aus_text(self.u2.text())
            if u1 is None or u2 is None:
                raise EingabeFehler(tr("Bitte U1 und U2 in Prozent eingeben."))
            umlagen = Umlagesaetze(tr("von Hand eingegeben"), u1, u2)
        return {
            "stichtag": stichtag,
            "tariflohn": dezimal_aus_text(self.tarif.text()),
            "tarif_bezeichnung": self.tarif_name.text().strip() or None,
            "umlagen": umlagen,
        }


class KalkulationSeite(QWidget):
    """The Kostenkalkulation: left the saved versions, middle the inputs, right the live result."""

    def __init__(
        self, kontext: Kontext, parent: QWidget | None = None, *, heute: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.heute = heute  # a fixed day in tests
        self.version_id: int | None = None
        self.versionen: list[KalkulationsVersion] = []
        self.notiz = ""
        self.herkunft = ""
        self.eingaben: dict[str, DezimalEingabe] = {}
        self.datei_waehlen = self._datei_dialog  # replaced in tests
        self.ziel_waehlen = self._ziel_dialog
        self._bestaetigt: Path | None = None  # the name the save dialog already asked about

        aussen = QVBoxLayout(self)
        teiler = QSplitter(Qt.Orientation.Horizontal)
        aussen.addWidget(teiler)

        # versions -------------------------------------------------------------------------------------------
        links = QWidget()
        lspalte = QVBoxLayout(links)
        titel = QLabel(tr("Gespeicherte K&alkulationen:"))
        self.liste_modell = QStandardItemModel(self)
        self.liste = QListView()
        self.liste.setModel(self.liste_modell)
        self.liste.setAccessibleName(tr("Gespeicherte Kalkulationen"))
        self.liste.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        titel.setBuddy(self.liste)
        self.liste.activated.connect(self._version_oeffnen)
        self.liste.selectionModel().currentChanged.connect(lambda i, _a: self._version_oeffnen(i))
        lspalte.addWidget(titel)
        lspalte.addWidget(self.liste)
        self.knoepfe: dict[str, QPushButton] = {}
        for schluessel, text, aktion in (
            ("neu", tr("&Neu"), self.neu),
            ("beispiel", tr("Beispiel aus dem Handb&uch 2016 laden"), self.beispiel_laden),
            ("speichern", tr("S&peichern"), self.speichern),
            ("kopieren", tr("K&opieren …"), self.kopieren),
            ("loeschen", tr("&Löschen"), self.loeschen),
            ("importieren", tr("Alte Tabelle &importieren …"), self.importieren),
            ("vorbelegen", tr("Aus aktuellen &Werten vorbelegen …"), self.vorbelegen),
            ("excel", tr("Als &Excel exportieren …"), lambda: self.exportieren(".xlsx")),
            ("pdf", tr("Als PD&F exportieren …"), lambda: self.exportieren(".pdf")),
        ):
            knopf = QPushButton(text)
            knopf.setObjectName(f"knopf_{schluessel}")
            knopf.clicked.connect(aktion)
            lspalte.addWidget(knopf)
            self.knoepfe[schluessel] = knopf
        QShortcut(QKeySequence.StandardKey.Save, self, self.speichern)
        self.ohne_db = _erklaerung(
            tr(
                "Keine Datenbank geöffnet: Kalkulationen können berechnet und exportiert, aber "
                "nicht gespeichert werden."
            )
        )
        lspalte.addWidget(self.ohne_db)
        teiler.addWidget(links)

        # inputs ---------------------------------------------------------------------------------------------
        mitte = QWidget()
        mspalte = QVBoxLayout(mitte)
        kopf = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setAccessibleName(tr("Name der Kalkulation"))
        self.name.setAccessibleDescription(tr("Zum Beispiel „Antrag 2027“ oder „Ist 2026“."))
        self.name.setPlaceholderText(tr("z. B. Antrag 2027"))
        name_label = QLabel(tr("Na&me:"))
        name_label.setBuddy(self.name)
        kopf.addRow(name_label, self.name)
        self.stand = DatumEingabe()
        self.stand.setObjectName("stand")
        self.stand.setAccessibleName(tr("Stand"))
        self.stand.setAccessibleDescription(tr("Für welchen Tag die Kalkulation gilt (TT.MM.JJJJ)."))
        stand_label = QLabel(tr("S&tand:"))
        stand_label.setBuddy(self.stand)
        kopf.addRow(stand_label, self.stand)
        mspalte.addLayout(kopf)
        self.vermerk = _erklaerung("")
        self.vermerk.setObjectName("vermerk")
        mspalte.addWidget(self.vermerk)
        rollbar = QScrollArea()
        rollbar.setWidgetResizable(True)
        formular = QWidget()
        fspalte = QVBoxLayout(formular)
        gruppen: dict[str, QFormLayout] = {}
        for feld in FELDER:
            if feld.gruppe not in gruppen:
                box = QGroupBox(feld.gruppe)
                gruppen[feld.gruppe] = QFormLayout(box)
                gruppen[feld.gruppe].setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                fspalte.addWidget(box)
            eingabe = DezimalEingabe()
            eingabe.setObjectName(feld.schluessel)
            name = f"{feld.bezeichnung} ({feld.einheit.value})"
            eingabe.setAccessibleName(name)
            eingabe.setAccessibleDescription(feld.erklaerung)
            eingabe.setToolTip(feld.erklaerung)
            eingabe.textEdited.connect(self._neu_berechnen)
            beschriftung = QLabel(name + ":")
            beschriftung.setBuddy(eingabe)
            beschriftung.setWordWrap(True)
            # the explanation gets the full width below its row: beside the input it squeezed the field so
            # much that the typed number was cut off
            eingabe.setMinimumWidth(eingabe.fontMetrics().averageCharWidth() * 12)
            gruppen[feld.gruppe].addRow(beschriftung, eingabe)
            gruppen[feld.gruppe].addRow(_erklaerung(feld.erklaerung))
            self.eingaben[feld.schluessel] = eingabe
        rollbar.setWidget(formular)
        rollbar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # scroll up and down only: sideways the typed numbers were cut off at the right edge
        rollbar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rand = rollbar.verticalScrollBar().sizeHint().width() + 2 * rollbar.frameWidth()
        rollbar.setMinimumWidth(formular.minimumSizeHint().width() + rand)
        mspalte.addWidget(rollbar)
        teiler.addWidget(mitte)

        # result ---------------------------------------------------------------------------------------------
        rechts = QWidget()
        rspalte = QVBoxLayout(rechts)
        self.summen = QLabel()
        self.summen.setObjectName("summen")
        self.summen.setWordWrap(True)
        schrift = self.summen.font()
        schrift.setBold(True)
        self.summen.setFont(schrift)
        self.summen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summen.setAccessibleName(tr("Ergebnis"))
        rspalte.addWidget(self.summen)
        self.modell = ErgebnisModell()
        self.ergebnis_tabelle = PassendeTabelle()
        self.ergebnis_tabelle.setModel(self.modell)
        self.ergebnis_tabelle.setAccessibleName(tr("Berechnung Zeile für Zeile"))
        self.ergebnis_tabelle.setWordWrap(True)
        kopf_zeile = self.ergebnis_tabelle.horizontalHeader()
        # the amount is as wide as it needs; Posten takes the rest and wraps, so both stay in view (a fixed
        # Posten width left long names cut off while the amount column stretched over empty space)
        kopf_zeile.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        kopf_zeile.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        kopf_zeile.setStretchLastSection(False)
        # The long explanation squeezed beside the amounts made every row many lines high: it is shown below
        # the table for the current row (and stays the cell's tooltip and accessible description).
        self.ergebnis_tabelle.setColumnHidden(2, True)
        self.modell.modelReset.connect(self.ergebnis_tabelle.resizeRowsToContents)
        self.ergebnis_tabelle.setTabKeyNavigation(False)
        self.ergebnis_tabelle.verticalHeader().hide()  # row numbers carry no meaning (and had no name)
        ergebnis_label = QLabel(tr("Berechnung &Zeile für Zeile:"))
        ergebnis_label.setBuddy(self.ergebnis_tabelle)
        rspalte.addWidget(ergebnis_label)
        rspalte.addWidget(self.ergebnis_tabelle)
        self.erlaeuterung = _erklaerung("")
        self.erlaeuterung.setObjectName("erlaeuterung")
        rspalte.addWidget(self.erlaeuterung)
        self.ergebnis_tabelle.selectionModel().currentRowChanged.connect(lambda *_a: self._zeige_erlaeuterung())
        self.modell.modelReset.connect(self._zeige_erlaeuterung)
        self.hinweise = _erklaerung("")
        self.hinweise.setObjectName("hinweise")
        rspalte.addWidget(self.hinweise)
        teiler.addWidget(rechts)
        # the saved versions need little room; inputs and result share the rest (also when the window grows)
        teiler.setStretchFactor(0, 0)
        teiler.setStretchFactor(1, 1)
        teiler.setStretchFactor(2, 1)
        self.teiler = teiler
        self._aufgeteilt = False

        self.aktivieren()
        self._zeige_neue()

    # data ------------------------------------------------------------------------------------------------------
    @property
    def db(self) -> Any:
        return self.kontext.datenbank

    def _zeige_erlaeuterung(self) -> None:
        index = self.ergebnis_tabelle.currentIndex()
        ergebnis = self.modell.ergebnis
        if ergebnis is None or not index.isValid():
            self.erlaeuterung.setText(tr("Pfeiltasten in der Tabelle zeigen hier die Erläuterung der Zeile."))
            return
        zeile = ergebnis.zeilen[index.row()]
        self.erlaeuterung.setText(f"{zeile.bezeichnung}: {zeile.erklaerung}")

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if not self._aufgeteilt and self.width() > 0:
            self._aufgeteilt = True
            erste = self.teiler.widget(0)
            links = erste.sizeHint().width() if erste is not None else 0
            rest = max(0, sum(self.teiler.sizes()) - links)
            self.teiler.setSizes([links, rest // 2, rest - rest // 2])

    def aktivieren(self) -> None:
        hat_db = self.db is not None
        for s in ("speichern", "kopieren", "loeschen"):
            self.knoepfe[s].setEnabled(hat_db)
        self.ohne_db.setVisible(not hat_db)
        self._lade_liste()

    def _lade_liste(self) -> None:
        from core.budget import kalkulation_dienst as dienst

        self.versionen = dienst.liste(self.db) if self.db is not None else []
        self.liste_modell.clear()
        for v in self.versionen:
            eintrag = QStandardItem(f"{v.name} – {v.stand:%d.%m.%Y}")
            eintrag.setData(v.id, Qt.ItemDataRole.UserRole)
            self.liste_modell.appendRow(eintrag)

    def _version_oeffnen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        vid = index.data(Qt.ItemDataRole.UserRole)
        version = next((v for v in self.versionen if v.id == vid), None)
        if version is not None and version.id != self.version_id:
            if not self.darf_verlassen():
                self._markiere_version(self.version_id)  # stay with the unsaved input
                return
            self.zeige_version(version)

    def _markiere_version(self, version_id: int | None) -> None:
        auswahl = self.liste.selectionModel()
        auswahl.blockSignals(True)
        try:
            self.liste.clearSelection()
            for zeile in range(self.liste_modell.rowCount()):
                if self.liste_modell.item(zeile).data(Qt.ItemDataRole.UserRole) == version_id:
                    self.liste.setCurrentIndex(self.liste_modell.index(zeile, 0))
        finally:
            auswahl.blockSignals(False)

    # unsaved changes ----------------------------------------------------------------------------------------
    def _formstand(self) -> tuple[str, ...]:
        return (self.name.text(), self.stand.text(), *(e.text() for e in self.eingaben.values()))

    def _merke_stand(self) -> None:
        self._gemerkt = self._formstand()

    def hat_aenderungen(self) -> bool:
        return self.db is not None and self._formstand() != getattr(self, "_gemerkt", None)

    def darf_verlassen(self) -> bool:
        """Before another version or a new one is shown (or the window closes): save, discard or stay."""
        if not self.hat_aenderungen():
            return True
        antwort = meldungen.ungespeichert(self, tr("der Kalkulation „{name}“").format(name=self.name.text()))
        if antwort == meldungen.VERWERFEN:
            return True
        return antwort == meldungen.SPEICHERN and self.speichern()

    def zeige_version(self, v: KalkulationsVersion) -> None:
        self.version_id = v.id
        self.name.setText(v.name)
        self.stand.setText(datum_als_text(v.stand))
        self.notiz, self.herkunft = v.notiz, v.herkunft
        self.vermerk.setText(v.notiz)
        self._zeige_parameter(v.parameter)
        self._markiere_version(v.id)
        self._merke_stand()

    def _zeige_parameter(self, p: KalkulationsParameter) -> None:
        for schluessel, eingabe in self.eingaben.items():
            wert: Decimal = getattr(p, schluessel)
            eingabe.setText(_eingabetext(wert))
        self._neu_berechnen()

    def parameter(self) -> KalkulationsParameter:
        """What the form holds; EingabeFehler names the field whose text is no number."""
        werte: dict[str, Decimal] = {}
        for schluessel, eingabe in self.eingaben.items():
            try:
                werte[schluessel] = dezimal_aus_text(eingabe.text()) or Decimal(0)
            except Eingabeformat:
                raise EingabeFehler(
                    tr("„{feld}“: „{text}“ ist keine Zahl. Bitte eine Zahl eingeben, zum Beispiel 12,50.").format(
                        feld=FELD[schluessel].bezeichnung, text=eingabe.text()
                    ),
                    feld=schluessel,
                ) from None
        return KalkulationsParameter(**werte)

    def _stand(self) -> date:
        try:
            return datum_aus_text(self.stand.text()) or self.heute()
        except Eingabeformat as f:
            raise EingabeFehler(str(f), feld="stand") from None

    def _neu_berechnen(self) -> None:
        try:
            p = self.parameter()
            e = berechne(p, stichtag=self._stand())
        except EingabeFehler as f:
            self.summen.setText(tr("Nicht berechnet – Fehler: ") + str(f))
            self.summen.setAccessibleDescription(self.summen.text())
            self._markiere(getattr(f, "feld", None), str(f))
            return
        self._markiere(None, "")
        self.modell.setze(e)
        self.summen.setText(_gesamtkosten(e.summen()))
        self.summen.setAccessibleDescription(self.summen.text())
        hinweise = list(e.hinweise)
        if (veraltet := veraltete_saetze(p, max(self._stand(), self.heute()))) is not None:
            hinweise.insert(0, veraltet)
        self.hinweise.setText("\n".join(tr("Hinweis: ") + h.text for h in hinweise))
        self.hinweise.setVisible(bool(hinweise))  # an empty label would be a nameless stop for a screen reader

    def _markiere(self, feld: str | None, meldung: str) -> None:
        """The field whose text is no number says so to a screen reader; the others keep their explanation."""
        for schluessel, eingabe in self.eingaben.items():
            beschreibung = tr("Fehler: ") + meldung if schluessel == feld else FELD[schluessel].erklaerung
            if eingabe.accessibleDescription() != beschreibung:
                eingabe.setAccessibleDescription(beschreibung)
                QAccessible.updateAccessibility(QAccessibleEvent(eingabe, QAccessible.Event.DescriptionChanged))

    def _version(self) -> KalkulationsVersion:
        return KalkulationsVersion(
            name=self.name.text(),
            stand=self._stand(),
            parameter=self.parameter(),
            notiz=self.notiz,
            herkunft=self.herkunft,
            id=self.version_id,
        )

    # actions ---------------------------------------------------------------------------------------------------
    def _fehler(self, titel: str, f: BaseException) -> None:
        feld = getattr(f, "feld", None)
        zeige_fehler(self, titel, str(f))
        if feld in self.eingaben:
            self.eingaben[feld].setFocus()
        elif feld == "name":
            self.name.setFocus()
        elif feld == "stand":
            self.stand.setFocus()

    def neu(self) -> None:
        if not self.darf_verlassen():
            return
        self._zeige_neue()
        self.name.setFocus()
        self.name.selectAll()

    def _zeige_neue(self) -> None:
        """A new, unsaved sheet with today's figures (U1/U2 of her Kasse when she has exactly one with rates)."""
        from core.budget import kalkulation_dienst as dienst

        heute = self.heute()
        kassen = dienst.kassen_umlagen(self.db, heute.year) if self.db is not None else []
        try:
            v = neue_kalkulation(heute, umlagen=kassen[0] if len(kassen) == 1 else None)
        except AssistenzbueroFehler as f:  # no year table at all: the example, saying so
            self._zeige_unbenannt(tr("Neue Kalkulation"), heute, SEED_BEISPIEL, SEED_NOTIZ + " " + str(f), "")
            return
        vermerk = "\n".join([v.notiz, *(tr("Hinweis: ") + h.text for h in v.hinweise)])
        self._zeige_unbenannt(tr("Neue Kalkulation"), heute, v.parameter, v.notiz, vermerk)

    def beispiel_laden(self) -> None:
        """The handbook's 2016 example as it stands (dated 2016): to follow the arithmetic, not to hand in."""
        if not self.darf_verlassen():
            return
        self._zeige_unbenannt(SEED_NAME, SEED_STAND, SEED_BEISPIEL, SEED_NOTIZ, "")
        self.herkunft = SEED_NAME
        self.name.setFocus()
        self.name.selectAll()

    def _zeige_unbenannt(
        self, name: str, stand: date, parameter: KalkulationsParameter, notiz: str, vermerk: str
    ) -> None:
        self.version_id = None
        self.notiz, self.herkunft = notiz, ""
        self.name.setText(name)
        self.stand.setText(datum_als_text(stand))
        self.vermerk.setText(vermerk or notiz)
        self._zeige_parameter(parameter)
        self._markiere_version(None)
        self._merke_stand()

    def speichern(self) -> bool:
        from core.budget import kalkulation_dienst as dienst

        if self.db is None:
            return False
        try:
            v = dienst.speichere(self.db, self._version())
        except AssistenzbueroFehler as f:
            self._fehler(tr("Nicht gespeichert"), f)
            return False
        self.version_id = v.id
        self._lade_liste()
        self._markiere_version(v.id)
        self._merke_stand()
        self.kontext.melde(tr("Kalkulation „{name}“ gespeichert.").format(name=v.name))
        return True

    def kopieren(self) -> None:
        from core.budget import kalkulation_dienst as dienst

        if self.db is None or self.version_id is None:
            self.kontext.melde(tr("Bitte speichern Sie die Kalkulation zuerst."))
            return
        if not self.darf_verlassen():  # the copy is made of the saved version
            return
        name, ok = QInputDialog.getText(
            self, tr("Kalkulation kopieren"), tr("Name der Kopie:"), text=self.name.text() + tr(" (Kopie)")
        )
        if not ok:
            return
        try:
            v = dienst.kopiere(self.db, self.version_id, name)
        except AssistenzbueroFehler as f:
            self._fehler(tr("Nicht kopiert"), f)
            return
        self._lade_liste()
        self.zeige_version(v)

    def loeschen(self) -> None:
        from core.budget import kalkulation_dienst as dienst

        if self.db is None or self.version_id is None:
            return
        db, vid = self.db, self.version_id
        if not meldungen.loeschen_nach_frage(
            self,
            tr("Kalkulation löschen"),
            tr("„{n}“ wirklich löschen?").format(n=self.name.text()),
            lambda: dienst.loesche(db, vid),
        ):
            return
        self._merke_stand()  # deleted on purpose: nothing left to save
        self._lade_liste()
        self.neu()

    def _datei_dialog(self) -> Path | None:
        pfad, _ = QFileDialog.getOpenFileName(
            self, tr("Alte Kalkulationstabelle wählen"), "", tr("Tabellen (*.xlsx *.xls *.ods);;Alle Dateien (*)")
        )
        return Path(pfad) if pfad else None

    def _ziel_dialog(self, endung: str) -> Path | None:
        vorschlag = f"Kostenkalkulation {self.name.text().strip() or 'neu'}{endung}"
        pfad, _ = QFileDialog.getSaveFileName(self, tr("Exportieren als"), vorschlag, f"*{endung}")
        if not pfad:
            return None
        ziel = self._bestaetigt = Path(pfad)  # the dialog asked about replacing this name
        return ziel if ziel.suffix.lower() == endung else ziel.with_suffix(endung)

    def importieren(self) -> None:
        if not self.darf_verlassen():
            return
        pfad = self.datei_waehlen()
        if pfad is None:
            return
        (
            Hintergrundoperation(self, tr("Tabelle wird gelesen …"), lambda _f: importiere(pfad, anzeigename=pfad.name))
            .bei_erfolg(lambda e: self.zeige_import(e, pfad))
            .bei_fehler(lambda f: self._fehler(tr("Import nicht möglich"), f))
            .starten()
        )

    def zeige_import(self, ergebnis: ImportErgebnis, pfad: Path) -> None:
        from core.budget import kalkulation_dienst as dienst

        vorschau = ImportVorschau(ergebnis, tr("Import {name}").format(name=pfad.stem), self)
        if modal(vorschau) != QDialog.DialogCode.Accepted:
            self.kontext.melde(tr("Import abgebrochen; nichts wurde übernommen."))
            return
        from core.io.kalkulation_dateien import als_version

        version = als_version(vorschau.name.text(), ergebnis)
        if self.db is not None:
            try:
                version = dienst.speichere(self.db, version)
            except AssistenzbueroFehler as f:
                self._fehler(tr("Nicht gespeichert"), f)
                return
            self._lade_liste()
        self.zeige_version(version)
        self.kontext.melde(tr("Kalkulation „{name}“ übernommen.").format(name=version.name))

    def vorbelegen(self) -> None:
        from core.budget import kalkulation_dienst as dienst

        kassen = dienst.kassen_umlagen(self.db, self._stand().year) if self.db is not None else []
        dialog = VorbelegenDialog(kassen, self, heute=self.heute())
        if modal(dialog) != QDialog.DialogCode.Accepted:
            return
        werte = dialog.werte()
        try:
            v = vorbelegen(werte.pop("stichtag"), basis=self.parameter(), **werte)
        except AssistenzbueroFehler as f:
            self._fehler(tr("Nicht vorbelegt"), f)
            return
        self.notiz = v.notiz
        self.vermerk.setText(v.notiz + "\n" + "\n".join(tr("Hinweis: ") + h.text for h in v.hinweise))
        self._zeige_parameter(v.parameter)

    def exportieren(self, endung: str) -> Vorgang | None:
        """Write the shown Kalkulation as .xlsx or .pdf, off the GUI thread."""
        from core.io.kalkulation_dateien import antragsteller, exportiere_version

        try:
            version = self._version()
            wer = antragsteller(self.db) if self.db is not None else ()
            gedruckt_am = self.heute()
        except AssistenzbueroFehler as f:
            self._fehler(tr("Nicht exportiert"), f)
            return None
        ziel = self.ziel_waehlen(endung)
        if ziel is None or not ersetzen_erlaubt(self, [ziel], schon_bestaetigt=self._bestaetigt):
            return None

        def fertig(_ergebnis: object) -> None:
            self.kontext.melde(tr("Exportiert: {ziel}").format(ziel=ziel))
            meldungen.datei_fertig(
                self, tr("Export fertig"), tr("Die Kalkulation steht in {ziel}.").format(ziel=ziel), ziel
            )

        return (
            Hintergrundoperation(
                self,
                tr("Kalkulation wird exportiert"),
                # the user was asked about replacing the file
                lambda _f: exportiere_version(
                    version, ziel, gedruckt_am=gedruckt_am, ueberschreiben=True, antragsteller=wer
                ),
            )
            .bei_erfolg(fertig)
            .bei_fehler(lambda f: self._fehler(tr("Nicht exportiert"), f))
            .starten()
        )
