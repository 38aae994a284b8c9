"""Pay for the month's worked and missed time: payslip lines for base pay, continued pay and surcharges.

Input are the pieces of `core.dienstplan.lohnzeiten.lohnstuecke` and a decision which absence day is paid (the
EFZG rules live in `core.abrechnung.efzg`). Each line carries, for the budget, how it splits over Leistungsarten.
Rules:
- Stundenlohn: hours × rate; standby hours × rate × the contract's weighting (seed 004, 1.6.2, Arbeit I/II).
- Tageslohn: rate per working day; a stretch over midnight is one day (its start day).
- Monatslohn: the fixed wage; pro rata by calendar days for a partial month and for unpaid absence days.
- Paid absence (Urlaub, Krank within EFZG, Beschäftigungsverbot, Feiertag): the planned shifts at the contract's
  terms, Lohnausfallprinzip (§ 4 Abs. 1 EFZG, § 2 EFZG, § 18 MuSchG; § 11 BUrlG is applied in
  `core.abrechnung.urlaubsentgelt`) — with their surcharges, which are then taxable and contributory (§ 3b EStG only
  frees work actually done). A Feiertag's own surcharge is not paid for a shift that falls out because of it.
- Surcharges by the contract (core.regeln.zuschlaege), from the hourly Grundlohn: the rate, for standby the
  weighted rate; for Tages- and Monatslohn the pay divided by the weighted hours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from core.abrechnung.modell import Lohnart, Tagesverdienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.lohnzeiten import Lohnstueck
from core.dienstplan.vertrag import Lohnform, Vertragsdaten
from core.domain.geld import NULL, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.zahlen import anzahl
from core.fehler import vorhanden
from core.regeln.zuschlaege import (
    Arbeitszeitraum,
    Zuschlagsergebnis,
    Zuschlagssaetze,
    berechne_zuschlaege,
    ohne_zuschlag,
)

HUNDERT = Decimal(100)
STUNDEN = Decimal("0.01")
Verteilung = dict[str | None, Decimal]

#: Line keys (Lohnarten). Stable: the payslip, the Lohnjournal and stored months refer to them.
ARBEIT = "1000"
BEREITSCHAFT = "1010"
TAGESLOHN = "1020"
MONATSLOHN = "1030"
MONATSLOHN_KUERZUNG = "1031"
ZUSCHLAG_FREI = "1100"  # tax- and SV-free part (§ 3b EStG, § 1 SvEV)
ZUSCHLAG_STEUERFREI = "1101"  # tax-free, but SV-pflichtig (Grundlohn above the SV limit)
ZUSCHLAG_PFLICHTIG = "1102"  # above the § 3b limits
FORTZAHLUNG = {
    Abwesenheitsart.URLAUB: ("2000", "Urlaubsentgelt"),
    Abwesenheitsart.KRANK: ("2100", "Entgeltfortzahlung Krankheit"),
    Abwesenheitsart.BESCHAEFTIGUNGSVERBOT: ("2200", "Mutterschutzlohn (Beschäftigungsverbot)"),
    Abwesenheitsart.FEIERTAG: ("2300", "Feiertagsvergütung"),
}
ZUSCHLAG_AUSFALL = "2900"  # surcharges of missed shifts (Lohnausfallprinzip): taxable
GRUNDLOHN = (ARBEIT, BEREITSCHAFT, TAGESLOHN, MONATSLOHN, MONATSLOHN_KUERZUNG)
ZUSCHLAEGE = (ZUSCHLAG_FREI, ZUSCHLAG_STEUERFREI, ZUSCHLAG_PFLICHTIG, ZUSCHLAG_AUSFALL)
FORTZAHLUNG_SCHLUESSEL = tuple(nr for nr, _ in FORTZAHLUNG.values())

#: The payslip line of each part of a surcharge (core.regeln.zuschlaege.Zuschlagsteil) and its note.
_TEILE = {"frei": ZUSCHLAG_FREI, "steuerfrei": ZUSCHLAG_STEUERFREI, "pflichtig": ZUSCHLAG_PFLICHTIG}
_TEILTEXT = {
    ZUSCHLAG_FREI: "steuer- und beitragsfrei",
    ZUSCHLAG_STEUERFREI: "steuerfrei, beitragspflichtig",
    ZUSCHLAG_PFLICHTIG: "steuer- und beitragspflichtig",
}

ZUSCHLAGSTEXT = {
    "nacht": "Nachtzuschlag",
    "nacht_0_4": "Nachtzuschlag 0–4 Uhr",
    "sonntag": "Sonntagszuschlag",
    "feiertag": "Feiertagszuschlag",
    "weihnachten_maifeiertag": "Zuschlag Weihnachten/1. Mai",
    "heiligabend_silvester": "Zuschlag Heiligabend/Silvester",
}


class _Zuschlagszeile(NamedTuple):
    """What makes a surcharge line: kind, part (line key), € per hour, the part's percent and the contract's."""

    art: str
    schluessel: str
    satz: Decimal
    prozent: Decimal | None
    vertrag: Decimal

    @property
    def ordnung(self) -> tuple[str, str, Decimal]:
        return (self.art, self.schluessel, -self.satz)

    def text(self, zusatz: str) -> str:
        """ "Nachtzuschlag 25 % (steuer- und beitragsfrei)"; a part of a larger surcharge names both percentages:
        "Nachtzuschlag 30 %, davon 5 % steuer- und beitragspflichtig"."""
        name = f"{ZUSCHLAGSTEXT.get(self.art, self.art)} {format_zahl(self.vertrag, None)} %"
        if self.prozent is None or self.prozent == self.vertrag:
            return f"{name} ({zusatz})"
        return f"{name}, davon {format_zahl(self.prozent, None)} % {zusatz}"


@dataclass
class Zeile:
    """A payslip line with its split over Leistungsarten (weights, not yet amounts)."""

    lohnart: Lohnart
    verteilung: Verteilung = field(default_factory=dict)


@dataclass
class Entgelt:
    """The month's pay for time, before one-offs, pay in kind and deductions."""

    zeilen: list[Zeile] = field(default_factory=list)
    arbeit: Decimal = NULL  # worked hours (exact)
    bereitschaft: Decimal = NULL
    ausfall_arbeit: Decimal = NULL  # paid missed hours
    ausfall_bereitschaft: Decimal = NULL
    arbeitstage: set[date] = field(default_factory=set)  # worked working days in the month
    ausfalltage: set[date] = field(default_factory=set)  # paid missed working days in the month
    stunden_je_leistungsart: Verteilung = field(default_factory=dict)  # paid weighted hours
    fortzahlung_je_abwesenheit: dict[int | None, Decimal] = field(default_factory=dict)  # unrounded, Monatslohn
    ausfallstunden_je_abwesenheit: dict[int | None, Decimal] = field(default_factory=dict)
    geschaetzt: set[int | None] = field(default_factory=set)  # absences paid by an average: no planned shifts
    tagesverdienste: tuple[Tagesverdienst, ...] = ()
    hinweise: list[Hinweis] = field(default_factory=list)

    def summe(self, schluessel: Iterable[str], *, nur: Callable[[Lohnart], bool] = lambda _: True) -> Decimal:
        arten = set(schluessel)
        return sum((z.lohnart.betrag for z in self.zeilen if z.lohnart.schluessel in arten and nur(z.lohnart)), NULL)

    @property
    def grundverguetung(self) -> Decimal:
        """Pay for worked time (base), or the Monatslohn."""
        return self.summe(GRUNDLOHN)

    @property
    def lohnfortzahlung(self) -> Decimal:
        """Base pay for missed time (not for a Monatslohn: it just continues)."""
        return self.summe(FORTZAHLUNG_SCHLUESSEL)

    @property
    def zuschlaege(self) -> Decimal:
        return self.summe(ZUSCHLAEGE)

    @property
    def steuerfrei(self) -> Decimal:
        return self.summe(ZUSCHLAEGE, nur=lambda z: not z.steuerbrutto)

    @property
    def svfrei(self) -> Decimal:
        return self.summe(ZUSCHLAEGE, nur=lambda z: not z.sv_brutto)


