"""The Lohnsteuer-Anmeldung: its period (monthly, quarterly, yearly from last year's tax, § 41a Abs. 2 EStG) and
its sums from the finalised payroll.

Which tax counts for the period: the Lohnsteuer the employer had to pay for the previous calendar year, individual
and flat-rate (§ 40a Abs. 1 EStG for short-term jobs), without Solidaritätszuschlag and Kirchensteuer and without
the 2 % einheitliche Pauschsteuer, which goes to the Minijob-Zentrale. A household that did not employ all of last
year converts last year's tax to a full year (Satz 3); one that starts this year takes its first full month × 12
(Satz 4). Thresholds: year tables `lst_anmeldung_monatlich_ueber` and `lst_anmeldung_vierteljaehrlich_ueber`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL, cent, format_eur
from core.domain.kalender import MONATE
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert

MONATLICH = "monatlich"
VIERTELJAEHRLICH = "vierteljaehrlich"
JAEHRLICH = "jaehrlich"


def abzufuehrende_lohnsteuer(e: Monatsergebnis) -> Decimal:
    """Lohnsteuer the employer pays to the Finanzamt for this month: individual plus flat-rate except the 2 %."""
    pauschal = e.pauschsteuer if e.beschaeftigung is not Beschaeftigungsart.MINIJOB else NULL
    return e.lohnsteuer + pauschal


@dataclass(frozen=True, slots=True)
class Anmeldungszeitraum:
    jahr: int
    art: str  # monatlich | vierteljaehrlich | jaehrlich
    grundlage: Decimal  # the (annualised) tax the choice rests on
    begruendung: str
    sicher: bool  # False: no figures in the program to decide from (the Finanzamt's letter decides)

    def zeitraeume(self) -> list[tuple[date, date, str]]:
        """(first day, last day, German name) of each Anmeldungszeitraum of the year."""
        if self.art == JAEHRLICH:
            return [(date(self.jahr, 1, 1), date(self.jahr, 12, 31), f"Jahr {self.jahr}")]
        schritt = 3 if self.art == VIERTELJAEHRLICH else 1
        ergebnis = []
        for erster in range(1, 13, schritt):
            letzter = erster + schritt - 1
            bis = date(self.jahr + letzter // 12, letzter % 12 + 1, 1)
            name = (
                f"{(erster - 1) // 3 + 1}. Quartal {self.jahr}" if schritt == 3 else f"{MONATE[erster - 1]} {self.jahr}"
            )
            ergebnis.append((date(self.jahr, erster, 1), date.fromordinal(bis.toordinal() - 1), name))
        return ergebnis

    def zeitraum_von(self, monat: int) -> tuple[date, date, str]:
        """The Anmeldungszeitraum that contains `monat`."""
        return next(z for z in self.zeitraeume() if z[0].month <= monat <= z[1].month)


def waehle_zeitraum(jahr: int, jahressteuer: Decimal) -> str:
    """§ 41a Abs. 2 EStG: monthly above the upper threshold, quarterly above the lower one, else yearly."""
    stichtag = date(jahr, 1, 1)
    monatlich = regelwert("lst_anmeldung_monatlich_ueber", stichtag).wert
    vierteljaehrlich = regelwert("lst_anmeldung_vierteljaehrlich_ueber", stichtag).wert
    if jahressteuer > monatlich:
        return MONATLICH
    if jahressteuer > vierteljaehrlich:
        return VIERTELJAEHRLICH
    return JAEHRLICH


def zeitraum_aus_ergebnissen(
    jahr: int, vorjahr: Sequence[Monatsergebnis], dieses_jahr: Sequence[Monatsergebnis]
) -> Anmeldungszeitraum:
    """The period of `jahr` from last year's finalised months (or this year's first full month)."""
    if vorjahr:
        monate = {e.monat for e in vorjahr}
        summe = sum((abzufuehrende_lohnsteuer(e) for e in vorjahr), NULL)
        erster = min(monate)
        jahresbetrag = cent(summe * 12 / (13 - erster)) if erster > 1 else summe
        text = f"Lohnsteuer {jahr - 1}: {format_eur(summe)}"
        if erster > 1:
            text += (
                f" für {MONATE[erster - 1]} bis Dezember, auf ein Jahr umgerechnet {format_eur(jahresbetrag)} "
                "(§ 41a Abs. 2 Satz 3 EStG)"
            )
        return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, jahresbetrag), jahresbetrag, text + ".", True)
    if dieses_jahr:
        erster = min(e.monat for e in dieses_jahr)
        summe = sum((abzufuehrende_lohnsteuer(e) for e in dieses_jahr if e.monat == erster), NULL)
        jahresbetrag = summe * 12
        text = (
            f"Kein Vorjahr: Lohnsteuer des ersten Monats ({MONATE[erster - 1]} {jahr}) {format_eur(summe)} × 12 = "
            f"{format_eur(jahresbetrag)} (§ 41a Abs. 2 Satz 4 EStG)."
        )
        return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, jahresbetrag), jahresbetrag, text, True)
    return Anmeldungszeitraum(
        jahr,
        MONATLICH,
        NULL,
        "Noch keine abgeschlossene Abrechnung: vorläufig monatlich; maßgebend ist die Mitteilung des Finanzamts.",
        False,
    )


def anmeldungszeitraum(db: Datenbank, jahr: int) -> Anmeldungszeitraum:
    vorjahr = [g.ergebnis for g in ablage.lade_jahr(db, jahr - 1)]
    dieses = [g.ergebnis for g in ablage.lade_jahr(db, jahr)] if not vorjahr else []
    return zeitraum_aus_ergebnissen(jahr, vorjahr, dieses)
