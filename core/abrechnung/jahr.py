"""What the year so far tells the month's rules: the Minijob forecast, the Zeitjahr's overshoots, the year totals
for one-off payments (§ 23a SGB IV) and for the Lohnsteuer on sonstige Bezüge (JRE4).

With a known history (`Vorgeschichte.bekannt`):
- Jahresprognose (§ 8 Abs. 1 Nr. 1 SGB IV, Geringfügigkeits-Richtlinien B 2.2.1): the calendar year's months of
  employment — pay of the finalised months (without occasional unforeseen overshoots) + this month + for each month
  still to come the average running pay of the year's regular months so far (fluctuating pay evens out) — against
  the sum of those months' Minijob limits (the limit follows the Mindestlohn and may change). One-off payments
  expected later are not known and not included.
- Occasional unforeseen overshoot (§ 8 Abs. 1b SGB IV): the month is marked by the user; the months so marked in the
  Zeitjahr (the twelve months ending with this one) are counted from the history.
- Kurzfristig: days worked this calendar year for this employer (history) + this month + days with earlier employers.
- BBG for one-offs and the March clause: this year's and last year's totals.
- JRE4: the taxable pay of the year so far (running and sonstige Bezüge).
Without a history the documented scenario assumptions apply (core.abrechnung.rechnen), each with a Hinweis.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.abrechnung.abzuege import Annahmen
from core.abrechnung.modell import Monatseingabe
from core.domain.geld import NULL, format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsgrenzen
from core.regeln.beitraege import BisherImJahr
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert

RG_PROGNOSE = "§ 8 Abs. 1 Nr. 1 SGB IV; Geringfügigkeits-Richtlinien B 2.2.1"


def beschaeftigte_monate(e: Monatseingabe) -> list[int]:
    """The months of this calendar year in which the employment exists (Eintritt/Austritt, contract end)."""
    ende: date | None = e.person.austritt
    vertragsende = [v.ende for v in e.vertraege]
    if vertragsende and all(x is not None for x in vertragsende):
        letzter = max(x for x in vertragsende if x is not None)
        ende = letzter if ende is None else min(ende, letzter)
    monate = []
    for monat in range(1, 13):
        erster, folgender = monatsgrenzen(e.jahr, monat)
        if e.person.eintritt < folgender and (ende is None or ende >= erster):
            monate.append(monat)
    return monate


def annahmen(
    e: Monatseingabe,
    laufend_sv: Decimal,
    einmal_sv: Decimal,
    arbeitstage: int,
    hinweise: list[Hinweis],
) -> Annahmen:
    """The inputs of the month's rules that come from the year (see the module text)."""
    v = e.vorgeschichte
    erster = date(e.jahr, e.monat, 1)
    grenze = regelwert("minijob_grenze_monat", erster).wert
    unvorhersehbar = e.ueberschreitung_unvorhersehbar and laufend_sv + einmal_sv > grenze
    vorbeschaeftigung = max((x.vorbeschaeftigung_tage_im_jahr for x in e.vertraege), default=0)
    if not v.bekannt:
        return _ohne_vorgeschichte(e, laufend_sv, einmal_sv, unvorhersehbar, vorbeschaeftigung, hinweise)

    dieses_jahr = [x for x in v.vormonate if x.jahr == e.jahr and x.monat < e.monat]
    monate = beschaeftigte_monate(e)
    jahresgrenze = sum((regelwert("minijob_grenze_monat", date(e.jahr, mo, 1)).wert for mo in monate), NULL)
    normale = [x for x in dieses_jahr if not x.minijob_ueberschreitung]
    bisher = sum((x.laufendes_entgelt + x.einmalzahlungen for x in normale), NULL)
    laufend_bisher = sum((x.laufendes_entgelt for x in normale), NULL)
    anzahl_normale = len(normale)
    fruehere = 0
    beginn = v.abrechnungsbeginn
    if beginn is not None and beginn.year == e.jahr:  # months a Lohnbüro settled (carried-over figures)
        anzahl_normale += sum(1 for mo in monate if mo < beginn.month)
        bisher += v.vortrag_laufend + v.vortrag_einmalzahlungen
        laufend_bisher += v.vortrag_laufend
        fruehere += v.vortrag_ueberschreitungen
    kommende = [mo for mo in monate if mo > e.monat]
    if unvorhersehbar:  # this month is left out; the months to come at the average of the regular ones
        schnitt = laufend_bisher / anzahl_normale if anzahl_normale else laufend_sv
        prognose = bisher + schnitt * len(kommende)
    else:
        schnitt = (laufend_bisher + laufend_sv) / (anzahl_normale + 1)
        prognose = bisher + laufend_sv + einmal_sv + schnitt * len(kommende)
    zeitjahr_beginn = (e.jahr * 12 + e.monat - 1) - 11
    fruehere += sum(
        1 for x in v.vormonate if x.minijob_ueberschreitung and zeitjahr_beginn <= x.jahr * 12 + x.monat - 1
    )
    jw = v.jahreswerte
    return Annahmen(
        jahresprognose=prognose,
        prognose_monate=max(len(monate), 1),
        jahresgrenze=jahresgrenze,
        ueberschreitung_unvorhersehbar=unvorhersehbar,
        fruehere_ueberschreitungen=fruehere,
        vorbeschaeftigung_tage=vorbeschaeftigung,
        arbeitstage_bisher=jw.arbeitstage,
        bisher_im_jahr=BisherImJahr(jw.sv_tage, jw.entgelt_kv, jw.entgelt_rv),
        vorjahr=v.vorjahr,
        bisheriger_arbeitslohn=jw.steuerbrutto + jw.sonstige_bezuege,
    )


