"""Time of the whole test suite (issue 15: the goal is under 60 s on a quiet 2-core machine). The suite runs once as
the README's test command runs it (`installer/run.py --tests`: pytest with pyproject's options); printed are its
wall time, the CPU time of all its processes (workers, and the programs and LibreOffice the tests start) and what
that CPU time allows at best on this machine's cores; then the sum of the test durations by folder, and the slowest
tests. The wall time depends on what else the machine does; the CPU time much less: compare that.

Run: python benchmarks/testlauf.py [pytest options, e.g. -n 3]
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
_DAUER = re.compile(r"^(\d+\.\d+)s (setup|call|teardown)\s+(\S+)")


def main(zusatz: list[str]) -> int:
    befehl = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=0", "--durations-min=0"]
    vorher = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    lauf = subprocess.run([*befehl, *zusatz], cwd=ROOT, capture_output=True, text=True)
    wand = time.perf_counter() - start
    nachher = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (nachher.ru_utime - vorher.ru_utime) + (nachher.ru_stime - vorher.ru_stime)
    kerne = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    zeilen = lauf.stdout.splitlines()
    ergebnis = next((z for z in reversed(zeilen) if " in " in z and ("passed" in z or "failed" in z)), "?")

    je_ordner: Counter[str] = Counter()
    je_test: Counter[str] = Counter()
    for zeile in zeilen:
        treffer = _DAUER.match(zeile)
        if treffer is None:
            continue
        sekunden, knoten = float(treffer.group(1)), treffer.group(3)
        datei = knoten.split("::")[0]
        teile = datei.split("/")
        je_ordner["/".join(teile[:3]) if len(teile) > 3 else datei] += sekunden
        je_test[knoten] += sekunden

    print(f"Ergebnis: {ergebnis.strip('= ')}")
    for zeile in zeilen:
        if zeile.startswith(("FAILED", "ERROR")):
            print(f"  {zeile}")
    print(f"Wandzeit: {wand:.1f} s   CPU aller Prozesse: {cpu:.1f} s   Kerne: {kerne}")
    print(f"bestenfalls (CPU / Kerne): {cpu / kerne:.1f} s; Ziel 60 s braucht höchstens {60 * kerne:.0f} s CPU")
    print(f"Summe der Testdauern: {sum(je_test.values()):.1f} s")
    print("\nnach Ordner (Summe der Testdauern):")
    for ordner, sekunden in je_ordner.most_common(15):
        print(f"  {sekunden:7.1f} s  {ordner}")
    print("\nlangsamste Tests (Aufbau + Lauf + Abbau):")
    for knoten, sekunden in je_test.most_common(15):
        print(f"  {sekunden:7.2f} s  {knoten}")
    return lauf.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
