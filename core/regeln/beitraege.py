"""Social-insurance contributions per branch, Umlagen U1/U2, Insolvenzgeldumlage and Unfallversicherung."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.domain.geld import NULL, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import lebensjahr_vollendet
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.regeln.klassifikation import ALLE_ZWEIGE, Beschaeftigungsart, Zweig
from core.regeln.tabellen import Regelwert, regelwert

HUNDERT = Decimal(100)
ZWEI = Decimal(2)


@dataclass(frozen=True, slots=True)
class Kasse:
    """The person's Krankenkasse as the employer keeps it for the year: Zusatzbeitrag and the chosen U1 level.

    `u1_erstattung_prozent` (None: the statutory 80 %, § 1 Abs. 1 AAG) and `ag_anteile_erstattet` describe the
    chosen U1 level for refund claims; `betriebsnummer` is the Kasse's (reports only).
    """

    zusatzbeitrag_prozent: Decimal
    u1_prozent: Decimal
    u2_prozent: Decimal
    name: str = ""
    u1_erstattung_prozent: Decimal | None = None
    ag_anteile_erstattet: bool = False
    u2_erstattung_prozent: Decimal = Decimal(100)
    betriebsnummer: str = ""


@dataclass(frozen=True, slots=True)
class BisherImJahr:
    """What this employment already had this calendar year (for one-off payments, § 23a SGB IV)."""

    sv_tage: int
    entgelt_kv: Decimal  # beitragspflichtiges Entgelt KV/PV so far
    entgelt_rv: Decimal  # beitragspflichtiges Entgelt RV/AV so far


@dataclass(frozen=True, slots=True)
class BeitragsEingabe:
    monat: date
    art: Beschaeftigungsart
    laufendes_entgelt: Decimal  # SV-Arbeitsentgelt of the month without one-off payments (no SV-free surcharges)
    geburtsdatum: date
    bundesland: str  # place of work (Sachsen: other PV split)
    kasse: Kasse | None  # None: privately insured
    einmalzahlung: Decimal = NULL
    zweige: frozenset[Zweig] | None = None  # from the classification; None: all for midijob/sv_pflichtig
    privathaushalt: bool = True
    kinder_unter_25: int = 0
    elterneigenschaft: bool = False
    rv_befreiung: bool = False  # Minijob, § 6 Abs. 1b SGB VI
    rv_pflichtige_hauptbeschaeftigung: bool = False  # no Mindestbemessungsgrundlage for the Minijob
    weitere_entgelte_uebergangsbereich: Decimal = NULL  # pay from other employments counted with this one
    unfallversicherung_prozent: Decimal = NULL  # Unfallkasse rate (% of pay) outside the Haushaltsscheck
    u1_pflichtig: bool = True  # False: planned for at most 4 weeks (§ 7 Abs. 2 Satz 2 AAG)
    sv_tage: int = 30
    bisher_im_jahr: BisherImJahr | None = None
    # Privately insured (`kasse` None): the Kasse the Umlagen U1/U2 go to — the one she was last statutorily insured
    # with, else one the employer chose (§ 2 Abs. 1 AAG with § 28i Satz 2 SGB IV); None: not entered.
    umlagekasse: Kasse | None = None


@dataclass(frozen=True, slots=True)
class Anteil:
    """One branch: the base it was computed from, the employee's and the employer's share."""

    bemessung: Decimal = NULL
    an: Decimal = NULL
    ag: Decimal = NULL

    @property
    def gesamt(self) -> Decimal:
        return self.an + self.ag


@dataclass(frozen=True, slots=True)
class Beitraege:
    kv: Anteil  # Minijob: flat-rate KV of the employer
    kv_zusatz: Anteil
    pv: Anteil
    rv: Anteil  # Minijob: flat-rate RV of the employer (ag) and the employee's top-up (an)
    av: Anteil
    umlage_u1: Decimal
    umlage_u2: Decimal
    insolvenzgeldumlage: Decimal
    unfallversicherung: Decimal
    beitragspflichtige_einnahme: Decimal  # BE (Übergangsbereich) or the pay the contributions were taken from
    beitragspflichtige_einnahme_an: Decimal  # BE_AN in the Übergangsbereich, else the same as above
    hinweise: tuple[Hinweis, ...]
    umlage_basis: Decimal = NULL  # the pay U1 and U2 were computed from
    insolvenzgeld_basis: Decimal = NULL  # the pay the Insolvenzgeldumlage was computed from (0: none due)

    @property
    def kv_an(self) -> Decimal:
        return self.kv.an + self.kv_zusatz.an

    @property
    def kv_ag(self) -> Decimal:
        return self.kv.ag + self.kv_zusatz.ag

    @property
    def an_gesamt(self) -> Decimal:
        return self.kv_an + self.pv.an + self.rv.an + self.av.an

    @property
    def ag_sv(self) -> Decimal:
        return self.kv_ag + self.pv.ag + self.rv.ag + self.av.ag

    @property
    def ag_gesamt(self) -> Decimal:
        """Everything the employer pays on top of the gross pay (without Pauschsteuer)."""
        return self.ag_sv + self.umlage_u1 + self.umlage_u2 + self.insolvenzgeldumlage + self.unfallversicherung


@dataclass
class _Protokoll:
    stichtag: date
    land: str
    hinweise: list[Hinweis] = field(default_factory=list)

    def regel(self, schluessel: str, *, land: bool = False) -> Regelwert:
        return regelwert(schluessel, self.stichtag, land=self.land if land else None, hinweise=self.hinweise)

    def satz(self, schluessel: str) -> Decimal:
        """A percentage from the tables as a fraction (14.6 → 0.146)."""
        return self.regel(schluessel).wert / HUNDERT

    def wert(self, schluessel: str) -> Decimal:
        return self.regel(schluessel).wert

    def hinweis(self, code: str, schwere: Schwere, text: str, rechtsgrundlage: str) -> None:
        neu = Hinweis(code, schwere, text, rechtsgrundlage)
        if neu not in self.hinweise:
            self.hinweise.append(neu)


def berechne_beitraege(e: BeitragsEingabe) -> Beitraege:
    """Contributions for one month; every amount is rounded half up to cents as § 2 BVV says."""
    _pruefe(e)
    p = _Protokoll(stichtag=e.monat.replace(day=1), land=e.bundesland)
    if e.art is Beschaeftigungsart.MINIJOB:
        return _minijob(e, p)
    if e.art is Beschaeftigungsart.KURZFRISTIG:
        return _kurzfristig(e, p)
    return _versicherungspflichtig(e, p)


def _pruefe(e: BeitragsEingabe) -> None:
    for feld in ("laufendes_entgelt", "einmalzahlung", "weitere_entgelte_uebergangsbereich"):
        if getattr(e, feld) < NULL:
            raise EingabeFehler("Entgelte dürfen nicht negativ sein.", feld=feld)
    if not 0 <= e.sv_tage <= 30:
        raise EingabeFehler("Sozialversicherungstage müssen zwischen 0 und 30 liegen.", feld="sv_tage")
    if e.kinder_unter_25 < 0:
        raise EingabeFehler("Die Kinderzahl darf nicht negativ sein.", feld="kinder_unter_25")
    if e.unfallversicherung_prozent < NULL:
        raise EingabeFehler("Der Unfallversicherungssatz darf nicht negativ sein.", feld="unfallversicherung_prozent")


# --- Minijob and kurzfristig -------------------------------------------------------------------------------------


def _minijob(e: BeitragsEingabe, p: _Protokoll) -> Beitraege:
    ae = e.laufendes_entgelt + e.einmalzahlung
    haushalt = e.privathaushalt
    art = "privathaushalt" if haushalt else "gewerblich"
    rg_kv = "§ 249b SGB V"
    if e.kasse is not None:
        kv = Anteil(bemessung=ae, ag=cent(ae * p.satz(f"minijob_{art}_kv_prozent")))
    else:
        kv = Anteil(bemessung=ae)
        p.hinweis(
            "MINIJOB_KV_PRIVAT",
            Schwere.INFO,
            "Privat krankenversichert: kein Pauschalbeitrag zur Krankenversicherung.",
            rg_kv,
        )
    rv_ag = cent(ae * p.satz(f"minijob_{art}_rv_prozent"))
    if e.rv_befreiung:
        rv_an = NULL
        p.hinweis(
            "MINIJOB_RV_BEFREIT",
            Schwere.INFO,
            "Von der Rentenversicherungspflicht befreit: nur der Pauschalbeitrag des Arbeitgebers.",
            "§ 6 Abs. 1b SGB VI",
        )
    elif ae == NULL:
        rv_an = NULL
    else:
        mindest = p.wert("minijob_rv_mindestbemessungsgrundlage") * e.sv_tage / 30
        if ae < mindest and not e.rv_pflichtige_hauptbeschaeftigung:
            gesamt = cent(mindest * p.satz("rv_prozent"))
            rv_an = gesamt - rv_ag
            p.hinweis(
                "MINIJOB_RV_MINDESTBEITRAG",
                Schwere.INFO,
                f"Das Entgelt liegt unter der Mindestbemessungsgrundlage von {format_eur(mindest)}: Der volle "
                f"Rentenbeitrag wird von {format_eur(mindest)} berechnet ({format_eur(gesamt)}); "
                f"der Arbeitnehmer trägt den Rest nach dem Pauschalbeitrag des Arbeitgebers ({format_eur(rv_an)}). "
                "Das gilt nicht, wenn die Assistenzkraft daneben anderweitig rentenversicherungspflichtig ist (z. B. "
                "Hauptbeschäftigung, Ausbildung, Bezug von Arbeitslosen- oder Krankengeld, Pflegeperson, "
                "Kindererziehungszeit): dann zählt nur das tatsächliche Entgelt. Bei mehreren Minijobs gilt die "
                "Grenze für die Summe der Entgelte. Bitte prüfen Sie das.",
                "§ 163 Abs. 8 SGB VI, § 2 Abs. 1 Satz 5 BVV; Geringfügigkeits-Richtlinien C 3.2.1",
            )
        else:
            rv_an = cent(ae * p.satz(f"minijob_rv_aufstockung_an_{art}_prozent"))
    rv = Anteil(bemessung=ae, an=rv_an, ag=rv_ag)
    return _ergebnis_geringfuegig(e, p, kv=kv, rv=rv)


def _kurzfristig(e: BeitragsEingabe, p: _Protokoll) -> Beitraege:
    p.hinweis(
        "KURZFRISTIG_BEITRAGSFREI",
        Schwere.INFO,
        "Kurzfristige Beschäftigung: keine Beiträge zur Kranken-, Pflege-, Renten- und Arbeitslosenversicherung.",
        "§ 7 SGB V, § 5 Abs. 2 SGB VI, § 27 Abs. 2 SGB III",
    )
    return _ergebnis_geringfuegig(e, p, kv=Anteil(), rv=Anteil())


def _ergebnis_geringfuegig(e: BeitragsEingabe, p: _Protokoll, *, kv: Anteil, rv: Anteil) -> Beitraege:
    """Umlagen and UV for Minijob and kurzfristig: rates of the Minijob-Zentrale, Haushaltsscheck UV."""
    ae = e.laufendes_entgelt + e.einmalzahlung
    u1 = NULL
    if e.u1_pflichtig:
        u1 = cent(e.laufendes_entgelt * p.satz("minijob_u1_prozent"))
    else:
        _hinweis_ohne_u1(p)
    u2 = cent(e.laufendes_entgelt * p.satz("minijob_u2_prozent"))
    if e.einmalzahlung:
        _hinweis_einmal_umlagefrei(p)
    insolvenz = _insolvenzgeldumlage(e, p, ae)
    if e.privathaushalt:
        uv = cent(ae * p.satz("minijob_privathaushalt_uv_prozent"))
    else:
        uv = cent(ae * e.unfallversicherung_prozent / HUNDERT)
    return Beitraege(
        kv=kv,
        kv_zusatz=Anteil(),
        pv=Anteil(),
        rv=rv,
        av=Anteil(),
        umlage_u1=u1,
        umlage_u2=u2,
        insolvenzgeldumlage=insolvenz,
        unfallversicherung=uv,
        beitragspflichtige_einnahme=ae,
        beitragspflichtige_einnahme_an=ae,
        hinweise=tuple(p.hinweise),
        umlage_basis=e.laufendes_entgelt,
        insolvenzgeld_basis=NULL if e.privathaushalt else ae,
    )


# --- Übergangsbereich and full contributions ---------------------------------------------------------------------


def _versicherungspflichtig(e: BeitragsEingabe, p: _Protokoll) -> Beitraege:
    zweige = e.zweige if e.zweige is not None else ALLE_ZWEIGE
    if e.kasse is None and zweige & {Zweig.KV, Zweig.PV}:
        zweige = zweige - {Zweig.KV, Zweig.PV}
        p.hinweis(
            "PRIVAT_VERSICHERT",
            Schwere.WARNUNG,
            "Privat kranken- und pflegeversichert: keine Beiträge zur gesetzlichen Kranken- und Pflegeversicherung. "
            "Den Beitragszuschuss des Arbeitgebers (§ 257 SGB V, § 61 SGB XI) berechnet dieses Programm noch nicht.",
            "§ 6 SGB V, § 257 SGB V, § 61 SGB XI",
        )
    ae = e.laufendes_entgelt + e.einmalzahlung
    uebergang = e.art is Beschaeftigungsart.MIDIJOB
    obergrenze = p.wert("uebergangsbereich_obergrenze")
    if uebergang and ae + e.weitere_entgelte_uebergangsbereich > obergrenze:
        uebergang = False
        p.hinweis(
            "UEBERGANGSBEREICH_MONAT_UEBERSCHRITTEN",
            Schwere.INFO,
            f"Das Entgelt dieses Monats übersteigt {format_eur(obergrenze)}: Die Beiträge werden in diesem Monat ohne "
            "Übergangsbereichsformel vom tatsächlichen Entgelt berechnet.",
            "Gemeinsames Rundschreiben Übergangsbereich vom 20.12.2022, Abschnitt 4.3.3",
        )

    if uebergang:
        be, be_an = _bemessung_uebergangsbereich(e, p, ae)
        kv = _uebergang_anteil(be, be_an, p.satz("kv_allgemein_prozent") / ZWEI) if Zweig.KV in zweige else Anteil()
        zusatz = (
            _uebergang_anteil(be, be_an, _zusatz_halb(e.kasse))
            if Zweig.KV in zweige and e.kasse is not None
            else Anteil()
        )
        pv = _pv_uebergang(e, p, be, be_an) if Zweig.PV in zweige else Anteil()
        rv = _uebergang_anteil(be, be_an, p.satz("rv_prozent") / ZWEI) if Zweig.RV in zweige else Anteil()
        av = _uebergang_anteil(be, be_an, p.satz("av_prozent") / ZWEI) if Zweig.AV in zweige else Anteil()
        # U1/U2 come from the pay the RV contributions are assessed on (§ 7 Abs. 2 Satz 1 AAG), here the reduced BE
        # — only its share of the running pay, one-offs being free of the Umlagen (§ 7 Abs. 2 Satz 2 AAG). The
        # Spitzenverbände: "Bei Arbeitnehmern mit einem Arbeitsentgelt innerhalb des Übergangsbereichs gilt als
        # umlagepflichtiges Arbeitsentgelt die [...] reduzierte beitragspflichtige Einnahme" (Gemeinsames
        # Rundschreiben Übergangsbereich vom 21.03.2019, Ziffer 5.3.8, as reproduced in Haufe Kranken- und
        # Pflegeversicherungs Office); the same for today's law in Haufe Personal Office, "Übergangsbereich", 9.1
        # (only the running pay's share of the reduced pay in a month with one-offs). The text of the Rundschreiben
        # of 20.12.2022 was not at hand. Haufe's "Umlageverfahren bei Mutterschaft", 8.2 ("tatsächlich erzielten
        # Arbeitsentgelts"), which this code followed before, contradicts both and the wording of § 7 AAG.
        # The GKV-Spitzenverband's Grundsätzliche Hinweise zum AAG vom 19.11.2019, Ziffer 2.2.2.1 Abs. 3, say the same
        # ("gilt als umlagepflichtiges Arbeitsentgelt die nach § 163 Abs. 10 Satz 1 SGB VI ermittelte reduzierte
        # beitragspflichtige Einnahme"; today § 163 Abs. 7 SGB VI).
        # The Insolvenzgeldumlage: the reduced BE including one-offs (Rundschreiben vom 20.12.2022, Ziffer 4.3.9
        # Abs. 2; § 358 Abs. 2 SGB III).
        umlage_basis = be * e.laufendes_entgelt / ae if ae else NULL
        insolvenz_basis = be
        anteil_text = (
            f" (der auf das laufende Entgelt entfallende Anteil der beitragspflichtigen Einnahme von {format_eur(be)}; "
            "Einmalzahlungen sind umlagefrei)"
            if e.einmalzahlung
            else ""
        )
        insolvenz_text = (
            ""
            if e.privathaushalt
            else f" Die Insolvenzgeldumlage wird von der reduzierten beitragspflichtigen Einnahme einschließlich "
            f"Einmalzahlungen ({format_eur(be)}) berechnet."
        )
        p.hinweis(
            "UMLAGEN_UEBERGANGSBEREICH",
            Schwere.INFO,
            f"Übergangsbereich: Die Umlagen U1/U2 werden wie die Rentenversicherungsbeiträge von der reduzierten "
            f"beitragspflichtigen Einnahme berechnet: {format_eur(umlage_basis)}{anteil_text}, nicht vom "
            f"tatsächlichen Arbeitsentgelt ({format_eur(e.laufendes_entgelt)})." + insolvenz_text,
            "§ 7 Abs. 2 AAG mit § 20 Abs. 2a SGB IV; Gemeinsames Rundschreiben Übergangsbereich vom 21.03.2019, "
            "Ziffer 5.3.8 (umlagepflichtig ist die reduzierte beitragspflichtige Einnahme); § 358 Abs. 2 SGB III mit "
            "Gemeinsamem Rundschreiben Übergangsbereich vom 20.12.2022, Ziffer 4.3.9",
        )
        bemessung, bemessung_an = be, be_an
    else:
        be_kv = _bemessung_mit_einmalzahlung(e, p, "bbg_kv_monat", "KV/PV")
        be_rv = _bemessung_mit_einmalzahlung(e, p, "bbg_rv_monat", "RV/AV")
        kv = _halb_halb(be_kv, p.satz("kv_allgemein_prozent") / ZWEI) if Zweig.KV in zweige else Anteil()
        zusatz = _halb_halb(be_kv, _zusatz_halb(e.kasse)) if Zweig.KV in zweige and e.kasse is not None else Anteil()
        pv = _pv_voll(e, p, be_kv) if Zweig.PV in zweige else Anteil()
        rv = _halb_halb(be_rv, p.satz("rv_prozent") / ZWEI) if Zweig.RV in zweige else Anteil()
        av = _halb_halb(be_rv, p.satz("av_prozent") / ZWEI) if Zweig.AV in zweige else Anteil()
        umlage_basis = min(e.laufendes_entgelt, _bbg(p, "bbg_rv_monat", e.sv_tage))
        insolvenz_basis = be_rv
        bemessung = be_rv if Zweig.RV in zweige else be_kv
        bemessung_an = bemessung

    umlagekasse = e.kasse if e.kasse is not None else e.umlagekasse
    if umlagekasse is not None:
        u1 = cent(umlage_basis * umlagekasse.u1_prozent / HUNDERT) if e.u1_pflichtig else NULL
        u2 = cent(umlage_basis * umlagekasse.u2_prozent / HUNDERT)
        if e.kasse is None:
            p.hinweis(
                "UMLAGEN_PRIVAT_VERSICHERT",
                Schwere.INFO,
                f"Privat versichert: Die Umlagen U1/U2 gehen an die Krankenkasse „{umlagekasse.name}“, die im "
                "Personalbogen eingetragen ist (zuletzt gesetzliche oder von Ihnen gewählte Kasse); sie ist auch "
                "Einzugsstelle für die Renten- und Arbeitslosenversicherung.",
                "§ 2 Abs. 1 AAG, § 28i Satz 2 SGB IV, § 175 Abs. 3 SGB V",
            )
    else:
        u1 = u2 = NULL
        p.hinweis(
            "UMLAGEN_KASSE_FEHLT",
            Schwere.WARNUNG,
            "Für eine privat versicherte Person zahlen Sie die Umlagen U1/U2 an die Krankenkasse, bei der sie zuletzt "
            "gesetzlich versichert war, oder an eine von Ihnen gewählte Kasse. Bitte tragen Sie diese Kasse im "
            "Personalbogen (Reiter Sozialversicherung) ein; bis dahin sind die Umlagen mit 0 gerechnet.",
            "§ 2 Abs. 1 AAG, § 175 Abs. 3 SGB V",
        )
    if not e.u1_pflichtig:
        _hinweis_ohne_u1(p)
    if e.einmalzahlung:
        _hinweis_einmal_umlagefrei(p)
    insolvenz = _insolvenzgeldumlage(e, p, insolvenz_basis)
    uv = cent(ae * e.unfallversicherung_prozent / HUNDERT)
    return Beitraege(
        kv=kv,
        kv_zusatz=zusatz,
        pv=pv,
        rv=rv,
        av=av,
        umlage_u1=u1,
        umlage_u2=u2,
        insolvenzgeldumlage=insolvenz,
        unfallversicherung=uv,
        beitragspflichtige_einnahme=bemessung,
        beitragspflichtige_einnahme_an=bemessung_an,
        hinweise=tuple(p.hinweise),
        umlage_basis=cent(umlage_basis) if umlagekasse is not None else NULL,
        insolvenzgeld_basis=NULL if e.privathaushalt else insolvenz_basis,
    )


def uebergangsbereich_bemessung(gesamtentgelt: Decimal, stichtag: date) -> tuple[Decimal, Decimal]:
    """BE and BE_AN by § 20 Abs. 2a SGB IV for a total pay inside the Übergangsbereich (unrounded)."""
    grenze = regelwert("minijob_grenze_monat", stichtag).wert
    obergrenze = regelwert("uebergangsbereich_obergrenze", stichtag).wert
    f = regelwert("faktor_f", stichtag).wert
    spanne = obergrenze - grenze
    be = f * grenze + (obergrenze / spanne - grenze / spanne * f) * (gesamtentgelt - grenze)
    be_an = obergrenze / spanne * (gesamtentgelt - grenze)
    return be, be_an


def _bemessung_uebergangsbereich(e: BeitragsEingabe, p: _Protokoll, ae: Decimal) -> tuple[Decimal, Decimal]:
    rg = "§ 20 Abs. 2a SGB IV"
    grenze = p.wert("minijob_grenze_monat")
    p.regel("faktor_f")
    gesamt = ae + e.weitere_entgelte_uebergangsbereich
    if gesamt <= grenze:
        # A month below the lower limit (e.g. unpaid absence): BE = AE × F; the employee's share is nil, as at
        # the lower end of the range.
        be = cent(ae * p.wert("faktor_f"))
        p.hinweis(
            "UEBERGANGSBEREICH_UNTER_GRENZE",
            Schwere.WARNUNG,
            f"Das Entgelt dieses Monats ({format_eur(ae)}) liegt unter der unteren Grenze des Übergangsbereichs. "
            f"Beitragspflichtig ist AE × F = {format_eur(be)}; der Arbeitnehmeranteil wird mit 0 angesetzt "
            "(wie am unteren Rand des Übergangsbereichs). Diese Annahme ist nicht amtlich bestätigt; bitte prüfen.",
            f"{rg}; § 2 Abs. 2 BVV",
        )
        return be, NULL
    be_gesamt, be_an_gesamt = uebergangsbereich_bemessung(gesamt, p.stichtag)
    if e.weitere_entgelte_uebergangsbereich:
        anteil = ae / gesamt
        p.hinweis(
            "UEBERGANGSBEREICH_MEHRERE_BESCHAEFTIGUNGEN",
            Schwere.INFO,
            f"Mehrere Beschäftigungen: Die beitragspflichtige Einnahme wird aus dem Gesamtentgelt "
            f"({format_eur(gesamt)}) berechnet und im Verhältnis dieses Entgelts ({format_eur(ae)}) aufgeteilt.",
            f"{rg} (Aufteilung bei mehreren Beschäftigungen)",
        )
        return cent(be_gesamt * anteil), cent(be_an_gesamt * anteil)
    return cent(be_gesamt), cent(be_an_gesamt)


def _uebergang_anteil(be: Decimal, be_an: Decimal, halber_satz: Decimal) -> Anteil:
    """§ 2 Abs. 2 BVV: total = round(BE × half rate) × 2, employee = round(BE_AN × half rate), employer the rest."""
    gesamt = cent(be * halber_satz) * 2
    an = cent(be_an * halber_satz)
    return Anteil(bemessung=be, an=an, ag=gesamt - an)


def _halb_halb(bemessung: Decimal, halber_satz: Decimal) -> Anteil:
    """§ 2 Abs. 1 Satz 1 BVV: half rate on the pay, rounded, doubled."""
    haelfte = cent(bemessung * halber_satz)
    return Anteil(bemessung=bemessung, an=haelfte, ag=haelfte)


def _zusatz_halb(kasse: Kasse) -> Decimal:
    return kasse.zusatzbeitrag_prozent / HUNDERT / ZWEI


def _pv_saetze(e: BeitragsEingabe, p: _Protokoll) -> tuple[Decimal, Decimal, Decimal, Decimal, bool]:
    """(AN rate, AG rate, childless surcharge, child discount, Sachsen) as fractions."""
    sachsen = e.bundesland == "SN"
    if sachsen:
        an = p.satz("pv_sachsen_an_prozent")
        ag = p.satz("pv_sachsen_ag_prozent")
    else:
        an = p.satz("pv_an_prozent")
        ag = p.satz("pv_ag_prozent")
    zuschlag = NULL
    if pv_kinderlos_zuschlag(
        e.geburtsdatum,
        p.stichtag,
        elterneigenschaft=e.elterneigenschaft,
        kinder_unter_25=e.kinder_unter_25,
        hinweise=p.hinweise,
    ):
        zuschlag = p.satz("pv_kinderlos_zuschlag_prozent")
        p.hinweis(
            "PV_KINDERLOS",
            Schwere.INFO,
            "Kinderlos und älter als 23 Jahre: Zuschlag zur Pflegeversicherung, den der Arbeitnehmer allein trägt. "
            "Wer Kinder hat (auch Stief-, Adoptiv- oder Pflegekinder), weist das bitte nach.",
            "§ 55 Abs. 3 SGB XI, § 58 Abs. 1 Satz 3 SGB XI",
        )
    abschlag = NULL
    kinder = pv_abschlag_kinder(e.kinder_unter_25, p.stichtag, hinweise=p.hinweise)
    if kinder:
        abschlag = p.satz("pv_abschlag_je_kind_prozent") * kinder
        p.hinweis(
            "PV_KINDERABSCHLAG",
            Schwere.INFO,
            f"{anzahl(e.kinder_unter_25, 'Kind', 'Kinder')} unter 25 Jahren: Der Arbeitnehmeranteil zur "
            "Pflegeversicherung sinkt um "
            f"{format_zahl(abschlag * HUNDERT, None)} Beitragssatzpunkte (Nachweis erforderlich).",
            "§ 55 Abs. 3 Satz 4 SGB XI",
        )
    return an, ag, zuschlag, abschlag, sachsen


def pv_kinderlos_zuschlag(
    geburtsdatum: date,
    stichtag: date,
    *,
    elterneigenschaft: bool,
    kinder_unter_25: int,
    hinweise: list[Hinweis] | None = None,
) -> bool:
    """§ 55 Abs. 3 SGB XI: the childless surcharge is due from the month after the 23rd year of life was completed,
    for members without Elterneigenschaft who were not born before 1940. The one rule for the contribution and for
    the PAP's PVZ (core.regeln.steuer.pv_merkmale)."""
    if elterneigenschaft or kinder_unter_25 > 0:
        return False
    if geburtsdatum.year < int(
        regelwert("pv_kinderlos_ausgenommen_geboren_vor_jahr", stichtag, hinweise=hinweise).wert
    ):
        return False
    vollendet = lebensjahr_vollendet(
        geburtsdatum, int(regelwert("pv_kinderlos_ab_alter", stichtag, hinweise=hinweise).wert)
    )
    return (stichtag.year, stichtag.month) > (vollendet.year, vollendet.month)


