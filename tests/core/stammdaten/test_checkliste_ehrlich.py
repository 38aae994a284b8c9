"""The checklist never ticks a step she has not taken (issue 13, finding 6).

Before: "Steuerberater beauftragt oder ein Lohnprogramm gefunden?" was ticked on every file ("Sie nutzen
Assistenzbüro für die Lohnabrechnung") while no payroll existed, and "bei der zuständigen Unfallkasse angemeldet?"
was ticked because the Unfallkasse of her Land is preselected. Seed 004, 2.7.1 asks whether she did these things;
registration with the Unfallkasse yields a membership number (Mitgliedsnummer), which is the fact we can see.
"""

from __future__ import annotations

from datetime import date

from core.persistence.datenbank import Datenbank
from core.stammdaten import arbeitgeber, checkliste

STICHTAG = date(2026, 3, 1)


def _erledigt(db: Datenbank) -> set[str]:
    return {p.schluessel for p in checkliste.checkliste(db, STICHTAG) if p.erledigt}


def test_leere_datei_hat_nichts_erledigt(db: Datenbank) -> None:
    """Every derived item is asked on a file without data: none may answer "done" by itself."""
    assert _erledigt(db) == set()


def test_vorbelegungen_haken_nichts_ab(db: Datenbank) -> None:
    """What the set-up wizard fills in by itself (the Unfallkasse of her Land) is no step she took."""
    ag = arbeitgeber.ArbeitgeberDaten(nachname="Beispiel", bundesland="BW")
    ag.unfallversicherungstraeger_id = arbeitgeber.vorgeschlagene_unfallkasse(db, "BW")
    arbeitgeber.speichere_arbeitgeber(db, ag)
    assert _erledigt(db) == set()
    punkt = next(p for p in checkliste.checkliste(db, STICHTAG) if p.schluessel == "unfallversicherung")
    assert "Mitgliedsnummer" in punkt.erlaeuterung  # says what makes it done


def test_anmeldung_bei_der_unfallkasse_an_der_mitgliedsnummer(db: Datenbank) -> None:
    ag = arbeitgeber.ArbeitgeberDaten(nachname="Beispiel", bundesland="BW", uv_mitgliedsnummer="123456789")
    ag.unfallversicherungstraeger_id = arbeitgeber.vorgeschlagene_unfallkasse(db, "BW")
    arbeitgeber.speichere_arbeitgeber(db, ag)
    assert _erledigt(db) == {"unfallversicherung"}


def test_lohnprogramm_hakt_sie_selbst_ab(db: Datenbank) -> None:
    punkt = next(p for p in checkliste.checkliste(db, STICHTAG) if p.schluessel == "lohnprogramm")
    assert not punkt.erledigt and not punkt.automatisch
    checkliste.hake_ab(db, "lohnprogramm", am=date(2026, 2, 1))
    assert "lohnprogramm" in _erledigt(db)
