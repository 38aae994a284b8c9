"""Per-assistant accounts from the roster: the month's timesheets and the year's leave account."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.dienstplan.repository import einheit
from core.dienstplan.stundenzettel import Stundenzettel, stundenzettel
from core.dienstplan.urlaub import (
    Urlaubsanspruch,
    Urlaubskonto,
    arbeitstage_aus_plan,
    arbeitstage_nach_wochentagen,
    urlaubsanspruch,
    urlaubshinweise,
    urlaubskonto,
)
from core.dienstplan.vertrag import Vertragsindex
from core.domain.hinweis import Hinweis
from core.domain.kalender import monatsgrenzen
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank


def stundenzettel_fuer(
    db: Datenbank, jahr: int, monat: int, assistenzkraft_id: int | None = None, *, heute: date | None = None
) -> list[Stundenzettel]:
    """Timesheets of the month: of one assistant, or of everyone employed or planned in the month.

    Days after `heute` (default: today) are planned, not worked: their shifts count as "noch geplant".
    """
    von, bis_excl = monatsgrenzen(jahr, monat)
    stand = heute or date.today()
    with einheit(db) as e:
        leistungsarten = {
            z.kuerzel: f"{z.kuerzel} – {z.bezeichnung}" + (f" ({z.kostentraeger})" if z.kostentraeger else "")
            for z in e.leistungsarten.alle()
        }
        land, arbeitgeber, _k = e.stammdaten.arbeitsort()
        personen = e.stammdaten.personen()
        namen = {p.id: p.name for p in personen}
        volle_namen = {p.id: f"{p.vorname} {p.nachname}".strip() for p in personen}
        schichten = e.schichten.im_zeitraum(von, bis_excl - timedelta(days=1))
        abwesenheiten = e.abwesenheiten.im_zeitraum(von, bis_excl)
        vertraege = Vertragsindex(e.stammdaten.vertragsdaten(jahr, namen=namen))
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
                stand=stand,
                leistungsarten=leistungsarten,
            )
        )
    return zettel


@dataclass(frozen=True, slots=True)
class Urlaubsuebersicht:
    name: str
    anspruch: Urlaubsanspruch
    konto: Urlaubskonto
    hinweise: tuple[Hinweis, ...] = ()  # the entitlement's and the account's (URLAUB_UEBERSCHRITTEN)


def urlaubsuebersicht(db: Datenbank, assistenzkraft_id: int, jahr: int, stichtag: date) -> Urlaubsuebersicht:
    """Entitlement (contract: days per week, agreed days; irregular plans: planned working days) and account."""
    with einheit(db) as e:
        land = e.stammdaten.land()
        namen = e.stammdaten.namen()
        vertraege = [v for v in e.stammdaten.vertragsdaten(jahr, [assistenzkraft_id]) if v.beginn.year <= jahr]
        if not vertraege:
            raise EingabeFehler(f"Für {namen.get(assistenzkraft_id, 'diese Assistenzkraft')} ist kein Vertrag erfasst.")
        abw = e.abwesenheiten.im_zeitraum(date(jahr, 1, 1), date(jahr, 12, 31), assistenzkraft_id)
        schichten = e.schichten.im_zeitraum(date(jahr, 1, 1), date(jahr, 12, 31))
        uebertrag = e.urlaubsuebertraege.tage(assistenzkraft_id, jahr)
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
    name = namen.get(assistenzkraft_id, "")
    hinweise = (*anspruch.hinweise, *urlaubshinweise(konto, name))
    return Urlaubsuebersicht(name, anspruch, konto, hinweise)


def _regel_wochentage(tage_pro_woche: Decimal) -> Sequence[int] | None:
    """A 5-day week is Monday to Friday; other distributions are read from the plan."""
    return range(5) if tage_pro_woche == 5 else None


def setze_urlaubsuebertrag(db: Datenbank, assistenzkraft_id: int, jahr: int, tage: Decimal) -> None:
    if tage < 0:
        raise EingabeFehler("Der Übertrag kann nicht negativ sein.", feld="tage")
    with einheit(db) as e:
        e.urlaubsuebertraege.setze(assistenzkraft_id, jahr, tage)
