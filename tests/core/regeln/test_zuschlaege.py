"""Tax-free (§ 3b EStG) and SV-free (§ 1 SvEV) surcharges, worked by hand; real hours over DST."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.domain.zeit import BERLIN
from core.fehler import EingabeFehler
from core.regeln.zuschlaege import Arbeitszeitraum, Kategorie, Zuschlagssaetze, berechne_zuschlaege

d = Decimal
K = Kategorie
STANDARD = Zuschlagssaetze(nacht=d(25), sonntag=d(50), feiertag=d(125))


def t(jahr: int, monat: int, tag: int, stunde: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(jahr, monat, tag, stunde, minute, tzinfo=BERLIN, fold=fold)


def z(beginn: datetime, ende: datetime, grundlohn: str, geleistet: bool = True) -> Arbeitszeitraum:
    return Arbeitszeitraum(beginn, ende, d(grundlohn), geleistet)


FAELLE = [
    # Sa 07.03.2026 22–6 Uhr, Grundlohn 15,50: Nacht 8 h × 15,50 × 25 % = 31,00;
    # Sonntag 0–6 = 6 h × 15,50 × 50 % = 46,50
    # gesetzlich 22–24 und 4–6 je 25 %, 0–4 40 % (vor 0 Uhr begonnen), Sonntag 50 % → alles frei: 77,50
    pytest.param(
        [z(t(2026, 3, 7, 22), t(2026, 3, 8, 6), "15.50")],
        STANDARD,
        "BW",
        ("77.50", "77.50", "77.50"),
        {K.NACHT_25: 4, K.NACHT_40: 4, K.SONNTAG: 6},
        id="Samstagnacht in den Sonntag (§ 3b Abs. 1 Nr. 1, 2, Abs. 3 Nr. 1 EStG)",
    ),
    # So 08.03. 22 Uhr – Mo 09.03. 4 Uhr, Grundlohn 20, vertraglich Nacht 50 %, Sonntag 50 %:
    # gezahlt Nacht 6 h × 20 × 50 % = 60, Sonntag 22–24 2 h × 20 × 50 % = 20 → 80
    # frei: Nacht 22–24 2 × 20 × 25 % = 10, 0–4 4 × 20 × 40 % = 32; Sonntag 20 → 62
    # Mo 0–4 zählt als Sonntagsarbeit (§ 3b Abs. 3 Nr. 2): 6 Sonntagsstunden
    pytest.param(
        [z(t(2026, 3, 8, 22), t(2026, 3, 9, 4), "20")],
        Zuschlagssaetze(nacht=d(50), sonntag=d(50)),
        "BW",
        ("80.00", "62.00", "62.00"),
        {K.NACHT_25: 2, K.NACHT_40: 4, K.SONNTAG: 6},
        id="Sonntagnacht bis Montag 4 Uhr, Nachtzuschlag über Höchstsatz (§ 3b Abs. 3 Nr. 2 EStG)",
    ),
    # 1. Mai 2026 (Fr) 6–14 Uhr, Grundlohn 16, Feiertag vertraglich 125 %: 8 × 16 × 125 % = 160 ≤ 150 % → frei
    pytest.param(
        [z(t(2026, 5, 1, 6), t(2026, 5, 1, 14), "16")],
        STANDARD,
        "BW",
        ("160.00", "160.00", "160.00"),
        {K.FEIERTAG_HOCH: 8},
        id="1. Mai mit 125 % (Höchstsatz 150 %, § 3b Abs. 1 Nr. 4 EStG)",
    ),
    # 1. Mai, vertraglich 200 %: 8 × 16 × 200 % = 256; frei höchstens 8 × 16 × 150 % = 192
    pytest.param(
        [z(t(2026, 5, 1, 6), t(2026, 5, 1, 14), "16")],
        Zuschlagssaetze(feiertag=d(200)),
        "BW",
        ("256.00", "192.00", "192.00"),
        {K.FEIERTAG_HOCH: 8},
        id="1. Mai mit 200 %: frei nur 150 %",
    ),
    # 24.12.2026 (Do) 12–18 Uhr, Grundlohn 15, Heiligabend/Silvester 100 %: nur 14–18 Uhr: 4 × 15 × 100 % = 60
    pytest.param(
        [z(t(2026, 12, 24, 12), t(2026, 12, 24, 18), "15")],
        Zuschlagssaetze(heiligabend_silvester=d(100)),
        "BW",
        ("60.00", "60.00", "60.00"),
        {K.FEIERTAG_HOCH: 4},
        id="Heiligabend ab 14 Uhr 150 % (§ 3b Abs. 1 Nr. 4 EStG)",
    ),
    pytest.param(
        [z(t(2026, 12, 24, 12), t(2026, 12, 24, 18), "15")],
        STANDARD,
        "BW",
        ("0.00", "0.00", "0.00"),
        {K.FEIERTAG_HOCH: 4},
        id="Heiligabend ohne vertraglichen Zuschlag: nichts gezahlt, nichts frei",
    ),
    # 31.12.2026 (Do) 14–22 Uhr, Grundlohn 15, 125 % + Nacht 25 %: 8 × 15 × 125 % = 150; 20–22 2 × 15 × 25 % = 7,50
    pytest.param(
        [z(t(2026, 12, 31, 14), t(2026, 12, 31, 22), "15")],
        Zuschlagssaetze(nacht=d(25), heiligabend_silvester=d(125)),
        "BW",
        ("157.50", "157.50", "157.50"),
        {K.FEIERTAG: 8, K.NACHT_25: 2},
        id="Silvester ab 14 Uhr 125 % plus Nacht (§ 3b Abs. 1 Nr. 3 EStG)",
    ),
    # Allerheiligen 01.11.2026 ist ein Sonntag und in BW Feiertag: 125 % statt 50 % + 125 %.
    # vertraglich Sonntag 50, Feiertag 150 → der höhere: 8 × 15 × 150 % = 180; frei 8 × 15 × 125 % = 150
    pytest.param(
        [z(t(2026, 11, 1, 8), t(2026, 11, 1, 16), "15")],
        Zuschlagssaetze(sonntag=d(50), feiertag=d(150)),
        "BW",
        ("180.00", "150.00", "150.00"),
        {K.FEIERTAG: 8},
        id="Feiertag am Sonntag: Feiertagssatz, nicht beides (§ 3b Abs. 1 Nr. 3 EStG)",
    ),
    # Dieselbe Schicht in Berlin: kein Feiertag, nur Sonntag 8 × 15 × 50 % = 60 (Feiertage am Arbeitsort)
    pytest.param(
        [z(t(2026, 11, 1, 8), t(2026, 11, 1, 16), "15")],
        Zuschlagssaetze(sonntag=d(50), feiertag=d(150)),
        "BE",
        ("60.00", "60.00", "60.00"),
        {K.SONNTAG: 8},
        id="Allerheiligen in Berlin nur Sonntag (Feiertag am Arbeitsort)",
    ),
    # Grundlohn 60 €/h, Di 10.03. 22–24 Uhr, Nacht 25 %: gezahlt 2 × 60 × 25 % = 30;
    # steuerfrei höchstens 2 × 50 × 25 % = 25 (§ 3b Abs. 2 EStG); SV-frei 2 × 25 × 25 % = 12,50 (§ 1 SvEV)
    pytest.param(
        [z(t(2026, 3, 10, 22), t(2026, 3, 11, 0), "60")],
        STANDARD,
        "BW",
        ("30.00", "25.00", "12.50"),
        {K.NACHT_25: 2},
        id="Grundlohn über 50 und 25 €/h gedeckelt (§ 3b Abs. 2 EStG, § 1 Abs. 1 Nr. 1 SvEV)",
    ),
    # Urlaub am Sonntag 08.03. 8–16 Uhr (Lohnausfallprinzip), Grundlohn 15: gezahlt 8 × 15 × 50 % = 60, nichts frei
    pytest.param(
        [z(t(2026, 3, 8, 8), t(2026, 3, 8, 16), "15", geleistet=False)],
        STANDARD,
        "BW",
        ("60.00", "0.00", "0.00"),
        {},
        id="Zuschlag für nicht geleistete Arbeit voll pflichtig (BFH VI R 42/00)",
    ),
    # Zeitumstellung: Sa 24.10.2026 22 Uhr – So 25.10. 6 Uhr sind 9 echte Stunden (02–03 Uhr doppelt):
    # Nacht 9 × 20 × 25 % = 45; Sonntag 0–6 = 7 h × 20 × 50 % = 70 → 115; 0–4 Uhr = 5 echte Stunden mit 40 %
    pytest.param(
        [z(t(2026, 10, 24, 22), t(2026, 10, 25, 6), "20")],
        STANDARD,
        "BW",
        ("115.00", "115.00", "115.00"),
        {K.NACHT_25: 4, K.NACHT_40: 5, K.SONNTAG: 7},
        id="Nachtschicht in die Winterzeit: 9 echte Stunden",
    ),
    # Sommerzeit: Sa 28.03.2026 22 Uhr – So 29.03. 6 Uhr = 7 echte Stunden: 7 × 20 × 25 % = 35; So 5 h × 10 = 50
    pytest.param(
        [z(t(2026, 3, 28, 22), t(2026, 3, 29, 6), "20")],
        STANDARD,
        "BW",
        ("85.00", "85.00", "85.00"),
        {K.NACHT_25: 4, K.NACHT_40: 3, K.SONNTAG: 5},
        id="Nachtschicht in die Sommerzeit: 7 echte Stunden",
    ),
    # Mo 09.03. 0:30–5:00 Uhr, vertraglich Nacht 40 %: erst nach 0 Uhr begonnen → nur 25 % frei:
    # gezahlt 4,5 × 20 × 40 % = 36; frei 4,5 × 20 × 25 % = 22,50
    pytest.param(
        [z(t(2026, 3, 9, 0, 30), t(2026, 3, 9, 5), "20")],
        Zuschlagssaetze(nacht=d(40)),
        "BW",
        ("36.00", "22.50", "22.50"),
        {K.NACHT_25: d("4.5")},
        id="nach 0 Uhr begonnen: 0–4 Uhr nur 25 % (§ 3b Abs. 3 Nr. 1 EStG)",
    ),
    # Di 10.03. 22–24 Uhr Arbeit (Grundlohn 20), anschließend 0–6 Uhr Bereitschaft zu 30 % (Grundlohn 6),
    # Nacht 25 %, 0–4 Uhr 40 %: 2 × 20 × 25 % = 10; 4 × 6 × 40 % = 9,60; 2 × 6 × 25 % = 3 → 22,60, alles frei
    pytest.param(
        [z(t(2026, 3, 10, 22), t(2026, 3, 11, 0), "20"), z(t(2026, 3, 11, 0), t(2026, 3, 11, 6), "6")],
        Zuschlagssaetze(nacht=d(25), nacht_0_4=d(40)),
        "BW",
        ("22.60", "22.60", "22.60"),
        {K.NACHT_25: 4, K.NACHT_40: 4},
        id="Arbeit vor 0 Uhr, dann Bereitschaft: durchgehend, 0–4 Uhr 40 %",
    ),
    # Nur die Bereitschaft 0–6 Uhr (ohne Arbeit davor): vertraglich wie gesetzlich kein 0–4-Uhr-Satz,
    # 6 × 6 × 25 % = 9,00, frei
    pytest.param(
        [z(t(2026, 3, 11, 0), t(2026, 3, 11, 6), "6")],
        Zuschlagssaetze(nacht=d(25), nacht_0_4=d(40)),
        "BW",
        ("9.00", "9.00", "9.00"),
        {K.NACHT_25: 6},
        id="Bereitschaft ab 0 Uhr: 0–4 Uhr nur 25 % frei",
    ),
    # Vertragliche Nachtzeit 23–6 Uhr: Di 10.03. 20–24 Uhr, Grundlohn 20: gezahlt nur 23–24: 1 × 20 × 25 % = 5
    pytest.param(
        [z(t(2026, 3, 10, 20), t(2026, 3, 11, 0), "20")],
        Zuschlagssaetze(nacht=d(25), nacht_von=23, nacht_bis=6),
        "BW",
        ("5.00", "5.00", "5.00"),
        {K.NACHT_25: 4},
        id="vertragliche Nachtzeit 23–6 Uhr (Seed 004, 1.6.2)",
    ),
]


@pytest.mark.parametrize(("zeitraeume", "saetze", "land", "erwartet", "stunden"), FAELLE)
def test_zuschlaege(
    zeitraeume: list[Arbeitszeitraum],
    saetze: Zuschlagssaetze,
    land: str,
    erwartet: tuple[str, str, str],
    stunden: dict[Kategorie, int],
) -> None:
    r = berechne_zuschlaege(zeitraeume, saetze, land)
    assert (r.zuschlag, r.steuerfrei, r.svfrei) == tuple(d(x) for x in erwartet)
    for kategorie in Kategorie:
        assert r.stunden[kategorie] == d(stunden.get(kategorie, 0)), kategorie


def test_hinweise() -> None:
    r = berechne_zuschlaege([z(t(2026, 3, 8, 8), t(2026, 3, 8, 16), "15", geleistet=False)], STANDARD, "BW")
    assert "ZUSCHLAG_NICHT_GELEISTET" in {h.code for h in r.hinweise}
    r = berechne_zuschlaege([z(t(2026, 3, 10, 22), t(2026, 3, 11, 0), "60")], Zuschlagssaetze(nacht=d(50)), "BW")
    assert {"ZUSCHLAG_UEBER_HOECHSTSATZ", "ZUSCHLAG_GRUNDLOHN_UEBER_25"} <= {h.code for h in r.hinweise}


def test_betraege_je_art() -> None:
    # Sa 07.03. 22:00 – So 08.03. 06:00 at 15,50 €: Nacht 25 % on all 8 h = 31,00; Sonntag 50 % on 0–6 Uhr
    # 6 h × 15,50 × 50 % = 46,50 (§ 3b EStG: the night and the Sunday rate add up)
    r = berechne_zuschlaege([z(t(2026, 3, 7, 22), t(2026, 3, 8, 6), "15.50")], STANDARD, "BW")
    assert r.betraege == {"nacht": d("31.00"), "sonntag": d("46.50")}


def test_falsche_eingaben() -> None:
    with pytest.raises(EingabeFehler):
        Zuschlagssaetze(nacht=d(-1))
    with pytest.raises(EingabeFehler):
        Zuschlagssaetze(nacht_von=2)
    with pytest.raises(EingabeFehler):
        berechne_zuschlaege([z(t(2026, 3, 8, 8), t(2026, 3, 8, 6), "15")], STANDARD, "BW")
    with pytest.raises(EingabeFehler):
        berechne_zuschlaege([], STANDARD, "XX")


@settings(max_examples=150, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 30)),
    minuten=st.integers(0, 24 * 60),
    grundlohn=st.decimals(min_value=0, max_value=80, places=2, allow_nan=False, allow_infinity=False),
    nacht=st.integers(0, 60),
    sonntag=st.integers(0, 200),
    feiertag=st.integers(0, 200),
    geleistet=st.booleans(),
)
def test_eigenschaft_frei_nie_mehr_als_gezahlt(
    start: datetime, minuten: int, grundlohn: Decimal, nacht: int, sonntag: int, feiertag: int, geleistet: bool
) -> None:
    from datetime import timedelta

    from core.domain.zeit import als_berlin

    try:
        beginn = als_berlin(start.replace(second=0, microsecond=0))
    except EingabeFehler:
        return  # the skipped March hour does not exist
    ende = (beginn.astimezone(BERLIN) + timedelta(minutes=minuten)).astimezone(BERLIN)
    r = berechne_zuschlaege(
        [Arbeitszeitraum(beginn, ende, grundlohn, geleistet)],
        Zuschlagssaetze(nacht=d(nacht), sonntag=d(sonntag), feiertag=d(feiertag)),
        "BY",
    )
    assert d(0) <= r.svfrei <= r.steuerfrei <= r.zuschlag
    if not geleistet:
        assert r.steuerfrei == 0


def test_zeiten_in_utc_nehmen_die_rechengroessen_des_berliner_tages() -> None:
    # 31.12.2024 23:30 UTC is 01.01.2025 00:30 in Berlin: the 2025 figures apply (there is no 2024 table), also
    # for the notes about the Grundlohn limit (§ 1 Abs. 1 Satz 1 Nr. 1 SvEV: 25 €/h).
    e = berechne_zuschlaege(
        [z(datetime(2024, 12, 31, 23, 30, tzinfo=UTC), datetime(2025, 1, 1, 3, tzinfo=UTC), "30")],
        STANDARD,
        "BW",
    )
    assert e.stunden[K.FEIERTAG] == d("3.5")
    assert "ZUSCHLAG_GRUNDLOHN_UEBER_25" in {h.code for h in e.hinweise}


@pytest.mark.parametrize(
    ("zeitraum", "saetze", "teile"),
    [
        # So 08.03.2026 8–16 Uhr at 30 €/h, Sonntag 50 %: paid 15,00 €/h × 8 = 120,00, all tax-free (Grundlohn
        # ≤ 50 €, § 3b Abs. 2 Satz 1 EStG); SV-free only from 25 € (§ 1 Abs. 1 Satz 1 Nr. 1 SvEV): 50 % × 25,00 =
        # 12,50 €/h → 100,00; the rest, 50 % × 5,00 = 2,50 €/h → 20,00, is tax-free but contributory.
        pytest.param(
            z(t(2026, 3, 8, 8), t(2026, 3, 8, 16), "30"),
            Zuschlagssaetze(sonntag=d(50)),
            [("frei", "12.50", 50, "100"), ("steuerfrei", "2.50", 50, "20")],
            id="Grundlohn 30 €: SV-frei aus 25 €, steuerfrei aus 30 € (§ 1 SvEV, § 3b Abs. 2 EStG)",
        ),
        # Ostermontag 06.04.2026 (BW) 8–16 Uhr at 20 €/h, contract 150 %: paid 30,00 €/h × 8 = 240,00; free up to
        # 125 % (§ 3b Abs. 1 Nr. 3 EStG): 25,00 €/h → 200,00; the 25 % above it, 5,00 €/h → 40,00, is taxable.
        pytest.param(
            z(t(2026, 4, 6, 8), t(2026, 4, 6, 16), "20"),
            Zuschlagssaetze(feiertag=d(150)),
            [("frei", "25", 125, "200"), ("pflichtig", "5", 25, "40")],
            id="Feiertag 150 % über dem Höchstsatz 125 % (§ 3b Abs. 1 Nr. 3 EStG)",
        ),
        # Di 10.03.2026 19–20 Uhr, contractual night from 19 Uhr at 25 %, 20 €/h: 5,00 €/h, no § 3b night hour
        # (20–6 Uhr, § 3b Abs. 2 Satz 2 Nr. 1 EStG) → all taxable.
        pytest.param(
            z(t(2026, 3, 10, 19), t(2026, 3, 10, 20), "20"),
            Zuschlagssaetze(nacht=d(25), nacht_von=19),
            [("pflichtig", "5", 25, "5")],
            id="vertragliche Nacht ab 19 Uhr: keine § 3b-Stunde",
        ),
    ],
)
def test_teile_mit_satz_und_prozent(
    zeitraum: Arbeitszeitraum, saetze: Zuschlagssaetze, teile: list[tuple[str, str, int, str]]
) -> None:
    """A payslip line per part of a surcharge: its € per hour and percent, hand-computed from the Grundlohn."""
    (posten,) = berechne_zuschlaege([zeitraum], saetze, "BW").posten
    assert posten.stunden == (8 if zeitraum.ende.hour == 16 else 1)
    assert [(x.teil, x.satz, x.prozent, x.betrag) for x in posten.teile()] == [
        (teil, d(satz), d(prozent), d(betrag)) for teil, satz, prozent, betrag in teile
    ]
    assert sum(x.betrag for x in posten.teile()) == posten.betrag
