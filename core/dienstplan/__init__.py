"""The roster: domain types and pure checks, services over repositories, one unit of work per user action.

Module map (the services' entry point is `dienst`, which re-exports them):
- domain and pure rules: `schicht`, `abwesenheit`, `vorlagen`, `muster`, `bedarf`, `vertrag`, `arbeitszeit`,
  `pruefungen`, `raster`, `kopieren`, `urlaub`, `stundenzettel`, `lohnzeiten` (shifts → pay periods), `tage`.
- persistence: `modelle` (tables), `abbildung` (rows ↔ dataclasses), `repository` (every query, one repository per
  aggregate, and the unit of work `einheit(db)`; `Stammdatenblick` reads assistants, employer, contract periods).
- services: `aenderung` (undo model, validation), `planung` (changes), `monat` (month view), `konten`
  (timesheets, leave), `kataloge` (templates, patterns, need, Leistungsarten), `einstellungen`, `vorgaben`
  (seeding), `probelauf` (dry runs).
Payroll and reports read the roster through `repository.einheit(db)` (`e.schichten.im_zeitraum(...)`,
`e.abwesenheiten.im_zeitraum(...)`, `e.stammdaten.vertragsdaten(jahr)`), never with their own select().
"""
