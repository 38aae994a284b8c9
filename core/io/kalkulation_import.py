"""Import old ForseA Kalkulation workbooks (.xlsx, .xls, .ods) by their labels, not by fixed cells."""

from __future__ import annotations

import difflib
import logging
import multiprocessing
import queue
import re
import time
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import olefile
import python_calamine
from openpyxl.utils import get_column_letter

from core.budget.kalkulation import (
    FELD,
    HUNDERT,
    KalkulationsErgebnis,
    KalkulationsParameter,
    berechne,
)
from core.domain.geld import als_text, format_eur, geld
from core.domain.hinweis import Hinweis, Schwere
from core.fehler import EingabeFehler, dateigrund
from core.io.tabellen_umfang import pruefe_umfang

log = logging.getLogger(__name__)

ENDUNGEN = (".xlsx", ".xlsm", ".xls", ".ods")
TOLERANZ = Decimal("0.01")


# ---------------------------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------------------------
def normalisiere(text: str) -> str:
    """Label → comparable key: case, umlauts, ß, %, €, punctuation and all spaces removed."""
    t = unicodedata.normalize("NFC", text).lower()
    for alt, neu in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("%", " prozent "), ("€", " euro ")):
        t = t.replace(alt, neu)
    t = t.replace("./.", " ")
    t = re.sub(r"[^0-9a-z]+", " ", t).strip()
    t = re.sub(r"\s+(ca|circa|zirka)$", "", t)  # "Berufsgenossenschaft ca."
    return t.replace(" ", "")


