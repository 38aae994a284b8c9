"""Roster services on a real database: all-or-nothing changes, German refusals, undo/redo, month query."""

from __future__ import annotations

import csv
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.arbeitszeit import Arbeitszeitmodus
from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe
from core.dienstplan.modelle import SchichtZeile
from core.dienstplan.muster import wochenwechsel
from core.dienstplan.schicht import Istzeit, schichtstunden
from core.dienstplan.vorlagen import Schichtvorlage
from core.fehler import EingabeFehler
from tests.core.dienstplan.conftest import Haushalt, plane_seed_januar
from tests.core.dienstplan.hilfe import sch, zp

SEED = Path(__file__).resolve().parents[2] / "data" / "dienstplan_seed004_januar.csv"


def _anzahl(h: Haushalt) -> int:
    with h.db.arbeitseinheit() as sitzung:
        return int(sitzung.scalar(select(func.count()).select_from(SchichtZeile)) or 0)


def _vorlagen(h: Haushalt) -> dict[str, Schichtvorlage]:
    return {v.name: v for v in dienst.liste_vorlagen(h.db)}


def test_planen_rueckgaengig_und_wiederholen(haushalt: Haushalt) -> None:
    a = dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-02 07:00", "2026-03-02 14:00"))
    (neu,) = a.schichten_neu
    assert neu.id is not None and _anzahl(haushalt) == 1
    dienst.anwenden(haushalt.db, a.umkehrung())
    assert _anzahl(haushalt) == 0
    wieder = dienst.anwenden(haushalt.db, a)
    assert wieder.schichten_neu[0].id == neu.id  # redo re-inserts under the same id
    plan = dienst.monat_oeffnen(haushalt.db, 2026, 3)
    assert [s.id for s in plan.schichten] == [neu.id]


def test_ende_vor_beginn_nichts_gespeichert(haushalt: Haushalt) -> None:
    with pytest.raises(EingabeFehler, match=r"endet .* vor ihrem Beginn"):
        dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-02 14:00", "2026-03-02 07:00"))
    assert _anzahl(haushalt) == 0


def test_ueberschneidung_einer_person_nichts_gespeichert(haushalt: Haushalt) -> None:
    dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-02 07:00", "2026-03-02 14:00"))
    with pytest.raises(EingabeFehler) as info:
        dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-02 13:00", "2026-03-02 20:00"))
    assert str(info.value) == (
        "Sabine ist am 02.03.2026 schon von 07:00 bis 14:00 eingeplant; die Schicht 13:00–20:00 am 02.03.2026 "
        "überschneidet sich damit. Nichts wurde gespeichert."
    )
    assert _anzahl(haushalt) == 1
    # another assistant at the same time is fine (a handover, two people)
    dienst.plane(haushalt.db, sch(haushalt.joerg, "2026-03-02 13:00", "2026-03-02 20:00"))
    assert _anzahl(haushalt) == 2


def test_nicht_beschaeftigt_an_dem_tag(haushalt: Haushalt) -> None:
    with pytest.raises(EingabeFehler) as info:
        dienst.plane(haushalt.db, sch(haushalt.sabine, "2013-12-30 07:00", "2013-12-30 14:00"))
    assert "Sabine ist am 30.12.2013 nicht beschäftigt (Vertrag ab 01.01.2014)" in str(info.value)
    assert str(info.value).endswith("Nichts wurde gespeichert.")
    assert _anzahl(haushalt) == 0


def test_muster_mit_konflikten_speichert_nichts_und_ersetzen_geht(haushalt: Haushalt) -> None:
    v = _vorlagen(haushalt)
    muster = dienst.speichere_muster(
        haushalt.db,
        wochenwechsel(
            "Früh/Spät", date(2026, 3, 2), [v["Frühdienst"], v["Spätdienst"]], [haushalt.sabine, haushalt.joerg]
        ),
    )
    assert muster.id is not None
    # an existing shift of Jörg on 04.03. conflicts with the pattern's late shift
    dienst.plane(haushalt.db, sch(haushalt.joerg, "2026-03-04 18:00", "2026-03-04 23:00"))
    with pytest.raises(EingabeFehler) as info:
        dienst.wende_muster_an(haushalt.db, muster.id, date(2026, 3, 2), date(2026, 3, 8))
    meldung = str(info.value)
    assert meldung.startswith("Das Muster „Früh/Spät“ kann für 02.03.2026 bis 08.03.2026 nicht übernommen werden")
    assert "Jörg ist am 04.03.2026 schon von 18:00 bis 23:00 eingeplant" in meldung
    assert "Nichts wurde gespeichert." in meldung
    assert _anzahl(haushalt) == 1
    a = dienst.wende_muster_an(haushalt.db, muster.id, date(2026, 3, 2), date(2026, 3, 8), ersetzen=True)
    assert len(a.schichten_neu) == 10 and len(a.schichten_geloescht) == 1
    assert _anzahl(haushalt) == 10
    dienst.anwenden(haushalt.db, a.umkehrung())
    assert _anzahl(haushalt) == 1


