"""Identifier checks against official or published examples (source in each test id)."""

from __future__ import annotations

from datetime import date

import pytest

from core.domain.kennungen import (
    pruefe_betriebsnummer,
    pruefe_bic,
    pruefe_iban,
    pruefe_steuer_id,
    pruefe_steuernummer,
    pruefe_taetigkeitsschluessel,
    pruefe_versicherungsnummer,
    taetigkeitsschluessel,
    vertragsform_aus,
)


@pytest.mark.parametrize(
    "iban",
    [
        pytest.param("DE89 3704 0044 0532 0130 00", id="ECBS/Bundesbank-Beispiel DE89"),
        pytest.param("GB82 WEST 1234 5698 7654 32", id="ISO-13616/ECBS-Beispiel GB82"),
        pytest.param("de89370400440532013000", id="klein und ohne Leerzeichen"),
    ],
)
def test_iban_gueltig(iban: str) -> None:
    assert pruefe_iban(iban) is None


@pytest.mark.parametrize(
    ("iban", "enthaelt"),
    [
        pytest.param("DE89 3704 0044 0532 0130 01", "Prüfziffern", id="ECBS-Beispiel letzte Ziffer geaendert"),
        pytest.param("DE89 3704 0044 0532 0130", "Länge", id="zu kurz"),
        pytest.param("XX89 3704 0044 0532 0130 00", "Ländercode", id="unbekanntes Land"),
        pytest.param("", "Bitte", id="leer"),
    ],
)
def test_iban_ungueltig(iban: str, enthaelt: str) -> None:
    meldung = pruefe_iban(iban)
    assert meldung is not None and enthaelt in meldung


@pytest.mark.parametrize(
    ("bic", "gueltig"),
    [
        pytest.param("COBADEFFXXX", True, id="Commerzbank-BIC zur ECBS-IBAN"),
        pytest.param("DEUTDEFF", True, id="8-stellig"),
        pytest.param("", True, id="leer erlaubt (SEPA)"),
        pytest.param("COBADEFFX", False, id="9 Zeichen"),
    ],
)
def test_bic(bic: str, gueltig: bool) -> None:
    assert (pruefe_bic(bic) is None) is gueltig


@pytest.mark.parametrize(
    ("nummer", "gueltig"),
    [
        pytest.param("36 574 261 809", True, id="stdnum-Doku gueltig"),
        pytest.param("86095742719", True, id="Wikipedia/BZSt-Beispiel"),
        pytest.param("36574261890", False, id="stdnum-Doku Pruefziffer falsch"),
        pytest.param("36554266806", False, id="stdnum-Doku Ziffer zu oft"),
        pytest.param("3657426180", False, id="10 Ziffern"),
        pytest.param("3657426180A", False, id="Buchstabe"),
    ],
)
def test_steuer_id(nummer: str, gueltig: bool) -> None:
    assert (pruefe_steuer_id(nummer) is None) is gueltig


@pytest.mark.parametrize(
    ("nummer", "land", "gueltig"),
    [
        pytest.param(" 181/815/0815 5", None, True, id="stdnum-Doku ohne Land"),
        pytest.param("201/123/12340", "SN", True, id="stdnum-Doku Sachsen"),
        pytest.param("4151081508156", "TH", True, id="stdnum-Doku Thueringen 13-stellig"),
        pytest.param("4151181508156", "TH", False, id="stdnum-Doku Thueringen falsch"),
        pytest.param("136695978", None, False, id="stdnum-Doku zu kurz"),
        pytest.param("201/123/12340", "BW", False, id="Sachsen-Nummer passt nicht zu BW"),
    ],
)
def test_steuernummer(nummer: str, land: str | None, gueltig: bool) -> None:
    assert (pruefe_steuernummer(nummer, land) is None) is gueltig


