"""The same exports as the command line (Dienstplan, Stundenzettel; PDF or Excel), off the GUI thread."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from core.dienstplan.dienst import Person
from core.dienstplan.tage import monatsname
from core.io.export_cli import EXPORTARTEN
from desktop import meldungen
from desktop.hintergrund import Vorgang
from desktop.i18n import tr
from desktop.operationen import datei_schreiben
from desktop.zieldatei import ersetzen_erlaubt

ARTEN = {"dienstplan": tr("Dienstplan"), "stundenzettel": tr("Stundenzettel")}
TYPEN = {".pdf": tr("PDF-Dokument (*.pdf)"), ".xlsx": tr("Excel-Arbeitsmappe (*.xlsx)")}


def dateiname(art: str, jahr: int, monat: int, endung: str, person: str | None = None) -> str:
    teile = [ARTEN[art], f"{jahr}-{monat:02d}"]
    if person:
        teile.append(person.replace(" ", "_"))
    return "_".join(teile) + endung


def exportiere(
    parent: QWidget,
    db: Any,
    art: str,
    endung: str,
    jahr: int,
    monat: int,
    person: Person | None = None,
) -> Vorgang | None:
    """Ask where to save, then write the file in the background; one German message on success or failure."""
    if art != "stundenzettel":
        person = None
    elif person is not None and not meldungen.frage(
        parent,
        tr("Stundenzettel"),
        tr("Nur den Stundenzettel von {name}? „Nein“ schreibt die Stundenzettel aller in eine Datei.").format(
            name=person.name
        ),
        ja=tr("Nur {name}").format(name=person.name),
        nein=tr("&Alle"),
    ):
        person = None
    vorschlag = str(Path.home() / dateiname(art, jahr, monat, endung, person.name if person else None))
    titel = tr("{art} {monat} speichern").format(art=ARTEN[art], monat=monatsname(jahr, monat))
    pfad_text, _filter = QFileDialog.getSaveFileName(parent, titel, vorschlag, TYPEN[endung])
    if not pfad_text:
        return None
    gewaehlt = Path(pfad_text)
    pfad = gewaehlt if gewaehlt.suffix.lower() == endung else gewaehlt.with_suffix(endung)
    if not ersetzen_erlaubt(parent, [pfad], schon_bestaetigt=gewaehlt):
        return None
    return starte_export(parent, db, art, pfad, jahr, monat, person, ueberschreiben=True)


def starte_export(
    parent: QWidget,
    db: Any,
    art: str,
    pfad: Path,
    jahr: int,
    monat: int,
    person: Person | None = None,
    *,
    ueberschreiben: bool = False,
) -> Vorgang:
    """Run the command line's exporter (core.io.export_cli.EXPORTARTEN) off the GUI thread."""
    modul, funktion = EXPORTARTEN[art].split(":")
    exporter = getattr(importlib.import_module(modul), funktion)
    # the exporter finds the assistant by name, as `--assistenzkraft` does; the full name is unique in practice
    name = f"{person.vorname} {person.nachname}".strip() if person is not None else None

    def fertig(zusammenfassung: str) -> None:
        kontext = getattr(parent, "kontext", None)
        if kontext is not None:
            kontext.melde(zusammenfassung)
        meldungen.datei_fertig(parent, tr("Export fertig"), zusammenfassung, pfad)

    return datei_schreiben(
        parent,
        tr("{art} wird erstellt").format(art=ARTEN[art]),
        lambda: str(exporter(db, jahr, monat, pfad, pfad.suffix.lower(), name, ueberschreiben=ueberschreiben)),
        fertig,
    )
