"""Year-versioned legal figures from resources/regeln/<jahr>.toml, looked up by date."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from core.domain.geld import format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import landeskuerzel
from core.fehler import EingabeFehler
from core.ressourcen import ressource


class UnbekanntesJahr(EingabeFehler, ValueError):
    """No rule table exists for the requested year."""


class FehlenderRegelwert(EingabeFehler, KeyError):
    """The year's table exists but does not (yet) hold this figure."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class Regelwert:
    schluessel: str
    wert: Decimal
    gueltig_ab: date
    quelle: str
    unverifiziert: bool

    def hinweis(self) -> Hinweis | None:
        """A Hinweis to show wherever an unverified figure influenced a result."""
        if not self.unverifiziert:
            return None
        return Hinweis(
            code="REGELWERT_UNVERIFIZIERT",
            schwere=Schwere.WARNUNG,
            text=(
                f"Der Wert „{self.schluessel}“ = {format_zahl(self.wert, None)} (gültig ab "
                f"{self.gueltig_ab:%d.%m.%Y}) ist nicht amtlich bestätigt. Bitte prüfen Sie ihn anhand der genannten "
                "Quelle. Weicht er ab, rechnen Sie den betroffenen Betrag bitte von Hand nach; der Wert steht in der "
                f"Programmdatei resources/regeln/{self.gueltig_ab.year}.toml."
            ),
            rechtsgrundlage=self.quelle,
        )


def _verzeichnis() -> Path:
    return ressource("regeln")


@cache
def unterstuetzte_jahre() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in _verzeichnis().glob("[0-9][0-9][0-9][0-9].toml")))


@cache
def _tabelle(jahr: int) -> dict[str, list[dict[str, object]]]:
    if jahr not in unterstuetzte_jahre():
        jahre = ", ".join(str(j) for j in unterstuetzte_jahre())
        raise UnbekanntesJahr(f"Für das Jahr {jahr} sind keine Rechengrößen hinterlegt. Unterstützt werden: {jahre}.")
    with (_verzeichnis() / f"{jahr}.toml").open("rb") as datei:
        roh = tomllib.load(datei)
    tabelle: dict[str, list[dict[str, object]]] = {}
    for schluessel, eintrag in roh.items():
        if schluessel == "jahr":
            continue
        eintraege = eintrag if isinstance(eintrag, list) else [eintrag]
        tabelle[schluessel] = sorted(eintraege, key=lambda e: e["gueltig_ab"])  # type: ignore[arg-type,return-value]
    return tabelle


def _eintrag(schluessel: str, stichtag: date) -> dict[str, object]:
    tabelle = _tabelle(stichtag.year)
    if schluessel not in tabelle:
        raise FehlenderRegelwert(
            f"Für {stichtag.year} ist der Wert „{schluessel}“ noch nicht hinterlegt "
            f"(Datei resources/regeln/{stichtag.year}.toml)."
        )
    passende = [e for e in tabelle[schluessel] if e["gueltig_ab"] <= stichtag]  # type: ignore[operator]
    if not passende:
        raise FehlenderRegelwert(f"Der Wert „{schluessel}“ gilt erst ab einem späteren Tag als {stichtag:%d.%m.%Y}.")
    return passende[-1]


def regelwert(
    schluessel: str, stichtag: date, *, land: str | None = None, hinweise: list[Hinweis] | None = None
) -> Regelwert:
    """The figure valid on `stichtag`; `land` selects a per-Bundesland entry (ISO code, "Augsburg" → BY).

    With `hinweise`, the figure's "unverified" Hinweis (if any) is added to that list once, so a rule that collects
    its Hinweise passes it on without repeating the lookup-and-append at every use.
    """
    eintrag = _eintrag(schluessel, stichtag)
    wert = eintrag["wert"]
    if isinstance(wert, dict):
        if land is None:
            raise FehlenderRegelwert(f"Der Wert „{schluessel}“ hängt vom Bundesland ab; bitte ein Land angeben.")
        kuerzel = landeskuerzel(land)
        if kuerzel not in wert:
            raise EingabeFehler(f"Unbekanntes Bundesland „{land}“ für „{schluessel}“.")
        wert = wert[kuerzel]
    ergebnis = Regelwert(
        schluessel=schluessel,
        wert=Decimal(str(wert)),
        gueltig_ab=eintrag["gueltig_ab"],  # type: ignore[arg-type]
        quelle=str(eintrag.get("quelle", "")),
        unverifiziert=eintrag.get("status") == "?",
    )
    if hinweise is not None and (h := ergebnis.hinweis()) is not None and h not in hinweise:
        hinweise.append(h)
    return ergebnis


def wert(schluessel: str, stichtag: date, *, land: str | None = None) -> Decimal:
    """Shortcut for `regelwert(...).wert`."""
    return regelwert(schluessel, stichtag, land=land).wert
