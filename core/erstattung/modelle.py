"""The tracking table of U1/U2 refund claims: one row per claim, from "offen" to "erstattet" or "abgelehnt".

The claim's figures are derived from finalised payroll months (core.erstattung.dienst); the row keeps what only
the employer knows (when she filed it, what the Kasse paid and when, why it refused) and, while the claim is open,
the figures last computed; from "gestellt" on they stay as filed, so a later correction of a month shows as a
difference instead of silently changing what was claimed. Money is Cent, never float.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.basis import Base, Cent, DezimalText
from core.persistence.modelle import Zeitstempel

OFFEN = "offen"
GESTELLT = "gestellt"
ERSTATTET = "erstattet"
ABGELEHNT = "abgelehnt"
STATUS = (OFFEN, GESTELLT, ERSTATTET, ABGELEHNT)


class ErstattungsantragZeile(Zeitstempel, Base):
    """One refund claim: an absence period (or, after a Zwischenabrechnung, its next part) at one Kasse."""

    __tablename__ = "erstattungsantrag"
    __table_args__ = (
        Index("ix_erstattungsantrag_person_von", "assistenzkraft_id", "zeitraum_von"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"))
    # The absence it refunds; kept when the absence is deleted later (the claim may already be filed).
    abwesenheit_id: Mapped[int | None] = mapped_column(
        ForeignKey("abwesenheit.id", ondelete="SET NULL"), default=None, index=True
    )
    verfahren: Mapped[str] = mapped_column(String(2))  # "U1" | "U2"
    anlass: Mapped[str] = mapped_column(String(30))  # arbeitsunfaehigkeit | beschaeftigungsverbot | mutterschutzfrist
    kasse: Mapped[str] = mapped_column(String(200))
    jahr: Mapped[int] = mapped_column(Integer)  # the calendar year whose rates apply
    zeitraum_von: Mapped[date] = mapped_column(Date)
    zeitraum_bis: Mapped[date] = mapped_column(Date)
    fortgezahltes_entgelt: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    ag_anteile: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    zuschuss_mutterschaftsgeld: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    erstattungssatz: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    erstattungsbetrag: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    status: Mapped[str] = mapped_column(String(20), default=OFFEN)
    gestellt_am: Mapped[date | None] = mapped_column(Date, default=None)
    erstattet_am: Mapped[date | None] = mapped_column(Date, default=None)
    erhaltener_betrag: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    abgelehnt_am: Mapped[date | None] = mapped_column(Date, default=None)
    ablehnungsgrund: Mapped[str] = mapped_column(Text, default="")
    notiz: Mapped[str] = mapped_column(Text, default="")


class UmlagekasseZeile(Base):
    """For a privately insured assistant: the Kasse that takes her Umlagen U1/U2 and so her refund claims — the
    last statutory Kasse she was a member of, else one the employer chose (§ 175 Abs. 3 SGB V, § 2 Abs. 1 AAG)."""

    __tablename__ = "umlagekasse"

    assistenzkraft_id: Mapped[int] = mapped_column(
        ForeignKey("assistenzkraft.id", ondelete="CASCADE"), primary_key=True
    )
    krankenkasse_id: Mapped[int] = mapped_column(ForeignKey("krankenkasse.id", ondelete="RESTRICT"), index=True)
