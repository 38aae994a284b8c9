"""Queries of the claims' tracking table and of the few master-data facts a claim needs (names, absences)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.dienstplan.modelle import AbwesenheitZeile
from core.erstattung.modelle import ERSTATTET, ErstattungsantragZeile, UmlagekasseZeile
from core.persistence.modelle import Arbeitgeber, Assistenzkraft, Krankenkasse


class ErstattungsRepository:
    """The tracking rows of one household file."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def alle(self) -> list[ErstattungsantragZeile]:
        return list(
            self._sitzung.scalars(
                select(ErstattungsantragZeile).order_by(ErstattungsantragZeile.zeitraum_von, ErstattungsantragZeile.id)
            )
        )

    def mit_id(self, nr: int) -> ErstattungsantragZeile | None:
        return self._sitzung.get(ErstattungsantragZeile, nr)

    def erstattet_zwischen(self, von: date, bis: date) -> list[ErstattungsantragZeile]:
        return list(
            self._sitzung.scalars(
                select(ErstattungsantragZeile)
                .where(
                    ErstattungsantragZeile.status == ERSTATTET,
                    ErstattungsantragZeile.erstattet_am >= von,
                    ErstattungsantragZeile.erstattet_am <= bis,
                )
                .order_by(ErstattungsantragZeile.erstattet_am, ErstattungsantragZeile.id)
            )
        )

    def fuege_hinzu(self, zeile: ErstattungsantragZeile) -> None:
        self._sitzung.add(zeile)

    def entferne(self, zeile: ErstattungsantragZeile) -> None:
        self._sitzung.delete(zeile)

    def flush(self) -> None:
        self._sitzung.flush()

    # --- master data the claims show ---

    def personen(self) -> dict[int, tuple[str, str]]:
        """assistenzkraft_id → (Personalnummer, "Vorname Nachname")."""
        zeilen = self._sitzung.execute(
            select(Assistenzkraft.id, Assistenzkraft.personalnummer, Assistenzkraft.vorname, Assistenzkraft.nachname)
        )
        return {i: (nr, f"{vn} {nn}".strip()) for i, nr, vn, nn in zeilen}

    def abwesenheiten(self, ids: Iterable[int]) -> dict[int, tuple[date, date]]:
        """Absence id → (von, bis) as recorded now."""
        gesucht = sorted(set(ids))
        if not gesucht:
            return {}
        zeilen = self._sitzung.execute(
            select(AbwesenheitZeile.id, AbwesenheitZeile.von, AbwesenheitZeile.bis).where(
                AbwesenheitZeile.id.in_(gesucht)
            )
        )
        return {i: (v, b) for i, v, b in zeilen}

    def geschlechter(self) -> dict[int, str]:
        """assistenzkraft_id → Geschlecht as entered ("w", "m", "d", "x" or "")."""
        zeilen = self._sitzung.execute(select(Assistenzkraft.id, Assistenzkraft.geschlecht))
        return {i: g for i, g in zeilen}

    def ansprechpartner(self) -> tuple[str, str, str]:
        """The employer as contact of the claim: name, telephone, e-mail ("" when not entered)."""
        ag = self._sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()
        if ag is None:
            return "", "", ""
        return f"{ag.vorname} {ag.nachname}".strip(), ag.telefon, ag.email

    def umlagekassen(self) -> dict[int, str]:
        """assistenzkraft_id → name of the Kasse set for a privately insured assistant's Umlagen."""
        zeilen = self._sitzung.execute(
            select(UmlagekasseZeile.assistenzkraft_id, Krankenkasse.name).join(
                Krankenkasse, Krankenkasse.id == UmlagekasseZeile.krankenkasse_id
            )
        )
        return {i: n for i, n in zeilen}

    def setze_umlagekasse(self, assistenzkraft_id: int, krankenkasse_id: int | None) -> None:
        zeile = self._sitzung.get(UmlagekasseZeile, assistenzkraft_id)
        if krankenkasse_id is None:
            if zeile is not None:
                self._sitzung.delete(zeile)
            return
        if zeile is None:
            self._sitzung.add(UmlagekasseZeile(assistenzkraft_id=assistenzkraft_id, krankenkasse_id=krankenkasse_id))
        else:
            zeile.krankenkasse_id = krankenkasse_id

    def kasse_mit_namen(self, name: str) -> Krankenkasse | None:
        return self._sitzung.scalars(select(Krankenkasse).where(Krankenkasse.name == name)).first()

    def kraft_mit_nummer(self, personalnummer: str) -> Assistenzkraft | None:
        return self._sitzung.scalars(
            select(Assistenzkraft).where(Assistenzkraft.personalnummer == personalnummer)
        ).first()
