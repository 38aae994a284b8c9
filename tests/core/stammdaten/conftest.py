"""A fresh, seeded household database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.persistence.datenbank import Datenbank
from core.stammdaten import start


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()
