"""`assistenzbuero demo --db PFAD` (CONTRACTS §5): create the example household in a new file (core.demo)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from core.demo import lege_demo_an
from core.fehler import EingabeFehler


def registriere(unterbefehle: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = unterbefehle.add_parser(
        "demo",
        description="Legt in einer NEUEN Datenbankdatei einen vollständigen Beispielhaushalt an: Arbeitgeberin in "
        "Baden-Württemberg, vier Assistenzkräfte mit Personalbogen und Vertrag, Dienstplan für diesen und den "
        "nächsten Monat. Eine vorhandene Datei wird nie überschrieben.",
    )
    demo.add_argument("--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="neue Datenbankdatei")
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    pfad = getattr(args, "db", None)
    if pfad is None:
        raise EingabeFehler("Bitte mit --db PFAD angeben, wo der Beispielhaushalt angelegt werden soll.")
    ergebnis = lege_demo_an(Path(pfad), heute=date.today())
    print(ergebnis.zusammenfassung)
    return 0
