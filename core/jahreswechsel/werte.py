"""Import a figures file for a year (the layout of resources/regeln/<jahr>.toml): check it, show the changes, keep it.

A Lohnbüro or a user association can prepare the year's figures before the program's next release. The file is
checked as a whole (known names, types, dates inside its year, a source for every value) and either accepted
completely or not at all. Accepted values go to the user's data folder (merged with what she imported before) and
are marked „von Ihnen eingetragen“ wherever they influence a result. An official value of the program's year file
cannot be changed by an import; a later program version that ships a value wins over an imported one. A
year-independent figure (dauerhaft.toml) can be overridden, for a change of the law the program does not know yet.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from core.domain.kalender import BUNDESLAENDER
from core.fehler import EingabeFehler
from core.io.ausgabe import ausgabedatei
from core.regeln import tabellen
from core.regeln.katalog import NACH_NAME

LAENDER = tuple(k for k in BUNDESLAENDER if k != "Augsburg")  # Augsburg follows BY (landeskuerzel)
ERLAUBTE_FELDER = frozenset({"wert", "gueltig_ab", "quelle", "status"})
NEU = "neu"
GEAENDERT = "geändert"
UNVERAENDERT = "unverändert"


class WerteDateiFehler(EingabeFehler):
    """The figures file cannot be imported; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Aenderung:
    """One figure of the file against what the year holds now (`alt` None: the figure is missing today)."""

    name: str
    art: str  # NEU, GEAENDERT, UNVERAENDERT
    alt: str | None
    neu: str

    def text(self) -> str:
        if self.art == NEU:
            return f"{self.name}: neu {self.neu}"
        if self.art == GEAENDERT:
            return f"{self.name}: {self.alt} → {self.neu}"
        return f"{self.name}: unverändert {self.neu}"


@dataclass(frozen=True, slots=True)
class WertePruefung:
    """A checked file, ready to be accepted (`uebernimm`)."""

    jahr: int
    datei: str
    eintraege: dict[str, list[dict[str, object]]]
    aenderungen: tuple[Aenderung, ...]

    @property
    def wirksame(self) -> tuple[Aenderung, ...]:
        return tuple(a for a in self.aenderungen if a.art != UNVERAENDERT)

    def meldung(self) -> str:
        neu = sum(1 for a in self.aenderungen if a.art == NEU)
        geaendert = sum(1 for a in self.aenderungen if a.art == GEAENDERT)
        return (
            f"Die Rechengrößen {self.jahr} aus {self.datei} sind eingespielt: {neu} neu, {geaendert} geändert, "
            f"{len(self.aenderungen) - neu - geaendert} unverändert."
        )


def _zeile(text: str, name: str) -> int | None:
    """The line where `name` is defined in the TOML text (table header, array of tables or dotted key)."""
    muster = re.compile(rf"^\s*(?:\[\[?\s*{re.escape(name)}\s*[\].]|{re.escape(name)}\s*[.=])")
    for nummer, zeile in enumerate(text.splitlines(), start=1):
        if muster.match(zeile):
            return nummer
    return None


def _wo(datei: str, text: str, name: str) -> str:
    nummer = _zeile(text, name)
    return f"Die Datei {datei}, Zeile {nummer}," if nummer else f"Die Datei {datei}"


def _dezimal(roh: object) -> Decimal | None:
    if isinstance(roh, bool) or not isinstance(roh, str | int):
        return None
    try:
        zahl = Decimal(str(roh).strip())
    except InvalidOperation:
        return None
    return zahl if zahl.is_finite() and zahl >= 0 else None


