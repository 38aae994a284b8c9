"""Numbers as people write them and as machines write them: the one place that reads and formats both.

People (forms, spreadsheet cells with text, the command line's messages, PDFs, exports) write German:
"1.234,56" is one thousand two hundred thirty-four and 56 hundredths, "1.234" is 1234 (a thousands separator,
never a decimal point), "12,5" is twelve and a half. `lies_zahl` reads that, `format_zahl` and `format_eur` write
it — on Babel's de_DE data (`parse_decimal` reads; the writers apply Babel's de_DE signs and money pattern with
Python's formatter, which gives Babel's text at a fraction of its time — a test compares them). Displayed values
are rounded half up (kaufmännisch, like `core.domain.geld.runde`) first, because Babel itself would round half to
even (0,125 → "0,12").

Machines (JSON scenario files, TOML rule tables, the "strings with a dot" of CONTRACTS) write "1234.56" and never a
comma or a thousands separator: `maschinenzahl` reads exactly that and refuses everything else, so a German number
can never be misread there (and a machine number never in a form).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, Inexact, InvalidOperation, Rounded, getcontext, localcontext
from functools import cache

GEBIET = "de_DE"
# What a person may type around the number: currency and percent signs and every kind of space.
_BEIWERK = str.maketrans("", "", "€% \u00a0\u202f\u2009\t")
# A German number: digits with or without thousands dots in groups of three, optionally a comma and decimals.
_DEUTSCH = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,[0-9]*)?|[+-]?,[0-9]+")
_MASCHINE = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


class KeineZahl(ValueError):
    """The text is not a number in the expected notation."""


def lies_zahl(text: str) -> Decimal:
    """A number as a person writes it in German: "1.234,56", "12,5", "1.234", "-3", "7,50 €", "19 %".

    Raises `KeineZahl` for anything else, also for "12.5" (in German that is no number: the dot groups thousands).
    """
    from babel.numbers import NumberFormatError, parse_decimal  # here: the window's start needs no Babel

    roh = text.translate(_BEIWERK).replace("\u2212", "-")  # U+2212 is the typographic minus
    if not _DEUTSCH.fullmatch(roh):
        raise KeineZahl(f"„{text.strip()}“ ist keine Zahl")
    try:
        with localcontext() as kontext:  # Babel's strict check formats the number again: keep every digit
            kontext.prec = max(28, len(roh) + 2)
            zahl = parse_decimal(roh, locale=GEBIET, strict=True)
    except (NumberFormatError, InvalidOperation):
        raise KeineZahl(f"„{text.strip()}“ ist keine Zahl") from None
    return zahl + 0 if zahl.is_zero() else zahl  # "-0" is 0


def lies_zahl_oder_nichts(text: str) -> Decimal | None:
    """Like `lies_zahl`, but an empty (or blank) text is None — for optional form fields."""
    return None if not text.translate(_BEIWERK) else lies_zahl(text)


def maschinenzahl(text: str) -> Decimal:
    """A number in machine notation: digits, optionally a dot and decimals ("1234.56", "-3", "0.125").

    Raises `KeineZahl` for a comma, a thousands separator, an exponent, NaN or Infinity.
    """
    roh = text.strip()
    if not _MASCHINE.fullmatch(roh):
        raise KeineZahl(f"„{roh}“ ist keine Zahl mit Punkt (z. B. 1234.56)")
    return Decimal(roh)


def _halb_auf(wert: Decimal, stellen: int) -> Decimal:
    genau = max(28, wert.adjusted() + stellen + 2)  # digits enough for any value, however large
    kontext = getcontext()
    if kontext.prec >= genau and not kontext.traps[Inexact] and not kontext.traps[Rounded]:
        # the usual case, without a context of its own per number (a payroll month formats dozens; issue 15): the
        # thread's context already has the digits, and rounding is given here; the result is the same
        return wert.quantize(_STUFE.get(stellen) or Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)
    with localcontext() as eigener:
        eigener.prec = genau
        return wert.quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)


_STUFE = {n: Decimal(1).scaleb(-n) for n in range(7)}


def _stellen_von(wert: Decimal) -> int:
    """The decimals the exact value needs, without trailing zeros (2,50 → 1; 20 → 0)."""
    _vorzeichen, ziffern, exponent = wert.as_tuple()
    if not isinstance(exponent, int) or not any(ziffern):
        return 0
    stellen = list(ziffern)
    while exponent < 0 and stellen and stellen[-1] == 0:  # not normalize(): it rounds to the context's precision
        stellen.pop()
        exponent += 1
    return max(0, -exponent)


def format_zahl(wert: Decimal, stellen: int | None = 2, *, tausender: bool = False) -> str:
    """A number in German notation ("7,50"), rounded half up to `stellen` decimals.

    `stellen` None: the exact value without trailing zeros ("2,5", "20"). `tausender`: group thousands with a dot
    ("1.234,5"); off by default, so that hours, days and percentages stay short. Money: `format_eur`.
    """
    if not wert.is_finite():
        raise KeineZahl(f"{wert} ist keine endliche Zahl")
    n = _stellen_von(wert) if stellen is None else stellen
    gerundet = _halb_auf(wert, n)
    zeichen, _waehrung = _euro_zeichen()  # Babel's de_DE signs; the text is Babel's own (tests/core/test_zahlen.py)
    return format(gerundet, f"{',' if tausender else ''}.{n}f").translate(zeichen)


@cache
def _euro_zeichen() -> tuple[dict[int, str], str]:
    """Babel's de_DE decimal and group signs and the money pattern's suffix ("\u00a0€"), read once."""
    from babel.core import Locale
    from babel.numbers import get_currency_symbol, get_decimal_symbol, get_group_symbol

    muster = Locale.parse(GEBIET).currency_formats["standard"].pattern
    if not muster.startswith("#,##0.00"):  # the suffix below stands for the whole pattern only in this shape
        raise KeineZahl(f"unerwartetes Währungsformat {muster!r}")
    zeichen = {ord(","): get_group_symbol(GEBIET), ord("."): get_decimal_symbol(GEBIET)}
    return zeichen, muster.removeprefix("#,##0.00").replace("¤", get_currency_symbol("EUR", GEBIET))


def format_eur_satz(satz: Decimal) -> str:
    """A rate in euros (per hour, per day) with the decimals it has, at least 2, at most 4: "4,125 €", "8,25 €".

    A payslip line's quantity × rate must give its amount: 8 h × 4,125 € = 33,00 €, where "4,13 €" would not."""
    stellen = min(max(_stellen_von(satz), 2), 4)
    return format_zahl(satz, stellen, tausender=True) + _euro_zeichen()[1]


