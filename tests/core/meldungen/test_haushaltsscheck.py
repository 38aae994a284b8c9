"""Haushaltsscheck: minijobs in a private household, the levies the Minijob-Zentrale debits half-yearly, no
Beitragsnachweis for them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.abrechnung import lauf
from core.fehler import EingabeFehler
from core.meldungen.beitragsnachweis_export import beitragsnachweise_exportieren
from core.meldungen.fristenliste import PERSONENFRISTEN, fristen, nimm_zurueck, vermerke_erledigt
from core.meldungen.haushaltsscheck import haushaltsscheck
from core.meldungen.haushaltsscheck_export import haushaltsscheck_exportieren
from core.meldungen.modelle import FristErledigt
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from tests.core.io.belege_hilfe import SZENARIEN, geladener_haushalt, pdf_text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    """Anna (540,00 €, RV-pflichtig) and Berta (same shifts, RV-befreit), both minijobs in a private household."""
    tmp = tmp_path_factory.mktemp("hhs")
    daten: dict[str, Any] = json.loads((SZENARIEN / "minijob_privathaushalt.json").read_text(encoding="utf-8"))
    anna = daten["assistenzkraefte"][0]
    anna["name"] = "Anna Mini"
    daten["assistenzkraefte"].append({**anna, "id": "berta", "name": "Berta Befreit", "rv_befreiung": True})
    offen = geladener_haushalt(tmp, daten)
    try:
        lauf.schliesse_ab(offen, 2026, 3)
        yield offen
    finally:
        offen.schliessen()


def test_abgaben_von_hand(db: Datenbank) -> None:
    """540,00 € in a private household 2026 (Minijob-Zentrale, Haushaltsscheck): KV 5 % = 27,00; RV 5 % = 27,00;
    Anna's RV share 13,6 % = 73,44; U1 0,8 % = 4,32; U2 0,22 % = 1,19 (1,188); UV 1,6 % = 8,64; tax 2 % = 10,80.
    Anna 152,39 €; Berta without the RV share 78,95 €; the debit on 31.07.2026 231,34 €."""
    h = haushaltsscheck(db, 2026, 3)
    assert h.titel == "Haushaltsscheck 1. Halbjahr 2026" and h.lastschrift == date(2026, 7, 31)
    anna, berta = h.personen
    (maerz,) = anna.monate
    assert maerz.arbeitsentgelt == Decimal("540.00")
    assert maerz.abgaben == {
        "kv_ag": Decimal("27.00"),
        "rv_ag": Decimal("27.00"),
        "rv_an": Decimal("73.44"),
        "umlage_u1": Decimal("4.32"),
        "umlage_u2": Decimal("1.19"),
        "unfallversicherung": Decimal("8.64"),
        "pauschsteuer": Decimal("10.80"),
    }
    assert anna.summe == Decimal("152.39") and not anna.rv_befreit
    assert berta.rv_befreit and berta.summe == Decimal("78.95")
    assert h.lastschrift_betrag == Decimal("231.34")
    assert h.offene_monate == (1, 2, 4, 5, 6)


def test_lastschrift_in_den_fristen(db: Datenbank) -> None:
    (frist,) = [f for f in fristen(db, date(2026, 7, 1), date(2026, 7, 31)) if f.art == "haushaltsscheck"]
    assert (frist.faellig, frist.betrag, frist.zeitraum) == (date(2026, 7, 31), Decimal("231.34"), "1. Halbjahr 2026")
    assert "§ 23 Abs. 2a SGB IV" in frist.rechtsgrundlage


def test_kein_beitragsnachweis_fuer_den_haushaltsscheck(db: Datenbank, tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler, match="kein Beitragsnachweis abzugeben"):
        beitragsnachweise_exportieren(db, 2026, 3, tmp_path / "bn.pdf")


def test_pdf_und_excel(db: Datenbank, tmp_path: Path) -> None:
    haushaltsscheck_exportieren(db, 2026, 5, tmp_path / "h.pdf")
    text = "\n".join(pdf_text(tmp_path / "h.pdf"))
    assert "Haushaltsscheck 1. Halbjahr 2026" in text and "31.07.2026" in text and "231,34" in text
    assert "Berta Befreit" in text and "befreit" in text
    haushaltsscheck_exportieren(db, 2026, 3, tmp_path / "h.xlsx")
    with pytest.raises(EingabeFehler, match=r"2\. Halbjahr 2026 ist noch kein Monat abgeschlossen"):
        haushaltsscheck_exportieren(db, 2026, 9, tmp_path / "x.pdf")


@pytest.fixture(scope="module")
def beginn_und_ende(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    """The private household with Anna (minijob, 540,00 €, from 02.03.2026 to 31.05.2026) and Carla (same shifts at
    40,00 €: 1.440,00 €, Übergangsbereich, so not in the Haushaltsscheck), both starting 02.03.2026, and Dora (as Anna)
    who started 16.02.2026, before the household's first month in the program; March finalised, May a draft."""
    tmp = tmp_path_factory.mktemp("hhs_meldung")
    daten: dict[str, Any] = json.loads((SZENARIEN / "minijob_privathaushalt.json").read_text(encoding="utf-8"))
    anna = daten["assistenzkraefte"][0]
    anna.update(name="Anna Mini", eintritt="2026-03-02", austritt="2026-05-31")
    daten["assistenzkraefte"].append({**anna, "id": "carla", "name": "Carla Midi", "stundenlohn": "40.00"})
    daten["assistenzkraefte"].append({**anna, "id": "dora", "name": "Dora Davor", "eintritt": "2026-02-16"})
    for neu in daten["assistenzkraefte"][1:]:
        del neu["austritt"]
    offen = geladener_haushalt(tmp, daten)
    try:
        lauf.schliesse_ab(offen, 2026, 3)
        yield offen
    finally:
        offen.schliessen()


