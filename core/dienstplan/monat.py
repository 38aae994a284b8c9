"""The month view: everything a roster month shows (grid, shifts, absences, coverage, Hinweise), read in one go."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from core.dienstplan.abbildung import Person
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex
from core.dienstplan.arbeitszeit import Arbeitszeitregeln
from core.dienstplan.bedarf import Bedarfsprofil, Tagesabdeckung
from core.dienstplan.einstellungen import einstellungen_in
from core.dienstplan.pruefungen import Pruefeingaben, Pruefhinweis, kurzfristige_arbeitstage, pruefe_monat
from core.dienstplan.raster import Monatsraster, monatsraster
from core.dienstplan.repository import Dienstplaneinheit, einheit
from core.dienstplan.schicht import Schicht, Stunden, schichtstunden, stunden_je_leistungsart
from core.dienstplan.tage import monatsname
from core.dienstplan.vertrag import Vertragsdaten
from core.dienstplan.vorgaben import sorge_fuer_vorgaben
from core.dienstplan.vorlagen import Schichtvorlage
from core.domain.kalender import monatsgrenzen
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart

RAND = timedelta(days=7)  # shifts around the month for rest time and weeks crossing the month border


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
    with einheit(db) as e:
        sorge_fuer_vorgaben(e)
        land, arbeitgeber, _katholisch = e.stammdaten.arbeitsort()
        personen = e.stammdaten.personen()
        namen = {p.id: p.name for p in personen}
        einstellungen = einstellungen_in(e)
        rundum = e.schichten.im_zeitraum(von - RAND, bis_excl + RAND)
        abwesenheiten = e.abwesenheiten.im_zeitraum(von - RAND, bis_excl + RAND)
        vertraege = e.stammdaten.vertragsdaten(jahr, ausgenommen=sorted(einstellungen.ausgenommen), namen=namen)
        bedarf = e.bedarfsprofile.am(von, land)
        vorlagen = e.vorlagen.alle()
        jahrestage = _jahrestage(e, jahr, von) if pruefen else ({}, {})
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


def _jahrestage(e: Dienstplaneinheit, jahr: int, von: date) -> tuple[dict[int, set[date]], dict[int, set[date]]]:
    """Working days (kurzfristig count) and Sundays worked per assistant in the year before the month."""
    zeilen = e.schichten.arbeitstage(date(jahr, 1, 1), von)
    if not zeilen:
        return {}, {}
    abw = Abwesenheitsindex(e.abwesenheiten.im_zeitraum(date(jahr, 1, 1), von))
    eintraege = [(z.assistenzkraft_id, z.vertretung_fuer, z.tag) for z in zeilen]
    personen = {z.assistenzkraft_id for z in zeilen} | {z.vertretung_fuer for z in zeilen if z.vertretung_fuer}
    arbeitstage = {p: kurzfristige_arbeitstage(p, eintraege, abw) for p in personen}
    sonntage: dict[int, set[date]] = {}
    for z in zeilen:
        if z.tag.weekday() == 6 and abw.am(z.assistenzkraft_id, z.tag) is None:
            sonntage.setdefault(z.assistenzkraft_id, set()).add(z.tag)
    return arbeitstage, sonntage
