"""Interruptions of an employment without pay for at least one full calendar month (Unterbrechungsmeldung, DEÜV
Abgabegrund 51), found in the finalised months.

The rule (§ 9 DEÜV; § 7 Abs. 3 Satz 3 SGB IV): the employment goes on, but the right to pay ends while the assistant
draws Krankengeld (after the six weeks of § 3 EFZG, or in the first four weeks), Krankengeld bei Erkrankung des
Kindes (§ 45 SGB V) or Mutterschaftsgeld (§ 19 MuSchG, § 24i SGB V), and this lasts at least one whole calendar
month ("voller Kalendermonat": SV-Tage 0). Then a Meldung covers the time up to the last day with pay
(`letzter_entgelttag`), due two weeks after the end of the first whole month without pay (§ 9 Abs. 1 Satz 1 DEÜV:
"innerhalb von zwei Wochen nach Ablauf des ersten Kalendermonats" of the interruption; only after a whole month
without pay is it certain that the Meldung is due). When the employment ends in the month after the pay stopped,
the Meldung is due with the Abmeldung, within six weeks after the end (§ 9 Abs. 2 DEÜV).

Not an Unterbrechungsmeldung: unpaid leave (unbezahlt frei) keeps the employment for one month only (§ 7 Abs. 3 Satz 1
SGB IV). Lasting longer than that month (a Zeitmonat from the first unpaid day, §§ 187, 188 BGB), it ends the employment
for the Sozialversicherung at the month's end: an Abmeldung with Abgabegrund 34 (due like any Abmeldung, § 8 Abs. 1
DEÜV), and when work resumes an Anmeldung with Abgabegrund 13 (§ 6 DEÜV). Haufe Personal Office "Unbezahlter Urlaub,
Meldungen": unpaid 8.8.–20.9. → Abmeldung 34 for 1.1.–7.9., Anmeldung 13 on 21.9.; AOK "DEÜV: Meldegründe und Fristen".
A Minijob brings no Krankengeld: its sick days after continued pay count like unpaid leave (34 after a month; Lexware
FAQ "Abmeldung mit Meldegrund 34": "Krankheit ohne Krankengeld"); only Mutterschaftsgeld gives a 51.
Elternzeit (Abgabegrund 52) is not an absence the roster records.

The days without pay come from the finalised results and the absences they were computed from (the stored input
of each month, `GespeichertesErgebnis.eingabe`): a sick day counts when the payroll listed no continued pay for it
(`Monatsergebnis.fortzahlungen`); a day of Mutterschutz or Kind krank always counts. Nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.ablage import GespeichertesErgebnis
from core.abrechnung.modell import Jahreswerte, Monatsergebnis
from core.abrechnung.unbezahlt import ende_nach_einem_monat
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.repository import einheit
from core.domain.geld import NULL
from core.domain.kalender import monatsgrenzen
from core.meldungen import fristen
from core.persistence.datenbank import Datenbank

#: The benefit instead of pay, per kind of absence (for the printed Meldung).
LEISTUNGEN = {
    Abwesenheitsart.KRANK: "Krankengeld",
    Abwesenheitsart.KIND_KRANK: "Krankengeld bei Erkrankung des Kindes",
    Abwesenheitsart.MUTTERSCHUTZ: "Mutterschaftsgeld",
    Abwesenheitsart.UNBEZAHLT: "kein Entgelt und keine Entgeltersatzleistung",
}
UNTERBRECHUNG = "51"  # Unterbrechungsmeldung (Entgeltersatzleistung)
ENDE_NACH_EINEM_MONAT = "34"  # Abmeldung: employment without pay for more than a month (§ 7 Abs. 3 Satz 1 SGB IV)


@dataclass(frozen=True, slots=True)
class Unterbrechung:
    """One run of days without pay that needs a Meldung.

    `grund` "51": a benefit instead of pay; `erster_voller_monat` is the first calendar month wholly without pay
    (§ 9 Abs. 1), or None when the employment ended in the month after the pay stopped (§ 9 Abs. 2, `ende` is then
    that end). `grund` "34": unpaid leave over a month; `ende` is the last day of that month, when the employment
    ends for the Sozialversicherung. `wiederaufnahme`: the first day with pay again, when a finalised month shows it."""

    letzter_entgelttag: date
    bis: date  # last day without pay known from the finalised months (or the end of the employment)
    leistung: str
    erster_voller_monat: tuple[int, int] | None
    wiederaufnahme: date | None = None
    ende: date | None = None
    grund: str = UNTERBRECHUNG

    @property
    def faellig(self) -> date:
        if self.grund == ENDE_NACH_EINEM_MONAT:
            return fristen.abmeldung_faellig(self.ende or self.bis)
        if self.erster_voller_monat is None:
            return fristen.unterbrechung_ende_faellig(self.ende or self.bis)
        return fristen.unterbrechung_faellig(*self.erster_voller_monat)

    @property
    def meldemonat(self) -> tuple[int, int]:
        """The finalised month whose Meldungen include this one: for a 34, the month in which the leave has lasted
        longer than its month (the day after `ende`)."""
        if self.grund == ENDE_NACH_EINEM_MONAT:
            return _monat((self.ende or self.bis) + timedelta(days=1))
        return self.erster_voller_monat or _monat(self.ende or self.bis)

    @property
    def quelle(self) -> str:
        if self.grund == ENDE_NACH_EINEM_MONAT:
            return "§ 7 Abs. 3 Satz 1 SGB IV, " + fristen.QUELLE_ABMELDUNG
        return fristen.QUELLE_UNTERBRECHUNG if self.erster_voller_monat else fristen.QUELLE_UNTERBRECHUNG_ENDE

    @property
    def meldungsende(self) -> date:
        """Last day of the Meldung's Zeitraum: the last paid day (51), the end of the month without pay (34)."""
        return (self.ende or self.bis) if self.grund == ENDE_NACH_EINEM_MONAT else self.letzter_entgelttag

    @property
    def beginn_danach(self) -> date:
        """First day of the next Meldung's Zeitraum: the day work and pay resumed, else the first day without pay."""
        return self.wiederaufnahme or self.letzter_entgelttag + timedelta(days=1)


