"""Migrations: empty file → head, exactly one head, models and migrations agree, down and up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from core.persistence import migration
from core.persistence.datenbank import Datenbank
from core.persistence.modelle_registry import MODELLMODULE, lade_alle_modelle

pytestmark = pytest.mark.echte_migration  # what these tests check is Alembic's own run on an empty file


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


def test_schema_der_tests_gleicht_dem_von_alembic(tmp_path: Path) -> None:
    """The other tests give an empty file the migrated schema as SQL (tests/conftest.py); it must be Alembic's."""
    import re
    import sqlite3

    from tests.conftest import _migriertes_schema

    def schema(datei: Path) -> list[tuple[str, str, tuple[str, ...]]]:
        """Each object with its definition's parts (columns, constraints) sorted: Alembic's batch mode writes
        the constraints of a rebuilt table in a different order from one run to the next."""
        roh = sqlite3.connect(datei)
        try:
            zeilen = roh.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
            version = roh.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            roh.close()
        teile = [(art, name, _teile(sql or "")) for art, name, sql in zeilen]
        return [*teile, *(("version", v, ()) for (v,) in version)]

    def _teile(sql: str) -> tuple[str, ...]:
        kopf, klammer, rumpf = sql.partition("(")
        rumpf = rumpf.rstrip().removesuffix(")")
        return (kopf + klammer, *sorted(t.strip() for t in re.split(r",\s*\n", rumpf)))

    echt, schnell = tmp_path / "alembic.sqlite", tmp_path / "sql.sqlite"
    for datei in (echt, schnell):
        engine = create_engine(f"sqlite:///{datei}")
        with engine.begin() as verbindung:
            if datei == echt:
                migration.migriere(verbindung)
            else:
                for befehl in _migriertes_schema(migration.migriere):
                    verbindung.exec_driver_sql(befehl)
        engine.dispose()
    erwartet = schema(echt)
    assert len(erwartet) > 30 and ("version", migration.kopf_revisionen()[0], ()) in erwartet
    assert schema(schnell) == erwartet
