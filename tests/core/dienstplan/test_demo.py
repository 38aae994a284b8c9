"""`assistenzbuero demo --db PFAD` (CONTRACTS §5): the seed's team as a complete, living example household."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from core.cli import main
from core.demo import Demo, vertrete_urlaubswoche
from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.domain.hinweis import Schwere
from core.persistence.datenbank import Datenbank
from core.stammdaten.assistenzkraefte import lade_assistenzkraft, pruefe_assistenzkraft
from core.stammdaten.vertraege import liste_vertraege, pruefe_vertrag
from tests.core.demo_vorlage import demo_haushalt

HEUTE = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Demo, Datenbank]]:
    pfad = tmp_path_factory.mktemp("demo") / "haushalt.sqlite"
    ergebnis = demo_haushalt(pfad, heute=HEUTE)
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
            wer = {frueh.split(")")[-1].strip(), spaet.split(")")[-1].strip()}
            assert len(wer) == 2, f"{tag}: beide Schichten bei einer Person (15 Stunden, § 3 ArbZG)"
            if tag.weekday() >= 5:
                assert wer == {"Ulrike", "Rudolf"}
            elif not d.urlaub_von <= tag <= d.urlaub_bis:
                assert wer == {"Sabine", "Jörg"}
    # weekly alternation: the early shift changes hands from one week to the next, on weekdays and at weekends
    frueh = {z.info.tag.day: z.zelltext("Frühdienst") for z in dezember.raster.zeilen}
    assert frueh[1] == frueh[15] == frueh[29] != frueh[22]
    assert frueh[5] == frueh[6] == frueh[19] != frueh[12] == frueh[13]  # Saturdays and Sundays of December 2026
    # Jörg's leave week (07.–11.12.2026; by the alternation from 26.10. (week 0) it is week 6: Jörg late, Sabine
    # early) is covered by Sabine in his late shift (CONTRACTS §5: they cover each other's leave). In week 5
    # (30.11.–04.12.) she was late already, so she stays late: no early shift at 7:00 nine hours after a late one.
    # Her own early shifts go to the students: the one who had the early shift on Sunday 06.12. (Rudolf, week 5 odd:
    # Rudolf early; his shift ended at 14:00) Monday to Wednesday, Ulrike (late on Sunday, till 22:00: 7:00 on Monday
    # would be 9 h later) Thursday and Friday; her Saturday 12.12. (week 6: Ulrike early) starts 17 h after Friday.
    urlaub = [z for z in dezember.raster.zeilen if d.urlaub_von <= z.info.tag <= d.urlaub_bis]
    assert (d.urlaub_von, d.urlaub_bis) == (date(2026, 12, 7), date(2026, 12, 11))
    assert [z.zelltext("Spätdienst") for z in urlaub] == ["(Jörg Url.) Sabine"] * 5
    assert [z.zelltext("Frühdienst") for z in urlaub] == ["Rudolf"] * 3 + ["Ulrike"] * 2
    vorwoche = [z for z in dezember.raster.zeilen if date(2026, 12, 1) <= z.info.tag <= date(2026, 12, 4)]
    assert [z.zelltext("Spätdienst") for z in vorwoche] == ["Sabine"] * 4
    # a plan a newcomer can trust: no warning at all (every break planned and Arbeit 0 in her profile, no 15-hour
    # days, 11 hours of rest); only information remains
    for plan in (november, dezember):
        assert [(h.code, h.text) for h in plan.hinweise if h.schwere is not Schwere.INFO] == []
        assert all(not zeile.abdeckung or zeile.abdeckung.vollstaendig for zeile in plan.raster.zeilen)
    assert set(dezember.stunden_je_leistungsart) == {"HZP", "AA", "EGH"}


def test_stunden_im_november_von_hand(demo: tuple[Demo, Datenbank]) -> None:
    """November 2026: 21 weekdays, 9 weekend days. Weekly alternation from Monday 26.10.2026 (week 0: Sabine early,
    Ulrike early at the weekend). Frühdienst 6,5 h (07–14 less 10:30–11:00), Spätdienst 7,5 h (14–22 less
    18:00–18:30)."""
    d, db = demo
    plan = dienst.monat_oeffnen(db, 2026, 11)
    stunden = {person: plan.stunden[person].arbeit_h for person in (d.sabine, d.joerg, d.ulrike, d.rudolf)}
    assert stunden == {
        d.sabine: Decimal("147.5"),  # early 09.–13. and 23.–27.: 10 × 6,5 = 65; late 02.–06., 16.–20., 30.: 11 × 7,5
        d.joerg: Decimal("146.5"),  # early 11 × 6,5 = 71,5; late 10 × 7,5 = 75
        d.ulrike: Decimal("62.5"),  # early 01., 14., 15., 28., 29.: 5 × 6,5 = 32,5; late 07., 08., 21., 22.: 4 × 7,5
        d.rudolf: Decimal("63.5"),  # late 5 × 7,5 = 37,5; early 4 × 6,5 = 26
    }


def test_stunden_im_dezember_mit_urlaubsvertretung_von_hand(demo: tuple[Demo, Datenbank]) -> None:
    """December 2026: Tue 01. to Thu 31.; weekdays 01.–04. (week 5), 07.–11. (6), 14.–18. (7), 21.–25. (8), 28.–31.
    (9) = 4 + 5 + 5 + 5 + 4 = 23; weekends 05./06. (5), 12./13. (6), 19./20. (7), 26./27. (8). Odd weeks: Sabine
    late, Jörg early, Rudolf early at the weekend; even weeks the other way round. Frühdienst 6,5 h, Spätdienst
    7,5 h. In week 6 Sabine takes Jörg's late shifts, Rudolf 07.–09. and Ulrike 10.–11. her early ones."""
    d, db = demo
    plan = dienst.monat_oeffnen(db, 2026, 12)
    stunden = {person: plan.stunden[person].arbeit_h for person in (d.sabine, d.joerg, d.ulrike, d.rudolf)}
    assert stunden == {
        d.sabine: Decimal("167.5"),  # late weeks 5, 6, 7, 9: (4 + 5 + 5 + 4) × 7,5 = 135; early week 8: 5 × 6,5 = 32,5
        d.joerg: Decimal("122.0"),  # early weeks 5, 7, 9: (4 + 5 + 4) × 6,5 = 84,5; late week 8: 5 × 7,5 = 37,5
        d.ulrike: Decimal("69.0"),  # weekends late 05./06., 19./20.: 4 × 7,5 = 30; early 12./13., 26./27. and
        # 10./11.: 6 × 6,5 = 39
        d.rudolf: Decimal("75.5"),  # weekends early 05./06., 19./20. and 07.–09.: 7 × 6,5 = 45,5; late 4 × 7,5 = 30
    }  # together 434 = 31 days × (6,5 + 7,5)


