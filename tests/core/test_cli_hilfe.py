"""The command line speaks German: help headings, every subcommand's help, argument errors (CONTRACTS §1)."""

from __future__ import annotations

import argparse

import pytest

from core.cli import build_parser, main

ENGLISCH = ("usage:", "options:", "positional arguments", "show this help message", "invalid choice", "required")


def _alle_parser(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    gefunden = [parser]
    for aktion in parser._actions:
        if isinstance(aktion, argparse._SubParsersAction):
            for unterparser in aktion.choices.values():
                gefunden.extend(_alle_parser(unterparser))
    return gefunden


@pytest.mark.parametrize("parser", _alle_parser(build_parser()), ids=lambda p: p.prog)
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
    unterbefehle = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name in unterbefehle.choices:
        assert name in ausgabe


def test_falscher_unterbefehl_eine_deutsche_zeile(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ende:
        main(["gibtsnicht"])
    assert ende.value.code == 2
    fehler = capsys.readouterr().err
    assert "Fehler:" in fehler and "ungültige Auswahl" in fehler
    assert "Traceback" not in fehler
