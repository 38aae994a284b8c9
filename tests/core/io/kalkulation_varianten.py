"""Builds user-edited variants of the 2016 ForseA sheet (values only, as a sheet saved without formulas)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import python_calamine

from core.budget.kalkulation import SEED_BEISPIEL, KalkulationsParameter, vorbelegen
from core.io.kalkulation_export import Kopf
from core.io.kalkulation_export import schreibe_xlsx as exportiere_xlsx
from core.io.kalkulation_import import importiere

DATEN = Path(__file__).resolve().parents[2] / "data" / "kalkulation"
FORSEA_2016 = DATEN / "forsea-kalkulation-2016.xlsx"
FORSEA_2011 = DATEN / "forsea-kalkulation-2011.xls"
GESCHUETZT = DATEN / "forsea-kalkulation-geschuetzt.xlsx"

Raster = list[list[Any]]


def raster(pfad: Path = FORSEA_2016) -> Raster:
    """The sheet's cells (cached values) as rows of Python values."""
    mappe = python_calamine.CalamineWorkbook.from_path(str(pfad))
    return [list(z) for z in mappe.get_sheet_by_name(mappe.sheet_names[0]).to_python(skip_empty_area=False)]


def finde(r: Raster, text: str) -> tuple[int, int]:
    for z, zeile in enumerate(r):
        for s, wert in enumerate(zeile):
            if wert == text:
                return z, s
    raise KeyError(text)


def schreibe_xlsx(ziel: Path, blaetter: list[tuple[str, Raster]]) -> Path:
    mappe = openpyxl.Workbook()
    mappe.remove(mappe.active)
    for name, r in blaetter:
        blatt = mappe.create_sheet(name)
        for z, zeile in enumerate(r, start=1):
            for s, wert in enumerate(zeile, start=1):
                if wert not in ("", None):
                    blatt.cell(row=z, column=s, value=wert)
    mappe.save(ziel)
    return ziel


def stundenzettel() -> Raster:
    return [
        ["Stundenzettel", "", "", "", ""],
        ["Name:", "Sabine Beispiel", "", "Monat:", "März 2026"],
        ["Datum", "Beginn", "Ende", "Stunden", "Bereitschaft"],
        ["02.03.2026", "07:00", "14:00", 7, 0],
        ["03.03.2026", "14:00", "22:00", 8, 0],
        ["07.03.2026", "22:00", "06:00", 0, 8],
        ["Summe", "", "", 15, 8],
    ]


def zeilen_verschoben() -> Raster:
    """Three rows inserted at the top, a note inside the Pauschalen block, the Sonstige block reordered."""
    r = raster()
    breite = len(r[0])
    leer = [""] * breite
    notiz = ["Notiz: Stand Januar, mit dem Amt abgestimmt", *[""] * (breite - 1)]
    z_urlaub, _ = finde(r, "Urlaub")
    r.insert(z_urlaub, notiz)  # inside the Pauschalen block
    z_bg, _ = finde(r, "Berufsgenossenschaft ca.")
    z_ber, _ = finde(r, "Beratung und Unterstützung ca.")
    block = r[z_bg : z_ber + 1]
    r[z_bg : z_ber + 1] = list(reversed(block))  # subtotal now on the first row of the block
    return [["Meine Kalkulation für das Sozialamt", *[""] * (breite - 1)], leer, leer, *r]


def bezeichnungen_geaendert() -> Raster:
    r = raster()
    umbenennen = {
        "Stundensatz:": "Stundenlohn (brutto):",
        "Anzahl Tage:": "Anzahl der Tage",
        "Krankheit (kalk.)": "Krankheitstage",
        "Berufsgenossenschaft ca.": "Berufsgenossenschaft (Unfallkasse BW)",
        "Gesamtkosten im Jahr": "Gesamtkosten pro Jahr",
        "Sonntag Arbeit II": "Sontag Arbeit II",  # typo: recognised as the closest label
        "Nacht Arbeit II": "Nachtarbeit II",
        "Kosten der Begleitperson (gem.§§ 22, 23 Eingliederungshilfeverordnung)": "Kosten für die Begleitperson",
        "Regiekosten (pauschaliert ohne Nachweise)": "Regie-Kosten",
        "umgerechnet auf den Monat": "Umgerechnet auf den Monat:",
    }
    for alt, neu in umbenennen.items():
        z, s = finde(r, alt)
        r[z][s] = neu
    return r


def setze(r: Raster, zelle: str, wert: Any) -> Raster:
    spalte = ord(zelle[0]) - 65
    zeile = int(zelle[1:]) - 1
    r[zeile][spalte] = wert
    return r


# --- LibreOffice: every workbook the io tests let it open, in one soffice call per test process --------------------

# Kalkulationen exported with live formulas (test_kalkulation_export): LibreOffice computes every formula.
FAELLE: dict[str, KalkulationsParameter] = {
    "seed 004, 1.6.2": SEED_BEISPIEL,
    "vorbelegt 2026": vorbelegen(date(2026, 3, 1)).parameter,
    "forsea 2011": importiere(FORSEA_2011).parameter,
    "krumme Werte": SEED_BEISPIEL.mit(
        stundensatz=Decimal("14.37"),
        tage=Decimal("365"),
        arbeit2_prozent=Decimal("37.5"),
        kv_zusatz_prozent=Decimal("2.45"),
        urlaubsgeld_prozent=Decimal("33.3"),
        beratung=Decimal("123.45"),
    ),
}
ZEILEN_VERSCHOBEN = "zeilen verschoben"  # the user-edited 2016 sheet, imported as .ods (test_kalkulation_import)


@functools.cache
def libreoffice_ods(basis: Path) -> dict[str, Path]:
    """FAELLE (exported by the program) and the sheet ZEILEN_VERSCHOBEN opened by LibreOffice Calc headless and
    saved as .ods, which computes every formula on the way and stores the values: name → the .ods file.

    One soffice call for both test modules in a test process (each start of LibreOffice costs 1.5-2 s of CPU), in a
    new folder under `basis` (the session's tmp_path_factory.getbasetemp()); its own temporary profile, so it never
    touches a user's."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "nur aus Tests mit @pytest.mark.libreoffice aufrufen"
    ordner = Path(tempfile.mkdtemp(prefix="libreoffice-", dir=basis))
    quelle = ordner / "quelle"
    quelle.mkdir()
    dateien = {ZEILEN_VERSCHOBEN: schreibe_xlsx(quelle / "verschoben.xlsx", [("Kalkulation", zeilen_verschoben())])}
    for i, (name, parameter) in enumerate(FAELLE.items()):
        dateien[name] = exportiere_xlsx(parameter, quelle / f"fall{i}.xlsx", Kopf(name, date(2026, 3, 1)))
    ausgabe = ordner / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(ordner / 'lo-profil').as_uri()}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(ausgabe),
            *[str(d) for d in dateien.values()],
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(ordner)},
    )
    ergebnisse = {name: ausgabe / f"{d.stem}.ods" for name, d in dateien.items()}
    assert all(d.exists() for d in ergebnisse.values()), sorted(p.name for p in ausgabe.iterdir())
    return ergebnisse
