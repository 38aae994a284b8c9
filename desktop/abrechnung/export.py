"""The payroll documents from the page: Entgeltbescheinigung (one or all), Lohnjournal, Lohnkonto, Zahlungen.

The writers are those behind `assistenzbuero export` (core.cli.export.EXPORTARTEN → core.io.belege_export): its
`exportiere_*` find an assistant by name, the page knows her id, so it calls the `*_exportieren` functions they
wrap, with a progress callback. The page asks for the target file, asks before replacing one, and writes in the
background (progress, Abbrechen); the file appears only when the writer finished (core.io.ausgabe).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from core.io import belege_export as belege
from core.persistence.datenbank import Datenbank
from desktop import meldungen
from desktop.hintergrund import Fortschritt, Vorgang
from desktop.i18n import tr
from desktop.operationen import Hintergrundoperation
from desktop.zieldatei import ersetzen_erlaubt

TYPEN = {
    ".pdf": tr("PDF-Dokument (*.pdf)"),
    ".xlsx": tr("Excel-Arbeitsmappe (*.xlsx)"),
    ".xml": tr("SEPA-Überweisung (*.xml)"),
}


@dataclass(frozen=True)
class Exportart:
    """One entry of the page's export menu. `einzeln`: only the assistant selected in the table."""

    schluessel: str
    text: str
    art: str  # the kind of `assistenzbuero export`
    endung: str
    dateiname: str  # without month and extension
    einzeln: bool = False


EXPORTE: tuple[Exportart, ...] = (
    Exportart(
        "entgeltbescheinigung_einzeln",
        tr("Entgeltbescheinigung der &gewählten Assistenzkraft (PDF) …"),
        "entgeltbescheinigung",
        ".pdf",
        tr("Entgeltbescheinigung"),
        einzeln=True,
    ),
    Exportart(
        "entgeltbescheinigungen",
        tr("&Entgeltbescheinigungen aller Assistenzkräfte (PDF) …"),
        "entgeltbescheinigung",
        ".pdf",
        tr("Entgeltbescheinigungen"),
    ),
    Exportart("lohnjournal_pdf", tr("&Lohnjournal als PDF …"), "lohnjournal", ".pdf", tr("Lohnjournal")),
    Exportart("lohnjournal_xlsx", tr("Lohnjournal als E&xcel …"), "lohnjournal", ".xlsx", tr("Lohnjournal")),
    Exportart("lohnkonto_pdf", tr("Lohn&konten des Jahres als PDF …"), "lohnkonto", ".pdf", tr("Lohnkonten")),
    Exportart("lohnkonto_xlsx", tr("Lohnkonten des &Jahres als Excel …"), "lohnkonto", ".xlsx", tr("Lohnkonten")),
    Exportart("sepa", tr("&SEPA-Überweisung (XML) …"), "zahlungen", ".xml", tr("SEPA-Ueberweisung")),
    Exportart("zahlungen_pdf", tr("&Zahlungsliste als PDF …"), "zahlungen", ".pdf", tr("Zahlungsliste")),
    Exportart("zahlungen_xlsx", tr("Zahlungsliste als Exce&l …"), "zahlungen", ".xlsx", tr("Zahlungsliste")),
)


def exportart(schluessel: str) -> Exportart:
    return next(e for e in EXPORTE if e.schluessel == schluessel)


def vorschlag(e: Exportart, jahr: int, monat: int, person: str | None = None) -> str:
    zeit = str(jahr) if e.art == "lohnkonto" else f"{jahr}-{monat:02d}"
    teile = [e.dateiname, zeit]
    if person:
        teile.append(person.replace(" ", "_"))
    return "_".join(teile) + e.endung


def schreibe(
    db: Datenbank,
    e: Exportart,
    jahr: int,
    monat: int,
    ziel: Path,
    assistenzkraft_id: int | None,
    fortschritt: Callable[[int, int], None] | None = None,
) -> str:
    """Write the file (replacing an existing one: the user agreed); returns the writer's German summary."""
    if e.art == "entgeltbescheinigung":
        return belege.entgeltbescheinigungen_exportieren(
            db, jahr, monat, ziel, assistenzkraft_id=assistenzkraft_id, ueberschreiben=True, fortschritt=fortschritt
        )
    if e.art == "lohnjournal":
        return belege.lohnjournal_exportieren(db, jahr, monat, ziel, ueberschreiben=True, fortschritt=fortschritt)
    if e.art == "lohnkonto":
        return belege.lohnkonten_exportieren(
            db, jahr, ziel, bis_monat=monat, ueberschreiben=True, fortschritt=fortschritt
        )
    return belege.zahlungen_exportieren(db, jahr, monat, ziel, ueberschreiben=True, fortschritt=fortschritt)


def frage_ziel(parent: QWidget, e: Exportart, titel: str, vorschlag_pfad: Path) -> Path | None:
    """The save dialog; the extension is added when missing; an existing file only after the user's yes."""
    pfad_text, _filter = QFileDialog.getSaveFileName(parent, titel, str(vorschlag_pfad), TYPEN[e.endung])
    if not pfad_text:
        return None
    gewaehlt = Path(pfad_text)
    pfad = gewaehlt if gewaehlt.suffix.lower() == e.endung else gewaehlt.with_name(gewaehlt.name + e.endung)
    if not ersetzen_erlaubt(parent, [pfad], schon_bestaetigt=gewaehlt):
        return None
    return pfad


def starte(
    parent: QWidget,
    db: Datenbank,
    e: Exportart,
    jahr: int,
    monat: int,
    ziel: Path,
    assistenzkraft_id: int | None,
    fertig: Callable[[str], Any],
) -> Vorgang:
    """Write in the background with progress and Abbrechen; a refusal (e.g. a missing IBAN) is one German message."""

    def arbeit(fortschritt: Fortschritt) -> str:
        def melde(schritt: int, von: int) -> None:
            fortschritt.pruefe()  # Abbrechen: the writer stops, the half file is thrown away
            fortschritt.melde(schritt, von)

        fortschritt.melde(0, 1, tr("{datei} wird erstellt …").format(datei=ziel.name))
        return schreibe(db, e, jahr, monat, ziel, assistenzkraft_id, melde)

    def erfolg(zusammenfassung: str) -> None:
        fertig(zusammenfassung)
        meldungen.datei_fertig(parent, tr("Export fertig"), zusammenfassung, ziel)

    titel = tr("{datei} wird erstellt").format(datei=e.dateiname)
    return Hintergrundoperation(parent, titel, arbeit).bei_erfolg(erfolg).starten()
