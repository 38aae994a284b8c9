"""A correction of an assistant who has left (issue: money owed to or by her must not get lost silently).

Sabine (scenario meldungen_zwei_kassen, Eintritt 02.03.2026, 15,50 € an hour, tax class I, AOK BW 2,9 %
Zusatzbeitrag, childless, born 12.04.1985; employer in NW) leaves on 30.04.2026; March and April are finalised.
Then her shift of Monday 02.03. 07:00–15:00 is found to have ended at 16:00. The correction of March is settled
with May, where she has no contract and so no row: the run pays the difference through the Verrechnungen of a row,
so nothing would pay it. Every place that shows or settles corrections must say so.

March by hand (176 h → 177 h, 1 h × 15,50 € more; RECHENGROESSEN 2026 rates on the employee's side; KV and PV
as the half rate and the surcharge each rounded, § 2 Abs. 1 BVV, which here gives the same cents as one rate):
  gross          2.728,00 → 2.743,50   (+15,50)
  KV 7,3 % + 1,45 % (half the 2,9 %) = 8,75 %: 238,70 → 240,06 (240,05625)   (+1,36)
  PV 1,8 % + 0,6 % childless = 2,4 %:           65,47 → 65,84 (65,844)      (+0,37)
  RV 9,3 %:                                    253,70 → 255,15 (255,1455)    (+1,45)
  AV 1,3 %:                                     35,46 → 35,67 (35,6655)     (+0,21)
  Lohnsteuer (PAP 2026, part month of 30 calendar days, daily tax × 30, R 39b.5 Abs. 2 LStR):
                                               234,60 → 237,90               (+3,30), checked below with the PAP
  net            1.900,07 → 1.908,88: 15,50 − 1,36 − 0,37 − 1,45 − 0,21 − 3,30 = 8,81 € owed to her.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.abrechnung.modelle import Protokolleintrag
from core.io.belege_export import (
    entgeltbescheinigungen_exportieren,
    lohnjournal_exportieren,
    monatsbelege,
    zahlungen_exportieren,
)
from core.io.zahlungen import zahlungsauftrag
from core.meldungen.beitragsnachweis import beitragsnachweise
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Arbeitgeber, Assistenzkraft
from core.regeln.steuer import Steuermerkmale, lohnsteuer_monat
from core.stammdaten import start
from tests.core.io.belege_hilfe import geladener_haushalt, verlaengere_erste_schicht
from tests.core.io.test_zahlungen import NS, iso20022
from tests.kommandozeile import rufe

SZENARIEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"

#: the sentence, with the amount worked by hand above (format_eur puts a no-break space before €)
NACHZAHLUNG = (
    "Korrektur März 2026 für Sabine Muster: Nachzahlung 8,81\xa0€ netto; weil Sabine Muster im Mai 2026 keinen "
    "Arbeitsvertrag mehr hat, wird sie ohne Abrechnungszeile als eigene Überweisung „Korrektur 03/2026“ mit den "
    "Zahlungen Mai 2026 ausgezahlt (Beleg: die korrigierte Entgeltbescheinigung März 2026)."
)
#: public example IBANs (CONTRACTS §3, as in tests/core/io/test_zahlungen.py): DKB Berlin and ING
IBAN_AG = "DE02120300000000202051"
IBAN_ING = "DE02500105170137075030"


def haushalt_nach_austritt(ordner: Path, stunden: int = 1, *, alle: bool = False, minuten: int = 0) -> Path:
    """March and April finalised, Sabine gone since 30.04., then an hour more on her first March shift (the file
    closed again: the command line refuses a database that is open elsewhere). Also the page's test uses it.
    `stunden=-1`: the shift ended an hour earlier instead (she was overpaid); `alle`: everyone leaves with her;
    `minuten`: so many minutes more besides the hours.
    Her account and the employer's are entered after April, as the payments of May read them."""
    daten: dict[str, Any] = json.loads((SZENARIEN / "meldungen_zwei_kassen.json").read_text(encoding="utf-8"))
    daten["assistenzkraefte"][0]["eintritt"] = "2026-03-02"
    haushalt = geladener_haushalt(ordner, daten)
    try:
        lauf.schliesse_ab(haushalt, 2026, 3)
        with haushalt.arbeitseinheit() as sitzung:
            sabine = sitzung.scalars(select(Assistenzkraft).where(Assistenzkraft.personalnummer == "1")).one()
            max(sabine.vertraege, key=lambda v: v.gueltig_ab).austritt = date(2026, 4, 30)
            sabine_id = sabine.id
            for kraft in sitzung.scalars(select(Assistenzkraft)) if alle else ():  # the whole team leaves
                max(kraft.vertraege, key=lambda v: v.gueltig_ab).austritt = date(2026, 4, 30)
        lauf.schliesse_ab(haushalt, 2026, 4)
        with haushalt.arbeitseinheit() as sitzung:
            verlaengere_erste_schicht(sitzung, sabine_id, date(2026, 3, 2), timedelta(hours=stunden, minutes=minuten))
            sitzung.get_one(Assistenzkraft, sabine_id).iban = IBAN_ING
            sitzung.scalars(select(Arbeitgeber)).one().iban = IBAN_AG
    finally:
        haushalt.schliessen()
    return haushalt.pfad


