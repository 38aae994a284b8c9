"""Exceptions that carry one clear German message for the user (no traceback is ever shown)."""

from __future__ import annotations


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
