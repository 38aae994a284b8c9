"""Start-up time: process start → main window shown (offscreen), median of 5 runs on a household with data.

Run: python benchmarks/startup.py   (target: under 1.5 s on the development machine)
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
    """An employer and a few assistants, so the window opens without the first-start assistant."""
    sys.path.insert(0, str(ROOT))
    from core.stammdaten import arbeitgeber, assistenzkraefte
    from core.stammdaten.start import oeffne

    db = oeffne(pfad)
    arbeitgeber.speichere_arbeitgeber(
        db, arbeitgeber.ArbeitgeberDaten(nachname="Assistenzgeberin", vorname="Anna", bundesland="BW")
    )
    for vorname in ("Sabine", "Jörg", "Ulrike", "Rudolf"):
        assistenzkraefte.speichere_assistenzkraft(
            db, assistenzkraefte.AssistenzkraftDaten(vorname=vorname, nachname="Beispiel", status="beschaeftigt")
        )
    db.schliessen()


def _ein_start(db: Path, umgebung: dict[str, str]) -> float:
    beginn = time.perf_counter()
    prozess = subprocess.Popen(
        [sys.executable, "-m", "desktop.start", "--db", str(db)],
        cwd=ROOT,
        env=umgebung,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert prozess.stdout is not None
    for zeile in prozess.stdout:
        if zeile.strip() == "HAUPTFENSTER_ANGEZEIGT":
            dauer = time.perf_counter() - beginn
            break
    else:
        raise SystemExit("Das Hauptfenster wurde nicht angezeigt.")
    prozess.wait(timeout=30)
    return dauer


def main() -> None:
    with tempfile.TemporaryDirectory() as ordner:
        db = Path(ordner) / "haushalt.sqlite"
        _haushalt(db)
        umgebung = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ASSISTENZBUERO_STARTMESSUNG": "1",
            "XDG_CONFIG_HOME": str(Path(ordner) / "config"),
            "XDG_STATE_HOME": str(Path(ordner) / "state"),
            "PYTHONPATH": str(ROOT),
        }
        _ein_start(db, umgebung)  # warm the file cache once, like a second start of the day
        zeiten = [_ein_start(db, umgebung) for _ in range(LAEUFE)]
    print("Start bis Hauptfenster (offscreen), Sekunden: " + ", ".join(f"{z:.3f}" for z in zeiten))
    print(f"Median aus {LAEUFE}: {statistics.median(zeiten):.3f} s (Ziel: unter 1,5 s)")


if __name__ == "__main__":
    main()
