"""Export a Kalkulation: Excel in the ForseA layout with live formulas (openpyxl) and a PDF for the application."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import absolute_coordinate
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from core.budget.kalkulation import (
    FELD,
    KalkulationsErgebnis,
    KalkulationsParameter,
    berechne,
    veraltete_saetze,
    wert_mit_einheit,
)
from core.domain.geld import format_eur
from core.fehler import EingabeFehler
from core.io import pdf
from core.io.excel import Formel, schreibe, speichere, text_sicher

GELD = '#,##0.00" €"'
PROZENT_ANTEIL = "0%"
PROZENT_ZAHL = "0.00#"
ZAHL = "#,##0.00"
EINGABE = PatternFill("solid", fgColor="FFFF99")  # the sheet's "gelb unterlegte Felder"
HUNDERT = Decimal(100)
# Line widths in points for the PDF (layout, not money; written as ratios because core/ has no float literals).
ZEHNTEL_MM = mm / 10  # geometry in tenths of a millimetre, like the other PDFs: no float arithmetic in core/
LINIE_DICK = 3 * ZEHNTEL_MM
LINIE_DUENN = ZEHNTEL_MM


@dataclass(frozen=True, slots=True)
class Kopf:
    """What heads every export: the Kalkulation's name, its date, where its figures come from, who applies."""

    name: str
    stand: date
    notiz: str = ""
    antragsteller: tuple[str, ...] = ()  # name, street, postcode and town from the employer's master data


def _zahl(wert: Decimal) -> int | Decimal:
    """openpyxl writes Decimal as a number cell; whole values as int keep the file tidy."""
    return int(wert) if wert == wert.to_integral_value() else wert


