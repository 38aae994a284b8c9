"""Named Kalkulation versions in the database: save, list, copy, delete, import-and-save, Kassen U1/U2, CLI."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.budget import kalkulation_dienst as dienst
from core.budget.kalkulation import SEED_BEISPIEL, berechne, vorbelegen
from core.budget.kalkulation_dienst import KalkulationsVersion
from core.fehler import EingabeFehler
from core.io.kalkulation_dateien import speichere_import
from core.io.kalkulation_import import importiere
from core.persistence.datenbank import Datenbank
from core.stammdaten import krankenkassen, start
from tests.core.io.kalkulation_varianten import FORSEA_2011, FORSEA_2016
from tests.kommandozeile import Lauf, rufe

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Datenbank]:
    datenbank = start.oeffne(tmp_path / "haushalt.sqlite")
    yield datenbank
    datenbank.schliessen()


def test_speichern_laden_kopieren_loeschen(db: Datenbank) -> None:
    v = vorbelegen(date(2026, 1, 1))
    ist = dienst.speichere(db, KalkulationsVersion("Ist 2026", date(2026, 1, 1), v.parameter, notiz=v.notiz))
    assert ist.id is not None
    assert dienst.lade(db, "Ist 2026") == ist
    assert dienst.lade(db, ist.id).parameter == v.parameter  # exact decimals survive the round trip
    antrag = dienst.kopiere(db, ist.id, "Antrag 2027")
    antrag = dienst.speichere(
        db,
        KalkulationsVersion(
            antrag.name, date(2027, 1, 1), antrag.parameter.mit(stundensatz=Decimal("14.60")), id=antrag.id
        ),
    )
    assert [x.name for x in dienst.liste(db)] == ["Antrag 2027", "Ist 2026"]
    assert dienst.lade(db, "Ist 2026").parameter.stundensatz == v.parameter.stundensatz
    dienst.loesche(db, ist.id)
    assert [x.name for x in dienst.liste(db)] == ["Antrag 2027"]


def test_name_doppelt_oder_leer(db: Datenbank) -> None:
    dienst.speichere(db, KalkulationsVersion("Antrag 2027", date(2027, 1, 1), SEED_BEISPIEL))
    with pytest.raises(EingabeFehler, match="schon eine Kalkulation"):
        dienst.speichere(db, KalkulationsVersion("Antrag  2027", date(2027, 1, 1), SEED_BEISPIEL))
    with pytest.raises(EingabeFehler, match="Namen"):
        dienst.speichere(db, KalkulationsVersion("  ", date(2027, 1, 1), SEED_BEISPIEL))
    assert len(dienst.liste(db)) == 1


def test_import_und_speichern(db: Datenbank) -> None:
    v = speichere_import(db, "Ist 2016", importiere(FORSEA_2016))
    assert v.stand == date(2016, 3, 1)
    # seed 004, 1.6.2 prints Gesamtkosten im Jahr 147.702,58 € for this sheet
    assert berechne(v.parameter).als_dict()["gesamtkosten_jahr"] == "147702.58"
    assert "forsea-kalkulation-2016.xlsx" in v.notiz


def test_fehlerhafter_import_speichert_nichts(db: Datenbank, tmp_path: Path) -> None:
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(b"kein Excel")
    with pytest.raises(EingabeFehler):
        speichere_import(db, "Ist 2016", importiere(kaputt))
    assert dienst.liste(db) == []


def test_kassen_umlagen_aus_den_stammdaten(db: Datenbank) -> None:
    krankenkassen.speichere_krankenkasse(
        db,
        krankenkassen.KrankenkasseDaten(
            name="AOK Baden-Württemberg",
            jahre=[
                krankenkassen.KassenJahrDaten(
                    jahr=2026,
                    u2_prozent=Decimal("0.45"),
                    u1_stufen=[
                        krankenkassen.U1StufeDaten(Decimal("2.1"), Decimal("60"), gewaehlt=True),
                        krankenkassen.U1StufeDaten(Decimal("3.3"), Decimal("80")),
                    ],
                )
            ],
        ),
    )
    aok = [u for u in dienst.kassen_umlagen(db, 2026) if u.quelle.startswith("AOK")]
    assert len(aok) == 1
    assert (aok[0].u1_prozent, aok[0].u2_prozent, aok[0].u1_erstattung_prozent) == (
        Decimal("2.1"),
        Decimal("0.45"),
        Decimal("60"),
    )
    p = vorbelegen(date(2026, 3, 1), umlagen=aok[0]).parameter
    assert p.u1_prozent == Decimal("2.1") and p.erstattung_prozent == Decimal("60")


def _cli(*argumente: str) -> Lauf:
    return rufe(*argumente)


def test_cli_import_speichern_liste_export(tmp_path: Path) -> None:
    datenbank = str(tmp_path / "h.sqlite")
    lauf = _cli("--db", datenbank, "kalkulation", "import", str(FORSEA_2011), "--speichern", "Ist 2011", "--json")
    assert lauf.returncode == 0, lauf.stderr
    liste = _cli("--db", datenbank, "kalkulation", "liste")
    assert "Ist 2011" in liste.stdout and "95.990,24" in liste.stdout
    from core.stammdaten.arbeitgeber import ArbeitgeberDaten, speichere_arbeitgeber
    from tests.pdf import pdf_text

    db = start.oeffne(Path(datenbank))
    try:
        speichere_arbeitgeber(
            db, ArbeitgeberDaten(vorname="Maria", nachname="Muster", strasse="Lindenweg 3", plz="79098", ort="Freiburg",
                                 bundesland="BW"),
        )  # fmt: skip
    finally:
        db.schliessen()
    pdf = tmp_path / "ist.pdf"
    export = _cli("--db", datenbank, "kalkulation", "export", "--name", "Ist 2011", "--ausgabe", str(pdf))
    assert export.returncode == 0, export.stderr
    text = " ".join(pdf_text(pdf).split())
    # the applicant from the master data; the 2011 sheet's rates (e.g. RV 19,9 %) are no year's of today
    assert "Antragsteller/in: Maria Muster, Lindenweg 3, 79098 Freiburg" in text
    assert "Achtung: Die Sätze dieser Kalkulation sind veraltet" in text
    fehlt = _cli(
        "--db", datenbank, "kalkulation", "export", "--name", "Antrag 2099", "--ausgabe", str(pdf), "--ueberschreiben"
    )  # fmt: skip
    assert fehlt.returncode == 2 and "Antrag 2099" in fehlt.stderr and len(fehlt.stderr.strip().splitlines()) == 1
