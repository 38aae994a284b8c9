"""The demo household (CONTRACTS §5) can be paid: its current month computes, whatever day it was created on.

Its Krankenkasse BARMER carries rates for the years around "today" (core.demo: 3,29 % Zusatzbeitrag, U1 2,5 % with
65 % refund, U2 0,39 %); they are marked as Beispielwert, and the payroll says so in a warning.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.abrechnung import lauf
from core.demo import demo_kassenjahr
from core.persistence.datenbank import Datenbank
from core.stammdaten.krankenkassen import BEISPIELWERT, BITTE_PRUEFEN, liste_krankenkassen
from tests.core.demo_vorlage import demo_haushalt


def _naechster(tag: date) -> tuple[int, int]:
    return (tag.year + tag.month // 12, tag.month % 12 + 1)


@pytest.mark.parametrize(
    ("heute", "monate"),
    [
        pytest.param(date.today(), [(date.today().year, date.today().month)], id="heute"),
        pytest.param(date(2025, 12, 31), [(2025, 12), (2026, 1)], id="Silvester 2025: Dezember und Januar"),
        pytest.param(date(2026, 7, 15), [(2026, 7), (2026, 8)], id="Juli 2026"),
    ],
)
def test_demo_monat_wird_abgerechnet(heute: date, monate: list[tuple[int, int]], tmp_path: Path) -> None:
    demo = demo_haushalt(tmp_path / "demo.sqlite", heute=heute)
    with Datenbank.oeffnen(demo.pfad) as db:
        for jahr, monat in monate:
            abrechnung = lauf.abrechnung(db, jahr, monat)
            assert len(abrechnung.zeilen) == 4
            for zeile in abrechnung.zeilen:
                assert zeile.ergebnis is not None, zeile.fehler
                assert zeile.ergebnis.brutto > 0
                codes = {h.code for h in zeile.hinweise}
                if zeile.ergebnis.einzugsstelle == "BARMER":
                    assert lauf.KASSE_BEISPIELWERT in codes
                    # Zusatzbeitrag 3,29 %: the employee's half of the Zusatzbeitrag is 1,645 % of the KV pay
                    kv = zeile.ergebnis
                    if not kv.uebergangsbereich:
                        assert kv.kv_zusatzbeitrag_an == (kv.kv_entgelt * Decimal("0.01645")).quantize(Decimal("0.01"))
        kasse = next(k for k in liste_krankenkassen(db) if k.name == "BARMER")
        for jahr in {heute.year, _naechster(heute)[0]}:
            kassenjahr = kasse.jahr(jahr)
            assert kassenjahr is not None and BEISPIELWERT in kassenjahr.quelle
    assert "Beispielwert" in demo.zusammenfassung


def test_jahr_ausserhalb_der_tabelle_wird_uebernommen_und_ist_zu_pruefen() -> None:
    """A year the demo knows no rates for gets the nearest known year's, marked „bitte prüfen“ (Jahreswechsel)."""
    bekannt, spaeter = demo_kassenjahr(2026), demo_kassenjahr(2027)
    assert BITTE_PRUEFEN not in bekannt.quelle and BEISPIELWERT in bekannt.quelle
    assert BITTE_PRUEFEN in spaeter.quelle and "aus 2026 übernommen" in spaeter.quelle
    assert spaeter.zusatzbeitrag_prozent == bekannt.zusatzbeitrag_prozent == Decimal("3.29")
    gewaehlt = spaeter.gewaehlte_u1_stufe
    assert gewaehlt is not None and (gewaehlt.umlage_prozent, gewaehlt.erstattung_prozent) == (Decimal("2.5"), 65)


def test_demo_november_2026_brutto_von_hand(tmp_path: Path) -> None:
    """The demo's pay follows the hours of its plan, breaks taken out (§ 4 ArbZG; hours in test_demo, by hand).

    Sabine 147,5 h × 16,50 € = 2.433,75 €; Jörg 146,5 h × 16,50 € = 2.417,25 € (weekdays only, no holiday in BW).
    Ulrike 62,5 h × 15 € = 937,50 € + Allerheiligen (Sunday 01.11., a holiday: only the 50 %) 6,5 h × 15 € × 50 %
    = 48,75 € + the other Sundays 08. late 7,5, 15. early 6,5, 22. late 7,5, 29. early 6,5 = 28 h × 15 € × 25 %
    = 105,00 € → 1.091,25 €. Rudolf 63,5 h × 15 € = 952,50 € + 01.11. late 7,5 h × 7,50 € = 56,25 € + Sundays
    08. early 6,5, 15. late 7,5, 22. early 6,5, 29. late 7,5 = 28 h → 105,00 € → 1.113,75 €.
    """
    demo = demo_haushalt(tmp_path / "demo.sqlite", heute=date(2026, 11, 23))
    erwartet = {
        demo.sabine: Decimal("2433.75"),
        demo.joerg: Decimal("2417.25"),
        demo.ulrike: Decimal("1091.25"),
        demo.rudolf: Decimal("1113.75"),
    }
    with Datenbank.oeffnen(demo.pfad) as db:
        abrechnung = lauf.abrechnung(db, 2026, 11)
        brutto = {z.assistenzkraft_id: z.ergebnis.brutto for z in abrechnung.zeilen if z.ergebnis is not None}
    assert brutto == erwartet
