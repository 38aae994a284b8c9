"""A fast start: the main window is on screen before the data layer is imported and the file opened; until then it
says so and offers nothing that would act on the file. A file that cannot be opened still gets its one message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import app as programm
from desktop.einstellungen import Einstellungen
from desktop.hauptfenster import Hauptfenster

pytestmark = pytest.mark.gui

WURZEL = Path(__file__).resolve().parents[2]

# Imported only once the window has been painted: the data layer (SQLAlchemy, the models, opening the file), then
# what the start page shows after its first picture (summaries), or an area, dialog or command the user opens.
_NICHT_VOR_DEM_FENSTER = (
    "sqlalchemy",
    "core.persistence",
    "core.stammdaten",
    "core.dienstplan",
    "alembic",
    "openpyxl",
    "reportlab",
    "holidays",
    "schwifty",
    "python_calamine",
    "pycountry",
    "babel",
    "core.abrechnung",
    "core.budget",
    "core.erstattung",
    "core.meldungen",
    "core.demo",
    "core.io",
    "core.cli.",
    "desktop.budget",
    "desktop.berichte",
    "desktop.dienstplan",
    "desktop.abrechnung",
    "desktop.erstattungen",
    "desktop.jahreswechsel",
)

# The program as the console entry starts it (`desktop.start.main`), with a filter that notes which modules are
# loaded when the main window receives its first paint event; ASSISTENZBUERO_STARTMESSUNG ends it once the start
# page is complete.
_PROGRAMM = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
schwer = tuple(sys.argv[2:])
geladen = lambda: sorted(m for m in sys.modules if m.startswith(schwer))
app = QApplication([])
vorher = []
class Beobachter(QObject):
    def eventFilter(self, ziel, ereignis):
        if not vorher and ereignis.type() == QEvent.Type.Paint and type(ziel).__name__ == "Hauptfenster":
            vorher.append(geladen())
        return False
beobachter = Beobachter()
app.installEventFilter(beobachter)
from desktop.start import main
code = main(["--db", sys.argv[1]])
from desktop.tastatur import Tastaturregeln
regeln = app.findChild(Tastaturregeln) is not None
print(json.dumps({"code": code, "vorher": vorher, "nachher": geladen(), "tastaturregeln": regeln}))
"""


def _haushalt(pfad: Path) -> None:
    """A file with an employer (no set-up assistant over the window)."""
    from core.stammdaten import arbeitgeber
    from core.stammdaten.start import oeffne

    db = oeffne(pfad)
    arbeitgeber.speichere_arbeitgeber(db, arbeitgeber.ArbeitgeberDaten(nachname="Muster", bundesland="BW"))
    db.schliessen()


def test_hauptfenster_vor_datenbank_und_schweren_teilen(tmp_path: Path) -> None:
    """The window is painted before SQLAlchemy and the models are loaded and the file is opened, and before the
    payroll, budget, claims and deadline code; then the file opens and the start page fills in
    (benchmarks/startup.py measures the three moments)."""
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    umgebung = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ASSISTENZBUERO_STARTMESSUNG": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "konfiguration"),
        "XDG_STATE_HOME": str(tmp_path / "zustand"),
        "PYTHONPATH": str(WURZEL),
    }
    lauf = subprocess.run(
        [sys.executable, "-c", _PROGRAMM, str(pfad), *_NICHT_VOR_DEM_FENSTER],
        capture_output=True,
        text=True,
        env=umgebung,
        cwd=WURZEL,
        timeout=120,
    )
    assert lauf.returncode == 0, lauf.stderr
    zeilen = lauf.stdout.strip().splitlines()
    ergebnis = json.loads(zeilen[-1])
    assert ergebnis["code"] == 0
    assert zeilen[:-1] == ["HAUPTFENSTER_ANGEZEIGT", "DATEI_GEOEFFNET", "STARTSEITE_VOLLSTAENDIG"]
    assert ergebnis["vorher"] == [[]]
    assert ergebnis["tastaturregeln"]  # installed after the first picture, not forgotten
    # the file was opened after the picture, and the summaries came: the budget line and the deadlines
    assert {"sqlalchemy", "core.persistence.datenbank", "core.budget.dienst", "desktop.berichte.fristen"} <= set(
        ergebnis["nachher"]
    )


