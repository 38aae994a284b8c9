"""The monthly run through the store: §8 + §7 equal `berechnen`, finalise, corrections, refusals, mid-year start."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.abrechnung import ablage, erfassung, lauf
from core.abrechnung.modell import Monatseingabe
from core.abrechnung.protokoll import protokoll
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lade_szenario
from core.abrechnung.szenario_laden import lade
from core.dienstplan.modelle import SchichtZeile
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from core.stammdaten import start
from tests.kommandozeile import rufe

SZENARIO_ORDNER = Path(__file__).resolve().parents[2] / "data" / "szenarien"
#: Every scenario of the folder (not the bad inputs in fehler/): .json, and the CONTRACTS example with comments.
SZENARIEN = sorted([*SZENARIO_ORDNER.glob("*.json"), *SZENARIO_ORDNER.glob("*.jsonc")])
SV_PFLICHTIG = next(p for p in SZENARIEN if p.stem == "sv_pflichtig_nacht_sonntag")


def _als_json(tmp_path: Path, szenario: Path) -> Path:
    """A .jsonc scenario (CONTRACTS §3 verbatim, "// …" comments) as the plain JSON both entrances read."""
    if szenario.suffix != ".jsonc":
        return szenario
    ziel = tmp_path / f"{szenario.stem}.json"
    ziel.write_text(re.sub(r"//[^\n]*", "", szenario.read_text(encoding="utf-8")), encoding="utf-8")
    return ziel


def _geladen(tmp_path: Path, szenario: Path) -> Datenbank:
    lade(szenario, tmp_path / "haushalt.sqlite")
    return start.oeffne(tmp_path / "haushalt.sqlite")


def _ohne_kennungen(e: Monatseingabe) -> dict[str, Any]:
    """The input without what only the store knows: row ids, the actual time (= plan) of worked shifts, the day an
    advance was paid, the statutory U1 refund written out; shifts in time order (the file's order is free)."""
    e = replace(
        e,
        schichten=tuple(sorted((replace(s.bezahlt(), id=None) for s in e.schichten), key=lambda s: s.beginn_utc)),
        abwesenheiten=tuple(replace(a, id=None, fortsetzung_von=None) for a in e.abwesenheiten),
        einmalzahlungen=tuple(replace(z, id=None) for z in e.einmalzahlungen),
        sachbezuege=tuple(replace(z, id=None) for z in e.sachbezuege),
        vorschuesse=tuple(replace(z, id=None, datum=None) for z in e.vorschuesse),
        kasse=replace(e.kasse, u1_erstattung_prozent=e.kasse.u1_erstattung_prozent or Decimal(80))
        if e.kasse is not None
        else None,
    )
    return e.als_dict()


@pytest.mark.parametrize("szenario", SZENARIEN, ids=[p.stem for p in SZENARIEN])
def test_szenario_laden_und_abrechnung_gleich_berechnen(tmp_path: Path, szenario: Path) -> None:
    """CONTRACTS §8: a scenario loaded into a database and run from the store gives, field for field, what
    `berechnen` gives — the results and, apart from store ids, the calculation's input."""
    szenario = _als_json(tmp_path, szenario)
    erwartet = lade_szenario(szenario)
    db = _geladen(tmp_path, szenario)
    try:
        m = lauf.abrechnung(db, erwartet.jahr, erwartet.monat)
    finally:
        db.schliessen()
    assert m.status == "entwurf"
    assert [z.personalnummer for z in m.zeilen] == sorted(
        (e.person.personalnummer for e in erwartet.eingaben), key=ablage._sortierbar
    )
    nach_nummer = {z.personalnummer: z for z in m.zeilen}
    for eingabe in erwartet.eingaben:
        zeile = nach_nummer[eingabe.person.personalnummer]
        assert zeile.eingabe is not None and zeile.ergebnis is not None, zeile.fehler
        assert _ohne_kennungen(zeile.eingabe) == _ohne_kennungen(eingabe)
        assert _ohne_abwesenheits_ids(zeile.ergebnis.als_dict()) == _ohne_abwesenheits_ids(berechne(eingabe).als_dict())


def test_querpruefung_umfasst_jeden_szenario_ordner_eintrag() -> None:
    """The cross-check above must not silently skip a scenario someone adds in another format or name."""
    dateien = {p.name for p in SZENARIO_ORDNER.iterdir() if p.is_file()}
    assert dateien == {p.name for p in SZENARIEN}
    assert {"contracts_beispiel.jsonc", "minijob_privathaushalt.json", "midijob_drei_kinder.json"} <= dateien


def _ohne_abwesenheits_ids(ergebnis: dict[str, Any]) -> dict[str, Any]:
    """Results name the absence they pay for by its id (the store's row id, the scenario's own number)."""
    for liste in ("lohnarten", "fortzahlungen"):
        for eintrag in ergebnis[liste]:
            eintrag["abwesenheit_id"] = None
    return ergebnis


def test_cli_json_status_id_und_lohnarten(tmp_path: Path) -> None:
    """CONTRACTS §7 from the command line: §3 schema plus status, id = Personalnummer, lohnarten; then finalise.

    In the test process (tests/kommandozeile.py): what is proven here is the answers, not the process; the real
    `python -m core.cli` runs in test_datenbank (a second instance) and test_kalkulation_import."""
    datei = tmp_path / "h.sqlite"
    geladen = rufe("szenario", "laden", str(SV_PFLICHTIG), "--db", str(datei))
    assert geladen.returncode == 0, geladen.stderr
    noch_einmal = rufe("szenario", "laden", str(SV_PFLICHTIG), "--db", str(datei))
    assert noch_einmal.returncode == 2 and "gibt es schon" in noch_einmal.stderr
    berechnet = json.loads(rufe("berechnen", str(SV_PFLICHTIG), "--json").stdout)
    lauf_json = json.loads(rufe("abrechnung", "--db", str(datei), "--monat", "2026-03", "--json").stdout)
    assert lauf_json.pop("status") == "entwurf"
    assert lauf_json == berechnet
    kraft = lauf_json["assistenzkraefte"][0]
    assert kraft["id"] == json.loads(SV_PFLICHTIG.read_text())["assistenzkraefte"][0]["id"]
    assert kraft["lohnarten"] and {"schluessel", "text", "menge", "betrag"} <= set(kraft["lohnarten"][0])
    zu = rufe("abrechnung", "abschliessen", "--db", str(datei), "--monat", "2026-03")
    assert zu.returncode == 0, zu.stderr
    danach = json.loads(rufe("abrechnung", "--db", str(datei), "--monat", "2026-03", "--json").stdout)
    assert danach.pop("status") == "abgeschlossen" and danach == berechnet
    vorher = rufe("abrechnung", "abschliessen", "--db", str(datei), "--monat", "2026-05")
    assert vorher.returncode == 2
    assert vorher.stderr.strip().splitlines() == [
        "Fehler: April 2026 ist noch nicht abgeschlossen. "
        "Bitte die Monate der Reihe nach abschließen, zuerst April 2026."
    ]


def test_abschluss_dann_geaenderte_schicht_wird_korrektur_im_naechsten_monat(tmp_path: Path) -> None:
    db = _geladen(tmp_path, SV_PFLICHTIG)
    try:
        maerz = lauf.schliesse_ab(db, 2026, 3)
        original = maerz.zeilen[0].ergebnis
        assert original is not None
        with db.arbeitseinheit() as sitzung:  # an hour more on the first shift, entered after finalising
            zeile = sitzung.scalars(select(SchichtZeile).order_by(SchichtZeile.beginn)).first()
            assert zeile is not None and zeile.ist_ende is not None
            zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)
        assert ablage.lade_monat(db, 2026, 3).ergebnisse[0].ergebnis == original  # the closed month never changes
        offen = lauf.offene_korrekturen(db)
        assert [(k.jahr, k.monat, k.version) for k in offen] == [(2026, 3, 2)]
        korrektur = offen[0]
        felder = {f for f, _a, _b in korrektur.differenz}
        assert {"brutto", "netto", "stunden"} <= felder
        assert korrektur.nachher.stunden == original.stunden + 1
        assert korrektur.auszahlung_differenz > 0

        april = lauf.abrechnung(db, 2026, 4)
        assert [k.text() for k in april.korrekturen] == ["Korrektur 03/2026"]
        eingabe_april = april.zeilen[0].eingabe
        assert eingabe_april is not None
        assert [(v.betrag, v.bezug) for v in eingabe_april.verrechnungen] == [
            (korrektur.auszahlung_differenz, "2026-03")
        ]
        lauf.schliesse_ab(db, 2026, 4)

        versionen = ablage.versionen(db, 2026, 3, korrektur.assistenzkraft_id)
        assert [(v.version, v.art) for v in versionen] == [(1, "abrechnung"), (2, "korrektur")]
        assert versionen[0].ergebnis == original
        assert versionen[1].ergebnis.brutto == korrektur.nachher.brutto
        assert (versionen[1].verrechnet_jahr, versionen[1].verrechnet_monat) == (2026, 4)
        assert versionen[1].erstellt_von and versionen[1].differenz == korrektur.differenz
        assert versionen[1].eingabe(db).schichten != versionen[0].eingabe(db).schichten  # both reproducible
        assert [k.version for k in ablage.lade_monat(db, 2026, 4).korrekturen] == [2]
        assert lauf.offene_korrekturen(db) == []  # settled once, not again
        aktionen = [e.aktion for e in protokoll(db)]
        assert aktionen.count("abschluss") == 2 and "korrektur" in aktionen
        assert lauf.abrechnung(db, 2026, 3).zeilen[0].ergebnis == korrektur.nachher
    finally:
        db.schliessen()


