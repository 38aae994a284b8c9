"""Data-subject rights for an assistant: access (Art. 15 DSGVO export) and erasure of an applicant (Art. 17).

GUI/CLI: `auskunft(db, id)` → dict with German headings (JSON-ready); `schreibe_auskunft(db, id, ordner)` writes
`Auskunft_<Name>_<Datum>.json` and the filled Personalbogen PDF; `loeschgrund(db, id)` → None if erasure is
allowed, else the German reason; `loesche_bewerberin(db, id)` erases or raises `EingabeFehler` with that reason.
`personalbogen_pdf(db, id | None, ziel)` writes the filled (or blank) form.

Other feature modules add their records about a person with `registriere_auskunftsteil(titel, fn)` and, where
records must be kept, `registriere_aufbewahrungspflicht(fn)` (fn returns a German reason or None).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, fields
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

_WEITERE_TEILE: list[tuple[str, AuskunftsTeil]] = []
_PFLICHTEN: list[Aufbewahrungspflicht] = []

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


def registriere_auskunftsteil(titel: str, teil: AuskunftsTeil) -> None:
    """Add a section (e.g. "Schichten") to every access export: `teil(sitzung, assistenzkraft_id)` → JSON-able."""
    _WEITERE_TEILE.append((titel, teil))


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
        weitere = {titel: _json_wert(teil(sitzung, assistenzkraft_id)) for titel, teil in _WEITERE_TEILE}
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


def loesche_bewerberin(db: Datenbank, assistenzkraft_id: int) -> str:
    """Erase an applicant with children and other jobs in one transaction; returns the name erased."""
    with db.arbeitseinheit() as sitzung:
        kraft = sitzung.get(Assistenzkraft, assistenzkraft_id)
        if kraft is None:
            raise EingabeFehler("Diese Person gibt es nicht (mehr).")
        for pruefung in (_beschaeftigt_gewesen, *_PFLICHTEN):
            grund = pruefung(sitzung, assistenzkraft_id)
            if grund:
                raise EingabeFehler(grund)
        name = f"{kraft.vorname} {kraft.nachname}"
        sitzung.delete(kraft)
    return name
