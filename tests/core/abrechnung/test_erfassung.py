"""Data entry for the payroll: Personalnummer, one-off payments, Sachbezüge, advances, Abrechnungsbeginn, Vortrag."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.abrechnung import erfassung as e
from core.abrechnung.modelle import Abrechnungsmonat
from core.abrechnung.protokoll import protokoll
from core.fehler import EingabeFehler, FeldFehler
from core.persistence import migration
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, lade_assistenzkraft, speichere_assistenzkraft


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()


def _kraft(db: Datenbank, vorname: str = "Sabine", nummer: str = "") -> int:
    daten = speichere_assistenzkraft(db, AssistenzkraftDaten(vorname=vorname, nachname="Muster", personalnummer=nummer))
    assert daten.id is not None
    return daten.id


def test_personalnummer_wird_fortlaufend_vergeben(db: Datenbank) -> None:
    a = _kraft(db, "Sabine")
    b = _kraft(db, "Jörg", nummer="17")
    c = _kraft(db, "Ulrike")
    assert [lade_assistenzkraft(db, i).personalnummer for i in (a, b, c)] == ["1", "17", "18"]


def test_personalnummer_doppelt_wird_abgelehnt(db: Datenbank) -> None:
    _kraft(db, "Sabine", nummer="7")
    with pytest.raises(FeldFehler) as fehler:
        _kraft(db, "Jörg", nummer="7")
    assert "Die Personalnummer 7 hat schon Sabine Muster" in fehler.value.fehler["personalnummer"]


def test_personalnummer_bleibt_beim_speichern_ohne_eingabe(db: Datenbank) -> None:
    a = _kraft(db, "Sabine", nummer="sabine")
    daten = lade_assistenzkraft(db, a)
    daten.personalnummer = ""
    assert speichere_assistenzkraft(db, daten).personalnummer == "sabine"


def test_migration_gibt_vorhandenen_kraeften_ihre_nummer(tmp_path: Path) -> None:
    """A file from before the Personalnummer: each assistant gets her database number, the column is unique."""
    engine = create_engine(f"sqlite:///{tmp_path / 'alt.sqlite'}")
    from alembic import command

    with engine.begin() as verbindung:
        command.upgrade(migration.alembic_konfiguration(verbindung), "20c7d35cbcf9")
        for i, name in ((3, "Anna"), (5, "Berta")):
            verbindung.execute(
                text(
                    "INSERT INTO assistenzkraft (id, status, vorname, nachname, geburtsname, geschlecht, strasse, plz, "
                    "ort, telefon, telefax, email, geburtsort, staatsangehoerigkeit, versicherungsnummer, "
                    "privat_versichert, private_versicherung, erlernter_beruf, taetigkeit_kldb, schulabschluss, "
                    "ausbildungsabschluss, arbeitnehmerueberlassung, vertragsform, finanzamt, steuer_id, "
                    "kinderfreibetraege, konfession, hat_kinder, elterneigenschaft_nachweis_art, bildung, "
                    "kontoinhaber, bank, iban, bic, arbeitserlaubnis_art, arbeitserlaubnis_beschraenkung, student, "
                    "hochschule, notiz, erstellt_am, geaendert_am) VALUES (:id, 'beschaeftigt', :n, 'X', '', '', '', "
                    "'', '', '', '', '', '', 'DE', '', 0, '', '', '', '', '', 0, '', '', '', '0', '', 0, '', '', '', "
                    "'', '', '', '', '', 0, '', '', '2026-01-01', '2026-01-01')"
                ),
                {"id": i, "n": name},
            )
        migration.migriere(verbindung)
        nummern = verbindung.execute(text("SELECT id, personalnummer FROM assistenzkraft ORDER BY id")).all()
    engine.dispose()
    assert [tuple(z) for z in nummern] == [(3, "3"), (5, "5")]


def test_einmalzahlung_speichern_lesen_loeschen(db: Datenbank) -> None:
    a = _kraft(db)
    gespeichert = e.speichere_einmalzahlung(
        db, e.EinmalzahlungDaten(a, 2026, 11, "weihnachtsgeld", Decimal("500.00"), " Dezember ")
    )
    assert gespeichert.id is not None and gespeichert.text == "Dezember"
    assert e.liste_einmalzahlungen(db, 2026, 11) == [gespeichert]
    assert e.liste_einmalzahlungen(db, 2026, 12) == []
    e.loesche_einmalzahlung(db, gespeichert.id)
    assert e.liste_einmalzahlungen(db, 2026) == []
    aktionen = [(x.aktion, x.text) for x in protokoll(db, assistenzkraft_id=a)]
    assert aktionen[0] == ("einmalzahlung", "Weihnachtsgeld 500,00\u00a0€ (neu)")
    assert aktionen[-1] == ("einmalzahlung", "Die Einmalzahlung gelöscht")
    assert all(x.benutzer for x in protokoll(db))


@pytest.mark.parametrize(
    ("daten", "feld", "teil"),
    [
        (e.EinmalzahlungDaten(0, 2026, 13, "praemie", Decimal("1")), "monat", "kein Monat"),
        (e.EinmalzahlungDaten(0, 2026, 3, "bonus", Decimal("1")), "art", "aus der Liste"),
        (e.EinmalzahlungDaten(0, 2026, 3, "praemie", Decimal("0")), "betrag", "größer als 0"),
        (e.EinmalzahlungDaten(0, 2026, 3, "praemie", Decimal("1.005")), "betrag", "Cent"),
    ],
)
def test_einmalzahlung_falsche_eingaben(db: Datenbank, daten: e.EinmalzahlungDaten, feld: str, teil: str) -> None:
    daten.assistenzkraft_id = _kraft(db)
    with pytest.raises(FeldFehler) as fehler:
        e.speichere_einmalzahlung(db, daten)
    assert teil in fehler.value.fehler[feld]
    assert e.liste_einmalzahlungen(db, 2026) == []


def test_sachbezug_amtlich_ohne_wert_sonstiger_mit(db: Datenbank) -> None:
    a = _kraft(db)
    e.speichere_sachbezug(db, e.SachbezugDaten(a, 2026, 3, "unterkunft", im_haushalt=True))
    with pytest.raises(FeldFehler) as fehler:
        e.speichere_sachbezug(db, e.SachbezugDaten(a, 2026, 3, "verpflegung", wert=Decimal("300.00")))
    assert "amtlichen Sachbezugswerten" in fehler.value.fehler["wert"]
    with pytest.raises(FeldFehler) as fehler:
        e.speichere_sachbezug(db, e.SachbezugDaten(a, 2026, 3, "verpflegung", im_haushalt=True, tage=40))
    assert set(fehler.value.fehler) == {"im_haushalt", "tage"}
    with pytest.raises(FeldFehler) as fehler:
        e.speichere_sachbezug(db, e.SachbezugDaten(a, 2026, 3, "sonstig"))
    assert "Wert" in fehler.value.fehler["wert"]
    e.speichere_sachbezug(db, e.SachbezugDaten(a, 2026, 3, "sonstig", wert=Decimal("40.00"), text="Jobticket"))
    assert [(s.art, s.tage, s.im_haushalt, s.wert) for s in e.liste_sachbezuege(db, 2026, 3)] == [
        ("unterkunft", None, True, None),
        ("sonstig", None, False, Decimal("40.00")),
    ]


def test_vorschuss_nicht_vor_der_auszahlung_verrechnen(db: Datenbank) -> None:
    a = _kraft(db)
    with pytest.raises(FeldFehler) as fehler:
        e.speichere_vorschuss(db, e.VorschussDaten(a, date(2026, 4, 10), 2026, 3, Decimal("200.00")))
    assert "nicht mit März 2026 verrechnet" in fehler.value.fehler["monat"]
    v = e.speichere_vorschuss(db, e.VorschussDaten(a, date(2026, 4, 10), 2026, 4, Decimal("200.00")))
    assert e.liste_vorschuesse(db, 2026, 4, a) == [v]


def test_eintrag_in_abgeschlossenem_monat_wird_abgelehnt(db: Datenbank) -> None:
    a = _kraft(db)
    with db.arbeitseinheit() as sitzung:
        sitzung.add(Abrechnungsmonat(jahr=2026, monat=3, status="abgeschlossen"))
    with pytest.raises(EingabeFehler, match="März 2026 ist abgeschlossen"):
        e.speichere_einmalzahlung(db, e.EinmalzahlungDaten(a, 2026, 3, "praemie", Decimal("50.00")))
    assert e.liste_einmalzahlungen(db, 2026) == []


def test_eintrag_vor_dem_abrechnungsbeginn_wird_abgelehnt(db: Datenbank) -> None:
    a = _kraft(db)
    e.setze_abrechnungsbeginn(db, 2026, 7)
    assert e.abrechnungsbeginn(db) == date(2026, 7, 1)
    with pytest.raises(EingabeFehler, match="vor dem Abrechnungsbeginn"):
        e.speichere_einmalzahlung(db, e.EinmalzahlungDaten(a, 2026, 6, "praemie", Decimal("50.00")))


def test_vortrag_nur_im_jahr_des_abrechnungsbeginns(db: Datenbank) -> None:
    a = _kraft(db)
    daten = e.VortragDaten(a, 2026, sv_tage=180, brutto=Decimal("12000.00"), steuerbrutto=Decimal("12000.00"))
    with pytest.raises(FeldFehler, match="zuerst den Abrechnungsbeginn"):
        e.speichere_vortrag(db, daten)
    e.setze_abrechnungsbeginn(db, 2026, 7)
    daten.lohnsteuer = Decimal("1234.56")
    daten.urlaub_genommen_tage = Decimal("7.5")
    gespeichert = e.speichere_vortrag(db, daten)
    assert e.lade_vortrag(db, a, 2026) == gespeichert
    assert gespeichert.lohnsteuer == Decimal("1234.56") and gespeichert.urlaub_genommen_tage == Decimal("7.5")
    daten.sv_tage = 210
    with pytest.raises(FeldFehler, match="höchstens 180 SV-Tage"):
        e.speichere_vortrag(db, daten)
    daten.sv_tage, daten.jahr = 180, 2025
    with pytest.raises(FeldFehler, match="Jahr des Abrechnungsbeginns"):
        e.speichere_vortrag(db, daten)


def test_vertrag_mit_zeitkonto_grenzen_und_geplanten_tagen(db: Datenbank) -> None:
    from core.stammdaten import vertraege

    a = _kraft(db)
    daten = vertraege.VertragDaten(
        a,
        date(2026, 1, 1),
        date(2026, 1, 1),
        Decimal("2400.00"),
        lohnform="monat",
        zeitkonto_plus_max=Decimal(40),
        zeitkonto_minus_max=Decimal("20.5"),
        geplante_arbeitstage=Decimal(30),  # type: ignore[arg-type]  # the form's number field gives a Decimal
    )
    gespeichert = vertraege.speichere_vertrag(db, daten)
    assert (gespeichert.zeitkonto_plus_max, gespeichert.zeitkonto_minus_max) == (Decimal(40), Decimal("20.5"))
    assert gespeichert.geplante_arbeitstage == 30 and isinstance(gespeichert.geplante_arbeitstage, int)
    daten.zeitkonto_minus_max = Decimal(-1)
    daten.geplante_arbeitstage = Decimal("2.5")  # type: ignore[assignment]
    assert set(vertraege.pruefe_vertrag(daten)) == {"zeitkonto_minus_max", "geplante_arbeitstage"}
