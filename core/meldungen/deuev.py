"""DEÜV-Meldungen of a finalised month, prepared for the SV-Meldeportal: Anmeldung (Abgabegrund 10), Abmeldung (30),
Unterbrechungsmeldung (51, `core.meldungen.unterbrechung`) and, in December, the Jahresmeldung (50), with
Personengruppe, Beitragsgruppe, Tätigkeitsschlüssel, Zeitraum and the RV-pflichtige Entgelt in whole euros.

Sources: DEÜV §§ 6, 8, 9, 10 (what and when), Gemeinsames Rundschreiben "Gemeinsame Grundsätze für die Datenerfassung
und Datenübermittlung" with the Schlüsselverzeichnisse (Abgabegründe, Personengruppen, Beitragsgruppen); the field
names follow the data set DSME / Datenbaustein DBME (mapping of dataline-gmbh/SocialInsurance.Germany.Messages).
The Entgelt is the year's RV-pflichtige Entgelt of the employment as the payroll stored it (`Jahreswerte.entgelt_rv`,
in the Übergangsbereich the reduced beitragspflichtige Einnahme), rounded to whole euros (cents from 50 up);
short-term jobs (Personengruppe 110) report no Entgelt. Each Meldung carries only what no earlier Meldung of the
year carried (§ 10 Abs. 2 DEÜV): after an Unterbrechungsmeldung the next Meldung starts on the day pay resumed (or,
for an Abmeldung during the interruption, on its first day, with Entgelt 0), and no Jahresmeldung is made for an
assistant whose interruption lasts over 31 December (§ 10 Abs. 1 Satz 2 DEÜV). Minijobs in the Haushaltsscheck are
reported by the Haushaltsscheck itself, not here.

Stornierung (§ 14 Abs. 1 DEÜV: a Meldung with wrong "Zeit der Beschäftigung" or "beitragspflichtige Arbeitsentgelt"
is to be cancelled "unverzüglich"; Gemeinsame Grundsätze für die Datenerfassung und Datenübermittlung, "Stornierung
von Meldungen": it is cancelled and made anew, the cancellation carries "grundsätzlich die ursprünglich gemeldeten
Daten" with the Kennzeichen "Stornierung einer bereits abgegebenen Meldung", DSME KENNZSTO). The program issued a
month's Meldungen when it finalised the month: they are recomputed from the store as it stood then
(`ablage.abschluss_stand`); when a correction stored later changes a Meldung's Zeitraum or its Entgelt in whole
euros, the Meldung carries the issued one as `storno` and says so in one sentence (`storno_hinweis`); an issued
Meldung that the correction did away with (an Unterbrechung that moved to another month) is only to cancel
(`Meldungen.entfallen`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from core.abrechnung import ablage
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL
from core.domain.kalender import MONATE, monatsgrenzen
from core.domain.zahlen import format_zahl
from core.fehler import EingabeFehler
from core.meldungen.beitragsnachweis import MINIJOB_ZENTRALE, pruefe_abgeschlossen
from core.meldungen.fristen import QUELLE_ANMELDUNG, abmeldung_faellig, anmeldung_faellig, jahresmeldung_faellig
from core.meldungen.modelle import FristErledigt
from core.meldungen.unterbrechung import ENDE_NACH_EINEM_MONAT, Verlauf, verlaeufe
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, lade_assistenzkraft
from core.stammdaten.krankenkassen import KrankenkasseDaten, liste_krankenkassen
from core.stammdaten.vertraege import liste_vertraege

ABGABEGRUENDE = {
    "10": "Anmeldung wegen Beginn einer Beschäftigung",
    "13": "Anmeldung wegen sonstiger Gründe (nach unbezahltem Urlaub von mehr als einem Monat)",
    "30": "Abmeldung wegen Ende einer Beschäftigung",
    "34": "Abmeldung wegen Ende des Fortbestehens eines sozialversicherungsrechtlichen Beschäftigungsverhältnisses "
    "nach § 7 Abs. 3 Satz 1 SGB IV",
    "50": "Jahresmeldung",
    "51": "Unterbrechungsmeldung wegen Bezug von bzw. Anspruch auf Entgeltersatzleistungen",
}
#: What the field names were checked against, printed on every DEÜV document (no 2026 version was at hand).
FELDSTAND = (
    "Feldnamen (in Klammern) nach den Datensätzen DSME und DBME, Version 05 (Abbildung "
    "dataline-gmbh/SocialInsurance.Germany.Messages, Stand 2019); nicht mit dem amtlichen Vordruck 2026 abgeglichen "
    "(Gemeinsame Grundsätze für die Datenerfassung und Datenübermittlung, Fassung 2026)."
)
PERSONENGRUPPEN = {
    "101": "Sozialversicherungspflichtig Beschäftigte ohne besondere Merkmale",
    "106": "Werkstudenten",
    "109": "Geringfügig entlohnte Beschäftigte",
    "110": "Kurzfristig Beschäftigte",
}


def volle_euro(betrag: Decimal) -> int:
    return int(betrag.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class Meldung:
    grund: str
    personalnummer: str
    name: str
    versicherungsnummer: str
    geburtsdatum: date | None
    geburtsname: str
    geburtsort: str
    staatsangehoerigkeit: str
    anschrift: str
    von: date
    bis: date | None
    personengruppe: str
    beitragsgruppe: str
    taetigkeitsschluessel: str
    entgelt: int | None  # whole euros; None: no Entgelt in this Meldung (Anmeldung, short-term job)
    uebergangsbereich: bool
    einzugsstelle: str
    betriebsnummer_einzugsstelle: str
    faellig: date
    fehlt: tuple[str, ...]
    erlaeuterung: str = ""  # why the Meldung is due and since when (Unterbrechungsmeldung)
    # DBME KENNZMIDI: 0 = no pay in the Übergangsbereich, 1 = all of it, 2 = partly (§ 20 Abs. 2 SGB IV)
    kennzeichen_uebergangsbereich: str = "0"
    # DBME EGRB "Entgelt Rentenberechnung": the actual pay, without the Übergangsbereich's reduction (§ 70 Abs. 1a
    # SGB VI); only with KENNZMIDI 1 or 2
    entgelt_rentenberechnung: int | None = None
    mehrfachbeschaeftigung: bool = False  # DBME KENNZMF: another employment during the Zeitraum (§ 5 Abs. 9 DEÜV)
    #: the Meldung as issued when the month was finalised, to cancel before this one (§ 14 DEÜV), or None
    storno: Meldung | None = None
    storno_hinweis: str = ""  # the one sentence that says so
    assistenzkraft_id: int | None = None
    storno_seit: date | None = None  # when the correction that calls for it was stored ("unverzüglich" from then)

    @property
    def grund_text(self) -> str:
        return f"{self.grund} – {ABGABEGRUENDE[self.grund]}"


@dataclass(frozen=True, slots=True)
class Meldungen:
    jahr: int
    monat: int
    arbeitgeber: str
    betriebsnummer: str
    meldungen: tuple[Meldung, ...]
    haushaltsscheck: tuple[str, ...]  # names left to the Haushaltsscheck
    hinweise: tuple[str, ...] = ()  # cases the program cannot settle (to clear with the Krankenkasse)
    #: Meldungen issued when the month was finalised that a later correction did away with: only to cancel (each
    #: with its `storno_hinweis`)
    entfallen: tuple[Meldung, ...] = ()

    @property
    def fehlt(self) -> list[str]:
        fehlend = [] if self.betriebsnummer else ["Die Betriebsnummer der Arbeitgeberin fehlt."]
        for m in self.meldungen:
            fehlend.extend(m.fehlt)
        return list(dict.fromkeys(fehlend))


def _beschaeftigung(db: Datenbank, kraft_id: int) -> tuple[date | None, date | None]:
    """(Eintritt, Ende) of the employment: the first contract's start; the newest version's Austritt, or the end of
    its fixed term."""
    versionen = sorted(liste_vertraege(db, kraft_id), key=lambda v: v.gueltig_ab)
    if not versionen:
        return None, None
    return min(v.eintritt for v in versionen), versionen[-1].austritt or versionen[-1].befristet_bis


ARTEN = {"10": "Anmeldung", "13": "Anmeldung", "30": "Abmeldung", "34": "Abmeldung", "50": "Jahresmeldung"}


def _euro(betrag: int | None) -> str:
    return "kein Entgelt" if betrag is None else format_zahl(Decimal(betrag), 0, tausender=True) + "\xa0€"


def _zeitraum(m: Meldung) -> str:
    return f"{m.von:%d.%m.%Y}" + (f"–{m.bis:%d.%m.%Y}" if m.bis else "")


def _monate(monate: list[tuple[int, int]]) -> str:
    jahre = sorted({j for j, _m in monate})
    teile = [" und ".join(MONATE[m - 1] for jj, m in monate if jj == j) + f" {j}" for j in jahre]
    return ("Korrektur " if len(monate) == 1 else "Korrekturen ") + ", ".join(teile)


def storno_hinweis(
    alt: Meldung, neu: Meldung, jahr: int, monat: int, korrigiert: list[tuple[int, int]], *, abgegeben: bool = True
) -> str:
    """„Abmeldung (Grund 30) für Sabine Muster vom April 2026 stornieren und neu melden: gemeldet 2.728 €, richtig
    2.744 € (Korrektur März 2026).“ – the Entgelt and, when it changed, the Zeitraum as issued and as now. Not known
    to be sent (`abgegeben` False): the cancellation only if it was."""
    art = ARTEN.get(neu.grund, "Unterbrechungsmeldung")
    wort = "gemeldet" if abgegeben else "bisher"
    if (alt.von, alt.bis) != (neu.von, neu.bis):
        werte = f"{wort} {_zeitraum(alt)} mit {_euro(alt.entgelt)}, richtig {_zeitraum(neu)} mit {_euro(neu.entgelt)}"
    else:
        werte = f"{wort} {_euro(alt.entgelt)}, richtig {_euro(neu.entgelt)}"
    was = (
        "stornieren und neu melden"
        if abgegeben
        else "mit den richtigen Werten melden und, falls schon abgegeben, vorher stornieren"
    )
    grund = f" ({_monate(korrigiert)})" if korrigiert else ""
    return f"{art} (Grund {neu.grund}) für {neu.name} vom {MONATE[monat - 1]} {jahr} {was}: {werte}{grund}."


def entfallen_hinweis(
    alt: Meldung, jahr: int, monat: int, korrigiert: list[tuple[int, int]], *, abgegeben: bool = True
) -> str:
    """„Unterbrechungsmeldung (Grund 51) für … vom Mai 2026 stornieren, sie ist nicht mehr abzugeben (Korrektur …):
    gemeldet 01.01.2026–26.04.2026 mit 11.600 €.“"""
    art = ARTEN.get(alt.grund, "Unterbrechungsmeldung")
    was, wort = (
        ("stornieren, sie ist nicht mehr abzugeben", "gemeldet")
        if abgegeben
        else ("nicht mehr abgeben und, falls schon abgegeben, stornieren", "bisher")
    )
    return (
        f"{art} (Grund {alt.grund}) für {alt.name} vom {MONATE[monat - 1]} {jahr} {was} "
        f"({_monate(korrigiert)}): {wort} {_zeitraum(alt)} mit {_euro(alt.entgelt)}."
    )


def frist_schluessel(m: Meldung, jahr: int) -> str | None:
    """The key under which the start page's Fristen store the tick "erledigt" of this Meldung
    (`core.meldungen.fristenliste`: `_meldefrist`, `_unterbrechungsfristen`, `_jahresfristen`), None for a 34 (its
    key names the last paid day, which the Meldung does not carry)."""
    kraft = m.assistenzkraft_id
    schluessel = {
        "10": f"deuev-anmeldung|{kraft}|{m.von.isoformat()}",
        "13": f"deuev-unterbrechung|{kraft}|{m.von.isoformat()}",
        "30": f"deuev-abmeldung|{kraft}|{m.bis.isoformat()}" if m.bis else None,
        "51": f"deuev-unterbrechung|{kraft}|{m.bis.isoformat()}" if m.bis else None,
        "50": f"deuev-jahresmeldung|{jahr}",
    }
    return schluessel.get(m.grund)


def _abgegeben(db: Datenbank, alt: Meldung, jahr: int, seit: date | None) -> bool:
    """Whether the user ticked the Meldung's due date as done on a day before the correction was stored: then she
    sent the figures as issued, and the cancellation is certain (else it depends on whether she sent it)."""
    schluessel = frist_schluessel(alt, jahr)
    if schluessel is None or seit is None:
        return False
    with db.arbeitseinheit() as sitzung:
        am = sitzung.scalar(select(FristErledigt.erledigt_am).where(FristErledigt.schluessel == schluessel))
    return am is not None and am < seit


def deuev_meldungen(db: Datenbank, jahr: int, monat: int) -> Meldungen:
    """The Meldungen arising from a finalised month (refuses an open month), each marked as Neumeldung with the
    Meldung to cancel when a correction stored after the month's finalisation changed its Zeitraum or Entgelt."""
    ms = _deuev_meldungen(db, jahr, monat, None)
    stand = ablage.abschluss_stand(db, jahr, monat)
    spaeter = ablage.spaetere_korrekturen(db, jahr, monat, stand) if stand is not None else {}
    if stand is None or not spaeter:
        return ms
    damals = {(m.personalnummer, m.grund): m for m in _deuev_meldungen(db, jahr, monat, stand).meldungen}
    meldungen: list[Meldung] = []
    for m in ms.meldungen:
        alt = damals.get((m.personalnummer, m.grund))
        if alt is not None and (alt.von, alt.bis, alt.entgelt) != (m.von, m.bis, m.entgelt):
            korrigiert = spaeter.get(m.personalnummer, {})
            seit = max(korrigiert.values()).date() if korrigiert else None
            abgegeben = _abgegeben(db, alt, jahr, seit)
            hinweis = storno_hinweis(alt, m, jahr, monat, sorted(korrigiert), abgegeben=abgegeben)
            m = replace(m, storno=alt, storno_hinweis=hinweis, storno_seit=seit)
        meldungen.append(m)
    jetzt = {(m.personalnummer, m.grund) for m in ms.meldungen}
    entfallen = []
    for schluessel, alt in damals.items():
        korrigiert = spaeter.get(alt.personalnummer, {})
        if schluessel not in jetzt and korrigiert:
            seit = max(korrigiert.values()).date()
            abgegeben = _abgegeben(db, alt, jahr, seit)
            hinweis = entfallen_hinweis(alt, jahr, monat, sorted(korrigiert), abgegeben=abgegeben)
            entfallen.append(replace(alt, storno_hinweis=hinweis, storno_seit=seit))
    return replace(ms, meldungen=tuple(meldungen), entfallen=tuple(entfallen))