def test_abschluss_verweigert_bei_sperrendem_hinweis_und_vor_dem_beginn(tmp_path: Path) -> None:
    db = _geladen(tmp_path, SV_PFLICHTIG)
    try:
        with pytest.raises(EingabeFehler, match="liegt vor dem Abrechnungsbeginn"):
            lauf.abrechnung(db, 2026, 2)
        with pytest.raises(EingabeFehler, match="liegt vor dem Abrechnungsbeginn"):
            lauf.schliesse_ab(db, 2026, 2)
        with db.arbeitseinheit() as sitzung:
            kraft = sitzung.scalars(select(Assistenzkraft)).one()
            kraft.steuerklasse = None
        zeile = lauf.abrechnung(db, 2026, 3).zeilen[0]
        assert [h.code for h in zeile.sperrend] == ["STEUERKLASSE_FEHLT"]
        assert zeile.hinweise[0].code == "STEUERKLASSE_FEHLT"  # errors first
        with pytest.raises(EingabeFehler, match=r"kann nicht abgeschlossen werden: .*Steuerklasse"):
            lauf.schliesse_ab(db, 2026, 3)
        assert ablage.status(db, 2026, 3) == "entwurf" and ablage.lade_monat(db, 2026, 3).ergebnisse == ()
        with db.arbeitseinheit() as sitzung:
            kraft = sitzung.scalars(select(Assistenzkraft)).one()
            kraft.steuerklasse, kraft.geburtsdatum = 1, None
        zeile = lauf.abrechnung(db, 2026, 3).zeilen[0]
        assert zeile.ergebnis is None and "fehlt das Geburtsdatum" in zeile.fehler
        with pytest.raises(EingabeFehler, match="Geburtsdatum"):
            lauf.schliesse_ab(db, 2026, 3)
    finally:
        db.schliessen()


