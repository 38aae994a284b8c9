"""The one pure monthly calculation: `berechne(Monatseingabe) -> Monatsergebnis`. No database, no files.

Used by `berechnen` (CONTRACTS §3), the monthly run (§7), the U1/U2 claims and the budget. Steps: the month's
pieces of time from the roster (core.dienstplan.lohnzeiten) → pay lines (entgelt, efzg, urlaubsentgelt) → one-off
payments and pay in kind → classification, contributions, taxes (abzuege) → payout, report keys, continued pay per
absence, cost per Leistungsart, year totals, Zeitkonto.

When the history is unknown (`Vorgeschichte.bekannt` False — a scenario, or a household's first month in the
program without carried-over figures) these assumptions apply, each reported as a Hinweis where it matters:
- The month's running pay is regular: it is used for the classification and, with one-off payments, as the
  forecast for the year (laufendes Entgelt × 12 + Einmalzahlungen, paid once a year).
- For one-off payments the employment is taken to have existed since January with this month's running pay
  (Jahres-BBG § 23a SGB IV, voraussichtlicher Jahresarbeitslohn R 39b.6 LStR).
- Absences are paid by the Lohnausfallprinzip from the shifts listed on absence days (the shifts she would have
  worked). If a paid absence has no listed shift, the average pay per calendar day of the rest of the month
  stands in for the 13-week average.
- Shifts are cut at the month's borders; only the part inside the month counts.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, timedelta
from decimal import Decimal

from core.abrechnung.abzuege import Bemessung, berechne_abzuege
from core.abrechnung.efzg import Entgeltfortzahlung, entgeltfortzahlung
from core.abrechnung.entgelt import (
    FORTZAHLUNG,
    ZUSCHLAG_AUSFALL,
    Entgelt,
    MonatslohnTage,
    Verteilung,
    Zeile,
    berechne_entgelt,
    monatslohn_ohne_schichten,
)
from core.abrechnung.jahr import annahmen as jahresannahmen
from core.abrechnung.jahr import hinweis_prognose_gebrochen
from core.abrechnung.modell import (
    Fortzahlung,
    Jahreswerte,
    Kostenanteil,
    Lohnart,
    Monatseingabe,
    Monatsergebnis,
    Sachbezug,
    Zeitkonto,
)
from core.abrechnung.mutterschutz import ZUSCHUSS, mutterschutzlohn_je_tag
from core.abrechnung.mutterschutz import zuschuss as zuschuss_mutterschaftsgeld
from core.abrechnung.unbezahlt import ohne_beschaeftigung
from core.abrechnung.urlaubsentgelt import urlaubsentgelt
from core.abrechnung.zeitkonto import WOCHEN_JE_MONAT, zeitkonto
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, Abwesenheitsindex
from core.dienstplan.lohnzeiten import lohnstuecke
from core.dienstplan.schicht import fmt_tag
from core.dienstplan.vertrag import Lohnform, Vertragsdaten, Vertragsindex
from core.domain.geld import NULL, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import feiertag, monatsgrenzen
from core.domain.zahlen import anzahl
from core.domain.zeit import tagesbeginn
from core.fehler import EingabeFehler, vorhanden
from core.regeln.beitraege import Beitraege
from core.regeln.klassifikation import Beschaeftigungsart, Zweig
from core.regeln.tabellen import regelwert

HUNDERT = Decimal(100)
STUNDEN = Decimal("0.01")
EINMAL = "3000"
SACHBEZUG = "4000"
EINMALTEXT = {"weihnachtsgeld": "Weihnachtsgeld", "urlaubsgeld": "Urlaubsgeld", "praemie": "Prämie"}
ANLASS = {
    Abwesenheitsart.KRANK: ("U1", "arbeitsunfaehigkeit"),
    Abwesenheitsart.BESCHAEFTIGUNGSVERBOT: ("U2", "beschaeftigungsverbot"),
    Abwesenheitsart.MUTTERSCHUTZ: ("U2", "mutterschutzfrist"),
}
#: Days without pay: they shorten a Monatslohn and (with a benefit of the Kasse instead) the SV days.
UNBEZAHLT = (Abwesenheitsart.KIND_KRANK, Abwesenheitsart.MUTTERSCHUTZ, Abwesenheitsart.UNBEZAHLT)
ENTGELTERSATZ = (Abwesenheitsart.KIND_KRANK, Abwesenheitsart.MUTTERSCHUTZ)  # Kinderkranken-, Mutterschaftsgeld


class _Monat:
    """The month's calendar and the person's employment in it."""

    def __init__(self, e: Monatseingabe) -> None:
        self.erster, folgender = monatsgrenzen(e.jahr, e.monat)
        self.letzter = folgender - timedelta(days=1)
        self.tage = calendar.monthrange(e.jahr, e.monat)[1]
        pid = e.person.assistenzkraft_id
        self.vertraege = [
            v
            for v in e.vertraege
            if v.assistenzkraft_id == pid and v.beginn <= self.letzter and (v.ende is None or v.ende >= self.erster)
        ]
        if not self.vertraege:
            raise EingabeFehler(
                f"Assistenzkraft „{e.person.personalnummer}“: Im Monat {e.monat:02d}/{e.jahr} besteht kein Vertrag. "
                "Bitte Beginn und Ende des Vertrags prüfen.",
                feld="vertraege",
            )
        self.index = Vertragsindex(self.vertraege)
        enden = [v.ende for v in self.vertraege]
        self.von = max(self.erster, e.person.eintritt, min(v.beginn for v in self.vertraege))
        bis = self.letzter if any(x is None for x in enden) else max(x for x in enden if x is not None)
        if e.person.austritt is not None:
            bis = min(bis, e.person.austritt)
        self.bis = min(self.letzter, bis)

    @property
    def ganzer_monat(self) -> bool:
        return self.von == self.erster and self.bis == self.letzter

    def beschaeftigt(self, tag: date) -> bool:
        return self.von <= tag <= self.bis

    def tage_im_monat(self, abw: Abwesenheit) -> list[date]:
        return [t for t in abw.tage if self.von <= t <= self.bis]


def berechne(e: Monatseingabe) -> Monatsergebnis:
    """One assistant's payroll month (see the module text for the rules and the assumptions)."""
    m = _Monat(e)
    pid = e.person.assistenzkraft_id
    hinweise: list[Hinweis] = []
    abwesenheiten = [a for a in e.abwesenheiten if a.assistenzkraft_id == pid]
    abw_index = Abwesenheitsindex(abwesenheiten)
    stuecke = [
        s
        for s in lohnstuecke(pid, e.schichten, abw_index, von=m.erster, bis=m.letzter)
        if m.beschaeftigt(s.arbeitstag) or m.beschaeftigt(s.beginn.date())
    ]
    _hinweis_monatsgrenze(e, m, hinweise)
    vg = e.vorgeschichte
    vorher = (vg.abrechnungsbeginn, vg.efzg_tage_vorher) if vg.abrechnungsbeginn and vg.efzg_tage_vorher else None
    efzg = entgeltfortzahlung(abwesenheiten, e.person.eintritt, m.erster, m.letzter, vorher=vorher)
    hinweise.extend(efzg.hinweise)
    unbezahlte_tage = _unbezahlte_tage(abwesenheiten, efzg, m)
    # unpaid leave beyond its first month: no employment for the SV (§ 7 Abs. 3 Satz 1 SGB IV)
    ohne_sv = ohne_beschaeftigung(abwesenheiten, m.von, m.bis)

    def monatslohn_tage(v: Vertragsdaten) -> MonatslohnTage:
        von = max(v.beginn, m.von)
        bis = min(v.ende or m.bis, m.bis)
        tage = max((bis - von).days + 1, 0)
        return MonatslohnTage(tage, m.tage, sum(1 for t in unbezahlte_tage if von <= t <= bis))

    entgelt = berechne_entgelt(
        stuecke,
        lambda tag: m.index.am(pid, tag),
        efzg.bezahlt,
        erster=m.erster,
        letzter=m.letzter,
        monatslohn_tage=monatslohn_tage,
        land=e.arbeitgeber.bundesland,
        katholisch=e.arbeitgeber.katholisch,
    )
    mit_stuecken = {id(m.index.am(pid, s.arbeitstag) or m.index.am(pid, s.beginn.date())) for s in stuecke}
    for v in m.vertraege:
        if v.lohnform is Lohnform.MONATSLOHN and id(v) not in mit_stuecken:
            monatslohn_ohne_schichten(entgelt, v, monatslohn_tage(v))
    hinweise.extend(entgelt.hinweise)
    urlaube = [a for a in abwesenheiten if a.art is Abwesenheitsart.URLAUB]
    urlaubsentgelt(
        entgelt,
        urlaube,
        {id(a): m.tage_im_monat(a) for a in urlaube},
        eintritt=e.person.eintritt,
        erster=m.erster,
        vorgeschichte=e.vorgeschichte,
        monatslohn=all(v.lohnform is Lohnform.MONATSLOHN for v in m.vertraege),
        hinweise=hinweise,
    )
    _ersatz_ohne_schichten(e, m, abwesenheiten, efzg, entgelt, hinweise)
    _mutterschutzlohn(e, m, abwesenheiten, entgelt, hinweise)
    _pruefe_feiertage(e, m, abwesenheiten, hinweise)
    konto = _zeitkonto(e, m, abwesenheiten, efzg, entgelt, monatslohn_tage, hinweise)

    zeilen = list(entgelt.zeilen)
    for abw in abwesenheiten:
        if abw.art is Abwesenheitsart.MUTTERSCHUTZ:
            zeile = zuschuss_mutterschaftsgeld(abw, m.tage_im_monat(abw), e.vorgeschichte, hinweise)
            if zeile is not None:
                zeilen.append(zeile)
    zeilen.extend(_einmalzahlungen(e, entgelt))
    zeilen.extend(_sachbezuege(e, m, entgelt, hinweise))
    lohnarten = [z.lohnart for z in zeilen]

    brutto = sum((z.betrag for z in lohnarten if z.gesamtbrutto), NULL)
    laufend_steuer = sum((z.betrag for z in lohnarten if z.steuerbrutto and not z.einmalig), NULL)
    sonstige = sum((z.betrag for z in lohnarten if z.steuerbrutto and z.einmalig), NULL)
    sv_brutto = sum((z.betrag for z in lohnarten if z.sv_brutto), NULL)
    einmal_sv = sum((z.betrag for z in lohnarten if z.sv_brutto and z.einmalig), NULL)
    einmal = sum((z.betrag for z in lohnarten if z.einmalig), NULL)
    sachbezuege = sum((z.betrag for z in lohnarten if z.schluessel == SACHBEZUG), NULL)
    zuschuss = sum((z.betrag for z in lohnarten if z.schluessel == ZUSCHUSS), NULL)

    _mindestlohn(e, m, entgelt, hinweise)

    arbeitstage = len(entgelt.arbeitstage | entgelt.ausfalltage)
    annahmen = jahresannahmen(e, sv_brutto - einmal_sv, einmal_sv, arbeitstage, hinweise)
    abz = berechne_abzuege(
        e,
        Bemessung(
            sv_brutto=sv_brutto,
            einmal_sv=einmal_sv,
            steuerbrutto=laufend_steuer,
            sonstige_bezuege=sonstige,
            stunden=entgelt.arbeit + entgelt.bereitschaft + entgelt.ausfall_arbeit + entgelt.ausfall_bereitschaft,
            arbeitstage=arbeitstage,
            wochenstunden=(entgelt.arbeit + entgelt.bereitschaft) * 7 / m.tage,
            sv_tage=_sv_tage(m, abwesenheiten, efzg, entgeltersatz=True, ohne_sv=ohne_sv),
            sv_tage_geringfuegig=_sv_tage(m, abwesenheiten, efzg, entgeltersatz=False),
            steuertage=None if m.ganzer_monat else (m.bis - m.von).days + 1,
        ),
        annahmen,
        m.erster,
    )
    kl, bt = abz.klassifikation, abz.beitraege
    art = kl.art
    sv_tage = abz.sv_tage
    if ohne_sv and art not in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG):
        hinweise.append(_hinweis_ohne_beschaeftigung(ohne_sv))
    hinweis_prognose_gebrochen(e, art is Beschaeftigungsart.MINIJOB, annahmen, hinweise)
    vorjahr_kv = abz.vorjahr.kv.bemessung if abz.vorjahr is not None else NULL
    vorjahr_rv = abz.vorjahr.rv.bemessung if abz.vorjahr is not None else NULL
    hinweise[:0] = kl.hinweise
    hinweise.extend(abz.hinweise)

    netto = brutto - abz.lohnsteuer - abz.solidaritaetszuschlag - abz.kirchensteuer - bt.an_gesamt
    vorschuesse = sum((v.betrag for v in e.vorschuesse), NULL)
    verrechnungen = sum((v.betrag for v in e.verrechnungen), NULL)
    auszahlung = netto - sachbezuege - vorschuesse + verrechnungen
    if auszahlung < 0:
        hinweise.append(
            Hinweis(
                "AUSZAHLUNG_NEGATIV",
                Schwere.WARNUNG,
                f"Der Auszahlungsbetrag ist negativ ({format_eur(auszahlung)}): Sachbezüge und Vorschüsse übersteigen "
                "das Nettoentgelt. Bitte mit der Assistenzkraft klären (Pfändungsgrenzen beachten).",
                "§ 107 Abs. 2 GewO, § 394 BGB",
            )
        )
    arbeitgeberkosten = brutto + bt.ag_gesamt + abz.pauschsteuer

    fortzahlungen = _fortzahlungen(abwesenheiten, efzg, m, entgelt, zeilen, bt, sv_brutto - einmal_sv)
    kosten = _kosten(zeilen, entgelt, arbeitgeberkosten - brutto)
    diesen_monat = Jahreswerte(
        brutto=brutto,
        steuerbrutto=laufend_steuer,
        sonstige_bezuege=sonstige,
        steuerfreie_bezuege=entgelt.steuerfrei,
        zuschuss_mutterschaftsgeld=zuschuss,
        lohnsteuer=abz.lohnsteuer,
        solidaritaetszuschlag=abz.solidaritaetszuschlag,
        kirchensteuer=abz.kirchensteuer,
        pauschsteuer=abz.pauschsteuer,
        kv_an=bt.kv_an,
        pv_an=bt.pv.an,
        rv_an=bt.rv.an,
        av_an=bt.av.an,
        kv_ag=bt.kv_ag,
        pv_ag=bt.pv.ag,
        rv_ag=bt.rv.ag,
        av_ag=bt.av.ag,
        umlage_u1=bt.umlage_u1,
        umlage_u2=bt.umlage_u2,
        insolvenzgeldumlage=bt.insolvenzgeldumlage,
        unfallversicherung=bt.unfallversicherung,
        netto=netto,
        sachbezuege=sachbezuege,
        auszahlung=auszahlung,
        arbeitgeberkosten=arbeitgeberkosten,
        einmalzahlungen=einmal,
        sv_tage=sv_tage,
        entgelt_kv=bt.kv.bemessung - vorjahr_kv if art is not Beschaeftigungsart.MINIJOB else NULL,
        entgelt_rv=bt.rv.bemessung - vorjahr_rv,
        arbeitstage=arbeitstage,
    )
    return Monatsergebnis(
        id=e.person.personalnummer,
        beschaeftigung=art,
        hinweise=_eindeutig(hinweise),
        stunden=entgelt.arbeit.quantize(STUNDEN),
        bereitschaftsstunden=entgelt.bereitschaft.quantize(STUNDEN),
        brutto=brutto,
        steuerfreie_zuschlaege=entgelt.steuerfrei,
        steuerbrutto=laufend_steuer + sonstige,
        sv_brutto=sv_brutto,
        lohnsteuer=abz.lohnsteuer,
        solidaritaetszuschlag=abz.solidaritaetszuschlag,
        kirchensteuer=abz.kirchensteuer,
        kv_an=bt.kv_an,
        pv_an=bt.pv.an,
        rv_an=bt.rv.an,
        av_an=bt.av.an,
        netto=netto,
        kv_ag=bt.kv_ag,
        pv_ag=bt.pv.ag,
        rv_ag=bt.rv.ag,
        av_ag=bt.av.ag,
        umlage_u1=bt.umlage_u1,
        umlage_u2=bt.umlage_u2,
        insolvenzgeldumlage=bt.insolvenzgeldumlage,
        pauschsteuer=abz.pauschsteuer,
        unfallversicherung=bt.unfallversicherung,
        arbeitgeberkosten=arbeitgeberkosten,
        begruendung=kl.gruende,
        grundverguetung=entgelt.grundverguetung,
        zuschlaege=entgelt.zuschlaege,
        lohnfortzahlung=entgelt.lohnfortzahlung,
        einmalzahlungen=einmal,
        jahr=e.jahr,
        monat=e.monat,
        assistenzkraft_id=pid,
        name=e.person.name,
        lohnarten=tuple(lohnarten),
        abzuege=tuple(abz.an),
        arbeitgeberanteile=tuple(abz.ag),
        sachbezuege=sachbezuege,
        vorschuesse=vorschuesse,
        verrechnungen=verrechnungen,
        auszahlung=auszahlung,
        beitragsgruppe=_beitragsgruppe(art, kl.zweige, e),
        personengruppe=_personengruppe(art, kl.werkstudent),
        einzugsstelle=_einzugsstelle(art, e),
        haushaltsscheck=kl.haushaltsscheck,
        sv_tage=sv_tage,
        steuertage=(m.bis - m.von).days + 1,
        uebergangsbereich=art is Beschaeftigungsart.MIDIJOB
        and bt.beitragspflichtige_einnahme != bt.beitragspflichtige_einnahme_an,
        beitragspflichtige_einnahme=bt.beitragspflichtige_einnahme,
        beitragspflichtige_einnahme_an=bt.beitragspflichtige_einnahme_an,
        kv_entgelt=diesen_monat.entgelt_kv,
        rv_entgelt=diesen_monat.entgelt_rv,
        u1_basis=bt.umlage_basis if bt.umlage_u1 else NULL,
        u2_basis=bt.umlage_basis,
        insolvenzgeld_basis=bt.insolvenzgeld_basis,
        laufendes_steuerbrutto=laufend_steuer,
        sonstige_bezuege=sonstige,
        einmalzahlung_vorjahr=vorjahr_rv if art is Beschaeftigungsart.SV_PFLICHTIG else NULL,
        zuschuss_mutterschaftsgeld=zuschuss,
        minijob_ueberschreitung=any(h.code == "MINIJOB_GELEGENTLICH_UEBERSCHRITTEN" for h in kl.hinweise),
        arbeitstage=arbeitstage,
        fortzahlungen=fortzahlungen,
        kosten=kosten,
        tagesverdienste=entgelt.tagesverdienste,
        zeitkonto=konto,
        jahreswerte=e.vorgeschichte.jahreswerte.plus(diesen_monat),
        kv_zusatzbeitrag_an=bt.kv_zusatz.an,
        kv_zusatzbeitrag_ag=bt.kv_zusatz.ag,
        pauschsteuer_soli=abz.pauschsteuer_soli,
        pauschsteuer_kirchensteuer=abz.pauschsteuer_kirchensteuer,
        vorgeschichte_bekannt=e.vorgeschichte.bekannt,
    )


