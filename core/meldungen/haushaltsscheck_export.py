"""The Haushaltsscheck figures of a half-year as PDF (what to write on the Haushaltsscheck or into the
Minijob-Zentrale's online form, and the coming debit) and Excel; `assistenzbuero export haushaltsscheck`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.platypus import CondPageBreak, Spacer

from core.domain.kalender import MONATE
from core.io.belege_basis import FORMAT_ZAHL, ZEHNTEL_MM, absatz, blattname, druck_a4, setze_betrag, setze_text
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
from core.meldungen.fristen import QUELLE_HAUSHALTSSCHECK
from core.meldungen.haushaltsscheck import ABGABEN, Haushaltsscheck, Scheckperson, haushaltsscheck
from core.persistence.datenbank import Datenbank

#: Column heads on paper (the full names stand in the table "Lastschrift je Abgabe" below).
KURZ = {
    "kv_ag": "KV",
    "rv_ag": "RV AG",
    "rv_an": "RV Anteil AN",
    "umlage_u1": "U1",
    "umlage_u2": "U2",
    "unfallversicherung": "UV",
    "pauschsteuer": "Steuer 2 %",
}
HINWEIS = (
    "Die Minijob-Zentrale berechnet die Abgaben selbst aus dem gemeldeten Arbeitsentgelt und zieht sie per "
    "Lastschrift ein; diese Aufstellung zeigt dieselben Werte aus der Lohnabrechnung, damit das Konto gedeckt ist. "
    "Den Haushaltsscheck (Papier oder Online-Formular der Minijob-Zentrale) füllt die Arbeitgeberin selbst aus; "
    "Assistenzbüro übermittelt nichts."
)


def _kopf(h: Haushaltsscheck) -> list[tuple[str, str]]:
    kopf = [
        ("Arbeitgeberin (Privathaushalt)", h.arbeitgeber),
        ("Betriebsnummer (Haushaltsscheck)", h.betriebsnummer or "noch keine: vergibt die Minijob-Zentrale"),
        ("Lastschrift der Minijob-Zentrale", f"{h.lastschrift:%d.%m.%Y} ({QUELLE_HAUSHALTSSCHECK})"),
        ("Voraussichtlicher Betrag", betrag(h.lastschrift_betrag) + " €"),
    ]
    if h.offene_monate:
        kopf.append(("Noch nicht abgeschlossen (fehlt im Betrag)", h.offen_text))
    return kopf


def _person_kopf(p: Scheckperson) -> str:
    vsnr = p.versicherungsnummer or (
        f"fehlt – auf dem Scheck Geburtsdatum {p.geburtsdatum:%d.%m.%Y} angeben" if p.geburtsdatum else "fehlt"
    )
    rv = "befreit (Antrag auf Befreiung liegt vor)" if p.rv_befreit else "versicherungspflichtig (Eigenanteil)"
    steuer = "ja, 2 % über die Minijob-Zentrale" if p.pauschsteuer else "nein (Lohnsteuer nach ELStAM)"
    return (
        f"{p.name} ({p.personalnummer}) · Versicherungsnummer: {vsnr} · Rentenversicherung: {rv} · "
        f"Pauschsteuer: {steuer}"
    )


def haushaltsscheck_pdf(h: Haushaltsscheck, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    inhalt: list[Any] = [
        absatz(h.titel, "titel"),
        absatz("Angaben für den Haushaltsscheck der Minijob-Zentrale und die kommende Lastschrift", "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
        kopf_tabelle(_kopf(h)),
    ]
    koepfe = ["Monat", "Entgelt €", *(KURZ[f] for f, _t in ABGABEN), "Summe €"]
    breite_rest = BREITE * 70 / 100 / (len(koepfe) - 2)
    for p in h.personen:
        zeilen = [
            [
                MONATE[m.monat - 1],
                betrag(m.arbeitsentgelt),
                *(betrag(m.abgaben.get(f)) for f, _t in ABGABEN),
                betrag(m.summe),
            ]
            for m in p.monate
        ]
        zeilen.append(["Halbjahr", betrag(p.entgelt), *("" for _f in ABGABEN), betrag(p.summe)])
        inhalt += [
            CondPageBreak(500 * ZEHNTEL_MM),
            Spacer(1, 40 * ZEHNTEL_MM),
            absatz(_person_kopf(p), "text"),
            Spacer(1, 15 * ZEHNTEL_MM),
            feld_tabelle(
                koepfe,
                zeilen,
                breiten=[BREITE * 14 / 100, BREITE * 16 / 100] + [breite_rest] * (len(koepfe) - 2),
                rechts_ab=1,
                fett=(len(zeilen),),
            ),
        ]
    inhalt += [
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz("Lastschrift je Abgabe", "gross"),
        feld_tabelle(
            ["Abgabe", "Betrag €"],
            [[t, betrag(h.summe(f))] for f, t in ABGABEN] + [["Lastschrift gesamt", betrag(h.lastschrift_betrag)]],
            breiten=[BREITE * 70 / 100, BREITE * 30 / 100],
            rechts_ab=1,
            fett=(len(ABGABEN) + 1,),
        ),
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz(HINWEIS, "klein"),
    ]
    meldung_pdf(
        ziel, inhalt, titel=h.titel, autor=h.arbeitgeber, gedruckt_am=gedruckt_am, ueberschreiben=ueberschreiben
    )


def haushaltsscheck_xlsx(h: Haushaltsscheck, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = blattname(h.titel)
    kopfzeile = zeile = blatt_anfang(blatt, h.titel, _kopf(h))
    koepfe = ["Assistenzkraft", "Monat", "Arbeitsentgelt €", *(t + " €" for _f, t in ABGABEN), "Summe €"]
    spaltenkoepfe(blatt, kopfzeile, koepfe)
    for p in h.personen:
        for m in p.monate:
            zeile += 1
            setze_text(blatt.cell(row=zeile, column=1), f"{p.name} ({p.personalnummer})")
            setze_text(blatt.cell(row=zeile, column=2), MONATE[m.monat - 1])
            werte = [m.arbeitsentgelt, *(m.abgaben.get(f) for f, _t in ABGABEN), m.summe]
            for spalte, wert in enumerate(werte, start=3):
                setze_betrag(blatt.cell(row=zeile, column=spalte), wert, FORMAT_ZAHL)
    zeile += 1
    setze_text(blatt.cell(row=zeile, column=1), "Lastschrift gesamt")
    setze_betrag(blatt.cell(row=zeile, column=len(koepfe)), h.lastschrift_betrag, FORMAT_ZAHL)
    blatt.cell(row=zeile, column=1).font = Font(bold=True)
    zeile = blatt_fuss(blatt, zeile + 2, (HINWEIS, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro"))
    blatt.column_dimensions["A"].width = 30
    druck_a4(blatt, quer=True, titelzeilen=f"{kopfzeile}:{kopfzeile}", letzte_zeile=zeile, letzte_spalte=len(koepfe))
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def haushaltsscheck_exportieren(
    db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False
) -> str:
    h = schreibe_meldung(
        ziel,
        "Den Haushaltsscheck",
        lambda: haushaltsscheck(db, jahr, monat),
        haushaltsscheck_pdf,
        haushaltsscheck_xlsx,
        ueberschreiben=ueberschreiben,
    )
    return (
        f"{h.titel}: {len(h.personen)} Minijobs, Lastschrift am {h.lastschrift:%d.%m.%Y} voraussichtlich "
        f"{betrag(h.lastschrift_betrag)} €, geschrieben: {ziel}"
    )


exportiere_haushaltsscheck = ohne_assistenzkraft(
    haushaltsscheck_exportieren, "den Haushaltsscheck: die Aufstellung zeigt alle Minijobs des Halbjahrs"
)