def test_jahresmitte_mit_uebernommenen_werten(tmp_path: Path) -> None:
    """A household that a Lohnbüro settled until June: the figures carried over are the year's history."""
    szenario = json.loads(SV_PFLICHTIG.read_text(encoding="utf-8"))
    db = _geladen(tmp_path, SV_PFLICHTIG)
    try:
        kraft_id = 1
        erfassung.speichere_vortrag(
            db,
            erfassung.VortragDaten(
                kraft_id,
                2026,
                brutto=Decimal("5000.00"),
                steuerbrutto=Decimal("5000.00"),
                lohnsteuer=Decimal("300.00"),
                entgelt_kv=Decimal("5000.00"),
                entgelt_rv=Decimal("5000.00"),
                sv_tage=60,
            ),
        )
        zeile = lauf.abrechnung(db, szenario["jahr"], szenario["monat"]).zeilen[0]
        assert zeile.eingabe is not None and zeile.ergebnis is not None
        vg = zeile.eingabe.vorgeschichte
        assert vg.bekannt and vg.jahreswerte.brutto == Decimal("5000.00") and vg.jahreswerte.sv_tage == 60
        assert zeile.ergebnis.jahreswerte.brutto == Decimal("5000.00") + zeile.ergebnis.brutto
        assert zeile.ergebnis.jahreswerte.lohnsteuer == Decimal("300.00") + zeile.ergebnis.lohnsteuer
        lauf.schliesse_ab(db, 2026, 3)
        april = lauf.abrechnung(db, 2026, 4).zeilen[0]
        assert april.eingabe is not None and april.eingabe.vorgeschichte.jahreswerte == zeile.ergebnis.jahreswerte
        assert [(v.jahr, v.monat) for v in april.eingabe.vorgeschichte.vormonate] == [(2026, 3)]
    finally:
        db.schliessen()


def test_schichten_ohne_istzeit_sind_nach_plan(tmp_path: Path) -> None:
    db = _geladen(tmp_path, SV_PFLICHTIG)
    try:
        with db.arbeitseinheit() as sitzung:
            for zeile in sitzung.scalars(select(SchichtZeile)).all()[:2]:
                zeile.ist_beginn = zeile.ist_ende = None
        z = lauf.abrechnung(db, 2026, 3).zeilen[0]
        assert len(z.nach_plan) >= 1
        hinweis = next(h for h in z.hinweise if h.code == "NACH_PLAN")
        assert hinweis.schwere == "warnung" and "nach Plan" in hinweis.text
        assert next(iter(lauf.zeilen(db, 2026, 3))).nach_plan == z.nach_plan  # the generator gives the same rows
        assert lauf.personen_im_monat(db, 2026, 3) == [1]
    finally:
        db.schliessen()


def test_vortrag_ohne_werte_vor_beginn_wird_abgelehnt(tmp_path: Path) -> None:
    db = _geladen(tmp_path, SV_PFLICHTIG)
    try:
        assert erfassung.abrechnungsbeginn(db) == date(2026, 3, 1)
        lauf.schliesse_ab(db, 2026, 3)
        with pytest.raises(EingabeFehler, match="schon abgeschlossen"):
            erfassung.speichere_vortrag(db, erfassung.VortragDaten(1, 2026, brutto=Decimal("1.00")))
    finally:
        db.schliessen()
