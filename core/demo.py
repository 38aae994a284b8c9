"""The demo household of `assistenzbuero demo --db PFAD` (CONTRACTS §5): the team of seed 004, 2.6.1, living.

Employer in Baden-Württemberg (Stuttgart, fictitious); Sabine and Jörg (sozialversicherungspflichtig) alternate
early (7–14) and late shift (14–22; the seed says "bis Schluß", we choose 22:00) week by week and cover each other's
leave; Ulrike and Rudolf (students) take the weekends in turn: both work every weekend (7–22 is too long for one
person), one early, one late, and who has which shift changes week by week. Complete Personalbogen and contracts
via the master-data services; need profile with Kostenträger; the roster of the current and the next month from the
patterns, with one leave week of Jörg that Sabine covers. All persons and numbers are invented (valid check digits).

Unlike the seed's table the plan keeps the Arbeitszeitgesetz, so that a newcomer sees a plan without warnings:
- every shift has its Ruhepause (§ 4 ArbZG, the standard templates), and she manages alone in those half hours:
  her Bedarfsprofil says Arbeit 0 there (seed 004, 1.6.2: "In dieser Zeit benötigen Sie keine bezahlte Assistenz");
- nobody works both shifts of a day (15 hours; § 3 ArbZG allows 10): the seed's student works a whole weekend
  alone and Sabine works both shifts while Jörg is on leave; here the students share each weekend and keep their
  shift on both days (late Saturday then early Sunday would leave 9 hours of rest, § 5 ArbZG asks for 11). In the
  leave week the colleague takes over the absent one's shifts — with the weekly alternation that is the shift she
  had in the week before, so her rest stays 11 hours — and her own shifts of that week go to the students (see
  `vertrete_urlaubswoche`). Over a whole year each student would need 15 Sundays off (§ 11 Abs. 1 ArbZG): the
  program counts the Sundays worked and warns when a year's plan gets there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from stdnum.iso7064 import mod_11_10

from core.abrechnung.erfassung import setze_abrechnungsbeginn
from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe
from core.dienstplan.muster import WOCHENENDE, wochenwechsel
from core.dienstplan.schicht import Schicht
from core.dienstplan.tage import monatsname, montag_der_woche
from core.domain.kalender import monatsgrenzen
from core.domain.kennungen import betriebsnummer_pruefziffern, bic_zur_iban, versicherungsnummer_pruefziffer
from core.fehler import vorhanden
from core.persistence.datenbank import Datenbank, neue_datenbankdatei, ziel_pfad
from core.stammdaten import start
from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber, vorgeschlagene_unfallkasse
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, KindDaten, speichere_assistenzkraft
from core.stammdaten.krankenkassen import (
    BEISPIELWERT,
    BITTE_PRUEFEN,
    KassenJahrDaten,
    KrankenkasseDaten,
    U1StufeDaten,
    liste_krankenkassen,
    speichere_krankenkasse,
)
from core.stammdaten.vertraege import VertragDaten, speichere_vertrag

#: The demo's Krankenkasse and its rates per year. Marked as Beispielwert in the program (the year's source, a Hinweis
#: on every payroll that uses them, the demo's summary), because not every rate could be checked at its source:
#: - Zusatzbeitrag 3,29 % in 2025 and 2026: for 2026 announced by BARMER's chief executive Christoph Straub (dpa-AFX,
#:   26.11.2025, wallstreet-online.de/nachricht/20213490; the Verwaltungsrat decides in December); listed as
#:   unchanged from 2025 in an overview of the Zusatzbeiträge 2026, Stand 09.12.2025 (ru24.pro/foreign/416759257).
#:   Neither the Kasse's own publication nor the GKV-Spitzenverband's list could be consulted.
#: - U1 1,90 % / 50 %, 2,50 % / 65 % (allgemein), 4,00 % / 80 %, AG-Anteile not refunded; U2 0,39 % / 100 %:
#:   barmer.de/firmenkunden/sozialversicherung/umlage/umlage-erstattungssaetze-1003284, "Umlage- und Erstattungssätze
#:   seit 1. Januar 2024" — the page's date is unknown, so whether they still hold in 2025 and 2026 is unverified.
DEMO_KASSE = "BARMER"
_U1_BARMER = ((Decimal("1.9"), Decimal(50)), (Decimal("2.5"), Decimal(65)), (Decimal("4.0"), Decimal(80)))
_U1_GEWAEHLT = Decimal(65)  # "allgemein", the level that applies when the employer chose none
_DEMO_SAETZE: dict[int, tuple[Decimal, Decimal, str]] = {
    jahr: (
        Decimal("3.29"),
        Decimal("0.39"),
        f"{BEISPIELWERT} des Beispielhaushalts, nicht an der Quelle bestätigt: Zusatzbeitrag 3,29 % "
        + (
            "laut Ankündigung des BARMER-Vorstands (dpa-AFX, 26.11.2025; Beschluss des Verwaltungsrats im Dezember)"
            if jahr == 2026
            else "laut Übersicht der Zusatzbeiträge (Stand 09.12.2025: 2025 und 2026 unverändert)"
        )
        + "; U1/U2 laut barmer.de „Umlage- und Erstattungssätze seit 1. Januar 2024“ (Stand der Seite unbekannt)",
    )
    for jahr in (2025, 2026)
}


def demo_kassenjahr(jahr: int) -> KassenJahrDaten:
    """The demo Kasse's rates for `jahr`; a year outside the table gets the nearest year's, „bitte prüfen“."""
    naechstes = min(_DEMO_SAETZE, key=lambda j: (abs(j - jahr), -j))
    zusatz, u2, quelle = _DEMO_SAETZE[naechstes]
    if naechstes != jahr:
        quelle = f"{BEISPIELWERT} des Beispielhaushalts, aus {naechstes} übernommen – {BITTE_PRUEFEN}"
    return KassenJahrDaten(
        jahr=jahr,
        zusatzbeitrag_prozent=zusatz,
        u2_prozent=u2,
        u2_erstattung_prozent=Decimal(100),
        u2_ag_anteile_erstattet=True,
        quelle=quelle,
        u1_stufen=[
            U1StufeDaten(umlage_prozent=u, erstattung_prozent=e, gewaehlt=e == _U1_GEWAEHLT) for u, e in _U1_BARMER
        ],
    )


def _demo_kasse(db: Datenbank, jahre: set[int]) -> int:
    """The demo's Kasse with its rates for `jahre` (other years it already has stay); its id."""
    kassen = {k.name: k for k in liste_krankenkassen(db)}
    kasse = kassen.get(DEMO_KASSE) or KrankenkasseDaten(name=DEMO_KASSE)
    neu = {j: demo_kassenjahr(j) for j in jahre}
    for vorhanden_ in kasse.jahre:  # a year the seed already has (BARMER 2024) is updated in place
        if vorhanden_.jahr in neu:
            neu[vorhanden_.jahr].id = vorhanden_.id
    kasse.jahre = [j for j in kasse.jahre if j.jahr not in neu] + [neu[j] for j in sorted(neu)]
    gespeichert = speichere_krankenkasse(db, kasse)
    return vorhanden(gespeichert.id, "die Nummer der Krankenkasse")


