"""Subcommands for master data: `sicherung liste|anlegen|wiederherstellen`, `auskunft`, `personalbogen`, `loeschen`."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.fehler import EingabeFehler
from core.persistence.datenbank import standard_pfad, stelle_wieder_her
from core.persistence.sicherung import sicherungen


def _db_pfad(args: argparse.Namespace) -> Path:
    return (Path(args.db).expanduser() if args.db is not None else standard_pfad()).resolve()


def registriere(unterbefehle: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sicherung = unterbefehle.add_parser(
        "sicherung",
        help="Sicherungen der Datenbank anzeigen, anlegen oder zurückspielen",
        description="Bei jedem Start legt Assistenzbüro eine Sicherung an (die letzten werden behalten).",
    )
    aktionen = sicherung.add_subparsers(dest="aktion", metavar="AKTION", required=True, parser_class=type(sicherung))
    liste = aktionen.add_parser("liste", help="vorhandene Sicherungen anzeigen, neueste zuerst")
    liste.set_defaults(handler=_sicherung_liste)
    anlegen = aktionen.add_parser("anlegen", help="jetzt eine Sicherung anlegen")
    anlegen.set_defaults(handler=_sicherung_anlegen)
    zurueck = aktionen.add_parser(
        "wiederherstellen",
        help="eine Sicherung zurückspielen (Standard: die neueste); die bisherige Datei wird beiseitegelegt",
    )
    zurueck.add_argument("datei", nargs="?", type=Path, metavar="SICHERUNG", help="Sicherungsdatei (Standard: neueste)")
    zurueck.set_defaults(handler=_sicherung_wiederherstellen)


def _sicherung_liste(args: argparse.Namespace) -> int:
    pfad = _db_pfad(args)
    vorhandene = sicherungen(pfad)
    if not vorhandene:
        print(f"Für {pfad} gibt es noch keine Sicherung.")
        return 0
    print(f"Sicherungen von {pfad} (neueste zuerst):")
    for s in vorhandene:
        print(f"  {s.zeitpunkt:%d.%m.%Y %H:%M:%S}  {s.groesse_bytes // 1024:>6} KB  {s.pfad}")
    return 0


def _sicherung_anlegen(args: argparse.Namespace) -> int:
    from core.persistence.datenbank import Datenbank

    with Datenbank.oeffnen(_db_pfad(args)) as db:
        if db.letzte_sicherung is None:
            print("Die Datenbank ist noch leer; es gibt nichts zu sichern.")
        else:
            print(f"Sicherung angelegt: {db.letzte_sicherung.pfad}")
    return 0


def _sicherung_wiederherstellen(args: argparse.Namespace) -> int:
    pfad = _db_pfad(args)
    if args.datei is not None and not args.datei.is_file():
        raise EingabeFehler(f"Die Sicherungsdatei {args.datei} gibt es nicht. Liste: assistenzbuero sicherung liste")
    beiseite = stelle_wieder_her(pfad, args.datei)
    print(f"Die Sicherung wurde nach {pfad} zurückgespielt.")
    if beiseite is not None:
        print(f"Die bisherige Datei liegt unverändert unter {beiseite}.")
    return 0
