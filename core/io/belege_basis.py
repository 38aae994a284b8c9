"""What the payroll documents share: paragraph styles, amounts in German, Excel cells and sheets, writing PDFs.

Fonts, text escaping, formula-safe cells and safe output files come from the shared helpers (`core.io.pdf`,
`core.io.excel`, `core.io.ausgabe`); this module only adds what the payroll documents have in common.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from core.domain.geld import format_eur, format_zahl
from core.io import pdf
from core.io.excel import schreibe
from core.io.pdf import SCHRIFT, SCHRIFT_FETT, einzeilig, schreibe_pdf

ZEHNTEL_MM = mm / 10  # geometry in tenths of a millimetre: no float literals in core/
Laenge = Any  # a length in points, as reportlab measures (core/ names no binary floating-point type)
DUNKEL = colors.HexColor("#333333")
GRAU = colors.HexColor("#DDDDDD")
HELLGRAU = colors.HexColor("#F2F2F2")

# Excel: amounts are numbers; the format shows them as 1.234,56 € in a German Excel or LibreOffice.
FORMAT_EUR = '#,##0.00 "€";-#,##0.00 "€"'
FORMAT_ZAHL = "#,##0.00"


def schriften() -> tuple[str, str]:
    """(normal, bold): the embedded DejaVu Sans of `core.io.pdf` (prints Łukasz, Ayşe, Đặng, Ольга)."""
    pdf.registriere_schriften()
    return SCHRIFT, SCHRIFT_FETT


@cache
def stil(name: str) -> ParagraphStyle:
    """The documents' few paragraph styles: titel, unter, text, klein, zelle, zelle_fett, zelle_rechts, …"""
    normal, fett = schriften()
    stile = {
        "titel": pdf.stil("titel", fontName=fett, fontSize=14, leading=17),
        "unter": pdf.stil("unter", fontName=normal, fontSize=9, leading=11, textColor=DUNKEL),
        "text": pdf.stil("text", fontName=normal, fontSize=9, leading=11),
        "klein": pdf.stil("klein", fontName=normal, fontSize=7, leading=9, textColor=DUNKEL),
        "label": pdf.stil("label", fontName=normal, fontSize=6, leading=7, textColor=DUNKEL),
        "zelle": pdf.stil("zelle", fontName=normal, fontSize=8, leading=10),
        "zelle_fett": pdf.stil("zelle_fett", fontName=fett, fontSize=8, leading=10),
        "zelle_rechts": pdf.stil("zelle_rechts", fontName=normal, fontSize=8, leading=10, alignment=2),
        "zelle_rechts_fett": pdf.stil("zelle_rechts_fett", fontName=fett, fontSize=8, leading=10, alignment=2),
        "zelle_klein": pdf.stil("zelle_klein", fontName=normal, fontSize=7, leading=8),
        "zelle_fett_klein": pdf.stil("zelle_fett_klein", fontName=fett, fontSize=7, leading=8),
        "zelle_rechts_klein": pdf.stil("zelle_rechts_klein", fontName=normal, fontSize=7, leading=8, alignment=2),
        "zelle_rechts_fett_klein": ParagraphStyle(
            "zelle_rechts_fett_klein", fontName=fett, fontSize=7, leading=8, alignment=2
        ),
        "kopf": pdf.stil("kopf", fontName=fett, fontSize=7, leading=9),
        "kopf_rechts": pdf.stil("kopf_rechts", fontName=fett, fontSize=7, leading=9, alignment=2),
        "gross": pdf.stil("gross", fontName=fett, fontSize=12, leading=15),
        "gross_rechts": pdf.stil("gross_rechts", fontName=fett, fontSize=12, leading=15, alignment=2),
        "stempel": pdf.stil("stempel", fontName=fett, fontSize=11, leading=14, alignment=1),
    }
    return stile[name]


def tabellenstil(befehle: list[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-string cells (and empty ones) use the embedded font, not the Latin-1 base font."""
    return TableStyle([("FONT", (0, 0), (-1, -1), SCHRIFT, 8), *befehle])


def absatz(text: str, stilname: str = "zelle") -> Paragraph:
    """A paragraph from plain text (escaped, line breaks kept, cut to fit a page: `core.io.pdf.absatz`)."""
    return pdf.absatz(text, stil(stilname))


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
        canvas.drawString(rand, 70 * ZEHNTEL_MM, einzeilig(text, breite - 30 * mm, groesse=7))
        canvas.drawRightString(rand + breite, 70 * ZEHNTEL_MM, f"Seite {doc.page}")
        canvas.restoreState()

    return zeichnen


def bericht_pdf(
    ziel: Path,
    inhalt: list[Any],
    *,
    seite: tuple[Laenge, Laenge],
    rand: Laenge,
    titel: str,
    autor: str,
    gedruckt_am: date,
    unten: Laenge = 110 * ZEHNTEL_MM,
    datum_wort: str = "gedruckt am",
    ueberschreiben: bool = False,
) -> None:
    """A report (Lohnjournal, Lohnkonto, Zahlungsliste, Meldung, Verwendungsnachweis): `baue_pdf` with the same
    margin all round but the foot, and the footer "titel · gedruckt am TT.MM.JJJJ · Assistenzbüro" with the page
    number."""
    breite = seite[0] - 2 * rand
    baue_pdf(
        ziel,
        inhalt,
        seite=seite,
        rand=rand,
        oben=rand,
        unten=unten,
        titel=titel,
        autor=autor,
        zeichner=fusszeile(f"{titel} · {datum_wort} {gedruckt_am:%d.%m.%Y} · Assistenzbüro", rand, breite),
        ueberschreiben=ueberschreiben,
    )


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
    ueberschreiben: bool = False,
) -> None:
    """Lay out `inhalt` on pages of size `seite` and write the PDF through `core.io.pdf.schreibe_pdf` (safe target,
    temporary file and rename; an existing file is replaced only with `ueberschreiben`)."""
    schreibe_pdf(
        ziel,
        inhalt,
        ueberschreiben=ueberschreiben,
        erste_seite=zeichner,
        pagesize=seite,
        leftMargin=rand,
        rightMargin=rand,
        topMargin=oben,
        bottomMargin=unten,
        title=titel,
        author=autor,
        creator="Assistenzbüro",
    )


def setze_text(zelle: Cell, text: str) -> None:
    """A text cell that Excel never runs as a formula (a name like "=SUMME(…)" stays text): `core.io.excel`."""
    schreibe(zelle, text)


def setze_betrag(zelle: Cell, betrag: Decimal | None, fmt: str = FORMAT_EUR) -> None:
    """An amount as a number (never text) with the German number format."""
    schreibe(zelle, betrag)
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
