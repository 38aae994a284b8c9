"""Patterns (weekly alternation, weekend turns, blocks) and copying a week or a month."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from core.dienstplan.abwesenheit import mit_vertretung
from core.dienstplan.kopieren import Ausrichtung, eingefuegt, kopiere_monat, kopiere_woche, verschiebe_schicht
from core.dienstplan.muster import expandiere, tageblock, wochenendwechsel, wochenwechsel
from core.dienstplan.schicht import Istzeit, schichtstunden
from core.dienstplan.vorlagen import BLOCK_24H, FRUEHDIENST, NACHTBEREITSCHAFT, SPAETDIENST, Schichtvorlage
from core.domain.zeit import lokal, stunden
from core.fehler import EingabeFehler


def _plan(schichten) -> list[tuple[date, str | None, int]]:  # type: ignore[no-untyped-def]
    return [(s.tag, s.vorlage, s.assistenzkraft_id) for s in schichten]


def test_tageblock_drei_tage_im_wechsel() -> None:
    muster = tageblock("24-h-Blöcke", date(2026, 3, 2), [BLOCK_24H], [1, 2], block_tage=3)
    schichten = expandiere(muster, date(2026, 3, 2), date(2026, 3, 9))
    assert [s.assistenzkraft_id for s in schichten] == [1, 1, 1, 2, 2, 2, 1, 1]


def test_wochenwechsel_mit_drei_personen_und_einer_vorlage() -> None:
    muster = wochenwechsel("Nachtwochen", date(2026, 3, 2), [NACHTBEREITSCHAFT], [1, 2, 3], wochentage=range(7))
    schichten = expandiere(muster, date(2026, 3, 2), date(2026, 3, 29))
    je_woche = [
        sorted({s.assistenzkraft_id for s in schichten if (s.tag - date(2026, 3, 2)).days // 7 == w}) for w in range(4)
    ]
    assert je_woche == [[1], [2], [3], [1]]


def test_muster_gilt_nur_im_gueltigkeitszeitraum() -> None:
    muster = wochenwechsel("Früh", date(2026, 3, 2), [FRUEHDIENST], [1])
    muster = replace(muster, gueltig_von=date(2026, 3, 4))
    schichten = expandiere(muster, date(2026, 3, 2), date(2026, 3, 6))
    assert [s.tag.day for s in schichten] == [4, 5, 6]


@pytest.mark.parametrize(
    ("aufruf", "meldung"),
    [
        pytest.param(
            lambda: wochenwechsel("X", date(2026, 3, 3), [FRUEHDIENST], [1]), "Montag", id="Anker kein Montag"
        ),
        pytest.param(lambda: wochenwechsel("X", date(2026, 3, 2), [FRUEHDIENST], []), "mindestens eine", id="niemand"),
        pytest.param(
            lambda: wochenwechsel("X", date(2026, 3, 2), [FRUEHDIENST, SPAETDIENST, NACHTBEREITSCHAFT], [1, 2]),
            "mindestens 3 Assistenzkräfte",
            id="mehr Vorlagen als Personen",
        ),
        pytest.param(
            lambda: tageblock("X", date(2026, 3, 2), [BLOCK_24H], [1], 0), "mindestens einen Tag", id="Block 0"
        ),
    ],
)
def test_unmoegliches_muster_klare_meldung(aufruf, meldung: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EingabeFehler, match=meldung):
        aufruf()


def test_kopierte_woche_behaelt_wanduhrzeiten_ueber_die_zeitumstellung() -> None:
    # Week of 16.03.2026 copied onto the week of 23.03.2026, whose Saturday night is the DST night
    woche = expandiere(
        wochenendwechsel("Nächte", date(2026, 3, 16), [NACHTBEREITSCHAFT], [7]), date(2026, 3, 16), date(2026, 3, 22)
    )
    kopie = kopiere_woche(woche, date(2026, 3, 16), date(2026, 3, 23))
    assert [(s.tag, s.beginn.hour, s.ende.hour) for s in kopie] == [
        (date(2026, 3, 28), 22, 7),
        (date(2026, 3, 29), 22, 7),
    ]
    # 8 and 9 real hours (the DST night is 1 h short), each less the template's break 03:00–03:30
    assert [stunden(schichtstunden(s).bereitschaft) for s in kopie] == [Decimal("7.5"), Decimal("8.5")]


def test_kopie_setzt_vertretung_auf_die_geplante_person_zurueck() -> None:
    schicht = expandiere(wochenwechsel("F", date(2026, 3, 2), [FRUEHDIENST], [1]), date(2026, 3, 2), date(2026, 3, 2))[
        0
    ]
    vertreten = mit_vertretung(schicht.mit(id=5), 2)
    kopie = verschiebe_schicht(vertreten, 7)
    assert (kopie.assistenzkraft_id, kopie.vertretung_fuer, kopie.id) == (1, None, None)


def test_monat_nach_wochentagen_kopieren() -> None:
    # February 2026 (starts Sunday) has Sabine (1) early Mon-Fri; March 2026 (starts Sunday) gets the same weekdays.
    feb = expandiere(wochenwechsel("F", date(2026, 1, 26), [FRUEHDIENST], [1]), date(2026, 2, 1), date(2026, 2, 28))
    maerz = kopiere_monat(feb, (2026, 2), (2026, 3))
    assert all(s.tag.weekday() < 5 for s in maerz)
    assert [s.tag.day for s in maerz] == [d for d in range(1, 32) if date(2026, 3, d).weekday() < 5]


def test_monat_nach_datum_kopieren_laesst_fehlende_tage_leer() -> None:
    jan = expandiere(
        wochenwechsel("F", date(2025, 12, 29), [FRUEHDIENST], [1], wochentage=range(7)),
        date(2026, 1, 1),
        date(2026, 1, 31),
    )
    feb = kopiere_monat(jan, (2026, 1), (2026, 2), Ausrichtung.DATUM)
    assert [s.tag.day for s in feb] == list(range(1, 29))


def test_vorlage_ueber_mitternacht_mit_ende_24_uhr() -> None:
    abend = Schichtvorlage("Abend", "A", time(18), time(0))
    schicht = expandiere(wochenwechsel("A", date(2026, 3, 2), [abend], [1]), date(2026, 3, 2), date(2026, 3, 2))[0]
    assert (schicht.ende.date(), schicht.ende.hour, stunden(schicht.dauer)) == (date(2026, 3, 3), 0, 6)
    assert _plan([schicht]) == [(date(2026, 3, 2), "Abend", 1)]


# --- Strg+X / Strg+C, Strg+V in the Dienstplan grid -----------------------------------------------------------------
MO, DI = date(2026, 3, 2), date(2026, 3, 3)


def _aus_muster_vertreten_mit_istzeit():  # type: ignore[no-untyped-def]
    """Sabine's (1) early shift from a pattern (id 9), covered by Jörg (2), who came 10 minutes late."""
    schicht = replace(schicht_aus_vorlage_mo(), id=5, muster_id=9, notiz="Arzttermin")
    vertreten = mit_vertretung(schicht, 2)
    return replace(vertreten, ist=Istzeit(lokal(MO, time(7, 10)), lokal(MO, time(14))))


