"""Zeitkonto of a Monatslohn (seed 004, 2.5), Sachbezüge (§ 2 SvEV), advances, Zuschuss zum Mutterschaftsgeld."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from core.abrechnung.modell import Monatseingabe, Monatsergebnis, Vorgeschichte, Vormonat, Vorschuss
from core.abrechnung.rechnen import berechne
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.abrechnung.hilfe import eingabe, tagschichten

d = Decimal


def tage(*nummern: int) -> list[dict[str, str]]:
    return tagschichten(list(nummern))


def festlohn(**weiter: Any) -> Monatseingabe:
    # Monatslohn 2.000 € for 20 h a week: Soll März = 20 × 13/3 = 86,67 h. Worked 10 × 8 h = 80 h, Urlaub on the
    # planned shift of 23.03. (8 h) counts as done: Ist 88 h.
    return eingabe(
        monatslohn="2000.00",
        wochenstunden="20",
        zeitkonto_plus_max="7.5",
        schichten=tage(2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 23),
        abwesenheiten=[{"art": "urlaub", "von": "2026-03-23", "bis": "2026-03-23"}],
        **weiter,
    )


def codes(k: Monatsergebnis) -> set[str]:
    return {h.code for h in k.hinweise}


def test_zeitkonto_mit_uebertrag_und_warnung_vor_der_grenze() -> None:
    # Vortrag 5 h + 88 − 86,67 = 6,33 h; agreed limit 7,5 h, 80 % = 6 h reached → Hinweis before it is exceeded
    e = replace(festlohn(), vorgeschichte=Vorgeschichte(bekannt=True, zeitkonto_saldo=d("5")))
    k = berechne(e)
    assert k.zeitkonto is not None
    z = k.zeitkonto
    assert (z.vortrag, z.soll, z.ist, z.saldo) == (d("5.00"), d("86.67"), d("88.00"), d("6.33"))
    assert "ZEITKONTO_GRENZE_NAH" in codes(k) and "ZEITKONTO_GRENZE_UEBERSCHRITTEN" not in codes(k)
    assert k.brutto == d("2000.00")  # the Festlohn does not move with the hours


def test_zeitkonto_ueber_der_grenze_und_milog() -> None:
    # Vortrag 50 h: 51,33 > 7,5 (agreed) and > 86,67 / 2 = 43,33 (§ 2 Abs. 2 MiLoG)
    e = replace(festlohn(), vorgeschichte=Vorgeschichte(bekannt=True, zeitkonto_saldo=d("50")))
    assert {"ZEITKONTO_GRENZE_UEBERSCHRITTEN", "ZEITKONTO_MILOG"} <= codes(berechne(e))


def test_zeitkonto_beim_austritt() -> None:
    # Austritt 31.03.: 0 + 88 − 86,67 = 1,33 h credit, 2.000 / 86,667 h = 23,08 €/h → about 30,77 € to pay out
    k = berechne(festlohn(austritt="2026-03-31"))
    hinweis = next(h for h in k.hinweise if h.code == "ZEITKONTO_AUSTRITT")
    assert "1,33 Stunden" in hinweis.text and "30,77" in hinweis.text


def test_sachbezuege_und_vorschuss() -> None:
    # Stundenlohn 2.000 € (100 h × 20 €) plus Unterkunft im Haushalt, whole month: 285 × 85 % = 242,25 € (§ 2 Abs. 3
    # SvEV), and Verpflegung for 10 days: 345 / 30 = 11,50 × 10 = 115,00 (§ 2 Abs. 1, 6 SvEV). Both are pay (brutto,
    # Steuer- and SV-Brutto) that is not paid out: Auszahlung = netto − 357,25 − Vorschuss 100,00.
    e = eingabe(
        stundenlohn="20.00",
        schichten=[*tage(*range(2, 14)), {"beginn": "2026-03-16T08:00", "ende": "2026-03-16T12:00"}],
        sachbezuege=[{"art": "unterkunft", "im_haushalt": True}, {"art": "verpflegung", "tage": 10}],
    )
    e = replace(e, vorschuesse=(Vorschuss(d("100.00"), datum=date(2026, 3, 15)),))
    k = berechne(e)
    assert [(z.text, z.betrag) for z in k.lohnarten if z.schluessel == "4000"] == [
        ("Sachbezug Unterkunft (im Haushalt der Arbeitgeberin)", d("242.25")),
        ("Sachbezug Verpflegung, 10 Tage à 11,50\u00a0€", d("115.00")),
    ]
    assert (k.brutto, k.steuerbrutto, k.sv_brutto) == (d("2357.25"), d("2357.25"), d("2357.25"))
    assert (k.sachbezuege, k.vorschuesse) == (d("357.25"), d("100.00"))
    assert k.auszahlung == k.netto - d("357.25") - d("100.00")


def test_unterkunft_teilmonat_im_haushalt() -> None:
    # 10 days: day value 285 / 30 = 9,50; −15 % on the day value = 8,075 → 8,08 (§ 2 Abs. 6 SvEV); × 10 = 80,80
    e = eingabe(
        stundenlohn="20.00", schichten=tage(2), sachbezuege=[{"art": "unterkunft", "tage": 10, "im_haushalt": True}]
    )
    assert [z.betrag for z in berechne(e).lohnarten if z.schluessel == "4000"] == [d("80.80")]


def test_zuschuss_zum_mutterschaftsgeld() -> None:
    # Mutterschutz 01.–31.03.2026. Net pay of December–February (no one-offs): 1.550 + 1.550 + 1.400 = 4.500 € for
    # 31 + 31 + 28 = 90 calendar days = 50,00 € a day; Zuschuss (§ 20 MuSchG) 50,00 − 13,00 = 37,00 × 31 = 1.147,00,
    # tax- and SV-free (§ 3 Nr. 1 Buchst. d EStG, § 1 Abs. 1 Nr. 6 SvEV), refunded in full by U2 (§ 1 Abs. 2 AAG).
    e = eingabe(
        stundenlohn="20.00", abwesenheiten=[{"id": 7, "art": "mutterschutz", "von": "2026-03-01", "bis": "2026-03-31"}]
    )
    sv = Beschaeftigungsart.SV_PFLICHTIG
    e = replace(
        e,
        vorgeschichte=Vorgeschichte(
            bekannt=True,
            vormonate=(
                Vormonat(2025, 12, sv, d("2000.00"), netto=d("1550.00")),
                Vormonat(2026, 1, sv, d("2000.00"), netto=d("1550.00")),
                Vormonat(2026, 2, sv, d("1800.00"), netto=d("1400.00")),
            ),
        ),
    )
    k = berechne(e)
    assert [(z.menge, z.satz, z.betrag, z.steuerbrutto, z.sv_brutto) for z in k.lohnarten] == [
        (d("31.00"), d("37.00"), d("1147.00"), False, False)
    ]
    assert (k.brutto, k.steuerbrutto, k.sv_brutto, k.zuschuss_mutterschaftsgeld) == (
        d("1147.00"), d("0.00"), d("0.00"), d("1147.00"),
    )  # fmt: skip
    assert [(f.verfahren, f.anlass, f.zuschuss_mutterschaftsgeld) for f in k.fortzahlungen] == [
        ("U2", "mutterschutzfrist", d("1147.00"))
    ]
    assert k.sv_tage == 0  # Mutterschaftsgeld: beitragsfrei (§ 224 SGB V)


def test_zuschuss_ohne_vorgeschichte_nicht_berechnet() -> None:
    e = eingabe(stundenlohn="20.00", abwesenheiten=[{"art": "mutterschutz", "von": "2026-03-01", "bis": "2026-03-31"}])
    k = berechne(e)
    assert k.zuschuss_mutterschaftsgeld == 0 and "MUTTERSCHUTZ_ZUSCHUSS_UNBEKANNT" in codes(k)
