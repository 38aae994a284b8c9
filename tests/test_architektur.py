"""Architecture rules: core/ stays free of Qt and of float; every core module imports headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_DATEIEN = sorted((ROOT / "core").rglob("*.py"))
VERBOTEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "desktop")


def _importe(pfad: Path) -> list[str]:
    baum = ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))
    namen: list[str] = []
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Import):
            namen.extend(alias.name for alias in knoten.names)
        elif isinstance(knoten, ast.ImportFrom) and knoten.module and knoten.level == 0:
            namen.append(knoten.module)
    return namen


@pytest.mark.parametrize("pfad", CORE_DATEIEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_importiert_kein_qt(pfad: Path) -> None:
    verstoesse = [n for n in _importe(pfad) if n.split(".")[0] in VERBOTEN]
    assert verstoesse == [], f"{pfad} importiert {verstoesse}"


@pytest.mark.parametrize("pfad", CORE_DATEIEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_benutzt_kein_float(pfad: Path) -> None:
    baum = ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))
    # `isinstance(x, float)` is allowed: it is how code refuses a float.
    erlaubt = {
        id(arg)
        for knoten in ast.walk(baum)
        if isinstance(knoten, ast.Call) and isinstance(knoten.func, ast.Name) and knoten.func.id == "isinstance"
        for arg in ast.walk(knoten.args[1])
    }
    verstoesse = []
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Name) and knoten.id == "float" and id(knoten) not in erlaubt:
            verstoesse.append(f"Zeile {knoten.lineno}: float")
        elif isinstance(knoten, ast.Constant) and isinstance(knoten.value, float):
            verstoesse.append(f"Zeile {knoten.lineno}: Gleitkomma-Literal {knoten.value!r}")
        elif (  # `4 / 5` is a float literal in disguise
            isinstance(knoten, ast.BinOp)
            and isinstance(knoten.op, ast.Div)
            and all(isinstance(seite, ast.Constant) for seite in (knoten.left, knoten.right))
        ):
            verstoesse.append(f"Zeile {knoten.lineno}: Division zweier Zahlen ergibt float")
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
    baum = ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))
    zeilen = [k.lineno for k in ast.walk(baum) if isinstance(k, ast.Assert)]
    assert zeilen == [], f"{pfad}: assert in Zeile {zeilen}"
