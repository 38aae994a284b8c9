"""`assistenzbuero export entgeltbescheinigung|lohnjournal|lohnkonto|zahlungen` (CONTRACTS §6/§7) on a household
loaded from a scenario (§8) and finalised (§7): the documents read the stored results; a draft month is marked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from core.abrechnung import ablage
from core.cli import main
from core.domain.geld import format_eur
from core.io import belege_export
from core.stammdaten.start import oeffne_zum_lesen
from tests.core.io.belege_hilfe import SZENARIEN, norm, pdf_text

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"}


def _haushalt(tmp_path: Path, name: str, *, ibans: bool = True, abschliessen: bool = True) -> Path:
    """A new database with the scenario loaded (§8) and March 2026 finalised (§7); exports only read it."""
    daten: dict[str, Any] = json.loads((SZENARIEN / f"{name}.json").read_text(encoding="utf-8"))
    if ibans:
        daten["arbeitgeber"].update({"name": "Anna Beispiel", "iban": "DE02120300000000202051"})
        for kraft in daten["assistenzkraefte"]:
            kraft.setdefault("name", f"Ольга {kraft['id'].capitalize()}")
            kraft["iban"] = "DE02500105170137075030"
    datei = tmp_path / f"{name}.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    db = tmp_path / "haushalt.sqlite"
    assert main(["szenario", "laden", str(datei), "--db", str(db)]) == 0
    if abschliessen:
        assert main(["abrechnung", "abschliessen", "--db", str(db), "--monat", "2026-03"]) == 0
    return db


@pytest.fixture(scope="module")
def haushalt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Carla (SV-pflichtig, night and Sunday surcharges), March 2026 finalised, accounts known; April still open."""
    return _haushalt(tmp_path_factory.mktemp("haushalt"), "sv_pflichtig_nacht_sonntag")


@pytest.fixture(scope="module")
def ohne_konten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _haushalt(tmp_path_factory.mktemp("ohne_konten"), "sv_pflichtig_nacht_sonntag", ibans=False)


def _export(db: Path, art: str, ziel: Path, *zusatz: str) -> int:
    return main(["export", art, "--db", str(db), *zusatz, "--ausgabe", str(ziel)])


