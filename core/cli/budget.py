"""`assistenzbuero budget --db PFAD --jahr JJJJ [--json]`: every Bewilligung against what was spent (CONTRACTS §10)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from core.budget.dienst import als_json, budgetstand
from core.budget.stand import Budgetstand
from core.domain.geld import format_eur
from core.domain.zahlen import format_zahl
from core.fehler import EingabeFehler
from core.persistence.datenbank import ziel_pfad
from core.stammdaten import start

STATUS_TEXT = {"abgeschlossen": "abgeschlossen", "entwurf": "geplant", "vor_beginn": "vor Abrechnungsbeginn"}


def registriere(unterbefehle: Any) -> None:
    budget = unterbefehle.add_parser(
        "budget",
        description="Vergleicht jede Bewilligung eines Jahres mit den Kosten der abgeschlossenen Abrechnungsmonate "
        "(Brutto und alle Arbeitgeberabgaben, verteilt nach den Leistungsarten der Schichten), den sonstigen Kosten "
        "und den erhaltenen Erstattungen; die Prognose rechnet die offenen Monate aus dem Dienstplan hinzu.",
    )
    budget.add_argument("--jahr", metavar="JJJJ", required=True, help="das Jahr, z. B. 2026")
    budget.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben")
    budget.set_defaults(handler=_budget)


def _jahr(text: str) -> int:
    if not text.strip().isdigit() or len(text.strip()) != 4:
        raise EingabeFehler(f"„{text[:20]}“ ist kein Jahr. Bitte als JJJJ angeben, z. B. --jahr 2026.")
    return int(text)


def _budget(args: argparse.Namespace) -> int:
    jahr = _jahr(args.jahr)
    pfad = ziel_pfad(getattr(args, "db", None))
    if not pfad.is_file():
        raise EingabeFehler(f"Die Datenbank {pfad} gibt es nicht. Bitte mit --db die richtige Datei angeben.")
    db = start.oeffne(pfad)
    try:
        stand = budgetstand(db, jahr)
    finally:
        db.schliessen()
    if args.json:
        json.dump(als_json(stand), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(als_tabelle(stand))
    return 0


def als_tabelle(stand: Budgetstand) -> str:
    """The same figures as a readable German text."""
    zeilen = [f"Budget {stand.jahr}", ""]
    if not stand.bewilligungen:
        zeilen.append(f"Für {stand.jahr} ist keine Bewilligung erfasst.")
    for s in stand.bewilligungen:
        b = s.bewilligung
        kopf = f"{b.name} ({b.kostentraeger or 'ohne Kostenträger'}; {b.zeitraum_text}; {b.leistungsarten_text})"
        zeilen += [kopf, "-" * min(len(kopf), 100)]
        werte = [
            ("Übertrag aus Vorjahren", s.uebertrag),
            ("Bewilligt", s.bewilligt),
            ("Verbraucht", s.verbraucht),
            ("  davon Erstattungen (abgezogen)", s.erstattungen),
            ("  davon sonstige Kosten/Einnahmen", s.sonstige),
            ("Prognose bis Ende", s.prognose),
            ("Rest", s.rest),
        ]
        zeilen += [f"{name:<36}{format_eur(wert):>16}" for name, wert in werte]
        if s.bewilligte_stunden is not None:
            zeilen.append(
                f"{'Stunden bewilligt / geleistet':<36}{format_zahl(s.bewilligte_stunden):>16}"
                f" / {format_zahl(s.stunden)}"
            )
        zeilen.append("")
        zeilen.append(f"{'Monat':<9}{'Status':<24}{'bewilligt':>14}{'Kosten':>14}{'Stunden':>10}")
        for m in s.monate:
            zeilen.append(
                f"{m.monat[1]:02d}/{m.monat[0]:<4} {STATUS_TEXT.get(m.status, m.status):<23}"
                f"{format_eur(m.bewilligt):>14}{format_eur(m.netto):>14}{format_zahl(m.stunden):>10}"
            )
        zeilen += [f"! {h.text}" for h in s.hinweise]
        zeilen.append("")
    zeilen += [f"! {h.text}" for h in stand.hinweise]
    return "\n".join(zeilen) + "\n"
