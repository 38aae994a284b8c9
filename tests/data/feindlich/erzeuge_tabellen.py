"""Erzeugt die feindlichen Tabellendateien in tabellen/: riesige Zahlen, eine verirrte Zelle weit draußen, eine
Zip-Bombe, kaputte und falsche Dateien. `kalkulation import` muss jede mit einer deutschen Zeile und Exit-Code 2
abweisen, ohne mehr als ein paar Sekunden und ein paar hundert MB zu brauchen.

Aufruf (einmalig, Ergebnis ist eingecheckt):  python tests/data/feindlich/erzeuge_tabellen.py
Grundlage ist tests/data/kalkulation/forsea-kalkulation-2016.xlsx. Für die .xls-Datei braucht das Skript
LibreOffice (soffice), wie .ci/run es installiert.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from openpyxl import load_workbook

HIER = Path(__file__).resolve().parent
ZIEL = HIER / "tabellen"
VORLAGE = HIER.parent / "kalkulation" / "forsea-kalkulation-2016.xlsx"


def _kalkulation(name: str, **zellen: object) -> None:
    _kalkulation_in(ZIEL / name, **zellen)


def _ods(name: str, zeilen: str) -> None:
    inhalt = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Kalkulation">'
        f"{zeilen}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(ZIEL / name, "w") as archiv:
        archiv.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archiv.writestr("content.xml", inhalt, zipfile.ZIP_DEFLATED)
        archiv.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def _zelle(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def _zipbombe(name: str) -> None:
    """A valid xlsx whose sheet XML unpacks to 300 MB of whitespace (about 300 KB on disk)."""
    shutil.copyfile(VORLAGE, ZIEL / name)
    with zipfile.ZipFile(VORLAGE) as quelle:
        blatt = quelle.read("xl/worksheets/sheet1.xml")
    gross = blatt.replace(b"<sheetData>", b"<sheetData>" + b" " * 300_000_000, 1)
    with zipfile.ZipFile(VORLAGE) as quelle, zipfile.ZipFile(ZIEL / name, "w", zipfile.ZIP_DEFLATED) as ziel:
        for eintrag in quelle.infolist():
            daten = gross if eintrag.filename == "xl/worksheets/sheet1.xml" else quelle.read(eintrag.filename)
            ziel.writestr(eintrag.filename, daten, compresslevel=9)


def _xls_weit(name: str) -> None:
    """An Excel 97 workbook (via LibreOffice) with a value in IV65536, the last cell .xls has."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) fehlt"
    with tempfile.TemporaryDirectory() as ordner:
        quelle = Path(ordner) / "weit.xlsx"
        _kalkulation_in(quelle, IV65536=1)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{ordner}/lo", "--headless", "--convert-to", "xls",
             "--outdir", ordner, str(quelle)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.copyfile(Path(ordner) / "weit.xls", ZIEL / name)


def _kalkulation_in(pfad: Path, **zellen: object) -> None:
    mappe = load_workbook(VORLAGE)
    blatt = mappe.active
    assert blatt is not None
    for adresse, wert in zellen.items():
        blatt[adresse] = wert
    mappe.save(pfad)


def main() -> None:
    ZIEL.mkdir(exist_ok=True)
    _kalkulation("streuzelle_XFD1048576.xlsx", XFD1048576="vergessen")
    _kalkulation("stundensatz_1e308_zahl.xlsx", C5=1e308)
    _kalkulation("stundensatz_1e400_text.xlsx", C5="1e400")
    _kalkulation("tage_minus_1e308.xlsx", G5=-1e308)
    _kalkulation("stunden_text_riesig.xlsx", C10="9" * 5000)
    _zipbombe("zipbombe_300mb.xlsx")
    _xls_weit("bis_IV65536.xls")
    streu = (
        f"<table:table-row>{_zelle('Stundensatz:')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
        f"{_zelle('vergessen')}</table:table-row>"
    )
    _ods("streuzelle_XFD1048576.ods", streu)
    wiederholt = '<table:table-row table:number-rows-repeated="1048576">' + (
        '<table:table-cell table:number-columns-repeated="1024" office:value-type="float" office:value="1">'
        "<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    _ods("eine_milliarde_einsen.ods", wiederholt)
    (ZIEL / "leer.xlsx").write_bytes(b"")
    (ZIEL / "zufall.xlsx").write_bytes(bytes(range(256)) * 40)
    (ZIEL / "abgeschnitten.xlsx").write_bytes(VORLAGE.read_bytes()[: VORLAGE.stat().st_size // 2])
    (ZIEL / "webseite.xls").write_text("<html><body><table><tr><td>Stundensatz</td></tr></table></body></html>")
    print(f"geschrieben: {sorted(p.name for p in ZIEL.iterdir())}")


if __name__ == "__main__":
    main()
