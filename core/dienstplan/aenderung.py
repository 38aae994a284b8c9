"""Undo model of the roster: every change is an `Aenderung`; `wende_an` validates all of it, then writes all of it.

`Aenderung.umkehrung()` is the change that undoes one; `anwenden(db, a.umkehrung())` undoes, `anwenden(db, a)`
redoes (rows come back under their old ids). A change whose rows were altered meanwhile is refused
("inzwischen geändert"), so an undo stack can never corrupt data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from core.dienstplan import abbildung as ab
from core.dienstplan.abwesenheit import Abwesenheit, pruefe_abwesenheit
from core.dienstplan.modelle import AbwesenheitZeile, SchichtZeile
from core.dienstplan.repository import Dienstplaneinheit, einheit
from core.dienstplan.schicht import Schicht, fmt_tag, fmt_zeit, pruefe_schicht
from core.dienstplan.vertrag import Vertragsindex
from core.dienstplan.vorgaben import sorge_fuer_vorgaben
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank

HOECHSTENS_GEMELDET = 5


@dataclass(frozen=True, slots=True)
class Aenderung:
    """What one user action changed. `umkehrung()` is the change that undoes it; apply it with `anwenden`."""

    beschreibung: str
    schichten_neu: tuple[Schicht, ...] = ()
    schichten_geaendert: tuple[tuple[Schicht, Schicht], ...] = ()  # (vorher, nachher)
    schichten_geloescht: tuple[Schicht, ...] = ()
    abwesenheiten_neu: tuple[Abwesenheit, ...] = ()
    abwesenheiten_geaendert: tuple[tuple[Abwesenheit, Abwesenheit], ...] = ()
    abwesenheiten_geloescht: tuple[Abwesenheit, ...] = ()

    def umkehrung(self) -> Aenderung:
        return Aenderung(
            beschreibung=f"{self.beschreibung} rückgängig",
            schichten_neu=self.schichten_geloescht,
            schichten_geaendert=tuple((nach, vor) for vor, nach in self.schichten_geaendert),
            schichten_geloescht=self.schichten_neu,
            abwesenheiten_neu=self.abwesenheiten_geloescht,
            abwesenheiten_geaendert=tuple((nach, vor) for vor, nach in self.abwesenheiten_geaendert),
            abwesenheiten_geloescht=self.abwesenheiten_neu,
        )

    @property
    def leer(self) -> bool:
        return not (
            self.schichten_neu
            or self.schichten_geaendert
            or self.schichten_geloescht
            or self.abwesenheiten_neu
            or self.abwesenheiten_geaendert
            or self.abwesenheiten_geloescht
        )

    @property
    def tage(self) -> set[date]:
        """Days whose grid rows change (to refresh just those)."""
        schichten = [*self.schichten_neu, *self.schichten_geloescht]
        schichten += [s for paar in self.schichten_geaendert for s in paar]
        tage = {s.tag for s in schichten}
        abw = [*self.abwesenheiten_neu, *self.abwesenheiten_geloescht]
        abw += [a for paar in self.abwesenheiten_geaendert for a in paar]
        for a in abw:
            tage.update(a.tage)
        return tage


def anwenden(db: Datenbank, aenderung: Aenderung) -> Aenderung:
    """Apply a change (e.g. an `umkehrung()` for undo) all-or-nothing; returns it as stored (ids filled)."""
    with einheit(db) as e:
        return wende_an(e, aenderung)


def _sammelmeldung(kontext: str, fehler: list[str], tipp: str = "") -> str:
    gezeigt = fehler[:HOECHSTENS_GEMELDET]
    text = " ".join(f if f.endswith(".") else f + "." for f in gezeigt)
    if len(fehler) > HOECHSTENS_GEMELDET:
        text += f" … und {len(fehler) - HOECHSTENS_GEMELDET} weitere."
    einleitung = f"{kontext}: " if kontext else ""
    return f"{einleitung}{text} Nichts wurde gespeichert.{' ' + tipp if tipp else ''}"


def wende_an(e: Dienstplaneinheit, a: Aenderung, *, kontext: str = "", tipp: str = "") -> Aenderung:
    """Validate the whole change against the file, then write it inside the caller's unit of work."""
    sorge_fuer_vorgaben(e)
    namen = e.stammdaten.namen()
    nachher = [n for _v, n in a.schichten_geaendert]
    endgueltig = [*a.schichten_neu, *nachher]
    bekannte_arten: set[str] | None = None
    for s in endgueltig:
        if s.assistenzkraft_id not in namen or (s.vertretung_fuer is not None and s.vertretung_fuer not in namen):
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr). Nichts wurde gespeichert.")
        if s.leistungsart is not None or s.leistungsanteile:
            if bekannte_arten is None:
                bekannte_arten = e.leistungsarten.kuerzel()
            _pruefe_leistungsarten(bekannte_arten, s)
        pruefe_schicht(s, namen)

    # Optimistic check: rows to change or delete must still be what the caller saw.
    zeilen: dict[int | None, SchichtZeile] = {}
    for vorher in [*(v for v, _n in a.schichten_geaendert), *a.schichten_geloescht]:
        z = e.schichten.zeile(vorher.id)
        if z is None or ab.schicht_aus_zeile(z) != vorher:
            raise EingabeFehler(
                f"Die Schicht von {namen.get(vorher.assistenzkraft_id, '?')} am {fmt_tag(vorher.tag)} wurde "
                "inzwischen geändert oder gelöscht. Bitte laden Sie den Monat neu. Nichts wurde gespeichert."
            )
        zeilen[z.id] = z
    for vorher, neu in a.schichten_geaendert:
        if neu.id != vorher.id:
            raise EingabeFehler("Interner Fehler: Änderung ohne passende Schicht-Nummer. Nichts wurde gespeichert.")
    for neu in a.schichten_neu:
        if e.schichten.zeile(neu.id) is not None:
            raise EingabeFehler("Diese Schicht ist schon vorhanden (doppelt angewendet). Nichts wurde gespeichert.")

    fehler: list[str] = []
    if endgueltig:
        fehler += _ueberschneidungen(e, endgueltig, {i for i in zeilen if i is not None}, namen)
        fehler += _beschaeftigung(e, endgueltig, namen)
    abw_zeilen: dict[int | None, AbwesenheitZeile] = {}
    for vorher_abw in [*(v for v, _n in a.abwesenheiten_geaendert), *a.abwesenheiten_geloescht]:
        za = e.abwesenheiten.zeile(vorher_abw.id)
        if za is None or ab.abwesenheit_aus_zeile(za) != vorher_abw:
            raise EingabeFehler(
                f"Die Abwesenheit von {namen.get(vorher_abw.assistenzkraft_id, '?')} wurde inzwischen geändert "
                "oder gelöscht. Bitte laden Sie neu. Nichts wurde gespeichert."
            )
        abw_zeilen[za.id] = za
    neue_abw = [*a.abwesenheiten_neu, *(n for _v, n in a.abwesenheiten_geaendert)]
    for i, abw in enumerate(neue_abw):
        if abw.assistenzkraft_id not in namen:
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr). Nichts wurde gespeichert.")
        vorhandene = [
            x for x in e.abwesenheiten.im_zeitraum(abw.von, abw.bis, abw.assistenzkraft_id) if x.id not in abw_zeilen
        ]
        try:
            pruefe_abwesenheit(abw, [*vorhandene, *neue_abw[:i], *neue_abw[i + 1 :]], namen)
        except EingabeFehler as ex:
            fehler.append(str(ex))
    if fehler:
        raise EingabeFehler(_sammelmeldung(kontext, fehler, tipp))

    # Everything is valid: write.
    for alt in a.schichten_geloescht:
        e.schichten.entferne(zeilen[alt.id])
    for alt_abw in a.abwesenheiten_geloescht:
        e.abwesenheiten.entferne(abw_zeilen[alt_abw.id])
    e.flush()
    geaendert: list[tuple[Schicht, SchichtZeile]] = []
    for vorher, neu in a.schichten_geaendert:
        z = zeilen[vorher.id]
        ab.setze_schicht(z, neu)
        geaendert.append((vorher, z))
    neu_zeilen = [e.schichten.fuege_hinzu(neu) for neu in a.schichten_neu]
    abw_geaendert = []
    for vorher_abw, neu_abw in a.abwesenheiten_geaendert:
        za = abw_zeilen[vorher_abw.id]
        ab.setze_abwesenheit(za, neu_abw)
        abw_geaendert.append((vorher_abw, za))
    abw_neu_zeilen = [e.abwesenheiten.fuege_hinzu(neu_abw) for neu_abw in a.abwesenheiten_neu]
    e.flush()
    return Aenderung(
        beschreibung=a.beschreibung,
        schichten_neu=tuple(ab.schicht_aus_zeile(z) for z in neu_zeilen),
        schichten_geaendert=tuple((v, ab.schicht_aus_zeile(z)) for v, z in geaendert),
        schichten_geloescht=a.schichten_geloescht,
        abwesenheiten_neu=tuple(ab.abwesenheit_aus_zeile(z) for z in abw_neu_zeilen),
        abwesenheiten_geaendert=tuple((v, ab.abwesenheit_aus_zeile(z)) for v, z in abw_geaendert),
        abwesenheiten_geloescht=a.abwesenheiten_geloescht,
    )


