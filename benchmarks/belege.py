"""Benchmark (issue 8): 120 Entgeltbescheinigungen as PDF. Target: under 5 s.

One month of the scenario `tests/data/szenarien/sv_pflichtig_nacht_sonntag.json` is computed once with the payroll
calculation; its result is laid out 120 times (120 assistants with their own names and addresses): once as 120
separate files (one per assistant, as the GUI's batch export writes them) and once as one 120-page file for the month.

Run: python benchmarks/belege.py [--anzahl 120]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time as uhr
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lade_szenario
from core.io.belegdaten import Beleggrundlage, Monatsbelege
from core.io.entgeltbescheinigung import entgeltbescheinigung
from core.io.entgeltbescheinigung_pdf import entgeltbescheinigungen_pdf
from core.stammdaten.arbeitgeber import ArbeitgeberDaten
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

SZENARIO = Path(__file__).resolve().parent.parent / "tests" / "data" / "szenarien" / "sv_pflichtig_nacht_sonntag.json"
VORNAMEN = ("Łukasz", "Ayşe", "Đặng", "Ольга", "Sabine", "Jörg")


def monat(anzahl: int) -> Monatsbelege:
    szenario = lade_szenario(SZENARIO)
    eingabe = szenario.eingaben[0]
    ergebnis = berechne(eingabe)
    eintraege = []
    for i in range(anzahl):
        person = AssistenzkraftDaten(
            vorname=VORNAMEN[i % len(VORNAMEN)],
            nachname=f"Muster {i + 1}",
            strasse=f"Hauptstraße {i + 1}",
            plz="70173",
            ort="Stuttgart",
            konfession="rk" if i % 2 else "--",
        )
        eintraege.append(Beleggrundlage(replace(ergebnis, id=str(i + 1), name=person.name), eingabe, person))
    arbeitgeber = ArbeitgeberDaten(
        nachname="Beispiel", vorname="Anna", strasse="Musterweg 1", plz="70173", ort="Stuttgart"
    )
    return Monatsbelege(szenario.jahr, szenario.monat, arbeitgeber, tuple(eintraege))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anzahl", type=int, default=120)
    args = parser.parse_args()
    belege = monat(args.anzahl)
    heute = date.today()
    with tempfile.TemporaryDirectory() as ordner:
        start, cpu = uhr.perf_counter(), uhr.process_time()
        for g in belege.eintraege:
            entgeltbescheinigungen_pdf(
                [entgeltbescheinigung(g, belege)], Path(ordner) / f"{g.personalnummer}.pdf", erstellt_am=heute
            )
        einzeln, einzeln_cpu = uhr.perf_counter() - start, uhr.process_time() - cpu
        start, cpu = uhr.perf_counter(), uhr.process_time()
        alle = [entgeltbescheinigung(g, belege) for g in belege.eintraege]
        entgeltbescheinigungen_pdf(alle, Path(ordner) / "monat.pdf", erstellt_am=heute)
        gesammelt, gesammelt_cpu = uhr.perf_counter() - start, uhr.process_time() - cpu
        groesse = (Path(ordner) / "monat.pdf").stat().st_size
    # CPU time beside the wall clock: on a machine shared with other work the wall clock says more about the load
    print(
        f"{args.anzahl} Entgeltbescheinigungen als einzelne PDF-Dateien: {einzeln:.2f} s "
        f"(CPU {einzeln_cpu:.2f} s; Ziel: unter 5 s)"
    )
    print(
        f"{args.anzahl} Entgeltbescheinigungen in einer PDF-Datei: {gesammelt:.2f} s (CPU {gesammelt_cpu:.2f} s), "
        f"{groesse / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
