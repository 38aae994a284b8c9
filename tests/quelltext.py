"""What the architecture tests read from a source file, each file parsed once per test process.

tests/test_architektur.py checks every module of core/ three times (no Qt, no float, no assert) and
tests/core/test_paketzyklen.py reads all of them again for the package graph: every file was parsed four times per
process, and parsing fills the heap with syntax-tree nodes that the garbage collector then walks. Here one parse
per file yields all the facts those checks need; only the small facts are kept, never the tree.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImportVon:
    """`from <modul> import <namen>` with its relative level (0: absolute)."""

    modul: str | None
    ebene: int
    namen: tuple[str, ...]


@dataclass(frozen=True)
class Befunde:
    importe: tuple[str, ...]  # `import a.b` names
    importe_von: tuple[ImportVon, ...]  # every `from … import …`, also relative ones
    float_stellen: tuple[str, ...]  # uses of float, in the words of the test's message
    assert_zeilen: tuple[int, ...]


@functools.cache
def befunde(pfad: Path) -> Befunde:
    baum = ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))
    knoten = list(ast.walk(baum))
    return Befunde(
        importe=tuple(alias.name for k in knoten if isinstance(k, ast.Import) for alias in k.names),
        importe_von=tuple(
            ImportVon(k.module, k.level, tuple(a.name for a in k.names))
            for k in knoten
            if isinstance(k, ast.ImportFrom)
        ),
        float_stellen=tuple(_float_stellen(knoten)),
        assert_zeilen=tuple(k.lineno for k in knoten if isinstance(k, ast.Assert)),
    )


def _float_stellen(knoten: list[ast.AST]) -> list[str]:
    # `isinstance(x, float)` is allowed: it is how code refuses a float.
    erlaubt = {
        id(arg)
        for k in knoten
        if isinstance(k, ast.Call) and isinstance(k.func, ast.Name) and k.func.id == "isinstance"
        for arg in ast.walk(k.args[1])
    }
    stellen = []
    for k in knoten:
        if isinstance(k, ast.Name) and k.id == "float" and id(k) not in erlaubt:
            stellen.append(f"Zeile {k.lineno}: float")
        elif isinstance(k, ast.Constant) and isinstance(k.value, float):
            stellen.append(f"Zeile {k.lineno}: Gleitkomma-Literal {k.value!r}")
        elif (  # `4 / 5` is a float literal in disguise
            isinstance(k, ast.BinOp)
            and isinstance(k.op, ast.Div)
            and all(isinstance(seite, ast.Constant) for seite in (k.left, k.right))
        ):
            stellen.append(f"Zeile {k.lineno}: Division zweier Zahlen ergibt float")
    return stellen
