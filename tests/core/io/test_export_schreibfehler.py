"""A target the system refuses (no permission, disk full, file open in Excel): exit code 2, one German line."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import core.io.dienstplan_pdf
import core.io.dienstplan_xlsx
from core.cli import main
from core.dienstplan.dienst import monat_oeffnen
from core.fehler import dateigrund
from core.stammdaten import start


@pytest.mark.parametrize(
    ("nummer", "grund"),
    [
        (errno.EACCES, "keine Berechtigung"),
        (errno.EROFS, "der Datenträger ist schreibgeschützt"),
        (errno.ENOSPC, "die Festplatte ist voll, kein freier Speicherplatz mehr"),
        (errno.ENOENT, "Datei oder Ordner nicht gefunden"),
    ],
)
def test_dateigrund_auf_deutsch(nummer: int, grund: str) -> None:
    assert dateigrund(OSError(nummer, "english text")) == grund


@pytest.mark.parametrize(
    ("art", "endung", "modul", "name"),
    [
        ("dienstplan", ".pdf", core.io.dienstplan_pdf, "dienstplan_pdf"),
        ("stundenzettel", ".xlsx", core.io.dienstplan_xlsx, "stundenzettel_xlsx"),
    ],
)
def test_export_ohne_schreibrecht(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    art: str,
    endung: str,
    modul,
    name,
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    db = start.oeffne(pfad)
    monat_oeffnen(db, 2026, 3)  # as the program window does: the Dienstplan's defaults exist
    db.schliessen()

    def verweigert(*_a: object, **_k: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / f"x{endung}"))

    monkeypatch.setattr(modul, name, verweigert)
    code = main(["export", art, "--db", str(pfad), "--monat", "2026-03", "--ausgabe", str(tmp_path / f"x{endung}")])
    fehler = capsys.readouterr().err
    assert code == 2
    assert fehler.strip().count("\n") == 0
    assert "kann nicht geschrieben werden (keine Berechtigung)" in fehler and "anderen Ordner" in fehler
    assert "Permission denied" not in fehler and "Traceback" not in fehler
