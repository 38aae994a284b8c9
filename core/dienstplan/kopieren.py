"""Copy shifts to other days keeping their wall-clock times (a week, a month, any period)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from core.dienstplan.schicht import Leistungsanteil, Pause, Schicht, Teil
from core.dienstplan.vorlagen import Schichtvorlage, schicht_aus_vorlage
from core.domain.kalender import monatsgrenzen
from core.domain.zeit import BERLIN, lokal
from core.fehler import EingabeFehler


class Ausrichtung(StrEnum):
    """How a month is copied onto another: same weekdays (the usual weekly plan) or same dates."""

    WOCHENTAG = "wochentag"
    DATUM = "datum"


def _verschiebe_zeitpunkt(zeitpunkt: datetime, tage: int) -> datetime:
    wand = zeitpunkt.astimezone(BERLIN)
    return lokal(wand.date() + timedelta(days=tage), wand.timetz().replace(tzinfo=None), fold=wand.fold)


def verschiebe_schicht(schicht: Schicht, tage: int, *, als_plan: bool = True) -> Schicht:
    """The same shift `tage` days later at the same wall-clock times (its real length follows DST).

    `als_plan`: the copy is a new plan entry — no id, no actual times, and a Vertretung goes back to the
    assistant originally planned (a covered leave week is not copied as leave).
    """
    v = _verschiebe_zeitpunkt
    kopie = replace(
        schicht,
        beginn=v(schicht.beginn, tage),
        ende=v(schicht.ende, tage),
        teile=tuple(Teil(v(t.beginn, tage), v(t.ende, tage), t.arbeitsart) for t in schicht.teile),
        leistungsanteile=tuple(
            Leistungsanteil(v(a.beginn, tage), v(a.ende, tage), a.leistungsart) for a in schicht.leistungsanteile
        ),
        pausen=tuple(Pause(v(p.beginn, tage), v(p.ende, tage)) for p in schicht.pausen),
    )
    if als_plan:
        kopie = replace(
            kopie,
            id=None,
            ist=None,
            muster_id=None,
            assistenzkraft_id=schicht.vertretung_fuer or schicht.assistenzkraft_id,
            vertretung_fuer=None,
        )
    return kopie


def eingefuegt(schicht: Schicht, tag: date, *, verschieben: bool, vorlage: Schichtvorlage | None = None) -> Schicht:
    """A shift cut (`verschieben`) or copied in the Dienstplan and pasted on `tag`.

    Into the column of another template (`vorlage`) it takes that template's times and parts; who works it, the
    Vertretung, the note and (if the template names none) the Leistungsart stay. Moved, it keeps its id; its actual
    times stay only if the day stays (they belong to the day they were worked). Copied, it is a new plan entry as
    `verschiebe_schicht(..., als_plan=True)` makes it (no id, no actual times, not from a pattern, a Vertretung goes
    back to the assistant originally planned).
    """
    if vorlage is not None and vorlage.name != schicht.vorlage:
        neu = replace(
            schicht_aus_vorlage(vorlage, tag, schicht.assistenzkraft_id),
            id=schicht.id,
            leistungsart=vorlage.leistungsart or schicht.leistungsart,
            vertretung_fuer=schicht.vertretung_fuer,
            notiz=schicht.notiz,
        )
    else:
        neu = verschiebe_schicht(schicht, (tag - schicht.tag).days, als_plan=False)
    if verschieben:
        return neu if neu.tag == schicht.tag else replace(neu, ist=None)
    return replace(
        neu,
        id=None,
        ist=None,
        muster_id=None,
        assistenzkraft_id=schicht.vertretung_fuer or schicht.assistenzkraft_id,
        vertretung_fuer=None,
    )


def kopiere_zeitraum(schichten: Iterable[Schicht], quelle_von: date, quelle_bis: date, ziel_von: date) -> list[Schicht]:
    """Copies of the shifts starting on quelle_von..quelle_bis, moved so that quelle_von lands on ziel_von."""
    if quelle_bis < quelle_von:
        raise EingabeFehler("Der Quellzeitraum endet vor seinem Beginn.")
    versatz = (ziel_von - quelle_von).days
    return [verschiebe_schicht(s, versatz) for s in schichten if quelle_von <= s.tag <= quelle_bis]


def kopiere_woche(schichten: Iterable[Schicht], quell_montag: date, ziel_montag: date) -> list[Schicht]:
    if quell_montag.weekday() != 0 or ziel_montag.weekday() != 0:
        raise EingabeFehler("Bitte wählen Sie jeweils den Montag der Quell- und der Zielwoche.")
    if quell_montag == ziel_montag:
        raise EingabeFehler("Quell- und Zielwoche sind gleich.")
    return kopiere_zeitraum(schichten, quell_montag, quell_montag + timedelta(days=6), ziel_montag)


def kopiere_monat(
    schichten: Iterable[Schicht],
    quelle: tuple[int, int],
    ziel: tuple[int, int],
    ausrichtung: Ausrichtung = Ausrichtung.WOCHENTAG,
) -> list[Schicht]:
    """Copy a month onto another.

    WOCHENTAG: every target day takes the shifts of the same weekday in the source month (offset by whole
    weeks; days at the edges take the nearest week of the source month). DATUM: day n takes day n; days the
    source month lacks (e.g. 31st) stay empty.
    """
    q_von, q_bis_excl = monatsgrenzen(*quelle)
    z_von, z_bis_excl = monatsgrenzen(*ziel)
    if quelle == ziel:
        raise EingabeFehler("Quell- und Zielmonat sind gleich.")
    nach_tag: dict[date, list[Schicht]] = {}
    for schicht in schichten:
        if q_von <= schicht.tag < q_bis_excl:
            nach_tag.setdefault(schicht.tag, []).append(schicht)
    ergebnis: list[Schicht] = []
    wochen_versatz = 7 * (((z_von - q_von).days + 3) // 7)  # nearest whole number of weeks
    tag = z_von
    while tag < z_bis_excl:
        if ausrichtung is Ausrichtung.WOCHENTAG:
            quelltag = tag - timedelta(days=wochen_versatz)
            while quelltag < q_von:
                quelltag += timedelta(days=7)
            while quelltag >= q_bis_excl:
                quelltag -= timedelta(days=7)
        else:
            try:
                quelltag = q_von.replace(day=tag.day)
            except ValueError:
                tag += timedelta(days=1)
                continue
        versatz = (tag - quelltag).days
        ergebnis.extend(verschiebe_schicht(s, versatz) for s in nach_tag.get(quelltag, ()))
        tag += timedelta(days=1)
    return ergebnis
