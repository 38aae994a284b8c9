"""Zuschuss zum Mutterschaftsgeld (§ 20 MuSchG) for the days of the Schutzfrist (absence "Mutterschutz").

Per calendar day: the average net pay per calendar day of the last three finalised calendar months before the
Schutzfrist began, minus the 13 € a day the Krankenkasse pays (§ 20 Abs. 1 MuSchG, § 24i Abs. 2 SGB V); one-off
payments stay out (§ 21 Abs. 2 Nr. 1 MuSchG — here: the month's net minus its one-offs, a slight underestimate the
Hinweis names). Tax-free (§ 3 Nr. 1 Buchst. d EStG) and not contributory (§ 1 Abs. 1 Satz 1 Nr. 6 SvEV); refunded in
full by U2 (§ 1 Abs. 2 Nr. 1 AAG). Without those three months (a scenario, the first month in the program) the
Zuschuss is not computed and a Warnung says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.abrechnung.entgelt import Zeile
from core.abrechnung.modell import Lohnart, Vorgeschichte
from core.dienstplan.abwesenheit import Abwesenheit
from core.domain.geld import NULL, cent, format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsgrenzen
from core.regeln.tabellen import regelwert

ZUSCHUSS = "2400"
RG = "§ 20 MuSchG; § 3 Nr. 1 Buchst. d EStG; § 1 Abs. 1 Satz 1 Nr. 6 SvEV; Erstattung § 1 Abs. 2 AAG (U2)"


def zuschuss(abw: Abwesenheit, tage: list[date], vorgeschichte: Vorgeschichte, hinweise: list[Hinweis]) -> Zeile | None:
    """The Zuschuss line for the protection period's days of this month, or None (with a Hinweis) when unknown."""
    if not tage:
        return None
    beginn = abw.von
    davor = sorted(
        (v for v in vorgeschichte.vormonate if (v.jahr, v.monat) < (beginn.year, beginn.month)),
        key=lambda v: (v.jahr, v.monat),
    )[-3:]
    if not vorgeschichte.bekannt or len(davor) < 3:
        hinweise.append(
            Hinweis(
                "MUTTERSCHUTZ_ZUSCHUSS_UNBEKANNT",
                Schwere.WARNUNG,
                f"Mutterschutz ab {beginn:%d.%m.%Y}: Der Zuschuss zum Mutterschaftsgeld richtet sich nach dem "
                "Nettoentgelt der letzten drei abgerechneten Monate vor der Schutzfrist; diese sind hier nicht "
                "bekannt. Er ist daher nicht berechnet — bitte von Hand ergänzen (Nettoentgelt je Kalendertag − 13 €).",
                RG,
            )
        )
        return None
    netto = sum((v.netto - v.einmalzahlungen for v in davor), NULL)
    kalendertage = sum(((monatsgrenzen(v.jahr, v.monat)[1] - date(v.jahr, v.monat, 1)).days for v in davor), 0)
    kasse_je_tag = regelwert("mutterschaftsgeld_kasse_max_tag", tage[0], hinweise=hinweise).wert
    je_tag = cent(netto / kalendertage - kasse_je_tag) if kalendertage else NULL
    if je_tag <= 0:
        hinweise.append(
            Hinweis(
                "MUTTERSCHUTZ_KEIN_ZUSCHUSS",
                Schwere.INFO,
                f"Mutterschutz: Das Nettoentgelt je Kalendertag ({format_eur(netto / kalendertage)}) übersteigt die "
                f"{format_eur(kasse_je_tag)} Mutterschaftsgeld der Krankenkasse nicht; kein Zuschuss.",
                RG,
            )
        )
        return None
    betrag = je_tag * len(tage)
    hinweise.append(
        Hinweis(
            "MUTTERSCHUTZ_ZUSCHUSS",
            Schwere.INFO,
            f"Zuschuss zum Mutterschaftsgeld: Nettoentgelt {format_eur(netto)} in {kalendertage} Kalendertagen "
            f"({davor[0].monat:02d}/{davor[0].jahr}–{davor[-1].monat:02d}/{davor[-1].jahr}, Einmalzahlungen brutto "
            f"abgezogen) − {format_eur(kasse_je_tag)} je Tag = {format_eur(je_tag)} × {len(tage)} Tage = "
            f"{format_eur(betrag)}; steuer- und beitragsfrei, über U2 voll erstattet.",
            RG,
        )
    )
    return Zeile(
        Lohnart(
            ZUSCHUSS,
            f"Zuschuss zum Mutterschaftsgeld {tage[0]:%d.%m.}–{tage[-1]:%d.%m.}",
            Decimal(len(tage)),
            je_tag,
            betrag,
            steuerbrutto=False,
            sv_brutto=False,
            einheit="Tage",
            abwesenheit_id=abw.id,
        ),
        {None: Decimal(1)},
    )
