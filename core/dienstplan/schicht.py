"""Schicht: one assistant's shift with real start/end, Arbeit I/II parts, breaks, Leistungsart and actual times."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from core.domain.zeit import BERLIN, dauer, stunden, teile_nach_kalendertagen
from core.fehler import EingabeFehler

NULL = timedelta(0)
#: Sanity limit: even a live-in block is entered per week at most (a typo like 2062 instead of 2026 is caught).
LAENGSTE_SCHICHT = timedelta(days=7)


class Arbeitsart(StrEnum):
    """Seed 004, 1.4.4 / 1.6.2: Arbeit I is paid in full, Arbeit II (Bereitschaft) at the contract's weighting."""

    ARBEIT = "arbeit"
    BEREITSCHAFT = "bereitschaft"

    @property
    def bezeichnung(self) -> str:
        return "Arbeit I" if self is Arbeitsart.ARBEIT else "Arbeit II (Bereitschaft)"


def _utc(zeitpunkt: datetime) -> datetime:
    if zeitpunkt.tzinfo is None:
        raise EingabeFehler("Interner Fehler: Uhrzeit ohne Zeitzone.")
    return zeitpunkt.astimezone(UTC)


def fmt_zeit(zeitpunkt: datetime) -> str:
    return f"{zeitpunkt.astimezone(BERLIN):%H:%M}"


def fmt_ende(beginn: datetime, ende: datetime) -> str:
    """End time for display: midnight after the start day reads "24:00" (a day's last hour, not the next day)."""
    wand = ende.astimezone(BERLIN)
    if wand.hour == 0 and wand.minute == 0 and wand.date() == beginn.astimezone(BERLIN).date() + timedelta(days=1):
        return "24:00"
    return fmt_zeit(ende)


def fmt_tag(tag: date) -> str:
    return f"{tag:%d.%m.%Y}"


@dataclass(frozen=True, slots=True)
class Pause:
    """An unpaid break inside the shift (real times)."""

    beginn: datetime
    ende: datetime

    @property
    def dauer(self) -> timedelta:
        return dauer(self.beginn, self.ende)


@dataclass(frozen=True, slots=True)
class Teil:
    """A part of the shift with another Arbeitsart (e.g. the night standby inside a 24-h-Block)."""

    beginn: datetime
    ende: datetime
    arbeitsart: Arbeitsart


@dataclass(frozen=True, slots=True)
class Leistungsanteil:
    """A part of the shift paid by another Leistungsart/Kostenträger than the shift's own."""

    beginn: datetime
    ende: datetime
    leistungsart: str


@dataclass(frozen=True, slots=True)
class Istzeit:
    """What was actually worked (Stundenzettel); payroll uses it. Parts are taken over from the plan."""

    beginn: datetime
    ende: datetime
    pausen: tuple[Pause, ...] = ()
    notiz: str = ""


@dataclass(frozen=True, slots=True)
class Schicht:
    """One shift. `vertretung_fuer` names the assistant originally planned when this one covers (Vertretung)."""

    assistenzkraft_id: int
    beginn: datetime
    ende: datetime
    arbeitsart: Arbeitsart = Arbeitsart.ARBEIT
    leistungsart: str | None = None
    teile: tuple[Teil, ...] = ()
    leistungsanteile: tuple[Leistungsanteil, ...] = ()
    pausen: tuple[Pause, ...] = ()
    vorlage: str | None = None
    vertretung_fuer: int | None = None
    ist: Istzeit | None = None
    notiz: str = ""
    muster_id: int | None = None
    id: int | None = None

    @property
    def tag(self) -> date:
        """The day the shift belongs to in the roster: the local date of its start."""
        return self.beginn.astimezone(BERLIN).date()

    @property
    def dauer(self) -> timedelta:
        return dauer(self.beginn, self.ende)

    @property
    def beginn_utc(self) -> datetime:
        return _utc(self.beginn)

    @property
    def ende_utc(self) -> datetime:
        return _utc(self.ende)

    def bezahlt(self) -> Schicht:
        """The shift as payroll sees it: actual times if recorded, else the plan."""
        if self.ist is None:
            return self
        return replace(self, beginn=self.ist.beginn, ende=self.ist.ende, pausen=self.ist.pausen, ist=None)

    def mit(self, **aenderungen: object) -> Schicht:
        return replace(self, **aenderungen)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Zeitstueck:
    """A piece of a shift with one Arbeitsart and Leistungsart, breaks removed."""

    beginn: datetime
    ende: datetime
    arbeitsart: Arbeitsart
    leistungsart: str | None
    assistenzkraft_id: int
    schicht_id: int | None

    @property
    def dauer(self) -> timedelta:
        return dauer(self.beginn, self.ende)

    @property
    def tag(self) -> date:
        return self.beginn.astimezone(BERLIN).date()


