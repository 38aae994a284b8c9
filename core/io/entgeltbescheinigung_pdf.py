"""Entgeltbescheinigungen as A4 PDF (reportlab): one page per assistant, net pay and payout at a glance.

The content and its order come from `core.io.entgeltbescheinigung` (EBV § 1, sources there); this module only lays
it out. A draft carries "ENTWURF" in its title and across the page; a correction says so in its title and names the
version it replaces, so that original and corrected payslip can lie side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from core.io.belege_basis import (
    GRAU,
    HELLGRAU,
    ZEHNTEL_MM,
    Laenge,
    absatz,
    baue_pdf,
    eur,
    schriften,
    stil,
    tabellenstil,
)
from core.io.entgeltbescheinigung import Entgeltbescheinigung, Summe

RAND = 140 * ZEHNTEL_MM
OBEN = 100 * ZEHNTEL_MM
BREITE = A4[0] - 2 * RAND
LINIE = 3 * ZEHNTEL_MM
_JN = {True: "J", False: "N"}


def _titel(e: Entgeltbescheinigung) -> str:
    art = "Korrektur der Entgeltbescheinigung" if e.korrektur else "Entgeltbescheinigung"
    titel = f"{art} {e.monat_text}"
    return f"ENTWURF – {titel}" if e.entwurf else titel


def _tabelle(daten: list[list[Any]], breiten: Sequence[Laenge], stil: list[tuple[Any, ...]]) -> Table:
    tabelle = Table(daten, colWidths=list(breiten), repeatRows=1)
    tabelle.setStyle(
        tabellenstil(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5 * ZEHNTEL_MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7 * ZEHNTEL_MM),
                ("LEFTPADDING", (0, 0), (-1, -1), 10 * ZEHNTEL_MM),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10 * ZEHNTEL_MM),
                *stil,
            ]
        )
    )
    return tabelle


def _kopf(e: Entgeltbescheinigung) -> list[Any]:
    """Employer, title, the employee's address block and the payout box beside it."""
    links = [absatz(" · ".join(e.arbeitgeber), "klein"), Spacer(1, 40 * ZEHNTEL_MM)]
    links += [absatz(z, "text") for z in e.empfaenger]
    rechts = _tabelle(
        [
            [absatz("Auszahlungsbetrag", "zelle_fett"), absatz(eur(e.auszahlung), "gross_rechts")],
            [absatz("Nettoentgelt", "zelle"), absatz(eur(e.netto), "zelle_rechts")],
        ],
        [350 * ZEHNTEL_MM, 380 * ZEHNTEL_MM],
        [
            ("BOX", (0, 0), (-1, -1), 10 * ZEHNTEL_MM, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), HELLGRAU),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
    )
    block = Table([[links, rechts]], colWidths=[BREITE - 760 * ZEHNTEL_MM, 760 * ZEHNTEL_MM])
    block.setStyle(tabellenstil([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    teile: list[Any] = [absatz(_titel(e), "titel")]
    unter = "Bescheinigung nach § 108 Absatz 3 Satz 1 der Gewerbeordnung"
    if e.personalnummer:
        unter += f" · Personalnummer {e.personalnummer}"
    teile.append(absatz(unter, "unter"))
    if e.fassung:
        teile.append(absatz(e.fassung, "zelle_fett"))
    teile += [Spacer(1, 20 * ZEHNTEL_MM), block, Spacer(1, 25 * ZEHNTEL_MM)]
    return teile


def _angaben(e: Entgeltbescheinigung) -> Table:
    """§ 1 Abs. 1 EBV, Nr. 1–11 in order, three fields per row (the label small above its value)."""
    zellen: list[Any] = [[absatz(f"{a.nummer}. {a.label}", "label"), absatz(a.wert or "–", "zelle")] for a in e.angaben]
    while len(zellen) % 3:
        zellen.append("")
    daten = [zellen[i : i + 3] for i in range(0, len(zellen), 3)]
    return _tabelle(
        daten,
        [BREITE / 3] * 3,
        [
            ("BOX", (0, 0), (-1, -1), LINIE, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
        ],
    )


def _bezuege(e: Entgeltbescheinigung) -> Table:
    """Abs. 2 Nr. 1: one line per Lohnart. Figures are plain strings (drawn directly: a batch of payslips stays fast);
    only the Lohnart's text is a paragraph, since it may wrap."""
    normal, fett = schriften()
    daten: list[list[Any]] = [["Schl.", "Lohnart", "Menge", "Satz", "Art", "GB", "St", "SV", "Betrag"]]
    for p in e.bezuege:
        daten.append(
            [
                p.schluessel,
                absatz(p.text),
                p.menge,
                p.satz,
                "einm." if p.einmalig else "lfd.",
                _JN[p.gesamtbrutto],
                _JN[p.steuerbrutto],
                _JN[p.sv_brutto],
                eur(p.betrag),
            ]
        )
    if not e.bezuege:
        daten.append(["", "keine Bezüge in diesem Monat", "", "", "", "", "", "", ""])
    breiten = [120, 0, 190, 160, 110, 70, 70, 70, 220]
    spalten = [b * ZEHNTEL_MM for b in breiten]
    spalten[1] = BREITE - sum(spalten)
    return _tabelle(
        daten,
        spalten,
        [
            ("FONT", (0, 0), (-1, 0), fett, 7),
            ("FONT", (0, 1), (-1, -1), normal, 8),
            ("ALIGN", (2, 0), (3, -1), "RIGHT"),
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), LINIE, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GRAU),
            ("LINEBELOW", (0, 1), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
        ],
    )


def _summen(titel: str, zeilen: Sequence[Summe], *, getrennt: bool) -> Table:
    """Totals or deductions: text, laufend, einmalig, amount (the split only where the EBV asks for it)."""
    normal, fett = schriften()
    daten: list[list[Any]] = [[titel, "laufend" if getrennt else "", "einmalig" if getrennt else "", "Betrag"]]
    for s in zeilen:
        text: Any = s.text
        if s.erklaerung:
            text = Paragraph(
                f'{escape(s.text)} <font size="6" color="#555555">({escape(s.erklaerung)})</font>', stil("zelle")
            )
        daten.append([text, eur(s.laufend), eur(s.einmalig), eur(s.betrag)])
    betrag = 220 * ZEHNTEL_MM
    return _tabelle(
        daten,
        [BREITE - 3 * betrag, betrag, betrag, betrag],
        [
            ("FONT", (0, 0), (-1, 0), fett, 7),
            ("FONT", (0, 1), (-1, -1), normal, 8),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), LINIE, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), GRAU),
            ("LINEBELOW", (0, 1), (-1, -1), 2 * ZEHNTEL_MM, GRAU),
        ],
    )


