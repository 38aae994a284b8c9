"""Roster repositories: every query of the roster, one class per aggregate, and the unit of work that holds them.

Services say what they need (`einheit.schichten.im_zeitraum(von, bis)`), never how to `select()` it. Rows stay
inside this module and `core.dienstplan.abbildung`; repositories hand out the domain dataclasses, except where a
service must change a row in place (`zeile(...)`, used by `core.dienstplan.aenderung` and the catalogues).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.dienstplan import abbildung as ab
from core.dienstplan.abwesenheit import Abwesenheit
from core.dienstplan.bedarf import Bedarfsprofil
from core.dienstplan.modelle import (
    AbwesenheitZeile,
    BedarfsprofilZeile,
    LeistungsartZeile,
    MusterEintragZeile,
    MusterZeile,
    SchichtvorlageZeile,
    SchichtZeile,
    UrlaubUebertragZeile,
)
from core.dienstplan.muster import Muster
from core.dienstplan.schicht import Schicht
from core.dienstplan.vertrag import Lohnform, Vertragsdaten
from core.dienstplan.vorlagen import Schichtvorlage
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Arbeitgeber, Assistenzkraft, Einstellung, Vertrag, WeitereBeschaeftigung

LAENGSTE_SCHICHT = timedelta(days=8)  # no shift is longer than 7 days


@dataclass(frozen=True, slots=True)
class Jahrestag:
    """A day someone worked (for the kurzfristig day count and Sundays): who, for whom, which day."""

    assistenzkraft_id: int
    vertretung_fuer: int | None
    tag: date


class Schichten:
    """Planned and actual shifts."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def zeile(self, schicht_id: int | None) -> SchichtZeile | None:
        return self._sitzung.get(SchichtZeile, schicht_id) if schicht_id is not None else None

    def hole(self, schicht_id: int) -> Schicht:
        z = self.zeile(schicht_id)
        if z is None:
            raise EingabeFehler("Diese Schicht gibt es nicht (mehr). Bitte laden Sie den Monat neu.")
        return ab.schicht_aus_zeile(z)

    def im_zeitraum(self, von: date, bis: date) -> list[Schicht]:
        """Shifts whose day lies in von..bis (both included), by start."""
        abfrage = select(SchichtZeile).where(SchichtZeile.tag >= von, SchichtZeile.tag <= bis)
        return [ab.schicht_aus_zeile(z) for z in self._sitzung.scalars(abfrage.order_by(SchichtZeile.beginn))]

    def ueberlappend(self, personen: Iterable[int], von: datetime, bis: datetime) -> list[Schicht]:
        """Shifts of these assistants that touch the time span von..bis."""
        abfrage = select(SchichtZeile).where(
            SchichtZeile.assistenzkraft_id.in_(set(personen)),
            SchichtZeile.beginn < bis,
            SchichtZeile.beginn >= von - LAENGSTE_SCHICHT,
            SchichtZeile.ende > von,
        )
        return [ab.schicht_aus_zeile(z) for z in self._sitzung.scalars(abfrage)]

    def arbeitstage(self, von: date, bis_ausschliesslich: date) -> list[Jahrestag]:
        """Who worked which day (only the three columns, for year-long counts)."""
        zeilen = self._sitzung.execute(
            select(SchichtZeile.assistenzkraft_id, SchichtZeile.vertretung_fuer, SchichtZeile.tag).where(
                SchichtZeile.tag >= von, SchichtZeile.tag < bis_ausschliesslich
            )
        ).all()
        return [Jahrestag(z.assistenzkraft_id, z.vertretung_fuer, z.tag) for z in zeilen]

    def benenne_vorlage_um(self, alt: str, neu: str) -> None:
        for z in self._sitzung.scalars(select(SchichtZeile).where(SchichtZeile.vorlage == alt)):
            z.vorlage = neu

    def fuege_hinzu(self, schicht: Schicht) -> SchichtZeile:
        z = SchichtZeile(id=schicht.id) if schicht.id is not None else SchichtZeile()
        ab.setze_schicht(z, schicht)
        self._sitzung.add(z)
        return z

    def entferne(self, zeile: SchichtZeile) -> None:
        self._sitzung.delete(zeile)


