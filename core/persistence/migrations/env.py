"""Alembic environment: runs on the connection handed over by core.persistence.migration (no alembic.ini)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy.types import TypeDecorator

from core.persistence.modelle_registry import lade_alle_modelle

ziel_metadaten = lade_alle_modelle()


def _render_item(art: str, objekt: Any, autogen_context: Any) -> str | Literal[False]:
    # Migrations must not import our column types: render their storage type (Cent → BigInteger …),
    # so an old migration stays valid when a type's Python side changes later.
    if art == "type" and isinstance(objekt, TypeDecorator):
        return autogen_context.migration_context.impl.render_type(objekt.impl_instance, autogen_context) or (
            f"sa.{objekt.impl_instance!r}"
        )
    return False


def _konfiguriere(verbindung: Any) -> None:
    context.configure(
        connection=verbindung,
        target_metadata=ziel_metadaten,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
        render_item=_render_item,
    )


verbindung = context.config.attributes.get("connection")
if verbindung is None:
    raise RuntimeError("Migrationen laufen nur über core.persistence.migration (keine alembic.ini).")
_konfiguriere(verbindung)
with context.begin_transaction():
    context.run_migrations()
