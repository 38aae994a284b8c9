"""Smoke test of a built program folder (PyInstaller): does the frozen Assistenzbüro really work on this computer?

Aufruf (im Projektordner, nach dem Bauen; nur Standardbibliothek nötig):
    python installer/pruefe_bundle.py                      # prüft dist/assistenzbuero (macOS: dist/Assistenzbüro.app)
    python installer/pruefe_bundle.py PFAD [--ohne-fenster] [--offscreen]

Runs the built executable as a user would: German help, version, the bundle self-check (installer/selbsttest.py:
rule tables, PAP, migrations, German catalogues and number formats, bank registry, time zones, child processes, Qt
plugins), the demo household with its exports (or the backup list), its month closed with payslips (PDF), Lohnjournal
(xlsx), SEPA file and deadlines (.ics), a Personalbogen PDF, the import of an old Kalkulation sheet and the payroll
scenarios (both need the checkout's tests/data; the scenarios are compared with the source program when this Python
can run it), a clear German error for bad input, and the main window (time until it is shown; new file, existing
file, demo household). Prints one line per check, the bundle size with its largest parts (on Linux also checked
against a ceiling, so that unseen growth fails the build) and the start times; exit code 0 only if everything
passed. All files go to a temporary folder: the user's own data file is never touched (Linux: settings and logs go
there too).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
NAME = "assistenzbuero"
KALKULATION = WURZEL / "tests" / "data" / "kalkulation" / "forsea-kalkulation-2016.xlsx"
SZENARIEN = WURZEL / "tests" / "data" / "szenarien"  # payroll scenarios of CONTRACTS §3
FENSTER_ZEICHEN = "HAUPTFENSTER_ANGEZEIGT"  # desktop/app.py prints it once the window is shown (MESSUNG)
ZEITLIMIT = 120


class Fehlschlag(Exception):
    """One check failed; the message says what was seen."""


@dataclass
class Programm:
    """How to start the program: the frozen executable (or, in tests, the source checkout) and a private sandbox."""

    befehl: list[str]
    ordner: Path
    umgebung: dict[str, str] = field(default_factory=dict)

    def starte(
        self, *argumente: str, zusatz: dict[str, str] | None = None, zeitlimit: float = ZEITLIMIT
    ) -> subprocess.CompletedProcess[str]:
        umgebung = {**os.environ, **self.umgebung, **(zusatz or {})}
        return subprocess.run(
            [*self.befehl, *argumente],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=umgebung,
            timeout=zeitlimit,
            cwd=self.ordner,
        )


def sandbox_umgebung(ordner: Path) -> dict[str, str]:
    """Keep the check away from the user's real data file, settings and log."""
    umgebung = {"ASSISTENZBUERO_DB": str(ordner / "nicht-benutzen.sqlite"), "PYTHONIOENCODING": "utf-8"}
    if sys.platform.startswith("linux"):  # platformdirs and QSettings follow the XDG variables
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            umgebung[variable] = str(ordner / variable.lower())
    return umgebung


def _erwarte(bedingung: bool, meldung: str) -> None:
    if not bedingung:
        raise Fehlschlag(meldung)


def _ok(ergebnis: subprocess.CompletedProcess[str], was: str) -> None:
    _erwarte(ergebnis.returncode == 0, f"{was}: Exit-Code {ergebnis.returncode}\n{ergebnis.stderr.strip()[-2000:]}")


# --- the checks: each takes the Programm, raises Fehlschlag, returns a short detail ---------------------------------


def pruefe_hilfe(p: Programm) -> str:
    ergebnis = p.starte("--help")
    _ok(ergebnis, "--help")
    text = ergebnis.stdout
    _erwarte("Aufruf:" in text and "Unterbefehle" in text, f"Hilfe ist nicht deutsch:\n{text[:400]}")
    englisch = [w for w in ("usage:", "options:", "show this help", "positional arguments") if w in text]
    _erwarte(not englisch, f"englische Reste in der Hilfe: {englisch}")
    return ", ".join(befehle(text))


def befehle(hilfetext: str) -> list[str]:
    """Subcommand names listed in the help text (indented, after 'BEFEHL')."""
    block = hilfetext.split("BEFEHL\n", 1)[-1] if "BEFEHL\n" in hilfetext else ""
    return re.findall(r"^ {4}([a-z][a-z0-9_-]*)", block, flags=re.MULTILINE)