@pytest.mark.parametrize(
    "nummer",
    [
        pytest.param("15 070649 C 103", id="Wikipedia Versicherungsnummer"),
        pytest.param("10010490A443", id="kryptografie.de Beispiel"),
        # Hand-calculated: 1 5 3 8 0 6 4 9 03 1 0 × 2 1 2 5 7 1 2 1 2 1 2 1 → cross sums 45 → 5.
        pytest.param("15 380649 C 105", id="Tag+31 (seed 004, 2.3.1) von Hand gerechnet"),
    ],
)
def test_versicherungsnummer_gueltig(nummer: str) -> None:
    assert pruefe_versicherungsnummer(nummer) is None


@pytest.mark.parametrize(
    ("nummer", "enthaelt"),
    [
        # DRV Experten-Lexikon "65 170839 J 08 8" is illustrative: by hand the weighted cross sums give 51 → 1.
        pytest.param("65 170839 J 08 8", "Prüfziffer", id="DRV-Lexikon Beispiel hat keine echte Pruefziffer"),
        # seed 004, 2.3.1 calls its "23 221155 B 502" fictitious; by hand the check digit would be 9.
        pytest.param("23 221155 B 502", "Prüfziffer", id="seed 004 fiktive Nummer"),
        pytest.param("15 070649 C 10", "12", id="zu kurz"),
        pytest.param("15 0706491 103", "aufgebaut", id="Ziffer statt Buchstabe"),
        pytest.param("15 071349 C 103", "Geburtsdatum", id="Monat 13"),
    ],
)
def test_versicherungsnummer_ungueltig(nummer: str, enthaelt: str) -> None:
    meldung = pruefe_versicherungsnummer(nummer)
    assert meldung is not None and enthaelt in meldung


@pytest.mark.parametrize(
    ("geburtsdatum", "geschlecht", "geburtsname", "fehler_enthaelt"),
    [
        pytest.param(date(1949, 6, 7), "m", "Clausen", None, id="passt"),
        pytest.param(date(1949, 6, 8), "m", None, "Geburtsdatum", id="anderer Tag"),
        pytest.param(date(2049, 6, 7), "m", None, None, id="Jahrhundert steht nicht in der Nummer"),
        pytest.param(date(1949, 6, 7), "w", None, "männlich", id="Serie 10 ist maennlich"),
        pytest.param(date(1949, 6, 7), "d", None, None, id="divers wird nicht geprueft"),
        pytest.param(date(1949, 6, 7), None, "Müller", "Geburtsnamen", id="Buchstabe C passt nicht zu Mueller"),
    ],
)
def test_versicherungsnummer_passt_zur_person(
    geburtsdatum: date, geschlecht: str | None, geburtsname: str | None, fehler_enthaelt: str | None
) -> None:
    meldung = pruefe_versicherungsnummer(
        "15070649C103", geburtsdatum=geburtsdatum, geschlecht=geschlecht, geburtsname=geburtsname
    )
    if fehler_enthaelt is None:
        assert meldung is None
    else:
        assert meldung is not None and fehler_enthaelt in meldung


def test_versicherungsnummer_tag_plus_31_passt_zum_echten_geburtstag() -> None:
    assert pruefe_versicherungsnummer("15380649C105", geburtsdatum=date(1949, 6, 7), geschlecht="m") is None


def test_umlaut_im_geburtsnamen_wird_aufgeloest() -> None:
    # DRV: Ä → A. 10010490A443 carries "A".
    assert pruefe_versicherungsnummer("10010490A443", geburtsname="Ärmel") is None


UNFALLKASSEN_SEED_004 = [
    "67334480", "87661207", "88270171", "90276713", "02379637", "20345417", "16716004", "44861264", "01681222",
    "21204943", "29086457", "18626026", "26125562", "34239086", "53149588", "55423519", "01064065", "03701377",
    "07235792",
]  # fmt: skip


@pytest.mark.parametrize("nummer", UNFALLKASSEN_SEED_004, ids=lambda n: f"seed 004 2.3.1.1 Unfallkasse {n}")
def test_betriebsnummern_der_unfallkassen_sind_gueltig(nummer: str) -> None:
    assert pruefe_betriebsnummer(nummer) is None


