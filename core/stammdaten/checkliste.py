"""The employer's checklist before the first payroll (seed 004, 2.7.1): derived from the data where possible.

GUI: `checkliste(db)` → `ChecklistenPunkt` rows in order (`erledigt`, `automatisch` = derived from the data,
`erlaeuterung` says why/what is missing); `hake_ab(db, schluessel, erledigt=True)` stores a manual tick.
A derived item is done when the data show it; a manual tick also marks any item done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import (
    Arbeitgeber,
    Assistenzkraft,
    ChecklistenHaken,
    KassenJahr,
    Krankenkasse,
    U1Stufe,
    Vertrag,
)


@dataclass(frozen=True, slots=True)
class ChecklistenPunkt:
    schluessel: str
    nummer: int
    text: str
    erledigt: bool
    automatisch: bool  # derived from the data (not only a manual tick)
    erlaeuterung: str
    erledigt_am: date | None = None
    notiz: str = ""


Ableitung = Callable[[Session, date], tuple[bool, str]]


def _arbeitgeber(sitzung: Session) -> Arbeitgeber | None:
    return sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()


def _betriebsnummer(sitzung: Session, _tag: date) -> tuple[bool, str]:
    ag = _arbeitgeber(sitzung)
    if ag is not None and ag.betriebsnummer:
        return True, f"Betriebsnummer {ag.betriebsnummer} ist eingetragen."
    return False, "Noch keine Betriebsnummer eingetragen (Arbeitgeberdaten)."


def _steuernummer(sitzung: Session, _tag: date) -> tuple[bool, str]:
    ag = _arbeitgeber(sitzung)
    if ag is not None and ag.steuernummer:
        return True, f"Steuernummer {ag.steuernummer} ist eingetragen."
    return False, "Noch keine Steuernummer eingetragen (Arbeitgeberdaten)."


def _vertrag(sitzung: Session, _tag: date) -> tuple[bool, str]:
    anzahl = len(set(sitzung.scalars(select(Vertrag.assistenzkraft_id)).all()))
    if anzahl:
        return True, f"Arbeitsverträge für {anzahl} Assistenzkraft/-kräfte erfasst."
    return False, "Noch kein Arbeitsvertrag erfasst."


def _unfallversicherung(sitzung: Session, _tag: date) -> tuple[bool, str]:
    ag = _arbeitgeber(sitzung)
    if ag is not None and ag.unfallversicherungstraeger is not None:
        return True, f"Unfallversicherungsträger: {ag.unfallversicherungstraeger.name}."
    return False, "Noch kein Unfallversicherungsträger eingetragen (Arbeitgeberdaten)."


def _lohnprogramm(_sitzung: Session, _tag: date) -> tuple[bool, str]:
    return True, "Sie nutzen Assistenzbüro für die Lohnabrechnung."


def _stammdaten(sitzung: Session, _tag: date) -> tuple[bool, str]:
    ag = _arbeitgeber(sitzung)
    kraefte = sitzung.scalars(select(Assistenzkraft.id)).all()
    if ag is None:
        return False, "Die Arbeitgeberdaten fehlen noch."
    if not kraefte:
        return False, "Arbeitgeberdaten sind erfasst; es fehlen noch Assistenzkräfte."
    return True, f"Arbeitgeberdaten und {len(kraefte)} Assistenzkraft/-kräfte erfasst."


def _umlagestufen(sitzung: Session, tag: date) -> tuple[bool, str]:
    kassen = sitzung.scalars(
        select(Krankenkasse)
        .join(Assistenzkraft, Assistenzkraft.krankenkasse_id == Krankenkasse.id)
        .where(Assistenzkraft.status != "ausgeschieden")
        .distinct()
    ).all()
    if not kassen:
        return False, "Noch keine Assistenzkraft mit Krankenkasse erfasst."
    offen = [
        k.name
        for k in kassen
        if sitzung.scalars(
            select(U1Stufe.id)
            .join(KassenJahr)
            .where(KassenJahr.krankenkasse_id == k.id, KassenJahr.jahr == tag.year, U1Stufe.gewaehlt.is_(True))
        ).first()
        is None
    ]
    if offen:
        return False, f"U1-Stufe für {tag.year} noch nicht gewählt bei: {', '.join(sorted(offen))}."
    return True, f"U1-Stufe für {tag.year} bei allen {len(kassen)} Krankenkassen gewählt."


# seed 004, 2.7.1 "Checkliste vor der ersten Lohnabrechnung" (wording adapted to today's procedures).
ERSTE_ABRECHNUNG: tuple[tuple[str, str, Ableitung | None], ...] = (
    ("kostenuebernahme", "Kostenübernahme durch einen oder mehrere Leistungsträger gesichert?", None),
    ("betriebsnummer", "Betriebsnummer bei der Bundesagentur für Arbeit beantragt und erhalten?", _betriebsnummer),
    ("steuernummer", "Steuernummer vorhanden oder beim Finanzamt beantragt?", _steuernummer),
    ("finanzamt_anmeldung", "Betrieb im Privathaushalt (kein Gewerbe) beim Finanzamt angemeldet?", None),
    ("arbeitsvertrag", "Assistentinnen gesucht, gefunden und Arbeitsvertrag erstellt?", _vertrag),
    (
        "unfallversicherung",
        "Voll- und Teilzeitbeschäftigte bei der zuständigen Unfallkasse angemeldet?",
        _unfallversicherung,
    ),
    ("lohnprogramm", "Steuerberater beauftragt oder ein Lohnprogramm gefunden?", _lohnprogramm),
    ("stammdaten", "Stammdaten erstellt (Arbeitgeber, Assistentinnen, Lohnarten)?", _stammdaten),
    ("umlagestufen", "Umlagestufen und Erstattungssätze bei den Krankenkassen gewählt?", _umlagestufen),
    ("einzug_kassen", "Den Krankenkassen Lastschriftmandate (Bankeinzug) erteilt?", None),
    ("einzug_finanzamt", "Dem Finanzamt ein Lastschriftmandat (Bankeinzug) erteilt?", None),
    ("prognose", "Vor dem Fälligkeitstermin die voraussichtliche Höhe der Beiträge ermittelt?", None),
    (
        "nach_monatsende",
        "Nach dem Monatsende: Lohnabrechnung erstellt, Lohn überwiesen, Verdienstabrechnungen übergeben?",
        None,
    ),
)
_SCHLUESSEL = {s for s, _t, _a in ERSTE_ABRECHNUNG}


def checkliste(db: Datenbank, stichtag: date | None = None) -> list[ChecklistenPunkt]:
    tag = stichtag or date.today()
    with db.arbeitseinheit() as sitzung:
        haken = {h.schluessel: h for h in sitzung.scalars(select(ChecklistenHaken))}
        punkte: list[ChecklistenPunkt] = []
        for nummer, (schluessel, text, ableitung) in enumerate(ERSTE_ABRECHNUNG, start=1):
            haken_zeile = haken.get(schluessel)
            erledigt_am = haken_zeile.erledigt_am if haken_zeile else None
            abgeleitet, erlaeuterung = ableitung(sitzung, tag) if ableitung is not None else (False, "")
            if erledigt_am is not None:
                erlaeuterung = f"{erlaeuterung} Von Ihnen abgehakt am {erledigt_am:%d.%m.%Y}.".lstrip()
            punkte.append(
                ChecklistenPunkt(
                    schluessel=schluessel,
                    nummer=nummer,
                    text=text,
                    erledigt=abgeleitet or erledigt_am is not None,
                    automatisch=ableitung is not None,
                    erlaeuterung=erlaeuterung or "Bitte abhaken, wenn erledigt.",
                    erledigt_am=erledigt_am,
                    notiz=haken_zeile.notiz if haken_zeile else "",
                )
            )
    return punkte


def hake_ab(db: Datenbank, schluessel: str, *, erledigt: bool = True, am: date | None = None, notiz: str = "") -> None:
    if schluessel not in _SCHLUESSEL:
        raise EingabeFehler(f"Unbekannter Punkt der Checkliste: {schluessel}.")
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.get(ChecklistenHaken, schluessel)
        if zeile is None:
            zeile = ChecklistenHaken(schluessel=schluessel)
            sitzung.add(zeile)
        zeile.erledigt_am = (am or date.today()) if erledigt else None
        zeile.notiz = notiz
