"""Independent review (issue 3): published worked examples and cases read straight off the law text."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from core.domain.zeit import BERLIN
from core.regeln.beitraege import _uebergang_anteil
from core.regeln.zuschlaege import Arbeitszeitraum, Kategorie, Zuschlagssaetze, berechne_zuschlaege

d = Decimal


@pytest.mark.parametrize(
    ("halber_satz", "gesamt", "an", "ag"),
    [
        # Minijob-Zentrale example "Beschäftigung im Übergangsbereich mit 521 Euro" (G 520, as reported by
        # 450-euro-jobs.de, "Quelle: Minijob Zentrale"): BE 365,61, BE_AN 1,48; the branch results as published
        pytest.param("7.3", "53.38", "0.11", "53.27", id="Minijob-Zentrale 521 € KV 7,3 %"),
        pytest.param("0.65", "4.76", "0.01", "4.75", id="Minijob-Zentrale 521 € Zusatzbeitrag 0,65 %"),
        pytest.param("1.525", "11.16", "0.02", "11.14", id="Minijob-Zentrale 521 € PV 1,525 %"),
        pytest.param("9.3", "68.00", "0.14", "67.86", id="Minijob-Zentrale 521 € RV 9,3 %"),
        pytest.param("1.2", "8.78", "0.02", "8.76", id="Minijob-Zentrale 521 € AV 1,2 %"),
    ],
)
def test_uebergangsbereich_anteile_minijob_zentrale(halber_satz: str, gesamt: str, an: str, ag: str) -> None:
    anteil = _uebergang_anteil(d("365.61"), d("1.48"), d(halber_satz) / 100)
    assert (anteil.gesamt, anteil.an, anteil.ag) == (d(gesamt), d(an), d(ag))


def t(monat: int, tag: int, stunde: int) -> datetime:
    return datetime(2026, monat, tag, stunde, tzinfo=BERLIN)


WEIHNACHTEN = Zuschlagssaetze(
    nacht=d(25),
    nacht_0_4=d(40),
    sonntag=d(50),
    feiertag=d(125),
    weihnachten_maifeiertag=d(150),
    heiligabend_silvester=d(150),
)


@pytest.mark.parametrize(
    ("beginn", "ende", "saetze", "erwartet", "stunden"),
    [
        # § 3b Abs. 1 Nr. 1 and 4, Abs. 3 Nr. 1 EStG, Grundlohn 20 €/h, contract = the legal maximum rates:
        # 24.12. 22–24: Nacht 25 % + Heiligabend ab 14 Uhr 150 % → 2 × 20 × 1,75 = 70,00
        # 25.12. 0–4: Nacht 40 % (vor 0 Uhr begonnen) + 150 % → 4 × 20 × 1,90 = 152,00
        # 25.12. 4–6: 25 % + 150 % → 2 × 20 × 1,75 = 70,00; 6–7: 150 % → 30,00 — zusammen 322,00, alles frei
        pytest.param(
            t(12, 24, 22),
            t(12, 25, 7),
            WEIHNACHTEN,
            ("322.00", "322.00", "322.00"),
            {Kategorie.NACHT_25: 4, Kategorie.NACHT_40: 4, Kategorie.FEIERTAG_HOCH: 9},
            id="§ 3b Heiligabend 22 Uhr bis 1. Weihnachtstag 7 Uhr",
        ),
        # 31.12. 12–16 Uhr: 12–14 nichts; 14–16 Silvester 125 % (§ 3b Abs. 1 Nr. 3); the contract pays 150 %
        # → 2 × 20 × 150 % = 60,00 paid, free 2 × 20 × 125 % = 50,00
        pytest.param(
            t(12, 31, 12),
            t(12, 31, 16),
            WEIHNACHTEN,
            ("60.00", "50.00", "50.00"),
            {Kategorie.FEIERTAG: 2},
            id="§ 3b Silvester ab 14 Uhr höchstens 125 %",
        ),
        # Ostermontag 06.04.2026 (BW) 22 Uhr – Di 4 Uhr, contract Nacht 25 %, Feiertag 125 % by calendar day:
        # Mo 22–24: 2 × 20 × (25 + 125) % = 60,00; Di 0–4: only the night rate is paid (25 % of 40 % allowed)
        # → 4 × 20 × 25 % = 20,00; the law counts Di 0–4 as holiday work (§ 3b Abs. 3 Nr. 2) but nothing is paid
        # for it, so nothing more is free: 80,00 / 80,00
        pytest.param(
            t(4, 6, 22),
            t(4, 7, 4),
            Zuschlagssaetze(nacht=d(25), feiertag=d(125)),
            ("80.00", "80.00", "80.00"),
            {Kategorie.NACHT_25: 2, Kategorie.NACHT_40: 4, Kategorie.FEIERTAG: 6},
            id="§ 3b Abs. 3 Nr. 2 Feiertag bis 4 Uhr des Folgetags",
        ),
    ],
)
def test_zuschlaege_nach_gesetzestext(
    beginn: datetime,
    ende: datetime,
    saetze: Zuschlagssaetze,
    erwartet: tuple[str, str, str],
    stunden: dict[Kategorie, int],
) -> None:
    e = berechne_zuschlaege([Arbeitszeitraum(beginn, ende, d("20"))], saetze, "BW")
    assert (str(e.zuschlag), str(e.steuerfrei), str(e.svfrei)) == erwartet
    assert {k: v for k, v in e.stunden.items() if v} == {k: d(v) for k, v in stunden.items()}


@pytest.mark.parametrize(
    ("land", "sonntag", "hinweis", "frei"),
    [
        # Ostersonntag 05.04.2026, 8–12 Uhr, Grundlohn 20 €. R 3b Abs. 3 Satz 3 LStR: Oster- and Pfingstsonntag are
        # holidays for § 3b in every Land (Frotscher/Geurts § 3b Rz. 33), so the tax-free cap is 125 %.
        # BW, contract Sonntag 50 % (the Land has no holiday, the contract pays Sunday): 4 × 20 × 50 % = 40,00 free
        pytest.param("BW", "50", True, "40.00", id="Ostersonntag BW Vertrag 50 %: 40,00 frei (R 3b Abs. 3 S. 3 LStR)"),
        # BW, contract Sonntag 100 %: paid 80,00, all of it free (cap 4 × 20 × 125 % = 100,00, not 50 % = 40,00)
        pytest.param("BW", "100", True, "80.00", id="Ostersonntag BW Vertrag 100 %: 80,00 frei, Grenze 125 %"),
        # BB: a statutory holiday (FTG Brandenburg), contract Feiertag 125 % → 4 × 20 × 125 % = 100,00, no Hinweis
        pytest.param("BB", "50", False, "100.00", id="Ostersonntag BB: gesetzlicher Feiertag 125 %"),
    ],
)
def test_ostersonntag(land: str, sonntag: str, hinweis: bool, frei: str) -> None:
    e = berechne_zuschlaege(
        [Arbeitszeitraum(t(4, 5, 8), t(4, 5, 12), d("20"))],
        Zuschlagssaetze(sonntag=d(sonntag), feiertag=d(125)),
        land,
    )
    assert str(e.steuerfrei) == frei
    assert ("ZUSCHLAG_OSTER_PFINGSTSONNTAG" in {h.code for h in e.hinweise}) is hinweis
