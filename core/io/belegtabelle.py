"""A table of values by column (assistants in the Lohnjournal, months in the Lohnkonto) as PDF blocks or an Excel
sheet: rows are Lohnarten and totals, the last column adds up each row (a SUM formula in Excel)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.platypus import Table

from core.domain.geld import NULL, format_eur, format_zahl
from core.io.belege_basis import (
    FORMAT_EUR,
    FORMAT_ZAHL,
    GRAU,
    HELLGRAU,
    ZEHNTEL_MM,
    Laenge,
    absatz,
    setze_betrag,
    setze_text,
    tabellenstil,
)
from core.io.excel import Formel, schreibe_in

#: Whole days in a spreadsheet cell (a number, shown without decimals).
FORMAT_TAGE = "#,##0"
#: The widest the text column grows when a block has fewer columns than it could hold.
TEXT_HOECHSTENS = 950 * ZEHNTEL_MM
_KOPF = PatternFill("solid", fgColor="DDDDDD")
_HERVOR = PatternFill("solid", fgColor="F2F2F2")


@dataclass(frozen=True, slots=True)
class Zeile:
    """A row: a Lohnart or total with one value per column (None: nothing of this kind there).

    `art`: "eur" (amounts), "zahl" (hours), "tage" (whole days: SV-Tage are counted, never "30,00") or "text"
    (e.g. tax class, payday; never added up).
    `abschnitt` groups rows (lohnart, brutto, abzug, netto, arbeitgeber, info); a rule separates the groups."""

    schluessel: str
    text: str
    werte: tuple[Decimal | str | None, ...]
    abschnitt: str = "lohnart"
    fett: bool = False
    art: str = "eur"

    @property
    def summe(self) -> Decimal | None:
        if self.art == "text":
            return None
        return sum((w for w in self.werte if isinstance(w, Decimal)), NULL)


def wert_text(zeile: Zeile, wert: Decimal | str | None) -> str:
    if wert is None:
        return ""
    if isinstance(wert, str):
        return wert
    if zeile.art == "tage":
        return format_zahl(wert, 0)
    return format_eur(wert, symbol=False) if zeile.art == "eur" else format_zahl(wert)


def pdf_bloecke(
    titel: str,
    koepfe: Sequence[str],
    zeilen: Sequence[Zeile],
    *,
    breite: Laenge,
    je_block: int,
    spalte: Laenge,
    summe: str = "Summe",
    summe_breite: Laenge | None = None,
    klein: bool = False,
) -> list[Table]:
    """The table in blocks of `je_block` columns, the total column (titled `summe`) in the last block.

    `klein`: 7-point figures (twelve months side by side)."""
    k = "_klein" if klein else ""
    summe_breite = summe_breite or spalte
    bloecke = list(range(0, max(1, len(koepfe)), je_block))
    schluessel = 110 * ZEHNTEL_MM
    # the text column takes the room of the columns a small team leaves empty (a landscape page with one assistant
    # wrapped every Lohnart onto two lines and ran to three pages), up to what the longest texts need
    spalten = min(je_block, max(1, len(koepfe)))
    text = min(
        breite - schluessel - spalten * spalte - summe_breite,
        max(TEXT_HOECHSTENS, breite - schluessel - je_block * spalte - summe_breite),
    )
    tabellen: list[Table] = []
    for von in bloecke:
        mit_summe = von == bloecke[-1]
        gruppe = koepfe[von : von + je_block]
        daten: list[list[Any]] = [[absatz("Schl.", "kopf"), absatz(titel, "kopf")]]
        daten[0] += [absatz(k, "kopf_rechts") for k in gruppe]
        if mit_summe:
            daten[0].append(absatz(summe, "kopf_rechts"))
        stil: list[tuple[Any, ...]] = [
            ("LINEBELOW", (0, 0), (-1, 0), 5 * ZEHNTEL_MM, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GRAU),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * ZEHNTEL_MM),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * ZEHNTEL_MM),
            ("LEFTPADDING", (0, 0), (-1, -1), 6 * ZEHNTEL_MM),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6 * ZEHNTEL_MM),
        ]
        vorher = ""
        for nr, zeile in enumerate(zeilen, start=1):
            zelle = ("zelle_rechts_fett" if zeile.fett else "zelle_rechts") + k
            reihe = [
                absatz(zeile.schluessel, "zelle" + k),
                absatz(zeile.text, ("zelle_fett" if zeile.fett else "zelle") + k),
            ]
            reihe += [absatz(wert_text(zeile, w), zelle) for w in zeile.werte[von : von + je_block]]
            if mit_summe:
                reihe.append(absatz(wert_text(zeile, zeile.summe), "zelle_rechts_fett" + k))
            daten.append(reihe)
            trenner = zeile.abschnitt != vorher and nr > 1
            stil.append(
                ("LINEABOVE", (0, nr), (-1, nr), (5 if trenner else 2) * ZEHNTEL_MM, colors.black if trenner else GRAU)
            )
            if zeile.fett:
                stil.append(("BACKGROUND", (0, nr), (-1, nr), HELLGRAU))
            vorher = zeile.abschnitt
        breiten = [schluessel, text] + [spalte] * len(gruppe) + ([summe_breite] if mit_summe else [])
        tabelle = Table(daten, colWidths=breiten, repeatRows=1, hAlign="LEFT")
        tabelle.setStyle(tabellenstil(stil))
        tabellen.append(tabelle)
    return tabellen


def excel_tabelle(
    blatt: Worksheet,
    kopfzeile: int,
    titel: str,
    koepfe: Sequence[str],
    zeilen: Sequence[Zeile],
    *,
    summe: str = "Summe",
) -> int:
    """Write the table from row `kopfzeile` on; values are values, the last column a SUM formula per row.

    Returns the last row written."""
    setze_text(blatt.cell(row=kopfzeile, column=1), "Schl.")
    setze_text(blatt.cell(row=kopfzeile, column=2), titel)
    for s, kopf in enumerate(koepfe, start=3):
        setze_text(blatt.cell(row=kopfzeile, column=s), kopf)
    summe_spalte = 3 + len(koepfe)
    setze_text(blatt.cell(row=kopfzeile, column=summe_spalte), summe)
    for s in range(1, summe_spalte + 1):
        zelle = blatt.cell(row=kopfzeile, column=s)
        zelle.font = Font(bold=True)
        zelle.fill = _KOPF
        zelle.alignment = Alignment(wrap_text=True, vertical="top", horizontal="right" if s > 2 else "left")
    for r, zeile in enumerate(zeilen, start=kopfzeile + 1):
        setze_text(blatt.cell(row=r, column=1), zeile.schluessel)
        setze_text(blatt.cell(row=r, column=2), zeile.text)
        fmt = FORMAT_EUR if zeile.art == "eur" else FORMAT_TAGE if zeile.art == "tage" else FORMAT_ZAHL
        for s, wert in enumerate(zeile.werte, start=3):
            zelle = blatt.cell(row=r, column=s)
            if isinstance(wert, str):
                setze_text(zelle, wert)
                zelle.alignment = Alignment(horizontal="right")
            else:
                setze_betrag(zelle, wert, fmt)
        if zeile.art != "text":
            if koepfe:
                erste, letzte = get_column_letter(3), get_column_letter(summe_spalte - 1)
                schreibe_in(blatt, r, summe_spalte, Formel(f"=SUM({erste}{r}:{letzte}{r})"))
            else:
                schreibe_in(blatt, r, summe_spalte, 0)
            blatt.cell(row=r, column=summe_spalte).number_format = fmt
        blatt.cell(row=r, column=summe_spalte).font = Font(bold=True)
        if zeile.fett:
            for s in range(1, summe_spalte + 1):
                blatt.cell(row=r, column=s).fill = _HERVOR
                blatt.cell(row=r, column=s).font = Font(bold=True)
    blatt.column_dimensions["A"].width = 8
    blatt.column_dimensions["B"].width = 38
    for s in range(3, summe_spalte + 1):
        blatt.column_dimensions[get_column_letter(s)].width = 14
    blatt.row_dimensions[kopfzeile].height = 45
    blatt.freeze_panes = blatt.cell(row=kopfzeile + 1, column=3)
    blatt.print_title_cols = "A:B"
    return kopfzeile + len(zeilen)
