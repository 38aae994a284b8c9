"""Every figure of a year with its status (CONTRACTS §11): what the Rechengrößen view and `rechengroessen` show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.domain.zahlen import format_zahl
from core.regeln import lohnsteuer, tabellen
from core.regeln.katalog import GRUPPEN, KATALOG, Groesse

AMTLICH = "amtlich"
VORLAEUFIG = "vorlaeufig"
EIGENER_WERT = "eigener_wert"
FEHLT = "fehlt"

# German text for each status: the view and the table output say it in words, never by colour alone.
STATUS_TEXT = {
    AMTLICH: "amtlich bestätigt",
    VORLAEUFIG: "vorläufig",
    EIGENER_WERT: "von Ihnen eingetragen",
    FEHLT: "fehlt",
}
PAP_TEXT = {
    lohnsteuer.MITGELIEFERT: "mit dem Programm geliefert",
    lohnsteuer.EINGESPIELT: "von Ihnen eingespielt",
    lohnsteuer.FEHLT: "fehlt",
}


@dataclass(frozen=True, slots=True)
class Eintrag:
    """One figure of the year (a figure that changes within the year has one Eintrag per gueltig_ab)."""

    groesse: Groesse
    wert: Decimal | dict[str, Decimal] | None
    gueltig_ab: date | None
    quelle: str
    status: str

    @property
    def name(self) -> str:
        return self.groesse.name

    def als_dict(self) -> dict[str, object]:
        wert: object
        if isinstance(self.wert, dict):
            wert = {land: str(w) for land, w in self.wert.items()}
        else:
            wert = None if self.wert is None else str(self.wert)
        return {
            "name": self.name,
            "wert": wert,
            "gueltig_ab": None if self.gueltig_ab is None else self.gueltig_ab.isoformat(),
            "quelle": self.quelle or None,
            "status": self.status,
            "gruppe": self.groesse.gruppe,
            "bezeichnung": self.groesse.bezeichnung,
        }


@dataclass(frozen=True, slots=True)
class Uebersicht:
    jahr: int
    werte: tuple[Eintrag, ...]
    pap: str

    @property
    def fehlende(self) -> tuple[Eintrag, ...]:
        return tuple(e for e in self.werte if e.status == FEHLT)

    @property
    def vollstaendig(self) -> bool:
        return not self.fehlende and self.pap != lohnsteuer.FEHLT

    def als_dict(self) -> dict[str, object]:
        return {"jahr": self.jahr, "werte": [e.als_dict() for e in self.werte], "pap": self.pap}


def status_des_eintrags(eintrag: dict[str, object]) -> str:
    if eintrag.get("_herkunft") == tabellen.HERKUNFT_NUTZER:
        return EIGENER_WERT
    if eintrag.get("status") == tabellen.STATUS_UNVERIFIZIERT:
        return VORLAEUFIG
    return AMTLICH


def _wert(roh: object) -> Decimal | dict[str, Decimal]:
    if isinstance(roh, dict):
        return {str(land): Decimal(str(w)) for land, w in roh.items()}
    return Decimal(str(roh))


def uebersicht(jahr: int) -> Uebersicht:
    """Every catalogue figure of `jahr` in catalogue order, plus the PAP's state. A year without any figures file
    lists every figure as missing (so the view can show what a new year needs)."""
    try:
        alle = tabellen.eintraege(jahr)
    except tabellen.UnbekanntesJahr:
        alle = {}
    werte: list[Eintrag] = []
    for groesse in KATALOG:
        vorhanden = alle.get(groesse.name)
        if not vorhanden:
            werte.append(Eintrag(groesse, None, None, "", FEHLT))
            continue
        for e in vorhanden:
            werte.append(
                Eintrag(
                    groesse,
                    _wert(e["wert"]),
                    e["gueltig_ab"],  # type: ignore[arg-type]
                    str(e.get("quelle", "")),
                    status_des_eintrags(e),
                )
            )
    return Uebersicht(jahr=jahr, werte=tuple(werte), pap=lohnsteuer.herkunft(jahr))


def fehlende_zuerst(werte: tuple[Eintrag, ...]) -> list[Eintrag]:
    """Missing figures first, then by group (in GRUPPEN order), keeping catalogue order within a group."""
    rang = {gruppe: i for i, gruppe in enumerate(GRUPPEN)}
    return sorted(werte, key=lambda e: (e.status != FEHLT, rang.get(e.groesse.gruppe, len(rang))))


def zahl_text(wert: Decimal) -> str:
    """German notation with the decimals the source gives ("14,60", not "14,6")."""
    exponent = wert.as_tuple().exponent
    return format_zahl(wert, max(0, -exponent) if isinstance(exponent, int) else None)


def wert_text(eintrag: Eintrag) -> str:
    if eintrag.wert is None:
        return "–"
    if isinstance(eintrag.wert, dict):
        return ", ".join(f"{land} {zahl_text(w)}" for land, w in sorted(eintrag.wert.items()))
    return zahl_text(eintrag.wert)


def vorgabejahr(heute: date | None = None) -> int:
    """The year to prepare: in November and December the coming one, otherwise the current one."""
    heute = heute or date.today()
    return heute.year + 1 if heute.month >= 11 else heute.year
