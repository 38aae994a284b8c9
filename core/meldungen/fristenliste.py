"""The household's due dates in a window of days, with amounts and the user's ticks (the start page's "Fristen",
the `.ics` calendar).

Amounts come from the finalised months (`core.abrechnung.ablage`) and, for a month still open, from the draft run
(`core.abrechnung.lauf`), marked "vorläufig". Nothing is computed twice: Beitragsnachweis amounts are the sums of
`core.meldungen.beitragsnachweis.posten`, the Lohnsteuer those of the stored results.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from threading import Lock

from sqlalchemy import delete, select

from core.abrechnung import ablage, lauf
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.meldungen import fristen as regeln
from core.meldungen.beitragsnachweis import (
    MINIJOB_ZENTRALE,
    beitragsnachweise,
    einzugsstelle,
    kasse_der_stelle,
    posten,
    termine_der_stelle,
)
from core.meldungen.deuev import deuev_meldungen
from core.meldungen.fristen import Frist
from core.meldungen.lohnsteuer_anmeldung import abzufuehrende_lohnsteuer, anmeldungszeitraum
from core.meldungen.modelle import FristErledigt
from core.meldungen.unterbrechung import ENDE_NACH_EINEM_MONAT, verlaeufe
from core.persistence.datenbank import Datenbank
from core.persistence.datenstand import datenstand
from core.regeln import tabellen
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.assistenzkraefte import liste_assistenzkraefte
from core.stammdaten.krankenkassen import KrankenkasseDaten, liste_krankenkassen

#: (file, first day, last day) → (fingerprint, list): the newest list per file (`fristen`)
_GEMERKT: dict[tuple[str, date, date], tuple[tuple[str, date, int], tuple[Frist, ...]]] = {}
_SPERRE = Lock()
VORLAUF = timedelta(weeks=6)  # "the next weeks"
RUECKSCHAU = timedelta(weeks=8)  # open due dates of the recent past stay in view until ticked
#: Due dates about one assistant: their tick carries her id, so that erasing her (Art. 17) erases it too.
PERSONENFRISTEN = (
    "deuev_anmeldung",
    "deuev_abmeldung",
    "deuev_unterbrechung",
    "deuev_storno",
    "haushaltsscheck_anmeldung",
    "haushaltsscheck_abmeldung",
)


@dataclass(frozen=True, slots=True)
class _Monat:
    ergebnisse: tuple[Monatsergebnis, ...]
    vorlaeufig: bool
    fehler: int = 0  # assistants whose draft cannot be computed yet (master data missing)
    haushaltsscheck: dict[int, bool] = field(default_factory=dict)  # assistant's id → reported by Haushaltsscheck


def _monate(von: date, bis: date) -> list[tuple[int, int]]:
    jahr, monat = von.year, von.month
    ergebnis = []
    while (jahr, monat) <= (bis.year, bis.month):
        ergebnis.append((jahr, monat))
        jahr, monat = (jahr + 1, 1) if monat == 12 else (jahr, monat + 1)
    return ergebnis


class _Quelle:
    """The month's results, read once per month: as first finalised, or the draft."""

    def __init__(self, db: Datenbank) -> None:
        self.db = db
        self._cache: dict[tuple[int, int], _Monat | None] = {}

    def monat(self, jahr: int, monat: int) -> _Monat | None:
        if (jahr, monat) not in self._cache:
            self._cache[(jahr, monat)] = self._lies(jahr, monat)
        return self._cache[(jahr, monat)]

    def _lies(self, jahr: int, monat: int) -> _Monat | None:
        gespeichert = ablage.lade_monat(self.db, jahr, monat)
        if gespeichert.abgeschlossen:
            return _Monat(
                tuple(g.ergebnis for g in gespeichert.ergebnisse),
                False,
                haushaltsscheck={g.assistenzkraft_id: g.ergebnis.haushaltsscheck for g in gespeichert.ergebnisse},
            )
        try:
            entwurf = lauf.abrechnung(self.db, jahr, monat)
        except EingabeFehler:  # before the household's first payroll month, or no employer yet
            return None
        zeilen = [z for z in entwurf.zeilen if z.ergebnis is not None]
        return _Monat(
            tuple(z.ergebnis for z in zeilen if z.ergebnis is not None),
            True,
            len(entwurf.zeilen) - len(zeilen),
            {z.assistenzkraft_id: z.ergebnis.haushaltsscheck for z in zeilen if z.ergebnis is not None},
        )

    def im_haushaltsscheck(self, assistenzkraft_id: int, tag: date) -> bool | None:
        """Whether the payroll of the month of `tag` (finalised, else the draft) puts her in the Haushaltsscheck;
        None when that month has no result for her yet (before the first payroll month, data missing)."""
        daten = self.monat(tag.year, tag.month)
        return None if daten is None else daten.haushaltsscheck.get(assistenzkraft_id)


