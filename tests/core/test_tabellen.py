"""Rule tables: lookups by date, unknown years, unverified figures (sources: RECHENGROESSEN.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.regeln.tabellen import FehlenderRegelwert, UnbekanntesJahr, regelwert, unterstuetzte_jahre, wert


@pytest.mark.parametrize(
    ("schluessel", "stichtag", "erwartet"),
    [
        pytest.param("mindestlohn_stunde", date(2025, 6, 1), "12.82", id="Mindestlohn 2025 MiLoV4"),
        pytest.param("mindestlohn_stunde", date(2026, 1, 1), "13.90", id="Mindestlohn 2026 MiLoV5"),
        pytest.param("mindestlohn_stunde", date(2027, 12, 31), "14.60", id="Mindestlohn 2027 MiLoV5"),
        pytest.param("minijob_grenze_monat", date(2025, 3, 1), "556", id="Minijob-Grenze 2025"),
        pytest.param("minijob_grenze_monat", date(2026, 3, 1), "603", id="Minijob-Grenze 2026"),
        pytest.param("minijob_grenze_monat", date(2027, 3, 1), "633", id="Minijob-Grenze 2027"),
        pytest.param("bbg_kv_monat", date(2026, 3, 1), "5812.50", id="BBG KV 2026"),
        pytest.param("faktor_f", date(2025, 3, 1), "0.6683", id="Faktor F 2025"),
        pytest.param("minijob_u1_prozent", date(2026, 3, 1), "0.80", id="U1 Minijob 2026"),
    ],
)
def test_werte_nach_datum(schluessel: str, stichtag: date, erwartet: str) -> None:
    assert wert(schluessel, stichtag) == Decimal(erwartet)


def test_minijob_grenze_folgt_aus_mindestlohn() -> None:
    # § 8 Abs. 1a SGB IV: Mindestlohn × 130 / 3, aufgerundet auf volle Euro
    for jahr in unterstuetzte_jahre():
        stichtag = date(jahr, 7, 1)
        roh = wert("mindestlohn_stunde", stichtag) * 130 / 3
        assert wert("minijob_grenze_monat", stichtag) == roh.to_integral_value(rounding="ROUND_CEILING")


def test_unbekanntes_jahr_nennt_unterstuetzte_jahre() -> None:
    with pytest.raises(UnbekanntesJahr, match="2025, 2026, 2027"):
        wert("mindestlohn_stunde", date(2019, 1, 1))
    with pytest.raises(ValueError):
        wert("mindestlohn_stunde", date(2030, 1, 1))


def test_2027_ohne_sv_werte_meldet_klar() -> None:
    with pytest.raises(FehlenderRegelwert, match="noch nicht hinterlegt"):
        wert("bbg_kv_monat", date(2027, 1, 1))


def test_kirchensteuer_nach_land() -> None:
    assert wert("kirchensteuer_prozent", date(2026, 1, 1), land="BW") == Decimal("8")
    assert wert("kirchensteuer_prozent", date(2026, 1, 1), land="Augsburg") == Decimal("8")
    assert wert("kirchensteuer_prozent", date(2026, 1, 1), land="NW") == Decimal("9")


def test_unverifizierter_wert_liefert_hinweis() -> None:
    pauschal = regelwert("kirchensteuer_pauschal_prozent", date(2026, 1, 1), land="BW")
    assert pauschal.unverifiziert
    assert pauschal.hinweis() is not None
    assert regelwert("mindestlohn_stunde", date(2026, 1, 1)).hinweis() is None


def test_jede_jahresdatei_hat_quelle_und_datum_im_jahr() -> None:
    import tomllib

    from core.ressourcen import ressource

    for jahr in unterstuetzte_jahre():
        with ressource("regeln", f"{jahr}.toml").open("rb") as datei:
            roh = tomllib.load(datei)
        for schluessel, eintrag in roh.items():
            if schluessel == "jahr":
                continue
            for e in eintrag if isinstance(eintrag, list) else [eintrag]:
                assert e["quelle"], f"{jahr}/{schluessel} ohne Quelle"
                assert e["gueltig_ab"].year == jahr, f"{jahr}/{schluessel}"
                assert e["status"] in ("Q", "B", "?"), f"{jahr}/{schluessel}"