def _ohne_klammern(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


# What each anchor is called in the 2011–2016 layouts, and plausible variants users typed.
SYNONYME: dict[str, tuple[str, ...]] = {
    "version": ("Version", "Stand", "Fassung"),
    "stundensatz": ("Stundensatz", "Stundenlohn", "Stundensatz brutto", "Bruttostundenlohn", "Lohn je Stunde"),
    "tage": ("Anzahl Tage", "Anzahl der Tage", "Tage im Jahr", "Tage pro Jahr"),
    "arbeit1_kopf": ("Arbeit I", "Arbeit 1"),
    "arbeit2_kopf": ("Arbeit II", "Arbeit 2"),
    "je_arbeitstag": ("je Arbeitstag", "pro Arbeitstag", "Kosten je Arbeitstag", "Stunden je Arbeitstag"),
    "bruttoverdienst": ("Bruttoverdienst im Jahr", "Bruttoverdienst", "Bruttoverdienst pro Jahr", "Jahresbrutto"),
    "urlaubsgeld": ("Urlaubsgeld",),
    "weihnachtsgeld": ("Weihnachtsgeld",),
    "krankheit": (
        "Krankheit (kalk.)",
        "Krankheit",
        "Krankheit kalk",
        "Lohnfortzahlung Krankheit",
        "Entgeltfortzahlung Krankheit",
        "Krankheitstage",
    ),
    "einarbeitung": ("Einarbeitung", "Einarbeitungstage"),
    "weiterbildung": ("Weiterbildung", "Fortbildung", "Weiterbildungstage"),
    "feiertage": ("Feiertage",),
    "urlaub": ("Urlaub", "Urlaubstage"),
    "bruttolohnkosten": ("Bruttolohnkosten", "Bruttolohnkosten im Jahr"),
    "kv": ("Krankenversicherung", "KV"),
    "kv_zusatz": ("Zusatzbeitrag", "Zusatzbeitrag Krankenversicherung", "KV-Zusatzbeitrag", "Zusatzbeitrag KV"),
    "pv": ("Pflegeversicherung", "PV"),
    "rv": ("Rentenversicherung", "RV"),
    "av": ("Arbeitslosenversicherung", "AV"),
    "u1": ("U1", "Umlage U1"),
    "u2": ("U2", "Umlage U2"),
    "ag_betrag": ("Arbeitgeberanteil in €", "Arbeitgeberanteil in Euro", "Arbeitgeberanteil", "AG-Anteil in €"),
    "nacht1": ("Nacht Arbeit I", "Nacht Arbeit 1", "Nachtzuschlag Arbeit I"),
    "nacht2": ("Nacht Arbeit II", "Nacht Arbeit 2", "Nachtzuschlag Arbeit II"),
    "sonntag1": ("Sonntag Arbeit I", "Sonntag Arbeit 1", "Sonntagszuschlag Arbeit I"),
    "sonntag2": ("Sonntag Arbeit II", "Sonntag Arbeit 2", "Sonntagszuschlag Arbeit II"),
    "erstattung": (
        "./. Erstattung der fiktiven Lohnfortzahlungskosten in %",
        "./. Erstattung der Lohnfortzahlung durch die Krankenkasse in %",
        "Erstattung der kalk. Entgeltfortzahlungskosten",
        "Erstattung der fiktiven Lohnfortzahlungskosten",
        "Erstattung der Lohnfortzahlung",
        "Erstattung",
    ),
    "berufsgenossenschaft": ("Berufsgenossenschaft", "Unfallkasse", "Unfallversicherung"),
    "unterkunft": ("Unterkunftskosten", "Unterkunft"),
    "regiekosten": ("Regiekosten (pauschaliert ohne Nachweise)", "Regiekosten"),
    "lohnabrechnung": (
        "Steuerberater (Kosten für Lohnabrechnung)",
        "Kosten für Lohnabrechnung",
        "Kosten der Lohnabrechnung",
        "Lohnabrechnung",
        "Steuerberater",
    ),
    "begleitperson": ("Kosten der Begleitperson", "Begleitperson", "Kosten der Begleitperson (gem. §§ 22, 23 EHVO)"),
    "beratung": ("Beratung und Unterstützung", "Beratung"),
    "gesamt_jahr": ("Gesamtkosten im Jahr", "Gesamtkosten", "Gesamtkosten pro Jahr", "Jahreskosten"),
    "gesamt_monat": ("umgerechnet auf den Monat", "Gesamtkosten im Monat", "je Monat", "pro Monat"),
    "gesamt_stunde": ("umgerechnet auf die Stunde", "Gesamtkosten je Stunde", "je Stunde", "pro Stunde"),
}

# Labels of the sheet that carry no value of their own: never fuzzy-matched to an anchor, and a scan for a value
# stops at them.
BEKANNTE_TEXTE: tuple[str, ...] = (
    "Berechnung der durchschnittlichen Lohnkosten",
    "Stunden",
    "Kosten",
    "Einmalbezüge",
    "kalk. Pauschalen für",
    "Ursache",
    "Tage",
    "€",
    "Arbeitgeberanteile",
    "Art",
    "Beitrag in %",
    "Summe",
    "davon die Hälfte",
    "Umlage",
    "Arbeitgeberanteil in %",
    "Steuer- und sozialversicherungsfreie Zuschläge",
    "Zuschlag",
    "Betrag",
)

_SYN_NORM: dict[str, set[str]] = {k: {normalisiere(s) for s in v} for k, v in SYNONYME.items()}
_BEKANNT_NORM = {normalisiere(t) for t in BEKANNTE_TEXTE}


def _anker_fuer(text: str) -> str | None:
    """Exact (normalised) match of a cell text to an anchor, also without parenthesised remarks."""
    formen = {normalisiere(text), normalisiere(_ohne_klammern(text))}
    for anker, namen in _SYN_NORM.items():
        if formen & namen:
            return anker
    return None


def _aehnlichkeit(a: str, b: str) -> Fraction:
    """difflib's similarity 2·M/T, kept exact (no float in core)."""
    treffer = sum(block.size for block in difflib.SequenceMatcher(None, a, b).get_matching_blocks())
    return Fraction(2 * treffer, len(a) + len(b))


_MINDEST_AEHNLICHKEIT = Fraction(85, 100)
_MINDEST_VORSPRUNG = Fraction(3, 100)


def _aehnlichster_anker(text: str, frei: set[str]) -> str | None:
    """For labels slightly changed by users: the single clearly best close match among still unmatched anchors."""
    norm = normalisiere(_ohne_klammern(text))
    if len(norm) < 6 or len(norm) > 60 or norm in _BEKANNT_NORM:
        return None
    je_anker = {
        anker: max((_aehnlichkeit(norm, name) for name in _SYN_NORM[anker] if len(name) >= 6), default=Fraction(0))
        for anker in frei
    }
    rangfolge = sorted(je_anker.items(), key=lambda e: e[1], reverse=True)
    if not rangfolge or rangfolge[0][1] < _MINDEST_AEHNLICHKEIT:
        return None
    if len(rangfolge) > 1 and rangfolge[0][1] - rangfolge[1][1] < _MINDEST_VORSPRUNG:
        return None  # ambiguous: better not to guess
    return rangfolge[0][0]


# ---------------------------------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------------------------------
def zelladresse(zeile: int, spalte: int) -> str:
    """0-based row and column as calamine gives them → "C5" as the spreadsheet shows it."""
    return f"{get_column_letter(spalte + 1)}{zeile + 1}"


def _leer(wert: Any) -> bool:
    return wert is None or (isinstance(wert, str) and not wert.strip())


# Larger than any figure of a household's Kalkulation, small enough that every sum stays exact: 1e308 in a cell or
# "1e400" as text is refused with the cell named instead of overflowing the computation.
HOECHSTER_WERT = Decimal(1_000_000_000)


def _als_decimal_roh(wert: Any) -> Decimal | None:
    if isinstance(wert, bool):
        return None
    if isinstance(wert, int):
        return Decimal(wert)
    if isinstance(wert, float):
        # str() of a float is its shortest round-trip form: 13.79 stays 13.79, not 13.7899999…
        return Decimal(str(wert))
    if isinstance(wert, str) and len(wert) <= 1000:
        try:
            return geld(wert)
        except ValueError:
            return None
    return None


def _zu_gross(wert: Any) -> bool:
    zahl = _als_decimal_roh(wert)
    return zahl is not None and (not zahl.is_finite() or abs(zahl) > HOECHSTER_WERT)


def _als_decimal(wert: Any) -> Decimal | None:
    """A cell value as Decimal: numbers directly, text only if it reads as an amount ("13,79", "1.234,56 €").

    None for anything else, also for values beyond HOECHSTER_WERT (a cached total of 1e308 is no total).
    """
    zahl = _als_decimal_roh(wert)
    if zahl is None or not zahl.is_finite() or abs(zahl) > HOECHSTER_WERT:
        return None
    return zahl


@dataclass(frozen=True, slots=True)
class _Anker:
    schluessel: str
    zeile: int
    spalte: int
    text: str


class _Blatt:
    def __init__(self, name: str, zeilen: list[list[Any]], datei: str) -> None:
        self.name = name
        self.zeilen = zeilen
        self.datei = datei
        self.anker: dict[str, _Anker] = {}
        self.label_zellen: set[tuple[int, int]] = set()
        self._finde_anker()

    def wert(self, zeile: int, spalte: int) -> Any:
        if 0 <= zeile < len(self.zeilen) and 0 <= spalte < len(self.zeilen[zeile]):
            return self.zeilen[zeile][spalte]
        return None

    def _texte(self) -> list[tuple[int, int, str]]:
        return [
            (z, s, w)
            for z, zeile in enumerate(self.zeilen)
            for s, w in enumerate(zeile)
            if isinstance(w, str) and w.strip() and len(w) <= 120
        ]

    def _finde_anker(self) -> None:
        texte = self._texte()
        rest: list[tuple[int, int, str]] = []
        for z, s, text in texte:
            anker = _anker_fuer(text)
            if normalisiere(text) in _BEKANNT_NORM:
                self.label_zellen.add((z, s))
            elif anker is not None:
                self.label_zellen.add((z, s))
                self.anker.setdefault(anker, _Anker(anker, z, s, text.strip()))
            else:
                rest.append((z, s, text))
        frei = set(SYNONYME) - set(self.anker)
        for z, s, text in rest:
            anker = _aehnlichster_anker(text, frei)
            if anker is not None:
                self.label_zellen.add((z, s))
                self.anker[anker] = _Anker(anker, z, s, text.strip())
                frei.discard(anker)

    # ---- values next to a label -------------------------------------------------------------------------------
    def zellen_rechts(self, anker: _Anker) -> list[int]:
        """Columns right of the label holding a value, up to the next label in the row."""
        spalten = []
        zeile = self.zeilen[anker.zeile]
        for s in range(anker.spalte + 1, len(zeile)):
            if (anker.zeile, s) in self.label_zellen:
                break
            if not _leer(zeile[s]):
                spalten.append(s)
        return spalten

    def zelle_links(self, anker: _Anker) -> int | None:
        zeile = self.zeilen[anker.zeile]
        for s in range(anker.spalte - 1, -1, -1):
            if (anker.zeile, s) in self.label_zellen:
                return None
            if not _leer(zeile[s]):
                return s
        return None

    def zahl(self, zeile: int, spalte: int, was: str, *, leer_ist_null: bool = True) -> Decimal:
        """An input cell: empty counts as 0 (as in Excel), text that is no number is an error naming the cell."""
        roh = self.wert(zeile, spalte)
        if _leer(roh):
            if leer_ist_null:
                return Decimal(0)
            raise EingabeFehler(
                f"Datei „{self.datei}“, Tabellenblatt „{self.name}“: bei „{was}“ fehlt der Wert "
                f"(Zelle {zelladresse(zeile, spalte)}). Bitte tragen Sie ihn ein und importieren Sie erneut."
            )
        zahl = _als_decimal(roh)
        if zahl is None and _zu_gross(roh):
            raise EingabeFehler(
                f"Datei „{self.datei}“, Tabellenblatt „{self.name}“, Zelle {zelladresse(zeile, spalte)} "
                f"(„{was}“): der Wert {str(roh).strip()[:40]} ist für eine Kalkulation zu groß (höchstens "
                f"{format_eur(HOECHSTER_WERT, symbol=False)}). Bitte korrigieren Sie die Zelle und importieren Sie "
                "erneut; es wurde nichts übernommen."
            )
        if zahl is None:
            raise EingabeFehler(
                f"Datei „{self.datei}“, Tabellenblatt „{self.name}“, Zelle {zelladresse(zeile, spalte)} "
                f"(„{was}“): dort steht „{str(roh).strip()[:60]}“, es muss aber eine Zahl stehen. Bitte korrigieren "
                "Sie die Zelle und importieren Sie erneut; es wurde nichts übernommen."
            )
        return zahl


# ---------------------------------------------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ErkannterWert:
    """One input found in the file: which parameter, the label as written there, the cell, the value."""

    schluessel: str
    bezeichnung_in_datei: str
    zelle: str
    wert: Decimal


@dataclass(frozen=True, slots=True)
class Abweichung:
    """A total whose value cached in the file differs from the recomputation by more than one cent."""

    schluessel: str
    bezeichnung: str
    zelle: str
    in_datei: Decimal
    neu_berechnet: Decimal

    @property
    def differenz(self) -> Decimal:
        return self.in_datei - self.neu_berechnet

    def als_dict(self) -> dict[str, str]:
        return {
            "summe": self.schluessel,
            "bezeichnung": self.bezeichnung,
            "zelle": self.zelle,
            "in_datei": als_text(self.in_datei),
            "neu_berechnet": als_text(self.neu_berechnet),
            "differenz": als_text(self.differenz),
        }


@dataclass(frozen=True, slots=True)
class ImportErgebnis:
    datei: str
    blatt: str
    version: str | None
    parameter: KalkulationsParameter
    ergebnis: KalkulationsErgebnis
    abweichungen: tuple[Abweichung, ...]
    erkannt: tuple[ErkannterWert, ...]
    nicht_gefunden: tuple[str, ...]
    in_datei: dict[str, tuple[Decimal, str]] = field(default_factory=dict)  # cached totals: key → (value, cell)
    hinweise: tuple[Hinweis, ...] = field(default_factory=tuple)

    def als_dict(self) -> dict[str, Any]:
        """The JSON shape of CONTRACTS §4 (plus `blatt`, `erkannt`, `nicht_gefunden`, `hinweise`)."""
        return {
            "datei": self.datei,
            "version": self.version,
            "parameter": self.parameter.als_dict(),
            "ergebnis": self.ergebnis.als_dict(),
            "abweichungen": [a.als_dict() for a in self.abweichungen],
            "blatt": self.blatt,
            "erkannt": [
                {
                    "parameter": e.schluessel,
                    "bezeichnung": e.bezeichnung_in_datei,
                    "zelle": e.zelle,
                    "wert": str(e.wert),
                }
                for e in self.erkannt
            ],
            "nicht_gefunden": list(self.nicht_gefunden),
            "in_datei": {k: {"wert": als_text(w), "zelle": z} for k, (w, z) in self.in_datei.items()},
            "hinweise": [h.als_dict() for h in self.hinweise],
        }


# ---------------------------------------------------------------------------------------------------------------
# Reading the workbook
# ---------------------------------------------------------------------------------------------------------------
_UNLESBAR = "ihr Inhalt lässt sich nicht lesen"
_OLE_SIGNATUR = bytes.fromhex("D0CF11E0A1B11AE1")
_BIFF_BOF = {0x0809, 0x0409, 0x0209, 0x0009}
_BIFF_FILEPASS = 0x002F
_BIFF_EOF = 0x000A
LESEZEIT_SEKUNDEN = 30
HOECHSTE_DATEIGROESSE = 50_000_000  # bytes; the ForseA sheets are 20–60 KB
SPEICHER_BYTES = 3_000_000_000  # address space of the reading process


def _pruefe_container(pfad: Path, anzeigename: str) -> None:
    """Recognise protection and gross damage before the reader sees the file (it can hang on broken .xls)."""
    try:
        with pfad.open("rb") as f:
            kopf = f.read(8)
    except OSError as fehler:
        raise EingabeFehler(f"Die Datei „{anzeigename}“ kann nicht gelesen werden: {dateigrund(fehler)}.") from None
    endung = pfad.suffix.lower()
    if kopf == _OLE_SIGNATUR:
        _pruefe_ole(pfad, anzeigename, endung)
        return
    if endung == ".xls":
        raise _beschaedigt(anzeigename, "keine Excel-97-2003-Datei")
    if endung == ".ods" and zipfile.is_zipfile(pfad):
        try:
            with zipfile.ZipFile(pfad) as archiv:
                manifest = archiv.read("META-INF/manifest.xml")
        except (KeyError, zipfile.BadZipFile):
            manifest = b""
        if b"encryption-data" in manifest:
            raise _geschuetzt(anzeigename)
    pruefe_umfang(pfad, anzeigename)


def _pruefe_ole(pfad: Path, anzeigename: str, endung: str) -> None:
    try:
        with olefile.OleFileIO(str(pfad)) as ole:
            # Excel stores a password-protected .xlsx as an OLE container with EncryptionInfo + EncryptedPackage.
            if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
                raise _geschuetzt(anzeigename)
            if endung != ".xls":
                raise _beschaedigt(anzeigename, "eine ältere Excel-Datei mit falscher Endung – bitte als .xls benennen")
            name = "Workbook" if ole.exists("Workbook") else "Book" if ole.exists("Book") else None
            if name is None:
                raise _beschaedigt(anzeigename, "kein Arbeitsmappen-Inhalt gefunden")
            strom = ole.openstream(name).read()
    except OSError as fehler:  # olefile reports a broken container as OSError
        log.info("%s: OLE-Container unlesbar: %s", anzeigename, fehler)
        raise _beschaedigt(anzeigename, _UNLESBAR) from None
    _pruefe_biff(strom, anzeigename)
    pruefe_umfang(pfad, anzeigename, xls_strom=strom)


def _pruefe_biff(strom: bytes, anzeigename: str) -> None:
    """Walk the records of the workbook globals: must start with BOF; FILEPASS means a password."""
    if len(strom) < 4 or int.from_bytes(strom[0:2], "little") not in _BIFF_BOF:
        raise _beschaedigt(anzeigename, "der Anfang der Arbeitsmappe fehlt")
    pos = 0
    while pos + 4 <= len(strom):
        typ = int.from_bytes(strom[pos : pos + 2], "little")
        laenge = int.from_bytes(strom[pos + 2 : pos + 4], "little")
        if typ == _BIFF_FILEPASS:
            raise _geschuetzt(anzeigename)
        if typ == _BIFF_EOF:
            return
        if typ == 0 and laenge == 0:
            raise _beschaedigt(anzeigename, "die Arbeitsmappe enthält leere Datensätze")
        pos += 4 + laenge
    raise _beschaedigt(anzeigename, "die Arbeitsmappe ist abgeschnitten")


def _geschuetzt(anzeigename: str) -> EingabeFehler:
    return EingabeFehler(
        f"Die Datei „{anzeigename}“ ist mit einem Kennwort geschützt. Bitte öffnen Sie sie in Excel oder "
        "LibreOffice, speichern Sie sie ohne Kennwort und importieren Sie diese Kopie."
    )


def _beschaedigt(anzeigename: str, grund: str) -> EingabeFehler:
    return EingabeFehler(
        f"Die Datei „{anzeigename}“ ist beschädigt oder keine Tabellendatei ({grund}). Bitte öffnen Sie sie in "
        "Excel oder LibreOffice, speichern Sie sie neu und importieren Sie diese Kopie."
    )


def _begrenze_speicher() -> None:
    """Second line of defence behind `pruefe_umfang`: the reading process may not take more than SPEICHER_BYTES."""
    try:
        import resource  # POSIX only
    except ImportError:
        return
    try:
        _weich, hart = resource.getrlimit(resource.RLIMIT_AS)
        grenze = SPEICHER_BYTES if hart == resource.RLIM_INFINITY else min(SPEICHER_BYTES, hart)
        resource.setrlimit(resource.RLIMIT_AS, (grenze, hart))
    except (ValueError, OSError):
        log.info("Speichergrenze für das Lesen nicht gesetzt", exc_info=True)


def _lies_im_kindprozess(pfad: str, ausgang: Any) -> None:
    """Runs in a separate process: the reader is native code and must not be able to hang the program."""
    _begrenze_speicher()
    try:
        mappe = python_calamine.CalamineWorkbook.from_path(pfad)
        blaetter = []
        for name in mappe.sheet_names:
            roh = mappe.get_sheet_by_name(name).to_python(skip_empty_area=False)
            blaetter.append((name, [list(z) for z in roh]))
        ausgang.put(("ok", blaetter))
    except python_calamine.PasswordError:
        ausgang.put(("kennwort", ""))
    except Exception as fehler:  # reported to the parent as a damaged file
        ausgang.put(("fehler", f"{type(fehler).__name__}: {fehler}"))


def _lies_roh(pfad: Path, anzeigename: str) -> list[tuple[str, list[list[Any]]]]:
    kontext = multiprocessing.get_context("spawn")
    ausgang = kontext.Queue()
    prozess = kontext.Process(target=_lies_im_kindprozess, args=(str(pfad), ausgang), daemon=True)
    prozess.start()
    ende = time.monotonic() + LESEZEIT_SEKUNDEN
    while True:
        try:
            art, inhalt = ausgang.get(timeout=1)
            break
        except queue.Empty:
            if time.monotonic() < ende and prozess.is_alive():
                continue
            gestorben = not prozess.is_alive()
            prozess.kill()
            prozess.join()
            if gestorben:  # out of memory (SPEICHER_BYTES) or a crash of the native reader
                log.info("%s: Leseprozess beendet mit Code %s", anzeigename, prozess.exitcode)
                raise _beschaedigt(
                    anzeigename, "das Lesen ist abgebrochen, die Datei ist zu groß oder kaputt"
                ) from None
            raise _beschaedigt(anzeigename, f"das Lesen wurde nach {LESEZEIT_SEKUNDEN} Sekunden abgebrochen") from None
    prozess.join()
    if art == "ok":
        return inhalt
    if art == "kennwort" or "password" in inhalt.lower() or "encrypt" in inhalt.lower():
        raise _geschuetzt(anzeigename)
    log.info("%s: Tabelle unlesbar: %s", anzeigename, inhalt)  # the reader's English words stay in the log
    raise _beschaedigt(anzeigename, _UNLESBAR)


def _lies_blaetter(pfad: Path, anzeigename: str) -> list[_Blatt]:
    if not pfad.is_file():
        raise EingabeFehler(f"Die Datei „{anzeigename}“ gibt es nicht. Bitte prüfen Sie den Pfad.")
    if pfad.stat().st_size > HOECHSTE_DATEIGROESSE:
        raise EingabeFehler(
            f"Die Datei „{anzeigename}“ ist mit {pfad.stat().st_size // 1_000_000} MB viel zu groß für eine "
            "Kalkulationstabelle. Bitte prüfen Sie, ob es die richtige Datei ist."
        )
    if pfad.suffix.lower() not in ENDUNGEN:
        raise EingabeFehler(
            f"Die Datei „{anzeigename}“ hat keine unterstützte Endung: erwartet wird .xlsx, .xls oder .ods."
        )
    _pruefe_container(pfad, anzeigename)
    return [_Blatt(name, zeilen, anzeigename) for name, zeilen in _lies_roh(pfad, anzeigename)]


_PFLICHT_ANKER = ("stundensatz", "je_arbeitstag")
_KENN_ANKER = ("bruttoverdienst", "bruttolohnkosten", "gesamt_jahr", "krankheit", "urlaub", "kv", "rv")


def _waehle_blatt(blaetter: Sequence[_Blatt], anzeigename: str) -> _Blatt:
    """The sheet that holds the Kalkulation, found by its content, whatever it is named."""

    def punkte(b: _Blatt) -> int:
        return len(set(b.anker) & (set(_PFLICHT_ANKER) | set(_KENN_ANKER)))

    kandidaten = [b for b in blaetter if all(a in b.anker for a in _PFLICHT_ANKER) and punkte(b) >= 5]
    if not kandidaten:
        raise EingabeFehler(
            f"Die Datei „{anzeigename}“ enthält keine Kostenkalkulation: in keinem Tabellenblatt stehen die "
            "Zeilen „Stundensatz“, „je Arbeitstag“, „Bruttolohnkosten“ und „Gesamtkosten im Jahr“. Bitte wählen "
            "Sie die Datei mit der „Berechnung der durchschnittlichen Lohnkosten“."
        )
    return max(kandidaten, key=punkte)


# ---------------------------------------------------------------------------------------------------------------
# Recognition
# ---------------------------------------------------------------------------------------------------------------
# Rows of one block share their column layout; anchors → (parameter, kind) of the inputs right of the label.
# kind "anteil": the sheet holds a fraction formatted as percent (0.3 = 30 %); "zahl": the value as shown.
_BLOECKE: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "pauschalen": {
        "krankheit": (("krankheit_tage", "zahl"),),
        "einarbeitung": (("einarbeitung_tage", "zahl"),),
        "weiterbildung": (("weiterbildung_tage", "zahl"),),
        "feiertage": (("feiertage_tage", "zahl"),),
        "urlaub": (("urlaub_tage", "zahl"),),
    },
    "sv": {
        "kv": (("kv_prozent", "zahl"),),
        "kv_zusatz": (("kv_zusatz_prozent", "zahl"),),
        "pv": (("pv_prozent", "zahl"),),
        "rv": (("rv_prozent", "zahl"),),
        "av": (("av_prozent", "zahl"),),
        "u1": (("u1_prozent", "zahl"),),
        "u2": (("u2_prozent", "zahl"),),
    },
    "zuschlaege": {
        "nacht1": (("nacht_arbeit1_stunden", "zahl"), ("nacht_arbeit1_zuschlag_prozent", "anteil")),
        "nacht2": (("nacht_arbeit2_stunden", "zahl"), ("nacht_arbeit2_zuschlag_prozent", "anteil")),
        "sonntag1": (("sonntag_arbeit1_stunden", "zahl"), ("sonntag_arbeit1_zuschlag_prozent", "anteil")),
        "sonntag2": (("sonntag_arbeit2_stunden", "zahl"), ("sonntag_arbeit2_zuschlag_prozent", "anteil")),
    },
    "sonstige": {
        "berufsgenossenschaft": (("berufsgenossenschaft", "zahl"),),
        "unterkunft": (("unterkunft", "zahl"),),
        "regiekosten": (("regiekosten", "zahl"),),
        "lohnabrechnung": (("lohnabrechnung", "zahl"),),
        "begleitperson": (("begleitperson", "zahl"),),
        "beratung": (("beratung", "zahl"),),
    },
    "einzeln": {
        "stundensatz": (("stundensatz", "zahl"),),
        "tage": (("tage", "zahl"),),
        "erstattung": (("erstattung_prozent", "anteil"),),
    },
}

