"""The Verwendungsnachweis of a period (CONTRACTS §10/§6): how the approved money was used, as the Kostenträger asks.

Data only; `core.io.verwendungsnachweis` writes it as PDF and Excel. The figures are the budget's (`core.budget.dienst`
without forecast: only finalised months count), the payslips come from `core.abrechnung.ablage`, the refunds from
the claims lane. What the document shows follows the Bewilligungen' Zielvereinbarung switches (`NACHWEISTEILE`); a
caller may override them. Months of the period that are not finalised are named and counted nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from core.abrechnung import ablage
from core.budget.bewilligung import NACHWEISTEILE, Monat, Posten, monate, monatstext
from core.budget.bewilligungen import posten as alle_posten
from core.budget.dienst import SPAETESTENS, budgetstand, erhaltene_erstattungen
from core.budget.stand import ABGESCHLOSSEN, ENTWURF, Bewilligungsstand, Erstattung, NichtZugeordnet
from core.domain.geld import NULL
from core.domain.hinweis import Hinweis
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Vertrag
from core.regeln.klassifikation import BEZEICHNUNG
from core.stammdaten.arbeitgeber import lade_arbeitgeber


@dataclass(frozen=True, slots=True)
class Beleg:
    """One payslip (Entgeltbescheinigung) of the period."""

    monat: Monat
    name: str
    personalnummer: str
    version: int
    stunden: Decimal
    brutto: Decimal
    arbeitgeberkosten: Decimal


@dataclass(frozen=True, slots=True)
class Beschaeftigte:
    """A person employed in the period: contract periods (Eintritt–Austritt) and SV status from her payslips."""

    name: str
    personalnummer: str
    vertraege: tuple[tuple[date, date | None], ...]
    sv_status: tuple[str, ...]  # e.g. "Minijob (…) – Beitragsgruppe 6100, Personengruppe 109"


@dataclass(frozen=True, slots=True)
class Verwendungsnachweis:
    von: Monat
    bis: Monat
    arbeitgeber: str
    bewilligungen: tuple[Bewilligungsstand, ...]
    teile: frozenset[str]
    belege: tuple[Beleg, ...]
    personen: tuple[Beschaeftigte, ...]
    posten: tuple[tuple[str, Posten], ...]  # (Bewilligung, cost or income)
    erstattungen: tuple[tuple[str, Erstattung], ...]  # (assistant, refund)
    nicht_zugeordnet: tuple[NichtZugeordnet, ...]
    offene_monate: tuple[Monat, ...]
    hinweise: tuple[Hinweis, ...]

    @property
    def titel(self) -> str:
        return f"Verwendungsnachweis {monatstext(self.von)} bis {monatstext(self.bis)}"

    def zeigt(self, teil: str) -> bool:
        return teil in self.teile

    @property
    def summe_belege(self) -> Decimal:
        """The payslips' employer costs: what was charged to the Bewilligungen plus what is listed unassigned."""
        return sum((b.arbeitgeberkosten for b in self.belege), NULL)


def verwendungsnachweis(
    db: Datenbank,
    von: Monat,
    bis: Monat,
    *,
    bewilligung_id: int | None = None,
    teile: frozenset[str] | None = None,
) -> Verwendungsnachweis:
    """The Verwendungsnachweis from `von` to `bis` for every Bewilligung running then (or the one named).
    `teile`: the sections to show; None: what the Bewilligungen' Zielvereinbarungen ask for (union)."""
    if bis < von:
        raise EingabeFehler(
            f"Das Ende ({monatstext(bis)}) liegt vor dem Beginn ({monatstext(von)}). Bitte den Zeitraum berichtigen."
        )
    stand = budgetstand(db, bis[0], mit_prognose=False, zeitraum=(von, bis))
    staende = tuple(s for s in stand.bewilligungen if bewilligung_id is None or s.bewilligung.id == bewilligung_id)
    if not staende:
        raise EingabeFehler(
            f"Von {monatstext(von)} bis {monatstext(bis)} läuft keine Bewilligung"
            + (" mit dieser Auswahl" if bewilligung_id is not None else "")
            + ". Bitte zuerst unter Budget › Bewilligungen eine erfassen oder den Zeitraum ändern."
        )
    if teile is None:
        teile = frozenset(t for t in NACHWEISTEILE if any(s.bewilligung.zeigt(t) for s in staende))
    zeitraum = monate(von, bis)
    fertig = [m for m in zeitraum if stand.monate.get(m) == ABGESCHLOSSEN]
    offen = tuple(
        m for m in zeitraum if stand.monate.get(m) == ENTWURF and any(s.bewilligung.deckt(m) for s in staende)
    )
    belege: list[Beleg] = []
    personen: dict[int, tuple[str, str, set[str]]] = {}
    for jahr in sorted({m[0] for m in fertig}):
        for g in ablage.lade_jahr(db, jahr):
            if (g.jahr, g.monat) not in fertig:
                continue
            e = g.ergebnis
            belege.append(
                Beleg((g.jahr, g.monat), e.name, g.personalnummer, g.version, e.stunden, e.brutto, e.arbeitgeberkosten)
            )
            status = (
                f"{BEZEICHNUNG[e.beschaeftigung]} – Beitragsgruppe {e.beitragsgruppe}, Personengruppe "
                f"{e.personengruppe}"
            )
            personen.setdefault(g.assistenzkraft_id, (e.name, g.personalnummer, set()))[2].add(status)
    with db.arbeitseinheit() as sitzung:
        vertraege: dict[int, set[tuple[date, date | None]]] = {}
        for v in sitzung.scalars(select(Vertrag).where(Vertrag.assistenzkraft_id.in_(list(personen)))):
            vertraege.setdefault(v.assistenzkraft_id, set()).add((v.eintritt, v.austritt))
    beschaeftigte = tuple(
        sorted(
            (
                Beschaeftigte(
                    name, nummer, tuple(sorted(vertraege.get(pid, set()), key=lambda z: z[0])), tuple(sorted(st))
                )
                for pid, (name, nummer, st) in personen.items()
            ),
            key=lambda p: (p.name.casefold(), p.personalnummer),
        )
    )
    ids = {s.bewilligung.id: s.bewilligung.name for s in staende}
    posten = tuple(
        (ids[p.bewilligung_id], p)
        for p in alle_posten(db)
        if p.bewilligung_id in ids and von <= (p.datum.year, p.datum.month) <= bis
    )
    namen = {pid: name for pid, (name, _n, _s) in personen.items()}
    erstattungen = tuple(
        (namen.get(e.assistenzkraft_id, f"Assistenzkraft {e.assistenzkraft_id}"), e)
        for e in erhaltene_erstattungen(db, date(*von, 1), SPAETESTENS)
        if von <= (e.zeitraum_von.year, e.zeitraum_von.month) <= bis
    )
    ag = lade_arbeitgeber(db)
    return Verwendungsnachweis(
        von=von,
        bis=bis,
        arbeitgeber=f"{ag.vorname} {ag.nachname}".strip() if ag is not None else "",
        bewilligungen=staende,
        teile=teile,
        belege=tuple(belege),
        personen=beschaeftigte,
        posten=posten,
        erstattungen=erstattungen,
        nicht_zugeordnet=stand.nicht_zugeordnet,
        offene_monate=offen,
        hinweise=tuple(h for h in stand.alle_hinweise if h.code != "MONAT_NICHT_ABGESCHLOSSEN"),
    )
