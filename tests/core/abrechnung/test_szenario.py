"""`assistenzbuero berechnen SZENARIO.json` (CONTRACTS §3): scenario files with values worked by hand.

Sources: RECHENGROESSEN (Minijob rates, Übergangsbereich example 2026 AE 1.200 €, SV rates 2026), § 3b EStG,
§ 40a EStG, § 1 MiLoG with BAG 29.06.2016 – 5 AZR 716/15. Lohnsteuer of the SV-pflichtig case is the official
BMF PAP 2026 (validated elsewhere against the BMF's own test rows) fed with inputs written down here by hand.
"""

from __future__ import annotations

import json
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.regeln.lohnsteuer import berechne_pap

DATEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"
FELDER = (
    "id beschaeftigung hinweise stunden bereitschaftsstunden brutto steuerfreie_zuschlaege steuerbrutto sv_brutto "
    "lohnsteuer solidaritaetszuschlag kirchensteuer kv_an pv_an rv_an av_an netto kv_ag pv_ag rv_ag av_ag "
    "umlage_u1 umlage_u2 insolvenzgeldumlage pauschsteuer unfallversicherung arbeitgeberkosten"
).split()


def berechne(datei: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["berechnen", str(DATEN / datei), "--json"]) == 0
    ausgabe = json.loads(capsys.readouterr().out)
    assert [k for k in ausgabe] == ["jahr", "monat", "assistenzkraefte"]
    kraft = ausgabe["assistenzkraefte"][0]
    assert [k for k in kraft][: len(FELDER)] == FELDER
    return kraft


def codes(kraft: dict[str, Any]) -> set[str]:
    return {h["code"] for h in kraft["hinweise"]}


def pruefe(kraft: dict[str, Any], erwartet: dict[str, str]) -> None:
    ist = {k: kraft[k] for k in erwartet}
    assert ist == erwartet
    # Contract definitions: netto = brutto − AN-Steuern − AN-SV; AG-Kosten = brutto + jede AG-Abgabe
    d = {k: Decimal(kraft[k]) for k in FELDER if k not in ("id", "beschaeftigung", "hinweise")}
    assert d["netto"] == d["brutto"] - sum(
        d[k] for k in ("lohnsteuer", "solidaritaetszuschlag", "kirchensteuer", "kv_an", "pv_an", "rv_an", "av_an")
    )
    assert d["arbeitgeberkosten"] == d["brutto"] + sum(
        d[k]
        for k in (
            "kv_ag",
            "pv_ag",
            "rv_ag",
            "av_ag",
            "umlage_u1",
            "umlage_u2",
            "insolvenzgeldumlage",
            "pauschsteuer",
            "unfallversicherung",
        )
    )


def test_minijob_privathaushalt(capsys: pytest.CaptureFixture[str]) -> None:
    # 9 Schichten × 4 h = 36 h × 15,00 € = 540,00 € ≤ 603 € → Minijob, Haushaltsscheck (§ 8a SGB IV)
    # Minijob-Zentrale Privathaushalt 2026 (RECHENGROESSEN): KV 5 % = 27,00; RV AG 5 % = 27,00;
    # RV AN 13,6 % = 73,44; U1 0,8 % = 4,32; U2 0,22 % = 1,188 → 1,19; UV 1,6 % = 8,64; Pauschsteuer 2 % = 10,80
    # netto 540 − 73,44 = 466,56; AG 540 + 27 + 27 + 4,32 + 1,19 + 10,80 + 8,64 = 618,95
    k = berechne("minijob_privathaushalt.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "minijob",
            "stunden": "36.00",
            "brutto": "540.00",
            "sv_brutto": "540.00",
            "kv_ag": "27.00",
            "rv_ag": "27.00",
            "rv_an": "73.44",
            "kv_an": "0.00",
            "umlage_u1": "4.32",
            "umlage_u2": "1.19",
            "insolvenzgeldumlage": "0.00",
            "unfallversicherung": "8.64",
            "pauschsteuer": "10.80",
            "lohnsteuer": "0.00",
            "netto": "466.56",
            "arbeitgeberkosten": "618.95",
        },
    )
    assert {"HAUSHALTSSCHECK", "MINDESTLOHN_OK"} <= codes(k)
    assert any("603,00" in g for g in k["begruendung"])


