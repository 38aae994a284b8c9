"""`rechengroessen einspielen DATEI.toml`: a figures file is checked as a whole, shown as changes, kept or refused.

Every kind of error names the file and (where there is one) the line, and changes nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.jahreswechsel.werte import GEAENDERT, NEU, WerteDateiFehler, einspielen, pruefe_wertedatei
from core.regeln import tabellen
from core.regeln.rechengroessen import uebersicht
from tests.kommandozeile import rufe


def _datei(tmp_path: Path, text: str) -> Path:
    datei = tmp_path / "werte-2027.toml"
    datei.write_text(text, encoding="utf-8")
    return datei


BBG = """jahr = 2027

[bbg_kv_monat]
wert = "6000"
gueltig_ab = 2027-01-01
quelle = "Testquelle: Sozialversicherungs-Rechengrößenverordnung 2027 (Entwurf)"
"""


def test_eingespielter_wert_gilt_und_traegt_einen_hinweis(tmp_path: Path) -> None:
    with pytest.raises(tabellen.FehlenderRegelwert):
        tabellen.regelwert("bbg_kv_monat", date(2027, 1, 1))
    lauf = rufe("rechengroessen", "einspielen", str(_datei(tmp_path, BBG)))
    assert lauf.returncode == 0, lauf.stderr
    assert "bbg_kv_monat: neu 6000 ab 01.01.2027" in lauf.stdout
    assert "1 neu, 0 geändert, 0 unverändert" in lauf.stdout
    rw = tabellen.regelwert("bbg_kv_monat", date(2027, 3, 1))
    assert rw.wert == Decimal(6000) and rw.eigener_wert
    hinweis = rw.hinweis()
    assert hinweis is not None and hinweis.code == "REGELWERT_EIGENER_WERT" and "bbg_kv_monat" in hinweis.text
    eintrag = next(e for e in uebersicht(2027).werte if e.name == "bbg_kv_monat")
    assert eintrag.status == "eigener_wert" and "Testquelle" in eintrag.quelle


def test_zweite_datei_ergaenzt_und_zeigt_die_aenderung(tmp_path: Path) -> None:
    einspielen(_datei(tmp_path, BBG))
    zweite = tmp_path / "zwei.toml"
    zweite.write_text(
        BBG.replace('"6000"', '"6100"')
        + '\n[jaeg_jahr]\nwert = "80000"\ngueltig_ab = 2027-01-01\nquelle = "Testquelle"\n',
        encoding="utf-8",
    )
    pruefung = pruefe_wertedatei(zweite)
    arten = {a.name: (a.art, a.alt, a.neu) for a in pruefung.aenderungen}
    assert arten["bbg_kv_monat"] == (GEAENDERT, "6000 ab 01.01.2027", "6100 ab 01.01.2027")
    assert arten["jaeg_jahr"][0] == NEU
    einspielen(zweite)
    assert tabellen.wert("bbg_kv_monat", date(2027, 1, 1)) == Decimal(6100)
    assert tabellen.wert("jaeg_jahr", date(2027, 1, 1)) == Decimal(80000)


def test_neues_jahr_nur_aus_der_datei(tmp_path: Path) -> None:
    einspielen(_datei(tmp_path, BBG.replace("2027", "2031")))
    assert 2031 in tabellen.unterstuetzte_jahre()
    assert tabellen.wert("bbg_kv_monat", date(2031, 1, 1)) == Decimal(6000)
    assert tabellen.wert("arbzg_ruhezeit_stunden", date(2031, 1, 1)) == Decimal(11)  # dauerhaft, § 5 ArbZG


def test_mitgelieferter_amtlicher_wert_geht_vor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a later program version ships bbg_kv_monat for 2027 officially: it wins over the imported value
    einspielen(_datei(tmp_path, BBG))
    programm = tmp_path / "programm"
    programm.mkdir()
    (programm / "2027.toml").write_text(BBG.replace('"6000"', '"6200"') + 'status = "Q"\n', encoding="utf-8")
    (programm / "dauerhaft.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(tabellen, "_verzeichnis", lambda: programm)
    tabellen._dauerhaft.cache_clear()
    tabellen.vergiss_zwischenspeicher()
    try:
        rw = tabellen.regelwert("bbg_kv_monat", date(2027, 1, 1))
        assert rw.wert == Decimal(6200) and not rw.eigener_wert
    finally:
        monkeypatch.undo()
        tabellen._dauerhaft.cache_clear()
        tabellen.vergiss_zwischenspeicher()


EINTRAG = '\ngueltig_ab = 2027-01-01\nquelle = "Test"\n'


@pytest.mark.parametrize(
    ("text", "meldung"),
    [
        pytest.param("jahr = 2027\n[bbg_kv_monat\n", "ist in Zeile 2 keine gültige TOML-Datei", id="kein-toml"),
        pytest.param('[bbg_kv_monat]\nwert = "1"' + EINTRAG, "nennt kein Jahr", id="ohne-jahr"),
        pytest.param(
            'jahr = 2027\n\n[mindestlohn_je_minute]\nwert = "1"' + EINTRAG,
            "Zeile 3, nennt den unbekannten Wert „mindestlohn_je_minute“",
            id="unbekannter-name",
        ),
        pytest.param(
            "jahr = 2027\n\n[bbg_kv_monat]\nwert = 6000.5" + EINTRAG,
            "Zeile 3, „bbg_kv_monat“: der Wert ist keine Zahl in Anführungszeichen",
            id="float-statt-text",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "sechstausend"' + EINTRAG,
            "der Wert ist keine Zahl",
            id="keine-zahl",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "6000"\ngueltig_ab = "2027-01-01"\nquelle = "Test"\n',
            "gueltig_ab ist kein Datum",
            id="datum-als-text",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "6000"\ngueltig_ab = 2026-12-01\nquelle = "Test"\n',
            "gueltig_ab 01.12.2026 liegt nicht im Jahr 2027 der Datei",
            id="datum-ausserhalb-des-jahres",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "6000"\ngueltig_ab = 2027-01-01\n',
            "die Quelle fehlt",
            id="ohne-quelle",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "6000"\ngueltig_ab = 2027-01-01\nquelle = "  "\n',
            "die Quelle fehlt",
            id="leere-quelle",
        ),
        pytest.param(
            'jahr = 2027\n[bbg_kv_monat]\nwert = "6000"\nbetrag = "1"' + EINTRAG,
            "unbekanntes Feld „betrag“",
            id="unbekanntes-feld",
        ),
        pytest.param(
            'jahr = 2027\n[mindestlohn_stunde]\nwert = "15.00"' + EINTRAG,
            "für 2027 ist amtlich 14.60 ab 01.01.2027 hinterlegt",
            id="amtlichen-wert-aendern",
        ),
        pytest.param(
            'jahr = 2027\n[kirchensteuer_prozent]\nwert = "9"' + EINTRAG,
            "erwartet ist je Bundesland ein Wert",
            id="land-wert-ohne-laender",
        ),
        pytest.param(
            'jahr = 2027\n[kirchensteuer_prozent]\ngueltig_ab = 2027-01-01\nquelle = "T"\n'
            '[kirchensteuer_prozent.wert]\nBY = "8"\n',
            "der Wert für BW fehlt",
            id="land-fehlt",
        ),
        pytest.param("jahr = 2027\n", "enthält keine Werte", id="leer"),
    ],
)
def test_jede_art_von_fehler_aendert_nichts(tmp_path: Path, text: str, meldung: str) -> None:
    (tmp_path / "vorher").mkdir()
    einspielen(_datei(tmp_path / "vorher", BBG))  # what was there before must stay
    datei = tmp_path / "fehlerhaft.toml"
    datei.write_text(text, encoding="utf-8")
    vorher = (tabellen.nutzer_verzeichnis() / "2027.toml").read_bytes()
    lauf = rufe("rechengroessen", "einspielen", str(datei))
    assert lauf.returncode == 2
    assert lauf.stderr.count("\n") == 1 and lauf.stderr.startswith("Fehler: ")
    assert "fehlerhaft.toml" in lauf.stderr
    assert meldung in lauf.stderr
    with pytest.raises(WerteDateiFehler):
        pruefe_wertedatei(datei)
    assert (tabellen.nutzer_verzeichnis() / "2027.toml").read_bytes() == vorher
    assert tabellen.wert("bbg_kv_monat", date(2027, 1, 1)) == Decimal(6000)


def test_gleicher_wert_wie_amtlich_ist_erlaubt(tmp_path: Path) -> None:
    pruefung = pruefe_wertedatei(
        _datei(
            tmp_path, 'jahr = 2027\n[mindestlohn_stunde]\nwert = "14.6"\ngueltig_ab = 2027-01-01\nquelle = "MiLoV5"\n'
        )
    )
    assert [a.art for a in pruefung.aenderungen] == ["unverändert"]


def test_gesetzesaenderung_ueberschreibt_einen_dauerhaften_wert(tmp_path: Path) -> None:
    # § 3b Abs. 1 Nr. 2 EStG: 50 % for Sunday work, in dauerhaft.toml; a change of the law before a program update
    assert tabellen.wert("stfrei_zuschlag_sonntag_prozent", date(2027, 1, 1)) == Decimal(50)
    einspielen(
        _datei(
            tmp_path,
            'jahr = 2027\n[stfrei_zuschlag_sonntag_prozent]\nwert = "45"\ngueltig_ab = 2027-01-01\n'
            'quelle = "Testquelle: angenommene Gesetzesänderung"\n',
        )
    )
    rw = tabellen.regelwert("stfrei_zuschlag_sonntag_prozent", date(2027, 1, 1))
    assert rw.wert == Decimal(45) and rw.eigener_wert
    assert tabellen.wert("stfrei_zuschlag_sonntag_prozent", date(2026, 1, 1)) == Decimal(50)  # other years unchanged