def format_eur(betrag: Decimal, *, symbol: bool = True) -> str:
    """An amount of money as Germans read it: "1.234,56 €" (no-break space before €), rounded half up to cents.

    Babel's de_DE signs and pattern, applied with Python's own formatting: the text is exactly what
    `format_currency(…, "EUR", locale="de_DE")` writes (tests/core/test_zahlen.py compares them), at a twentieth
    of its time — a payroll month writes a dozen amounts into its texts (benchmarks/abrechnung.py).
    """
    if not betrag.is_finite():
        raise KeineZahl(f"{betrag} ist kein Betrag")
    gerundet = _halb_auf(betrag, 2)
    zeichen, waehrung = _euro_zeichen()
    text = format(gerundet, ",.2f").translate(zeichen)
    return text + waehrung if symbol else text


@cache
def _mehrzahlregel() -> Callable[[int | Decimal], str]:
    from babel import Locale  # here: the window's start needs no Babel

    regel: Callable[[int | Decimal], str] = Locale.parse(GEBIET).plural_form
    return regel


def anzahl(n: int | Decimal, einzahl: str, mehrzahl: str) -> str:
    """A count with its noun in the right number: "1 Tag", "3 Tage", "0 Tage", "1,5 Tage" (Babel's de plural
    rule: only exactly one is singular). For the dative pass the dative forms: anzahl(n, "Tag", "Tagen").

    Counts built as a number before a plural noun read "an 1 Tagen" (issue 13); tests/test_mehrzahl.py finds
    such strings.
    """
    regel = _mehrzahlregel()
    form = regel(n) if isinstance(n, int) else regel(n.normalize())
    zahl = str(n) if isinstance(n, int) else format_zahl(n, None)
    return f"{zahl} {einzahl if form == 'one' else mehrzahl}"
