"""The Haushaltsscheck figures of a half-year: for each minijob in the private household the pay per month, RV-Pflicht
or Befreiung, whether the Minijob-Zentrale collects the 2 % tax, the levies it computes, and the direct debit it takes
on 31 July (January–June) or 31 January (July–December, § 23 Abs. 2a SGB IV).

The Minijob-Zentrale computes the levies itself from the pay reported on the Haushaltsscheck; the program shows the
same figures from the finalised payroll so that the employer knows what will be debited (KV 5 %, RV 5 % plus the
assistant's RV share where she did not opt out, U1, U2, Unfallversicherung, 2 % tax: § 249b SGB V, § 172 Abs. 3a,
§ 168 Abs. 1 Nr. 1c SGB VI, § 7 AAG, § 185 Abs. 4 SGB VII, § 40a Abs. 2 EStG).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL
from core.domain.kalender import MONATE
from core.fehler import EingabeFehler
from core.meldungen.fristen import haushaltsscheck_lastschrift
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.assistenzkraefte import lade_assistenzkraft

#: (field of Monatsergebnis, German text) in the order of the Minijob-Zentrale's Abgabenaufstellung.
ABGABEN: tuple[tuple[str, str], ...] = (
    ("kv_ag", "Krankenversicherung (5 %)"),
    ("rv_ag", "Rentenversicherung Arbeitgeberin (5 %)"),
    ("rv_an", "Rentenversicherung Anteil der Assistenzkraft"),
    ("umlage_u1", "Umlage U1"),
    ("umlage_u2", "Umlage U2"),
    ("unfallversicherung", "Unfallversicherung"),
    ("pauschsteuer", "Einheitliche Pauschsteuer (2 %)"),
)


def abgaben(e: Monatsergebnis) -> dict[str, Decimal]:
    return {feld: getattr(e, feld) for feld, _t in ABGABEN}


@dataclass(frozen=True, slots=True)
class Scheckmonat:
    monat: int
    arbeitsentgelt: Decimal
    abgaben: dict[str, Decimal]

    @property
    def summe(self) -> Decimal:
        return sum(self.abgaben.values(), NULL)


@dataclass(frozen=True, slots=True)
class Scheckperson:
    personalnummer: str
    name: str
    versicherungsnummer: str
    geburtsdatum: date | None
    rv_befreit: bool
    pauschsteuer: bool  # the Minijob-Zentrale collects the 2 % tax
    monate: tuple[Scheckmonat, ...]

    @property
    def summe(self) -> Decimal:
        return sum((m.summe for m in self.monate), NULL)

    @property
    def entgelt(self) -> Decimal:
        return sum((m.arbeitsentgelt for m in self.monate), NULL)


@dataclass(frozen=True, slots=True)
class Haushaltsscheck:
    jahr: int
    halbjahr: int
    arbeitgeber: str
    betriebsnummer: str
    personen: tuple[Scheckperson, ...]
    offene_monate: tuple[int, ...]
    lastschrift: date

    @property
    def titel(self) -> str:
        return f"Haushaltsscheck {self.halbjahr}. Halbjahr {self.jahr}"

    @property
    def monate(self) -> range:
        return range(1 + 6 * (self.halbjahr - 1), 7 + 6 * (self.halbjahr - 1))

    @property
    def lastschrift_betrag(self) -> Decimal:
        return sum((p.summe for p in self.personen), NULL)

    def summe(self, feld: str) -> Decimal:
        return sum((m.abgaben.get(feld, NULL) for p in self.personen for m in p.monate), NULL)

    @property
    def offen_text(self) -> str:
        return ", ".join(f"{MONATE[m - 1]} {self.jahr}" for m in self.offene_monate)


def haushaltsscheck(db: Datenbank, jahr: int, monat: int) -> Haushaltsscheck:
    """The half-year containing `monat`, from its finalised months (refuses when none of them is finalised)."""
    halbjahr = 1 if monat <= 6 else 2
    monate = range(1 + 6 * (halbjahr - 1), 7 + 6 * (halbjahr - 1))
    offen: list[int] = []
    je_person: dict[int, list[tuple[int, Monatsergebnis]]] = {}
    for m in monate:
        gespeichert = ablage.lade_monat(db, jahr, m)
        if not gespeichert.abgeschlossen:
            offen.append(m)
            continue
        for g in gespeichert.ergebnisse:
            if g.ergebnis.haushaltsscheck:
                je_person.setdefault(g.assistenzkraft_id, []).append((m, g.ergebnis))
    if len(offen) == len(monate):
        raise EingabeFehler(
            f"Im {halbjahr}. Halbjahr {jahr} ist noch kein Monat abgeschlossen; die Haushaltsscheck-Aufstellung "
            "entsteht aus den abgeschlossenen Monaten. Es wurde keine Datei geschrieben."
        )
    if not je_person:
        raise EingabeFehler(
            f"Im {halbjahr}. Halbjahr {jahr} gibt es keinen Minijob im Haushaltsscheckverfahren. Es wurde keine "
            "Datei geschrieben."
        )
    personen = []
    for kraft_id, monatswerte in je_person.items():
        letztes = monatswerte[-1][1]
        try:
            daten = lade_assistenzkraft(db, kraft_id)
            versicherungsnummer, geburtsdatum = daten.versicherungsnummer, daten.geburtsdatum
        except EingabeFehler:  # erased since: the stored result still counts for the debit
            versicherungsnummer, geburtsdatum = "", None
        personen.append(
            Scheckperson(
                personalnummer=letztes.id,
                name=letztes.name or letztes.id,
                versicherungsnummer=versicherungsnummer,
                geburtsdatum=geburtsdatum,
                rv_befreit=letztes.beitragsgruppe[1:2] == "5",
                pauschsteuer=any(e.pauschsteuer for _m, e in monatswerte),
                monate=tuple(Scheckmonat(m, e.brutto, abgaben(e)) for m, e in monatswerte),
            )
        )
    arbeitgeber = lade_arbeitgeber(db)
    return Haushaltsscheck(
        jahr=jahr,
        halbjahr=halbjahr,
        arbeitgeber=arbeitgeber.name if arbeitgeber is not None and arbeitgeber.name else "Arbeitgeberin",
        betriebsnummer=arbeitgeber.betriebsnummer if arbeitgeber is not None else "",
        personen=tuple(sorted(personen, key=lambda p: p.personalnummer)),
        offene_monate=tuple(offen),
        lastschrift=haushaltsscheck_lastschrift(jahr, halbjahr),
    )
