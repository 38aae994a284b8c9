"""The Personalbogen (seed 004, 2.6.3) as an A4 PDF form: blank for applicants, or filled from the master data.

Use: `schreibe_personalbogen(ziel, daten=None, arbeitgeber_name="", krankenkasse_name="")` (daten None → blank).
`core.stammdaten.dsgvo.personalbogen_pdf(db, id, ziel)` fills it from the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from core.domain.geld import format_eur, format_zahl
from core.domain.kennungen import AUSBILDUNGSABSCHLUESSE, SCHULABSCHLUESSE
from core.domain.staaten import staatsname
from core.io.pdf import SCHRIFT, absatz, einzeilig, kuerze, schreibe_pdf, stil
from core.stammdaten.assistenzkraefte import (
    ARBEITSERLAUBNIS_ARTEN,
    BESCHAEFTIGUNGSARTEN,
    GESCHLECHTER,
    KIND_ARTEN,
    KONFESSIONEN,
    AssistenzkraftDaten,
)

# Geometry in whole points or tenths of a millimetre (core/ keeps float literals out, see test_architektur).
ZEHNTEL_MM = mm / 10
LINIE = 2 * ZEHNTEL_MM
BREITE = A4[0] - 30 * mm
_LABEL = stil("label", fontSize=7, leading=9, textColor=colors.HexColor("#444444"))
_WERT = stil("wert", fontSize=10, leading=12, alignment=TA_LEFT)
_TITEL = stil("titel", fett=True, fontSize=16, leading=20, spaceAfter=2 * mm)
_ABSCHNITT = stil("abschnitt", fett=True, fontSize=11, leading=13, spaceBefore=4 * mm, spaceAfter=15 * ZEHNTEL_MM)
_TEXT = stil("text", fontSize=9, leading=11)
_KLEIN = stil("klein", fontSize=8, leading=10, textColor=colors.HexColor("#444444"))
_POLSTER = 15 * ZEHNTEL_MM  # left padding of a box


class Kaestchen(Flowable):
    """A tick box, drawn (no font glyph needed), crossed when `an`; followed by its text."""

    def __init__(self, text: str, an: bool | None) -> None:
        super().__init__()
        self.text = text
        self.an = an
        self.groesse = 32 * ZEHNTEL_MM
        self.width = self.groesse + 15 * ZEHNTEL_MM + stringWidth(text, SCHRIFT, 9)
        self.height = 42 * ZEHNTEL_MM

    def wrap(self, verfuegbar_breite: Any, verfuegbar_hoehe: Any) -> tuple[Any, Any]:
        return min(self.width, verfuegbar_breite), self.height

    def draw(self) -> None:
        c = self.canv
        g = self.groesse
        c.setLineWidth(LINIE)
        unten = 4 * ZEHNTEL_MM
        rand = 2 * ZEHNTEL_MM
        c.rect(0, unten, g, g)
        if self.an:
            c.line(rand, unten + rand, g - rand, unten + g - rand)
            c.line(rand, unten + g - rand, g - rand, unten + rand)
        c.setFont(SCHRIFT, 9)
        c.drawString(g + 15 * ZEHNTEL_MM, 1 * mm, self.text)


def _datum(tag: date | None) -> str:
    return f"{tag:%d.%m.%Y}" if tag else ""


def _zahl(wert: Decimal | None) -> str:
    if wert is None:
        return ""
    return format_zahl(wert, None)


def _feld(label: str, wert: str, breite: Any) -> list[Any]:
    # the boxes have a fixed height (a paper form): a value longer than the box is cut to one line
    return [absatz(label, _LABEL), absatz(einzeilig(wert, breite - 2 * _POLSTER, groesse=10), _WERT)]


def _zeile(felder: Sequence[tuple[str, str, int]], *, hoehe: Any = 11 * mm) -> Table:
    """One row of labelled boxes; widths in percent of the text width."""
    tabelle = Table(
        [[_feld(label, wert, BREITE * anteil / 100) for label, wert, anteil in felder]],
        colWidths=[BREITE * anteil / 100 for _l, _w, anteil in felder],
        rowHeights=[hoehe],
    )
    tabelle.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), LINIE, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), LINIE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 15 * ZEHNTEL_MM),
                ("TOPPADDING", (0, 0), (-1, -1), 8 * ZEHNTEL_MM),
            ]
        )
    )
    return tabelle


def _kaestchenzeile(label: str, optionen: Sequence[tuple[str, bool | None]]) -> Table:
    zellen: list[Any] = [absatz(label, _LABEL)]
    kaestchen = [Kaestchen(text, an) for text, an in optionen]
    zeile = Table([kaestchen], colWidths=[k.width + 3 * mm for k in kaestchen], hAlign="LEFT")
    zeile.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm)]))
    zellen.append(zeile)
    tabelle = Table([[zellen]], colWidths=[BREITE])
    tabelle.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), LINIE, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 15 * ZEHNTEL_MM),
                ("TOPPADDING", (0, 0), (-1, -1), 8 * ZEHNTEL_MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12 * ZEHNTEL_MM),
            ]
        )
    )
    return tabelle


def _liste(kopf: Sequence[str], zeilen: Sequence[Sequence[str]], anteile: Sequence[int], leer: int) -> Table:
    daten: list[list[Any]] = [[absatz(k, _LABEL) for k in kopf]]
    for eintrag in zeilen:
        daten.append([absatz(kuerze(z, 200), _WERT) for z in eintrag])
    for _ in range(max(0, leer - len(zeilen))):
        daten.append([Paragraph("&nbsp;", _WERT) for _ in kopf])
    hoehen = [None] + [None] * len(zeilen) + [75 * ZEHNTEL_MM] * (len(daten) - 1 - len(zeilen))
    tabelle = Table(daten, colWidths=[BREITE * a / 100 for a in anteile], rowHeights=hoehen)
    tabelle.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), LINIE, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
                ("TOPPADDING", (0, 1), (-1, -1), 15 * ZEHNTEL_MM),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 15 * ZEHNTEL_MM),
                ("LEFTPADDING", (0, 0), (-1, -1), 15 * ZEHNTEL_MM),
            ]
        )
    )
    return tabelle


def _ja_nein(wert: bool | None) -> list[tuple[str, bool | None]]:
    return [("ja", wert is True), ("nein", wert is False)]


def _inhalt(d: AssistenzkraftDaten | None, arbeitgeber_name: str, krankenkasse_name: str) -> list[Flowable]:
    leer = d is None
    a = d or AssistenzkraftDaten()

    def w(text: str) -> str:
        return "" if leer else text

    def jn(wert: bool | None) -> bool | None:
        return None if leer else wert

    teile: list[Flowable] = [Paragraph("Personalbogen", _TITEL)]
    kopf = "Angaben zur Person für das Arbeitsverhältnis"
    if arbeitgeber_name:
        kopf += f" bei {arbeitgeber_name}"
    teile.append(absatz(kuerze(kopf, 300) + " (persönlicher Arbeitgeber im Arbeitgebermodell).", _TEXT))

    teile.append(Paragraph("1. Person", _ABSCHNITT))
    teile += [
        _zeile(
            [
                ("Name", w(a.nachname), 30),
                ("Vorname", w(a.vorname), 30),
                ("Geburtsname", w(a.geburtsname), 22),
                ("Personalnummer", w(a.personalnummer), 18),
            ]
        ),
        _zeile(
            [
                ("Straße, Hausnummer", w(a.strasse), 45),
                ("PLZ", w(a.plz), 15),
                ("Ort", w(a.ort), 40),
            ]
        ),
        _zeile([("Telefon", w(a.telefon), 30), ("Telefax", w(a.telefax), 25), ("E-Mail-Adresse", w(a.email), 45)]),
        _zeile(
            [
                ("geboren am", w(_datum(a.geburtsdatum)), 20),
                ("Geburtsort", w(a.geburtsort), 30),
                ("Staatsangehörigkeit", w(staatsname(a.staatsangehoerigkeit)), 30),
                ("Geschlecht", w(GESCHLECHTER.get(a.geschlecht, "") if a.geschlecht else ""), 20),
            ]
        ),
    ]

    teile.append(Paragraph("2. Sozialversicherung", _ABSCHNITT))
    kasse = krankenkasse_name or (a.private_versicherung if a.privat_versichert else "")
    teile += [
        _zeile(
            [
                ("Versicherungsnummer (Rentenversicherung)", w(_vsnr(a.versicherungsnummer)), 40),
                ("Krankenkasse", w(kasse), 60),
            ]
        ),
        _kaestchenzeile("Privat krankenversichert?", [(t, jn(v)) for t, v in _ja_nein(a.privat_versichert)]),
        _kaestchenzeile(
            "Studentin/Student (bitte Immatrikulationsbescheinigung beifügen)?",
            [(t, jn(v)) for t, v in _ja_nein(a.student)],
        ),
        _zeile(
            [
                ("Hochschule", w(a.hochschule), 60),
                ("immatrikuliert bis", w(_datum(a.immatrikuliert_bis)), 40),
            ]
        ),
        _zeile(
            [
                (
                    "Befreiung von der Rentenversicherungspflicht (nur Minijob): Antrag eingegangen am",
                    w(_datum(a.rv_befreiung_antrag_am)),
                    100,
                ),
            ]
        ),
    ]

    teile.append(Paragraph("3. Kinder (Nachweis der Elterneigenschaft für die Pflegeversicherung)", _ABSCHNITT))
    teile.append(_kaestchenzeile("Kinder?", [(t, jn(v)) for t, v in _ja_nein(a.hat_kinder or bool(a.kinder))]))
    kinder = [
        [k.vorname, _datum(k.geburtsdatum), KIND_ARTEN.get(k.art, k.art), _datum(k.nachweis_am), k.nachweis_art]
        for k in a.kinder
    ]
    teile.append(
        _liste(
            ["Vorname des Kindes", "geboren am", "Art", "Nachweis eingegangen am", "Art des Nachweises"],
            [] if leer else kinder,
            [24, 14, 16, 21, 25],
            leer=3,
        )
    )
    teile.append(
        Paragraph(
            "Ohne Nachweis der Elterneigenschaft ist der Beitragszuschlag für Kinderlose in der Pflegeversicherung zu "
            "zahlen (§ 55 Abs. 3 SGB XI). Die Arbeitgeberin bewahrt eine Kopie des Nachweises mit Eingangsdatum auf.",
            _KLEIN,
        )
    )

    teile.append(Paragraph("4. Lohnsteuer", _ABSCHNITT))
    teile += [
        _zeile([("Finanzamt", w(a.finanzamt), 60), ("Steuer-ID", w(a.steuer_id), 40)]),
        _zeile(
            [
                ("Steuerklasse", w(str(a.steuerklasse) if a.steuerklasse else ""), 15),
                ("Kinderfreibeträge", w(_zahl(a.kinderfreibetraege) if a.kinderfreibetraege else "0"), 17),
                ("Konfession", w(KONFESSIONEN.get(a.konfession, a.konfession) if a.konfession else ""), 28),
                ("Freibetrag Jahr", w(format_eur(a.freibetrag_jahr) if a.freibetrag_jahr is not None else ""), 20),
                ("Freibetrag Monat", w(format_eur(a.freibetrag_monat) if a.freibetrag_monat is not None else ""), 20),
            ]
        ),
    ]

    teile.append(Paragraph("5. Beruf und Bildung", _ABSCHNITT))
    teile.append(_zeile([("erlernter Beruf", w(a.erlernter_beruf), 100)]))
    teile.append(
        _kaestchenzeile(
            "höchster Schulabschluss",
            [(text, None if leer else a.schulabschluss == code) for code, text in _kurz(SCHULABSCHLUESSE).items()],
        )
    )
    teile.append(
        _kaestchenzeile(
            "höchster beruflicher Abschluss",
            [
                (text, None if leer else a.ausbildungsabschluss == code)
                for code, text in _kurz(AUSBILDUNGSABSCHLUESSE).items()
            ],
        )
    )
    teile.append(_zeile([("weitere Angaben zu Bildungsabschlüssen", w(a.bildung), 100)]))

    teile.append(Paragraph("6. Weitere Beschäftigungen (auch Minijobs und kurzfristige Jobs)", _ABSCHNITT))
    jobs = [
        [
            j.arbeitgeber_name,
            BESCHAEFTIGUNGSARTEN.get(j.art, j.art),
            f"{_datum(j.beginn)} – {_datum(j.ende)}".strip(" –"),
            format_eur(j.monatsentgelt) if j.monatsentgelt is not None else "",
            str(j.arbeitstage_im_jahr) if j.arbeitstage_im_jahr is not None else "",
        ]
        for j in a.weitere_beschaeftigungen
    ]
    teile.append(
        _liste(
            ["Arbeitgeber", "Art", "von – bis", "Entgelt/Monat", "Arbeitstage im Jahr"],
            [] if leer else jobs,
            [30, 25, 20, 12, 13],
            leer=2,
        )
    )

    teile.append(Paragraph("7. Aufenthalt und Arbeitserlaubnis (nur außerhalb von EU/EWR/Schweiz)", _ABSCHNITT))
    teile.append(
        _zeile(
            [
                (
                    "Arbeitserlaubnis",
                    w(ARBEITSERLAUBNIS_ARTEN.get(a.arbeitserlaubnis_art, "") if a.arbeitserlaubnis_art else ""),
                    40,
                ),
                ("gültig bis", w(_datum(a.arbeitserlaubnis_bis)), 20),
                ("Beschränkungen", w(a.arbeitserlaubnis_beschraenkung), 40),
            ]
        )
    )

    teile.append(Paragraph("8. Bankverbindung", _ABSCHNITT))
    teile += [
        _zeile([("Kontoinhaber/in", w(a.kontoinhaber), 50), ("Bank", w(a.bank), 50)]),
        _zeile([("IBAN", w(_iban(a.iban)), 65), ("BIC", w(a.bic), 35)]),
    ]

    unterschrift = [
        Spacer(1, 5 * mm),
        Paragraph(
            "Ich versichere, die obenstehenden Angaben wahrheitsgemäß gemacht zu haben. Im Falle einer Einstellung "
            "werden diese Bestandteil des Arbeitsvertrages. Änderungen teile ich unverzüglich mit.",
            _TEXT,
        ),
        Spacer(1, 2 * mm),
        _zeile([("Ort, Datum", "", 40), ("Unterschrift", "", 60)], hoehe=16 * mm),
        Spacer(1, 2 * mm),
        Paragraph(
            "Datenschutz: Die Angaben werden nur für das Arbeitsverhältnis verarbeitet (Art. 6 Abs. 1 lit. b und c "
            "DSGVO, § 26 BDSG). Bewerbungsdaten werden gelöscht, wenn es nicht zu einer Einstellung kommt.",
            _KLEIN,
        ),
    ]
    teile.append(KeepTogether(unterschrift))
    return teile


def _kurz(codes: dict[str, str]) -> dict[str, str]:
    kuerzer = {
        "ohne Schulabschluss": "ohne",
        "Haupt-/Volksschulabschluss": "Hauptschule",
        "Mittlere Reife oder gleichwertiger Abschluss": "Mittlere Reife",
        "Abitur/Fachabitur": "Abitur/Fachabitur",
        "ohne beruflichen Ausbildungsabschluss": "ohne",
        "Abschluss einer anerkannten Berufsausbildung": "Berufsausbildung",
        "Meister-/Techniker- oder gleichwertiger Fachschulabschluss": "Meister/Techniker",
        "Diplom/Magister/Master/Staatsexamen": "Diplom/Master",
        "Abschluss unbekannt": "unbekannt",
    }
    return {code: kuerzer.get(text, text) for code, text in codes.items()}


def _vsnr(nummer: str) -> str:
    n = nummer.replace(" ", "")
    return f"{n[:2]} {n[2:8]} {n[8:9]} {n[9:11]} {n[11:]}" if len(n) == 12 else nummer


def _iban(iban: str) -> str:
    n = iban.replace(" ", "")
    return " ".join(n[i : i + 4] for i in range(0, len(n), 4))


def schreibe_personalbogen(
    ziel: Path,
    daten: AssistenzkraftDaten | None = None,
    *,
    arbeitgeber_name: str = "",
    krankenkasse_name: str = "",
    ueberschreiben: bool = False,
) -> Path:
    """Write the form to `ziel` (blank when `daten` is None) and return the path."""
    name = f" – {daten.name}" if daten is not None else " (Vordruck)"

    def fusszeile(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(SCHRIFT, 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(15 * mm, 9 * mm, einzeilig(f"Personalbogen{name}", A4[0] - 50 * mm))
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, f"Seite {doc.page}")
        canvas.restoreState()

    return schreibe_pdf(
        ziel,
        _inhalt(daten, arbeitgeber_name, krankenkasse_name),
        ueberschreiben=ueberschreiben,
        erste_seite=fusszeile,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=15 * mm,
        title=kuerze(f"Personalbogen{name}", 200),
        author=kuerze(arbeitgeber_name, 200) or "Assistenzbüro",
        subject="Personalbogen (ForseA-Handbuch 2.6.3)",
        creator="Assistenzbüro",
        lang="de-DE",
    )
