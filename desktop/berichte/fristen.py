"""The start page's "Fristen": what is due in the next weeks, for which period, how much, done or not.

The list is read off the GUI thread (the amounts of an open month come from the draft payroll, which takes a
moment); the user ticks a due date as done with the day it was done, takes a tick back, or saves the dates of the
next twelve months as an `.ics` file for her own calendar. State is always text ("offen", "überfällig",
"erledigt am …"), never colour alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.geld import format_eur
from core.domain.zahlen import anzahl
from core.fehler import AssistenzbueroFehler
from core.meldungen.fristen import Frist
from desktop import meldungen
from desktop.abrechnung.fliesslayout import Fliesslayout
from desktop.dialoge import modal
from desktop.hintergrund import starte_faden
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle
from desktop.zieldatei import ersetzen_erlaubt

log = logging.getLogger(__name__)


def _betrag(f: Frist) -> str:
    if f.betrag is None:
        return "—"
    return format_eur(f.betrag) + (tr(" (vorläufig)") if f.vorlaeufig else "")


class _Bote(QObject):
    geladen = Signal(object, int)  # (list of Frist or an exception, request number)


def _lade(bote: _Bote, db: Any, heute: date, spanne: tuple[date, date] | None, nummer: int) -> None:
    """The worker: read the due dates, hand them to the GUI thread by a queued signal."""
    from core.meldungen.fristenliste import anstehende, fristen

    ergebnis: object
    try:
        ergebnis = anstehende(db, heute) if spanne is None else fristen(db, *spanne)
    except Exception as fehler:  # shown on the GUI thread; never lost in the thread
        ergebnis = fehler
    try:
        bote.geladen.emit(ergebnis, nummer)
    except RuntimeError:  # the page was closed meanwhile
        log.debug("Fristen geladen, Seite schon geschlossen")


#: (first day, last day) of the due dates to show; None: the start page's choice (`anstehende`).
Fenster = Callable[[], tuple[date, date]]


class FristenWidget(QGroupBox):
    """One line in `desktop.uebersicht`: `spalte.addWidget(FristenWidget(kontext))`. With `fenster` (the
    Meldungen tab) it shows the due dates of that span instead of the next six weeks."""

    def __init__(
        self,
        kontext: Kontext,
        parent: QWidget | None = None,
        *,
        titel: str = "",
        fenster: Fenster | None = None,
    ) -> None:
        super().__init__(titel or tr("Fristen der nächsten sechs Wochen"), parent)
        self.kontext = kontext
        self.heute = date.today
        self.fenster = fenster
        self.geladen = False
        self._anfrage = 0
        self._bote = _Bote(self)
        self._bote.geladen.connect(self._angekommen)
        self.setAccessibleName(tr("Fristen"))
        self.stand = QLabel(tr("Fristen werden geladen …"))
        self.stand.setWordWrap(True)
        self.modell: ZeilenModell[Frist] = ZeilenModell(
            [
                # dates, periods and amounts stay whole, long words of what is due break at syllables
                # ("Einzugsstellen" was cut at 200 %)
                Spalte(tr("Fällig"), lambda f: f"{f.faellig:%d.%m.%Y}", lambda f: f.faellig.isoformat(), ganz=True),
                Spalte(
                    tr("Was"),
                    lambda f: f.titel,
                    hinweis=lambda f: tr("Rechtsgrundlage: ") + f.rechtsgrundlage,
                    trennen=True,
                ),
                Spalte(tr("Zeitraum"), lambda f: f.zeitraum, ganz=True),
                Spalte(
                    tr("Betrag"),
                    _betrag,
                    lambda f: int(f.betrag * 100) if f.betrag else 0,
                    rechtsbuendig=True,
                    ganz=True,
                ),
                Spalte(tr("Stand"), lambda f: f.zustand(self.heute()), ganz=True),
            ],
            self,
        )
        self.tabelle, _proxy = sortierbare_tabelle(
            self.modell,
            tr("Fristen"),
            tr("Meldungen und Zahlungen an Einzugsstellen und Finanzamt, nach Fälligkeit"),
            leer=tr(
                "Keine Fristen in diesem Zeitraum. Fristen entstehen aus den Assistenzkräften mit Vertrag und den "
                "abgeschlossenen Monaten."
            ),
        )
        self.tabelle.setMinimumHeight(120)
        self.knopf_erledigt = QPushButton(tr("Als erledigt &vermerken …"))
        self.knopf_zurueck = QPushButton(tr("Vermerk &zurücknehmen"))
        self.knopf_ics = QPushButton(tr("&ics-Kalender speichern …"))
        self.knopf_erledigt.clicked.connect(self.erledigt_vermerken)
        self.knopf_zurueck.clicked.connect(self.zuruecknehmen)
        self.knopf_ics.clicked.connect(self.kalender_speichern)
        zeile = Fliesslayout()  # wraps at 200 % font instead of widening the page
        for k in (self.knopf_erledigt, self.knopf_zurueck, self.knopf_ics):
            zeile.addWidget(k)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.stand)
        spalte.addWidget(self.tabelle)
        spalte.addLayout(zeile)
        self.stand.setBuddy(self.tabelle)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.laden()

    # --- loading ------------------------------------------------------------------------------------------------

    def laden(self) -> None:
        """Read the list in a background thread; the newest request wins."""
        db = self.kontext.datenbank
        self._anfrage += 1
        if db is None:
            return
        spanne = self.fenster() if self.fenster is not None else None
        mitgabe = (self._bote, db, self.heute(), spanne, self._anfrage)
        starte_faden(_lade, mitgabe, "Fristen laden")

    def _angekommen(self, ergebnis: Any, nummer: int) -> None:
        if nummer != self._anfrage:
            return
        self.geladen = True
        if isinstance(ergebnis, BaseException):
            if not isinstance(ergebnis, AssistenzbueroFehler):
                log.warning("Fristen nicht lesbar", exc_info=ergebnis)
            self.modell.setze_zeilen([])
            self.stand.setText(tr("Die Fristen konnten nicht gelesen werden: {f}").format(f=str(ergebnis)))
            return
        liste: list[Frist] = ergebnis
        self.modell.setze_zeilen(liste)
        self.tabelle.resizeColumnsToContents()  # "Was" wraps; the columns share the width the table has
        heute = self.heute()
        ueberfaellig = sum(1 for f in liste if f.zustand(heute) == "überfällig")
        offen = sum(1 for f in liste if f.erledigt_am is None)
        if not liste:
            text = tr("Keine Fristen in diesem Zeitraum.")
        else:
            text = tr("{n}, davon {o} offen und {u} überfällig.").format(
                n=anzahl(len(liste), tr("Frist"), tr("Fristen")), o=offen, u=ueberfaellig
            )
        self.stand.setText(text)
        self.tabelle.setAccessibleDescription(text)

    # --- actions ------------------------------------------------------------------------------------------------

    def _gewaehlt(self) -> Frist | None:
        frist = aktuelle_zeile(self.tabelle, self.modell)
        if frist is None:
            meldungen.hinweis(self, tr("Fristen"), tr("Bitte zuerst eine Frist in der Liste auswählen."))
        return frist

    def erledigt_vermerken(self) -> None:
        frist = self._gewaehlt()
        if frist is None:
            return
        am = frage_datum(self, frist)
        if am is None:
            return
        from core.meldungen.fristenliste import vermerke_erledigt

        try:
            vermerke_erledigt(self.kontext.datenbank, frist, am)
        except AssistenzbueroFehler as fehler:
            meldungen.fehler(self, tr("Fristen"), str(fehler))
            return
        self.kontext.melde(tr("Vermerkt: {t} erledigt am {d}.").format(t=frist.titel, d=f"{am:%d.%m.%Y}"))
        self.laden()

    def zuruecknehmen(self) -> None:
        frist = self._gewaehlt()
        if frist is None or frist.erledigt_am is None:
            return
        from core.meldungen.fristenliste import nimm_zurueck

        nimm_zurueck(self.kontext.datenbank, frist)
        self.kontext.melde(tr("Vermerk zurückgenommen: {t}.").format(t=frist.titel))
        self.laden()

    def kalender_speichern(self) -> None:
        heute = self.heute()
        vorschlag = str(Path.home() / f"Fristen_{heute:%Y-%m-%d}.ics")
        pfad_text, _filter = QFileDialog.getSaveFileName(
            self, tr("Fristen als Kalender speichern"), vorschlag, tr("Kalenderdatei (*.ics)")
        )
        if not pfad_text:
            return
        gewaehlt = Path(pfad_text)
        pfad = gewaehlt if gewaehlt.suffix.lower() == ".ics" else gewaehlt.with_suffix(".ics")
        if not ersetzen_erlaubt(self, [pfad], schon_bestaetigt=gewaehlt):
            return
        from core.meldungen.fristenliste import fristen
        from core.meldungen.kalender_ics import schreibe_ics

        try:
            liste = fristen(self.kontext.datenbank, heute, heute + timedelta(days=365))
            schreibe_ics(liste, pfad, ueberschreiben=True)
        except AssistenzbueroFehler as fehler:
            meldungen.fehler(self, tr("Fristen"), str(fehler))
            return
        meldungen.datei_fertig(
            self,
            tr("Fristen"),
            tr("{n} der nächsten zwölf Monate gespeichert.").format(n=anzahl(len(liste), tr("Frist"), tr("Fristen"))),
            pfad,
        )


def frage_datum(parent: QWidget, frist: Frist) -> date | None:
    """Ask on which day the due date was done (today by default)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Als erledigt vermerken"))
    feld = QDateEdit(QDate.currentDate())
    feld.setCalendarPopup(True)
    feld.setDisplayFormat("dd.MM.yyyy")
    feld.setMaximumDate(QDate.currentDate())
    feld.setAccessibleName(tr("Erledigt am"))
    form = QFormLayout(dialog)
    was = QLabel(f"{frist.titel} – {frist.zeitraum}")
    was.setWordWrap(True)
    form.addRow(was)
    beschriftung = QLabel(tr("&Erledigt am:"))
    beschriftung.setBuddy(feld)
    form.addRow(beschriftung, feld)
    knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    knoepfe.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Vermerken"))
    knoepfe.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))
    knoepfe.accepted.connect(dialog.accept)
    knoepfe.rejected.connect(dialog.reject)
    form.addRow(knoepfe)
    if modal(dialog) != QDialog.DialogCode.Accepted:
        return None
    gewaehlt = feld.date()
    return date(gewaehlt.year(), gewaehlt.month(), gewaehlt.day())