def _pruefe_eintrag(jahr: int, name: str, eintrag: object, datei: str, text: str) -> dict[str, object]:
    wo = _wo(datei, text, name)
    if not isinstance(eintrag, dict):
        raise WerteDateiFehler(f"{wo} „{name}“: erwartet ist eine Tabelle mit wert, gueltig_ab und quelle.")
    fremd = sorted(set(eintrag) - ERLAUBTE_FELDER)
    if fremd:
        raise WerteDateiFehler(f"{wo} „{name}“: unbekanntes Feld „{fremd[0]}“ (erlaubt: wert, gueltig_ab, quelle).")
    groesse = NACH_NAME[name]
    roh = eintrag.get("wert")
    if roh is None:
        raise WerteDateiFehler(f'{wo} „{name}“: der Wert fehlt (wert = "…").')
    if groesse.je_land:
        if not isinstance(roh, dict) or not roh:
            raise WerteDateiFehler(f'{wo} „{name}“: erwartet ist je Bundesland ein Wert (z. B. wert.BY = "8").')
        for land, w in roh.items():
            if land not in LAENDER:
                raise WerteDateiFehler(f"{wo} „{name}“: „{land}“ ist kein Kürzel eines Bundeslandes.")
            if _dezimal(w) is None:
                raise WerteDateiFehler(
                    f'{wo} „{name}“: der Wert für {land} ist keine Zahl in Anführungszeichen (z. B. "8").'
                )
        fehlend = [land for land in LAENDER if land not in roh]
        if fehlend:
            raise WerteDateiFehler(f"{wo} „{name}“: der Wert für {fehlend[0]} fehlt (je Bundesland einer).")
    elif _dezimal(roh) is None:
        raise WerteDateiFehler(
            f'{wo} „{name}“: der Wert ist keine Zahl in Anführungszeichen mit Dezimalpunkt (z. B. "14.60").'
        )
    gueltig_ab = eintrag.get("gueltig_ab")
    if not isinstance(gueltig_ab, date) or isinstance(gueltig_ab, datetime):
        raise WerteDateiFehler(f"{wo} „{name}“: gueltig_ab ist kein Datum (z. B. gueltig_ab = {jahr}-01-01).")
    if gueltig_ab.year != jahr:
        raise WerteDateiFehler(f"{wo} „{name}“: gueltig_ab {gueltig_ab:%d.%m.%Y} liegt nicht im Jahr {jahr} der Datei.")
    quelle = eintrag.get("quelle")
    if not isinstance(quelle, str) or not quelle.strip():
        raise WerteDateiFehler(f'{wo} „{name}“: die Quelle fehlt (quelle = "…", z. B. Gesetz oder Bekanntmachung).')
    status = eintrag.get("status")
    if status is not None and status not in (*tabellen.AMTLICHE_STATUS, tabellen.STATUS_UNVERIFIZIERT):
        raise WerteDateiFehler(f'{wo} „{name}“: status „{status}“ ist unbekannt (erlaubt: "Q", "B", "?").')
    wert = {str(k): str(v).strip() for k, v in roh.items()} if isinstance(roh, dict) else str(roh).strip()
    return {"wert": wert, "gueltig_ab": gueltig_ab, "quelle": quelle.strip()}


def _text(eintraege: list[dict[str, object]]) -> str:
    teile = []
    for e in eintraege:
        wert = e["wert"]
        wert_text = ", ".join(f"{k} {v}" for k, v in sorted(wert.items())) if isinstance(wert, dict) else str(wert)
        teile.append(f"{wert_text} ab {e['gueltig_ab']:%d.%m.%Y}")
    return "; ".join(teile)


def _gleich(a: list[dict[str, object]], b: list[dict[str, object]]) -> bool:
    def schluessel(e: Mapping[str, object]) -> tuple[object, object]:
        wert = e["wert"]
        zahl: object = {k: Decimal(str(v)) for k, v in wert.items()} if isinstance(wert, dict) else Decimal(str(wert))
        return zahl, e["gueltig_ab"]

    return [schluessel(e) for e in a] == [schluessel(e) for e in b]


def pruefe_wertedatei(pfad: Path) -> WertePruefung:
    """Check `pfad` completely; raise WerteDateiFehler naming file and line at the first problem."""
    datei = pfad.name
    inhalt = pfad.read_bytes()
    try:
        text = inhalt.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WerteDateiFehler(f"Die Datei {datei} ist keine Textdatei in UTF-8 (TOML).") from None
    try:
        roh = tomllib.loads(text)
    except tomllib.TOMLDecodeError as fehler:
        zeile = re.search(r"line (\d+)", str(fehler))
        wo = f" in Zeile {zeile.group(1)}" if zeile else ""
        raise WerteDateiFehler(f"Die Datei {datei} ist{wo} keine gültige TOML-Datei.") from None
    jahr = roh.get("jahr")
    if isinstance(jahr, bool) or not isinstance(jahr, int) or not 2000 <= jahr <= 2100:
        raise WerteDateiFehler(f"Die Datei {datei} nennt kein Jahr (erste Zeile z. B. „jahr = 2027“).")
    eintraege: dict[str, list[dict[str, object]]] = {}
    for name, wert in roh.items():
        if name == "jahr":
            continue
        if name not in NACH_NAME:
            raise WerteDateiFehler(
                f"{_wo(datei, text, name)} nennt den unbekannten Wert „{name}“; "
                "die bekannten Namen listet „assistenzbuero rechengroessen --jahr JJJJ“."
            )
        liste = wert if isinstance(wert, list) else [wert]
        geprueft = [_pruefe_eintrag(jahr, name, e, datei, text) for e in liste]
        daten = [e["gueltig_ab"] for e in geprueft]
        if len(set(daten)) != len(daten):
            raise WerteDateiFehler(f"{_wo(datei, text, name)} „{name}“: zwei Einträge mit demselben gueltig_ab.")
        eintraege[name] = sorted(geprueft, key=lambda e: e["gueltig_ab"])  # type: ignore[arg-type,return-value]
    if not eintraege:
        raise WerteDateiFehler(f"Die Datei {datei} enthält keine Werte.")
    return WertePruefung(
        jahr=jahr, datei=datei, eintraege=eintraege, aenderungen=_vergleiche(jahr, eintraege, datei, text)
    )


