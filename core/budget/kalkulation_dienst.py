"""Services for named Kalkulation versions: list, save, copy, delete; the Kassen' U1/U2 rates.

GUI: `liste(db)` → `KalkulationsVersion`s; `speichere(db, version)` (new when `id` is None) returns the saved
version; `kopiere(db, id, neuer_name)`; `loesche(db, id)`;
`kassen_umlagen(db, jahr)` → `Umlagesaetze` of every Kasse with rates that year (for "Aus aktuellen Werten
vorbelegen"). Reading old sheets into a version and writing a version to .xlsx/.pdf: `core.io.kalkulation_dateien`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.budget.kalkulation import KalkulationsParameter, Umlagesaetze
from core.budget.modelle import Kalkulation
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank

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
