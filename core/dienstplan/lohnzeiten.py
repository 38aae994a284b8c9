"""From the roster to payroll input: paid and missed pieces of time, hours per kind of day, § 3b stretches.

One model of a shift for the roster and the payroll: `lohnstuecke` turns an assistant's shifts and absences into
the pieces the payroll prices. Rules it applies (the scenario calculation had them right, the roster did not yet):
- Worked time uses the actual times where recorded (`Schicht.bezahlt()`), missed time the planned shift.
- A shift missed because of an absence (her own shift left uncovered, or the shift a Vertretung took over for her,
  `vertretung_fuer`) becomes a missed piece for her, carrying the absence; the payroll decides what it pays.
- Shifts that follow each other without a break (work, then standby) form one working day, the day the stretch
  began, as long as the next shift starts within 24 hours of that beginning: the absence of that day decides, and
  a Tageslohn counts the day once.
- With a period (`von`, `bis`), pieces are cut at its borders: a night shift from 31.03. to 01.04. is paid for its
  March hours in March and its April hours in April (§ 38a Abs. 1 EStG: pay for the Lohnzahlungszeitraum).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex
from core.dienstplan.schicht import Arbeitsart, Schicht, Stunden, stunden_aus_stuecken, tagesstuecke, zeitstuecke
from core.dienstplan.tage import tagesinfo
from core.domain.zeit import BERLIN, dauer, stunden, tagesbeginn
from core.regeln.zuschlaege import Arbeitszeitraum

HUNDERT = Decimal(100)
#: A following shift joins the working day of the stretch it continues if it starts within this time.
KETTE_HOECHSTENS = timedelta(hours=24)


class Tagesart(StrEnum):
    WERKTAG = "werktag"
    SONNTAG = "sonntag"
    FEIERTAG = "feiertag"
    HEILIGABEND_SILVESTER = "heiligabend_silvester"


@dataclass(frozen=True, slots=True)
class Lohnstueck:
    """A piece of one assistant's time in the payroll period, with one Arbeitsart and Leistungsart, no breaks.

    `abwesenheit` is None for worked time; otherwise the absence that made the planned shift fall out.
    `arbeitstag` is the working day the piece belongs to (the start day of its stretch of shifts).
    """

    schicht: Schicht
    beginn: datetime
    ende: datetime
    arbeitsart: Arbeitsart
    leistungsart: str | None
    arbeitstag: date
    abwesenheit: Abwesenheit | None = None
    stunden: Decimal = field(init=False)  # real hours (exact; a DST night has its real length)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stunden", stunden(dauer(self.beginn, self.ende)))

    @property
    def geleistet(self) -> bool:
        return self.abwesenheit is None

    @property
    def bereitschaft(self) -> bool:
        return self.arbeitsart is Arbeitsart.BEREITSCHAFT


def arbeitstage(schichten: Iterable[Schicht]) -> dict[Schicht, date]:
    """The working day of each shift: its own start day, or that of the stretch it continues without a break."""
    ergebnis: dict[Schicht, date] = {}
    kettenbeginn: datetime | None = None
    vorheriges_ende: datetime | None = None
    tag: date | None = None
    for schicht in sorted(schichten, key=lambda s: s.beginn_utc):
        fortsetzung = (
            vorheriges_ende is not None
            and kettenbeginn is not None
            and dauer(vorheriges_ende, schicht.beginn) == timedelta(0)
            and dauer(kettenbeginn, schicht.beginn) < KETTE_HOECHSTENS
        )
        if not fortsetzung or tag is None:
            kettenbeginn = schicht.beginn
            tag = schicht.tag
        vorheriges_ende = schicht.ende
        ergebnis[schicht] = tag
    return ergebnis


def lohnstuecke(
    assistenzkraft_id: int,
    schichten: Iterable[Schicht],
    abwesend: Abwesenheitsindex | None = None,
    *,
    von: date | None = None,
    bis: date | None = None,
) -> list[Lohnstueck]:
    """Her worked and missed pieces, cut to the period `von`..`bis` (inclusive days) when given, ordered by time.

    Worked: her own shifts on days without absence (actual times where recorded). Missed: her own shifts and the
    shifts others cover for her (`vertretung_fuer`) on days of any absence, as planned.
    """
    quellen = [s for s in schichten if assistenzkraft_id in (s.assistenzkraft_id, s.vertretung_fuer)]
    tage = arbeitstage(quellen)
    start = tagesbeginn(von).astimezone(UTC) if von is not None else None
    stopp = tagesbeginn(bis + timedelta(days=1)).astimezone(UTC) if bis is not None else None
    ergebnis: list[Lohnstueck] = []
    for schicht in quellen:
        tag = tage[schicht]
        abw = abwesend.am(assistenzkraft_id, tag) if abwesend is not None else None
        eigene = schicht.assistenzkraft_id == assistenzkraft_id
        if abw is None and not eigene:
            continue  # she was not absent: the other one just works this shift (a Tausch or an old note)
        quelle = schicht.bezahlt() if abw is None else schicht
        for stueck in zeitstuecke(quelle):
            a, b = stueck.beginn, stueck.ende
            a_utc, b_utc = a.astimezone(UTC), b.astimezone(UTC)
            if start is not None and a_utc < start:
                a, a_utc = start.astimezone(BERLIN), start
            if stopp is not None and b_utc > stopp:
                b, b_utc = stopp.astimezone(BERLIN), stopp
            if b_utc <= a_utc:
                continue
            ergebnis.append(Lohnstueck(schicht, a, b, stueck.arbeitsart, stueck.leistungsart, tag, abw))
    ergebnis.sort(key=lambda s: s.beginn.timestamp())
    return ergebnis


def stunden_nach_tagesart(
    schichten: Iterable[Schicht], land: str, *, katholisch: bool = False
) -> dict[Tagesart, Stunden]:
    """Hours split at midnight and sorted by the kind of calendar day (a holiday on a Sunday counts as holiday;
    24.12./31.12. are no public holidays but listed apart). Actual times where recorded."""
    ergebnis = {t: Stunden() for t in Tagesart}
    for schicht in schichten:
        for stueck in tagesstuecke(schicht.bezahlt()):
            info = tagesinfo(land, stueck.tag, katholisch=katholisch)
            if info.feiertag is not None:
                art = Tagesart.FEIERTAG
            elif info.sonntag:
                art = Tagesart.SONNTAG
            elif info.besonderer_tag is not None:
                art = Tagesart.HEILIGABEND_SILVESTER
            else:
                art = Tagesart.WERKTAG
            ergebnis[art] = ergebnis[art] + stunden_aus_stuecken([stueck])
    return ergebnis


def arbeitszeitraeume(
    assistenzkraft_id: int,
    schichten: Iterable[Schicht],
    stundenlohn: Decimal,
    bereitschaft_prozent: Decimal,
    abwesend: Abwesenheitsindex | None = None,
) -> list[Arbeitszeitraum]:
    """Input for `core.regeln.zuschlaege.berechne_zuschlaege` for one assistant.

    Worked: her own shifts (actual times where recorded), standby at the weighted Grundlohn. Paid absence
    (`Abwesenheitsart.fortgezahlt`): the shifts she was planned for as `geleistet=False` — surcharges for hours not
    worked are taxable (Lohnausfallprinzip).
    """
    zeitraeume: list[Arbeitszeitraum] = []
    for stueck in lohnstuecke(assistenzkraft_id, schichten, abwesend):
        if stueck.abwesenheit is not None and not stueck.abwesenheit.art.fortgezahlt:
            continue
        lohn = stundenlohn * bereitschaft_prozent / HUNDERT if stueck.bereitschaft else stundenlohn
        zeitraeume.append(Arbeitszeitraum(stueck.beginn, stueck.ende, lohn, stueck.geleistet))
    return zeitraeume
