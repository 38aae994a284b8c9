"""Kostenkalkulation: the seed's worked example to the cent, explanations, prefill from the year tables."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from core.budget import kalkulation as k
from core.budget.kalkulation import (
    ERGEBNIS_SCHLUESSEL,
    FELDER,
    SEED_BEISPIEL,
    KalkulationsParameter,
    Umlagesaetze,
    berechne,
    vorbelegen,
)
from core.fehler import EingabeFehler
from core.regeln.tabellen import Regelwert, wert

# Printed in seed 004, 1.6.2 ("Berechnung der durchschnittlichen Lohnkosten", Version 01.03.2016).
SEED_SUMMEN = [
    ("kosten_je_arbeitstag", "234.43"),
    ("bruttoverdienst_jahr", "85625.56"),
    ("bruttolohnkosten", "116204.02"),
    ("arbeitgeberanteil", "25617.18"),
    ("zuschlaege", "8760.43"),
    ("erstattung", "8205.05"),
    ("sonstige_kosten", "5326.00"),
    ("gesamtkosten_jahr", "147702.58"),
    ("gesamtkosten_monat", "12308.55"),
    ("gesamtkosten_stunde", "16.85"),
]
SEED_ZEILEN = [
    ("urlaubsgeld", "3567.73"),
    ("weihnachtsgeld", "3567.73"),
    ("krankheit", "11721.50"),
    ("einarbeitung", "2344.30"),
    ("weiterbildung", "0.00"),
    ("feiertage", "2813.16"),
    ("urlaub", "6564.04"),
    ("nacht_arbeit1", "0.00"),
    ("nacht_arbeit2", "2644.32"),
    ("sonntag_arbeit1", "5036.80"),
    ("sonntag_arbeit2", "1079.31"),
    ("berufsgenossenschaft", "250.00"),
    ("unterkunft", "2676.00"),
    ("regiekosten", "600.00"),
    ("lohnabrechnung", "1200.00"),
    ("begleitperson", "600.00"),
    ("beratung", "0.00"),
]


@pytest.mark.parametrize(("schluessel", "erwartet"), SEED_SUMMEN, ids=[f"seed 004, 1.6.2: {s}" for s, _ in SEED_SUMMEN])
def test_seed_beispiel_summen_auf_den_cent(schluessel: str, erwartet: str) -> None:
    assert berechne(SEED_BEISPIEL).als_dict()[schluessel] == erwartet


@pytest.mark.parametrize(("schluessel", "erwartet"), SEED_ZEILEN, ids=[f"seed 004, 1.6.2: {s}" for s, _ in SEED_ZEILEN])
def test_seed_beispiel_zeilen_auf_den_cent(schluessel: str, erwartet: str) -> None:
    assert berechne(SEED_BEISPIEL).zeile(schluessel).betrag_gerundet == Decimal(erwartet)


def test_seed_beispiel_prozentzeilen() -> None:
    e = berechne(SEED_BEISPIEL)
    # seed 004, 1.6.2: Summe 38,65 / davon die Hälfte 19,325 / Arbeitgeberanteil in % 22,045
    assert (e["sv_summe_prozent"], e["sv_haelfte_prozent"], e["arbeitgeberanteil_prozent"]) == (
        Decimal("38.65"),
        Decimal("19.325"),
        Decimal("22.045"),
    )


def test_pauschalen_zwischensumme_seed_druckfehler() -> None:
    """seed 004, 1.6.2 prints 23.433,00 €, but its own lines 11.721,50 + 2.344,30 + 0 + 2.813,16 + 6.564,04 add up
    to 23.443,00 € — and only 23.443,00 leads to the printed Bruttolohnkosten 116.204,02."""
    e = berechne(SEED_BEISPIEL)
    zeilen = sum(
        Decimal(b) for s, b in SEED_ZEILEN if s in {"krankheit", "einarbeitung", "weiterbildung", "feiertage", "urlaub"}
    )
    assert zeilen == Decimal("23443.00")
    assert e.zeile("pauschalen").betrag_gerundet == Decimal("23443.00")
    assert Decimal("85625.56") + 2 * Decimal("3567.73") + Decimal("23443.00") == Decimal("116204.02")


def test_blatt_rechnet_ungerundet_wie_excel() -> None:
    """The cached cells of the 2016 sheet hold exact products (85625.5575, 116204.020625): so do we."""
    e = berechne(SEED_BEISPIEL)
    assert e["bruttoverdienst_jahr"] == Decimal("85625.5575")
    assert e["bruttolohnkosten"] == Decimal("116204.020625")
    assert e["zuschlaege"] == Decimal("8760.4299375")


def test_gesamtkosten_sind_summe_der_bloecke() -> None:
    e = berechne(SEED_BEISPIEL)
    assert e["gesamtkosten_jahr"] == (
        e["bruttolohnkosten"] + e["arbeitgeberanteil"] + e["zuschlaege"] - e["erstattung"] + e["sonstige_kosten"]
    )
    assert e["gesamtkosten_stunde"] * SEED_BEISPIEL.tage * 24 == pytest.approx(e["gesamtkosten_jahr"])


def test_jede_zeile_und_jedes_feld_hat_eine_erklaerung() -> None:
    e = berechne(SEED_BEISPIEL)
    assert all(len(z.erklaerung) > 20 for z in e.zeilen)
    assert all(len(f.erklaerung) > 20 for f in FELDER)
    assert {f.schluessel for f in FELDER} == {f.name for f in dataclasses.fields(KalkulationsParameter)}
    assert set(ERGEBNIS_SCHLUESSEL) <= {z.schluessel for z in e.zeilen}


def test_erklaerungen_nennen_geaendertes_recht() -> None:
    felder = {f.schluessel: f for f in FELDER}
    assert "2019" in felder["kv_zusatz_prozent"].erklaerung and "Hälfte" in felder["kv_zusatz_prozent"].erklaerung
    nacht = felder["nacht_arbeit1_stunden"].erklaerung
    assert "23:00" in nacht and "20:00" in nacht and "§ 3b EStG" in nacht


def test_negative_eingabe_wird_abgelehnt() -> None:
    with pytest.raises(EingabeFehler, match="Urlaub"):
        SEED_BEISPIEL.mit(urlaub_tage=Decimal(-1))


def test_float_wird_abgelehnt() -> None:
    with pytest.raises(TypeError):
        KalkulationsParameter(stundensatz=13.79)  # type: ignore[arg-type]


def test_aus_dict_und_als_dict_sind_umkehrbar() -> None:
    assert KalkulationsParameter.aus_dict(SEED_BEISPIEL.als_dict()) == SEED_BEISPIEL  # type: ignore[arg-type]


def test_aus_dict_text_statt_zahl() -> None:
    with pytest.raises(EingabeFehler, match="Stundensatz"):
        KalkulationsParameter.aus_dict({"stundensatz": "dreizehn"})


def test_mindestlohn_hinweis_bei_abgewerteter_bereitschaft() -> None:
    """14 € with the seed's 30 % standby: 14 × 17 / 24 = 9,92 € average per hour, below the 2026 Mindestlohn."""
    codes = {h.code for h in berechne(SEED_BEISPIEL.mit(stundensatz=Decimal(14)), stichtag=date(2026, 3, 1)).hinweise}
    assert codes == {"KALKULATION_BEREITSCHAFT_UNTER_MINDESTLOHN"}
    # the seed's own 13,79 € is below the 2026 Mindestlohn itself
    codes = {h.code for h in berechne(SEED_BEISPIEL, stichtag=date(2026, 3, 1)).hinweise}
    assert codes == {"KALKULATION_UNTER_MINDESTLOHN"}
    assert berechne(SEED_BEISPIEL).hinweise == ()