def pruefe_version(p: Programm) -> str:
    ergebnis = p.starte("--version")
    _ok(ergebnis, "--version")
    ausgabe = ergebnis.stdout.strip()
    pyproject = WURZEL / "pyproject.toml"
    if pyproject.exists():
        with pyproject.open("rb") as datei:
            version = tomllib.load(datei)["project"]["version"]
        _erwarte(ausgabe == f"Assistenzbüro {version}", f"meldet „{ausgabe}“, pyproject.toml sagt {version}")
    return ausgabe


def pruefe_selbsttest(p: Programm) -> str:
    ergebnis = p.starte(zusatz={"ASSISTENZBUERO_SELBSTTEST": "1", "QT_QPA_PLATFORM": "offscreen"})
    try:
        bericht = json.loads(ergebnis.stdout)
    except json.JSONDecodeError:
        antwort = f"{ergebnis.stdout[-800:]}\n{ergebnis.stderr[-1500:]}"
        raise Fehlschlag(f"keine Antwort des Selbsttests:\n{antwort}") from None
    fehler = [f"{e['name']}: {e['detail']}" for e in bericht["pruefungen"] if not e["ok"]]
    _erwarte(not fehler and ergebnis.returncode == 0, "\n".join(fehler) or f"Exit-Code {ergebnis.returncode}")
    return ", ".join(e["name"] for e in bericht["pruefungen"])


def demo_haushalt(p: Programm) -> Path:
    """The demo household's file in the sandbox, made once (the window check opens it again)."""
    demo = p.ordner / "demo.sqlite"
    if not demo.is_file():
        _ok(p.starte("demo", "--db", str(demo)), "demo")
        _erwarte(demo.is_file() and demo.stat().st_size > 0, "demo hat keine Datenbankdatei angelegt")
    return demo


def pruefe_datenbank(p: Programm) -> str:
    """The demo household if this version has it (CONTRACTS §5), else the backup list of a fresh file."""
    vorhanden = befehle(p.starte("--help").stdout)
    if "demo" in vorhanden:
        demo = demo_haushalt(p)
        _ok(p.starte("sicherung", "liste", "--db", str(demo)), "sicherung liste")
        detail = f"demo → {demo.stat().st_size // 1024} KB"
        if "export" in vorhanden:  # CONTRACTS §6 on the demo's current month: reportlab and openpyxl for real
            monat = f"{date.today():%Y-%m}"
            for art, datei, kopf in (
                ("dienstplan", "dienstplan.pdf", b"%PDF"),
                ("dienstplan", "dienstplan.xlsx", b"PK"),
                ("stundenzettel", "stundenzettel.pdf", b"%PDF"),
            ):
                ziel = p.ordner / datei
                _ok(p.starte("export", art, "--db", str(demo), "--monat", monat, "--ausgabe", str(ziel)), art)
                _erwarte(ziel.is_file() and ziel.read_bytes().startswith(kopf), f"export {art}: {datei} fehlt")
            detail += f", export dienstplan (PDF, xlsx) und stundenzettel {monat}"
        return detail
    ergebnis = p.starte("sicherung", "liste", "--db", str(p.ordner / "leer.sqlite"))
    _ok(ergebnis, "sicherung liste")
    return ergebnis.stdout.strip()


