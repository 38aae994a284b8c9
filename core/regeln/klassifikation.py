"""Which kind of employment is it (Minijob, Übergangsbereich, kurzfristig, SV-pflichtig) — and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsfrist_ende
from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.regeln.tabellen import Regelwert, regelwert


class Beschaeftigungsart(StrEnum):
    MINIJOB = "minijob"
    MIDIJOB = "midijob"  # Übergangsbereich, § 20 Abs. 2 SGB IV
    KURZFRISTIG = "kurzfristig"
    SV_PFLICHTIG = "sv_pflichtig"


BEZEICHNUNG: dict[Beschaeftigungsart, str] = {
    Beschaeftigungsart.MINIJOB: "Minijob (geringfügig entlohnte Beschäftigung)",
    Beschaeftigungsart.MIDIJOB: "Beschäftigung im Übergangsbereich (Midijob)",
    Beschaeftigungsart.KURZFRISTIG: "kurzfristige Beschäftigung",
    Beschaeftigungsart.SV_PFLICHTIG: "sozialversicherungspflichtige Beschäftigung",
}


class Zweig(StrEnum):
    """Branches in which individual (not flat-rate) contributions are due."""

    KV = "kv"
    PV = "pv"
    RV = "rv"
    AV = "av"


ALLE_ZWEIGE = frozenset(Zweig)


class WeitereArt(StrEnum):
    HAUPTBESCHAEFTIGUNG = "hauptbeschaeftigung"  # a versicherungspflichtige (non-marginal) employment elsewhere
    MINIJOB = "minijob"  # a geringfügig entlohnte employment elsewhere


@dataclass(frozen=True, slots=True)
class WeitereBeschaeftigung:
    """Another employment declared in the Personalbogen."""

    art: WeitereArt
    entgelt_monat: Decimal | None = None  # None: not known
    beginn: date | None = None


@dataclass(frozen=True, slots=True)
class Befristung:
    """A short-term employment limited in advance (contract dates and planned working days)."""

    beginn: date
    ende: date
    arbeitstage: int | None = None  # planned working days in the period; None: not known
    tage_je_woche: Decimal | None = None  # ≥ 5 → the 3-month limit applies, else 70 working days


@dataclass(frozen=True, slots=True)
class KlassifikationsEingabe:
    """What the classification needs; all money is monthly and in euros.

    `monatsentgelt` is the Arbeitsentgelt of this month (including one-off payments); the regular pay is
    `regelmaessiges_monatsentgelt` (default: `monatsentgelt`) or, for fluctuating pay, the forecast
    `jahresentgelt_prognose` for the coming twelve months (including expected one-off payments) / 12.
    """

    monat: date
    monatsentgelt: Decimal
    regelmaessiges_monatsentgelt: Decimal | None = None
    jahresentgelt_prognose: Decimal | None = None
    prognose_monate: int = 12  # months of employment the forecast covers (a shorter year: fewer)
    jahresgrenze: Decimal | None = None  # sum of the monthly limits of those months (the limit may change)
    entgelt_schwankt: bool = False
    ueberschreitung_unvorhersehbar: bool = False
    fruehere_ueberschreitungsmonate_im_zeitjahr: int = 0
    weitere_beschaeftigungen: tuple[WeitereBeschaeftigung, ...] = ()
    beschaeftigungsbeginn: date | None = None
    befristung: Befristung | None = None
    vorbeschaeftigung_tage_im_jahr: int = 0
    berufsmaessig: bool | None = None
    student: bool = False
    wochenstunden: Decimal | None = None
    privathaushalt: bool = True
    vorgabe: Beschaeftigungsart | None = None  # the user's explicit choice; checked, never overridden


@dataclass(frozen=True, slots=True)
class Klassifikation:
    art: Beschaeftigungsart
    zweige: frozenset[Zweig]  # individual contributions due (empty for Minijob and kurzfristig)
    werkstudent: bool
    haushaltsscheck: bool
    regelmaessiges_entgelt: Decimal
    gesamtentgelt: Decimal  # all employments counted together (for the Übergangsbereich formula)
    gruende: tuple[str, ...]
    hinweise: tuple[Hinweis, ...]

    @property
    def bezeichnung(self) -> str:
        return BEZEICHNUNG[self.art]


@dataclass
class _Protokoll:
    """Collects reasons and notes while the rules are applied."""

    stichtag: date
    gruende: list[str] = field(default_factory=list)
    hinweise: list[Hinweis] = field(default_factory=list)

    def wert(self, schluessel: str) -> Decimal:
        return self.regel(schluessel).wert

    def regel(self, schluessel: str) -> Regelwert:
        return regelwert(schluessel, self.stichtag, hinweise=self.hinweise)

    def grund(self, text: str) -> None:
        self.gruende.append(text)

    def hinweis(self, code: str, schwere: Schwere, text: str, rechtsgrundlage: str) -> None:
        self.hinweise.append(Hinweis(code, schwere, text, rechtsgrundlage))


def klassifiziere(e: KlassifikationsEingabe) -> Klassifikation:
    """Classify one employment for the payroll month `e.monat`; the reasons say why, in German."""
    p = _Protokoll(stichtag=e.monat.replace(day=1))
    if e.monatsentgelt < NULL:
        raise EingabeFehler("Das Monatsentgelt darf nicht negativ sein.", feld="monatsentgelt")
    grenze = p.wert("minijob_grenze_monat")
    obergrenze = p.wert("uebergangsbereich_obergrenze")

    regelmaessig, prognose_genutzt = _regelmaessiges_entgelt(e, p)

    art: Beschaeftigungsart | None = None
    zweige: frozenset[Zweig] = frozenset()
    gesamt = regelmaessig

    if e.befristung is not None or e.vorgabe is Beschaeftigungsart.KURZFRISTIG:
        if _ist_kurzfristig(e, p, grenze, regelmaessig):
            art = Beschaeftigungsart.KURZFRISTIG

    if art is None:
        art, zweige, gesamt = _nach_entgelt(e, p, grenze, obergrenze, regelmaessig, prognose_genutzt)

    werkstudent = False
    if e.student and art in (Beschaeftigungsart.MIDIJOB, Beschaeftigungsart.SV_PFLICHTIG):
        werkstudent = True
        zweige = zweige & {Zweig.RV}
        p.grund(
            "Ordentlich Studierende sind in einer mehr als geringfügigen Beschäftigung kranken-, pflege- und "
            "arbeitslosenversicherungsfrei (Werkstudentenprivileg); rentenversicherungspflichtig bleiben sie. "
            + (
                "Im Übergangsbereich wird der Rentenversicherungsbeitrag nach der Übergangsbereichsformel berechnet."
                if art is Beschaeftigungsart.MIDIJOB
                else ""
            )
        )
        p.hinweis(
            "WERKSTUDENT",
            Schwere.INFO,
            "Werkstudent: nur Rentenversicherung (keine Kranken-, Pflege- und Arbeitslosenversicherung). "
            "Bitte lassen Sie sich jedes Semester die Immatrikulationsbescheinigung geben.",
            "§ 6 Abs. 1 Nr. 3 SGB V, § 20 Abs. 1 Satz 1 SGB XI, § 27 Abs. 4 Satz 1 Nr. 2 SGB III, § 5 Abs. 3 SGB VI",
        )
        grenze_stunden = p.wert("werkstudent_max_wochenstunden")
        if e.wochenstunden is not None and e.wochenstunden > grenze_stunden:
            p.hinweis(
                "WERKSTUDENT_20_STUNDEN",
                Schwere.WARNUNG,
                f"Durchschnittlich {format_zahl(e.wochenstunden, 1)} Wochenstunden: Das "
                f"Werkstudentenprivileg gilt in der Vorlesungszeit nur bis {grenze_stunden} Stunden je Woche, "
                "darüber nur in den Semesterferien oder wenn die Arbeit überwiegend abends, nachts oder am "
                "Wochenende liegt (höchstens 26 Wochen im Jahr). Bitte prüfen Sie das; sonst besteht volle "
                "Versicherungspflicht.",
                "§ 6 Abs. 1 Nr. 3 SGB V; Rundschreiben der SV-Träger zur Beschäftigung von Studenten",
            )
    elif e.student:
        p.grund("Für Studierende gelten bei Minijobs und kurzfristigen Beschäftigungen die allgemeinen Regeln.")

    haushaltsscheck = e.privathaushalt and art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)
    if haushaltsscheck and art is Beschaeftigungsart.KURZFRISTIG and max(regelmaessig, e.monatsentgelt) > grenze:
        # § 28a Abs. 7 Satz 1 SGB IV ties the Haushaltsscheck to pay regularly not above the Geringfügigkeitsgrenze;
        # the Minijob-Zentrale also takes short-term jobs by Haushaltsscheck — whether above the limit is not clear.
        haushaltsscheck = False
        uv_satz = p.wert("minijob_privathaushalt_uv_prozent")
        p.hinweis(
            "HAUSHALTSSCHECK_ENTGELTGRENZE",
            Schwere.WARNUNG,
            f"Kurzfristige Beschäftigung mit einem Entgelt über {format_eur(grenze)} im Monat: Der Haushaltsscheck "
            "ist im Gesetz an ein Entgelt bis zur Minijob-Grenze gebunden. Bitte klären Sie mit der Minijob-Zentrale, "
            "ob Sie den Haushaltsscheck oder die regulären Meldungen verwenden; die Beiträge zur Unfallversicherung "
            f"können dann an die Unfallkasse gehen und von den hier angesetzten {format_zahl(uv_satz, None)} % "
            "abweichen.",
            "§ 28a Abs. 7 Satz 1 SGB IV",
        )
    if haushaltsscheck:
        p.grund(
            "Die Beschäftigung ist in einem Privathaushalt begründet; sie wird über das Haushaltsscheckverfahren "
            "der Minijob-Zentrale gemeldet und abgerechnet."
        )
        p.hinweis(
            "HAUSHALTSSCHECK",
            Schwere.INFO,
            "Haushaltsscheckverfahren: Für geringfügig Beschäftigte im Privathaushalt ist der Haushaltsscheck "
            "vorgeschrieben. Anmeldung bei der Minijob-Zentrale, die die Abgaben halbjährlich einzieht (31.07. für "
            "Januar–Juni, 31.01. für Juli–Dezember).",
            "§ 8a SGB IV, § 28a Abs. 7 SGB IV",
        )

    if e.vorgabe is not None and e.vorgabe is not art:
        p.hinweis(
            "KLASSIFIKATION_ABWEICHUNG",
            Schwere.WARNUNG,
            f"Sie haben „{BEZEICHNUNG[e.vorgabe]}“ angegeben. Nach Ihren Angaben wäre es „{BEZEICHNUNG[art]}“ "
            "(Begründung siehe oben). Gerechnet wird wie angegeben; bitte prüfen Sie die Einstufung, "
            "im Zweifel mit Ihrer Krankenkasse oder der Minijob-Zentrale.",
            "§ 8 SGB IV, § 20 Abs. 2 SGB IV",
        )
        art = e.vorgabe
        zweige = (
            frozenset()
            if art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)
            else (frozenset({Zweig.RV}) if e.student else ALLE_ZWEIGE)
        )
        werkstudent = e.student and art in (Beschaeftigungsart.MIDIJOB, Beschaeftigungsart.SV_PFLICHTIG)
        haushaltsscheck = e.privathaushalt and art in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)

    return Klassifikation(
        art=art,
        zweige=zweige,
        werkstudent=werkstudent,
        haushaltsscheck=haushaltsscheck,
        regelmaessiges_entgelt=regelmaessig,
        gesamtentgelt=gesamt,
        gruende=tuple(p.gruende),
        hinweise=tuple(p.hinweise),
    )


def _regelmaessiges_entgelt(e: KlassifikationsEingabe, p: _Protokoll) -> tuple[Decimal, bool]:
    """The regular monthly pay: the annual forecast / 12 for fluctuating pay, else the contractual monthly pay."""
    if e.jahresentgelt_prognose is not None:
        monate = e.prognose_monate
        if monate < 1:
            raise EingabeFehler("Die Jahresprognose braucht mindestens einen Monat.", feld="prognose_monate")
        regelmaessig = e.jahresentgelt_prognose / monate
        p.grund(
            f"Maßgebend ist das regelmäßige Entgelt nach der Jahresprognose: {format_eur(e.jahresentgelt_prognose)} "
            f"/ {monate} = {format_eur(regelmaessig)} im Monat (einschließlich sicher erwarteter Einmalzahlungen)."
        )
        return regelmaessig, True
    regelmaessig = e.regelmaessiges_monatsentgelt if e.regelmaessiges_monatsentgelt is not None else e.monatsentgelt
    if e.entgelt_schwankt:
        p.hinweis(
            "JAHRESPROGNOSE_FEHLT",
            Schwere.WARNUNG,
            "Das Entgelt schwankt, aber es fehlt eine Jahresprognose. Eingestuft wird nach dem Entgelt dieses "
            "Monats; bitte hinterlegen Sie eine vorausschauende Schätzung für zwölf Monate.",
            "Geringfügigkeits-Richtlinien B 2.2.1 (regelmäßiges Arbeitsentgelt)",
        )
    p.grund(f"Maßgebend ist das regelmäßige Monatsentgelt von {format_eur(regelmaessig)}.")
    return regelmaessig, False


def _ist_kurzfristig(e: KlassifikationsEingabe, p: _Protokoll, grenze: Decimal, regelmaessig: Decimal) -> bool:
    """§ 8 Abs. 1 Nr. 2 SGB IV: limited in advance to 3 months / 70 working days in the calendar year."""
    max_monate = p.wert("kurzfristig_max_monate")
    max_tage = int(p.wert("kurzfristig_max_arbeitstage"))
    max_kalendertage = int(p.wert("kurzfristig_max_kalendertage_zusammenrechnung"))
    ab_tagen_je_woche = p.wert("kurzfristig_monatsgrenze_ab_tagen_je_woche")
    rechtsgrundlage = "§ 8 Abs. 1 Nr. 2 SGB IV; Geringfügigkeits-Richtlinien B 2.3"
    vorher = e.vorbeschaeftigung_tage_im_jahr
    if vorher < 0:
        raise EingabeFehler(
            "Die Vorbeschäftigungstage dürfen nicht negativ sein.", feld="vorbeschaeftigung_tage_im_jahr"
        )

    b = e.befristung
    if b is None:
        p.hinweis(
            "KURZFRISTIG_BEFRISTUNG_FEHLT",
            Schwere.WARNUNG,
            "Für die kurzfristige Beschäftigung fehlen Beginn und Ende der Befristung; die Zeitgrenze von "
            f"{max_monate} Monaten bzw. {max_tage} Arbeitstagen kann nur mit den Vorbeschäftigungen geprüft "
            "werden. Die Beschäftigung muss von vornherein befristet sein.",
            rechtsgrundlage,
        )
        if vorher > max_tage:
            p.grund(f"Mit {vorher} Vorbeschäftigungstagen ist die Grenze von {max_tage} Arbeitstagen überschritten.")
            return False
        p.grund("Kurzfristige Beschäftigung nach Ihrer Angabe.")
        return _berufsmaessigkeit_erlaubt(e, p, grenze, regelmaessig)

    if b.ende < b.beginn:
        raise EingabeFehler("Das Ende der Befristung liegt vor ihrem Beginn.", feld="befristung")
    kalendertage = (b.ende - b.beginn).days + 1
    fuenf_tage_woche = b.tage_je_woche is not None and b.tage_je_woche >= ab_tagen_je_woche
    arbeitstage = b.arbeitstage
    if arbeitstage is None:
        # Without a plan every calendar day could be a working day: the safe upper bound.
        arbeitstage = kalendertage
        if not fuenf_tage_woche or vorher:
            p.hinweis(
                "KURZFRISTIG_ARBEITSTAGE_GESCHAETZT",
                Schwere.WARNUNG,
                "Die geplanten Arbeitstage sind nicht angegeben; gezählt werden alle "
                f"{anzahl(kalendertage, 'Kalendertag', 'Kalendertage')} "
                "der Befristung. Bitte tragen Sie die geplanten Arbeitstage ein.",
                rechtsgrundlage,
            )

    if fuenf_tage_woche and not vorher:
        drei_monate_ende = monatsfrist_ende(b.beginn, int(max_monate))
        innerhalb = b.ende <= drei_monate_ende
        p.grund(
            f"Befristet vom {b.beginn:%d.%m.%Y} bis {b.ende:%d.%m.%Y} bei mindestens {ab_tagen_je_woche} "
            f"Arbeitstagen je Woche: Grenze {int(max_monate)} Monate (bis {drei_monate_ende:%d.%m.%Y}) – "
            + ("eingehalten." if innerhalb else "überschritten.")
        )
    elif fuenf_tage_woche:
        summe = kalendertage + vorher
        innerhalb = summe <= max_kalendertage
        p.grund(
            f"Befristung {anzahl(kalendertage, 'Kalendertag', 'Kalendertage')} plus {anzahl(vorher, 'Tag', 'Tage')} "
            f"Vorbeschäftigung im Kalenderjahr = {summe}; "
            f"Grenze bei Zusammenrechnung {max_kalendertage} Kalendertage – "
            + ("eingehalten." if innerhalb else "überschritten.")
        )
    else:
        summe = arbeitstage + vorher
        innerhalb = summe <= max_tage
        p.grund(
            f"{arbeitstage} geplante Arbeitstage plus {anzahl(vorher, 'Tag', 'Tage')} Vorbeschäftigung im "
            f"Kalenderjahr = {summe}; "
            f"Grenze {max_tage} Arbeitstage – " + ("eingehalten." if innerhalb else "überschritten.")
        )
    if b.beginn.year != b.ende.year:
        p.hinweis(
            "KURZFRISTIG_JAHRESWECHSEL",
            Schwere.INFO,
            "Die Befristung reicht über den Jahreswechsel; geprüft wurde die gesamte Dauer ab Beginn.",
            rechtsgrundlage,
        )
    if not innerhalb:
        p.hinweis(
            "KURZFRISTIG_ZEITGRENZE_UEBERSCHRITTEN",
            Schwere.WARNUNG,
            "Die Zeitgrenze der kurzfristigen Beschäftigung ist überschritten; die Beschäftigung wird nach dem "
            "Entgelt eingestuft.",
            rechtsgrundlage,
        )
        return False
    return _berufsmaessigkeit_erlaubt(e, p, grenze, regelmaessig)


def _berufsmaessigkeit_erlaubt(
    e: KlassifikationsEingabe, p: _Protokoll, grenze: Decimal, regelmaessig: Decimal
) -> bool:
    rechtsgrundlage = "§ 8 Abs. 1 Nr. 2 SGB IV; Geringfügigkeits-Richtlinien B 2.3.3 (Berufsmäßigkeit)"
    entgelt = max(regelmaessig, e.monatsentgelt)
    if entgelt <= grenze:
        p.grund(
            f"Das Entgelt ({format_eur(entgelt)}) übersteigt die Minijob-Grenze von {format_eur(grenze)} nicht; auf "
            "Berufsmäßigkeit kommt es daher nicht an. Sind die Voraussetzungen einer kurzfristigen und einer "
            "geringfügig entlohnten Beschäftigung zugleich erfüllt, geht die kurzfristige Beschäftigung vor."
        )
        return True
    if e.berufsmaessig is True:
        p.grund(
            f"Das Entgelt ({format_eur(entgelt)}) übersteigt die Minijob-Grenze und die Beschäftigung wird berufsmäßig "
            "ausgeübt: keine kurzfristige Beschäftigung."
        )
        p.hinweis(
            "KURZFRISTIG_BERUFSMAESSIG",
            Schwere.WARNUNG,
            "Berufsmäßig ausgeübt und Entgelt über der Minijob-Grenze: Die Beschäftigung ist nicht kurzfristig, "
            "sondern versicherungspflichtig.",
            rechtsgrundlage,
        )
        return False
    if e.berufsmaessig is None:
        p.hinweis(
            "KURZFRISTIG_BERUFSMAESSIGKEIT_UNGEKLAERT",
            Schwere.WARNUNG,
            f"Das Entgelt übersteigt die Minijob-Grenze von {format_eur(grenze)}. Kurzfristig ist die Beschäftigung "
            "dann nur, wenn sie nicht berufsmäßig ausgeübt wird. Bitte klären Sie das mit dem Personalbogen (z. B. "
            "arbeitslos oder arbeitsuchend gemeldet, Elternzeit, unbezahlter Urlaub: berufsmäßig). Gerechnet wird "
            "vorläufig als kurzfristige Beschäftigung.",
            rechtsgrundlage,
        )
        p.grund("Die Berufsmäßigkeit ist nicht geklärt; vorläufig als kurzfristig eingestuft.")
        return True
    p.grund(
        f"Das Entgelt ({format_eur(entgelt)}) übersteigt die Minijob-Grenze, die Beschäftigung wird aber nicht "
        "berufsmäßig ausgeübt: kurzfristige Beschäftigung."
    )
    return True


def _nach_entgelt(
    e: KlassifikationsEingabe,
    p: _Protokoll,
    grenze: Decimal,
    obergrenze: Decimal,
    regelmaessig: Decimal,
    prognose_genutzt: bool,
) -> tuple[Beschaeftigungsart, frozenset[Zweig], Decimal]:
    """Minijob, Übergangsbereich or SV-pflichtig by the regular pay, other jobs and occasional exceeding."""
    rg_minijob = "§ 8 Abs. 1 Nr. 1 SGB IV"
    haupt = [w for w in e.weitere_beschaeftigungen if w.art is WeitereArt.HAUPTBESCHAEFTIGUNG]
    andere_minijobs = [w for w in e.weitere_beschaeftigungen if w.art is WeitereArt.MINIJOB]

    geringfuegig = regelmaessig <= grenze
    if prognose_genutzt and e.jahresgrenze is not None and e.jahresentgelt_prognose is not None:
        # The limit changes with the Mindestlohn: the forecast is measured against the sum of the months' limits.
        geringfuegig = e.jahresentgelt_prognose <= e.jahresgrenze
        p.grund(
            f"Die Jahresprognose ({format_eur(e.jahresentgelt_prognose)}) "
            + ("übersteigt" if not geringfuegig else "übersteigt nicht")
            + f" die Summe der Minijob-Grenzen dieser {e.prognose_monate} Monate ({format_eur(e.jahresgrenze)})."
        )
    if geringfuegig and e.monatsentgelt > grenze:
        geringfuegig = _ueberschreiten_unschaedlich(e, p, grenze, prognose_genutzt)
        if not geringfuegig:
            regelmaessig = e.monatsentgelt

    if not geringfuegig:
        p.grund(f"Das regelmäßige Entgelt übersteigt die Minijob-Grenze von {format_eur(grenze)} ({rg_minijob}).")
        gesamt = _zusammen_mit_hauptbeschaeftigung(p, regelmaessig, haupt)
        return _pflichtig(p, regelmaessig, gesamt, obergrenze, ALLE_ZWEIGE)

    if haupt:
        return _neben_hauptbeschaeftigung(e, p, grenze, obergrenze, regelmaessig, haupt, andere_minijobs)

    summe = regelmaessig + sum((w.entgelt_monat or NULL for w in andere_minijobs), NULL)
    if any(w.entgelt_monat is None for w in andere_minijobs):
        p.hinweis(
            "WEITERER_MINIJOB_ENTGELT_FEHLT",
            Schwere.WARNUNG,
            "Ein weiterer Minijob ist angegeben, aber ohne Entgelt. Minijobs werden zusammengerechnet; bitte "
            "tragen Sie das Entgelt ein.",
            "§ 8 Abs. 2 Satz 1 SGB IV",
        )
    if andere_minijobs and summe > grenze:
        p.grund(
            f"Zusammen mit den weiteren Minijobs beträgt das Entgelt {format_eur(summe)} und übersteigt die Grenze von "
            f"{format_eur(grenze)}: Alle Minijobs werden versicherungspflichtig (§ 8 Abs. 2 Satz 1 SGB IV)."
        )
        p.hinweis(
            "MINIJOBS_ZUSAMMENGERECHNET",
            Schwere.WARNUNG,
            f"Mehrere Minijobs zusammen ({format_eur(summe)}) übersteigen die Minijob-Grenze; die Beschäftigung ist "
            "versicherungspflichtig. Die Pflicht beginnt erst mit der Feststellung durch die Einzugsstelle, wenn Sie "
            "den weiteren Minijob nicht kannten (§ 8 Abs. 2 Satz 3 SGB IV).",
            "§ 8 Abs. 2 SGB IV",
        )
        return _pflichtig(p, regelmaessig, summe, obergrenze, ALLE_ZWEIGE)
    if andere_minijobs:
        p.grund(
            f"Auch zusammen mit den weiteren Minijobs ({format_eur(summe)}) ist die Grenze von {format_eur(grenze)} "
            "eingehalten."
        )
    p.grund(
        f"Das regelmäßige Entgelt übersteigt die Minijob-Grenze von {format_eur(grenze)} nicht: Minijob ({rg_minijob})."
    )
    return Beschaeftigungsart.MINIJOB, frozenset(), regelmaessig


def _ueberschreiten_unschaedlich(e: KlassifikationsEingabe, p: _Protokoll, grenze: Decimal, prognose: bool) -> bool:
    """This month's pay is above the limit although the regular pay is not: foreseen in the forecast, or § 8 Abs. 1b."""
    if prognose and not e.ueberschreitung_unvorhersehbar:
        p.grund(
            f"In diesem Monat liegt das Entgelt ({format_eur(e.monatsentgelt)}) über der Grenze; das ist in der "
            "Jahresprognose enthalten und bei schwankendem Entgelt unschädlich."
        )
        return True
    rg = "§ 8 Abs. 1b SGB IV"
    max_monate = int(p.wert("minijob_ueberschreiten_max_monate"))
    max_faktor = p.wert("minijob_ueberschreiten_max_faktor")
    if not e.ueberschreitung_unvorhersehbar:
        p.grund(
            f"In diesem Monat liegt das Entgelt ({format_eur(e.monatsentgelt)}) vorhersehbar über der Grenze von "
            f"{format_eur(grenze)}: Die Beschäftigung ist in diesem Monat kein Minijob."
        )
        p.hinweis(
            "MINIJOB_UEBERSCHRITTEN",
            Schwere.WARNUNG,
            f"Das Entgelt dieses Monats ({format_eur(e.monatsentgelt)}) übersteigt die Minijob-Grenze von "
            f"{format_eur(grenze)} "
            "und das war vorhersehbar. Ist das Überschreiten gelegentlich und unvorhersehbar (z. B. "
            "Krankheitsvertretung), kennzeichnen Sie es bitte so; sonst endet der Minijob.",
            rg,
        )
        return False
    monate = e.fruehere_ueberschreitungsmonate_im_zeitjahr + 1
    hoechstens = grenze * max_faktor
    if monate <= max_monate and e.monatsentgelt <= hoechstens:
        p.grund(
            f"Gelegentliches, nicht vorhersehbares Überschreiten: {monate}. Monat im Zeitjahr (höchstens "
            f"{max_monate}), Entgelt {format_eur(e.monatsentgelt)} nicht über {format_eur(hoechstens)}: Der Minijob "
            "bleibt."
        )
        p.hinweis(
            "MINIJOB_GELEGENTLICH_UEBERSCHRITTEN",
            Schwere.INFO,
            f"Unvorhersehbares Überschreiten der Minijob-Grenze im {monate}. von höchstens {max_monate} Monaten "
            "eines Zeitjahres; die Beschäftigung bleibt ein Minijob.",
            rg,
        )
        return True
    warum = (
        f"schon der {monate}. Monat im Zeitjahr (erlaubt: {max_monate})"
        if monate > max_monate
        else f"mehr als das Doppelte der Grenze ({format_eur(hoechstens)})"
    )
    p.grund(f"Das unvorhersehbare Überschreiten ist nicht mehr gelegentlich ({warum}): kein Minijob in diesem Monat.")
    p.hinweis(
        "MINIJOB_UEBERSCHREITEN_ZU_OFT",
        Schwere.WARNUNG,
        f"Die Minijob-Grenze wird überschritten und das ist {warum}. Die Beschäftigung ist versicherungspflichtig.",
        rg,
    )
    return False


