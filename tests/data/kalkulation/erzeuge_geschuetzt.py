"""Erzeugt forsea-kalkulation-geschuetzt.xlsx: die 2016er Kalkulation, mit Kennwort „geheim“ verschlüsselt.

Aufruf (einmalig, Ergebnis ist eingecheckt):  python tests/data/kalkulation/erzeuge_geschuetzt.py
Braucht msoffcrypto-tool (Test-Extra in pyproject.toml). Excel speichert kennwortgeschützte .xlsx genauso:
als OLE-Container mit den Strömen EncryptionInfo und EncryptedPackage (ECMA-376 Agile Encryption).
"""

from __future__ import annotations

from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile

HIER = Path(__file__).resolve().parent


def main() -> None:
    quelle = HIER / "forsea-kalkulation-2016.xlsx"
    ziel = HIER / "forsea-kalkulation-geschuetzt.xlsx"
    with quelle.open("rb") as ein, ziel.open("wb") as aus:
        OOXMLFile(ein).encrypt("geheim", aus)
    print(f"geschrieben: {ziel}")


if __name__ == "__main__":
    main()
