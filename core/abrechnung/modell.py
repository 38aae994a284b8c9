"""The monthly payroll's input (`Monatseingabe`) and output (`Monatsergebnis`) for one assistant.

One calculation (`core.abrechnung.rechnen.berechne`) serves the monthly run, `berechnen` (CONTRACTS §3), the U1/U2
claims and the budget. Its input is built from the roster's own types (`Schicht`, `Abwesenheit`, `Vertragsdaten`)
by a reader (the scenario JSON, or the store); its output holds everything the payslip, the reports, the claims
and the budget need, so that nobody computes a figure twice. Both round-trip exactly through `als_dict` /
`aus_dict` (JSON-ready dicts), which is how finalised months and input snapshots are stored.

Money in the output is rounded to cents when it is computed; hours to hundredths. Rates keep their digits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Self

from core.abrechnung.serialisierung import als_json, aus_json
from core.dienstplan.abwesenheit import Abwesenheit
from core.dienstplan.schicht import Schicht
from core.dienstplan.vertrag import Vertragsdaten
from core.domain.geld import CENT, NULL
from core.domain.hinweis import Hinweis
from core.regeln.beitraege import Kasse
from core.regeln.klassifikation import Beschaeftigungsart, WeitereBeschaeftigung


class _Json:
    """`als_dict()` / `aus_dict()` for the dataclasses below (see core.abrechnung.serialisierung)."""

    __slots__ = ()

    def als_dict(self) -> dict[str, Any]:
        daten = als_json(self)
        if not isinstance(daten, dict):
            raise TypeError(f"{type(self).__name__} ergibt kein JSON-Objekt")
        return daten

    @classmethod
    def aus_dict(cls, daten: dict[str, Any]) -> Self:
        return aus_json(cls, daten)


_FELDNAMEN: dict[type, tuple[str, ...]] = {}


def _feldnamen(typ: type) -> tuple[str, ...]:
    namen = _FELDNAMEN.get(typ)
    if namen is None:
        namen = _FELDNAMEN[typ] = tuple(f.name for f in fields(typ))
    return namen


class _Ergebnis(_Json):
    """Output types: every Decimal field is an amount or hours with two decimals ("0.00", not "0"), except the
    fields named in `_GENAU` (rates)."""

    __slots__ = ()
    _GENAU: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        namen = _GERUNDET.get(type(self))
        if namen is None:
            namen = _GERUNDET[type(self)] = tuple(n for n in _feldnamen(type(self)) if n not in self._GENAU)
        for name in namen:
            wert = getattr(self, name)
            if wert.__class__ is Decimal:
                object.__setattr__(self, name, wert.quantize(CENT, rounding=ROUND_HALF_UP))  # `cent`, inlined


#: Per output type, the fields rounded to cents when they hold a Decimal (all but `_GENAU`): some forty objects are
#: made per payroll month, so this is worked out once per type (issue 15).
_GERUNDET: dict[type, tuple[str, ...]] = {}


# --------------------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Arbeitgeberdaten(_Json):
    """The employer as the payroll needs her. `bundesland`: ISO code of the household (place of work) or
    "Augsburg"; `katholisch`: Catholic community (Mariä Himmelfahrt in BY, Fronleichnam in SN/TH)."""

    bundesland: str
    privathaushalt: bool = True
    unfallversicherung_prozent: Decimal = NULL  # UV of the Unfallkasse outside the Haushaltsscheck, % of gross
    katholisch: bool = False
    name: str = ""
    iban: str = ""
    betriebsnummer: str = ""
    steuernummer: str = ""


@dataclass(frozen=True, slots=True)
class Personaldaten(_Json):
    """An assistant's Personalbogen facts for the payroll (tax and social insurance).

    `personalnummer` is the identifier in every output (a scenario's `id`); `assistenzkraft_id` the roster's.
    `eintritt`: first day of the employment (EFZG waiting period, partial first month). `pauschalsteuer`:
    None = 2 % for a Minijob, individual tax otherwise; "2", "25" or "individuell" as chosen.
    `krankenkasse`: the Kasse's name, None when privately insured.
    """

    assistenzkraft_id: int
    personalnummer: str
    geburtsdatum: date
    eintritt: date
    austritt: date | None = None
    name: str = ""
    krankenkasse: str | None = None
    steuerklasse: int = 1
    kinderfreibetraege: Decimal = NULL
    kirchensteuer: bool = False
    pauschalsteuer: str | None = None
    kinder_unter_25: int = 0
    elterneigenschaft: bool = False
    rv_befreiung: bool = False
    student: bool = False
    berufsmaessig: bool | None = None
    weitere_beschaeftigungen: tuple[WeitereBeschaeftigung, ...] = ()
    iban: str = ""
    steuer_id: str = ""
    versicherungsnummer: str = ""


@dataclass(frozen=True, slots=True)
class Einmalzahlung(_Json):
    """A one-off payment of the month (Weihnachtsgeld, Urlaubsgeld, Prämie): sonstiger Bezug, § 23a SGB IV."""

    art: str
    betrag: Decimal
    id: int | None = None


SACHBEZUGSARTEN = ("unterkunft", "verpflegung", "sonstig")


@dataclass(frozen=True, slots=True)
class Sachbezug(_Json):
    """Pay in kind: `unterkunft` and `verpflegung` at the year's official values (§ 2 SvEV; a day = 1/30 of the
    month's value), `sonstig` at `wert`. `tage` None: the whole month. `im_haushalt`: lodging in the employer's
    household (value −15 %, § 2 Abs. 3 Satz 2 Nr. 1 SvEV). `zuzahlung`: what the assistant pays for it."""

    art: str
    tage: int | None = None
    im_haushalt: bool = False
    wert: Decimal | None = None
    zuzahlung: Decimal = NULL
    text: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Vorschuss(_Json):
    """An advance paid earlier and deducted from this month's payout."""

    betrag: Decimal
    text: str = "Vorschuss"
    datum: date | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Verrechnung(_Json):
    """A settlement on the payout (e.g. the difference from a corrected earlier month): positive adds, negative
    deducts. Computed and explained by the run; the calculation only adds it to the payout."""

    text: str
    betrag: Decimal
    bezug: str = ""  # e.g. "2026-02"


@dataclass(frozen=True, slots=True)
class Tagesverdienst(_Ergebnis):
    """Pay for hours worked on one day (no overtime pay, no one-offs): the basis of § 11 BUrlG's average."""

    tag: date
    stunden: Decimal
    betrag: Decimal


@dataclass(frozen=True, slots=True)
class Jahreswerte(_Ergebnis):
    """Running totals of a calendar year for one employment (Lohnkonto, § 41 EStG; BBG; PAP's JRE4)."""

    brutto: Decimal = NULL
    steuerbrutto: Decimal = NULL  # laufender steuerpflichtiger Arbeitslohn
    sonstige_bezuege: Decimal = NULL  # steuerpflichtige Einmalzahlungen
    steuerfreie_bezuege: Decimal = NULL  # § 3b EStG
    zuschuss_mutterschaftsgeld: Decimal = NULL  # § 3 Nr. 1 Buchst. d EStG
    lohnsteuer: Decimal = NULL
    solidaritaetszuschlag: Decimal = NULL
    kirchensteuer: Decimal = NULL
    pauschsteuer: Decimal = NULL
    kv_an: Decimal = NULL
    pv_an: Decimal = NULL
    rv_an: Decimal = NULL
    av_an: Decimal = NULL
    kv_ag: Decimal = NULL
    pv_ag: Decimal = NULL
    rv_ag: Decimal = NULL
    av_ag: Decimal = NULL
    umlage_u1: Decimal = NULL
    umlage_u2: Decimal = NULL
    insolvenzgeldumlage: Decimal = NULL
    unfallversicherung: Decimal = NULL
    netto: Decimal = NULL
    sachbezuege: Decimal = NULL
    auszahlung: Decimal = NULL
    arbeitgeberkosten: Decimal = NULL
    einmalzahlungen: Decimal = NULL
    sv_tage: int = 0
    entgelt_kv: Decimal = NULL  # KV/PV-beitragspflichtiges Entgelt (incl. one-offs)
    entgelt_rv: Decimal = NULL  # RV/AV-beitragspflichtiges Entgelt (incl. one-offs)
    arbeitstage: int = 0  # working days (kurzfristige Beschäftigung: 70 a calendar year)

    def plus(self, anderer: Jahreswerte) -> Jahreswerte:
        werte = {f.name: getattr(self, f.name) + getattr(anderer, f.name) for f in fields(self)}
        return Jahreswerte(**werte)

    def minus(self, anderer: Jahreswerte) -> Jahreswerte:
        werte = {f.name: getattr(self, f.name) - getattr(anderer, f.name) for f in fields(self)}
        return Jahreswerte(**werte)


@dataclass(frozen=True, slots=True)
class Vormonat(_Json):
    """What a later month needs to know of a finalised month (see `Vormonat.aus_ergebnis`)."""

    jahr: int
    monat: int
    beschaeftigung: Beschaeftigungsart
    laufendes_entgelt: Decimal  # SV-Arbeitsentgelt without one-offs
    einmalzahlungen: Decimal = NULL
    netto: Decimal = NULL
    sv_tage: int = 30
    arbeitstage: int = 0
    minijob_ueberschreitung: bool = False  # counted as an occasional unforeseen overshoot (§ 8 Abs. 1b SGB IV)
    tagesverdienste: tuple[Tagesverdienst, ...] = ()
    # gross pay without one-offs and without the Zuschuss zum Mutterschaftsgeld, tax-free surcharges included
    # (the average of § 18 MuSchG); None in months stored before it was kept: then `laufendes_entgelt` stands in
    laufendes_brutto: Decimal | None = None

    @classmethod
    def aus_ergebnis(cls, e: Monatsergebnis) -> Vormonat:
        return cls(
            jahr=e.jahr,
            monat=e.monat,
            beschaeftigung=e.beschaeftigung,
            laufendes_entgelt=e.sv_brutto - e.einmalzahlungen,
            einmalzahlungen=e.einmalzahlungen,
            netto=e.netto,
            sv_tage=e.sv_tage,
            arbeitstage=e.arbeitstage,
            minijob_ueberschreitung=e.minijob_ueberschreitung,
            tagesverdienste=e.tagesverdienste,
            laufendes_brutto=e.brutto - e.einmalzahlungen - e.zuschuss_mutterschaftsgeld,
        )


@dataclass(frozen=True, slots=True)
class Vorgeschichte(_Json):
    """What the months before tell. `bekannt=False` (a scenario; a household's first month in the program without
    carried-over figures): the calculation makes its documented assumptions and says so in Hinweise.

    `jahreswerte`: this calendar year's totals before the month (this employment); `vorjahr`: last year's totals
    (§ 23a Abs. 4 SGB IV, March clause), None if there were none; `vormonate`: the finalised months, oldest first
    (at least the last 12 and the 13 weeks before any leave); `zeitkonto_saldo`: hours carried forward.
    `efzg_tage_vorher`: days of continued sick pay a previous Lohnbüro paid for the illness that runs on
    `abrechnungsbeginn` (carried-over figures of a household that starts in the program mid-year); they count
    against that illness's six weeks (§ 3 Abs. 1 EFZG). `vortrag_laufend`, `vortrag_einmalzahlungen`,
    `vortrag_ueberschreitungen`: the SV pay (running, one-off) and the marked Minijob overshoots of this year's months
    before the `abrechnungsbeginn`, settled elsewhere (the Minijob forecast counts those months).
    """

    bekannt: bool = False
    jahreswerte: Jahreswerte = field(default_factory=Jahreswerte)
    vorjahr: Jahreswerte | None = None
    vormonate: tuple[Vormonat, ...] = ()
    zeitkonto_saldo: Decimal = NULL
    efzg_tage_vorher: int = 0
    abrechnungsbeginn: date | None = None
    vortrag_laufend: Decimal = NULL
    vortrag_einmalzahlungen: Decimal = NULL
    vortrag_ueberschreitungen: int = 0


@dataclass(frozen=True, slots=True)
class Monatseingabe(_Json):
    """Everything the calculation of one assistant's month needs; nothing is looked up elsewhere but rule tables.

    `schichten`: her shifts and those others cover for her (`vertretung_fuer`) touching the month (the run may pass
    more; pieces outside the month are ignored). `abwesenheiten`: hers, the month's and at least the 12 months
    before (EFZG counts across months). `vertraege`: her contract periods touching the month.
    """

    jahr: int
    monat: int
    arbeitgeber: Arbeitgeberdaten
    person: Personaldaten
    kasse: Kasse | None
    vertraege: tuple[Vertragsdaten, ...]
    schichten: tuple[Schicht, ...] = ()
    abwesenheiten: tuple[Abwesenheit, ...] = ()
    einmalzahlungen: tuple[Einmalzahlung, ...] = ()
    sachbezuege: tuple[Sachbezug, ...] = ()
    vorschuesse: tuple[Vorschuss, ...] = ()
    verrechnungen: tuple[Verrechnung, ...] = ()
    vorgeschichte: Vorgeschichte = field(default_factory=Vorgeschichte)
    # Privately insured (`kasse` None, `person.krankenkasse` None): the Kasse entered in her Personalbogen, which
    # collects the Umlagen U1/U2 (and is the Einzugsstelle for RV/AV); None: none entered.
    umlagekasse: Kasse | None = None
    ueberschreitung_unvorhersehbar: bool = False  # the user: this month's excess over the Minijob limit was
    # occasional and not foreseeable (e.g. covering for a sick colleague), § 8 Abs. 1b SGB IV


# --------------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lohnart(_Ergebnis):
    """One payslip line. The flags say which totals it counts for (Entgeltbescheinigungsverordnung § 1):
    Gesamtbrutto, Steuerbrutto (laufend or, with `einmalig`, sonstige Bezüge) and SV-Brutto."""

    _GENAU = ("satz", "prozent")

    schluessel: str
    text: str
    menge: Decimal | None
    satz: Decimal | None  # € per unit of `menge`
    betrag: Decimal
    gesamtbrutto: bool = True
    steuerbrutto: bool = True
    sv_brutto: bool = True
    einmalig: bool = False
    einheit: str = ""  # "Std.", "Tage", "" — for `menge`
    abwesenheit_id: int | None = None
    # A surcharge's percent of the hourly Grundlohn (`satz` = Grundlohn × `prozent` / 100); None for other lines
    # and in months stored before it was kept.
    prozent: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Abzug(_Ergebnis):
    """A deduction of the employee or a charge of the employer, with its base, rate and German explanation."""

    _GENAU = ("satz",)

    schluessel: str
    text: str
    betrag: Decimal
    bemessung: Decimal | None = None
    satz: Decimal | None = None  # percent
    erklaerung: str = ""
    rechtsgrundlage: str = ""


@dataclass(frozen=True, slots=True)
class Fortzahlung(_Ergebnis):
    """Continued pay for one absence in this month, for the U1/U2 refund claim (§§ 1, 2 AAG).

    `verfahren` "U1" (Arbeitsunfähigkeit) or "U2" (Beschäftigungsverbot, Mutterschutzfrist); `anlass`
    "arbeitsunfaehigkeit", "beschaeftigungsverbot" or "mutterschutzfrist". `von`/`bis`: the days of this month
    with continued pay. The employer's SV shares are those attributable to the continued pay (its share of the
    month's contributory pay). Absences without continued pay (EFZG waiting period, after 6 weeks) are not listed.
    `ohne_schichten`: no planned shift on the paid days, so the continued pay is an estimate (average per day) or,
    for a Monatslohn, unknown (0) — a refund claim must not be filed on it until the shifts are entered.
    """

    abwesenheit_id: int | None
    art: str
    verfahren: str
    anlass: str
    von: date
    bis: date
    tage: int
    stunden: Decimal
    fortgezahltes_entgelt: Decimal
    zuschuss_mutterschaftsgeld: Decimal = NULL
    kv_ag: Decimal = NULL
    pv_ag: Decimal = NULL
    rv_ag: Decimal = NULL
    av_ag: Decimal = NULL
    ohne_schichten: bool = False

    @property
    def ag_anteile(self) -> Decimal:
        return self.kv_ag + self.pv_ag + self.rv_ag + self.av_ag


@dataclass(frozen=True, slots=True)
class Kostenanteil(_Ergebnis):
    """Employer cost charged to one Leistungsart/Kostenträger key (None: the shift had none)."""

    leistungsart: str | None
    stunden: Decimal
    brutto: Decimal
    arbeitgeberkosten: Decimal


@dataclass(frozen=True, slots=True)
class Zeitkonto(_Ergebnis):
    """Hours account of a Monatslohn (seed 004, 2.5): hours worked and paid absence against the contract's."""

    vortrag: Decimal
    soll: Decimal
    ist: Decimal
    saldo: Decimal
    plus_max: Decimal | None = None
    minus_max: Decimal | None = None

    @property
    def veraenderung(self) -> Decimal:
        return self.ist - self.soll


@dataclass(frozen=True, slots=True)
class Monatsergebnis(_Ergebnis):
    """One assistant's payroll month. The first fields are CONTRACTS §3's output, in its order."""

    # --- CONTRACTS §3 (names and order fixed) ---
    id: str
    beschaeftigung: Beschaeftigungsart
    hinweise: tuple[Hinweis, ...]
    stunden: Decimal
    bereitschaftsstunden: Decimal
    brutto: Decimal
    steuerfreie_zuschlaege: Decimal
    steuerbrutto: Decimal
    sv_brutto: Decimal
    lohnsteuer: Decimal
    solidaritaetszuschlag: Decimal
    kirchensteuer: Decimal
    kv_an: Decimal
    pv_an: Decimal
    rv_an: Decimal
    av_an: Decimal
    netto: Decimal
    kv_ag: Decimal
    pv_ag: Decimal
    rv_ag: Decimal
    av_ag: Decimal
    umlage_u1: Decimal
    umlage_u2: Decimal
    insolvenzgeldumlage: Decimal
    pauschsteuer: Decimal
    unfallversicherung: Decimal
    arbeitgeberkosten: Decimal
    # --- extensions of §3 since the first version ---
    begruendung: tuple[str, ...]
    grundverguetung: Decimal
    zuschlaege: Decimal
    lohnfortzahlung: Decimal
    einmalzahlungen: Decimal
    # --- payslip ---
    jahr: int
    monat: int
    assistenzkraft_id: int
    name: str
    lohnarten: tuple[Lohnart, ...]
    abzuege: tuple[Abzug, ...]  # the employee's: taxes and SV shares
    arbeitgeberanteile: tuple[Abzug, ...]  # the employer's charges
    sachbezuege: Decimal  # value of pay in kind (in brutto, deducted from the payout)
    vorschuesse: Decimal
    verrechnungen: Decimal
    auszahlung: Decimal  # netto − Sachbezüge − Vorschüsse ± Verrechnungen
    # --- keys for the reports (Beitragsnachweis, DEÜV, Lohnsteuer-Anmeldung, Lohnkonto) ---
    beitragsgruppe: str  # KV PV RV AV digits, e.g. "1111", "6500"
    personengruppe: str  # DEÜV, e.g. "101", "106", "109", "110"
    einzugsstelle: str  # Kasse name, "Minijob-Zentrale", or "" when none
    haushaltsscheck: bool
    sv_tage: int
    steuertage: int
    uebergangsbereich: bool
    beitragspflichtige_einnahme: Decimal  # BE in the Übergangsbereich, else the contributory pay
    beitragspflichtige_einnahme_an: Decimal
    kv_entgelt: Decimal  # KV/PV-beitragspflichtig (BBG applied, incl. one-offs)
    rv_entgelt: Decimal  # RV/AV-beitragspflichtig
    u1_basis: Decimal
    u2_basis: Decimal
    insolvenzgeld_basis: Decimal
    laufendes_steuerbrutto: Decimal
    sonstige_bezuege: Decimal
    einmalzahlung_vorjahr: Decimal  # SV: the part of a one-off assigned to last December (§ 23a Abs. 4 SGB IV)
    zuschuss_mutterschaftsgeld: Decimal
    minijob_ueberschreitung: bool
    arbeitstage: int
    # --- for the claims, the budget and the next month ---
    fortzahlungen: tuple[Fortzahlung, ...]
    kosten: tuple[Kostenanteil, ...]
    tagesverdienste: tuple[Tagesverdienst, ...]
    zeitkonto: Zeitkonto | None
    jahreswerte: Jahreswerte  # this calendar year including this month
    vorgeschichte_bekannt: bool
    # --- added later (default for months stored before) ---
    # The Kasse's Zusatzbeitrag inside kv_an / kv_ag: the Beitragsnachweis lists it apart from the allgemeiner
    # Beitrag (field "Zusatzbeitrag zur Krankenversicherung", Datensatz BW02).
    kv_zusatzbeitrag_an: Decimal = NULL
    kv_zusatzbeitrag_ag: Decimal = NULL
    # Soli and Kirchensteuer inside `pauschsteuer` (25 % for a short-term job): the Lohnsteuer-Anmeldung lists the
    # flat-rate Lohnsteuer, the Soli and the flat-rate Kirchensteuer each in its own field. The 2 % tax is one sum.
    pauschsteuer_soli: Decimal = NULL
    pauschsteuer_kirchensteuer: Decimal = NULL
