"""What the Monatsabrechnung page shows of one month, read in the background from the run and the store.

No Qt here: `lade_monatsstand` runs in a worker thread (desktop.hintergrund) and reports progress per assistant;
the page only displays the `Monatsstand` it returns. Figures come from `core.abrechnung.lauf` (the open month, computed
now) and `core.abrechnung.ablage` (a finalised month as stored, with every version); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from core.abrechnung import ablage, lauf
from core.domain.kalender import MONATE
from core.persistence.datenbank import Datenbank

#: (done, of, text) → None; may raise to cancel (desktop.hintergrund.Fortschritt.pruefe).
Melder = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Monatsstand:
    """One month as the page shows it.

    `korrekturen`: for the next open month, the corrections of finalised months it will settle (computed now); for a
    finalised month, `verrechnet` holds the corrections that were settled in it (as stored). `versionen`: every stored
    version of an assistant's month where there is more than one (original and corrections), by assistant id.
    """

    jahr: int
    monat: int
    status: str
    zeilen: tuple[lauf.Zeile, ...]
    abgeschlossen_am: datetime | None = None
    abgeschlossen_von: str = ""
    korrekturen: tuple[lauf.Korrektur, ...] = ()
    verrechnet: tuple[ablage.GespeichertesErgebnis, ...] = ()
    versionen: dict[int, list[ablage.GespeichertesErgebnis]] = field(default_factory=dict)
    naechster_offener: tuple[int, int] | None = None
    kassen: tuple[lauf.KassenPruefung, ...] = ()  # Kassen whose rates for the year are not confirmed (open month)
    #: corrections settled in this month for people without a contract in it (no row settles them): one sentence each
    ohne_vertrag: tuple[str, ...] = ()

    @property
    def abgeschlossen(self) -> bool:
        return self.status == ablage.ABGESCHLOSSEN

    @property
    def titel(self) -> str:
        return monatstitel(self.jahr, self.monat)


def monatstitel(jahr: int, monat: int) -> str:
    return f"{MONATE[monat - 1]} {jahr}"


def lade_monatsstand(db: Datenbank, jahr: int, monat: int, melde: Melder | None = None) -> Monatsstand:
    """The month's rows one assistant at a time (progress, cancel between assistants), then its corrections."""
    gespeichert = ablage.lade_monat(db, jahr, monat)
    anzahl = len(gespeichert.ergebnisse) if gespeichert.abgeschlossen else len(lauf.personen_im_monat(db, jahr, monat))
    titel = monatstitel(jahr, monat)
    if melde is not None:
        melde(0, max(anzahl, 1), f"Abrechnung {titel} wird berechnet …")
    zeilen: list[lauf.Zeile] = []
    reihe = lauf.zeilen(db, jahr, monat)
    try:
        for zeile in reihe:
            zeilen.append(zeile)
            if melde is not None:
                wer = zeile.name or zeile.personalnummer
                melde(len(zeilen), max(anzahl, len(zeilen)), f"Abrechnung {titel}: {wer}")
    finally:
        schliessen = getattr(reihe, "close", None)  # a generator: ends its unit of work at once when cancelled
        if callable(schliessen):
            schliessen()
    naechster = lauf.naechster_offener_monat(db)
    korrekturen: tuple[lauf.Korrektur, ...] = ()
    if not gespeichert.abgeschlossen and (jahr, monat) == naechster and ablage.abgeschlossene_monate(db):
        korrekturen = tuple(lauf.offene_korrekturen(db))
    kassen = () if gespeichert.abgeschlossen else tuple(lauf.kassen_zu_pruefen(db, jahr, monat))
    if gespeichert.abgeschlossen:
        ohne_vertrag = tuple(o.text for o in lauf.ohne_vertrag_gespeichert(db, gespeichert))
    else:
        ohne_vertrag = tuple(k.ohne_vertrag.text for k in korrekturen if k.ohne_vertrag is not None)
    versionen = {
        z.assistenzkraft_id: ablage.versionen(db, jahr, monat, z.assistenzkraft_id) for z in zeilen if z.version > 1
    }
    return Monatsstand(
        jahr=jahr,
        monat=monat,
        status=gespeichert.status,
        zeilen=tuple(zeilen),
        abgeschlossen_am=gespeichert.abgeschlossen_am,
        abgeschlossen_von=gespeichert.abgeschlossen_von,
        korrekturen=korrekturen,
        verrechnet=gespeichert.korrekturen,
        versionen=versionen,
        naechster_offener=naechster,
        kassen=kassen,
        ohne_vertrag=ohne_vertrag,
    )
