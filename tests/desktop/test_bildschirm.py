"""200 % on a 1280×800 screen (issue 13, finding 3): no area scrolls sideways, every dialog fits the screen with its
buttons visible. 200 % runs in its own process (Qt fixes the scale when it starts), 100 % in the test process; both
go over every area, every tab and every dialog of `dialogkatalog`, and leave the screenshots in the test's folder
to be looked at.

Before the fix at 200 %: "Neue Schicht" was 850 pixels high on an 800-pixel screen (Speichern off screen), the
Assistenzkräfte showed 2 of their buttons, the Dienstplan cut "Export", every area scrolled sideways.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.fluss import Flusszeile

pytestmark = pytest.mark.gui
WURZEL = Path(__file__).resolve().parents[2]
BILDSCHIRM = WURZEL / "tests" / "data" / "bildschirm" / "1280x800.json"


@pytest.mark.lang
def test_alles_passt_auf_1280x800_bei_200_prozent(tmp_path: Path, _demo_vorlage: Path) -> None:
    umgebung = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={BILDSCHIRM}",
        "XDG_DATA_HOME": str(tmp_path / "daten"),
        "XDG_STATE_HOME": str(tmp_path / "zustand"),
    }
    umgebung.pop("QT_ACCESSIBILITY", None)
    lauf = subprocess.run(
        [sys.executable, "-m", "tests.desktop.bildschirmfotos", str(tmp_path / "bilder"), "--db", str(_demo_vorlage)],
        cwd=WURZEL,
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr[-3000:]
    bilder = sorted(p.name for p in (tmp_path / "bilder").glob("*.png"))
    assert "bereich-dienstplan.png" in bilder and "dialog-schicht_neu.png" in bilder


def test_alles_passt_auf_1280x800_bei_100_prozent(qtbot, tmp_path: Path, demo_fenster, monkeypatch) -> None:
    """The same checks at 100 %, in the test process: its screen is the same 1280×800 (tests/conftest.py), and a
    process of its own cost 10 s of CPU, most of it starting and importing."""
    from bildschirmfotos import gezaehltes_einpassen, keine_fragen, pruefe_bereiche, pruefe_dialoge

    from desktop.tabellen import PassendeTabelle

    app = QApplication.instance()
    groesse = app.primaryScreen().size()
    assert (groesse.width(), groesse.height()) == (1280, 800), "QT_QPA_PLATFORM nicht wie in tests/conftest.py"
    keine_fragen(monkeypatch.setattr)
    monkeypatch.setattr(PassendeTabelle, "spalten_einpassen", gezaehltes_einpassen())
    ausgabe = tmp_path / "bilder"
    ausgabe.mkdir()
    probleme = pruefe_bereiche(app, demo_fenster, ausgabe) + pruefe_dialoge(app, demo_fenster.kontext, ausgabe)
    assert probleme == []
    bilder = sorted(p.name for p in ausgabe.glob("*.png"))
    assert "bereich-dienstplan.png" in bilder and "dialog-schicht_neu.png" in bilder


def test_knopfzeile_bricht_um_statt_breiter_zu_werden(qtbot) -> None:
    traeger = QWidget()
    qtbot.addWidget(traeger)
    zeile = Flusszeile(traeger)
    zeile.setContentsMargins(0, 0, 0, 0)
    knoepfe = [QPushButton(f"Schaltfläche Nummer {i}") for i in range(6)]
    zeile.neben(*knoepfe)
    breitester = max(k.sizeHint().width() for k in knoepfe)
    # as narrow as its widest button (a QHBoxLayout would need all six side by side)
    assert zeile.minimumSize().width() <= breitester + 1
    assert zeile.sizeHint().width() > 5 * breitester
    einzeilig = zeile.heightForWidth(zeile.sizeHint().width())
    assert zeile.heightForWidth(breitester * 2) > 2 * einzeilig  # three lines of two
    traeger.resize(breitester * 2 + 20, zeile.heightForWidth(breitester * 2 + 20))
    traeger.show()
    qtbot.waitExposed(traeger)
    # reading order: left to right, then the next line
    orte = [(k.y(), k.x()) for k in knoepfe]
    assert orte == sorted(orte) and knoepfe[2].y() > knoepfe[0].y()
    assert all(traeger.rect().contains(k.geometry()) for k in knoepfe)


def test_seiten_anderer_werden_von_selbst_schmal(qtbot) -> None:
    """A page built the usual way (a QHBoxLayout of buttons, a check box with a long text in a form) gets narrow
    without doing anything: `schmal_machen` runs on every area and dialog. The box keeps its name and Alt+letter."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

    from desktop.bildschirm import ANTEIL_KAESTCHEN, schmal_machen

    seite = QWidget()
    qtbot.addWidget(seite)
    spalte = QVBoxLayout(seite)
    zeile = QHBoxLayout()
    for i in range(6):
        zeile.addWidget(QPushButton(f"Schaltfläche Nummer {i} …"))
    zeile.addStretch(1)
    spalte.addLayout(zeile)
    formular = QFormLayout()
    feld = QLineEdit()
    formular.addRow("&Name", feld)
    frei = (seite.screen()).availableGeometry().width()
    kaestchen = QCheckBox("Ein sehr langer Text an einem Kästchen, &wie ihn Qt nie umbricht " * 3)
    assert kaestchen.sizeHint().width() > frei * ANTEIL_KAESTCHEN
    formular.addRow(kaestchen)
    spalte.addLayout(formular)
    vorher = seite.minimumSizeHint().width()

    schmal_machen(seite)

    assert seite.minimumSizeHint().width() < min(vorher, frei) // 2
    assert kaestchen.text() == "" and kaestchen.accessibleName().startswith("Ein sehr langer Text")
    seite.show()
    qtbot.waitExposed(seite)
    seite.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is seite)
    feld.setFocus()
    qtbot.waitUntil(feld.hasFocus)
    qtbot.keyClick(feld, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(kaestchen.isChecked)  # Alt+W ticks it as before (Qt clicks it after a short delay)