def _summen_je_stelle(ergebnisse: Iterable[Monatsergebnis]) -> dict[str, Decimal]:
    summen: dict[str, Decimal] = {}
    for e in ergebnisse:
        werte = posten(e)
        if werte:
            stelle = einzugsstelle(e)
            summen[stelle] = summen.get(stelle, NULL) + sum(werte.values(), NULL)
    return summen


def _beitragsfristen(quelle: _Quelle, jahr: int, monat: int, kassen: Sequence[KrankenkasseDaten]) -> list[Frist]:
    daten = quelle.monat(jahr, monat)
    if daten is None:
        return []
    zeitraum = f"{MONATE[monat - 1]} {jahr}"
    if daten.vorlaeufig:
        summen = _summen_je_stelle(daten.ergebnisse)
    else:  # as submitted: first version plus the corrections settled in the month
        summen = {n.einzugsstelle: n.summe for n in beitragsnachweise(quelle.db, jahr, monat)}
    unbekannt: dict[str, Decimal | None] = {}
    if not summen and daten.fehler:  # the dates stand even when the amounts cannot be computed yet
        unbekannt["die Einzugsstellen (Betrag erst nach Ergänzung der Stammdaten)"] = None
    fristen = []
    for stelle, summe in sorted({**summen, **unbekannt}.items()):
        kennung = f"{stelle}|{jahr}-{monat:02d}"
        termine = termine_der_stelle(jahr, monat, stelle, kasse_der_stelle(kassen, stelle))
        # without the Kasse's seat the dates are the earliest possible: the title says so (the Hinweis in full is on
        # the printed Beitragsnachweis)
        vorbehalt = "" if termine.land else " (frühester Termin: Sitz der Kasse nicht eingetragen)"
        fristen += [
            Frist(
                f"beitragsnachweis|{kennung}",
                "beitragsnachweis",
                f"Beitragsnachweis an {stelle}{vorbehalt}",
                zeitraum,
                termine.einreichung,
                regeln.QUELLE_BEITRAGSNACHWEIS,
                summe,
                daten.vorlaeufig,
            ),
            Frist(
                f"beitragszahlung|{kennung}",
                "beitragszahlung",
                f"Beiträge an {stelle} gutgeschrieben{vorbehalt}",
                zeitraum,
                termine.zahlung,
                regeln.QUELLE_BEITRAGSZAHLUNG,
                summe,
                daten.vorlaeufig,
            ),
        ]
    return fristen


def _haushaltsscheck_betrag(e: Monatsergebnis) -> Decimal:
    """What the Minijob-Zentrale debits for a Haushaltsscheck month: KV, RV (both shares), UV, U1, U2, 2 % tax."""
    return e.kv_ag + e.rv_ag + e.rv_an + e.unfallversicherung + e.umlage_u1 + e.umlage_u2 + e.pauschsteuer


