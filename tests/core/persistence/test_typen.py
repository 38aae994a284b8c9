"""Column types: money as whole cents, exact decimals as text; floats and fractions of a cent are refused."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy.dialects import sqlite

from core.persistence.basis import Cent, DezimalText, UtcDateTime

DIALEKT = sqlite.dialect()


@pytest.mark.parametrize(
    ("betrag", "cent"),
    [(Decimal("12.34"), 1234), (Decimal("0.01"), 1), (Decimal(-5), -500), (Decimal("1234567.80"), 123456780)],
)
def test_cent_hin_und_zurueck(betrag: Decimal, cent: int) -> None:
    typ = Cent()
    assert typ.process_bind_param(betrag, DIALEKT) == cent
    assert typ.process_result_value(cent, DIALEKT) == betrag


def test_cent_verweigert_float_und_bruchteile() -> None:
    with pytest.raises(TypeError):
        Cent().process_bind_param(1.5, DIALEKT)
    with pytest.raises(ValueError, match="Bruchteile"):
        Cent().process_bind_param(Decimal("0.005"), DIALEKT)


def test_dezimaltext_verliert_keine_stelle() -> None:
    typ = DezimalText()
    for wert in (Decimal("0.6619"), Decimal("2.50"), Decimal("1E+2")):
        assert typ.process_result_value(typ.process_bind_param(wert, DIALEKT), DIALEKT) == wert
    with pytest.raises(TypeError):
        typ.process_bind_param(0.1, DIALEKT)


def test_utc_zeit_verweigert_naive_zeiten() -> None:
    with pytest.raises(ValueError, match="Zeitzone"):
        UtcDateTime().process_bind_param(datetime(2026, 1, 1, 12, 0), DIALEKT)
