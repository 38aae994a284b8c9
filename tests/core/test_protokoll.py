"""Logging: unexpected errors go into an owner-only log file, the user gets one German line naming it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from core import protokoll
from core.cli import main

ROOT = Path(__file__).resolve().parents[2]
SZENARIO = ROOT / "tests" / "data" / "szenarien" / "minijob_privathaushalt.json"

# A bug inside a command, provoked in a real process with Python's own logging defaults (no pytest handlers).
_PROGRAMM_MIT_FEHLER = """
import sys
import core.abrechnung.szenario_cli as befehl
def kaputt(_eingabe):
    raise ZeroDivisionError("interner Fehler")
befehl.berechne = kaputt
from desktop.start import main
sys.exit(main(sys.argv[1:]))
"""


def test_unerwarteter_fehler_eine_zeile_und_protokoll(tmp_path: Path) -> None:
    umgebung = {**os.environ, "ASSISTENZBUERO_LOG": str(tmp_path / "log"), "PYTHONPATH": str(ROOT)}
    lauf = subprocess.run(
        [sys.executable, "-c", _PROGRAMM_MIT_FEHLER, "berechnen", str(SZENARIO)],
        capture_output=True,
        text=True,
        env=umgebung,
        cwd=ROOT,
        timeout=60,
    )
    assert lauf.returncode == 1
    zeilen = lauf.stderr.strip().splitlines()
    assert len(zeilen) == 1, lauf.stderr
    assert "Traceback" not in lauf.stderr and "interner Fehler" not in lauf.stderr
    logdatei = tmp_path / "log" / "assistenzbuero.log"
    assert zeilen[0].startswith("Unerwarteter Fehler (ZeroDivisionError)") and str(logdatei) in zeilen[0]
    inhalt = logdatei.read_text(encoding="utf-8")
    assert "Traceback" in inhalt and "ZeroDivisionError: interner Fehler" in inhalt


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_protokoll_nur_fuer_die_eigentuemerin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ordner = tmp_path / "log"
    alt = os.umask(0o022)
    try:
        assert main(["berechnen", str(tmp_path / "fehlt.json")]) == 2
    finally:
        os.umask(alt)
    capsys.readouterr()
    datei = ordner / "assistenzbuero.log"
    assert protokoll.protokolldatei() == datei
    assert stat.S_IMODE(datei.stat().st_mode) == 0o600
    assert stat.S_IMODE(ordner.stat().st_mode) == 0o700


def test_unschreibbares_protokoll_fuehrt_zu_keiner_ausgabe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blockiert = tmp_path / "datei_statt_ordner"
    blockiert.write_text("x")
    assert protokoll.richte_protokoll_ein(blockiert) is None
    assert protokoll.protokolldatei() is None
    import logging

    logging.getLogger("core.test").error("geht nirgendwohin")
    assert capsys.readouterr().err == ""


@pytest.fixture(autouse=True)
def _protokoll_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTENZBUERO_LOG", str(tmp_path / "log"))
