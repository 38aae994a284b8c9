"""Rows ↔ roster dataclasses (shifts, absences, templates, patterns, need profiles, contracts)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from core.dienstplan.vertrag import Lohnform, Vertragsdaten
from core.dienstplan.vorlagen import Schichtvorlage, VorlagenPause, VorlagenTeil
from core.domain.zeit import BERLIN
from core.persistence.modelle import Arbeitgeber, Assistenzkraft, Vertrag, WeitereBeschaeftigung
from core.regeln.klassifikation import Beschaeftigungsart

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
    return Abwesenheit(z.assistenzkraft_id, Abwesenheitsart(z.art), z.von, z.bis, z.bescheinigung_am, z.notiz, z.id)


def setze_abwesenheit(z: AbwesenheitZeile, a: Abwesenheit) -> None:
    z.assistenzkraft_id = a.assistenzkraft_id
    z.art = a.art.value
    z.von = a.von
    z.bis = a.bis
    z.bescheinigung_am = a.bescheinigung_am
    z.notiz = a.notiz


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


# --- Stammdaten (read only) ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    """An assistant as the roster shows her: display name (first name, made unique) and status."""

    id: int
    name: str
    vorname: str
    nachname: str
    status: str


def personen(sitzung: Session) -> list[Person]:
    zeilen = sitzung.execute(
        select(Assistenzkraft.id, Assistenzkraft.vorname, Assistenzkraft.nachname, Assistenzkraft.status).order_by(
            Assistenzkraft.vorname, Assistenzkraft.nachname, Assistenzkraft.id
        )
    ).all()
    zaehler: dict[str, int] = {}
    for z in zeilen:
        zaehler[z.vorname] = zaehler.get(z.vorname, 0) + 1
    ergebnis = []
    for z in zeilen:
        name = z.vorname or z.nachname
        if zaehler.get(z.vorname, 0) > 1 and z.nachname:
            name = f"{z.vorname} {z.nachname[0]}."
        ergebnis.append(Person(z.id, name, z.vorname, z.nachname, z.status))
    return ergebnis


def arbeitsort(sitzung: Session) -> tuple[str, str, bool]:
    """(Land for holidays, employer's name, Catholic community). BW if the employer is not set up yet."""
    ag = sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()
    if ag is None:
        return "BW", "", False
    return ag.bundesland or "BW", f"{ag.vorname} {ag.nachname}".strip(), bool(ag.katholische_gemeinde)


def vertragsdaten(
    sitzung: Session,
    jahr: int,
    personen_ids: Iterable[int] | None = None,
    ausgenommen: Sequence[int] = (),
    namen: dict[int, str] | None = None,
) -> list[Vertragsdaten]:
    """Contract periods from the versioned contracts: a version runs until the next one, the exit date or the
    end of the fixed term. Standby without an agreed weighting is paid in full (100 %)."""
    abfrage = select(Vertrag).order_by(Vertrag.assistenzkraft_id, Vertrag.gueltig_ab)
    if personen_ids is not None:
        ids = list(personen_ids)
        abfrage = abfrage.where(Vertrag.assistenzkraft_id.in_(ids))
    vertraege = sitzung.scalars(abfrage).all()
    kraefte = {
        k.id: k
        for k in sitzung.scalars(
            select(Assistenzkraft).where(Assistenzkraft.id.in_({v.assistenzkraft_id for v in vertraege}))
        )
    }
    vorbeschaeftigung: dict[int, int] = {}
    for job in sitzung.scalars(
        select(WeitereBeschaeftigung).where(
            WeitereBeschaeftigung.art == "kurzfristig", WeitereBeschaeftigung.arbeitstage_im_jahr.is_not(None)
        )
    ):
        if (job.beginn is None or job.beginn.year <= jahr) and (job.ende is None or job.ende.year >= jahr):
            vorbeschaeftigung[job.assistenzkraft_id] = vorbeschaeftigung.get(job.assistenzkraft_id, 0) + int(
                job.arbeitstage_im_jahr or 0
            )
    ergebnis: list[Vertragsdaten] = []
    nach_person: dict[int, list[Vertrag]] = {}
    for v in vertraege:
        nach_person.setdefault(v.assistenzkraft_id, []).append(v)
    for person, versionen in nach_person.items():
        kraft = kraefte[person]
        for i, v in enumerate(versionen):
            naechste = versionen[i + 1] if i + 1 < len(versionen) else None
            enden = [t for t in (v.austritt,) if t is not None]
            if naechste is not None:
                enden.append(naechste.gueltig_ab - timedelta(days=1))
            elif v.befristet_bis is not None:
                enden.append(v.befristet_bis)
            beginn = max(v.gueltig_ab, v.eintritt)
            ende = min(enden) if enden else None
            if ende is not None and ende < beginn:
                continue
            ergebnis.append(
                Vertragsdaten(
                    assistenzkraft_id=person,
                    name=(namen or {}).get(person, kraft.vorname or kraft.nachname),
                    beginn=beginn,
                    ende=ende,
                    beschaeftigung=_beschaeftigung(v.beschaeftigung),
                    lohnform=LOHNFORMEN.get(v.lohnform, Lohnform.STUNDENLOHN),
                    satz=v.lohnsatz,
                    bereitschaft_prozent=v.bereitschaft_prozent if v.bereitschaft_prozent is not None else Decimal(100),
                    tage_pro_woche=v.arbeitstage_woche,
                    urlaubstage_vereinbart=v.urlaubstage,
                    probezeit_bis=v.probezeit_bis,
                    befristet_bis=v.befristet_bis,
                    arbeitserlaubnis_bis=kraft.arbeitserlaubnis_bis,
                    geburtsdatum=kraft.geburtsdatum,
                    arbzg_ausgenommen=person in ausgenommen,
                    vorbeschaeftigung_tage_im_jahr=vorbeschaeftigung.get(person, 0),
                )
            )
    return ergebnis


def _beschaeftigung(wert: str) -> Beschaeftigungsart | None:
    """The contract's choice; "auto" (let the rules decide) is None."""
    try:
        return Beschaeftigungsart(wert)
    except ValueError:
        return None


def tage_bereich(von: date, bis: date) -> list[date]:
    return [von + timedelta(days=i) for i in range((bis - von).days + 1)]
