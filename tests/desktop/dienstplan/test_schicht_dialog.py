"""The shift dialog changes what it shows and keeps what it does not show (stored id, actual time, pattern)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from core.dienstplan.schicht import Istzeit, Schicht
from core.domain.zeit import lokal
from desktop.dienstplan.schicht_dialog import SchichtDialog

pytestmark = pytest.mark.gui

TAG = date(2026, 3, 24)


def test_bearbeiten_behaelt_id_istzeit_und_muster(qtbot: Any, einstellungen: Any) -> None:
    ist = Istzeit(lokal(TAG, time(7, 15)), lokal(TAG, time(14, 0)), notiz="später gekommen")
    alt = Schicht(1, lokal(TAG, time(7)), lokal(TAG, time(14)), ist=ist, muster_id=5, id=9, notiz="alt")
    dialog = SchichtDialog([(1, "Sabine"), (2, "Jörg")], [], [], schicht=alt)
    qtbot.addWidget(dialog)
    dialog.notiz.setze("neu")
    dialog.ende.setze("13:30")

    neu = dialog.ergebnis_bauen()

    assert (neu.id, neu.ist, neu.muster_id) == (9, ist, 5)
    assert (neu.notiz, neu.ende) == ("neu", lokal(TAG, time(13, 30)))


def test_neue_schicht_gehoert_zu_keinem_muster(qtbot: Any, einstellungen: Any) -> None:
    dialog = SchichtDialog([(1, "Sabine")], [], [], tag=TAG)
    qtbot.addWidget(dialog)
    dialog.beginn.setze("07:00")
    dialog.ende.setze("14:00")

    neu = dialog.ergebnis_bauen()

    assert (neu.id, neu.ist, neu.muster_id, neu.assistenzkraft_id) == (None, None, None, 1)
