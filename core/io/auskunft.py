"""The files of an Auskunft nach Art. 15 DSGVO (JSON and the filled Personalbogen) and the Personalbogen PDF."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from core.dateirechte import privater_ordner
from core.fehler import EingabeFehler, dateigrund, schreibfehler
from core.io.ausgabe import pruefe_ziel, schreibe_text
from core.io.personalbogen_pdf import schreibe_personalbogen
from core.persistence.datenbank import Datenbank
from core.stammdaten import arbeitgeber, assistenzkraefte, dsgvo
from core.stammdaten.repository import einheit


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
    inhalt = dsgvo.auskunft(db, assistenzkraft_id)
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
            with einheit(db) as e:
                zeile = e.krankenkassen.zeile(daten.krankenkasse_id)
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