def _gewicht(stueck: Lohnstueck, vertrag: Vertragsdaten) -> Decimal:
    return vertrag.bereitschaft_prozent / HUNDERT if stueck.bereitschaft else Decimal(1)


def _hat_zuschlaege(saetze: Zuschlagssaetze) -> bool:
    """Whether the contract pays any surcharge at all (without, there is nothing to split by § 3b category)."""
    return any(
        wert
        for wert in (
            saetze.nacht,
            saetze.nacht_0_4,
            saetze.sonntag,
            saetze.feiertag,
            saetze.weihnachten_maifeiertag,
            saetze.heiligabend_silvester,
        )
    )


def _ohne_feiertagszuschlag(saetze: Zuschlagssaetze) -> Zuschlagssaetze:
    return replace(saetze, feiertag=NULL, weihnachten_maifeiertag=NULL, heiligabend_silvester=NULL)


def berechne_entgelt(
    stuecke: Iterable[Lohnstueck],
    vertrag_am: Callable[[date], Vertragsdaten | None],
    bezahlt: Callable[[Abwesenheit, date], bool],
    *,
    erster: date,
    letzter: date,
    monatslohn_tage: Callable[[Vertragsdaten], MonatslohnTage],
    land: str,
    katholisch: bool = False,
) -> Entgelt:
    """Lines for the pieces of one assistant's month.

    `vertrag_am(tag)`: the contract valid on a working day. `bezahlt(abwesenheit, tag)`: whether the absence's day
    is paid. `monatslohn_tage(vertrag)`: for a Monatslohn contract, its paid and unpaid calendar days this month.
    """
    e = Entgelt()
    # Sort the pieces into worked / paid missed, grouped by contract.
    je_vertrag: dict[int, tuple[Vertragsdaten, list[tuple[Lohnstueck, bool]]]] = {}
    ohne_vertrag = 0
    for stueck in stuecke:
        vertrag = vertrag_am(stueck.arbeitstag) or vertrag_am(stueck.beginn.date())
        if vertrag is None:
            ohne_vertrag += 1
            continue
        if stueck.abwesenheit is not None:
            if not stueck.abwesenheit.art.fortgezahlt or not bezahlt(stueck.abwesenheit, stueck.arbeitstag):
                continue
        je_vertrag.setdefault(id(vertrag), (vertrag, []))[1].append((stueck, stueck.geleistet))
    if ohne_vertrag:
        e.hinweise.append(
            Hinweis(
                "SCHICHT_OHNE_VERTRAG",
                Schwere.FEHLER,
                f"{anzahl(ohne_vertrag, 'Schichtteil liegt', 'Schichtteile liegen')} außerhalb der Vertragszeit und "
                f"{'ist' if ohne_vertrag == 1 else 'sind'} nicht bezahlt. Bitte "
                "Vertrag (Beginn, Ende) oder Dienstplan prüfen.",
                "§ 611a BGB",
            )
        )
    tagesbetrag: dict[date, list[Decimal]] = defaultdict(lambda: [NULL, NULL])  # day → hours, pay (worked)
    for vertrag, liste in je_vertrag.values():
        _vertrag(e, vertrag, liste, erster, letzter, monatslohn_tage, land, katholisch, tagesbetrag)
    e.tagesverdienste = tuple(
        Tagesverdienst(tag, werte[0].quantize(STUNDEN), cent(werte[1]))
        for tag, werte in sorted(tagesbetrag.items())
        if erster <= tag <= letzter
    )
    return e


