"""Lohnkonten as A4 landscape PDF: one section per assistant — master data, then months × Lohnarten and totals."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import PageBreak, Spacer, Table

from core.io.belege_basis import GRAU, ZEHNTEL_MM, absatz, bericht_pdf, eur, tabellenstil
from core.io.belegtabelle import pdf_bloecke
from core.io.lohnkonto import Lohnkonto

SEITE = landscape(A4)
RAND = 100 * ZEHNTEL_MM
BREITE = SEITE[0] - 2 * RAND


def _stammdaten(konto: Lohnkonto) -> Table:
    """Label/value pairs in four columns."""
    zellen: list[Any] = [[absatz(label, "label"), absatz(wert or "–", "zelle")] for label, wert in konto.stammdaten]
    while len(zellen) % 4:
        zellen.append("")
    daten = [zellen[i : i + 4] for i in range(0, len(zellen), 4)]
    tabelle = Table(daten, colWidths=[BREITE / 4] * 4)
    tabelle.setStyle(
        tabellenstil(
            [
                ("BOX", (0, 0), (-1, -1), 3 * ZEHNTEL_MM, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * ZEHNTEL_MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * ZEHNTEL_MM),
            ]
        )
    )
    return tabelle


def _sachbezuege(konto: Lohnkonto) -> Table:
    kopf = ["Monat", "Sachbezug", "Zeitraum", "Ort der Abgabe", "Zuzahlung", "Wert"]
    daten: list[list[Any]] = [[absatz(k, "kopf") for k in kopf]]
    for s in konto.sachbezuege:
        daten.append(
            [
                absatz(s.monat),
                absatz(s.bezeichnung),
                absatz(s.zeitraum),
                absatz(s.ort),
                absatz(eur(s.zuzahlung), "zelle_rechts"),
                absatz(eur(s.wert) if s.wert is not None else "amtlicher Sachbezugswert", "zelle_rechts"),
            ]
        )
    anteile = (80, 300, 200, 220, 100, 100)
    tabelle = Table(daten, colWidths=[a * BREITE / 1000 for a in anteile], repeatRows=1, hAlign="LEFT")
    tabelle.setStyle(
        tabellenstil(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 5 * ZEHNTEL_MM, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), GRAU),
                ("LINEBELOW", (0, 1), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
            ]
        )
    )
    return tabelle


def teil(konto: Lohnkonto) -> list[Any]:
    """The flowables of one assistant's Lohnkonto."""
    inhalt: list[Any] = [
        absatz(konto.titel, "titel"),
        absatz(f"Arbeitgeberin: {konto.arbeitgeber} · Lohnkonto nach § 41 EStG und § 4 LStDV", "unter"),
        Spacer(1, 20 * ZEHNTEL_MM),
        _stammdaten(konto),
        Spacer(1, 30 * ZEHNTEL_MM),
    ]
    inhalt += pdf_bloecke(
        f"Monat {konto.jahr} (Beträge in €)",
        konto.spalten,
        konto.zeilen,
        breite=BREITE,
        je_block=len(konto.spalten),
        spalte=min(155 * ZEHNTEL_MM, (BREITE - 750 * ZEHNTEL_MM) / max(1, len(konto.spalten))),
        summe="Jahr",
        summe_breite=190 * ZEHNTEL_MM,
        klein=True,
    )
    if konto.sachbezuege:
        inhalt += [
            Spacer(1, 30 * ZEHNTEL_MM),
            absatz("Sachbezüge einzeln (§ 4 Abs. 2 Nr. 3 LStDV)", "kopf"),
            _sachbezuege(konto),
        ]
    inhalt.append(Spacer(1, 20 * ZEHNTEL_MM))
    inhalt += [absatz(text, "klein") for text in konto.hinweise]
    inhalt.append(
        absatz(
            "U: Anspruch auf Arbeitslohn für mindestens fünf aufeinanderfolgende Arbeitstage im Wesentlichen "
            "weggefallen (§ 41 Abs. 1 Satz 5 EStG). Aufbewahrung bis zum Ende des sechsten Kalenderjahres nach der "
            "letzten Eintragung (§ 41 Abs. 1 Satz 9 EStG).",
            "klein",
        )
    )
    return inhalt


def lohnkonten_pdf(
    konten: Sequence[Lohnkonto],
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    """One section (new page) per assistant."""
    inhalt: list[Any] = []
    for nr, konto in enumerate(konten, start=1):
        if nr > 1:
            inhalt.append(PageBreak())
        inhalt += teil(konto)
        if fortschritt is not None:
            fortschritt(nr, len(konten))
    if not inhalt:
        inhalt.append(absatz("Für dieses Jahr gibt es keine Lohnkonten.", "text"))
    titel = konten[0].titel if len(konten) == 1 else f"Lohnkonten {konten[0].jahr}" if konten else "Lohnkonten"
    bericht_pdf(
        ziel,
        inhalt,
        seite=SEITE,
        rand=RAND,
        titel=titel,
        autor=konten[0].arbeitgeber if konten else "Assistenzbüro",
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )
