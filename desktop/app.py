"""Start the window: German Qt, settings names, open the data file (clear messages, backup restore), first start."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import meldungen, tastatur
from desktop.bildschirm import folge_dem_fokus
from desktop.einstellungen import SCHRIFTGROESSE, Einstellungen, wende_schriftgroesse_an
from desktop.hintergrund import sammle_nur_im_gui_thread, starte_faden
from desktop.i18n import installiere_uebersetzungen, tr

log = logging.getLogger(__name__)

ORGANISATION = "Assistenzbuero"
ANWENDUNG = "Assistenzbüro"
DESKTOP_DATEI = "assistenzbuero"  # installer/linux/assistenzbuero.desktop
# What opening the file needs (SQLAlchemy, the models, the seeding): imported after the window's first picture.
DATENSCHICHT = "core.stammdaten.start"
MESSUNG = "ASSISTENZBUERO_STARTMESSUNG"  # benchmarks/startup.py: print when the window is painted, then quit


def richte_anwendung_ein(
    app: QApplication, einstellungen: Einstellungen | None = None, *, tastaturregeln: bool = True
) -> Einstellungen:
    """German translations, names for QSettings, the user's font scale, the keyboard rules (`tastaturregeln`
    False: the caller installs them later, see `starte`). Safe to call more than once."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(ANWENDUNG)
    app.setApplicationDisplayName(ANWENDUNG)
    app.setDesktopFileName(DESKTOP_DATEI)  # Wayland/X11: taskbar and window list match the menu entry's icon
    installiere_uebersetzungen(app)
    folge_dem_fokus(app)
    if tastaturregeln:
        tastatur.installiere(app)
    sammle_nur_im_gui_thread(app)
    if einstellungen is None:
        einstellungen = Einstellungen(QSettings())
    wende_schriftgroesse_an(app, einstellungen[SCHRIFTGROESSE])
    einstellungen.geaendert.connect(
        lambda schluessel: (
            wende_schriftgroesse_an(app, einstellungen[SCHRIFTGROESSE])
            if schluessel == SCHRIFTGROESSE.schluessel
            else None
        )
    )
    return einstellungen


def oeffne_datenbank(pfad: Path | None, parent: QWidget | None = None) -> Any | None:
    """Open (lock, check, back up, migrate, seed) the data file; on failure one German message, None.

    A damaged file with a backup gets the offer to restore the newest backup (the damaged file is kept aside).
    """
    from core.fehler import DatenbankFehler
    from core.persistence.datenbank import DatenbankBeschaedigt, KennwortNoetig, stelle_wieder_her, ziel_pfad
    from core.persistence.schutz import merke_kennwort
    from core.persistence.verbindung import FalschesKennwort
    from core.stammdaten.start import oeffne
    from desktop.schutz import frage_kennwort

    titel = tr("Datenbank kann nicht geöffnet werden")
    while True:
        try:
            return oeffne(pfad)
        except (KennwortNoetig, FalschesKennwort) as fehler:  # an encrypted file: ask (again) for its password
            ziel = ziel_pfad(pfad)
            kennwort = frage_kennwort(ziel, str(fehler) if isinstance(fehler, FalschesKennwort) else "", parent)
            if kennwort is None:
                return None
            merke_kennwort(ziel, kennwort)
        except DatenbankBeschaedigt as fehler:
            if not fehler.sicherungen:
                meldungen.fehler(
                    parent,
                    titel,
                    tr(
                        "Die Datenbankdatei {pfad} ist beschädigt oder keine Assistenzbüro-Datenbank, und es gibt "
                        "keine Sicherung von ihr. Die Datei bleibt unverändert. Bitte wenden Sie sich an eine "
                        "Fachperson."
                    ).format(pfad=fehler.pfad),
                )
                return None
            neueste = fehler.sicherungen[0]
            # the core's message is meant for the command line (English SQLite detail, the CLI command to use)
            frage = tr(
                "Die Datenbankdatei {pfad} ist beschädigt oder keine Assistenzbüro-Datenbank.\n\n"
                "Soll die neueste Sicherung vom {zeitpunkt} Uhr jetzt zurückgespielt werden? "
                "Änderungen nach diesem Zeitpunkt fehlen dann; die beschädigte Datei bleibt daneben erhalten."
            ).format(pfad=fehler.pfad, zeitpunkt=f"{neueste.zeitpunkt:%d.%m.%Y, %H:%M}")
            if not meldungen.frage(
                parent, tr("Datenbank beschädigt"), frage, ja=tr("Sicherung &zurückspielen"), nein=tr("&Beenden")
            ):
                return None
            try:
                beiseite = stelle_wieder_her(fehler.pfad, neueste)
            except DatenbankFehler as zweiter:
                meldungen.fehler(parent, titel, str(zweiter))
                return None
            meldungen.hinweis(
                parent,
                tr("Sicherung zurückgespielt"),
                tr(
                    "Die Sicherung vom {zeitpunkt} Uhr wurde zurückgespielt. Die beschädigte Datei liegt unter {ort}."
                ).format(zeitpunkt=f"{neueste.zeitpunkt:%d.%m.%Y, %H:%M}", ort=beiseite or fehler.pfad),
            )
        except DatenbankFehler as fehler:
            meldungen.fehler(parent, titel, str(fehler))
            return None
        except Exception as fehler:  # never a traceback for the user
            meldungen.unerwartet(parent, fehler)
            return None


