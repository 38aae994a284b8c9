"""The month's payments to the assistants: who gets how much on which account (list and SEPA file read this)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.domain.geld import NULL
from core.domain.kennungen import bic_zur_iban, kompakt


@dataclass(frozen=True, slots=True)
class Zahlung:
    """One assistant's payout for the month as the finalised result states it (never recomputed here)."""

    personalnummer: str
    name: str
    betrag: Decimal
    iban: str = ""
    bic: str = ""
    kontoinhaber: str = ""


@dataclass(frozen=True, slots=True)
class Zahlungsauftrag:
    """All payouts of a month and the employer's account they are paid from."""

    jahr: int
    monat: int
    auftraggeber: str
    iban: str
    bic: str
    zahlungen: tuple[Zahlung, ...]
    entwurf: bool = False

    @property
    def verwendungszweck(self) -> str:
        return f"Lohn/Gehalt {self.monat:02d}/{self.jahr}"

    @property
    def ueberweisungen(self) -> tuple[Zahlung, ...]:
        """The payouts above 0 € (a transfer of nothing or less is not a transfer)."""
        return tuple(z for z in self.zahlungen if z.betrag > NULL)

    @property
    def summe(self) -> Decimal:
        return sum((z.betrag for z in self.ueberweisungen), NULL)


def bic_fuer(iban: str, bic: str) -> str:
    """The BIC as given, else the one the Bundesbank directory (schwifty) knows for the IBAN's bank, else ""."""
    return kompakt(bic) or bic_zur_iban(iban) or ""
