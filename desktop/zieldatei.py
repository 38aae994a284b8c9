"""Before an export replaces an existing file, the user is asked (core.io.ausgabe refuses without her yes)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop import meldungen
from desktop.i18n import tr


def ersetzen_erlaubt(parent: QWidget | None, ziele: Iterable[Path], *, schon_bestaetigt: Path | None = None) -> bool:
    """True when none of `ziele` exists or the user agrees to replace them.

    `schon_bestaetigt`: the name picked in the save dialog, which asked about it already (Qt's own question); only a
    file the program named differently (an added extension, files in a chosen folder) is asked about here.
    """
    vorhandene = [z for z in ziele if z.exists() and z != schon_bestaetigt]
    if not vorhandene:
        return True
    liste = "\n".join(str(z) for z in vorhandene)
    return meldungen.frage(
        parent,
        tr("Datei ersetzen?"),
        tr(
            "Diese Datei gibt es schon:\n{liste}\n\nSoll sie ersetzt werden? Der bisherige Inhalt geht dabei verloren."
        ).format(liste=liste)
        if len(vorhandene) == 1
        else tr("Diese Dateien gibt es schon:\n{liste}\n\nSollen sie ersetzt werden?").format(liste=liste),
        ja=tr("&Ersetzen"),
        nein=tr("&Abbrechen"),
        gefaehrlich=True,
    )