@dataclass(frozen=True, slots=True)
class Demo:
    pfad: Path
    sabine: int
    joerg: int
    ulrike: int
    rudolf: int
    urlaub_von: date
    urlaub_bis: date
    zusammenfassung: str


def _steuer_id(erste_zehn: str) -> str:
    return erste_zehn + mod_11_10.calc_check_digit(erste_zehn)


def _vsnr(geburtstag: date, geburtsname: str, serie: int) -> str:
    ohne = f"65{geburtstag:%d%m%y}{geburtsname[0].upper()}{serie:02d}"
    return ohne + str(versicherungsnummer_pruefziffer(ohne))


def _iban(konto: str) -> str:
    from schwifty import IBAN

    return str(IBAN.generate("DE", bank_code="60050101", account_code=konto))


def _studentische_tage(
    db: Datenbank, schichten: Sequence[Schicht], montag: date, studierende: tuple[int, int]
) -> dict[date, int]:
    """Who takes the weekday shifts `schichten` of one week, day by day: the students, three days and two, each
    keeping 11 hours of rest (§ 5 ArbZG).

    The student who worked the early shift on the Sunday before (the other one had the late shift, till 22:00)
    takes the days that touch her weekends safely: Monday to Wednesday of an early week (her Sunday shift ended at
    14:00), Thursday and Friday of a late week (on the Saturday after, she works late again, from 14:00). Each
    stays below 48 hours in that week (§ 3 ArbZG: at most 35,5 hours, three late shifts and a weekend).
    """
    erste_kraft, zweite_kraft = studierende
    sonntag = montag - timedelta(days=1)
    vorher = [s for s in dienst.schichten_von(db, erste_kraft, sonntag, sonntag) if s.vorlage == "Frühdienst"]
    frueh_am_sonntag, andere = (erste_kraft, zweite_kraft) if vorher else (zweite_kraft, erste_kraft)
    fruehwoche = any(s.vorlage == "Frühdienst" for s in schichten)
    erste, zweite = (frueh_am_sonntag, andere) if fruehwoche else (andere, frueh_am_sonntag)
    return {montag + timedelta(days=i): erste if i < 3 else zweite for i in range(5)}


