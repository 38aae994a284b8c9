"""Steuerabzug around the PAP: Personalbogen → PAP mapping, sonstige Bezüge, Kirchensteuer, Pauschsteuer 2 %/25 %."""

from __future__ import annotations

import csv
from datetime import date
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

import pytest

from core.domain.hinweis import Schwere
from core.fehler import EingabeFehler
from core.regeln import tabellen
from core.regeln.lohnsteuer import berechne_pap
from core.regeln.steuer import (
    Kirchensteuerverfahren,
    Krankenversicherung,
    Steuermerkmale,
    altersentlastung_merkmale,
    lohnsteuer_monat,
    pauschsteuer_kurzfristig,
    pauschsteuer_minijob,
    pv_merkmale,
    voraussichtlicher_jahresarbeitslohn,
)

DATEN = Path(__file__).resolve().parents[2] / "data" / "pap"
D = Decimal

# --- The wrapper against the BMF machine table ------------------------------------------------------------
# Every row with a monthly Lohnzahlungszeitraum and no Versorgungsbezüge/Entschädigungen/Vermögensbeteiligung
# (what an Assistenzkraft can have) is turned back into Personalbogen facts; lohnsteuer_monat must then give
# exactly the BMF's LSTLZZ, SOLZLZZ, BK, STS, SOLZS and BKS.

_NICHT_FUER_ASSISTENZ = ("VBEZ", "VBEZM", "VBEZS", "JVBEZ", "VBS", "STERBE", "JRE4ENT", "SONSTENT", "MBV")


def _zahl(text: str) -> Decimal:
    return D(text.replace(",", "."))


def _merkmale_aus_zeile(jahr: int, z: dict[str, Decimal]) -> Steuermerkmale | None:
    stkl = int(z["STKL"])
    faktor = None
    if z["AF"] == 1:
        if stkl == 4 and 0 < z["F"] < 1:
            faktor = z["F"]
        elif z["F"] != 1:
            return None  # a factor outside Steuerklasse IV: no Personalbogen has that
    if z["ZKF"] > 0 and stkl > 4:
        return None
    if z["ALTER1"] == 1:
        if z["AJAHR"] > jahr:
            return None
        # born 1 July: the 64th year is completed on 30 June of AJAHR - 1
        geburtsdatum = date(int(z["AJAHR"]) - 65, 7, 1)
    else:
        geburtsdatum = date(jahr - 40, 7, 1)
    pkv = int(z["PKV"])
    if pkv == 0:
        kv = dict(krankenversicherung=Krankenversicherung.GESETZLICH, kv_zusatzbeitrag_prozent=z["KVZ"])
    else:
        zuschuss = z.get("PKPVAGZ", D(100) if pkv == 2 else D(0)) / 100
        kv = dict(
            krankenversicherung=Krankenversicherung.PRIVAT,
            pkv_beitrag_monat=z["PKPV"] / 100,
            pkv_arbeitgeberzuschuss_monat=zuschuss,
        )
    kinderlos = z["PVZ"] == 1
    return Steuermerkmale(
        steuerklasse=stkl,
        geburtsdatum=geburtsdatum,
        bundesland="SN" if z["PVS"] == 1 else "NW",
        kinderfreibetraege=z["ZKF"],
        faktor=faktor,
        kirchensteuerpflichtig=z["R"] > 0,
        elterneigenschaft=not kinderlos,
        kinder_unter_25=0 if kinderlos or z["PVA"] == 0 else int(z["PVA"]) + 1,
        rv_pflichtig=z["KRV"] == 0,
        av_pflichtig=z.get("ALV", D(0)) == 0,
        freibetrag_monat=z["LZZFREIB"] / 100,
        hinzurechnung_monat=z["LZZHINZU"] / 100,
        freibetrag_jahr=z["JFREIB"] / 100,
        hinzurechnung_jahr=z["JHINZU"] / 100,
        **kv,  # type: ignore[arg-type]
    )


