"""A small seeded household (employer in BW, the seed's four assistants with contracts) for service tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from core.dienstplan.vorlagen import Schichtvorlage
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, speichere_assistenzkraft
from core.stammdaten.vertraege import VertragDaten, speichere_vertrag


@dataclass
class Haushalt:
    db: Datenbank
    sabine: int
    joerg: int
    ulrike: int
    rudolf: int


def lege_haushalt_an(db: Datenbank, *, eintritt: date = date(2014, 1, 1)) -> Haushalt:
    speichere_arbeitgeber(db, ArbeitgeberDaten(nachname="Muster", vorname="Maria", bundesland="BW"))
    ids = {}
    for vorname, nachname in (("Sabine", "Berger"), ("Jörg", "Keller"), ("Ulrike", "Sommer"), ("Rudolf", "Winter")):
        ids[vorname] = speichere_assistenzkraft(db, AssistenzkraftDaten(vorname=vorname, nachname=nachname)).id
    for name in ("Sabine", "Jörg"):
        speichere_vertrag(
            db,
            VertragDaten(
                assistenzkraft_id=ids[name],  # type: ignore[arg-type]
                gueltig_ab=eintritt,
                eintritt=eintritt,
                lohnsatz=Decimal("16.00"),
                beschaeftigung="sv_pflichtig",
                arbeitstage_woche=Decimal(5),
                urlaubstage=Decimal(30),
            ),
        )
    for name in ("Ulrike", "Rudolf"):
        speichere_vertrag(
            db,
            VertragDaten(
                assistenzkraft_id=ids[name],  # type: ignore[arg-type]
                gueltig_ab=eintritt,
                eintritt=eintritt,
                lohnsatz=Decimal("15.00"),
                beschaeftigung="minijob",
            ),
        )
    return Haushalt(db, ids["Sabine"], ids["Jörg"], ids["Ulrike"], ids["Rudolf"])  # type: ignore[arg-type]


_vorlage: list[tuple[Path, Haushalt]] = []


def haushalt_vorlage(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Haushalt]:
    """Built once per test process (master data through the services take a while); tests open copies of it."""
    if not _vorlage:
        pfad = tmp_path_factory.mktemp("vorlage") / "haushalt.sqlite"
        db = start.oeffne(pfad)
        try:
            _vorlage.append((pfad, lege_haushalt_an(db)))
        finally:
            db.schliessen()
    return _vorlage[0]


@pytest.fixture(scope="session")
def _haushalt_vorlage(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Haushalt]:
    return haushalt_vorlage(tmp_path_factory)


def oeffne_kopie(vorlage: tuple[Path, Haushalt], ziel: Path) -> Haushalt:
    """The session's household copied to `ziel` and opened (the caller closes it)."""
    pfad, ids = vorlage
    shutil.copyfile(pfad, ziel)
    return Haushalt(Datenbank.oeffnen(ziel, sichern=False), ids.sabine, ids.joerg, ids.ulrike, ids.rudolf)


@contextmanager
def geoeffnete_kopie(vorlage: tuple[Path, Haushalt], ziel: Path) -> Iterator[Haushalt]:
    """`oeffne_kopie`, closed again at the end of the block (or of the fixture that yields it)."""
    h = oeffne_kopie(vorlage, ziel)
    try:
        yield h
    finally:
        h.db.schliessen()


@pytest.fixture
def haushalt(tmp_path: Path, _haushalt_vorlage: tuple[Path, Haushalt]) -> Iterator[Haushalt]:
    with geoeffnete_kopie(_haushalt_vorlage, tmp_path / "haushalt.sqlite") as h:
        yield h


_januar: list[Path] = []


def januar_vorlage(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Haushalt]:
    """The household with the seed's January planned through the services (`plane_seed_januar`): built once per
    test process from the household template, for tests that start from the finished plan (exports)."""
    vorlage = haushalt_vorlage(tmp_path_factory)
    if not _januar:
        pfad = tmp_path_factory.mktemp("januar") / "haushalt.sqlite"
        with geoeffnete_kopie(vorlage, pfad) as h:
            plane_seed_januar(h)
        _januar.append(pfad)
    return _januar[0], vorlage[1]


def seed_vorlagen(h: Haushalt) -> dict[str, Schichtvorlage]:
    """The file's Frühdienst and Spätdienst set to the seed's shifts as its table counts them (7 h and 8 h, no break).

    The program's own templates carry the § 4 ArbZG break (core.dienstplan.vorlagen); tests that reproduce the
    seed's table say which shifts they mean instead of relying on the defaults.
    """
    from core.dienstplan import dienst

    v = {x.name: x for x in dienst.liste_vorlagen(h.db)}
    return {
        name: dienst.speichere_vorlage(h.db, Schichtvorlage(name, kuerzel, beginn, ende, id=v[name].id))
        for name, kuerzel, beginn, ende in (
            ("Frühdienst", "F", time(7), time(14)),
            ("Spätdienst", "S", time(14), time(22)),
        )
    }


def plane_seed_januar(h: Haushalt) -> None:
    """Seed 004, 2.6.1 through the services: both patterns, the swap on the 5th, two leaves with Vertretung."""
    from core.dienstplan import dienst
    from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
    from core.dienstplan.muster import wochenendwechsel, wochenwechsel

    v = seed_vorlagen(h)
    fs = [v["Frühdienst"], v["Spätdienst"]]
    for muster in (
        wochenwechsel("Früh/Spät", date(2014, 12, 29), fs, [h.sabine, h.joerg]),
        wochenendwechsel("Wochenenden", date(2014, 12, 29), fs, [h.rudolf, h.ulrike]),
    ):
        gespeichert = dienst.speichere_muster(h.db, muster)
        dienst.wende_muster_an(h.db, gespeichert.id or 0, date(2015, 1, 1), date(2015, 1, 31))
    plan = dienst.monat_oeffnen(h.db, 2015, 1, pruefen=False)
    am = {(s.tag.day, s.vorlage): s for s in plan.schichten}
    dienst.tausche(h.db, am[(5, "Frühdienst")].id or 0, am[(5, "Spätdienst")].id or 0)
    for person, von, bis, vertretung in ((h.joerg, 8, 9, h.sabine), (h.sabine, 23, 23, h.joerg)):
        abw = Abwesenheit(person, Abwesenheitsart.URLAUB, date(2015, 1, von), date(2015, 1, bis))
        betroffen = dienst.schichten_von(h.db, person, abw.von, abw.bis)
        dienst.trage_abwesenheit_ein(h.db, abw, {s.id or 0: vertretung for s in betroffen})
