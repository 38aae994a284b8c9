"""Year-versioned legal figures from resources/regeln/<jahr>.toml, looked up by date."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from core.domain.geld import format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import landeskuerzel
from core.fehler import EingabeFehler
from core.ressourcen import nutzerdaten, ressource


class UnbekanntesJahr(EingabeFehler, ValueError):
    """No rule table exists for the requested year."""


class FehlenderRegelwert(EingabeFehler, KeyError):
    """The year's table exists but does not (yet) hold this figure."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


# Where a figure came from: shipped with the program, or imported by the user (user's data folder).
HERKUNFT_PROGRAMM = "programm"
HERKUNFT_NUTZER = "nutzer"
# status of a shipped entry: "Q" found in a source, "B" computed from sourced figures, "?" not verified
STATUS_UNVERIFIZIERT = "?"
AMTLICHE_STATUS = ("Q", "B")


@dataclass(frozen=True, slots=True)
class Regelwert:
    schluessel: str
    wert: Decimal
    gueltig_ab: date
    quelle: str
    unverifiziert: bool
    eigener_wert: bool = False

    def hinweis(self) -> Hinweis | None:
        """A Hinweis to show wherever an unverified or user-entered figure influenced a result."""
        if self.eigener_wert:
            return Hinweis(
                code="REGELWERT_EIGENER_WERT",
                schwere=Schwere.WARNUNG,
                text=(
                    f"Der Wert „{self.schluessel}“ = {format_zahl(self.wert, None)} (gültig ab "
                    f"{self.gueltig_ab:%d.%m.%Y}) wurde von Ihnen eingespielt, nicht mit dem Programm geliefert. "
                    "Bitte prüfen Sie ihn anhand der genannten Quelle (Einstellungen → Rechengrößen)."
                ),
                rechtsgrundlage=self.quelle,
            )
        if not self.unverifiziert:
            return None
        return Hinweis(
            code="REGELWERT_UNVERIFIZIERT",
            schwere=Schwere.WARNUNG,
            text=(
                f"Der Wert „{self.schluessel}“ = {format_zahl(self.wert, None)} (gültig ab "
                f"{self.gueltig_ab:%d.%m.%Y}) ist nicht amtlich bestätigt. Bitte prüfen Sie ihn anhand der genannten "
                "Quelle. Weicht er ab, spielen Sie den amtlichen Wert mit seiner Quelle ein (Einstellungen → "
                "Rechengrößen → „Werte aus Datei einspielen“) und rechnen Sie neu; geliefert steht er in der "
                f"Programmdatei resources/regeln/{self.gueltig_ab.year}.toml."
            ),
            rechtsgrundlage=self.quelle,
        )


Eintraege = dict[str, list[dict[str, object]]]


def _verzeichnis() -> Path:
    return ressource("regeln")


def nutzer_verzeichnis() -> Path:
    """Where imported figures files live: <user data>/rechengroessen/<jahr>.toml."""
    return nutzerdaten("rechengroessen")


def lies_tabelle(pfad: Path, herkunft: str) -> Eintraege:
    """One figures file as name → entries sorted by gueltig_ab, each marked with its `herkunft`."""
    with pfad.open("rb") as datei:
        roh = tomllib.load(datei)
    tabelle: Eintraege = {}
    for schluessel, eintrag in roh.items():
        if schluessel == "jahr":
            continue
        eintraege = eintrag if isinstance(eintrag, list) else [eintrag]
        tabelle[schluessel] = sorted(
            ({**e, "_herkunft": herkunft} for e in eintraege),
            key=lambda e: e["gueltig_ab"],  # type: ignore[arg-type,return-value]
        )
    return tabelle


@cache
def _dauerhaft() -> Eintraege:
    """Figures that stand in the law itself (ArbZG, BUrlG, EFZG): kept once, valid in every year."""
    return lies_tabelle(_verzeichnis() / "dauerhaft.toml", HERKUNFT_PROGRAMM)


def programm_jahre() -> tuple[int, ...]:
    return tuple(sorted(int(p.stem) for p in _verzeichnis().glob("[0-9][0-9][0-9][0-9].toml")))


def unterstuetzte_jahre() -> tuple[int, ...]:
    """Years with a shipped or an imported figures file."""
    return _jahre(nutzer_verzeichnis())


@cache
def _jahre(ordner: Path) -> tuple[int, ...]:
    eigene = {int(p.stem) for p in ordner.glob("[0-9][0-9][0-9][0-9].toml")} if ordner.is_dir() else set()
    return tuple(sorted(set(programm_jahre()) | eigene))


def ist_amtlich(eintraege: list[dict[str, object]]) -> bool:
    return all(e.get("_herkunft") == HERKUNFT_PROGRAMM and e.get("status") in AMTLICHE_STATUS for e in eintraege)


def schichten(jahr: int) -> tuple[Eintraege, Eintraege, Eintraege]:
    """The three layers of a year: shipped year file, year-independent figures, the user's imported file."""
    return _schichten(jahr, nutzer_verzeichnis())


