"""Roster → payroll input: hours per kind of day (midnight split) and stretches for § 3b EStG."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, Abwesenheitsindex, mit_vertretung
from core.dienstplan.lohnzeiten import Tagesart, arbeitstage, arbeitszeitraeume, lohnstuecke, stunden_nach_tagesart
from core.dienstplan.schicht import Arbeitsart, Istzeit, Schicht
from core.dienstplan.vorlagen import BLOCK_24H, NACHTBEREITSCHAFT, schicht_aus_vorlage
from core.domain.zeit import BERLIN
from core.regeln.zuschlaege import Kategorie, Zuschlagssaetze, berechne_zuschlaege


def test_stunden_nach_tagesart_heiligabend_bis_weihnachten() -> None:
    # 24-h-Block from Thu 24.12.2026 07:00: 17 h on Heiligabend less its breaks 11:30–12:00 and 17:00–17:15
    # (§ 4 ArbZG) = 16,25 h; 7 h on the 1st Christmas Day (holiday)
    block = schicht_aus_vorlage(BLOCK_24H, date(2026, 12, 24), 1)
    je_art = stunden_nach_tagesart([block], "BW")
    assert je_art[Tagesart.HEILIGABEND_SILVESTER].gesamt_h == Decimal("16.25")
    assert je_art[Tagesart.FEIERTAG].bereitschaft_h == 7
    assert je_art[Tagesart.WERKTAG].gesamt_h == 0


def test_samstagnacht_in_den_sonntag() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1)  # Sat 22:00 → Sun 07:00, break 03:00–03:30
    je_art = stunden_nach_tagesart([nacht], "BW")
    # Saturday 22–24 = 2 h; Sunday 00–07 = 7 h less the 0,5 h break
    assert (je_art[Tagesart.WERKTAG].bereitschaft_h, je_art[Tagesart.SONNTAG].bereitschaft_h) == (2, Decimal("6.5"))


def test_zuschlaege_aus_dem_dienstplan_mit_gewichteter_bereitschaft() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1)
    zeitraeume = arbeitszeitraeume(1, [nacht], Decimal("20.00"), Decimal(50))
    # two stretches, 22:00–03:00 and 03:30–07:00 (the break lies between them), each at 20 € × 50 % = 10 €
    assert [(z.grundlohn, z.geleistet) for z in zeitraeume] == [(Decimal("10.00"), True)] * 2
    ergebnis = berechne_zuschlaege(zeitraeume, Zuschlagssaetze(sonntag=Decimal(50)), "BW")
    assert ergebnis.stunden[Kategorie.SONNTAG] == Decimal("6.5")
    # 6,5 Sunday hours (00–07 less the break) × 10 € weighted Grundlohn × 50 % = 32,50 €
    assert ergebnis.zuschlag == Decimal("32.50")


def test_urlaub_zaehlt_als_nicht_geleistet_beim_urspruenglich_geplanten() -> None:
    nacht = mit_vertretung(schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1), 2)
    urlaub = Abwesenheitsindex([Abwesenheit(1, Abwesenheitsart.URLAUB, date(2026, 3, 7), date(2026, 3, 8))])
    fuer_jorg = arbeitszeitraeume(1, [nacht], Decimal("20.00"), Decimal(50), urlaub)
    fuer_sabine = arbeitszeitraeume(2, [nacht], Decimal("20.00"), Decimal(50), urlaub)
    # both stretches of the night (before and after its break) follow who really works them
    assert [z.geleistet for z in fuer_jorg] == [False, False]
    assert [z.geleistet for z in fuer_sabine] == [True, True]


def _schicht(person: int, tag: int, von: int, bis_tag: int, bis: int, **weiter: object) -> Schicht:
    return Schicht(
        person, datetime(2026, 3, tag, von, tzinfo=BERLIN), datetime(2026, 3, bis_tag, bis, tzinfo=BERLIN), **weiter
    )  # type: ignore[arg-type]


def test_anschliessende_bereitschaft_gehoert_zum_arbeitstag_des_beginns() -> None:
    # Mo 02.03. 08–24 Uhr Arbeit, Di 03.03. 00–08 Uhr Bereitschaft: one working day (02.03.). Krank am 03.03.
    # therefore does not touch the standby that continues Monday's stretch.
    arbeit = _schicht(1, 2, 8, 3, 0)
    bereitschaft = _schicht(1, 3, 0, 3, 8, arbeitsart=Arbeitsart.BEREITSCHAFT)
    krank = Abwesenheitsindex([Abwesenheit(1, Abwesenheitsart.KRANK, date(2026, 3, 3), date(2026, 3, 3))])
    stuecke = lohnstuecke(1, [bereitschaft, arbeit], krank)
    assert [(s.arbeitstag, s.geleistet, s.stunden) for s in stuecke] == [
        (date(2026, 3, 2), True, 16),
        (date(2026, 3, 2), True, 8),
    ]
    assert arbeitstage([arbeit, bereitschaft]) == {arbeit: date(2026, 3, 2), bereitschaft: date(2026, 3, 2)}


def test_zeitraum_schneidet_an_der_monatsgrenze() -> None:
    # 31.03. 20:00 – 01.04. 06:00: 4 h in March, 6 h in April
    nacht = Schicht(1, datetime(2026, 3, 31, 20, tzinfo=BERLIN), datetime(2026, 4, 1, 6, tzinfo=BERLIN))
    maerz = lohnstuecke(1, [nacht], von=date(2026, 3, 1), bis=date(2026, 3, 31))
    april = lohnstuecke(1, [nacht], von=date(2026, 4, 1), bis=date(2026, 4, 30))
    assert [s.stunden for s in maerz] == [4] and [s.stunden for s in april] == [6]
    assert april[0].arbeitstag == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("art", "bezahlt"),
    [
        (Abwesenheitsart.URLAUB, True),  # § 11 BUrlG
        (Abwesenheitsart.KRANK, True),  # § 3 EFZG
        (Abwesenheitsart.BESCHAEFTIGUNGSVERBOT, True),  # § 18 MuSchG Mutterschutzlohn
        (Abwesenheitsart.FEIERTAG, True),  # § 2 EFZG
        (Abwesenheitsart.KIND_KRANK, False),  # § 45 SGB V Kinderkrankengeld
        (Abwesenheitsart.MUTTERSCHUTZ, False),  # § 20 MuSchG Zuschuss instead of pay
        (Abwesenheitsart.UNBEZAHLT, False),
    ],
    ids=lambda x: str(x),
)
def test_welche_abwesenheit_bezahlt_ist(art: Abwesenheitsart, bezahlt: bool) -> None:
    schicht = _schicht(1, 2, 8, 2, 16)
    index = Abwesenheitsindex([Abwesenheit(1, art, date(2026, 3, 2), date(2026, 3, 2))])
    assert art.fortgezahlt is bezahlt
    assert len(arbeitszeitraeume(1, [schicht], Decimal(20), Decimal(100), index)) == (1 if bezahlt else 0)
    stueck = lohnstuecke(1, [schicht], index)[0]
    assert not stueck.geleistet and stueck.abwesenheit is not None and stueck.abwesenheit.art is art


def test_istzeit_fuer_geleistete_plan_fuer_ausgefallene_schicht() -> None:
    ist = Istzeit(datetime(2026, 3, 2, 8, tzinfo=BERLIN), datetime(2026, 3, 2, 17, tzinfo=BERLIN))
    schicht = _schicht(1, 2, 8, 2, 16, ist=ist)
    assert [s.stunden for s in lohnstuecke(1, [schicht])] == [9]
    krank = Abwesenheitsindex([Abwesenheit(1, Abwesenheitsart.KRANK, date(2026, 3, 2), date(2026, 3, 2))])
    assert [s.stunden for s in lohnstuecke(1, [schicht], krank)] == [8]
