"""The change of year in the payroll (issue 12): a month whose Kasse has no confirmed rates for its year says so and
cannot be finalised until the user confirms them — in the run (`kassen_zu_pruefen`, a blocking Hinweis) and on the
command line (`abrechnung`, `abrechnung abschliessen`, `abrechnung kassen-bestaetigen`).

The demo household of July 2026 (Kasse BARMER with rates for 2025 and 2026); 2026's rates are taken away, as in a
January before the Kasse's new rates were entered.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.abrechnung import lauf
from core.demo import DEMO_KASSE
from core.jahreswechsel import kassen as kassen_dienst
from core.persistence.datenbank import Datenbank
from core.stammdaten.krankenkassen import BITTE_PRUEFEN, liste_krankenkassen, speichere_krankenkasse
from tests.core.demo_vorlage import demo_haushalt
from tests.kommandozeile import rufe

JAHR, MONAT = 2026, 7


@pytest.fixture
def haushalt(tmp_path: Path) -> Iterator[tuple[Path, Datenbank]]:
    pfad = demo_haushalt(tmp_path / "demo.sqlite", heute=date(JAHR, MONAT, 15)).pfad
    db = Datenbank.oeffnen(pfad)
    kasse = next(k for k in liste_krankenkassen(db) if k.name == DEMO_KASSE)
    kasse.jahre = [j for j in kasse.jahre if j.jahr != JAHR]  # 2026's rates not entered yet
    speichere_krankenkasse(db, kasse)
    yield pfad, db
    db.schliessen()


def _codes(db: Datenbank) -> list[set[str]]:
    return [{h.code for h in z.sperrend} for z in lauf.abrechnung(db, JAHR, MONAT).zeilen]


def test_ohne_saetze_des_jahres_wird_vorlaeufig_gerechnet_und_der_abschluss_gesperrt(
    haushalt: tuple[Path, Datenbank],
) -> None:
    _pfad, db = haushalt
    (pruefung,) = lauf.kassen_zu_pruefen(db, JAHR, MONAT)
    assert (pruefung.name, pruefung.jahr, pruefung.von_jahr) == (DEMO_KASSE, 2026, 2025)
    assert pruefung.zusatzbeitrag_prozent == Decimal("3.29")  # 2025's, carried
    assert "noch keine Sätze eingetragen" in pruefung.text and "denen von 2025" in pruefung.text
    m = lauf.abrechnung(db, JAHR, MONAT)
    assert all(z.ergebnis is not None for z in m.zeilen)  # the draft computes
    barmer = [z for z in m.zeilen if z.ergebnis is not None and z.ergebnis.einzugsstelle == DEMO_KASSE]
    assert barmer and all(lauf.KASSE_BITTE_PRUEFEN in {h.code for h in z.sperrend} for z in barmer)
    hindernis = lauf.abschluss_hindernis(db, JAHR, MONAT)
    assert hindernis is not None and "BARMER" in hindernis and "nicht abgeschlossen werden" in hindernis

    # the Jahreswechsel carries last year's rates forward, marked „bitte prüfen“: still blocked, now as such
    kassen_dienst.bereite_jahr_vor(db, JAHR)
    (pruefung,) = lauf.kassen_zu_pruefen(db, JAHR, MONAT)
    assert pruefung.von_jahr is None and "noch nicht bestätigt" in pruefung.text
    assert lauf.abschluss_hindernis(db, JAHR, MONAT) is not None

    # confirmed: nothing to check, the month can be finalised
    (stand,) = kassen_dienst.bestaetige_jahr(db, JAHR, am=date(2026, 7, 31))
    assert stand.stand == kassen_dienst.BESTAETIGT and "bestätigt am 31.07.2026" in stand.quelle
    assert lauf.kassen_zu_pruefen(db, JAHR, MONAT) == []
    assert all(lauf.KASSE_BITTE_PRUEFEN not in c for c in _codes(db))
    assert lauf.abschluss_hindernis(db, JAHR, MONAT) is None


def test_kommandozeile_sagt_es_und_bestaetigt(haushalt: tuple[Path, Datenbank]) -> None:
    pfad, db = haushalt
    db.schliessen()
    anzeige = rufe("abrechnung", "--db", str(pfad), "--monat", "2026-07")
    assert anzeige.returncode == 0, anzeige.stderr
    achtung = [z for z in anzeige.stdout.splitlines() if z.startswith("Achtung:")]
    assert len(achtung) == 1 and "„BARMER“" in achtung[0] and "kassen-bestaetigen" in achtung[0]

    verweigert = rufe("abrechnung", "abschliessen", "--db", str(pfad), "--monat", "2026-07")
    assert verweigert.returncode == 2 and "BARMER" in verweigert.stderr
    assert len(verweigert.stderr.strip().splitlines()) == 1

    unbekannt = rufe("abrechnung", "kassen-bestaetigen", "--db", str(pfad), "--jahr", "2026", "--kasse", "XYZ")
    assert unbekannt.returncode == 2 and "„XYZ“" in unbekannt.stderr

    bestaetigt = rufe("abrechnung", "kassen-bestaetigen", "--db", str(pfad), "--jahr", "2026", "--kasse", "barmer")
    assert bestaetigt.returncode == 0 and "Bestätigt: „BARMER“ für 2026" in bestaetigt.stdout
    nochmal = rufe("abrechnung", "kassen-bestaetigen", "--db", str(pfad), "--jahr", "2026")
    assert nochmal.returncode == 0 and "nichts zu bestätigen" in nochmal.stdout

    anzeige = rufe("abrechnung", "--db", str(pfad), "--monat", "2026-07")
    assert "Achtung:" not in anzeige.stdout
    fertig = rufe("abrechnung", "abschliessen", "--db", str(pfad), "--monat", "2026-07")
    assert fertig.returncode == 0, fertig.stderr
    with Datenbank.oeffnen(pfad) as db2:
        kasse = next(k for k in liste_krankenkassen(db2) if k.name == DEMO_KASSE)
        jahr = kasse.jahr(JAHR)
        assert jahr is not None and BITTE_PRUEFEN not in jahr.quelle and "aus 2025 übernommen" in jahr.quelle
