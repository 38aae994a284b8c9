"""Dienstplan and Stundenzettel exports (PDF, Excel) and the CLI of CONTRACTS §6, on the seed's January plan."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main
from core.dienstplan import dienst
from core.io.dienstplan_pdf import dienstplan_pdf, stundenzettel_pdf
from core.io.dienstplan_xlsx import dienstplan_xlsx, stundenzettel_xlsx
from core.persistence.datenbank import Datenbank
from tests.core.dienstplan.conftest import Haushalt, geoeffnete_kopie, januar_vorlage
from tests.pdf import pdf_seiten, pdf_text

SEED = Path(__file__).resolve().parents[2] / "data" / "dienstplan_seed004_januar.csv"
GEDRUCKT = date(2015, 1, 2)


def _seed() -> list[dict[str, str]]:
    with SEED.open(encoding="utf-8") as datei:
        return list(csv.DictReader((z for z in datei if not z.startswith("#")), delimiter=";"))


def _pdf_text(pfad: Path) -> str:
    return pdf_text(pfad)


@pytest.fixture
def januar(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Haushalt]:
    """A copy of the household with the seed's January planned (planned once per test process)."""
    with geoeffnete_kopie(januar_vorlage(tmp_path_factory), tmp_path / "haushalt.sqlite") as h:
        yield h


def test_dienstplan_excel_wie_die_tabelle_im_seed(januar: Haushalt, tmp_path: Path) -> None:
    ziel = tmp_path / "dienstplan.xlsx"
    dienstplan_xlsx(dienst.monat_oeffnen(januar.db, 2015, 1, pruefen=False), ziel, gedruckt_am=GEDRUCKT)
    blatt = load_workbook(ziel).active
    assert blatt is not None
    assert blatt["A1"].value == "Dienstplan Januar 2015"
    assert [blatt.cell(row=4, column=s).value for s in range(1, 5)] == [
        "Tag",
        "1. Schicht: Frühdienst\n07:00–14:00",
        "2. Schicht: Spätdienst\n14:00–22:00",
        "Bemerkungen",
    ]
    zeilen = [[blatt.cell(row=r, column=s).value or "" for s in range(1, 5)] for r in range(5, 36)]
    assert [[z[0], z[1], z[2]] for z in zeilen] == [
        [f"{s['wochentag']} {s['tag']}.", s["schicht1"], s["schicht2"]] for s in _seed()
    ]
    assert zeilen[0][3] == "Neujahr" and zeilen[5][3] == "Heilige Drei Könige" and zeilen[7][3] == "Jörg Url."
    assert blatt.cell(row=7, column=1).font.bold  # SA 3.
    assert blatt.cell(row=7, column=1).fill.fgColor.rgb.endswith("F0F0F0")
    assert blatt.page_setup.orientation == "landscape"
    unten = [blatt.cell(row=r, column=1).value for r in range(37, 43)]
    assert "gedruckt am 02.01.2015 · Assistenzbüro" in unten
    assert any(str(t).startswith("Abkürzungen: Url. = Urlaub") for t in unten)


def test_dienstplan_pdf_quer_mit_legende(januar: Haushalt, tmp_path: Path) -> None:
    ziel = tmp_path / "dienstplan.pdf"
    dienstplan_pdf(dienst.monat_oeffnen(januar.db, 2015, 1, pruefen=False), ziel, gedruckt_am=GEDRUCKT)
    assert pdf_seiten(ziel) == [(842, 595)]  # A4 landscape (841.89 × 595.28 pt), one page
    text = _pdf_text(ziel)
    for erwartet in (
        "Dienstplan Januar 2015",
        "Arbeitgeberin: Maria Muster",
        "1. Schicht: Frühdienst",
        "(Jörg Url.) Sabine",
        "(Sabine Url.) Jörg",
        "Heilige Drei Könige",
        "Url. = Urlaub",
        "gedruckt am 02.01.2015",
    ):
        assert erwartet in text, erwartet


def _seed_stunden(name: str) -> Decimal:
    """Hours per the seed's table (early 7 h, late 8 h): what the timesheet must sum up to."""
    summe = Decimal(0)
    for zeile in _seed():
        for feld, stunden in (("schicht1", 7), ("schicht2", 8)):
            if zeile[feld].split(")")[-1].strip() == name:
                summe += stunden
    return summe


