"""Fixtures for GUI tests: German Qt, settings in a temporary file (never the user's), a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import richte_anwendung_ein
from desktop.einstellungen import Einstellungen


@pytest.fixture(autouse=True)
def _eigene_einstellungen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "daten"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "zustand"))


@pytest.fixture
def einstellungen(qapp: QApplication, tmp_path: Path) -> Iterator[Einstellungen]:
    speicher = QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat)
    e = Einstellungen(speicher)
    richte_anwendung_ein(qapp, e)
    yield e
    from desktop.einstellungen import SCHRIFTGROESSE, wende_schriftgroesse_an

    wende_schriftgroesse_an(qapp, SCHRIFTGROESSE.standard)  # the next test starts with the system font
