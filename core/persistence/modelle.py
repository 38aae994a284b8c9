"""Master-data tables: employer, Unfallkassen, Krankenkassen with yearly rates, assistants, children, contracts.

Code lists are plain strings (validated in `core.stammdaten`), so the schema stays portable to PostgreSQL.
Services in `core.stammdaten` are the only writers; the GUI never sees these ORM objects.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from core.persistence.basis import Base, Cent, DezimalText, UtcDateTime, jetzt_utc


class Zeitstempel:
    """Created/changed instants (UTC) for the audit of master data."""

    erstellt_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc)
    geaendert_am: Mapped[datetime] = mapped_column(UtcDateTime(), default=jetzt_utc, onupdate=jetzt_utc)


class Unfallversicherungstraeger(Zeitstempel, Base):
    """Unfallkasse of a Land (seed 004, 2.3.1.1), preloaded and editable."""

    __tablename__ = "unfallversicherungstraeger"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    bundesland: Mapped[str] = mapped_column(String(20), index=True)
    strasse: Mapped[str] = mapped_column(String(200), default="")
    plz: Mapped[str] = mapped_column(String(10), default="")
    ort: Mapped[str] = mapped_column(String(100), default="")
    postanschrift: Mapped[str] = mapped_column(String(200), default="")
    telefon: Mapped[str] = mapped_column(String(50), default="")
    telefax: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    betriebsnummer: Mapped[str] = mapped_column(String(8), default="")
    hinweis: Mapped[str] = mapped_column(Text, default="")
    vorbelegt: Mapped[bool] = mapped_column(Boolean, default=False)


class Arbeitgeber(Zeitstempel, Base):
    """The household business (exactly one row per database file)."""

    __tablename__ = "arbeitgeber"

    id: Mapped[int] = mapped_column(primary_key=True)
    vorname: Mapped[str] = mapped_column(String(100), default="")
    nachname: Mapped[str] = mapped_column(String(100))
    strasse: Mapped[str] = mapped_column(String(200), default="")
    plz: Mapped[str] = mapped_column(String(10), default="")
    ort: Mapped[str] = mapped_column(String(100), default="")
    telefon: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    bundesland: Mapped[str] = mapped_column(String(20))
    # Holidays at the place of work: BY Mariä Himmelfahrt, SN/TH Fronleichnam in Catholic communities.
    katholische_gemeinde: Mapped[bool] = mapped_column(Boolean, default=False)
    privathaushalt: Mapped[bool] = mapped_column(Boolean, default=True)
    betriebsnummer: Mapped[str] = mapped_column(String(8), default="")
    steuernummer: Mapped[str] = mapped_column(String(20), default="")
    finanzamt: Mapped[str] = mapped_column(String(200), default="")
    unfallversicherungstraeger_id: Mapped[int | None] = mapped_column(
        ForeignKey("unfallversicherungstraeger.id", ondelete="SET NULL"), default=None
    )
    uv_mitgliedsnummer: Mapped[str] = mapped_column(String(50), default="")
    kontoinhaber: Mapped[str] = mapped_column(String(200), default="")
    bank: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    bic: Mapped[str] = mapped_column(String(11), default="")
    # UV contribution in % of gross for assistants outside the Haushaltsscheck (the Unfallkasse's assessment).
    unfallversicherung_prozent: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(0))

    unfallversicherungstraeger: Mapped[Unfallversicherungstraeger | None] = relationship()


class Einstellung(Base):
    """A setting that belongs to the data file (not to the machine), e.g. which defaults were seeded."""

    __tablename__ = "einstellung"

    schluessel: Mapped[str] = mapped_column(String(100), primary_key=True)
    wert: Mapped[str] = mapped_column(Text, default="")


class ChecklistenHaken(Base):
    """A manual tick on an employer checklist item (seed 004, 2.7); derived items are not stored."""

    __tablename__ = "checklisten_haken"

    schluessel: Mapped[str] = mapped_column(String(60), primary_key=True)
    erledigt_am: Mapped[date | None] = mapped_column(Date, default=None)
    notiz: Mapped[str] = mapped_column(Text, default="")


class Krankenkasse(Zeitstempel, Base):
    """A Krankenkasse the household deals with (the Minijob-Zentrale counts as one)."""

    __tablename__ = "krankenkasse"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    betriebsnummer: Mapped[str] = mapped_column(String(8), default="")
    ist_minijob_zentrale: Mapped[bool] = mapped_column(Boolean, default=False)
    anschrift: Mapped[str] = mapped_column(Text, default="")
    notiz: Mapped[str] = mapped_column(Text, default="")
    vorbelegt: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bundesland of the Kasse's head office: its holidays decide the Bankarbeitstage of the contribution due dates
    # (core.meldungen.fristen.beitragstermine); "" while the user has not entered it.
    sitz_land: Mapped[str] = mapped_column(String(20), default="", server_default="")

    jahre: Mapped[list[KassenJahr]] = relationship(
        back_populates="krankenkasse", cascade="all, delete-orphan", order_by="KassenJahr.jahr"
    )


class KassenJahr(Base):
    """Rates of one Kasse for one calendar year (Zusatzbeitrag, U2; the U1 levels hang below)."""

    __tablename__ = "kassen_jahr"
    __table_args__ = (UniqueConstraint("krankenkasse_id", "jahr"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    krankenkasse_id: Mapped[int] = mapped_column(ForeignKey("krankenkasse.id", ondelete="CASCADE"), index=True)
    jahr: Mapped[int] = mapped_column(Integer)
    zusatzbeitrag_prozent: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    u2_prozent: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    u2_erstattung_prozent: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(100))
    # U2 for a Beschäftigungsverbot (Mutterschutzlohn): the rate when the Satzung sets its own (e.g. 120 % with the
    # employer's shares settled by it, § 9 Abs. 2 Nr. 2 AAG); None: as `u2_erstattung_prozent`. Without the flag
    # the employer's shares are settled by the rate (pauschal), else refunded as paid (§ 1 Abs. 2 Nr. 3 AAG).
    u2_bv_erstattung_prozent: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    u2_ag_anteile_erstattet: Mapped[bool] = mapped_column(Boolean, default=True)
    quelle: Mapped[str] = mapped_column(Text, default="")

    krankenkasse: Mapped[Krankenkasse] = relationship(back_populates="jahre")
    u1_stufen: Mapped[list[U1Stufe]] = relationship(
        back_populates="kassen_jahr", cascade="all, delete-orphan", order_by="U1Stufe.erstattung_prozent"
    )


class U1Stufe(Base):
    """One U1 level a Kasse offers in a year; `gewaehlt` marks the employer's choice (at most one per year)."""

    __tablename__ = "u1_stufe"

    id: Mapped[int] = mapped_column(primary_key=True)
    kassen_jahr_id: Mapped[int] = mapped_column(ForeignKey("kassen_jahr.id", ondelete="CASCADE"), index=True)
    umlage_prozent: Mapped[Decimal] = mapped_column(DezimalText())
    erstattung_prozent: Mapped[Decimal] = mapped_column(DezimalText())
    ag_anteile_erstattet: Mapped[bool] = mapped_column(Boolean, default=False)
    gewaehlt: Mapped[bool] = mapped_column(Boolean, default=False)

    kassen_jahr: Mapped[KassenJahr] = relationship(back_populates="u1_stufen")


