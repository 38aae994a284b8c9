"""Opening the household's data file for the GUI or CLI: lock, back up, migrate, seed the defaults once.

GUI: `db = oeffne(pfad)` at start (pfad None → default file). Catch `DatenbankFehler`: show `str(fehler)`;
for `DatenbankBeschaedigt` offer "Neueste Sicherung zurückspielen" → `stelle_wieder_her(fehler.pfad)` and open
again. Afterwards `arbeitgeber.ist_eingerichtet(db)` tells whether to show the first-start assistant.
"""

from __future__ import annotations

from pathlib import Path

from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Einstellung
from core.persistence.sicherung import STANDARD_ANZAHL
from core.stammdaten import krankenkassen, unfallkassen

VORGABEN_SCHLUESSEL = "vorgaben_angelegt"


def oeffne(pfad: Path | str | None = None, *, sicherungen_behalten: int = STANDARD_ANZAHL) -> Datenbank:
    db = Datenbank.oeffnen(pfad, sicherungen_behalten=sicherungen_behalten)
    try:
        lege_vorgaben_an(db)
        # The roster's defaults too, so that read-only exports never need to write them.
        from core.dienstplan.vorgaben import lege_vorgaben_an as lege_dienstplanvorgaben_an

        lege_dienstplanvorgaben_an(db)
    except BaseException:
        db.schliessen()
        raise
    return db


def oeffne_zum_lesen(pfad: Path | str | None = None) -> Datenbank:
    """For exports and reports: reads the file even while the program window has it open; never writes."""
    return Datenbank.oeffnen_zum_lesen(pfad)


def lege_vorgaben_an(db: Datenbank) -> bool:
    """Seed Unfallkassen and Krankenkassen exactly once per file (deleting them later does not bring them back);
    on later starts only add the Minijob-Zentrale's rates for years the rule tables gained meanwhile."""
    with db.arbeitseinheit() as sitzung:
        if sitzung.get(Einstellung, VORGABEN_SCHLUESSEL) is not None:
            krankenkassen.ergaenze_regeljahre(sitzung)
            return False
        unfallkassen.lege_vorgaben_an(sitzung)
        krankenkassen.lege_vorgaben_an(sitzung)
        sitzung.add(Einstellung(schluessel=VORGABEN_SCHLUESSEL, wert="1"))
    return True
