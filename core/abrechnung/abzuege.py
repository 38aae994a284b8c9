"""Classification, social-insurance contributions and taxes of one month, with German explanations per deduction.

Thin glue over the pure rules (core.regeln.klassifikation, beitraege, steuer): it decides which inputs they get and
turns their results into the payslip's deduction lines (`Abzug`), each with its base, rate and legal source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.abrechnung.modell import Abzug, Monatseingabe
from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import landeskuerzel
from core.fehler import EingabeFehler
from core.regeln import steuer
from core.regeln.beitraege import Beitraege, BeitragsEingabe, BisherImJahr, berechne_beitraege
from core.regeln.klassifikation import (
    BEZEICHNUNG,
    Befristung,
    Beschaeftigungsart,
    Klassifikation,
    KlassifikationsEingabe,
    Zweig,
    klassifiziere,
)
from core.regeln.tabellen import regelwert

HUNDERT = Decimal(100)


@dataclass(frozen=True, slots=True)
class Bemessung:
    """The month's pay as the deductions see it."""

    sv_brutto: Decimal  # SV-Arbeitsentgelt incl. one-offs
    einmal_sv: Decimal  # one-offs in it
    steuerbrutto: Decimal  # laufend
    sonstige_bezuege: Decimal  # steuerpflichtige one-offs
    stunden: Decimal  # all paid hours (kurzfristig Pauschsteuer: Ø per hour)
    arbeitstage: int
    wochenstunden: Decimal | None
    sv_tage: int  # without days with Krankengeld etc. (SV-pflichtig, Übergangsbereich)
    sv_tage_geringfuegig: int  # Minijob, kurzfristig: unpaid days count (§ 7 Abs. 3 SGB IV)


@dataclass(frozen=True, slots=True)
class Annahmen:
    """Inputs for the rules that come from the year so far (Vorgeschichte) or from the scenario's assumptions."""

    jahresprognose: Decimal | None = None  # forecast annual SV pay (Minijob/Übergangsbereich)
    ueberschreitung_unvorhersehbar: bool = False
    fruehere_ueberschreitungen: int = 0
    vorbeschaeftigung_tage: int = 0
    bisher_im_jahr: BisherImJahr | None = None
    bisheriger_arbeitslohn: Decimal | None = None  # steuerpflichtig this year before the month (JRE4)


@dataclass
class Abzuege:
    klassifikation: Klassifikation
    beitraege: Beitraege
    sv_tage: int
    lohnsteuer: Decimal = NULL
    solidaritaetszuschlag: Decimal = NULL
    kirchensteuer: Decimal = NULL
    pauschsteuer: Decimal = NULL
    an: list[Abzug] = field(default_factory=list)
    ag: list[Abzug] = field(default_factory=list)
    hinweise: list[Hinweis] = field(default_factory=list)


def befristung_aus_vertrag(e: Monatseingabe) -> Befristung | None:
    """A fixed-term contract (for the kurzfristige Beschäftigung): the contract period with its planned days."""
    vertrag = e.vertraege[-1]
    if vertrag.befristet_bis is None:
        return None
    return Befristung(vertrag.beginn, vertrag.befristet_bis, vertrag.geplante_arbeitstage, vertrag.tage_pro_woche)


