"""Scenario builders for the payroll tests: one assistant's §3 dict, read into a `Monatseingabe`."""

from __future__ import annotations

from typing import Any

from core.abrechnung.modell import Monatseingabe
from core.abrechnung.szenario import lies_szenario

KASSE = {"K": {"zusatzbeitrag": "2.9", "u1_satz": "2.1", "u2_satz": "0.40"}}


def szenario(kraft: dict[str, Any], *, land: str = "BW", monat: int = 3, jahr: int = 2026) -> dict[str, Any]:
    """A scenario file's content with one assistant (born 1990, Kasse "K" 2.9 % / U1 2.1 % / U2 0.40 %)."""
    basis = {"id": "x", "geburtsdatum": "1990-01-01", "krankenkasse": "K", "elterneigenschaft": True}
    basis.update(kraft)
    return {
        "jahr": jahr,
        "monat": monat,
        "arbeitgeber": {"bundesland": land},
        "krankenkassen": KASSE,
        "assistenzkraefte": [basis],
    }


def eingabe(*, land: str = "BW", monat: int = 3, jahr: int = 2026, **kraft: Any) -> Monatseingabe:
    return lies_szenario(szenario(kraft, land=land, monat=monat, jahr=jahr)).eingaben[0]


def tagschichten(tage: list[int], von: str = "08:00", bis: str = "16:00", monat: int = 3) -> list[dict[str, str]]:
    return [{"beginn": f"2026-{monat:02d}-{t:02d}T{von}", "ende": f"2026-{monat:02d}-{t:02d}T{bis}"} for t in tage]
