"""Classification, social-insurance contributions and taxes of one month, with German explanations per deduction.

Thin glue over the pure rules (core.regeln.klassifikation, beitraege, steuer): it decides which inputs they get and
turns their results into the payslip's deduction lines (`Abzug`), each with its base, rate and legal source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal

from core.abrechnung.modell import Abzug, Jahreswerte, Monatseingabe
from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import landeskuerzel
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.regeln import steuer
from core.regeln.beitraege import Anteil, Beitraege, BeitragsEingabe, BisherImJahr, berechne_beitraege
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
    steuertage: int | None = None  # calendar days employed, when fewer than the month has


@dataclass(frozen=True, slots=True)
class Annahmen:
    """Inputs for the rules that come from the year so far (Vorgeschichte) or from the scenario's assumptions."""

    jahresprognose: Decimal | None = None  # forecast SV pay of the year's months of employment
    prognose_monate: int = 12
    jahresgrenze: Decimal | None = None  # sum of those months' Minijob limits
    ueberschreitung_unvorhersehbar: bool = False
    fruehere_ueberschreitungen: int = 0
    vorbeschaeftigung_tage: int = 0
    arbeitstage_bisher: int | None = None  # this employer, this calendar year, before the month
    bisher_im_jahr: BisherImJahr | None = None
    vorjahr: Jahreswerte | None = None  # last calendar year's totals (§ 23a Abs. 4 SGB IV)
    bisheriger_arbeitslohn: Decimal | None = None  # steuerpflichtig this year before the month (JRE4)
    monate_vorher: int | None = None  # without history: months of employment this year before the month