def _schneide(
    intervalle: list[tuple[datetime, datetime]], loch: tuple[datetime, datetime]
) -> list[tuple[datetime, datetime]]:
    """Remove `loch` from half-open UTC intervals."""
    ergebnis: list[tuple[datetime, datetime]] = []
    l_a, l_b = loch
    for a, b in intervalle:
        if l_b <= a or l_a >= b:
            ergebnis.append((a, b))
            continue
        if a < l_a:
            ergebnis.append((a, l_a))
        if l_b < b:
            ergebnis.append((l_b, b))
    return ergebnis


@lru_cache(maxsize=16384)  # month views and checks ask for the same shift's pieces several times
def zeitstuecke(schicht: Schicht) -> tuple[Zeitstueck, ...]:
    """The shift's worked time as pieces (UTC-ordered, converted back to Berlin), breaks removed.

    Parts (`teile`) override the Arbeitsart, `leistungsanteile` the Leistungsart where they lie.
    """
    beginn, ende = schicht.beginn_utc, schicht.ende_utc
    grenzen = {beginn, ende}
    for t_beginn, t_ende in [(t.beginn, t.ende) for t in schicht.teile] + [
        (a.beginn, a.ende) for a in schicht.leistungsanteile
    ]:
        grenzen.add(max(beginn, min(ende, _utc(t_beginn))))
        grenzen.add(max(beginn, min(ende, _utc(t_ende))))
    punkte = sorted(grenzen)
    stuecke: list[Zeitstueck] = []
    for a, b in itertools.pairwise(punkte):
        if a >= b:
            continue
        arbeitsart, leistungsart = schicht.arbeitsart, schicht.leistungsart
        for teil in schicht.teile:
            if _utc(teil.beginn) <= a and b <= _utc(teil.ende):
                arbeitsart = teil.arbeitsart
        for anteil in schicht.leistungsanteile:
            if _utc(anteil.beginn) <= a and b <= _utc(anteil.ende):
                leistungsart = anteil.leistungsart
        rest = [(a, b)]
        for pause in schicht.pausen:
            rest = _schneide(rest, (_utc(pause.beginn), _utc(pause.ende)))
        for x, y in rest:
            if x < y:
                stuecke.append(
                    Zeitstueck(
                        beginn=x.astimezone(BERLIN),
                        ende=y.astimezone(BERLIN),
                        arbeitsart=arbeitsart,
                        leistungsart=leistungsart,
                        assistenzkraft_id=schicht.assistenzkraft_id,
                        schicht_id=schicht.id,
                    )
                )
    return tuple(_verschmelze(stuecke))


def _verschmelze(stuecke: list[Zeitstueck]) -> list[Zeitstueck]:
    ergebnis: list[Zeitstueck] = []
    for stueck in stuecke:
        if (
            ergebnis
            and _utc(ergebnis[-1].ende) == _utc(stueck.beginn)
            and ergebnis[-1].arbeitsart == stueck.arbeitsart
            and ergebnis[-1].leistungsart == stueck.leistungsart
        ):
            ergebnis[-1] = replace(ergebnis[-1], ende=stueck.ende)
        else:
            ergebnis.append(stueck)
    return ergebnis


