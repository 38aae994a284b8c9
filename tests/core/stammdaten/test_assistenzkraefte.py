"""Assistants: every Personalbogen field round-trips; bad identifiers are reported per field, nothing half-saved."""

from __future__ import annotations

from dataclasses import MISSING, fields, replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import inspect as sa_inspect

from core.domain.hinweis import Schwere
from core.fehler import EingabeFehler, FeldFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft, Kind, WeitereBeschaeftigung
from core.stammdaten import assistenzkraefte, krankenkassen
from core.stammdaten.assistenzkraefte import (
    FELDNAMEN,
    AssistenzkraftDaten,
    KindDaten,
    WeitereBeschaeftigungDaten,
)


def voll_ausgefuellt(kasse_id: int | None) -> AssistenzkraftDaten:
    """Every field set to a non-default value (the test below checks that none was forgotten)."""
    return AssistenzkraftDaten(
        vorname="Sabine",
        nachname="Muster",
        status="beschaeftigt",
        personalnummer="17",
        geburtsname="Clausen",
        geschlecht="w",
        strasse="Tulpenweg 7",
        plz="77778",
        ort="Cstadt",
        telefon="0711 123456",
        telefax="0711 123457",
        email="sabine@example.org",
        geburtsdatum=date(1949, 6, 7),
        geburtsort="Stuttgart",
        staatsangehoerigkeit="TR",
        # Wikipedia example 15 070649 C 103 is male (serial 10); a female serial, by hand: C=03, serial 55:
        # 1 5 0 7 0 6 4 9 0 3 5 5 × 2 1 2 5 7 1 2 1 2 1 2 1 → 2+5+0+8+0+6+8+9+0+3+1+5 = 47 → 7.
        versicherungsnummer="15 070649 C 557",
        krankenkasse_id=kasse_id,
        privat_versichert=True,
        private_versicherung="Beispiel PKV",
        erlernter_beruf="Heilerziehungspflegerin",
        taetigkeit_kldb="83132",
        schulabschluss="3",
        ausbildungsabschluss="2",
        arbeitnehmerueberlassung=True,
        vertragsform="2",
        finanzamt="Stuttgart II",
        steuer_id="86095742719",
        steuerklasse=4,
        kinderfreibetraege=Decimal("1.5"),
        konfession="rk",
        freibetrag_jahr=Decimal("1200.00"),
        freibetrag_monat=Decimal("100.00"),
        hat_kinder=True,
        elterneigenschaft_nachweis_am=date(2020, 5, 4),
        elterneigenschaft_nachweis_art="Geburtsurkunde (Kopie)",
        bildung="Realschule, Ausbildung HEP",
        kontoinhaber="Sabine Muster",
        bank="Commerzbank",
        iban="DE89 3704 0044 0532 0130 00",
        bic="COBADEFFXXX",
        arbeitserlaubnis_art="befristet",
        arbeitserlaubnis_bis=date(2030, 12, 31),
        arbeitserlaubnis_beschraenkung="nur Pflege/Assistenz",
        student=True,
        immatrikuliert_bis=date(2030, 3, 31),
        hochschule="Universität Stuttgart",
        rv_befreiung_antrag_am=date(2025, 2, 1),
        personalausweis_geprueft_am=date(2025, 1, 15),
        notiz="kommt mit dem Rad",
        kinder=[
            KindDaten("Mia", date(2018, 3, 1), "adoptiv", date(2020, 5, 4), "Beschluss Familiengericht"),
            KindDaten("Tom", date(2021, 7, 9), "leiblich", None, ""),
        ],
        weitere_beschaeftigungen=[
            WeitereBeschaeftigungDaten(
                "Café Sonne", "minijob", date(2025, 1, 1), date(2026, 6, 30), Decimal("300.00"), 40, True, "Sa"
            )
        ],
    )


def _ohne_ids(daten: AssistenzkraftDaten) -> AssistenzkraftDaten:
    return replace(
        daten,
        id=None,
        kinder=[replace(k, id=None) for k in daten.kinder],
        weitere_beschaeftigungen=[replace(w, id=None) for w in daten.weitere_beschaeftigungen],
    )


def _kasse(db: Datenbank) -> int:
    kasse = krankenkassen.liste_krankenkassen(db)[1]
    assert kasse.id is not None
    return kasse.id


def test_beispiel_setzt_wirklich_jedes_feld() -> None:
    beispiel = voll_ausgefuellt(1)
    for feld in fields(AssistenzkraftDaten):
        if feld.name == "id":
            continue
        standard = feld.default if feld.default is not MISSING else feld.default_factory()  # type: ignore[misc]
        assert getattr(beispiel, feld.name) != standard, f"{feld.name} ist im Beispiel nicht gesetzt"


