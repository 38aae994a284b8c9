"""Lohnsteuer nach dem Programmablaufplan (PAP) des BMF: pap.xml wird je Jahr einmal in Python übersetzt."""

from __future__ import annotations

import linecache
import operator
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import (
    ROUND_05UP,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.fehler import EingabeFehler
from core.ressourcen import nutzerdaten, ressource

__all__ = [
    "FehlenderPap",
    "PapPlan",
    "PapRechenFehler",
    "PapUebersetzungsFehler",
    "ausgaben",
    "berechne_pap",
    "eingaben",
    "fuehre_aus",
    "herkunft",
    "java_double_als_bigdecimal",
    "pap_datei",
    "plan_aus_xml",
    "quelltext",
    "unterstuetzte_jahre",
    "vergiss_plan",
]

# Java's BigDecimal is exact for add/subtract/multiply and for divide() without a scale (it throws on a
# non-terminating quotient). 80 significant digits hold every PAP quantity with a wide margin; an operation
# that would need more raises instead of rounding silently.
_STELLEN = 80
_GENAU = Context(prec=_STELLEN, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
# divide(x, scale, mode): the quotient is first formed with ROUND_05UP on more digits than the final scale
# needs, then rounded once with the PAP's mode; that two-step rounding equals the exact one (no double rounding).
_VORTEILEN = Context(prec=_STELLEN, rounding=ROUND_05UP, traps=[InvalidOperation, DivisionByZero, Overflow])
# setScale(n, mode): rounding is intended; 2 digits less than _VORTEILEN so a quotient too long for the
# two-step division raises InvalidOperation instead of rounding twice.
_RUNDEN = Context(prec=_STELLEN - 2, traps=[InvalidOperation, DivisionByZero, Overflow])

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
# Significant decimal digits that survive a trip through an IEEE double unchanged (DBL_DIG).
_DOUBLE_STELLEN = 15

_RUNDUNGSARTEN = {
    "ROUND_UP": "ROUND_UP",
    "ROUND_DOWN": "ROUND_DOWN",
    "ROUND_CEILING": "ROUND_CEILING",
    "ROUND_FLOOR": "ROUND_FLOOR",
    "ROUND_HALF_UP": "ROUND_HALF_UP",
    "ROUND_HALF_DOWN": "ROUND_HALF_DOWN",
    "ROUND_HALF_EVEN": "ROUND_HALF_EVEN",
    "ROUND_UNNECESSARY": None,
}
_ROUNDINGMODE = {
    "UP": "ROUND_UP",
    "DOWN": "ROUND_DOWN",
    "CEILING": "ROUND_CEILING",
    "FLOOR": "ROUND_FLOOR",
    "HALF_UP": "ROUND_HALF_UP",
    "HALF_DOWN": "ROUND_HALF_DOWN",
    "HALF_EVEN": "ROUND_HALF_EVEN",
    "UNNECESSARY": None,
}


class PapUebersetzungsFehler(Exception):
    """pap.xml contains something the translator does not know; extend the translator, never guess."""


class FehlenderPap(EingabeFehler, ValueError):
    """No PAP for the year, neither shipped nor imported: a business condition, said in one German sentence."""


class PapRechenFehler(ArithmeticError):
    """The PAP arithmetic failed where Java's BigDecimal would throw (e.g. a non-terminating divide())."""


# --------------------------------------------------------------------------------------------------------
# Java number semantics
# --------------------------------------------------------------------------------------------------------


def java_double_als_bigdecimal(wert: Decimal | int | str) -> Decimal:
    """`BigDecimal.valueOf(double)`: the value of `Double.toString(d)` for the double nearest to `wert`.

    Works from the decimal text, never through a binary float. A decimal with at most 15 significant digits
    survives the trip through a double unchanged, so the result has its value; the scale follows
    Double.toString (at least one fractional digit, scientific notation outside [1e-3, 1e7)).
    More digits would need the real binary rounding, which this function refuses loudly.
    """
    zahl = wert if isinstance(wert, Decimal) else Decimal(wert)
    if not zahl.is_finite():
        raise ValueError(f"{wert!r} ist keine endliche Zahl")
    if zahl.is_zero():
        return Decimal("0.0")
    normal = zahl.normalize(_GENAU)
    ziffern = len(normal.as_tuple().digits)
    if ziffern > _DOUBLE_STELLEN:
        raise ValueError(
            f"{wert} hat {ziffern} signifikante Stellen; als Java-double ist der Wert nur bis "
            f"{_DOUBLE_STELLEN} Stellen exakt nachzubilden"
        )
    exponent = normal.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"{wert} ist keine endliche Zahl")
    adjusted = normal.adjusted()
    if adjusted > 308 or adjusted < -307:
        raise ValueError(f"{wert} liegt außerhalb des Bereichs eines Java-double")
    if -3 <= adjusted < 7:
        skala = max(1, -exponent)
    else:
        # "d.dddE±n": mantissa keeps at least one fractional digit
        skala = max(1, ziffern - 1) - adjusted
    return normal.quantize(Decimal((0, (1,), -skala)), context=_GENAU)


def _java_int(wert: int, typ: str) -> int:
    grenzen = (_INT_MIN, _INT_MAX) if typ == "int" else (_LONG_MIN, _LONG_MAX)
    if not grenzen[0] <= wert <= grenzen[1]:
        raise ValueError(f"{wert} liegt außerhalb des Java-Typs {typ}")
    return wert


def _idiv(a: int, b: int) -> int:
    """Java integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _irem(a: int, b: int) -> int:
    return a - _idiv(a, b) * b


def _cmp(a: Decimal, b: Decimal) -> int:
    return (a > b) - (a < b)


def _index(tabelle: Sequence[Any], i: int) -> Any:
    if i < 0:  # Python would count from the end; Java throws
        raise IndexError(f"Tabellenindex {i} ist negativ")
    return tabelle[i]


def _skala(n: int) -> Decimal:
    return Decimal((0, (1,), -n))


_LAUFZEIT: dict[str, Any] = {
    "_D": Decimal,
    "_GENAU": _GENAU,
    "_VORTEILEN": _VORTEILEN,
    "_RUNDEN": _RUNDEN,
    "_idiv": _idiv,
    "_irem": _irem,
    "_cmp": _cmp,
    "_index": _index,
    "_skala": _skala,
    "_java_int": _java_int,
    "_java_double": java_double_als_bigdecimal,
}


# --------------------------------------------------------------------------------------------------------
# Parsing the Java expressions of pap.xml
# --------------------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<zahl>(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?[lLdDfF]?)
      | (?P<text>"(?:[^"\\]|\\.)*")
      | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
      | (?P<op>&&|\|\||==|!=|<=|>=|[<>=+\-*/%!()\[\]{},.;])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Knoten:
    art: str  # zahl | text | name | feld | aufruf | index | neu | unaer | binaer | feldliste
    wert: str = ""
    kinder: tuple[_Knoten, ...] = ()


def _int_literal(knoten: _Knoten) -> int | None:
    """The value of an int literal, also a negated one; None for anything else."""
    if knoten.art == "zahl" and knoten.wert.isdigit():
        return int(knoten.wert)
    if knoten.art == "unaer" and knoten.wert == "-" and knoten.kinder[0].art == "zahl":
        innen = _int_literal(knoten.kinder[0])
        return None if innen is None else -innen
    return None


_VERGLEICHE: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
}


def _zerlege(ausdruck: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    ausdruck = ausdruck.rstrip()
    while pos < len(ausdruck):
        treffer = _TOKEN.match(ausdruck, pos)
        if not treffer or treffer.end() == pos:
            raise PapUebersetzungsFehler(f"unbekanntes Zeichen an Stelle {pos} in „{ausdruck}“")
        art = treffer.lastgroup
        if art is None:
            raise PapUebersetzungsFehler(f"unbekanntes Zeichen an Stelle {pos} in „{ausdruck}“")
        tokens.append((art, treffer.group(art)))
        pos = treffer.end()
    return tokens


class _Parser:
    """Recursive descent over the Java subset the PAP uses; anything else is an error."""

    _VERGLEICH = ("<", ">", "<=", ">=")

    def __init__(self, ausdruck: str) -> None:
        self.ausdruck = ausdruck
        self.tokens = _zerlege(ausdruck)
        self.pos = 0

    def fehler(self, was: str) -> PapUebersetzungsFehler:
        return PapUebersetzungsFehler(f"{was} in „{self.ausdruck.strip()}“")

    def sieh(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def ist(self, text: str) -> bool:
        t = self.sieh()
        return t is not None and t[0] == "op" and t[1] == text

    def nimm(self, text: str | None = None) -> tuple[str, str]:
        t = self.sieh()
        if t is None:
            raise self.fehler("unerwartetes Ende")
        if text is not None and not (t[0] == "op" and t[1] == text):
            raise self.fehler(f"„{text}“ erwartet statt „{t[1]}“")
        self.pos += 1
        return t

    def ende(self) -> None:
        if self.ist(";"):
            self.nimm(";")
        if self.sieh() is not None:
            raise self.fehler(f"unerwartetes „{self.sieh()[1]}“")  # type: ignore[index]

    def zuweisung(self) -> tuple[str, _Knoten]:
        art, name = self.nimm()
        if art != "name":
            raise self.fehler("Zuweisung an einen Variablennamen erwartet")
        if not self.ist("="):
            raise self.fehler("nur einfache Zuweisungen „NAME = Ausdruck“ sind bekannt")
        self.nimm("=")
        wert = self.ausdruck_()
        self.ende()
        return name, wert

    def ganzer_ausdruck(self) -> _Knoten:
        knoten = self.ausdruck_()
        self.ende()
        return knoten

    def ausdruck_(self) -> _Knoten:
        if self.ist("{"):
            self.nimm("{")
            elemente = [self.ausdruck_()]
            while self.ist(","):
                self.nimm(",")
                if self.ist("}"):
                    break
                elemente.append(self.ausdruck_())
            self.nimm("}")
            return _Knoten("feldliste", kinder=tuple(elemente))
        return self.oder()

    def _links_assoziativ(self, ops: tuple[str, ...], naechste: Callable[[], _Knoten]) -> _Knoten:
        links = naechste()
        while (t := self.sieh()) is not None and t[0] == "op" and t[1] in ops:
            self.nimm()
            links = _Knoten("binaer", t[1], (links, naechste()))
        return links

    def oder(self) -> _Knoten:
        return self._links_assoziativ(("||",), self.und)

    def und(self) -> _Knoten:
        return self._links_assoziativ(("&&",), self.gleich)

    def gleich(self) -> _Knoten:
        return self._links_assoziativ(("==", "!="), self.vergleich)

    def vergleich(self) -> _Knoten:
        return self._links_assoziativ(self._VERGLEICH, self.summe)

    def summe(self) -> _Knoten:
        return self._links_assoziativ(("+", "-"), self.produkt)

    def produkt(self) -> _Knoten:
        return self._links_assoziativ(("*", "/", "%"), self.unaer)

    def unaer(self) -> _Knoten:
        if self.ist("-") or self.ist("!") or self.ist("+"):
            op = self.nimm()[1]
            return _Knoten("unaer", op, (self.unaer(),))
        return self.postfix()

    def argumente(self) -> tuple[_Knoten, ...]:
        self.nimm("(")
        args: list[_Knoten] = []
        if not self.ist(")"):
            args.append(self.ausdruck_())
            while self.ist(","):
                self.nimm(",")
                args.append(self.ausdruck_())
        self.nimm(")")
        return tuple(args)

    def postfix(self) -> _Knoten:
        knoten = self.primaer()
        while True:
            if self.ist("."):
                self.nimm(".")
                art, name = self.nimm()
                if art != "name":
                    raise self.fehler("Name nach „.“ erwartet")
                if self.ist("("):
                    knoten = _Knoten("aufruf", name, (knoten, *self.argumente()))
                else:
                    knoten = _Knoten("feld", name, (knoten,))
            elif self.ist("["):
                self.nimm("[")
                index = self.ausdruck_()
                self.nimm("]")
                knoten = _Knoten("index", kinder=(knoten, index))
            else:
                return knoten

    def primaer(self) -> _Knoten:
        art, text = self.nimm()
        if art == "zahl":
            return _Knoten("zahl", text)
        if art == "text":
            return _Knoten("text", text)
        if art == "name":
            if text == "new":
                art2, klasse = self.nimm()
                if art2 != "name":
                    raise self.fehler("Klassenname nach „new“ erwartet")
                return _Knoten("neu", klasse, self.argumente())
            if self.ist("("):
                raise self.fehler(f"Funktionsaufruf „{text}(…)“ ohne Objekt ist unbekannt")
            return _Knoten("name", text)
        if art == "op" and text == "(":
            innen = self.ausdruck_()
            self.nimm(")")
            return innen
        raise self.fehler(f"unerwartetes „{text}“")


# --------------------------------------------------------------------------------------------------------
# Translating to Python source
# --------------------------------------------------------------------------------------------------------

_BEKANNTE_TYPEN = ("int", "long", "double", "BigDecimal", "BigDecimal[]", "int[]")
_VARIABLEN_ATTRIBUTE = {"name", "type", "default", "regex_test", "regex_transform"}
# Known misspellings in official XMLs. The BMF's Java generator ignores them; the field keeps Java's default,
# which for the affected int field (2026: VJAHR defaul="0") is the intended value anyway.
_IGNORIERTE_ATTRIBUTE = {"defaul"}


@dataclass
class _Variable:
    name: str
    typ: str
    art: str  # eingabe | ausgabe | intern | konstante
    vorgabe: str | None


class _Uebersetzer:
    def __init__(self, jahr: int, wurzel: ET.Element) -> None:
        self.jahr = jahr
        self.wurzel = wurzel
        self.variablen: dict[str, _Variable] = {}
        self.konstanten: dict[str, str] = {}  # python code -> name
        self.konstanten_reihe: list[tuple[str, str]] = []
        self.methoden: dict[str, ET.Element] = {}
        self.ort = ""

    # --- helpers -------------------------------------------------------------------------------------
    def fehler(self, was: str) -> PapUebersetzungsFehler:
        ort = f" ({self.ort})" if self.ort else ""
        return PapUebersetzungsFehler(f"PAP {self.jahr}{ort}: {was}")

    def konstante(self, code: str) -> str:
        if code not in self.konstanten:
            name = f"_k{len(self.konstanten)}"
            self.konstanten[code] = name
            self.konstanten_reihe.append((name, code))
        return self.konstanten[code]

    def dezimal_konstante(self, wert: Decimal) -> str:
        return self.konstante(f"_D({str(wert)!r})")

    # --- declarations --------------------------------------------------------------------------------
    def lies_deklarationen(self) -> None:
        erlaubte_kinder = {"VARIABLES", "CONSTANTS", "METHODS"}
        for kind in self.wurzel:
            if kind.tag not in erlaubte_kinder:
                raise self.fehler(f"unbekanntes Element <{kind.tag}> unter <PAP>")
        variablen = self.wurzel.find("VARIABLES")
        if variablen is None:
            raise self.fehler("<VARIABLES> fehlt")
        gruppen = {
            "INPUTS": ("INPUT", "eingabe"),
            "OUTPUTS": ("OUTPUT", "ausgabe"),
            "INTERNALS": ("INTERNAL", "intern"),
        }
        for gruppe in variablen:
            if gruppe.tag not in gruppen:
                raise self.fehler(f"unbekanntes Element <{gruppe.tag}> unter <VARIABLES>")
            elementname, art = gruppen[gruppe.tag]
            for el in gruppe:
                if el.tag != elementname:
                    raise self.fehler(f"unbekanntes Element <{el.tag}> in <{gruppe.tag}>")
                self.deklariere(el, art)
        konstanten = self.wurzel.find("CONSTANTS")
        for el in konstanten if konstanten is not None else ():
            if el.tag != "CONSTANT":
                raise self.fehler(f"unbekanntes Element <{el.tag}> in <CONSTANTS>")
            unbekannt = set(el.attrib) - {"name", "type", "value"}
            if unbekannt:
                raise self.fehler(f"unbekannte Attribute {sorted(unbekannt)} an <CONSTANT>")
            self.neue_variable(el.attrib["name"], el.attrib["type"], "konstante", el.attrib["value"])
        methoden = self.wurzel.find("METHODS")
        if methoden is None:
            raise self.fehler("<METHODS> fehlt")
        for el in methoden:
            if el.tag == "MAIN":
                name = "MAIN"
            elif el.tag == "METHOD":
                name = el.attrib.get("name", "")
            else:
                raise self.fehler(f"unbekanntes Element <{el.tag}> in <METHODS>")
            if name in self.methoden:
                raise self.fehler(f"Methode {name} doppelt definiert")
            self.methoden[name] = el
        if "MAIN" not in self.methoden:
            raise self.fehler("<MAIN> fehlt")

    def deklariere(self, el: ET.Element, art: str) -> None:
        unbekannt = set(el.attrib) - _VARIABLEN_ATTRIBUTE - _IGNORIERTE_ATTRIBUTE
        if unbekannt:
            raise self.fehler(f"unbekannte Attribute {sorted(unbekannt)} an <{el.tag} name={el.attrib.get('name')}>")
        self.neue_variable(el.attrib["name"], el.attrib["type"], art, el.attrib.get("default"))

    def neue_variable(self, name: str, typ: str, art: str, vorgabe: str | None) -> None:
        if typ not in _BEKANNTE_TYPEN:
            raise self.fehler(f"unbekannter Typ „{typ}“ für {name}")
        if name in self.variablen:
            raise self.fehler(f"{name} ist doppelt deklariert")
        if art == "eingabe" and any(v.name.upper() == name.upper() for v in self.eingaben()):
            raise self.fehler(f"Eingaben {name} unterscheiden sich nur in Groß-/Kleinschreibung")
        self.variablen[name] = _Variable(name, typ, art, vorgabe)

    def eingaben(self) -> list[_Variable]:
        return [v for v in self.variablen.values() if v.art == "eingabe"]

    def ausgaben(self) -> list[_Variable]:
        return [v for v in self.variablen.values() if v.art == "ausgabe"]

    # --- expressions ---------------------------------------------------------------------------------
    def ausdruck(self, knoten: _Knoten) -> tuple[str, str]:
        """Python code and Java type of an expression."""
        art = knoten.art
        if art == "zahl":
            return self.zahl(knoten.wert)
        if art == "text":
            raise self.fehler(f"Zeichenkette {knoten.wert} außerhalb von new BigDecimal(…)")
        if art == "name":
            return self.name(knoten.wert)
        if art == "feld":
            return self.feld(knoten)
        if art == "aufruf":
            return self.aufruf(knoten)
        if art == "index":
            feld_code, feld_typ = self.ausdruck(knoten.kinder[0])
            index_code, index_typ = self.ausdruck(knoten.kinder[1])
            if not feld_typ.endswith("[]") or index_typ not in ("int", "long"):
                raise self.fehler(f"Index {index_typ} auf {feld_typ}")
            return f"_index({feld_code}, {index_code})", feld_typ[:-2]
        if art == "neu":
            return self.neu(knoten)
        if art == "unaer":
            return self.unaer(knoten)
        if art == "binaer":
            return self.binaer(knoten)
        raise self.fehler(f"Ausdruck der Art {art} an dieser Stelle unbekannt")

    def zahl(self, text: str) -> tuple[str, str]:
        rein = text.rstrip("lLdDfF")
        endung = text[len(rein) :].lower()
        if endung == "f":
            raise self.fehler(f"float-Literal {text} (Java float) ist nicht exakt nachgebildet")
        if endung == "d" or any(c in rein for c in ".eE"):
            return rein, "double-literal"
        if len(rein) > 1 and rein.startswith("0"):
            raise self.fehler(f"Literal {text}: in Java oktal, nicht nachgebildet")
        wert = int(rein)
        if endung == "l":
            return str(_java_int(wert, "long")), "long"
        if wert > _INT_MAX:
            raise self.fehler(f"int-Literal {text} zu groß")
        return str(wert), "int"

    def name(self, name: str) -> tuple[str, str]:
        if name in ("BigDecimal", "RoundingMode"):
            return name, f"klasse:{name}"
        if name in ("true", "false"):
            return ("True" if name == "true" else "False"), "boolean"
        variable = self.variablen.get(name)
        if variable is None:
            raise self.fehler(f"unbekannter Name „{name}“")
        return self.python_name(variable), variable.typ

    @staticmethod
    def python_name(variable: _Variable) -> str:
        return ("k_" if variable.art == "konstante" else "v_") + variable.name

    def feld(self, knoten: _Knoten) -> tuple[str, str]:
        _, typ = self.ausdruck(knoten.kinder[0])
        name = knoten.wert
        if typ == "klasse:BigDecimal":
            if name in ("ZERO", "ONE", "TEN"):
                wert = {"ZERO": 0, "ONE": 1, "TEN": 10}[name]
                return self.dezimal_konstante(Decimal(wert)), "BigDecimal"
            if name in _RUNDUNGSARTEN:
                return repr(_RUNDUNGSARTEN[name]), "rundung"
        if typ == "klasse:RoundingMode" and name in _ROUNDINGMODE:
            return repr(_ROUNDINGMODE[name]), "rundung"
        raise self.fehler(f"Feld „{name}“ von {typ} ist unbekannt")

    def neu(self, knoten: _Knoten) -> tuple[str, str]:
        if knoten.wert != "BigDecimal" or len(knoten.kinder) != 1:
            raise self.fehler(f"new {knoten.wert}({len(knoten.kinder)} Argumente) ist unbekannt")
        arg = knoten.kinder[0]
        if arg.art == "text":
            text = arg.wert[1:-1]
            return self.dezimal_konstante(Decimal(text)), "BigDecimal"
        code, typ = self.ausdruck(arg)
        if typ in ("int", "long"):
            literal = _int_literal(arg)
            if literal is not None:
                return self.dezimal_konstante(Decimal(literal)), "BigDecimal"
            return f"_D({code})", "BigDecimal"
        # new BigDecimal(double) takes the exact binary value, not the decimal text: not reproduced here.
        raise self.fehler(f"new BigDecimal({typ}) ist nicht exakt nachgebildet")

    def value_of(self, args: tuple[_Knoten, ...]) -> tuple[str, str]:
        if len(args) == 2:
            unskaliert, typ1 = self.ausdruck(args[0])
            skala, typ2 = self.ausdruck(args[1])
            if typ1 not in ("int", "long") or typ2 not in ("int", "long"):
                raise self.fehler("BigDecimal.valueOf(long, int) mit falschen Typen")
            return f"_D({unskaliert}).scaleb(-({skala}), _GENAU)", "BigDecimal"
        if len(args) != 1:
            raise self.fehler("BigDecimal.valueOf mit falscher Zahl von Argumenten")
        arg = args[0]
        negativ = False
        if arg.art == "unaer" and arg.wert == "-" and arg.kinder[0].art == "zahl":
            negativ, arg = True, arg.kinder[0]
        code, typ = self.ausdruck(arg)
        if typ == "double-literal":
            try:
                wert = java_double_als_bigdecimal(Decimal(code))
            except ValueError as fehler:
                raise self.fehler(str(fehler)) from None
            return self.dezimal_konstante(-wert if negativ else wert), "BigDecimal"
        if typ in ("int", "long"):
            if arg.art == "zahl":
                wert_int = -int(code) if negativ else int(code)
                return self.dezimal_konstante(Decimal(wert_int)), "BigDecimal"
            return f"_D({code})", "BigDecimal"
        if typ == "double" and not negativ:
            # double variables are stored as the BigDecimal that valueOf(double) yields
            return code, "BigDecimal"
        raise self.fehler(f"BigDecimal.valueOf({typ}) ist unbekannt")

    def aufruf(self, knoten: _Knoten) -> tuple[str, str]:
        name = knoten.wert
        objekt, *args = knoten.kinder
        obj_code, obj_typ = self.ausdruck(objekt)
        if obj_typ == "klasse:BigDecimal":
            if name == "valueOf":
                return self.value_of(tuple(args))
            raise self.fehler(f"BigDecimal.{name}(…) ist unbekannt")
        if obj_typ != "BigDecimal":
            raise self.fehler(f"Methode {name}(…) auf Typ {obj_typ} ist unbekannt")
        codes = [self.ausdruck(a) for a in args]
        typen = [t for _, t in codes]

        def bigdecimal_arg(n: int = 1) -> list[str]:
            if len(codes) != n or typen[0] != "BigDecimal":
                raise self.fehler(f"{name}(…) erwartet ein BigDecimal-Argument, erhielt {typen}")
            return [c for c, _ in codes]

        if name in ("add", "subtract", "multiply"):
            (b,) = bigdecimal_arg()
            op = {"add": "+", "subtract": "-", "multiply": "*"}[name]
            return f"({obj_code} {op} {b})", "BigDecimal"
        if name == "divide":
            if len(codes) == 1:
                (b,) = bigdecimal_arg()
                return f"({obj_code} / {b})", "BigDecimal"  # exact; _GENAU traps a non-terminating quotient
            if len(codes) == 3 and typen[0] == "BigDecimal" and typen[1] in ("int", "long") and typen[2] == "rundung":
                return self.runde(f"_VORTEILEN.divide({obj_code}, {codes[0][0]})", args[1], codes[2][0]), "BigDecimal"
            if len(codes) == 2 and typen[0] == "BigDecimal" and typen[1] == "rundung":
                # scale of the result = scale of the dividend
                modus = codes[1][0]
                return (
                    f"_VORTEILEN.divide({obj_code}, {codes[0][0]}).quantize({obj_code}, {self.modus(modus)})",
                    "BigDecimal",
                )
            raise self.fehler(f"divide mit Argumenten {typen} ist unbekannt")
        if name == "setScale":
            if len(codes) == 1 and typen[0] in ("int", "long"):
                return self.runde(obj_code, args[0], "None"), "BigDecimal"
            if len(codes) == 2 and typen[0] in ("int", "long") and typen[1] == "rundung":
                return self.runde(obj_code, args[0], codes[1][0]), "BigDecimal"
            raise self.fehler(f"setScale mit Argumenten {typen} ist unbekannt")
        if name == "compareTo":
            (b,) = bigdecimal_arg()
            return f"_cmp({obj_code}, {b})", "int"
        if name in ("longValue", "intValue"):
            if codes:
                raise self.fehler(f"{name}() ohne Argumente erwartet")
            # Java truncates toward zero like int(); an overflow would wrap in Java, so refuse it
            typ = "long" if name == "longValue" else "int"
            return f"_java_int(int({obj_code}), {typ!r})", typ
        if name == "negate" and not codes:
            return f"(-{obj_code})", "BigDecimal"
        if name == "abs" and not codes:
            return f"abs({obj_code})", "BigDecimal"
        if name == "signum" and not codes:
            return f"_cmp({obj_code}, {self.dezimal_konstante(Decimal(0))})", "int"
        if name in ("max", "min"):
            (b,) = bigdecimal_arg()
            op = ">=" if name == "max" else "<="
            return f"(lambda a, b: a if a {op} b else b)({obj_code}, {b})", "BigDecimal"
        raise self.fehler(f"BigDecimal.{name}(…) ist unbekannt")

    @staticmethod
    def modus(rundung: str) -> str:
        # None = ROUND_UNNECESSARY: the exact context raises when digits would be lost
        return "None, _GENAU" if rundung == "None" else f"{rundung}, _RUNDEN"

    def runde(self, code: str, skala_knoten: _Knoten, rundung: str) -> str:
        skala_code, _ = self.ausdruck(skala_knoten)
        skala = _int_literal(skala_knoten)
        if skala is not None:
            exponent = self.konstante(f"_skala({skala})")
        else:
            exponent = f"_skala({skala_code})"
        return f"{code}.quantize({exponent}, {self.modus(rundung)})"

    def unaer(self, knoten: _Knoten) -> tuple[str, str]:
        code, typ = self.ausdruck(knoten.kinder[0])
        if knoten.wert == "!":
            if typ != "boolean":
                raise self.fehler(f"! auf {typ}")
            return f"(not {code})", "boolean"
        if typ in ("int", "long"):
            return f"({knoten.wert}{code})", typ
        if typ == "double-literal":
            return f"{knoten.wert}{code}", typ
        raise self.fehler(f"unäres {knoten.wert} auf {typ}")

    def binaer(self, knoten: _Knoten) -> tuple[str, str]:
        op = knoten.wert
        links, rechts = knoten.kinder
        if op in ("&&", "||"):
            lc, lt = self.ausdruck(links)
            rc, rt = self.ausdruck(rechts)
            if lt != "boolean" or rt != "boolean":
                raise self.fehler(f"{op} auf {lt}, {rt}")
            return f"({lc} {'and' if op == '&&' else 'or'} {rc})", "boolean"
        if op in ("==", "!=", "<", ">", "<=", ">="):
            gefaltet = self.vergleich_falten(op, links, rechts)
            if gefaltet is not None:
                return gefaltet, "boolean"
            lc, lt = self.ausdruck(links)
            rc, rt = self.ausdruck(rechts)
            if lt in ("int", "long") and rt in ("int", "long"):
                return f"({lc} {op} {rc})", "boolean"
            if lt == "boolean" and rt == "boolean" and op in ("==", "!="):
                return f"({lc} {op} {rc})", "boolean"
            # BigDecimal == BigDecimal compares references in Java; a PAP would never mean that
            raise self.fehler(f"Vergleich {op} zwischen {lt} und {rt} ist unbekannt")
        lc, lt = self.ausdruck(links)
        rc, rt = self.ausdruck(rechts)
        if lt in ("int", "long") and rt in ("int", "long"):
            typ = "long" if "long" in (lt, rt) else "int"
            if op in ("+", "-", "*"):
                return f"_java_int({lc} {op} {rc}, {typ!r})", typ
            if op == "/":
                return f"_idiv({lc}, {rc})", typ
            if op == "%":
                return f"_irem({lc}, {rc})", typ
        raise self.fehler(
            f"Operator {op} zwischen {lt} und {rt} ist unbekannt (double-Arithmetik wird nicht nachgebildet)"
        )

    def vergleich_falten(self, op: str, links: _Knoten, rechts: _Knoten) -> str | None:
        """`a.compareTo(b) OP k` with a literal k in {-1, 0, 1} becomes a direct comparison of a and b."""

        def ist_compare(k: _Knoten) -> bool:
            return k.art == "aufruf" and k.wert == "compareTo"

        gespiegelt = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
        rechts_zahl, links_zahl = _int_literal(rechts), _int_literal(links)
        if ist_compare(links) and rechts_zahl is not None:
            aufruf, k = links, rechts_zahl
        elif ist_compare(rechts) and links_zahl is not None:
            aufruf, k, op = rechts, links_zahl, gespiegelt[op]
        else:
            return None
        a_code, a_typ = self.ausdruck(aufruf.kinder[0])
        if a_typ != "BigDecimal" or len(aufruf.kinder) != 2:
            return None
        b_code, b_typ = self.ausdruck(aufruf.kinder[1])
        if b_typ != "BigDecimal":
            raise self.fehler(f"compareTo mit {b_typ}")
        erfuellt = frozenset(c for c in (-1, 0, 1) if _VERGLEICHE[op](c, k))
        vergleich = {
            frozenset(): "False",
            frozenset({-1}): "<",
            frozenset({0}): "==",
            frozenset({1}): ">",
            frozenset({-1, 0}): "<=",
            frozenset({0, 1}): ">=",
            frozenset({-1, 1}): "!=",
            frozenset({-1, 0, 1}): "True",
        }[erfuellt]
        if vergleich in ("True", "False"):
            return vergleich
        return f"({a_code} {vergleich} {b_code})"

    def zuweisbar(self, ziel: _Variable, code: str, typ: str) -> str:
        if ziel.typ == typ:
            return code
        if ziel.typ == "long" and typ == "int":
            return code
        if ziel.typ == "double" and typ in ("double-literal", "int", "long"):
            if typ == "double-literal" or code.lstrip("-").isdigit():
                try:
                    return self.dezimal_konstante(java_double_als_bigdecimal(Decimal(code)))
                except ValueError as fehler:
                    raise self.fehler(str(fehler)) from None
            return f"_java_double({code})"
        if ziel.typ.endswith("[]") and typ == "feldliste":
            return code
        raise self.fehler(f"{ziel.name} ({ziel.typ}) kann kein {typ} zugewiesen werden")

    # --- values of declarations ----------------------------------------------------------------------
    def vorgabe_code(self, variable: _Variable) -> str:
        text = variable.vorgabe
        if text is None or not text.strip():
            if variable.typ in ("int", "long"):
                return "0"
            if variable.typ == "double":
                return self.dezimal_konstante(java_double_als_bigdecimal(0))
            # Java leaves such a field null. The 2025 XML declares several BigDecimal inputs without a default
            # that the 2026 XML declares as BigDecimal.ZERO; the BMF comments say "(ggf. 0)".
            return self.dezimal_konstante(Decimal(0))
        self.ort = f"Vorgabe von {variable.name}"
        knoten = _Parser(text).ganzer_ausdruck()
        if variable.typ.endswith("[]"):
            if knoten.art != "feldliste":
                raise self.fehler("Feldkonstante erwartet „{…}“")
            elemente = []
            for kind in knoten.kinder:
                code, typ = self.ausdruck(kind)
                if typ != variable.typ[:-2]:
                    raise self.fehler(f"Element vom Typ {typ} in {variable.typ}")
                elemente.append(code)
            return "(" + ", ".join(elemente) + ",)"
        code, typ = self.ausdruck(knoten)
        return self.zuweisbar(variable, code, typ)

    # --- statements ----------------------------------------------------------------------------------
    def anweisungen(self, element: ET.Element, einzug: str, zuweisungen: set[str]) -> list[str]:
        zeilen: list[str] = []
        for el in element:
            if el.tag == "EVAL":
                exec_text = el.attrib.get("exec")
                if exec_text is None or set(el.attrib) != {"exec"}:
                    raise self.fehler(f"<EVAL> mit Attributen {sorted(el.attrib)}")
                name, wert = _Parser(exec_text).zuweisung()
                ziel = self.variablen.get(name)
                if ziel is None:
                    raise self.fehler(f"Zuweisung an unbekannte Variable „{name}“ in „{exec_text}“")
                if ziel.art == "konstante":
                    raise self.fehler(f"Zuweisung an die Konstante {name}")
                code, typ = self.ausdruck(wert)
                code = self.zuweisbar(ziel, code, typ)
                zuweisungen.add(self.python_name(ziel))
                zeilen.append(f"{einzug}{self.python_name(ziel)} = {code}  # {' '.join(exec_text.split())}")
            elif el.tag == "EXECUTE":
                methode = el.attrib.get("method")
                if methode not in self.methoden or methode == "MAIN" or set(el.attrib) != {"method"}:
                    raise self.fehler(f"<EXECUTE> einer unbekannten Methode „{methode}“")
                zeilen.append(f"{einzug}m_{methode}()")
            elif el.tag == "IF":
                bedingung = el.attrib.get("expr")
                if bedingung is None or set(el.attrib) != {"expr"}:
                    raise self.fehler(f"<IF> mit Attributen {sorted(el.attrib)}")
                code, typ = self.ausdruck(_Parser(bedingung).ganzer_ausdruck())
                if typ != "boolean":
                    raise self.fehler(f"Bedingung „{bedingung}“ ist kein boolean")
                zweige = list(el)
                if [z.tag for z in zweige] not in (["THEN"], ["THEN", "ELSE"]) or any(z.attrib for z in zweige):
                    raise self.fehler(f"<IF expr=„{bedingung}“> braucht <THEN> und optional <ELSE>")
                zeilen.append(f"{einzug}if {code}:  # {' '.join(bedingung.split())}")
                dann = self.anweisungen(zweige[0], einzug + "    ", zuweisungen)
                zeilen.extend(dann or [f"{einzug}    pass"])
                if len(zweige) == 2:
                    sonst = self.anweisungen(zweige[1], einzug + "    ", zuweisungen)
                    if sonst:
                        zeilen.append(f"{einzug}else:")
                        zeilen.extend(sonst)
            else:
                raise self.fehler(f"unbekannte Anweisung <{el.tag}>")
        return zeilen

    # --- whole program -------------------------------------------------------------------------------
    def python_quelltext(self) -> str:
        self.lies_deklarationen()
        eingaben = self.eingaben()
        ausgaben = self.ausgaben()
        konstanten = [v for v in self.variablen.values() if v.art == "konstante"]
        veraenderliche = [v for v in self.variablen.values() if v.art != "konstante"]
        for v in veraenderliche:
            if not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", v.name):
                raise self.fehler(f"Variablenname „{v.name}“")

        konstanten_zeilen = [f"    {self.python_name(k)} = {self.vorgabe_code(k)}" for k in konstanten]
        self.ort = ""
        intern_zeilen = [
            f"        {self.python_name(v)} = {self.vorgabe_code(v)}" for v in veraenderliche if v.art != "eingabe"
        ]
        self.ort = ""

        methoden_zeilen: list[str] = []
        for name, element in self.methoden.items():
            if name == "MAIN":
                continue
            if element.attrib.keys() - {"name"}:
                raise self.fehler(f"Methode {name} mit unbekannten Attributen")
            self.ort = f"Methode {name}"
            zuweisungen: set[str] = set()
            rumpf = self.anweisungen(element, "            ", zuweisungen)
            methoden_zeilen.append(f"        def m_{name}() -> None:")
            if zuweisungen:
                methoden_zeilen.append(f"            nonlocal {', '.join(sorted(zuweisungen))}")
            methoden_zeilen.extend(rumpf or ["            pass"])
            methoden_zeilen.append("")
        self.ort = "MAIN"
        haupt = self.methoden["MAIN"]
        if haupt.attrib:
            raise self.fehler("<MAIN> mit Attributen")
        haupt_zeilen = self.anweisungen(haupt, "        ", set())
        self.ort = ""

        eingabe_namen = ", ".join(self.python_name(v) for v in eingaben)
        vorgaben = [self.vorgabe_code(v) for v in eingaben]
        self.ort = ""
        zeilen = [
            f"# Aus resources/pap/{self.jahr}/pap.xml übersetzt; nicht von Hand bearbeiten.",
            "def _fabrik():",
            # literals and rounding scales, collected while translating
            *[f"    {name} = {code}" for name, code in self.konstanten_reihe],
            *konstanten_zeilen,
            f"    vorgaben = ({''.join(c + ', ' for c in vorgaben)})",
            "",
            "    def berechne(_eingaben):",
            f"        ({eingabe_namen},) = _eingaben",
            *intern_zeilen,
            "",
            *methoden_zeilen,
            "        # MAIN",
            *haupt_zeilen,
            f"        return ({', '.join(self.python_name(v) for v in ausgaben)},)",
            "",
            "    return berechne, vorgaben",
        ]
        return "\n".join(zeilen) + "\n"


# --------------------------------------------------------------------------------------------------------
# Plans per year
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PapPlan:
    jahr: int
    quelltext: str
    funktion: Callable[[list[object]], tuple[Decimal, ...]]
    eingaben: dict[str, tuple[int, str, str]]  # NAME (upper) -> (index, type, BMF name)
    vorgaben: tuple[object, ...]
    ausgaben: tuple[str, ...]


def _verzeichnis() -> Path:
    return ressource("pap")


def nutzer_verzeichnis() -> Path:
    """Where an imported PAP lives: <user data>/pap/<jahr>/pap.xml (survives program updates)."""
    return nutzerdaten("pap")


MITGELIEFERT = "mitgeliefert"
EINGESPIELT = "eingespielt"
FEHLT = "fehlt"


def pap_datei(jahr: int) -> Path | None:
    """The pap.xml used for `jahr`: the one shipped with the program wins over one the user imported."""
    mitgeliefert = _mitgeliefert(jahr, _verzeichnis())
    if mitgeliefert is not None:
        return mitgeliefert
    datei = nutzer_verzeichnis() / str(jahr) / "pap.xml"
    return datei if datei.is_file() else None


@lru_cache(maxsize=64)
def _mitgeliefert(jahr: int, ordner: Path) -> Path | None:
    # asked at every Lohnsteuer calculation: the program's own files do not change while it runs, so the file
    # system is asked once per year (the user's folder, where a PAP may be imported meanwhile, every time)
    datei = ordner / str(jahr) / "pap.xml"
    return datei if datei.is_file() else None


def herkunft(jahr: int) -> str:
    """CONTRACTS §11 "pap": mitgeliefert, eingespielt or fehlt."""
    datei = pap_datei(jahr)
    if datei is None:
        return FEHLT
    return MITGELIEFERT if datei.is_relative_to(_verzeichnis()) else EINGESPIELT


def unterstuetzte_jahre() -> tuple[int, ...]:
    """Years with a resources/pap/<jahr>/pap.xml or an imported one."""
    jahre = {int(p.parent.name) for p in _verzeichnis().glob("[0-9][0-9][0-9][0-9]/pap.xml")}
    eigene = nutzer_verzeichnis()
    if eigene.is_dir():
        jahre |= {int(p.parent.name) for p in eigene.glob("[0-9][0-9][0-9][0-9]/pap.xml")}
    return tuple(sorted(jahre))


_SPERRE = threading.Lock()
_PLAENE: dict[Path, PapPlan] = {}


def _plan(datei: Path, jahr: int) -> PapPlan:
    """The translated plan of one pap.xml, made at first use and kept (translation is the expensive part)."""
    plan = _PLAENE.get(datei)
    if plan is None:
        with _SPERRE:
            plan = _PLAENE.get(datei)
            if plan is None:
                plan = plan_aus_xml(jahr, datei.read_bytes())
                _PLAENE[datei] = plan
    return plan


def vergiss_plan(jahr: int) -> None:
    """After importing a PAP for `jahr`: translate the file again at next use."""
    with _SPERRE:
        for datei in [d for d, p in _PLAENE.items() if p.jahr == jahr]:
            del _PLAENE[datei]


def plan_aus_xml(jahr: int, xml: bytes | str) -> PapPlan:
    """Translate one pap.xml into a runnable plan; raises PapUebersetzungsFehler on anything unknown."""
    try:
        wurzel = ET.fromstring(xml)
    except ET.ParseError as fehler:
        raise PapUebersetzungsFehler(f"PAP {jahr}: pap.xml ist kein gültiges XML ({fehler})") from None
    if wurzel.tag != "PAP":
        raise PapUebersetzungsFehler(f"PAP {jahr}: Wurzelelement <{wurzel.tag}> statt <PAP>")
    uebersetzer = _Uebersetzer(jahr, wurzel)
    quelle = uebersetzer.python_quelltext()
    dateiname = f"<PAP {jahr}>"
    linecache.cache[dateiname] = (len(quelle), None, quelle.splitlines(keepends=True), dateiname)
    namensraum: dict[str, Any] = dict(_LAUFZEIT)
    exec(compile(quelle, dateiname, "exec"), namensraum)  # our own translation of the BMF XML, nothing foreign
    funktion, vorgaben = namensraum["_fabrik"]()
    eingaben = uebersetzer.eingaben()
    return PapPlan(
        jahr=jahr,
        quelltext=quelle,
        funktion=funktion,
        eingaben={v.name.upper(): (i, v.typ, v.name) for i, v in enumerate(eingaben)},
        vorgaben=tuple(vorgaben),
        ausgaben=tuple(v.name for v in uebersetzer.ausgaben()),
    )


def _plan_fuer(jahr: int) -> PapPlan:
    datei = pap_datei(jahr) if isinstance(jahr, int) and not isinstance(jahr, bool) else None
    if datei is None:
        jahre = ", ".join(str(j) for j in unterstuetzte_jahre())
        raise FehlenderPap(
            f"Für das Jahr {jahr} liegt kein Programmablaufplan vor. Unterstützt werden: {jahre}. Den PAP des BMF "
            "spielen Sie unter Einstellungen → Rechengrößen ein (oder: assistenzbuero rechengroessen pap-einspielen)."
        )
    return _plan(datei, jahr)


def _umwandeln(name: str, typ: str, wert: object) -> object:
    if isinstance(wert, bool) or isinstance(wert, float) or not isinstance(wert, int | Decimal):
        raise TypeError(f"PAP-Eingabe {name}: int oder Decimal erwartet, nicht {type(wert).__name__}")
    if isinstance(wert, Decimal) and not wert.is_finite():
        raise ValueError(f"PAP-Eingabe {name}: {wert} ist keine endliche Zahl")
    if typ in ("int", "long"):
        if isinstance(wert, Decimal):
            if wert != wert.to_integral_value():
                raise ValueError(f"PAP-Eingabe {name} ist ganzzahlig ({typ}), erhielt {wert}")
            wert = int(wert)
        try:
            return _java_int(wert, typ)
        except ValueError as fehler:
            raise ValueError(f"PAP-Eingabe {name}: {fehler}") from None
    if typ == "double":
        try:
            return java_double_als_bigdecimal(wert)
        except ValueError as fehler:
            raise ValueError(f"PAP-Eingabe {name}: {fehler}") from None
    return Decimal(wert) if isinstance(wert, int) else wert


def berechne_pap(jahr: int, eingaben: Mapping[str, int | Decimal]) -> dict[str, Decimal]:
    """Run the BMF Programmablaufplan of `jahr` (CONTRACTS §2).

    `eingaben` uses the BMF input names (any case) and units (cents, percent); missing inputs take the
    PAP's defaults. Returns every PAP output by its BMF name (cents) as Decimal.
    """
    return fuehre_aus(_plan_fuer(jahr), eingaben)


def fuehre_aus(plan: PapPlan, eingaben: Mapping[str, int | Decimal]) -> dict[str, Decimal]:
    """Run a translated plan (see `plan_aus_xml`) with the given inputs."""
    werte = list(plan.vorgaben)
    for name, wert in eingaben.items():
        eintrag = plan.eingaben.get(name.upper()) if isinstance(name, str) else None
        if eintrag is None:
            bekannte = ", ".join(n for _, _, n in plan.eingaben.values())
            raise ValueError(f"Unbekannte PAP-Eingabe „{name}“ für {plan.jahr}. Bekannt sind: {bekannte}.")
        index, typ, bmf_name = eintrag
        werte[index] = _umwandeln(bmf_name, typ, wert)
    try:
        with localcontext(_GENAU):
            ergebnis = plan.funktion(werte)
    except (DecimalException, IndexError, TypeError) as fehler:
        raise PapRechenFehler(
            f"PAP {plan.jahr}: die Berechnung bricht ab, wo auch das Java-Original eine Ausnahme wirft "
            f"({type(fehler).__name__}: {fehler})"
        ) from fehler
    # Java has no negative zero; Decimal can produce -0 from e.g. rounding -0.4 toward zero
    return {n: (w.copy_abs() if w.is_zero() else w) for n, w in zip(plan.ausgaben, ergebnis, strict=True)}


def eingaben(jahr: int) -> dict[str, tuple[str, object]]:
    """The PAP inputs of `jahr`: BMF name -> (Java type, default value)."""
    plan = _plan_fuer(jahr)
    return {name: (typ, plan.vorgaben[i]) for i, typ, name in plan.eingaben.values()}


def ausgaben(jahr: int) -> tuple[str, ...]:
    """The PAP output names of `jahr`, in XML order."""
    return _plan_fuer(jahr).ausgaben


def quelltext(jahr: int) -> str:
    """The Python source the translator made from pap.xml (for reading and debugging)."""
    return _plan_fuer(jahr).quelltext
