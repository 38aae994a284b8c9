"""Bad input and refused files from a user's view: one German message (at the field, announced), nothing saved,
no traceback, no English system text."""

from __future__ import annotations

import errno
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from core.stammdaten import assistenzkraefte, vertraege
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from tests.desktop.test_ablaeufe import ALT, STRG, Meldungen, _im_menue, aktiv, taste, tippe

pytestmark = pytest.mark.gui
ENGLISCH = ("Permission denied", "Traceback", "Errno", "Error")


def _verweigert(*_a: Any, **_k: Any) -> None:
    raise PermissionError(errno.EACCES, "Permission denied", "/nur/lesen/datei")


# --- forms ----------------------------------------------------------------------------------------------------------
def test_vertrag_ohne_lohnsatz(qtbot, kontext: Kontext) -> None:
    from desktop.vertraege import VertragDialog

    kraft = assistenzkraefte.speichere_assistenzkraft(
        kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger")
    )
    leer = vertraege.VertragDaten(
        assistenzkraft_id=kraft.id, gueltig_ab=date(2026, 1, 1), eintritt=date(2026, 1, 1), lohnsatz=None
    )
    dialog = VertragDialog(kontext, leer, None)
    qtbot.addWidget(dialog)
    dialog.show()
    aktiv(qtbot, dialog)
    taste(qtbot, Qt.Key.Key_Return)  # OK
    feld = dialog._feld("lohnsatz")
    assert feld.fehlertext == "Fehler: Bitte den Lohnsatz in Euro angeben, zum Beispiel 15,50."
    assert feld.eingabe.accessibleDescription() == feld.fehlertext
    assert fokus() is feld.eingabe and dialog.reiter.currentWidget().isAncestorOf(feld.eingabe)
    assert dialog.isVisible() and vertraege.liste_vertraege(kontext.datenbank, kraft.id) == []


def test_vorbelegen_mit_falschem_stichtag(qtbot) -> None:
    from desktop.budget.kalkulation_seite import VorbelegenDialog

    dialog = VorbelegenDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    aktiv(qtbot, dialog)
    taste(qtbot, Qt.Key.Key_K, ALT)  # &Krankenkasse: "Von Hand eingeben" needs U1 and U2
    taste(qtbot, Qt.Key.Key_End)
    taste(qtbot, Qt.Key.Key_S, ALT)  # &Stichtag
    taste(qtbot, Qt.Key.Key_A, STRG)
    tippe(qtbot, "31.02.2026")
    taste(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and fokus() is dialog.stichtag
    assert dialog.fehler.text().startswith("Fehler: Bitte ein Datum in der Form TT.MM.JJJJ")
    assert dialog.stichtag.accessibleDescription() == dialog.fehler.text()
    taste(qtbot, Qt.Key.Key_A, STRG)
    tippe(qtbot, "01.01.2026")
    taste(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and fokus() is dialog.u1  # next problem: U1 missing, the cursor goes there
    assert "U1 und U2" in dialog.u1.accessibleDescription()
    assert dialog.stichtag.accessibleDescription() == dialog.stichtag.toolTip()  # the old message is gone


def test_kalkulation_keine_zahl(qtbot, kontext: Kontext, monkeypatch) -> None:
    from core.budget import kalkulation_dienst
    from desktop.budget.kalkulation_seite import KalkulationSeite

    seite = KalkulationSeite(kontext)
    qtbot.addWidget(seite)
    seite.show()
    aktiv(qtbot, seite)
    meldungen = Meldungen(monkeypatch)
    feld = seite.eingaben["stundensatz"]
    feld.setFocus()
    taste(qtbot, Qt.Key.Key_A, STRG)
    tippe(qtbot, "15,5o")  # letter o instead of zero
    assert "keine Zahl" in seite.summen.text()
    assert feld.accessibleDescription().startswith("Fehler: „Stundensatz“: „15,5o“ ist keine Zahl. Bitte")
    seite.stand.setFocus()
    taste(qtbot, Qt.Key.Key_S, STRG)
    assert len(meldungen.boxen) == 1 and meldungen.boxen[0]["titel"].startswith("Nicht gespeichert")
    assert fokus() is feld  # back at the field to correct it
    assert kalkulation_dienst.liste(kontext.datenbank) == []
    taste(qtbot, Qt.Key.Key_Backspace)
    tippe(qtbot, "0")
    assert feld.accessibleDescription() == feld.toolTip()  # corrected: the explanation again


# --- files that cannot be written -----------------------------------------------------------------------------------
def test_dienstplan_export_in_geschuetzten_ordner(qtbot, fenster: Hauptfenster, monkeypatch, capfd) -> None:
    import core.io.dienstplan_pdf

    assistenzkraefte.speichere_assistenzkraft(
        fenster.kontext.datenbank,
        assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger", status="beschaeftigt"),
    )
    monkeypatch.setattr(core.io.dienstplan_pdf, "dienstplan_pdf", _verweigert)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("/nur/lesen/Dienstplan.pdf", ""))
    meldungen = Meldungen(monkeypatch)
    qtbot.keyClick(fenster, Qt.Key.Key_3, STRG)
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    _im_menue(qtbot, Qt.Key.Key_D)  # &Dienstplan als PDF …
    taste(qtbot, Qt.Key.Key_X, ALT)  # E&xport
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1, timeout=10000)
    (box,) = meldungen.boxen
    assert "kann nicht geschrieben werden (keine Berechtigung)" in box["text"]
    assert "anderen Ordner" in box["text"]
    assert not any(wort in box["text"] for wort in ENGLISCH)
    assert "Traceback" not in capfd.readouterr().err


