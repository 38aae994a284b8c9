"""A scenario loaded into a household file by the real `szenario laden` once per test process, then copied.

Loading writes the master data, contracts and shifts of a scenario through the services (0.1–0.2 s of CPU); the
tests of Erstattung and the Meldungen loaded the same scenario file again for each test. The household depends
only on the scenario file (its name stands in the log entry, its bytes are the input), so the key is both; the copy
is the same file (0600, never over an existing one), opened as the loaded one would be.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.abrechnung.szenario_laden import lade
from core.dateirechte import DATEIMODUS

_vorlagen: dict[tuple[str, bytes], bytes] = {}


def lade_kopie(szenario: Path, ziel: Path) -> Path:
    """As `lade(szenario, ziel)`: the scenario's household in the new file `ziel` (returned)."""
    schluessel = (szenario.name, szenario.read_bytes())
    if schluessel not in _vorlagen:
        with tempfile.TemporaryDirectory() as ordner:
            vorlage = lade(szenario, Path(ordner) / "vorlage.sqlite").pfad
            if vorlage.with_name(vorlage.name + "-wal").exists():  # all of it must be in the file itself
                raise RuntimeError(f"{vorlage} wurde nicht vollständig geschlossen")
            _vorlagen[schluessel] = vorlage.read_bytes()
    with os.fdopen(os.open(ziel, os.O_CREAT | os.O_EXCL | os.O_WRONLY, DATEIMODUS), "wb") as datei:
        datei.write(_vorlagen[schluessel])
    return ziel
