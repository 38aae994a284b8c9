"""Table of the named Kalkulation versions ("Antrag 2027", "Ist 2026")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.persistence.basis import Base
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
