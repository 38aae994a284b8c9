"""How far the filled cells of a workbook reach, found without building its sheets in memory.

A workbook can claim any size: one stray value in cell XFD1048576 of a 7 KB file makes a spreadsheet reader build a
grid of 17 billion cells (512 GB). `pruefe_umfang(pfad, anzeigename)` reads the sheets' XML (.xlsx, .ods) as a
stream, or walks the cell records (.xls), with a cap on the bytes it reads, and refuses a workbook whose filled area
(from A1 to the farthest filled cell) is larger than `HOECHSTE_ZELLEN`, naming that cell — before any reader sees it.
Formatted but empty cells do not count (the readers skip them too).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, XMLPullParser

from openpyxl.utils import get_column_letter

from core.fehler import EingabeFehler

HOECHSTE_ZELLEN = 1_000_000  # a Kalkulation has a few hundred; a million is read in about a second
HOECHSTE_BYTES = 50_000_000  # XML read from one workbook (a zip bomb stops here); a Kalkulation has 50 KB
_BLOCK = 1 << 16

_SS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ZELLADRESSE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})$")


@dataclass(frozen=True, slots=True)
class Ausdehnung:
    """Farthest filled row and column of one sheet (0-based), as a grid starting at A1 would need them."""

    blatt: str
    zeile: int
    spalte: int

    @property
    def zellen(self) -> int:
        return (self.zeile + 1) * (self.spalte + 1)

    @property
    def adresse(self) -> str:
        return f"{get_column_letter(min(self.spalte, 16383) + 1)}{self.zeile + 1}"


class _ZuGross(Exception):
    pass


def _spaltennummer(buchstaben: str) -> int:
    nummer = 0
    for zeichen in buchstaben:
        nummer = nummer * 26 + (ord(zeichen) - 64)
    return nummer - 1


class _Zaehler:
    """Counts the bytes read from the archive across all its XML parts."""

    def __init__(self) -> None:
        self.gelesen = 0

    def bloecke(self, strom: IO[bytes]) -> Iterator[bytes]:
        while block := strom.read(_BLOCK):
            self.gelesen += len(block)
            if self.gelesen > HOECHSTE_BYTES:
                raise _ZuGross
            yield block


def _elemente(parser: XMLPullParser[Element]) -> Iterator[tuple[str, Element]]:
    for paar in parser.read_events():
        # ("start", "end") events are (str, Element); typeshed allows more shapes
        if isinstance(paar, tuple) and len(paar) == 2 and isinstance(paar[1], Element):
            yield str(paar[0]), paar[1]


def _xlsx_blattnamen(archiv: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → name shown in Excel ("xl/worksheets/sheet1.xml" → "Kalkulation")."""
    try:
        from xml.etree.ElementTree import fromstring

        mappe = fromstring(archiv.read("xl/workbook.xml"))
        beziehungen = fromstring(archiv.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, SyntaxError, ValueError):
        return {}
    ziele = {b.get("Id"): b.get("Target", "") for b in beziehungen.iter(f"{_PKG_REL}Relationship")}
    namen: dict[str, str] = {}
    for blatt in mappe.iter(f"{_SS}sheet"):
        ziel = ziele.get(blatt.get(f"{_REL}id"), "")
        teil = ziel.lstrip("/") if ziel.startswith("/") else f"xl/{ziel}"
        namen[teil] = blatt.get("name", teil)
    return namen


def _xlsx(pfad: Path, zaehler: _Zaehler) -> list[Ausdehnung]:
    ergebnis: list[Ausdehnung] = []
    with zipfile.ZipFile(pfad) as archiv:
        namen = _xlsx_blattnamen(archiv)
        for teil in archiv.namelist():
            if not (teil.startswith("xl/worksheets/") and teil.endswith(".xml")):
                continue
            ergebnis.append(_xlsx_blatt(archiv, teil, namen.get(teil, teil.rsplit("/", 1)[-1]), zaehler))
    return ergebnis


def _xlsx_blatt(archiv: zipfile.ZipFile, teil: str, name: str, zaehler: _Zaehler) -> Ausdehnung:
    max_zeile = max_spalte = -1
    zeile, spalte = -1, -1
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    with archiv.open(teil) as strom:
        for block in zaehler.bloecke(strom):
            parser.feed(block)
            for ereignis, element in _elemente(parser):
                if ereignis == "start":
                    if element.tag == f"{_SS}row":
                        r = element.get("r")
                        zeile = int(r) - 1 if r and r.isdigit() else zeile + 1
                        spalte = -1
                    continue
                if element.tag == f"{_SS}c":
                    treffer = _ZELLADRESSE.match(element.get("r", ""))
                    if treffer:
                        spalte = _spaltennummer(treffer.group(1))
                        zeile = int(treffer.group(2)) - 1
                    else:
                        spalte += 1
                    # a value (<v>) or inline text (<is>) makes a cell filled; a style alone does not
                    if any(kind.tag in (f"{_SS}v", f"{_SS}is") for kind in element):
                        max_zeile = max(max_zeile, zeile)
                        max_spalte = max(max_spalte, spalte)
                    element.clear()
                elif element.tag == f"{_SS}row":
                    element.clear()
    return Ausdehnung(name, max_zeile, max_spalte)


