"""Roster services for the GUI and the CLI: one unit of work per user action, everything validated before anything
is written, every change returned as an `Aenderung` whose `umkehrung()` undoes it.

Plain dataclasses in and out (no ORM object leaves this module):
- Read: `monat_oeffnen(db, jahr, monat) -> Monatsplan` (raster = days × shift columns with cell texts, schichten,
  abwesenheiten, bedarf, hinweise with day/person/shift ids, hours per person and per Leistungsart);
  `schichten_von`, `vertretungsvorschlaege`, `stundenzettel_fuer`, `urlaubsuebersicht`, `liste_vorlagen`,
  `liste_muster`, `liste_leistungsarten`, `bedarfsprofil_am`, `lade_einstellungen`.
- Change (each returns an `Aenderung`): `plane`, `plane_vorlage`, `aendere`, `verschiebe`, `verschiebe_um_tage`,
  `weise_zu`, `vertrete`, `tausche`, `loesche`, `erfasse_istzeit`, `kopiere_woche`, `kopiere_monat`,
  `wende_muster_an`, `trage_abwesenheit_ein` (with Vertretungen in the same step), `aendere_abwesenheit`,
  `loesche_abwesenheit`.
- Undo: `anwenden(db, a.umkehrung())`; redo: `anwenden(db, a)` (rows come back under their old ids). A change whose
  rows were altered meanwhile is refused ("inzwischen geändert"), so an undo stack can never corrupt data.
- Settings and catalogues: `speichere_vorlage`, `speichere_muster`, `speichere_bedarfsprofil`,
  `speichere_leistungsart`, `speichere_einstellungen` (working-time rules), `setze_urlaubsuebertrag`.
Bad input raises `EingabeFehler` (one German message, nothing saved). Business conditions (rest time, Mindestlohn,
uncovered need …) are never errors: they come back as `Pruefhinweis` in `Monatsplan.hinweise`.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.dienstplan import abbildung as ab
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex, mit_vertretung, pruefe_abwesenheit
from core.dienstplan.arbeitszeit import Arbeitszeitmodus, Arbeitszeitregeln, eigene_regeln, keine_regeln, nach_arbzg
from core.dienstplan.bedarf import Bedarfsprofil, Tagesabdeckung, leistungsarten_aus_bedarf
from core.dienstplan.kopieren import Ausrichtung, verschiebe_schicht
from core.dienstplan.kopieren import kopiere_monat as _kopiere_monat
from core.dienstplan.kopieren import kopiere_woche as _kopiere_woche
from core.dienstplan.modelle import (
    AbwesenheitZeile,
    BedarfsblockZeile,
    BedarfsprofilZeile,
    LeistungsartZeile,
    MusterEintragZeile,
    MusterZeile,
    SchichtvorlageZeile,
    SchichtZeile,
    UrlaubUebertragZeile,
)
from core.dienstplan.muster import Muster, expandiere
from core.dienstplan.pruefungen import Pruefeingaben, Pruefhinweis, kurzfristige_arbeitstage, pruefe_monat
from core.dienstplan.raster import Monatsraster, monatsraster
from core.dienstplan.schicht import (
    Istzeit,
    Leistungsanteil,
    Pause,
    Schicht,
    Stunden,
    Teil,
    fmt_tag,
    fmt_zeit,
    pruefe_schicht,
    schichtstunden,
    stunden_je_leistungsart,
)
from core.dienstplan.schicht import tausche as _tausche
from core.dienstplan.stundenzettel import Stundenzettel, stundenzettel
from core.dienstplan.tage import monatsname
from core.dienstplan.urlaub import (
    Urlaubsanspruch,
    Urlaubskonto,
    arbeitstage_aus_plan,
    arbeitstage_nach_wochentagen,
    urlaubsanspruch,
    urlaubskonto,
)
from core.dienstplan.vertrag import Vertragsdaten, Vertragsindex
from core.dienstplan.vorlagen import STANDARDVORLAGEN, Schichtvorlage, schicht_aus_vorlage
from core.domain.kalender import monatsgrenzen
from core.domain.zeit import BERLIN
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Einstellung
from core.regeln.klassifikation import Beschaeftigungsart
from core.ressourcen import ressource

Person = ab.Person
VORGABEN_SCHLUESSEL = "dienstplan.vorgaben_angelegt"
EINSTELLUNG_SCHLUESSEL = "dienstplan.arbeitszeit"
RAND = timedelta(days=7)  # shifts around the month for rest time and weeks crossing the month border
HOECHSTENS_GEMELDET = 5


# --- Änderungen (undo/redo) ------------------------------------------------------------------------------------


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
    with db.arbeitseinheit() as sitzung:
        return _anwenden(sitzung, aenderung)


def _sammelmeldung(kontext: str, fehler: list[str], tipp: str = "") -> str:
    gezeigt = fehler[:HOECHSTENS_GEMELDET]
    text = " ".join(f if f.endswith(".") else f + "." for f in gezeigt)
    if len(fehler) > HOECHSTENS_GEMELDET:
        text += f" … und {len(fehler) - HOECHSTENS_GEMELDET} weitere."
    einleitung = f"{kontext}: " if kontext else ""
    return f"{einleitung}{text} Nichts wurde gespeichert.{' ' + tipp if tipp else ''}"


def _anwenden(sitzung: Session, a: Aenderung, *, kontext: str = "", tipp: str = "") -> Aenderung:
    _vorgaben(sitzung)
    namen = {p.id: p.name for p in ab.personen(sitzung)}
    nachher = [n for _v, n in a.schichten_geaendert]
    endgueltig = [*a.schichten_neu, *nachher]
    bekannte_arten: set[str] | None = None
    for s in endgueltig:
        if s.assistenzkraft_id not in namen or (s.vertretung_fuer is not None and s.vertretung_fuer not in namen):
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr). Nichts wurde gespeichert.")
        if s.leistungsart is not None or s.leistungsanteile:
            if bekannte_arten is None:
                bekannte_arten = set(sitzung.scalars(select(LeistungsartZeile.kuerzel)))
            _pruefe_leistungsarten(bekannte_arten, s)
        pruefe_schicht(s, namen)

    # Optimistic check: rows to change or delete must still be what the caller saw.
    zeilen: dict[int, SchichtZeile] = {}
    for vorher in [*(v for v, _n in a.schichten_geaendert), *a.schichten_geloescht]:
        z = sitzung.get(SchichtZeile, vorher.id) if vorher.id is not None else None
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
        if neu.id is not None and sitzung.get(SchichtZeile, neu.id) is not None:
            raise EingabeFehler("Diese Schicht ist schon vorhanden (doppelt angewendet). Nichts wurde gespeichert.")

    fehler: list[str] = []
    if endgueltig:
        fehler += _ueberschneidungen(sitzung, endgueltig, set(zeilen), namen)
        fehler += _beschaeftigung(sitzung, endgueltig, namen)
    abw_zeilen: dict[int, AbwesenheitZeile] = {}
    for vorher_abw in [*(v for v, _n in a.abwesenheiten_geaendert), *a.abwesenheiten_geloescht]:
        za = sitzung.get(AbwesenheitZeile, vorher_abw.id) if vorher_abw.id is not None else None
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
            ab.abwesenheit_aus_zeile(z)
            for z in sitzung.scalars(
                select(AbwesenheitZeile).where(
                    AbwesenheitZeile.assistenzkraft_id == abw.assistenzkraft_id,
                    AbwesenheitZeile.von <= abw.bis,
                    AbwesenheitZeile.bis >= abw.von,
                )
            )
            if z.id not in abw_zeilen
        ]
        try:
            pruefe_abwesenheit(abw, [*vorhandene, *neue_abw[:i], *neue_abw[i + 1 :]], namen)
        except EingabeFehler as e:
            fehler.append(str(e))
    if fehler:
        raise EingabeFehler(_sammelmeldung(kontext, fehler, tipp))

    # Everything is valid: write.
    for alt in a.schichten_geloescht:
        sitzung.delete(zeilen[alt.id])  # type: ignore[index]
    for alt_abw in a.abwesenheiten_geloescht:
        sitzung.delete(abw_zeilen[alt_abw.id])  # type: ignore[index]
    sitzung.flush()
    geaendert: list[tuple[Schicht, Schicht, SchichtZeile]] = []
    for vorher, neu in a.schichten_geaendert:
        z = zeilen[vorher.id]  # type: ignore[index]
        ab.setze_schicht(z, neu)
        geaendert.append((vorher, neu, z))
    neu_zeilen = []
    for neu in a.schichten_neu:
        z = SchichtZeile(id=neu.id) if neu.id is not None else SchichtZeile()
        ab.setze_schicht(z, neu)
        sitzung.add(z)
        neu_zeilen.append(z)
    abw_geaendert = []
    for vorher_abw, neu_abw in a.abwesenheiten_geaendert:
        za = abw_zeilen[vorher_abw.id]  # type: ignore[index]
        ab.setze_abwesenheit(za, neu_abw)
        abw_geaendert.append((vorher_abw, za))
    abw_neu_zeilen = []
    for neu_abw in a.abwesenheiten_neu:
        za = AbwesenheitZeile(id=neu_abw.id) if neu_abw.id is not None else AbwesenheitZeile()
        ab.setze_abwesenheit(za, neu_abw)
        sitzung.add(za)
        abw_neu_zeilen.append(za)
    sitzung.flush()
    return Aenderung(
        beschreibung=a.beschreibung,
        schichten_neu=tuple(ab.schicht_aus_zeile(z) for z in neu_zeilen),
        schichten_geaendert=tuple((v, ab.schicht_aus_zeile(z)) for v, _n, z in geaendert),
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
    sitzung: Session, endgueltig: list[Schicht], weg: set[int], namen: Mapping[int, str]
) -> list[str]:
    personen = {s.assistenzkraft_id for s in endgueltig}
    von = min(s.beginn_utc for s in endgueltig) - timedelta(days=1)
    bis = max(s.ende_utc for s in endgueltig) + timedelta(days=1)
    bestehend = [
        ab.schicht_aus_zeile(z)
        for z in sitzung.scalars(
            select(SchichtZeile).where(
                SchichtZeile.assistenzkraft_id.in_(personen),
                SchichtZeile.beginn < bis,
                SchichtZeile.beginn >= von - timedelta(days=8),  # no shift is longer than 7 days
                SchichtZeile.ende > von,
            )
        )
        if z.id not in weg
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


def _beschaeftigung(sitzung: Session, endgueltig: list[Schicht], namen: Mapping[int, str]) -> list[str]:
    personen = {s.assistenzkraft_id for s in endgueltig}
    jahr = min(s.tag for s in endgueltig).year
    index = Vertragsindex(ab.vertragsdaten(sitzung, jahr, personen, namen=dict(namen)))
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


# --- Vorgaben: Leistungsarten und Standardvorlagen -------------------------------------------------------------


def _vorgaben(sitzung: Session) -> None:
    """Seed Leistungsarten and the standard templates once per file (deleting them later keeps them deleted)."""
    if sitzung.get(Einstellung, VORGABEN_SCHLUESSEL) is not None:
        return
    with ressource("dienstplan", "leistungsarten.toml").open("rb") as datei:
        for eintrag in tomllib.load(datei)["leistungsart"]:
            if sitzung.scalars(
                select(LeistungsartZeile).where(LeistungsartZeile.kuerzel == eintrag["kuerzel"])
            ).first():
                continue
            sitzung.add(
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
        if sitzung.scalars(select(SchichtvorlageZeile).where(SchichtvorlageZeile.name == vorlage.name)).first():
            continue
        z = SchichtvorlageZeile(sortierung=i, aktiv=True)
        ab.setze_vorlage(z, vorlage)
        sitzung.add(z)
    sitzung.add(Einstellung(schluessel=VORGABEN_SCHLUESSEL, wert="1"))
    sitzung.flush()


def lege_vorgaben_an(db: Datenbank) -> None:
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)


# --- Einstellungen: Arbeitszeitregeln --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dienstplaneinstellungen:
    """Which working-time rules the checks apply (see core.dienstplan.arbeitszeit for the legal reasoning).

    `ausgenommen`: assistants living in the household (§ 18 Abs. 1 Nr. 3 ArbZG). EIGENE: own limits in hours.
    """

    modus: Arbeitszeitmodus = Arbeitszeitmodus.ARBZG
    ausgenommen: frozenset[int] = field(default_factory=frozenset)
    hoechst_tag_stunden: Decimal | None = None
    hoechst_woche_stunden: Decimal | None = None
    durchschnitt_woche_stunden: Decimal | None = None
    ruhezeit_stunden: Decimal | None = None
    bereitschaft_zaehlt: bool = True

    def regeln(self, stichtag: date) -> Arbeitszeitregeln:
        """The rules for a month; raises EingabeFehler if the year has no rule table."""
        if self.modus is Arbeitszeitmodus.KEINE:
            return keine_regeln(stichtag)
        if self.modus is Arbeitszeitmodus.ARBZG:
            return nach_arbzg(stichtag)

        def h(wert: Decimal | None) -> timedelta | None:
            return None if wert is None else timedelta(minutes=int(wert * 60))

        return eigene_regeln(
            stichtag,
            hoechst_tag=h(self.hoechst_tag_stunden),
            hoechst_woche=h(self.hoechst_woche_stunden),
            durchschnitt_woche=h(self.durchschnitt_woche_stunden),
            ruhezeit=h(self.ruhezeit_stunden),
            bereitschaft_zaehlt=self.bereitschaft_zaehlt,
        )


def _einstellungen(sitzung: Session) -> Dienstplaneinstellungen:
    zeile = sitzung.get(Einstellung, EINSTELLUNG_SCHLUESSEL)
    if zeile is None or not zeile.wert:
        return Dienstplaneinstellungen()
    roh = json.loads(zeile.wert)

    def d(schluessel: str) -> Decimal | None:
        return Decimal(roh[schluessel]) if roh.get(schluessel) is not None else None

    return Dienstplaneinstellungen(
        modus=Arbeitszeitmodus(roh.get("modus", "arbzg")),
        ausgenommen=frozenset(int(i) for i in roh.get("ausgenommen", ())),
        hoechst_tag_stunden=d("hoechst_tag_stunden"),
        hoechst_woche_stunden=d("hoechst_woche_stunden"),
        durchschnitt_woche_stunden=d("durchschnitt_woche_stunden"),
        ruhezeit_stunden=d("ruhezeit_stunden"),
        bereitschaft_zaehlt=bool(roh.get("bereitschaft_zaehlt", True)),
    )


def lade_einstellungen(db: Datenbank) -> Dienstplaneinstellungen:
    with db.arbeitseinheit() as sitzung:
        return _einstellungen(sitzung)


def speichere_einstellungen(db: Datenbank, e: Dienstplaneinstellungen) -> Dienstplaneinstellungen:
    for name in ("hoechst_tag_stunden", "hoechst_woche_stunden", "durchschnitt_woche_stunden", "ruhezeit_stunden"):
        wert = getattr(e, name)
        if wert is not None and not Decimal(0) < wert <= Decimal(168):
            raise EingabeFehler("Stundengrenzen müssen größer als 0 und höchstens 168 sein.", feld=name)
    roh = {
        "modus": e.modus.value,
        "ausgenommen": sorted(e.ausgenommen),
        "bereitschaft_zaehlt": e.bereitschaft_zaehlt,
        **{
            n: (str(getattr(e, n)) if getattr(e, n) is not None else None)
            for n in ("hoechst_tag_stunden", "hoechst_woche_stunden", "durchschnitt_woche_stunden", "ruhezeit_stunden")
        },
    }
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.get(Einstellung, EINSTELLUNG_SCHLUESSEL)
        if zeile is None:
            zeile = Einstellung(schluessel=EINSTELLUNG_SCHLUESSEL)
            sitzung.add(zeile)
        zeile.wert = json.dumps(roh)
        return _einstellungen(sitzung)


# --- Stammdaten des Dienstplans: Vorlagen, Muster, Bedarf, Leistungsarten --------------------------------------


@dataclass(frozen=True, slots=True)
class Leistungsart:
    kuerzel: str
    bezeichnung: str
    kostentraeger: str
    rechtsgrundlage: str = ""
    aktiv: bool = True


def liste_leistungsarten(db: Datenbank) -> list[Leistungsart]:
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)
        return [
            Leistungsart(z.kuerzel, z.bezeichnung, z.kostentraeger, z.rechtsgrundlage, z.aktiv)
            for z in sitzung.scalars(select(LeistungsartZeile).order_by(LeistungsartZeile.id))
        ]


def speichere_leistungsart(db: Datenbank, la: Leistungsart) -> Leistungsart:
    kuerzel = la.kuerzel.strip()
    if not kuerzel or len(kuerzel) > 20:
        raise EingabeFehler("Bitte ein Kürzel mit höchstens 20 Zeichen angeben.", feld="kuerzel")
    if not la.bezeichnung.strip():
        raise EingabeFehler("Bitte eine Bezeichnung angeben.", feld="bezeichnung")
    with db.arbeitseinheit() as sitzung:
        z = sitzung.scalars(select(LeistungsartZeile).where(LeistungsartZeile.kuerzel == kuerzel)).first()
        if z is None:
            z = LeistungsartZeile(kuerzel=kuerzel, vorbelegt=False)
            sitzung.add(z)
        z.bezeichnung, z.kostentraeger, z.rechtsgrundlage, z.aktiv = (
            la.bezeichnung.strip(),
            la.kostentraeger.strip(),
            la.rechtsgrundlage.strip(),
            la.aktiv,
        )
        return replace(la, kuerzel=kuerzel)


def _vorlagen(sitzung: Session, *, nur_aktive: bool = False) -> list[Schichtvorlage]:
    abfrage = select(SchichtvorlageZeile).order_by(SchichtvorlageZeile.sortierung, SchichtvorlageZeile.beginn)
    if nur_aktive:
        abfrage = abfrage.where(SchichtvorlageZeile.aktiv.is_(True))
    return [ab.vorlage_aus_zeile(z) for z in sitzung.scalars(abfrage)]


def liste_vorlagen(db: Datenbank) -> list[Schichtvorlage]:
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)
        return _vorlagen(sitzung)


def speichere_vorlage(db: Datenbank, vorlage: Schichtvorlage) -> Schichtvorlage:
    """Create (id None) or change a template; a rename also renames it on existing shifts (grid columns)."""
    vorlage.pruefe()
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)
        gleich = sitzung.scalars(select(SchichtvorlageZeile).where(SchichtvorlageZeile.name == vorlage.name.strip()))
        doppelt = gleich.first()
        if doppelt is not None and doppelt.id != vorlage.id:
            raise EingabeFehler(f"Eine Vorlage „{vorlage.name}“ gibt es schon.", feld="name")
        if vorlage.id is None:
            anzahl = len(sitzung.scalars(select(SchichtvorlageZeile.id)).all())
            z = SchichtvorlageZeile(sortierung=anzahl, aktiv=True)
            sitzung.add(z)
        else:
            gefunden = sitzung.get(SchichtvorlageZeile, vorlage.id)
            if gefunden is None:
                raise EingabeFehler("Diese Vorlage gibt es nicht (mehr).")
            z = gefunden
            if z.name != vorlage.name.strip():
                for s in sitzung.scalars(select(SchichtZeile).where(SchichtZeile.vorlage == z.name)):
                    s.vorlage = vorlage.name.strip()
        ab.setze_vorlage(z, vorlage)
        sitzung.flush()
        return ab.vorlage_aus_zeile(z)


def loesche_vorlage(db: Datenbank, vorlage_id: int) -> None:
    with db.arbeitseinheit() as sitzung:
        z = sitzung.get(SchichtvorlageZeile, vorlage_id)
        if z is None:
            return
        muster = sitzung.scalars(
            select(MusterZeile.name).join(MusterEintragZeile).where(MusterEintragZeile.vorlage_id == vorlage_id)
        ).first()
        if muster is not None:
            raise EingabeFehler(
                f"Die Vorlage „{z.name}“ wird im Muster „{muster}“ verwendet. Bitte ändern Sie zuerst das Muster."
            )
        sitzung.delete(z)


def _vorlage(sitzung: Session, vorlage_id: int) -> Schichtvorlage:
    z = sitzung.get(SchichtvorlageZeile, vorlage_id)
    if z is None:
        raise EingabeFehler("Diese Schichtvorlage gibt es nicht (mehr).")
    return ab.vorlage_aus_zeile(z)


def _muster(sitzung: Session, muster_id: int) -> Muster:
    z = sitzung.scalars(
        select(MusterZeile).where(MusterZeile.id == muster_id).options(selectinload(MusterZeile.eintraege))
    ).first()
    if z is None:
        raise EingabeFehler("Dieses Muster gibt es nicht (mehr).")
    vorlagen = {v.id: v for v in _vorlagen(sitzung) if v.id is not None}
    return ab.muster_aus_zeile(z, vorlagen)


def liste_muster(db: Datenbank) -> list[Muster]:
    with db.arbeitseinheit() as sitzung:
        vorlagen = {v.id: v for v in _vorlagen(sitzung) if v.id is not None}
        zeilen = sitzung.scalars(
            select(MusterZeile).options(selectinload(MusterZeile.eintraege)).order_by(MusterZeile.name)
        )
        return [ab.muster_aus_zeile(z, vorlagen) for z in zeilen]


def speichere_muster(db: Datenbank, muster: Muster) -> Muster:
    """Create or replace a pattern; its entries reference templates by id (save the templates first)."""
    muster.pruefe()
    with db.arbeitseinheit() as sitzung:
        doppelt = sitzung.scalars(select(MusterZeile).where(MusterZeile.name == muster.name.strip())).first()
        if doppelt is not None and doppelt.id != muster.id:
            raise EingabeFehler(f"Ein Muster „{muster.name}“ gibt es schon.", feld="name")
        if muster.id is None:
            z = MusterZeile()
            sitzung.add(z)
        else:
            gefunden = sitzung.get(MusterZeile, muster.id)
            if gefunden is None:
                raise EingabeFehler("Dieses Muster gibt es nicht (mehr).")
            z = gefunden
        z.name, z.art, z.anker, z.zyklus_tage = muster.name.strip(), muster.art.value, muster.anker, muster.zyklus_tage
        z.gueltig_von, z.gueltig_bis = muster.gueltig_von, muster.gueltig_bis
        eintraege = []
        for e in muster.eintraege:
            if e.vorlage.id is None:
                raise EingabeFehler(f"Die Vorlage „{e.vorlage.name}“ ist noch nicht gespeichert.")
            eintraege.append(
                MusterEintragZeile(tag=e.tag, vorlage_id=e.vorlage.id, assistenzkraft_id=e.assistenzkraft_id)
            )
        z.eintraege = eintraege
        sitzung.flush()
        return replace(muster, id=z.id)


def loesche_muster(db: Datenbank, muster_id: int) -> None:
    with db.arbeitseinheit() as sitzung:
        z = sitzung.get(MusterZeile, muster_id)
        if z is not None:
            sitzung.delete(z)


def _bedarf_am(sitzung: Session, tag: date, land: str | None) -> Bedarfsprofil | None:
    z = sitzung.scalars(
        select(BedarfsprofilZeile)
        .where(BedarfsprofilZeile.gueltig_ab <= tag)
        .order_by(BedarfsprofilZeile.gueltig_ab.desc())
        .options(selectinload(BedarfsprofilZeile.bloecke))
    ).first()
    return None if z is None else ab.bedarf_aus_zeile(z, land)


def bedarfsprofil_am(db: Datenbank, tag: date) -> Bedarfsprofil | None:
    with db.arbeitseinheit() as sitzung:
        return _bedarf_am(sitzung, tag, ab.arbeitsort(sitzung)[0])


def speichere_bedarfsprofil(db: Datenbank, profil: Bedarfsprofil, gueltig_ab: date) -> Bedarfsprofil:
    """Save the need profile valid from `gueltig_ab` (replaces a version with the same date)."""
    profil.pruefe()
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)
        kuerzel = set(sitzung.scalars(select(LeistungsartZeile.kuerzel)))
        for bloecke in profil.tage.values():
            for b in bloecke:
                if b.leistungsart is not None and b.leistungsart not in kuerzel:
                    raise EingabeFehler(f"Die Leistungsart „{b.leistungsart}“ ist nicht angelegt.", feld="leistungsart")
        z = sitzung.scalars(select(BedarfsprofilZeile).where(BedarfsprofilZeile.gueltig_ab == gueltig_ab)).first()
        if z is None:
            z = BedarfsprofilZeile(gueltig_ab=gueltig_ab)
            sitzung.add(z)
        z.name, z.feiertag_wie_sonntag = profil.name, profil.feiertag_wie_sonntag
        z.bloecke = [
            BedarfsblockZeile(
                wochentag=t, beginn=b.beginn, ende=b.ende, stufe=b.stufe.value, leistungsart=b.leistungsart
            )
            for t, bloecke in sorted(profil.tage.items())
            for b in bloecke
        ]
        sitzung.flush()
        return ab.bedarf_aus_zeile(z, ab.arbeitsort(sitzung)[0])


# --- Schichten planen und ändern (each returns an Aenderung) ---------------------------------------------------


def _lade(sitzung: Session, schicht_id: int) -> Schicht:
    z = sitzung.get(SchichtZeile, schicht_id)
    if z is None:
        raise EingabeFehler("Diese Schicht gibt es nicht (mehr). Bitte laden Sie den Monat neu.")
    return ab.schicht_aus_zeile(z)


def _mit_kostentraeger(sitzung: Session, schichten: Iterable[Schicht]) -> list[Schicht]:
    land = ab.arbeitsort(sitzung)[0]
    profile: dict[date, Bedarfsprofil | None] = {}
    ergebnis = []
    for s in schichten:
        if s.leistungsart is None and not s.leistungsanteile:
            if s.tag not in profile:
                profile[s.tag] = _bedarf_am(sitzung, s.tag, land)
            profil = profile[s.tag]
            if profil is not None:
                s = leistungsarten_aus_bedarf(s, profil, land=land)
        ergebnis.append(s)
    return ergebnis


def plane(db: Datenbank, schicht: Schicht) -> Aenderung:
    """A new shift. Without Leistungsart it takes the one(s) of the need profile at that time."""
    with db.arbeitseinheit() as sitzung:
        (neu,) = _mit_kostentraeger(sitzung, [replace(schicht, id=None)])
        return _anwenden(sitzung, Aenderung("Schicht geplant", schichten_neu=(neu,)))


def plane_vorlage(db: Datenbank, vorlage_id: int, tag: date, assistenzkraft_id: int) -> Aenderung:
    with db.arbeitseinheit() as sitzung:
        schicht = schicht_aus_vorlage(_vorlage(sitzung, vorlage_id), tag, assistenzkraft_id)
        (neu,) = _mit_kostentraeger(sitzung, [schicht])
        return _anwenden(sitzung, Aenderung(f"{schicht.vorlage} geplant", schichten_neu=(neu,)))


def aendere(db: Datenbank, schicht: Schicht) -> Aenderung:
    """Replace a shift by id with the given one (times, parts, Leistungsart, note, actual times …)."""
    if schicht.id is None:
        raise EingabeFehler("Interner Fehler: Schicht ohne Nummer.")
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht.id)
        return _anwenden(sitzung, Aenderung("Schicht geändert", schichten_geaendert=((vorher, schicht),)))


def verschiebe(db: Datenbank, schicht_id: int, beginn: datetime, ende: datetime | None = None) -> Aenderung:
    """Move a shift to a new start (same real length) or set new start and end; parts and breaks move along
    (with a new end they are cut to the new times)."""
    if beginn.tzinfo is None or (ende is not None and ende.tzinfo is None):
        raise EingabeFehler("Interner Fehler: Uhrzeit ohne Zeitzone.")
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht_id)
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
        return _anwenden(sitzung, Aenderung("Schicht verschoben", schichten_geaendert=((vorher, nachher),)))


def verschiebe_um_tage(db: Datenbank, schicht_id: int, tage: int) -> Aenderung:
    """Move a shift to another day at the same wall-clock times (its real length follows DST)."""
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht_id)
        nachher = verschiebe_schicht(vorher, tage, als_plan=False)
        return _anwenden(sitzung, Aenderung("Schicht verschoben", schichten_geaendert=((vorher, nachher),)))


def weise_zu(db: Datenbank, schicht_id: int, assistenzkraft_id: int) -> Aenderung:
    """Give the shift to another assistant (a plain change of plan, no Vertretung recorded)."""
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht_id)
        nachher = replace(vorher, assistenzkraft_id=assistenzkraft_id, vertretung_fuer=None)
        return _anwenden(sitzung, Aenderung("Schicht neu besetzt", schichten_geaendert=((vorher, nachher),)))


def vertrete(db: Datenbank, schicht_id: int, vertretung_id: int | None) -> Aenderung:
    """`vertretung_id` covers the shift of the originally planned assistant; None gives it back to her."""
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht_id)
        urspruenglich = vorher.vertretung_fuer or vorher.assistenzkraft_id
        nachher = mit_vertretung(vorher, vertretung_id if vertretung_id is not None else urspruenglich)
        text = "Vertretung eingetragen" if vertretung_id is not None else "Vertretung aufgehoben"
        return _anwenden(sitzung, Aenderung(text, schichten_geaendert=((vorher, nachher),)))


def tausche(db: Datenbank, schicht_a: int, schicht_b: int) -> Aenderung:
    """Two assistants swap shifts (seed 004, 2.6.1, 5 January)."""
    with db.arbeitseinheit() as sitzung:
        a, b = _lade(sitzung, schicht_a), _lade(sitzung, schicht_b)
        a2, b2 = _tausche(a, b)
        return _anwenden(sitzung, Aenderung("Schichten getauscht", schichten_geaendert=((a, a2), (b, b2))))


def loesche(db: Datenbank, schicht_ids: Iterable[int]) -> Aenderung:
    with db.arbeitseinheit() as sitzung:
        alte = tuple(_lade(sitzung, i) for i in dict.fromkeys(schicht_ids))
        text = "Schicht gelöscht" if len(alte) == 1 else f"{len(alte)} Schichten gelöscht"
        return _anwenden(sitzung, Aenderung(text, schichten_geloescht=alte))


def erfasse_istzeit(db: Datenbank, schicht_id: int, ist: Istzeit | None) -> Aenderung:
    """Record what was actually worked (None: as planned). Payroll uses these times."""
    with db.arbeitseinheit() as sitzung:
        vorher = _lade(sitzung, schicht_id)
        nachher = replace(vorher, ist=ist)
        return _anwenden(sitzung, Aenderung("Tatsächliche Zeit erfasst", schichten_geaendert=((vorher, nachher),)))


def _im_zeitraum(sitzung: Session, von: date, bis: date) -> list[Schicht]:
    return [
        ab.schicht_aus_zeile(z)
        for z in sitzung.scalars(
            select(SchichtZeile).where(SchichtZeile.tag >= von, SchichtZeile.tag <= bis).order_by(SchichtZeile.beginn)
        )
    ]


def _einfuegen(
    sitzung: Session,
    neue: list[Schicht],
    von: date,
    bis: date,
    *,
    beschreibung: str,
    was: str,
    ersetzen: bool,
    zu_ersetzen: Iterable[Schicht] = (),
) -> Aenderung:
    neue = _mit_kostentraeger(sitzung, neue)
    weg = tuple(zu_ersetzen) if ersetzen else ()
    return _anwenden(
        sitzung,
        Aenderung(beschreibung, schichten_neu=tuple(neue), schichten_geloescht=weg),
        kontext=f"{was} kann für {fmt_tag(von)} bis {fmt_tag(bis)} nicht übernommen werden",
        tipp="" if ersetzen else "Wenn die vorhandenen Schichten weichen sollen, wählen Sie „Vorhandene ersetzen“.",
    )


def kopiere_woche(db: Datenbank, quell_montag: date, ziel_montag: date, *, ersetzen: bool = False) -> Aenderung:
    """Copy a week's shifts (wall-clock times) to another week. `ersetzen`: the target week's shifts go first."""
    with db.arbeitseinheit() as sitzung:
        quelle = _im_zeitraum(sitzung, quell_montag, quell_montag + timedelta(days=6))
        neue = _kopiere_woche(quelle, quell_montag, ziel_montag)
        bis = ziel_montag + timedelta(days=6)
        return _einfuegen(
            sitzung,
            neue,
            ziel_montag,
            bis,
            beschreibung="Woche kopiert",
            was=f"Die Woche ab {fmt_tag(quell_montag)}",
            ersetzen=ersetzen,
            zu_ersetzen=_im_zeitraum(sitzung, ziel_montag, bis),
        )


def kopiere_monat(
    db: Datenbank,
    quelle: tuple[int, int],
    ziel: tuple[int, int],
    ausrichtung: Ausrichtung = Ausrichtung.WOCHENTAG,
    *,
    ersetzen: bool = False,
) -> Aenderung:
    with db.arbeitseinheit() as sitzung:
        q_von, q_bis = monatsgrenzen(*quelle)
        z_von, z_bis = monatsgrenzen(*ziel)
        neue = _kopiere_monat(_im_zeitraum(sitzung, q_von, q_bis - timedelta(days=1)), quelle, ziel, ausrichtung)
        letzter = z_bis - timedelta(days=1)
        return _einfuegen(
            sitzung,
            neue,
            z_von,
            letzter,
            beschreibung=f"{monatsname(*quelle)} kopiert",
            was=f"Der {monatsname(*quelle)}",
            ersetzen=ersetzen,
            zu_ersetzen=_im_zeitraum(sitzung, z_von, letzter),
        )


def wende_muster_an(db: Datenbank, muster_id: int, von: date, bis: date, *, ersetzen: bool = False) -> Aenderung:
    """Expand a pattern into shifts for von..bis, all or nothing. Conflicts with existing shifts are refused with
    a list; with `ersetzen` the period's shifts of the pattern's assistants (and earlier runs of it) go first."""
    if (bis - von).days > 400:
        raise EingabeFehler("Ein Muster kann höchstens für gut ein Jahr auf einmal angewendet werden.", feld="bis")
    with db.arbeitseinheit() as sitzung:
        muster = _muster(sitzung, muster_id)
        neue = expandiere(muster, von, bis)
        personen = muster.assistenzkraefte
        vorhandene = [
            s
            for s in _im_zeitraum(sitzung, von, bis)
            if s.muster_id == muster_id or s.assistenzkraft_id in personen or s.vertretung_fuer in personen
        ]
        return _einfuegen(
            sitzung,
            neue,
            von,
            bis,
            beschreibung=f"Muster „{muster.name}“ angewendet",
            was=f"Das Muster „{muster.name}“",
            ersetzen=ersetzen,
            zu_ersetzen=vorhandene,
        )


# --- Abwesenheiten ----------------------------------------------------------------------------------------------


def schichten_von(db: Datenbank, assistenzkraft_id: int, von: date, bis: date) -> list[Schicht]:
    """Her shifts in a period (e.g. those an absence affects, to offer a Vertretung for each)."""
    with db.arbeitseinheit() as sitzung:
        return [s for s in _im_zeitraum(sitzung, von, bis) if s.assistenzkraft_id == assistenzkraft_id]


def trage_abwesenheit_ein(
    db: Datenbank, abwesenheit: Abwesenheit, vertretungen: Mapping[int, int] | None = None
) -> Aenderung:
    """Record an absence and, in the same step, who covers which of her shifts ({schicht_id: vertretung_id})."""
    with db.arbeitseinheit() as sitzung:
        geaendert = []
        for schicht_id, vertretung_id in (vertretungen or {}).items():
            vorher = _lade(sitzung, schicht_id)
            if vorher.assistenzkraft_id != abwesenheit.assistenzkraft_id or not abwesenheit.umfasst(vorher.tag):
                raise EingabeFehler(
                    f"Die Schicht am {fmt_tag(vorher.tag)} gehört nicht zu dieser Abwesenheit. "
                    "Nichts wurde gespeichert."
                )
            geaendert.append((vorher, mit_vertretung(vorher, vertretung_id)))
        return _anwenden(
            sitzung,
            Aenderung(
                f"{abwesenheit.art.bezeichnung} eingetragen",
                schichten_geaendert=tuple(geaendert),
                abwesenheiten_neu=(replace(abwesenheit, id=None),),
            ),
        )


def aendere_abwesenheit(db: Datenbank, abwesenheit: Abwesenheit) -> Aenderung:
    with db.arbeitseinheit() as sitzung:
        z = sitzung.get(AbwesenheitZeile, abwesenheit.id) if abwesenheit.id is not None else None
        if z is None:
            raise EingabeFehler("Diese Abwesenheit gibt es nicht (mehr).")
        vorher = ab.abwesenheit_aus_zeile(z)
        return _anwenden(sitzung, Aenderung("Abwesenheit geändert", abwesenheiten_geaendert=((vorher, abwesenheit),)))


def loesche_abwesenheit(db: Datenbank, abwesenheit_id: int) -> Aenderung:
    with db.arbeitseinheit() as sitzung:
        z = sitzung.get(AbwesenheitZeile, abwesenheit_id)
        if z is None:
            raise EingabeFehler("Diese Abwesenheit gibt es nicht (mehr).")
        return _anwenden(
            sitzung, Aenderung("Abwesenheit gelöscht", abwesenheiten_geloescht=(ab.abwesenheit_aus_zeile(z),))
        )


def vertretungsvorschlaege(db: Datenbank, schicht_id: int) -> list[Person]:
    """Who could cover: employed that day, not absent, free at that time (sorted by name)."""
    with db.arbeitseinheit() as sitzung:
        schicht = _lade(sitzung, schicht_id)
        alle = ab.personen(sitzung)
        index = Vertragsindex(ab.vertragsdaten(sitzung, schicht.tag.year))
        abw = Abwesenheitsindex(_abwesenheiten(sitzung, schicht.tag, schicht.tag))
        nah = _im_zeitraum(sitzung, schicht.tag - timedelta(days=7), schicht.tag + timedelta(days=7))
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


def _abwesenheiten(sitzung: Session, von: date, bis: date) -> list[Abwesenheit]:
    return [
        ab.abwesenheit_aus_zeile(z)
        for z in sitzung.scalars(
            select(AbwesenheitZeile).where(AbwesenheitZeile.von <= bis, AbwesenheitZeile.bis >= von)
        )
    ]


# --- Monat öffnen -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Monatsplan:
    """Everything a month view needs, from one query: the grid, the shifts, absences, coverage and Hinweise."""

    jahr: int
    monat: int
    land: str
    arbeitgeber: str
    personen: tuple[Person, ...]
    vorlagen: tuple[Schichtvorlage, ...]
    raster: Monatsraster
    schichten: tuple[Schicht, ...]
    abwesenheiten: tuple[Abwesenheit, ...]
    bedarf: Bedarfsprofil | None
    hinweise: tuple[Pruefhinweis, ...]
    stunden: Mapping[int, Stunden]
    stunden_je_leistungsart: Mapping[str, Stunden]
    vertraege: tuple[Vertragsdaten, ...]

    @property
    def titel(self) -> str:
        return f"Dienstplan {monatsname(self.jahr, self.monat)}"

    @property
    def namen(self) -> dict[int, str]:
        return {p.id: p.name for p in self.personen}

    def abdeckung(self, tag: date) -> Tagesabdeckung | None:
        for zeile in self.raster.zeilen:
            if zeile.info.tag == tag:
                return zeile.abdeckung
        return None

    def schicht(self, schicht_id: int) -> Schicht | None:
        return next((s for s in self.schichten if s.id == schicht_id), None)

    def hinweise_am(self, tag: date) -> list[Pruefhinweis]:
        return [h for h in self.hinweise if h.tag == tag]

    @property
    def aktive_personen(self) -> tuple[Person, ...]:
        """Assistants with a contract on at least one day of the month (for choosing who works a shift)."""
        von, bis_excl = monatsgrenzen(self.jahr, self.monat)
        ids = {v.assistenzkraft_id for v in self.vertraege if v.beginn < bis_excl and (v.ende is None or v.ende >= von)}
        return tuple(p for p in self.personen if p.id in ids)


def monat_oeffnen(db: Datenbank, jahr: int, monat: int, *, pruefen: bool = True) -> Monatsplan:
    """Open a month: shifts (with 7 days around for the checks), absences, contracts, need, all checks."""
    if not 1 <= monat <= 12:
        raise EingabeFehler(f"Den Monat {monat} gibt es nicht (1 bis 12).", feld="monat")
    von, bis_excl = monatsgrenzen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        _vorgaben(sitzung)
        land, arbeitgeber, _katholisch = ab.arbeitsort(sitzung)
        personen = ab.personen(sitzung)
        namen = {p.id: p.name for p in personen}
        einstellungen = _einstellungen(sitzung)
        rundum = _im_zeitraum(sitzung, von - RAND, bis_excl + RAND)
        abwesenheiten = _abwesenheiten(sitzung, von - RAND, bis_excl + RAND)
        vertraege = ab.vertragsdaten(sitzung, jahr, ausgenommen=sorted(einstellungen.ausgenommen), namen=namen)
        bedarf = _bedarf_am(sitzung, von, land)
        vorlagen = _vorlagen(sitzung)
        jahrestage = _jahrestage(sitzung, jahr, von) if pruefen else ({}, {})
    im_monat = tuple(s for s in rundum if von <= s.tag < bis_excl)
    hinweise: list[Pruefhinweis] = []
    if pruefen:
        try:
            regeln: Arbeitszeitregeln | None = einstellungen.regeln(von)
        except EingabeFehler:
            regeln = None
        arbeitstage_vor, sonntage = jahrestage
        index = Abwesenheitsindex(abwesenheiten)
        kurz = {
            v.assistenzkraft_id
            for v in vertraege
            if v.beschaeftigung is Beschaeftigungsart.KURZFRISTIG
            and (v.gilt_am(von) or v.gilt_am(bis_excl - timedelta(days=1)))
        }
        vor_monat = {p: len(tage) for p, tage in arbeitstage_vor.items() if p in kurz}
        # Sundays worked this year up to the month's end: before the month from the database, then this month.
        sonntage_bis = {p: len(tage) for p, tage in sonntage.items()}
        im_monat_sonntage: dict[int, set[date]] = {}
        for s in im_monat:
            if s.tag.weekday() == 6 and index.am(s.assistenzkraft_id, s.tag) is None:
                im_monat_sonntage.setdefault(s.assistenzkraft_id, set()).add(s.tag)
        for p, tage in im_monat_sonntage.items():
            sonntage_bis[p] = sonntage_bis.get(p, 0) + len(tage)
        hinweise = pruefe_monat(
            Pruefeingaben(
                jahr=jahr,
                monat=monat,
                land=land,
                schichten=rundum,
                abwesenheiten=abwesenheiten,
                vertraege=vertraege,
                bedarf=bedarf,
                regeln=regeln,
                arbeitstage_vor_monat=vor_monat,
                sonntage_im_jahr=sonntage_bis,
                namen=namen,
            )
        )
    raster = monatsraster(jahr, monat, land, rundum, abwesenheiten, namen, vorlagen, bedarf)
    stunden: dict[int, Stunden] = {}
    for s in im_monat:
        stunden[s.assistenzkraft_id] = stunden.get(s.assistenzkraft_id, Stunden()) + schichtstunden(s.bezahlt())
    return Monatsplan(
        jahr=jahr,
        monat=monat,
        land=land,
        arbeitgeber=arbeitgeber,
        personen=tuple(personen),
        vorlagen=tuple(vorlagen),
        raster=raster,
        schichten=im_monat,
        abwesenheiten=tuple(a for a in abwesenheiten if a.von < bis_excl and a.bis >= von),
        bedarf=bedarf,
        hinweise=tuple(hinweise),
        stunden=stunden,
        stunden_je_leistungsart=stunden_je_leistungsart(s.bezahlt() for s in im_monat),
        vertraege=tuple(vertraege),
    )


def _jahrestage(sitzung: Session, jahr: int, von: date) -> tuple[dict[int, set[date]], dict[int, set[date]]]:
    """Working days (kurzfristig count) and Sundays worked per assistant in the year before the month."""
    zeilen = sitzung.execute(
        select(SchichtZeile.assistenzkraft_id, SchichtZeile.vertretung_fuer, SchichtZeile.tag).where(
            SchichtZeile.tag >= date(jahr, 1, 1), SchichtZeile.tag < von
        )
    ).all()
    if not zeilen:
        return {}, {}
    abw = Abwesenheitsindex(_abwesenheiten(sitzung, date(jahr, 1, 1), von))
    eintraege = [(z.assistenzkraft_id, z.vertretung_fuer, z.tag) for z in zeilen]
    personen = {z.assistenzkraft_id for z in zeilen} | {z.vertretung_fuer for z in zeilen if z.vertretung_fuer}
    arbeitstage = {p: kurzfristige_arbeitstage(p, eintraege, abw) for p in personen}
    sonntage: dict[int, set[date]] = {}
    for z in zeilen:
        if z.tag.weekday() == 6 and abw.am(z.assistenzkraft_id, z.tag) is None:
            sonntage.setdefault(z.assistenzkraft_id, set()).add(z.tag)
    return arbeitstage, sonntage


# --- Stundenzettel, Urlaub --------------------------------------------------------------------------------------


def stundenzettel_fuer(
    db: Datenbank, jahr: int, monat: int, assistenzkraft_id: int | None = None
) -> list[Stundenzettel]:
    """Timesheets of the month: of one assistant, or of everyone employed or planned in the month."""
    von, bis_excl = monatsgrenzen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        land, arbeitgeber, _k = ab.arbeitsort(sitzung)
        personen = ab.personen(sitzung)
        namen = {p.id: p.name for p in personen}
        volle_namen = {p.id: f"{p.vorname} {p.nachname}".strip() for p in personen}
        schichten = _im_zeitraum(sitzung, von, bis_excl - timedelta(days=1))
        abwesenheiten = _abwesenheiten(sitzung, von, bis_excl)
        vertraege = Vertragsindex(ab.vertragsdaten(sitzung, jahr, namen=namen))
    if assistenzkraft_id is not None:
        ids = [assistenzkraft_id]
    else:
        beteiligt = {s.assistenzkraft_id for s in schichten} | {
            s.vertretung_fuer for s in schichten if s.vertretung_fuer
        }
        beschaeftigt = {
            p.id
            for p in personen
            if any(v.beginn < bis_excl and (v.ende is None or v.ende >= von) for v in vertraege.von(p.id))
        }
        ids = [p.id for p in personen if p.id in beteiligt | beschaeftigt]
    zettel = []
    for person in ids:
        vertrag = vertraege.am(person, bis_excl - timedelta(days=1)) or vertraege.am(person, von)
        prozent = vertrag.bereitschaft_prozent if vertrag else Decimal(100)
        zettel.append(
            stundenzettel(
                person,
                volle_namen.get(person, str(person)),
                arbeitgeber,
                jahr,
                monat,
                land,
                schichten,
                abwesenheiten,
                prozent,
            )
        )
    return zettel


@dataclass(frozen=True, slots=True)
class Urlaubsuebersicht:
    name: str
    anspruch: Urlaubsanspruch
    konto: Urlaubskonto


def urlaubsuebersicht(db: Datenbank, assistenzkraft_id: int, jahr: int, stichtag: date) -> Urlaubsuebersicht:
    """Entitlement (contract: days per week, agreed days; irregular plans: planned working days) and account."""
    with db.arbeitseinheit() as sitzung:
        land = ab.arbeitsort(sitzung)[0]
        namen = {p.id: p.name for p in ab.personen(sitzung)}
        vertraege = [v for v in ab.vertragsdaten(sitzung, jahr, [assistenzkraft_id]) if v.beginn.year <= jahr]
        if not vertraege:
            raise EingabeFehler(f"Für {namen.get(assistenzkraft_id, 'diese Assistenzkraft')} ist kein Vertrag erfasst.")
        abw = [
            a
            for a in _abwesenheiten(sitzung, date(jahr, 1, 1), date(jahr, 12, 31))
            if a.assistenzkraft_id == assistenzkraft_id
        ]
        schichten = _im_zeitraum(sitzung, date(jahr, 1, 1), date(jahr, 12, 31))
        uebertrag_zeile = sitzung.get(UrlaubUebertragZeile, (assistenzkraft_id, jahr))
        uebertrag = uebertrag_zeile.tage if uebertrag_zeile is not None else Decimal(0)
    aktuell = next((v for v in reversed(vertraege) if v.gilt_am(stichtag)), vertraege[-1])
    beginn = min(v.beginn for v in vertraege)
    ende = vertraege[-1].ende
    plantage = arbeitstage_aus_plan(assistenzkraft_id, schichten)
    if aktuell.tage_pro_woche is not None:
        anspruch = urlaubsanspruch(
            jahr,
            beschaeftigt_von=beginn,
            beschaeftigt_bis=ende,
            tage_pro_woche=aktuell.tage_pro_woche,
            vereinbart=aktuell.urlaubstage_vereinbart,
        )
        wochentage = _regel_wochentage(aktuell.tage_pro_woche)
        ist_arbeitstag = (
            arbeitstage_nach_wochentagen(wochentage, land) if wochentage is not None else plantage.__contains__
        )
    else:
        anspruch = urlaubsanspruch(
            jahr,
            beschaeftigt_von=beginn,
            beschaeftigt_bis=ende,
            arbeitstage_im_jahr=len(plantage),
            vereinbart=aktuell.urlaubstage_vereinbart,
        )
        ist_arbeitstag = plantage.__contains__
    konto = urlaubskonto(anspruch, abw, ist_arbeitstag, stichtag=stichtag, uebertrag=uebertrag)
    return Urlaubsuebersicht(namen.get(assistenzkraft_id, ""), anspruch, konto)


def _regel_wochentage(tage_pro_woche: Decimal) -> Sequence[int] | None:
    """A 5-day week is Monday to Friday; other distributions are read from the plan."""
    return range(5) if tage_pro_woche == 5 else None


def setze_urlaubsuebertrag(db: Datenbank, assistenzkraft_id: int, jahr: int, tage: Decimal) -> None:
    if tage < 0:
        raise EingabeFehler("Der Übertrag kann nicht negativ sein.", feld="tage")
    with db.arbeitseinheit() as sitzung:
        z = sitzung.get(UrlaubUebertragZeile, (assistenzkraft_id, jahr))
        if z is None:
            sitzung.add(UrlaubUebertragZeile(assistenzkraft_id=assistenzkraft_id, jahr=jahr, tage=tage))
        else:
            z.tage = tage
