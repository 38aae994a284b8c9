"""`rechengroessen pap-einspielen` (CONTRACTS §11): a PAP is kept only if every BMF test row matches to the cent.

The 2026 PAP (BMF, Stand 2025-10-23) and its machine test table (3000 rows) stand in for a new year's files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.jahreswechsel.pap import PapEinspielFehler, pap_einspielen
from core.regeln import lohnsteuer
from core.ressourcen import nutzerdaten
from tests.core.jahreswechsel.conftest import PAP_2026, TABELLE_2026
from tests.kommandozeile import rufe


def test_eingespielter_pap_gilt_fuer_das_jahr(pap_2027: Path) -> None:
    # pap_2027: imported through pap_einspielen in the session fixture (all 3000 rows matched)
    assert lohnsteuer.herkunft(2027) == "eingespielt"
    assert 2027 in lohnsteuer.unterstuetzte_jahre()
    # BMF machine table 2026, row 1 (inputs and LSTLZZ from tests/data/pap/2026/test-maschinell.csv)
    eingaben = {"STKL": 1, "LZZ": 2, "RE4": 300000}
    assert lohnsteuer.berechne_pap(2027, eingaben) == lohnsteuer.berechne_pap(2026, eingaben)
    assert rufe("rechengroessen", "--jahr", "2027", "--json").stdout.count('"pap": "eingespielt"') == 1


def test_cli_nimmt_den_pap_an_exit_0(tmp_path: Path) -> None:
    lauf = rufe("rechengroessen", "pap-einspielen", "--jahr", "2028", str(PAP_2026), str(TABELLE_2026))
    assert lauf.returncode == 0, lauf.stderr
    assert "alle 3000 Zeilen der Prüftabelle stimmen auf den Cent" in lauf.stdout
    assert (nutzerdaten("pap", "2028", "pap.xml")).read_bytes() == PAP_2026.read_bytes()
    assert lohnsteuer.herkunft(2028) == "eingespielt"


def test_geaenderte_konstante_wird_abgelehnt_mit_den_abweichenden_zeilen(tmp_path: Path) -> None:
    falsch = tmp_path / "pap.xml"
    text = PAP_2026.read_text(encoding="utf-8")
    assert text.count("GFB = BigDecimal.valueOf(12348)") == 1  # Grundfreibetrag 2026, § 32a Abs. 1 EStG
    falsch.write_text(text.replace("GFB = BigDecimal.valueOf(12348)", "GFB = BigDecimal.valueOf(12349)"), "utf-8")
    lauf = rufe("rechengroessen", "pap-einspielen", "--jahr", "2028", str(falsch), str(TABELLE_2026))
    assert lauf.returncode == 2
    zeilen = lauf.stderr.strip().splitlines()
    assert len(zeilen) == 1
    assert "wurde nicht eingespielt" in zeilen[0]
    assert "von 3000 Zeilen der Prüftabelle weichen ab" in zeilen[0]
    # row 1: WVFRB = (ZVE − GFB) × 100, one euro more Grundfreibetrag is 100 cents less
    assert "Zeile 1: WVFRB 1243291 statt 1243391" in zeilen[0]
    assert "Zeile 5:" in zeilen[0] and "Zeile 6:" not in zeilen[0]  # the first five rows, then the count
    assert not nutzerdaten("pap", "2028").exists()
    assert lohnsteuer.herkunft(2028) == "fehlt"


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        pytest.param(
            b"jahr = 2027\n", "ist kein Lohnsteuer-PAP des BMF: sie ist keine gültige XML-Datei", id="kein-xml"
        ),
        pytest.param(b"<html><body/></html>", "ihr Wurzelelement ist <html> statt <PAP>", id="falsche-wurzel"),
        pytest.param(b'<PAP name="x"><UNBEKANNT/></PAP>', "ist kein Lohnsteuer-PAP des BMF", id="unbekanntes-element"),
    ],
)
def test_datei_die_kein_pap_ist(tmp_path: Path, inhalt: bytes, meldung: str) -> None:
    datei = tmp_path / "Lohnsteuer2027.xml"
    datei.write_bytes(inhalt)
    lauf = rufe("rechengroessen", "pap-einspielen", "--jahr", "2028", str(datei), str(TABELLE_2026))
    assert lauf.returncode == 2
    assert lauf.stderr.count("\n") == 1 and "Lohnsteuer2027.xml" in lauf.stderr and meldung in lauf.stderr
    assert not nutzerdaten("pap").exists()


def _tabelle(tmp_path: Path, kopf: str, zeilen: list[str]) -> Path:
    datei = tmp_path / "pruef.csv"
    datei.write_text("\n".join([kopf, *zeilen]) + "\n", encoding="utf-8")
    return datei


@pytest.mark.parametrize(
    ("kopf", "zeilen", "meldung"),
    [
        pytest.param(
            "lfd. Nr.;STKL;LZZ;GEHALT;;LSTLZZ",
            ["1;1;2;300000;;0"],
            "die Spalte „GEHALT“ ist keine Eingabe",
            id="eingabe",
        ),
        pytest.param(
            "lfd. Nr.;STKL;LZZ;RE4;;STEUER", ["1;1;2;300000;;0"], "die Spalte „STEUER“ ist keine Ausgabe", id="ausgabe"
        ),
        pytest.param(
            "lfd. Nr.;STKL;LZZ;RE4;;LSTLZZ", ["1;1;2;300000"], "in Zeile 1 4 statt 6 Spalten", id="spaltenzahl"
        ),
        pytest.param(
            "lfd. Nr.;STKL;LZZ;RE4;;LSTLZZ", ["7;1;2;drei;;0"], "in Zeile 7, Spalte „RE4“ keine Zahl", id="keine-zahl"
        ),
        pytest.param("Name,Wert", [], "ist keine BMF-Prüftabelle", id="kein-csv-mit-semikolon"),
    ],
)
def test_pruefungstabelle_die_nicht_passt(tmp_path: Path, kopf: str, zeilen: list[str], meldung: str) -> None:
    tabelle = _tabelle(tmp_path, kopf, zeilen)
    with pytest.raises(PapEinspielFehler, match=meldung) as fehler:
        pap_einspielen(2028, PAP_2026, tabelle)
    assert "pruef.csv" in str(fehler.value)
    assert not nutzerdaten("pap").exists()


def test_mitgeliefertes_jahr_kann_nicht_ueberschrieben_werden() -> None:
    lauf = rufe("rechengroessen", "pap-einspielen", "--jahr", "2026", str(PAP_2026), str(TABELLE_2026))
    assert lauf.returncode == 2
    assert "liefert das Programm den Lohnsteuer-PAP bereits mit" in lauf.stderr


def test_mitgelieferter_pap_geht_dem_eingespielten_vor(pap_2027: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a later program version ships 2027: its resources/pap/2027/pap.xml wins over the imported one
    from core.regeln import lohnsteuer as modul

    programm = pap_2027.parent.parent / "programm_pap"
    (programm / "2027").mkdir(parents=True)
    (programm / "2027" / "pap.xml").write_bytes(PAP_2026.read_bytes())
    monkeypatch.setattr(modul, "_verzeichnis", lambda: programm)
    assert lohnsteuer.herkunft(2027) == "mitgeliefert"
    assert lohnsteuer.pap_datei(2027) == programm / "2027" / "pap.xml"
