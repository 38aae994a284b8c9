"""Budget area: Übersicht (chart + table), Bewilligungen (form, overlap refused at its field), Antrag vs Ist,
Verwendungsnachweis export, the start-page line; every screen named for a screen reader, mnemonics unique."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from barrierefreiheit import doppelte_kuerzel, pruefe_barrierefreiheit

from core.budget import bewilligungen as dienst
from core.budget import kalkulation_dienst
from core.budget.bewilligung import BewilligungDaten
from core.budget.dienst import budgetstand
from core.budget.kalkulation import KalkulationsParameter
from core.budget.kalkulation_dienst import KalkulationsVersion
from core.persistence.datenbank import Datenbank
from desktop import meldungen
from desktop.budget.bereich import BudgetBereich
from desktop.budget.bewilligungen_seite import BewilligungDialog
from desktop.budget.kurzinfo import kurztext
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.core.budget.hilfe import haushalt, plane_monate, schliesse_ab

pytestmark = pytest.mark.gui
D = Decimal


@pytest.fixture
def hdb(tmp_path: Path) -> Iterator[Datenbank]:
    db = haushalt(tmp_path)
    dienst.speichere(
        db,
        BewilligungDaten(
            "Eingliederungshilfe 2026", "Bezirk", (2026, 1), (2026, 12), D("400.00"), D("24"), leistungsarten=("EGH",)
        ),
    )
    dienst.speichere(
        db, BewilligungDaten("Pflegekasse 2026", "AOK", (2026, 3), (2026, 12), D("250.00"), leistungsarten=("PK",))
    )
    kalkulation_dienst.speichere(
        db,
        KalkulationsVersion(
            "Antrag 2026", date(2026, 1, 1), KalkulationsParameter(stundensatz=D(15), tage=D(360), arbeit1_stunden=D(1))
        ),
    )
    plane_monate(db, range(4, 13))
    schliesse_ab(db, 3, 4)
    budgetstand(db, 2026)  # the forecast is then known: the page shows it without a background run
    yield db
    db.schliessen()


@pytest.fixture
def bereich(qtbot, einstellungen: Einstellungen, hdb: Datenbank) -> BudgetBereich:
    b = BudgetBereich(Kontext(datenbank=hdb, einstellungen=einstellungen))
    qtbot.addWidget(b)
    b.resize(1100, 700)
    b.show()
    qtbot.waitExposed(b)
    b.uebersicht.jahr.setValue(2026)
    b.aktivieren()
    return b


def test_uebersicht_diagramm_und_tabelle(bereich: BudgetBereich) -> None:
    seite = bereich.uebersicht
    assert seite.auswahl.count() == 3  # all + two Bewilligungen
    zeilen = seite.modell.zeilen
    assert len(zeilen) == 12
    maerz, mai = zeilen[2], zeilen[4]
    assert maerz[1] == "abgeschlossen" and maerz[2] == D("650.00") and maerz[3] == D("618.95")  # 400 + 250
    assert mai[1] == "entwurf" and mai[4] == D("618.95")
    assert "Prognose" in seite.summe.text()
    assert "übersteigt" in seite.warnungen.text()  # PK: 10 × 275,09 > 10 × 250
    seite.auswahl.setCurrentIndex(2)
    assert seite.modell.zeilen[0][0] == (2026, 3)
    seite.auswahl.setCurrentIndex(0)
    seite.diagramm.grab().save("/tmp/budget-diagramm.png")
    bereich.grab().save("/tmp/budget-uebersicht.png")
    assert pruefe_barrierefreiheit(bereich) == []
    assert doppelte_kuerzel(seite) == []


def test_bewilligung_anlegen_und_ueberschneidung_am_feld(qtbot, bereich: BudgetBereich, hdb: Datenbank) -> None:
    bereich.setCurrentWidget(bereich.bewilligungen)
    assert bereich.bewilligungen.modell.rowCount() == 2
    assert pruefe_barrierefreiheit(bereich) == []
    assert doppelte_kuerzel(bereich.bewilligungen) == []
    dialog = BewilligungDialog(bereich.bewilligungen.kontext, None, bereich)
    qtbot.addWidget(dialog)
    f = dialog.formular.felder
    qtbot.keyClicks(f["name"].eingabe, "Arbeitsassistenz")
    qtbot.keyClicks(f["von"].eingabe, "01/2026")
    qtbot.keyClicks(f["bis"].eingabe, "12/2026")
    qtbot.keyClicks(f["betrag_monat"].eingabe, "300")
    dialog.arten.felder["la_EGH"].eingabe.setChecked(True)
    dialog._speichern()
    assert dialog.gespeichert is None
    assert "überschneiden sich" in dialog.formular.fehlertexte()[""]
    dialog.arten.felder["la_EGH"].eingabe.setChecked(False)
    dialog.arten.felder["la_AA"].eingabe.setChecked(True)
    dialog._speichern()
    assert dialog.gespeichert is not None and dialog.gespeichert.leistungsarten == ("AA",)
    assert "Arbeitsassistenz" in [b.name for b in dienst.liste(hdb)]
    dialog.show()
    dialog.grab().save("/tmp/budget-bewilligung-dialog.png")
    assert pruefe_barrierefreiheit(dialog) == []
    assert doppelte_kuerzel(dialog) == []


def test_antrag_und_ist(bereich: BudgetBereich) -> None:
    bereich.setCurrentWidget(bereich.antrag_ist)
    seite = bereich.antrag_ist
    seite.jahr.setValue(2026)
    texte = {z.schluessel: z for z in seite.modell.zeilen}
    assert texte["gesamtkosten_jahr"].ist == D("1237.90")  # March and April, 2 × 618,95
    assert "2 Monate abgeschlossen" in seite.stand.text()
    assert pruefe_barrierefreiheit(bereich) == []
    assert doppelte_kuerzel(seite) == []
    assert pruefe_barrierefreiheit(bereich) == []


def test_verwendungsnachweis_export(
    qtbot, bereich: BudgetBereich, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fertig: list[Path] = []
    monkeypatch.setattr(meldungen, "datei_fertig", lambda _p, _t, _x, pfad: fertig.append(pfad))
    bereich.setCurrentWidget(bereich.nachweis)
    seite = bereich.nachweis
    assert pruefe_barrierefreiheit(bereich) == []
    assert doppelte_kuerzel(seite) == []
    ziel = tmp_path / "nachweis.pdf"
    seite.exportieren(".pdf", ziel)
    qtbot.waitUntil(lambda: fertig == [ziel], timeout=20000)
    assert ziel.read_bytes().startswith(b"%PDF")
    seite.von.setText("13/2026")
    seite.exportieren(".pdf", tmp_path / "falsch.pdf")
    assert "MM/JJJJ" in seite.fehler.text()


def test_kurzinfo_der_startseite(einstellungen: Einstellungen, hdb: Datenbank) -> None:
    text = kurztext(Kontext(datenbank=hdb, einstellungen=einstellungen), heute=date(2026, 5, 10)).replace("\xa0", " ")
    assert text.startswith("Budget 2026: diesen Monat 618,95 € (geplant)")
    assert "übrig im Jahr nach Prognose" in text and "nächste Warnung:" in text


def test_kurzinfo_nimmt_den_datenstand_hoechstens_einmal(
    einstellungen: Einstellungen, hdb: Datenbank, db: Datenbank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start page shows this line on every visit: one fingerprint of the data with months to forecast (it took
    two: "is the forecast known?", then the budget), none in a household without a Bewilligung; same text."""
    from sqlalchemy.orm import Session

    from core.budget import dienst as budgetdienst

    gezaehlt: list[Session] = []
    echt = budgetdienst.datenstand

    def zaehlend(sitzung: Session) -> str:
        gezaehlt.append(sitzung)
        return echt(sitzung)

    monkeypatch.setattr(budgetdienst, "datenstand", zaehlend)
    text = kurztext(Kontext(datenbank=hdb, einstellungen=einstellungen), heute=date(2026, 5, 10)).replace("\xa0", " ")
    assert text.startswith("Budget 2026: diesen Monat 618,95 € (geplant)")
    assert len(gezaehlt) == 1
    gezaehlt.clear()
    leer = kurztext(Kontext(datenbank=db, einstellungen=einstellungen), heute=date(2026, 5, 10))
    assert leer == "Budget: noch keine Bewilligung für 2026 erfasst."
    assert gezaehlt == []
