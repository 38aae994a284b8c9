"""What every area gets: the open data store, the settings, and a way to talk to the main window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.einstellungen import Einstellungen


def _nichts(_: str) -> None:
    return None


@dataclass
class Kontext:
    """Passed to each area's constructor. `datenbank` is the store opened by core.persistence (fundament)."""

    datenbank: Any
    einstellungen: Einstellungen
    db_pfad: Path | None = None
    statusmeldung: Callable[[str], None] = field(default=_nichts)
    bereich_zeigen: Callable[[str], None] = field(default=_nichts)

    def melde(self, text: str) -> None:
        """Show a short German status message (also read by screen readers via the status bar)."""
        self.statusmeldung(text)

    def zeige_bereich(self, schluessel: str) -> None:
        self.bereich_zeigen(schluessel)

    def schliessen(self) -> None:
        """Release the data file (its lock) when the window closes; safe to call twice."""
        datenbank, self.datenbank = self.datenbank, None
        schliessen = getattr(datenbank, "schliessen", None)
        if callable(schliessen):
            schliessen()
