"""Import of old Kalkulation sheets: both real fixtures through the CLI, user-edited variants, every bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from core.budget.kalkulation import SEED_BEISPIEL, berechne
from core.fehler import EingabeFehler
from core.io.kalkulation_import import importiere, normalisiere
from tests.core.io.kalkulation_varianten import (
    FORSEA_2011,
    FORSEA_2016,
    GESCHUETZT,
    ZEILEN_VERSCHOBEN,
    bezeichnungen_geaendert,
    libreoffice_ods,
    raster,
    schreibe_xlsx,
    setze,
    stundenzettel,
    zeilen_verschoben,
)
from tests.kommandozeile import Lauf, rufe

SEED_ERGEBNIS = berechne(SEED_BEISPIEL).als_dict()


def cli(*argumente: str) -> Lauf:
    """`assistenzbuero kalkulation import …` in this process (tests/kommandozeile.py). The sheet is read in the
    program's own reading process either way (core.io.leseprozess); the command as its own process is the bundle
    check's (tests/installer/test_bundle_spec.py, pruefe_fehlermeldung: one German line, exit code 2)."""
    return rufe("kalkulation", "import", *argumente)


# ---- the two fixtures through the command line (CONTRACTS §4) -----------------------------------------------
def test_cli_2016_xlsx_seed_beispiel() -> None:
    lauf = cli(str(FORSEA_2016), "--json")
    assert lauf.returncode == 0, lauf.stderr
    daten = json.loads(lauf.stdout)
    assert daten["datei"] == str(FORSEA_2016)
    assert daten["version"] == "01.03.2016"
    assert daten["parameter"]["stundensatz"] == "13.79"
    assert daten["parameter"]["tage"] == "365.25"
    # the contract's example, which is the seed 004, 1.6.2 example
    assert daten["ergebnis"] == {
        "kosten_je_arbeitstag": "234.43",
        "bruttoverdienst_jahr": "85625.56",
        "bruttolohnkosten": "116204.02",
        "arbeitgeberanteil": "25617.18",
        "zuschlaege": "8760.43",
        "erstattung": "8205.05",
        "sonstige_kosten": "5326.00",
        "gesamtkosten_jahr": "147702.58",
        "gesamtkosten_monat": "12308.55",
        "gesamtkosten_stunde": "16.85",
    }
    # the file caches 23443 for the Pauschalen (not the seed's misprint 23.433): no deviation
    assert daten["in_datei"]["pauschalen"] == {"wert": "23443.00", "zelle": "G21"}
    assert daten["abweichungen"] == []


def test_cli_2011_xls_eigene_summen() -> None:
    """The 2011 layout: "Stundenlohn:", no Zuschläge block, "Lohnfortzahlung Krankheit", no Begleitperson.

    Its totals are the values cached in the file itself (G44/G45/G46); the recomputation matches every one of
    them to the cent, so the 2011 sheet computed the same way (no Zuschläge, Erstattung 80 % of the sick days).
    """
    lauf = cli(str(FORSEA_2011), "--json")
    assert lauf.returncode == 0, lauf.stderr
    daten = json.loads(lauf.stdout)
    assert daten["version"] == "14.03.2011"
    assert daten["parameter"]["stundensatz"] == "11.53"
    assert daten["parameter"]["arbeit2_prozent"] == "25"
    assert daten["parameter"]["krankheit_tage"] == "30"
    in_datei = {k: v["wert"] for k, v in daten["in_datei"].items()}
    for schluessel in (
        "bruttoverdienst_jahr",
        "bruttolohnkosten",
        "arbeitgeberanteil",
        "gesamtkosten_jahr",
        "gesamtkosten_monat",
        "gesamtkosten_stunde",
        "sonstige_kosten",
    ):
        assert daten["ergebnis"][schluessel] == in_datei[schluessel], schluessel
    assert daten["ergebnis"]["gesamtkosten_jahr"] == "95990.24"
    assert daten["ergebnis"]["gesamtkosten_monat"] == "7999.19"
    assert daten["ergebnis"]["gesamtkosten_stunde"] == "10.96"
    assert daten["ergebnis"]["zuschlaege"] == "0.00"
    assert daten["ergebnis"]["erstattung"] == "4150.80" and in_datei["erstattung"] == "-4150.80"
    assert daten["abweichungen"] == []
    assert "begleitperson" in daten["nicht_gefunden"] and "nacht_arbeit2_stunden" in daten["nicht_gefunden"]


