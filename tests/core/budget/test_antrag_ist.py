"""Antrag vs Ist and the Kalkulation's sickness allowance (reserve); hand-worked values in the comments."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.budget import kalkulation_dienst
from core.budget.antrag_ist import antrag_vs_ist
from core.budget.dienst import reserve_aus
from core.budget.kalkulation import KalkulationsParameter
from core.budget.kalkulation_dienst import KalkulationsVersion
from core.budget.modelle import Kalkulation
from tests.core.budget.hilfe import haushalt, schliesse_ab

D = Decimal


def test_antrag_neben_dem_ist_zeile_fuer_zeile(tmp_path: Path) -> None:
    """Antrag: 15 €/h × 1 h × 360 Tage = 5.400 € Bruttoverdienst = Gesamtkosten; 360 Std.
    Ist (März abgeschlossen): Grundvergütung 540 €, Arbeitgeberabgaben 78,95 €, Gesamt 618,95 €; 36 Std.
    Hochgerechnet × 12: 7.427,40 €, Abweichung 2.027,40 € = 37,544… → 37,54 %; Stunden 432."""
    db = haushalt(tmp_path)
    try:
        p = KalkulationsParameter(stundensatz=D(15), tage=D(360), arbeit1_stunden=D(1))
        kalkulation_dienst.speichere(db, KalkulationsVersion("Antrag 2026", date(2026, 1, 1), p))
        schliesse_ab(db, 3)
        v = antrag_vs_ist(db, "Antrag 2026", 2026)
    finally:
        db.schliessen()
    zeile = {z.schluessel: z for z in v.zeilen}
    assert v.monate == 1
    assert (zeile["stunden"].antrag, zeile["stunden"].ist, zeile["stunden"].hochgerechnet) == (D(360), D(36), D(432))
    assert (zeile["bruttoverdienst"].antrag, zeile["bruttoverdienst"].ist) == (D("5400.00"), D("540.00"))
    assert zeile["arbeitgeberanteil"].ist == D("78.95")
    gesamt = zeile["gesamtkosten_jahr"]
    assert (gesamt.ist, gesamt.hochgerechnet, gesamt.abweichung, gesamt.prozent) == (
        D("618.95"),
        D("7427.40"),
        D("2027.40"),
        D("37.54"),
    )


def test_reserve_aus_der_kalkulation() -> None:
    """Krankheit 20 Tage × 15 € = 300 €; AG-Anteil 14,6 % / 2 = 7,3 % darauf → 321,90 €; Erstattung 50 % der
    Krankheitskosten = 150 € → 171,90 € Krankheitskosten im Jahr (ForseA-Blatt, seed 004 1.6.2)."""
    p = KalkulationsParameter(
        stundensatz=D(15),
        tage=D(360),
        arbeit1_stunden=D(1),
        krankheit_tage=D(20),
        kv_prozent=D("14.6"),
        erstattung_prozent=D(50),
    )
    zeile = Kalkulation(name="Antrag", stand=date(2026, 1, 1), parameter=json.dumps(p.als_dict()))
    reserve = reserve_aus(zeile)
    assert reserve.kalkulation == "Antrag" and reserve.krankheit_jahr == D("171.90")
