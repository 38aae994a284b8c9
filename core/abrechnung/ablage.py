"""The payroll store's read API for every lane: finalised months, their results (all versions), year totals.

Other lanes (payslips, Lohnjournal, Lohnkonto, SEPA, reports, U1/U2 claims, budget) read finalised results only here
and compute nothing twice:

- `lade_monat(db, jahr, monat) -> GespeicherterMonat`: status ("entwurf" | "abgeschlossen"), who/when finalised, and per
  assistant the valid result (`Monatsergebnis`, read back with `aus_dict`) with her Personalnummer, all versions
  (original and corrections) and the corrections settled in this month.
- `lade_jahr(db, jahr, assistenzkraft_id=None) -> list[GespeichertesErgebnis]`: the valid results of a year, month by
  month (Lohnkonto, Lohnsteuerbescheinigung, budget).
- `versionen(db, jahr, monat, assistenzkraft_id)`: every stored version, oldest first (original and corrected payslip).
- `jahressummen(db, jahr, assistenzkraft_id=None)`: per assistant and finalised month, the year's totals up to it as
  the valid versions give them (Lohnsteuerbescheinigung, DEÜV, Unfallkasse, Lohnjournal): not the totals a stored
  month carries, which miss a later correction of an earlier month that did not change that month's own payroll.
- `status(db, jahr, monat)`, `abgeschlossene_monate(db)`.
- `lade_kosten(db, von, bis)`: only the cost split per Leistungsart of the valid results of a range of months
  (the budget reads years of them when its view opens).

Writing is `core.abrechnung.lauf`'s job (finalise, corrections) through the helpers at the end of this module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.abrechnung.modell import Jahreswerte, Kostenanteil, Monatseingabe, Monatsergebnis
from core.abrechnung.modelle import Abrechnungsergebnis, Abrechnungsmonat
from core.persistence.datenbank import Datenbank

ENTWURF = "entwurf"
ABGESCHLOSSEN = "abgeschlossen"


@dataclass(frozen=True, slots=True)
class GespeichertesErgebnis:
    """One stored version of one assistant's month. `art` "abrechnung" (version 1) or "korrektur"."""

    jahr: int
    monat: int
    assistenzkraft_id: int
    personalnummer: str
    version: int
    art: str
    ergebnis: Monatsergebnis
    erstellt_am: datetime
    erstellt_von: str
    pruefsumme: str
    verrechnet_jahr: int | None = None  # a correction: the month whose payout settled its difference
    verrechnet_monat: int | None = None
    differenz: tuple[tuple[str, str, str], ...] = ()  # (field, before, after) against the version it replaced
    grund: str = ""

    def eingabe(self, db: Datenbank) -> Monatseingabe:
        """The input snapshot this version was computed from (to reproduce it)."""
        with db.arbeitseinheit() as sitzung:
            zeile = sitzung.scalars(
                select(Abrechnungsergebnis.eingabe).where(
                    Abrechnungsergebnis.jahr == self.jahr,
                    Abrechnungsergebnis.monat == self.monat,
                    Abrechnungsergebnis.assistenzkraft_id == self.assistenzkraft_id,
                    Abrechnungsergebnis.version == self.version,
                )
            ).one()
        return Monatseingabe.aus_dict(json.loads(zeile))


@dataclass(frozen=True, slots=True)
class GespeicherterMonat:
    jahr: int
    monat: int
    status: str
    abgeschlossen_am: datetime | None
    abgeschlossen_von: str
    ergebnisse: tuple[GespeichertesErgebnis, ...]  # the valid (newest) version per assistant, by Personalnummer
    korrekturen: tuple[GespeichertesErgebnis, ...]  # corrections of earlier months settled in this month

    @property
    def abgeschlossen(self) -> bool:
        return self.status == ABGESCHLOSSEN


def pruefsumme(daten: dict[str, Any]) -> str:
    return hashlib.sha256(json_text(daten).encode("utf-8")).hexdigest()


