"""The "Prüfung" column says what the "Hinweise des Monats" say (issue 13, finding 7).

Before: the break warning of the example household named 04., 05. and 06.01., the column flagged only the 4th (the
screen-reader text too), and every shift cell read the 400-character warning with its 23 dates out loud.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from core.dienstplan import dienst
from desktop.dienstplan.modelle import Art
from desktop.dienstplan.texte import KURZ_HOECHSTENS, hinweis_kurz
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from tests.desktop.conftest import _zeige_fenster

pytestmark = pytest.mark.gui
DATUM = re.compile(r"\b(\d\d)\.(\d\d)\.(?!\d)")


@pytest.fixture
def ohne_pausen(qtbot: Any, demo_kontext: Kontext) -> Hauptfenster:
    """The example household with the late shifts' breaks of this month taken out: break warnings naming many days.

    The demo itself plans its breaks (§ 4 ArbZG) and shows no warning any more, so the test makes its own case.
    """
    heute = date.today()
    db = demo_kontext.datenbank
    for schicht in dienst.monat_oeffnen(db, heute.year, heute.month, pruefen=False).schichten:
        if schicht.vorlage == "Spätdienst" and schicht.pausen:  # 8 h without a break: more than 6 h
            dienst.aendere(db, schicht.mit(pausen=()))
    return _zeige_fenster(qtbot, demo_kontext)


def test_jeder_genannte_tag_ist_in_der_spalte_markiert(ohne_pausen: Hauptfenster) -> None:
    demo_fenster = ohne_pausen
    demo_fenster.zeige_bereich("dienstplan")
    seite = demo_fenster.seite("dienstplan")
    modell = seite.modell
    daten = modell.daten
    assert daten is not None
    spalte = next(i for i in range(modell.columnCount()) if modell.art(i) is Art.PRUEFUNG)
    mehrtaegig = [h for h in daten.hinweise if len(h.tage) > 1]
    assert mehrtaegig, "the example household has a break warning over several days"
    probleme = []
    for h in daten.hinweise:
        for tag_text, monat_text in DATUM.findall(h.text):
            if int(monat_text) != seite.monat:
                continue
            tag = date(seite.jahr, seite.monat, int(tag_text))
            reihe = modell.reihe_von(tag)
            assert reihe is not None
            angezeigt = modell.data(modell.index(reihe, spalte))
            vorgelesen = modell.vorlesetext(modell.zeile(reihe), Art.PRUEFUNG, None)
            if angezeigt == "in Ordnung" or hinweis_kurz(h.text) not in vorgelesen:
                probleme.append(f"{tag:%d.%m.}: {h.code} fehlt in der Spalte Prüfung ({angezeigt})")
    assert probleme == []


def test_zellen_lesen_hinweise_kurz_vor(ohne_pausen: Hauptfenster) -> None:
    demo_fenster = ohne_pausen
    demo_fenster.zeige_bereich("dienstplan")
    modell = demo_fenster.seite("dienstplan").modell
    from PySide6.QtCore import Qt

    laengster = max(
        len(modell.data(modell.index(r, c), Qt.ItemDataRole.AccessibleTextRole) or "")
        for r in range(modell.rowCount())
        for c in range(modell.columnCount())
    )
    # a day, a shift and two short Hinweise fit; the warning with 23 dates (400 characters each time) does not
    assert laengster <= 2 * KURZ_HOECHSTENS + 160, laengster


def test_kurzfassung_eines_hinweises() -> None:
    text = (
        "Sabine arbeitet an 3 Tagen mehr als 6 Stunden ohne die vorgeschriebene Pause (0,5 bzw. 0,75 Stunden, in "
        "Blöcken von mindestens 15 Minuten): 04.01., 05.01., 06.01. – bitte tragen Sie die Pause ein."
    )
    assert hinweis_kurz(text) == "Sabine arbeitet an 3 Tagen mehr als 6 Stunden ohne die vorgeschriebene Pause"


def test_kurzfassung_einer_luecke_in_der_pause_nennt_tag_und_wessen_pause() -> None:
    text = (
        "Am 02.03.2026 ist in der Pause von Sabine niemand da: 10:30–11:00 – bitte eine zweite Person überlappend "
        "einplanen oder die Zeit im Bedarfsprofil als Arbeit 0 eintragen, wenn Sie allein zurechtkommen."
    )
    assert hinweis_kurz(text) == "Am 02.03.2026 ist in der Pause von Sabine niemand da"


def test_ein_tag_ohne_pause_heisst_an_1_tag() -> None:
    from core.dienstplan.pruefungen import _tage_text

    assert _tage_text(1) == "1 Tag" and _tage_text(3) == "3 Tagen"  # "an 1 Tagen" (issue 13, finding 10)
