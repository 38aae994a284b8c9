"""Payroll tables: data entry (one-off payments, Sachbezüge, advances, Abrechnungsbeginn, carried-over figures),
payroll months with status, finalised results (versions, corrections) with their input snapshot, and the audit trail.

Only `core.abrechnung.erfassung`, `core.abrechnung.ablage` and `core.abrechnung.lauf` write them; other lanes read
finalised results through `core.abrechnung.ablage`. Money is Cent, hours/days DezimalText, never float.
A finalised result row is never updated: a correction is a new row with a higher `version` (GoBD).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.basis import Base, Cent, DezimalText, UtcDateTime, jetzt_utc
from core.persistence.modelle import Zeitstempel

_AUTOINKREMENT = {"sqlite_autoincrement": True}


class Abrechnungsbeginn(Base):
    """The household's first payroll month in the program (one row); earlier months were settled elsewhere."""

    __tablename__ = "abrechnungsbeginn"

    id: Mapped[int] = mapped_column(primary_key=True)
    monat: Mapped[date] = mapped_column(Date)  # first day of the month
    erfasst_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc)
    erfasst_von: Mapped[str] = mapped_column(String(100), default="")


class Vortrag(Zeitstempel, Base):
    """Figures carried over for one assistant and year from the months settled elsewhere (e.g. by a Lohnbüro).

    The money columns are the running totals of the Lohnkonto (names as `core.abrechnung.modell.Jahreswerte`).
    """

    __tablename__ = "abrechnung_vortrag"
    __table_args__ = (UniqueConstraint("assistenzkraft_id", "jahr"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    jahr: Mapped[int] = mapped_column(Integer)
    brutto: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    steuerbrutto: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))  # laufender Arbeitslohn
    sonstige_bezuege: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    steuerfreie_bezuege: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    lohnsteuer: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    solidaritaetszuschlag: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    kirchensteuer: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    pauschsteuer: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    kv_an: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    pv_an: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    rv_an: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    av_an: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    entgelt_kv: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))  # KV/PV-beitragspflichtig
    entgelt_rv: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))  # RV/AV-beitragspflichtig
    einmalzahlungen: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    netto: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    sv_tage: Mapped[int] = mapped_column(Integer, default=0)
    arbeitstage: Mapped[int] = mapped_column(Integer, default=0)
    minijob_ueberschreitungen: Mapped[int] = mapped_column(Integer, default=0)
    urlaub_genommen_tage: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(0))
    krank_fortzahlung_tage: Mapped[int] = mapped_column(Integer, default=0)  # EFZG days used, running illness
    zeitkonto_stunden: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(0))
    notiz: Mapped[str] = mapped_column(Text, default="")


