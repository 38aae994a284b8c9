"""Roster tables: shifts (plan and actual times), templates, patterns, need profiles, absences, Leistungsarten.

Only the repositories in `core.dienstplan.repository` read and write them; the GUI sees the domain dataclasses,
never these rows.
Ids never come back after deletion (AUTOINCREMENT), so undo/redo can re-insert a row under its old id.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.persistence.basis import Base, DezimalText, UtcDateTime, jetzt_utc

_AUTOINKREMENT = {"sqlite_autoincrement": True}


class LeistungsartZeile(Base):
    """Who pays for which hours: a Leistungsart with its Kostenträger (seed 004, 1.2.3; seed 000)."""

    __tablename__ = "leistungsart"

    id: Mapped[int] = mapped_column(primary_key=True)
    kuerzel: Mapped[str] = mapped_column(String(20), unique=True)
    bezeichnung: Mapped[str] = mapped_column(String(200))
    kostentraeger: Mapped[str] = mapped_column(String(200), default="")
    rechtsgrundlage: Mapped[str] = mapped_column(String(300), default="")
    aktiv: Mapped[bool] = mapped_column(Boolean, default=True)
    vorbelegt: Mapped[bool] = mapped_column(Boolean, default=False)


class SchichtvorlageZeile(Base):
    """A shift template by wall-clock times; parts and breaks as a small JSON list (always read with it)."""

    __tablename__ = "schichtvorlage"
    __table_args__ = _AUTOINKREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kuerzel: Mapped[str] = mapped_column(String(10))
    beginn: Mapped[time] = mapped_column(Time)
    ende: Mapped[time] = mapped_column(Time)
    arbeitsart: Mapped[str] = mapped_column(String(20), default="arbeit")
    leistungsart: Mapped[str | None] = mapped_column(
        ForeignKey("leistungsart.kuerzel", ondelete="SET NULL"), default=None
    )
    teile: Mapped[str] = mapped_column(Text, default="[]")
    pausen: Mapped[str] = mapped_column(Text, default="[]")
    sortierung: Mapped[int] = mapped_column(Integer, default=0)
    aktiv: Mapped[bool] = mapped_column(Boolean, default=True)


class SchichtZeile(Base):
    """A planned shift; `tag` is the local start date (month queries, day counts); instants are UTC."""

    __tablename__ = "schicht"
    __table_args__ = (
        Index("ix_schicht_tag_person", "tag", "assistenzkraft_id"),
        Index("ix_schicht_person_beginn", "assistenzkraft_id", "beginn"),
        _AUTOINKREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"))
    tag: Mapped[date] = mapped_column(Date)
    beginn: Mapped[datetime] = mapped_column(UtcDateTime())
    ende: Mapped[datetime] = mapped_column(UtcDateTime())
    arbeitsart: Mapped[str] = mapped_column(String(20), default="arbeit")
    leistungsart: Mapped[str | None] = mapped_column(
        ForeignKey("leistungsart.kuerzel", ondelete="SET NULL"), default=None
    )
    # Parts with another Arbeitsart, Leistungsanteile, breaks, actual breaks: JSON lists of UTC instants.
    abschnitte: Mapped[str] = mapped_column(Text, default="{}")
    vorlage: Mapped[str | None] = mapped_column(String(100), default=None)
    vertretung_fuer: Mapped[int | None] = mapped_column(
        ForeignKey("assistenzkraft.id", ondelete="SET NULL"), default=None
    )
    muster_id: Mapped[int | None] = mapped_column(ForeignKey("muster.id", ondelete="SET NULL"), default=None)
    ist_beginn: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    ist_ende: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    ist_notiz: Mapped[str] = mapped_column(Text, default="")
    notiz: Mapped[str] = mapped_column(Text, default="")
    geaendert_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc, onupdate=jetzt_utc)


class MusterZeile(Base):
    """A repeating pattern: a cycle of days from an anchor date."""

    __tablename__ = "muster"
    __table_args__ = _AUTOINKREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    art: Mapped[str] = mapped_column(String(20), default="frei")
    anker: Mapped[date] = mapped_column(Date)
    zyklus_tage: Mapped[int] = mapped_column(Integer)
    gueltig_von: Mapped[date | None] = mapped_column(Date, default=None)
    gueltig_bis: Mapped[date | None] = mapped_column(Date, default=None)

    eintraege: Mapped[list[MusterEintragZeile]] = relationship(
        back_populates="muster", cascade="all, delete-orphan", order_by="MusterEintragZeile.tag"
    )


class MusterEintragZeile(Base):
    __tablename__ = "muster_eintrag"

    id: Mapped[int] = mapped_column(primary_key=True)
    muster_id: Mapped[int] = mapped_column(ForeignKey("muster.id", ondelete="CASCADE"), index=True)
    tag: Mapped[int] = mapped_column(Integer)
    vorlage_id: Mapped[int] = mapped_column(ForeignKey("schichtvorlage.id", ondelete="RESTRICT"))
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"))

    muster: Mapped[MusterZeile] = relationship(back_populates="eintraege")


class BedarfsprofilZeile(Base):
    """What she needs per weekday, valid from a date (a new approval → a new version)."""

    __tablename__ = "bedarfsprofil"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    gueltig_ab: Mapped[date] = mapped_column(Date, unique=True)
    feiertag_wie_sonntag: Mapped[bool] = mapped_column(Boolean, default=True)

    bloecke: Mapped[list[BedarfsblockZeile]] = relationship(
        back_populates="profil",
        cascade="all, delete-orphan",
        order_by="BedarfsblockZeile.wochentag",
    )


class BedarfsblockZeile(Base):
    __tablename__ = "bedarfsblock"

    id: Mapped[int] = mapped_column(primary_key=True)
    profil_id: Mapped[int] = mapped_column(ForeignKey("bedarfsprofil.id", ondelete="CASCADE"), index=True)
    wochentag: Mapped[int] = mapped_column(Integer)
    beginn: Mapped[time] = mapped_column(Time)
    ende: Mapped[time] = mapped_column(Time)
    stufe: Mapped[str] = mapped_column(String(2))
    leistungsart: Mapped[str | None] = mapped_column(
        ForeignKey("leistungsart.kuerzel", ondelete="SET NULL"), default=None
    )

    profil: Mapped[BedarfsprofilZeile] = relationship(back_populates="bloecke")


class AbwesenheitZeile(Base):
    """Urlaub, Krank, Kind krank, Beschäftigungsverbot, Mutterschutz, unbezahlt (whole days)."""

    __tablename__ = "abwesenheit"
    __table_args__ = (Index("ix_abwesenheit_person_von", "assistenzkraft_id", "von"), _AUTOINKREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"))
    art: Mapped[str] = mapped_column(String(30))
    von: Mapped[date] = mapped_column(Date)
    bis: Mapped[date] = mapped_column(Date, index=True)
    bescheinigung_am: Mapped[date | None] = mapped_column(Date, default=None)
    notiz: Mapped[str] = mapped_column(Text, default="")
    # Fortsetzungserkrankung (§ 3 Abs. 1 Satz 2 EFZG): the earlier illness this one continues, marked by the user.
    fortsetzung_von: Mapped[int | None] = mapped_column(ForeignKey("abwesenheit.id", ondelete="SET NULL"), default=None)


class UrlaubUebertragZeile(Base):
    """Leave carried over into a year (entered by the user; § 7 Abs. 3 BUrlG)."""

    __tablename__ = "urlaub_uebertrag"

    assistenzkraft_id: Mapped[int] = mapped_column(
        ForeignKey("assistenzkraft.id", ondelete="CASCADE"), primary_key=True
    )
    jahr: Mapped[int] = mapped_column(Integer, primary_key=True)
    tage: Mapped[Decimal] = mapped_column(DezimalText())
