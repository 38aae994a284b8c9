"""The standard templates comply with § 4 ArbZG by themselves; a template is checked where it is made (issue 13, 7).

Before: Frühdienst 07–14 without a break gave a PAUSE_FEHLT warning on every use of a new file's defaults.
§ 4 ArbZG: Satz 1 at least 30 minutes for more than 6 up to 9 hours, 45 minutes for more than 9 hours; Satz 2 in
blocks of at least 15 minutes; Satz 3 not more than 6 hours in a row without one. § 3: at most 10 hours a day.
Bereitschaft (Arbeit II, present) is working time (§ 7 Abs. 1 Nr. 1a ArbZG; EuGH C-151/02 Jaeger).
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from core.dienstplan.arbeitszeit import eigene_regeln, keine_regeln, nach_arbzg
from core.dienstplan.pruefungen import Pruefeingaben, pruefe_monat
from core.dienstplan.schicht import Arbeitsart, schichtstunden
from core.dienstplan.vertrag import Vertragsdaten
from core.dienstplan.vorlagen import (
    BLOCK_24H,
    FRUEHDIENST,
    NACHTBEREITSCHAFT,
    SPAETDIENST,
    STANDARDVORLAGEN,
    Schichtvorlage,
    VorlagenPause,
    VorlagenTeil,
    schicht_aus_vorlage,
)
from core.dienstplan.vorlagenpruefung import arbzg_hinweise, mit_mindestpause
from core.domain.hinweis import Schwere
from core.domain.zeit import stunden
from core.regeln.klassifikation import Beschaeftigungsart

REGELN = nach_arbzg(date(2026, 3, 1))
ARBZG_CODES = {
    "PAUSE_FEHLT",
    "HOECHSTARBEITSZEIT_TAG",
    "HOECHSTARBEITSZEIT_WOCHE",
    "DURCHSCHNITT_WOCHE",
    "RUHEZEIT",
    "FREIE_SONNTAGE",
}
SABINE = 1


def _arbzg_codes(vorlage: Schichtvorlage, tage: list[date]) -> set[str]:
    schichten = [schicht_aus_vorlage(vorlage, t, SABINE).mit(id=i) for i, t in enumerate(tage, start=1)]
    vertrag = Vertragsdaten(SABINE, "Sabine", date(2020, 1, 1), beschaeftigung=Beschaeftigungsart.SV_PFLICHTIG)
    hinweise = pruefe_monat(Pruefeingaben(2026, 3, "BW", schichten, vertraege=[vertrag]))
    return {h.code for h in hinweise} & ARBZG_CODES


MO_BIS_FR = [date(2026, 3, 2) + timedelta(days=i) for i in range(5)]


@pytest.mark.parametrize(
    ("vorlage", "arbeit", "bereitschaft"),
    [
        # hours by hand: wall length less the break
        pytest.param(FRUEHDIENST, "6.5", "0", id="Frühdienst 07–14, Pause 10:30–11:00: 7 − 0,5 h"),
        pytest.param(SPAETDIENST, "7.5", "0", id="Spätdienst 14–22, Pause 18:00–18:30: 8 − 0,5 h"),
        pytest.param(NACHTBEREITSCHAFT, "0", "8.5", id="Nachtbereitschaft 22–07, Pause 03:00–03:30: 9 − 0,5 h"),
    ],
)
def test_standardvorlage_einzeln_und_eine_woche_lang_ohne_arbzg_warnung(
    vorlage: Schichtvorlage, arbeit: str, bereitschaft: str
) -> None:
    h = schichtstunden(schicht_aus_vorlage(vorlage, date(2026, 3, 2), SABINE))
    assert (str(stunden(h.arbeit)), str(stunden(h.bereitschaft))) == (arbeit, bereitschaft)
    assert arbzg_hinweise(vorlage, REGELN) == []
    assert mit_mindestpause(vorlage, REGELN) is None  # nothing to add
    assert _arbzg_codes(vorlage, MO_BIS_FR[:1]) == set()
    assert _arbzg_codes(vorlage, MO_BIS_FR) == set()  # 5 × 8,5 h = 42,5 h at most: below 48 h a week


@pytest.mark.parametrize(
    "tag",
    [
        pytest.param(date(2026, 3, 28), id="Nacht in die Sommerzeit: 22 bis 03 Uhr sind 4 h"),
        pytest.param(date(2026, 10, 24), id="Nacht in die Winterzeit: 22 bis 03 Uhr sind 6 h, nicht mehr"),
    ],
)
def test_nachtbereitschaft_ueber_die_zeitumstellung(tag: date) -> None:
    """The night's break lies at 03:00, outside the hour that is missing or doubled (02:00–03:00)."""
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, tag, SABINE)
    (pause,) = nacht.pausen
    assert pause.beginn - nacht.beginn <= timedelta(hours=6)
    assert nacht.ende - pause.ende == timedelta(hours=3, minutes=30)
    assert _arbzg_codes(NACHTBEREITSCHAFT, [tag]) == set()


