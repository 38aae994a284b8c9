"""Bedarfsprofil per weekday in Arbeit 0 / I / II with default Leistungsart, and coverage per day."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from core.dienstplan.abwesenheit import Abwesenheitsindex
from core.dienstplan.schicht import Arbeitsart, Leistungsanteil, Schicht, fmt_zeit, zeitstuecke
from core.domain.kalender import feiertag
from core.domain.zeit import BERLIN, dauer, lokal, stunden, tagesbeginn
from core.fehler import EingabeFehler

NULL = timedelta(0)


class Bedarfsstufe(StrEnum):
    """Seed 004, 1.4.4 and 1.6.2: the day in three groups."""

    ARBEIT_0 = "0"  # no paid assistance needed
    ARBEIT_I = "I"  # assistance reliably present and working
    ARBEIT_II = "II"  # present, standby in the foreground (Bereitschaft)

    @property
    def bezeichnung(self) -> str:
        return {"0": "Arbeit 0 (kein Bedarf)", "I": "Arbeit I", "II": "Arbeit II (Bereitschaft)"}[self.value]

    @property
    def kurz(self) -> str:
        return f"Arbeit {self.value}"


@dataclass(frozen=True, slots=True)
class Bedarfsblock:
    """A period of one weekday. `ende` 00:00 means midnight at the end of the day."""

    beginn: time
    ende: time
    stufe: Bedarfsstufe
    leistungsart: str | None = None

    @property
    def zeiten_text(self) -> str:
        ende = "24:00" if self.ende == time(0) else f"{self.ende:%H:%M}"
        return f"{self.beginn:%H:%M}–{ende}"


@dataclass(frozen=True, slots=True)
class Bedarfsprofil:
    """What she needs, per weekday (0 = Monday). Holidays follow the Sunday profile if `feiertag_wie_sonntag`."""

    name: str
    tage: Mapping[int, tuple[Bedarfsblock, ...]]
    feiertag_wie_sonntag: bool = True
    land: str | None = None
    id: int | None = None

    def pruefe(self) -> None:
        for wochentag, bloecke in self.tage.items():
            if not 0 <= wochentag <= 6:
                raise EingabeFehler(f"Bedarfsprofil „{self.name}“: unbekannter Wochentag {wochentag}.")
            geordnet = sorted(bloecke, key=lambda b: b.beginn)
            for block in geordnet:
                if block.ende != time(0) and block.ende <= block.beginn:
                    raise EingabeFehler(
                        f"Bedarfsprofil „{self.name}“: Der Zeitraum {block.zeiten_text} endet vor seinem Beginn. "
                        "Ein Zeitraum über Mitternacht wird auf zwei Tage aufgeteilt (bis 24:00 und ab 00:00).",
                        feld="bedarf",
                    )
            for a, b in itertools.pairwise(geordnet):
                if a.ende == time(0) or b.beginn < a.ende:
                    raise EingabeFehler(
                        f"Bedarfsprofil „{self.name}“: {a.zeiten_text} und {b.zeiten_text} überschneiden sich.",
                        feld="bedarf",
                    )

    def bloecke_am(self, tag: date, land: str | None = None) -> tuple[Bedarfsblock, ...]:
        wochentag = tag.weekday()
        ort = land or self.land
        if self.feiertag_wie_sonntag and ort and feiertag(ort, tag):
            wochentag = 6
        return tuple(self.tage.get(wochentag, ()))


def _wandzeit(tag: date, uhrzeit: time) -> datetime:
    """A need boundary in real time; inside the skipped March hour it moves to 03:00."""
    try:
        return lokal(tag, uhrzeit)
    except EingabeFehler:
        return lokal(tag, time(3))


def block_zeiten(tag: date, block: Bedarfsblock) -> tuple[datetime, datetime]:
    ende = tagesbeginn(tag + timedelta(days=1)) if block.ende == time(0) else _wandzeit(tag, block.ende)
    return _wandzeit(tag, block.beginn), ende


#: A Monday of an ordinary week (no DST change): a profile's hours per weekday are measured on it.
_MUSTERWOCHE = date(2001, 1, 8)


@dataclass(frozen=True, slots=True)
class Bedarfsstunden:
    """Hours of need per level: for each weekday given (0 = Monday) and for the whole week."""

    je_tag: Mapping[int, Mapping[Bedarfsstufe, Decimal]]
    woche: Mapping[Bedarfsstufe, Decimal]


def bedarfsstunden(tage: Mapping[int, Iterable[Bedarfsblock]]) -> Bedarfsstunden:
    """The hours the blocks of each weekday ask for, per level, in an ordinary week (the profile dialog's sums).

    Measured with the blocks' real times (`block_zeiten`), so a block ending at 24:00 counts to midnight.
    """
    je_tag: dict[int, dict[Bedarfsstufe, Decimal]] = {}
    woche = {s: Decimal(0) for s in Bedarfsstufe}
    for wochentag, bloecke in tage.items():
        tag = _MUSTERWOCHE + timedelta(days=wochentag)
        summe = {s: Decimal(0) for s in Bedarfsstufe}
        for block in bloecke:
            summe[block.stufe] += stunden(dauer(*block_zeiten(tag, block)))
        je_tag[wochentag] = summe
        for stufe, h in summe.items():
            woche[stufe] += h
    return Bedarfsstunden(je_tag, woche)


@dataclass(frozen=True, slots=True)
class Luecke:
    """Uncovered need. `pause_von`: whose break it lies in (a break is real: nobody works in it, § 4 ArbZG)."""

    beginn: datetime
    ende: datetime
    stufe: Bedarfsstufe
    pause_von: tuple[str, ...] = ()

    @property
    def zeiten_text(self) -> str:
        ende = "24:00" if self.ende.astimezone(BERLIN).time() == time(0) else fmt_zeit(self.ende)
        return f"{fmt_zeit(self.beginn)}–{ende}"

    @property
    def text(self) -> str:
        """ "10:30–11:00 (Arbeit I, Pause von Sabine)": the grid, the print and the Hinweise say the same."""
        pause = f", Pause von {und_text(self.pause_von)}" if self.pause_von else ""
        return f"{self.zeiten_text} ({self.stufe.kurz}{pause})"


def und_text(namen: Sequence[str]) -> str:
    """ "Sabine", "Sabine und Jörg", "Sabine, Jörg und Ulrike"."""
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " und " + namen[-1]


@dataclass(frozen=True, slots=True)
class Tagesabdeckung:
    """Needed vs. covered time of a day per Stufe; gaps listed (real durations)."""

    tag: date
    bedarf: Mapping[Bedarfsstufe, timedelta]
    gedeckt: Mapping[Bedarfsstufe, timedelta]
    luecken: tuple[Luecke, ...] = field(default=())

    @property
    def vollstaendig(self) -> bool:
        return not self.luecken

    @property
    def offen(self) -> timedelta:
        return sum((self.bedarf[s] - self.gedeckt[s] for s in self.bedarf), NULL)


Intervall = tuple[datetime, datetime]  # UTC


def _vereinige(intervalle: Iterable[Intervall]) -> list[Intervall]:
    ergebnis: list[Intervall] = []
    for a, b in sorted(intervalle):
        if ergebnis and a <= ergebnis[-1][1]:
            ergebnis[-1] = (ergebnis[-1][0], max(ergebnis[-1][1], b))
        else:
            ergebnis.append((a, b))
    return ergebnis


def _ohne(intervall: Intervall, abdeckung: list[Intervall]) -> list[Intervall]:
    rest = [intervall]
    for c, d in abdeckung:
        neu: list[Intervall] = []
        for a, b in rest:
            if d <= a or c >= b:
                neu.append((a, b))
                continue
            if a < c:
                neu.append((a, c))
            if d < b:
                neu.append((d, b))
        rest = neu
    return rest


def anwesenheit(
    schichten: Iterable[Schicht], abwesend: Abwesenheitsindex | None = None
) -> tuple[list[Intervall], list[Intervall]]:
    """Union of present time (UTC): (Arbeit I only, Arbeit I or II). Shifts of absent assistants do not count."""
    arbeit: list[Intervall] = []
    alle: list[Intervall] = []
    for schicht in schichten:
        if abwesend is not None and abwesend.am(schicht.assistenzkraft_id, schicht.tag) is not None:
            continue
        for stueck in zeitstuecke(schicht):
            iv = (stueck.beginn.astimezone(UTC), stueck.ende.astimezone(UTC))
            alle.append(iv)
            if stueck.arbeitsart is Arbeitsart.ARBEIT:
                arbeit.append(iv)
    return _vereinige(arbeit), _vereinige(alle)


#: A break of one assistant (UTC) with her name: a gap in the need that touches it lies "in her Pause".
Pausenzeit = tuple[datetime, datetime, str]


def pausenzeiten(
    schichten: Iterable[Schicht], namen: Callable[[int], str], abwesend: Abwesenheitsindex | None = None
) -> list[Pausenzeit]:
    """The breaks of the shifts worked (an absent assistant's shift has none: she is not there at all)."""
    ergebnis: list[Pausenzeit] = []
    for schicht in schichten:
        if abwesend is not None and abwesend.am(schicht.assistenzkraft_id, schicht.tag) is not None:
            continue
        for pause in schicht.pausen:
            ergebnis.append(
                (pause.beginn.astimezone(UTC), pause.ende.astimezone(UTC), namen(schicht.assistenzkraft_id))
            )
    return sorted(ergebnis)


def abdeckung(
    tag: date,
    profil: Bedarfsprofil,
    schichten: Iterable[Schicht],
    abwesend: Abwesenheitsindex | None = None,
    *,
    land: str | None = None,
    praesenz: tuple[list[Intervall], list[Intervall]] | None = None,
    pausen: Sequence[Pausenzeit] = (),
) -> Tagesabdeckung:
    """Coverage of one day: Arbeit I need is covered only by Arbeit I, Arbeit II need by any presence.

    A gap that touches one of `pausen` names whose break it is: nobody works in a break, so the need stays open
    there, and the Hinweis can say what to do (plan an overlap, or mark that time Arbeit 0 in the profile).
    """
    arbeit, alle = praesenz if praesenz is not None else anwesenheit(schichten, abwesend)
    bedarf = {Bedarfsstufe.ARBEIT_I: NULL, Bedarfsstufe.ARBEIT_II: NULL}
    gedeckt = {Bedarfsstufe.ARBEIT_I: NULL, Bedarfsstufe.ARBEIT_II: NULL}
    luecken: list[Luecke] = []
    for block in profil.bloecke_am(tag, land):
        if block.stufe is Bedarfsstufe.ARBEIT_0:
            continue
        a, b = block_zeiten(tag, block)
        iv = (a.astimezone(UTC), b.astimezone(UTC))
        laenge = iv[1] - iv[0]
        bedarf[block.stufe] += laenge
        decke = arbeit if block.stufe is Bedarfsstufe.ARBEIT_I else alle
        offen = _ohne(iv, decke)
        gedeckt[block.stufe] += laenge - sum((y - x for x, y in offen), NULL)
        for x, y in offen:
            in_pause = tuple(dict.fromkeys(name for p_a, p_b, name in pausen if p_a < y and x < p_b))
            luecken.append(Luecke(x.astimezone(BERLIN), y.astimezone(BERLIN), block.stufe, in_pause))
    luecken.sort(key=lambda lu: lu.beginn)
    return Tagesabdeckung(tag, bedarf, gedeckt, tuple(luecken))


def leistungsarten_aus_bedarf(schicht: Schicht, profil: Bedarfsprofil, *, land: str | None = None) -> Schicht:
    """Default the shift's Leistungsart/Kostenträger from the need profile (only if it has none yet).

    One Leistungsart over the whole shift becomes the shift's own; several become Leistungsanteile.
    """
    if schicht.leistungsart is not None or schicht.leistungsanteile:
        return schicht
    s_a, s_b = schicht.beginn_utc, schicht.ende_utc
    anteile: list[tuple[datetime, datetime, str]] = []
    tag = schicht.tag - timedelta(days=1)
    while tag <= schicht.ende.astimezone(BERLIN).date():
        for block in profil.bloecke_am(tag, land):
            if block.leistungsart is None:
                continue
            a, b = (t.astimezone(UTC) for t in block_zeiten(tag, block))
            x, y = max(a, s_a), min(b, s_b)
            if x < y:
                anteile.append((x, y, block.leistungsart))
        tag += timedelta(days=1)
    if not anteile:
        return schicht
    arten = {art for _x, _y, art in anteile}
    if len(arten) == 1:
        return replace(schicht, leistungsart=arten.pop())
    # The longest share becomes the shift's default; the others are explicit parts.
    dauer_je_art: dict[str, timedelta] = {}
    for x, y, art in anteile:
        dauer_je_art[art] = dauer_je_art.get(art, NULL) + (y - x)
    haupt = max(sorted(dauer_je_art), key=lambda art: dauer_je_art[art])
    return replace(
        schicht,
        leistungsart=haupt,
        leistungsanteile=tuple(
            Leistungsanteil(x.astimezone(BERLIN), y.astimezone(BERLIN), art)
            for x, y, art in sorted(anteile)
            if art != haupt
        ),
    )