def _vergleiche(
    jahr: int, eintraege: dict[str, list[dict[str, object]]], datei: str, text: str
) -> tuple[Aenderung, ...]:
    programm, _, _ = tabellen.schichten(jahr)
    try:
        jetzt = tabellen.eintraege(jahr)
    except tabellen.UnbekanntesJahr:
        jetzt = {}
    aenderungen = []
    for name, neu in eintraege.items():
        amtlich = programm[name] if name in programm and tabellen.ist_amtlich(programm[name]) else None
        if amtlich is not None and not _gleich(amtlich, neu):
            raise WerteDateiFehler(
                f"{_wo(datei, text, name)} „{name}“: für {jahr} ist amtlich {_text(amtlich)} hinterlegt; "
                "eine eingespielte Datei kann einen amtlichen Wert nicht ändern."
            )
        alt = jetzt.get(name)
        if alt is None:
            aenderungen.append(Aenderung(name, NEU, None, _text(neu)))
        elif _gleich(alt, neu):
            aenderungen.append(Aenderung(name, UNVERAENDERT, _text(alt), _text(neu)))
        else:
            aenderungen.append(Aenderung(name, GEAENDERT, _text(alt), _text(neu)))
    return tuple(aenderungen)


def uebernimm(pruefung: WertePruefung) -> Path:
    """Accept a checked file: merged into <user data>/rechengroessen/<jahr>.toml in one step."""
    ziel = tabellen.nutzer_verzeichnis() / f"{pruefung.jahr}.toml"
    bisher = tabellen.lies_tabelle(ziel, tabellen.HERKUNFT_NUTZER) if ziel.is_file() else {}
    zusammen = {n: [{k: v for k, v in e.items() if not k.startswith("_")} for e in es] for n, es in bisher.items()}
    zusammen.update(pruefung.eintraege)
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with ausgabedatei(ziel, ueberschreiben=True) as teil:
        teil.write_text(als_toml(pruefung.jahr, zusammen), encoding="utf-8")
    tabellen.vergiss_zwischenspeicher()
    return ziel


def einspielen(pfad: Path) -> WertePruefung:
    """Check and accept `pfad` (the command line; the GUI shows the changes between the two steps)."""
    pruefung = pruefe_wertedatei(pfad)
    uebernimm(pruefung)
    return pruefung


def _toml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def als_toml(jahr: int, eintraege: Mapping[str, list[dict[str, object]]]) -> str:
    """The layout of resources/regeln/<jahr>.toml (every value as text, dates as TOML dates)."""
    zeilen = [
        f"# Rechengrößen {jahr}, von Ihnen eingespielt (Assistenzbüro). Werte, die das Programm amtlich mitliefert,",
        "# gehen diesen vor. Aufbau wie resources/regeln/<jahr>.toml.",
        f"jahr = {jahr}",
    ]
    for name in sorted(eintraege):
        liste = eintraege[name]
        for e in liste:
            kopf = f"[[{name}]]" if len(liste) > 1 else f"[{name}]"
            zeilen += ["", kopf]
            wert = e["wert"]
            if not isinstance(wert, dict):
                zeilen.append(f"wert = {_toml_text(str(wert))}")
            zeilen.append(f"gueltig_ab = {e['gueltig_ab']:%Y-%m-%d}")
            zeilen.append(f"quelle = {_toml_text(str(e['quelle']))}")
            if isinstance(wert, dict):
                zeilen.append(f"[{name}.wert]")
                zeilen += [f"{land} = {_toml_text(str(w))}" for land, w in sorted(wert.items())]
    return "\n".join(zeilen) + "\n"