def json_text(daten: dict[str, Any]) -> str:
    return json.dumps(daten, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _differenz(text: str) -> tuple[tuple[str, str, str], ...]:
    if not text:
        return ()
    return tuple((str(a), str(b), str(c)) for a, b, c in json.loads(text))


def _gespeichert(z: Abrechnungsergebnis) -> GespeichertesErgebnis:
    return GespeichertesErgebnis(
        jahr=z.jahr,
        monat=z.monat,
        assistenzkraft_id=z.assistenzkraft_id,
        personalnummer=z.personalnummer,
        version=z.version,
        art=z.art,
        ergebnis=Monatsergebnis.aus_dict(json.loads(z.ergebnis)),
        erstellt_am=z.erstellt_am,
        erstellt_von=z.erstellt_von,
        pruefsumme=z.pruefsumme,
        verrechnet_jahr=z.verrechnet_jahr,
        verrechnet_monat=z.verrechnet_monat,
        differenz=_differenz(z.differenz),
        grund=z.grund,
    )


def status_in(sitzung: Session, jahr: int, monat: int) -> Abrechnungsmonat | None:
    return sitzung.scalars(
        select(Abrechnungsmonat).where(Abrechnungsmonat.jahr == jahr, Abrechnungsmonat.monat == monat)
    ).first()


def status(db: Datenbank, jahr: int, monat: int) -> str:
    with db.arbeitseinheit() as sitzung:
        zeile = status_in(sitzung, jahr, monat)
        return zeile.status if zeile is not None else ENTWURF


def abgeschlossene_monate(db: Datenbank) -> list[tuple[int, int]]:
    with db.arbeitseinheit() as sitzung:
        return abgeschlossene_in(sitzung)


def abgeschlossene_in(sitzung: Session) -> list[tuple[int, int]]:
    return [
        (z.jahr, z.monat)
        for z in sitzung.scalars(
            select(Abrechnungsmonat)
            .where(Abrechnungsmonat.status == ABGESCHLOSSEN)
            .order_by(Abrechnungsmonat.jahr, Abrechnungsmonat.monat)
        )
    ]


def gueltige_zeilen(
    sitzung: Session,
    *,
    jahr: int | None = None,
    monat: int | None = None,
    assistenzkraft_id: int | None = None,
    bis_id: int | None = None,
) -> list[Abrechnungsergebnis]:
    """The newest version per (month, assistant), ordered by month and Personalnummer; with `bis_id` the newest
    among the rows stored up to that row (the store as it stood then, see `abschluss_stand`)."""
    abfrage = select(Abrechnungsergebnis)
    if bis_id is not None:
        abfrage = abfrage.where(Abrechnungsergebnis.id <= bis_id)
    if jahr is not None:
        abfrage = abfrage.where(Abrechnungsergebnis.jahr == jahr)
    if monat is not None:
        abfrage = abfrage.where(Abrechnungsergebnis.monat == monat)
    if assistenzkraft_id is not None:
        abfrage = abfrage.where(Abrechnungsergebnis.assistenzkraft_id == assistenzkraft_id)
    neueste: dict[tuple[int, int, int], Abrechnungsergebnis] = {}
    for z in sitzung.scalars(abfrage):
        schluessel = (z.jahr, z.monat, z.assistenzkraft_id)
        if schluessel not in neueste or neueste[schluessel].version < z.version:
            neueste[schluessel] = z
    return sorted(neueste.values(), key=lambda z: (z.jahr, z.monat, _sortierbar(z.personalnummer)))


def _sortierbar(nummer: str) -> tuple[int, int, str]:
    return (0, int(nummer), "") if nummer.isdigit() else (1, 0, nummer)


def lade_monat(db: Datenbank, jahr: int, monat: int, *, bis_id: int | None = None) -> GespeicherterMonat:
    """Status and stored results of a month (empty results while it is open: compute them with `lauf`); `bis_id`:
    the results as they stood when that row was stored."""
    with db.arbeitseinheit() as sitzung:
        kopf = status_in(sitzung, jahr, monat)
        ergebnisse = tuple(_gespeichert(z) for z in gueltige_zeilen(sitzung, jahr=jahr, monat=monat, bis_id=bis_id))
        korrekturen = tuple(
            _gespeichert(z)
            for z in sitzung.scalars(
                select(Abrechnungsergebnis)
                .where(
                    Abrechnungsergebnis.verrechnet_jahr == jahr,
                    Abrechnungsergebnis.verrechnet_monat == monat,
                    Abrechnungsergebnis.art == "korrektur",
                )
                .order_by(Abrechnungsergebnis.jahr, Abrechnungsergebnis.monat, Abrechnungsergebnis.id)
            )
        )
    return GespeicherterMonat(
        jahr=jahr,
        monat=monat,
        status=kopf.status if kopf is not None else ENTWURF,
        abgeschlossen_am=kopf.abgeschlossen_am if kopf is not None else None,
        abgeschlossen_von=kopf.abgeschlossen_von if kopf is not None else "",
        ergebnisse=ergebnisse,
        korrekturen=korrekturen,
    )


def lade_jahr(
    db: Datenbank, jahr: int, assistenzkraft_id: int | None = None, *, bis_id: int | None = None
) -> list[GespeichertesErgebnis]:
    """The valid result of every finalised month of the year (optionally one assistant), month by month; `bis_id`:
    as they stood when that row was stored."""
    with db.arbeitseinheit() as sitzung:
        zeilen = gueltige_zeilen(sitzung, jahr=jahr, assistenzkraft_id=assistenzkraft_id, bis_id=bis_id)
        return [_gespeichert(z) for z in zeilen]


def abschluss_stand(db: Datenbank, jahr: int, monat: int) -> int | None:
    """The last row stored when the month was finalised (its first versions and the corrections settled with it),
    or None for an open month: the store as it stood then is what the month's reports were made from
    (`bis_id` of `lade_monat`, `lade_jahr`, `jahressummen`), so a later correction can be told apart."""
    with db.arbeitseinheit() as sitzung:
        return sitzung.scalar(
            select(func.max(Abrechnungsergebnis.id)).where(
                or_(
                    and_(
                        Abrechnungsergebnis.jahr == jahr,
                        Abrechnungsergebnis.monat == monat,
                        Abrechnungsergebnis.version == 1,
                    ),
                    and_(Abrechnungsergebnis.verrechnet_jahr == jahr, Abrechnungsergebnis.verrechnet_monat == monat),
                )
            )
        )


def spaetere_korrekturen(
    db: Datenbank, jahr: int, bis_monat: int, nach_id: int
) -> dict[str, dict[tuple[int, int], datetime]]:
    """Personalnummer → the months of `jahr` up to `bis_monat` whose correction was stored after row `nach_id`,
    each with when its newest correction was stored."""
    with db.arbeitseinheit() as sitzung:
        zeilen = sitzung.execute(
            select(
                Abrechnungsergebnis.personalnummer,
                Abrechnungsergebnis.jahr,
                Abrechnungsergebnis.monat,
                Abrechnungsergebnis.erstellt_am,
            ).where(
                Abrechnungsergebnis.id > nach_id,
                Abrechnungsergebnis.jahr == jahr,
                Abrechnungsergebnis.monat <= bis_monat,
                Abrechnungsergebnis.art == "korrektur",
            )
        )
        korrigiert: dict[str, dict[tuple[int, int], datetime]] = {}
        for z in zeilen:
            monate = korrigiert.setdefault(z.personalnummer, {})
            monate[(z.jahr, z.monat)] = max(monate.get((z.jahr, z.monat), z.erstellt_am), z.erstellt_am)
        return korrigiert


def versionen(db: Datenbank, jahr: int, monat: int, assistenzkraft_id: int) -> list[GespeichertesErgebnis]:
    """Every stored version of one assistant's month, oldest first (original and corrected payslips)."""
    with db.arbeitseinheit() as sitzung:
        return [
            _gespeichert(z)
            for z in sitzung.scalars(
                select(Abrechnungsergebnis)
                .where(
                    Abrechnungsergebnis.jahr == jahr,
                    Abrechnungsergebnis.monat == monat,
                    Abrechnungsergebnis.assistenzkraft_id == assistenzkraft_id,
                )
                .order_by(Abrechnungsergebnis.version)
            )
        ]


def monatsanteil(eingabe: Monatseingabe, ergebnis: Monatsergebnis) -> Jahreswerte:
    """The month's own share of the year's totals: its result's totals minus those its input started from."""
    return ergebnis.jahreswerte.minus(eingabe.vorgeschichte.jahreswerte)


#: (file, row id, input checksum) → (the totals the stored month started from, its own share): parsed once per process
_ANTEILE: dict[tuple[str, int, str], tuple[Jahreswerte, Jahreswerte]] = {}


def jahressummen(
    db: Datenbank, jahr: int, assistenzkraft_id: int | None = None, *, bis_id: int | None = None
) -> dict[tuple[int, int], Jahreswerte]:
    """(assistant, month) → the year's totals up to and including that finalised month, from the valid versions:
    the totals the year's first month started from (figures carried over before the Abrechnungsbeginn) plus every
    month's own share (`monatsanteil`). What the Lohnsteuerbescheinigung, the DEÜV Meldungen, the Unfallkasse's
    Lohnnachweis and the Lohnjournal state for the year, equal to the sum of the Lohnkonto's months.

    A stored month's own `jahreswerte` are the totals as they stood when it was computed: after a correction of an
    earlier month that left a later month's own payroll unchanged, the later month keeps its version and those
    totals (`lauf._eigene_aenderung`). `bis_id`: the totals as they stood when that row was stored."""
    datei = str(db.pfad)
    summen: dict[tuple[int, int], Jahreswerte] = {}
    with db.arbeitseinheit() as sitzung:
        bedingungen = [Abrechnungsergebnis.jahr == jahr]
        if assistenzkraft_id is not None:
            bedingungen.append(Abrechnungsergebnis.assistenzkraft_id == assistenzkraft_id)
        if bis_id is not None:
            bedingungen.append(Abrechnungsergebnis.id <= bis_id)
        neueste = gueltige_kopfzeilen(sitzung, *bedingungen)
        fehlen = [z.id for z in neueste.values() if (datei, z.id, z.pruefsumme) not in _ANTEILE]
        spalten = (Abrechnungsergebnis.pruefsumme, Abrechnungsergebnis.eingabe, Abrechnungsergebnis.ergebnis)
        for r in zeilen_mit_id(sitzung, fehlen, *spalten):
            vorgeschichte = json.loads(r.eingabe).get("vorgeschichte") or {}
            vorher = Jahreswerte.aus_dict(vorgeschichte.get("jahreswerte") or {})
            nachher = Jahreswerte.aus_dict(json.loads(r.ergebnis)["jahreswerte"])
            _ANTEILE[(datei, r.id, r.pruefsumme)] = (vorher, nachher.minus(vorher))
    laufend: dict[int, Jahreswerte] = {}
    for (_j, monat, person), z in sorted(neueste.items()):
        vorher, anteil = _ANTEILE[(datei, z.id, z.pruefsumme)]
        laufend[person] = laufend.get(person, vorher).plus(anteil)
        summen[(person, monat)] = laufend[person]
    return summen


# --- writing (core.abrechnung.lauf only) ---------------------------------------------------------------------------


def speichere_version(
    sitzung: Session,
    eingabe: Monatseingabe,
    ergebnis: Monatsergebnis,
    *,
    version: int,
    art: str,
    benutzer: str,
    verrechnet: tuple[int, int] | None = None,
    differenz: tuple[tuple[str, str, str], ...] = (),
    grund: str = "",
) -> None:
    eingabe_dict = eingabe.als_dict()
    sitzung.add(
        Abrechnungsergebnis(
            jahr=eingabe.jahr,
            monat=eingabe.monat,
            assistenzkraft_id=eingabe.person.assistenzkraft_id,
            personalnummer=eingabe.person.personalnummer,
            version=version,
            art=art,
            ergebnis=json_text(ergebnis.als_dict()),
            eingabe=json_text(eingabe_dict),
            pruefsumme=pruefsumme(eingabe_dict),
            erstellt_von=benutzer,
            verrechnet_jahr=verrechnet[0] if verrechnet else None,
            verrechnet_monat=verrechnet[1] if verrechnet else None,
            differenz=json.dumps([list(d) for d in differenz], ensure_ascii=False) if differenz else "",
            grund=grund,
        )
    )


def zeile_lesen(z: Abrechnungsergebnis) -> GespeichertesErgebnis:
    return _gespeichert(z)


# --- the budget's view ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GespeicherteKosten:
    """The cost split (`Monatsergebnis.kosten`) of one valid finalised result, without the rest of the result."""

    jahr: int
    monat: int
    assistenzkraft_id: int
    personalnummer: str
    name: str
    kosten: tuple[Kostenanteil, ...]


#: Parsed cost splits by (file, row id, input checksum): a stored result never changes, so reading it once is enough.
_KOSTEN: dict[tuple[str, int, str], GespeicherteKosten] = {}


def gueltige_kopfzeilen(sitzung: Session, *bedingungen: Any) -> dict[tuple[int, int, int], Any]:
    """The head row (id, jahr, monat, assistenzkraft_id, version, pruefsumme) of the valid version of every
    finalised month that meets the conditions, by (jahr, monat, assistenzkraft_id). A correction is a new row with
    a higher version; the older rows stay as they were, so the valid one is the newest. Only the head is read: the
    callers fetch the stored JSON of the rows they have not parsed yet."""
    neueste: dict[tuple[int, int, int], Any] = {}
    for z in sitzung.execute(
        select(
            Abrechnungsergebnis.id,
            Abrechnungsergebnis.jahr,
            Abrechnungsergebnis.monat,
            Abrechnungsergebnis.assistenzkraft_id,
            Abrechnungsergebnis.version,
            Abrechnungsergebnis.pruefsumme,
        ).where(*bedingungen)
    ):
        schluessel = (z.jahr, z.monat, z.assistenzkraft_id)
        if schluessel not in neueste or neueste[schluessel].version < z.version:
            neueste[schluessel] = z
    return neueste


#: Rows read per query (`zeilen_mit_id`): SQLite's older builds allow 999 bound parameters.
JE_ABFRAGE = 500


def zeilen_mit_id(sitzung: Session, ids: Sequence[int], *spalten: Any) -> Iterator[Any]:
    """The columns `spalten` (after the id) of the stored results with these ids, read `JE_ABFRAGE` at a time:
    what `gueltige_kopfzeilen`' callers have not parsed yet."""
    for anfang in range(0, len(ids), JE_ABFRAGE):
        yield from sitzung.execute(
            select(Abrechnungsergebnis.id, *spalten).where(
                Abrechnungsergebnis.id.in_(ids[anfang : anfang + JE_ABFRAGE])
            )
        )


def lade_kosten(db: Datenbank, von: tuple[int, int], bis: tuple[int, int]) -> list[GespeicherteKosten]:
    """The employer costs per Leistungsart of every valid finalised result from month `von` to `bis` (the budget
    reads years of them each time its view opens: only the `kosten` of each stored result are read back, and a
    stored result, which never changes, is parsed only once per process)."""
    datei = str(db.pfad)
    with db.arbeitseinheit() as sitzung:
        im_jahr = gueltige_kopfzeilen(sitzung, Abrechnungsergebnis.jahr >= von[0], Abrechnungsergebnis.jahr <= bis[0])
        neueste = {k: z for k, z in im_jahr.items() if von <= (z.jahr, z.monat) <= bis}
        fehlen = [z.id for z in neueste.values() if (datei, z.id, z.pruefsumme) not in _KOSTEN]
        spalten = (
            Abrechnungsergebnis.jahr,
            Abrechnungsergebnis.monat,
            Abrechnungsergebnis.assistenzkraft_id,
            Abrechnungsergebnis.personalnummer,
            Abrechnungsergebnis.pruefsumme,
            Abrechnungsergebnis.ergebnis,
        )
        for r in zeilen_mit_id(sitzung, fehlen, *spalten):
            daten = json.loads(r.ergebnis)
            _KOSTEN[(datei, r.id, r.pruefsumme)] = GespeicherteKosten(
                r.jahr,
                r.monat,
                r.assistenzkraft_id,
                r.personalnummer,
                str(daten.get("name", "")),
                tuple(Kostenanteil.aus_dict(k) for k in daten.get("kosten", ())),
            )
    ergebnis = [_KOSTEN[(datei, z.id, z.pruefsumme)] for z in neueste.values()]
    return sorted(ergebnis, key=lambda g: (g.jahr, g.monat, _sortierbar(g.personalnummer)))
