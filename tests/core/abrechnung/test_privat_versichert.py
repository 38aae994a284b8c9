"""Private insurance follows the Personalbogen's status (issue 10): a privately insured assistant whose Personalbogen
names a Kasse pays no statutory KV/PV, and that Kasse collects the Umlagen U1/U2 and is the Einzugsstelle.

The §8 household of tests/data/szenarien/sv_pflichtig_nacht_sonntag.json (März 2026, Kasse „AOK BW“: U1 2,1 %,
U2 0,40 %; 183 h × 18,00 € = 3.294,00 € SV pay, surcharges within § 3b EStG aside), Carla marked „privat versichert“
with the Kasse left in her Personalbogen. Hand-computed (RECHENGROESSEN 2026; § 2 Abs. 1 AAG, § 28i Satz 2 SGB IV):
KV/PV 0; U1 3.294,00 × 2,1 % = 69,174 → 69,17; U2 3.294,00 × 0,40 % = 13,176 → 13,18; RV 9,3 % = 306,342 → 306,34
each side; AV 1,3 % = 42,822 → 42,82 each side; Beitragsgruppe 0110 (KV 0, RV 1, AV 1, PV 0).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.persistence.modelle import Assistenzkraft
from core.stammdaten import start

SZENARIO = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "sv_pflichtig_nacht_sonntag.json"


def test_privat_versichert_mit_kasse_im_personalbogen(tmp_path: Path) -> None:
    db = start.oeffne(lade(SZENARIO, tmp_path / "h.sqlite").pfad)
    try:
        gesetzlich = lauf.abrechnung(db, 2026, 3).zeilen[0].ergebnis
        assert gesetzlich is not None and gesetzlich.kv_an > 0  # statutorily insured as loaded
        with db.arbeitseinheit() as sitzung:
            kraft = sitzung.scalars(select(Assistenzkraft)).one()
            kraft.privat_versichert = True  # the Kasse stays entered
        (zeile,) = lauf.abrechnung(db, 2026, 3).zeilen
    finally:
        db.schliessen()
    e = zeile.ergebnis
    assert e is not None, zeile.fehler
    assert e.sv_brutto == Decimal("3294.00")
    assert (e.kv_an, e.kv_ag, e.pv_an, e.pv_ag) == (0, 0, 0, 0)
    assert (e.umlage_u1, e.umlage_u2) == (Decimal("69.17"), Decimal("13.18"))
    assert (e.rv_an, e.rv_ag, e.av_an, e.av_ag) == (
        Decimal("306.34"),
        Decimal("306.34"),
        Decimal("42.82"),
        Decimal("42.82"),
    )
    assert e.beitragsgruppe == "0110" and e.einzugsstelle == "AOK BW"
    codes = {h.code for h in e.hinweise}
    assert {"PRIVAT_VERSICHERT", "UMLAGEN_PRIVAT_VERSICHERT"} <= codes and "UMLAGEN_KASSE_FEHLT" not in codes
    assert zeile.eingabe is not None and zeile.eingabe.person.krankenkasse is None
