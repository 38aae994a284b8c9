"""Where the run-time resources (rule tables, PAP XML, templates) live."""

from __future__ import annotations

import sys
from pathlib import Path


def ressourcen_verzeichnis() -> Path:
    """The resources/ folder beside core/ (source checkout, editable install or PyInstaller bundle)."""
    gebuendelt = getattr(sys, "_MEIPASS", None)
    if gebuendelt:
        return Path(gebuendelt) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def ressource(*teile: str) -> Path:
    return ressourcen_verzeichnis().joinpath(*teile)
