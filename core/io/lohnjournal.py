"""The Lohnjournal of a month: every assistant × every Lohnart and total, for the month and the year to date.

What a payroll office's Lohnjournal shows (DATEV and Lexware „Lohnjournal“): per employee the Lohnarten paid,
Gesamtbrutto, Steuerbrutto, SV-Brutto, the employee's taxes and SV shares, Nettoentgelt, further deductions,
Auszahlungsbetrag, and the employer's shares, Umlagen and Pauschsteuer, with the total of all employees — once for
the month and once cumulated for the year. Rows here are those lines, columns the assistants plus the total (the
layout a household with a handful of assistants reads best). The values are the stored results' own; the total
column only adds them up.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.domain.kalender import MONATE
from core.io.belegtabelle import Zeile


@dataclass(frozen=True, slots=True)
class Journalperson:
    """A column: one assistant."""

    personalnummer: str
    name: str
    beschaeftigung: str

    @property
    def kopf(self) -> str:
        return f"{self.name}\n{self.personalnummer} · {self.beschaeftigung}"


@dataclass(frozen=True, slots=True)
class Journalteil:
    """The month's block or the year-to-date block: rows with one value per assistant."""

    titel: str
    zeilen: tuple[Zeile, ...]


@dataclass(frozen=True, slots=True)
class Lohnjournal:
    jahr: int
    monat: int
    arbeitgeber: str
    personen: tuple[Journalperson, ...]
    teile: tuple[Journalteil, ...]
    entwurf: bool = False
    hinweise: tuple[str, ...] = ()

    @property
    def titel(self) -> str:
        titel = f"Lohnjournal {MONATE[self.monat - 1]} {self.jahr}"
        return f"ENTWURF – {titel}" if self.entwurf else titel