def test_midijob_rechengroessen_beispiel(capsys: pytest.CaptureFixture[str]) -> None:
    # 15 Schichten × 5 h = 75 h × 16,00 € = 1.200,00 € → Übergangsbereich 2026, kinderlos, Zusatzbeitrag 2,9 %
    # RECHENGROESSEN: KV 62,39 + Zusatz 12,39 = 74,78 AN; 95,77 + 19,03 = 114,80 AG; PV 15,38 + 6,50 = 21,88 AN,
    # 23,62 AG; RV 79,49 / 121,99; AV 11,11 / 17,05. U1/U2 von der reduzierten beitragspflichtigen Einnahme BE 1.083,25
    # (§ 7 Abs. 2 AAG; GR Übergangsbereich 21.03.2019, Ziffer 5.3.8): U1 × 2,1 % = 22,74825 → 22,75;
    # U2 × 0,40 % = 4,333 → 4,33; UV 1,0 % = 12,00; Privathaushalt: keine Insolvenzgeldumlage.
    # Lohnsteuer 0: Jahreslohn 14.400 − 1.230 (§ 9a) − 36 (§ 10c) − Vorsorgepauschale (RV allein ≥ 12 × 79,49 = 953)
    # < 12.348 Grundfreibetrag 2026.
    # netto 1.200 − (74,78 + 21,88 + 79,49 + 11,11) = 1.012,74
    # AG 1.200 + 114,80 + 23,62 + 121,99 + 17,05 + 22,75 + 4,33 + 12,00 = 1.516,54
    k = berechne("midijob.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "midijob",
            "stunden": "75.00",
            "brutto": "1200.00",
            "kv_an": "74.78",
            "pv_an": "21.88",
            "rv_an": "79.49",
            "av_an": "11.11",
            "kv_ag": "114.80",
            "pv_ag": "23.62",
            "rv_ag": "121.99",
            "av_ag": "17.05",
            "umlage_u1": "22.75",
            "umlage_u2": "4.33",
            "insolvenzgeldumlage": "0.00",
            "unfallversicherung": "12.00",
            "lohnsteuer": "0.00",
            "netto": "1012.74",
            "arbeitgeberkosten": "1516.54",
        },
    )
    assert "UMLAGEN_UEBERGANGSBEREICH" in codes(k)


