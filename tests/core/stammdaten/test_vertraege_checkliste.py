"""Contracts versioned by valid-from date with the statutory leave beside the agreed one; the employer checklist."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.fehler import FeldFehler
from core.persistence.datenbank import Datenbank
from core.regeln.urlaub import gesetzlicher_mindesturlaub
from core.stammdaten import arbeitgeber, assistenzkraefte, checkliste, krankenkassen, vertraege
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten
from core.stammdaten.vertraege import VertragDaten


@pytest.mark.parametrize(
    ("tage", "urlaub"),
    [
        pytest.param("6", "24", id="§ 3 BUrlG 6-Tage-Woche 24"),
        pytest.param("5", "20", id="seed 004 2.6.4 5-Tage-Woche 20"),
        pytest.param("3", "12", id="24 x 3 / 6"),
        pytest.param("2.5", "10", id="24 x 2,5 / 6"),
        pytest.param("1", "4", id="24 x 1 / 6"),
    ],
)
def test_gesetzlicher_mindesturlaub(tage: str, urlaub: str) -> None:
    assert gesetzlicher_mindesturlaub(Decimal(tage), date(2026, 1, 1)) == Decimal(urlaub)


def _person(db: Datenbank) -> int:
    gespeichert = assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="Sabine", nachname="M"))
    assert gespeichert.id is not None
    return gespeichert.id


def _vertrag(person: int, **aenderungen: object) -> VertragDaten:
    daten = VertragDaten(
        assistenzkraft_id=person,
        gueltig_ab=date(2026, 1, 1),
        eintritt=date(2026, 1, 1),
        lohnsatz=Decimal("15.50"),
        probezeit_bis=date(2026, 6, 30),
        bereitschaft_prozent=Decimal(30),
        einarbeitung_prozent=Decimal(50),
        einarbeitung_bis=date(2026, 1, 14),
        arbeitstage_woche=Decimal(5),
        wochenstunden=Decimal("38.5"),
        urlaubstage=Decimal(30),
        zuschlaege={"nacht": Decimal(25), "sonntag": Decimal(50), "feiertag": Decimal(125)},
        taetigkeit="Pflege und Assistenz der körperbehinderten Arbeitgeberin",
    )
    for name, wert in aenderungen.items():
        setattr(daten, name, wert)
    return daten


def test_vertrag_mit_versionen(db: Datenbank) -> None:
    person = _person(db)
    erster = vertraege.speichere_vertrag(db, _vertrag(person))
    assert erster.gesetzlicher_mindesturlaub == Decimal(20)  # shown beside the agreed 30
    assert erster.zuschlaege == {"feiertag": Decimal(125), "nacht": Decimal(25), "sonntag": Decimal(50)}
    erhoehung = _vertrag(
        person, gueltig_ab=date(2026, 7, 1), lohnsatz=Decimal("16.20"), zuschlaege={"nacht": Decimal(30)}
    )
    vertraege.speichere_vertrag(db, erhoehung)
    assert [v.lohnsatz for v in vertraege.liste_vertraege(db, person)] == [Decimal("15.50"), Decimal("16.20")]
    juni = vertraege.vertrag_am(db, person, date(2026, 6, 30))
    juli = vertraege.vertrag_am(db, person, date(2026, 7, 1))
    assert juni is not None and juni.lohnsatz == Decimal("15.50")
    assert juli is not None and juli.lohnsatz == Decimal("16.20") and juli.zuschlaege == {"nacht": Decimal(30)}
    assert vertraege.vertrag_am(db, person, date(2025, 12, 31)) is None
    # a contract makes the applicant an employee
    assert assistenzkraefte.lade_assistenzkraft(db, person).status == "beschaeftigt"


def test_austritt_beendet_den_vertrag(db: Datenbank) -> None:
    person = _person(db)
    vertraege.speichere_vertrag(db, _vertrag(person, austritt=date(2026, 3, 31)))
    assert vertraege.vertrag_am(db, person, date(2026, 3, 31)) is not None
    assert vertraege.vertrag_am(db, person, date(2026, 4, 1)) is None


def test_zweite_fassung_am_selben_tag_wird_abgewiesen(db: Datenbank) -> None:
    person = _person(db)
    vertraege.speichere_vertrag(db, _vertrag(person))
    with pytest.raises(FeldFehler) as info:
        vertraege.speichere_vertrag(db, _vertrag(person, lohnsatz=Decimal(17)))
    assert "gueltig_ab" in info.value.fehler
    assert len(vertraege.liste_vertraege(db, person)) == 1


@pytest.mark.parametrize(
    ("aenderung", "feld"),
    [
        pytest.param({"urlaubstage": Decimal(19)}, "urlaubstage", id="unter Mindesturlaub § 13 BUrlG"),
        pytest.param({"probezeit_bis": date(2026, 7, 1)}, "probezeit_bis", id="Probezeit ueber 6 Monate"),
        pytest.param({"lohnsatz": Decimal("15.505")}, "lohnsatz", id="Bruchteil eines Cents"),
        pytest.param({"lohnsatz": Decimal(0)}, "lohnsatz", id="Lohn 0"),
        pytest.param({"gueltig_ab": date(2025, 12, 1)}, "gueltig_ab", id="Fassung vor Eintritt"),
        pytest.param({"lohnform": "woche"}, "lohnform", id="Lohnform"),
        pytest.param({"bereitschaft_prozent": Decimal(120)}, "bereitschaft_prozent", id="Bereitschaft > 100"),
        pytest.param({"arbeitstage_woche": Decimal(8)}, "arbeitstage_woche", id="8 Tage"),
        pytest.param({"befristet_bis": date(2025, 1, 1)}, "befristet_bis", id="Befristung vor Eintritt"),
    ],
)
def test_vertrag_pruefung(aenderung: dict[str, object], feld: str) -> None:
    fehler = vertraege.pruefe_vertrag(_vertrag(1, **aenderung))
    assert feld in fehler, fehler


def test_probezeit_genau_sechs_monate_minus_ein_tag_ist_erlaubt() -> None:
    assert vertraege.pruefe_vertrag(_vertrag(1, probezeit_bis=date(2026, 6, 30))) == {}


@pytest.mark.parametrize(
    ("eintritt", "letzter_tag"),
    [
        pytest.param(date(2025, 8, 31), date(2026, 2, 28), id="§ 188 Abs. 3 BGB 31.08. bis 28.02."),
        pytest.param(date(2023, 8, 30), date(2024, 2, 29), id="§ 188 Abs. 3 BGB 30.08. bis 29.02. (Schaltjahr)"),
        pytest.param(date(2026, 1, 15), date(2026, 7, 14), id="§ 188 Abs. 2 BGB 15.01. bis 14.07."),
    ],
)
def test_probezeit_endet_spaetestens_mit_der_sechsmonatsfrist(eintritt: date, letzter_tag: date) -> None:
    def vertrag(probezeit_bis: date) -> VertragDaten:
        return _vertrag(
            1,
            gueltig_ab=eintritt,
            eintritt=eintritt,
            probezeit_bis=probezeit_bis,
            einarbeitung_bis=None,
            einarbeitung_prozent=None,
        )

    assert "probezeit_bis" not in vertraege.pruefe_vertrag(vertrag(letzter_tag))
    assert "probezeit_bis" in vertraege.pruefe_vertrag(vertrag(letzter_tag + timedelta(days=1)))


def _punkte(db: Datenbank) -> dict[str, checkliste.ChecklistenPunkt]:
    return {p.schluessel: p for p in checkliste.checkliste(db, date(2026, 3, 1))}


def test_checkliste_leer(db: Datenbank) -> None:
    punkte = _punkte(db)
    assert len(punkte) == 13  # seed 004, 2.7.1 has 13 points
    assert not punkte["betriebsnummer"].erledigt and punkte["betriebsnummer"].automatisch
    assert not punkte["umlagestufen"].erledigt
    assert not punkte["kostenuebernahme"].automatisch


def test_checkliste_aus_den_daten(db: Datenbank) -> None:
    ag = arbeitgeber.ArbeitgeberDaten(
        nachname="A", bundesland="BW", betriebsnummer="67334480", steuernummer="93815/08152"
    )
    ag.unfallversicherungstraeger_id = arbeitgeber.vorgeschlagene_unfallkasse(db, "BW")
    ag.uv_mitgliedsnummer = "123456789"  # registered: the Unfallkasse gave her a membership number
    arbeitgeber.speichere_arbeitgeber(db, ag)
    bkk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BKK Mitte")
    assert bkk.id is not None
    person = assistenzkraefte.speichere_assistenzkraft(
        db, AssistenzkraftDaten(vorname="S", nachname="M", krankenkasse_id=bkk.id)
    )
    assert person.id is not None
    vertraege.speichere_vertrag(db, _vertrag(person.id))
    punkte = _punkte(db)
    for schluessel in ("betriebsnummer", "steuernummer", "unfallversicherung", "arbeitsvertrag", "stammdaten"):
        assert punkte[schluessel].erledigt, punkte[schluessel]
    assert not punkte["umlagestufen"].erledigt and "BKK Mitte" in punkte["umlagestufen"].erlaeuterung
    jahr = bkk.jahr(2026)
    assert jahr is not None
    krankenkassen.waehle_u1_stufe(db, bkk.id, 2026, jahr.u1_stufen[0].id)
    assert _punkte(db)["umlagestufen"].erledigt


def test_checkliste_von_hand_abhaken(db: Datenbank) -> None:
    checkliste.hake_ab(db, "kostenuebernahme", am=date(2026, 2, 1), notiz="Bescheid Sozialamt")
    punkt = _punkte(db)["kostenuebernahme"]
    assert punkt.erledigt and punkt.erledigt_am == date(2026, 2, 1) and punkt.notiz == "Bescheid Sozialamt"
    assert punkt.erlaeuterung == "Von Ihnen abgehakt am 01.02.2026."
    checkliste.hake_ab(db, "kostenuebernahme", erledigt=False)
    punkt = _punkte(db)["kostenuebernahme"]
    assert not punkt.erledigt and punkt.erlaeuterung == "Bitte abhaken, wenn erledigt."


def test_abgeleiteter_punkt_von_hand_abgehakt_nennt_beides(db: Datenbank) -> None:
    checkliste.hake_ab(db, "betriebsnummer", am=date(2026, 2, 1))
    punkt = _punkte(db)["betriebsnummer"]
    assert punkt.erledigt and punkt.automatisch
    assert punkt.erlaeuterung == (
        "Noch keine Betriebsnummer eingetragen (Arbeitgeberdaten). Von Ihnen abgehakt am 01.02.2026."
    )


def test_meldung_zum_mindesturlaub_mit_deutschem_komma() -> None:
    fehler = vertraege.pruefe_vertrag(_vertrag(1, arbeitstage_woche=Decimal("2.5"), urlaubstage=Decimal("9.5")))
    assert "Vereinbart sind 9,5 Tage" in fehler["urlaubstage"]
    assert "bei 2,5 Arbeitstagen je Woche mindestens 10 Tage" in fehler["urlaubstage"], fehler


def test_mindesturlaub_auch_fuer_eine_fassung_von_2024() -> None:
    """§ 3 BUrlG (24 Werktage) gilt seit 01.01.1995; a contract version of 2024 is shown its minimum (issue 13,
    finding 4: the dialog said the program had no figures for 2024 and left the value empty)."""
    assert gesetzlicher_mindesturlaub(Decimal(5), date(2024, 2, 1)) == Decimal(20)