def test_24h_block_sagt_ehrlich_dass_er_einen_tarifvertrag_braucht() -> None:
    """Its breaks (45 minutes, in the day part) satisfy § 4 Satz 1; its 23,25 hours of working time cannot satisfy
    § 3 (10 hours) nor leave the 11 hours of rest of § 5: only a Tarifvertrag (§ 7) or a live-in assistant (§ 18)."""
    h = schichtstunden(schicht_aus_vorlage(BLOCK_24H, date(2026, 3, 2), SABINE))
    assert stunden(h.pausen) == stunden(timedelta(minutes=45))
    hinweise = arbzg_hinweise(BLOCK_24H, REGELN)
    assert [x.code for x in hinweise] == ["VORLAGE_PAUSE_LAGE", "VORLAGE_ZU_LANG"]
    lang = hinweise[-1]
    assert lang.schwere is Schwere.WARNUNG
    # 14 h Arbeit I − 0,75 h breaks + 10 h Arbeit II = 23,25 h
    assert "„24-h-Block“ umfasst 23,25 Stunden Arbeitszeit (Bereitschaft zählt mit), höchstens 10,00" in lang.text
    assert "Tarifvertrag nach § 7 ArbZG" in lang.text and "§ 18 Abs. 1 Nr. 3 ArbZG" in lang.text
    assert "§ 3 ArbZG" in lang.rechtsgrundlage and "§ 7 Abs. 1 Nr. 1a und Abs. 2a" in lang.rechtsgrundlage
    # the month's check agrees: the day is too long, but the break is not missing
    codes = _arbzg_codes(BLOCK_24H, [date(2026, 3, 2)])
    assert "HOECHSTARBEITSZEIT_TAG" in codes and "PAUSE_FEHLT" not in codes
    # with the household's own limits of a Tarifvertrag that lets Bereitschaft not count, the length passes
    tarif = eigene_regeln(date(2026, 3, 1), hoechst_tag=timedelta(hours=14), bereitschaft_zaehlt=False)
    assert [x.code for x in arbzg_hinweise(BLOCK_24H, tarif)] == []
    # under the ArbZG the night's 13:45 h in a row (17:15–07:00, Bereitschaft counts) need three more 15-minute
    # breaks: 17:15 + (13:45 − 0:15) / 2 = 00:00; then 17:15 + (6:45 − 0:15) / 2 = 20:30 and 00:15 + 3:15 = 03:30
    ergaenzt = mit_mindestpause(BLOCK_24H, REGELN)
    assert ergaenzt is not None and ergaenzt.pausen == (
        VorlagenPause(time(11, 30), 30),
        VorlagenPause(time(17), 15),
        VorlagenPause(time(20, 30), 15),
        VorlagenPause(time(0), 15),
        VorlagenPause(time(3, 30), 15),
    )
    assert [x.code for x in arbzg_hinweise(ergaenzt, REGELN)] == ["VORLAGE_ZU_LANG"]  # a break does not cure that


def test_alte_fruehschicht_ohne_pause_und_die_gesetzliche_mindestpause() -> None:
    """A file from before keeps its template; the dialog can offer the legal minimum break (existing ones stay)."""
    alt = Schichtvorlage("Frühdienst", "F", time(7), time(14))
    hinweise = arbzg_hinweise(alt, REGELN)
    assert [x.code for x in hinweise] == ["VORLAGE_PAUSE_FEHLT", "VORLAGE_PAUSE_LAGE"]
    assert hinweise[0].text == (
        "„Frühdienst“ hat keine Pause; nach dem Arbeitszeitgesetz braucht sie mindestens 30 Minuten – bitte "
        "tragen Sie die Pause in der Vorlage ein."
    )
    assert hinweise[0].rechtsgrundlage == "§ 4 Satz 1 ArbZG"
    assert "von 07:00 bis 14:00 7,00 Stunden am Stück" in hinweise[1].text
    neu = mit_mindestpause(alt, REGELN)
    # 7 h − 30 min = 6:30 h of work, halved: 3:15 h before the break → 10:15–10:45
    assert neu is not None and neu.pausen == (VorlagenPause(time(10, 15), 30),)
    assert arbzg_hinweise(neu, REGELN) == []


