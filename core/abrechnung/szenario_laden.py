"""Loading a payroll scenario (CONTRACTS §3) into a new database (CONTRACTS §8), so the monthly run can compute it.

The scenario is read by the one reader (`core.abrechnung.szenario.lade_szenario`, which checks every field) and its
`Monatseingabe` per assistant is written into the store: the employer, the Kassen with their rates for the year,
each assistant with Personalbogen data (the scenario's `id` becomes the Personalnummer; a missing name stays empty),
one contract, the shifts as worked times (actual time = plan), the absences (ids renumbered, `fortsetzung_von` kept),
one-off payments, Sachbezüge, advances, and `bewilligungen` (CONTRACTS §10) into the simple `bewilligung` table.
The scenario's month becomes the Abrechnungsbeginn (earlier months count as settled elsewhere, without carried-over
figures), so `abrechnung` computes it with the same unknown history as `berechnen`. Everything in one transaction.

Where the Personalbogen has no field of its own, the store says it the Personalbogen's way: church tax → Konfession
"ev" (noted), Elterneigenschaft → proof received on the month's first day, children under 25 → children without a
birth date (counted as under 25), RV exemption → application on the day of Eintritt, days of earlier short-term
employment → another "kurzfristig" employment with that many days in the year.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung.erfassung import setze_abrechnungsbeginn_in
from core.abrechnung.modell import Monatseingabe
from core.abrechnung.modelle import Bewilligung, Einmalzahlung, Sachbezug, Vorschuss
from core.abrechnung.protokoll import protokolliere
from core.abrechnung.szenario import Szenario, lade_szenario
from core.dienstplan import abbildung as ab
from core.dienstplan.modelle import AbwesenheitZeile, LeistungsartZeile, SchichtZeile
from core.dienstplan.schicht import Istzeit
from core.dienstplan.vertrag import Lohnform
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler, vorhanden
from core.persistence.datenbank import ziel_pfad
from core.persistence.modelle import (
    Arbeitgeber,
    Assistenzkraft,
    KassenJahr,
    Kind,
    Krankenkasse,
    U1Stufe,
    Vertrag,
    VertragsZuschlag,
    WeitereBeschaeftigung,
)
from core.regeln.beitraege import Kasse
from core.stammdaten import start

#: § 1 Abs. 1 AAG: the statutory U1 refund when a scenario names none.
U1_ERSTATTUNG_GESETZLICH = Decimal(80)
_LOHNFORM = {Lohnform.STUNDENLOHN: "stunde", Lohnform.TAGESLOHN: "tag", Lohnform.MONATSLOHN: "monat"}
_ZUSCHLAG_ARTEN = {feld: art for art, feld in ab.ZUSCHLAG_FELDER.items()}


@dataclass(frozen=True, slots=True)
class Geladen:
    pfad: Path
    jahr: int
    monat: int
    assistenzkraefte: int
    schichten: int
    bewilligungen: int


def _name(voll: str) -> tuple[str, str]:
    """ "Anna Maria Beispiel" → ("Anna Maria", "Beispiel"); an empty name stays empty."""
    teile = voll.split()
    if not teile:
        return "", ""
    if len(teile) == 1:
        return "", teile[0]
    return " ".join(teile[:-1]), teile[-1]


def _bewilligungen(pfad: Path) -> list[Bewilligung]:
    """The optional top-level "bewilligungen" (CONTRACTS §10): name, kostentraeger, von, bis, betrag_monat,
    stunden_monat. The file was already read and checked by `lade_szenario`."""
    daten = json.loads(pfad.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    roh = daten.get("bewilligungen") if isinstance(daten, dict) else None
    if roh is None:
        return []
    if not isinstance(roh, list):
        raise EingabeFehler("bewilligungen: hier wird eine Liste […] erwartet.", feld="bewilligungen")
    ergebnis = []
    for i, b in enumerate(roh):
        wo = f"bewilligungen[{i}]"
        if not isinstance(b, dict):
            raise EingabeFehler(f"{wo}: hier wird ein Objekt {{…}} erwartet.", feld=wo)
        unbekannt = sorted(set(b) - {"name", "kostentraeger", "von", "bis", "betrag_monat", "stunden_monat"})
        if unbekannt:
            raise EingabeFehler(f"{wo}.{unbekannt[0]}: dieses Feld ist unbekannt.", feld=wo)
        name = b.get("name")
        if not isinstance(name, str) or not name.strip():
            raise EingabeFehler(f"{wo}.name: bitte einen Namen angeben.", feld=wo)
        von, bis = _monat(b.get("von"), f"{wo}.von"), _monat(b.get("bis"), f"{wo}.bis")
        if bis < von:
            raise EingabeFehler(f"{wo}.bis: das Ende liegt vor dem Beginn.", feld=wo)
        betrag = vorhanden(_zahl(b.get("betrag_monat"), f"{wo}.betrag_monat", pflicht=True), "der Betrag")
        if betrag != betrag.quantize(Decimal("0.01")):
            raise EingabeFehler(f"{wo}.betrag_monat: höchstens zwei Nachkommastellen.", feld=wo)
        kostentraeger = b.get("kostentraeger", "")
        if not isinstance(kostentraeger, str):
            raise EingabeFehler(f"{wo}.kostentraeger: hier wird ein Text erwartet.", feld=wo)
        ergebnis.append(
            Bewilligung(
                name=name.strip()[:200],
                kostentraeger=kostentraeger.strip()[:200],
                von=von,
                bis=monatsgrenzen(bis.year, bis.month)[1] - timedelta(days=1),  # last day of the month
                betrag_monat=betrag,
                stunden_monat=_zahl(b.get("stunden_monat"), f"{wo}.stunden_monat", pflicht=False),
            )
        )
    return ergebnis


def _monat(wert: Any, wo: str) -> date:
    try:
        jahr, monat = (int(t) for t in str(wert).split("-"))
        return date(jahr, monat, 1)
    except (TypeError, ValueError):
        raise EingabeFehler(f"{wo}: „{str(wert)[:20]}“ ist kein Monat. Bitte als JJJJ-MM angeben.", feld=wo) from None


def _zahl(wert: Any, wo: str, *, pflicht: bool) -> Decimal | None:
    if wert is None and not pflicht:
        return None
    if isinstance(wert, bool) or not isinstance(wert, str | int | Decimal):
        raise EingabeFehler(f'{wo}: bitte als Zahl mit Punkt angeben, z. B. "1500.00".', feld=wo)
    try:
        zahl = Decimal(wert)
    except ArithmeticError:
        raise EingabeFehler(f'{wo}: bitte als Zahl mit Punkt angeben, z. B. "1500.00".', feld=wo) from None
    if not zahl.is_finite() or zahl < 0 or zahl > Decimal(10_000_000):
        raise EingabeFehler(f"{wo}: {str(wert)[:20]} ist kein gültiger Wert.", feld=wo)
    return zahl


def lade(szenario_pfad: Path, db_pfad: Path | str) -> Geladen:
    """Write the scenario into a new database file; refuses an existing file. All or nothing."""
    ziel = ziel_pfad(db_pfad)
    if ziel.exists():
        raise EingabeFehler(
            f"Die Datei {ziel} gibt es schon. „szenario laden“ schreibt nur in eine neue Datenbank; "
            "bitte einen neuen Dateinamen angeben."
        )
    szenario = lade_szenario(szenario_pfad)
    bewilligungen = _bewilligungen(szenario_pfad)
    db = start.oeffne(ziel)
    try:
        with db.arbeitseinheit() as sitzung:
            schichten = _schreibe(sitzung, szenario)
            for b in bewilligungen:
                sitzung.add(b)
            protokolliere(
                sitzung,
                "szenario",
                f"Szenario „{szenario_pfad.name}“ geladen "
                f"({anzahl(len(szenario.eingaben), 'Assistenzkraft', 'Assistenzkräfte')})",
                jahr=szenario.jahr,
                monat=szenario.monat,
            )
    except BaseException:
        db.schliessen()
        _entferne(ziel)
        raise
    db.schliessen()
    return Geladen(ziel, szenario.jahr, szenario.monat, len(szenario.eingaben), schichten, len(bewilligungen))


def _entferne(ziel: Path) -> None:
    """Nothing half-written: the new file (and its side files and first backup folder) goes again."""
    for pfad in ziel.parent.glob(ziel.name + "*"):
        if pfad.is_dir():
            shutil.rmtree(pfad, ignore_errors=True)
        else:
            pfad.unlink(missing_ok=True)


def _schreibe(sitzung: Session, s: Szenario) -> int:
    ag = sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first() or Arbeitgeber()
    vorname, nachname = _name(s.arbeitgeber.name)
    ag.vorname, ag.nachname = vorname, nachname
    ag.bundesland = s.arbeitgeber.bundesland
    ag.privathaushalt = s.arbeitgeber.privathaushalt
    ag.katholische_gemeinde = s.arbeitgeber.katholisch
    ag.unfallversicherung_prozent = s.arbeitgeber.unfallversicherung_prozent
    ag.iban = s.arbeitgeber.iban
    ag.betriebsnummer = s.arbeitgeber.betriebsnummer
    ag.steuernummer = s.arbeitgeber.steuernummer
    sitzung.add(ag)

    kassen_ids = {name: _schreibe_kasse(sitzung, name, k, s.jahr) for name, k in s.krankenkassen.items()}
    leistungsarten = set(sitzung.scalars(select(LeistungsartZeile.kuerzel)))
    erster, _letzter = monatsgrenzen(s.jahr, s.monat)
    schichten = 0
    for e in s.eingaben:
        schichten += _schreibe_kraft(sitzung, e, kassen_ids, leistungsarten, erster)
    setze_abrechnungsbeginn_in(sitzung, s.jahr, s.monat)
    return schichten


def _schreibe_kasse(sitzung: Session, name: str, k: Kasse, jahr: int) -> int:
    kasse = sitzung.scalars(select(Krankenkasse).where(Krankenkasse.name == name)).first()
    if kasse is None:
        kasse = Krankenkasse(name=name)
        sitzung.add(kasse)
    if k.betriebsnummer:
        kasse.betriebsnummer = k.betriebsnummer
    sitzung.flush()
    kj = next((j for j in kasse.jahre if j.jahr == jahr), None)
    if kj is None:
        kj = KassenJahr(jahr=jahr)
        kasse.jahre.append(kj)
    kj.zusatzbeitrag_prozent = k.zusatzbeitrag_prozent
    kj.u2_prozent = k.u2_prozent
    kj.u2_erstattung_prozent = k.u2_erstattung_prozent
    kj.quelle = "aus der Szenario-Datei"
    for stufe in kj.u1_stufen:
        stufe.gewaehlt = False
    kj.u1_stufen.append(
        U1Stufe(
            umlage_prozent=k.u1_prozent,
            erstattung_prozent=k.u1_erstattung_prozent
            if k.u1_erstattung_prozent is not None
            else U1_ERSTATTUNG_GESETZLICH,
            ag_anteile_erstattet=k.ag_anteile_erstattet,
            gewaehlt=True,
        )
    )
    sitzung.flush()
    return kasse.id


def _schreibe_kraft(
    sitzung: Session, e: Monatseingabe, kassen_ids: dict[str, int], leistungsarten: set[str], erster: date
) -> int:
    p = e.person
    vorname, nachname = _name(p.name)
    kraft = Assistenzkraft(
        id=p.assistenzkraft_id,
        personalnummer=p.personalnummer,
        status="beschaeftigt",
        vorname=vorname,
        nachname=nachname,
        geburtsdatum=p.geburtsdatum,
        krankenkasse_id=kassen_ids[p.krankenkasse] if p.krankenkasse is not None else None,
        privat_versichert=p.krankenkasse is None,
        steuerklasse=p.steuerklasse,
        kinderfreibetraege=p.kinderfreibetraege,
        konfession="ev" if p.kirchensteuer else "--",
        student=p.student,
        iban=p.iban,
        steuer_id=p.steuer_id,
        versicherungsnummer=p.versicherungsnummer,
        rv_befreiung_antrag_am=p.eintritt if p.rv_befreiung else None,
        hat_kinder=p.elterneigenschaft or p.kinder_unter_25 > 0,
        elterneigenschaft_nachweis_am=erster if p.elterneigenschaft else None,
        elterneigenschaft_nachweis_art="aus der Szenario-Datei" if p.elterneigenschaft else "",
        notiz="Aus einer Szenario-Datei geladen."
        + (" Kirchensteuerpflichtig; die Konfession war nicht angegeben." if p.kirchensteuer else ""),
    )
    kraft.kinder = [Kind(vorname=f"Kind {i + 1}") for i in range(p.kinder_unter_25)]
    sitzung.add(kraft)
    sitzung.flush()
    for v in e.vertraege:
        vertrag = Vertrag(
            assistenzkraft_id=kraft.id,
            gueltig_ab=v.beginn,
            eintritt=p.eintritt,
            austritt=p.austritt,
            befristet_bis=v.befristet_bis,
            beschaeftigung=v.beschaeftigung.value if v.beschaeftigung is not None else "auto",
            lohnform=_LOHNFORM[v.lohnform],
            lohnsatz=v.satz,
            bereitschaft_prozent=v.bereitschaft_prozent,
            arbeitstage_woche=v.tage_pro_woche,
            wochenstunden=v.wochenstunden,
            zeitkonto_plus_max=v.zeitkonto_plus_max,
            zeitkonto_minus_max=v.zeitkonto_minus_max,
            geplante_arbeitstage=v.geplante_arbeitstage,
            pauschalsteuer=p.pauschalsteuer,
            berufsmaessig=p.berufsmaessig,
        )
        vertrag.zuschlaege = [
            VertragsZuschlag(art=_ZUSCHLAG_ARTEN[feld], prozent=getattr(v.zuschlaege, feld))
            for feld in _ZUSCHLAG_ARTEN
            if getattr(v.zuschlaege, feld) is not None and getattr(v.zuschlaege, feld) != 0
        ]
        sitzung.add(vertrag)
        if v.vorbeschaeftigung_tage_im_jahr:
            sitzung.add(
                WeitereBeschaeftigung(
                    assistenzkraft_id=kraft.id,
                    arbeitgeber_name="frühere Arbeitgeber (aus der Szenario-Datei)",
                    art="kurzfristig",
                    beginn=date(e.jahr, 1, 1),
                    ende=date(e.jahr, 12, 31),
                    arbeitstage_im_jahr=v.vorbeschaeftigung_tage_im_jahr,
                )
            )
    for s in e.schichten:
        for art in [s.leistungsart, *(a.leistungsart for a in s.leistungsanteile)]:
            if art is not None and art not in leistungsarten:
                sitzung.add(LeistungsartZeile(kuerzel=art, bezeichnung=art))
                leistungsarten.add(art)
        zeile = SchichtZeile()
        ab.setze_schicht(zeile, s.mit(assistenzkraft_id=kraft.id, ist=Istzeit(s.beginn, s.ende, s.pausen)))
        sitzung.add(zeile)
    sitzung.flush()
    neue_ids: dict[int, int] = {}
    for a in e.abwesenheiten:
        zeile_a = AbwesenheitZeile()
        fortsetzung = neue_ids.get(a.fortsetzung_von) if a.fortsetzung_von is not None else None
        ab.setze_abwesenheit(zeile_a, replace(a, assistenzkraft_id=kraft.id, id=None, fortsetzung_von=fortsetzung))
        sitzung.add(zeile_a)
        sitzung.flush()
        if a.id is not None:
            neue_ids[a.id] = zeile_a.id
    for z in e.einmalzahlungen:
        sitzung.add(Einmalzahlung(assistenzkraft_id=kraft.id, jahr=e.jahr, monat=e.monat, art=z.art, betrag=z.betrag))
    for sb in e.sachbezuege:
        sitzung.add(
            Sachbezug(
                assistenzkraft_id=kraft.id,
                jahr=e.jahr,
                monat=e.monat,
                art=sb.art,
                tage=sb.tage,
                im_haushalt=sb.im_haushalt,
                wert=sb.wert,
                zuzahlung=sb.zuzahlung,
                text=sb.text,
            )
        )
    for v_ in e.vorschuesse:
        sitzung.add(
            Vorschuss(
                assistenzkraft_id=kraft.id,
                ausgezahlt_am=v_.datum or erster,
                jahr=e.jahr,
                monat=e.monat,
                betrag=v_.betrag,
                text=v_.text,
            )
        )
    return len(e.schichten)
