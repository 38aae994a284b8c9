"""The Lohnsteuerbescheinigung of each assistant for a year, in the lines of the official form (Ausdruck der
elektronischen Lohnsteuerbescheinigung, § 41b Abs. 1 EStG; BMF Vordruckmuster of the year), from the finalised months.

The figures are the stored `Jahreswerte` of her last finalised month of the year (they include what was settled
elsewhere before the Abrechnungsbeginn). Assistants taxed only at a flat rate (2 % minijob, 25 % short-term job) get
no Lohnsteuerbescheinigung (§ 41b Abs. 1 Satz 1 EStG, § 40a EStG). Households that employ only minijobbers may issue
a paper certificate; everyone else transmits it electronically by the end of February (BMF letter of 05.09.2024).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.domain.kalender import monatsgrenzen
from core.fehler import EingabeFehler
from core.meldungen.fristen import lohnsteuerbescheinigung_faellig
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.assistenzkraefte import lade_assistenzkraft
from core.stammdaten.vertraege import liste_vertraege

#: (Zeile of the form, text, field of Jahreswerte); amounts in euros and cents.
ZEILEN: tuple[tuple[str, str, str], ...] = (
    ("3", "Bruttoarbeitslohn einschließlich Sachbezüge ohne 9. und 10.", "steuerpflichtig"),
    ("4", "Einbehaltene Lohnsteuer von 3.", "lohnsteuer"),
    ("5", "Einbehaltener Solidaritätszuschlag von 3.", "solidaritaetszuschlag"),
    ("6", "Einbehaltene Kirchensteuer der Arbeitnehmerin / des Arbeitnehmers von 3.", "kirchensteuer"),
    ("15", "Zuschuss zum Mutterschaftsgeld (steuerfrei)", "zuschuss_mutterschaftsgeld"),
    ("22a", "Arbeitgeberanteil zur gesetzlichen Rentenversicherung", "rv_ag"),
    ("23a", "Arbeitnehmeranteil zur gesetzlichen Rentenversicherung", "rv_an"),
    ("25", "Arbeitnehmerbeiträge zur gesetzlichen Krankenversicherung", "kv_an"),
    ("26", "Arbeitnehmerbeiträge zur sozialen Pflegeversicherung", "pv_an"),
    ("27", "Arbeitnehmerbeiträge zur Arbeitslosenversicherung", "av_an"),
)


@dataclass(frozen=True, slots=True)
class Lohnsteuerbescheinigung:
    jahr: int
    personalnummer: str
    name: str
    anschrift: str
    geburtsdatum: date | None
    steuer_id: str
    steuerklasse: str
    konfession: str
    von: date
    bis: date
    werte: dict[str, Decimal]
    arbeitgeber: str
    steuernummer: str
    faellig: date
    hinweis: str = ""


def _pauschal(e: object) -> bool:
    from core.abrechnung.modell import Monatsergebnis

    return (
        isinstance(e, Monatsergebnis)
        and e.beschaeftigung in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)
        and e.pauschsteuer > 0
    )


def lohnsteuerbescheinigungen(db: Datenbank, jahr: int, nur: int | None = None) -> list[Lohnsteuerbescheinigung]:
    """One per assistant with individual tax in `jahr` (or only `nur`); refuses while her year is not finalised or
    her Steuer-ID is missing, naming each person."""
    je_person: dict[int, list[ablage.GespeichertesErgebnis]] = {}
    for g in ablage.lade_jahr(db, jahr, nur):
        je_person.setdefault(g.assistenzkraft_id, []).append(g)
    summen = ablage.jahressummen(db, jahr, nur)  # the months' own shares: a later correction of an earlier month
    arbeitgeber = lade_arbeitgeber(db)
    fehlend: list[str] = []
    ergebnis: list[Lohnsteuerbescheinigung] = []
    for kraft_id, monate in je_person.items():
        bezahlt = [g for g in monate if g.ergebnis.brutto > 0]
        if not bezahlt or all(_pauschal(g.ergebnis) for g in bezahlt):
            continue  # flat-rate taxed only (or no pay at all): no Lohnsteuerbescheinigung
        letzte = monate[-1]
        e = letzte.ergebnis
        versionen = sorted(liste_vertraege(db, kraft_id), key=lambda v: v.gueltig_ab)
        eintritt = min((v.eintritt for v in versionen), default=date(jahr, 1, 1))
        ende = (versionen[-1].austritt or versionen[-1].befristet_bis) if versionen else None
        jahresende = date(jahr, 12, 31)
        bis = min(ende, jahresende) if ende is not None else jahresende
        if (letzte.monat, letzte.jahr) != (bis.month, bis.year):
            fehlend.append(
                f"Für {e.name or e.id} ist das Jahr {jahr} erst bis {letzte.monat:02d}/{jahr} abgeschlossen; die "
                f"Lohnsteuerbescheinigung entsteht nach dem Abschluss von {bis.month:02d}/{jahr}."
            )
            continue
        try:
            person = lade_assistenzkraft(db, kraft_id)
        except EingabeFehler:
            continue
        if not person.steuer_id:
            fehlend.append(f"Für {e.name or e.id} fehlt die Steuer-ID: bitte im Personalbogen eintragen.")
        w = summen[(kraft_id, letzte.monat)]
        werte = {
            "steuerpflichtig": w.steuerbrutto + w.sonstige_bezuege,
            "lohnsteuer": w.lohnsteuer,
            "solidaritaetszuschlag": w.solidaritaetszuschlag,
            "kirchensteuer": w.kirchensteuer,
            "zuschuss_mutterschaftsgeld": w.zuschuss_mutterschaftsgeld,
            "rv_ag": w.rv_ag,
            "rv_an": w.rv_an,
            "kv_an": w.kv_an,
            "pv_an": w.pv_an,
            "av_an": w.av_an,
        }
        von = max(eintritt, date(jahr, 1, 1))
        hinweis = ""
        if not e.vorgeschichte_bekannt and monatsgrenzen(jahr, monate[0].monat)[0] > von:
            hinweis = (
                f"Vor {monate[0].monat:02d}/{jahr} wurde außerhalb des Programms abgerechnet, ohne übernommene Werte: "
                "diese Monate fehlen in den Beträgen. Bitte die Werte des Lohnbüros hinzurechnen."
            )
        ergebnis.append(
            Lohnsteuerbescheinigung(
                jahr=jahr,
                personalnummer=e.id,
                name=person.name or e.name,
                anschrift=", ".join(t for t in (person.strasse, f"{person.plz} {person.ort}".strip()) if t),
                geburtsdatum=person.geburtsdatum,
                steuer_id=person.steuer_id,
                steuerklasse=str(person.steuerklasse or ""),
                konfession=person.konfession,
                von=von,
                bis=bis,
                werte=werte,
                arbeitgeber=arbeitgeber.name if arbeitgeber is not None else "",
                steuernummer=arbeitgeber.steuernummer if arbeitgeber is not None else "",
                faellig=lohnsteuerbescheinigung_faellig(jahr),
                hinweis=hinweis,
            )
        )
    if fehlend:
        raise EingabeFehler("Die Lohnsteuerbescheinigungen wurden nicht geschrieben. " + " ".join(fehlend))
    return sorted(ergebnis, key=lambda b: b.personalnummer)
