"""The claim sheets as PDF (one A4 page per claim) and Excel (one sheet per claim), and the `erstattungsantrag`
export of `assistenzbuero export` (CONTRACTS §6/§9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from core.domain.kalender import MONATE
from core.erstattung.antragsblatt import FEHLT, QUELLE, Antragsblatt, antragsblaetter
from core.fehler import EingabeFehler
from core.io.belege_basis import (
    GRAU,
    HELLGRAU,
    ZEHNTEL_MM,
    absatz,
    baue_pdf,
    blattname,
    druck_a4,
    fusszeile,
    setze_text,
    tabellenstil,
)
from core.io.excel import speichere
from core.persistence.datenbank import Datenbank

RAND = 15 * mm
BREITE = A4[0] - 2 * RAND
HINWEIS_OBEN = (
    "Zum Übertragen in das SV-Meldeportal (Erstattungsantrag U1/U2). Felder mit „bitte angeben“ kennt das Programm "
    "nicht – bitte dort selbst eintragen. "
)
NICHT_STELLEN = "UNVOLLSTÄNDIG – so nicht übermitteln. Bitte zuerst die Hinweise unten erledigen."


def _pdf_inhalt(blaetter: list[Antragsblatt]) -> list[Any]:
    inhalt: list[Any] = []
    for nr, blatt in enumerate(blaetter):
        if nr:
            inhalt.append(PageBreak())
        inhalt += [absatz(blatt.titel, "titel"), absatz(blatt.untertitel, "unter"), Spacer(1, 2 * mm)]
        if not blatt.vollstaendig:
            inhalt += [absatz(NICHT_STELLEN, "stempel"), Spacer(1, 2 * mm)]
        inhalt.append(absatz(HINWEIS_OBEN + QUELLE + ".", "klein"))
        for abschnitt in blatt.abschnitte:
            zeilen = [[absatz(abschnitt.titel, "zelle_fett"), "", ""]]
            stile: list[tuple[Any, ...]] = [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), HELLGRAU),
                ("GRID", (0, 0), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
            for i, feld in enumerate(abschnitt.felder, start=1):
                wert = feld.wert + (" ⚠" if feld.fehlt and feld.wert != FEHLT else "")
                zeilen.append(
                    [
                        absatz(feld.kuerzel, "zelle_klein"),
                        absatz(feld.text),
                        absatz(wert, "zelle_fett" if not feld.fehlt else "zelle"),
                    ]
                )
                if feld.fehlt:
                    stile.append(("BACKGROUND", (2, i), (2, i), HELLGRAU))
            inhalt += [
                Spacer(1, 15 * ZEHNTEL_MM),
                Table(zeilen, colWidths=[25 * mm, 92 * mm, BREITE - 117 * mm], style=tabellenstil(stile)),
            ]
        if blatt.hinweise:
            inhalt.append(Spacer(1, 3 * mm))
            inhalt.append(absatz("Hinweise", "zelle_fett"))
            for h in blatt.hinweise:
                inhalt.append(absatz(f"{h.schwere.value.upper()}: {h.text} ({h.rechtsgrundlage})", "klein"))
    return inhalt


def erstattungsantraege_pdf(blaetter: list[Antragsblatt], ziel: Path, *, titel: str, ueberschreiben: bool) -> None:
    baue_pdf(
        ziel,
        _pdf_inhalt(blaetter),
        seite=A4,
        rand=RAND,
        oben=12 * mm,
        unten=14 * mm,
        titel=titel,
        autor="Assistenzbüro",
        zeichner=fusszeile(f"{titel} · erstellt am {date.today():%d.%m.%Y} · Assistenzbüro", RAND, BREITE),
        ueberschreiben=ueberschreiben,
    )


def erstattungsantraege_xlsx(blaetter: list[Antragsblatt], ziel: Path, *, ueberschreiben: bool) -> None:
    mappe = Workbook()
    for nr, blatt in enumerate(blaetter):
        tabelle = mappe.worksheets[0] if nr == 0 else mappe.create_sheet()
        tabelle.title = blattname(f"Antrag {blatt.nr or nr + 1} {blatt.antrag.verfahren}")
        setze_text(tabelle["A1"], blatt.titel)
        tabelle["A1"].font = Font(bold=True, size=14)
        setze_text(tabelle["A2"], blatt.untertitel)
        setze_text(tabelle["A3"], (NICHT_STELLEN + " " if not blatt.vollstaendig else "") + HINWEIS_OBEN + QUELLE)
        zeile = 5
        for kopf, spalte in (("Feld", "A"), ("Angabe", "B"), ("Wert", "C")):
            setze_text(tabelle[f"{spalte}{zeile}"], kopf)
            tabelle[f"{spalte}{zeile}"].font = Font(bold=True)
        for abschnitt in blatt.abschnitte:
            zeile += 1
            setze_text(tabelle[f"A{zeile}"], abschnitt.titel)
            tabelle[f"A{zeile}"].font = Font(bold=True)
            for feld in abschnitt.felder:
                zeile += 1
                setze_text(tabelle[f"A{zeile}"], feld.kuerzel)
                setze_text(tabelle[f"B{zeile}"], feld.text)
                setze_text(tabelle[f"C{zeile}"], feld.wert)  # as typed into the portal: text, German format
                tabelle[f"B{zeile}"].alignment = Alignment(wrap_text=True)
        for h in blatt.hinweise:
            zeile += 1
            setze_text(tabelle[f"A{zeile}"], f"{h.schwere.value.upper()}: {h.text}")
        tabelle.column_dimensions["A"].width = 12
        tabelle.column_dimensions["B"].width = 60
        tabelle.column_dimensions["C"].width = 40
        druck_a4(tabelle, quer=False, titelzeilen="5:5", letzte_zeile=zeile, letzte_spalte=3)
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def exportiere_erstattungsantrag(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    """`assistenzbuero export erstattungsantrag`: one claim sheet per claim with continued pay in the month."""
    blaetter = antragsblaetter(db, jahr, monat, schreiben=False)  # the export reads the file read-only
    if assistenzkraft is not None:
        gesucht = assistenzkraft.strip().casefold()
        blaetter = [b for b in blaetter if gesucht in (b.antrag.name.casefold(), b.antrag.personalnummer.casefold())]
    monatsname = f"{MONATE[monat - 1]} {jahr}"
    if not blaetter:
        raise EingabeFehler(
            f"Für {monatsname} gibt es keinen Erstattungsantrag (keine Entgeltfortzahlung in einem abgeschlossenen "
            "Monat). Bitte einen anderen Monat wählen oder den Monat zuerst abschließen."
        )
    schreibe_antragsblaetter(blaetter, ziel, endung, f"Erstattungsanträge U1/U2 {monatsname}", ueberschreiben)
    unvollstaendig = sum(1 for b in blaetter if not b.vollstaendig)
    zusatz = f", davon {unvollstaendig} unvollständig (nicht übermitteln)" if unvollstaendig else ""
    return f"{len(blaetter)} Erstattungsantrag/-anträge für {monatsname}{zusatz} in {ziel} geschrieben."


def schreibe_antragsblaetter(
    blaetter: list[Antragsblatt], ziel: Path, endung: str, titel: str, ueberschreiben: bool = False
) -> None:
    """PDF or Excel by `endung` (".pdf", ".xlsx")."""
    if endung == ".xlsx":
        erstattungsantraege_xlsx(blaetter, ziel, ueberschreiben=ueberschreiben)
    else:
        erstattungsantraege_pdf(blaetter, ziel, titel=titel, ueberschreiben=ueberschreiben)
