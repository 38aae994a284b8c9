"""Excel export with live formulas, recalculated by LibreOffice headless; PDF export readable as text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from core.budget.kalkulation import (
    ERGEBNIS_SCHLUESSEL,
    SEED_BEISPIEL,
    berechne,
    neue_kalkulation,
    vorbelegen,
)
from core.domain.geld import cent
from core.fehler import EingabeFehler
from core.io.kalkulation_export import Kopf, exportiere_datei, schreibe_kalkulation_pdf, schreibe_xlsx
from core.io.kalkulation_import import importiere
from tests.core.io.kalkulation_varianten import FAELLE, libreoffice_ods
from tests.pdf import pdf_text


@pytest.fixture(scope="module")
def libreoffice_ergebnisse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return libreoffice_ods(
        tmp_path_factory.getbasetemp()
    )  # shared with test_kalkulation_import in the same test process


@pytest.mark.libreoffice
@pytest.mark.parametrize("fall", list(FAELLE))
def test_libreoffice_rechnet_dieselben_summen(fall: str, libreoffice_ergebnisse: dict[str, Path]) -> None:
    """The totals LibreOffice computed from our formulas (read back from the .ods it saved) equal ours to the cent."""
    programm = berechne(FAELLE[fall]).summen()
    zurueck = importiere(libreoffice_ergebnisse[fall])
    assert zurueck.parameter == FAELLE[fall]
    berechnet_von_lo = {k: cent(abs(w)) for k, (w, _zelle) in zurueck.in_datei.items()}
    for schluessel in ERGEBNIS_SCHLUESSEL:
        assert berechnet_von_lo[schluessel] == programm[schluessel], schluessel
    assert berechnet_von_lo["pauschalen"] == cent(berechne(FAELLE[fall])["pauschalen"])
    assert zurueck.abweichungen == ()


def test_export_hat_formeln_und_markierte_eingaben(tmp_path: Path) -> None:
    ziel = schreibe_xlsx(SEED_BEISPIEL, tmp_path / "k.xlsx", Kopf("Antrag 2027", date(2027, 1, 1), "Notiz"))
    ws = openpyxl.load_workbook(ziel).active
    formeln = {c.coordinate: c.value for row in ws.iter_rows() for c in row if str(c.value).startswith("=")}
    assert len(formeln) >= 25
    eingaben = [c for row in ws.iter_rows() for c in row if c.fill.fill_type == "solid"]
    assert len(eingaben) == len(SEED_BEISPIEL.als_dict())
    assert all(not str(c.value).startswith("=") for c in eingaben)
    # every input row is named "Eingabe" in the explanation column (not by colour alone) and has a comment
    assert all(str(ws[f"H{c.row}"].value).startswith("Eingabe") for c in eingaben)
    assert all(c.comment is not None for c in eingaben)


def test_pdf_enthaelt_summen_erklaerungen_notiz_und_druckdatum(tmp_path: Path) -> None:
    v = vorbelegen(date(2026, 3, 1))
    ziel = schreibe_kalkulation_pdf(
        v.parameter, tmp_path / "k.pdf", Kopf("Antrag 2026", date(2026, 3, 1), v.notiz), gedruckt_am=date(2026, 3, 5)
    )
    text = pdf_text(ziel)
    summen = berechne(v.parameter).summen()
    betrag = f"{summen['gesamtkosten_jahr']:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert betrag in text
    assert "gedruckt am 05.03.2026" in text
    assert "Rechengrößen 2026" in text
    assert "Bereitschaft" in text and "Zusatzbeitrag" in text


def test_unbekannte_endung(tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler, match=r"\.xlsx oder \.pdf"):
        exportiere_datei(SEED_BEISPIEL, tmp_path / "k.ods", Kopf("x", date(2026, 1, 1)), gedruckt_am=date(2026, 1, 1))


@pytest.mark.parametrize("endung", [".xlsx", ".pdf"])
def test_ziel_nicht_schreibbar_eine_deutsche_meldung(tmp_path: Path, endung: str) -> None:
    """A folder that does not exist: the one German sentence the other exports give, nothing half-written."""
    ziel = tmp_path / "gibt-es-nicht" / f"k{endung}"
    with pytest.raises(EingabeFehler) as info:
        exportiere_datei(SEED_BEISPIEL, ziel, Kopf("x", date(2026, 1, 1)), gedruckt_am=date(2026, 1, 1))
    assert "kann nicht geschrieben werden (Datei oder Ordner nicht gefunden)" in str(info.value)
    assert "anderen Ordner" in str(info.value)
    assert not ziel.parent.exists()


def test_pdf_nennt_antragstellerin_und_warnt_vor_veralteten_saetzen(tmp_path: Path) -> None:
    """Issue 13, finding 8: the applicant's name and address head the sheet; 2016 rates printed in 2026 say so."""
    ziel = schreibe_kalkulation_pdf(
        SEED_BEISPIEL,
        tmp_path / "alt.pdf",
        Kopf("Antrag 2027", date(2026, 12, 3), antragsteller=("Maria Muster", "Lindenweg 3", "79098 Freiburg")),
        gedruckt_am=date(2026, 12, 3),
    )
    text = " ".join(pdf_text(ziel).split())
    assert "Antragsteller/in: Maria Muster, Lindenweg 3, 79098 Freiburg" in text
    assert "Achtung: Die Sätze dieser Kalkulation sind veraltet" in text
    assert "Rechengrößen für 2026" in text and "Mindestlohn 2026: 13,90 €" in text
    # the warning comes before the first figure
    assert text.index("Achtung") < text.index("Gesamtkosten im Jahr")


def test_pdf_mit_aktuellen_saetzen_ohne_warnung_und_ohne_stammdaten_zum_ausfuellen(tmp_path: Path) -> None:
    v = neue_kalkulation(date(2026, 12, 3))
    kopf = Kopf("Antrag 2027", date(2026, 12, 3), v.notiz)
    ziel = schreibe_kalkulation_pdf(v.parameter, tmp_path / "neu.pdf", kopf, gedruckt_am=date(2026, 12, 3))
    text = " ".join(pdf_text(ziel).split())
    assert "Achtung" not in text and "veraltet" not in text
    assert "Antragsteller/in: ____" in text and "(Name und Anschrift)" in text


def test_antragsteller_aus_den_stammdaten(tmp_path: Path) -> None:
    from core.io.kalkulation_dateien import antragsteller
    from core.stammdaten import start
    from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber

    db = start.oeffne(tmp_path / "haushalt.sqlite")
    try:
        assert antragsteller(db) == ()
        speichere_arbeitgeber(
            db,
            ArbeitgeberDaten(
                vorname="Maria", nachname="Muster", strasse="Lindenweg 3", plz="79098", ort="Freiburg", bundesland="BW"
            ),
        )
        assert antragsteller(db) == ("Maria Muster", "Lindenweg 3", "79098 Freiburg")
    finally:
        db.schliessen()
