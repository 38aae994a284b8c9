"""Reading a payroll scenario file (CONTRACTS §3) into the calculation's input: one `Monatseingabe` per assistant.

The file's shifts, absences and contract become the roster's own types (`Schicht` with an `assistenzkraft_id`
numbered per scenario person, `Abwesenheit`, `Vertragsdaten`), so that `berechnen` and the monthly run compute with
one model. A scenario knows no history: its `Vorgeschichte` is unknown, and the calculation makes the documented
assumptions (core.abrechnung.rechnen). Every problem in the file becomes one German `EingabeFehler` naming the
field's path.

Beyond CONTRACTS §3 the reader accepts (extensions, all optional): per assistant `austritt`, `berufsmaessig`,
`befristung` {von, bis, arbeitstage, tage_je_woche}, `wochenstunden`, `zeitkonto_plus_max`, `zeitkonto_minus_max`,
`sachbezuege` [{art, tage, im_haushalt, wert, zuzahlung}], `vorschuesse` [{betrag, text}],
`ueberschreitung_unvorhersehbar` (this month's excess over the Minijob limit was not foreseeable); per shift
`leistungsart`;
per absence `id` and `fortsetzung_von` (and the kinds kind_krank, beschaeftigungsverbot, mutterschutz, feiertag);
for the employer `katholisch`. Absences may lie before the month (a continuing illness counts across months);
shifts must touch the month.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from core.abrechnung.modell import (
    SACHBEZUGSARTEN,
    Arbeitgeberdaten,
    Einmalzahlung,
    Monatseingabe,
    Personaldaten,
    Sachbezug,
    Vorschuss,
)
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, pruefe_abwesenheit
from core.dienstplan.schicht import Arbeitsart, Schicht
from core.dienstplan.vertrag import Lohnform, Vertragsdaten
from core.domain.geld import NULL, cent
from core.domain.kalender import BUNDESLAENDER, monatsgrenzen
from core.domain.kennungen import (
    pruefe_betriebsnummer,
    pruefe_iban,
    pruefe_steuer_id,
    pruefe_steuernummer,
    pruefe_versicherungsnummer,
)
from core.domain.zeit import BERLIN, als_berlin, dauer, tagesbeginn
from core.fehler import EingabeFehler, dateigrund
from core.regeln.beitraege import Kasse
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert
from core.regeln.zuschlaege import Zuschlagssaetze

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
ABWESENHEITSARTEN = tuple(a.value for a in Abwesenheitsart)
PAUSCHALSTEUER = (None, "2", "25", "individuell")
ZUSCHLAGSARTEN = ("nacht", "nacht_0_4", "sonntag", "feiertag", "weihnachten_maifeiertag", "heiligabend_silvester")
LOHNFELDER = {"stundenlohn": Lohnform.STUNDENLOHN, "tageslohn": Lohnform.TAGESLOHN, "monatslohn": Lohnform.MONATSLOHN}
#: Standby weighting when the file gives none (seed 004, 1.6.2 uses 30 %).
BEREITSCHAFT_VORGABE = Decimal(30)


def standard_eintritt(jahr: int) -> date:
    """Start of employment when a scenario gives none: "long before the month" — 1 January of the year before,
    so no EFZG waiting period applies and the whole year counts as employed. The store writes the same date."""
    return date(jahr - 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Szenario:
    jahr: int
    monat: int
    arbeitgeber: Arbeitgeberdaten
    krankenkassen: Mapping[str, Kasse]
    eingaben: tuple[Monatseingabe, ...]


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

    arbeitgeber = _lies_arbeitgeber(oben.roh("arbeitgeber", pflicht=True))

    kassen_roh = oben.roh("krankenkassen") or {}
    if not isinstance(kassen_roh, dict):
        raise oben.fehler("krankenkassen", "hier wird ein Objekt {Name: {…}} erwartet.")
    kassen = {name: _lies_kasse(name, roh) for name, roh in kassen_roh.items()}

    kraefte_roh = oben.liste("assistenzkraefte")
    if not kraefte_roh:
        raise oben.fehler("assistenzkraefte", "es ist keine Assistenzkraft angegeben.")
    eingaben = tuple(
        _lies_kraft(roh, f"assistenzkraefte[{i}]", i + 1, jahr, monat, arbeitgeber, kassen)
        for i, roh in enumerate(kraefte_roh)
    )
    ids = [e.person.personalnummer for e in eingaben]
    doppelt = sorted({i for i in ids if ids.count(i) > 1})
    if doppelt:
        raise oben.fehler("assistenzkraefte", f"die id „{doppelt[0]}“ kommt mehrfach vor; jede id nur einmal.")
    oben.roh("bewilligungen")  # CONTRACTS §8/§10: read by `szenario laden`, not used by the calculation
    oben.fertig()
    return Szenario(jahr, monat, arbeitgeber, kassen, eingaben)


def _kennung(r: _Leser, name: str, pruefung: Any) -> str:
    """An optional identifier: read and checked (used by §8 and the reports), never by the calculation."""
    if r.roh(name) is None:
        return ""
    wert = r.text(name)
    fehler = pruefung(wert)
    if fehler is not None:
        raise r.fehler(name, fehler)
    return wert


def _lies_arbeitgeber(roh: Any) -> Arbeitgeberdaten:
    ag = _Leser(roh, "arbeitgeber")
    land = ag.text("bundesland", pflicht=True)
    if land not in BUNDESLAENDER:
        raise ag.fehler("bundesland", f"„{land}“ ist kein Bundesland-Kürzel. Erlaubt: {', '.join(BUNDESLAENDER)}.")
    privathaushalt = ag.wahrheitswert("privathaushalt", True)
    uv = ag.betrag("unfallversicherung_prozent", NULL, hoechstens=HUNDERT)
    assert uv is not None
    katholisch = ag.wahrheitswert("katholisch", False)
    name = ag.text("name", "")
    iban = _kennung(ag, "iban", pruefe_iban)
    betriebsnummer = _kennung(ag, "betriebsnummer", pruefe_betriebsnummer)
    steuernummer = _kennung(ag, "steuernummer", lambda t: pruefe_steuernummer(t, land))
    ag.fertig()
    return Arbeitgeberdaten(land, privathaushalt, uv, katholisch, name, iban, betriebsnummer, steuernummer)


def _lies_kasse(name: str, roh: Any) -> Kasse:
    k = _Leser(roh, f"krankenkassen[{name!r}]".replace("'", "„", 1).replace("'", "“", 1))
    zusatz = k.betrag("zusatzbeitrag", pflicht=True, hoechstens=HUNDERT)
    u1 = k.betrag("u1_satz", pflicht=True, hoechstens=HUNDERT)
    u2 = k.betrag("u2_satz", pflicht=True, hoechstens=HUNDERT)
    erstattung = k.betrag("u1_erstattung", hoechstens=HUNDERT)
    ag_anteile = k.wahrheitswert("ag_anteile_erstattet", False)
    betriebsnummer = _kennung(k, "betriebsnummer", pruefe_betriebsnummer)
    k.fertig()
    assert zusatz is not None and u1 is not None and u2 is not None
    return Kasse(
        zusatzbeitrag_prozent=zusatz,
        u1_prozent=u1,
        u2_prozent=u2,
        name=name,
        u1_erstattung_prozent=erstattung,
        ag_anteile_erstattet=ag_anteile,
        betriebsnummer=betriebsnummer,
    )


def _lies_kraft(
    roh: Any,
    pfad: str,
    nummer: int,
    jahr: int,
    monat: int,
    arbeitgeber: Arbeitgeberdaten,
    kassen: Mapping[str, Kasse],
) -> Monatseingabe:
    r = _Leser(roh, pfad)
    ident = r.text("id", pflicht=True)
    r.pfad = f"{pfad} („{ident}“)"
    geburtsdatum = r.datum("geburtsdatum")
    if geburtsdatum > date(jahr, monat, calendar.monthrange(jahr, monat)[1]):
        raise r.fehler(
            "geburtsdatum", f"{geburtsdatum:%d.%m.%Y} liegt nach dem Abrechnungsmonat; bitte das Geburtsdatum prüfen."
        )
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

    loehne = {n: r.betrag(n) for n in LOHNFELDER}
    angegeben = [n for n, w in loehne.items() if w is not None]
    if len(angegeben) != 1:
        raise r.fehler(
            "stundenlohn",
            "bitte genau eine der Angaben stundenlohn, tageslohn oder monatslohn machen"
            + (f" (angegeben: {', '.join(angegeben)})." if angegeben else "."),
        )
    lohnfeld = angegeben[0]
    satz = loehne[lohnfeld]
    assert satz is not None

    zuschlaege = _lies_zuschlaege(r)
    schichten = tuple(_lies_schicht(s, f"{r.pfad}.schichten[{i}]", nummer) for i, s in enumerate(r.liste("schichten")))
    abwesenheiten = _lies_abwesenheiten(r, nummer, ident)
    einmal = tuple(_lies_einmal(e, f"{r.pfad}.einmalzahlungen[{i}]") for i, e in enumerate(r.liste("einmalzahlungen")))
    sachbezuege = tuple(_lies_sachbezug(e, f"{r.pfad}.sachbezuege[{i}]") for i, e in enumerate(r.liste("sachbezuege")))
    vorschuesse = tuple(_lies_vorschuss(e, f"{r.pfad}.vorschuesse[{i}]") for i, e in enumerate(r.liste("vorschuesse")))
    befristung = _lies_befristung(r)
    berufsmaessig_roh = r.roh("berufsmaessig")
    if berufsmaessig_roh is not None and not isinstance(berufsmaessig_roh, bool):
        raise r.fehler("berufsmaessig", "bitte true, false oder null angeben.")
    bereitschaft = r.betrag("bereitschaft_prozent", BEREITSCHAFT_VORGABE, hoechstens=HUNDERT)
    kinderfreibetraege = r.betrag("kinderfreibetraege", NULL)
    wochenstunden = r.betrag("wochenstunden", hoechstens=Decimal(168))
    plus_max = r.betrag("zeitkonto_plus_max", hoechstens=Decimal(10_000))
    minus_max = r.betrag("zeitkonto_minus_max", hoechstens=Decimal(10_000))
    eintritt_roh = r.roh("eintritt")
    eintritt = r.datum("eintritt") if eintritt_roh is not None else None
    austritt = r.datum("austritt") if r.roh("austritt") is not None else None
    person_name = r.text("name", "")
    iban = _kennung(r, "iban", pruefe_iban)
    steuer_id = _kennung(r, "steuer_id", pruefe_steuer_id)
    versicherungsnummer = _kennung(
        r, "versicherungsnummer", lambda t: pruefe_versicherungsnummer(t, geburtsdatum=geburtsdatum)
    )
    vorbeschaeftigung = r.ganzzahl("vorbeschaeftigung_tage_im_jahr", 0)
    kinder = r.ganzzahl("kinder_unter_25", 0)
    kirchensteuer = r.wahrheitswert("kirchensteuer", False)
    elterneigenschaft = r.wahrheitswert("elterneigenschaft", False)
    rv_befreiung = r.wahrheitswert("rv_befreiung", False)
    student = r.wahrheitswert("student", False)
    unvorhersehbar = r.wahrheitswert("ueberschreitung_unvorhersehbar", False)
    r.fertig()

    vertragsbeginn = befristung[0] if befristung is not None else (eintritt or standard_eintritt(jahr))
    if eintritt is None:
        eintritt = vertragsbeginn
    vertragsende = befristung[1] if befristung is not None else None
    if austritt is not None:
        if austritt < eintritt:
            raise r.fehler("austritt", "der Austritt liegt vor dem Eintritt.")
        vertragsende = austritt if vertragsende is None else min(vertragsende, austritt)
    if vertragsende is not None and vertragsende < vertragsbeginn:
        raise r.fehler("befristung", "die Befristung endet vor dem Eintritt.")
    vertrag = Vertragsdaten(
        assistenzkraft_id=nummer,
        name=person_name or ident,
        beginn=vertragsbeginn,
        ende=vertragsende,
        beschaeftigung=None if art == "auto" else Beschaeftigungsart(art),
        lohnform=LOHNFELDER[lohnfeld],
        satz=satz,
        bereitschaft_prozent=bereitschaft if bereitschaft is not None else BEREITSCHAFT_VORGABE,
        tage_pro_woche=befristung[3] if befristung is not None else None,
        befristet_bis=befristung[1] if befristung is not None else None,
        geburtsdatum=geburtsdatum,
        vorbeschaeftigung_tage_im_jahr=vorbeschaeftigung,
        zuschlaege=zuschlaege,
        wochenstunden=wochenstunden,
        zeitkonto_plus_max=plus_max,
        zeitkonto_minus_max=minus_max,
        geplante_arbeitstage=befristung[2] if befristung is not None else None,
    )
    person = Personaldaten(
        assistenzkraft_id=nummer,
        personalnummer=ident,
        geburtsdatum=geburtsdatum,
        eintritt=eintritt,
        austritt=austritt,
        name=person_name,
        krankenkasse=None if kasse == "privat" else kasse,
        steuerklasse=steuerklasse,
        kinderfreibetraege=kinderfreibetraege if kinderfreibetraege is not None else NULL,
        kirchensteuer=kirchensteuer,
        pauschalsteuer=pauschal,
        kinder_unter_25=kinder,
        elterneigenschaft=elterneigenschaft,
        rv_befreiung=rv_befreiung,
        student=student,
        berufsmaessig=berufsmaessig_roh,
        iban=iban,
        steuer_id=steuer_id,
        versicherungsnummer=versicherungsnummer,
    )
    _pruefe_schichten(ident, schichten, jahr, monat)
    return Monatseingabe(
        jahr=jahr,
        monat=monat,
        arbeitgeber=arbeitgeber,
        person=person,
        kasse=None if kasse == "privat" else kassen[kasse],
        vertraege=(vertrag,),
        schichten=schichten,
        abwesenheiten=abwesenheiten,
        einmalzahlungen=einmal,
        sachbezuege=sachbezuege,
        vorschuesse=vorschuesse,
        ueberschreitung_unvorhersehbar=unvorhersehbar,
    )


def _pruefe_schichten(ident: str, schichten: tuple[Schicht, ...], jahr: int, monat: int) -> None:
    """No overlapping shifts; each touches the payroll month (a scenario is one month)."""
    geordnet = sorted(schichten, key=lambda s: s.beginn_utc)
    for vorher, nachher in pairwise(geordnet):
        if dauer(nachher.beginn, vorher.ende) > timedelta(0):
            raise EingabeFehler(
                f"Assistenzkraft „{ident}“: Die Schichten ab {vorher.beginn:%d.%m.%Y %H:%M} und ab "
                f"{nachher.beginn:%d.%m.%Y %H:%M} überschneiden sich. Bitte korrigieren Sie die Zeiten.",
                feld="schichten",
            )
    erster, folgender = monatsgrenzen(jahr, monat)
    monatsbeginn, monatsende = tagesbeginn(erster), tagesbeginn(folgender)
    for s in geordnet:
        if dauer(s.ende, monatsbeginn) >= timedelta(0) or dauer(monatsende, s.beginn) >= timedelta(0):
            raise EingabeFehler(
                f"Assistenzkraft „{ident}“: Die Schicht ab {s.beginn:%d.%m.%Y %H:%M} liegt nicht im Abrechnungsmonat "
                f"{monat:02d}/{jahr}. Bitte nur Schichten dieses Monats angeben.",
                feld="schichten",
            )


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


def _lies_schicht(roh: Any, pfad: str, nummer: int) -> Schicht:
    s = _Leser(roh, pfad)
    beginn = s.zeitpunkt("beginn")
    ende = s.zeitpunkt("ende")
    bereitschaft = s.wahrheitswert("bereitschaft", False)
    leistungsart = s.text("leistungsart", "") or None
    s.fertig()
    if dauer(beginn, ende) <= timedelta(0):
        raise s.fehler("ende", "die Schicht endet nicht nach ihrem Beginn. Bitte Beginn und Ende prüfen.")
    if dauer(beginn, ende) > timedelta(days=7):
        raise s.fehler("ende", "die Schicht dauert länger als sieben Tage. Bitte Beginn und Ende prüfen.")
    return Schicht(
        assistenzkraft_id=nummer,
        beginn=beginn.astimezone(BERLIN),
        ende=ende.astimezone(BERLIN),
        arbeitsart=Arbeitsart.BEREITSCHAFT if bereitschaft else Arbeitsart.ARBEIT,
        leistungsart=leistungsart,
    )


def _lies_abwesenheiten(r: _Leser, nummer: int, ident: str) -> tuple[Abwesenheit, ...]:
    """Absences with ids: the file's own (`id`) or numbered after them; `fortsetzung_von` must name one of them."""
    gelesen: list[tuple[str, Abwesenheitsart, date, date, int | None, int | None]] = []
    for i, roh in enumerate(r.liste("abwesenheiten")):
        pfad = f"{r.pfad}.abwesenheiten[{i}]"
        a = _Leser(roh, pfad)
        art = a.text("art", pflicht=True)
        if art not in ABWESENHEITSARTEN:
            raise a.fehler("art", f"„{art}“ ist nicht vorgesehen; möglich: {', '.join(ABWESENHEITSARTEN)}.")
        von = a.datum("von")
        bis = a.datum("bis")
        eigene_id = a.ganzzahl("id", min=1) if a.roh("id") is not None else None
        fortsetzung = a.ganzzahl("fortsetzung_von", min=1) if a.roh("fortsetzung_von") is not None else None
        a.fertig()
        if bis < von:
            raise a.fehler("bis", "das Ende liegt vor dem Beginn.")
        gelesen.append((pfad, Abwesenheitsart(art), von, bis, eigene_id, fortsetzung))
    vergeben = [g[4] for g in gelesen if g[4] is not None]
    doppelt = sorted({i for i in vergeben if vergeben.count(i) > 1})
    if doppelt:
        raise r.fehler("abwesenheiten", f"die id {doppelt[0]} kommt mehrfach vor; jede id nur einmal.")
    naechste = max(vergeben, default=0)
    ergebnis: list[Abwesenheit] = []
    for pfad, art, von, bis, eigene_id, fortsetzung in gelesen:
        if eigene_id is None:
            naechste += 1
            eigene_id = naechste
        if fortsetzung is not None and fortsetzung not in vergeben:
            raise EingabeFehler(
                f"{pfad}.fortsetzung_von: eine Abwesenheit mit der id {fortsetzung} gibt es nicht. Bitte die id der "
                "früheren Krankheit angeben.",
                feld=f"{pfad}.fortsetzung_von",
            )
        abw = Abwesenheit(nummer, art, von, bis, id=eigene_id, fortsetzung_von=fortsetzung)
        try:
            pruefe_abwesenheit(abw, ergebnis, {nummer: f"„{ident}“"})
        except EingabeFehler as fehler:
            raise EingabeFehler(f"{pfad}: {fehler}", feld=pfad) from None
        ergebnis.append(abw)
    return tuple(ergebnis)


