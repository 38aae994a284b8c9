"""DSGVO access export and erasure, the Personalbogen PDF (blank and filled), and the CLI around them."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.cli import main
from core.fehler import EingabeFehler
from core.io import auskunft
from core.io.personalbogen_pdf import schreibe_personalbogen
from core.persistence.datenbank import Datenbank
from core.stammdaten import arbeitgeber, assistenzkraefte, dsgvo, start, vertraege
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, KindDaten
from core.stammdaten.vertraege import VertragDaten
from tests.core.stammdaten.test_assistenzkraefte import voll_ausgefuellt
from tests.pdf import pdf_text


def _text(pdf: Path) -> str:
    return pdf_text(pdf)


def _haushalt(db: Datenbank) -> tuple[int, int]:
    arbeitgeber.speichere_arbeitgeber(
        db, arbeitgeber.ArbeitgeberDaten(nachname="Assistenzgeberin", vorname="Anna", bundesland="BW")
    )
    sabine = assistenzkraefte.speichere_assistenzkraft(db, voll_ausgefuellt(None))
    ulrike = assistenzkraefte.speichere_assistenzkraft(
        db, AssistenzkraftDaten(vorname="Ulrike", nachname="Bewerberin", kinder=[KindDaten("Kim", date(2019, 1, 1))])
    )
    assert sabine.id is not None and ulrike.id is not None
    vertraege.speichere_vertrag(
        db, VertragDaten(sabine.id, date(2026, 1, 1), date(2026, 1, 1), Decimal("15.50"), arbeitstage_woche=Decimal(5))
    )
    return sabine.id, ulrike.id


def test_auskunft_enthaelt_alles_mit_deutschen_feldnamen(db: Datenbank, tmp_path: Path) -> None:
    sabine, _ = _haushalt(db)
    inhalt = dsgvo.auskunft(db, sabine)
    person = inhalt["Personalbogen"]
    assert person["Name"] == "Muster" and person["Steuer-ID"] == "86095742719"
    assert person["Staatsangehörigkeit"] == "Türkei (TR)"
    assert person["Konfession"] == "römisch-katholisch"
    assert person["Tätigkeitsschlüssel"] == "831323212"
    assert [k["Vorname"] for k in inhalt["Kinder"]] == ["Mia", "Tom"]
    assert inhalt["weitere Beschäftigungen"][0]["Arbeitgeber"] == "Café Sonne"
    assert inhalt["Arbeitsverträge"][0]["Lohn in Euro"] == "15.50"
    assert inhalt["Arbeitsverträge"][0]["gesetzlicher Mindesturlaub (Tage)"] == "20"
    assert inhalt["Auskunft nach Art. 15 DSGVO"]["Verantwortliche"] == "Anna Assistenzgeberin"
    dateien = auskunft.schreibe_auskunft(db, sabine, tmp_path / "auskunft")
    json_datei, pdf_datei = dateien
    assert json.loads(json_datei.read_text(encoding="utf-8")) == json.loads(json.dumps(inhalt, ensure_ascii=False))
    assert "Muster" in _text(pdf_datei)


def test_weitere_module_koennen_teile_und_pflichten_anmelden(db: Datenbank, monkeypatch: pytest.MonkeyPatch) -> None:
    sabine, ulrike = _haushalt(db)
    monkeypatch.setattr(
        dsgvo, "_WEITERE_TEILE", [dsgvo.Auskunftsteil("Schichten", lambda _s, pid: [{"Person": pid}], frozenset())]
    )
    monkeypatch.setattr(dsgvo, "_PFLICHTEN", [lambda _s, pid: "Schichten aufbewahren" if pid == ulrike else None])
    assert dsgvo.auskunft(db, sabine)["Schichten"] == [{"Person": sabine}]
    assert dsgvo.loeschgrund(db, ulrike) == "Schichten aufbewahren"


def test_bewerberin_loeschen(db: Datenbank) -> None:
    _sabine, ulrike = _haushalt(db)
    assert dsgvo.loeschgrund(db, ulrike) is None
    assert dsgvo.loesche_bewerberin(db, ulrike).name == "Ulrike Bewerberin"
    with pytest.raises(EingabeFehler):
        assistenzkraefte.lade_assistenzkraft(db, ulrike)
    with db.engine.connect() as verbindung:  # children went with her
        assert verbindung.exec_driver_sql("SELECT count(*) FROM kind WHERE vorname = 'Kim'").scalar() == 0


def test_beschaeftigte_wird_nicht_geloescht(db: Datenbank) -> None:
    sabine, _ = _haushalt(db)
    with pytest.raises(EingabeFehler, match=r"§ 28f Abs\. 1 SGB IV") as info:
        dsgvo.loesche_bewerberin(db, sabine)
    assert "aufbewahren" in str(info.value)
    assert assistenzkraefte.lade_assistenzkraft(db, sabine).nachname == "Muster"


def test_leerer_personalbogen_hat_alle_felder(tmp_path: Path) -> None:
    text = _text(schreibe_personalbogen(tmp_path / "leer.pdf"))
    for beschriftung in (
        "Personalbogen", "Name", "Vorname", "Geburtsname", "Straße, Hausnummer", "PLZ", "Telefon", "Telefax",
        "E-Mail-Adresse", "geboren am", "Geburtsort", "Staatsangehörigkeit", "Versicherungsnummer", "Krankenkasse",
        "Kinder?", "Nachweis eingegangen", "Finanzamt", "Steuer-ID", "Steuerklasse", "Kinderfreibeträge", "Konfession",
        "Freibetrag Jahr", "Freibetrag Monat", "erlernter Beruf", "Mittlere Reife", "Abitur", "Bachelor", "Promotion",
        "Weitere Beschäftigungen", "Arbeitserlaubnis", "gültig bis", "Studentin", "Rentenversicherungspflicht",
        "Bank", "BIC", "IBAN", "wahrheitsgemäß", "Ort, Datum", "Unterschrift",
    ):  # fmt: skip
        assert beschriftung in text, beschriftung


def test_ausgefuellter_personalbogen(db: Datenbank, tmp_path: Path) -> None:
    sabine, _ = _haushalt(db)
    text = _text(auskunft.personalbogen_pdf(db, sabine, tmp_path / "sabine.pdf"))
    erwartet = ["Muster", "Sabine", "Clausen", "15 070649 C 55 7", "86095742719", "DE89 3704 0044 0532 0130 00"]
    erwartet += ["römisch-katholisch", "Türkei", "Café Sonne", "Mia", "04.05.2020", "1.200,00", "Anna Assistenzgeberin"]
    for wert in erwartet:
        assert wert in text, wert


# --- CLI -------------------------------------------------------------------------------------------------------


@pytest.fixture
def haushalt_datei(tmp_path: Path) -> Path:
    pfad = tmp_path / "haushalt.sqlite"
    with start.oeffne(pfad) as db:
        _haushalt(db)
    return pfad


def test_cli_personalbogen_leer_ohne_datenbank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ziel = tmp_path / "vordruck.pdf"
    assert main(["--db", str(tmp_path / "gibtsnicht.sqlite"), "personalbogen", "--ausgabe", str(ziel)]) == 0
    assert "Personalbogen" in _text(ziel)
    assert not (tmp_path / "gibtsnicht.sqlite").exists()  # a blank form creates no database
    assert "Leerer Personalbogen" in capsys.readouterr().out


def test_cli_personalbogen_ausgefuellt(haushalt_datei: Path, tmp_path: Path) -> None:
    ziel = tmp_path / "sabine.pdf"
    assert (
        main(
            ["--db", str(haushalt_datei), "personalbogen", "--ausgabe", str(ziel), "--assistenzkraft", "Sabine Muster"]
        )
        == 0
    )
    assert "86095742719" in _text(ziel)


def test_cli_auskunft(haushalt_datei: Path, tmp_path: Path) -> None:
    assert main(["--db", str(haushalt_datei), "auskunft", "Muster", "--ausgabe", str(tmp_path / "a")]) == 0
    dateien = sorted(p.suffix for p in (tmp_path / "a").iterdir())
    assert dateien == [".json", ".pdf"]


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        pytest.param(["auskunft", "Niemand"], "Keine Assistenzkraft heißt", id="unbekannter Name"),
        pytest.param(["loeschen", "Sabine Muster", "--ja"], "aufbewahren", id="Beschaeftigte loeschen"),
        pytest.param(["loeschen", "Ulrike"], "mit --ja wiederholen", id="ohne Bestaetigung"),
        pytest.param(["personalbogen", "--ausgabe", "x.txt"], ".pdf", id="falsche Endung"),
    ],
)
def test_cli_falsche_eingabe_eine_zeile_exit_2(
    haushalt_datei: Path, argumente: list[str], meldung: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(haushalt_datei), *argumente]) == 2
    fehler = capsys.readouterr().err
    assert meldung in fehler and "Traceback" not in fehler
    assert len(fehler.strip().splitlines()) == 1


def test_cli_loeschen_mit_bestaetigung(haushalt_datei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(haushalt_datei), "loeschen", "Ulrike", "--ja"]) == 0
    assert "gelöscht" in capsys.readouterr().out
    assert main(["--db", str(haushalt_datei), "auskunft", "Ulrike"]) == 2


def test_cli_sicherung_liste_und_wiederherstellen(haushalt_datei: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(haushalt_datei), "sicherung", "anlegen"]) == 0
    assert "Sicherung angelegt" in capsys.readouterr().out
    assert main(["--db", str(haushalt_datei), "sicherung", "liste"]) == 0
    assert "haushalt-sicherungen" in capsys.readouterr().out
    haushalt_datei.write_bytes(b"zerstoert" * 100)
    assert main(["--db", str(haushalt_datei), "sicherung", "anlegen"]) == 2
    assert "beschädigt" in capsys.readouterr().err
    assert main(["--db", str(haushalt_datei), "sicherung", "wiederherstellen"]) == 0
    with Datenbank.oeffnen(haushalt_datei) as db:
        assert [z.name for z in assistenzkraefte.liste_assistenzkraefte(db)] == ["Ulrike Bewerberin", "Sabine Muster"]


def test_console_script_hilfe_listet_die_befehle(capsys: pytest.CaptureFixture[str]) -> None:
    """`assistenzbuero --help` through the console entry, in this process: the real process of the same call is
    the bundle check's (tests/installer/test_bundle_spec.py, pruefe_hilfe: German, exit code 0)."""
    from desktop.start import main as konsole

    with pytest.raises(SystemExit) as ende:
        konsole(["--help"])
    assert ende.value.code == 0
    ausgabe = capsys.readouterr().out
    for befehl in ("auskunft", "personalbogen", "loeschen", "sicherung"):
        assert befehl in ausgabe
