"""A shift template checked by itself against the ArbZG (breaks, their place, its length) and the legal minimum break.

The month's checks (`pruefungen`) warn when a shift is planned; this says it where the template is made, once, and
honestly: a template that cannot comply (a 24-h-Block) says what would allow it instead of pretending.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from core.dienstplan.arbeitszeit import Arbeitszeitregeln
from core.dienstplan.schicht import Arbeitsart, Schicht, zeitstuecke
from core.dienstplan.verguetung import std_td
from core.dienstplan.vorlagen import Schichtvorlage, VorlagenPause, schicht_aus_vorlage
from core.domain.hinweis import Hinweis, Schwere
from core.domain.zeit import BERLIN

NULL = timedelta(0)
MINDESTPAUSE_BLOCK = timedelta(minutes=15)  # § 4 Satz 2 ArbZG: a Ruhepause counts in blocks of at least 15 minutes
HOECHSTENS_AM_STUECK = timedelta(hours=6)  # § 4 Satz 3 ArbZG: not longer than six hours in a row without a break
_VIERTELSTUNDE = 15
_HOECHSTENS_NEUE_PAUSEN = 3  # enough for a 24-h-Block's night; beyond that the template is not a shift
_MUSTERTAG = date(2001, 1, 8)  # an ordinary Monday: no DST change, so wall-clock and real lengths agree


def _schicht(vorlage: Schichtvorlage) -> Schicht:
    return schicht_aus_vorlage(vorlage, _MUSTERTAG, 0)


def _arbeitsstrecken(schicht: Schicht, regeln: Arbeitszeitregeln) -> list[tuple[datetime, datetime]]:
    """Stretches of working time (UTC) between Ruhepausen; a break under 15 minutes does not interrupt them."""
    stuecke = sorted(
        (st.beginn.astimezone(UTC), st.ende.astimezone(UTC))
        for st in zeitstuecke(schicht)
        if st.arbeitsart is Arbeitsart.ARBEIT or regeln.bereitschaft_zaehlt
    )
    kurze = [(p.beginn.astimezone(UTC), p.ende.astimezone(UTC)) for p in schicht.pausen if p.dauer < MINDESTPAUSE_BLOCK]
    strecken: list[tuple[datetime, datetime]] = []
    for a, b in stuecke:
        if strecken and (a == strecken[-1][1] or any(x <= strecken[-1][1] and a <= y for x, y in kurze)):
            strecken[-1] = (strecken[-1][0], b)
        else:
            strecken.append((a, b))
    return strecken


def _ruhepausen(schicht: Schicht) -> timedelta:
    return sum((p.dauer for p in schicht.pausen if p.dauer >= MINDESTPAUSE_BLOCK), NULL)


def _arbeitszeit(schicht: Schicht, regeln: Arbeitszeitregeln) -> timedelta:
    """Working time as the ArbZG counts it: without the breaks; Bereitschaft (Arbeit II) counts if the rules say so."""
    return sum(
        (st.dauer for st in zeitstuecke(schicht) if st.arbeitsart is Arbeitsart.ARBEIT or regeln.bereitschaft_zaehlt),
        NULL,
    )


def noetige_pause(arbeit: timedelta, regeln: Arbeitszeitregeln) -> timedelta:
    """§ 4 Satz 1 ArbZG: 30 minutes for more than 6 up to 9 hours of work, 45 minutes for more than 9 hours."""
    if arbeit > timedelta(hours=9):
        return regeln.pause_ueber_9h
    if arbeit > timedelta(hours=6):
        return regeln.pause_ueber_6h
    return NULL


def _fehlende_pause(schicht: Schicht, regeln: Arbeitszeitregeln) -> timedelta:
    # As in the month's check: the need follows the time between start and end without the breaks (Arbeit II too).
    vorhanden = _ruhepausen(schicht)
    arbeit = schicht.ende_utc - schicht.beginn_utc - vorhanden
    return max(NULL, noetige_pause(arbeit, regeln) - vorhanden)


def _minuten(pause: timedelta) -> str:
    return f"nur {int(pause / timedelta(minutes=1))} Minuten Pause" if pause else "keine Pause"


def _uhr(zeitpunkt: datetime) -> str:
    return f"{zeitpunkt.astimezone(BERLIN):%H:%M}"


def arbzg_hinweise(vorlage: Schichtvorlage, regeln: Arbeitszeitregeln) -> list[Hinweis]:
    """What the ArbZG says about this template alone: its breaks (§ 4), their place (§ 4 Satz 3), its length (§ 3, § 5).

    Empty when the template complies (or the household checks no working time). The default templates of a new file
    give none, except the 24-h-Block's length, which no break can cure (see `vorlagen.BLOCK_24H`).
    """
    if not regeln.aktiv:
        return []
    schicht = _schicht(vorlage)
    name = vorlage.name
    hinweise: list[Hinweis] = []
    fehlt = _fehlende_pause(schicht, regeln)
    if fehlt > NULL:
        vorhanden = _ruhepausen(schicht)
        noetig = vorhanden + fehlt
        hinweise.append(
            Hinweis(
                "VORLAGE_PAUSE_FEHLT",
                Schwere.WARNUNG,
                f"„{name}“ hat {_minuten(vorhanden)}; nach dem Arbeitszeitgesetz "
                f"braucht sie mindestens {int(noetig / timedelta(minutes=1))} Minuten – bitte tragen Sie die Pause "
                "in der Vorlage ein.",
                regeln.quelle("§ 4 Satz 1"),
            )
        )
    for a, b in _arbeitsstrecken(schicht, regeln):
        if b - a > HOECHSTENS_AM_STUECK:
            hinweise.append(
                Hinweis(
                    "VORLAGE_PAUSE_LAGE",
                    Schwere.WARNUNG,
                    f"„{name}“ lässt von {_uhr(a)} bis {_uhr(b)} {std_td(b - a)} Stunden am Stück arbeiten; nach "
                    "höchstens 6 Stunden muss eine Pause liegen – bitte legen Sie eine Pause in diese Zeit.",
                    regeln.quelle("§ 4 Satz 3"),
                )
            )
            break
    arbeit = _arbeitszeit(schicht, regeln)
    if arbeit > regeln.hoechst_tag:
        bereitschaft = " (Bereitschaft zählt mit)" if regeln.bereitschaft_zaehlt else ""
        hinweise.append(
            Hinweis(
                "VORLAGE_ZU_LANG",
                Schwere.WARNUNG,
                f"„{name}“ umfasst {std_td(arbeit)} Stunden Arbeitszeit{bereitschaft}, höchstens "
                f"{std_td(regeln.hoechst_tag)} sind erlaubt; so lang geht es nur mit einem Tarifvertrag nach "
                "§ 7 ArbZG (ein privater Arbeitgeber hat ihn nur, wenn der Arbeitsvertrag auf einen verweist) oder "
                "für Assistenzkräfte, die mit Ihnen in häuslicher Gemeinschaft leben (§ 18 Abs. 1 Nr. 3 ArbZG).",
                regeln.quelle("§ 3") + ", § 5 Abs. 1, § 7 Abs. 1 Nr. 1a und Abs. 2a",
            )
        )
    return hinweise


def _auf_viertelstunde(zeitpunkt: datetime) -> datetime:
    return zeitpunkt - timedelta(minutes=zeitpunkt.minute % _VIERTELSTUNDE, seconds=zeitpunkt.second)


def mit_mindestpause(vorlage: Schichtvorlage, regeln: Arbeitszeitregeln) -> Schichtvorlage | None:
    """The template with the legal minimum break added (existing breaks stay), or None if no break is missing.

    The missing minutes go, on the quarter hour, into the middle of the longest stretch of work, so that no stretch
    is longer than 6 hours where one break can achieve it (§ 4 Satz 1 and 3 ArbZG). A template too long for the law
    keeps its length: a break does not cure that (`arbzg_hinweise` says what would).
    """
    if not regeln.aktiv:
        return None
    neu = vorlage
    for _ in range(_HOECHSTENS_NEUE_PAUSEN + 1):
        schicht = _schicht(neu)
        fehlt = _fehlende_pause(schicht, regeln)
        strecken = _arbeitsstrecken(schicht, regeln)
        if strecken:
            a, b = max(strecken, key=lambda s: s[1] - s[0])
        else:  # nothing counts as work (Bereitschaft not counted): a break still owed goes into the shift's middle
            a, b = schicht.beginn_utc, schicht.ende_utc
        if fehlt <= NULL and (not strecken or b - a <= HOECHSTENS_AM_STUECK):
            return None if neu == vorlage else neu
        laenge = max(fehlt, MINDESTPAUSE_BLOCK)
        beginn = _auf_viertelstunde(a + (b - a - laenge) / 2).astimezone(BERLIN)
        pause = VorlagenPause(time(beginn.hour, beginn.minute), int(laenge / timedelta(minutes=1)))
        neu = replace(neu, pausen=tuple(sorted((*neu.pausen, pause), key=lambda p: _schicht_zeit(neu, p.beginn))))
    return None  # more breaks than a shift of legal length ever needs: leave it to her


def _schicht_zeit(vorlage: Schichtvorlage, uhrzeit: time) -> timedelta:
    """How far into the shift a wall-clock time lies (for ordering breaks of a shift over midnight)."""
    beginn = datetime.combine(_MUSTERTAG, vorlage.beginn)
    zeit = datetime.combine(_MUSTERTAG, uhrzeit)
    return (zeit - beginn) % timedelta(days=1)
