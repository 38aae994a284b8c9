"""CONTRACTS §9 from the command line: `erstattung --json` keys and formats, `erstattung status`, and the
`erstattungsantrag` export (§6) with every field of the electronic claim (DSER/DBAU) on the sheet.

Figures as in test_dienst (worked by hand there): 512.00 € continued pay × 70 % = 358.40 €; Minijob 168.00 € ×
80 % (Minijob-Zentrale) = 134.40 €.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core.abrechnung.szenario_laden import lade
from tests.kommandozeile import rufe

sys.path.insert(0, str(Path(__file__).parent))
from test_erstattung_dienst import szenario_datei

SCHLUESSEL = [
    "id",
    "verfahren",
    "anlass",
    "von",
    "bis",
    "kasse",
    "fortgezahltes_entgelt",
    "ag_anteile",
    "zuschuss_mutterschaftsgeld",
    "erstattungssatz",
    "erstattungsbetrag",
    "status",
    "frist_bis",
]


@pytest.fixture
def datei(tmp_path: Path) -> Path:
    db = tmp_path / "haushalt.sqlite"
    lade(szenario_datei(tmp_path), db)
    assert rufe("abrechnung", "abschliessen", "--db", str(db), "--monat", "2026-03").returncode == 0
    return db


def test_json_wie_im_vertrag(datei: Path) -> None:
    lauf = rufe("erstattung", "--db", str(datei), "--monat", "2026-03", "--json")
    assert lauf.returncode == 0, lauf.stderr
    daten = json.loads(lauf.stdout)
    sabine = next(a for a in daten["antraege"] if a["id"] == "sabine")
    assert list(sabine)[: len(SCHLUESSEL)] == SCHLUESSEL
    assert {k: sabine[k] for k in SCHLUESSEL} == {
        "id": "sabine",
        "verfahren": "U1",
        "anlass": "arbeitsunfaehigkeit",
        "von": "2026-03-10",
        "bis": "2026-03-13",
        "kasse": "AOK BW",
        "fortgezahltes_entgelt": "512.00",
        "ag_anteile": "0.00",
        "zuschuss_mutterschaftsgeld": "0.00",
        "erstattungssatz": "70",
        "erstattungsbetrag": "358.40",
        "status": "offen",
        "frist_bis": "2030-12-31",
    }
    ulrike = next(a for a in daten["antraege"] if a["id"] == "ulrike")
    assert (ulrike["kasse"], ulrike["erstattungssatz"], ulrike["erstattungsbetrag"]) == (
        "Minijob-Zentrale",
        "80",
        "134.40",
    )
    assert any("keinen U1-Antrag" in h["text"] for h in daten["hinweise"])  # Jörg: waiting period


def test_status_auf_der_kommandozeile(datei: Path) -> None:
    nr = next(
        a["nr"]
        for a in json.loads(rufe("erstattung", "--db", str(datei), "--json").stdout)["antraege"]
        if a["id"] == "sabine"
    )
    gestellt = rufe("erstattung", "status", str(nr), "gestellt", "--datum", "02.04.2026", "--db", str(datei))
    assert gestellt.returncode == 0 and "„gestellt“" in gestellt.stdout
    erstattet = rufe(
        "erstattung", "status", str(nr), "erstattet", "--datum", "2026-04-15", "--betrag", "350,00", "--db", str(datei)
    )
    assert erstattet.returncode == 0 and "Differenz zum Antrag: -8,40 €" in erstattet.stdout.replace("\xa0", " ")
    falsch = rufe("erstattung", "status", str(nr), "erstattet", "--datum", "31.02.2026", "--db", str(datei))
    assert falsch.returncode == 2 and falsch.stderr.count("\n") == 1 and "gibt es nicht" in falsch.stderr
    offen = json.loads(rufe("erstattung", "--db", str(datei), "--json").stdout)["antraege"]
    assert [a["id"] for a in offen] == ["ulrike"]
    alle = json.loads(rufe("erstattung", "--db", str(datei), "--alle", "--json").stdout)["antraege"]
    sabine = next(a for a in alle if a["id"] == "sabine")
    assert (sabine["status"], sabine["erhaltener_betrag"], sabine["differenz"]) == ("erstattet", "350.00", "-8.40")


def test_antragsblatt_pdf_und_excel(datei: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "antrag.pdf"
    lauf = rufe("export", "erstattungsantrag", "--db", str(datei), "--monat", "2026-03", "--ausgabe", str(pdf))
    assert lauf.returncode == 0, lauf.stderr
    seiten = PdfReader(pdf).pages
    assert len(seiten) == 2  # one sheet per claim
    text = " ".join(" ".join(s.extract_text().replace("\xa0", " ").split()) for s in seiten)
    # DBAU's fields in the record's order (GKV-Spitzenverband, Anlage 1; DATALINE DBAU05)
    reihenfolge = [
        "KENNZV",
        "EZEITVOM",
        "EZEITBIS",
        "ARTAB",
        "EG",
        "ARTEG",
        "ABTG",
        "AUSFALLZ",
        "ARTAUSFALLZ",
        "AZWOECH",
        "AZTGL",
        "FBRUTAU",
        "FAGANT",
        "ESATZ",
        "EBU",
        "URAU",
        "AUTG",
        "LAT",
    ]
    sabine = text[text.index("Sabine Muster") :]
    positionen = [sabine.index(k) for k in reihenfolge]
    assert positionen == sorted(positionen)
    assert "512,00 €" in sabine and "358,40 €" in sabine and "70 %" in sabine and "32,00" in sabine
    xlsx = tmp_path / "antrag.xlsx"
    assert (
        rufe("export", "erstattungsantrag", "--db", str(datei), "--monat", "2026-03", "--ausgabe", str(xlsx)).returncode
        == 0
    )
    mappe = load_workbook(xlsx)
    assert len(mappe.worksheets) == 2
    werte = {z[0]: z[2] for z in mappe.worksheets[1].iter_rows(values_only=True) if z and z[0]}
    assert werte["EBU"] in ("358,40 €", "358,40\xa0€")
    leer = rufe(
        "export", "erstattungsantrag", "--db", str(datei), "--monat", "2026-04", "--ausgabe", str(tmp_path / "leer.pdf")
    )
    assert leer.returncode == 2 and "keinen Erstattungsantrag" in leer.stderr


def test_uebersicht_ohne_json(datei: Path) -> None:
    """The overview as the user reads it (no traceback, German amounts). In the test process: the real
    `python -m core.cli` runs in test_datenbank (a second instance) and test_kalkulation_import."""
    lauf = rufe("erstattung", "--db", str(datei))
    assert lauf.returncode == 0, lauf.stderr
    assert "Sabine Muster" in lauf.stdout and "358,40 €" in lauf.stdout.replace("\xa0", " ")


def test_kasse_fuer_privat_versicherte_auf_der_kommandozeile(datei: Path) -> None:
    falsch = rufe("erstattung", "kasse", "sabine", "Gibt es nicht", "--db", str(datei))
    assert falsch.returncode == 2 and "nicht eingetragen" in falsch.stderr and falsch.stderr.count("\n") == 1
    gesetzt = rufe("erstattung", "kasse", "sabine", "AOK BW", "--db", str(datei))
    assert gesetzt.returncode == 0 and "„AOK BW“" in gesetzt.stdout
    geloescht = rufe("erstattung", "kasse", "sabine", "--db", str(datei))
    assert geloescht.returncode == 0 and "gelöscht" in geloescht.stdout
