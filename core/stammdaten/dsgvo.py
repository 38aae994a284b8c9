"""Data-subject rights for an assistant: access (Art. 15 DSGVO export) and erasure of an applicant (Art. 17).

GUI/CLI: `auskunft(db, id)` → dict with German headings (JSON-ready); `schreibe_auskunft(db, id, ordner)` writes
`Auskunft_<Name>_<Datum>.json` and the filled Personalbogen PDF; `loeschgrund(db, id)` → None if erasure is
allowed, else the German reason; `loesche_bewerberin(db, id)` erases or raises `EingabeFehler` with that reason.
`personalbogen_pdf(db, id | None, ziel)` writes the filled (or blank) form.

Erasure (Art. 17) reaches every copy: the person and everything hanging on her (by the file's foreign keys) go from
the database with `secure_delete` on, then VACUUM and an emptied WAL; every backup and every file a restore put aside
is rewritten without her (or deleted when it cannot be); `Loeschbericht` says what was done and where her name is
still written in a note.

How a table with a person's data gets into the Auskunft (Art. 15): the test
`tests/core/stammdaten/test_auskunft_vollstaendig.py` fails for every table that refers to `assistenzkraft`
(directly or through other tables) and is in no section. To add one:
1. Simplest: one line in `core/stammdaten/auskunftsteile.py` (or a module of your feature listed in
   `AUSKUNFTSMODULE`): `registriere_tabellenteil("Lohnpfändungen", "lohnpfaendung", felder={"betrag": "Betrag"})`
   gives every row of the table whose `assistenzkraft_id` is hers (another `spalte=` if the column differs).
2. For a section built by hand: `registriere_auskunftsteil(titel, fn, tabellen={"tabelle", ...})`, where
   `fn(sitzung, assistenzkraft_id)` returns JSON-able data and `tabellen` names what it covers.
Records that must be kept (tax, social security): `registriere_aufbewahrungspflicht(fn)`, fn returns a German
reason or None; erasure is then refused with that reason.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.dateirechte import privater_ordner
from core.domain.kennungen import AUSBILDUNGSABSCHLUESSE, SCHULABSCHLUESSE, VERTRAGSFORMEN
from core.domain.staaten import staatsname
from core.fehler import EingabeFehler, dateigrund, schreibfehler
from core.io.ausgabe import pruefe_ziel, schreibe_text
from core.io.personalbogen_pdf import schreibe_personalbogen
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft, Krankenkasse, Vertrag
from core.persistence.personenbezug import bereinige_kopie, kopien, loesche_person, namensreste, verdichte
from core.stammdaten import arbeitgeber, assistenzkraefte, vertraege
from core.stammdaten.assistenzkraefte import (
    ARBEITSERLAUBNIS_ARTEN,
    BESCHAEFTIGUNG_FELDNAMEN,
    BESCHAEFTIGUNGSARTEN,
    FELDNAMEN,
    GESCHLECHTER,
    KIND_ARTEN,
    KIND_FELDNAMEN,
    KONFESSIONEN,
    STATUS,
)

AuskunftsTeil = Callable[[Session, int], Any]
Aufbewahrungspflicht = Callable[[Session, int], str | None]


@dataclass(frozen=True)
class Auskunftsteil:
    titel: str
    teil: AuskunftsTeil
    tabellen: frozenset[str]


_WEITERE_TEILE: list[Auskunftsteil] = []
_PFLICHTEN: list[Aufbewahrungspflicht] = []
# Modules that register sections (imported before the first Auskunft); one line per feature module.
AUSKUNFTSMODULE: tuple[str, ...] = ("core.stammdaten.auskunftsteile",)
# Tables the built-in sections (Personalbogen, Kinder, weitere Beschäftigungen, Arbeitsverträge) show.
EINGEBAUTE_TABELLEN = frozenset({"assistenzkraft", "kind", "weitere_beschaeftigung", "vertrag", "vertrag_zuschlag"})

VERTRAG_FELDNAMEN: dict[str, str] = {
    "gueltig_ab": "gültig ab",
    "eintritt": "Eintritt",
    "probezeit_bis": "Probezeit bis",
    "befristet_bis": "befristet bis",
    "austritt": "Austritt",
    "taetigkeit": "Tätigkeit",
    "arbeitszeit": "Arbeitszeit",
    "kuendigungsfrist": "Kündigungsfrist",
    "beschaeftigung": "Art der Beschäftigung",
    "lohnform": "Lohnform",
    "lohnsatz": "Lohn in Euro",
    "bereitschaft_prozent": "Bewertung der Bereitschaft in %",
    "einarbeitung_prozent": "Lohn in der Einarbeitung in %",
    "einarbeitung_bis": "Einarbeitung bis",
    "arbeitstage_woche": "Arbeitstage je Woche",
    "wochenstunden": "Wochenstunden",
    "urlaubstage": "vereinbarte Urlaubstage",
    "zeitkonto_plus_max": "Zeitkonto: höchstens Plusstunden",
    "zeitkonto_minus_max": "Zeitkonto: höchstens Minusstunden",
    "geplante_arbeitstage": "geplante Arbeitstage (kurzfristige Beschäftigung)",
    "pauschalsteuer": "Lohnsteuer pauschal",
    "berufsmaessig": "berufsmäßig ausgeübt",
    "gesetzlicher_mindesturlaub": "gesetzlicher Mindesturlaub (Tage)",
    "zuschlaege": "Zuschläge in %",
    "notiz": "Notiz",
}


def registriere_auskunftsteil(titel: str, teil: AuskunftsTeil, *, tabellen: Iterable[str]) -> None:
    """Add a section (e.g. "Schichten") to every access export: `teil(sitzung, assistenzkraft_id)` → JSON-able;
    `tabellen`: the tables whose rows about her it shows (checked by the completeness test)."""
    if any(t.titel == titel for t in _WEITERE_TEILE):
        raise ValueError(f"Auskunftsteil „{titel}“ ist schon angemeldet.")
    _WEITERE_TEILE.append(Auskunftsteil(titel, teil, frozenset(tabellen)))


def registriere_tabellenteil(
    titel: str,
    tabelle: str,
    *,
    spalte: str = "assistenzkraft_id",
    felder: Mapping[str, str] | None = None,
    ordnung: Iterable[str] = ("id",),
) -> None:
    """A section with every row of `tabelle` whose `spalte` is the person: `felder` maps column → German heading
    (without it: every column but `spalte`, by its name)."""
    from core.persistence.modelle_registry import lade_alle_modelle

    def teil(sitzung: Session, assistenzkraft_id: int) -> list[dict[str, Any]]:
        t = lade_alle_modelle().tables[tabelle]
        namen = dict(felder) if felder else {c.name: c.name for c in t.columns if c.name != spalte}
        reihenfolge = [t.c[o] for o in ordnung if o in t.c]
        zeilen = sitzung.execute(select(t).where(t.c[spalte] == assistenzkraft_id).order_by(*reihenfolge)).mappings()
        return [{ueberschrift: _json_wert(z[name]) for name, ueberschrift in namen.items()} for z in zeilen]

    registriere_auskunftsteil(titel, teil, tabellen={tabelle})


def _lade_auskunftsmodule() -> None:
    for modul in AUSKUNFTSMODULE:
        importlib.import_module(modul)


def abgedeckte_tabellen() -> frozenset[str]:
    """Every table some section of the Auskunft shows."""
    _lade_auskunftsmodule()
    return EINGEBAUTE_TABELLEN.union(*(t.tabellen for t in _WEITERE_TEILE))


def registriere_aufbewahrungspflicht(pruefung: Aufbewahrungspflicht) -> None:
    """Add a retention check: return a German reason why this person's data must be kept, or None."""
    _PFLICHTEN.append(pruefung)