def stornohinweise(db: Datenbank, jahr: int, monat: int) -> list[str]:
    """The sentences of the finalised month's Meldungen to cancel and report anew (none without a correction stored
    after the month's finalisation: then nothing is recomputed, two small queries)."""
    stand = ablage.abschluss_stand(db, jahr, monat)
    if stand is None or not ablage.spaetere_korrekturen(db, jahr, monat, stand):
        return []
    ms = deuev_meldungen(db, jahr, monat)
    return [m.storno_hinweis for m in (*ms.meldungen, *ms.entfallen) if m.storno_hinweis]


def _deuev_meldungen(db: Datenbank, jahr: int, monat: int, bis_id: int | None) -> Meldungen:
    """The Meldungen of a finalised month from the store as it is now, or as it stood at row `bis_id`."""
    gespeichert = pruefe_abgeschlossen(db, jahr, monat, "eine DEÜV-Meldung")
    if bis_id is not None:
        gespeichert = ablage.lade_monat(db, jahr, monat, bis_id=bis_id)
    erster, naechster = monatsgrenzen(jahr, monat)
    letzter = date.fromordinal(naechster.toordinal() - 1)
    arbeitgeber = lade_arbeitgeber(db)
    kassen = {k.name: k for k in liste_krankenkassen(db)}
    mz = next((k for k in kassen.values() if k.ist_minijob_zentrale), None)
    meldungen: list[Meldung] = []
    haushaltsscheck: list[str] = []
    hinweise: list[str] = []
    verlauf = verlaeufe(db, jahr, bis_id=bis_id)
    for g in gespeichert.ergebnisse:
        e = g.ergebnis
        if e.haushaltsscheck:
            haushaltsscheck.append(e.name or e.id)
            continue
        eintritt, austritt = _beschaeftigung(db, g.assistenzkraft_id)
        try:
            person = lade_assistenzkraft(db, g.assistenzkraft_id)
        except EingabeFehler:
            continue  # erased on her request: nothing left to report from
        v = verlauf.get(g.assistenzkraft_id, Verlauf((), ()))
        faelle: list[tuple[str, date, date | None, date, Decimal | None, str, Monatsergebnis]] = []
        if eintritt is not None and erster <= eintritt <= letzter:
            faelle.append(("10", eintritt, None, anmeldung_faellig(eintritt), None, "", e))
        beginn = max(eintritt or date(jahr, 1, 1), date(jahr, 1, 1))
        gemeldet = NULL
        unterbrochen = False
        abgemeldet = False  # a 34 ended the employment for the Sozialversicherung and work has not resumed
        for u, betrag in v.gemeldet_bis(jahr, monat):
            if u.meldemonat == (jahr, monat):
                erlaeuterung = f"Letzter Tag mit Entgelt {u.letzter_entgelttag:%d.%m.%Y}; danach {u.leistung}"
                if u.grund == ENDE_NACH_EINEM_MONAT:
                    erlaeuterung += (
                        f" länger als einen Monat: die Beschäftigung endet für die SV am {u.meldungsende:%d.%m.%Y}"
                    )
                bezahlt = v.ergebnis_am(u.letzter_entgelttag) or e
                faelle.append(
                    (
                        u.grund,
                        beginn,
                        u.meldungsende,
                        u.faellig,
                        betrag,
                        f"{erlaeuterung}; Frist nach {u.quelle}.",
                        bezahlt,
                    )
                )
            if u.grund == ENDE_NACH_EINEM_MONAT and u.wiederaufnahme and erster <= u.wiederaufnahme <= letzter:
                faelle.append(
                    (
                        "13",
                        u.wiederaufnahme,
                        None,
                        anmeldung_faellig(u.wiederaufnahme),
                        None,
                        f"Wieder Arbeit und Entgelt ab {u.wiederaufnahme:%d.%m.%Y} nach der Abmeldung (34) zum "
                        f"{u.meldungsende:%d.%m.%Y}; Frist nach {QUELLE_ANMELDUNG}.",
                        e,
                    )
                )
            gemeldet += betrag
            beginn = u.beginn_danach
            unterbrochen = u.wiederaufnahme is None
            abgemeldet = unterbrochen and u.grund == ENDE_NACH_EINEM_MONAT
        for u in v.unterbrechungen:
            if u.letzter_entgelttag.year < jahr and u.meldemonat == (jahr, monat):
                hinweise.append(
                    f"Für {person.name or e.name or e.id} endete das Entgelt am {u.letzter_entgelttag:%d.%m.%Y} "
                    f"(danach {u.leistung}); diese Zeit hat schon die Jahresmeldung {u.letzter_entgelttag.year} "
                    "gemeldet: bitte mit der Krankenkasse klären, ob sie zusätzlich eine Unterbrechungsmeldung "
                    "verlangt."
                )
        rest = v.jahreswerte_bis(e).entgelt_rv - gemeldet
        if austritt is not None and erster <= austritt <= letzter and not abgemeldet:
            faelle.append(("30", beginn, austritt, abmeldung_faellig(austritt), rest, "", e))
        elif monat == 12 and (austritt is None or austritt > letzter) and not unterbrochen:
            faelle.append(("50", beginn, letzter, jahresmeldung_faellig(jahr), rest, "", e))
        for grund, von, bis, faellig, entgelt, erlaeuterung, bezug in faelle:
            m = _meldung(bezug, person, grund, von, bis, faellig, entgelt, kassen, mz, erlaeuterung)
            meldungen.append(replace(_mit_zeitraumangaben(m, v, bezug, person), assistenzkraft_id=g.assistenzkraft_id))
    return Meldungen(
        jahr=jahr,
        monat=monat,
        arbeitgeber=arbeitgeber.name if arbeitgeber is not None and arbeitgeber.name else "Arbeitgeberin",
        betriebsnummer=arbeitgeber.betriebsnummer if arbeitgeber is not None else "",
        meldungen=tuple(meldungen),
        haushaltsscheck=tuple(haushaltsscheck),
        hinweise=tuple(hinweise),
    )


