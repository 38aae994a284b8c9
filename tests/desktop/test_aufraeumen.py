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
