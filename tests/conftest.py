"""Test-wide setup: Qt runs offscreen, German locale for Qt, no test touches the user's real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "1")


@pytest.fixture(autouse=True)
def _keine_echten_nutzerdaten(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default database of every test is a scratch file, never the user's data directory."""
    ordner: Path = tmp_path_factory.mktemp("nutzerdaten")
    monkeypatch.setenv("ASSISTENZBUERO_DB", str(ordner / "assistenzbuero.sqlite"))