def test_entgeltbescheinigung_aus_dem_abgeschlossenen_monat(
    haushalt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = haushalt
    ziel = tmp_path / "eb.pdf"
    assert _export(db, "entgeltbescheinigung", ziel, "--monat", "2026-03") == 0
    assert "1 Entgeltbescheinigungen März 2026 (Ольга Carla) geschrieben" in capsys.readouterr().out
    with oeffne_zum_lesen(db) as offen:
        (gespeichert,) = ablage.lade_monat(offen, 2026, 3).ergebnisse
    (text,) = pdf_text(ziel)
    assert text.count("Entgeltbescheinigung März 2026") >= 1 and "ENTWURF" not in text
    assert norm(format_eur(gespeichert.ergebnis.auszahlung)) in text  # the stored payout, unchanged
    assert "Personalnummer carla" in text


def test_entwurf_wenn_der_monat_offen_ist(haushalt: Path, tmp_path: Path) -> None:
    ziel = tmp_path / "eb.pdf"
    assert _export(haushalt, "entgeltbescheinigung", ziel, "--monat", "2026-04") == 0
    assert "ENTWURF – Entgeltbescheinigung April 2026" in pdf_text(ziel)[0]


def test_lohnjournal_pdf_und_excel(haushalt: Path, tmp_path: Path) -> None:
    db = haushalt
    assert _export(db, "lohnjournal", tmp_path / "j.pdf", "--monat", "2026-03") == 0
    assert "Lohnjournal März 2026" in pdf_text(tmp_path / "j.pdf")[0]
    assert _export(db, "lohnjournal", tmp_path / "j.xlsx", "--monat", "2026-03") == 0
    assert load_workbook(tmp_path / "j.xlsx").sheetnames == ["März 2026", "Januar bis März 2026"]


def test_lohnkonto_mit_jahr(haushalt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = haushalt
    assert _export(db, "lohnkonto", tmp_path / "k.xlsx", "--jahr", "2026") == 0
    assert "Lohnkonten 2026" in capsys.readouterr().out
    blatt = load_workbook(tmp_path / "k.xlsx").worksheets[0]
    assert str(blatt["A1"].value).startswith("Lohnkonto 2026 – ")
    assert _export(db, "lohnkonto", tmp_path / "k.pdf", "--jahr", "2026", "--assistenzkraft", "Carla") == 0
    assert "Lohnkonto nach § 41 EStG und § 4 LStDV" in pdf_text(tmp_path / "k.pdf")[0]


def test_zahlungen_als_sepa_datei(haushalt: Path, tmp_path: Path) -> None:
    db = haushalt
    ziel = tmp_path / "lohn.xml"
    assert _export(db, "zahlungen", ziel, "--monat", "2026-03") == 0
    wurzel = ElementTree.fromstring(ziel.read_bytes())
    with oeffne_zum_lesen(db) as offen:
        (gespeichert,) = ablage.lade_monat(offen, 2026, 3).ergebnisse
    assert (
        wurzel.findtext(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", namespaces=NS) == f"{gespeichert.ergebnis.auszahlung:.2f}"
    )
    assert wurzel.findtext(".//p:RmtInf/p:Ustrd", namespaces=NS) == "Lohn/Gehalt 03/2026"
    assert _export(db, "zahlungen", tmp_path / "liste.pdf", "--monat", "2026-03") == 0
    assert "Zahlungsliste Lohn/Gehalt März 2026" in pdf_text(tmp_path / "liste.pdf")[0]


@pytest.mark.parametrize(
    ("art", "argumente", "meldung"),
    [
        ("zahlungen", ("--monat", "2026-03"), "IBAN von"),  # the scenario without accounts: names the person
        ("entgeltbescheinigung", ("--monat", "2026-03", "--endung", ".xlsx"), "Bitte .pdf verwenden"),
        ("lohnkonto", (), "bitte das Jahr angeben"),
        ("lohnjournal", ("--jahr", "2026"), "für lohnjournal bitte --monat JJJJ-MM"),
        ("lohnjournal", ("--monat", "2026-03", "--assistenzkraft", "Carla"), "gilt nicht für das Lohnjournal"),
        ("lohnjournal", ("--monat", "2026-03", "--endung", ".xml"), "Bitte .pdf oder .xlsx verwenden"),
        ("zahlungen", ("--monat", "2026-04", "--endung", ".xml"), "noch nicht abgeschlossen"),
    ],
    ids=[
        "ohne-iban",
        "falsche-endung",
        "lohnkonto-ohne-jahr",
        "jahr-beim-journal",
        "person-beim-journal",
        "xml-journal",
        "sepa-entwurf",
    ],
)
def test_fehler_eine_deutsche_zeile_und_keine_datei(
    haushalt: Path,
    ohne_konten: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    art: str,
    argumente: tuple[str, ...],
    meldung: str,
) -> None:
    db = ohne_konten if meldung == "IBAN von" else haushalt
    args = list(argumente)
    endung = ".xml" if art == "zahlungen" else ".pdf"
    if "--endung" in args:
        endung = args.pop(args.index("--endung") + 1)
        args.remove("--endung")
    ziel = tmp_path / f"ausgabe{endung}"
    capsys.readouterr()
    assert _export(db, art, ziel, *args) == 2
    fehler = capsys.readouterr().err.strip()
    assert meldung in fehler and "\n" not in fehler
    assert not ziel.exists()


def test_fortschritt_fuer_die_oberflaeche(haushalt: Path, tmp_path: Path) -> None:
    schritte: list[tuple[int, int]] = []
    with oeffne_zum_lesen(haushalt) as offen:
        belege_export.entgeltbescheinigungen_exportieren(
            offen, 2026, 3, tmp_path / "eb.pdf", fortschritt=lambda a, b: schritte.append((a, b))
        )
    assert schritte == [(1, 1)]
