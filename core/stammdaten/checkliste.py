"""The employer's checklist before the first payroll (seed 004, 2.7.1): derived from the data where possible.

GUI: `checkliste(db)` → `ChecklistenPunkt` rows in order (`erledigt`, `automatisch` = derived from the data,
`erlaeuterung` says why/what is missing); `hake_ab(db, schluessel, erledigt=True)` stores a manual tick.
A derived item is done when the data show it; a manual tick also marks any item done.

Honest ticks (issue 13): a derived item may tick itself only on a fact that proves the step was taken, never on a
default or on the mere use of this program. "Lohnprogramm gefunden" was always ticked ("Sie nutzen Assistenzbüro")
while no payroll existed, and "bei der Unfallkasse angemeldet" ticked as soon as the Unfallkasse of her Land was
preselected; registration shows in the membership number the Unfallkasse gives, so that is what counts now, and the
Lohnprogramm is hers to tick. `tests/core/stammdaten/test_checkliste_ehrlich.py` checks that on an empty household
and on one built from defaults only nothing ticks itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.stammdaten.repository import Stammdateneinheit, einheit


@dataclass(frozen=True, slots=True)
class ChecklistenPunkt:
    schluessel: str
    nummer: int
    text: str
    erledigt: bool
    automatisch: bool  # derived from the data (not only a manual tick)
    erlaeuterung: str
    erledigt_am: date | None = None
    notiz: str = ""


Ableitung = Callable[[Stammdateneinheit, date], tuple[bool, str]]


def _betriebsnummer(e: Stammdateneinheit, _tag: date) -> tuple[bool, str]:
    ag = e.arbeitgeber.erster()
    if ag is not None and ag.betriebsnummer:
        return True, f"Betriebsnummer {ag.betriebsnummer} ist eingetragen."
    return False, "Noch keine Betriebsnummer eingetragen (Arbeitgeberdaten)."


def _steuernummer(e: Stammdateneinheit, _tag: date) -> tuple[bool, str]:
    ag = e.arbeitgeber.erster()
    if ag is not None and ag.steuernummer:
        return True, f"Steuernummer {ag.steuernummer} ist eingetragen."
    return False, "Noch keine Steuernummer eingetragen (Arbeitgeberdaten)."


def _vertrag(e: Stammdateneinheit, _tag: date) -> tuple[bool, str]:
    anzahl = e.vertraege.anzahl_assistenzkraefte()
    if anzahl:
        return True, f"Arbeitsverträge für {anzahl} Assistenzkraft/-kräfte erfasst."
    return False, "Noch kein Arbeitsvertrag erfasst."


def _unfallversicherung(e: Stammdateneinheit, _tag: date) -> tuple[bool, str]:
    ag = e.arbeitgeber.erster()
    if ag is None or ag.unfallversicherungstraeger is None:
        return False, "Noch kein Unfallversicherungsträger eingetragen (Arbeitgeberdaten)."
    name = ag.unfallversicherungstraeger.name
    if ag.uv_mitgliedsnummer.strip():
        return True, f"Bei {name} angemeldet, Mitgliedsnummer {ag.uv_mitgliedsnummer.strip()}."
    return False, (
        f"Zuständig ist {name}. Nach der Anmeldung erhalten Sie eine Mitgliedsnummer; "
        "tragen Sie sie in den Arbeitgeberdaten ein, dann ist dieser Punkt erledigt."
    )


def _stammdaten(e: Stammdateneinheit, _tag: date) -> tuple[bool, str]:
    ag = e.arbeitgeber.erster()
    kraefte = e.assistenzkraefte.anzahl()
    if ag is None:
        return False, "Die Arbeitgeberdaten fehlen noch."
    if not kraefte:
        return False, "Arbeitgeberdaten sind erfasst; es fehlen noch Assistenzkräfte."
    return True, f"Arbeitgeberdaten und {kraefte} Assistenzkraft/-kräfte erfasst."


def _umlagestufen(e: Stammdateneinheit, tag: date) -> tuple[bool, str]:
    kassen = e.krankenkassen.der_beschaeftigten()
    if not kassen:
        return False, "Noch keine Assistenzkraft mit Krankenkasse erfasst."
    offen = [k.name for k in kassen if not e.krankenkassen.u1_gewaehlt(k.id, tag.year)]
    if offen:
        return False, f"U1-Stufe für {tag.year} noch nicht gewählt bei: {', '.join(sorted(offen))}."
    return True, f"U1-Stufe für {tag.year} bei allen {len(kassen)} Krankenkassen gewählt."


# seed 004, 2.7.1 "Checkliste vor der ersten Lohnabrechnung" (wording adapted to today's procedures).
ERSTE_ABRECHNUNG: tuple[tuple[str, str, Ableitung | None], ...] = (
    ("kostenuebernahme", "Kostenübernahme durch einen oder mehrere Leistungsträger gesichert?", None),
    ("betriebsnummer", "Betriebsnummer bei der Bundesagentur für Arbeit beantragt und erhalten?", _betriebsnummer),
    ("steuernummer", "Steuernummer vorhanden oder beim Finanzamt beantragt?", _steuernummer),
    ("finanzamt_anmeldung", "Betrieb im Privathaushalt (kein Gewerbe) beim Finanzamt angemeldet?", None),
    ("arbeitsvertrag", "Assistentinnen gesucht, gefunden und Arbeitsvertrag erstellt?", _vertrag),
    (
        "unfallversicherung",
        "Voll- und Teilzeitbeschäftigte bei der zuständigen Unfallkasse angemeldet?",
        _unfallversicherung,
    ),
    ("lohnprogramm", "Steuerberater beauftragt oder ein Lohnprogramm gefunden?", None),
    ("stammdaten", "Stammdaten erstellt (Arbeitgeber, Assistentinnen, Lohnarten)?", _stammdaten),
    ("umlagestufen", "Umlagestufen und Erstattungssätze bei den Krankenkassen gewählt?", _umlagestufen),
    ("einzug_kassen", "Den Krankenkassen Lastschriftmandate (Bankeinzug) erteilt?", None),
    ("einzug_finanzamt", "Dem Finanzamt ein Lastschriftmandat (Bankeinzug) erteilt?", None),
    ("prognose", "Vor dem Fälligkeitstermin die voraussichtliche Höhe der Beiträge ermittelt?", None),
    (
        "nach_monatsende",
        "Nach dem Monatsende: Lohnabrechnung erstellt, Lohn überwiesen, Verdienstabrechnungen übergeben?",
        None,
    ),
)
_SCHLUESSEL = {s for s, _t, _a in ERSTE_ABRECHNUNG}


def checkliste(db: Datenbank, stichtag: date | None = None) -> list[ChecklistenPunkt]:
    tag = stichtag or date.today()
    with einheit(db) as e:
        haken = e.checkliste.haken()
        punkte: list[ChecklistenPunkt] = []
        for nummer, (schluessel, text, ableitung) in enumerate(ERSTE_ABRECHNUNG, start=1):
            haken_zeile = haken.get(schluessel)
            erledigt_am = haken_zeile.erledigt_am if haken_zeile else None
            abgeleitet, erlaeuterung = ableitung(e, tag) if ableitung is not None else (False, "")
            if erledigt_am is not None:
                erlaeuterung = f"{erlaeuterung} Von Ihnen abgehakt am {erledigt_am:%d.%m.%Y}.".lstrip()
            punkte.append(
                ChecklistenPunkt(
                    schluessel=schluessel,
                    nummer=nummer,
                    text=text,
                    erledigt=abgeleitet or erledigt_am is not None,
                    automatisch=ableitung is not None,
                    erlaeuterung=erlaeuterung or "Bitte abhaken, wenn erledigt.",
                    erledigt_am=erledigt_am,
                    notiz=haken_zeile.notiz if haken_zeile else "",
                )
            )
    return punkte


def hake_ab(db: Datenbank, schluessel: str, *, erledigt: bool = True, am: date | None = None, notiz: str = "") -> None:
    if schluessel not in _SCHLUESSEL:
        raise EingabeFehler(f"Unbekannter Punkt der Checkliste: {schluessel}.")
    with einheit(db) as e:
        zeile = e.checkliste.haken_fuer(schluessel)
        zeile.erledigt_am = (am or date.today()) if erledigt else None
        zeile.notiz = notiz
