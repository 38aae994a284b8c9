"""The Krankenkassen of a new year: each Kasse in use needs its Zusatzbeitrag and U1/U2 levels for that year.

The Kassen publish them in December. Until the user has them, the program carries last year's rates forward,
marked „bitte prüfen“ in the year's source, and the year-end checklist stays open until she confirms each Kasse.
The Minijob-Zentrale is not asked: its rates are year figures (`minijob_u1_prozent` …, Rechengrößen).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.stammdaten.krankenkassen import BITTE_PRUEFEN, kopiere_jahr
from core.stammdaten.repository import Stammdateneinheit, einheit

FEHLT = "fehlt"
ZU_PRUEFEN = "bitte prüfen"
BESTAETIGT = "bestätigt"


@dataclass(frozen=True, slots=True)
class KassenStand:
    kassen_id: int
    name: str
    jahr: int
    stand: str  # FEHLT, ZU_PRUEFEN, BESTAETIGT
    zusatzbeitrag_prozent: Decimal | None
    u1_gewaehlt: bool
    quelle: str


def kassen_in_gebrauch(e: Stammdateneinheit) -> list[tuple[int, str]]:
    return sorted(
        ((k.id, k.name) for k in e.krankenkassen.der_beschaeftigten() if not k.ist_minijob_zentrale),
        key=lambda k: k[1].casefold(),
    )


def stand_von(e: Stammdateneinheit, kassen_id: int, name: str, jahr: int) -> KassenStand:
    zeile = e.krankenkassen.jahr(kassen_id, jahr)
    if zeile is None:
        return KassenStand(kassen_id, name, jahr, FEHLT, None, False, "")
    stand = ZU_PRUEFEN if BITTE_PRUEFEN in zeile.quelle else BESTAETIGT
    return KassenStand(
        kassen_id,
        name,
        jahr,
        stand,
        zeile.zusatzbeitrag_prozent,
        any(s.gewaehlt for s in zeile.u1_stufen),
        zeile.quelle,
    )


def kassen_im_jahr(db: Datenbank, jahr: int) -> list[KassenStand]:
    """Every Kasse of an Assistenzkraft (Minijob-Zentrale aside) with the state of its rates for `jahr`."""
    with einheit(db) as e:
        return [stand_von(e, kid, name, jahr) for kid, name in kassen_in_gebrauch(e)]


def bereite_jahr_vor(db: Datenbank, jahr: int) -> list[KassenStand]:
    """Carry each Kasse in use without rates for `jahr` forward from its latest earlier year („bitte prüfen“).

    One transaction; a Kasse with no earlier year stays missing (its rates must be entered by hand).
    """
    with einheit(db) as e:
        for kassen_id, _name in kassen_in_gebrauch(e):
            jahre = e.krankenkassen.jahre(kassen_id)
            if jahr in jahre:
                continue
            frueher = [j for j in jahre if j < jahr]
            if frueher:
                e.krankenkassen.fuege_hinzu(kopiere_jahr(jahre[max(frueher)], jahr))
        e.flush()
        return [stand_von(e, kid, name, jahr) for kid, name in kassen_in_gebrauch(e)]


def bestaetige(db: Datenbank, kassen_id: int, jahr: int, *, am: date | None = None) -> KassenStand:
    """The user checked the Kasse's rates for `jahr` against its announcement: the „bitte prüfen“ mark goes."""
    tag = am or date.today()
    with einheit(db) as e:
        return _bestaetige(e, kassen_id, jahr, tag)


def bestaetige_jahr(
    db: Datenbank, jahr: int, kassen_ids: Iterable[int] | None = None, *, am: date | None = None
) -> list[KassenStand]:
    """Confirm the rates of these Kassen (None: every Kasse in use not yet confirmed) for `jahr` in one transaction;
    a Kasse without rates for the year gets its latest earlier year's first (what the payroll's draft used)."""
    tag = am or date.today()
    with einheit(db) as e:
        ids = list(kassen_ids) if kassen_ids is not None else [k for k, _n in kassen_in_gebrauch(e)]
        ergebnis = []
        for kassen_id in ids:
            jahre = e.krankenkassen.jahre(kassen_id)
            if jahr not in jahre:
                frueher = [j for j in jahre if j < jahr]
                if not frueher:
                    continue  # nothing to confirm: the rates must be entered by hand
                e.krankenkassen.fuege_hinzu(kopiere_jahr(jahre[max(frueher)], jahr))
                e.flush()
            elif BITTE_PRUEFEN not in jahre[jahr].quelle:
                continue
            ergebnis.append(_bestaetige(e, kassen_id, jahr, tag))
        return ergebnis


def _bestaetige(e: Stammdateneinheit, kassen_id: int, jahr: int, tag: date) -> KassenStand:
    zeile = e.krankenkassen.jahr(kassen_id, jahr)
    kasse = e.krankenkassen.zeile(kassen_id)
    if zeile is None or kasse is None:
        raise EingabeFehler(
            f"Für {jahr} sind bei dieser Krankenkasse noch keine Sätze eingetragen; bitte zuerst eintragen."
        )
    if zeile.zusatzbeitrag_prozent is None:
        raise EingabeFehler(
            f"Bei „{kasse.name}“ fehlt für {jahr} der Zusatzbeitrag; bitte unter Krankenkassen eintragen."
        )
    zeile.quelle = zeile.quelle.replace(f"– {BITTE_PRUEFEN}", f"von Ihnen bestätigt am {tag:%d.%m.%Y}")
    if BITTE_PRUEFEN in zeile.quelle:
        zeile.quelle = zeile.quelle.replace(BITTE_PRUEFEN, f"von Ihnen bestätigt am {tag:%d.%m.%Y}")
    return stand_von(e, kassen_id, kasse.name, jahr)