def _monatszeilen(jahr: int) -> list[dict[str, Decimal]]:
    with (DATEN / str(jahr) / "test-maschinell.csv").open(encoding="utf-8-sig") as datei:
        zeilen = [z for z in csv.reader(datei, delimiter=";") if z]
    kopf = zeilen[0]
    return [
        {n: _zahl(w) for n, w in zip(kopf, z, strict=True) if n and n != "lfd. Nr."} | {"NR": D(z[0])}
        for z in zeilen[1:]
    ]


@pytest.mark.parametrize("jahr", [2025, 2026])
def test_lohnsteuer_monat_gibt_die_bmf_zeilen_wieder(jahr: int) -> None:
    geprueft = 0
    fehler = {}
    for z in _monatszeilen(jahr):
        if z["LZZ"] != 2 or any(z[n] != 0 for n in _NICHT_FUER_ASSISTENZ):
            continue
        merkmale = _merkmale_aus_zeile(jahr, z)
        if merkmale is None:
            continue
        abzug = lohnsteuer_monat(
            merkmale,
            jahr,
            12,
            z["RE4"] / 100,
            sonstige_bezuege=z["SONSTB"] / 100,
            voraussichtlicher_jahresarbeitslohn=z["JRE4"] / 100 if z["SONSTB"] else None,
        )
        kist = (z["BK"] * 9 / 100).to_integral_value(rounding=ROUND_DOWN) / 100 if z["R"] else D(0)
        kist_s = (z["BKS"] * 9 / 100).to_integral_value(rounding=ROUND_DOWN) / 100 if z["R"] else D(0)
        ist = (
            abzug.lohnsteuer_laufend * 100,
            abzug.solidaritaetszuschlag_laufend * 100,
            abzug.pap_ergebnis["BK"],
            abzug.kirchensteuer_laufend,
            abzug.lohnsteuer_sonstige_bezuege * 100,
            abzug.solidaritaetszuschlag_sonstige_bezuege * 100,
            abzug.kirchensteuer_sonstige_bezuege,
        )
        soll = (z["LSTLZZ"], z["SOLZLZZ"], z["BK"], kist, z["STS"], z["SOLZS"], kist_s)
        geprueft += 1
        if ist != soll:
            fehler[int(z["NR"])] = (ist, soll)
    assert geprueft >= 100, geprueft
    assert not fehler, f"{len(fehler)} von {geprueft} Zeilen weichen ab: {dict(list(fehler.items())[:3])}"


# --- Mapping rules ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geburtsdatum", "jahr", "erwartet"),
    [
        (date(1962, 1, 1), 2026, (1, 2026)),  # 64th year completed on 31.12.2025, before 2026 began
        (date(1962, 1, 2), 2026, (0, 0)),  # completed on 1.1.2026: not before the beginning of 2026
        (date(1962, 1, 2), 2027, (1, 2027)),
        (date(1960, 6, 15), 2026, (1, 2025)),  # completed 14.6.2024 → AJAHR 2025
        (date(1990, 3, 3), 2026, (0, 0)),
    ],
    ids=["1.1.1962-2026", "2.1.1962-2026", "2.1.1962-2027", "15.6.1960", "jung"],
)
def test_altersentlastung_nach_24a_estg(geburtsdatum: date, jahr: int, erwartet: tuple[int, int]) -> None:
    assert altersentlastung_merkmale(geburtsdatum, jahr) == erwartet


