"""The claims service on a household file: found after finalising, tracked offen → gestellt → erstattet/abgelehnt,
the four-year warning (§ 6 Abs. 1 AAG), refunds received for the budget.

Figures by hand: sick Tue 10.–Fri 13.03.2026, four 8-hour shifts at 16.00 € = 512.00 €; the Kasse's chosen U1
level refunds 70 % (example table "70 Prozent (Regelsatz)", informationsportal.de; CONTRACTS §9) without employer
shares: 358.40 €. Minijob: 3 × 4 h × 14.00 € = 168.00 €, Minijob-Zentrale 80 % = 134.40 €.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.erstattung import ErhalteneErstattung, erhaltene_erstattungen
from core.erstattung.dienst import antraege, setze_status
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from tests.core.szenario_vorlage import lade_kopie

D = Decimal


def _werktage(bis: int) -> list[date]:
    return [date(2026, 3, t) for t in range(1, bis + 1) if date(2026, 3, t).weekday() < 5]


def szenario_datei(ordner: Path) -> Path:
    sabine = {
        "id": "sabine",
        "name": "Sabine Muster",
        "geburtsdatum": "1985-04-12",
        "krankenkasse": "AOK BW",
        "elterneigenschaft": True,
        "stundenlohn": "16.00",
        "eintritt": "2020-01-01",
        "schichten": [{"beginn": f"{t}T08:00", "ende": f"{t}T16:00"} for t in _werktage(27)],
        "abwesenheiten": [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-13"}],
    }
    ulrike = {
        "id": "ulrike",
        "name": "Ulrike Beispiel",
        "geburtsdatum": "2001-02-03",
        "krankenkasse": "AOK BW",
        "beschaeftigung": "minijob",
        "stundenlohn": "14.00",
        "eintritt": "2020-01-01",
        "schichten": [
            {"beginn": f"2026-03-{t:02d}T08:00", "ende": f"2026-03-{t:02d}T12:00"}
            for t in (2, 3, 4, 9, 10, 11, 16, 17, 18)
        ],
        "abwesenheiten": [{"art": "krank", "von": "2026-03-09", "bis": "2026-03-11"}],
    }
    jorg = {
        "id": "joerg",
        "name": "Jörg Neu",
        "geburtsdatum": "1990-01-01",
        "krankenkasse": "AOK BW",
        "stundenlohn": "16.00",
        "eintritt": "2026-03-02",
        "schichten": [{"beginn": f"{t}T08:00", "ende": f"{t}T16:00"} for t in _werktage(27)],
        "abwesenheiten": [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-12"}],
    }
    daten: dict[str, Any] = {
        "jahr": 2026,
        "monat": 3,
        "arbeitgeber": {"bundesland": "BW", "name": "Anna Beispiel"},
        "krankenkassen": {
            "AOK BW": {
                "zusatzbeitrag": "2.9",
                "u1_satz": "2.4",
                "u1_erstattung": "70",
                "u2_satz": "0.40",
                "ag_anteile_erstattet": False,
            }
        },
        "assistenzkraefte": [sabine, ulrike, jorg],
    }
    pfad = ordner / "szenario.json"
    pfad.write_text(json.dumps(daten), encoding="utf-8")
    return pfad


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    lade_kopie(szenario_datei(tmp_path), tmp_path / "haushalt.sqlite")
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    try:
        yield datenbank
    finally:
        datenbank.schliessen()


HEUTE = date(2026, 4, 20)


def test_nichts_vor_dem_abschluss_dann_je_abwesenheit_ein_antrag(db: Datenbank) -> None:
    assert antraege(db, heute=HEUTE).antraege == ()
    lauf.schliesse_ab(db, 2026, 3)
    uebersicht = antraege(db, monat=(2026, 3), heute=HEUTE)
    nach_person = {a.personalnummer: a for a in uebersicht.antraege}
    assert set(nach_person) == {"sabine", "ulrike"}  # Jörg: waiting period, no claim
    sabine, ulrike = nach_person["sabine"], nach_person["ulrike"]
    assert (sabine.kasse, sabine.verfahren, sabine.fortgezahltes_entgelt, sabine.erstattungssatz) == (
        "AOK BW",
        "U1",
        D("512.00"),
        D(70),
    )
    assert sabine.erstattungsbetrag == D("358.40") and sabine.status == "offen"
    assert ulrike.kasse == "Minijob-Zentrale" and ulrike.erstattungsbetrag == D("134.40")
    assert ulrike.erstattungssatz == D(80)
    (warum,) = uebersicht.hinweise
    assert "Jörg Neu" in warum.text and "keinen U1-Antrag" in warum.text
    # listing again keeps the numbers (the tracking rows are found, not made anew)
    assert [a.nr for a in antraege(db, heute=HEUTE).antraege] == [a.nr for a in uebersicht.antraege]


def test_status_gestellt_erstattet_mit_differenz_und_budget(db: Datenbank) -> None:
    lauf.schliesse_ab(db, 2026, 3)
    sabine = next(a for a in antraege(db, heute=HEUTE).antraege if a.personalnummer == "sabine")
    with pytest.raises(EingabeFehler, match="nur auf „gestellt“"):
        setze_status(db, sabine.nr, "erstattet", datum=HEUTE, betrag=D("358.40"), heute=HEUTE)
    with pytest.raises(EingabeFehler, match="Zukunft"):
        setze_status(db, sabine.nr, "gestellt", datum=HEUTE + timedelta(days=1), heute=HEUTE)
    gestellt = setze_status(db, sabine.nr, "gestellt", datum=date(2026, 4, 2), heute=HEUTE)
    assert (gestellt.status, gestellt.gestellt_am) == ("gestellt", date(2026, 4, 2))
    assert gestellt.alter_tage(HEUTE) == 18
    with pytest.raises(EingabeFehler, match="vor dem Antrag"):
        setze_status(db, sabine.nr, "erstattet", datum=date(2026, 4, 1), betrag=D("350.00"), heute=HEUTE)
    erstattet = setze_status(db, sabine.nr, "erstattet", datum=date(2026, 4, 15), betrag=D("350.00"), heute=HEUTE)
    assert erstattet.differenz == D("-8.40")
    assert "ERSTATTUNG_DIFFERENZ" in {h.code for h in erstattet.hinweise}
    assert [a.personalnummer for a in antraege(db, heute=HEUTE).antraege] == ["ulrike"]  # settled: not open
    assert erhaltene_erstattungen(db, date(2026, 4, 1), date(2026, 4, 30)) == [
        ErhalteneErstattung(
            sabine.assistenzkraft_id,
            "U1",
            "AOK BW",
            date(2026, 3, 10),
            date(2026, 3, 13),
            date(2026, 4, 15),
            D("350.00"),
        )
    ]
    assert erhaltene_erstattungen(db, date(2026, 5, 1), date(2026, 5, 31)) == []


def test_abgelehnt_braucht_grund_und_zuruecksetzen(db: Datenbank) -> None:
    lauf.schliesse_ab(db, 2026, 3)
    ulrike = next(a for a in antraege(db, heute=HEUTE).antraege if a.personalnummer == "ulrike")
    setze_status(db, ulrike.nr, "gestellt", datum=date(2026, 4, 2), heute=HEUTE)
    with pytest.raises(EingabeFehler, match="Grund"):
        setze_status(db, ulrike.nr, "abgelehnt", grund="  ", heute=HEUTE)
    abgelehnt = setze_status(
        db, ulrike.nr, "abgelehnt", datum=date(2026, 4, 10), grund="AU-Bescheinigung fehlt", heute=HEUTE
    )
    assert (abgelehnt.status, abgelehnt.ablehnungsgrund) == ("abgelehnt", "AU-Bescheinigung fehlt")
    zurueck = setze_status(db, ulrike.nr, "gestellt", heute=HEUTE)
    assert (zurueck.status, zurueck.ablehnungsgrund, zurueck.gestellt_am) == ("gestellt", "", date(2026, 4, 2))
    with pytest.raises(EingabeFehler, match="kein Status"):
        setze_status(db, ulrike.nr, "bezahlt", heute=HEUTE)
    with pytest.raises(EingabeFehler, match="gibt es nicht"):
        setze_status(db, 999, "gestellt", datum=HEUTE, heute=HEUTE)


@pytest.mark.parametrize(
    ("heute", "code"),
    [
        pytest.param(date(2030, 6, 30), None, id="184 Tage vor Ablauf: noch keine Warnung"),
        pytest.param(date(2030, 7, 1), "ERSTATTUNG_FRIST", id="183 Tage vor dem 31.12.2030: Warnung"),
        pytest.param(date(2030, 12, 31), "ERSTATTUNG_FRIST", id="letzter Tag"),
        pytest.param(date(2031, 1, 1), "ERSTATTUNG_VERJAEHRT", id="verjährt"),
    ],
)
def test_vierjahresfrist_warnung(db: Datenbank, heute: date, code: str | None) -> None:
    """§ 6 Abs. 1 AAG: a claim of 2026 lapses at the end of 2030; warned from half a year before."""
    lauf.schliesse_ab(db, 2026, 3)
    sabine = next(a for a in antraege(db, heute=heute).antraege if a.personalnummer == "sabine")
    assert sabine.frist_bis == date(2030, 12, 31)
    codes = {h.code for h in sabine.hinweise} & {"ERSTATTUNG_FRIST", "ERSTATTUNG_VERJAEHRT"}
    assert codes == ({code} if code else set())


def test_erstattet_keine_fristwarnung(db: Datenbank) -> None:
    lauf.schliesse_ab(db, 2026, 3)
    sabine = next(a for a in antraege(db, heute=HEUTE).antraege if a.personalnummer == "sabine")
    setze_status(db, sabine.nr, "gestellt", datum=date(2026, 4, 2), heute=HEUTE)
    setze_status(db, sabine.nr, "erstattet", datum=date(2026, 4, 15), betrag=D("358.40"), heute=HEUTE)
    (erledigt,) = [a for a in antraege(db, heute=date(2031, 6, 1), alle=True).antraege if a.nr == sabine.nr]
    assert erledigt.differenz == 0 and not {h.code for h in erledigt.hinweise} & {"ERSTATTUNG_VERJAEHRT"}


def test_privat_versichert_erst_mit_umlagekasse_vollstaendig(tmp_path: Path) -> None:
    """A privately insured assistant: the claim waits for the Kasse of her Umlagen (§ 175 Abs. 3 SGB V); once set,
    it is computed at that Kasse's rate: 4 × 8 h × 16.00 € = 512.00 € × 70 % = 358.40 €."""
    from core.erstattung.dienst import setze_umlagekasse

    datei = szenario_datei(tmp_path)
    daten = json.loads(datei.read_text(encoding="utf-8"))
    daten["assistenzkraefte"] = [
        dict(daten["assistenzkraefte"][0], id="petra", name="Petra Privat", krankenkasse="privat")
    ]
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, tmp_path / "privat.sqlite")
    db = start.oeffne(tmp_path / "privat.sqlite")
    try:
        lauf.schliesse_ab(db, 2026, 3)
        (petra,) = antraege(db, heute=HEUTE).antraege
        assert not petra.vollstaendig and petra.kasse == "" and petra.erstattungsbetrag is None
        (fehlt,) = [h for h in petra.hinweise if h.code == "ERSTATTUNG_OHNE_KASSE"]
        assert "Kasse für privat Versicherte" in fehlt.text
        with pytest.raises(EingabeFehler, match="gestellt werden"):
            setze_status(db, petra.nr, "gestellt", datum=HEUTE, heute=HEUTE)
        with pytest.raises(EingabeFehler, match="nicht eingetragen"):
            setze_umlagekasse(db, "petra", "Gibt es nicht")
        setze_umlagekasse(db, "petra", "AOK BW")
        (petra,) = antraege(db, heute=HEUTE).antraege
        assert (petra.kasse, petra.erstattungsbetrag) == ("AOK BW", D("358.40"))
    finally:
        db.schliessen()
