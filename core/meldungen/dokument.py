"""What every report to the authorities shares on paper: an A4 page with a head of (label, value) pairs, a table of
form fields with amounts in German format, and the notice that electronic transmission is out of scope."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Table

from core.domain.geld import format_eur
from core.io.belege_basis import GRAU, HELLGRAU, ZEHNTEL_MM, absatz, tabellenstil

SEITE = A4
RAND = 150 * ZEHNTEL_MM
BREITE = SEITE[0] - 2 * RAND

UEBERMITTLUNG = (
    "Dieses Blatt enthält die Werte zum Eintippen, Feld für Feld. Elektronisch übermitteln dürfen nur systemgeprüfte "
    "Programme oder die amtlichen Ausfüllhilfen (SV-Meldeportal, Mein ELSTER); Assistenzbüro übermittelt nichts."
)


def betrag(wert: Decimal | None) -> str:
    """1.234,56 (no € sign: the forms have the unit in the column head); a minus for a credit."""
    return "" if wert is None else format_eur(wert, symbol=False)


def kopf_tabelle(paare: Sequence[tuple[str, str]]) -> Table:
    """Two columns of (label, value) pairs, e.g. Betriebsnummer, Zeitraum."""
    daten = [[absatz(k, "zelle"), absatz(v, "zelle_fett")] for k, v in paare]
    tabelle = Table(daten, colWidths=[BREITE * 4 / 10, BREITE * 6 / 10], hAlign="LEFT")
    tabelle.setStyle(
        tabellenstil(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * ZEHNTEL_MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * ZEHNTEL_MM),
            ]
        )
    )
    return tabelle


def feld_tabelle(
    koepfe: Sequence[str],
    zeilen: Sequence[Sequence[str]],
    *,
    breiten: Sequence[Any],
    rechts_ab: int,
    fett: Sequence[int] = (),
) -> Table:
    """A form's fields: one row each; columns from `rechts_ab` on are amounts (right-aligned)."""
    daten: list[list[Any]] = [[absatz(k, "kopf_rechts" if i >= rechts_ab else "kopf") for i, k in enumerate(koepfe)]]
    for nr, zeile in enumerate(zeilen, start=1):
        dick = nr in fett
        daten.append(
            [
                absatz(w, ("zelle_rechts" if i >= rechts_ab else "zelle") + ("_fett" if dick else ""))
                for i, w in enumerate(zeile)
            ]
        )
    befehle: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), GRAU),
        ("LINEBELOW", (0, 0), (-1, 0), 5 * ZEHNTEL_MM, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * ZEHNTEL_MM),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * ZEHNTEL_MM),
    ]
    for nr in fett:
        befehle += [
            ("BACKGROUND", (0, nr), (-1, nr), HELLGRAU),
            ("LINEABOVE", (0, nr), (-1, nr), 5 * ZEHNTEL_MM, colors.black),
        ]
    tabelle = Table(daten, colWidths=list(breiten), repeatRows=1, hAlign="LEFT")
    tabelle.setStyle(tabellenstil(befehle))
    return tabelle