@pytest.mark.parametrize(
    ("geburtsdatum", "monat", "eltern", "kinder", "erwartet"),
    [
        (date(2003, 6, 1), 5, False, 0, (0, 0)),  # 23rd year completed on 31.5.2026: surcharge from June
        (date(2003, 6, 1), 6, False, 0, (1, 0)),
        (date(2003, 6, 2), 6, False, 0, (0, 0)),  # completed on 1.6.2026: surcharge from July
        (date(2003, 6, 2), 7, False, 0, (1, 0)),
        (date(1980, 1, 1), 3, True, 0, (0, 0)),  # parent, children older than 25
        (date(1980, 1, 1), 3, False, 1, (0, 0)),
        (date(1980, 1, 1), 3, True, 2, (0, 1)),
        (date(1980, 1, 1), 3, True, 5, (0, 4)),
        (date(1980, 1, 1), 3, True, 7, (0, 4)),  # at most 2nd to 5th child
    ],
)
def test_pflegeversicherung_nach_55_sgb_xi(
    geburtsdatum: date, monat: int, eltern: bool, kinder: int, erwartet: tuple[int, int]
) -> None:
    assert pv_merkmale(geburtsdatum, 2026, monat, elterneigenschaft=eltern, kinder_unter_25=kinder) == erwartet


def test_pvz_vor_1940_geboren_wie_bei_den_beitraegen() -> None:
    # § 55 Abs. 3 Satz 7 SGB XI: no childless surcharge for those born before 1.1.1940 – in the contribution
    # (core.regeln.beitraege) and therefore also not in the Vorsorgepauschale of the PAP.
    assert pv_merkmale(date(1939, 12, 31), 2026, 3, elterneigenschaft=False, kinder_unter_25=0) == (0, 0)
    assert pv_merkmale(date(1940, 1, 1), 2026, 3, elterneigenschaft=False, kinder_unter_25=0) == (1, 0)


def _sabine(**aenderungen: object) -> Steuermerkmale:
    werte: dict[str, object] = dict(
        steuerklasse=1,
        geburtsdatum=date(1985, 4, 12),
        bundesland="BW",
        kirchensteuerpflichtig=True,
        kv_zusatzbeitrag_prozent=D("2.9"),
    )
    werte.update(aenderungen)
    return Steuermerkmale(**werte)  # type: ignore[arg-type]


@pytest.mark.parametrize(("land", "satz"), [("BW", 8), ("BY", 8), ("Augsburg", 8), ("NW", 9), ("SN", 9), ("BE", 9)])
def test_kirchensteuer_8_oder_9_prozent_auf_bk(land: str, satz: int) -> None:
    abzug = lohnsteuer_monat(_sabine(bundesland=land), 2026, 3, D("3500.00"))
    assert abzug.kirchensteuer_prozent == satz
    bk = abzug.pap_ergebnis["BK"]
    assert bk > 0
    assert abzug.kirchensteuer == (bk * satz / 100).to_integral_value(rounding=ROUND_DOWN) / 100
    assert abzug.pap_eingaben["PVS"] == (1 if land == "SN" else 0)


def test_ohne_kirchenmitgliedschaft_keine_kirchensteuer() -> None:
    abzug = lohnsteuer_monat(_sabine(kirchensteuerpflichtig=False), 2026, 3, D("3500.00"))
    assert abzug.kirchensteuer == 0 and abzug.pap_eingaben["R"] == 0 and abzug.lohnsteuer > 0


def test_kirchensteuer_mit_kinderfreibetrag_aus_der_bemessungsgrundlage() -> None:
    mutter = {"elterneigenschaft": True, "kinder_unter_25": 1}  # same PV in both cases
    ohne = lohnsteuer_monat(_sabine(**mutter), 2026, 3, D("3500.00"))
    mit = lohnsteuer_monat(_sabine(kinderfreibetraege=D("1.0"), **mutter), 2026, 3, D("3500.00"))
    assert mit.lohnsteuer == ohne.lohnsteuer  # child allowances do not change the Lohnsteuer itself
    assert mit.kirchensteuer < ohne.kirchensteuer  # but they reduce BK (§ 51a Abs. 2a EStG)


def test_sachsen_hoeherer_pv_anteil_senkt_die_lohnsteuer() -> None:
    sachsen = lohnsteuer_monat(_sabine(bundesland="SN"), 2026, 3, D("3500.00"))
    berlin = lohnsteuer_monat(_sabine(bundesland="BE"), 2026, 3, D("3500.00"))
    assert sachsen.lohnsteuer < berlin.lohnsteuer


