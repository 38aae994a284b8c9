"""Roster catalogues: Leistungsarten, shift templates, patterns and need profiles (list, save, delete)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from core.dienstplan import abbildung as ab
from core.dienstplan.bedarf import Bedarfsprofil
from core.dienstplan.modelle import (
    BedarfsblockZeile,
    BedarfsprofilZeile,
    LeistungsartZeile,
    MusterEintragZeile,
    MusterZeile,
    SchichtvorlageZeile,
)
from core.dienstplan.muster import Muster
from core.dienstplan.repository import einheit
from core.dienstplan.vorgaben import sorge_fuer_vorgaben
from core.dienstplan.vorlagen import Schichtvorlage
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank


@dataclass(frozen=True, slots=True)
class Leistungsart:
    kuerzel: str
    bezeichnung: str
    kostentraeger: str
    rechtsgrundlage: str = ""
    aktiv: bool = True


def liste_leistungsarten(db: Datenbank) -> list[Leistungsart]:
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
        return [
            Leistungsart(z.kuerzel, z.bezeichnung, z.kostentraeger, z.rechtsgrundlage, z.aktiv)
            for z in e.leistungsarten.alle()
        ]


def speichere_leistungsart(db: Datenbank, la: Leistungsart) -> Leistungsart:
    kuerzel = la.kuerzel.strip()
    if not kuerzel or len(kuerzel) > 20:
        raise EingabeFehler("Bitte ein Kürzel mit höchstens 20 Zeichen angeben.", feld="kuerzel")
    if not la.bezeichnung.strip():
        raise EingabeFehler("Bitte eine Bezeichnung angeben.", feld="bezeichnung")
    with einheit(db) as e:
        z = e.leistungsarten.mit_kuerzel(kuerzel)
        if z is None:
            z = LeistungsartZeile(kuerzel=kuerzel, vorbelegt=False)
            e.leistungsarten.fuege_hinzu(z)
        z.bezeichnung, z.kostentraeger, z.rechtsgrundlage, z.aktiv = (
            la.bezeichnung.strip(),
            la.kostentraeger.strip(),
            la.rechtsgrundlage.strip(),
            la.aktiv,
        )
        return replace(la, kuerzel=kuerzel)


def liste_vorlagen(db: Datenbank) -> list[Schichtvorlage]:
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
        return e.vorlagen.alle()


def speichere_vorlage(db: Datenbank, vorlage: Schichtvorlage) -> Schichtvorlage:
    """Create (id None) or change a template; a rename also renames it on existing shifts (grid columns)."""
    vorlage.pruefe()
    name = vorlage.name.strip()
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
        doppelt = e.vorlagen.mit_namen(name)
        if doppelt is not None and doppelt.id != vorlage.id:
            raise EingabeFehler(f"Eine Vorlage „{vorlage.name}“ gibt es schon.", feld="name")
        if vorlage.id is None:
            z = SchichtvorlageZeile(sortierung=e.vorlagen.anzahl(), aktiv=True)
            e.vorlagen.fuege_hinzu(z)
        else:
            gefunden = e.vorlagen.zeile(vorlage.id)
            if gefunden is None:
                raise EingabeFehler("Diese Vorlage gibt es nicht (mehr).")
            z = gefunden
            if z.name != name:
                e.schichten.benenne_vorlage_um(z.name, name)
        ab.setze_vorlage(z, vorlage)
        e.flush()
        return ab.vorlage_aus_zeile(z)


def loesche_vorlage(db: Datenbank, vorlage_id: int) -> None:
    with einheit(db) as e:
        z = e.vorlagen.zeile(vorlage_id)
        if z is None:
            return
        muster = e.muster.name_mit_vorlage(vorlage_id)
        if muster is not None:
            raise EingabeFehler(
                f"Die Vorlage „{z.name}“ wird im Muster „{muster}“ verwendet. Bitte ändern Sie zuerst das Muster."
            )
        e.vorlagen.entferne(z)


def liste_muster(db: Datenbank) -> list[Muster]:
    with einheit(db) as e:
        return e.muster.alle()


def speichere_muster(db: Datenbank, muster: Muster) -> Muster:
    """Create or replace a pattern; its entries reference templates by id (save the templates first)."""
    muster.pruefe()
    with einheit(db) as e:
        doppelt = e.muster.mit_namen(muster.name.strip())
        if doppelt is not None and doppelt.id != muster.id:
            raise EingabeFehler(f"Ein Muster „{muster.name}“ gibt es schon.", feld="name")
        if muster.id is None:
            z = MusterZeile()
            e.muster.fuege_hinzu(z)
        else:
            gefunden = e.muster.zeile(muster.id)
            if gefunden is None:
                raise EingabeFehler("Dieses Muster gibt es nicht (mehr).")
            z = gefunden
        z.name, z.art, z.anker, z.zyklus_tage = muster.name.strip(), muster.art.value, muster.anker, muster.zyklus_tage
        z.gueltig_von, z.gueltig_bis = muster.gueltig_von, muster.gueltig_bis
        eintraege = []
        for eintrag in muster.eintraege:
            if eintrag.vorlage.id is None:
                raise EingabeFehler(f"Die Vorlage „{eintrag.vorlage.name}“ ist noch nicht gespeichert.")
            eintraege.append(
                MusterEintragZeile(
                    tag=eintrag.tag, vorlage_id=eintrag.vorlage.id, assistenzkraft_id=eintrag.assistenzkraft_id
                )
            )
        z.eintraege = eintraege
        e.flush()
        return replace(muster, id=z.id)


def loesche_muster(db: Datenbank, muster_id: int) -> None:
    with einheit(db) as e:
        z = e.muster.zeile(muster_id)
        if z is not None:
            e.muster.entferne(z)


def bedarfsprofil_am(db: Datenbank, tag: date) -> Bedarfsprofil | None:
    with einheit(db) as e:
        return e.bedarfsprofile.am(tag, e.stammdaten.land())


def speichere_bedarfsprofil(db: Datenbank, profil: Bedarfsprofil, gueltig_ab: date) -> Bedarfsprofil:
    """Save the need profile valid from `gueltig_ab` (replaces a version with the same date)."""
    profil.pruefe()
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
        kuerzel = e.leistungsarten.kuerzel()
        for bloecke in profil.tage.values():
            for b in bloecke:
                if b.leistungsart is not None and b.leistungsart not in kuerzel:
                    raise EingabeFehler(f"Die Leistungsart „{b.leistungsart}“ ist nicht angelegt.", feld="leistungsart")
        z = e.bedarfsprofile.zeile_ab(gueltig_ab)
        if z is None:
            z = BedarfsprofilZeile(gueltig_ab=gueltig_ab)
            e.bedarfsprofile.fuege_hinzu(z)
        z.name, z.feiertag_wie_sonntag = profil.name, profil.feiertag_wie_sonntag
        z.bloecke = [
            BedarfsblockZeile(
                wochentag=t, beginn=b.beginn, ende=b.ende, stufe=b.stufe.value, leistungsart=b.leistungsart
            )
            for t, bloecke in sorted(profil.tage.items())
            for b in bloecke
        ]
        e.flush()
        return ab.bedarf_aus_zeile(z, e.stammdaten.land())