# Cached totals: anchor → (result key, which value right of the inputs). Block subtotals stand on any row of
# their block as the value after the line's own amount.
_SUMMEN_ANKER = {
    "bruttoverdienst": "bruttoverdienst_jahr",
    "bruttolohnkosten": "bruttolohnkosten",
    "ag_betrag": "arbeitgeberanteil",
    "gesamt_jahr": "gesamtkosten_jahr",
    "gesamt_monat": "gesamtkosten_monat",
    "gesamt_stunde": "gesamtkosten_stunde",
}

_SUMMEN_BEZEICHNUNG = {
    "kosten_je_arbeitstag": "Kosten je Arbeitstag",
    "bruttoverdienst_jahr": "Bruttoverdienst im Jahr",
    "pauschalen": "Kalkulatorische Pauschalen zusammen",
    "bruttolohnkosten": "Bruttolohnkosten",
    "arbeitgeberanteil": "Arbeitgeberanteil in €",
    "zuschlaege": "Steuer- und sozialversicherungsfreie Zuschläge",
    "erstattung": "Erstattung der Lohnfortzahlungskosten",
    "sonstige_kosten": "Sonstige Kosten zusammen",
    "gesamtkosten_jahr": "Gesamtkosten im Jahr",
    "gesamtkosten_monat": "umgerechnet auf den Monat",
    "gesamtkosten_stunde": "umgerechnet auf die Stunde",
}