# --------------------------------------------------------------------------------------------------------
# Pieces of the month
# --------------------------------------------------------------------------------------------------------


def _hinweis_monatsgrenze(e: Monatseingabe, m: _Monat, hinweise: list[Hinweis]) -> None:
    pid = e.person.assistenzkraft_id
    start = tagesbeginn(m.erster).astimezone(UTC)
    stopp = tagesbeginn(m.letzter + timedelta(days=1)).astimezone(UTC)
    for s in e.schichten:
        if pid not in (s.assistenzkraft_id, s.vertretung_fuer):
            continue
        beginn, ende = s.beginn_utc, s.ende_utc
        if start < ende and beginn < stopp and (beginn < start or ende > stopp):
            hinweise.append(
                Hinweis(
                    "SCHICHT_MONATSGRENZE",
                    Schwere.INFO,
                    "Eine Schicht reicht über die Monatsgrenze; berücksichtigt ist nur der Teil in diesem Monat.",
                    "§ 38a Abs. 1 EStG (Lohnzahlungszeitraum)",
                )
            )
            return


def _unbezahlte_tage(abwesenheiten: Iterable[Abwesenheit], efzg: Entgeltfortzahlung, m: _Monat) -> set[date]:
    """Calendar days of the month without pay: unpaid kinds, and sick days outside the EFZG."""
    tage: set[date] = set()
    for abw in abwesenheiten:
        for tag in m.tage_im_monat(abw):
            if abw.art in UNBEZAHLT or (abw.art is Abwesenheitsart.KRANK and not efzg.bezahlt(abw, tag)):
                tage.add(tag)
    return tage


