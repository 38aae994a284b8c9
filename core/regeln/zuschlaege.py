"""Surcharges for night, Sunday and holiday work: tax-free part (§ 3b EStG) and SV-free part (§ 1 SvEV)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

from core.domain.geld import NULL, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import feiertag, pruefe_land
from core.domain.zeit import BERLIN, als_berlin, dauer, lokal, stunden, tagesbeginn, teile_nach_kalendertagen
from core.fehler import EingabeFehler
from core.regeln.tabellen import regelwert

HUNDERT = Decimal(100)


class Kategorie(StrEnum):
    """§ 3b categories of an hour; the night and the day category add up."""

    NACHT_25 = "nacht_25"  # 20–6 Uhr
    NACHT_40 = "nacht_40"  # 0–4 Uhr, work begun before 0 Uhr
    SONNTAG = "sonntag"  # 50 %
    FEIERTAG = "feiertag"  # 125 %: public holiday at the place of work, 31.12. from 14 Uhr
    FEIERTAG_HOCH = "feiertag_hoch"  # 150 %: 24.12. from 14 Uhr, 25./26.12., 1.5.


@dataclass(frozen=True, slots=True)
class Arbeitszeitraum:
    """A stretch of work (or of paid absence) with the hourly Grundlohn its surcharges are computed from."""

    beginn: datetime
    ende: datetime
    grundlohn: Decimal  # €/h; for standby the weighted rate the surcharge is computed from
    geleistet: bool = True  # False: hours not worked but paid (leave, sickness): surcharges fully taxable


@dataclass(frozen=True, slots=True)
class Zuschlagssaetze:
    """Contractual surcharges in percent of the Grundlohn; None means "as the general rate"."""

    nacht: Decimal = NULL
    nacht_0_4: Decimal | None = None  # work begun before midnight, 0–4 Uhr; default: `nacht`
    sonntag: Decimal = NULL
    feiertag: Decimal = NULL
    weihnachten_maifeiertag: Decimal | None = None  # 25./26.12. and 1.5.; default: `feiertag`
    heiligabend_silvester: Decimal = NULL  # 24.12. and 31.12. from 14 Uhr (no public holidays); default none
    nacht_von: int = 20  # the contract's night window in whole local hours
    nacht_bis: int = 6

    def __post_init__(self) -> None:
        for name in ("nacht", "nacht_0_4", "sonntag", "feiertag", "weihnachten_maifeiertag", "heiligabend_silvester"):
            wert = getattr(self, name)
            if wert is not None and wert < NULL:
                raise EingabeFehler(f"Der Zuschlag „{name}“ darf nicht negativ sein.", feld=name)
        for name in ("nacht_von", "nacht_bis"):
            stunde = getattr(self, name)
            if not 0 <= stunde <= 23 or stunde == 2:
                # 02:00 does not exist on the day clocks go forward; no night window starts there.
                raise EingabeFehler(f"„{name}“ muss eine volle Stunde zwischen 0 und 23 (außer 2) sein.", feld=name)


@dataclass(frozen=True, slots=True)
class Zuschlagsposten:
    """The surcharge of one contractual kind for one input stretch at one legal rate, unrounded (for payslip lines
    and cost attribution): what is paid, the tax-free and the SV-free part, the hours and the rates behind them.

    The rates are per hour and constant within a Posten: `betrag` = `satz` × `stunden`, `steuerfrei` =
    `satz_steuerfrei` × `stunden`, `svfrei` = `satz_svfrei` × `stunden`. `prozent` is the contract's surcharge in
    percent of the hourly Grundlohn `grundlohn`; `gesetzlich` the § 3b percent that frees it (None: no § 3b hour, e.g.
    a contractual night window beyond 20–6 Uhr, or paid absence)."""

    zeitraum: int  # index of the stretch in the input order
    art: str  # "nacht", "nacht_0_4", "sonntag", "feiertag", "weihnachten_maifeiertag", "heiligabend_silvester"
    betrag: Decimal
    steuerfrei: Decimal
    svfrei: Decimal
    stunden: Decimal = NULL
    prozent: Decimal = NULL
    gesetzlich: Decimal | None = None
    grundlohn: Decimal = NULL
    satz: Decimal = NULL  # € per hour paid
    satz_steuerfrei: Decimal = NULL  # € per hour of it free of tax (§ 3b EStG)
    satz_svfrei: Decimal = NULL  # € per hour of it free of contributions (§ 1 SvEV)
    ueber_steuergrenze: bool = False  # Grundlohn above § 3b Abs. 2's 50 €: the parts are no plain percentages

    def teile(self) -> tuple[Zuschlagsteil, ...]:
        """The parts a payslip shows on lines of their own: free of tax and contributions, tax-free only, taxable.

        Each part's percent is of the Grundlohn up to its cap: the SV-free part of at most 25 € (§ 1 SvEV), the
        tax-free-only part of the Grundlohn between 25 € and 50 €, the taxable part of the whole Grundlohn."""
        if self.gesetzlich is None:
            return (Zuschlagsteil("pflichtig", self.satz, self.prozent, self.betrag),) if self.satz else ()
        frei = min(self.prozent, self.gesetzlich)
        klar = not self.ueber_steuergrenze
        teile = (
            Zuschlagsteil("frei", self.satz_svfrei, frei, self.svfrei),
            Zuschlagsteil(
                "steuerfrei",
                self.satz_steuerfrei - self.satz_svfrei,
                frei if klar else None,
                self.steuerfrei - self.svfrei,
            ),
            Zuschlagsteil(
                "pflichtig",
                self.satz - self.satz_steuerfrei,
                self.prozent - frei if klar else None,
                self.betrag - self.steuerfrei,
            ),
        )
        return tuple(t for t in teile if t.satz)


@dataclass(frozen=True, slots=True)
class Zuschlagsteil:
    """One part of a Zuschlagsposten: "frei" (tax- and SV-free), "steuerfrei" (tax-free, SV-pflichtig) or
    "pflichtig"; its € per hour, its percent (None where it is no plain percentage) and its unrounded amount."""

    teil: str
    satz: Decimal
    prozent: Decimal | None
    betrag: Decimal


@dataclass(frozen=True, slots=True)
class Zuschlagsergebnis:
    zuschlag: Decimal  # what the contract pays, rounded to cents
    steuerfrei: Decimal  # § 3b EStG
    svfrei: Decimal  # § 1 Abs. 1 Satz 1 Nr. 1 SvEV
    stunden: dict[Kategorie, Decimal]  # worked hours per § 3b category (exact)
    betraege: dict[str, Decimal]  # paid surcharge per contractual kind, rounded to cents
    hinweise: tuple[Hinweis, ...]
    posten: tuple[Zuschlagsposten, ...] = ()  # per stretch and kind, unrounded


@dataclass
class _Postensumme:
    """Hours and amounts of one (stretch, kind, legal percent); the rates are the same for all its hours."""

    prozent: Decimal
    gesetzlich: Decimal | None
    grundlohn: Decimal
    satz: Decimal
    satz_steuerfrei: Decimal
    satz_svfrei: Decimal
    ueber_steuergrenze: bool
    stunden: Decimal = NULL
    betrag: Decimal = NULL
    steuerfrei: Decimal = NULL
    svfrei: Decimal = NULL


@dataclass
class _Summen:
    zuschlag: Decimal = NULL
    steuerfrei: Decimal = NULL
    svfrei: Decimal = NULL
    stunden: dict[Kategorie, Decimal] = field(default_factory=lambda: {k: NULL for k in Kategorie})
    betraege: dict[str, Decimal] = field(default_factory=dict)
    # (stretch, kind, legal percent) → the Posten's figures, see `_Postensumme`
    posten: dict[tuple[int, str, Decimal | None], _Postensumme] = field(default_factory=dict)
    ueber_hoechstsatz: bool = False
    oster_pfingstsonntag: bool = False  # paid work on Easter/Whit Sunday where the Land's law has no holiday


def berechne_zuschlaege(
    zeitraeume: Iterable[Arbeitszeitraum],
    saetze: Zuschlagssaetze,
    bundesland: str,
    *,
    katholisch: bool = False,
) -> Zuschlagsergebnis:
    """Split the stretches by § 3b category (real hours over DST), price them by contract, cap the free parts."""
    pruefe_land(bundesland)
    eingabe = list(zeitraeume)
    reihenfolge = sorted(range(len(eingabe)), key=lambda i: eingabe[i].beginn.astimezone(UTC))
    liste = [eingabe[i] for i in reihenfolge]
    s = _Summen()
    hinweise: list[Hinweis] = []
    kettenbeginn: datetime | None = None  # in UTC
    vorheriges_ende: datetime | None = None
    for index, z in zip(reihenfolge, liste, strict=True):
        if z.grundlohn < NULL:
            raise EingabeFehler("Der Grundlohn darf nicht negativ sein.", feld="grundlohn")
        beginn, ende = als_berlin(z.beginn), als_berlin(z.ende)
        if dauer(beginn, ende) < timedelta(0):
            raise EingabeFehler(f"Der Zeitraum ab {beginn:%d.%m.%Y %H:%M} endet vor seinem Beginn.")
        # Back-to-back stretches (work, then standby) count as one for "begun before midnight".
        if kettenbeginn is None or vorheriges_ende is None or dauer(vorheriges_ende, beginn) != timedelta(0):
            kettenbeginn = beginn.astimezone(UTC)
        vorheriges_ende = ende
        for tag, von, bis in teile_nach_kalendertagen(beginn, ende):
            gewoehnlich = _gewoehnlicher_tag(tag, bundesland, katholisch)
            tag_von, tag_bis, _erhoeht, _mitternacht = _tagesgrenzen(tag)
            for a, b in _stundenabschnitte(tag, von, bis, saetze):
                stunde = a.hour
                if (
                    gewoehnlich
                    and tag_von <= stunde < tag_bis
                    and not _in_fenster(stunde, saetze.nacht_von, saetze.nacht_bis)
                ):
                    continue  # a weekday's daytime hour: no § 3b category, no contractual surcharge
                _bewerte(s, index, tag, a, b, z, saetze, bundesland, katholisch, kettenbeginn)

    _sammle_hinweise(liste, s, hinweise)
    return Zuschlagsergebnis(
        zuschlag=cent(s.zuschlag),
        steuerfrei=cent(s.steuerfrei),
        svfrei=cent(s.svfrei),
        stunden=s.stunden,
        betraege={k: cent(v) for k, v in s.betraege.items()},
        hinweise=tuple(hinweise),
        posten=tuple(
            Zuschlagsposten(
                index,
                art,
                w.betrag,
                w.steuerfrei,
                w.svfrei,
                stunden=w.stunden,
                prozent=w.prozent,
                gesetzlich=w.gesetzlich,
                grundlohn=w.grundlohn,
                satz=w.satz,
                satz_steuerfrei=w.satz_steuerfrei,
                satz_svfrei=w.satz_svfrei,
                ueber_steuergrenze=w.ueber_steuergrenze,
            )
            for (index, art, _g), w in s.posten.items()
        ),
    )


def _stundenabschnitte(
    tag: date, von: datetime, bis: datetime, saetze: Zuschlagssaetze
) -> list[tuple[datetime, datetime]]:
    """Cut one day's piece at every hour where a § 3b or contractual category can change."""
    von_utc, bis_utc = von.astimezone(UTC), bis.astimezone(UTC)
    schnitte = _schnitte(tag, saetze.nacht_von, saetze.nacht_bis)
    punkte = [von, *(t for t, t_utc in schnitte if von_utc < t_utc < bis_utc), bis]
    return list(pairwise(punkte))


