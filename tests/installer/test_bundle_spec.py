"""The PyInstaller spec bundles every file the program reads at run time; the bundle checks pass on the source.

No build happens here (that takes a minute and ~150 MB): these tests read installer/assistenzbuero.spec as text and
compare its data list with what the code opens. `installer/pruefe_bundle.py` checks a real build.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.kommandozeile import rufe

WURZEL = Path(__file__).resolve().parents[2]
SPEC = WURZEL / "installer" / "assistenzbuero.spec"

# Modules that find files relative to their own location (`__file__`): frozen, that location is inside the bundle,
# so the folder they read must be in PROJEKTDATEN. A new such module: add its folder to the spec, then here.
DATEIZUGRIFFE_UEBER_FILE = {
    "core/ressourcen.py": "resources",
    "core/persistence/migration.py": "core/persistence/migrations",
}


def _spec_literal(name: str) -> object:
    for knoten in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(knoten, ast.Assign) and any(isinstance(z, ast.Name) and z.id == name for z in knoten.targets):
            return ast.literal_eval(knoten.value)
    raise AssertionError(f"{name} fehlt in {SPEC.name} (oder ist kein Literal mehr)")


PROJEKTDATEN: tuple[tuple[str, str], ...] = _spec_literal("PROJEKTDATEN")  # type: ignore[assignment]
PAKETE: tuple[str, ...] = _spec_literal("PAKETE")  # type: ignore[assignment]


def _ziel_im_bundle(datei: Path) -> Path | None:
    """Where the spec puts `datei` in the bundle, or None if it does not bundle it."""
    relativ = datei.relative_to(WURZEL)
    for quelle, ziel in PROJEKTDATEN:
        if relativ.is_relative_to(quelle):
            return Path(ziel) / relativ.relative_to(quelle)
    return None


def _dateien(ordner: Path) -> list[Path]:
    return sorted(d for d in ordner.rglob("*") if d.is_file() and "__pycache__" not in d.parts and d.suffix != ".pyc")


def _quelltexte() -> list[Path]:
    return [d for paket in PAKETE for d in _dateien(WURZEL / paket) if d.suffix == ".py"]


@functools.cache
def _syntaxbaeume(*woerter: str) -> tuple[tuple[Path, ast.Module], ...]:
    """The source files of PAKETE that contain one of `woerter`, parsed. A call of `ressource` or an import of a
    package names it in the text, so the files without the word cannot hold what a scan below looks for; parsing
    all 267 files took ~1 s of CPU per scan, the handful with the word a few hundredths."""
    texte = ((quelle, quelle.read_text(encoding="utf-8")) for quelle in _quelltexte())
    return tuple((quelle, ast.parse(text)) for quelle, text in texte if any(wort in text for wort in woerter))


def _pruefe_gebuendelt(dateien: list[Path]) -> None:
    # frozen, sys._MEIPASS replaces the checkout root: the relative path must stay the same
    falsch = [
        f"{d.relative_to(WURZEL)} → {_ziel_im_bundle(d)}"
        for d in dateien
        if _ziel_im_bundle(d) != d.relative_to(WURZEL)
    ]
    assert not falsch, f"nicht (oder am falschen Ort) im Bundle – PROJEKTDATEN in {SPEC.name} ergänzen: {falsch}"


def test_jede_ressourcendatei_ist_im_bundle() -> None:
    dateien = _dateien(WURZEL / "resources")
    assert any(d.match("regeln/*.toml") for d in dateien) and any(d.match("pap/*/pap.xml") for d in dateien)
    _pruefe_gebuendelt(dateien)


def test_alembic_skripte_sind_als_dateien_im_bundle() -> None:
    from core.persistence import migration

    ordner = migration.MIGRATIONEN
    dateien = _dateien(ordner)
    namen = {d.relative_to(ordner).as_posix() for d in dateien}
    assert {"env.py", "script.py.mako"} <= namen
    assert any(n.startswith("versions/") and n.endswith(".py") and "__init__" not in n for n in namen)
    _pruefe_gebuendelt(dateien)


def test_datendateien_in_den_paketen_sind_im_bundle() -> None:
    """Anything not Python inside core/ or desktop/ (templates, icons, .qm, .ui …) is read as a file."""
    _pruefe_gebuendelt([d for paket in PAKETE for d in _dateien(WURZEL / paket) if d.suffix != ".py"])


def _ressource_aufrufe() -> list[tuple[Path, tuple[str, ...]]]:
    aufrufe = []
    for quelle, baum in _syntaxbaeume("ressource"):
        for knoten in ast.walk(baum):
            if (
                isinstance(knoten, ast.Call)
                and isinstance(knoten.func, ast.Name | ast.Attribute)
                and (knoten.func.id if isinstance(knoten.func, ast.Name) else knoten.func.attr) == "ressource"
            ):
                teile = []
                for argument in knoten.args:  # the literal leading parts: ressource("pap") / "2026" …
                    if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                        break
                    teile.append(argument.value)
                aufrufe.append((quelle, tuple(teile)))
    return aufrufe


def test_jeder_ressource_aufruf_zeigt_auf_gebuendelte_dateien() -> None:
    aufrufe = _ressource_aufrufe()
    assert len(aufrufe) >= 3  # regeln (tables, Kassen seeds), pap: the scan itself works
    for quelle, teile in aufrufe:
        assert teile, f"{quelle.relative_to(WURZEL)}: ressource() ohne festen Ordnernamen – bitte prüfen"
        ziel = WURZEL / "resources" / Path(*teile)
        assert ziel.exists(), f"{quelle.relative_to(WURZEL)} liest {ziel.relative_to(WURZEL)}, das es nicht gibt"
        _pruefe_gebuendelt(_dateien(ziel) if ziel.is_dir() else [ziel])


def test_dateizugriffe_ueber_file_sind_bekannt_und_gebuendelt() -> None:
    gefunden = {
        d.relative_to(WURZEL).as_posix()
        for d in _quelltexte()
        if "__file__" in d.read_text(encoding="utf-8") and "migrations" not in d.parts
    }
    assert gefunden == set(DATEIZUGRIFFE_UEBER_FILE), (
        "Module, die Dateien neben sich suchen, haben sich geändert: den gelesenen Ordner in PROJEKTDATEN der "
        "Spec aufnehmen und DATEIZUGRIFFE_UEBER_FILE hier anpassen"
    )
    quellen = {quelle for quelle, _ in PROJEKTDATEN}
    assert set(DATEIZUGRIFFE_UEBER_FILE.values()) <= quellen


def test_dynamisch_importierte_module_liegen_in_vollstaendig_gesammelten_paketen() -> None:
    """Commands, model modules, export kinds, GUI areas and tabs are imported by name: invisible to the analysis."""
    from core.cli import BEFEHLSMODULE
    from core.cli.export import EXPORTARTEN
    from core.persistence.modelle_registry import MODELLMODULE
    from desktop.bereiche import BEREICHE
    from desktop.einstellungen_bereich import REITER

    namen = [*BEFEHLSMODULE, *MODELLMODULE]
    namen += [eintrag.partition(":")[0] for eintrag in EXPORTARTEN.values()]
    namen += [b.fabrik.partition(":")[0] for b in BEREICHE if b.fabrik]
    namen += [fabrik.partition(":")[0] for _, _, fabrik in REITER]
    assert len(namen) >= 4
    draussen = [n for n in namen if n.split(".")[0] not in PAKETE]
    assert not draussen, f"in der Spec unter PAKETE ergänzen: {draussen}"


def _pyproject() -> dict[str, object]:
    with (WURZEL / "pyproject.toml").open("rb") as datei:
        return tomllib.load(datei)["project"]


def test_pyinstaller_nur_im_build_extra_und_zeitzonendaten_fuer_windows() -> None:
    projekt = _pyproject()
    laufzeit = " ".join(projekt["dependencies"]).lower()  # type: ignore[arg-type]
    build = " ".join(projekt["optional-dependencies"]["build"]).lower()  # type: ignore[index]
    assert "pyinstaller" in build and "pyinstaller" not in laufzeit
    # Windows has no tz database; zoneinfo needs the tzdata package for Europe/Berlin there (core.domain.zeit)
    assert "tzdata" in laufzeit and "win32" in laufzeit and "tzdata" in build


def test_programmversion_folgt_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    """The spec names the build after pyproject's version; `--version` of the program must say the same, read from
    the package metadata (which the spec copies into the bundle)."""
    from core.cli import main

    with pytest.raises(SystemExit) as ende:
        main(["--version"])
    assert ende.value.code == 0
    assert capsys.readouterr().out.strip() == f"Assistenzbüro {_pyproject()['version']}"
    assert 'copy_metadata("assistenzbuero")' in SPEC.read_text(encoding="utf-8")


def test_linux_menueeintrag_passt_zum_programm() -> None:
    """Taskbars match windows to the menu entry by the desktop file name the program announces."""
    from desktop.app import DESKTOP_DATEI

    eintrag = (WURZEL / "installer" / "linux" / f"{DESKTOP_DATEI}.desktop").read_text(encoding="utf-8")
    zeilen = dict(z.split("=", 1) for z in eintrag.splitlines() if "=" in z and not z.startswith("#"))
    assert zeilen["Name"] == "Assistenzbüro"
    assert zeilen["StartupWMClass"] == DESKTOP_DATEI
    assert zeilen["Exec"] == "@PROGRAMM@"  # installieren.sh fills in the installed path


def _installer_modul(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(WURZEL / "installer"))  # spawned children import it by name too
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, WURZEL / "installer" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[name] = modul
    spec.loader.exec_module(modul)
    return modul


@pytest.mark.gui
def test_selbsttest_besteht_im_quellordner(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen program's self-check (every data file, catalogue, child process) passes on the source tree."""
    selbsttest = _installer_modul("selbsttest", monkeypatch)
    ergebnisse = selbsttest.fuehre_aus()
    assert len(ergebnisse) == len(selbsttest.PRUEFUNGEN) >= 10
    assert [e for e in ergebnisse if not e["ok"]] == []


