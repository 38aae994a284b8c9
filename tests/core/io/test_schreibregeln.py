"""Every Excel and PDF the program writes goes through core.io.excel / core.io.pdf (formula-safe text, embedded
fonts, safe output paths): a new export that saves a workbook or builds a PDF another way fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
QUELLEN = sorted(p for ordner in ("core", "desktop") for p in (ROOT / ordner).rglob("*.py"))
HELFER = {ROOT / "core" / "io" / "excel.py", ROOT / "core" / "io" / "pdf.py", ROOT / "core" / "io" / "ausgabe.py"}

REGELN = {
    # (pattern, which helper to use instead)
    r"\.save\(": "Excel-Mappen mit core.io.excel.speichere speichern",
    r"SimpleDocTemplate\(|BaseDocTemplate\(|canvas\.Canvas\(": "PDFs mit core.io.pdf.schreibe_pdf bauen",
    r"Helvetica|Times-Roman|Courier": "Schriften aus core.io.pdf (SCHRIFT, SCHRIFT_FETT) nehmen",
    r"getSampleStyleSheet\(": "core.io.pdf.standardstile() statt getSampleStyleSheet()",
}


def _verstoesse(pfad: Path) -> list[str]:
    text = pfad.read_text(encoding="utf-8")
    schreibt = "openpyxl" in text or "reportlab" in text
    if not schreibt or pfad in HELFER:
        return []
    return [
        f"Zeile {text.count(chr(10), 0, treffer.start()) + 1}: {hinweis}"
        for muster, hinweis in REGELN.items()
        for treffer in re.finditer(muster, text)
    ]


@pytest.mark.parametrize("pfad", QUELLEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_exporte_nutzen_die_helfer(pfad: Path) -> None:
    assert _verstoesse(pfad) == []


def test_die_regel_findet_einen_direkten_aufruf(tmp_path: Path) -> None:
    datei = tmp_path / "neu.py"
    datei.write_text("from openpyxl import Workbook\nmappe = Workbook()\nmappe.save('x.xlsx')\n", encoding="utf-8")
    assert _verstoesse(datei) == ["Zeile 3: Excel-Mappen mit core.io.excel.speichere speichern"]