@pytest.fixture
def pfad(tmp_path: Path) -> Path:
    return haushalt_nach_austritt(tmp_path)


@contextmanager
def geoeffnet(pfad: Path) -> Iterator[Datenbank]:
    db = start.oeffne(pfad)
    try:
        yield db
    finally:
        db.schliessen()


def test_die_lohnsteuer_der_korrektur_nach_dem_pap() -> None:
    """The 3,30 € more Lohnsteuer of the hand calculation: the PAP 2026 (checked against the BMF's test cases in
    tests/core/regeln) for March's part month of 30 days, once with each gross."""
    merkmale = Steuermerkmale(1, date(1985, 4, 12), "NW", kv_zusatzbeitrag_prozent=Decimal("2.9"))
    vorher = lohnsteuer_monat(merkmale, 2026, 3, Decimal("2728.00"), kalendertage=30).lohnsteuer
    nachher = lohnsteuer_monat(merkmale, 2026, 3, Decimal("2743.50"), kalendertage=30).lohnsteuer
    assert (vorher, nachher) == (Decimal("234.60"), Decimal("237.90"))


def test_offene_korrektur_ohne_vertrag_wird_genannt(pfad: Path) -> None:
    with geoeffnet(pfad) as db:
        (korrektur,) = lauf.offene_korrekturen(db)
        entwurf = lauf.abrechnung(db, 2026, 5)
    assert (korrektur.personalnummer, korrektur.monat, korrektur.ohne_vertrag_in) == ("1", 3, (2026, 5))
    assert korrektur.auszahlung_differenz == Decimal("8.81")  # hand calculation in the module docstring
    assert korrektur.ohne_vertrag is not None and korrektur.ohne_vertrag.text == NACHZAHLUNG
    assert "1" not in {z.personalnummer for z in entwurf.zeilen}  # no row pays it
    assert [o.text for o in entwurf.ohne_vertrag] == [NACHZAHLUNG]
    # the others' corrections (none here) and the others' rows stay without the sentence
    assert all(z.ergebnis is not None and z.ergebnis.verrechnungen == 0 for z in entwurf.zeilen)

    ausgabe = rufe("abrechnung", "--db", str(pfad), "--monat", "2026-05")
    assert ausgabe.returncode == 0 and f"Achtung: {NACHZAHLUNG}\n" in ausgabe.stdout
    als_json = rufe("abrechnung", "--db", str(pfad), "--monat", "2026-05", "--json")
    assert als_json.returncode == 0 and f"Achtung: {NACHZAHLUNG}\n" in als_json.stderr
    assert "Achtung" not in als_json.stdout  # the JSON keeps its schema (CONTRACTS §7)


