"""Steuerabzug einer Assistenzkraft: Lohnsteuer, Soli und Kirchensteuer nach PAP, sonstige Bezüge, Pauschsteuer."""

# Zuordnung Personalbogen → PAP-Eingabe (nach den Kommentaren der BMF-XML 2025/2026):
#
# - Steuerklasse 1–6 → STKL. Faktor (nur Steuerklasse IV, § 39f EStG) → af=1, f; sonst af=0.
# - Kinderfreibeträge (Zähler, z. B. 0,5 oder 1,0; nur Steuerklassen I–IV) → ZKF.
# - kirchensteuerpflichtig → R=1, sonst R=0; Kirchensteuer = BK × 8 % (BW, BY) bzw. 9 % (übrige Länder).
# - gesetzlich krankenversichert → PKV=0, KVZ = Zusatzbeitragssatz der Kasse in Prozent.
# - privat krankenversichert → PKPV = Monatsbeitrag Basis-KV und Pflege-Pflichtversicherung; 2026 PKV=1 und
#   PKPVAGZ = Arbeitgeberzuschuss; 2025 PKV=1 ohne bzw. PKV=2 mit Arbeitgeberzuschuss.
# - nicht krankenversichert (z. B. kurzfristig beschäftigt) → PKV=1, PKPV=0: kein KV/PV-Teilbetrag.
# - Beschäftigungsort (Haushalt des Arbeitgebers) in Sachsen → PVS=1 (§ 58 Abs. 3 SGB XI).
# - kinderlos, ab dem Monat nach Vollendung des 23. Lebensjahres → PVZ=1 (§ 55 Abs. 3 SGB XI).
# - Kinder unter 25 → PVA = Kinder − 1, höchstens 4 (§ 55 Abs. 3 Satz 4 SGB XI: 2. bis 5. Kind).
# - rentenversicherungspflichtig → KRV=0, sonst 1 (z. B. befreiter Minijob, kurzfristig beschäftigt).
# - arbeitslosenversicherungspflichtig → ALV=0, sonst 1 (ab 2026; z. B. Werkstudent, Minijob, Altersrentner).
# - Geburtsdatum → ALTER1, AJAHR (§ 24a EStG: 64. Lebensjahr vor Beginn des Kalenderjahres vollendet).
# - Freibetrag/Hinzurechnungsbetrag der ELStAM → LZZFREIB, LZZHINZU (Monat), JFREIB, JHINZU (Jahr).
# - laufender Arbeitslohn des Monats → RE4 in Cent, LZZ=2.
# - Einmalzahlung (Weihnachts-, Urlaubsgeld) → SONSTB, dazu JRE4 = voraussichtlicher Jahresarbeitslohn ohne sie.
#
# Rundung: Lohnsteuer und Soli liefert der PAP in ganzen Cent. Kirchensteuer = Bemessungsgrundlage × Satz,
# Bruchteile eines Cents bleiben außer Ansatz (so die Kirchensteuergesetze, z. B. Bayern: Ausführungsverordnung
# zu Art. 8 KirchStG).
# Pauschsteuern: Soli nach § 4 Satz 3 SolZG 1995 ohne Bruchteile eines Cents; für die pauschale Lohnsteuer und die
# einheitliche Pauschsteuer wird ebenso abgeschnitten — ob das so vorgeschrieben ist, ist nicht belegt, darum kommt ein
# Hinweis, sobald es auf die Rundung ankommt.

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow, localcontext
from enum import StrEnum
from typing import ParamSpec, TypeVar

from core.domain.geld import format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import lebensjahr_vollendet
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.regeln import lohnsteuer
from core.regeln.beitraege import pv_abschlag_kinder, pv_kinderlos_zuschlag
from core.regeln.tabellen import regelwert

__all__ = [
    "Kirchensteuerverfahren",
    "Krankenversicherung",
    "Pauschsteuer",
    "Steuerabzug",
    "Steuermerkmale",
    "altersentlastung_merkmale",
    "lohnsteuer_monat",
    "pauschsteuer_kurzfristig",
    "pauschsteuer_minijob",
    "pv_merkmale",
    "voraussichtlicher_jahresarbeitslohn",
]

