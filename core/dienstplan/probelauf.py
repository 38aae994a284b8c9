"""Dry run of a roster service: what it would change, or its German refusal — in a transaction that is rolled back.

The GUI previews "apply pattern", "copy week/month" with exactly the code that will later apply them:
    probe = probelauf(db, lambda d: dienst.wende_muster_an(d, muster_id, von, bis))
    probe.aenderung  # what would be created/replaced (ids are provisional), or None
    probe.ablehnung  # the German message listing the conflicts, or None
Nothing is written: every unit of work of the service runs in one session whose transaction is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sqlalchemy.orm import Session

from core.fehler import EingabeFehler

if TYPE_CHECKING:
    from core.dienstplan.aenderung import Aenderung
    from core.persistence.datenbank import Datenbank


@dataclass(frozen=True, slots=True)
class Probe:
    """Result of a dry run: the change it would make, or why it would be refused (never both)."""

    aenderung: Aenderung | None
    ablehnung: str | None

    @property
    def moeglich(self) -> bool:
        return self.ablehnung is None


class _Probedatenbank:
    """Stands in for `Datenbank`: every unit of work is the dry run's one session, never committed."""

    def __init__(self, db: Datenbank, sitzung: Session) -> None:
        self.pfad = db.pfad
        self.engine = db.engine
        self._sitzung = sitzung

    @contextmanager
    def arbeitseinheit(self) -> Iterator[Session]:
        yield self._sitzung


def probelauf(db: Datenbank, aktion: Callable[[Datenbank], Aenderung]) -> Probe:
    """Run `aktion` (a service call returning an Aenderung) and roll everything back."""
    with db.engine.connect() as verbindung:
        transaktion = verbindung.begin()
        sitzung = Session(bind=verbindung, expire_on_commit=False)
        try:
            aenderung = aktion(cast("Datenbank", _Probedatenbank(db, sitzung)))
        except EingabeFehler as fehler:
            return Probe(None, str(fehler))
        finally:
            sitzung.close()
            transaktion.rollback()
    return Probe(aenderung, None)