def vertrete_urlaubswoche(db: Datenbank, urlaub: Abwesenheit, kollegin: int, studierende: tuple[int, int]) -> None:
    """Enter a leave week (Monday to Friday) of one of the two weekday assistants; the other one covers it.

    CONTRACTS §5: Sabine and Jörg cover each other's leave. The colleague takes over the absent one's shifts (a
    Vertretung, so payroll sees whose shift it was); with the weekly alternation those are of the type she had in
    the week before, so she simply stays on it and keeps 11 hours of rest (an early shift after a late week would
    leave 9). Her own shifts of that week go to the students (`_studentische_tage`); nobody works two shifts a day.
    Works either way round: Jörg for Sabine as Sabine for Jörg.
    """
    betroffen = dienst.schichten_von(db, urlaub.assistenzkraft_id, urlaub.von, urlaub.bis)
    eigene = dienst.schichten_von(db, kollegin, urlaub.von, urlaub.bis)
    tage = _studentische_tage(db, eigene, montag_der_woche(urlaub.von), studierende)
    for schicht in eigene:
        dienst.weise_zu(db, vorhanden(schicht.id, "die Nummer der Schicht"), tage[schicht.tag])
    dienst.trage_abwesenheit_ein(db, urlaub, {s.id: kollegin for s in betroffen if s.id is not None})


def lege_demo_an(pfad: Path, *, heute: date) -> Demo:
    """Create the example household in a new file; refuses an existing file (nothing is touched then).

    The household is built under a temporary name and appears under `pfad` only when complete: a killed `demo`
    leaves nothing that blocks the path.
    """
    pfad = ziel_pfad(pfad)
    with neue_datenbankdatei(pfad) as teil:
        db = start.oeffne(teil)
        try:
            demo = _fuelle(db, pfad, heute)
        finally:
            db.schliessen()
    return demo


