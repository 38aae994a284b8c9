"""One bounded process for reading untrusted files with native code: started once, reused, killed when it overruns.

`im_leseprozess(funktion, *argumente, sekunden=…)` runs `funktion(*argumente)` (a module-level function whose
result can be pickled) in a separate process whose address space is capped at `SPEICHER_BYTES` (POSIX), and
waits at most `sekunden` for the answer. A reader that hangs, runs out of memory or crashes cannot take the
program with it: the process is killed, `Leseabbruch` says what happened, and the next read starts a new process.
Every other read reuses the one process — starting a new Python for each read cost 0.3–1 s.

This is the one place that bounds a read in time and memory; every reader of files from outside uses it (the
Kalkulation import today). Exceptions raised by `funktion` come back as `Lesefehler` with their text.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

SPEICHER_BYTES = 3_000_000_000  # address space of the reading process
T = TypeVar("T")


class Leseabbruch(Exception):
    """The reading process ran out of time (`zeit_ueberschritten`) or died (out of memory, a crash)."""

    def __init__(self, *, zeit_ueberschritten: bool, exitcode: int | None) -> None:
        super().__init__("Zeit überschritten" if zeit_ueberschritten else f"Leseprozess beendet ({exitcode})")
        self.zeit_ueberschritten = zeit_ueberschritten
        self.exitcode = exitcode


class Lesefehler(Exception):
    """`funktion` raised inside the reading process; the text is `Typ: Meldung` of that exception."""


def _begrenze_speicher() -> None:
    """Second line of defence behind the size checks before a read: the process may not take more memory."""
    try:
        import resource  # POSIX only
    except ImportError:
        return
    try:
        _weich, hart = resource.getrlimit(resource.RLIMIT_AS)
        grenze = SPEICHER_BYTES if hart == resource.RLIM_INFINITY else min(SPEICHER_BYTES, hart)
        resource.setrlimit(resource.RLIMIT_AS, (grenze, hart))
    except (ValueError, OSError):
        log.info("Speichergrenze für das Lesen nicht gesetzt", exc_info=True)


def _diene(auftraege: Any, antworten: Any) -> None:
    """The reading process: one job after the other until it gets None."""
    _begrenze_speicher()
    while (auftrag := auftraege.get()) is not None:
        nummer, funktion, argumente = auftrag
        try:
            antworten.put((nummer, True, funktion(*argumente)))
        except Exception as fehler:  # MemoryError too: reported, the process stays usable
            antworten.put((nummer, False, f"{type(fehler).__name__}: {fehler}"))


class _Leseprozess:
    def __init__(self) -> None:
        self._sperre = threading.Lock()  # one read at a time (the GUI reads from worker threads)
        self._nummern = itertools.count()
        self._prozess: Any = None
        self._auftraege: Any = None
        self._antworten: Any = None

    def _bereit(self) -> Any:
        if self._prozess is None or not self._prozess.is_alive():
            self._beende()
            kontext = multiprocessing.get_context("spawn")  # no copy of the parent's threads and Qt state
            self._auftraege, self._antworten = kontext.Queue(), kontext.Queue()
            self._prozess = kontext.Process(
                target=_diene, args=(self._auftraege, self._antworten), daemon=True, name="Leseprozess"
            )
            self._prozess.start()
        return self._prozess

    def _beende(self) -> None:
        if self._prozess is not None:
            if self._prozess.is_alive():
                self._prozess.kill()
            self._prozess.join()
        for warteschlange in (self._auftraege, self._antworten):
            if warteschlange is not None:
                warteschlange.close()
                warteschlange.cancel_join_thread()
        self._prozess = self._auftraege = self._antworten = None

    def fuehre_aus(self, funktion: Callable[..., T], argumente: tuple[Any, ...], sekunden: int) -> T:
        with self._sperre:
            prozess = self._bereit()
            nummer = next(self._nummern)
            self._auftraege.put((nummer, funktion, argumente))
            ende = time.monotonic() + sekunden
            while True:
                try:
                    antwort_nummer, gelungen, inhalt = self._antworten.get(timeout=1)  # an answer comes at once
                except queue.Empty:
                    if time.monotonic() < ende and prozess.is_alive():
                        continue
                    zeit = prozess.is_alive()
                    self._beende()
                    raise Leseabbruch(zeit_ueberschritten=zeit, exitcode=prozess.exitcode) from None
                if antwort_nummer != nummer:  # cannot happen under the lock; never hand out a wrong answer
                    continue
                if gelungen:
                    return inhalt
                raise Lesefehler(inhalt)


_LESEPROZESS = _Leseprozess()


def im_leseprozess(funktion: Callable[..., T], *argumente: Any, sekunden: int) -> T:
    """`funktion(*argumente)` in the bounded reading process (see the module docstring)."""
    return _LESEPROZESS.fuehre_aus(funktion, argumente, sekunden)