def test_vorbelegen_2026_aus_den_jahrestabellen() -> None:
    tag = date(2026, 3, 1)
    v = vorbelegen(tag)
    p = v.parameter
    assert p.stundensatz == wert("mindestlohn_stunde", tag)
    assert p.kv_prozent == wert("kv_allgemein_prozent", tag)
    assert p.kv_zusatz_prozent == wert("kv_zusatz_durchschnitt_prozent", tag)
    assert (p.pv_prozent, p.rv_prozent, p.av_prozent) == (
        wert("pv_prozent", tag),
        wert("rv_prozent", tag),
        wert("av_prozent", tag),
    )
    assert (p.u1_prozent, p.u2_prozent) == (wert("minijob_u1_prozent", tag), wert("minijob_u2_prozent", tag))
    assert p.unterkunft == wert("sachbezug_unterkunft_monat", tag) * 12
    assert "2026" in v.notiz and "Mindestlohn" in v.notiz and "01.03.2026" in v.notiz
    # hours, days and other costs stay as in the example
    assert (p.arbeit1_stunden, p.krankheit_tage, p.regiekosten) == (Decimal(14), Decimal(50), Decimal(600))
    # at the Mindestlohn the standby weighting is raised so that the average reaches it
    e = berechne(p)
    assert e["kosten_je_arbeitstag"] >= p.stundensatz * (p.arbeit1_stunden + p.arbeit2_stunden)
    assert "KALKULATION_BEREITSCHAFT_ANGEHOBEN" in {h.code for h in v.hinweise}
    assert not any(h.code.endswith("UNTER_MINDESTLOHN") for h in v.hinweise)


