"""Einstellungen → Jahreswechsel: the Kassen's rates for the new year and the year-end checklist, per year.

For a year whose Kassen have no rates yet, the page asks (in words on the page) to carry last year's forward; they
stay marked „bitte prüfen“ until she confirms each Kasse against its announcement (or edits it under Krankenkassen).
The services are `core.jahreswechsel.kassen` and `.checkliste`; this page only shows and asks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.fehler import AssistenzbueroFehler
from core.jahreswechsel import checkliste as checkliste_dienst
from core.jahreswechsel import kassen as kassen_dienst
from core.regeln.rechengroessen import vorgabejahr, zahl_text
from core.stammdaten.checkliste import ChecklistenPunkt
from desktop import meldungen
from desktop.i18n import tr
from desktop.jahreswahl import Jahreswahl, beschriftete_tabelle, setze_spaltenbreiten
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile

Stand = kassen_dienst.KassenStand

KASSEN_SPALTEN: list[Spalte[Stand]] = [
    # whole words at 200 % ("Beispielhaushalts" was cut): names and sources break at syllables, states stay whole
    Spalte(tr("Krankenkasse"), lambda s: s.name, trennen=True),
    Spalte(tr("Stand"), lambda s: s.stand, trennen=True),
    Spalte(
        tr("Zusatzbeitrag"),
        lambda s: (
            tr("nicht eingetragen") if s.zusatzbeitrag_prozent is None else f"{zahl_text(s.zusatzbeitrag_prozent)} %"
        ),
        rechtsbuendig=True,
        ganz=True,
    ),
    Spalte(tr("U1-Stufe gewählt"), lambda s: tr("ja") if s.u1_gewaehlt else tr("nein")),
    Spalte(tr("Quelle"), lambda s: s.quelle, hinweis=lambda s: s.quelle, trennen=True),
]
PUNKT_SPALTEN: list[Spalte[ChecklistenPunkt]] = [
    Spalte(tr("Nr."), lambda p: str(p.nummer), rechtsbuendig=True),
    Spalte(tr("Stand"), lambda p: tr("erledigt") if p.erledigt else tr("offen"), ganz=True),
    # "Lohnsteuerbescheinigungen" was cut at 200 %: long words break at syllables
    Spalte(tr("Punkt"), lambda p: p.text, hinweis=lambda p: p.erlaeuterung, trennen=True),
    Spalte(tr("Erläuterung"), lambda p: p.erlaeuterung, trennen=True),
]


class JahreswechselSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        wahl = Jahreswahl(tr("Wechsel in das &Jahr:"), tr("Neues Jahr"), self.aktivieren)
        self.jahr, self.zusammenfassung = wahl.jahr, wahl.zusammenfassung

        self.kassen_modell: ZeilenModell[Stand] = ZeilenModell(KASSEN_SPALTEN, self)
        self.kassen, self.kassen_filter, kassen_label = beschriftete_tabelle(
            self.kassen_modell,
            tr("&Krankenkassen Ihrer Assistenzkräfte:"),
            tr("Krankenkassen im neuen Jahr"),
            tr("Zusatzbeitrag und U1/U2 jeder Kasse Ihrer Assistenzkräfte; Stand: fehlt, bitte prüfen oder bestätigt"),
            leer=tr(
                "Keine Krankenkasse zu prüfen: Bei Ihren Assistenzkräften ist noch keine Krankenkasse eingetragen "
                "(Personalbogen, Abschnitt Sozialversicherung)."
            ),
        )
        self.uebernehmen_knopf = QPushButton(tr("Sätze aus dem &Vorjahr übernehmen"))
        self.uebernehmen_knopf.setAccessibleDescription(
            tr("Fehlende Sätze aus dem letzten Jahr übernehmen; sie bleiben „bitte prüfen“ bis zur Bestätigung")
        )
        self.uebernehmen_knopf.clicked.connect(self.uebernehmen)
        self.bestaetigen_knopf = QPushButton(tr("Sätze der Kasse &bestätigen"))
        self.bestaetigen_knopf.setAccessibleDescription(
            tr("Die Sätze der gewählten Krankenkasse mit ihrer Bekanntmachung verglichen; ändern unter Krankenkassen")
        )
        self.bestaetigen_knopf.clicked.connect(self.bestaetigen)

        self.punkte_modell: ZeilenModell[ChecklistenPunkt] = ZeilenModell(PUNKT_SPALTEN, self)
        self.punkte, self.punkte_filter, punkte_label = beschriftete_tabelle(
            self.punkte_modell,
            tr("&Checkliste zum Jahreswechsel:"),
            tr("Checkliste zum Jahreswechsel"),
            tr("Leertaste oder Schaltfläche „Abhaken“ ändert den Stand des gewählten Punkts"),
            sortierbar=False,
        )
        self.punkte.setWordWrap(True)
        self.abhaken_knopf = QPushButton(tr("Punkt &abhaken oder Haken entfernen"))
        self.abhaken_knopf.clicked.connect(self.umschalten)
        umschalten = QAction(tr("Stand umschalten"), self.punkte)
        umschalten.setShortcut(QKeySequence(Qt.Key.Key_Space))
        umschalten.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        umschalten.triggered.connect(self.umschalten)
        self.punkte.addAction(umschalten)
        # the question for a new year, on the page itself (a box popping up on merely opening the tab would
        # interrupt her and every keyboard walk through the tabs)
        self.frage = QLabel()
        self.frage.setWordWrap(True)
        self.frage.setObjectName("jahreswechsel_frage")
        self.frage.setTextFormat(Qt.TextFormat.PlainText)
        self.frage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.frage.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a Tab stop: the screen reader reads the question
        self.frage.setAccessibleName(tr("Krankenkassen im neuen Jahr"))
        self.frage.setVisible(False)

        kassen_knoepfe = QHBoxLayout()
        kassen_knoepfe.addWidget(self.uebernehmen_knopf)
        kassen_knoepfe.addWidget(self.bestaetigen_knopf)
        kassen_knoepfe.addStretch(1)
        punkte_knoepfe = QHBoxLayout()
        punkte_knoepfe.addWidget(self.abhaken_knopf)
        punkte_knoepfe.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.addLayout(wahl.zeile)
        spalte.addWidget(kassen_label)
        spalte.addWidget(self.frage)
        spalte.addWidget(self.kassen, 1)
        spalte.addLayout(kassen_knoepfe)
        spalte.addWidget(punkte_label)
        spalte.addWidget(self.punkte, 2)
        spalte.addLayout(punkte_knoepfe)

    def aktivieren(self) -> None:
        jahr = self.jahr.value()
        self._zeige(jahr, kassen_dienst.kassen_im_jahr(self.kontext.datenbank, jahr))

    def _zeige(self, jahr: int, staende: list[Stand]) -> None:
        self.kassen_modell.setze_zeilen(staende)
        punkte = checkliste_dienst.checkliste(self.kontext.datenbank, jahr)
        zeile = max(self.punkte.currentIndex().row(), 0)
        self.punkte_modell.setze_zeilen(punkte)
        setze_spaltenbreiten(self.kassen, (24, 14, 16, 20))
        self.punkte.resizeColumnToContents(0)
        breite = self.fontMetrics().averageCharWidth()
        self.punkte.setColumnWidth(1, breite * 10)
        self.punkte.setColumnWidth(2, breite * 50)
        self.punkte.resizeRowsToContents()
        if punkte:
            self.punkte.setCurrentIndex(self.punkte_filter.index(min(zeile, len(punkte) - 1), 1))
        if staende:
            self.kassen.setCurrentIndex(self.kassen_filter.index(0, 0))
        offen = sum(1 for p in punkte if not p.erledigt)
        self.zusammenfassung.setText(
            tr("Jahreswechsel in {jahr}: {offen} von {alle} Punkten offen.").format(
                jahr=jahr, offen=offen, alle=len(punkte)
            )
        )
        self.bestaetigen_knopf.setEnabled(any(s.stand == kassen_dienst.ZU_PRUEFEN for s in staende))
        fehlend = [s.name for s in staende if s.stand == kassen_dienst.FEHLT]
        zu_pruefen = [s.name for s in staende if s.stand == kassen_dienst.ZU_PRUEFEN]
        self.uebernehmen_knopf.setEnabled(bool(fehlend))
        if fehlend:
            frage = tr(
                "Für {jahr} fehlen Zusatzbeitrag und U1/U2 bei: {kassen}. „Sätze aus dem Vorjahr übernehmen“ trägt "
                "die Sätze des Vorjahres ein; sie bleiben „bitte prüfen“, bis Sie sie mit der Bekanntmachung der "
                "Kasse verglichen und bestätigt haben."
            ).format(jahr=jahr, kassen=", ".join(fehlend))
        elif zu_pruefen:
            frage = tr(
                "Bitte vergleichen Sie die Sätze {jahr} mit der Bekanntmachung der Kasse (ändern unter "
                "Krankenkassen) und bestätigen Sie sie: {kassen}."
            ).format(jahr=jahr, kassen=", ".join(zu_pruefen))
        else:
            frage = ""
        self.frage.setText(frage)
        self.frage.setAccessibleName(frage or tr("Krankenkassen im neuen Jahr"))
        self.frage.setVisible(bool(frage))

    def _uebernimm(self, jahr: int) -> list[Stand] | None:
        try:
            staende = kassen_dienst.bereite_jahr_vor(self.kontext.datenbank, jahr)
        except AssistenzbueroFehler as grund:
            meldungen.fehler(self, tr("Nicht übernommen"), str(grund))
            return None
        self.kontext.melde(tr("Sätze {jahr} aus dem Vorjahr übernommen – bitte prüfen.").format(jahr=jahr))
        return staende

    def uebernehmen(self) -> None:
        jahr = self.jahr.value()
        self._uebernimm(jahr)
        self._zeige(jahr, kassen_dienst.kassen_im_jahr(self.kontext.datenbank, jahr))

    def bestaetigen(self) -> None:
        stand = aktuelle_zeile(self.kassen, self.kassen_modell)
        if stand is None:
            return
        try:
            kassen_dienst.bestaetige(self.kontext.datenbank, stand.kassen_id, stand.jahr)
        except AssistenzbueroFehler as grund:
            meldungen.fehler(self, tr("Nicht bestätigt"), str(grund))
            return
        self.kontext.melde(tr("Sätze {jahr} von „{kasse}“ bestätigt.").format(jahr=stand.jahr, kasse=stand.name))
        self._zeige(stand.jahr, kassen_dienst.kassen_im_jahr(self.kontext.datenbank, stand.jahr))

    def umschalten(self) -> None:
        punkt = aktuelle_zeile(self.punkte, self.punkte_modell)
        if punkt is None:
            return
        if punkt.erledigt and punkt.erledigt_am is None:
            self.kontext.melde(tr("Dieser Punkt ergibt sich aus Ihren Daten und bleibt erledigt."))
            return
        jahr = self.jahr.value()
        checkliste_dienst.hake_ab(self.kontext.datenbank, jahr, punkt.schluessel, erledigt=not punkt.erledigt)
        self._zeige(jahr, kassen_dienst.kassen_im_jahr(self.kontext.datenbank, jahr))
        self.punkte.setFocus()
        self.kontext.melde(
            tr("„{text}“ ist jetzt {stand}.").format(
                text=punkt.text, stand=tr("offen") if punkt.erledigt else tr("erledigt")
            )
        )


def kurztext(kontext: Kontext, heute: date | None = None) -> str | None:
    """The start page's line on the coming change of year; None when there is nothing to prepare."""
    heute = heute or date.today()
    jahr = vorgabejahr(heute)
    punkte = checkliste_dienst.checkliste(kontext.datenbank, jahr)
    abgeleitet = [p for p in punkte if p.automatisch and not p.erledigt]
    if jahr == heute.year and not abgeleitet:
        return None  # January to October: only while the current year still lacks figures or Kassen
    erledigt = sum(1 for p in punkte if p.erledigt)
    teile = [p.erlaeuterung.removeprefix(f"Für {jahr}: ").rstrip(".") for p in abgeleitet]
    zustand = "; ".join(teile) if teile else tr("Rechengrößen und Krankenkassen sind vorbereitet")
    return tr("Jahreswechsel {jahr}: {zustand}. Checkliste: {e} von {n} Punkten erledigt.").format(
        jahr=jahr, zustand=zustand, e=erledigt, n=len(punkte)
    )


class JahreswechselKurzinfo(QWidget):
    """On the start page from November on (and while the new year lacks figures): what the change of year needs."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.knopf = QPushButton(tr("Jahres&wechsel vorbereiten"))
        self.knopf.setAccessibleDescription(tr("Öffnet Einstellungen → Jahreswechsel"))
        self.knopf.clicked.connect(self._oeffnen)
        zeile = QHBoxLayout(self)
        zeile.setContentsMargins(0, 0, 0, 0)
        zeile.addWidget(self.text, 1)
        zeile.addWidget(self.knopf)

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        self.aktualisieren()

    def aktualisieren(self, heute: date | None = None) -> None:
        text = kurztext(self.kontext, heute) if self.kontext.datenbank is not None else None
        self.text.setText(text or "")
        self.text.setAccessibleName(text or tr("Jahreswechsel"))
        self.text.setVisible(text is not None)
        self.knopf.setVisible(text is not None)

    def _oeffnen(self) -> None:
        self.kontext.zeige_bereich("einstellungen")
        seite = getattr(self.window(), "seite", None)
        if callable(seite):
            seite("einstellungen").zeige("jahreswechsel")