def test_joerg_vertritt_sabines_urlaub_ebenso(tmp_path: Path) -> None:
    """The same cover the other way round (CONTRACTS §5: they cover each other's leave): Sabine on leave 16.–20.11.2026
    (week 3: Sabine late, Jörg early). Jörg was late in week 2 and stays late in her shifts; his early shifts go to
    Ulrike (early on Sunday 15.11., week 2 even) Monday to Wednesday and Rudolf (late till 22:00 that Sunday)
    Thursday and Friday. Hours (November, see test_stunden_im_november_von_hand): Sabine 147,5 − 5 × 7,5 = 110;
    Jörg 146,5 − 5 × 6,5 + 5 × 7,5 = 151,5; Ulrike 62,5 + 3 × 6,5 = 82; Rudolf 63,5 + 2 × 6,5 = 76,5."""
    d = demo_haushalt(tmp_path / "demo.sqlite", heute=HEUTE)
    with Datenbank.oeffnen(d.pfad) as db:
        sabines = Abwesenheit(d.sabine, Abwesenheitsart.URLAUB, date(2026, 11, 16), date(2026, 11, 20))
        vertrete_urlaubswoche(db, sabines, d.joerg, (d.ulrike, d.rudolf))
        plan = dienst.monat_oeffnen(db, 2026, 11)
    woche = [z for z in plan.raster.zeilen if date(2026, 11, 16) <= z.info.tag <= date(2026, 11, 20)]
    assert [z.zelltext("Spätdienst") for z in woche] == ["(Sabine Url.) Jörg"] * 5
    assert [z.zelltext("Frühdienst") for z in woche] == ["Ulrike"] * 3 + ["Rudolf"] * 2
    assert [(h.code, h.text) for h in plan.hinweise if h.schwere is not Schwere.INFO] == []
    stunden = {person: plan.stunden[person].arbeit_h for person in (d.sabine, d.joerg, d.ulrike, d.rudolf)}
    assert stunden == {
        d.sabine: Decimal("110.0"),
        d.joerg: Decimal("151.5"),
        d.ulrike: Decimal("82.0"),
        d.rudolf: Decimal("76.5"),
    }


def test_zusammenfassung_nennt_vertretung_und_wochenendwechsel(demo: tuple[Demo, Datenbank]) -> None:
    text = " ".join(demo[0].zusammenfassung.split())
    assert "im Urlaub vertreten sie sich" in text
    assert "an jedem Wochenende beide" in text
    assert "eine Woche Ulrike früh und Rudolf spät, die nächste umgekehrt" in text
    assert "Sabine übernimmt seinen Spätdienst (den sie schon in der Woche davor hatte)" in text


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
    d = demo_haushalt(tmp_path / "demo.sqlite", heute=heute)
    naechster = date(heute.year + heute.month // 12, heute.month % 12 + 1, 1)
    with Datenbank.oeffnen(d.pfad) as db:
        for jahr, monat in ((heute.year, heute.month), (naechster.year, naechster.month)):
            plan = dienst.monat_oeffnen(db, jahr, monat)
            for zeile in plan.raster.zeilen:
                assert zeile.zelltext("Frühdienst") and zeile.zelltext("Spätdienst"), f"{zeile.info.tag} unbesetzt"
            assert [h.code for h in plan.hinweise if h.schwere is not Schwere.INFO] == [], f"{jahr}-{monat}"
    # Jörg's leave week (Monday to Friday) lies in the next month
    assert (d.urlaub_von.year, d.urlaub_von.month) == (naechster.year, naechster.month)
    assert d.urlaub_von.weekday() == 0 and d.urlaub_bis - d.urlaub_von == timedelta(days=4)
