"""Dienstplan and Stundenzettel as Excel workbooks (openpyxl): same content as the PDFs, printable A4."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.dienstplan.monat import Monatsplan
from core.dienstplan.raster import WEITERE
from core.dienstplan.stundenzettel import Stundenzettel
from core.dienstplan.tage import monatsname
from core.domain.geld import format_zahl, runde
from core.domain.kalender import BUNDESLAENDER
from core.domain.zahlen import KeineZahl, lies_zahl
from core.io.dienstplan_pdf import (
    KOPF_STUNDENZETTEL,
    _legende_abwesenheit,
    leistungsart_zeilen,
    standtext,
    stundenzettel_zeilen,
    summentext,
    summenzeile,
)
from core.io.excel import schreibe, schreibe_in, speichere

_DUENN = Side(style="thin", color="000000")
_RAHMEN = Border(left=_DUENN, right=_DUENN, top=_DUENN, bottom=_DUENN)
_KOPF_FUELLUNG = PatternFill("solid", fgColor="DDDDDD")
_WOCHENENDE = PatternFill("solid", fgColor="F0F0F0")
_UMBRUCH = Alignment(wrap_text=True, vertical="center")
_FETT = Font(bold=True)


def _blattname(text: str) -> str:
    for zeichen in "[]:*?/\\":
        text = text.replace(zeichen, " ")
    # a sheet name must not start or end with an apostrophe, and holds no control characters
    return "".join(z if z.isprintable() else " " for z in text[:31]).strip("' ") or "Blatt"


def _zelle(blatt: Worksheet, zeile: int, spalte: int, wert: object, *, fett: bool = False, kopf: bool = False) -> None:
    z = schreibe_in(blatt, zeile, spalte, wert)
    z.border = _RAHMEN
    z.alignment = _UMBRUCH
    if fett or kopf:
        z.font = _FETT
    if kopf:
        z.fill = _KOPF_FUELLUNG


def _absatz(blatt: Worksheet, zeile: int, text: str, *, spalten: int, fett: bool = False) -> None:
    """A long sentence wrapped over the table's width: unwrapped it ran past the last column, and printing the
    sheet one page wide shrank the whole timesheet to fit it."""
    z = schreibe_in(blatt, zeile, 1, text)
    z.alignment = Alignment(wrap_text=True, vertical="top")
    if fett:
        z.font = _FETT
    blatt.merge_cells(start_row=zeile, start_column=1, end_row=zeile, end_column=spalten)
    zeichen_je_zeile = 110  # the timesheet's columns are about 120 characters wide
    blatt.row_dimensions[zeile].height = 13 * (len(text) // zeichen_je_zeile + 1)


def _druck(blatt: Worksheet, *, quer: bool) -> None:
    """A4, one page wide and one page high (a month fits on one sheet of paper, like the PDF)."""
    blatt.page_setup.orientation = "landscape" if quer else "portrait"
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 1
    blatt.sheet_properties.pageSetUpPr.fitToPage = True


def dienstplan_xlsx(plan: Monatsplan, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    """One sheet: title, header row (Tag, one column per shift, Bemerkungen), one row per day, legend."""
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = _blattname(plan.titel)
    schreibe(blatt["A1"], plan.titel).font = Font(bold=True, size=14)
    land = BUNDESLAENDER.get(plan.land, plan.land)
    schreibe(blatt["A2"], (f"Arbeitgeberin: {plan.arbeitgeber} · " if plan.arbeitgeber else "") + f"Feiertage: {land}")
    spalten = plan.raster.spalten
    kopf = ["Tag"]
    for i, sp in enumerate(spalten, start=1):
        titel = f"{i}. Schicht: {sp.titel}" if sp.schluessel != WEITERE else sp.titel
        kopf.append(f"{titel}\n{sp.zeiten}" if sp.zeiten else titel)
    kopf.append("Bemerkungen")
    erste = 4
    for s, text in enumerate(kopf, start=1):
        _zelle(blatt, erste, s, text, kopf=True)
    for nr, zeile in enumerate(plan.raster.zeilen, start=erste + 1):
        info = zeile.info
        besonders = info.wochenende or info.feiertag is not None
        werte = [f"{info.wochentag_kurz.upper()} {info.tag.day}."]
        werte += [zeile.zelltext_druck(sp.schluessel) for sp in spalten]
        werte.append(zeile.bemerkung)
        for s, wert in enumerate(werte, start=1):
            _zelle(blatt, nr, s, wert, fett=besonders and s == 1)
            if besonders:
                blatt.cell(row=nr, column=s).fill = _WOCHENENDE
    blatt.column_dimensions["A"].width = 9
    for s in range(2, len(kopf)):
        blatt.column_dimensions[get_column_letter(s)].width = 26
    blatt.column_dimensions[get_column_letter(len(kopf))].width = 48
    blatt.row_dimensions[erste].height = 30
    blatt.freeze_panes = blatt.cell(row=erste + 1, column=2)
    unten = erste + len(plan.raster.zeilen) + 2
    legende = [
        "Schichten: " + "; ".join(f"{sp.titel} {sp.zeiten}" for sp in spalten if sp.zeiten),
        "„(Jörg Url.) Sabine“: Jörg hat Urlaub, Sabine vertritt ihn. „Vertretung fehlt“: Schicht ohne Vertretung.",
        "Abkürzungen: " + _legende_abwesenheit(),
        "Wochenenden und Feiertage: Tag fett und grau hinterlegt; Feiertage unter Bemerkungen.",
        f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro",
    ]
    for i, text in enumerate(legende):
        schreibe_in(blatt, unten + i, 1, text)
    _druck(blatt, quer=True)
    blatt.print_title_rows = f"{erste}:{erste}"
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def _zahl(text: str) -> Decimal | str:
    """Hours as numbers in the workbook ("7,50" → 7.50), other cells as text."""
    try:
        return lies_zahl(text)
    except KeineZahl:
        return text


def stundenzettel_xlsx(
    zettel_liste: Sequence[Stundenzettel], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    """One sheet per assistant, layout of seed 004, 2.5; hours are numbers (format 0,00), sums at the end."""
    mappe = Workbook()
    erstes = mappe.worksheets[0]
    if not zettel_liste:
        erstes.title = "Stundenzettel"
        schreibe(erstes["A1"], "Keine Stundenzettel für diesen Monat.")
    namen: set[str] = set()
    for nr, zettel in enumerate(zettel_liste):
        blatt = erstes if nr == 0 else mappe.create_sheet()
        name = _blattname(zettel.name)
        while name in namen:
            name = _blattname(f"{name} {nr}")
        namen.add(name)
        blatt.title = name
        schreibe(blatt["A1"], f"Stundenzettel für den Monat {monatsname(zettel.jahr, zettel.monat)}")
        blatt["A1"].font = Font(bold=True, size=14)
        schreibe(blatt["A2"], "Name des Assistenten/ der Assistentin:")
        schreibe(blatt["F2"], zettel.name)
        schreibe(blatt["A3"], "Arbeitgeberin:")
        schreibe(blatt["F3"], zettel.arbeitgeber)
        for zelle in ("F2", "F3"):
            blatt[zelle].font = _FETT
        if stand := standtext(zettel):  # a running month: worked so far and still planned, before the table
            _absatz(blatt, 4, stand, spalten=len(KOPF_STUNDENZETTEL), fett=True)
        erste = 5
        for s, text in enumerate(KOPF_STUNDENZETTEL, start=1):
            _zelle(blatt, erste, s, text, kopf=True)
        zeilen = stundenzettel_zeilen(zettel)
        for z_nr, zellen in enumerate(zeilen, start=erste + 1):
            for s, text in enumerate(zellen, start=1):
                wert = _zahl(text) if s in (5, 8, 9, 10) else text
                _zelle(blatt, z_nr, s, wert)
                if isinstance(wert, Decimal):
                    blatt.cell(row=z_nr, column=s).number_format = "0.00"
        summe = erste + len(zeilen) + 1
        _zelle(blatt, summe, 1, summenzeile(zettel), kopf=True)
        blatt.merge_cells(start_row=summe, start_column=1, end_row=summe, end_column=8)
        _zelle(blatt, summe, 9, runde(zettel.summe_bezahlt), kopf=True)
        blatt.cell(row=summe, column=9).number_format = "0.00"
        _zelle(blatt, summe, 10, runde(zettel.summe_bereitschaft), kopf=True)
        blatt.cell(row=summe, column=10).number_format = "0.00"
        _zelle(blatt, summe, 11, summentext(zettel), kopf=True)
        unten = summe + 2
        # hours per Leistungsart/Kostenträger: name over columns A–H, hours in I (worked) and J (still planned)
        for i, zellen in enumerate(leistungsart_zeilen(zettel)):
            _zelle(blatt, unten, 1, zellen[0], kopf=i == 0)
            blatt.merge_cells(start_row=unten, start_column=1, end_row=unten, end_column=8)
            for s, text in enumerate(zellen[1:], start=9):
                wert = text if i == 0 else _zahl(text)
                _zelle(blatt, unten, s, wert, kopf=i == 0)
                if isinstance(wert, Decimal):
                    blatt.cell(row=unten, column=s).number_format = "0.00"
            # a long name wraps within A–H (about 70 characters); the header's "gearbeitet bis" within I
            blatt.row_dimensions[unten].height = 13 * max(2 if i == 0 else 1, len(zellen[0]) // 70 + 1)
            unten += 1
        if unten > summe + 2:
            unten += 1
        _absatz(
            blatt,
            unten,
            "Geplant: laut Dienstplan. Zeit 1/2: tatsächlich gearbeitet "
            "(„wie geplant“: keine Abweichung erfasst; „noch nicht gearbeitet“: der Tag liegt nach dem Stand). "
            f"Bereitschaft gewichtet mit {format_zahl(zettel.bereitschaft_prozent, None)} %.",
            spalten=len(KOPF_STUNDENZETTEL),
        )
        schreibe_in(blatt, unten + 1, 1, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro")
        schreibe_in(blatt, unten + 3, 1, "Datum, Unterschrift Assistent/in: ____________________")
        schreibe_in(blatt, unten + 3, 7, "Datum, Unterschrift Arbeitgeberin: ____________________")
        for s, breite in enumerate([9, 13, 8, 8, 9, 8, 8, 9, 10, 11, 28], start=1):
            blatt.column_dimensions[get_column_letter(s)].width = breite
        blatt.row_dimensions[erste].height = 30
        blatt.freeze_panes = blatt.cell(row=erste + 1, column=2)
        _druck(blatt, quer=False)
        blatt.print_title_rows = f"{erste}:{erste}"
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)
