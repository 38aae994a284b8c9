"""Independent review (issue 3): `berechnen` end to end with cases computed by hand from the law, not by the code.

Every expected figure is derived in the comments from § 20 Abs. 2a SGB IV (BE formulas written out from G and F),
§ 2 BVV (rounding), § 58 SGB XI (PV Sachsen), § 7 Abs. 2 AAG / § 358 SGB III (Umlagen), the Minijob-Zentrale rates
and the CONTRACTS §3 example input taken verbatim (comments stripped).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.cli import main

# The CONTRACTS §3 example input copied verbatim, with its // comments (tests never read ../shared).
BEISPIEL = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "contracts_beispiel.jsonc"

AN_STEUER_SV = ("lohnsteuer", "solidaritaetszuschlag", "kirchensteuer", "kv_an", "pv_an", "rv_an", "av_an")
AG_POSTEN = (
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


def rechne(tmp_path: Path, capsys: pytest.CaptureFixture[str], szenario: dict[str, Any]) -> dict[str, Any]:
    datei = tmp_path / "szenario.json"
    datei.write_text(json.dumps(szenario), encoding="utf-8")
    assert main(["berechnen", str(datei), "--json"]) == 0
    kraft: dict[str, Any] = json.loads(capsys.readouterr().out)["assistenzkraefte"][0]
    # CONTRACTS §3 definitions, checked on every case
    d = {k: Decimal(v) for k, v in kraft.items() if k in AN_STEUER_SV + AG_POSTEN + ("brutto", "netto")}
    assert d["netto"] == d["brutto"] - sum(d[k] for k in AN_STEUER_SV)
    assert kraft["arbeitgeberkosten"] == str(d["brutto"] + sum(d[k] for k in AG_POSTEN))
    return kraft


def szenario(land: str, privathaushalt: bool, kraft: dict[str, Any], jahr: int = 2026, uv: str = "0") -> dict[str, Any]:
    return {
        "jahr": jahr,
        "monat": 3,
        "arbeitgeber": {"bundesland": land, "privathaushalt": privathaushalt, "unfallversicherung_prozent": uv},
        "krankenkassen": {
            "Kasse": {"zusatzbeitrag": "2.9" if jahr == 2026 else "2.5", "u1_satz": "2.1", "u2_satz": "0.40"}
        },
        "assistenzkraefte": [{"id": "x", "krankenkasse": "Kasse", **kraft}],
    }


def test_midijob_2025_sachsen_kinderlos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2025: G 556, F 0,6683 (28 / 41,9). AE 1.000:
    # BE = F·G + (2000/1444 − 556/1444·F)·(AE − G) = 371,5748 + 1,127718282 × 444 = 872,2817 → 872,28
    # BE_AN = 2000/1444 × 444 = 614,9584 → 614,96
    # KV 7,3 %: round(872,28 × 7,3 %) = 63,68 × 2 = 127,36; AN round(614,96 × 7,3 %) = 44,89; AG 82,47
    # Zusatz 1,25 %: 10,90 × 2 = 21,80; AN 7,69; AG 14,11 → kv_an 52,58, kv_ag 96,58
    # PV Sachsen: 15,70 × 2 = 31,40; AN round(614,96 × 2,3 %) = 14,14 (§ 58 Abs. 5 SGB XI: AN-Satz + 1 Punkt);
    # AG 17,26; Kinderlosenzuschlag round(BE × 0,6 %) = 5,23 → pv_an 19,37
    # RV 9,3 %: 81,12 × 2 = 162,24; AN 57,19; AG 105,05. AV 1,3 %: 11,34 × 2 = 22,68; AN 7,99; AG 14,69
    # U1/U2 from the reduced BE (§ 7 Abs. 2 AAG; Gemeinsames Rundschreiben Übergangsbereich vom 21.03.2019,
    # Ziffer 5.3.8): 872,28 × 2,1 % = 18,31788 → 18,32; × 0,40 % = 3,48912 → 3,49; Privathaushalt: no IGU
    # AG 1.000 + 96,58 + 17,26 + 105,05 + 14,69 + 18,32 + 3,49 = 1.255,39
    # LSt 0: 12 × 1.000 = 12.000 < Grundfreibetrag 12.096. netto 1.000 − 137,13 = 862,87
    k = rechne(
        tmp_path,
        capsys,
        szenario("SN", True, {"geburtsdatum": "1990-05-05", "monatslohn": "1000.00"}, jahr=2025),
    )
    erwartet = {
        "beschaeftigung": "midijob",
        "kv_an": "52.58",
        "kv_ag": "96.58",
        "pv_an": "19.37",
        "pv_ag": "17.26",
        "rv_an": "57.19",
        "rv_ag": "105.05",
        "av_an": "7.99",
        "av_ag": "14.69",
        "umlage_u1": "18.32",
        "umlage_u2": "3.49",
        "insolvenzgeldumlage": "0.00",
        "lohnsteuer": "0.00",
        "netto": "862.87",
        "arbeitgeberkosten": "1255.39",
    }
    assert {f: k[f] for f in erwartet} == erwartet


def test_sv_pflichtig_gewerblich_ein_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2026, 3.200 € Monatslohn, gewerblich, 1 Kind: each branch half and half (§ 2 Abs. 1 Satz 1 BVV)
    # KV 7,3 % 233,60 | Zusatz 1,45 % 46,40 | PV 1,8 % 57,60 | RV 9,3 % 297,60 | AV 1,3 % 41,60 (AN = AG)
    # U1 2,1 % 67,20; U2 0,40 % 12,80; Insolvenzgeldumlage 0,15 % 4,80 (§ 358 SGB III); UV 1,2 % 38,40
    # AG 3.200 + 676,80 + 123,20 = 4.000,00
    k = rechne(
        tmp_path,
        capsys,
        szenario(
            "BW",
            False,
            {"geburtsdatum": "1980-01-01", "monatslohn": "3200.00", "elterneigenschaft": True, "kinder_unter_25": 1},
            uv="1.2",
        ),
    )
    erwartet = {
        "beschaeftigung": "sv_pflichtig",
        "kv_an": "280.00",
        "kv_ag": "280.00",
        "pv_an": "57.60",
        "pv_ag": "57.60",
        "rv_an": "297.60",
        "rv_ag": "297.60",
        "av_an": "41.60",
        "av_ag": "41.60",
        "umlage_u1": "67.20",
        "umlage_u2": "12.80",
        "insolvenzgeldumlage": "4.80",
        "unfallversicherung": "38.40",
        "arbeitgeberkosten": "4000.00",
    }
    assert {f: k[f] for f in erwartet} == erwartet


def test_minijob_gewerblich_an_der_grenze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2026 gewerblich 603,00 (= Grenze, Minijob): KV 13 % 78,39; RV AG 15 % 90,45; AN 3,6 % 21,708 → 21,71;
    # U1 0,8 % 4,824 → 4,82; U2 0,22 % 1,3266 → 1,33; IGU 0,15 % 0,9045 → 0,90; UV 1,2 % 7,236 → 7,24;
    # Pauschsteuer 2 % 12,06 (§ 40a Abs. 2 EStG). netto 603 − 21,71 = 581,29; AG 798,19
    k = rechne(
        tmp_path, capsys, szenario("BW", False, {"geburtsdatum": "1980-01-01", "monatslohn": "603.00"}, uv="1.2")
    )
    erwartet = {
        "beschaeftigung": "minijob",
        "kv_ag": "78.39",
        "rv_ag": "90.45",
        "rv_an": "21.71",
        "umlage_u1": "4.82",
        "umlage_u2": "1.33",
        "insolvenzgeldumlage": "0.90",
        "unfallversicherung": "7.24",
        "pauschsteuer": "12.06",
        "netto": "581.29",
        "arbeitgeberkosten": "798.19",
    }
    assert {f: k[f] for f in erwartet} == erwartet


def test_werkstudent_im_uebergangsbereich_nur_rv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2026, 1.200 €, Student: only RV (§ 5 Abs. 3 SGB VI), with the Übergangsbereich formula:
    # BE = 0,6619 × 603 + (2000/1397 − 603/1397 × 0,6619) × 597 = 1.083,25; BE_AN = 2000/1397 × 597 = 854,69
    # RV round(1.083,25 × 9,3 %) = 100,74 × 2 = 201,48; AN round(854,69 × 9,3 %) = 79,49; AG 121,99
    # U1 1.083,25 × 2,1 % = 22,74825 → 22,75; U2 × 0,40 % = 4,333 → 4,33 (from the reduced BE, § 7 Abs. 2 AAG;
    # Gemeinsames Rundschreiben Übergangsbereich vom 21.03.2019, Ziffer 5.3.8).
    # LSt 0: 14.400 − 1.230 − 36 − 953,88 (RV) < 12.348. netto 1.120,51; AG 1.200 + 121,99 + 22,75 + 4,33 = 1.349,07
    k = rechne(
        tmp_path, capsys, szenario("BW", True, {"geburtsdatum": "2002-01-01", "monatslohn": "1200.00", "student": True})
    )
    erwartet = {
        "beschaeftigung": "midijob",
        "kv_an": "0.00",
        "pv_an": "0.00",
        "av_an": "0.00",
        "rv_an": "79.49",
        "rv_ag": "121.99",
        "umlage_u1": "22.75",
        "umlage_u2": "4.33",
        "lohnsteuer": "0.00",
        "netto": "1120.51",
        "arbeitgeberkosten": "1349.07",
    }
    assert {f: k[f] for f in erwartet} == erwartet


def test_contracts_beispiel_wortgetreu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The CONTRACTS §3 input verbatim, "// …" comments stripped. By hand (2026, BW, Privathaushalt):
    # Mo 02.03. 7–14 Uhr: 7 × 15,50 = 108,50; Sa 07.03. 22 – So 08.03. 6 Uhr Bereitschaft 8 × 15,50 × 30 % = 37,20
    # Zuschläge auf 4,65 €/h: Nacht 8 × 25 % = 9,30; Sonntag 0–6 Uhr 6 × 50 % = 13,95 → 23,25, alle in § 3b-Grenzen
    # krank 10.–12.03.: Eintritt 02.03.2026, Wartezeit 4 Wochen bis 29.03. (§ 3 Abs. 3 EFZG) → kein Entgelt
    # Weihnachtsgeld 500. brutto 145,70 + 23,25 + 500 = 668,95; SV-/Steuerbrutto 645,70
    # Jahresprognose (145,70 × 12 + 500) / 12 = 187,37 ≤ 603 → Minijob; Haushaltsscheck:
    # KV 5 % 32,285 → 32,29; RV AG 5 % 32,29; AN 13,6 % 87,8152 → 87,82; U1 0,8 % × 145,70 (laufend) = 1,17;
    # U2 0,22 % × 145,70 = 0,32 (no U1/U2 on one-off pay, § 7 Abs. 2 AAG + Besprechung 14./15.11.2012);
    # UV 1,6 % × 645,70 = 10,3312 → 10,33; Pauschsteuer 2 % = 12,914 → 12,91. netto 668,95 − 87,82 = 581,13
    # AG 668,95 + 32,29 + 32,29 + 1,17 + 0,32 + 12,91 + 10,33 = 758,26
    daten = json.loads(re.sub(r"//[^\n]*", "", BEISPIEL.read_text(encoding="utf-8")))
    k = rechne(tmp_path, capsys, daten)
    erwartet = {
        "beschaeftigung": "minijob",
        "stunden": "7.00",
        "bereitschaftsstunden": "8.00",
        "brutto": "668.95",
        "steuerfreie_zuschlaege": "23.25",
        "sv_brutto": "645.70",
        "kv_ag": "32.29",
        "rv_ag": "32.29",
        "rv_an": "87.82",
        "umlage_u1": "1.17",
        "umlage_u2": "0.32",
        "unfallversicherung": "10.33",
        "pauschsteuer": "12.91",
        "netto": "581.13",
        "arbeitgeberkosten": "758.26",
    }
    assert {f: k[f] for f in erwartet} == erwartet
    codes = {h["code"] for h in k["hinweise"]}
    assert {"MINDESTLOHN_UNTERSCHRITTEN", "EFZG_WARTEZEIT"} <= codes  # 145,70 < 15 h × 13,90
    assert k["fortzahlungen"] == []  # no continued pay, no U1 claim (CONTRACTS §9)
