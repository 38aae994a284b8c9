"""Garbage collection runs on the GUI thread only (a worker collecting Qt wrappers crashed shiboken)."""

from __future__ import annotations

import gc
import threading

import pytest

from desktop.einstellungen import Einstellungen

pytestmark = pytest.mark.gui


class Ring:
    """A reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.ich = self


def test_nur_der_gui_thread_sammelt(qtbot, einstellungen: Einstellungen) -> None:
    assert not gc.isenabled()  # automatic collection (in any thread) is off once the program is set up
    gesammelt_in: list[int] = []

    def rueckruf(phase: str, _info: dict) -> None:
        if phase == "start":
            gesammelt_in.append(threading.get_ident())

    gc.callbacks.append(rueckruf)
    try:

        def arbeit() -> None:  # a worker that produces much garbage, like an export does
            for _ in range(5 * gc.get_threshold()[0]):
                Ring()

        faden = threading.Thread(target=arbeit)
        faden.start()
        faden.join()
        assert gesammelt_in == []  # the worker crossed the threshold many times and did not collect
        qtbot.waitUntil(lambda: bool(gesammelt_in), timeout=5000)  # the GUI thread's timer did
        assert set(gesammelt_in) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(rueckruf)


def test_volle_sammlung_erst_wenn_die_alte_generation_um_ein_viertel_gewachsen_ist(
    qtbot, einstellungen: Einstellungen
) -> None:
    """CPython's own rule (gcmodule.c, long_lived_pending < long_lived_total / 4): a full collection walks every
    object of the program, so it waits until the oldest generation has grown by a quarter; garbage that dies young
    never makes it grow. The oldest generation is taken as 20,000 objects here (in a test process it holds a
    million or more, and growing it by a quarter would take the test longer than the rule saves)."""
    from PySide6.QtCore import QObject

    from desktop.hintergrund import Aufraeumer

    traeger = QObject()
    aufraeumer = Aufraeumer(traeger, intervall_ms=10**9)  # driven by hand here, not by its timer
    gc.collect(1)  # what the test's set-up left in the younger generations moves on before the count starts
    aufraeumer._alt, aufraeumer._nachgewachsen = 20_000, 0
    generationen: list[int] = []

    def rueckruf(phase: str, info: dict) -> None:
        if phase == "start":
            generationen.append(info["generation"])

    schwelle = gc.get_threshold()[0]
    gc.callbacks.append(rueckruf)
    try:
        for _ in range(12 * 12):  # more than ten collections of the middle generation: only garbage
            for _ in range(schwelle + 1):
                Ring()
            aufraeumer.pruefe()
        assert generationen.count(1) > gc.get_threshold()[2]
        assert 2 not in generationen
        bleibt: list[Ring] = []
        for _ in range(12 * 12):  # now objects that live on: they reach the oldest generation
            bleibt += [Ring() for _ in range(schwelle + 1)]
            aufraeumer.pruefe()
            if 2 in generationen:
                break
        assert 2 in generationen
        assert len(bleibt) >= 20_000 // 4  # not before it had grown by a quarter
    finally:
        gc.callbacks.remove(rueckruf)
        traeger.deleteLater()
