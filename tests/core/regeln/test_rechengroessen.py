"""The figures catalogue and `assistenzbuero rechengroessen` (CONTRACTS §11).

Expected values: MiLoV5 (BGBl. 2025 I Nr. 268: 14,60 € ab 01.01.2027), § 8 Abs. 1a SGB IV (633 € ab 2027),
§ 5 Abs. 1 ArbZG (11 Stunden Ruhezeit), § 3 Abs. 1 EFZG (6 Wochen); the 2027 SV figures were not published when
this was written, so they must be listed as missing.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from core.regeln import tabellen
from core.regeln.katalog import GRUPPEN, KATALOG, NACH_NAME
from core.regeln.rechengroessen import FEHLT, fehlende_zuerst, uebersicht
from core.ressourcen import ressource
from tests.kommandozeile import rufe

WURZEL = Path(__file__).resolve().parents[3]


def _namen_in(datei: Path) -> set[str]:
    with datei.open("rb") as f:
        return {n for n in tomllib.load(f) if n != "jahr"}


def test_katalog_kennt_jeden_namen_der_dateien() -> None:
    for datei in sorted(ressource("regeln").glob("*.toml")):
        if datei.stem in ("krankenkassen", "unfallkassen"):
            continue
        unbekannt = _namen_in(datei) - NACH_NAME.keys()
        assert not unbekannt, f"{datei.name}: {sorted(unbekannt)} fehlen in core/regeln/katalog.py"


def test_jeder_katalogname_ist_2026_vorhanden() -> None:
    # 2026 is the fullest year: every figure the program reads has a value there
    assert {g.name for g in KATALOG} <= tabellen.eintraege(2026).keys()
    assert len({g.name for g in KATALOG}) == len(KATALOG)
    assert {g.gruppe for g in KATALOG} <= set(GRUPPEN)


def test_jeder_im_code_gelesene_name_steht_im_katalog() -> None:
    muster = re.compile(r"""(?:regelwert|[^_a-z]wert|_rw|hole)\(\s*"([a-z0-9_]+)\"""")
    gelesen: set[str] = set()
    for datei in (WURZEL / "core").rglob("*.py"):
        gelesen |= set(muster.findall(datei.read_text(encoding="utf-8")))
    gelesen -= {"rv_befreiung", "student", "privathaushalt", "bereitschaft", "kirchensteuer", "katholisch"}
    gelesen -= {"im_haushalt", "elterneigenschaft", "ag_anteile_erstattet", "ueberschreitung_unvorhersehbar"}
    assert gelesen, "the pattern must find the names the rules read"
    assert not gelesen - NACH_NAME.keys()


def test_dauerhafte_groessen_gelten_in_jedem_jahr() -> None:
    for jahr in (2025, 2026, 2027):
        assert tabellen.wert("arbzg_ruhezeit_stunden", date(jahr, 6, 1)) == Decimal(11)  # § 5 Abs. 1 ArbZG
        assert tabellen.wert("entgeltfortzahlung_wochen", date(jahr, 6, 1)) == Decimal(6)  # § 3 Abs. 1 EFZG
    for datei in ("2025.toml", "2026.toml", "2027.toml"):
        assert not {n for n in _namen_in(ressource("regeln", datei)) if n.startswith("arbzg_")}, datei


def test_uebersicht_2027_nennt_fehlende_werte_und_fehlenden_pap() -> None:
    stand = uebersicht(2027)
    nach_name = {e.name: e for e in stand.werte}
    assert nach_name["mindestlohn_stunde"].wert == Decimal("14.60")
    assert nach_name["mindestlohn_stunde"].status == "amtlich"
    assert nach_name["minijob_grenze_monat"].wert == Decimal("633")
    assert nach_name["bbg_kv_monat"].status == FEHLT
    assert nach_name["bbg_kv_monat"].wert is None
    assert stand.pap == "fehlt"
    assert not stand.vollstaendig
    assert fehlende_zuerst(stand.werte)[0].status == FEHLT


def test_uebersicht_2026_ist_vollstaendig_und_zeigt_vorlaeufige() -> None:
    stand = uebersicht(2026)
    assert stand.pap == "mitgeliefert"
    assert stand.vollstaendig
    status = {e.name: e.status for e in stand.werte}
    assert status["kirchensteuer_pauschal_prozent"] == "vorlaeufig"  # status "?" in 2026.toml
    assert status["grundfreibetrag"] == "amtlich"


def test_cli_json_wie_contracts_11() -> None:
    lauf = rufe("rechengroessen", "--jahr", "2027", "--json")
    assert lauf.returncode == 0, lauf.stderr
    daten = json.loads(lauf.stdout)
    assert daten["jahr"] == 2027
    assert daten["pap"] == "fehlt"
    erster = next(w for w in daten["werte"] if w["name"] == "mindestlohn_stunde")
    assert {k: erster[k] for k in ("wert", "gueltig_ab", "status")} == {
        "wert": "14.60",
        "gueltig_ab": "2027-01-01",
        "status": "amtlich",
    }
    assert "MiLoV5" in erster["quelle"]
    bbg = next(w for w in daten["werte"] if w["name"] == "bbg_rv_monat")
    assert bbg["status"] == "fehlt" and bbg["wert"] is None
    assert {w["name"] for w in daten["werte"]} == {g.name for g in KATALOG}


def test_cli_text_nennt_status_in_worten() -> None:
    lauf = rufe("rechengroessen", "--jahr", "2027")
    assert lauf.returncode == 0
    assert "Mindestlohn je Stunde (€) (mindestlohn_stunde): 14,60 ab 01.01.2027 [amtlich bestätigt]" in lauf.stdout
    assert "(bbg_kv_monat): – [fehlt]" in lauf.stdout
    assert "Lohnsteuer-PAP 2027: fehlt" in lauf.stdout


@pytest.mark.parametrize("argumente", [("rechengroessen",), ("rechengroessen", "--jahr", "1999")])
def test_cli_ohne_oder_mit_unsinnigem_jahr(argumente: tuple[str, ...]) -> None:
    lauf = rufe(*argumente)
    assert lauf.returncode == 2
    assert lauf.stderr.startswith("Fehler: ") and lauf.stderr.count("\n") == 1