def _sv_tage(
    m: _Monat,
    abwesenheiten: Iterable[Abwesenheit],
    efzg: Entgeltfortzahlung,
    *,
    entgeltersatz: bool,
    ohne_sv: Iterable[date] = (),
) -> int:
    """SV-Tage: 30 for a whole month; else the calendar days employed (§ 223 Abs. 2 SGB V). With `entgeltersatz`
    (insured through this job): without the days with Krankengeld, Kinderkrankengeld or Mutterschaftsgeld
    (beitragsfrei, § 224 SGB V), and without `ohne_sv`, the days of unpaid leave after its first month, when the
    employment has ended for the SV (§ 7 Abs. 3 Satz 1 SGB IV; see core.abrechnung.unbezahlt). A Minijob or
    kurzfristige Beschäftigung has no such benefit from this job: its unpaid days count (§ 7 Abs. 3 SGB IV; the end
    after one month is not applied to them yet, see core.abrechnung.unbezahlt)."""
    frei: set[date] = set(ohne_sv) if entgeltersatz else set()
    for abw in abwesenheiten if entgeltersatz else ():
        for tag in m.tage_im_monat(abw):
            if abw.art in ENTGELTERSATZ or (abw.art is Abwesenheitsart.KRANK and not efzg.bezahlt(abw, tag)):
                frei.add(tag)
    if m.ganzer_monat and not frei:
        return 30
    return (m.bis - m.von).days + 1 - len(frei)


