"""Schichtvorlagen (Frühdienst, Spätdienst, Nachtbereitschaft, 24-h-Block, own) and turning them into shifts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core.dienstplan.schicht import Arbeitsart, Pause, Schicht, Teil
from core.domain.zeit import lokal
from core.fehler import EingabeFehler

_IRGENDEIN_TAG = date(2001, 1, 8)  # naive wall-clock arithmetic only: no time zone, no DST


@dataclass(frozen=True, slots=True)
class VorlagenTeil:
    """A part of a template by wall-clock time (e.g. the night standby of a 24-h-Block)."""

    beginn: time
    ende: time
    arbeitsart: Arbeitsart


@dataclass(frozen=True, slots=True)
class VorlagenPause:
    """An unpaid break of a template: its wall-clock start and its length (it may run past midnight)."""

    beginn: time
    minuten: int

    @classmethod
    def von_bis(cls, beginn: time, ende: time) -> VorlagenPause:
        """A break typed as two wall-clock times; an end at or before the start lies on the next day."""
        a, b = datetime.combine(_IRGENDEIN_TAG, beginn), datetime.combine(_IRGENDEIN_TAG, ende)
        if b <= a:
            b += timedelta(days=1)
        return cls(beginn, (b - a) // timedelta(minutes=1))

    @property
    def ende(self) -> time:
        """The wall-clock end (a template's times are wall-clock times; the real length follows the day)."""
        return (datetime.combine(_IRGENDEIN_TAG, self.beginn) + timedelta(minutes=self.minuten)).time()


@dataclass(frozen=True, slots=True)
class Schichtvorlage:
    """A shift by wall-clock times. An end at or before the start means the next day (night, 24 h)."""

    name: str
    kuerzel: str
    beginn: time
    ende: time
    arbeitsart: Arbeitsart = Arbeitsart.ARBEIT
    teile: tuple[VorlagenTeil, ...] = ()
    pausen: tuple[VorlagenPause, ...] = ()
    leistungsart: str | None = None
    id: int | None = None

    @property
    def ueber_mitternacht(self) -> bool:
        return self.ende <= self.beginn

    @property
    def zeiten_text(self) -> str:
        ende = "24:00" if self.ende == time(0) else f"{self.ende:%H:%M}"
        folgetag = " (Folgetag)" if self.ueber_mitternacht and self.ende != time(0) else ""
        return f"{self.beginn:%H:%M}–{ende}{folgetag}"

    def pruefe(self) -> None:
        if not self.name.strip():
            raise EingabeFehler("Bitte geben Sie der Schichtvorlage einen Namen.", feld="name")
        if not self.kuerzel.strip():
            raise EingabeFehler(f"Bitte geben Sie der Vorlage „{self.name}“ ein Kürzel.", feld="kuerzel")
        for pause in self.pausen:
            if pause.minuten <= 0:
                raise EingabeFehler(f"Vorlage „{self.name}“: Eine Pause muss mindestens eine Minute dauern.")
        # Instantiating on an ordinary day checks the parts and breaks lie inside the shift.
        schicht_aus_vorlage(self, date(2001, 1, 8), 0)


def _zeitpunkt(vorlage: Schichtvorlage, tag: date, uhrzeit: time, *, ist_ende: bool) -> datetime:
    """Wall time of a template on the shift's start day or the next one."""
    folgetag = False
    if vorlage.ueber_mitternacht:
        folgetag = uhrzeit <= vorlage.beginn if ist_ende else uhrzeit < vorlage.beginn
    return lokal(tag + timedelta(days=1) if folgetag else tag, uhrzeit)


def schicht_aus_vorlage(
    vorlage: Schichtvorlage,
    tag: date,
    assistenzkraft_id: int,
    *,
    leistungsart: str | None = None,
) -> Schicht:
    """The template's shift on `tag` in real times: over the DST change a night has 1 h less or more.

    Raises EingabeFehler if a wall time does not exist that day (the skipped hour on the last Sunday of March).
    """
    beginn = lokal(tag, vorlage.beginn)
    ende = _zeitpunkt(vorlage, tag, vorlage.ende, ist_ende=True)
    teile = tuple(
        Teil(
            beginn=_zeitpunkt(vorlage, tag, t.beginn, ist_ende=False),
            ende=_zeitpunkt(vorlage, tag, t.ende, ist_ende=True),
            arbeitsart=t.arbeitsart,
        )
        for t in vorlage.teile
    )
    pausen = []
    for p in vorlage.pausen:
        p_beginn = _zeitpunkt(vorlage, tag, p.beginn, ist_ende=False)
        pausen.append(Pause(p_beginn, p_beginn + timedelta(minutes=p.minuten)))
    return Schicht(
        assistenzkraft_id=assistenzkraft_id,
        beginn=beginn,
        ende=ende,
        arbeitsart=vorlage.arbeitsart,
        leistungsart=leistungsart or vorlage.leistungsart,
        teile=teile,
        pausen=tuple(pausen),
        vorlage=vorlage.name,
    )


# The standard templates of a new file. Seed 004, 2.6.1: "1. Schicht 7:00 bis 14:00, 2. Schicht 14:00 bis Schluß"
# (we choose 22:00 as "Schluß"). Each carries the Ruhepause § 4 ArbZG asks for, so that planning a template alone
# raises no ArbZG warning: at least 30 minutes for more than 6 and up to 9 hours of work, 45 minutes for more than 9
# hours (Satz 1), placed inside the shift so that nobody works more than 6 hours in a row (Satz 3). Bereitschaft
# (Arbeit II, present in the home) is working time (§ 7 Abs. 1 Nr. 1a ArbZG, EuGH C-151/02 Jaeger), so the night
# needs its break too. A break is real: nobody works in it; the coverage check names the gap (bedarf.pause_text).
# Files created before this change keep their own templates; the check on use tells them (issue 13, finding 7).
FRUEHDIENST = Schichtvorlage(
    "Frühdienst", "F", time(7), time(14), pausen=(VorlagenPause(time(10, 30), 30),)
)  # 6:30 h work: 3:30 h + Pause 10:30–11:00 + 3:00 h
SPAETDIENST = Schichtvorlage(
    "Spätdienst", "S", time(14), time(22), pausen=(VorlagenPause(time(18), 30),)
)  # 7:30 h work: 4:00 h + Pause 18:00–18:30 + 3:30 h
NACHTBEREITSCHAFT = Schichtvorlage(
    "Nachtbereitschaft",
    "N",
    time(22),
    time(7),
    arbeitsart=Arbeitsart.BEREITSCHAFT,
    pausen=(VorlagenPause(time(3), 30),),
)  # 8:30 h Bereitschaft: 5:00 h + Pause 03:00–03:30 + 3:30 h. Not 02:00: that hour is missing on the last Sunday of
# March and twice on the last of October; from 22:00 to 03:00 are 4 h then, or 6 h (still not more than six).
# Seed 004, 1.6.2: a day of round-the-clock assistance as 14 h Arbeit I + 10 h Arbeit II. Its 45 minutes of breaks
# lie in the day part (11:30–12:00, 17:00–17:15); its length cannot comply: 23:15 h of working time in 24 hours is
# more than the 10 hours of § 3 ArbZG and leaves no Ruhezeit of § 5. Only a Tarifvertrag allows it (§ 7 Abs. 1
# Nr. 1a, Abs. 2a ArbZG; a private employer has none unless the contract refers to one) or a live-in assistant
# (§ 18 Abs. 1 Nr. 3 ArbZG): `arbzg_hinweise` says so in the template dialog instead of pretending.
BLOCK_24H = Schichtvorlage(
    "24-h-Block",
    "24",
    time(7),
    time(7),
    teile=(VorlagenTeil(time(21), time(7), Arbeitsart.BEREITSCHAFT),),
    pausen=(VorlagenPause(time(11, 30), 30), VorlagenPause(time(17), 15)),
)

STANDARDVORLAGEN: tuple[Schichtvorlage, ...] = (FRUEHDIENST, SPAETDIENST, NACHTBEREITSCHAFT, BLOCK_24H)
