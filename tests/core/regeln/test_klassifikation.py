"""Classification Minijob / Übergangsbereich / kurzfristig / SV-pflichtig with reasons (§§ 8, 8a, 20 SGB IV)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.fehler import EingabeFehler
from core.regeln.klassifikation import (
    Befristung,
    Beschaeftigungsart,
    KlassifikationsEingabe,
    WeitereArt,
    WeitereBeschaeftigung,
    Zweig,
    klassifiziere,
)

B = Beschaeftigungsart
M26 = date(2026, 3, 1)
M25 = date(2025, 3, 1)


def d(text: str) -> Decimal:
    return Decimal(text)


def codes(k) -> set[str]:  # type: ignore[no-untyped-def]
    return {h.code for h in k.hinweise}


@pytest.mark.parametrize(
    ("monat", "entgelt", "erwartet"),
    [
        # Minijob-Grenze 2026 = 13,90 × 130 / 3 = 602,33 → aufgerundet 603 (§ 8 Abs. 1a SGB IV, RECHENGROESSEN)
        pytest.param(M26, "603.00", B.MINIJOB, id="2026 603,00 = Grenze → Minijob (§ 8 Abs. 1 Nr. 1 SGB IV)"),
        pytest.param(M26, "603.01", B.MIDIJOB, id="2026 603,01 → Übergangsbereich (§ 20 Abs. 2 SGB IV)"),
        # 2025: 12,82 × 130 / 3 = 555,53 → 556
        pytest.param(M25, "556.00", B.MINIJOB, id="2025 556,00 = Grenze → Minijob"),
        pytest.param(M25, "556.01", B.MIDIJOB, id="2025 556,01 → Übergangsbereich"),
        pytest.param(M26, "2000.00", B.MIDIJOB, id="2026 2.000 = Obergrenze → Übergangsbereich (§ 20 Abs. 2)"),
        pytest.param(M26, "2000.01", B.SV_PFLICHTIG, id="2026 2.000,01 → volle Beiträge"),
        pytest.param(M26, "0", B.MINIJOB, id="2026 0 € → Minijob"),
        # 2027: Mindestlohn 14,60 → 14,60 × 130 / 3 = 632,67 → 633 (RECHENGROESSEN); Obergrenze 2027 fehlt noch
        pytest.param(date(2027, 1, 1), "633.00", B.MINIJOB, id="2027 633 = Grenze → Minijob"),
    ],
)
def test_grenzen(monat: date, entgelt: str, erwartet: Beschaeftigungsart) -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=monat, monatsentgelt=d(entgelt), privathaushalt=False))
    assert k.art is erwartet
    assert k.gruende, "die Einstufung muss begründet sein"


def test_2027_nur_was_feststeht() -> None:
    # 2027 stehen Minijob-Grenze (633) und die gesetzliche Obergrenze 2.000 fest; 700 € ist Übergangsbereich.
    k = klassifiziere(KlassifikationsEingabe(monat=date(2027, 1, 1), monatsentgelt=d("700")))
    assert k.art is B.MIDIJOB
    # Die 20-Stunden-Grenze für Werkstudenten steht ohne Jahresbezug in resources/regeln/dauerhaft.toml und gilt
    # daher auch 2027; ein 2027 noch fehlender Wert meldet sich klar (tests/core/test_tabellen.py).
    k = klassifiziere(KlassifikationsEingabe(monat=date(2027, 1, 1), monatsentgelt=d("700"), student=True))
    assert k.art is B.MIDIJOB


def test_unbekanntes_jahr_nennt_jahre() -> None:
    with pytest.raises(ValueError, match="2025, 2026, 2027"):
        klassifiziere(KlassifikationsEingabe(monat=date(2031, 1, 1), monatsentgelt=d("300")))


def test_zweige_nach_art() -> None:
    midi = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("1200")))
    assert midi.zweige == {Zweig.KV, Zweig.PV, Zweig.RV, Zweig.AV}
    mini = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("400")))
    assert mini.zweige == set()


# --- schwankendes Entgelt und gelegentliches Überschreiten (§ 8 Abs. 1b SGB IV) ---


@pytest.mark.parametrize(
    ("prognose", "monat_entgelt", "erwartet"),
    [
        # 12 × 603 = 7.236: Ø genau 603 → Minijob, auch wenn dieser Monat 900 € bringt (Jahresprognose)
        pytest.param("7236.00", "900", B.MINIJOB, id="Jahresprognose 7.236 = 12 × 603 → Minijob (GR B 2.2.1)"),
        # 7.236,12 / 12 = 603,01 → Übergangsbereich
        pytest.param("7236.12", "500", B.MIDIJOB, id="Jahresprognose 7.236,12 → Ø 603,01 → Übergangsbereich"),
    ],
)
def test_schwankendes_entgelt_nach_jahresprognose(prognose: str, monat_entgelt: str, erwartet: B) -> None:
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26, monatsentgelt=d(monat_entgelt), jahresentgelt_prognose=d(prognose), entgelt_schwankt=True
        )
    )
    assert k.art is erwartet


def test_schwankend_ohne_prognose_warnt() -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("500"), entgelt_schwankt=True))
    assert "JAHRESPROGNOSE_FEHLT" in codes(k)


@pytest.mark.parametrize(
    ("entgelt", "fruehere", "unvorhersehbar", "erwartet", "code"),
    [
        # max. 2 Kalendermonate im Zeitjahr, je Monat max. 2 × 603 = 1.206 € (§ 8 Abs. 1b SGB IV, RECHENGROESSEN)
        pytest.param("1000", 0, True, B.MINIJOB, "MINIJOB_GELEGENTLICH_UEBERSCHRITTEN", id="1. Monat, 1.000 → bleibt"),
        pytest.param("1206", 1, True, B.MINIJOB, "MINIJOB_GELEGENTLICH_UEBERSCHRITTEN", id="2. Monat, 1.206 → bleibt"),
        pytest.param("1000", 2, True, B.MIDIJOB, "MINIJOB_UEBERSCHREITEN_ZU_OFT", id="3. Monat → nicht gelegentlich"),
        pytest.param("1206.01", 0, True, B.MIDIJOB, "MINIJOB_UEBERSCHREITEN_ZU_OFT", id="1.206,01 > 2 × Grenze"),
        pytest.param("1000", 0, False, B.MIDIJOB, "MINIJOB_UEBERSCHRITTEN", id="vorhersehbar überschritten"),
    ],
)
def test_gelegentliches_ueberschreiten(
    entgelt: str, fruehere: int, unvorhersehbar: bool, erwartet: B, code: str
) -> None:
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d(entgelt),
            regelmaessiges_monatsentgelt=d("500"),
            ueberschreitung_unvorhersehbar=unvorhersehbar,
            fruehere_ueberschreitungsmonate_im_zeitjahr=fruehere,
        )
    )
    assert k.art is erwartet
    assert code in codes(k)


# --- Zusammenrechnung (§ 8 Abs. 2 SGB IV) ---


def test_minijobs_zusammengerechnet_ueber_grenze() -> None:
    # 300 + 400 = 700 > 603 → beide versicherungspflichtig, zusammen im Übergangsbereich
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("300"),
            weitere_beschaeftigungen=(WeitereBeschaeftigung(WeitereArt.MINIJOB, d("400")),),
        )
    )
    assert k.art is B.MIDIJOB
    assert k.gesamtentgelt == d("700")
    assert "MINIJOBS_ZUSAMMENGERECHNET" in codes(k)


def test_minijobs_zusammen_unter_grenze() -> None:
    # 300 + 303 = 603 ≤ 603 → beide bleiben Minijobs
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("300"),
            weitere_beschaeftigungen=(WeitereBeschaeftigung(WeitereArt.MINIJOB, d("303")),),
        )
    )
    assert k.art is B.MINIJOB


def test_erster_minijob_neben_hauptbeschaeftigung_bleibt_frei() -> None:
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("450"),
            beschaeftigungsbeginn=date(2024, 1, 1),
            weitere_beschaeftigungen=(
                WeitereBeschaeftigung(WeitereArt.HAUPTBESCHAEFTIGUNG, d("3000")),
                WeitereBeschaeftigung(WeitereArt.MINIJOB, d("200"), beginn=date(2025, 6, 1)),
            ),
        )
    )
    assert k.art is B.MINIJOB


def test_zweiter_minijob_neben_hauptbeschaeftigung_wird_pflichtig_ohne_av() -> None:
    # früherer Minijob (2023) bleibt frei; dieser (2025) wird mit der Hauptbeschäftigung zusammengerechnet:
    # KV/PV/RV-pflichtig, AV-frei (§ 27 Abs. 2 SGB III); 3.000 + 450 > 2.000 → kein Übergangsbereich
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("450"),
            beschaeftigungsbeginn=date(2025, 1, 1),
            weitere_beschaeftigungen=(
                WeitereBeschaeftigung(WeitereArt.HAUPTBESCHAEFTIGUNG, d("3000")),
                WeitereBeschaeftigung(WeitereArt.MINIJOB, d("200"), beginn=date(2023, 1, 1)),
            ),
        )
    )
    assert k.art is B.SV_PFLICHTIG
    assert k.zweige == {Zweig.KV, Zweig.PV, Zweig.RV}
    assert "MINIJOB_MIT_HAUPTBESCHAEFTIGUNG_ZUSAMMENGERECHNET" in codes(k)


def test_zweiter_minijob_mit_kleiner_hauptbeschaeftigung_im_uebergangsbereich() -> None:
    # 1.000 + 300 = 1.300 ≤ 2.000 → Übergangsbereich nach dem Gesamtentgelt (§ 20 Abs. 2 Halbsatz 2 SGB IV)
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("300"),
            weitere_beschaeftigungen=(
                WeitereBeschaeftigung(WeitereArt.HAUPTBESCHAEFTIGUNG, d("1000")),
                WeitereBeschaeftigung(WeitereArt.MINIJOB, d("100")),
            ),
        )
    )
    assert k.art is B.MIDIJOB
    assert k.gesamtentgelt == d("1300")
    assert "MINIJOB_REIHENFOLGE_UNKLAR" in codes(k)  # Beginndaten fehlen → vorsichtig gerechnet


@pytest.mark.parametrize(
    ("entgelt", "weitere"),
    [
        pytest.param("900", (), id="900 € neben Hauptbeschäftigung ohne Entgelt"),
        pytest.param(
            "300",
            (WeitereBeschaeftigung(WeitereArt.MINIJOB, d("100"), beginn=date(2023, 1, 1)),),
            id="zweiter Minijob neben Hauptbeschäftigung ohne Entgelt",
        ),
    ],
)
def test_hauptbeschaeftigung_ohne_entgelt_kein_uebergangsbereich_und_keine_erfundene_summe(
    entgelt: str, weitere: tuple[WeitereBeschaeftigung, ...]
) -> None:
    # § 20 Abs. 2 SGB IV: the Übergangsbereich depends on all pay together; unknown → full contributions, and the
    # reasons must not name a total that nobody entered.
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d(entgelt),
            beschaeftigungsbeginn=date(2025, 1, 1),
            weitere_beschaeftigungen=(WeitereBeschaeftigung(WeitereArt.HAUPTBESCHAEFTIGUNG, None), *weitere),
        )
    )
    assert k.art is B.SV_PFLICHTIG
    assert "HAUPTBESCHAEFTIGUNG_ENTGELT_FEHLT" in codes(k)
    assert k.gesamtentgelt == d(entgelt)
    assert not any("2.001" in grund for grund in k.gruende), k.gruende
    assert any("nicht bekannt" in grund for grund in k.gruende), k.gruende


@pytest.mark.parametrize(
    ("aenderung", "feld"),
    [
        ({"monatsentgelt": d("-1")}, "monatsentgelt"),
        ({"befristung": Befristung(date(2026, 3, 10), date(2026, 3, 1))}, "befristung"),
        (
            {"befristung": Befristung(date(2026, 3, 1), date(2026, 3, 10)), "vorbeschaeftigung_tage_im_jahr": -1},
            "vorbeschaeftigung_tage_im_jahr",
        ),
    ],
    ids=["negatives Entgelt", "Ende vor Beginn", "negative Vorbeschäftigung"],
)
def test_unmoegliche_eingaben_sind_eingabefehler_mit_feld(aenderung: dict[str, object], feld: str) -> None:
    with pytest.raises(EingabeFehler) as fehler:
        klassifiziere(KlassifikationsEingabe(**{"monat": M26, "monatsentgelt": d("400"), **aenderung}))  # type: ignore[arg-type]
    assert fehler.value.feld == feld


# --- kurzfristige Beschäftigung (§ 8 Abs. 1 Nr. 2 SGB IV) ---


@pytest.mark.parametrize(
    ("befristung", "vorher", "erwartet"),
    [
        # 3 Monate ab 01.07. enden am 30.09. (§§ 187 Abs. 2, 188 Abs. 2 BGB)
        pytest.param(Befristung(date(2026, 7, 1), date(2026, 9, 30), None, d("5")), 0, B.KURZFRISTIG, id="3 Monate"),
        pytest.param(
            Befristung(date(2026, 7, 1), date(2026, 10, 1), None, d("5")), 0, B.MIDIJOB, id="3 Monate + 1 Tag"
        ),
        # Beginn 31.01.: es gibt keinen 31.04. → Frist endet am 30.04. (§ 188 Abs. 3 BGB)
        pytest.param(
            Befristung(date(2026, 1, 31), date(2026, 4, 30), None, d("5")), 0, B.KURZFRISTIG, id="31.01.–30.04."
        ),
        # 60 Arbeitstage + 10 Vorbeschäftigung = 70 ≤ 70; + 11 = 71 > 70
        pytest.param(
            Befristung(date(2026, 3, 1), date(2026, 8, 31), 60, d("3")), 10, B.KURZFRISTIG, id="70 Arbeitstage"
        ),
        pytest.param(Befristung(date(2026, 3, 1), date(2026, 8, 31), 60, d("3")), 11, B.MIDIJOB, id="71 Arbeitstage"),
        # 5-Tage-Woche mit Vorbeschäftigung: 90 Kalendertage (GR B 2.3): 61 + 29 = 90; 61 + 30 = 91
        pytest.param(
            Befristung(date(2026, 7, 1), date(2026, 8, 30), None, d("5")), 29, B.KURZFRISTIG, id="90 Kalendertage"
        ),
        pytest.param(
            Befristung(date(2026, 7, 1), date(2026, 8, 30), None, d("5")), 30, B.MIDIJOB, id="91 Kalendertage"
        ),
    ],
)
def test_kurzfristig_zeitgrenzen(befristung: Befristung, vorher: int, erwartet: B) -> None:
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("1500"),
            befristung=befristung,
            vorbeschaeftigung_tage_im_jahr=vorher,
            berufsmaessig=False,
            privathaushalt=False,
        )
    )
    assert k.art is erwartet


@pytest.mark.parametrize(
    ("entgelt", "berufsmaessig", "erwartet", "code"),
    [
        # über 603 € und berufsmäßig → nicht kurzfristig (§ 8 Abs. 1 Nr. 2 letzter Halbsatz SGB IV)
        pytest.param("1500", True, B.MIDIJOB, "KURZFRISTIG_BERUFSMAESSIG", id="berufsmäßig über Grenze"),
        pytest.param("1500", None, B.KURZFRISTIG, "KURZFRISTIG_BERUFSMAESSIGKEIT_UNGEKLAERT", id="ungeklärt → Warnung"),
        # bis 603 € spielt Berufsmäßigkeit keine Rolle; kurzfristig geht dem Minijob vor
        pytest.param("500", True, B.KURZFRISTIG, "HAUSHALTSSCHECK", id="unter Grenze: Berufsmäßigkeit egal"),
    ],
)
def test_kurzfristig_berufsmaessigkeit(entgelt: str, berufsmaessig: bool | None, erwartet: B, code: str) -> None:
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d(entgelt),
            befristung=Befristung(date(2026, 3, 1), date(2026, 4, 30), 20, d("3")),
            berufsmaessig=berufsmaessig,
        )
    )
    assert k.art is erwartet
    assert code in codes(k)


def test_kurzfristig_im_privathaushalt_ueber_haushaltsscheck() -> None:
    # RECHENGROESSEN: kurzfristig im Privathaushalt über den Haushaltsscheck
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("400"),
            befristung=Befristung(date(2026, 3, 1), date(2026, 3, 20)),
        )
    )
    assert k.art is B.KURZFRISTIG
    assert k.haushaltsscheck
    assert k.zweige == set()


def test_kurzfristig_ueber_grenze_haushaltsscheck_fraglich() -> None:
    # § 28a Abs. 7 Satz 1 SGB IV: Haushaltsscheck "wenn das Arbeitsentgelt … regelmäßig die Geringfügigkeitsgrenze
    # nicht übersteigt" (Jansen SGB IV § 28a Rz. 136) → 900 € kurzfristig: not silently Haushaltsscheck
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=M26,
            monatsentgelt=d("900"),
            befristung=Befristung(date(2026, 3, 1), date(2026, 3, 20)),
            berufsmaessig=False,
        )
    )
    assert k.art is B.KURZFRISTIG
    assert not k.haushaltsscheck
    assert {h.code for h in k.hinweise} >= {"HAUSHALTSSCHECK_ENTGELTGRENZE"}
    assert "HAUSHALTSSCHECK" not in {h.code for h in k.hinweise}


# --- Werkstudent und Haushaltsscheck ---


def test_werkstudent_nur_rv_auch_im_uebergangsbereich() -> None:
    # § 6 Abs. 1 Nr. 3 SGB V, § 27 Abs. 4 Nr. 2 SGB III: KV/PV/AV frei; RV pflichtig, im Übergangsbereich
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("1200"), student=True))
    assert k.art is B.MIDIJOB
    assert k.werkstudent
    assert k.zweige == {Zweig.RV}


def test_student_im_minijob_ist_minijob() -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("500"), student=True))
    assert k.art is B.MINIJOB
    assert not k.werkstudent


def test_werkstudent_ueber_20_stunden_warnt() -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("2500"), student=True, wochenstunden=d("24")))
    assert k.art is B.SV_PFLICHTIG
    assert "WERKSTUDENT_20_STUNDEN" in codes(k)


@pytest.mark.parametrize(
    ("entgelt", "privathaushalt", "erwartet"),
    [
        pytest.param("400", True, True, id="Minijob im Privathaushalt → Haushaltsscheck (§ 8a SGB IV)"),
        pytest.param("400", False, False, id="gewerblicher Minijob → kein Haushaltsscheck"),
        pytest.param("900", True, False, id="Midijob im Privathaushalt → kein Haushaltsscheck"),
    ],
)
def test_haushaltsscheck(entgelt: str, privathaushalt: bool, erwartet: bool) -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d(entgelt), privathaushalt=privathaushalt))
    assert k.haushaltsscheck is erwartet


def test_vorgabe_wird_genommen_aber_gewarnt() -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("1000"), vorgabe=B.MINIJOB))
    assert k.art is B.MINIJOB
    assert "KLASSIFIKATION_ABWEICHUNG" in codes(k)


def test_gruende_sind_lesbar() -> None:
    k = klassifiziere(KlassifikationsEingabe(monat=M26, monatsentgelt=d("550")))
    text = " ".join(k.gruende)
    assert "603,00" in text and "Minijob" in text


# --- Eigenschaften ---

betraege = st.decimals(min_value=0, max_value=50_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    entgelt=betraege,
    prognose=st.none() | betraege.map(lambda x: x * 12),
    jahr=st.sampled_from([2025, 2026]),
    student=st.booleans(),
    privathaushalt=st.booleans(),
    unvorhersehbar=st.booleans(),
    fruehere=st.integers(0, 11),
    weiterer=st.none() | betraege,
    haupt=st.none() | betraege,
)
def test_eigenschaft_jede_zahlung_ist_eingestuft(
    entgelt: Decimal,
    prognose: Decimal | None,
    jahr: int,
    student: bool,
    privathaushalt: bool,
    unvorhersehbar: bool,
    fruehere: int,
    weiterer: Decimal | None,
    haupt: Decimal | None,
) -> None:
    weitere = []
    if weiterer is not None:
        weitere.append(WeitereBeschaeftigung(WeitereArt.MINIJOB, weiterer))
    if haupt is not None:
        weitere.append(WeitereBeschaeftigung(WeitereArt.HAUPTBESCHAEFTIGUNG, haupt))
    k = klassifiziere(
        KlassifikationsEingabe(
            monat=date(jahr, 6, 1),
            monatsentgelt=entgelt,
            jahresentgelt_prognose=prognose,
            student=student,
            privathaushalt=privathaushalt,
            ueberschreitung_unvorhersehbar=unvorhersehbar,
            fruehere_ueberschreitungsmonate_im_zeitjahr=fruehere,
            weitere_beschaeftigungen=tuple(weitere),
        )
    )
    assert k.art in set(B)
    assert k.gruende
    if k.art is B.MINIJOB:
        assert k.zweige == set()
    if k.werkstudent:
        assert k.zweige <= {Zweig.RV}
    if k.haushaltsscheck:
        assert privathaushalt and k.art in (B.MINIJOB, B.KURZFRISTIG)


@settings(max_examples=200, deadline=None)
@given(entgelt=betraege, jahr=st.sampled_from([2025, 2026]))
def test_eigenschaft_einfache_grenzen(entgelt: Decimal, jahr: int) -> None:
    # Ohne weitere Umstände entscheidet allein das Monatsentgelt gegen 556/603 und 2.000 €.
    grenze = Decimal("556") if jahr == 2025 else Decimal("603")
    k = klassifiziere(KlassifikationsEingabe(monat=date(jahr, 6, 1), monatsentgelt=entgelt))
    if entgelt <= grenze:
        assert k.art is B.MINIJOB
    elif entgelt <= 2000:
        assert k.art is B.MIDIJOB
    else:
        assert k.art is B.SV_PFLICHTIG
