"""Lohnsteuer-PAP: calculations per second on one core, and the one-time cost of translating pap.xml."""

from __future__ import annotations

import csv
import sys
import time
from decimal import Decimal
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))

from core.regeln import lohnsteuer  # noqa: E402

WIEDERHOLUNGEN = 5


def maschinelle_faelle(jahr: int) -> list[dict[str, int | Decimal]]:
    """Inputs of the 3000 rows of the BMF machine test table (outputs are not needed here)."""
    with (WURZEL / "tests" / "data" / "pap" / str(jahr) / "test-maschinell.csv").open(encoding="utf-8-sig") as datei:
        zeilen = [z for z in csv.reader(datei, delimiter=";") if z]
    kopf = zeilen[0]
    namen = kopf[1 : kopf.index("")]
    return [
        {n: Decimal(t.replace(",", ".")) if "," in t else int(t) for n, t in zip(namen, z[1:], strict=False)}
        for z in zeilen[1:]
    ]


def main() -> None:
    print(f"Python {sys.version.split()[0]}, ein Kern (ein Prozess, ein Thread)")
    for jahr in lohnsteuer.unterstuetzte_jahre():
        lohnsteuer._PLAENE.clear()
        beginn = time.perf_counter()
        lohnsteuer.berechne_pap(jahr, {})  # first call: read and translate pap.xml, compile the Python
        uebersetzung = time.perf_counter() - beginn

        faelle = maschinelle_faelle(jahr)
        beginn = time.perf_counter()
        for _ in range(WIEDERHOLUNGEN):
            for eingaben in faelle:
                lohnsteuer.berechne_pap(jahr, eingaben)
        dauer = time.perf_counter() - beginn
        anzahl = WIEDERHOLUNGEN * len(faelle)
        print(
            f"PAP {jahr}: Übersetzung einmalig {uebersetzung * 1000:.0f} ms; "
            f"{anzahl} Berechnungen in {dauer:.2f} s = {anzahl / dauer:,.0f} Berechnungen/s "
            f"({dauer / anzahl * 1e6:.0f} µs je Berechnung)".replace(",", ".")
        )


if __name__ == "__main__":
    main()
