"""Start Assistenzbüro from a source checkout: creates .venv on first run, then starts the program or the tests.

Usage:
    python3 installer/run.py [ARGUMENTE …]     startet das Programm (Argumente gehen an `assistenzbuero`)
    python3 installer/run.py --tests [PYTEST-ARGUMENTE …]
                                              führt die gesamte Testsuite aus
    python3 installer/run.py --pruefen        ruff check, ruff format --check und mypy (wie .ci/run)
    python3 installer/run.py --bauen          baut das Programm mit PyInstaller (dist/assistenzbuero) und prüft
                                              es mit installer/pruefe_bundle.py (wie .ci/run; installer/BAUEN.md)

Only the standard library is used here, so it runs on a machine that has nothing but Python >= 3.11.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("ASSISTENZBUERO_VENV", ROOT / ".venv"))
STAMP = VENV / ".assistenzbuero-installed"


def _python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - users may start this with an old python3
        sys.exit("Assistenzbüro braucht Python 3.11 oder neuer. Bitte installieren Sie eine neuere Python-Version.")
    if not _python().exists():
        print(f"Lege die Programmumgebung an: {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    if STAMP.exists() and STAMP.read_text(encoding="utf-8") == _fingerprint():
        return
    print("Installiere die benötigten Pakete (nur beim ersten Start oder nach einem Update) …", flush=True)
    pip = [str(_python()), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    _still([*pip, "--upgrade", "pip"])
    _still([*pip, "--editable", f"{ROOT}[test]"])
    STAMP.write_text(_fingerprint(), encoding="utf-8")


def _still(befehl: list[str]) -> None:
    """Run an installation step without showing its output: pip and setuptools print English warnings meant for
    developers (deprecations, build notes) that a user cannot act on. On failure the output is shown after one
    German sentence, so that help can be asked with it."""
    ergebnis = subprocess.run(befehl, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if ergebnis.returncode != 0:
        print(
            "Die Installation ist fehlgeschlagen. Die folgenden Meldungen von pip helfen bei der Fehlersuche:",
            file=sys.stderr,
        )
        print((ergebnis.stdout + ergebnis.stderr)[-4000:], file=sys.stderr)
        raise subprocess.CalledProcessError(ergebnis.returncode, befehl)


# The static checks CI runs before the tests (.ci/run) and pre-commit runs locally; which packages mypy checks
# is [tool.mypy] packages in pyproject.toml.
PRUEFUNGEN = (["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"])


#: Time limits of the build and of its check (measured here: about 1.5 and 1 minute on a shared 2-core machine).
BAUZEIT_SEKUNDEN = 900
PRUEFZEIT_SEKUNDEN = 600
BAU_STAMP = VENV / ".assistenzbuero-bau"


def _bauumgebung() -> None:
    """PyInstaller and tzdata (the extra `build`) in the same environment, once per pyproject.toml."""
    if BAU_STAMP.exists() and BAU_STAMP.read_text(encoding="utf-8") == _fingerprint():
        return
    print("Installiere die Bauwerkzeuge (PyInstaller) …", flush=True)
    pip = [str(_python()), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    _still([*pip, "--editable", f"{ROOT}[test,build]"])
    BAU_STAMP.write_text(_fingerprint(), encoding="utf-8")


def baue_und_pruefe(python: Path, ziel: Path) -> int:
    """Build the one-folder program into `ziel` with the project's spec, then run the smoke test of the built
    program on it (offscreen). A missing data file thus fails here, not at the user's."""
    arbeit = ziel.parent / "build"
    bau = [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    bau += ["--distpath", str(ziel), "--workpath", str(arbeit), str(ROOT / "installer" / "assistenzbuero.spec")]
    schritte = (
        ("Bauen (PyInstaller)", bau, BAUZEIT_SEKUNDEN),
        (
            "Prüfen (installer/pruefe_bundle.py)",
            [str(python), str(ROOT / "installer" / "pruefe_bundle.py"), str(ziel / "assistenzbuero"), "--offscreen"],
            PRUEFZEIT_SEKUNDEN,
        ),
    )
    for name, befehl, grenze in schritte:
        print(f"$ {name}", flush=True)
        try:
            ergebnis = subprocess.run(befehl, cwd=ROOT, timeout=grenze).returncode
        except subprocess.TimeoutExpired:
            print(f"{name} dauerte länger als {grenze // 60} Minuten und wurde abgebrochen.", file=sys.stderr)
            return 1
        if ergebnis != 0:
            return ergebnis
    return 0


def main(argv: list[str]) -> int:
    _ensure_environment()
    if argv[:1] == ["--bauen"]:
        _bauumgebung()
        return baue_und_pruefe(_python(), ROOT / "dist")
    if argv[:1] == ["--pruefen"]:
        for pruefung in PRUEFUNGEN:
            print("$", " ".join(pruefung), flush=True)
            ergebnis = subprocess.run([str(_python()), "-m", *pruefung], cwd=ROOT).returncode
            if ergebnis != 0:
                return ergebnis
        return 0
    if argv[:1] == ["--tests"]:
        return subprocess.run([str(_python()), "-m", "pytest", *argv[1:]], cwd=ROOT).returncode
    # The program runs where the user stands, so `--db daten.sqlite` or an export target is relative to her folder,
    # not to the project's. -P keeps that folder off the import path (a folder named "Desktop" there would shadow
    # the package `desktop` on Windows); the editable install makes the program importable from anywhere.
    return subprocess.run([str(_python()), "-P", "-m", "desktop.start", *argv], cwd=Path.cwd()).returncode


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(f"Die Installation ist fehlgeschlagen ({error}). Bitte prüfen Sie die Internetverbindung.")
    except KeyboardInterrupt:
        sys.exit(130)
