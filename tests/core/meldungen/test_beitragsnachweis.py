"""The Beitragsnachweis per Einzugsstelle from the finalised payroll: a household with two Krankenkassen and two
minijobs at the Minijob-Zentrale (not a private household, so no Haushaltsscheck); corrections of an earlier month;
refusals that name what is missing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.abrechnung.modell import Monatsergebnis
from core.cli import main
from core.dienstplan.modelle import SchichtZeile
from core.fehler import EingabeFehler
from core.meldungen.beitragsnachweis import beitragsnachweise
from core.meldungen.beitragsnachweis_export import beitragsnachweis_pdf, beitragsnachweise_exportieren
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Krankenkasse
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten import start
from core.stammdaten.krankenkassen import liste_krankenkassen, speichere_krankenkasse
from tests.core.erstattung.test_erstattung_dienst import szenario_datei
from tests.core.io.belege_hilfe import SZENARIEN, pdf_text
from tests.core.szenario_vorlage import lade_kopie

HAUSHALT = SZENARIEN / "meldungen_zwei_kassen.json"


def _beitraege(e: Monatsergebnis) -> Decimal:
    """Everything a payslip owes to its Einzugsstelle: both SV shares, the Umlagen and (minijob) the 2 % tax."""
    summe = e.kv_an + e.kv_ag + e.pv_an + e.pv_ag + e.rv_an + e.rv_ag + e.av_an + e.av_ag
    summe += e.umlage_u1 + e.umlage_u2 + e.insolvenzgeldumlage
    if e.beschaeftigung is Beschaeftigungsart.MINIJOB:
        summe += e.pauschsteuer
    return summe


@dataclass
class Haushalt:
    pfad: Path
    db: Datenbank


@pytest.fixture(scope="module")
def haushalt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Haushalt]:
    pfad = tmp_path_factory.mktemp("bn") / "haushalt.sqlite"
    lade_kopie(HAUSHALT, pfad)
    db = start.oeffne(pfad)
    try:
        lauf.schliesse_ab(db, 2026, 3)
        yield Haushalt(pfad, db)
    finally:
        db.schliessen()


def test_je_einzugsstelle_gleich_der_summe_der_entgeltbescheinigungen(haushalt: Haushalt) -> None:
    nachweise = beitragsnachweise(haushalt.db, 2026, 3)
    assert [n.einzugsstelle for n in nachweise] == ["AOK BW", "TK", "Minijob-Zentrale"]
    ergebnisse = [g.ergebnis for g in ablage.lade_monat(haushalt.db, 2026, 3).ergebnisse]
    for n in nachweise:
        eigene = [e for e in ergebnisse if e.einzugsstelle == n.einzugsstelle]
        assert n.summe == sum((_beitraege(e) for e in eigene), Decimal(0)), n.einzugsstelle
        assert sorted(p.personalnummer for p in n.personen) == sorted(e.id for e in eigene)
    assert sum(n.summe for n in nachweise) == sum((_beitraege(e) for e in ergebnisse), Decimal(0))
    mz = nachweise[2]
    assert mz.minijob_zentrale and mz.betriebsnummer_kasse == "98000006"
    assert (mz.einreichung, mz.zahlung) == (date(2026, 3, 25), date(2026, 3, 27))


def test_felder_von_hand(haushalt: Haushalt) -> None:
    """Sabine, AOK BW, 2.728,00 € (176 h × 15,50 €): KV allgemein 14,6 % as 2 × 7,3 % = 2 × 199,14 = 398,28;
    Zusatzbeitrag 2,9 % as 2 × 1,45 % = 2 × 39,56 = 79,12 (§ 249 SGB V halves, each rounded).
    Ulrike, Minijob with RV-Pflicht, 480,00 €: KV 13 % = 62,40 (§ 249b SGB V); RV 15 % + 3,6 % = 72,00 + 17,28 =
    89,28 (Beitragsgruppe 6100 → 0100); 2 % tax 9,60. Rudolf, RV-befreit, 420,00 €: KV 54,60; RV 15 % = 63,00
    (6500 → 0500); tax 8,40."""
    aok, _tk, mz = beitragsnachweise(haushalt.db, 2026, 3)
    assert aok.werte()["kv_allgemein"] == Decimal("398.28")
    assert aok.werte()["kv_zusatz"] == Decimal("79.12")
    w = mz.werte()
    assert (w["kv_pauschal"], w["rv_voll"], w["rv_pauschal"], w["pauschsteuer"]) == (
        Decimal("117.00"),
        Decimal("89.28"),
        Decimal("63.00"),
        Decimal("18.00"),
    )
    assert "kv_allgemein" not in w and "pauschsteuer" not in aok.werte()


def test_termine_nach_dem_sitz_der_kasse(haushalt: Haushalt) -> None:
    """The employer sits in Baden-Württemberg; the dates follow each Kasse's seat (Gemeinsame Verlautbarung zur
    Fälligkeit des Gesamtsozialversicherungsbeitrags, Titel B.4 Abs. 2): TK entered as Hamburg, the Minijob-Zentrale
    in Nordrhein-Westfalen (Knappschaft-Bahn-See, Bochum), AOK BW without a seat gets the Hinweis."""
    tk = next(k for k in liste_krankenkassen(haushalt.db) if k.name == "TK")
    speichere_krankenkasse(haushalt.db, replace(tk, sitz_land="HH"))
    try:
        aok, tk_nachweis, mz = beitragsnachweise(haushalt.db, 2026, 3)
        assert (tk_nachweis.termine.land, tk_nachweis.termine.hinweis) == ("HH", "")
        assert mz.termine.land == "NW"
        assert aok.termine.land == "" and "„AOK BW“" in aok.termine.hinweis
        # March 2026 has no Landesfeiertag among its last days: the dates agree (RECHENGROESSEN: 25.03./27.03.)
        assert {(n.einreichung, n.zahlung) for n in (aok, tk_nachweis, mz)} == {(date(2026, 3, 25), date(2026, 3, 27))}
    finally:
        speichere_krankenkasse(haushalt.db, tk)


def test_pdf_und_excel(haushalt: Haushalt, tmp_path: Path) -> None:
    assert (
        main(
            [
                "export",
                "beitragsnachweis",
                "--db",
                str(haushalt.pfad),
                "--monat",
                "2026-03",
                "--ausgabe",
                str(tmp_path / "bn.pdf"),
            ]
        )
        == 0
    )
    seiten = pdf_text(tmp_path / "bn.pdf")
    assert len(seiten) == 3
    assert "Beitragsnachweis März 2026 – Minijob-Zentrale" in seiten[2]
    assert "117,00" in seiten[2] and "98000006" in seiten[2]
    assert "übermittelt nichts" in seiten[0]
    ziel = tmp_path / "bn.xlsx"
    beitragsnachweise_exportieren(haushalt.db, 2026, 3, ziel)
    mappe = load_workbook(ziel)
    assert mappe.sheetnames == ["AOK BW", "TK", "Minijob-Zentrale"]
    blatt = mappe["Minijob-Zentrale"]
    zeilen = {r[0]: r for r in blatt.iter_rows(values_only=True) if r[0]}
    assert zeilen["6000"][4] == 117 and isinstance(zeilen["6000"][4], int | float)
    assert (
        blatt.cell(
            row=next(i for i, r in enumerate(blatt.iter_rows(values_only=True), 1) if r[0] == "6000"), column=5
        ).number_format
        == "#,##0.00"
    )


def test_offener_monat_wird_abgelehnt(haushalt: Haushalt, tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler, match="04/2026 ist noch nicht abgeschlossen"):
        beitragsnachweise_exportieren(haushalt.db, 2026, 4, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_fehlende_betriebsnummer_je_kasse(tmp_path: Path) -> None:
    pfad = tmp_path / "h.sqlite"
    lade_kopie(HAUSHALT, pfad)
    db = start.oeffne(pfad)
    try:
        lauf.schliesse_ab(db, 2026, 3)
        with db.arbeitseinheit() as sitzung:
            for kasse in sitzung.scalars(select(Krankenkasse).where(Krankenkasse.name.in_(["AOK BW", "TK"]))):
                kasse.betriebsnummer = ""
        with pytest.raises(EingabeFehler) as fehler:
            beitragsnachweise_exportieren(db, 2026, 3, tmp_path / "bn.pdf")
        text = str(fehler.value)
        assert "„AOK BW“ fehlt die Betriebsnummer" in text and "„TK“ fehlt die Betriebsnummer" in text
        assert "Minijob-Zentrale" not in text
        assert not (tmp_path / "bn.pdf").exists()
    finally:
        db.schliessen()


def test_korrektur_des_vormonats_erscheint_als_solche(tmp_path: Path) -> None:
    """An hour more for Sabine in March, entered after finalising: April's AOK Beitragsnachweis carries the
    difference marked 03/2026; March's stays as first submitted."""
    pfad = tmp_path / "h.sqlite"
    lade_kopie(HAUSHALT, pfad)
    db = start.oeffne(pfad)
    try:
        lauf.schliesse_ab(db, 2026, 3)
        maerz_vorher = beitragsnachweise(db, 2026, 3)
        with db.arbeitseinheit() as sitzung:
            zeile = sitzung.scalars(select(SchichtZeile).order_by(SchichtZeile.beginn)).first()
            assert zeile is not None and zeile.ist_ende is not None
            zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)
        lauf.schliesse_ab(db, 2026, 4)
        assert beitragsnachweise(db, 2026, 3) == maerz_vorher
        (aok,) = [n for n in beitragsnachweise(db, 2026, 4) if n.einzugsstelle == "AOK BW"]
        (korrektur,) = aok.korrekturen
        assert (korrektur.zeitraum, korrektur.personalnummer, korrektur.version) == ("03/2026", "1", 2)
        alt, neu = (
            v.ergebnis
            for v in ablage.versionen(db, 2026, 3, ablage.lade_monat(db, 2026, 3).ergebnisse[0].assistenzkraft_id)
        )
        assert korrektur.summe == _beitraege(neu) - _beitraege(alt) > 0
        assert aok.summe == korrektur.summe + sum(p.summe for p in aok.personen)
    finally:
        db.schliessen()