def test_jede_spalte_des_modells_ist_im_personalbogen() -> None:
    spalten = {s.key for s in sa_inspect(Assistenzkraft).column_attrs} - {"id", "erstellt_am", "geaendert_am"}
    feldnamen = {f.name for f in fields(AssistenzkraftDaten)}
    assert spalten <= feldnamen
    assert spalten <= set(FELDNAMEN)  # every field has a German label (GUI, export, PDF)
    for modell, klasse in ((Kind, KindDaten), (WeitereBeschaeftigung, WeitereBeschaeftigungDaten)):
        spalten = {s.key for s in sa_inspect(modell).column_attrs} - {"id", "assistenzkraft_id"}
        assert spalten <= {f.name for f in fields(klasse)}


def test_jedes_feld_wird_gespeichert_und_gelesen(db: Datenbank) -> None:
    eingabe = voll_ausgefuellt(_kasse(db))
    gespeichert = assistenzkraefte.speichere_assistenzkraft(db, eingabe)
    assert gespeichert.id is not None
    geladen = assistenzkraefte.lade_assistenzkraft(db, gespeichert.id)
    erwartet = replace(
        eingabe,
        versicherungsnummer="15070649C557",
        iban="DE89370400440532013000",
    )
    assert _ohne_ids(geladen) == erwartet
    assert geladen.taetigkeitsschluessel == "831323212"


def test_bearbeiten_ersetzt_kinder_und_jobs(db: Datenbank) -> None:
    gespeichert = assistenzkraefte.speichere_assistenzkraft(db, voll_ausgefuellt(_kasse(db)))
    gespeichert.kinder = gespeichert.kinder[:1]
    gespeichert.kinder[0].vorname = "Mia Sophie"
    gespeichert.weitere_beschaeftigungen = []
    neu = assistenzkraefte.speichere_assistenzkraft(db, gespeichert)
    assert [k.vorname for k in neu.kinder] == ["Mia Sophie"]
    assert neu.kinder[0].id == gespeichert.kinder[0].id
    assert neu.weitere_beschaeftigungen == []


@pytest.mark.parametrize(
    ("feld", "wert", "enthaelt"),
    [
        pytest.param("versicherungsnummer", "15 070649 C 558", "Prüfziffer", id="VSNR Pruefziffer"),
        pytest.param("versicherungsnummer", "15 070649 C 103", "männlich", id="VSNR Serie maennlich bei w"),
        pytest.param("steuer_id", "86095742718", "Prüfziffer", id="Steuer-ID"),
        pytest.param("iban", "DE89 3704 0044 0532 0130 01", "Prüfziffern", id="IBAN"),
        pytest.param("bic", "COBADEFF1", "8 oder 11", id="BIC"),
        pytest.param("staatsangehoerigkeit", "QQ", "Staatsangehörigkeit", id="Staat"),
        pytest.param("steuerklasse", 7, "1 bis 6", id="Steuerklasse"),
        pytest.param("kinderfreibetraege", Decimal("0.3"), "halben", id="Kinderfreibetraege"),
        pytest.param("taetigkeit_kldb", "8313", "5 Ziffern", id="KldB"),
        pytest.param("schulabschluss", "5", "1, 2, 3, 4 oder 9", id="Schulabschluss seed 004 2.3.1"),
        pytest.param("vertragsform", "5", "1 bis 4", id="Vertragsform seed 004 2.3.1"),
        pytest.param("plz", "7777", "5 Ziffern", id="PLZ"),
    ],
)
def test_falsche_eingabe_meldet_das_feld_und_speichert_nichts(
    db: Datenbank, feld: str, wert: object, enthaelt: str
) -> None:
    daten = replace(voll_ausgefuellt(_kasse(db)), **{feld: wert})
    with pytest.raises(FeldFehler) as info:
        assistenzkraefte.speichere_assistenzkraft(db, daten)
    assert list(info.value.fehler) == [feld]
    assert enthaelt in info.value.fehler[feld]
    assert assistenzkraefte.liste_assistenzkraefte(db) == []


def test_fehler_in_kindern_mit_pfad(db: Datenbank) -> None:
    daten = voll_ausgefuellt(_kasse(db))
    daten.kinder[1].geburtsdatum = date(2999, 1, 1)
    fehler = assistenzkraefte.pruefe_assistenzkraft(daten)
    assert set(fehler) == {"kinder[1].geburtsdatum"}


