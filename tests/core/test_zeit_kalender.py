"""Berlin time over DST and midnight; holidays per Land (sources: § 3b EStG practice, Feiertagsgesetze)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from core.domain.kalender import feiertag, feiertage
from core.domain.zeit import BERLIN, dauer, lokal, stunden, teile_nach_kalendertagen
from core.fehler import EingabeFehler


def test_nacht_der_sommerzeit_ist_eine_stunde_kuerzer() -> None:
    # 29.03.2026: 02:00 → 03:00 (last Sunday of March)
    beginn = lokal(date(2026, 3, 28), time(22))
    ende = lokal(date(2026, 3, 29), time(6))
    assert stunden(dauer(beginn, ende)) == Decimal(7)


def test_nacht_der_winterzeit_ist_eine_stunde_laenger() -> None:
    # 25.10.2026: 03:00 → 02:00 (last Sunday of October)
    beginn = lokal(date(2026, 10, 24), time(22))
    ende = lokal(date(2026, 10, 25), time(6))
    assert stunden(dauer(beginn, ende)) == Decimal(9)


def test_doppelte_stunde_im_oktober_mit_fold() -> None:
    erste = lokal(date(2026, 10, 25), time(2, 30), fold=0)
    zweite = lokal(date(2026, 10, 25), time(2, 30), fold=1)
    assert stunden(dauer(erste, zweite)) == Decimal(1)


def test_dauer_ueber_zonen_und_in_utc() -> None:
    """Instants in UTC (the store) and in Berlin time (the roster) mixed: still the real time between them."""
    beginn = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 01:30 in Berlin, before the switch at 02:00
    ende = lokal(date(2026, 3, 29), time(3, 30))  # 01:30 UTC
    assert stunden(dauer(beginn, ende)) == Decimal(1) == -stunden(dauer(ende, beginn))
    assert stunden(dauer(beginn, datetime(2026, 3, 29, 6, tzinfo=UTC))) == Decimal("5.5")


def test_nicht_existierende_uhrzeit_wird_abgelehnt() -> None:
    with pytest.raises(EingabeFehler, match="Sommerzeit"):
        lokal(date(2026, 3, 29), time(2, 30))


def test_teilung_um_mitternacht() -> None:
    teile = teile_nach_kalendertagen(lokal(date(2026, 3, 28), time(22)), lokal(date(2026, 3, 29), time(6)))
    assert [(t, stunden(dauer(a, b))) for t, a, b in teile] == [
        (date(2026, 3, 28), Decimal(2)),
        (date(2026, 3, 29), Decimal(5)),
    ]
    assert teile[1][1] == datetime(2026, 3, 29, 0, tzinfo=BERLIN)


def test_ende_vor_beginn() -> None:
    with pytest.raises(EingabeFehler):
        teile_nach_kalendertagen(lokal(date(2026, 3, 2), time(14)), lokal(date(2026, 3, 2), time(7)))


@pytest.mark.parametrize(
    ("land", "tag", "name"),
    [
        pytest.param("BW", date(2026, 1, 6), "Heilige Drei Könige", id="BW Epiphanias"),
        pytest.param("BE", date(2026, 3, 8), "Frauentag", id="BE Frauentag"),
        pytest.param("SN", date(2026, 11, 18), "Buß- und Bettag", id="SN Buss- und Bettag"),
        pytest.param("Augsburg", date(2026, 8, 8), "Augsburger Hohes Friedensfest", id="Augsburg Friedensfest"),
        pytest.param("NW", date(2026, 11, 1), "Allerheiligen", id="NW Allerheiligen"),
        pytest.param("TH", date(2026, 9, 20), "Weltkindertag", id="TH Weltkindertag"),
    ],
)
def test_feiertage_je_land(land: str, tag: date, name: str) -> None:
    assert feiertag(land, tag) == name


def test_kein_feiertag() -> None:
    assert feiertag("NW", date(2026, 1, 6)) is None  # Epiphanias only BW, BY, ST
    assert feiertag("BY", date(2026, 8, 8)) is None  # Friedensfest only in Augsburg
    assert feiertag("BY", date(2026, 8, 15)) is None  # Mariä Himmelfahrt only in Catholic communities
    assert feiertag("BY", date(2026, 8, 15), katholisch=True) == "Mariä Himmelfahrt"
    assert date(2026, 12, 24) not in feiertage("BW", 2026)  # Heiligabend is no holiday (matters only for § 3b)


def test_unbekanntes_land() -> None:
    with pytest.raises(EingabeFehler, match="Bundesland"):
        feiertage("XX", 2026)