def oeffne_hauptfenster(db_pfad: Path | None, einstellungen: Einstellungen) -> Any | None:
    """Show the main window and open the data file in it at once (`starte` waits for the window's first picture
    in between); with the first-start assistant if no employer exists. None (and no window) if it did not open."""
    fenster = zeige_hauptfenster(db_pfad, einstellungen)
    if not oeffne_im_fenster(fenster, db_pfad):
        fenster.hide()  # not closed: a window that never had a file saves no size and place for the next start
        fenster.deleteLater()
        return None
    return fenster


def _ausnahme_ohne_traceback(art: type[BaseException], wert: BaseException, spur: TracebackType | None) -> None:
    from core.fehler import AssistenzbueroFehler

    if issubclass(art, KeyboardInterrupt):
        sys.__excepthook__(art, wert, spur)
        return
    if isinstance(wert, AssistenzbueroFehler):
        # A service refused (the data file is read-only or locked, …) where the screen did not expect it: its
        # German message says what to do, and its unit of work saved nothing. Not a bug to report.
        log.warning("Nicht ausgeführt: %s", wert)
        meldungen.fehler(QApplication.activeWindow(), tr("Nicht ausgeführt"), str(wert))
        return
    log.error("Unbehandelte Ausnahme", exc_info=(art, wert, spur))
    meldungen.unerwartet(QApplication.activeWindow(), wert)


def starte(db_pfad: Path | None) -> int:
    """Console entry without subcommand: run the window until it is closed; returns the exit code.

    The window is on screen before the data layer (SQLAlchemy, the models: a third of a second) is even imported:
    it first says that the file is being opened; once it has been painted, the data layer is imported in the
    background (the window keeps answering: a screen reader reads the note meanwhile), then the file is opened on
    the GUI thread (`oeffne_im_fenster`). A file that cannot be opened gets the same messages and choices as before;
    then the program ends with 1."""
    from core.protokoll import richte_protokoll_ein

    richte_protokoll_ein()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    # The keyboard rules filter every event of the application in Python: the first events of the window's objects
    # make Shiboken create some 120 Qt types and enums for them (0.1 s). They are installed after the first
    # picture, before a dialog can appear (there is no field to type into until the file is open).
    einstellungen = richte_anwendung_ein(app, tastaturregeln=False)
    sys.excepthook = _ausnahme_ohne_traceback
    fenster = zeige_hauptfenster(db_pfad, einstellungen)
    messung = bool(os.environ.get(MESSUNG))
    if messung:
        _melde_gemalt(fenster)

    def oeffnen(fehler: BaseException | None) -> None:
        if not fenster.isVisible():  # closed while it waited: the program is ending
            return
        if fehler is not None:  # a broken installation: one German message, never a traceback
            meldungen.unerwartet(fenster, fehler)  # (the details go to the log)
            app.exit(1)
        elif not oeffne_im_fenster(fenster, db_pfad):
            app.exit(1)  # the message has been shown; the window goes with the program
        elif messung:
            _melde_messpunkte(fenster)

    def nach_dem_bild() -> None:
        tastatur.installiere(app)
        _Lader(DATENSCHICHT, oeffnen)

    nach_dem_ersten_bild(fenster, nach_dem_bild)
    return app.exec()


