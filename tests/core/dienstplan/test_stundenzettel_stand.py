"""Stundenzettel of a running month (issue 13, finding 9): days after "today" are planned, not worked; the sums keep
"gearbeitet (bis heute)" apart from "noch geplant", split by Leistungsart/Kostenträger. A fixed "today" throughout;
every expected figure is counted by hand from the shifts below (7 h per 07:00–14:00 shift)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.dienstplan.schicht import Istzeit, Schicht
from core.dienstplan.stundenzettel import Stundenzettel, stundenzettel
from tests.core.dienstplan.hilfe import sch, zp

SABINE = 1
HEUTE = date(2026, 12, 2)  # the 2nd of the month, as in the finding
NAMEN = {"EGH": "EGH – Eingliederungshilfe", "PK": "PK – Pflegekasse"}


def _frueh(tag: int, art: str | None) -> Schicht:
    return sch(SABINE, f"2026-12-{tag:02d} 07:00", f"2026-12-{tag:02d} 14:00").mit(leistungsart=art)


def _zettel(schichten: list[Schicht], stand: date | None = HEUTE) -> Stundenzettel:
    return stundenzettel(
        SABINE, "Sabine Berger", "Maria Muster", 2026, 12, "BW", schichten, [], Decimal(100), stand=stand,
        leistungsarten=NAMEN,
    )  # fmt: skip


def test_tage_nach_heute_sind_geplant_nicht_gearbeitet() -> None:
    # 1st and 2nd worked (as planned), 3rd to 5th still ahead
    z = _zettel([_frueh(1, "EGH"), _frueh(2, "EGH"), _frueh(3, "PK"), _frueh(4, "EGH"), _frueh(5, "EGH")])
    assert z.vorlaeufig
    assert z.summe_plan == Decimal(35)  # 5 × 7 h
    assert z.summe_ist == Decimal(14)  # 1st and 2nd only, not 35 ("gearbeitet 174,00 Stunden" on the 2nd)
    assert z.summe_bezahlt == Decimal(14)
    assert z.noch_geplant == Decimal(21)  # 3rd, 4th, 5th
    zeile = {r.tag.day: r for r in z.zeilen}
    assert zeile[2].ist and zeile[2].bemerkung == "wie geplant"  # today counts as worked
    assert zeile[3].zukunft and zeile[3].ist == () and zeile[3].bezahlt == 0
    assert zeile[3].plan and zeile[3].bemerkung == "noch nicht gearbeitet"  # not "wie geplant"


def test_stunden_nach_leistungsart() -> None:
    z = _zettel([_frueh(1, "EGH"), _frueh(2, "EGH"), _frueh(3, "PK"), _frueh(4, "EGH"), _frueh(5, None)])
    arten = {(a.kuerzel, a.bezeichnung): (a.gearbeitet, a.geplant) for a in z.je_leistungsart}
    assert arten == {
        ("EGH", "EGH – Eingliederungshilfe"): (Decimal(14), Decimal(7)),
        ("PK", "PK – Pflegekasse"): (Decimal(0), Decimal(7)),
        (None, "ohne Leistungsart"): (Decimal(0), Decimal(7)),
    }
    assert [a.kuerzel for a in z.je_leistungsart] == ["EGH", "PK", None]  # without one comes last
    assert sum(a.gearbeitet for a in z.je_leistungsart) == z.summe_ist


def test_ohne_leistungsarten_keine_aufteilung() -> None:
    assert _zettel([_frueh(1, None), _frueh(3, None)]).je_leistungsart == ()


def test_erfasste_zeit_an_einem_spaeteren_tag_zaehlt_als_gearbeitet() -> None:
    erfasst = _frueh(3, "EGH").mit(ist=Istzeit(zp("2026-12-03 07:00"), zp("2026-12-03 15:00")))
    z = _zettel([_frueh(1, "EGH"), erfasst])
    assert z.summe_ist == Decimal(15) and z.noch_geplant == 0  # 7 h + 8 h recorded


def test_nachtschicht_ueber_heute_hinaus_wird_am_tageswechsel_geteilt() -> None:
    nacht = sch(SABINE, "2026-12-02 22:00", "2026-12-03 06:00").mit(leistungsart="EGH")
    z = _zettel([nacht])
    assert (z.summe_ist, z.noch_geplant) == (Decimal(2), Decimal(6))  # 22–24 h today, 0–6 h tomorrow
    assert [(a.gearbeitet, a.geplant) for a in z.je_leistungsart] == [(Decimal(2), Decimal(6))]


def test_ohne_stand_und_im_vergangenen_monat_wie_bisher() -> None:
    schichten = [_frueh(1, "EGH"), _frueh(30, "EGH")]
    for z in (_zettel(schichten, stand=None), _zettel(schichten, stand=date(2027, 1, 2))):
        assert not z.vorlaeufig
        assert (z.summe_ist, z.noch_geplant) == (Decimal(14), Decimal(0))
    # a month that has not begun: nothing worked, everything planned
    z = _zettel(schichten, stand=date(2026, 11, 20))
    assert (z.summe_ist, z.noch_geplant) == (Decimal(0), Decimal(14))
