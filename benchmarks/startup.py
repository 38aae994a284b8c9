"""Start-up time: process start → main window painted (offscreen), median of 5 runs on the demo household; then
until the data file is open and the start page shown (the window says "wird geöffnet …" meanwhile), and until the
start page has filled in the summaries it loads after that; beside it the same for a bare PySide6 window in the same
run (the ratio holds on a busy machine, the seconds do not).

Run: python benchmarks/startup.py   (target: under 0.5 s to the main window)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
LAEUFE = 5


def _haushalt(pfad: Path) -> None:
    """The demo household (`assistenzbuero demo`): employer, four assistants, contracts, this and next month's plan."""
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from core.demo import lege_demo_an

    lege_demo_an(pfad, heute=date.today())


_NACKT = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "fenster = QMainWindow()\n"
    "fenster.show()\n"
    "app.processEvents()\n"
    "print('HAUPTFENSTER_ANGEZEIGT', flush=True)\n"
)


def _ein_start(befehl: list[str], umgebung: dict[str, str]) -> tuple[float, float, float]:
    """Seconds until the window has been painted, until the file is open, until the start page is complete."""
    beginn = time.perf_counter()
    prozess = subprocess.Popen(
        befehl,
        cwd=ROOT,
        env=umgebung,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert prozess.stdout is not None
    marken: dict[str, float] = {}
    for zeile in prozess.stdout:
        marken[zeile.strip()] = time.perf_counter() - beginn
    prozess.wait(timeout=30)
    if "HAUPTFENSTER_ANGEZEIGT" not in marken:
        raise SystemExit("Das Hauptfenster wurde nicht angezeigt.")
    angezeigt = marken["HAUPTFENSTER_ANGEZEIGT"]
    return angezeigt, marken.get("DATEI_GEOEFFNET", angezeigt), marken.get("STARTSEITE_VOLLSTAENDIG", angezeigt)


def main() -> None:
    with tempfile.TemporaryDirectory() as ordner:
        db = Path(ordner) / "haushalt.sqlite"
        _haushalt(db)
        # bytecode as an installed program has it: the first (warming) start writes it, whatever the shell says
        umgebung = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "QT_QPA_PLATFORM": "offscreen",
            "ASSISTENZBUERO_STARTMESSUNG": "1",
            "XDG_CONFIG_HOME": str(Path(ordner) / "config"),
            "XDG_STATE_HOME": str(Path(ordner) / "state"),
            "XDG_CACHE_HOME": str(Path(ordner) / "cache"),  # the warming start parses the hyphenation once
            "PYTHONPATH": str(ROOT),
        }
        programm = [sys.executable, "-m", "desktop.start", "--db", str(db)]
        nackt = [sys.executable, "-c", _NACKT]
        _ein_start(programm, umgebung)  # warm the file cache once, like a second start of the day
        _ein_start(nackt, umgebung)
        zeiten, offen_zeiten, voll_zeiten, nackt_zeiten = [], [], [], []
        for _ in range(LAEUFE):  # interleaved, so that both see the same load of the machine
            angezeigt, offen, vollstaendig = _ein_start(programm, umgebung)
            zeiten.append(angezeigt)
            offen_zeiten.append(offen)
            voll_zeiten.append(vollstaendig)
            nackt_zeiten.append(_ein_start(nackt, umgebung)[0])
    median, median_nackt = statistics.median(zeiten), statistics.median(nackt_zeiten)
    print("Assistenzbüro bis Hauptfenster (Demo-Haushalt, offscreen), s: " + ", ".join(f"{z:.3f}" for z in zeiten))
    print("… bis die Datei offen ist und die Übersicht steht, s:        " + ", ".join(f"{z:.3f}" for z in offen_zeiten))
    print("… bis die Übersicht alles zeigt (Budget, Fristen …), s:       " + ", ".join(f"{z:.3f}" for z in voll_zeiten))
    print("nacktes PySide6-Fenster, s:                                  " + ", ".join(f"{z:.3f}" for z in nackt_zeiten))
    print(
        f"Median aus {LAEUFE}: {median:.3f} s (Ziel: unter 0,5 s), "
        f"Datei offen {statistics.median(offen_zeiten):.3f} s, "
        f"Übersicht vollständig {statistics.median(voll_zeiten):.3f} s, "
        f"nacktes Fenster {median_nackt:.3f} s, Verhältnis {median / median_nackt:.1f}"
    )


if __name__ == "__main__":
    main()
