"""Public holidays per Bundesland (python `holidays`, German names) and the Länder list."""

from __future__ import annotations

from datetime import date
from functools import cache

import holidays

from core.fehler import EingabeFehler

MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
WOCHENTAGE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WOCHENTAGE_KURZ = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

BUNDESLAENDER: dict[str, str] = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "Augsburg": "Bayern (Stadt Augsburg)",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}


def pruefe_land(land: str) -> str:
    if land not in BUNDESLAENDER:
        erlaubt = ", ".join(BUNDESLAENDER)
        raise EingabeFehler(f"Unbekanntes Bundesland „{land}“. Erlaubt sind: {erlaubt}.", feld="bundesland")
    return land


@cache
def feiertage(land: str, jahr: int, *, katholisch: bool = False) -> dict[date, str]:
    """Holidays at the place of work. `katholisch`: a predominantly Catholic community (BY: Mariä
    Himmelfahrt; SN/TH: Fronleichnam in some communities). Augsburg includes both and the Friedensfest."""
    pruefe_land(land)
    kategorien = ("public", "catholic") if katholisch or land == "Augsburg" else ("public",)
    tage = holidays.country_holidays("DE", subdiv=land, years=jahr, language="de", categories=kategorien)
    return {tag: str(name) for tag, name in sorted(tage.items())}


def feiertag(land: str, tag: date, *, katholisch: bool = False) -> str | None:
    """The holiday's German name, or None."""
    return feiertage(land, tag.year, katholisch=katholisch).get(tag)