def _ergebniszeile(text: str, betrag: Any, *, gross: bool) -> Table:
    return _tabelle(
        [
            [
                absatz(text, "gross" if gross else "zelle_fett"),
                absatz(eur(betrag), "gross_rechts" if gross else "zelle_rechts_fett"),
            ]
        ],
        [BREITE - 400 * ZEHNTEL_MM, 400 * ZEHNTEL_MM],
        [
            ("BOX", (0, 0), (-1, -1), 10 * ZEHNTEL_MM if gross else LINIE, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), HELLGRAU),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
    )


def _paare(titel: str, paare: Sequence[tuple[str, str]]) -> Table:
    """Label/value pairs in three columns (information for the employee: employer shares, hours, year totals).

    Three, not four: a label column of a quarter page broke "Arbeitslosenversicherung" inside the word.
    """
    normal, fett = schriften()
    zellen: list[list[Any]] = [[absatz(label, "label"), wert] for label, wert in paare]
    while len(zellen) % 3:
        zellen.append(["", ""])
    daten: list[list[Any]] = [[titel, "", "", "", "", ""]]
    daten += [zellen[i] + zellen[i + 1] + zellen[i + 2] for i in range(0, len(zellen), 3)]
    drittel = BREITE / 3
    wert = 200 * ZEHNTEL_MM
    return _tabelle(
        daten,
        [drittel - wert, wert] * 3,
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("FONT", (0, 0), (-1, 0), fett, 7),
            ("FONT", (0, 1), (-1, -1), normal, 7),
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            ("ALIGN", (3, 1), (3, -1), "RIGHT"),
            ("ALIGN", (5, 1), (5, -1), "RIGHT"),
            ("RIGHTPADDING", (1, 1), (1, -1), 8 * ZEHNTEL_MM),
            ("RIGHTPADDING", (3, 1), (3, -1), 8 * ZEHNTEL_MM),
            ("LINEBELOW", (0, 0), (-1, 0), LINIE, colors.black),
            ("TOPPADDING", (0, 1), (-1, -1), 2 * ZEHNTEL_MM),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 2 * ZEHNTEL_MM),
        ],
    )


