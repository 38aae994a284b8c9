"""U1/U2 refund claims from the finalised payroll's continued pay (pure: no database, no files).

The payroll computes, per absence and month, what the employer continued to pay (`Monatsergebnis.fortzahlungen`,
core.abrechnung.rechnen); nothing here computes pay again. This module groups those pieces into claims and applies
the Kasse's refund rates:

- One claim per absence period, Kasse and calendar year. A period that crosses a month end stays one claim: the
  electronic claim (DSER, Datenbausteine DBAU/DBBT/DBZU) has one Erstattungszeitraum "von–bis" and the field
  ARTAB "0 = Endabrechnung, 1 = Zwischenabrechnung", so the Kassen take a period over several months as one claim,
  and a claim for the months already paid while the absence goes on as a Zwischenabrechnung (the rest follows in a
  further claim). A period over the turn of the year is split at 31 December, because the refund rates are the
  Kasse's rates of each calendar year (Satzung, § 9 AAG).
- U1 (§ 1 Abs. 1 AAG): the continued gross pay (Lohnausfallprinzip, incl. the surcharges that fell out) and, only
  where the Kasse's Satzung refunds them (`U1Stufe.ag_anteile_erstattet`, § 9 Abs. 2 Nr. 1 AAG), the employer's SV
  shares on it, at the refund rate of the U1 level the employer chose for the year. Minijobs: the
  Minijob-Zentrale, 80 % of the gross pay without the employer's flat-rate contributions.
- U2 (§ 1 Abs. 2 AAG): in full (the Kasse's U2 rate, 100 % by law) the Mutterschutzlohn with the employer's SV
  shares on it (§ 18 MuSchG), and the Zuschuss zum Mutterschaftsgeld (§ 20 MuSchG). A Satzung may settle the
  employer's shares on the Mutterschutzlohn by a flat rate instead (§ 9 Abs. 2 Nr. 2 AAG; e.g. BKK Mitte 2026:
  120 % of the Mutterschutzlohn, "die Arbeitgeberbeitragsanteile sind mit diesem Erstattungssatz abgegolten"):
  `KassenJahr.u2_bv_erstattung_prozent` and `u2_ag_anteile_erstattet`.
- Amount = (continued pay + refunded employer shares + Zuschuss) × rate, rounded half up to the cent once per
  claim — as the claim record has one rate (ESATZ) and one amount (EBU).
- The claim lapses four years after the end of the calendar year in which it arose (§ 6 Abs. 1 AAG; it arises
  when the pay is paid, § 2 Abs. 1 AAG — taken here as the payroll month, the earlier and so the safe date).

Missing data makes a claim "unvollständig" with a German Hinweis and no amount — never a made-up figure: continued
pay without planned shifts, a Kasse without refund rates for the year, a privately insured assistant without the
Kasse that takes her Umlagen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.abrechnung.modell import Fortzahlung
from core.domain.geld import NULL, cent, format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.regeln.tabellen import regelwert

HUNDERT = Decimal(100)
U1 = "U1"
U2 = "U2"
RG_U1 = "§ 1 Abs. 1 AAG; § 9 Abs. 2 AAG (Satzung der Kasse)"
RG_U2 = "§ 1 Abs. 2 AAG; §§ 18, 20 MuSchG"
RG_FRIST = "§ 6 Abs. 1 AAG"
ANLASSTEXT = {
    "arbeitsunfaehigkeit": "Arbeitsunfähigkeit",
    "beschaeftigungsverbot": "Beschäftigungsverbot",
    "mutterschutzfrist": "Mutterschutzfrist",
}


@dataclass(frozen=True, slots=True)
class Teil:
    """One month's continued pay for one absence, as the finalised payroll holds it."""

    assistenzkraft_id: int
    jahr: int
    monat: int
    fortzahlung: Fortzahlung
    kasse: str | None  # the Kasse that refunds (Minijob-Zentrale for minijobs); None: privately insured, none set
    abwesenheit_von: date | None = None  # the absence as recorded (None: no longer recorded)
    abwesenheit_bis: date | None = None
    lohnausfall_statt_durchschnitt: bool = False  # Mutterschutzlohn from the missed shifts: § 18 average unknown

    @property
    def schluessel(self) -> tuple[int, int | None, str, str, int]:
        f = self.fortzahlung
        return (self.assistenzkraft_id, f.abwesenheit_id, f.verfahren, self.kasse or "", self.jahr)


@dataclass(frozen=True, slots=True)
class Kassensaetze:
    """A Kasse's refund rates for one year, as entered in the master data (None: not entered or not chosen)."""

    kasse: str
    jahr: int
    u1_erstattung_prozent: Decimal | None
    ag_anteile_erstattet: bool
    u2_erstattung_prozent: Decimal | None
    minijob_zentrale: bool = False
    quelle: str = ""
    u2_bv_erstattung_prozent: Decimal | None = None  # Beschäftigungsverbot, when the Satzung sets its own rate
    u2_ag_anteile_erstattet: bool = True  # False: the employer's shares are settled by the U2 rate (pauschal)


