"""A count is never glued to a plural noun in a text template: "an {n} Tagen" read "an 1 Tagen" (issue 13).

Every string in core/ and desktop/ with a placeholder right before a plural noun ("{n} Tage", f"{len(x)}
Schichten") must build the count with `core.domain.zahlen.anzahl` (singular for exactly one) — unless the value
can never be one; those few are listed below with the reason. A new "{n} Anträge" fails this test.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from core.domain.zahlen import anzahl

WURZEL = Path(__file__).resolve().parents[1]

MEHRZAHL = (
    "Tage Tagen Monate Monaten Wochen Schichten Assistenzkräfte Assistenzkräften Personen Anträge Anträgen Fristen "
    "Sicherungen Bewerberinnen Arbeitstage Arbeitstagen Kalendertage Kalendertagen Urlaubstage Zeilen Einträge "
    "Dateien Hinweise SV-Tage Steuertage Seiten Jahre Jahren Kinder Verträge"
).split()
VORLAGE = re.compile(r"\{([^{}\n]+)\} (" + "|".join(re.escape(w) for w in MEHRZAHL) + r")(?![\w-])")
# "Hinweis(e)" and the like: a count that did not want to decide
KLAMMER = re.compile(r"\{[^{}\n]+\} \w+\((e|n|en|s)\)")

# Values formatted as decimals ("2,5 Tage", "1,00"): German uses the plural for every decimal but exactly one, and
# these are quantities (hours, days of leave), not counts. A decimal that may be exactly 1 goes through anzahl too.
DEZIMAL = re.compile(r"^(format_zahl|_txt|std_td|std|stunden|dezimal_als_text|format_eur)\(|:\.\d+f$")

# (file, placeholder): where the number can never be one, and why.
NIE_EINS = {
    ("core/stammdaten/vertraege.py", "PROBEZEIT_HOECHSTENS_MONATE"): "6 months (§ 622 Abs. 3 BGB)",
    ("core/dienstplan/muster.py", "self.zyklus_tage"): "only said when the cycle is not 1…366 days long",
    ("core/abrechnung/efzg.py", "wartewochen"): "4 weeks (§ 3 Abs. 3 EFZG)",
    ("core/abrechnung/efzg.py", "wochen"): "6 weeks (§ 3 Abs. 1 EFZG)",
    ("core/regeln/klassifikation.py", "max_monate"): "3 months (§ 8 Abs. 1 Nr. 2 SGB IV) or 2 (§ 8 Abs. 1 Nr. 1)",
    ("core/regeln/klassifikation.py", "int(max_monate)"): "3 months (§ 8 Abs. 1 Nr. 2 SGB IV)",
    ("core/regeln/klassifikation.py", "max_tage"): "70 working days (§ 8 Abs. 1 Nr. 2 SGB IV)",
    ("core/regeln/klassifikation.py", "max_kalendertage"): "90 calendar days (§ 8 Abs. 1 Nr. 2 SGB IV)",
    ("core/regeln/klassifikation.py", "e.prognose_monate"): "only said for a forecast over several months",
    ("core/abrechnung/szenario.py", "tage"): "only said for more than 31 days",
    ("core/jahreswechsel/pap.py", "self.zeilen"): "the BMF's test table has dozens of rows",
    ("core/abrechnung/entgelt.py", "im_monat"): "the days of a month (28–31), after a fraction bar",
    ("core/dienstplan/pruefungen.py", "monate"): "the rule table's limit: 2 months a Zeitjahr (§ 8 Abs. 1b SGB IV)",
}


def _quelltexte() -> list[Path]:
    return [
        p
        for ordner in ("core", "desktop")
        for p in sorted((WURZEL / ordner).rglob("*.py"))
        if "migrations" not in p.parts
    ]


def test_kein_platzhalter_vor_einer_mehrzahl() -> None:
    funde = []
    for pfad in _quelltexte():
        name = pfad.relative_to(WURZEL).as_posix()
        for nummer, zeile in enumerate(pfad.read_text(encoding="utf-8").splitlines(), 1):
            for treffer in VORLAGE.finditer(zeile):
                ausdruck = treffer.group(1).strip()
                if DEZIMAL.search(ausdruck) or (name, ausdruck) in NIE_EINS:
                    continue
                funde.append(f"{name}:{nummer}: „{{{ausdruck}}} {treffer.group(2)}“")
            for treffer in KLAMMER.finditer(zeile):
                funde.append(f"{name}:{nummer}: „{treffer.group(0)}“")
    assert not funde, "Anzahl mit core.domain.zahlen.anzahl(n, Einzahl, Mehrzahl) bilden:\n" + "\n".join(funde)


@pytest.mark.parametrize(
    ("n", "erwartet"),
    [
        # German: singular for exactly one, plural for zero and everything else (CLDR plural rules for "de",
        # https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html#de)
        (0, "0 Tage"),
        (1, "1 Tag"),
        (2, "2 Tage"),
        (21, "21 Tage"),
        (Decimal("1"), "1 Tag"),
        (Decimal("1.0"), "1 Tag"),
        (Decimal("1.5"), "1,5 Tage"),
    ],
)
def test_anzahl(n: int | Decimal, erwartet: str) -> None:
    assert anzahl(n, "Tag", "Tage") == erwartet
