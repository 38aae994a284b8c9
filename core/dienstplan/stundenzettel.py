"""Stundenzettel per assistant and month (seed 004, 2.5): planned and actual times per day, paid hours.

With `stand` (today), a day after it is not worked yet: it shows the plan only, and the sums keep "gearbeitet (bis
`stand`)" apart from "noch geplant"; both are split by Leistungsart/Kostenträger where the shifts carry one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    zukunft: bool = False  # after the timesheet's `stand`: planned, not worked yet

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
        elif self.zukunft and self.plan and self.abwesenheit is None:
            teile.append("noch nicht gearbeitet")
        return "; ".join(teile)


OHNE_LEISTUNGSART = "ohne Leistungsart"


@dataclass(frozen=True, slots=True)
class Leistungsstunden:
    """Her hours of one Leistungsart/Kostenträger in the month: worked up to `stand`, still planned after it."""

    kuerzel: str | None  # None: shifts without a Leistungsart
    bezeichnung: str  # e.g. "EGH – Assistenzleistungen … (Träger der Eingliederungshilfe)"
    gearbeitet: Decimal
    geplant: Decimal


@dataclass(frozen=True, slots=True)
class Stundenzettel:
    assistenzkraft_id: int
    name: str
    arbeitgeber: str
    jahr: int
    monat: int
    bereitschaft_prozent: Decimal
    zeilen: tuple[Stundenzettelzeile, ...]
    stand: date | None = None  # days after it are planned, not worked (None: the whole month as recorded)
    noch_geplant: Decimal = Decimal(0)  # her own planned hours after `stand`
    je_leistungsart: tuple[Leistungsstunden, ...] = ()  # empty when no shift carries a Leistungsart

    @property
    def vorlaeufig(self) -> bool:
        """The month is not over on `stand`: the sums are as of that day."""
        return any(z.zukunft for z in self.zeilen)

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


def _je_leistungsart(
    gearbeitet: Iterable[Schicht],
    monat: tuple[int, int],
    stand: date | None,
    erfasst: set[date],
    namen: Mapping[str, str],
) -> tuple[tuple[Leistungsstunden, ...], Decimal]:
    """Her hours per Leistungsart, worked (up to `stand` or recorded) and still planned; and all still planned.

    Only the month's days count, as in the day rows (a night shift into the next month is split there).
    """
    ist: dict[str | None, timedelta] = {}
    offen: dict[str | None, timedelta] = {}
    for schicht in gearbeitet:
        for stueck in tagesstuecke(schicht.bezahlt()):
            if (stueck.tag.year, stueck.tag.month) != monat:
                continue
            ziel = offen if stand is not None and stueck.tag > stand and stueck.tag not in erfasst else ist
            ziel[stueck.leistungsart] = ziel.get(stueck.leistungsart, NULL) + stueck.dauer
    noch_geplant = stunden(sum(offen.values(), NULL))
    arten = set(ist) | set(offen)
    if arten <= {None}:
        return (), noch_geplant
    zeilen = [
        Leistungsstunden(
            kuerzel=k,
            bezeichnung=OHNE_LEISTUNGSART if k is None else namen.get(k, k),
            gearbeitet=stunden(ist.get(k, NULL)),
            geplant=stunden(offen.get(k, NULL)),
        )
        for k in sorted(arten, key=lambda k: (k is None, k or ""))
    ]
    return tuple(zeilen), noch_geplant


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
    *,
    stand: date | None = None,
    leistungsarten: Mapping[str, str] | None = None,
) -> Stundenzettel:
    """Plan: her shifts and those someone covers for her; Ist: what she worked (actual times, else the plan).

    A shift on a day she is absent is not worked: it shows in Plan only, the absence is named. With `stand`, a day
    after it is not worked yet either (unless its actual time is recorded): Plan only, "noch nicht gearbeitet".
    `leistungsarten`: Kürzel → the name shown in the split by Leistungsart/Kostenträger.
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
        zukunft = stand is not None and info.tag > stand
        ist_tag = tuple(ist.get(info.tag, ())) if not zukunft or info.tag in erfasst else ()
        h = Stunden(sum((z.arbeit for z in ist_tag), NULL), sum((z.bereitschaft for z in ist_tag), NULL))
        zeilen.append(
            Stundenzettelzeile(
                info=info,
                plan=tuple(plan.get(info.tag, ())),
                ist=ist_tag,
                ist_erfasst=info.tag in erfasst,
                abwesenheit=index.am(assistenzkraft_id, info.tag),
                bezahlt=h.bezahlte_stunden(bereitschaft_prozent),
                zukunft=zukunft,
            )
        )
    je_art, noch_geplant = _je_leistungsart(gearbeitet, (jahr, monat), stand, erfasst, leistungsarten or {})
    return Stundenzettel(
        assistenzkraft_id,
        name,
        arbeitgeber,
        jahr,
        monat,
        bereitschaft_prozent,
        tuple(zeilen),
        stand=stand,
        noch_geplant=noch_geplant,
        je_leistungsart=je_art,
    )
