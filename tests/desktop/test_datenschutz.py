"""Issue 14, privacy at rest in the window: password prompt at start, "Datenbank verschlüsseln …" (password twice,
strength hint, the lost-password warning), set-up opt-in, and the idle app lock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from core.persistence import schutz
from core.persistence.verbindung import ist_verschluesselt
from core.stammdaten import arbeitgeber
from core.stammdaten.start import oeffne
from desktop import schutz as gui_schutz
from desktop.app import oeffne_hauptfenster
from desktop.einstellungen import SPERRE_MINUTEN, Einstellungen
from desktop.hauptfenster import Hauptfenster
from desktop.schutz import KennwortAbfrage, Sperrbildschirm, VerschluesselnDialog
from tests.core.persistence.test_verschluesselung import schnelle_schluesselableitung

pytestmark = pytest.mark.gui

KENNWORT = "Vier Wörter als Satz"


@pytest.fixture(autouse=True)
def _schnell_und_vergessen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(schutz.UMGEBUNG_KENNWORT, raising=False)
    schnelle_schluesselableitung(monkeypatch)  # 1,000 PBKDF2 rounds in tests
    schutz.vergiss_kennwoerter()
    yield
    schutz.vergiss_kennwoerter()


def _dialoge(monkeypatch: pytest.MonkeyPatch, antwort: Callable[[QDialog], int]) -> list[QDialog]:
    """desktop.schutz's modal dialogs answered by `antwort` (fills the fields, returns the dialog code)."""
    gesehen: list[QDialog] = []

    def ersatz(dialog: QDialog) -> int:
        gesehen.append(dialog)
        return antwort(dialog)

    monkeypatch.setattr(gui_schutz, "modal", ersatz)
    return gesehen


def _meldungen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texte: list[str] = []

    def exec_ersatz(box: QMessageBox) -> int:
        texte.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_ersatz)
    return texte


def _verschluesselter_haushalt(pfad: Path) -> None:
    db = oeffne(pfad)
    arbeitgeber.speichere_arbeitgeber(db, arbeitgeber.ArbeitgeberDaten(nachname="Assistenzgeberin", bundesland="BW"))
    db.schliessen()
    schutz.verschluessele(pfad, KENNWORT)
    schutz.vergiss_kennwoerter()


def test_start_fragt_nach_dem_kennwort(qtbot: Any, tmp_path: Path, einstellungen: Einstellungen, monkeypatch) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    eingaben = iter(["falsch-falsch", KENNWORT])

    def tippe(dialog: QDialog) -> int:
        assert isinstance(dialog, KennwortAbfrage)
        dialog.kennwort.setText(next(eingaben))
        return QDialog.DialogCode.Accepted

    gesehen = _dialoge(monkeypatch, tippe)
    fenster = oeffne_hauptfenster(pfad, einstellungen)
    assert fenster is not None
    qtbot.addWidget(fenster)
    assert len(gesehen) == 2
    assert "Das Kennwort öffnet die Datenbank" in gesehen[1].meldung.text()  # the second prompt says why
    assert fenster.kontext.datenbank.kennwort == KENNWORT
    fenster.close()


def test_start_abgebrochen_oeffnet_nichts(
    qtbot: Any, tmp_path: Path, einstellungen: Einstellungen, monkeypatch
) -> None:
    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    _dialoge(monkeypatch, lambda _d: QDialog.DialogCode.Rejected)
    assert oeffne_hauptfenster(pfad, einstellungen) is None


def test_verschluesseln_dialog_erst_wenn_alles_stimmt(qtbot: Any) -> None:
    dialog = VerschluesselnDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert "Ohne das Kennwort kann niemand die Daten wieder öffnen" in dialog.warnung.text()
    dialog.kennwort.setText("kurz")
    assert dialog.staerke.text().startswith("Zu kurz") and not dialog.ok.isEnabled()
    dialog.kennwort.setText(KENNWORT)
    dialog.wiederholung.setText(KENNWORT + "x")
    assert "stimmen nicht überein" in dialog.grund.text() and not dialog.ok.isEnabled()
    dialog.wiederholung.setText(KENNWORT)
    assert dialog.staerke.text() == "Stark."
    assert "verstanden" in dialog.grund.text() and not dialog.ok.isEnabled()
    dialog.verstanden.setChecked(True)
    assert dialog.ok.isEnabled() and dialog.grund.text() == ""


def _fuelle_und_bestaetige(dialog: QDialog) -> int:
    assert isinstance(dialog, VerschluesselnDialog)
    dialog.kennwort.setText(KENNWORT)
    dialog.wiederholung.setText(KENNWORT)
    dialog.verstanden.setChecked(True)
    assert dialog.ok.isEnabled()
    return QDialog.DialogCode.Accepted


