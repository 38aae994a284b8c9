"""What the roster needs to know of a contract (filled by the service from the master data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.zuschlaege import Zuschlagssaetze


class Lohnform(StrEnum):
    """Seed 004, 2.5: Stundenlohn, Tageslohn, monatlicher Festlohn."""

    STUNDENLOHN = "stundenlohn"
    TAGESLOHN = "tageslohn"
    MONATSLOHN = "monatslohn"


@dataclass(frozen=True, slots=True)
class Vertragsdaten:
    """One contract period of an assistant. `ende` is the last day employed (fixed-term end or notice).

    For the payroll: `zuschlaege` are the contract's surcharges (percent of the Grundlohn); `wochenstunden` the
    agreed hours a week (a Monatslohn's Zeitkonto is kept against them, seed 004, 2.5); `zeitkonto_plus_max` /
    `zeitkonto_minus_max` the agreed limits of that account in hours (None: none agreed); `geplante_arbeitstage`
    the working days planned for a fixed-term kurzfristige Beschäftigung (§ 8 Abs. 1 Nr. 2 SGB IV).
    """

    assistenzkraft_id: int
    name: str
    beginn: date
    ende: date | None = None
    beschaeftigung: Beschaeftigungsart | None = None  # None: "automatisch bestimmen" (not yet decided)
    lohnform: Lohnform = Lohnform.STUNDENLOHN
    satz: Decimal = Decimal(0)
    bereitschaft_prozent: Decimal = Decimal(100)
    tage_pro_woche: Decimal | None = None
    urlaubstage_vereinbart: Decimal | None = None
    probezeit_bis: date | None = None
    befristet_bis: date | None = None
    arbeitserlaubnis_bis: date | None = None
    geburtsdatum: date | None = None
    arbzg_ausgenommen: bool = False
    schwerbehindert: bool = False
    vorbeschaeftigung_tage_im_jahr: int = 0
    zuschlaege: Zuschlagssaetze = field(default_factory=Zuschlagssaetze)
    wochenstunden: Decimal | None = None
    zeitkonto_plus_max: Decimal | None = None
    zeitkonto_minus_max: Decimal | None = None
    geplante_arbeitstage: int | None = None

    def gilt_am(self, tag: date) -> bool:
        return self.beginn <= tag and (self.ende is None or tag <= self.ende)


class Vertragsindex:
    """Contract periods per assistant; `am(person, tag)` finds the one valid that day."""

    def __init__(self, vertraege: Iterable[Vertragsdaten]) -> None:
        self._nach_person: dict[int, list[Vertragsdaten]] = {}
        for v in vertraege:
            self._nach_person.setdefault(v.assistenzkraft_id, []).append(v)
        for liste in self._nach_person.values():
            liste.sort(key=lambda v: v.beginn)

    def am(self, assistenzkraft_id: int, tag: date) -> Vertragsdaten | None:
        for v in self._nach_person.get(assistenzkraft_id, ()):
            if v.gilt_am(tag):
                return v
        return None

    def von(self, assistenzkraft_id: int) -> list[Vertragsdaten]:
        return list(self._nach_person.get(assistenzkraft_id, ()))

    def personen(self) -> list[int]:
        return list(self._nach_person)

    def name(self, assistenzkraft_id: int) -> str:
        vertraege = self._nach_person.get(assistenzkraft_id)
        return vertraege[-1].name if vertraege else f"Assistenzkraft Nr. {assistenzkraft_id}"

    def bekannt(self, assistenzkraft_id: int) -> bool:
        return assistenzkraft_id in self._nach_person