@lru_cache(maxsize=4096)
def _schnitte(tag: date, nacht_von: int, nacht_bis: int) -> tuple[tuple[datetime, datetime], ...]:
    """The day's local times where a category can change (the law's night and 14 Uhr limits, the contract's)."""
    grenzen = {
        _stunde(tag, "stfrei_nacht_erhoeht_ende_stunde"),
        _stunde(tag, "stfrei_nacht_ende_stunde"),
        _stunde(tag, "stfrei_24_31_dezember_ab_stunde"),
        _stunde(tag, "stfrei_nacht_beginn_stunde"),
        nacht_von,
        nacht_bis,
    }
    zeiten = [lokal(tag, time(h)) for h in sorted(grenzen) if 0 < h < 24]
    return tuple((t, t.astimezone(UTC)) for t in zeiten)


@lru_cache(maxsize=4096)
def _gewoehnlicher_tag(tag: date, land: str, katholisch: bool) -> bool:
    """Neither Sunday nor holiday nor one of the days § 3b or a contract treats apart (24.–26.12., 31.12., 1.5.)."""
    besondere = ((12, 24), (12, 25), (12, 26), (12, 31), (5, 1))
    return (
        tag.weekday() != 6
        and (tag.month, tag.day) not in besondere
        and feiertag(land, tag, katholisch=katholisch) is None
        and not _oster_oder_pfingstsonntag(tag)
    )


