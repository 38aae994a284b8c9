"""Fixtures for the Abrechnung area: a household loaded from a §8 scenario (helpers for the page: seite_hilfe.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.abrechnung.szenario_laden import lade
from core.stammdaten import start
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.desktop.abrechnung.seite_hilfe import GeduldigerFuehrer

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


@pytest.fixture
def fuehrer() -> Iterator[GeduldigerFuehrer]:
    """Drives the modal dialogs a test opens (patiently, see GeduldigerFuehrer); none may stay open."""
    f = GeduldigerFuehrer()
    yield f
    f.beendet = True
    assert f.offen_geblieben == []