def _hinweis_ohne_beschaeftigung(ohne_sv: dict[date, date]) -> Hinweis:
    tage = anzahl(len(ohne_sv), "Kalendertag", "Kalendertage")
    return Hinweis(
        "UNBEZAHLT_UEBER_EINEN_MONAT",
        Schwere.INFO,
        "Der unbezahlte Urlaub dauert länger als einen Monat, daher endet die versicherungspflichtige Beschäftigung "
        f"am {fmt_tag(ohne_sv[min(ohne_sv)])}: Die SV-Tage dieses Monats sind um {tage} gekürzt (Abmeldung mit "
        "Grund 34, bei Wiederaufnahme der Arbeit Anmeldung mit Grund 13).",
        "§ 7 Abs. 3 Satz 1 SGB IV; §§ 6, 8 DEÜV",
    )


def _ersatz_ohne_schichten(
    e: Monatseingabe,
    m: _Monat,
    abwesenheiten: Sequence[Abwesenheit],
    efzg: Entgeltfortzahlung,
    entgelt: Entgelt,
    hinweise: list[Hinweis],
) -> None:
    """Paid absence days without any listed shift: average pay per calendar day of the rest of the month."""
    if all(v.lohnform is Lohnform.MONATSLOHN for v in m.vertraege):
        return
    mit_zeile = {z.lohnart.abwesenheit_id for z in entgelt.zeilen if z.lohnart.abwesenheit_id is not None}
    abwesend = {t for a in abwesenheiten for t in m.tage_im_monat(a)}
    ohne: list[tuple[Abwesenheit, list[date]]] = []
    for abw in abwesenheiten:
        if abw.art not in FORTZAHLUNG or abw.art is Abwesenheitsart.FEIERTAG or abw.id in mit_zeile:
            continue  # a holiday without a planned shift makes nothing fall out (§ 2 EFZG)
        tage = [t for t in m.tage_im_monat(abw) if efzg.bezahlt(abw, t)]
        if tage and not any(abw.umfasst(t) for t in entgelt.ausfalltage):
            ohne.append((abw, tage))
    if not ohne:
        return
    uebrige_tage = m.tage - len(abwesend)
    je_tag = entgelt.grundverguetung / uebrige_tage if uebrige_tage > 0 else NULL
    summe = NULL
    zahl_tage = 0
    for abw, tage in ohne:
        entgelt.geschaetzt.add(abw.id)
        nr, text = FORTZAHLUNG[abw.art]
        betrag = cent(je_tag * len(tage))
        summe += betrag
        zahl_tage += len(tage)
        entgelt.zeilen.append(
            Zeile(
                Lohnart(
                    nr,
                    f"{text} {tage[0]:%d.%m.}–{tage[-1]:%d.%m.} (Durchschnitt)",
                    Decimal(len(tage)),
                    None,
                    betrag,
                    einheit="Tage",
                    abwesenheit_id=abw.id,
                ),
                dict(entgelt.stunden_je_leistungsart) or {None: Decimal(1)},
            )
        )
    hinweise.append(
        Hinweis(
            "ABWESENHEIT_OHNE_SCHICHTEN",
            Schwere.WARNUNG,
            f"Für {anzahl(zahl_tage, 'Abwesenheitstag', 'Abwesenheitstage')} ohne eingetragene Schicht ist keine "
            "ausgefallene Arbeitszeit bekannt. "
            f"Angesetzt ist der Durchschnitt je Kalendertag der übrigen Tage dieses Monats ({format_eur(je_tag)}, "
            f"zusammen {format_eur(summe)}) anstelle des Durchschnitts der letzten 13 Wochen. Bitte tragen Sie die "
            "geplanten Schichten ein, dann wird nach dem Lohnausfallprinzip gerechnet.",
            "§ 4 EFZG, § 11 BUrlG",
        )
    )


