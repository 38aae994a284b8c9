"""The payroll's input and output types round-trip exactly through als_dict/aus_dict and JSON text."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from core.abrechnung.modell import (
    Einmalzahlung,
    Jahreswerte,
    Monatseingabe,
    Monatsergebnis,
    Sachbezug,
    Tagesverdienst,
    Verrechnung,
    Vorgeschichte,
    Vormonat,
    Vorschuss,
)
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lade_szenario
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.schicht import Arbeitsart, Istzeit, Leistungsanteil, Pause, Schicht, Teil
from core.domain.zeit import BERLIN
from core.regeln.klassifikation import Beschaeftigungsart, WeitereArt, WeitereBeschaeftigung

DATEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"
SZENARIEN = sorted(DATEN.glob("*.json"))


def _durch_json(daten: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(daten, ensure_ascii=False))


@pytest.mark.parametrize("datei", SZENARIEN, ids=lambda p: p.stem)
def test_ergebnis_und_eingabe_hin_und_zurueck(datei: Path) -> None:
    for eingabe in lade_szenario(datei).eingaben:
        ergebnis = berechne(eingabe)
        zurueck = Monatsergebnis.aus_dict(_durch_json(ergebnis.als_dict()))
        assert zurueck == ergebnis
        assert zurueck.als_dict() == ergebnis.als_dict()
        assert Monatseingabe.aus_dict(_durch_json(eingabe.als_dict())) == eingabe


def test_eingabe_mit_allen_feldarten_hin_und_zurueck() -> None:
    basis = lade_szenario(DATEN / "midijob.json").eingaben[0]

    def t(tag: int, stunde: int) -> datetime:
        return datetime(2026, 3, tag, stunde, tzinfo=BERLIN)

    schicht = Schicht(
        assistenzkraft_id=1,
        beginn=t(2, 8),
        ende=t(3, 8),
        arbeitsart=Arbeitsart.ARBEIT,
        leistungsart="Eingliederungshilfe",
        teile=(Teil(t(2, 22), t(3, 6), Arbeitsart.BEREITSCHAFT),),
        leistungsanteile=(Leistungsanteil(t(2, 8), t(2, 12), "Pflegekasse"),),
        pausen=(Pause(t(2, 12), t(2, 13)),),
        vertretung_fuer=2,
        ist=Istzeit(t(2, 8), t(3, 7), (Pause(t(2, 12), t(2, 13)),), "früher gegangen"),
        id=17,
    )
    eingabe = replace(
        basis,
        person=replace(
            basis.person,
            weitere_beschaeftigungen=(WeitereBeschaeftigung(WeitereArt.MINIJOB, Decimal("120.00"), date(2025, 1, 1)),),
            berufsmaessig=False,
        ),
        schichten=(schicht,),
        abwesenheiten=(Abwesenheit(1, Abwesenheitsart.KRANK, date(2026, 2, 20), date(2026, 3, 4), id=3,
                                   fortsetzung_von=1),),
        einmalzahlungen=(Einmalzahlung("urlaubsgeld", Decimal("300.00"), id=4),),
        sachbezuege=(Sachbezug("unterkunft", tage=10, im_haushalt=True), Sachbezug("sonstig", wert=Decimal("50"))),
        vorschuesse=(Vorschuss(Decimal("100.00"), datum=date(2026, 3, 10)),),
        verrechnungen=(Verrechnung("Korrektur Februar", Decimal("-12.34"), "2026-02"),),
        vorgeschichte=Vorgeschichte(
            bekannt=True,
            jahreswerte=Jahreswerte(brutto=Decimal("2400.00"), sv_tage=60),
            vorjahr=Jahreswerte(entgelt_kv=Decimal("14400.00"), sv_tage=360),
            vormonate=(
                Vormonat(2026, 2, Beschaeftigungsart.MIDIJOB, Decimal("1200.00"),
                         tagesverdienste=(Tagesverdienst(date(2026, 2, 2), Decimal("8.00"), Decimal("128.00")),)),
            ),
            zeitkonto_saldo=Decimal("-3.5"),
        ),
    )  # fmt: skip
    assert Monatseingabe.aus_dict(_durch_json(eingabe.als_dict())) == eingabe


def test_vertrag_json_beginnt_mit_contracts_feldern() -> None:
    ergebnis = berechne(lade_szenario(DATEN / "minijob_privathaushalt.json").eingaben[0])
    felder = list(ergebnis.als_dict())
    assert felder[:3] == ["id", "beschaeftigung", "hinweise"]
    assert ergebnis.als_dict()["stunden"] == "36.00" and ergebnis.als_dict()["lohnsteuer"] == "0.00"
