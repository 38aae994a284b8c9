"""No file of the project names a path of one developer's machine (a venv, a home folder, a work folder)."""

from __future__ import annotations

import re
from pathlib import Path

WURZEL = Path(__file__).resolve().parents[1]
ORDNER = ("core", "desktop", "tests", "resources", "installer", "benchmarks", ".ci")
ENDUNGEN = {".py", ".md", ".toml", ".txt", ".spec", ".iss", ".sh", ".cfg", ".yaml", ".yml", ".json", ""}
# /work/…, /root/…, /home/<name>/…, /Users/<name>/…, C:\Users\…
MUSTER = re.compile(r"(?<![\w.])(/work/|/root/|/home/\w|/Users/\w|[A-Za-z]:\\Users\\)")


def _dateien() -> list[Path]:
    gefunden = [p for p in WURZEL.glob("*") if p.is_file() and p.suffix in ENDUNGEN and p.name != ".git"]
    for ordner in ORDNER:
        gefunden += [
            p
            for p in (WURZEL / ordner).rglob("*")
            if p.is_file() and p.suffix in ENDUNGEN and "__pycache__" not in p.parts
        ]
    return gefunden


def test_keine_pfade_eines_rechners() -> None:
    treffer = []
    for datei in _dateien():
        if datei == Path(__file__):
            continue
        try:
            text = datei.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        treffer += [f"{datei.relative_to(WURZEL)}:{n}" for n, z in enumerate(text.splitlines(), 1) if MUSTER.search(z)]
    assert not treffer, "Pfad eines bestimmten Rechners (bitte relativ oder `python` schreiben): " + ", ".join(treffer)


def test_muster_findet_pfade() -> None:
    # put together here, so that this sample is not itself a machine's path in the tree
    assert MUSTER.search("Run: " + "/".join(("", "work", "venv", "bin", "python")) + " x.py")
    assert MUSTER.search(r"C:\Users\anna\AppData")
    assert not MUSTER.search("Run: .venv/bin/python x.py and https://example.org/work/x")
