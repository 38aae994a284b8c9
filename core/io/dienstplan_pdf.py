"""Dienstplan (A4 landscape, month) and Stundenzettel (A4, seed 004 2.5) as PDF with reportlab."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from core.dienstplan.abwesenheit import Abwesenheitsart
from core.dienstplan.monat import Monatsplan
from core.dienstplan.raster import WEITERE
from core.dienstplan.stundenzettel import Stundenzettel
from core.dienstplan.tage import monatsname
from core.dienstplan.verguetung import std
from core.domain.kalender import BUNDESLAENDER
from core.io.pdf import SCHRIFT, absatz, einzeilig, kuerze, schreibe_pdf, stil

ZEHNTEL_MM = mm / 10  # geometry in tenths of a millimetre: no float literals in core/
GRAU = colors.HexColor("#DDDDDD")
HELLGRAU = colors.HexColor("#F0F0F0")
DUNKEL = colors.HexColor("#444444")

ZAHLSPALTE = 300 * ZEHNTEL_MM  # an hours column beside the Leistungsart (fits "gearbeitet bis 03.12.")
NAME = 200  # characters of a name in a header or cell: more never fits beside the rest of the page

_TITEL = stil("titel", fett=True, fontSize=15, leading=18)
_UNTER = stil("unter", fontSize=9, leading=11, textColor=DUNKEL)
_ZELLE = stil("zelle", fontSize=8, leading=9)
_ZELLE_FETT = stil("zelle_fett", fett=True, parent=_ZELLE)
_ZELLE_RECHTS = stil("zelle_rechts", parent=_ZELLE, alignment=TA_RIGHT)
_KOPF_RECHTS = stil("kopf_rechts", fett=True, parent=_ZELLE_RECHTS)
_KOPF = stil("kopf", fett=True, fontSize=8, leading=9)
_LEGENDE = stil("legende", fontSize=7, leading=9, textColor=DUNKEL)
_ZELLE_GROSS = stil("zelle_gross", fontSize=10, leading=12)
_KOPF_KLEIN = stil("kopf_klein", fett=True, fontSize=7, leading=8)


def _p(text: str, stil: ParagraphStyle = _ZELLE) -> Paragraph:
    return absatz(text, stil)


def _fusszeile(text: str) -> Any:
    def zeichnen(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(SCHRIFT, 7)
        canvas.setFillColor(DUNKEL)
        canvas.drawString(doc.leftMargin, 60 * ZEHNTEL_MM, einzeilig(text, doc.width - 80, groesse=7))
        canvas.drawRightString(doc.leftMargin + doc.width, 60 * ZEHNTEL_MM, f"Seite {doc.page}")
        canvas.restoreState()

    return zeichnen


def _legende_abwesenheit() -> str:
    return "; ".join(f"{a.kurz} = {a.bezeichnung}" for a in Abwesenheitsart)


# --- Dienstplan -------------------------------------------------------------------------------------------------


def dienstplan_pdf(plan: Monatsplan, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    """The month as the seed's printed plan: days × shift columns with names, absences in the cell text
    ("(Jörg Url.) Sabine"), holidays and weekends named (and shaded), legend, "gedruckt am"."""
    seite = landscape(A4)
    rand = 100 * ZEHNTEL_MM
    breite = seite[0] - 2 * rand
    spalten = plan.raster.spalten
    kopf: list[Any] = [_p(f"Tag\n{monatsname(plan.jahr, plan.monat)}", _KOPF)]
    for i, sp in enumerate(spalten, start=1):
        titel = f"{i}. Schicht: {sp.titel}" if sp.schluessel != WEITERE else sp.titel
        kopf.append(_p(f"{titel}\n{sp.zeiten}" if sp.zeiten else titel, _KOPF))
    kopf.append(_p("Bemerkungen (Feiertage, Abwesenheiten, offener Bedarf)", _KOPF))
    daten: list[list[Any]] = [kopf]
    stil: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 3 * ZEHNTEL_MM, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), GRAU),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5 * ZEHNTEL_MM),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * ZEHNTEL_MM),
        ("LEFTPADDING", (0, 0), (-1, -1), 12 * ZEHNTEL_MM),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12 * ZEHNTEL_MM),
    ]
    for zeile_nr, zeile in enumerate(plan.raster.zeilen, start=1):
        info = zeile.info
        besonders = info.wochenende or info.feiertag is not None
        tagstil = _ZELLE_FETT if besonders else _ZELLE
        daten.append(
            [_p(f"{info.wochentag_kurz.upper()} {info.tag.day}.", tagstil)]
            + [_p(zeile.zelltext_druck(sp.schluessel)) for sp in spalten]
            + [_p(zeile.bemerkung)]
        )
        if besonders:
            stil.append(("BACKGROUND", (0, zeile_nr), (-1, zeile_nr), HELLGRAU))
    tag_breite = 210 * ZEHNTEL_MM  # "September" in bold DejaVu fits without breaking the word
    bemerkung_breite = 700 * ZEHNTEL_MM
    rest = (breite - tag_breite - bemerkung_breite) / max(1, len(spalten))
    tabelle = Table(daten, colWidths=[tag_breite, *([rest] * len(spalten)), bemerkung_breite], repeatRows=1)
    tabelle.setStyle(TableStyle(stil))

    land = BUNDESLAENDER.get(plan.land, plan.land)
    unter = f"Arbeitgeberin: {kuerze(plan.arbeitgeber, NAME)}" if plan.arbeitgeber else ""
    unter += f"{' · ' if unter else ''}Feiertage: {land}"
    legende = [
        "Schichten: " + "; ".join(f"{sp.titel} {sp.zeiten}" for sp in spalten if sp.zeiten) + ".",
        "„(Jörg Url.) Sabine“: Jörg hat Urlaub, Sabine vertritt ihn. „Vertretung fehlt“: Schicht ohne Vertretung.",
        "Abkürzungen: " + _legende_abwesenheit() + ".",
        "Wochenenden und Feiertage sind fett gedruckt und grau hinterlegt; Feiertage stehen unter Bemerkungen. "
        "24.12. und 31.12. sind keine gesetzlichen Feiertage, werden aber genannt.",
    ]
    inhalt = [
        _p(plan.titel, _TITEL),
        _p(unter, _UNTER),
        Spacer(1, 30 * ZEHNTEL_MM),
        tabelle,
        Spacer(1, 25 * ZEHNTEL_MM),
        *[_p(z, _LEGENDE) for z in legende],
    ]
    fuss = _fusszeile(f"{plan.titel} · gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro")
    schreibe_pdf(
        ziel,
        inhalt,
        ueberschreiben=ueberschreiben,
        erste_seite=fuss,
        pagesize=seite,
        leftMargin=rand,
        rightMargin=rand,
        topMargin=rand,
        bottomMargin=120 * ZEHNTEL_MM,
        title=plan.titel,
        author=kuerze(plan.arbeitgeber, NAME) or "Assistenzbüro",
        subject=f"Dienstplan {monatsname(plan.jahr, plan.monat)}",
        creator="Assistenzbüro",
    )


# --- Stundenzettel ----------------------------------------------------------------------------------------------


def _std(wert: Decimal) -> str:
    return std(wert) if wert else ""


def stundenzettel_zeilen(zettel: Stundenzettel) -> list[list[str]]:
    """Rows of the timesheet table (shared by PDF and Excel): seed 004, 2.5 plus plan and remarks.

    Columns: Datum, geplant, Zeit 1 von/bis/Stunden, Zeit 2 von/bis/Stunden, Gesamtstunden, davon Bereitschaft,
    Bemerkung. A day with more than two times gets a continuation row.
    """
    zeilen: list[list[str]] = []
    for z in zettel.zeilen:
        plan = "\n".join(f"{s.von_text}–{s.bis_text}" for s in z.plan)
        ist = list(z.ist)
        paare = [ist[i : i + 2] for i in range(0, len(ist), 2)] or [[]]
        for nr, paar in enumerate(paare):
            zellen = [f"{z.tag:%d.%m.}" if nr == 0 else "", plan if nr == 0 else ""]
            for spanne in [*paar, None, None][:2]:
                if spanne is None:
                    zellen += ["", "", ""]
                else:
                    zellen += [spanne.von_text, spanne.bis_text, std(spanne.stunden)]
            if nr == 0:
                zellen += [_std(z.ist_stunden), _std(z.ist_bereitschaft), z.bemerkung]
            else:
                zellen += ["", "", "(Fortsetzung)"]
            zeilen.append(zellen)
    return zeilen


KOPF_STUNDENZETTEL = [
    "Datum",
    "geplant",
    "Zeit 1\nvon",
    "Zeit 1\nbis Uhr",
    "Zeit 1\nStunden",
    "Zeit 2\nvon",
    "Zeit 2\nbis Uhr",
    "Zeit 2\nStunden",
    "Gesamt-\nstunden",
    "davon\nBereit-\nschaft",
    "Bemerkung",
]


def summenzeile(zettel: Stundenzettel) -> str:
    """The sum row's label: while the month runs, the sum counts the days up to the timesheet's Stand only."""
    if zettel.vorlaeufig and zettel.stand is not None:
        return f"Summe der bezahlten Stunden bis {zettel.stand:%d.%m.%Y}"
    return "Summe der bezahlten Stunden"


def standtext(zettel: Stundenzettel) -> str:
    """A running month in words (empty once it is over): worked so far and still planned kept apart."""
    if not zettel.vorlaeufig or zettel.stand is None:
        return ""
    return (
        f"Vorläufig, Stand {zettel.stand:%d.%m.%Y}: gearbeitet bis heute {std(zettel.summe_ist)} Stunden, "
        f"noch geplant {std(zettel.noch_geplant)} Stunden. Tage nach dem {zettel.stand:%d.%m.} sind nur geplant "
        "(„noch nicht gearbeitet“); bitte erst nach dem Monatsende unterschreiben."
    )


def leistungsart_zeilen(zettel: Stundenzettel) -> list[list[str]]:
    """Header and one row per Leistungsart/Kostenträger (empty when no shift carries one); PDF and Excel."""
    if not zettel.je_leistungsart:
        return []
    if zettel.vorlaeufig and zettel.stand is not None:
        kopf = ["Stunden nach Leistungsart (Kostenträger)", f"gearbeitet bis {zettel.stand:%d.%m.}", "noch geplant"]
        return [kopf, *([a.bezeichnung, std(a.gearbeitet), std(a.geplant)] for a in zettel.je_leistungsart)]
    kopf = ["Stunden nach Leistungsart (Kostenträger)", "gearbeitet"]
    return [kopf, *([a.bezeichnung, std(a.gearbeitet)] for a in zettel.je_leistungsart)]


def summentext(zettel: Stundenzettel) -> str:
    arbeit = zettel.summe_ist - zettel.summe_bereitschaft
    if zettel.summe_bereitschaft:
        return (
            f"Arbeit {std(arbeit)} + Bereitschaft {std(zettel.summe_bereitschaft)} × "
            f"{std(zettel.bereitschaft_prozent)} % = {std(zettel.summe_bezahlt)}"
        )
    return std(zettel.summe_bezahlt)


def stundenzettel_pdf(
    zettel_liste: Sequence[Stundenzettel], ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False
) -> None:
    """One A4 page per assistant in the layout of seed 004, 2.5; actual times (else the plan, marked)."""
    rand = 120 * ZEHNTEL_MM
    titel = "Stundenzettel"
    if zettel_liste:
        titel = f"Stundenzettel {monatsname(zettel_liste[0].jahr, zettel_liste[0].monat)}"
    breite = A4[0] - 2 * rand
    inhalt: list[Any] = []
    for nr, zettel in enumerate(zettel_liste):
        if nr:
            inhalt.append(PageBreak())
        kopf = [
            [
                _p("Name des Assistenten/ der Assistentin:", _UNTER),
                _p(f"Stundenzettel für den Monat {monatsname(zettel.jahr, zettel.monat)}", _TITEL),
                _p("Arbeitgeberin:", _UNTER),
            ],
            [_p(kuerze(zettel.name, NAME), _ZELLE_GROSS), "", _p(kuerze(zettel.arbeitgeber, NAME), _ZELLE_GROSS)],
        ]
        kopf_tabelle = Table(kopf, colWidths=[breite * 3 / 10, breite * 4 / 10, breite * 3 / 10])
        kopf_tabelle.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("SPAN", (1, 0), (1, 1))]))
        daten: list[list[Any]] = [[_p(k, _KOPF_KLEIN) for k in KOPF_STUNDENZETTEL]]
        stand, arten = standtext(zettel), leistungsart_zeilen(zettel)
        # rows tall enough to write in by hand (the seed's form is filled in on paper); a little lower when the
        # Stand and the hours per Leistungsart need room too, so that one person still fits one sheet of paper
        polster = (8 if stand or arten else 13) * ZEHNTEL_MM
        stil: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 3 * ZEHNTEL_MM, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GRAU),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 1), (-1, -1), polster),
            ("BOTTOMPADDING", (0, 1), (-1, -1), polster),
            ("LEFTPADDING", (0, 0), (-1, -1), 8 * ZEHNTEL_MM),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8 * ZEHNTEL_MM),
        ]
        tage = {f"{z.tag:%d.%m.}": z for z in zettel.zeilen}
        for zeilen_nr, zellen in enumerate(stundenzettel_zeilen(zettel), start=1):
            tag = tage.get(zellen[0])
            fett = tag is not None and (tag.info.wochenende or tag.info.feiertag is not None)
            daten.append([_p(zellen[0], _ZELLE_FETT if fett else _ZELLE), *[_p(c) for c in zellen[1:]]])
            if fett:
                stil.append(("BACKGROUND", (0, zeilen_nr), (-1, zeilen_nr), HELLGRAU))
        daten.append([_p(summenzeile(zettel), _KOPF), "", "", "", "", "", "", "", _p(summentext(zettel), _KOPF)])
        letzte = len(daten) - 1
        stil += [("SPAN", (0, letzte), (7, letzte)), ("SPAN", (8, letzte), (-1, letzte))]
        w = [125, 200, 105, 110, 140, 105, 110, 140, 140, 125]  # "Stunden" in bold DejaVu fits one line
        spalten = [x * ZEHNTEL_MM for x in w]
        spalten.append(breite - sum(spalten))
        tabelle = Table(daten, colWidths=spalten, repeatRows=1)
        tabelle.setStyle(TableStyle(stil))
        unterschrift = Table(
            [
                ["", "", ""],
                [
                    _p("Datum, Unterschrift Assistent/in", _LEGENDE),
                    "",
                    _p("Datum, Unterschrift Arbeitgeberin", _LEGENDE),
                ],
            ],
            colWidths=[breite * 45 / 100, breite / 10, breite * 45 / 100],
            rowHeights=[100 * ZEHNTEL_MM, None],
        )
        unterschrift.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (0, 0), 3 * ZEHNTEL_MM, colors.black),
                    ("LINEBELOW", (2, 0), (2, 0), 3 * ZEHNTEL_MM, colors.black),
                ]
            )
        )
        inhalt += [kopf_tabelle, Spacer(1, 30 * ZEHNTEL_MM)]
        if stand:  # before the table: a running month is no timesheet to sign yet
            inhalt += [_p(stand, _ZELLE_FETT), Spacer(1, 15 * ZEHNTEL_MM)]
        inhalt += [tabelle, Spacer(1, 15 * ZEHNTEL_MM)]
        if arten:
            art_tabelle = Table(
                [
                    [
                        _p(c, (_KOPF if i == 0 else _ZELLE) if s == 0 else (_KOPF_RECHTS if i == 0 else _ZELLE_RECHTS))
                        for s, c in enumerate(zeile)
                    ]
                    for i, zeile in enumerate(arten)
                ],
                colWidths=[breite - (len(arten[0]) - 1) * ZAHLSPALTE, *[ZAHLSPALTE] * (len(arten[0]) - 1)],
                repeatRows=1,
            )
            art_tabelle.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 3 * ZEHNTEL_MM, colors.black),
                        ("BACKGROUND", (0, 0), (-1, 0), GRAU),
                    ]
                )
            )
            inhalt += [art_tabelle, Spacer(1, 15 * ZEHNTEL_MM)]
        inhalt += [
            _p(
                "„geplant“: Zeiten laut Dienstplan. Zeit 1/Zeit 2: tatsächlich gearbeitet; „wie geplant“: noch keine "
                "abweichende Zeit erfasst; „noch nicht gearbeitet“: der Tag liegt nach dem Stand. Bezahlte "
                "Stunden: Arbeit voll, Bereitschaft mit der vereinbarten "
                f"Gewichtung ({std(zettel.bereitschaft_prozent)} %). Schichten über Mitternacht sind auf die "
                "Kalendertage aufgeteilt.",
                _LEGENDE,
            ),
            unterschrift,
        ]
    if not inhalt:
        inhalt.append(_p("Keine Stundenzettel für diesen Monat.", _UNTER))
    fuss = _fusszeile(f"{titel} · gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro")
    schreibe_pdf(
        ziel,
        inhalt,
        ueberschreiben=ueberschreiben,
        erste_seite=fuss,
        pagesize=A4,
        leftMargin=rand,
        rightMargin=rand,
        topMargin=rand,
        bottomMargin=rand,
        title=titel,
        creator="Assistenzbüro",
    )
