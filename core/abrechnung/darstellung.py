"""Presenting computed payroll months: the German table of `berechnen` and the JSON of CONTRACTS §3/§7."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.abrechnung.modell import Arbeitgeberdaten, Monatsergebnis
from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Schwere
from core.domain.kalender import BUNDESLAENDER, MONATE
from core.regeln.klassifikation import BEZEICHNUNG

_SCHWERE = {Schwere.INFO: "Info", Schwere.WARNUNG: "Warnung", Schwere.FEHLER: "Fehler"}


def als_json(jahr: int, monat: int, ergebnisse: Sequence[Monatsergebnis]) -> dict[str, Any]:
    """CONTRACTS §3 output: {"jahr", "monat", "assistenzkraefte": [each result's `als_dict()`]}."""
    return {"jahr": jahr, "monat": monat, "assistenzkraefte": [e.als_dict() for e in ergebnisse]}


def als_tabelle(jahr: int, monat: int, arbeitgeber: Arbeitgeberdaten, ergebnisse: Sequence[Monatsergebnis]) -> str:
    """One block per assistant, "Bezeichnung … Betrag" per line: easy to read and to hear with a screen reader."""
    art = "Privathaushalt" if arbeitgeber.privathaushalt else "gewerblicher Arbeitgeber"
    zeilen = [f"Lohnabrechnung {MONATE[monat - 1]} {jahr} – {BUNDESLAENDER[arbeitgeber.bundesland]}, {art}", ""]
    gesamt = NULL
    for k in ergebnisse:
        gesamt += k.arbeitgeberkosten
        zeilen.append(f"Assistenzkraft „{k.id}“: {BEZEICHNUNG[k.beschaeftigung]}")
        for grund in k.begruendung:
            zeilen.append(f"  Begründung: {grund}")
        zeilen.append(f"  {'Arbeitsstunden':<34}{format_zahl(k.stunden):>14}")
        zeilen.append(f"  {'Bereitschaftsstunden':<34}{format_zahl(k.bereitschaftsstunden):>14}")
        zeilen.append("  Lohnarten:")
        for la in k.lohnarten:
            menge = f"{format_zahl(la.menge)} {la.einheit}".strip() if la.menge is not None else ""
            zeilen.append(f"    {la.text:<52}{menge:>14}{format_eur(la.betrag):>14}")
        for titel, werte in (
            (
                "Verdienst",
                [
                    ("Grundvergütung", k.grundverguetung),
                    ("Zuschläge", k.zuschlaege),
                    ("Entgeltfortzahlung", k.lohnfortzahlung),
                    ("Einmalzahlungen", k.einmalzahlungen),
                    ("Brutto", k.brutto),
                    ("davon steuerfreie Zuschläge", k.steuerfreie_zuschlaege),
                    ("Steuerbrutto", k.steuerbrutto),
                    ("SV-Brutto", k.sv_brutto),
                ],
            ),
            (
                "Abzüge der Assistenzkraft",
                [
                    ("Lohnsteuer", k.lohnsteuer),
                    ("Solidaritätszuschlag", k.solidaritaetszuschlag),
                    ("Kirchensteuer", k.kirchensteuer),
                    ("Krankenversicherung", k.kv_an),
                    ("Pflegeversicherung", k.pv_an),
                    ("Rentenversicherung", k.rv_an),
                    ("Arbeitslosenversicherung", k.av_an),
                    ("Netto", k.netto),
                ],
            ),
            (
                "Auszahlung",
                [
                    ("Sachbezüge (einbehalten)", k.sachbezuege),
                    ("Vorschüsse", k.vorschuesse),
                    ("Verrechnungen", k.verrechnungen),
                    ("Auszahlungsbetrag", k.auszahlung),
                ],
            ),
            (
                "Kosten der Arbeitgeberin",
                [
                    ("Krankenversicherung", k.kv_ag),
                    ("Pflegeversicherung", k.pv_ag),
                    ("Rentenversicherung", k.rv_ag),
                    ("Arbeitslosenversicherung", k.av_ag),
                    ("Umlage U1", k.umlage_u1),
                    ("Umlage U2", k.umlage_u2),
                    ("Insolvenzgeldumlage", k.insolvenzgeldumlage),
                    ("Pauschsteuer", k.pauschsteuer),
                    ("Unfallversicherung", k.unfallversicherung),
                    ("Arbeitgeberkosten gesamt", k.arbeitgeberkosten),
                ],
            ),
        ):
            zeilen.append(f"  {titel}:")
            for name, betrag in werte:
                zeilen.append(f"    {name:<32}{format_eur(betrag):>14}")
        if k.zeitkonto is not None:
            z = k.zeitkonto
            zeilen.append("  Zeitkonto (Stunden):")
            for name, wert in (
                ("Übertrag Vormonat", z.vortrag),
                ("Soll", z.soll),
                ("Ist", z.ist),
                ("Stand Monatsende", z.saldo),
            ):
                zeilen.append(f"    {name:<32}{format_zahl(wert):>14}")
        if k.hinweise:
            zeilen.append("  Hinweise:")
            for h in k.hinweise:
                zeilen.append(
                    f"    {_SCHWERE[h.schwere]}: {h.text}" + (f" ({h.rechtsgrundlage})" if h.rechtsgrundlage else "")
                )
        zeilen.append("")
    zeilen.append(f"{'Arbeitgeberkosten aller Assistenzkräfte':<38}{format_eur(gesamt):>14}")
    return "\n".join(zeilen) + "\n"
