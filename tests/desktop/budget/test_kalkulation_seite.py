"""Kostenkalkulation screen by keyboard: import an old sheet with preview and save it; edit a value and save."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from barrierefreiheit import pruefe_barrierefreiheit
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.budget import kalkulation_dienst as dienst
from core.budget.kalkulation import berechne, neue_kalkulation
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from desktop.budget.kalkulation_seite import ImportVorschau, KalkulationSeite
from desktop.einstellungen import Einstellungen
from desktop.formular import dezimal_als_text
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui
FORSEA_2016 = Path(__file__).resolve().parents[2] / "data" / "kalkulation" / "forsea-kalkulation-2016.xlsx"
HEUTE = date(2026, 12, 3)  # a fixed "today": nothing here depends on the real date


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()


@pytest.fixture
def seite(qtbot, einstellungen: Einstellungen, db: Datenbank) -> KalkulationSeite:
    s = KalkulationSeite(Kontext(datenbank=db, einstellungen=einstellungen), heute=lambda: HEUTE)
    qtbot.addWidget(s)
    s.show()
    qtbot.waitExposed(s)
    return s


def test_import_mit_vorschau_und_speichern_per_tastatur(qtbot, seite: KalkulationSeite, db: Datenbank) -> None:
    seite.datei_waehlen = lambda: FORSEA_2016
    gesehen: dict[str, str] = {}

    def vorschau_bedienen() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportVorschau):
            QTimer.singleShot(50, vorschau_bedienen)
            return
        gesehen["abweichungen"] = dialog.abweichungen.text()
        gesehen["erkannt"] = str(dialog.tabelle.model().rowCount())
        gesehen["probleme"] = "\n".join(pruefe_barrierefreiheit(dialog))
        # every column (the values too) in view without scrolling sideways
        gesehen["seitwaerts"] = str(dialog.tabelle.horizontalScrollBar().maximum())
        qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.name, "Ist 2016")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, vorschau_bedienen)
    knopf = seite.knoepfe["importieren"]
    knopf.setFocus()
    qtbot.keyClick(knopf, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: [v.name for v in dienst.liste(db)] == ["Ist 2016"], timeout=20000)
    assert "Keine Abweichungen" in gesehen["abweichungen"]
    assert int(gesehen["erkannt"]) > 30
    assert gesehen["probleme"] == ""
    assert gesehen["seitwaerts"] == "0"
    # seed 004, 1.6.2 prints Gesamtkosten im Jahr 147.702,58 € for this sheet
    assert dezimal_als_text(Decimal("147702.58"), 2) in seite.summen.text()
    assert seite.name.text() == "Ist 2016"


def test_wert_aendern_live_und_speichern_per_tastatur(qtbot, seite: KalkulationSeite, db: Datenbank) -> None:
    qtbot.keyClick(seite.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(seite.name, "Antrag 2027")
    feld = seite.eingaben["krankheit_tage"]
    feld.setFocus()
    qtbot.keyClick(feld, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(feld, "20")
    neu = neue_kalkulation(HEUTE).parameter
    erwartet = berechne(neu.mit(krankheit_tage=Decimal(20))).summen()["gesamtkosten_jahr"]
    assert dezimal_als_text(erwartet, 2) in seite.summen.text()  # updated while typing
    qtbot.keyClick(feld, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gespeichert = dienst.lade(db, "Antrag 2027")
    assert gespeichert.parameter.krankheit_tage == Decimal(20)
    assert gespeichert.parameter == neu.mit(krankheit_tage=Decimal(20))


def test_text_statt_zahl_wird_benannt(qtbot, seite: KalkulationSeite) -> None:
    feld = seite.eingaben["stundensatz"]
    feld.setFocus()
    qtbot.keyClick(feld, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(feld, "abc")
    assert "Stundensatz" in seite.summen.text() and "Fehler" in seite.summen.text()


def test_barrierefreiheit_der_seite(seite: KalkulationSeite) -> None:
    assert pruefe_barrierefreiheit(seite) == []
    # every input explains itself to a screen reader
    assert all(e.accessibleDescription() for e in seite.eingaben.values())


def test_neu_beginnt_mit_den_werten_des_jahres(qtbot, seite: KalkulationSeite) -> None:
    """Issue 13, finding 8. Expected: resources/regeln/2026.toml = RECHENGROESSEN.md (Mindestlohn 13,90 € nach
    MiLoV5; KV 14,6, PV 3,6, RV 18,6, AV 2,6 %), typed here, not taken from the code under test."""
    erwartet = {"stundensatz": "13,90", "kv_prozent": "14,6", "pv_prozent": "3,6", "rv_prozent": "18,6"}
    for schluessel, text in {**erwartet, "av_prozent": "2,6"}.items():
        assert seite.eingaben[schluessel].text() == text, schluessel
    assert seite.stand.text() == "03.12.2026" and seite.name.text() == "Neue Kalkulation"
    assert "Rechengrößen 2026" in seite.vermerk.text() and "Beispiel des ForseA-Handbuchs" in seite.vermerk.text()
    assert "veraltet" not in seite.hinweise.text() and "Mindestlohn von" not in seite.hinweise.text()


def test_beispiel_aus_dem_handbuch_nur_auf_wunsch_und_beschriftet(qtbot, seite: KalkulationSeite) -> None:
    seite.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is seite)
    seite.name.setFocus()
    qtbot.keyClick(seite.name, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Beispiel aus dem Handb&uch …
    qtbot.waitUntil(lambda: seite.eingaben["stundensatz"].text() == "13,79")  # seed 004, 1.6.2
    assert seite.stand.text() == "01.03.2016"  # dated as the handbook's sheet, not today
    assert seite.name.text() == "Beispiel aus dem ForseA-Handbuch 2016"
    assert "2016" in seite.vermerk.text() and "veraltet" in seite.vermerk.text()
    assert seite.hinweise.isVisibleTo(seite) and "Mindestlohn 2026: 13,90 €" in seite.hinweise.text()
    # "Neu" brings back today's figures
    qtbot.keyClick(seite.name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: seite.eingaben["stundensatz"].text() == "13,90")
    assert seite.stand.text() == "03.12.2026"


def test_pdf_mit_name_und_anschrift_der_arbeitgeberin(
    qtbot, seite: KalkulationSeite, db: Datenbank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber
    from desktop import meldungen
    from tests.pdf import pdf_text

    speichere_arbeitgeber(
        db,
        ArbeitgeberDaten(
            vorname="Maria", nachname="Muster", strasse="Lindenweg 3", plz="79098", ort="Freiburg", bundesland="BW"
        ),
    )
    seite.ziel_waehlen = lambda endung: tmp_path / f"antrag{endung}"
    seite.beispiel_laden()
    fertig: list[object] = []
    monkeypatch.setattr(meldungen, "datei_fertig", lambda *a, **_k: fertig.append(a))
    seite.exportieren(".pdf")
    qtbot.waitUntil(lambda: bool(fertig), timeout=20000)
    text = " ".join(pdf_text(tmp_path / "antrag.pdf").split())
    assert "Maria Muster, Lindenweg 3, 79098 Freiburg" in text
    assert "Achtung: Die Sätze dieser Kalkulation sind veraltet" in text