def _lies_einmal(roh: Any, pfad: str) -> Einmalzahlung:
    e = _Leser(roh, pfad)
    art = e.text("art", "einmalzahlung")
    betrag = e.betrag("betrag", pflicht=True)
    e.fertig()
    assert betrag is not None
    if betrag != cent(betrag):
        raise e.fehler("betrag", f"{betrag} hat mehr als zwei Nachkommastellen.")
    return Einmalzahlung(art, betrag)


def _lies_sachbezug(roh: Any, pfad: str) -> Sachbezug:
    s = _Leser(roh, pfad)
    art = s.text("art", pflicht=True)
    if art not in SACHBEZUGSARTEN:
        raise s.fehler("art", f"„{art}“ ist nicht vorgesehen; möglich: {', '.join(SACHBEZUGSARTEN)}.")
    tage = s.ganzzahl("tage", min=0) if s.roh("tage") is not None else None
    if tage is not None and tage > 31:
        raise s.fehler("tage", f"{tage} Tage hat kein Monat.")
    im_haushalt = s.wahrheitswert("im_haushalt", False)
    wert = s.betrag("wert")
    zuzahlung = s.betrag("zuzahlung", NULL)
    text = s.text("text", "")
    s.fertig()
    if art == "sonstig" and wert is None:
        raise s.fehler("wert", "für einen sonstigen Sachbezug bitte den Wert angeben.")
    if art != "sonstig" and wert is not None:
        raise s.fehler("wert", "Unterkunft und Verpflegung gelten mit den amtlichen Werten; bitte keinen Wert angeben.")
    for name, betrag in (("wert", wert), ("zuzahlung", zuzahlung)):
        if betrag is not None and betrag != cent(betrag):
            raise s.fehler(name, f"{betrag} hat mehr als zwei Nachkommastellen.")
    return Sachbezug(art, tage, im_haushalt, wert, zuzahlung or NULL, text)


def _lies_vorschuss(roh: Any, pfad: str) -> Vorschuss:
    v = _Leser(roh, pfad)
    betrag = v.betrag("betrag", pflicht=True)
    text = v.text("text", "Vorschuss")
    v.fertig()
    assert betrag is not None
    if betrag != cent(betrag):
        raise v.fehler("betrag", f"{betrag} hat mehr als zwei Nachkommastellen.")
    return Vorschuss(betrag, text)


def _lies_befristung(r: _Leser) -> tuple[date, date, int | None, Decimal | None] | None:
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
    return von, bis, arbeitstage, tage
