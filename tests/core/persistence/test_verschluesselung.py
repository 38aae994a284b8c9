"""Issue 14, privacy at rest: converting a household file to SQLCipher (verified backup first, export, verify,
swap), backups encrypted with the same password, the password never on disk, German messages, restore."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from core.cli import ausfuehren, build_parser
from core.fehler import DatenbankFehler, EingabeFehler
from core.persistence import schutz
from core.persistence import verbindung as verbindung_modul
from core.persistence.datenbank import Datenbank, KennwortNoetig, stelle_wieder_her
from core.persistence.modelle import Arbeitgeber
from core.persistence.sicherung import pruefe_datei, sichere, sicherungen
from core.persistence.verbindung import FalschesKennwort, dbapi_modul, ist_verschluesselt

KENNWORT = "Vier Wörter als Satz"
NAME = "Geheimname-Wuestenrot"


def schnelle_schluesselableitung(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is derived with SQLCipher 4's 256,000 PBKDF2 rounds (0.2–1 s each); the tests use 1,000 rounds, in
    our derivation and in SQLCipher's own default alike, so the suite stays fast. The program never lowers it."""
    monkeypatch.setattr(verbindung_modul, "KDF_RUNDEN", 1000)
    verbindung = dbapi_modul("x").connect(":memory:")
    verbindung.execute("PRAGMA cipher_default_kdf_iter = 1000")
    verbindung.close()