def test_einstellungen_verschluesseln(qtbot: Any, fenster: Hauptfenster, monkeypatch) -> None:
    pfad = fenster.kontext.datenbank.pfad
    seite = fenster.seite("einstellungen").zeige("programm")
    assert "nicht verschlüsselt" in seite.schutzstatus.text()
    _dialoge(monkeypatch, _fuelle_und_bestaetige)
    texte = _meldungen(monkeypatch)
    qtbot.mouseClick(seite.verschluesseln, Qt.MouseButton.LeftButton)
    assert ist_verschluesselt(pfad) and schutz.ist_als_verschluesselt_markiert(pfad)
    assert fenster.kontext.datenbank.kennwort == KENNWORT and not fenster.kontext.datenbank.geschlossen
    assert texte and "jetzt verschlüsselt" in texte[0]
    assert "sind mit einem Kennwort verschlüsselt" in seite.schutzstatus.text()
    assert not seite.verschluesseln.isEnabled()
    with fenster.kontext.datenbank.arbeitseinheit():  # the reopened file works
        pass
    for datei in pfad.parent.rglob("*"):
        if datei.is_file():
            assert KENNWORT.encode() not in datei.read_bytes()


def test_ersteinrichtung_bietet_verschluesselung_an(qtbot: Any, fenster: Hauptfenster) -> None:
    assistent = fenster.starte_ersteinrichtung()
    assert not assistent.verschluesseln.isChecked()  # opt-in
    assert assistent.verschluesseln.text().replace("&", "").startswith("Datenbank danach mit einem Kennwort")
    assistent.reject()


def test_sperre_ohne_verschluesselung_sagt_es(qtbot: Any, fenster: Hauptfenster) -> None:
    inhalt = fenster.centralWidget()
    fenster.sperre.sperre()
    bildschirm = fenster.centralWidget()
    assert isinstance(bildschirm, Sperrbildschirm) and inhalt.isHidden()
    assert not fenster.menuBar().isEnabled()
    texte = " ".join(w.text() for w in bildschirm.findChildren(type(bildschirm.meldung)))
    assert "nicht verschlüsselt" in texte and "Benutzerkonto" in texte
    qtbot.mouseClick(bildschirm.knopf, Qt.MouseButton.LeftButton)
    assert fenster.centralWidget() is inhalt and fenster.menuBar().isEnabled()


def test_sperre_nach_leerlauf_und_kennwort(qtbot: Any, tmp_path: Path, einstellungen: Einstellungen) -> None:
    from desktop.kontext import Kontext

    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    einstellungen[SPERRE_MINUTEN] = 5
    from core.persistence.datenbank import Datenbank

    db = Datenbank.oeffnen(pfad, kennwort=KENNWORT)
    fenster = Hauptfenster(Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=pfad))
    qtbot.addWidget(fenster)
    fenster.show()
    sperre = fenster.sperre
    assert sperre.timer.isActive() and sperre.timer.interval() == 5 * 60_000
    einstellungen[SPERRE_MINUTEN] = 1  # the setting applies at once
    assert sperre.timer.interval() == 60_000
    inhalt = fenster.centralWidget()
    sperre.timer.timeout.emit()  # a minute without input
    bildschirm = fenster.centralWidget()
    assert isinstance(bildschirm, Sperrbildschirm) and sperre.ist_gesperrt
    bildschirm.kennwort.setText("falsch-falsch")
    qtbot.keyClick(bildschirm.kennwort, Qt.Key.Key_Return)
    assert sperre.ist_gesperrt and "stimmt nicht" in bildschirm.meldung.text()
    assert bildschirm.kennwort.text() == ""
    bildschirm.kennwort.setText(KENNWORT)
    qtbot.keyClick(bildschirm.kennwort, Qt.Key.Key_Return)
    assert not sperre.ist_gesperrt and fenster.centralWidget() is inhalt
    assert sperre.timer.isActive()  # counting again
    einstellungen[SPERRE_MINUTEN] = 0
    assert not sperre.timer.isActive()
    fenster.close()


