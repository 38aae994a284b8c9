"""A contract left on "automatisch bestimmen" shows what the payroll determined (issue 13, finding 10), read from the
draft of the open month and then from the finalised month — never classified a second time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core.abrechnung import lauf
from core.abrechnung.einordnung import Einordnung, bestimmte_einordnungen
from core.abrechnung.szenario_laden import lade
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten import assistenzkraefte, start, vertraege

MINIJOB = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "minijob_privathaushalt.json"


def test_einordnung_aus_entwurf_dann_aus_abgeschlossenem_monat(tmp_path: Path) -> None:
    # March 2026: 9 shifts of 4 h at 15,00 € = 540 € ≤ 603 € (Minijob-Grenze 2026, § 8 Abs. 1a SGB IV: Mindestlohn
    # 13,90 € × 130 / 3, rounded up) → Minijob
    lade(MINIJOB, tmp_path / "h.sqlite")
    db = start.oeffne(tmp_path / "h.sqlite")
    try:
        (kraft,) = [z.id for z in assistenzkraefte.liste_assistenzkraefte(db)]
        (vertrag,) = vertraege.liste_vertraege(db, kraft)
        assert vertrag.beschaeftigung == "auto"
        zeitraum = [(vertrag.gueltig_ab, None)]
        heute = date(2026, 3, 20)
        assert bestimmte_einordnungen(db, kraft, zeitraum, heute=heute) == [
            Einordnung(Beschaeftigungsart.MINIJOB, 2026, 3, entwurf=True)
        ]
        lauf.schliesse_ab(db, 2026, 3)
        assert bestimmte_einordnungen(db, kraft, zeitraum, heute=heute) == [
            Einordnung(Beschaeftigungsart.MINIJOB, 2026, 3, entwurf=False)
        ]
        # a version that starts after the finalised month has no result of its own yet (April is open, no shifts)
        spaeter = [(vertrag.gueltig_ab, date(2026, 5, 1)), (date(2026, 5, 1), None)]
        assert bestimmte_einordnungen(db, kraft, spaeter, heute=heute) == [
            Einordnung(Beschaeftigungsart.MINIJOB, 2026, 3, entwurf=False),
            None,
        ]
    finally:
        db.schliessen()