def test_private_krankenversicherung_je_nach_jahr() -> None:
    privat = _sabine(
        krankenversicherung=Krankenversicherung.PRIVAT,
        pkv_beitrag_monat=D("450.00"),
        pkv_arbeitgeberzuschuss_monat=D("225.00"),
    )
    a2026 = lohnsteuer_monat(privat, 2026, 3, D("5000.00")).pap_eingaben
    assert (a2026["PKV"], a2026["PKPV"], a2026["PKPVAGZ"]) == (1, 45000, 22500)
    a2025 = lohnsteuer_monat(privat, 2025, 3, D("5000.00")).pap_eingaben
    assert (a2025["PKV"], a2025["PKPV"]) == (2, 45000) and "PKPVAGZ" not in a2025 and "ALV" not in a2025


def test_ohne_krankenversicherung_mit_hinweis() -> None:
    abzug = lohnsteuer_monat(_sabine(krankenversicherung=Krankenversicherung.KEINE), 2026, 3, D("900.00"))
    assert (abzug.pap_eingaben["PKV"], abzug.pap_eingaben["PKPV"]) == (1, 0)
    assert [h.code for h in abzug.hinweise] == ["LST_OHNE_KV"]


def test_rv_und_av_freiheit() -> None:
    werkstudent = lohnsteuer_monat(_sabine(av_pflichtig=False), 2026, 3, D("1800.00"))
    assert (werkstudent.pap_eingaben["KRV"], werkstudent.pap_eingaben["ALV"]) == (0, 1)
    befreit = lohnsteuer_monat(_sabine(rv_pflichtig=False, av_pflichtig=False), 2026, 3, D("1800.00"))
    assert befreit.pap_eingaben["KRV"] == 1
    assert befreit.lohnsteuer >= werkstudent.lohnsteuer  # smaller Vorsorgepauschale


def test_faktorverfahren_nur_in_steuerklasse_iv() -> None:
    iv = lohnsteuer_monat(_sabine(steuerklasse=4), 2026, 3, D("3500.00"))
    faktor = lohnsteuer_monat(_sabine(steuerklasse=4, faktor=D("0.912")), 2026, 3, D("3500.00"))
    assert (faktor.pap_eingaben["af"], faktor.pap_eingaben["f"]) == (1, D("0.912"))
    assert iv.pap_eingaben["af"] == 0
    assert faktor.lohnsteuer < iv.lohnsteuer


@pytest.mark.parametrize(
    ("aenderungen", "feld"),
    [
        ({"steuerklasse": 7}, "steuerklasse"),
        ({"faktor": D("0.9")}, "faktor"),  # Steuerklasse I
        ({"steuerklasse": 4, "faktor": D("1.1")}, "faktor"),
        ({"steuerklasse": 4, "faktor": D("0.9123")}, "faktor"),
        ({"steuerklasse": 6, "kinderfreibetraege": D("1")}, "kinderfreibetraege"),
        ({"kinderfreibetraege": D("0.25")}, "kinderfreibetraege"),
    ],
)
def test_falsche_merkmale_ergeben_eine_deutsche_meldung(aenderungen: dict[str, object], feld: str) -> None:
    with pytest.raises(EingabeFehler) as info:
        lohnsteuer_monat(_sabine(**aenderungen), 2026, 3, D("3500.00"))
    assert info.value.feld == feld


def test_betraege_muessen_ganze_cent_sein() -> None:
    with pytest.raises(EingabeFehler, match="ganzen Cent"):
        lohnsteuer_monat(_sabine(), 2026, 3, D("3500.005"))
    with pytest.raises(EingabeFehler, match="negativ"):
        lohnsteuer_monat(_sabine(), 2026, 3, D("-1.00"))


# --- Sonstige Bezüge --------------------------------------------------------------------------------------


def test_voraussichtlicher_jahresarbeitslohn_nach_r_39b_6_lstr() -> None:
    # November: January–October paid 30,000 €; November and December at 3,000 € each
    assert voraussichtlicher_jahresarbeitslohn(11, D("3000.00"), D("30000.00")) == D("36000.00")
    assert voraussichtlicher_jahresarbeitslohn(1, D("3000.00"), D("0")) == D("36000.00")