def _fuelle(db: Datenbank, pfad: Path, heute: date) -> Demo:
    bbnr = "8765432"
    speichere_arbeitgeber(
        db,
        ArbeitgeberDaten(
            vorname="Maria",
            nachname="Beispiel",
            strasse="Musterweg 12",
            plz="70173",
            ort="Stuttgart",
            telefon="0711 1234567",
            email="maria.beispiel@example.org",
            bundesland="BW",
            betriebsnummer=bbnr + str(betriebsnummer_pruefziffern(bbnr)[0]),
            unfallversicherungstraeger_id=vorgeschlagene_unfallkasse(db, "BW"),
            kontoinhaber="Maria Beispiel",
            bank="BW-Bank",
            iban=_iban("7401000001"),
            bic=bic_zur_iban(_iban("7401000001")) or "",
        ),
    )
    erster, _ = monatsgrenzen(heute.year, heute.month)
    naechster = erster.replace(day=28) + timedelta(days=4)
    kasse = _demo_kasse(db, {heute.year - 1, heute.year, naechster.year})

    def person(
        vorname: str,
        nachname: str,
        geschlecht: str,
        geburtstag: date,
        serie: int,
        steuer: str,
        konto: str,
        **mehr: object,
    ) -> int:
        daten = AssistenzkraftDaten(
            vorname=vorname,
            nachname=nachname,
            status="beschaeftigt",
            geschlecht=geschlecht,
            strasse=f"Königstraße {serie}",
            plz="70173",
            ort="Stuttgart",
            telefon="0711 7654321",
            email=f"{vorname.lower().replace('ö', 'oe')}@example.org",
            geburtsdatum=geburtstag,
            geburtsort="Stuttgart",
            staatsangehoerigkeit="DE",
            versicherungsnummer=_vsnr(geburtstag, nachname, serie),
            krankenkasse_id=kasse,
            taetigkeit_kldb="83132",  # seed 004, 2.3.1: Behindertenassistent/in
            schulabschluss="4",
            arbeitnehmerueberlassung=False,
            finanzamt="Stuttgart II",
            steuer_id=_steuer_id(steuer),
            steuerklasse=1,
            konfession="--",
            kontoinhaber=f"{vorname} {nachname}",
            bank="BW-Bank",
            iban=_iban(konto),
            bic=bic_zur_iban(_iban(konto)) or "",
            arbeitserlaubnis_art="nicht_noetig",
            personalausweis_geprueft_am=date(heute.year - 1, 9, 1),
            **mehr,  # type: ignore[arg-type]
        )
        gespeichert = speichere_assistenzkraft(db, daten)
        return vorhanden(gespeichert.id, "die Nummer der neuen Assistenzkraft")

    sabine = person(
        "Sabine",
        "Berger",
        "w",
        date(1985, 4, 12),
        52,
        "2734918563",
        "7401000002",
        erlernter_beruf="Heilerziehungspflegerin",
        ausbildungsabschluss="2",
        vertragsform="1",
    )
    joerg = person(
        "Jörg",
        "Keller",
        "m",
        date(1979, 11, 3),
        12,
        "4918273651",
        "7401000003",
        erlernter_beruf="Altenpfleger",
        ausbildungsabschluss="2",
        vertragsform="1",
        hat_kinder=True,
        elterneigenschaft_nachweis_am=date(heute.year - 1, 9, 1),
        elterneigenschaft_nachweis_art="Geburtsurkunde",
        kinder=[
            KindDaten(
                vorname="Lena",
                geburtsdatum=date(2015, 6, 20),
                nachweis_am=date(heute.year - 1, 9, 1),
                nachweis_art="Geburtsurkunde",
            )
        ],
    )
    ende_semester = date(heute.year + 1, 9, 30)
    ulrike = person(
        "Ulrike",
        "Sommer",
        "w",
        date(2003, 2, 8),
        57,
        "5612398476",
        "7401000004",
        ausbildungsabschluss="1",
        vertragsform="2",
        student=True,
        immatrikuliert_bis=ende_semester,
        hochschule="Universität Stuttgart",
    )
    rudolf = person(
        "Rudolf",
        "Winter",
        "m",
        date(2002, 7, 30),
        21,
        "8609574271",
        "7401000005",
        ausbildungsabschluss="1",
        vertragsform="2",
        student=True,
        immatrikuliert_bis=ende_semester,
        hochschule="Hochschule Esslingen",
    )

    eintritt_fest = date(heute.year - 2, 2, 1)
    eintritt_studis = date(heute.year - 1, 10, 1)
    for kraft in (sabine, joerg):
        speichere_vertrag(
            db,
            VertragDaten(
                assistenzkraft_id=kraft,
                gueltig_ab=eintritt_fest,
                eintritt=eintritt_fest,
                probezeit_bis=date(heute.year - 2, 7, 31),
                taetigkeit="Persönliche Assistenz (Pflege, Haushalt, Begleitung)",
                arbeitszeit=(
                    "Montag bis Freitag, wochenweise wechselnd Frühdienst 7–14 Uhr (Pause 10:30–11 Uhr) und "
                    "Spätdienst 14–22 Uhr (Pause 18–18:30 Uhr); im Urlaub der Kollegin oder des Kollegen "
                    "Vertretung in deren Schicht"
                ),
                kuendigungsfrist="gesetzlich (§ 622 BGB)",
                beschaeftigung="sv_pflichtig",
                lohnform="stunde",
                lohnsatz=Decimal("16.50"),
                bereitschaft_prozent=Decimal(50),
                arbeitstage_woche=Decimal(5),
                wochenstunden=Decimal("37.5"),
                urlaubstage=Decimal(30),
                zuschlaege={"sonntag": Decimal(25), "feiertag": Decimal(50)},
            ),
        )
    for kraft in (ulrike, rudolf):
        speichere_vertrag(
            db,
            VertragDaten(
                assistenzkraft_id=kraft,
                gueltig_ab=eintritt_studis,
                eintritt=eintritt_studis,
                probezeit_bis=date(heute.year, 3, 31),
                taetigkeit="Persönliche Assistenz am Wochenende",
                arbeitszeit=(
                    "jedes Wochenende Samstag und Sonntag im Wechsel mit der zweiten studentischen Kraft: "
                    "wochenweise abwechselnd Frühdienst 7–14 Uhr und Spätdienst 14–22 Uhr (je 30 Minuten Pause); "
                    "Urlaubsvertretung an Werktagen nach Absprache"
                ),
                kuendigungsfrist="gesetzlich (§ 622 BGB)",
                beschaeftigung="auto",
                lohnform="stunde",
                lohnsatz=Decimal("15.00"),
                bereitschaft_prozent=Decimal(50),
                zuschlaege={"sonntag": Decimal(25), "feiertag": Decimal(50)},
            ),
        )

    # Need (seed 004, 1.4.4 and 1.6.2): Arbeit I 7–22; at night and in the assistants' breaks (10:30–11:00 and
    # 18:00–18:30, the standard templates' Pausen) she manages alone (Arbeit 0). Kostenträger (1.2.3):
    # Arbeitsassistenz at work Mon–Fri 9–13, Eingliederungshilfe on weekend afternoons, else Hilfe zur Pflege.
    I, O = Bedarfsstufe.ARBEIT_I, Bedarfsstufe.ARBEIT_0  # noqa: E741
    werktag = (
        Bedarfsblock(time(7), time(9), I, "HZP"),
        Bedarfsblock(time(9), time(10, 30), I, "AA"),
        Bedarfsblock(time(10, 30), time(11), O),
        Bedarfsblock(time(11), time(13), I, "AA"),
        Bedarfsblock(time(13), time(18), I, "HZP"),
        Bedarfsblock(time(18), time(18, 30), O),
        Bedarfsblock(time(18, 30), time(22), I, "HZP"),
    )
    wochenende = (
        Bedarfsblock(time(7), time(10, 30), I, "HZP"),
        Bedarfsblock(time(10, 30), time(11), O),
        Bedarfsblock(time(11), time(13), I, "HZP"),
        Bedarfsblock(time(13), time(18), I, "EGH"),
        Bedarfsblock(time(18), time(18, 30), O),
        Bedarfsblock(time(18, 30), time(22), I, "HZP"),
    )
    dienst.speichere_bedarfsprofil(
        db,
        Bedarfsprofil("Alltag", {**{t: werktag for t in range(5)}, 5: wochenende, 6: wochenende}, True),
        date(heute.year - 1, 1, 1),
    )

    vorlagen = {v.name: v for v in dienst.liste_vorlagen(db)}
    frueh_spaet = [vorlagen["Frühdienst"], vorlagen["Spätdienst"]]
    anker = montag_der_woche(erster)
    werktage = dienst.speichere_muster(
        db, wochenwechsel("Früh/Spät im Wochenwechsel", anker, frueh_spaet, [sabine, joerg])
    )
    wochenenden = dienst.speichere_muster(
        db, wochenwechsel("Wochenenden Früh/Spät im Wechsel", anker, frueh_spaet, [ulrike, rudolf], WOCHENENDE)
    )
    _, ende_excl = monatsgrenzen(naechster.year, naechster.month)
    letzter = ende_excl - timedelta(days=1)
    for muster in (werktage, wochenenden):
        dienst.wende_muster_an(db, vorhanden(muster.id, "die Nummer des Musters"), erster, letzter)

    # One leave week of Jörg (Mon–Fri) in the next month, covered by Sabine in his shifts (seed 004, 2.6.1, without
    # its 15-hour days: her own shifts of that week go to the students).
    urlaub_von = montag_der_woche(naechster.replace(day=1)) + timedelta(days=7)
    urlaub_bis = urlaub_von + timedelta(days=4)
    urlaub = Abwesenheit(joerg, Abwesenheitsart.URLAUB, urlaub_von, urlaub_bis, notiz="Jahresurlaub")
    joergs_schicht = dienst.schichten_von(db, joerg, urlaub_von, urlaub_von)[0].vorlage
    vertrete_urlaubswoche(db, urlaub, sabine, (ulrike, rudolf))

    # The household starts its payroll in the program with the month it is created in (earlier months count as
    # settled elsewhere): its current month is the next one to finalise, whatever the day the demo is opened.
    setze_abrechnungsbeginn(db, erster.year, erster.month)

    monate = f"{monatsname(erster.year, erster.month)} und {monatsname(naechster.year, naechster.month)}"
    text = (
        f"Beispielhaushalt angelegt: {pfad}\n"
        f"  Arbeitgeberin Maria Beispiel (Stuttgart, Baden-Württemberg)\n"
        "  Sabine und Jörg: Montag bis Freitag Früh- und Spätdienst im Wochenwechsel, im Urlaub vertreten sie sich.\n"
        "  Ulrike und Rudolf: an jedem Wochenende beide (7–22 Uhr wäre für eine Person zu lang), im Wechsel:\n"
        "  eine Woche Ulrike früh und Rudolf spät, die nächste umgekehrt.\n"
        f"  Dienstplan {monate}; Jörg hat vom {urlaub_von:%d.%m.} bis {urlaub_bis:%d.%m.%Y} Urlaub: Sabine übernimmt\n"
        f"  seinen {joergs_schicht} (den sie schon in der Woche davor hatte), ihre eigenen Schichten übernehmen\n"
        "  Ulrike und Rudolf.\n"
        f"  Krankenkasse {DEMO_KASSE} mit {BEISPIELWERT}en (Zusatzbeitrag 3,29 %, U1 2,5 % mit 65 % Erstattung, "
        "U2 0,39 %);\n  für eine echte Abrechnung bitte die Sätze der eigenen Kassen eintragen.\n"
        "  Der Plan folgt dem Muster aus dem ForseA-Handbuch (2.6.1), hält aber das Arbeitszeitgesetz ein: jede\n"
        "  Schicht hat ihre Pause (im Bedarfsprofil Arbeit 0), niemand arbeitet beide Schichten eines Tages.\n"
        f"Starten mit: assistenzbuero --db {pfad}"
    )
    return Demo(pfad, sabine, joerg, ulrike, rudolf, urlaub_von, urlaub_bis, text)
