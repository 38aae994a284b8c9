"""A small accessible choice dialog (which shift of a cell, which assistant) — a named list plus OK/Abbrechen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.dialoge import modal
from desktop.formular import ohne_mnemonic


class AuswahlDialog(QDialog):
    """Pick one entry with the arrow keys and Enter; `gewaehlt` is its value."""

    def __init__(
        self,
        titel: str,
        frage: str,
        eintraege: Sequence[tuple[Any, str]],
        parent: QWidget | None = None,
        *,
        vorauswahl: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.gewaehlt: Any = None
        spalte = QVBoxLayout(self)
        beschriftung = QLabel(frage)
        beschriftung.setWordWrap(True)
        self.liste = QListWidget()
        self.liste.setObjectName("auswahl")
        self.liste.setAccessibleName(ohne_mnemonic(frage))
        beschriftung.setBuddy(self.liste)
        for wert, text in eintraege:
            eintrag = QListWidgetItem(text)
            eintrag.setData(Qt.ItemDataRole.UserRole, wert)
            self.liste.addItem(eintrag)
            if wert == vorauswahl:
                self.liste.setCurrentItem(eintrag)
        if self.liste.currentRow() < 0 and self.liste.count():
            self.liste.setCurrentRow(0)
        self.liste.itemActivated.connect(lambda _e: self._ok())
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        knoepfe.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("abbrechen")
        knoepfe.accepted.connect(self._ok)
        knoepfe.rejected.connect(self.reject)
        spalte.addWidget(beschriftung)
        spalte.addWidget(self.liste)
        spalte.addWidget(knoepfe)
        self.liste.setFocus()

    def _ok(self) -> None:
        eintrag = self.liste.currentItem()
        if eintrag is None:
            return
        self.gewaehlt = eintrag.data(Qt.ItemDataRole.UserRole)
        self.accept()


def waehle(
    parent: QWidget | None,
    titel: str,
    frage: str,
    eintraege: Sequence[tuple[Any, str]],
    *,
    vorauswahl: Any = None,
) -> Any:
    """Ask; returns the chosen value, or None if cancelled. A single entry is taken without asking."""
    if not eintraege:
        return None
    if len(eintraege) == 1 and vorauswahl is None:
        return eintraege[0][0]
    dialog = AuswahlDialog(titel, frage, eintraege, parent, vorauswahl=vorauswahl)
    if modal(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.gewaehlt