def _mit_zeitraumangaben(m: Meldung, v: Verlauf, e: Monatsergebnis, person: AssistenzkraftDaten) -> Meldung:
    """The DBME marks that depend on the months of the Zeitraum: Übergangsbereich (0/1/2), the Entgelt for the
    pension without the Übergangsbereich's reduction, Mehrfachbeschäftigung."""
    bis = m.bis or m.von
    monate = [
        g.ergebnis
        for g in v.ergebnisse
        if (m.von.year, m.von.month) <= (g.jahr, g.monat) <= (bis.year, bis.month) and g.ergebnis.sv_brutto
    ] or [e]
    im_bereich = {r.uebergangsbereich for r in monate}
    kennzeichen = "2" if len(im_bereich) == 2 else ("1" if True in im_bereich else "0")
    rentenberechnung = None
    if kennzeichen != "0" and m.entgelt is not None:
        rentenberechnung = volle_euro(sum((r.sv_brutto for r in monate), NULL))
    mehrfach = any(
        (w.beginn is None or w.beginn <= bis) and (w.ende is None or w.ende >= m.von)
        for w in person.weitere_beschaeftigungen
    )
    return replace(
        m,
        kennzeichen_uebergangsbereich=kennzeichen,
        entgelt_rentenberechnung=rentenberechnung,
        mehrfachbeschaeftigung=mehrfach,
    )