def test_cli_ohne_json_deutsche_tabelle() -> None:
    lauf = cli(str(FORSEA_2016))
    assert lauf.returncode == 0, lauf.stderr
    assert "Gesamtkosten im Jahr" in lauf.stdout and "147.702,58" in lauf.stdout and "16,85" in lauf.stdout
    assert "Keine Abweichungen" in lauf.stdout


# ---- variants users make ---------------------------------------------------------------------------------------
def _pruefe_seed(pfad: Path) -> None:
    r = importiere(pfad)
    assert r.ergebnis.als_dict() == SEED_ERGEBNIS
    assert r.parameter == SEED_BEISPIEL
    assert r.abweichungen == ()


def test_zeilen_eingefuegt_und_verschoben(tmp_path: Path) -> None:
    _pruefe_seed(schreibe_xlsx(tmp_path / "verschoben.xlsx", [("Kalkulation", zeilen_verschoben())]))


def test_zusaetzliches_blatt_und_umbenanntes_blatt(tmp_path: Path) -> None:
    pfad = schreibe_xlsx(
        tmp_path / "mehrere.xlsx", [("Stundenzettel März", stundenzettel()), ("Meine Kosten 2016", raster())]
    )
    _pruefe_seed(pfad)
    assert importiere(pfad).blatt == "Meine Kosten 2016"


def test_umbenanntes_einziges_blatt(tmp_path: Path) -> None:
    _pruefe_seed(schreibe_xlsx(tmp_path / "tabelle1.xlsx", [("Tabelle1", raster())]))


def test_leicht_geaenderte_bezeichnungen(tmp_path: Path) -> None:
    pfad = schreibe_xlsx(tmp_path / "bezeichnungen.xlsx", [("Kalkulation", bezeichnungen_geaendert())])
    _pruefe_seed(pfad)
    erkannt = {e.schluessel: e.bezeichnung_in_datei for e in importiere(pfad).erkannt}
    assert erkannt["sonntag_arbeit2_stunden"] == "Sontag Arbeit II"
    assert erkannt["begleitperson"] == "Kosten für die Begleitperson"


@pytest.fixture(scope="module")
def libreoffice_ergebnisse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return libreoffice_ods(
        tmp_path_factory.getbasetemp()
    )  # shared with test_kalkulation_export in the same test process


@pytest.mark.libreoffice
def test_ods_ueber_libreoffice(libreoffice_ergebnisse: dict[str, Path]) -> None:
    """The sheet with rows inserted and moved (zeilen_verschoben), saved as .ods by LibreOffice."""
    _pruefe_seed(libreoffice_ergebnisse[ZEILEN_VERSCHOBEN])


def test_leere_eingabezelle_zaehlt_als_null_wie_in_excel(tmp_path: Path) -> None:
    r = raster()
    setze(r, "D19", "")  # Weiterbildung: Tage
    assert importiere(schreibe_xlsx(tmp_path / "leer.xlsx", [("K", r)])).parameter.weiterbildung_tage == 0


def test_abweichende_gespeicherte_summen_werden_gemeldet(tmp_path: Path) -> None:
    """A sheet holding the seed's printed Pauschalen subtotal 23.433,00 and a hand-typed Gesamtkosten."""
    r = raster()
    setze(r, "G21", 23433)
    setze(r, "G52", 150000)
    daten = importiere(schreibe_xlsx(tmp_path / "abw.xlsx", [("K", r)])).als_dict()
    assert daten["ergebnis"] == SEED_ERGEBNIS
    assert daten["abweichungen"] == [
        {
            "summe": "pauschalen",
            "bezeichnung": "Kalkulatorische Pauschalen zusammen",
            "zelle": "G21",
            "in_datei": "23433.00",
            "neu_berechnet": "23443.00",
            "differenz": "-10.00",
        },
        {
            "summe": "gesamtkosten_jahr",
            "bezeichnung": "Gesamtkosten im Jahr",
            "zelle": "G52",
            "in_datei": "150000.00",
            "neu_berechnet": "147702.58",
            "differenz": "2297.42",
        },
    ]


