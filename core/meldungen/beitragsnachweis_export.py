"""The Beitragsnachweise of a month as PDF (one A4 page per Einzugsstelle, to type into the SV-Meldeportal) and as
Excel (one sheet per Einzugsstelle, amounts as numbers), and `assistenzbuero export beitragsnachweis`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.platypus import Spacer

from core.domain.geld import NULL
from core.fehler import EingabeFehler
from core.io.belege_basis import FORMAT_ZAHL, ZEHNTEL_MM, absatz, blattname, druck_a4, setze_betrag, setze_text
from core.io.excel import speichere
from core.meldungen.beitragsnachweis import (
    DATENSATZ,
    ERSTATTUNG_FELD,
    ERSTATTUNG_NICHT_VERRECHNET,
    FELDTEXT,
    Beitragsnachweis,
    beitragsnachweise,
    fehlende_angaben,
)
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
    seitenweise,
    spaltenkoepfe,
)
from core.meldungen.fristen import QUELLE_BEITRAGSNACHWEIS, QUELLE_BEITRAGSZAHLUNG
from core.persistence.datenbank import Datenbank

KOEPFE = ("Beitragsgruppe", "Feld", "Monat €", "Korrekturen €", "Einzutragen €")


def _zeilen(n: Beitragsnachweis) -> list[tuple[str, str, Decimal, Decimal, Decimal]]:
    """(Beitragsgruppe, text, month, corrections, to enter) per field of the data set, zeros included."""
    monat, korr, alle = n.monatswerte(), n.korrekturwerte(), n.werte()
    return [(gruppe, text, monat.get(s, NULL), korr.get(s, NULL), alle.get(s, NULL)) for s, gruppe, text in n.felder()]


def _kopf(n: Beitragsnachweis) -> list[tuple[str, str]]:
    von, bis = n.zeitraum
    return [
        ("Arbeitgeberin", ", ".join((n.arbeitgeber, *n.anschrift_arbeitgeber))),
        ("Betriebsnummer der Arbeitgeberin", n.betriebsnummer_arbeitgeber or "FEHLT"),
        ("Einzugsstelle (Empfänger)", n.einzugsstelle),
        ("Betriebsnummer der Einzugsstelle", n.betriebsnummer_kasse or "FEHLT"),
        ("Zeitraum", f"{von:%d.%m.%Y} bis {bis:%d.%m.%Y}"),
        ("Art", "Normaler Beitragsnachweis (kein Dauer-Beitragsnachweis)"),
        (
            "Eingang bei der Einzugsstelle",
            f"spätestens zu Beginn des {n.einreichung:%d.%m.%Y} ({QUELLE_BEITRAGSNACHWEIS})",
        ),
        ("Beiträge gutgeschrieben bis", f"{n.zahlung:%d.%m.%Y} ({QUELLE_BEITRAGSZAHLUNG})"),
        ("Feiertage für die Termine", n.termine.feiertage),
    ]


def _seite(n: Beitragsnachweis) -> list[Any]:
    inhalt: list[Any] = [
        absatz(n.titel, "titel"),
        absatz(f"Werte für die Maske „Beitragsnachweis“ im SV-Meldeportal · {DATENSATZ}", "unter"),
        Spacer(1, 30 * ZEHNTEL_MM),
        kopf_tabelle(_kopf(n)),
        Spacer(1, 40 * ZEHNTEL_MM),
    ]
    zeilen = [[g, t, betrag(m), betrag(k) if k else "", betrag(a)] for g, t, m, k, a in _zeilen(n)]
    zwischen = len(n.felder()) if not n.minijob_zentrale else len(n.felder()) - 1
    zeilen.insert(zwischen, ["", "Zwischensumme", "", "", betrag(n.zwischensumme())])
    zeilen.append(["", f"{ERSTATTUNG_FELD}: nicht verrechnet, siehe unten", "", "", betrag(NULL)])
    zeilen.append(["", "Zahlbetrag (Gesamtsumme)", "", "", betrag(n.summe)])
    inhalt.append(
        feld_tabelle(
            ["Beitrags-\ngruppe", *KOEPFE[1:]],
            zeilen,
            breiten=[BREITE * 11 / 100, BREITE * 47 / 100, BREITE * 14 / 100, BREITE * 14 / 100, BREITE * 14 / 100],
            rechts_ab=2,
            fett=(zwischen + 1, len(zeilen)),
        )
    )
    if n.korrekturen:
        inhalt += [
            Spacer(1, 40 * ZEHNTEL_MM),
            absatz("Korrekturen früherer Monate, in diesem Monat verrechnet", "gross"),
            absatz(
                "Differenz der korrigierten Abrechnung zur ersetzten Fassung. Statt sie hier zu verrechnen, kann die "
                "Einzugsstelle einen Korrektur-Beitragsnachweis für den früheren Monat verlangen: bitte bei ihr "
                "nachfragen.",
                "klein",
            ),
            feld_tabelle(
                ["Monat", "Assistenzkraft", "Feld", "Differenz €"],
                [
                    [k.zeitraum, f"{k.name} ({k.personalnummer}), Fassung {k.version}", FELDTEXT[f][0], betrag(w)]
                    for k in n.korrekturen
                    for f, w in sorted(k.werte.items())
                ],
                breiten=[BREITE * 12 / 100, BREITE * 48 / 100, BREITE * 20 / 100, BREITE * 20 / 100],
                rechts_ab=3,
            ),
        ]
    inhalt += [
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz("Erstattungen U1/U2", "gross"),
        absatz(ERSTATTUNG_NICHT_VERRECHNET, "text"),
    ]
    if n.erstattungen:
        inhalt += [
            Spacer(1, 15 * ZEHNTEL_MM),
            feld_tabelle(
                ["Assistenzkraft", "Verfahren", "Zeitraum", "Stand", "Erstattung €"],
                [
                    [f"{e.name} ({e.personalnummer})", e.verfahren, e.zeitraum, e.status, betrag(e.betrag)]
                    for e in n.erstattungen
                ],
                breiten=[BREITE * 34 / 100, BREITE * 12 / 100, BREITE * 26 / 100, BREITE * 12 / 100, BREITE * 16 / 100],
                rechts_ab=4,
            ),
        ]
    if n.personen:
        inhalt += [
            Spacer(1, 40 * ZEHNTEL_MM),
            absatz("Zusammensetzung (zum Abgleich mit den Entgeltbescheinigungen)", "gross"),
            feld_tabelle(
                ["Assistenzkraft", "Beitragsgruppe", "Personengruppe", "Summe €"],
                [
                    [f"{p.name} ({p.personalnummer})", p.beitragsgruppe, p.personengruppe, betrag(p.summe)]
                    for p in n.personen
                ],
                breiten=[BREITE * 52 / 100, BREITE * 16 / 100, BREITE * 16 / 100, BREITE * 16 / 100],
                rechts_ab=3,
            ),
        ]
    inhalt += [
        Spacer(1, 40 * ZEHNTEL_MM),
        absatz(UEBERMITTLUNG, "klein"),
        absatz(
            "Die Beiträge werden im Monat der Arbeit fällig (voraussichtliche Höhe); ist der Monat erst danach "
            "abgerechnet, darf die Arbeitgeberin nach § 23 Abs. 1 Satz 3 SGB IV den Betrag des Vormonats ansetzen "
            "und die Differenz im Folgemonat ausgleichen.",
            "klein",
        ),
    ]
    return inhalt


def beitragsnachweis_pdf(
    nachweise: Sequence[Beitragsnachweis], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    meldung_pdf(
        ziel,
        seitenweise(_seite(n) for n in nachweise),
        titel=f"Beitragsnachweise {nachweise[0].monat:02d}/{nachweise[0].jahr}",
        autor=nachweise[0].arbeitgeber,
        gedruckt_am=gedruckt_am,
        ueberschreiben=ueberschreiben,
    )


def beitragsnachweis_xlsx(
    nachweise: Sequence[Beitragsnachweis], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    mappe = Workbook()
    for i, n in enumerate(nachweise):
        blatt = mappe.worksheets[0] if i == 0 else mappe.create_sheet()
        blatt.title = blattname(n.einzugsstelle)
        kopfzeile = zeile = blatt_anfang(blatt, n.titel, _kopf(n))
        spaltenkoepfe(blatt, kopfzeile, KOEPFE)
        for gruppe, feldtext, *betraege in _zeilen(n):
            zeile += 1
            setze_text(blatt.cell(row=zeile, column=1), gruppe)
            setze_text(blatt.cell(row=zeile, column=2), feldtext)
            for spalte, wert in enumerate(betraege, start=3):
                setze_betrag(blatt.cell(row=zeile, column=spalte), wert, FORMAT_ZAHL)
        zeile += 1
        setze_text(blatt.cell(row=zeile, column=2), f"{ERSTATTUNG_FELD}: nicht verrechnet")
        setze_betrag(blatt.cell(row=zeile, column=5), NULL, FORMAT_ZAHL)
        zeile += 1
        setze_text(blatt.cell(row=zeile, column=2), "Zahlbetrag (Gesamtsumme)")
        setze_betrag(blatt.cell(row=zeile, column=5), n.summe, FORMAT_ZAHL)
        for spalte in (2, 5):
            blatt.cell(row=zeile, column=spalte).font = Font(bold=True)
        zeile = blatt_fuss(
            blatt,
            zeile + 2,
            (
                ERSTATTUNG_NICHT_VERRECHNET,
                UEBERMITTLUNG,
                f"{DATENSATZ} · gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro",
            ),
        )
        blatt.column_dimensions["A"].width = 34
        blatt.column_dimensions["B"].width = 62
        for buchstabe in "CDE":
            blatt.column_dimensions[buchstabe].width = 15
        druck_a4(blatt, quer=False, titelzeilen=f"{kopfzeile}:{kopfzeile}", letzte_zeile=zeile, letzte_spalte=5)
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def beitragsnachweise_exportieren(
    db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False
) -> str:
    """All Beitragsnachweise of a finalised month in one file; refuses while anything they need is missing."""

    def lade() -> list[Beitragsnachweis]:
        nachweise = beitragsnachweise(db, jahr, monat)
        if not nachweise:
            raise EingabeFehler(
                f"Für {monat:02d}/{jahr} ist kein Beitragsnachweis abzugeben (keine Beiträge außerhalb des "
                "Haushaltsscheckverfahrens). Es wurde keine Datei geschrieben."
            )
        fehlend = fehlende_angaben(nachweise)
        if fehlend:
            raise EingabeFehler("Der Beitragsnachweis wurde nicht geschrieben. " + " ".join(fehlend))
        return nachweise

    nachweise = schreibe_meldung(
        ziel, "Den Beitragsnachweis", lade, beitragsnachweis_pdf, beitragsnachweis_xlsx, ueberschreiben=ueberschreiben
    )
    stellen = ", ".join(n.einzugsstelle for n in nachweise)
    return f"{len(nachweise)} Beitragsnachweise {monat:02d}/{jahr} ({stellen}) geschrieben: {ziel}"


exportiere_beitragsnachweis = ohne_assistenzkraft(
    beitragsnachweise_exportieren,
    "den Beitragsnachweis: er fasst alle Assistenzkräfte einer Einzugsstelle zusammen",
)
