"""Command line `assistenzbuero kalkulation …`: import old sheets (CONTRACTS §4), export and list versions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.budget.kalkulation import FELD, KalkulationsErgebnis, KalkulationsParameter, wert_mit_einheit
from core.domain.geld import format_eur
from core.fehler import EingabeFehler
from core.io.ausgabe import ueberschreiben_option
from core.io.kalkulation_import import ImportErgebnis, importiere
from core.persistence.datenbank import Datenbank


def registriere(unterbefehle: Any) -> None:
    kalk = unterbefehle.add_parser(
        "kalkulation",
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
        from core.io.kalkulation_dateien import speichere_import

        with _oeffne(args.db) as db:
            speichere_import(db, args.speichern, ergebnis)
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


def _oeffne(db_pfad: Path | None, *, nur_lesen: bool = False) -> Datenbank:
    from core.stammdaten.start import oeffne, oeffne_zum_lesen

    return oeffne_zum_lesen(db_pfad) if nur_lesen else oeffne(db_pfad)


def _export(args: argparse.Namespace) -> int:
    from core.io.ausgabe import pruefe_ziel
    from core.io.kalkulation_dateien import als_version, antragsteller, exportiere_version
    from core.persistence.datenbank import ziel_pfad

    # before reading anything: never onto the source sheet or the database, an existing file only when agreed
    eingaben = [args.aus_datei] if args.aus_datei is not None else [ziel_pfad(args.db)]
    pruefe_ziel(args.ausgabe, ueberschreiben=args.ueberschreiben, eingaben=eingaben)
    wer: tuple[str, ...] = ()
    if args.aus_datei is not None:
        version = als_version(args.aus_datei.stem, importiere(args.aus_datei, anzeigename=str(args.aus_datei)))
    else:
        from core.budget.kalkulation_dienst import lade

        if args.name is None:
            raise EingabeFehler(
                "Bitte mit --name die gespeicherte Kalkulation oder mit --aus-datei eine Tabelle angeben."
            )
        with _oeffne(args.db, nur_lesen=True) as db:
            version = lade(db, args.name)
            wer = antragsteller(db)
    ziel = exportiere_version(
        version, args.ausgabe, ueberschreiben=args.ueberschreiben, eingaben=eingaben, antragsteller=wer
    )
    print(f"Geschrieben: {ziel}")
    return 0


def _liste(args: argparse.Namespace) -> int:
    from core.budget.kalkulation import berechne
    from core.budget.kalkulation_dienst import liste

    with _oeffne(args.db, nur_lesen=True) as db:
        versionen = liste(db)
    if not versionen:
        sys.stdout.write("Noch keine Kalkulation gespeichert.\n")
        return 0
    zeilen = [f"{'Name':<30} {'Stand':<10} {'Gesamtkosten im Jahr':>22} {'je Monat':>14}"]
    for v in versionen:
        summen = berechne(v.parameter).summen()
        zeilen.append(
            f"{v.name:<30} {v.stand:%d.%m.%Y} {format_eur(summen['gesamtkosten_jahr']):>22} "
            f"{format_eur(summen['gesamtkosten_monat']):>14}"
        )
    sys.stdout.write("\n".join(zeilen) + "\n")
    return 0