def _xlsx_text(datei: Path) -> str:
    """The cell texts of all sheets of an .xlsx (openpyxl writes them inline), read with the standard library."""
    with zipfile.ZipFile(datei) as mappe:
        blaetter = [n for n in mappe.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return "\n".join(mappe.read(n).decode("utf-8") for n in blaetter)


def pruefe_abrechnung(p: Programm) -> str:
    """The demo month's payroll as the employer prints it: the month closed, the payslips (Entgeltbescheinigungen)
    as PDF in the embedded DejaVu font (resources/schriften), the Lohnjournal as xlsx, the SEPA transfer file
    (sepaxml checks it against the pain.001 schema with xmlschema's meta-schemas) and the deadlines as .ics
    (icalendar, Europe/Berlin). Each needs data files of a package that the spec trims."""
    vorhanden = befehle(p.starte("--help").stdout)
    if not {"demo", "abrechnung", "export"} <= set(vorhanden):
        return "übersprungen (keine Befehle demo, abrechnung, export)"
    demo = demo_haushalt(p)
    monat = f"{date.today():%Y-%m}"
    _ok(p.starte("abrechnung", "abschliessen", "--monat", monat, "--db", str(demo)), "abrechnung abschliessen")
    dateien = (
        ("entgeltbescheinigung", "entgeltbescheinigungen.pdf", "--monat", monat),
        ("lohnjournal", "lohnjournal.xlsx", "--monat", monat),
        ("zahlungen", "zahlungen.xml", "--monat", monat),
        ("fristen", "fristen.ics", "--jahr", monat[:4]),
    )
    for art, name, zeitraum, wert in dateien:
        ziel = p.ordner / name
        _ok(p.starte("export", art, "--db", str(demo), zeitraum, wert, "--ausgabe", str(ziel)), f"export {art}")
        _erwarte(ziel.is_file(), f"export {art}: {name} fehlt")
    pdf = (p.ordner / "entgeltbescheinigungen.pdf").read_bytes()
    _erwarte(pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf, "Entgeltbescheinigungen: kein PDF mit DejaVu Sans")
    journal = _xlsx_text(p.ordner / "lohnjournal.xlsx")
    _erwarte(f"Lohnjournal {_monatsname(monat)}" in journal, "Lohnjournal: Überschrift des Monats fehlt in der xlsx")
    sepa = (p.ordner / "zahlungen.xml").read_text(encoding="utf-8")
    _erwarte("pain.001.001.09" in sepa and "<CdtTrfTxInf>" in sepa, "Zahlungen: keine SEPA-Überweisung pain.001")
    ics = (p.ordner / "fristen.ics").read_text(encoding="utf-8")
    _erwarte(ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics, "Fristen: kein Kalender mit Terminen")
    return f"{monat} abgeschlossen; Entgeltbescheinigungen (PDF), Lohnjournal (xlsx), SEPA-Datei, Fristen (.ics)"


def _monatsname(monat: str) -> str:
    namen = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
    jahr, nummer = monat.split("-")
    return f"{namen[int(nummer) - 1]} {jahr}"


def pruefe_personalbogen(p: Programm) -> str:
    pdf = p.ordner / "personalbogen.pdf"
    _ok(p.starte("personalbogen", "--ausgabe", str(pdf), "--db", str(p.ordner / "bogen.sqlite")), "personalbogen")
    _erwarte(pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), "kein PDF geschrieben")
    return f"{pdf.stat().st_size // 1024} KB"


def pruefe_kalkulation(p: Programm) -> str:
    """Reads in a spawned child process: fails (after a timeout) if the frozen program cannot start children."""
    if not KALKULATION.is_file():
        return "übersprungen (keine Testdatei: nur im Projektordner verfügbar)"
    ergebnis = p.starte("kalkulation", "import", str(KALKULATION), "--json")
    _ok(ergebnis, "kalkulation import")
    daten = json.loads(ergebnis.stdout)
    # the sheet carries its own totals; the program recomputes them and lists every total that differs
    _erwarte(daten["abweichungen"] == [], f"Abweichungen zur Tabelle: {daten['abweichungen']}")
    return f"Gesamtkosten/Jahr {daten['ergebnis']['gesamtkosten_jahr']} wie in der Tabelle"


def _quellprogramm(p: Programm) -> Programm | None:
    """The same program from the checkout, if this Python can run it (the build environment can)."""
    if not (WURZEL / "desktop" / "start.py").is_file():
        return None
    probe = subprocess.run([sys.executable, "-c", "import sqlalchemy, holidays, alembic"], capture_output=True)
    if probe.returncode != 0:
        return None
    return Programm([sys.executable, "-m", "desktop.start"], p.ordner, {**p.umgebung, "PYTHONPATH": str(WURZEL)})


def pruefe_berechnung(p: Programm) -> str:
    """Payroll scenarios (PAP, rule tables, holidays): the frozen program must compute exactly what the source does."""
    szenarien = sorted(SZENARIEN.glob("*.json"))
    if not szenarien or "berechnen" not in befehle(p.starte("--help").stdout):
        return "übersprungen (keine Szenarien oder kein Befehl berechnen)"
    quelle = _quellprogramm(p)
    verglichen = 0
    for datei in szenarien:
        ergebnis = p.starte("berechnen", str(datei), "--json")
        _ok(ergebnis, f"berechnen {datei.name}")
        daten = json.loads(ergebnis.stdout)
        _erwarte(bool(daten.get("assistenzkraefte")), f"{datei.name}: keine Assistenzkräfte im Ergebnis")
        if quelle is not None:
            referenz = quelle.starte("berechnen", str(datei), "--json")
            _ok(referenz, f"Quellstand: berechnen {datei.name}")
            _erwarte(json.loads(referenz.stdout) == daten, f"{datei.name}: gebautes Programm rechnet anders")
            verglichen += 1
    vergleich = "alle gleich dem Quellstand" if verglichen else "ohne Vergleich (Quellstand hier nicht lauffähig)"
    return f"{len(szenarien)} Szenarien, {vergleich}"