class _Erkennung:
    def __init__(self, blatt: _Blatt) -> None:
        self.b = blatt
        self.werte: dict[str, Decimal] = {}
        self.erkannt: list[ErkannterWert] = []
        self.summen: dict[str, tuple[Decimal, str]] = {}  # result key → (cached value, cell)

    def _merke(self, param: str, anker: _Anker, zeile: int, spalte: int, wert: Decimal) -> None:
        self.werte[param] = wert
        self.erkannt.append(ErkannterWert(param, anker.text, zelladresse(zeile, spalte), wert))

    def _cache(self, schluessel: str, zeile: int, spalte: int) -> None:
        zahl = _als_decimal(self.b.wert(zeile, spalte))
        if zahl is not None:
            self.summen[schluessel] = (zahl, zelladresse(zeile, spalte))

    def _eingabe(self, anker: _Anker, zeile: int, spalte: int, param: str, art: str, *, pflicht: bool) -> None:
        wert = self.b.zahl(zeile, spalte, anker.text.rstrip(": "), leer_ist_null=not pflicht)
        if art == "anteil":
            roh = self.b.wert(zeile, spalte)
            # A number in the cell is a fraction shown as percent; text "30 %" already means percent.
            if not (isinstance(roh, str) and "%" in roh):
                wert = wert * HUNDERT
        if wert == wert.to_integral_value():
            wert = wert.quantize(Decimal(1))
        self._merke(param, anker, zeile, spalte, wert)

    def block(self, name: str, plan: dict[str, tuple[tuple[str, str], ...]]) -> None:
        gefunden = [self.b.anker[a] for a in plan if a in self.b.anker]
        if not gefunden:
            return
        # Column of the i-th input: the most common position among the block's rows (robust to an empty cell).
        anzahl = max(len(plan[a.schluessel]) for a in gefunden)
        spalten: list[int] = []
        for i in range(anzahl):
            kandidaten = [
                rechts[i]
                for a in gefunden
                if len(plan[a.schluessel]) > i and len(rechts := self.b.zellen_rechts(a)) > i
            ]
            if not kandidaten:
                kandidaten = [a.spalte + 1 + i for a in gefunden]
            spalten.append(Counter(kandidaten).most_common(1)[0][0])
        pflicht = name == "einzeln"
        for anker in gefunden:
            eingaben = plan[anker.schluessel]
            if pflicht:
                rechts = self.b.zellen_rechts(anker)
                eigene = rechts[: len(eingaben)]
                if len(eigene) < len(eingaben):
                    raise EingabeFehler(
                        f"Datei „{self.b.datei}“, Tabellenblatt „{self.b.name}“: neben „{anker.text.rstrip(': ')}“ "
                        f"(Zelle {zelladresse(anker.zeile, anker.spalte)}) steht kein Wert. Bitte tragen Sie ihn ein "
                        "und importieren Sie erneut."
                    )
            else:
                eigene = spalten[: len(eingaben)]
            for (param, art), spalte in zip(eingaben, eigene, strict=True):
                self._eingabe(anker, anker.zeile, spalte, param, art, pflicht=pflicht)
            # cached values right of the inputs: the line's own amount, then a block subtotal
            danach = [s for s in self.b.zellen_rechts(anker) if s > eigene[-1]]
            if name == "einzeln" and anker.schluessel == "erstattung" and danach:
                self._cache("erstattung", anker.zeile, danach[0])
            elif name == "pauschalen" and len(danach) >= 2:
                self._cache("pauschalen", anker.zeile, danach[1])
            elif name == "zuschlaege" and len(danach) >= 2:
                self._cache("zuschlaege", anker.zeile, danach[1])
            elif name == "sonstige" and danach:
                self._cache("sonstige_kosten", anker.zeile, danach[0])

    def einmalbezuege(self) -> None:
        for anker_name, param in (("urlaubsgeld", "urlaubsgeld_prozent"), ("weihnachtsgeld", "weihnachtsgeld_prozent")):
            anker = self.b.anker.get(anker_name)
            if anker is None:
                continue
            links = self.b.zelle_links(anker)
            if links is not None:
                self._eingabe(anker, anker.zeile, links, param, "anteil", pflicht=False)
            else:
                rechts = self.b.zellen_rechts(anker)
                if len(rechts) >= 2:  # layout "Urlaubsgeld | 50 % | Betrag"
                    self._eingabe(anker, anker.zeile, rechts[0], param, "anteil", pflicht=False)

    def arbeitstag(self) -> None:
        anker = self.b.anker["je_arbeitstag"]
        name = anker.text.rstrip(": ")
        kopf1, kopf2 = self.b.anker.get("arbeit1_kopf"), self.b.anker.get("arbeit2_kopf")
        if kopf1 is not None and kopf2 is not None:
            s1, s2 = kopf1.spalte, kopf2.spalte
        else:
            rechts = self.b.zellen_rechts(anker)
            if len(rechts) < 2:
                raise EingabeFehler(
                    f"Datei „{self.b.datei}“, Tabellenblatt „{self.b.name}“: neben „{name}“ (Zelle "
                    f"{zelladresse(anker.zeile, anker.spalte)}) fehlen die Stunden für Arbeit I und Arbeit II."
                )
            s1, s2 = rechts[0], rechts[1]
        self._merke("arbeit1_stunden", anker, anker.zeile, s1, self.b.zahl(anker.zeile, s1, f"{name}, Arbeit I"))
        self._merke("arbeit2_stunden", anker, anker.zeile, s2, self.b.zahl(anker.zeile, s2, f"{name}, Arbeit II"))
        danach = [s for s in self.b.zellen_rechts(anker) if s > max(s1, s2)]
        if danach:
            self._cache("kosten_je_arbeitstag", anker.zeile, danach[0])
        # The weighting row (100 % / 30 %) sits between the "Arbeit I/II" header and this row.
        oben = kopf1.zeile if kopf1 is not None else max(anker.zeile - 3, 0)
        for zeile in range(anker.zeile - 1, oben, -1):
            if _als_decimal(self.b.wert(zeile, s2)) is not None or _als_decimal(self.b.wert(zeile, s1)) is not None:
                for param, spalte, text in (("arbeit1_prozent", s1, "Arbeit I"), ("arbeit2_prozent", s2, "Arbeit II")):
                    kopf = _Anker(param, zeile, spalte, f"Bewertung {text}")
                    self._eingabe(kopf, zeile, spalte, param, "anteil", pflicht=True)
                return
        raise EingabeFehler(
            f"Datei „{self.b.datei}“, Tabellenblatt „{self.b.name}“: die Bewertung von Arbeit I und Arbeit II in "
            f"Prozent (über Zelle {zelladresse(anker.zeile, s1)}) wurde nicht gefunden."
        )

    def summen_zeilen(self) -> None:
        for anker_name, schluessel in _SUMMEN_ANKER.items():
            anker = self.b.anker.get(anker_name)
            if anker is None:
                continue
            rechts = self.b.zellen_rechts(anker)
            if rechts:
                self._cache(schluessel, anker.zeile, rechts[0])

    def version(self) -> str | None:
        anker = self.b.anker.get("version")
        if anker is None:
            return None
        for s in self.b.zellen_rechts(anker):
            roh = self.b.wert(anker.zeile, s)
            if isinstance(roh, datetime | date):
                return f"{roh:%d.%m.%Y}"
            if isinstance(roh, str):
                return roh.strip()
            if isinstance(roh, int):
                return str(roh)
        return None