def test_sonstiger_bezug_braucht_den_jahresarbeitslohn() -> None:
    with pytest.raises(EingabeFehler, match="voraussichtliche Jahresarbeitslohn"):
        lohnsteuer_monat(_sabine(), 2026, 12, D("3000.00"), sonstige_bezuege=D("1500.00"))


@pytest.mark.parametrize("jahr", [2025, 2026])
@pytest.mark.parametrize("monatslohn", [D("1800.00"), D("3000.00"), D("6500.00"), D("9500.00")])
def test_weihnachtsgeld_ist_die_differenz_der_jahreslohnsteuer(jahr: int, monatslohn: Decimal) -> None:
    """§ 39b Abs. 3 EStG: tax on a sonstiger Bezug = annual tax with it − annual tax without it.

    The expected value comes from two plain annual runs of the PAP (LZZ = 1, another path through the plan than
    the sonstige-Bezüge part MSONST), so the test checks that lohnsteuer_monat feeds SONSTB/JRE4 correctly.
    """
    weihnachtsgeld = D("1500.00")
    jahreslohn = monatslohn * 12
    merkmale = _sabine(bundesland="NW")
    abzug = lohnsteuer_monat(
        merkmale, jahr, 12, monatslohn, sonstige_bezuege=weihnachtsgeld, voraussichtlicher_jahresarbeitslohn=jahreslohn
    )
    jahres_eingaben = {k: v for k, v in abzug.pap_eingaben.items() if k not in ("SONSTB", "JRE4")} | {"LZZ": 1}
    mit = berechne_pap(jahr, jahres_eingaben | {"RE4": (jahreslohn + weihnachtsgeld) * 100})
    ohne = berechne_pap(jahr, jahres_eingaben | {"RE4": jahreslohn * 100})
    assert abzug.lohnsteuer_sonstige_bezuege * 100 == mit["LSTLZZ"] - ohne["LSTLZZ"]
    assert abzug.lohnsteuer_sonstige_bezuege > 0
    assert abzug.pap_ergebnis["BKS"] == abzug.pap_ergebnis["STS"]  # no child allowances: same base
    assert abzug.kirchensteuer_sonstige_bezuege == (
        (abzug.pap_ergebnis["BKS"] * 9 / 100).to_integral_value(rounding=ROUND_DOWN) / 100
    )
    # Soli on the one-off payment only above the Freigrenze, then 5.5 % of STS, cents cut (§ 4 SolZG)
    if mit["SOLZLZZ"] == 0:
        assert abzug.solidaritaetszuschlag_sonstige_bezuege == 0
    else:
        sts_cent = abzug.pap_ergebnis["STS"]
        assert abzug.solidaritaetszuschlag_sonstige_bezuege * 100 == (sts_cent * D("5.5") / 100).to_integral_value(
            rounding=ROUND_DOWN
        )
    # the monthly wage is taxed as without the one-off payment
    assert abzug.lohnsteuer_laufend == lohnsteuer_monat(merkmale, jahr, 12, monatslohn).lohnsteuer_laufend
    assert abzug.lohnsteuer == abzug.lohnsteuer_laufend + abzug.lohnsteuer_sonstige_bezuege


# --- Pauschsteuer 2 % -------------------------------------------------------------------------------------


def test_minijob_2_prozent_einschliesslich_soli_und_kirchensteuer() -> None:
    # § 40a Abs. 2 EStG: 2 % of 603 € (Minijob-Grenze 2026)
    p = pauschsteuer_minijob(2026, 3, D("603.00"))
    assert (p.lohnsteuer, p.solidaritaetszuschlag, p.kirchensteuer, p.gesamt) == (D("12.06"), 0, 0, D("12.06"))
    assert p.zulaessig and p.hinweise == ()
    assert pauschsteuer_minijob(2025, 6, D("556.00")).gesamt == D("11.12")


