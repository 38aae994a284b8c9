"""Dry run of roster services (preview of patterns and copies): shows the change or the refusal, writes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from core.dienstplan import dienst
from core.dienstplan.modelle import SchichtZeile
from core.dienstplan.muster import wochenwechsel
from core.dienstplan.probelauf import probelauf
from tests.core.dienstplan.conftest import Haushalt
from tests.core.dienstplan.hilfe import sch


def _anzahl(h: Haushalt) -> int:
    with h.db.arbeitseinheit() as sitzung:
        return int(sitzung.scalar(select(func.count()).select_from(SchichtZeile)) or 0)


def test_vorschau_eines_musters_zeigt_die_schichten_und_speichert_nichts(haushalt: Haushalt) -> None:
    vorlagen = {v.name: v for v in dienst.liste_vorlagen(haushalt.db)}
    muster = dienst.speichere_muster(
        haushalt.db,
        wochenwechsel(
            "Früh/Spät",
            date(2026, 3, 2),
            [vorlagen["Frühdienst"], vorlagen["Spätdienst"]],
            [haushalt.sabine, haushalt.joerg],
        ),
    )
    assert muster.id is not None
    probe = probelauf(haushalt.db, lambda d: dienst.wende_muster_an(d, muster.id, date(2026, 3, 2), date(2026, 3, 8)))
    assert probe.moeglich and probe.aenderung is not None
    assert len(probe.aenderung.schichten_neu) == 10  # Mo–Fr, early and late
    assert _anzahl(haushalt) == 0
    # the real run afterwards produces the same shifts (times and people)
    echt = dienst.wende_muster_an(haushalt.db, muster.id, date(2026, 3, 2), date(2026, 3, 8))
    paare = lambda a: [(s.assistenzkraft_id, s.beginn, s.ende) for s in a.schichten_neu]  # noqa: E731
    assert paare(echt) == paare(probe.aenderung)
    assert _anzahl(haushalt) == 10


def test_vorschau_nennt_die_konflikte(haushalt: Haushalt) -> None:
    dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-09 06:00", "2026-03-09 08:00"))
    probe = probelauf(haushalt.db, lambda d: dienst.kopiere_woche(d, date(2026, 3, 9), date(2026, 3, 16)))
    assert probe.moeglich  # nothing conflicts with an empty week
    dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-16 07:00", "2026-03-16 09:00"))
    probe = probelauf(haushalt.db, lambda d: dienst.kopiere_woche(d, date(2026, 3, 9), date(2026, 3, 16)))
    assert not probe.moeglich and probe.aenderung is None
    assert "überschneidet sich" in (probe.ablehnung or "") and "Nichts wurde gespeichert" in (probe.ablehnung or "")
    assert _anzahl(haushalt) == 2
