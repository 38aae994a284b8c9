"""The Abrechnung area's tab "Meldungen und Fristen": starts on the last finalised month, writes the reports in the
background through the same writers as `assistenzbuero export`, names every control."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.stammdaten import start
from desktop import meldungen
from desktop.abrechnung.bereich import REITER
from desktop.berichte.meldungen_seite import MeldungenSeite
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.core.io.belege_hilfe import SZENARIEN, pdf_text
from tests.desktop.barrierefreiheit import doppelte_kuerzel, pruefe_barrierefreiheit


@pytest.fixture
def haushalt_kontext(tmp_path: Path, einstellungen: Einstellungen) -> Iterator[Kontext]:
    pfad = tmp_path / "haushalt.sqlite"
    lade(SZENARIEN / "meldungen_zwei_kassen.json", pfad)
    db = start.oeffne(pfad)
    lauf.schliesse_ab(db, 2026, 3)
    kontext = Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=pfad)
    yield kontext
    kontext.schliessen()


def test_reiter_ist_eingetragen() -> None:
    assert "desktop.berichte.meldungen_seite:MeldungenSeite" in REITER


def test_monat_fristen_und_export(
    qtbot: Any, haushalt_kontext: Kontext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seite = MeldungenSeite(haushalt_kontext)
    seite.fristen.heute = lambda: date(2026, 3, 20)
    qtbot.addWidget(seite)
    seite.resize(1000, 600)
    seite.show()
    seite.aktivieren()
    assert seite.monatsfeld.text() == "03.2026"
    assert "abgeschlossen" in seite.stand.text()
    qtbot.waitUntil(lambda: seite.fristen.geladen, timeout=10000)
    arten = {f.art for f in seite.fristen.modell.zeilen}
    assert {"beitragsnachweis", "beitragszahlung", "lst_anmeldung"} <= arten
    assert pruefe_barrierefreiheit(seite) == []
    assert doppelte_kuerzel(seite) == []
    seite.grab().save("/tmp/meldungen_seite.png")

    ziel = tmp_path / "bn.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(ziel), "PDF-Dokument (*.pdf)"))
    fertig: list[str] = []
    monkeypatch.setattr(meldungen, "datei_fertig", lambda _p, _t, text, _pfad: fertig.append(text))
    seite.knoepfe["beitragsnachweis"].click()
    qtbot.waitUntil(lambda: bool(fertig), timeout=15000)
    assert "3 Beitragsnachweise 03/2026" in fertig[0]
    assert "Beitragsnachweis März 2026 – AOK BW" in pdf_text(ziel)[0]


def test_storno_steht_auf_der_seite(qtbot: Any, tmp_path: Path, einstellungen: Einstellungen) -> None:
    """April's Abmeldung was issued with 2.728 €; March's correction (stored when May is finalised) makes it
    2.744 € (tests/core/meldungen/test_deuev_storno.py): the page of April says so, in text (her due date not
    ticked: whether it was sent is not known, the sentence says both)."""
    from tests.core.abrechnung.test_korrektur_nach_austritt import haushalt_nach_austritt
    from tests.core.meldungen.test_deuev_storno import SATZ_FALLS_ABGEGEBEN

    pfad = haushalt_nach_austritt(tmp_path)
    kontext = Kontext(datenbank=start.oeffne(pfad), einstellungen=einstellungen, db_pfad=pfad)
    try:
        assert kontext.datenbank is not None
        lauf.schliesse_ab(kontext.datenbank, 2026, 5)
        seite = MeldungenSeite(kontext)
        qtbot.addWidget(seite)
        seite.zeige_monat(2026, 4)
        assert seite.stand.text().endswith(f"Achtung: {SATZ_FALLS_ABGEGEBEN}")
        assert seite.stand.accessibleName() == seite.stand.text()
        seite.zeige_monat(2026, 3)  # March's own Meldungen (the Anmeldung) carry no Entgelt: nothing to cancel
        assert "Achtung" not in seite.stand.text()
        seite.zeige_monat(2026, 4)
        seite.resize(1000, 400)
        seite.grab().save("/tmp/storno_meldungen_seite.png")
    finally:
        kontext.schliessen()