@dataclass
class Abzuege:
    klassifikation: Klassifikation
    beitraege: Beitraege
    sv_tage: int
    vorjahr: Beitraege | None  # contributions on a one-off assigned to last December (March clause)
    lohnsteuer: Decimal = NULL
    solidaritaetszuschlag: Decimal = NULL
    kirchensteuer: Decimal = NULL
    pauschsteuer: Decimal = NULL
    pauschsteuer_soli: Decimal = NULL  # parts of `pauschsteuer` (25 %: Lohnsteuer-Anmeldung Kz 49 and 47)
    pauschsteuer_kirchensteuer: Decimal = NULL
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
    if befristung is not None and befristung.arbeitstage is not None and annahmen.arbeitstage_bisher is not None:
        gearbeitet = annahmen.arbeitstage_bisher + b.arbeitstage
        if gearbeitet > befristung.arbeitstage:
            befristung = replace(befristung, arbeitstage=gearbeitet)
            hinweise.append(
                Hinweis(
                    "KURZFRISTIG_MEHR_ARBEITSTAGE",
                    Schwere.WARNUNG,
                    f"Schon {anzahl(gearbeitet, 'Arbeitstag', 'Arbeitstage')} in diesem Kalenderjahr, mehr als die "
                    "geplanten; gezählt werden "
                    "die tatsächlichen.",
                    "§ 8 Abs. 1 Nr. 2 SGB IV; Geringfügigkeits-Richtlinien B 2.3",
                )
            )
    laufend_sv = b.sv_brutto - b.einmal_sv
    kl = klassifiziere(
        KlassifikationsEingabe(
            monat=erster,
            monatsentgelt=b.sv_brutto,
            regelmaessiges_monatsentgelt=laufend_sv,
            jahresentgelt_prognose=annahmen.jahresprognose,
            prognose_monate=annahmen.prognose_monate,
            jahresgrenze=annahmen.jahresgrenze,
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
    eingabe = BeitragsEingabe(
        monat=erster,
        art=art,
        laufendes_entgelt=laufend_sv,
        geburtsdatum=e.person.geburtsdatum,
        bundesland=e.arbeitgeber.bundesland,
        kasse=e.kasse,
        umlagekasse=e.umlagekasse,
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
    vorjahr_beitraege = _maerzklausel(eingabe, kl.zweige, annahmen, hinweise)
    if vorjahr_beitraege is None:
        beitraege = berechne_beitraege(eingabe)
    else:
        beitraege = summe_beitraege(berechne_beitraege(replace(eingabe, einmalzahlung=NULL)), vorjahr_beitraege)
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
    ergebnis = Abzuege(kl, beitraege, sv_tage, vorjahr_beitraege, hinweise=hinweise)
    _steuern(e, b, annahmen, ergebnis, erster)
    _zeilen(e, ergebnis)
    return ergebnis


def _maerzklausel(
    eingabe: BeitragsEingabe, zweige: frozenset[Zweig], annahmen: Annahmen, hinweise: list[Hinweis]
) -> Beitraege | None:
    """§ 23a Abs. 4 SGB IV: a one-off paid from January to March that does not fit into this year's pro-rata annual
    BBG (KV's for the KV-insured, else RV's) belongs to last December — if this employment existed then. Returns the
    contributions on it by last year's figures, or None when the clause does not apply."""
    bisher = annahmen.bisher_im_jahr
    if (
        not eingabe.einmalzahlung
        or eingabe.monat.month > 3
        or eingabe.art is not Beschaeftigungsart.SV_PFLICHTIG
        or bisher is None
    ):
        return None
    kv = Zweig.KV in zweige and eingabe.kasse is not None
    schluessel, bisher_entgelt = ("bbg_kv_monat", bisher.entgelt_kv) if kv else ("bbg_rv_monat", bisher.entgelt_rv)
    bbg = regelwert(schluessel, eingabe.monat).wert
    jahres_bbg = bbg * (bisher.sv_tage + eingabe.sv_tage) / 30
    laufend = min(eingabe.laufendes_entgelt, bbg * eingabe.sv_tage / 30)
    if bisher_entgelt + laufend + eingabe.einmalzahlung <= jahres_bbg:
        return None
    vorjahr = annahmen.vorjahr
    rg = "§ 23a Abs. 4 SGB IV"
    if vorjahr is None or vorjahr.sv_tage == 0:
        hinweise.append(
            Hinweis(
                "MAERZKLAUSEL_OHNE_VORJAHR",
                Schwere.INFO,
                "Die Einmalzahlung übersteigt die anteilige Beitragsbemessungsgrenze dieses Jahres; einem Vorjahr "
                "zuordnen (Märzklausel) lässt sie sich nicht, weil die Beschäftigung im Vorjahr nicht bestand oder "
                "nicht bekannt ist. Sie ist diesem Jahr bis zur anteiligen Grenze zugeordnet.",
                rg,
            )
        )
        return None
    dezember = date(eingabe.monat.year - 1, 12, 1)
    ergebnis = berechne_beitraege(
        replace(
            eingabe,
            monat=dezember,
            laufendes_entgelt=NULL,
            sv_tage=0,
            bisher_im_jahr=BisherImJahr(vorjahr.sv_tage, vorjahr.entgelt_kv, vorjahr.entgelt_rv),
        )
    )
    hinweise.append(
        Hinweis(
            "MAERZKLAUSEL",
            Schwere.WARNUNG,
            f"Märzklausel: Die Einmalzahlung ({format_eur(eingabe.einmalzahlung)}) passt nicht mehr in die anteilige "
            f"Beitragsbemessungsgrenze dieses Jahres und wird beitragsrechtlich dem Dezember {dezember.year} "
            "zugeordnet: Beiträge mit den Werten des Vorjahres bis zu dessen anteiliger Jahres-BBG. Bitte eine "
            "Sondermeldung (DEÜV, Grund 54) für das Vorjahr abgeben. Als Zusatzbeitrag ist der jetzige angesetzt.",
            rg,
        )
    )
    return ergebnis


def summe_beitraege(a: Beitraege, b: Beitraege) -> Beitraege:
    """Two contribution results of one month added up (running pay now + a one-off assigned to last year)."""
    werte: dict[str, object] = {}
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, Anteil):
            werte[f.name] = Anteil(x.bemessung + y.bemessung, x.an + y.an, x.ag + y.ag)
        elif f.name == "hinweise":
            werte[f.name] = x + tuple(h for h in y if h not in x)
        elif f.name == "umlage_basis":
            werte[f.name] = x
        else:
            werte[f.name] = x + y
    return Beitraege(**werte)  # type: ignore[arg-type]


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
            a.pauschsteuer_soli = p.solidaritaetszuschlag
            a.pauschsteuer_kirchensteuer = p.kirchensteuer
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
            monate = annahmen.monate_vorher if annahmen.monate_vorher is not None else e.monat - 1
            bisher = b.steuerbrutto * monate
            a.hinweise.append(
                Hinweis(
                    "LST_SONSTIGER_BEZUG_ANNAHME",
                    Schwere.INFO,
                    "Die Einmalzahlung ist als sonstiger Bezug versteuert. Als bisheriger Arbeitslohn des Jahres ist "
                    "das laufende Entgelt dieses Monats für jeden Vormonat der Beschäftigung angenommen; bitte mit den "
                    "echten Vormonaten prüfen.",
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
        kalendertage=b.steuertage,
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
    """The deduction lines in payslip order: taxes, then the SV shares; the employer's charges apart. Each with the
    base it was taken from and a German sentence saying how."""
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
                f"Nach den Lohnsteuerabzugsmerkmalen (Steuerklasse {e.person.steuerklasse}) und dem "
                "Programmablaufplan des Bundesfinanzministeriums; Einmalzahlungen als sonstige Bezüge.",
                "§§ 38, 39b EStG",
            )
        )
    if a.solidaritaetszuschlag:
        steuern.append(
            Abzug(
                "SOLI",
                "Solidaritätszuschlag",
                a.solidaritaetszuschlag,
                a.lohnsteuer,
                None,
                "5,5 % der Lohnsteuer, soweit sie die Freigrenze übersteigt (Milderungszone).",
                "§§ 3, 4 SolZG 1995",
            )
        )
    a.an[:0] = steuern
    uebergang = (
        art is Beschaeftigungsart.MIDIJOB and bt.beitragspflichtige_einnahme != bt.beitragspflichtige_einnahme_an
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
                    "Eigenanteil zum Rentenbeitrag im Minijob: der volle Beitrag (18,6 %, mindestens von 175 €) "
                    "abzüglich des Pauschalbeitrags der Arbeitgeberin.",
                    "§ 168 Abs. 1 Nr. 1b, 1c SGB VI; § 163 Abs. 8 SGB VI",
                )
            )
    else:
        for schluessel, text, anteil, rg in (
            ("KV_AN", "Krankenversicherung", bt.kv, "§§ 241, 242, 249 SGB V"),
            ("PV_AN", "Pflegeversicherung", bt.pv, "§§ 55, 58 SGB XI"),
            ("RV_AN", "Rentenversicherung", bt.rv, "§§ 157, 158, 168 SGB VI"),
            ("AV_AN", "Arbeitslosenversicherung", bt.av, "§§ 341, 346 SGB III"),
        ):
            betrag = bt.kv_an if schluessel == "KV_AN" else anteil.an
            if not betrag:
                continue
            if uebergang:
                basis = bt.beitragspflichtige_einnahme_an
                erklaerung = (
                    f"Arbeitnehmeranteil im Übergangsbereich, berechnet von {format_eur(basis)} (reduzierte "
                    f"beitragspflichtige Einnahme für den Arbeitnehmeranteil; für den Gesamtbeitrag "
                    f"{format_eur(bt.beitragspflichtige_einnahme)})."
                )
                rg += "; § 20 Abs. 2a SGB IV"
            else:
                basis = anteil.bemessung
                erklaerung = f"Arbeitnehmeranteil vom beitragspflichtigen Entgelt {format_eur(basis)}."
            if schluessel == "KV_AN" and bt.kv_zusatz.an:
                erklaerung += (
                    f" Davon allgemeiner Beitrag {format_eur(bt.kv.an)} und halber Zusatzbeitrag der Krankenkasse "
                    f"{format_eur(bt.kv_zusatz.an)}."
                )
            if schluessel == "PV_AN":
                erklaerung += " Ein Zuschlag für Kinderlose trägt der Arbeitnehmer allein; Kinder unter 25 senken ihn."
            a.an.append(Abzug(schluessel, text, betrag, basis, None, erklaerung, rg))
    pauschal = art is Beschaeftigungsart.MINIJOB
    ag_zeilen: tuple[tuple[str, str, Decimal, Decimal | None, str, str], ...] = (
        (
            "KV_AG",
            "Krankenversicherung" + (" (pauschal)" if pauschal else ""),
            bt.kv_ag,
            bt.kv.bemessung,
            "Pauschalbeitrag der Arbeitgeberin." if pauschal else "Arbeitgeberanteil.",
            "§ 249b SGB V" if pauschal else "§ 249 SGB V",
        ),
        ("PV_AG", "Pflegeversicherung", bt.pv.ag, bt.pv.bemessung, "Arbeitgeberanteil.", "§ 58 SGB XI"),
        (
            "RV_AG",
            "Rentenversicherung" + (" (pauschal)" if pauschal else ""),
            bt.rv.ag,
            bt.rv.bemessung,
            "Pauschalbeitrag der Arbeitgeberin." if pauschal else "Arbeitgeberanteil.",
            "§ 172 Abs. 3, 3a SGB VI" if pauschal else "§ 168 SGB VI",
        ),
        ("AV_AG", "Arbeitslosenversicherung", bt.av.ag, bt.av.bemessung, "Arbeitgeberanteil.", "§ 346 SGB III"),
        (
            "U1",
            "Umlage U1 (Entgeltfortzahlung)",
            bt.umlage_u1,
            bt.umlage_basis,
            "Vom laufenden Entgelt, ohne Einmalzahlungen; erstattet wird die Entgeltfortzahlung bei Krankheit.",
            "§ 7 AAG",
        ),
        (
            "U2",
            "Umlage U2 (Mutterschaft)",
            bt.umlage_u2,
            bt.umlage_basis,
            "Vom laufenden Entgelt, ohne Einmalzahlungen; erstattet werden Mutterschutzlohn und Zuschuss zum "
            "Mutterschaftsgeld.",
            "§ 7 AAG",
        ),
        (
            "INSO",
            "Insolvenzgeldumlage",
            bt.insolvenzgeldumlage,
            bt.insolvenzgeld_basis,
            "Vom rentenversicherungspflichtigen Entgelt einschließlich Einmalzahlungen.",
            "§ 358 SGB III",
        ),
        (
            "UV",
            "Unfallversicherung",
            bt.unfallversicherung,
            None,
            "Beitrag zur gesetzlichen Unfallversicherung (Unfallkasse bzw. Haushaltsscheck).",
            "§ 2 Abs. 1 Nr. 1, § 185 SGB VII",
        ),
        (
            "PAUSCH",
            "Pauschsteuer",
            a.pauschsteuer,
            None,
            "Pauschale Lohnsteuer, die die Arbeitgeberin trägt (einschließlich Solidaritätszuschlag und "
            "Kirchensteuer).",
            "§ 40a EStG",
        ),
    )
    for schluessel, text, betrag, ag_basis, erklaerung, rg in ag_zeilen:
        if betrag:
            a.ag.append(Abzug(schluessel, text, betrag, ag_basis, None, erklaerung, rg))
