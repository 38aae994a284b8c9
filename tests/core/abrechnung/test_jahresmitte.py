"""A household that a Lohnbüro settled until June and that starts in the program in July 2026 (issue 8): the
carried-over figures (erfassung.speichere_vortrag) are what the July payroll builds on — through the store, as the
Abrechnung page and `assistenzbuero abrechnung` run it.

Worked by hand from § 23a SGB IV and the 2026 tables (Sozialversicherungs-Rechengrößenverordnung 2026: BBG KV/PV
5.812,50 €, RV/AV 8.450 € a month; KV 14,6 % + Zusatzbeitrag 2,9 %, PV 3,6 %, RV 18,6 %, AV 2,6 %, each half).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.abrechnung import erfassung, lauf
from core.abrechnung.szenario_laden import lade
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.lohnsteuer import berechne_pap
from core.stammdaten import start
from tests.core.abrechnung.hilfe import szenario, tagschichten

d = Decimal
JULI = [1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27, 28, 29, 30, 31]


def _haushalt(tmp_path: Path, **weiter: Any) -> Path:
    """Monatslohn 5.000 € in July (before: 5.500 € a month at the Lohnbüro), and what `weiter` adds."""
    daten = szenario(
        {
            "monatslohn": "5000.00",
            "steuerklasse": 1,
            "eintritt": "2020-01-01",
            "schichten": tagschichten(JULI, monat=7),
            **weiter,
        },
        monat=7,
    )
    datei = tmp_path / "juli.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, tmp_path / "haushalt.sqlite")  # §8: July becomes the household's Abrechnungsbeginn
    return tmp_path / "haushalt.sqlite"


def test_einmalzahlung_mit_uebernommenen_sv_summen(tmp_path: Path) -> None:
    db = start.oeffne(_haushalt(tmp_path, einmalzahlungen=[{"art": "urlaubsgeld", "betrag": "3000.00"}]))
    try:
        (kraft,) = lauf.personen_im_monat(db, 2026, 7)
        ohne = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
        assert ohne is not None
        # January to June at the Lohnbüro: 6 × 5.500 = 33.000 € taxable and contributory pay, 180 SV-Tage
        erfassung.speichere_vortrag(
            db,
            erfassung.VortragDaten(
                kraft,
                2026,
                brutto=d("33000.00"),
                steuerbrutto=d("33000.00"),
                entgelt_kv=d("33000.00"),
                entgelt_rv=d("33000.00"),
                lohnsteuer=d("5400.00"),
                sv_tage=180,
            ),
        )
        k = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
    finally:
        db.schliessen()
    assert k is not None
    assert k.brutto == d("8000.00")
    # § 23a Abs. 3 SGB IV, anteilige Jahres-BBG Januar–Juli (210 SV-Tage):
    # KV/PV 5.812,50 × 210 / 30 = 40.687,50; taken by 33.000 + 5.000 running pay → room 2.687,50 of the 3.000:
    # KV/PV base 5.000 + 2.687,50 = 7.687,50. KV AN 7,3 % = 561,1875 → 561,19, Zusatz 1,45 % = 111,46875 → 111,47;
    # PV AN 1,8 % (Elterneigenschaft) = 138,375 → 138,38.
    # RV/AV 8.450 × 7 = 59.150 − 38.000 = 21.150 ≥ 3.000 → base 8.000: RV 9,3 % = 744,00, AV 1,3 % = 104,00.
    assert (k.kv_an, k.pv_an, k.rv_an, k.av_an) == (d("672.66"), d("138.38"), d("744.00"), d("104.00"))
    assert (k.kv_ag, k.pv_ag, k.rv_ag, k.av_ag) == (d("672.66"), d("138.38"), d("744.00"), d("104.00"))
    # without the carried-over figures the whole 3.000 would have been contributory (8.000 × 8,75 % = 700,00)
    assert ohne.kv_an == d("700.00")
    # year totals go on from the carried-over ones (next month's BBG, the Lohnkonto)
    assert k.jahreswerte.entgelt_kv == d("33000.00") + d("7687.50")
    assert k.jahreswerte.sv_tage == 210
    assert k.jahreswerte.lohnsteuer == d("5400.00") + k.lohnsteuer
    # Lohnsteuer: the Urlaubsgeld is a sonstiger Bezug, through the BMF PAP with the voraussichtlicher
    # Jahresarbeitslohn from the carried-over pay: 33.000 + 5.000 × 6 (Juli–Dezember) = 63.000 (R 39b.6 LStR)
    pap = berechne_pap(
        2026,
        {"LZZ": 2, "STKL": 1, "RE4": 500000, "SONSTB": 300000, "JRE4": 6300000, "KVZ": d("2.9"), "PKV": 0,
         "PVZ": 0, "PVA": d(0), "KRV": 0, "ALV": 0, "R": 0},
    )  # fmt: skip
    assert k.lohnsteuer == (pap["LSTLZZ"] + pap["STS"]) / 100


def test_krankheit_mit_uebernommenen_tagen_entgeltfortzahlung(tmp_path: Path) -> None:
    """Sick since 27 May; the Lohnbüro paid 35 days (27.05.–30.06.). In July she stays sick until the 20th."""
    db = start.oeffne(_haushalt(tmp_path, abwesenheiten=[{"art": "krank", "von": "2026-07-01", "bis": "2026-07-20"}]))
    try:
        (kraft,) = lauf.personen_im_monat(db, 2026, 7)
        ohne = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
        erfassung.speichere_vortrag(db, erfassung.VortragDaten(kraft, 2026, krank_fortzahlung_tage=35))
        k = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
    finally:
        db.schliessen()
    assert ohne is not None and k is not None
    # Without the carried-over days all 20 sick days lie within six weeks: the full Monatslohn
    assert ohne.brutto == d("5000.00")
    # With them: 42 − 35 = 7 days left (§ 3 Abs. 1 EFZG): paid 01.–07.07.; 08.–20.07. (13 calendar days) without
    # pay: 5.000 × 13 / 31 = 2.096,774 → 2.096,77 (per calendar day, as for unpaid leave) → 2.903,23
    assert k.brutto == d("2903.23")
    texte = {h.code: h.text for h in k.hinweise}
    assert "am 07.07.2026 ausgeschöpft" in texte["EFZG_HOECHSTDAUER"]
    assert "35 Tage Entgeltfortzahlung sind bereits verbraucht" in texte["EFZG_FORTSETZUNG"]


JULI_MINI = [1, 3, 6, 8, 10, 13, 15, 17, 20, 22]  # 10 shifts of 4 h at 14 € = 560 € in July


@pytest.mark.parametrize(
    ("vorher_je_monat", "erwartet"),
    [
        # Jan–Jun 6 × 650 = 3.900: forecast 3.900 + 560 + Ø (4.460 / 7 = 637,14) × 5 = 7.645,71 > 12 × 603 = 7.236
        # → no longer a Minijob from July (§ 8 Abs. 1 Nr. 1 SGB IV, GR B 2.2.1), Übergangsbereich
        ("650.00", Beschaeftigungsart.MIDIJOB),
        # Jan–Jun 6 × 500 = 3.000: 3.000 + 560 + Ø (3.560 / 7 = 508,57) × 5 = 6.102,86 ≤ 7.236 → Minijob
        ("500.00", Beschaeftigungsart.MINIJOB),
    ],
)
def test_minijob_prognose_mit_uebernommenem_entgelt(
    tmp_path: Path, vorher_je_monat: str, erwartet: Beschaeftigungsart
) -> None:
    daten = szenario(
        {"stundenlohn": "14.00", "eintritt": "2025-01-01", "schichten": tagschichten(JULI_MINI, "09:00", "13:00", 7)},
        monat=7,
    )
    datei = tmp_path / "juli.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, tmp_path / "haushalt.sqlite")
    db = start.oeffne(tmp_path / "haushalt.sqlite")
    try:
        (kraft,) = lauf.personen_im_monat(db, 2026, 7)
        ohne = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
        vorher = d(vorher_je_monat) * 6
        erfassung.speichere_vortrag(
            db,
            erfassung.VortragDaten(kraft, 2026, brutto=vorher, steuerbrutto=vorher, entgelt_rv=vorher, sv_tage=180),
        )
        k = lauf.abrechnung(db, 2026, 7).zeilen[0].ergebnis
    finally:
        db.schliessen()
    assert ohne is not None and k is not None
    assert ohne.brutto == k.brutto == d("560.00")
    # July alone (560 € ≤ 603 €) is a Minijob; what the Lohnbüro paid decides the forecast
    assert ohne.beschaeftigung is Beschaeftigungsart.MINIJOB
    assert k.beschaeftigung is erwartet


def test_urlaub_vor_dem_abrechnungsbeginn_zaehlt_als_genommen(tmp_path: Path) -> None:
    """Sabine (5 days a week, 30 days' leave, employed since 2014) took 12 days at the Lohnbüro's time; in the program
    from July she takes Mon 13.–Fri 17.07. (5 working days). A March leave entered in the Dienstplan as well is the
    same leave the 12 days contain and is not counted twice: taken 12 + 5 = 17, left 30 − 17 = 13 (§ 3 BUrlG)."""
    from datetime import date

    from core.dienstplan import dienst
    from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
    from tests.core.dienstplan.conftest import lege_haushalt_an

    db = start.oeffne(tmp_path / "haushalt.sqlite")
    try:
        h = lege_haushalt_an(db)
        erfassung.setze_abrechnungsbeginn(db, 2026, 7)
        urlaub = Abwesenheitsart.URLAUB
        dienst.trage_abwesenheit_ein(db, Abwesenheit(h.sabine, urlaub, date(2026, 7, 13), date(2026, 7, 17)))
        dienst.trage_abwesenheit_ein(db, Abwesenheit(h.sabine, urlaub, date(2026, 3, 2), date(2026, 3, 6)))
        ohne = erfassung.urlaubsuebersicht(db, h.sabine, 2026, date(2026, 12, 31))
        erfassung.speichere_vortrag(db, erfassung.VortragDaten(h.sabine, 2026, urlaub_genommen_tage=d(12)))
        mit = erfassung.urlaubsuebersicht(db, h.sabine, 2026, date(2026, 12, 31))
    finally:
        db.schliessen()
    assert (ohne.konto.anspruch, ohne.konto.genommen) == (d(30), d(10))  # no carried-over figures: as entered
    assert (mit.konto.genommen, mit.konto.rest) == (d(17), d(13))
    assert "12 Urlaubstage vor dem Abrechnungsbeginn (Juli 2026)" in " ".join(x.text for x in mit.hinweise)
