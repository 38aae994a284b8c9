"""Fixtures for the Dienstplan screens: a household with the seed's four assistants, the area, modal-dialog driving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.dienstplan.bereich import DienstplanBereich
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.core.dienstplan.conftest import Haushalt, geoeffnete_kopie, haushalt_vorlage
from tests.desktop.dienstplan.tasten import JAHR, MONAT, Dialogfuehrer


@pytest.fixture
def haushalt(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Haushalt]:
    """A copy of the household built once per test process (tests/core/dienstplan/conftest.py)."""
    with geoeffnete_kopie(haushalt_vorlage(tmp_path_factory), tmp_path / "haushalt.sqlite") as h:
        yield h


@pytest.fixture
def bereich(qtbot: Any, einstellungen: Einstellungen, haushalt: Haushalt) -> DienstplanBereich:
    b = DienstplanBereich(Kontext(datenbank=haushalt.db, einstellungen=einstellungen))
    qtbot.addWidget(b)
    b.resize(1300, 850)
    b.show()
    qtbot.waitExposed(b)
    b.zeige_monat(JAHR, MONAT)
    b.raster.setFocus()
    return b


@pytest.fixture
def dialoge() -> Iterator[Dialogfuehrer]:
    fuehrer = Dialogfuehrer()
    yield fuehrer
    fuehrer.beendet = True
