"""The whole first start by keyboard alone: assistant → employer → an assistant → close → reopen → all there."""

from __future__ import annotations

from pathlib import Path

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from core.stammdaten import arbeitgeber, assistenzkraefte
from desktop.app import oeffne_hauptfenster
from desktop.einstellungen import Einstellungen

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier
STRG = Qt.KeyboardModifier.ControlModifier
# The example IBAN the Deutsche Bundesbank and ECBS publish for Germany (valid check digits).
BEISPIEL_IBAN = "DE89 3704 0044 0532 0130 00"


def aktiv(qtbot, fenster: QWidget) -> None:
    qtbot.waitExposed(fenster)
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)


def tippe(qtbot, text: str) -> None:
    qtbot.keyClicks(fokus(), text)


def taste(qtbot, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(fokus(), key, mod)


def test_erster_start_nur_mit_der_tastatur(qtbot, tmp_path: Path, einstellungen: Einstellungen) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    fenster = oeffne_hauptfenster(pfad, einstellungen)
    qtbot.addWidget(fenster)
    assistent = fenster.ersteinrichtung
    aktiv(qtbot, assistent)

    # page 1: person and address; the cursor starts in "Name"
    assert fokus() is assistent.maske.feld("nachname").eingabe
    tippe(qtbot, "Assistenzgeberin")
    taste(qtbot, Qt.Key.Key_Tab)
    tippe(qtbot, "Anna")
    taste(qtbot, Qt.Key.Key_T, ALT)
    tippe(qtbot, "Blumenstraße 5")
    taste(qtbot, Qt.Key.Key_P, ALT)
    tippe(qtbot, "77777")
    taste(qtbot, Qt.Key.Key_O, ALT)
    tippe(qtbot, "Bdorf")
    taste(qtbot, Qt.Key.Key_B, ALT)
    tippe(qtbot, "Baden")  # type-ahead in the list
    assert assistent.maske.feld("bundesland").wert() == "BW"
    taste(qtbot, Qt.Key.Key_Return)  # Weiter
    # page 2: Finanzamt only (Betriebsnummer and Steuernummer may follow later: checklist)
    assert assistent.currentPage() is assistent.seiten["betrieb"]
    taste(qtbot, Qt.Key.Key_A, ALT)
    tippe(qtbot, "Finanzamt Bdorf")
    taste(qtbot, Qt.Key.Key_Return)
    # page 3: the Land's Unfallkasse is proposed
    assert assistent.currentPage() is assistent.seiten["unfall"]
    assert assistent.maske.feld("unfallversicherungstraeger_id").wert() is not None
    taste(qtbot, Qt.Key.Key_Return)
    # page 4: bank
    taste(qtbot, Qt.Key.Key_I, ALT)
    tippe(qtbot, BEISPIEL_IBAN)
    taste(qtbot, Qt.Key.Key_Return)  # saves, then shows the checklist
    assert assistent.currentPage() is assistent.seiten["checkliste"]
    assert arbeitgeber.ist_eingerichtet(fenster.kontext.datenbank)
    taste(qtbot, Qt.Key.Key_Return)  # Abschließen
    qtbot.waitUntil(lambda: not assistent.isVisible())

    # an assistant: Ctrl+2, Ctrl+N, type, Ctrl+S, Escape
    aktiv(qtbot, fenster)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    assert fenster.aktueller_bereich == "assistenzkraefte"
    bereich = fenster.seite("assistenzkraefte")
    taste(qtbot, Qt.Key.Key_N, STRG)  # a button's shortcut "animates" the click: it comes a moment later
    qtbot.waitUntil(lambda: bereich.personalbogen is not None)
    bogen = bereich.personalbogen
    aktiv(qtbot, bogen)
    assert fokus() is bogen.feld("vorname").eingabe
    tippe(qtbot, "Kreszensia")
    taste(qtbot, Qt.Key.Key_Tab)
    tippe(qtbot, "Assistentin")
    taste(qtbot, Qt.Key.Key_2, ALT)  # tab "Kontakt"
    taste(qtbot, Qt.Key.Key_O, ALT)
    tippe(qtbot, "Cstadt")
    taste(qtbot, Qt.Key.Key_S, STRG)
    qtbot.waitUntil(lambda: bogen.id is not None)
    taste(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bereich.personalbogen is None)
    assert bereich.modell.rowCount() == 1
    fenster.close()

    # reopen: no assistant this time, the data are there
    wieder = oeffne_hauptfenster(pfad, einstellungen)
    qtbot.addWidget(wieder)
    assert getattr(wieder, "ersteinrichtung", None) is None
    ag = arbeitgeber.lade_arbeitgeber(wieder.kontext.datenbank)
    assert (ag.vorname, ag.nachname, ag.plz, ag.ort, ag.bundesland) == (
        "Anna",
        "Assistenzgeberin",
        "77777",
        "Bdorf",
        "BW",
    )
    assert ag.iban == BEISPIEL_IBAN.replace(" ", "")
    assert ag.finanzamt == "Finanzamt Bdorf"
    wieder.zeige_bereich("assistenzkraefte")
    liste = wieder.seite("assistenzkraefte").modell.zeilen
    assert [(z.vorname, z.nachname) for z in liste] == [("Kreszensia", "Assistentin")]
    kraft = assistenzkraefte.lade_assistenzkraft(wieder.kontext.datenbank, liste[0].id)
    assert kraft.ort == "Cstadt"
    wieder.close()