@lru_cache(maxsize=4096)
def _mitternacht_utc(tag: date) -> datetime:
    return tagesbeginn(tag).astimezone(UTC)


@lru_cache(maxsize=4096)
def _tagesgrenzen(tag: date) -> tuple[int, int, int, datetime]:
    """What each piece of a day asks first: the law's night end and start and the 0–4 Uhr limit (local hours), and
    local midnight in UTC; one lookup instead of four for each of the thousands of pieces of a month (issue 15)."""
    return (
        _stunde(tag, "stfrei_nacht_ende_stunde"),
        _stunde(tag, "stfrei_nacht_beginn_stunde"),
        _stunde(tag, "stfrei_nacht_erhoeht_ende_stunde"),
        _mitternacht_utc(tag),
    )


@lru_cache(maxsize=4096)
def _grundlohngrenzen(tag: date) -> tuple[Decimal, Decimal]:
    """The hourly Grundlohn caps: § 3b Abs. 2 EStG (tax-free) and § 1 Abs. 1 Satz 1 Nr. 1 SvEV (SV-free)."""
    return _wert("stfrei_grundlohn_max_stunde", tag), _wert("svfrei_grundlohn_max_stunde", tag)


@lru_cache(maxsize=4096)
def _wert(schluessel: str, tag: date) -> Decimal:
    """A figure of the year's table for a day; many hours of a month ask for the same few (memoised)."""
    return regelwert(schluessel, tag).wert