def haushaltsscheck_halbjahr(quelle: _Quelle, jahr: int, halbjahr: int) -> tuple[Decimal, bool, bool]:
    """(amount, vorläufig, any Haushaltsscheck at all) of a half-year from its six months."""
    summe, vorlaeufig, vorhanden = NULL, False, False
    for monat in range(1 + 6 * (halbjahr - 1), 7 + 6 * (halbjahr - 1)):
        daten = quelle.monat(jahr, monat)
        if daten is None:
            continue
        for e in daten.ergebnisse:
            if e.haushaltsscheck:
                vorhanden = True
                summe += _haushaltsscheck_betrag(e)
                vorlaeufig = vorlaeufig or daten.vorlaeufig
    return summe, vorlaeufig, vorhanden


def _lst_fristen(quelle: _Quelle, db: Datenbank, jahr: int, land: str, von: date, bis: date) -> list[Frist]:
    zeitraum = anmeldungszeitraum(db, jahr)
    fristen = []
    for erster, letzter, name in zeitraum.zeitraeume():
        faellig = regeln.lst_anmeldung_faellig(letzter, land)
        if not von <= faellig <= bis:
            continue
        summe, vorlaeufig, steuerpflichtig = NULL, False, False
        for monat in range(erster.month, letzter.month + 1):
            daten = quelle.monat(jahr, monat)
            if daten is None:
                continue
            for e in daten.ergebnisse:
                # every employment outside the 2 % minijob tax needs the Anmeldung, even with no tax due
                steuerpflichtig = steuerpflichtig or e.beschaeftigung is not Beschaeftigungsart.MINIJOB
                summe += abzufuehrende_lohnsteuer(e) + e.solidaritaetszuschlag + e.kirchensteuer
                vorlaeufig = vorlaeufig or daten.vorlaeufig
        if steuerpflichtig:
            fristen.append(
                Frist(
                    f"lst-anmeldung|{erster:%Y-%m}|{letzter:%Y-%m}",
                    "lst_anmeldung",
                    "Lohnsteuer-Anmeldung ans Finanzamt und Zahlung",
                    name,
                    faellig,
                    regeln.QUELLE_LST_ANMELDUNG,
                    summe,
                    vorlaeufig,
                )
            )
    return fristen


def _meldefrist(quelle: _Quelle, kraft_id: int, name: str, anlass: str, tag: date, privathaushalt: bool) -> Frist:
    """The reminder of the Anmeldung (`anlass` "anmeldung", at `tag` = Eintritt) or Abmeldung ("abmeldung", `tag` =
    Ende): a DEÜV-Meldung within six weeks, or for a minijob in the Haushaltsscheckverfahren the Haushaltsscheck
    itself, unverzüglich (§ 28a Abs. 7 Satz 1 SGB IV: the Haushaltsscheck replaces the DEÜV-Meldung)."""
    wort, rand = ("Anmeldung", "Beginn") if anlass == "anmeldung" else ("Abmeldung", "Ende")
    haushaltsscheck = quelle.im_haushaltsscheck(kraft_id, tag) if privathaushalt else False
    if haushaltsscheck:
        return Frist(
            f"haushaltsscheck-{anlass}|{kraft_id}|{tag.isoformat()}",
            f"haushaltsscheck_{anlass}",
            f"Haushaltsscheck ({wort}) {name} an die {MINIJOB_ZENTRALE}",
            f"{rand} {tag:%d.%m.%Y}, unverzüglich",
            tag,
            regeln.QUELLE_HAUSHALTSSCHECK_MELDUNG,
        )
    titel = f"{wort} (DEÜV) {name}"
    if haushaltsscheck is None:  # month not computable yet: say both rather than guess
        titel += "; ist es ein Minijob im Haushaltsscheckverfahren, stattdessen der Haushaltsscheck (unverzüglich)"
    faellig = regeln.anmeldung_faellig(tag) if anlass == "anmeldung" else regeln.abmeldung_faellig(tag)
    quelle_text = regeln.QUELLE_ANMELDUNG if anlass == "anmeldung" else regeln.QUELLE_ABMELDUNG
    return Frist(
        f"deuev-{anlass}|{kraft_id}|{tag.isoformat()}",
        f"deuev_{anlass}",
        titel,
        f"{rand} {tag:%d.%m.%Y}",
        faellig,
        quelle_text,
    )


