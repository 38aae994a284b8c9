"""Every area and dialog: each control a screen reader reaches has a name and a sensible role."""

from __future__ import annotations

import pytest
from barrierefreiheit import bedienelemente, pruefe_barrierefreiheit
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.bereiche import BEREICHE
from desktop.einstellungen import Einstellungen
from desktop.hauptfenster import Fehlerseite, Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui


def test_die_pruefung_findet_ein_unbenanntes_feld(qtbot) -> None:
    seite = QWidget()
    qtbot.addWidget(seite)
    spalte = QVBoxLayout(seite)
    spalte.addWidget(QLineEdit())
    spalte.addWidget(QPushButton("&Speichern"))
    probleme = pruefe_barrierefreiheit(seite)
    assert len(probleme) == 1 and "QLineEdit" in probleme[0] and "ohne Namen" in probleme[0]


@pytest.mark.parametrize("schluessel", [b.schluessel for b in BEREICHE])
def test_bereich(qtbot, einstellungen: Einstellungen, schluessel: str) -> None:
    fenster = Hauptfenster(Kontext(datenbank=None, einstellungen=einstellungen))
    qtbot.addWidget(fenster)
    fenster.show()
    fenster.zeige_bereich(schluessel)
    seite = fenster.seite(schluessel)
    assert not isinstance(seite, Fehlerseite), seite.hinweis.text()
    assert bedienelemente(seite) > 0
    assert pruefe_barrierefreiheit(seite) == []


def test_hauptfenster_mit_navigation(qtbot, einstellungen: Einstellungen) -> None:
    fenster = Hauptfenster(Kontext(datenbank=None, einstellungen=einstellungen))
    qtbot.addWidget(fenster)
    fenster.show()
    assert pruefe_barrierefreiheit(fenster) == []
