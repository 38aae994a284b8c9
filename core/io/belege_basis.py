"""What the payroll documents share: fonts, paragraph styles, amounts in German, safe writing of files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from core.domain.geld import format_eur, format_zahl

ZEHNTEL_MM = mm / 10  # geometry in tenths of a millimetre: no float literals in core/
Laenge = Any  # a length in points, as reportlab measures (core/ names no binary floating-point type)
DUNKEL = colors.HexColor("#333333")
GRAU = colors.HexColor("#DDDDDD")
HELLGRAU = colors.HexColor("#F2F2F2")

# Excel: amounts are numbers; the format shows them as 1.234,56 € in a German Excel or LibreOffice.
FORMAT_EUR = '#,##0.00 "€";-#,##0.00 "€"'
FORMAT_ZAHL = "#,##0.00"


@cache
def schriften() -> tuple[str, str]:
    """(normal, bold) font names that print Łukasz, Ayşe, Đặng and Ольга (DejaVu Sans); Helvetica if missing."""
    try:
        pdfmetrics.registerFont(TTFont("Belege", "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("Belege-Fett", "DejaVuSans-Bold.ttf"))
    except TTFError:
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFontFamily("Belege", normal="Belege", bold="Belege-Fett")
    return "Belege", "Belege-Fett"


@cache
def stil(name: str) -> ParagraphStyle:
    """The documents' few paragraph styles: titel, unter, text, klein, zelle, zelle_fett, zelle_rechts, …"""
    normal, fett = schriften()
    stile = {
        "titel": ParagraphStyle("titel", fontName=fett, fontSize=14, leading=17),
        "unter": ParagraphStyle("unter", fontName=normal, fontSize=9, leading=11, textColor=DUNKEL),
        "text": ParagraphStyle("text", fontName=normal, fontSize=9, leading=11),
        "klein": ParagraphStyle("klein", fontName=normal, fontSize=7, leading=9, textColor=DUNKEL),
        "label": ParagraphStyle("label", fontName=normal, fontSize=6, leading=7, textColor=DUNKEL),
        "zelle": ParagraphStyle("zelle", fontName=normal, fontSize=8, leading=10),
        "zelle_fett": ParagraphStyle("zelle_fett", fontName=fett, fontSize=8, leading=10),
        "zelle_rechts": ParagraphStyle("zelle_rechts", fontName=normal, fontSize=8, leading=10, alignment=2),
        "zelle_rechts_fett": ParagraphStyle("zelle_rechts_fett", fontName=fett, fontSize=8, leading=10, alignment=2),
        "zelle_klein": ParagraphStyle("zelle_klein", fontName=normal, fontSize=7, leading=8),
        "zelle_fett_klein": ParagraphStyle("zelle_fett_klein", fontName=fett, fontSize=7, leading=8),
        "zelle_rechts_klein": ParagraphStyle("zelle_rechts_klein", fontName=normal, fontSize=7, leading=8, alignment=2),
        "zelle_rechts_fett_klein": ParagraphStyle(
            "zelle_rechts_fett_klein", fontName=fett, fontSize=7, leading=8, alignment=2
        ),
        "kopf": ParagraphStyle("kopf", fontName=fett, fontSize=7, leading=9),
        "kopf_rechts": ParagraphStyle("kopf_rechts", fontName=fett, fontSize=7, leading=9, alignment=2),
        "gross": ParagraphStyle("gross", fontName=fett, fontSize=12, leading=15),
        "gross_rechts": ParagraphStyle("gross_rechts", fontName=fett, fontSize=12, leading=15, alignment=2),
        "stempel": ParagraphStyle("stempel", fontName=fett, fontSize=11, leading=14, alignment=1),
    }
    return stile[name]


def absatz(text: str, stilname: str = "zelle") -> Paragraph:
    """A paragraph from plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), stil(stilname))


def eur(betrag: Decimal | None) -> str:
    """1.234,56 € (empty for None)."""
    return "" if betrag is None else format_eur(betrag)


def zahl(wert: Decimal | None, stellen: int | None = 2) -> str:
    return "" if wert is None else format_zahl(wert, stellen)


def fusszeile(text: str, rand: Laenge, breite: Laenge) -> Callable[[Any, Any], None]:
    """Footer on every page: the document's name and date left, the page number right."""
    normal, _fett = schriften()

    def zeichnen(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(normal, 7)
        canvas.drawString(rand, 70 * ZEHNTEL_MM, text)
        canvas.drawRightString(rand + breite, 70 * ZEHNTEL_MM, f"Seite {doc.page}")
        canvas.restoreState()

    return zeichnen


def baue_pdf(
    ziel: Path,
    inhalt: list[Any],
    *,
    seite: tuple[Laenge, Laenge],
    rand: Laenge,
    oben: Laenge,
    unten: Laenge,
    titel: str,
    autor: str,
    zeichner: Callable[[Any, Any], None],
) -> None:
    """Lay out `inhalt` on pages of size `seite` and write the PDF safely (see `schreibe_atomar_mit`)."""

    def schreiben(pfad: Path) -> None:
        doc = SimpleDocTemplate(
            str(pfad),
            pagesize=seite,
            leftMargin=rand,
            rightMargin=rand,
            topMargin=oben,
            bottomMargin=unten,
            title=titel,
            author=autor,
            creator="Assistenzbüro",
        )
        doc.build(inhalt, onFirstPage=zeichner, onLaterPages=zeichner)

    schreibe_atomar_mit(ziel, schreiben)


def setze_text(zelle: Cell, text: str) -> None:
    """A text cell that Excel never runs as a formula (a name like "=SUMME(…)" stays text)."""
    zelle.value = text
    if text:
        zelle.data_type = "s"


def setze_betrag(zelle: Cell, betrag: Decimal | None, fmt: str = FORMAT_EUR) -> None:
    """An amount as a number (never text) with the German number format."""
    zelle.value = betrag
    zelle.number_format = fmt


def blattname(text: str) -> str:
    for zeichen in "[]:*?/\\":
        text = text.replace(zeichen, "-")
    return text[:31]


def druck_a4(blatt: Worksheet, *, quer: bool, titelzeilen: str, letzte_zeile: int, letzte_spalte: int) -> None:
    """A4, one page wide (as many pages high as needed), header rows repeated, print area set."""
    blatt.page_setup.orientation = "landscape" if quer else "portrait"
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0
    blatt.sheet_properties.pageSetUpPr.fitToPage = True
    blatt.print_title_rows = titelzeilen
    blatt.print_area = f"A1:{get_column_letter(letzte_spalte)}{letzte_zeile}"


def schreibe_atomar(ziel: Path, daten: bytes) -> None:
    """Write bytes to `ziel` via a temporary file in the same folder: a reader never sees half a file."""
    schreibe_atomar_mit(ziel, lambda pfad: pfad.write_bytes(daten))


def schreibe_atomar_mit(ziel: Path, schreiber: Callable[[Path], object]) -> None:
    """Let `schreiber` fill a temporary file beside `ziel`, then move it into place in one step."""
    griff, name = tempfile.mkstemp(prefix=f".{ziel.name}.", suffix=".tmp", dir=ziel.parent)
    os.close(griff)
    temp = Path(name)
    try:
        schreiber(temp)
        os.replace(temp, ziel)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
