"""The Verwendungsnachweis: its totals equal the payslips', switches per Zielvereinbarung, PDF/Excel, the export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from core.abrechnung import ablage
from core.budget import bewilligungen as dienst
from core.budget.bewilligung import BewilligungDaten, Posten
from core.budget.verwendungsnachweis import verwendungsnachweis
from core.dienstplan.modelle import SchichtZeile
from core.fehler import EingabeFehler
from core.io.verwendungsnachweis_pdf import verwendungsnachweis_pdf
from core.io.verwendungsnachweis_xlsx import verwendungsnachweis_xlsx
from core.persistence.datenbank import Datenbank
from tests.core.budget.hilfe import KOSTEN_EGH, KOSTEN_MONAT, KOSTEN_PK, haushalt, plane_monate, schliesse_ab
from tests.kommandozeile import rufe

D = Decimal
EGH = BewilligungDaten(
    "Eingliederungshilfe 2026", "Bezirk", (2026, 1), (2026, 12), D("400.00"), D("24"), leistungsarten=("EGH",)
)
PK = BewilligungDaten("Pflegekasse 2026", "AOK Pflegekasse", (2026, 3), (2026, 12), D("300.00"), leistungsarten=("PK",))


def _haushalt(tmp_path: Path) -> Datenbank:
    """March and April finalised (EGH/PK split as in hilfe.py); in May every shift is without Leistungsart, so with
    two Bewilligungen running it is charged to none (CONTRACTS §10) — and still on the payslip."""
    db = haushalt(tmp_path)
    dienst.speichere(db, EGH)
    dienst.speichere(db, PK)
    plane_monate(db, range(4, 6))
    with db.arbeitseinheit() as sitzung:
        sitzung.execute(update(SchichtZeile).where(SchichtZeile.tag >= date(2026, 5, 1)).values(leistungsart=None))
    schliesse_ab(db, 3, 4, 5)
    return db


def test_summen_gleich_den_entgeltbescheinigungen(tmp_path: Path) -> None:
    db = _haushalt(tmp_path)
    try:
        n = verwendungsnachweis(db, (2026, 1), (2026, 12))
        payslips = sum(
            (g.ergebnis.arbeitgeberkosten for m in (3, 4, 5) for g in ablage.lade_monat(db, 2026, m).ergebnisse), D(0)
        )
    finally:
        db.schliessen()
    egh, pk = n.bewilligungen
    assert egh.lohnkosten == 2 * D(KOSTEN_EGH) and pk.lohnkosten == 2 * D(KOSTEN_PK)
    nicht = sum((x.arbeitgeberkosten for x in n.nicht_zugeordnet), D(0))
    assert nicht == D(KOSTEN_MONAT)  # May: 618,95 € unassigned
    assert n.summe_belege == payslips == 3 * D(KOSTEN_MONAT) == egh.lohnkosten + pk.lohnkosten + nicht
    assert [b.monat for b in n.belege] == [(2026, 3), (2026, 4), (2026, 5)]
    assert n.offene_monate == tuple((2026, m) for m in range(6, 13))
    [person] = n.personen
    assert person.name == "Anna Muster" and person.sv_status[0].startswith("Minijob")
    assert [(a.leistungsart, a.stunden) for a in egh.anteile] == [("EGH", D("40.00"))]


def test_schalter_der_zielvereinbarung(tmp_path: Path) -> None:
    db = _haushalt(tmp_path)
    try:
        [egh, _pk] = dienst.liste(db)
        dienst.speichere(db, replace(egh, nachweis=frozenset({"stunden", "leistungsarten"})))
        nur_egh = verwendungsnachweis(db, (2026, 3), (2026, 5), bewilligung_id=egh.id)
        alles = verwendungsnachweis(db, (2026, 3), (2026, 5))
        with pytest.raises(EingabeFehler, match="läuft keine Bewilligung"):
            verwendungsnachweis(db, (2025, 1), (2025, 12))
    finally:
        db.schliessen()
    assert nur_egh.teile == {"stunden", "leistungsarten"} and len(nur_egh.bewilligungen) == 1
    assert not nur_egh.zeigt("personen") and alles.zeigt("personen")  # PK asks for everything


def test_pdf_und_excel(tmp_path: Path) -> None:
    db = _haushalt(tmp_path)
    try:
        [egh, _pk] = dienst.liste(db)
        dienst.speichere_posten(db, Posten(egh.id or 0, date(2026, 3, 31), "lohnabrechnung", D("45.00"), "", "R-1"))
        n = verwendungsnachweis(db, (2026, 1), (2026, 12))
    finally:
        db.schliessen()
    verwendungsnachweis_pdf(n, tmp_path / "vn.pdf", gedruckt_am=date(2026, 12, 3))
    assert (tmp_path / "vn.pdf").read_bytes().startswith(b"%PDF")
    verwendungsnachweis_xlsx(n, tmp_path / "vn.xlsx", gedruckt_am=date(2026, 12, 3))
    blatt = load_workbook(tmp_path / "vn.xlsx").active
    werte = [[c.value for c in zeile] for zeile in blatt.iter_rows()]
    summe_belege = next(z for i, z in enumerate(werte) if z[0] == "Summe" and werte[i - 1][3] in ("Original",))
    assert summe_belege[6] == 1856.85  # 3 × 618,95 €, a number in Excel
    assert [z[1] for z in werte if z[0] == "Verwendet"] == [
        732.72,
        550.18,
    ]  # EGH 2 × 343,86 + 45 = 732,72; PK 2 × 275,09


def test_export_von_der_kommandozeile(tmp_path: Path) -> None:
    _haushalt(tmp_path).schliessen()
    aufruf = [
        "export",
        "verwendungsnachweis",
        "--db",
        str(tmp_path / "haushalt.sqlite"),
    ]
    gut = rufe(*aufruf, "--von", "2026-01", "--bis", "2026-12", "--ausgabe", str(tmp_path / "v.xlsx"))
    assert gut.returncode == 0, gut.stderr
    assert "Verwendungsnachweis 01/2026 bis 12/2026" in gut.stdout and (tmp_path / "v.xlsx").is_file()
    ohne = rufe(*aufruf, "--monat", "2026-03", "--ausgabe", str(tmp_path / "w.pdf"))
    assert ohne.returncode == 2 and "--von JJJJ-MM --bis JJJJ-MM" in ohne.stderr and "Traceback" not in ohne.stderr
