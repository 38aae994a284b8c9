"""All roster checks as pure functions: month data in, Hinweise (with day, person, shifts) out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, Abwesenheitsindex
from core.dienstplan.arbeitszeit import Arbeitszeitregeln, nach_arbzg
from core.dienstplan.bedarf import Bedarfsprofil, Luecke, abdeckung, anwesenheit, pausenzeiten, und_text
from core.dienstplan.schicht import Arbeitsart, Schicht, fmt_tag, fmt_zeit, zeitstuecke
from core.dienstplan.tage import monatsname, montag_der_woche
from core.dienstplan.verguetung import monatsverdienst, std, std_td
from core.dienstplan.vertrag import Vertragsdaten, Vertragsindex
from core.domain.geld import format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import lebensjahr_vollendet, monatsgrenzen
from core.domain.zahlen import anzahl
from core.domain.zeit import BERLIN, tagesbeginn
from core.fehler import EingabeFehler
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert

NULL = timedelta(0)
MINDESTPAUSE_BLOCK = timedelta(minutes=15)  # § 4 Satz 2 ArbZG: breaks count in blocks of at least 15 minutes
MINIJOB_VORWARNUNG = Decimal("0.9")  # warn early when 90 % of the limit is planned
KURZFRISTIG_VORWARNUNG_TAGE = 10


@dataclass(frozen=True, slots=True)
class Pruefhinweis:
    """A Hinweis placed in the roster: the day, the assistant and the shifts it is about (for the grid).

    `tag` is the first day (where the list of Hinweise jumps to); `weitere_tage` the other days a Hinweis that
    sums up several days names in its text, so the grid marks every day the text names, not only the first.
    """

    hinweis: Hinweis
    tag: date | None = None
    assistenzkraft_id: int | None = None
    schicht_ids: tuple[int, ...] = ()
    weitere_tage: tuple[date, ...] = ()

    @property
    def tage(self) -> tuple[date, ...]:
        """Every day this Hinweis is about, in order (none for one about the whole month)."""
        if self.tag is None:
            return ()
        return tuple(sorted({self.tag, *self.weitere_tage}))

    @property
    def code(self) -> str:
        return self.hinweis.code

    @property
    def schwere(self) -> Schwere:
        return self.hinweis.schwere

    @property
    def text(self) -> str:
        return self.hinweis.text


@dataclass(frozen=True, slots=True)
class Pruefeingaben:
    """Everything the checks of one month need. `schichten` should include the 7 days before and after."""

    jahr: int
    monat: int
    land: str
    schichten: Sequence[Schicht]
    abwesenheiten: Sequence[Abwesenheit] = ()
    vertraege: Sequence[Vertragsdaten] = ()
    bedarf: Bedarfsprofil | None = None
    regeln: Arbeitszeitregeln | None = None
    #: kurzfristig: days worked in the calendar year before this month (per assistant), from the database
    arbeitstage_vor_monat: Mapping[int, int] = field(default_factory=dict)
    #: § 11 ArbZG: Sundays worked in the calendar year up to the end of this month (per assistant)
    sonntage_im_jahr: Mapping[int, int] = field(default_factory=dict)
    namen: Mapping[int, str] = field(default_factory=dict)


def _ids(*schichten: Schicht) -> tuple[int, ...]:
    return tuple(s.id for s in schichten if s.id is not None)


class _Kontext:
    def __init__(self, e: Pruefeingaben) -> None:
        self.e = e
        self.von, self.bis_excl = monatsgrenzen(e.jahr, e.monat)
        self.vertraege = Vertragsindex(e.vertraege)
        self.abwesend = Abwesenheitsindex(e.abwesenheiten)
        self.im_monat = [s for s in e.schichten if self.von <= s.tag < self.bis_excl]
        self.nach_person: dict[int, list[Schicht]] = {}
        for s in sorted(e.schichten, key=lambda s: (s.beginn_utc, s.ende_utc)):
            self.nach_person.setdefault(s.assistenzkraft_id, []).append(s)

    def name(self, person: int) -> str:
        if person in self.e.namen:
            return self.e.namen[person]
        return self.vertraege.name(person)

    def im_monat_tag(self, tag: date) -> bool:
        return self.von <= tag < self.bis_excl


def pruefe_monat(eingaben: Pruefeingaben) -> list[Pruefhinweis]:
    """Run every check of the month. Ordered by day, then severity (Fehler first)."""
    k = _Kontext(eingaben)
    hinweise: list[Pruefhinweis] = []
    hinweise += pruefe_doppelbelegung(k)
    hinweise += pruefe_beschaeftigung(k)
    hinweise += pruefe_vertretung(k)
    hinweise += pruefe_bedarf(k)
    regeln, regel_hinweise = _regeln(k)
    hinweise += regel_hinweise
    if regeln is not None and regeln.aktiv:
        hinweise += pruefe_arbeitszeit(k, regeln)
    hinweise += pruefe_verdienst(k)
    hinweise += pruefe_kurzfristig(k)
    hinweise += pruefe_vertragsdaten(k)
    hinweise += pruefe_krankmeldungen(k)
    rang = {Schwere.FEHLER: 0, Schwere.WARNUNG: 1, Schwere.INFO: 2}
    hinweise.sort(key=lambda h: (h.tag or date.max, rang[h.schwere], h.assistenzkraft_id or 0, h.code))
    return hinweise


def _regeln(k: _Kontext) -> tuple[Arbeitszeitregeln | None, list[Pruefhinweis]]:
    if k.e.regeln is not None:
        return k.e.regeln, [Pruefhinweis(h) for h in k.e.regeln.hinweise]
    try:
        regeln = nach_arbzg(k.von)
    except EingabeFehler as fehler:
        return None, [
            Pruefhinweis(
                Hinweis(
                    "ARBEITSZEIT_NICHT_GEPRUEFT",
                    Schwere.INFO,
                    f"Die Arbeitszeit wurde nicht geprüft: {fehler}",
                )
            )
        ]
    return regeln, [Pruefhinweis(h) for h in regeln.hinweise]


# --- Doppelbelegung, Beschäftigung, Vertretung, Bedarf ---------------------------------------------------------


def pruefe_doppelbelegung(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for person, schichten in k.nach_person.items():
        offen: list[Schicht] = []
        for s in schichten:
            offen = [o for o in offen if o.ende_utc > s.beginn_utc]
            for o in offen:
                if k.im_monat_tag(s.tag) or k.im_monat_tag(o.tag):
                    ergebnis.append(
                        Pruefhinweis(
                            Hinweis(
                                "DOPPELBELEGUNG",
                                Schwere.FEHLER,
                                f"{k.name(person)} ist am {fmt_tag(s.tag)} doppelt eingeplant: "
                                f"{fmt_zeit(o.beginn)}–{fmt_zeit(o.ende)} und {fmt_zeit(s.beginn)}–{fmt_zeit(s.ende)}.",
                            ),
                            s.tag,
                            person,
                            _ids(o, s),
                        )
                    )
            offen.append(s)
    return ergebnis


def pruefe_beschaeftigung(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for s in k.im_monat:
        person = s.assistenzkraft_id
        if not k.vertraege.bekannt(person):
            continue  # no contract data at all: the service reports missing master data separately
        vertrag = k.vertraege.am(person, s.tag)
        if vertrag is None:
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "NICHT_BESCHAEFTIGT",
                        Schwere.FEHLER,
                        f"{k.name(person)} ist am {fmt_tag(s.tag)} nicht beschäftigt "
                        f"({_vertragszeit(k.vertraege.von(person))}), hat aber eine Schicht "
                        f"{fmt_zeit(s.beginn)}–{fmt_zeit(s.ende)}.",
                    ),
                    s.tag,
                    person,
                    _ids(s),
                )
            )
        elif vertrag.arbeitserlaubnis_bis is not None and s.tag > vertrag.arbeitserlaubnis_bis:
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "ARBEITSERLAUBNIS_ABGELAUFEN",
                        Schwere.FEHLER,
                        f"Die Arbeitserlaubnis von {k.name(person)} gilt nur bis "
                        f"{fmt_tag(vertrag.arbeitserlaubnis_bis)}; am {fmt_tag(s.tag)} ist trotzdem eine "
                        "Schicht geplant.",
                        "§ 4a Abs. 5 AufenthG",
                    ),
                    s.tag,
                    person,
                    _ids(s),
                )
            )
    return ergebnis


def _vertragszeit(vertraege: list[Vertragsdaten]) -> str:
    teile = []
    for v in vertraege:
        teile.append(f"ab {fmt_tag(v.beginn)}" if v.ende is None else f"{fmt_tag(v.beginn)} bis {fmt_tag(v.ende)}")
    return "Vertrag " + ", ".join(teile) if teile else "kein Vertrag"


def pruefe_vertretung(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for s in k.im_monat:
        abw = k.abwesend.am(s.assistenzkraft_id, s.tag)
        if abw is None:
            continue
        ergebnis.append(
            Pruefhinweis(
                Hinweis(
                    "VERTRETUNG_FEHLT",
                    Schwere.WARNUNG,
                    f"{k.name(s.assistenzkraft_id)} ist am {fmt_tag(s.tag)} abwesend ({abw.art.bezeichnung}); "
                    f"die Schicht {fmt_zeit(s.beginn)}–{fmt_zeit(s.ende)} hat noch keine Vertretung.",
                ),
                s.tag,
                s.assistenzkraft_id,
                _ids(s),
            )
        )
    return ergebnis


def pruefe_bedarf(k: _Kontext) -> list[Pruefhinweis]:
    profil = k.e.bedarf
    if profil is None:
        return []
    praesenz = anwesenheit(k.e.schichten, k.abwesend)
    pausen = pausenzeiten(k.e.schichten, k.name, k.abwesend)
    ergebnis: list[Pruefhinweis] = []
    tag = k.von
    while tag < k.bis_excl:
        deckung = abdeckung(tag, profil, (), k.abwesend, land=k.e.land, praesenz=praesenz, pausen=pausen)
        sonst = [lu for lu in deckung.luecken if not lu.pause_von]
        in_pause = [lu for lu in deckung.luecken if lu.pause_von]
        if sonst:
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "BEDARF_UNGEDECKT",
                        Schwere.WARNUNG,
                        f"Am {fmt_tag(tag)} ist der Bedarf nicht gedeckt: " + ", ".join(lu.text for lu in sonst) + ".",
                    ),
                    tag,
                )
            )
        if in_pause:
            ergebnis.append(Pruefhinweis(_bedarf_in_pause(tag, in_pause), tag))
        tag += timedelta(days=1)
    return ergebnis


def _bedarf_in_pause(tag: date, luecken: Sequence[Luecke]) -> Hinweis:
    """A need open only because someone has her break: one sentence per day that says what she can do.

    The break stays (§ 4 ArbZG: nobody works in it). Either someone else is there (an overlap, a second person), or
    she manages alone for that time and marks it Arbeit 0 in her Bedarfsprofil: seed 004, 1.6.2, "Arbeit 0 – In
    dieser Zeit benötigen Sie keine bezahlte Assistenz. Sie kommen z.B. alleine zurecht".
    """
    namen = list(dict.fromkeys(name for lu in luecken for name in lu.pause_von))
    wessen = f"in der Pause von {namen[0]}" if len(namen) == 1 else f"in den Pausen von {und_text(namen)}"
    zeiten = ", ".join(
        lu.zeiten_text if len(namen) == 1 else f"{lu.zeiten_text} ({und_text(lu.pause_von)})" for lu in luecken
    )
    # the gist (up to the colon) is what the Prüfung column reads out: the day and whose break
    return Hinweis(
        "BEDARF_IN_PAUSE",
        Schwere.WARNUNG,
        f"Am {fmt_tag(tag)} ist {wessen} niemand da: {zeiten} – bitte eine zweite Person überlappend einplanen "
        "oder die Zeit im Bedarfsprofil als Arbeit 0 eintragen, wenn Sie allein zurechtkommen.",
        "§ 4 ArbZG",
    )


# --- Arbeitszeit (ArbZG or own limits) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Periode:
    """Continuous work of one assistant (adjacent shifts joined)."""

    beginn: datetime  # UTC
    ende: datetime  # UTC
    schichten: tuple[Schicht, ...]


def _perioden(schichten: Sequence[Schicht]) -> list[_Periode]:
    perioden: list[_Periode] = []
    for s in schichten:
        if perioden and s.beginn_utc <= perioden[-1].ende:
            p = perioden[-1]
            perioden[-1] = _Periode(p.beginn, max(p.ende, s.ende_utc), (*p.schichten, s))
        else:
            perioden.append(_Periode(s.beginn_utc, s.ende_utc, (s,)))
    return perioden


def _zaehlende_stuecke(schichten: Iterable[Schicht], regeln: Arbeitszeitregeln) -> list[tuple[datetime, datetime]]:
    stuecke = []
    for s in schichten:
        for st in zeitstuecke(s.bezahlt()):
            if st.arbeitsart is Arbeitsart.BEREITSCHAFT and not regeln.bereitschaft_zaehlt:
                continue
            stuecke.append((st.beginn.astimezone(UTC), st.ende.astimezone(UTC)))
    stuecke.sort()
    return stuecke


def _summe_im_fenster(stuecke: list[tuple[datetime, datetime]], a: datetime, b: datetime) -> timedelta:
    summe = NULL
    for x, y in stuecke:
        if x >= b:
            break
        if y > a:
            summe += min(y, b) - max(x, a)
    return summe


def _ausgenommen(k: _Kontext, person: int, tag: date) -> bool:
    vertrag = k.vertraege.am(person, tag)
    return vertrag is not None and vertrag.arbzg_ausgenommen


def pruefe_arbeitszeit(k: _Kontext, regeln: Arbeitszeitregeln) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for person, alle in k.nach_person.items():
        # Shifts of an absent assistant are not worked by her (they need a Vertretung).
        schichten = [s for s in alle if k.abwesend.am(person, s.tag) is None]
        if not schichten or all(_ausgenommen(k, person, s.tag) for s in schichten):
            continue
        stuecke = _zaehlende_stuecke(schichten, regeln)
        ergebnis += _ruhezeit(k, regeln, person, schichten)
        ergebnis += _tageshoechst(k, regeln, person, schichten, stuecke)
        ergebnis += _wochenhoechst(k, regeln, person, stuecke)
        ergebnis += _pausen(k, regeln, person, schichten)
        ergebnis += _jugendliche(k, person)
    for person in sorted(k.e.sonntage_im_jahr):
        if not _ausgenommen(k, person, k.von):
            ergebnis += _sonntage(k, regeln, person)
    return ergebnis


def _ruhezeit(k: _Kontext, regeln: Arbeitszeitregeln, person: int, schichten: Sequence[Schicht]) -> list[Pruefhinweis]:
    ergebnis = []
    perioden = _perioden(schichten)
    for p, q in itertools.pairwise(perioden):
        luecke = q.beginn - p.ende
        q_tag = q.schichten[0].tag
        if not k.im_monat_tag(q_tag) or luecke >= regeln.ruhezeit:
            continue
        if p.schichten[0].tag == q_tag:
            continue  # a split shift on the same day: the gap is part of the working day, not its rest
        ende = p.ende.astimezone(BERLIN)
        beginn = q.beginn.astimezone(BERLIN)
        ergebnis.append(
            Pruefhinweis(
                Hinweis(
                    "RUHEZEIT",
                    Schwere.WARNUNG,
                    f"{k.name(person)} hat zwischen {fmt_tag(ende.date())} {fmt_zeit(ende)} und "
                    f"{fmt_tag(beginn.date())} {fmt_zeit(beginn)} nur {std_td(luecke)} Stunden Ruhezeit "
                    f"(mindestens {std_td(regeln.ruhezeit)} Stunden).",
                    regeln.quelle("§ 5 Abs. 1"),
                ),
                q_tag,
                person,
                _ids(p.schichten[-1], q.schichten[0]),
            )
        )
    return ergebnis


def _tageshoechst(
    k: _Kontext,
    regeln: Arbeitszeitregeln,
    person: int,
    schichten: Sequence[Schicht],
    stuecke: list[tuple[datetime, datetime]],
) -> list[Pruefhinweis]:
    """Working time within 24 hours from each start of work (the individual Werktag)."""
    ergebnis = []
    gemeldet: set[date] = set()
    for s in schichten:
        if not k.im_monat_tag(s.tag) or s.tag in gemeldet or _ausgenommen(k, person, s.tag):
            continue
        summe = _summe_im_fenster(stuecke, s.beginn_utc, s.beginn_utc + timedelta(hours=24))
        if summe > regeln.hoechst_tag:
            gemeldet.add(s.tag)
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "HOECHSTARBEITSZEIT_TAG",
                        Schwere.WARNUNG,
                        f"{k.name(person)} arbeitet ab {fmt_tag(s.tag)} {fmt_zeit(s.beginn)} innerhalb von 24 Stunden "
                        f"{std_td(summe)} Stunden (höchstens {std_td(regeln.hoechst_tag)} Stunden"
                        + (", Bereitschaft zählt mit" if regeln.bereitschaft_zaehlt else "")
                        + ").",
                        regeln.quelle("§ 3"),
                    ),
                    s.tag,
                    person,
                    _ids(s),
                )
            )
    return ergebnis


def _wochenhoechst(
    k: _Kontext, regeln: Arbeitszeitregeln, person: int, stuecke: list[tuple[datetime, datetime]]
) -> list[Pruefhinweis]:
    ergebnis = []
    montag = montag_der_woche(k.von)
    while montag < k.bis_excl:
        sonntag = montag + timedelta(days=6)
        if _ausgenommen(k, person, max(montag, k.von)):
            montag += timedelta(days=7)
            continue
        a = tagesbeginn(montag).astimezone(UTC)
        b = tagesbeginn(montag + timedelta(days=7)).astimezone(UTC)
        summe = _summe_im_fenster(stuecke, a, b)
        woche = f"vom {montag:%d.%m.} bis {fmt_tag(sonntag)}"
        tag = max(montag, k.von)
        if summe > regeln.hoechst_woche:
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "HOECHSTARBEITSZEIT_WOCHE",
                        Schwere.WARNUNG,
                        f"{k.name(person)} arbeitet in der Woche {woche} {std_td(summe)} Stunden "
                        f"(höchstens {std_td(regeln.hoechst_woche)} Stunden).",
                        regeln.quelle("§ 3"),
                    ),
                    tag,
                    person,
                )
            )
        elif summe > regeln.durchschnitt_woche:
            ergebnis.append(
                Pruefhinweis(
                    Hinweis(
                        "DURCHSCHNITT_WOCHE",
                        Schwere.INFO,
                        f"{k.name(person)} arbeitet in der Woche {woche} {std_td(summe)} Stunden. Im Durchschnitt von "
                        f"6 Monaten dürfen es höchstens {std_td(regeln.durchschnitt_woche)} Stunden je Woche sein; "
                        "bitte in anderen Wochen ausgleichen.",
                        regeln.quelle("§ 3 Satz 2"),
                    ),
                    tag,
                    person,
                )
            )
        montag += timedelta(days=7)
    return ergebnis


def _tage_text(n: int) -> str:
    """ "1 Tag", "3 Tagen" (dative after "an"): "an 1 Tagen" was wrong German."""
    return anzahl(n, "Tag", "Tagen")


def _pausen(k: _Kontext, regeln: Arbeitszeitregeln, person: int, schichten: Sequence[Schicht]) -> list[Pruefhinweis]:
    """§ 4 ArbZG, one Hinweis per assistant and month listing the days (each shift would be noise)."""
    tage: list[date] = []
    ids: list[int] = []
    for p in _perioden([s.bezahlt() for s in schichten]):
        tag = p.schichten[0].tag
        if not k.im_monat_tag(tag) or _ausgenommen(k, person, tag):
            continue
        pausen = sum(
            (pa.dauer for s in p.schichten for pa in s.pausen if pa.dauer >= MINDESTPAUSE_BLOCK),
            NULL,
        )
        luecken = sum(
            (
                b.beginn_utc - a.ende_utc
                for a, b in zip(p.schichten, p.schichten[1:], strict=False)
                if b.beginn_utc - a.ende_utc >= MINDESTPAUSE_BLOCK
            ),
            NULL,
        )
        arbeit = p.ende - p.beginn - pausen - luecken
        noetig = NULL
        if arbeit > timedelta(hours=9):
            noetig = regeln.pause_ueber_9h
        elif arbeit > timedelta(hours=6):
            noetig = regeln.pause_ueber_6h
        if pausen + luecken < noetig:
            tage.append(tag)
            ids.extend(_ids(*p.schichten))
    if not tage:
        return []
    liste = ", ".join(f"{t:%d.%m.}" for t in sorted(set(tage)))
    return [
        Pruefhinweis(
            Hinweis(
                "PAUSE_FEHLT",
                Schwere.WARNUNG,
                f"{k.name(person)} arbeitet an {_tage_text(len(set(tage)))} mehr als 6 Stunden ohne die "
                f"vorgeschriebene Pause ({std_td(regeln.pause_ueber_6h)} bzw. {std_td(regeln.pause_ueber_9h)} "
                f"Stunden, in Blöcken von mindestens 15 Minuten): {liste} – bitte tragen Sie die Pause in der "
                "Schicht oder Vorlage ein.",
                regeln.quelle("§ 4"),
            ),
            min(tage),
            person,
            tuple(dict.fromkeys(ids)),
            tuple(sorted(set(tage) - {min(tage)})),
        )
    ]


def _sonntage(k: _Kontext, regeln: Arbeitszeitregeln, person: int) -> list[Pruefhinweis]:
    gearbeitet = k.e.sonntage_im_jahr.get(person)
    if gearbeitet is None:
        return []
    neujahr = date(k.e.jahr, 1, 1)
    erster_sonntag = neujahr + timedelta(days=(6 - neujahr.weekday()) % 7)
    sonntage_im_jahr = (date(k.e.jahr, 12, 31) - erster_sonntag).days // 7 + 1
    erlaubt = sonntage_im_jahr - regeln.freie_sonntage_jahr
    if gearbeitet <= erlaubt:
        return []
    return [
        Pruefhinweis(
            Hinweis(
                "FREIE_SONNTAGE",
                Schwere.WARNUNG,
                f"{k.name(person)} arbeitet bis Ende {monatsname(k.e.jahr, k.e.monat)} an {gearbeitet} Sonntagen; "
                f"mindestens {regeln.freie_sonntage_jahr} Sonntage im Jahr müssen frei bleiben "
                f"(also höchstens {erlaubt}).",
                regeln.quelle("§ 11 Abs. 1"),
            ),
            None,
            person,
        )
    ]


def _jugendliche(k: _Kontext, person: int) -> list[Pruefhinweis]:
    vertrag = k.vertraege.am(person, k.von) or k.vertraege.am(person, k.bis_excl - timedelta(days=1))
    if vertrag is None or vertrag.geburtsdatum is None:
        return []
    volljaehrig = lebensjahr_vollendet(vertrag.geburtsdatum, 18) + timedelta(days=1)
    if volljaehrig <= k.von:
        return []
    return [
        Pruefhinweis(
            Hinweis(
                "JUGENDARBEITSSCHUTZ",
                Schwere.WARNUNG,
                f"{k.name(person)} ist vor dem {fmt_tag(volljaehrig)} noch nicht 18 Jahre alt. Es gilt das "
                "Jugendarbeitsschutzgesetz (höchstens 8 Stunden täglich und 40 Stunden wöchentlich, 12 Stunden "
                "Freizeit, keine Nachtarbeit 20–6 Uhr); das Programm prüft nur die Grenzen des Arbeitszeitgesetzes.",
                "§ 18 Abs. 2 ArbZG; §§ 8, 13, 14 JArbSchG",
            ),
            None,
            person,
        )
    ]


# --- Verdienst: Minijob-Grenze, Mindestlohn ------------------------------------------------------------------


def _bezahlte_schichten(k: _Kontext, person: int) -> list[Schicht]:
    """Her shifts of the month that are paid: not those in unpaid absence (unbezahlt, Kind krank, Mutterschutz)."""
    ergebnis = []
    for s in k.nach_person.get(person, ()):
        if not k.im_monat_tag(s.tag):
            continue
        abw = k.abwesend.am(person, s.tag)
        if abw is not None and not abw.art.fortgezahlt:
            continue
        ergebnis.append(s)
    return ergebnis


def pruefe_verdienst(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    monat = monatsname(k.e.jahr, k.e.monat)
    for person in sorted(set(k.nach_person) | set(k.vertraege.personen())):
        vertrag = k.vertraege.am(person, k.von) or k.vertraege.am(person, k.bis_excl - timedelta(days=1))
        if vertrag is None:
            continue
        verdienst = monatsverdienst(person, _bezahlte_schichten(k, person), k.vertraege, k.e.jahr, k.e.monat)
        ergebnis += [Pruefhinweis(h, None, person) for h in verdienst.hinweise]
        name = k.name(person)
        if vertrag.beschaeftigung is Beschaeftigungsart.MINIJOB:
            ergebnis += _minijob(k, person, name, monat, verdienst.brutto)
        if verdienst.mindestlohn_soll is not None and verdienst.stunden.anwesend > NULL:
            if verdienst.brutto < verdienst.mindestlohn_soll:
                bereitschaft = verdienst.stunden.bereitschaft
                davon = f" (davon {std_td(bereitschaft)} Bereitschaft)" if bereitschaft else ""
                ergebnis.append(
                    Pruefhinweis(
                        Hinweis(
                            "MINDESTLOHN_UNTERSCHRITTEN",
                            Schwere.WARNUNG,
                            f"{name}: Für {std(verdienst.stunden)} Stunden{davon} im {monat} sind "
                            f"{format_eur(verdienst.brutto)} geplant. Der Mindestlohn verlangt für alle Stunden "
                            f"einschließlich Bereitschaft {format_eur(verdienst.mindestlohn_soll)} "
                            f"({format_eur(verdienst.mindestlohn_satz or Decimal(0))} je Stunde). Bitte die "
                            "Gewichtung der Bereitschaft oder den Lohn anpassen.",
                            "§ 1 MiLoG; BAG 29.06.2016 – 5 AZR 716/15",
                        ),
                        None,
                        person,
                    )
                )
    return ergebnis


def _minijob(k: _Kontext, person: int, name: str, monat: str, brutto: Decimal) -> list[Pruefhinweis]:
    try:
        grenze = regelwert("minijob_grenze_monat", k.von)
    except EingabeFehler as fehler:
        return [Pruefhinweis(Hinweis("MINIJOB_NICHT_GEPRUEFT", Schwere.INFO, f"{name}: {fehler}"), None, person)]
    if brutto > grenze.wert:
        try:
            monate = format_zahl(regelwert("minijob_ueberschreiten_max_monate", k.von).wert, None)
            faktor = format_zahl(regelwert("minijob_ueberschreiten_max_faktor", k.von).wert, None)
            ausnahme = f"höchstens {monate} Monate im Zeitjahr, je Monat bis zum {faktor}-Fachen der Grenze"
        except EingabeFehler:  # a year whose table has only the limit itself (e.g. 2027)
            ausnahme = "§ 8 Abs. 1b SGB IV"
        return [
            Pruefhinweis(
                Hinweis(
                    "MINIJOB_GRENZE_UEBERSCHRITTEN",
                    Schwere.WARNUNG,
                    f"{name} verdient im {monat} nach Plan {format_eur(brutto)} und damit mehr als die "
                    f"Geringfügigkeitsgrenze von {format_eur(grenze.wert)}. Erlaubt ist das nur gelegentlich und "
                    f"unvorhersehbar ({ausnahme}); sonst entsteht Versicherungspflicht.",
                    "§ 8 Abs. 1a und 1b SGB IV",
                ),
                None,
                person,
            )
        ]
    if brutto >= grenze.wert * MINIJOB_VORWARNUNG:
        return [
            Pruefhinweis(
                Hinweis(
                    "MINIJOB_GRENZE_NAH",
                    Schwere.INFO,
                    f"{name} verdient im {monat} nach Plan {format_eur(brutto)}; die Geringfügigkeitsgrenze "
                    f"von {format_eur(grenze.wert)} ist fast erreicht.",
                    "§ 8 Abs. 1a SGB IV",
                ),
                None,
                person,
            )
        ]
    return []


# --- kurzfristige Beschäftigung ------------------------------------------------------------------------------


def kurzfristige_arbeitstage(
    person: int, eintraege: Iterable[tuple[int, int | None, date]], abwesend: Abwesenheitsindex
) -> set[date]:
    """Working days in the sense of § 8 Abs. 1 Nr. 2 SGB IV from (assistant, covered-for, start day) of shifts:
    a night over midnight is one day (its start day); paid absence on a planned day (Urlaub, Krank) counts too
    (Geringfügigkeits-Richtlinien B.2.2.1)."""
    tage: set[date] = set()
    for assistenzkraft_id, vertretung_fuer, tag in eintraege:
        if assistenzkraft_id == person:
            abw = abwesend.am(person, tag)
            if abw is None or abw.art.fortgezahlt:
                tage.add(tag)
        elif vertretung_fuer == person:
            abw = abwesend.am(person, tag)
            if abw is not None and abw.art.fortgezahlt:
                tage.add(tag)
    return tage


def pruefe_kurzfristig(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for person in k.vertraege.personen():
        vertrag = k.vertraege.am(person, k.von) or k.vertraege.am(person, k.bis_excl - timedelta(days=1))
        if vertrag is None or vertrag.beschaeftigung is not Beschaeftigungsart.KURZFRISTIG:
            continue
        name = k.name(person)
        try:
            grenze = int(regelwert("kurzfristig_max_arbeitstage", k.von).wert)
        except EingabeFehler as fehler:
            ergebnis.append(
                Pruefhinweis(Hinweis("KURZFRISTIG_NICHT_GEPRUEFT", Schwere.INFO, f"{name}: {fehler}"), None, person)
            )
            continue
        eintraege = [(s.assistenzkraft_id, s.vertretung_fuer, s.tag) for s in k.e.schichten]
        im_monat = {t for t in kurzfristige_arbeitstage(person, eintraege, k.abwesend) if k.im_monat_tag(t)}
        bisher = k.e.arbeitstage_vor_monat.get(person, 0)
        summe = bisher + len(im_monat) + vertrag.vorbeschaeftigung_tage_im_jahr
        text = (
            f"{name}: {summe} von höchstens {anzahl(grenze, 'Arbeitstag', 'Arbeitstagen')} im Kalenderjahr "
            f"{k.e.jahr} bis Ende "
            f"{monatsname(k.e.jahr, k.e.monat)} (davon {len(im_monat)} in diesem Monat"
            + (
                f", {vertrag.vorbeschaeftigung_tage_im_jahr} bei anderen Arbeitgebern"
                if vertrag.vorbeschaeftigung_tage_im_jahr
                else ""
            )
            + ")."
        )
        if summe > grenze:
            schwere, code = Schwere.FEHLER, "KURZFRISTIG_UEBERSCHRITTEN"
            text += " Die Beschäftigung ist nicht mehr kurzfristig; bitte die Versicherungspflicht prüfen."
        elif summe > grenze - KURZFRISTIG_VORWARNUNG_TAGE:
            schwere, code = Schwere.WARNUNG, "KURZFRISTIG_GRENZE_NAH"
        else:
            schwere, code = Schwere.INFO, "KURZFRISTIG_TAGE"
        ergebnis.append(Pruefhinweis(Hinweis(code, schwere, text, "§ 8 Abs. 1 Nr. 2 SGB IV"), None, person))
    return ergebnis


# --- Vertragsdaten, Krankmeldungen ---------------------------------------------------------------------------


def pruefe_vertragsdaten(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for person in k.vertraege.personen():
        name = k.name(person)
        for v in k.vertraege.von(person):
            termine = [
                (
                    v.probezeit_bis,
                    "PROBEZEIT_ENDET",
                    Schwere.INFO,
                    f"Die Probezeit von {name} endet am {{tag}}. Bis dahin gilt die Kündigungsfrist von zwei Wochen.",
                    "§ 622 Abs. 3 BGB",
                ),
                (
                    v.befristet_bis,
                    "BEFRISTUNG_ENDET",
                    Schwere.WARNUNG,
                    f"Der befristete Vertrag von {name} endet am {{tag}}. Eine Verlängerung muss vorher schriftlich "
                    "vereinbart sein.",
                    "§ 14 Abs. 4 TzBfG",
                ),
                (
                    v.arbeitserlaubnis_bis,
                    "ARBEITSERLAUBNIS_ENDET",
                    Schwere.WARNUNG,
                    f"Die Arbeitserlaubnis (Aufenthaltstitel) von {name} endet am {{tag}}. Bitte rechtzeitig die "
                    "Verlängerung vorlegen lassen.",
                    "§ 4a Abs. 5 AufenthG",
                ),
                (
                    v.ende if v.ende != v.befristet_bis else None,
                    "VERTRAG_ENDET",
                    Schwere.INFO,
                    f"Das Arbeitsverhältnis von {name} endet am {{tag}}.",
                    "",
                ),
            ]
            for tag, code, schwere, text, quelle in termine:
                if tag is not None and k.im_monat_tag(tag):
                    ergebnis.append(
                        Pruefhinweis(Hinweis(code, schwere, text.format(tag=fmt_tag(tag)), quelle), tag, person)
                    )
    return ergebnis


def pruefe_krankmeldungen(k: _Kontext) -> list[Pruefhinweis]:
    ergebnis: list[Pruefhinweis] = []
    for abw in k.e.abwesenheiten:
        if abw.art is not Abwesenheitsart.KRANK or abw.bescheinigung_am is not None:
            continue
        vierter = abw.von + timedelta(days=3)
        if abw.bis < vierter or not k.im_monat_tag(vierter):
            continue
        ergebnis.append(
            Pruefhinweis(
                Hinweis(
                    "AU_FEHLT",
                    Schwere.INFO,
                    f"{k.name(abw.assistenzkraft_id)} ist vom {fmt_tag(abw.von)} bis {fmt_tag(abw.bis)} krank; "
                    "eine Arbeitsunfähigkeitsbescheinigung ist noch nicht eingetragen (bei gesetzlich Versicherten "
                    "als eAU bei der Krankenkasse abrufen).",
                    "§ 5 Abs. 1 und 1a EFZG",
                ),
                vierter,
                abw.assistenzkraft_id,
            )
        )
    return ergebnis
