"""Erzeugt die feindlichen Szenario-Dateien in szenarien/: Zahlen, Texte und Aufbau, die ein Angreifer oder ein
kaputtes Programm schreibt. Jede muss `berechnen` mit genau einer deutschen Zeile und Exit-Code 2 abweisen.

Aufruf (einmalig, Ergebnis ist eingecheckt):  python tests/data/feindlich/erzeuge_szenarien.py
Grundlage ist tests/data/szenarien/minijob_privathaushalt.json; ersetzt wird jeweils ein Wert im JSON-Text.
"""

from __future__ import annotations

import json
from pathlib import Path

HIER = Path(__file__).resolve().parent
VORLAGE = HIER.parent / "szenarien" / "minijob_privathaushalt.json"


def _ersetze(alt: str, neu: str) -> str:
    text = json.dumps(json.loads(VORLAGE.read_text(encoding="utf-8")), ensure_ascii=False, indent=1)
    assert alt in text, alt
    return text.replace(alt, neu, 1)


LOHN = '"stundenlohn": "15.00"'

DATEIEN: dict[str, str] = {
    # numbers beyond any household and beyond Decimal's 28 digits / the float range
    "lohn_1e308_zahl.json": _ersetze(LOHN, '"stundenlohn": 1e308'),
    "lohn_1e30_zahl.json": _ersetze(LOHN, '"stundenlohn": 1e30'),
    "lohn_1e400_zahl.json": _ersetze(LOHN, '"stundenlohn": 1e400'),
    "lohn_1e308_text.json": _ersetze(LOHN, '"stundenlohn": "1e308"'),
    "lohn_10_hoch_400.json": _ersetze(LOHN, '"stundenlohn": 1' + "0" * 400),
    "lohn_5000_stellen.json": _ersetze(LOHN, '"stundenlohn": 1' + "0" * 5000),
    "lohn_winzig.json": _ersetze(LOHN, '"stundenlohn": "1e-400"'),
    "lohn_unendlich.json": _ersetze(LOHN, '"stundenlohn": Infinity'),
    "lohn_nan_zahl.json": _ersetze(LOHN, '"stundenlohn": NaN'),
    "lohn_23_stellen.json": _ersetze(LOHN, '"stundenlohn": 99999999999999999999999'),
    "einmalzahlung_riesig.json": _ersetze(LOHN, LOHN + ', "einmalzahlungen": [{"betrag": "1e30"}]'),
    "zuschlag_1e30.json": _ersetze(LOHN, LOHN + ', "zuschlaege_prozent": {"nacht": "1e30"}'),
    "jahr_10_hoch_400.json": _ersetze('"jahr": 2026', '"jahr": 1' + "0" * 400),
    "jahr_99999.json": _ersetze('"jahr": 2026', '"jahr": 99999'),
    "monat_riesig.json": _ersetze('"monat": 3', '"monat": 1' + "0" * 30),
    "vorbeschaeftigung_riesig.json": _ersetze(LOHN, LOHN + ', "vorbeschaeftigung_tage_im_jahr": 1' + "0" * 40),
    # dates at the edge of the calendar
    "geburt_jahr_1.json": _ersetze('"1990-05-20"', '"0001-01-01"'),
    "geburt_in_der_zukunft.json": _ersetze('"1990-05-20"', '"2030-05-20"'),
    "schicht_jahr_9999.json": _ersetze('"2026-03-02T13:00"', '"9999-12-31T23:59"'),
    # text the rest of the program cannot encode
    "id_surrogat.json": _ersetze('"anna"', '"\\ud800"'),
    "kasse_surrogat.json": _ersetze('"AOK BW": {', '"AOK \\udfff": {'),
    # structure
    "verschachtelt_5000.json": "[" * 5000 + "]" * 5000,
    "verschachtelt_im_feld.json": _ersetze(LOHN, '"stundenlohn": ' + "[" * 5000 + "]" * 5000),
    "verschachtelt_20.json": _ersetze(LOHN, '"stundenlohn": ' + "[" * 20 + "]" * 20),
    "liste_statt_objekt.json": "[1, 2, 3]",
    "leer.json": "",
    "nur_bom.json": "\ufeff",
    "binaer.json": "\x00\x01\x02PK\x03\x04",
}


def main() -> None:
    ziel = HIER / "szenarien"
    ziel.mkdir(exist_ok=True)
    for name, text in DATEIEN.items():
        (ziel / name).write_text(text, encoding="utf-8")
    print(f"{len(DATEIEN)} Dateien in {ziel}")


if __name__ == "__main__":
    main()
