"""Zeitkonto of a Monatslohn (Festlohn, seed 004, 2.5): hours worked and paid absence against the contract's hours.

- Soll of the month: the contract's hours a week × 13/3 (weeks per month: 52 / 12), pro rata by the calendar days
  the contract runs in the month and without unpaid days (they shorten the pay too).
- Ist: the paid hours of the month (Arbeit, standby at its weighting) including the planned shifts of paid absence
  (Urlaub, Krank within the EFZG, Feiertag, Beschäftigungsverbot); a paid absence day without a planned shift is
  credited with the month's Soll per calendar day.
- Saldo = last month's Saldo + Ist − Soll, carried to the next month (`Vorgeschichte.zeitkonto_saldo`).
- Hinweise: before the agreed limits are reached (80 %), when they are exceeded, when the plus hours exceed half of
  the month's Soll (§ 2 Abs. 2 MiLoG: that is the most a Zeitkonto may hold; they must be settled within twelve
  months), and on leaving (a credit is paid out, minus hours only set off where agreed).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.abrechnung.modell import Zeitkonto
from core.dienstplan.vertrag import Vertragsdaten
from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere

WOCHEN_JE_MONAT = Decimal(13) / Decimal(3)
WARNSCHWELLE = Decimal("0.8")
RG = "Arbeitsvertrag (Arbeitszeitkonto); seed 004, 2.5"


def monatssoll(vertrag: Vertragsdaten, bezahlte_tage: int, monatstage: int) -> Decimal:
    assert vertrag.wochenstunden is not None
    return vertrag.wochenstunden * WOCHEN_JE_MONAT * bezahlte_tage / monatstage


def zeitkonto(
    vertraege: list[tuple[Vertragsdaten, int]],
    monatstage: int,
    ist: Decimal,
    abwesend_ohne_schicht: int,
    vortrag: Decimal,
    *,
    austritt: date | None,
    letzter: date,
    stundensatz: Decimal,
    hinweise: list[Hinweis],
) -> Zeitkonto | None:
    """`vertraege`: the month's Monatslohn contracts with hours a week and their paid calendar days this month."""
    mit_stunden = [(v, tage) for v, tage in vertraege if v.wochenstunden is not None]
    if not mit_stunden:
        return None
    soll = sum((monatssoll(v, tage, monatstage) for v, tage in mit_stunden), NULL)
    bezahlte_tage = sum(tage for _, tage in mit_stunden)
    if abwesend_ohne_schicht and bezahlte_tage:
        ist += soll / bezahlte_tage * abwesend_ohne_schicht
    saldo = vortrag + ist - soll
    vertrag = mit_stunden[-1][0]
    plus, minus = vertrag.zeitkonto_plus_max, vertrag.zeitkonto_minus_max
    konto = Zeitkonto(vortrag=vortrag, soll=soll, ist=ist, saldo=saldo, plus_max=plus, minus_max=minus)
    _hinweise(konto, saldo, soll, austritt, letzter, stundensatz, hinweise)
    return konto


def _hinweise(
    k: Zeitkonto,
    saldo: Decimal,
    soll: Decimal,
    austritt: date | None,
    letzter: date,
    stundensatz: Decimal,
    hinweise: list[Hinweis],
) -> None:
    """`saldo`, `soll`: exact (the Zeitkonto shows them rounded to hundredths)."""
    for grenze, richtung, wort in ((k.plus_max, Decimal(1), "Plusstunden"), (k.minus_max, Decimal(-1), "Minusstunden")):
        if grenze is None or not grenze:
            continue
        stand = saldo * richtung
        if stand > grenze:
            hinweise.append(
                Hinweis(
                    "ZEITKONTO_GRENZE_UEBERSCHRITTEN",
                    Schwere.WARNUNG,
                    f"Zeitkonto: {format_zahl(stand)} {wort} — mehr als die vereinbarten {format_zahl(grenze)}. "
                    "Bitte ausgleichen (Freizeit bzw. Nacharbeit) oder nach Absprache auszahlen bzw. verrechnen.",
                    RG,
                )
            )
        elif stand >= grenze * WARNSCHWELLE:
            hinweise.append(
                Hinweis(
                    "ZEITKONTO_GRENZE_NAH",
                    Schwere.INFO,
                    f"Zeitkonto: {format_zahl(stand)} {wort}, die vereinbarte Grenze von {format_zahl(grenze)} ist "
                    "bald erreicht. Bitte im Dienstplan gegensteuern.",
                    RG,
                )
            )
    if soll and saldo > soll / 2:
        hinweise.append(
            Hinweis(
                "ZEITKONTO_MILOG",
                Schwere.WARNUNG,
                f"Zeitkonto: {format_zahl(saldo)} Plusstunden sind mehr als die Hälfte der monatlichen Arbeitszeit "
                f"({format_zahl(soll / 2)}). Mehr darf ein Arbeitszeitkonto nach dem Mindestlohngesetz nicht "
                "enthalten; Plusstunden sind binnen zwölf Monaten auszugleichen.",
                "§ 2 Abs. 2 MiLoG",
            )
        )
    if austritt is not None and austritt <= letzter and saldo:
        if saldo > 0:
            text = (
                f"Austritt: {format_zahl(saldo)} Stunden Zeitguthaben sind auszuzahlen (zum Stundensatz "
                f"{format_eur(stundensatz)} etwa {format_eur(saldo * stundensatz)}); bitte als Einmalzahlung erfassen."
            )
        else:
            text = (
                f"Austritt: {format_zahl(-saldo)} Minusstunden. Verrechnen lassen sie sich nur, wenn das vereinbart "
                "ist und die Assistenzkraft sie zu vertreten hat; bitte prüfen."
            )
        hinweise.append(Hinweis("ZEITKONTO_AUSTRITT", Schwere.WARNUNG, text, RG))
