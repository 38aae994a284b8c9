"""Opening the file: WAL/foreign keys, backup before migration, N kept, lock, damage, read-only, unit of work."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from core.fehler import DatenbankFehler
from core.persistence import datenbank as datenbank_modul
from core.persistence import migration
from core.persistence import sicherung as sicherung_modul
from core.persistence.datenbank import (
    Datenbank,
    DatenbankBeschaedigt,
    DatenbankGesperrt,
    DatenbankNurLesbar,
    standard_pfad,
    stelle_wieder_her,
)
from core.persistence.modelle import Arbeitgeber, Assistenzkraft, Vertrag
from core.persistence.sicherung import sicherungen

ROOT = Path(__file__).resolve().parents[3]


def _arbeitgeber_anlegen(db: Datenbank, name: str = "Muster") -> None:
    with db.arbeitseinheit() as sitzung:
        sitzung.add(Arbeitgeber(nachname=name, bundesland="BW"))


def _namen(pfad: Path) -> list[str]:
    verbindung = sqlite3.connect(pfad)
    try:
        return [z[0] for z in verbindung.execute("SELECT nachname FROM arbeitgeber ORDER BY id")]
    finally:
        verbindung.close()


def test_wal_und_fremdschluessel_an(tmp_path: Path) -> None:
    with Datenbank.oeffnen(tmp_path / "a.sqlite") as db, db.arbeitseinheit() as sitzung:
        verbindung = sitzung.connection()
        assert verbindung.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert verbindung.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_fremdschluessel_werden_durchgesetzt(tmp_path: Path) -> None:
    with Datenbank.oeffnen(tmp_path / "a.sqlite") as db:
        with pytest.raises(Exception), db.arbeitseinheit() as sitzung:  # noqa: B017 - any refusal will do
            sitzung.add(
                Vertrag(
                    assistenzkraft_id=999,
                    gueltig_ab=datetime(2026, 1, 1).date(),
                    eintritt=datetime(2026, 1, 1).date(),
                    lohnsatz=Decimal("15.00"),
                )
            )
        with db.arbeitseinheit() as sitzung:
            assert sitzung.scalars(select(Vertrag)).all() == []


def test_standardpfad_folgt_umgebungsvariable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTENZBUERO_DB", str(tmp_path / "aus_umgebung.sqlite"))
    assert standard_pfad() == tmp_path / "aus_umgebung.sqlite"
    with Datenbank.oeffnen() as db:
        assert db.pfad == (tmp_path / "aus_umgebung.sqlite").resolve()


def test_standardpfad_ohne_umgebung_im_benutzerdatenverzeichnis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTENZBUERO_DB", raising=False)
    pfad = standard_pfad()
    assert pfad.name == "assistenzbuero.sqlite"
    assert "Assistenzbuero" in pfad.parts


def test_sicherung_vor_der_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file at an older schema is backed up unchanged before the migration touches it."""
    pfad = tmp_path / "alt.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db, "Vorher")
        with db.engine.begin() as verbindung:
            command.downgrade(migration.alembic_konfiguration(verbindung), "base")
    beobachtet: list[tuple[int, set[str]]] = []
    echte_migration = migration.migriere

    def beobachtende_migration(verbindung):  # type: ignore[no-untyped-def]
        neueste = sicherungen(pfad)[0].pfad
        kopie = sqlite3.connect(neueste)
        tabellen = {z[0] for z in kopie.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        kopie.close()
        beobachtet.append((len(sicherungen(pfad)), tabellen))
        echte_migration(verbindung)

    monkeypatch.setattr(datenbank_modul.migration, "migriere", beobachtende_migration)
    with Datenbank.oeffnen(pfad) as db, db.engine.connect() as verbindung:
        assert migration.aktuelle_revision(verbindung) == migration.kopf_revisionen()[0]
    assert beobachtet, "migriere wurde nicht aufgerufen"
    anzahl, tabellen_in_sicherung = beobachtet[0]
    assert anzahl == 1  # the new file needed none; this one was taken right before the migration
    assert "arbeitgeber" not in tabellen_in_sicherung  # the backup holds the pre-migration (base) state


def test_jeder_start_sichert_und_behaelt_die_letzten_n(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    for nummer in range(6):
        with Datenbank.oeffnen(pfad, sicherungen_behalten=3) as db:
            _arbeitgeber_anlegen(db, f"Start{nummer}")
    vorhanden = sicherungen(pfad)
    assert len(vorhanden) == 3
    # newest backup was taken at the 6th start: it holds starts 0–4, not 5
    assert _namen(vorhanden[0].pfad) == [f"Start{n}" for n in range(5)]
    assert vorhanden[0].zeitpunkt > vorhanden[-1].zeitpunkt


def test_neue_leere_datei_braucht_keine_sicherung(tmp_path: Path) -> None:
    with Datenbank.oeffnen(tmp_path / "neu.sqlite") as db:
        assert db.letzte_sicherung is None


def test_zweite_instanz_im_selben_prozess_wird_abgewiesen(tmp_path: Path) -> None:
    pfad = tmp_path / "a.sqlite"
    with Datenbank.oeffnen(pfad):
        with pytest.raises(DatenbankGesperrt, match="bereits in einem anderen Assistenzbüro-Fenster"):
            Datenbank.oeffnen(pfad)
    Datenbank.oeffnen(pfad).schliessen()  # free again after closing


def test_zweite_instanz_in_anderem_prozess_wird_abgewiesen(tmp_path: Path) -> None:
    pfad = tmp_path / "a.sqlite"
    with Datenbank.oeffnen(pfad):
        ergebnis = subprocess.run(
            [sys.executable, "-m", "core.cli", "--db", str(pfad), "sicherung", "anlegen"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert ergebnis.returncode == 2, ergebnis.stderr
    assert "bereits in einem anderen Assistenzbüro-Fenster geöffnet" in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert len(ergebnis.stderr.strip().splitlines()) == 1


def test_beschaedigte_datei_meldet_sicherungen_und_laesst_sich_wiederherstellen(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db, "Gerettet")
    Datenbank.oeffnen(pfad).schliessen()  # second start: backup containing "Gerettet"
    with pfad.open("r+b") as datei:
        datei.write(b"kaputt" * 20)  # destroys the SQLite header
    with pytest.raises(DatenbankBeschaedigt) as info:
        Datenbank.oeffnen(pfad)
    fehler = info.value
    assert "beschädigt" in str(fehler) and "Sicherung" in str(fehler)
    assert fehler.sicherungen and fehler.sicherungen[0].pfad.exists()
    beiseite = stelle_wieder_her(pfad)
    assert beiseite is not None and beiseite.exists()  # the damaged file is kept, never deleted
    with Datenbank.oeffnen(pfad) as db, db.arbeitseinheit() as sitzung:
        assert [a.nachname for a in sitzung.scalars(select(Arbeitgeber))] == ["Gerettet"]


def test_beschaedigte_datei_ohne_sicherung(tmp_path: Path) -> None:
    pfad = tmp_path / "muell.sqlite"
    pfad.write_bytes(b"das ist keine Datenbank" * 100)
    with pytest.raises(DatenbankBeschaedigt, match="keine Sicherung") as info:
        Datenbank.oeffnen(pfad)
    assert info.value.sicherungen == []
    assert pfad.read_bytes().startswith(b"das ist keine")  # untouched


def test_beschaedigte_datei_meldung_ohne_englischen_sqlite_text(tmp_path: Path) -> None:
    pfad = tmp_path / "muell.sqlite"
    pfad.write_bytes(b"das ist keine Datenbank" * 100)
    with pytest.raises(DatenbankBeschaedigt) as info:
        Datenbank.oeffnen(pfad)
    assert "not a database" not in str(info.value) and "beschädigt" in str(info.value)


def test_sicherung_scheitert_mit_deutschem_grund(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db)

    def voll(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sicherung_modul, "verbinde", voll)
    with pytest.raises(DatenbankFehler) as info:
        sicherung_modul.sichere(pfad)
    assert "kein freier Speicherplatz mehr" in str(info.value)
    assert "No space" not in str(info.value) and "Errno" not in str(info.value)


def test_zurueckspielen_scheitert_mit_deutschem_grund(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db)
    Datenbank.oeffnen(pfad).schliessen()

    def verweigert(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(sicherung_modul.shutil, "copyfile", verweigert)
    with pytest.raises(DatenbankFehler) as info:
        stelle_wieder_her(pfad)
    assert "keine Berechtigung" in str(info.value) and "Permission" not in str(info.value)


def test_beschaedigte_sicherung_wird_nicht_zurueckgespielt(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db)
    kaputt = tmp_path / "kaputt.sqlite"
    kaputt.write_bytes(b"keine Sicherung" * 100)
    with pytest.raises(DatenbankFehler, match="selbst beschädigt") as info:
        stelle_wieder_her(pfad, kaputt)
    assert "not a database" not in str(info.value)


def test_fremde_sqlite_datei_wird_nicht_veraendert(tmp_path: Path) -> None:
    pfad = tmp_path / "fremd.sqlite"
    verbindung = sqlite3.connect(pfad)
    verbindung.execute("CREATE TABLE kunden (id INTEGER)")
    verbindung.commit()
    verbindung.close()
    vorher = pfad.read_bytes()
    with pytest.raises(DatenbankFehler, match="keine von Assistenzbüro"):
        Datenbank.oeffnen(pfad)
    assert pfad.read_bytes() == vorher


def test_schreibgeschuetzte_datei(tmp_path: Path) -> None:
    pfad = tmp_path / "a.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        _arbeitgeber_anlegen(db)
    pfad.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(DatenbankNurLesbar, match="schreibgeschützt"):
            Datenbank.oeffnen(pfad)
    finally:
        pfad.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert _namen(pfad) == ["Muster"]


def test_schreibgeschuetzter_ordner(tmp_path: Path) -> None:
    ordner = tmp_path / "nurlesen"
    ordner.mkdir()
    ordner.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(DatenbankNurLesbar, match="Ordner"):
            Datenbank.oeffnen(ordner / "a.sqlite")
    finally:
        ordner.chmod(stat.S_IRWXU)


def test_zu_neue_datenbank(tmp_path: Path) -> None:
    pfad = tmp_path / "a.sqlite"
    Datenbank.oeffnen(pfad).schliessen()
    verbindung = sqlite3.connect(pfad)
    verbindung.execute("UPDATE alembic_version SET version_num = 'zukunft123'")
    verbindung.commit()
    verbindung.close()
    with pytest.raises(DatenbankFehler, match="neueren Version"):
        Datenbank.oeffnen(pfad)


def test_arbeitseinheit_rollt_bei_fehler_alles_zurueck(tmp_path: Path) -> None:
    with Datenbank.oeffnen(tmp_path / "a.sqlite") as db:
        with pytest.raises(RuntimeError), db.arbeitseinheit() as sitzung:
            sitzung.add(Arbeitgeber(nachname="Halb", bundesland="BW"))
            sitzung.flush()
            sitzung.add(Assistenzkraft(vorname="A", nachname="B"))
            sitzung.flush()
            raise RuntimeError("mitten in der Aktion")
        with db.arbeitseinheit() as sitzung:
            assert sitzung.scalars(select(Arbeitgeber)).all() == []
            assert sitzung.scalars(select(Assistenzkraft)).all() == []


def test_zeitpunkte_kommen_als_utc_zurueck(tmp_path: Path) -> None:
    berlin = timezone(timedelta(hours=2))
    with Datenbank.oeffnen(tmp_path / "a.sqlite") as db:
        with db.arbeitseinheit() as sitzung:
            a = Arbeitgeber(nachname="Zeit", bundesland="BW", erstellt_am=datetime(2026, 7, 1, 12, 0, tzinfo=berlin))
            sitzung.add(a)
        with db.arbeitseinheit() as sitzung:
            zurueck = sitzung.scalars(select(Arbeitgeber)).one().erstellt_am
    assert zurueck == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    assert zurueck.tzinfo is not None


def test_ordner_statt_datei(tmp_path: Path) -> None:
    with pytest.raises(DatenbankFehler, match="Ordner"):
        Datenbank.oeffnen(tmp_path)


def test_keine_sicherung_fuer_fremde_dateien_im_ordner(tmp_path: Path) -> None:
    pfad = tmp_path / "a.sqlite"
    Datenbank.oeffnen(pfad).schliessen()
    Datenbank.oeffnen(pfad).schliessen()
    ordner = sicherungen(pfad)[0].pfad.parent
    (ordner / "a-notiz.sqlite").write_text("von Hand")
    assert all("notiz" not in s.pfad.name for s in sicherungen(pfad))
    assert os.path.exists(ordner / "a-notiz.sqlite")


def test_seite_mitten_in_der_datei_beschaedigt(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as db, db.arbeitseinheit() as sitzung:
        for nummer in range(300):  # enough rows for several pages
            sitzung.add(Assistenzkraft(vorname=f"V{nummer}", nachname="N" * 80, notiz="x" * 200))
    Datenbank.oeffnen(pfad).schliessen()  # backup of the intact file
    groesse = pfad.stat().st_size
    assert groesse > 5 * 4096
    with pfad.open("r+b") as datei:
        datei.seek(groesse - 3 * 4096)
        datei.write(b"\xff" * 4096)
    with pytest.raises(DatenbankBeschaedigt) as info:
        Datenbank.oeffnen(pfad)
    assert info.value.sicherungen


def test_fremde_sqlite_sperre_gibt_klare_meldung(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program (not Assistenzbüro) holds SQLite's write lock: the action fails cleanly, nothing half-saved."""
    monkeypatch.setattr(datenbank_modul, "WARTEZEIT_MS", 50)
    pfad = tmp_path / "a.sqlite"
    with Datenbank.oeffnen(pfad) as db:
        fremd = sqlite3.connect(pfad, isolation_level=None)
        fremd.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatenbankGesperrt, match="gesperrt"), db.arbeitseinheit() as sitzung:
                sitzung.add(Arbeitgeber(nachname="Wartet", bundesland="BW"))
        finally:
            fremd.execute("ROLLBACK")
            fremd.close()
        with db.arbeitseinheit() as sitzung:
            assert sitzung.scalars(select(Arbeitgeber)).all() == []


def test_lesezugriff_neben_dem_offenen_programm(tmp_path: Path) -> None:
    """Exports read the file while the program (the one writer) holds it open; the reader never writes."""
    pfad = tmp_path / "haushalt.sqlite"
    with Datenbank.oeffnen(pfad) as schreiber:
        _arbeitgeber_anlegen(schreiber, "Offen")
        with Datenbank.oeffnen_zum_lesen(pfad) as leser:
            with leser.arbeitseinheit() as sitzung:
                assert [a.nachname for a in sitzung.scalars(select(Arbeitgeber))] == ["Offen"]
            with pytest.raises(DatenbankNurLesbar), leser.arbeitseinheit() as sitzung:
                sitzung.add(Arbeitgeber(nachname="Verboten", bundesland="BW"))
        _arbeitgeber_anlegen(schreiber, "Danach")  # the writer is unaffected
    assert _namen(pfad) == ["Offen", "Danach"]
    assert len(sicherungen(pfad)) == 0  # reading made no backup


def test_lesezugriff_auf_alten_stand_verlangt_einen_programmstart(tmp_path: Path) -> None:
    pfad = tmp_path / "alt.sqlite"
    with Datenbank.oeffnen(pfad) as db, db.engine.begin() as verbindung:
        command.downgrade(migration.alembic_konfiguration(verbindung), "base")
    with pytest.raises(DatenbankFehler, match="älteren Stand"):
        Datenbank.oeffnen_zum_lesen(pfad)
    with pytest.raises(DatenbankFehler, match="gibt es nicht"):
        Datenbank.oeffnen_zum_lesen(tmp_path / "fehlt.sqlite")


def test_festplatte_voll_beim_speichern(tmp_path: Path) -> None:
    """SQLite's "database or disk is full" (here: page limit reached) says so in German, nothing half-saved."""
    with Datenbank.oeffnen(tmp_path / "voll.sqlite") as db:
        _arbeitgeber_anlegen(db, "Vorher")
        with pytest.raises(DatenbankFehler) as info, db.arbeitseinheit() as sitzung:
            verbindung = sitzung.connection()
            seiten = verbindung.exec_driver_sql("PRAGMA page_count").scalar()
            verbindung.exec_driver_sql(f"PRAGMA max_page_count = {seiten}")
            for nummer in range(200):
                sitzung.add(Assistenzkraft(vorname=f"V{nummer}", nachname="N" * 80, notiz="x" * 400))
            sitzung.flush()
        meldung = str(info.value)
        assert "Festplatte ist voll" in meldung and "nicht gespeichert" in meldung
        assert "unerwarteten Fehler" not in meldung and "disk is full" not in meldung
    assert _namen(tmp_path / "voll.sqlite") == ["Vorher"]
