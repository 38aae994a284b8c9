"""German numbers for people (Babel, de_DE) and strict machine numbers: reading, formatting, rounding half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.domain.zahlen import (
    KeineZahl,
    format_eur,
    format_zahl,
    lies_zahl,
    lies_zahl_oder_nichts,
    maschinenzahl,
)


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        pytest.param("1.234", "1234", id="Punkt trennt Tausender (1.234 ist eintausendzweihundertvierunddreißig)"),
        pytest.param("1.234,56", "1234.56", id="Tausender und Komma"),
        pytest.param("1.234.567,8", "1234567.8", id="zwei Tausendergruppen"),
        pytest.param("12,5", "12.5", id="Komma"),
        pytest.param("1234,5", "1234.5", id="ohne Tausenderpunkt"),
        pytest.param(",5", "0.5", id="ohne Null vor dem Komma"),
        pytest.param("7,50 €", "7.50", id="mit Euro-Zeichen"),
        pytest.param("19 %", "19", id="mit Prozentzeichen"),
        pytest.param(" -3 ", "-3", id="negativ mit Leerzeichen"),
        pytest.param("\u22123,5", "-3.5", id="typografisches Minus"),
        pytest.param("1\u00a0234,5", "1234.5", id="geschütztes Leerzeichen als Tausendertrenner"),
        pytest.param("-0", "0", id="minus null ist null"),
    ],
)
def test_lies_zahl(text: str, erwartet: str) -> None:
    assert lies_zahl(text) == Decimal(erwartet)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("12.5", id="Dezimalpunkt ist im Deutschen keiner"),
        pytest.param("1.23", id="Tausendergruppe zu kurz"),
        pytest.param("1,2,3", id="zwei Kommas"),
        pytest.param("", id="leer"),
        pytest.param("abc", id="Text"),
        pytest.param("NaN", id="NaN"),
        pytest.param("Infinity", id="unendlich"),
        pytest.param("1e5", id="Exponent"),
        pytest.param("\u0661\u0662\u0663", id="arabische Ziffern"),
        pytest.param("--5", id="doppeltes Minus"),
    ],
)
def test_lies_zahl_lehnt_ab(text: str) -> None:
    with pytest.raises(KeineZahl):
        lies_zahl(text)


def test_leeres_feld_ist_nichts() -> None:
    assert lies_zahl_oder_nichts("  ") is None
    assert lies_zahl_oder_nichts("2,5") == Decimal("2.5")


@pytest.mark.parametrize(("text", "erwartet"), [("1234.56", "1234.56"), ("-3", "-3"), (" 0.125 ", "0.125")])
def test_maschinenzahl(text: str, erwartet: str) -> None:
    assert maschinenzahl(text) == Decimal(erwartet)


@pytest.mark.parametrize("text", ["1.234,56", "1,5", "1.234.567", "1e5", "NaN", "", ".5", "5."])
def test_maschinenzahl_lehnt_deutsch_und_unsinn_ab(text: str) -> None:
    with pytest.raises(KeineZahl):
        maschinenzahl(text)


@pytest.mark.parametrize(
    ("wert", "stellen", "tausender", "text"),
    [
        # kaufmännisch: half up, not Babel's own half to even (which would give 0,12 and 2,34)
        pytest.param("0.125", 2, False, "0,13", id="0,125 wird 0,13"),
        pytest.param("2.345", 2, False, "2,35", id="2,345 wird 2,35"),
        pytest.param("-0.125", 2, False, "-0,13", id="negativ kaufmaennisch"),
        pytest.param("1234.5", 2, False, "1234,50", id="ohne Tausenderpunkt"),
        pytest.param("1234.5", 2, True, "1.234,50", id="mit Tausenderpunkt"),
        pytest.param("2.50", None, False, "2,5", id="genau ohne Nullen"),
        pytest.param("1E+1", None, False, "10", id="ohne Exponent"),
        pytest.param("12345678901234567890.123456789", None, True, "12.345.678.901.234.567.890,123456789", id="lang"),
    ],
)
def test_format_zahl(wert: str, stellen: int | None, tausender: bool, text: str) -> None:
    assert format_zahl(Decimal(wert), stellen, tausender=tausender) == text


@pytest.mark.parametrize(
    ("wert", "text"),
    [
        pytest.param("0.125", "0,13\u00a0€", id="0,125 € wird 0,13 €"),
        pytest.param("147702.576", "147.702,58\u00a0€", id="Tausender und Cent"),
        pytest.param("-8205.05", "-8.205,05\u00a0€", id="negativ"),
    ],
)
def test_format_eur(wert: str, text: str) -> None:
    assert format_eur(Decimal(wert)) == text


def test_format_eur_ohne_zeichen() -> None:
    assert format_eur(Decimal("1234.565"), symbol=False) == "1.234,57"


_BETRAEGE = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False)
_ZAHLEN = st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e20"), max_value=Decimal("1e20"))


@given(_BETRAEGE)
def test_euro_hin_und_zurueck(betrag: Decimal) -> None:
    assert lies_zahl(format_eur(betrag)) == betrag
    assert lies_zahl(format_eur(betrag, symbol=False)) == betrag


@given(_ZAHLEN, st.booleans())
def test_zahl_genau_hin_und_zurueck(zahl: Decimal, tausender: bool) -> None:
    assert lies_zahl(format_zahl(zahl, None, tausender=tausender)) == zahl


@given(_ZAHLEN, st.integers(min_value=0, max_value=6))
def test_gerundet_hin_und_zurueck_ist_kaufmaennisch_gerundet(zahl: Decimal, stellen: int) -> None:
    from core.domain.geld import runde

    assert lies_zahl(format_zahl(zahl, stellen)) == runde(zahl, stellen)


@pytest.mark.parametrize(
    "wert",
    ["0", "-0.004", "0.005", "-0.005", "1", "-1", "999.995", "1000", "-1234.565", "1234567.891", "0.1", "12.345"],
)
def test_format_eur_schreibt_wie_babel(wert: str) -> None:
    """format_eur formats by hand with Babel's de_DE signs: the text must be Babel's own, to the character."""
    from babel.numbers import format_currency, format_decimal

    gerundet = Decimal(wert).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert format_eur(Decimal(wert)) == format_currency(gerundet, "EUR", locale="de_DE")
    assert format_eur(Decimal(wert), symbol=False) == format_decimal(gerundet, format="#,##0.00", locale="de_DE")
    for stellen, muster in ((0, "0"), (1, "0.0"), (2, "#,##0.00"), (3, "#,##0.000")):
        genau = Decimal(wert).quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)
        assert format_zahl(Decimal(wert), stellen, tausender="#" in muster) == format_decimal(
            genau, format=muster, locale="de_DE"
        )
