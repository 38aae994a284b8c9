"""Money as Decimal: parsing, rounding at the points the law names, German formatting."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
NULL = Decimal("0")


def geld(wert: str | int | Decimal) -> Decimal:
    """Parse an amount given as text ("1234.56" or "1.234,56"), int or Decimal — never float."""
    if isinstance(wert, bool) or isinstance(wert, float):
        raise TypeError("Geldbeträge dürfen nicht als float übergeben werden")
    if isinstance(wert, Decimal):
        return wert
    if isinstance(wert, int):
        return Decimal(wert)
    text = wert.strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        ergebnis = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"„{wert}“ ist kein gültiger Betrag") from None
    if not ergebnis.is_finite():
        raise ValueError(f"„{wert}“ ist kein gültiger Betrag")
    return ergebnis


def runde(betrag: Decimal, stellen: int = 2) -> Decimal:
    """Round half up (kaufmännisch) to the given number of decimal places."""
    return betrag.quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)


def cent(betrag: Decimal) -> Decimal:
    """Round an amount to whole cents, half up."""
    return betrag.quantize(CENT, rounding=ROUND_HALF_UP)


def als_text(betrag: Decimal) -> str:
    """Contract format for amounts: dot, two decimals ("1234.56")."""
    return f"{cent(betrag):.2f}"


def format_zahl(wert: Decimal, stellen: int | None = 2) -> str:
    """A number in German notation for texts, PDFs and the command line ("7,50"; the GUI uses QLocale).

    `stellen`: rounded half up to that many decimals. None: the exact value without trailing zeros ("2,5", "20").
    No thousands separator (hours, days and percentages stay short); amounts of money use `format_eur`.
    """
    if stellen is not None:
        return f"{runde(wert, stellen):.{stellen}f}".replace(".", ",")
    text = format(wert, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_eur(betrag: Decimal, *, symbol: bool = True) -> str:
    """German display format "1.234,56 €" for PDFs and the command line (the GUI uses QLocale)."""
    text = f"{cent(betrag):,.2f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return f"{text}\u00a0€" if symbol else text
