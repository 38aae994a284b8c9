"""Measures start-up (lock, check, backup, migrate, seed), the assistants list and the Personalbogen PDF.

Run: .venv/bin/python benchmarks/stammdaten.py   (prints figures; no assertions)
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.io import auskunft
from core.stammdaten import assistenzkraefte, start, vertraege
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, KindDaten
from core.stammdaten.vertraege import VertragDaten


def _ms(sekunden: float) -> str:
    return f"{sekunden * 1000:8.1f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / "haushalt.sqlite"
        t0 = time.perf_counter()
        db = start.oeffne(pfad)
        print(f"erster Start (neue Datei, Migration, Vorgaben):     {_ms(time.perf_counter() - t0)}")
        vorlage = AssistenzkraftDaten(
            vorname="V", nachname="N", geburtsdatum=date(1990, 1, 1), kinder=[KindDaten("K", date(2015, 1, 1))]
        )
        t0 = time.perf_counter()
        for nummer in range(15):
            person = assistenzkraefte.speichere_assistenzkraft(db, replace(vorlage, vorname=f"Person{nummer:02d}"))
            assert person.id is not None
            for jahr in (2024, 2025, 2026):
                vertraege.speichere_vertrag(
                    db, VertragDaten(person.id, date(jahr, 1, 1), date(2024, 1, 1), Decimal("15.50") + jahr - 2024)
                )
        print(f"15 Personalbögen + 45 Vertragsfassungen speichern: {_ms(time.perf_counter() - t0)}")
        t0 = time.perf_counter()
        for _ in range(20):
            zeilen = assistenzkraefte.liste_assistenzkraefte(db)
        print(f"Liste mit {len(zeilen)} Assistenzkräften (je Aufruf):       {_ms((time.perf_counter() - t0) / 20)}")
        t0 = time.perf_counter()
        auskunft.personalbogen_pdf(db, zeilen[0].id, Path(ordner) / "bogen.pdf")
        print(f"Personalbogen-PDF ausgefüllt:                       {_ms(time.perf_counter() - t0)}")
        db.schliessen()
        t0 = time.perf_counter()
        start.oeffne(pfad).schliessen()
        groesse = pfad.stat().st_size // 1024
        print(f"Start mit Sicherung ({groesse} KB) und Migrationsprüfung:  {_ms(time.perf_counter() - t0)}")


if __name__ == "__main__":
    main()
