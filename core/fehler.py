"""Exceptions that carry one clear German message for the user (no traceback is ever shown)."""

from __future__ import annotations

import errno
from pathlib import Path


class AssistenzbueroFehler(Exception):
    """Base: the message is German, says what is wrong, where, and what to do."""


class EingabeFehler(AssistenzbueroFehler):
    """Bad input from the user or a file; nothing was saved."""

    def __init__(self, meldung: str, *, feld: str | None = None) -> None:
        super().__init__(meldung)
        self.feld = feld


class DatenbankFehler(AssistenzbueroFehler):
    """The data file cannot be used (locked, read-only, damaged, too new)."""


class FeldFehler(EingabeFehler):
    """Several inputs are wrong at once: `fehler` maps field name → German message. Nothing was saved."""

    def __init__(self, fehler: dict[str, str]) -> None:
        self.fehler = dict(fehler)
        super().__init__(" ".join(self.fehler.values()), feld=next(iter(self.fehler), None))


_GRUENDE: dict[int, str] = {
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EROFS: "der Datenträger ist schreibgeschützt",
    errno.ENOSPC: "die Festplatte ist voll, kein freier Speicherplatz mehr",
    errno.EDQUOT: "die Festplatte ist voll, Ihr Speicherkontingent ist erschöpft",
    errno.ENOENT: "Datei oder Ordner nicht gefunden",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EISDIR: "das ist ein Ordner, keine Datei",
    errno.EEXIST: "die Datei gibt es schon",
    errno.ENAMETOOLONG: "der Dateiname ist zu lang",
    errno.EBUSY: "die Datei wird gerade von einem anderen Programm benutzt",
}


def dateigrund(fehler: OSError) -> str:
    """Why the operating system refused a file operation, in German (its own `strerror` is English)."""
    if getattr(fehler, "winerror", None) == 32:  # Windows: the file is open in another program (e.g. Excel)
        return _GRUENDE[errno.EBUSY]
    return _GRUENDE.get(fehler.errno or 0, f"Fehler des Betriebssystems Nr. {fehler.errno}")


def ist_platzmangel(fehler: BaseException) -> bool:
    """True for "disk full" from the operating system (ENOSPC, EDQUOT) or from SQLite ("database or disk is full")."""
    if isinstance(fehler, OSError) and fehler.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "disk is full" in str(fehler).lower() or "database or disk is full" in str(getattr(fehler, "orig", ""))


def schreibfehler(ziel: Path, fehler: OSError) -> EingabeFehler:
    """A file that cannot be written (no permission, full disk, open in Excel): one German sentence, no traceback."""
    return EingabeFehler(
        f"Die Datei {ziel} kann nicht geschrieben werden ({dateigrund(fehler)}). "
        "Bitte einen anderen Ordner oder Dateinamen wählen."
    )
