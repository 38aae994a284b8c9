"""DEÜV-Meldungen from the finalised months: Anmeldung for a start in the month (due six weeks later), Jahresmeldung
in December with the year's RV-Entgelt in whole euros, per Personengruppe 101 / 109 / 110; refusals name each person
and what is missing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.fehler import EingabeFehler
from core.meldungen.deuev import deuev_meldungen, volle_euro
from core.meldungen.deuev_export import deuev_exportieren
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from tests.core.io.belege_hilfe import SZENARIEN, geladener_haushalt, pdf_text

#: Tätigkeitsschlüssel parts (seed 004, 2.3.1): KldB 83132, Schulabschluss 3, Ausbildung 2, no AÜ (2), Vertragsform 1
TEILE = {"taetigkeit_kldb": "83132", "schulabschluss": "3", "ausbildungsabschluss": "2", "vertragsform": "1"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Datenbank]:
    """The two-Kassen household, Sabine starting on 02.03.2026, plus Dora (short-term, 110); March to December
    finalised (only March has shifts)."""
    tmp = tmp_path_factory.mktemp("deuev")
    daten: dict[str, Any] = json.loads((SZENARIEN / "meldungen_zwei_kassen.json").read_text(encoding="utf-8"))
    daten["assistenzkraefte"][0]["eintritt"] = "2026-03-02"
    dora = json.loads((SZENARIEN / "kurzfristig_privathaushalt.json").read_text(encoding="utf-8"))["assistenzkraefte"]
    dora[0].update({"id": "6", "name": "Dora Kurz", "krankenkasse": "AOK BW"})
    daten["assistenzkraefte"].append(dora[0])
    offen = geladener_haushalt(tmp, daten)
    try:
        lauf.schliesse_ab(offen, 2026, 3)
        yield offen
    finally:
        offen.schliessen()


def _personalbogen_vervollstaendigen(db: Datenbank) -> None:
    with db.arbeitseinheit() as sitzung:
        for nummer, kraft in enumerate(sitzung.scalars(select(Assistenzkraft)), start=1):
            kraft.versicherungsnummer = f"6512048{nummer}M503"[:12]
            for feld, wert in TEILE.items():
                setattr(kraft, feld, wert)


def test_fehlendes_je_person_und_kein_halbes_dokument(db: Datenbank, tmp_path: Path) -> None:
    with pytest.raises(EingabeFehler) as fehler:
        deuev_exportieren(db, 2026, 3, tmp_path / "d.pdf")
    text = str(fehler.value)
    for name in ("Sabine Muster", "Dora Kurz"):  # both start in March: two Anmeldungen
        assert f"Für {name} fehlt der Tätigkeitsschlüssel" in text
        assert f"Für {name} fehlt die Versicherungsnummer" in text
    assert "Jörg" not in text  # no Meldung for him this month
    assert not (tmp_path / "d.pdf").exists()


def test_anmeldung_im_monat_des_beginns(db: Datenbank, tmp_path: Path) -> None:
    _personalbogen_vervollstaendigen(db)
    ms = deuev_meldungen(db, 2026, 3)
    anmeldung, dora = [m for m in ms.meldungen if m.grund == "10"]
    assert (dora.personalnummer, dora.von, dora.personengruppe, dora.beitragsgruppe) == (
        "6",
        date(2026, 3, 1),
        "110",
        "0000",
    )
    assert anmeldung.personalnummer == "1" and anmeldung.von == date(2026, 3, 2)
    assert anmeldung.faellig == date(2026, 4, 13)  # § 6 DEÜV: six weeks after 02.03.2026
    assert (anmeldung.personengruppe, anmeldung.beitragsgruppe) == ("101", "1111")
    assert len(anmeldung.taetigkeitsschluessel) == 9 and anmeldung.entgelt is None
    deuev_exportieren(db, 2026, 3, tmp_path / "d.pdf")
    text = "\n".join(pdf_text(tmp_path / "d.pdf"))
    assert "10 – Anmeldung wegen Beginn einer Beschäftigung" in text and "13.04.2026" in text
    deuev_exportieren(db, 2026, 3, tmp_path / "d.xlsx")


def test_jahresmeldung_im_dezember(db: Datenbank, tmp_path: Path) -> None:
    """Only March was paid: Sabine's Jahresmeldung covers 02.03.–31.12.2026 with 2.728 € (2.728,00 € RV-Entgelt);
    Ulrike (minijob with RV, 109, 6100) 480 €; due 15.02.2027. Dora's fixed term ended on 30.04.: an Abmeldung in
    April, without Entgelt (short-term, 110), due six weeks later."""
    _personalbogen_vervollstaendigen(db)
    for monat in range(4, 13):
        lauf.schliesse_ab(db, 2026, monat)
    ms = deuev_meldungen(db, 2026, 12)
    jahres = {m.personalnummer: m for m in ms.meldungen if m.grund == "50"}
    sabine, ulrike = jahres["1"], jahres["4"]
    assert "6" not in jahres
    (dora,) = [m for m in deuev_meldungen(db, 2026, 4).meldungen if m.grund == "30"]
    assert (dora.von, dora.bis, dora.entgelt, dora.faellig) == (
        date(2026, 3, 1),
        date(2026, 4, 30),
        None,
        date(2026, 6, 11),
    )
    assert (sabine.von, sabine.bis, sabine.entgelt) == (date(2026, 3, 2), date(2026, 12, 31), 2728)
    assert (ulrike.personengruppe, ulrike.beitragsgruppe, ulrike.entgelt) == ("109", "6100", 480)
    assert sabine.faellig == date(2027, 2, 15)
    ben = jahres["3"]
    dezember = next(g for g in ablage.lade_monat(db, 2026, 12).ergebnisse if g.ergebnis.id == "3")
    assert ben.entgelt == volle_euro(dezember.ergebnis.jahreswerte.entgelt_rv)
    # Ben is in the Übergangsbereich all year (DBME KENNZMIDI 1): the Meldung also carries his actual pay for the
    # pension (EGRB, § 70 Abs. 1a SGB VI): 15 shifts × 5 h × 16,00 € = 1.200 €, above the reduced EG
    assert (ben.kennzeichen_uebergangsbereich, ben.entgelt_rentenberechnung) == ("1", 1200)
    assert ben.entgelt is not None and ben.entgelt < 1200
    assert (sabine.kennzeichen_uebergangsbereich, sabine.entgelt_rentenberechnung) == ("0", None)
    assert not sabine.mehrfachbeschaeftigung
    deuev_exportieren(db, 2026, 12, tmp_path / "j.pdf")
    text = "\n".join(pdf_text(tmp_path / "j.pdf"))
    assert "50 – Jahresmeldung" in text and "(DBME EGRB)" in text
    assert "nicht mit dem amtlichen Vordruck 2026 abgeglichen" in text.replace("\n", " ")


def test_volle_euro() -> None:
    from decimal import Decimal

    assert [volle_euro(Decimal(t)) for t in ("2728.49", "2728.50", "0.00")] == [2728, 2729, 0]