def _mutterschutzlohn(
    e: Monatseingabe, m: _Monat, abwesenheiten: Sequence[Abwesenheit], entgelt: Entgelt, hinweise: list[Hinweis]
) -> None:
    """A Beschäftigungsverbot is paid by the average of § 18 MuSchG (core.abrechnung.mutterschutz), not by the shifts
    that fell out: their lines (pay and surcharges) give way to one line "Mutterschutzlohn" per absence."""
    if all(v.lohnform is Lohnform.MONATSLOHN for v in m.vertraege):
        return  # the salary goes on; it is the average unless it changed
    nr, text = FORTZAHLUNG[Abwesenheitsart.BESCHAEFTIGUNGSVERBOT]
    for abw in abwesenheiten:
        if abw.art is not Abwesenheitsart.BESCHAEFTIGUNGSVERBOT:
            continue
        tage = m.tage_im_monat(abw)
        if not tage:
            continue
        je_tag = mutterschutzlohn_je_tag(abw, e.vorgeschichte, hinweise)
        if je_tag is None:
            continue
        alte = [
            z
            for z in entgelt.zeilen
            if z.lohnart.abwesenheit_id == abw.id and z.lohnart.schluessel in (nr, ZUSCHLAG_AUSFALL)
        ]
        verteilung: dict[str | None, Decimal] = {}
        for z in alte:
            for k, w in z.verteilung.items():
                verteilung[k] = verteilung.get(k, NULL) + w
        entgelt.zeilen[:] = [z for z in entgelt.zeilen if all(z is not a for a in alte)]
        entgelt.zeilen.append(
            Zeile(
                Lohnart(
                    nr,
                    f"{text} {tage[0]:%d.%m.}–{tage[-1]:%d.%m.} (Durchschnitt, § 18 MuSchG)",
                    Decimal(len(tage)),
                    je_tag,
                    je_tag * len(tage),
                    einheit="Tage",
                    abwesenheit_id=abw.id,
                ),
                verteilung or dict(entgelt.stunden_je_leistungsart) or {None: Decimal(1)},
            )
        )
        entgelt.geschaetzt.discard(abw.id)


