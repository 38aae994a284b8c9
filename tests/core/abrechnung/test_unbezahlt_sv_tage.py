"""SV-Tage when unpaid leave lasts longer than one month (§ 7 Abs. 3 Satz 1 SGB IV).

The employment against pay goes on without pay for one month at most (a Zeitmonat from the first unpaid day,
§§ 187 Abs. 2, 188 Abs. 2 BGB); after it the versicherungspflichtige Beschäftigung has ended, and the days up to the
resumption of work are no SV-Tage. Sources: § 7 Abs. 3 SGB IV; Haufe "Besondere Beitragsberechnung bei unbezahltem
Urlaub" (haufe.de/personal/entgelt/besondere-beitragsberechnung-bei-unbezahltem-urlaub_78_367088.html: unpaid
16.06.–31.07.2016, work again 01.08. → Versicherungspflicht to 15.07., June 30 SV-Tage, July 1.–15.07. = 15 SV-Tage,
and the SV-Tage set the pro-rata BBG); personalwissen.de "So regeln Sie wichtige Details zum unbezahlten Urlaub"
(over a month: the employment ends for the SV, Abmeldung after the month). Krankengeld/Mutterschaftsgeld days are
outside the fiction (§ 7 Abs. 3 Satz 3 SGB IV) and were no SV-Tage before. A Minijob keeps counting its unpaid days
(`sv_tage_geringfuegig`, as briefed; see the module text of core.abrechnung.unbezahlt).

Figures worked by hand; BBG 2026 (RECHENGROESSEN.md): KV/PV 5.812,50 €, RV/AV 8.450 € a month, × SV-Tage / 30.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from core.abrechnung.modell import Monatsergebnis
from core.abrechnung.rechnen import berechne
from core.abrechnung.unbezahlt import ende_nach_einem_monat, ohne_beschaeftigung, unbezahlte_zeitraeume
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.abrechnung.hilfe import eingabe

d = Decimal
HINWEIS = "UNBEZAHLT_UEBER_EINEN_MONAT"
UNBEZAHLT_10_03_BIS_25_05 = [{"art": "unbezahlt", "von": "2026-03-10", "bis": "2026-05-25"}]


def rechne(
    monat: int,
    abwesenheiten: list[dict[str, str]],
    monatslohn: str = "8000.00",
    beschaeftigung: str = "sv_pflichtig",
    **weiter: Any,
) -> Monatsergebnis:
    """A full-timer's month as a scenario. A scenario has no history, so a month with little or no pay would be
    classified by that pay alone (Minijob, Übergangsbereich); the contract's `beschaeftigung` states what the
    employment is, as the finalised months would in the run (see the run test in tests/core/meldungen)."""
    kraft = {"monatslohn": monatslohn, "abwesenheiten": abwesenheiten, "beschaeftigung": beschaeftigung, **weiter}
    return berechne(eingabe(monat=monat, **kraft))


def codes(k: Monatsergebnis) -> set[str]:
    return {h.code for h in k.hinweise}


@pytest.mark.parametrize(
    ("anfang", "ende"),
    [
        (date(2026, 3, 10), date(2026, 4, 9)),  # the brief's example
        (date(2026, 6, 16), date(2026, 7, 15)),  # Haufe: unpaid from 16.06. → insured to 15.07.
        (date(2026, 8, 8), date(2026, 9, 7)),  # Haufe "Unbezahlter Urlaub, Meldungen": Abmeldung 34 to 07.09.
        (date(2026, 1, 31), date(2026, 2, 28)),  # § 188 Abs. 3 BGB: no 31.02., the month's last day
    ],
)
def test_ende_nach_einem_monat(anfang: date, ende: date) -> None:
    assert ende_nach_einem_monat(anfang) == ende


def test_angrenzende_eintraege_sind_ein_urlaub() -> None:
    """Unpaid leave entered as two records 10.03.–31.03. and 01.04.–25.05. is one leave of 77 days."""
    abw = [
        Abwesenheit(1, Abwesenheitsart.UNBEZAHLT, date(2026, 4, 1), date(2026, 5, 25)),
        Abwesenheit(1, Abwesenheitsart.UNBEZAHLT, date(2026, 3, 10), date(2026, 3, 31)),
        Abwesenheit(1, Abwesenheitsart.URLAUB, date(2026, 5, 26), date(2026, 5, 29)),
    ]
    assert unbezahlte_zeitraeume(abw) == [(date(2026, 3, 10), date(2026, 5, 25))]
    april = ohne_beschaeftigung(abw, date(2026, 4, 1), date(2026, 4, 30))
    assert (min(april), max(april), len(april)) == (date(2026, 4, 10), date(2026, 4, 30), 21)
    assert set(april.values()) == {date(2026, 4, 9)}


def test_maerz_zaehlt_alle_tage() -> None:
    """March: the leave from 10.03. is still within its month; 30 SV-Tage (whole month), no Hinweis."""
    k = rechne(3, UNBEZAHLT_10_03_BIS_25_05)
    assert k.sv_tage == 30
    assert HINWEIS not in codes(k)


def test_april_bis_zum_neunten() -> None:
    """April: the employment goes on to 09.04. (one month from 10.03.): 9 SV-Tage; 10.–30.04. are none. No pay in
    April, so the pro-rata BBG (KV 5.812,50 × 9/30 = 1.743,75 €) has nothing to cap."""
    k = rechne(4, UNBEZAHLT_10_03_BIS_25_05)
    assert k.sv_tage == 9
    assert k.brutto == d("0.00") and k.kv_an == d("0.00")
    (h,) = [h for h in k.hinweise if h.code == HINWEIS]
    assert "09.04.2026" in h.text and "21 Kalendertage" in h.text and "§ 7 Abs. 3 Satz 1 SGB IV" in h.rechtsgrundlage
    assert k.jahreswerte.sv_tage == 9  # no history in a scenario: the year's days are this month's


def test_mai_ab_wiederaufnahme_und_anteilige_bbg() -> None:
    """May: no employment 01.–25.05., work again from 26.05. (Anmeldung 13): 6 SV-Tage. Monatslohn 8.000 € for
    6/31 of the month: 8.000 − 8.000 × 25/31 (6.451,61) = 1.548,39 €. Pro-rata BBG KV/PV 5.812,50 × 6/30 = 1.162,50 €
    (the KV/PV base is capped there); RV/AV 8.450 × 6/30 = 1.690,00 € (not reached: 1.548,39 €). With 30 SV-Tage
    the KV/PV base would have been the whole 1.548,39 €."""
    k = rechne(5, UNBEZAHLT_10_03_BIS_25_05)
    assert k.sv_tage == 6
    assert k.sv_brutto == d("1548.39")
    assert (k.kv_entgelt, k.rv_entgelt) == (d("1162.50"), d("1548.39"))
    assert HINWEIS in codes(k)


def test_juni_wieder_voll() -> None:
    k = rechne(6, UNBEZAHLT_10_03_BIS_25_05)
    assert k.sv_tage == 30 and HINWEIS not in codes(k)


def test_zwei_eintraege_wie_einer() -> None:
    """The same leave entered as 10.03.–31.03. and 01.04.–25.05.: April still has 9 SV-Tage."""
    zwei = [
        {"art": "unbezahlt", "von": "2026-03-10", "bis": "2026-03-31"},
        {"art": "unbezahlt", "von": "2026-04-01", "bis": "2026-05-25"},
    ]
    assert rechne(4, zwei).sv_tage == 9


@pytest.mark.parametrize(
    ("monat", "sv_tage"),
    [(6, 30), (7, 15), (8, 30)],
    ids=["Juni 30 (Haufe)", "Juli 1.–15.07. = 15 (Haufe)", "August wieder 30"],
)
def test_haufe_beispiel(monat: int, sv_tage: int) -> None:
    """Haufe "Besondere Beitragsberechnung bei unbezahltem Urlaub": unpaid 16.06.–31.07., work again 01.08."""
    k = rechne(monat, [{"art": "unbezahlt", "von": "2026-06-16", "bis": "2026-07-31"}], monatslohn="3000.00")
    assert k.sv_tage == sv_tage


def test_genau_ein_monat_aendert_nichts() -> None:
    """Unpaid 20.09.–19.10.: exactly the month the employment goes on (Haufe: no Meldungen); October 30 SV-Tage."""
    k = rechne(10, [{"art": "unbezahlt", "von": "2026-09-20", "bis": "2026-10-19"}], monatslohn="3000.00")
    assert k.sv_tage == 30 and HINWEIS not in codes(k)


def test_minijob_unveraendert() -> None:
    """A Minijob (Monatslohn 500 €, May pays 500 × 6/31 = 96,77 €) keeps counting its unpaid days: 30 SV-Tage
    (`sv_tage_geringfuegig`, unchanged by this rule as briefed), no Hinweis."""
    k = rechne(5, UNBEZAHLT_10_03_BIS_25_05, monatslohn="500.00", beschaeftigung="minijob")
    assert k.beschaeftigung is Beschaeftigungsart.MINIJOB
    assert k.sv_brutto == d("96.77")
    assert k.sv_tage == 30 and HINWEIS not in codes(k)


def test_krankengeld_unveraendert() -> None:
    """Krank 01.02.–31.03.: continued pay 01.02.–14.03. (42 days, § 3 EFZG), Krankengeld 15.–31.03. → 14 SV-Tage in
    March as before (§ 224 SGB V; § 7 Abs. 3 Satz 3 SGB IV keeps such days out of the one-month fiction)."""
    k = rechne(3, [{"art": "krank", "von": "2026-02-01", "bis": "2026-03-31"}], monatslohn="3000.00")
    assert k.sv_tage == 14 and HINWEIS not in codes(k)


def test_krankengeld_und_unbezahlt_im_selben_monat() -> None:
    """Unpaid 10.03.–25.05., and in May the assistant was to resume on 26.05. but is sick 26.–31.05. from the
    first day of work: the EFZG pays (employed since 2025, no waiting period), so the 6 days count: 6 SV-Tage."""
    abw = [*UNBEZAHLT_10_03_BIS_25_05, {"art": "krank", "von": "2026-05-26", "bis": "2026-05-31"}]
    assert rechne(5, abw, eintritt="2025-01-01").sv_tage == 6


def test_unbezahlt_nach_kinderkrankengeld() -> None:
    """Kinderkrankengeld 02.–06.03., then unpaid 07.03.–30.04.: the benefit's days do not count towards the month
    (Gemeinsames Rundschreiben vom 12.03.2013 "Fortbestand des Versicherungsverhältnisses", 1.8: interruptions of
    different kinds are not added up). The month runs 07.03.–06.04.: March 31 − 5 = 26 SV-Tage (Kinderkrankengeld,
    § 224 SGB V), April 01.–06.04. = 6 — where the Abmeldung 34 ends (tests/core/meldungen/test_unterbrechung.py)."""
    abw = [
        {"art": "kind_krank", "von": "2026-03-02", "bis": "2026-03-06"},
        {"art": "unbezahlt", "von": "2026-03-07", "bis": "2026-04-30"},
    ]
    assert (rechne(3, abw).sv_tage, rechne(4, abw).sv_tage) == (26, 6)