def test_stundenzettel_excel_summen_aus_der_seed_tabelle(januar: Haushalt, tmp_path: Path) -> None:
    ziel = tmp_path / "stundenzettel.xlsx"
    stundenzettel_xlsx(dienst.stundenzettel_fuer(januar.db, 2015, 1), ziel, gedruckt_am=GEDRUCKT)
    mappe = load_workbook(ziel)
    assert mappe.sheetnames == ["Jörg Keller", "Rudolf Winter", "Sabine Berger", "Ulrike Sommer"]
    for name, blatt_name in (("Sabine", "Sabine Berger"), ("Jörg", "Jörg Keller"), ("Ulrike", "Ulrike Sommer")):
        blatt = mappe[blatt_name]
        summe = next(
            blatt.cell(row=r, column=9).value
            for r in range(5, 60)
            if blatt.cell(row=r, column=1).value == "Summe der bezahlten Stunden"
        )
        assert Decimal(str(summe)) == _seed_stunden(name), name
    sabine = mappe["Sabine Berger"]
    assert sabine["A1"].value == "Stundenzettel für den Monat Januar 2015"
    assert [c.value for c in sabine[5]][:5] == ["Datum", "geplant", "Zeit 1\nvon", "Zeit 1\nbis Uhr", "Zeit 1\nStunden"]
    acht = next(r for r in sabine.iter_rows(min_row=6, values_only=True) if r[0] == "08.01.")
    assert acht[1:5] == ("07:00–22:00", "07:00", "22:00", Decimal(15).quantize(Decimal("1")))  # covers Jörg
    joerg = next(r for r in mappe["Jörg Keller"].iter_rows(min_row=6, values_only=True) if r[0] == "08.01.")
    assert joerg[1] == "07:00–14:00" and joerg[2] is None and joerg[10] == "Urlaub"


def test_stundenzettel_pdf(januar: Haushalt, tmp_path: Path) -> None:
    ziel = tmp_path / "stundenzettel.pdf"
    stundenzettel_pdf(dienst.stundenzettel_fuer(januar.db, 2015, 1, januar.sabine), ziel, gedruckt_am=GEDRUCKT)
    text = _pdf_text(ziel)
    assert "Stundenzettel für den" in text and "Monat Januar 2015" in text
    assert "Sabine Berger" in text and "Maria Muster" in text
    assert "Summe der bezahlten Stunden" in text and f"{_seed_stunden('Sabine'):.2f}".replace(".", ",") in text


def test_istzeit_im_stundenzettel(januar: Haushalt, tmp_path: Path) -> None:
    from core.dienstplan.schicht import Istzeit
    from tests.core.dienstplan.hilfe import zp

    plan = dienst.monat_oeffnen(januar.db, 2015, 1, pruefen=False)
    schicht = next(s for s in plan.schichten if s.tag.day == 2 and s.assistenzkraft_id == januar.sabine)
    dienst.erfasse_istzeit(januar.db, schicht.id or 0, Istzeit(zp("2015-01-02 07:00"), zp("2015-01-02 14:45")))
    ziel = tmp_path / "s.xlsx"
    stundenzettel_xlsx(dienst.stundenzettel_fuer(januar.db, 2015, 1, januar.sabine), ziel, gedruckt_am=GEDRUCKT)
    zeile = next(r for r in load_workbook(ziel).active.iter_rows(min_row=6, values_only=True) if r[0] == "02.01.")
    assert zeile[1:5] == ("07:00–14:00", "07:00", "14:45", Decimal("7.75"))
    assert zeile[10] is None  # no "wie geplant": the actual time is recorded


# --- CLI (CONTRACTS §6) ------------------------------------------------------------------------------------------


def _cli(*argumente: str) -> int:
    return main(list(argumente))


