"""The program's log: one owner-only file in the user's log folder; nothing ever goes to the console.

`richte_protokoll_ein()` is called once at start by the command line (core.cli.main) and by the window
(desktop.app). Afterwards every `logging` call of the program lands in `assistenzbuero.log` (rotated at 1 MB, three
old files kept); Python's fallback handler, which would print a traceback on stderr, is never reached. If the log
file cannot be written, records are dropped silently and `protokolldatei()` returns None, so messages do not point
the user to a file that does not exist.

The folder follows the platform (`platformdirs.user_log_path`; on Linux `$XDG_STATE_HOME/Assistenzbuero/log`);
`$ASSISTENZBUERO_LOG` names another folder (tests, portable installs).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

from core.dateirechte import nur_eigentuemer, oeffne_privat, privater_ordner

UMGEBUNG_LOG = "ASSISTENZBUERO_LOG"
DATEINAME = "assistenzbuero.log"
GROESSE = 1_000_000
ALTE_DATEIEN = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _PrivaterRotierenderHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600 (they can contain names from error messages)."""

    def _open(self) -> io.TextIOWrapper:
        datei = open(  # the handler owns the stream and closes it
            self.baseFilename, "a", encoding=self.encoding, errors=self.errors, opener=oeffne_privat
        )
        nur_eigentuemer(Path(self.baseFilename))  # an older log written under the umask
        return datei


class _Markiert:
    """Marks the handlers this module installed, so a second call replaces them instead of adding more."""

    von_assistenzbuero = True


class _DateiHandler(_Markiert, _PrivaterRotierenderHandler):
    pass


class _StillerHandler(_Markiert, logging.NullHandler):
    pass


def protokollordner() -> Path:
    aus_umgebung = os.environ.get(UMGEBUNG_LOG)
    if aus_umgebung:
        return Path(aus_umgebung).expanduser()
    return platformdirs.user_log_path("Assistenzbuero", appauthor=False)


def richte_protokoll_ein(ordner: Path | None = None) -> Path | None:
    """Send all records of the program to the log file; returns its path, or None if it cannot be written."""
    wurzel = logging.getLogger()
    for alter in [h for h in wurzel.handlers if getattr(h, "von_assistenzbuero", False)]:
        wurzel.removeHandler(alter)
        alter.close()
    ziel = (ordner or protokollordner()) / DATEINAME
    handler: logging.Handler
    try:
        privater_ordner(ziel.parent)
        handler = _DateiHandler(ziel, maxBytes=GROESSE, backupCount=ALTE_DATEIEN, encoding="utf-8", delay=False)
    except OSError:
        handler = _StillerHandler()
        ziel_oder_nichts: Path | None = None
    else:
        handler.setFormatter(logging.Formatter(FORMAT))
        ziel_oder_nichts = ziel
    wurzel.addHandler(handler)
    if wurzel.level == logging.NOTSET or wurzel.level > logging.INFO:
        wurzel.setLevel(logging.INFO)
    logging.captureWarnings(True)  # warnings.warn from libraries: into the log, not onto stderr
    return ziel_oder_nichts


def protokolldatei() -> Path | None:
    """Where the records go now (None: not set up, or the file could not be written)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _DateiHandler):
            return Path(handler.baseFilename)
    return None
