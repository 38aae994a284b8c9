"""Master-data services (employer, Kassen, Unfallkassen, assistants, contracts, checklist, DSGVO) over dataclasses."""
