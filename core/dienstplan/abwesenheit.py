"""Abwesenheiten (Urlaub, Krank, Kind krank, Beschäftigungsverbot, Mutterschutz, Feiertag, unbezahlt), Vertretung."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from core.dienstplan.schicht import Schicht, fmt_tag
from core.fehler import EingabeFehler


class Abwesenheitsart(StrEnum):
    URLAUB = "urlaub"
    KRANK = "krank"
    KIND_KRANK = "kind_krank"
    BESCHAEFTIGUNGSVERBOT = "beschaeftigungsverbot"
    MUTTERSCHUTZ = "mutterschutz"
    FEIERTAG = "feiertag"  # a planned shift falls out because of a public holiday (§ 2 EFZG)
    UNBEZAHLT = "unbezahlt"

    @property
    def bezeichnung(self) -> str:
        return _BEZEICHNUNG[self][0]

    @property
    def kurz(self) -> str:
        """Short form for the roster cell, as in seed 004, 2.6.1: "(Jörg Url.)"."""
        return _BEZEICHNUNG[self][1]

    @property
    def entgelt(self) -> str:
        """Who pays for the missed time (for the payroll colleague and the legend)."""
        return _BEZEICHNUNG[self][2]

    @property
    def fortgezahlt(self) -> bool:
        """The employer keeps paying the missed shifts (Lohnausfallprinzip): Urlaub (§ 11 BUrlG), Krank (§ 3 EFZG,
        within its limits), Beschäftigungsverbot (Mutterschutzlohn, § 18 MuSchG), Feiertag (§ 2 EFZG). Not paid:
        Kind krank (Kinderkrankengeld, § 45 SGB V), Mutterschutz (Mutterschaftsgeld and the employer's Zuschuss,
        § 20 MuSchG, instead of pay), unbezahlt."""
        return self in (
            Abwesenheitsart.URLAUB,
            Abwesenheitsart.KRANK,
            Abwesenheitsart.BESCHAEFTIGUNGSVERBOT,
            Abwesenheitsart.FEIERTAG,
        )

    @property
    def mit_bescheinigung(self) -> bool:
        return self in (
            Abwesenheitsart.KRANK,
            Abwesenheitsart.KIND_KRANK,
            Abwesenheitsart.BESCHAEFTIGUNGSVERBOT,
            Abwesenheitsart.MUTTERSCHUTZ,
        )


_BEZEICHNUNG: dict[Abwesenheitsart, tuple[str, str, str]] = {
    Abwesenheitsart.URLAUB: ("Urlaub", "Url.", "Urlaubsentgelt (§ 11 BUrlG)"),
    Abwesenheitsart.KRANK: ("Krank (arbeitsunfähig)", "krank", "Entgeltfortzahlung bis 6 Wochen (§ 3 EFZG)"),
    Abwesenheitsart.KIND_KRANK: (
        "Kind krank",
        "Kind kr.",
        "unbezahlt; Kinderkrankengeld der Krankenkasse (§ 45 SGB V)",
    ),
    Abwesenheitsart.BESCHAEFTIGUNGSVERBOT: (
        "Beschäftigungsverbot",
        "BV",
        "Mutterschutzlohn (§ 18 MuSchG), Erstattung über U2",
    ),
    Abwesenheitsart.MUTTERSCHUTZ: (
        "Mutterschutz",
        "MuSchu",
        "Mutterschaftsgeld und Zuschuss des Arbeitgebers (§ 20 MuSchG), Erstattung über U2",
    ),
    Abwesenheitsart.FEIERTAG: (
        "Feiertag (Schicht fällt aus)",
        "Feiert.",
        "Feiertagsvergütung (§ 2 EFZG): das Entgelt der ausgefallenen Schicht",
    ),
    Abwesenheitsart.UNBEZAHLT: ("Unbezahlt frei", "unbez.", "kein Entgelt"),
}


@dataclass(frozen=True, slots=True)
class Abwesenheit:
    """Whole days von..bis (inclusive). `bescheinigung_am`: day the (e)AU or certificate was received.

    `fortsetzung_von`: for Krank, the id of an earlier absence for the same illness (Fortsetzungserkrankung,
    § 3 Abs. 1 Satz 2 EFZG, marked by the user from the doctor's or the Krankenkasse's statement); their days of
    continued pay add up.
    """

    assistenzkraft_id: int
    art: Abwesenheitsart
    von: date
    bis: date
    bescheinigung_am: date | None = None
    notiz: str = ""
    id: int | None = None
    fortsetzung_von: int | None = None

    def umfasst(self, tag: date) -> bool:
        return self.von <= tag <= self.bis

    @property
    def tage(self) -> list[date]:
        return [self.von + timedelta(days=i) for i in range((self.bis - self.von).days + 1)]

    @property
    def kalendertage(self) -> int:
        return (self.bis - self.von).days + 1


def pruefe_abwesenheit(
    abwesenheit: Abwesenheit, andere: Iterable[Abwesenheit], namen: Mapping[int, str] | None = None
) -> None:
    """Refuse end before start and overlapping absences of the same person (German message)."""
    name = (namen or {}).get(abwesenheit.assistenzkraft_id, "die Assistenzkraft")
    if abwesenheit.bis < abwesenheit.von:
        raise EingabeFehler(
            f"Die Abwesenheit von {name} endet ({fmt_tag(abwesenheit.bis)}) vor ihrem Beginn "
            f"({fmt_tag(abwesenheit.von)}). Bitte das Datum „bis“ korrigieren.",
            feld="bis",
        )
    if abwesenheit.kalendertage > 366:
        raise EingabeFehler(
            f"Die Abwesenheit von {name} wäre länger als ein Jahr. Bitte teilen Sie sie in Jahresabschnitte.",
            feld="bis",
        )
    if abwesenheit.bescheinigung_am is not None and not abwesenheit.art.mit_bescheinigung:
        raise EingabeFehler(
            f"Für „{abwesenheit.art.bezeichnung}“ wird keine Bescheinigung erfasst.", feld="bescheinigung_am"
        )
    if abwesenheit.fortsetzung_von is not None:
        if abwesenheit.art is not Abwesenheitsart.KRANK:
            raise EingabeFehler(
                "Nur eine Krankheit kann die Fortsetzung einer früheren Krankheit sein. Bitte die Angabe "
                "„Fortsetzung von“ leeren oder die Art „Krank“ wählen.",
                feld="fortsetzung_von",
            )
        if abwesenheit.id is not None and abwesenheit.fortsetzung_von == abwesenheit.id:
            raise EingabeFehler(
                "Eine Krankheit kann nicht die Fortsetzung ihrer selbst sein. Bitte eine frühere Krankheit wählen.",
                feld="fortsetzung_von",
            )
    for andere_abw in andere:
        if andere_abw.assistenzkraft_id != abwesenheit.assistenzkraft_id:
            continue
        if andere_abw.id is not None and andere_abw.id == abwesenheit.id:
            continue
        if andere_abw.von <= abwesenheit.bis and abwesenheit.von <= andere_abw.bis:
            raise EingabeFehler(
                f"{name} ist vom {fmt_tag(andere_abw.von)} bis {fmt_tag(andere_abw.bis)} schon als "
                f"„{andere_abw.art.bezeichnung}“ eingetragen. Bitte ändern Sie diesen Eintrag, statt einen "
                "überlappenden anzulegen.",
                feld="von",
            )


class Abwesenheitsindex:
    """Fast lookup: which absence (if any) does an assistant have on a day."""

    def __init__(self, abwesenheiten: Iterable[Abwesenheit]) -> None:
        self._nach_person: dict[int, list[Abwesenheit]] = {}
        for abw in abwesenheiten:
            self._nach_person.setdefault(abw.assistenzkraft_id, []).append(abw)

    def am(self, assistenzkraft_id: int, tag: date) -> Abwesenheit | None:
        for abw in self._nach_person.get(assistenzkraft_id, ()):
            if abw.umfasst(tag):
                return abw
        return None

    def alle(self) -> list[Abwesenheit]:
        return [a for liste in self._nach_person.values() for a in liste]

    def am_tag(self, tag: date) -> list[Abwesenheit]:
        return [a for liste in self._nach_person.values() for a in liste if a.umfasst(tag)]


def betroffene_schichten(abwesenheit: Abwesenheit, schichten: Iterable[Schicht]) -> list[Schicht]:
    """The absent assistant's own shifts in the period (those need a Vertretung)."""
    return [s for s in schichten if s.assistenzkraft_id == abwesenheit.assistenzkraft_id and abwesenheit.umfasst(s.tag)]


