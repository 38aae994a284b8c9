"""The command line: a thin German shell over the services. `assistenzbuero --help` lists the subcommands."""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.fehler import AssistenzbueroFehler, dateigrund
from core.protokoll import protokolldatei, richte_protokoll_ein

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Befehl:
    """A subcommand: its name, the one line `assistenzbuero --help` shows for it, and the module that builds it.

    The module (by convention `core.cli.<name>`) provides `registriere(unterbefehle)`, which adds the subparser
    named `name` (and may add others listed here with the same module) and sets `handler=<function(args) -> int>`
    as its default. It is imported only when its command runs or its own help is asked for, so that starting the
    window or another command does not pay for it (openpyxl, reportlab, Alembic …).
    """

    name: str
    hilfe: str
    modul: str


# Adding a subcommand: one line here (keep it sorted) and a module `core/cli/<name>.py` with `registriere`.
BEFEHLE: tuple[Befehl, ...] = (
    Befehl(
        "abrechnung",
        "einen Abrechnungsmonat aus der Datenbank berechnen, anzeigen oder abschließen",
        "core.cli.abrechnung",
    ),
    Befehl("auskunft", "alles über eine Assistenzkraft ausgeben (Auskunft nach Art. 15 DSGVO)", "core.cli.stammdaten"),
    Befehl(
        "berechnen", "einen Abrechnungsmonat aus einer Szenario-Datei berechnen (ohne Datenbank)", "core.cli.berechnen"
    ),
    Befehl("budget", "Bewilligungen mit Verbrauch, Prognose und Rest eines Jahres vergleichen", "core.cli.budget"),
    Befehl("demo", "Beispielhaushalt anlegen (Team und Dienstplan aus dem ForseA-Ratgeber)", "core.cli.demo"),
    Befehl("entschluesseln", "die Verschlüsselung der Datenbank und ihrer Sicherungen aufheben", "core.cli.stammdaten"),
    Befehl("erstattung", "U1/U2-Erstattungsanträge anzeigen und ihren Stand festhalten", "core.cli.erstattung"),
    Befehl(
        "export",
        "Dienstplan, Stundenzettel, Entgeltbescheinigungen, Lohnjournal, Lohnkonto oder Zahlungen ausgeben",
        "core.cli.export",
    ),
    Befehl("kalkulation", "Kostenkalkulation: alte Kalkulationstabellen einlesen, exportieren", "core.cli.kalkulation"),
    Befehl("loeschen", "Daten einer Bewerberin auf ihren Wunsch löschen (Art. 17 DSGVO)", "core.cli.stammdaten"),
    Befehl("personalbogen", "Personalbogen als PDF: leer (für Bewerberinnen) oder ausgefüllt", "core.cli.stammdaten"),
    Befehl(
        "rechengroessen",
        "Rechengrößen eines Jahres zeigen, Lohnsteuer-PAP oder Werte einspielen",
        "core.cli.rechengroessen",
    ),
    Befehl("sicherung", "Sicherungen der Datenbank anzeigen, anlegen oder zurückspielen", "core.cli.stammdaten"),
    Befehl("szenario", "Szenario-Dateien (JSON) in eine Datenbank laden", "core.cli.abrechnung"),
    Befehl(
        "verschluesseln", "die Datenbank und ihre Sicherungen mit einem Kennwort verschlüsseln", "core.cli.stammdaten"
    ),
)
# The modules imported by name (the installer's analysis cannot see them).
BEFEHLSMODULE: tuple[str, ...] = tuple(sorted({b.modul for b in BEFEHLE}))

Handler = Callable[[argparse.Namespace], int]


class _DeutscherHilfeFormatter(argparse.HelpFormatter):
    """Help output with German headings ("Aufruf:" instead of "usage:")."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class _DeutscherParser(argparse.ArgumentParser):
    """argparse with German help and error output: errors are one line on stderr, exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _DeutscherHilfeFormatter)
        mit_hilfe = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._optionals.title = "Optionen"
        self._positionals.title = "Angaben"
        if mit_hilfe:
            self.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: Fehler: {_uebersetze(message)}\nHilfe: {self.prog} --help\n")


