"""Lohnsteuerbescheinigung per assistant and year from the finalised months: lines 3–6, 22a, 23a, 25–27 are her
stored year totals; flat-rate minijobs get none; an unfinished year or a missing Steuer-ID is refused by name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.cli import main
from core.fehler import EingabeFehler
from core.meldungen.deuev import deuev_meldungen
from core.meldungen.lohnsteuerbescheinigung import lohnsteuerbescheinigungen
from core.meldungen.lohnsteuerbescheinigung_export import lstb_exportieren
from core.meldungen.unfallkasse import unfallkasse_jahr
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from tests.core.io.belege_hilfe import SZENARIEN, geladener_haushalt, pdf_text, verlaengere_erste_schicht


def _laden(tmp: Path) -> Datenbank:
    daten: dict[str, Any] = json.loads((SZENARIEN / "meldungen_zwei_kassen.json").read_text(encoding="utf-8"))
    daten["assistenzkraefte"][0]["eintritt"] = "2026-03-02"
    db = geladener_haushalt(tmp, daten)
    lauf.schliesse_ab(db, 2026, 3)
    return db


@pytest.fixture(scope="module")
def jahr_fertig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    db = _laden(tmp_path_factory.mktemp("lstb"))
    try:
        for monat in range(4, 13):
            lauf.schliesse_ab(db, 2026, monat)
        with db.arbeitseinheit() as sitzung:
            for nummer, kraft in enumerate(sitzung.scalars(select(Assistenzkraft)), start=1):
                kraft.steuer_id = ("8609574271", "5782396124", "3649501283", "4271836055", "1983645207")[nummer - 1]
        yield db
    finally:
        db.schliessen()


def test_unfertiges_jahr_und_fehlende_steuer_id(tmp_path: Path) -> None:
    db = _laden(tmp_path)
    try:
        with pytest.raises(EingabeFehler) as fehler:
            lstb_exportieren(db, 2026, tmp_path / "l.pdf")
        assert "Für Sabine Muster ist das Jahr 2026 erst bis 03/2026 abgeschlossen" in str(fehler.value)
        assert not (tmp_path / "l.pdf").exists()
    finally:
        db.schliessen()


def test_zeilen_von_hand(jahr_fertig: Datenbank, tmp_path: Path) -> None:
    """Sabine, 2.728,00 € in March only (AOK BW, 2,9 % Zusatzbeitrag, childless, tax class I): line 3 2.728,00;
    line 4 the sum of her stored monthly Lohnsteuer (the PAP's; March is a part month, daily table); line 23a
    RV 9,3 % = 253,70 (253,704); 22a the same; line 25 KV 7,3 % + 1,45 % =
    199,14 + 39,56 = 238,70; line 26 PV 1,8 % + 0,6 % childless = 65,47 (65,472); line 27 AV 1,3 % = 35,46."""
    liste = lohnsteuerbescheinigungen(jahr_fertig, 2026)
    assert [b.personalnummer for b in liste] == ["1", "2", "3"]  # the minijobs (2 %) get none
    sabine = liste[0]
    sabine_id = next(g.assistenzkraft_id for g in ablage.lade_jahr(jahr_fertig, 2026) if g.ergebnis.id == "1")
    assert (sabine.von, sabine.bis) == (date(2026, 3, 2), date(2026, 12, 31))
    assert sabine.werte == {
        "steuerpflichtig": Decimal("2728.00"),
        "lohnsteuer": sum((g.ergebnis.lohnsteuer for g in ablage.lade_jahr(jahr_fertig, 2026, sabine_id)), Decimal(0)),
        "solidaritaetszuschlag": Decimal("0.00"),
        "kirchensteuer": Decimal("0.00"),
        "zuschuss_mutterschaftsgeld": Decimal("0.00"),
        "rv_ag": Decimal("253.70"),
        "rv_an": Decimal("253.70"),
        "kv_an": Decimal("238.70"),
        "pv_an": Decimal("65.47"),
        "av_an": Decimal("35.46"),
    }
    ziel = tmp_path / "l.pdf"
    assert (
        main(
            [
                "export",
                "lohnsteuerbescheinigung",
                "--db",
                str(jahr_fertig.pfad),
                "--jahr",
                "2026",
                "--assistenzkraft",
                "Sabine",
                "--ausgabe",
                str(ziel),
            ]
        )
        == 0
    )
    (text,) = pdf_text(ziel)
    assert "Lohnsteuerbescheinigung 2026 – Sabine Muster" in text and "2.728,00" in text and "8609574271" in text
    lstb_exportieren(jahr_fertig, 2026, tmp_path / "l.xlsx")


def test_spaetere_korrektur_eines_frueheren_monats_zaehlt_mit(tmp_path: Path) -> None:
    """Sabine leaves on 30.04.2026 (April finalised, no shifts in it); then her shift of Monday 02.03. 07:00–15:00 is
    found to have ended at 16:00, and May (the others') settles the correction of March. March gets version 2 with
    1 h × 15,50 € (her Stundenlohn) more: 2.728,00 + 15,50 = 2.743,50 €. April, unchanged in its own payroll, keeps its
    version (and the year totals it carried), so her Lohnsteuerbescheinigung adds up the months' valid versions:
    line 3 2.743,50; line 23a RV 9,3 % of 2.743,50 = 255,15 (255,1455); line 4 the sum of her monthly Lohnsteuer."""
    db = _laden(tmp_path)
    try:
        with db.arbeitseinheit() as sitzung:
            sabine = sitzung.scalars(select(Assistenzkraft).where(Assistenzkraft.personalnummer == "1")).one()
            sabine.steuer_id = "8609574271"
            max(sabine.vertraege, key=lambda v: v.gueltig_ab).austritt = date(2026, 4, 30)
            sabine_id = sabine.id
        lauf.schliesse_ab(db, 2026, 4)
        with db.arbeitseinheit() as sitzung:
            verlaengere_erste_schicht(sitzung, sabine_id, date(2026, 3, 2), timedelta(hours=1))
        mai = lauf.schliesse_ab(db, 2026, 5)
        assert [(k.personalnummer, k.monat) for k in mai.korrekturen] == [("1", 3)]
        assert [g.version for g in ablage.versionen(db, 2026, 4, sabine_id)] == [1]
        (lstb,) = lohnsteuerbescheinigungen(db, 2026, sabine_id)
        monate = ablage.lade_jahr(db, 2026, sabine_id)
        assert [(g.monat, g.version) for g in monate] == [(3, 2), (4, 1)]
        assert lstb.bis == date(2026, 4, 30)
        assert lstb.werte["steuerpflichtig"] == Decimal("2743.50")
        assert lstb.werte["rv_an"] == lstb.werte["rv_ag"] == Decimal("255.15")
        assert lstb.werte["lohnsteuer"] == sum((g.ergebnis.lohnsteuer for g in monate), Decimal(0))
        assert monate[-1].ergebnis.jahreswerte.steuerbrutto == Decimal("2728.00")  # April as finalised
        # her Abmeldung (30) in April reports the corrected RV-Entgelt too: 2.743,50 € in whole euros = 2.744
        (abmeldung,) = [m for m in deuev_meldungen(db, 2026, 4).meldungen if (m.personalnummer, m.grund) == ("1", "30")]
        assert abmeldung.entgelt == 2744
        # and the Unfallkasse's year figures her gross pay (no surcharges: weekday shifts 07:00–16:00)
        (uv,) = [p for p in unfallkasse_jahr(db, 2026).personen if p.personalnummer == "1"]
        assert uv.arbeitsentgelt == Decimal("2743.50")
    finally:
        db.schliessen()
