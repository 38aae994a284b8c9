"""Employer set-up, Unfallkassen and Krankenkassen seeded from the rule files, all editable."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.fehler import FeldFehler
from core.persistence.datenbank import Datenbank
from core.stammdaten import arbeitgeber, krankenkassen, start, unfallkassen
from core.stammdaten.arbeitgeber import ArbeitgeberDaten


def _gueltig() -> ArbeitgeberDaten:
    return ArbeitgeberDaten(
        vorname="Anna",
        nachname="Assistenzgeberin",
        strasse="Blumenstraße 5",
        plz="77777",
        ort="Bdorf",
        bundesland="BW",
        betriebsnummer="67334480",  # a real Betriebsnummer from seed 004, 2.3.1.1 (valid check digit)
        steuernummer="93815/08152",
        iban="DE89 3704 0044 0532 0130 00",
    )


def test_erster_start_ohne_arbeitgeber(db: Datenbank) -> None:
    assert arbeitgeber.lade_arbeitgeber(db) is None
    assert not arbeitgeber.ist_eingerichtet(db)


def test_arbeitgeber_speichern_und_laden(db: Datenbank) -> None:
    daten = _gueltig()
    daten.unfallversicherungstraeger_id = arbeitgeber.vorgeschlagene_unfallkasse(db, "BW")
    gespeichert = arbeitgeber.speichere_arbeitgeber(db, daten)
    geladen = arbeitgeber.lade_arbeitgeber(db)
    assert geladen == gespeichert
    assert geladen is not None and geladen.iban == "DE89370400440532013000"
    assert unfallkassen.lade_unfallkasse(db, geladen.unfallversicherungstraeger_id or 0).name == (
        "Unfallkasse Baden-Württemberg"
    )
    # editing later keeps the single row
    geladen.ort = "Cstadt"
    arbeitgeber.speichere_arbeitgeber(db, geladen)
    assert (arbeitgeber.lade_arbeitgeber(db) or _gueltig()).ort == "Cstadt"


def test_falsche_kennungen_werden_alle_gemeldet_und_nichts_gespeichert(db: Datenbank) -> None:
    daten = _gueltig()
    daten.betriebsnummer = "67334481"
    daten.iban = "DE89 3704 0044 0532 0130 01"
    daten.steuernummer = "201/123/12340"  # Saxon format, not Baden-Württemberg
    daten.bundesland = "BW"
    with pytest.raises(FeldFehler) as info:
        arbeitgeber.speichere_arbeitgeber(db, daten)
    assert set(info.value.fehler) == {"betriebsnummer", "iban", "steuernummer"}
    assert "Prüfziffer" in info.value.fehler["betriebsnummer"]
    assert arbeitgeber.lade_arbeitgeber(db) is None


def test_pflichtfelder(db: Datenbank) -> None:
    fehler = arbeitgeber.pruefe_arbeitgeber(ArbeitgeberDaten())
    assert set(fehler) == {"nachname", "bundesland"}


def test_unfallkassen_aus_seed_004_vorbelegt(db: Datenbank) -> None:
    alle = unfallkassen.liste_unfallkassen(db, "NI")
    assert len(alle) == 20
    assert {u.bundesland for u in alle} >= {"BW", "BY", "NI", "TH"}
    assert alle[0].bundesland == "NI"  # the Land's entries first
    assert all("prüfen" in u.hinweis for u in alle)  # 2016 addresses are flagged
    assert arbeitgeber.vorgeschlagene_unfallkasse(db, "NI") is None  # four in Niedersachsen: she chooses


def test_unfallkasse_bearbeiten(db: Datenbank) -> None:
    bw = unfallkassen.liste_unfallkassen(db, "BW")[0]
    bw.telefon = "0711 000"
    unfallkassen.speichere_unfallkasse(db, bw)
    assert unfallkassen.lade_unfallkasse(db, bw.id or 0).telefon == "0711 000"
    bw.betriebsnummer = "12345678"
    with pytest.raises(FeldFehler):
        unfallkassen.speichere_unfallkasse(db, bw)


def test_minijob_zentrale_aus_den_jahrestabellen(db: Datenbank) -> None:
    kassen = krankenkassen.liste_krankenkassen(db)
    mz = kassen[0]
    assert mz.ist_minijob_zentrale
    jahr_2026 = mz.jahr(2026)
    assert jahr_2026 is not None
    # resources/regeln/2026.toml (RECHENGROESSEN: U1 0,80 % ab 2026, Erstattung 80 %, U2 0,22 %)
    stufe = jahr_2026.gewaehlte_u1_stufe
    assert stufe is not None
    assert (stufe.umlage_prozent, stufe.erstattung_prozent, stufe.ag_anteile_erstattet) == (
        Decimal("0.80"),
        Decimal("80"),
        False,
    )
    assert jahr_2026.u2_prozent == Decimal("0.22")
    jahr_2025 = mz.jahr(2025)
    assert jahr_2025 is not None and jahr_2025.u1_stufen[0].umlage_prozent == Decimal("1.10")


def test_beispielkassen_aus_rechengroessen(db: Datenbank) -> None:
    # RECHENGROESSEN (Umlagen): BKK Mitte 2026 U1 1,73 %/50 %, 2,1 %/60 %, 4,0 %/80 %, U2 0,40 %
    bkk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BKK Mitte")
    jahr = bkk.jahr(2026)
    assert jahr is not None
    assert [(s.umlage_prozent, s.erstattung_prozent) for s in jahr.u1_stufen] == [
        (Decimal("1.73"), Decimal("50")),
        (Decimal("2.1"), Decimal("60")),
        (Decimal("4.0"), Decimal("80")),
    ]
    assert jahr.u2_prozent == Decimal("0.40")
    assert jahr.gewaehlte_u1_stufe is None


def test_u1_stufe_waehlen_und_jahr_uebernehmen(db: Datenbank) -> None:
    bkk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BKK Mitte")
    jahr = bkk.jahr(2026)
    assert jahr is not None and bkk.id is not None
    hoechste = jahr.u1_stufen[-1]
    krankenkassen.waehle_u1_stufe(db, bkk.id, 2026, hoechste.id)
    neu = krankenkassen.uebernimm_jahr(db, bkk.id, 2026, 2027)
    assert neu.jahr == 2027 and neu.gewaehlte_u1_stufe is not None
    assert neu.gewaehlte_u1_stufe.erstattung_prozent == Decimal("80")
    saetze = krankenkassen.saetze(db, bkk.id, 2026)
    assert saetze is not None and saetze.gewaehlte_u1_stufe is not None
    assert saetze.gewaehlte_u1_stufe.id == hoechste.id


def test_krankenkasse_anlegen_mit_jahr_und_stufen(db: Datenbank) -> None:
    kasse = krankenkassen.KrankenkasseDaten(
        name="AOK Baden-Württemberg",
        jahre=[
            krankenkassen.KassenJahrDaten(
                jahr=2026,
                zusatzbeitrag_prozent=Decimal("2.99"),
                u2_prozent=Decimal("0.45"),
                u1_stufen=[
                    krankenkassen.U1StufeDaten(Decimal("2.1"), Decimal("60"), gewaehlt=True),
                    krankenkassen.U1StufeDaten(Decimal("3.3"), Decimal("80"), ag_anteile_erstattet=True),
                ],
            )
        ],
    )
    gespeichert = krankenkassen.speichere_krankenkasse(db, kasse)
    assert gespeichert.id is not None
    geladen = krankenkassen.lade_krankenkasse(db, gespeichert.id)
    assert geladen.jahr(2026) is not None
    assert geladen == gespeichert
    doppelt = krankenkassen.KrankenkasseDaten(name="aok baden-württemberg")
    with pytest.raises(FeldFehler) as info:
        krankenkassen.speichere_krankenkasse(db, doppelt)
    assert "name" in info.value.fehler


def test_zwei_gewaehlte_stufen_sind_ein_fehler() -> None:
    kasse = krankenkassen.KrankenkasseDaten(
        name="X",
        jahre=[
            krankenkassen.KassenJahrDaten(
                jahr=2026,
                u1_stufen=[
                    krankenkassen.U1StufeDaten(Decimal(2), Decimal(60), gewaehlt=True),
                    krankenkassen.U1StufeDaten(Decimal(3), Decimal(80), gewaehlt=True),
                ],
            )
        ],
    )
    assert "jahre[0].u1_stufen" in krankenkassen.pruefe_krankenkasse(kasse)


def test_vorgaben_nur_einmal(db: Datenbank) -> None:
    anzahl = len(krankenkassen.liste_krankenkassen(db))
    assert start.lege_vorgaben_an(db) is False
    assert len(krankenkassen.liste_krankenkassen(db)) == anzahl


def test_vorbelegte_hinweise_sind_ganze_saetze(db: Datenbank) -> None:
    # the table's own note and the "bitte prüfen" note are joined: each must end as a sentence
    for traeger in unfallkassen.liste_unfallkassen(db):
        saetze = traeger.hinweis.split(" " + unfallkassen.HINWEIS_VORBELEGT)[0]
        assert traeger.hinweis.endswith(unfallkassen.HINWEIS_VORBELEGT), traeger.name
        assert saetze == unfallkassen.HINWEIS_VORBELEGT or saetze.endswith((".", "!", "?", ")")), traeger.name


def test_vorbelegte_daten_bestehen_die_eigenen_pruefungen(db: Datenbank) -> None:
    for traeger in unfallkassen.liste_unfallkassen(db):
        assert unfallkassen.pruefe_unfallkasse(traeger) == {}, traeger.name
    for kasse in krankenkassen.liste_krankenkassen(db):
        assert krankenkassen.pruefe_krankenkasse(kasse) == {}, kasse.name


def test_neue_regeljahre_kommen_zur_minijob_zentrale_bearbeitete_bleiben(db: Datenbank) -> None:
    mz = krankenkassen.liste_krankenkassen(db)[0]
    jahr_2025 = mz.jahr(2025)
    assert jahr_2025 is not None
    jahr_2025.u2_prozent = Decimal("0.30")  # the user corrected a value
    mz.jahre = [j for j in mz.jahre if j.jahr != 2026]  # as if 2026 had been added to the rules later
    krankenkassen.speichere_krankenkasse(db, mz)
    start.lege_vorgaben_an(db)
    nachher = krankenkassen.liste_krankenkassen(db)[0]
    assert sorted(j.jahr for j in nachher.jahre) == [2025, 2026]
    assert (nachher.jahr(2025) or jahr_2025).u2_prozent == Decimal("0.30")
