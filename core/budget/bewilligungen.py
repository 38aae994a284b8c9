"""Services for Bewilligungen, their Bescheide and the other costs/income booked on them (one transaction each).

GUI and CLI: `liste(db)`, `speichere(db, daten)` (new when `id` is None; refuses an overlap with another Bewilligung
for the same Leistungsart in one German sentence), `loesche(db, id)`; `posten(db)`, `speichere_posten(db, p)`,
`loesche_posten(db, id)`. Reading inside a running unit of work: `bewilligungen_in(sitzung)`, `posten_in(sitzung)`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung.modelle import Bewilligung
from core.budget.bewilligung import (
    NACHWEISTEILE,
    POSTENARTEN,
    Bescheid,
    BewilligungDaten,
    Posten,
    letzter_tag,
    monat_von,
    monatstext,
    ueberschneidung,
)
from core.budget.modelle import BescheidZeile, BudgetPosten, Kalkulation
from core.dienstplan.modelle import LeistungsartZeile
from core.domain.geld import cent, format_eur
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank

HOECHSTBETRAG = Decimal(10_000_000)


def _liste_text(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


def _aus_zeile(z: Bewilligung, bescheide: list[BescheidZeile]) -> BewilligungDaten:
    return BewilligungDaten(
        name=z.name,
        kostentraeger=z.kostentraeger,
        von=monat_von(z.von),
        bis=monat_von(z.bis),
        betrag_monat=z.betrag_monat,
        stunden_monat=z.stunden_monat,
        aktenzeichen=z.aktenzeichen,
        dynamisierung_prozent=z.dynamisierung_prozent,
        leistungsarten=_liste_text(z.leistungsarten),
        bescheide=tuple(
            Bescheid(b.ab, b.betrag_monat, b.stunden_monat, b.aktenzeichen, b.notiz, b.id)
            for b in sorted(bescheide, key=lambda b: (b.ab, b.id))
        ),
        kalkulation_id=z.kalkulation_id,
        nachweis=frozenset(_liste_text(z.nachweis)),
        notiz=z.notiz,
        id=z.id,
    )


def bewilligungen_in(sitzung: Session) -> list[BewilligungDaten]:
    """Every Bewilligung with its Bescheide, by start and name."""
    bescheide: dict[int, list[BescheidZeile]] = {}
    for b in sitzung.scalars(select(BescheidZeile)):
        bescheide.setdefault(b.bewilligung_id, []).append(b)
    zeilen = sitzung.scalars(select(Bewilligung).order_by(Bewilligung.von, Bewilligung.name, Bewilligung.id))
    return [_aus_zeile(z, bescheide.get(z.id, [])) for z in zeilen]


def liste(db: Datenbank) -> list[BewilligungDaten]:
    with db.arbeitseinheit() as sitzung:
        return bewilligungen_in(sitzung)


def _betrag(wert: Decimal, was: str, feld: str) -> Decimal:
    if not wert.is_finite() or wert < 0 or wert > HOECHSTBETRAG:
        raise EingabeFehler(f"{was} muss zwischen 0 und 10.000.000 liegen.", feld=feld)
    if wert != cent(wert):
        raise EingabeFehler(f"{was} darf höchstens zwei Nachkommastellen haben.", feld=feld)
    return wert


def _stunden(wert: Decimal | None, feld: str) -> Decimal | None:
    if wert is None:
        return None
    if not wert.is_finite() or wert < 0 or wert > Decimal(10_000):
        raise EingabeFehler("Die Stunden je Monat müssen zwischen 0 und 10.000 liegen.", feld=feld)
    return wert


def _pruefe(sitzung: Session, b: BewilligungDaten) -> BewilligungDaten:
    name = " ".join(b.name.split())
    if not name:
        raise EingabeFehler(
            "Bitte geben Sie der Bewilligung einen Namen, z. B. „Persönliches Budget 2026“.", feld="name"
        )
    if len(name) > 200:
        raise EingabeFehler("Der Name ist zu lang (höchstens 200 Zeichen).", feld="name")
    if b.bis < b.von:
        raise EingabeFehler(
            f"Das Ende ({monatstext(b.bis)}) liegt vor dem Beginn ({monatstext(b.von)}). Bitte den Zeitraum "
            "berichtigen.",
            feld="bis",
        )
    _betrag(b.betrag_monat, "Der Betrag je Monat", "betrag_monat")
    _stunden(b.stunden_monat, "stunden_monat")
    if b.betrag_monat == 0 and not b.stunden_monat:
        raise EingabeFehler(
            "Bitte den bewilligten Betrag je Monat oder die Stunden je Monat angeben.", feld="betrag_monat"
        )
    if not b.dynamisierung_prozent.is_finite() or not 0 <= b.dynamisierung_prozent <= 20:
        raise EingabeFehler("Die jährliche Erhöhung muss zwischen 0 und 20 % liegen.", feld="dynamisierung_prozent")
    bekannte = set(sitzung.scalars(select(LeistungsartZeile.kuerzel)))
    for la in b.leistungsarten:
        if la not in bekannte:
            raise EingabeFehler(
                f"Die Leistungsart „{la}“ ist nicht angelegt. Bitte eine der Leistungsarten des Dienstplans wählen.",
                feld="leistungsarten",
            )
    unbekannt = sorted(b.nachweis - set(NACHWEISTEILE))
    if unbekannt:
        raise EingabeFehler(f"„{unbekannt[0]}“ ist kein Teil des Verwendungsnachweises.", feld="nachweis")
    for bescheid in b.bescheide:
        if not (b.von <= monat_von(bescheid.ab) <= b.bis) or bescheid.ab == date(*b.von, 1):
            raise EingabeFehler(
                f"Der Bescheid ab {bescheid.ab:%d.%m.%Y} liegt nicht innerhalb der Bewilligung "
                f"({b.zeitraum_text}, nach ihrem ersten Tag). Bitte das Datum prüfen.",
                feld="bescheide",
            )
        _betrag(bescheid.betrag_monat, f"Der Betrag des Bescheids ab {bescheid.ab:%d.%m.%Y}", "bescheide")
        _stunden(bescheid.stunden_monat, "bescheide")
    tage = [x.ab for x in b.bescheide]
    if len(set(tage)) != len(tage):
        raise EingabeFehler("Zwei Bescheide gelten ab demselben Tag. Bitte einen davon entfernen.", feld="bescheide")
    if b.kalkulation_id is not None and sitzung.get(Kalkulation, b.kalkulation_id) is None:
        raise EingabeFehler(
            "Die gewählte Kalkulation gibt es nicht mehr. Bitte eine andere wählen.", feld="kalkulation"
        )
    for andere in bewilligungen_in(sitzung):
        if andere.id == b.id:
            continue
        text = ueberschneidung(replace(b, name=name), andere)
        if text is not None:
            raise EingabeFehler(text, feld="leistungsarten")
    return replace(b, name=name)


def speichere(db: Datenbank, b: BewilligungDaten) -> BewilligungDaten:
    """Create (id None) or update one Bewilligung with its Bescheide, in one transaction."""
    with db.arbeitseinheit() as sitzung:
        b = _pruefe(sitzung, b)
        if b.id is None:
            zeile = Bewilligung(name=b.name, von=date(*b.von, 1), bis=letzter_tag(b.bis), betrag_monat=b.betrag_monat)
            sitzung.add(zeile)
        else:
            gefunden = sitzung.get(Bewilligung, b.id)
            if gefunden is None:
                raise EingabeFehler(f"Die Bewilligung „{b.name}“ wurde inzwischen gelöscht; nichts wurde gespeichert.")
            zeile = gefunden
        zeile.name = b.name
        zeile.kostentraeger = " ".join(b.kostentraeger.split())[:200]
        zeile.von, zeile.bis = date(*b.von, 1), letzter_tag(b.bis)
        zeile.betrag_monat = b.betrag_monat
        zeile.stunden_monat = b.stunden_monat
        zeile.aktenzeichen = b.aktenzeichen.strip()[:100]
        zeile.dynamisierung_prozent = b.dynamisierung_prozent
        zeile.leistungsarten = ",".join(b.leistungsarten)
        zeile.kalkulation_id = b.kalkulation_id
        zeile.nachweis = ",".join(sorted(b.nachweis))
        zeile.notiz = b.notiz
        sitzung.flush()
        for alt in sitzung.scalars(select(BescheidZeile).where(BescheidZeile.bewilligung_id == zeile.id)):
            sitzung.delete(alt)
        sitzung.flush()
        for bescheid in b.bescheide:
            sitzung.add(
                BescheidZeile(
                    bewilligung_id=zeile.id,
                    ab=bescheid.ab,
                    betrag_monat=bescheid.betrag_monat,
                    stunden_monat=bescheid.stunden_monat,
                    aktenzeichen=bescheid.aktenzeichen.strip()[:100],
                    notiz=bescheid.notiz,
                )
            )
        sitzung.flush()
        gespeichert = [x for x in bewilligungen_in(sitzung) if x.id == zeile.id]
        return gespeichert[0]


def loesche(db: Datenbank, bewilligung_id: int) -> None:
    """Delete a Bewilligung with its Bescheide and the costs booked on it."""
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.get(Bewilligung, bewilligung_id)
        if zeile is not None:
            for tabelle in (BescheidZeile, BudgetPosten):
                for z in sitzung.scalars(select(tabelle).where(tabelle.bewilligung_id == bewilligung_id)):
                    sitzung.delete(z)
            sitzung.delete(zeile)


# --- other costs and income ---------------------------------------------------------------------------------------


def posten_in(sitzung: Session) -> list[Posten]:
    return [
        Posten(z.bewilligung_id, z.datum, z.art, z.betrag, z.text, z.beleg, z.id)
        for z in sitzung.scalars(select(BudgetPosten).order_by(BudgetPosten.datum, BudgetPosten.id))
    ]


def posten(db: Datenbank) -> list[Posten]:
    with db.arbeitseinheit() as sitzung:
        return posten_in(sitzung)


def speichere_posten(db: Datenbank, p: Posten) -> Posten:
    """Create (id None) or update one cost or income; it must lie within its Bewilligung's period."""
    if p.art not in POSTENARTEN:
        raise EingabeFehler(
            f"„{p.art}“ ist keine bekannte Art. Möglich: {', '.join(POSTENARTEN.values())}.", feld="art"
        )
    _betrag(p.betrag, "Der Betrag", "betrag")
    if p.betrag == 0:
        raise EingabeFehler("Bitte einen Betrag größer als 0 angeben.", feld="betrag")
    with db.arbeitseinheit() as sitzung:
        bewilligung = sitzung.get(Bewilligung, p.bewilligung_id)
        if bewilligung is None:
            raise EingabeFehler("Bitte eine Bewilligung wählen, auf die der Betrag gebucht wird.", feld="bewilligung")
        if not (bewilligung.von <= p.datum <= bewilligung.bis):
            raise EingabeFehler(
                f"Der {p.datum:%d.%m.%Y} liegt außerhalb der Bewilligung „{bewilligung.name}“ "
                f"({bewilligung.von:%m/%Y} bis {bewilligung.bis:%m/%Y}). Bitte das Datum oder die Bewilligung ändern.",
                feld="datum",
            )
        if p.id is None:
            zeile = BudgetPosten(bewilligung_id=p.bewilligung_id, datum=p.datum, art=p.art, betrag=p.betrag)
            sitzung.add(zeile)
        else:
            gefunden = sitzung.get(BudgetPosten, p.id)
            if gefunden is None:
                raise EingabeFehler(
                    f"Der Posten über {format_eur(p.betrag)} wurde inzwischen gelöscht; nichts wurde gespeichert."
                )
            zeile = gefunden
        zeile.bewilligung_id, zeile.datum, zeile.art, zeile.betrag = p.bewilligung_id, p.datum, p.art, p.betrag
        zeile.text, zeile.beleg = p.text.strip(), p.beleg.strip()[:100]
        sitzung.flush()
        return Posten(zeile.bewilligung_id, zeile.datum, zeile.art, zeile.betrag, zeile.text, zeile.beleg, zeile.id)


def loesche_posten(db: Datenbank, posten_id: int) -> None:
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.get(BudgetPosten, posten_id)
        if zeile is not None:
            sitzung.delete(zeile)
