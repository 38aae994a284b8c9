"""The payroll's audit trail (GoBD): who (the operating-system user), when, what — entries are only ever added."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung.modelle import Protokolleintrag
from core.persistence.datenbank import Datenbank


def benutzer() -> str:
    """The logged-in operating-system user (the person who acted); "unbekannt" where the system gives none."""
    try:
        return getpass.getuser() or "unbekannt"
    except (OSError, KeyError, ImportError):  # no login name in the environment (service, container)
        return "unbekannt"


def protokolliere(
    sitzung: Session,
    aktion: str,
    text: str,
    *,
    jahr: int | None = None,
    monat: int | None = None,
    assistenzkraft_id: int | None = None,
) -> None:
    """Add one entry inside the caller's transaction (so it exists exactly when the change does)."""
    sitzung.add(
        Protokolleintrag(
            benutzer=benutzer(), aktion=aktion, text=text, jahr=jahr, monat=monat, assistenzkraft_id=assistenzkraft_id
        )
    )


@dataclass(frozen=True, slots=True)
class Eintrag:
    zeitpunkt: datetime
    benutzer: str
    aktion: str
    text: str
    jahr: int | None
    monat: int | None
    assistenzkraft_id: int | None


def protokoll(
    db: Datenbank, *, jahr: int | None = None, monat: int | None = None, assistenzkraft_id: int | None = None
) -> list[Eintrag]:
    """The entries, oldest first, optionally for one month and/or one assistant."""
    abfrage = select(Protokolleintrag).order_by(Protokolleintrag.id)
    if jahr is not None:
        abfrage = abfrage.where(Protokolleintrag.jahr == jahr)
    if monat is not None:
        abfrage = abfrage.where(Protokolleintrag.monat == monat)
    if assistenzkraft_id is not None:
        abfrage = abfrage.where(Protokolleintrag.assistenzkraft_id == assistenzkraft_id)
    with db.arbeitseinheit() as sitzung:
        return [
            Eintrag(z.zeitpunkt, z.benutzer, z.aktion, z.text, z.jahr, z.monat, z.assistenzkraft_id)
            for z in sitzung.scalars(abfrage)
        ]
