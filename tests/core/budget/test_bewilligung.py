"""Bewilligungen as values: approved per month with a Bescheid changing mid-year and Dynamisierung; overlaps.

Every expected amount is worked by hand in the comment beside it (calendar days of the month, cents half up).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.budget.bewilligung import Bescheid, BewilligungDaten, ueberschneidung, ueberschneidungen

D = Decimal


def _b(**werte: object) -> BewilligungDaten:
    basis: dict[str, object] = {
        "name": "Persönliches Budget 2026",
        "kostentraeger": "Bezirk Oberbayern",
        "von": (2026, 1),
        "bis": (2026, 12),
        "betrag_monat": D("1000.00"),
    }
    basis.update(werte)
    return BewilligungDaten(**basis)  # type: ignore[arg-type]


def test_ohne_aenderung_jeder_monat_gleich_und_ausserhalb_nichts() -> None:
    b = _b(stunden_monat=D("120"))
    assert b.bewilligt((2026, 2)) == (D("1000.00"), D("120"))
    assert b.bewilligt((2025, 12)) == (D("0"), None)
    assert b.bewilligt((2027, 1)) == (D("0"), None)


def test_neuer_bescheid_mitten_im_jahr_anteilig_nach_kalendertagen() -> None:
    """Bescheid ab 16.07.2026: 1.200 € statt 1.000 €, 150 statt 120 Std.
    Juli (31 Tage): 15 Tage alt, 16 Tage neu → (15 × 1000 + 16 × 1200) / 31 = 34200 / 31 = 1103,2258… → 1.103,23 €;
    Stunden (15 × 120 + 16 × 150) / 31 = 4200 / 31 = 135,4838… → 135,48.
    Jahr: 6 × 1.000 + 1.103,23 + 5 × 1.200 = 13.103,23 €."""
    b = _b(stunden_monat=D("120"), bescheide=(Bescheid(date(2026, 7, 16), D("1200.00"), D("150")),))
    assert b.bewilligt((2026, 6)) == (D("1000.00"), D("120"))
    assert b.bewilligt((2026, 7)) == (D("1103.23"), D("135.48"))
    assert b.bewilligt((2026, 8)) == (D("1200.00"), D("150"))
    assert sum((b.bewilligt((2026, m))[0] for m in range(1, 13)), D(0)) == D("13103.23")


def test_bescheid_am_monatsersten_gilt_ab_dem_ganzen_monat() -> None:
    b = _b(bescheide=(Bescheid(date(2026, 10, 1), D("900.00")),))
    assert b.bewilligt((2026, 9))[0] == D("1000.00")
    assert b.bewilligt((2026, 10))[0] == D("900.00")


def test_dynamisierung_ab_jedem_jahrestag() -> None:
    """2,5 % jährlich ab Juli 2025: ab Juli 2026 1.000 × 1,025 = 1.025,00 €, ab Juli 2027 1.025 × 1,025 =
    1.050,625 → 1.050,63 € (jeder neue Monatsbetrag auf Cent gerundet)."""
    b = _b(von=(2025, 7), bis=(2028, 6), dynamisierung_prozent=D("2.5"))
    assert b.bewilligt((2026, 6))[0] == D("1000.00")
    assert b.bewilligt((2026, 7))[0] == D("1025.00")
    assert b.bewilligt((2027, 7))[0] == D("1050.63")


def test_ueberschneidung_nur_bei_gleicher_leistungsart() -> None:
    pb = _b(name="Persönliches Budget", leistungsarten=("EGH", "PB"))
    pk = _b(name="Pflegekasse", leistungsarten=("PK",))
    assert ueberschneidung(pb, pk) is None
    zweite = _b(name="Eingliederungshilfe neu", von=(2026, 7), bis=(2027, 6), leistungsarten=("EGH",))
    text = ueberschneidung(pb, zweite)
    assert text is not None
    assert "„Persönliches Budget“" in text and "„Eingliederungshilfe neu“" in text
    assert "07/2026 bis 12/2026" in text and "Leistungsart EGH" in text
    # a Bewilligung without Leistungsarten pays for all of them: it overlaps every other one in time
    alle = _b(name="Alles", von=(2026, 12), bis=(2026, 12))
    assert len(ueberschneidungen([pb, pk, alle])) == 2
    assert ueberschneidung(_b(bis=(2026, 6)), _b(von=(2026, 7))) is None
