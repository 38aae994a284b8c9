"""`installer/run.py` (start from a source checkout) talks German to the user and works where she stands (issue 13,
finding 11): pip's and setuptools' English warnings stay hidden unless the installation fails, and a relative
`--db` means a file in the folder she started from, not in the project folder."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

WURZEL = Path(__file__).resolve().parents[2]


def _run_modul() -> ModuleType:
    spec = importlib.util.spec_from_file_location("installer_run", WURZEL / "installer" / "run.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


class _Aufrufe:
    def __init__(self, rueckgabe: int = 0, ausgabe: str = "") -> None:
        self.liste: list[tuple[list[str], dict[str, Any]]] = []
        self.rueckgabe, self.ausgabe = rueckgabe, ausgabe

    def __call__(self, befehl: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        self.liste.append((befehl, kw))
        return subprocess.CompletedProcess(befehl, self.rueckgabe, self.ausgabe, "")


def test_relative_datenbank_gilt_im_ordner_der_nutzerin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _run_modul()
    aufrufe = _Aufrufe()
    monkeypatch.setattr(run, "_ensure_environment", lambda: None)
    monkeypatch.setattr(run.subprocess, "run", aufrufe)
    monkeypatch.chdir(tmp_path)
    assert run.main(["--db", "haushalt.sqlite"]) == 0
    befehl, kw = aufrufe.liste[0]
    assert Path(kw["cwd"]) == tmp_path  # "haushalt.sqlite" is opened next to her, not in the project folder
    assert befehl[1:4] == ["-P", "-m", "desktop.start"] and befehl[-2:] == ["--db", "haushalt.sqlite"]


def test_englische_warnungen_der_installation_bleiben_verborgen(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _run_modul()
    warnung = "SetuptoolsDeprecationWarning: License classifiers are deprecated."
    monkeypatch.setattr(run.subprocess, "run", _Aufrufe(0, warnung))
    run._still([sys.executable, "-m", "pip", "install", "x"])
    assert warnung not in capsys.readouterr().out + capsys.readouterr().err

    monkeypatch.setattr(run.subprocess, "run", _Aufrufe(1, warnung))
    with pytest.raises(subprocess.CalledProcessError):
        run._still([sys.executable, "-m", "pip", "install", "x"])
    fehler = capsys.readouterr().err
    assert fehler.startswith("Die Installation ist fehlgeschlagen.") and warnung in fehler


def test_bauen_baut_mit_der_spec_und_prueft_das_paket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`run.py --bauen` (.ci/run's last step): PyInstaller with the project's spec, then installer/pruefe_bundle.py
    offscreen on the built folder; a failed build is not checked, a build over its time limit fails in German."""
    run = _run_modul()
    aufrufe = _Aufrufe()
    monkeypatch.setattr(run.subprocess, "run", aufrufe)
    python = Path("/venv/bin/python")
    assert run.baue_und_pruefe(python, tmp_path / "dist") == 0
    (bau, bau_kw), (pruefung, _kw) = aufrufe.liste
    assert bau[:3] == [str(python), "-m", "PyInstaller"] and bau[-1].endswith("installer/assistenzbuero.spec")
    assert bau[bau.index("--distpath") + 1] == str(tmp_path / "dist") and bau_kw["timeout"] == run.BAUZEIT_SEKUNDEN
    assert pruefung[1].endswith("installer/pruefe_bundle.py")
    assert pruefung[2:] == [str(tmp_path / "dist" / "assistenzbuero"), "--offscreen"]

    gescheitert = _Aufrufe(rueckgabe=1)
    monkeypatch.setattr(run.subprocess, "run", gescheitert)
    assert run.baue_und_pruefe(python, tmp_path / "dist") == 1 and len(gescheitert.liste) == 1

    def zu_lange(befehl: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        raise subprocess.TimeoutExpired(befehl, kw["timeout"])

    monkeypatch.setattr(run.subprocess, "run", zu_lange)
    assert run.baue_und_pruefe(python, tmp_path / "dist") == 1
    assert "dauerte länger als 15 Minuten" in capsys.readouterr().err


def test_ci_baut_das_paket() -> None:
    """.ci/run builds and checks the Linux bundle (installer/BAUEN.md says so): binutils for `strip`."""
    ci = (WURZEL / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 installer/run.py --bauen" in ci and "binutils" in ci
