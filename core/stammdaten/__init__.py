"""Master-data services (employer, Kassen, Unfallkassen, assistants, contracts, checklist, DSGVO) over dataclasses.

Each service module (`arbeitgeber`, `assistenzkraefte`, `vertraege`, `krankenkassen`, `unfallkassen`,
`checkliste`, `dsgvo`) opens one unit of work per user action (`repository.einheit(db)`) and asks the repository of
its aggregate (`e.assistenzkraefte.mit_id(…)`, `e.vertraege.gueltig_am(…)`, `e.krankenkassen.jahr(…)`) instead of
writing select()s; `_abbildung` maps form dataclasses to rows field by field; `start` opens and seeds a file.
"""
