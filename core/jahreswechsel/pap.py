"""Import a BMF Lohnsteuer-PAP for a new year: translate, run every row of the BMF test table, keep it only if exact.

The BMF publishes the PAP (XML) and a machine test table beside it each November/December. A year's PAP is accepted
only when every output of every row matches to the cent; then pap.xml (and the table, as proof) go to the user's
data folder, where `core.regeln.lohnsteuer` finds them. A PAP the program ships for the same year always wins.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.fehler import EingabeFehler
from core.io.ausgabe import ausgabedatei
from core.regeln import lohnsteuer

# How many differing rows a rejection names (the count is always complete).
ERSTE_ABWEICHUNGEN = 5


class PapEinspielFehler(EingabeFehler):
    """The PAP or its test table cannot be used; nothing was stored."""


@dataclass(frozen=True, slots=True)
class Pruefzeile:
    nummer: str
    eingaben: dict[str, int | Decimal]
    erwartet: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class Abweichung:
    nummer: str
    ausgabe: str
    ist: Decimal | None
    soll: Decimal

    def text(self) -> str:
        ist = "keine Ausgabe" if self.ist is None else str(self.ist)
        return f"Zeile {self.nummer}: {self.ausgabe} {ist} statt {self.soll}"


@dataclass(frozen=True, slots=True)
class PapPruefung:
    jahr: int
    zeilen: int
    abweichende_zeilen: int
    abweichungen: tuple[Abweichung, ...]  # the first ERSTE_ABWEICHUNGEN rows' differences

    @property
    def bestanden(self) -> bool:
        return self.abweichende_zeilen == 0

    def meldung(self) -> str:
        """One German line: the result of the check."""
        if self.bestanden:
            return (
                f"Der Lohnsteuer-PAP {self.jahr} ist eingespielt: alle {self.zeilen} Zeilen der Prüftabelle stimmen "
                "auf den Cent."
            )
        beispiele = "; ".join(a.text() for a in self.abweichungen)
        return (
            f"Der Lohnsteuer-PAP {self.jahr} wurde nicht eingespielt: {self.abweichende_zeilen} von {self.zeilen} "
            f"Zeilen der Prüftabelle weichen ab (Beträge in Cent), z. B. {beispiele}. Bitte prüfen Sie, ob PAP und "
            "Prüftabelle zum selben Jahr und Stand gehören."
        )


def _zahl(text: str, pfad: Path, nummer: str, spalte: str) -> int | Decimal:
    # BMF tables: amounts in cents, rates and factors with a decimal comma
    roh = text.strip()
    try:
        return Decimal(roh.replace(",", ".")) if "," in roh or "." in roh else int(roh)
    except (ValueError, InvalidOperation):
        raise PapEinspielFehler(
            f"Die Prüftabelle {pfad.name} hat in Zeile {nummer}, Spalte „{spalte}“ keine Zahl („{roh[:30]}“)."
        ) from None


def lies_pruefungstabelle(pfad: Path, inhalt: bytes, plan: lohnsteuer.PapPlan) -> list[Pruefzeile]:
    """The BMF test table: `;`-separated, first column the row number, then the PAP inputs; in the machine table an
    empty column separates inputs from outputs, in the short tables the last column is LSTLZZ. Every column name
    must be an input or output of this PAP."""
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = inhalt.decode("cp1252", errors="strict") if _ist_cp1252(inhalt) else ""
        if not text:
            raise PapEinspielFehler(f"Die Prüftabelle {pfad.name} ist keine Textdatei (CSV).") from None
    zeilen = [z for z in csv.reader(io.StringIO(text), delimiter=";") if any(feld.strip() for feld in z)]
    if len(zeilen) < 2 or len(zeilen[0]) < 3:
        raise PapEinspielFehler(
            f"Die Prüftabelle {pfad.name} ist keine BMF-Prüftabelle: erwartet sind Spalten mit „;“ getrennt, "
            "die erste Zeile mit den Namen der Eingaben und Ausgaben, darunter die Testfälle."
        )
    kopf = [name.strip() for name in zeilen[0]]
    if "" in kopf:
        trenner = kopf.index("")
        eingabe_spalten = list(enumerate(kopf))[1:trenner]
        ausgabe_spalten = [(i, n) for i, n in enumerate(kopf) if i > trenner and n]
    else:
        eingabe_spalten = list(enumerate(kopf))[1:-1]
        ausgabe_spalten = [(len(kopf) - 1, kopf[-1])]
    ausgaben = {name.upper(): name for name in plan.ausgaben}
    for _, name in eingabe_spalten:
        if name.upper() not in plan.eingaben:
            raise PapEinspielFehler(
                f"Die Prüftabelle {pfad.name} passt nicht zum PAP: die Spalte „{name}“ ist keine Eingabe des PAP."
            )
    for _, name in ausgabe_spalten:
        if name.upper() not in ausgaben:
            raise PapEinspielFehler(
                f"Die Prüftabelle {pfad.name} passt nicht zum PAP: die Spalte „{name}“ ist keine Ausgabe des PAP."
            )
    if not ausgabe_spalten:
        raise PapEinspielFehler(f"Die Prüftabelle {pfad.name} hat keine Spalte mit erwarteten Ergebnissen.")
    ergebnis = []
    for zeile in zeilen[1:]:
        nummer = zeile[0].strip()
        if len(zeile) != len(kopf):
            raise PapEinspielFehler(
                f"Die Prüftabelle {pfad.name} hat in Zeile {nummer or '?'} {len(zeile)} statt {len(kopf)} Spalten."
            )
        ergebnis.append(
            Pruefzeile(
                nummer=nummer,
                eingaben={name: _zahl(zeile[i], pfad, nummer, name) for i, name in eingabe_spalten},
                erwartet={
                    ausgaben[name.upper()]: Decimal(_zahl(zeile[i], pfad, nummer, name)) for i, name in ausgabe_spalten
                },
            )
        )
    return ergebnis


def _ist_cp1252(inhalt: bytes) -> bool:
    try:
        inhalt.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in inhalt


def _plan(jahr: int, pfad: Path, xml: bytes) -> lohnsteuer.PapPlan:
    try:
        wurzel = ET.fromstring(xml)
    except ET.ParseError as fehler:
        raise PapEinspielFehler(
            f"Die Datei {pfad.name} ist kein Lohnsteuer-PAP des BMF: sie ist keine gültige XML-Datei "
            f"(Zeile {fehler.position[0]})."
        ) from None
    if wurzel.tag != "PAP":
        raise PapEinspielFehler(
            f"Die Datei {pfad.name} ist kein Lohnsteuer-PAP des BMF: ihr Wurzelelement ist <{wurzel.tag[:40]}> "
            "statt <PAP>."
        )
    try:
        return lohnsteuer.plan_aus_xml(jahr, xml)
    except lohnsteuer.PapUebersetzungsFehler as fehler:
        raise PapEinspielFehler(
            f"Die Datei {pfad.name} ist kein Lohnsteuer-PAP des BMF, den das Programm lesen kann ({fehler})."
        ) from None
    except (ValueError, SyntaxError, RecursionError) as fehler:
        raise PapEinspielFehler(
            f"Die Datei {pfad.name} ist kein Lohnsteuer-PAP des BMF, den das Programm lesen kann "
            f"({type(fehler).__name__})."
        ) from None


def pruefe(jahr: int, plan: lohnsteuer.PapPlan, zeilen: list[Pruefzeile]) -> PapPruefung:
    """Run every row; count the rows with any differing output, keep the first ones' differences."""
    abweichend = 0
    erste: list[Abweichung] = []
    for zeile in zeilen:
        try:
            ergebnis: dict[str, Decimal] | None = lohnsteuer.fuehre_aus(plan, zeile.eingaben)
        except (lohnsteuer.PapRechenFehler, ValueError, TypeError):
            ergebnis = None
        unterschiede = [
            Abweichung(zeile.nummer, name, None if ergebnis is None else ergebnis.get(name), soll)
            for name, soll in zeile.erwartet.items()
            if ergebnis is None or ergebnis.get(name) != soll
        ]
        if unterschiede:
            abweichend += 1
            if abweichend <= ERSTE_ABWEICHUNGEN:
                erste.append(unterschiede[0])
    return PapPruefung(jahr=jahr, zeilen=len(zeilen), abweichende_zeilen=abweichend, abweichungen=tuple(erste))