def _pruefe_leistungsarten(bekannt: set[str], s: Schicht) -> None:
    for art in [s.leistungsart, *(a.leistungsart for a in s.leistungsanteile)]:
        if art is not None and art not in bekannt:
            raise EingabeFehler(
                f"Die Leistungsart „{art}“ ist nicht angelegt. Bitte unter Leistungsarten anlegen oder eine "
                "vorhandene wählen. Nichts wurde gespeichert.",
                feld="leistungsart",
            )


def _ueberschneidungen(
    e: Dienstplaneinheit, endgueltig: list[Schicht], weg: set[int], namen: Mapping[int, str]
) -> list[str]:
    von = min(s.beginn_utc for s in endgueltig) - timedelta(days=1)
    bis = max(s.ende_utc for s in endgueltig) + timedelta(days=1)
    bestehend = [
        s for s in e.schichten.ueberlappend({s.assistenzkraft_id for s in endgueltig}, von, bis) if s.id not in weg
    ]
    fehler = []
    nach_person: dict[int, list[Schicht]] = {}
    for s in bestehend:
        nach_person.setdefault(s.assistenzkraft_id, []).append(s)
    for i, s in enumerate(endgueltig):
        andere = nach_person.get(s.assistenzkraft_id, [])
        fruehere_neue = [n for n in endgueltig[:i] if n.assistenzkraft_id == s.assistenzkraft_id]
        for o in [*andere, *fruehere_neue]:
            if o.beginn_utc < s.ende_utc and s.beginn_utc < o.ende_utc:
                fehler.append(
                    f"{namen.get(s.assistenzkraft_id, '?')} ist am {fmt_tag(o.tag)} schon von {fmt_zeit(o.beginn)} "
                    f"bis {fmt_zeit(o.ende)} eingeplant; die Schicht {fmt_zeit(s.beginn)}–{fmt_zeit(s.ende)} am "
                    f"{fmt_tag(s.tag)} überschneidet sich damit"
                )
                break
    return fehler