_ARGPARSE_DE = {
    "the following arguments are required": "diese Angaben fehlen",
    "unrecognized arguments": "unbekannte Angaben",
    "invalid choice": "ungültige Auswahl",
    "expected one argument": "hier fehlt ein Wert",
    "argument": "Angabe",
    "choose from": "möglich sind",
}


def _uebersetze(meldung: str) -> str:
    for englisch, deutsch in _ARGPARSE_DE.items():
        meldung = meldung.replace(englisch, deutsch)
    return meldung


def build_parser(argv: Sequence[str] | None = None, *, alle: bool = False) -> argparse.ArgumentParser:
    """The parser for `argv` (None: the program's own arguments): only the module of the subcommand named in
    `argv` is imported; every other subcommand is listed by its name and help line alone. `alle`: build them all
    (tests, the installer's self-check)."""
    parser = _DeutscherParser(
        prog="assistenzbuero",
        description="Assistenzbüro – Lohnabrechnung, Dienstplan und Budget im Arbeitgebermodell. "
        "Ohne Unterbefehl startet das Programmfenster.",
    )
    parser.add_argument(
        "--db",
        metavar="PFAD",
        type=Path,
        default=None,
        help="Datenbankdatei (Standard: im Benutzerdatenverzeichnis)",
    )
    parser.add_argument("--version", action=_Version, help="Programmversion anzeigen")
    unterbefehle = parser.add_subparsers(
        dest="befehl", metavar="BEFEHL", title="Unterbefehle", parser_class=_DeutscherParser
    )
    gewaehlt = _gewaehlter_befehl(sys.argv[1:] if argv is None else argv)
    zu_laden = BEFEHLSMODULE if alle else tuple(b.modul for b in BEFEHLE if b.name == gewaehlt)
    for modulname in zu_laden:
        importlib.import_module(modulname).registriere(unterbefehle)
    for befehl in BEFEHLE:
        if befehl.name not in unterbefehle.choices:
            unterbefehle.add_parser(befehl.name, help=befehl.hilfe)
    # the table's help lines are what `--help` lists, also for commands a module registered
    for auswahl in unterbefehle._choices_actions:
        auswahl.help = next((b.hilfe for b in BEFEHLE if b.name == auswahl.dest), auswahl.help)
    _db_auch_nach_befehl(parser)
    return parser


def _gewaehlter_befehl(argv: Sequence[str]) -> str | None:
    """The subcommand named in argv: the first word that is not an option (nor the value of --db)."""
    namen = {b.name for b in BEFEHLE}
    ueberspringen = False
    for wort in argv:
        if ueberspringen:
            ueberspringen = False
        elif wort == "--db":
            ueberspringen = True
        elif not wort.startswith("-"):
            return wort if wort in namen else None
    return None


class _Version(argparse.Action):
    """`--version`: the installed package's version (pyproject.toml is its one source), read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from core import programmversion

        print(f"Assistenzbüro {programmversion()}")
        parser.exit(0)


def _db_auch_nach_befehl(parser: argparse.ArgumentParser) -> None:
    """Accept `--db PFAD` after every subcommand too, like `demo` and `export` do (CONTRACTS §5/§6)."""
    for aktion in parser._actions:
        if not isinstance(aktion, argparse._SubParsersAction):
            continue
        for unterparser in {id(p): p for p in aktion.choices.values()}.values():  # aliases map to the same parser
            if not any("--db" in a.option_strings for a in unterparser._actions):
                # SUPPRESS: absent unless given, so it does not overwrite a --db given before the subcommand
                unterparser.add_argument(
                    "--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="Datenbankdatei"
                )
            _db_auch_nach_befehl(unterparser)


def ausfuehren(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; business errors become one German line on stderr and exit code 2."""
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        print("Fehler: kein Unterbefehl angegeben. Hilfe: assistenzbuero --help", file=sys.stderr)
        return 2
    try:
        return _mit_kennwort(handler, args)
    except AssistenzbueroFehler as fehler:
        log.info("Abgewiesen: %s", fehler)
        _zeile(f"Fehler: {fehler}")
        return 2
    except KeyboardInterrupt:
        _zeile("Abgebrochen.")
        return 130
    except OSError as fehler:
        if fehler.errno not in _BEKANNTE_DATEIFEHLER:
            return _unerwartet(fehler)
        log.info("Dateifehler", exc_info=True)
        ort = f" ({fehler.filename})" if fehler.filename else ""
        _zeile(f"Fehler: eine Datei{ort} kann nicht gelesen oder geschrieben werden: {dateigrund(fehler)}.")
        return 2
    except MemoryError:
        log.exception("Speicher erschöpft")
        _zeile("Fehler: der Arbeitsspeicher reicht für diese Eingabe nicht. Bitte prüfen Sie die Eingabedatei.")
        return 2
    except Exception as fehler:  # last line of defence: never show a traceback to the user
        return _unerwartet(fehler)