def pv_abschlag_kinder(kinder_unter_25: int, stichtag: date, *, hinweise: list[Hinweis] | None = None) -> int:
    """§ 55 Abs. 3 Satz 4 SGB XI: how many children lower the employee's PV rate (the 2nd to the 5th under 25)."""
    ab_kind = int(regelwert("pv_abschlag_ab_kind", stichtag, hinweise=hinweise).wert)
    bis_kind = int(regelwert("pv_abschlag_bis_kind", stichtag, hinweise=hinweise).wert)
    return max(min(kinder_unter_25, bis_kind) - ab_kind + 1, 0)


def _pv_voll(e: BeitragsEingabe, p: _Protokoll, be: Decimal) -> Anteil:
    an_satz, ag_satz, zuschlag, abschlag, sachsen = _pv_saetze(e, p)
    if not sachsen and not zuschlag and not abschlag:
        return _halb_halb(be, an_satz)
    # § 2 Abs. 1 Satz 3 BVV: not borne half and half → each share computed and rounded separately; the employee's
    # share with the discounts (GR Beitragsdifferenzierung PV vom 28.03.2024, 3.3). The childless surcharge is a
    # contribution the employee bears alone and is computed and rounded on its own (§ 2 Abs. 1 Satz 4 BVV).
    an = cent(be * (an_satz - abschlag)) + cent(be * zuschlag)
    return Anteil(bemessung=be, an=an, ag=cent(be * ag_satz))