def importiere(pfad: str | Path, *, anzeigename: str | None = None) -> ImportErgebnis:
    """Read an old Kalkulation workbook, recompute it and compare with the totals cached in the file.

    Raises EingabeFehler (one German sentence naming the file and the cell or label) for a damaged or protected
    file, a workbook that is no Kalkulation, or text where a number belongs. Nothing is saved here.
    """
    pfad = Path(pfad)
    name = anzeigename or str(pfad)
    blatt = _waehle_blatt(_lies_blaetter(pfad, name), name)
    e = _Erkennung(blatt)
    for block, plan in _BLOECKE.items():
        e.block(block, plan)
    e.einmalbezuege()
    e.arbeitstag()
    e.summen_zeilen()
    if "tage" not in e.werte:
        raise EingabeFehler(
            f"Datei „{name}“, Tabellenblatt „{blatt.name}“: die Zeile „Anzahl Tage“ wurde nicht gefunden."
        )
    parameter = KalkulationsParameter(**e.werte)
    ergebnis = berechne(parameter)
    nicht_gefunden = tuple(f for f in FELD if f not in e.werte)

    abweichungen: list[Abweichung] = []
    for schluessel, (in_datei, zelle) in e.summen.items():
        neu = ergebnis[schluessel]
        vergleich = abs(in_datei) if schluessel == "erstattung" else in_datei
        if abs(vergleich - neu) > TOLERANZ:
            abweichungen.append(Abweichung(schluessel, _SUMMEN_BEZEICHNUNG[schluessel], zelle, vergleich, neu))
    reihenfolge = list(_SUMMEN_BEZEICHNUNG)
    abweichungen.sort(key=lambda a: reihenfolge.index(a.schluessel))

    hinweise: list[Hinweis] = list(ergebnis.hinweise)  # implausible figures are named on import, not only later
    if nicht_gefunden:
        hinweise.append(
            Hinweis(
                "KALKULATION_IMPORT_NICHT_GEFUNDEN",
                Schwere.INFO,
                "Nicht in der Datei und deshalb mit 0 übernommen: "
                + ", ".join(FELD[f].bezeichnung for f in nicht_gefunden)
                + ".",
            )
        )
    for a in abweichungen:
        hinweise.append(
            Hinweis(
                "KALKULATION_IMPORT_ABWEICHUNG",
                Schwere.WARNUNG,
                f"„{a.bezeichnung}“: in der Datei (Zelle {a.zelle}) {_de(a.in_datei)} €, neu berechnet "
                f"{_de(a.neu_berechnet)} € (Unterschied {_de(a.differenz)} €).",
            )
        )
    return ImportErgebnis(
        datei=name,
        blatt=blatt.name,
        version=e.version(),
        parameter=parameter,
        ergebnis=ergebnis,
        abweichungen=tuple(abweichungen),
        erkannt=tuple(e.erkannt),
        nicht_gefunden=nicht_gefunden,
        in_datei=dict(e.summen),
        hinweise=tuple(hinweise),
    )


def _de(betrag: Decimal) -> str:
    return format_eur(betrag, symbol=False)
