"""Command line `assistenzbuero berechnen SZENARIO.json [--json]` (CONTRACTS §3): one month, no database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.abrechnung.darstellung import als_json, als_tabelle
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lade_szenario
from core.fehler import EingabeFehler


def registriere(unterbefehle: Any) -> None:
    befehl = unterbefehle.add_parser(
        "berechnen",
        help="einen Abrechnungsmonat aus einer Szenario-Datei berechnen (ohne Datenbank)",
        description="Berechnet Brutto, Steuern, Sozialversicherung, Netto und Arbeitgeberkosten eines Monats für "
        "die Assistenzkräfte einer Szenario-Datei (JSON). Die Datenbank wird dabei nicht benutzt.",
    )
    befehl.add_argument("szenario", metavar="SZENARIO.json", type=Path, help="die Szenario-Datei")
    befehl.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben")
    befehl.set_defaults(handler=_berechnen)


def _berechnen(args: argparse.Namespace) -> int:
    szenario = lade_szenario(args.szenario)
    try:
        ergebnisse = [berechne(eingabe) for eingabe in szenario.eingaben]
    except EingabeFehler as fehler:
        raise EingabeFehler(f"Szenario „{args.szenario.name}“ – {fehler}", feld=fehler.feld) from None
    if args.json:
        json.dump(als_json(szenario.jahr, szenario.monat, ergebnisse), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(als_tabelle(szenario.jahr, szenario.monat, szenario.arbeitgeber, ergebnisse))
    return 0