def _pv_uebergang(e: BeitragsEingabe, p: _Protokoll, be: Decimal, be_an: Decimal) -> Anteil:
    an_satz, _ag_satz, zuschlag, abschlag, sachsen = _pv_saetze(e, p)
    halber = p.satz("pv_prozent") / ZWEI
    gesamt = cent(be * halber) * 2
    if sachsen:
        p.regel("pv_sachsen_uebergangsbereich_an_satz_auf_be_an")
        an = cent(be_an * an_satz)
    else:
        an = cent(be_an * halber)
    ag = gesamt - an
    # § 2 Abs. 2 BVV: surcharge from BE, discounts from BE_AN, both only on the employee's share.
    an += cent(be * zuschlag) - cent(be_an * abschlag)
    return Anteil(bemessung=be, an=an, ag=ag)


def _bbg(p: _Protokoll, schluessel: str, sv_tage: int) -> Decimal:
    return cent(p.wert(schluessel) * sv_tage / 30)


def _bemessung_mit_einmalzahlung(e: BeitragsEingabe, p: _Protokoll, bbg_schluessel: str, zweige: str) -> Decimal:
    """Monthly BBG for the running pay; a one-off payment up to the pro-rata annual BBG (§ 23a Abs. 3 SGB IV)."""
    bbg_monat = p.wert(bbg_schluessel)
    laufend = min(e.laufendes_entgelt, _bbg(p, bbg_schluessel, e.sv_tage))
    if laufend < e.laufendes_entgelt:
        p.hinweis(
            f"BBG_{zweige.replace('/', '_')}",
            Schwere.INFO,
            f"Das Entgelt übersteigt die Beitragsbemessungsgrenze {zweige} von {format_eur(bbg_monat)} im Monat; "
            "darüber werden keine Beiträge erhoben.",
            "§ 223 Abs. 3 SGB V, § 157 SGB VI, § 341 Abs. 4 SGB III, § 55 Abs. 2 SGB XI",
        )
    if not e.einmalzahlung:
        return laufend
    if e.bisher_im_jahr is not None:
        bisher_tage = e.bisher_im_jahr.sv_tage
        bisher = e.bisher_im_jahr.entgelt_kv if zweige == "KV/PV" else e.bisher_im_jahr.entgelt_rv
        angenommen = False
    else:
        vormonate = p.stichtag.month - 1
        bisher_tage = 30 * vormonate
        bisher = min(e.laufendes_entgelt, bbg_monat) * vormonate
        angenommen = True
    jahres_bbg = cent(bbg_monat * (bisher_tage + e.sv_tage) / 30)
    rest = max(jahres_bbg - bisher - laufend, NULL)
    einmal = min(e.einmalzahlung, rest)
    if einmal < e.einmalzahlung:
        text = (
            f"Die Einmalzahlung ist {zweige} nur bis zur anteiligen Jahres-Beitragsbemessungsgrenze beitragspflichtig "
            f"({format_eur(einmal)} von {format_eur(e.einmalzahlung)})."
        )
        if angenommen:
            text += (
                " Angenommen ist, dass die Beschäftigung seit Januar mit dem Entgelt dieses Monats bestand; "
                "bitte prüfen Sie die tatsächlichen Vormonate."
            )
        if p.stichtag.month <= 3:
            text += " In Januar bis März ist die Märzklausel (Zuordnung zum Vorjahr) zu prüfen (§ 23a Abs. 4 SGB IV)."
        p.hinweis(f"EINMALZAHLUNG_JAHRES_BBG_{zweige.replace('/', '_')}", Schwere.WARNUNG, text, "§ 23a SGB IV")
    return laufend + einmal