def _meldung(
    e: Monatsergebnis,
    person: AssistenzkraftDaten,
    grund: str,
    von: date,
    bis: date | None,
    faellig: date,
    entgelt_rv: Decimal | None,
    kassen: dict[str, KrankenkasseDaten],
    mz: KrankenkasseDaten | None,
    erlaeuterung: str = "",
) -> Meldung:
    name = person.name or e.name or e.id
    stelle = e.einzugsstelle or ""
    kasse = mz if stelle == MINIJOB_ZENTRALE else kassen.get(stelle)
    betriebsnummer = kasse.betriebsnummer if kasse is not None else ""
    fehlt: list[str] = []
    if not person.versicherungsnummer and (grund != "10" or not (person.geburtsname or person.geburtsort)):
        fehlt.append(
            f"Für {name} fehlt die Versicherungsnummer (bei einer Anmeldung ersatzweise Geburtsname und Geburtsort): "
            "bitte im Personalbogen eintragen."
        )
    if not person.taetigkeitsschluessel:
        fehlt.append(f"Für {name} fehlt der Tätigkeitsschlüssel: bitte im Personalbogen alle fünf Teile eintragen.")
    if not stelle:
        fehlt.append(f"Für {name} ist keine Einzugsstelle bestimmt: bitte die Krankenkasse im Personalbogen eintragen.")
    elif not betriebsnummer:
        fehlt.append(f"Für die Einzugsstelle „{stelle}“ fehlt die Betriebsnummer: bitte unter Krankenkassen eintragen.")
    entgelt = None
    if entgelt_rv is not None and e.personengruppe != "110":
        entgelt = volle_euro(entgelt_rv)
    anschrift = ", ".join(t for t in (person.strasse, " ".join(x for x in (person.plz, person.ort) if x)) if t)
    return Meldung(
        grund=grund,
        personalnummer=e.id,
        name=name,
        versicherungsnummer=person.versicherungsnummer,
        geburtsdatum=person.geburtsdatum,
        geburtsname=person.geburtsname,
        geburtsort=person.geburtsort,
        staatsangehoerigkeit=person.staatsangehoerigkeit,
        anschrift=anschrift,
        von=von,
        bis=bis,
        personengruppe=e.personengruppe,
        beitragsgruppe=e.beitragsgruppe,
        taetigkeitsschluessel=person.taetigkeitsschluessel,
        entgelt=entgelt,
        uebergangsbereich=e.uebergangsbereich,
        einzugsstelle=stelle,
        betriebsnummer_einzugsstelle=betriebsnummer,
        faellig=faellig,
        fehlt=tuple(fehlt),
        erlaeuterung=erlaeuterung,
    )
