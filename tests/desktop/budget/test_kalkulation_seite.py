"""Kostenkalkulation screen by keyboard: import an old sheet with preview and save it; edit a value and save."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from barrierefreiheit import pruefe_barrierefreiheit
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.budget import kalkulation_dienst as dienst
from core.budget.kalkulation import SEED_BEISPIEL, berechne
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from desktop.budget.kalkulation_seite import ImportVorschau, KalkulationSeite
from desktop.einstellungen import Einstellungen
from desktop.formular import dezimal_als_text
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui
FORSEA_2016 = Path(__file__).resolve().parents[2] / "data" / "kalkulation" / "forsea-kalkulation-2016.xlsx"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()


@pytest.fixture
def seite(qtbot, einstellungen: Einstellungen, db: Datenbank) -> KalkulationSeite:
    s = KalkulationSeite(Kontext(datenbank=db, einstellungen=einstellungen))
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
    erwartet = berechne(SEED_BEISPIEL.mit(krankheit_tage=Decimal(20))).summen()["gesamtkosten_jahr"]
    assert dezimal_als_text(erwartet, 2) in seite.summen.text()  # updated while typing
    qtbot.keyClick(feld, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    gespeichert = dienst.lade(db, "Antrag 2027")
    assert gespeichert.parameter.krankheit_tage == Decimal(20)
    assert gespeichert.parameter == SEED_BEISPIEL.mit(krankheit_tage=Decimal(20))


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
