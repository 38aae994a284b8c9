"""Repeating patterns (weekly alternation, weekend turns, blocks of days) and their expansion into shifts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from core.dienstplan.schicht import Schicht
from core.dienstplan.vorlagen import Schichtvorlage, schicht_aus_vorlage
from core.fehler import EingabeFehler

WERKTAGE_MO_FR = (0, 1, 2, 3, 4)
WOCHENENDE = (5, 6)


class Musterart(StrEnum):
    WOCHENWECHSEL = "wochenwechsel"
    WOCHENENDWECHSEL = "wochenendwechsel"
    TAGEBLOCK = "tageblock"
    FREI = "frei"

    @property
    def bezeichnung(self) -> str:
        return {
            "wochenwechsel": "Wochenweiser Wechsel",
            "wochenendwechsel": "Wochenenden im Wechsel",
            "tageblock": "Blöcke von Tagen",
            "frei": "Eigenes Muster",
        }[self.value]


@dataclass(frozen=True, slots=True)
class MusterEintrag:
    """On day `tag` of the cycle (0 = the anchor day) the assistant works the template's shift."""

    tag: int
    vorlage: Schichtvorlage
    assistenzkraft_id: int


@dataclass(frozen=True, slots=True)
class Muster:
    """A cycle of `zyklus_tage` days starting at `anker`, repeated for ever (or within gueltig_von/bis)."""

    name: str
    art: Musterart
    anker: date
    zyklus_tage: int
    eintraege: tuple[MusterEintrag, ...]
    gueltig_von: date | None = None
    gueltig_bis: date | None = None
    id: int | None = None

    def pruefe(self) -> None:
        if not self.name.strip():
            raise EingabeFehler("Bitte geben Sie dem Muster einen Namen.", feld="name")
        if self.zyklus_tage < 1 or self.zyklus_tage > 366:
            raise EingabeFehler(
                f"Muster „{self.name}“: Der Zyklus muss zwischen 1 und 366 Tagen lang sein.", feld="zyklus_tage"
            )
        for eintrag in self.eintraege:
            if not 0 <= eintrag.tag < self.zyklus_tage:
                raise EingabeFehler(
                    f"Muster „{self.name}“: Tag {eintrag.tag + 1} liegt außerhalb des Zyklus von "
                    f"{self.zyklus_tage} Tagen.",
                    feld="eintraege",
                )
        if self.gueltig_von and self.gueltig_bis and self.gueltig_bis < self.gueltig_von:
            raise EingabeFehler(f"Muster „{self.name}“: „gültig bis“ liegt vor „gültig von“.", feld="gueltig_bis")

    @property
    def assistenzkraefte(self) -> set[int]:
        return {e.assistenzkraft_id for e in self.eintraege}


def expandiere(muster: Muster, von: date, bis: date) -> list[Schicht]:
    """All shifts the pattern produces for days von..bis (inclusive), ordered by start.

    Raises EingabeFehler if a template's time does not exist on a day (DST gap).
    """
    muster.pruefe()
    if bis < von:
        raise EingabeFehler("Der Zeitraum endet vor seinem Beginn.", feld="bis")
    start = max(von, muster.gueltig_von) if muster.gueltig_von else von
    ende = min(bis, muster.gueltig_bis) if muster.gueltig_bis else bis
    nach_tag: dict[int, list[MusterEintrag]] = {}
    for eintrag in muster.eintraege:
        nach_tag.setdefault(eintrag.tag, []).append(eintrag)
    schichten: list[Schicht] = []
    tag = start
    while tag <= ende:
        for eintrag in nach_tag.get((tag - muster.anker).days % muster.zyklus_tage, ()):
            schicht = schicht_aus_vorlage(eintrag.vorlage, tag, eintrag.assistenzkraft_id)
            schichten.append(replace(schicht, muster_id=muster.id))
        tag += timedelta(days=1)
    schichten.sort(key=lambda s: (s.beginn_utc, s.assistenzkraft_id))
    return schichten


def _pruefe_personen(personen: Sequence[int], was: str) -> None:
    if not personen:
        raise EingabeFehler(f"{was}: Bitte mindestens eine Assistenzkraft auswählen.", feld="personen")


def wochenwechsel(
    name: str,
    anker_montag: date,
    vorlagen: Sequence[Schichtvorlage],
    personen: Sequence[int],
    wochentage: Sequence[int] = WERKTAGE_MO_FR,
) -> Muster:
    """Assistants rotate through the templates week by week (seed 004, 2.6.1: Sabine/Jörg early and late).

    Week w of the cycle: template j is worked by personen[(j + w) % len(personen)].
    """
    _pruefe_personen(personen, name)
    if anker_montag.weekday() != 0:
        raise EingabeFehler("Ein Wochenwechsel beginnt an einem Montag.", feld="anker")
    if not vorlagen:
        raise EingabeFehler(f"{name}: Bitte mindestens eine Schichtvorlage auswählen.", feld="vorlagen")
    n = len(personen)
    if 1 < n < len(vorlagen):
        raise EingabeFehler(
            f"{name}: Für {len(vorlagen)} Schichtvorlagen im Wechsel braucht es mindestens {len(vorlagen)} "
            "Assistenzkräfte (oder eine, die alle Schichten übernimmt).",
            feld="personen",
        )
    eintraege = [
        MusterEintrag(7 * woche + wochentag, vorlage, personen[(j + woche) % n])
        for woche in range(n)
        for wochentag in wochentage
        for j, vorlage in enumerate(vorlagen)
    ]
    return Muster(name, Musterart.WOCHENWECHSEL, anker_montag, 7 * n, tuple(eintraege))


def wochenendwechsel(
    name: str,
    anker_montag: date,
    vorlagen: Sequence[Schichtvorlage],
    personen: Sequence[int],
    tage: Sequence[int] = WOCHENENDE,
) -> Muster:
    """Weekends in turn (seed 004, 2.6.1: Ulrike and Rudolf): in week w personen[w % n] works all templates."""
    _pruefe_personen(personen, name)
    if anker_montag.weekday() != 0:
        raise EingabeFehler("Ein Wochenendwechsel wird ab dem Montag der ersten Woche gezählt.", feld="anker")
    n = len(personen)
    eintraege = [
        MusterEintrag(7 * woche + wochentag, vorlage, personen[woche])
        for woche in range(n)
        for wochentag in tage
        for vorlage in vorlagen
    ]
    return Muster(name, Musterart.WOCHENENDWECHSEL, anker_montag, 7 * n, tuple(eintraege))


def tageblock(
    name: str,
    anker: date,
    vorlagen: Sequence[Schichtvorlage],
    personen: Sequence[int],
    block_tage: int,
) -> Muster:
    """Blocks of days: each assistant works `block_tage` days in a row (all templates), then the next one."""
    _pruefe_personen(personen, name)
    if block_tage < 1:
        raise EingabeFehler("Ein Block muss mindestens einen Tag lang sein.", feld="block_tage")
    eintraege = [
        MusterEintrag(i * block_tage + t, vorlage, person)
        for i, person in enumerate(personen)
        for t in range(block_tage)
        for vorlage in vorlagen
    ]
    return Muster(name, Musterart.TAGEBLOCK, anker, block_tage * len(personen), tuple(eintraege))
