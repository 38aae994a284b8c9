"""The Abrechnung area's tab "Meldungen und Fristen": for a month, the reports to the authorities as PDF or Excel
(Beitragsnachweise, Lohnsteuer-Anmeldung, Haushaltsscheck) and the due dates from that month on.

The same writers as `assistenzbuero export` (core.meldungen.*_export); they run in the background and refuse in one
German sentence what they cannot produce (an open month, a missing Betriebsnummer). The page says, in text, that
the files are for typing into the SV-Meldeportal, Mein ELSTER or the Haushaltsscheck: transmitting is out of scope.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.abrechnung import ablage
from core.domain.kalender import MONATE, monatsgrenzen
from core.meldungen.deuev import stornohinweise
from desktop import meldungen
from desktop.abrechnung.fliesslayout import Fliesslayout
from desktop.abrechnung.monatsabrechnung import Monatsfeld
from desktop.berichte.fristen import FristenWidget
from desktop.hintergrund import Fortschritt
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.zieldatei import ersetzen_erlaubt

TYPEN = tr("PDF-Dokument (*.pdf);;Excel-Arbeitsmappe (*.xlsx)")
NACHLAUF = timedelta(weeks=7)  # the month's own dates and those that follow it (Lohnsteuer on the 10th, DEÜV)

Schreiber = Callable[..., str]  # (db, jahr, monat, ziel, *, ueberschreiben) -> German summary


def _schreiber(art: str) -> Schreiber:
    if art == "beitragsnachweis":
        from core.meldungen.beitragsnachweis_export import beitragsnachweise_exportieren

        return beitragsnachweise_exportieren
    if art == "deuev":
        from core.meldungen.deuev_export import deuev_exportieren

        return deuev_exportieren
    if art == "lohnsteuerbescheinigung":
        from core.meldungen.lohnsteuerbescheinigung_export import lstb_exportieren

        return lambda db, jahr, _monat, ziel, **optionen: lstb_exportieren(db, jahr, ziel, **optionen)
    if art == "lst-anmeldung":
        from core.meldungen.lohnsteuer_anmeldung_export import lst_anmeldung_exportieren

        return lst_anmeldung_exportieren
    from core.meldungen.haushaltsscheck_export import haushaltsscheck_exportieren

    return haushaltsscheck_exportieren


class MeldungenSeite(QWidget):
    """Tab "Meldungen und Fristen" (one line in desktop.abrechnung.bereich.REITER)."""

    titel = tr("Meldungen und &Fristen")

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        heute = date.today()
        self.jahr, self.monat = heute.year, heute.month
        self.monatsfeld = Monatsfeld()
        self.monatsfeld.gewaehlt.connect(self.zeige_monat)
        beschriftung = QLabel(tr("M&onat:"))
        beschriftung.setBuddy(self.monatsfeld)
        self.stand = QLabel()
        self.stand.setAccessibleName(tr("Stand des Monats"))
        self.stand.setWordWrap(True)
        self.stand.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.stand.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        kopf = QHBoxLayout()
        kopf.addWidget(beschriftung)
        kopf.addWidget(self.monatsfeld)
        kopf.addStretch(1)

        self.knoepfe: dict[str, QPushButton] = {}
        leiste = Fliesslayout()  # wraps at 200 % font instead of widening the area
        for art, text in (
            ("beitragsnachweis", tr("Beitragsnachweise (&PDF oder Excel) …")),
            ("lst-anmeldung", tr("Lohn&steuer-Anmeldung …")),
            ("haushaltsscheck", tr("Haushaltsscheck-A&ufstellung …")),
            ("deuev", tr("DEÜV-Me&ldungen …")),
            ("lohnsteuerbescheinigung", tr("Lohnsteuerbescheinigungen des Jahres …")),
        ):
            knopf = QPushButton(text)
            knopf.clicked.connect(lambda _an=False, a=art: self.exportieren(a))
            leiste.addWidget(knopf)
            self.knoepfe[art] = knopf
        hinweis = QLabel(
            tr(
                "Die Dateien enthalten die Werte zum Eintippen in das SV-Meldeportal, Mein ELSTER oder den "
                "Haushaltsscheck, Feld für Feld. Elektronisch übermitteln dürfen nur systemgeprüfte Programme oder die "
                "amtlichen Ausfüllhilfen; Assistenzbüro übermittelt nichts."
            )
        )
        hinweis.setWordWrap(True)

        self.fristen = FristenWidget(kontext, titel=tr("Fristen ab diesem Monat"), fenster=self._fenster)
        spalte = QVBoxLayout(self)
        spalte.addLayout(kopf)
        spalte.addWidget(self.stand)
        spalte.addLayout(leiste)
        spalte.addWidget(hinweis)
        spalte.addWidget(self.fristen, 1)

    def _fenster(self) -> tuple[date, date]:
        erster, naechster = monatsgrenzen(self.jahr, self.monat)
        return erster, naechster - timedelta(days=1) + NACHLAUF

    def aktivieren(self) -> None:
        """Start on the last finalised month (the one whose reports are due), else today's."""
        db = self.kontext.datenbank
        fertig = ablage.abgeschlossene_monate(db) if db is not None else []
        if fertig and (self.jahr, self.monat) == (date.today().year, date.today().month):
            self.jahr, self.monat = fertig[-1]
        self.zeige_monat(self.jahr, self.monat)

    def startfeld(self) -> QWidget:
        return self.monatsfeld

    def zeige_monat(self, jahr: int, monat: int) -> None:
        if (jahr, monat) == (0, 0):
            self.stand.setText(tr("Bitte den Monat als MM.JJJJ eingeben, z. B. 03.2026."))
            return
        self.jahr, self.monat = jahr, monat
        self.monatsfeld.setze(jahr, monat)
        db = self.kontext.datenbank
        status = ablage.status(db, jahr, monat) if db is not None else ablage.ENTWURF
        name = f"{MONATE[monat - 1]} {jahr}"
        if status == ablage.ABGESCHLOSSEN:
            text = tr("{m}: abgeschlossen – die Meldungen können erstellt werden.").format(m=name)
            if db is not None:  # a later correction made an issued DEÜV-Meldung wrong: say so where reports are made
                text = " ".join([text, *(f"Achtung: {s}" for s in stornohinweise(db, jahr, monat))])
        else:
            text = tr("{m}: noch nicht abgeschlossen – Meldungen gibt es erst nach dem Abschluss.").format(m=name)
        self.stand.setText(text)
        self.stand.setAccessibleName(text)
        if self.fristen.isVisible():
            self.fristen.laden()

    def exportieren(self, art: str) -> None:
        namen = {
            "beitragsnachweis": tr("Beitragsnachweise"),
            "lst-anmeldung": tr("Lohnsteuer-Anmeldung"),
            "haushaltsscheck": tr("Haushaltsscheck"),
            "deuev": tr("DEUEV-Meldungen"),
            "lohnsteuerbescheinigung": tr("Lohnsteuerbescheinigungen"),
        }
        vorschlag = Path.home() / f"{namen[art]}_{self.jahr}-{self.monat:02d}.pdf"
        titel = tr("{was} speichern").format(was=namen[art])
        pfad_text, filter_ = QFileDialog.getSaveFileName(self, titel, str(vorschlag), TYPEN)
        if not pfad_text:
            return
        gewaehlt = Path(pfad_text)
        endung = ".xlsx" if "xlsx" in filter_ and gewaehlt.suffix.lower() != ".pdf" else ".pdf"
        ziel = gewaehlt if gewaehlt.suffix.lower() in (".pdf", ".xlsx") else gewaehlt.with_name(gewaehlt.name + endung)
        if not ersetzen_erlaubt(self, [ziel], schon_bestaetigt=gewaehlt):
            return
        db, jahr, monat, schreiber = self.kontext.datenbank, self.jahr, self.monat, _schreiber(art)

        def arbeit(fortschritt: Fortschritt) -> str:
            fortschritt.melde(0, 1, tr("{datei} wird erstellt …").format(datei=ziel.name))
            return schreiber(db, jahr, monat, ziel, ueberschreiben=True)

        def erfolg(zusammenfassung: str) -> None:
            self.kontext.melde(zusammenfassung)
            meldungen.datei_fertig(self, tr("Export fertig"), zusammenfassung, ziel)

        Hintergrundoperation(self, titel, arbeit).bei_erfolg(erfolg).starten()
