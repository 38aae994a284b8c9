"""The same exports as the command line (Dienstplan, Stundenzettel; PDF or Excel), off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from core.dienstplan.tage import monatsname
from desktop import meldungen
from desktop.hintergrund import Fortschritt, Vorgang
from desktop.i18n import tr

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
    person: tuple[int, str] | None = None,
) -> Vorgang | None:
    """Ask where to save, then write the file in the background; one German message on success or failure."""
    if art == "stundenzettel" and person is not None:
        frage = meldungen.frage(
            parent,
            tr("Stundenzettel"),
            tr("Nur den Stundenzettel von {name}? „Nein“ exportiert die Stundenzettel aller.").format(name=person[1]),
            ja=tr("Nur &{name}").format(name=person[1]),
            nein=tr("&Alle"),
        )
        if not frage:
            person = None
    vorschlag = str(Path.home() / dateiname(art, jahr, monat, endung, person[1] if person else None))
    pfad_text, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("{art} {monat} speichern").format(art=ARTEN[art], monat=monatsname(jahr, monat)),
        vorschlag,
        TYPEN[endung],
    )
    if not pfad_text:
        return None
    pfad = Path(pfad_text)
    if pfad.suffix.lower() != endung:
        pfad = pfad.with_suffix(endung)
    return starte_export(parent, db, art, pfad, jahr, monat, person[0] if person else None)


def starte_export(
    parent: QWidget, db: Any, art: str, pfad: Path, jahr: int, monat: int, person_id: int | None
) -> Vorgang:
    from core.dienstplan import export as kern

    def arbeit(fortschritt: Fortschritt) -> Path:
        fortschritt.melde(0, 1, tr("{art} wird erstellt …").format(art=ARTEN[art]))
        kern.exportiere(db, art, jahr, monat, pfad, assistenzkraft_id=person_id)
        fortschritt.melde(1, 1)
        return pfad

    def fertig(ergebnis: Path) -> None:
        melde = getattr(parent, "kontext", None)
        text = tr("{art} gespeichert: {pfad}").format(art=ARTEN[art], pfad=ergebnis)
        if melde is not None:
            melde.melde(text)
        meldungen.hinweis(parent, tr("Export fertig"), text)

    return Vorgang(parent, tr("{art} wird erstellt").format(art=ARTEN[art]), arbeit).bei_erfolg(fertig).starten()