@dataclass(frozen=True, slots=True)
class MonatslohnTage:
    """Calendar days of a Monatslohn contract in the month: employed under it, of the month, and unpaid ones."""

    vertragstage: int
    monatstage: int
    unbezahlt: int = 0


def monatslohn_ohne_schichten(e: Entgelt, vertrag: Vertragsdaten, tage: MonatslohnTage) -> None:
    """A Monatslohn contract of the month with no piece at all (no roster kept): the wage alone."""
    _monatslohn_zeilen(e, vertrag, tage, {None: Decimal(1)})


def _vertrag(
    e: Entgelt,
    vertrag: Vertragsdaten,
    liste: list[tuple[Lohnstueck, bool]],
    erster: date,
    letzter: date,
    monatslohn_tage: Callable[[Vertragsdaten], MonatslohnTage],
    land: str,
    katholisch: bool,
    tagesbetrag: dict[date, list[Decimal]],
) -> None:
    arbeit = bereitschaft = NULL
    gewichtet_geleistet = gewichtet_ausfall = NULL
    tage_geleistet: set[date] = set()
    ausfall: dict[int | None, list[Lohnstueck]] = {}
    abwesenheiten: dict[int | None, Abwesenheit] = {}
    stunden_la: Verteilung = defaultdict(lambda: NULL)
    for stueck, geleistet in liste:
        h = stueck.stunden
        g = h * _gewicht(stueck, vertrag)
        stunden_la[stueck.leistungsart] += g
        if geleistet:
            if stueck.bereitschaft:
                bereitschaft += h
            else:
                arbeit += h
            gewichtet_geleistet += g
            if stueck.arbeitstag >= erster:
                tage_geleistet.add(stueck.arbeitstag)
        else:
            abwesenheit = vorhanden(stueck.abwesenheit, "die Abwesenheit eines Ausfallstücks")
            schluessel = abwesenheit.id if abwesenheit.id is not None else id(abwesenheit)
            ausfall.setdefault(schluessel, []).append(stueck)
            abwesenheiten[schluessel] = abwesenheit
            gewichtet_ausfall += g
            if stueck.bereitschaft:
                e.ausfall_bereitschaft += h
            else:
                e.ausfall_arbeit += h
            if stueck.arbeitstag >= erster:
                e.ausfalltage.add(stueck.arbeitstag)
    e.arbeit += arbeit
    e.bereitschaft += bereitschaft
    e.arbeitstage |= tage_geleistet
    for la, h in stunden_la.items():
        e.stunden_je_leistungsart[la] = e.stunden_je_leistungsart.get(la, NULL) + h
    geleistet_la = _stunden_je_la(s for s, g in liste if g)

    # --- base pay and the hourly Grundlohn for the surcharges ---
    if vertrag.lohnform is Lohnform.STUNDENLOHN:
        satz = vertrag.satz
        anteil = vertrag.bereitschaft_prozent / HUNDERT
        if arbeit:
            _zeile(
                e,
                ARBEIT,
                "Arbeitsstunden",
                arbeit,
                satz,
                cent(arbeit * satz),
                _stunden_je_la(s for s, g in liste if g and not s.bereitschaft),
                einheit="Std.",
            )
        if bereitschaft:
            _zeile(
                e,
                BEREITSCHAFT,
                f"Bereitschaft ({format_zahl(vertrag.bereitschaft_prozent, None)} %)",
                bereitschaft,
                satz * anteil,
                cent(bereitschaft * satz * anteil),
                _stunden_je_la(s for s, g in liste if g and s.bereitschaft),
                einheit="Std.",
            )
        grundlohn = satz
    elif vertrag.lohnform is Lohnform.TAGESLOHN:
        grund = vertrag.satz * len(tage_geleistet)
        if tage_geleistet:
            _zeile(
                e,
                TAGESLOHN,
                "Tageslohn",
                Decimal(len(tage_geleistet)),
                vertrag.satz,
                cent(grund),
                geleistet_la,
                einheit="Tage",
            )
        ausfalltage = {s.arbeitstag for stuecke in ausfall.values() for s in stuecke if s.arbeitstag >= erster}
        if gewichtet_geleistet:
            grundlohn = grund / gewichtet_geleistet
        elif gewichtet_ausfall:
            grundlohn = vertrag.satz * len(ausfalltage) / gewichtet_ausfall
        else:
            grundlohn = NULL
    else:
        _monatslohn_zeilen(e, vertrag, monatslohn_tage(vertrag), dict(stunden_la))
        alle = gewichtet_geleistet + gewichtet_ausfall
        grundlohn = vertrag.satz / alle if alle else NULL

    # --- day pay of worked time (§ 11 BUrlG basis) ---
    for stueck, geleistet in liste:
        if not geleistet:
            continue
        g = stueck.stunden * _gewicht(stueck, vertrag)
        werte = tagesbetrag[stueck.arbeitstag]
        werte[0] += g
        if vertrag.lohnform is not Lohnform.TAGESLOHN:
            werte[1] += g * grundlohn
    if vertrag.lohnform is Lohnform.TAGESLOHN:
        for tag in tage_geleistet:
            tagesbetrag[tag][1] += vertrag.satz

    # --- continued pay per absence ---
    for abw_key, stuecke in ausfall.items():
        abw = abwesenheiten[abw_key]
        ausfall_la = _stunden_je_la(stuecke, vertrag)
        g = sum(ausfall_la.values(), NULL)
        e.ausfallstunden_je_abwesenheit[abw.id] = e.ausfallstunden_je_abwesenheit.get(abw.id, NULL) + g
        if vertrag.lohnform is Lohnform.MONATSLOHN:
            e.fortzahlung_je_abwesenheit[abw.id] = e.fortzahlung_je_abwesenheit.get(abw.id, NULL) + g * grundlohn
            continue
        nr, text = FORTZAHLUNG[abw.art]
        text = f"{text} {_zeitraum(stuecke, erster, letzter)}"
        if vertrag.lohnform is Lohnform.STUNDENLOHN:
            betrag = cent(g * vertrag.satz)
            _zeile(e, nr, text, g, vertrag.satz, betrag, ausfall_la, einheit="Std.", abwesenheit=abw.id)
        else:
            tage = {s.arbeitstag for s in stuecke if s.arbeitstag >= erster}
            betrag = cent(vertrag.satz * len(tage))
            _zeile(
                e,
                nr,
                text,
                Decimal(len(tage)),
                vertrag.satz,
                betrag,
                ausfall_la,
                einheit="Tage",
                abwesenheit=abw.id,
            )

    # --- surcharges ---
    _zuschlaege(e, vertrag, liste, grundlohn, ausfall, abwesenheiten, land, katholisch, tagesbetrag)


