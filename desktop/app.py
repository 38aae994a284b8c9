"""Start the window: German Qt, settings names, open the data file (clear messages, backup restore), first start."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import meldungen, tastatur
from desktop.bildschirm import folge_dem_fokus
from desktop.einstellungen import SCHRIFTGROESSE, Einstellungen, wende_schriftgroesse_an
from desktop.hintergrund import sammle_nur_im_gui_thread
from desktop.i18n import installiere_uebersetzungen, tr

log = logging.getLogger(__name__)

ORGANISATION = "Assistenzbuero"
ANWENDUNG = "Assistenzbüro"
DESKTOP_DATEI = "assistenzbuero"  # installer/linux/assistenzbuero.desktop
MESSUNG = "ASSISTENZBUERO_STARTMESSUNG"  # benchmarks/startup.py: print when the window is painted, then quit


def richte_anwendung_ein(app: QApplication, einstellungen: Einstellungen | None = None) -> Einstellungen:
    """German translations, names for QSettings, the user's font scale. Safe to call more than once."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(ANWENDUNG)
    app.setApplicationDisplayName(ANWENDUNG)
    app.setDesktopFileName(DESKTOP_DATEI)  # Wayland/X11: taskbar and window list match the menu entry's icon
    installiere_uebersetzungen(app)
    folge_dem_fokus(app)
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
    """Open the data file and show the main window (with the first-start assistant if no employer exists)."""
    datenbank = oeffne_datenbank(db_pfad)
    if datenbank is None:
        return None
    from desktop.hauptfenster import Hauptfenster
    from desktop.kontext import Kontext

    kontext = Kontext(datenbank=datenbank, einstellungen=einstellungen, db_pfad=getattr(datenbank, "pfad", db_pfad))
    fenster = Hauptfenster(kontext)
    fenster.show()
    fenster.starte_ersteinrichtung_falls_noetig()
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
    """Console entry without subcommand: run the window until it is closed; returns the exit code."""
    from core.protokoll import richte_protokoll_ein

    richte_protokoll_ein()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    einstellungen = richte_anwendung_ein(app)
    sys.excepthook = _ausnahme_ohne_traceback
    fenster = oeffne_hauptfenster(db_pfad, einstellungen)
    if fenster is None:
        return 1
    if os.environ.get(MESSUNG):
        _melde_messpunkte(fenster)
    return app.exec()


def _melde_messpunkte(fenster: Any) -> None:
    """benchmarks/startup.py: a line when the window has been painted, one when the page shown has filled in what
    it loads after the window is on screen (the Übersicht's summaries), then quit."""
    seite = fenster.seite(fenster.aktueller_bereich)

    def seite_fertig() -> None:
        print("STARTSEITE_VOLLSTAENDIG", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    def angezeigt() -> None:
        print("HAUPTFENSTER_ANGEZEIGT", flush=True)
        if getattr(seite, "nachgeladen", True):
            seite_fertig()
        else:
            seite.nachgeladen_signal.connect(lambda: QTimer.singleShot(0, seite_fertig))

    if fenster.wurde_gemalt:
        QTimer.singleShot(0, angezeigt)
    else:
        fenster.gemalt.connect(lambda: QTimer.singleShot(0, angezeigt))