def berechne_abzuege(e: Monatseingabe, b: Bemessung, annahmen: Annahmen, erster: date) -> Abzuege:
    hinweise: list[Hinweis] = []
    vertrag = e.vertraege[-1]
    befristung = befristung_aus_vertrag(e)
    laufend_sv = b.sv_brutto - b.einmal_sv
    kl = klassifiziere(
        KlassifikationsEingabe(
            monat=erster,
            monatsentgelt=b.sv_brutto,
            regelmaessiges_monatsentgelt=laufend_sv,
            jahresentgelt_prognose=annahmen.jahresprognose,
            ueberschreitung_unvorhersehbar=annahmen.ueberschreitung_unvorhersehbar,
            fruehere_ueberschreitungsmonate_im_zeitjahr=annahmen.fruehere_ueberschreitungen,
            weitere_beschaeftigungen=e.person.weitere_beschaeftigungen,
            beschaeftigungsbeginn=e.person.eintritt,
            befristung=befristung,
            vorbeschaeftigung_tage_im_jahr=annahmen.vorbeschaeftigung_tage,
            berufsmaessig=e.person.berufsmaessig,
            student=e.person.student,
            wochenstunden=b.wochenstunden,
            privathaushalt=e.arbeitgeber.privathaushalt,
            vorgabe=vertrag.beschaeftigung,
        )
    )
    art = kl.art

    geringfuegig = art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)
    sv_tage = b.sv_tage_geringfuegig if geringfuegig else b.sv_tage
    u1_pflichtig = True
    if art is Beschaeftigungsart.KURZFRISTIG and befristung is not None:
        wochen = regelwert("u1_umlagefrei_bis_wochen", erster).wert
        u1_pflichtig = (befristung.ende - befristung.beginn).days + 1 > wochen * 7
    beitraege = berechne_beitraege(
        BeitragsEingabe(
            monat=erster,
            art=art,
            laufendes_entgelt=laufend_sv,
            geburtsdatum=e.person.geburtsdatum,
            bundesland=e.arbeitgeber.bundesland,
            kasse=e.kasse,
            einmalzahlung=b.einmal_sv,
            zweige=kl.zweige,
            privathaushalt=e.arbeitgeber.privathaushalt,
            kinder_unter_25=e.person.kinder_unter_25,
            elterneigenschaft=e.person.elterneigenschaft,
            rv_befreiung=e.person.rv_befreiung,
            weitere_entgelte_uebergangsbereich=max(kl.gesamtentgelt - kl.regelmaessiges_entgelt, NULL),
            unfallversicherung_prozent=e.arbeitgeber.unfallversicherung_prozent,
            u1_pflichtig=u1_pflichtig,
            sv_tage=sv_tage,
            bisher_im_jahr=annahmen.bisher_im_jahr,
        )
    )
    hinweise.extend(beitraege.hinweise)
    if e.person.rv_befreiung and art is not Beschaeftigungsart.MINIJOB:
        hinweise.append(
            Hinweis(
                "RV_BEFREIUNG_NUR_MINIJOB",
                Schwere.WARNUNG,
                "Eine Befreiung von der Rentenversicherungspflicht gibt es nur im Minijob; sie ist hier ohne Wirkung.",
                "§ 6 Abs. 1b SGB VI",
            )
        )
    ergebnis = Abzuege(kl, beitraege, sv_tage, hinweise=hinweise)
    _steuern(e, b, annahmen, ergebnis, erster)
    _zeilen(e, ergebnis)
    return ergebnis


def _steuermodus(e: Monatseingabe, art: Beschaeftigungsart) -> str:
    ident = e.person.personalnummer
    pauschal = e.person.pauschalsteuer
    if pauschal is None:
        return "2" if art is Beschaeftigungsart.MINIJOB else "individuell"
    if pauschal == "2" and art is not Beschaeftigungsart.MINIJOB:
        raise EingabeFehler(
            f"Assistenzkraft „{ident}“: Die Pauschsteuer von 2 % gibt es nur für Minijobs, die Beschäftigung ist aber "
            f"eine {BEZEICHNUNG[art]}. Bitte pauschalsteuer auf null setzen.",
            feld="pauschalsteuer",
        )
    if pauschal == "25" and art is not Beschaeftigungsart.KURZFRISTIG:
        raise EingabeFehler(
            f"Assistenzkraft „{ident}“: Die Pauschsteuer von 25 % gibt es nur für kurzfristige Beschäftigungen, die "
            f"Beschäftigung ist aber eine {BEZEICHNUNG[art]}. Bitte pauschalsteuer auf null setzen.",
            feld="pauschalsteuer",
        )
    return pauschal


def _steuern(e: Monatseingabe, b: Bemessung, annahmen: Annahmen, a: Abzuege, erster: date) -> None:
    art = a.klassifikation.art
    modus = _steuermodus(e, art)
    if modus == "2":
        p = steuer.pauschsteuer_minijob(e.jahr, e.monat, b.sv_brutto)
        a.hinweise.extend(p.hinweise)
        a.pauschsteuer = p.gesamt
        return
    if modus == "25":
        p = steuer.pauschsteuer_kurzfristig(
            e.jahr,
            e.monat,
            arbeitslohn=b.steuerbrutto + b.sonstige_bezuege,
            arbeitstage=max(b.arbeitstage, 1),
            arbeitsstunden=max(b.stunden, Decimal(1)),
            bundesland=landeskuerzel(e.arbeitgeber.bundesland),
        )
        a.hinweise.extend(p.hinweise)
        if p.zulaessig:
            a.pauschsteuer = p.gesamt
            return
    _individuelle_steuer(e, b, annahmen, a)


