"""Employment contracts, versioned by valid-from date; the statutory minimum leave is shown beside the agreed one.

GUI: `liste_vertraege(db, assistenzkraft_id)` → all versions (oldest first, each with `gesetzlicher_mindesturlaub`);
`vertrag_am(db, assistenzkraft_id, stichtag)` → the version in force; `pruefe_vertrag(daten)` while typing;
`speichere_vertrag(db, daten)` adds a version (id None) or corrects one (id set) in one transaction, raising
`FeldFehler`; `loesche_vertragsversion(db, id)`. A new contract makes a Bewerberin "beschäftigt".
Payroll/Dienstplan read `vertrag_am` (lohnform "stunde"|"tag"|"monat", lohnsatz in €, zuschlaege {art: %}).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.domain.geld import format_zahl
from core.domain.kalender import monatsfrist_ende
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Vertrag, VertragsZuschlag
from core.regeln.tabellen import FehlenderRegelwert, UnbekanntesJahr
from core.regeln.urlaub import gesetzlicher_mindesturlaub
from core.stammdaten._abbildung import aus_modell, melde, nach_modell, prozent_im_bereich
from core.stammdaten.repository import einheit

LOHNFORMEN: dict[str, str] = {"stunde": "Stundenlohn", "tag": "Tageslohn", "monat": "Monatslohn"}
BESCHAEFTIGUNG: dict[str, str] = {
    "auto": "automatisch bestimmen",
    "minijob": "Minijob",
    "midijob": "Übergangsbereich (Midijob)",
    "kurzfristig": "kurzfristige Beschäftigung",
    "sv_pflichtig": "sozialversicherungspflichtig",
}
ZUSCHLAGSARTEN: dict[str, str] = {
    "nacht": "Nachtarbeit",
    "nacht_0_4": "Nachtarbeit 0–4 Uhr (Beginn vor 0 Uhr)",
    "sonntag": "Sonntagsarbeit",
    "feiertag": "Feiertagsarbeit",
    "weihnachten_maifeiertag": "25./26.12. und 1.5.",
    "samstag": "Samstagsarbeit",
    "weihnachten_silvester": "24.12./31.12. ab 14 Uhr",
    "ueberstunden": "Überstunden",
}
PAUSCHALSTEUER: dict[str | None, str] = {
    None: "automatisch (Minijob 2 % pauschal, sonst individuell)",
    "2": "2 % pauschal (Minijob)",
    "25": "25 % pauschal (kurzfristige Beschäftigung)",
    "individuell": "individuell nach Steuerklasse",
}
PROBEZEIT_HOECHSTENS_MONATE = 6  # § 622 Abs. 3 BGB: shortened notice only for up to six months


@dataclass(slots=True)
class VertragDaten:
    assistenzkraft_id: int
    gueltig_ab: date
    eintritt: date
    lohnsatz: Decimal
    lohnform: str = "stunde"
    probezeit_bis: date | None = None
    befristet_bis: date | None = None
    austritt: date | None = None
    taetigkeit: str = ""
    arbeitszeit: str = ""
    kuendigungsfrist: str = ""
    beschaeftigung: str = "auto"
    bereitschaft_prozent: Decimal | None = None
    einarbeitung_prozent: Decimal | None = None
    einarbeitung_bis: date | None = None
    arbeitstage_woche: Decimal | None = None
    wochenstunden: Decimal | None = None
    urlaubstage: Decimal | None = None
    zeitkonto_plus_max: Decimal | None = None  # Monatslohn: agreed limits of the Zeitkonto in hours
    zeitkonto_minus_max: Decimal | None = None
    geplante_arbeitstage: int | None = None  # kurzfristig: working days planned for the fixed term
    pauschalsteuer: str | None = None  # None: 2 % for a Minijob, else individual; "2", "25", "individuell"
    berufsmaessig: bool | None = None  # kurzfristig: pursued as a profession; None: not assessed
    notiz: str = ""
    zuschlaege: dict[str, Decimal] = field(default_factory=dict)
    id: int | None = None
    # Filled when read: § 3 BUrlG minimum for `arbeitstage_woche` (None when days per week are unknown).
    gesetzlicher_mindesturlaub: Decimal | None = None

    @property
    def befristet(self) -> bool:
        return self.befristet_bis is not None


def mindesturlaub(daten: VertragDaten) -> Decimal | None:
    if daten.arbeitstage_woche is None or not Decimal(0) < daten.arbeitstage_woche <= Decimal(7):
        return None
    try:
        return gesetzlicher_mindesturlaub(daten.arbeitstage_woche, daten.gueltig_ab)
    except (UnbekanntesJahr, FehlenderRegelwert):
        return None


def pruefe_vertrag(daten: VertragDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    if daten.gueltig_ab < daten.eintritt:
        fehler["gueltig_ab"] = "Eine Vertragsfassung kann nicht vor dem Eintritt gelten."
    if daten.probezeit_bis is not None:
        if daten.probezeit_bis < daten.eintritt:
            fehler["probezeit_bis"] = "Das Ende der Probezeit liegt vor dem Eintritt."
        elif daten.probezeit_bis > monatsfrist_ende(daten.eintritt, PROBEZEIT_HOECHSTENS_MONATE):
            fehler["probezeit_bis"] = (
                f"Die Probezeit darf höchstens {PROBEZEIT_HOECHSTENS_MONATE} Monate dauern, also bis "
                f"{monatsfrist_ende(daten.eintritt, PROBEZEIT_HOECHSTENS_MONATE):%d.%m.%Y} (§ 622 Abs. 3 BGB)."
            )
    if daten.befristet_bis is not None and daten.befristet_bis < daten.eintritt:
        fehler["befristet_bis"] = "Das Ende der Befristung liegt vor dem Eintritt."
    if daten.austritt is not None and daten.austritt < daten.eintritt:
        fehler["austritt"] = "Der Austritt liegt vor dem Eintritt."
    if daten.lohnform not in LOHNFORMEN:
        fehler["lohnform"] = "Lohnform: Stunden-, Tages- oder Monatslohn."
    if isinstance(daten.lohnsatz, float) or not isinstance(daten.lohnsatz, Decimal) or daten.lohnsatz <= 0:
        fehler["lohnsatz"] = "Bitte geben Sie den Lohn als Betrag größer 0 an."
    elif daten.lohnsatz != daten.lohnsatz.quantize(Decimal("0.01")):
        fehler["lohnsatz"] = "Der Lohn wird in Euro und Cent angegeben (höchstens 2 Nachkommastellen)."
    if daten.beschaeftigung not in BESCHAEFTIGUNG:
        fehler["beschaeftigung"] = "Bitte wählen Sie die Art der Beschäftigung aus der Liste."
    prozent_im_bereich(fehler, "bereitschaft_prozent", daten.bereitschaft_prozent, "Die Bewertung der Bereitschaft")
    prozent_im_bereich(fehler, "einarbeitung_prozent", daten.einarbeitung_prozent, "Der Lohn in der Einarbeitung")
    if daten.einarbeitung_prozent is not None and daten.einarbeitung_bis is None:
        fehler["einarbeitung_bis"] = "Bitte geben Sie an, bis wann die Einarbeitungszeit dauert."
    if daten.arbeitstage_woche is not None and not Decimal(0) < daten.arbeitstage_woche <= Decimal(7):
        fehler["arbeitstage_woche"] = "Arbeitstage je Woche: mehr als 0 und höchstens 7."
    if daten.wochenstunden is not None and not Decimal(0) < daten.wochenstunden <= Decimal(168):
        fehler["wochenstunden"] = "Wochenstunden: mehr als 0 und höchstens 168."
    if daten.urlaubstage is not None:
        minimum = mindesturlaub(daten)
        if daten.urlaubstage < 0:
            fehler["urlaubstage"] = "Urlaubstage können nicht negativ sein."
        elif minimum is not None and daten.urlaubstage < minimum:
            fehler["urlaubstage"] = (
                f"Vereinbart sind {format_zahl(daten.urlaubstage, None)} Tage; gesetzlich stehen bei "
                f"{format_zahl(daten.arbeitstage_woche or Decimal(0), None)} Arbeitstagen je Woche mindestens "
                f"{format_zahl(minimum, None)} Tage zu (§ 3 BUrlG). Weniger ist unwirksam (§ 13 BUrlG)."
            )
    for name, bezeichnung in (("zeitkonto_plus_max", "Plusstunden"), ("zeitkonto_minus_max", "Minusstunden")):
        wert = getattr(daten, name)
        if wert is not None and (isinstance(wert, float) or not Decimal(0) <= wert <= Decimal(1000)):
            fehler[name] = f"Höchstens vereinbarte {bezeichnung} des Zeitkontos: 0 bis 1000 Stunden."
    if daten.pauschalsteuer not in PAUSCHALSTEUER:
        fehler["pauschalsteuer"] = "Bitte wählen Sie die Besteuerung aus der Liste."
    if daten.geplante_arbeitstage is not None and (
        int(daten.geplante_arbeitstage) != daten.geplante_arbeitstage or not 1 <= daten.geplante_arbeitstage <= 366
    ):
        fehler["geplante_arbeitstage"] = "Geplante Arbeitstage: eine ganze Zahl von 1 bis 366."
    for art, prozent in daten.zuschlaege.items():
        if not art.strip():
            fehler["zuschlaege"] = "Jeder Zuschlag braucht eine Bezeichnung."
        bezeichnung = f"Zuschlag {ZUSCHLAGSARTEN.get(art, art)}"
        prozent_im_bereich(fehler, f"zuschlaege.{art}", prozent, bezeichnung, hoechstens=300)
    return fehler


def _daten(zeile: Vertrag) -> VertragDaten:
    daten = aus_modell(VertragDaten, zeile, zuschlaege={z.art: z.prozent for z in zeile.zuschlaege})
    daten.gesetzlicher_mindesturlaub = mindesturlaub(daten)
    return daten


def liste_vertraege(db: Datenbank, assistenzkraft_id: int) -> list[VertragDaten]:
    with einheit(db) as e:
        return [_daten(z) for z in e.vertraege.von(assistenzkraft_id)]


def vertrag_am(db: Datenbank, assistenzkraft_id: int, stichtag: date) -> VertragDaten | None:
    """The version in force on `stichtag` (None before the first version or after leaving)."""
    with einheit(db) as e:
        zeile = e.vertraege.gueltig_am(assistenzkraft_id, stichtag)
        if zeile is None or (zeile.austritt is not None and zeile.austritt < stichtag):
            return None
        return _daten(zeile)


def speichere_vertrag(db: Datenbank, daten: VertragDaten) -> VertragDaten:
    fehler = pruefe_vertrag(daten)
    with einheit(db) as e:
        kraft = e.assistenzkraefte.zeile(daten.assistenzkraft_id)
        if kraft is None:
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr).")
        gleicher_tag = e.vertraege.id_ab(daten.assistenzkraft_id, daten.gueltig_ab)
        if gleicher_tag is not None and gleicher_tag != daten.id:
            fehler["gueltig_ab"] = (
                f"Ab {daten.gueltig_ab:%d.%m.%Y} gibt es schon eine Vertragsfassung; bitte diese bearbeiten."
            )
        melde(fehler)
        if daten.id is None:
            zeile = Vertrag(assistenzkraft_id=daten.assistenzkraft_id)
            e.vertraege.fuege_hinzu(zeile)
        else:
            gefunden = e.vertraege.zeile(daten.id)
            if gefunden is None or gefunden.assistenzkraft_id != daten.assistenzkraft_id:
                raise EingabeFehler("Diese Vertragsfassung gibt es nicht (mehr).")
            zeile = gefunden
        nach_modell(daten, zeile, ausser=("id", "zuschlaege"))  # the surcharges are rows of their own, below
        if daten.geplante_arbeitstage is not None:  # the form's number field gives a Decimal
            zeile.geplante_arbeitstage = int(daten.geplante_arbeitstage)
        alte = {z.art: z for z in zeile.zuschlaege}
        neue: list[VertragsZuschlag] = []
        for art, prozent in sorted(daten.zuschlaege.items()):
            z = alte.get(art) or VertragsZuschlag(art=art, prozent=prozent)
            z.prozent = prozent
            neue.append(z)
        zeile.zuschlaege = neue
        if kraft.status == "bewerberin":
            kraft.status = "beschaeftigt"
        e.vertraege.lade_neu(zeile)
        return _daten(zeile)


def loesche_vertragsversion(db: Datenbank, vertrag_id: int) -> None:
    with einheit(db) as e:
        zeile = e.vertraege.zeile(vertrag_id)
        if zeile is not None:
            e.vertraege.entferne(zeile)
