"""Unfallversicherungsträger (seed 004, 2.3.1.1): list, suggest by Bundesland, edit.

GUI: `liste_unfallkassen(db, bundesland="BW")` fills the employer's choice box (the Land's entries first),
`speichere_unfallkasse(db, daten)` saves an edited or new entry, `pruefe_unfallkasse(daten)` checks while typing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.domain.kalender import BUNDESLAENDER, landeskuerzel
from core.domain.kennungen import kompakt, pruefe_betriebsnummer
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Unfallversicherungstraeger
from core.ressourcen import ressource
from core.stammdaten._abbildung import aus_modell, melde, merke, nach_modell, pflicht
from core.stammdaten.repository import einheit

HINWEIS_VORBELEGT = "Anschrift aus dem ForseA-Handbuch (Stand 2016) – bitte prüfen."


@dataclass(slots=True)
class UnfallkasseDaten:
    name: str = ""
    bundesland: str = ""
    strasse: str = ""
    plz: str = ""
    ort: str = ""
    postanschrift: str = ""
    telefon: str = ""
    telefax: str = ""
    email: str = ""
    betriebsnummer: str = ""
    hinweis: str = ""
    vorbelegt: bool = False
    id: int | None = None

    @property
    def anzeige(self) -> str:
        return f"{self.name} ({BUNDESLAENDER.get(self.bundesland, self.bundesland)})"


def pruefe_unfallkasse(daten: UnfallkasseDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    pflicht(fehler, "name", daten.name, "den Namen des Unfallversicherungsträgers")
    if daten.bundesland not in BUNDESLAENDER:
        fehler["bundesland"] = "Bitte wählen Sie das Bundesland des Unfallversicherungsträgers."
    if daten.betriebsnummer.strip():
        merke(fehler, "betriebsnummer", pruefe_betriebsnummer(daten.betriebsnummer))
    return fehler


def liste_unfallkassen(db: Datenbank, bundesland: str | None = None) -> list[UnfallkasseDaten]:
    """All entries; with `bundesland`, that Land's entries come first (Augsburg counts as BY)."""
    land = landeskuerzel(bundesland) if bundesland is not None else None
    with einheit(db) as e:
        alle = [aus_modell(UnfallkasseDaten, z) for z in e.unfallkassen.alle()]
    return sorted(alle, key=lambda u: (u.bundesland != land, u.bundesland, u.name))


def lade_unfallkasse(db: Datenbank, kassen_id: int) -> UnfallkasseDaten:
    with einheit(db) as e:
        zeile = e.unfallkassen.zeile(kassen_id)
        if zeile is None:
            raise EingabeFehler("Diesen Unfallversicherungsträger gibt es nicht (mehr).")
        return aus_modell(UnfallkasseDaten, zeile)


def speichere_unfallkasse(db: Datenbank, daten: UnfallkasseDaten) -> UnfallkasseDaten:
    melde(pruefe_unfallkasse(daten))
    daten.betriebsnummer = kompakt(daten.betriebsnummer)
    with einheit(db) as e:
        if daten.id is None:
            zeile = Unfallversicherungstraeger()
            e.unfallkassen.fuege_hinzu(zeile)
        else:
            gefunden = e.unfallkassen.zeile(daten.id)
            if gefunden is None:
                raise EingabeFehler("Diesen Unfallversicherungsträger gibt es nicht (mehr).")
            zeile = gefunden
        nach_modell(daten, zeile)
        e.flush()
        return aus_modell(UnfallkasseDaten, zeile)


def lege_vorgaben_an(sitzung: Session) -> int:
    """Insert the Unfallkassen of resources/regeln/unfallkassen.toml; returns how many were added."""
    with ressource("regeln", "unfallkassen.toml").open("rb") as datei:
        tabelle = tomllib.load(datei)
    for eintrag in tabelle["traeger"]:
        hinweis = " ".join(t for t in (str(eintrag.get("hinweis", "")), HINWEIS_VORBELEGT) if t)
        sitzung.add(
            Unfallversicherungstraeger(
                **{k: str(v) for k, v in eintrag.items() if k != "hinweis"}, hinweis=hinweis, vorbelegt=True
            )
        )
    return len(tabelle["traeger"])
