"""Benchmark (issue 8, GUI): the Monatsabrechnung page on a household of 15 assistants — how long until the month is
shown, and the longest the window stood still meanwhile (the run is computed in the background; a timer on the GUI
thread ticks every 10 ms and the largest gap between ticks is what a user would feel as a freeze).

The household is the one of benchmarks/abrechnung_lauf.py (the scenario sv_pflichtig_nacht_sonntag 15 times).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/abrechnung_seite.py
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
import time as uhr
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.abrechnung.szenario_laden import lade
from core.stammdaten import start

VORLAGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "szenarien" / "sv_pflichtig_nacht_sonntag.json"
ANZAHL = 15


def main() -> None:
    app = QApplication([])
    from desktop.abrechnung.bereich import AbrechnungBereich
    from desktop.abrechnung.monatsabrechnung import Monatsabrechnung
    from desktop.app import richte_anwendung_ein
    from desktop.einstellungen import Einstellungen
    from desktop.kontext import Kontext

    daten = json.loads(VORLAGE.read_text(encoding="utf-8"))
    kraft = daten["assistenzkraefte"][0]
    daten["assistenzkraefte"] = [dict(copy.deepcopy(kraft), id=str(i + 1)) for i in range(ANZAHL)]
    with tempfile.TemporaryDirectory() as ordner:
        szenario = Path(ordner) / "team.json"
        szenario.write_text(json.dumps(daten), encoding="utf-8")
        lade(szenario, Path(ordner) / "haushalt.sqlite")
        db = start.oeffne(Path(ordner) / "haushalt.sqlite")
        einstellungen = Einstellungen(QSettings(str(Path(ordner) / "e.ini"), QSettings.Format.IniFormat))
        richte_anwendung_ein(app, einstellungen)
        bereich = AbrechnungBereich(Kontext(datenbank=db, einstellungen=einstellungen))
        bereich.resize(1200, 750)
        bereich.show()
        seite = bereich.reiter(Monatsabrechnung)
        takte: list[float] = []
        uhrwerk = QTimer()
        uhrwerk.timeout.connect(lambda: takte.append(uhr.perf_counter()))
        uhrwerk.start(10)
        beginn = uhr.perf_counter()
        takte.append(beginn)
        bereich.aktivieren()
        while seite.rechnet or seite.stand is None:
            app.processEvents()
            if uhr.perf_counter() - beginn > 120:
                raise SystemExit("nach 120 s noch nicht berechnet")
        dauer = uhr.perf_counter() - beginn
        uhrwerk.stop()
        luecke = max((b - a for a, b in pairwise(takte)), default=0.0)
        zeilen = seite.modell.rowCount() - 1
        bereich.close()
        db.schliessen()
    print(f"Monatsabrechnung mit {zeilen} Assistenzkräften angezeigt nach {dauer * 1000:.0f} ms")
    print(f"längster Stillstand des Fensters währenddessen: {luecke * 1000:.0f} ms")


if __name__ == "__main__":
    main()
