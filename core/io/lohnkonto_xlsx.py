"""Lohnkonten as Excel: one sheet per assistant (master data, months × Lohnarten with the year as a SUM formula,
Sachbezüge one by one); amounts are numbers with the € format. Prints on A4 landscape, one page wide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from core.io.belege_basis import blattname, druck_a4, setze_betrag, setze_text
from core.io.belegtabelle import excel_tabelle
from core.io.excel import speichere
from core.io.lohnkonto import Lohnkonto


def lohnkonten_xlsx(
    konten: Sequence[Lohnkonto],
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    mappe = Workbook()
    erstes = mappe.active
    assert erstes is not None
    if not konten:
        erstes.title = "Lohnkonten"
        setze_text(erstes["A1"], "Für dieses Jahr gibt es keine Lohnkonten.")
    namen: set[str] = set()
    for nr, konto in enumerate(konten):
        blatt = erstes if nr == 0 else mappe.create_sheet()
        name = blattname(f"{konto.personalnummer} {konto.name}")
        while name in namen:
            name = blattname(f"{nr} {name}")
        namen.add(name)
        blatt.title = name
        setze_text(blatt["A1"], konto.titel)
        blatt["A1"].font = Font(bold=True, size=14)
        setze_text(blatt["A2"], f"Arbeitgeberin: {konto.arbeitgeber} · Lohnkonto nach § 41 EStG und § 4 LStDV")
        r = 4
        for label, wert in konto.stammdaten:
            setze_text(blatt.cell(row=r, column=2), label)
            setze_text(blatt.cell(row=r, column=3), wert)
            blatt.merge_cells(start_row=r, start_column=3, end_row=r, end_column=8)
            r += 1
        kopf = r + 1
        letzte = excel_tabelle(blatt, kopf, f"Monat {konto.jahr}", konto.spalten, konto.zeilen, summe="Jahr")
        r = letzte + 2
        if konto.sachbezuege:
            setze_text(blatt.cell(row=r, column=1), "Sachbezüge einzeln (§ 4 Abs. 2 Nr. 3 LStDV)")
            blatt.cell(row=r, column=1).font = Font(bold=True)
            r += 1
            for s in konto.sachbezuege:
                for spalte, text in enumerate((s.monat, s.bezeichnung, s.zeitraum, s.ort), start=1):
                    setze_text(blatt.cell(row=r, column=spalte), text)
                setze_betrag(blatt.cell(row=r, column=5), s.zuzahlung)
                setze_betrag(blatt.cell(row=r, column=6), s.wert)
                r += 1
            r += 1
        for text in (*konto.hinweise, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro"):
            setze_text(blatt.cell(row=r, column=1), text)
            r += 1
        druck_a4(
            blatt, quer=True, titelzeilen=f"{kopf}:{kopf}", letzte_zeile=r - 1, letzte_spalte=3 + len(konto.spalten)
        )
        if fortschritt is not None:
            fortschritt(nr + 1, len(konten))
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)
