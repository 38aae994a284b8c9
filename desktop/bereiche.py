"""The product's areas in the main window: one descriptor per area, in menu order.

Adding an area (e.g. the Dienstplan) is one step: write a widget class in your own module whose constructor takes
the `Kontext` (and optionally a parent) and set `fabrik` of your area below to "paket.modul:Klasse". The main window
then shows it in the navigation list, the "Bereich" menu with its mnemonic and its shortcut, and builds it lazily
the first time it is opened (so your imports do not slow the start). If your widget has a method `aktivieren()`,
it is called every time the area is shown (refresh your models there). Keep your texts German and your widgets
accessible; `tests/desktop/test_barrierefreiheit.py` walks every area automatically.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.kontext import Kontext


@dataclass(frozen=True)
class Bereich:
    """One area: `titel` carries its mnemonic (&), `fabrik` is "modul:Klasse" or None for "kommt später"."""

    schluessel: str
    titel: str
    tastenkuerzel: str
    fabrik: str | None
    beschreibung: str

    def erzeuge(self, kontext: Kontext) -> QWidget:
        if self.fabrik is None:
            from desktop.platzhalter import Platzhalter

            return Platzhalter(self)
        modulname, _, name = self.fabrik.partition(":")
        klasse: Any = getattr(importlib.import_module(modulname), name)
        return klasse(kontext)


BEREICHE: list[Bereich] = [
    Bereich(
        "uebersicht",
        tr("&Übersicht"),
        "Ctrl+1",
        "desktop.uebersicht:Uebersicht",
        tr("Stand der Einrichtung, Team und nächste Schritte"),
    ),
    Bereich(
        "assistenzkraefte",
        tr("&Assistenzkräfte"),
        "Ctrl+2",
        "desktop.assistenzkraefte:AssistenzkraefteBereich",
        tr("Personalbögen, Verträge, Ausdrucke und Auskunft"),
    ),
    Bereich(
        "dienstplan",
        tr("&Dienstplan"),
        "Ctrl+3",
        "desktop.dienstplan.bereich:DienstplanBereich",
        tr("Schichten planen und Stunden erfassen"),
    ),
    Bereich(
        "abrechnung",
        tr("A&brechnung"),
        "Ctrl+4",
        "desktop.abrechnung.bereich:AbrechnungBereich",
        tr("Monatliche Lohnabrechnung und Meldungen"),
    ),
    Bereich(
        "erstattungen",
        tr("&Erstattungen"),
        "Ctrl+5",
        "desktop.erstattungen:ErstattungenBereich",
        tr("Erstattungsanträge U1 und U2"),
    ),
    Bereich(
        "budget",
        tr("B&udget"),
        "Ctrl+6",
        "desktop.budget.bereich:BudgetBereich",
        tr("Kostenkalkulation, Bewilligungen, Verwendungsnachweis"),
    ),
    Bereich(
        "einstellungen",
        tr("Ein&stellungen"),
        "Ctrl+7",
        "desktop.einstellungen_bereich:EinstellungenBereich",
        tr("Arbeitgeberdaten, Krankenkassen, Checkliste und Programmeinstellungen"),
    ),
]


def bereich(schluessel: str) -> Bereich:
    for b in BEREICHE:
        if b.schluessel == schluessel:
            return b
    raise KeyError(schluessel)
