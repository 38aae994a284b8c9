"""Command line `assistenzbuero rechengroessen …` (CONTRACTS §11): list a year's figures, import a PAP or figures."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.fehler import EingabeFehler
from core.regeln.katalog import GRUPPEN
from core.regeln.rechengroessen import PAP_TEXT, STATUS_TEXT, Uebersicht, uebersicht, wert_text


def registriere(unterbefehle: Any) -> None:
    befehl = unterbefehle.add_parser(
        "rechengroessen",
        description="Listet jede Rechengröße, die das Programm für ein Jahr verwendet, mit Wert, gültig ab, Quelle "
        "und Status (amtlich, vorläufig, eigener Wert, fehlt), dazu den Stand des Lohnsteuer-PAP.",
    )
    befehl.add_argument("--jahr", metavar="JJJJ", type=int, default=None, help="das Jahr, z. B. 2027")
    befehl.add_argument("--json", action="store_true", help="als JSON ausgeben")
    befehl.set_defaults(handler=_liste)
    aktionen = befehl.add_subparsers(dest="rechengroessen_aktion", metavar="AKTION", title="Aktionen")

    pap = aktionen.add_parser(
        "pap-einspielen",
        help="Lohnsteuer-PAP des BMF für ein neues Jahr prüfen und einspielen",
        description="Übersetzt den Programmablaufplan (XML) des BMF, rechnet jede Zeile der maschinellen "
        "Prüftabelle des BMF nach und speichert den PAP im Benutzerdatenverzeichnis nur, wenn jede Zeile auf den "
        "Cent stimmt (Rückgabe 0); sonst Rückgabe 2 und nichts wird gespeichert.",
    )
    pap.add_argument("--jahr", metavar="JJJJ", type=int, required=True, help="das Jahr des PAP, z. B. 2027")
    pap.add_argument("pap", metavar="PAP.xml", type=Path, help="der PAP als XML-Datei des BMF")
    pap.add_argument("tabelle", metavar="PRUEFTABELLE.csv", type=Path, help="die maschinelle Prüftabelle (CSV, „;“)")
    pap.set_defaults(handler=_pap_einspielen)

    werte = aktionen.add_parser(
        "einspielen",
        help="Rechengrößen eines Jahres aus einer Datei (Aufbau wie resources/regeln/<jahr>.toml) einspielen",
        description="Prüft die Datei ganz (bekannte Namen, Zahlen, Datum im Jahr der Datei, Quelle zu jedem "
        "Wert), zeigt die Änderungen und übernimmt sie nur vollständig oder gar nicht.",
    )
    werte.add_argument("datei", metavar="DATEI.toml", type=Path, help="die Datei mit den Rechengrößen")
    werte.set_defaults(handler=_einspielen)


def _jahr(args: argparse.Namespace) -> int:
    jahr: int | None = args.jahr
    if jahr is None:
        raise EingabeFehler("Bitte geben Sie das Jahr mit --jahr JJJJ an, z. B. --jahr 2027.")
    if not 2000 <= jahr <= 2100:
        raise EingabeFehler(f"Das Jahr {jahr} liegt außerhalb von 2000 bis 2100.")
    return jahr


def _liste(args: argparse.Namespace) -> int:
    stand = uebersicht(_jahr(args))
    if args.json:
        json.dump(stand.als_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(tabelle(stand))
    return 0


def _pap_einspielen(args: argparse.Namespace) -> int:
    from core.jahreswechsel.pap import pap_einspielen

    pruefung = pap_einspielen(_jahr(args), args.pap, args.tabelle)
    if not pruefung.bestanden:
        print(f"Fehler: {pruefung.meldung()}", file=sys.stderr)
        return 2
    print(pruefung.meldung())
    return 0


def _einspielen(args: argparse.Namespace) -> int:
    from core.jahreswechsel.werte import einspielen

    pruefung = einspielen(args.datei)
    for aenderung in pruefung.aenderungen:
        print(f"  {aenderung.text()}")
    print(pruefung.meldung())
    return 0


def tabelle(stand: Uebersicht) -> str:
    """The year's figures as plain text, grouped; the status in words."""
    zeilen = [f"Rechengrößen {stand.jahr}", ""]
    for gruppe in GRUPPEN:
        eintraege = [e for e in stand.werte if e.groesse.gruppe == gruppe]
        if not eintraege:
            continue
        zeilen.append(gruppe)
        for e in eintraege:
            ab = "" if e.gueltig_ab is None else f" ab {e.gueltig_ab:%d.%m.%Y}"
            quelle = f" – {e.quelle}" if e.quelle else ""
            zeilen.append(f"  {e.groesse.bezeichnung} ({e.name}): {wert_text(e)}{ab} [{STATUS_TEXT[e.status]}]{quelle}")
        zeilen.append("")
    fehlend = len({e.name for e in stand.fehlende})
    zeilen.append(f"Lohnsteuer-PAP {stand.jahr}: {PAP_TEXT[stand.pap]}")
    zeilen.append(f"Es fehlen {fehlend} Werte." if fehlend else "Alle Werte sind vorhanden.")
    return "\n".join(zeilen) + "\n"