def test_muster_fuer_nicht_beschaeftigte_wird_abgelehnt(haushalt: Haushalt) -> None:
    v = _vorlagen(haushalt)
    muster = dienst.speichere_muster(
        haushalt.db, wochenwechsel("Früh", date(2013, 12, 30), [v["Frühdienst"]], [haushalt.sabine])
    )
    with pytest.raises(EingabeFehler, match="nicht beschäftigt"):
        dienst.wende_muster_an(haushalt.db, muster.id or 0, date(2013, 12, 30), date(2014, 1, 3))
    assert _anzahl(haushalt) == 0


def test_veraltete_aenderung_wird_abgelehnt(haushalt: Haushalt) -> None:
    geplant = dienst.plane(haushalt.db, sch(haushalt.sabine, "2026-03-02 07:00", "2026-03-02 14:00"))
    (s,) = geplant.schichten_neu
    verschoben = dienst.verschiebe(haushalt.db, s.id or 0, zp("2026-03-02 08:00"))
    assert verschoben.schichten_geaendert[0][1].ende == zp("2026-03-02 15:00")
    # undoing the planning while the shift has since been moved: refused, nothing changes
    with pytest.raises(EingabeFehler, match="inzwischen geändert"):
        dienst.anwenden(haushalt.db, geplant.umkehrung())
    assert _anzahl(haushalt) == 1
    dienst.anwenden(haushalt.db, verschoben.umkehrung())
    dienst.anwenden(haushalt.db, geplant.umkehrung())
    assert _anzahl(haushalt) == 0


def test_verschieben_behaelt_echte_laenge_und_teile(haushalt: Haushalt) -> None:
    v = _vorlagen(haushalt)
    (block,) = dienst.plane_vorlage(
        haushalt.db, v["24-h-Block"].id or 0, date(2026, 3, 27), haushalt.sabine
    ).schichten_neu
    a = dienst.verschiebe_um_tage(haushalt.db, block.id or 0, 1)  # now over the DST night
    ((_vorher, nachher),) = a.schichten_geaendert
    h = schichtstunden(nachher)
    # Arbeit I 07–21 less the template's breaks (0,5 + 0,25 h) = 13,25 h; Arbeit II 21–07 over the DST night 9 h
    assert (h.arbeit_h, h.bereitschaft_h) == (Decimal("13.25"), 9)
    zurueck = dienst.anwenden(haushalt.db, a.umkehrung())
    assert schichtstunden(zurueck.schichten_geaendert[0][1]).bereitschaft_h == 10


def test_seed_plan_ueber_die_dienste(haushalt: Haushalt) -> None:
    """Seed 004, 2.6.1 through the services: two patterns, one swap, two leaves with Vertretung."""
    h = haushalt
    plane_seed_januar(h)
    plan = dienst.monat_oeffnen(h.db, 2015, 1)
    with SEED.open(encoding="utf-8") as datei:
        tabelle = list(csv.DictReader((z for z in datei if not z.startswith("#")), delimiter=";"))
    ist = [[z.zelltext("Frühdienst"), z.zelltext("Spätdienst")] for z in plan.raster.zeilen]
    assert ist == [[z["schicht1"], z["schicht2"]] for z in tabelle]
    assert [z.bemerkung for z in plan.raster.zeilen if z.bemerkung][:3] == [
        "Neujahr",
        "Heilige Drei Könige",
        "Jörg Url.",
    ]


def test_abwesenheit_mit_vertretung_in_einem_schritt_und_undo(haushalt: Haushalt) -> None:
    h = haushalt
    (s,) = dienst.plane(h.db, sch(h.joerg, "2026-03-02 07:00", "2026-03-02 14:00")).schichten_neu
    abw = Abwesenheit(h.joerg, Abwesenheitsart.KRANK, date(2026, 3, 2), date(2026, 3, 4))
    assert [p.name for p in dienst.vertretungsvorschlaege(h.db, s.id or 0)] == ["Rudolf", "Sabine", "Ulrike"]
    a = dienst.trage_abwesenheit_ein(h.db, abw, {s.id or 0: h.ulrike})
    plan = dienst.monat_oeffnen(h.db, 2026, 3)
    assert plan.raster.zeilen[1].zelltext("__weitere__") == "(Jörg krank) Ulrike 07:00–14:00"
    assert "VERTRETUNG_FEHLT" not in {x.code for x in plan.hinweise}
    with pytest.raises(EingabeFehler, match="schon als „Krank"):
        dienst.trage_abwesenheit_ein(
            h.db, Abwesenheit(h.joerg, Abwesenheitsart.URLAUB, date(2026, 3, 4), date(2026, 3, 6))
        )
    dienst.anwenden(h.db, a.umkehrung())
    plan = dienst.monat_oeffnen(h.db, 2026, 3)
    assert plan.abwesenheiten == () and plan.schichten[0].assistenzkraft_id == h.joerg


