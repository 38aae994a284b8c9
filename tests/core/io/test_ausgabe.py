"""Issue 14, point 9: exports never write onto the database or an input, ask before replacing, leave no half file."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from core.cli import main
from core.fehler import EingabeFehler
from core.io.ausgabe import ZielVorhanden, ausgabedatei, pruefe_ziel, schreibe_text
from core.persistence.datenbank import Datenbank
from core.stammdaten import start

DATEN = Path(__file__).resolve().parents[2] / "data"
KALKULATION_2016 = DATEN / "kalkulation" / "forsea-kalkulation-2016.xlsx"


def _eine_zeile(fehler: str) -> str:
    assert fehler.count("\n") == 1 and "Traceback" not in fehler, fehler
    return fehler


@pytest.fixture
def haushalt(tmp_path: Path) -> Path:
    """A household file named like a workbook (the finding: --ausgabe haushalt.xlsx --db haushalt.xlsx)."""
    pfad = tmp_path / "haushalt.xlsx"
    start.oeffne(pfad).schliessen()
    return pfad


def test_export_schreibt_nie_auf_die_datenbank(haushalt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vorher = haushalt.read_bytes()
    for extra in ([], ["--ueberschreiben"]):
        code = main(["export", "dienstplan", "--db", str(haushalt), "--monat", "2026-03", "--ausgabe", str(haushalt),
                     *extra])  # fmt: skip
        assert code == 2
        assert "Datenbank" in _eine_zeile(capsys.readouterr().err)
    assert haushalt.read_bytes() == vorher
    with Datenbank.oeffnen_zum_lesen(haushalt):  # still a readable household
        pass


def test_export_ueberschreibt_keine_andere_datenbank(
    haushalt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    andere = tmp_path / "nachbar.pdf"  # another household, whatever its name
    start.oeffne(andere).schliessen()
    vorher = andere.read_bytes()
    code = main(["export", "dienstplan", "--db", str(haushalt), "--monat", "2026-03", "--ausgabe", str(andere),
                 "--ueberschreiben"])  # fmt: skip
    assert code == 2 and "keine Datenbank" in _eine_zeile(capsys.readouterr().err)
    assert andere.read_bytes() == vorher


def test_kalkulation_export_schreibt_nie_auf_die_quelle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quelle = tmp_path / "alt.xlsx"
    shutil.copyfile(KALKULATION_2016, quelle)
    vorher = quelle.read_bytes()
    for extra in ([], ["--ueberschreiben"]):
        code = main(["kalkulation", "export", "--aus-datei", str(quelle), "--ausgabe", str(quelle), *extra])
        assert code == 2
        assert "aus der gelesen wird" in _eine_zeile(capsys.readouterr().err)
    assert quelle.read_bytes() == vorher


def test_vorhandene_datei_nur_mit_ueberschreiben(
    haushalt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ziel = tmp_path / "plan.pdf"
    ziel.write_bytes(b"alter Inhalt")
    befehl = ["export", "dienstplan", "--db", str(haushalt), "--monat", "2026-03", "--ausgabe", str(ziel)]
    assert main(befehl) == 2
    meldung = _eine_zeile(capsys.readouterr().err)
    assert "gibt es schon" in meldung and "--ueberschreiben" in meldung
    assert ziel.read_bytes() == b"alter Inhalt"
    assert main([*befehl, "--ueberschreiben"]) == 0
    capsys.readouterr()
    assert ziel.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "befehl",
    [
        ["personalbogen", "--ausgabe", "{ziel}.pdf"],
        ["kalkulation", "export", "--aus-datei", str(KALKULATION_2016), "--ausgabe", "{ziel}.xlsx"],
        ["kalkulation", "export", "--aus-datei", str(KALKULATION_2016), "--ausgabe", "{ziel}.pdf"],
        ["export", "stundenzettel", "--monat", "2026-03", "--ausgabe", "{ziel}.xlsx"],
    ],
    ids=["personalbogen", "kalkulation-xlsx", "kalkulation-pdf", "stundenzettel-xlsx"],
)
def test_jeder_export_fragt_vor_dem_ersetzen(
    haushalt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], befehl: list[str]
) -> None:
    argumente = [a.replace("{ziel}", str(tmp_path / "ziel")) for a in befehl] + ["--db", str(haushalt)]
    ziel = Path(next(a for a in argumente if a.startswith(str(tmp_path / "ziel"))))
    ziel.write_bytes(b"alt")
    assert main(argumente) == 2
    assert "gibt es schon" in _eine_zeile(capsys.readouterr().err)
    assert ziel.read_bytes() == b"alt"
    assert main([*argumente, "--ueberschreiben"]) == 0
    capsys.readouterr()
    assert ziel.read_bytes() != b"alt"


def test_fehler_beim_schreiben_laesst_keine_halbe_datei(tmp_path: Path) -> None:
    ziel = tmp_path / "bericht.pdf"
    ziel.write_bytes(b"die alte, vollstaendige Datei")
    with pytest.raises(RuntimeError), ausgabedatei(ziel, ueberschreiben=True) as teil:
        teil.write_bytes(b"%PDF-1.4 halb")
        raise RuntimeError("Absturz mitten im Schreiben")
    assert ziel.read_bytes() == b"die alte, vollstaendige Datei"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.pdf"]


def test_neue_datei_erst_sichtbar_wenn_fertig(tmp_path: Path) -> None:
    ziel = tmp_path / "auskunft.json"
    with ausgabedatei(ziel) as teil:
        teil.write_text("{}", encoding="utf-8")
        assert not ziel.exists() and teil.parent == ziel.parent
    assert ziel.read_text(encoding="utf-8") == "{}"


def test_offene_datenbank_und_ihre_begleiter_sind_tabu(tmp_path: Path) -> None:
    with Datenbank.oeffnen(tmp_path / "h.sqlite") as db:
        for name in ("h.sqlite", "h.sqlite-wal", "h.sqlite-shm", "h.sqlite.lock"):
            with pytest.raises(EingabeFehler, match="niemals dorthin"):
                pruefe_ziel(tmp_path / name, ueberschreiben=True)
        (tmp_path / "h-sicherungen").mkdir(exist_ok=True)
        with pytest.raises(EingabeFehler, match="Sicherungen"):
            pruefe_ziel(tmp_path / "h-sicherungen" / "x.pdf", ueberschreiben=True)
        assert db.pfad.exists()
    with pytest.raises(ZielVorhanden):
        schreibe_text(tmp_path / "h.sqlite.lock", "x")  # closed: only the usual existing-file rule is left


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_exporte_nur_fuer_die_eigentuemerin_lesbar(tmp_path: Path) -> None:
    alt = os.umask(0o022)
    try:
        ziel = schreibe_text(tmp_path / "auskunft.json", "{}")
    finally:
        os.umask(alt)
    assert stat.S_IMODE(ziel.stat().st_mode) == 0o600