@dataclass(frozen=True, slots=True)
class Person:
    assistenzkraft_id: int
    personalnummer: str
    name: str


@dataclass(frozen=True, slots=True)
class Antragsberechnung:
    """A claim as computed from the finalised months (figures None when incomplete)."""

    person: Person
    verfahren: str
    anlass: str
    kasse: str  # "" when unknown
    jahr: int
    von: date
    bis: date
    abwesenheit_id: int | None
    abwesenheit_von: date | None
    abwesenheit_bis: date | None
    monate: tuple[tuple[int, int], ...]
    tage: int
    stunden: Decimal
    fortgezahltes_entgelt: Decimal
    ag_anteile_gezahlt: Decimal  # the employer's SV shares on the continued pay
    ag_anteile_erstattet: bool
    zuschuss_mutterschaftsgeld: Decimal
    erstattungssatz: Decimal | None
    erstattungsbetrag: Decimal | None
    zwischenabrechnung: bool
    frist_bis: date
    hinweise: tuple[Hinweis, ...] = field(default=())

    @property
    def vollstaendig(self) -> bool:
        return self.erstattungsbetrag is not None

    @property
    def ag_anteile(self) -> Decimal:
        """The employer's shares that the claim includes (0 where the Satzung does not refund them)."""
        return self.ag_anteile_gezahlt if self.ag_anteile_erstattet else NULL


def gruppiere(teile: Iterable[Teil]) -> list[list[Teil]]:
    """The pieces of one claim together (assistant, absence, procedure, Kasse, year), each group in month order."""
    gruppen: dict[tuple[int, int | None, str, str, int], list[Teil]] = {}
    for teil in teile:
        schluessel = teil.schluessel
        if schluessel[1] is None:  # an absence without id (a scenario): its own claim per start day
            schluessel = (schluessel[0], -teil.fortzahlung.von.toordinal(), *schluessel[2:])
        gruppen.setdefault(schluessel, []).append(teil)
    return [sorted(g, key=lambda t: (t.jahr, t.monat)) for g in gruppen.values()]


def frist_bis(jahr: int) -> date:
    """Last day before the claim lapses: 31 December of the fourth year after the year it arose in."""
    jahre = int(regelwert("aag_verjaehrung_jahre", date(jahr, 1, 1)).wert)
    return date(jahr + jahre, 12, 31)