@cache
def _schichten(jahr: int, ordner: Path) -> tuple[Eintraege, Eintraege, Eintraege]:
    nutzer_datei = ordner / f"{jahr}.toml"
    nutzer = lies_tabelle(nutzer_datei, HERKUNFT_NUTZER) if nutzer_datei.is_file() else {}
    return _programm_jahr(_verzeichnis() / f"{jahr}.toml"), _dauerhaft(), nutzer


@cache
def _programm_jahr(datei: Path) -> Eintraege:
    """A shipped year file, read once per process whichever user folder asks (it changes only with the program;
    the test suite gives every test its own user folder and read the shipped files some 700 times per run)."""
    return lies_tabelle(datei, HERKUNFT_PROGRAMM) if datei.is_file() else {}


def _tabelle(jahr: int) -> Eintraege:
    if jahr not in unterstuetzte_jahre():
        jahre = ", ".join(str(j) for j in unterstuetzte_jahre())
        raise UnbekanntesJahr(f"Für das Jahr {jahr} sind keine Rechengrößen hinterlegt. Unterstützt werden: {jahre}.")
    return _zusammengesetzt(jahr, nutzer_verzeichnis())


@cache
def _zusammengesetzt(jahr: int, ordner: Path) -> Eintraege:
    """Which layer wins, name by name: an official value of the shipped year file (a later program version that
    ships the year wins over what the user imported), then the user's own (also over a year-independent figure: a
    change of the law the program does not know yet), then a year-independent one, then an unverified shipped one."""
    programm, dauerhaft, nutzer = _schichten(jahr, ordner)
    tabelle: Eintraege = {}
    for name in programm.keys() | dauerhaft.keys() | nutzer.keys():
        if name in programm and ist_amtlich(programm[name]):
            tabelle[name] = programm[name]
        elif name in nutzer:
            tabelle[name] = nutzer[name]
        elif name in dauerhaft:
            tabelle[name] = dauerhaft[name]
        else:
            tabelle[name] = programm[name]
    return tabelle


def eintraege(jahr: int) -> Eintraege:
    """Every figure of `jahr` as it is used (all layers merged); raises UnbekanntesJahr for a year without any file."""
    return _tabelle(jahr)


_gelesen = [0]  # how often the figures were read afresh (`stand`)


def stand() -> int:
    """Changes after each import of figures: figures computed from them and kept in memory are computed again."""
    return _gelesen[0]


def vergiss_zwischenspeicher() -> None:
    """After an import: read the files again at the next lookup."""
    _gelesen[0] += 1
    _jahre.cache_clear()
    _programm_jahr.cache_clear()
    _schichten.cache_clear()
    _zusammengesetzt.cache_clear()
    _regelwert.cache_clear()


def _eintrag(schluessel: str, stichtag: date) -> dict[str, object]:
    tabelle = _tabelle(stichtag.year)
    if schluessel not in tabelle:
        raise FehlenderRegelwert(
            f"Für {stichtag.year} ist der Wert „{schluessel}“ noch nicht hinterlegt. Spielen Sie ihn mit seiner "
            "Quelle ein (Einstellungen → Rechengrößen oder Befehl „assistenzbuero rechengroessen einspielen“)."
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
    ergebnis = _regelwert(schluessel, stichtag, land, nutzer_verzeichnis())
    if hinweise is not None and (h := ergebnis.hinweis()) is not None and h not in hinweise:
        hinweise.append(h)
    return ergebnis


@lru_cache(maxsize=4096)
def _regelwert(schluessel: str, stichtag: date, land: str | None, _ordner: Path) -> Regelwert:
    # a payroll month asks for ~25 figures, several of them many times (once per shift or Lohnart): the merged
    # table is read once per process already; this keeps its lookup and the Decimal conversion to one per figure
    # and day (keyed by the user's folder, emptied with the tables by `vergiss_zwischenspeicher`)
    eintrag = _eintrag(schluessel, stichtag)
    wert = eintrag["wert"]
    if isinstance(wert, dict):
        if land is None:
            raise FehlenderRegelwert(f"Der Wert „{schluessel}“ hängt vom Bundesland ab; bitte ein Land angeben.")
        kuerzel = landeskuerzel(land)
        if kuerzel not in wert:
            raise EingabeFehler(f"Unbekanntes Bundesland „{land}“ für „{schluessel}“.")
        wert = wert[kuerzel]
    return Regelwert(
        schluessel=schluessel,
        wert=Decimal(str(wert)),
        gueltig_ab=eintrag["gueltig_ab"],  # type: ignore[arg-type]
        quelle=str(eintrag.get("quelle", "")),
        unverifiziert=eintrag.get("status") == STATUS_UNVERIFIZIERT,
        eigener_wert=eintrag.get("_herkunft") == HERKUNFT_NUTZER,
    )


def wert(schluessel: str, stichtag: date, *, land: str | None = None) -> Decimal:
    """Shortcut for `regelwert(...).wert`."""
    return regelwert(schluessel, stichtag, land=land).wert
