"""The Verwendungsnachweis as Excel: one sheet, the sections one below the other; amounts and hours are numbers
(German formats), totals are values as on the PDF. Formula-safe cells via `core.io.excel`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from core.budget.verwendungsnachweis import Verwendungsnachweis
from core.io.belege_basis import FORMAT_EUR, FORMAT_ZAHL, druck_a4, setze_betrag, setze_text
from core.io.excel import speichere
from core.io.verwendungsnachweis import Stunden, Zelle, abschnitte, fussnoten

_KOPF = PatternFill("solid", fgColor="DDDDDD")
_SUMME = PatternFill("solid", fgColor="F2F2F2")


def _setze(zelle: Any, wert: Zelle) -> None:
    if isinstance(wert, Stunden):
        setze_betrag(zelle, wert.wert, FORMAT_ZAHL)
    elif isinstance(wert, Decimal):
        setze_betrag(zelle, wert, FORMAT_EUR)
    else:
        setze_text(zelle, wert or "")


def verwendungsnachweis_xlsx(
    nachweis: Verwendungsnachweis, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = "Verwendungsnachweis"
    setze_text(blatt["A1"], nachweis.titel)
    blatt["A1"].font = Font(bold=True, size=14)
    setze_text(blatt["A2"], f"Arbeitgeberin: {nachweis.arbeitgeber or '–'} · erstellt am {gedruckt_am:%d.%m.%Y}")
    zeile = 4
    breite = 2
    for t in abschnitte(nachweis):
        setze_text(blatt.cell(row=zeile, column=1), t.titel)
        blatt.cell(row=zeile, column=1).font = Font(bold=True, size=12)
        zeile += 1
        if t.text:
            setze_text(blatt.cell(row=zeile, column=1), t.text)
            zeile += 1
        for spalte, kopf in enumerate(t.kopf, start=1):
            zelle = blatt.cell(row=zeile, column=spalte)
            setze_text(zelle, kopf)
            zelle.font, zelle.fill = Font(bold=True), _KOPF
        zeile += 1
        for werte in t.zeilen:
            for spalte, wert in enumerate(werte, start=1):
                _setze(blatt.cell(row=zeile, column=spalte), wert)
            zeile += 1
        if t.summe is not None:
            for spalte, wert in enumerate(t.summe, start=1):
                zelle = blatt.cell(row=zeile, column=spalte)
                _setze(zelle, wert)
                zelle.font, zelle.fill = Font(bold=True), _SUMME
            zeile += 1
        breite = max(breite, len(t.kopf))
        zeile += 1
    for text in fussnoten(nachweis):
        setze_text(blatt.cell(row=zeile, column=1), text)
        zeile += 1
    blatt.column_dimensions["A"].width = 44
    for buchstabe in "BCDEFG":
        blatt.column_dimensions[buchstabe].width = 18
    druck_a4(blatt, quer=False, titelzeilen="1:2", letzte_zeile=zeile, letzte_spalte=breite)
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)
