"""The one table of the reports lane: which due date the user has ticked as done, and when.

A tick is stored under the due date's stable key (`Frist.schluessel`, e.g. "beitragszahlung|AOK BW|2026-03"); a
person's due date (DEÜV Anmeldung, Abmeldung) also names the assistant, so that her erasure removes it
(Art. 17 DSGVO) and her Auskunft shows it (Art. 15).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.basis import Base, UtcDateTime, jetzt_utc


class FristErledigt(Base):
    __tablename__ = "frist_erledigt"

    id: Mapped[int] = mapped_column(primary_key=True)
    schluessel: Mapped[str] = mapped_column(String(200), unique=True)
    erledigt_am: Mapped[date] = mapped_column(Date)
    assistenzkraft_id: Mapped[int | None] = mapped_column(
        ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True, default=None
    )
    vermerkt_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc)
