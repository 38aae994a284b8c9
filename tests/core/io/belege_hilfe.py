"""Test data for the payroll documents: scenario months computed by the payroll calculation itself (no hand-made
results), with master data (addresses, Konfession, accounts) as the Personalbogen would hold them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.dienstplan.modelle import SchichtZeile
from core.io.belegdaten import Beleggrundlage, Fassung, Monatsbelege
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import ArbeitgeberDaten
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

SZENARIEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"

ARBEITGEBERIN = ArbeitgeberDaten(
    nachname="Beispiel",
    vorname="Anna",
    strasse="Musterweg 1",
    plz="70173",
    ort="Stuttgart",
    bundesland="BW",
    steuernummer="99/815/08152",
    iban="DE02120300000000202051",
)


def szenario(name: str, aendern: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    daten: dict[str, Any] = json.loads((SZENARIEN / f"{name}.json").read_text(encoding="utf-8"))
    if aendern is not None:
        aendern(daten)
    return daten


def verlaengere_erste_schicht(sitzung: Session, assistenzkraft_id: int, tag: date, dauer: timedelta) -> None:
    """Her first shift of `tag` ended `dauer` later than planned (the time sheet: a change to a finalised month)."""
    erste = sitzung.scalars(
        select(SchichtZeile)
        .where(SchichtZeile.assistenzkraft_id == assistenzkraft_id, SchichtZeile.tag == tag)
        .order_by(SchichtZeile.beginn)
    ).first()
    if erste is None:
        raise LookupError(f"keine Schicht am {tag:%d.%m.%Y}")
    erste.ist_beginn, erste.ist_ende = erste.beginn, erste.ende + dauer


def geladener_haushalt(ordner: Path, daten: dict[str, Any]) -> Datenbank:
    """The scenario `daten` loaded into a new household `ordner/h.sqlite` (CONTRACTS §8) and opened; the caller
    finalises what it needs and closes it."""
    from core.abrechnung.szenario_laden import lade
    from core.stammdaten import start

    datei = ordner / "s.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, ordner / "h.sqlite")
    return start.oeffne(ordner / "h.sqlite")


def monat(
    daten: dict[str, Any],
    personen: dict[str, AssistenzkraftDaten] | None = None,
    *,
    entwurf: bool = False,
    fassungen: dict[str, Fassung] | None = None,
) -> Monatsbelege:
    """Compute the scenario's month with the payroll calculation and wrap it as the documents receive it."""
    s = lies_szenario(daten)
    eintraege = tuple(
        Beleggrundlage(
            berechne(e),
            e,
            (personen or {}).get(e.person.personalnummer),
            (fassungen or {}).get(e.person.personalnummer),
        )
        for e in s.eingaben
    )
    return Monatsbelege(s.jahr, s.monat, ARBEITGEBERIN, eintraege, entwurf=entwurf)


def person(vorname: str, nachname: str, **weitere: Any) -> AssistenzkraftDaten:
    return AssistenzkraftDaten(
        vorname=vorname, nachname=nachname, strasse="Hauptstraße 5", plz="70176", ort="Stuttgart", **weitere
    )


def norm(text: str) -> str:
    """Whitespace (line breaks of wrapped cells, no-break spaces) collapsed to single blanks."""
    return " ".join(text.split())


def pdf_text(pfad: Path) -> list[str]:
    """The text of each page, whitespace collapsed (see `norm`)."""
    return [norm(seite.extract_text()) for seite in PdfReader(pfad).pages]
