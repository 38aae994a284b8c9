"""Opening a file that is already at the program's schema loads no Alembic (a second of start-up time); the window's
side of the fast start is tested in tests/desktop/test_schnellstart_fenster.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.persistence import migration
from core.persistence.datenbank import Datenbank


def test_kopf_aus_den_dateien_wie_alembic() -> None:
    assert migration.kopf_ohne_alembic() == frozenset(migration.kopf_revisionen())


def test_aktuelle_datei_oeffnen_ohne_alembic(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    Datenbank.oeffnen(pfad).schliessen()  # new file: migrated with Alembic
    programm = (
        "import sys\n"
        "from core.persistence.datenbank import Datenbank\n"
        f"Datenbank.oeffnen({str(pfad)!r}).schliessen()\n"
        f"Datenbank.oeffnen_zum_lesen({str(pfad)!r}).schliessen()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    ausgabe = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True, check=True).stdout
    assert ausgabe.strip() == "[]"


def test_start_laedt_nichts_schweres(tmp_path: Path) -> None:
    """What the window's start does before it shows (parser, open and seed the file) loads none of the big
    libraries that only some actions need (benchmarks/startup.py measures the time)."""
    from core.stammdaten.start import oeffne

    pfad = tmp_path / "haushalt.sqlite"
    oeffne(pfad).schliessen()  # new file: migrated and seeded once
    programm = (
        "import sys\n"
        "from core.cli import build_parser\n"
        "from core.stammdaten.start import oeffne\n"
        "build_parser([])\n"
        f"oeffne({str(pfad)!r}).schliessen()\n"
        "schwer = ('alembic', 'holidays', 'schwifty', 'openpyxl', 'reportlab', 'python_calamine', 'babel',\n"
        "          'pycountry')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(schwer)))\n"
    )
    ausgabe = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True, check=True).stdout
    assert ausgabe.strip() == "[]"