def test_auskunft_in_geschuetzten_ordner(qtbot, fenster: Hauptfenster, monkeypatch) -> None:
    import core.stammdaten.dsgvo

    assistenzkraefte.speichere_assistenzkraft(
        fenster.kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger")
    )
    monkeypatch.setattr(core.stammdaten.dsgvo, "privater_ordner", _verweigert)  # the folder cannot be made
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "/nur/lesen")
    meldungen = Meldungen(monkeypatch)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    taste(qtbot, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1, timeout=10000)
    (box,) = meldungen.boxen
    assert box["titel"].startswith("Auskunft wird erstellt")
    assert "kann nicht geschrieben werden (keine Berechtigung)" in box["text"]
    assert not any(wort in box["text"] for wort in ENGLISCH)


def test_kalkulation_export_in_geschuetzten_ordner(qtbot, kontext: Kontext, monkeypatch, tmp_path) -> None:
    import openpyxl

    from desktop.budget.kalkulation_seite import KalkulationSeite

    monkeypatch.setattr(openpyxl.Workbook, "save", _verweigert)
    seite = KalkulationSeite(kontext)
    qtbot.addWidget(seite)
    seite.show()
    aktiv(qtbot, seite)
    seite.ziel_waehlen = lambda endung: tmp_path / ("Kalkulation" + endung)  # saving there is refused
    meldungen = Meldungen(monkeypatch)
    seite.name.setFocus()
    taste(qtbot, Qt.Key.Key_E, ALT)  # Als &Excel exportieren …
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1)
    (box,) = meldungen.boxen
    assert "keine Berechtigung" in box["text"] and "anderen Ordner" in box["text"]
    assert not any(wort in box["text"] for wort in ENGLISCH)


def test_unerwarteter_dateifehler_im_hintergrund(qtbot, monkeypatch) -> None:
    """Any OSError a background job meets (not only the known writers): German, not "Bitte melden Sie den Fehler"."""
    from PySide6.QtWidgets import QWidget

    from desktop.hintergrund import Vorgang

    eltern = QWidget()
    qtbot.addWidget(eltern)
    meldungen = Meldungen(monkeypatch)

    def arbeit(_f: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/daten/x.pdf")

    Vorgang(eltern, "PDF wird erstellt", arbeit).starten()
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1)
    (box,) = meldungen.boxen
    assert "kein freier Speicherplatz mehr" in box["text"] and "/daten/x.pdf" in box["text"]
    assert "melden" not in box["text"] and not any(wort in box["text"] for wort in ENGLISCH)
    assert QApplication.activeModalWidget() is None


