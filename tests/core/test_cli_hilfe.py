"""The command line speaks German: help headings, every subcommand's help, argument errors (CONTRACTS §1)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from core.cli import BEFEHLE, _gewaehlter_befehl, build_parser, main

ENGLISCH = ("usage:", "options:", "positional arguments", "show this help message", "invalid choice", "required")


def _alle_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    gefunden = [parser]
    for aktion in parser._actions:
        if isinstance(aktion, argparse._SubParsersAction):
            for unterparser in aktion.choices.values():
                gefunden.extend(_alle_parser(unterparser))
    return gefunden


@pytest.mark.parametrize("parser", _alle_parser(build_parser([], alle=True)), ids=lambda p: p.prog)
def test_hilfe_ist_deutsch(parser: argparse.ArgumentParser) -> None:
    text = parser.format_help()
    assert text.startswith("Aufruf: ")
    for wort in ENGLISCH:
        assert wort not in text, f"{parser.prog}: englisch „{wort}“"


def test_hilfe_listet_unterbefehle(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ende:
        main(["--help"])
    assert ende.value.code == 0
    ausgabe = capsys.readouterr().out
    assert "Unterbefehle" in ausgabe
    unterbefehle = next(a for a in build_parser([])._actions if isinstance(a, argparse._SubParsersAction))
    for name in unterbefehle.choices:
        assert name in ausgabe


def test_falscher_unterbefehl_eine_deutsche_zeile(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ende:
        main(["gibtsnicht"])
    assert ende.value.code == 2
    fehler = capsys.readouterr().err
    assert "Fehler:" in fehler and "ungültige Auswahl" in fehler
    assert "Traceback" not in fehler


def test_jeder_befehl_hat_sein_modul_und_einen_handler() -> None:
    """Each line of BEFEHLE names a module that really builds that subcommand (names cannot drift apart)."""
    for befehl in BEFEHLE:
        parser = build_parser([befehl.name])
        unterbefehle = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert any(callable(p.get_default("handler")) for p in _alle_parser(unterbefehle.choices[befehl.name])), befehl


def test_hilfe_listet_alle_befehle_ohne_ihre_module_zu_laden() -> None:
    """Building the parser for the window (no subcommand) or for --help imports no command module (fast start)."""
    code = (
        "import sys; from core.cli import build_parser; build_parser(['--help'][:0]); "
        "print(sorted(m for m in sys.modules if m.startswith(('core.cli.', 'openpyxl', 'alembic', 'reportlab'))))"
    )
    ausgabe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert ausgabe.strip() == "[]"
    hilfe = build_parser([]).format_help()
    for befehl in BEFEHLE:
        assert befehl.name in hilfe and "".join(befehl.hilfe.split()) in "".join(hilfe.split())


@pytest.mark.parametrize(
    ("argv", "befehl"),
    [(["export", "dienstplan"], "export"), (["--db", "x.sqlite", "demo"], "demo"), (["--db", "demo"], None)],
)
def test_gewaehlter_befehl(argv: list[str], befehl: str | None) -> None:
    assert _gewaehlter_befehl(argv) == befehl
