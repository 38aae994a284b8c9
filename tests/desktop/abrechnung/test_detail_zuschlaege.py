"""The detail view lists each surcharge line with its hours, percent and € per hour (the worked example of
tests/core/abrechnung/test_zuschlagszeilen.py: Sunday 8 h work at 4,00 €/h, 6 h standby at 2,00 €/h, 25 %)."""

from __future__ import annotations

import re

from core.abrechnung import ablage
from core.abrechnung.lauf import Zeile
from core.abrechnung.rechnen import berechne
from desktop.abrechnung.detail import detail_html
from desktop.abrechnung.monatsstand import Monatsstand
from tests.core.abrechnung.hilfe import eingabe
from tests.core.abrechnung.test_zuschlagszeilen import KRAFT, TEXT


def _zeilen(html: str) -> list[list[str]]:
    """Each table row's cells as plain text."""
    return [
        [re.sub(r"<[^>]+>", "", zelle).strip() for zelle in re.findall(r"<td[^>]*>(.*?)</td>", zeile, flags=re.S)]
        for zeile in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    ]


def test_detail_zeigt_stunden_prozent_und_satz_der_zuschlaege() -> None:
    e = eingabe(**KRAFT)
    zeile = Zeile(e.person.assistenzkraft_id, "x", "Carla Muster", berechne(e), e)
    html = detail_html(zeile, Monatsstand(2026, 3, ablage.ENTWURF, (zeile,)))
    zuschlaege = [z[1:] for z in _zeilen(html) if z and z[0].startswith(f"1100 {TEXT}")]
    assert zuschlaege == [
        ["8,00 Std.", "4,00\u00a0€", "32,00\u00a0€"],
        ["6,00 Std.", "2,00\u00a0€", "12,00\u00a0€"],
    ]
