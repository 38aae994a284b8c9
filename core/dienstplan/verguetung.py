"""Planned monthly pay from the roster (an estimate for the checks; payroll computes the real figures)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.dienstplan.schicht import Schicht, Stunden, stunden_aus_stuecken, tagesstuecke
from core.dienstplan.vertrag import Lohnform, Vertragsindex
from core.domain.geld import cent, format_zahl
from core.domain.hinweis import Hinweis
from core.domain.kalender import monatsgrenzen
from core.domain.zeit import stunden
from core.fehler import EingabeFehler
from core.regeln.tabellen import regelwert

HUNDERT = Decimal(100)


@dataclass(frozen=True, slots=True)
class Monatsverdienst:
    """Planned base pay (without surcharges) and the Mindestlohn for all hours incl. standby (BAG 5 AZR 716/15)."""

    assistenzkraft_id: int
    brutto: Decimal
    stunden: Stunden
    arbeitstage: int
    mindestlohn_soll: Decimal | None
    mindestlohn_satz: Decimal | None
    ohne_vertrag: int = 0
    hinweise: tuple[Hinweis, ...] = ()


def monatsverdienst(
    assistenzkraft_id: int,
    schichten: Iterable[Schicht],
    vertraege: Vertragsindex,
    jahr: int,
    monat: int,
) -> Monatsverdienst:
    """Pay of the month's shifts (actual times where recorded) by the contract valid on each day.

    Stundenlohn: rate × (Arbeit I + Arbeit II × weighting); Tageslohn: rate per working day (a night over
    midnight is one day); Monatslohn: the fixed wage, pro rata by calendar days employed.
    """
    von, bis_excl = monatsgrenzen(jahr, monat)
    brutto = Decimal(0)
    gesamt = Stunden()
    tage: dict[date, Decimal] = {}
    mindestlohn_soll = Decimal(0)
    mindestlohn_je_tag: dict[date, Decimal | None] = {}
    hinweise: list[Hinweis] = []
    ohne_vertrag = 0
    for schicht in schichten:
        if schicht.assistenzkraft_id != assistenzkraft_id or not von <= schicht.tag < bis_excl:
            continue
        vertrag = vertraege.am(assistenzkraft_id, schicht.tag)
        bezahlt = schicht.bezahlt()
        for stueck in tagesstuecke(bezahlt):
            h = stunden_aus_stuecken([stueck])
            gesamt += h
            if stueck.tag not in mindestlohn_je_tag:
                mindestlohn_je_tag[stueck.tag] = _mindestlohn(stueck.tag, hinweise)
            satz_ml = mindestlohn_je_tag[stueck.tag]
            if satz_ml is not None:
                mindestlohn_soll += satz_ml * h.gesamt_h
            if vertrag is None:
                continue
            if vertrag.lohnform is Lohnform.STUNDENLOHN:
                brutto += vertrag.satz * h.bezahlte_stunden(vertrag.bereitschaft_prozent)
        if vertrag is None:
            ohne_vertrag += 1
        elif vertrag.lohnform is Lohnform.TAGESLOHN:
            tage[schicht.tag] = vertrag.satz
        else:
            tage.setdefault(schicht.tag, Decimal(0))
    brutto += sum(tage.values(), Decimal(0))
    brutto += _monatslohn(assistenzkraft_id, vertraege, von, bis_excl)
    satz = next((s for s in mindestlohn_je_tag.values() if s is not None), None)
    alle_bekannt = all(s is not None for s in mindestlohn_je_tag.values())
    return Monatsverdienst(
        assistenzkraft_id=assistenzkraft_id,
        brutto=cent(brutto),
        stunden=gesamt,
        arbeitstage=len(tage),
        mindestlohn_soll=cent(mindestlohn_soll) if alle_bekannt else None,
        mindestlohn_satz=satz,
        ohne_vertrag=ohne_vertrag,
        hinweise=tuple(dict.fromkeys(hinweise)),
    )


def _monatslohn(assistenzkraft_id: int, vertraege: Vertragsindex, von: date, bis_excl: date) -> Decimal:
    summe = Decimal(0)
    tage_im_monat = Decimal((bis_excl - von).days)
    for vertrag in vertraege.von(assistenzkraft_id):
        if vertrag.lohnform is not Lohnform.MONATSLOHN:
            continue
        start = max(vertrag.beginn, von)
        ende_excl = bis_excl if vertrag.ende is None else min(bis_excl, vertrag.ende + timedelta(days=1))
        tage = (ende_excl - start).days
        if tage <= 0:
            continue
        summe += vertrag.satz * Decimal(tage) / tage_im_monat
    return summe


def _mindestlohn(tag: date, hinweise: list[Hinweis]) -> Decimal | None:
    try:
        return regelwert("mindestlohn_stunde", tag, hinweise=hinweise).wert
    except EingabeFehler:
        return None


def std(zeit: Stunden | Decimal) -> str:
    """Hours in German notation with two decimals ("7,50")."""
    wert = zeit.gesamt_h if isinstance(zeit, Stunden) else zeit
    return format_zahl(wert)


def std_td(zeitspanne: timedelta) -> str:
    return std(stunden(zeitspanne))