@pytest.mark.parametrize(
    ("nummer", "gueltig"),
    [
        pytest.param("099 1234 2", True, id="pruefziffernberechnung.de Beispiel"),
        pytest.param("98000006", True, id="Minijob-Zentrale"),
        pytest.param("67334481", False, id="UK BW letzte Ziffer geaendert"),
        pytest.param("67334485", True, id="Variante Pruefziffer plus 5 (BA)"),
        pytest.param("6733448", False, id="7 Ziffern"),
        pytest.param("6733448A", False, id="Buchstabe"),
        pytest.param("00000000", False, id="beginnt mit 00"),
    ],
)
def test_betriebsnummer(nummer: str, gueltig: bool) -> None:
    assert (pruefe_betriebsnummer(nummer) is None) is gueltig


def test_taetigkeitsschluessel_beispiel_seed_004() -> None:
    # seed 004, 2.3.1: "8 3 1 3 2 3 2 1 1" – Behindertenassistentin, Mittlere Reife, Berufsausbildung,
    # kein Zeitarbeitsverhältnis … the example's 8th digit is printed as 1 but described as "kein" (= 2).
    assert taetigkeitsschluessel("83132", "3", "2", "2", "1") == "831323221"
    assert pruefe_taetigkeitsschluessel("8 3 1 3 2 3 2 2 1") is None


@pytest.mark.parametrize(
    ("text", "gueltig"),
    [
        pytest.param("831323221", True, id="seed 004 Beschreibung"),
        pytest.param("83132322", False, id="8 Ziffern"),
        pytest.param("831325221", False, id="Schulabschluss 5 gibt es nicht"),
        pytest.param("831323731", False, id="Ausbildung 7 gibt es nicht"),
        pytest.param("831323235", False, id="Vertragsform 5 gibt es nicht"),
    ],
)
def test_taetigkeitsschluessel_pruefung(text: str, gueltig: bool) -> None:
    assert (pruefe_taetigkeitsschluessel(text) is None) is gueltig


@pytest.mark.parametrize(
    ("befristet", "vollzeit", "ziffer"),
    [(False, True, "1"), (False, False, "2"), (True, True, "3"), (True, False, "4")],
    ids=["unbefristet Vollzeit", "unbefristet Teilzeit", "befristet Vollzeit", "befristet Teilzeit"],
)
def test_vertragsform_seed_004(befristet: bool, vollzeit: bool, ziffer: str) -> None:
    assert vertragsform_aus(befristet, vollzeit) == ziffer


def test_iban_sonstiger_fehler_auf_deutsch(monkeypatch: pytest.MonkeyPatch) -> None:
    import schwifty
    from schwifty.exceptions import SchwiftyException

    from core.domain import kennungen

    def ungueltig(_text: str) -> None:
        raise SchwiftyException("Invalid BBAN checksum")

    monkeypatch.setattr(schwifty, "IBAN", ungueltig)  # kennungen imports it when it checks (fast start)
    meldung = kennungen.pruefe_iban("DE89370400440532013000")
    assert meldung is not None and "Invalid" not in meldung and "Kontoauszug" in meldung


@pytest.mark.parametrize(
    ("iban", "erwartet"),
    [
        # Bankleitzahlendatei der Deutschen Bundesbank: 37040044 Commerzbank (BIC COBADEFFXXX),
        # 12030000 Deutsche Kreditbank Berlin (BIC BYLADEM1001)
        ("DE89 3704 0044 0532 0130 00", ("Commerzbank", "COBADEFFXXX")),
        ("de02120300000000202051", ("Deutsche Kreditbank Berlin", "BYLADEM1001")),
        ("DE89 3704 0044 0532 0130 01", None),  # wrong check digits
        ("", None),
    ],
)
def test_bank_zur_iban(iban: str, erwartet: tuple[str, str] | None) -> None:
    from core.domain.kennungen import bank_zur_iban

    assert bank_zur_iban(iban) == erwartet