def test_waehrend_des_oeffnens_nur_der_hinweis(qtbot, tmp_path: Path, einstellungen: Einstellungen) -> None:
    """Until the file is open: one focused line says so, the areas are listed but disabled, no shortcut or menu
    entry builds an area or acts on the file; afterwards the start area is shown with the focus in the list."""
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    fenster = programm.zeige_hauptfenster(pfad, einstellungen)
    qtbot.addWidget(fenster)
    qtbot.waitExposed(fenster)
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)

    hinweis = fenster.stapel.currentWidget()
    assert isinstance(hinweis, QLabel) and hinweis.text() == "Die Datenbankdatei wird geöffnet …"
    assert hinweis.accessibleName() == hinweis.text()
    assert QApplication.focusWidget() is hinweis  # a screen reader reads it at once
    assert fenster.windowTitle().startswith("Die Datenbankdatei wird geöffnet")
    assert not fenster.navigation.isEnabled()
    assert fenster.navigation.count() == 7  # the frame of the program is there, only not yet usable
    aktionen = {a.text().replace("&", ""): a for a in fenster.findChildren(type(fenster.bereich_aktionen["budget"]))}
    datei_aktionen = ("Datensicherung jetzt anlegen", "Programm sperren", "Datenbank verschlüsseln …")
    for name in (*datei_aktionen, "Einrichtungsassistent …"):
        assert not aktionen[name].isEnabled(), name
    assert not any(a.isEnabled() for a in fenster.bereich_aktionen.values())
    assert aktionen["Beenden"].isEnabled() and aktionen["Tastenkürzel"].isEnabled()
    qtbot.keyClick(fenster, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fenster, Qt.Key.Key_F6)
    assert fenster._seiten == {}  # no area was built on a file that is not open
    assert fenster.stapel.currentWidget() is hinweis

    assert not hasattr(fenster, "sperre")  # the idle lock comes with the file: until then there is nothing to hide

    assert programm.oeffne_im_fenster(fenster, pfad)
    assert fenster.sperre is not None
    assert fenster.datei_offen and fenster.kontext.datenbank is not None
    assert fenster.navigation.isEnabled() and fenster.navigation.currentItem().text() == "Übersicht"
    assert all(a.isEnabled() for a in aktionen.values())
    assert fenster.windowTitle() == "Übersicht – Assistenzbüro"
    assert QApplication.focusWidget() is fenster.navigation
    assert fenster.stapel.count() == 7  # the note is gone
    qtbot.keyClick(fenster, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert fenster.aktueller_bereich == "assistenzkraefte"
    fenster.close()


def _starte(qapp: QApplication, pfad: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[tuple[str, str, bool]]]:
    """`starte` as the program runs it, in this process: the exit code and the message boxes (title, text, shown
    over the visible main window)."""
    from core import protokoll

    gezeigt: list[tuple[str, str, bool]] = []

    def box(meldung: QMessageBox) -> int:
        eltern = meldung.parentWidget()
        gezeigt.append((meldung.windowTitle(), meldung.text(), isinstance(eltern, Hauptfenster) and eltern.isVisible()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", box)
    monkeypatch.setattr(protokoll, "richte_protokoll_ein", lambda: None)  # not the test process's logging
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        code = programm.starte(pfad)
    finally:
        for fenster in QApplication.topLevelWidgets():
            if isinstance(fenster, Hauptfenster):
                fenster.close()
                fenster.deleteLater()
    return code, gezeigt


def test_gesperrte_datei_beim_start_eine_meldung_und_ende(
    qtbot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window is shown first; the file held by another window gets the same one German message as before
    (now over the window), and the program ends with exit code 1."""
    from core.stammdaten.start import oeffne

    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    erstes = oeffne(pfad)  # another window holds the file
    try:
        code, gezeigt = _starte(qapp, pfad, monkeypatch)
    finally:
        erstes.schliessen()
    assert code == 1
    assert len(gezeigt) == 1
    titel, text, ueber_dem_fenster = gezeigt[0]
    assert titel.startswith("Datenbank kann nicht geöffnet werden")
    assert "bereits in einem anderen Assistenzbüro-Fenster geöffnet" in text
    assert ueber_dem_fenster


def test_datenschicht_fehlt_eine_meldung_und_ende(
    qtbot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A broken installation (the data layer cannot be imported in the background): one German message over the
    window instead of a window that says "wird geöffnet" for ever; the details in the log; exit code 1."""
    monkeypatch.setattr(programm, "DATENSCHICHT", "core.gibt_es_nicht")
    code, gezeigt = _starte(qapp, tmp_path / "haushalt.sqlite", monkeypatch)
    assert code == 1
    assert [(titel.split(" – ")[0], ueber) for titel, _text, ueber in gezeigt] == [("Unerwarteter Fehler", True)]
    assert "ModuleNotFoundError" in gezeigt[0][1] and "Bitte melden Sie diesen Fehler" in gezeigt[0][1]
    assert "core.gibt_es_nicht" in caplog.text
    assert not (tmp_path / "haushalt.sqlite").exists()  # nothing was created


def test_nach_dem_ersten_bild_genau_einmal(qtbot, tmp_path: Path, einstellungen: Einstellungen) -> None:
    """The file is opened once: after the first picture, or after the time limit for a window that is not painted
    (started minimised), never twice."""
    from desktop.kontext import Kontext

    gezeigt = programm.zeige_hauptfenster(tmp_path / "haushalt.sqlite", einstellungen)
    verborgen = Hauptfenster(Kontext(datenbank=None, einstellungen=einstellungen), datei_wird_geoeffnet=True)
    qtbot.addWidget(gezeigt)
    qtbot.addWidget(verborgen)
    schritte: list[str] = []
    programm.nach_dem_ersten_bild(gezeigt, lambda: schritte.append("gezeigt"), spaetestens_ms=300)
    programm.nach_dem_ersten_bild(verborgen, lambda: schritte.append("verborgen"), spaetestens_ms=300)
    qtbot.waitUntil(lambda: "gezeigt" in schritte and gezeigt.wurde_gemalt)
    assert not verborgen.wurde_gemalt
    qtbot.waitUntil(lambda: "verborgen" in schritte)
    qtbot.wait(400)
    assert sorted(schritte) == ["gezeigt", "verborgen"]
    gezeigt.close()  # closed before its file was open: nothing to release, no error
    assert gezeigt.kontext.datenbank is None and not gezeigt.isVisible()
