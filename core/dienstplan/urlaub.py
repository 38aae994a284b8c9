"""Urlaubsanspruch (§§ 3, 4, 5 BUrlG, § 208 SGB IX) and the leave account per year (taken, planned, remaining)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.schicht import Schicht
from core.domain.geld import format_zahl, runde
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsfrist_ende
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.regeln.tabellen import regelwert
from core.regeln.urlaub import gesetzlicher_urlaub, gesetzlicher_urlaub_unregelmaessig

HALB = Decimal("0.5")
ZWEI_STELLEN = Decimal("0.01")


def _wert(schluessel: str, stichtag: date) -> Decimal:
    return regelwert(schluessel, stichtag).wert


def volle_monate(von: date, bis: date) -> int:
    """Full months of employment in von..bis (inclusive), counted from `von` (15.03.–14.04. is one month)."""
    anzahl = 0
    while monatsfrist_ende(von, anzahl + 1) <= bis:
        anzahl += 1
    return anzahl


def runde_teilurlaub(tage: Decimal) -> Decimal:
    """§ 5 Abs. 2 BUrlG: fractions of at least half a day are rounded up; smaller ones are kept (BAG)."""
    ganz = tage.to_integral_value(rounding="ROUND_FLOOR")
    if tage - ganz >= HALB:
        return ganz + 1
    return tage.quantize(ZWEI_STELLEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Urlaubsanspruch:
    """Leave entitlement of one year in the assistant's own working days."""

    jahr: int
    gesetzlich: Decimal
    vertraglich: Decimal | None
    zusatzurlaub: Decimal
    anspruch: Decimal
    rechenweg: str
    hinweise: tuple[Hinweis, ...] = ()


def urlaubsanspruch(
    jahr: int,
    *,
    beschaeftigt_von: date,
    beschaeftigt_bis: date | None = None,
    tage_pro_woche: Decimal | None = None,
    arbeitstage_im_jahr: int | None = None,
    vereinbart: Decimal | None = None,
    schwerbehindert: bool = False,
) -> Urlaubsanspruch:
    """Entitlement for `jahr`.

    Regular week: 24 × `tage_pro_woche` / 6; irregular plan: 24 × `arbeitstage_im_jahr` / 312. `vereinbart` is the
    contract's annual entitlement in working days (it counts where higher; never below the statutory one, § 13).
    Partial years (§ 5 Abs. 1 BUrlG): 1/12 per full month if the waiting period (§ 4: six months) cannot be
    completed in the year, if she leaves before completing it, or leaves in the first half of a year; otherwise
    the full statutory entitlement. The contractual surplus is assumed pro rata temporis in any partial year.
    """
    stichtag = date(jahr, 1, 1)
    jahresbeginn, jahresende = date(jahr, 1, 1), date(jahr, 12, 31)
    if beschaeftigt_bis is not None and beschaeftigt_bis < beschaeftigt_von:
        raise EingabeFehler("Das Beschäftigungsende liegt vor dem Beginn.", feld="ende")
    if beschaeftigt_von > jahresende or (beschaeftigt_bis is not None and beschaeftigt_bis < jahresbeginn):
        return Urlaubsanspruch(jahr, Decimal(0), vereinbart, Decimal(0), Decimal(0), f"{jahr} nicht beschäftigt.")
    mindest = _txt(_wert("urlaub_mindest_werktage", stichtag))
    if tage_pro_woche is not None:
        voll = gesetzlicher_urlaub(tage_pro_woche, stichtag)
        je_woche = _txt(_wert("urlaub_werktage_je_woche", stichtag))
        basis = f"{mindest} × {_txt(tage_pro_woche)} Arbeitstage je Woche / {je_woche} = {_txt(voll)} Tage"
    elif arbeitstage_im_jahr is not None:
        voll = gesetzlicher_urlaub_unregelmaessig(arbeitstage_im_jahr, stichtag)
        je_jahr = _txt(_wert("urlaub_werktage_je_jahr", stichtag))
        basis = (
            f"{mindest} × {anzahl(arbeitstage_im_jahr, 'Arbeitstag', 'Arbeitstage')} im Jahr / {je_jahr} "
            f"= {_txt(voll)} Tage"
        )
    else:
        raise EingabeFehler(
            "Für den Urlaubsanspruch fehlen die Arbeitstage je Woche (oder bei unregelmäßigem Plan die "
            "Arbeitstage im Jahr). Bitte im Vertrag ergänzen.",
            feld="tage_pro_woche",
        )
    zusatz_voll = Decimal(0)
    if schwerbehindert:
        # § 208 Abs. 1 SGB IX: five working days at a 5-day week, i.e. one working week
        fuenf = _wert("zusatzurlaub_schwerbehindert_arbeitstage", stichtag)
        if tage_pro_woche is not None:
            tage = tage_pro_woche
        else:  # irregular: average working days per week = days in the year / 52 weeks
            wochen = _wert("urlaub_werktage_je_jahr", stichtag) / _wert("urlaub_werktage_je_woche", stichtag)
            tage = Decimal(arbeitstage_im_jahr or 0) / wochen
        zusatz_voll = fuenf * tage / 5

    start = max(beschaeftigt_von, jahresbeginn)
    stopp = min(beschaeftigt_bis, jahresende) if beschaeftigt_bis is not None else jahresende
    wartezeit_erfuellt_am = monatsfrist_ende(beschaeftigt_von, 6)
    endet_im_jahr = beschaeftigt_bis is not None and beschaeftigt_bis <= jahresende
    teiljahr = False
    grund = ""
    if beschaeftigt_von >= jahresbeginn and wartezeit_erfuellt_am > jahresende:
        teiljahr, grund = True, "Wartezeit wird in diesem Jahr nicht erfüllt (§ 5 Abs. 1 a BUrlG)"
    elif endet_im_jahr and beschaeftigt_bis is not None and beschaeftigt_bis < wartezeit_erfuellt_am:
        teiljahr, grund = True, "Ausscheiden vor erfüllter Wartezeit (§ 5 Abs. 1 b BUrlG)"
    elif endet_im_jahr and beschaeftigt_bis is not None and beschaeftigt_bis <= date(jahr, 6, 30):
        teiljahr, grund = True, "Ausscheiden in der ersten Jahreshälfte (§ 5 Abs. 1 c BUrlG)"

    hinweise: list[Hinweis] = []
    monate = volle_monate(start, stopp)
    if teiljahr:
        gesetzlich = runde_teilurlaub(voll * monate / 12)
        zusatz = runde_teilurlaub(zusatz_voll * monate / 12) if schwerbehindert else Decimal(0)
        rechenweg = f"{basis}; Teilurlaub {monate}/12 ({grund}) = {_txt(gesetzlich)} Tage"
    else:
        # § 5 Abs. 2 rounds only partial-year leave; a full year keeps its fraction (shown to 2 places)
        gesetzlich = voll.quantize(ZWEI_STELLEN, rounding=ROUND_HALF_UP)
        zusatz = zusatz_voll.quantize(ZWEI_STELLEN, rounding=ROUND_HALF_UP)
        rechenweg = basis
    vertraglich = None
    if vereinbart is not None:
        ganzjahr = start == jahresbeginn and stopp == jahresende
        vertraglich = vereinbart if ganzjahr else runde_teilurlaub(vereinbart * monate / 12)
        if vereinbart < voll:
            hinweise.append(
                Hinweis(
                    "URLAUB_UNTER_MINDESTURLAUB",
                    Schwere.WARNUNG,
                    f"Der vereinbarte Urlaub ({_txt(vereinbart)} Tage) liegt unter dem gesetzlichen Mindesturlaub "
                    f"({_txt(voll)} Tage). Es gilt der gesetzliche Anspruch.",
                    "§§ 3, 13 Abs. 1 BUrlG",
                )
            )
        elif not ganzjahr:
            rechenweg += f"; vertraglich {_txt(vereinbart)} × {monate}/12 = {_txt(vertraglich)} Tage (anteilig)"
        else:
            rechenweg += f"; vertraglich {_txt(vereinbart)} Tage"
    anspruch = max(gesetzlich, vertraglich or Decimal(0)) + zusatz
    if zusatz:
        rechenweg += f"; Zusatzurlaub Schwerbehinderung {_txt(zusatz)} Tage (§ 208 SGB IX)"
    return Urlaubsanspruch(jahr, gesetzlich, vertraglich, zusatz, anspruch, rechenweg, tuple(hinweise))