def _zeitkonto(
    e: Monatseingabe,
    m: _Monat,
    abwesenheiten: Iterable[Abwesenheit],
    efzg: Entgeltfortzahlung,
    entgelt: Entgelt,
    monatslohn_tage: Callable[[Vertragsdaten], MonatslohnTage],
    hinweise: list[Hinweis],
) -> Zeitkonto | None:
    vertraege = []
    for v in m.vertraege:
        if v.lohnform is Lohnform.MONATSLOHN:
            tage = monatslohn_tage(v)
            vertraege.append((v, tage.vertragstage - tage.unbezahlt))
    if not any(v.wochenstunden for v, _ in vertraege):
        return None
    ohne_schicht = {
        t
        for a in abwesenheiten
        if a.art.fortgezahlt
        for t in m.tage_im_monat(a)
        if efzg.bezahlt(a, t) and t not in entgelt.ausfalltage
    }
    letzter_vertrag = next(v for v, _ in reversed(vertraege) if v.wochenstunden)
    wochenstunden = vorhanden(letzter_vertrag.wochenstunden, "die Wochenstunden des Vertrags")
    return zeitkonto(
        vertraege,
        m.tage,
        sum(entgelt.stunden_je_leistungsart.values(), NULL),
        len(ohne_schicht),
        e.vorgeschichte.zeitkonto_saldo,
        austritt=e.person.austritt,
        letzter=m.letzter,
        stundensatz=letzter_vertrag.satz / (wochenstunden * WOCHEN_JE_MONAT),
        hinweise=hinweise,
    )


def _pruefe_feiertage(
    e: Monatseingabe, m: _Monat, abwesenheiten: Iterable[Abwesenheit], hinweise: list[Hinweis]
) -> None:
    """An absence "Feiertag" is for shifts that fall out because of a public holiday at the place of work."""
    land, katholisch = e.arbeitgeber.bundesland, e.arbeitgeber.katholisch
    for abw in abwesenheiten:
        if abw.art is not Abwesenheitsart.FEIERTAG:
            continue
        kein = [t for t in m.tage_im_monat(abw) if feiertag(land, t, katholisch=katholisch) is None]
        if kein:
            tage = ", ".join(f"{t:%d.%m.%Y}" for t in kein)
            hinweise.append(
                Hinweis(
                    "FEIERTAG_KEIN_FEIERTAG",
                    Schwere.WARNUNG,
                    f"Als „Feiertag“ eingetragen, aber kein gesetzlicher Feiertag am Arbeitsort: {tage}. "
                    "Feiertagsvergütung gibt es nur für Arbeit, die wegen eines Feiertags ausfällt; bitte die "
                    "Abwesenheit prüfen (sonst z. B. Urlaub oder unbezahlt).",
                    "§ 2 Abs. 1 EFZG",
                )
            )


# --------------------------------------------------------------------------------------------------------
# One-offs, pay in kind
# --------------------------------------------------------------------------------------------------------


def _einmalzahlungen(e: Monatseingabe, entgelt: Entgelt) -> list[Zeile]:
    verteilung = dict(entgelt.stunden_je_leistungsart) or {None: Decimal(1)}
    return [
        Zeile(
            Lohnart(
                EINMAL, EINMALTEXT.get(z.art, z.art.replace("_", " ").capitalize()), None, None, z.betrag, einmalig=True
            ),
            verteilung,
        )
        for z in e.einmalzahlungen
    ]


