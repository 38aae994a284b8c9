"""The monthly calculation (core.abrechnung.rechnen.berechne): 2,000 assistant-months on one core.

The months are realistic for the Arbeitgebermodell: a household of five with early, late and night shifts (Sunday
and holiday surcharges), standby, sick days and leave, a Minijob, a Übergangsbereich job, SV-pflichtige with
individual Lohnsteuer and one Monatslohn with a Zeitkonto; every tenth month has a one-off payment. Prints the time;
the goal (issue 8) is under 5 s.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.abrechnung.modell import Arbeitgeberdaten, Einmalzahlung, Monatseingabe, Personaldaten
from core.abrechnung.rechnen import berechne
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.schicht import Arbeitsart, Schicht, Teil
from core.dienstplan.vertrag import Lohnform, Vertragsdaten
from core.domain.zeit import BERLIN
from core.regeln.beitraege import Kasse
from core.regeln.zuschlaege import Zuschlagssaetze

ANZAHL = 2000
MONATE = [(2026, m) for m in range(1, 13)]
ZUSCHLAEGE = Zuschlagssaetze(nacht=Decimal(25), sonntag=Decimal(50), feiertag=Decimal(125))


def _schichten(person: int, jahr: int, monat: int, muster: int) -> tuple[Schicht, ...]:
    """About twenty shifts: early 7–14, late 14–22, or a night 22–7 with standby 0–6 (every fifth day)."""
    ergebnis = []
    tag = date(jahr, monat, 1)
    while tag.month == monat:
        if (tag.toordinal() + muster) % 3 != 0:
            art = (tag.toordinal() + person) % 5
            if art == 0:
                beginn = datetime(tag.year, tag.month, tag.day, 22, tzinfo=BERLIN)
                ende = beginn + timedelta(hours=9)
                mitternacht = datetime.combine(tag + timedelta(days=1), datetime.min.time(), tzinfo=BERLIN)
                teile = (Teil(mitternacht, mitternacht + timedelta(hours=6), Arbeitsart.BEREITSCHAFT),)
            else:
                stunde = 7 if art % 2 else 14
                beginn = datetime(tag.year, tag.month, tag.day, stunde, tzinfo=BERLIN)
                ende = beginn + timedelta(hours=7 if stunde == 7 else 8)
                teile = ()
            ergebnis.append(Schicht(person, beginn, ende, teile=teile, leistungsart="Eingliederungshilfe"))
        tag += timedelta(days=1)
    return tuple(ergebnis)


def _eingaben() -> list[Monatseingabe]:
    arbeitgeber = Arbeitgeberdaten("BW", privathaushalt=True, unfallversicherung_prozent=Decimal("1.2"))
    kasse = Kasse(Decimal("2.9"), Decimal("2.1"), Decimal("0.40"), name="AOK BW")
    arten = [
        (Lohnform.STUNDENLOHN, Decimal("16.50"), None),  # SV-pflichtig
        (Lohnform.STUNDENLOHN, Decimal("15.00"), None),
        (Lohnform.STUNDENLOHN, Decimal("14.00"), Decimal("0.3")),  # fewer shifts: Übergangsbereich
        (Lohnform.STUNDENLOHN, Decimal("14.00"), Decimal("0.07")),  # a Minijob
        (Lohnform.MONATSLOHN, Decimal("2600.00"), None),
    ]
    eingaben = []
    for i in range(ANZAHL):
        jahr, monat = MONATE[i % 12]
        person = i % 5 + 1
        lohnform, satz, anteil = arten[i % 5]
        schichten = _schichten(person, jahr, monat, i)
        if anteil is not None:
            schichten = schichten[: max(1, int(len(schichten) * anteil * 3))]
        vertrag = Vertragsdaten(
            assistenzkraft_id=person,
            name=f"Person {person}",
            beginn=date(2020, 1, 1),
            lohnform=lohnform,
            satz=satz,
            bereitschaft_prozent=Decimal(30),
            zuschlaege=ZUSCHLAEGE,
            wochenstunden=Decimal(38) if lohnform is Lohnform.MONATSLOHN else None,
        )
        person_daten = Personaldaten(
            assistenzkraft_id=person,
            personalnummer=str(person),
            geburtsdatum=date(1985, 4, 12),
            eintritt=date(2020, 1, 1),
            krankenkasse="AOK BW",
            kinder_unter_25=i % 3,
            elterneigenschaft=i % 3 > 0,
            kirchensteuer=i % 2 == 0,
        )
        abwesenheiten = (
            Abwesenheit(person, Abwesenheitsart.KRANK, date(jahr, monat, 10), date(jahr, monat, 12), id=1),
            Abwesenheit(person, Abwesenheitsart.URLAUB, date(jahr, monat, 20), date(jahr, monat, 24), id=2),
        )
        e = Monatseingabe(jahr, monat, arbeitgeber, person_daten, kasse, (vertrag,), schichten, abwesenheiten)
        if i % 10 == 0:
            e = replace(e, einmalzahlungen=(Einmalzahlung("praemie", Decimal("300.00")),))
        eingaben.append(e)
    return eingaben


def main() -> None:
    eingaben = _eingaben()
    berechne(eingaben[0])  # first call: rule tables, PAP translation
    beginn, cpu = time.perf_counter(), time.process_time()
    ergebnisse = [berechne(e) for e in eingaben]
    dauer, cpu = time.perf_counter() - beginn, time.process_time() - cpu
    arten = sorted({e.beschaeftigung.value for e in ergebnisse})
    print(
        f"{len(ergebnisse)} Abrechnungsmonate in {dauer:.2f} s Wanduhr, {cpu:.2f} s Rechenzeit dieses Prozesses "
        f"({cpu / len(ergebnisse) * 1000:.2f} ms je Monat; Beschäftigungsarten: {', '.join(arten)}); Ziel: unter 5 s"
    )


if __name__ == "__main__":
    main()
