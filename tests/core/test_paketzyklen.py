"""The packages of core/ depend on each other in one direction only: a new import cycle between them fails here.

Every import counts, also those inside functions and under TYPE_CHECKING: a cycle hidden in a function is still a
cycle in the design. Nodes are the top-level packages and modules of core (core.dienstplan, core.io, core.cli …).
"""

from __future__ import annotations

from pathlib import Path

from tests.quelltext import befunde

KERN = Path(__file__).resolve().parents[2] / "core"


def _knoten(modul: str) -> str | None:
    teile = modul.split(".")
    if teile[0] != "core" or len(teile) < 2:
        return None
    return teile[1]


def _importe(datei: Path, wurzel: Path) -> set[str]:
    paket = ".".join(datei.relative_to(wurzel.parent).with_suffix("").parts)
    if datei.name == "__init__.py":
        paket = paket.rsplit(".", 1)[0] + ".__init__"
    gefunden: set[str] = set()
    quelle = befunde(datei)
    gefunden.update(quelle.importe)
    for von in quelle.importe_von:
        basis = von.modul or ""
        if von.ebene:
            basis = ".".join([*paket.split(".")[: -von.ebene], *([basis] if basis else [])])
        gefunden.add(basis)
        gefunden.update(f"{basis}.{name}" for name in von.namen)
    return gefunden


def abhaengigkeiten(wurzel: Path = KERN) -> dict[str, dict[str, str]]:
    """{package: {package it imports: the first file that does}} for the top level of core."""
    kanten: dict[str, dict[str, str]] = {}
    for datei in sorted(wurzel.rglob("*.py")):
        if "migrations" in datei.parts:
            continue
        von = _knoten(".".join(datei.relative_to(wurzel.parent).with_suffix("").parts))
        if von is None or von == "__init__":
            continue
        for modul in _importe(datei, wurzel):
            nach = _knoten(modul)
            if nach is not None and nach != von and nach != "__init__" and (wurzel / nach).exists():
                kanten.setdefault(von, {}).setdefault(nach, str(datei.relative_to(wurzel.parent)))
    return kanten


def zyklen(kanten: dict[str, dict[str, str]]) -> list[list[str]]:
    """Strongly connected groups of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    tief: dict[str, int] = {}
    stapel: list[str] = []
    auf_stapel: set[str] = set()
    gruppen: list[list[str]] = []

    def besuche(k: str) -> None:
        index[k] = tief[k] = len(index)
        stapel.append(k)
        auf_stapel.add(k)
        for n in kanten.get(k, {}):
            if n not in index:
                besuche(n)
                tief[k] = min(tief[k], tief[n])
            elif n in auf_stapel:
                tief[k] = min(tief[k], index[n])
        if tief[k] == index[k]:
            gruppe = []
            while True:
                n = stapel.pop()
                auf_stapel.discard(n)
                gruppe.append(n)
                if n == k:
                    break
            if len(gruppe) > 1:
                gruppen.append(sorted(gruppe))

    for k in sorted(kanten):
        if k not in index:
            besuche(k)
    return gruppen


def test_keine_zyklen_zwischen_paketen() -> None:
    kanten = abhaengigkeiten()
    gefunden = zyklen(kanten)
    beschreibung = [
        " ↔ ".join(g) + ": " + "; ".join(f"{a}→{b} ({kanten[a][b]})" for a in g for b in g if b in kanten.get(a, {}))
        for g in gefunden
    ]
    assert not gefunden, "Importzyklen zwischen Paketen: " + " | ".join(beschreibung)


def test_findet_einen_zyklus(tmp_path: Path) -> None:
    """The check itself: two packages importing each other (one only inside a function) are reported."""
    for paket, code in {
        "a": "from core.b.x import f\n",
        "b": "def g():\n    from core.a import y\n",
        "c": "import core.a\n",
    }.items():
        (tmp_path / "core" / paket).mkdir(parents=True)
        (tmp_path / "core" / paket / "__init__.py").write_text("")
        (tmp_path / "core" / paket / "x.py").write_text(code)
    kanten = abhaengigkeiten(tmp_path / "core")
    assert kanten == {"a": {"b": "core/a/x.py"}, "b": {"a": "core/b/x.py"}, "c": {"a": "core/c/x.py"}}
    assert zyklen(kanten) == [["a", "b"]]
