"""Opening a file that is already at the program's schema loads no Alembic (a second of start-up time); the window's
side of the fast start is tested in tests/desktop/test_schnellstart_fenster.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.persistence import migration
from core.persistence.datenbank import Datenbank


def test_kopf_aus_den_dateien_wie_alembic() -> None:
    assert migration.kopf_ohne_alembic() == frozenset(migration.kopf_revisionen())


# The modules a fresh interpreter has loaded after each step of the start, in one child for both tests below: the
# window's start (parser, open and seed the file), then opening a file at the program's schema to write and to read.
# Each step only adds modules, so a module loaded where a test forbids it is seen here as in a child of its own.
_START = """
import json, sys
from core.cli import build_parser
from core.stammdaten.start import oeffne
build_parser([])
oeffne(sys.argv[1]).schliessen()
schwer = ('alembic', 'holidays', 'schwifty', 'openpyxl', 'reportlab', 'python_calamine', 'babel', 'pycountry')
nach_dem_start = sorted({m.split('.')[0] for m in sys.modules} & set(schwer))
from core.persistence.datenbank import Datenbank
Datenbank.oeffnen(sys.argv[2]).schliessen()
Datenbank.oeffnen_zum_lesen(sys.argv[2]).schliessen()
alembic = sorted(m for m in sys.modules if m.split('.')[0] == 'alembic')
from core.persistence import datenstand
gesehen = []
echt = datenstand._tabellenstand
datenstand._tabellenstand = lambda sitzung, tabelle: (gesehen.append(tabelle.name), echt(sitzung, tabelle))[1]
db = Datenbank.oeffnen_zum_lesen(sys.argv[1])
try:
    with db.arbeitseinheit() as sitzung:
        datenstand.datenstand(sitzung)
    fehler = ""
except Exception as e:
    fehler = type(e).__name__
db.schliessen()
from core.persistence.modelle_registry import lade_alle_modelle
ohne_stand = sorted(set(lade_alle_modelle().tables) - set(gesehen))
print(json.dumps({"nach_dem_start": nach_dem_start, "alembic": alembic, "stand": [fehler, *ohne_stand]}))
"""


@pytest.fixture(scope="module")
def geladen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    from core.stammdaten.start import oeffne

    ordner = tmp_path_factory.mktemp("schnellstart")
    gestartet, aktuell = ordner / "gestartet.sqlite", ordner / "aktuell.sqlite"
    oeffne(gestartet).schliessen()  # new file: migrated and seeded once
    Datenbank.oeffnen(aktuell).schliessen()  # new file: migrated
    ausgabe = subprocess.run(
        [sys.executable, "-c", _START, str(gestartet), str(aktuell)], capture_output=True, text=True, check=True
    ).stdout
    ergebnis: dict[str, list[str]] = json.loads(ausgabe.strip().splitlines()[-1])
    return ergebnis


def test_aktuelle_datei_oeffnen_ohne_alembic(geladen: dict[str, list[str]]) -> None:
    assert geladen["alembic"] == []


def test_start_laedt_nichts_schweres(geladen: dict[str, list[str]]) -> None:
    """What the window's start does before it shows (parser, open and seed the file) loads none of the big
    libraries that only some actions need (benchmarks/startup.py measures the time)."""
    assert geladen["nach_dem_start"] == []


def test_datenstand_sieht_jede_tabelle_auch_im_frischen_programm(geladen: dict[str, list[str]]) -> None:
    """The fingerprint that keeps the start page's due dates and the budget forecast (`core.persistence.datenstand`)
    covers every table even where the process has not imported every model module (a command, the bundle): it
    failed there (`export fristen`: NoReferencedTableError, bewilligung → kalkulation) and would have missed changes
    to the tables not yet imported."""
    assert geladen["stand"] == [""]