class Assistenzkraft(Zeitstempel, Base):
    """An assistant or applicant: the full Personalbogen (seed 004, 2.6.3) plus what payroll needs."""

    __tablename__ = "assistenzkraft"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Given automatically (the next free number) when empty; a §8 scenario's `id` becomes it (CONTRACTS §8).
    personalnummer: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="bewerberin", index=True)
    vorname: Mapped[str] = mapped_column(String(100))
    nachname: Mapped[str] = mapped_column(String(100))
    geburtsname: Mapped[str] = mapped_column(String(100), default="")
    geschlecht: Mapped[str] = mapped_column(String(1), default="")
    strasse: Mapped[str] = mapped_column(String(200), default="")
    plz: Mapped[str] = mapped_column(String(10), default="")
    ort: Mapped[str] = mapped_column(String(100), default="")
    telefon: Mapped[str] = mapped_column(String(50), default="")
    telefax: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    geburtsdatum: Mapped[date | None] = mapped_column(Date, default=None)
    geburtsort: Mapped[str] = mapped_column(String(100), default="")
    staatsangehoerigkeit: Mapped[str] = mapped_column(String(2), default="DE")
    versicherungsnummer: Mapped[str] = mapped_column(String(12), default="")
    krankenkasse_id: Mapped[int | None] = mapped_column(
        ForeignKey("krankenkasse.id", ondelete="RESTRICT"), default=None, index=True
    )
    privat_versichert: Mapped[bool] = mapped_column(Boolean, default=False)
    private_versicherung: Mapped[str] = mapped_column(String(200), default="")
    erlernter_beruf: Mapped[str] = mapped_column(String(200), default="")
    # Tätigkeitsschlüssel (seed 004, 2.3.1), stored as its parts; the 9 digits are composed on demand.
    taetigkeit_kldb: Mapped[str] = mapped_column(String(5), default="")
    schulabschluss: Mapped[str] = mapped_column(String(1), default="")
    ausbildungsabschluss: Mapped[str] = mapped_column(String(1), default="")
    arbeitnehmerueberlassung: Mapped[bool] = mapped_column(Boolean, default=False)
    vertragsform: Mapped[str] = mapped_column(String(1), default="")
    finanzamt: Mapped[str] = mapped_column(String(200), default="")
    steuer_id: Mapped[str] = mapped_column(String(11), default="")
    steuerklasse: Mapped[int | None] = mapped_column(Integer, default=None)
    kinderfreibetraege: Mapped[Decimal] = mapped_column(DezimalText(), default=Decimal(0))
    konfession: Mapped[str] = mapped_column(String(10), default="")
    freibetrag_jahr: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    freibetrag_monat: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    hat_kinder: Mapped[bool] = mapped_column(Boolean, default=False)
    elterneigenschaft_nachweis_am: Mapped[date | None] = mapped_column(Date, default=None)
    elterneigenschaft_nachweis_art: Mapped[str] = mapped_column(String(200), default="")
    bildung: Mapped[str] = mapped_column(Text, default="")
    kontoinhaber: Mapped[str] = mapped_column(String(200), default="")
    bank: Mapped[str] = mapped_column(String(200), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    bic: Mapped[str] = mapped_column(String(11), default="")
    arbeitserlaubnis_art: Mapped[str] = mapped_column(String(20), default="")
    arbeitserlaubnis_bis: Mapped[date | None] = mapped_column(Date, default=None)
    arbeitserlaubnis_beschraenkung: Mapped[str] = mapped_column(Text, default="")
    student: Mapped[bool] = mapped_column(Boolean, default=False)
    immatrikuliert_bis: Mapped[date | None] = mapped_column(Date, default=None)
    hochschule: Mapped[str] = mapped_column(String(200), default="")
    rv_befreiung_antrag_am: Mapped[date | None] = mapped_column(Date, default=None)
    personalausweis_geprueft_am: Mapped[date | None] = mapped_column(Date, default=None)
    notiz: Mapped[str] = mapped_column(Text, default="")

    krankenkasse: Mapped[Krankenkasse | None] = relationship()
    kinder: Mapped[list[Kind]] = relationship(
        back_populates="assistenzkraft", cascade="all, delete-orphan", order_by="Kind.geburtsdatum"
    )
    weitere_beschaeftigungen: Mapped[list[WeitereBeschaeftigung]] = relationship(
        back_populates="assistenzkraft", cascade="all, delete-orphan", order_by="WeitereBeschaeftigung.beginn"
    )
    vertraege: Mapped[list[Vertrag]] = relationship(
        back_populates="assistenzkraft", cascade="all, delete-orphan", order_by="Vertrag.gueltig_ab"
    )


class Kind(Base):
    """A child of an assistant (PV: parenthood ends the childless surcharge; under 25 lowers the rate)."""

    __tablename__ = "kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    vorname: Mapped[str] = mapped_column(String(100), default="")
    geburtsdatum: Mapped[date | None] = mapped_column(Date, default=None)
    art: Mapped[str] = mapped_column(String(20), default="leiblich")
    nachweis_am: Mapped[date | None] = mapped_column(Date, default=None)
    nachweis_art: Mapped[str] = mapped_column(String(200), default="")

    assistenzkraft: Mapped[Assistenzkraft] = relationship(back_populates="kinder")


class WeitereBeschaeftigung(Base):
    """Another job of the assistant (Minijob aggregation, kurzfristig day counting, Hauptbeschäftigung)."""

    __tablename__ = "weitere_beschaeftigung"

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    arbeitgeber_name: Mapped[str] = mapped_column(String(200), default="")
    art: Mapped[str] = mapped_column(String(20), default="sonstig")
    beginn: Mapped[date | None] = mapped_column(Date, default=None)
    ende: Mapped[date | None] = mapped_column(Date, default=None)
    monatsentgelt: Mapped[Decimal | None] = mapped_column(Cent(), default=None)
    arbeitstage_im_jahr: Mapped[int | None] = mapped_column(Integer, default=None)
    rv_befreit: Mapped[bool] = mapped_column(Boolean, default=False)
    notiz: Mapped[str] = mapped_column(Text, default="")

    assistenzkraft: Mapped[Assistenzkraft] = relationship(back_populates="weitere_beschaeftigungen")


class Vertrag(Zeitstempel, Base):
    """One version of an employment contract, valid from `gueltig_ab` until the next version."""

    __tablename__ = "vertrag"
    __table_args__ = (UniqueConstraint("assistenzkraft_id", "gueltig_ab"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assistenzkraft_id: Mapped[int] = mapped_column(ForeignKey("assistenzkraft.id", ondelete="CASCADE"), index=True)
    gueltig_ab: Mapped[date] = mapped_column(Date)
    eintritt: Mapped[date] = mapped_column(Date)
    probezeit_bis: Mapped[date | None] = mapped_column(Date, default=None)
    befristet_bis: Mapped[date | None] = mapped_column(Date, default=None)
    austritt: Mapped[date | None] = mapped_column(Date, default=None)
    taetigkeit: Mapped[str] = mapped_column(Text, default="")
    arbeitszeit: Mapped[str] = mapped_column(Text, default="")
    kuendigungsfrist: Mapped[str] = mapped_column(Text, default="")
    beschaeftigung: Mapped[str] = mapped_column(String(20), default="auto")
    lohnform: Mapped[str] = mapped_column(String(10), default="stunde")
    lohnsatz: Mapped[Decimal] = mapped_column(Cent())
    bereitschaft_prozent: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    einarbeitung_prozent: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    einarbeitung_bis: Mapped[date | None] = mapped_column(Date, default=None)
    arbeitstage_woche: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    wochenstunden: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    urlaubstage: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    # Monatslohn: agreed limits of the Zeitkonto in hours (seed 004, 2.5); None = none agreed.
    zeitkonto_plus_max: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    zeitkonto_minus_max: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    # Kurzfristig: working days planned for the fixed term (§ 8 Abs. 1 Nr. 2 SGB IV).
    geplante_arbeitstage: Mapped[int | None] = mapped_column(Integer, default=None)
    # Lohnsteuer: None = 2 % for a Minijob, individual otherwise; "2", "25" or "individuell" as chosen.
    pauschalsteuer: Mapped[str | None] = mapped_column(String(12), default=None)
    # Kurzfristig: employment pursued as a profession (berufsmäßig); None = not assessed.
    berufsmaessig: Mapped[bool | None] = mapped_column(Boolean, default=None)
    notiz: Mapped[str] = mapped_column(Text, default="")

    assistenzkraft: Mapped[Assistenzkraft] = relationship(back_populates="vertraege")
    zuschlaege: Mapped[list[VertragsZuschlag]] = relationship(
        back_populates="vertrag", cascade="all, delete-orphan", order_by="VertragsZuschlag.art"
    )


class VertragsZuschlag(Base):
    """A contractual surcharge in percent of the base pay (nacht, sonntag, feiertag, samstag, …)."""

    __tablename__ = "vertrag_zuschlag"
    __table_args__ = (UniqueConstraint("vertrag_id", "art"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vertrag_id: Mapped[int] = mapped_column(ForeignKey("vertrag.id", ondelete="CASCADE"), index=True)
    art: Mapped[str] = mapped_column(String(30))
    prozent: Mapped[Decimal] = mapped_column(DezimalText())

    vertrag: Mapped[Vertrag] = relationship(back_populates="zuschlaege")


def naechste_personalnummer(vorhandene: Any) -> str:
    """The next free Personalnummer: one more than the highest purely numeric one ("1" for the first)."""
    zahlen = [int(n) for n in vorhandene if n and n.isdigit()]
    return str(max(zahlen, default=0) + 1)


@event.listens_for(Session, "before_flush")
def _personalnummern_vergeben(sitzung: Session, _kontext: Any, _instanzen: Any) -> None:
    """Every new assistant without a Personalnummer gets the next free one (several in one flush in turn)."""
    neue = [o for o in sitzung.new if isinstance(o, Assistenzkraft) and not (o.personalnummer or "").strip()]
    if not neue:
        return
    with sitzung.no_autoflush:
        vorhandene = set(sitzung.scalars(select(Assistenzkraft.personalnummer)))
    vorhandene |= {o.personalnummer for o in sitzung.new if isinstance(o, Assistenzkraft) and o.personalnummer}
    for kraft in sorted(neue, key=lambda k: (k.nachname or "", k.vorname or "")):
        kraft.personalnummer = naechste_personalnummer(vorhandene)
        vorhandene.add(kraft.personalnummer)