def test_minijob_bruchteile_eines_cents_mit_hinweis() -> None:
    p = pauschsteuer_minijob(2026, 3, D("556.55"))  # 2 % = 11.131 €
    assert p.gesamt == D("11.13")
    assert [h.code for h in p.hinweise] == ["PAUSCHSTEUER_RUNDUNG"]


def test_minijob_ohne_rv_beitrag_keine_2_prozent() -> None:
    p = pauschsteuer_minijob(2026, 3, D("500.00"), rv_pauschalbeitrag=False)
    assert not p.zulaessig and p.gesamt == 0
    assert p.hinweise[0].schwere is Schwere.FEHLER and "20 %" in p.hinweise[0].text


# --- Pauschsteuer 25 % (§ 40a Abs. 1 EStG) ----------------------------------------------------------------


def _aushilfe(**aenderungen: object):  # type: ignore[no-untyped-def]
    # Haufe Personal Office, Praxis-Beispiele „Pauschalierte Lohnsteuer – Kurzfristige Beschäftigung“:
    # 15 Arbeitstage × 7 Stunden × 12,41 € = 1.303,05 €; LSt 25 % = 325,76 €; Soli 5,5 % = 17,91 €;
    # no church membership proven → no Kirchensteuer.
    werte: dict[str, object] = dict(
        arbeitslohn=D("1303.05"),
        arbeitstage=15,
        arbeitsstunden=D(105),
        bundesland="BW",
        kirchensteuer=Kirchensteuerverfahren.NACHWEIS_KEIN_MITGLIED,
    )
    werte.update(aenderungen)
    return pauschsteuer_kurzfristig(2026, 10, **werte)  # type: ignore[arg-type]


def test_kurzfristig_25_prozent_haufe_beispiel() -> None:
    p = _aushilfe()
    assert p.zulaessig
    assert (p.lohnsteuer, p.solidaritaetszuschlag, p.kirchensteuer) == (D("325.76"), D("17.91"), 0)
    assert p.gesamt == D("343.67")
    assert [h.code for h in p.hinweise] == ["PAUSCHSTEUER_RUNDUNG"]  # 325.7625 €


def test_kurzfristig_pauschale_kirchensteuer_vereinfachtes_verfahren_ist_unverifiziert() -> None:
    p = _aushilfe(kirchensteuer=Kirchensteuerverfahren.VEREINFACHT)
    assert p.kirchensteuer == D("17.91")  # BW 5.5 % of 325.76 € = 17.9168 €
    assert "REGELWERT_UNVERIFIZIERT" in [h.code for h in p.hinweise]
    assert _aushilfe(kirchensteuer=Kirchensteuerverfahren.VEREINFACHT, bundesland="HH").kirchensteuer == D("13.03")


@pytest.mark.parametrize(
    "schluessel",
    [
        "kurzfristig_pauschsteuer_max_tageslohn",
        "kurzfristig_pauschsteuer_max_stundenlohn",
        "solidaritaetszuschlag_prozent",
    ],
)
def test_kurzfristig_nennt_jede_unverifizierte_grenze(monkeypatch: pytest.MonkeyPatch, schluessel: str) -> None:
    # A limit that decided "zulässig" is as much part of the result as the rate: if the table marks it [?], say so.
    echt = tabellen._eintrag
    monkeypatch.setattr(
        tabellen, "_eintrag", lambda s, t: {**echt(s, t), "status": "?"} if s == schluessel else echt(s, t)
    )
    tabellen.vergiss_zwischenspeicher()  # figures already looked up are kept per process: read them again …
    try:
        p = _aushilfe()
    finally:
        monkeypatch.undo()
        tabellen.vergiss_zwischenspeicher()  # … and forget the marked ones for the tests that follow
    assert p.zulaessig
    assert any(h.code == "REGELWERT_UNVERIFIZIERT" and schluessel in h.text for h in p.hinweise)


