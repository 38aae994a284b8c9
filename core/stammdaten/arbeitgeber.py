"""The employer (household business): first-start set-up and later edits.

GUI: `lade_arbeitgeber(db)` → `ArbeitgeberDaten | None` (None: show the first-start assistant);
`pruefe_arbeitgeber(daten)` → {feld: Meldung} while typing; `speichere_arbeitgeber(db, daten)` saves in one
transaction or raises `FeldFehler` (`.fehler` = the same dict). The Unfallkasse box is filled from
`core.stammdaten.unfallkassen.liste_unfallkassen(db, daten.bundesland)`; `vorgeschlagene_unfallkasse(db, land)`
gives the preselection. Field names of the dict are the dataclass field names.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.domain.kalender import BUNDESLAENDER, landeskuerzel
from core.domain.kennungen import (
    kompakt,
    pruefe_betriebsnummer,
    pruefe_bic,
    pruefe_iban,
    pruefe_steuernummer,
)
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Arbeitgeber
from core.stammdaten._abbildung import aus_modell, melde, merke, nach_modell, pflicht
from core.stammdaten.repository import einheit


@dataclass(slots=True)
class ArbeitgeberDaten:
    nachname: str = ""
    vorname: str = ""
    strasse: str = ""
    plz: str = ""
    ort: str = ""
    telefon: str = ""
    email: str = ""
    bundesland: str = ""
    katholische_gemeinde: bool = False
    privathaushalt: bool = True
    betriebsnummer: str = ""
    steuernummer: str = ""
    finanzamt: str = ""
    unfallversicherungstraeger_id: int | None = None
    uv_mitgliedsnummer: str = ""
    kontoinhaber: str = ""
    bank: str = ""
    iban: str = ""
    bic: str = ""
    unfallversicherung_prozent: Decimal = Decimal(0)  # UV in % of gross outside the Haushaltsscheck
    id: int | None = None

    @property
    def name(self) -> str:
        return " ".join(t for t in (self.vorname, self.nachname) if t)


FELDNAMEN: dict[str, str] = {
    "nachname": "Name",
    "vorname": "Vorname",
    "strasse": "Straße und Hausnummer",
    "plz": "PLZ",
    "ort": "Ort",
    "telefon": "Telefon",
    "email": "E-Mail",
    "bundesland": "Bundesland",
    "katholische_gemeinde": "überwiegend katholische Gemeinde (Feiertage)",
    "privathaushalt": "Privathaushalt",
    "betriebsnummer": "Betriebsnummer",
    "steuernummer": "Steuernummer",
    "finanzamt": "Finanzamt",
    "unfallversicherungstraeger_id": "Unfallversicherungsträger",
    "uv_mitgliedsnummer": "Mitgliedsnummer bei der Unfallkasse",
    "kontoinhaber": "Kontoinhaber/in",
    "bank": "Bank",
    "iban": "IBAN",
    "bic": "BIC",
}


def pruefe_arbeitgeber(daten: ArbeitgeberDaten) -> dict[str, str]:
    """All field errors at once; empty fields for Betriebsnummer, Steuernummer and IBAN are allowed (checklist)."""
    fehler: dict[str, str] = {}
    pflicht(fehler, "nachname", daten.nachname, "Ihren Namen")
    if daten.bundesland not in BUNDESLAENDER:
        fehler["bundesland"] = "Bitte wählen Sie Ihr Bundesland (es bestimmt Feiertage und Kirchensteuersatz)."
    if daten.plz.strip() and not (daten.plz.strip().isdigit() and len(daten.plz.strip()) == 5):
        fehler["plz"] = "Die Postleitzahl hat 5 Ziffern."
    if daten.betriebsnummer.strip():
        merke(fehler, "betriebsnummer", pruefe_betriebsnummer(daten.betriebsnummer))
    if daten.steuernummer.strip():
        land = daten.bundesland if daten.bundesland in BUNDESLAENDER else None
        merke(fehler, "steuernummer", pruefe_steuernummer(daten.steuernummer, land))
    if daten.iban.strip():
        merke(fehler, "iban", pruefe_iban(daten.iban))
    merke(fehler, "bic", pruefe_bic(daten.bic))
    if daten.email.strip() and "@" not in daten.email:
        fehler["email"] = "Die E-Mail-Adresse braucht ein @."
    return fehler


def lade_arbeitgeber(db: Datenbank) -> ArbeitgeberDaten | None:
    with einheit(db) as e:
        zeile = e.arbeitgeber.erster()
        return aus_modell(ArbeitgeberDaten, zeile) if zeile is not None else None


def ist_eingerichtet(db: Datenbank) -> bool:
    """False before the first-start assistant has saved the employer."""
    return lade_arbeitgeber(db) is not None


def speichere_arbeitgeber(db: Datenbank, daten: ArbeitgeberDaten) -> ArbeitgeberDaten:
    """Validate, then write in one transaction; there is only ever one employer per file."""
    fehler = pruefe_arbeitgeber(daten)
    with einheit(db) as e:
        if daten.unfallversicherungstraeger_id is not None and (
            e.unfallkassen.zeile(daten.unfallversicherungstraeger_id) is None
        ):
            fehler["unfallversicherungstraeger_id"] = "Diesen Unfallversicherungsträger gibt es nicht (mehr)."
        melde(fehler)
        zeile = e.arbeitgeber.erster()
        if zeile is None:
            zeile = Arbeitgeber()
            e.arbeitgeber.fuege_hinzu(zeile)
        nach_modell(daten, zeile)
        zeile.betriebsnummer = kompakt(daten.betriebsnummer)
        zeile.iban = kompakt(daten.iban)
        zeile.bic = kompakt(daten.bic)
        zeile.steuernummer = daten.steuernummer.strip()
        e.flush()
        return aus_modell(ArbeitgeberDaten, zeile)


def vorgeschlagene_unfallkasse(db: Datenbank, bundesland: str) -> int | None:
    """The id of the Land's Unfallkasse when there is exactly one (Niedersachsen/Bayern have several)."""
    land = landeskuerzel(bundesland)
    with einheit(db) as e:
        ids = e.unfallkassen.ids_im_land(land)
    return ids[0] if len(ids) == 1 else None
