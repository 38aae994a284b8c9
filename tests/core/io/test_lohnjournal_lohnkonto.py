"""Lohnjournal (assistants × Lohnarten, month and year to date) and Lohnkonto (§ 41 EStG, § 4 LStDV) as PDF and Excel.

What the Lohnkonto must record: § 41 Abs. 1 EStG and § 4 Abs. 1 and 2 LStDV (gesetze-im-internet.de/estg/__41.html,
gesetze-im-internet.de/lstdv/__4.html). Excel: amounts are numbers with the German € format, each person's values
are values (a reader without a spreadsheet engine sees them), totals are SUM formulas; A4, one page wide.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.abrechnung.modell import Jahreswerte, Vorgeschichte
from core.abrechnung.rechnen import berechne
from core.io.belegdaten import Beleggrundlage, Fassung, Monatsbelege
from core.io.belege_basis import FORMAT_EUR
from core.io.lohnjournal import lohnjournal
from core.io.lohnjournal_pdf import lohnjournal_pdf
from core.io.lohnjournal_xlsx import lohnjournal_xlsx
from core.io.lohnkonto import lohnkonto
from core.io.lohnkonto_pdf import lohnkonten_pdf
from core.io.lohnkonto_xlsx import lohnkonten_xlsx
from tests.core.io.belege_hilfe import ARBEITGEBERIN, monat, norm, pdf_text, person, szenario

SZENARIEN = ("sv_pflichtig_nacht_sonntag", "minijob_privathaushalt", "midijob", "krank_lohnausfall")


def team() -> Monatsbelege:
    """Four assistants of March 2026 (one scenario each), computed by the payroll calculation."""
    eintraege = tuple(g for name in SZENARIEN for g in monat(szenario(name)).eintraege)
    return Monatsbelege(2026, 3, ARBEITGEBERIN, eintraege)


def im_monat(name: str, nummer: int) -> dict[str, Any]:
    """A scenario moved from March to another month of 2026 (all its dates shifted)."""
    daten = szenario(name)
    daten = json.loads(json.dumps(daten).replace("2026-03-", f"2026-{nummer:02d}-"))
    daten["monat"] = nummer
    return daten


def test_journal_eine_spalte_je_assistenzkraft(tmp_path: Path) -> None:
    belege = team()
    journal = lohnjournal(belege)
    assert [p.personalnummer for p in journal.personen] == [g.personalnummer for g in belege.eintraege]
    monat_teil, jahr_teil = journal.teile
    zeilen = {z.text: z for z in monat_teil.zeilen}
    ergebnisse = [g.ergebnis for g in belege.eintraege]
    assert list(zeilen["Gesamtbrutto (Arbeitslohn)"].werte) == [e.brutto for e in ergebnisse]
    assert list(zeilen["Auszahlungsbetrag"].werte) == [e.auszahlung for e in ergebnisse]
    assert zeilen["Auszahlungsbetrag"].summe == sum((e.auszahlung for e in ergebnisse), Decimal(0))
    # every payslip line of every assistant is in the journal, under its Lohnart
    for i, e in enumerate(ergebnisse):
        for la in e.lohnarten:
            assert any(z.schluessel == la.schluessel and z.werte[i] is not None for z in monat_teil.zeilen)
    lohnarten = [z for z in monat_teil.zeilen if z.abschnitt == "lohnart"]
    for i, e in enumerate(ergebnisse):
        assert sum((z.werte[i] or Decimal(0) for z in lohnarten), Decimal(0)) == e.brutto
    # the absence's dates are not part of the journal row ("Entgeltfortzahlung Krankheit 08.03." → one row)
    assert "Entgeltfortzahlung Krankheit" in zeilen
    jahr = {z.text: z for z in jahr_teil.zeilen}
    assert list(jahr["Lohnsteuer"].werte) == [e.jahreswerte.lohnsteuer for e in ergebnisse]
    ziel = tmp_path / "journal.pdf"
    lohnjournal_pdf(journal, ziel, gedruckt_am=date(2026, 4, 1))
    text = " ".join(pdf_text(ziel))
    assert "Lohnjournal März 2026" in text and "Januar bis März 2026" in text
    assert (
        norm(f"{zeilen['Auszahlungsbetrag'].summe:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")) in text
    )


def test_journal_jahr_mit_lohnarten_der_vormonate() -> None:
    maerz = monat(szenario("midijob"))
    februar = monat(im_monat("midijob", 2))
    journal = lohnjournal(maerz, [februar])
    arbeit = next(z for z in journal.teile[1].zeilen if z.schluessel == "1000")
    erwartet = sum(
        (la.betrag for m in (maerz, februar) for la in m.eintraege[0].ergebnis.lohnarten if la.schluessel == "1000"),
        Decimal(0),
    )
    assert arbeit.werte == (erwartet,)


def test_journal_excel_zahlen_werte_und_summenformeln(tmp_path: Path) -> None:
    belege = team()
    ziel = tmp_path / "journal.xlsx"
    lohnjournal_xlsx(lohnjournal(belege), ziel, gedruckt_am=date(2026, 4, 1))
    mappe = load_workbook(ziel)
    assert mappe.sheetnames == ["März 2026", "Januar bis März 2026"]
    blatt = mappe["März 2026"]
    zeile = next(r for r in range(1, blatt.max_row + 1) if blatt.cell(row=r, column=2).value == "Auszahlungsbetrag")
    werte = [blatt.cell(row=zeile, column=3 + i).value for i in range(len(belege.eintraege))]
    assert werte == [float(g.ergebnis.auszahlung) for g in belege.eintraege]  # numbers, not text
    assert blatt.cell(row=zeile, column=3).number_format == FORMAT_EUR
    assert blatt.cell(row=zeile, column=7).value == f"=SUM(C{zeile}:F{zeile})"
    # without a spreadsheet engine (cached values only) every person's amount is there
    ohne_formeln = load_workbook(ziel, data_only=True)["März 2026"]
    assert [ohne_formeln.cell(row=zeile, column=3 + i).value for i in range(4)] == werte
    assert blatt.page_setup.orientation == "landscape" and int(blatt.page_setup.paperSize) == 9
    assert blatt.page_setup.fitToWidth == 1 and blatt.sheet_properties.pageSetUpPr.fitToPage
    assert blatt.print_area and blatt.print_title_rows == "$4:$4"


def test_journal_eines_kleinen_haushalts_sv_tage_ganz_monat_auf_einer_seite(tmp_path: Path) -> None:
    """One assistant on a landscape page: the month is one page (the text column takes the free width, no Lohnart
    wraps), the year the next; SV-Tage are counted days ("30", in Excel a whole number), "1 Assistenzkraft"."""
    belege = Monatsbelege(2026, 3, ARBEITGEBERIN, monat(szenario("sv_pflichtig_nacht_sonntag")).eintraege)
    journal = lohnjournal(belege)
    ziel = tmp_path / "journal.pdf"
    lohnjournal_pdf(journal, ziel, gedruckt_am=date(2026, 4, 1))
    seiten = pdf_text(ziel)
    assert len(seiten) == 2
    assert "Lohnjournal März 2026" in seiten[0] and "Januar bis März 2026" in seiten[1]
    assert "1 Assistenzkraft" in seiten[0] and "Assistenzkräfte" not in seiten[0]
    assert norm("Pauschsteuer (§ 40a EStG, trägt die Arbeitgeberin)") in seiten[0]
    assert norm("SV-Tage 30 30") in seiten[0]
    xlsx = tmp_path / "journal.xlsx"
    lohnjournal_xlsx(journal, xlsx, gedruckt_am=date(2026, 4, 1))
    blatt = load_workbook(xlsx)["März 2026"]
    zeile = next(r for r in range(1, blatt.max_row + 1) if blatt.cell(row=r, column=2).value == "SV-Tage")
    assert blatt.cell(row=zeile, column=3).value == 30 and blatt.cell(row=zeile, column=3).number_format == "#,##0"


def test_lohnkonto_enthaelt_was_paragraf_4_lstdv_verlangt(tmp_path: Path) -> None:
    def mit_sachbezug(daten: dict[str, Any]) -> None:
        daten["assistenzkraefte"][0]["sachbezuege"] = [{"art": "unterkunft", "im_haushalt": True}]

    personen = {"carla": person("Carla", "Muster", konfession="rk", steuer_id="57823961242")}
    monate = [
        monat(im_monat("sv_pflichtig_nacht_sonntag", 1), personen).eintraege[0],
        replace(
            monat(szenario("sv_pflichtig_nacht_sonntag", mit_sachbezug), personen).eintraege[0],
            fassung=Fassung(2, True, date(2026, 4, 20)),
        ),
    ]
    konto = lohnkonto(2026, monate, ARBEITGEBERIN)
    stamm = dict(konto.stammdaten)
    # § 4 Abs. 1 Nr. 1 LStDV: Vorname, Familienname, Tag der Geburt, Wohnort, Wohnung, Besteuerungsmerkmale
    assert stamm["Vorname"] == "Carla" and stamm["Familienname"] == "Muster"
    assert stamm["Tag der Geburt"] == "10.02.1980"
    assert stamm["Wohnort, Wohnung"] == "Hauptstraße 5, 70176 Stuttgart"
    assert stamm["Steuer-Identifikationsnummer"] == "57823961242"
    assert stamm["Kirchensteuermerkmal"] == "rk (römisch-katholisch)"
    assert stamm["Freibetrag / Hinzurechnungsbetrag"] == "keiner"  # § 4 Abs. 1 Nr. 2 LStDV
    zeilen = {z.text: z for z in konto.zeilen}
    # § 4 Abs. 2 Nr. 1: Lohnzahlungszeitraum; Nr. 3: Arbeitslohn, Sachbezüge, Lohnsteuer; Nr. 4: steuerfreie Bezüge
    assert zeilen["Lohnzahlungszeitraum"].werte[:3] == ("1.–31.", None, "1.–31.")
    assert zeilen["Steuerklasse"].werte[0] == "I"
    jan, maerz = monate[0].ergebnis, monate[1].ergebnis
    assert zeilen["Gesamtbrutto (Arbeitslohn)"].werte[:3] == (jan.brutto, None, maerz.brutto)
    assert zeilen["darin Sachbezüge (§ 8 Abs. 2 EStG)"].werte[2] == maerz.sachbezuege > 0
    assert zeilen["darin steuerfreie Zuschläge (§ 3b EStG)"].werte[2] == maerz.steuerfreie_zuschlaege
    assert zeilen["Lohnsteuer"].summe == jan.lohnsteuer + maerz.lohnsteuer
    assert zeilen["Korrigiert"].werte[2] == "Fassung 2"
    (sachbezug,) = konto.sachbezuege  # each Sachbezug named with period and place
    assert sachbezug.monat == "03/2026" and sachbezug.ort == "Haushalt der Arbeitgeberin"
    ziel = tmp_path / "lohnkonto.pdf"
    lohnkonten_pdf([konto], ziel, gedruckt_am=date(2027, 1, 15))
    text = " ".join(pdf_text(ziel))
    assert "Lohnkonto 2026 – Carla Muster" in text and "§ 41 EStG und § 4 LStDV" in text
    assert "Sachbezüge einzeln (§ 4 Abs. 2 Nr. 3 LStDV)" in text


def test_lohnkonto_mit_vortrag_aus_der_zeit_vor_dem_programm(tmp_path: Path) -> None:
    belege = monat(szenario("midijob"))
    g = belege.eintraege[0]
    assert g.eingabe is not None
    vortrag = Jahreswerte(brutto=Decimal("2400.00"), steuerbrutto=Decimal("2400.00"), netto=Decimal("1900.00"))
    eingabe = replace(g.eingabe, vorgeschichte=Vorgeschichte(bekannt=True, jahreswerte=vortrag))
    mit_vortrag = Beleggrundlage(berechne(eingabe), eingabe)
    konto = lohnkonto(2026, [mit_vortrag], ARBEITGEBERIN)
    assert konto.spalten[0] == "Vortrag"
    brutto = next(z for z in konto.zeilen if z.text == "Gesamtbrutto (Arbeitslohn)")
    assert brutto.werte[0] == Decimal("2400.00")
    assert brutto.summe == mit_vortrag.ergebnis.jahreswerte.brutto  # Vortrag + March = the result's own year total
    ziel = tmp_path / "konten.xlsx"
    lohnkonten_xlsx([konto], ziel, gedruckt_am=date(2027, 1, 15))
    blatt = load_workbook(ziel).worksheets[0]
    zeile = next(r for r in range(1, blatt.max_row + 1) if blatt.cell(row=r, column=2).value == brutto.text)
    assert blatt.cell(row=zeile, column=3).value == 2400
    assert blatt.cell(row=zeile, column=6).value == float(mit_vortrag.ergebnis.brutto)  # column F = März
    assert blatt.cell(row=zeile, column=16).value == f"=SUM(C{zeile}:O{zeile})"
    assert blatt.cell(row=zeile, column=16).number_format == FORMAT_EUR
