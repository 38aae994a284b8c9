"""Entry script of the frozen program (PyInstaller): `desktop.start:main` plus what freezing needs."""

from __future__ import annotations

import multiprocessing
import os
import sys

# Set by installer/pruefe_bundle.py: run the bundle self-check (installer/selbsttest.py) instead of the program.
SELBSTTEST = "ASSISTENZBUERO_SELBSTTEST"


def _ausgaben_sichern() -> None:
    # The windowed Windows executable has no console: sys.stdout/stderr are None there, and argparse's help or a
    # German error line would crash with AttributeError. Send them nowhere instead (the log file keeps errors).
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # lives as long as the process


def main() -> int:
    # Child processes (the spreadsheet reader runs in one, spawned) start this executable again; freeze_support()
    # turns such a start into the child instead of a second program window.
    multiprocessing.freeze_support()
    _ausgaben_sichern()
    if os.environ.get(SELBSTTEST):
        import selbsttest

        return selbsttest.main()
    from desktop.start import main as programm

    return programm()


if __name__ == "__main__":
    sys.exit(main())
