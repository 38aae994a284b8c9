"""Kalkulation versions and files: an old sheet read into a version (and saved), a version written to .xlsx/.pdf.

`als_version(name, import_ergebnis)`; `speichere_import(db, name, import_ergebnis)`;
`exportiere_version(version, ziel, antragsteller=...)` (the type follows the extension);
`antragsteller(db)`: the employer's name and address for the PDF's head.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from core.budget.kalkulation_dienst import KalkulationsVersion, speichere
from core.domain.geld import format_eur
from core.io.kalkulation_export import Kopf, exportiere_datei
from core.io.kalkulation_import import ImportErgebnis
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import lade_arbeitgeber

_DATUM = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def stand_aus_version(version: str | None, ersatz: date) -> date:
    """The sheet's "Version 01.03.2016" as a date; anything else → `ersatz`."""
    if version and (m := _DATUM.match(version)):
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return ersatz
    return ersatz


def als_version(name: str, ergebnis: ImportErgebnis, *, heute: date | None = None) -> KalkulationsVersion:
    datei = Path(ergebnis.datei).name
    notiz = f"Übernommen aus „{datei}“ (Tabellenblatt „{ergebnis.blatt}“, Version {ergebnis.version or 'unbekannt'})."
    if ergebnis.abweichungen:
        notiz += " Abweichungen zu den Summen in der Datei: " + "; ".join(
            f"{a.bezeichnung} Datei {format_eur(a.in_datei)}, neu {format_eur(a.neu_berechnet)}"
            for a in ergebnis.abweichungen
        )
    return KalkulationsVersion(
        name=name,
        stand=stand_aus_version(ergebnis.version, heute or date.today()),
        parameter=ergebnis.parameter,
        notiz=notiz,
        herkunft=f"Import: {datei}",
    )


def speichere_import(db: Datenbank, name: str, ergebnis: ImportErgebnis) -> KalkulationsVersion:
    """Save what the import recognised as a new named version (all or nothing)."""
    return speichere(db, als_version(name, ergebnis))


def exportiere_version(
    version: KalkulationsVersion,
    ziel: Path,
    *,
    gedruckt_am: date | None = None,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
    antragsteller: tuple[str, ...] = (),
) -> Path:
    return exportiere_datei(
        version.parameter,
        ziel,
        Kopf(name=version.name, stand=version.stand, notiz=version.notiz, antragsteller=antragsteller),
        gedruckt_am=gedruckt_am or date.today(),
        ueberschreiben=ueberschreiben,
        eingaben=eingaben,
    )


def antragsteller(db: Datenbank) -> tuple[str, ...]:
    """The employer's name, street and "PLZ Ort" from the master data (empty before the set-up)."""
    ag = lade_arbeitgeber(db)
    if ag is None:
        return ()
    zeilen = (ag.name, ag.strasse.strip(), f"{ag.plz.strip()} {ag.ort.strip()}".strip())
    return tuple(z for z in zeilen if z)
