"""The Unfallkasse's year figures: per assistant outside the Haushaltsscheck the period, hours and Arbeitsentgelt of
the year, and the contribution the payroll set aside (seed 004, 2.3: the kommunale Unfallversicherungsträger insure
household assistants; minijobs in the Haushaltsscheck are insured through the Minijob-Zentrale and not listed).

Unfallkassen ask differently (a flat amount per full-time employee, or a percentage of pay, § 185 SGB VII and their
Satzung): the sheet gives hours and pay so that either can be filled in; the contribution shown is the one the
program computed with the employer's percentage, the Unfallkasse's own notice decides. Figures are the stored year
totals of the last finalised month of the year (`Jahreswerte`), hours the stored months' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.abrechnung import ablage
from core.domain.geld import NULL
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.unfallkassen import lade_unfallkasse


@dataclass(frozen=True, slots=True)
class UVPerson:
    personalnummer: str
    name: str
    erster_monat: int
    letzter_monat: int
    stunden: Decimal
    arbeitsentgelt: Decimal
    beitrag: Decimal


@dataclass(frozen=True, slots=True)
class UVJahr:
    jahr: int
    arbeitgeber: str
    unfallkasse: str
    mitgliedsnummer: str
    personen: tuple[UVPerson, ...]
    monate: tuple[int, ...]  # the finalised months the figures come from

    def summe(self, feld: str) -> Decimal:
        return sum((getattr(p, feld) for p in self.personen), NULL)


def unfallkasse_jahr(db: Datenbank, jahr: int) -> UVJahr:
    je_person: dict[int, list[ablage.GespeichertesErgebnis]] = {}
    for g in ablage.lade_jahr(db, jahr):
        if not g.ergebnis.haushaltsscheck:
            je_person.setdefault(g.assistenzkraft_id, []).append(g)
    if not je_person:
        raise EingabeFehler(
            f"Für {jahr} gibt es keinen abgeschlossenen Monat mit Assistenzkräften außerhalb des "
            "Haushaltsscheckverfahrens. Es wurde keine Datei geschrieben."
        )
    summen = ablage.jahressummen(db, jahr)  # the months' own shares, a later correction of an earlier one included
    personen = []
    for kraft_id, monate in je_person.items():
        letzte = monate[-1].ergebnis
        jahreswerte = summen[(kraft_id, monate[-1].monat)]
        personen.append(
            UVPerson(
                personalnummer=letzte.id,
                name=letzte.name or letzte.id,
                erster_monat=monate[0].monat,
                letzter_monat=monate[-1].monat,
                stunden=sum((g.ergebnis.stunden + g.ergebnis.bereitschaftsstunden for g in monate), NULL),
                arbeitsentgelt=jahreswerte.brutto,
                beitrag=jahreswerte.unfallversicherung,
            )
        )
    arbeitgeber = lade_arbeitgeber(db)
    kasse = ""
    if arbeitgeber is not None and arbeitgeber.unfallversicherungstraeger_id is not None:
        try:
            kasse = lade_unfallkasse(db, arbeitgeber.unfallversicherungstraeger_id).name
        except EingabeFehler:
            kasse = ""
    return UVJahr(
        jahr=jahr,
        arbeitgeber=arbeitgeber.name if arbeitgeber is not None and arbeitgeber.name else "Arbeitgeberin",
        unfallkasse=kasse,
        mitgliedsnummer=arbeitgeber.uv_mitgliedsnummer if arbeitgeber is not None else "",
        personen=tuple(sorted(personen, key=lambda p: p.personalnummer)),
        monate=tuple(sorted({g.monat for gs in je_person.values() for g in gs})),
    )
