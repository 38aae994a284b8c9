"""Maternity pay: Zuschuss zum Mutterschaftsgeld (§ 20 MuSchG) for the Schutzfrist (absence "Mutterschutz") and the
average behind the Mutterschutzlohn of a Beschäftigungsverbot (§ 18 MuSchG, `mutterschutzlohn_je_tag`).

Mutterschutzlohn: "das durchschnittliche Arbeitsentgelt der letzten drei abgerechneten Kalendermonate vor dem
Eintritt der Schwangerschaft" (§ 18 Satz 2 MuSchG), one-off payments left out (§ 21 Abs. 2 Nr. 1 MuSchG), paid per
calendar day of the Beschäftigungsverbot: the three months' running gross pay (surcharges included) divided by their
calendar days, rounded to the cent, times the days. The program does not know when the pregnancy began: it takes
the three finalised months before the Beschäftigungsverbot begins and says so (a Hinweis to check it); without them
the pay of the missed shifts (Lohnausfall) stands in, with a Warnung. A Monatslohn simply goes on.

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
from core.domain.zahlen import anzahl
from core.regeln.tabellen import regelwert

ZUSCHUSS = "2400"
RG_LOHN = "§ 18 MuSchG, § 21 MuSchG; Erstattung § 1 Abs. 2 Nr. 2 AAG (U2)"
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
            f"Zuschuss zum Mutterschaftsgeld: Nettoentgelt {format_eur(netto)} in "
            f"{anzahl(kalendertage, 'Kalendertag', 'Kalendertagen')} "
            f"({davor[0].monat:02d}/{davor[0].jahr}–{davor[-1].monat:02d}/{davor[-1].jahr}, Einmalzahlungen brutto "
            f"abgezogen) − {format_eur(kasse_je_tag)} je Tag = {format_eur(je_tag)} × "
            f"{anzahl(len(tage), 'Tag', 'Tage')} = "
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


def _tage_im_monat(jahr: int, monat: int) -> int:
    erster, folgender = monatsgrenzen(jahr, monat)
    return (folgender - erster).days


def mutterschutzlohn_je_tag(abw: Abwesenheit, vorgeschichte: Vorgeschichte, hinweise: list[Hinweis]) -> Decimal | None:
    """The Mutterschutzlohn per calendar day (cents), or None (with a Warnung) when the three months are unknown."""
    beginn = abw.von
    davor = sorted(
        (v for v in vorgeschichte.vormonate if (v.jahr, v.monat) < (beginn.year, beginn.month)),
        key=lambda v: (v.jahr, v.monat),
    )[-3:]
    if not vorgeschichte.bekannt or len(davor) < 3:
        hinweise.append(
            Hinweis(
                "MUTTERSCHUTZLOHN_LOHNAUSFALL",
                Schwere.WARNUNG,
                f"Beschäftigungsverbot ab {beginn:%d.%m.%Y}: Der Mutterschutzlohn ist der Durchschnitt der letzten "
                "drei abgerechneten Monate vor der Schwangerschaft; diese sind hier nicht bekannt. Angesetzt ist das "
                "Entgelt der ausgefallenen Schichten — bitte mit dem Durchschnitt vergleichen und gegebenenfalls "
                "korrigieren.",
                RG_LOHN,
            )
        )
        return None
    summe = sum(((v.laufendes_brutto if v.laufendes_brutto is not None else v.laufendes_entgelt) for v in davor), NULL)
    kalendertage = sum(_tage_im_monat(v.jahr, v.monat) for v in davor)
    je_tag = cent(summe / kalendertage)
    hinweise.append(
        Hinweis(
            "MUTTERSCHUTZLOHN_DURCHSCHNITT",
            Schwere.INFO,
            f"Mutterschutzlohn (Beschäftigungsverbot ab {beginn:%d.%m.%Y}): Arbeitsentgelt ohne Einmalzahlungen "
            f"{format_eur(summe)} in {anzahl(kalendertage, 'Kalendertag', 'Kalendertagen')} "
            f"({davor[0].monat:02d}/{davor[0].jahr}–"
            f"{davor[-1].monat:02d}/{davor[-1].jahr}) = {format_eur(je_tag)} je Kalendertag. Maßgeblich sind die "
            "drei Monate vor Beginn der Schwangerschaft; lag sie früher, bitte prüfen. Über U2 voll erstattet.",
            RG_LOHN,
        )
    )
    return je_tag
