"""A small household for the budget tests: Anna, a Minijob in a private household at 15 €/h, 9 shifts of 4 h in
March 2026 (CONTRACTS §8 scenario tests/data/szenarien/minijob_privathaushalt.json); 5 shifts EGH, 4 shifts PK.

Her month by hand (Haushaltsscheck 2026): 36 h × 15 € = 540,00 € gross; employer: KV 5 % 27,00 (§ 249b SGB V),
RV 5 % 27,00 (§ 172 Abs. 3a SGB VI), U1 0,8 % 4,32, U2 0,22 % 1,188 → 1,19 (§ 7 AAG, Minijob-Zentrale), Pauschsteuer
2 % 10,80 (§ 40a Abs. 2 EStG), UV 1,6 % 8,64 (Haushaltsscheck) → 78,95 €; employer cost 618,95 €.
Split by gross (EGH 20 h = 300 €, PK 16 h = 240 €): charges 7895 ct × 300/540 = 4386,1 ct, × 240/540 = 3508,9 ct →
4386 + 3508 = 7894, the odd cent to the larger remainder (PK) → EGH 300 + 43,86 = 343,86 €, PK 240 + 35,09 = 275,09 €.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.dienstplan.modelle import SchichtZeile
from core.persistence.datenbank import Datenbank
from core.stammdaten import start

SZENARIO = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "minijob_privathaushalt.json"
KOSTEN_MONAT = "618.95"
KOSTEN_EGH = "343.86"
KOSTEN_PK = "275.09"


def haushalt(tmp_path: Path, *, bewilligungen: list[dict[str, Any]] | None = None) -> Datenbank:
    daten = json.loads(SZENARIO.read_text(encoding="utf-8"))
    for i, schicht in enumerate(daten["assistenzkraefte"][0]["schichten"]):
        schicht["leistungsart"] = "EGH" if i < 5 else "PK"
    daten["assistenzkraefte"][0]["name"] = "Anna Muster"
    if bewilligungen is not None:
        daten["bewilligungen"] = bewilligungen
    datei = tmp_path / "szenario.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, tmp_path / "haushalt.sqlite")
    return start.oeffne(tmp_path / "haushalt.sqlite")


def plane_monate(db: Datenbank, monate: range) -> None:
    """Copy March's shifts into these months of 2026 as planned shifts (no actual times)."""
    with db.arbeitseinheit() as sitzung:
        maerz = sitzung.scalars(select(SchichtZeile).where(SchichtZeile.tag < date(2026, 4, 1))).all()
        for monat in monate:
            for z in maerz:
                sitzung.add(
                    SchichtZeile(
                        assistenzkraft_id=z.assistenzkraft_id,
                        tag=z.tag.replace(month=monat),
                        beginn=z.beginn.replace(month=monat),
                        ende=z.ende.replace(month=monat),
                        arbeitsart=z.arbeitsart,
                        leistungsart=z.leistungsart,
                        abschnitte=z.abschnitte,
                    )
                )


def schliesse_ab(db: Datenbank, *monate: int) -> None:
    for monat in monate:
        lauf.schliesse_ab(db, 2026, monat)
