"""The German hyphenation patterns are parsed once and then read from the user's cache folder (desktop.tabellen):
parsing them took 1.6–2 s of the start on the GUI thread (benchmarks/startup.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyphen
import pytest

from desktop import tabellen


@pytest.fixture
def frisch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    tabellen._silben.cache_clear()
    yield tmp_path
    tabellen._silben.cache_clear()


def _kein_parsen(*_: object, **__: object) -> None:
    raise AssertionError("das Wörterbuch wurde neu geparst")


def test_einmal_geparst_dann_aus_der_ablage(frisch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Duden: Ar|beit|ge|ber|kos|ten, Be|schäf|ti|gungs|be|ginn
    assert tabellen._silben().inserted("Arbeitgeberkosten") == "Ar-beit-ge-ber-kos-ten"
    ablagen = list(frisch.rglob("silben-de_DE-*.pickle"))
    assert len(ablagen) == 1 and not list(frisch.rglob("*.tmp"))
    tabellen._silben.cache_clear()
    monkeypatch.setattr(pyphen.HyphDict, "__init__", _kein_parsen)
    silben = tabellen._silben()
    assert silben.inserted("Beschäftigungsbeginn") == "Be-schäf-ti-gungs-be-ginn"
    assert next(teil for teil, _ in silben.iterate("Arbeitgeberkosten")) == "Arbeitgeberkos"


def test_kaputte_ablage_wird_neu_geparst(frisch: Path) -> None:
    tabellen._silben()
    (ablage,) = frisch.rglob("silben-de_DE-*.pickle")
    ablage.write_bytes(b"halb geschrieben")
    tabellen._silben.cache_clear()
    assert tabellen._silben().inserted("Arbeitgeberkosten") == "Ar-beit-ge-ber-kos-ten"
    assert ablage.read_bytes() != b"halb geschrieben"  # written anew


def test_ohne_ablage_wird_trotzdem_getrennt(frisch: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found in review: a cache path that cannot be worked out (no package metadata in a bundle, a folder that
    cannot be read) switched hyphenation off for good; it must only cost the parsing."""

    def kaputt(_pyphen: object) -> Path:
        raise RuntimeError("kein Zwischenspeicherordner")

    monkeypatch.setattr(tabellen, "_silben_ablage", kaputt)
    assert tabellen._silben().inserted("Arbeitgeberkosten") == "Ar-beit-ge-ber-kos-ten"


def test_die_ablage_einer_frueheren_version_wird_entfernt(frisch: Path) -> None:
    alt = frisch / "Assistenzbuero" / "silben-de_DE-0.1-1-1.pickle"
    alt.parent.mkdir(parents=True)
    alt.write_bytes(b"alt")
    tabellen._silben()
    assert not alt.exists()
    assert len(list(frisch.rglob("silben-de_DE-*.pickle"))) == 1