_CENT = Decimal("0.01")
_HUNDERT = Decimal(100)
_NULL = Decimal(0)
_LZZ_MONAT = 2  # PAP: 1 = Jahr, 2 = Monat, 3 = Woche, 4 = Tag
# Money arithmetic here is exact (cents × percent, division by 100); rounding only where the law says.
_EXAKT = Context(prec=60, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
_ABSCHNEIDEN = Context(prec=60, rounding=ROUND_DOWN)  # cutting to cents where the law drops fractions

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _exakt(funktion: Callable[_P, _T]) -> Callable[_P, _T]:
    """Run in an exact local decimal context: an amount that would need rounding raises instead."""

    @functools.wraps(funktion)
    def innen(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with localcontext(_EXAKT):
            return funktion(*args, **kwargs)

    return innen


def _euro(cent: Decimal) -> Decimal:
    return cent.scaleb(-2)


class Krankenversicherung(StrEnum):
    GESETZLICH = "gesetzlich"
    PRIVAT = "privat"
    KEINE = "keine"


@dataclass(frozen=True, slots=True)
class Steuermerkmale:
    """What the PAP needs from the Personalbogen (ELStAM and social-insurance facts).

    Amounts in euros. `bundesland` is the Land of the Betriebsstätte, i.e. the employer's household: it decides
    the Kirchensteuer rate and (SN) the Saxon Pflegeversicherung split.
    """

    steuerklasse: int
    geburtsdatum: date
    bundesland: str
    kinderfreibetraege: Decimal = _NULL
    faktor: Decimal | None = None
    kirchensteuerpflichtig: bool = False
    krankenversicherung: Krankenversicherung = Krankenversicherung.GESETZLICH
    kv_zusatzbeitrag_prozent: Decimal = _NULL
    pkv_beitrag_monat: Decimal = _NULL
    pkv_arbeitgeberzuschuss_monat: Decimal = _NULL
    elterneigenschaft: bool = False
    kinder_unter_25: int = 0
    rv_pflichtig: bool = True
    av_pflichtig: bool = True
    freibetrag_monat: Decimal = _NULL
    hinzurechnung_monat: Decimal = _NULL
    freibetrag_jahr: Decimal = _NULL
    hinzurechnung_jahr: Decimal = _NULL


@dataclass(frozen=True, slots=True)
class Steuerabzug:
    """Lohnsteuer, Soli and Kirchensteuer of one month in euros, split into laufend and sonstige Bezüge."""

    lohnsteuer_laufend: Decimal
    solidaritaetszuschlag_laufend: Decimal
    kirchensteuer_laufend: Decimal
    lohnsteuer_sonstige_bezuege: Decimal
    solidaritaetszuschlag_sonstige_bezuege: Decimal
    kirchensteuer_sonstige_bezuege: Decimal
    kirchensteuer_prozent: Decimal
    hinweise: tuple[Hinweis, ...]
    pap_eingaben: Mapping[str, int | Decimal] = field(repr=False)
    pap_ergebnis: Mapping[str, Decimal] = field(repr=False)

    @property
    def lohnsteuer(self) -> Decimal:
        return self.lohnsteuer_laufend + self.lohnsteuer_sonstige_bezuege

    @property
    def solidaritaetszuschlag(self) -> Decimal:
        return self.solidaritaetszuschlag_laufend + self.solidaritaetszuschlag_sonstige_bezuege

    @property
    def kirchensteuer(self) -> Decimal:
        return self.kirchensteuer_laufend + self.kirchensteuer_sonstige_bezuege


# --------------------------------------------------------------------------------------------------------
# Mapping Personalbogen facts to PAP inputs
# --------------------------------------------------------------------------------------------------------


def altersentlastung_merkmale(geburtsdatum: date, jahr: int) -> tuple[int, int]:
    """PAP ALTER1 and AJAHR (§ 24a EStG).

    ALTER1 = 1 if the 64th year of life was completed before the calendar year began; AJAHR is the calendar
    year following that completion (it selects the Altersentlastungsbetrag's percentage and maximum).
    """
    vollendet = lebensjahr_vollendet(geburtsdatum, 64)
    if vollendet < date(jahr, 1, 1):
        return 1, vollendet.year + 1
    return 0, 0


def pv_merkmale(
    geburtsdatum: date, jahr: int, monat: int, *, elterneigenschaft: bool, kinder_unter_25: int
) -> tuple[int, int]:
    """PAP PVZ (Beitragszuschlag für Kinderlose) and PVA (Abschläge für das 2. bis 5. Kind unter 25).

    § 55 Abs. 3 SGB XI, by the same rules the contributions use (core.regeln.beitraege): the surcharge applies
    after the end of the month in which the 23rd year of life was completed, to members without Elterneigenschaft
    born from 1940 on; the reduction applies per child under 25 from the second child on, for at most four
    children (PAP: PVA 0 to 4).
    """
    if kinder_unter_25 < 0:
        raise EingabeFehler("Die Zahl der Kinder unter 25 Jahren darf nicht negativ sein.", feld="kinder_unter_25")
    stichtag = date(jahr, monat, 1)
    zuschlag = pv_kinderlos_zuschlag(
        geburtsdatum, stichtag, elterneigenschaft=elterneigenschaft, kinder_unter_25=kinder_unter_25
    )
    return (1 if zuschlag else 0), pv_abschlag_kinder(kinder_unter_25, stichtag)


def _cent(betrag: Decimal | int, feld: str, *, negativ_erlaubt: bool = False) -> Decimal:
    if isinstance(betrag, bool) or not isinstance(betrag, int | Decimal):
        raise EingabeFehler(f"„{feld}“ muss ein Geldbetrag sein.", feld=feld)
    wert = Decimal(betrag)
    if not wert.is_finite() or wert != wert.quantize(_CENT, rounding=ROUND_DOWN, context=_ABSCHNEIDEN):
        raise EingabeFehler(f"„{feld}“ muss ein Betrag in ganzen Cent sein (erhalten: {betrag}).", feld=feld)
    if wert < 0 and not negativ_erlaubt:
        raise EingabeFehler(f"„{feld}“ darf nicht negativ sein (erhalten: {betrag}).", feld=feld)
    return wert * _HUNDERT


def _pruefe_merkmale(m: Steuermerkmale) -> None:
    if m.steuerklasse not in range(1, 7):
        raise EingabeFehler(f"Steuerklasse {m.steuerklasse} gibt es nicht; erlaubt sind 1 bis 6.", feld="steuerklasse")
    if m.faktor is not None:
        if m.steuerklasse != 4:
            raise EingabeFehler("Ein Faktor gilt nur in Steuerklasse IV (§ 39f EStG).", feld="faktor")
        if not _NULL < m.faktor < 1 or m.faktor != m.faktor.quantize(
            Decimal("0.001"), rounding=ROUND_DOWN, context=_ABSCHNEIDEN
        ):
            raise EingabeFehler(
                f"Der Faktor muss größer als 0 und kleiner als 1 sein, mit höchstens drei Nachkommastellen "
                f"(erhalten: {format_zahl(m.faktor, None)}).",
                feld="faktor",
            )
    zkf = m.kinderfreibetraege
    if zkf < 0 or zkf != zkf.quantize(Decimal("0.1"), rounding=ROUND_DOWN, context=_ABSCHNEIDEN):
        raise EingabeFehler(
            "Der Zähler der Kinderfreibeträge muss ≥ 0 sein, mit einer Nachkommastelle "
            f"(erhalten: {format_zahl(zkf, None)}).",
            feld="kinderfreibetraege",
        )
    if zkf > 0 and m.steuerklasse > 4:
        raise EingabeFehler("Kinderfreibeträge gibt es nur in den Steuerklassen I bis IV.", feld="kinderfreibetraege")
    if m.kv_zusatzbeitrag_prozent < 0:
        raise EingabeFehler("Der Zusatzbeitrag darf nicht negativ sein.", feld="kv_zusatzbeitrag_prozent")


def _pap_eingaben(
    m: Steuermerkmale,
    jahr: int,
    monat: int,
    laufender_arbeitslohn: Decimal,
    sonstige_bezuege: Decimal,
    jahresarbeitslohn: Decimal,
) -> dict[str, int | Decimal]:
    bekannte = lohnsteuer.eingaben(jahr)
    alter1, ajahr = altersentlastung_merkmale(m.geburtsdatum, jahr)
    e: dict[str, int | Decimal] = {
        "LZZ": _LZZ_MONAT,
        "STKL": m.steuerklasse,
        "af": 1 if m.faktor is not None else 0,
        "f": m.faktor if m.faktor is not None else Decimal(1),
        "ZKF": m.kinderfreibetraege,
        "R": 1 if m.kirchensteuerpflichtig else 0,
        "RE4": _cent(laufender_arbeitslohn, "laufender Arbeitslohn"),
        "LZZFREIB": _cent(m.freibetrag_monat, "Freibetrag (Monat)"),
        "LZZHINZU": _cent(m.hinzurechnung_monat, "Hinzurechnungsbetrag (Monat)"),
        "JFREIB": _cent(m.freibetrag_jahr, "Freibetrag (Jahr)"),
        "JHINZU": _cent(m.hinzurechnung_jahr, "Hinzurechnungsbetrag (Jahr)"),
        "SONSTB": _cent(sonstige_bezuege, "sonstige Bezüge"),
        "JRE4": _cent(jahresarbeitslohn, "voraussichtlicher Jahresarbeitslohn"),
        "ALTER1": alter1,
        "AJAHR": ajahr,
        "KRV": 0 if m.rv_pflichtig else 1,
        "PVS": 1 if m.bundesland == "SN" else 0,
    }
    if m.krankenversicherung is Krankenversicherung.GESETZLICH:
        pvz, pva = pv_merkmale(
            m.geburtsdatum, jahr, monat, elterneigenschaft=m.elterneigenschaft, kinder_unter_25=m.kinder_unter_25
        )
        e.update(PKV=0, KVZ=m.kv_zusatzbeitrag_prozent, PVZ=pvz, PVA=Decimal(pva))
    else:
        beitrag = m.pkv_beitrag_monat if m.krankenversicherung is Krankenversicherung.PRIVAT else _NULL
        zuschuss = m.pkv_arbeitgeberzuschuss_monat if m.krankenversicherung is Krankenversicherung.PRIVAT else _NULL
        e["PKPV"] = _cent(beitrag, "Beitrag zur privaten Kranken- und Pflegeversicherung")
        if "PKPVAGZ" in bekannte:  # since 2026 the employer's subsidy is an input of its own
            e.update(PKV=1, PKPVAGZ=_cent(zuschuss, "Arbeitgeberzuschuss zur privaten Krankenversicherung"))
        else:  # 2025: PKV = 2 means "privat mit Arbeitgeberzuschuss", the PAP computes the subsidy itself
            e["PKV"] = 2 if zuschuss > 0 else 1
    if "ALV" in bekannte:  # since 2026 the ALV share counts in the Vorsorgepauschale
        e["ALV"] = 0 if m.av_pflichtig else 1
    return e


# --------------------------------------------------------------------------------------------------------
# Individual Lohnsteuer of a month
# --------------------------------------------------------------------------------------------------------


def _letzter_tag(jahr: int, monat: int) -> date:
    return date(jahr, monat, calendar.monthrange(jahr, monat)[1])


def _kirchensteuer(bemessungsgrundlage_cent: Decimal, satz_prozent: Decimal) -> Decimal:
    """Euros; fractions of a cent are dropped (Kirchensteuergesetze der Länder)."""
    return _euro(
        (bemessungsgrundlage_cent * satz_prozent / _HUNDERT).quantize(
            Decimal(1), rounding=ROUND_DOWN, context=_ABSCHNEIDEN
        )
    )


@_exakt
def voraussichtlicher_jahresarbeitslohn(
    monat: int,
    laufender_arbeitslohn_monat: Decimal,
    bisheriger_arbeitslohn: Decimal,
) -> Decimal:
    """JRE4 for a sonstiger Bezug paid in `monat` (R 39b.6 Abs. 2 LStR).

    `bisheriger_arbeitslohn` is what this employer paid in the months before (laufend and earlier sonstige Bezüge);
    the rest of the year, including the current month, is estimated with the current laufender Arbeitslohn.
    Sonstige Bezüge expected later in the year are left out, as the LStR say.
    """
    if not 1 <= monat <= 12:
        raise EingabeFehler(f"Monat {monat} gibt es nicht.", feld="monat")
    return bisheriger_arbeitslohn + laufender_arbeitslohn_monat * (12 - monat + 1)


@_exakt
def lohnsteuer_monat(
    merkmale: Steuermerkmale,
    jahr: int,
    monat: int,
    laufender_arbeitslohn: Decimal,
    *,
    sonstige_bezuege: Decimal = _NULL,
    voraussichtlicher_jahresarbeitslohn: Decimal | None = None,
    kalendertage: int | None = None,
) -> Steuerabzug:
    """Lohnsteuer, Soli and Kirchensteuer for a monthly Lohnzahlungszeitraum by the BMF PAP (LZZ = 2).

    `kalendertage`: employed on fewer days than the month has (start or end of the employment in the month): the
    month's wage is spread over those calendar days, the tax computed for one day (LZZ = 4, the daily wage in whole
    cents, fractions dropped) and multiplied by the days (R 39b.5 Abs. 2 LStR, Teillohnzahlungszeitraum).

    `laufender_arbeitslohn` is the month's taxable current wage; `sonstige_bezuege` are one-off payments in the
    month (Weihnachtsgeld, Urlaubsgeld, Einmalzahlungen) which go through the PAP's sonstige-Bezüge path and need
    `voraussichtlicher_jahresarbeitslohn` (JRE4: the expected annual wage without these payments, see
    `voraussichtlicher_jahresarbeitslohn()`). The PAP returns the tax on the one-off payment as STS/SOLZS/BKS: the
    annual tax with the payment minus the annual tax without it (§ 39b Abs. 3 EStG).
    """
    if not 1 <= monat <= 12:
        raise EingabeFehler(f"Monat {monat} gibt es nicht.", feld="monat")
    _pruefe_merkmale(merkmale)
    hinweise: list[Hinweis] = []
    if sonstige_bezuege and voraussichtlicher_jahresarbeitslohn is None:
        raise EingabeFehler(
            "Für sonstige Bezüge (Einmalzahlungen) wird der voraussichtliche Jahresarbeitslohn ohne diese Zahlung "
            "benötigt (§ 39b Abs. 3 EStG).",
            feld="voraussichtlicher_jahresarbeitslohn",
        )
    eingaben = _pap_eingaben(
        merkmale,
        jahr,
        monat,
        laufender_arbeitslohn,
        sonstige_bezuege,
        voraussichtlicher_jahresarbeitslohn if voraussichtlicher_jahresarbeitslohn is not None else _NULL,
    )
    tage = 1
    if kalendertage is not None and 0 < kalendertage < calendar.monthrange(jahr, monat)[1]:
        tage = kalendertage
        eingaben["LZZ"] = 4
        for name in ("RE4", "LZZFREIB", "LZZHINZU"):
            monatlich = Decimal(eingaben[name])
            teiler = tage if name == "RE4" else 30
            eingaben[name] = _ABSCHNEIDEN.divide(monatlich, Decimal(teiler)).quantize(
                Decimal(1), rounding=ROUND_DOWN, context=_ABSCHNEIDEN
            )
        hinweise.append(
            Hinweis(
                code="LST_TEILMONAT",
                schwere=Schwere.INFO,
                text=(
                    f"Beschäftigt an {anzahl(tage, 'Kalendertag', 'Kalendertagen')} dieses Monats: Lohnsteuer nach "
                    "dem Tageslohn (Arbeitslohn "
                    f"je Kalendertag, Steuer eines Tages × {tage})."
                ),
                rechtsgrundlage="R 39b.5 Abs. 2 LStR",
            )
        )
    ergebnis = dict(lohnsteuer.berechne_pap(jahr, eingaben))
    if tage > 1:
        for name in ("LSTLZZ", "SOLZLZZ", "BK"):
            ergebnis[name] = ergebnis[name] * tage

    satz = _NULL
    if merkmale.kirchensteuerpflichtig:
        satz = regelwert(
            "kirchensteuer_prozent", _letzter_tag(jahr, monat), land=merkmale.bundesland, hinweise=hinweise
        ).wert
    if merkmale.krankenversicherung is Krankenversicherung.KEINE:
        hinweise.append(
            Hinweis(
                code="LST_OHNE_KV",
                schwere=Schwere.INFO,
                text=(
                    "Die Assistenzkraft ist nicht kranken- und pflegeversichert gemeldet; die Vorsorgepauschale "
                    "enthält daher keinen Teilbetrag für Kranken- und Pflegeversicherung."
                ),
                rechtsgrundlage="§ 39b Abs. 2 Satz 5 Nr. 3 EStG",
            )
        )
    return Steuerabzug(
        lohnsteuer_laufend=_euro(ergebnis["LSTLZZ"]),
        solidaritaetszuschlag_laufend=_euro(ergebnis["SOLZLZZ"]),
        kirchensteuer_laufend=_kirchensteuer(ergebnis["BK"], satz),
        lohnsteuer_sonstige_bezuege=_euro(ergebnis["STS"]),
        solidaritaetszuschlag_sonstige_bezuege=_euro(ergebnis["SOLZS"]),
        kirchensteuer_sonstige_bezuege=_kirchensteuer(ergebnis["BKS"], satz),
        kirchensteuer_prozent=satz,
        hinweise=tuple(hinweise),
        pap_eingaben=eingaben,
        pap_ergebnis=ergebnis,
    )


# --------------------------------------------------------------------------------------------------------
# Pauschsteuer (§ 40a EStG)
# --------------------------------------------------------------------------------------------------------


class Kirchensteuerverfahren(StrEnum):
    """Kirchensteuer on pauschale Lohnsteuer (gleich lautende Erlasse der obersten Finanzbehörden der Länder)."""

    VEREINFACHT = "vereinfacht"  # reduced Land rate for every employee
    NACHWEIS_KEIN_MITGLIED = "nachweis_kein_mitglied"  # employee proved non-membership: no Kirchensteuer
    NACHWEIS_MITGLIED = "nachweis_mitglied"  # Nachweisverfahren, church member: the general rate


@dataclass(frozen=True, slots=True)
class Pauschsteuer:
    """Flat-rate tax the employer pays, in euros. `zulaessig` False: amounts are 0, the Hinweise say why."""

    lohnsteuer: Decimal
    solidaritaetszuschlag: Decimal
    kirchensteuer: Decimal
    zulaessig: bool
    hinweise: tuple[Hinweis, ...]

    @property
    def gesamt(self) -> Decimal:
        return self.lohnsteuer + self.solidaritaetszuschlag + self.kirchensteuer


def _abgeschnitten(betrag: Decimal) -> tuple[Decimal, bool]:
    """Whole cents, fractions dropped; second value says whether a fraction was dropped."""
    gekuerzt = betrag.quantize(_CENT, rounding=ROUND_DOWN, context=_ABSCHNEIDEN)
    return gekuerzt, gekuerzt != betrag


def _rundungshinweis(was: str, genau: Decimal) -> Hinweis:
    return Hinweis(
        code="PAUSCHSTEUER_RUNDUNG",
        schwere=Schwere.INFO,
        text=(
            f"{was} ergibt genau {format_zahl(genau, None)} €; Bruchteile eines Cents sind weggelassen. Eine amtliche "
            "Rundungsregel dafür ist nicht hinterlegt – bitte bei Abweichungen zur Minijob-Zentrale bzw. zum "
            "Finanzamt prüfen."
        ),
        rechtsgrundlage="§ 40a EStG; vgl. § 4 Satz 3 SolZG 1995",
    )


@_exakt
def pauschsteuer_minijob(
    jahr: int, monat: int, arbeitsentgelt: Decimal, *, rv_pauschalbeitrag: bool = True
) -> Pauschsteuer:
    """Einheitliche Pauschsteuer 2 % (§ 40a Abs. 2 EStG) for a Minijob: it includes Soli and Kirchensteuer.

    Allowed only where the employer pays the flat-rate (or, for RV-pflichtige Minijobber, the regular) pension
    contribution for this Minijob (`rv_pauschalbeitrag`); whether the job is a Minijob at all is decided elsewhere.
    The whole amount is reported as `lohnsteuer`; Soli and Kirchensteuer are 0 because they are included.
    """
    stichtag = _letzter_tag(jahr, monat)
    entgelt_cent = _cent(arbeitsentgelt, "Arbeitsentgelt")
    hinweise: list[Hinweis] = []  # an unverified rate says so (only with an allowed result)
    satz = regelwert("minijob_pauschsteuer_prozent", stichtag, hinweise=hinweise)
    if not rv_pauschalbeitrag:
        satz_2a = regelwert("minijob_pauschsteuer_ohne_rv_prozent", stichtag)
        return Pauschsteuer(
            _NULL,
            _NULL,
            _NULL,
            zulaessig=False,
            hinweise=(
                Hinweis(
                    code="PAUSCHSTEUER_2_UNZULAESSIG",
                    schwere=Schwere.FEHLER,
                    text=(
                        f"Die einheitliche Pauschsteuer von {format_zahl(satz.wert, None)} % ist nur zulässig, wenn "
                        "für den Minijob Beiträge zur Rentenversicherung (pauschal oder als Pflichtbeitrag) gezahlt "
                        "werden. Sonst ist die Lohnsteuer pauschal mit "
                        f"{format_zahl(satz_2a.wert, None)} % (§ 40a Abs. 2a EStG) oder nach den ELStAM zu erheben."
                    ),
                    rechtsgrundlage="§ 40a Abs. 2 EStG",
                ),
            ),
        )
    genau = entgelt_cent * satz.wert / _HUNDERT / _HUNDERT
    betrag, gekuerzt = _abgeschnitten(genau)
    if gekuerzt:
        hinweise.append(_rundungshinweis(f"Die einheitliche Pauschsteuer ({format_zahl(satz.wert, None)} %)", genau))
    return Pauschsteuer(betrag, _NULL, _NULL, zulaessig=True, hinweise=tuple(hinweise))


@_exakt
def pauschsteuer_kurzfristig(
    jahr: int,
    monat: int,
    *,
    arbeitslohn: Decimal,
    arbeitstage: int,
    arbeitsstunden: Decimal,
    bundesland: str,
    kirchensteuer: Kirchensteuerverfahren = Kirchensteuerverfahren.VEREINFACHT,
    unvorhersehbar_sofort_erforderlich: bool = False,
    regelmaessig_wiederkehrend: bool = False,
    weitere_beschaeftigung_mit_lohnsteuerabzug: bool = False,
) -> Pauschsteuer:
    """Pauschale Lohnsteuer 25 % for a short-term employment (§ 40a Abs. 1 EStG) plus Soli and Kirchensteuer.

    `arbeitslohn`, `arbeitstage` and `arbeitsstunden` cover the whole Beschäftigungsdauer (days with continued
    pay for holidays, leave or sickness count, R 40a.1 LStR). Conditions, each with its own Hinweis if broken:
    occasional and not regularly recurring; at most 18 zusammenhängende Arbeitstage; on average at most 150 € per
    Arbeitstag unless the job became necessary at an unforeseeable moment; always at most 19 € per hour on average;
    no other wage from this employer taxed by ELStAM (§ 40a Abs. 4 EStG). Limits come from the year's rule table.
    """
    stichtag = _letzter_tag(jahr, monat)
    lohn_cent = _cent(arbeitslohn, "Arbeitslohn")
    if arbeitstage < 1:
        raise EingabeFehler("Die Zahl der Arbeitstage muss mindestens 1 sein.", feld="arbeitstage")
    if arbeitsstunden <= 0:
        raise EingabeFehler("Die Arbeitsstunden müssen größer als 0 sein.", feld="arbeitsstunden")

    # Every figure the result rests on passes its "unverified" Hinweis on (shown only with an allowed result).
    verwendet: list[Hinweis] = []
    satz = regelwert("kurzfristig_pauschsteuer_prozent", stichtag, hinweise=verwendet)
    max_tage = regelwert("kurzfristig_pauschsteuer_max_zusammenhaengende_tage", stichtag, hinweise=verwendet)
    max_tag = regelwert("kurzfristig_pauschsteuer_max_tageslohn", stichtag, hinweise=verwendet)
    max_stunde = regelwert("kurzfristig_pauschsteuer_max_stundenlohn", stichtag, hinweise=verwendet)
    gruende: list[tuple[str, str]] = []
    if regelmaessig_wiederkehrend:
        gruende.append(
            ("die Beschäftigung regelmäßig wiederkehrt (sie muss gelegentlich sein)", "§ 40a Abs. 1 Satz 2 EStG")
        )
    if arbeitstage > max_tage.wert:
        gruende.append(
            (
                f"sie {anzahl(arbeitstage, 'Arbeitstag', 'Arbeitstage')} dauert (höchstens "
                f"{format_zahl(max_tage.wert, None)} zusammenhängende "
                "Arbeitstage)",
                max_tage.quelle,
            )
        )
    # compare totals instead of dividing: exact, no rounding of the average
    if lohn_cent > max_tag.wert * _HUNDERT * arbeitstage and not unvorhersehbar_sofort_erforderlich:
        schnitt = _ABSCHNEIDEN.divide(arbeitslohn, arbeitstage).quantize(
            _CENT, rounding=ROUND_DOWN, context=_ABSCHNEIDEN
        )
        gruende.append(
            (
                f"der Arbeitslohn im Durchschnitt {format_eur(schnitt)} je Arbeitstag beträgt (höchstens "
                f"{format_zahl(max_tag.wert, None)} €, "
                "außer die Beschäftigung wurde zu einem unvorhersehbaren Zeitpunkt sofort erforderlich)",
                max_tag.quelle,
            )
        )
    if lohn_cent > max_stunde.wert * _HUNDERT * arbeitsstunden:
        schnitt = _ABSCHNEIDEN.divide(arbeitslohn, arbeitsstunden).quantize(
            _CENT, rounding=ROUND_DOWN, context=_ABSCHNEIDEN
        )
        gruende.append(
            (
                f"der Arbeitslohn im Durchschnitt {format_eur(schnitt)} je Arbeitsstunde beträgt (höchstens "
                f"{format_zahl(max_stunde.wert, None)} €)",
                max_stunde.quelle,
            )
        )
    if weitere_beschaeftigung_mit_lohnsteuerabzug:
        gruende.append(
            (
                "die Assistenzkraft von Ihnen weiteren Arbeitslohn bezieht, der nach den ELStAM besteuert wird",
                "§ 40a Abs. 4 Nr. 2 EStG",
            )
        )
    if gruende:
        hinweise = tuple(
            Hinweis(
                code="PAUSCHSTEUER_25_UNZULAESSIG",
                schwere=Schwere.FEHLER,
                text=(
                    f"Die pauschale Lohnsteuer von {format_zahl(satz.wert, None)} % ist nicht zulässig, weil {grund}. "
                    "Die Lohnsteuer ist nach "
                    "den elektronischen Lohnsteuerabzugsmerkmalen (ELStAM) zu erheben."
                ),
                rechtsgrundlage=quelle,
            )
            for grund, quelle in gruende
        )
        return Pauschsteuer(_NULL, _NULL, _NULL, zulaessig=False, hinweise=hinweise)

    hinweise_liste: list[Hinweis] = []
    genau = lohn_cent * satz.wert / _HUNDERT / _HUNDERT
    lst, gekuerzt = _abgeschnitten(genau)
    if gekuerzt:
        hinweise_liste.append(_rundungshinweis(f"Die pauschale Lohnsteuer ({format_zahl(satz.wert, None)} %)", genau))
    # Soli on flat-rate Lohnsteuer: always 5.5 %, no Freigrenze; fractions of a cent dropped (§ 4 SolZG 1995)
    soli_satz = regelwert("solidaritaetszuschlag_prozent", stichtag, hinweise=verwendet)
    soli, _ = _abgeschnitten(lst * soli_satz.wert / _HUNDERT)

    kist = _NULL
    if kirchensteuer is not Kirchensteuerverfahren.NACHWEIS_KEIN_MITGLIED:
        schluessel = (
            "kirchensteuer_pauschal_prozent"
            if kirchensteuer is Kirchensteuerverfahren.VEREINFACHT
            else "kirchensteuer_prozent"
        )
        kist_satz = regelwert(schluessel, stichtag, land=bundesland, hinweise=verwendet)
        kist, _ = _abgeschnitten(lst * kist_satz.wert / _HUNDERT)
    return Pauschsteuer(lst, soli, kist, zulaessig=True, hinweise=tuple(hinweise_liste + verwendet))