def test_vorbelegen_mit_tarif_und_kasse() -> None:
    kasse = Umlagesaetze("AOK Baden-Württemberg", Decimal("2.1"), Decimal("0.40"), Decimal("60"))
    v = vorbelegen(date(2026, 1, 15), tariflohn=Decimal("17.12"), tarif_bezeichnung="TVöD P 5 Stufe 2", umlagen=kasse)
    assert v.parameter.stundensatz == Decimal("17.12")
    assert (v.parameter.u1_prozent, v.parameter.u2_prozent) == (Decimal("2.1"), Decimal("0.40"))
    assert v.parameter.erstattung_prozent == Decimal("60")  # never more than her Kasse refunds
    assert "TVöD P 5 Stufe 2" in v.notiz and "AOK Baden-Württemberg" in v.notiz
    # 17,12 € × (14 + 10 × 30 %) / 24 h = 12,13 € < 13,90 €: the smallest whole percent reaching it is 55 %
    # ((13,90 × 24 / 17,12 − 14) / 10 = 54,86 %).
    assert v.parameter.arbeit2_prozent == Decimal(55)


def test_vorbelegen_hoher_tarif_laesst_bereitschaft_unveraendert() -> None:
    v = vorbelegen(date(2026, 1, 15), tariflohn=Decimal("25.00"))
    assert v.parameter.arbeit2_prozent == SEED_BEISPIEL.arbeit2_prozent


def test_vorbelegen_2027_nimmt_fehlende_werte_aus_2026_mit_warnung() -> None:
    v = vorbelegen(date(2027, 2, 1))
    assert v.parameter.stundensatz == wert("mindestlohn_stunde", date(2027, 1, 1))
    assert v.parameter.rv_prozent == wert("rv_prozent", date(2026, 12, 31))
    warnung = [h for h in v.hinweise if h.code == "KALKULATION_WERTE_VORJAHR"]
    assert warnung and "2026" in warnung[0].text
    assert "2026 und 2027" in v.notiz


def test_vorbelegen_gibt_unverifiziert_hinweise_weiter(monkeypatch: pytest.MonkeyPatch) -> None:
    echt = k.regelwert

    def unsicher(schluessel: str, stichtag: date, **kw: object) -> Regelwert:
        rw = echt(schluessel, stichtag)
        return dataclasses.replace(rw, unverifiziert=schluessel == "pv_prozent")

    monkeypatch.setattr(k, "regelwert", unsicher)
    v = vorbelegen(date(2026, 3, 1))
    assert [h for h in v.hinweise if h.code == "REGELWERT_UNVERIFIZIERT" and "pv_prozent" in h.text]


