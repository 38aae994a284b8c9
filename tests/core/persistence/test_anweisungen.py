"""Compiled SQL statements are shared by the files a process opens, but only between alike dialects
(core.persistence.anweisungen)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine.interfaces import CacheStats

from core.persistence import verbindung as verbindung_modul
from core.persistence.anweisungen import UebersetzteAnweisungen, dialekt_art
from core.persistence.datenbank import Datenbank
from core.persistence.verbindung import dbapi_modul


def _einmalige_anfrage() -> str:
    """A statement no other test compiled before: its first run in this process must compile it."""
    return f"SELECT 41 + 1 AS wert_{uuid.uuid4().hex}"


def _fuehre_aus(pfad: Path, anfrage: str, kennwort: str | None = None) -> CacheStats:
    with Datenbank.oeffnen(pfad, kennwort=kennwort, sichern=False) as db, db.arbeitseinheit() as sitzung:
        ergebnis = sitzung.execute(text(anfrage))
        assert ergebnis.scalar_one() == 42
        return ergebnis.context.cache_hit  # type: ignore[attr-defined,no-any-return]


def test_zweite_datei_nutzt_die_uebersetzung_der_ersten(tmp_path: Path) -> None:
    anfrage = _einmalige_anfrage()
    assert _fuehre_aus(tmp_path / "a.sqlite", anfrage) == CacheStats.CACHE_MISS
    assert _fuehre_aus(tmp_path / "a.sqlite", anfrage) == CacheStats.CACHE_HIT
    assert _fuehre_aus(tmp_path / "b.sqlite", anfrage) == CacheStats.CACHE_HIT


def test_verschluesselte_datei_teilt_nichts_mit_der_unverschluesselten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLCipher brings its own SQLite (another version, another driver module): its dialect is not alike, so it
    compiles for itself; two encrypted files share again."""
    monkeypatch.setattr(verbindung_modul, "KDF_RUNDEN", 1000)  # as in test_verschluesselung: fast key derivation
    roh = dbapi_modul("x").connect(":memory:")
    roh.execute("PRAGMA cipher_default_kdf_iter = 1000")
    roh.close()
    anfrage = _einmalige_anfrage()
    assert _fuehre_aus(tmp_path / "klar.sqlite", anfrage) == CacheStats.CACHE_MISS
    assert _fuehre_aus(tmp_path / "geheim-1.sqlite", anfrage, "Vier Wörter als Satz") == CacheStats.CACHE_MISS
    assert _fuehre_aus(tmp_path / "geheim-2.sqlite", anfrage, "Ein anderer Satz hier") == CacheStats.CACHE_HIT


def test_jede_abweichende_einstellung_trennt_die_dialekte() -> None:
    gleich_1 = create_engine("sqlite://").dialect
    gleich_2 = create_engine("sqlite://").dialect
    anders = create_engine("sqlite://", json_serializer=repr).dialect
    assert dialekt_art(gleich_1) == dialekt_art(gleich_2)
    assert dialekt_art(anders) != dialekt_art(gleich_1)

    speicher = UebersetzteAnweisungen()
    speicher[(gleich_1, "anweisung", (), False, False)] = "übersetzt"  # type: ignore[assignment]
    assert speicher.get((gleich_2, "anweisung", (), False, False)) == "übersetzt"
    assert speicher.get((anders, "anweisung", (), False, False)) is None
