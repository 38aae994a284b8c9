"""Every workbook the program writes prints on A4, one page wide (issue 13, finding 8: the exported Kostenkalkulation
printed on 6 pages with split columns). Checked on the saved file, as Excel or LibreOffice read it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from core.io.excel import HOCHFORMAT_ZEICHEN, schreibe_in, speichere


def _gespeichert(tmp_path: Path, spalten: int, breite: float) -> object:
    mappe = Workbook()
    blatt = mappe.active
    assert blatt is not None
    for s in range(1, spalten + 1):
        schreibe_in(blatt, 1, s, f"Spalte {s}")
        blatt.column_dimensions[blatt.cell(1, s).column_letter].width = breite
    ziel = speichere(mappe, tmp_path / "blatt.xlsx")
    geladen = load_workbook(ziel).active
    assert geladen is not None
    return geladen


def test_schmales_blatt_im_hochformat_eine_seite_breit(tmp_path: Path) -> None:
    blatt: object = _gespeichert(tmp_path, 4, 15)
    ps = blatt.page_setup  # type: ignore[attr-defined]
    assert ps.paperSize == 9 and ps.orientation == "portrait"  # 9 = A4 (ECMA-376, ST_PaperSize)
    assert ps.fitToWidth == 1 and ps.fitToHeight == 0
    assert blatt.sheet_properties.pageSetUpPr.fitToPage  # type: ignore[attr-defined]


def test_breites_blatt_im_querformat(tmp_path: Path) -> None:
    blatt: object = _gespeichert(tmp_path, 12, HOCHFORMAT_ZEICHEN / 8)
    assert blatt.page_setup.orientation == "landscape"  # type: ignore[attr-defined]