def _personenfristen(quelle: _Quelle, von: date, bis: date, privathaushalt: bool) -> list[tuple[Frist, int]]:
    ergebnis: list[tuple[Frist, int]] = []
    for kraft in liste_assistenzkraefte(quelle.db, status=("beschaeftigt", "ausgeschieden"), stichtag=bis):
        for anlass, tag in (("anmeldung", kraft.eintritt), ("abmeldung", kraft.austritt)):
            # the DEÜV date lies six weeks after the Haushaltsscheck's: read a month's payroll only when one shows
            if tag is None or not (von <= tag + regeln.SECHS_WOCHEN and tag <= bis + VORLAUF):
                continue
            frist = _meldefrist(quelle, kraft.id, kraft.name, anlass, tag, privathaushalt)
            if von <= frist.faellig <= bis + VORLAUF:
                ergebnis.append((frist, kraft.id))
    return ergebnis


def _unterbrechungsfristen(db: Datenbank, von: date, bis: date) -> list[tuple[Frist, int]]:
    """Unterbrechungsmeldungen (DEÜV 51) that finalised months made due between `von` and `bis`."""
    ergebnis: list[tuple[Frist, int]] = []
    for jahr in range(von.year - 1, bis.year + 1):
        for kraft_id, verlauf in verlaeufe(db, jahr).items():
            name = verlauf.ergebnisse[-1].ergebnis.name or verlauf.ergebnisse[-1].ergebnis.id
            for u in verlauf.im_jahr(jahr):
                titel = (
                    "Abmeldung (DEÜV, Grund 34)" if u.grund == ENDE_NACH_EINEM_MONAT else "Unterbrechungsmeldung (DEÜV)"
                )
                if von <= u.faellig <= bis:
                    frist = Frist(
                        f"deuev-unterbrechung|{kraft_id}|{u.letzter_entgelttag.isoformat()}",
                        "deuev_unterbrechung",
                        f"{titel} {name}",
                        f"Entgelt bis {u.letzter_entgelttag:%d.%m.%Y}, danach {u.leistung}",
                        u.faellig,
                        u.quelle,
                    )
                    ergebnis.append((frist, kraft_id))
                wieder = u.wiederaufnahme
                if u.grund == ENDE_NACH_EINEM_MONAT and wieder and von <= regeln.anmeldung_faellig(wieder) <= bis:
                    frist = Frist(
                        f"deuev-unterbrechung|{kraft_id}|{wieder.isoformat()}",
                        "deuev_unterbrechung",
                        f"Anmeldung (DEÜV, Grund 13) {name}",
                        f"wieder beschäftigt ab {wieder:%d.%m.%Y}",
                        regeln.anmeldung_faellig(wieder),
                        regeln.QUELLE_ANMELDUNG,
                    )
                    ergebnis.append((frist, kraft_id))
    return ergebnis