def test_sv_pflichtig_nacht_sonntag(capsys: pytest.CaptureFixture[str]) -> None:
    # 20 Tagschichten 8–16 Uhr = 160 h; Nächte Sa→So 7./8., 14./15. (je 8 h) und 28./29.3. (Sommerzeit: 7 h)
    # Stunden 160 + 16 + 7 = 183; Grundvergütung 183 × 18,00 = 3.294,00
    # Zuschläge (§ 3b EStG, alles innerhalb der Höchstsätze, Grundlohn 18 ≤ 25): Nacht 23 h × 18 × 25 % = 103,50;
    # Sonntag 0–6 Uhr: 6 + 6 + 5 = 17 h × 18 × 50 % = 153,00 → 256,50 steuer- und SV-frei
    # Brutto 3.550,50; Steuer-/SV-Brutto 3.294,00
    # SV 2026, 1 Kind: KV 3.294 × 7,3 % = 240,462 → 240,46; Zusatz × 1,45 % = 47,763 → 47,76 (KV 288,22);
    # PV × 1,8 % = 59,292 → 59,29; RV × 9,3 % = 306,342 → 306,34; AV × 1,3 % = 42,822 → 42,82 — je AN und AG
    # U1 2,1 % = 69,174 → 69,17; U2 0,40 % = 13,176 → 13,18; UV 1,0 % = 32,94
    k = berechne("sv_pflichtig_nacht_sonntag.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "sv_pflichtig",
            "stunden": "183.00",
            "brutto": "3550.50",
            "steuerfreie_zuschlaege": "256.50",
            "steuerbrutto": "3294.00",
            "sv_brutto": "3294.00",
            "kv_an": "288.22",
            "pv_an": "59.29",
            "rv_an": "306.34",
            "av_an": "42.82",
            "kv_ag": "288.22",
            "pv_ag": "59.29",
            "rv_ag": "306.34",
            "av_ag": "42.82",
            "umlage_u1": "69.17",
            "umlage_u2": "13.18",
            "unfallversicherung": "32.94",
        },
    )
    # Lohnsteuer: BMF-PAP 2026 mit den Personalbogen-Merkmalen, von Hand übertragen (Monat, StKl I, 1 Kinderfreibetrag,
    # kirchensteuerpflichtig, gesetzlich versichert mit 2,9 % Zusatzbeitrag, 1 Kind: kein PV-Zuschlag/Abschlag)
    pap = berechne_pap(
        2026,
        {"LZZ": 2, "STKL": 1, "RE4": 329400, "ZKF": Decimal("1"), "R": 1, "KVZ": Decimal("2.9"), "PKV": 0,
         "PVZ": 0, "PVA": Decimal(0), "PVS": 0, "KRV": 0, "ALV": 0},
    )  # fmt: skip
    lst = pap["LSTLZZ"] / 100
    soli = pap["SOLZLZZ"] / 100
    kist = (pap["BK"] * Decimal("0.08")).quantize(Decimal(1), rounding=ROUND_DOWN) / 100  # 8 % BW, Cent abgeschnitten
    assert (Decimal(k["lohnsteuer"]), Decimal(k["solidaritaetszuschlag"]), Decimal(k["kirchensteuer"])) == (
        lst,
        soli,
        kist,
    )
    assert lst > 0
    netto = Decimal("3550.50") - lst - soli - kist - Decimal("288.22") - Decimal("59.29") - Decimal("306.34")
    assert Decimal(k["netto"]) == netto - Decimal("42.82")
    # AG 3.550,50 + 288,22 + 59,29 + 306,34 + 42,82 + 69,17 + 13,18 + 32,94 = 4.362,46
    assert k["arbeitgeberkosten"] == "4362.46"
    assert "MINDESTLOHN_OK" in codes(k)


def test_kurzfristig_privathaushalt_pauschsteuer_25(capsys: pytest.CaptureFixture[str]) -> None:
    # befristet 01.03.–30.04.2026, 16 Arbeitstage (≤ 70), nicht berufsmäßig → kurzfristig (§ 8 Abs. 1 Nr. 2 SGB IV)
    # 8 Schichten × 6 h = 48 h × 15,00 = 720,00 €; keine KV/PV/RV/AV
    # Haushaltsscheck (RECHENGROESSEN): U1 0,8 % = 5,76 (Befristung > 4 Wochen); U2 0,22 % = 1,584 → 1,58;
    # UV 1,6 % = 11,52; keine Insolvenzgeldumlage
    # § 40a Abs. 1 EStG: 8 Tage ≤ 18, Ø 90 €/Tag ≤ 150, Ø 15 €/h ≤ 19 → 25 % = 180,00; Soli 5,5 % = 9,90;
    # pauschale KiSt BW 5,5 % [?] = 9,90 → Pauschsteuer 199,80
    # netto 720,00; AG 720 + 5,76 + 1,58 + 11,52 + 199,80 = 938,66
    k = berechne("kurzfristig_privathaushalt.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "kurzfristig",
            "stunden": "48.00",
            "brutto": "720.00",
            "kv_an": "0.00",
            "rv_an": "0.00",
            "kv_ag": "0.00",
            "rv_ag": "0.00",
            "umlage_u1": "5.76",
            "umlage_u2": "1.58",
            "insolvenzgeldumlage": "0.00",
            "unfallversicherung": "11.52",
            "pauschsteuer": "199.80",
            "lohnsteuer": "0.00",
            "netto": "720.00",
            "arbeitgeberkosten": "938.66",
        },
    )
    # 720 € > 603 €: § 28a Abs. 7 Satz 1 SGB IV binds the Haushaltsscheck to pay up to the limit → Warnung
    assert {"HAUSHALTSSCHECK_ENTGELTGRENZE", "KURZFRISTIG_BEITRAGSFREI", "REGELWERT_UNVERIFIZIERT"} <= codes(k)


