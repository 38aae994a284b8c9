"""Kassen for the new year (carried forward „bitte prüfen“ until confirmed) and the year-end checklist (seed 004,
2.7.4, brought up to date). Rates: BKK Mitte 2026 from resources/regeln/krankenkassen.toml (U1 1,73/2,1/4,0 %)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.fehler import EingabeFehler
from core.jahreswechsel import checkliste, kassen
from core.persistence.datenbank import Datenbank
from core.stammdaten import assistenzkraefte, krankenkassen, start
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()


def _bkk_mit_kraft(db: Datenbank) -> int:
    bkk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BKK Mitte")
    assert bkk.id is not None
    jahr = bkk.jahr(2026)
    assert jahr is not None
    jahr.zusatzbeitrag_prozent = Decimal("2.5")  # a test value: the toml leaves it to the user
    jahr.u1_stufen[1].gewaehlt = True
    krankenkassen.speichere_krankenkasse(db, replace(bkk))
    assistenzkraefte.speichere_assistenzkraft(
        db, AssistenzkraftDaten(vorname="S", nachname="M", krankenkasse_id=bkk.id)
    )
    return bkk.id


def test_neues_jahr_wird_aus_dem_vorjahr_vorbelegt_und_bleibt_zu_pruefen(db: Datenbank) -> None:
    kid = _bkk_mit_kraft(db)
    assert [s.stand for s in kassen.kassen_im_jahr(db, 2027)] == [kassen.FEHLT]
    (stand,) = kassen.bereite_jahr_vor(db, 2027)
    assert (stand.name, stand.stand, stand.zusatzbeitrag_prozent, stand.u1_gewaehlt) == (
        "BKK Mitte",
        kassen.ZU_PRUEFEN,
        Decimal("2.5"),
        True,
    )
    saetze = krankenkassen.saetze(db, kid, 2027)
    assert saetze is not None and [s.umlage_prozent for s in saetze.u1_stufen] == [
        Decimal("1.73"),
        Decimal("2.1"),
        Decimal("4.0"),
    ]
    assert "bitte prüfen" in saetze.quelle
    assert kassen.bereite_jahr_vor(db, 2027)[0].stand == kassen.ZU_PRUEFEN  # twice: nothing doubled
    bestaetigt = kassen.bestaetige(db, kid, 2027, am=date(2026, 12, 20))
    assert bestaetigt.stand == kassen.BESTAETIGT
    assert "von Ihnen bestätigt am 20.12.2026" in bestaetigt.quelle


def test_bestaetigen_ohne_saetze_wird_abgelehnt(db: Datenbank) -> None:
    kid = _bkk_mit_kraft(db)
    with pytest.raises(EingabeFehler, match="noch keine Sätze"):
        kassen.bestaetige(db, kid, 2027)


def test_minijob_zentrale_wird_nicht_gefragt(db: Datenbank) -> None:
    mz = next(k for k in krankenkassen.liste_krankenkassen(db) if k.ist_minijob_zentrale)
    assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="A", nachname="B", krankenkasse_id=mz.id))
    assert kassen.kassen_im_jahr(db, 2027) == []


def test_checkliste_zum_jahreswechsel(db: Datenbank) -> None:
    kid = _bkk_mit_kraft(db)
    punkte = {p.schluessel: p for p in checkliste.checkliste(db, 2027)}
    assert list(punkte) == [
        "rechengroessen",
        "kassen",
        "u1_stufe",
        "minijob_prognose",
        "resturlaub",
        "steuermerkmale",
        "lohnsteuerbescheinigung",
        "jahresmeldung",
    ]
    assert not punkte["rechengroessen"].erledigt and "der Lohnsteuer-PAP fehlt" in punkte["rechengroessen"].erlaeuterung
    assert not punkte["kassen"].erledigt and "BKK Mitte (fehlt)" in punkte["kassen"].erlaeuterung
    assert not punkte["u1_stufe"].erledigt
    # § 8 Abs. 1a SGB IV: 14,60 × 130 / 3 = 632,67 → 633 € from 2027
    assert "Geringfügigkeitsgrenze 2027 beträgt 633 €" in punkte["minijob_prognose"].erlaeuterung
    assert "15. Februar" in punkte["jahresmeldung"].text

    kassen.bereite_jahr_vor(db, 2027)
    punkte = {p.schluessel: p for p in checkliste.checkliste(db, 2027)}
    assert "BKK Mitte (bitte prüfen)" in punkte["kassen"].erlaeuterung
    assert punkte["u1_stufe"].erledigt  # the choice was carried forward
    kassen.bestaetige(db, kid, 2027)
    assert {p.schluessel: p for p in checkliste.checkliste(db, 2027)}["kassen"].erledigt

    checkliste.hake_ab(db, 2027, "resturlaub", am=date(2027, 1, 5))
    punkt = {p.schluessel: p for p in checkliste.checkliste(db, 2027)}["resturlaub"]
    assert punkt.erledigt and punkt.erledigt_am == date(2027, 1, 5)
    assert not {p.schluessel: p for p in checkliste.checkliste(db, 2028)}["resturlaub"].erledigt  # per year
    with pytest.raises(EingabeFehler):
        checkliste.hake_ab(db, 2027, "unbekannt")


def test_2026_ist_vollstaendig(db: Datenbank) -> None:
    punkte = {p.schluessel: p for p in checkliste.checkliste(db, 2026)}
    assert punkte["rechengroessen"].erledigt