def pap_einspielen(jahr: int, pap_pfad: Path, tabelle_pfad: Path) -> PapPruefung:
    """Translate `pap_pfad`, run every row of `tabelle_pfad`; store both only if every row matches to the cent.

    Raises PapEinspielFehler (nothing stored) for a year the program ships itself, a file that is not a PAP or a
    table that does not fit; returns the check (also when rows differ: then nothing was stored either).
    """
    if lohnsteuer.herkunft(jahr) == lohnsteuer.MITGELIEFERT:
        raise PapEinspielFehler(
            f"Für {jahr} liefert das Programm den Lohnsteuer-PAP bereits mit; ein eingespielter würde nicht verwendet."
        )
    xml = pap_pfad.read_bytes()
    plan = _plan(jahr, pap_pfad, xml)
    tabelle = tabelle_pfad.read_bytes()
    zeilen = lies_pruefungstabelle(tabelle_pfad, tabelle, plan)
    pruefung = pruefe(jahr, plan, zeilen)
    if pruefung.bestanden:
        ziel = lohnsteuer.nutzer_verzeichnis() / str(jahr)
        ziel.mkdir(parents=True, exist_ok=True)
        for name, inhalt in (("test-maschinell.csv", tabelle), ("pap.xml", xml)):  # pap.xml last: it makes the year
            with ausgabedatei(ziel / name, ueberschreiben=True) as teil:
                teil.write_bytes(inhalt)
        lohnsteuer.vergiss_plan(jahr)
    return pruefung