def _json_wert(wert: Any) -> Any:
    if isinstance(wert, Decimal):
        return format(wert, "f")
    if isinstance(wert, datetime | date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {str(k): _json_wert(v) for k, v in wert.items()}
    if isinstance(wert, list | tuple):
        return [_json_wert(v) for v in wert]
    return wert


def _lesbar(feld: str, wert: Any, kassen: dict[int, str]) -> Any:
    codes: dict[str, dict[str, str]] = {
        "status": STATUS,
        "geschlecht": GESCHLECHTER,
        "konfession": KONFESSIONEN,
        "arbeitserlaubnis_art": ARBEITSERLAUBNIS_ARTEN,
        "schulabschluss": SCHULABSCHLUESSE,
        "ausbildungsabschluss": AUSBILDUNGSABSCHLUESSE,
        "vertragsform": VERTRAGSFORMEN,
    }
    if feld in codes and isinstance(wert, str):
        return codes[feld].get(wert, wert) if wert else ""
    if feld == "staatsangehoerigkeit" and isinstance(wert, str):
        return f"{staatsname(wert)} ({wert})"
    if feld == "krankenkasse_id":
        return kassen.get(wert, "") if wert is not None else ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    return _json_wert(wert)


def auskunft(db: Datenbank, assistenzkraft_id: int) -> dict[str, Any]:
    """Everything stored about one person, with German field names (Art. 15 DSGVO)."""
    daten = assistenzkraefte.lade_assistenzkraft(db, assistenzkraft_id)
    versionen = vertraege.liste_vertraege(db, assistenzkraft_id)
    ag = arbeitgeber.lade_arbeitgeber(db)
    with db.arbeitseinheit() as sitzung:
        kassen = {k.id: k.name for k in sitzung.scalars(select(Krankenkasse))}
        _lade_auskunftsmodule()
        weitere = {t.titel: _json_wert(t.teil(sitzung, assistenzkraft_id)) for t in _WEITERE_TEILE}
        zeitstempel = sitzung.get(Assistenzkraft, assistenzkraft_id)
        erfasst = zeitstempel.erstellt_am if zeitstempel else None
        geaendert = zeitstempel.geaendert_am if zeitstempel else None
    person = {
        FELDNAMEN[f.name]: _lesbar(f.name, getattr(daten, f.name), kassen)
        for f in fields(daten)
        if f.name in FELDNAMEN and f.name not in ("kinder", "weitere_beschaeftigungen")
    }
    person["Tätigkeitsschlüssel"] = daten.taetigkeitsschluessel
    ergebnis: dict[str, Any] = {
        "Auskunft nach Art. 15 DSGVO": {
            "erstellt am": date.today().isoformat(),
            "Verantwortliche": ag.name if ag else "",
            "Anschrift der Verantwortlichen": f"{ag.strasse}, {ag.plz} {ag.ort}".strip(", ") if ag else "",
            "betroffene Person": daten.name,
            "Zweck": "Durchführung des Arbeitsverhältnisses bzw. der Bewerbung (Art. 6 Abs. 1 lit. b, c DSGVO; "
            "§ 26 BDSG), Lohnabrechnung und Meldungen an Sozialversicherung und Finanzamt.",
            "Empfänger": "Krankenkasse/Minijob-Zentrale, Finanzamt, Unfallversicherungsträger, Kostenträger "
            "(Verwendungsnachweis), soweit gesetzlich vorgeschrieben oder vereinbart.",
            "Speicherdauer": "Bewerbungsdaten bis zur Entscheidung; Lohnunterlagen nach den gesetzlichen Fristen "
            "(§ 41 EStG, § 147 AO, § 28f SGB IV).",
            "erfasst am": _json_wert(erfasst),
            "zuletzt geändert am": _json_wert(geaendert),
        },
        "Personalbogen": person,
        "Kinder": [
            {
                KIND_FELDNAMEN[k]: _json_wert(KIND_ARTEN.get(v, v) if k == "art" else v)
                for k, v in asdict(kind).items()
                if k in KIND_FELDNAMEN
            }
            for kind in daten.kinder
        ],
        "weitere Beschäftigungen": [
            {
                BESCHAEFTIGUNG_FELDNAMEN[k]: _lesbar(k, BESCHAEFTIGUNGSARTEN.get(v, v) if k == "art" else v, kassen)
                for k, v in asdict(job).items()
                if k in BESCHAEFTIGUNG_FELDNAMEN
            }
            for job in daten.weitere_beschaeftigungen
        ],
        "Arbeitsverträge": [
            {VERTRAG_FELDNAMEN[k]: _json_wert(v) for k, v in asdict(v).items() if k in VERTRAG_FELDNAMEN}
            for v in versionen
        ],
    }
    ergebnis.update(weitere)
    return ergebnis


def dateiname(name: str) -> str:
    """A person's name as part of a file name: letters, digits, _ and -, at most 60 characters."""
    return re.sub(r"[^\w-]+", "_", name).strip("_")[:60].strip("_") or "Person"


def auskunftsdateien(db: Datenbank, assistenzkraft_id: int, ordner: Path) -> list[Path]:
    """The files `schreibe_auskunft` would write (the GUI asks before replacing any that exist)."""
    name = dateiname(assistenzkraefte.lade_assistenzkraft(db, assistenzkraft_id).name)
    return [ordner / f"Auskunft_{name}_{date.today():%Y-%m-%d}.json", ordner / f"Personalbogen_{name}.pdf"]


def schreibe_auskunft(
    db: Datenbank, assistenzkraft_id: int, ordner: Path, *, ueberschreiben: bool = False
) -> list[Path]:
    """Write the JSON export and the filled Personalbogen into `ordner` (created owner-only); returns both paths."""
    inhalt = auskunft(db, assistenzkraft_id)
    json_pfad, pdf_pfad = auskunftsdateien(db, assistenzkraft_id, ordner)
    try:
        privater_ordner(ordner)
    except OSError as fehler:
        raise EingabeFehler(
            f"In {ordner} kann nicht geschrieben werden ({dateigrund(fehler)}). Bitte einen anderen Ordner wählen."
        ) from fehler
    for datei in (json_pfad, pdf_pfad):  # both or neither: check both before writing the first
        pruefe_ziel(datei, ueberschreiben=ueberschreiben)
    schreibe_text(json_pfad, json.dumps(inhalt, ensure_ascii=False, indent=2), ueberschreiben=ueberschreiben)
    personalbogen_pdf(db, assistenzkraft_id, pdf_pfad, ueberschreiben=ueberschreiben)
    return [json_pfad.absolute(), pdf_pfad.absolute()]


def personalbogen_pdf(
    db: Datenbank | None, assistenzkraft_id: int | None, ziel: Path, *, ueberschreiben: bool = False
) -> Path:
    """Filled Personalbogen of one person, or the blank form (`assistenzkraft_id` None)."""
    ag = arbeitgeber.lade_arbeitgeber(db) if db is not None else None
    daten = None
    kasse = ""
    if assistenzkraft_id is not None:
        if db is None:
            raise EingabeFehler("Für einen ausgefüllten Personalbogen wird die Datenbank gebraucht.")
        daten = assistenzkraefte.lade_assistenzkraft(db, assistenzkraft_id)
        if daten.krankenkasse_id is not None:
            with db.arbeitseinheit() as sitzung:
                zeile = sitzung.get(Krankenkasse, daten.krankenkasse_id)
                kasse = zeile.name if zeile else ""
    try:
        return schreibe_personalbogen(
            ziel,
            daten,
            arbeitgeber_name=ag.name if ag else "",
            krankenkasse_name=kasse,
            ueberschreiben=ueberschreiben,
        )
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from fehler


def _beschaeftigt_gewesen(sitzung: Session, assistenzkraft_id: int) -> str | None:
    kraft = sitzung.get(Assistenzkraft, assistenzkraft_id)
    if kraft is None:
        return None
    anzahl = sitzung.scalar(select(func.count()).where(Vertrag.assistenzkraft_id == assistenzkraft_id)) or 0
    if kraft.status == "bewerberin" and anzahl == 0:
        return None
    return (
        f"{kraft.vorname} {kraft.nachname} ist oder war bei Ihnen beschäftigt. Lohn- und Beschäftigungsunterlagen "
        "müssen Sie aufbewahren (Lohnkonto: § 41 Abs. 1 EStG, § 147 AO; Entgeltunterlagen: § 28f Abs. 1 SGB IV); "
        "diese Pflicht geht dem Löschanspruch vor (Art. 17 Abs. 3 lit. b DSGVO). Gelöscht werden können nur "
        "Daten von Bewerberinnen ohne Arbeitsvertrag."
    )


def loeschgrund(db: Datenbank, assistenzkraft_id: int) -> str | None:
    """None when the person's data may be erased now, else the German reason why not."""
    with db.arbeitseinheit() as sitzung:
        if sitzung.get(Assistenzkraft, assistenzkraft_id) is None:
            raise EingabeFehler("Diese Person gibt es nicht (mehr).")
        for pruefung in (_beschaeftigt_gewesen, *_PFLICHTEN):
            grund = pruefung(sitzung, assistenzkraft_id)
            if grund:
                return grund
    return None


@dataclass
class Loeschbericht:
    """What an erasure did (Art. 17 DSGVO), for the user to read and keep."""

    name: str
    geloescht: dict[str, int] = field(default_factory=dict)  # table → rows removed from the database
    bereinigt: list[Path] = field(default_factory=list)  # backups rewritten without her
    entfernt: list[Path] = field(default_factory=list)  # backups that could not be rewritten: deleted
    ohne_sie: int = 0  # backups that never held her
    namensreste: dict[str, int] = field(default_factory=dict)  # table.column → texts still naming her

    def als_text(self) -> str:
        zeilen = [f"Die Daten von {self.name} wurden gelöscht:"]
        zeilen.append(
            "  in der Datenbank: "
            + ", ".join(f"{TABELLENNAMEN.get(t, t)} {n}" for t, n in sorted(self.geloescht.items()))
            + " (gelöschte Stellen überschrieben, Datei neu aufgebaut)"
        )
        zeilen.append(
            f"  in den Sicherungen und beiseitegelegten Dateien: {len(self.bereinigt)} ohne sie neu geschrieben, "
            f"{len(self.entfernt)} entfernt (nicht lesbar), {self.ohne_sie} enthielten sie nicht"
        )
        if self.namensreste:
            orte = ", ".join(
                f"{TABELLENNAMEN.get(ort.split('.')[0], ort.split('.')[0])}, Feld {ort.split('.')[-1]} ({n})"
                for ort, n in sorted(self.namensreste.items())
            )
            zeilen.append(f"  Ihr Name steht noch in Notizen anderer Einträge: {orte}. Bitte prüfen Sie diese Texte.")
        zeilen.append(
            "  Nicht erreichbar für das Programm: Ausdrucke und Dateien, die Sie selbst gespeichert oder verschickt "
            "haben (Exporte, Auskünfte) – bitte löschen Sie diese selbst."
        )
        return "\n".join(zeilen)


TABELLENNAMEN = {
    "assistenzkraft": "Personalbogen",
    "kind": "Kinder",
    "weitere_beschaeftigung": "weitere Beschäftigungen",
    "vertrag": "Vertragsfassungen",
    "schicht": "Schichten",
    "abwesenheit": "Abwesenheiten",
    "muster_eintrag": "Einträge in Dienstplan-Mustern",
    "urlaub_uebertrag": "Urlaubsüberträge",
}


def loesche_bewerberin(db: Datenbank, assistenzkraft_id: int) -> Loeschbericht:
    """Erase an applicant everywhere: the database (secure_delete, VACUUM) and every backup; returns the report.

    Refuses (EingabeFehler with the reason) when records must be kept. One transaction for the database itself.
    """
    with db.arbeitseinheit() as sitzung:
        kraft = sitzung.get(Assistenzkraft, assistenzkraft_id)
        if kraft is None:
            raise EingabeFehler("Diese Person gibt es nicht (mehr).")
        for pruefung in (_beschaeftigt_gewesen, *_PFLICHTEN):
            grund = pruefung(sitzung, assistenzkraft_id)
            if grund:
                raise EingabeFehler(grund)
        vorname, nachname = kraft.vorname, kraft.nachname
    bericht = Loeschbericht(f"{vorname} {nachname}".strip())
    verbindung = db.engine.raw_connection()
    try:
        roh = verbindung.driver_connection
        try:
            bericht.geloescht = loesche_person(roh, [assistenzkraft_id])
        except Exception as fehler:
            if type(fehler).__name__ == "IntegrityError":
                raise EingabeFehler(
                    f"{bericht.name} kann nicht gelöscht werden: es gibt noch Abrechnungen, die aufbewahrt werden "
                    "müssen. Nichts wurde gelöscht."
                ) from fehler
            raise
        verdichte(roh)
        bericht.namensreste = namensreste(roh, vorname, nachname)
    finally:
        verbindung.close()
    for kopie in kopien(db.pfad):
        ergebnis = bereinige_kopie(kopie, assistenzkraft_id, vorname, nachname, kennwort=db.kennwort)
        if ergebnis.entfernt:
            bericht.entfernt.append(kopie)
        elif ergebnis.geloescht:
            bericht.bereinigt.append(kopie)
        else:
            bericht.ohne_sie += 1
    return bericht
