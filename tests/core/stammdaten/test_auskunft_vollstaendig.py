"""Issue 14, point 6 (Art. 15 DSGVO): every table that holds a person's data is in the Auskunft.

The schema is walked (SQLAlchemy metadata): each table that refers to `assistenzkraft`, directly or through other
tables, must be shown by some section. A new payroll table without a section fails here, with the line to add.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, func, select

from core.demo import Demo
from core.io import auskunft
from core.persistence.datenbank import Datenbank
from core.persistence.modelle_registry import lade_alle_modelle
from core.persistence.personenbezug import personentabellen
from core.stammdaten import dsgvo
from tests.core.demo_vorlage import demo_haushalt


def test_jede_tabelle_mit_personendaten_steht_in_der_auskunft() -> None:
    fehlend = sorted(set(personentabellen(lade_alle_modelle())) - dsgvo.abgedeckte_tabellen())
    assert fehlend == [], (
        f"Diese Tabellen enthalten Daten einer Assistenzkraft, stehen aber in keinem Teil der Auskunft: {fehlend}. "
        'Bitte in core/stammdaten/auskunftsteile.py eintragen, z. B. registriere_tabellenteil("Titel", "tabelle").'
    )


def test_der_schemagang_findet_eine_neue_tabelle_auch_ueber_umwege() -> None:
    """The walk is what makes the test fail for the next lane's table: direct and indirect references."""
    kopie = MetaData()
    for tabelle in lade_alle_modelle().sorted_tables:
        tabelle.to_metadata(kopie)
    Table("lohnpfaendung", kopie, Column("id", Integer, primary_key=True),
          Column("assistenzkraft_id", ForeignKey("assistenzkraft.id")))  # fmt: skip
    Table("pfaendung_rate", kopie, Column("id", Integer, primary_key=True),
          Column("pfaendung_id", ForeignKey("lohnpfaendung.id")))  # fmt: skip
    gefunden = personentabellen(kopie)
    assert gefunden["lohnpfaendung"] == ["assistenzkraft_id"] and gefunden["pfaendung_rate"] == ["pfaendung_id"]
    assert {"lohnpfaendung", "pfaendung_rate"}.isdisjoint(dsgvo.abgedeckte_tabellen())
    assert set(gefunden["schicht"]) == {"assistenzkraft_id", "vertretung_fuer"}
    assert "vertrag_zuschlag" in gefunden  # over vertrag


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Demo, Datenbank]]:
    pfad = tmp_path_factory.mktemp("demo") / "haushalt.sqlite"
    ergebnis = demo_haushalt(pfad, heute=date(2026, 11, 23))
    db = Datenbank.oeffnen(pfad, sichern=False)
    yield ergebnis, db
    db.schliessen()


def _anzahl(db: Datenbank, tabelle: str, spalte: str, person: int) -> int:
    t = lade_alle_modelle().tables[tabelle]
    with db.arbeitseinheit() as sitzung:
        return sitzung.scalar(select(func.count()).select_from(t).where(t.c[spalte] == person)) or 0


def test_auskunft_des_demohaushalts_zeigt_schichten_abwesenheiten_und_vertretungen(
    demo: tuple[Demo, Datenbank], tmp_path: Path
) -> None:
    """The finding: for an assistant of the demo the Auskunft left out 39 shifts, 1 absence and the Vertretungen."""
    d, db = demo
    inhalt = dsgvo.auskunft(db, d.joerg)  # Jörg: on leave in January, Sabine covers him
    assert len(inhalt["Schichten"]) == _anzahl(db, "schicht", "assistenzkraft_id", d.joerg) >= 39
    assert len(inhalt["Abwesenheiten"]) == _anzahl(db, "abwesenheit", "assistenzkraft_id", d.joerg) >= 1
    vertretungen = inhalt["Vertretungen (Schichten, in denen sie vertreten wurde)"]
    assert len(vertretungen) == _anzahl(db, "schicht", "vertretung_fuer", d.joerg) >= 1
    assert all(set(v) == {"Tag", "Beginn", "Ende", "Schicht"} for v in vertretungen)  # not who covered him
    assert inhalt["Abwesenheiten"][0]["Art"] == "urlaub" and inhalt["Abwesenheiten"][0]["von"] == str(d.urlaub_von)
    assert len(inhalt["Urlaubsübertrag"]) == _anzahl(db, "urlaub_uebertrag", "assistenzkraft_id", d.joerg)
    assert len(inhalt["Dienstplan-Muster"]) == _anzahl(db, "muster_eintrag", "assistenzkraft_id", d.joerg) >= 1
    for teil in ("Abrechnungsergebnisse", "Einmalzahlungen", "Sachbezüge", "Vorschüsse"):
        assert teil in inhalt
    json_datei, _pdf = auskunft.schreibe_auskunft(db, d.joerg, tmp_path)
    assert '"Schichten"' in json_datei.read_text(encoding="utf-8")
