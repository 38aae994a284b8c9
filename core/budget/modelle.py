"""Tables of the Budget area: named Kalkulation versions, Bescheide changing a Bewilligung, other costs and income.

The Bewilligung itself is `core.abrechnung.modelle.Bewilligung` (a §8 scenario writes it too). Money is Cent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.basis import Base, Cent, DezimalText
from core.persistence.modelle import Zeitstempel


class Kalkulation(Zeitstempel, Base):
    """One named version. The inputs are kept as JSON text of exact decimal strings (no float ever touches them);
    every result is recomputed from them, so a stored Kalkulation can never disagree with its own lines."""

    __tablename__ = "kalkulation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    stand: Mapped[date] = mapped_column(Date)  # the day whose figures it was made for (Mindestlohn check, export)
    parameter: Mapped[str] = mapped_column(Text)
    notiz: Mapped[str] = mapped_column(Text, default="")  # which year's figures were used, or where it came from
    herkunft: Mapped[str] = mapped_column(String(400), default="")  # e.g. "Import: kalkulation-2016.xlsx"


class BescheidZeile(Zeitstempel, Base):
    """A later Bescheid that changes a Bewilligung's monthly amount and/or hours from a day on (e.g. a raise in
    the middle of the period). The month it starts in is shared pro rata by calendar days."""

    __tablename__ = "bewilligung_bescheid"

    id: Mapped[int] = mapped_column(primary_key=True)
    bewilligung_id: Mapped[int] = mapped_column(ForeignKey("bewilligung.id", ondelete="CASCADE"), index=True)
    ab: Mapped[date] = mapped_column(Date)
    betrag_monat: Mapped[Decimal] = mapped_column(Cent())
    stunden_monat: Mapped[Decimal | None] = mapped_column(DezimalText(), default=None)
    aktenzeichen: Mapped[str] = mapped_column(String(100), default="")
    notiz: Mapped[str] = mapped_column(Text, default="")


class BudgetPosten(Zeitstempel, Base):
    """Another cost (Lohnbüro, Regiekosten, Begleitperson, Inserate …) or income the user books on a Bewilligung.

    `betrag` is positive; `art` "einnahme" reduces the spend, every other art adds to it (`core.budget.bewilligungen`).
    """

    __tablename__ = "budget_posten"

    id: Mapped[int] = mapped_column(primary_key=True)
    bewilligung_id: Mapped[int] = mapped_column(ForeignKey("bewilligung.id", ondelete="CASCADE"), index=True)
    datum: Mapped[date] = mapped_column(Date)
    art: Mapped[str] = mapped_column(String(30))
    betrag: Mapped[Decimal] = mapped_column(Cent())
    text: Mapped[str] = mapped_column(Text, default="")
    beleg: Mapped[str] = mapped_column(String(100), default="")  # receipt number for the Verwendungsnachweis