@pytest.fixture(autouse=True)
def _nichts_gemerkt(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(schutz.UMGEBUNG_KENNWORT, raising=False)
    schutz.vergiss_kennwoerter()
    schnelle_schluesselableitung(monkeypatch)
    yield
    schutz.vergiss_kennwoerter()


def _haushalt(pfad: Path) -> None:
    with Datenbank.oeffnen(pfad) as db, db.arbeitseinheit() as sitzung:
        sitzung.add(Arbeitgeber(nachname=NAME, bundesland="BW"))


def _namen(pfad: Path, kennwort: str | None = None) -> list[str]:
    with Datenbank.oeffnen(pfad, kennwort=kennwort) as db, db.arbeitseinheit() as sitzung:
        return list(sitzung.scalars(select(Arbeitgeber.nachname)))


def _alle_dateien(ordner: Path) -> list[Path]:
    return [p for p in ordner.rglob("*") if p.is_file()]


_vorlage: list[Path] = []  # the folder as the conversion left it, once per test process


@pytest.fixture
def verschluesselt(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A household converted with its two plain backups: the first test of a process converts it for real (with the
    checks below), later ones get a copy of that folder (file, marker, the three encrypted backups; same names,
    modes and times); test_kommandozeile_verschluesseln converts a file of its own too."""
    pfad = tmp_path / "haushalt.sqlite"
    if _vorlage:
        shutil.copytree(_vorlage[0], tmp_path, dirs_exist_ok=True)
        return pfad
    _haushalt(pfad)
    _namen(pfad)
    _namen(pfad)  # two more starts: two plain backups exist before the conversion
    assert len(sicherungen(pfad)) == 2
    ergebnis = schutz.verschluessele(pfad, KENNWORT)
    assert ergebnis.sicherung_vorher is not None and ergebnis.sicherungen_verschluesselt == 3
    assert ergebnis.sicherungen_nicht_verschluesselt == []
    schutz.vergiss_kennwoerter()
    vorlage = tmp_path_factory.mktemp("verschluesselt-vorlage")
    shutil.copytree(tmp_path, vorlage, dirs_exist_ok=True)
    _vorlage.append(vorlage)
    return pfad


def test_datei_und_alle_sicherungen_verschluesselt_ohne_klartext(verschluesselt: Path) -> None:
    assert ist_verschluesselt(verschluesselt)
    assert schutz.ist_als_verschluesselt_markiert(verschluesselt)
    dateien = _alle_dateien(verschluesselt.parent)
    assert len(sicherungen(verschluesselt)) == 3
    for datei in dateien:
        inhalt = datei.read_bytes()
        assert NAME.encode() not in inhalt, datei  # neither the data file nor any backup holds the name in clear
        assert KENNWORT.encode() not in inhalt, datei  # the password is stored nowhere
        assert not inhalt.startswith(b"SQLite format 3"), datei


def test_oeffnen_nur_mit_dem_kennwort(verschluesselt: Path) -> None:
    with pytest.raises(KennwortNoetig, match="ist verschlüsselt"):
        Datenbank.oeffnen(verschluesselt)
    with pytest.raises(FalschesKennwort, match=r"Das Kennwort öffnet die Datenbank .* nicht"):
        Datenbank.oeffnen(verschluesselt, kennwort="falsch-falsch")
    with pytest.raises(KennwortNoetig):
        Datenbank.oeffnen_zum_lesen(verschluesselt)
    assert _namen(verschluesselt, KENNWORT) == [NAME]
    schutz.merke_kennwort(verschluesselt, KENNWORT)  # the GUI's or CLI's prompt, for this process only
    with Datenbank.oeffnen_zum_lesen(verschluesselt) as db, db.arbeitseinheit() as sitzung:
        assert list(sitzung.scalars(select(Arbeitgeber.nachname))) == [NAME]


def test_neue_sicherungen_verschluesselt_und_mit_dem_schluessel_geprueft(verschluesselt: Path) -> None:
    vorher = {s.pfad for s in sicherungen(verschluesselt)}
    assert _namen(verschluesselt, KENNWORT) == [NAME]  # each start makes a backup
    neu = [s for s in sicherungen(verschluesselt) if s.pfad not in vorher]
    assert len(neu) == 1 and ist_verschluesselt(neu[0].pfad)
    with pytest.raises(FalschesKennwort):
        sichere(verschluesselt, kennwort="nicht-das-kennwort")
    assert len(sicherungen(verschluesselt)) == 4  # the failed one left nothing


def test_wiederherstellen_einer_verschluesselten_sicherung(verschluesselt: Path) -> None:
    with pytest.raises(KennwortNoetig):
        stelle_wieder_her(verschluesselt)
    beiseite = stelle_wieder_her(verschluesselt, kennwort=KENNWORT)
    assert beiseite is not None and ist_verschluesselt(beiseite)
    assert schutz.ist_als_verschluesselt_markiert(verschluesselt)
    assert _namen(verschluesselt, KENNWORT) == [NAME]


def test_alte_unverschluesselte_sicherung_laesst_sich_zurueckspielen(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    _namen(pfad)
    klar = sicherungen(pfad)[0].pfad
    kopie = tmp_path / "klar.sqlite"
    kopie.write_bytes(klar.read_bytes())  # e.g. a backup on a USB stick from before the encryption
    schutz.verschluessele(pfad, KENNWORT)
    stelle_wieder_her(pfad, kopie, kennwort=KENNWORT)
    assert not ist_verschluesselt(pfad) and not schutz.ist_als_verschluesselt_markiert(pfad)
    assert _namen(pfad) == [NAME]


def test_gescheiterte_pruefung_laesst_die_datei_unveraendert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    monkeypatch.setattr(schutz, "pruefe_datei", lambda *_a, **_k: "die Prüfung hat Fehler gefunden")
    with pytest.raises(DatenbankFehler, match="weiter unverschlüsselt"):
        schutz.verschluessele(pfad, KENNWORT)
    assert not ist_verschluesselt(pfad) and not schutz.ist_als_verschluesselt_markiert(pfad)
    erwartet = ["haushalt-sicherungen", "haushalt.sqlite", "haushalt.sqlite.lock"]
    assert sorted(p.name for p in tmp_path.iterdir()) == erwartet
    assert _namen(pfad) == [NAME]


def test_verschluesselt_von_anfang_an(tmp_path: Path) -> None:
    pfad = tmp_path / "neu.sqlite"
    with Datenbank.oeffnen(pfad, kennwort=KENNWORT) as db, db.arbeitseinheit() as sitzung:
        sitzung.add(Arbeitgeber(nachname=NAME, bundesland="BW"))
    assert ist_verschluesselt(pfad) and schutz.ist_als_verschluesselt_markiert(pfad)
    assert NAME.encode() not in pfad.read_bytes()
    with pytest.raises(KennwortNoetig):
        Datenbank.oeffnen(pfad)


def test_bereits_verschluesselt_wird_abgelehnt(verschluesselt: Path) -> None:
    with pytest.raises(EingabeFehler, match="bereits verschlüsselt"):
        schutz.verschluessele(verschluesselt, KENNWORT)


def _cli(*argv: str) -> int:
    return ausfuehren(build_parser(list(argv)).parse_args(list(argv)))


def test_kommandozeile_kennwort_aus_der_umgebung(
    verschluesselt: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _cli("sicherung", "anlegen", "--db", str(verschluesselt)) == 2
    fehler = capsys.readouterr().err.strip()
    assert fehler.count("\n") == 0 and "ist verschlüsselt" in fehler and schutz.UMGEBUNG_KENNWORT in fehler
    monkeypatch.setenv(schutz.UMGEBUNG_KENNWORT, "falsch-falsch")
    assert _cli("sicherung", "anlegen", "--db", str(verschluesselt)) == 2
    assert "Das Kennwort öffnet die Datenbank" in capsys.readouterr().err
    monkeypatch.setenv(schutz.UMGEBUNG_KENNWORT, KENNWORT)
    assert _cli("sicherung", "anlegen", "--db", str(verschluesselt)) == 0
    assert "Sicherung angelegt" in capsys.readouterr().out


def test_kommandozeile_fragt_am_terminal(
    verschluesselt: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    eingaben = iter(["falsch-falsch", KENNWORT])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _frage: next(eingaben))
    assert _cli("sicherung", "anlegen", "--db", str(verschluesselt)) == 0
    assert "Das Kennwort öffnet die Datenbank" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kennwort", "wiederholung", "teil"),
    [
        ("kurz", "kurz", "zu kurz"),
        ("lang-genug-1", "lang-genug-2", "stimmen nicht überein"),
        (" lang genug ", " lang genug ", "Leerzeichen"),
        ("lang-genug-1", "lang-genug-1", None),
    ],
)
def test_neues_kennwort_pruefen(kennwort: str, wiederholung: str, teil: str | None) -> None:
    grund = schutz.kennwort_pruefen(kennwort, wiederholung)
    assert (grund is None) if teil is None else (grund is not None and teil in grund)


def test_kennwort_hinweis() -> None:
    assert schutz.kennwort_hinweis("abc").startswith("Zu kurz")
    assert schutz.kennwort_hinweis("abcdefgh").startswith("Schwach")
    assert schutz.kennwort_hinweis(KENNWORT) == "Stark."


def test_datei_rechte(verschluesselt: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    for datei in _alle_dateien(verschluesselt.parent):
        if datei.suffix != ".lock":
            assert datei.stat().st_mode & 0o077 == 0, datei


def test_loeschen_erreicht_verschluesselte_sicherungen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Art. 17 in an encrypted household: every backup is rewritten without her, and stays encrypted."""
    from core.cli import main
    from core.persistence.verbindung import verbinde
    from core.stammdaten import arbeitgeber, assistenzkraefte, start
    from core.stammdaten.assistenzkraefte import AssistenzkraftDaten

    pfad = tmp_path / "haushalt.sqlite"
    with start.oeffne(pfad) as db:
        arbeitgeber.speichere_arbeitgeber(db, arbeitgeber.ArbeitgeberDaten(nachname="Beispiel", bundesland="BW"))
        assistenzkraefte.speichere_assistenzkraft(db, AssistenzkraftDaten(vorname="Berta", nachname="Bauer"))
    start.oeffne(pfad).schliessen()
    schutz.verschluessele(pfad, KENNWORT)
    schutz.vergiss_kennwoerter()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    monkeypatch.setenv(schutz.UMGEBUNG_KENNWORT, KENNWORT)
    assert main(["loeschen", "Berta Bauer", "--ja", "--db", str(pfad)]) == 0, capsys.readouterr().err
    kopien = [s.pfad for s in sicherungen(pfad)]
    assert len(kopien) >= 2
    for datei in [pfad, *kopien]:
        assert ist_verschluesselt(datei), datei
        verbindung = verbinde(datei, kennwort=KENNWORT, nur_lesen=True)
        try:
            assert verbindung.execute("SELECT count(*) FROM assistenzkraft").fetchone()[0] == 0, datei
        finally:
            verbindung.close()


def test_schluessel_wie_sqlcipher_ihn_ableitet(tmp_path: Path) -> None:
    """The file keyed with our derived raw key is a standard SQLCipher 4 file: SQLCipher opens it with the password
    (PRAGMA key = 'password', its own PBKDF2 with the same rounds), and rejects another password."""
    pfad = tmp_path / "neu.sqlite"
    with Datenbank.oeffnen(pfad, kennwort=KENNWORT) as db, db.arbeitseinheit() as sitzung:
        sitzung.add(Arbeitgeber(nachname=NAME, bundesland="BW"))
    for kennwort, erwartet in ((KENNWORT, [(NAME,)]), ("anderes Kennwort", None)):
        roh = dbapi_modul("x").connect(str(pfad))
        try:
            roh.execute("PRAGMA key = '" + kennwort.replace("'", "''") + "'")
            roh.execute(f"PRAGMA kdf_iter = {verbindung_modul.KDF_RUNDEN}")
            if erwartet is None:
                with pytest.raises(Exception, match="not a database"):
                    roh.execute("SELECT nachname FROM arbeitgeber").fetchall()
            else:
                assert roh.execute("SELECT nachname FROM arbeitgeber").fetchall() == erwartet
        finally:
            roh.close()


def test_kommandozeile_verschluesseln(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _cli("verschluesseln", "--db", str(pfad)) == 2  # no terminal, no variable: nothing changes
    assert "ASSISTENZBUERO_PASSWORT" in capsys.readouterr().err and not ist_verschluesselt(pfad)
    monkeypatch.setenv(schutz.UMGEBUNG_KENNWORT, "kurz")
    assert _cli("verschluesseln", "--db", str(pfad)) == 2
    assert "zu kurz" in capsys.readouterr().err and not ist_verschluesselt(pfad)
    eingaben = iter([KENNWORT, KENNWORT])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _frage: next(eingaben))
    assert _cli("verschluesseln", "--db", str(pfad)) == 0
    ausgabe = capsys.readouterr().out
    assert "jetzt verschlüsselt" in ausgabe and "Stärke des Kennworts: Stark." in ausgabe
    assert ist_verschluesselt(pfad)
    schutz.vergiss_kennwoerter()
    assert _namen(pfad, KENNWORT) == [NAME]


def test_kennwort_aendern(verschluesselt: Path) -> None:
    neu = "Ein ganz anderes Kennwort"
    with pytest.raises(FalschesKennwort):
        schutz.aendere_kennwort(verschluesselt, "falsch-falsch", neu)
    assert _namen(verschluesselt, KENNWORT) == [NAME]  # unchanged after the refusal
    ergebnis = schutz.aendere_kennwort(verschluesselt, KENNWORT, neu)
    assert ergebnis.sicherungen_nicht_verschluesselt == []
    assert ergebnis.sicherungen_verschluesselt == len(sicherungen(verschluesselt)) == 5
    schutz.vergiss_kennwoerter()
    with pytest.raises(FalschesKennwort):
        Datenbank.oeffnen(verschluesselt, kennwort=KENNWORT)
    assert _namen(verschluesselt, neu) == [NAME]
    for s in sicherungen(verschluesselt):  # the old password opens no backup either
        assert pruefe_datei(s.pfad, kennwort=neu) is None
        with pytest.raises(FalschesKennwort):
            pruefe_datei(s.pfad, kennwort=KENNWORT)


def test_kennwort_aendern_nur_bei_verschluesselter_datei(tmp_path: Path) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _haushalt(pfad)
    with pytest.raises(EingabeFehler, match="nicht verschlüsselt"):
        schutz.aendere_kennwort(pfad, KENNWORT, "Ein ganz anderes Kennwort")


def test_entschluesseln_macht_datei_und_sicherungen_wieder_klar(verschluesselt: Path, tmp_path: Path) -> None:
    """Turning encryption off (issue 14): the file and every backup plain again, the data unchanged, the marker gone;
    a wrong password changes nothing."""
    with pytest.raises(KennwortNoetig):  # this process knows no password and was given none
        schutz.entschluessele(verschluesselt)
    with pytest.raises(FalschesKennwort):
        schutz.entschluessele(verschluesselt, "falsch-falsch")
    assert ist_verschluesselt(verschluesselt) and _namen(verschluesselt, KENNWORT) == [NAME]
    fremd = sicherungen(verschluesselt)[-1].pfad  # the oldest backup, as if encrypted with another password
    schutz.exportiere_klar(fremd, tmp_path / "klar-zwischen.sqlite", KENNWORT)
    schutz.exportiere_verschluesselt(tmp_path / "klar-zwischen.sqlite", fremd, "Ein ganz anderes Kennwort")
    schutz.vergiss_kennwoerter()

    ergebnis = schutz.entschluessele(verschluesselt, KENNWORT)

    assert ergebnis.sicherung_vorher is not None and ergebnis.sicherung_vorher.pfad.exists()
    assert ergebnis.sicherungen_verschluesselt_geblieben == [fremd]
    # three from the fixture, one from the check above, one right before; all but the foreign one: four
    assert ergebnis.sicherungen_entschluesselt == len(sicherungen(verschluesselt)) - 1 == 4
    assert not ist_verschluesselt(verschluesselt) and not schutz.ist_als_verschluesselt_markiert(verschluesselt)
    assert verschluesselt.read_bytes().startswith(b"SQLite format 3")
    for s in sicherungen(verschluesselt):
        assert ist_verschluesselt(s.pfad) == (s.pfad == fremd)
        if s.pfad != fremd:
            assert pruefe_datei(s.pfad) is None
    assert _namen(verschluesselt) == [NAME]  # opens without any password
    with pytest.raises(EingabeFehler, match="nicht verschlüsselt"):
        schutz.entschluessele(verschluesselt, KENNWORT)


def test_kommandozeile_entschluesseln(
    verschluesselt: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _cli("entschluesseln", "--db", str(verschluesselt)) == 2  # no terminal, no variable: nothing changes
    assert schutz.UMGEBUNG_KENNWORT in capsys.readouterr().err and ist_verschluesselt(verschluesselt)
    eingaben = iter(["falsch-falsch", KENNWORT])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _frage: next(eingaben))
    assert _cli("entschluesseln", "--db", str(verschluesselt)) == 0
    ausgaben = capsys.readouterr()
    assert "Das Kennwort öffnet die Datenbank" in ausgaben.err
    # the fixture's three backups and the one taken right before: four
    assert "nicht mehr verschlüsselt" in ausgaben.out and "4 Sicherungen" in ausgaben.out
    assert not ist_verschluesselt(verschluesselt) and _namen(verschluesselt) == [NAME]
