"""Issue 14, points 2–4 and 7: locked is not damaged; backups verified, never counted when failed, kept in generations,
never rotated by a refused start; restore keeps the WAL with its file; everything owner-only; a killed `demo`."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

import core.demo as demo_modul
from core.cli import main
from core.fehler import DatenbankFehler
from core.persistence import datenbank as datenbank_modul
from core.persistence import sicherung as sicherung_modul
from core.persistence.datenbank import (
    Datenbank,
    DatenbankBeschaedigt,
    DatenbankGesperrt,
    DatenbankZuNeu,
    stelle_wieder_her,
)
from core.persistence.modelle import Arbeitgeber
from core.persistence.sicherung import Aufbewahrung, raeume_auf, sicherungen, sicherungsordner
from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber
from tests.core.persistence.test_datenbank import _namen


def _haushalt(pfad: Path, *namen: str) -> None:
    with Datenbank.oeffnen(pfad) as db, db.arbeitseinheit() as sitzung:
        for name in namen:
            sitzung.add(Arbeitgeber(nachname=name, bundesland="BW"))


def _zeile(verbindung: sqlite3.Connection, tabelle: str, **werte: object) -> None:
    """A raw INSERT (as another program would do it) with a plain value for every other NOT NULL column."""
    leer = {"INT": 0, "BOO": 0, "BIG": 0, "DAT": "2026-01-01 00:00:00.000000"}
    for _nr, name, typ, pflicht, _vorgabe, schluessel in verbindung.execute(f"PRAGMA table_info({tabelle})"):
        if pflicht and not schluessel and name not in werte:
            werte[name] = leer.get(str(typ)[:3].upper(), "")
    spalten = ", ".join(werte)
    verbindung.execute(
        f"INSERT INTO {tabelle} ({spalten}) VALUES ({', '.join('?' * len(werte))})", list(werte.values())
    )


def _dateien(ordner: Path) -> list[str]:
    return sorted(p.name for p in ordner.iterdir()) if ordner.is_dir() else []


# --- 2. locked is not damaged --------------------------------------------------------------------------------------


def test_gesperrte_datei_ist_in_benutzung_nicht_beschaedigt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Vorher")
    _haushalt(pfad)  # a backup exists: the old code offered to restore it
    vorher = _dateien(sicherungsordner(pfad))
    monkeypatch.setattr("core.persistence.verbindung.WARTEN_SEKUNDEN", 0)
    fremd = sqlite3.connect(pfad, isolation_level=None)  # another program holds SQLite's exclusive lock
    fremd.execute("PRAGMA locking_mode=EXCLUSIVE")
    fremd.execute("BEGIN EXCLUSIVE")
    _zeile(fremd, "arbeitgeber", nachname="Fremd", bundesland="BW")
    try:
        with pytest.raises(DatenbankGesperrt) as info:
            Datenbank.oeffnen(pfad)
        assert not isinstance(info.value, DatenbankBeschaedigt)
        assert "anderen Programm benutzt" in str(info.value) and "beschädigt" not in str(info.value)
        with pytest.raises(DatenbankGesperrt):
            Datenbank.oeffnen_zum_lesen(pfad)
    finally:
        fremd.execute("ROLLBACK")
        fremd.close()
    assert _dateien(sicherungsordner(pfad)) == vorher  # no backup taken, none removed
    assert _namen(pfad) == ["Vorher"]


# --- 3. failed backups ---------------------------------------------------------------------------------------------


def test_gescheiterte_sicherung_hinterlaesst_nichts_und_zaehlt_nicht(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Gut")
    _haushalt(pfad)
    gute = sicherungen(pfad)
    assert len(gute) == 1
    echte_kopie = sicherung_modul.kopiere_datenbank

    def platte_voll(quelle: Path, ziel: Path, kennwort: str | None) -> None:
        echte_kopie(quelle, ziel, kennwort)
        ziel.write_bytes(b"")  # what a full disk leaves
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sicherung_modul, "kopiere_datenbank", platte_voll)
    for _ in range(12):  # twelve starts on a full disk
        with pytest.raises(DatenbankFehler, match="Festplatte ist voll"):
            Datenbank.oeffnen(pfad)
    assert sicherungen(pfad) == gute  # nothing new counts, nothing good was pushed out
    assert _dateien(sicherungsordner(pfad)) == [gute[0].pfad.name]  # no half or empty file left


def test_leere_sicherung_alter_versionen_wird_nie_zurueckgespielt(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Gerettet")
    _haushalt(pfad)
    leer = sicherungsordner(pfad) / f"haushalt-{datetime.now() + timedelta(hours=1):%Y%m%d-%H%M%S-%f}.sqlite"
    leer.write_bytes(b"")  # a 0-byte "backup" as older versions left them on a full disk
    assert all(s.groesse_bytes > 0 for s in sicherungen(pfad))
    stelle_wieder_her(pfad)
    assert _namen(pfad) == ["Gerettet"]


def test_sicherung_ist_geprueft_und_ohne_wal(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Eins")
    with Datenbank.oeffnen(pfad) as db:
        assert db.letzte_sicherung is not None
        kopie = db.letzte_sicherung.pfad
    verbindung = sqlite3.connect(f"file:{kopie}?mode=ro", uri=True)
    try:
        assert verbindung.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert verbindung.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        verbindung.close()
    assert _dateien(kopie.parent) == [kopie.name]  # no -wal / -shm beside it, nothing unfinished


# --- 4. verify first, rotate only after a successful open --------------------------------------------------------


def test_abgewiesene_starts_raeumen_keine_sicherungen_weg(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    for nummer in range(4):
        _haushalt(pfad, f"Start{nummer}")
    vorher = sicherungen(pfad)
    assert len(vorher) == 3
    verbindung = sqlite3.connect(pfad)
    verbindung.execute("UPDATE alembic_version SET version_num = 'zukunft123'")
    verbindung.commit()
    verbindung.close()
    for _ in range(10):
        with pytest.raises(DatenbankZuNeu):
            Datenbank.oeffnen(pfad, sicherungen_behalten=1)
    assert sicherungen(pfad) == vorher


def _zerstoere_index(pfad: Path) -> None:
    """An index that misses rows: quick_check passes, integrity_check does not (the finding's damage)."""
    verbindung = sqlite3.connect(pfad)
    name, tabelle, seite, sql = verbindung.execute(
        "SELECT name, tbl_name, rootpage, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        "AND tbl_name='unfallversicherungstraeger'"
    ).fetchone()
    verbindung.execute("PRAGMA writable_schema=ON")
    verbindung.execute("DELETE FROM sqlite_master WHERE name=?", (name,))
    verbindung.commit()
    verbindung.close()
    verbindung = sqlite3.connect(pfad)  # new connection: the index is unknown, inserts do not maintain it
    for nummer in range(20):
        _zeile(verbindung, "unfallversicherungstraeger", name=f"Kasse {nummer}", bundesland="BY")
    verbindung.execute("PRAGMA writable_schema=ON")
    verbindung.execute("INSERT INTO sqlite_master VALUES ('index', ?, ?, ?, ?)", (name, tabelle, seite, sql))
    verbindung.commit()
    verbindung.close()


def test_beschaedigter_index_wird_erkannt_und_nicht_gesichert(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Gut")
    _haushalt(pfad)
    vorher = sicherungen(pfad)
    _zerstoere_index(pfad)
    verbindung = sqlite3.connect(pfad)
    assert verbindung.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert verbindung.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    verbindung.close()
    for _ in range(10):
        with pytest.raises(DatenbankBeschaedigt) as info:
            Datenbank.oeffnen(pfad, sicherungen_behalten=1)
        assert info.value.sicherungen == vorher
    assert sicherungen(pfad) == vorher  # the last known-good backup is still there, no copy of the damage


# --- generations ---------------------------------------------------------------------------------------------------


def _lege_sicherungen_an(pfad: Path, zeitpunkte: list[datetime]) -> None:
    ordner = sicherungsordner(pfad)
    ordner.mkdir(exist_ok=True)
    for zeitpunkt in zeitpunkte:
        (ordner / f"{pfad.stem}-{zeitpunkt:%Y%m%d-%H%M%S-%f}.sqlite").write_bytes(b"x")


def test_generationen_taeglich_woechentlich_monatlich(tmp_path: Path) -> None:
    """Worked by hand: one backup a day at 09:00 for 400 days up to Wed 2026-12-02, plus ten starts that day."""
    pfad = tmp_path / "haushalt.sqlite"
    heute = datetime(2026, 12, 2, 9, 0)
    taeglich = [heute - timedelta(days=n) for n in range(400)]
    starts = [heute.replace(hour=10) + timedelta(minutes=m) for m in range(10)]
    _lege_sicherungen_an(pfad, taeglich + starts)
    raeume_auf(pfad, Aufbewahrung(neueste=10, tage=7, wochen=5, monate=12))
    behalten = {s.zeitpunkt for s in sicherungen(pfad)}
    erwartet = set(starts)  # the ten newest (all today)
    erwartet |= {heute - timedelta(days=n) for n in range(1, 7)}  # days 2..7: 01.12. back to 26.11. (today: a start)
    # weeks: this week (a start), then the newest of each earlier week: the Sundays 29.11., 22.11., 15.11., 08.11.
    erwartet |= {datetime(2026, 11, d, 9, 0) for d in (29, 22, 15, 8)}
    # months: this one (a start), then the last day of the eleven months before
    erwartet |= {datetime(2026, 11, 30, 9, 0), datetime(2026, 10, 31, 9, 0), datetime(2026, 9, 30, 9, 0)}
    erwartet |= {datetime(2026, 8, 31, 9, 0), datetime(2026, 7, 31, 9, 0), datetime(2026, 6, 30, 9, 0)}
    erwartet |= {datetime(2026, 5, 31, 9, 0), datetime(2026, 4, 30, 9, 0), datetime(2026, 3, 31, 9, 0)}
    erwartet |= {datetime(2026, 2, 28, 9, 0), datetime(2026, 1, 31, 9, 0)}
    assert behalten == erwartet


def test_viele_starts_am_selben_tag_verdraengen_die_alten_tage_nicht(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    gestern = datetime(2026, 12, 1, 9, 0)
    _lege_sicherungen_an(pfad, [gestern, *[datetime(2026, 12, 2, 8, m) for m in range(30)]])
    raeume_auf(pfad, Aufbewahrung(neueste=10))
    assert gestern in {s.zeitpunkt for s in sicherungen(pfad)}
    assert len(sicherungen(pfad)) == 11


# --- restore -------------------------------------------------------------------------------------------------------


def test_zurueckspielen_laesst_keine_verwaisten_wal_dateien(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Sicherung")
    _haushalt(pfad)  # the backup holds "Sicherung"
    # a program that died with changes still in the WAL (the -wal and -shm beside the file)
    schreiber = subprocess.run(
        [sys.executable, "-c",
         "import os, sqlite3, sys\n"
         "v = sqlite3.connect(sys.argv[1]); v.execute('PRAGMA wal_autocheckpoint=0')\n"
         "v.execute(\"INSERT INTO einstellung (schluessel, wert) VALUES ('NurImWal', 'x')\"); v.commit()\n"
         "os._exit(0)",
         str(pfad)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert schreiber.returncode == 0, schreiber.stderr
    assert pfad.with_name(pfad.name + "-wal").stat().st_size > 0
    beiseite = stelle_wieder_her(pfad)
    assert beiseite is not None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("haushalt.sqlite")) == sorted(
        ["haushalt.sqlite", "haushalt.sqlite.lock", beiseite.name, beiseite.name + "-wal", beiseite.name + "-shm"]
    )  # the old WAL travels with the old file under a name SQLite pairs with it
    alt = sqlite3.connect(beiseite)  # nothing of the replaced state is lost
    assert alt.execute("SELECT wert FROM einstellung WHERE schluessel = 'NurImWal'").fetchone() == ("x",)
    alt.close()
    assert _namen(pfad) == ["Sicherung"]
    with Datenbank.oeffnen(pfad) as db, db.arbeitseinheit() as sitzung:
        assert [a.nachname for a in sitzung.scalars(select(Arbeitgeber))] == ["Sicherung"]


# --- 7. owner-only -------------------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_datenbank_sicherungen_und_sperre_nur_fuer_die_eigentuemerin(tmp_path: Path) -> None:
    alt = os.umask(0o022)
    try:
        pfad = tmp_path / "neu" / "haushalt.sqlite"
        _haushalt(pfad, "Eins")
        with Datenbank.oeffnen(pfad):
            modi = {p.name: stat.S_IMODE(p.stat().st_mode) for p in pfad.parent.iterdir()}
            ordner = sicherungsordner(pfad)
            assert stat.S_IMODE(ordner.stat().st_mode) == 0o700
            assert {stat.S_IMODE(p.stat().st_mode) for p in ordner.iterdir()} == {0o600}
    finally:
        os.umask(alt)
    assert modi["haushalt.sqlite"] == 0o600 and modi["haushalt.sqlite-wal"] == 0o600
    assert modi["haushalt.sqlite-shm"] == 0o600 and modi["haushalt.sqlite.lock"] == 0o600
    assert stat.S_IMODE(pfad.parent.stat().st_mode) == 0o700  # a folder the program made


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_alte_datei_mit_umask_rechten_wird_beim_oeffnen_eingeschraenkt(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad, "Eins")
    pfad.chmod(0o644)
    Datenbank.oeffnen(pfad).schliessen()
    assert stat.S_IMODE(pfad.stat().st_mode) == 0o600


# --- 10. a killed demo ---------------------------------------------------------------------------------------------


def _demo_mit_kill_9(ziel: Path) -> int:
    """`assistenzbuero demo --db ZIEL` in a child process killed with kill -9 in the middle of building the
    household; returns the child's wait status. The child is forked from the test process (its modules are already
    imported and it gets the test's migrated schema), so it costs no new interpreter and no Alembic run; it never
    returns into pytest."""
    kind = os.fork()
    if kind == 0:  # pragma: no cover - the child
        try:

            def halb(db: Datenbank, pfad: Path, heute: object) -> None:
                speichere_arbeitgeber(db, ArbeitgeberDaten(nachname="Halb", bundesland="BW"))
                os.kill(os.getpid(), signal.SIGKILL)  # kill -9 in the middle of building the household

            demo_modul._fuelle = halb  # type: ignore[assignment]
            main(["demo", "--db", str(ziel)])
        finally:
            os._exit(3)  # not killed: the wait status says so
    return os.waitpid(kind, 0)[1]


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_abgebrochenes_demo_blockiert_den_pfad_nicht(tmp_path: Path) -> None:
    ziel = tmp_path / "beispiel.sqlite"
    status = _demo_mit_kill_9(ziel)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert not ziel.exists()
    start = time.monotonic()
    demo = demo_modul.lege_demo_an(ziel, heute=datetime(2026, 12, 2).date())
    assert demo.pfad == ziel and ziel.exists() and time.monotonic() - start < 120
    assert not any(p.name.startswith(".beispiel.sqlite.neu") for p in tmp_path.iterdir())  # the killed try: gone


def test_sperre_anderer_programme_wird_nicht_als_schaden_gemeldet_im_modul(monkeypatch: pytest.MonkeyPatch) -> None:
    """The classification itself: SQLite's "locked"/"busy" is a lock; "malformed" stays damage."""
    assert datenbank_modul._ist_sperre(sqlite3.OperationalError("database is locked"))
    assert datenbank_modul._ist_sperre(sqlite3.OperationalError("database table is locked"))
    assert not datenbank_modul._ist_sperre(sqlite3.DatabaseError("database disk image is malformed"))