def _ods(pfad: Path, zaehler: _Zaehler) -> list[Ausdehnung]:
    ergebnis: list[Ausdehnung] = []
    name = ""
    zeile = spalte = 0
    zeilen_wdh = 1
    max_zeile = max_spalte = -1
    with zipfile.ZipFile(pfad) as archiv, archiv.open("content.xml") as strom:
        parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        for block in zaehler.bloecke(strom):
            parser.feed(block)
            for ereignis, element in _elemente(parser):
                tag = element.tag
                if ereignis == "start":
                    if tag == f"{_TABLE}table":
                        name = element.get(f"{_TABLE}name", f"Tabelle {len(ergebnis) + 1}")
                        zeile, max_zeile, max_spalte = 0, -1, -1
                    elif tag == f"{_TABLE}table-row":
                        spalte = 0
                        zeilen_wdh = _wiederholung(element.get(f"{_TABLE}number-rows-repeated"))
                    continue
                if tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    spalten_wdh = _wiederholung(element.get(f"{_TABLE}number-columns-repeated"))
                    if element.get(f"{_OFFICE}value-type") is not None or len(element):
                        max_zeile = max(max_zeile, zeile + zeilen_wdh - 1)
                        max_spalte = max(max_spalte, spalte + spalten_wdh - 1)
                    spalte += spalten_wdh
                    element.clear()
                elif tag == f"{_TABLE}table-row":
                    zeile += zeilen_wdh
                    element.clear()
                elif tag == f"{_TABLE}table":
                    ergebnis.append(Ausdehnung(name, max_zeile, max_spalte))
                    element.clear()
    return ergebnis


def _wiederholung(wert: str | None) -> int:
    return int(wert) if wert and wert.isdigit() else 1


# BIFF cell records with a value (row, column first): NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING, FORMULA;
# MULRK holds several columns (the last one at its end). BLANK/MULBLANK (formatting only) do not count.
_BIFF_ZELLEN = {0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6, 0x0006, 0x0406}
_BIFF_MULRK = 0x00BD
_BIFF_BOF = {0x0809, 0x0409, 0x0209, 0x0009}


def _xls(strom: bytes) -> list[Ausdehnung]:
    ergebnis: list[Ausdehnung] = []
    blatt = -1  # 0: the workbook globals, then one BOF … EOF stream per sheet
    max_zeile = max_spalte = -1
    pos = 0
    while pos + 4 <= len(strom):
        typ = int.from_bytes(strom[pos : pos + 2], "little")
        laenge = int.from_bytes(strom[pos + 2 : pos + 4], "little")
        daten = strom[pos + 4 : pos + 4 + laenge]
        if typ in _BIFF_BOF:
            if blatt >= 1 and max_zeile >= 0:
                ergebnis.append(Ausdehnung(f"Tabelle {blatt}", max_zeile, max_spalte))
            blatt += 1
            max_zeile = max_spalte = -1
        elif typ in _BIFF_ZELLEN and len(daten) >= 4:
            max_zeile = max(max_zeile, int.from_bytes(daten[0:2], "little"))
            max_spalte = max(max_spalte, int.from_bytes(daten[2:4], "little"))
        elif typ == _BIFF_MULRK and len(daten) >= 6:
            max_zeile = max(max_zeile, int.from_bytes(daten[0:2], "little"))
            max_spalte = max(max_spalte, int.from_bytes(daten[-2:], "little"))
        pos += 4 + laenge
    if blatt >= 1 and max_zeile >= 0:
        ergebnis.append(Ausdehnung(f"Tabelle {blatt}", max_zeile, max_spalte))
    return ergebnis


def ausdehnungen(pfad: Path, anzeigename: str = "", *, xls_strom: bytes | None = None) -> list[Ausdehnung]:
    """The filled area of every sheet. Raises EingabeFehler when the XML alone is larger than HOECHSTE_BYTES."""
    zaehler = _Zaehler()
    try:
        if xls_strom is not None:
            return _xls(xls_strom)
        if not zipfile.is_zipfile(pfad):
            return []  # not a zip: the reader reports the damage
        with zipfile.ZipFile(pfad) as archiv:
            ist_ods = "content.xml" in archiv.namelist()
        return _ods(pfad, zaehler) if ist_ods else _xlsx(pfad, zaehler)
    except _ZuGross:
        raise EingabeFehler(
            f"Die Datei „{anzeigename or pfad.name}“ enthält mehr als {HOECHSTE_BYTES // 1_000_000} MB "
            "Tabellendaten – viel zu viel für eine Kalkulation. Bitte prüfen Sie, ob es die richtige Datei ist."
        ) from None
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError, EOFError, OSError):
        return []  # broken XML or archive: the reader itself reports the damage in German


def pruefe_umfang(pfad: Path, anzeigename: str, *, xls_strom: bytes | None = None) -> None:
    """Refuse a workbook whose filled area is too large to read safely, naming the sheet and the farthest cell."""
    for a in ausdehnungen(pfad, anzeigename, xls_strom=xls_strom):
        if a.zellen > HOECHSTE_ZELLEN:
            raise EingabeFehler(
                f"Die Datei „{anzeigename}“ reicht im Tabellenblatt „{a.blatt}“ bis zur Zelle {a.adresse} – das sind "
                f"mehr als {HOECHSTE_ZELLEN // 1_000_000} Million Zellen, viel zu viel für eine Kalkulation. "
                "Vermutlich steht dort versehentlich etwas: bitte löschen Sie den Inhalt dieser Zelle, speichern Sie "
                "die Datei und importieren Sie erneut."
            )
