"""The one place that imports every model module, so Alembic and `Base.metadata` see all tables.

To add a model module: append its dotted path to `MODELLMODULE` (keep one line per module), then generate a
migration (`python -m core.persistence.migration neu "Beschreibung"`), review and commit it.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

MODELLMODULE: tuple[str, ...] = (
    "core.abrechnung.modelle",
    "core.budget.modelle",
    "core.dienstplan.modelle",
    "core.erstattung.modelle",
    "core.meldungen.modelle",
    "core.persistence.modelle",
)


def lade_alle_modelle() -> MetaData:
    """Import every registered model module and return the shared metadata."""
    for modul in MODELLMODULE:
        importlib.import_module(modul)
    from core.persistence.basis import Base

    return Base.metadata
