"""Alt+letter is unique in every area (each tab, menu bar included) and in every dialog (each tab)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from barrierefreiheit import doppelte_kuerzel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.bereiche import BEREICHE
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui
FORSEA_2016 = Path(__file__).resolve().parent.parent / "data" / "kalkulation" / "forsea-kalkulation-2016.xlsx"


def jeder_reiter(wurzel: QWidget) -> Iterator[str]:
    """Show each tab of each tab widget under `wurzel` in turn; yields where it is (for the failure text)."""
    yield "Anfang"
    for reiter in wurzel.findChildren(QTabWidget):
        if not reiter.isVisibleTo(wurzel.window()):
            continue
        for i in range(reiter.count()):
            reiter.setCurrentIndex(i)
            yield reiter.tabText(i).replace("&", "")


def test_die_pruefung_findet_einen_doppelten_buchstaben(qtbot) -> None:
    seite = QWidget()
    qtbot.addWidget(seite)
    spalte = QVBoxLayout(seite)
    spalte.addWidget(QPushButton("&Speichern"))
    spalte.addWidget(QCheckBox("&Student"))
    spalte.addWidget(QPushButton("Sc&hließen"))
    seite.show()
    assert doppelte_kuerzel(seite) == ["Alt+S: &Speichern | &Student"]


@pytest.mark.parametrize("schluessel", [b.schluessel for b in BEREICHE])
def test_bereich_jeder_reiter(geteiltes_fenster: Hauptfenster, schluessel: str) -> None:
    fenster = geteiltes_fenster
    fenster.zeige_bereich(schluessel)
    seite = fenster.seite(schluessel)
    for wo in jeder_reiter(seite):
        assert doppelte_kuerzel(seite) == [], wo


def test_personalbogen_und_vertrag_jeder_reiter(qtbot, kontext: Kontext) -> None:
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
        for wo in jeder_reiter(dialog):
            assert doppelte_kuerzel(dialog) == [], f"{dialog.windowTitle()}: {wo}"


def test_dialoge_des_budgets(qtbot) -> None:
    from core.io.kalkulation_import import importiere
    from desktop.budget.kalkulation_seite import ImportVorschau, VorbelegenDialog

    for dialog in (VorbelegenDialog([]), ImportVorschau(importiere(FORSEA_2016), "Import")):
        qtbot.addWidget(dialog)
        dialog.show()
        assert doppelte_kuerzel(dialog) == [], dialog.windowTitle()


@pytest.mark.parametrize(
    ("strg", "erwartet"),
    [
        (Qt.Key.Key_2, "Strg+N: neue Assistenzkraft"),
        (Qt.Key.Key_3, "Strg+Z / Strg+Y: rückgängig / wiederholen"),
        (Qt.Key.Key_6, "Strg+S: Kalkulation speichern"),
        (Qt.Key.Key_7, "Leertaste in der Checkliste"),
    ],
)
def test_f1_nennt_auch_die_tasten_des_bereichs(
    qtbot, geteiltes_fenster: Hauptfenster, monkeypatch, strg, erwartet
) -> None:
    fenster = geteiltes_fenster
    from PySide6.QtWidgets import QMessageBox

    texte: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texte.append(box.text()) or 0)
    qtbot.keyClick(fenster, strg, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fenster, Qt.Key.Key_F1)
    (text,) = texte
    assert "F6: zwischen Navigation und Inhalt wechseln" in text
    assert erwartet in text


def tab_runde(qtbot, fenster: QWidget, hoechstens: int = 400) -> list[QWidget]:
    """Press Tab from the current focus until it comes back; fails on a trap (Tab stuck or looping elsewhere)."""
    from barrierefreiheit import fokus

    start = fokus()
    gesehen: list[QWidget] = [start]
    for _ in range(hoechstens):
        qtbot.keyClick(fokus(), Qt.Key.Key_Tab)
        jetzt = fokus()
        assert jetzt.window() is fenster.window(), "Tab hat das Fenster verlassen"
        if jetzt is start:
            return gesehen
        assert jetzt not in gesehen, f"Tab kreist ohne Rückkehr: {type(jetzt).__name__} '{jetzt.objectName()}'"
        gesehen.append(jetzt)
    raise AssertionError(f"nach {hoechstens} Tabs nicht zurück – Tastaturfalle bei {type(fokus()).__name__}")


@pytest.mark.parametrize("schluessel", [b.schluessel for b in BEREICHE])
def test_keine_tastaturfalle_im_bereich(qtbot, geteiltes_fenster: Hauptfenster, schluessel: str) -> None:
    fenster = geteiltes_fenster
    fenster.zeige_bereich(schluessel)
    fenster.navigation.setFocus()
    qtbot.waitUntil(lambda: fenster.navigation.hasFocus())
    runde = tab_runde(qtbot, fenster)
    seite = fenster.seite(schluessel)
    assert any(seite.isAncestorOf(w) for w in runde), "Tab erreicht den Inhalt des Bereichs nicht"
    # the text that *is* the page (overview, "kommt später") is a Tab stop for screen-reader users
    for name in ("text", "hinweis"):
        if isinstance(getattr(seite, name, None), QWidget):
            assert getattr(seite, name) in runde, name


def test_keine_tastaturfalle_in_der_importvorschau(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from core.io.kalkulation_import import importiere
    from desktop.budget.kalkulation_seite import ImportVorschau

    dialog = ImportVorschau(importiere(FORSEA_2016), "Import")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.tabelle.setFocus()
    runde = tab_runde(qtbot, dialog, hoechstens=20)  # not one Tab per cell of the 30 recognised values
    assert dialog.name in runde
