"""Antrag vs Ist: a saved Kostenkalkulation ("Antrag 2026") beside the actual year, line by line.

The Antrag side is the Kalkulation's own lines (`core.budget.kalkulation.berechne`, rounded to cents as shown). The
Ist side comes from the finalised payroll of the year (`core.abrechnung.ablage.lade_jahr`: the stored results, nothing
recomputed), the other costs and income booked on the Bewilligungen, and the U1/U2 refunds received. While the year
is not over, the Ist is also scaled to twelve months (`hochgerechnet` = Ist × 12 ÷ finalised months) so that the two
can be compared before December.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.budget.bewilligungen import posten
from core.budget.dienst import erhaltene_erstattungen
from core.budget.kalkulation import berechne
from core.budget.kalkulation_dienst import lade
from core.domain.geld import NULL, cent
from core.persistence.datenbank import Datenbank

EURO = "€"
STUNDEN = "Std."


@dataclass(frozen=True, slots=True)
class Vergleichszeile:
    schluessel: str
    bezeichnung: str
    antrag: Decimal
    ist: Decimal
    hochgerechnet: Decimal
    einheit: str = EURO
    erklaerung: str = ""

    @property
    def abweichung(self) -> Decimal:
        """Ist (scaled to the year) − Antrag."""
        return self.hochgerechnet - self.antrag

    @property
    def prozent(self) -> Decimal | None:
        return None if not self.antrag else cent(self.abweichung * 100 / self.antrag)


@dataclass(frozen=True, slots=True)
class AntragIst:
    kalkulation: str
    jahr: int
    monate: int  # finalised months of the year
    zeilen: tuple[Vergleichszeile, ...]


def antrag_vs_ist(db: Datenbank, kalkulation: str | int, jahr: int) -> AntragIst:
    version = lade(db, kalkulation)
    antrag = berechne(version.parameter)
    p = version.parameter
    ergebnisse = [g.ergebnis for g in ablage.lade_jahr(db, jahr)]
    monate = len({e.monat for e in ergebnisse})

    def summe(feld: str) -> Decimal:
        return sum((getattr(e, feld) for e in ergebnisse), NULL)

    brutto, zuschlaege = summe("brutto"), summe("zuschlaege")
    grund, fortzahlung, einmal = summe("grundverguetung"), summe("lohnfortzahlung"), summe("einmalzahlungen")
    ag_kosten = summe("arbeitgeberkosten")
    erstattet = sum((e.betrag for e in erhaltene_erstattungen(db, date(jahr, 1, 1), date(jahr, 12, 31))), NULL)
    sonstige = sum((x.wirkung for x in posten(db) if x.datum.year == jahr), NULL)
    gesamt = ag_kosten - erstattet + sonstige

    def hoch(wert: Decimal) -> Decimal:
        return cent(wert * 12 / monate) if monate else NULL

    def z(
        schluessel: str, text: str, soll: Decimal, ist: Decimal, erklaerung: str, einheit: str = EURO
    ) -> Vergleichszeile:
        return Vergleichszeile(schluessel, text, cent(soll), cent(ist), hoch(ist), einheit, erklaerung)

    zeilen = (
        z(
            "stunden",
            "Stunden im Jahr (Arbeit I und II)",
            (p.arbeit1_stunden + p.arbeit2_stunden) * p.tage,
            summe("stunden") + summe("bereitschaftsstunden"),
            "Antrag: Stunden je Tag × Anzahl Tage; Ist: abgerechnete Arbeits- und Bereitschaftsstunden.",
            STUNDEN,
        ),
        z(
            "bruttoverdienst",
            "Bruttoverdienst (Grundvergütung)",
            antrag["bruttoverdienst_jahr"],
            grund,
            "Ist: Grundvergütung der Entgeltbescheinigungen.",
        ),
        z(
            "einmalbezuege",
            "Urlaubs- und Weihnachtsgeld",
            antrag["urlaubsgeld"] + antrag["weihnachtsgeld"],
            einmal,
            "Ist: Einmalzahlungen.",
        ),
        z(
            "pauschalen",
            "Krankheit, Urlaub, Feiertage (Lohnfortzahlung)",
            antrag["pauschalen"],
            fortzahlung,
            "Antrag: kalkulatorische Pauschalen; Ist: fortgezahltes Entgelt bei Krankheit, Urlaub und Feiertagen.",
        ),
        z(
            "bruttolohnkosten",
            "Bruttolohnkosten (ohne Zuschläge)",
            antrag["bruttolohnkosten"],
            brutto - zuschlaege,
            "Ist: Gesamtbrutto ohne Zuschläge, auch andere Bezüge wie Sachbezüge.",
        ),
        z(
            "arbeitgeberanteil",
            "Arbeitgeberanteile, Umlagen, Pauschalen, Unfallversicherung",
            antrag["arbeitgeberanteil"],
            ag_kosten - brutto,
            "Ist: alle Abgaben der Arbeitgeberin laut Abrechnung.",
        ),
        z("zuschlaege", "Zuschläge", antrag["zuschlaege"], zuschlaege, "Nacht-, Sonntags- und Feiertagszuschläge."),
        z(
            "erstattung",
            "Erstattungen (abgezogen)",
            antrag["erstattung"],
            erstattet,
            "Ist: erhaltene Erstattungen U1/U2.",
        ),
        z(
            "sonstige_kosten",
            "Sonstige Kosten abzüglich Einnahmen",
            antrag["sonstige_kosten"],
            sonstige,
            "Ist: auf die Bewilligungen gebuchte Kosten und Einnahmen.",
        ),
        z(
            "gesamtkosten_jahr",
            "Gesamtkosten im Jahr",
            antrag["gesamtkosten_jahr"],
            gesamt,
            "Arbeitgeberkosten − Erstattungen + sonstige Kosten.",
        ),
    )
    return AntragIst(version.name, jahr, monate, zeilen)
