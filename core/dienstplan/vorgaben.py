"""Seeding a household file once: the Leistungsarten of resources/dienstplan and the standard shift templates."""

from __future__ import annotations

import tomllib

from core.dienstplan import abbildung as ab
from core.dienstplan.modelle import LeistungsartZeile, SchichtvorlageZeile
from core.dienstplan.repository import Dienstplaneinheit, einheit
from core.dienstplan.vorlagen import STANDARDVORLAGEN
from core.persistence.datenbank import Datenbank
from core.ressourcen import ressource

VORGABEN_SCHLUESSEL = "dienstplan.vorgaben_angelegt"


def sorge_fuer_vorgaben(e: Dienstplaneinheit) -> None:
    """Seed Leistungsarten and the standard templates once per file (deleting them later keeps them deleted)."""
    if e.einstellungen.wert(VORGABEN_SCHLUESSEL) is not None:
        return
    with ressource("dienstplan", "leistungsarten.toml").open("rb") as datei:
        for eintrag in tomllib.load(datei)["leistungsart"]:
            if e.leistungsarten.mit_kuerzel(eintrag["kuerzel"]) is not None:
                continue
            e.leistungsarten.fuege_hinzu(
                LeistungsartZeile(
                    kuerzel=eintrag["kuerzel"],
                    bezeichnung=eintrag["bezeichnung"],
                    kostentraeger=eintrag["kostentraeger"],
                    rechtsgrundlage=eintrag["rechtsgrundlage"],
                    aktiv=True,
                    vorbelegt=True,
                )
            )
    for i, vorlage in enumerate(STANDARDVORLAGEN):
        if e.vorlagen.mit_namen(vorlage.name) is not None:
            continue
        z = SchichtvorlageZeile(sortierung=i, aktiv=True)
        ab.setze_vorlage(z, vorlage)
        e.vorlagen.fuege_hinzu(z)
    e.einstellungen.setze(VORGABEN_SCHLUESSEL, "1")
    e.flush()


def lege_vorgaben_an(db: Datenbank) -> None:
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
