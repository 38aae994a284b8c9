"""Where the run-time resources (rule tables, PAP XML, templates) live."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


def ressourcen_verzeichnis() -> Path:
    """The resources/ folder beside core/ (source checkout, editable install or PyInstaller bundle)."""
    return _ressourcen_verzeichnis(getattr(sys, "_MEIPASS", None))


@cache
def _ressourcen_verzeichnis(gebuendelt: str | None) -> Path:
    # asked at each Lohnsteuer calculation (which PAP file): resolving the path touches the file system every time
    if gebuendelt:
        return Path(gebuendelt) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def ressource(*teile: str) -> Path:
    return ressourcen_verzeichnis().joinpath(*teile)


def nutzerdaten(*teile: str) -> Path:
    """A path in the user's data folder (platformdirs; on Linux `$XDG_DATA_HOME/Assistenzbuero`).

    What the user adds to the installed program (imported year figures, a BMF PAP) lives here, so that it survives
    an update of the program and never writes into the installation.
    """
    return _nutzerpfad(os.environ.get("XDG_DATA_HOME"), teile)


@cache
def _nutzerpfad(xdg_data_home: str | None, teile: tuple[str, ...]) -> Path:
    # one Path object per folder: the rule tables' cache is keyed by it, and hashing a fresh Path at each of the
    # ~25 lookups of a payroll month cost more than the calculation's own arithmetic (benchmarks/abrechnung.py)
    return _nutzerdaten_wurzel(xdg_data_home).joinpath(*teile)


@cache
def _nutzerdaten_wurzel(_xdg_data_home: str | None) -> Path:
    # asked at every lookup of a year figure: resolved once per value of $XDG_DATA_HOME (tests point it elsewhere)
    import platformdirs

    return platformdirs.user_data_path("Assistenzbuero", appauthor=False)