def test_unverifizierter_wert_sagt_was_die_nutzerin_tun_kann() -> None:
    # The Hinweis must name what the user can really do: the Rechengrößen page imports an official value.
    p = _aushilfe(kirchensteuer=Kirchensteuerverfahren.VEREINFACHT)
    text = next(h.text for h in p.hinweise if h.code == "REGELWERT_UNVERIFIZIERT")
    assert "Einstellungen → Rechengrößen" in text
    assert "resources/regeln/2026.toml" in text


def test_kurzfristig_nachweisverfahren_mitglied_zahlt_den_allgemeinen_satz() -> None:
    p = _aushilfe(kirchensteuer=Kirchensteuerverfahren.NACHWEIS_MITGLIED, bundesland="BY")
    assert p.kirchensteuer == D("26.06")  # 8 % of 325.76 € = 26.0608 €


@pytest.mark.parametrize(
    ("aenderungen", "zulaessig", "grund"),
    [
        (
            {"arbeitstage": 18, "arbeitslohn": D("2700.00"), "arbeitsstunden": D(144)},
            True,
            None,
        ),  # 150 €/day, 18.75 €/h
        ({"arbeitstage": 19, "arbeitslohn": D("1900.00"), "arbeitsstunden": D(133)}, False, "19 Arbeitstage"),
        (
            {"arbeitstage": 10, "arbeitslohn": D("1500.10"), "arbeitsstunden": D(80)},
            False,
            "150,01\u00a0€ je Arbeitstag",
        ),
        (
            {
                "arbeitstage": 10,
                "arbeitslohn": D("1500.10"),
                "arbeitsstunden": D(80),
                "unvorhersehbar_sofort_erforderlich": True,
            },
            True,
            None,
        ),
        (
            {
                "arbeitstage": 10,
                "arbeitslohn": D("1520.00"),
                "arbeitsstunden": D(80),
                "unvorhersehbar_sofort_erforderlich": True,
            },
            True,
            None,
        ),  # exactly 19 €/hour does not exceed the limit
        (
            {
                "arbeitstage": 10,
                "arbeitslohn": D("1521.60"),
                "arbeitsstunden": D(80),
                "unvorhersehbar_sofort_erforderlich": True,
            },
            False,
            "19,02\u00a0€ je Arbeitsstunde",
        ),
        ({"regelmaessig_wiederkehrend": True}, False, "regelmäßig wiederkehrt"),
        ({"weitere_beschaeftigung_mit_lohnsteuerabzug": True}, False, "ELStAM besteuert"),
    ],
    ids=[
        "grenzen-genau",
        "19-tage",
        "tageslohn",
        "unvorhersehbar",
        "genau-19-euro",
        "stundenlohn",
        "regelmaessig",
        "zweites-dienstverhaeltnis",
    ],
)
def test_kurzfristig_bedingungen_nach_40a_estg(
    aenderungen: dict[str, object], zulaessig: bool, grund: str | None
) -> None:
    # Cases constructed from § 40a Abs. 1 Satz 2 and Abs. 4 EStG (limits 18 days, 150 €/day, 19 €/hour).
    p = _aushilfe(**aenderungen)
    assert p.zulaessig is zulaessig
    if zulaessig:
        assert p.lohnsteuer > 0
    else:
        assert p.gesamt == 0
        assert all(h.schwere is Schwere.FEHLER and h.code == "PAUSCHSTEUER_25_UNZULAESSIG" for h in p.hinweise)
        assert any(grund in h.text for h in p.hinweise), [h.text for h in p.hinweise]


def test_kurzfristig_nennt_jeden_grund() -> None:
    p = _aushilfe(arbeitstage=20, arbeitslohn=D("4000.00"), arbeitsstunden=D(160), regelmaessig_wiederkehrend=True)
    assert not p.zulaessig
    assert len(p.hinweise) == 4  # regelmäßig, 20 Tage, 200 €/Tag, 25 €/Stunde
    assert all("ELStAM" in h.text for h in p.hinweise)
