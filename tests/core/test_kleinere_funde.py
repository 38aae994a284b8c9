"""Issue 14, point 10: the smaller findings, each tried as a user meets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.cli import main
from core.stammdaten import assistenzkraefte, start
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

DATEN = Path(__file__).resolve().parents[1] / "data"


def test_name_mit_komma_wird_gefunden(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with start.oeffne(pfad) as db:
        assistenzkraefte.speichere_assistenzkraft(
            db, AssistenzkraftDaten(vorname="Anna Maria", nachname="Muster, jun.")
        )
    for nr, gesucht in enumerate(["Anna Maria Muster, jun.", "Muster, jun., Anna Maria", "muster, jun. anna maria"]):
        ziel = tmp_path / f"p{nr}.pdf"
        assert main(["personalbogen", "--db", str(pfad), "--assistenzkraft", gesucht, "--ausgabe", str(ziel)]) == 0
        assert main(["auskunft", gesucht, "--db", str(pfad), "--ausgabe", str(tmp_path / f"auskunft{nr}")]) == 0
        assert ziel.stat().st_size > 0
        assert any(p.suffix == ".json" for p in (tmp_path / f"auskunft{nr}").iterdir())
    capsys.readouterr()


def test_geburtsdatum_nach_dem_abrechnungsmonat_wird_abgewiesen(capsys: pytest.CaptureFixture[str]) -> None:
    datei = DATEN / "feindlich" / "szenarien" / "geburt_in_der_zukunft.json"
    assert main(["berechnen", str(datei)]) == 2
    fehler = capsys.readouterr().err
    assert "geburtsdatum" in fehler and "20.05.2030 liegt nach dem Abrechnungsmonat" in fehler