def test_cli_export_beide_arten_beide_formate(
    januar: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pfad = januar.db.pfad
    # The program keeps the file open (januar.db holds the writer lock): a payroll office exports anyway.
    for art in ("dienstplan", "stundenzettel"):
        for endung in ("pdf", "xlsx"):
            ziel = tmp_path / f"{art}.{endung}"
            assert _cli("export", art, "--db", str(pfad), "--monat", "2015-01", "--ausgabe", str(ziel)) == 0
            assert ziel.stat().st_size > 1000
    assert (
        _cli(
            "--db",
            str(pfad),
            "export",
            "stundenzettel",
            "--monat",
            "2015-01",
            "--ausgabe",
            str(tmp_path / "j.xlsx"),
            "--assistenzkraft",
            "Jörg Keller",
        )
        == 0
    )
    assert load_workbook(tmp_path / "j.xlsx").sheetnames == ["Jörg Keller"]
    ausgabe = capsys.readouterr().out
    assert "Dienstplan Januar 2015 mit 62 Schichten geschrieben" in ausgabe


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        pytest.param(("--monat", "2015-13"), "„2015-13“ ist kein Monat", id="Monat 13"),
        pytest.param(("--monat", "Januar"), "Bitte als JJJJ-MM angeben", id="Monat als Wort"),
        pytest.param(("--monat", "2015-01", "--endung", ".docx"), "keine bekannte Endung", id="falsche Endung"),
        pytest.param(
            ("--monat", "2015-01", "--assistenzkraft", "Sabine"),
            "gilt nur für Stundenzettel",
            id="Assistenzkraft beim Dienstplan",
        ),
        pytest.param(("--monat", "2015-01", "--db", "fehlt.sqlite"), "gibt es nicht", id="Datenbank fehlt"),
    ],
)
def test_cli_export_fehler_eine_deutsche_zeile(
    januar: Haushalt, tmp_path: Path, capsys: pytest.CaptureFixture[str], argumente: tuple[str, ...], meldung: str
) -> None:
    pfad = januar.db.pfad
    januar.db.schliessen()
    try:
        args = list(argumente)
        endung = ".pdf"
        if "--endung" in args:
            endung = args.pop(args.index("--endung") + 1)
            args.remove("--endung")
        db = str(pfad)
        if "--db" in args:
            db = str(tmp_path / args.pop(args.index("--db") + 1))
            args.remove("--db")
        code = _cli("export", "dienstplan", "--db", db, "--ausgabe", str(tmp_path / f"x{endung}"), *args)
        fehler = capsys.readouterr().err
        assert code == 2
        assert meldung in fehler and len(fehler.strip().splitlines()) == 1 and "Traceback" not in fehler
    finally:
        januar.db = Datenbank.oeffnen(pfad)


def test_cli_export_einer_datei_ohne_geoeffneten_dienstplan(tmp_path: Path) -> None:
    """A household file whose Dienstplan was never opened exports read-only (the defaults exist from the start)."""
    from core.stammdaten.start import oeffne

    pfad = tmp_path / "neu.sqlite"
    oeffne(pfad).schliessen()
    ziel = tmp_path / "leer.pdf"
    assert _cli("export", "dienstplan", "--db", str(pfad), "--monat", "2026-03", "--ausgabe", str(ziel)) == 0
    assert "März 2026" in _pdf_text(ziel)


def test_stundenzettel_excel_summe_kaufmaennisch_gerundet_wie_der_text(tmp_path: Path) -> None:
    """15 min Bereitschaft × 50 % = 0,125 Std.: the sum cell is rounded half up, as the text beside it and the PDF
    say ("2,13"), not to the even cent (2,12)."""
    from core.dienstplan.stundenzettel import Stundenzettel, Stundenzettelzeile
    from core.dienstplan.tage import tagesinfo

    zeile = Stundenzettelzeile(
        info=tagesinfo("BE", date(2026, 3, 2)),
        plan=(),
        ist=(),
        ist_erfasst=False,
        abwesenheit=None,
        bezahlt=Decimal("2.125"),
    )
    zettel = Stundenzettel(1, "Sabine Berger", "Maria Muster", 2026, 3, Decimal(50), (zeile,))
    ziel = tmp_path / "s.xlsx"
    stundenzettel_xlsx([zettel], ziel, gedruckt_am=GEDRUCKT)
    blatt = load_workbook(ziel).active
    summe = next(r for r in blatt.iter_rows(values_only=True) if r[0] == "Summe der bezahlten Stunden")
    assert Decimal(str(summe[8])) == Decimal("2.13")
    assert summe[10] == "2,13"