def test_abschluss_nennt_sie_und_der_abgeschlossene_monat_auch(pfad: Path) -> None:
    ausgabe = rufe("abrechnung", "abschliessen", "--db", str(pfad), "--monat", "2026-05")
    assert ausgabe.returncode == 0
    assert ausgabe.stdout.endswith(f"1 Korrekturen verrechnet).\nAchtung: {NACHZAHLUNG}\n")
    with geoeffnet(pfad) as db:
        mai = ablage.lade_monat(db, 2026, 5)
        ohne = lauf.ohne_vertrag_gespeichert(db, mai)
        with db.arbeitseinheit() as sitzung:  # the audit log keeps it
            texte = list(sitzung.scalars(select(Protokolleintrag.text).where(Protokolleintrag.aktion == "korrektur")))
    assert [(k.personalnummer, k.monat, k.version) for k in mai.korrekturen] == [("1", 3, 2)]
    assert lauf.auszahlung_differenz(mai.korrekturen[0]) == Decimal("8.81")
    assert [(o.text, o.differenz, o.iban) for o in ohne] == [(NACHZAHLUNG, Decimal("8.81"), IBAN_ING)]
    gezeigt = rufe("abrechnung", "--db", str(pfad), "--monat", "2026-05")
    assert f"Achtung: {NACHZAHLUNG}\n" in gezeigt.stdout
    assert len(texte) == 1 and texte[0].endswith(f" – {NACHZAHLUNG}")


def test_schliesse_ab_gibt_den_satz_zurueck_und_die_beitraege_gehen_den_weg_jeder_korrektur(pfad: Path) -> None:
    """Her contributions take the path of every correction: May's Beitragsnachweis (AOK BW) carries March's
    difference (the practice in seed 004, ForseA handbook 2.3: "Die Differenzwerte aus Januar werden also ohne
    Korrekturmeldung direkt mit den Werten … vom Februar verrechnet"), by hand from March's two versions (each
    half rounded, doubled, § 2 Abs. 1 BVV):
    KV 7,3 % 199,14 → 200,28 (×2: 2,28); Zusatzbeitrag 1,45 % 39,56 → 39,78 (×2: 0,44);
    PV 1,8 % + 0,6 % AN 65,47 → 65,84 and AG 49,10 → 49,38 (0,65); RV 9,3 % 253,70 → 255,15 (×2: 2,90);
    AV 1,3 % 35,46 → 35,67 (×2: 0,42); U1 2,1 % 57,29 → 57,61 (0,32); U2 0,40 % 10,91 → 10,97 (0,06);
    Insolvenzgeldumlage 0,15 % 4,09 → 4,12 (0,03)."""
    with geoeffnet(pfad) as db:
        assert [o.text for o in lauf.schliesse_ab(db, 2026, 5).ohne_vertrag] == [NACHZAHLUNG]
        (aok,) = [n for n in beitragsnachweise(db, 2026, 5) if n.einzugsstelle == "AOK BW"]
    (korrektur,) = aok.korrekturen
    assert (korrektur.personalnummer, korrektur.monat, korrektur.version) == ("1", 3, 2)
    assert korrektur.werte == {
        "kv_allgemein": Decimal("2.28"),
        "kv_zusatz": Decimal("0.44"),
        "pv": Decimal("0.65"),
        "rv_voll": Decimal("2.90"),
        "av_voll": Decimal("0.42"),
        "u1": Decimal("0.32"),
        "u2": Decimal("0.06"),
        "insolvenzgeld": Decimal("0.03"),
    }