def _ohne_vorgeschichte(
    e: Monatseingabe,
    laufend_sv: Decimal,
    einmal_sv: Decimal,
    unvorhersehbar: bool,
    vorbeschaeftigung: int,
    hinweise: list[Hinweis],
) -> Annahmen:
    prognose = None
    if einmal_sv:
        prognose = laufend_sv * 12 + einmal_sv
        hinweise.append(
            Hinweis(
                "SZENARIO_JAHRESPROGNOSE",
                Schwere.INFO,
                "Für die Einstufung ist angenommen, dass das laufende Entgelt dieses Monats das ganze Jahr gilt und "
                "die Einmalzahlungen einmal im Jahr gezahlt werden.",
                "Geringfügigkeits-Richtlinien B 2.2.1",
            )
        )
    if unvorhersehbar:
        hinweise.append(
            Hinweis(
                "MINIJOB_UEBERSCHREITUNGEN_UNBEKANNT",
                Schwere.INFO,
                "Frühere unvorhersehbare Überschreitungen im Zeitjahr sind nicht bekannt; angenommen ist, dass es "
                "keine gab.",
                "§ 8 Abs. 1b SGB IV",
            )
        )
    monate_vorher = sum(1 for mo in beschaeftigte_monate(e) if mo < e.monat)
    return Annahmen(
        jahresprognose=prognose,
        ueberschreitung_unvorhersehbar=unvorhersehbar,
        vorbeschaeftigung_tage=vorbeschaeftigung,
        monate_vorher=monate_vorher,
    )


def hinweis_prognose_gebrochen(e: Monatseingabe, minijob_jetzt: bool, a: Annahmen, hinweise: list[Hinweis]) -> None:
    """The forecast broke: last month a Minijob, now not — say what the employer has to do."""
    vormonate = e.vorgeschichte.vormonate
    if minijob_jetzt or not vormonate or a.jahresprognose is None or a.jahresgrenze is None:
        return
    if vormonate[-1].beschaeftigung is not Beschaeftigungsart.MINIJOB:
        return
    hinweise.append(
        Hinweis(
            "MINIJOB_PROGNOSE_GEBROCHEN",
            Schwere.WARNUNG,
            f"Die Jahresprognose ({format_eur(a.jahresprognose)}) übersteigt jetzt die Summe der Minijob-Grenzen "
            f"({format_eur(a.jahresgrenze)}): Ab diesem Monat ist die Beschäftigung kein Minijob mehr, sondern "
            "versicherungspflichtig (im Übergangsbereich bis 2.000 €). Bitte bei der Minijob-Zentrale abmelden und "
            "bei der Krankenkasse anmelden (DEÜV). Die zurückliegenden Monate bleiben Minijob, "
            "wenn die Prognose damals zutraf.",
            RG_PROGNOSE + "; § 28a SGB IV",
        )
    )
