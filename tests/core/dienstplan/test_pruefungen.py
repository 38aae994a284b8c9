"""Roster checks (point 5 of issue 4): each returns Hinweise with severity, day and person."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.arbeitszeit import eigene_regeln, keine_regeln
from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe
from core.dienstplan.pruefungen import Pruefeingaben, Pruefhinweis, pruefe_monat
from core.dienstplan.schicht import Arbeitsart, Schicht
from core.dienstplan.verguetung import monatsverdienst
from core.dienstplan.vertrag import Lohnform, Vertragsdaten, Vertragsindex
from core.dienstplan.vorlagen import BLOCK_24H, Schichtvorlage, VorlagenTeil, schicht_aus_vorlage
from core.domain.hinweis import Schwere
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.dienstplan.hilfe import sch

SABINE, JOERG, ULRIKE = 1, 2, 3


#: Seed 004, 1.6.2 as it stands: 14 h Arbeit I + 10 h Arbeit II, no break (the program's own 24-h-Block has 45
#: minutes of breaks, § 4 ArbZG, so its hours differ); the Mindestlohn examples below compute with the seed's day.
SEED_24H = Schichtvorlage(
    "24 h laut Seed", "24", time(7), time(7), teile=(VorlagenTeil(time(21), time(7), Arbeitsart.BEREITSCHAFT),)
)


def _vertrag(person: int, **felder: object) -> Vertragsdaten:
    basis: dict[str, object] = {
        "assistenzkraft_id": person,
        "name": {SABINE: "Sabine", JOERG: "Jörg", ULRIKE: "Ulrike"}[person],
        "beginn": date(2020, 1, 1),
        "beschaeftigung": Beschaeftigungsart.SV_PFLICHTIG,
        "satz": Decimal("16.00"),
    }
    basis.update(felder)
    return Vertragsdaten(**basis)  # type: ignore[arg-type]


def _pruefe(schichten: list[Schicht], monat: tuple[int, int] = (2026, 3), **felder: object) -> list[Pruefhinweis]:
    felder.setdefault("vertraege", [_vertrag(SABINE), _vertrag(JOERG), _vertrag(ULRIKE)])
    nummeriert = [s.mit(id=i) for i, s in enumerate(schichten, start=1)]
    return pruefe_monat(Pruefeingaben(monat[0], monat[1], "BW", nummeriert, **felder))  # type: ignore[arg-type]


def _codes(hinweise: list[Pruefhinweis]) -> list[str]:
    return [h.code for h in hinweise]


def test_doppelbelegung_einer_person_ist_fehler() -> None:
    hinweise = _pruefe(
        [sch(SABINE, "2026-03-02 07:00", "2026-03-02 14:00"), sch(SABINE, "2026-03-02 13:00", "2026-03-02 20:00")]
    )
    doppelt = [h for h in hinweise if h.code == "DOPPELBELEGUNG"]
    assert len(doppelt) == 1
    assert doppelt[0].schwere is Schwere.FEHLER
    assert doppelt[0].schicht_ids == (1, 2)
    assert "Sabine ist am 02.03.2026 doppelt eingeplant" in doppelt[0].text


def test_uebergabe_ohne_ueberschneidung_ist_keine_doppelbelegung() -> None:
    hinweise = _pruefe(
        [sch(SABINE, "2026-03-02 07:00", "2026-03-02 14:00"), sch(JOERG, "2026-03-02 14:00", "2026-03-02 22:00")]
    )
    assert "DOPPELBELEGUNG" not in _codes(hinweise)


def test_schicht_ausserhalb_des_vertrags() -> None:
    hinweise = _pruefe(
        [sch(JOERG, "2026-03-02 07:00", "2026-03-02 14:00")],
        vertraege=[_vertrag(JOERG, beginn=date(2026, 3, 15))],
    )
    fehler = [h for h in hinweise if h.code == "NICHT_BESCHAEFTIGT"]
    assert [(h.schwere, h.tag) for h in fehler] == [(Schwere.FEHLER, date(2026, 3, 2))]
    assert "Vertrag ab 15.03.2026" in fehler[0].text


def test_vertretung_fehlt_und_bedarf_ungedeckt() -> None:
    profil = Bedarfsprofil("Tag", {t: (Bedarfsblock(time(7), time(14), Bedarfsstufe.ARBEIT_I),) for t in range(7)})
    hinweise = _pruefe(
        [sch(JOERG, f"2026-03-{t:02d} 07:00", f"2026-03-{t:02d} 14:00") for t in range(1, 32)],
        abwesenheiten=[Abwesenheit(JOERG, Abwesenheitsart.URLAUB, date(2026, 3, 9), date(2026, 3, 10))],
        bedarf=profil,
    )
    assert sorted((h.tag, h.code) for h in hinweise if h.code in ("VERTRETUNG_FEHLT", "BEDARF_UNGEDECKT")) == [
        (date(2026, 3, 9), "BEDARF_UNGEDECKT"),
        (date(2026, 3, 9), "VERTRETUNG_FEHLT"),
        (date(2026, 3, 10), "BEDARF_UNGEDECKT"),
        (date(2026, 3, 10), "VERTRETUNG_FEHLT"),
    ]
    luecke = next(h for h in hinweise if h.code == "BEDARF_UNGEDECKT")
    assert luecke.text == "Am 09.03.2026 ist der Bedarf nicht gedeckt: 07:00–14:00 (Arbeit I)."


def test_bedarf_in_der_pause_sagt_wessen_pause_und_was_zu_tun_ist() -> None:
    """A break is real (§ 4 ArbZG): nobody works in it. The open need names whose break it is and the two ways out:
    someone else there, or Arbeit 0 in the profile (seed 004, 1.6.2: "In dieser Zeit benötigen Sie keine bezahlte
    Assistenz")."""
    profil = Bedarfsprofil("Tag", {0: (Bedarfsblock(time(7), time(22), Bedarfsstufe.ARBEIT_I),)})
    montag = [
        sch(SABINE, "2026-03-02 07:00", "2026-03-02 14:00", pausen=(("2026-03-02 10:30", "2026-03-02 11:00"),)),
        sch(JOERG, "2026-03-02 14:00", "2026-03-02 22:00", pausen=(("2026-03-02 18:00", "2026-03-02 18:30"),)),
    ]

    def bedarf(hinweise: list[Pruefhinweis]) -> list[Pruefhinweis]:  # the other Mondays of March stay empty
        return [h for h in hinweise if h.code.startswith("BEDARF") and h.tag == date(2026, 3, 2)]

    hinweise = bedarf(_pruefe(montag, bedarf=profil))
    assert [(h.tag, h.code, h.schwere) for h in hinweise] == [(date(2026, 3, 2), "BEDARF_IN_PAUSE", Schwere.WARNUNG)]
    assert hinweise[0].text == (
        "Am 02.03.2026 ist in den Pausen von Sabine und Jörg niemand da: 10:30–11:00 (Sabine), 18:00–18:30 (Jörg) "
        "– bitte eine zweite Person überlappend einplanen oder die Zeit im Bedarfsprofil als Arbeit 0 eintragen, "
        "wenn Sie allein zurechtkommen."
    )
    # an overlap closes Sabine's gap; Arbeit 0 at Jörg's break closes his: nothing is left open
    ueberlappung = [*montag, sch(ULRIKE, "2026-03-02 10:00", "2026-03-02 11:30")]
    mit_arbeit_0 = Bedarfsprofil(
        "Tag",
        {
            0: (
                Bedarfsblock(time(7), time(18), Bedarfsstufe.ARBEIT_I),
                Bedarfsblock(time(18), time(18, 30), Bedarfsstufe.ARBEIT_0),
                Bedarfsblock(time(18, 30), time(22), Bedarfsstufe.ARBEIT_I),
            )
        },
    )
    assert bedarf(_pruefe(ueberlappung, bedarf=mit_arbeit_0)) == []
    # a gap that is not in a break keeps its own Hinweis on the same day
    ohne_joerg = bedarf(_pruefe(montag[:1], bedarf=profil))
    assert [h.text for h in ohne_joerg if h.code == "BEDARF_UNGEDECKT"] == [
        "Am 02.03.2026 ist der Bedarf nicht gedeckt: 14:00–22:00 (Arbeit I)."
    ]
    assert [h.code for h in ohne_joerg] == ["BEDARF_IN_PAUSE", "BEDARF_UNGEDECKT"]
    assert ohne_joerg[0].text.startswith("Am 02.03.2026 ist in der Pause von Sabine niemand da: 10:30–11:00 – bitte")


@pytest.mark.parametrize(
    ("spaet", "frueh", "warnung"),
    [
        pytest.param(("2026-03-03 14:00", "2026-03-03 22:00"), "2026-03-04 07:00", "9,00", id="spät dann früh: 9 h"),
        pytest.param(("2026-03-03 14:00", "2026-03-03 22:00"), "2026-03-04 09:00", None, id="genau 11 h: erlaubt"),
        pytest.param(
            ("2026-03-28 14:00", "2026-03-28 22:00"), "2026-03-29 09:00", "10,00", id="Sommerzeit: 11 h Wand = 10 h"
        ),
        pytest.param(
            ("2026-10-24 14:00", "2026-10-24 22:00"), "2026-10-25 08:00", None, id="Winterzeit: 10 h Wand = 11 h"
        ),
    ],
)
def test_ruhezeit_elf_stunden_in_echter_zeit(spaet: tuple[str, str], frueh: str, warnung: str | None) -> None:
    tag = frueh.split()[0]
    monat = (int(tag[:4]), int(tag[5:7]))
    hinweise = _pruefe([sch(SABINE, *spaet), sch(SABINE, frueh, f"{tag} 14:00")], monat=monat)
    ruhe = [h for h in hinweise if h.code == "RUHEZEIT"]
    if warnung is None:
        assert ruhe == []
    else:
        assert len(ruhe) == 1 and f"nur {warnung} Stunden Ruhezeit" in ruhe[0].text
        assert ruhe[0].hinweis.rechtsgrundlage == "§ 5 Abs. 1 ArbZG"


def test_geteilter_dienst_am_selben_tag_ist_keine_ruhezeitverletzung() -> None:
    hinweise = _pruefe(
        [sch(SABINE, "2026-03-03 07:00", "2026-03-03 10:00"), sch(SABINE, "2026-03-03 17:00", "2026-03-03 20:00")]
    )
    assert "RUHEZEIT" not in _codes(hinweise)


def test_hoechstarbeitszeit_am_tag_bereitschaft_zaehlt() -> None:
    # Seed 004, 2.6.1: Sabine covers Jörg's early shift on top of her late one: 07–22 = 15 h
    doppel = [sch(SABINE, "2026-03-05 07:00", "2026-03-05 14:00"), sch(SABINE, "2026-03-05 14:00", "2026-03-05 22:00")]
    tag = [h for h in _pruefe(doppel) if h.code == "HOECHSTARBEITSZEIT_TAG"]
    assert len(tag) == 1 and "15,00 Stunden (höchstens 10,00 Stunden" in tag[0].text
    nacht = [sch(SABINE, "2026-03-05 20:00", "2026-03-06 07:00", bereitschaft=True)]
    assert "HOECHSTARBEITSZEIT_TAG" in _codes(_pruefe(nacht))
    ohne = eigene_regeln(date(2026, 3, 1), bereitschaft_zaehlt=False)
    assert "HOECHSTARBEITSZEIT_TAG" not in _codes(_pruefe(nacht, regeln=ohne))


def test_zehn_stunden_sind_erlaubt() -> None:
    zehn = [sch(SABINE, "2026-03-05 07:00", "2026-03-05 17:00", pausen=(("2026-03-05 12:00", "2026-03-05 12:45"),))]
    assert _codes(_pruefe(zehn)) == []


def test_wochenhoechstarbeitszeit() -> None:
    # Mon 02.03.–Sat 07.03.2026: 6 × 10 h 45 incl. 45 min break = 60 h → only the 48-h average note;
    # plus Sunday → over 60 h
    woche = [
        sch(
            SABINE,
            f"2026-03-{t:02d} 07:00",
            f"2026-03-{t:02d} 17:45",
            pausen=((f"2026-03-{t:02d} 12:00", f"2026-03-{t:02d} 12:45"),),
        )
        for t in range(2, 8)
    ]
    assert _codes(_pruefe(woche)) == ["DURCHSCHNITT_WOCHE"]
    mit_sonntag = [*woche, sch(SABINE, "2026-03-08 07:00", "2026-03-08 09:00")]
    assert _codes(_pruefe(mit_sonntag)) == ["HOECHSTARBEITSZEIT_WOCHE"]


def test_pausen_werden_je_person_und_monat_zusammengefasst() -> None:
    schichten = [sch(SABINE, f"2026-03-{t:02d} 07:00", f"2026-03-{t:02d} 14:00") for t in (2, 3, 4)]
    pause = [h for h in _pruefe(schichten) if h.code == "PAUSE_FEHLT"]
    assert len(pause) == 1
    assert "an 3 Tagen" in pause[0].text and "02.03., 03.03., 04.03." in pause[0].text
    assert pause[0].schicht_ids == (1, 2, 3)


def test_haeusliche_gemeinschaft_und_modus_keine_pruefen_keine_arbeitszeit() -> None:
    block = [schicht_aus_vorlage(BLOCK_24H, date(2026, 3, t), SABINE) for t in range(2, 9)]
    arbzg = {"HOECHSTARBEITSZEIT_TAG", "HOECHSTARBEITSZEIT_WOCHE", "RUHEZEIT", "PAUSE_FEHLT", "DURCHSCHNITT_WOCHE"}
    assert arbzg & set(_codes(_pruefe(block)))
    live_in = [_vertrag(SABINE, arbzg_ausgenommen=True)]
    assert not arbzg & set(_codes(_pruefe(block, vertraege=live_in)))
    assert not arbzg & set(_codes(_pruefe(block, regeln=keine_regeln(date(2026, 3, 1)))))


def test_minijob_grenze_2026() -> None:
    minijob = [_vertrag(ULRIKE, beschaeftigung=Beschaeftigungsart.MINIJOB, satz=Decimal("15.00"))]
    # 5 weekends × 2 days × 4 h = 40 h × 15 € = 600 € (limit 2026: 603 €) → near the limit
    tage = [1, 7, 8, 14, 15, 21, 22, 28, 29]
    schichten = [sch(ULRIKE, f"2026-03-{t:02d} 10:00", f"2026-03-{t:02d} 14:00") for t in tage]
    schichten.append(sch(ULRIKE, "2026-03-31 10:00", "2026-03-31 14:00"))
    assert "MINIJOB_GRENZE_NAH" in _codes(_pruefe(schichten, vertraege=minijob))
    schichten.append(sch(ULRIKE, "2026-03-30 10:00", "2026-03-30 10:15"))  # 603,75 €
    ueber = [h for h in _pruefe(schichten, vertraege=minijob) if h.code == "MINIJOB_GRENZE_UEBERSCHRITTEN"]
    assert len(ueber) == 1 and "603,75" in ueber[0].text and "603,00" in ueber[0].text


def test_kurzfristig_arbeitstage_zaehlen_nacht_als_einen_tag() -> None:
    kurz = [_vertrag(ULRIKE, beschaeftigung=Beschaeftigungsart.KURZFRISTIG, vorbeschaeftigung_tage_im_jahr=5)]
    nachts = [
        sch(ULRIKE, f"2026-03-{t:02d} 22:00", f"2026-03-{t + 1:02d} 06:00", bereitschaft=True) for t in range(2, 12)
    ]
    hinweise = _pruefe(nachts, vertraege=kurz, arbeitstage_vor_monat={ULRIKE: 50})
    kurzfristig = [h for h in hinweise if h.code.startswith("KURZFRISTIG")]
    assert [(h.code, h.schwere) for h in kurzfristig] == [("KURZFRISTIG_GRENZE_NAH", Schwere.WARNUNG)]
    assert "65 von höchstens 70 Arbeitstagen" in kurzfristig[0].text
    ueber = _pruefe(nachts, vertraege=kurz, arbeitstage_vor_monat={ULRIKE: 56})
    assert [h.schwere for h in ueber if h.code.startswith("KURZFRISTIG")] == [Schwere.FEHLER]


def test_seed_tageslohn_beispiel_und_mindestlohn_mit_bereitschaft() -> None:
    """Seed 004, 1.6.2: 13,79 €/h, 14 h Arbeit I + 10 h Arbeit II at 30 % = 234,43 € per day.
    BAG 5 AZR 716/15: the Mindestlohn applies to all 24 hours: 2026 13,90 × 24 = 333,60 € per day."""
    vertrag = _vertrag(SABINE, satz=Decimal("13.79"), bereitschaft_prozent=Decimal(30))
    ein_tag = [schicht_aus_vorlage(SEED_24H, date(2026, 3, 3), SABINE)]
    verdienst = monatsverdienst(SABINE, ein_tag, Vertragsindex([vertrag]), 2026, 3)
    assert verdienst.brutto == Decimal("234.43")
    assert verdienst.mindestlohn_soll == Decimal("333.60")
    warnung = [h for h in _pruefe(ein_tag, vertraege=[vertrag]) if h.code == "MINDESTLOHN_UNTERSCHRITTEN"]
    assert len(warnung) == 1
    assert "24,00 Stunden (davon 10,00 Bereitschaft)" in warnung[0].text
    assert "333,60" in warnung[0].text and "234,43" in warnung[0].text


@pytest.mark.parametrize(
    ("satz", "prozent", "warnung"),
    [
        # 24-h-Block: 14 h + 10 h × p; Mindestlohn 2026: 24 × 13,90 = 333,60 €
        pytest.param("16.00", "70", False, id="16 € × (14 + 7) = 336,00 ≥ 333,60"),
        pytest.param("16.00", "60", True, id="16 € × (14 + 6) = 320,00 < 333,60"),
        pytest.param("13.90", "100", False, id="Mindestlohn × alle Stunden genau"),
        pytest.param("13.89", "100", True, id="ein Cent darunter"),
    ],
)
def test_mindestlohn_fuer_arbeit_plus_bereitschaft(satz: str, prozent: str, warnung: bool) -> None:
    vertrag = _vertrag(SABINE, satz=Decimal(satz), bereitschaft_prozent=Decimal(prozent))
    block = [schicht_aus_vorlage(SEED_24H, date(2026, 3, 3), SABINE)]
    assert ("MINDESTLOHN_UNTERSCHRITTEN" in _codes(_pruefe(block, vertraege=[vertrag]))) is warnung


def test_mindestlohn_bei_monatslohn() -> None:
    # 1.800 € fixed for 30 × 24-h-Block = 720 h → needs 720 × 13,90 = 10.008 €
    vertrag = _vertrag(SABINE, lohnform=Lohnform.MONATSLOHN, satz=Decimal(1800))
    bloecke = [schicht_aus_vorlage(SEED_24H, date(2026, 4, t), SABINE) for t in range(1, 31)]
    hinweise = _pruefe(bloecke, monat=(2026, 4), vertraege=[vertrag])
    assert "MINDESTLOHN_UNTERSCHRITTEN" in _codes(hinweise)


def test_vertragsdaten_im_monat() -> None:
    vertraege = [
        _vertrag(SABINE, probezeit_bis=date(2026, 3, 31)),
        _vertrag(JOERG, befristet_bis=date(2026, 3, 15), ende=date(2026, 3, 15)),
        _vertrag(ULRIKE, arbeitserlaubnis_bis=date(2026, 3, 20)),
    ]
    hinweise = _pruefe([sch(ULRIKE, "2026-03-21 10:00", "2026-03-21 14:00")], vertraege=vertraege)
    assert [(h.code, h.tag) for h in hinweise if h.tag is not None] == [
        ("BEFRISTUNG_ENDET", date(2026, 3, 15)),
        ("ARBEITSERLAUBNIS_ENDET", date(2026, 3, 20)),
        ("ARBEITSERLAUBNIS_ABGELAUFEN", date(2026, 3, 21)),
        ("PROBEZEIT_ENDET", date(2026, 3, 31)),
    ]


def test_jugendliche_und_fehlende_au() -> None:
    vertraege = [_vertrag(ULRIKE, geburtsdatum=date(2008, 6, 1))]
    krank = [Abwesenheit(ULRIKE, Abwesenheitsart.KRANK, date(2026, 3, 2), date(2026, 3, 6))]
    codes = _codes(
        _pruefe([sch(ULRIKE, "2026-03-10 10:00", "2026-03-10 14:00")], vertraege=vertraege, abwesenheiten=krank)
    )
    assert "JUGENDARBEITSSCHUTZ" in codes and "AU_FEHLT" in codes
    mit_au = [
        Abwesenheit(
            ULRIKE, Abwesenheitsart.KRANK, date(2026, 3, 2), date(2026, 3, 6), bescheinigung_am=date(2026, 3, 3)
        )
    ]
    assert "AU_FEHLT" not in _codes(_pruefe([], vertraege=vertraege, abwesenheiten=mit_au))


def test_freie_sonntage() -> None:
    codes = _codes(_pruefe([], sonntage_im_jahr={SABINE: 38}))
    assert "FREIE_SONNTAGE" in codes  # 2026 has 52 Sundays: at most 52 − 15 = 37 worked
    assert "FREIE_SONNTAGE" not in _codes(_pruefe([], sonntage_im_jahr={SABINE: 37}))


def test_jahr_ohne_rechengroessen_sagt_es_statt_zu_raten() -> None:
    hinweise = _pruefe([sch(SABINE, "2019-03-04 07:00", "2019-03-04 14:00")], monat=(2019, 3))
    assert "ARBEITSZEIT_NICHT_GEPRUEFT" in _codes(hinweise)
    assert "MINDESTLOHN_UNTERSCHRITTEN" not in _codes(hinweise)


def test_reihenfolge_nach_tag_und_schwere() -> None:
    hinweise = _pruefe(
        [sch(SABINE, "2026-03-02 07:00", "2026-03-02 14:00"), sch(SABINE, "2026-03-02 08:00", "2026-03-02 09:00")],
        vertraege=[_vertrag(SABINE, probezeit_bis=date(2026, 3, 2))],
    )
    assert [h.schwere for h in hinweise if h.tag == date(2026, 3, 2)][:1] == [Schwere.FEHLER]