def schreibe_xlsx(
    parameter: KalkulationsParameter,
    ziel: Path,
    kopf: Kopf,
    *,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
) -> Path:
    """The ForseA sheet again, cell for cell in its structure (one row for the Zusatzbeitrag added), every computed
    line a formula, inputs yellow *and* named "Eingabe" in column H, explanations in column H and as comments."""
    mappe = Workbook()
    ws = mappe.worksheets[0]
    ws.title = "Kalkulation"
    p = parameter
    fett = Font(bold=True)
    duenn = Side(style="thin")
    z: dict[str, str] = {}  # logical name → cell

    def setze(zelle: str, wert: object, fmt: str | None = None, *, eingabe: bool = False, bold: bool = False) -> None:
        c = schreibe(ws[zelle], wert)  # text stays text (a name like "=1+1"); formulas only as Formel
        if fmt:
            c.number_format = fmt
        if eingabe:
            c.fill = EINGABE
            c.border = Border(left=duenn, right=duenn, top=duenn, bottom=duenn)
        if bold:
            c.font = fett

    def erklaere(zeile: int, text: str, *, eingabe: bool = False) -> None:
        c = schreibe(ws[f"H{zeile}"], ("Eingabe: " if eingabe else "") + text)
        c.alignment = Alignment(wrap_text=True, vertical="top")

    def eingabe(name: str, zelle: str, wert: Decimal, fmt: str, *, anteil: bool = False) -> None:
        setze(zelle, _zahl(wert / HUNDERT) if anteil else _zahl(wert), fmt, eingabe=True)
        z[name] = zelle
        ws[zelle].comment = Comment(FELD[name].erklaerung, "Assistenzbüro", width=320, height=160)

    r = 1
    setze("A1", "Berechnung der durchschnittlichen Lohnkosten", bold=True)
    ws["A1"].font = Font(bold=True, size=14)
    setze("F1", "Version")
    setze("G1", f"{kopf.stand:%d.%m.%Y}")
    setze("A2", f"Kalkulation: {kopf.name}", bold=True)
    r = 3
    setze(
        f"A{r}",
        "Grundlage sind die untenstehenden Parameter. Die gelb unterlegten Felder (in Spalte H mit „Eingabe“ "
        "bezeichnet) sind an Ihre Verhältnisse und die aktuellen Beitragssätze anzupassen; alle anderen Beträge "
        "rechnen mit Formeln.",
    )
    if kopf.notiz:
        r += 1
        setze(f"A{r}", kopf.notiz)
    r += 2
    setze(f"A{r}", "Stundensatz:")
    eingabe("stundensatz", f"C{r}", p.stundensatz, GELD)
    setze(f"F{r}", "Anzahl Tage:")
    eingabe("tage", f"G{r}", p.tage, "0.00")
    erklaere(r, FELD["stundensatz"].erklaerung + " Anzahl Tage: " + FELD["tage"].erklaerung, eingabe=True)
    r += 2
    setze(f"C{r}", "Stunden")
    setze(f"E{r}", "Kosten")
    r += 1
    setze(f"C{r}", "Arbeit I")
    setze(f"D{r}", "Arbeit II")
    r += 1
    eingabe("arbeit1_prozent", f"C{r}", p.arbeit1_prozent, PROZENT_ANTEIL, anteil=True)
    eingabe("arbeit2_prozent", f"D{r}", p.arbeit2_prozent, PROZENT_ANTEIL, anteil=True)
    erklaere(r, FELD["arbeit2_prozent"].erklaerung, eingabe=True)
    r += 1
    setze(f"A{r}", "je Arbeitstag")
    eingabe("arbeit1_stunden", f"C{r}", p.arbeit1_stunden, "0.00")
    eingabe("arbeit2_stunden", f"D{r}", p.arbeit2_stunden, "0.00")
    # Inputs used in many rows' formulas: absolute references ($C$5), so a copied formula keeps pointing at them.
    s, t = absolute_coordinate(z["stundensatz"]), absolute_coordinate(z["tage"])
    a1p, a2p = absolute_coordinate(z["arbeit1_prozent"]), absolute_coordinate(z["arbeit2_prozent"])
    z["je_tag"] = f"E{r}"
    setze(f"E{r}", Formel(f"={s}*(C{r}*{a1p}+D{r}*{a2p})"), GELD)
    erklaere(
        r,
        "Stunden Arbeit I und Arbeit II je Arbeitstag. Kosten je Arbeitstag = Stundensatz × (Stunden × "
        "Bewertung Arbeit I + Stunden × Bewertung Arbeit II).",
        eingabe=True,
    )
    je_tag = absolute_coordinate(z["je_tag"])
    r += 1
    setze(f"A{r}", "Bruttoverdienst im Jahr", bold=True)
    z["brutto"] = f"G{r}"
    setze(f"G{r}", Formel(f"={je_tag}*{t}"), GELD, bold=True)
    erklaere(r, "Kosten je Arbeitstag × Anzahl Tage.")
    r += 2
    setze(f"A{r}", "Einmalbezüge")
    for feld, text in (("urlaubsgeld_prozent", "Urlaubsgeld"), ("weihnachtsgeld_prozent", "Weihnachtsgeld")):
        eingabe(feld, f"B{r}", getattr(p, feld), PROZENT_ANTEIL, anteil=True)
        setze(f"C{r}", text)
        z[text] = f"G{r}"
        setze(f"G{r}", Formel(f"={z['brutto']}/12*B{r}"), GELD)
        erklaere(r, FELD[feld].erklaerung, eingabe=True)
        r += 1
    r += 1
    setze(f"C{r}", "Ursache")
    setze(f"D{r}", "Tage")
    setze(f"E{r}", "€")
    r += 1
    setze(f"A{r}", "kalk. Pauschalen für")
    erste_pauschale = r
    for feld, text in (
        ("krankheit_tage", "Krankheit (kalk.)"),
        ("einarbeitung_tage", "Einarbeitung"),
        ("weiterbildung_tage", "Weiterbildung"),
        ("feiertage_tage", "Feiertage"),
        ("urlaub_tage", "Urlaub"),
    ):
        setze(f"C{r}", text)
        eingabe(feld, f"D{r}", getattr(p, feld), "0.00")
        setze(f"E{r}", Formel(f"=D{r}*{je_tag}"), GELD)
        erklaere(r, FELD[feld].erklaerung, eingabe=True)
        r += 1
    letzte_pauschale = r - 1
    z["krankheit_betrag"] = f"E{erste_pauschale}"
    z["pauschalen"] = f"G{letzte_pauschale}"
    setze(z["pauschalen"], Formel(f"=SUM(E{erste_pauschale}:E{letzte_pauschale})"), GELD)
    r += 1
    setze(f"A{r}", "Bruttolohnkosten", bold=True)
    z["bruttolohnkosten"] = f"G{r}"
    setze(
        f"G{r}", Formel(f"={z['brutto']}+{z['Urlaubsgeld']}+{z['Weihnachtsgeld']}+{z['pauschalen']}"), GELD, bold=True
    )
    erklaere(r, "Bruttoverdienst im Jahr + Urlaubsgeld + Weihnachtsgeld + kalkulatorische Pauschalen.")
    r += 2
    setze(f"A{r}", "Arbeitgeberanteile:")
    setze(f"C{r}", "Art")
    setze(f"D{r}", "Beitrag in %")
    r += 1
    erste_sv = r
    for feld, text in (
        ("kv_prozent", "Krankenversicherung"),
        ("kv_zusatz_prozent", "Zusatzbeitrag Krankenversicherung"),
        ("pv_prozent", "Pflegeversicherung"),
        ("rv_prozent", "Rentenversicherung"),
        ("av_prozent", "Arbeitslosenversicherung"),
    ):
        setze(f"C{r}", text)
        eingabe(feld, f"D{r}", getattr(p, feld), PROZENT_ZAHL)
        erklaere(r, FELD[feld].erklaerung, eingabe=True)
        r += 1
    setze(f"C{r}", "Summe")
    setze(f"D{r}", Formel(f"=SUM(D{erste_sv}:D{r - 1})"), PROZENT_ZAHL)
    summe_sv = r
    r += 1
    setze(f"C{r}", "davon die Hälfte")
    setze(f"D{r}", Formel(f"=D{summe_sv}/2"), PROZENT_ZAHL)
    haelfte = r
    r += 1
    setze(f"B{r}", "Umlage")
    setze(f"C{r}", "U1")
    eingabe("u1_prozent", f"D{r}", p.u1_prozent, PROZENT_ZAHL)
    erklaere(r, FELD["u1_prozent"].erklaerung, eingabe=True)
    r += 1
    setze(f"C{r}", "U2")
    eingabe("u2_prozent", f"D{r}", p.u2_prozent, PROZENT_ZAHL)
    erklaere(r, FELD["u2_prozent"].erklaerung, eingabe=True)
    r += 1
    setze(f"C{r}", "Arbeitgeberanteil in %")
    setze(f"D{r}", Formel(f"=D{haelfte}+{z['u1_prozent']}+{z['u2_prozent']}"), PROZENT_ZAHL)
    ag_prozent = r
    erklaere(r, "Die Hälfte der Beitragssätze + Umlage U1 + Umlage U2.")
    r += 1
    setze(f"C{r}", "Arbeitgeberanteil in €", bold=True)
    z["ag"] = f"G{r}"
    setze(f"G{r}", Formel(f"={z['bruttolohnkosten']}*D{ag_prozent}/100"), GELD, bold=True)
    erklaere(r, "Bruttolohnkosten × Arbeitgeberanteil in %.")
    r += 2
    setze(f"A{r}", "Steuer- und sozialversicherungsfreie Zuschläge", bold=True)
    r += 1
    setze(f"C{r}", "Stunden")
    setze(f"D{r}", "Zuschlag")
    setze(f"E{r}", "Betrag")
    r += 1
    erste_zuschlag = r
    for art, text, gewicht, siebtel in (
        ("nacht_arbeit1", "Nacht Arbeit I", a1p, False),
        ("nacht_arbeit2", "Nacht Arbeit II", a2p, False),
        ("sonntag_arbeit1", "Sonntag Arbeit I", a1p, True),
        ("sonntag_arbeit2", "Sonntag Arbeit II", a2p, True),
    ):
        setze(f"A{r}", text)
        eingabe(f"{art}_stunden", f"C{r}", getattr(p, f"{art}_stunden"), "0.00")
        eingabe(f"{art}_zuschlag_prozent", f"D{r}", getattr(p, f"{art}_zuschlag_prozent"), PROZENT_ANTEIL, anteil=True)
        formel = Formel(f"=C{r}*{s}*{gewicht}*D{r}*{t}" + ("/7" if siebtel else ""))
        setze(f"E{r}", formel, GELD)
        erklaere(r, FELD[f"{art}_stunden"].erklaerung, eingabe=True)
        r += 1
    z["zuschlaege"] = f"G{r - 1}"
    setze(z["zuschlaege"], Formel(f"=SUM(E{erste_zuschlag}:E{r - 1})"), GELD)
    r += 1
    setze(f"A{r}", "./. Erstattung der fiktiven Lohnfortzahlungskosten in %")
    eingabe("erstattung_prozent", f"D{r}", p.erstattung_prozent, PROZENT_ANTEIL, anteil=True)
    z["erstattung"] = f"G{r}"
    setze(f"G{r}", Formel(f"=-{z['krankheit_betrag']}*D{r}"), GELD)
    erklaere(r, FELD["erstattung_prozent"].erklaerung, eingabe=True)
    r += 1
    erste_sonstige = r
    for feld, text in (
        ("berufsgenossenschaft", "Berufsgenossenschaft ca."),
        ("unterkunft", "Unterkunftskosten"),
        ("regiekosten", "Regiekosten (pauschaliert ohne Nachweise)"),
        ("lohnabrechnung", "Steuerberater (Kosten für Lohnabrechnung)"),
        ("begleitperson", "Kosten der Begleitperson (gem. §§ 22, 23 EHVO; heute Teil der Eingliederungshilfe)"),
        ("beratung", "Beratung und Unterstützung ca."),
    ):
        setze(f"A{r}", text)
        eingabe(feld, f"E{r}", getattr(p, feld), GELD)
        erklaere(r, FELD[feld].erklaerung, eingabe=True)
        r += 1
    z["sonstige"] = f"G{r - 1}"
    setze(z["sonstige"], Formel(f"=SUM(E{erste_sonstige}:E{r - 1})"), GELD)
    r += 1
    setze(f"A{r}", "Gesamtkosten im Jahr", bold=True)
    z["gesamt"] = f"G{r}"
    setze(
        f"G{r}",
        Formel(f"={z['bruttolohnkosten']}+{z['ag']}+{z['zuschlaege']}+{z['erstattung']}+{z['sonstige']}"),
        GELD,
        bold=True,
    )
    erklaere(r, "Bruttolohnkosten + Arbeitgeberanteil + Zuschläge − Erstattung + sonstige Kosten.")
    r += 1
    setze(f"A{r}", "umgerechnet auf den Monat", bold=True)
    z["monat"] = f"G{r}"
    setze(f"G{r}", Formel(f"={z['gesamt']}/12"), GELD, bold=True)
    erklaere(r, "Gesamtkosten im Jahr ÷ 12.")
    r += 1
    setze(f"A{r}", "umgerechnet auf die Stunde", bold=True)
    z["stunde"] = f"G{r}"
    setze(f"G{r}", Formel(f"={z['gesamt']}/({t}*24)"), GELD, bold=True)
    erklaere(r, "Gesamtkosten im Jahr ÷ (Anzahl Tage × 24).")

    for spalte, breite in zip("ABCDEFGH", (44, 9, 22, 13, 14, 12, 16, 90), strict=True):
        ws.column_dimensions[spalte].width = breite
    ws.freeze_panes = "A2"
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    mappe.properties.title = text_sicher(f"Kostenkalkulation {kopf.name}")[:200]
    mappe.properties.creator = "Assistenzbüro"
    return speichere(mappe, ziel, ueberschreiben=ueberschreiben, eingaben=eingaben)


