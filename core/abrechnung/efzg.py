"""Entgeltfortzahlung im Krankheitsfall (EFZG): which sick days of the month are paid by the employer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.domain.geld import format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.regeln.tabellen import regelwert


@dataclass
class Entgeltfortzahlung:
    """Paid sick days per absence id, for the days of the month."""

    bezahlte_tage: dict[int | None, set[date]] = field(default_factory=dict)
    hinweise: list[Hinweis] = field(default_factory=list)

    def bezahlt(self, abwesenheit: Abwesenheit, tag: date) -> bool:
        if abwesenheit.art is not Abwesenheitsart.KRANK:
            return abwesenheit.art.fortgezahlt
        return tag in self.bezahlte_tage.get(abwesenheit.id, set())


def entgeltfortzahlung(abwesenheiten: Iterable[Abwesenheit], erster: date, letzter: date) -> Entgeltfortzahlung:
    """The sick days of the month with continued pay."""
    ergebnis = Entgeltfortzahlung()
    for abw in abwesenheiten:
        if abw.art is not Abwesenheitsart.KRANK or abw.bis < erster or abw.von > letzter:
            continue
        ergebnis.bezahlte_tage.setdefault(abw.id, set()).update(t for t in abw.tage if erster <= t <= letzter)
    if ergebnis.bezahlte_tage:
        wartezeit = regelwert("entgeltfortzahlung_wartezeit_wochen", erster).wert
        hoechstdauer = regelwert("entgeltfortzahlung_wochen", erster).wert
        ergebnis.hinweise.append(
            Hinweis(
                "ENTGELTFORTZAHLUNG_KRANKHEIT",
                Schwere.INFO,
                "Krankheit: Das Entgelt der ausgefallenen Schichten ist fortgezahlt (Lohnausfallprinzip), "
                f"Zuschläge dafür sind steuer- und beitragspflichtig. Wartezeit ({format_zahl(wartezeit, None)} "
                f"Wochen) und Höchstdauer ({format_zahl(hoechstdauer, None)} Wochen) sind in einem Szenario nicht "
                "geprüft; U1-Erstattung beantragen.",
                "§§ 3, 4 EFZG, § 1 AAG",
            )
        )
    return ergebnis
