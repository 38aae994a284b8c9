"""Architecture rules: core/ stays free of Qt and of float; every core module imports headless."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.quelltext import befunde

ROOT = Path(__file__).resolve().parent.parent
CORE_DATEIEN = sorted((ROOT / "core").rglob("*.py"))
VERBOTEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "desktop")


def _importe(pfad: Path) -> list[str]:
    gefunden = befunde(pfad)
    return [*gefunden.importe, *(i.modul for i in gefunden.importe_von if i.modul and i.ebene == 0)]


@pytest.mark.parametrize("pfad", CORE_DATEIEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_importiert_kein_qt(pfad: Path) -> None:
    verstoesse = [n for n in _importe(pfad) if n.split(".")[0] in VERBOTEN]
    assert verstoesse == [], f"{pfad} importiert {verstoesse}"


@pytest.mark.parametrize("pfad", CORE_DATEIEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_benutzt_kein_float(pfad: Path) -> None:
    # `isinstance(x, float)` is allowed, `4 / 5` is a float literal in disguise (tests/quelltext.py)
    verstoesse = list(befunde(pfad).float_stellen)
    assert verstoesse == [], f"{pfad}: {verstoesse}"


def test_alle_core_module_laden_ohne_qt() -> None:
    module = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE_DATEIEN
        if "migrations" not in p.parts and p.name != "__main__.py"  # a __main__ runs the program
    ]
    programm = (
        "import importlib, sys\n"
        f"for m in {module!r}:\n"
        "    importlib.import_module(m)\n"
        "geladen = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'desktop')]\n"
        "print(','.join(geladen))\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", programm], cwd=ROOT, capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stdout.strip() == ""


@pytest.mark.parametrize("pfad", CORE_DATEIEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_prueft_ohne_assert(pfad: Path) -> None:
    """`python -O` removes asserts: a check the program relies on must be a real one (core.fehler.vorhanden …)."""
    zeilen = list(befunde(pfad).assert_zeilen)
    assert zeilen == [], f"{pfad}: assert in Zeile {zeilen}"
