"""Shifts in real time: DST nights, midnight split, Arbeit I/II, breaks, templates, holidays per Land."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from core.dienstplan.schicht import (
    Arbeitsart,
    Istzeit,
    Pause,
    pruefe_schicht,
    schichtstunden,
    stunden_je_tag,
    tagesstuecke,
)
from core.dienstplan.tage import tagesinfo
from core.dienstplan.vorlagen import (
    BLOCK_24H,
    FRUEHDIENST,
    NACHTBEREITSCHAFT,
    SPAETDIENST,
    VorlagenPause,
    schicht_aus_vorlage,
)
from core.domain.zeit import stunden
from core.fehler import EingabeFehler
from tests.core.dienstplan.hilfe import sch, zp


# The standard templates carry their § 4 ArbZG break (core.dienstplan.vorlagen): Nachtbereitschaft 22–07 with
# 03:00–03:30, Frühdienst 07–14 with 10:30–11:00, 24-h-Block 07–07 with 11:30–12:00 and 17:00–17:15 in its day part.
# Expected hours by hand: wall length ± the DST hour, minus the breaks.
@pytest.mark.parametrize(
    ("vorlage", "tag", "arbeit", "bereitschaft"),
    [
        pytest.param(
            NACHTBEREITSCHAFT,
            date(2026, 3, 28),
            "0",
            "7.5",
            id="Nacht 28./29.03.2026 Sommerzeit: 9 h Wand, 8 h real − 0,5 Pause",
        ),
        pytest.param(
            NACHTBEREITSCHAFT, date(2026, 10, 24), "0", "9.5", id="Nacht 24./25.10.2026 Winterzeit: 10 h real − 0,5"
        ),
        pytest.param(NACHTBEREITSCHAFT, date(2025, 3, 29), "0", "7.5", id="Nacht 29./30.03.2025 Sommerzeit: 8 − 0,5"),
        pytest.param(NACHTBEREITSCHAFT, date(2025, 10, 25), "0", "9.5", id="Nacht 25./26.10.2025 Winterzeit: 10 − 0,5"),
        pytest.param(NACHTBEREITSCHAFT, date(2026, 3, 29), "0", "8.5", id="Nacht danach wieder 9 h − 0,5"),
        # 14 h Arbeit I (07–21) − 0,75 h Pausen = 13,25; Arbeit II 21–07 = 10 h ± 1
        pytest.param(BLOCK_24H, date(2026, 3, 28), "13.25", "9", id="24-h-Block über Sommerzeit: 23 h"),
        pytest.param(BLOCK_24H, date(2026, 10, 24), "13.25", "11", id="24-h-Block über Winterzeit: 25 h"),
        pytest.param(
            BLOCK_24H,
            date(2026, 3, 2),
            "13.25",
            "10",
            id="24-h-Block seed 1.6.2: 14 h Arbeit I − 0,75 + 10 h Arbeit II",
        ),
        pytest.param(FRUEHDIENST, date(2026, 3, 29), "6.5", "0", id="Frühdienst am Umstellungstag 7 h − 0,5"),
    ],
)
def test_vorlagen_haben_echte_laenge(vorlage, tag: date, arbeit: str, bereitschaft: str) -> None:  # type: ignore[no-untyped-def]
    schicht = schicht_aus_vorlage(vorlage, tag, 1)
    h = schichtstunden(schicht)
    assert (h.arbeit_h, h.bereitschaft_h) == (Decimal(arbeit), Decimal(bereitschaft))


def test_schicht_in_der_fehlenden_stunde_wird_abgelehnt() -> None:
    from datetime import time

    from core.dienstplan.vorlagen import Schichtvorlage

    vorlage = Schichtvorlage("Früh um halb drei", "X", time(2, 30), time(8))
    with pytest.raises(EingabeFehler, match=r"gibt es am 29\.03\.2026 nicht"):
        schicht_aus_vorlage(vorlage, date(2026, 3, 29), 1)


def test_mitternacht_teilt_nach_kalendertagen_silvester_neujahr() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2025, 12, 31), 1)
    stuecke = tagesstuecke(nacht)
    assert [(s.tag, stunden(s.dauer), s.arbeitsart) for s in stuecke] == [
        (date(2025, 12, 31), Decimal(2), Arbeitsart.BEREITSCHAFT),
        (date(2026, 1, 1), Decimal(3), Arbeitsart.BEREITSCHAFT),  # 00:00–03:00, then the break 03:00–03:30
        (date(2026, 1, 1), Decimal("3.5"), Arbeitsart.BEREITSCHAFT),  # 03:30–07:00
    ]
    assert tagesinfo("BW", date(2026, 1, 1)).feiertag == "Neujahr"
    assert tagesinfo("BW", date(2025, 12, 31)).besonderer_tag == "Silvester"


def test_mitternacht_in_der_sommerzeitnacht() -> None:
    je_tag = stunden_je_tag([schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 3, 28), 1)])
    # 29.03.: 00:00–07:00 are 6 real hours (02:00–03:00 is skipped), minus the break 03:00–03:30
    assert {t: h.bereitschaft_h for t, h in je_tag.items()} == {date(2026, 3, 28): 2, date(2026, 3, 29): Decimal("5.5")}


def test_24h_block_wird_an_mitternacht_und_nach_arbeitsart_geteilt() -> None:
    stuecke = tagesstuecke(schicht_aus_vorlage(BLOCK_24H, date(2026, 12, 24), 1))
    # the day part 07–21 is cut by its breaks 11:30–12:00 and 17:00–17:15: 4,5 + 5 + 3,75 = 13,25 h Arbeit I
    assert [(s.tag, f"{s.beginn:%H:%M}", stunden(s.dauer), s.arbeitsart.value) for s in stuecke] == [
        (date(2026, 12, 24), "07:00", Decimal("4.5"), "arbeit"),
        (date(2026, 12, 24), "12:00", 5, "arbeit"),
        (date(2026, 12, 24), "17:15", Decimal("3.75"), "arbeit"),
        (date(2026, 12, 24), "21:00", 3, "bereitschaft"),
        (date(2026, 12, 25), "00:00", 7, "bereitschaft"),
    ]
    assert tagesinfo("BW", date(2026, 12, 24)).bemerkung == "Heiligabend"
    assert tagesinfo("BW", date(2026, 12, 25)).feiertag == "Erster Weihnachtstag"


def test_pausen_werden_abgezogen_und_bereitschaft_gewichtet() -> None:
    schicht = sch(
        1,
        "2026-03-02 14:00",
        "2026-03-03 07:00",
        teile=(("2026-03-02 22:00", "2026-03-03 06:00"),),
        pausen=(("2026-03-02 18:00", "2026-03-02 18:30"),),
    )
    h = schichtstunden(schicht)
    assert (h.arbeit_h, h.bereitschaft_h, stunden(h.pausen)) == (Decimal("8.5"), Decimal(8), Decimal("0.5"))
    # Arbeit II at 30 % (seed 004, 1.6.2): 8.5 + 8 × 0.3 = 10.9 paid hours
    assert h.bezahlte_stunden(Decimal(30)) == Decimal("10.9")


def test_istzeit_ersetzt_den_plan_fuer_die_bezahlung() -> None:
    plan = sch(1, "2026-03-02 07:00", "2026-03-02 14:00")
    mit_ist = plan.mit(ist=Istzeit(zp("2026-03-02 07:00"), zp("2026-03-02 15:15")))
    assert schichtstunden(mit_ist.bezahlt()).arbeit_h == Decimal("8.25")
    assert schichtstunden(mit_ist).arbeit_h == Decimal(7)


@pytest.mark.parametrize(
    ("beginn", "ende", "meldung"),
    [
        pytest.param("2026-03-02 14:00", "2026-03-02 07:00", "endet .* vor ihrem Beginn", id="Ende vor Beginn"),
        pytest.param("2026-03-02 14:00", "2026-03-02 14:00", "beginnt und endet", id="Ende gleich Beginn"),
        pytest.param("2026-03-02 07:00", "2026-03-12 07:00", "höchstens 7 Tage", id="Tippfehler im Enddatum"),
    ],
)
def test_unmoegliche_schicht_klare_meldung(beginn: str, ende: str, meldung: str) -> None:
    with pytest.raises(EingabeFehler, match=meldung) as info:
        pruefe_schicht(sch(1, beginn, ende), {1: "Sabine"})
    assert "Sabine" in str(info.value)


def test_pause_ausserhalb_der_schicht() -> None:
    schicht = sch(1, "2026-03-02 07:00", "2026-03-02 14:00").mit(
        pausen=(Pause(zp("2026-03-02 13:45"), zp("2026-03-02 14:15")),)
    )
    with pytest.raises(EingabeFehler, match=r"Pause .* außerhalb der Schicht"):
        pruefe_schicht(schicht)


@pytest.mark.parametrize(
    ("land", "tag", "erwartet"),
    [
        pytest.param("BW", date(2026, 1, 6), "Heilige Drei Könige", id="BW 06.01."),
        pytest.param("NW", date(2026, 1, 6), "", id="NW 06.01. kein Feiertag"),
        pytest.param("BE", date(2025, 3, 8), "Frauentag", id="BE Frauentag 2025"),
        pytest.param("SN", date(2026, 11, 18), "Buß- und Bettag", id="SN Buß- und Bettag"),
        pytest.param("HH", date(2026, 10, 31), "Reformationstag", id="HH Reformationstag"),
        pytest.param("TH", date(2026, 9, 20), "Weltkindertag", id="TH Weltkindertag"),
        pytest.param("Augsburg", date(2026, 8, 8), "Augsburger Hohes Friedensfest", id="Augsburg Friedensfest"),
        pytest.param("BY", date(2026, 8, 8), "", id="BY ohne Augsburg: kein Friedensfest"),
        pytest.param("BW", date(2026, 12, 24), "Heiligabend", id="24.12. besonderer Tag, kein Feiertag"),
        pytest.param("BW", date(2026, 12, 31), "Silvester", id="31.12. besonderer Tag"),
    ],
)
def test_feiertage_mehrerer_laender(land: str, tag: date, erwartet: str) -> None:
    info = tagesinfo(land, tag)
    assert info.bemerkung == erwartet
    if erwartet in ("Heiligabend", "Silvester"):
        assert info.feiertag is None


def test_tag_der_schicht_ist_der_beginn() -> None:
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, date(2026, 1, 31), 1)
    assert nacht.tag == date(2026, 1, 31)
    assert nacht.ende.date() == date(2026, 2, 1)
    assert nacht.dauer == timedelta(hours=9)


def test_spaetdienst_endet_um_22_uhr() -> None:
    # seed 004, 2.6.1 says "14:00 bis Schluß"; the program's template chooses 22:00
    spaet = schicht_aus_vorlage(SPAETDIENST, date(2026, 3, 2), 1)
    assert (spaet.beginn.hour, spaet.ende.hour) == (14, 22)


@pytest.mark.parametrize(
    ("beginn", "ende", "minuten"),
    [
        pytest.param(time(12), time(12, 30), 30, id="Mittagspause"),
        pytest.param(time(23, 45), time(0, 15), 30, id="über Mitternacht"),
        pytest.param(time(2, 0), time(3, 0), 60, id="Wanduhrzeit, unabhängig von der Zeitumstellung"),
    ],
)
def test_vorlagenpause_aus_zwei_uhrzeiten(beginn: time, ende: time, minuten: int) -> None:
    pause = VorlagenPause.von_bis(beginn, ende)
    assert (pause.beginn, pause.minuten, pause.ende) == (beginn, minuten, ende)
