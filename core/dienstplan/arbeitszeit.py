"""Which working-time rules apply in the household, as a setting (limits from the rule tables).

Decision (see the report of issue 4):
- The Arbeitszeitgesetz applies to assistants employed by a disabled person in her household. The household is
  not exempt as such; § 10 Abs. 1 Nr. 4 ArbZG even names work "im Haushalt" as allowed on Sundays and holidays
  (with the 15 free Sundays of § 11 Abs. 1 and a substitute rest day, § 11 Abs. 3).
- Exempt are only "Arbeitnehmer, die in häuslicher Gemeinschaft mit den ihnen anvertrauten Personen
  zusammenleben und sie eigenverantwortlich erziehen, pflegen oder betreuen" (§ 18 Abs. 1 Nr. 3 ArbZG).
  BVerwG 08.05.2019 – 8 C 3/18 reads this narrowly: living and keeping house together for a longer time, aimed
  at near-permanent availability; where work and rest alternate in shifts the exemption does not apply. So:
  shift assistants → ArbZG; a live-in assistant → mark her as exempt (per assistant).
- Bereitschaftsdienst (Arbeit II, present in the home) is working time under the ArbZG (EuGH C-151/02 Jaeger,
  § 7 Abs. 1 Nr. 1a ArbZG); Rufbereitschaft is not. Our Arbeit II is presence, so it counts.
- A Tarifvertrag (e.g. TVöD) binds a private employer only if the contract refers to it; deviations under § 7
  ArbZG need such a Tarifvertrag. Then the user sets her own limits (mode EIGENE).
- Under 18: the Jugendarbeitsschutzgesetz applies instead (§ 18 Abs. 2 ArbZG); the checks say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from core.domain.hinweis import Hinweis
from core.regeln.tabellen import regelwert

ARBZG = "ArbZG"


class Arbeitszeitmodus(StrEnum):
    ARBZG = "arbzg"
    EIGENE = "eigene"
    KEINE = "keine"

    @property
    def bezeichnung(self) -> str:
        return {
            "arbzg": "Arbeitszeitgesetz (Standard für Assistenz in Schichten)",
            "eigene": "Eigene Grenzen (z. B. Tarifvertrag nach § 7 ArbZG)",
            "keine": "Keine Prüfung (alle leben in häuslicher Gemeinschaft, § 18 Abs. 1 Nr. 3 ArbZG)",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Arbeitszeitregeln:
    """The limits the checks use. Build with `nach_arbzg(stichtag)`; EIGENE overrides single values."""

    modus: Arbeitszeitmodus
    regel_tag: timedelta
    hoechst_tag: timedelta
    durchschnitt_woche: timedelta
    hoechst_woche: timedelta
    ruhezeit: timedelta
    pause_ueber_6h: timedelta
    pause_ueber_9h: timedelta
    freie_sonntage_jahr: int
    bereitschaft_zaehlt: bool = True
    hinweise: tuple[Hinweis, ...] = ()

    @property
    def aktiv(self) -> bool:
        return self.modus is not Arbeitszeitmodus.KEINE

    def quelle(self, paragraph: str) -> str:
        if self.modus is Arbeitszeitmodus.EIGENE:
            return f"eigene Einstellung (gesetzlich: {paragraph} {ARBZG})"
        return f"{paragraph} {ARBZG}"


def _stunden(schluessel: str, stichtag: date, hinweise: list[Hinweis]) -> timedelta:
    return timedelta(minutes=int(regelwert(schluessel, stichtag, hinweise=hinweise).wert * 60))


def nach_arbzg(stichtag: date, modus: Arbeitszeitmodus = Arbeitszeitmodus.ARBZG) -> Arbeitszeitregeln:
    """The statutory limits valid on `stichtag` (from resources/regeln/<jahr>.toml)."""
    hinweise: list[Hinweis] = []
    # Every figure passes its "unverified" Hinweis on (the breaks and free Sundays too, not only the hours).
    pause6 = regelwert("arbzg_pause_ueber_6h_minuten", stichtag, hinweise=hinweise)
    pause9 = regelwert("arbzg_pause_ueber_9h_minuten", stichtag, hinweise=hinweise)
    freie_sonntage = regelwert("arbzg_freie_sonntage_jahr", stichtag, hinweise=hinweise)
    return Arbeitszeitregeln(
        modus=modus,
        regel_tag=_stunden("arbzg_regelarbeitszeit_werktag_stunden", stichtag, hinweise),
        hoechst_tag=_stunden("arbzg_hoechstarbeitszeit_werktag_stunden", stichtag, hinweise),
        durchschnitt_woche=_stunden("arbzg_durchschnitt_woche_stunden", stichtag, hinweise),
        hoechst_woche=_stunden("arbzg_hoechstarbeitszeit_woche_stunden", stichtag, hinweise),
        ruhezeit=_stunden("arbzg_ruhezeit_stunden", stichtag, hinweise),
        pause_ueber_6h=timedelta(minutes=int(pause6.wert)),
        pause_ueber_9h=timedelta(minutes=int(pause9.wert)),
        freie_sonntage_jahr=int(freie_sonntage.wert),
        hinweise=tuple(hinweise),
    )


def eigene_regeln(
    stichtag: date,
    *,
    hoechst_tag: timedelta | None = None,
    hoechst_woche: timedelta | None = None,
    durchschnitt_woche: timedelta | None = None,
    ruhezeit: timedelta | None = None,
    bereitschaft_zaehlt: bool | None = None,
) -> Arbeitszeitregeln:
    """Own limits (e.g. from a Tarifvertrag); unset values stay statutory."""
    basis = nach_arbzg(stichtag, Arbeitszeitmodus.EIGENE)
    return replace(
        basis,
        hoechst_tag=hoechst_tag if hoechst_tag is not None else basis.hoechst_tag,
        hoechst_woche=hoechst_woche if hoechst_woche is not None else basis.hoechst_woche,
        durchschnitt_woche=durchschnitt_woche if durchschnitt_woche is not None else basis.durchschnitt_woche,
        ruhezeit=ruhezeit if ruhezeit is not None else basis.ruhezeit,
        bereitschaft_zaehlt=basis.bereitschaft_zaehlt if bereitschaft_zaehlt is None else bereitschaft_zaehlt,
    )


def keine_regeln(stichtag: date) -> Arbeitszeitregeln:
    return replace(nach_arbzg(stichtag), modus=Arbeitszeitmodus.KEINE)
