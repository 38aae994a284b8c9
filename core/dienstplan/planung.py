"""Planning the roster: every change of shifts and absences is one unit of work and returns an `Aenderung`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from core.dienstplan.abbildung import Person
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex, mit_vertretung
from core.dienstplan.aenderung import Aenderung, wende_an
from core.dienstplan.bedarf import Bedarfsprofil, leistungsarten_aus_bedarf
from core.dienstplan.kopieren import Ausrichtung, verschiebe_schicht
from core.dienstplan.kopieren import kopiere_monat as _kopiere_monat
from core.dienstplan.kopieren import kopiere_woche as _kopiere_woche
from core.dienstplan.muster import expandiere
from core.dienstplan.repository import Dienstplaneinheit, einheit
from core.dienstplan.schicht import Istzeit, Leistungsanteil, Pause, Schicht, Teil, fmt_tag
from core.dienstplan.schicht import tausche as _tausche
from core.dienstplan.tage import monatsname
from core.dienstplan.vertrag import Vertragsindex
from core.dienstplan.vorlagen import schicht_aus_vorlage
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl
from core.domain.zeit import BERLIN
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank

# --- Schichten planen und ändern --------------------------------------------------------------------------------


def _mit_kostentraeger(e: Dienstplaneinheit, schichten: Iterable[Schicht]) -> list[Schicht]:
    land = e.stammdaten.land()
    profile: dict[date, Bedarfsprofil | None] = {}
    ergebnis = []
    for s in schichten:
        if s.leistungsart is None and not s.leistungsanteile:
            if s.tag not in profile:
                profile[s.tag] = e.bedarfsprofile.am(s.tag, land)
            profil = profile[s.tag]
            if profil is not None:
                s = leistungsarten_aus_bedarf(s, profil, land=land)
        ergebnis.append(s)
    return ergebnis


def plane(db: Datenbank, schicht: Schicht) -> Aenderung:
    """A new shift. Without Leistungsart it takes the one(s) of the need profile at that time."""
    with einheit(db) as e:
        (neu,) = _mit_kostentraeger(e, [replace(schicht, id=None)])
        return wende_an(e, Aenderung("Schicht geplant", schichten_neu=(neu,)))


def plane_vorlage(db: Datenbank, vorlage_id: int, tag: date, assistenzkraft_id: int) -> Aenderung:
    with einheit(db) as e:
        schicht = schicht_aus_vorlage(e.vorlagen.hole(vorlage_id), tag, assistenzkraft_id)
        (neu,) = _mit_kostentraeger(e, [schicht])
        return wende_an(e, Aenderung(f"{schicht.vorlage} geplant", schichten_neu=(neu,)))


def aendere(db: Datenbank, schicht: Schicht) -> Aenderung:
    """Replace a shift by id with the given one (times, parts, Leistungsart, note, actual times …)."""
    if schicht.id is None:
        raise EingabeFehler("Interner Fehler: Schicht ohne Nummer.")
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht.id)
        return wende_an(e, Aenderung("Schicht geändert", schichten_geaendert=((vorher, schicht),)))


def verschiebe(db: Datenbank, schicht_id: int, beginn: datetime, ende: datetime | None = None) -> Aenderung:
    """Move a shift to a new start (same real length) or set new start and end; parts and breaks move along
    (with a new end they are cut to the new times)."""
    if beginn.tzinfo is None or (ende is not None and ende.tzinfo is None):
        raise EingabeFehler("Interner Fehler: Uhrzeit ohne Zeitzone.")
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht_id)
        versatz = beginn.astimezone(UTC) - vorher.beginn_utc
        neues_ende = ende if ende is not None else (vorher.ende_utc + versatz).astimezone(BERLIN)
        grenze_a, grenze_b = beginn.astimezone(UTC), neues_ende.astimezone(UTC)

        def kappe(a: datetime, b: datetime) -> tuple[datetime, datetime] | None:
            a2, b2 = max(a.astimezone(UTC) + versatz, grenze_a), min(b.astimezone(UTC) + versatz, grenze_b)
            return (a2.astimezone(BERLIN), b2.astimezone(BERLIN)) if a2 < b2 else None

        teile = tuple(Teil(*k, t.arbeitsart) for t in vorher.teile if (k := kappe(t.beginn, t.ende)))
        anteile = tuple(
            Leistungsanteil(*k, la.leistungsart) for la in vorher.leistungsanteile if (k := kappe(la.beginn, la.ende))
        )
        pausen = tuple(Pause(*k) for p in vorher.pausen if (k := kappe(p.beginn, p.ende)))
        nachher = replace(vorher, beginn=beginn, ende=neues_ende, teile=teile, leistungsanteile=anteile, pausen=pausen)
        return wende_an(e, Aenderung("Schicht verschoben", schichten_geaendert=((vorher, nachher),)))


def verschiebe_um_tage(db: Datenbank, schicht_id: int, tage: int) -> Aenderung:
    """Move a shift to another day at the same wall-clock times (its real length follows DST)."""
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht_id)
        nachher = verschiebe_schicht(vorher, tage, als_plan=False)
        return wende_an(e, Aenderung("Schicht verschoben", schichten_geaendert=((vorher, nachher),)))


def weise_zu(db: Datenbank, schicht_id: int, assistenzkraft_id: int) -> Aenderung:
    """Give the shift to another assistant (a plain change of plan, no Vertretung recorded)."""
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht_id)
        nachher = replace(vorher, assistenzkraft_id=assistenzkraft_id, vertretung_fuer=None)
        return wende_an(e, Aenderung("Schicht neu besetzt", schichten_geaendert=((vorher, nachher),)))


def vertrete(db: Datenbank, schicht_id: int, vertretung_id: int | None) -> Aenderung:
    """`vertretung_id` covers the shift of the originally planned assistant; None gives it back to her."""
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht_id)
        urspruenglich = vorher.vertretung_fuer or vorher.assistenzkraft_id
        nachher = mit_vertretung(vorher, vertretung_id if vertretung_id is not None else urspruenglich)
        text = "Vertretung eingetragen" if vertretung_id is not None else "Vertretung aufgehoben"
        return wende_an(e, Aenderung(text, schichten_geaendert=((vorher, nachher),)))


def tausche(db: Datenbank, schicht_a: int, schicht_b: int) -> Aenderung:
    """Two assistants swap shifts (seed 004, 2.6.1, 5 January)."""
    with einheit(db) as e:
        a, b = e.schichten.hole(schicht_a), e.schichten.hole(schicht_b)
        a2, b2 = _tausche(a, b)
        return wende_an(e, Aenderung("Schichten getauscht", schichten_geaendert=((a, a2), (b, b2))))


def loesche(db: Datenbank, schicht_ids: Iterable[int]) -> Aenderung:
    with einheit(db) as e:
        alte = tuple(e.schichten.hole(i) for i in dict.fromkeys(schicht_ids))
        text = "Schicht gelöscht" if len(alte) == 1 else f"{anzahl(len(alte), 'Schicht', 'Schichten')} gelöscht"
        return wende_an(e, Aenderung(text, schichten_geloescht=alte))


def erfasse_istzeit(db: Datenbank, schicht_id: int, ist: Istzeit | None) -> Aenderung:
    """Record what was actually worked (None: as planned). Payroll uses these times."""
    with einheit(db) as e:
        vorher = e.schichten.hole(schicht_id)
        nachher = replace(vorher, ist=ist)
        return wende_an(e, Aenderung("Tatsächliche Zeit erfasst", schichten_geaendert=((vorher, nachher),)))


# --- Kopieren und Muster ----------------------------------------------------------------------------------------


def _einfuegen(
    e: Dienstplaneinheit,
    neue: list[Schicht],
    von: date,
    bis: date,
    *,
    beschreibung: str,
    was: str,
    ersetzen: bool,
    zu_ersetzen: Iterable[Schicht] = (),
) -> Aenderung:
    neue = _mit_kostentraeger(e, neue)
    weg = tuple(zu_ersetzen) if ersetzen else ()
    return wende_an(
        e,
        Aenderung(beschreibung, schichten_neu=tuple(neue), schichten_geloescht=weg),
        kontext=f"{was} kann für {fmt_tag(von)} bis {fmt_tag(bis)} nicht übernommen werden",
        tipp="" if ersetzen else "Wenn die vorhandenen Schichten weichen sollen, wählen Sie „Vorhandene ersetzen“.",
    )


def kopiere_woche(db: Datenbank, quell_montag: date, ziel_montag: date, *, ersetzen: bool = False) -> Aenderung:
    """Copy a week's shifts (wall-clock times) to another week. `ersetzen`: the target week's shifts go first."""
    with einheit(db) as e:
        quelle = e.schichten.im_zeitraum(quell_montag, quell_montag + timedelta(days=6))
        neue = _kopiere_woche(quelle, quell_montag, ziel_montag)
        bis = ziel_montag + timedelta(days=6)
        return _einfuegen(
            e,
            neue,
            ziel_montag,
            bis,
            beschreibung="Woche kopiert",
            was=f"Die Woche ab {fmt_tag(quell_montag)}",
            ersetzen=ersetzen,
            zu_ersetzen=e.schichten.im_zeitraum(ziel_montag, bis),
        )


def kopiere_monat(
    db: Datenbank,
    quelle: tuple[int, int],
    ziel: tuple[int, int],
    ausrichtung: Ausrichtung = Ausrichtung.WOCHENTAG,
    *,
    ersetzen: bool = False,
) -> Aenderung:
    with einheit(db) as e:
        q_von, q_bis = monatsgrenzen(*quelle)
        z_von, z_bis = monatsgrenzen(*ziel)
        neue = _kopiere_monat(e.schichten.im_zeitraum(q_von, q_bis - timedelta(days=1)), quelle, ziel, ausrichtung)
        letzter = z_bis - timedelta(days=1)
        return _einfuegen(
            e,
            neue,
            z_von,
            letzter,
            beschreibung=f"{monatsname(*quelle)} kopiert",
            was=f"Der {monatsname(*quelle)}",
            ersetzen=ersetzen,
            zu_ersetzen=e.schichten.im_zeitraum(z_von, letzter),
        )


def wende_muster_an(db: Datenbank, muster_id: int, von: date, bis: date, *, ersetzen: bool = False) -> Aenderung:
    """Expand a pattern into shifts for von..bis, all or nothing. Conflicts with existing shifts are refused with
    a list; with `ersetzen` the period's shifts of the pattern's assistants (and earlier runs of it) go first."""
    if (bis - von).days > 400:
        raise EingabeFehler("Ein Muster kann höchstens für gut ein Jahr auf einmal angewendet werden.", feld="bis")
    with einheit(db) as e:
        muster = e.muster.hole(muster_id)
        neue = expandiere(muster, von, bis)
        personen = muster.assistenzkraefte
        vorhandene = [
            s
            for s in e.schichten.im_zeitraum(von, bis)
            if s.muster_id == muster_id or s.assistenzkraft_id in personen or s.vertretung_fuer in personen
        ]
        return _einfuegen(
            e,
            neue,
            von,
            bis,
            beschreibung=f"Muster „{muster.name}“ angewendet",
            was=f"Das Muster „{muster.name}“",
            ersetzen=ersetzen,
            zu_ersetzen=vorhandene,
        )


# --- Abwesenheiten und Vertretung -------------------------------------------------------------------------------


def schichten_von(db: Datenbank, assistenzkraft_id: int, von: date, bis: date) -> list[Schicht]:
    """Her shifts in von..bis (e.g. those an absence touches, to choose a Vertretung for each)."""
    with einheit(db) as e:
        return [s for s in e.schichten.im_zeitraum(von, bis) if s.assistenzkraft_id == assistenzkraft_id]


def trage_abwesenheit_ein(
    db: Datenbank, abwesenheit: Abwesenheit, vertretungen: Mapping[int, int] | None = None
) -> Aenderung:
    """Record an absence and, in the same step, who covers which of her shifts ({schicht_id: vertretung_id})."""
    with einheit(db) as e:
        geaendert = []
        for schicht_id, vertretung_id in (vertretungen or {}).items():
            vorher = e.schichten.hole(schicht_id)
            if vorher.assistenzkraft_id != abwesenheit.assistenzkraft_id or not abwesenheit.umfasst(vorher.tag):
                raise EingabeFehler(
                    f"Die Schicht am {fmt_tag(vorher.tag)} gehört nicht zu dieser Abwesenheit. "
                    "Nichts wurde gespeichert."
                )
            geaendert.append((vorher, mit_vertretung(vorher, vertretung_id)))
        return wende_an(
            e,
            Aenderung(
                f"{abwesenheit.art.bezeichnung} eingetragen",
                schichten_geaendert=tuple(geaendert),
                abwesenheiten_neu=(replace(abwesenheit, id=None),),
            ),
        )


def aendere_abwesenheit(db: Datenbank, abwesenheit: Abwesenheit) -> Aenderung:
    with einheit(db) as e:
        vorher = e.abwesenheiten.hole(abwesenheit.id)
        return wende_an(e, Aenderung("Abwesenheit geändert", abwesenheiten_geaendert=((vorher, abwesenheit),)))


def loesche_abwesenheit(db: Datenbank, abwesenheit_id: int) -> Aenderung:
    with einheit(db) as e:
        alt = e.abwesenheiten.hole(abwesenheit_id)
        return wende_an(e, Aenderung("Abwesenheit gelöscht", abwesenheiten_geloescht=(alt,)))


def vertretungsvorschlaege(db: Datenbank, schicht_id: int) -> list[Person]:
    """Who could cover: employed that day, not absent, free at that time (sorted by name)."""
    with einheit(db) as e:
        schicht = e.schichten.hole(schicht_id)
        alle = e.stammdaten.personen()
        index = Vertragsindex(e.stammdaten.vertragsdaten(schicht.tag.year))
        abw = Abwesenheitsindex(e.abwesenheiten.im_zeitraum(schicht.tag, schicht.tag))
        nah = e.schichten.im_zeitraum(schicht.tag - timedelta(days=7), schicht.tag + timedelta(days=7))
        frei = []
        for p in alle:
            if p.id == schicht.assistenzkraft_id or index.am(p.id, schicht.tag) is None or abw.am(p.id, schicht.tag):
                continue
            if any(
                o.assistenzkraft_id == p.id and o.beginn_utc < schicht.ende_utc and schicht.beginn_utc < o.ende_utc
                for o in nah
            ):
                continue
            frei.append(p)
        return frei