def _sachbezuege(e: Monatseingabe, m: _Monat, entgelt: Entgelt, hinweise: list[Hinweis]) -> list[Zeile]:
    verteilung = dict(entgelt.stunden_je_leistungsart) or {None: Decimal(1)}
    zeilen = []
    for s in e.sachbezuege:
        wert, text = _sachbezugswert(s, m, hinweise)
        wert = max(wert - s.zuzahlung, NULL)
        if wert:
            zeilen.append(Zeile(Lohnart(SACHBEZUG, text, None, None, wert), verteilung))
    return zeilen


def _sachbezugswert(s: Sachbezug, m: _Monat, hinweise: list[Hinweis]) -> tuple[Decimal, str]:
    """§ 2 SvEV: the month's value; for fewer days 1/30 per day, reductions on the day value, 2 places each."""
    if s.art == "sonstig":
        return vorhanden(s.wert, "der Wert des Sachbezugs"), s.text or "Sachbezug"
    schluessel = "sachbezug_unterkunft_monat" if s.art == "unterkunft" else "sachbezug_verpflegung_monat"
    monat = regelwert(schluessel, m.erster, hinweise=hinweise).wert
    faktor = Decimal(1)
    if s.art == "unterkunft" and s.im_haushalt:
        abschlag = regelwert("sachbezug_unterkunft_haushalt_abschlag_prozent", m.erster, hinweise=hinweise).wert
        faktor -= abschlag / HUNDERT
    name = "Unterkunft" + (" (im Haushalt der Arbeitgeberin)" if s.art == "unterkunft" and s.im_haushalt else "")
    if s.art == "verpflegung":
        name = "Verpflegung"
    if s.tage is None:
        return cent(monat * faktor), f"Sachbezug {name}"
    tageswert = cent(cent(monat / 30) * faktor)
    return tageswert * s.tage, f"Sachbezug {name}, {anzahl(s.tage, 'Tag', 'Tage')} à {format_eur(tageswert)}"


# --------------------------------------------------------------------------------------------------------
# Checks and history
# --------------------------------------------------------------------------------------------------------


def _mindestlohn(e: Monatseingabe, m: _Monat, entgelt: Entgelt, hinweise: list[Hinweis]) -> None:
    """BAG 29.06.2016 – 5 AZR 716/15: the Mindestlohn is owed for work plus standby in the month."""
    stunden_gesamt = entgelt.arbeit + entgelt.bereitschaft
    verguetung = entgelt.grundverguetung
    if any(v.lohnform is Lohnform.MONATSLOHN for v in m.vertraege):
        stunden_gesamt += entgelt.ausfall_arbeit + entgelt.ausfall_bereitschaft
    if not stunden_gesamt:
        return
    ml = regelwert("mindestlohn_stunde", m.erster).wert
    soll = cent(stunden_gesamt * ml)
    rg = "§ 1 MiLoG; BAG 29.06.2016 – 5 AZR 716/15"
    if verguetung >= soll:
        hinweise.append(
            Hinweis(
                "MINDESTLOHN_OK",
                Schwere.INFO,
                f"Mindestlohn eingehalten: {format_eur(verguetung)} für {format_zahl(stunden_gesamt)} Stunden "
                f"Arbeit und Bereitschaft (mindestens {format_eur(soll)} bei {format_eur(ml)} je Stunde).",
                rg,
            )
        )
    else:
        hinweise.append(
            Hinweis(
                "MINDESTLOHN_UNTERSCHRITTEN",
                Schwere.FEHLER,
                f"Mindestlohn unterschritten: {format_eur(verguetung)} für {format_zahl(stunden_gesamt)} Stunden "
                f"Arbeit und Bereitschaft, nötig sind {format_eur(soll)} ({format_eur(ml)} je Stunde). Es fehlen "
                f"{format_eur(soll - verguetung)}; bitte Bereitschaftsgewichtung oder Lohn anpassen.",
                rg,
            )
        )


# --------------------------------------------------------------------------------------------------------
# Claims, budget, report keys
# --------------------------------------------------------------------------------------------------------


