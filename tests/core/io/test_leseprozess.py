"""The bounded reading process: one process serves many reads; a read that overruns is killed, the next works."""

from __future__ import annotations

import os
import time

import pytest

from core.io import leseprozess
from core.io.leseprozess import Leseabbruch, Lesefehler, im_leseprozess


@pytest.fixture(autouse=True, scope="module")
def _eigener_leseprozess() -> None:
    """The reading process lives as long as the test process and keeps the import path it was started with. One
    started while the tests were still being collected (tests/core/io/kalkulation_varianten reads a workbook on
    import) cannot import this module to run its functions: these tests start their own."""
    leseprozess._LESEPROZESS._beende()


def prozessnummer() -> int:
    return os.getpid()


def schlafe(sekunden: float) -> str:
    time.sleep(sekunden)
    return "wach"


def scheitere(text: str) -> None:
    raise ValueError(text)


def stirb() -> None:
    os._exit(3)  # like a crash of native code


def test_ein_prozess_fuer_viele_lesevorgaenge() -> None:
    erster = im_leseprozess(prozessnummer, sekunden=60)
    assert erster != os.getpid()
    assert [im_leseprozess(prozessnummer, sekunden=60) for _ in range(3)] == [erster] * 3


def test_zeitueberschreitung_beendet_den_prozess_der_naechste_lesevorgang_geht() -> None:
    vorher = im_leseprozess(prozessnummer, sekunden=60)
    with pytest.raises(Leseabbruch) as abbruch:
        im_leseprozess(schlafe, 30, sekunden=1)
    assert abbruch.value.zeit_ueberschritten
    nachher = im_leseprozess(prozessnummer, sekunden=60)
    assert nachher != vorher
    assert im_leseprozess(schlafe, 0, sekunden=60) == "wach"


def test_absturz_wird_gemeldet() -> None:
    with pytest.raises(Leseabbruch) as abbruch:
        im_leseprozess(stirb, sekunden=60)
    assert not abbruch.value.zeit_ueberschritten and abbruch.value.exitcode == 3
    assert im_leseprozess(schlafe, 0, sekunden=60) == "wach"


def test_fehler_der_lesefunktion_kommt_als_text_zurueck() -> None:
    with pytest.raises(Lesefehler, match="ValueError: kaputt"):
        im_leseprozess(scheitere, "kaputt", sekunden=60)
    assert im_leseprozess(schlafe, 0, sekunden=60) == "wach"