@lru_cache(maxsize=4096)
def _stunde(tag: date, schluessel: str) -> int:
    return int(_wert(schluessel, tag))


def ohne_zuschlag(
    beginn: datetime, ende: datetime, saetze: Zuschlagssaetze, land: str, katholisch: bool = False
) -> bool:
    """True when a stretch cannot earn any surcharge: daytime of one ordinary weekday, outside the contract's night
    window (a quick test that spares the hour-by-hour split for most day shifts)."""
    von, bis = als_berlin(beginn), als_berlin(ende)
    tag = von.date()
    if not _gewoehnlicher_tag(tag, land, katholisch) or not (
        bis.date() == tag or bis == tagesbeginn(tag + timedelta(1))
    ):
        return False
    erste, letzte = von.hour, (bis - timedelta(microseconds=1)).hour if bis.date() == tag else 23
    if erste < _stunde(tag, "stfrei_nacht_ende_stunde") or letzte >= _stunde(tag, "stfrei_nacht_beginn_stunde"):
        return False
    return not _fenster_beruehrt(erste, letzte, saetze.nacht_von, saetze.nacht_bis)


@lru_cache(maxsize=4096)
def _fenster_beruehrt(erste: int, letzte: int, von: int, bis: int) -> bool:
    """Whether one of the local hours `erste`..`letzte` lies in the contract's night window `von`–`bis`."""
    return any(_in_fenster(h, von, bis) for h in range(erste, letzte + 1))


@lru_cache(maxsize=8192)
def _tageskategorie(tag: date, stunde: int, land: str, katholisch: bool) -> Kategorie | None:
    ab = _stunde(tag, "stfrei_24_31_dezember_ab_stunde")
    if (tag.month, tag.day) in ((12, 25), (12, 26), (5, 1)):
        return Kategorie.FEIERTAG_HOCH
    if (tag.month, tag.day) == (12, 24) and stunde >= ab:
        return Kategorie.FEIERTAG_HOCH
    if feiertag(land, tag, katholisch=katholisch) or _oster_oder_pfingstsonntag(tag):
        # R 3b Abs. 3 Satz 3 LStR: the tax office treats Easter and Whit Sunday as holidays in every Land.
        return Kategorie.FEIERTAG
    if (tag.month, tag.day) == (12, 31) and stunde >= ab:
        return Kategorie.FEIERTAG
    if tag.weekday() == 6:
        return Kategorie.SONNTAG
    return None


_GESETZLICHER_SATZ = {
    Kategorie.NACHT_25: "stfrei_zuschlag_nacht_prozent",
    Kategorie.NACHT_40: "stfrei_zuschlag_nacht_0_4_prozent",
    Kategorie.SONNTAG: "stfrei_zuschlag_sonntag_prozent",
    Kategorie.FEIERTAG: "stfrei_zuschlag_feiertag_prozent",
    Kategorie.FEIERTAG_HOCH: "stfrei_zuschlag_weihnachten_maifeiertag_prozent",
}


@lru_cache(maxsize=8192)
def _rang(tag: date, kategorie: Kategorie | None) -> Decimal:
    return NULL if kategorie is None else _wert(_GESETZLICHER_SATZ[kategorie], tag)


