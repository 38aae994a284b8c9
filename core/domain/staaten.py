"""Nationalities (ISO 3166-1 alpha-2 with German names via pycountry) and who needs a work permit."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache

# Freizügigkeit (FreizügG/EU; EWR-Abkommen; Abkommen EU–Schweiz): EU, Iceland, Liechtenstein, Norway, Switzerland
# need no work permit (seed 004, 2.4.6). Membership as of 2026.
EU_STAATEN = frozenset("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split())
FREIZUEGIGKEIT = EU_STAATEN | {"IS", "LI", "NO", "CH"}


@cache
def staaten() -> dict[str, str]:
    """Code → German country name, sorted by name (Deutschland first)."""
    import pycountry  # here: loading it is not needed until a nationality is shown or checked

    deutsch: Callable[[str], str]
    try:
        deutsch = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"]).gettext
    except OSError:
        deutsch = str  # translations missing: English names are still better than nothing
    namen = {land.alpha_2: deutsch(land.name) for land in pycountry.countries}
    umlaute = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
    sortiert = dict(sorted(namen.items(), key=lambda e: (e[0] != "DE", e[1].casefold().translate(umlaute))))
    return sortiert


def staatsname(code: str) -> str:
    return staaten().get(code.upper(), code)


def ist_staat(code: str) -> bool:
    return code.upper() in staaten()


def arbeitserlaubnis_noetig(code: str) -> bool:
    """True for citizens outside EU/EWR/Switzerland (they need a residence title that permits work)."""
    return code.upper() not in FREIZUEGIGKEIT