def _monatslohn_zeilen(e: Entgelt, vertrag: Vertragsdaten, tage: MonatslohnTage, verteilung: Verteilung) -> None:
    bezahlt, im_monat, unbezahlt_tage = tage.vertragstage, tage.monatstage, tage.unbezahlt
    if not verteilung or not any(verteilung.values()):
        verteilung = {None: Decimal(1)}
    betrag = vertrag.satz
    if bezahlt and im_monat and bezahlt < im_monat:
        betrag = cent(vertrag.satz * bezahlt / im_monat)
        text = f"Monatslohn anteilig ({bezahlt}/{im_monat} Kalendertage)"
        _zeile(e, MONATSLOHN, text, Decimal(bezahlt), None, betrag, verteilung, einheit="Tage")
    else:
        _zeile(e, MONATSLOHN, "Monatslohn", None, None, betrag, verteilung)
    if unbezahlt_tage and im_monat:
        kuerzung = cent(vertrag.satz * unbezahlt_tage / im_monat)
        _zeile(
            e,
            MONATSLOHN_KUERZUNG,
            f"Kürzung für {unbezahlt_tage} unbezahlte Kalendertage ({unbezahlt_tage}/{im_monat})",
            Decimal(unbezahlt_tage),
            None,
            -kuerzung,
            verteilung,
            einheit="Tage",
        )
        e.hinweise.append(
            Hinweis(
                "MONATSLOHN_GEKUERZT",
                Schwere.INFO,
                f"Unbezahlte Abwesenheit an {anzahl(unbezahlt_tage, 'Kalendertag', 'Kalendertagen')}: Der "
                "Monatslohn ist um "
                f"{format_eur(kuerzung)} gekürzt ({unbezahlt_tage}/{im_monat} des Monats).",
                "§ 611a BGB (kein Entgelt ohne Arbeit bei unbezahltem Urlaub)",
            )
        )


