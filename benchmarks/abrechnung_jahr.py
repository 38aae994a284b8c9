"""Benchmark (issue 15): finalising twelve months in a row for 15 assistants (`core.abrechnung.lauf.schliesse_ab`).

Finalising a month looks for corrections in every earlier finalised month of this and the previous year; done by
recomputing them all, a year costs the square of its months. Prints the time of each month and of the year; the
last month should cost about what the first does.

The household is the scenario tests/data/szenarien/sv_pflichtig_nacht_sonntag.json with its assistant 15 times, moved
to January 2026; its shifts (day, night and Sunday) are repeated in every month of the year on the same days.

Run: python benchmarks/abrechnung_jahr.py
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
import time as uhr
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.dienstplan import abbildung as ab
from core.dienstplan.modelle import SchichtZeile
from core.dienstplan.schicht import Istzeit
from core.domain.zeit import BERLIN
from core.persistence.datenbank import Datenbank
from core.stammdaten import start

VORLAGE = Path(__file__).resolve().parent.parent / "tests" / "data" / "szenarien" / "sv_pflichtig_nacht_sonntag.json"
ANZAHL = 15
JAHR = 2026


def _verschoben(zeitpunkt: datetime, tage: timedelta) -> datetime:
    """The same local wall time `tage` later."""
    lokal = zeitpunkt.astimezone(BERLIN)
    return datetime.combine(lokal.date() + tage, lokal.time(), tzinfo=BERLIN)


def _haushalt(ordner: Path) -> Path:
    text = VORLAGE.read_text(encoding="utf-8").replace(f'"{JAHR}-03-', f'"{JAHR}-01-')
    daten = json.loads(text)
    daten["monat"] = 1
    kraft = daten["assistenzkraefte"][0]
    daten["assistenzkraefte"] = []
    for i in range(ANZAHL):
        neu = copy.deepcopy(kraft)
        neu["id"] = f"{i + 1}"
        daten["assistenzkraefte"].append(neu)
    szenario = ordner / "team.json"
    szenario.write_text(json.dumps(daten), encoding="utf-8")
    pfad = ordner / "haushalt.sqlite"
    lade(szenario, pfad)
    db = start.oeffne(pfad)
    try:
        with db.arbeitseinheit() as sitzung:
            januar = [ab.schicht_aus_zeile(z) for z in sitzung.scalars(select(SchichtZeile))]
            for monat in range(2, 13):
                for s in januar:
                    tag = s.beginn.astimezone(BERLIN).date()
                    if tag.day > 28:
                        continue
                    tage = date(JAHR, monat, tag.day) - tag
                    beginn, ende = _verschoben(s.beginn, tage), _verschoben(s.ende, tage)
                    zeile = SchichtZeile()
                    ab.setze_schicht(zeile, s.mit(beginn=beginn, ende=ende, ist=Istzeit(beginn, ende), id=None))
                    sitzung.add(zeile)
    finally:
        db.schliessen()
    return pfad


def main() -> None:
    with tempfile.TemporaryDirectory() as ordner:
        db = start.oeffne(_haushalt(Path(ordner)))
        try:
            zeiten: list[float] = []  # CPU time of this process: on a shared machine the wall clock counts others
            beginn_jahr, cpu = uhr.perf_counter(), uhr.process_time()
            for monat in range(1, 13):
                beginn = uhr.process_time()
                m = lauf.schliesse_ab(db, JAHR, monat)
                zeiten.append(uhr.process_time() - beginn)
                assert len(m.zeilen) == ANZAHL and not m.korrekturen
            dauer, cpu = uhr.perf_counter() - beginn_jahr, uhr.process_time() - cpu
            korrekturen, ohne, erster, zweiter = _korrektur_im_januar(db)
        finally:
            db.schliessen()
    print("Abschluss je Monat (ms Rechenzeit): " + ", ".join(f"{z * 1000:.0f}" for z in zeiten))
    print(
        f"12 Monate mit {ANZAHL} Assistenzkräften abgeschlossen ({date(JAHR, 1, 1):%Y}): {dauer:.2f} s Wanduhr, "
        f"{cpu:.2f} s Rechenzeit; Dezember/Januar: {zeiten[-1] / zeiten[0]:.1f}"
    )
    print(
        f"Eine Schicht im Januar je Assistenzkraft eine Stunde länger: {korrekturen} Korrekturen (nur Januar, die "
        f"übrigen Monate ändern sich nicht); Blick auf offene Korrekturen vorher {ohne * 1000:.0f} ms, danach "
        f"{erster * 1000:.0f} ms, ein zweites Mal {zweiter * 1000:.0f} ms Rechenzeit"
    )


def _korrektur_im_januar(db: Datenbank) -> tuple[int, float, float, float]:
    """One January shift of every assistant one hour longer after the year is finalised: the corrections found, and
    the CPU time of a look before the change, of the first and of a second look after it (the months after January
    are computed once, then remembered)."""
    beginn = uhr.process_time()
    lauf.offene_korrekturen(db)
    ohne = uhr.process_time() - beginn
    with db.arbeitseinheit() as sitzung:
        gesehen: set[int] = set()
        for zeile in sitzung.scalars(select(SchichtZeile).order_by(SchichtZeile.beginn)):
            if zeile.assistenzkraft_id not in gesehen and zeile.ist_ende is not None:
                gesehen.add(zeile.assistenzkraft_id)
                zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)
    beginn = uhr.process_time()
    korrekturen = lauf.offene_korrekturen(db)
    erster = uhr.process_time() - beginn
    beginn = uhr.process_time()
    lauf.offene_korrekturen(db)
    return len(korrekturen), ohne, erster, uhr.process_time() - beginn


if __name__ == "__main__":
    main()
