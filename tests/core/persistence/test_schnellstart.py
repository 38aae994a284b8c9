"""Opening a file that is already at the program's schema loads no Alembic (a second of start-up time)."""

from __future__ import annotations

import json
import os
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


# Imported only for what the window shows after its first picture (the start page's text and summaries) or for an area,
# dialog or command the user opens: none of them may be loaded before the window is on screen.
_NICHT_VOR_DEM_FENSTER = (
    "alembic",
    "openpyxl",
    "reportlab",
    "holidays",
    "schwifty",
    "python_calamine",
    "pycountry",
    "babel",
    "core.abrechnung.lauf",
    "core.abrechnung.ablage",
    "core.budget",
    "core.erstattung",
    "core.meldungen",
    "core.demo",
    "core.io",
    "core.cli.",
    "desktop.budget",
    "desktop.berichte",
    "desktop.dienstplan",
    "desktop.abrechnung",
    "desktop.erstattungen",
    "desktop.jahreswechsel",
)


def test_hauptfenster_vor_den_schweren_teilen(tmp_path: Path) -> None:
    """The window is painted before the payroll, budget, claims and deadline code (and Babel's locale data) is
    loaded; the start page then fills in its text and summaries (benchmarks/startup.py measures both)."""
    from core.persistence.modelle import Arbeitgeber
    from core.stammdaten.start import oeffne

    pfad = tmp_path / "haushalt.sqlite"
    db = oeffne(pfad)
    with db.arbeitseinheit() as sitzung:  # an employer: no set-up assistant over the window
        sitzung.add(Arbeitgeber(nachname="Muster", bundesland="BW"))
    db.schliessen()
    programm = (
        "import json, os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import core.stammdaten.start\n"  # as desktop.start does: the data layer before Qt
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.app import oeffne_hauptfenster, richte_anwendung_ein\n"
        "from desktop.einstellungen import Einstellungen\n"
        f"schwer = {_NICHT_VOR_DEM_FENSTER!r}\n"
        "geladen = lambda: sorted(m for m in sys.modules if m.startswith(schwer))\n"
        "app = QApplication([])\n"
        f"einstellungen = Einstellungen(QSettings({str(tmp_path / 'e.ini')!r}, QSettings.Format.IniFormat))\n"
        "vorher = []\n"
        "fenster = oeffne_hauptfenster(None, richte_anwendung_ein(app, einstellungen))\n"
        "if fenster.wurde_gemalt:\n"
        "    vorher.append(geladen())\n"
        "fenster.gemalt.connect(lambda: vorher.append(geladen()))\n"
        "seite = fenster.seite('uebersicht')\n"
        "for _ in range(2000):\n"
        "    if getattr(seite, 'nachgeladen', True):\n"
        "        break\n"
        "    QTest.qWait(10)\n"
        "print(json.dumps({'vorher': vorher[0], 'nachher': geladen()}))\n"
    )
    umgebung = {**os.environ, "ASSISTENZBUERO_DB": str(pfad), "XDG_STATE_HOME": str(tmp_path / "zustand")}
    lauf = subprocess.run([sys.executable, "-c", programm], capture_output=True, text=True, env=umgebung)
    assert lauf.returncode == 0, lauf.stderr
    ergebnis = json.loads(lauf.stdout.strip().splitlines()[-1])
    assert ergebnis["vorher"] == []
    # the summaries did come: the budget line and the deadlines are on the page now
    assert {"core.budget.dienst", "desktop.berichte.fristen"} <= set(ergebnis["nachher"])
