"""The U1/U2 claims of a household (core.erstattung.dienst.antraege): twelve finalised months, three assistants
with a sick period every month, listed as the Erstattungen area and `assistenzbuero erstattung` do.

Prints the time of the first listing (claims found and numbered) and of a repeated one, and of the claim sheets of
one month; the goal is well under a second each, so the area can load on the GUI thread.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.dienstplan.modelle import SchichtZeile
from core.erstattung.antragsblatt import antragsblaetter
from core.erstattung.dienst import antraege
from core.persistence.datenbank import Datenbank
from core.stammdaten import start


def _werktage(jahr: int, monat: int) -> list[date]:
    tage = []
    for tag in range(1, 32):
        try:
            d = date(jahr, monat, tag)
        except ValueError:
            break
        if d.weekday() < 5:
            tage.append(d)
    return tage


def _schichten_fuer_das_jahr(db: Datenbank) -> None:
    """A scenario holds one month: January's shifts are repeated on the same days of February to December."""
    with db.arbeitseinheit() as sitzung:
        januar = list(sitzung.scalars(select(SchichtZeile)))
        for monat in range(2, 13):
            for z in januar:
                if z.tag.day > 28:
                    continue
                sitzung.add(
                    SchichtZeile(
                        assistenzkraft_id=z.assistenzkraft_id,
                        tag=z.tag.replace(month=monat),
                        beginn=z.beginn.replace(month=monat),
                        ende=z.ende.replace(month=monat),
                        arbeitsart=z.arbeitsart,
                        ist_beginn=z.ist_beginn.replace(month=monat) if z.ist_beginn else None,
                        ist_ende=z.ist_ende.replace(month=monat) if z.ist_ende else None,
                    )
                )


def main() -> None:
    with tempfile.TemporaryDirectory() as ordner:
        kraefte = []
        for i, (art, lohn) in enumerate((("sv_pflichtig", "16.00"), ("sv_pflichtig", "17.50"), ("minijob", "14.00"))):
            schichten = [
                {"beginn": f"{t}T08:00", "ende": f"{t}T{12 if art == 'minijob' else 16}:00"}
                for t in _werktage(2026, 1)
                if art != "minijob" or t.day % 3 == 0
            ]
            krank = [
                {"art": "krank", "von": f"2026-{m:02d}-{10 + i:02d}", "bis": f"2026-{m:02d}-{12 + i:02d}"}
                for m in range(1, 13)
            ]
            kraefte.append(
                {
                    "id": f"k{i}",
                    "name": f"Kraft {i}",
                    "geburtsdatum": "1990-01-01",
                    "krankenkasse": "AOK BW",
                    "beschaeftigung": art,
                    "stundenlohn": lohn,
                    "eintritt": "2020-01-01",
                    "schichten": schichten,
                    "abwesenheiten": krank,
                }
            )
        szenario = {
            "jahr": 2026,
            "monat": 1,
            "arbeitgeber": {"bundesland": "BW"},
            "krankenkassen": {
                "AOK BW": {"zusatzbeitrag": "2.9", "u1_satz": "2.4", "u1_erstattung": "70", "u2_satz": "0.40"}
            },
            "assistenzkraefte": kraefte,
        }
        datei = Path(ordner) / "szenario.json"
        datei.write_text(json.dumps(szenario), encoding="utf-8")
        lade(datei, Path(ordner) / "h.sqlite")
        db = start.oeffne(Path(ordner) / "h.sqlite")
        try:
            _schichten_fuer_das_jahr(db)
            for monat in range(1, 13):
                lauf.schliesse_ab(db, 2026, monat)
            heute = date(2027, 1, 20)
            anfang = time.perf_counter()
            erste = antraege(db, heute=heute, alle=True)
            mitte = time.perf_counter()
            antraege(db, heute=heute, alle=True)
            ende = time.perf_counter()
            antragsblaetter(db, 2026, 6, heute=heute, schreiben=False)
            blaetter = time.perf_counter()
        finally:
            db.schliessen()
    print(f"{len(erste.antraege)} Anträge aus 12 abgeschlossenen Monaten")
    print(f"erste Liste (Anträge anlegen): {mitte - anfang:.2f} s")
    print(f"erneute Liste:                 {ende - mitte:.2f} s")
    print(f"Antragsblätter eines Monats:   {blaetter - ende:.2f} s")


if __name__ == "__main__":
    main()
