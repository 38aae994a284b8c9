"""Services for named Kalkulation versions: list, save, copy, delete, import-and-save, export; Kassen U1/U2.

GUI: `liste(db)` → `KalkulationsVersion`s; `speichere(db, version)` (new when `id` is None) returns the saved
version; `kopiere(db, id, neuer_name)`; `loesche(db, id)`; `speichere_import(db, name, import_ergebnis)`;
`kassen_umlagen(db, jahr)` → `Umlagesaetze` of every Kasse with rates that year (for "Aus aktuellen Werten
vorbelegen"); `exportiere_version(version, ziel)` writes .xlsx or .pdf.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.budget.kalkulation import KalkulationsParameter, Umlagesaetze, berechne
from core.budget.modelle import Kalkulation
from core.domain.geld import format_eur
from core.fehler import EingabeFehler
from core.io.ausgabe import pruefe_ziel
from core.io.kalkulation_export import Kopf, exportiere_datei
from core.io.kalkulation_import import ImportErgebnis, importiere
from core.persistence.datenbank import Datenbank, ziel_pfad

NAME_LAENGE = 120


@dataclass(frozen=True, slots=True)
class KalkulationsVersion:
    name: str
    stand: date
    parameter: KalkulationsParameter
    notiz: str = ""
    herkunft: str = ""
    id: int | None = None
    geaendert_am: datetime | None = None


def _pruefe_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise EingabeFehler("Bitte geben Sie der Kalkulation einen Namen, z. B. „Antrag 2027“.", feld="name")
    if len(name) > NAME_LAENGE:
        raise EingabeFehler(f"Der Name ist zu lang (höchstens {NAME_LAENGE} Zeichen).", feld="name")
    return name


def _aus_zeile(zeile: Kalkulation) -> KalkulationsVersion:
    try:
        parameter = KalkulationsParameter.aus_dict(json.loads(zeile.parameter))
    except (ValueError, TypeError) as fehler:  # only a hand-edited database gets here
        raise EingabeFehler(f"Die gespeicherte Kalkulation „{zeile.name}“ ist unlesbar ({fehler}).") from None
    return KalkulationsVersion(
        name=zeile.name,
        stand=zeile.stand,
        parameter=parameter,
        notiz=zeile.notiz,
        herkunft=zeile.herkunft,
        id=zeile.id,
        geaendert_am=zeile.geaendert_am,
    )


def _name_frei(sitzung: Session, name: str, ausser: int | None) -> None:
    abfrage = select(Kalkulation.id).where(Kalkulation.name == name)
    vorhanden = sitzung.scalar(abfrage)
    if vorhanden is not None and vorhanden != ausser:
        raise EingabeFehler(
            f"Es gibt schon eine Kalkulation „{name}“. Bitte wählen Sie einen anderen Namen.", feld="name"
        )


def liste(db: Datenbank) -> list[KalkulationsVersion]:
    """All versions, newest Stand first, then by name."""
    with db.arbeitseinheit() as sitzung:
        zeilen = sitzung.scalars(select(Kalkulation)).all()
        versionen = [_aus_zeile(z) for z in zeilen]
    return sorted(versionen, key=lambda v: (-v.stand.toordinal(), v.name.casefold()))


def lade(db: Datenbank, name_oder_id: str | int) -> KalkulationsVersion:
    with db.arbeitseinheit() as sitzung:
        if isinstance(name_oder_id, int):
            zeile = sitzung.get(Kalkulation, name_oder_id)
        else:
            zeile = sitzung.scalar(select(Kalkulation).where(Kalkulation.name == _pruefe_name(name_oder_id)))
        if zeile is None:
            vorhandene = ", ".join(f"„{n}“" for n in sitzung.scalars(select(Kalkulation.name)).all()) or "keine"
            raise EingabeFehler(f"Die Kalkulation „{name_oder_id}“ gibt es nicht. Vorhanden: {vorhandene}.")
        return _aus_zeile(zeile)


def speichere(db: Datenbank, version: KalkulationsVersion) -> KalkulationsVersion:
    """Create (id None) or update one version in one transaction."""
    name = _pruefe_name(version.name)
    with db.arbeitseinheit() as sitzung:
        _name_frei(sitzung, name, version.id)
        if version.id is None:
            zeile = Kalkulation(name=name)
            sitzung.add(zeile)
        else:
            gefunden = sitzung.get(Kalkulation, version.id)
            if gefunden is None:
                raise EingabeFehler(f"Die Kalkulation „{name}“ wurde inzwischen gelöscht; nichts wurde gespeichert.")
            zeile = gefunden
            zeile.name = name
        zeile.stand = version.stand
        zeile.parameter = json.dumps(version.parameter.als_dict(), ensure_ascii=False)
        zeile.notiz = version.notiz
        zeile.herkunft = version.herkunft[:400]
        sitzung.flush()
        return _aus_zeile(zeile)


def kopiere(db: Datenbank, version_id: int, neuer_name: str) -> KalkulationsVersion:
    """A copy under a new name, e.g. "Ist 2026" → "Antrag 2027" to change only what changed."""
    quelle = lade(db, version_id)
    return speichere(
        db, replace(quelle, id=None, name=neuer_name, herkunft=f"Kopie von „{quelle.name}“", geaendert_am=None)
    )


def loesche(db: Datenbank, version_id: int) -> None:
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.get(Kalkulation, version_id)
        if zeile is not None:
            sitzung.delete(zeile)


_DATUM = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def stand_aus_version(version: str | None, ersatz: date) -> date:
    """The sheet's "Version 01.03.2016" as a date; anything else → `ersatz`."""
    if version and (m := _DATUM.match(version)):
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return ersatz
    return ersatz


