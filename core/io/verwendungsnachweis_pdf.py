"""The Verwendungsnachweis as an A4 PDF: one table per section (`core.io.verwendungsnachweis.abschnitte`), a
signature line at the end. Fonts, escaping and safe saving from `core.io.pdf` via `core.io.belege_basis`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import CondPageBreak, Spacer, Table

from core.budget.verwendungsnachweis import Verwendungsnachweis
from core.io.belege_basis import GRAU, HELLGRAU, ZEHNTEL_MM, absatz, bericht_pdf, tabellenstil
from core.io.verwendungsnachweis import Stunden, Tabelle, abschnitte, fussnoten, zelle_text

SEITE = A4
RAND = 150 * ZEHNTEL_MM
BREITE = SEITE[0] - 2 * RAND


def _rechts(wert: object) -> bool:
    return isinstance(wert, Decimal | Stunden)


def _tabelle(t: Tabelle) -> Table:
    spalten = len(t.kopf)
    gewichte = t.breiten if len(t.breiten) == spalten else (1,) * spalten
    summe = sum(gewichte)
    breiten = [BREITE * g / summe for g in gewichte]
    rechts = [any(_rechts(z[i]) for z in (*t.zeilen, *((t.summe,) if t.summe else ()))) for i in range(spalten)]
    kopf = [absatz(k, "kopf_rechts" if rechts[i] else "kopf") for i, k in enumerate(t.kopf)]
    daten: list[list[Any]] = [kopf]
    for zeile in t.zeilen:
        daten.append([absatz(zelle_text(w), "zelle_rechts" if _rechts(w) else "zelle") for w in zeile])
    if t.summe is not None:
        daten.append([absatz(zelle_text(w), "zelle_rechts_fett" if _rechts(w) else "zelle_fett") for w in t.summe])
    befehle: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), GRAU),
        ("LINEBELOW", (0, 0), (-1, 0), 1, GRAU),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if t.summe is not None:
        befehle += [("BACKGROUND", (0, -1), (-1, -1), HELLGRAU), ("LINEABOVE", (0, -1), (-1, -1), 1, GRAU)]
    return Table(daten, colWidths=breiten, repeatRows=1, style=tabellenstil(befehle))


def verwendungsnachweis_pdf(
    nachweis: Verwendungsnachweis, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    inhalt: list[Any] = [
        absatz(nachweis.titel, "titel"),
        absatz(f"Arbeitgeberin: {nachweis.arbeitgeber or '–'} · erstellt am {gedruckt_am:%d.%m.%Y}", "unter"),
        Spacer(1, 40 * ZEHNTEL_MM),
    ]
    for t in abschnitte(nachweis):
        inhalt += [CondPageBreak(350 * ZEHNTEL_MM), absatz(t.titel, "gross")]
        if t.text:
            inhalt.append(absatz(t.text, "klein"))
        inhalt += [Spacer(1, 15 * ZEHNTEL_MM)]
        inhalt.append(_tabelle(t) if t.zeilen else absatz("Keine Einträge im Zeitraum.", "text"))
        inhalt.append(Spacer(1, 50 * ZEHNTEL_MM))
    for text in fussnoten(nachweis):
        inhalt.append(absatz(text, "klein"))
    inhalt += [
        Spacer(1, 120 * ZEHNTEL_MM),
        absatz("Ich versichere, dass die Angaben richtig und vollständig sind.", "text"),
        Spacer(1, 120 * ZEHNTEL_MM),
        Table(
            [["_" * 34, "_" * 34], [absatz("Ort, Datum", "klein"), absatz("Unterschrift", "klein")]],
            colWidths=[BREITE / 2, BREITE / 2],
            style=tabellenstil([("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        ),
    ]
    bericht_pdf(
        ziel,
        inhalt,
        seite=SEITE,
        rand=RAND,
        titel=nachweis.titel,
        autor=nachweis.arbeitgeber,
        gedruckt_am=gedruckt_am,
        unten=120 * ZEHNTEL_MM,
        datum_wort="erstellt am",
        ueberschreiben=ueberschreiben,
    )
