"""The files of an Auskunft nach Art. 15 DSGVO (JSON and the filled Personalbogen) and the Personalbogen PDF."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from core.fehler import EingabeFehler, dateigrund, schreibfehler
from core.io.personalbogen_pdf import schreibe_personalbogen
from core.persistence.datenbank import Datenbank
from core.stammdaten import arbeitgeber, assistenzkraefte, dsgvo
from core.stammdaten.repository import einheit


def _dateiname(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9ÄÖÜäöüß_-]+", "_", name).strip("_") or "Person"


def schreibe_auskunft(db: Datenbank, assistenzkraft_id: int, ordner: Path) -> list[Path]:
    """Write the JSON export and the filled Personalbogen into `ordner`; returns both paths."""
    inhalt = dsgvo.auskunft(db, assistenzkraft_id)
    name = _dateiname(inhalt["Auskunft nach Art. 15 DSGVO"]["betroffene Person"])
    try:
        ordner.mkdir(parents=True, exist_ok=True)
        json_pfad = ordner / f"Auskunft_{name}_{date.today():%Y-%m-%d}.json"
        json_pfad.write_text(json.dumps(inhalt, ensure_ascii=False, indent=2), encoding="utf-8")
        pdf_pfad = personalbogen_pdf(db, assistenzkraft_id, ordner / f"Personalbogen_{name}.pdf")
    except OSError as fehler:
        raise EingabeFehler(
            f"In {ordner} kann nicht geschrieben werden ({dateigrund(fehler)}). Bitte einen anderen Ordner wählen."
        ) from fehler
    return [json_pfad, pdf_pfad]


def personalbogen_pdf(db: Datenbank | None, assistenzkraft_id: int | None, ziel: Path) -> Path:
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
        return schreibe_personalbogen(ziel, daten, arbeitgeber_name=ag.name if ag else "", krankenkasse_name=kasse)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from fehler