@lru_cache(maxsize=8192)
def _vertraglicher_tagessatz(
    tag: date, stunde: int, saetze: Zuschlagssaetze, land: str, katholisch: bool
) -> tuple[Decimal, str]:
    """The contract's day surcharge by calendar day; Sunday and holiday do not add up, the higher one counts."""
    ab = _stunde(tag, "stfrei_24_31_dezember_ab_stunde")
    kandidaten: list[tuple[Decimal, str]] = [(NULL, "")]
    if tag.weekday() == 6:
        kandidaten.append((saetze.sonntag, "sonntag"))
    if feiertag(land, tag, katholisch=katholisch):
        kandidaten.append((saetze.feiertag, "feiertag"))
    if (tag.month, tag.day) in ((12, 25), (12, 26), (5, 1)):
        hoch = saetze.weihnachten_maifeiertag if saetze.weihnachten_maifeiertag is not None else saetze.feiertag
        kandidaten.append((hoch, "weihnachten_maifeiertag"))
    if (tag.month, tag.day) in ((12, 24), (12, 31)) and stunde >= ab:
        kandidaten.append((saetze.heiligabend_silvester, "heiligabend_silvester"))
    return max(kandidaten, key=lambda k: k[0])


def _bewerte(
    s: _Summen,
    index: int,
    tag: date,
    a: datetime,
    b: datetime,
    z: Arbeitszeitraum,
    saetze: Zuschlagssaetze,
    land: str,
    katholisch: bool,
    kettenbeginn: datetime,
) -> None:
    """`kettenbeginn`: in UTC, the start of the stretches back to back with this one (begun before midnight?)."""
    h = stunden(dauer(a, b))
    if h == NULL:
        return
    stunde = a.astimezone(BERLIN).hour
    nacht_ende, nacht_beginn, erhoeht_ende, mitternacht_utc = _tagesgrenzen(tag)
    vor_mitternacht = kettenbeginn < mitternacht_utc

    # § 3b: legal categories of this piece.
    nacht: Kategorie | None = None
    if stunde < erhoeht_ende and vor_mitternacht:
        nacht = Kategorie.NACHT_40
    elif stunde < nacht_ende or stunde >= nacht_beginn:
        nacht = Kategorie.NACHT_25
    tageskat = _tageskategorie(tag, stunde, land, katholisch)
    if stunde < erhoeht_ende and vor_mitternacht:
        # § 3b Abs. 3 Nr. 2: 0–4 Uhr after a Sunday/holiday counts as that day's work if begun before midnight.
        vortag = _tageskategorie(tag - timedelta(days=1), 23, land, katholisch)
        if _rang(tag, vortag) > _rang(tag, tageskat):
            tageskat = vortag

    # The contract: its own night window, its day rates by calendar day.
    if _in_fenster(stunde, saetze.nacht_von, saetze.nacht_bis):
        v_nacht = saetze.nacht_0_4 if (nacht is Kategorie.NACHT_40 and saetze.nacht_0_4 is not None) else saetze.nacht
    else:
        v_nacht = NULL
    v_tag, tag_art = _vertraglicher_tagessatz(tag, stunde, saetze, land, katholisch)
    nacht_art = "nacht_0_4" if nacht is Kategorie.NACHT_40 and saetze.nacht_0_4 is not None else "nacht"

    gl = z.grundlohn
    grenze_steuer, grenze_sv = _grundlohngrenzen(tag)
    gl_steuer = min(gl, grenze_steuer)
    gl_sv = min(gl, grenze_sv)
    for kategorie, vertrag, art in ((nacht, v_nacht, nacht_art), (tageskat, v_tag, tag_art)):
        satz = gl * vertrag / HUNDERT  # € per hour
        gezahlt = satz * h
        s.zuschlag += gezahlt
        if kategorie is not None and z.geleistet:
            s.stunden[kategorie] += h
        if not gezahlt:
            continue
        s.betraege[art] = s.betraege.get(art, NULL) + gezahlt
        frei = kategorie is not None and z.geleistet
        gesetzlich = _rang(tag, kategorie) if frei else None
        satz_steuerfrei = satz_svfrei = NULL
        if gesetzlich is not None:
            satz_steuerfrei = min(satz, gl_steuer * gesetzlich / HUNDERT)
            satz_svfrei = min(satz_steuerfrei, gl_sv * min(vertrag, gesetzlich) / HUNDERT)
            if vertrag > gesetzlich:
                s.ueber_hoechstsatz = True
            if _oster_oder_pfingstsonntag(tag) and not feiertag(land, tag, katholisch=katholisch):
                s.oster_pfingstsonntag = True
        posten = s.posten.get((index, art, gesetzlich))
        if posten is None:
            posten = s.posten[(index, art, gesetzlich)] = _Postensumme(
                vertrag, gesetzlich, gl, satz, satz_steuerfrei, satz_svfrei, gl > gl_steuer
            )
        posten.stunden += h
        posten.betrag += gezahlt
        if gesetzlich is not None:
            steuerfrei = satz_steuerfrei * h
            svfrei = satz_svfrei * h
            s.steuerfrei += steuerfrei
            s.svfrei += svfrei
            posten.steuerfrei += steuerfrei
            posten.svfrei += svfrei