def _fortzahlungen(
    abwesenheiten: Iterable[Abwesenheit],
    efzg: Entgeltfortzahlung,
    m: _Monat,
    entgelt: Entgelt,
    zeilen: Sequence[Zeile],
    bt: Beitraege,
    laufend_sv: Decimal,
) -> tuple[Fortzahlung, ...]:
    ergebnis = []
    for abw in abwesenheiten:
        if abw.art not in ANLASS:
            continue
        tage = [t for t in m.tage_im_monat(abw) if efzg.bezahlt(abw, t)]
        if abw.art is Abwesenheitsart.MUTTERSCHUTZ:
            tage = m.tage_im_monat(abw)
        betrag = sum(
            (
                z.lohnart.betrag
                for z in zeilen
                if z.lohnart.abwesenheit_id == abw.id and z.lohnart.schluessel != ZUSCHUSS
            ),
            NULL,
        )
        betrag += cent(entgelt.fortzahlung_je_abwesenheit.get(abw.id, NULL))
        zuschuss = sum(
            (
                z.lohnart.betrag
                for z in zeilen
                if z.lohnart.abwesenheit_id == abw.id and z.lohnart.schluessel == ZUSCHUSS
            ),
            NULL,
        )
        # No planned shift and nothing paid for a sick day or a Beschäftigungsverbot (a Monatslohn just goes on):
        # listed all the same, so that the claim is found and reported as incomplete instead of missing.
        unbekannt = not (betrag or zuschuss) and abw.art is not Abwesenheitsart.MUTTERSCHUTZ
        if not tage or not (betrag or zuschuss or unbekannt):
            continue
        anteil = betrag / laufend_sv if laufend_sv else NULL
        verfahren, anlass = ANLASS[abw.art]
        ergebnis.append(
            Fortzahlung(
                abwesenheit_id=abw.id,
                art=abw.art.value,
                verfahren=verfahren,
                anlass=anlass,
                von=tage[0],
                bis=tage[-1],
                tage=len(tage),
                stunden=entgelt.ausfallstunden_je_abwesenheit.get(abw.id, NULL).quantize(STUNDEN),
                fortgezahltes_entgelt=betrag,
                zuschuss_mutterschaftsgeld=zuschuss,
                kv_ag=cent(bt.kv_ag * anteil),
                pv_ag=cent(bt.pv.ag * anteil),
                rv_ag=cent(bt.rv.ag * anteil),
                av_ag=cent(bt.av.ag * anteil),
                ohne_schichten=unbekannt or abw.id in entgelt.geschaetzt,
            )
        )
    return tuple(ergebnis)


def _verteile(betrag: Decimal, gewichte: Verteilung) -> dict[str | None, Decimal]:
    """Split an amount in cents by weights; the cents left by rounding go to the largest remainders."""
    summe = sum(gewichte.values(), NULL)
    if not gewichte or not summe:
        return {None: betrag}
    cents = int((betrag * 100).to_integral_value())
    roh = {k: Decimal(cents) * w / summe for k, w in gewichte.items()}
    ganz = {k: int(v.to_integral_value(rounding="ROUND_FLOOR")) for k, v in roh.items()}
    rest = cents - sum(ganz.values())
    for k in sorted(roh, key=lambda k: (roh[k] - ganz[k], str(k)), reverse=True)[: max(rest, 0)]:
        ganz[k] += 1
    return {k: Decimal(v) / 100 for k, v in ganz.items()}


def _kosten(zeilen: Sequence[Zeile], entgelt: Entgelt, ag_abgaben: Decimal) -> tuple[Kostenanteil, ...]:
    brutto: dict[str | None, Decimal] = {}
    for z in zeilen:
        if not z.lohnart.gesamtbrutto:
            continue
        for k, v in _verteile(z.lohnart.betrag, z.verteilung).items():
            brutto[k] = brutto.get(k, NULL) + v
    if not brutto:
        return ()
    ag = _verteile(ag_abgaben, {k: v for k, v in brutto.items() if v} or {None: Decimal(1)})
    stunden = entgelt.stunden_je_leistungsart
    schluessel = sorted(set(brutto) | set(ag), key=lambda k: (k is None, k or ""))
    return tuple(
        Kostenanteil(
            leistungsart=k,
            stunden=stunden.get(k, NULL).quantize(STUNDEN),
            brutto=brutto.get(k, NULL),
            arbeitgeberkosten=brutto.get(k, NULL) + ag.get(k, NULL),
        )
        for k in schluessel
    )


def _beitragsgruppe(art: Beschaeftigungsart, zweige: frozenset[Zweig], e: Monatseingabe) -> str:
    """Beitragsgruppenschlüssel KV-RV-AV-PV (Gemeinsames Rundschreiben Meldeverfahren, Anlage 1)."""
    if art is Beschaeftigungsart.KURZFRISTIG:
        return "0000"
    if art is Beschaeftigungsart.MINIJOB:
        kv = "6" if e.kasse is not None else "0"
        rv = "5" if e.person.rv_befreiung else "1"
        return f"{kv}{rv}00"
    return "".join(
        "1" if z in zweige and (e.kasse is not None or z in (Zweig.RV, Zweig.AV)) else "0"
        for z in (Zweig.KV, Zweig.RV, Zweig.AV, Zweig.PV)
    )


def _personengruppe(art: Beschaeftigungsart, werkstudent: bool) -> str:
    """Personengruppenschlüssel (DEÜV): 101 SV-pflichtig, 106 Werkstudent, 109 Minijob, 110 kurzfristig."""
    if art is Beschaeftigungsart.MINIJOB:
        return "109"
    if art is Beschaeftigungsart.KURZFRISTIG:
        return "110"
    return "106" if werkstudent else "101"


def _einzugsstelle(art: Beschaeftigungsart, e: Monatseingabe) -> str:
    if art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG):
        return "Minijob-Zentrale"
    kasse = e.kasse if e.kasse is not None else e.umlagekasse
    return kasse.name if kasse is not None else ""


def _eindeutig(hinweise: Sequence[Hinweis]) -> tuple[Hinweis, ...]:
    gesehen: set[tuple[str, str]] = set()
    ergebnis = []
    for h in hinweise:
        if (h.code, h.text) not in gesehen:
            gesehen.add((h.code, h.text))
            ergebnis.append(h)
    return tuple(ergebnis)
