"""A locked, read-only or damaged data file: one German message box (no traceback); damage offers the backup."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from core.stammdaten import arbeitgeber
from core.stammdaten.start import oeffne
from desktop.app import oeffne_hauptfenster
from desktop.einstellungen import Einstellungen

pytestmark = pytest.mark.gui


class Boxen:
    """Replaces QMessageBox.exec: records title, text and buttons, answers with `antwort`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, antwort: QMessageBox.StandardButton) -> None:
        self.gezeigt: list[dict[str, object]] = []
        antworten = self

        def exec_ersatz(box: QMessageBox) -> int:
            antworten.gezeigt.append(
                {
                    "titel": box.windowTitle(),
                    "text": box.text(),
                    "knoepfe": sorted(k.text().replace("&", "") for k in box.buttons()),
                }
            )
            return antwort if QMessageBox.StandardButton.Yes in [box.standardButton(k) for k in box.buttons()] else 0

        monkeypatch.setattr(QMessageBox, "exec", exec_ersatz)


def _haushalt(pfad: Path) -> None:
    db = oeffne(pfad)
    arbeitgeber.speichere_arbeitgeber(db, arbeitgeber.ArbeitgeberDaten(nachname="Assistenzgeberin", bundesland="BW"))
    db.schliessen()


def test_zweites_fenster_auf_derselben_datei(
    qtbot, tmp_path: Path, einstellungen: Einstellungen, monkeypatch, capfd
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    erstes = oeffne(pfad)  # the first instance holds the file
    boxen = Boxen(monkeypatch, QMessageBox.StandardButton.Ok)
    try:
        assert oeffne_hauptfenster(pfad, einstellungen) is None
    finally:
        erstes.schliessen()
    assert len(boxen.gezeigt) == 1
    assert "kann nicht geöffnet werden" in boxen.gezeigt[0]["titel"]
    assert "bereits in einem anderen Assistenzbüro-Fenster geöffnet" in boxen.gezeigt[0]["text"]
    assert boxen.gezeigt[0]["knoepfe"] == ["OK"]
    assert "Traceback" not in capfd.readouterr().err


def test_schreibgeschuetzte_datei(qtbot, tmp_path: Path, einstellungen: Einstellungen, monkeypatch, capfd) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    vorher = pfad.read_bytes()
    os.chmod(pfad, stat.S_IRUSR | stat.S_IRGRP)
    boxen = Boxen(monkeypatch, QMessageBox.StandardButton.Ok)
    try:
        assert oeffne_hauptfenster(pfad, einstellungen) is None
    finally:
        os.chmod(pfad, stat.S_IRUSR | stat.S_IWUSR)
    assert len(boxen.gezeigt) == 1
    assert "schreibgeschützt" in boxen.gezeigt[0]["text"]
    assert pfad.read_bytes() == vorher  # nothing lost, nothing changed
    assert "Traceback" not in capfd.readouterr().err


def _beschaedigt(pfad: Path) -> None:
    _haushalt(pfad)
    oeffne(pfad).schliessen()  # a second start takes a backup of the household
    with pfad.open("r+b") as datei:
        datei.seek(0)
        datei.write(b"kaputt" * 200)


def test_beschaedigte_datei_mit_sicherung_zurueckspielen(
    qtbot, tmp_path: Path, einstellungen: Einstellungen, monkeypatch, capfd
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _beschaedigt(pfad)
    boxen = Boxen(monkeypatch, QMessageBox.StandardButton.Yes)
    fenster = oeffne_hauptfenster(pfad, einstellungen)
    assert fenster is not None
    qtbot.addWidget(fenster)
    frage, bestaetigung = boxen.gezeigt
    assert "beschädigt" in frage["text"] and "Soll die neueste Sicherung" in frage["text"]
    assert "file is not a database" not in frage["text"]  # German only; no command-line hint in the window
    assert "assistenzbuero sicherung" not in frage["text"]
    assert frage["knoepfe"] == ["Beenden", "Sicherung zurückspielen"]
    assert "zurückgespielt" in bestaetigung["text"]
    assert arbeitgeber.lade_arbeitgeber(fenster.kontext.datenbank).nachname == "Assistenzgeberin"
    assert list(tmp_path.glob("haushalt.sqlite.ersetzt-*")), "die beschädigte Datei bleibt daneben erhalten"
    fenster.close()
    assert "Traceback" not in capfd.readouterr().err


def test_beschaedigte_datei_ohne_zurueckspielen_beendet(
    qtbot, tmp_path: Path, einstellungen: Einstellungen, monkeypatch
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _beschaedigt(pfad)
    vorher = pfad.read_bytes()
    boxen = Boxen(monkeypatch, QMessageBox.StandardButton.No)
    assert oeffne_hauptfenster(pfad, einstellungen) is None
    assert len(boxen.gezeigt) == 1
    assert pfad.read_bytes() == vorher