def mit_vertretung(schicht: Schicht, vertretung_id: int) -> Schicht:
    """The shift now worked by `vertretung_id`; the originally planned assistant is kept in `vertretung_fuer`."""
    urspruenglich = schicht.vertretung_fuer or schicht.assistenzkraft_id
    if vertretung_id == urspruenglich:
        return replace(schicht, assistenzkraft_id=urspruenglich, vertretung_fuer=None)
    return replace(schicht, assistenzkraft_id=vertretung_id, vertretung_fuer=urspruenglich)


def faellt_aus(schicht: Schicht, index: Abwesenheitsindex) -> Abwesenheit | None:
    """The absence that makes this shift's own assistant unavailable (a shift without Vertretung)."""
    return index.am(schicht.assistenzkraft_id, schicht.tag)


def zellentext(schicht: Schicht, index: Abwesenheitsindex, namen: Mapping[int, str]) -> str:
    """Text of a roster cell as in seed 004, 2.6.1: "Sabine", "(Jörg Url.) Sabine", "(Jörg krank) offen"."""
    name = namen.get(schicht.assistenzkraft_id, f"Nr. {schicht.assistenzkraft_id}")
    eigene = index.am(schicht.assistenzkraft_id, schicht.tag)
    if eigene is not None:
        return f"({name} {eigene.art.kurz}) Vertretung fehlt"
    if schicht.vertretung_fuer is not None:
        original = namen.get(schicht.vertretung_fuer, f"Nr. {schicht.vertretung_fuer}")
        grund = index.am(schicht.vertretung_fuer, schicht.tag)
        if grund is not None:
            return f"({original} {grund.art.kurz}) {name}"
        return f"{name} (für {original})"
    return name
