"""Money helpers: the machine format, half-up rounding, no float accepted; German numbers in test_zahlen.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.domain.geld import als_text, cent, format_eur, format_zahl, geld, runde


@pytest.mark.parametrize(
    ("eingabe", "erwartet"),
    [("1234.56", "1234.56"), (" 0.005 ", "0.005"), ("-3", "-3"), (12, "12"), (Decimal("1.5"), "1.5")],
)
def test_geld_liest_maschinenformat(eingabe: str | int, erwartet: str) -> None:
    assert geld(eingabe) == Decimal(erwartet)


def test_geld_lehnt_float_ab() -> None:
    with pytest.raises(TypeError):
        geld(1.5)  # type: ignore[arg-type]


# German text is not the machine format: "1.234" would be 1.234 here but 1234 to a person, so it is refused.
@pytest.mark.parametrize("eingabe", ["abc", "", "1,2,3", "NaN", "1.234,56", "1,5", "1.234.567", "1e5", "Infinity"])
def test_geld_lehnt_unsinn_ab(eingabe: str) -> None:
    with pytest.raises(ValueError):
        geld(eingabe)


def test_rundung_kaufmaennisch() -> None:
    # § 2 Abs. 2 BVV / PAP: half up, not banker's rounding
    assert cent(Decimal("0.125")) == Decimal("0.13")
    assert cent(Decimal("-0.125")) == Decimal("-0.13")
    assert runde(Decimal("1.0005"), 3) == Decimal("1.001")


def test_formate() -> None:
    assert als_text(Decimal("1234.5")) == "1234.50"
    assert format_eur(Decimal("147702.576")) == "147.702,58\u00a0€"
    assert format_eur(Decimal("-8205.05"), symbol=False) == "-8.205,05"


@pytest.mark.parametrize(
    ("wert", "stellen", "text"),
    [
        pytest.param("7.5", 2, "7,50", id="zwei Stellen"),
        pytest.param("2.345", 2, "2,35", id="kaufmaennisch aufgerundet"),
        pytest.param("1234.5", 2, "1234,50", id="ohne Tausenderpunkt"),
        pytest.param("21.45", 1, "21,5", id="eine Stelle"),
        pytest.param("2.50", None, "2,5", id="genau ohne Nullen"),
        pytest.param("20.00", None, "20", id="ganze Zahl"),
        pytest.param("1E+1", None, "10", id="ohne Exponent"),
        pytest.param("0.000", None, "0", id="null"),
    ],
)
def test_format_zahl(wert: str, stellen: int | None, text: str) -> None:
    assert format_zahl(Decimal(wert), stellen) == text
