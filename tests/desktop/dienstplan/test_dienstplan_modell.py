"""The grid model's texts: what a cell shows and what a screen reader reads (absences, holidays, 24.12./31.12.).

Expected sentences are written by hand from the seed's plan (seed 004, 2.6.1: "(Jörg Url.) Sabine") and the
holiday calendar of Baden-Württemberg (Heilige Drei Könige 6 January, Ostermontag); never copied from the output.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, mit_vertretung
from core.dienstplan.pruefungen import Pruefhinweis
from core.dienstplan.raster import monatsraster
from core.dienstplan.schicht import Schicht
from core.dienstplan.vorlagen import FRUEHDIENST, NACHTBEREITSCHAFT, SPAETDIENST, schicht_aus_vorlage
from core.domain.hinweis import Hinweis, Schwere
from desktop.dienstplan.modelle import Art, HinweisModell, Monatsdaten, MonatsModell, mit_allen_vorlagen

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]

SABINE, JOERG, ULRIKE = 1, 2, 3
NAMEN = {SABINE: "Sabine", JOERG: "Jörg", ULRIKE: "Ulrike"}
VORLAGEN = [FRUEHDIENST, SPAETDIENST, NACHTBEREITSCHAFT]
A = Qt.ItemDataRole.AccessibleTextRole


def _modell(
    jahr: int, monat: int, schichten: list[Schicht], abw: list[Abwesenheit], hinweise: tuple[Pruefhinweis, ...] = ()
) -> MonatsModell:
    schichten = [s.mit(id=i) for i, s in enumerate(schichten, start=1)]
    raster = mit_allen_vorlagen(monatsraster(jahr, monat, "BW", schichten, abw, NAMEN, VORLAGEN), VORLAGEN)
    m = MonatsModell()
    m.setze(Monatsdaten(raster, hinweise, NAMEN, abw))
    return m


def _zelle(m: MonatsModell, tag: date, titel: str, rolle: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
    reihe = m.reihe_von(tag)
    assert reihe is not None
    for c in range(m.columnCount()):
        sp = m.spalte(c)
        if (sp is not None and sp.titel == titel) or m.headerData(c, Qt.Orientation.Horizontal, A) == titel:
            return str(m.data(m.index(reihe, c), rolle))
    raise AssertionError(titel)


def test_urlaub_mit_vertretung_wie_im_seed() -> None:
    # seed 004, 2.6.1, DO 8.: "(Jörg Url.) Sabine" in the early shift, Sabine in the late one
    tag = date(2015, 1, 8)
    frueh = mit_vertretung(schicht_aus_vorlage(FRUEHDIENST, tag, JOERG), SABINE)
    spaet = schicht_aus_vorlage(SPAETDIENST, tag, SABINE)
    urlaub = Abwesenheit(JOERG, Abwesenheitsart.URLAUB, date(2015, 1, 8), date(2015, 1, 9))
    m = _modell(2015, 1, [frueh, spaet], [urlaub])
    assert _zelle(m, tag, "Frühdienst") == "(Jörg Url.) Sabine"
    assert _zelle(m, tag, "Spätdienst") == "Sabine"
    assert _zelle(m, tag, "Bemerkungen") == "Jörg: Urlaub"
    assert _zelle(m, tag, "Frühdienst", A) == (
        "Donnerstag, 8. Januar, Frühdienst 07:00 bis 14:00: Sabine vertritt Jörg (Urlaub)"
    )
    assert _zelle(m, tag, "Tag", A) == "Donnerstag, 8. Januar: Jörg: Urlaub; 2 Schichten"


def test_krank_ohne_vertretung_sagt_dass_sie_fehlt() -> None:
    tag = date(2026, 3, 10)
    krank = Abwesenheit(JOERG, Abwesenheitsart.KRANK, tag, tag)
    m = _modell(2026, 3, [schicht_aus_vorlage(SPAETDIENST, tag, JOERG)], [krank])
    assert _zelle(m, tag, "Spätdienst") == "(Jörg krank) Vertretung fehlt"
    assert _zelle(m, tag, "Spätdienst", A) == (
        "Dienstag, 10. März, Spätdienst 14:00 bis 22:00: Jörg ist abwesend (Krank (arbeitsunfähig)), Vertretung fehlt"
    )
    assert _zelle(m, tag, "Bemerkungen") == "Jörg: Krank (arbeitsunfähig)"


@pytest.mark.parametrize(
    ("tag", "bemerkung", "vorgelesen"),
    [
        pytest.param(
            date(2026, 1, 6),
            "Feiertag: Heilige Drei Könige",
            "Dienstag, 6. Januar (Feiertag: Heilige Drei Könige), Frühdienst 07:00 bis 14:00: Jörg",
            id="BW-Heilige-Drei-Koenige",
        ),
        pytest.param(
            date(2026, 4, 6),
            "Feiertag: Ostermontag",
            "Montag, 6. April (Feiertag: Ostermontag), Frühdienst 07:00 bis 14:00: Jörg",
            id="Ostermontag",
        ),
        pytest.param(
            date(2026, 12, 24),
            "Heiligabend (ab 14 Uhr wie Feiertag)",
            "Donnerstag, 24. Dezember (Heiligabend), Frühdienst 07:00 bis 14:00: Jörg",
            id="24.12.",
        ),
        pytest.param(
            date(2026, 12, 31),
            "Silvester (ab 14 Uhr wie Feiertag)",
            "Donnerstag, 31. Dezember (Silvester), Frühdienst 07:00 bis 14:00: Jörg",
            id="31.12.",
        ),
    ],
)
def test_feiertage_und_besondere_tage_stehen_im_text(tag: date, bemerkung: str, vorgelesen: str) -> None:
    m = _modell(tag.year, tag.month, [schicht_aus_vorlage(FRUEHDIENST, tag, JOERG)], [])
    assert _zelle(m, tag, "Bemerkungen") == bemerkung
    assert _zelle(m, tag, "Frühdienst", A) == vorgelesen
    assert _zelle(m, tag, "Frühdienst") == "Jörg"


def test_leere_zelle_sagt_nicht_besetzt_und_nacht_nennt_den_folgetag() -> None:
    tag = date(2026, 3, 28)
    nacht = schicht_aus_vorlage(NACHTBEREITSCHAFT, tag, ULRIKE)
    m = _modell(2026, 3, [nacht, schicht_aus_vorlage(FRUEHDIENST, tag, JOERG)], [])
    assert _zelle(m, tag, "Spätdienst") == "–"
    assert _zelle(m, tag, "Spätdienst", A) == "Samstag, 28. März, Spätdienst 14:00 bis 22:00: nicht besetzt"
    assert _zelle(m, tag, "Nachtbereitschaft", A) == (
        "Samstag, 28. März, Nachtbereitschaft 22:00 bis 07:00 (Folgetag): Ulrike, Arbeit II (Bereitschaft)"
    )
    assert _zelle(m, tag, "Tag") == "Sa\u00a028."  # a no-break space: never "Sa" over "28." in a narrow column


def test_eigene_zeiten_stehen_mit_uhrzeit_in_weitere_schichten() -> None:
    tag = date(2026, 3, 4)
    from datetime import time

    from core.domain.zeit import lokal

    eigene = Schicht(SABINE, lokal(tag, time(9)), lokal(tag, time(12, 30)))
    m = _modell(2026, 3, [eigene, schicht_aus_vorlage(FRUEHDIENST, tag, JOERG)], [])
    assert _zelle(m, tag, "Weitere Schichten") == "Sabine 09:00–12:30"
    assert _zelle(m, tag, "Weitere Schichten", A) == (
        "Mittwoch, 4. März, Weitere Schichten: Sabine, 9:00 bis 12:30 Uhr"
    )


def test_hinweise_mit_schwere_als_wort_und_am_tag() -> None:
    tag = date(2026, 3, 2)
    h = Pruefhinweis(
        Hinweis("RUHEZEIT", Schwere.WARNUNG, "Jörg hat nur 9 Stunden Ruhezeit.", "§ 5 ArbZG"), tag, JOERG, (1,)
    )
    m = _modell(2026, 3, [schicht_aus_vorlage(SPAETDIENST, tag, JOERG)], [], (h,))
    assert _zelle(m, tag, "Prüfung") == "1 Warnung"
    assert _zelle(m, date(2026, 3, 3), "Prüfung") == "in Ordnung"
    assert _zelle(m, tag, "Spätdienst", A) == (
        "Montag, 2. März, Spätdienst 14:00 bis 22:00: Jörg. Warnung: Jörg hat nur 9 Stunden Ruhezeit."
    )
    reihe = m.reihe_von(tag)
    spalte = next(c for c in range(m.columnCount()) if m.art(c) is Art.SCHICHT and m.spalte(c).titel == "Spätdienst")  # type: ignore[union-attr]
    assert m.data(m.index(reihe, spalte), Qt.ItemDataRole.DecorationRole) is not None  # icon next to the text

    liste = HinweisModell()
    liste.setze([h], NAMEN)
    assert [liste.data(liste.index(0, c)) for c in range(5)] == [
        "Warnung",
        "Mo\u00a002.03.",
        "Jörg",
        "Jörg hat nur 9 Stunden Ruhezeit.",
        "§ 5 ArbZG",
    ]
    assert (
        liste.data(liste.index(0, 0), A)
        == "Warnung: Montag, 2. März, Jörg, Jörg hat nur 9 Stunden Ruhezeit., § 5 ArbZG"
    )
    assert liste.data(liste.index(0, 3), A) == "Hinweis: Jörg hat nur 9 Stunden Ruhezeit."


def _kopfzeile(m: MonatsModell) -> list[str]:
    return [str(m.headerData(c, Qt.Orientation.Horizontal, A)) for c in range(m.columnCount())]


def test_spalten_stehen_fest_was_auch_geplant_ist() -> None:
    """Issue 13, finding 7: after the first shift the columns jumped (the used template moved to the front,
    "Weitere Schichten" vanished). The order is the templates by start time, then "Weitere Schichten", for an
    empty month, after one Spätdienst and after a shift without template alike."""
    tag = date(2026, 3, 10)
    erwartet = [
        "Tag",
        "Frühdienst 07:00–14:00",
        "Spätdienst 14:00–22:00",
        "Nachtbereitschaft 22:00–07:00 (Folgetag)",
        "Weitere Schichten",
        "Bemerkungen",
        "Prüfung",
    ]
    leer = _modell(2026, 3, [], [])
    spaet = _modell(2026, 3, [schicht_aus_vorlage(SPAETDIENST, tag, JOERG)], [])
    frei = schicht_aus_vorlage(SPAETDIENST, tag, SABINE).mit(vorlage=None)
    beide = _modell(2026, 3, [schicht_aus_vorlage(SPAETDIENST, tag, JOERG), frei], [])
    assert _kopfzeile(leer) == _kopfzeile(spaet) == _kopfzeile(beide) == erwartet
    assert _zelle(spaet, tag, "Spätdienst") == "Jörg"
    assert _zelle(beide, tag, "Weitere Schichten") == "Sabine 14:00–22:00"