def test_krankheit_lohnausfall_mit_zuschlag(capsys: pytest.CaptureFixture[str]) -> None:
    # Mo 02.03. 8 h gearbeitet: 8 × 20 = 160; So 08.03. 8 h geplant, aber krank (Lohnausfallprinzip, § 4 EFZG):
    # 8 × 20 = 160 fortgezahlt + Sonntagszuschlag 8 × 20 × 50 % = 80 — nicht geleistet, also steuer- und SV-pflichtig
    # Brutto 400,00 = Steuer-/SV-Brutto → Minijob Privathaushalt: KV 5 % 20,00, RV AG 20,00, AN 13,6 % 54,40;
    # U1 0,8 % 3,20; U2 0,22 % 0,88; UV 1,6 % 6,40; Pauschsteuer 2 % 8,00 → AG 458,48; netto 345,60
    k = berechne("krank_lohnausfall.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "minijob",
            "stunden": "8.00",
            "brutto": "400.00",
            "steuerfreie_zuschlaege": "0.00",
            "steuerbrutto": "400.00",
            "sv_brutto": "400.00",
            "rv_an": "54.40",
            "pauschsteuer": "8.00",
            "netto": "345.60",
            "arbeitgeberkosten": "458.48",
        },
    )
    assert k["lohnfortzahlung"] == "160.00" and k["zuschlaege"] == "80.00"
    assert {"ZUSCHLAG_NICHT_GELEISTET", "ENTGELTFORTZAHLUNG_KRANKHEIT"} <= codes(k)


def test_bereitschaft_mindestlohn_unterschritten(capsys: pytest.CaptureFixture[str]) -> None:
    # Seed 004, 1.6.2 (Arbeit I/II) mit Mindestlohn 2026: 14 h Arbeit × 13,90 = 194,60; 10 h Bereitschaft zu 30 %:
    # 10 × 13,90 × 0,3 = 41,70 → 236,30 für 24 h; nötig 24 × 13,90 = 333,60 (BAG 5 AZR 716/15) → 97,30 fehlen
    k = berechne("bereitschaft_mindestlohn.json", capsys)
    assert (k["stunden"], k["bereitschaftsstunden"], k["brutto"]) == ("14.00", "10.00", "236.30")
    hinweis = next(h for h in k["hinweise"] if h["code"] == "MINDESTLOHN_UNTERSCHRITTEN")
    assert hinweis["schwere"] == "fehler" and "97,30" in hinweis["text"]


def test_tabelle_ohne_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["berechnen", str(DATEN / "midijob.json")]) == 0
    text = capsys.readouterr().out
    assert "Lohnabrechnung März 2026 – Baden-Württemberg, Privathaushalt" in text
    assert "Assistenzkraft „ben“: Beschäftigung im Übergangsbereich (Midijob)" in text
    assert "1.516,54" in text and "Netto" in text and "Begründung:" in text