def test_haushaltsscheck_statt_deuev_bei_beginn_und_ende(beginn_und_ende: Datenbank) -> None:
    """§ 28a Abs. 7 Satz 1 SGB IV: for a minijob in a private household the employer files the Haushaltsscheck
    "anstelle einer Meldung nach Absatz 1", unverzüglich; the Minijob-Zentrale ("Der Haushaltsscheck", minijob-
    zentrale.de): unverzüglich "bei Beginn und Ende des Minijobs". So Anna gets no DEÜV reminder (no 13.04.2026 /
    12.07.2026) but the Haushaltsscheck on 02.03.2026 and 31.05.2026; Carla, in the Übergangsbereich, keeps the DEÜV
    Anmeldung six weeks after her start (§ 6 DEÜV): 02.03.2026 + 42 days = 13.04.2026. For Dora no payroll says which
    procedure applies (February lies before the program's first month): the reminder names both, it does not guess;
    16.02.2026 + 42 days = 30.03.2026."""
    liste = fristen(beginn_und_ende, date(2026, 2, 1), date(2026, 8, 31))
    meldungen = [(f.faellig, f.art, f.titel) for f in liste if f.art in PERSONENFRISTEN]
    mz = "an die Minijob-Zentrale"
    beides = "ist es ein Minijob im Haushaltsscheckverfahren, stattdessen der Haushaltsscheck (unverzüglich)"
    assert meldungen == [
        (date(2026, 3, 2), "haushaltsscheck_anmeldung", f"Haushaltsscheck (Anmeldung) Anna Mini {mz}"),
        (date(2026, 3, 30), "deuev_anmeldung", f"Anmeldung (DEÜV) Dora Davor; {beides}"),
        (date(2026, 4, 13), "deuev_anmeldung", "Anmeldung (DEÜV) Carla Midi"),
        (date(2026, 5, 31), "haushaltsscheck_abmeldung", f"Haushaltsscheck (Abmeldung) Anna Mini {mz}"),
    ]
    anmeldung = next(f for f in liste if f.art == "haushaltsscheck_anmeldung")
    assert "§ 28a Abs. 7 Satz 1 SGB IV" in anmeldung.rechtsgrundlage and "unverzüglich" in anmeldung.zeitraum
    # the tick carries Anna's id, so that erasing her (Art. 17 DSGVO) erases it with her
    vermerke_erledigt(beginn_und_ende, anmeldung, date(2026, 3, 2))
    with beginn_und_ende.arbeitseinheit() as sitzung:
        zeile = sitzung.scalars(select(FristErledigt).where(FristErledigt.schluessel == anmeldung.schluessel)).one()
        anna = sitzung.scalars(select(Assistenzkraft).where(Assistenzkraft.nachname == "Mini")).one()
        assert zeile.assistenzkraft_id == anna.id
    nimm_zurueck(beginn_und_ende, anmeldung)
