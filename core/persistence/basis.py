"""Declarative base and column types for every model module (money as cents, exact decimals, UTC times).

How another engineer adds tables:

1. Write `core/<bereich>/modelle.py` (or `core/persistence/modelle_<bereich>.py`) with classes deriving from
   `Base`; use `Cent` for money, `DezimalText` for rates/hours, `UtcDateTime` for instants, `Date` for days.
   Use plain `String` columns for small code lists (validate in the service) rather than native ENUMs.
2. Add the module path to `MODELLMODULE` in `core/persistence/modelle_registry.py` (one line).
3. Generate the migration:  `.venv/bin/python -m core.persistence.migration neu "kurze Beschreibung"`
   then read it, keep it portable (no SQLite-only SQL), and commit it. `tests/core/persistence` checks that
   models and migrations agree and that there is exactly one head.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, MetaData, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints: Alembic can drop/alter them later (SQLite batch mode, PostgreSQL) and names stay stable.
NAMENSKONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Common base of all models; one MetaData so Alembic sees every table."""

    metadata = MetaData(naming_convention=NAMENSKONVENTION)


_HUNDERT = Decimal(100)


class Cent(TypeDecorator[Decimal]):
    """Money: Decimal in Python, integer cents in the database (SQLite NUMERIC would be a float).

    Refuses floats and amounts with fractions of a cent: rounding is the rule's job, never the store's.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"Geldbetrag muss Decimal sein, nicht {type(value).__name__}")
        cent = Decimal(value) * _HUNDERT
        if cent != cent.to_integral_value():
            raise ValueError(f"Geldbetrag {value} hat Bruchteile eines Cents; bitte vorher runden.")
        return int(cent)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / _HUNDERT).quantize(Decimal("0.01"))


class DezimalText(TypeDecorator[Decimal]):
    """An exact decimal (rate in percent, hours, days) stored as text, so no digit is ever lost."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, float) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"Dezimalwert muss Decimal sein, nicht {type(value).__name__}")
        d = Decimal(value)
        if not d.is_finite():
            raise ValueError(f"Dezimalwert {value} ist keine endliche Zahl.")
        return format(d, "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation as fehler:
            raise ValueError(f"Gespeicherter Dezimalwert {value!r} ist ungültig.") from fehler


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: aware datetime in Python, naive UTC in the database; comes back aware (UTC)."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("Zeitpunkte müssen mit Zeitzone angegeben werden (aware datetime).")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def jetzt_utc() -> datetime:
    return datetime.now(UTC)
