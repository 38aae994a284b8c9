"""The budget from the store: finalised payroll charged to Bewilligungen, forecast from the planned Dienstplan,
refunds from the claims lane, the CLI (CONTRACTS §10). The household and its hand-worked costs: `hilfe.py`."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

import core.erstattung
from core.abrechnung import ablage
from core.abrechnung.szenario_laden import lade
from core.budget import bewilligungen as dienst_bewilligungen
from core.budget.bewilligung import Bescheid, BewilligungDaten, Posten
from core.budget.dienst import budgetstand
from core.dienstplan.modelle import SchichtZeile
from core.erstattung.dienst import antraege, setze_status
from core.fehler import EingabeFehler
from core.stammdaten import start
from tests.core.budget.hilfe import KOSTEN_EGH, KOSTEN_MONAT, KOSTEN_PK, haushalt, plane_monate, schliesse_ab
from tests.kommandozeile import rufe

D = Decimal
EGH = BewilligungDaten(
    "Eingliederungshilfe 2026",
    "Bezirk",
    (2026, 1),
    (2026, 12),
    D("400.00"),
    D("24"),
    leistungsarten=("EGH",),
    aktenzeichen="EGH-4711",
)
PK = BewilligungDaten("Pflegekasse 2026", "AOK Pflegekasse", (2026, 3), (2026, 12), D("300.00"), leistungsarten=("PK",))


def test_zwei_bewilligungen_mit_geteilten_schichten(tmp_path: Path) -> None:
    db = haushalt(tmp_path)
    try:
        dienst_bewilligungen.speichere(db, EGH)
        dienst_bewilligungen.speichere(db, PK)
        schliesse_ab(db, 3)
        stand = budgetstand(db, 2026, heute=date(2026, 4, 1))
    finally:
        db.schliessen()
    egh, pk = stand.bewilligungen
    assert (egh.verbraucht, egh.stunden) == (D(KOSTEN_EGH), D("20.00"))
    assert (pk.verbraucht, pk.stunden) == (D(KOSTEN_PK), D("16.00"))
    assert egh.verbraucht + pk.verbraucht == D(KOSTEN_MONAT)  # the payslip's employer cost, nothing twice
    assert [m.status for m in egh.monate[:4]] == ["vor_beginn", "vor_beginn", "abgeschlossen", "entwurf"]


def test_ueberschneidung_wird_abgelehnt(tmp_path: Path) -> None:
    db = haushalt(tmp_path)
    try:
        dienst_bewilligungen.speichere(db, EGH)
        with pytest.raises(EingabeFehler, match="„Eingliederungshilfe neu“ und „Eingliederungshilfe 2026“"):
            dienst_bewilligungen.speichere(
                db,
                BewilligungDaten(
                    "Eingliederungshilfe neu", "Bezirk", (2026, 6), (2027, 5), D("500"), leistungsarten=("EGH", "PB")
                ),
            )
        assert [b.name for b in dienst_bewilligungen.liste(db)] == ["Eingliederungshilfe 2026"]
    finally:
        db.schliessen()


def test_bescheid_mitten_im_jahr_gespeichert_und_gerechnet(tmp_path: Path) -> None:
    """Bescheid ab 16.07.: 500 € statt 400 € → Juli (15 × 400 + 16 × 500) / 31 = 14000 / 31 = 451,6129 → 451,61 €;
    Jahr 6 × 400 + 451,61 + 5 × 500 = 5.351,61 €."""
    db = haushalt(tmp_path)
    try:
        gespeichert = dienst_bewilligungen.speichere(
            db, replace(EGH, bescheide=(Bescheid(date(2026, 7, 16), D("500.00")),))
        )
        assert gespeichert.bescheide[0].ab == date(2026, 7, 16)
        stand = budgetstand(db, 2026, mit_prognose=False)
    finally:
        db.schliessen()
    [egh] = stand.bewilligungen
    assert egh.monate[6].bewilligt == D("451.61")
    assert egh.bewilligt == D("5351.61")


def test_prognose_aus_geplanten_monaten_und_ueberschreitung(tmp_path: Path) -> None:
    """March finalised, April to June planned (the same 9 shifts): 4 × 618,95 = 2.475,80 € against 4 × 600 = 2.400 €
    approved → 75,80 € over; other costs of 45 € (Lohnbüro) count as spent."""
    db = haushalt(
        tmp_path,
        bewilligungen=[
            {"name": "PB", "kostentraeger": "Bezirk", "von": "2026-03", "bis": "2026-06", "betrag_monat": "600.00"}
        ],
    )
    try:
        plane_monate(db, range(4, 7))
        schliesse_ab(db, 3)
        [pb] = dienst_bewilligungen.liste(db)
        assert pb.bis == (2026, 6)  # the scenario loader stores the last day of the last month
        dienst_bewilligungen.speichere_posten(db, Posten(pb.id or 0, date(2026, 3, 31), "lohnabrechnung", D("45.00")))
        stand = budgetstand(db, 2026, heute=date(2026, 4, 1))
        # a change of the plan is seen by the next view (the kept forecast is for the old data)
        with db.arbeitseinheit() as sitzung:
            juni = sitzung.scalars(select(SchichtZeile).where(SchichtZeile.tag == date(2026, 6, 12))).one()
            sitzung.delete(juni)
        danach = budgetstand(db, 2026, heute=date(2026, 4, 1))
    finally:
        db.schliessen()
    [s] = stand.bewilligungen
    assert s.verbraucht == D("663.95")  # 618,95 + 45
    assert s.geplant == D("1856.85")  # 3 × 618,95
    assert s.prognose == D("2520.80") and s.rest == D("-120.80")
    assert [h.code for h in s.hinweise] == ["PROGNOSE_UEBERSTEIGT_BEWILLIGUNG"]
    # June without one 4-h shift: 32 h × 15 € = 480 € + 14,62 % of it (KV 5, RV 5, U1 0,8, U2 0,22 → 1,056 → 1,06,
    # Pauschsteuer 2 → 9,60, UV 1,6 → 7,68): 480 + 24 + 24 + 3,84 + 1,06 + 9,60 + 7,68 = 550,18 €
    assert danach.bewilligungen[0].monate[3].kosten == D("550.18")


def test_prognose_neu_nach_einspielen_von_rechengroessen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept forecast of the open months is computed again after rule figures were imported (they change the
    payroll as much as the data do); while neither changed it is the kept one."""
    from core.abrechnung import lauf
    from core.regeln import tabellen

    db = haushalt(
        tmp_path,
        bewilligungen=[
            {"name": "PB", "kostentraeger": "Bezirk", "von": "2026-03", "bis": "2026-06", "betrag_monat": "600.00"}
        ],
    )
    gerechnet: list[tuple[int, int]] = []
    echt = lauf.zeilen

    def zaehlend(d: object, jahr: int, monat: int, **k: object) -> object:
        gerechnet.append((jahr, monat))
        return echt(d, jahr, monat, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(lauf, "zeilen", zaehlend)
    try:
        plane_monate(db, range(4, 5))
        erst = budgetstand(db, 2026, heute=date(2026, 4, 1))
        assert (2026, 4) in gerechnet
        gerechnet.clear()
        assert budgetstand(db, 2026, heute=date(2026, 4, 1)) == erst
        assert gerechnet == []
        tabellen.vergiss_zwischenspeicher()  # what an import of figures does
        assert budgetstand(db, 2026, heute=date(2026, 4, 1)) == erst  # same figures, computed again
        assert (2026, 4) in gerechnet
    finally:
        db.schliessen()


@dataclass(frozen=True)
class _Erhalten:
    assistenzkraft_id: int
    verfahren: str
    kasse: str
    zeitraum_von: date
    zeitraum_bis: date
    erhalten_am: date
    betrag: Decimal


def test_erhaltene_erstattungen_mindern_den_verbrauch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A U1 refund of 100 € for Anna's March, received in May, through the claims lane's
    `core.erstattung.erhaltene_erstattungen`: EGH −55,56, PK −44,44 (split worked in test_stand.py)."""
    db = haushalt(tmp_path)
    gefragt: list[tuple[date, date]] = []

    def erhaltene(_db: object, von: date, bis: date) -> list[_Erhalten]:
        gefragt.append((von, bis))
        return [
            _Erhalten(1, "U1", "Minijob-Zentrale", date(2026, 3, 10), date(2026, 3, 11), date(2026, 5, 4), D("100"))
        ]

    monkeypatch.setattr(core.erstattung, "erhaltene_erstattungen", erhaltene, raising=False)
    try:
        dienst_bewilligungen.speichere(db, EGH)
        dienst_bewilligungen.speichere(db, PK)
        schliesse_ab(db, 3)
        stand = budgetstand(db, 2026, mit_prognose=False)
    finally:
        db.schliessen()
    egh, pk = stand.bewilligungen
    assert (egh.erstattungen, pk.erstattungen) == (D("55.56"), D("44.44"))
    assert egh.verbraucht == D("288.30") and pk.verbraucht == D("230.65")
    assert gefragt == [(date(2026, 1, 1), date(2100, 12, 31))]  # received since January, however late


def test_cli_json_wie_contracts(tmp_path: Path) -> None:
    """CONTRACTS §10: keys in order, amounts as strings with two decimals; a §8 file's "bewilligungen".

    In the test process (tests/kommandozeile.py): the answers are the point here, not the process."""
    db = haushalt(
        tmp_path,
        bewilligungen=[
            {
                "name": "Persönliches Budget 2026",
                "kostentraeger": "Bezirk Oberbayern",
                "von": "2026-01",
                "bis": "2026-12",
                "betrag_monat": "8000.00",
                "stunden_monat": "365",
            }
        ],
    )
    schliesse_ab(db, 3)
    db.schliessen()
    aufruf = ["budget", "--db", str(tmp_path / "haushalt.sqlite"), "--jahr", "2026"]
    ergebnis = rufe(*aufruf, "--json")
    assert ergebnis.returncode == 0, ergebnis.stderr
    daten = json.loads(ergebnis.stdout)
    assert list(daten)[:2] == ["jahr", "bewilligungen"] and daten["jahr"] == 2026
    [b] = daten["bewilligungen"]
    assert list(b)[:12] == [
        "name",
        "kostentraeger",
        "von",
        "bis",
        "bewilligt",
        "bewilligte_stunden",
        "verbraucht",
        "stunden",
        "erstattungen",
        "prognose",
        "rest",
        "monate",
    ]
    assert (b["von"], b["bis"], b["bewilligt"], b["bewilligte_stunden"]) == (
        "2026-01",
        "2026-12",
        "96000.00",
        "4380.00",
    )
    assert (b["verbraucht"], b["stunden"], b["erstattungen"]) == (KOSTEN_MONAT, "36.00", "0.00")
    maerz = b["monate"][2]
    assert list(maerz)[:4] == ["monat", "kosten", "stunden", "status"]
    assert maerz == maerz | {"monat": "2026-03", "kosten": KOSTEN_MONAT, "stunden": "36.00", "status": "abgeschlossen"}
    text = rufe(*aufruf)  # the same command without --json
    assert text.returncode == 0 and "Persönliches Budget 2026" in text.stdout
    falsch = rufe(*aufruf[:-1], "26")
    assert falsch.returncode == 2 and "kein Jahr" in falsch.stderr and "Traceback" not in falsch.stderr


def test_erstattung_aus_dem_erstattungsbereich(tmp_path: Path) -> None:
    """With the claims lane's own store: Emil's sick day in March 2026 (scenario krank_lohnausfall) becomes a U1
    claim; once marked "erstattet" with 120,00 € received on 20.04.2026, the budget counts it against March."""
    szenario = Path(__file__).resolve().parents[2] / "data" / "szenarien" / "krank_lohnausfall.json"
    lade(szenario, tmp_path / "h.sqlite")
    db = start.oeffne(tmp_path / "h.sqlite")
    try:
        dienst_bewilligungen.speichere(db, BewilligungDaten("PB 2026", "Bezirk", (2026, 1), (2026, 12), D("5000")))
        schliesse_ab(db, 3)
        [antrag] = antraege(db, alle=True, heute=date(2026, 4, 1)).antraege
        setze_status(db, antrag.nr, "gestellt", datum=date(2026, 4, 2), heute=date(2026, 4, 25))
        setze_status(db, antrag.nr, "erstattet", datum=date(2026, 4, 20), betrag=D("120.00"), heute=date(2026, 4, 25))
        kosten = sum((g.ergebnis.arbeitgeberkosten for g in ablage.lade_monat(db, 2026, 3).ergebnisse), D(0))
        stand = budgetstand(db, 2026, mit_prognose=False)
    finally:
        db.schliessen()
    [pb] = stand.bewilligungen
    assert pb.erstattungen == D("120.00") and pb.monate[2].erstattungen == D("120.00")
    assert pb.verbraucht == kosten - D("120.00")
