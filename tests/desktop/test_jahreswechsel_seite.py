"""Einstellungen → Jahreswechsel: the Kassen of the new year are offered from last year, confirmed by keyboard;
the year-end checklist ticks with Space. Rates: BKK Mitte 2026 (resources/regeln/krankenkassen.toml)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from barrierefreiheit import doppelte_kuerzel, pruefe_barrierefreiheit
from PySide6.QtCore import Qt

from core.stammdaten import assistenzkraefte, krankenkassen
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten
from desktop.jahreswechsel import JahreswechselSeite
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui


@pytest.fixture
def seite(qtbot: Any, kontext: Kontext) -> JahreswechselSeite:
    db = kontext.datenbank
    bkk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BKK Mitte")
    jahr = bkk.jahr(2026)
    assert jahr is not None and bkk.id is not None
    jahr.zusatzbeitrag_prozent = Decimal("2.5")
    krankenkassen.speichere_krankenkasse(db, replace(bkk))
    assistenzkraefte.speichere_assistenzkraft(
        db, AssistenzkraftDaten(vorname="S", nachname="M", krankenkasse_id=bkk.id)
    )
    s = JahreswechselSeite(kontext)
    qtbot.addWidget(s)
    s.resize(1100, 700)
    s.show()
    qtbot.waitExposed(s)
    s.jahr.setValue(2027)
    s.aktivieren()  # what the Einstellungen area calls when the tab opens
    return s


def _stand(s: JahreswechselSeite) -> str:
    return s.kassen_modell.data(s.kassen_modell.index(0, 1))


def test_neues_jahr_fragt_auf_der_seite_und_bestaetigen_per_tastatur(seite: JahreswechselSeite, qtbot) -> None:
    assert _stand(seite) == "fehlt"
    assert "Für 2027 fehlen Zusatzbeitrag und U1/U2 bei: BKK Mitte" in seite.frage.text()
    seite.uebernehmen_knopf.setFocus()
    qtbot.keyClick(seite.uebernehmen_knopf, Qt.Key.Key_Space)
    assert _stand(seite) == "bitte prüfen"
    assert seite.kassen_modell.data(seite.kassen_modell.index(0, 2)) == "2,5 %"
    assert "bestätigen Sie sie: BKK Mitte" in seite.frage.text()
    assert not seite.uebernehmen_knopf.isEnabled()  # nothing missing any more
    seite.kassen.setFocus()
    qtbot.keyClick(seite.kassen, Qt.Key.Key_Tab)
    assert seite.bestaetigen_knopf.hasFocus()
    qtbot.keyClick(seite.bestaetigen_knopf, Qt.Key.Key_Space)
    assert _stand(seite) == "bestätigt"


def test_checkliste_mit_leertaste(seite: JahreswechselSeite, qtbot) -> None:
    zeile = next(i for i, p in enumerate(seite.punkte_modell.zeilen) if p.schluessel == "resturlaub")
    seite.punkte.setCurrentIndex(seite.punkte_filter.index(zeile, 1))
    seite.punkte.setFocus()
    qtbot.keyClick(seite.punkte, Qt.Key.Key_Space)
    punkt = seite.punkte_modell.zeilen[zeile]
    assert punkt.erledigt and seite.punkte_modell.data(seite.punkte_modell.index(zeile, 1)) == "erledigt"


def test_barrierefrei(seite: JahreswechselSeite) -> None:
    assert pruefe_barrierefreiheit(seite) == []
    assert doppelte_kuerzel(seite) == []


def test_kurzinfo_auf_der_startseite(qtbot, kontext: Kontext) -> None:
    from datetime import date

    from desktop.jahreswechsel import JahreswechselKurzinfo, kurztext

    # June 2026 in an empty household: 2026 is complete (figures, shipped PAP), no Kasse to ask → nothing to show
    assert kurztext(kontext, date(2026, 6, 1)) is None
    text = kurztext(kontext, date(2026, 12, 3))
    assert text is not None and text.startswith("Jahreswechsel 2027: ")
    assert "Rechengrößen fehlen und der Lohnsteuer-PAP fehlt" in text
    info = JahreswechselKurzinfo(kontext)
    qtbot.addWidget(info)
    info.show()
    info.aktualisieren(date(2026, 12, 3))
    assert info.knopf.isVisible() and info.text.accessibleName() == text
    assert pruefe_barrierefreiheit(info) == []
    info.aktualisieren(date(2026, 6, 1))
    assert not info.knopf.isVisible()
