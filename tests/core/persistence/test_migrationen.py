"""Migrations: empty file → head, exactly one head, models and migrations agree, down and up again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from core.persistence import migration
from core.persistence.datenbank import Datenbank
from core.persistence.modelle_registry import MODELLMODULE, lade_alle_modelle


def test_genau_ein_kopf() -> None:
    assert len(migration.kopf_revisionen()) == 1, migration.kopf_revisionen()


def test_leere_datei_wird_auf_kopfstand_migriert(tmp_path: Path) -> None:
    pfad = tmp_path / "neu.sqlite"
    with Datenbank.oeffnen(pfad) as db, db.engine.connect() as verbindung:
        assert migration.aktuelle_revision(verbindung) == migration.kopf_revisionen()[0]
        tabellen = set(inspect(verbindung).get_table_names())
    assert set(lade_alle_modelle().tables) <= tabellen


def test_modelle_und_migrationen_stimmen_ueberein(tmp_path: Path) -> None:
    metadaten = lade_alle_modelle()
    with Datenbank.oeffnen(tmp_path / "vergleich.sqlite") as db, db.engine.connect() as verbindung:
        unterschiede = compare_metadata(MigrationContext.configure(verbindung, opts={"compare_type": True}), metadaten)
    assert unterschiede == [], (
        "Modelle und Migrationen weichen ab – bitte `python -m core.persistence.migration neu …` ausführen: "
        f"{unterschiede}"
    )


def test_runter_und_wieder_hoch(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'rund.sqlite'}")
    with engine.begin() as verbindung:
        migration.migriere(verbindung)
        command.downgrade(migration.alembic_konfiguration(verbindung), "base")
        assert set(inspect(verbindung).get_table_names()) <= {"alembic_version"}
        migration.migriere(verbindung)
        assert migration.aktuelle_revision(verbindung) == migration.kopf_revisionen()[0]
    engine.dispose()


def test_registry_nennt_die_stammdaten() -> None:
    assert "core.persistence.modelle" in MODELLMODULE
