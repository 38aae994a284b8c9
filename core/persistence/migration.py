"""Alembic, driven from code: the migrations ship inside the package, so an installed program finds them.

Developers create a new migration with `python -m core.persistence.migration neu "Beschreibung"`
(autogenerate against a scratch database at head); review the file before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine

MIGRATIONEN = Path(__file__).resolve().parent / "migrations"


def alembic_konfiguration(verbindung: Connection | None = None) -> Config:
    konfiguration = Config()
    konfiguration.set_main_option("script_location", str(MIGRATIONEN))
    konfiguration.set_main_option("version_path_separator", "os")
    if verbindung is not None:
        konfiguration.attributes["connection"] = verbindung
    return konfiguration


def skripte() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_konfiguration())


def kopf_revisionen() -> tuple[str, ...]:
    return tuple(skripte().get_heads())


def aktuelle_revision(verbindung: Connection) -> str | None:
    return MigrationContext.configure(verbindung).get_current_revision()


def ist_bekannt(revision: str) -> bool:
    try:
        return skripte().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for unknown ids
        return False


def migriere(verbindung: Connection) -> None:
    """Upgrade the database on `verbindung` to head (inside the caller's transaction handling)."""
    command.upgrade(alembic_konfiguration(verbindung), "head")


def _neue_migration(nachricht: str) -> None:
    with tempfile.TemporaryDirectory() as ordner:
        engine = create_engine(f"sqlite:///{Path(ordner) / 'kopf.sqlite'}")
        with engine.begin() as verbindung:
            migriere(verbindung)
            command.revision(alembic_konfiguration(verbindung), message=nachricht, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "neu":
        _neue_migration(sys.argv[2])
    else:
        sys.exit('Aufruf: python -m core.persistence.migration neu "Beschreibung"')
