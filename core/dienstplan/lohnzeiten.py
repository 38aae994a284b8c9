"""From the roster to payroll input: hours per kind of day, and stretches for the surcharge rules (§ 3b EStG)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from core.dienstplan.abwesenheit import Abwesenheitsart, Abwesenheitsindex
from core.dienstplan.schicht import Arbeitsart, Schicht, Stunden, stunden_aus_stuecken, tagesstuecke, zeitstuecke
from core.dienstplan.tage import tagesinfo
from core.regeln.zuschlaege import Arbeitszeitraum

HUNDERT = Decimal(100)
BEZAHLTE_ABWESENHEIT = (Abwesenheitsart.URLAUB, Abwesenheitsart.KRANK, Abwesenheitsart.BESCHAEFTIGUNGSVERBOT)


class Tagesart(StrEnum):
    WERKTAG = "werktag"
    SONNTAG = "sonntag"
    FEIERTAG = "feiertag"
    HEILIGABEND_SILVESTER = "heiligabend_silvester"


def stunden_nach_tagesart(
    schichten: Iterable[Schicht], land: str, *, katholisch: bool = False
) -> dict[Tagesart, Stunden]:
    """Hours split at midnight and sorted by the kind of calendar day (a holiday on a Sunday counts as holiday;
    24.12./31.12. are no public holidays but listed apart). Actual times where recorded."""
    ergebnis = {t: Stunden() for t in Tagesart}
    for schicht in schichten:
        for stueck in tagesstuecke(schicht.bezahlt()):
            info = tagesinfo(land, stueck.tag, katholisch=katholisch)
            if info.feiertag is not None:
                art = Tagesart.FEIERTAG
            elif info.sonntag:
                art = Tagesart.SONNTAG
            elif info.besonderer_tag is not None:
                art = Tagesart.HEILIGABEND_SILVESTER
            else:
                art = Tagesart.WERKTAG
            ergebnis[art] = ergebnis[art] + stunden_aus_stuecken([stueck])
    return ergebnis


def arbeitszeitraeume(
    assistenzkraft_id: int,
    schichten: Iterable[Schicht],
    stundenlohn: Decimal,
    bereitschaft_prozent: Decimal,
    abwesend: Abwesenheitsindex | None = None,
) -> list[Arbeitszeitraum]:
    """Input for `core.regeln.zuschlaege.berechne_zuschlaege` for one assistant.

    Worked: her own shifts (actual times where recorded), standby at the weighted Grundlohn. Paid absence
    (Urlaub, Krank, Beschäftigungsverbot): the shifts she was planned for (now covered by someone else, or
    uncovered) as `geleistet=False` — surcharges for hours not worked are taxable (Lohnausfallprinzip).
    """
    zeitraeume: list[Arbeitszeitraum] = []
    for schicht in schichten:
        abw = abwesend.am(assistenzkraft_id, schicht.tag) if abwesend is not None else None
        eigene = schicht.assistenzkraft_id == assistenzkraft_id
        fuer_sie = schicht.vertretung_fuer == assistenzkraft_id
        if eigene and abw is None:
            quelle, geleistet = schicht.bezahlt(), True
        elif (eigene or fuer_sie) and abw is not None and abw.art in BEZAHLTE_ABWESENHEIT:
            quelle, geleistet = schicht, False
        else:
            continue
        for stueck in zeitstuecke(quelle):
            lohn = stundenlohn
            if stueck.arbeitsart is Arbeitsart.BEREITSCHAFT:
                lohn = stundenlohn * bereitschaft_prozent / HUNDERT
            zeitraeume.append(Arbeitszeitraum(stueck.beginn, stueck.ende, lohn, geleistet))
    zeitraeume.sort(key=lambda z: z.beginn)
    return zeitraeume
