"""Abrechnung › Monatsabrechnung: the correction of an assistant who has left says that no row of the settling
month settles it (it is a transfer of its own) — in the status of the settling month (draft and finalised) and in
the list of corrections. The household and the
amount (8,81 € net, worked by hand) are those of tests/core/abrechnung/test_korrektur_nach_austritt.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.abrechnung import lauf
from core.stammdaten import start
from desktop.einstellungen import Einstellungen
from desktop.kontext import Kontext
from tests.core.abrechnung.test_korrektur_nach_austritt import NACHZAHLUNG, haushalt_nach_austritt
from tests.desktop.abrechnung.seite_hilfe import GeduldigerFuehrer as Dialogfuehrer
from tests.desktop.abrechnung.seite_hilfe import oeffne_seite, warte

pytestmark = pytest.mark.gui


def test_korrektur_ohne_vertrag_steht_im_status_und_in_der_liste(
    qtbot: Any, tmp_path: Path, einstellungen: Einstellungen, fuehrer: Dialogfuehrer
) -> None:
    pfad = haushalt_nach_austritt(tmp_path)
    kontext = Kontext(datenbank=start.oeffne(pfad), einstellungen=einstellungen, db_pfad=pfad)
    try:
        _fenster, seite = oeffne_seite(qtbot, kontext)
        assert (seite.jahr, seite.monat) == (2026, 5)  # the next open month settles March's correction
        assert f"Achtung: {NACHZAHLUNG}" in seite.status.text()
        assert f"Achtung: {NACHZAHLUNG}" in seite.status.accessibleName()

        gesehen: list[str] = []

        def liste(dialog: Any) -> None:
            gesehen.append(dialog.text.text())
            gesehen.extend(e.verrechnung for e in dialog.modell.zeilen)
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

        from desktop.abrechnung.korrekturen import KorrekturenDialog

        fuehrer.dann(liste, KorrekturenDialog)
        qtbot.keyClick(seite.tabelle, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: bool(gesehen), timeout=20000)
        assert gesehen[0].endswith(f"Achtung: {NACHZAHLUNG}")
        assert gesehen[1:] == ["kein Vertrag im Mai 2026: eigene Überweisung mit den Zahlungen Mai 2026"]

        lauf.schliesse_ab(kontext.datenbank, 2026, 5)
        seite.zeige_monat(2026, 5)
        warte(qtbot, seite)
        assert "abgeschlossen" in seite.status.text() and f"Achtung: {NACHZAHLUNG}" in seite.status.text()

        gesehen.clear()
        fuehrer.dann(liste, KorrekturenDialog)
        qtbot.keyClick(seite.tabelle, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: bool(gesehen), timeout=20000)
        assert gesehen[0].endswith(f"Achtung: {NACHZAHLUNG}")
        assert gesehen[1:] == ["kein Vertrag im Mai 2026: eigene Überweisung mit den Zahlungen Mai 2026"]
    finally:
        kontext.schliessen()