def _neben_hauptbeschaeftigung(
    e: KlassifikationsEingabe,
    p: _Protokoll,
    grenze: Decimal,
    obergrenze: Decimal,
    regelmaessig: Decimal,
    haupt: list[WeitereBeschaeftigung],
    andere_minijobs: list[WeitereBeschaeftigung],
) -> tuple[Beschaeftigungsart, frozenset[Zweig], Decimal]:
    """§ 8 Abs. 2 SGB IV: the first Minijob next to a main job stays free; further ones are added to the main job."""
    rg = "§ 8 Abs. 2 Satz 1 SGB IV, § 7 Abs. 1 Satz 2 SGB V, § 5 Abs. 2 Satz 1 SGB VI, § 27 Abs. 2 SGB III"
    frueher = []
    unklar = False
    for w in andere_minijobs:
        if w.beginn is None or e.beschaeftigungsbeginn is None:
            unklar = True
            frueher.append(w)
        elif w.beginn < e.beschaeftigungsbeginn:
            frueher.append(w)
    if unklar:
        p.hinweis(
            "MINIJOB_REIHENFOLGE_UNKLAR",
            Schwere.WARNUNG,
            "Neben der Hauptbeschäftigung gibt es mehrere Minijobs, aber nicht alle Beginndaten sind bekannt. Nur "
            "der zuerst aufgenommene Minijob bleibt versicherungsfrei; vorsichtshalber wird angenommen, dass der "
            "andere früher begann. Bitte tragen Sie die Beginndaten im Personalbogen ein.",
            rg,
        )
    if not frueher:
        p.grund(
            "Neben einer versicherungspflichtigen Hauptbeschäftigung bleibt der erste Minijob versicherungsfrei "
            "(außer in der Rentenversicherung); er wird nicht mit der Hauptbeschäftigung zusammengerechnet."
        )
        p.grund(f"Das regelmäßige Entgelt übersteigt die Minijob-Grenze von {format_eur(grenze)} nicht: Minijob.")
        return Beschaeftigungsart.MINIJOB, frozenset(), regelmaessig
    p.grund(
        "Neben einer versicherungspflichtigen Hauptbeschäftigung besteht bereits ein früher aufgenommener Minijob. "
        "Dieser weitere Minijob wird mit der Hauptbeschäftigung zusammengerechnet und ist kranken-, pflege- und "
        "rentenversicherungspflichtig; in der Arbeitslosenversicherung bleibt er frei."
    )
    p.hinweis(
        "MINIJOB_MIT_HAUPTBESCHAEFTIGUNG_ZUSAMMENGERECHNET",
        Schwere.WARNUNG,
        "Zweiter Minijob neben einer Hauptbeschäftigung: versicherungspflichtig in Kranken-, Pflege- und "
        "Rentenversicherung, frei in der Arbeitslosenversicherung.",
        rg,
    )
    gesamt = _zusammen_mit_hauptbeschaeftigung(p, regelmaessig, haupt)
    return _pflichtig(p, regelmaessig, gesamt, obergrenze, frozenset({Zweig.KV, Zweig.PV, Zweig.RV}))


