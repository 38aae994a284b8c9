"""The budget's arithmetic (`core.budget.stand`), with cost lines written by hand: charging, refunds, forecast,
carry-over and warnings. Expected values are worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.budget.bewilligung import BewilligungDaten, Posten
from core.budget.stand import (
    ABGESCHLOSSEN,
    ENTWURF,
    VOR_BEGINN,
    Erstattung,
    Kostenposten,
    Reserve,
    berechne_stand,
)

D = Decimal
EGH = BewilligungDaten(
    "Eingliederungshilfe", "Bezirk", (2026, 1), (2026, 12), D("1000.00"), D("60"), leistungsarten=("EGH",), id=1
)
PK = BewilligungDaten(
    "Pflegekasse", "AOK Pflegekasse", (2026, 3), (2026, 12), D("400.00"), leistungsarten=("PK",), id=2
)


def _t(text: str) -> str:
    """Amounts are formatted with a no-break space before €."""
    return text.replace("\xa0", " ")


def _k(monat: int, la: str | None, stunden: str, kosten: str, person: int = 1) -> Kostenposten:
    return Kostenposten((2026, monat), person, f"Person {person}", la, D(stunden), D(kosten))


def _status(abgeschlossen: range, offen: range = range(0)) -> dict[tuple[int, int], str]:
    status = {(2026, m): VOR_BEGINN for m in range(1, 13)}
    status.update({(2026, m): ABGESCHLOSSEN for m in abgeschlossen})
    status.update({(2026, m): ENTWURF for m in offen})
    return status


def test_zwei_bewilligungen_teilen_die_schichten_nach_leistungsart() -> None:
    """March: 20 h EGH costing 343,86 €, 16 h PK costing 275,09 € (one Minijob payslip of 618,95 €)."""
    stand = berechne_stand(
        2026, [EGH, PK], [_k(3, "EGH", "20", "343.86"), _k(3, "PK", "16", "275.09")], _status(range(3, 4))
    )
    egh, pk = stand.bewilligungen
    assert (egh.verbraucht, egh.stunden) == (D("343.86"), D("20"))
    assert (pk.verbraucht, pk.stunden) == (D("275.09"), D("16"))
    assert egh.bewilligt == D("12000.00") and pk.bewilligt == D("4000.00")  # 12 × 1.000 and 10 × 400
    assert egh.rest == D("11656.14")  # 12.000 − 343,86
    assert [(a.leistungsart, a.kosten) for a in egh.anteile] == [("EGH", D("343.86"))]
    assert not stand.nicht_zugeordnet


def test_schicht_ohne_leistungsart_nur_bei_genau_einer_bewilligung_zugeordnet() -> None:
    """February: only EGH runs → 100 € go to it. March: EGH and PK both run → unassigned, counted nowhere."""
    stand = berechne_stand(
        2026, [EGH, PK], [_k(2, None, "8", "100.00"), _k(3, None, "4", "50.00")], _status(range(2, 4))
    )
    egh, pk = stand.bewilligungen
    assert egh.verbraucht == D("100.00") and pk.verbraucht == D("0")
    [offen] = stand.nicht_zugeordnet
    assert (offen.monat, offen.grund, offen.arbeitgeberkosten) == ((2026, 3), "mehrere", D("50.00"))
    assert offen.kandidaten == ("Eingliederungshilfe", "Pflegekasse")
    texte = [_t(h.text) for h in stand.hinweise if h.code == "NICHT_ZUGEORDNET"]
    assert len(texte) == 1 and texte[0].startswith("03/2026: Schichten ohne Leistungsart (Person 1)")
    assert "50,00 €" in texte[0] and "Eingliederungshilfe, Pflegekasse" in texte[0]


def test_leistungsart_ohne_bewilligung_wird_genannt() -> None:
    stand = berechne_stand(2026, [EGH, PK], [_k(3, "BP", "2", "30.00")], _status(range(3, 4)))
    [offen] = stand.nicht_zugeordnet
    assert offen.grund == "keine" and offen.leistungsart == "BP"
    assert sum(s.verbraucht for s in stand.bewilligungen) == 0


def test_erstattungen_mindern_den_verbrauch_anteilig() -> None:
    """A U1 refund of 100 € for March: her March costs were 343,86 (EGH) and 275,09 (PK) of 618,95.
    EGH: 10000 ct × 343,86 / 618,95 = 5555,54 ct, PK: 4444,46 ct → 5555 + 4444 = 9999, the odd cent to the larger
    remainder (EGH ,54) → 55,56 € and 44,44 €."""
    erstattung = Erstattung(1, "U1", "AOK BW", date(2026, 3, 10), date(2026, 3, 12), date(2026, 5, 4), D("100.00"))
    stand = berechne_stand(
        2026,
        [EGH, PK],
        [_k(3, "EGH", "20", "343.86"), _k(3, "PK", "16", "275.09")],
        _status(range(3, 4)),
        erstattungen=[erstattung],
    )
    egh, pk = stand.bewilligungen
    assert (egh.erstattungen, pk.erstattungen) == (D("55.56"), D("44.44"))
    assert (egh.verbraucht, pk.verbraucht) == (D("288.30"), D("230.65"))  # 343,86 − 55,56; 275,09 − 44,44


def test_sonstige_kosten_und_einnahmen() -> None:
    posten = [
        Posten(1, date(2026, 3, 31), "lohnabrechnung", D("45.00")),
        Posten(1, date(2026, 4, 2), "einnahme", D("20.00")),
    ]
    stand = berechne_stand(2026, [EGH], [_k(3, "EGH", "20", "343.86")], _status(range(3, 4)), posten=posten)
    [egh] = stand.bewilligungen
    assert egh.sonstige == D("25.00") and egh.verbraucht == D("368.86")  # 343,86 + 45 − 20


def test_prognose_aus_geplanten_monaten_und_ueberschreitung() -> None:
    """March finalised 618,95; April to December planned at 618,95 each: prognose 10 × 618,95 = 6.189,50 €
    against 10 × 400 = 4.000 € approved for PK → 2.189,50 € over."""
    kosten = [_k(m, "PK", "36", "618.95") for m in range(3, 13)]
    stand = berechne_stand(2026, [PK], kosten, _status(range(3, 4), range(4, 13)), heute=date(2026, 4, 1))
    [pk] = stand.bewilligungen
    assert pk.verbraucht == D("618.95") and pk.geplant == D("5570.55")  # 9 × 618,95
    assert pk.prognose == D("6189.50") and pk.rest == D("-2189.50")
    [warnung] = [h for h in pk.hinweise if h.code == "PROGNOSE_UEBERSTEIGT_BEWILLIGUNG"]
    assert "6.189,50 €" in _t(warnung.text) and "um 2.189,50 €" in _t(warnung.text)
    assert not [h for h in stand.hinweise if h.code == "MONAT_NICHT_ABGESCHLOSSEN"]  # April is still running


def test_stunden_ueberschritten() -> None:
    """EGH: 60 h a month approved, 12 × 60 = 720 h; 700 h worked in March plus 30 h planned = 730 h."""
    kosten = [_k(3, "EGH", "700", "0.00"), _k(4, "EGH", "30", "0.00")]
    stand = berechne_stand(2026, [EGH], kosten, _status(range(3, 4), range(4, 5)), heute=date(2026, 4, 1))
    assert [h.code for h in stand.bewilligungen[0].hinweise] == ["STUNDEN_UEBERSCHRITTEN"]


def test_reserve_zu_klein_fuer_die_krankheitswelle_der_kalkulation() -> None:
    """PK: 4.000 € approved; spent 618,95 (March), planned 9 × 300 = 2.700 € → rest 681,05 €. The Kalkulation assumed
    1.200 € sickness a year: for the 9 open months 1.200 × 9 / 12 = 900 € > 681,05 € → warning."""
    kosten = [_k(3, "PK", "36", "618.95"), *(_k(m, "PK", "16", "300.00") for m in range(4, 13))]
    reserve = {2: Reserve("Antrag 2026", D("1200"))}
    stand = berechne_stand(
        2026, [PK], kosten, _status(range(3, 4), range(4, 13)), reserven=reserve, heute=date(2026, 4, 1)
    )
    [pk] = stand.bewilligungen
    assert pk.rest == D("681.05")
    [warnung] = pk.hinweise
    assert warnung.code == "RESERVE_ZU_KLEIN" and "900,00 €" in _t(warnung.text) and "„Antrag 2026“" in _t(warnung.text)
    genug = berechne_stand(2026, [PK], kosten, _status(range(3, 4), range(4, 13)), reserven={2: Reserve("A", D("800"))})
    assert not genug.bewilligungen[0].hinweise  # 800 × 9 / 12 = 600 € ≤ 681,05 €


def test_uebertrag_aus_dem_vorjahr() -> None:
    """A Bewilligung July 2025 – June 2026 at 500 €: 2025 spent 6 × 450 = 2.700 of 3.000 → carry-over 300 €."""
    b = BewilligungDaten("PB", "Bezirk", (2025, 7), (2026, 6), D("500.00"), id=7)
    kosten = [Kostenposten((2025, m), 1, "A", None, D("30"), D("450.00")) for m in range(7, 13)]
    status = {(2025, m): ABGESCHLOSSEN for m in range(7, 13)} | _status(range(1, 7))
    stand = berechne_stand(2026, [b], kosten, status)
    [s] = stand.bewilligungen
    assert s.uebertrag == D("300.00") and s.bewilligt == D("3000.00") and len(s.monate) == 6
    assert s.rest == D("3300.00")


def test_nichts_doppelt_gezaehlt() -> None:
    """Whatever the assignment, charged + unassigned = the costs of the finalised months (618,95 + 50)."""
    kosten = [_k(3, "EGH", "20", "343.86"), _k(3, "PK", "16", "275.09"), _k(3, None, "4", "50.00")]
    stand = berechne_stand(2026, [EGH, PK], kosten, _status(range(3, 4)))
    gesamt = sum(s.lohnkosten for s in stand.bewilligungen) + sum(n.arbeitgeberkosten for n in stand.nicht_zugeordnet)
    assert gesamt == D("668.95")
