"""The month's payments to the assistants: who gets how much on which account (list and SEPA file read this)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from core.domain.geld import NULL
from core.domain.kennungen import bic_zur_iban, kompakt
from core.io.belegdaten import Monatsbelege
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

if TYPE_CHECKING:
    from core.abrechnung.lauf import OhneVertrag


@dataclass(frozen=True, slots=True)
class Zahlung:
    """One assistant's payout for the month as the finalised result states it (never recomputed here)."""

    personalnummer: str
    name: str
    betrag: Decimal
    iban: str = ""
    bic: str = ""
    kontoinhaber: str = ""
    #: a Nachberechnung of someone without a row in the month (she left): its own purpose ("Korrektur 03/2026")
    #: instead of the month's, and the line's explanation in the payment list
    verwendungszweck: str = ""
    erlaeuterung: str = ""


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
    #: corrections of people without a row in the month that overpaid them: amounts (above 0) to reclaim from
    #: them, never a transfer and never a negative payout
    rueckforderungen: tuple[Zahlung, ...] = ()

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
    zahlungen_ohne, rueckforderungen = _ohne_vertrag(monat)
    zahlungen += zahlungen_ohne
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
        rueckforderungen=tuple(rueckforderungen),
    )


def _ohne_vertrag(monat: Monatsbelege) -> tuple[list[Zahlung], list[Zahlung]]:
    """The payout differences of corrections of people without a row in the month (`lauf.OhneVertrag`), one line
    per person (two corrected months are one transfer, as they would be in her row): what is owed to her is a
    transfer of its own, what she was overpaid an amount to reclaim."""
    je_person: dict[int, list[tuple[OhneVertrag, AssistenzkraftDaten | None]]] = {}
    for o, person in monat.ohne_vertrag:
        je_person.setdefault(o.assistenzkraft_id, []).append((o, person))
    zahlungen: list[Zahlung] = []
    rueckforderungen: list[Zahlung] = []
    for eintraege in je_person.values():
        o, p = eintraege[0]
        betrag = sum((e.differenz for e, _p in eintraege), NULL)
        if betrag == 0:
            continue
        zweck = ", ".join(e.verwendungszweck for e, _p in eintraege)
        art = "Nachzahlung" if betrag > 0 else "Rückforderung"
        zahlung = Zahlung(
            personalnummer=o.personalnummer,
            name=(p.name if p is not None and p.name else o.name),
            betrag=abs(betrag),
            iban=(p.iban if p is not None else "") or o.iban,
            bic=p.bic if p is not None else "",
            kontoinhaber=p.kontoinhaber if p is not None else "",
            verwendungszweck=zweck,
            erlaeuterung=f"{art} aus {zweck}: kein Arbeitsvertrag im {monat.monat_text}, keine Abrechnungszeile",
        )
        (zahlungen if betrag > 0 else rueckforderungen).append(zahlung)
    return zahlungen, rueckforderungen
