"""The Lohnjournal as A4 landscape PDF: rows = Lohnarten and totals, columns = assistants (blocks of seven) + total."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import CondPageBreak, Spacer

from core.domain.zahlen import anzahl
from core.io.belege_basis import ZEHNTEL_MM, absatz, bericht_pdf
from core.io.belegtabelle import pdf_bloecke
from core.io.lohnjournal import Lohnjournal

SEITE = landscape(A4)
RAND = 120 * ZEHNTEL_MM
BREITE = SEITE[0] - 2 * RAND
JE_BLOCK = 7  # assistants per block; a larger team continues in a further block below


def _anzahl(n: int) -> str:
    return anzahl(n, "Assistenzkraft", "Assistenzkräfte")


def lohnjournal_pdf(
    journal: Lohnjournal,
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    inhalt: list[Any] = [
        absatz(journal.titel, "titel"),
        absatz(f"Arbeitgeberin: {journal.arbeitgeber} · {_anzahl(len(journal.personen))}", "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
    ]
    koepfe = [p.kopf for p in journal.personen]
    for nr, teil in enumerate(journal.teile, start=1):
        for tabelle in pdf_bloecke(
            f"{teil.titel} (Beträge in €)",
            koepfe,
            teil.zeilen,
            breite=BREITE,
            je_block=JE_BLOCK,
            spalte=265 * ZEHNTEL_MM,
        ):
            inhalt += [CondPageBreak(600 * ZEHNTEL_MM), tabelle, Spacer(1, 40 * ZEHNTEL_MM)]
        if fortschritt is not None:
            fortschritt(nr, len(journal.teile))
    inhalt += [absatz(text, "klein") for text in journal.hinweise]
    if journal.entwurf:
        inhalt.append(absatz("Entwurf: der Monat ist noch nicht abgeschlossen; Beträge können sich ändern.", "klein"))
    bericht_pdf(
        ziel,
        inhalt,
        seite=SEITE,
        rand=RAND,
        titel=journal.titel,
        autor=journal.arbeitgeber,
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )
