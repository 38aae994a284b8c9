"""Payments of a month: SEPA credit transfer pain.001.001.09 (valid against the ISO 20022 schema), list as PDF/Excel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest
import sepaxml
import xmlschema
from openpyxl import load_workbook
from pypdf import PdfReader

from core.fehler import EingabeFehler
from core.io.zahlungen import Zahlung, Zahlungsauftrag
from core.io.zahlungen_liste import zahlungsliste_pdf, zahlungsliste_xlsx
from core.io.zahlungen_sepa import schreibe_sepa, sepa_text, sepa_xml

# Public example IBANs (CONTRACTS §3): DKB Berlin (BLZ 12030000) and ING (BLZ 50010517).
IBAN_AG = "DE02120300000000202051"
IBAN_ING = "DE02500105170137075030"
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"}
XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.09.xsd"


@cache
def iso20022() -> xmlschema.XMLSchema:
    """The ISO 20022 schema pain.001.001.09 as sepaxml ships it (loaded once: it takes a moment)."""
    return xmlschema.XMLSchema(str(XSD))


def auftrag(*zahlungen: Zahlung, iban: str = IBAN_AG, entwurf: bool = False) -> Zahlungsauftrag:
    return Zahlungsauftrag(2026, 3, "Anna Beispiel", iban, "", tuple(zahlungen), entwurf=entwurf)


def team() -> Zahlungsauftrag:
    return auftrag(
        Zahlung("1", "Łukasz Nowak", Decimal("1234.56"), IBAN_ING),
        Zahlung("2", "Ольга Иванова", Decimal("603.00"), "DE89 3704 0044 0532 0130 00", kontoinhaber="Ольга Иванова"),
        Zahlung("3", "Đặng Thị Ayşe", Decimal("0.00"), ""),  # nothing to pay: no transfer, no IBAN needed
    )


def test_ueberweisung_ist_gueltig_nach_iso_20022_schema() -> None:
    daten = sepa_xml(team(), ausfuehrung=date(2026, 3, 31))
    iso20022().validate(daten.decode("utf-8"))  # raises on any schema violation
    wurzel = ElementTree.fromstring(daten)
    assert wurzel.tag == "{urn:iso:std:iso:20022:tech:xsd:pain.001.001.09}Document"
    assert wurzel.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", namespaces=NS) == "2"
    assert wurzel.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", namespaces=NS) == "1837.56"
    posten = wurzel.findall(".//p:CdtTrfTxInf", NS)
    assert [p.findtext("p:Amt/p:InstdAmt", namespaces=NS) for p in posten] == ["1234.56", "603.00"]
    assert [p.findtext("p:Cdtr/p:Nm", namespaces=NS) for p in posten] == ["Lukasz Nowak", "Ol'ga Ivanova"]
    assert {p.findtext("p:RmtInf/p:Ustrd", namespaces=NS) for p in posten} == {"Lohn/Gehalt 03/2026"}
    assert [p.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=NS) for p in posten] == [
        IBAN_ING,
        "DE89370400440532013000",
    ]
    # BIC from the Bundesbank directory (schwifty) where the person gave none: ING and Commerzbank Köln.
    assert [p.findtext("p:CdtrAgt/p:FinInstnId/p:BICFI", namespaces=NS) for p in posten] == [
        "INGDDEFFXXX",
        "COBADEFFXXX",
    ]
    assert wurzel.findtext(".//p:PmtInf/p:ReqdExctnDt/p:Dt", namespaces=NS) == "2026-03-31"
    assert wurzel.findtext(".//p:PmtInf/p:DbtrAcct/p:Id/p:IBAN", namespaces=NS) == IBAN_AG
    assert [p.findtext("p:PmtId/p:EndToEndId", namespaces=NS) for p in posten] == [
        "LOHN-2026-03-1",
        "LOHN-2026-03-2",
    ]


def test_empfaenger_ist_der_kontoinhaber() -> None:
    daten = sepa_xml(
        auftrag(Zahlung("7", "Jörg Beispiel", Decimal("10.00"), IBAN_ING, kontoinhaber="Maria Beispiel")),
        ausfuehrung=date(2026, 3, 31),
    )
    assert ElementTree.fromstring(daten).findtext(".//p:Cdtr/p:Nm", namespaces=NS) == "Maria Beispiel"


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("Łukasz Wójcik", "Lukasz Wojcik"),
        ("Ayşe Yılmaz", "Ayse Yilmaz"),
        ("Đặng Văn Minh", "Dang Van Minh"),
        ("Jörg Müller-Lüdenscheidt", "Jorg Muller-Ludenscheidt"),
        ("A & B <GbR>", "A B GbR"),
    ],
)
def test_sepa_zeichensatz(text: str, erwartet: str) -> None:
    assert sepa_text(text, 70) == erwartet


def test_fehlende_iban_nennt_die_person_und_schreibt_nichts(tmp_path: Path) -> None:
    ziel = tmp_path / "lohn.xml"
    a = auftrag(
        Zahlung("1", "Łukasz Nowak", Decimal("1234.56"), IBAN_ING),
        Zahlung("2", "Sabine Muster", Decimal("800.00"), ""),
    )
    with pytest.raises(EingabeFehler) as fehler:
        schreibe_sepa(a, ziel, ausfuehrung=date(2026, 3, 31))
    text = str(fehler.value)
    assert "die IBAN von Sabine Muster (Personalnummer 2) fehlt" in text and "Łukasz" not in text
    assert "\n" not in text
    assert not ziel.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_falsche_iban_und_fehlende_arbeitgeber_iban_in_einer_meldung(tmp_path: Path) -> None:
    ziel = tmp_path / "lohn.xml"
    ziel.write_text("alte Datei")
    a = auftrag(
        Zahlung("1", "Łukasz Nowak", Decimal("1234.56"), "DE02500105170137075031"),  # one digit off
        iban="",
    )
    with pytest.raises(EingabeFehler) as fehler:
        schreibe_sepa(a, ziel, ausfuehrung=date(2026, 3, 31))
    text = str(fehler.value)
    assert "die IBAN der Arbeitgeberin Anna Beispiel fehlt" in text
    assert "IBAN von Łukasz Nowak (Personalnummer 1)" in text and "Prüfziffern" in text
    assert ziel.read_text() == "alte Datei"


def test_nichts_zu_ueberweisen(tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler, match="nichts zu überweisen"):
        schreibe_sepa(auftrag(Zahlung("3", "Ayşe", Decimal("0"), "")), tmp_path / "x.xml", ausfuehrung=date.today())


def test_datei_wird_geschrieben(tmp_path: Path) -> None:
    ziel = tmp_path / "lohn-2026-03.xml"
    schreibe_sepa(team(), ziel, ausfuehrung=date(2026, 3, 31))
    iso20022().validate(str(ziel))


def test_zahlungsliste_pdf_druckt_alle_namen(tmp_path: Path) -> None:
    ziel = tmp_path / "zahlungen.pdf"
    zahlungsliste_pdf(team(), ziel, gedruckt_am=date(2026, 4, 1))
    text = "".join(seite.extract_text() for seite in PdfReader(ziel).pages)
    for name in ("Łukasz Nowak", "Ольга Иванова", "Đặng Thị Ayşe"):
        assert name in text
    assert "1.234,56 €" in text and "1.837,56 €" in text
    assert "DE02 5001 0517 0137 0750 30" in text
    assert "ENTWURF" not in text


def test_zahlungsliste_entwurf_ist_markiert(tmp_path: Path) -> None:
    ziel = tmp_path / "zahlungen.pdf"
    a = auftrag(Zahlung("1", "Łukasz Nowak", Decimal("1.00"), IBAN_ING), entwurf=True)
    zahlungsliste_pdf(a, ziel, gedruckt_am=date(2026, 4, 1))
    assert "ENTWURF" in PdfReader(ziel).pages[0].extract_text()


def test_zahlungsliste_excel_betraege_sind_zahlen(tmp_path: Path) -> None:
    ziel = tmp_path / "zahlungen.xlsx"
    a = auftrag(
        Zahlung("1", '=HYPERLINK("http://x")', Decimal("1234.56"), IBAN_ING),
        Zahlung("2", "Ольга Иванова", Decimal("603.00"), ""),
    )
    zahlungsliste_xlsx(a, ziel, gedruckt_am=date(2026, 4, 1))
    blatt = load_workbook(ziel).active
    assert blatt is not None
    zeilen = {blatt.cell(row=r, column=1).value: r for r in range(1, blatt.max_row + 1)}
    r1, r2 = zeilen["1"], zeilen["2"]
    assert blatt.cell(row=r1, column=5).value == 1234.56  # a number, not the text "1.234,56"
    assert blatt.cell(row=r2, column=5).value == 603
    assert blatt.cell(row=r1, column=5).number_format == '#,##0.00 "€";-#,##0.00 "€"'  # 1.234,56 € in German
    assert blatt.cell(row=r1, column=2).data_type == "s"  # a name that looks like a formula stays text
    assert blatt.cell(row=r2, column=6).value.startswith("IBAN fehlt")
    assert int(blatt.page_setup.paperSize) == 9 and blatt.page_setup.fitToWidth == 1
    assert blatt.print_area is not None