def _insolvenzgeldumlage(e: BeitragsEingabe, p: _Protokoll, basis: Decimal) -> Decimal:
    if e.privathaushalt:
        p.hinweis(
            "INSOLVENZGELDUMLAGE_PRIVATHAUSHALT",
            Schwere.INFO,
            "Private Haushalte zahlen keine Insolvenzgeldumlage.",
            "§ 358 Abs. 1 Satz 2 SGB III",
        )
        return NULL
    return cent(basis * p.satz("insolvenzgeldumlage_prozent"))


def _hinweis_ohne_u1(p: _Protokoll) -> None:
    p.hinweis(
        "U1_ENTFAELLT",
        Schwere.INFO,
        "Die Beschäftigung ist auf höchstens vier Wochen angelegt: keine Umlage U1.",
        "§ 7 Abs. 2 Satz 2 AAG, § 3 Abs. 3 EFZG",
    )


def _hinweis_einmal_umlagefrei(p: _Protokoll) -> None:
    p.hinweis(
        "EINMALZAHLUNG_UMLAGEFREI",
        Schwere.INFO,
        "Einmalzahlungen bleiben bei den Umlagen U1 und U2 außer Betracht.",
        "§ 7 Abs. 2 Satz 2 AAG (für U2 über den Wortlaut hinaus: Besprechung der Spitzenorganisationen der "
        "Sozialversicherung vom 14./15.11.2012, TOP 10)",
    )