def _zuschlaege(
    e: Entgelt,
    vertrag: Vertragsdaten,
    liste: list[tuple[Lohnstueck, bool]],
    grundlohn: Decimal,
    ausfall: Mapping[int | None, list[Lohnstueck]],
    abwesenheiten: Mapping[int | None, Abwesenheit],
    land: str,
    katholisch: bool,
    tagesbetrag: dict[date, list[Decimal]],
) -> None:
    gruppen: dict[bool, list[Lohnstueck]] = {False: [], True: []}  # True: Feiertag missed (no holiday surcharge)
    for stueck, _ in liste:
        feiertag_ausfall = stueck.abwesenheit is not None and stueck.abwesenheit.art is Abwesenheitsart.FEIERTAG
        gruppen[feiertag_ausfall].append(stueck)
    # Worked time: one line per kind, part (free / tax-free only / taxable) and rate, with its hours and € per hour.
    frei: dict[_Zuschlagszeile, list[Decimal]] = {}  # line → [hours, amount]
    frei_la: dict[_Zuschlagszeile, Verteilung] = {}
    # Missed time (Lohnausfallprinzip): per absence, kind and rate, all taxable.
    ausfall_zeilen: dict[tuple[int | None, _Zuschlagszeile], list[Decimal]] = {}  # → [hours, amount]
    ausfall_la: dict[tuple[int | None, _Zuschlagszeile], Verteilung] = {}
    for feiertag_ausfall, stuecke in gruppen.items():
        saetze = _ohne_feiertagszuschlag(vertrag.zuschlaege) if feiertag_ausfall else vertrag.zuschlaege
        if not stuecke or not grundlohn or not _hat_zuschlaege(saetze):
            continue
        stuecke = [s for s in stuecke if not ohne_zuschlag(s.beginn, s.ende, saetze, land, katholisch)]
        if not stuecke:
            continue
        zeitraeume = [Arbeitszeitraum(s.beginn, s.ende, grundlohn * _gewicht(s, vertrag), s.geleistet) for s in stuecke]
        ergebnis: Zuschlagsergebnis = berechne_zuschlaege(zeitraeume, saetze, land, katholisch=katholisch)
        e.hinweise.extend(h for h in ergebnis.hinweise if h not in e.hinweise)
        for posten in ergebnis.posten:
            stueck = stuecke[posten.zeitraum]
            if stueck.geleistet:
                for teil in posten.teile():
                    zeile = _Zuschlagszeile(posten.art, _TEILE[teil.teil], teil.satz, teil.prozent, posten.prozent)
                    betrag = teil.betrag
                    werte = frei.setdefault(zeile, [NULL, NULL])
                    werte[0] += posten.stunden
                    werte[1] += betrag
                    je_la = frei_la.setdefault(zeile, {})
                    je_la[stueck.leistungsart] = je_la.get(stueck.leistungsart, NULL) + betrag
                tagesbetrag[stueck.arbeitstag][1] += posten.betrag
            else:
                abw_schluessel = next(k for k, v in abwesenheiten.items() if v is stueck.abwesenheit)
                for teil in posten.teile():
                    schluessel = (
                        abw_schluessel,
                        _Zuschlagszeile(posten.art, ZUSCHLAG_AUSFALL, teil.satz, teil.prozent, posten.prozent),
                    )
                    werte = ausfall_zeilen.setdefault(schluessel, [NULL, NULL])
                    werte[0] += posten.stunden
                    werte[1] += teil.betrag
                    je_la = ausfall_la.setdefault(schluessel, {})
                    je_la[stueck.leistungsart] = je_la.get(stueck.leistungsart, NULL) + teil.betrag
    for zeile, (stunden, betrag) in sorted(frei.items(), key=lambda z: z[0].ordnung):
        betrag_c = cent(betrag)
        if not betrag_c:
            continue
        _zeile(
            e,
            zeile.schluessel,
            zeile.text(_TEILTEXT[zeile.schluessel]),
            stunden,
            zeile.satz,
            betrag_c,
            frei_la[zeile],
            einheit="Std.",
            steuer=zeile.schluessel == ZUSCHLAG_PFLICHTIG,
            sv=zeile.schluessel != ZUSCHLAG_FREI,
            prozent=zeile.prozent,
        )
    reihenfolge = {k: i for i, k in enumerate(abwesenheiten)}
    for (abw_schluessel, zeile), (stunden, betrag) in sorted(
        ausfall_zeilen.items(), key=lambda z: (reihenfolge[z[0][0]], z[0][1].ordnung)
    ):
        betrag_c = cent(betrag)
        if not betrag_c:
            continue
        abw = abwesenheiten[abw_schluessel]
        _, text = FORTZAHLUNG[abw.art]
        _zeile(
            e,
            ZUSCHLAG_AUSFALL,
            f"{ZUSCHLAGSTEXT.get(zeile.art, zeile.art)} {format_zahl(zeile.vertrag, None)} % zu: {text}",
            stunden,
            zeile.satz,
            betrag_c,
            ausfall_la[(abw_schluessel, zeile)],
            einheit="Std.",
            abwesenheit=abw.id,
            prozent=zeile.prozent,
        )
        if vertrag.lohnform is Lohnform.MONATSLOHN:
            e.fortzahlung_je_abwesenheit[abw.id] = e.fortzahlung_je_abwesenheit.get(abw.id, NULL) + betrag_c


