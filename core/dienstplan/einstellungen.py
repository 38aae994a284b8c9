"""Roster settings of the household file: which working-time rules the checks apply."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.dienstplan.arbeitszeit import Arbeitszeitmodus, Arbeitszeitregeln, eigene_regeln, keine_regeln, nach_arbzg
from core.dienstplan.repository import Dienstplaneinheit, einheit
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank

EINSTELLUNG_SCHLUESSEL = "dienstplan.arbeitszeit"
_STUNDENFELDER = ("hoechst_tag_stunden", "hoechst_woche_stunden", "durchschnitt_woche_stunden", "ruhezeit_stunden")


@dataclass(frozen=True, slots=True)
class Dienstplaneinstellungen:
    """Which working-time rules the checks apply (see core.dienstplan.arbeitszeit for the legal reasoning).

    `ausgenommen`: assistants living in the household (§ 18 Abs. 1 Nr. 3 ArbZG). EIGENE: own limits in hours.
    """

    modus: Arbeitszeitmodus = Arbeitszeitmodus.ARBZG
    ausgenommen: frozenset[int] = field(default_factory=frozenset)
    hoechst_tag_stunden: Decimal | None = None
    hoechst_woche_stunden: Decimal | None = None
    durchschnitt_woche_stunden: Decimal | None = None
    ruhezeit_stunden: Decimal | None = None
    bereitschaft_zaehlt: bool = True

    def regeln(self, stichtag: date) -> Arbeitszeitregeln:
        """The rules for a month; raises EingabeFehler if the year has no rule table."""
        if self.modus is Arbeitszeitmodus.KEINE:
            return keine_regeln(stichtag)
        if self.modus is Arbeitszeitmodus.ARBZG:
            return nach_arbzg(stichtag)

        def h(wert: Decimal | None) -> timedelta | None:
            return None if wert is None else timedelta(minutes=int(wert * 60))

        return eigene_regeln(
            stichtag,
            hoechst_tag=h(self.hoechst_tag_stunden),
            hoechst_woche=h(self.hoechst_woche_stunden),
            durchschnitt_woche=h(self.durchschnitt_woche_stunden),
            ruhezeit=h(self.ruhezeit_stunden),
            bereitschaft_zaehlt=self.bereitschaft_zaehlt,
        )


def einstellungen_in(e: Dienstplaneinheit) -> Dienstplaneinstellungen:
    """The settings as stored in this unit of work (defaults if none are stored)."""
    wert = e.einstellungen.wert(EINSTELLUNG_SCHLUESSEL)
    if not wert:
        return Dienstplaneinstellungen()
    roh = json.loads(wert)

    def d(schluessel: str) -> Decimal | None:
        return Decimal(roh[schluessel]) if roh.get(schluessel) is not None else None

    return Dienstplaneinstellungen(
        modus=Arbeitszeitmodus(roh.get("modus", "arbzg")),
        ausgenommen=frozenset(int(i) for i in roh.get("ausgenommen", ())),
        hoechst_tag_stunden=d("hoechst_tag_stunden"),
        hoechst_woche_stunden=d("hoechst_woche_stunden"),
        durchschnitt_woche_stunden=d("durchschnitt_woche_stunden"),
        ruhezeit_stunden=d("ruhezeit_stunden"),
        bereitschaft_zaehlt=bool(roh.get("bereitschaft_zaehlt", True)),
    )


def lade_einstellungen(db: Datenbank) -> Dienstplaneinstellungen:
    with einheit(db) as e:
        return einstellungen_in(e)


def speichere_einstellungen(db: Datenbank, neu: Dienstplaneinstellungen) -> Dienstplaneinstellungen:
    for name in _STUNDENFELDER:
        wert = getattr(neu, name)
        if wert is not None and not Decimal(0) < wert <= Decimal(168):
            raise EingabeFehler("Stundengrenzen müssen größer als 0 und höchstens 168 sein.", feld=name)
    roh = {
        "modus": neu.modus.value,
        "ausgenommen": sorted(neu.ausgenommen),
        "bereitschaft_zaehlt": neu.bereitschaft_zaehlt,
        **{n: (str(getattr(neu, n)) if getattr(neu, n) is not None else None) for n in _STUNDENFELDER},
    }
    with einheit(db) as e:
        e.einstellungen.setze(EINSTELLUNG_SCHLUESSEL, json.dumps(roh))
        return einstellungen_in(e)
