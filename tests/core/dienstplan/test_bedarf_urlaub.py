"""Need profile and coverage (Arbeit 0/I/II, seed 004 1.4.4), Kostenträger defaults, leave entitlement (BUrlG)."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, Abwesenheitsindex
from core.dienstplan.bedarf import (
    Bedarfsblock,
    Bedarfsprofil,
    Bedarfsstufe,
    abdeckung,
    bedarfsstunden,
    leistungsarten_aus_bedarf,
)
from core.dienstplan.schicht import stunden_je_leistungsart
from core.dienstplan.urlaub import (
    arbeitstage_aus_plan,
    arbeitstage_nach_wochentagen,
    urlaubsanspruch,
    urlaubskonto,
    volle_monate,
)
from core.domain.zeit import stunden
from core.fehler import EingabeFehler
from tests.core.dienstplan.hilfe import sch

A1, A2 = Bedarfsstufe.ARBEIT_I, Bedarfsstufe.ARBEIT_II

# Seed 004, 1.2.3/1.4.4: at work 8–16 Arbeitsassistenz (Integrationsamt); otherwise Hilfe zur Pflege;
# night as Bereitschaft; 00:00–06:00 Arbeit 0 (she manages alone).
WERKTAG = (
    Bedarfsblock(time(6), time(8), A1, "HZP"),
    Bedarfsblock(time(8), time(16), A1, "AA"),
    Bedarfsblock(time(16), time(22), A1, "HZP"),
    Bedarfsblock(time(22), time(0), A2, "HZP"),
)
SONNTAG = (Bedarfsblock(time(8), time(20), A1, "EGH"),)
PROFIL = Bedarfsprofil("Alltag", {**{t: WERKTAG for t in range(6)}, 6: SONNTAG}, land="BW")


def test_abdeckung_mit_luecke_und_bereitschaft() -> None:
    tag = date(2026, 3, 3)
    schichten = [
        sch(1, "2026-03-03 06:00", "2026-03-03 14:00"),
        sch(2, "2026-03-03 15:00", "2026-03-03 22:00"),
        sch(3, "2026-03-03 22:00", "2026-03-04 07:00", bereitschaft=True),
    ]
    d = abdeckung(tag, PROFIL, schichten)
    assert [lu.text for lu in d.luecken] == ["14:00–15:00 (Arbeit I)"]
    assert d.bedarf[A1] == timedelta(hours=16)
    assert d.gedeckt[A1] == timedelta(hours=15)
    assert d.gedeckt[A2] == d.bedarf[A2] == timedelta(hours=2)


def test_bereitschaft_deckt_keinen_bedarf_an_arbeit_i() -> None:
    d = abdeckung(date(2026, 3, 3), PROFIL, [sch(1, "2026-03-03 06:00", "2026-03-04 00:00", bereitschaft=True)])
    assert d.gedeckt[A1] == timedelta(0)
    assert d.gedeckt[A2] == timedelta(hours=2)


def test_abwesende_assistenzkraft_deckt_nichts() -> None:
    schichten = [sch(1, "2026-03-01 08:00", "2026-03-01 20:00")]
    index = Abwesenheitsindex([Abwesenheit(1, Abwesenheitsart.KRANK, date(2026, 3, 1), date(2026, 3, 2))])
    assert abdeckung(date(2026, 3, 1), PROFIL, schichten).vollstaendig
    d = abdeckung(date(2026, 3, 1), PROFIL, schichten, index)
    assert [lu.text for lu in d.luecken] == ["08:00–20:00 (Arbeit I)"]


def test_feiertag_folgt_dem_sonntagsprofil() -> None:
    # 06.01.2026 (Tuesday) is a holiday in BW: the Sunday profile applies
    assert abdeckung(date(2026, 1, 6), PROFIL, []).bedarf[A1] == timedelta(hours=12)
    assert abdeckung(date(2026, 1, 7), PROFIL, []).bedarf[A1] == timedelta(hours=16)


def test_bedarf_in_der_sommerzeitnacht_hat_echte_laenge() -> None:
    nacht = Bedarfsprofil("Nacht", {6: (Bedarfsblock(time(0), time(6), A2),)})
    assert abdeckung(date(2026, 3, 29), nacht, []).bedarf[A2] == timedelta(hours=5)


def test_kostentraeger_aus_dem_bedarf_aufgeteilt() -> None:
    schicht = leistungsarten_aus_bedarf(sch(1, "2026-03-03 07:00", "2026-03-03 14:00"), PROFIL)
    je_art = {k: stunden(v.arbeit) for k, v in stunden_je_leistungsart([schicht]).items()}
    assert je_art == {"AA": 6, "HZP": 1}
    assert schicht.leistungsart == "AA"


def test_kostentraeger_einer_ganzen_schicht() -> None:
    schicht = leistungsarten_aus_bedarf(sch(1, "2026-03-01 08:00", "2026-03-01 14:00"), PROFIL)
    assert (schicht.leistungsart, schicht.leistungsanteile) == ("EGH", ())


def test_vorhandener_kostentraeger_bleibt() -> None:
    schicht = sch(1, "2026-03-03 07:00", "2026-03-03 14:00").mit(leistungsart="BP")
    assert leistungsarten_aus_bedarf(schicht, PROFIL).leistungsart == "BP"


def test_ueberlappender_bedarf_wird_abgelehnt() -> None:
    kaputt = Bedarfsprofil("X", {0: (Bedarfsblock(time(6), time(9), A1), Bedarfsblock(time(8), time(10), A2))})
    with pytest.raises(EingabeFehler, match="überschneiden sich"):
        kaputt.pruefe()


# --- Urlaub ---------------------------------------------------------------------------------------------------

VOLLES_JAHR = {"beschaeftigt_von": date(2020, 1, 1)}


@pytest.mark.parametrize(
    ("tage", "erwartet"),
    [
        pytest.param("6", "24", id="§ 3 BUrlG 6-Tage-Woche 24"),
        pytest.param("5", "20", id="24 x 5 / 6 = 20"),
        pytest.param("4", "16", id="24 x 4 / 6 = 16"),
        pytest.param("3", "12", id="24 x 3 / 6 = 12"),
        pytest.param("2", "8", id="24 x 2 / 6 = 8"),
        pytest.param("2.5", "10", id="24 x 2,5 / 6 = 10"),
        pytest.param("1", "4", id="24 x 1 / 6 = 4"),
    ],
)
def test_gesetzlicher_urlaub_nach_tagen_je_woche(tage: str, erwartet: str) -> None:
    assert urlaubsanspruch(2026, tage_pro_woche=Decimal(tage), **VOLLES_JAHR).anspruch == Decimal(erwartet)


@pytest.mark.parametrize(
    ("arbeitstage", "erwartet"),
    [
        pytest.param(312, "24", id="24 x 312 / 312"),
        pytest.param(156, "12", id="24 x 156 / 312 = 12"),
        pytest.param(104, "8", id="24 x 104 / 312 = 8 (2 Tage je Woche)"),
        pytest.param(100, "7.69", id="24 x 100 / 312 = 7,69 (Bruchteil bleibt im vollen Jahr)"),
    ],
)
def test_gesetzlicher_urlaub_unregelmaessig(arbeitstage: int, erwartet: str) -> None:
    assert urlaubsanspruch(2026, arbeitstage_im_jahr=arbeitstage, **VOLLES_JAHR).anspruch == Decimal(erwartet)


@pytest.mark.parametrize(
    ("von", "bis", "erwartet"),
    [
        pytest.param(date(2026, 7, 1), None, "20", id="Beginn 01.07.: Wartezeit endet 31.12., voller Anspruch"),
        pytest.param(date(2026, 7, 2), None, "8.33", id="Beginn 02.07.: 5/12 (§ 5 Abs. 1 a)"),
        pytest.param(date(2026, 8, 1), None, "8.33", id="Beginn 01.08.: 5/12 = 8,33"),
        pytest.param(date(2026, 10, 1), None, "5", id="Beginn 01.10.: 3/12 = 5"),
        pytest.param(
            date(2026, 3, 1), date(2026, 6, 30), "7", id="Ausscheiden vor Wartezeit: 4/12 = 6,67 → 7 (§ 5 Abs. 2)"
        ),
        pytest.param(
            date(2020, 1, 1), date(2026, 5, 31), "8.33", id="Ausscheiden erste Jahreshälfte: 5/12 (§ 5 Abs. 1 c)"
        ),
        pytest.param(date(2020, 1, 1), date(2026, 6, 30), "10", id="Ausscheiden 30.06.: 6/12 = 10"),
        pytest.param(date(2020, 1, 1), date(2026, 7, 31), "20", id="Ausscheiden zweite Jahreshälfte: voller Anspruch"),
        pytest.param(date(2026, 9, 15), None, "5", id="Beginn 15.09.: 3 volle Monate (bis 14.12.) = 5"),
    ],
)
def test_teilurlaub_fuenf_tage_woche(von: date, bis: date | None, erwartet: str) -> None:
    ergebnis = urlaubsanspruch(2026, beschaeftigt_von=von, beschaeftigt_bis=bis, tage_pro_woche=Decimal(5))
    assert ergebnis.anspruch == Decimal(erwartet), ergebnis.rechenweg


def test_volle_monate_ab_beginn_gezaehlt() -> None:
    assert volle_monate(date(2026, 9, 15), date(2026, 12, 31)) == 3
    assert volle_monate(date(2026, 1, 31), date(2026, 2, 27)) == 0
    assert volle_monate(date(2026, 1, 31), date(2026, 2, 28)) == 1  # § 188 Abs. 3 BGB: no 31 February
    assert volle_monate(date(2026, 1, 15), date(2026, 7, 14)) == 6


def test_vertraglicher_urlaub_gilt_wenn_hoeher_auch_anteilig() -> None:
    voll = urlaubsanspruch(2026, tage_pro_woche=Decimal(5), vereinbart=Decimal(30), **VOLLES_JAHR)
    assert (voll.gesetzlich, voll.vertraglich, voll.anspruch) == (20, 30, 30)
    # TVöD-like 30 days, start 01.08.: 30 × 5/12 = 12,5 → 13 (§ 5 Abs. 2 BUrlG)
    teil = urlaubsanspruch(2026, beschaeftigt_von=date(2026, 8, 1), tage_pro_woche=Decimal(5), vereinbart=Decimal(30))
    assert teil.anspruch == 13


def test_vertraglicher_urlaub_unter_mindesturlaub() -> None:
    ergebnis = urlaubsanspruch(2026, tage_pro_woche=Decimal(5), vereinbart=Decimal(18), **VOLLES_JAHR)
    assert ergebnis.anspruch == 20
    assert [h.code for h in ergebnis.hinweise] == ["URLAUB_UNTER_MINDESTURLAUB"]


def test_zusatzurlaub_schwerbehinderung() -> None:
    # § 208 SGB IX: 5 days at a 5-day week, 4 at a 4-day week
    assert urlaubsanspruch(2026, tage_pro_woche=Decimal(5), schwerbehindert=True, **VOLLES_JAHR).anspruch == 25
    assert urlaubsanspruch(2026, tage_pro_woche=Decimal(4), schwerbehindert=True, **VOLLES_JAHR).anspruch == 20


def test_ohne_arbeitstage_klare_meldung() -> None:
    with pytest.raises(EingabeFehler, match="Arbeitstage je Woche"):
        urlaubsanspruch(2026, **VOLLES_JAHR)


def test_urlaubskonto_genommen_geplant_rest() -> None:
    anspruch = urlaubsanspruch(2026, tage_pro_woche=Decimal(5), **VOLLES_JAHR)
    abwesenheiten = [
        # Mon 30.03.–Sun 12.04.2026: 10 weekdays, minus Karfreitag 03.04. and Ostermontag 06.04. (BW) = 8
        Abwesenheit(1, Abwesenheitsart.URLAUB, date(2026, 3, 30), date(2026, 4, 12)),
        Abwesenheit(1, Abwesenheitsart.URLAUB, date(2026, 8, 3), date(2026, 8, 7)),
        Abwesenheit(1, Abwesenheitsart.KRANK, date(2026, 5, 4), date(2026, 5, 8)),
    ]
    konto = urlaubskonto(
        anspruch,
        abwesenheiten,
        arbeitstage_nach_wochentagen(range(5), "BW"),
        stichtag=date(2026, 6, 30),
        uebertrag=Decimal(2),
    )
    assert (konto.genommen, konto.geplant, konto.rest) == (8, 5, 20 + 2 - 8 - 5)


def test_urlaubstage_bei_unregelmaessigem_plan_aus_den_schichten() -> None:
    # Jörg was planned on 08.01. and 09.01.2015 (Sabine covers): these are his leave days (seed 004, 2.6.1)
    schichten = [
        sch(1, "2015-01-08 07:00", "2015-01-08 14:00").mit(vertretung_fuer=2),
        sch(1, "2015-01-09 07:00", "2015-01-09 14:00").mit(vertretung_fuer=2),
        sch(2, "2015-01-12 14:00", "2015-01-12 22:00"),
    ]
    tage = arbeitstage_aus_plan(2, schichten)
    anspruch = urlaubsanspruch(2015, arbeitstage_im_jahr=230, **VOLLES_JAHR)
    konto = urlaubskonto(
        anspruch,
        [Abwesenheit(2, Abwesenheitsart.URLAUB, date(2015, 1, 8), date(2015, 1, 11))],
        tage.__contains__,
        stichtag=date(2015, 1, 31),
    )
    assert konto.genommen == 2


def test_bedarfsstunden_je_wochentag_und_woche() -> None:
    # Seed 004, 1.6.2 (round-the-clock assistance): Mon–Fri as WERKTAG (16 h Arbeit I, 2 h Arbeit II until
    # midnight), Sunday 12 h Arbeit I, Saturday not given
    tage = {**{w: WERKTAG for w in range(5)}, 6: SONNTAG}
    h = bedarfsstunden(tage)
    assert h.je_tag[0] == {Bedarfsstufe.ARBEIT_0: 0, A1: 16, A2: 2}
    assert h.je_tag[6] == {Bedarfsstufe.ARBEIT_0: 0, A1: 12, A2: 0}
    assert 5 not in h.je_tag
    assert h.woche == {Bedarfsstufe.ARBEIT_0: 0, A1: 5 * 16 + 12, A2: 5 * 2}


def test_bedarfsstunden_in_viertelstunden() -> None:
    h = bedarfsstunden({0: (Bedarfsblock(time(7), time(9, 45), A1), Bedarfsblock(time(21, 15), time(0), A2))})
    assert (h.je_tag[0][A1], h.je_tag[0][A2]) == (Decimal("2.75"), Decimal("2.75"))
