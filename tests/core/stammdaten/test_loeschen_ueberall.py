"""Issue 14, point 6 (Art. 17 DSGVO): erasing an applicant reaches the database's free pages, its WAL, every backup
and the files a restore put aside; the report says what was done and where her name is still written."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from core.cli import main
from core.persistence.datenbank import Datenbank, stelle_wieder_her
from core.persistence.sicherung import sicherungen, sicherungsordner
from core.stammdaten import arbeitgeber, assistenzkraefte, start
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, KindDaten, WeitereBeschaeftigungDaten

GEHEIM = b"Geheimnis4711"  # in her note: must not be found in any byte of any file afterwards


def _haushalt(pfad: Path) -> None:
    with start.oeffne(pfad) as db:
        arbeitgeber.speichere_arbeitgeber(db, arbeitgeber.ArbeitgeberDaten(nachname="Beispiel", bundesland="BW"))
        assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="Anna", nachname="Adler",
                                                  notiz="Vertretung für Berta Bauer klären"))  # fmt: skip
        assistenzkraefte.speichere_assistenzkraft(
            db,
            AssistenzkraftDaten(
                vorname="Berta",
                nachname="Bauer",
                iban="DE02120300000000202051",
                notiz=f"{GEHEIM.decode()} – Gesundheitsangaben",
                kinder=[KindDaten("Kimberly", date(2019, 1, 1))],
                weitere_beschaeftigungen=[WeitereBeschaeftigungDaten(arbeitgeber_name="Café Sonne")],
            ),
        )


def _enthaelt(pfad: Path) -> bool:
    return any(d.exists() and GEHEIM in d.read_bytes() for d in (pfad, pfad.with_name(pfad.name + "-wal")))


def test_loeschen_erreicht_datei_sicherungen_und_beiseitegelegtes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    for _ in range(3):
        start.oeffne(pfad).schliessen()  # three starts: three backups with her
    beiseite = stelle_wieder_her(pfad)  # a restore puts the old file aside: it holds her too
    assert beiseite is not None
    kaputt = sicherungsordner(pfad) / f"{pfad.stem}-20200101-000000-000000.sqlite"
    kaputt.write_bytes(b"keine Datenbank, aber vielleicht ihre Daten " + GEHEIM)
    kopien = [s.pfad for s in sicherungen(pfad)]
    assert len(kopien) == 4 and all(_enthaelt(k) for k in kopien) and _enthaelt(beiseite) and _enthaelt(pfad)

    assert main(["loeschen", "Berta Bauer", "--ja", "--db", str(pfad)]) == 0
    bericht = capsys.readouterr().out

    for datei in [pfad, beiseite, *[s.pfad for s in sicherungen(pfad)]]:
        assert not _enthaelt(datei), datei  # not in a row, not in a free page, not in the WAL
    assert not kaputt.exists()  # could not be rewritten: removed
    assert len(sicherungen(pfad)) == 4  # the three and the one `loeschen` took itself, each rewritten
    for s in sicherungen(pfad):
        verbindung = sqlite3.connect(f"file:{s.pfad}?mode=ro", uri=True)
        try:
            assert verbindung.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert verbindung.execute("SELECT vorname FROM assistenzkraft").fetchall() == [("Anna",)]
            assert verbindung.execute("SELECT count(*) FROM kind").fetchone()[0] == 0
        finally:
            verbindung.close()
    with Datenbank.oeffnen(pfad) as db:
        assert [z.name for z in assistenzkraefte.liste_assistenzkraefte(db)] == ["Anna Adler"]
    assert "Die Daten von Berta Bauer wurden gelöscht" in bericht
    assert "Personalbogen 1" in bericht and "Kinder 1" in bericht and "weitere Beschäftigungen 1" in bericht
    assert "5 ohne sie neu geschrieben, 1 entfernt" in bericht  # four backups and the file put aside
    assert "Personalbogen, Feld notiz (1)" in bericht  # Anna's note still names her: the user is told


def test_gesperrte_aufbewahrung_loescht_nichts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    with start.oeffne(pfad) as db:
        berta = assistenzkraefte.finde_assistenzkraft(db, "Berta Bauer")
        assistenzkraefte.setze_status(db, berta.id or 0, "beschaeftigt")
    vorher = {s.pfad.name: s.pfad.read_bytes() for s in sicherungen(pfad)}
    assert main(["loeschen", "Berta Bauer", "--ja", "--db", str(pfad)]) == 2
    assert "aufbewahren" in capsys.readouterr().err
    assert all(_enthaelt(sicherungsordner(pfad) / name) for name in vorher)
    shutil.rmtree(tmp_path)
