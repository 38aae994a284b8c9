"""Which employment class the payroll determined for a contract left on "automatisch bestimmen" — read, not computed.

A contract version may leave the class to the program (Minijob, Übergangsbereich, … follow from the pay). Lists
showed the choice ("automatisch bestimmen") instead of the result. The result is in the payroll: the finalised
months (`ablage.lade_jahr`) and, while none is finalised, the draft of the next open month (`lauf.zeilen`). Nothing
is classified a second time here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.abrechnung import ablage
from core.fehler import AssistenzbueroFehler
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart


@dataclass(frozen=True, slots=True)
class Einordnung:
    art: Beschaeftigungsart
    jahr: int
    monat: int
    entwurf: bool  # from the draft of an open month (may still change), not from a finalised one


def _monatsende(jahr: int, monat: int) -> date:
    return date(jahr + monat // 12, monat % 12 + 1, 1)


def bestimmte_einordnungen(
    db: Datenbank, assistenzkraft_id: int, zeitraeume: list[tuple[date, date | None]], *, heute: date
) -> list[Einordnung | None]:
    """For each period [von, bis) of her contract versions: the class of the latest payroll month in it (a month
    belongs to the version valid on its last day), finalised months first, else the draft of the next open month;
    None where the payroll has no result yet (no month, or the draft cannot be computed — the Abrechnung says why).
    """
    if not zeitraeume:
        return []
    ergebnis: list[Einordnung | None] = [None] * len(zeitraeume)

    def zeitraum_von(jahr: int, monat: int) -> int | None:
        letzter = _monatsende(jahr, monat)  # first day after the month
        for i, (von, bis) in enumerate(zeitraeume):
            if von < letzter and (bis is None or letzter <= bis):
                return i
        return None

    erstes = min(von for von, _bis in zeitraeume).year
    for jahr in range(erstes, heute.year + 1):
        for g in ablage.lade_jahr(db, jahr, assistenzkraft_id):
            i = zeitraum_von(g.jahr, g.monat)
            if i is not None:
                ergebnis[i] = Einordnung(g.ergebnis.beschaeftigung, g.jahr, g.monat, entwurf=False)
    if all(e is not None for e in ergebnis):
        return ergebnis
    from core.abrechnung import lauf  # the draft only when a version has no finalised month

    try:
        jahr, monat = lauf.naechster_offener_monat(db)
        i = zeitraum_von(jahr, monat)
        if i is None or ergebnis[i] is not None:
            return ergebnis
        for zeile in lauf.zeilen(db, jahr, monat, korrekturen=False):
            if zeile.assistenzkraft_id == assistenzkraft_id:
                if zeile.ergebnis is not None:
                    ergebnis[i] = Einordnung(zeile.ergebnis.beschaeftigung, jahr, monat, entwurf=True)
                break
    except AssistenzbueroFehler:  # e.g. before the Abrechnungsbeginn: no draft, the list says "noch offen"
        pass
    return ergebnis


def zuletzt_bestimmt(db: Datenbank, *, heute: date) -> dict[int, Einordnung]:
    """Per assistant: the class of her latest finalised month of this or last year (for the list of assistants;
    no draft is computed for a list)."""
    gefunden: dict[int, Einordnung] = {}
    for jahr in (heute.year - 1, heute.year):
        for g in ablage.lade_jahr(db, jahr):  # month by month: a later month replaces an earlier one
            gefunden[g.assistenzkraft_id] = Einordnung(g.ergebnis.beschaeftigung, g.jahr, g.monat, entwurf=False)
    return gefunden