def _zusammen_mit_hauptbeschaeftigung(
    p: _Protokoll, regelmaessig: Decimal, haupt: list[WeitereBeschaeftigung]
) -> Decimal | None:
    """The pay of all employments together (§ 20 Abs. 2 SGB IV); None if a main job's pay is not known."""
    if any(w.entgelt_monat is None for w in haupt):
        p.hinweis(
            "HAUPTBESCHAEFTIGUNG_ENTGELT_FEHLT",
            Schwere.WARNUNG,
            "Eine weitere versicherungspflichtige Beschäftigung ist angegeben, aber ohne Entgelt. Für den "
            "Übergangsbereich zählen alle Entgelte zusammen; bitte tragen Sie es im Personalbogen ein. Bis dahin "
            "wird ohne Übergangsbereich gerechnet.",
            "§ 20 Abs. 2 SGB IV",
        )
        return None
    return regelmaessig + sum((w.entgelt_monat or NULL for w in haupt), NULL)


def _pflichtig(
    p: _Protokoll, regelmaessig: Decimal, gesamt: Decimal | None, obergrenze: Decimal, zweige: frozenset[Zweig]
) -> tuple[Beschaeftigungsart, frozenset[Zweig], Decimal]:
    rg = "§ 20 Abs. 2 SGB IV"
    if gesamt is None:
        p.grund(
            "Das Entgelt der weiteren Beschäftigung ist nicht bekannt, darum lässt sich der Übergangsbereich nicht "
            f"prüfen ({rg}): sozialversicherungspflichtig mit vollen Beiträgen."
        )
        return Beschaeftigungsart.SV_PFLICHTIG, zweige, regelmaessig
    mehrere = gesamt != regelmaessig
    betrag = (
        f"Das Entgelt aller Beschäftigungen zusammen ({format_eur(gesamt)})" if mehrere else "Das regelmäßige Entgelt"
    )
    if gesamt <= obergrenze:
        p.grund(f"{betrag} liegt im Übergangsbereich bis {format_eur(obergrenze)} ({rg}): Midijob.")
        return Beschaeftigungsart.MIDIJOB, zweige, gesamt
    p.grund(f"{betrag} liegt über {format_eur(obergrenze)}: sozialversicherungspflichtig mit vollen Beiträgen.")
    return Beschaeftigungsart.SV_PFLICHTIG, zweige, gesamt
