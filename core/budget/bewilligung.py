"""Bewilligungen as values: what was approved for which month (Bescheide, Dynamisierung), overlaps, other costs.

Pure: no database. `core.budget.bewilligungen` reads and writes them; `core.budget.stand` charges the payroll to them.
A Bewilligung runs in whole months (CONTRACTS §10: `von`/`bis` as JJJJ-MM); a later Bescheid may start on any day,
and the month it starts in is shared pro rata by calendar days (what the Bescheid pays for the days it covers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.domain.geld import NULL, cent
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import format_zahl

Monat = tuple[int, int]
HUNDERT = Decimal(100)

#: Other costs and income she books on a Bewilligung (seed 004, 1.6.2 "sonstige Kosten"; issue 11). "einnahme"
#: reduces the spend, every other art adds to it. The keys match the Kalkulation's lines where there is one.
POSTENARTEN: dict[str, str] = {
    "lohnabrechnung": "Lohnbüro / Lohnabrechnung",
    "regiekosten": "Regiekosten",
    "begleitperson": "Begleitperson",
    "inserate": "Inserate / Stellenanzeigen",
    "berufsgenossenschaft": "Berufsgenossenschaft / Unfallkasse",
    "unterkunft": "Unterkunft der Assistenz",
    "beratung": "Beratung / Budgetassistenz",
    "sonstige_kosten": "Sonstige Kosten",
    "einnahme": "Sonstige Einnahme",
}
EINNAHME = "einnahme"

#: What a Verwendungsnachweis shows (the Zielvereinbarung says what this Kostenträger asks for). Empty set on a
#: Bewilligung = all of them.
NACHWEISTEILE: dict[str, str] = {
    "leistungsarten": "Summen je Leistungsart",
    "stunden": "Stunden",
    "personen": "Beschäftigte Personen mit Vertragszeiten und SV-Status",
    "entgeltbescheinigungen": "Liste der Entgeltbescheinigungen",
    "belege": "Sonstige Belege (Kosten und Einnahmen)",
    "erstattungen": "Erstattungen U1/U2",
}


def monatstext(monat: Monat) -> str:
    return f"{monat[1]:02d}/{monat[0]}"


def monat_von(tag: date) -> Monat:
    return tag.year, tag.month


def naechster(monat: Monat) -> Monat:
    return (monat[0] + 1, 1) if monat[1] == 12 else (monat[0], monat[1] + 1)


def monate(von: Monat, bis: Monat) -> list[Monat]:
    """Every month from `von` to `bis`, both included."""
    ergebnis: list[Monat] = []
    m = von
    while m <= bis:
        ergebnis.append(m)
        m = naechster(m)
    return ergebnis


def letzter_tag(monat: Monat) -> date:
    return monatsgrenzen(*monat)[1] - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Bescheid:
    """A later Bescheid: from `ab` on the monthly amount (and hours) are these."""

    ab: date
    betrag_monat: Decimal
    stunden_monat: Decimal | None = None
    aktenzeichen: str = ""
    notiz: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class BewilligungDaten:
    """One approval. `leistungsarten` empty: it pays for every Leistungsart. `nachweis` empty: its
    Verwendungsnachweis shows everything (`NACHWEISTEILE`)."""

    name: str
    kostentraeger: str
    von: Monat
    bis: Monat
    betrag_monat: Decimal
    stunden_monat: Decimal | None = None
    aktenzeichen: str = ""
    dynamisierung_prozent: Decimal = NULL
    leistungsarten: tuple[str, ...] = ()
    bescheide: tuple[Bescheid, ...] = ()
    kalkulation_id: int | None = None
    nachweis: frozenset[str] = field(default_factory=frozenset)
    notiz: str = ""
    id: int | None = None

    @property
    def monate(self) -> list[Monat]:
        return monate(self.von, self.bis)

    def deckt(self, monat: Monat) -> bool:
        return self.von <= monat <= self.bis

    def zahlt_fuer(self, leistungsart: str | None) -> bool:
        """A shift without Leistungsart may go to any Bewilligung (CONTRACTS §10: the one covering its date)."""
        return leistungsart is None or not self.leistungsarten or leistungsart in self.leistungsarten

    @property
    def zeitraum_text(self) -> str:
        return f"{monatstext(self.von)} bis {monatstext(self.bis)}"

    @property
    def leistungsarten_text(self) -> str:
        return ", ".join(self.leistungsarten) if self.leistungsarten else "alle Leistungsarten"

    def zeigt(self, teil: str) -> bool:
        return not self.nachweis or teil in self.nachweis

    def _abschnitte(self) -> list[Bescheid]:
        erster = Bescheid(date(*self.von, 1), self.betrag_monat, self.stunden_monat, self.aktenzeichen)
        return [erster, *sorted(self.bescheide, key=lambda b: b.ab)]

    def _satz_am(self, abschnitte: list[Bescheid], tag: date) -> tuple[Decimal, Decimal | None]:
        gueltig = abschnitte[0]
        for b in abschnitte[1:]:
            if b.ab <= tag:
                gueltig = b
        jahre = tag.year - gueltig.ab.year - ((tag.month, tag.day) < (gueltig.ab.month, gueltig.ab.day))
        betrag = gueltig.betrag_monat
        for _ in range(max(jahre, 0)):  # the new monthly amount of each year is stated in cents
            betrag = cent(betrag * (HUNDERT + self.dynamisierung_prozent) / HUNDERT)
        return betrag, gueltig.stunden_monat

    def bewilligt(self, monat: Monat) -> tuple[Decimal, Decimal | None]:
        """Amount (cents) and hours approved for one month; 0/None outside the period. A month in which a Bescheid
        or a yearly increase starts is shared by calendar days."""
        if not self.deckt(monat):
            return NULL, None
        abschnitte = self._abschnitte()
        erster, naechster_erster = monatsgrenzen(*monat)
        tage = (naechster_erster - erster).days
        saetze = [self._satz_am(abschnitte, erster + timedelta(days=i)) for i in range(tage)]
        if all(s == saetze[0] for s in saetze):
            return saetze[0]
        betrag = cent(sum((s[0] for s in saetze), NULL) / tage)
        stunden_je_tag = [s[1] for s in saetze]
        stunden = (
            None
            if all(s is None for s in stunden_je_tag)
            else cent(sum((s or NULL for s in stunden_je_tag), NULL) / tage)
        )
        return betrag, stunden


def ueberschneidung(a: BewilligungDaten, b: BewilligungDaten) -> str | None:
    """One German sentence when `a` and `b` pay for the same Leistungsart in the same month, else None."""
    von, bis = max(a.von, b.von), min(a.bis, b.bis)
    if von > bis:
        return None
    if a.leistungsarten and b.leistungsarten:
        gemeinsam = sorted(set(a.leistungsarten) & set(b.leistungsarten))
        if not gemeinsam:
            return None
        was = (
            "die Leistungsart " + ", ".join(gemeinsam)
            if len(gemeinsam) == 1
            else "die Leistungsarten " + (", ".join(gemeinsam))
        )
    else:
        eine = a.leistungsarten or b.leistungsarten
        was = "die Leistungsarten " + ", ".join(eine) if eine else "alle Leistungsarten"
    return (
        f"Die Bewilligungen „{a.name}“ und „{b.name}“ überschneiden sich von {monatstext(von)} bis "
        f"{monatstext(bis)} für {was}; bitte den Zeitraum oder die Leistungsarten einer der beiden ändern."
    )


def ueberschneidungen(bewilligungen: list[BewilligungDaten]) -> list[str]:
    ergebnis = []
    for i, a in enumerate(bewilligungen):
        for b in bewilligungen[i + 1 :]:
            text = ueberschneidung(a, b)
            if text is not None:
                ergebnis.append(text)
    return ergebnis


@dataclass(frozen=True, slots=True)
class Posten:
    """Another cost or income booked on a Bewilligung (`POSTENARTEN`); `betrag` positive."""

    bewilligung_id: int
    datum: date
    art: str
    betrag: Decimal
    text: str = ""
    beleg: str = ""
    id: int | None = None

    @property
    def einnahme(self) -> bool:
        return self.art == EINNAHME

    @property
    def wirkung(self) -> Decimal:
        """What it adds to the spend (an income subtracts)."""
        return -self.betrag if self.einnahme else self.betrag

    @property
    def art_text(self) -> str:
        return POSTENARTEN.get(self.art, self.art)


def stunden_text(stunden: Decimal | None) -> str:
    return "" if stunden is None else format_zahl(stunden, 2)
