"""The month's payments to the assistants: who gets how much on which account (list and SEPA file read this)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.domain.geld import NULL
from core.domain.kennungen import bic_zur_iban, kompakt
from core.io.belegdaten import Monatsbelege


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


def zahlungsauftrag(monat: Monatsbelege) -> Zahlungsauftrag:
    """The month's payouts (the results' `auszahlung`) with the accounts from the master data (the Personalbogen's
    current IBAN; the input snapshot's where the Personalbogen has none)."""
    zahlungen: list[Zahlung] = []
    for g in monat.eintraege:
        p = g.person
        iban = (p.iban if p is not None else "") or (g.eingabe.person.iban if g.eingabe is not None else "")
        zahlungen.append(
            Zahlung(
                personalnummer=g.personalnummer,
                name=g.name,
                betrag=g.ergebnis.auszahlung,
                iban=iban,
                bic=p.bic if p is not None else "",
                kontoinhaber=p.kontoinhaber if p is not None else "",
            )
        )
    ag = monat.arbeitgeber
    ag_iban = ag.iban if ag is not None else ""
    if not ag_iban:
        ag_iban = next((g.eingabe.arbeitgeber.iban for g in monat.eintraege if g.eingabe is not None), "")
    return Zahlungsauftrag(
        jahr=monat.jahr,
        monat=monat.monat,
        auftraggeber=(ag.kontoinhaber or ag.name) if ag is not None else monat.arbeitgeber_name,
        iban=ag_iban,
        bic=ag.bic if ag is not None else "",
        zahlungen=tuple(zahlungen),
        entwurf=monat.entwurf,
    )
