"""Command line of the monthly run (CONTRACTS §7/§8): `abrechnung`, `abrechnung abschliessen`, `szenario laden`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from core.abrechnung import ablage, lauf
from core.abrechnung.darstellung import als_json, als_tabelle
from core.domain.geld import format_eur
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler, vorhanden
from core.persistence.datenbank import ziel_pfad
from core.stammdaten import start


def registriere(unterbefehle: Any) -> None:
    abrechnung = unterbefehle.add_parser(
        "abrechnung",
        description="Berechnet den Monat für jede Assistenzkraft mit Vertrag (Istzeiten, sonst Plan; Abwesenheiten; "
        "Einmalzahlungen; Vorgeschichte) oder zeigt ihn so, wie er abgeschlossen wurde.",
    )
    abrechnung.add_argument("--monat", metavar="JJJJ-MM", default=None, help="der Abrechnungsmonat, z. B. 2026-03")
    abrechnung.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben")
    abrechnung.set_defaults(handler=_anzeigen)
    aktionen = abrechnung.add_subparsers(dest="aktion", metavar="AKTION", title="Aktionen")
    abschliessen = aktionen.add_parser(
        "abschliessen",
        help="den Monat abschließen (danach unveränderlich; Änderungen werden Korrekturen)",
        description="Schließt den Monat in einem Schritt ab. Abgelehnt, solange ein früherer Monat offen ist "
        "oder ein sperrender Hinweis besteht.",
    )
    abschliessen.add_argument("--monat", metavar="JJJJ-MM", default=argparse.SUPPRESS, help="der Abrechnungsmonat")
    abschliessen.set_defaults(handler=_abschliessen)
    kassen = aktionen.add_parser(
        "kassen-bestaetigen",
        help="die Sätze der Krankenkassen für ein neues Jahr bestätigen (Jahreswechsel)",
        description="Bestätigt die aus dem Vorjahr übernommenen Sätze (Zusatzbeitrag, U1, U2) der Krankenkassen für "
        "das Jahr, nachdem Sie sie mit der Bekanntgabe der Kasse verglichen haben. Abweichende Sätze tragen Sie "
        "zuerst im Programm unter Stammdaten › Krankenkassen ein.",
    )
    kassen.add_argument("--jahr", metavar="JJJJ", type=int, required=True, help="das Jahr, z. B. 2027")
    kassen.add_argument("--kasse", metavar="NAME", default=None, help="nur diese Krankenkasse (sonst alle)")
    kassen.set_defaults(handler=_kassen_bestaetigen)

    szenario = unterbefehle.add_parser("szenario", description="Szenario-Dateien.")
    szenario_aktionen = szenario.add_subparsers(dest="aktion", metavar="AKTION", title="Aktionen")
    laden = szenario_aktionen.add_parser(
        "laden",
        help="eine Szenario-Datei in eine neue Datenbank schreiben",
        description="Schreibt Arbeitgeberin, Krankenkassen, Assistenzkräfte mit Vertrag, Schichten (als Istzeiten), "
        "Abwesenheiten und Einmalzahlungen einer Szenario-Datei in eine neue Datenbank. Der Monat des Szenarios "
        "wird der erste Abrechnungsmonat.",
    )
    laden.add_argument("szenario", metavar="SZENARIO.json", type=Path, help="die Szenario-Datei")
    laden.set_defaults(handler=_laden)
    szenario.set_defaults(handler=_ohne_aktion)


def _ohne_aktion(_args: argparse.Namespace) -> int:
    raise EingabeFehler("Bitte eine Aktion angeben: assistenzbuero szenario laden SZENARIO.json --db PFAD")


def monat_aus_text(text: str | None) -> tuple[int, int]:
    if text is None:
        raise EingabeFehler("Bitte den Monat angeben: --monat JJJJ-MM (z. B. --monat 2026-03).")
    treffer = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if treffer is None or not 1 <= int(treffer.group(2)) <= 12:
        raise EingabeFehler(f"„{text[:20]}“ ist kein Monat. Bitte im Format JJJJ-MM angeben, z. B. 2026-03.")
    return int(treffer.group(1)), int(treffer.group(2))


def _db_pfad(args: argparse.Namespace) -> Path:
    pfad = ziel_pfad(getattr(args, "db", None))
    if not pfad.is_file():
        raise EingabeFehler(f"Die Datenbank {pfad} gibt es nicht. Bitte mit --db die richtige Datei angeben.")
    return pfad


def _anzeigen(args: argparse.Namespace) -> int:
    jahr, monat = monat_aus_text(args.monat)
    db = start.oeffne(_db_pfad(args))
    try:
        m = lauf.abrechnung(db, jahr, monat)
        gespeichert = ablage.lade_monat(db, jahr, monat) if m.status == ablage.ABGESCHLOSSEN else None
        korrekturen = gespeichert.korrekturen if gespeichert is not None else ()
        ohne_vertrag = lauf.ohne_vertrag_gespeichert(db, gespeichert) if gespeichert is not None else m.ohne_vertrag
        pruefen = lauf.kassen_zu_pruefen(db, jahr, monat)
    finally:
        db.schliessen()
    # said before anything else (on stderr beside --json, whose output keeps its schema): money no row settles
    for o in ohne_vertrag:
        (sys.stderr if args.json else sys.stdout).write(f"Achtung: {o.text}\n")
    fehlerhaft = [z for z in m.zeilen if z.ergebnis is None]
    if fehlerhaft:
        raise EingabeFehler(fehlerhaft[0].fehler)
    ergebnisse = [z.ergebnis for z in m.zeilen if z.ergebnis is not None]
    if args.json:
        daten = als_json(jahr, monat, ergebnisse)
        ausgabe = {"jahr": daten.pop("jahr"), "monat": daten.pop("monat"), "status": m.status, **daten}
        json.dump(ausgabe, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    status = "abgeschlossen" if m.status == ablage.ABGESCHLOSSEN else "Entwurf (noch nicht abgeschlossen)"
    sys.stdout.write(f"Status: {status}\n")
    if not m.zeilen:
        sys.stdout.write(f"Im {MONATE[monat - 1]} {jahr} hat keine Assistenzkraft einen Arbeitsvertrag.\n")
        return 0
    for p in pruefen:
        sys.stdout.write(
            f"Achtung: {p.text} Bitte mit der Bekanntgabe der Kasse vergleichen und bestätigen: "
            f"assistenzbuero abrechnung kassen-bestaetigen --db PFAD --jahr {p.jahr}; bis dahin kann der Monat "
            "nicht abgeschlossen werden.\n"
        )
    eingabe = vorhanden(m.zeilen[0].eingabe, "die Eingabe des Monats")
    sys.stdout.write(als_tabelle(jahr, monat, eingabe.arbeitgeber, ergebnisse))
    offene = m.korrekturen or tuple(
        lauf.Korrektur(
            k.jahr,
            k.monat,
            k.assistenzkraft_id,
            k.personalnummer,
            k.ergebnis,
            k.ergebnis,
            eingabe,
            k.version,
            k.differenz,
        )
        for k in korrekturen
    )
    for k in offene:
        sys.stdout.write(
            f"{k.text()} für Personalnummer {k.personalnummer}: "
            + "; ".join(f"{f}: {a} → {b}" for f, a, b in k.differenz[:8])
            + (f" (Auszahlung {format_eur(k.auszahlung_differenz)})\n" if k.auszahlung_differenz else "\n")
        )
    return 0


def _abschliessen(args: argparse.Namespace) -> int:
    jahr, monat = monat_aus_text(getattr(args, "monat", None))
    db = start.oeffne(_db_pfad(args))
    try:
        m = lauf.schliesse_ab(db, jahr, monat)
    finally:
        db.schliessen()
    sys.stdout.write(
        f"Die Abrechnung {MONATE[monat - 1]} {jahr} ist abgeschlossen "
        f"({anzahl(len(m.zeilen), 'Assistenzkraft', 'Assistenzkräfte')}"
        + (f", {len(m.korrekturen)} Korrekturen verrechnet" if m.korrekturen else "")
        + ").\n"
    )
    for o in m.ohne_vertrag:
        sys.stdout.write(f"Achtung: {o.text}\n")
    return 0


def _kassen_bestaetigen(args: argparse.Namespace) -> int:
    from core.jahreswechsel import kassen as kassen_dienst

    jahr: int = args.jahr
    if not 2000 <= jahr <= 2100:
        raise EingabeFehler(f"{jahr} ist kein plausibles Jahr. Bitte --jahr JJJJ angeben, z. B. --jahr 2027.")
    db = start.oeffne(_db_pfad(args))
    try:
        ids = None
        if args.kasse is not None:
            treffer = [s for s in kassen_dienst.kassen_im_jahr(db, jahr) if s.name.casefold() == args.kasse.casefold()]
            if not treffer:
                raise EingabeFehler(
                    f"Eine Krankenkasse „{args.kasse}“ ist bei keiner Assistenzkraft eingetragen. Bitte den Namen so "
                    "angeben, wie er unter Stammdaten › Krankenkassen steht."
                )
            ids = [treffer[0].kassen_id]
        bestaetigt = kassen_dienst.bestaetige_jahr(db, jahr, ids)
    finally:
        db.schliessen()
    if not bestaetigt:
        sys.stdout.write(f"Für {jahr} ist nichts zu bestätigen.\n")
        return 0
    for stand in bestaetigt:
        sys.stdout.write(f"Bestätigt: „{stand.name}“ für {jahr} ({stand.quelle}).\n")
    return 0


def _laden(args: argparse.Namespace) -> int:
    from core.abrechnung.szenario_laden import lade

    if getattr(args, "db", None) is None:
        raise EingabeFehler("Bitte die neue Datenbankdatei angeben: --db PFAD.")
    geladen = lade(args.szenario, args.db)
    sys.stdout.write(
        f"Szenario geladen: {anzahl(geladen.assistenzkraefte, 'Assistenzkraft', 'Assistenzkräfte')}, "
        f"{anzahl(geladen.schichten, 'Schicht', 'Schichten')}"
        + (f", {geladen.bewilligungen} Bewilligungen" if geladen.bewilligungen else "")
        + f"; erster Abrechnungsmonat {MONATE[geladen.monat - 1]} {geladen.jahr} ({geladen.pfad}).\n"
    )
    return 0
