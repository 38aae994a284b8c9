"""The Auskunft's sections (Art. 15 DSGVO) for the roster and payroll tables, registered with core.stammdaten.dsgvo.

One line per table that holds a person's data; a new table goes here (or into a module listed in
`dsgvo.AUSKUNFTSMODULE`), else `tests/core/stammdaten/test_auskunft_vollstaendig.py` fails. Headings are German;
columns not named in `felder` are left out only where they are another person's data or technical.
"""

from __future__ import annotations

from core.stammdaten.dsgvo import registriere_tabellenteil

SCHICHT = {
    "tag": "Tag",
    "beginn": "Beginn",
    "ende": "Ende",
    "arbeitsart": "Art der Arbeit",
    "leistungsart": "Leistungsart",
    "vorlage": "Schicht",
    "abschnitte": "Abschnitte",
    "ist_beginn": "tatsächlicher Beginn",
    "ist_ende": "tatsächliches Ende",
    "ist_notiz": "Notiz zur tatsächlichen Zeit",
    "notiz": "Notiz",
    "geaendert_am": "zuletzt geändert am",
}

registriere_tabellenteil("Schichten", "schicht", felder=SCHICHT, ordnung=("beginn", "id"))
# Shifts in which she was absent and someone covered: when (who covered is another person's data).
registriere_tabellenteil(
    "Vertretungen (Schichten, in denen sie vertreten wurde)",
    "schicht",
    spalte="vertretung_fuer",
    felder={"tag": "Tag", "beginn": "Beginn", "ende": "Ende", "vorlage": "Schicht"},
    ordnung=("beginn", "id"),
)
registriere_tabellenteil(
    "Abwesenheiten",
    "abwesenheit",
    felder={
        "art": "Art",
        "von": "von",
        "bis": "bis",
        "bescheinigung_am": "Bescheinigung vom",
        "notiz": "Notiz",
        "fortsetzung_von": "Fortsetzung der Abwesenheit Nr.",
        "id": "Nr.",
    },
    ordnung=("von", "id"),
)
registriere_tabellenteil(
    "Urlaubsübertrag", "urlaub_uebertrag", felder={"jahr": "Jahr", "tage": "Tage"}, ordnung=("jahr",)
)
registriere_tabellenteil(
    "Dienstplan-Muster",
    "muster_eintrag",
    felder={"muster_id": "Muster Nr.", "tag": "Tag im Muster", "vorlage_id": "Schicht"},
)
registriere_tabellenteil("Abrechnungsergebnisse", "abrechnungsergebnis", ordnung=("jahr", "monat", "version"))
registriere_tabellenteil("Abrechnungsprotokoll", "abrechnung_protokoll", ordnung=("zeitpunkt", "id"))
registriere_tabellenteil("Vorträge aus früheren Abrechnungen", "abrechnung_vortrag", ordnung=("jahr", "id"))
registriere_tabellenteil("Einmalzahlungen", "einmalzahlung")
registriere_tabellenteil("Sachbezüge", "sachbezug")
registriere_tabellenteil("Vorschüsse", "vorschuss")
registriere_tabellenteil("Erledigte Meldefristen", "frist_erledigt", ordnung=("erledigt_am", "id"))
registriere_tabellenteil("U1/U2-Erstattungsanträge", "erstattungsantrag", ordnung=("zeitraum_von", "id"))
registriere_tabellenteil(
    "Kasse für Umlagen (privat versichert)", "umlagekasse", felder={"krankenkasse_id": "Kasse Nr."}
)
