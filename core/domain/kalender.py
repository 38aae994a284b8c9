"""Public holidays per Bundesland (python `holidays`, German names), the Länder list and calendar arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

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


def landeskuerzel(land: str) -> str:
    """The ISO code of the Land: "Augsburg" (a city with an extra holiday) belongs to Bayern."""
    return "BY" if land == "Augsburg" else land


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
    import holidays  # here, not at the top: it takes a tenth of the start-up and the window does not need it yet

    tage = holidays.country_holidays("DE", subdiv=land, years=jahr, language="de", categories=kategorien)
    return {tag: str(name) for tag, name in sorted(tage.items())}


def feiertag(land: str, tag: date, *, katholisch: bool = False) -> str | None:
    """The holiday's German name, or None."""
    return feiertage(land, tag.year, katholisch=katholisch).get(tag)


def monatsgrenzen(jahr: int, monat: int) -> tuple[date, date]:
    """First day of the month and first day of the next month."""
    erster = date(jahr, monat, 1)
    return erster, date(jahr + monat // 12, monat % 12 + 1, 1)


def monatsfrist_ende(beginn: date, monate: int) -> date:
    """Last day of a period of `monate` months that starts on (and includes) `beginn` (§§ 187 Abs. 2, 188 BGB):
    the day before the same day number; if that day does not exist, the last day of that month (§ 188 Abs. 3)."""
    jahr, monat = divmod(beginn.month - 1 + monate, 12)
    ziel_jahr, ziel_monat = beginn.year + jahr, monat + 1
    try:
        return date(ziel_jahr, ziel_monat, beginn.day) - timedelta(days=1)
    except ValueError:
        return monatsgrenzen(ziel_jahr, ziel_monat)[1] - timedelta(days=1)


def lebensjahr_vollendet(geburtsdatum: date, jahre: int) -> date:
    """The day on which the given year of life is completed: the day before that birthday (§§ 187 Abs. 2, 188 BGB).

    Born on 29 February: in a common year the birthday counts as 1 March.
    """
    try:
        geburtstag = geburtsdatum.replace(year=geburtsdatum.year + jahre)
    except ValueError:
        geburtstag = date(geburtsdatum.year + jahre, 3, 1)
    return geburtstag - timedelta(days=1)