def _stornofristen(db: Datenbank, von: date, bis: date) -> list[tuple[Frist, int]]:
    """DEÜV-Meldungen of finalised months that a later correction made wrong (`Meldung.storno`): cancel and report
    anew, unverzüglich (§ 14 Abs. 1 DEÜV), so due on the day the correction was stored. Only months with a
    correction stored after their finalisation are looked at (two small queries per finalised month)."""
    ergebnis: list[tuple[Frist, int]] = []
    for jahr, monat in ablage.abgeschlossene_monate(db):
        stand = ablage.abschluss_stand(db, jahr, monat)
        if jahr < von.year - 1 or stand is None or not ablage.spaetere_korrekturen(db, jahr, monat, stand):
            continue
        try:
            ms = deuev_meldungen(db, jahr, monat)
        except EingabeFehler:
            continue
        for m in (*ms.meldungen, *ms.entfallen):
            kraft_id = m.assistenzkraft_id
            if m.storno_seit is None or kraft_id is None or not von <= m.storno_seit <= bis:
                continue
            frist = Frist(
                f"deuev-storno|{kraft_id}|{jahr}-{monat:02d}|{m.grund}|{m.storno_seit.isoformat()}",
                "deuev_storno",
                m.storno_hinweis,
                f"Meldung aus {MONATE[monat - 1]} {jahr}, unverzüglich",
                m.storno_seit,
                "§ 14 Abs. 1 DEÜV",
            )
            ergebnis.append((frist, kraft_id))
    return ergebnis


def _jahresfristen(db: Datenbank, von: date, bis: date) -> list[Frist]:
    fristen = []
    for jahr in range(von.year - 1, bis.year + 1):
        ergebnisse = [g.ergebnis for g in ablage.lade_jahr(db, jahr)]
        if not ergebnisse:
            continue
        gemeldet = {e.id for e in ergebnisse if not e.haushaltsscheck and e.einzugsstelle}
        faellig = regeln.jahresmeldung_faellig(jahr)
        if gemeldet and von <= faellig <= bis:
            fristen.append(
                Frist(
                    f"deuev-jahresmeldung|{jahr}",
                    "deuev_jahresmeldung",
                    f"Jahresmeldungen (DEÜV) für {anzahl(len(gemeldet), 'Assistenzkraft', 'Assistenzkräfte')}",
                    f"Jahr {jahr}",
                    faellig,
                    regeln.QUELLE_JAHRESMELDUNG,
                )
            )
        besteuert = {e.id for e in ergebnisse if e.lohnsteuer or e.beschaeftigung is not Beschaeftigungsart.MINIJOB}
        faellig = regeln.lohnsteuerbescheinigung_faellig(jahr)
        if besteuert and von <= faellig <= bis:
            fristen.append(
                Frist(
                    f"lohnsteuerbescheinigung|{jahr}",
                    "lohnsteuerbescheinigung",
                    f"Lohnsteuerbescheinigungen für {anzahl(len(besteuert), 'Assistenzkraft', 'Assistenzkräfte')}",
                    f"Jahr {jahr}",
                    faellig,
                    regeln.QUELLE_LST_BESCHEINIGUNG,
                )
            )
    return fristen


def fristen(db: Datenbank, von: date, bis: date) -> list[Frist]:
    """Every due date from `von` to `bis` (inclusive), by date, with the user's ticks.

    Kept in memory with the fingerprint of the whole data file (`core.persistence.datenstand`), the day and the
    state of the rule figures: the start page asks on every visit, and an open month's amounts need its draft
    payroll (a tenth of a second or more); while nothing changed the kept list is the same answer."""
    with db.arbeitseinheit() as sitzung:
        stand = (datenstand(sitzung), date.today(), tabellen.stand())
    schluessel = (str(db.pfad), von, bis)
    with _SPERRE:
        gemerkt = _GEMERKT.get(schluessel)
    if gemerkt is not None and gemerkt[0] == stand:
        return list(gemerkt[1])
    liste = _fristen(db, von, bis)
    with _SPERRE:
        for alt in [k for k in _GEMERKT if k[0] == schluessel[0]]:  # one list per file: no stale names kept
            del _GEMERKT[alt]
        _GEMERKT[schluessel] = (stand, tuple(liste))
    return liste


