"""Entgeltbescheinigung: every field of § 1 EBV in its order, each Lohnart with its marks, payout prominent.

Source for the expected fields and their order: Entgeltbescheinigungsverordnung § 1 (gesetze-im-internet.de/entgbv,
as amended by Art. 30 G v. 20.12.2022 and by the „Verordnung zur Änderung der Entgeltbescheinigungsverordnung und
der Beitragsverfahrensverordnung“, in force 01.01.2025: Abs. 1 Nr. 9 = Kennziffer 0 / 1–5 / Elterneigenschaft);
BMAS, Kommentierung und Fallbeispiele zur EBV, 15.04.2013 (marks J/N per Gesamtbrutto, Steuerbrutto, SV-Brutto).
The figures themselves come from the payroll calculation; the document must show them unchanged.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.domain.geld import format_eur
from core.io.belegdaten import Fassung
from core.io.entgeltbescheinigung import entgeltbescheinigung
from core.io.entgeltbescheinigung_pdf import entgeltbescheinigungen_pdf
from tests.core.io.belege_hilfe import monat, norm, pdf_text, person, szenario

# § 1 Abs. 1 Nr. 1–11 EBV, in the regulation's order
EBV_ABS1 = [
    "Arbeitgeber",
    "Beschäftigte/r",
    "Versicherungsnummer",
    "Beschäftigungsbeginn",
    "Beschäftigungsende",
    "Abrechnungszeitraum",
    "Steuermerkmale",
    "Beitragsgruppenschlüssel, Einzugsstelle",
    "Pflegeversicherung: Kinder (Kennziffer)",
    "Übergangsbereich",
    "Mehrfachbeschäftigung",
]


def drucke(tmp_path: Path, belege: Any, *, name: str = "eb.pdf") -> list[str]:
    ziel = tmp_path / name
    entgeltbescheinigungen_pdf(
        [entgeltbescheinigung(g, belege) for g in belege.eintraege], ziel, erstellt_am=date(2026, 4, 1)
    )
    return pdf_text(ziel)


def test_ebv_abs1_alle_angaben_in_reihenfolge(tmp_path: Path) -> None:
    belege = monat(szenario("sv_pflichtig_nacht_sonntag"), {"carla": person("Carla", "Muster", konfession="rk")})
    beleg = entgeltbescheinigung(belege.eintraege[0], belege)
    assert [a.nummer for a in beleg.angaben] == list(range(1, 12))
    assert [a.label for a in beleg.angaben] == EBV_ABS1
    werte = {a.nummer: a.wert for a in beleg.angaben}
    assert werte[1] == "Anna Beispiel, Musterweg 1, 70173 Stuttgart"
    assert werte[2] == "Carla Muster, Hauptstraße 5, 70176 Stuttgart, geboren am 10.02.1980"
    assert werte[3] == "liegt nicht vor"  # the scenario gives no Versicherungsnummer
    assert werte[5] == "–"  # no end of employment in this month
    assert werte[6] == "März 2026 (01.03.–31.03.2026) · 31 Steuertage · 30 SV-Tage"
    assert werte[7].startswith("Steuerklasse I · Kinderfreibeträge 1 · Kirchensteuermerkmal rk (römisch-katholisch)")
    assert werte[8] == "1111 · AOK BW"  # Beitragsgruppe of a fully insured employee, her Kasse as Einzugsstelle
    (text,) = drucke(tmp_path, belege)
    stellen = [text.index(f"{nr}. {label}") for nr, label in enumerate(EBV_ABS1, start=1)]
    assert stellen == sorted(stellen)
    # § 1 Abs. 4 EBV: marked as a certificate under the Gewerbeordnung
    assert "Bescheinigung nach § 108 Absatz 3 Satz 1 der Gewerbeordnung" in text
    assert "Carla Muster" in text and "1111 · AOK BW" in text


def test_jede_lohnart_mit_menge_satz_betrag_und_kennzeichen(tmp_path: Path) -> None:
    belege = monat(szenario("sv_pflichtig_nacht_sonntag"))
    g = belege.eintraege[0]
    beleg = entgeltbescheinigung(g, belege)
    assert len(beleg.bezuege) == len(g.ergebnis.lohnarten)
    (text,) = drucke(tmp_path, belege)
    for posten, la in zip(beleg.bezuege, g.ergebnis.lohnarten, strict=True):
        assert (posten.gesamtbrutto, posten.steuerbrutto, posten.sv_brutto, posten.einmalig) == (
            la.gesamtbrutto,
            la.steuerbrutto,
            la.sv_brutto,
            la.einmalig,
        )
        assert la.text in text and norm(format_eur(la.betrag)) in text
    steuerfrei = [p for p in beleg.bezuege if "steuer- und beitragsfrei" in p.text]
    assert steuerfrei and all((p.gesamtbrutto, p.steuerbrutto, p.sv_brutto) == (True, False, False) for p in steuerfrei)
    arbeit = next(p for p in beleg.bezuege if p.schluessel == "1000")
    assert norm(f"{arbeit.menge} {arbeit.satz}") == "183,00 Std. 18,00 €"  # 183 hours at 18 € (the scenario)
    assert "183,00 Std. 18,00 €" in text
    assert "GB/St/SV: wirkt auf Gesamtbrutto / Steuerbrutto / SV-Brutto" in text


def test_netto_und_auszahlung_stehen_oben(tmp_path: Path) -> None:
    belege = monat(szenario("sv_pflichtig_nacht_sonntag"))
    e = belege.eintraege[0].ergebnis
    (text,) = drucke(tmp_path, belege)
    oben = text.index("Auszahlungsbetrag")
    assert oben < text.index("1. Arbeitgeber")
    assert norm(format_eur(e.auszahlung)) in text[oben : oben + 40]
    assert text.index("Nettoentgelt") < text.index("1. Arbeitgeber")
    # Abs. 2: the totals and deductions are all there
    for betrag in (e.brutto, e.netto, e.lohnsteuer, e.kv_an, e.pv_an, e.rv_an, e.av_an):
        assert norm(format_eur(betrag)) in text


def test_information_bricht_keine_woerter(tmp_path: Path) -> None:
    """The employer's shares under "Zur Information": a label wraps between words, never inside one (a quarter-page
    column printed "Arbeitslosenversicherun g")."""
    (text,) = drucke(tmp_path, monat(szenario("sv_pflichtig_nacht_sonntag")))
    for label in ("Arbeitslosenversicherung (Arbeitgeberin)", "Rentenversicherung (Arbeitgeberin)"):
        assert label in text


def test_minijob_pauschsteuer_statt_steuerklasse(tmp_path: Path) -> None:
    belege = monat(szenario("minijob_privathaushalt"))
    beleg = entgeltbescheinigung(belege.eintraege[0], belege)
    angaben = {a.nummer: a.wert for a in beleg.angaben}
    assert angaben[7].startswith("Pauschsteuer (2 %, § 40a Abs. 2 EStG)")
    # Beitragsgruppe of a household Minijob with RV: KV 6, RV 1, AV 0, PV 0 (Minijob-Zentrale, Haushaltsscheck)
    assert angaben[8] == "6100 · Minijob-Zentrale (Haushaltsscheckverfahren)"
    assert angaben[9].startswith("entfällt")
    assert angaben[10] == "nein"
    texte = [s.text for s in beleg.summen]
    assert "Pauschal besteuerte Bezüge (§ 40a EStG)" in texte and not any(t.startswith("Steuerbrutto") for t in texte)


def test_uebergangsbereich(tmp_path: Path) -> None:
    belege = monat(szenario("midijob"))
    g = belege.eintraege[0]
    beleg = entgeltbescheinigung(g, belege)
    assert {a.nummer: a.wert for a in beleg.angaben}[10].startswith("ja – Beschäftigung im Übergangsbereich")
    summe = next(s for s in beleg.summen if s.text == "Beitragspflichtige Einnahme im Übergangsbereich")
    assert summe.betrag == g.ergebnis.beitragspflichtige_einnahme
    (text,) = drucke(tmp_path, belege)
    assert "Lohnsteuer" in text  # nil taxes are shown too (Abs. 2 Nr. 3 a)


def _pv(kinder: int, eltern: bool, geburt: str = "1980-02-10") -> Any:
    def aendern(daten: dict[str, Any]) -> None:
        kraft = daten["assistenzkraefte"][0]
        kraft["kinder_unter_25"] = kinder
        kraft["elterneigenschaft"] = eltern
        kraft["geburtsdatum"] = geburt

    return aendern


@pytest.mark.parametrize(
    ("kinder", "eltern", "geburt", "kennziffer"),
    [
        (0, False, "1980-02-10", "0 (Beitragszuschlag für Kinderlose)"),
        (1, True, "1980-02-10", "1 (ein Kind)"),
        (3, True, "1980-02-10", "3 (3 berücksichtigte Kinder unter 25)"),
        (7, True, "1980-02-10", "5 (7 berücksichtigte Kinder unter 25)"),  # at most 5 count
        (0, True, "1960-02-10", "E (Elterneigenschaft nachgewiesen, kein Kind unter 25)"),
        (0, False, "2003-02-10", "0 (Beitragszuschlag für Kinderlose)"),  # 23 in February: surcharge from March
        (0, False, "2003-03-10", "– (unter 23 Jahre: kein Beitragszuschlag)"),  # 23 in March: from April
    ],
    ids=[
        "kinderlos",
        "ein-kind",
        "drei-kinder",
        "sieben-kinder",
        "eltern-ohne-kind-unter-25",
        "23-im-februar",
        "23-im-maerz",
    ],
)
def test_pv_kennziffer_ebv_abs1_nr9_seit_2025(kinder: int, eltern: bool, geburt: str, kennziffer: str) -> None:
    belege = monat(szenario("sv_pflichtig_nacht_sonntag", _pv(kinder, eltern, geburt)))
    beleg = entgeltbescheinigung(belege.eintraege[0], belege)
    assert {a.nummer: a.wert for a in beleg.angaben}[9] == kennziffer


def test_entwurf_ist_markiert(tmp_path: Path) -> None:
    (text,) = drucke(tmp_path, monat(szenario("midijob"), entwurf=True))
    assert "ENTWURF – Entgeltbescheinigung März 2026" in text


def test_korrektur_und_original_sind_beide_druckbar(tmp_path: Path) -> None:
    daten = szenario("midijob")
    nummer = daten["assistenzkraefte"][0]["id"]
    korrektur = Fassung(2, True, date(2026, 4, 15), "Schicht am 12.03. nachgetragen", vorige=(1, date(2026, 3, 31)))
    original = Fassung(1, False, date(2026, 3, 31), naechste=(2, date(2026, 4, 15)))
    (neu,) = drucke(tmp_path, monat(daten, fassungen={nummer: korrektur}), name="neu.pdf")
    (alt,) = drucke(tmp_path, monat(daten, fassungen={nummer: original}), name="alt.pdf")
    assert neu.startswith("Korrektur der Entgeltbescheinigung März 2026")
    assert "ersetzt Fassung 1 vom 31.03.2026" in neu and "Grund: Schicht am 12.03. nachgetragen" in neu
    assert alt.startswith("Entgeltbescheinigung März 2026")
    assert "Fassung 1 vom 31.03.2026 – ersetzt durch Fassung 2 vom 15.04.2026" in alt


def test_namen_aus_aller_welt_werden_gedruckt(tmp_path: Path) -> None:
    def zwei_weitere(daten: dict[str, Any]) -> None:
        kraft = daten["assistenzkraefte"][0]
        for nummer in ("p2", "p3", "p4"):
            daten["assistenzkraefte"].append({**kraft, "id": nummer})
        kraft["id"] = "p1"

    personen = {
        "p1": person("Łukasz", "Wójcik"),
        "p2": person("Ayşe", "Yılmaz"),
        "p3": person("Đặng", "Văn Minh"),
        "p4": person("Ольга", "Иванова"),
    }
    fortschritt: list[tuple[int, int]] = []
    belege = monat(szenario("midijob", zwei_weitere), personen)
    ziel = tmp_path / "monat.pdf"
    entgeltbescheinigungen_pdf(
        [entgeltbescheinigung(g, belege) for g in belege.eintraege],
        ziel,
        erstellt_am=date(2026, 4, 1),
        fortschritt=lambda erledigt, gesamt: fortschritt.append((erledigt, gesamt)),
    )
    seiten = pdf_text(ziel)
    assert len(seiten) == 4  # one page per assistant
    for seite, name in zip(seiten, ("Łukasz Wójcik", "Ayşe Yılmaz", "Đặng Văn Minh", "Ольга Иванова"), strict=True):
        assert name in seite
    assert fortschritt == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert b"Helvetica" not in ziel.read_bytes()  # only the embedded DejaVu Sans, no Latin-1-only base font


def test_sachbezug_und_vorschuss_vor_der_auszahlung(tmp_path: Path) -> None:
    def mit_abzuegen(daten: dict[str, Any]) -> None:
        kraft = daten["assistenzkraefte"][0]
        kraft["sachbezuege"] = [{"art": "verpflegung", "tage": 10}]
        kraft["vorschuesse"] = [{"betrag": "100.00", "text": "Vorschuss"}]

    belege = monat(szenario("sv_pflichtig_nacht_sonntag", mit_abzuegen))
    e = belege.eintraege[0].ergebnis
    beleg = entgeltbescheinigung(belege.eintraege[0], belege)
    weitere = {s.text: s.betrag for s in beleg.weitere}
    assert weitere["Vorschuss"] == Decimal("-100.00")
    assert weitere["Sachbezüge (als Sachleistung erhalten, in den Bezügen enthalten)"] == -e.sachbezuege
    assert e.sachbezuege > 0
    assert beleg.auszahlung == e.auszahlung == e.netto + sum(weitere.values())
