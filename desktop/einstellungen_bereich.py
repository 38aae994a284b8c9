"""The area "Einstellungen": employer data, Krankenkassen, checklist and program settings as tabs."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QTabWidget, QToolButton, QVBoxLayout, QWidget

from desktop.einstellungen import EinstellungenSeite
from desktop.i18n import tr
from desktop.kontext import Kontext

# (object name, German tab title with mnemonic, "modul:Klasse" taking the Kontext); built when the area opens.
REITER: list[tuple[str, str, str]] = [
    ("arbeitgeber", tr("&1 Arbeitgeber"), "desktop.arbeitgeber:ArbeitgeberSeite"),
    ("krankenkassen", tr("&2 Krankenkassen"), "desktop.krankenkassen:KrankenkassenSeite"),
    ("checkliste", tr("&3 Checkliste"), "desktop.checkliste:ChecklistenAnsicht"),
    ("programm", tr("&4 Programm"), "desktop.einstellungen_bereich:ProgrammSeite"),
    ("rechengroessen", tr("&5 Rechengrößen"), "desktop.rechengroessen:RechengroessenSeite"),
    ("jahreswechsel", tr("&6 Jahreswechsel"), "desktop.jahreswechsel:JahreswechselSeite"),
]


class ProgrammSeite(QScrollArea):
    def __init__(self, kontext: Kontext) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra Tab stop; the fields inside take the focus
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.kontext = kontext
        self.seite = EinstellungenSeite(kontext.einstellungen)
        innen = QWidget()
        spalte = QVBoxLayout(innen)
        spalte.addWidget(self.seite)
        gruppe = QGroupBox(tr("Datenschutz"))
        zeilen = QVBoxLayout(gruppe)
        self.schutzstatus = QLabel()
        self.schutzstatus.setObjectName("schutzstatus")
        self.schutzstatus.setWordWrap(True)
        zeilen.addWidget(self.schutzstatus)
        self.verschluesseln = QPushButton(tr("Datenbank &verschlüsseln …"))
        self.verschluesseln.setObjectName("verschluesseln")
        self.verschluesseln.clicked.connect(self._verschluessele)
        zeilen.addWidget(self.verschluesseln, 0, Qt.AlignmentFlag.AlignLeft)
        self.kennwort_aendern = QPushButton(tr("&Kennwort ändern …"))
        self.kennwort_aendern.setObjectName("kennwort_aendern")
        self.kennwort_aendern.clicked.connect(self._kennwort_aendern)
        zeilen.addWidget(self.kennwort_aendern, 0, Qt.AlignmentFlag.AlignLeft)
        self.entschluesseln = QPushButton(tr("Verschlüsselung a&ufheben …"))
        self.entschluesseln.setObjectName("entschluesseln")
        self.entschluesseln.clicked.connect(self._entschluessele)
        zeilen.addWidget(self.entschluesseln, 0, Qt.AlignmentFlag.AlignLeft)
        spalte.addWidget(gruppe)
        spalte.addStretch(1)
        self.setWidget(innen)
        self.setAccessibleName(tr("Programmeinstellungen"))
        self.aktivieren()

    def aktivieren(self) -> None:
        from desktop.schutz import OHNE_VERSCHLUESSELUNG

        verschluesselt = bool(getattr(self.kontext.datenbank, "kennwort", None))
        text = (
            tr("Die Datenbank und ihre Sicherungen sind mit einem Kennwort verschlüsselt.")
            if verschluesselt
            else OHNE_VERSCHLUESSELUNG
        )
        self.schutzstatus.setText(text)
        self.schutzstatus.setAccessibleName(text)
        self.verschluesseln.setAccessibleDescription(text)  # what a screen reader says on reaching the button
        self.verschluesseln.setEnabled(not verschluesselt)
        self.kennwort_aendern.setEnabled(verschluesselt)
        self.entschluesseln.setEnabled(verschluesselt)

    def _kennwort_aendern(self) -> None:
        from desktop.schutz import aendere_kennwort

        aendere_kennwort(self.kontext, self)
        self.aktivieren()

    def _entschluessele(self) -> None:
        from desktop.schutz import entschluessele_datenbank

        entschluessele_datenbank(self.kontext, self)
        self.aktivieren()

    def _verschluessele(self) -> None:
        from desktop.schutz import verschluessele_datenbank

        verschluessele_datenbank(self.kontext, self)
        self.aktivieren()


class EinstellungenBereich(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.reiter = QTabWidget()
        self.reiter.setObjectName("einstellungen_reiter")
        self.reiter.setAccessibleName(tr("Einstellungen"))
        self.seiten: dict[str, QWidget] = {}
        for name, titel, fabrik in REITER:
            modul, _, klasse = fabrik.partition(":")
            erzeuger: Any = getattr(importlib.import_module(modul), klasse)
            seite: QWidget = erzeuger(kontext)
            seite.setObjectName(f"reiter_{name}")
            self.seiten[name] = seite
            self.reiter.addTab(seite, titel)
        # With six tabs a narrow window shows the tab bar's scroll arrows; they are for the mouse (the keyboard
        # switches tabs with the arrow keys on the tab bar, Strg+Tab or Alt+1 … Alt+6), not extra Tab stops.
        for pfeil in self.reiter.tabBar().findChildren(QToolButton):
            pfeil.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.reiter)
        self.reiter.currentChanged.connect(self._aktiviere_reiter)

    def tastenkuerzel(self) -> list[str]:
        """For the main window's F1 help."""
        return [
            tr("Alt+1 … Alt+6: Arbeitgeber, Krankenkassen, Checkliste, Programm, Rechengrößen, Jahreswechsel"),
            tr("Strg+S: Arbeitgeberdaten oder Krankenkasse speichern"),
            tr("Leertaste in der Checkliste: Punkt abhaken oder Haken entfernen"),
        ]

    def zeige(self, name: str) -> QWidget:
        seite = self.seiten[name]
        self.reiter.setCurrentWidget(seite)
        return seite

    def aktivieren(self) -> None:
        self._aktiviere_reiter(self.reiter.currentIndex())

    def darf_schliessen(self) -> bool:
        """The main window asks before closing: unsaved employer data or Krankenkasse are not lost silently."""
        for name in ("arbeitgeber", "krankenkassen"):
            seite = self.seiten[name]
            pruefen = getattr(seite, "darf_verlassen", None)
            if callable(pruefen) and getattr(seite, "hat_aenderungen", lambda: False)():
                self.zeige(name)
                if not pruefen():
                    return False
        return True

    def _aktiviere_reiter(self, index: int) -> None:
        aktivieren = getattr(self.reiter.widget(index), "aktivieren", None)
        if callable(aktivieren):
            aktivieren()
