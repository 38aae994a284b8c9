"""One payroll month for the assistants of a scenario file (CONTRACTS §3), computed without any database.

Assumptions a scenario file cannot avoid (each one is reported as a Hinweis where it matters):
- The month's running pay is regular: it is used for the classification and, with one-off payments, as the
  forecast for the year (laufendes Entgelt × 12 + Einmalzahlungen, paid once a year).
- For one-off payments the employment is taken to have existed since January with this month's running pay
  (Jahres-BBG § 23a SGB IV, voraussichtlicher Jahresarbeitslohn R 39b.6 LStR).
- Absences (krank, urlaub) are paid by the Lohnausfallprinzip: the shifts listed on absence days are the shifts
  the person would have worked; they are paid with their surcharges, which are then fully taxable. If an absence
  has no listed shift, the average pay per calendar day of the worked shifts stands in for the 13-week average.
- Shifts are cut at the month's borders; only the part inside the month counts.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from core.domain.geld import NULL, als_text, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import BUNDESLAENDER, MONATE, landeskuerzel, monatsgrenzen
from core.domain.zeit import BERLIN, als_berlin, dauer, stunden, tagesbeginn
from core.fehler import EingabeFehler, dateigrund
from core.regeln import steuer
from core.regeln.beitraege import BeitragsEingabe, Kasse, berechne_beitraege
from core.regeln.klassifikation import (
    BEZEICHNUNG,
    Befristung,
    Beschaeftigungsart,
    KlassifikationsEingabe,
    Zweig,
    klassifiziere,
)
from core.regeln.tabellen import regelwert
from core.regeln.zuschlaege import Arbeitszeitraum, Zuschlagssaetze, berechne_zuschlaege

HUNDERT = Decimal(100)
# Bounds for every number and date a scenario file can hold: far above any household's figures, far below what
# would overflow Decimal's 28 digits or the calendar, so a hostile file gets one German sentence, not a traceback.
HOECHSTBETRAG = Decimal(10_000_000)
KLEINSTE_STELLE = Decimal("0.000001")
HOECHSTE_GANZZAHL = 9999
FRUEHESTES_DATUM = date(1900, 1, 1)
SPAETESTES_DATUM = date(2199, 12, 31)
HOECHSTE_DATEIGROESSE = 5_000_000  # bytes; a month of shifts for a large team is a few hundred kilobytes
HOECHSTE_TIEFE = 16  # nesting of the file: the format itself needs five levels
ABWESENHEITSARTEN = ("krank", "urlaub", "unbezahlt")
PAUSCHALSTEUER = (None, "2", "25", "individuell")

# --------------------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SzenarioKasse:
    name: str
    zusatzbeitrag: Decimal
    u1_satz: Decimal
    u2_satz: Decimal
    u1_erstattung: Decimal | None = None
    ag_anteile_erstattet: bool = False


@dataclass(frozen=True, slots=True)
class Schicht:
    beginn: datetime
    ende: datetime
    bereitschaft: bool = False


@dataclass(frozen=True, slots=True)
class Abwesenheit:
    art: str
    von: date
    bis: date


@dataclass(frozen=True, slots=True)
class Einmalzahlung:
    art: str
    betrag: Decimal


@dataclass(frozen=True, slots=True)
class SzenarioKraft:
    id: str
    geburtsdatum: date
    krankenkasse: str
    beschaeftigung: str = "auto"
    steuerklasse: int = 1
    kinderfreibetraege: Decimal = NULL
    kirchensteuer: bool = False
    pauschalsteuer: str | None = None
    kinder_unter_25: int = 0
    elterneigenschaft: bool = False
    rv_befreiung: bool = False
    student: bool = False
    stundenlohn: Decimal | None = None
    tageslohn: Decimal | None = None
    monatslohn: Decimal | None = None
    bereitschaft_prozent: Decimal = Decimal(30)
    zuschlaege: Zuschlagssaetze = field(default_factory=Zuschlagssaetze)
    schichten: tuple[Schicht, ...] = ()
    abwesenheiten: tuple[Abwesenheit, ...] = ()
    einmalzahlungen: tuple[Einmalzahlung, ...] = ()
    vorbeschaeftigung_tage_im_jahr: int = 0
    befristung: Befristung | None = None  # extension: a kurzfristige Beschäftigung's contract period
    berufsmaessig: bool | None = None  # extension


@dataclass(frozen=True, slots=True)
class Szenario:
    jahr: int
    monat: int
    bundesland: str
    privathaushalt: bool
    unfallversicherung_prozent: Decimal
    krankenkassen: Mapping[str, SzenarioKasse]
    assistenzkraefte: tuple[SzenarioKraft, ...]


class _Leser:
    """Reads one JSON object field by field; every error names the path of the field in the file."""

    def __init__(self, daten: Any, pfad: str) -> None:
        if not isinstance(daten, dict):
            raise EingabeFehler(f"{pfad or 'Die Datei'}: hier wird ein Objekt {{…}} erwartet.", feld=pfad)
        self.daten: dict[str, Any] = daten
        self.pfad = pfad
        self.gelesen: set[str] = set()

    def ort(self, name: str) -> str:
        return f"{self.pfad}.{name}" if self.pfad else name

    def fehler(self, name: str, text: str) -> EingabeFehler:
        return EingabeFehler(f"{self.ort(name)}: {text}", feld=self.ort(name))

    def roh(self, name: str, *, pflicht: bool = False) -> Any:
        self.gelesen.add(name)
        if name not in self.daten or self.daten[name] is None:
            if pflicht:
                raise self.fehler(name, "diese Angabe fehlt. Bitte ergänzen Sie sie.")
            return None
        return self.daten[name]

    def ganzzahl(self, name: str, vorgabe: int | None = None, *, pflicht: bool = False, min: int = 0) -> int:
        wert = self.roh(name, pflicht=pflicht)
        if wert is None:
            assert vorgabe is not None
            return vorgabe
        if isinstance(wert, bool) or not isinstance(wert, int):
            raise self.fehler(name, f"„{_kurz(wert)}“ ist keine ganze Zahl.")
        if wert < min:
            raise self.fehler(name, f"{_kurz(wert)} ist zu klein (mindestens {min}).")
        if wert > HOECHSTE_GANZZAHL:
            raise self.fehler(name, f"{_kurz(wert)} ist zu groß (höchstens {HOECHSTE_GANZZAHL}).")
        return wert

    def wahrheitswert(self, name: str, vorgabe: bool) -> bool:
        wert = self.roh(name)
        if wert is None:
            return vorgabe
        if not isinstance(wert, bool):
            raise self.fehler(name, f"„{wert}“ ist kein Wahrheitswert; bitte true oder false angeben.")
        return wert

    def text(self, name: str, vorgabe: str | None = None, *, pflicht: bool = False) -> str:
        wert = self.roh(name, pflicht=pflicht)
        if wert is None:
            assert vorgabe is not None
            return vorgabe
        if not isinstance(wert, str) or not wert.strip():
            raise self.fehler(name, "hier wird ein Text erwartet.")
        return wert.strip()

    def betrag(
        self, name: str, vorgabe: Decimal | None = None, *, pflicht: bool = False, hoechstens: Decimal | None = None
    ) -> Decimal | None:
        wert = self.roh(name, pflicht=pflicht)
        if wert is None:
            return vorgabe
        if isinstance(wert, bool) or not isinstance(wert, str | int | Decimal):
            raise self.fehler(
                name, f'„{_kurz(wert)}“ ist kein Betrag. Bitte als Text mit Punkt angeben, z. B. "15.50".'
            )
        try:
            zahl = Decimal(wert.strip()) if isinstance(wert, str) else Decimal(wert)
        except ArithmeticError:
            raise self.fehler(
                name, f'„{_kurz(wert)}“ ist kein Betrag. Bitte mit Punkt angeben, z. B. "15.50".'
            ) from None
        if not zahl.is_finite() or zahl < 0:
            raise self.fehler(
                name, f'„{_kurz(wert)}“ ist kein gültiger Betrag (nicht negativ, mit Punkt, z. B. "15.50").'
            )
        grenze = HOECHSTBETRAG if hoechstens is None else min(hoechstens, HOECHSTBETRAG)
        if zahl > grenze:
            raise self.fehler(name, f"{_kurz(wert)} ist zu groß (höchstens {grenze}).")
        if zahl != zahl.quantize(KLEINSTE_STELLE):
            raise self.fehler(name, f"{_kurz(wert)} hat zu viele Nachkommastellen (höchstens sechs).")
        return zahl

    def datum(self, name: str, *, pflicht: bool = True) -> date:
        wert = self.roh(name, pflicht=pflicht)
        try:
            tag = date.fromisoformat(wert)
        except (TypeError, ValueError):
            raise self.fehler(name, f"„{_kurz(wert)}“ ist kein Datum. Bitte im Format JJJJ-MM-TT angeben.") from None
        self._im_bereich(name, tag)
        return tag

    def zeitpunkt(self, name: str) -> datetime:
        wert = self.roh(name, pflicht=True)
        try:
            zeit = datetime.fromisoformat(wert)
        except (TypeError, ValueError):
            raise self.fehler(
                name, f"„{_kurz(wert)}“ ist kein Zeitpunkt. Bitte im Format JJJJ-MM-TTTHH:MM angeben."
            ) from None
        self._im_bereich(name, zeit.date())
        try:
            return als_berlin(zeit)
        except EingabeFehler as fehler:
            raise self.fehler(name, str(fehler)) from None

    def _im_bereich(self, name: str, tag: date) -> None:
        if not FRUEHESTES_DATUM <= tag <= SPAETESTES_DATUM:
            raise self.fehler(
                name,
                f"{tag.day:02d}.{tag.month:02d}.{tag.year:04d} liegt außerhalb des möglichen Zeitraums "
                f"({FRUEHESTES_DATUM:%d.%m.%Y} bis {SPAETESTES_DATUM:%d.%m.%Y}).",
            )

    def liste(self, name: str) -> list[Any]:
        wert = self.roh(name)
        if wert is None:
            return []
        if not isinstance(wert, list):
            raise self.fehler(name, "hier wird eine Liste […] erwartet.")
        return wert

    def fertig(self) -> None:
        unbekannt = sorted(set(self.daten) - self.gelesen)
        if unbekannt:
            raise self.fehler(
                unbekannt[0], "dieses Feld ist unbekannt. Bitte prüfen Sie die Schreibweise (siehe Handbuch)."
            )


def lade_szenario(pfad: Path) -> Szenario:
    """Read and check a scenario file; every problem becomes one German EingabeFehler."""
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad writes one) is read over, not an error
        with pfad.open(encoding="utf-8-sig") as datei:
            text = datei.read(HOECHSTE_DATEIGROESSE + 1)  # never more into memory than a scenario can need
    except FileNotFoundError:
        raise EingabeFehler(f"Die Datei „{pfad}“ gibt es nicht. Bitte den Pfad prüfen.") from None
    except IsADirectoryError:
        raise EingabeFehler(f"„{pfad}“ ist ein Ordner, keine Szenario-Datei.") from None
    except UnicodeDecodeError:
        raise EingabeFehler(
            f"Die Datei „{pfad}“ ist keine UTF-8-Textdatei. Bitte als JSON (UTF-8) speichern."
        ) from None
    except OSError as fehler:
        raise EingabeFehler(f"Die Datei „{pfad}“ lässt sich nicht lesen ({dateigrund(fehler)}).") from None
    if len(text) > HOECHSTE_DATEIGROESSE:
        raise EingabeFehler(
            f"Die Datei „{pfad}“ ist zu groß für eine Szenario-Datei (mehr als {HOECHSTE_DATEIGROESSE // 1_000_000} "
            "Millionen Zeichen). Bitte prüfen Sie, ob es die richtige Datei ist."
        )
    try:
        daten = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as fehler:
        raise EingabeFehler(
            f"Die Datei „{pfad}“ ist kein gültiges JSON (Zeile {fehler.lineno}, Spalte {fehler.colno}: "
            f"{_json_fehler(fehler.msg)}). Bitte die Stelle korrigieren."
        ) from None
    except RecursionError:
        raise _zu_tief(pfad) from None
    except ValueError:  # an integer with more digits than Python converts (sys.get_int_max_str_digits)
        raise EingabeFehler(
            f"Die Datei „{pfad}“ enthält eine Zahl mit zu vielen Stellen. Bitte die Beträge prüfen."
        ) from None
    _pruefe_json(daten, pfad)
    try:
        return lies_szenario(daten)
    except EingabeFehler as fehler:
        raise EingabeFehler(f"Szenario „{pfad.name}“ – {fehler}", feld=fehler.feld) from None


def _zu_tief(pfad: Path) -> EingabeFehler:
    return EingabeFehler(
        f"Die Datei „{pfad}“ ist zu tief verschachtelt (mehr als {HOECHSTE_TIEFE} Ebenen aus {{…}} und […]); "
        "so ist keine Szenario-Datei aufgebaut. Bitte prüfen Sie, ob es die richtige Datei ist."
    )


def _pruefe_json(daten: Any, pfad: Path) -> None:
    """Nesting depth and text the rest of the program can handle: no lone surrogates ("\\ud800") anywhere."""
    offen: list[tuple[Any, int]] = [(daten, 1)]
    while offen:
        wert, tiefe = offen.pop()
        if tiefe > HOECHSTE_TIEFE:
            raise _zu_tief(pfad)
        if isinstance(wert, dict):
            offen.extend((k, tiefe) for k in wert)
            offen.extend((v, tiefe + 1) for v in wert.values())
        elif isinstance(wert, list):
            offen.extend((v, tiefe + 1) for v in wert)
        elif isinstance(wert, str):
            try:
                wert.encode("utf-8")
            except UnicodeEncodeError as fehler:
                raise EingabeFehler(
                    f"Die Datei „{pfad}“ enthält in einem Text ein ungültiges Zeichen "
                    f"({ascii(fehler.object[fehler.start : fehler.end])[1:-1]}, ein einzelnes UTF-16-Surrogat). "
                    "Bitte die Stelle korrigieren."
                ) from None


def _kurz(wert: Any) -> str:
    """A value for an error message: at most 40 characters (a hostile file can hold a million digits)."""
    text = str(wert) if not isinstance(wert, int) or wert.bit_length() < 128 else f"{str(wert)[:20]}…"
    return text if len(text) <= 40 else f"{text[:39]}…"


def _json_fehler(meldung: str) -> str:
    uebersetzung = {
        "Expecting value": "Wert erwartet",
        "Expecting property name enclosed in double quotes": "Feldname in doppelten Anführungszeichen erwartet",
        "Expecting ',' delimiter": "Komma erwartet",
        "Expecting ':' delimiter": "Doppelpunkt erwartet",
        "Extra data": "überzählige Zeichen nach dem Ende",
        "Unterminated string starting at": "Text ohne schließendes Anführungszeichen",
        "Invalid control character at": "ungültiges Steuerzeichen",
        "Invalid \\escape": "ungültiges Zeichen nach einem Rückstrich \\",
        "Invalid \\uXXXX escape": "ungültige Angabe \\uXXXX",
        "Unexpected UTF-8 BOM (decode using utf-8-sig)": "Byte-Order-Mark am Dateianfang",
        "Illegal trailing comma before end of object": "Komma vor dem Ende eines Objekts",
        "Illegal trailing comma before end of array": "Komma vor dem Ende einer Liste",
    }
    return uebersetzung.get(meldung, "der Aufbau stimmt hier nicht")


def lies_szenario(daten: Any) -> Szenario:
    oben = _Leser(daten, "")
    jahr = oben.ganzzahl("jahr", pflicht=True, min=1)
    monat = oben.ganzzahl("monat", pflicht=True, min=1)
    if monat > 12:
        raise oben.fehler("monat", f"{monat} ist kein Monat (1 bis 12).")
    regelwert("mindestlohn_stunde", date(jahr, monat, 1))  # unknown year → clear message naming the years

    ag = _Leser(oben.roh("arbeitgeber", pflicht=True), "arbeitgeber")
    land = ag.text("bundesland", pflicht=True)
    if land not in BUNDESLAENDER:
        raise ag.fehler("bundesland", f"„{land}“ ist kein Bundesland-Kürzel. Erlaubt: {', '.join(BUNDESLAENDER)}.")
    privathaushalt = ag.wahrheitswert("privathaushalt", True)
    uv = ag.betrag("unfallversicherung_prozent", NULL, hoechstens=HUNDERT)
    assert uv is not None
    ag.fertig()

    kassen_roh = oben.roh("krankenkassen") or {}
    if not isinstance(kassen_roh, dict):
        raise oben.fehler("krankenkassen", "hier wird ein Objekt {Name: {…}} erwartet.")
    kassen: dict[str, SzenarioKasse] = {}
    for name, roh in kassen_roh.items():
        k = _Leser(roh, f"krankenkassen[{name!r}]".replace("'", "„", 1).replace("'", "“", 1))
        zusatz = k.betrag("zusatzbeitrag", pflicht=True, hoechstens=HUNDERT)
        u1 = k.betrag("u1_satz", pflicht=True, hoechstens=HUNDERT)
        u2 = k.betrag("u2_satz", pflicht=True, hoechstens=HUNDERT)
        erstattung = k.betrag("u1_erstattung", hoechstens=HUNDERT)
        ag_anteile = k.wahrheitswert("ag_anteile_erstattet", False)
        k.fertig()
        assert zusatz is not None and u1 is not None and u2 is not None
        kassen[name] = SzenarioKasse(name, zusatz, u1, u2, erstattung, ag_anteile)

    kraefte_roh = oben.liste("assistenzkraefte")
    if not kraefte_roh:
        raise oben.fehler("assistenzkraefte", "es ist keine Assistenzkraft angegeben.")
    kraefte = tuple(_lies_kraft(roh, f"assistenzkraefte[{i}]", kassen) for i, roh in enumerate(kraefte_roh))
    ids = [k.id for k in kraefte]
    doppelt = sorted({i for i in ids if ids.count(i) > 1})
    if doppelt:
        raise oben.fehler("assistenzkraefte", f"die id „{doppelt[0]}“ kommt mehrfach vor; jede id nur einmal.")
    oben.fertig()
    return Szenario(jahr, monat, land, privathaushalt, uv, kassen, kraefte)


def _lies_kraft(roh: Any, pfad: str, kassen: Mapping[str, SzenarioKasse]) -> SzenarioKraft:
    r = _Leser(roh, pfad)
    ident = r.text("id", pflicht=True)
    r.pfad = f"{pfad} („{ident}“)"
    geburtsdatum = r.datum("geburtsdatum")
    kasse = r.text("krankenkasse", pflicht=True)
    if kasse != "privat" and kasse not in kassen:
        bekannt = ", ".join(f"„{k}“" for k in kassen) or "keine"
        raise r.fehler(
            "krankenkasse",
            f"die Kasse „{kasse}“ steht nicht unter „krankenkassen“ (bekannt: {bekannt}; oder „privat“).",
        )
    art = r.text("beschaeftigung", "auto")
    erlaubt = ["auto", *(a.value for a in Beschaeftigungsart)]
    if art not in erlaubt:
        raise r.fehler("beschaeftigung", f"„{art}“ ist nicht vorgesehen; möglich: {', '.join(erlaubt)}.")
    steuerklasse = r.ganzzahl("steuerklasse", 1, min=1)
    if steuerklasse > 6:
        raise r.fehler("steuerklasse", f"Steuerklasse {steuerklasse} gibt es nicht (1 bis 6).")
    pauschal_roh = r.roh("pauschalsteuer")
    pauschal = None if pauschal_roh is None else str(pauschal_roh).strip()
    if pauschal not in PAUSCHALSTEUER:
        raise r.fehler(
            "pauschalsteuer", f'„{pauschal_roh}“ ist nicht vorgesehen; möglich: null, "2", "25", "individuell".'
        )

    loehne = {n: r.betrag(n) for n in ("stundenlohn", "tageslohn", "monatslohn")}
    angegeben = [n for n, w in loehne.items() if w is not None]
    if len(angegeben) != 1:
        raise r.fehler(
            "stundenlohn",
            "bitte genau eine der Angaben stundenlohn, tageslohn oder monatslohn machen"
            + (f" (angegeben: {', '.join(angegeben)})." if angegeben else "."),
        )

    zuschlaege = _lies_zuschlaege(r)
    schichten = tuple(_lies_schicht(s, f"{r.pfad}.schichten[{i}]") for i, s in enumerate(r.liste("schichten")))
    abwesenheiten = tuple(
        _lies_abwesenheit(a, f"{r.pfad}.abwesenheiten[{i}]") for i, a in enumerate(r.liste("abwesenheiten"))
    )
    einmal = tuple(_lies_einmal(e, f"{r.pfad}.einmalzahlungen[{i}]") for i, e in enumerate(r.liste("einmalzahlungen")))
    befristung = _lies_befristung(r)
    berufsmaessig_roh = r.roh("berufsmaessig")
    if berufsmaessig_roh is not None and not isinstance(berufsmaessig_roh, bool):
        raise r.fehler("berufsmaessig", "bitte true, false oder null angeben.")
    bereitschaft = r.betrag("bereitschaft_prozent", Decimal(30), hoechstens=HUNDERT)
    kinderfreibetraege = r.betrag("kinderfreibetraege", NULL)
    kraft = SzenarioKraft(
        id=ident,
        geburtsdatum=geburtsdatum,
        krankenkasse=kasse,
        beschaeftigung=art,
        steuerklasse=steuerklasse,
        kinderfreibetraege=kinderfreibetraege if kinderfreibetraege is not None else NULL,
        kirchensteuer=r.wahrheitswert("kirchensteuer", False),
        pauschalsteuer=pauschal,
        kinder_unter_25=r.ganzzahl("kinder_unter_25", 0),
        elterneigenschaft=r.wahrheitswert("elterneigenschaft", False),
        rv_befreiung=r.wahrheitswert("rv_befreiung", False),
        student=r.wahrheitswert("student", False),
        stundenlohn=loehne["stundenlohn"],
        tageslohn=loehne["tageslohn"],
        monatslohn=loehne["monatslohn"],
        bereitschaft_prozent=bereitschaft if bereitschaft is not None else Decimal(30),
        zuschlaege=zuschlaege,
        schichten=schichten,
        abwesenheiten=abwesenheiten,
        einmalzahlungen=einmal,
        vorbeschaeftigung_tage_im_jahr=r.ganzzahl("vorbeschaeftigung_tage_im_jahr", 0),
        befristung=befristung,
        berufsmaessig=berufsmaessig_roh,
    )
    r.fertig()
    return kraft


ZUSCHLAGSARTEN = ("nacht", "nacht_0_4", "sonntag", "feiertag", "weihnachten_maifeiertag", "heiligabend_silvester")


def _lies_zuschlaege(r: _Leser) -> Zuschlagssaetze:
    roh = r.roh("zuschlaege_prozent")
    if roh is None:
        return Zuschlagssaetze()
    z = _Leser(roh, r.ort("zuschlaege_prozent"))
    werte = {name: z.betrag(name, hoechstens=Decimal(1000)) for name in ZUSCHLAGSARTEN}
    z.fertig()
    return Zuschlagssaetze(
        nacht=werte["nacht"] or NULL,
        nacht_0_4=werte["nacht_0_4"],
        sonntag=werte["sonntag"] or NULL,
        feiertag=werte["feiertag"] or NULL,
        weihnachten_maifeiertag=werte["weihnachten_maifeiertag"],
        heiligabend_silvester=werte["heiligabend_silvester"] or NULL,
    )


def _lies_schicht(roh: Any, pfad: str) -> Schicht:
    s = _Leser(roh, pfad)
    beginn = s.zeitpunkt("beginn")
    ende = s.zeitpunkt("ende")
    bereitschaft = s.wahrheitswert("bereitschaft", False)
    s.fertig()
    if dauer(beginn, ende) <= timedelta(0):
        raise s.fehler("ende", "die Schicht endet nicht nach ihrem Beginn. Bitte Beginn und Ende prüfen.")
    if dauer(beginn, ende) > timedelta(days=7):
        raise s.fehler("ende", "die Schicht dauert länger als sieben Tage. Bitte Beginn und Ende prüfen.")
    return Schicht(beginn, ende, bereitschaft)


def _lies_abwesenheit(roh: Any, pfad: str) -> Abwesenheit:
    a = _Leser(roh, pfad)
    art = a.text("art", pflicht=True)
    if art not in ABWESENHEITSARTEN:
        raise a.fehler("art", f"„{art}“ ist nicht vorgesehen; möglich: {', '.join(ABWESENHEITSARTEN)}.")
    von = a.datum("von")
    bis = a.datum("bis")
    a.fertig()
    if bis < von:
        raise a.fehler("bis", "das Ende liegt vor dem Beginn.")
    return Abwesenheit(art, von, bis)


def _lies_einmal(roh: Any, pfad: str) -> Einmalzahlung:
    e = _Leser(roh, pfad)
    art = e.text("art", "einmalzahlung")
    betrag = e.betrag("betrag", pflicht=True)
    e.fertig()
    assert betrag is not None
    if betrag != cent(betrag):
        raise e.fehler("betrag", f"{betrag} hat mehr als zwei Nachkommastellen.")
    return Einmalzahlung(art, betrag)


def _lies_befristung(r: _Leser) -> Befristung | None:
    roh = r.roh("befristung")
    if roh is None:
        return None
    b = _Leser(roh, r.ort("befristung"))
    von = b.datum("von")
    bis = b.datum("bis")
    arbeitstage_roh = b.roh("arbeitstage")
    arbeitstage = None if arbeitstage_roh is None else b.ganzzahl("arbeitstage", 0)
    tage = b.betrag("tage_je_woche", hoechstens=Decimal(7))
    b.fertig()
    if bis < von:
        raise b.fehler("bis", "das Ende liegt vor dem Beginn.")
    return Befristung(von, bis, arbeitstage, tage)


# --------------------------------------------------------------------------------------------------------
# Computation
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KraftErgebnis:
    id: str
    beschaeftigung: Beschaeftigungsart
    begruendung: tuple[str, ...]
    hinweise: tuple[Hinweis, ...]
    stunden: Decimal
    bereitschaftsstunden: Decimal
    brutto: Decimal
    steuerfreie_zuschlaege: Decimal
    steuerbrutto: Decimal
    sv_brutto: Decimal
    lohnsteuer: Decimal
    solidaritaetszuschlag: Decimal
    kirchensteuer: Decimal
    kv_an: Decimal
    pv_an: Decimal
    rv_an: Decimal
    av_an: Decimal
    netto: Decimal
    kv_ag: Decimal
    pv_ag: Decimal
    rv_ag: Decimal
    av_ag: Decimal
    umlage_u1: Decimal
    umlage_u2: Decimal
    insolvenzgeldumlage: Decimal
    pauschsteuer: Decimal
    unfallversicherung: Decimal
    arbeitgeberkosten: Decimal
    grundverguetung: Decimal
    zuschlaege: Decimal
    lohnfortzahlung: Decimal
    einmalzahlungen: Decimal

    def als_dict(self) -> dict[str, Any]:
        geld = als_text
        return {
            "id": self.id,
            "beschaeftigung": self.beschaeftigung.value,
            "hinweise": [h.als_dict() for h in self.hinweise],
            "stunden": geld(self.stunden),
            "bereitschaftsstunden": geld(self.bereitschaftsstunden),
            "brutto": geld(self.brutto),
            "steuerfreie_zuschlaege": geld(self.steuerfreie_zuschlaege),
            "steuerbrutto": geld(self.steuerbrutto),
            "sv_brutto": geld(self.sv_brutto),
            "lohnsteuer": geld(self.lohnsteuer),
            "solidaritaetszuschlag": geld(self.solidaritaetszuschlag),
            "kirchensteuer": geld(self.kirchensteuer),
            "kv_an": geld(self.kv_an),
            "pv_an": geld(self.pv_an),
            "rv_an": geld(self.rv_an),
            "av_an": geld(self.av_an),
            "netto": geld(self.netto),
            "kv_ag": geld(self.kv_ag),
            "pv_ag": geld(self.pv_ag),
            "rv_ag": geld(self.rv_ag),
            "av_ag": geld(self.av_ag),
            "umlage_u1": geld(self.umlage_u1),
            "umlage_u2": geld(self.umlage_u2),
            "insolvenzgeldumlage": geld(self.insolvenzgeldumlage),
            "pauschsteuer": geld(self.pauschsteuer),
            "unfallversicherung": geld(self.unfallversicherung),
            "arbeitgeberkosten": geld(self.arbeitgeberkosten),
            # extensions (CONTRACTS: extend freely)
            "begruendung": list(self.begruendung),
            "grundverguetung": geld(self.grundverguetung),
            "zuschlaege": geld(self.zuschlaege),
            "lohnfortzahlung": geld(self.lohnfortzahlung),
            "einmalzahlungen": geld(self.einmalzahlungen),
        }


@dataclass(frozen=True, slots=True)
class SzenarioErgebnis:
    jahr: int
    monat: int
    bundesland: str
    privathaushalt: bool
    assistenzkraefte: tuple[KraftErgebnis, ...]

    def als_dict(self) -> dict[str, Any]:
        return {
            "jahr": self.jahr,
            "monat": self.monat,
            "assistenzkraefte": [k.als_dict() for k in self.assistenzkraefte],
        }


def berechne_szenario(s: Szenario) -> SzenarioErgebnis:
    return SzenarioErgebnis(
        s.jahr, s.monat, s.bundesland, s.privathaushalt, tuple(_berechne_kraft(s, k) for k in s.assistenzkraefte)
    )


@dataclass
class _Stunden:
    """Hours and pay of the month, before classification and deductions."""

    arbeit: Decimal = NULL
    bereitschaft: Decimal = NULL
    ausfall_arbeit: Decimal = NULL
    ausfall_bereitschaft: Decimal = NULL
    arbeitstage: set[date] = field(default_factory=set)
    ausfalltage: set[date] = field(default_factory=set)
    zeitraeume: list[tuple[Schicht, datetime, datetime, bool]] = field(default_factory=list)  # (.., geleistet)


def _berechne_kraft(s: Szenario, k: SzenarioKraft) -> KraftErgebnis:
    hinweise: list[Hinweis] = []
    erster = date(s.jahr, s.monat, 1)
    tage_im_monat = calendar.monthrange(s.jahr, s.monat)[1]
    letzter = date(s.jahr, s.monat, tage_im_monat)
    abwesend = _abwesenheitstage(k, erster, letzter)
    st = _stunden(s, k, erster, abwesend, hinweise)
    anteil = k.bereitschaft_prozent / HUNDERT

    # --- pay for the hours and the Grundlohn per hour for § 3b ---
    gewichtet = st.arbeit + st.bereitschaft * anteil
    gewichtet_ausfall = st.ausfall_arbeit + st.ausfall_bereitschaft * anteil
    lohnfortzahlung_basis = NULL
    if k.stundenlohn is not None:
        stundensatz = k.stundenlohn
        grund = cent(st.arbeit * stundensatz) + cent(st.bereitschaft * stundensatz * anteil)
        lohnfortzahlung_basis = cent(gewichtet_ausfall * stundensatz)
    elif k.tageslohn is not None:
        grund = k.tageslohn * len(st.arbeitstage)
        lohnfortzahlung_basis = k.tageslohn * len(st.ausfalltage)
        stundensatz = grund / gewichtet if gewichtet else NULL
        if not gewichtet and gewichtet_ausfall:
            stundensatz = lohnfortzahlung_basis / gewichtet_ausfall
    else:
        assert k.monatslohn is not None
        grund = k.monatslohn
        unbezahlt = sum(1 for art in abwesend.values() if art == "unbezahlt")
        if unbezahlt:
            kuerzung = cent(k.monatslohn * unbezahlt / tage_im_monat)
            grund -= kuerzung
            hinweise.append(
                Hinweis(
                    "MONATSLOHN_GEKUERZT",
                    Schwere.INFO,
                    f"Unbezahlte Abwesenheit an {unbezahlt} Kalendertagen: Der Monatslohn ist um "
                    f"{format_eur(kuerzung)} gekürzt ({unbezahlt}/{tage_im_monat} des Monats).",
                    "§ 611a BGB (kein Entgelt ohne Arbeit bei unbezahltem Urlaub)",
                )
            )
        alle = gewichtet + gewichtet_ausfall
        stundensatz = k.monatslohn / alle if alle else NULL
    grund = cent(grund)

    # --- surcharges (worked and not worked) ---
    zeitraeume = [
        Arbeitszeitraum(a, b, stundensatz * (anteil if sch.bereitschaft else 1), geleistet)
        for sch, a, b, geleistet in st.zeitraeume
    ]
    zu = berechne_zuschlaege(zeitraeume, k.zuschlaege, s.bundesland)
    hinweise.extend(zu.hinweise)

    # --- absences without listed shifts: average per calendar day stands in for the 13-week average ---
    ersatz = _abwesenheit_ohne_schichten(k, abwesend, st, grund, tage_im_monat, hinweise)
    lohnfortzahlung = lohnfortzahlung_basis + ersatz
    if k.monatslohn is not None:
        lohnfortzahlung = NULL  # the monthly pay simply continues
    einmal = sum((e.betrag for e in k.einmalzahlungen), NULL)

    brutto = grund + lohnfortzahlung + zu.zuschlag + einmal
    steuerbrutto = brutto - zu.steuerfrei
    sv_brutto = brutto - zu.svfrei
    laufend_steuer = steuerbrutto - einmal
    laufend_sv = sv_brutto - einmal

    _mindestlohn(s, k, st, grund, hinweise)

    # --- classification ---
    kl_eingabe = KlassifikationsEingabe(
        monat=erster,
        monatsentgelt=sv_brutto,
        regelmaessiges_monatsentgelt=laufend_sv,
        jahresentgelt_prognose=laufend_sv * 12 + einmal if einmal else None,
        befristung=k.befristung,
        vorbeschaeftigung_tage_im_jahr=k.vorbeschaeftigung_tage_im_jahr,
        berufsmaessig=k.berufsmaessig,
        student=k.student,
        wochenstunden=(st.arbeit + st.bereitschaft) * 7 / tage_im_monat,
        privathaushalt=s.privathaushalt,
        vorgabe=None if k.beschaeftigung == "auto" else Beschaeftigungsart(k.beschaeftigung),
    )
    if einmal:
        hinweise.append(
            Hinweis(
                "SZENARIO_JAHRESPROGNOSE",
                Schwere.INFO,
                "Für die Einstufung ist angenommen, dass das laufende Entgelt dieses Monats das ganze Jahr gilt und "
                "die Einmalzahlungen einmal im Jahr gezahlt werden.",
                "Geringfügigkeits-Richtlinien B 2.2.1",
            )
        )
    kl = klassifiziere(kl_eingabe)
    art = kl.art
    hinweise[:0] = list(kl.hinweise)

    # --- contributions ---
    kasse = s.krankenkassen.get(k.krankenkasse)
    u1_pflichtig = True
    if art is Beschaeftigungsart.KURZFRISTIG and k.befristung is not None:
        wochen = regelwert("u1_umlagefrei_bis_wochen", erster).wert
        u1_pflichtig = (k.befristung.ende - k.befristung.beginn).days + 1 > wochen * 7
    beitraege = berechne_beitraege(
        BeitragsEingabe(
            monat=erster,
            art=art,
            laufendes_entgelt=laufend_sv,
            geburtsdatum=k.geburtsdatum,
            bundesland=s.bundesland,
            kasse=None if kasse is None else Kasse(kasse.zusatzbeitrag, kasse.u1_satz, kasse.u2_satz, name=kasse.name),
            einmalzahlung=einmal,
            zweige=kl.zweige,
            privathaushalt=s.privathaushalt,
            kinder_unter_25=k.kinder_unter_25,
            elterneigenschaft=k.elterneigenschaft,
            rv_befreiung=k.rv_befreiung,
            weitere_entgelte_uebergangsbereich=max(kl.gesamtentgelt - kl.regelmaessiges_entgelt, NULL),
            unfallversicherung_prozent=s.unfallversicherung_prozent,
            u1_pflichtig=u1_pflichtig,
        )
    )
    hinweise.extend(beitraege.hinweise)
    if k.rv_befreiung and art is not Beschaeftigungsart.MINIJOB:
        hinweise.append(
            Hinweis(
                "RV_BEFREIUNG_NUR_MINIJOB",
                Schwere.WARNUNG,
                "Eine Befreiung von der Rentenversicherungspflicht gibt es nur im Minijob; sie ist hier ohne Wirkung.",
                "§ 6 Abs. 1b SGB VI",
            )
        )

    # --- taxes ---
    lst = soli = kist = pausch = NULL
    modus = _steuermodus(k, art)
    if modus == "2":
        p = steuer.pauschsteuer_minijob(s.jahr, s.monat, sv_brutto)
        hinweise.extend(p.hinweise)
        pausch = p.gesamt
    else:
        individuell = True
        if modus == "25":
            p = steuer.pauschsteuer_kurzfristig(
                s.jahr,
                s.monat,
                arbeitslohn=steuerbrutto,
                arbeitstage=max(len(st.arbeitstage | st.ausfalltage), 1),
                arbeitsstunden=max(
                    st.arbeit + st.bereitschaft + st.ausfall_arbeit + st.ausfall_bereitschaft, Decimal(1)
                ),
                bundesland=landeskuerzel(s.bundesland),
            )
            hinweise.extend(p.hinweise)
            if p.zulaessig:
                pausch = p.gesamt
                individuell = False
        if individuell:
            lst, soli, kist = _individuelle_steuer(s, k, art, kl.zweige, kasse, laufend_steuer, einmal, hinweise)

    netto = brutto - lst - soli - kist - beitraege.an_gesamt
    return KraftErgebnis(
        id=k.id,
        beschaeftigung=art,
        begruendung=kl.gruende,
        hinweise=_eindeutig(hinweise),
        stunden=cent(st.arbeit),
        bereitschaftsstunden=cent(st.bereitschaft),
        brutto=brutto,
        steuerfreie_zuschlaege=zu.steuerfrei,
        steuerbrutto=steuerbrutto,
        sv_brutto=sv_brutto,
        lohnsteuer=lst,
        solidaritaetszuschlag=soli,
        kirchensteuer=kist,
        kv_an=beitraege.kv_an,
        pv_an=beitraege.pv.an,
        rv_an=beitraege.rv.an,
        av_an=beitraege.av.an,
        netto=netto,
        kv_ag=beitraege.kv_ag,
        pv_ag=beitraege.pv.ag,
        rv_ag=beitraege.rv.ag,
        av_ag=beitraege.av.ag,
        umlage_u1=beitraege.umlage_u1,
        umlage_u2=beitraege.umlage_u2,
        insolvenzgeldumlage=beitraege.insolvenzgeldumlage,
        pauschsteuer=pausch,
        unfallversicherung=beitraege.unfallversicherung,
        arbeitgeberkosten=brutto + beitraege.ag_gesamt + pausch,
        grundverguetung=grund,
        zuschlaege=zu.zuschlag,
        lohnfortzahlung=lohnfortzahlung,
        einmalzahlungen=einmal,
    )


def _eindeutig(hinweise: Sequence[Hinweis]) -> tuple[Hinweis, ...]:
    gesehen: set[tuple[str, str]] = set()
    ergebnis = []
    for h in hinweise:
        if (h.code, h.text) not in gesehen:
            gesehen.add((h.code, h.text))
            ergebnis.append(h)
    return tuple(ergebnis)


def _abwesenheitstage(k: SzenarioKraft, erster: date, letzter: date) -> dict[date, str]:
    tage: dict[date, str] = {}
    for a in k.abwesenheiten:
        tag = max(a.von, erster)
        while tag <= min(a.bis, letzter):
            if tag in tage and tage[tag] != a.art:
                raise EingabeFehler(
                    f"Assistenzkraft „{k.id}“: Am {tag:%d.%m.%Y} sind zwei verschiedene Abwesenheiten eingetragen "
                    f"({tage[tag]} und {a.art}). Bitte nur eine angeben.",
                    feld="abwesenheiten",
                )
            tage[tag] = a.art
            tag += timedelta(days=1)
    return tage


def _stunden(
    s: Szenario, k: SzenarioKraft, erster: date, abwesend: Mapping[date, str], hinweise: list[Hinweis]
) -> _Stunden:
    monatsbeginn = tagesbeginn(erster)
    monatsende = tagesbeginn(monatsgrenzen(s.jahr, s.monat)[1])
    st = _Stunden()
    geordnet = sorted(k.schichten, key=lambda x: x.beginn.astimezone(BERLIN).timestamp())
    for vorher, nachher in pairwise(geordnet):
        if dauer(nachher.beginn, vorher.ende) > timedelta(0):
            raise EingabeFehler(
                f"Assistenzkraft „{k.id}“: Die Schichten ab {vorher.beginn:%d.%m.%Y %H:%M} und ab "
                f"{nachher.beginn:%d.%m.%Y %H:%M} überschneiden sich. Bitte korrigieren Sie die Zeiten.",
                feld="schichten",
            )
    abgeschnitten = False
    vorheriges_ende: datetime | None = None
    kettenbeginn: datetime | None = None
    starttag = erster
    for sch in geordnet:
        # A shift that continues the previous one without a break (work, then standby) belongs to the working day
        # on which that stretch began, as long as it starts within 24 hours of it.
        fortsetzung = (
            vorheriges_ende is not None
            and kettenbeginn is not None
            and dauer(vorheriges_ende, sch.beginn) == timedelta(0)
            and dauer(kettenbeginn, sch.beginn) < timedelta(hours=24)
        )
        if not fortsetzung:
            kettenbeginn = sch.beginn
            starttag = sch.beginn.astimezone(BERLIN).date()
        vorheriges_ende = sch.ende
        a = sch.beginn if dauer(monatsbeginn, sch.beginn) >= timedelta(0) else monatsbeginn
        b = sch.ende if dauer(sch.ende, monatsende) >= timedelta(0) else monatsende
        if dauer(a, b) <= timedelta(0):
            raise EingabeFehler(
                f"Assistenzkraft „{k.id}“: Die Schicht ab {sch.beginn:%d.%m.%Y %H:%M} liegt nicht im Abrechnungsmonat "
                f"{s.monat:02d}/{s.jahr}. Bitte nur Schichten dieses Monats angeben.",
                feld="schichten",
            )
        if (a, b) != (sch.beginn, sch.ende):
            abgeschnitten = True
        h = stunden(dauer(a, b))
        abwesenheit = abwesend.get(starttag)
        if abwesenheit is None:
            st.zeitraeume.append((sch, a, b, True))
            if sch.bereitschaft:
                st.bereitschaft += h
            else:
                st.arbeit += h
            if starttag >= erster:
                st.arbeitstage.add(starttag)
        elif abwesenheit in ("krank", "urlaub"):
            st.zeitraeume.append((sch, a, b, False))
            if sch.bereitschaft:
                st.ausfall_bereitschaft += h
            else:
                st.ausfall_arbeit += h
            if starttag >= erster:
                st.ausfalltage.add(starttag)
    if abgeschnitten:
        hinweise.append(
            Hinweis(
                "SCHICHT_MONATSGRENZE",
                Schwere.INFO,
                "Eine Schicht reicht über die Monatsgrenze; berücksichtigt ist nur der Teil in diesem Monat.",
                "§ 38a Abs. 1 EStG (Lohnzahlungszeitraum)",
            )
        )
    arten = set(abwesend.values())
    if "krank" in arten:
        wartezeit = regelwert("entgeltfortzahlung_wartezeit_wochen", erster).wert
        hoechstdauer = regelwert("entgeltfortzahlung_wochen", erster).wert
        hinweise.append(
            Hinweis(
                "ENTGELTFORTZAHLUNG_KRANKHEIT",
                Schwere.INFO,
                "Krankheit: Das Entgelt der ausgefallenen Schichten ist fortgezahlt (Lohnausfallprinzip), "
                f"Zuschläge dafür sind steuer- und beitragspflichtig. Wartezeit ({format_zahl(wartezeit, None)} "
                f"Wochen) und Höchstdauer ({format_zahl(hoechstdauer, None)} Wochen) sind in einem Szenario nicht "
                "geprüft; U1-Erstattung beantragen.",
                "§§ 3, 4 EFZG, § 1 AAG",
            )
        )
    if "urlaub" in arten:
        hinweise.append(
            Hinweis(
                "URLAUBSENTGELT_ANNAHME",
                Schwere.INFO,
                "Urlaub: Das Urlaubsentgelt richtet sich nach dem Durchschnitt der letzten 13 Wochen; im Szenario "
                "sind stattdessen die geplanten (ausgefallenen) Schichten angesetzt.",
                "§ 11 BUrlG",
            )
        )
    return st


def _abwesenheit_ohne_schichten(
    k: SzenarioKraft,
    abwesend: Mapping[date, str],
    st: _Stunden,
    grund: Decimal,
    tage_im_monat: int,
    hinweise: list[Hinweis],
) -> Decimal:
    """Paid absence periods without any listed shift: average pay per calendar day of the rest of the month."""
    if k.monatslohn is not None:
        return NULL
    ohne: set[date] = set()
    for a in k.abwesenheiten:
        if a.art == "unbezahlt":
            continue
        tage = {t for t, art in abwesend.items() if a.von <= t <= a.bis and art == a.art}
        if tage and not any(a.von <= t <= a.bis for t in st.ausfalltage):
            ohne |= tage
    if not ohne:
        return NULL
    uebrige_tage = tage_im_monat - len(abwesend)
    je_tag = grund / uebrige_tage if uebrige_tage > 0 else NULL
    betrag = cent(je_tag * len(ohne))
    hinweise.append(
        Hinweis(
            "ABWESENHEIT_OHNE_SCHICHTEN",
            Schwere.WARNUNG,
            f"Für {len(ohne)} Abwesenheitstag(e) ohne eingetragene Schicht ist keine ausgefallene Arbeitszeit bekannt. "
            f"Angesetzt ist der Durchschnitt je Kalendertag der übrigen Tage dieses Monats ({format_eur(je_tag)}, "
            f"zusammen {format_eur(betrag)}) anstelle des Durchschnitts der letzten 13 Wochen. Bitte tragen Sie die "
            "geplanten Schichten ein, dann wird nach dem Lohnausfallprinzip gerechnet.",
            "§ 4 EFZG, § 11 BUrlG",
        )
    )
    return betrag


def _mindestlohn(s: Szenario, k: SzenarioKraft, st: _Stunden, grund: Decimal, hinweise: list[Hinweis]) -> None:
    """BAG 29.06.2016 – 5 AZR 716/15: the Mindestlohn is owed for work plus standby in the month."""
    stunden_gesamt = st.arbeit + st.bereitschaft
    if k.monatslohn is not None:
        stunden_gesamt += st.ausfall_arbeit + st.ausfall_bereitschaft
        verguetung = k.monatslohn
    else:
        verguetung = grund
    if not stunden_gesamt:
        return
    ml = regelwert("mindestlohn_stunde", date(s.jahr, s.monat, 1)).wert
    soll = cent(stunden_gesamt * ml)
    rg = "§ 1 MiLoG; BAG 29.06.2016 – 5 AZR 716/15"
    if verguetung >= soll:
        hinweise.append(
            Hinweis(
                "MINDESTLOHN_OK",
                Schwere.INFO,
                f"Mindestlohn eingehalten: {format_eur(verguetung)} für {format_zahl(stunden_gesamt)} Stunden "
                f"Arbeit und Bereitschaft (mindestens {format_eur(soll)} bei {format_eur(ml)} je Stunde).",
                rg,
            )
        )
    else:
        hinweise.append(
            Hinweis(
                "MINDESTLOHN_UNTERSCHRITTEN",
                Schwere.FEHLER,
                f"Mindestlohn unterschritten: {format_eur(verguetung)} für {format_zahl(stunden_gesamt)} Stunden "
                f"Arbeit und Bereitschaft, nötig sind {format_eur(soll)} ({format_eur(ml)} je Stunde). Es fehlen "
                f"{format_eur(soll - verguetung)}; bitte Bereitschaftsgewichtung oder Lohn anpassen.",
                rg,
            )
        )


def _steuermodus(k: SzenarioKraft, art: Beschaeftigungsart) -> str:
    if k.pauschalsteuer is None:
        return "2" if art is Beschaeftigungsart.MINIJOB else "individuell"
    if k.pauschalsteuer == "2" and art is not Beschaeftigungsart.MINIJOB:
        raise EingabeFehler(
            f"Assistenzkraft „{k.id}“: Die Pauschsteuer von 2 % gibt es nur für Minijobs, die Beschäftigung ist aber "
            f"eine {BEZEICHNUNG[art]}. Bitte pauschalsteuer auf null setzen.",
            feld="pauschalsteuer",
        )
    if k.pauschalsteuer == "25" and art is not Beschaeftigungsart.KURZFRISTIG:
        raise EingabeFehler(
            f"Assistenzkraft „{k.id}“: Die Pauschsteuer von 25 % gibt es nur für kurzfristige Beschäftigungen, die "
            f"Beschäftigung ist aber eine {BEZEICHNUNG[art]}. Bitte pauschalsteuer auf null setzen.",
            feld="pauschalsteuer",
        )
    return k.pauschalsteuer


def _individuelle_steuer(
    s: Szenario,
    k: SzenarioKraft,
    art: Beschaeftigungsart,
    zweige: frozenset[Zweig],
    kasse: SzenarioKasse | None,
    laufend: Decimal,
    einmal: Decimal,
    hinweise: list[Hinweis],
) -> tuple[Decimal, Decimal, Decimal]:
    if art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG):
        kv = steuer.Krankenversicherung.KEINE  # no employee KV/PV contributions from this job
        rv = art is Beschaeftigungsart.MINIJOB and not k.rv_befreiung
        av = False
    else:
        kv = steuer.Krankenversicherung.GESETZLICH if kasse is not None else steuer.Krankenversicherung.PRIVAT
        rv = Zweig.RV in zweige
        av = Zweig.AV in zweige
        if Zweig.KV not in zweige and kasse is not None:
            hinweise.append(
                Hinweis(
                    "LST_WERKSTUDENT_KV",
                    Schwere.INFO,
                    "Für die Vorsorgepauschale ist angenommen, dass die Assistenzkraft gesetzlich kranken- und "
                    "pflegeversichert ist (z. B. studentische Versicherung); bitte prüfen.",
                    "§ 39b Abs. 2 Satz 5 Nr. 3 EStG",
                )
            )
    if kv is steuer.Krankenversicherung.PRIVAT:
        hinweise.append(
            Hinweis(
                "LST_PKV_BEITRAG_FEHLT",
                Schwere.WARNUNG,
                "Privat versichert: Der Beitrag zur privaten Basis-Kranken- und Pflegeversicherung ist im Szenario "
                "nicht angegeben und daher bei der Lohnsteuer nicht berücksichtigt.",
                "§ 39b Abs. 2 Satz 5 Nr. 3 EStG",
            )
        )
    merkmale = steuer.Steuermerkmale(
        steuerklasse=k.steuerklasse,
        geburtsdatum=k.geburtsdatum,
        bundesland=landeskuerzel(s.bundesland),
        kinderfreibetraege=k.kinderfreibetraege,
        kirchensteuerpflichtig=k.kirchensteuer,
        krankenversicherung=kv,
        kv_zusatzbeitrag_prozent=kasse.zusatzbeitrag if kasse is not None else NULL,
        elterneigenschaft=k.elterneigenschaft,
        kinder_unter_25=k.kinder_unter_25,
        rv_pflichtig=rv,
        av_pflichtig=av,
    )
    jahreslohn = None
    if einmal:
        jahreslohn = steuer.voraussichtlicher_jahresarbeitslohn(s.monat, laufend, laufend * (s.monat - 1))
        hinweise.append(
            Hinweis(
                "LST_SONSTIGER_BEZUG_ANNAHME",
                Schwere.INFO,
                "Die Einmalzahlung ist als sonstiger Bezug versteuert. Als bisheriger Arbeitslohn des Jahres ist das "
                "laufende Entgelt dieses Monats für jeden Vormonat angenommen; bitte mit den echten Vormonaten prüfen.",
                "§ 39b Abs. 3 EStG, R 39b.6 LStR",
            )
        )
    abzug = steuer.lohnsteuer_monat(
        merkmale,
        s.jahr,
        s.monat,
        laufend,
        sonstige_bezuege=einmal,
        voraussichtlicher_jahresarbeitslohn=jahreslohn,
    )
    hinweise.extend(abzug.hinweise)
    return abzug.lohnsteuer, abzug.solidaritaetszuschlag, abzug.kirchensteuer


# --------------------------------------------------------------------------------------------------------
# Readable German table
# --------------------------------------------------------------------------------------------------------

_SCHWERE = {Schwere.INFO: "Info", Schwere.WARNUNG: "Warnung", Schwere.FEHLER: "Fehler"}


def als_tabelle(e: SzenarioErgebnis) -> str:
    """One block per assistant, "Bezeichnung … Betrag" per line: easy to read and to hear with a screen reader."""
    art = "Privathaushalt" if e.privathaushalt else "gewerblicher Arbeitgeber"
    zeilen = [f"Lohnabrechnung {MONATE[e.monat - 1]} {e.jahr} – {BUNDESLAENDER[e.bundesland]}, {art}", ""]
    gesamt = NULL
    for k in e.assistenzkraefte:
        gesamt += k.arbeitgeberkosten
        zeilen.append(f"Assistenzkraft „{k.id}“: {BEZEICHNUNG[k.beschaeftigung]}")
        for grund in k.begruendung:
            zeilen.append(f"  Begründung: {grund}")
        zeilen.append(f"  {'Arbeitsstunden':<34}{format_zahl(k.stunden):>14}")
        zeilen.append(f"  {'Bereitschaftsstunden':<34}{format_zahl(k.bereitschaftsstunden):>14}")
        for titel, werte in (
            (
                "Verdienst",
                [
                    ("Grundvergütung", k.grundverguetung),
                    ("Zuschläge", k.zuschlaege),
                    ("Entgeltfortzahlung", k.lohnfortzahlung),
                    ("Einmalzahlungen", k.einmalzahlungen),
                    ("Brutto", k.brutto),
                    ("davon steuerfreie Zuschläge", k.steuerfreie_zuschlaege),
                    ("Steuerbrutto", k.steuerbrutto),
                    ("SV-Brutto", k.sv_brutto),
                ],
            ),
            (
                "Abzüge der Assistenzkraft",
                [
                    ("Lohnsteuer", k.lohnsteuer),
                    ("Solidaritätszuschlag", k.solidaritaetszuschlag),
                    ("Kirchensteuer", k.kirchensteuer),
                    ("Krankenversicherung", k.kv_an),
                    ("Pflegeversicherung", k.pv_an),
                    ("Rentenversicherung", k.rv_an),
                    ("Arbeitslosenversicherung", k.av_an),
                    ("Netto", k.netto),
                ],
            ),
            (
                "Kosten der Arbeitgeberin",
                [
                    ("Krankenversicherung", k.kv_ag),
                    ("Pflegeversicherung", k.pv_ag),
                    ("Rentenversicherung", k.rv_ag),
                    ("Arbeitslosenversicherung", k.av_ag),
                    ("Umlage U1", k.umlage_u1),
                    ("Umlage U2", k.umlage_u2),
                    ("Insolvenzgeldumlage", k.insolvenzgeldumlage),
                    ("Pauschsteuer", k.pauschsteuer),
                    ("Unfallversicherung", k.unfallversicherung),
                    ("Arbeitgeberkosten gesamt", k.arbeitgeberkosten),
                ],
            ),
        ):
            zeilen.append(f"  {titel}:")
            for name, betrag in werte:
                zeilen.append(f"    {name:<32}{format_eur(betrag):>14}")
        if k.hinweise:
            zeilen.append("  Hinweise:")
            for h in k.hinweise:
                zeilen.append(
                    f"    {_SCHWERE[h.schwere]}: {h.text}" + (f" ({h.rechtsgrundlage})" if h.rechtsgrundlage else "")
                )
        zeilen.append("")
    zeilen.append(f"{'Arbeitgeberkosten aller Assistenzkräfte':<38}{format_eur(gesamt):>14}")
    return "\n".join(zeilen) + "\n"