def _individuelle_steuer(e: Monatseingabe, b: Bemessung, annahmen: Annahmen, a: Abzuege) -> None:
    kl = a.klassifikation
    art = kl.art
    if art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG):
        kv = steuer.Krankenversicherung.KEINE  # no employee KV/PV contributions from this job
        rv = art is Beschaeftigungsart.MINIJOB and not e.person.rv_befreiung
        av = False
    else:
        kv = steuer.Krankenversicherung.GESETZLICH if e.kasse is not None else steuer.Krankenversicherung.PRIVAT
        rv = Zweig.RV in kl.zweige
        av = Zweig.AV in kl.zweige
        if Zweig.KV not in kl.zweige and e.kasse is not None:
            a.hinweise.append(
                Hinweis(
                    "LST_WERKSTUDENT_KV",
                    Schwere.INFO,
                    "Für die Vorsorgepauschale ist angenommen, dass die Assistenzkraft gesetzlich kranken- und "
                    "pflegeversichert ist (z. B. studentische Versicherung); bitte prüfen.",
                    "§ 39b Abs. 2 Satz 5 Nr. 3 EStG",
                )
            )
    if kv is steuer.Krankenversicherung.PRIVAT:
        a.hinweise.append(
            Hinweis(
                "LST_PKV_BEITRAG_FEHLT",
                Schwere.WARNUNG,
                "Privat versichert: Der Beitrag zur privaten Basis-Kranken- und Pflegeversicherung ist nicht "
                "angegeben und daher bei der Lohnsteuer nicht berücksichtigt.",
                "§ 39b Abs. 2 Satz 5 Nr. 3 EStG",
            )
        )
    merkmale = steuer.Steuermerkmale(
        steuerklasse=e.person.steuerklasse,
        geburtsdatum=e.person.geburtsdatum,
        bundesland=landeskuerzel(e.arbeitgeber.bundesland),
        kinderfreibetraege=e.person.kinderfreibetraege,
        kirchensteuerpflichtig=e.person.kirchensteuer,
        krankenversicherung=kv,
        kv_zusatzbeitrag_prozent=e.kasse.zusatzbeitrag_prozent if e.kasse is not None else NULL,
        elterneigenschaft=e.person.elterneigenschaft,
        kinder_unter_25=e.person.kinder_unter_25,
        rv_pflichtig=rv,
        av_pflichtig=av,
    )
    jahreslohn = None
    if b.sonstige_bezuege:
        if annahmen.bisheriger_arbeitslohn is not None:
            bisher = annahmen.bisheriger_arbeitslohn
        else:
            bisher = b.steuerbrutto * (e.monat - 1)
            a.hinweise.append(
                Hinweis(
                    "LST_SONSTIGER_BEZUG_ANNAHME",
                    Schwere.INFO,
                    "Die Einmalzahlung ist als sonstiger Bezug versteuert. Als bisheriger Arbeitslohn des Jahres ist "
                    "das laufende Entgelt dieses Monats für jeden Vormonat angenommen; bitte mit den echten Vormonaten "
                    "prüfen.",
                    "§ 39b Abs. 3 EStG, R 39b.6 LStR",
                )
            )
        jahreslohn = steuer.voraussichtlicher_jahresarbeitslohn(e.monat, b.steuerbrutto, bisher)
    abzug = steuer.lohnsteuer_monat(
        merkmale,
        e.jahr,
        e.monat,
        b.steuerbrutto,
        sonstige_bezuege=b.sonstige_bezuege,
        voraussichtlicher_jahresarbeitslohn=jahreslohn,
    )
    a.hinweise.extend(abzug.hinweise)
    a.lohnsteuer = abzug.lohnsteuer
    a.solidaritaetszuschlag = abzug.solidaritaetszuschlag
    a.kirchensteuer = abzug.kirchensteuer
    if abzug.kirchensteuer:
        a.an.append(
            Abzug(
                "KIST",
                "Kirchensteuer",
                abzug.kirchensteuer,
                None,
                abzug.kirchensteuer_prozent,
                f"{format_zahl(abzug.kirchensteuer_prozent, None)} % der Lohnsteuer (Bemessungsgrundlage nach PAP).",
                "§ 51a EStG; Kirchensteuergesetz des Landes",
            )
        )