def schicht_aus_vorlage_mo():  # type: ignore[no-untyped-def]
    return expandiere(wochenwechsel("F", MO, [FRUEHDIENST], [1]), MO, MO)[0]


@pytest.mark.parametrize(
    ("tag", "verschieben", "vorlage", "erwartet"),
    [
        # (id, muster_id, who, covers whom, actual times kept, template, start hour, note)
        pytest.param(DI, True, None, (5, 9, 2, 1, False, "Frühdienst", 7, "Arzttermin"), id="verschoben: anderer Tag"),
        pytest.param(
            MO,
            True,
            SPAETDIENST,
            (5, None, 2, 1, False, "Spätdienst", 14, "Arzttermin"),
            id="verschoben: andere Vorlage",
        ),
        pytest.param(
            DI,
            False,
            None,
            (None, None, 1, None, False, "Frühdienst", 7, "Arzttermin"),
            id="kopiert: neuer Plan, nicht aus dem Muster",
        ),
        pytest.param(
            DI,
            False,
            SPAETDIENST,
            (None, None, 1, None, False, "Spätdienst", 14, "Arzttermin"),
            id="kopiert in andere Vorlage",
        ),
        pytest.param(
            DI,
            False,
            FRUEHDIENST,
            (None, None, 1, None, False, "Frühdienst", 7, "Arzttermin"),
            id="kopiert in dieselbe Vorlage",
        ),
    ],
)
def test_eingefuegte_schicht(tag: date, verschieben: bool, vorlage, erwartet) -> None:  # type: ignore[no-untyped-def]
    alt = _aus_muster_vertreten_mit_istzeit()
    neu = eingefuegt(alt, tag, verschieben=verschieben, vorlage=vorlage)
    assert neu.tag == tag
    assert (
        neu.id,
        neu.muster_id,
        neu.assistenzkraft_id,
        neu.vertretung_fuer,
        neu.ist is not None,
        neu.vorlage,
        neu.beginn.hour,
        neu.notiz,
    ) == erwartet


def test_verschoben_am_selben_tag_behaelt_die_tatsaechliche_zeit() -> None:
    alt = _aus_muster_vertreten_mit_istzeit()
    assert eingefuegt(alt, MO, verschieben=True).ist == alt.ist


def test_eingefuegt_in_andere_vorlage_folgt_der_zeitumstellung() -> None:
    # moved into the night standby of Saturday 28 March 2026: the night has one hour less (clocks go forward)
    alt = replace(schicht_aus_vorlage_mo(), id=5)
    nacht = eingefuegt(alt, date(2026, 3, 28), verschieben=True, vorlage=NACHTBEREITSCHAFT)
    assert (nacht.vorlage, stunden(nacht.dauer)) == ("Nachtbereitschaft", 8)
