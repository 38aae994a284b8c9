"""`assistenzbuero demo --db PFAD` (CONTRACTS §5): the seed's team as a complete, living example household."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.cli import main
from core.demo import Demo, lege_demo_an
from core.dienstplan import dienst
from core.persistence.datenbank import Datenbank
from core.stammdaten.assistenzkraefte import lade_assistenzkraft, pruefe_assistenzkraft
from core.stammdaten.vertraege import liste_vertraege, pruefe_vertrag

HEUTE = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Demo, Datenbank]]:
    pfad = tmp_path_factory.mktemp("demo") / "haushalt.sqlite"
    ergebnis = lege_demo_an(pfad, heute=HEUTE)
    db = Datenbank.oeffnen(pfad)
    yield ergebnis, db
    db.schliessen()


def test_personalbogen_und_vertraege_vollstaendig_und_gueltig(demo: tuple[Demo, Datenbank]) -> None:
    d, db = demo
    for person in (d.sabine, d.joerg, d.ulrike, d.rudolf):
        daten = lade_assistenzkraft(db, person)
        assert pruefe_assistenzkraft(daten, heute=HEUTE) == {}
        for feld in ("versicherungsnummer", "steuer_id", "iban", "geburtsdatum", "krankenkasse_id", "taetigkeit_kldb"):
            assert getattr(daten, feld), f"{daten.vorname}: {feld} fehlt"
        (vertrag,) = liste_vertraege(db, person)
        assert pruefe_vertrag(vertrag) == {}
    assert lade_assistenzkraft(db, d.ulrike).student and lade_assistenzkraft(db, d.rudolf).student
    assert liste_vertraege(db, d.sabine)[0].beschaeftigung == "sv_pflichtig"


def test_dienstplan_dieses_und_naechsten_monats(demo: tuple[Demo, Datenbank]) -> None:
    d, db = demo
    november = dienst.monat_oeffnen(db, 2026, 11)
    dezember = dienst.monat_oeffnen(db, 2026, 12)
    for plan in (november, dezember):
        tage = {z.info.tag: z for z in plan.raster.zeilen}
        for tag, zeile in tage.items():
            frueh, spaet = zeile.zelltext("Frühdienst"), zeile.zelltext("Spätdienst")
            assert frueh and spaet, f"{tag}: Schicht unbesetzt"
            if tag.weekday() >= 5:
                assert frueh == spaet and frueh in ("Ulrike", "Rudolf")
            else:
                assert {frueh.split(")")[-1].strip(), spaet.split(")")[-1].strip()} <= {"Sabine", "Jörg"}
    # weekly alternation: the early shift changes hands from one week to the next
    frueh = {z.info.tag.day: z.zelltext("Frühdienst") for z in dezember.raster.zeilen}
    assert frueh[1] == frueh[15] == frueh[29] != frueh[22]
    # Jörg's leave week is covered by Sabine
    urlaub = [z for z in dezember.raster.zeilen if d.urlaub_von <= z.info.tag <= d.urlaub_bis]
    assert len(urlaub) == 5
    texte = [z.zelltext("Frühdienst") + " | " + z.zelltext("Spätdienst") for z in urlaub]
    assert all("(Jörg Url.) Sabine" in t for t in texte), texte
    codes = {h.code for h in dezember.hinweise}
    assert "VERTRETUNG_FEHLT" not in codes and "BEDARF_UNGEDECKT" not in codes
    # covering a whole week alone gives 15-hour days: the checks say so (ArbZG § 3)
    assert "HOECHSTARBEITSZEIT_TAG" in codes
    assert set(dezember.stunden_je_leistungsart) == {"HZP", "AA", "EGH"}


def test_demo_verweigert_vorhandene_datei(demo: tuple[Demo, Datenbank], capsys: pytest.CaptureFixture[str]) -> None:
    d, _db = demo
    groesse = d.pfad.stat().st_size
    assert main(["demo", "--db", str(d.pfad)]) == 2
    fehler = capsys.readouterr().err
    assert "gibt es schon" in fehler and len(fehler.strip().splitlines()) == 1
    assert d.pfad.stat().st_size == groesse


def test_demo_ueber_die_kommandozeile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ziel = tmp_path / "neu.sqlite"
    assert main(["demo", "--db", str(ziel)]) == 0
    assert "Beispielhaushalt angelegt" in capsys.readouterr().out
    with Datenbank.oeffnen(ziel) as db:
        heute = date.today()
        assert dienst.monat_oeffnen(db, heute.year, heute.month, pruefen=False).schichten


@pytest.mark.parametrize(
    "heute",
    [
        pytest.param(date(2025, 12, 31), id="Silvester: Dezember und Januar des nächsten Jahres"),
        pytest.param(date(2026, 1, 31), id="31. Januar: danach der kurze Februar"),
        pytest.param(date(2026, 2, 28), id="letzter Tag im Februar"),
    ],
)
def test_demo_an_monats_und_jahresgrenzen(heute: date, tmp_path: Path) -> None:
    """The demo plans the current and the next month from the day it runs: also when that is a month's last day."""
    d = lege_demo_an(tmp_path / "demo.sqlite", heute=heute)
    naechster = date(heute.year + heute.month // 12, heute.month % 12 + 1, 1)
    with Datenbank.oeffnen(d.pfad) as db:
        for jahr, monat in ((heute.year, heute.month), (naechster.year, naechster.month)):
            plan = dienst.monat_oeffnen(db, jahr, monat)
            for zeile in plan.raster.zeilen:
                assert zeile.zelltext("Frühdienst") and zeile.zelltext("Spätdienst"), f"{zeile.info.tag} unbesetzt"
            assert {h.code for h in plan.hinweise}.isdisjoint({"VERTRETUNG_FEHLT", "BEDARF_UNGEDECKT"})
    # Jörg's leave week (Monday to Friday) lies in the next month
    assert (d.urlaub_von.year, d.urlaub_von.month) == (naechster.year, naechster.month)
    assert d.urlaub_von.weekday() == 0 and d.urlaub_bis - d.urlaub_von == timedelta(days=4)
