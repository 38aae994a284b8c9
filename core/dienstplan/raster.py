"""The month as a grid (days × shift columns) with cell texts like the seed's printed plan; shared by GUI and PDF."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsindex, zellentext
from core.dienstplan.bedarf import Bedarfsprofil, Tagesabdeckung, abdeckung, anwesenheit, pausenzeiten
from core.dienstplan.schicht import Schicht, fmt_ende, fmt_zeit
from core.dienstplan.tage import Tagesinfo, monatsinfo
from core.dienstplan.vorlagen import Schichtvorlage
from core.domain.kalender import monatsgrenzen

WEITERE = "__weitere__"


@dataclass(frozen=True, slots=True)
class Spalte:
    schluessel: str
    titel: str
    zeiten: str
    beginn: time | None


@dataclass(frozen=True, slots=True)
class Zelleneintrag:
    schicht: Schicht
    text: str
    vertretung_fehlt: bool


@dataclass(frozen=True, slots=True)
class Rasterzeile:
    info: Tagesinfo
    zellen: Mapping[str, tuple[Zelleneintrag, ...]]
    abwesend: tuple[tuple[str, Abwesenheit], ...]
    abdeckung: Tagesabdeckung | None

    def zelltext(self, spalte: str, trenner: str = " / ") -> str:
        return trenner.join(e.text for e in self.zellen.get(spalte, ()))

    def zelltext_druck(self, spalte: str) -> str:
        """For print: one entry per line, many entries (more than two) in a row separated by semicolons."""
        eintraege = self.zellen.get(spalte, ())
        return self.zelltext(spalte, "\n" if len(eintraege) <= 2 else "; ")

    @property
    def bemerkung(self) -> str:
        teile = [self.info.bemerkung] if self.info.bemerkung else []
        teile += [f"{name} {abw.art.kurz}" for name, abw in self.abwesend]
        if self.abdeckung is not None and self.abdeckung.luecken:
            teile.append("offen: " + ", ".join(lu.text for lu in self.abdeckung.luecken))
        return "; ".join(teile)


@dataclass(frozen=True, slots=True)
class Monatsraster:
    jahr: int
    monat: int
    spalten: tuple[Spalte, ...]
    zeilen: tuple[Rasterzeile, ...]


def monatsraster(
    jahr: int,
    monat: int,
    land: str,
    schichten: Iterable[Schicht],
    abwesenheiten: Iterable[Abwesenheit],
    namen: Mapping[int, str],
    vorlagen: Sequence[Schichtvorlage] = (),
    bedarf: Bedarfsprofil | None = None,
) -> Monatsraster:
    """Columns: the templates used this month by start time, then "Weitere Schichten" for the rest."""
    von, bis_excl = monatsgrenzen(jahr, monat)
    alle = list(schichten)
    im_monat = sorted((s for s in alle if von <= s.tag < bis_excl), key=lambda s: (s.beginn_utc, s.assistenzkraft_id))
    abw_liste = list(abwesenheiten)
    index = Abwesenheitsindex(abw_liste)
    nach_name = {v.name: v for v in vorlagen}
    benutzt = {s.vorlage for s in im_monat if s.vorlage}
    spalten = sorted(
        (
            Spalte(v.name, v.name, v.zeiten_text, v.beginn)
            for v in (nach_name.get(n) or Schichtvorlage(n, n, time(0), time(0)) for n in benutzt)
        ),
        key=lambda sp: (sp.beginn or time(0), sp.titel),
    )
    bekannte = {sp.schluessel for sp in spalten}
    if any(not s.vorlage or s.vorlage not in bekannte for s in im_monat) or not spalten:
        spalten.append(Spalte(WEITERE, "Weitere Schichten", "", None))
    praesenz = anwesenheit(alle, index) if bedarf is not None else None
    pausen = pausenzeiten(alle, lambda i: namen.get(i, f"Nr. {i}"), index) if bedarf is not None else []
    zeilen = []
    nach_tag: dict[object, list[Schicht]] = {}
    for s in im_monat:
        nach_tag.setdefault(s.tag, []).append(s)
    for info in monatsinfo(land, jahr, monat):
        zellen: dict[str, list[Zelleneintrag]] = {}
        for s in nach_tag.get(info.tag, ()):
            schluessel = s.vorlage if s.vorlage in bekannte else WEITERE
            text = zellentext(s, index, namen)
            if schluessel == WEITERE:
                text = f"{text} {fmt_zeit(s.beginn)}–{fmt_ende(s.beginn, s.ende)}"
            fehlt = index.am(s.assistenzkraft_id, s.tag) is not None
            zellen.setdefault(schluessel or WEITERE, []).append(Zelleneintrag(s, text, fehlt))
        abwesend = tuple(
            (namen.get(a.assistenzkraft_id, f"Nr. {a.assistenzkraft_id}"), a)
            for a in sorted(index.am_tag(info.tag), key=lambda a: namen.get(a.assistenzkraft_id, ""))
        )
        deckung = (
            abdeckung(info.tag, bedarf, (), index, land=land, praesenz=praesenz, pausen=pausen)
            if bedarf is not None
            else None
        )
        zeilen.append(Rasterzeile(info, {k: tuple(v) for k, v in zellen.items()}, abwesend, deckung))
    return Monatsraster(jahr, monat, tuple(spalten), tuple(zeilen))