def _fristen(db: Datenbank, von: date, bis: date) -> list[Frist]:
    arbeitgeber = lade_arbeitgeber(db)
    if arbeitgeber is None or not arbeitgeber.bundesland:
        return []
    land = arbeitgeber.bundesland
    kassen = liste_krankenkassen(db)
    quelle = _Quelle(db)
    liste: list[Frist] = []
    personen: dict[str, int] = {}
    for jahr, monat in _monate(von, bis):
        if regeln.beitragstermine(jahr, monat, "").einreichung > bis:  # no seat's dates are earlier: none in the span,
            continue  # and the month's draft payroll is not computed for nothing (the start page's next month)
        liste += [f for f in _beitragsfristen(quelle, jahr, monat, kassen) if von <= f.faellig <= bis]
    for jahr in range(von.year - 1, bis.year + 1):
        for halbjahr in (1, 2):
            faellig = regeln.haushaltsscheck_lastschrift(jahr, halbjahr)
            if not von <= faellig <= bis:
                continue
            summe, vorlaeufig, vorhanden = haushaltsscheck_halbjahr(quelle, jahr, halbjahr)
            if vorhanden:
                liste.append(
                    Frist(
                        f"haushaltsscheck|{jahr}-{halbjahr}",
                        "haushaltsscheck",
                        f"Lastschrift der {MINIJOB_ZENTRALE} (Haushaltsscheck): Konto gedeckt halten",
                        f"{halbjahr}. Halbjahr {jahr}",
                        faellig,
                        regeln.QUELLE_HAUSHALTSSCHECK,
                        summe,
                        vorlaeufig,
                    )
                )
    for jahr in range(von.year, bis.year + 1):
        liste += _lst_fristen(quelle, db, jahr, land, von, bis)
    personenfristen = _personenfristen(quelle, von, bis, arbeitgeber.privathaushalt)
    for frist, person in personenfristen + _unterbrechungsfristen(db, von, bis) + _stornofristen(db, von, bis):
        liste.append(frist)
        personen[frist.schluessel] = person
    liste += _jahresfristen(db, von, bis)
    erledigt = _erledigt(db, [f.schluessel for f in liste])
    return sorted((f.mit_erledigt(erledigt.get(f.schluessel)) for f in liste), key=lambda f: (f.faellig, f.titel))


def anstehende(db: Datenbank, heute: date) -> list[Frist]:
    """The start page's list: the next six weeks, and what is overdue and not ticked from the last eight."""
    return [f for f in fristen(db, heute - RUECKSCHAU, heute + VORLAUF) if f.faellig >= heute or f.erledigt_am is None]


def _erledigt(db: Datenbank, schluessel: Sequence[str]) -> dict[str, date]:
    if not schluessel:
        return {}
    with db.arbeitseinheit() as sitzung:
        return {
            z.schluessel: z.erledigt_am
            for z in sitzung.scalars(select(FristErledigt).where(FristErledigt.schluessel.in_(list(schluessel))))
        }


def vermerke_erledigt(db: Datenbank, frist: Frist, am: date) -> None:
    """Tick a due date as done on `am` (one transaction; a second tick replaces the date)."""
    if am > date.today() + timedelta(days=1):
        raise EingabeFehler("Das Datum liegt in der Zukunft. Bitte den Tag angeben, an dem es erledigt wurde.")
    person = int(frist.schluessel.split("|")[1]) if frist.art in PERSONENFRISTEN else None
    with db.arbeitseinheit() as sitzung:
        zeile = sitzung.scalars(select(FristErledigt).where(FristErledigt.schluessel == frist.schluessel)).first()
        if zeile is None:
            sitzung.add(FristErledigt(schluessel=frist.schluessel, erledigt_am=am, assistenzkraft_id=person))
        else:
            zeile.erledigt_am = am


def nimm_zurueck(db: Datenbank, frist: Frist) -> None:
    with db.arbeitseinheit() as sitzung:
        sitzung.execute(delete(FristErledigt).where(FristErledigt.schluessel == frist.schluessel))