@pytest.mark.parametrize(
    ("vorlage", "pausen"),
    [
        # 07–17: 10 h > 9 h → 45 min; (10 h − 0,75 h) / 2 = 4:37,5 h → on the quarter hour 11:30–12:15
        pytest.param(
            Schichtvorlage("Langer Tag", "L", time(7), time(17)),
            (VorlagenPause(time(11, 30), 45),),
            id="10 h: 45 Minuten in der Mitte",
        ),
        # a 10-minute break does not count (§ 4 Satz 2); 30 minutes more go into the middle of 07:00–14:00
        pytest.param(
            Schichtvorlage("Kurz unterbrochen", "K", time(7), time(14), pausen=(VorlagenPause(time(9), 10),)),
            (VorlagenPause(time(9), 10), VorlagenPause(time(10, 15), 30)),
            id="10 Minuten zählen nicht",
        ),
        # a break at the very start leaves 07:30–14:00 = 6:30 h in a row: 15 minutes more in its middle,
        # 07:30 + (6:30 − 0:15) / 2 = 10:37,5 → on the quarter hour 10:30
        pytest.param(
            Schichtvorlage("Pause am Anfang", "A", time(7), time(14), pausen=(VorlagenPause(time(7), 30),)),
            (VorlagenPause(time(7), 30), VorlagenPause(time(10, 30), 15)),
            id="Pause am Anfang",
        ),
        # over midnight: 20:00–06:00 Bereitschaft is 10 h → 45 min; 20:00 + 4:37,5 → 00:30 (next day)
        pytest.param(
            Schichtvorlage("Nacht lang", "NL", time(20), time(6), arbeitsart=Arbeitsart.BEREITSCHAFT),
            (VorlagenPause(time(0, 30), 45),),
            id="über Mitternacht",
        ),
    ],
)
def test_mindestpause_wird_in_die_laengste_strecke_gelegt(
    vorlage: Schichtvorlage, pausen: tuple[VorlagenPause, ...]
) -> None:
    neu = mit_mindestpause(vorlage, REGELN)
    assert neu is not None and neu.pausen == pausen
    assert [x.code for x in arbzg_hinweise(neu, REGELN)] == []
    assert _arbzg_codes(neu, [date(2026, 3, 2)]) == set()


def test_ohne_arbeitszeitpruefung_keine_hinweise_und_keine_pause() -> None:
    """Mode "keine" (all live in a häusliche Gemeinschaft, § 18 Abs. 1 Nr. 3 ArbZG): nothing to say or add."""
    regeln = keine_regeln(date(2026, 3, 1))
    for vorlage in (*STANDARDVORLAGEN, Schichtvorlage("Frühdienst", "F", time(7), time(14))):
        assert arbzg_hinweise(vorlage, regeln) == []
        assert mit_mindestpause(vorlage, regeln) is None


def test_teil_bereitschaft_zaehlt_zur_strecke() -> None:
    """07:00–15:00 Arbeit, then Bereitschaft to 19:00: 12 h in a row, Arbeit II included (§ 7 Abs. 1 Nr. 1a)."""
    vorlage = Schichtvorlage(
        "Tag mit Bereitschaft",
        "TB",
        time(7),
        time(19),
        teile=(VorlagenTeil(time(15), time(19), Arbeitsart.BEREITSCHAFT),),
        pausen=(VorlagenPause(time(12), 45),),
    )
    codes = [x.code for x in arbzg_hinweise(vorlage, REGELN)]
    # 12 h − 0,75 = 11,25 h > 10 h; 12:45–19:00 is 6:15 h in a row
    assert codes == ["VORLAGE_PAUSE_LAGE", "VORLAGE_ZU_LANG"]


def test_mindestpause_einer_reinen_bereitschaft_liegt_in_der_schicht() -> None:
    """Found in review: with "Bereitschaft zählt" off, a night of Bereitschaft only had no stretch of work, and the
    added break went to 21:45–22:15, before the shift began. 22–07 is 9 h; the month's check still asks for 30
    minutes (§ 4 Satz 1), so the break belongs inside the shift: its middle, on the quarter hour, is
    22:00 + (9 h − 0,5 h) / 2 = 02:15 (the check's sample day has no clock change)."""
    regeln = eigene_regeln(date(2026, 3, 1), bereitschaft_zaehlt=False)
    nacht = Schichtvorlage("Nacht", "N", time(22), time(7), arbeitsart=Arbeitsart.BEREITSCHAFT)
    ergaenzt = mit_mindestpause(nacht, regeln)
    assert ergaenzt is not None
    assert ergaenzt.pausen == (VorlagenPause(time(2, 15), 30),)
    assert mit_mindestpause(ergaenzt, regeln) is None