def test_keine_datenbank(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "nie.db"
    assert main(["--db", str(db), "berechnen", str(DATEN / "minijob_privathaushalt.json"), "--json"]) == 0
    capsys.readouterr()
    assert not db.exists()


FEHLER = sorted((DATEN / "fehler").glob("*.json"))
ERWARTET = {
    "abwesenheit_art": "„kur“ ist nicht vorgesehen",
    "betrag_ungueltig": "stundenlohn: „15,00 Euro“ ist kein Betrag",
    "bundesland_falsch": "arbeitgeber.bundesland",
    "feld_unbekannt": "stundenlon: dieses Feld ist unbekannt",
    "jahr_fehlt": "jahr: diese Angabe fehlt",
    "jahr_unbekannt": "Unterstützt werden: 2025, 2026, 2027",
    "kasse_unbekannt": "die Kasse „TK“",
    "kein_json": "kein gültiges JSON (Zeile 3",
    "lohn_fehlt": "genau eine der Angaben stundenlohn, tageslohn oder monatslohn",
    "monat_13": "13 ist kein Monat",
    "pauschsteuer_2_bei_midijob": "Pauschsteuer von 2 % gibt es nur für Minijobs",
    "schicht_ende_vor_beginn": "endet nicht nach ihrem Beginn",
    "schicht_sommerzeitluecke": "gibt es am 29.03.2026 nicht",
    "schichten_ueberlappen": "überschneiden sich",
}


def test_alle_fehlerfaelle_haben_erwartung() -> None:
    assert {p.stem for p in FEHLER} == set(ERWARTET)


@pytest.mark.parametrize("datei", FEHLER, ids=lambda p: p.stem)
def test_falsche_eingabe_exit_2_eine_zeile(datei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["berechnen", str(datei), "--json"]) == 2
    ausgabe = capsys.readouterr()
    assert ausgabe.out == ""
    zeilen = ausgabe.err.strip().splitlines()
    assert len(zeilen) == 1, ausgabe.err
    assert zeilen[0].startswith("Fehler: ")
    assert ERWARTET[datei.stem] in zeilen[0]
    assert "Traceback" not in ausgabe.err


def test_datei_fehlt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["berechnen", str(tmp_path / "gibt-es-nicht.json")]) == 2
    assert "gibt es nicht" in capsys.readouterr().err


def test_sv_pflichtig_feiertag_nacht_sonntag(capsys: pytest.CaptureFixture[str]) -> None:
    # April 2026, BW, 20 €/h. 20 weekdays 8–16 Uhr (without Karfreitag 03.04. and Ostermontag 06.04.) = 160 h;
    # Ostermontag 8–16 Uhr 8 h; Sa 11.04. 22 Uhr – So 12.04. 6 Uhr 8 h → 176 h × 20 = 3.520,00
    # Zuschläge within § 3b EStG (Grundlohn 20 ≤ 25, also SV-free): Feiertag 125 % × 8 h × 20 = 200,00;
    # Nacht 25 % × 8 h × 20 = 40,00; Sonntag 50 % × 6 h (0–6 Uhr) × 20 = 60,00 → 300,00
    # Brutto 3.820,00; Steuer-/SV-Brutto 3.520,00. SV 2026, 1 Kind: KV 7,3 % 256,96 + Zusatz 1,45 % 51,04 = 308,00;
    # PV 1,8 % 63,36; RV 9,3 % 327,36; AV 1,3 % 45,76 (AN = AG); U1 2,1 % 73,92; U2 0,40 % 14,08; UV 1,0 % 35,20
    # AG 3.820 + 308,00 + 63,36 + 327,36 + 45,76 + 73,92 + 14,08 + 35,20 = 4.687,68
    k = berechne("sv_pflichtig_feiertag.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "sv_pflichtig",
            "stunden": "176.00",
            "brutto": "3820.00",
            "steuerfreie_zuschlaege": "300.00",
            "steuerbrutto": "3520.00",
            "sv_brutto": "3520.00",
            "kv_an": "308.00",
            "pv_an": "63.36",
            "rv_an": "327.36",
            "av_an": "45.76",
            "kv_ag": "308.00",
            "umlage_u1": "73.92",
            "umlage_u2": "14.08",
            "unfallversicherung": "35.20",
            "arbeitgeberkosten": "4687.68",
        },
    )
    pap = berechne_pap(
        2026,
        {"LZZ": 2, "STKL": 1, "RE4": 352000, "ZKF": Decimal("1"), "R": 0, "KVZ": Decimal("2.9"), "PKV": 0,
         "PVZ": 0, "PVA": Decimal(0), "PVS": 0, "KRV": 0, "ALV": 0},
    )  # fmt: skip
    assert (Decimal(k["lohnsteuer"]), Decimal(k["solidaritaetszuschlag"])) == (
        pap["LSTLZZ"] / 100,
        pap["SOLZLZZ"] / 100,
    )
    # Each surcharge line with its hours, percent and € per hour (Grundlohn 20,00 € × percent), hand-computed above:
    # Feiertag 8 h × 25,00 € (125 %) = 200,00; Nacht 8 h × 5,00 € (25 %) = 40,00; Sonntag 6 h × 10,00 € (50 %) = 60,00.
    zuschlaege = {
        z["text"]: (z["menge"], z["einheit"], z["prozent"], z["satz"], z["betrag"])
        for z in k["lohnarten"]
        if z["schluessel"] == "1100"
    }
    assert {text: (m, e, Decimal(p), Decimal(s), b) for text, (m, e, p, s, b) in zuschlaege.items()} == {
        "Feiertagszuschlag 125 % (steuer- und beitragsfrei)": ("8.00", "Std.", 125, 25, "200.00"),
        "Nachtzuschlag 25 % (steuer- und beitragsfrei)": ("8.00", "Std.", 25, 5, "40.00"),
        "Sonntagszuschlag 50 % (steuer- und beitragsfrei)": ("6.00", "Std.", 50, 10, "60.00"),
    }