def tagesstuecke(schicht: Schicht) -> list[Zeitstueck]:
    """Like `zeitstuecke`, additionally split at local midnight (for surcharges, holidays, timesheets)."""
    ergebnis: list[Zeitstueck] = []
    for stueck in zeitstuecke(schicht):
        for _tag, a, b in teile_nach_kalendertagen(stueck.beginn, stueck.ende):
            ergebnis.append(replace(stueck, beginn=a, ende=b))
    return ergebnis


@dataclass(frozen=True, slots=True)
class Stunden:
    """Real hours of work (Arbeit I), standby (Arbeit II) and breaks, as timedeltas (exact)."""

    arbeit: timedelta = NULL
    bereitschaft: timedelta = NULL
    pausen: timedelta = NULL

    def __add__(self, other: Stunden) -> Stunden:
        return Stunden(self.arbeit + other.arbeit, self.bereitschaft + other.bereitschaft, self.pausen + other.pausen)

    @property
    def anwesend(self) -> timedelta:
        """Arbeit I + Arbeit II: all hours that count as working time (ArbZG, Mindestlohn)."""
        return self.arbeit + self.bereitschaft

    @property
    def arbeit_h(self) -> Decimal:
        return stunden(self.arbeit)

    @property
    def bereitschaft_h(self) -> Decimal:
        return stunden(self.bereitschaft)

    @property
    def gesamt_h(self) -> Decimal:
        return stunden(self.anwesend)

    def bezahlte_stunden(self, bereitschaft_prozent: Decimal) -> Decimal:
        """Hours paid at the full rate: Arbeit I + Arbeit II × weighting (exact, not rounded)."""
        return self.arbeit_h + self.bereitschaft_h * bereitschaft_prozent / Decimal(100)


def stunden_aus_stuecken(stuecke: Iterable[Zeitstueck]) -> Stunden:
    arbeit = bereitschaft = NULL
    for stueck in stuecke:
        if stueck.arbeitsart is Arbeitsart.ARBEIT:
            arbeit += stueck.dauer
        else:
            bereitschaft += stueck.dauer
    return Stunden(arbeit, bereitschaft)


def schichtstunden(schicht: Schicht) -> Stunden:
    """Real hours of a shift (DST nights have their real length)."""
    pausen = sum((p.dauer for p in schicht.pausen), NULL)
    return stunden_aus_stuecken(zeitstuecke(schicht)) + Stunden(pausen=pausen)


def stunden_je_tag(schichten: Iterable[Schicht]) -> dict[date, Stunden]:
    """Hours per calendar day, shifts over midnight split at local midnight."""
    ergebnis: dict[date, Stunden] = {}
    for schicht in schichten:
        for stueck in tagesstuecke(schicht):
            ergebnis[stueck.tag] = ergebnis.get(stueck.tag, Stunden()) + stunden_aus_stuecken([stueck])
    return ergebnis


def stunden_je_leistungsart(schichten: Iterable[Schicht], *, ohne: str = "ohne Zuordnung") -> dict[str, Stunden]:
    """Hours per Leistungsart/Kostenträger key, for cost attribution and counting against approvals."""
    ergebnis: dict[str, Stunden] = {}
    for schicht in schichten:
        for stueck in zeitstuecke(schicht):
            schluessel = stueck.leistungsart or ohne
            ergebnis[schluessel] = ergebnis.get(schluessel, Stunden()) + stunden_aus_stuecken([stueck])
    return ergebnis


