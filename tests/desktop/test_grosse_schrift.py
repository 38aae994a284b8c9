"""With the font at 200 % every window fits the screen and a focused field is scrolled into view."""

from __future__ import annotations

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.bereiche import BEREICHE
from desktop.einstellungen import SCHRIFTGROESSE, Einstellungen
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _frei(w: QWidget) -> QRect:
    bildschirm = w.screen() or QApplication.primaryScreen()
    return bildschirm.availableGeometry()


@pytest.fixture
def gross(einstellungen: Einstellungen) -> Einstellungen:
    vorher = QApplication.font().pointSizeF()
    einstellungen[SCHRIFTGROESSE] = 200
    assert QApplication.font().pointSizeF() == pytest.approx(vorher * 2)
    return einstellungen


def test_hauptfenster_und_jeder_bereich_passen_auf_den_bildschirm(qtbot, kontext: Kontext, gross) -> None:
    fenster = Hauptfenster(kontext)
    qtbot.addWidget(fenster)
    fenster.show()
    frei = _frei(fenster)
    assert fenster.width() <= frei.width() and fenster.height() <= frei.height()
    for b in BEREICHE:
        fenster.zeige_bereich(b.schluessel)
        # an area wider than the window scrolls inside it: the window itself can stay on the screen
        assert fenster.minimumSizeHint().width() <= frei.width(), b.schluessel
        assert fenster.minimumSizeHint().height() <= frei.height(), b.schluessel


def test_grosse_dialoge_passen_auf_den_bildschirm(qtbot, kontext: Kontext, gross) -> None:
    from datetime import date
    from decimal import Decimal

    from core.stammdaten import assistenzkraefte, vertraege
    from desktop.personalbogen import Personalbogen
    from desktop.vertraege import VertragDialog

    kraft = assistenzkraefte.speichere_assistenzkraft(
        kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Beispiel")
    )
    vertrag = vertraege.VertragDaten(
        assistenzkraft_id=kraft.id, gueltig_ab=date(2026, 1, 1), eintritt=date(2026, 1, 1), lohnsatz=Decimal("15.50")
    )
    for dialog in (Personalbogen(kontext, kraft.id), VertragDialog(kontext, vertrag, None)):
        qtbot.addWidget(dialog)
        dialog.show()
        frei = _frei(dialog)
        assert dialog.width() <= frei.width() and dialog.height() <= frei.height(), dialog.windowTitle()


def test_feld_per_alt_taste_wird_ins_bild_gerollt(qtbot, fenster: Hauptfenster, gross) -> None:
    """Einstellungen → Arbeitgeber is taller than the window: Alt+I (IBAN, far below) scrolls down to it."""
    fenster.resize(900, 500)
    qtbot.keyClick(fenster, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    seite = fenster.seite("einstellungen").zeige("arbeitgeber")
    iban = seite.maske.feld("iban").eingabe
    seite.maske.feld("nachname").eingabe.setFocus()
    qtbot.waitUntil(lambda: fokus() is seite.maske.feld("nachname").eingabe)
    assert iban.visibleRegion().isEmpty()  # below the visible part at first
    qtbot.keyClick(fokus(), Qt.Key.Key_I, ALT)
    assert fokus() is iban
    qtbot.waitUntil(lambda: not iban.visibleRegion().isEmpty())
    assert isinstance(seite, QScrollArea) and seite.verticalScrollBar().value() > 0


def test_kaestchen_wachsen_mit_der_schrift(qtbot, einstellungen: Einstellungen) -> None:
    from PySide6.QtWidgets import QStyle

    metrik = QStyle.PixelMetric.PM_IndicatorWidth
    normal = QApplication.style().pixelMetric(metrik)
    einstellungen[SCHRIFTGROESSE] = 200
    assert QApplication.style().pixelMetric(metrik) == 2 * normal  # a larger target, visible under a magnifier
    einstellungen[SCHRIFTGROESSE] = 100
    assert QApplication.style().pixelMetric(metrik) == normal