def als_version(name: str, ergebnis: ImportErgebnis, *, heute: date | None = None) -> KalkulationsVersion:
    datei = Path(ergebnis.datei).name
    notiz = f"Übernommen aus „{datei}“ (Tabellenblatt „{ergebnis.blatt}“, Version {ergebnis.version or 'unbekannt'})."
    if ergebnis.abweichungen:
        notiz += " Abweichungen zu den Summen in der Datei: " + "; ".join(
            f"{a.bezeichnung} Datei {format_eur(a.in_datei)}, neu {format_eur(a.neu_berechnet)}"
            for a in ergebnis.abweichungen
        )
    return KalkulationsVersion(
        name=name,
        stand=stand_aus_version(ergebnis.version, heute or date.today()),
        parameter=ergebnis.parameter,
        notiz=notiz,
        herkunft=f"Import: {datei}",
    )


def speichere_import(db: Datenbank, name: str, ergebnis: ImportErgebnis) -> KalkulationsVersion:
    """Save what the import recognised as a new named version (all or nothing)."""
    return speichere(db, als_version(name, ergebnis))


def importiere_und_speichere(db: Datenbank, pfad: Path, name: str) -> KalkulationsVersion:
    return speichere_import(db, name, importiere(pfad, anzeigename=str(pfad)))


def kassen_umlagen(db: Datenbank, jahr: int) -> list[Umlagesaetze]:
    """U1 (the chosen level) and U2 of every Kasse that has rates for `jahr`, from the master data."""
    from core.stammdaten.krankenkassen import liste_krankenkassen

    saetze: list[Umlagesaetze] = []
    for kasse in liste_krankenkassen(db):
        kj = kasse.jahr(jahr)
        if kj is None or kj.u2_prozent is None:
            continue
        stufe = kj.gewaehlte_u1_stufe or (kj.u1_stufen[0] if len(kj.u1_stufen) == 1 else None)
        if stufe is None:
            continue
        saetze.append(
            Umlagesaetze(
                quelle=f"{kasse.name} ({jahr})",
                u1_prozent=stufe.umlage_prozent,
                u2_prozent=kj.u2_prozent,
                u1_erstattung_prozent=stufe.erstattung_prozent,
            )
        )
    return saetze


def exportiere_version(
    version: KalkulationsVersion,
    ziel: Path,
    *,
    gedruckt_am: date | None = None,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
) -> Path:
    return exportiere_datei(
        version.parameter,
        ziel,
        Kopf(name=version.name, stand=version.stand, notiz=version.notiz),
        gedruckt_am=gedruckt_am or date.today(),
        ueberschreiben=ueberschreiben,
        eingaben=eingaben,
    )


# ---- command line helpers ------------------------------------------------------------------------------------
def _oeffne(db_pfad: Path | None, *, nur_lesen: bool = False) -> Datenbank:
    from core.stammdaten.start import oeffne, oeffne_zum_lesen

    return oeffne_zum_lesen(db_pfad) if nur_lesen else oeffne(db_pfad)


def exportiere(
    db_pfad: Path | None, ziel: Path, *, name: str | None, aus_datei: Path | None, ueberschreiben: bool = False
) -> Path:
    # before reading anything: never onto the source sheet or the database, an existing file only when agreed
    eingaben = [aus_datei] if aus_datei is not None else [ziel_pfad(db_pfad)]
    pruefe_ziel(ziel, ueberschreiben=ueberschreiben, eingaben=eingaben)
    if aus_datei is not None:
        version = als_version(aus_datei.stem, importiere(aus_datei, anzeigename=str(aus_datei)))
        return exportiere_version(version, ziel, ueberschreiben=ueberschreiben, eingaben=eingaben)
    if name is None:
        raise EingabeFehler("Bitte mit --name die gespeicherte Kalkulation oder mit --aus-datei eine Tabelle angeben.")
    with _oeffne(db_pfad, nur_lesen=True) as db:
        version = lade(db, name)
        return exportiere_version(version, ziel, ueberschreiben=ueberschreiben, eingaben=eingaben)


def cli_speichere_import(db_pfad: Path | None, name: str, ergebnis: ImportErgebnis) -> KalkulationsVersion:
    with _oeffne(db_pfad) as db:
        return speichere_import(db, name, ergebnis)


def liste_als_text(db_pfad: Path | None) -> str:
    with _oeffne(db_pfad, nur_lesen=True) as db:
        versionen = liste(db)
    if not versionen:
        return "Noch keine Kalkulation gespeichert.\n"
    zeilen = [f"{'Name':<30} {'Stand':<10} {'Gesamtkosten im Jahr':>22} {'je Monat':>14}"]
    for v in versionen:
        s = berechne(v.parameter).summen()
        zeilen.append(
            f"{v.name:<30} {v.stand:%d.%m.%Y} {format_eur(s['gesamtkosten_jahr']):>22} "
            f"{format_eur(s['gesamtkosten_monat']):>14}"
        )
    return "\n".join(zeilen) + "\n"