def _zeile(
    e: Entgelt,
    schluessel: str,
    text: str,
    menge: Decimal | None,
    satz: Decimal | None,
    betrag: Decimal,
    verteilung: Verteilung,
    *,
    einheit: str = "",
    steuer: bool = True,
    sv: bool = True,
    abwesenheit: int | None = None,
    prozent: Decimal | None = None,
) -> None:
    e.zeilen.append(
        Zeile(
            Lohnart(
                schluessel=schluessel,
                text=text,
                menge=menge.quantize(STUNDEN) if menge is not None else None,
                satz=satz,
                betrag=betrag,
                steuerbrutto=steuer,
                sv_brutto=sv,
                einheit=einheit,
                abwesenheit_id=abwesenheit,
                prozent=prozent,
            ),
            dict(verteilung),
        )
    )


def _stunden_je_la(stuecke: Iterable[Lohnstueck], vertrag: Vertragsdaten | None = None) -> Verteilung:
    ergebnis: Verteilung = {}
    for s in stuecke:
        g = s.stunden * (_gewicht(s, vertrag) if vertrag is not None else Decimal(1))
        ergebnis[s.leistungsart] = ergebnis.get(s.leistungsart, NULL) + g
    return ergebnis


def _zeitraum(stuecke: list[Lohnstueck], erster: date, letzter: date) -> str:
    tage = sorted({s.arbeitstag for s in stuecke})
    von, bis = max(tage[0], erster), min(tage[-1], letzter)
    return f"{von:%d.%m.}" if von == bis else f"{von:%d.%m.}–{bis:%d.%m.}"
