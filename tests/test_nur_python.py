"""The README's test command needs nothing but Python: no test calls poppler's tools; LibreOffice only in tests
marked `libreoffice` (skipped with the reason where it is absent, run in CI)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
POPPLER = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "pdfimages")


def _testdateien() -> list[Path]:
    return [
        p for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts and p.name != Path(__file__).name
    ]


def test_kein_poppler_in_tests() -> None:
    treffer = [
        f"{p.relative_to(TESTS)}: {werkzeug}"
        for p in _testdateien()
        for werkzeug in POPPLER
        if f'"{werkzeug}"' in p.read_text(encoding="utf-8")
    ]
    assert not treffer, "PDFs in Tests mit tests/pdf.py (pypdf) lesen: " + ", ".join(treffer)


def test_libreoffice_nur_in_markierten_tests() -> None:
    """A test function that starts soffice itself (or through a helper named *libreoffice*/als_ods) is marked."""
    fehlend = []
    for pfad in _testdateien():
        if not pfad.name.startswith("test_"):
            continue
        baum = ast.parse(pfad.read_text(encoding="utf-8"))
        for knoten in baum.body:
            if not isinstance(knoten, ast.FunctionDef) or not knoten.name.startswith("test"):
                continue
            text = ast.unparse(knoten)
            startet = "soffice" in text or "als_ods(" in text or "libreoffice_ergebnisse" in text
            markiert = any("libreoffice" in ast.unparse(d) for d in knoten.decorator_list)
            if startet and not markiert:
                fehlend.append(f"{pfad.relative_to(TESTS)}::{knoten.name}")
    assert not fehlend, "@pytest.mark.libreoffice fehlt: " + ", ".join(fehlend)
