"""Benchmark (issue 9): the reports of a finalised month and the start page's Fristen for a household of 15
assistants (the two-Kassen household of tests/data/szenarien/meldungen_zwei_kassen.json, three times).
Targets: Beitragsnachweise of a month under 0.5 s; the DEÜV-Meldungen of a month (with the search for
interruptions of pay in the year's finalised months, a third of the assistants on sick leave) under 0.5 s; the
Fristen list of the start page (six weeks ahead, eight back, amounts of open months from the draft payroll) under
2 s, read off the GUI thread.

Run: python benchmarks/meldungen.py
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
import time as uhr
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.meldungen.beitragsnachweis import beitragsnachweise
from core.meldungen.beitragsnachweis_export import beitragsnachweise_exportieren
from core.meldungen.deuev import deuev_meldungen
from core.meldungen.fristenliste import anstehende
from core.stammdaten import start

VORLAGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "szenarien" / "meldungen_zwei_kassen.json"


def main() -> None:
    daten = json.loads(VORLAGE.read_text(encoding="utf-8"))
    vorlage = daten["assistenzkraefte"]
    daten["assistenzkraefte"] = []
    for runde in range(3):
        for kraft in vorlage:
            neu = copy.deepcopy(kraft)
            neu["id"] = f"{runde}{kraft['id']}"
            if runde == 1:  # sick from mid-March: the DEÜV search reads these months' stored input
                neu["abwesenheiten"] = [{"art": "krank", "von": "2026-03-16", "bis": "2026-05-31"}]
            daten["assistenzkraefte"].append(neu)
    with tempfile.TemporaryDirectory() as ordner:
        datei = Path(ordner) / "s.json"
        datei.write_text(json.dumps(daten), encoding="utf-8")
        lade(datei, Path(ordner) / "h.sqlite")
        db = start.oeffne(Path(ordner) / "h.sqlite")
        lauf.schliesse_ab(db, 2026, 3)
        for name, arbeit in (
            ("Beitragsnachweise März (Daten)", lambda: beitragsnachweise(db, 2026, 3)),
            (
                "Beitragsnachweise März (PDF)",
                lambda: beitragsnachweise_exportieren(db, 2026, 3, Path(ordner) / "bn.pdf", ueberschreiben=True),
            ),
            ("DEÜV-Meldungen März (Daten)", lambda: deuev_meldungen(db, 2026, 3)),
            ("Fristen der Startseite am 20.03.2026", lambda: anstehende(db, date(2026, 3, 20))),
        ):
            beginn = uhr.perf_counter()
            arbeit()
            print(f"{name}: {uhr.perf_counter() - beginn:.2f} s ({len(daten['assistenzkraefte'])} Assistenzkräfte)")
        db.schliessen()


if __name__ == "__main__":
    main()
