"""Qt's own dialogs and buttons speak German (qtbase_de is loaded), and our questions use them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWizard

from desktop import meldungen

pytestmark = pytest.mark.gui


def test_standardknoepfe_sind_deutsch(qtbot, einstellungen) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Abbrechen"
    knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(knoepfe)
    texte = {k.text().replace("&", "") for k in knoepfe.buttons()}
    assert texte == {"Speichern", "Schließen"}


def test_assistent_knoepfe_sind_deutsch(qtbot, einstellungen) -> None:
    assistent = QWizard()
    qtbot.addWidget(assistent)
    assert assistent.buttonText(QWizard.WizardButton.CancelButton) == "Abbrechen"
    assert "Weiter" in assistent.buttonText(QWizard.WizardButton.NextButton)


def test_frage_zeigt_deutsche_knoepfe(qtbot, einstellungen, monkeypatch: pytest.MonkeyPatch) -> None:
    gesehen: dict[str, object] = {}

    def exec_ersatz(box: QMessageBox) -> int:
        gesehen["text"] = box.text()
        gesehen["knoepfe"] = sorted(k.text().replace("&", "") for k in box.buttons())
        gesehen["standard"] = box.defaultButton().text().replace("&", "")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_ersatz)
    assert meldungen.frage(None, "Löschen", "Wirklich löschen?", gefaehrlich=True) is False
    assert gesehen == {"text": "Wirklich löschen?", "knoepfe": ["Ja", "Nein"], "standard": "Nein"}
