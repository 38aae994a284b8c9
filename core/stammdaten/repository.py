"""Master-data repositories: every query of the master data, one class per aggregate, and their unit of work.

Services say what they need (`e.assistenzkraefte.mit_id(7)`), not how to `select()` it. The aggregates are the
employer, an assistant (with children, other jobs, contract versions), a contract version (with surcharges), a
Krankenkasse (with its years and U1 levels), an Unfallversicherungsträger and the first-payroll checklist.
Repositories return the ORM rows of their aggregate, because the services map them to and from their form
dataclasses field by field (`core.stammdaten._abbildung`); no row leaves the services.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from core.persistence.datenbank import Datenbank
from core.persistence.modelle import (
    Arbeitgeber,
    Assistenzkraft,
    ChecklistenHaken,
    Einstellung,
    KassenJahr,
    Krankenkasse,
    U1Stufe,
    Unfallversicherungstraeger,
    Vertrag,
)


class ArbeitgeberRepository:
    """The one employer of a household file."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def erster(self) -> Arbeitgeber | None:
        return self._sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()

    def fuege_hinzu(self, zeile: Arbeitgeber) -> None:
        self._sitzung.add(zeile)


class AssistenzkraftRepository:
    """Assistants with their children, other jobs, contract versions and Krankenkasse (loaded together)."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    @staticmethod
    def _vollstaendig() -> Select[Assistenzkraft]:
        return select(Assistenzkraft).options(
            selectinload(Assistenzkraft.kinder),
            selectinload(Assistenzkraft.weitere_beschaeftigungen),
            selectinload(Assistenzkraft.vertraege),
            selectinload(Assistenzkraft.krankenkasse),
        )

    def mit_id(self, assistenzkraft_id: int) -> Assistenzkraft | None:
        """The whole aggregate (children, other jobs, contracts, Kasse)."""
        return self._sitzung.scalars(self._vollstaendig().where(Assistenzkraft.id == assistenzkraft_id)).first()

    def zeile(self, assistenzkraft_id: int) -> Assistenzkraft | None:
        """Only the assistant's own row."""
        return self._sitzung.get(Assistenzkraft, assistenzkraft_id)

    def alle(self, *, status: Sequence[str] | None = None) -> Sequence[Assistenzkraft]:
        """The whole aggregates by surname, first name; `status` filters."""
        abfrage = self._vollstaendig().order_by(Assistenzkraft.nachname, Assistenzkraft.vorname)
        if status:
            abfrage = abfrage.where(Assistenzkraft.status.in_(status))
        return self._sitzung.scalars(abfrage).all()

    def mit_personalnummer(self, personalnummer: str) -> Assistenzkraft | None:
        """Only the assistant's own row."""
        return self._sitzung.scalars(
            select(Assistenzkraft).where(Assistenzkraft.personalnummer == personalnummer)
        ).first()

    def nur_zeilen(self) -> Sequence[Assistenzkraft]:
        """All assistants' own rows (names, status), nothing loaded along."""
        return self._sitzung.scalars(select(Assistenzkraft)).all()

    def anzahl(self) -> int:
        return self._sitzung.scalar(select(func.count()).select_from(Assistenzkraft)) or 0

    def anzahl_bei_kasse(self, kassen_id: int) -> int:
        return self._sitzung.scalar(select(func.count()).where(Assistenzkraft.krankenkasse_id == kassen_id)) or 0

    def fuege_hinzu(self, zeile: Assistenzkraft) -> None:
        self._sitzung.add(zeile)

    def lade_neu(self, zeile: Assistenzkraft) -> None:
        """Write pending changes and read the row back (ids and defaults of its children filled)."""
        self._sitzung.flush()
        self._sitzung.refresh(zeile)