def _beschaeftigung(e: Dienstplaneinheit, endgueltig: list[Schicht], namen: Mapping[int, str]) -> list[str]:
    personen = {s.assistenzkraft_id for s in endgueltig}
    jahr = min(s.tag for s in endgueltig).year
    index = Vertragsindex(e.stammdaten.vertragsdaten(jahr, personen, namen=dict(namen)))
    fehler = []
    gemeldet: set[tuple[int, date]] = set()
    for s in endgueltig:
        if index.am(s.assistenzkraft_id, s.tag) is not None or (s.assistenzkraft_id, s.tag) in gemeldet:
            continue
        gemeldet.add((s.assistenzkraft_id, s.tag))
        zeiten = [
            f"ab {fmt_tag(v.beginn)}" if v.ende is None else f"{fmt_tag(v.beginn)} bis {fmt_tag(v.ende)}"
            for v in index.von(s.assistenzkraft_id)
        ]
        vertrag = f"Vertrag {', '.join(zeiten)}" if zeiten else "kein Vertrag erfasst"
        fehler.append(
            f"{namen.get(s.assistenzkraft_id, '?')} ist am {fmt_tag(s.tag)} nicht beschäftigt ({vertrag}). "
            "Bitte wählen Sie eine andere Assistenzkraft oder ergänzen Sie den Vertrag"
        )
    return fehler
