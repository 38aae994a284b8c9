"""Test helpers for the change of year: a 2027 figures file and the 2026 PAP as a stand-in for 2027's.

The BMF had not published the PAP 2027 and the 2027 SV figures when these tests were written: the 2026 PAP with its
own test table and the 2026 figures (dated 2027-01-01, marked as test values) stand in, as issue 12 asks.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from core.jahreswechsel.pap import pap_einspielen
from core.jahreswechsel.werte import als_toml
from core.regeln import lohnsteuer, tabellen
from core.ressourcen import nutzerdaten, ressource

WURZEL = Path(__file__).resolve().parents[3]
PAP_2026 = ressource("pap", "2026", "pap.xml")
TABELLE_2026 = WURZEL / "tests" / "data" / "pap" / "2026" / "test-maschinell.csv"


def testwerte_2027() -> dict[str, list[dict[str, object]]]:
    """Every 2026 figure that 2027 does not yet have officially, dated 2027-01-01, with a test source."""
    with ressource("regeln", "2026.toml").open("rb") as datei:
        roh = tomllib.load(datei)
    programm, _, _ = tabellen.schichten(2027)
    werte: dict[str, list[dict[str, object]]] = {}
    for name, eintrag in roh.items():
        if name == "jahr" or name in programm:
            continue
        erster = eintrag[0] if isinstance(eintrag, list) else eintrag
        werte[name] = [
            {
                "wert": erster["wert"],
                "gueltig_ab": erster["gueltig_ab"].replace(year=2027),
                "quelle": f"Testwert (Wert 2026 als Platzhalter): {erster['quelle']}",
            }
        ]
    return werte


@pytest.fixture
def testwerte_datei(tmp_path: Path) -> Path:
    datei = tmp_path / "rechengroessen-2027.toml"
    datei.write_text(als_toml(2027, testwerte_2027()), encoding="utf-8")
    return datei


@pytest.fixture(scope="session")
def pap_2027_ordner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2026 PAP imported once per session as 2027 (translation and 3000 rows run once), kept as files."""
    daten = tmp_path_factory.mktemp("pap_sitzung")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(daten))
        pruefung = pap_einspielen(2027, PAP_2026, TABELLE_2026)
        assert pruefung.bestanden, pruefung.meldung()
        ordner = lohnsteuer.nutzer_verzeichnis() / "2027"
    return ordner


@pytest.fixture
def pap_2027(pap_2027_ordner: Path) -> Path:
    """The session's imported PAP 2027, copied into this test's data folder."""
    ziel = nutzerdaten("pap", "2027")
    shutil.copytree(pap_2027_ordner, ziel)
    return ziel