def _zeilen(e: Monatseingabe, a: Abzuege) -> None:
    """The deduction lines in payslip order: taxes, then the SV shares; the employer's charges apart."""
    bt = a.beitraege
    art = a.klassifikation.art
    steuern: list[Abzug] = []
    if a.lohnsteuer:
        steuern.append(
            Abzug(
                "LST",
                "Lohnsteuer",
                a.lohnsteuer,
                None,
                None,
                f"Nach den Lohnsteuerabzugsmerkmalen (Steuerklasse {e.person.steuerklasse}), Programmablaufplan des "
                "Bundesfinanzministeriums.",
                "§§ 38, 39b EStG",
            )
        )
    if a.solidaritaetszuschlag:
        steuern.append(
            Abzug(
                "SOLI",
                "Solidaritätszuschlag",
                a.solidaritaetszuschlag,
                None,
                None,
                "5,5 % der Lohnsteuer oberhalb der Freigrenze.",
                "§§ 3, 4 SolZG 1995",
            )
        )
    a.an[:0] = steuern
    be_text = ""
    if art is Beschaeftigungsart.MIDIJOB:
        be_text = (
            f" Übergangsbereich: beitragspflichtige Einnahme {format_eur(bt.beitragspflichtige_einnahme)}, "
            f"Arbeitnehmeranteil aus {format_eur(bt.beitragspflichtige_einnahme_an)}."
        )
    if art is Beschaeftigungsart.MINIJOB:
        if bt.rv.an:
            a.an.append(
                Abzug(
                    "RV_AN",
                    "Rentenversicherung (Aufstockung)",
                    bt.rv.an,
                    bt.rv.bemessung,
                    None,
                    "Eigenanteil zum Rentenbeitrag im Minijob (Unterschied zum vollen Beitrag).",
                    "§ 168 Abs. 1 Nr. 1b, 1c SGB VI",
                )
            )
    else:
        for schluessel, text, anteil, rg in (
            ("KV_AN", "Krankenversicherung", bt.kv_an, "§§ 241, 242, 249 SGB V"),
            ("PV_AN", "Pflegeversicherung", bt.pv.an, "§§ 55, 58 SGB XI"),
            ("RV_AN", "Rentenversicherung", bt.rv.an, "§§ 157, 158, 168 SGB VI"),
            ("AV_AN", "Arbeitslosenversicherung", bt.av.an, "§§ 341, 346 SGB III"),
        ):
            if anteil:
                bemessung = bt.kv.bemessung if schluessel == "KV_AN" else None
                a.an.append(Abzug(schluessel, text, anteil, bemessung, None, f"Arbeitnehmeranteil.{be_text}", rg))
    for schluessel, text, betrag, rg in (
        (
            "KV_AG",
            "Krankenversicherung" + (" (pauschal)" if art is Beschaeftigungsart.MINIJOB else ""),
            bt.kv_ag,
            "§ 249 SGB V; § 249b SGB V (Minijob)",
        ),
        ("PV_AG", "Pflegeversicherung", bt.pv.ag, "§ 58 SGB XI"),
        (
            "RV_AG",
            "Rentenversicherung" + (" (pauschal)" if art is Beschaeftigungsart.MINIJOB else ""),
            bt.rv.ag,
            "§ 168 SGB VI; § 172 Abs. 3, 3a SGB VI (Minijob)",
        ),
        ("AV_AG", "Arbeitslosenversicherung", bt.av.ag, "§ 346 SGB III"),
        ("U1", "Umlage U1 (Entgeltfortzahlung)", bt.umlage_u1, "§ 7 AAG"),
        ("U2", "Umlage U2 (Mutterschaft)", bt.umlage_u2, "§ 7 AAG"),
        ("INSO", "Insolvenzgeldumlage", bt.insolvenzgeldumlage, "§ 358 SGB III"),
        ("UV", "Unfallversicherung", bt.unfallversicherung, "§ 185 SGB VII; § 2 Abs. 1 Nr. 1 SGB VII"),
        ("PAUSCH", "Pauschsteuer", a.pauschsteuer, "§ 40a EStG"),
    ):
        if betrag:
            a.ag.append(Abzug(schluessel, text, betrag, None, None, "Trägt die Arbeitgeberin.", rg))
