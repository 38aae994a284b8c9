"""The payment list of a month (PDF and Excel): who receives how much on which account, and the total."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Spacer, Table

from core.domain.kalender import MONATE
from core.domain.kennungen import iban_formatiert, pruefe_iban
from core.io.belege_basis import (
    FORMAT_EUR,
    GRAU,
    ZEHNTEL_MM,
    absatz,
    bericht_pdf,
    eur,
    setze_betrag,
    setze_text,
    tabellenstil,
)
from core.io.excel import Formel, schreibe_in, speichere
from core.io.zahlungen import Zahlung, Zahlungsauftrag, bic_fuer

KOPF = ("Pers.-Nr.", "Name (Kontoinhaber)", "IBAN", "BIC", "Betrag", "Hinweis")


def _titel(auftrag: Zahlungsauftrag) -> str:
    titel = f"Zahlungsliste Lohn/Gehalt {MONATE[auftrag.monat - 1]} {auftrag.jahr}"
    return f"ENTWURF – {titel}" if auftrag.entwurf else titel


def _iban_text(iban: str) -> str:
    if not iban.strip():
        return ""
    return iban_formatiert(iban) if pruefe_iban(iban) is None else iban


def hinweis(z: Zahlung) -> str:
    """Why a line is not (or not yet) a transfer; empty when it is one."""
    if z.betrag <= 0:
        return "keine Überweisung (Auszahlungsbetrag nicht über 0 €)"
    if not z.iban.strip():
        return "IBAN fehlt – bitte im Personalbogen ergänzen"
    if (grund := pruefe_iban(z.iban)) is not None:
        return f"IBAN ungültig: {grund}"
    return z.erlaeuterung


def rueckforderung_text(z: Zahlung) -> str:
    """One line for an amount to reclaim (a correction overpaid someone who has no row in the month)."""
    wer = f"{z.name} (Pers.-Nr. {z.personalnummer})"
    return f"Zurückzufordern (keine Überweisung): {wer} {eur(z.betrag)} – {z.erlaeuterung}"


def zweck_text(auftrag: Zahlungsauftrag) -> str:
    """The purpose of the transfers: the month's, and the own purpose of a Nachberechnung where there is one."""
    eigene = sorted({z.verwendungszweck for z in auftrag.ueberweisungen if z.verwendungszweck})
    text = f"Verwendungszweck jeder Überweisung: „{auftrag.verwendungszweck}“"
    if eigene:
        text += ", Nachzahlungen aus Korrekturen ohne Abrechnungszeile: " + ", ".join(f"„{e}“" for e in eigene)
    return text


def empfaenger(z: Zahlung) -> str:
    """The name the bank compares with its account holder (Empfängerüberprüfung): the holder where one is given."""
    return z.kontoinhaber.strip() or z.name


def _name(z: Zahlung) -> str:
    return z.name if empfaenger(z) == z.name else f"{z.name} (Konto: {empfaenger(z)})"


def zeilen(auftrag: Zahlungsauftrag) -> list[tuple[str, str, str, str, Any, str]]:
    """The list's rows (shared by PDF and Excel), in the order of the result."""
    return [
        (z.personalnummer, _name(z), _iban_text(z.iban), bic_fuer(z.iban, z.bic), z.betrag, hinweis(z))
        for z in auftrag.zahlungen
    ]


def zahlungsliste_pdf(
    auftrag: Zahlungsauftrag,
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    """A4 landscape: employer and account, one row per assistant, the total to transfer."""
    rand = 150 * ZEHNTEL_MM
    seite = landscape(A4)
    breite = seite[0] - 2 * rand
    daten: list[list[Any]] = [[absatz(k, "kopf_rechts" if k == "Betrag" else "kopf") for k in KOPF]]
    for nr, (pn, name, iban, bic, betrag, text) in enumerate(zeilen(auftrag), start=1):
        daten.append(
            [
                absatz(pn),
                absatz(name),
                absatz(iban),
                absatz(bic),
                absatz(eur(betrag), "zelle_rechts"),
                absatz(text, "klein"),
            ]
        )
        if fortschritt is not None:
            fortschritt(nr, len(auftrag.zahlungen))
    daten.append(
        [
            absatz(f"Summe ({len(auftrag.ueberweisungen)} Überweisungen)", "zelle_fett"),
            "",
            "",
            "",
            absatz(eur(auftrag.summe), "zelle_rechts_fett"),
            "",
        ]
    )
    anteile = [70, 220, 200, 110, 100]
    spalten = [a * breite / 1000 for a in anteile]
    spalten.append(breite - sum(spalten))
    tabelle = Table(daten, colWidths=spalten, repeatRows=1)
    letzte = len(daten) - 1
    tabelle.setStyle(
        tabellenstil(
            [
                ("GRID", (0, 0), (-1, -1), 3 * ZEHNTEL_MM, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), GRAU),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (0, letzte), (3, letzte)),
                ("LINEABOVE", (0, letzte), (-1, letzte), 10 * ZEHNTEL_MM, colors.black),
            ]
        )
    )
    konto = _iban_text(auftrag.iban) or "IBAN fehlt – bitte bei der Arbeitgeberin ergänzen"
    inhalt: list[Any] = [
        absatz(_titel(auftrag), "titel"),
        absatz(f"Auftraggeberin: {auftrag.auftraggeber} · Konto: {konto}", "unter"),
        absatz(zweck_text(auftrag), "unter"),
        Spacer(1, 40 * ZEHNTEL_MM),
        tabelle,
        Spacer(1, 30 * ZEHNTEL_MM),
        absatz(
            "Betrag = Auszahlungsbetrag der Entgeltabrechnung (Netto abzüglich Sachbezüge und Vorschüsse, "
            "zuzüglich oder abzüglich Verrechnungen aus Korrekturen).",
            "klein",
        ),
    ]
    inhalt += [absatz(rueckforderung_text(z), "klein") for z in auftrag.rueckforderungen]
    if auftrag.entwurf:
        inhalt.append(absatz("Entwurf: der Monat ist noch nicht abgeschlossen; Beträge können sich ändern.", "klein"))

    bericht_pdf(
        ziel,
        inhalt,
        seite=seite,
        rand=rand,
        unten=rand,
        titel=_titel(auftrag),
        autor=auftrag.auftraggeber,
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )


def zahlungsliste_xlsx(
    auftrag: Zahlungsauftrag,
    ziel: Path,
    *,
    gedruckt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    """One sheet, amounts as numbers with the € format, the total as a SUM formula below them."""
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = f"Zahlungen {auftrag.monat:02d}-{auftrag.jahr}"
    setze_text(blatt["A1"], _titel(auftrag))
    blatt["A1"].font = Font(bold=True, size=14)
    setze_text(blatt["A2"], f"Auftraggeberin: {auftrag.auftraggeber} · Konto: {_iban_text(auftrag.iban)}")
    setze_text(blatt["A3"], f"{zweck_text(auftrag)} · gedruckt am {gedruckt_am:%d.%m.%Y}")
    duenn = Side(style="thin", color="000000")
    rahmen = Border(left=duenn, right=duenn, top=duenn, bottom=duenn)
    erste = 5
    for s, text in enumerate(KOPF, start=1):
        zelle = blatt.cell(row=erste, column=s)
        setze_text(zelle, text)
        zelle.font = Font(bold=True)
        zelle.fill = PatternFill("solid", fgColor="DDDDDD")
        zelle.border = rahmen
    alle = zeilen(auftrag)
    for nr, zeile in enumerate(alle, start=1):
        r = erste + nr
        for s, wert in enumerate(zeile, start=1):
            zelle = blatt.cell(row=r, column=s)
            if s == 5:
                setze_betrag(zelle, wert)
            else:
                setze_text(zelle, str(wert))
            zelle.border = rahmen
            zelle.alignment = Alignment(vertical="top", wrap_text=s in (2, 6))
        if fortschritt is not None:
            fortschritt(nr, len(alle))
    summe = erste + len(alle) + 1
    setze_text(blatt.cell(row=summe, column=1), f"Summe ({len(auftrag.ueberweisungen)} Überweisungen)")
    blatt.cell(row=summe, column=1).font = Font(bold=True)
    # Only lines that are transfers count (a line with a Hinweis about a missing IBAN still counts: it is owed).
    if alle:
        formel = f'=SUMIF(E{erste + 1}:E{summe - 1},">0")'
        schreibe_in(blatt, summe, 5, Formel(formel))
    else:
        schreibe_in(blatt, summe, 5, 0)
    blatt.cell(row=summe, column=5).number_format = FORMAT_EUR
    blatt.cell(row=summe, column=5).font = Font(bold=True)
    for nr, z in enumerate(auftrag.rueckforderungen, start=2):  # below the total: they are no transfers
        setze_text(blatt.cell(row=summe + nr, column=1), rueckforderung_text(z))
    summe += len(auftrag.rueckforderungen) + (1 if auftrag.rueckforderungen else 0)
    for s, breite in enumerate((10, 32, 29, 13, 13, 40), start=1):
        blatt.column_dimensions[get_column_letter(s)].width = breite
    blatt.freeze_panes = blatt.cell(row=erste + 1, column=1)
    blatt.print_title_rows = f"{erste}:{erste}"
    blatt.print_area = f"A1:F{summe}"
    blatt.page_setup.orientation = "landscape"
    blatt.page_setup.paperSize = blatt.PAPERSIZE_A4
    blatt.page_setup.fitToWidth = 1
    blatt.page_setup.fitToHeight = 0
    blatt.sheet_properties.pageSetUpPr.fitToPage = True
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)