class _Lader(QObject):
    """Imports a module in one of the program's threads and reports on the GUI thread (None or the exception).

    Python's import lock keeps the module whole if the GUI thread should need it meanwhile. The loader is held in
    `laufende` until it has reported, and handed to the thread as its argument (which `starte_faden` keeps), so
    that its last reference never goes in the worker thread."""

    gemeldet = Signal(object)
    laufende: ClassVar[set[_Lader]] = set()

    def __init__(self, modul: str, danach: Callable[[BaseException | None], None]) -> None:
        super().__init__()
        self._danach = danach
        self.gemeldet.connect(self._fertig)  # a QObject of the GUI thread: delivered there, queued
        _Lader.laufende.add(self)
        starte_faden(_importiere, (modul, self), f"lade {modul}")

    def _fertig(self, fehler: BaseException | None) -> None:
        _Lader.laufende.discard(self)
        self._danach(fehler)


def _importiere(modul: str, lader: _Lader) -> None:
    try:
        importlib.import_module(modul)
    except BaseException as fehler:  # reported to the GUI thread, shown there
        lader.gemeldet.emit(fehler)
    else:
        lader.gemeldet.emit(None)


def zeige_hauptfenster(db_pfad: Path | None, einstellungen: Einstellungen) -> Any:
    """The main window at once, in the state "Die Datenbankdatei wird geöffnet …" (no area usable yet)."""
    from desktop.hauptfenster import Hauptfenster
    from desktop.kontext import Kontext

    fenster = Hauptfenster(
        Kontext(datenbank=None, einstellungen=einstellungen, db_pfad=db_pfad), datei_wird_geoeffnet=True
    )
    fenster.show()
    return fenster


def nach_dem_ersten_bild(fenster: Any, schritt: Callable[[], object], spaetestens_ms: int = 2000) -> None:
    """Run `schritt` once, in the turn of the event loop after the window's first picture (so that it is seen
    before the work starts); after `spaetestens_ms` anyway (a window started minimised is not painted until it is
    restored; generous, so that a busy machine's late first picture still comes first)."""
    erledigt = False

    def einmal() -> None:
        nonlocal erledigt
        if not erledigt:
            erledigt = True
            schritt()

    fenster.gemalt.connect(lambda: QTimer.singleShot(0, einmal))
    QTimer.singleShot(spaetestens_ms, einmal)


def oeffne_im_fenster(fenster: Any, db_pfad: Path | None) -> bool:
    """Open the data file for the window shown by `zeige_hauptfenster`: messages over it; False if not opened."""
    datenbank = oeffne_datenbank(db_pfad, fenster)
    if datenbank is None:
        return False
    fenster.datei_geoeffnet(datenbank)
    fenster.starte_ersteinrichtung_falls_noetig()
    return True


def _melde_gemalt(fenster: Any) -> None:
    """benchmarks/startup.py: a line as soon as the window has been painted (while the file is being opened)."""
    fenster.gemalt.connect(lambda: print("HAUPTFENSTER_ANGEZEIGT", flush=True))


def _melde_messpunkte(fenster: Any) -> None:
    """benchmarks/startup.py: a line when the file is open and the first area shown, one when that area has filled
    in what it loads after it is on screen (the Übersicht's summaries), then quit."""
    print("DATEI_GEOEFFNET", flush=True)
    seite = fenster.seite(fenster.aktueller_bereich)

    def seite_fertig() -> None:
        print("STARTSEITE_VOLLSTAENDIG", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    if getattr(seite, "nachgeladen", True):
        QTimer.singleShot(0, seite_fertig)
    else:
        seite.nachgeladen_signal.connect(lambda: QTimer.singleShot(0, seite_fertig))