def seite(e: Entgeltbescheinigung) -> list[Any]:
    """The flowables of one payslip (one A4 page for an ordinary month)."""
    teile = _kopf(e)
    teile += [absatz("Angaben zur Beschäftigung (§ 1 Abs. 1 EBV)", "kopf"), Spacer(1, 10 * ZEHNTEL_MM), _angaben(e)]
    teile += [Spacer(1, 25 * ZEHNTEL_MM), _bezuege(e), Spacer(1, 20 * ZEHNTEL_MM)]
    teile += [_summen("Bruttobeträge (§ 1 Abs. 2 Nr. 2 EBV)", e.summen, getrennt=True), Spacer(1, 20 * ZEHNTEL_MM)]
    teile += [
        KeepTogether(
            [
                _summen("Gesetzliche Abzüge (§ 1 Abs. 2 Nr. 3 EBV)", e.abzuege, getrennt=True),
                Spacer(1, 15 * ZEHNTEL_MM),
                _ergebniszeile("Nettoentgelt", e.netto, gross=False),
            ]
        ),
        Spacer(1, 20 * ZEHNTEL_MM),
    ]
    schluss: list[Any] = []
    if e.weitere:
        schluss += [
            _summen("Weitere Bezüge, Abzüge und Verrechnungen (§ 1 Abs. 2 Nr. 5 und 6 EBV)", e.weitere, getrennt=False),
            Spacer(1, 15 * ZEHNTEL_MM),
        ]
    schluss.append(_ergebniszeile("Auszahlungsbetrag", e.auszahlung, gross=True))
    teile += [KeepTogether(schluss), Spacer(1, 25 * ZEHNTEL_MM)]
    if e.information:
        teile += [_paare("Zur Information", e.information), Spacer(1, 15 * ZEHNTEL_MM)]
    if e.jahreswerte:
        teile += [_paare("Jahressummen bis einschließlich dieses Monats", e.jahreswerte), Spacer(1, 15 * ZEHNTEL_MM)]
    for text in e.hinweise:
        teile.append(absatz(text, "klein"))
    teile.append(
        absatz(
            "GB/St/SV: wirkt auf Gesamtbrutto / Steuerbrutto / SV-Brutto (J = ja, N = nein); lfd. = laufender, "
            "einm. = einmaliger Bezug. Das Kirchensteuermerkmal (Nr. 7) darf geschwärzt werden (§ 2 Abs. 2 EBV).",
            "klein",
        )
    )
    return teile


def _zeichner(titel: str, entwurf: bool, erstellt_am: date) -> Callable[[Any, Any], None]:
    normal, fett = schriften()

    def zeichnen(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        if entwurf:
            canvas.setFont(fett, 90)
            canvas.setFillColor(colors.HexColor("#E6E6E6"))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, "ENTWURF")
            canvas.rotate(-45)
            canvas.translate(-A4[0] / 2, -A4[1] / 2)
        canvas.setFont(normal, 7)
        canvas.setFillColor(colors.black)
        canvas.drawString(RAND, 80 * ZEHNTEL_MM, f"{titel} · erstellt am {erstellt_am:%d.%m.%Y} · Assistenzbüro")
        canvas.drawRightString(RAND + BREITE, 80 * ZEHNTEL_MM, f"Seite {doc.page}")
        canvas.restoreState()

    return zeichnen


def entgeltbescheinigungen_pdf(
    belege: Sequence[Entgeltbescheinigung],
    ziel: Path,
    *,
    erstellt_am: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> None:
    """Write the payslips into one PDF (one for the month, or a single one for one assistant).

    `fortschritt(erledigt, gesamt)` is called after each payslip is laid out (for a progress bar)."""
    inhalt: list[Any] = []
    for nr, e in enumerate(belege, start=1):
        if nr > 1:
            inhalt.append(PageBreak())
        inhalt += seite(e)
        if fortschritt is not None:
            fortschritt(nr, len(belege))
    if not inhalt:
        inhalt.append(absatz("Für diesen Monat gibt es keine Entgeltbescheinigungen.", "text"))
    titel = _titel(belege[0]) if len(belege) == 1 else "Entgeltbescheinigungen"
    if len(belege) > 1:
        titel += f" {belege[0].monat_text}"
    entwurf = any(e.entwurf for e in belege)
    zeichner = _zeichner(titel, entwurf, erstellt_am)

    baue_pdf(
        ziel,
        inhalt,
        seite=A4,
        rand=RAND,
        oben=OBEN,
        unten=120 * ZEHNTEL_MM,
        titel=titel,
        autor=belege[0].arbeitgeber[0] if belege and belege[0].arbeitgeber else "Assistenzbüro",
        zeichner=zeichner,
        ueberschreiben=ueberschreiben,
    )
