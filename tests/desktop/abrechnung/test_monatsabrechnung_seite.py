"""Abrechnung › Monatsabrechnung: a §8 household on the page, figures as worked by hand, finalising by keyboard, the
refusal, a payslip through the page, a correction after a change in a finalised month.

Expected figures are the hand calculations of tests/core/abrechnung/test_szenario.py (RECHENGROESSEN 2026: Minijob
Privathaushalt rates, the Übergangsbereich example with AE 1.200 €; § 3b EStG for the surcharges), not the page's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from barrierefreiheit import doppelte_kuerzel, fokus, pruefe_barrierefreiheit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.abrechnung import ablage, lauf
from core.dienstplan.modelle import SchichtZeile
from core.persistence.modelle import Assistenzkraft
from desktop.abrechnung.modelle import SPALTEN
from desktop.abrechnung.monatsabrechnung import Monatsabrechnung
from desktop.kontext import Kontext
from tests.desktop.abrechnung.seite_hilfe import GeduldigerFuehrer as Dialogfuehrer
from tests.desktop.abrechnung.seite_hilfe import oeffne_seite, warte
from tests.pdf import pdf_text

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier
Haushalt = Callable[[str], Kontext]


def reihe(seite: Monatsabrechnung, nr: int) -> dict[str, str]:
    return {s.titel: seite.modell.text(nr, i) for i, s in enumerate(SPALTEN)}


@pytest.mark.parametrize(
    ("szenario", "erwartet"),
    [
        # 9 × 4 h × 15,00 € = 540,00 €; RV-Aufstockung 13,6 % = 73,44 → netto 466,56;
        # AG 540 + KV 27 + RV 27 + U1 4,32 + U2 1,19 + Pauschsteuer 10,80 + UV 8,64 = 618,95
        (
            "minijob_privathaushalt",
            {
                "Pers.-Nr.": "anna",
                "Beschäftigung": "Minijob",
                "Stunden": "36,00",
                "Brutto": "540,00\xa0€",
                "Netto": "466,56\xa0€",
                "Auszahlung": "466,56\xa0€",
                "Arbeitgeberkosten": "618,95\xa0€",
            },
        ),
        # 15 × 5 h × 16,00 € = 1.200,00 €; AN 74,78 + 21,88 + 79,49 + 11,11 → netto 1.012,74;
        # AG 1.200 + 114,80 + 23,62 + 121,99 + 17,05 + U1 22,75 + U2 4,33 (from BE 1.083,25) + UV 12,00 = 1.516,54
        (
            "midijob",
            {
                "Beschäftigung": "Übergangsbereich",
                "Stunden": "75,00",
                "Brutto": "1.200,00\xa0€",
                "Netto": "1.012,74\xa0€",
                "Arbeitgeberkosten": "1.516,54\xa0€",
            },
        ),
    ],
)
def test_tabelle_zeigt_die_zahlen_des_szenarios(
    qtbot: Any, haushalt: Haushalt, szenario: str, erwartet: dict[str, str]
) -> None:
    _fenster, seite = oeffne_seite(qtbot, haushalt(szenario))
    assert (seite.jahr, seite.monat) == (2026, 3)  # the scenario's month is the first one to settle
    assert seite.modell.rowCount() == 2  # the assistant and the sum row
    zeile = reihe(seite, 0)
    assert {k: zeile[k] for k in erwartet} == erwartet
    summe = reihe(seite, 1)
    assert summe["Name"] == "Summe (1 Assistenzkraft)"
    assert summe["Brutto"] == erwartet["Brutto"] and summe["Arbeitgeberkosten"] == erwartet["Arbeitgeberkosten"]
    assert "Entwurf" in seite.status.text() and "noch nicht abgeschlossen" in seite.status.text()
    assert pruefe_barrierefreiheit(seite) == []
    assert doppelte_kuerzel(seite) == []


def test_einzelheiten_jede_lohnart_und_jeder_abzug_mit_quelle(qtbot: Any, haushalt: Haushalt) -> None:
    _fenster, seite = oeffne_seite(qtbot, haushalt("sv_pflichtig_nacht_sonntag"))
    text = seite.detail.toPlainText()
    # Nacht 23 h × 18 € × 25 % = 103,50; Sonntag 17 h × 18 € × 50 % = 153,00 (§ 3b EStG, hand calculation)
    for teil in ("1000 Arbeitsstunden", "183,00 Std.", "3.294,00 €", "Nachtzuschlag", "103,50 €", "153,00 €"):
        assert teil in text
    # KV: 3.294 × 7,3 % = 240,46 + Zusatzbeitrag 1,45 % = 47,76 → 288,22, with explanation and legal source
    assert "288,22 €" in text and "Zusatzbeitrag" in text and "§§ 241, 242, 249 SGB V" in text
    assert "Rechtsgrundlage: § 249 SGB V" in text  # the employer's share, too
    assert "Info: Mindestlohn eingehalten" in text  # the Hinweise in full, with their kind in words
    assert seite.detail.accessibleName() == "Einzelheiten: Personalnummer carla"
    seite.tabelle.setFocus()
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_Return)  # Enter on the row: into its detail, to read it
    assert fokus() is seite.detail
    qtbot.keyClick(seite.detail, Qt.Key.Key_Tab)  # and Tab leaves the text again (no keyboard trap)
    assert fokus() is not seite.detail


def test_monat_wechseln_per_tastatur(qtbot: Any, haushalt: Haushalt) -> None:
    _fenster, seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    seite.tabelle.setFocus()
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_Right, ALT)
    warte(qtbot, seite)
    assert (seite.jahr, seite.monat) == (2026, 4) and seite.monatstitel.text() == "Abrechnung April 2026"
    assert "Zuerst ist März 2026 abzuschließen" in seite.status.text()
    qtbot.keyClick(fokus(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    warte(qtbot, seite)
    assert (seite.jahr, seite.monat) == (2026, 3)
    # Alt+N: type the month; before the Abrechnungsbeginn the page says so in one sentence
    qtbot.keyClick(fokus(), Qt.Key.Key_N, ALT)
    assert fokus() is seite.monatsfeld
    qtbot.keyClicks(fokus(), "022026")
    qtbot.keyClick(fokus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (seite.jahr, seite.monat) == (2026, 2))
    warte(qtbot, seite)
    assert "liegt vor dem Abrechnungsbeginn" in seite.meldung.text() and seite.modell.rowCount() == 0
    qtbot.keyClick(fokus(), Qt.Key.Key_Up)  # Up in the field: the next month
    warte(qtbot, seite)
    assert (seite.jahr, seite.monat) == (2026, 3) and seite.monatsfeld.text() == "03.2026"
    assert seite.modell.rowCount() == 2 and not seite.meldung.isVisible()
    seite.monatsfeld.selectAll()
    qtbot.keyClicks(fokus(), "132026")
    qtbot.keyClick(fokus(), Qt.Key.Key_Return)
    assert seite.meldung.text() == "„13.2026“ ist kein Monat. Bitte Monat und Jahr als MM.JJJJ eingeben, z. B. 03.2026."


def test_abschliessen_per_tastatur(qtbot: Any, haushalt: Haushalt, fuehrer: Dialogfuehrer) -> None:
    kontext = haushalt("minijob_privathaushalt")
    fenster, seite = oeffne_seite(qtbot, kontext)
    gefragt: list[str] = []

    def bestaetigen(box: QMessageBox) -> None:
        gefragt.append(box.text())
        qtbot.keyClick(fokus(), Qt.Key.Key_A, ALT)  # "&Abschließen" (Enter would keep the month open)
        qtbot.waitUntil(lambda: not box.isVisible())  # a mnemonic clicks the button animated, a moment later

    fuehrer.dann(bestaetigen, QMessageBox)
    seite.tabelle.setFocus()
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: ablage.status(kontext.datenbank, 2026, 3) == ablage.ABGESCHLOSSEN, timeout=20000)
    qtbot.waitUntil(lambda: "abgeschlossen am" in seite.status.text(), timeout=20000)
    assert gefragt and "März 2026 für 1 Assistenzkraft jetzt abschließen?" in gefragt[0]
    assert "unveränderlich" in seite.status.text()
    assert reihe(seite, 0)["Brutto"] == "540,00\xa0€"  # now read as stored
    assert "abgeschlossen" in fenster.statusBar().currentMessage()


def test_abschliessen_gesperrt_eine_meldung(qtbot: Any, haushalt: Haushalt, fuehrer: Dialogfuehrer) -> None:
    kontext = haushalt("sv_pflichtig_nacht_sonntag")
    with kontext.datenbank.arbeitseinheit() as sitzung:
        sitzung.scalars(select(Assistenzkraft)).one().steuerklasse = None
    _fenster, seite = oeffne_seite(qtbot, kontext)
    assert "1 Fehler" in reihe(seite, 0)["Hinweise"]  # errors first, in words
    assert "1 Fehler verhindert den Abschluss" in seite.status.text()
    gemeldet: list[tuple[str, str]] = []

    def lesen(box: QMessageBox) -> None:
        gemeldet.append((box.accessibleName(), box.text()))
        box.accept()

    fuehrer.dann(lesen, QMessageBox)
    seite.aktionen["abschliessen"].click()
    qtbot.waitUntil(lambda: bool(gemeldet), timeout=20000)
    ((titel, text),) = gemeldet  # one message, no "really?" before it
    assert titel == "Abschließen nicht möglich"
    assert text.startswith("März 2026 kann nicht abgeschlossen werden: ") and "Steuerklasse" in text
    assert ablage.status(kontext.datenbank, 2026, 3) == ablage.ENTWURF


def test_entgeltbescheinigung_als_pdf_ueber_die_seite(
    qtbot: Any, haushalt: Haushalt, fuehrer: Dialogfuehrer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    _fenster, seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    ziel = tmp_path / "beleg.pdf"
    vorschlaege: list[str] = []

    def speichern_unter(_parent: Any, _titel: str, vorschlag: str, _filter: str) -> tuple[str, str]:
        vorschlaege.append(vorschlag)
        return str(tmp_path / "beleg"), ""  # without extension: the page adds ".pdf"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(speichern_unter))
    gemeldet: list[QMessageBox] = []

    def fertig(box: QMessageBox) -> None:
        gemeldet.append(box)
        assert box.findChild(type(seite.aktionen["export"]), "oeffnen") is not None  # "Öffnen" is offered
        box.accept()

    fuehrer.dann(fertig, QMessageBox)
    seite.export_aktionen["entgeltbescheinigung_einzeln"].trigger()
    qtbot.waitUntil(lambda: bool(gemeldet), timeout=20000)
    assert Path(vorschlaege[0]).name == "Entgeltbescheinigung_2026-03_Personalnummer_anna.pdf"
    text = pdf_text(ziel)
    assert "ENTWURF – Entgeltbescheinigung März 2026" in text
    assert "466,56" in text and "540,00" in text  # netto/payout and gross of the hand calculation above

    # the same name again: the page asks before replacing; "Abbrechen" keeps the file as it is
    vorher = ziel.read_bytes()
    fragen: list[str] = []

    def nein(box: QMessageBox) -> None:
        fragen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    fuehrer.dann(nein, QMessageBox)
    assert seite.exportieren("entgeltbescheinigung_einzeln") is None
    assert fragen and "Diese Datei gibt es schon" in fragen[0]
    assert ziel.read_bytes() == vorher


def test_korrektur_nach_aenderung_im_abgeschlossenen_monat(
    qtbot: Any, haushalt: Haushalt, fuehrer: Dialogfuehrer
) -> None:
    kontext = haushalt("sv_pflichtig_nacht_sonntag")
    db = kontext.datenbank
    lauf.schliesse_ab(db, 2026, 3)
    with db.arbeitseinheit() as sitzung:  # an hour more on the first shift, entered after finalising
        zeile = sitzung.scalars(select(SchichtZeile).order_by(SchichtZeile.beginn)).first()
        assert zeile is not None and zeile.ist_ende is not None
        zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)
    _fenster, seite = oeffne_seite(qtbot, kontext)
    assert (seite.jahr, seite.monat) == (2026, 4)  # the next open month
    assert "Mit diesem Monat zu verrechnen: 1 Korrektur eines früheren Monats." in seite.status.text()
    text = seite.detail.toPlainText()
    assert "Korrektur 03/2026 (Version 2) wird mit dieser Abrechnung verrechnet" in text
    assert "Stunden\n183,00\n184,00" in text  # the differences, before → after, in German notation
    assert "Brutto\n3.550,50\n3.568,50" in text  # one hour more at 18,00 € (hand calculation)
    assert '"schluessel"' not in text  # the payslip's lists are not dumped as JSON

    gesehen: list[str] = []

    def liste(dialog: Any) -> None:
        gesehen.append(dialog.text.text())
        gesehen.extend((dialog.modell.zeilen[0].verrechnung, dialog.modell.zeilen[0].aenderungen))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    from desktop.abrechnung.korrekturen import KorrekturenDialog

    fuehrer.dann(liste, KorrekturenDialog)
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: bool(gesehen), timeout=20000)
    assert gesehen[0] == "Offen: 1 Korrektur eines früheren Monats; verrechnet wird mit der Abrechnung April 2026."
    assert gesehen[1] == "offen, wird mit April 2026 verrechnet"
    assert "Stunden: 183,00 → 184,00" in gesehen[2]

    lauf.schliesse_ab(db, 2026, 4)  # settles the correction: March now has two versions
    seite.zeige_monat(2026, 3)
    warte(qtbot, seite)
    assert (
        "Korrigiert nach dem Abschluss: 1 Assistenzkraft; die Einzelheiten zeigen alle Versionen."
        in seite.status.text()
    )
    text = seite.detail.toPlainText()
    assert "Version 1: ursprüngliche Abrechnung" in text and "Version 2: Korrektur" in text
    assert "Differenz verrechnet mit der Abrechnung 04/2026" in text
    assert "Auszahlung 2.478,07" in text  # the original payout (hand calculation in test_szenario.py)


def _exportiere(qtbot: Any, fuehrer: Dialogfuehrer, seite: Monatsabrechnung, art: str) -> str:
    """Start the export `art` from its menu entry (the file dialog is answered by the test) and return the text of
    the one message box that says how it went."""
    gemeldet: list[str] = []

    def lesen(box: QMessageBox) -> None:
        gemeldet.append(box.text())
        box.accept()

    fuehrer.dann(lesen, QMessageBox)
    seite.export_aktionen[art].trigger()
    qtbot.waitUntil(lambda: bool(gemeldet), timeout=20000)
    return gemeldet[0]


def _steht_in(ziel: Path, erwartet: str) -> bool:
    """A PDF: the text is in it; a workbook: the figure is in it as a number (not as text)."""
    if ziel.suffix == ".pdf":
        return erwartet in pdf_text(ziel)
    from openpyxl import load_workbook

    zahlen = [c.value for zeile in load_workbook(ziel).active.iter_rows() for c in zeile]
    return Decimal(erwartet) in [Decimal(str(w)) for w in zahlen if isinstance(w, int | float)]


@pytest.mark.parametrize(
    ("szenario", "art", "datei", "schritte"),
    [
        # (finalise March first, how the message begins, what the file holds; () = no file is written)
        pytest.param(
            "minijob_privathaushalt",
            "sepa",
            "lohn.xml",
            [(False, "Die Abrechnung 03/2026 ist noch nicht abgeschlossen; die Überweisungsdatei gibt", ())],
            id="sepa_datei_erst_nach_dem_abschluss",
        ),
        pytest.param(
            "midijob",
            "lohnjournal_xlsx",
            "journal.xlsx",
            [(False, "Lohnjournal März 2026 (Entwurf) mit 1 Assistenzkraft geschrieben", ("1200",))],  # gross
            id="lohnjournal_als_excel_im_hintergrund",
        ),
        pytest.param(
            "minijob_privathaushalt",
            "lohnkonto_pdf",
            "konten.pdf",
            [
                (False, "Für 2026 ist noch kein Monat abgeschlossen", ()),
                (True, "1 Lohnkonten 2026", ("Lohnkonto", "540,00")),  # the gross of March (hand calculation above)
            ],
            id="lohnkonto_erst_aus_abgeschlossenen_monaten",
        ),
    ],
)
def test_export_ueber_das_menue(
    qtbot: Any,
    haushalt: Haushalt,
    fuehrer: Dialogfuehrer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    szenario: str,
    art: str,
    datei: str,
    schritte: list[tuple[bool, str, tuple[str, ...]]],
) -> None:
    """Each export runs in the background and ends in one message; one that needs a finalised month says so in one
    German sentence and writes nothing, not even a half-written file."""
    from PySide6.QtWidgets import QFileDialog

    kontext = haushalt(szenario)
    _fenster, seite = oeffne_seite(qtbot, kontext)
    ziel = tmp_path / datei
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: (str(ziel), "")))
    for abschliessen, meldung, inhalt in schritte:
        if abschliessen:
            lauf.schliesse_ab(kontext.datenbank, 2026, 3)
        assert _exportiere(qtbot, fuehrer, seite, art).startswith(meldung)
        if not inhalt:
            assert not ziel.exists() and list(tmp_path.glob("*.teil*")) == []
        for erwartet in inhalt:
            assert _steht_in(ziel, erwartet), erwartet


def test_berechnung_laeuft_im_hintergrund_und_laesst_sich_abbrechen(
    qtbot: Any, haushalt: Haushalt, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from desktop.abrechnung import monatsstand

    _fenster, seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    weiter = threading.Event()
    vorher = monatsstand.lauf.personen_im_monat

    def langsam(*args: Any) -> list[int]:
        weiter.wait(20)  # the run is still busy while the window answers
        return vorher(*args)

    monkeypatch.setattr(monatsstand.lauf, "personen_im_monat", langsam)
    qtbot.keyClick(seite.tabelle, Qt.Key.Key_F5)
    assert seite.rechnet and seite.status.text() == "Status: wird berechnet …"
    vorgang = seite._laufend
    assert vorgang is not None
    qtbot.waitUntil(lambda: vorgang.dialog is not None and vorgang.dialog.isVisible(), timeout=5000)
    assert vorgang.dialog is not None and vorgang.dialog.labelText()
    from PySide6.QtWidgets import QPushButton

    abbrechen = vorgang.dialog.findChild(QPushButton)
    assert abbrechen is not None and abbrechen.text() == "Abbrechen"
    abbrechen.click()  # the progress dialog's "Abbrechen"
    weiter.set()
    warte(qtbot, seite)
    assert seite.meldung.text() == "Die Berechnung wurde abgebrochen. „Berechnen“ (F5) startet sie neu."
    assert seite.modell.rowCount() == 0


def test_f1_nennt_die_tasten_der_abrechnung(qtbot: Any, haushalt: Haushalt, monkeypatch: pytest.MonkeyPatch) -> None:
    texte: list[str] = []
    fenster, _seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texte.append(box.text()) or 0)
    qtbot.keyClick(fenster, Qt.Key.Key_F1)
    assert "Im Bereich „Abrechnung“:" in texte[0]
    assert "Alt+A: Monat abschließen; Alt+K: Korrekturen; Alt+X: Drucken und Exportieren" in texte[0]


def test_passt_bei_200_prozent_in_1280_mal_800(qtbot: Any, haushalt: Haushalt) -> None:
    """With the font at 200 % the page needs no sideways scrolling in a 1280 × 800 window: the action bar wraps,
    the title has a line of its own, the table scrolls inside itself."""
    from desktop.einstellungen import SCHRIFTGROESSE

    kontext = haushalt("sv_pflichtig_nacht_sonntag")
    kontext.einstellungen[SCHRIFTGROESSE] = 200
    fenster, seite = oeffne_seite(qtbot, kontext)
    fenster.resize(1280, 800)
    qtbot.waitUntil(lambda: fenster.width() == 1280)
    rolle = fenster.stapel.currentWidget()
    qtbot.waitUntil(lambda: seite.width() <= rolle.viewport().width())
    assert seite.minimumSizeHint().width() <= rolle.viewport().width()
    knoepfe = list(seite.aktionen.values())
    assert all(seite.rect().contains(k.geometry().translated(k.parentWidget().pos())) for k in knoepfe)


def test_schichten_ohne_istzeit_stehen_als_nach_plan_da(qtbot: Any, haushalt: Haushalt) -> None:
    kontext = haushalt("minijob_privathaushalt")
    with kontext.datenbank.arbeitseinheit() as sitzung:  # two of the nine shifts without an actual time
        for zeile in sitzung.scalars(select(SchichtZeile).order_by(SchichtZeile.beginn)).all()[:2]:
            zeile.ist_beginn = zeile.ist_ende = None
    _fenster, seite = oeffne_seite(qtbot, kontext)
    assert reihe(seite, 0)["Stunden"] == "36,00 (nach Plan: 2 Tage)"  # the plan pays the same 4 h each
    assert "1 Warnung" in reihe(seite, 0)["Hinweise"]
    text = seite.detail.toPlainText()
    assert (
        "Nach Plan: für diese Tage ist keine tatsächliche Arbeitszeit erfasst, abgerechnet ist der Plan: 02.03., 03.03."
        in text
    )
    assert "Warnung: Für 2 Tage ist keine tatsächliche Arbeitszeit erfasst" in text


def test_einzelheiten_zeigen_das_zeitkonto(qtbot: Any, haushalt: Haushalt) -> None:
    """A Monatslohn's hours account as the calculation gives it (here put into a result by hand: no §3 scenario has
    a Monatslohn), shown with carry-over, target, actual and balance."""
    from dataclasses import replace

    from core.abrechnung.modell import Zeitkonto
    from desktop.abrechnung.detail import detail_html

    _fenster, seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    assert seite.stand is not None
    zeile = seite.stand.zeilen[0]
    assert zeile.ergebnis is not None and "Zeitkonto" not in seite.detail.toPlainText()
    konto = Zeitkonto(Decimal("4.5"), Decimal("40"), Decimal("36"), Decimal("0.5"), plus_max=Decimal("20"))
    seite.detail.setHtml(detail_html(replace(zeile, ergebnis=replace(zeile.ergebnis, zeitkonto=konto)), seite.stand))
    text = seite.detail.toPlainText()
    for teil in (
        "Übertrag aus dem Vormonat\n4,50",
        "Soll laut Vertrag\n40,00",
        "Veränderung im Monat\n-4,00",
        "Stand am Monatsende\n0,50",
        "höchstens 20,00 Plusstunden",
    ):
        assert teil in text


def test_folgekorrektur_steht_in_der_liste_der_korrekturen_vorn() -> None:
    """A month corrected only through an earlier month's correction (its own data unchanged, `lauf._grund`) says so
    in the list before its differences; a correction of the month's own data does not."""
    from desktop.abrechnung.korrekturen import _aenderungen

    differenz = (("brutto", '"660.00"', '"795.00"'),)
    folge = "Folgekorrektur der Korrektur von März 2026: die Daten dieses Monats sind unverändert"
    assert _aenderungen(differenz, folge) == "Folgekorrektur: " + _aenderungen(differenz)
    assert _aenderungen(differenz, lauf.GRUND_DATEN) == _aenderungen(differenz)
    assert "Folgekorrektur" not in _aenderungen(differenz)