def tage_ohne_entgelt(
    jahr: int,
    monat: int,
    abwesenheiten: Iterable[Abwesenheit],
    ergebnis: Monatsergebnis,
    *,
    geringfuegig: bool,
) -> dict[date, Abwesenheitsart]:
    """Days of the month without pay, with the absence's kind: a benefit counting for § 9 DEÜV, or none (unpaid
    leave; a Minijob's sick days after continued pay, as the Minijob brings no Krankengeld: counted as unpaid)."""
    erster, naechster = monatsgrenzen(jahr, monat)
    bezahlt: dict[int | None, list[tuple[date, date]]] = {}
    for f in ergebnis.fortzahlungen:
        bezahlt.setdefault(f.abwesenheit_id, []).append((f.von, f.bis))
    tage: dict[date, Abwesenheitsart] = {}
    for abw in abwesenheiten:
        if abw.art not in LEISTUNGEN:
            continue
        ohne_leistung = geringfuegig and abw.art in (Abwesenheitsart.KRANK, Abwesenheitsart.KIND_KRANK)
        tag = max(abw.von, erster)
        while tag <= abw.bis and tag < naechster:
            fortgezahlt = abw.art is Abwesenheitsart.KRANK and any(
                von <= tag <= bis for von, bis in bezahlt.get(abw.id, ())
            )
            if not fortgezahlt:
                tage[tag] = Abwesenheitsart.UNBEZAHLT if ohne_leistung else abw.art
            tag += timedelta(days=1)
    return tage


