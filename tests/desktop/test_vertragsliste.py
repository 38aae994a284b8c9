"""The contract list names the class the payroll determined, not the choice "automatisch bestimmen" (issue 13)."""

from __future__ import annotations

import pytest

from core.abrechnung.einordnung import Einordnung
from core.regeln.klassifikation import Beschaeftigungsart
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