def test_erstattungen_werden_gezeigt_nicht_verrechnet(tmp_path: Path) -> None:
    """U1 claims are applied for and refunded by the Kasse (§ 2 Abs. 1 AAG), which may set contributions off against
    them (§ 6 Abs. 2 AAG); the data set's field "Erstattungsbetrag der Arbeitgeberaufwendungen" (BW02 v12, ERSTAAG)
    stays 0,00. Household of tests/core/erstattung/test_erstattung_dienst.py: Sabine (AOK BW) 4 × 8 h × 16,00 € =
    512,00 €, refunded at 70 % = 358,40 €: listed with the AOK's Beitragsnachweis, whose Zahlbetrag stays the sum of
    the payslips' contributions. Ulrike's claim (Minijob-Zentrale, 134,40 €) belongs to a Haushaltsscheck minijob,
    for which there is no Beitragsnachweis at all."""
    lade_kopie(szenario_datei(tmp_path), tmp_path / "h.sqlite")
    db = start.oeffne(tmp_path / "h.sqlite")
    try:
        lauf.schliesse_ab(db, 2026, 3)
        nachweise = {n.einzugsstelle: n for n in beitragsnachweise(db, 2026, 3)}
        assert set(nachweise) == {"AOK BW"}
        aok = nachweise["AOK BW"]
        assert [(e.name, e.verfahren, e.betrag, e.status) for e in aok.erstattungen] == [
            ("Sabine Muster", "U1", Decimal("358.40"), "offen")
        ]
        ergebnisse = [g.ergebnis for g in ablage.lade_monat(db, 2026, 3).ergebnisse]
        eigene = [e for e in ergebnisse if e.einzugsstelle == "AOK BW"]
        assert aok.summe == sum((_beitraege(e) for e in eigene), Decimal(0))
        beitragsnachweis_pdf([aok], tmp_path / "bn.pdf", gedruckt_am=date(2026, 3, 20))
        text = " ".join(" ".join(pdf_text(tmp_path / "bn.pdf")).split())
        assert "Erstattungsbetrag der Arbeitgeberaufwendungen (U1/U2): nicht verrechnet" in text
        assert "358,40" in text and "§ 6 Abs. 2 AAG" in text
    finally:
        db.schliessen()