def test_nachzahlung_steht_in_den_zahlungen_des_monats(pfad: Path, tmp_path: Path) -> None:
    """The 8,81 € go with May's payments as a transfer of their own (purpose "Korrektur 03/2026", reference
    KORR-…), to her account from the Personalbogen; the SEPA file validates against ISO 20022."""
    with geoeffnet(pfad) as db:
        entwurf = zahlungsauftrag(monatsbelege(db, 2026, 5))  # the draft's payment list has it already
        lauf.schliesse_ab(db, 2026, 5)
        auftrag = zahlungsauftrag(monatsbelege(db, 2026, 5))
        ziel = tmp_path / "mai.xml"
        zahlungen_exportieren(db, 2026, 5, ziel)
        zahlungen_exportieren(db, 2026, 5, tmp_path / "mai.pdf")
        lohnjournal_exportieren(db, 2026, 5, tmp_path / "journal.pdf")
        sabine_id = id_von_sabine(db)
        entgeltbescheinigungen_exportieren(db, 2026, 3, tmp_path / "maerz.pdf", assistenzkraft_id=sabine_id)
    (sabine,) = [z for z in auftrag.zahlungen if z.personalnummer == "1"]
    assert (sabine.betrag, sabine.iban, sabine.verwendungszweck) == (Decimal("8.81"), IBAN_ING, "Korrektur 03/2026")
    assert [z for z in entwurf.zahlungen if z.personalnummer == "1"] == [sabine]
    assert auftrag.ueberweisungen == (sabine,) and auftrag.summe == Decimal("8.81")  # the others earn nothing in May
    assert auftrag.rueckforderungen == ()
    daten = ziel.read_bytes()
    iso20022().validate(daten.decode("utf-8"))
    (posten,) = ElementTree.fromstring(daten).findall(".//p:CdtTrfTxInf", NS)
    assert posten.findtext("p:Amt/p:InstdAmt", namespaces=NS) == "8.81"
    assert posten.findtext("p:RmtInf/p:Ustrd", namespaces=NS) == "Korrektur 03/2026"
    assert posten.findtext("p:PmtId/p:EndToEndId", namespaces=NS) == "KORR-2026-05-1"
    assert posten.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=NS) == IBAN_ING
    text = " ".join("".join(seite.extract_text() for seite in PdfReader(tmp_path / "mai.pdf").pages).split())
    assert "Nachzahlung aus Korrektur 03/2026: kein Arbeitsvertrag im Mai 2026" in text
    assert "8,81" in text
    journal = " ".join("".join(seite.extract_text() for seite in PdfReader(tmp_path / "journal.pdf").pages).split())
    assert (
        "Nachberechnung ohne Abrechnungszeile (kein Arbeitsvertrag im Mai 2026): Sabine Muster (Pers.-Nr. 1), "
        "Korrektur 03/2026: Nachzahlung 8,81 € netto, eigene Überweisung in der Zahlungsliste"
    ) in journal.replace("\xa0", " ")
    # her slip of this Nachberechnung: the corrected March payslip (Fassung 2) says where the difference went
    maerz = " ".join("".join(seite.extract_text() for seite in PdfReader(tmp_path / "maerz.pdf").pages).split())
    assert "Korrektur der Entgeltbescheinigung" in maerz and "Fassung 2" in maerz
    assert (
        "Nachzahlung 8,81 € netto (Differenz zur vorigen Fassung): ausgezahlt als eigene Überweisung „Korrektur "
        "03/2026“ mit den Zahlungen Mai 2026"
    ) in maerz.replace("\xa0", " ")


def id_von_sabine(db: Datenbank) -> int:
    with db.arbeitseinheit() as sitzung:
        return sitzung.scalars(select(Assistenzkraft.id).where(Assistenzkraft.personalnummer == "1")).one()