def test_midijob_mit_drei_kindern(capsys: pytest.CaptureFixture[str]) -> None:
    # As the RECHENGROESSEN example (AE 1.200, BE 1.083,25, BE_AN 854,69), but 3 children under 25: no childless
    # surcharge; PV discount 2 × 0,25 = 0,5 % × BE_AN = 4,27345 → 4,27 (§ 55 Abs. 3 Satz 4 SGB XI, § 2 Abs. 2 BVV):
    # PV AN 15,38 − 4,27 = 11,11; AG 23,62. netto 1.200 − (74,78 + 11,11 + 79,49 + 11,11) = 1.023,51
    # AG 1.200 + 114,80 + 23,62 + 121,99 + 17,05 + 22,75 + 4,33 + 12,00 = 1.516,54 (U1/U2 from BE, see above)
    k = berechne("midijob_drei_kinder.json", capsys)
    pruefe(
        k,
        {
            "beschaeftigung": "midijob",
            "kv_an": "74.78",
            "pv_an": "11.11",
            "rv_an": "79.49",
            "av_an": "11.11",
            "pv_ag": "23.62",
            "netto": "1023.51",
            "arbeitgeberkosten": "1516.54",
        },
    )
    assert k["beitragsgruppe"] == "1111" and k["personengruppe"] == "101" and k["uebergangsbereich"]


@pytest.mark.parametrize("datei", ["sv_pflichtig_feiertag.json", "midijob.json", "minijob_privathaushalt.json"])
def test_abzuege_erklaert_und_vollstaendig(datei: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Every deduction line names its legal source and explains itself; together they are brutto − netto
    # (employee) and the employer's charges (arbeitgeberkosten − brutto), as the EBV wants them itemised.
    k = berechne(datei, capsys)
    for zeile in k["abzuege"] + k["arbeitgeberanteile"]:
        assert zeile["rechtsgrundlage"] and zeile["erklaerung"], zeile
    an = sum((Decimal(z["betrag"]) for z in k["abzuege"]), Decimal(0))
    ag = sum((Decimal(z["betrag"]) for z in k["arbeitgeberanteile"]), Decimal(0))
    assert an == Decimal(k["brutto"]) - Decimal(k["netto"])
    assert ag == Decimal(k["arbeitgeberkosten"]) - Decimal(k["brutto"])
