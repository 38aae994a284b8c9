"""The Monatsabrechnung tab: month switcher, one row per assistant, the detail of the selected one, and the actions
Berechnen, Abschließen, Korrekturen, Drucken/Exportieren.

A view: the month is computed by `core.abrechnung.lauf` in the background (desktop.hintergrund: progress, Abbrechen,
the window never freezes) and shown as it comes back; a finalised month is read as stored. Finalising asks the run
first whether it may (`lauf.abschluss_hindernis`, the same sentence `schliesse_ab` refuses with), then for the
user's yes, then finalises in the background in one transaction.

The action bar is a list: another page part adds a button with `aktion_hinzufuegen(...)` (one call), e.g. the entry
dialogs for one-off payments and advances. Mnemonics used here: M (tab), N, R, A, K, X, J, T, E and G (Lohn-Eingaben,
Abrechnungsbeginn), P (Kassensätze prüfen, shown while a Kasse's rates for the year are unconfirmed); the main window
has D, B, H. Left free for additions: F, I, L, O, S, U, W, Z.

Jahreswechsel: when the month's Kassen have no confirmed rates for its year (carried forward „bitte prüfen“, or not
entered yet), a notice under the status says so and offers to confirm them (`kassen_pruefen`); finalising is
blocked by the run until then.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.abrechnung import lauf
from core.domain.zeit import BERLIN
from core.fehler import AssistenzbueroFehler
from core.jahreswechsel import kassen as kassen_dienst
from desktop import meldungen
from desktop.abrechnung import eingaben, export, korrekturen
from desktop.abrechnung.detail import detail_html
from desktop.abrechnung.fliesslayout import Fliesslayout
from desktop.abrechnung.modelle import SPALTEN, AbrechnungsModell, name_von
from desktop.abrechnung.monatsstand import Monatsstand, lade_monatsstand, monatstitel
from desktop.dialoge import modal
from desktop.hintergrund import Abgebrochen, Fortschritt, Vorgang
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import PassendeTabelle

log = logging.getLogger(__name__)

TASTEN = (
    tr("Alt+Pfeil links/rechts oder Strg+Bild auf/ab: vorheriger/nächster Monat"),
    tr("Alt+N: Monat eintippen (MM.JJJJ)"),
    tr("F5 oder Alt+R: neu berechnen"),
    tr("Alt+A: Monat abschließen; Alt+K: Korrekturen; Alt+X: Drucken und Exportieren"),
    tr("Alt+J: Tabelle der Assistenzkräfte; Pfeiltasten wählen, die Einzelheiten folgen; Eingabe springt zu ihnen"),
    tr("Alt+T: Einzelheiten der gewählten Assistenzkraft lesen"),
)


KORREKTUREN = (tr("Korrektur eines früheren Monats"), tr("Korrekturen früherer Monate"))


def anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    """ "1 Korrektur", "2 Korrekturen"."""
    return f"{n} {einzahl if n == 1 else mehrzahl}"


def _ohne_vertrag(texte: Sequence[str]) -> str:
    """The corrections no row of the settling month settles (people who left, `lauf.OhneVertrag.text`), each in
    full: said wherever corrections are, never only in the list behind a button."""
    return "".join(" " + tr("Achtung: {t}").format(t=t) for t in texte)


class Tabelle(PassendeTabelle):
    """The month's rows: Tab leaves the table, arrows move; the whole row is selected. Its columns fit its width
    (at 200 % the less important ones give way: the detail below shows them)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("abrechnungstabelle")
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)  # follows the palette (high contrast keeps working)
        # texts wrap at spaces in a narrow column, rows as high as they need ("Sabine B…", "2 W…" at 200 %); amounts
        # keep their column wide enough (`modelle.Spalte.ganz`)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().sectionResized.connect(lambda *_: self._eine_zeile_ganz())
        kopf = self.horizontalHeader()
        kopf.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        kopf.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        kopf.setStretchLastSection(True)

    def _eine_zeile_ganz(self) -> None:
        """At least the titles and its highest row high: at 200 % a wrapped row ("2 / Warnungen, / 3 Infos") showed
        only its top line above the Einzelheiten."""
        modell = self.model()
        reihen = modell.rowCount() if modell is not None else 0
        reihe = max((self.rowHeight(r) for r in range(reihen)), default=0)
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + reihe + 2 * self.frameWidth())