def test_rueckforderung_ist_keine_negative_auszahlung(tmp_path: Path) -> None:
    """She was overpaid: the shift ended at 14:00, not 15:00 (175 h instead of 176). March by hand, each share
    rounded on its own (§ 2 Abs. 1 BVV: the half rate, then the surcharge the employee bears alone):
    gross 2.728,00 → 2.712,50 (−15,50); KV 7,3 % 198,01 (198,0125) + 1,45 % 39,33 (39,33125) = 237,34 (−1,36);
    PV 1,8 % 48,84 (48,825) + 0,6 % 16,28 (16,275) = 65,11 (−0,36); RV 9,3 % 252,26 (252,2625, −1,44);
    AV 1,3 % 35,26 (35,2625, −0,20); Lohnsteuer (PAP, 30 days) 231,30 (−3,30, checked below);
    net −15,50 + 1,36 + 0,36 + 1,44 + 0,20 + 3,30 = −8,84 €: to reclaim from her, not paid."""
    merkmale = Steuermerkmale(1, date(1985, 4, 12), "NW", kv_zusatzbeitrag_prozent=Decimal("2.9"))
    assert lohnsteuer_monat(merkmale, 2026, 3, Decimal("2712.50"), kalendertage=30).lohnsteuer == Decimal("231.30")
    pfad = haushalt_nach_austritt(tmp_path, stunden=-1)
    erwartet = (
        "Korrektur März 2026 für Sabine Muster: Rückforderung 8,84\xa0€ netto; weil Sabine Muster im Mai 2026 keinen "
        "Arbeitsvertrag mehr hat, kann die Abrechnung Mai 2026 sie nicht mit Lohn verrechnen – bitte 8,84\xa0€ von "
        "Sabine Muster zurückfordern."
    )
    with geoeffnet(pfad) as db:
        (korrektur,) = lauf.offene_korrekturen(db)
        mai = lauf.schliesse_ab(db, 2026, 5)
        auftrag = zahlungsauftrag(monatsbelege(db, 2026, 5))
        zahlungen_exportieren(db, 2026, 5, tmp_path / "mai.xlsx")
    assert korrektur.auszahlung_differenz == Decimal("-8.84")
    assert [o.text for o in mai.ohne_vertrag] == [erwartet]
    assert [z.personalnummer for z in auftrag.zahlungen] == ["2", "3", "4", "5"]  # no line, no negative payout
    (zurueck,) = auftrag.rueckforderungen
    assert (zurueck.personalnummer, zurueck.betrag) == ("1", Decimal("8.84"))
    assert zurueck.verwendungszweck == "Korrektur 03/2026"
    blatt = load_workbook(tmp_path / "mai.xlsx").worksheets[0]
    zellen = [str(c.value) for zeile in blatt.iter_rows() for c in zeile if c.value is not None]
    assert any(z.startswith("Zurückzufordern (keine Überweisung): Sabine Muster (Pers.-Nr. 1) 8,84") for z in zellen)


def test_monat_ohne_vertraege_schliesst_ab_um_die_korrektur_zu_verrechnen(tmp_path: Path) -> None:
    """The whole team left on 30.04.: May has no contract, but it must settle March's correction (else it stays
    open, unpaid and unreported); finalising it stores the correction and its payments transfer the 8,81 €."""
    pfad = haushalt_nach_austritt(tmp_path, alle=True)
    with geoeffnet(pfad) as db:
        assert lauf.abschluss_hindernis(db, 2026, 5) is None
        mai = lauf.schliesse_ab(db, 2026, 5)
        assert mai.zeilen == () and [o.text for o in mai.ohne_vertrag] == [NACHZAHLUNG]
        assert lauf.offene_korrekturen(db) == []
        zahlungen_exportieren(db, 2026, 5, tmp_path / "mai.xml")
        assert "keine Assistenzkraft einen Arbeitsvertrag; es gibt nichts abzuschließen" in str(
            lauf.abschluss_hindernis(db, 2026, 6)
        )
    (posten,) = ElementTree.fromstring((tmp_path / "mai.xml").read_bytes()).findall(".//p:CdtTrfTxInf", NS)
    assert posten.findtext("p:Amt/p:InstdAmt", namespaces=NS) == "8.81"


def test_auch_ein_cent_wird_genannt() -> None:
    """Any payout difference is said, however small (a difference of 0 is none: `Korrektur.ohne_vertrag`)."""
    o = lauf.OhneVertrag(1, "1", "Sabine Muster", 2026, 3, Decimal("0.01"), (2026, 5))
    assert o.text.startswith("Korrektur März 2026 für Sabine Muster: Nachzahlung 0,01\xa0€ netto;")
