"""Lohnsteuer-PAP against every official BMF test row (tests/data/pap/<jahr>/) and the CONTRACTS §2 interface."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from core.regeln.lohnsteuer import (
    PapRechenFehler,
    PapUebersetzungsFehler,
    ausgaben,
    berechne_pap,
    eingaben,
    fuehre_aus,
    java_double_als_bigdecimal,
    plan_aus_xml,
    quelltext,
    unterstuetzte_jahre,
)

DATEN = Path(__file__).resolve().parents[2] / "data" / "pap"
JAHRE = sorted(int(p.name) for p in DATEN.iterdir() if p.is_dir())
TABELLEN = ("maschinell", "allgemein", "besonders")


@dataclass(frozen=True)
class Fall:
    jahr: int
    tabelle: str
    nummer: str
    eingaben: dict[str, int | Decimal]
    erwartet: dict[str, Decimal]

    @property
    def kennung(self) -> str:
        return f"{self.jahr}-{self.tabelle}-{self.nummer}"


def _zahl(text: str) -> int | Decimal:
    # BMF tables: amounts in cents, rates/factors with a decimal comma
    return Decimal(text.replace(",", ".")) if "," in text else int(text)


@cache
def faelle(jahr: int, tabelle: str) -> tuple[Fall, ...]:
    """Rows of test-<tabelle>.csv: lfd. Nr., the inputs, then (maschinell: after empty columns) the outputs.

    The check tables (allgemein, besonders) end in a single LSTLZZ column; the machine table separates inputs
    and outputs by one or more empty header columns.
    """
    pfad = DATEN / str(jahr) / f"test-{tabelle}.csv"
    with pfad.open(encoding="utf-8-sig", newline="") as datei:
        zeilen = [z for z in csv.reader(datei, delimiter=";") if z]
    kopf = zeilen[0]
    if "" in kopf:
        trenner = kopf.index("")
        eingabe_spalten = list(enumerate(kopf))[1:trenner]
        ausgabe_spalten = [(i, n) for i, n in enumerate(kopf) if i > trenner and n]
    else:
        eingabe_spalten = list(enumerate(kopf))[1:-1]
        ausgabe_spalten = [(len(kopf) - 1, kopf[-1])]
    ergebnis = []
    for zeile in zeilen[1:]:
        assert len(zeile) == len(kopf), f"{pfad}: Zeile {zeile[0]} hat {len(zeile)} statt {len(kopf)} Spalten"
        ergebnis.append(
            Fall(
                jahr=jahr,
                tabelle=tabelle,
                nummer=zeile[0],
                eingaben={name: _zahl(zeile[i]) for i, name in eingabe_spalten},
                erwartet={name: Decimal(zeile[i]) for i, name in ausgabe_spalten},
            )
        )
    return tuple(ergebnis)


def abweichungen(fall: Fall) -> dict[str, tuple[Decimal | None, Decimal]]:
    ergebnis = berechne_pap(fall.jahr, fall.eingaben)
    return {name: (ergebnis.get(name), soll) for name, soll in fall.erwartet.items() if ergebnis.get(name) != soll}


def _datenzeilen(jahr: int, tabelle: str) -> int:
    text = (DATEN / str(jahr) / f"test-{tabelle}.csv").read_text(encoding="utf-8-sig")
    return sum(1 for zeile in text.splitlines()[1:] if zeile.strip())


def test_jede_pap_jahr_hat_testdaten_und_umgekehrt() -> None:
    assert JAHRE == list(unterstuetzte_jahre())
    for jahr in JAHRE:
        for tabelle in TABELLEN:
            assert (DATEN / str(jahr) / f"test-{tabelle}.csv").is_file(), f"{jahr}: test-{tabelle}.csv fehlt"


@pytest.mark.parametrize(
    ("jahr", "tabelle"), [(j, t) for j in JAHRE for t in TABELLEN], ids=[f"{j}-{t}" for j in JAHRE for t in TABELLEN]
)
def test_alle_bmf_pruefzeilen_auf_den_cent(jahr: int, tabelle: str) -> None:
    """Every row of the BMF table, every output column it lists, exactly (BMF Lohnsteuer-Prüftabellen)."""
    alle = faelle(jahr, tabelle)
    assert len(alle) == _datenzeilen(jahr, tabelle)  # no row silently skipped
    if tabelle == "maschinell":
        assert len(alle) == 3000
        assert {"LSTLZZ", "SOLZLZZ", "BK", "STS", "SOLZS", "BKS"} <= alle[0].erwartet.keys()
        assert set(alle[0].erwartet) <= set(ausgaben(jahr))
    else:
        assert list(alle[0].erwartet) == ["LSTLZZ"]
    fehler = {fall.kennung: d for fall in alle if (d := abweichungen(fall))}
    assert not fehler, f"{len(fehler)} von {len(alle)} Zeilen weichen ab, z. B. {dict(list(fehler.items())[:5])}"


# A few rows one by one, so a failure reads like a case: chosen for the paths they take through the PAP
# (Versorgungsbezüge, sonstige Bezüge, Faktorverfahren, Steuerklasse V/VI, private KV, Sachsen, Kinder).
EINZELNE = [
    (2026, "maschinell", "1"),
    (2026, "maschinell", "4"),
    (2026, "maschinell", "17"),
    (2026, "allgemein", "1"),
    (2026, "besonders", "3"),
    (2025, "maschinell", "1"),
    (2025, "maschinell", "2"),
    (2025, "allgemein", "5"),
    (2025, "besonders", "2"),
]


def _einzelfall(jahr: int, tabelle: str, nummer: str) -> Fall:
    return next(f for f in faelle(jahr, tabelle) if f.nummer == nummer)


@pytest.mark.parametrize(("jahr", "tabelle", "nummer"), EINZELNE, ids=[f"{j}-{t}-{n}" for j, t, n in EINZELNE])
def test_einzelne_bmf_zeile(jahr: int, tabelle: str, nummer: str) -> None:
    assert abweichungen(_einzelfall(jahr, tabelle, nummer)) == {}


def test_besondere_pfade_sind_in_den_einzelfaellen_vertreten() -> None:
    gewaehlt = [_einzelfall(*e) for e in EINZELNE]
    assert any(f.eingaben.get("SONSTB", 0) != 0 for f in gewaehlt)
    assert any(f.eingaben.get("VBEZ", 0) != 0 for f in gewaehlt)
    assert any(f.eingaben["STKL"] in (5, 6) for f in gewaehlt)


# --- CONTRACTS §2 ---------------------------------------------------------------------------------------

MONAT_2026 = {"STKL": 1, "LZZ": 2, "RE4": 350000, "KVZ": Decimal("2.9"), "PVZ": 1, "R": 1, "ZKF": Decimal("0")}


def test_namen_ohne_ruecksicht_auf_gross_und_kleinschreibung() -> None:
    gross = berechne_pap(2026, MONAT_2026)
    klein = berechne_pap(2026, {k.lower(): v for k, v in MONAT_2026.items()})
    gemischt = berechne_pap(2026, {k.capitalize(): v for k, v in MONAT_2026.items()})
    assert gross == klein == gemischt
    assert gross["LSTLZZ"] > 0
    # af/f as the XML spells them and AF/F as the BMF tables do
    assert berechne_pap(2026, {**MONAT_2026, "STKL": 4, "af": 1, "f": Decimal("0.9")}) == berechne_pap(
        2026, {**MONAT_2026, "STKL": 4, "AF": 1, "F": Decimal("0.9")}
    )


def test_faktor_wirkt_nur_mit_af() -> None:
    ohne = berechne_pap(2026, {**MONAT_2026, "STKL": 4})
    mit = berechne_pap(2026, {**MONAT_2026, "STKL": 4, "af": 1, "f": Decimal("0.9")})
    abgeschaltet = berechne_pap(2026, {**MONAT_2026, "STKL": 4, "af": 0, "f": Decimal("0.9")})
    assert mit["LSTLZZ"] < ohne["LSTLZZ"]
    assert abgeschaltet == ohne


def test_fehlende_eingaben_nehmen_die_vorgaben_des_pap() -> None:
    vorgaben = eingaben(2026)
    assert vorgaben["LZZ"] == ("int", 1)
    assert vorgaben["STKL"] == ("int", 1)
    assert vorgaben["af"] == ("int", 1)
    assert vorgaben["f"][0] == "double" and vorgaben["f"][1] == Decimal("1")
    assert vorgaben["RE4"] == ("BigDecimal", Decimal(0))
    explizit = {name: wert for name, (_, wert) in vorgaben.items()}
    assert berechne_pap(2026, {}) == berechne_pap(2026, explizit)
    assert berechne_pap(2026, {"RE4": 1_000_000}) == berechne_pap(2026, {**explizit, "RE4": 1_000_000})


def test_jahr_2025_ohne_vorgaben_im_xml_rechnet_mit_null() -> None:
    # The 2025 XML declares RE4, JRE4, KVZ, … without a default (Java: null); 2026 declares BigDecimal.ZERO.
    assert eingaben(2025)["JRE4"] == ("BigDecimal", Decimal(0))
    assert eingaben(2025)["STKL"] == ("int", 0)
    ergebnis = berechne_pap(2025, {"STKL": 1, "LZZ": 2, "RE4": 300000})
    assert ergebnis["LSTLZZ"] > 0


def test_unbekanntes_jahr_nennt_die_unterstuetzten_jahre() -> None:
    with pytest.raises(ValueError, match=r"2024.*Unterstützt werden: 2025, 2026"):
        berechne_pap(2024, MONAT_2026)
    with pytest.raises(ValueError, match="2025, 2026"):
        berechne_pap(2099, {})


def test_unbekannte_eingabe_wird_abgelehnt() -> None:
    with pytest.raises(ValueError, match=r"Unbekannte PAP-Eingabe „BRUTTO“"):
        berechne_pap(2026, {"BRUTTO": 100})
    # ALV and PKPVAGZ are new in 2026: 2025 does not know them
    assert "ALV" in eingaben(2026)
    with pytest.raises(ValueError, match="ALV"):
        berechne_pap(2025, {"ALV": 1})


def test_ausgaben_sind_decimal_in_cent_fuer_jede_pap_ausgabe() -> None:
    ergebnis = berechne_pap(2026, MONAT_2026)
    assert list(ergebnis) == list(ausgaben(2026))
    assert set(ergebnis) == {
        "BK",
        "BKS",
        "LSTLZZ",
        "SOLZLZZ",
        "SOLZS",
        "STS",
        "VFRB",
        "VFRBS1",
        "VFRBS2",
        "WVFRB",
        "WVFRBO",
        "WVFRBM",
    }
    assert all(type(w) is Decimal for w in ergebnis.values())
    assert ergebnis["LSTLZZ"] == ergebnis["LSTLZZ"].to_integral_value()  # whole cents
    assert {"VKVLZZ", "VKVSONST"} <= set(ausgaben(2025))


def test_int_und_decimal_eingaben_sind_gleichwertig() -> None:
    als_int = berechne_pap(2026, {**MONAT_2026, "KVZ": 3, "STKL": 3, "LZZ": 2})
    als_decimal = berechne_pap(2026, {**MONAT_2026, "KVZ": Decimal("3.00"), "STKL": Decimal(3), "LZZ": Decimal("2")})
    assert als_int == als_decimal
    assert berechne_pap(2026, {**MONAT_2026, "RE4": Decimal(350000)}) == berechne_pap(2026, MONAT_2026)
    assert berechne_pap(2026, {**MONAT_2026, "f": 1, "af": 1}) == berechne_pap(2026, MONAT_2026)


@pytest.mark.parametrize(
    ("name", "wert", "fehler"),
    [
        ("RE4", 3500.0, TypeError),
        ("STKL", True, TypeError),
        ("RE4", "350000", TypeError),
        ("STKL", Decimal("1.5"), ValueError),
        ("LZZ", 2**31, ValueError),
        ("KVZ", Decimal("NaN"), ValueError),
        ("f", Decimal("0.1234567890123456"), ValueError),
    ],
    ids=["float", "bool", "text", "int-mit-nachkommastellen", "int-ueberlauf", "nan", "double-zu-genau"],
)
def test_ungeeignete_eingaben_werden_laut_abgelehnt(name: str, wert: object, fehler: type[Exception]) -> None:
    with pytest.raises(fehler, match=name):
        berechne_pap(2026, {name: wert})  # type: ignore[dict-item]


# --- Java semantics -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "erwartet"),
    [
        ("0.07", "0.07"),  # not 0.070000000000000006661338147750939242541790008544921875
        ("0.093", "0.093"),
        ("932.30", "932.3"),  # Double.toString drops the trailing zero
        ("1", "1.0"),
        ("1400", "1400.0"),
        ("0.001", "0.001"),
        ("1E7", "1.0E+7"),
        ("12345678", "1.2345678E+7"),
        ("0.0001", "0.00010"),
        ("-5.5", "-5.5"),
        ("0", "0.0"),
    ],
)
def test_valueof_double_ist_der_kuerzeste_dezimaltext(literal: str, erwartet: str) -> None:
    ergebnis = java_double_als_bigdecimal(Decimal(literal))
    assert ergebnis == Decimal(erwartet)
    assert ergebnis.as_tuple() == Decimal(erwartet).as_tuple()  # same scale as Java's BigDecimal


def test_valueof_double_verweigert_mehr_als_15_stellen() -> None:
    with pytest.raises(ValueError, match="signifikante Stellen"):
        java_double_als_bigdecimal(Decimal("0.1000000000000001"))


def test_uebersetzung_ist_lesbares_python_mit_den_bmf_ausdruecken() -> None:
    text = quelltext(2026)
    assert "def m_UPTAB26()" in text
    assert "# ST= (RW.add (BigDecimal.valueOf(1034.87))).setScale (0, BigDecimal.ROUND_DOWN)" in text
    assert "float" not in text


def _mini_pap(methode: str, eingaben_xml: str = "", intern: str = "") -> str:
    return f"""<PAP name="Test" version="1.0">
      <VARIABLES>
        <INPUTS>{eingaben_xml}</INPUTS>
        <OUTPUTS type="STANDARD"><OUTPUT name="ERG" type="BigDecimal" default="BigDecimal.ZERO"/></OUTPUTS>
        <INTERNALS>{intern}</INTERNALS>
      </VARIABLES>
      <CONSTANTS><CONSTANT name="ZAHL3" type="BigDecimal" value="BigDecimal.valueOf(3)"/></CONSTANTS>
      <METHODS><MAIN><EXECUTE method="RECHNE"/></MAIN><METHOD name="RECHNE">{methode}</METHOD></METHODS>
    </PAP>"""


@pytest.mark.parametrize(
    ("methode", "meldung"),
    [
        ('<EVAL exec="ERG = ERG.pow(2)"/>', r"BigDecimal\.pow"),
        ('<WHILE expr="1 == 1"/>', "unbekannte Anweisung <WHILE>"),
        ('<EVAL exec="ERG = new BigDecimal(0.1)"/>', r"new BigDecimal\(double"),
        ('<EVAL exec="ERG += ZAHL3"/>', "einfache Zuweisungen"),
        ('<EVAL exec="NEU = ZAHL3"/>', "unbekannte Variable „NEU“"),
        ('<EVAL exec="ZAHL3 = ERG"/>', "Konstante ZAHL3"),
        ('<IF expr="ERG == ZAHL3"><THEN/></IF>', "Vergleich == zwischen BigDecimal und BigDecimal"),
        ('<EXECUTE method="FEHLT"/>', "unbekannten Methode „FEHLT“"),
        ('<EVAL exec="ERG = BigDecimal.valueOf(0.12345678901234567)"/>', "signifikante Stellen"),
        ('<EVAL exec="ERG = Math.max(ERG, ZAHL3)"/>', "unbekannter Name „Math“"),
        ('<EVAL exec="ERG = BigDecimal.valueOf(010)"/>', "oktal"),
    ],
    ids=[
        "pow",
        "while",
        "new-double",
        "plus-gleich",
        "undeklariert",
        "konstante",
        "referenzvergleich",
        "methode",
        "double-literal",
        "math",
        "oktal",
    ],
)
def test_unbekannte_konstrukte_scheitern_laut(methode: str, meldung: str) -> None:
    with pytest.raises(PapUebersetzungsFehler, match=meldung):
        plan_aus_xml(2099, _mini_pap(methode))


def test_unbekanntes_attribut_scheitert_laut() -> None:
    with pytest.raises(PapUebersetzungsFehler, match="unbekannte Attribute"):
        plan_aus_xml(2099, _mini_pap("", eingaben_xml='<INPUT name="A" type="int" pflicht="ja"/>'))


def test_divide_ohne_skala_wirft_wie_java_bei_unendlichem_bruch() -> None:
    plan = plan_aus_xml(
        2099, _mini_pap('<EVAL exec="ERG = A.divide(ZAHL3)"/>', eingaben_xml='<INPUT name="A" type="BigDecimal"/>')
    )
    assert fuehre_aus(plan, {"A": 9})["ERG"] == 3
    with pytest.raises(PapRechenFehler, match="Inexact"):
        fuehre_aus(plan, {"A": 10})


@pytest.mark.parametrize(
    ("ausdruck", "a", "erwartet"),
    [
        ("A.divide(ZAHL3, 2, BigDecimal.ROUND_DOWN)", "-10", "-3.33"),  # toward zero, not floor
        ("A.divide(ZAHL3, 2, BigDecimal.ROUND_UP)", "10", "3.34"),
        ("A.divide(ZAHL3, 0, BigDecimal.ROUND_HALF_UP)", "-7.5", "-3"),
        ("A.setScale(0, BigDecimal.ROUND_HALF_UP)", "2.5", "3"),
        ("A.setScale(0, BigDecimal.ROUND_HALF_UP)", "-2.5", "-3"),
        ("A.setScale(1, BigDecimal.ROUND_UP)", "0.01", "0.1"),
        ("A.setScale(0, BigDecimal.ROUND_DOWN)", "-0.4", "0"),
        ("BigDecimal.valueOf(A.longValue())", "-7.9", "-7"),
    ],
)
def test_bigdecimal_rundungsarten(ausdruck: str, a: str, erwartet: str) -> None:
    plan = plan_aus_xml(
        2099, _mini_pap(f'<EVAL exec="ERG = {ausdruck}"/>', eingaben_xml='<INPUT name="A" type="BigDecimal"/>')
    )
    ergebnis = fuehre_aus(plan, {"A": Decimal(a)})["ERG"]
    assert ergebnis == Decimal(erwartet)
    assert not ergebnis.is_signed() or ergebnis != 0  # Java has no negative zero