class Einmalzahlung(Zeitstempel, Base):
    """A one-off payment (Weihnachtsgeld, Urlaubsgeld, Prämie …) paid with a month's payroll."""

    __tablename__ = "einmalzahlung"
    __table_args__ = (Index("ix_einmalzahlung_monat", "jahr", "monat"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    jahr: Mapped[int] = mapped_column(Integer)
    monat: Mapped[int] = mapped_column(Integer)
    art: Mapped[str] = mapped_column(String(30))
    betrag: Mapped[Decimal] = mapped_column(Cent())
    text: Mapped[str] = mapped_column(Text, default="")


class Sachbezug(Zeitstempel, Base):
    """Pay in kind in a month: lodging or meals at the year's official values, or another one at its own value.

    Fields as `core.abrechnung.modell.Sachbezug`: `tage` None = the whole month; `im_haushalt` = lodging in the
    employer's household; `wert` only for "sonstig"; `zuzahlung` what the assistant pays for it.
    """

    __tablename__ = "sachbezug"
    __table_args__ = (Index("ix_sachbezug_monat", "jahr", "monat"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    jahr: Mapped[int] = mapped_column(Integer)
    monat: Mapped[int] = mapped_column(Integer)
    art: Mapped[str] = mapped_column(String(30))
    tage: Mapped[int | None] = mapped_column(Integer, default=None)
    im_haushalt: Mapped[bool] = mapped_column(Boolean, default=False)
    wert: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    zuzahlung: Mapped[Decimal] = mapped_column(Cent(), default=Decimal(0))
    text: Mapped[str] = mapped_column(Text, default="")


class Vorschuss(Zeitstempel, Base):
    """An advance paid out before payday; deducted from the payout of the month named."""

    __tablename__ = "vorschuss"
    __table_args__ = (Index("ix_vorschuss_monat", "jahr", "monat"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    ausgezahlt_am: Mapped[date] = mapped_column(Date)
    jahr: Mapped[int] = mapped_column(Integer)  # month whose payout it is deducted from
    monat: Mapped[int] = mapped_column(Integer)
    betrag: Mapped[Decimal] = mapped_column(Cent())
    text: Mapped[str] = mapped_column(Text, default="")


class Abrechnungsmonat(Base):
    """A payroll month the program has settled or is settling; no row means "entwurf" (open)."""

    __tablename__ = "abrechnungsmonat"
    __table_args__ = (UniqueConstraint("jahr", "monat"), _AUTOINKREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    jahr: Mapped[int] = mapped_column(Integer)
    monat: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="entwurf")  # entwurf | abgeschlossen
    abgeschlossen_am: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    abgeschlossen_von: Mapped[str] = mapped_column(String(100), default="")


class Abrechnungsergebnis(Base):
    """One finalised result of one assistant and month; version 1 is the original, higher ones are corrections.

    `ergebnis` is the calculation's output type as JSON (`als_dict`), `eingabe` the input snapshot it was computed
    from (`pruefsumme`: SHA-256 of it, to see a later change cheaply). A correction names the month in which its
    differences were settled (`verrechnet_jahr`/`verrechnet_monat`) and carries them in `differenz` (JSON).
    """

    __tablename__ = "abrechnungsergebnis"
    __table_args__ = (
        UniqueConstraint("jahr", "monat", "assistenzkraft_id", "version"),
        Index("ix_abrechnungsergebnis_person_jahr", "assistenzkraft_id", "jahr"),
        _AUTOINKREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    jahr: Mapped[int] = mapped_column(Integer)
    monat: Mapped[int] = mapped_column(Integer)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="RESTRICT"))
    personalnummer: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    art: Mapped[str] = mapped_column(String(20), default="abrechnung")  # abrechnung | korrektur
    ergebnis: Mapped[str] = mapped_column(Text)
    eingabe: Mapped[str] = mapped_column(Text)
    pruefsumme: Mapped[str] = mapped_column(String(64))
    erstellt_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc)
    erstellt_von: Mapped[str] = mapped_column(String(100), default="")
    verrechnet_jahr: Mapped[int | None] = mapped_column(Integer, default=None)
    verrechnet_monat: Mapped[int | None] = mapped_column(Integer, default=None)
    differenz: Mapped[str] = mapped_column(Text, default="")
    grund: Mapped[str] = mapped_column(Text, default="")


class Protokolleintrag(Base):
    """Audit trail (GoBD): who (the operating-system user), when, what. Rows are only ever added."""

    __tablename__ = "abrechnung_protokoll"
    __table_args__ = (Index("ix_abrechnung_protokoll_monat", "jahr", "monat"), _AUTOINKREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    zeitpunkt: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc)
    benutzer: Mapped[str] = mapped_column(String(100), default="")
    aktion: Mapped[str] = mapped_column(String(40))
    jahr: Mapped[int | None] = mapped_column(Integer, default=None)
    monat: Mapped[int | None] = mapped_column(Integer, default=None)
    assistenzkraft_id: Mapped[int | None] = mapped_column(
        ForeignKey("assistenzkraft.id", ondelete="SET NULL"), default=None, index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")


class Bewilligung(Zeitstempel, Base):
    """An approval (Persönliches Budget, Eingliederungshilfe …): CONTRACTS §10, written by a §8 scenario or the
    Budget area (`core.budget.bewilligungen`). Later Bescheide that change it from a date: `core.budget.modelle`.

    `leistungsarten`: the Leistungsart Kürzel it pays for, comma-separated; empty = every Leistungsart.
    `dynamisierung_prozent`: yearly increase of the monthly amounts, from each anniversary of the (latest) Bescheid.
    `nachweis`: what its Verwendungsnachweis shows (Zielvereinbarung), comma-separated switches; empty = all.
    """

    __tablename__ = "bewilligung"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kostentraeger: Mapped[str] = mapped_column(String(200), default="")
    von: Mapped[date] = mapped_column(Date)  # first day of the first month
    bis: Mapped[date] = mapped_column(Date)  # last day of the last month
    betrag_monat: Mapped[Decimal] = mapped_column(Cent())
    stunden_monat: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    notiz: Mapped[str] = mapped_column(Text, default="")
    aktenzeichen: Mapped[str] = mapped_column(String(100), default="", server_default="")
    dynamisierung_prozent: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(0), server_default="0")
    leistungsarten: Mapped[str] = mapped_column(String(400), default="", server_default="")
    kalkulation_id: Mapped[int | None] = mapped_column(
        ForeignKey("kalkulation.id", ondelete="SET NULL"), default=None, nullable=True
    )
    nachweis: Mapped[str] = mapped_column(String(400), default="", server_default="")
