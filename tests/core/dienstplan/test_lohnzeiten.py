"""Roster → payroll input: hours per kind of day (midnight split) and stretches for § 3b EStG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, Abwesenheitsindex, mit_vertretung
from core.dienstplan.lohnzeiten import Tagesart, arbeitszeitraeume, stunden_nach_tagesart
from core.dienstplan.vorlagen import BLOCK_24H, NACHTBEREITSCHAFT, schicht_aus_vorlage
from core.regeln.zuschlaege import Kategorie, Zuschlagssaetze, berechne_zuschlaege


def test_stunden_nach_tagesart_heiligabend_bis_weihnachten() -> None:
    # 24-h-Block from Thu 24.12.2026 07:00: 17 h on Heiligabend, 7 h on the 1st Christmas Day (holiday)
    block = schicht_aus_vorlage(BLOCK_24H, date(2026, 12, 24), 1)
    je_art = stunden_nach_tagesart([block], "BW")
    assert je_art[Tagesart.HEILIGABEND_SILVESTER].gesamt_h == 17
    assert je_art[Tagesart.FEIERTAG].bereitschaft_h == 7
    assert je_art[Tagesart.WERKTAG].gesamt_h == 0


def test_samstagnacht_in_den_sonntag() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1)  # Sat 22:00 → Sun 07:00
    je_art = stunden_nach_tagesart([nacht], "BW")
    assert (je_art[Tagesart.WERKTAG].bereitschaft_h, je_art[Tagesart.SONNTAG].bereitschaft_h) == (2, 7)


def test_zuschlaege_aus_dem_dienstplan_mit_gewichteter_bereitschaft() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1)
    zeitraeume = arbeitszeitraeume(1, [nacht], Decimal("20.00"), Decimal(50))
    assert [(z.grundlohn, z.geleistet) for z in zeitraeume] == [(Decimal("10.00"), True)]
    ergebnis = berechne_zuschlaege(zeitraeume, Zuschlagssaetze(sonntag=Decimal(50)), "BW")
    assert ergebnis.stunden[Kategorie.SONNTAG] == 7
    # 7 Sunday hours × 10 € weighted Grundlohn × 50 % = 35 €
    assert ergebnis.zuschlag == Decimal("35.00")


def test_urlaub_zaehlt_als_nicht_geleistet_beim_urspruenglich_geplanten() -> None:
    nacht = mit_vertretung(schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 7), 1), 2)
    urlaub = Abwesenheitsindex([Abwesenheit(1, Abwesenheitsart.URLAUB, date(2026, 3, 7), date(2026, 3, 8))])
    fuer_jorg = arbeitszeitraeume(1, [nacht], Decimal("20.00"), Decimal(50), urlaub)
    fuer_sabine = arbeitszeitraeume(2, [nacht], Decimal("20.00"), Decimal(50), urlaub)
    assert [z.geleistet for z in fuer_jorg] == [False]
    assert [z.geleistet for z in fuer_sabine] == [True]