@pytest.fixture
def quellprogramm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    pruefe = _installer_modul("pruefe_bundle", monkeypatch)
    umgebung = {**pruefe.sandbox_umgebung(tmp_path), "PYTHONPATH": str(WURZEL)}
    return pruefe.Programm([sys.executable, "-m", "desktop.start"], tmp_path, umgebung)


class _ImTestprozess:
    """The source program's command line run inside the test process (tests/kommandozeile.py): for a check that
    calls it ten times (demo, backups, exports, the month closed) the same commands and answers without a new
    interpreter for each; for `--version` because test_programmversion_folgt_pyproject asks the same in-process.
    The checks whose point is the real process (German help and its exit code, one German error line with exit
    code 2, no traceback) start the real program (`quellprogramm`)."""

    def __init__(self, ordner: Path) -> None:
        self.ordner = ordner

    def starte(self, *argumente: str, **_: object) -> subprocess.CompletedProcess[str]:
        lauf = rufe(*argumente)
        return subprocess.CompletedProcess(list(argumente), lauf.returncode, lauf.stdout, lauf.stderr)


@pytest.mark.parametrize(
    ("pruefungen", "im_testprozess"),
    [
        (("pruefe_hilfe",), False),
        (("pruefe_version",), True),
        (("pruefe_datenbank", "pruefe_abrechnung"), True),  # in this order on one demo household, as in the bundle
        (("pruefe_fehlermeldung",), False),
    ],
)
def test_bundlepruefungen_bestehen_im_quellordner(
    pruefungen: tuple[str, ...],
    im_testprozess: bool,
    quellprogramm: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The smoke test's terminal checks pass when run against the source program (German help, --db after the
    subcommand, the demo month's payslips, Lohnjournal, SEPA file and deadlines, one German error line with exit
    code 2)."""
    pruefe = _installer_modul("pruefe_bundle", monkeypatch)
    programm = _ImTestprozess(tmp_path) if im_testprozess else quellprogramm
    for pruefung in pruefungen:
        detail = getattr(pruefe, pruefung)(programm)
        assert isinstance(detail, str) and detail and "übersprungen" not in detail


@pytest.mark.parametrize(
    ("ausgabe", "code", "pruefung"),
    [
        ("usage: assistenzbuero [-h]\n\noptions:\n  -h\n", 0, "pruefe_hilfe"),  # argparse's English headings
        ("Aufruf: assistenzbuero\nUnterbefehle\n", 3, "pruefe_hilfe"),  # help exits with an error
        ("Assistenzbüro 0.0.0-alt\n", 0, "pruefe_version"),  # stale version string
    ],
)
def test_bundlepruefungen_erkennen_fehler(
    ausgabe: str, code: int, pruefung: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pruefe = _installer_modul("pruefe_bundle", monkeypatch)
    falsch = _Antwortet(ausgabe, code)
    with pytest.raises(pruefe.Fehlschlag):
        getattr(pruefe, pruefung)(falsch)


class _Antwortet:
    """A program that answers every call with the same output and exit code (what a child process printing
    `ausgabe` and exiting with `code` gives the check, without starting one)."""

    def __init__(self, ausgabe: str, code: int) -> None:
        self.ausgabe, self.code = ausgabe, code

    def starte(self, *argumente: str, **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(list(argumente), self.code, self.ausgabe, "")


def test_befehlsliste_aus_der_hilfe(monkeypatch: pytest.MonkeyPatch) -> None:
    pruefe = _installer_modul("pruefe_bundle", monkeypatch)
    hilfe = "Unterbefehle:\n  BEFEHL\n    demo        Beispiel\n    sicherung   Sicherungen\n                weiter\n"
    assert pruefe.befehle(hilfe) == ["demo", "sicherung"]


# --- the trimmed package data (AUSWAHL in the spec) --------------------------------------------------------------

AUSWAHL: dict[str, tuple[str, ...]] = _spec_literal("AUSWAHL")  # type: ignore[assignment]

# The only modules that use the packages whose data the spec trims. A new user: check that what it reads is in
# AUSWAHL (the probe below shows it), then add it here.
NUTZER_BESCHNITTENER_PAKETE = {
    "babel": {"core/domain/zahlen.py"},
    "pycountry": {"core/domain/staaten.py"},
    "pyphen": {"desktop/tabellen.py"},
    "stdnum": {"core/domain/kennungen.py", "core/demo.py"},
    "tzdata": set(),
    "zoneinfo": {"core/domain/zeit.py"},
}


def test_nur_bekannte_module_nutzen_die_beschnittenen_pakete() -> None:
    gefunden: dict[str, set[str]] = {paket: set() for paket in NUTZER_BESCHNITTENER_PAKETE}
    for quelle, baum in _syntaxbaeume(*NUTZER_BESCHNITTENER_PAKETE):
        for knoten in ast.walk(baum):
            namen = []
            if isinstance(knoten, ast.Import):
                namen = [alias.name for alias in knoten.names]
            elif isinstance(knoten, ast.ImportFrom) and knoten.module and knoten.level == 0:
                namen = [knoten.module]
            for name in namen:
                if name.split(".")[0] in gefunden:
                    gefunden[name.split(".")[0]].add(quelle.relative_to(WURZEL).as_posix())
    assert gefunden == NUTZER_BESCHNITTENER_PAKETE, (
        "ein Modul nutzt ein Paket, dessen Daten die Spec beschneidet (AUSWAHL): prüfen, ob es andere Dateien liest"
    )


# Runs what those modules read, in a fresh interpreter whose audit hook records every file opened (caches of the
# test process would hide a read). Europe/Berlin is loaded once from the tzdata package, as on Windows.
_PROBE = """
import json, sys, zoneinfo
from decimal import Decimal
geoeffnet = []
sys.addaudithook(lambda e, a: geoeffnet.append(a[0]) if e == "open" and isinstance(a[0], str) else None)
from core.domain import kennungen, staaten, zahlen, zeit
zahlen.format_eur(Decimal("1234.5")), zahlen.format_zahl(Decimal("7.5")), zahlen.lies_zahl("1.234,56")
zahlen.anzahl(3, "Tag", "Tage"), staaten.staatsname("FR"), staaten.arbeitserlaubnis_noetig("UA")
kennungen.pruefe_steuer_id("36574261809"), kennungen.pruefe_steuernummer("1121081508150", "BE")
kennungen.bic_zur_iban("DE89370400440532013000"), kennungen.bank_zur_iban("AT611904300234573201")
from desktop import tabellen
tabellen._silben().inserted("Arbeitgeberkosten")
zoneinfo.reset_tzpath(to=[])
zoneinfo.ZoneInfo.no_cache(zeit.BERLIN.key)
print(json.dumps(geoeffnet))
"""


def test_die_programmteile_lesen_nur_behaltene_paketdaten(tmp_path: Path) -> None:
    # an empty cache folder: the first start parses the hyphenation dictionary, later ones read their own copy
    umgebung = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "zwischenspeicher")}
    ergebnis = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        cwd=WURZEL,
        check=True,
        timeout=120,
        env=umgebung,
    )
    geoeffnet = [Path(p).resolve() for p in json.loads(ergebnis.stdout.splitlines()[-1])]
    geoeffnet = [p for p in geoeffnet if p.suffix not in {".py", ".pyc"}]  # modules: in the archive, not data
    for ordner, behalten in AUSWAHL.items():
        paket, _, unterordner = ordner.partition("/")
        spec = importlib.util.find_spec(paket)
        assert spec is not None and spec.submodule_search_locations
        wurzel = Path(next(iter(spec.submodule_search_locations))).resolve() / unterordner
        gelesen = {p.relative_to(wurzel).as_posix() for p in geoeffnet if p.is_relative_to(wurzel)}
        assert gelesen <= set(behalten), f"{ordner}: gelesen, aber nicht im Paket: {sorted(gelesen - set(behalten))}"
        if behalten:  # the probe really reaches each kept folder
            assert gelesen, f"{ordner}: die Probe liest hier nichts"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="die Grenze gilt für das Linux-Paket")
def test_groessenpruefung_nennt_die_groessten_teile_und_schlaegt_ueber_der_grenze_fehl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pruefe = _installer_modul("pruefe_bundle", monkeypatch)
    (tmp_path / "_internal" / "babel" / "locale-data").mkdir(parents=True)
    for nummer in range(3):
        (tmp_path / "_internal" / "babel" / "locale-data" / f"x{nummer}.dat").write_bytes(b"0" * 700_000)
    (tmp_path / "_internal" / "libpython3.11.so.1.0").write_bytes(b"0" * 300_000)
    (tmp_path / "_internal" / "libverweis.so").symlink_to(tmp_path / "_internal" / "libpython3.11.so.1.0")
    (tmp_path / "assistenzbuero").write_bytes(b"0" * 100_000)

    detail = pruefe.pruefe_groesse(tmp_path, grenze_mb=3, grenze_dateien=5)
    assert detail.startswith("2 MB in 5 Dateien")  # 2.4 MB; the link is not counted twice
    assert "babel 2,0 MB, libpython3.11.so.1.0 0,3 MB, assistenzbuero 0,1 MB" in detail
    with pytest.raises(pruefe.Fehlschlag, match=r"größer als die Grenze von 2 MB.*Am größten: babel 2,0 MB"):
        pruefe.pruefe_groesse(tmp_path, grenze_mb=2, grenze_dateien=5)
    with pytest.raises(pruefe.Fehlschlag, match="in 4 Dateien"):
        pruefe.pruefe_groesse(tmp_path, grenze_mb=3, grenze_dateien=4)