def pruefe_fehlermeldung(p: Programm) -> str:
    ergebnis = p.starte("kalkulation", "import", str(p.ordner / "gibt-es-nicht.xlsx"))
    zeilen = ergebnis.stderr.strip().splitlines()
    _erwarte(ergebnis.returncode == 2, f"Exit-Code {ergebnis.returncode} statt 2")
    _erwarte(len(zeilen) == 1 and zeilen[0].startswith("Fehler:"), f"statt einer deutschen Zeile: {zeilen}")
    _erwarte("Traceback" not in ergebnis.stderr, "Traceback für den Benutzer")
    return zeilen[0]


def starte_fenster(p: Programm, db: Path) -> float:
    """Seconds from process start until the main window is shown (desktop/app.py quits right after)."""
    beginn = time.perf_counter()
    ergebnis = p.starte("--db", str(db), zusatz={"ASSISTENZBUERO_STARTMESSUNG": "1"})
    dauer = time.perf_counter() - beginn
    _erwarte(
        FENSTER_ZEICHEN in ergebnis.stdout and ergebnis.returncode == 0,
        f"Fenster nicht angezeigt (Exit-Code {ergebnis.returncode}):\n{ergebnis.stderr.strip()[-2000:]}",
    )
    return dauer


def pruefe_fenster(p: Programm) -> str:
    db = p.ordner / "fenster.sqlite"
    erster = starte_fenster(p, db)  # new file: create, migrate, seed
    zweiter = starte_fenster(p, db)  # existing file: back up, check
    detail = f"erster Start {erster:.1f} s (neue Datei), zweiter {zweiter:.1f} s"
    demo = p.ordner / "demo.sqlite"
    if demo.is_file():  # the start page's summaries over real data: team, Dienstplan, a closed month
        detail += f", mit Demo-Haushalt {starte_fenster(p, demo):.1f} s"
    return detail


CLI_PRUEFUNGEN: list[tuple[str, Callable[[Programm], str]]] = [
    ("hilfe", pruefe_hilfe),
    ("version", pruefe_version),
    ("selbsttest", pruefe_selbsttest),
    ("datenbank", pruefe_datenbank),
    ("abrechnung", pruefe_abrechnung),
    ("personalbogen", pruefe_personalbogen),
    ("kalkulation", pruefe_kalkulation),
    ("berechnung", pruefe_berechnung),
    ("fehlermeldung", pruefe_fehlermeldung),
]


# --- the bundle --------------------------------------------------------------------------------------------------


def standard_bundle() -> Path:
    if sys.platform == "darwin":
        return WURZEL / "dist" / "Assistenzbüro.app"
    return WURZEL / "dist" / NAME


def programmdateien(bundle: Path) -> tuple[Path, Path]:
    """(executable for the terminal checks, executable a user starts) — differ only on Windows."""
    if bundle.suffix == ".app":
        programm = bundle / "Contents" / "MacOS" / NAME
        return programm, programm
    if sys.platform == "win32":
        return bundle / f"{NAME}-cli.exe", bundle / f"{NAME}.exe"
    return bundle / NAME, bundle / NAME


def _dateien(ordner: Path) -> list[Path]:
    return [d for d in ordner.rglob("*") if d.is_file() and not d.is_symlink()]  # links point into the bundle


def groesse_mb(ordner: Path) -> tuple[float, int]:
    dateien = _dateien(ordner)
    return sum(d.stat().st_size for d in dateien) / 1024 / 1024, len(dateien)


#: Ceiling of the Linux bundle (measured 03.12.2026: 153 MB in 331 files; installer/BAUEN.md). Growth past it has
#: so far always been a package hook collecting data the program never reads (Babel's 1,146 locales: 31 MB unseen
#: for weeks): see which folder grew, trim it in the spec's AUSWAHL or excludes, or raise the ceiling with a reason
#: in BAUEN.md. Only Linux: Windows and macOS bundles have their own sizes (never measured).
GRENZE_MB = 170
GRENZE_DATEIEN = 450