def finde_unterbrechungen(
    ohne_entgelt: Mapping[date, Abwesenheitsart],
    bekannt_von: date,
    bekannt_bis: date,
    eintritt: date | None,
    austritt: date | None,
) -> list[Unterbrechung]:
    """The runs of consecutive days without pay within the finalised span `bekannt_von`..`bekannt_bis` that need a
    Meldung: those holding a whole calendar month, and those ending with the employment in the month after the pay
    stopped. A run that starts with the employment has no time with pay to report and is left out."""
    ergebnis: list[Unterbrechung] = []
    tage = sorted(t for t in ohne_entgelt if bekannt_von <= t <= bekannt_bis)
    i = 0
    while i < len(tage):
        anfang = ende = tage[i]
        while i + 1 < len(tage) and tage[i + 1] == ende + timedelta(days=1):
            i += 1
            ende = tage[i]
        i += 1
        letzter = anfang - timedelta(days=1)
        if anfang == bekannt_von or (eintritt is not None and letzter < eintritt):
            continue  # began before the known months (or with the employment): nothing to tell here
        arten = [ohne_entgelt[anfang + timedelta(days=n)] for n in range((ende - anfang).days + 1)]
        art = max(set(arten), key=arten.count)
        wieder = ende + timedelta(days=1) if ende < bekannt_bis and (austritt is None or ende < austritt) else None
        if art is Abwesenheitsart.UNBEZAHLT:
            # The month runs from the first unpaid day: days with Krankengeld etc. before it are an interruption of
            # another kind and do not count towards it (GR vom 12.03.2013, 1.8; BSG B 1 KR 7/02 R), the same
            # month the payroll's SV-Tage use (core.abrechnung.unbezahlt).
            erster_unbezahlt = anfang + timedelta(days=arten.index(Abwesenheitsart.UNBEZAHLT))
            monatsende = ende_nach_einem_monat(erster_unbezahlt)
            if ende > monatsende and (austritt is None or austritt > monatsende):
                ergebnis.append(
                    Unterbrechung(letzter, ende, LEISTUNGEN[art], None, wieder, monatsende, ENDE_NACH_EINEM_MONAT)
                )
            continue
        voll = _erster_voller_monat(anfang, ende)
        if voll is not None:
            ergebnis.append(Unterbrechung(letzter, ende, LEISTUNGEN[art], voll, wieder, austritt))
        elif (
            austritt is not None
            and ende >= austritt
            and _monat(austritt) == _folgemonat(_monat(anfang))
            and anfang.day > 1
        ):
            ergebnis.append(Unterbrechung(letzter, austritt, LEISTUNGEN[art], None, None, austritt))
    return ergebnis


def _monat(tag: date) -> tuple[int, int]:
    return tag.year, tag.month


def _folgemonat(m: tuple[int, int]) -> tuple[int, int]:
    return (m[0] + 1, 1) if m[1] == 12 else (m[0], m[1] + 1)


def _erster_voller_monat(anfang: date, ende: date) -> tuple[int, int] | None:
    kandidat = _monat(anfang) if anfang.day == 1 else _folgemonat(_monat(anfang))
    erster, naechster = monatsgrenzen(*kandidat)
    return kandidat if erster >= anfang and naechster - timedelta(days=1) <= ende else None


@dataclass(frozen=True, slots=True)
class Verlauf:
    """One assistant's finalised months of a year (plus last December) and the interruptions found in them."""

    ergebnisse: tuple[GespeichertesErgebnis, ...]  # this year's, month by month
    unterbrechungen: tuple[Unterbrechung, ...]
    #: month → the year's totals up to it from the valid versions (`ablage.jahressummen`); a month missing here: its
    #: result's own totals
    summen: dict[int, Jahreswerte] = field(default_factory=dict)

    def jahreswerte_bis(self, e: Monatsergebnis) -> Jahreswerte:
        """The year's totals up to the month of `e`, a later correction of an earlier month included."""
        return self.summen.get(e.monat, e.jahreswerte)

    def ergebnis_am(self, tag: date) -> Monatsergebnis | None:
        return next((g.ergebnis for g in self.ergebnisse if (g.jahr, g.monat) == _monat(tag)), None)

    def im_jahr(self, jahr: int) -> list[Unterbrechung]:
        """The interruptions whose time with pay lies in `jahr` (they are reported for that year)."""
        return [u for u in self.unterbrechungen if u.letzter_entgelttag.year == jahr]

    def gemeldet_bis(self, jahr: int, monat: int) -> list[tuple[Unterbrechung, Decimal]]:
        """Interruptions of `jahr` reported up to month `monat`, each with the RV-Entgelt its Meldung carries (what
        the year had earned up to the last paid day, less what earlier Meldungen of the year carried)."""
        gemeldet: list[tuple[Unterbrechung, Decimal]] = []
        summe = NULL
        for u in self.im_jahr(jahr):
            if u.meldemonat > (jahr, monat):
                continue
            e = self.ergebnis_am(u.letzter_entgelttag)
            bisher = self.jahreswerte_bis(e).entgelt_rv if e is not None else summe
            gemeldet.append((u, bisher - summe))
            summe = bisher
        return gemeldet


