"""The start page's Fristen: loaded off the GUI thread, state as text, ticked by keyboard, every control named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.stammdaten import start
from desktop.berichte import fristen as widget_modul
from desktop.berichte.fristen import FristenWidget
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.core.io.belege_hilfe import SZENARIEN
from tests.desktop.barrierefreiheit import doppelte_kuerzel, pruefe_barrierefreiheit

HEUTE = date(2026, 3, 20)


@pytest.fixture
def haushalt_kontext(tmp_path: Path, einstellungen: Einstellungen) -> Iterator[Kontext]:
    pfad = tmp_path / "haushalt.sqlite"
    lade(SZENARIEN / "meldungen_zwei_kassen.json", pfad)
    db = start.oeffne(pfad)
    lauf.schliesse_ab(db, 2026, 3)
    kontext = Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=pfad)
    yield kontext
    kontext.schliessen()


def _zeige(qtbot: Any, kontext: Kontext) -> FristenWidget:
    w = FristenWidget(kontext)
    w.heute = lambda: HEUTE
    qtbot.addWidget(w)
    w.resize(900, 400)
    w.show()
    qtbot.waitUntil(lambda: w.geladen, timeout=10000)
    return w


def test_liste_mit_stand_als_text(qtbot: Any, haushalt_kontext: Kontext, tmp_path: Path) -> None:
    w = _zeige(qtbot, haushalt_kontext)
    zeilen = w.modell.zeilen
    assert any(f.art == "beitragszahlung" and f.faellig == date(2026, 3, 27) for f in zeilen)
    stand = w.modell.index(0, 4).data()
    assert stand in ("offen", "überfällig", "heute fällig")
    assert "Fristen, davon" in w.stand.text()
    assert pruefe_barrierefreiheit(w) == []
    assert doppelte_kuerzel(w) == []
    w.grab().save(str(Path("/tmp") / "fristen_widget.png"))


def test_erledigt_vermerken_per_tastatur(
    qtbot: Any, haushalt_kontext: Kontext, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = _zeige(qtbot, haushalt_kontext)
    monkeypatch.setattr(widget_modul, "frage_datum", lambda _p, _f: date(2026, 3, 19))
    w.tabelle.setFocus()
    qtbot.keyClick(w.tabelle, Qt.Key.Key_Down)
    gewaehlt = widget_modul.aktuelle_zeile(w.tabelle, w.modell)
    assert gewaehlt is not None
    w.geladen = False
    qtbot.keyClick(w, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.geladen, timeout=10000)
    neu = next(f for f in w.modell.zeilen if f.schluessel == gewaehlt.schluessel)
    assert neu.erledigt_am == date(2026, 3, 19)
    zeile = w.modell.zeilen.index(neu)
    assert w.modell.index(zeile, 4).data() == "erledigt am 19.03.2026"
    assert QApplication.focusWidget() is not None
