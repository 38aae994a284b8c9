"""The Unfallkasse's year figures as PDF and Excel; `assistenzbuero export unfallkasse --jahr JJJJ`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from reportlab.platypus import Spacer

from core.domain.geld import format_zahl
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl
from core.io.belege_basis import FORMAT_ZAHL, ZEHNTEL_MM, absatz, druck_a4, setze_betrag, setze_text
from core.io.excel import speichere
from core.meldungen.dokument import (
    BREITE,
    betrag,
    blatt_anfang,
    blatt_fuss,
    feld_tabelle,
    kopf_tabelle,
    meldung_pdf,
    ohne_assistenzkraft,
    schreibe_meldung,
    spaltenkoepfe,
)
from core.meldungen.unfallkasse import UVJahr, unfallkasse_jahr
from core.persistence.datenbank import Datenbank

HINWEIS = (
    "Die Unfallkasse berechnet ihren Beitrag nach ihrer Satzung (je Vollzeitkraft oder in Prozent des Entgelts); "
    "maßgebend ist ihr Bescheid. Minijobs im Haushaltsscheckverfahren sind über die Minijob-Zentrale versichert und "
    "fehlen hier."
)


def _titel(u: UVJahr) -> str:
    return f"Unfallkasse: Angaben für {u.jahr}"


def _kopf(u: UVJahr) -> list[tuple[str, str]]:
    return [
        ("Arbeitgeberin (Privathaushalt, kein Gewerbe)", u.arbeitgeber),
        ("Unfallversicherungsträger", u.unfallkasse or "(unter Arbeitgeberin eintragen)"),
        ("Mitgliedsnummer", u.mitgliedsnummer or "(unter Arbeitgeberin eintragen)"),
        ("Abgeschlossene Monate", ", ".join(MONATE[m - 1] for m in u.monate)),
    ]


def uv_pdf(u: UVJahr, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    zeilen = [
        [
            f"{p.name} ({p.personalnummer})",
            f"{MONATE[p.erster_monat - 1]}–{MONATE[p.letzter_monat - 1]}",
            format_zahl(p.stunden),
            betrag(p.arbeitsentgelt),
            betrag(p.beitrag),
        ]
        for p in u.personen
    ]
    zeilen.append(
        [
            "Summe",
            "",
            format_zahl(u.summe("stunden")),
            betrag(u.summe("arbeitsentgelt")),
            betrag(u.summe("beitrag")),
        ]
    )
    inhalt: list[Any] = [
        absatz(_titel(u), "titel"),
        absatz("Jahresangaben für die Unfallkasse (Lohnnachweis bzw. Beitragsberechnung)", "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
        kopf_tabelle(_kopf(u)),
        Spacer(1, 40 * ZEHNTEL_MM),
        feld_tabelle(
            ["Assistenzkraft", "Zeitraum", "Stunden", "Arbeitsentgelt €", "UV-Beitrag (Programm) €"],
            zeilen,
            breiten=[BREITE * 32 / 100, BREITE * 22 / 100, BREITE * 12 / 100, BREITE * 17 / 100, BREITE * 17 / 100],
            rechts_ab=2,
            fett=(len(zeilen),),
        ),
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz(HINWEIS, "klein"),
    ]
    meldung_pdf(
        ziel, inhalt, titel=_titel(u), autor=u.arbeitgeber, gedruckt_am=gedruckt_am, ueberschreiben=ueberschreiben
    )


def uv_xlsx(u: UVJahr, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = f"Unfallkasse {u.jahr}"
    kopfzeile = zeile = blatt_anfang(blatt, _titel(u), _kopf(u))
    spaltenkoepfe(
        blatt, kopfzeile, ("Assistenzkraft", "von Monat", "bis Monat", "Stunden", "Arbeitsentgelt €", "UV-Beitrag €")
    )
    for p in u.personen:
        zeile += 1
        setze_text(blatt.cell(row=zeile, column=1), f"{p.name} ({p.personalnummer})")
        setze_text(blatt.cell(row=zeile, column=2), MONATE[p.erster_monat - 1])
        setze_text(blatt.cell(row=zeile, column=3), MONATE[p.letzter_monat - 1])
        for spalte, wert in ((4, p.stunden), (5, p.arbeitsentgelt), (6, p.beitrag)):
            setze_betrag(blatt.cell(row=zeile, column=spalte), wert, FORMAT_ZAHL)
    zeile = blatt_fuss(blatt, zeile + 2, (HINWEIS, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro"))
    blatt.column_dimensions["A"].width = 40
    druck_a4(blatt, quer=False, titelzeilen=f"{kopfzeile}:{kopfzeile}", letzte_zeile=zeile, letzte_spalte=6)
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def uv_exportieren(db: Datenbank, jahr: int, ziel: Path, *, ueberschreiben: bool = False) -> str:
    u = schreibe_meldung(
        ziel,
        "Die Unfallkassen-Angaben",
        lambda: unfallkasse_jahr(db, jahr),
        uv_pdf,
        uv_xlsx,
        ueberschreiben=ueberschreiben,
    )
    wer = anzahl(len(u.personen), "Assistenzkraft", "Assistenzkräfte")
    return f"Unfallkassen-Angaben {jahr} für {wer} geschrieben: {ziel}"


def _uv_des_jahres(db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False) -> str:
    return uv_exportieren(db, jahr, ziel, ueberschreiben=ueberschreiben)  # a year's figures: the month is December


exportiere_unfallkasse = ohne_assistenzkraft(_uv_des_jahres, "die Unfallkasse")