def _mit_kennwort(handler: Handler, args: argparse.Namespace) -> int:
    """Run the handler; on an encrypted file without a known password ask for it at a terminal (three tries).

    Without a terminal (batch runs) the password comes from ASSISTENZBUERO_PASSWORT or the run stops with one line.
    """
    from core.persistence.datenbank import KennwortNoetig
    from core.persistence.schutz import merke_kennwort
    from core.persistence.verbindung import FalschesKennwort

    versuche, zuletzt = 0, None
    while True:
        try:
            return handler(args)
        except (KennwortNoetig, FalschesKennwort) as fehler:
            pfad = getattr(fehler, "pfad", None) or zuletzt
            if not sys.stdin.isatty() or pfad is None or versuche >= 3:
                raise
            if versuche:
                _zeile(f"Fehler: {fehler}")
            versuche += 1
            import getpass

            zuletzt = Path(pfad)
            merke_kennwort(zuletzt, getpass.getpass(f"Kennwort für {zuletzt.name}: "))


# Errors of the operating system that say what is wrong with a file, not with the program.
_BEKANNTE_DATEIFEHLER = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.EISDIR, errno.ENOTDIR}
)


def _unerwartet(fehler: BaseException) -> int:
    log.error("Unerwarteter Fehler", exc_info=fehler)
    protokoll = protokolldatei()
    wo = (
        f"Einzelheiten stehen im Protokoll {protokoll}; bitte melden Sie diesen Fehler mit dieser Datei."
        if protokoll is not None
        else "Bitte melden Sie diesen Fehler."
    )
    _zeile(f"Unerwarteter Fehler ({type(fehler).__name__}). Ihre Daten wurden nicht verändert. {wo}")
    return 1


def _zeile(text: str) -> None:
    """One line on stderr: line breaks of the message become spaces, control characters from a file (\\r, \\x0b,
    \\u2028) become visible escapes, characters the console cannot show become \\uXXXX (richte_konsole_ein)."""
    print("".join(_sichtbar(zeichen) for zeichen in text.strip()), file=sys.stderr)


def _sichtbar(zeichen: str) -> str:
    if zeichen == "\n":
        return " "
    if unicodedata.category(zeichen) in ("Cc", "Zl", "Zp"):
        return ascii(zeichen)[1:-1]
    return zeichen


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry without GUI (used by `python -m core.cli` and by the desktop starter)."""
    richte_konsole_ein()
    args = build_parser(argv).parse_args(argv)
    return starte_befehl(args)


def starte_befehl(args: argparse.Namespace) -> int:
    """Run a parsed subcommand as the program does: log file set up, console output that cannot crash."""
    richte_konsole_ein()
    richte_protokoll_ein()
    return ausfuehren(args)


def richte_konsole_ein() -> None:
    """Output to a console that cannot show a character (cp1252, LANG=C) replaces it instead of raising."""
    for strom in (sys.stdout, sys.stderr):
        if hasattr(strom, "reconfigure") and getattr(strom, "errors", None) == "strict":
            strom.reconfigure(errors="backslashreplace")