def test_befristete_arbeitserlaubnis_braucht_enddatum() -> None:
    daten = replace(voll_ausgefuellt(1), arbeitserlaubnis_bis=None)
    assert "arbeitserlaubnis_bis" in assistenzkraefte.pruefe_assistenzkraft(daten)


def test_fehler_mitten_im_speichern_hinterlaesst_nichts(db: Datenbank, monkeypatch: pytest.MonkeyPatch) -> None:
    echt = assistenzkraefte.nach_unterliste
    aufrufe: list[object] = []

    def kaputt_beim_zweiten(vorhandene: object, daten: object, neu: object) -> object:
        aufrufe.append(neu)
        if len(aufrufe) == 2:  # the other jobs, after person and children were added
            raise RuntimeError("Festplatte voll (simuliert)")
        return echt(vorhandene, daten, neu)  # type: ignore[arg-type]

    monkeypatch.setattr(assistenzkraefte, "nach_unterliste", kaputt_beim_zweiten)
    with pytest.raises(RuntimeError):
        assistenzkraefte.speichere_assistenzkraft(db, voll_ausgefuellt(_kasse(db)))
    monkeypatch.undo()
    assert len(aufrufe) == 2
    assert assistenzkraefte.liste_assistenzkraefte(db) == []


def test_minimal_bewerberin_und_liste(db: Datenbank) -> None:
    assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="Ulrike", nachname="Zeller"))
    assistenzkraefte.speichere_assistenzkraft(db, voll_ausgefuellt(_kasse(db)))
    zeilen = assistenzkraefte.liste_assistenzkraefte(db)
    assert [z.name for z in zeilen] == ["Sabine Muster", "Ulrike Zeller"]
    assert zeilen[1].status_text == "Bewerberin"
    assert [z.name for z in assistenzkraefte.liste_assistenzkraefte(db, status="bewerberin")] == ["Ulrike Zeller"]


def test_finde_nach_name(db: Datenbank) -> None:
    assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="Jörg", nachname="Beispiel"))
    assert assistenzkraefte.finde_assistenzkraft(db, "jörg beispiel").nachname == "Beispiel"
    assert assistenzkraefte.finde_assistenzkraft(db, "Beispiel, Jörg").vorname == "Jörg"
    with pytest.raises(EingabeFehler, match="Keine Assistenzkraft"):
        assistenzkraefte.finde_assistenzkraft(db, "Niemand")


@pytest.mark.parametrize(
    ("staat", "art", "bis", "code", "schwere"),
    [
        pytest.param("TR", "", None, "ARBEITSERLAUBNIS_FEHLT", Schwere.FEHLER, id="Nicht-EU ohne Erlaubnis"),
        pytest.param("TR", "befristet", date(2026, 1, 31), "ARBEITSERLAUBNIS_ABGELAUFEN", Schwere.FEHLER, id="alt"),
        pytest.param("TR", "befristet", date(2026, 3, 15), "ARBEITSERLAUBNIS_LAEUFT_AB", Schwere.WARNUNG, id="bald"),
        pytest.param("AT", "", None, None, None, id="EU braucht keine"),
        pytest.param("CH", "", None, None, None, id="Schweiz braucht keine"),
    ],
)  # fmt: skip
def test_hinweise_arbeitserlaubnis(
    staat: str, art: str, bis: date | None, code: str | None, schwere: Schwere | None
) -> None:
    daten = AssistenzkraftDaten(
        vorname="A", nachname="B", status="beschaeftigt", staatsangehoerigkeit=staat,
        arbeitserlaubnis_art=art, arbeitserlaubnis_bis=bis,
    )  # fmt: skip
    hinweise = [h for h in assistenzkraefte.hinweise_assistenzkraft(daten, date(2026, 2, 1)) if "ARBEIT" in h.code]
    if code is None:
        assert hinweise == []
    else:
        assert [(h.code, h.schwere) for h in hinweise] == [(code, schwere)]


def test_hinweis_elterneigenschaft_ohne_nachweis() -> None:
    daten = AssistenzkraftDaten(vorname="A", nachname="B", kinder=[KindDaten("C", date(2020, 1, 1))])
    codes = [h.code for h in assistenzkraefte.hinweise_assistenzkraft(daten, date(2026, 1, 1))]
    assert "ELTERNEIGENSCHAFT_OHNE_NACHWEIS" in codes
    daten.kinder[0].nachweis_am = date(2025, 12, 1)
    codes = [h.code for h in assistenzkraefte.hinweise_assistenzkraft(daten, date(2026, 1, 1))]
    assert "ELTERNEIGENSCHAFT_OHNE_NACHWEIS" not in codes
