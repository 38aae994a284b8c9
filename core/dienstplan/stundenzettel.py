"""Stundenzettel per assistant and month (seed 004, 2.5): planned and actual times per day, paid hours."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex
from core.dienstplan.schicht import Schicht, Stunden, fmt_zeit, stunden_aus_stuecken, tagesstuecke
from core.dienstplan.tage import Tagesinfo, monatsinfo
from core.domain.zeit import BERLIN, stunden

NULL = timedelta(0)


@dataclass(frozen=True, slots=True)
class Zeitspanne:
    """A continuous time of presence on one day (breaks and midnight split it)."""

    von: datetime
    bis: datetime
    arbeit: timedelta
    bereitschaft: timedelta

    @property
    def von_text(self) -> str:
        return fmt_zeit(self.von)

    @property
    def bis_text(self) -> str:
        wand = self.bis.astimezone(BERLIN)
        if wand.time() == time(0) and self.bis > self.von:
            return "24:00"
        return fmt_zeit(self.bis)

    @property
    def stunden(self) -> Decimal:
        return stunden(self.arbeit + self.bereitschaft)


@dataclass(frozen=True, slots=True)
class Stundenzettelzeile:
    info: Tagesinfo
    plan: tuple[Zeitspanne, ...]
    ist: tuple[Zeitspanne, ...]
    ist_erfasst: bool
    abwesenheit: Abwesenheit | None
    bezahlt: Decimal

    @property
    def tag(self) -> date:
        return self.info.tag

    @property
    def plan_stunden(self) -> Decimal:
        return sum((z.stunden for z in self.plan), Decimal(0))

    @property
    def ist_stunden(self) -> Decimal:
        return sum((z.stunden for z in self.ist), Decimal(0))

    @property
    def ist_bereitschaft(self) -> Decimal:
        return stunden(sum((z.bereitschaft for z in self.ist), NULL))

    @property
    def bemerkung(self) -> str:
        teile = []
        if self.info.bemerkung:
            teile.append(self.info.bemerkung)
        if self.abwesenheit is not None:
            teile.append(self.abwesenheit.art.bezeichnung)
        if self.ist and not self.ist_erfasst:
            teile.append("wie geplant")
        return "; ".join(teile)


@dataclass(frozen=True, slots=True)
class Stundenzettel:
    assistenzkraft_id: int
    name: str
    arbeitgeber: str
    jahr: int
    monat: int
    bereitschaft_prozent: Decimal
    zeilen: tuple[Stundenzettelzeile, ...]

    @property
    def summe_plan(self) -> Decimal:
        return sum((z.plan_stunden for z in self.zeilen), Decimal(0))

    @property
    def summe_ist(self) -> Decimal:
        return sum((z.ist_stunden for z in self.zeilen), Decimal(0))

    @property
    def summe_bereitschaft(self) -> Decimal:
        return sum((z.ist_bereitschaft for z in self.zeilen), Decimal(0))

    @property
    def summe_bezahlt(self) -> Decimal:
        """Summe der bezahlten Stunden: Arbeit I + Arbeit II × weighting (exact)."""
        return sum((z.bezahlt for z in self.zeilen), Decimal(0))


def _spannen(schichten: Iterable[Schicht]) -> dict[date, list[Zeitspanne]]:
    """Continuous presence per day, split at midnight and by breaks (Arbeit I/II changes do not split)."""
    je_tag: dict[date, list[Zeitspanne]] = {}
    for schicht in schichten:
        for stueck in tagesstuecke(schicht):
            liste = je_tag.setdefault(stueck.tag, [])
            h = stunden_aus_stuecken([stueck])
            if liste and liste[-1].bis.astimezone(UTC) == stueck.beginn.astimezone(UTC):
                letzte = liste[-1]
                liste[-1] = Zeitspanne(
                    letzte.von, stueck.ende, letzte.arbeit + h.arbeit, letzte.bereitschaft + h.bereitschaft
                )
            else:
                liste.append(Zeitspanne(stueck.beginn, stueck.ende, h.arbeit, h.bereitschaft))
    for liste in je_tag.values():
        liste.sort(key=lambda z: z.von.astimezone(UTC))
    return je_tag


def stundenzettel(
    assistenzkraft_id: int,
    name: str,
    arbeitgeber: str,
    jahr: int,
    monat: int,
    land: str,
    schichten: Iterable[Schicht],
    abwesenheiten: Iterable[Abwesenheit],
    bereitschaft_prozent: Decimal,
) -> Stundenzettel:
    """Plan: her shifts and those someone covers for her; Ist: what she worked (actual times, else the plan).

    A shift on a day she is absent is not worked: it shows in Plan only, the absence is named.
    """
    index = Abwesenheitsindex(a for a in abwesenheiten if a.assistenzkraft_id == assistenzkraft_id)
    alle = sorted(schichten, key=lambda s: s.beginn_utc)
    geplant = [s for s in alle if s.assistenzkraft_id == assistenzkraft_id or s.vertretung_fuer == assistenzkraft_id]
    gearbeitet = [
        s for s in alle if s.assistenzkraft_id == assistenzkraft_id and index.am(assistenzkraft_id, s.tag) is None
    ]
    plan = _spannen(geplant)
    ist = _spannen(s.bezahlt() for s in gearbeitet)
    erfasst: set[date] = set()
    for s in gearbeitet:
        if s.ist is not None:
            erfasst.update(st.tag for st in tagesstuecke(s.bezahlt()))
    zeilen = []
    for info in monatsinfo(land, jahr, monat):
        ist_tag = tuple(ist.get(info.tag, ()))
        h = Stunden(sum((z.arbeit for z in ist_tag), NULL), sum((z.bereitschaft for z in ist_tag), NULL))
        zeilen.append(
            Stundenzettelzeile(
                info=info,
                plan=tuple(plan.get(info.tag, ())),
                ist=ist_tag,
                ist_erfasst=info.tag in erfasst,
                abwesenheit=index.am(assistenzkraft_id, info.tag),
                bezahlt=h.bezahlte_stunden(bereitschaft_prozent),
            )
        )
    return Stundenzettel(assistenzkraft_id, name, arbeitgeber, jahr, monat, bereitschaft_prozent, tuple(zeilen))
