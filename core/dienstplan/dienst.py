"""Roster services for the GUI and the CLI, in one namespace: `from core.dienstplan import dienst; dienst.plane(...)`.

Every service is one unit of work (`core.dienstplan.repository.einheit`) per user action; everything is validated
before anything is written; every change comes back as an `Aenderung` whose `umkehrung()` undoes it. Plain
dataclasses in and out (no ORM row leaves the package). Bad input raises `EingabeFehler` (one German message,
nothing saved); business conditions (rest time, Mindestlohn, uncovered need …) come back as `Pruefhinweis` in
`Monatsplan.hinweise`.

Where things live (this module only re-exports them; new code may import the module it needs directly):
- `repository`  — every query: one repository per aggregate (`Schichten`, `Abwesenheiten`, `Vorlagen`,
  `Musterliste`, `Bedarfsprofile`, `Leistungsarten`, `Einstellungen`, `Urlaubsuebertraege`, and the read-only
  `Stammdatenblick` on assistants, employer and contract periods) and the unit of work `einheit(db)`.
  Payroll and reports read shifts, absences and contracts through it:
  `with einheit(db) as e: e.schichten.im_zeitraum(von, bis); e.stammdaten.vertragsdaten(jahr)`.
- `aenderung`   — the undo model: `Aenderung`, `anwenden(db, a)` (undo: `anwenden(db, a.umkehrung())`), and
  `wende_an(einheit, a)` that validates and writes inside a caller's unit of work.
- `planung`     — changes: `plane`, `plane_vorlage`, `aendere`, `verschiebe`, `verschiebe_um_tage`, `weise_zu`,
  `vertrete`, `tausche`, `loesche`, `erfasse_istzeit`, `kopiere_woche`, `kopiere_monat`, `wende_muster_an`,
  `trage_abwesenheit_ein` (with Vertretungen in the same step), `aendere_abwesenheit`, `loesche_abwesenheit`;
  reads for them: `schichten_von`, `vertretungsvorschlaege`.
- `monat`       — the month view: `monat_oeffnen(db, jahr, monat) -> Monatsplan`.
- `konten`      — `stundenzettel_fuer`, `urlaubsuebersicht`, `setze_urlaubsuebertrag`.
- `kataloge`    — Leistungsarten, templates, patterns, need profiles: `liste_*`, `speichere_*`, `loesche_*`,
  `bedarfsprofil_am`.
- `einstellungen` — working-time rules: `Dienstplaneinstellungen`, `lade_einstellungen`, `speichere_einstellungen`.
- `vorgaben`    — seeding Leistungsarten and standard templates once per file: `lege_vorgaben_an`.
- `abbildung`   — rows ↔ dataclasses (used by the repositories only).
"""

from __future__ import annotations

from core.dienstplan.abbildung import Person
from core.dienstplan.aenderung import Aenderung, anwenden
from core.dienstplan.einstellungen import Dienstplaneinstellungen, lade_einstellungen, speichere_einstellungen
from core.dienstplan.kataloge import (
    Leistungsart,
    bedarfsprofil_am,
    liste_leistungsarten,
    liste_muster,
    liste_vorlagen,
    loesche_muster,
    loesche_vorlage,
    speichere_bedarfsprofil,
    speichere_leistungsart,
    speichere_muster,
    speichere_vorlage,
)
from core.dienstplan.konten import Urlaubsuebersicht, setze_urlaubsuebertrag, stundenzettel_fuer, urlaubsuebersicht
from core.dienstplan.monat import Monatsplan, monat_oeffnen
from core.dienstplan.planung import (
    aendere,
    aendere_abwesenheit,
    erfasse_istzeit,
    kopiere_monat,
    kopiere_woche,
    loesche,
    loesche_abwesenheit,
    plane,
    plane_vorlage,
    schichten_von,
    tausche,
    trage_abwesenheit_ein,
    verschiebe,
    verschiebe_um_tage,
    vertrete,
    vertretungsvorschlaege,
    weise_zu,
    wende_muster_an,
)
from core.dienstplan.vorgaben import lege_vorgaben_an

__all__ = [
    "Aenderung",
    "Dienstplaneinstellungen",
    "Leistungsart",
    "Monatsplan",
    "Person",
    "Urlaubsuebersicht",
    "aendere",
    "aendere_abwesenheit",
    "anwenden",
    "bedarfsprofil_am",
    "erfasse_istzeit",
    "kopiere_monat",
    "kopiere_woche",
    "lade_einstellungen",
    "lege_vorgaben_an",
    "liste_leistungsarten",
    "liste_muster",
    "liste_vorlagen",
    "loesche",
    "loesche_abwesenheit",
    "loesche_muster",
    "loesche_vorlage",
    "monat_oeffnen",
    "plane",
    "plane_vorlage",
    "schichten_von",
    "setze_urlaubsuebertrag",
    "speichere_bedarfsprofil",
    "speichere_einstellungen",
    "speichere_leistungsart",
    "speichere_muster",
    "speichere_vorlage",
    "stundenzettel_fuer",
    "tausche",
    "trage_abwesenheit_ein",
    "urlaubsuebersicht",
    "verschiebe",
    "verschiebe_um_tage",
    "vertrete",
    "vertretungsvorschlaege",
    "weise_zu",
    "wende_muster_an",
]