def test_abwesenheit_ende_vor_beginn(haushalt: Haushalt) -> None:
    with pytest.raises(EingabeFehler, match=r"endet .* vor ihrem Beginn"):
        dienst.trage_abwesenheit_ein(
            haushalt.db, Abwesenheit(haushalt.joerg, Abwesenheitsart.URLAUB, date(2026, 3, 6), date(2026, 3, 4))
        )


def test_istzeit_und_stundenzettel(haushalt: Haushalt) -> None:
    h = haushalt
    (s,) = dienst.plane(h.db, sch(h.sabine, "2026-03-02 07:00", "2026-03-02 14:00")).schichten_neu
    dienst.erfasse_istzeit(h.db, s.id or 0, Istzeit(zp("2026-03-02 07:00"), zp("2026-03-02 15:30")))
    (zettel,) = dienst.stundenzettel_fuer(h.db, 2026, 3, h.sabine)
    zeile = zettel.zeilen[1]
    assert (zeile.plan_stunden, zeile.ist_stunden) == (7, Decimal("8.5"))
    assert zettel.summe_bezahlt == Decimal("8.5")
    alle = dienst.stundenzettel_fuer(h.db, 2026, 3)
    assert [z.name for z in alle] == ["Jörg Keller", "Rudolf Winter", "Sabine Berger", "Ulrike Sommer"]


def test_kopiere_woche_ueber_dienst(haushalt: Haushalt) -> None:
    h = haushalt
    dienst.plane(h.db, sch(h.sabine, "2026-03-02 07:00", "2026-03-02 14:00"))
    a = dienst.kopiere_woche(h.db, date(2026, 3, 2), date(2026, 3, 9))
    assert [s.tag for s in a.schichten_neu] == [date(2026, 3, 9)]
    with pytest.raises(EingabeFehler, match="Vorhandene ersetzen"):
        dienst.kopiere_woche(h.db, date(2026, 3, 2), date(2026, 3, 9))
    b = dienst.kopiere_woche(h.db, date(2026, 3, 2), date(2026, 3, 9), ersetzen=True)
    assert len(b.schichten_geloescht) == 1 and _anzahl(h) == 2


def test_kostentraeger_aus_bedarf_beim_planen(haushalt: Haushalt) -> None:
    h = haushalt
    profil = Bedarfsprofil(
        "Alltag",
        {
            t: (
                Bedarfsblock(time(7), time(9), Bedarfsstufe.ARBEIT_I, "HZP"),
                Bedarfsblock(time(9), time(14), Bedarfsstufe.ARBEIT_I, "AA"),
            )
            for t in range(7)
        },
    )
    dienst.speichere_bedarfsprofil(h.db, profil, date(2026, 1, 1))
    (s,) = dienst.plane(h.db, sch(h.sabine, "2026-03-02 07:00", "2026-03-02 14:00")).schichten_neu
    assert s.leistungsart == "AA" and [a.leistungsart for a in s.leistungsanteile] == ["HZP"]
    plan = dienst.monat_oeffnen(h.db, 2026, 3)
    assert {k: v.arbeit_h for k, v in plan.stunden_je_leistungsart.items()} == {"AA": 5, "HZP": 2}
    assert sum(1 for x in plan.hinweise if x.code == "BEDARF_UNGEDECKT") == 30
    with pytest.raises(EingabeFehler, match="nicht angelegt"):
        dienst.speichere_bedarfsprofil(
            h.db,
            Bedarfsprofil("X", {0: (Bedarfsblock(time(7), time(9), Bedarfsstufe.ARBEIT_I, "XYZ"),)}),
            date(2026, 2, 1),
        )


