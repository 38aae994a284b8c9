"""Budget → Antrag vs Ist (a saved Kalkulation beside the actual year) and → Verwendungsnachweis (export).

Figures from `core.budget.antrag_ist`; the Verwendungsnachweis is written by `core.io.verwendungsnachweis` in the
background. The switches start as the chosen Bewilligung's Zielvereinbarung asks and may be changed for one export.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.budget import bewilligungen as dienst
from core.budget.antrag_ist import EURO, Vergleichszeile, antrag_vs_ist
from core.budget.bewilligung import NACHWEISTEILE
from core.budget.kalkulation_dienst import liste as kalkulationen
from core.budget.verwendungsnachweis import verwendungsnachweis
from core.domain.zahlen import anzahl, format_eur, format_zahl
from core.fehler import AssistenzbueroFehler
from desktop import meldungen
from desktop.budget.bewilligungen_seite import monat_aus_text
from desktop.formular import Eingabeformat
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import datei_schreiben
from desktop.tabellen import Spalte, ZeilenModell, sortierbare_tabelle
from desktop.zieldatei import ersetzen_erlaubt


def _wert(z: Vergleichszeile, feld: str) -> str:
    wert = getattr(z, feld)
    return format_eur(wert) if z.einheit == EURO else f"{format_zahl(wert)} {z.einheit}"


VERGLEICH_SPALTEN: list[Spalte[Vergleichszeile]] = [
    Spalte(tr("Zeile"), lambda z: z.bezeichnung, hinweis=lambda z: z.erklaerung),
    Spalte(tr("Antrag"), lambda z: _wert(z, "antrag"), rechtsbuendig=True),
    Spalte(tr("Ist"), lambda z: _wert(z, "ist"), rechtsbuendig=True),
    Spalte(tr("Ist aufs Jahr"), lambda z: _wert(z, "hochgerechnet"), rechtsbuendig=True),
    Spalte(tr("Abweichung"), lambda z: _wert(z, "abweichung"), rechtsbuendig=True),
    Spalte(tr("in %"), lambda z: "" if z.prozent is None else f"{format_zahl(z.prozent)} %", rechtsbuendig=True),
]


class AntragIstSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.kalkulation = QComboBox()
        self.kalkulation.setAccessibleName(tr("Kalkulation (Antrag)"))
        self.jahr = QSpinBox()
        self.jahr.setRange(2000, 2100)
        self.jahr.setValue(date.today().year)
        self.jahr.setAccessibleName(tr("Jahr"))
        self.kalkulation.currentIndexChanged.connect(lambda _i: self._rechnen())
        self.jahr.valueChanged.connect(lambda _j: self._rechnen())
        self.modell: ZeilenModell[Vergleichszeile] = ZeilenModell(VERGLEICH_SPALTEN, self)
        self.tabelle, _ = sortierbare_tabelle(
            self.modell,
            tr("Antrag und Ist Zeile für Zeile"),
            tr("Die Erläuterung einer Zeile steht im Tooltip"),
            sortierbar=False,
            leer=tr("Noch keine Kalkulation zum Vergleichen. Unter „Kostenkalkulation“ mit „Neu“ anlegen."),
        )
        self.stand = QLabel()
        self.stand.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Ka&lkulation:"), self.kalkulation)
        form.addRow(tr("&Jahr:"), self.jahr)
        spalte = QVBoxLayout(self)
        spalte.addLayout(form)
        spalte.addWidget(self.stand)
        spalte.addWidget(self.tabelle, 1)

    def aktivieren(self) -> None:
        alt = self.kalkulation.currentData()
        self.kalkulation.blockSignals(True)
        self.kalkulation.clear()
        for k in kalkulationen(self.kontext.datenbank):
            self.kalkulation.addItem(k.name, k.id)
        if alt is not None and self.kalkulation.findData(alt) >= 0:
            self.kalkulation.setCurrentIndex(self.kalkulation.findData(alt))
        self.kalkulation.blockSignals(False)
        self._rechnen()

    def _rechnen(self) -> None:
        kid = self.kalkulation.currentData()
        if kid is None:
            self.modell.setze_zeilen([])
            self.stand.setText(tr("Noch keine Kalkulation gespeichert. Bitte unter „Kostenkalkulation“ eine anlegen."))
            return
        try:
            v = antrag_vs_ist(self.kontext.datenbank, int(kid), self.jahr.value())
        except AssistenzbueroFehler as fehler:
            self.stand.setText(str(fehler))
            return
        self.modell.setze_zeilen(list(v.zeilen))
        self.tabelle.resizeColumnsToContents()
        self.stand.setText(
            tr("„{k}“ neben {j}: {n} abgeschlossen; „Ist aufs Jahr“ rechnet sie auf zwölf Monate hoch.").format(
                k=v.kalkulation, j=v.jahr, n=anzahl(v.monate, tr("Monat"), tr("Monate"))
            )
        )


class NachweisSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.bewilligung = QComboBox()
        self.bewilligung.setAccessibleName(tr("Bewilligung"))
        self.bewilligung.currentIndexChanged.connect(lambda _i: self._schalter_vorbelegen())
        jahr = date.today().year
        self.von = QLineEdit(f"01/{jahr}")
        self.von.setAccessibleName(tr("Von (Monat)"))
        self.bis = QLineEdit(f"12/{jahr}")
        self.bis.setAccessibleName(tr("Bis (Monat)"))
        self.schalter = {teil: QCheckBox(text) for teil, text in NACHWEISTEILE.items()}
        gruppe = QGroupBox(tr("Inhalt (wie die Zielvereinbarung es verlangt)"))
        gruppen_spalte = QVBoxLayout(gruppe)
        for k in self.schalter.values():
            gruppen_spalte.addWidget(k)
        self.knopf_pdf = QPushButton(tr("Als &PDF speichern …"))
        self.knopf_excel = QPushButton(tr("Als &Excel-Datei speichern …"))
        self.knopf_pdf.clicked.connect(lambda: self.exportieren(".pdf"))
        self.knopf_excel.clicked.connect(lambda: self.exportieren(".xlsx"))
        self.fehler = QLabel()
        self.fehler.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Bewilli&gung:"), self.bewilligung)
        form.addRow(tr("Vo&n (MM/JJJJ):"), self.von)
        form.addRow(tr("B&is (MM/JJJJ):"), self.bis)
        knoepfe = QHBoxLayout()
        knoepfe.addWidget(self.knopf_pdf)
        knoepfe.addWidget(self.knopf_excel)
        knoepfe.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.addLayout(form)
        spalte.addWidget(gruppe)
        spalte.addWidget(self.fehler)
        spalte.addLayout(knoepfe)
        spalte.addStretch(1)

    def aktivieren(self) -> None:
        alt = self.bewilligung.currentData()
        self.bewilligung.blockSignals(True)
        self.bewilligung.clear()
        self.bewilligung.addItem(tr("Alle Bewilligungen des Zeitraums"), None)
        self._bewilligungen = {b.id: b for b in dienst.liste(self.kontext.datenbank)}
        for b in self._bewilligungen.values():
            self.bewilligung.addItem(b.name, b.id)
        if alt is not None and self.bewilligung.findData(alt) >= 0:
            self.bewilligung.setCurrentIndex(self.bewilligung.findData(alt))
        self.bewilligung.blockSignals(False)
        self._schalter_vorbelegen()

    def _schalter_vorbelegen(self) -> None:
        b = self._bewilligungen.get(self.bewilligung.currentData()) if hasattr(self, "_bewilligungen") else None
        for teil, k in self.schalter.items():
            k.setChecked(b is None or b.zeigt(teil))

    def exportieren(self, endung: str, ziel: Path | None = None) -> None:
        self.fehler.clear()
        try:
            von, bis = monat_aus_text(self.von.text()), monat_aus_text(self.bis.text())
        except Eingabeformat as f:
            self.fehler.setText(str(f))
            return
        if von is None or bis is None:
            self.fehler.setText(tr("Bitte den ersten und den letzten Monat angeben, zum Beispiel 01/2026 und 12/2026."))
            return
        teile = frozenset(t for t, k in self.schalter.items() if k.isChecked())
        bid = self.bewilligung.currentData()
        db = self.kontext.datenbank
        try:
            nachweis = verwendungsnachweis(db, von, bis, bewilligung_id=bid, teile=teile)
        except AssistenzbueroFehler as fehler:
            self.fehler.setText(str(fehler))
            return
        if ziel is None:
            vorschlag = f"verwendungsnachweis-{von[0]}-{von[1]:02d}-bis-{bis[0]}-{bis[1]:02d}{endung}"
            filter_ = tr("PDF (*.pdf)") if endung == ".pdf" else tr("Excel-Datei (*.xlsx)")
            pfad, _ = QFileDialog.getSaveFileName(self, tr("Verwendungsnachweis speichern"), vorschlag, filter_)
            if not pfad:
                return
            ziel = Path(pfad).with_suffix(endung)
            if not ersetzen_erlaubt(self, [ziel]):
                return
        datei = ziel

        def schreiben() -> Path:
            if endung == ".pdf":
                from core.io.verwendungsnachweis_pdf import verwendungsnachweis_pdf

                verwendungsnachweis_pdf(nachweis, datei, gedruckt_am=date.today(), ueberschreiben=True)
            else:
                from core.io.verwendungsnachweis_xlsx import verwendungsnachweis_xlsx

                verwendungsnachweis_xlsx(nachweis, datei, gedruckt_am=date.today(), ueberschreiben=True)
            return datei

        datei_schreiben(
            self,
            tr("Verwendungsnachweis wird geschrieben"),
            schreiben,
            lambda p: meldungen.datei_fertig(
                self, tr("Export fertig"), tr("Der Verwendungsnachweis steht in {ziel}.").format(ziel=p), p
            ),
        )
