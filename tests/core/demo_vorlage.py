"""The demo household as a test's starting point: built by the real `core.demo.lege_demo_an` once per test process
and day, then copied.

Building it plans two months of shifts and takes about half a second of CPU; tests/core built it 14 times per run,
six of them for a day another test had built it for already. The content depends only on the day (`heute`): the
copy is the same file, and the returned `Demo` names the copy (its path also in the summary text). Tests of
creating the demo itself (an existing file refused, the command line) keep calling the real thing.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from datetime import date
from pathlib import Path

from core.dateirechte import DATEIMODUS
from core.demo import Demo, lege_demo_an

_vorlagen: dict[date, tuple[bytes, Demo]] = {}


def demo_haushalt(pfad: Path, *, heute: date) -> Demo:
    """The demo household of `heute` in the new file `pfad` (refuses an existing one, as `lege_demo_an` does)."""
    if heute not in _vorlagen:
        with tempfile.TemporaryDirectory() as ordner:
            vorlage = lege_demo_an(Path(ordner) / "demo.sqlite", heute=heute)
            _vorlagen[heute] = (vorlage.pfad.read_bytes(), vorlage)
    inhalt, vorlage = _vorlagen[heute]
    with os.fdopen(os.open(pfad, os.O_CREAT | os.O_EXCL | os.O_WRONLY, DATEIMODUS), "wb") as datei:
        datei.write(inhalt)
    zusammenfassung = vorlage.zusammenfassung.replace(str(vorlage.pfad), str(pfad))
    return dataclasses.replace(vorlage, pfad=pfad, zusammenfassung=zusammenfassung)