# --- the data file refuses (read-only, locked by another program) ---------------------------------------------------
@pytest.mark.qt_no_exception_capture  # the program's own last line of defence (sys.excepthook) is what is tested
def test_gesperrte_datei_beim_abhaken_und_speichern(qtbot, fenster: Hauptfenster, monkeypatch) -> None:
    """A refusal of the data file reaching the top is the core's German message (what to do), not an
    "unexpected error, please report it"; the form keeps what was typed."""
    import sys

    from core.persistence.datenbank import DatenbankGesperrt, DatenbankNurLesbar
    from core.stammdaten import checkliste
    from desktop.app import _ausnahme_ohne_traceback

    monkeypatch.setattr(sys, "excepthook", _ausnahme_ohne_traceback)
    meldungen = Meldungen(monkeypatch)
    nur_lesbar = "Die Datenbankdatei x.sqlite ist schreibgeschützt; die Änderung wurde nicht gespeichert."
    gesperrt = "Die Datenbankdatei x.sqlite ist gerade von einem anderen Programm gesperrt."

    def nicht_schreibbar(*_a: Any, **_k: Any) -> None:
        raise DatenbankNurLesbar(nur_lesbar)

    monkeypatch.setattr(checkliste, "hake_ab", nicht_schreibbar)
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_3, ALT)  # tab "3 Checkliste"
    liste = seite.seiten["checkliste"]
    liste.tabelle.setFocus()
    taste(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1)
    assert meldungen.boxen[0]["text"] == nur_lesbar
    assert "Unerwarteter Fehler" not in meldungen.boxen[0]["titel"]

    def gesperrte_datei(*_a: Any, **_k: Any) -> None:
        raise DatenbankGesperrt(gesperrt)

    monkeypatch.setattr(assistenzkraefte, "speichere_assistenzkraft", gesperrte_datei)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    taste(qtbot, Qt.Key.Key_N, STRG)  # Neue Assistenzkraft
    qtbot.waitUntil(lambda: bereich.personalbogen is not None)
    bogen = bereich.personalbogen
    aktiv(qtbot, bogen)
    tippe(qtbot, "Kreszensia")
    taste(qtbot, Qt.Key.Key_S, STRG)
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 2)
    assert meldungen.boxen[1]["text"] == gesperrt and "Unerwarteter Fehler" not in meldungen.boxen[1]["titel"]
    assert bogen.isVisible() and bogen.feld("vorname").wert() == "Kreszensia" and bogen.id is None
    monkeypatch.setattr(bogen, "hat_aenderungen", lambda: False)
    taste(qtbot, Qt.Key.Key_Escape)


def test_vertragsfassung_loeschen_in_gesperrter_datei(qtbot, kontext: Kontext, monkeypatch) -> None:
    """Deleting asks first (Enter keeps), then a refusal of the file is one German message; the list is unchanged."""
    from core.persistence.datenbank import DatenbankGesperrt
    from desktop.vertraege import VertraegeSeite

    kraft = assistenzkraefte.speichere_assistenzkraft(
        kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger")
    )
    vertraege.speichere_vertrag(
        kontext.datenbank,
        vertraege.VertragDaten(
            assistenzkraft_id=kraft.id, gueltig_ab=date(2026, 1, 1), eintritt=date(2026, 1, 1), lohnsatz=Decimal(16)
        ),
    )
    seite = VertraegeSeite(kontext)
    qtbot.addWidget(seite)
    seite.setze_assistenzkraft(kraft.id)
    seite.show()
    aktiv(qtbot, seite)
    seite.tabelle.setFocus()
    gesperrt = "Die Datenbankdatei x.sqlite ist gerade von einem anderen Programm gesperrt."

    def nicht_jetzt(*_a: Any) -> None:
        raise DatenbankGesperrt(gesperrt)

    monkeypatch.setattr(vertraege, "loesche_vertragsversion", nicht_jetzt)
    meldungen = Meldungen(monkeypatch)  # answers the question with "Löschen"
    taste(qtbot, Qt.Key.Key_L, ALT)  # Fassung &löschen
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 2)
    frage, fehler = meldungen.boxen
    assert frage["standard"] == "Behalten"
    assert fehler["titel"].startswith("Nicht gelöscht") and fehler["text"] == gesperrt
    assert seite.modell.rowCount() == 1 and fokus() is seite.tabelle