def groesste_teile(bundle: Path, anzahl: int = 5) -> list[tuple[str, float]]:
    """The largest parts of the bundle in MB: a package folder, a library or the executable."""
    innen = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    teile: dict[str, int] = {}
    for datei in _dateien(bundle):
        relativ = datei.relative_to(innen) if datei.is_relative_to(innen) else datei.relative_to(bundle)
        teile[relativ.parts[0]] = teile.get(relativ.parts[0], 0) + datei.stat().st_size
    groesste = sorted(teile.items(), key=lambda eintrag: -eintrag[1])[:anzahl]
    return [(name, groesse / 1024 / 1024) for name, groesse in groesste]


def pruefe_groesse(bundle: Path, grenze_mb: float = GRENZE_MB, grenze_dateien: int = GRENZE_DATEIEN) -> str:
    mb, anzahl = groesse_mb(bundle)
    groesste = ", ".join(f"{name} {f'{groesse:.1f}'.replace('.', ',')} MB" for name, groesse in groesste_teile(bundle))
    if sys.platform.startswith("linux"):
        _erwarte(
            mb <= grenze_mb and anzahl <= grenze_dateien,
            f"Das Paket ist mit {mb:.0f} MB in {anzahl} Dateien größer als die Grenze von {grenze_mb} MB in "
            f"{grenze_dateien} Dateien: bitte nachsehen, welcher Teil gewachsen ist, und ihn in der Spec beschneiden "
            f"oder die Grenze mit Begründung anheben (installer/BAUEN.md). Am größten: {groesste}",
        )
    return f"{mb:.0f} MB in {anzahl} Dateien; am größten: {groesste}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prüft ein gebautes Assistenzbüro (PyInstaller-Ordner).")
    parser.add_argument("bundle", nargs="?", type=Path, default=standard_bundle(), help="Programmordner oder .app")
    parser.add_argument("--ohne-fenster", action="store_true", help="das Programmfenster nicht starten")
    parser.add_argument("--offscreen", action="store_true", help="Fenster unsichtbar (QT_QPA_PLATFORM=offscreen)")
    args = parser.parse_args(argv)

    bundle = args.bundle.resolve()
    konsole, fenster = programmdateien(bundle)
    fehlend = [str(d) for d in {konsole, fenster} if not d.is_file()]
    if fehlend:
        print(f"FEHLER: nicht gefunden: {', '.join(fehlend)} – zuerst bauen (installer/BAUEN.md).")
        return 1
    print(f"Prüfe {bundle}")

    fehlschlaege = 0
    try:
        print(f"OK      groesse: {pruefe_groesse(bundle)}", flush=True)
    except Fehlschlag as fehler:
        fehlschlaege += 1
        print(f"FEHLER  groesse: {fehler}", flush=True)
    with tempfile.TemporaryDirectory(prefix="assistenzbuero-pruefung-") as tmp:
        ordner = Path(tmp)
        umgebung = sandbox_umgebung(ordner)
        pruefungen = list(CLI_PRUEFUNGEN)
        if not args.ohne_fenster:
            kopflos = sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            )
            if args.offscreen or kopflos:
                umgebung["QT_QPA_PLATFORM"] = "offscreen"
                print("Hinweis: kein Bildschirm – das Fenster wird unsichtbar (offscreen) geöffnet.")
            pruefungen.append(("fenster", pruefe_fenster))
        for name, pruefung in pruefungen:
            # Windows: the windowed .exe has no stdout to report "window shown"; the console one runs the same code
            programm = Programm([str(konsole)], ordner, umgebung)
            try:
                print(f"OK      {name}: {pruefung(programm)}", flush=True)
            except (Fehlschlag, subprocess.TimeoutExpired, json.JSONDecodeError, KeyError) as fehler:
                fehlschlaege += 1
                print(f"FEHLER  {name}: {fehler}", flush=True)
    if fehlschlaege:
        print("1 Prüfung fehlgeschlagen." if fehlschlaege == 1 else f"{fehlschlaege} Prüfungen fehlgeschlagen.")
    else:
        print("Alles in Ordnung.")
    return 0 if not fehlschlaege else 1


if __name__ == "__main__":
    sys.exit(main())