def pruefe_schicht(schicht: Schicht, namen: Mapping[int, str] | None = None) -> None:
    """Refuse an impossible shift with one German message (end before start, parts/breaks outside, …)."""
    name = (namen or {}).get(schicht.assistenzkraft_id, "der Assistenzkraft")
    wo = f"Die Schicht von {name} am {fmt_tag(schicht.tag)}"
    for zeitpunkt in (schicht.beginn, schicht.ende):
        if zeitpunkt.tzinfo is None:
            raise EingabeFehler(f"{wo}: Uhrzeit ohne Zeitzone (interner Fehler).")
    laenge = schicht.dauer
    if laenge < NULL:
        raise EingabeFehler(
            f"{wo} endet ({fmt_tag(schicht.ende.astimezone(BERLIN).date())} {fmt_zeit(schicht.ende)}) vor ihrem "
            f"Beginn ({fmt_zeit(schicht.beginn)}). Bitte geben Sie ein Ende nach dem Beginn an; "
            "eine Nachtschicht endet am Folgetag.",
            feld="ende",
        )
    if laenge == NULL:
        raise EingabeFehler(
            f"{wo} beginnt und endet um {fmt_zeit(schicht.beginn)}. Bitte ein späteres Ende angeben.", feld="ende"
        )
    if laenge > LAENGSTE_SCHICHT:
        raise EingabeFehler(
            f"{wo} wäre {stunden(laenge):.0f} Stunden lang. Eine Schicht darf höchstens 7 Tage dauern; "
            "bitte prüfen Sie das Datum des Endes.",
            feld="ende",
        )
    _pruefe_innen(wo, schicht.beginn, schicht.ende, [(t.beginn, t.ende) for t in schicht.teile], "Ein Abschnitt")
    _pruefe_innen(
        wo,
        schicht.beginn,
        schicht.ende,
        [(a.beginn, a.ende) for a in schicht.leistungsanteile],
        "Ein Leistungsanteil",
    )
    _pruefe_innen(wo, schicht.beginn, schicht.ende, [(p.beginn, p.ende) for p in schicht.pausen], "Eine Pause")
    if schicht.pausen and sum((p.dauer for p in schicht.pausen), NULL) >= laenge:
        raise EingabeFehler(f"{wo} besteht nur aus Pausen. Bitte die Pausen kürzen.", feld="pausen")
    if schicht.ist is not None:
        ist = schicht.ist
        if dauer(ist.beginn, ist.ende) <= NULL:
            raise EingabeFehler(
                f"{wo}: Die tatsächliche Arbeitszeit endet ({fmt_zeit(ist.ende)}) nicht nach ihrem Beginn "
                f"({fmt_zeit(ist.beginn)}). Bitte die tatsächlichen Zeiten korrigieren.",
                feld="ist_ende",
            )
        if dauer(ist.beginn, ist.ende) > LAENGSTE_SCHICHT:
            raise EingabeFehler(f"{wo}: Die tatsächliche Arbeitszeit wäre länger als 7 Tage.", feld="ist_ende")
        _pruefe_innen(wo, ist.beginn, ist.ende, [(p.beginn, p.ende) for p in ist.pausen], "Eine tatsächliche Pause")
    if schicht.vertretung_fuer is not None and schicht.vertretung_fuer == schicht.assistenzkraft_id:
        raise EingabeFehler(f"{wo}: Eine Assistenzkraft kann sich nicht selbst vertreten.", feld="assistenzkraft")


def _pruefe_innen(
    wo: str, beginn: datetime, ende: datetime, intervalle: list[tuple[datetime, datetime]], was: str
) -> None:
    geordnet = sorted(intervalle, key=lambda iv: _utc(iv[0]))
    for a, b in geordnet:
        if dauer(a, b) <= NULL:
            raise EingabeFehler(f"{wo}: {was} endet ({fmt_zeit(b)}) nicht nach dem Beginn ({fmt_zeit(a)}).")
        if _utc(a) < _utc(beginn) or _utc(b) > _utc(ende):
            raise EingabeFehler(
                f"{wo}: {was} ({fmt_zeit(a)}–{fmt_zeit(b)}) liegt außerhalb der Schicht "
                f"({fmt_zeit(beginn)}–{fmt_zeit(ende)})."
            )
    for (_a1, b1), (a2, _b2) in itertools.pairwise(geordnet):
        if _utc(a2) < _utc(b1):
            raise EingabeFehler(f"{wo}: {was} überschneidet sich mit einer anderen ({fmt_zeit(a2)}).")


def tausche(a: Schicht, b: Schicht) -> tuple[Schicht, Schicht]:
    """Two assistants swap their shifts (a Tausch); nobody is absent, so no Vertretung is recorded."""
    return (
        replace(a, assistenzkraft_id=b.assistenzkraft_id, vertretung_fuer=None),
        replace(b, assistenzkraft_id=a.assistenzkraft_id, vertretung_fuer=None),
    )
