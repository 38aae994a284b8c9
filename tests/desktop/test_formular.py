"""Form helpers: German number/date reading, inline error text that is also the accessible description."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from barrierefreiheit import fokus, pruefe_barrierefreiheit
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from core.fehler import EingabeFehler
from desktop.formular import Eingabeformat, Formular, datum_aus_text, dezimal_als_text, dezimal_aus_text

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("12,50", Decimal("12.50")),
        ("1.234,56", Decimal("1234.56")),
        ("1.500", Decimal("1500")),
        ("15,50 €", Decimal("15.50")),
        ("", None),
    ],
)
def test_deutsche_zahlen(text: str, erwartet: Decimal | None) -> None:
    assert dezimal_aus_text(text) == erwartet


# "2.9" is no German number (the dot groups thousands): refused rather than guessed as 2,9 or 29.
@pytest.mark.parametrize("text", ["zwölf", "1,2,3", "NaN", "Infinity", "2.9", "1.23"])
def test_keine_zahl(text: str) -> None:
    with pytest.raises(Eingabeformat, match="Bitte eine Zahl"):
        dezimal_aus_text(text)


def test_zahl_wird_mit_komma_und_tausenderpunkt_gezeigt() -> None:
    assert dezimal_als_text(Decimal("1234.5"), 2) == "1.234,50"


@pytest.mark.parametrize(("zahl", "erwartet"), [("0.125", "0,13"), ("2.345", "2,35"), ("-0.125", "-0,13")])
def test_gerundete_zahl_wie_im_pdf_kaufmaennisch(zahl: str, erwartet: str) -> None:
    # the GUI shows the same cent as format_eur in PDFs and exports (half up), not the context's half-even
    assert dezimal_als_text(Decimal(zahl), 2) == erwartet


def test_datum() -> None:
    assert datum_aus_text("31.01.1990") == date(1990, 1, 31)
    assert datum_aus_text("1990-01-31") == date(1990, 1, 31)
    with pytest.raises(Eingabeformat, match=r"TT\.MM\.JJJJ"):
        datum_aus_text("31.02.1990")


@pytest.fixture
def formular(qtbot, einstellungen) -> Formular:
    f = Formular()
    f.text("name", "&Name", beschreibung="Vor- und Nachname")
    f.datum("geburtsdatum", "&Geburtsdatum")
    f.dezimal("satz", "&Satz in Prozent", pruefer=lambda d: "höchstens 100" if d > 100 else None)
    f.ja_nein("privat", "&Privathaushalt")
    f.auswahl("land", "&Bundesland", [("BW", "Baden-Württemberg"), ("BY", "Bayern")])
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    return f


def test_formular_ist_benannt(formular: Formular) -> None:
    assert pruefe_barrierefreiheit(formular) == []
    name = QAccessible.queryAccessibleInterface(formular.felder["name"].eingabe)
    assert name.text(QAccessible.Text.Name) == "Name"
    assert name.text(QAccessible.Text.Description) == "Vor- und Nachname"


def test_fehler_vom_dienst_steht_am_feld_und_in_der_beschreibung(formular: Formular) -> None:
    formular.zeige_eingabefehler(EingabeFehler("Der Name fehlt.", feld="name"))
    feld = formular.felder["name"]
    assert formular.fehlertexte() == {"name": "Fehler: Der Name fehlt."}
    assert feld.fehler.isVisibleTo(formular)
    schnittstelle = QAccessible.queryAccessibleInterface(feld.eingabe)
    assert schnittstelle.text(QAccessible.Text.Description) == "Fehler: Der Name fehlt."
    assert fokus() is feld.eingabe
    formular.loesche_fehler()
    assert formular.fehlertexte() == {}
    assert schnittstelle.text(QAccessible.Text.Description) == "Vor- und Nachname"


def test_fehler_ohne_feld_steht_oben(formular: Formular) -> None:
    formular.zeige_eingabefehler(EingabeFehler("Etwas anderes stimmt nicht."))
    assert formular.fehlertexte() == {"": "Nicht gespeichert: Etwas anderes stimmt nicht."}


def test_unlesbare_eingabe_ergibt_keine_werte(qtbot, formular: Formular) -> None:
    formular.felder["geburtsdatum"].eingabe.setFocus()
    qtbot.keyClicks(fokus(), "32.13.1990")
    qtbot.keyClick(fokus(), Qt.Key.Key_Tab)  # leaving the field checks it at once
    assert "TT.MM.JJJJ" in formular.fehlertexte()["geburtsdatum"]
    qtbot.keyClicks(fokus(), "150")
    assert formular.werte() is None
    assert set(formular.fehlertexte()) == {"geburtsdatum", "satz"}
    assert fokus() is formular.felder["geburtsdatum"].eingabe


def test_werte_hin_und_zurueck(formular: Formular) -> None:
    werte = {"name": "Anna", "geburtsdatum": date(1980, 5, 1), "satz": Decimal("2.9"), "privat": True, "land": "BY"}
    formular.setze_werte(werte)
    assert formular.werte() == werte


def test_umlaute_lassen_sich_tippen(qtbot) -> None:
    """German names typed key by key (the conftest routes ä, ö, ü past QTest's ASCII-only table)."""
    f = Formular()
    name = f.text("name", "&Name")
    qtbot.addWidget(f)
    f.show()
    name.eingabe.setFocus()
    qtbot.keyClicks(name.eingabe, "Jörg Müller-Lüdenscheidt, Straße 5, Ärztin")
    assert name.wert() == "Jörg Müller-Lüdenscheidt, Straße 5, Ärztin"


def test_lange_auswahl_wird_nicht_abgeschnitten_wo_platz_ist(qtbot) -> None:
    """A choice longer than the combo box's 24-character minimum shows in full when the form has room."""
    f = Formular()
    lang = "Unfallkasse Baden-Württemberg (Baden-Württemberg)"
    kasse = f.auswahl("kasse", "&Unfallversicherungsträger", [(1, lang)])
    qtbot.addWidget(f)
    f.resize(f.fontMetrics().averageCharWidth() * 120, f.sizeHint().height())
    f.show()
    qtbot.waitExposed(f)
    assert kasse.eingabe.width() > kasse.eingabe.fontMetrics().horizontalAdvance(lang)


def test_iban_fuellt_bank_und_bic_ohne_getipptes_zu_ueberschreiben(qtbot) -> None:
    """Issue 13, finding 10. DE89 3704 0044 0532 0130 00 is the usual example IBAN (Bankleitzahl 37040044, in the
    Bundesbank's Bankleitzahlendatei: Commerzbank, BIC COBADEFFXXX); DE02 1203 0000 0000 2020 51: Deutsche
    Kreditbank Berlin, BIC BYLADEM1001."""
    from desktop.formular import bank_aus_iban

    f = Formular()
    qtbot.addWidget(f)
    iban, bank, bic = f.text("iban", "IBAN"), f.text("bank", "Bank"), f.text("bic", "BIC")
    bank_aus_iban(iban, bank, bic)
    f.show()
    qtbot.waitExposed(f)
    f.activateWindow()
    qtbot.waitUntil(f.isActiveWindow)

    def tippe_iban(text: str) -> None:
        iban.eingabe.setFocus()
        iban.eingabe.clear()
        qtbot.keyClicks(iban.eingabe, text)
        qtbot.keyClick(iban.eingabe, Qt.Key.Key_Tab)  # leaving the field fills in

    tippe_iban("DE89 3704 0044 0532 0130 00")
    assert (bank.eingabe.text(), bic.eingabe.text()) == ("Commerzbank", "COBADEFFXXX")
    tippe_iban("DE02120300000000202051")  # another IBAN: what the program filled in follows it
    assert (bank.eingabe.text(), bic.eingabe.text()) == ("Deutsche Kreditbank Berlin", "BYLADEM1001")
    bank.eingabe.setText("DKB")  # typed by her: kept
    tippe_iban("DE89370400440532013000")
    assert (bank.eingabe.text(), bic.eingabe.text()) == ("DKB", "COBADEFFXXX")
    tippe_iban("DE00 1234")  # not an IBAN: nothing changes (the check of the field says what is wrong)
    assert (bank.eingabe.text(), bic.eingabe.text()) == ("DKB", "COBADEFFXXX")
