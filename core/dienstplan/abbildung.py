"""Rows ↔ roster dataclasses (shifts, absences, templates, patterns, need profiles, contracts)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe
from core.dienstplan.modelle import (
    AbwesenheitZeile,
    BedarfsprofilZeile,
    MusterZeile,
    SchichtvorlageZeile,
    SchichtZeile,
)
from core.dienstplan.muster import Muster, Musterart, MusterEintrag
from core.dienstplan.schicht import Arbeitsart, Istzeit, Leistungsanteil, Pause, Schicht, Teil
from core.dienstplan.vertrag import Lohnform
from core.dienstplan.vorlagen import Schichtvorlage, VorlagenPause, VorlagenTeil
from core.domain.zeit import BERLIN
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.zuschlaege import Zuschlagssaetze

LOHNFORMEN = {"stunde": Lohnform.STUNDENLOHN, "tag": Lohnform.TAGESLOHN, "monat": Lohnform.MONATSLOHN}


def _iso(zeitpunkt: datetime) -> str:
    return zeitpunkt.astimezone(UTC).isoformat(timespec="seconds")


def _zeit(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(BERLIN)


# --- Schicht ---------------------------------------------------------------------------------------------------


def abschnitte_json(schicht: Schicht) -> str:
    daten: dict[str, list[list[str]]] = {}
    if schicht.teile:
        daten["teile"] = [[_iso(t.beginn), _iso(t.ende), t.arbeitsart.value] for t in schicht.teile]
    if schicht.leistungsanteile:
        daten["anteile"] = [[_iso(a.beginn), _iso(a.ende), a.leistungsart] for a in schicht.leistungsanteile]
    if schicht.pausen:
        daten["pausen"] = [[_iso(p.beginn), _iso(p.ende)] for p in schicht.pausen]
    if schicht.ist is not None and schicht.ist.pausen:
        daten["ist_pausen"] = [[_iso(p.beginn), _iso(p.ende)] for p in schicht.ist.pausen]
    return json.dumps(daten, separators=(",", ":"), sort_keys=True)


def schicht_aus_zeile(z: SchichtZeile) -> Schicht:
    daten = json.loads(z.abschnitte or "{}")
    ist = None
    if z.ist_beginn is not None and z.ist_ende is not None:
        ist = Istzeit(
            z.ist_beginn.astimezone(BERLIN),
            z.ist_ende.astimezone(BERLIN),
            tuple(Pause(_zeit(a), _zeit(b)) for a, b in daten.get("ist_pausen", ())),
            z.ist_notiz,
        )
    return Schicht(
        assistenzkraft_id=z.assistenzkraft_id,
        beginn=z.beginn.astimezone(BERLIN),
        ende=z.ende.astimezone(BERLIN),
        arbeitsart=Arbeitsart(z.arbeitsart),
        leistungsart=z.leistungsart,
        teile=tuple(Teil(_zeit(a), _zeit(b), Arbeitsart(art)) for a, b, art in daten.get("teile", ())),
        leistungsanteile=tuple(Leistungsanteil(_zeit(a), _zeit(b), la) for a, b, la in daten.get("anteile", ())),
        pausen=tuple(Pause(_zeit(a), _zeit(b)) for a, b in daten.get("pausen", ())),
        vorlage=z.vorlage,
        vertretung_fuer=z.vertretung_fuer,
        ist=ist,
        notiz=z.notiz,
        muster_id=z.muster_id,
        id=z.id,
    )


def setze_schicht(z: SchichtZeile, s: Schicht) -> None:
    z.assistenzkraft_id = s.assistenzkraft_id
    z.tag = s.tag
    z.beginn = s.beginn
    z.ende = s.ende
    z.arbeitsart = s.arbeitsart.value
    z.leistungsart = s.leistungsart
    z.abschnitte = abschnitte_json(s)
    z.vorlage = s.vorlage
    z.vertretung_fuer = s.vertretung_fuer
    z.muster_id = s.muster_id
    z.ist_beginn = s.ist.beginn if s.ist else None
    z.ist_ende = s.ist.ende if s.ist else None
    z.ist_notiz = s.ist.notiz if s.ist else ""
    z.notiz = s.notiz


# --- Abwesenheit -----------------------------------------------------------------------------------------------


def abwesenheit_aus_zeile(z: AbwesenheitZeile) -> Abwesenheit:
    return Abwesenheit(
        z.assistenzkraft_id,
        Abwesenheitsart(z.art),
        z.von,
        z.bis,
        z.bescheinigung_am,
        z.notiz,
        z.id,
        fortsetzung_von=z.fortsetzung_von,
    )


def setze_abwesenheit(z: AbwesenheitZeile, a: Abwesenheit) -> None:
    z.assistenzkraft_id = a.assistenzkraft_id
    z.art = a.art.value
    z.von = a.von
    z.bis = a.bis
    z.bescheinigung_am = a.bescheinigung_am
    z.notiz = a.notiz
    z.fortsetzung_von = a.fortsetzung_von


# --- Vorlage, Muster, Bedarf -----------------------------------------------------------------------------------


def vorlage_aus_zeile(z: SchichtvorlageZeile) -> Schichtvorlage:
    return Schichtvorlage(
        name=z.name,
        kuerzel=z.kuerzel,
        beginn=z.beginn,
        ende=z.ende,
        arbeitsart=Arbeitsart(z.arbeitsart),
        teile=tuple(
            VorlagenTeil(time.fromisoformat(a), time.fromisoformat(b), Arbeitsart(art))
            for a, b, art in json.loads(z.teile or "[]")
        ),
        pausen=tuple(VorlagenPause(time.fromisoformat(a), int(m)) for a, m in json.loads(z.pausen or "[]")),
        leistungsart=z.leistungsart,
        id=z.id,
    )


def setze_vorlage(z: SchichtvorlageZeile, v: Schichtvorlage) -> None:
    z.name = v.name.strip()
    z.kuerzel = v.kuerzel.strip()
    z.beginn = v.beginn
    z.ende = v.ende
    z.arbeitsart = v.arbeitsart.value
    z.leistungsart = v.leistungsart
    z.teile = json.dumps(
        [[t.beginn.isoformat("minutes"), t.ende.isoformat("minutes"), t.arbeitsart.value] for t in v.teile]
    )
    z.pausen = json.dumps([[p.beginn.isoformat("minutes"), p.minuten] for p in v.pausen])


def muster_aus_zeile(z: MusterZeile, vorlagen: dict[int, Schichtvorlage]) -> Muster:
    return Muster(
        name=z.name,
        art=Musterart(z.art),
        anker=z.anker,
        zyklus_tage=z.zyklus_tage,
        eintraege=tuple(MusterEintrag(e.tag, vorlagen[e.vorlage_id], e.assistenzkraft_id) for e in z.eintraege),
        gueltig_von=z.gueltig_von,
        gueltig_bis=z.gueltig_bis,
        id=z.id,
    )


def bedarf_aus_zeile(z: BedarfsprofilZeile, land: str | None) -> Bedarfsprofil:
    tage: dict[int, list[Bedarfsblock]] = {}
    for b in sorted(z.bloecke, key=lambda b: (b.wochentag, b.beginn)):
        tage.setdefault(b.wochentag, []).append(Bedarfsblock(b.beginn, b.ende, Bedarfsstufe(b.stufe), b.leistungsart))
    return Bedarfsprofil(z.name, {t: tuple(v) for t, v in tage.items()}, z.feiertag_wie_sonntag, land, z.id)


# --- Stammdaten (as the roster sees them) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """An assistant as the roster shows her: display name (first name, made unique) and status."""

    id: int
    name: str
    vorname: str
    nachname: str
    status: str


#: Contract surcharge kinds (core.stammdaten.vertraege.ZUSCHLAGSARTEN) → fields of the payroll's Zuschlagssaetze.
#: "samstag" and "ueberstunden" have no field there: the payroll does not price them (yet).
ZUSCHLAG_FELDER = {
    "nacht": "nacht",
    "nacht_0_4": "nacht_0_4",
    "sonntag": "sonntag",
    "feiertag": "feiertag",
    "weihnachten_maifeiertag": "weihnachten_maifeiertag",
    "weihnachten_silvester": "heiligabend_silvester",
}


def zuschlagssaetze(prozente: dict[str, Decimal]) -> Zuschlagssaetze:
    """The contract's surcharges as the payroll's type (percent of the Grundlohn)."""
    werte: dict[str, Any] = {ZUSCHLAG_FELDER[art]: p for art, p in prozente.items() if art in ZUSCHLAG_FELDER}
    return Zuschlagssaetze(**werte)


def beschaeftigung_aus(wert: str) -> Beschaeftigungsart | None:
    """The contract's choice; "auto" (let the rules decide) is None."""
    try:
        return Beschaeftigungsart(wert)
    except ValueError:
        return None
