"""The template dialog says what the Arbeitszeitgesetz thinks of a template and fills in the legal break on request.

Issue 13, finding 7: her own templates stay as they are (no silent change); the dialog shows the § 4 ArbZG warning
where the template is made, and "Gesetzliche Pause eintragen" writes the minimum break into the Pausen field only:
Ctrl+Z in the field takes it back, and the file changes with "Speichern" alone (one transaction).
"""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.dienstplan import dienst
from core.dienstplan.vorlagen import Schichtvorlage, VorlagenPause
from desktop.dienstplan.vorlagen_dialog import VorlagenDialog
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.barrierefreiheit import fokus

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _dialog(qtbot: Any, haushalt: Haushalt) -> VorlagenDialog:
    dialog = VorlagenDialog(haushalt.db, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _waehle(dialog: VorlagenDialog, name: str) -> None:
    dialog.liste.setCurrentRow(next(i for i, v in enumerate(dialog.vorlagen) if v.name == name))


def test_standardvorlagen_und_ehrlicher_24h_block(qtbot: Any, haushalt: Haushalt) -> None:
    dialog = _dialog(qtbot, haushalt)
    for name in ("Frühdienst", "Spätdienst", "Nachtbereitschaft"):
        _waehle(dialog, name)
        assert dialog.arbzg.text() == "✓ Pausen und Länge entsprechen dem Arbeitszeitgesetz.", name
        assert not dialog.mindestpause.isEnabled()
    _waehle(dialog, "24-h-Block")
    assert "Tarifvertrag nach § 7 ArbZG" in dialog.arbzg.text()
    assert dialog.arbzg.text().startswith("⚠ ")  # the state is said in words and a sign, not by colour
    assert dialog.arbzg.accessibleName() == "Arbeitszeitgesetz"
    assert "§ 7 ArbZG" in dialog.arbzg.accessibleDescription()


def test_alte_vorlage_bleibt_bis_sie_speichert_und_strg_z_nimmt_die_pause_zurueck(
    qtbot: Any, haushalt: Haushalt
) -> None:
    # a file from before the change: its Frühdienst has no break (simulated by saving the old times)
    frueh = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    dienst.speichere_vorlage(haushalt.db, Schichtvorlage("Frühdienst", "F", time(7), time(14), id=frueh.id))
    dialog = _dialog(qtbot, haushalt)
    _waehle(dialog, "Frühdienst")
    assert "„Frühdienst“ hat keine Pause" in dialog.arbzg.text()
    assert dialog.mindestpause.isEnabled()

    qtbot.keyClick(fokus(), Qt.Key.Key_T, ALT)  # Gesetzliche Pause ein&tragen (a mnemonic clicks after a moment)
    # 7 h − 30 min = 6:30 h, halved: 3:15 h after 07:00
    qtbot.waitUntil(lambda: dialog.pausen.wert() == "10:15–10:45")
    assert dialog.arbzg.text().startswith("✓ ")
    assert not dialog.mindestpause.isEnabled()
    stored = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    assert stored.pausen == ()  # nothing saved yet

    qtbot.keyClick(dialog.pausen.eingabe, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pausen.wert() == ""
    assert dialog.mindestpause.isEnabled()

    qtbot.keyClick(fokus(), Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: dialog.pausen.wert() == "10:15–10:45")
    qtbot.keyClick(fokus(), Qt.Key.Key_S, ALT)  # &Speichern: one transaction

    def gespeichert() -> tuple[VorlagenPause, ...]:
        return next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst").pausen

    qtbot.waitUntil(lambda: gespeichert() == (VorlagenPause(time(10, 15), 30),))
