"""The Lohnjournal as Excel: one sheet for the month, one for the year to date; amounts are numbers (€ format),
each assistant's values are values, only the total column is a SUM formula. Prints on A4 landscape, one page wide."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from core.io.belege_basis import blattname, druck_a4, setze_text
from core.io.belegtabelle import excel_tabelle
from core.io.excel import speichere
from core.io.lohnjournal import Lohnjournal


def lohnjournal_xlsx(
    journal: Lohnjournal,
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    mappe = Workbook()
    erstes = mappe.active
    assert erstes is not None
    koepfe = [p.kopf for p in journal.personen]
    for nr, teil in enumerate(journal.teile):
        blatt = erstes if nr == 0 else mappe.create_sheet()
        blatt.title = blattname(teil.titel)
        setze_text(blatt["A1"], f"{journal.titel} – {teil.titel}")
        blatt["A1"].font = Font(bold=True, size=14)
        setze_text(blatt["A2"], f"Arbeitgeberin: {journal.arbeitgeber}")
        letzte = excel_tabelle(blatt, 4, "Lohnart / Summe", koepfe, teil.zeilen)
        unten = letzte + 2
        texte = (*journal.hinweise, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro")
        for i, text in enumerate(texte):
            setze_text(blatt.cell(row=unten + i, column=1), text)
        druck_a4(
            blatt, quer=True, titelzeilen="4:4", letzte_zeile=unten + len(texte) - 1, letzte_spalte=3 + len(koepfe)
        )
        if fortschritt is not None:
            fortschritt(nr + 1, len(journal.teile))
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)
