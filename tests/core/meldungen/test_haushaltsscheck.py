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

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.fehler import EingabeFehler
from core.meldungen.beitragsnachweis_export import beitragsnachweise_exportieren
from core.meldungen.fristenliste import fristen
from core.meldungen.haushaltsscheck import haushaltsscheck
from core.meldungen.haushaltsscheck_export import haushaltsscheck_exportieren
from core.persistence.datenbank import Datenbank
from core.stammdaten import start
from tests.core.io.belege_hilfe import SZENARIEN, pdf_text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    """Anna (540,00 €, RV-pflichtig) and Berta (same shifts, RV-befreit), both minijobs in a private household."""
    tmp = tmp_path_factory.mktemp("hhs")
    daten: dict[str, Any] = json.loads((SZENARIEN / "minijob_privathaushalt.json").read_text(encoding="utf-8"))
    anna = daten["assistenzkraefte"][0]
    anna["name"] = "Anna Mini"
    daten["assistenzkraefte"].append({**anna, "id": "berta", "name": "Berta Befreit", "rv_befreiung": True})
    datei = tmp / "s.json"
    datei.write_text(json.dumps(daten), encoding="utf-8")
    lade(datei, tmp / "h.sqlite")
    offen = start.oeffne(tmp / "h.sqlite")
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
