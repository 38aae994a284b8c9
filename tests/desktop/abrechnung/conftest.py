"""Fixtures for the Abrechnung area: a household loaded from a §8 scenario, the main window on it, the page."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from core.abrechnung.szenario_laden import lade
from core.stammdaten import start
from desktop.abrechnung.bereich import AbrechnungBereich
from desktop.abrechnung.monatsabrechnung import Monatsabrechnung
from desktop.einstellungen import Einstellungen
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext

SZENARIEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"


@pytest.fixture(scope="session")
def _geladene_szenarien(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Each scenario loaded (CONTRACTS §8) once per test process; tests work on copies."""
    ordner = tmp_path_factory.mktemp("szenarien")
    fertig: dict[str, Path] = {}

    def vorlage(name: str) -> Path:
        if name not in fertig:
            fertig[name] = lade(SZENARIEN / f"{name}.json", ordner / f"{name}.sqlite").pfad
        return fertig[name]

    return vorlage


@pytest.fixture
def haushalt(
    tmp_path: Path, _geladene_szenarien: Callable[[str], Path], einstellungen: Einstellungen
) -> Iterator[Callable[[str], Kontext]]:
    """`haushalt("minijob_privathaushalt")`: a copy of the loaded scenario, opened as the program does."""
    offen: list[Kontext] = []

    def oeffnen(name: str) -> Kontext:
        ziel = tmp_path / f"{name}.sqlite"
        shutil.copy(_geladene_szenarien(name), ziel)
        kontext = Kontext(datenbank=start.oeffne(ziel), einstellungen=einstellungen, db_pfad=ziel)
        offen.append(kontext)
        return kontext

    yield oeffnen
    for kontext in offen:
        kontext.schliessen()


def warte(qtbot: Any, seite: Monatsabrechnung) -> None:
    """Until the background computation has come back (the page shows the month or says why not)."""
    qtbot.waitUntil(lambda: not seite.rechnet, timeout=20000)


def oeffne_seite(qtbot: Any, kontext: Kontext) -> tuple[Hauptfenster, Monatsabrechnung]:
    """The main window on `kontext`, showing Abrechnung › Monatsabrechnung with the month computed."""
    fenster = Hauptfenster(kontext)
    qtbot.addWidget(fenster)
    fenster.resize(1280, 800)
    fenster.show()
    qtbot.waitExposed(fenster)
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    fenster.zeige_bereich("abrechnung")
    bereich = fenster.seite("abrechnung")
    assert isinstance(bereich, AbrechnungBereich)
    seite = bereich.reiter(Monatsabrechnung)
    warte(qtbot, seite)
    return fenster, seite