def test_sperre_deckt_offenen_dialog_ab_und_behaelt_die_eingabe(
    qtbot: Any, tmp_path: Path, einstellungen: Einstellungen
) -> None:
    """A modal dialog open at lock time is covered, not closed (hiding it would end it and lose what was typed);
    the password is asked in the dialog, which is the window that takes input."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from core.persistence.datenbank import Datenbank
    from desktop.kontext import Kontext

    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    db = Datenbank.oeffnen(pfad, kennwort=KENNWORT)
    fenster = Hauptfenster(Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=pfad))
    qtbot.addWidget(fenster)
    fenster.show()
    dialog = QDialog(fenster)
    feld = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(feld)
    feld.setText("halb getippt")
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    fenster.sperre.sperre()
    assert dialog.isVisible() and not feld.isEnabled()
    decke = dialog.findChild(Sperrbildschirm)
    assert decke is not None and decke.isVisible() and decke.geometry() == dialog.rect()
    decke.kennwort.setText(KENNWORT)
    qtbot.keyClick(decke.kennwort, Qt.Key.Key_Return)
    assert not fenster.sperre.ist_gesperrt
    assert feld.isEnabled() and feld.text() == "halb getippt" and dialog.isVisible()
    dialog.reject()
    fenster.close()


def test_einstellungen_kennwort_aendern(qtbot: Any, tmp_path: Path, einstellungen: Einstellungen, monkeypatch) -> None:
    from core.persistence.datenbank import Datenbank
    from desktop.kontext import Kontext

    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    schutz.merke_kennwort(pfad, KENNWORT)  # as the start prompt does
    fenster = Hauptfenster(Kontext(datenbank=Datenbank.oeffnen(pfad), einstellungen=einstellungen, db_pfad=pfad))
    qtbot.addWidget(fenster)
    fenster.show()
    seite = fenster.seite("einstellungen").zeige("programm")
    assert seite.kennwort_aendern.isEnabled() and not seite.verschluesseln.isEnabled()
    neu = "Ein ganz anderes Kennwort"
    bisher = iter(["falsch-falsch", KENNWORT])

    def tippe(dialog: QDialog) -> int:
        assert isinstance(dialog, VerschluesselnDialog) and dialog.bisher is not None
        dialog.bisher.setText(next(bisher))
        dialog.kennwort.setText(neu)
        dialog.wiederholung.setText(neu)
        dialog.verstanden.setChecked(True)
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    _dialoge(monkeypatch, tippe)
    texte = _meldungen(monkeypatch)
    qtbot.mouseClick(seite.kennwort_aendern, Qt.MouseButton.LeftButton)  # the old password mistyped
    assert "Das Kennwort öffnet die Datenbank" in texte[-1]
    assert fenster.kontext.datenbank.kennwort == KENNWORT  # reopened with the old one, nothing changed
    qtbot.mouseClick(seite.kennwort_aendern, Qt.MouseButton.LeftButton)
    assert "nur noch mit dem neuen Kennwort" in texte[-1]
    assert fenster.kontext.datenbank.kennwort == neu
    fenster.close()
    with Datenbank.oeffnen(pfad, kennwort=neu):
        pass


def test_einstellungen_verschluesselung_aufheben(
    qtbot: Any, tmp_path: Path, einstellungen: Einstellungen, monkeypatch
) -> None:
    from core.persistence.datenbank import Datenbank
    from desktop.kontext import Kontext

    pfad = tmp_path / "haushalt.sqlite"
    _verschluesselter_haushalt(pfad)
    schutz.merke_kennwort(pfad, KENNWORT)  # as the start prompt does
    fenster = Hauptfenster(Kontext(datenbank=Datenbank.oeffnen(pfad), einstellungen=einstellungen, db_pfad=pfad))
    qtbot.addWidget(fenster)
    fenster.show()
    seite = fenster.seite("einstellungen").zeige("programm")
    assert seite.entschluesseln.isEnabled()
    assert seite.entschluesseln.text().replace("&", "") == "Verschlüsselung aufheben …"
    eingaben = iter(["falsch-falsch", KENNWORT])
    gefragt: list[str] = []

    def tippe(dialog: QDialog) -> int:
        assert isinstance(dialog, KennwortAbfrage)
        gefragt.append(dialog.windowTitle())
        dialog.kennwort.setText(next(eingaben))
        return QDialog.DialogCode.Accepted

    _dialoge(monkeypatch, tippe)
    texte = _meldungen(monkeypatch)
    qtbot.mouseClick(seite.entschluesseln, Qt.MouseButton.LeftButton)  # the password mistyped: nothing changes
    assert "Das Kennwort öffnet die Datenbank" in texte[-1] and ist_verschluesselt(pfad)
    assert fenster.kontext.datenbank.kennwort == KENNWORT
    qtbot.mouseClick(seite.entschluesseln, Qt.MouseButton.LeftButton)
    assert gefragt == ["Verschlüsselung aufheben"] * 2
    assert "nicht mehr verschlüsselt" in texte[-1]
    assert not ist_verschluesselt(pfad) and not schutz.ist_als_verschluesselt_markiert(pfad)
    assert fenster.kontext.datenbank.kennwort is None and not fenster.kontext.datenbank.geschlossen
    assert "nicht verschlüsselt" in seite.schutzstatus.text()
    assert seite.verschluesseln.isEnabled() and not seite.entschluesseln.isEnabled()
    fenster.close()
