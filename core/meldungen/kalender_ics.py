"""The due dates as an iCalendar file (RFC 5545, `icalendar`): one all-day event per Frist with a reminder three
days before, so the employer's own calendar (Outlook, Thunderbird, a phone) reminds her."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from core.domain.geld import format_eur
from core.domain.zahlen import anzahl
from core.io.ausgabe import ausgabedatei
from core.meldungen.dokument import ohne_assistenzkraft
from core.meldungen.fristen import Frist
from core.meldungen.fristenliste import fristen
from core.persistence.datenbank import Datenbank

ERINNERUNG = timedelta(days=3)


def _uid(frist: Frist) -> str:
    """Stable across exports: importing the file again updates the events instead of doubling them."""
    return hashlib.sha256(frist.schluessel.encode("utf-8")).hexdigest()[:32] + "@assistenzbuero"


def kalender(fristen: Sequence[Frist], *, erstellt: datetime | None = None) -> Calendar:
    stempel = erstellt or datetime.now(UTC)
    cal = Calendar()
    cal.add("prodid", "-//Assistenzbüro//Fristen//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Assistenzbüro – Fristen")
    for frist in fristen:
        ereignis = Event()
        ereignis.add("uid", _uid(frist))
        ereignis.add("dtstamp", stempel)
        ereignis.add("dtstart", frist.faellig)
        ereignis.add("dtend", frist.faellig + timedelta(days=1))
        ereignis.add("summary", f"{frist.titel} – {frist.zeitraum}")
        zeilen = [f"Fällig: {frist.faellig:%d.%m.%Y}", f"Rechtsgrundlage: {frist.rechtsgrundlage}"]
        if frist.betrag is not None:
            art = " (vorläufig, Monat noch nicht abgeschlossen)" if frist.vorlaeufig else ""
            zeilen.insert(1, f"Betrag: {format_eur(frist.betrag)}{art}")
        if frist.erledigt_am is not None:
            zeilen.append(f"Erledigt am {frist.erledigt_am:%d.%m.%Y}")
        ereignis.add("description", "\n".join(zeilen))
        ereignis.add("transp", "TRANSPARENT")
        if frist.erledigt_am is None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", frist.titel)
            alarm.add("trigger", -ERINNERUNG)
            ereignis.add_component(alarm)
        cal.add_component(ereignis)
    return cal


def schreibe_ics(fristen: Sequence[Frist], ziel: Path, *, ueberschreiben: bool = False) -> Path:
    daten = kalender(fristen).to_ical()
    with ausgabedatei(ziel, ueberschreiben=ueberschreiben) as teil:
        teil.write_bytes(daten)
    return Path(ziel).expanduser().absolute()


def fristen_exportieren(db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False) -> str:
    """`assistenzbuero export fristen --jahr JJJJ --ausgabe fristen.ics`: every due date of the year."""
    liste = fristen(db, date(jahr, 1, 1), date(jahr, 12, 31))
    schreibe_ics(liste, ziel, ueberschreiben=ueberschreiben)
    return f"{anzahl(len(liste), 'Frist', 'Fristen')} {jahr} als Kalender geschrieben: {ziel}"


exportiere_fristen = ohne_assistenzkraft(fristen_exportieren, "die Fristen")
