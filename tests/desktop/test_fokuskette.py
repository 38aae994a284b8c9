"""Tab and Shift+Tab reach every control of every area and dialog in reading order, never a hidden one; every
dialog opens with the cursor in it (issue 13).

A new area in desktop/bereiche.py is walked automatically, every tab of it; a new dialog class must be added to
`dialogkatalog.py` (`test_jeder_dialog_steht_im_katalog` fails until it is).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dialogkatalog import DIALOGE, dialogklassen_des_programms
from fokuskette import jede_ansicht, pruefe_fokuskette
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QTabBar, QWizard

from desktop.bereiche import BEREICHE
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("schluessel", [b.schluessel for b in BEREICHE])
def test_bereich(qtbot, geteiltes_demo_fenster: Hauptfenster, schluessel: str, monkeypatch) -> None:
    """With the example household: lists with rows, the month with shifts, the person view with her month."""
    from desktop import meldungen

    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: False)  # a tab that asks on opening (Jahreswechsel)
    fenster = geteiltes_demo_fenster
    fenster.zeige_bereich(schluessel)
    seite = fenster.seite(schluessel)
    qtbot.waitUntil(lambda: getattr(seite, "nachgeladen", True))  # the start page fills in once it is on screen
    probleme = []
    for wo in jede_ansicht(seite):
        probleme += [f"{wo}: {p}" for p in pruefe_fokuskette(qtbot, seite, fenster.navigation)]
        # F6: from the list of areas into the area (onto something shown) and back
        qtbot.keyClick(fenster.navigation, Qt.Key.Key_F6)
        jetzt = QApplication.focusWidget()
        if jetzt is None or not seite.isAncestorOf(jetzt) or not jetzt.isVisible():
            probleme.append(f"{wo}: F6 führt nicht in den Bereich, sondern zu {type(jetzt).__name__}")
        qtbot.keyClick(jetzt or fenster, Qt.Key.Key_F6)
        if QApplication.focusWidget() is not fenster.navigation:
            probleme.append(f"{wo}: F6 führt nicht zurück in die Liste der Bereiche")
    assert probleme == [], "\n".join(probleme)


def test_jeder_dialog_steht_im_katalog(qtbot, demo_kontext: Kontext) -> None:
    gebaut: set[str] = set()
    for fabrik in DIALOGE.values():
        dialog = fabrik(demo_kontext)
        qtbot.addWidget(dialog)
        gebaut |= {
            f"{k.__module__}.{k.__qualname__}" for k in type(dialog).__mro__ if k.__module__.startswith("desktop")
        }
    assert sorted(dialogklassen_des_programms() - gebaut) == []


def _zeige(qtbot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def _seiten(dialog: QDialog) -> Iterator[str]:
    """Each page of a wizard (filling what the first page requires), each tab of every dialog."""
    if not isinstance(dialog, QWizard):
        yield from jede_ansicht(dialog)
        return
    maske = getattr(dialog, "maske", None)
    if maske is not None:
        maske.feld("nachname").setze("Assistenzgeberin")
        maske.feld("bundesland").setze("BW")
    while True:
        yield from (f"Seite {dialog.currentId() + 1}, {wo}" for wo in jede_ansicht(dialog.currentPage()))
        if dialog.nextId() < 0:
            return
        dialog.next()
        QApplication.processEvents()  # the new page is shown and gets its first field
        assert _anfangsfokus_ok(dialog) == "", f"Seite {dialog.currentId() + 1}"


def _anfangsfokus_ok(dialog: QDialog) -> str:
    """The cursor is in the dialog, on something shown, and on a field if the dialog has one (not on OK)."""
    w = QApplication.focusWidget()
    if w is None or not dialog.isAncestorOf(w):
        return f"Fokus nicht im Dialog, sondern bei {type(w).__name__ if w else 'niemandem'}"
    if not w.isVisible():
        return f"Fokus auf verborgenem {type(w).__name__}"
    if isinstance(w, QAbstractButton) and isinstance(w.parentWidget(), QDialogButtonBox):
        return f"Fokus auf der Schaltfläche „{w.text()}“ statt im ersten Feld"
    if isinstance(w, QTabBar):
        return "Fokus auf den Reitern statt im ersten Feld"
    return ""


@pytest.mark.parametrize("name", list(DIALOGE))
def test_dialog(qtbot, demo_kontext: Kontext, name: str, monkeypatch) -> None:
    from desktop import meldungen

    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: True)
    dialog = DIALOGE[name](demo_kontext)
    _zeige(qtbot, dialog)
    assert _anfangsfokus_ok(dialog) == ""
    probleme = []
    for wo in _seiten(dialog):
        start = QApplication.focusWidget()
        if start is None or not dialog.isAncestorOf(start):
            probleme.append(f"{wo}: Fokus nicht im Dialog")
            continue
        probleme += [f"{wo}: {p}" for p in pruefe_fokuskette(qtbot, dialog, start)]
    assert probleme == [], "\n".join(probleme)
