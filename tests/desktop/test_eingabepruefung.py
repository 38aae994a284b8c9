"""Bad identifiers: the field says what is wrong (the core check's words), nothing is saved."""

from __future__ import annotations

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from core.domain import kennungen
from core.stammdaten import arbeitgeber, assistenzkraefte
from desktop import meldungen
from desktop.arbeitgeber import ArbeitgeberSeite
from desktop.kontext import Kontext
from desktop.personalbogen import Personalbogen

pytestmark = pytest.mark.gui


@pytest.fixture
def seite(qtbot, kontext: Kontext) -> ArbeitgeberSeite:
    s = ArbeitgeberSeite(kontext)
    qtbot.addWidget(s)
    s.show()
    s.aktivieren()
    return s


def _tippe_in(qtbot, feld, text: str) -> None:
    fenster = feld.eingabe.window()
    reiter = getattr(fenster, "reiter", None)
    if reiter is not None:  # show the tab that holds the field
        reiter.setCurrentIndex(next(i for i in range(reiter.count()) if reiter.widget(i).isAncestorOf(feld.eingabe)))
    if QApplication.activeWindow() is not fenster:
        fenster.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    feld.eingabe.setFocus()
    qtbot.keyClicks(fokus(), text)
    qtbot.keyClick(fokus(), Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    ("feld", "eingabe", "pruefung"),
    [
        ("betriebsnummer", "12345678", kennungen.pruefe_betriebsnummer),
        ("betriebsnummer", "1234", kennungen.pruefe_betriebsnummer),
        ("iban", "DE89 3704 0044 0532 0130 01", kennungen.pruefe_iban),
        ("iban", "XY12 3456", kennungen.pruefe_iban),
    ],
)
def test_arbeitgeber(qtbot, seite: ArbeitgeberSeite, kontext: Kontext, feld: str, eingabe: str, pruefung) -> None:
    erwartet = pruefung(eingabe)
    assert erwartet, "Testdaten müssen ungültig sein"
    _tippe_in(qtbot, seite.maske.feld("nachname"), "Assistenzgeberin")
    seite.maske.feld("bundesland").setze("BW")
    _tippe_in(qtbot, seite.maske.feld(feld), eingabe)
    # shown when leaving the field …
    assert seite.maske.feld(feld).fehlertext == f"Fehler: {erwartet}"
    # … and again on Speichern, which saves nothing
    assert seite.speichern() is False
    assert seite.maske.feld(feld).fehlertext == f"Fehler: {erwartet}"
    beschreibung = QAccessible.queryAccessibleInterface(seite.maske.feld(feld).eingabe).text(
        QAccessible.Text.Description
    )
    assert beschreibung == f"Fehler: {erwartet}"  # a screen reader hears the message at the field
    assert arbeitgeber.lade_arbeitgeber(kontext.datenbank) is None


@pytest.mark.parametrize(
    ("feld", "eingabe", "pruefung"),
    [
        ("steuer_id", "12345678901", kennungen.pruefe_steuer_id),
        ("steuer_id", "1234", kennungen.pruefe_steuer_id),
        ("versicherungsnummer", "65170839J004", kennungen.pruefe_versicherungsnummer),
        ("versicherungsnummer", "ABC", kennungen.pruefe_versicherungsnummer),
        ("iban", "DE00 0000 0000 0000 0000 00", kennungen.pruefe_iban),
    ],
)
def test_personalbogen(qtbot, kontext: Kontext, feld: str, eingabe: str, pruefung, monkeypatch) -> None:
    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: True)  # closing at the end discards the bad input
    erwartet = pruefung(eingabe)
    assert erwartet, "Testdaten müssen ungültig sein"
    bogen = Personalbogen(kontext)
    qtbot.addWidget(bogen)
    bogen.show()
    _tippe_in(qtbot, bogen.feld("vorname"), "Kreszensia")
    _tippe_in(qtbot, bogen.feld("nachname"), "Assistentin")
    _tippe_in(qtbot, bogen.feld(feld), eingabe)
    assert bogen.speichern() is False
    assert bogen.feld(feld).fehlertext.startswith("Fehler: ")
    assert bogen.feld(feld).fehlertext == f"Fehler: {erwartet}"
    assert bogen.reiter.currentWidget().isAncestorOf(bogen.feld(feld).eingabe)  # the tab with the field is shown
    assert assistenzkraefte.liste_assistenzkraefte(kontext.datenbank) == []