def verlaeufe(db: Datenbank, jahr: int, *, bis_id: int | None = None) -> dict[int, Verlauf]:
    """Every assistant's finalised months of `jahr` and her interruptions (one read of the year and of the roster's
    absences; the stored input only of months an absence without pay touches); `bis_id`: as the store stood when
    that row was written (`ablage.abschluss_stand`)."""
    vorjahr = {g.assistenzkraft_id: g for g in ablage.lade_jahr(db, jahr - 1, bis_id=bis_id) if g.monat == 12}
    je_person: dict[int, list[GespeichertesErgebnis]] = {}
    for g in ablage.lade_jahr(db, jahr, bis_id=bis_id):
        je_person.setdefault(g.assistenzkraft_id, []).append(g)
    kandidaten = _monate_mit_abwesenheit(db, date(jahr - 1, 12, 1), date(jahr, 12, 31))
    summen = ablage.jahressummen(db, jahr, bis_id=bis_id)
    ergebnis: dict[int, Verlauf] = {}
    for kraft_id, liste in je_person.items():
        monate: Sequence[GespeichertesErgebnis] = ([vorjahr[kraft_id]] if kraft_id in vorjahr else []) + liste
        gesucht = kandidaten.get(kraft_id, set())
        eigene = {m: w for (p, m), w in summen.items() if p == kraft_id}
        ergebnis[kraft_id] = Verlauf(tuple(liste), tuple(_unterbrechungen(db, monate, gesucht)), eigene)
    return ergebnis


def _monate_mit_abwesenheit(db: Datenbank, von: date, bis: date) -> dict[int, set[tuple[int, int]]]:
    """Per assistant, the months that an absence of a kind in `LEISTUNGEN` touches (the roster as it is now; the
    finalised months' own input then decides)."""
    with einheit(db) as e:
        abwesenheiten = [a for a in e.abwesenheiten.im_zeitraum(von, bis) if a.art in LEISTUNGEN]
    monate: dict[int, set[tuple[int, int]]] = {}
    for abw in abwesenheiten:
        tag = date(abw.von.year, abw.von.month, 1)
        while tag <= abw.bis:
            monate.setdefault(abw.assistenzkraft_id, set()).add(_monat(tag))
            tag = monatsgrenzen(tag.year, tag.month)[1]
    return monate


def _unterbrechungen(
    db: Datenbank, monate: Sequence[GespeichertesErgebnis], gesucht: set[tuple[int, int]]
) -> list[Unterbrechung]:
    letzte = monate[-1].ergebnis
    if letzte.haushaltsscheck or letzte.personengruppe == "110" or not gesucht:
        return []  # the Haushaltsscheck reports itself; a short-term job has no SV to interrupt
    ohne: dict[date, Abwesenheitsart] = {}
    eintritt: date | None = None
    austritt: date | None = None
    for g in monate:
        if (g.jahr, g.monat) not in gesucht:
            continue
        e = g.ergebnis
        eingabe = g.eingabe(db)
        eintritt, austritt = eingabe.person.eintritt, eingabe.person.austritt
        ohne.update(
            tage_ohne_entgelt(g.jahr, g.monat, eingabe.abwesenheiten, e, geringfuegig=e.personengruppe == "109")
        )
    if not ohne:
        return []
    bekannt_von = monatsgrenzen(monate[0].jahr, monate[0].monat)[0]
    bekannt_bis = monatsgrenzen(monate[-1].jahr, monate[-1].monat)[1] - timedelta(days=1)
    if austritt is not None:
        bekannt_bis = min(bekannt_bis, austritt)
    return finde_unterbrechungen(ohne, bekannt_von, bekannt_bis, eintritt, austritt)
