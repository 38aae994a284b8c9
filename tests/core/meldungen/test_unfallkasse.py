"""The Unfallkasse's year figures: hours, pay and the contribution set aside per assistant outside the
Haushaltsscheck, from the stored results (the two-Kassen household, March 2026, UV 1 % of pay)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from core.abrechnung import ablage, lauf
from core.cli import main
from core.meldungen.unfallkasse import unfallkasse_jahr
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from tests.core.io.belege_hilfe import SZENARIEN, pdf_text
from tests.core.szenario_vorlage import lade_kopie


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    pfad = tmp_path_factory.mktemp("uv") / "h.sqlite"
    lade_kopie(SZENARIEN / "meldungen_zwei_kassen.json", pfad)
    offen = start.oeffne(pfad)
    try:
        lauf.schliesse_ab(offen, 2026, 3)
        yield offen
    finally:
        offen.schliessen()


def test_jahresangaben(db: Datenbank, tmp_path: Path) -> None:
    """Sabine: 176 h, 2.728,00 €, UV 1 % = 27,28 € (as on her payslip)."""
    u = unfallkasse_jahr(db, 2026)
    sabine = u.personen[0]
    assert (sabine.stunden, sabine.arbeitsentgelt, sabine.beitrag) == (
        Decimal("176.00"),
        Decimal("2728.00"),
        Decimal("27.28"),
    )
    ergebnisse = [g.ergebnis for g in ablage.lade_monat(db, 2026, 3).ergebnisse]
    assert u.summe("arbeitsentgelt") == sum((e.brutto for e in ergebnisse), Decimal(0))
    assert u.summe("beitrag") == sum((e.unfallversicherung for e in ergebnisse), Decimal(0))
    ziel = tmp_path / "uv.pdf"
    assert main(["export", "unfallkasse", "--db", str(db.pfad), "--jahr", "2026", "--ausgabe", str(ziel)]) == 0
    assert "Unfallkasse: Angaben für 2026" in pdf_text(ziel)[0]