# ---------------------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------------------
def _pdf_text(text: str) -> str:
    return pdf.markup(text)


def schreibe_kalkulation_pdf(
    parameter: KalkulationsParameter,
    ziel: Path,
    kopf: Kopf,
    *,
    gedruckt_am: date,
    ergebnis: KalkulationsErgebnis | None = None,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
) -> Path:
    """A4 PDF for the application: totals first, then every line with its explanation, then the inputs."""
    ergebnis = ergebnis or berechne(parameter)
    stile = pdf.standardstile()
    normal = pdf.stil("normal", parent=stile["BodyText"], fontSize=9, leading=11)
    klein = pdf.stil("klein", parent=normal, fontSize=8, leading=10)
    rechts = pdf.stil("rechts", parent=normal, alignment=TA_RIGHT)
    rechts_fett = pdf.stil("rechts_fett", fett=True, parent=rechts)
    fett = pdf.stil("fett", fett=True, parent=normal)

    inhalt: list[Flowable] = [
        Paragraph(_pdf_text("Kostenkalkulation der persönlichen Assistenz"), stile["Title"]),
        Paragraph(_pdf_text(f"„{pdf.kuerze(kopf.name, 200)}“ – Stand {kopf.stand:%d.%m.%Y}"), stile["Heading2"]),
        Paragraph(
            _pdf_text(
                "Berechnung der durchschnittlichen Lohnkosten im Arbeitgebermodell nach dem Muster der ForseA "
                "(„Berechnung der durchschnittlichen Lohnkosten“)."
            ),
            normal,
        ),
    ]
    # who applies: a sheet handed to the Kostenträger without a name is no application; blank lines to fill in
    # by hand when the master data has none
    anschrift = ", ".join(pdf.kuerze(z, 200) for z in kopf.antragsteller if z.strip())
    inhalt += [
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>Antragsteller/in:</b> "
            + (_pdf_text(anschrift) if anschrift else "______________________________________ (Name und Anschrift)"),
            normal,
        ),
    ]
    if kopf.notiz:
        inhalt += [Spacer(1, 2 * mm), Paragraph(_pdf_text(kopf.notiz), klein)]
    # outdated rates are named before any figure, in words and framed (never by colour alone); compared with the
    # year the sheet is for or, if that has passed, the year it is printed in
    veraltet = veraltete_saetze(parameter, max(kopf.stand, gedruckt_am))
    if veraltet is not None:
        warnung = Table([[Paragraph("<b>Achtung:</b> " + _pdf_text(veraltet.text), normal)]], colWidths=[180 * mm])
        warnung.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), LINIE_DICK, colors.black)]))
        inhalt += [Spacer(1, 3 * mm), warnung]
    inhalt.append(Spacer(1, 4 * mm))

    summen = ergebnis.summen()
    kurz = [
        ("Gesamtkosten im Jahr", summen["gesamtkosten_jahr"]),
        ("umgerechnet auf den Monat", summen["gesamtkosten_monat"]),
        ("umgerechnet auf die Stunde", summen["gesamtkosten_stunde"]),
    ]
    kurz_tabelle = Table(
        [[Paragraph(_pdf_text(t), fett), Paragraph(format_eur(b), rechts_fett)] for t, b in kurz],
        colWidths=[90 * mm, 40 * mm],
        hAlign="LEFT",
    )
    kurz_tabelle.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), LINIE_DICK, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    inhalt += [kurz_tabelle, Spacer(1, 5 * mm), Paragraph("Berechnung Zeile für Zeile", stile["Heading3"])]

    zeilen = [
        [
            Paragraph("<b>Posten</b>", normal),
            Paragraph("<b>Betrag</b>", rechts),
            Paragraph("<b>Erläuterung</b>", normal),
        ]
    ]
    summenzeilen = []
    for z in ergebnis.zeilen:
        stil = rechts_fett if z.summe else rechts
        zeilen.append(
            [
                Paragraph(_pdf_text(z.bezeichnung), fett if z.summe else normal),
                Paragraph(_pdf_text(wert_mit_einheit(z.betrag_gerundet, z.einheit)), stil),
                Paragraph(_pdf_text(z.erklaerung), klein),
            ]
        )
        if z.summe:
            summenzeilen.append(len(zeilen) - 1)
    tabelle = Table(zeilen, colWidths=[52 * mm, 28 * mm, 100 * mm], repeatRows=1)
    stil_befehle: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), LINIE_DICK, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), LINIE_DUENN, colors.grey),
    ]
    for i in summenzeilen:  # subtotals: a rule above, bold text (never shading alone)
        stil_befehle.append(("LINEABOVE", (0, i), (-1, i), LINIE_DICK, colors.black))
    tabelle.setStyle(TableStyle(stil_befehle))
    inhalt.append(tabelle)

    inhalt += [Spacer(1, 5 * mm), Paragraph("Eingaben", stile["Heading3"])]
    eingabe_zeilen = [
        [Paragraph("<b>Angabe</b>", normal), Paragraph("<b>Wert</b>", rechts), Paragraph("<b>Erläuterung</b>", normal)]
    ]
    for feld in FELD.values():
        eingabe_zeilen.append(
            [
                Paragraph(_pdf_text(feld.bezeichnung), normal),
                Paragraph(_pdf_text(wert_mit_einheit(getattr(parameter, feld.schluessel), feld.einheit)), rechts),
                Paragraph(_pdf_text(feld.erklaerung), klein),
            ]
        )
    eingabe_tabelle = Table(eingabe_zeilen, colWidths=[52 * mm, 28 * mm, 100 * mm], repeatRows=1)
    eingabe_tabelle.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), LINIE_DICK, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), LINIE_DUENN, colors.grey),
            ]
        )
    )
    inhalt.append(eingabe_tabelle)
    if ergebnis.hinweise:
        inhalt += [Spacer(1, 4 * mm), Paragraph("Hinweise", stile["Heading3"])]
        inhalt += [Paragraph(_pdf_text(h.text), normal) for h in ergebnis.hinweise]
    inhalt.append(
        KeepTogether(
            [
                Spacer(1, 6 * mm),
                Paragraph(
                    _pdf_text(
                        "Alle Beträge sind exakt gerechnet und erst für die Anzeige auf volle Cent gerundet; "
                        "deshalb kann eine Summe um einen Cent von der Summe der angezeigten Zeilen abweichen."
                    ),
                    klein,
                ),
            ]
        )
    )

    def fusszeile(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(pdf.SCHRIFT, 8)  # type: ignore[attr-defined]
        canvas.drawString(  # type: ignore[attr-defined]
            20 * mm,
            10 * mm,
            pdf.einzeilig(
                f"Kostenkalkulation „{kopf.name}“ – gedruckt am {gedruckt_am:%d.%m.%Y} – Assistenzbüro", 150 * mm
            ),
        )
        canvas.drawRightString(190 * mm, 10 * mm, f"Seite {doc.page}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    return pdf.schreibe_pdf(
        ziel,
        inhalt,
        ueberschreiben=ueberschreiben,
        eingaben=eingaben,
        erste_seite=fusszeile,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=pdf.kuerze(f"Kostenkalkulation {kopf.name}", 200),
        author="Assistenzbüro",
        subject="Berechnung der durchschnittlichen Lohnkosten",
        lang="de-DE",
    )


def exportiere_datei(
    parameter: KalkulationsParameter,
    ziel: Path,
    kopf: Kopf,
    *,
    gedruckt_am: date,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
) -> Path:
    """Pick the format by the file extension (.xlsx or .pdf), as the CLI contract for exports does."""
    endung = ziel.suffix.lower()
    if endung == ".xlsx":
        return schreibe_xlsx(parameter, ziel, kopf, ueberschreiben=ueberschreiben, eingaben=eingaben)
    if endung == ".pdf":
        return schreibe_kalkulation_pdf(
            parameter, ziel, kopf, gedruckt_am=gedruckt_am, ueberschreiben=ueberschreiben, eingaben=eingaben
        )
    raise EingabeFehler(
        f"„{ziel.name}“: Die Kalkulation kann als .xlsx oder .pdf ausgegeben werden, nicht als „{endung}“."
    )
