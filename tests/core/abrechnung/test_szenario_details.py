"""Scenario details: daily and monthly pay, one-off payments, Werkstudent, Sachsen, automatic kurzfristig."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from core.abrechnung.modell import Monatsergebnis
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.fehler import EingabeFehler
from core.regeln.beitraege import uebergangsbereich_bemessung
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.lohnsteuer import berechne_pap
from tests.core.abrechnung.hilfe import szenario, tagschichten

d = Decimal


def rechne(daten: dict[str, Any]) -> Monatsergebnis:
    return berechne(lies_szenario(daten).eingaben[0])


def test_tageslohn_rund_um_die_uhr() -> None:
    # Mo–Do 02.–05.03.: je 8–24 Uhr Arbeit (16 h) und 0–8 Uhr Bereitschaft zu 30 % (8 h); Tageslohn 350 €
    # Arbeit und anschließende Bereitschaft sind ein Arbeitstag: 4 Tage × 350 = 1.400 €
    # gewichtete Stunden 4 × (16 + 8 × 0,3) = 73,6 → Grundlohn 1.400 / 73,6 = 19,0217… €/h (Seed 004, 1.6.2)
    # Nachtzuschlag 25 %: Arbeit 20–24 Uhr 4 × 4 h = 16 h, Bereitschaft 0–6 Uhr 4 × 6 h = 24 h zu 30 %:
    # 19,0217… × (16 × 0,25 + 24 × 0,3 × 0,25) = 19,0217… × 5,8 = 110,326… → 110,33, steuerfrei (≤ 25 €/h)
    schichten = []
    for t in (2, 3, 4, 5):
        schichten.append({"beginn": f"2026-03-{t:02d}T08:00", "ende": f"2026-03-{t + 1:02d}T00:00"})
        schichten.append(
            {"beginn": f"2026-03-{t + 1:02d}T00:00", "ende": f"2026-03-{t + 1:02d}T08:00", "bereitschaft": True}
        )
    k = rechne(szenario({"tageslohn": "350.00", "zuschlaege_prozent": {"nacht": "25"}, "schichten": schichten}))
    assert (k.stunden, k.bereitschaftsstunden) == (d("64.00"), d("32.00"))
    assert k.grundverguetung == d("1400.00")
    assert k.zuschlaege == d("110.33") and k.steuerfreie_zuschlaege == d("110.33")
    # Mindestlohn: 1.400 ≥ 96 h × 13,90 = 1.334,40
    assert "MINDESTLOHN_OK" in {h.code for h in k.hinweise}


def test_monatslohn_mit_unbezahltem_urlaub() -> None:
    # Monatslohn 2.500 €, 2 Tage unbezahlt: 2.500 × 2/31 = 161,29 → 2.338,71 (§ 611a BGB)
    k = rechne(
        szenario(
            {
                "monatslohn": "2500.00",
                "schichten": tagschichten([2, 3, 4, 5, 6, 9, 10, 11, 12, 13]),
                "abwesenheiten": [{"art": "unbezahlt", "von": "2026-03-23", "bis": "2026-03-24"}],
            }
        )
    )
    assert k.brutto == d("2338.71")
    assert "MONATSLOHN_GEKUERZT" in {h.code for h in k.hinweise}


def test_einmalzahlung_als_sonstiger_bezug() -> None:
    # November 2026, 3.000 € laufend + 1.000 € Weihnachtsgeld, StKl I, keine Kirchensteuer
    # JRE4 (R 39b.6 LStR) = 10 × 3.000 bisher + 3.000 × 2 restliche Monate = 36.000 € ohne den sonstigen Bezug
    # SV: 4.000 € unter der anteiligen Jahres-BBG (11 × 5.812,50) → KV AN 4.000 × 7,3 % = 292,00
    tage = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27]
    k = rechne(
        szenario(
            {
                "monatslohn": "3000.00",
                "schichten": tagschichten(tage, monat=11),
                "einmalzahlungen": [{"art": "weihnachtsgeld", "betrag": "1000.00"}],
            },
            monat=11,
        )
    )
    assert k.brutto == d("4000.00") and k.einmalzahlungen == d("1000.00")
    assert k.kv_an == d("292.00") + d("58.00")  # allgemein 292,00 + Zusatz 4.000 × 1,45 % = 58,00
    pap = berechne_pap(
        2026,
        {"LZZ": 2, "STKL": 1, "RE4": 300000, "SONSTB": 100000, "JRE4": 3600000, "KVZ": d("2.9"), "PKV": 0,
         "PVZ": 0, "PVA": d(0), "KRV": 0, "ALV": 0, "R": 0},
    )  # fmt: skip
    assert k.lohnsteuer == (pap["LSTLZZ"] + pap["STS"]) / 100
    assert k.solidaritaetszuschlag == (pap["SOLZLZZ"] + pap["SOLZS"]) / 100
    assert {"LST_SONSTIGER_BEZUG_ANNAHME", "SZENARIO_JAHRESPROGNOSE"} <= {h.code for h in k.hinweise}


def test_werkstudent_midijob_nur_rv() -> None:
    # 10 Tage × 8 h = 80 h × 16 € = 1.280 € → Übergangsbereich; Werkstudent: nur RV (§ 6 Abs. 1 Nr. 3 SGB V)
    k = rechne(szenario({"stundenlohn": "16.00", "student": True, "schichten": tagschichten(list(range(2, 12)))}))
    assert k.beschaeftigung is Beschaeftigungsart.MIDIJOB
    assert k.kv_an == k.pv_an == k.av_an == k.kv_ag == k.pv_ag == k.av_ag == 0
    be, be_an = uebergangsbereich_bemessung(d("1280"), date(2026, 3, 1))
    # 1.280: BE = 1,145937223 × 1280 − 291,8744452 = 1.174,93; BE_AN = 1,431639227 × 1280 − 863,278454 = 969,22
    assert (round(be, 2), round(be_an, 2)) == (d("1174.93"), d("969.22"))
    # RV gesamt round(1.174,93 × 9,3 %) × 2 = 109,27 × 2 = 218,54; AN round(969,22 × 9,3 %) = 90,14; AG 128,40
    assert (k.rv_an, k.rv_ag) == (d("90.14"), d("128.40"))


def test_sachsen_pv_voll() -> None:
    # 160 h × 18,75 = 3.000 € in Sachsen, 1 Kind: PV AN 2,3 % = 69,00; AG 1,3 % = 39,00 (§ 58 Abs. 3 SGB XI)
    tage = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27]
    k = rechne(szenario({"stundenlohn": "18.75", "schichten": tagschichten(tage), "kinder_unter_25": 1}, land="SN"))
    assert (k.pv_an, k.pv_ag) == (d("69.00"), d("39.00"))


def test_kurzfristig_automatisch_aus_befristung() -> None:
    # Befristung 3 Wochen, 5 Tage je Woche → kurzfristig (§ 8 Abs. 1 Nr. 2 SGB IV); ≤ 4 Wochen → keine U1
    k = rechne(
        szenario(
            {
                "stundenlohn": "15.00",
                "befristung": {"von": "2026-03-02", "bis": "2026-03-20", "tage_je_woche": "5"},
                "schichten": tagschichten([2, 3, 4]),
            }
        )
    )
    assert k.beschaeftigung is Beschaeftigungsart.KURZFRISTIG
    assert k.umlage_u1 == 0 and "U1_ENTFAELLT" in {h.code for h in k.hinweise}
    # individuell besteuert (pauschalsteuer null), 360 € in StKl I: keine Lohnsteuer
    assert k.lohnsteuer == 0 and k.pauschsteuer == 0


def test_minijob_rv_befreit_und_vorgabe() -> None:
    k = rechne(szenario({"stundenlohn": "15.00", "rv_befreiung": True, "schichten": tagschichten([2, 3, 4, 5])}))
    # 32 h × 15 = 480 € → Minijob, befreit: kein AN-Anteil; AG RV 5 % = 24,00
    assert (k.rv_an, k.rv_ag) == (d("0.00"), d("24.00"))
    k = rechne(szenario({"stundenlohn": "15.00", "beschaeftigung": "sv_pflichtig", "schichten": tagschichten([2])}))
    assert k.beschaeftigung is Beschaeftigungsart.SV_PFLICHTIG
    assert "KLASSIFIKATION_ABWEICHUNG" in {h.code for h in k.hinweise}


def test_schicht_ueber_monatsgrenze_wird_geteilt() -> None:
    # 31.03. 20:00 – 01.04. 06:00: nur 4 h im März
    daten = szenario(
        {"stundenlohn": "15.00", "schichten": [{"beginn": "2026-03-31T20:00", "ende": "2026-04-01T06:00"}]}
    )
    k = rechne(daten)
    assert k.stunden == d("4.00") and "SCHICHT_MONATSGRENZE" in {h.code for h in k.hinweise}


def test_zahl_als_json_zahl_wird_exakt_gelesen() -> None:
    daten = szenario({"stundenlohn": d("15.10"), "schichten": tagschichten([2])})
    assert rechne(daten).brutto == d("120.80")  # 8 × 15,10


@pytest.mark.parametrize(
    ("aenderung", "text"),
    [
        (lambda k: k.update(pauschalsteuer="3"), "pauschalsteuer"),
        (lambda k: k.update(steuerklasse=7), "Steuerklasse 7"),
        (lambda k: k.update(schichten=[{"beginn": "2026-03-02T08:00"}]), "ende: diese Angabe fehlt"),
        (lambda k: k.update(geburtsdatum="12.04.1985"), "JJJJ-MM-TT"),
        (lambda k: k.update(bereitschaft_prozent="130"), "zu groß"),
    ],
)
def test_weitere_fehler(aenderung: Any, text: str) -> None:
    daten = szenario({"stundenlohn": "15.00"})
    kraft = copy.deepcopy(daten)
    aenderung(kraft["assistenzkraefte"][0])
    with pytest.raises(EingabeFehler, match=text):
        lies_szenario(kraft)