class Monatsfeld(QLineEdit):
    """The month as MM.JJJJ: typed (Enter or leaving the field shows it), or Up/Down for the next/previous month.

    A line edit, not a QDateEdit: there Tab walks from month to year inside the field, a trap for keyboard users.
    `gewaehlt(jahr, monat)` — (0, 0) when the text is no month.
    """

    gewaehlt = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("monatsfeld")
        self.setInputMask("00.0000")
        self.setAccessibleName(tr("Abrechnungsmonat"))
        self.setAccessibleDescription(tr("Monat und Jahr als MM.JJJJ, z. B. 03.2026; Pfeil hoch/runter blättert"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._gezeigt = ""
        self.editingFinished.connect(self._uebernehmen)

    def sizeHint(self) -> QSize:
        """Room for "00.0000" in the current font (it grows with the user's font size)."""
        metrik = self.fontMetrics()
        return QSize(metrik.horizontalAdvance("00.0000") + 4 * metrik.averageCharWidth(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def setze(self, jahr: int, monat: int) -> None:
        self._gezeigt = f"{monat:02d}.{jahr:04d}"
        self.setText(self._gezeigt)

    def wert(self) -> tuple[int, int] | None:
        treffer = re.fullmatch(r"(\d{2})\.(\d{4})", self.text())
        if treffer is None:
            return None
        monat, jahr = int(treffer.group(1)), int(treffer.group(2))
        return (jahr, monat) if 1 <= monat <= 12 and 2000 <= jahr <= 2100 else None

    def _uebernehmen(self) -> None:
        if self.text() == self._gezeigt:
            return
        wert = self.wert()
        self.gewaehlt.emit(*(wert or (0, 0)))

    def keyPressEvent(self, ereignis: QKeyEvent) -> None:
        schritt = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(ereignis.key()))
        wert = self.wert()
        if schritt is not None and wert is not None:
            monat = wert[1] - 1 + schritt
            self.gewaehlt.emit(wert[0] + monat // 12, monat % 12 + 1)
            return
        super().keyPressEvent(ereignis)


class Monatsabrechnung(QWidget):
    """The tab "Monatsabrechnung" of the Abrechnung area."""

    titel = tr("&Monatsabrechnung")

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.jahr, self.monat = 0, 0
        self.stand: Monatsstand | None = None
        self._anfrage = 0
        self._laufend: Vorgang | None = None
        self.aktionen: dict[str, QPushButton] = {}

        spalte = QVBoxLayout(self)
        spalte.addLayout(self._baue_kopf())
        # the action bar wraps (more buttons, a larger font) instead of widening the page beyond the window
        self.aktionsleiste = Fliesslayout()
        spalte.addLayout(self.aktionsleiste)
        self._baue_aktionen()

        self.meldung = QLabel()
        self.meldung.setObjectName("meldung")
        self.meldung.setWordWrap(True)
        self.meldung.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.meldung.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen-reader user reaches it by Tab
        self.meldung.hide()
        spalte.addWidget(self.meldung)

        # Jahreswechsel: the Kassen's rates for the year, not yet confirmed (hidden otherwise)
        self.kassenhinweis = QLabel()
        self.kassenhinweis.setObjectName("kassenhinweis")
        self.kassenhinweis.setWordWrap(True)
        self.kassenhinweis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.kassenhinweis.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.kassenhinweis.hide()
        spalte.addWidget(self.kassenhinweis)
        self.kassen_knopf = QPushButton(tr("Kassensätze &prüfen …"))
        self.kassen_knopf.setObjectName("kassen_pruefen")
        self.kassen_knopf.setAccessibleName(tr("Kassensätze prüfen"))
        self.kassen_knopf.setAccessibleDescription(
            tr("Die Sätze der Krankenkassen für das Jahr mit der Bekanntgabe der Kassen vergleichen und bestätigen")
        )
        self.kassen_knopf.clicked.connect(self.kassen_pruefen)
        self.kassen_knopf.hide()
        kassen_zeile = QHBoxLayout()
        kassen_zeile.addWidget(self.kassen_knopf)
        kassen_zeile.addStretch(1)
        spalte.addLayout(kassen_zeile)

        self.modell = AbrechnungsModell(self)
        self.tabelle = Tabelle()
        self.tabelle.setModel(self.modell)
        self.tabelle.setAccessibleName(tr("Abrechnung je Assistenzkraft"))
        self.tabelle.setAccessibleDescription(
            tr(
                "Eine Zeile je Assistenzkraft, am Ende die Summe; Pfeiltasten wählen, darunter stehen die "
                "Einzelheiten; Eingabe springt zu ihnen"
            )
        )
        self.tabelle.selectionModel().currentRowChanged.connect(self._zeige_detail)
        tabellen_titel = QLabel(tr("Abrechnung &je Assistenzkraft"))
        tabellen_titel.setBuddy(self.tabelle)
        oben = QWidget()
        oben_spalte = QVBoxLayout(oben)
        oben_spalte.setContentsMargins(0, 0, 0, 0)
        oben_spalte.addWidget(tabellen_titel)
        oben_spalte.addWidget(self.tabelle)

        self.detail = QTextBrowser()
        self.detail.setObjectName("einzelheiten")
        self.detail.setOpenLinks(False)
        self.detail.setTabChangesFocus(True)  # Tab leaves the text (no keyboard trap)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.detail.setAccessibleName(tr("Einzelheiten"))
        self.detail.setAccessibleDescription(
            tr("Lohnarten, Abzüge mit Erklärung und Rechtsgrundlage, Hinweise, Zeitkonto und Versionen")
        )
        # Enter on a row: into its detail (read it line by line), Tab leaves it again
        self.tabelle.activated.connect(lambda _i: self.detail.setFocus(Qt.FocusReason.OtherFocusReason))
        detail_titel = QLabel(tr("Einzelhei&ten"))
        detail_titel.setBuddy(self.detail)
        unten = QWidget()
        unten_spalte = QVBoxLayout(unten)
        unten_spalte.setContentsMargins(0, 0, 0, 0)
        unten_spalte.addWidget(detail_titel)
        unten_spalte.addWidget(self.detail)

        self.teiler = QSplitter(Qt.Orientation.Vertical)
        self.teiler.setObjectName("teiler")
        self.teiler.addWidget(oben)
        self.teiler.addWidget(unten)
        self.teiler.setChildrenCollapsible(False)
        self.teiler.setStretchFactor(0, 2)
        self.teiler.setStretchFactor(1, 3)
        spalte.addWidget(self.teiler, 1)

        self._tasten()
        self._setze_status(tr("Status: noch nicht berechnet."))

    # building ----------------------------------------------------------------------------------------------
    def _baue_kopf(self) -> QVBoxLayout:
        kopf = QVBoxLayout()
        zeile = QHBoxLayout()
        self.zurueck = QPushButton(tr("◀ Vorheriger Monat"))
        self.zurueck.setObjectName("vorheriger_monat")
        self.zurueck.setAccessibleName(tr("Vorheriger Monat"))
        self.zurueck.setToolTip(tr("Vorheriger Monat (Alt+Pfeil links oder Strg+Bild auf)"))
        self.zurueck.clicked.connect(lambda: self.blaettern(-1))
        monat_titel = QLabel(tr("Mo&nat:"))
        self.monatsfeld = Monatsfeld()
        monat_titel.setBuddy(self.monatsfeld)
        self.monatsfeld.gewaehlt.connect(self._monat_aus_feld)
        self.vor = QPushButton(tr("Nächster Monat ▶"))
        self.vor.setObjectName("naechster_monat")
        self.vor.setAccessibleName(tr("Nächster Monat"))
        self.vor.setToolTip(tr("Nächster Monat (Alt+Pfeil rechts oder Strg+Bild ab)"))
        self.vor.clicked.connect(lambda: self.blaettern(1))
        self.monatstitel = QLabel()
        self.monatstitel.setObjectName("monatstitel")
        schrift = self.monatstitel.font()
        schrift.setBold(True)
        schrift.setPointSizeF(schrift.pointSizeF() * 1.25)  # relative to the user's font size, never fixed
        self.monatstitel.setFont(schrift)
        for w in (self.zurueck, monat_titel, self.monatsfeld, self.vor):
            zeile.addWidget(w)
        zeile.addStretch(1)
        # the title on a line of its own: at 200 % it would push the month buttons beyond the window's edge
        kopf.addWidget(self.monatstitel)
        kopf.addLayout(zeile)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        # the month's state in words, reachable by Tab for a screen reader (never by colour alone)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        kopf.addWidget(self.status)
        return kopf

    def aktion_hinzufuegen(
        self,
        schluessel: str,
        text: str,
        slot: Callable[[], Any],
        *,
        beschreibung: str = "",
        tasten: tuple[str, ...] = (),
        menue: QMenu | None = None,
    ) -> QPushButton:
        """One more button at the end of the action bar, with its accessible name and optional keys.

        `text` carries the mnemonic (&); keep it unique on the page (see the module docstring for the free letters).
        """
        knopf = QPushButton(text)
        knopf.setObjectName(f"aktion_{schluessel}")
        knopf.setAccessibleName(text.replace("&", "").rstrip(" …"))
        if beschreibung:
            knopf.setAccessibleDescription(beschreibung)
            knopf.setToolTip(beschreibung)
        if menue is not None:
            knopf.setMenu(menue)
        else:
            knopf.clicked.connect(lambda _an=False: slot())
        for t in tasten:
            self._taste(t, slot)
        self.aktionsleiste.addWidget(knopf)
        self.aktionen[schluessel] = knopf
        return knopf

    def _baue_aktionen(self) -> None:
        self.aktion_hinzufuegen(
            "berechnen",
            tr("Be&rechnen"),
            self.lade,
            beschreibung=tr("Den Monat mit den aktuellen Daten neu berechnen (F5)"),
            tasten=("F5",),
        )
        self.aktion_hinzufuegen(
            "abschliessen",
            tr("&Abschließen …"),
            self.abschliessen,
            beschreibung=tr(
                "Den Monat abschließen: danach unveränderlich, spätere Änderungen werden Korrekturen im nächsten "
                "offenen Monat"
            ),
        )
        self.aktion_hinzufuegen(
            "korrekturen",
            tr("&Korrekturen …"),
            self.zeige_korrekturen,
            beschreibung=tr("Offene Korrekturen abgeschlossener Monate und wo sie verrechnet werden"),
        )
        menue = QMenu(self)
        menue.setObjectName("exportmenue")
        self.export_aktionen: dict[str, QAction] = {}
        for e in export.EXPORTE:
            aktion = QAction(e.text, self)
            aktion.setObjectName(e.schluessel)
            aktion.triggered.connect(lambda _an=False, s=e.schluessel: self.exportieren(s))
            menue.addAction(aktion)
            self.export_aktionen[e.schluessel] = aktion
            if e.schluessel in ("entgeltbescheinigungen", "lohnjournal_xlsx", "lohnkonto_xlsx"):
                menue.addSeparator()
        self.aktion_hinzufuegen(
            "export",
            tr("Drucken/E&xportieren"),
            lambda: None,
            beschreibung=tr("Entgeltbescheinigungen, Lohnjournal, Lohnkonten und Zahlungen als Datei"),
            menue=menue,
        )
        eingaben.aktionen_einbauen(self)  # Lohn-Eingaben, Abrechnungsbeginn (desktop/abrechnung/eingaben.py)

    def _taste(self, taste: str, slot: Callable[[], Any]) -> QAction:
        aktion = QAction(self)
        aktion.setShortcut(QKeySequence(taste))
        # as soon as the page is shown (also while the focus is in the navigation); Qt ignores it while hidden
        aktion.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        aktion.triggered.connect(lambda _an=False: slot())
        self.addAction(aktion)
        return aktion

    def _tasten(self) -> None:
        for taste in ("Alt+Left", "Ctrl+PgUp"):
            self._taste(taste, lambda: self.blaettern(-1))
        for taste in ("Alt+Right", "Ctrl+PgDown"):
            self._taste(taste, lambda: self.blaettern(1))

    # the area's protocol ---------------------------------------------------------------------------------
    @property
    def db(self) -> Any:
        return self.kontext.datenbank

    @property
    def rechnet(self) -> bool:
        """The month is being computed in the background (tests wait for this)."""
        return self._laufend is not None

    def startfeld(self) -> QWidget:
        return self.tabelle

    def tastenkuerzel(self) -> list[str]:
        return list(TASTEN)

    def aktivieren(self) -> None:
        """Each time the tab is shown: the first time the next month to settle, afterwards the month shown."""
        if self.jahr == 0:
            jahr, monat = self._startmonat()
            self.zeige_monat(jahr, monat)
        else:
            self.lade()

    def _startmonat(self) -> tuple[int, int]:
        from datetime import date

        if self.db is not None:
            try:
                return lauf.naechster_offener_monat(self.db)
            except AssistenzbueroFehler:
                log.info("kein nächster offener Monat", exc_info=True)
        heute = date.today()
        return heute.year, heute.month

    # the month ---------------------------------------------------------------------------------------------
    def zeige_monat(self, jahr: int, monat: int) -> None:
        self.jahr, self.monat = jahr, monat
        self.monatsfeld.setze(jahr, monat)
        titel = tr("Abrechnung {m}").format(m=monatstitel(jahr, monat))
        self.monatstitel.setText(titel)
        self.monatstitel.setAccessibleName(titel)
        self.lade()

    def blaettern(self, schritte: int) -> None:
        if self.jahr == 0:
            self.jahr, self.monat = self._startmonat()
        monat = self.monat - 1 + schritte
        self.zeige_monat(self.jahr + monat // 12, monat % 12 + 1)
        self.kontext.melde(monatstitel(self.jahr, self.monat))

    def _monat_aus_feld(self, jahr: int, monat: int) -> None:
        if jahr == 0:
            self._zeige_meldung(
                tr("„{text}“ ist kein Monat. Bitte Monat und Jahr als MM.JJJJ eingeben, z. B. 03.2026.").format(
                    text=self.monatsfeld.text()
                )
            )
            return
        if (jahr, monat) != (self.jahr, self.monat):
            self.zeige_monat(jahr, monat)

    def lade(self) -> None:
        """(Re)compute the month in the background; an older request still running is cancelled."""
        if self.jahr == 0:
            self.jahr, self.monat = self._startmonat()
        if self._laufend is not None:
            self._laufend.fortschritt.abbrechen()
        self._anfrage += 1
        nummer, jahr, monat, db = self._anfrage, self.jahr, self.monat, self.db
        if db is None:
            self._laufend = None
            self._zeige_leer(tr("Keine Datenbank geöffnet: die Abrechnung kann nicht angezeigt werden."))
            return
        self._setze_status(tr("Status: wird berechnet …"))

        def arbeit(fortschritt: Fortschritt) -> Monatsstand:
            def melde(schritt: int, von: int, text: str) -> None:
                fortschritt.pruefe()
                fortschritt.melde(schritt, von, text)

            return lade_monatsstand(db, jahr, monat, melde)

        titel = tr("Abrechnung {m} wird berechnet").format(m=monatstitel(jahr, monat))
        self._laufend = (
            Hintergrundoperation(self, titel, arbeit)
            .bei_erfolg(lambda stand: self._geladen(nummer, stand))
            .bei_fehler(lambda fehler: self._nicht_geladen(nummer, fehler))
            .starten()
        )

    def _geladen(self, nummer: int, stand: Monatsstand) -> None:
        if nummer != self._anfrage:
            return  # the user moved on meanwhile
        self._laufend = None
        vorher = self._gewaehlte_id()
        self.stand = stand
        self._zeige_meldung("")
        self.modell.setze(stand.zeilen)
        self._setze_status(self._statustext(stand))
        self._zeige_kassen(stand)
        self.tabelle.resizeColumnsToContents()
        self.tabelle.setAccessibleName(tr("Abrechnung {m} je Assistenzkraft").format(m=stand.titel))
        if not stand.zeilen:
            self._zeige_detail_text(tr("Im {m} hat keine Assistenzkraft einen Arbeitsvertrag.").format(m=stand.titel))
            return
        reihe = next((i for i, z in enumerate(stand.zeilen) if z.assistenzkraft_id == vorher), 0)
        self.waehle_reihe(reihe)

    def _nicht_geladen(self, nummer: int, fehler: BaseException) -> None:
        if nummer != self._anfrage:
            return
        self._laufend = None
        self.stand = None
        if isinstance(fehler, Abgebrochen):
            self._zeige_leer(tr("Die Berechnung wurde abgebrochen. „Berechnen“ (F5) startet sie neu."))
        elif isinstance(fehler, AssistenzbueroFehler):
            self._zeige_leer(str(fehler))
        else:
            self._zeige_leer(tr("Die Abrechnung konnte nicht berechnet werden."))
            meldungen.unerwartet(self, fehler)

    def _statustext(self, stand: Monatsstand) -> str:
        if stand.abgeschlossen:
            wann = stand.abgeschlossen_am.astimezone(BERLIN) if stand.abgeschlossen_am is not None else None
            text = tr("Status: abgeschlossen am {wann} von {wer}. Der Monat ist unveränderlich.").format(
                wann=f"{wann:%d.%m.%Y um %H:%M Uhr}" if wann is not None else tr("(unbekannt)"),
                wer=stand.abgeschlossen_von or tr("(unbekannt)"),
            )
            if stand.verrechnet:
                text += " " + tr("Mit ihm verrechnet: {k}.").format(k=anzahl(len(stand.verrechnet), *KORREKTUREN))
            if stand.versionen:
                text += " " + tr("Korrigiert nach dem Abschluss: {a}; die Einzelheiten zeigen alle Versionen.").format(
                    a=anzahl(len(stand.versionen), tr("Assistenzkraft"), tr("Assistenzkräfte"))
                )
            return text + _ohne_vertrag(stand.ohne_vertrag)
        text = tr("Status: Entwurf, noch nicht abgeschlossen.")
        if stand.naechster_offener is not None and (stand.jahr, stand.monat) > stand.naechster_offener:
            text += " " + tr("Zuerst ist {m} abzuschließen.").format(m=monatstitel(*stand.naechster_offener))
        if stand.korrekturen:
            text += " " + tr("Mit diesem Monat zu verrechnen: {k}.").format(
                k=anzahl(len(stand.korrekturen), *KORREKTUREN)
            )
        sperrend = sum(1 for z in stand.zeilen for _h in z.sperrend)
        if sperrend:
            text += " " + (
                tr("1 Fehler verhindert den Abschluss.")
                if sperrend == 1
                else tr("{n} Fehler verhindern den Abschluss.").format(n=sperrend)
            )
        return text + _ohne_vertrag(stand.ohne_vertrag)

    def _setze_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _zeige_meldung(self, text: str) -> None:
        self.meldung.setText(text)
        self.meldung.setAccessibleName(text or tr("Meldung"))
        self.meldung.setVisible(bool(text))

    def _zeige_kassen(self, stand: Monatsstand | None) -> None:
        kassen = stand.kassen if stand is not None else ()
        if kassen:
            text = (
                tr("Achtung, Jahreswechsel:")
                + " "
                + " ".join(k.text for k in kassen)
                + " "
                + tr(
                    "Bitte mit der Bekanntgabe der Kasse vergleichen und bestätigen („Kassensätze prüfen“); bis "
                    "dahin kann der Monat nicht abgeschlossen werden. Abweichende Sätze tragen Sie unter Stammdaten › "
                    "Krankenkassen ein."
                )
            )
            self.kassenhinweis.setText(text)
            self.kassenhinweis.setAccessibleName(text)
        self.kassenhinweis.setVisible(bool(kassen))
        self.kassen_knopf.setVisible(bool(kassen))

    def _zeige_leer(self, text: str) -> None:
        self._zeige_kassen(None)
        self.modell.setze([])
        self._setze_status(tr("Status: nicht berechnet."))
        self._zeige_meldung(text)
        self._zeige_detail_text("")

    # selection and detail ---------------------------------------------------------------------------------
    def waehle_reihe(self, reihe: int) -> None:
        index = self.modell.index(reihe, 0)
        if index.isValid():
            self.tabelle.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.tabelle.scrollTo(index)
            self._zeige_detail(index)

    def gewaehlte_zeile(self) -> lauf.Zeile | None:
        index = self.tabelle.currentIndex()
        return self.modell.zeile(index.row()) if index.isValid() else None

    def _gewaehlte_id(self) -> int | None:
        z = self.gewaehlte_zeile()
        return z.assistenzkraft_id if z is not None else None

    def _zeige_detail(self, index: QModelIndex, _vorher: QModelIndex | None = None) -> None:
        if self.stand is None or not index.isValid():
            self._zeige_detail_text("")
            return
        z = self.modell.zeile(index.row())
        if z is None:
            summen = "\n".join(
                f"{s.titel}: {self.modell.summe_text(i)}" for i, s in enumerate(SPALTEN) if self.modell.summe_text(i)
            )
            self._zeige_detail_text(tr("Summe des Monats") + "\n" + summen)
            self.detail.setAccessibleName(tr("Einzelheiten: Summe des Monats"))
            return
        self.detail.setHtml(detail_html(z, self.stand))
        self.detail.setAccessibleName(tr("Einzelheiten: {name}").format(name=name_von(z)))

    def _zeige_detail_text(self, text: str) -> None:
        self.detail.setPlainText(text)
        self.detail.setAccessibleName(tr("Einzelheiten"))

    # actions -----------------------------------------------------------------------------------------------
    def _bereit(self) -> bool:
        if self.db is None:
            meldungen.fehler(self, tr("Keine Datenbank"), tr("Keine Datenbank geöffnet."))
            return False
        return True

    def abschliessen(self) -> None:
        """Ask the run whether the month may be finalised; if so, ask the user; then finalise in the background."""
        if not self._bereit():
            return
        db, jahr, monat = self.db, self.jahr, self.monat
        titel = tr("Abrechnung {m} abschließen").format(m=monatstitel(jahr, monat))

        def geprueft(hindernis: str | None) -> None:
            if hindernis is not None:
                meldungen.fehler(self, tr("Abschließen nicht möglich"), hindernis)
                return
            zahl = len(self.stand.zeilen) if self.stand is not None else 0
            if not meldungen.frage(
                self,
                tr("Abrechnung abschließen?"),
                tr(
                    "Die Abrechnung {m} für {n} jetzt abschließen? Danach ist sie unveränderlich; "
                    "spätere Änderungen werden als Korrektur im nächsten offenen Monat verrechnet."
                ).format(m=monatstitel(jahr, monat), n=anzahl(zahl, tr("Assistenzkraft"), tr("Assistenzkräfte"))),
                ja=tr("&Abschließen"),
                nein=tr("&Nicht abschließen"),
                gefaehrlich=True,
            ):
                return
            Hintergrundoperation(self, titel, lambda _f: lauf.schliesse_ab(db, jahr, monat)).bei_erfolg(
                abgeschlossen
            ).starten()

        def abgeschlossen(m: lauf.Monatsabrechnung) -> None:
            text = tr("Die Abrechnung {m} ist abgeschlossen ({n}).").format(
                m=monatstitel(jahr, monat), n=anzahl(len(m.zeilen), tr("Assistenzkraft"), tr("Assistenzkräfte"))
            )
            if m.korrekturen:
                text = text[:-2] + tr(", verrechnet: {k}).").format(k=anzahl(len(m.korrekturen), *KORREKTUREN))
            self.kontext.melde(text + _ohne_vertrag([o.text for o in m.ohne_vertrag]))
            if (self.jahr, self.monat) == (jahr, monat):
                self.lade()

        Hintergrundoperation(
            self,
            tr("Abschluss {m} wird geprüft").format(m=monatstitel(jahr, monat)),
            lambda _f: lauf.abschluss_hindernis(db, jahr, monat),
        ).bei_erfolg(geprueft).starten()

    def kassen_pruefen(self) -> None:
        """Show the unconfirmed rates of the month's Kassen and, on the user's yes, confirm them (one transaction)."""
        if not self._bereit() or self.stand is None or not self.stand.kassen:
            return
        db, kassen = self.db, self.stand.kassen
        jahr = kassen[0].jahr
        liste = "\n".join(
            tr("• {name}: {saetze}{herkunft}").format(
                name=k.name,
                saetze=k.saetze,
                herkunft=tr(" (Sätze von {j})").format(j=k.von_jahr) if k.von_jahr is not None else "",
            )
            for k in kassen
        )
        if not meldungen.frage(
            self,
            tr("Sätze der Krankenkassen für {j} prüfen").format(j=jahr),
            tr(
                "Diese Sätze sind für {j} noch nicht bestätigt:\n{liste}\n\nStimmen sie mit dem überein, was die "
                "Kassen für {j} bekannt gegeben haben? Wenn nicht, wählen Sie „Nicht jetzt“ und tragen die neuen "
                "Sätze unter Stammdaten › Krankenkassen ein."
            ).format(j=jahr, liste=liste),
            ja=tr("Sätze &bestätigen"),
            nein=tr("&Nicht jetzt"),
        ):
            return

        def bestaetigt(staende: list[Any]) -> None:
            self.kontext.melde(
                tr("Sätze für {j} bestätigt: {namen}.").format(j=jahr, namen=", ".join(s.name for s in staende))
            )
            self.lade()

        ids = [k.kassen_id for k in kassen]
        Hintergrundoperation(
            self,
            tr("Sätze der Krankenkassen für {j} werden bestätigt").format(j=jahr),
            lambda _f: kassen_dienst.bestaetige_jahr(db, jahr, ids),
        ).bei_erfolg(bestaetigt).starten()

    def zeige_korrekturen(self) -> None:
        """Open corrections (computed now) and, for a finalised month, those it settled."""
        if not self._bereit():
            return
        db = self.db
        stand = self.stand

        def arbeit(_f: Fortschritt) -> tuple[list[lauf.Korrektur], tuple[int, int]]:
            return lauf.offene_korrekturen(db), lauf.naechster_offener_monat(db)

        def zeigen(ergebnis: tuple[list[lauf.Korrektur], tuple[int, int]]) -> None:
            offen, ziel = ergebnis
            eintraege = korrekturen.offene(offen, ziel)
            if offen:
                text = tr("Offen: {k}; verrechnet wird mit der Abrechnung {m}.").format(
                    k=anzahl(len(offen), *KORREKTUREN), m=monatstitel(*ziel)
                )
                text += _ohne_vertrag([o.text for k in offen if (o := k.ohne_vertrag) is not None])
            else:
                text = tr("Es gibt keine offenen Korrekturen: seit dem Abschluss hat sich nichts geändert.")
            if stand is not None and stand.abgeschlossen and stand.verrechnet:
                eintraege += korrekturen.verrechnete(stand.verrechnet, {z.assistenzkraft_id for z in stand.zeilen})
                text += " " + tr("Mit {m} verrechnet: {k}.").format(
                    m=stand.titel, k=anzahl(len(stand.verrechnet), *KORREKTUREN)
                )
                text += _ohne_vertrag(stand.ohne_vertrag)
            modal(korrekturen.KorrekturenDialog(text, eintraege, self))
            self.tabelle.setFocus()

        Hintergrundoperation(self, tr("Korrekturen werden berechnet"), arbeit).bei_erfolg(zeigen).starten()

    def exportieren(self, schluessel: str) -> Vorgang | None:
        """Ask for the target file, then write it in the background (see desktop.abrechnung.export)."""
        if not self._bereit():
            return None
        e = export.exportart(schluessel)
        person_id: int | None = None
        person_name: str | None = None
        if e.einzeln:
            zeile = self.gewaehlte_zeile()
            if zeile is None:
                meldungen.hinweis(
                    self,
                    tr("Keine Assistenzkraft gewählt"),
                    tr(
                        "Bitte zuerst in der Tabelle die Assistenzkraft wählen, deren Entgeltbescheinigung Sie möchten."
                    ),
                )
                return None
            person_id, person_name = zeile.assistenzkraft_id, name_von(zeile)
        zeit = str(self.jahr) if e.art == "lohnkonto" else monatstitel(self.jahr, self.monat)
        titel = tr("{was} {zeit} speichern").format(was=e.dateiname, zeit=zeit)
        vorschlag = Path.home() / export.vorschlag(e, self.jahr, self.monat, person_name)
        ziel = export.frage_ziel(self, e, titel, vorschlag)
        if ziel is None:
            return None
        return export.starte(self, self.db, e, self.jahr, self.monat, ziel, person_id, self.kontext.melde)
