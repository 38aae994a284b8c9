"""Benchmark (issue 4): a household with 10 years of shifts for 6 assistants (about 30,000 shifts);
time "open a month + run all checks" (`core.dienstplan.dienst.monat_oeffnen`). Target: under 200 ms.

Run: .venv/bin/python benchmarks/dienstplan.py [--db PFAD] [--wiederholungen N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time as uhr
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select

from core.dienstplan import abbildung as ab
from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheitsart
from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe
from core.dienstplan.modelle import AbwesenheitZeile, SchichtZeile
from core.dienstplan.schicht import Schicht, zeitstuecke
from core.domain.zeit import lokal
from core.stammdaten import start
from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, speichere_assistenzkraft
from core.stammdaten.vertraege import VertragDaten, speichere_vertrag

ERSTES_JAHR, LETZTES_JAHR = 2017, 2026
# Eight 3-hour blocks around the clock, handed round six assistants: 8 shifts a day, ~29,200 in 10 years.
BLOECKE = [(time(h), 3) for h in range(0, 24, 3)]


def baue(pfad: Path) -> None:
    db = start.oeffne(pfad)
    try:
        speichere_arbeitgeber(db, ArbeitgeberDaten(nachname="Benchmark", vorname="Berta", bundesland="BW"))
        personen = []
        for i in range(6):
            kraft = speichere_assistenzkraft(db, AssistenzkraftDaten(vorname=f"Assistenz{i + 1}", nachname="Test"))
            assert kraft.id is not None
            personen.append(kraft.id)
            speichere_vertrag(
                db,
                VertragDaten(
                    assistenzkraft_id=kraft.id,
                    gueltig_ab=date(ERSTES_JAHR - 1, 1, 1),
                    eintritt=date(ERSTES_JAHR - 1, 1, 1),
                    lohnsatz=Decimal("16.00"),
                    beschaeftigung="minijob" if i >= 4 else "sv_pflichtig",
                    bereitschaft_prozent=Decimal(50),
                    arbeitstage_woche=Decimal(5),
                ),
            )
        tag = [
            Bedarfsblock(time(0), time(6), Bedarfsstufe.ARBEIT_II, "HZP"),
            Bedarfsblock(time(6), time(22), Bedarfsstufe.ARBEIT_I, "HZP"),
            Bedarfsblock(time(22), time(0), Bedarfsstufe.ARBEIT_II, "HZP"),
        ]
        dienst.speichere_bedarfsprofil(
            db, Bedarfsprofil("Rund um die Uhr", {w: tuple(tag) for w in range(7)}), date(ERSTES_JAHR, 1, 1)
        )
        zeilen = []
        abwesenheiten = []
        t = date(ERSTES_JAHR, 1, 1)
        n = 0
        while t <= date(LETZTES_JAHR, 12, 31):
            for beginn, stunden in BLOECKE:
                start_zeit = lokal(t, beginn)
                s = Schicht(
                    assistenzkraft_id=personen[n % 6],
                    beginn=start_zeit,
                    ende=start_zeit + timedelta(hours=stunden),
                    leistungsart="HZP",
                )
                n += 1
                zeilen.append(
                    {
                        "assistenzkraft_id": s.assistenzkraft_id,
                        "tag": s.tag,
                        "beginn": s.beginn,
                        "ende": s.ende,
                        "arbeitsart": s.arbeitsart.value,
                        "leistungsart": s.leistungsart,
                        "abschnitte": ab.abschnitte_json(s),
                        "ist_notiz": "",
                        "notiz": "",
                    }
                )
            if t.day == 10 and t.month in (3, 8):
                abwesenheiten.append(
                    {
                        "assistenzkraft_id": personen[t.month % 6],
                        "art": Abwesenheitsart.URLAUB.value,
                        "von": t,
                        "bis": t + timedelta(days=6),
                        "notiz": "",
                    }
                )
            t += timedelta(days=1)
        with db.arbeitseinheit() as sitzung:
            sitzung.execute(insert(SchichtZeile), zeilen)
            sitzung.execute(insert(AbwesenheitZeile), abwesenheiten)
    finally:
        db.schliessen()


def miss(pfad: Path, jahr: int, monat: int, wiederholungen: int) -> None:
    db = start.oeffne(pfad)
    try:
        with db.arbeitseinheit() as sitzung:
            anzahl = sitzung.scalar(select(func.count()).select_from(SchichtZeile))
        dienst.monat_oeffnen(db, jahr, monat)  # warm-up (imports, caches)
        zeiten = []
        warm = []
        for _ in range(wiederholungen):
            zeitstuecke.cache_clear()  # cold: as when a month is opened for the first time
            a = uhr.perf_counter()
            plan = dienst.monat_oeffnen(db, jahr, monat)
            zeiten.append((uhr.perf_counter() - a) * 1000)
            a = uhr.perf_counter()
            dienst.monat_oeffnen(db, jahr, monat)  # warm: reopened after an edit
            warm.append((uhr.perf_counter() - a) * 1000)
        ohne = []
        for _ in range(wiederholungen):
            a = uhr.perf_counter()
            dienst.monat_oeffnen(db, jahr, monat, pruefen=False)
            ohne.append((uhr.perf_counter() - a) * 1000)
    finally:
        db.schliessen()
    print(f"Datenbank: {pfad} ({pfad.stat().st_size // 1024} KiB), {anzahl} Schichten, 6 Assistenzkräfte")
    print(f"Monat {monat:02d}/{jahr}: {len(plan.schichten)} Schichten, {len(plan.hinweise)} Hinweise")
    print(
        f"Monat öffnen + alle Prüfungen: Median {statistics.median(zeiten):.1f} ms "
        f"(min {min(zeiten):.1f}, max {max(zeiten):.1f}, {wiederholungen} Läufe); Ziel < 200 ms"
    )
    print(f"erneut geöffnet (Zwischenspeicher warm): Median {statistics.median(warm):.1f} ms")
    print(f"davon ohne Prüfungen (nur Abfrage und Raster): Median {statistics.median(ohne):.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None, help="vorhandene Benchmark-Datenbank wiederverwenden")
    parser.add_argument("--wiederholungen", type=int, default=15)
    parser.add_argument("--monat", default="2026-03", help="JJJJ-MM (Standard 2026-03: mit Sommerzeitnacht)")
    args = parser.parse_args()
    jahr, monat = (int(x) for x in args.monat.split("-"))
    if args.db is not None and args.db.exists():
        miss(args.db, jahr, monat, args.wiederholungen)
        return 0
    with tempfile.TemporaryDirectory() as ordner:
        pfad = args.db or Path(ordner) / "benchmark.sqlite"
        a = uhr.perf_counter()
        baue(pfad)
        print(f"Aufbau: {uhr.perf_counter() - a:.1f} s")
        miss(pfad, jahr, monat, args.wiederholungen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
