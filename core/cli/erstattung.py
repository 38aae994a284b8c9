"""`assistenzbuero erstattung` (CONTRACTS §9): the U1/U2 refund claims, and `erstattung status` to track them."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.cli.abrechnung import monat_aus_text
from core.domain.geld import als_text, format_eur
from core.domain.kalender import MONATE
from core.domain.zahlen import KeineZahl, anzahl, lies_zahl
from core.erstattung.dienst import (
    STATUSTEXT,
    Erstattungsantrag,
    Uebersicht,
    antraege,
    setze_status,
    setze_umlagekasse,
)
from core.erstattung.modelle import STATUS
from core.fehler import EingabeFehler
from core.persistence.datenbank import ziel_pfad
from core.stammdaten import start


def registriere(unterbefehle: Any) -> None:
    befehl = unterbefehle.add_parser(
        "erstattung",
        description="Listet die U1/U2-Erstattungsanträge aus den abgeschlossenen Monaten: mit --monat die Anträge "
        "mit Entgeltfortzahlung in diesem Monat, sonst alle noch nicht erledigten (offen oder gestellt).",
    )
    befehl.add_argument("--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="Datenbankdatei")
    befehl.add_argument("--monat", metavar="JJJJ-MM", default=None, help="nur Anträge dieses Monats, z. B. 2026-03")
    befehl.add_argument("--alle", action="store_true", help="auch erstattete und abgelehnte Anträge zeigen")
    befehl.add_argument("--json", action="store_true", help="als JSON ausgeben")
    befehl.set_defaults(handler=_anzeigen)
    aktionen = befehl.add_subparsers(dest="aktion", metavar="AKTION", title="Aktionen")
    status = aktionen.add_parser(
        "status",
        help="den Status eines Antrags ändern (gestellt, erstattet, abgelehnt, offen)",
        description="Ändert den Status des Antrags NR (die Nummer aus der Liste). Beispiele: "
        "erstattung status 3 gestellt --datum 02.04.2026; erstattung status 3 erstattet --datum 15.04.2026 "
        "--betrag 358,40; erstattung status 3 abgelehnt --grund 'AU-Bescheinigung fehlt'.",
    )
    status.add_argument("nr", metavar="NR", help="Nummer des Antrags")
    status.add_argument("status", metavar="STATUS", help="neuer Status: " + ", ".join(STATUS))
    status.add_argument("--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="Datenbankdatei")
    status.add_argument("--datum", metavar="TT.MM.JJJJ", default=None, help="gestellt am / Geld erhalten am")
    status.add_argument("--betrag", metavar="BETRAG", default=None, help="erhaltener Betrag, z. B. 358,40")
    status.add_argument("--grund", metavar="TEXT", default="", help="Grund der Ablehnung")
    status.set_defaults(handler=_status)
    kasse = aktionen.add_parser(
        "kasse",
        help="die Kasse für Umlagen und Erstattungen einer privat versicherten Assistenzkraft festlegen",
        description="Privat Versicherte: Umlagen und Erstattungsanträge gehen an die Kasse, bei der sie zuletzt "
        "gesetzlich versichert war (sonst an eine gewählte). Ohne KASSE wird die Angabe gelöscht. Beispiel: "
        "erstattung kasse sabine 'AOK BW' --db haushalt.sqlite",
    )
    kasse.add_argument("personalnummer", metavar="PERSONALNUMMER", help="Personalnummer der Assistenzkraft")
    kasse.add_argument("kasse", metavar="KASSE", nargs="?", default=None, help="Name der Krankenkasse")
    kasse.add_argument("--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="Datenbankdatei")
    kasse.set_defaults(handler=_kasse)


def _db_pfad(args: argparse.Namespace) -> Path:
    pfad = ziel_pfad(getattr(args, "db", None))
    if not pfad.is_file():
        raise EingabeFehler(f"Die Datenbank {pfad} gibt es nicht. Bitte mit --db die richtige Datei angeben.")
    return pfad


def datum_aus_text(text: str) -> date:
    """TT.MM.JJJJ (or JJJJ-MM-TT) → date; one German sentence when it is none."""
    if treffer := re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", text):
        tag, monat, jahr = (int(g) for g in treffer.groups())
    elif treffer := re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text):
        jahr, monat, tag = (int(g) for g in treffer.groups())
    else:
        raise EingabeFehler(f"„{text[:20]}“ ist kein Datum. Bitte als TT.MM.JJJJ angeben, z. B. 02.04.2026.")
    try:
        return date(jahr, monat, tag)
    except ValueError:
        raise EingabeFehler(f"Den Tag „{text[:20]}“ gibt es nicht. Bitte das Datum prüfen.") from None


def _prozent(wert: Decimal | None) -> str | None:
    return None if wert is None else format(wert.normalize(), "f")


def _betrag(wert: Decimal | None) -> str | None:
    return None if wert is None else als_text(wert)


def als_json(uebersicht: Uebersicht) -> dict[str, Any]:
    """CONTRACTS §9: the fixed keys first, in their order; then the tracking details."""
    return {
        "antraege": [
            {
                "id": a.personalnummer,
                "verfahren": a.verfahren,
                "anlass": a.anlass,
                "von": a.von.isoformat(),
                "bis": a.bis.isoformat(),
                "kasse": a.kasse,
                "fortgezahltes_entgelt": als_text(a.fortgezahltes_entgelt),
                "ag_anteile": als_text(a.ag_anteile),
                "zuschuss_mutterschaftsgeld": als_text(a.zuschuss_mutterschaftsgeld),
                "erstattungssatz": _prozent(a.erstattungssatz),
                "erstattungsbetrag": _betrag(a.erstattungsbetrag),
                "status": a.status,
                "frist_bis": a.frist_bis.isoformat(),
                # --- extensions ---
                "nr": a.nr,
                "name": a.name,
                "vollstaendig": a.vollstaendig,
                "gestellt_am": a.gestellt_am.isoformat() if a.gestellt_am else None,
                "erstattet_am": a.erstattet_am.isoformat() if a.erstattet_am else None,
                "erhaltener_betrag": _betrag(a.erhaltener_betrag),
                "differenz": _betrag(a.differenz),
                "abgelehnt_am": a.abgelehnt_am.isoformat() if a.abgelehnt_am else None,
                "ablehnungsgrund": a.ablehnungsgrund,
                "hinweise": [h.als_dict() for h in a.hinweise],
            }
            for a in uebersicht.antraege
        ],
        "hinweise": [h.als_dict() for h in uebersicht.hinweise],
    }


def als_text_zeile(a: Erstattungsantrag, heute: date) -> str:
    betrag = format_eur(a.erstattungsbetrag) if a.erstattungsbetrag is not None else "unvollständig"
    satz = f"{_prozent(a.erstattungssatz)} %" if a.erstattungssatz is not None else "–"
    zeile = (
        f"Nr. {a.nr}  {a.name or a.personalnummer}  {a.verfahren} {a.anlasstext}  "
        f"{a.von:%d.%m.%Y}–{a.bis:%d.%m.%Y}  {a.kasse or 'Kasse fehlt'}  "
        f"Entgelt {format_eur(a.fortgezahltes_entgelt)}  {satz}  Erstattung {betrag}  "
        f"Status: {STATUSTEXT[a.status]}"
    )
    if a.gestellt_am:
        zeile += f" am {a.gestellt_am:%d.%m.%Y}"
    if a.erhaltener_betrag is not None and a.erstattet_am:
        zeile += f", erhalten {format_eur(a.erhaltener_betrag)} am {a.erstattet_am:%d.%m.%Y}"
    if not a.erledigt:
        zeile += f"  seit {anzahl(a.alter_tage(heute), 'Tag', 'Tagen')}  Frist bis {a.frist_bis:%d.%m.%Y}"
    return zeile


def _anzeigen(args: argparse.Namespace) -> int:
    monat = monat_aus_text(args.monat) if args.monat is not None else None
    heute = date.today()
    db = start.oeffne(_db_pfad(args))
    try:
        uebersicht = antraege(db, monat=monat, heute=heute, alle=args.alle)
    finally:
        db.schliessen()
    if args.json:
        json.dump(als_json(uebersicht), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    wann = f"im {MONATE[monat[1] - 1]} {monat[0]}" if monat else ("insgesamt" if args.alle else "noch nicht erledigt")
    if not uebersicht.antraege:
        sys.stdout.write(f"Keine Erstattungsanträge {wann}.\n")
    else:
        sys.stdout.write(f"Erstattungsanträge U1/U2 {wann}:\n")
        for a in uebersicht.antraege:
            sys.stdout.write(als_text_zeile(a, heute) + "\n")
            for h in a.hinweise:
                if h.code != "ERSTATTUNG_BERECHNET":
                    sys.stdout.write(f"    {h.schwere.value.upper()}: {h.text}\n")
    for h in uebersicht.hinweise:
        sys.stdout.write(f"{h.text}\n")
    return 0


def _status(args: argparse.Namespace) -> int:
    try:
        nr = int(args.nr)
    except ValueError:
        raise EingabeFehler(
            f"„{args.nr[:20]}“ ist keine Antragsnummer. Bitte die Nummer aus der Liste angeben."
        ) from None
    datum = datum_aus_text(args.datum) if args.datum else None
    betrag = None
    if args.betrag is not None:
        try:
            betrag = lies_zahl(args.betrag)
        except KeineZahl:
            raise EingabeFehler(f"„{args.betrag[:20]}“ ist kein Betrag. Bitte z. B. 358,40 angeben.") from None
    db = start.oeffne(_db_pfad(args))
    try:
        a = setze_status(db, nr, args.status.strip().lower(), datum=datum, betrag=betrag, grund=args.grund)
    finally:
        db.schliessen()
    sys.stdout.write(f"Antrag Nr. {a.nr} ist jetzt „{STATUSTEXT[a.status]}“.\n")
    if a.differenz:
        erhalten = format_eur(a.erhaltener_betrag or Decimal(0))
        beantragt = format_eur(a.erstattungsbetrag or Decimal(0))
        sys.stdout.write(
            f"Differenz zum Antrag: {format_eur(a.differenz)} (erhalten {erhalten}, beantragt {beantragt}).\n"
        )
    return 0


def _kasse(args: argparse.Namespace) -> int:
    db = start.oeffne(_db_pfad(args))
    try:
        setze_umlagekasse(db, args.personalnummer, args.kasse)
    finally:
        db.schliessen()
    if args.kasse is None:
        sys.stdout.write(f"Die Kasse für Umlagen von {args.personalnummer} ist gelöscht.\n")
    else:
        sys.stdout.write(f"Umlagen und Erstattungsanträge von {args.personalnummer} gehen an „{args.kasse}“.\n")
    return 0
