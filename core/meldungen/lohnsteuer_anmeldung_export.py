"""The Lohnsteuer-Anmeldung of a period as PDF (to type into Mein ELSTER, form "Lohnsteuer-Anmeldung") and Excel,
and `assistenzbuero export lst-anmeldung --monat JJJJ-MM` (the period that contains the month)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from reportlab.platypus import Spacer

from core.io.belege_basis import FORMAT_ZAHL, ZEHNTEL_MM, absatz, druck_a4, setze_betrag, setze_text
from core.io.excel import schreibe, speichere
from core.meldungen.dokument import (
    BREITE,
    UEBERMITTLUNG,
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
from core.meldungen.fristen import QUELLE_LST_ANMELDUNG
from core.meldungen.lohnsteuer_anmeldung import (
    JAEHRLICH,
    KENNZAHLEN,
    VIERTELJAEHRLICH,
    VORDRUCK_STAND,
    LohnsteuerAnmeldung,
    lohnsteuer_anmeldung,
)
from core.persistence.datenbank import Datenbank
from core.stammdaten.assistenzkraefte import KONFESSIONEN

ART_TEXT = {JAEHRLICH: "Kalenderjahr", VIERTELJAEHRLICH: "Kalendervierteljahr"}


def _titel(a: LohnsteuerAnmeldung) -> str:
    return f"Lohnsteuer-Anmeldung {a.name}"


def _kopf(a: LohnsteuerAnmeldung) -> list[tuple[str, str]]:
    return [
        ("Arbeitgeberin", a.arbeitgeber or "Arbeitgeberin"),
        ("Steuernummer", a.steuernummer),
        ("Finanzamt", a.finanzamt or "(Finanzamt der Betriebsstätte)"),
        ("Anmeldungszeitraum", f"{a.name} ({a.von:%d.%m.%Y} bis {a.bis:%d.%m.%Y})"),
        (
            "Warum dieser Zeitraum",
            f"{ART_TEXT.get(a.zeitraum.art, 'Kalendermonat')}: {a.zeitraum.begruendung}",
        ),
        ("Abgabe und Zahlung bis", f"{a.faellig:%d.%m.%Y} ({QUELLE_LST_ANMELDUNG})"),
    ]


def _zeilen(a: LohnsteuerAnmeldung) -> list[tuple[str, str, Decimal | int]]:
    werte = a.werte()
    zeilen: list[tuple[str, str, Decimal | int]] = [(kz, text, werte[s]) for s, kz, text in KENNZAHLEN]
    for konfession, summe in sorted(a.weitere_kirchensteuer().items()):
        name = KONFESSIONEN.get(konfession, konfession)
        zeilen.append(("", f"Kirchensteuer {name} ({konfession}; Kennzahl laut Vordruck des Landes)", summe))
    zeilen.append(("83", "Gesamtbetrag", a.gesamtbetrag))
    return zeilen


def _wert(w: Decimal | int) -> str:
    return str(w) if isinstance(w, int) else betrag(w)


def lst_anmeldung_pdf(a: LohnsteuerAnmeldung, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    zeilen = [[kz, text, _wert(w)] for kz, text, w in _zeilen(a)]
    inhalt: list[Any] = [
        absatz(_titel(a), "titel"),
        absatz("Werte für das Formular „Lohnsteuer-Anmeldung“ in Mein ELSTER, Kennzahl für Kennzahl", "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
        kopf_tabelle(_kopf(a)),
        Spacer(1, 40 * ZEHNTEL_MM),
        feld_tabelle(
            ["Kz", "Feld", "Betrag €"],
            zeilen,
            breiten=[BREITE * 8 / 100, BREITE * 70 / 100, BREITE * 22 / 100],
            rechts_ab=2,
            fett=(len(zeilen),),
        ),
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz("Zusammensetzung (zum Abgleich mit den Lohnkonten)", "gross"),
        feld_tabelle(
            ["Assistenzkraft", "Konf.", "Lohnsteuer €", "pauschal €", "Soli €", "KiSt €", "KiSt pausch. €"],
            [
                [
                    f"{p.name} ({p.personalnummer})",
                    p.konfession,
                    betrag(p.lohnsteuer),
                    betrag(p.pauschale_lohnsteuer),
                    betrag(p.solidaritaetszuschlag),
                    betrag(p.kirchensteuer),
                    betrag(p.kirchensteuer_pauschal),
                ]
                for p in a.personen
            ],
            breiten=[BREITE * 30 / 100, BREITE * 8 / 100] + [BREITE * 124 / 1000] * 5,
            rechts_ab=2,
        ),
        Spacer(1, 40 * ZEHNTEL_MM),
    ]
    if a.korrigiert:
        inhalt.append(
            absatz(
                f"Für {', '.join(a.korrigiert)} wurde die Abrechnung nach dem Abschluss korrigiert; die Werte oben "
                "sind die korrigierten. Wurde die Anmeldung schon übermittelt, bitte eine berichtigte Anmeldung "
                "abgeben.",
                "text",
            )
        )
    inhalt += [
        absatz(
            "Nicht enthalten: die einheitliche Pauschsteuer von 2 % für Minijobs (sie geht mit dem "
            "Beitragsnachweis oder Haushaltsscheck an die Minijob-Zentrale, § 40a Abs. 6 EStG).",
            "klein",
        ),
        absatz(VORDRUCK_STAND, "klein"),
        absatz(UEBERMITTLUNG, "klein"),
    ]
    meldung_pdf(
        ziel, inhalt, titel=_titel(a), autor=a.arbeitgeber, gedruckt_am=gedruckt_am, ueberschreiben=ueberschreiben
    )


def lst_anmeldung_xlsx(a: LohnsteuerAnmeldung, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = "Lohnsteuer-Anmeldung"
    kopfzeile = zeile = blatt_anfang(blatt, _titel(a), _kopf(a))
    spaltenkoepfe(blatt, kopfzeile, ("Kz", "Feld", "Betrag €"))
    for kz, text, w in _zeilen(a):
        zeile += 1
        setze_text(blatt.cell(row=zeile, column=1), kz)
        setze_text(blatt.cell(row=zeile, column=2), text)
        if isinstance(w, int):
            schreibe(blatt.cell(row=zeile, column=3), w)
        else:
            setze_betrag(blatt.cell(row=zeile, column=3), w, FORMAT_ZAHL)
    zeile = blatt_fuss(
        blatt, zeile + 2, (VORDRUCK_STAND, UEBERMITTLUNG, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro")
    )
    blatt.column_dimensions["A"].width = 26
    blatt.column_dimensions["B"].width = 70
    blatt.column_dimensions["C"].width = 16
    druck_a4(blatt, quer=False, titelzeilen=f"{kopfzeile}:{kopfzeile}", letzte_zeile=zeile, letzte_spalte=3)
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def lst_anmeldung_exportieren(db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False) -> str:
    a = schreibe_meldung(
        ziel,
        "Die Lohnsteuer-Anmeldung",
        lambda: lohnsteuer_anmeldung(db, jahr, monat),
        lst_anmeldung_pdf,
        lst_anmeldung_xlsx,
        ueberschreiben=ueberschreiben,
    )
    return (
        f"Lohnsteuer-Anmeldung {a.name}: Gesamtbetrag {betrag(a.gesamtbetrag)} €, fällig am {a.faellig:%d.%m.%Y}, "
        f"geschrieben: {ziel}"
    )


exportiere_lst_anmeldung = ohne_assistenzkraft(
    lst_anmeldung_exportieren, "die Lohnsteuer-Anmeldung: sie fasst alle Assistenzkräfte zusammen"
)
