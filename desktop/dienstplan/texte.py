"""Display texts of the roster screens (dates, times, severities) — formatting only, no rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from core.dienstplan.pruefungen import Pruefhinweis
from core.dienstplan.tage import MONATE, WOCHENTAGE, WOCHENTAGE_KURZ
from core.domain.hinweis import Schwere
from core.domain.zeit import BERLIN
from desktop.i18n import tr
from desktop.tabellen import trennbar  # noqa: F401 - the roster's texts use it as texte.trennbar

SCHWERE_TEXT = {Schwere.FEHLER: tr("Fehler"), Schwere.WARNUNG: tr("Warnung"), Schwere.INFO: tr("Information")}
SCHWERE_MEHRZAHL = {Schwere.FEHLER: tr("Fehler"), Schwere.WARNUNG: tr("Warnungen"), Schwere.INFO: tr("Informationen")}
SCHWERE_RANG = {Schwere.FEHLER: 0, Schwere.WARNUNG: 1, Schwere.INFO: 2}
#: Between weekday and date: a day stays on one line in a narrow column ("Do 3." wrapped to "Do" over "3." at 200 %).
GESCHUETZT = "\u00a0"


def tag_kurz(tag: date) -> str:
    """As in the seed's printed plan: "Do 1." (never broken between weekday and day)."""
    return f"{WOCHENTAGE_KURZ[tag.weekday()]}{GESCHUETZT}{tag.day}."


def tag_mit_datum(tag: date) -> str:
    """ "Mo 02.03." for lists (never broken between weekday and date)."""
    return f"{WOCHENTAGE_KURZ[tag.weekday()]}{GESCHUETZT}{tag:%d.%m.}"


def tag_lang(tag: date, *, mit_jahr: bool = False) -> str:
    """For screen readers: "Donnerstag, 1. Januar" (with the year if asked)."""
    text = f"{WOCHENTAGE[tag.weekday()]}, {tag.day}. {MONATE[tag.month - 1]}"
    return f"{text} {tag.year}" if mit_jahr else text


def datum(tag: date) -> str:
    return f"{tag:%d.%m.%Y}"


def uhrzeit(zeitpunkt: datetime | time) -> str:
    if isinstance(zeitpunkt, datetime):
        zeitpunkt = zeitpunkt.astimezone(BERLIN).time()
    return f"{zeitpunkt:%H:%M}"


def zeitspanne(beginn: datetime, ende: datetime) -> str:
    """ "07:00–14:00", with the end's date when it is on another day ("22:00–07:00 (Folgetag)")."""
    b, e = beginn.astimezone(BERLIN), ende.astimezone(BERLIN)
    text = f"{b:%H:%M}–{e:%H:%M}"
    tage = (e.date() - b.date()).days
    if tage == 1:
        text += tr(" (Folgetag)")
    elif tage > 1:
        text += f" ({e:%d.%m.})"
    return text


def umbrechbar(spanne: str) -> str:
    """ "07:00–14:00" that may break after its dash in a narrow column (Qt keeps it whole, cut to "07:00–…")."""
    return spanne.replace("–", "–\u200b")


def zeitspanne_gesprochen(beginn: datetime, ende: datetime) -> str:
    """ "7:00 bis 14:00 Uhr" for the accessible text (a dash is read badly by some screen readers)."""
    b, e = beginn.astimezone(BERLIN), ende.astimezone(BERLIN)
    text = tr("{von} bis {bis} Uhr").format(von=f"{b.hour}:{b.minute:02d}", bis=f"{e.hour}:{e.minute:02d}")
    if (e.date() - b.date()).days >= 1:
        text += tr(" am {tag}").format(tag=tag_lang(e.date()))
    return text


def anzahl_hinweise(anzahlen: dict[Schwere, int]) -> str:
    """ "1 Fehler, 2 Warnungen" (severity in words, never by colour alone)."""
    teile = []
    for schwere in (Schwere.FEHLER, Schwere.WARNUNG, Schwere.INFO):
        n = anzahlen.get(schwere, 0)
        if n:
            teile.append(f"{n} {SCHWERE_TEXT[schwere] if n == 1 else SCHWERE_MEHRZAHL[schwere]}")
    return ", ".join(teile)


#: Where a Hinweis's text is cut for a cell: its detail (dates, rules, advice) follows one of these.
_DETAIL_BEGINNT = (" (", ": ", " – ")
KURZ_HOECHSTENS = 120


def hinweis_kurz(text: str) -> str:
    """The gist of a Hinweis for a grid cell: up to where its detail begins, at most `KURZ_HOECHSTENS` characters.

    A screen reader read each cell's Hinweise in full, e.g. a 400-character break warning with 23 dates on every
    shift of the month; the full text is in the list "Hinweise des Monats" (Alt+N) and in the tooltip.
    """
    schnitt = min((i for i in (text.find(t) for t in _DETAIL_BEGINNT) if i >= 15), default=len(text))
    kurz = text[:schnitt].rstrip(" .,;")
    return kurz if len(kurz) <= KURZ_HOECHSTENS else kurz[: KURZ_HOECHSTENS - 1].rstrip() + "…"


def hinweise_kurz(hinweise: Sequence[Pruefhinweis]) -> str:
    """The Hinweise of one cell, each once and short, with where to read them in full if one was shortened."""
    kurz = {h.text: hinweis_kurz(h.text) for h in hinweise}
    gekuerzt = any(k != t.rstrip(" .") for t, k in kurz.items())
    teile = list(dict.fromkeys(f"{SCHWERE_TEXT[h.schwere]}: {kurz[h.text] if gekuerzt else h.text}" for h in hinweise))
    text = "; ".join(teile)
    return text + tr(". Einzelheiten unter „Hinweise des Monats“ (Alt+N)") if gekuerzt else text
