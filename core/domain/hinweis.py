"""Hinweis: what a rule tells the user (code, severity, German text, legal reference)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Schwere(StrEnum):
    INFO = "info"
    WARNUNG = "warnung"
    FEHLER = "fehler"


@dataclass(frozen=True, slots=True)
class Hinweis:
    code: str
    schwere: Schwere
    text: str
    rechtsgrundlage: str = ""

    def als_dict(self) -> dict[str, str]:
        daten = {"code": self.code, "schwere": str(self.schwere), "text": self.text}
        if self.rechtsgrundlage:
            daten["rechtsgrundlage"] = self.rechtsgrundlage
        return daten
