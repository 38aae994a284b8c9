"""Alembic, driven from code: the migrations ship inside the package, so an installed program finds them.

Developers create a new migration with `python -m core.persistence.migration neu "Beschreibung"`
(autogenerate against a scratch database at head); review the file before committing it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, inspect, text

if TYPE_CHECKING:  # Alembic is imported only when something needs migrating (it costs a second at start-up)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONEN = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([0-9a-zA-Z_]+)['\"]\s*$", re.M)
_VORGAENGER = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(None|['\"][0-9a-zA-Z_]+['\"])\s*$", re.M)


@cache
def _revisionen_ohne_alembic() -> tuple[frozenset[str], frozenset[str]] | None:
    """(all revisions, their heads) read from the migration files' `revision =` and `down_revision =` lines,
    without importing Alembic; None when a file does not have the simple form (then ask Alembic)."""
    revisionen: set[str] = set()
    vorgaenger: set[str] = set()
    for datei in (MIGRATIONEN / "versions").glob("*.py"):
        if datei.name == "__init__.py":
            continue
        inhalt = datei.read_text(encoding="utf-8")
        revision, vorher = _REVISION.findall(inhalt), _VORGAENGER.findall(inhalt)
        if len(revision) != 1 or len(vorher) != 1:
            return None
        revisionen.add(revision[0])
        if vorher[0] != "None":
            vorgaenger.add(vorher[0].strip("'\""))
    if not revisionen or not vorgaenger <= revisionen:
        return None
    return frozenset(revisionen), frozenset(revisionen - vorgaenger)


def kopf_ohne_alembic() -> frozenset[str] | None:
    """The head revision(s), read without Alembic; None: ask Alembic."""
    gelesen = _revisionen_ohne_alembic()
    return None if gelesen is None else gelesen[1]


def stand_ohne_alembic(verbindung: Connection) -> str | None:
    """The file's revision straight from the alembic_version table; None if it has none (or several)."""
    if not inspect(verbindung).has_table("alembic_version"):  # a new file (a failed SELECT would spoil the
        return None  # transaction on PostgreSQL)
    zeilen = verbindung.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(zeilen[0][0]) if len(zeilen) == 1 else None


def ist_aktuell(verbindung: Connection) -> bool:
    """True when the file is at the program's head (checked without Alembic); False means: ask Alembic."""
    koepfe = kopf_ohne_alembic()
    stand = stand_ohne_alembic(verbindung)
    return koepfe is not None and stand is not None and koepfe == {stand}


def alembic_konfiguration(verbindung: Connection | None = None) -> Config:
    from alembic.config import Config

    konfiguration = Config()
    konfiguration.set_main_option("script_location", str(MIGRATIONEN))
    konfiguration.set_main_option("version_path_separator", "os")
    if verbindung is not None:
        konfiguration.attributes["connection"] = verbindung
    return konfiguration


def skripte() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_konfiguration())


def kopf_revisionen() -> tuple[str, ...]:
    return tuple(skripte().get_heads())


def aktuelle_revision(verbindung: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(verbindung).get_current_revision()


def ist_bekannt(revision: str) -> bool:
    gelesen = _revisionen_ohne_alembic()
    if gelesen is not None and revision in gelesen[0]:  # the usual case, decided without Alembic
        return True
    try:
        return skripte().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for unknown ids
        return False


def migriere(verbindung: Connection) -> None:
    """Upgrade the database on `verbindung` to head (inside the caller's transaction handling)."""
    from alembic import command

    command.upgrade(alembic_konfiguration(verbindung), "head")


def _neue_migration(nachricht: str) -> None:
    from alembic import command

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