class Abwesenheiten:
    """Leave, sickness and other absences."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def zeile(self, abwesenheit_id: int | None) -> AbwesenheitZeile | None:
        return self._sitzung.get(AbwesenheitZeile, abwesenheit_id) if abwesenheit_id is not None else None

    def hole(self, abwesenheit_id: int | None) -> Abwesenheit:
        z = self.zeile(abwesenheit_id)
        if z is None:
            raise EingabeFehler("Diese Abwesenheit gibt es nicht (mehr).")
        return ab.abwesenheit_aus_zeile(z)

    def im_zeitraum(self, von: date, bis: date, assistenzkraft_id: int | None = None) -> list[Abwesenheit]:
        """Absences touching von..bis (both included), of everyone or of one assistant."""
        abfrage = select(AbwesenheitZeile).where(AbwesenheitZeile.von <= bis, AbwesenheitZeile.bis >= von)
        if assistenzkraft_id is not None:
            abfrage = abfrage.where(AbwesenheitZeile.assistenzkraft_id == assistenzkraft_id)
        return [ab.abwesenheit_aus_zeile(z) for z in self._sitzung.scalars(abfrage)]

    def fuege_hinzu(self, abwesenheit: Abwesenheit) -> AbwesenheitZeile:
        z = AbwesenheitZeile(id=abwesenheit.id) if abwesenheit.id is not None else AbwesenheitZeile()
        ab.setze_abwesenheit(z, abwesenheit)
        self._sitzung.add(z)
        return z

    def entferne(self, zeile: AbwesenheitZeile) -> None:
        self._sitzung.delete(zeile)


class Leistungsarten:
    """Leistungsarten (who pays for which hours)."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def kuerzel(self) -> set[str]:
        return set(self._sitzung.scalars(select(LeistungsartZeile.kuerzel)))

    def alle(self) -> list[LeistungsartZeile]:
        return list(self._sitzung.scalars(select(LeistungsartZeile).order_by(LeistungsartZeile.id)))

    def mit_kuerzel(self, kuerzel: str) -> LeistungsartZeile | None:
        return self._sitzung.scalars(select(LeistungsartZeile).where(LeistungsartZeile.kuerzel == kuerzel)).first()

    def fuege_hinzu(self, zeile: LeistungsartZeile) -> None:
        self._sitzung.add(zeile)


class Vorlagen:
    """Shift templates."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def alle(self, *, nur_aktive: bool = False) -> list[Schichtvorlage]:
        abfrage = select(SchichtvorlageZeile).order_by(SchichtvorlageZeile.sortierung, SchichtvorlageZeile.beginn)
        if nur_aktive:
            abfrage = abfrage.where(SchichtvorlageZeile.aktiv.is_(True))
        return [ab.vorlage_aus_zeile(z) for z in self._sitzung.scalars(abfrage)]

    def nach_id(self) -> dict[int, Schichtvorlage]:
        return {v.id: v for v in self.alle() if v.id is not None}

    def zeile(self, vorlage_id: int) -> SchichtvorlageZeile | None:
        return self._sitzung.get(SchichtvorlageZeile, vorlage_id)

    def hole(self, vorlage_id: int) -> Schichtvorlage:
        z = self.zeile(vorlage_id)
        if z is None:
            raise EingabeFehler("Diese Schichtvorlage gibt es nicht (mehr).")
        return ab.vorlage_aus_zeile(z)

    def mit_namen(self, name: str) -> SchichtvorlageZeile | None:
        return self._sitzung.scalars(select(SchichtvorlageZeile).where(SchichtvorlageZeile.name == name)).first()

    def anzahl(self) -> int:
        return len(self._sitzung.scalars(select(SchichtvorlageZeile.id)).all())

    def fuege_hinzu(self, zeile: SchichtvorlageZeile) -> None:
        self._sitzung.add(zeile)

    def entferne(self, zeile: SchichtvorlageZeile) -> None:
        self._sitzung.delete(zeile)


class Musterliste:
    """Recurring shift patterns (the repository of `Muster`)."""

    def __init__(self, sitzung: Session, vorlagen: Vorlagen) -> None:
        self._sitzung = sitzung
        self._vorlagen = vorlagen

    def hole(self, muster_id: int) -> Muster:
        z = self._sitzung.scalars(
            select(MusterZeile).where(MusterZeile.id == muster_id).options(selectinload(MusterZeile.eintraege))
        ).first()
        if z is None:
            raise EingabeFehler("Dieses Muster gibt es nicht (mehr).")
        return ab.muster_aus_zeile(z, self._vorlagen.nach_id())

    def alle(self) -> list[Muster]:
        vorlagen = self._vorlagen.nach_id()
        zeilen = self._sitzung.scalars(
            select(MusterZeile).options(selectinload(MusterZeile.eintraege)).order_by(MusterZeile.name)
        )
        return [ab.muster_aus_zeile(z, vorlagen) for z in zeilen]

    def zeile(self, muster_id: int) -> MusterZeile | None:
        return self._sitzung.get(MusterZeile, muster_id)

    def mit_namen(self, name: str) -> MusterZeile | None:
        return self._sitzung.scalars(select(MusterZeile).where(MusterZeile.name == name)).first()

    def name_mit_vorlage(self, vorlage_id: int) -> str | None:
        """The name of a pattern that uses this template, if any."""
        return self._sitzung.scalars(
            select(MusterZeile.name).join(MusterEintragZeile).where(MusterEintragZeile.vorlage_id == vorlage_id)
        ).first()

    def fuege_hinzu(self, zeile: MusterZeile) -> None:
        self._sitzung.add(zeile)

    def entferne(self, zeile: MusterZeile) -> None:
        self._sitzung.delete(zeile)


class Bedarfsprofile:
    """Versions of the need profile, each valid from a day."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def am(self, tag: date, land: str | None) -> Bedarfsprofil | None:
        z = self._sitzung.scalars(
            select(BedarfsprofilZeile)
            .where(BedarfsprofilZeile.gueltig_ab <= tag)
            .order_by(BedarfsprofilZeile.gueltig_ab.desc())
            .options(selectinload(BedarfsprofilZeile.bloecke))
        ).first()
        return None if z is None else ab.bedarf_aus_zeile(z, land)

    def zeile_ab(self, gueltig_ab: date) -> BedarfsprofilZeile | None:
        return self._sitzung.scalars(
            select(BedarfsprofilZeile).where(BedarfsprofilZeile.gueltig_ab == gueltig_ab)
        ).first()

    def fuege_hinzu(self, zeile: BedarfsprofilZeile) -> None:
        self._sitzung.add(zeile)


