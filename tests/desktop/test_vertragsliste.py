"""The contract list names the class the payroll determined, not the choice "automatisch bestimmen" (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.abrechnung.einordnung import Einordnung
from core.regeln.klassifikation import Beschaeftigungsart
from desktop.hauptfenster import Hauptfenster
from desktop.vertraege import beschaeftigung_text

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("art", "einordnung", "text"),
    [
        ("minijob", None, "Minijob"),  # chosen by her: as chosen
        ("auto", None, "automatisch (noch keine Abrechnung)"),
        ("auto", Einordnung(Beschaeftigungsart.MINIJOB, 2026, 3, False), "Minijob (automatisch bestimmt, 03/2026)"),
        (
            "auto",
            Einordnung(Beschaeftigungsart.MIDIJOB, 2026, 4, True),
            "Übergangsbereich (Midijob) (automatisch bestimmt, Entwurf 04/2026)",
        ),
    ],
)
def test_beschaeftigung_in_der_liste(art: str, einordnung: Einordnung | None, text: str) -> None:
    assert beschaeftigung_text(art, einordnung) == text


def test_keine_liste_zeigt_die_auswahl_statt_des_ergebnisses(demo_fenster: Hauptfenster) -> None:
    """The example household has two contracts on "automatisch bestimmen" and no finalised month: the list of
    assistants says so (it reads finalised months only) instead of showing the choice."""
    demo_fenster.zeige_bereich("assistenzkraefte")
    bereich = demo_fenster.seite("assistenzkraefte")
    m = bereich.modell
    spalte = next(c for c, s in enumerate(m.spalten) if s.titel == "Beschäftigung")
    # the plain text (on screen its long words carry soft hyphens: `Spalte.trennen`)
    texte = [m.data(m.index(r, spalte), Qt.ItemDataRole.AccessibleTextRole) for r in range(m.rowCount())]
    assert "automatisch bestimmen" not in texte
    assert texte.count("automatisch (noch kein Monat abgeschlossen)") == 2
