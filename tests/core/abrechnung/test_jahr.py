"""Rules across the year with a known history: Minijob forecast, unforeseen overshoot, one-off with the March clause.

All figures by hand from the law and the 2025/2026 tables (RECHENGROESSEN); the Lohnsteuer is the BMF PAP fed with
inputs written down here.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from core.abrechnung.modell import Einmalzahlung, Jahreswerte, Monatseingabe, Vorgeschichte, Vormonat
from core.abrechnung.rechnen import berechne
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.lohnsteuer import berechne_pap
from tests.core.abrechnung.hilfe import eingabe

d = Decimal
MINI = Beschaeftigungsart.MINIJOB


def monatslohn(betrag: str, monat: int = 3, **weiter: Any) -> Monatseingabe:
    return eingabe(monat=monat, id="j", kinder_unter_25=1, monatslohn=betrag, **weiter)


def mit(e: Monatseingabe, *vormonate: Vormonat, **weiter: Any) -> Monatseingabe:
    return replace(e, vorgeschichte=Vorgeschichte(bekannt=True, vormonate=vormonate, **weiter))


def vm(monat: int, betrag: str, *, jahr: int = 2026, ueber: bool = False) -> Vormonat:
    return Vormonat(jahr, monat, MINI, d(betrag), minijob_ueberschreitung=ueber)


def codes(e: Monatseingabe) -> tuple[Beschaeftigungsart, set[str]]:
    k = berechne(e)
    return k.beschaeftigung, {h.code for h in k.hinweise}


def test_schwankendes_entgelt_bleibt_minijob_wenn_die_prognose_haelt() -> None:
    # Jan 500, Feb 500, März 800 (over 603 this month, foreseen): forecast 500 + 500 + 800 + Ø 600 × 9 months
    # = 7.200 ≤ 12 × 603 = 7.236 (§ 8 Abs. 1 Nr. 1 SGB IV, GR B 2.2.1) → still a Minijob
    art, c = codes(mit(monatslohn("800.00"), vm(1, "500.00"), vm(2, "500.00")))
    assert art is MINI and "MINIJOB_PROGNOSE_GEBROCHEN" not in c


def test_prognose_gebrochen_wechsel_in_den_uebergangsbereich() -> None:
    # Jan 600, Feb 600, März 700: 1.900 + Ø 633,33 × 9 = 7.600 > 7.236 → from March versicherungspflichtig,
    # Übergangsbereich (633,33 ≤ 2.000), with the Hinweis what to do
    art, c = codes(mit(monatslohn("700.00"), vm(1, "600.00"), vm(2, "600.00")))
    assert art is Beschaeftigungsart.MIDIJOB and "MINIJOB_PROGNOSE_GEBROCHEN" in c


def test_unvorhersehbares_ueberschreiten_erster_monat_im_zeitjahr() -> None:
    # März 1.100 marked unforeseeable (≤ 2 × 603 = 1.206), no earlier one in the Zeitjahr (§ 8 Abs. 1b SGB IV):
    # left out of the forecast (1.000 + Ø 500 × 9 = 5.500): Minijob; the month is flagged for the next ones.
    e = mit(monatslohn("1100.00", ueberschreitung_unvorhersehbar=True), vm(1, "500.00"), vm(2, "500.00"))
    k = berechne(e)
    assert k.beschaeftigung is MINI and k.minijob_ueberschreitung
    assert k.kv_ag == d("55.00")  # Privathaushalt 5 % of 1.100


def test_unvorhersehbares_ueberschreiten_zum_dritten_mal_im_zeitjahr() -> None:
    # Two months marked before within the twelve months up to March 2026 (Aug and Nov 2025): the third is too many
    e = mit(
        monatslohn("1100.00", ueberschreitung_unvorhersehbar=True),
        vm(8, "1000.00", jahr=2025, ueber=True),
        vm(11, "1000.00", jahr=2025, ueber=True),
        vm(1, "500.00"),
        vm(2, "500.00"),
    )
    art, c = codes(e)
    assert art is Beschaeftigungsart.MIDIJOB and "MINIJOB_UEBERSCHREITEN_ZU_OFT" in c


def test_ueberschreiten_vor_dem_zeitjahr_zaehlt_nicht() -> None:
    # March 2025 lies outside the twelve months April 2025 – March 2026: only one earlier overshoot counts
    e = mit(
        monatslohn("1100.00", ueberschreitung_unvorhersehbar=True),
        vm(3, "1000.00", jahr=2025, ueber=True),
        vm(11, "1000.00", jahr=2025, ueber=True),
        vm(1, "500.00"),
        vm(2, "500.00"),
    )
    assert codes(e)[0] is MINI


def test_mehr_als_das_doppelte_ist_kein_gelegentliches_ueberschreiten() -> None:
    # 1.300 > 2 × 603 = 1.206 (§ 8 Abs. 1b SGB IV)
    art, _ = codes(mit(monatslohn("1300.00", ueberschreitung_unvorhersehbar=True), vm(1, "500.00"), vm(2, "500.00")))
    assert art is Beschaeftigungsart.MIDIJOB


def test_einmalzahlung_im_februar_maerzklausel() -> None:
    # Feb 2026: Monatslohn 5.000 + Urlaubsgeld 2.000; January 2026: 30 SV-Tage, 5.000 KV/RV pay; 2025: 360 SV-Tage,
    # 60.000 each. KV anteilige Jahres-BBG 2026 (§ 23a Abs. 3 SGB IV): 5.812,50 × 60 / 30 = 11.625 < 5.000 + 5.000 +
    # 2.000 → § 23a Abs. 4: the 2.000 belong to December 2025 (room 12 × 5.512,50 − 60.000 = 6.150 KV, RV 36.600)
    # and pay 2025's rates: KV 7,3 % 146,00 + Zusatz 1,45 % 29,00; PV 1,8 % 36,00; RV 9,3 % 186,00; AV 1,3 % 26,00.
    # February's running 5.000: KV 365,00 + 72,50; PV 90,00; RV 465,00; AV 65,00 (each AN = AG, 1 Kind).
    # U1/U2 from the running pay only: 105,00 / 20,00.
    e = monatslohn("5000.00", monat=2)
    e = replace(e, einmalzahlungen=(Einmalzahlung("urlaubsgeld", d("2000.00")),))
    e = mit(
        e,
        Vormonat(2026, 1, Beschaeftigungsart.SV_PFLICHTIG, d("5000.00")),
        jahreswerte=Jahreswerte(
            steuerbrutto=d("5000.00"), sv_tage=30, entgelt_kv=d("5000.00"), entgelt_rv=d("5000.00")
        ),
        vorjahr=Jahreswerte(sv_tage=360, entgelt_kv=d("60000.00"), entgelt_rv=d("60000.00")),
    )
    k = berechne(e)
    assert (k.kv_an, k.pv_an, k.rv_an, k.av_an) == (d("612.50"), d("126.00"), d("651.00"), d("91.00"))
    assert (k.kv_ag, k.pv_ag, k.rv_ag, k.av_ag) == (d("612.50"), d("126.00"), d("651.00"), d("91.00"))
    assert (k.umlage_u1, k.umlage_u2) == (d("105.00"), d("20.00"))
    assert k.einmalzahlung_vorjahr == d("2000.00")
    assert (k.jahreswerte.entgelt_kv, k.jahreswerte.sv_tage) == (d("10000.00"), 60)  # the 2.000 count for 2025
    assert "MAERZKLAUSEL" in {h.code for h in k.hinweise}
    # Lohnsteuer: no March clause in tax law; sonstiger Bezug by the PAP with the real year so far:
    # JRE4 = 5.000 (January) + 5.000 × 11 = 60.000 (R 39b.6 LStR)
    pap = berechne_pap(
        2026,
        {"LZZ": 2, "STKL": 1, "RE4": 500000, "SONSTB": 200000, "JRE4": 6000000, "KVZ": d("2.9"), "PKV": 0,
         "PVZ": 0, "PVA": d(0), "KRV": 0, "ALV": 0, "R": 0},
    )  # fmt: skip
    assert k.lohnsteuer == (pap["LSTLZZ"] + pap["STS"]) / 100


def test_ohne_vorjahr_keine_maerzklausel() -> None:
    # Same, but employed only since January 2026: the one-off stays in 2026 up to the pro-rata BBG:
    # KV room 11.625 − 10.000 = 1.625 → KV on 6.625: 7,3 % = 483,625 → 483,63 (§ 23a Abs. 3 SGB IV)
    e = monatslohn("5000.00", monat=2, eintritt="2026-01-01")
    e = replace(e, einmalzahlungen=(Einmalzahlung("urlaubsgeld", d("2000.00")),))
    e = mit(
        e,
        Vormonat(2026, 1, Beschaeftigungsart.SV_PFLICHTIG, d("5000.00")),
        jahreswerte=Jahreswerte(
            steuerbrutto=d("5000.00"), sv_tage=30, entgelt_kv=d("5000.00"), entgelt_rv=d("5000.00")
        ),
    )
    k = berechne(e)
    assert k.kv_an == d("483.63") + d("96.06")  # + Zusatz 1,45 % × 6.625 = 96,0625 → 96,06
    assert k.einmalzahlung_vorjahr == d("0.00")
    assert "MAERZKLAUSEL_OHNE_VORJAHR" in {h.code for h in k.hinweise}


@pytest.mark.parametrize("bekannt", [False, True])
def test_jahreswerte_laufen_weiter(bekannt: bool) -> None:
    # Year totals after the month = before + this month (Lohnkonto, next month's BBG and JRE4)
    e = monatslohn("1000.00")
    if bekannt:
        e = mit(e, vm(2, "1000.00"), jahreswerte=Jahreswerte(brutto=d("2000.00"), sv_tage=60))
    k = berechne(e)
    assert k.jahreswerte.brutto == d("1000.00") + (d("2000.00") if bekannt else 0)
    assert k.jahreswerte.sv_tage == 30 + (60 if bekannt else 0)
    assert k.vorgeschichte_bekannt is bekannt


def test_eintritt_im_monat_lohnsteuer_nach_tagen() -> None:
    # Eintritt Mo 16.03.2026: employed 16 calendar days (16.–31.). 12 days × 8 h × 20 € = 1.920 € → SV-pflichtig by
    # the forecast? No history: by this month's pay, Übergangsbereich (1.920 ≤ 2.000). Lohnsteuer for a
    # Teillohnzahlungszeitraum (R 39b.5 Abs. 2 LStR): daily wage 1.920 / 16 = 120,00 € (RE4 12000 Cent, LZZ 4 = Tag),
    # tax of one day × 16. StKl I, 1 Kind (PV no surcharge), Zusatzbeitrag 2,9 %, no church tax.
    tage = [16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30, 31]
    schichten = [{"beginn": f"2026-03-{t:02d}T08:00", "ende": f"2026-03-{t:02d}T16:00"} for t in tage]
    e = eingabe(
        id="t", stundenlohn="20.00", schichten=schichten, eintritt="2026-03-16", steuerklasse=3, kinder_unter_25=1
    )
    k = berechne(e)
    assert (k.brutto, k.steuertage) == (d("1920.00"), 16)
    pap = berechne_pap(
        2026,
        {"LZZ": 4, "STKL": 3, "RE4": 12000, "KVZ": d("2.9"), "PKV": 0, "PVZ": 0, "PVA": d(0), "KRV": 0, "ALV": 0,
         "R": 0},
    )  # fmt: skip
    assert k.lohnsteuer == pap["LSTLZZ"] * 16 / 100
    assert "LST_TEILMONAT" in {h.code for h in k.hinweise}


def test_kurzfristig_mehr_tage_als_geplant_zaehlen() -> None:
    # Befristet 01.01.–30.06.2026, planned 65 working days (≤ 70: kurzfristig, § 8 Abs. 1 Nr. 2 SGB IV). By March
    # 60 days were worked (history) and 12 more this month: 72 > 70 → no longer kurzfristig (by pay: Übergangsbereich).
    tage = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17]
    schichten = [{"beginn": f"2026-03-{t:02d}T08:00", "ende": f"2026-03-{t:02d}T16:00"} for t in tage]
    e = eingabe(
        id="k",
        stundenlohn="15.00",
        schichten=schichten,
        befristung={"von": "2026-01-01", "bis": "2026-06-30", "arbeitstage": 65},
        berufsmaessig=False,
    )
    assert berechne(e).beschaeftigung is Beschaeftigungsart.KURZFRISTIG  # without history: planned 65 days
    k = berechne(mit(e, jahreswerte=Jahreswerte(arbeitstage=60)))
    assert k.beschaeftigung is Beschaeftigungsart.MIDIJOB
    assert {"KURZFRISTIG_MEHR_ARBEITSTAGE", "KURZFRISTIG_ZEITGRENZE_UEBERSCHRITTEN"} <= {h.code for h in k.hinweise}