@lru_cache(maxsize=8192)
def _oster_oder_pfingstsonntag(tag: date) -> bool:
    # Brandenburg's holiday law names both Sundays, so its calendar tells the dates.
    return tag.weekday() == 6 and feiertag("BB", tag) in ("Ostersonntag", "Pfingstsonntag")


def _in_fenster(stunde: int, von: int, bis: int) -> bool:
    if von == bis:
        return False
    if von < bis:
        return von <= stunde < bis
    return stunde >= von or stunde < bis


def _sammle_hinweise(liste: list[Arbeitszeitraum], s: _Summen, hinweise: list[Hinweis]) -> None:
    if any(not z.geleistet for z in liste) and s.zuschlag:
        hinweise.append(
            Hinweis(
                "ZUSCHLAG_NICHT_GELEISTET",
                Schwere.INFO,
                "Zuschläge für Stunden, die nicht gearbeitet wurden (Urlaub, Krankheit, Feiertag nach dem "
                "Lohnausfallprinzip), sind voll steuer- und beitragspflichtig.",
                "§ 3b Abs. 1 EStG (nur für tatsächlich geleistete Arbeit); BFH VI R 42/00",
            )
        )
    if s.ueber_hoechstsatz:
        hinweise.append(
            Hinweis(
                "ZUSCHLAG_UEBER_HOECHSTSATZ",
                Schwere.INFO,
                "Ein vertraglicher Zuschlag liegt über dem steuerfreien Höchstsatz; der übersteigende Teil ist "
                "steuer- und beitragspflichtig.",
                "§ 3b Abs. 1 EStG",
            )
        )
    stichtag = als_berlin(liste[0].beginn).date() if liste else None  # the Berlin day, as in the loop
    if s.oster_pfingstsonntag and stichtag is not None:
        feiertag_satz = regelwert("stfrei_zuschlag_feiertag_prozent", stichtag).wert
        hinweise.append(
            Hinweis(
                "ZUSCHLAG_OSTER_PFINGSTSONNTAG",
                Schwere.INFO,
                "Arbeit am Oster- oder Pfingstsonntag: Steuerlich gilt der Tag als Feiertag, auch wenn das "
                f"Feiertagsgesetz des Landes ihn nicht nennt; der Zuschlag ist daher bis "
                f"{format_zahl(feiertag_satz, None)} % steuerfrei gerechnet. "
                "Welcher Zuschlag gezahlt wird, bestimmt der Arbeitsvertrag.",
                "§ 3b Abs. 1 Nr. 3, Abs. 2 Satz 4 EStG; R 3b Abs. 3 Satz 3 LStR (Frotscher/Geurts, EStG § 3b Rz. 33)",
            )
        )
    hoechster = max((z.grundlohn for z in liste if z.geleistet), default=NULL)
    if stichtag is not None:
        sv_grenze = regelwert("svfrei_grundlohn_max_stunde", stichtag).wert
        steuer_grenze = regelwert("stfrei_grundlohn_max_stunde", stichtag).wert
        if hoechster > sv_grenze and s.zuschlag:
            hinweise.append(
                Hinweis(
                    "ZUSCHLAG_GRUNDLOHN_UEBER_25",  # a stable code; the text follows the year's table
                    Schwere.INFO,
                    f"Der Grundlohn übersteigt {format_eur(sv_grenze)} je Stunde: Zuschläge sind nur aus "
                    f"{format_eur(sv_grenze)} sozialversicherungsfrei (steuerfrei aus höchstens "
                    f"{format_eur(steuer_grenze)}).",
                    "§ 1 Abs. 1 Satz 1 Nr. 1 SvEV, § 3b Abs. 2 Satz 1 EStG",
                )
            )
