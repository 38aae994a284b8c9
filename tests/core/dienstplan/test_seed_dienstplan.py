"""Seed 004, 2.6.1: the sample plan "Januar 2012" produced from its pattern and compared cell by cell."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, betroffene_schichten, mit_vertretung
from core.dienstplan.muster import expandiere, wochenendwechsel, wochenwechsel
from core.dienstplan.raster import monatsraster
from core.dienstplan.schicht import Schicht, tausche
from core.dienstplan.tage import WOCHENTAGE_KURZ
from core.dienstplan.vorlagen import FRUEHDIENST, SPAETDIENST

DATEN = Path(__file__).resolve().parents[2] / "data" / "dienstplan_seed004_januar.csv"
SABINE, JOERG, ULRIKE, RUDOLF = 1, 2, 3, 4
NAMEN = {SABINE: "Sabine", JOERG: "Jörg", ULRIKE: "Ulrike", RUDOLF: "Rudolf"}
# The table's weekdays (DO 1.) fit a January starting on a Thursday, not 2012 (see the data file's header).
JAHR = 2015


def _seed_tabelle() -> list[dict[str, str]]:
    with DATEN.open(encoding="utf-8") as datei:
        zeilen = [z for z in datei if not z.startswith("#")]
    return list(csv.DictReader(zeilen, delimiter=";"))


def _muster_schichten() -> list[Schicht]:
    """The pattern the seed describes: Sabine/Jörg alternate early/late week by week, students weekends in turn."""
    anker = date(2014, 12, 29)  # Monday of the week containing 1 January
    werktage = wochenwechsel("Früh/Spät", anker, [FRUEHDIENST, SPAETDIENST], [SABINE, JOERG])
    wochenenden = wochenendwechsel("Wochenenden", anker, [FRUEHDIENST, SPAETDIENST], [RUDOLF, ULRIKE])
    von, bis = date(JAHR, 1, 1), date(JAHR, 1, 31)
    schichten = expandiere(werktage, von, bis) + expandiere(wochenenden, von, bis)
    return [s.mit(id=i) for i, s in enumerate(schichten, start=1)]


def _zellen(schichten: list[Schicht], abwesenheiten: list[Abwesenheit]) -> dict[tuple[int, str], str]:
    raster = monatsraster(JAHR, 1, "BW", schichten, abwesenheiten, NAMEN, [FRUEHDIENST, SPAETDIENST])
    assert [sp.schluessel for sp in raster.spalten] == ["Frühdienst", "Spätdienst"]
    return {
        (zeile.info.tag.day, spalte): zeile.zelltext(spalte)
        for zeile in raster.zeilen
        for spalte in ("Frühdienst", "Spätdienst")
    }


def _erwartet() -> dict[tuple[int, str], str]:
    return {
        (int(z["tag"]), spalte): z[feld]
        for z in _seed_tabelle()
        for spalte, feld in (("Frühdienst", "schicht1"), ("Spätdienst", "schicht2"))
    }


def test_wochentage_der_tabelle_passen_zum_gewaehlten_jahr() -> None:
    kuerzel = [z["wochentag"] for z in _seed_tabelle()]
    assert kuerzel == [WOCHENTAGE_KURZ[date(JAHR, 1, t).weekday()].upper() for t in range(1, 32)]


def test_reines_muster_weicht_nur_an_den_vermerkten_tagen_ab() -> None:
    """Without leave and the one swap, the pattern alone differs from the seed exactly where the seed deviates."""
    ist = _zellen(_muster_schichten(), [])
    erwartet = _erwartet()
    abweichungen = sorted(k for k in erwartet if ist[k] != erwartet[k])
    assert abweichungen == [
        (5, "Frühdienst"),  # Mo 5.: Sabine early although it is Jörg's early week (a swap)
        (5, "Spätdienst"),
        (8, "Frühdienst"),  # (Jörg Url.) Sabine
        (9, "Frühdienst"),
        (23, "Spätdienst"),  # (Sabine Url.) Jörg
    ]


def test_seed_plan_aus_muster_mit_tausch_und_urlaubsvertretung() -> None:
    schichten = {s.id: s for s in _muster_schichten()}
    am = {(s.tag.day, s.vorlage): s for s in schichten.values()}

    # Mo 5.: Sabine and Jörg swap (Tausch).
    frueh, spaet = tausche(am[(5, "Frühdienst")], am[(5, "Spätdienst")])
    schichten[frueh.id] = frueh  # type: ignore[index]
    schichten[spaet.id] = spaet  # type: ignore[index]

    # Jörg on leave 8.–9., Sabine covers; Sabine on leave 23., Jörg covers.
    urlaub = [
        Abwesenheit(JOERG, Abwesenheitsart.URLAUB, date(JAHR, 1, 8), date(JAHR, 1, 9), id=1),
        Abwesenheit(SABINE, Abwesenheitsart.URLAUB, date(JAHR, 1, 23), date(JAHR, 1, 23), id=2),
    ]
    for abw, vertretung in ((urlaub[0], SABINE), (urlaub[1], JOERG)):
        for s in betroffene_schichten(abw, schichten.values()):
            schichten[s.id] = mit_vertretung(s, vertretung)  # type: ignore[index]

    ist = _zellen(list(schichten.values()), urlaub)
    erwartet = _erwartet()
    assert len(erwartet) == 62
    falsch = {k: (ist[k], erwartet[k]) for k in erwartet if ist[k] != erwartet[k]}
    assert falsch == {}


@pytest.mark.parametrize(
    ("tag", "frueh", "spaet"),
    [
        pytest.param(1, "Sabine", "Jörg", id="Do 1. Neujahr: Woche 0 Sabine früh"),
        pytest.param(6, "Jörg", "Sabine", id="Di 6. Heilige Drei Könige: Woche 1 Jörg früh"),
        pytest.param(17, "Rudolf", "Rudolf", id="Sa 17. Rudolf"),
        pytest.param(24, "Ulrike", "Ulrike", id="Sa 24. Ulrike"),
    ],
)
def test_feiertage_werden_wie_wochentage_besetzt(tag: int, frueh: str, spaet: str) -> None:
    zellen = _zellen(_muster_schichten(), [])
    assert (zellen[(tag, "Frühdienst")], zellen[(tag, "Spätdienst")]) == (frueh, spaet)