# --- "Neu" starts from the year's figures, never from the 2016 example (issue 13, finding 8) -------------------------
# Typed from resources/regeln/2026.toml and shared/reference/RECHENGROESSEN.md (Stand 2026-11): Mindestlohn 13,90 €
# (MiLoV5 vom 05.11.2025, BGBl. 2025 I Nr. 268), KV 14,6 % (§ 241 SGB V), Ø Zusatzbeitrag 2,9 % (BMG), PV 3,6 %
# (§ 55 SGB XI), RV 18,6 % (DRV), AV 2,6 % (§ 341 SGB III), Minijob-Zentrale U1 0,80 % / U2 0,22 %.
NEU_2026 = {
    "stundensatz": Decimal("13.90"),
    "kv_prozent": Decimal("14.6"),
    "kv_zusatz_prozent": Decimal("2.9"),
    "pv_prozent": Decimal("3.6"),
    "rv_prozent": Decimal("18.6"),
    "av_prozent": Decimal("2.6"),
    "u1_prozent": Decimal("0.80"),
    "u2_prozent": Decimal("0.22"),
}


@pytest.mark.parametrize("feld", list(NEU_2026), ids=[f"RECHENGROESSEN 2026: {f}" for f in NEU_2026])
def test_neue_kalkulation_hat_die_saetze_des_jahres(feld: str) -> None:
    p = k.neue_kalkulation(date(2026, 12, 3)).parameter
    assert getattr(p, feld) == NEU_2026[feld]


def test_neue_kalkulation_nicht_unter_dem_mindestlohn_und_sagt_woher() -> None:
    v = k.neue_kalkulation(date(2026, 12, 3))
    assert v.parameter.stundensatz >= Decimal("13.90")  # not the example's 13,79 €
    assert v.parameter != SEED_BEISPIEL
    assert "Rechengrößen 2026" in v.notiz and "Beispiel des ForseA-Handbuchs" in v.notiz
    assert not any(h.code.endswith("UNTER_MINDESTLOHN") for h in v.hinweise)
    # 2027: Mindestlohn 14,60 € (MiLoV5, RECHENGROESSEN.md)
    assert k.neue_kalkulation(date(2027, 1, 4)).parameter.stundensatz == Decimal("14.60")


def test_neue_kalkulation_mit_der_kasse_ihrer_assistentinnen() -> None:
    kasse = Umlagesaetze("AOK Baden-Württemberg (2026)", Decimal("2.1"), Decimal("0.40"), Decimal("60"))
    p = k.neue_kalkulation(date(2026, 12, 3), umlagen=kasse).parameter
    assert (p.u1_prozent, p.u2_prozent, p.erstattung_prozent) == (Decimal("2.1"), Decimal("0.40"), Decimal(60))


def test_veraltete_saetze_werden_benannt() -> None:
    """The 2016 example against 2026: 13,79 € < 13,90 €, PV 2,35 ≠ 3,6, RV 18,7 ≠ 18,6, AV 3,0 ≠ 2,6, no Zusatz."""
    h = k.veraltete_saetze(SEED_BEISPIEL, date(2026, 12, 3))
    assert h is not None and h.code == "KALKULATION_SAETZE_VERALTET"
    for teil in (
        "veraltet",
        "2026",
        "Stundensatz 13,79 € (Mindestlohn 2026: 13,90 €)",
        "Pflegeversicherung 2,35 % (2026: 3,6 %)",
        "Rentenversicherung 18,7 % (2026: 18,6 %)",
        "Arbeitslosenversicherung 3 % (2026: 2,6 %)",
        "Zusatzbeitrag 0 %",
    ):
        assert teil in h.text
    assert "Krankenversicherung" not in h.text  # 14,6 % then and now


def test_aktuelle_saetze_sind_nicht_veraltet() -> None:
    assert k.veraltete_saetze(k.neue_kalkulation(date(2026, 12, 3)).parameter, date(2026, 12, 3)) is None
    # a tariff wage above the Mindestlohn and her own Kasse's Zusatzbeitrag are not outdated
    eigen = SEED_BEISPIEL.mit(**NEU_2026).mit(stundensatz=Decimal("17.12"), kv_zusatz_prozent=Decimal("2.5"))
    assert k.veraltete_saetze(eigen, date(2026, 12, 3)) is None
    # the 2026 rates are outdated for 2027 only where 2027 differs: the Mindestlohn rises to 14,60 €
    h = k.veraltete_saetze(SEED_BEISPIEL.mit(**NEU_2026), date(2027, 1, 4))
    assert h is not None and "Mindestlohn 2027: 14,60 €" in h.text
