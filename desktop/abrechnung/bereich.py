"""The Abrechnung area: a tab widget whose tabs are listed in `REITER` ("modul:Klasse", in order).

Adding a tab is one line in `REITER`. The class takes the `Kontext` (and optionally a parent) and names its tab in
the class attribute `titel` (with a mnemonic that is unique in the area, see desktop/abrechnung/monatsabrechnung.py).
Optional, as for areas: `aktivieren()` (called whenever the tab is shown), `startfeld()`, `tastenkuerzel()`.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.i18n import tr
from desktop.kontext import Kontext

REITER: list[str] = [
    "desktop.abrechnung.monatsabrechnung:Monatsabrechnung",
    "desktop.berichte.meldungen_seite:MeldungenSeite",
]


def _klasse(fabrik: str) -> Any:
    modulname, _, name = fabrik.partition(":")
    return getattr(importlib.import_module(modulname), name)


class AbrechnungBereich(QTabWidget):
    """The area shown under "Abrechnung" (Ctrl+4)."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.setObjectName("abrechnung_reiter")
        self.setAccessibleName(tr("Ansichten der Abrechnung"))
        self.tabBar().setAccessibleName(tr("Ansichten der Abrechnung"))
        self.setDocumentMode(True)
        for fabrik in REITER:
            klasse = _klasse(fabrik)
            seite = klasse(kontext)
            self.addTab(seite, klasse.titel)
        self._aktiv = False
        self.currentChanged.connect(self._reiter_gewechselt)

    def reiter(self, klasse: type) -> Any:
        """The tab of this class (for tests and for other tabs that want to switch to it)."""
        for i in range(self.count()):
            if isinstance(self.widget(i), klasse):
                return self.widget(i)
        raise KeyError(klasse.__name__)

    def aktivieren(self) -> None:
        self._aktiv = True
        self._rufe("aktivieren")

    def _reiter_gewechselt(self, _index: int) -> None:
        if self._aktiv and self.isVisible():
            self._rufe("aktivieren")

    def _rufe(self, name: str) -> Any:
        methode = getattr(self.currentWidget(), name, None)
        return methode() if callable(methode) else None

    def startfeld(self) -> QWidget | None:
        feld = self._rufe("startfeld")
        return feld if isinstance(feld, QWidget) else None

    def tastenkuerzel(self) -> list[str]:
        tasten = self._rufe("tastenkuerzel")
        return list(tasten) if tasten else []
