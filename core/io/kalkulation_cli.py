"""Command line `assistenzbuero kalkulation …`: import old sheets (CONTRACTS §4), export and list versions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.budget.kalkulation import FELD, KalkulationsErgebnis, KalkulationsParameter, wert_mit_einheit
from core.domain.geld import format_eur
from core.io.ausgabe import ueberschreiben_option
from core.io.kalkulation_import import ImportErgebnis, importiere


def registriere(unterbefehle: Any) -> None:
    kalk = unterbefehle.add_parser(
        "kalkulation",
        help="Kostenkalkulation: alte Kalkulationstabellen einlesen, exportieren",
        description="Kostenkalkulation nach dem Muster „Berechnung der durchschnittlichen Lohnkosten“ (ForseA).",
    )
    kalk_befehle = kalk.add_subparsers(dest="kalkulation_befehl", metavar="AKTION", title="Aktionen")
    kalk_befehle.required = True

    imp = kalk_befehle.add_parser(
        "import",
        help="alte Kalkulationstabelle (.xlsx, .xls, .ods) lesen und neu berechnen",
        description="Liest eine alte Kalkulationstabelle, erkennt die Zeilen an ihren Bezeichnungen, rechnet neu "
        "und vergleicht mit den in der Datei gespeicherten Summen. Speichert nur mit --speichern.",
    )
    imp.add_argument("datei", metavar="DATEI", type=Path, help="die Tabellendatei")
    imp.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben")
    imp.add_argument(
        "--speichern",
        metavar="NAME",
        default=None,
        help="zusätzlich als Kalkulation mit diesem Namen in der Datenbank speichern (z. B. „Ist 2016“)",
    )
    imp.set_defaults(handler=_import)

    exp = kalk_befehle.add_parser(
        "export",
        help="Kalkulation als Excel-Datei (mit Formeln) oder PDF ausgeben",
        description="Gibt eine gespeicherte Kalkulation (--name) oder eine alte Tabellendatei (--aus-datei) als "
        "Excel-Datei mit Formeln oder als PDF für den Antrag aus. Die Dateiart folgt der Endung von --ausgabe.",
    )
    quelle = exp.add_mutually_exclusive_group(required=True)
    quelle.add_argument("--name", metavar="NAME", help="Name der gespeicherten Kalkulation, z. B. „Antrag 2027“")
    quelle.add_argument("--aus-datei", metavar="DATEI", type=Path, help="alte Kalkulationstabelle als Quelle")
    exp.add_argument("--ausgabe", metavar="DATEI", type=Path, required=True, help="Zieldatei (.xlsx oder .pdf)")
    ueberschreiben_option(exp)
    exp.set_defaults(handler=_export)

    liste = kalk_befehle.add_parser(
        "liste",
        help="gespeicherte Kalkulationen auflisten",
        description="Listet die gespeicherten Kalkulationen mit ihren Gesamtkosten.",
    )
    liste.set_defaults(handler=_liste)


def _import(args: argparse.Namespace) -> int:
    ergebnis = importiere(args.datei, anzeigename=str(args.datei))
    if args.speichern:
        from core.budget.kalkulation_dienst import cli_speichere_import

        cli_speichere_import(args.db, args.speichern, ergebnis)
    if args.json:
        json.dump(ergebnis.als_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(tabelle_import(ergebnis))
    if args.speichern:
        print(f"Gespeichert als Kalkulation „{args.speichern}“.", file=sys.stderr)
    return 0


def tabelle_parameter(p: KalkulationsParameter) -> list[str]:
    zeilen = []
    for feld in FELD.values():
        zeilen.append(f"  {feld.bezeichnung:<52} {wert_mit_einheit(getattr(p, feld.schluessel), feld.einheit):>16}")
    return zeilen


def tabelle_ergebnis(e: KalkulationsErgebnis) -> list[str]:
    zeilen = []
    for z in e.zeilen:
        wert = wert_mit_einheit(z.betrag_gerundet, z.einheit)
        name = z.bezeichnung if len(z.bezeichnung) <= 52 else z.bezeichnung[:51] + "…"
        zeilen.append(f"{'* ' if z.summe else '  '}{name:<52} {wert:>16}")
    return zeilen


def tabelle_import(r: ImportErgebnis) -> str:
    teile = [
        f"Kalkulation aus „{r.datei}“ (Tabellenblatt „{r.blatt}“, Version {r.version or 'unbekannt'})",
        "",
        "Erkannte Werte:",
        *tabelle_parameter(r.parameter),
        "",
        "Neu berechnet (* = Summe):",
        *tabelle_ergebnis(r.ergebnis),
        "",
    ]
    if r.abweichungen:
        teile.append("Abweichungen zu den in der Datei gespeicherten Summen:")
        for a in r.abweichungen:
            teile.append(
                f"  {a.bezeichnung} (Zelle {a.zelle}): Datei {format_eur(a.in_datei)}, neu "
                f"{format_eur(a.neu_berechnet)}, Unterschied {format_eur(a.differenz)}"
            )
    else:
        teile.append("Keine Abweichungen: alle in der Datei gespeicherten Summen stimmen auf den Cent.")
    for h in r.hinweise:
        if h.code != "KALKULATION_IMPORT_ABWEICHUNG":
            teile.append(f"Hinweis: {h.text}")
    return "\n".join(teile) + "\n"


def _export(args: argparse.Namespace) -> int:
    from core.budget.kalkulation_dienst import exportiere

    ziel = exportiere(
        args.db, args.ausgabe, name=args.name, aus_datei=args.aus_datei, ueberschreiben=args.ueberschreiben
    )
    print(f"Geschrieben: {ziel}")
    return 0


def _liste(args: argparse.Namespace) -> int:
    from core.budget.kalkulation_dienst import liste_als_text

    sys.stdout.write(liste_als_text(args.db))
    return 0
