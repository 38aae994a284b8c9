"""SV contributions, Umlagen and UV: worked cases from RECHENGROESSEN and the law, plus properties.

Expected values are computed by hand in the comments: round() means half up to cents (§ 1 Abs. 2 BVV).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.fehler import EingabeFehler
from core.regeln.beitraege import Beitraege, BeitragsEingabe, Kasse, berechne_beitraege
from core.regeln.klassifikation import Beschaeftigungsart, Zweig

B = Beschaeftigungsart
d = Decimal

KASSE_26 = Kasse(zusatzbeitrag_prozent=d("2.9"), u1_prozent=d("2.1"), u2_prozent=d("0.40"))
KASSE_25 = Kasse(zusatzbeitrag_prozent=d("2.5"), u1_prozent=d("2.1"), u2_prozent=d("0.40"))


def eingabe(art: B, entgelt: str, jahr: int = 2026, **mehr: object) -> BeitragsEingabe:
    basis = BeitragsEingabe(
        monat=date(jahr, 3, 1),
        art=art,
        laufendes_entgelt=d(entgelt),
        geburtsdatum=date(1985, 4, 12),
        bundesland="BW",
        kasse=KASSE_26 if jahr == 2026 else KASSE_25,
        elterneigenschaft=True,  # 1 Kind: weder Zuschlag noch Abschlag, wenn nicht anders angegeben
        kinder_unter_25=1,
    )
    return replace(basis, **mehr)  # type: ignore[arg-type]


def codes(b: Beitraege) -> set[str]:
    return {h.code for h in b.hinweise}


def anteile(b: Beitraege) -> tuple[str, ...]:
    return tuple(
        str(x)
        for x in (
            b.kv.an,
            b.kv.ag,
            b.kv_zusatz.an,
            b.kv_zusatz.ag,
            b.pv.an,
            b.pv.ag,
            b.rv.an,
            b.rv.ag,
            b.av.an,
            b.av.ag,
        )
    )


# --- Minijob: Pauschalen (RECHENGROESSEN, Minijob-Zentrale) ---


@pytest.mark.parametrize(
    ("entgelt", "privathaushalt", "befreit", "erwartet"),
    [
        # gewerblich 2026, AE 603: KV 13 % = 78,39; RV AG 15 % = 90,45; AN 3,6 % = 21,708 → 21,71 (§ 168 SGB VI);
        # U1 0,8 % = 4,824 → 4,82; U2 0,22 % = 1,3266 → 1,33; Insolvenzgeldumlage 0,15 % = 0,9045 → 0,90;
        # UV 1,0 % (Unfallkasse) = 6,03
        pytest.param(
            "603",
            False,
            False,
            ("78.39", "21.71", "90.45", "4.82", "1.33", "0.90", "6.03"),
            id="Minijob gewerblich 2026 603 € ohne RV-Befreiung (§ 249b SGB V, § 172 Abs. 3 SGB VI)",
        ),
        pytest.param(
            "603",
            False,
            True,
            ("78.39", "0", "90.45", "4.82", "1.33", "0.90", "6.03"),
            id="Minijob gewerblich 2026 603 € mit RV-Befreiung (§ 6 Abs. 1b SGB VI)",
        ),
        # Privathaushalt 2026, AE 400: KV 5 % = 20,00; RV AG 5 % = 20,00; AN 13,6 % = 54,40;
        # U1 0,8 % = 3,20; U2 0,22 % = 0,88; keine Insolvenzgeldumlage; UV 1,6 % = 6,40 (Haushaltsscheck)
        pytest.param(
            "400",
            True,
            False,
            ("20.00", "54.40", "20.00", "3.20", "0.88", "0", "6.40"),
            id="Minijob Privathaushalt 2026 400 € ohne RV-Befreiung (§ 249b Satz 2 SGB V, § 172 Abs. 3a SGB VI)",
        ),
        pytest.param(
            "400",
            True,
            True,
            ("20.00", "0", "20.00", "3.20", "0.88", "0", "6.40"),
            id="Minijob Privathaushalt 2026 400 € mit RV-Befreiung",
        ),
        # RECHENGROESSEN-Beispiel 150 € Privathaushalt: AG round(150 × 5 %) = 7,50;
        # Gesamtbeitrag round(175 × 18,6 %) = 32,55 (§ 163 Abs. 8 SGB VI); AN 32,55 − 7,50 = 25,05
        # KV 5 % = 7,50; U1 0,8 % = 1,20; U2 0,22 % = 0,33; UV 1,6 % = 2,40
        pytest.param(
            "150",
            True,
            False,
            ("7.50", "25.05", "7.50", "1.20", "0.33", "0", "2.40"),
            id="Minijob Privathaushalt 150 € Mindestbemessungsgrundlage 175 € (RECHENGROESSEN, § 2 Abs. 1 BVV)",
        ),
    ],
)
def test_minijob_2026(entgelt: str, privathaushalt: bool, befreit: bool, erwartet: tuple[str, ...]) -> None:
    b = berechne_beitraege(
        eingabe(
            B.MINIJOB,
            entgelt,
            privathaushalt=privathaushalt,
            rv_befreiung=befreit,
            unfallversicherung_prozent=d("1.0"),
        )
    )
    ist = (b.kv.ag, b.rv.an, b.rv.ag, b.umlage_u1, b.umlage_u2, b.insolvenzgeldumlage, b.unfallversicherung)
    assert ist == tuple(d(x) for x in erwartet)
    assert b.kv.an == 0 and b.pv.gesamt == 0 and b.av.gesamt == 0 and b.kv_zusatz.gesamt == 0


def test_minijob_2025_u1_1_10() -> None:
    # 2025 gewerblich AE 556: KV 13 % = 72,28; RV AG 15 % = 83,40; AN 3,6 % = 20,016 → 20,02;
    # U1 1,10 % = 6,116 → 6,12 (2025 noch 1,10 %, RECHENGROESSEN); U2 0,22 % = 1,2232 → 1,22
    b = berechne_beitraege(eingabe(B.MINIJOB, "556", jahr=2025, privathaushalt=False))
    assert (b.kv.ag, b.rv.ag, b.rv.an, b.umlage_u1, b.umlage_u2) == (
        d("72.28"),
        d("83.40"),
        d("20.02"),
        d("6.12"),
        d("1.22"),
    )


def test_minijob_privat_versichert_ohne_kv_pauschale() -> None:
    b = berechne_beitraege(eingabe(B.MINIJOB, "400", kasse=None))
    assert b.kv.ag == 0
    assert b.rv.ag == d("20.00")  # RV-Pauschale bleibt
    assert "MINIJOB_KV_PRIVAT" in codes(b)


def test_minijob_mindestbemessung_nicht_bei_rv_hauptbeschaeftigung() -> None:
    # Neben RV-pflichtiger Hauptbeschäftigung gilt § 163 Abs. 8 SGB VI nicht: AN = round(150 × 13,6 %) = 20,40
    b = berechne_beitraege(eingabe(B.MINIJOB, "150", rv_pflichtige_hauptbeschaeftigung=True))
    assert b.rv.an == d("20.40")


def test_minijob_mindestbeitrag_gewerblich_und_hinweis_auf_ausnahmen() -> None:
    # § 2 Abs. 1 Satz 5 BVV: gewerblich 125 €: AG round(125 × 15 %) = 18,75; Beitrag round(175 × 18,6 %) = 32,55;
    # AN 32,55 − 18,75 = 13,80. The user cannot tell the program about other RV-pflichtige jobs in every path,
    # so the Hinweis must name the exceptions (Geringfügigkeits-Richtlinien C 3.2.1).
    b = berechne_beitraege(eingabe(B.MINIJOB, "125", privathaushalt=False))
    assert (b.rv.ag, b.rv.an) == (d("18.75"), d("13.80"))
    hinweis = next(h for h in b.hinweise if h.code == "MINIJOB_RV_MINDESTBEITRAG")
    assert "Hauptbeschäftigung" in hinweis.text and "mehreren Minijobs" in hinweis.text


# --- Übergangsbereich (§ 20 Abs. 2a SGB IV, § 2 Abs. 2 BVV) ---
# Gesamt je Zweig = round(BE × halber Satz) × 2, AN = round(BE_AN × halber Satz), AG = Gesamt − AN.
# BE = F×G + (2000/(2000−G) − G/(2000−G)×F) × (AE−G), BE_AN = 2000/(2000−G) × (AE−G), je auf Cent gerundet.
# Reihenfolge der Anteile: KV an/ag, Zusatz an/ag, PV an/ag, RV an/ag, AV an/ag.

UEBERGANG = [
    # 2026: G 603, F 0,6619, Zusatzbeitrag 2,9 (halb 1,45)
    # AE 603,01: BE = 0,6619 × 603 + 1,145937223 × 0,01 = 399,1257 + 0,0115 = 399,14; BE_AN = 1,4316 × 0,01 = 0,01
    #   KV 399,14 × 7,3 % = 29,137 → 29,14 × 2 = 58,28, AN 0,01 × 7,3 % = 0,00; Zusatz 399,14 × 1,45 % = 5,788 → 11,58;
    #   PV 399,14 × 1,8 % = 7,185 → 14,36; RV 399,14 × 9,3 % = 37,120 → 74,24; AV 399,14 × 1,3 % = 5,189 → 10,38
    pytest.param(
        2026,
        "603.01",
        ("0.00", "58.28", "0.00", "11.58", "0.00", "14.36", "0.00", "74.24", "0.00", "10.38"),
        id="2026 untere Grenze 603,01 (RECHENGROESSEN Probe BE 399,14 / BE_AN 0,01)",
    ),
    # AE 1.000: BE = 1,145937223 × 1000 − 291,8744452 = 854,06; BE_AN = 1,431639227 × 1000 − 863,278454 = 568,36
    #   KV 854,06 × 7,3 % = 62,346 → 124,70; AN 568,36 × 7,3 % = 41,490 → 41,49; AG 83,21
    #   Zusatz 854,06 × 1,45 % = 12,384 → 24,76; AN 568,36 × 1,45 % = 8,241 → 8,24; AG 16,52
    #   PV 854,06 × 1,8 % = 15,373 → 30,74; AN 10,230 → 10,23; AG 20,51
    #   RV 854,06 × 9,3 % = 79,428 → 158,86; AN 52,857 → 52,86; AG 106,00
    #   AV 854,06 × 1,3 % = 11,103 → 22,20; AN 7,389 → 7,39; AG 14,81
    pytest.param(
        2026,
        "1000",
        ("41.49", "83.21", "8.24", "16.52", "10.23", "20.51", "52.86", "106.00", "7.39", "14.81"),
        id="2026 innen 1.000 € (§ 20 Abs. 2a SGB IV)",
    ),
    # AE 1.200 (RECHENGROESSEN-Beispiel): BE 1.083,25, BE_AN 854,69 — KV 158,16/62,39/95,77; Zusatz 31,42/12,39/19,03;
    #   PV 39,00/15,38/23,62; RV 201,48/79,49/121,99; AV 28,16/11,11/17,05
    pytest.param(
        2026,
        "1200",
        ("62.39", "95.77", "12.39", "19.03", "15.38", "23.62", "79.49", "121.99", "11.11", "17.05"),
        id="2026 innen 1.200 € (RECHENGROESSEN Beispiel, Zusatzbeitrag 2,9 %)",
    ),
    # AE 1.500: BE = 1,145937223 × 1500 − 291,8744452 = 1.427,03; BE_AN = 1,431639227 × 1500 − 863,278454 = 1.284,18
    #   KV 1427,03 × 7,3 % = 104,173 → 208,34; AN 1284,18 × 7,3 % = 93,745 → 93,75; AG 114,59
    #   Zusatz 1427,03 × 1,45 % = 20,692 → 41,38; AN 18,621 → 18,62; AG 22,76
    #   PV 25,687 → 51,38; AN 23,115 → 23,12; AG 28,26; RV 132,714 → 265,42; AN 119,429 → 119,43; AG 145,99
    #   AV 18,551 → 37,10; AN 16,694 → 16,69; AG 20,41
    pytest.param(
        2026,
        "1500",
        ("93.75", "114.59", "18.62", "22.76", "23.12", "28.26", "119.43", "145.99", "16.69", "20.41"),
        id="2026 innen 1.500 €",
    ),
    # AE 2.000: BE = BE_AN = 2.000 → wie ohne Übergangsbereich: KV 146,00; Zusatz 29,00; PV 36,00; RV 186,00; AV 26,00
    pytest.param(
        2026,
        "2000",
        ("146.00", "146.00", "29.00", "29.00", "36.00", "36.00", "186.00", "186.00", "26.00", "26.00"),
        id="2026 obere Grenze 2.000 €",
    ),
    # 2025: G 556, F 0,6683, Zusatzbeitrag 2,5 (halb 1,25)
    # AE 556,01: BE = 0,6683 × 556 + 1,127718283 × 0,01 = 371,5748 + 0,0113 = 371,59; BE_AN 0,01
    #   KV 371,59 × 7,3 % = 27,126 → 54,26; Zusatz 371,59 × 1,25 % = 4,645 → 9,28; PV 6,689 → 13,38;
    #   RV 34,558 → 69,12; AV 4,831 → 9,66; alle AN-Anteile 0,00
    pytest.param(
        2025,
        "556.01",
        ("0.00", "54.26", "0.00", "9.28", "0.00", "13.38", "0.00", "69.12", "0.00", "9.66"),
        id="2025 untere Grenze 556,01",
    ),
    # AE 1.000: BE = 1,127718283 × 1000 − 255,436565 = 872,28; BE_AN = 1,385041551 × 1000 − 770,083102 = 614,96
    #   KV 63,676 → 127,36; AN 614,96 × 7,3 % = 44,892 → 44,89; AG 82,47
    #   Zusatz 872,28 × 1,25 % = 10,9035 → 10,90 × 2 = 21,80; AN 7,687 → 7,69; AG 14,11
    #   PV 15,701 → 31,40; AN 11,069 → 11,07; AG 20,33; RV 81,122 → 162,24; AN 57,191 → 57,19; AG 105,05
    #   AV 11,340 → 22,68; AN 7,994 → 7,99; AG 14,69
    pytest.param(
        2025,
        "1000",
        ("44.89", "82.47", "7.69", "14.11", "11.07", "20.33", "57.19", "105.05", "7.99", "14.69"),
        id="2025 innen 1.000 €",
    ),
    # AE 1.500: BE = 1,127718283 × 1500 − 255,436565 = 1.436,14; BE_AN = 1,385041551 × 1500 − 770,083102 = 1.307,48
    #   KV 104,838 → 209,68; AN 95,446 → 95,45; AG 114,23; Zusatz 17,952 → 35,90; AN 16,3435 → 16,34; AG 19,56
    #   PV 25,851 → 51,70; AN 23,535 → 23,53; AG 28,17; RV 133,561 → 267,12; AN 121,596 → 121,60; AG 145,52
    #   AV 18,670 → 37,34; AN 16,997 → 17,00; AG 20,34
    pytest.param(
        2025,
        "1500",
        ("95.45", "114.23", "16.34", "19.56", "23.53", "28.17", "121.60", "145.52", "17.00", "20.34"),
        id="2025 innen 1.500 €",
    ),
    pytest.param(
        2025,
        "2000",
        ("146.00", "146.00", "25.00", "25.00", "36.00", "36.00", "186.00", "186.00", "26.00", "26.00"),
        id="2025 obere Grenze 2.000 €",
    ),
]


@pytest.mark.parametrize(("jahr", "entgelt", "erwartet"), UEBERGANG)
def test_uebergangsbereich(jahr: int, entgelt: str, erwartet: tuple[str, ...]) -> None:
    b = berechne_beitraege(eingabe(B.MIDIJOB, entgelt, jahr=jahr))
    assert anteile(b) == erwartet


def test_uebergangsbereich_beispiel_kinderlos_und_umlagen() -> None:
    # RECHENGROESSEN 2026, AE 1.200: kinderlos +round(BE × 0,6 %) = round(1.083,25 × 0,6 %) = 6,4995 → 6,50 (nur AN)
    # Umlagen U1/U2 im Übergangsbereich von der reduzierten beitragspflichtigen Einnahme (§ 7 Abs. 2 Satz 1 AAG;
    # Gemeinsames Rundschreiben Übergangsbereich vom 21.03.2019, Ziffer 5.3.8; Haufe Personal Office
    # „Übergangsbereich“, 9.1): U1 1.083,25 × 2,1 % = 22,74825 → 22,75; U2 1.083,25 × 0,40 % = 4,333 → 4,33
    b = berechne_beitraege(eingabe(B.MIDIJOB, "1200", elterneigenschaft=False, kinder_unter_25=0))
    assert (b.pv.an, b.pv.ag) == (d("21.88"), d("23.62"))
    assert (b.beitragspflichtige_einnahme, b.beitragspflichtige_einnahme_an) == (d("1083.25"), d("854.69"))
    assert (b.umlage_u1, b.umlage_u2) == (d("22.75"), d("4.33"))
    assert b.umlage_basis == d("1083.25")
    assert "UMLAGEN_UEBERGANGSBEREICH" in codes(b)


@pytest.mark.parametrize(
    ("einmal", "u1", "u2", "insolvenz"),
    [
        # laufend 1.000 + Einmalzahlung 200 = 1.200 → BE 1.083,25. U1/U2 von dem auf das laufende Entgelt entfallenden
        # Anteil der reduzierten BE (§ 7 Abs. 2 AAG; GR Übergangsbereich 21.03.2019, Ziffer 5.3.8; Haufe Personal
        # Office „Übergangsbereich“, 9.1): 1.083,25 × 1.000 / 1.200 = 902,7083; U1 2,1 % = 18,956875 → 18,96;
        # U2 0,40 % = 3,61083 → 3,61. Insolvenzgeldumlage von der reduzierten BE einschließlich Einmalzahlung
        # (GR Übergangsbereich 20.12.2022, Ziffer 4.3.9 Abs. 2): 0,15 % × 1.083,25 = 1,6249 → 1,62
        pytest.param("200", "18.96", "3.61", "1.62", id="GR Übergangsbereich 4.3.9 + 5.3.8 (Anteil laufend)"),
        # ohne Einmalzahlung: AE 1.000 → BE 1,145937223 × 1.000 − 291,8744452 = 854,06; U1 2,1 % = 17,93526 → 17,94;
        # U2 0,40 % = 3,41624 → 3,42; IGU 0,15 % = 1,2811 → 1,28
        pytest.param("0", "17.94", "3.42", "1.28", id="Haufe Formel 2026 BE = 1,145937223 × AE − 291,8744452"),
    ],
)
def test_uebergangsbereich_umlagen_von_der_reduzierten_einnahme(einmal: str, u1: str, u2: str, insolvenz: str) -> None:
    b = berechne_beitraege(eingabe(B.MIDIJOB, "1000", einmalzahlung=d(einmal), privathaushalt=False))
    assert (b.umlage_u1, b.umlage_u2, b.insolvenzgeldumlage) == (d(u1), d(u2), d(insolvenz))


def test_uebergangsbereich_drei_kinder() -> None:
    # 3 Kinder unter 25: Abschlag 2 × 0,25 = 0,5 Punkte, round(BE_AN × 0,5 %) = round(854,69 × 0,5 %) = 4,27345 → 4,27
    # AN 15,38 − 4,27 = 11,11; AG bleibt 23,62 (§ 2 Abs. 2 BVV, § 55 Abs. 3 Satz 4 SGB XI)
    b = berechne_beitraege(eingabe(B.MIDIJOB, "1200", kinder_unter_25=3))
    assert (b.pv.an, b.pv.ag) == (d("11.11"), d("23.62"))


def test_uebergangsbereich_sachsen_ist_markiert() -> None:
    # Sachsen: Gesamt round(1.083,25 × 1,8 %) × 2 = 39,00; AN round(854,69 × 2,3 %) = 19,65787 → 19,66; AG 19,34
    b = berechne_beitraege(eingabe(B.MIDIJOB, "1200", bundesland="SN"))
    assert (b.pv.an, b.pv.ag) == (d("19.66"), d("19.34"))
    assert any(h.code == "REGELWERT_UNVERIFIZIERT" and "sachsen" in h.text.lower() for h in b.hinweise)


def test_werkstudent_im_uebergangsbereich_nur_rv() -> None:
    # only the RV line of the RECHENGROESSEN example (2026, AE 1.200 €): RV 201,48 / AN 79,49 / AG 121,99
    b = berechne_beitraege(eingabe(B.MIDIJOB, "1200", zweige=frozenset({Zweig.RV})))
    assert anteile(b) == ("0", "0", "0", "0", "0", "0", "79.49", "121.99", "0", "0")


def test_uebergangsbereich_mehrere_beschaeftigungen_anteilig() -> None:
    # 2026, dieses AE 600, weitere 600 → Gesamt 1.200: BE 1.083,2502…, BE_AN 854,6886… je × 600/1200
    # BE = 541,6251 → 541,63; BE_AN = 427,3443 → 427,34; RV Gesamt round(541,63 × 9,3 %) = 50,372 → 50,37 × 2 = 100,74
    # AN round(427,34 × 9,3 %) = 39,743 → 39,74; AG 61,00
    b = berechne_beitraege(eingabe(B.MIDIJOB, "600", weitere_entgelte_uebergangsbereich=d("600")))
    assert (b.beitragspflichtige_einnahme, b.beitragspflichtige_einnahme_an) == (d("541.63"), d("427.34"))
    assert (b.rv.an, b.rv.ag) == (d("39.74"), d("61.00"))


# --- volle Beiträge, BBG, Pflegeversicherung ---


def test_bbg_kv_gedeckelt_rv_nicht() -> None:
    # 2026, AE 7.000: KV/PV bis BBG 5.812,50; RV/AV voll (BBG 8.450)
    # KV 5.812,50 × 7,3 % = 424,3125 → 424,31; Zusatz × 1,45 % = 84,28125 → 84,28; PV × 1,8 % = 104,625 → 104,63
    # RV 7.000 × 9,3 % = 651,00; AV 7.000 × 1,3 % = 91,00
    b = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "7000"))
    assert anteile(b) == (
        "424.31",
        "424.31",
        "84.28",
        "84.28",
        "104.63",
        "104.63",
        "651.00",
        "651.00",
        "91.00",
        "91.00",
    )


def test_bbg_rv_gedeckelt() -> None:
    # 2026, AE 9.000: RV 8.450 × 9,3 % = 785,85; AV 8.450 × 1,3 % = 109,85
    # 2025, AE 9.000: RV 8.050 × 9,3 % = 748,65; AV 8.050 × 1,3 % = 104,65; KV 5.512,50 × 7,3 % = 402,4125 → 402,41
    b26 = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "9000"))
    assert (b26.rv.an, b26.av.an) == (d("785.85"), d("109.85"))
    b25 = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "9000", jahr=2025))
    assert (b25.rv.an, b25.av.ag, b25.kv.an) == (d("748.65"), d("104.65"), d("402.41"))


@pytest.mark.parametrize(
    ("kinder", "eltern", "land", "an", "ag"),
    [
        # AE 3.000, 2026 (§ 55 SGB XI, § 58 SGB XI); AG 1,8 % = 54,00, Sachsen 1,3 % = 39,00
        pytest.param(0, False, "BW", "72.00", "54.00", id="PV kinderlos 1,8 + 0,6 = 2,4 % → 72,00"),
        pytest.param(1, True, "BW", "54.00", "54.00", id="PV 1 Kind 1,8 % → 54,00"),
        pytest.param(3, True, "BW", "39.00", "54.00", id="PV 3 Kinder 1,8 − 2 × 0,25 = 1,3 % → 39,00"),
        pytest.param(6, True, "BW", "24.00", "54.00", id="PV 6 Kinder: Abschlag höchstens 4 × 0,25 → 0,8 % → 24,00"),
        pytest.param(0, True, "BW", "54.00", "54.00", id="PV Eltern, Kinder über 25: kein Zuschlag"),
        pytest.param(1, True, "SN", "69.00", "39.00", id="PV Sachsen 1 Kind AN 2,3 % = 69,00 / AG 1,3 % = 39,00"),
        pytest.param(0, False, "SN", "87.00", "39.00", id="PV Sachsen kinderlos 2,3 + 0,6 = 2,9 % → 87,00"),
        pytest.param(3, True, "SN", "54.00", "39.00", id="PV Sachsen 3 Kinder 2,3 − 0,5 = 1,8 % → 54,00"),
    ],
)
def test_pflegeversicherung(kinder: int, eltern: bool, land: str, an: str, ag: str) -> None:
    b = berechne_beitraege(
        eingabe(B.SV_PFLICHTIG, "3000", kinder_unter_25=kinder, elterneigenschaft=eltern, bundesland=land)
    )
    assert (b.pv.an, b.pv.ag) == (d(an), d(ag))


@pytest.mark.parametrize(
    ("entgelt", "land", "an", "ag"),
    [
        # § 2 Abs. 1 Satz 4 BVV, Haufe SGB Office "Berücksichtigung von Kindern … 4.1": the childless surcharge is
        # computed separately. AE 2.345,67: round(× 1,8 %) = 42,22206 → 42,22; Zuschlag round(× 0,6 %) = 14,07402
        # → 14,07; AN 56,29 (one rounding of 2,4 % would give 56,29608 → 56,30); AG 42,22
        pytest.param(
            "2345.67", "BW", "56.29", "42.22", id="PV kinderlos Zuschlag getrennt gerundet (§ 2 Abs. 1 S. 4 BVV)"
        ),
        # AE 3.000,25: 1,8 % = 54,0045 → 54,00; 0,6 % = 18,0015 → 18,00 → AN 72,00 (2,4 % in one go: 72,01)
        pytest.param("3000.25", "BW", "72.00", "54.00", id="PV kinderlos 3.000,25: 54,00 + 18,00"),
        # Sachsen: AN 2,3 % = 69,00575 → 69,01 plus Zuschlag 18,00 = 87,01; AG 1,3 % = 39,00325 → 39,00
        pytest.param("3000.25", "SN", "87.01", "39.00", id="PV Sachsen kinderlos 69,01 + 18,00 (§ 58 Abs. 3 SGB XI)"),
    ],
)
def test_pv_anteile_getrennt_gerundet(entgelt: str, land: str, an: str, ag: str) -> None:
    b = berechne_beitraege(
        eingabe(B.SV_PFLICHTIG, entgelt, kinder_unter_25=0, elterneigenschaft=False, bundesland=land)
    )
    assert (b.pv.an, b.pv.ag) == (d(an), d(ag))


@pytest.mark.parametrize(
    ("monat", "zuschlag"),
    [
        # geboren 15.03.2003 → 23. Lebensjahr vollendet am 14.03.2026 → Zuschlag ab April 2026 (§ 55 Abs. 3 SGB XI)
        pytest.param(date(2026, 3, 1), False, id="März 2026: noch kein Zuschlag"),
        pytest.param(date(2026, 4, 1), True, id="April 2026: Zuschlag"),
    ],
)
def test_kinderlosenzuschlag_ab_23(monat: date, zuschlag: bool) -> None:
    b = berechne_beitraege(
        eingabe(
            B.SV_PFLICHTIG,
            "3000",
            monat=monat,
            geburtsdatum=date(2003, 3, 15),
            kinder_unter_25=0,
            elterneigenschaft=False,
        )
    )
    assert b.pv.an == (d("72.00") if zuschlag else d("54.00"))


def test_vor_1940_geboren_kein_zuschlag() -> None:
    b = berechne_beitraege(
        eingabe(B.SV_PFLICHTIG, "3000", geburtsdatum=date(1939, 12, 31), kinder_unter_25=0, elterneigenschaft=False)
    )
    assert b.pv.an == d("54.00")


def test_umlagen_und_insolvenzgeld_voll() -> None:
    # AE 3.000: U1 2,1 % = 63,00; U2 0,40 % = 12,00; gewerblich Insolvenzgeldumlage 0,15 % = 4,50; UV 1,2 % = 36,00
    b = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "3000", privathaushalt=False, unfallversicherung_prozent=d("1.2")))
    assert (b.umlage_u1, b.umlage_u2, b.insolvenzgeldumlage, b.unfallversicherung) == (
        d("63.00"),
        d("12.00"),
        d("4.50"),
        d("36.00"),
    )
    privat = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "3000"))
    assert privat.insolvenzgeldumlage == 0  # § 358 Abs. 1 Satz 2 SGB III
    assert "INSOLVENZGELDUMLAGE_PRIVATHAUSHALT" in codes(privat)


def test_einmalzahlung_anteilige_jahres_bbg() -> None:
    # März 2026, laufend 5.000, Weihnachts-/Urlaubsgeld 3.000; angenommen Jan/Feb je 5.000:
    # KV: anteilige Jahres-BBG 3 × 5.812,50 = 17.437,50; verbraucht 2 × 5.000 + 5.000 = 15.000 → Rest 2.437,50
    #     beitragspflichtig 7.437,50; AN round(7.437,50 × 7,3 %) = 542,9375 → 542,94
    # RV: 3 × 8.450 = 25.350 − 15.000 = 10.350 ≥ 3.000 → 8.000; AN 8.000 × 9,3 % = 744,00
    # U1/U2 nur vom laufenden Entgelt (§ 7 Abs. 2 AAG): 5.000 × 2,1 % = 105,00
    b = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "5000", einmalzahlung=d("3000")))
    assert (b.kv.an, b.rv.an, b.umlage_u1) == (d("542.94"), d("744.00"), d("105.00"))
    assert "EINMALZAHLUNG_JAHRES_BBG_KV_PV" in codes(b)


def test_kurzfristig_privathaushalt() -> None:
    # kurzfristig im Privathaushalt (RECHENGROESSEN): keine SV; U1 0,8 % = 900 × 0,008 = 7,20; U2 0,22 % = 1,98;
    # UV 1,6 % = 14,40; keine Insolvenzgeldumlage
    b = berechne_beitraege(eingabe(B.KURZFRISTIG, "900"))
    assert b.an_gesamt == 0 and b.ag_sv == 0
    assert (b.umlage_u1, b.umlage_u2, b.unfallversicherung, b.insolvenzgeldumlage) == (
        d("7.20"),
        d("1.98"),
        d("14.40"),
        d("0"),
    )
    kurz = berechne_beitraege(eingabe(B.KURZFRISTIG, "900", u1_pflichtig=False))
    assert kurz.umlage_u1 == 0 and "U1_ENTFAELLT" in codes(kurz)


def test_privat_versichert_sv_pflichtig_warnt() -> None:
    b = berechne_beitraege(eingabe(B.SV_PFLICHTIG, "3000", kasse=None))
    assert b.kv.gesamt == 0 and b.pv.gesamt == 0
    assert b.rv.an == d("279.00")  # 3.000 × 9,3 %
    assert {"PRIVAT_VERSICHERT", "UMLAGEN_KASSE_FEHLT"} <= codes(b)


def test_2027_beitraege_melden_fehlende_werte() -> None:
    with pytest.raises(EingabeFehler, match="2027"):
        berechne_beitraege(eingabe(B.SV_PFLICHTIG, "3000", monat=date(2027, 1, 1)))


@pytest.mark.parametrize(
    ("feld", "wert"),
    [
        ("laufendes_entgelt", d("-0.01")),
        ("einmalzahlung", d("-1")),
        ("weitere_entgelte_uebergangsbereich", d("-1")),
        ("sv_tage", 31),
        ("kinder_unter_25", -1),
        ("unfallversicherung_prozent", d("-0.1")),
    ],
)
def test_unmoegliche_eingaben_sind_eingabefehler_mit_feld(feld: str, wert: object) -> None:
    # House rule: bad input is one German EingabeFehler naming the field (the CLI prints it without a traceback).
    with pytest.raises(EingabeFehler) as fehler:
        berechne_beitraege(eingabe(B.SV_PFLICHTIG, "3000", **{feld: wert}))
    assert fehler.value.feld == feld


# --- Eigenschaften ---

geld = st.decimals(min_value=0, max_value=20_000, places=2, allow_nan=False, allow_infinity=False)
satz = st.decimals(min_value=0, max_value=5, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=400, deadline=None)
@given(
    art=st.sampled_from(list(B)),
    entgelt=geld,
    einmal=st.sampled_from([d(0), d("500"), d("5000")]),
    jahr=st.sampled_from([2025, 2026]),
    kinder=st.integers(0, 7),
    eltern=st.booleans(),
    land=st.sampled_from(["BW", "SN", "BE"]),
    privathaushalt=st.booleans(),
    befreit=st.booleans(),
    privat=st.booleans(),
    zusatz=satz,
    u1=satz,
    uv=satz,
    weitere=st.sampled_from([d(0), d("300")]),
    sv_tage=st.integers(0, 30),
    geburtsjahr=st.integers(1935, 2008),
)
def test_eigenschaft_nie_negativ(
    art: B,
    entgelt: Decimal,
    einmal: Decimal,
    jahr: int,
    kinder: int,
    eltern: bool,
    land: str,
    privathaushalt: bool,
    befreit: bool,
    privat: bool,
    zusatz: Decimal,
    u1: Decimal,
    uv: Decimal,
    weitere: Decimal,
    sv_tage: int,
    geburtsjahr: int,
) -> None:
    b = berechne_beitraege(
        eingabe(
            art,
            str(entgelt),
            jahr=jahr,
            einmalzahlung=einmal,
            kinder_unter_25=kinder,
            elterneigenschaft=eltern,
            bundesland=land,
            privathaushalt=privathaushalt,
            rv_befreiung=befreit,
            kasse=None if privat else Kasse(zusatz, u1, d("0.4")),
            unfallversicherung_prozent=uv,
            weitere_entgelte_uebergangsbereich=weitere,
            sv_tage=sv_tage,
            geburtsdatum=date(geburtsjahr, 6, 15),
        )
    )
    werte = [x for a in (b.kv, b.kv_zusatz, b.pv, b.rv, b.av) for x in (a.an, a.ag, a.bemessung)]
    werte += [b.umlage_u1, b.umlage_u2, b.insolvenzgeldumlage, b.unfallversicherung]
    assert all(w >= 0 for w in werte), werte
    assert all(w == w.quantize(d("0.01")) for w in werte[:-4] if w is not None)


def _bei(jahr: int, art: B, entgelt: Decimal) -> Beitraege:
    return berechne_beitraege(
        eingabe(art, str(entgelt), jahr=jahr, kasse=Kasse(d("2.5") if jahr == 2025 else d("2.9"), d(0), d(0)))
    )


@pytest.mark.parametrize("jahr", [2025, 2026])
def test_eigenschaft_kein_sprung_am_unteren_rand(jahr: int) -> None:
    # Am unteren Rand trägt der Arbeitgeber im Übergangsbereich etwa 28 % der Grenze, wie die Minijob-Pauschalen
    # (KV 13 % + RV 15 % = 28 %), der Arbeitnehmer nahezu nichts (wie ein RV-befreiter Minijobber).
    # Toleranz: F ist auf 4 Stellen gerundet (|F − 28/Satz| ≤ 0,00005 → ≤ 1,2 ct bei G × Satz) plus je Zweig
    # höchstens 1 ct Rundung × 5 Zweige → 7 ct.
    grenze = d("556") if jahr == 2025 else d("603")
    midi = _bei(jahr, B.MIDIJOB, grenze + d("0.01"))
    mini = berechne_beitraege(eingabe(B.MINIJOB, str(grenze), jahr=jahr, privathaushalt=False, rv_befreiung=True))
    assert midi.an_gesamt <= d("0.02")
    assert abs(midi.ag_sv - (mini.kv.ag + mini.rv.ag)) <= d("0.07")


@settings(max_examples=200, deadline=None)
@given(jahr=st.sampled_from([2025, 2026]), cent=st.integers(1, 50))
def test_eigenschaft_kein_sprung_am_oberen_rand(jahr: int, cent: int) -> None:
    # Bei 2.000 € stimmen Übergangsbereich und volle Beiträge überein; wenige Cent darüber ändert sich je Zweig
    # höchstens um den Satz × Differenz plus 1 ct Rundung.
    oben = _bei(jahr, B.MIDIJOB, d("2000"))
    voll_2000 = _bei(jahr, B.SV_PFLICHTIG, d("2000"))
    assert anteile(oben) == anteile(voll_2000)
    darueber = _bei(jahr, B.SV_PFLICHTIG, d("2000") + d(cent) / 100)
    for a, b in zip(anteile(oben), anteile(darueber), strict=True):
        assert d(0) <= d(b) - d(a) <= d(cent) / 100 * d("0.093") + d("0.01")


@settings(max_examples=200, deadline=None)
@given(jahr=st.sampled_from([2025, 2026]), a=geld, b=geld)
def test_eigenschaft_uebergangsbereich_monoton(jahr: int, a: Decimal, b: Decimal) -> None:
    # Mehr Entgelt im Übergangsbereich heißt nie weniger Beitrag (weder AN noch gesamt), bis auf 1 ct Rundung je Zweig.
    grenze = d("556") if jahr == 2025 else d("603")
    lo, hi = sorted((grenze + d("0.01") + a % (2000 - grenze), grenze + d("0.01") + b % (2000 - grenze)))
    x, y = _bei(jahr, B.MIDIJOB, lo), _bei(jahr, B.MIDIJOB, hi)
    assert y.an_gesamt >= x.an_gesamt - d("0.05")
    assert y.an_gesamt + y.ag_sv >= x.an_gesamt + x.ag_sv - d("0.05")