class Einstellungen:
    """Key-value settings of the household file."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def wert(self, schluessel: str) -> str | None:
        zeile = self._sitzung.get(Einstellung, schluessel)
        return None if zeile is None else zeile.wert

    def setze(self, schluessel: str, wert: str) -> None:
        zeile = self._sitzung.get(Einstellung, schluessel)
        if zeile is None:
            self._sitzung.add(Einstellung(schluessel=schluessel, wert=wert))
            self._sitzung.flush()
        else:
            zeile.wert = wert


class Urlaubsuebertraege:
    """Leave days carried over into a year, per assistant."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def tage(self, assistenzkraft_id: int, jahr: int) -> Decimal:
        z = self._sitzung.get(UrlaubUebertragZeile, (assistenzkraft_id, jahr))
        return z.tage if z is not None else Decimal(0)

    def setze(self, assistenzkraft_id: int, jahr: int, tage: Decimal) -> None:
        z = self._sitzung.get(UrlaubUebertragZeile, (assistenzkraft_id, jahr))
        if z is None:
            self._sitzung.add(UrlaubUebertragZeile(assistenzkraft_id=assistenzkraft_id, jahr=jahr, tage=tage))
        else:
            z.tage = tage


class Stammdatenblick:
    """What the roster reads of the master data: assistants, place of work, contract periods (read only)."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung

    def namen(self) -> dict[int, str]:
        return {p.id: p.name for p in self.personen()}

    def land(self) -> str:
        return self.arbeitsort()[0]

    def personen(self) -> list[ab.Person]:
        zeilen = self._sitzung.execute(
            select(Assistenzkraft.id, Assistenzkraft.vorname, Assistenzkraft.nachname, Assistenzkraft.status).order_by(
                Assistenzkraft.vorname, Assistenzkraft.nachname, Assistenzkraft.id
            )
        ).all()
        zaehler: dict[str, int] = {}
        for z in zeilen:
            zaehler[z.vorname] = zaehler.get(z.vorname, 0) + 1
        ergebnis = []
        for z in zeilen:
            name = z.vorname or z.nachname
            if zaehler.get(z.vorname, 0) > 1 and z.nachname:
                name = f"{z.vorname} {z.nachname[0]}."
            ergebnis.append(ab.Person(z.id, name, z.vorname, z.nachname, z.status))
        return ergebnis

    def arbeitsort(self) -> tuple[str, str, bool]:
        """(Land for holidays, employer's name, Catholic community). BW if the employer is not set up yet."""
        ag = self._sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()
        if ag is None:
            return "BW", "", False
        return ag.bundesland or "BW", f"{ag.vorname} {ag.nachname}".strip(), bool(ag.katholische_gemeinde)

    def vertragsdaten(
        self,
        jahr: int,
        personen_ids: Iterable[int] | None = None,
        ausgenommen: Sequence[int] = (),
        namen: dict[int, str] | None = None,
    ) -> list[Vertragsdaten]:
        """Contract periods from the versioned contracts: a version runs until the next one, the exit date or the
        end of the fixed term. Standby without an agreed weighting is paid in full (100 %)."""
        abfrage = (
            select(Vertrag)
            .options(selectinload(Vertrag.zuschlaege))
            .order_by(Vertrag.assistenzkraft_id, Vertrag.gueltig_ab)
        )
        if personen_ids is not None:
            ids = list(personen_ids)
            abfrage = abfrage.where(Vertrag.assistenzkraft_id.in_(ids))
        vertraege = self._sitzung.scalars(abfrage).all()
        kraefte = {
            k.id: k
            for k in self._sitzung.scalars(
                select(Assistenzkraft).where(Assistenzkraft.id.in_({v.assistenzkraft_id for v in vertraege}))
            )
        }
        vorbeschaeftigung: dict[int, int] = {}
        for job in self._sitzung.scalars(
            select(WeitereBeschaeftigung).where(
                WeitereBeschaeftigung.art == "kurzfristig", WeitereBeschaeftigung.arbeitstage_im_jahr.is_not(None)
            )
        ):
            if (job.beginn is None or job.beginn.year <= jahr) and (job.ende is None or job.ende.year >= jahr):
                vorbeschaeftigung[job.assistenzkraft_id] = vorbeschaeftigung.get(job.assistenzkraft_id, 0) + int(
                    job.arbeitstage_im_jahr or 0
                )
        ergebnis: list[Vertragsdaten] = []
        nach_person: dict[int, list[Vertrag]] = {}
        for v in vertraege:
            nach_person.setdefault(v.assistenzkraft_id, []).append(v)
        for person, versionen in nach_person.items():
            kraft = kraefte[person]
            for i, v in enumerate(versionen):
                naechste = versionen[i + 1] if i + 1 < len(versionen) else None
                enden = [t for t in (v.austritt,) if t is not None]
                if naechste is not None:
                    enden.append(naechste.gueltig_ab - timedelta(days=1))
                elif v.befristet_bis is not None:
                    enden.append(v.befristet_bis)
                beginn = max(v.gueltig_ab, v.eintritt)
                ende = min(enden) if enden else None
                if ende is not None and ende < beginn:
                    continue
                ergebnis.append(
                    Vertragsdaten(
                        assistenzkraft_id=person,
                        name=(namen or {}).get(person, kraft.vorname or kraft.nachname),
                        beginn=beginn,
                        ende=ende,
                        beschaeftigung=ab.beschaeftigung_aus(v.beschaeftigung),
                        lohnform=ab.LOHNFORMEN.get(v.lohnform, Lohnform.STUNDENLOHN),
                        satz=v.lohnsatz,
                        bereitschaft_prozent=v.bereitschaft_prozent
                        if v.bereitschaft_prozent is not None
                        else Decimal(100),
                        tage_pro_woche=v.arbeitstage_woche,
                        urlaubstage_vereinbart=v.urlaubstage,
                        probezeit_bis=v.probezeit_bis,
                        befristet_bis=v.befristet_bis,
                        arbeitserlaubnis_bis=kraft.arbeitserlaubnis_bis,
                        geburtsdatum=kraft.geburtsdatum,
                        arbzg_ausgenommen=person in ausgenommen,
                        vorbeschaeftigung_tage_im_jahr=vorbeschaeftigung.get(person, 0),
                        zuschlaege=ab.zuschlagssaetze({z.art: z.prozent for z in v.zuschlaege}),
                        wochenstunden=v.wochenstunden,
                        zeitkonto_plus_max=v.zeitkonto_plus_max,
                        zeitkonto_minus_max=v.zeitkonto_minus_max,
                        geplante_arbeitstage=v.geplante_arbeitstage,
                    )
                )
        return ergebnis


class Dienstplaneinheit:
    """One unit of work over the roster: the repositories share one session and one transaction."""

    def __init__(self, sitzung: Session) -> None:
        self.sitzung = sitzung
        self.schichten = Schichten(sitzung)
        self.abwesenheiten = Abwesenheiten(sitzung)
        self.leistungsarten = Leistungsarten(sitzung)
        self.vorlagen = Vorlagen(sitzung)
        self.muster = Musterliste(sitzung, self.vorlagen)
        self.bedarfsprofile = Bedarfsprofile(sitzung)
        self.einstellungen = Einstellungen(sitzung)
        self.urlaubsuebertraege = Urlaubsuebertraege(sitzung)
        self.stammdaten = Stammdatenblick(sitzung)

    def flush(self) -> None:
        """Write pending changes inside the transaction (ids filled, constraints checked)."""
        self.sitzung.flush()


@contextmanager
def einheit(db: Datenbank) -> Iterator[Dienstplaneinheit]:
    """One user action: commits when the block ends, rolls everything back if it raises."""
    with db.arbeitseinheit() as sitzung:
        yield Dienstplaneinheit(sitzung)
