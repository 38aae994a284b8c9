"""Money as Decimal: machine-format amounts, rounding at the points the law names; German text in `zahlen`.

`geld` takes an amount from a machine (JSON, TOML, the database, CONTRACTS' "strings with a dot": "1234.56"),
an int or a Decimal — never a float and never German text (that is `core.domain.zahlen.lies_zahl`).
`format_eur` and `format_zahl` are `core.domain.zahlen`'s, re-exported here because most callers format money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from core.domain.zahlen import KeineZahl, format_eur, format_zahl, maschinenzahl

__all__ = ["CENT", "NULL", "als_text", "cent", "format_eur", "format_zahl", "geld", "runde"]

CENT = Decimal("0.01")
NULL = Decimal("0")


def geld(wert: str | int | Decimal) -> Decimal:
    """An amount in machine notation ("1234.56"), an int or a Decimal — never float, never German text."""
    if isinstance(wert, bool) or isinstance(wert, float):
        raise TypeError("Geldbeträge dürfen nicht als float übergeben werden")
    if isinstance(wert, Decimal):
        return wert
    if isinstance(wert, int):
        return Decimal(wert)
    try:
        return maschinenzahl(wert)
    except KeineZahl:
        raise ValueError(f"„{wert}“ ist kein gültiger Betrag (mit Punkt, z. B. 1234.56)") from None


def runde(betrag: Decimal, stellen: int = 2) -> Decimal:
    """Round half up (kaufmännisch) to the given number of decimal places."""
    return betrag.quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)


def cent(betrag: Decimal) -> Decimal:
    """Round an amount to whole cents, half up."""
    return betrag.quantize(CENT, rounding=ROUND_HALF_UP)


def als_text(betrag: Decimal) -> str:
    """Contract format for amounts: dot, two decimals ("1234.56")."""
    return f"{cent(betrag):.2f}"