class VertragsRepository:
    """Contract versions (each valid from a day), with their surcharges."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def von(self, assistenzkraft_id: int) -> Sequence[Vertrag]:
        abfrage = select(Vertrag).where(Vertrag.assistenzkraft_id == assistenzkraft_id)
        return self._sitzung.scalars(abfrage.order_by(Vertrag.gueltig_ab)).all()

    def gueltig_am(self, assistenzkraft_id: int, stichtag: date) -> Vertrag | None:
        """The latest version that starts on or before `stichtag` (it may have ended: check `austritt`)."""
        return self._sitzung.scalars(
            select(Vertrag)
            .where(Vertrag.assistenzkraft_id == assistenzkraft_id, Vertrag.gueltig_ab <= stichtag)
            .order_by(Vertrag.gueltig_ab.desc())
        ).first()

    def id_ab(self, assistenzkraft_id: int, gueltig_ab: date) -> int | None:
        """The id of her version starting that day, if any."""
        return self._sitzung.scalars(
            select(Vertrag.id).where(Vertrag.assistenzkraft_id == assistenzkraft_id, Vertrag.gueltig_ab == gueltig_ab)
        ).first()

    def zeile(self, vertrag_id: int) -> Vertrag | None:
        return self._sitzung.get(Vertrag, vertrag_id)

    def anzahl_assistenzkraefte(self) -> int:
        """How many assistants have at least one contract version."""
        return len(set(self._sitzung.scalars(select(Vertrag.assistenzkraft_id)).all()))

    def fuege_hinzu(self, zeile: Vertrag) -> None:
        self._sitzung.add(zeile)

    def entferne(self, zeile: Vertrag) -> None:
        self._sitzung.delete(zeile)

    def lade_neu(self, zeile: Vertrag) -> None:
        self._sitzung.flush()
        self._sitzung.refresh(zeile)


class KrankenkassenRepository:
    """Krankenkassen with their years and U1 levels (loaded together)."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    @staticmethod
    def _vollstaendig() -> Select[Krankenkasse]:
        return select(Krankenkasse).options(selectinload(Krankenkasse.jahre).selectinload(KassenJahr.u1_stufen))

    def alle(self) -> Sequence[Krankenkasse]:
        return self._sitzung.scalars(self._vollstaendig()).all()

    def mit_id(self, kassen_id: int) -> Krankenkasse | None:
        return self._sitzung.scalars(self._vollstaendig().where(Krankenkasse.id == kassen_id)).first()

    def zeile(self, kassen_id: int) -> Krankenkasse | None:
        return self._sitzung.get(Krankenkasse, kassen_id)

    def id_mit_namen(self, name: str) -> int | None:
        """The id of the Kasse with this name (case-insensitive), if any."""
        abfrage = select(Krankenkasse.id).where(func.lower(Krankenkasse.name) == name.strip().lower())
        return self._sitzung.scalars(abfrage).first()

    def minijob_zentralen(self) -> Sequence[Krankenkasse]:
        return self._sitzung.scalars(select(Krankenkasse).where(Krankenkasse.ist_minijob_zentrale.is_(True))).all()

    def jahre(self, kassen_id: int) -> dict[int, KassenJahr]:
        abfrage = select(KassenJahr).where(KassenJahr.krankenkasse_id == kassen_id)
        return {j.jahr: j for j in self._sitzung.scalars(abfrage)}

    def jahr(self, kassen_id: int, jahr: int) -> KassenJahr | None:
        return self.jahre(kassen_id).get(jahr)

    def der_beschaeftigten(self) -> Sequence[Krankenkasse]:
        """The Kassen of assistants who have not left."""
        return self._sitzung.scalars(
            select(Krankenkasse)
            .join(Assistenzkraft, Assistenzkraft.krankenkasse_id == Krankenkasse.id)
            .where(Assistenzkraft.status != "ausgeschieden")
            .distinct()
        ).all()

    def u1_gewaehlt(self, kassen_id: int, jahr: int) -> bool:
        return (
            self._sitzung.scalars(
                select(U1Stufe.id)
                .join(KassenJahr)
                .where(KassenJahr.krankenkasse_id == kassen_id, KassenJahr.jahr == jahr, U1Stufe.gewaehlt.is_(True))
            ).first()
            is not None
        )

    def fuege_hinzu(self, zeile: Krankenkasse | KassenJahr) -> None:
        self._sitzung.add(zeile)

    def entferne(self, zeile: Krankenkasse) -> None:
        self._sitzung.delete(zeile)

    def lade_neu(self, zeile: Krankenkasse) -> None:
        self._sitzung.flush()
        self._sitzung.refresh(zeile)


class UnfallkassenRepository:
    """Unfallversicherungsträger."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def alle(self) -> Sequence[Unfallversicherungstraeger]:
        return self._sitzung.scalars(select(Unfallversicherungstraeger)).all()

    def zeile(self, kassen_id: int) -> Unfallversicherungstraeger | None:
        return self._sitzung.get(Unfallversicherungstraeger, kassen_id)

    def ids_im_land(self, land: str) -> Sequence[int]:
        abfrage = select(Unfallversicherungstraeger.id).where(Unfallversicherungstraeger.bundesland == land)
        return self._sitzung.scalars(abfrage).all()

    def fuege_hinzu(self, zeile: Unfallversicherungstraeger) -> None:
        self._sitzung.add(zeile)


class ChecklistenRepository:
    """The user's ticks on the first-payroll checklist."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def haken(self) -> dict[str, ChecklistenHaken]:
        return {h.schluessel: h for h in self._sitzung.scalars(select(ChecklistenHaken))}

    def haken_fuer(self, schluessel: str) -> ChecklistenHaken:
        """The tick row of a point, created when missing."""
        zeile = self._sitzung.get(ChecklistenHaken, schluessel)
        if zeile is None:
            zeile = ChecklistenHaken(schluessel=schluessel)
            self._sitzung.add(zeile)
        return zeile


class Stammdateneinheit:
    """One unit of work over the master data: the repositories share one session and one transaction."""

    def __init__(self, sitzung: Session) -> None:
        self.sitzung = sitzung
        self.arbeitgeber = ArbeitgeberRepository(sitzung)
        self.assistenzkraefte = AssistenzkraftRepository(sitzung)
        self.vertraege = VertragsRepository(sitzung)
        self.krankenkassen = KrankenkassenRepository(sitzung)
        self.unfallkassen = UnfallkassenRepository(sitzung)
        self.checkliste = ChecklistenRepository(sitzung)

    def einstellung_gesetzt(self, schluessel: str) -> bool:
        return self.sitzung.get(Einstellung, schluessel) is not None

    def setze_einstellung(self, schluessel: str, wert: str) -> None:
        self.sitzung.add(Einstellung(schluessel=schluessel, wert=wert))

    def flush(self) -> None:
        self.sitzung.flush()


@contextmanager
def einheit(db: Datenbank) -> Iterator[Stammdateneinheit]:
    """One user action: commits when the block ends, rolls everything back if it raises."""
    with db.arbeitseinheit() as sitzung:
        yield Stammdateneinheit(sitzung)
