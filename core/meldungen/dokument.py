"""What every report to the authorities shares: on paper an A4 page with a head of (label, value) pairs, a table of
form fields with amounts in German format and the notice that electronic transmission is out of scope; in Excel the
same head and column heads; and the export frame (file type, writing errors, `--assistenzkraft`) around them.

The six exporters (`core.meldungen.*_export`) keep only what their form has of its own: its fields, its words and
what it refuses; the frame is written once here so that a seventh report (say DEÜV 51) is only its own content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TypeVar

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, Table

from core.domain.geld import format_eur
from core.fehler import EingabeFehler, schreibfehler
from core.io.ausgabe import nur_ohne_assistenzkraft
from core.io.belege_basis import (
    GRAU,
    HELLGRAU,
    ZEHNTEL_MM,
    absatz,
    bericht_pdf,
    setze_text,
    tabellenstil,
)
from core.persistence.datenbank import Datenbank

T = TypeVar("T")

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


def seitenweise(seiten: Iterable[list[Any]]) -> list[Any]:
    """One page per item (a Kasse, an assistant): the pages' contents with a page break between them."""
    inhalt: list[Any] = []
    for i, seite in enumerate(seiten):
        if i:
            inhalt.append(PageBreak())
        inhalt += seite
    return inhalt


def meldung_pdf(
    ziel: Path, inhalt: list[Any], *, titel: str, autor: str, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    """Write a report on A4 with the reports' margins and the footer "titel · gedruckt am … · Assistenzbüro"."""
    bericht_pdf(
        ziel,
        inhalt,
        seite=SEITE,
        rand=RAND,
        titel=titel,
        autor=autor,
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )


def blatt_anfang(blatt: Worksheet, titel: str, paare: Sequence[tuple[str, str]] = ()) -> int:
    """The sheet's title in A1 and the head's (label, value) pairs from row 3 on; returns the row for the column
    heads (after one empty row when there is a head)."""
    setze_text(blatt["A1"], titel)
    blatt["A1"].font = Font(bold=True, size=14)
    zeile = 3
    for k, v in paare:
        setze_text(blatt.cell(row=zeile, column=1), k)
        setze_text(blatt.cell(row=zeile, column=2), v)
        zeile += 1
    return zeile + 1 if paare else zeile


def spaltenkoepfe(blatt: Worksheet, zeile: int, koepfe: Iterable[str]) -> None:
    """Bold column heads in `zeile` (the row `druck_a4` repeats on every printed page)."""
    for spalte, text in enumerate(koepfe, start=1):
        setze_text(blatt.cell(row=zeile, column=spalte), text)
        blatt.cell(row=zeile, column=spalte).font = Font(bold=True)


def blatt_fuss(blatt: Worksheet, zeile: int, texte: Iterable[str]) -> int:
    """Notes under the table in column A from `zeile` on, one a row; returns the row after the last."""
    for text in texte:
        setze_text(blatt.cell(row=zeile, column=1), text)
        zeile += 1
    return zeile


def schreibe_meldung(
    ziel: Path,
    was: str,
    lade: Callable[[], T],
    pdf: Callable[..., None],
    xlsx: Callable[..., None],
    *,
    ueberschreiben: bool = False,
) -> T:
    """Check the file type, gather the report (`lade` refuses with an EingabeFehler what it cannot produce), write it
    as PDF or Excel and return what was written; `was` names it for the refusal ("Den Beitragsnachweis")."""
    endung = ziel.suffix.lower()
    if endung not in (".pdf", ".xlsx"):
        raise EingabeFehler(f"{was} gibt es als .pdf oder .xlsx; {ziel.name} hat eine andere Endung.")
    daten = lade()
    schreiber = pdf if endung == ".pdf" else xlsx
    try:
        schreiber(daten, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from None
    return daten


class Exportieren(Protocol):
    """A report's writer by month: (db, jahr, monat, ziel) → German summary (a year's report reads only jahr)."""

    def __call__(self, db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False) -> str: ...


def ohne_assistenzkraft(exportieren: Exportieren, fuer: str) -> Callable[..., str]:
    """The `assistenzbuero export` entry (core.cli.export.EXPORTARTEN) of a report about all assistants: it refuses
    `--assistenzkraft` (`core.io.ausgabe.nur_ohne_assistenzkraft`) and otherwise calls `exportieren`."""

    def exportiere(
        db: Datenbank,
        jahr: int,
        monat: int,
        ziel: Path,
        endung: str,
        assistenzkraft: str | None,
        *,
        ueberschreiben: bool = False,
    ) -> str:
        nur_ohne_assistenzkraft(fuer, assistenzkraft)
        return exportieren(db, jahr, monat, ziel, ueberschreiben=ueberschreiben)

    return exportiere
