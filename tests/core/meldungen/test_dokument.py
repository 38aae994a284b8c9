"""The export frame the reports share (core.meldungen.dokument): what it refuses before any work, how it reports a
file it cannot write, and that every report about all assistants refuses --assistenzkraft without writing."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest

from core.cli.export import EXPORTARTEN, _exporter
from core.fehler import EingabeFehler
from core.meldungen.dokument import schreibe_meldung

#: Reports that sum up all assistants (CONTRACTS §6): --assistenzkraft makes no sense for them.
FUER_ALLE = ("beitragsnachweis", "deuev", "fristen", "haushaltsscheck", "lst-anmeldung", "unfallkasse")


def test_falsche_endung_vor_jeder_arbeit(tmp_path: Path) -> None:
    geladen: list[bool] = []

    def lade() -> str:
        geladen.append(True)
        return "x"

    with pytest.raises(EingabeFehler, match=r"^Den Test gibt es als \.pdf oder \.xlsx; t\.docx hat eine andere"):
        schreibe_meldung(tmp_path / "t.docx", "Den Test", lade, print, print)
    assert not geladen  # the database is not read for a file that would be refused anyway


def test_schreiber_nach_endung_und_schreibfehler_als_ein_satz(tmp_path: Path) -> None:
    geschrieben: list[tuple[str, str, Path, date, bool]] = []

    def schreiber(art: str):  # type: ignore[no-untyped-def]
        def schreibe(daten: str, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
            geschrieben.append((art, daten, ziel, gedruckt_am, ueberschreiben))

        return schreibe

    assert schreibe_meldung(tmp_path / "a.PDF", "X", lambda: "d", schreiber("pdf"), schreiber("xlsx")) == "d"
    schreibe_meldung(tmp_path / "a.xlsx", "X", lambda: "d", schreiber("pdf"), schreiber("xlsx"), ueberschreiben=True)
    assert [(g[0], g[4]) for g in geschrieben] == [("pdf", False), ("xlsx", True)]
    assert geschrieben[0][3] == date.today()

    def voll(_d: str, _z: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(EingabeFehler) as fehler:
        schreibe_meldung(tmp_path / "a.pdf", "X", lambda: "d", voll, voll)
    assert str(fehler.value).startswith(f"Die Datei {tmp_path / 'a.pdf'} kann nicht geschrieben werden (")
    assert "Traceback" not in str(fehler.value) and "No space" not in str(fehler.value)  # German, not strerror


@pytest.mark.parametrize("art", FUER_ALLE)
def test_assistenzkraft_wird_abgelehnt_ohne_zu_lesen(art: str, tmp_path: Path) -> None:
    assert art in EXPORTARTEN
    ziel = tmp_path / ("f.ics" if art == "fristen" else "f.pdf")
    # No database at all: the refusal comes before anything is read.
    with pytest.raises(EingabeFehler, match=r"^--assistenzkraft gilt nicht für .+\. Bitte ohne --assistenzkraft"):
        _exporter(art)(None, 2026, 3, ziel, ziel.suffix, "Sabine")
    assert not ziel.exists()
