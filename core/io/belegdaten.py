"""What the payroll documents are made from: the stored results of a month (or a year) with their input snapshots,
the version of each result, and the master data a result does not carry (addresses, Konfession, bank account).

The documents present these values; they compute no money. Sums across assistants or months in a journal are the
only arithmetic, and they only add stored amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from core.abrechnung.modell import Monatseingabe, Monatsergebnis
from core.domain.kalender import MONATE
from core.stammdaten.arbeitgeber import ArbeitgeberDaten
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

if TYPE_CHECKING:
    from core.abrechnung.lauf import OhneVertrag


@dataclass(frozen=True, slots=True)
class Fassung:
    """Which version of a finalised result this is (1 = original, higher = correction) and its neighbours."""

    version: int = 1
    korrektur: bool = False
    erstellt_am: date | None = None
    grund: str = ""
    vorige: tuple[int, date | None] | None = None  # the version this one replaces
    naechste: tuple[int, date | None] | None = None  # the version that replaced this one
    #: a correction of someone without a row in the settling month (she left): where its difference went
    ausgleich: str = ""

    def text(self) -> str:
        """One German line for the payslip head, empty for an original that was never corrected."""
        teile: list[str] = []
        am = f" vom {self.erstellt_am:%d.%m.%Y}" if self.erstellt_am else ""
        if self.korrektur or self.vorige is not None:
            teile.append(f"Korrektur (Fassung {self.version}{am})")
            if self.vorige is not None:
                version, datum = self.vorige
                teile.append(f"ersetzt Fassung {version}" + (f" vom {datum:%d.%m.%Y}" if datum else ""))
            if self.grund:
                teile.append(f"Grund: {self.grund}")
            if self.ausgleich:
                teile.append(self.ausgleich)
        if self.naechste is not None:
            version, datum = self.naechste
            if not teile:
                teile.append(f"Fassung {self.version}{am}")
            teile.append(f"ersetzt durch Fassung {version}" + (f" vom {datum:%d.%m.%Y}" if datum else ""))
        return " – ".join(teile)


@dataclass(frozen=True, slots=True)
class Beleggrundlage:
    """One assistant's stored month: the result, the input it was computed from, and her master data."""

    ergebnis: Monatsergebnis
    eingabe: Monatseingabe | None = None
    person: AssistenzkraftDaten | None = None
    fassung: Fassung | None = None

    @property
    def name(self) -> str:
        if self.person is not None and self.person.name:
            return self.person.name
        return self.ergebnis.name or self.ergebnis.id

    @property
    def personalnummer(self) -> str:
        return self.ergebnis.id


@dataclass(frozen=True, slots=True)
class Monatsbelege:
    """All assistants of one month as stored (or, for an open month, as the draft run computes them)."""

    jahr: int
    monat: int
    arbeitgeber: ArbeitgeberDaten | None
    eintraege: tuple[Beleggrundlage, ...]
    entwurf: bool = False
    #: corrections this month settles for people without a row in it (they left), with their master data: the
    #: payments transfer them (or list them to reclaim), `core.io.zahlungen`
    ohne_vertrag: tuple[tuple[OhneVertrag, AssistenzkraftDaten | None], ...] = ()

    @property
    def monat_text(self) -> str:
        return f"{MONATE[self.monat - 1]} {self.jahr}"

    @property
    def arbeitgeber_name(self) -> str:
        if self.arbeitgeber is not None and self.arbeitgeber.name:
            return self.arbeitgeber.name
        for e in self.eintraege:
            if e.eingabe is not None and e.eingabe.arbeitgeber.name:
                return e.eingabe.arbeitgeber.name
        return "Arbeitgeberin"


def anschrift(name: str, strasse: str, plz: str, ort: str) -> tuple[str, ...]:
    """Address lines without the empty ones."""
    ort_zeile = " ".join(t for t in (plz, ort) if t)
    return tuple(t for t in (name, strasse, ort_zeile) if t)
