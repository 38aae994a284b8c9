"""Abrechnung › Monatsabrechnung at the change of year (issue 12): the Kasse's rates for the month's year, carried
forward and still „bitte prüfen“, are named under the status; finalising is refused until they are confirmed, which
the user can do right there by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.persistence.modelle import KassenJahr
from core.stammdaten.krankenkassen import BITTE_PRUEFEN
from desktop.kontext import Kontext
from tests.desktop.abrechnung.seite_hilfe import GeduldigerFuehrer as Dialogfuehrer
from tests.desktop.abrechnung.seite_hilfe import oeffne_seite, warte

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def test_kassensaetze_pruefen_und_bestaetigen(
    qtbot: Any, haushalt: Callable[[str], Kontext], fuehrer: Dialogfuehrer
) -> None:
    kontext = haushalt("sv_pflichtig_nacht_sonntag")  # März 2026, Kasse „AOK BW“
    with kontext.datenbank.arbeitseinheit() as sitzung:
        for zeile in sitzung.scalars(select(KassenJahr).where(KassenJahr.jahr == 2026)):
            zeile.quelle = f"aus 2025 übernommen – {BITTE_PRUEFEN}"  # as the Jahreswechsel leaves it
    _fenster, seite = oeffne_seite(qtbot, kontext)
    assert seite.kassenhinweis.isVisible() and seite.kassen_knopf.isVisible()
    hinweis = seite.kassenhinweis.text()
    assert hinweis.startswith("Achtung, Jahreswechsel:") and "„AOK BW“" in hinweis and "noch nicht bestätigt" in hinweis
    assert seite.kassenhinweis.accessibleName() == hinweis  # read out, not shown by colour
    assert "Fehler verhindert den Abschluss" in seite.status.text()
    assert lauf.abschluss_hindernis(kontext.datenbank, 2026, 3) is not None

    gefragt: list[str] = []

    def bestaetigen(box: QMessageBox) -> None:
        gefragt.append(box.text())
        qtbot.keyClick(fokus(), Qt.Key.Key_B, ALT)  # "Sätze &bestätigen"
        qtbot.waitUntil(lambda: not box.isVisible())

    fuehrer.dann(bestaetigen, QMessageBox)
    seite.tabelle.setFocus()
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_P, ALT)  # "Kassensätze &prüfen …"
    qtbot.waitUntil(lambda: bool(gefragt), timeout=20000)
    assert "AOK BW: Zusatzbeitrag 2,9 %" in gefragt[0] and "2026" in gefragt[0]
    qtbot.waitUntil(lambda: not seite.kassenhinweis.isVisible(), timeout=20000)
    warte(qtbot, seite)
    assert not seite.kassen_knopf.isVisible()
    assert "verhindert den Abschluss" not in seite.status.text()
    assert lauf.abschluss_hindernis(kontext.datenbank, 2026, 3) is None
    assert ablage.status(kontext.datenbank, 2026, 3) == ablage.ENTWURF