def test_einstellung_haeusliche_gemeinschaft(haushalt: Haushalt) -> None:
    h = haushalt
    v = _vorlagen(h)
    for t in range(2, 6):
        dienst.plane_vorlage(h.db, v["24-h-Block"].id or 0, date(2026, 3, t), h.sabine)
    codes = {x.code for x in dienst.monat_oeffnen(h.db, 2026, 3).hinweise}
    assert "HOECHSTARBEITSZEIT_TAG" in codes
    dienst.speichere_einstellungen(h.db, dienst.Dienstplaneinstellungen(ausgenommen=frozenset({h.sabine})))
    codes = {x.code for x in dienst.monat_oeffnen(h.db, 2026, 3).hinweise}
    assert "HOECHSTARBEITSZEIT_TAG" not in codes
    e = dienst.speichere_einstellungen(h.db, dienst.Dienstplaneinstellungen(modus=Arbeitszeitmodus.KEINE))
    assert dienst.lade_einstellungen(h.db) == e


def test_urlaubsuebersicht(haushalt: Haushalt) -> None:
    h = haushalt
    dienst.trage_abwesenheit_ein(
        h.db, Abwesenheit(h.sabine, Abwesenheitsart.URLAUB, date(2026, 3, 30), date(2026, 4, 10))
    )
    dienst.setze_urlaubsuebertrag(h.db, h.sabine, 2026, Decimal(3))
    u = dienst.urlaubsuebersicht(h.db, h.sabine, 2026, date(2026, 12, 31))
    # contract: 5 days a week, 30 days agreed; 30.03.–10.04.2026 are 10 weekdays minus Karfreitag, Ostermontag
    assert (u.anspruch.anspruch, u.konto.genommen, u.konto.rest) == (30, 8, 30 + 3 - 8)
    assert "URLAUB_UEBERSCHRITTEN" not in {x.code for x in u.hinweise}


def test_urlaub_ueber_den_anspruch_wird_gemeldet(haushalt: Haushalt) -> None:
    """30 days agreed, no carry-over. May (BW): 4.–15. is 10 weekdays minus Christi Himmelfahrt (14.) = 9, 18.–22. = 5,
    26.–29. = 4 (25. is Pfingstmontag); October 5.–21. = 13 weekdays. 31 working days: one more than the entitlement
    (a § 3 BUrlG warning, not an error)."""
    h = haushalt
    for von, bis in [
        (date(2026, 5, 4), date(2026, 5, 15)),
        (date(2026, 5, 18), date(2026, 5, 22)),
        (date(2026, 5, 26), date(2026, 5, 29)),
        (date(2026, 10, 5), date(2026, 10, 21)),
    ]:
        dienst.trage_abwesenheit_ein(h.db, Abwesenheit(h.sabine, Abwesenheitsart.URLAUB, von, bis))
    u = dienst.urlaubsuebersicht(h.db, h.sabine, 2026, date(2026, 6, 30))
    assert (u.konto.genommen, u.konto.geplant, u.konto.rest) == (18, 13, -1)
    (warnung,) = [x for x in u.hinweise if x.code == "URLAUB_UEBERSCHRITTEN"]
    assert "31 Urlaubstage" in warnung.text and "beträgt 30 Tage" in warnung.text


def test_vorlage_umbenennen_aendert_schichten(haushalt: Haushalt) -> None:
    h = haushalt
    frueh = _vorlagen(h)["Frühdienst"]
    dienst.plane_vorlage(h.db, frueh.id or 0, date(2026, 3, 2), h.sabine)
    dienst.speichere_vorlage(h.db, Schichtvorlage("1. Schicht", "1", frueh.beginn, frueh.ende, id=frueh.id))
    plan = dienst.monat_oeffnen(h.db, 2026, 3)
    assert [sp.titel for sp in plan.raster.spalten] == ["1. Schicht"]


def test_unbekannte_leistungsart_wird_abgelehnt(haushalt: Haushalt) -> None:
    schicht = sch(haushalt.sabine, "2026-03-02 07:00", "2026-03-02 14:00").mit(leistungsart="XYZ")
    with pytest.raises(EingabeFehler, match="„XYZ“ ist nicht angelegt"):
        dienst.plane(haushalt.db, schicht)
    assert _anzahl(haushalt) == 0
    (neu,) = dienst.plane(haushalt.db, schicht.mit(leistungsart="BP")).schichten_neu
    assert neu.leistungsart == "BP"


def test_aktive_personen_des_monats(haushalt: Haushalt) -> None:
    plan = dienst.monat_oeffnen(haushalt.db, 2013, 12, pruefen=False)
    assert plan.aktive_personen == ()
    assert [p.name for p in dienst.monat_oeffnen(haushalt.db, 2026, 3).aktive_personen] == [
        "Jörg",
        "Rudolf",
        "Sabine",
        "Ulrike",
    ]