def test_ein_cent_ist_keine_abweichung(tmp_path: Path) -> None:
    r = raster()
    setze(r, "G52", 147702.58)  # typed rounded value: differs by 0.003 from the exact total
    setze(r, "G53", 12308.56)  # exactly one cent above the rounded value: 0.0119… → reported
    abw = importiere(schreibe_xlsx(tmp_path / "cent.xlsx", [("K", r)])).abweichungen
    assert [a.schluessel for a in abw] == ["gesamtkosten_monat"]


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("Stundensatz:", "stundensatz"),
        ("STUNDENLOHN", "stundenlohn"),
        ("Einmalbezüge", "einmalbezuege"),
        ("Arbeitgeberanteil in €", "arbeitgeberanteilineuro"),
        ("Berufsgenossenschaft ca.", "berufsgenossenschaft"),
    ],
)
def test_normalisierung(text: str, erwartet: str) -> None:
    assert normalisiere(text) == erwartet


# ---- bad input: one German line naming the file and the cell/label, exit code 2, nothing imported --------------
def _schlecht(pfad: Path, *erwartet: str) -> None:
    lauf = cli(str(pfad), "--json")
    assert lauf.returncode == 2
    assert lauf.stdout == ""
    zeilen = lauf.stderr.strip().splitlines()
    assert len(zeilen) == 1, lauf.stderr
    assert "Traceback" not in lauf.stderr
    assert pfad.name in zeilen[0]
    for teil in erwartet:
        assert teil in zeilen[0]


def test_beschaedigte_xlsx(tmp_path: Path) -> None:
    pfad = tmp_path / "kaputt.xlsx"
    pfad.write_bytes(FORSEA_2016.read_bytes()[:3000])
    _schlecht(pfad, "beschädigt")
    # the reader's own (English) reason stays in the log; the user reads German only
    lauf = cli(str(pfad))
    assert "Zip" not in lauf.stderr and "EOCD" not in lauf.stderr, lauf.stderr


def test_beschaedigte_xls(tmp_path: Path) -> None:
    pfad = tmp_path / "kaputt.xls"
    daten = bytearray(FORSEA_2011.read_bytes())
    daten[512:4096] = bytes(3584)  # the sector table and workbook stream start zeroed
    pfad.write_bytes(bytes(daten))
    _schlecht(pfad, "beschädigt")


def test_beschaedigte_ods(tmp_path: Path) -> None:
    pfad = tmp_path / "kaputt.ods"
    pfad.write_bytes(b"PK\x03\x04" + bytes(200))
    _schlecht(pfad, "beschädigt")


def test_kennwortgeschuetzte_xlsx() -> None:
    """Made by tests/data/kalkulation/erzeuge_geschuetzt.py (msoffcrypto-tool, password "geheim")."""
    _schlecht(GESCHUETZT, "Kennwort")


def test_stundenzettel_ist_keine_kalkulation(tmp_path: Path) -> None:
    _schlecht(schreibe_xlsx(tmp_path / "stundenzettel.xlsx", [("März", stundenzettel())]), "keine Kostenkalkulation")


@pytest.mark.parametrize(
    ("zelle", "text", "bezeichnung"),
    [
        ("C5", "dreizehn", "Stundensatz"),
        ("D17", "fünfzig", "Krankheit (kalk.)"),
        ("D28", "18,7 Prozent", "Rentenversicherung"),
        ("C42", "zehn", "Sonntag Arbeit II"),
    ],
)
def test_text_statt_zahl(tmp_path: Path, zelle: str, text: str, bezeichnung: str) -> None:
    r = setze(raster(), zelle, text)
    _schlecht(schreibe_xlsx(tmp_path / "text.xlsx", [("Kalkulation", r)]), f"Zelle {zelle}", bezeichnung, text)


def test_zahl_als_text_wird_gelesen(tmp_path: Path) -> None:
    r = setze(raster(), "C5", "13,79")
    assert importiere(schreibe_xlsx(tmp_path / "t.xlsx", [("K", r)])).parameter.stundensatz == Decimal("13.79")


def test_fehlende_datei_und_falsche_endung(tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler, match="gibt es nicht"):
        importiere(tmp_path / "fehlt.xlsx")
    (tmp_path / "k.csv").write_text("a;b")
    with pytest.raises(EingabeFehler, match="Endung"):
        importiere(tmp_path / "k.csv")