def _txt(zahl: Decimal) -> str:
    return format_zahl(runde(zahl, 2), None)


@dataclass(frozen=True, slots=True)
class Urlaubskonto:
    jahr: int
    anspruch: Decimal
    uebertrag: Decimal
    genommen: Decimal
    geplant: Decimal
    genommene_tage: tuple[date, ...]
    geplante_tage: tuple[date, ...]

    @property
    def rest(self) -> Decimal:
        """Remaining after everything taken and planned."""
        return self.anspruch + self.uebertrag - self.genommen - self.geplant


def arbeitstage_aus_plan(assistenzkraft_id: int, schichten: Iterable[Schicht]) -> set[date]:
    """Days she was planned to work: own shifts and shifts someone covers for her (leave, sickness)."""
    return {
        s.tag for s in schichten if s.assistenzkraft_id == assistenzkraft_id or s.vertretung_fuer == assistenzkraft_id
    }


def arbeitstage_nach_wochentagen(wochentage: Iterable[int], land: str | None = None) -> Callable[[date], bool]:
    """Working days by fixed weekdays (0 = Monday); public holidays are no leave days then (§ 3 Abs. 2 BUrlG)."""
    from core.domain.kalender import feiertag

    tage = set(wochentage)
    return lambda tag: tag.weekday() in tage and not (land and feiertag(land, tag))


def urlaubskonto(
    anspruch: Urlaubsanspruch,
    abwesenheiten: Iterable[Abwesenheit],
    ist_arbeitstag: Callable[[date], bool],
    *,
    stichtag: date,
    uebertrag: Decimal = Decimal(0),
) -> Urlaubskonto:
    """Leave taken (before or on `stichtag`) and planned (after) in the year, counted in working days."""
    genommen: list[date] = []
    geplant: list[date] = []
    for abw in abwesenheiten:
        if abw.art is not Abwesenheitsart.URLAUB:
            continue
        for tag in abw.tage:
            if tag.year != anspruch.jahr or not ist_arbeitstag(tag):
                continue
            (genommen if tag <= stichtag else geplant).append(tag)
    return Urlaubskonto(
        jahr=anspruch.jahr,
        anspruch=anspruch.anspruch,
        uebertrag=uebertrag,
        genommen=Decimal(len(genommen)),
        geplant=Decimal(len(geplant)),
        genommene_tage=tuple(sorted(genommen)),
        geplante_tage=tuple(sorted(geplant)),
    )


def urlaubshinweise(konto: Urlaubskonto, name: str) -> list[Hinweis]:
    if konto.rest < 0:
        return [
            Hinweis(
                "URLAUB_UEBERSCHRITTEN",
                Schwere.WARNUNG,
                f"{name}: Es sind {anzahl(konto.genommen + konto.geplant, 'Urlaubstag', 'Urlaubstage')} genommen "
                "oder geplant, der Anspruch "
                f"{konto.jahr} beträgt {_txt(konto.anspruch + konto.uebertrag)} Tage.",
                "§ 3 BUrlG",
            )
        ]
    return []
