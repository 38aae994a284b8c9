"""Area "Assistenzkräfte": the sortable, filterable list; Personalbogen, PDF, DSGVO export and applicant erasure."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.zahlen import anzahl
from core.stammdaten import assistenzkraefte as dienst
from core.stammdaten import vertraege
from desktop import meldungen
from desktop.fluss import flusszeile, paar
from desktop.formular import datum_als_text, dezimal_als_text
from desktop.hintergrund import Fortschritt
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle
from desktop.zieldatei import ersetzen_erlaubt

if TYPE_CHECKING:
    from core.abrechnung.einordnung import Einordnung

Zeile = dienst.AssistenzkraftZeile


def _lohn(z: Zeile) -> str:
    if z.lohnsatz is None:
        return ""
    return f"{dezimal_als_text(z.lohnsatz, 2)} € {vertraege.LOHNFORMEN.get(z.lohnform, z.lohnform)}"


def _hinweise(z: Zeile) -> str:
    return " ".join(h.text for h in z.hinweise)


def spalten(einordnungen: dict[int, Einordnung]) -> list[Spalte[Zeile]]:
    """The columns; `einordnungen`: what the payroll determined for a contract on "automatisch bestimmen"."""
    beschaeftigung: Spalte[Zeile] = Spalte(
        tr("Beschäftigung"), lambda z: _beschaeftigung(z, einordnungen), auch_in=IN_DEN_VERTRAEGEN, trennen=True
    )
    return [*SPALTEN[:3], beschaeftigung, *SPALTEN[4:]]


def _beschaeftigung(z: Zeile, einordnungen: dict[int, Einordnung]) -> str:
    from desktop.vertraege import beschaeftigung_text

    if not z.beschaeftigung:
        return ""
    # the list reads finalised months only (no draft per person each time the list is shown)
    return beschaeftigung_text(
        z.beschaeftigung, einordnungen.get(z.id), tr("automatisch (noch kein Monat abgeschlossen)")
    )


# At 200 % the list cannot show all eight columns: these give way, the Personalbogen shows their content
IM_PERSONALBOGEN = tr("im Personalbogen")
IN_DEN_VERTRAEGEN = tr("im Personalbogen unter „Verträge“")

SPALTEN: list[Spalte[Zeile]] = [
    Spalte(
        tr("Name"), lambda z: f"{z.nachname}, {z.vorname}", sortierung=lambda z: f"{z.nachname} {z.vorname}".casefold()
    ),
    # whole words ("beschäf…" at 200 %): status words stay whole, long names and kinds break at syllables
    Spalte(tr("Status"), lambda z: z.status_text, auch_in=IM_PERSONALBOGEN, ganz=True),
    # "Kasse", as the search says: "Krankenkasse" was so wide a title that "Beschäftigung" gave way at 200 %
    Spalte(tr("Kasse"), lambda z: z.krankenkasse, auch_in=IM_PERSONALBOGEN, trennen=True),
    Spalte(
        tr("Beschäftigung"),
        lambda z: vertraege.BESCHAEFTIGUNG.get(z.beschaeftigung, z.beschaeftigung),
        auch_in=IN_DEN_VERTRAEGEN,
        trennen=True,
    ),
    Spalte(
        tr("Lohn"),
        _lohn,
        sortierung=lambda z: int((z.lohnsatz or 0) * 100),
        rechtsbuendig=True,
        auch_in=IN_DEN_VERTRAEGEN,
        ganz=True,
    ),
    Spalte(
        tr("Eintritt"),
        lambda z: datum_als_text(z.eintritt),
        sortierung=lambda z: z.eintritt.isoformat() if z.eintritt else "",
        auch_in=IN_DEN_VERTRAEGEN,
        ganz=True,
    ),
    Spalte(tr("Telefon"), lambda z: z.telefon, auch_in=IM_PERSONALBOGEN),
    Spalte(
        tr("Hinweise"),
        lambda z: anzahl(len(z.hinweise), tr("Hinweis"), tr("Hinweise")) if z.hinweise else "",
        hinweis=_hinweise,
    ),
]

STATUSFILTER: list[tuple[str | None, str]] = [(None, tr("alle")), *dienst.STATUS.items()]


class AssistenzkraefteBereich(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.einordnungen: dict[int, Einordnung] = {}
        self.modell: ZeilenModell[Zeile] = ZeilenModell(spalten(self.einordnungen), self)
        self.tabelle, self.filter = sortierbare_tabelle(
            self.modell,
            tr("Assistenzkräfte"),
            tr("Eingabetaste öffnet den Personalbogen; Suchen und Sortieren stehen darüber"),
        )
        self.tabelle.activated.connect(lambda _i: self.oeffnen())
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._knoepfe())

        self.suche = QLineEdit()
        self.suche.setPlaceholderText(tr("Name, Kasse, Telefon …"))
        self.suche.setAccessibleName(tr("Suchen"))
        suche_label = QLabel(tr("Su&chen"))
        suche_label.setBuddy(self.suche)
        self.suche.textChanged.connect(self.filter.setFilterFixedString)
        self.suche.textChanged.connect(lambda _t: self._zaehle())
        self.status = QComboBox()
        for wert, text in STATUSFILTER:
            self.status.addItem(text, wert)
        self.status.setAccessibleName(tr("Status"))
        status_label = QLabel(tr("S&tatus"))
        status_label.setBuddy(self.status)
        self.status.currentIndexChanged.connect(lambda _i: self.aktivieren())
        self.sortierung = QComboBox()
        for s in SPALTEN:
            self.sortierung.addItem(s.titel)
        self.sortierung.setAccessibleName(tr("Sortieren nach"))
        sortierung_label = QLabel(tr("Sortieren &nach"))
        sortierung_label.setBuddy(self.sortierung)
        self.absteigend = QCheckBox(tr("ab&steigend"))
        self.sortierung.currentIndexChanged.connect(lambda _i: self._sortiere())
        self.absteigend.toggled.connect(lambda _an: self._sortiere())
        self.tabelle.horizontalHeader().sortIndicatorChanged.connect(self._sortierung_von_kopf)

        # wraps at a large font instead of widening the page (each label stays with its field)
        oben = flusszeile(
            paar(suche_label, self.suche),
            paar(status_label, self.status),
            paar(sortierung_label, self.sortierung),
            self.absteigend,
        )

        self.anzahl = QLabel()
        self.knopf_neu = QPushButton(tr("N&eue Assistenzkraft …"))
        self.knopf_neu.setShortcut(QKeySequence.StandardKey.New)
        self.knopf_neu.setAccessibleDescription(tr("Strg+N"))
        self.tabelle.leer_sagt(tr("Noch keine Assistenzkraft (und keine Bewerberin)."), self.knopf_neu)
        self.knopf_oeffnen = QPushButton(tr("Personalbogen ö&ffnen …"))
        self.knopf_pdf = QPushButton(tr("Personalbogen als &PDF"))
        self.pdf_menue = QMenu(self.knopf_pdf)
        self.aktion_pdf_ausgefuellt = QAction(tr("&Ausgefüllt für die gewählte Person …"), self)
        self.aktion_pdf_leer = QAction(tr("&Leer für Bewerberinnen …"), self)
        self.pdf_menue.addAction(self.aktion_pdf_ausgefuellt)
        self.pdf_menue.addAction(self.aktion_pdf_leer)
        self.knopf_pdf.setMenu(self.pdf_menue)
        self.knopf_auskunft = QPushButton(tr("A&uskunft nach DSGVO …"))
        self.knopf_auskunft.setAccessibleDescription(
            tr("Alle gespeicherten Daten der Person in einen Ordner schreiben")
        )
        self.knopf_eingaben = QPushButton(tr("Lohn-Ein&gaben …"))
        self.knopf_eingaben.setAccessibleDescription(
            tr("Einmalzahlungen, Sachbezüge, Vorschüsse und übernommene Werte der gewählten Person")
        )
        self.knopf_loeschen = QPushButton(tr("Bewerberin &löschen …"))
        self._loeschen_erklaert(None)
        self.knopf_neu.clicked.connect(self.neu)
        self.knopf_oeffnen.clicked.connect(self.oeffnen)
        self.aktion_pdf_ausgefuellt.triggered.connect(lambda: self.personalbogen_pdf(leer=False))
        self.aktion_pdf_leer.triggered.connect(lambda: self.personalbogen_pdf(leer=True))
        self.knopf_auskunft.clicked.connect(self.auskunft)
        self.knopf_eingaben.clicked.connect(self.lohneingaben)
        self.knopf_loeschen.clicked.connect(self.loeschen)
        unten = flusszeile(self.anzahl)
        for k in (
            self.knopf_neu,
            self.knopf_oeffnen,
            self.knopf_eingaben,
            self.knopf_pdf,
            self.knopf_auskunft,
            self.knopf_loeschen,
        ):
            unten.addWidget(k)

        spalte = QVBoxLayout(self)
        spalte.addLayout(oben)
        spalte.addWidget(self.tabelle, 1)
        spalte.addLayout(unten)
        self.personalbogen: QWidget | None = None

    def startfeld(self) -> QWidget:
        """Where the cursor goes when the area is entered: the list (search and filters are one Shift+Tab away)."""
        return self.tabelle

    def tastenkuerzel(self) -> list[str]:
        """For the main window's F1 help."""
        return [
            tr("Strg+N: neue Assistenzkraft (leerer Personalbogen)"),
            tr("Eingabetaste in der Liste: Personalbogen öffnen"),
            tr("Im Personalbogen: Alt+1 … Alt+8 Abschnitte, Strg+S speichern, Esc schließen"),
            tr("In „Personalbogen als PDF“: A ausgefüllt, L leer"),
            tr("Alt+G: Lohn-Eingaben (Einmalzahlungen, Sachbezüge, Vorschüsse, übernommene Werte)"),
        ]

    # list ---------------------------------------------------------------------------------------------------
    def aktivieren(self, markiere: int | None = None) -> None:
        if markiere is None:
            gewaehlt = aktuelle_zeile(self.tabelle, self.modell)
            markiere = gewaehlt.id if gewaehlt else None
        zeilen = dienst.liste_assistenzkraefte(self.kontext.datenbank, status=self.status.currentData())
        self.einordnungen.clear()
        if any(z.beschaeftigung == "auto" for z in zeilen):
            from core.abrechnung.einordnung import zuletzt_bestimmt

            self.einordnungen.update(zuletzt_bestimmt(self.kontext.datenbank, heute=date.today()))
        self.modell.setze_zeilen(zeilen)
        self.tabelle.resizeColumnsToContents()
        ziel = 0
        for i in range(self.filter.rowCount()):
            if self.modell.zeile(self.filter.mapToSource(self.filter.index(i, 0))).id == markiere:
                ziel = i
        if self.filter.rowCount():
            self.tabelle.setCurrentIndex(self.filter.index(ziel, 0))
        self._zaehle()
        self._knoepfe()

    def _zaehle(self) -> None:
        sichtbar, alle = self.filter.rowCount(), self.modell.rowCount()
        if sichtbar == alle:
            self.anzahl.setText(anzahl(alle, tr("Person"), tr("Personen")))
        else:
            self.anzahl.setText(tr("{s} von {n}").format(s=sichtbar, n=anzahl(alle, tr("Person"), tr("Personen"))))

    def _knoepfe(self) -> None:
        z = aktuelle_zeile(self.tabelle, self.modell)
        for k in (self.knopf_oeffnen, self.knopf_auskunft, self.knopf_eingaben):
            k.setEnabled(z is not None)
        self.aktion_pdf_ausgefuellt.setEnabled(z is not None)
        # only for applicants: an employee's data must be kept (retention periods); the button says why it is off
        self.knopf_loeschen.setEnabled(z is not None and z.status == "bewerberin")
        self._loeschen_erklaert(z)

    def _loeschen_erklaert(self, z: Zeile | None) -> None:
        """The erase button's description (read by screen readers and shown as tooltip, also while it is off)."""
        if z is None or z.status == "bewerberin":
            text = tr("Alle Daten einer Bewerberin ohne Arbeitsvertrag endgültig löschen (Art. 17 DSGVO)")
        else:
            text = tr(
                "Nicht möglich für {name} ({status}): Nur Bewerberinnen werden gelöscht; die Lohnunterlagen "
                "Beschäftigter sind aufzubewahren."
            ).format(name=z.name, status=z.status_text)
        self.knopf_loeschen.setAccessibleDescription(text)
        self.knopf_loeschen.setToolTip(text)

    def _sortiere(self) -> None:
        reihenfolge = Qt.SortOrder.DescendingOrder if self.absteigend.isChecked() else Qt.SortOrder.AscendingOrder
        self.tabelle.sortByColumn(self.sortierung.currentIndex(), reihenfolge)

    def _sortierung_von_kopf(self, spalte: int, reihenfolge: Qt.SortOrder) -> None:
        for w, wert in ((self.sortierung, spalte), (self.absteigend, reihenfolge == Qt.SortOrder.DescendingOrder)):
            w.blockSignals(True)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(int(wert))
            else:
                w.setChecked(bool(wert))
            w.blockSignals(False)

    # actions ------------------------------------------------------------------------------------------------
    def _oeffne_bogen(self, assistenzkraft_id: int | None) -> None:
        from desktop.personalbogen import Personalbogen

        bogen = Personalbogen(self.kontext, assistenzkraft_id, self)
        bogen.setWindowModality(Qt.WindowModality.WindowModal)
        bogen.finished.connect(lambda _e, b=bogen: self._bogen_zu(b))
        self.personalbogen = bogen
        bogen.open()

    def _bogen_zu(self, bogen: QWidget) -> None:
        self.personalbogen = None
        self.aktivieren(getattr(bogen, "id", None))
        self.tabelle.setFocus()
        bogen.deleteLater()

    def neu(self) -> None:
        self._oeffne_bogen(None)

    def oeffnen(self) -> None:
        z = aktuelle_zeile(self.tabelle, self.modell)
        if z is not None:
            self._oeffne_bogen(z.id)

    def lohneingaben(self) -> None:
        """One-off payments, benefits in kind, advances and carried-over figures of the chosen person."""
        from desktop.abrechnung.eingaben import LohneingabenDialog
        from desktop.dialoge import modal

        z = aktuelle_zeile(self.tabelle, self.modell)
        if z is None:
            return
        modal(LohneingabenDialog(self.kontext, z.id, parent=self))
        self.tabelle.setFocus()

    def _ordner(self) -> str:
        """Documents if it exists, else the home folder (not the program's working directory)."""
        dokumente = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return dokumente if dokumente and Path(dokumente).is_dir() else str(Path.home())

    def personalbogen_pdf(self, *, leer: bool) -> None:
        from core.io import auskunft

        z = None if leer else aktuelle_zeile(self.tabelle, self.modell)
        if not leer and z is None:
            return
        name = "Personalbogen_leer.pdf" if z is None else f"Personalbogen_{z.vorname}_{z.nachname}.pdf"
        pfad, _filter = QFileDialog.getSaveFileName(
            self, tr("Personalbogen speichern unter"), str(Path(self._ordner()) / name), tr("PDF-Dateien (*.pdf)")
        )
        if not pfad:
            return
        ziel = Path(pfad).with_suffix(".pdf")
        if not ersetzen_erlaubt(self, [ziel], schon_bestaetigt=Path(pfad)):
            return
        db = self.kontext.datenbank
        kraft_id = None if z is None else z.id

        def arbeit(_f: Fortschritt) -> Path:
            return auskunft.personalbogen_pdf(db, kraft_id, ziel, ueberschreiben=True)

        def fertig(p: Path) -> None:
            self.kontext.melde(tr("Personalbogen gespeichert: {pfad}").format(pfad=p))
            text = tr("Der Personalbogen steht in {pfad}.").format(pfad=p)
            meldungen.datei_fertig(self, tr("Personalbogen gespeichert"), text, p)

        Hintergrundoperation(self, tr("Personalbogen wird erstellt"), arbeit).bei_erfolg(fertig).starten()

    def auskunft(self) -> None:
        from core.io import auskunft

        z = aktuelle_zeile(self.tabelle, self.modell)
        if z is None:
            return
        ordner = QFileDialog.getExistingDirectory(
            self, tr("Ordner für die Auskunft an {name} wählen").format(name=z.name), self._ordner()
        )
        if not ordner:
            return
        ziel = Path(ordner) / f"Auskunft_{auskunft.dateiname(z.name)}_{date.today():%Y-%m-%d}"
        db = self.kontext.datenbank
        if not ersetzen_erlaubt(self, auskunft.auskunftsdateien(db, z.id, ziel)):
            return

        def arbeit(_f: Fortschritt) -> list[Path]:
            return auskunft.schreibe_auskunft(db, z.id, ziel, ueberschreiben=True)

        def fertig(dateien: list[Path]) -> None:
            liste = "\n".join(str(d) for d in dateien)
            meldungen.datei_fertig(
                self,
                tr("Auskunft erstellt"),
                tr("Alle gespeicherten Daten von {name} stehen in diesen Dateien:\n{liste}").format(
                    name=z.name, liste=liste
                ),
                ziel,
            )

        Hintergrundoperation(self, tr("Auskunft wird erstellt"), arbeit).bei_erfolg(fertig).starten()

    def loeschen(self) -> None:
        from core.fehler import EingabeFehler
        from core.stammdaten import dsgvo

        z = aktuelle_zeile(self.tabelle, self.modell)
        if z is None:
            return
        db = self.kontext.datenbank
        grund = dsgvo.loeschgrund(db, z.id)
        if grund:
            meldungen.hinweis(self, tr("Löschen nicht möglich"), grund)
            return
        if not meldungen.frage(
            self,
            tr("Bewerberin löschen"),
            tr(
                "Alle Daten von {name} (Personalbogen, Kinder, weitere Beschäftigungen) endgültig löschen? "
                "Das kann nicht rückgängig gemacht werden."
            ).format(name=z.name),
            ja=tr("Endgültig &löschen"),
            nein=tr("&Nicht löschen"),
            gefaehrlich=True,
        ):
            return
        reihe = self.tabelle.currentIndex().row()
        try:
            bericht = dsgvo.loesche_bewerberin(db, z.id)
        except EingabeFehler as fehler:
            meldungen.fehler(self, tr("Nicht gelöscht"), str(fehler))
            return
        self.kontext.melde(tr("Die Daten von {name} wurden gelöscht.").format(name=bericht.name))
        meldungen.hinweis(self, tr("Gelöscht"), bericht.als_text())  # what was done, also in the backups
        self.aktivieren()
        if self.filter.rowCount():  # the cursor stays where the erased person was (the next one in the list)
            self.tabelle.setCurrentIndex(self.filter.index(min(reihe, self.filter.rowCount() - 1), 0))
        self.tabelle.setFocus()
