"""The main window: navigation over the product's areas (see desktop/bereiche.py), menus, status bar."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import meldungen
from desktop.bereiche import BEREICHE, Bereich
from desktop.bildschirm import ANTEIL_BREITE, ANTEIL_HOEHE, mittig, passende_groesse, rollbar, schmal_machen
from desktop.einstellungen import FENSTER_GEOMETRIE, LETZTEN_BEREICH_ZEIGEN, LETZTER_BEREICH, SPERRE_MINUTEN
from desktop.formular import ohne_mnemonic
from desktop.i18n import tr
from desktop.kontext import Kontext

log = logging.getLogger(__name__)

PROGRAMMNAME = "Assistenzbüro"


class Fehlerseite(QWidget):
    """Shown instead of an area that could not be built: a German sentence, never a traceback."""

    def __init__(self, titel: str, fehler: Exception) -> None:
        super().__init__()
        spalte = QVBoxLayout(self)
        self.hinweis = QLabel(
            tr(
                "Der Bereich „{titel}“ konnte nicht geöffnet werden ({art}: {fehler}). "
                "Ihre Daten sind unverändert. Bitte melden Sie diesen Fehler."
            ).format(titel=titel, art=type(fehler).__name__, fehler=fehler)
        )
        self.hinweis.setWordWrap(True)
        self.hinweis.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hinweis.setAccessibleName(self.hinweis.text())
        spalte.addWidget(self.hinweis)
        spalte.addStretch(1)


class Hauptfenster(QMainWindow):
    """Areas in a navigation list on the left (Ctrl+1…), the current area on the right; F6 switches between."""

    angezeigt = Signal()  # first time the window is shown
    gemalt = Signal()  # first time the window has been painted (used by the start-up benchmark)

    def __init__(
        self, kontext: Kontext, bereiche: Sequence[Bereich] | None = None, *, datei_wird_geoeffnet: bool = False
    ) -> None:
        """`datei_wird_geoeffnet`: the window is shown before the data file is open (desktop/app.py `starte`); it
        says so and offers no area until `datei_geoeffnet()` hands it the open file."""
        super().__init__()
        self.kontext = kontext
        self.bereiche = list(BEREICHE if bereiche is None else bereiche)
        self._seiten: dict[str, QWidget] = {}
        self._schon_angezeigt = False
        self.wurde_gemalt = False
        kontext.statusmeldung = self.melde
        kontext.bereich_zeigen = self.zeige_bereich
        self.setWindowTitle(PROGRAMMNAME)
        self.setAccessibleName(PROGRAMMNAME)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(tr("Bereiche"))
        self.navigation.setAccessibleDescription(tr("Mit den Pfeiltasten einen Bereich wählen; F6 wechselt zum Inhalt"))
        self.stapel = QStackedWidget()
        self.stapel.setObjectName("inhalt")
        for b in self.bereiche:
            eintrag = QListWidgetItem(ohne_mnemonic(b.titel))
            eintrag.setToolTip(
                f"{b.beschreibung} ({QKeySequence(b.tastenkuerzel).toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            eintrag.setData(Qt.ItemDataRole.UserRole, b.schluessel)
            self.navigation.addItem(eintrag)
            halter = QWidget()  # the real page is built when the area is first opened
            halter.setObjectName(f"halter_{b.schluessel}")
            self.stapel.addWidget(halter)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setSpacing(2)
        self._passe_navigation_an()
        self.navigation.currentRowChanged.connect(self._zeige_zeile)

        mitte = QWidget()
        zeile = QHBoxLayout(mitte)
        zeile.addWidget(self.navigation)
        zeile.addWidget(self.stapel, 1)
        self.setCentralWidget(mitte)
        self._baue_menues()
        self.statusBar().setAccessibleName(tr("Statuszeile"))
        self.statusBar().messageChanged.connect(self._statuszeile_benennen)

        if not datei_wird_geoeffnet:  # else once the file is open: until then there is nothing to hide
            self._richte_sperre_ein()
        kontext.einstellungen.geaendert.connect(self._einstellung_geaendert)
        geometrie = kontext.einstellungen[FENSTER_GEOMETRIE]
        # a saved size and place are hers; otherwise the window takes its size once, when first shown
        self._groesse_gewaehlt = bool(geometrie) and self.restoreGeometry(
            QByteArray.fromBase64(geometrie.encode("ascii"))
        )
        if not self._groesse_gewaehlt:
            passende_groesse(self, 200, 50)  # most of a laptop screen at 100 %: the grid and lists show whole
            mittig(self)
        start = "uebersicht"
        if kontext.einstellungen[LETZTEN_BEREICH_ZEIGEN]:
            start = kontext.einstellungen[LETZTER_BEREICH]
        self._startbereich = start if any(b.schluessel == start for b in self.bereiche) else self.bereiche[0].schluessel
        self.wartet: QLabel | None = None
        if datei_wird_geoeffnet:
            self._warte_auf_datei()
        else:
            self.zeige_bereich(self._startbereich)

    # opening the file after the window is on screen ---------------------------------------------------------
    def _warte_auf_datei(self) -> None:
        """Until the file is open: one line that says so (focused, so a screen reader reads it), the areas listed
        but disabled, and no menu entry that would act on the file; closing and the help stay."""
        self.wartet = QLabel(tr("Die Datenbankdatei wird geöffnet …"))
        self.wartet.setObjectName("datei_wird_geoeffnet")
        self.wartet.setWordWrap(True)
        self.wartet.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wartet.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.wartet.setAccessibleName(self.wartet.text())
        self.stapel.addWidget(self.wartet)  # after the areas' places: their rows and indices stay as they are
        self.stapel.setCurrentWidget(self.wartet)
        self.setWindowTitle(f"{self.wartet.text()} – {PROGRAMMNAME}")
        self._datei_aktionen_an(False)
        self.wartet.setFocus(Qt.FocusReason.OtherFocusReason)

    def _richte_sperre_ein(self) -> None:
        from desktop.schutz import AppSperre

        self.sperre = AppSperre(
            self, lambda: getattr(self.kontext.datenbank, "kennwort", None), self.kontext.einstellungen[SPERRE_MINUTEN]
        )

    def _datei_aktionen_an(self, an: bool) -> None:
        self.navigation.setEnabled(an)
        for aktion in (*self._datei_aktionen, *self.bereich_aktionen.values(), self._wechsel):
            aktion.setEnabled(an)

    @property
    def datei_offen(self) -> bool:
        return self.wartet is None

    def datei_geoeffnet(self, datenbank: object) -> None:
        """The file is open: the areas become usable and the start area is shown (with the focus in the list)."""
        self.kontext.datenbank = datenbank
        self.kontext.db_pfad = getattr(datenbank, "pfad", self.kontext.db_pfad)
        wartet, self.wartet = self.wartet, None
        if wartet is not None:
            self._richte_sperre_ein()
        # where a normal start has it (the list), unless she has moved it meanwhile (to the menu bar, …)
        fokus_zur_liste = wartet is None or wartet.hasFocus() or QApplication.focusWidget() is None
        self._datei_aktionen_an(True)
        self.zeige_bereich(self._startbereich)
        if wartet is not None:
            self.stapel.removeWidget(wartet)
            wartet.deleteLater()
        if fokus_zur_liste:
            self.navigation.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._schon_angezeigt and not self._groesse_gewaehlt:
            QTimer.singleShot(0, lambda: self._platz_fuer(self.seite(self.aktueller_bereich)))

    # menus --------------------------------------------------------------------------------------------------
    def _baue_menues(self) -> None:
        datei = self.menuBar().addMenu(tr("&Datei"))
        self._datei_aktionen: list[QAction] = []
        self.menue_datei = datei
        sichern = QAction(tr("Datensicherung &jetzt anlegen"), self)
        sichern.setStatusTip(tr("Kopie der Datenbank in den Sicherungsordner neben der Datei"))
        sichern.triggered.connect(self.sichere_jetzt)
        datei.addAction(sichern)
        self._datei_aktionen.append(sichern)
        sperren = QAction(tr("Programm &sperren"), self)
        sperren.setShortcut(QKeySequence("Ctrl+Shift+L"))
        sperren.setStatusTip(tr("Den Inhalt des Fensters verbergen, bis das Programm wieder entsperrt wird"))
        sperren.triggered.connect(lambda: self.sperre.sperre())
        datei.addAction(sperren)
        self._datei_aktionen.append(sperren)
        verschluesseln = QAction(tr("Datenbank &verschlüsseln …"), self)
        verschluesseln.setStatusTip(tr("Die Datenbank und ihre Sicherungen mit einem Kennwort verschlüsseln"))
        verschluesseln.triggered.connect(self.verschluessele)
        datei.addAction(verschluesseln)
        self._datei_aktionen.append(verschluesseln)
        einrichten = QAction(tr("&Einrichtungsassistent …"), self)
        einrichten.triggered.connect(self.starte_ersteinrichtung)
        datei.addAction(einrichten)
        self._datei_aktionen.append(einrichten)
        datei.addSeparator()
        beenden = QAction(tr("&Beenden"), self)
        beenden.setShortcut(QKeySequence("Ctrl+Q"))
        beenden.triggered.connect(self.close)
        datei.addAction(beenden)

        bereich_menue = self.menuBar().addMenu(tr("&Bereich"))
        gruppe = QActionGroup(self)
        self.bereich_aktionen: dict[str, QAction] = {}
        for b in self.bereiche:
            aktion = QAction(b.titel, self)
            aktion.setShortcut(QKeySequence(b.tastenkuerzel))
            aktion.setStatusTip(b.beschreibung)
            aktion.setCheckable(True)
            aktion.triggered.connect(lambda _an=False, s=b.schluessel: self.zeige_bereich(s))
            gruppe.addAction(aktion)
            bereich_menue.addAction(aktion)
            self.bereich_aktionen[b.schluessel] = aktion
        bereich_menue.addSeparator()
        wechsel = QAction(tr("Zwischen &Navigation und Inhalt wechseln"), self)
        wechsel.setShortcut(QKeySequence("F6"))
        wechsel.triggered.connect(self.wechsle_fokus)
        bereich_menue.addAction(wechsel)
        self.addAction(wechsel)
        self._wechsel = wechsel

        hilfe = self.menuBar().addMenu(tr("&Hilfe"))
        kuerzel = QAction(tr("&Tastenkürzel"), self)
        kuerzel.setShortcut(QKeySequence("F1"))
        kuerzel.triggered.connect(self.zeige_tastenkuerzel)
        hilfe.addAction(kuerzel)
        ueber = QAction(tr("Ü&ber Assistenzbüro"), self)
        ueber.triggered.connect(self.zeige_ueber)
        hilfe.addAction(ueber)

    # areas --------------------------------------------------------------------------------------------------
    def zeige_bereich(self, schluessel: str) -> None:
        for zeile, b in enumerate(self.bereiche):
            if b.schluessel == schluessel:
                if self.navigation.currentRow() != zeile:
                    self.navigation.setCurrentRow(zeile)  # calls _zeige_zeile
                else:
                    self._zeige_zeile(zeile)
                return
        raise KeyError(schluessel)

    def seite(self, schluessel: str) -> QWidget:
        """The area's widget, built on first use."""
        if schluessel not in self._seiten:
            zeile, b = next((i, b) for i, b in enumerate(self.bereiche) if b.schluessel == schluessel)
            try:
                neu = b.erzeuge(self.kontext)
            except Exception as fehler:  # one broken area must not take the window down
                log.exception("Bereich %s konnte nicht erzeugt werden", schluessel)
                neu = Fehlerseite(ohne_mnemonic(b.titel), fehler)
            neu.setObjectName(f"bereich_{schluessel}")
            # With a large font an area may need more room than the screen has: it scrolls instead of being cut
            # off (a focused control is scrolled into view).
            schmal_machen(neu)
            rolle = rollbar(neu)
            rolle.setObjectName(f"rolle_{schluessel}")
            alt = self.stapel.widget(zeile)
            self.stapel.insertWidget(zeile, rolle)
            if alt is not None:
                self.stapel.removeWidget(alt)
                alt.deleteLater()
            self._seiten[schluessel] = neu
            nachgeladen = getattr(neu, "nachgeladen_signal", None)  # a page that fills in once on screen grows then
            if nachgeladen is not None:
                nachgeladen.connect(lambda s=neu: QTimer.singleShot(0, lambda: self._platz_fuer(s)))
        return self._seiten[schluessel]

    @property
    def aktueller_bereich(self) -> str:
        return self.bereiche[self.navigation.currentRow()].schluessel

    def _zeige_zeile(self, zeile: int) -> None:
        if zeile < 0:
            return
        b = self.bereiche[zeile]
        vorher = QApplication.focusWidget()
        im_inhalt = vorher is not None and self.stapel.isAncestorOf(vorher)
        seite = self.seite(b.schluessel)
        self.stapel.setCurrentIndex(zeile)
        self.bereich_aktionen[b.schluessel].setChecked(True)
        self.setWindowTitle(f"{ohne_mnemonic(b.titel)} – {PROGRAMMNAME}")
        aktivieren = getattr(seite, "aktivieren", None)
        if callable(aktivieren):
            aktivieren()
            schmal_machen(seite)  # texts filled in just now wrap too
        if im_inhalt:
            # Ctrl+number from inside an area: the cursor goes into the new area, not to wherever Qt moves the
            # focus of the page that was hidden (from the navigation list it stays there, for browsing)
            self._fokus_in(seite)
        self.kontext.einstellungen[LETZTER_BEREICH] = b.schluessel

    def wechsle_fokus(self) -> None:
        if self.navigation.hasFocus():
            self._fokus_in(self.seite(self.aktueller_bereich))
        else:
            self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _platz_fuer(self, seite: QWidget) -> None:
        """On the first show without a saved size: grow the window so that the area needs no scrolling, as far as
        the screen allows, and centre it on the screen. Never later: a window that grew whenever she changed the
        area (issue 13, finding 10) moved its edges away from where she had put them; an area that needs more
        room wraps or scrolls inside the window."""
        rolle = self.stapel.currentWidget()
        if not self.isVisible() or self.isMaximized() or self.isFullScreen() or not isinstance(rolle, QScrollArea):
            return
        noetig = seite.minimumSizeHint().expandedTo(seite.sizeHint())
        # the stack is laid out already; a page built just now is not, so its own size says nothing yet
        breite = self.width() + max(0, noetig.width() - self.stapel.width())
        hoehe = self.height() + max(0, noetig.height() - self.stapel.height())
        bildschirm = self.screen() or QGuiApplication.primaryScreen()
        if bildschirm is not None:
            frei = bildschirm.availableGeometry()
            breite = min(breite, max(self.width(), int(frei.width() * ANTEIL_BREITE)))
            hoehe = min(hoehe, max(self.height(), int(frei.height() * ANTEIL_HOEHE)))
        if (breite, hoehe) != (self.width(), self.height()):
            self.resize(breite, hoehe)
        mittig(self)
        for dialog in self.findChildren(QDialog):  # the set-up wizard opened over the window before it moved
            if dialog.isVisible():
                mittig(dialog)

    def _fokus_in(self, seite: QWidget) -> None:
        """Into the area: its `startfeld()` if it names one (the grid, the list), else its first control."""
        startfeld = getattr(seite, "startfeld", None)
        ziel = startfeld() if callable(startfeld) else None
        if not isinstance(ziel, QWidget) or not ziel.isVisible():
            ziel = self._erstes_feld(seite)
        ziel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _erstes_feld(seite: QWidget) -> QWidget:
        """The first control of the page that Tab would reach (the page itself if it has none)."""
        w = seite.nextInFocusChain()
        while w is not None and w is not seite and seite.isAncestorOf(w):
            if w.isVisible() and w.isEnabled() and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value:
                return w
            w = w.nextInFocusChain()
        return seite

    # messages -----------------------------------------------------------------------------------------------
    def melde(self, text: str) -> None:
        """Show and announce: a screen reader says the message at once (success, "nothing to paste", …)."""
        leiste = self.statusBar()
        leiste.showMessage(text, 15000)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(leiste, text))

    def _statuszeile_benennen(self, text: str) -> None:
        # the fixed name hid every message from screen readers; "read status bar" now reads the message too
        self.statusBar().setAccessibleName(tr("Statuszeile: {text}").format(text=text) if text else tr("Statuszeile"))

    def zeige_tastenkuerzel(self) -> None:
        nativ = QKeySequence.SequenceFormat.NativeText
        zeilen = [f"{QKeySequence(b.tastenkuerzel).toString(nativ)}: {ohne_mnemonic(b.titel)}" for b in self.bereiche]
        zeilen += [
            tr("F6: zwischen Navigation und Inhalt wechseln"),
            tr("Alt + unterstrichener Buchstabe: Feld oder Schaltfläche direkt ansteuern"),
            tr("Tab / Umschalt+Tab: nächstes / vorheriges Feld"),
            tr("Strg+Tab / Strg+Umschalt+Tab: nächster / vorheriger Reiter"),
            tr("Menütaste: Kontextmenü; Esc: Dialog schließen, ohne zu speichern"),
            tr("Strg+Q: Programm beenden"),
        ]
        # the keys of the area shown now (each area lists its own in `tastenkuerzel()`)
        b = self.bereiche[self.navigation.currentRow()]
        eigene = getattr(self._seiten.get(b.schluessel), "tastenkuerzel", None)
        if callable(eigene):
            zeilen += ["", tr("Im Bereich „{titel}“:").format(titel=ohne_mnemonic(b.titel)), *eigene()]
        meldungen.hinweis(self, tr("Tastenkürzel"), "\n".join(zeilen))

    def zeige_ueber(self) -> None:
        from core import programmversion

        QMessageBox.about(
            self,
            tr("Über Assistenzbüro"),
            tr("Assistenzbüro {version} – Lohnabrechnung, Dienstplan und Budget im Arbeitgebermodell.").format(
                version=programmversion()
            ),
        )

    def starte_ersteinrichtung_falls_noetig(self) -> QWidget | None:
        """First start (no employer yet): open the set-up assistant over the window (window-modal)."""
        if self.kontext.datenbank is None or not self.datei_offen:
            return None
        from core.stammdaten.arbeitgeber import ist_eingerichtet

        if ist_eingerichtet(self.kontext.datenbank):
            return None
        return self.starte_ersteinrichtung()

    def starte_ersteinrichtung(self) -> QWidget:
        from desktop.arbeitgeber import Ersteinrichtung

        vorige = getattr(self, "ersteinrichtung", None)
        if vorige is not None:  # a finished run of the assistant is not kept as a hidden child of the window
            vorige.deleteLater()
        self.ersteinrichtung = Ersteinrichtung(self.kontext, self)
        self.ersteinrichtung.finished.connect(self._nach_ersteinrichtung)
        self.ersteinrichtung.open()
        return self.ersteinrichtung

    def _nach_ersteinrichtung(self, _ergebnis: int) -> None:
        self.aktualisiere()
        if self.ersteinrichtung.verschluesseln.isChecked():  # chosen on the assistant's last page
            self.verschluessele()

    def aktualisiere(self) -> None:
        """Data changed elsewhere (e.g. by the assistant): let the current area reload."""
        self._zeige_zeile(self.navigation.currentRow())

    def _einstellung_geaendert(self, schluessel: str) -> None:
        if schluessel == SPERRE_MINUTEN.schluessel and hasattr(self, "sperre"):  # (none while the file opens)
            self.sperre.setze_minuten(self.kontext.einstellungen[SPERRE_MINUTEN])

    def verschluessele(self) -> None:
        from desktop.schutz import verschluessele_datenbank

        if verschluessele_datenbank(self.kontext, self):
            self.aktualisiere()

    def sichere_jetzt(self) -> None:
        from core.fehler import DatenbankFehler
        from core.persistence.sicherung import sichere

        pfad = getattr(self.kontext.datenbank, "pfad", None)
        if pfad is None:
            return
        try:
            sicherung = sichere(pfad, kennwort=getattr(self.kontext.datenbank, "kennwort", None))
        except DatenbankFehler as fehler:
            meldungen.fehler(self, tr("Sicherung fehlgeschlagen"), str(fehler))
            return
        if sicherung is not None:
            self.melde(tr("Sicherung angelegt: {pfad}").format(pfad=sicherung.pfad))

    def _passe_navigation_an(self) -> None:
        """As wide as the longest area name in the current font (it follows the font-size setting)."""
        schrift = self.navigation.fontMetrics()
        texte = [self.navigation.item(i).text() for i in range(self.navigation.count())]
        breite = max(schrift.horizontalAdvance(t) for t in texte) + schrift.averageCharWidth() * 4
        rand = 2 * self.navigation.frameWidth() + self.navigation.verticalScrollBar().sizeHint().width()
        self.navigation.setFixedWidth(breite + rand)

    def changeEvent(self, ereignis: QEvent) -> None:
        super().changeEvent(ereignis)
        if ereignis.type() == QEvent.Type.FontChange and hasattr(self, "navigation"):
            self._passe_navigation_an()

    # window events ------------------------------------------------------------------------------------------
    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if not self._schon_angezeigt:
            self._schon_angezeigt = True
            if not self._groesse_gewaehlt and self.datei_offen:  # after the event loop has laid out the first area
                QTimer.singleShot(0, lambda: self._platz_fuer(self.seite(self.aktueller_bereich)))
            self.angezeigt.emit()

    def paintEvent(self, ereignis: QPaintEvent) -> None:
        super().paintEvent(ereignis)
        if not self.wurde_gemalt:
            self.wurde_gemalt = True
            self.gemalt.emit()

    def closeEvent(self, ereignis: QCloseEvent) -> None:
        self.kontext.einstellungen[FENSTER_GEOMETRIE] = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.kontext.einstellungen.sichern()  # the program may end with this window, before the next event
        for seite in self._seiten.values():
            schliessen = getattr(seite, "darf_schliessen", None)
            if callable(schliessen) and not schliessen():
                ereignis.ignore()
                return
        super().closeEvent(ereignis)
        self.kontext.schliessen()
        if not self.datei_offen:  # closed while the data layer is still being imported: no password is known yet,
            return  # and importing it here as well could meet that import half-way
        from core.persistence.schutz import vergiss_kennwoerter

        vergiss_kennwoerter()  # the password and the key derived from it leave the memory with the window
