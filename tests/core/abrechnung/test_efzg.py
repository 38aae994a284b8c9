"""Entgeltfortzahlung (EFZG) over months: waiting period, six weeks per illness, Fortsetzungserkrankung.

Expected figures are counted by hand from § 3 EFZG (calendar days, §§ 187, 188 BGB) in the comments.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.abrechnung.efzg import entgeltfortzahlung
from core.abrechnung.modell import Monatsergebnis
from core.abrechnung.rechnen import berechne
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from tests.core.abrechnung.hilfe import eingabe, tagschichten

d = Decimal
KRANK = Abwesenheitsart.KRANK


def rechne(abwesenheiten: list[dict[str, Any]], **weiter: Any) -> Monatsergebnis:
    kraft = {"stundenlohn": "15.00", "schichten": tagschichten(list(range(1, 32))), "abwesenheiten": abwesenheiten}
    return berechne(eingabe(**{**kraft, **weiter}))


def codes(k: Monatsergebnis) -> set[str]:
    return {h.code for h in k.hinweise}


def test_wartezeit_bezahlt_erst_ab_der_fuenften_woche() -> None:
    # Eintritt Mo 02.03.2026: four weeks end Sun 29.03. (§ 3 Abs. 3 EFZG, § 188 Abs. 2 BGB); krank 20.03.–05.04.
    # Paid in March only 30. and 31.03.: 2 × 8 h × 15 € = 240,00; worked 02.–19.03. = 18 days × 120 = 2.160,00
    k = rechne([{"art": "krank", "von": "2026-03-20", "bis": "2026-04-05"}], eintritt="2026-03-02")
    assert k.lohnfortzahlung == d("240.00")
    assert k.grundverguetung == d("2160.00")
    assert [(f.von, f.bis, f.tage) for f in k.fortzahlungen] == [(date(2026, 3, 30), date(2026, 3, 31), 2)]
    assert "EFZG_WARTEZEIT" in codes(k)
    # SV-Tage: employed 02.–31.03. = 30 days, minus 20.–29.03. with Krankengeld (10 days) = 20 (§ 223 SGB V)
    assert k.sv_tage == 20


def test_sechs_wochen_ueber_den_monatswechsel() -> None:
    # krank 01.02.–31.03.2026: 42 days paid from 01.02. = 01.02.–14.03.; March pays 01.–14.03. = 14 × 120 = 1.680,00
    k = rechne([{"art": "krank", "von": "2026-02-01", "bis": "2026-03-31"}])
    assert (k.lohnfortzahlung, k.grundverguetung) == (d("1680.00"), d("0.00"))
    assert [(f.von, f.bis, f.tage, f.fortgezahltes_entgelt) for f in k.fortzahlungen] == [
        (date(2026, 3, 1), date(2026, 3, 14), 14, d("1680.00"))
    ]
    assert "EFZG_HOECHSTDAUER" in codes(k)
    assert k.sv_tage == 14  # 15.–31.03. Krankengeld, beitragsfrei (§ 224 SGB V)


def test_fortsetzungserkrankung_zaehlt_zusammen() -> None:
    # 05.01.–04.02. = 31 days of the same illness; continued 02.03.–31.03. (§ 3 Abs. 1 Satz 2 EFZG): 42 − 31 = 11 days
    # left: 02.–12.03. paid = 11 × 120 = 1.320,00. Without the mark it is a new illness: 30 × 120 = 3.600,00.
    frueher = {"id": 1, "art": "krank", "von": "2026-01-05", "bis": "2026-02-04"}
    jetzt = {"art": "krank", "von": "2026-03-02", "bis": "2026-03-31"}
    fortgesetzt = rechne([frueher, {**jetzt, "fortsetzung_von": 1}])
    assert fortgesetzt.lohnfortzahlung == d("1320.00")
    assert fortgesetzt.fortzahlungen[0].bis == date(2026, 3, 12)
    assert {"EFZG_FORTSETZUNG", "EFZG_HOECHSTDAUER"} <= codes(fortgesetzt)
    assert rechne([frueher, jetzt]).lohnfortzahlung == d("3600.00")


def test_fortsetzung_nach_sechs_monaten_ohne_arbeitsunfaehigkeit_neu() -> None:
    # 01.08.–31.08.2025 (31 days), then free from 01.09.2025: six months end 28.02.2026 (§ 188 Abs. 2, 3 BGB);
    # 02.03.2026 lies after → § 3 Abs. 1 Satz 2 Nr. 1 EFZG: new six weeks, all 30 days paid = 3.600,00
    k = rechne(
        [
            {"id": 1, "art": "krank", "von": "2025-08-01", "bis": "2025-08-31"},
            {"art": "krank", "von": "2026-03-02", "bis": "2026-03-31", "fortsetzung_von": 1},
        ]
    )
    assert k.lohnfortzahlung == d("3600.00")


def test_fortsetzung_zwoelf_monate_nach_beginn_neu() -> None:
    # Same illness 01.–14.03.2025, 01.–14.08.2025, 01.–14.01.2026 (gaps under six months): 3 × 14 = 42 days used.
    # 02.–06.03.2026: twelve months since 01.03.2025 ended on 28.02.2026 → § 3 Abs. 1 Satz 2 Nr. 2 EFZG: paid again.
    teile = [("2025-03-01", "2025-03-14"), ("2025-08-01", "2025-08-14"), ("2026-01-01", "2026-01-14")]
    abw: list[dict[str, Any]] = []
    for i, (von, bis) in enumerate(teile, start=1):
        abw.append({"id": i, "art": "krank", "von": von, "bis": bis, **({"fortsetzung_von": i - 1} if i > 1 else {})})
    abw.append({"art": "krank", "von": "2026-03-02", "bis": "2026-03-06", "fortsetzung_von": 3})
    assert rechne(abw).lohnfortzahlung == d("600.00")  # 5 × 120


def test_anschliessende_krankheit_ist_ein_verhinderungsfall() -> None:
    # 01.02.–28.02. (28 days) and, without a day in between, 01.03.–31.03. as a "new" illness: one case of
    # prevention (BAG 11.12.2019 – 5 AZR 505/18): 42 − 28 = 14 days → 01.–14.03.
    abw = [
        Abwesenheit(1, KRANK, date(2026, 2, 1), date(2026, 2, 28), id=1),
        Abwesenheit(1, KRANK, date(2026, 3, 1), date(2026, 3, 31), id=2),
    ]
    e = entgeltfortzahlung(abw, date(2020, 1, 1), date(2026, 3, 1), date(2026, 3, 31))
    bezahlt = sorted(t for t in (date(2026, 3, 1) + timedelta(days=i) for i in range(31)) if e.bezahlt(abw[1], t))
    assert (bezahlt[0], bezahlt[-1], len(bezahlt)) == (date(2026, 3, 1), date(2026, 3, 14), 14)


@pytest.mark.parametrize("art", [Abwesenheitsart.URLAUB, Abwesenheitsart.BESCHAEFTIGUNGSVERBOT])
def test_andere_bezahlte_abwesenheit_ohne_wartezeit(art: Abwesenheitsart) -> None:
    # The EFZG waiting period is for sickness only: leave and Beschäftigungsverbot are paid from day one.
    a = Abwesenheit(1, art, date(2026, 3, 3), date(2026, 3, 3), id=1)
    assert entgeltfortzahlung([a], date(2026, 3, 2), date(2026, 3, 1), date(2026, 3, 31)).bezahlt(a, date(2026, 3, 3))


def test_szenariodatei_wartezeit_und_fortsetzung(capsys: pytest.CaptureFixture[str]) -> None:
    # tests/data/szenarien/krank_wartezeit_fortsetzung.json: the two cases above as a scenario file (for the
    # lohnlauf cross-check). "neu": 02.–19.03. worked (18 × 120 = 2.160) + 30./31.03. continued (240);
    # "fortsetzung": 01.03. worked (120) + 02.–12.03. continued (11 × 120 = 1.320).
    from core.cli import main

    datei = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "krank_wartezeit_fortsetzung.json"
    assert main(["berechnen", str(datei), "--json"]) == 0
    neu, fortsetzung = json.loads(capsys.readouterr().out)["assistenzkraefte"]
    assert (neu["grundverguetung"], neu["lohnfortzahlung"], neu["brutto"]) == ("2160.00", "240.00", "2400.00")
    assert (fortsetzung["grundverguetung"], fortsetzung["lohnfortzahlung"]) == ("120.00", "1320.00")
    assert [f["fortgezahltes_entgelt"] for f in fortsetzung["fortzahlungen"]] == ["1320.00"]
