"""Placeholder page for an area that a later version brings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.formular import ohne_mnemonic
from desktop.i18n import tr

if TYPE_CHECKING:
    from desktop.bereiche import Bereich


class Platzhalter(QWidget):
    def __init__(self, bereich: Bereich, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titel = ohne_mnemonic(bereich.titel)
        spalte = QVBoxLayout(self)
        ueberschrift = QLabel(titel)
        schrift = ueberschrift.font()
        schrift.setBold(True)
        ueberschrift.setFont(schrift)
        self.hinweis = QLabel(
            tr("Der Bereich „{titel}“ kommt in einer späteren Version. Geplant: {beschreibung}.").format(
                titel=titel, beschreibung=bereich.beschreibung
            )
        )
        self.hinweis.setWordWrap(True)
        # reachable by Tab so a screen-reader user hears why the page is empty
        self.hinweis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.hinweis.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags, which reset it to ClickFocus
        self.hinweis.setAccessibleName(self.hinweis.text())
        spalte.addWidget(ueberschrift)
        spalte.addWidget(self.hinweis)
        spalte.addStretch(1)
