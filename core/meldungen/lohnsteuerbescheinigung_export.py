"""Lohnsteuerbescheinigungen of a year as PDF (one A4 page per assistant, the lines of the official form) and Excel;
`assistenzbuero export lohnsteuerbescheinigung --jahr JJJJ [--assistenzkraft NAME]`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from reportlab.platypus import Spacer

from core.fehler import EingabeFehler
from core.io.belege_basis import FORMAT_ZAHL, ZEHNTEL_MM, absatz, druck_a4, setze_betrag, setze_text
from core.io.excel import speichere
from core.meldungen.dokument import (
    BREITE,
    UEBERMITTLUNG,
    betrag,
    blatt_fuss,
    feld_tabelle,
    kopf_tabelle,
    meldung_pdf,
    schreibe_meldung,
    seitenweise,
    spaltenkoepfe,
)
from core.meldungen.fristen import QUELLE_LST_BESCHEINIGUNG
from core.meldungen.lohnsteuerbescheinigung import ZEILEN, Lohnsteuerbescheinigung, lohnsteuerbescheinigungen
from core.persistence.datenbank import Datenbank

FORMULAR = "Ausdruck der elektronischen Lohnsteuerbescheinigung (amtliches Muster nach § 41b Abs. 1 EStG)"


def _kopf(b: Lohnsteuerbescheinigung) -> list[tuple[str, str]]:
    return [
        ("Arbeitnehmerin / Arbeitnehmer", ", ".join(t for t in (b.name, b.anschrift) if t)),
        ("Geburtsdatum", f"{b.geburtsdatum:%d.%m.%Y}" if b.geburtsdatum else ""),
        ("Identifikationsnummer", b.steuer_id),
        ("Personalnummer", b.personalnummer),
        ("Steuerklasse, Kirchensteuermerkmal", f"{b.steuerklasse} {b.konfession}".strip()),
        ("Arbeitgeberin, Steuernummer", f"{b.arbeitgeber} ({b.steuernummer})"),
        ("1. Bescheinigungszeitraum", f"{b.von:%d.%m.} bis {b.bis:%d.%m.%Y}"),
        ("Übermittlung bis", f"{b.faellig:%d.%m.%Y} ({QUELLE_LST_BESCHEINIGUNG})"),
    ]


def _seite(b: Lohnsteuerbescheinigung) -> list[Any]:
    inhalt: list[Any] = [
        absatz(f"Lohnsteuerbescheinigung {b.jahr} – {b.name}", "titel"),
        absatz(FORMULAR, "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
        kopf_tabelle(_kopf(b)),
        Spacer(1, 40 * ZEHNTEL_MM),
        feld_tabelle(
            ["Zeile", "Feld", "Euro, Cent"],
            [[z, t, betrag(b.werte[f])] for z, t, f in ZEILEN],
            breiten=[BREITE * 8 / 100, BREITE * 70 / 100, BREITE * 22 / 100],
            rechts_ab=2,
        ),
        Spacer(1, 40 * ZEHNTEL_MM),
    ]
    if b.hinweis:
        inhalt.append(absatz(b.hinweis, "text"))
    inhalt.append(absatz(UEBERMITTLUNG, "klein"))
    return inhalt


def lstb_pdf(
    bescheinigungen: Sequence[Lohnsteuerbescheinigung], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    meldung_pdf(
        ziel,
        seitenweise(_seite(b) for b in bescheinigungen),
        titel=f"Lohnsteuerbescheinigungen {bescheinigungen[0].jahr}",
        autor=bescheinigungen[0].arbeitgeber,
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )


def lstb_xlsx(
    bescheinigungen: Sequence[Lohnsteuerbescheinigung], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = f"Lohnsteuerbescheinigungen {bescheinigungen[0].jahr}"[:31]
    koepfe = ["Personalnummer", "Name", "Identifikationsnummer", "von", "bis", *(f"Zeile {z}" for z, _t, _f in ZEILEN)]
    spaltenkoepfe(blatt, 1, koepfe)
    for zeile, b in enumerate(bescheinigungen, start=2):
        for spalte, text in enumerate((b.personalnummer, b.name, b.steuer_id), start=1):
            setze_text(blatt.cell(row=zeile, column=spalte), text)
        for spalte, tag in ((4, b.von), (5, b.bis)):
            blatt.cell(row=zeile, column=spalte).value = tag
            blatt.cell(row=zeile, column=spalte).number_format = "DD.MM.YYYY"
        for spalte, (_z, _t, feld) in enumerate(ZEILEN, start=6):
            setze_betrag(blatt.cell(row=zeile, column=spalte), b.werte[feld], FORMAT_ZAHL)
    unten = blatt_fuss(
        blatt, len(bescheinigungen) + 3, (UEBERMITTLUNG, f"{FORMULAR} · gedruckt am {gedruckt_am:%d.%m.%Y}")
    )
    druck_a4(blatt, quer=True, titelzeilen="1:1", letzte_zeile=unten - 1, letzte_spalte=len(koepfe))
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def lstb_exportieren(
    db: Datenbank, jahr: int, ziel: Path, *, assistenzkraft_id: int | None = None, ueberschreiben: bool = False
) -> str:
    def lade() -> list[Lohnsteuerbescheinigung]:
        liste = lohnsteuerbescheinigungen(db, jahr, assistenzkraft_id)
        if not liste:
            raise EingabeFehler(
                f"Für {jahr} ist keine Lohnsteuerbescheinigung auszustellen (kein abgeschlossener Monat mit "
                "Lohnsteuer nach den ELStAM; pauschal besteuerte Minijobs und kurzfristige Beschäftigungen erhalten "
                "keine). Es wurde keine Datei geschrieben."
            )
        return liste

    liste = schreibe_meldung(
        ziel, "Die Lohnsteuerbescheinigung", lade, lstb_pdf, lstb_xlsx, ueberschreiben=ueberschreiben
    )
    return f"{len(liste)} Lohnsteuerbescheinigungen {jahr} ({', '.join(b.name for b in liste)}) geschrieben: {ziel}"


def exportiere_lohnsteuerbescheinigung(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    person = None
    if assistenzkraft is not None:
        from core.stammdaten.assistenzkraefte import finde_assistenzkraft

        person = finde_assistenzkraft(db, assistenzkraft).id
    return lstb_exportieren(db, jahr, ziel, assistenzkraft_id=person, ueberschreiben=ueberschreiben)