def berechne_antrag(
    person: Person,
    teile: Sequence[Teil],
    saetze: Kassensaetze | None,
    *,
    laeuft_weiter: bool = False,
) -> Antragsberechnung:
    """One claim from its month pieces (one group of `gruppiere`). `laeuft_weiter`: the absence goes on into a month
    not finalised yet (the claim is then a Zwischenabrechnung)."""
    erster = teile[0]
    f0 = erster.fortzahlung
    verfahren, anlass, kasse, jahr = f0.verfahren, f0.anlass, erster.kasse or "", erster.jahr
    hinweise: list[Hinweis] = []
    entgelt = sum((t.fortzahlung.fortgezahltes_entgelt for t in teile), NULL)
    ag_gezahlt = sum((t.fortzahlung.ag_anteile for t in teile), NULL)
    zuschuss = sum((t.fortzahlung.zuschuss_mutterschaftsgeld for t in teile), NULL)
    von = min(t.fortzahlung.von for t in teile)
    bis = max(t.fortzahlung.bis for t in teile)
    zeitraum = f"{ANLASSTEXT.get(anlass, anlass)} vom {von:%d.%m.%Y} bis {bis:%d.%m.%Y}"
    unvollstaendig = False

    if any(t.fortzahlung.ohne_schichten for t in teile):
        unvollstaendig = True
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_OHNE_SCHICHTEN",
                Schwere.FEHLER,
                f"{zeitraum}: Für die Ausfalltage sind keine geplanten Schichten eingetragen, das fortgezahlte "
                "Entgelt ist daher nicht bekannt. Bitte die geplanten Schichten im Dienstplan eintragen und den "
                "Monat korrigieren; erst dann lässt sich der Antrag stellen.",
                "§ 4 Abs. 1 EFZG (Lohnausfallprinzip); § 2 AAG",
            )
        )
    if any(t.lohnausfall_statt_durchschnitt for t in teile):
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_MUTTERSCHUTZLOHN_PRUEFEN",
                Schwere.WARNUNG,
                f"{zeitraum}: Der Mutterschutzlohn ist nach den ausgefallenen Schichten berechnet, weil die drei "
                "Monate vor der Schwangerschaft im Programm nicht abgerechnet sind. Erstattet wird der Durchschnitt "
                "nach § 18 MuSchG: bitte vor dem Antrag vergleichen und die Abrechnung gegebenenfalls korrigieren.",
                "§ 18 MuSchG; § 1 Abs. 2 Nr. 2 AAG",
            )
        )
    if not kasse:
        unvollstaendig = True
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_OHNE_KASSE",
                Schwere.FEHLER,
                f"{zeitraum}: {person.name or person.personalnummer} ist privat versichert; die Umlagen und der "
                "Erstattungsantrag gehen an die Krankenkasse, bei der sie zuletzt gesetzlich versichert war (sonst an "
                "eine von Ihnen gewählte Kasse). Bitte diese Kasse erfragen und im Bereich Erstattungen mit „Kasse "
                "für privat Versicherte“ eintragen (oder: assistenzbuero erstattung kasse PERSONALNUMMER KASSE).",
                "§ 2 Abs. 1 AAG; § 175 Abs. 3 SGB V",
            )
        )

    satz: Decimal | None = None
    ag_erstattet = verfahren == U2  # U2 refunds the employer's shares by law (§ 1 Abs. 2 Nr. 3 AAG)
    if kasse:
        if verfahren == U1:
            satz = saetze.u1_erstattung_prozent if saetze is not None else None
            ag_erstattet = saetze is not None and saetze.ag_anteile_erstattet and not saetze.minijob_zentrale
            fehlt = "keine U1-Stufe (Erstattungssatz) gewählt"
        else:
            satz = saetze.u2_erstattung_prozent if saetze is not None else None
            if saetze is not None and anlass == "beschaeftigungsverbot":
                satz = saetze.u2_bv_erstattung_prozent or satz
                ag_erstattet = saetze.u2_ag_anteile_erstattet
            fehlt = "kein U2-Erstattungssatz eingetragen"
        if satz is None:
            unvollstaendig = True
            hinweise.append(
                Hinweis(
                    "ERSTATTUNG_OHNE_SATZ",
                    Schwere.FEHLER,
                    f"{zeitraum}: Für die Kasse „{kasse}“ ist für {jahr} {fehlt}. Bitte unter Stammdaten › "
                    f"Krankenkassen das Jahr {jahr} mit den Sätzen aus der Satzung der Kasse eintragen.",
                    RG_U1 if verfahren == U1 else RG_U2,
                )
            )
    if laeuft_weiter:
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_ZWISCHENABRECHNUNG",
                Schwere.INFO,
                f"{zeitraum}: Die Abwesenheit reicht in einen Monat, der noch nicht abgeschlossen ist. Dieser Antrag "
                "ist eine Zwischenabrechnung für die abgerechneten Tage; die weiteren Tage folgen nach dem Abschluss "
                "als eigener Antrag — oder Sie warten und stellen einen Antrag für den ganzen Zeitraum.",
                "GKV-Spitzenverband, Datensatzbeschreibung AAG (DBAU/DBBT/DBZU, Feld ARTAB)",
            )
        )
    betrag: Decimal | None = None
    if not unvollstaendig and satz is not None:
        basis = entgelt + (ag_gezahlt if ag_erstattet else NULL) + zuschuss
        betrag = cent(basis * satz / HUNDERT)
        teile_text = [f"fortgezahltes Entgelt {format_eur(entgelt)}"]
        if ag_gezahlt and ag_erstattet:
            teile_text.append(f"Arbeitgeberanteile {format_eur(ag_gezahlt)}")
        if zuschuss:
            teile_text.append(f"Zuschuss zum Mutterschaftsgeld {format_eur(zuschuss)}")
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_BERECHNET",
                Schwere.INFO,
                f"{zeitraum}: ({' + '.join(teile_text)}) × {satz.normalize():f} % = {format_eur(betrag)}"
                + (
                    "; die Arbeitgeberanteile sind nach der Satzung der Kasse nicht gesondert erstattet (oder mit dem "
                    "Satz abgegolten)."
                    if ag_gezahlt and not ag_erstattet
                    else "."
                ),
                RG_U1 if verfahren == U1 else RG_U2,
            )
        )
    return Antragsberechnung(
        person=person,
        verfahren=verfahren,
        anlass=anlass,
        kasse=kasse,
        jahr=jahr,
        von=von,
        bis=bis,
        abwesenheit_id=f0.abwesenheit_id,
        abwesenheit_von=erster.abwesenheit_von,
        abwesenheit_bis=teile[-1].abwesenheit_bis,
        monate=tuple((t.jahr, t.monat) for t in teile),
        tage=sum(t.fortzahlung.tage for t in teile),
        stunden=sum((t.fortzahlung.stunden for t in teile), NULL),
        fortgezahltes_entgelt=entgelt,
        ag_anteile_gezahlt=ag_gezahlt,
        ag_anteile_erstattet=ag_erstattet,
        zuschuss_mutterschaftsgeld=zuschuss,
        erstattungssatz=satz,
        erstattungsbetrag=betrag,
        zwischenabrechnung=laeuft_weiter,
        frist_bis=frist_bis(jahr),
        hinweise=tuple(hinweise),
    )
