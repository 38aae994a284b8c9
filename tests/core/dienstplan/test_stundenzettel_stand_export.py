"""Stundenzettel PDF and Excel of a running month (issue 13, finding 9), with a fixed "today" (02.12.2026).

Sabine works 07:00–14:00 (7 h) on 1–5 December; the 3rd for the Pflegekasse, the other days for the
Eingliederungshilfe. On the 2nd: worked 14 h (1st, 2nd), still planned 21 h (3rd–5th); by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.dienstplan import dienst
from core.dienstplan.stundenzettel import Stundenzettel
from core.io.dienstplan_pdf import stundenzettel_pdf
from core.io.dienstplan_xlsx import stundenzettel_xlsx
from tests.core.dienstplan.conftest import Haushalt
from tests.core.dienstplan.hilfe import sch
from tests.pdf import pdf_seiten, pdf_text

HEUTE = date(2026, 12, 2)
EGH = "EGH – Assistenzleistungen zur sozialen Teilhabe (Eingliederungshilfe) (Träger der Eingliederungshilfe)"
PK = "PK – Leistungen der Pflegeversicherung (Pflegekasse)"


@pytest.fixture
def zettel(haushalt: Haushalt) -> Stundenzettel:
    for tag in range(1, 6):
        schicht = sch(haushalt.sabine, f"2026-12-{tag:02d} 07:00", f"2026-12-{tag:02d} 14:00")
        dienst.plane(haushalt.db, schicht.mit(leistungsart="PK" if tag == 3 else "EGH"))
    (z,) = dienst.stundenzettel_fuer(haushalt.db, 2026, 12, haushalt.sabine, heute=HEUTE)
    return z


def test_pdf_trennt_gearbeitet_und_geplant(zettel: Stundenzettel, tmp_path: Path) -> None:
    ziel = tmp_path / "s.pdf"
    stundenzettel_pdf([zettel], ziel, gedruckt_am=HEUTE)
    text = " ".join(pdf_text(ziel).split())
    assert "Vorläufig, Stand 02.12.2026: gearbeitet bis heute 14,00 Stunden, noch geplant 21,00 Stunden" in text
    assert "Summe der bezahlten Stunden bis 02.12.2026" in text
    assert "noch nicht gearbeitet" in text and "wie geplant" in text
    assert "Stunden nach Leistungsart (Kostenträger)" in text
    assert f"{PK} 0,00 7,00" in text
    assert "(Träger der Eingliederungshilfe) 14,00 14,00" in text
    assert len(pdf_seiten(ziel)) == 1  # still one sheet of paper per person


def test_excel_trennt_gearbeitet_und_geplant(zettel: Stundenzettel, tmp_path: Path) -> None:
    ziel = tmp_path / "s.xlsx"
    stundenzettel_xlsx([zettel], ziel, gedruckt_am=HEUTE)
    blatt = load_workbook(ziel).active
    assert str(blatt["A4"].value).startswith("Vorläufig, Stand 02.12.2026: gearbeitet bis heute 14,00 Stunden")
    # wrapped over the table's width, not running past it (printed one page wide, that shrank the whole sheet)
    assert "A4:K4" in {str(r) for r in blatt.merged_cells.ranges} and blatt["A4"].alignment.wrap_text
    zeilen = list(blatt.iter_rows(values_only=True))
    summe = next(r for r in zeilen if r[0] == "Summe der bezahlten Stunden bis 02.12.2026")
    assert Decimal(str(summe[8])) == Decimal(14)
    drei = next(r for r in zeilen if r[0] == "03.12.")
    assert drei[1] == "07:00–14:00" and drei[2] is None and drei[10] == "noch nicht gearbeitet"
    arten = {r[0]: (r[8], r[9]) for r in zeilen if r[0] in (EGH, PK)}
    assert {k: (Decimal(str(a)), Decimal(str(b))) for k, (a, b) in arten.items()} == {
        EGH: (Decimal(14), Decimal(14)),  # 1st, 2nd worked; 4th, 5th planned
        PK: (Decimal(0), Decimal(7)),
    }
