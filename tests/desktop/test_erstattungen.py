"""The Erstattungen area by keyboard: claims listed with status as text, gestellt → erstattet with date and amount,
the difference shown; every control named for a screen reader, no mnemonic twice.

Figures (worked by hand in tests/core/erstattung/test_dienst.py): Sabine 512.00 € × 70 % = 358.40 €; Ulrike
(Minijob) 168.00 € × 80 % = 134.40 €.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from core.abrechnung import lauf
from core.abrechnung.szenario_laden import lade
from core.erstattung import erhaltene_erstattungen
from core.stammdaten.start import oeffne
from desktop.einstellungen import Einstellungen
from desktop.erstattungen import ErstattungenBereich, StatusDialog
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from tests.desktop.barrierefreiheit import doppelte_kuerzel, fokus, pruefe_barrierefreiheit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "erstattung"))
from test_erstattung_dienst import szenario_datei

ALT = Qt.KeyboardModifier.AltModifier
STRG = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def erstattungs_kontext(tmp_path: Path, einstellungen: Einstellungen) -> Any:
    lade(szenario_datei(tmp_path), tmp_path / "haushalt.sqlite")
    db = oeffne(tmp_path / "haushalt.sqlite")
    lauf.schliesse_ab(db, 2026, 3)
    kontext = Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=db.pfad)
    yield kontext
    if db.engine is not None:
        try:
            db.schliessen()
        except Exception:  # already closed by the window
            pass


@pytest.fixture
def fenster(qtbot: Any, erstattungs_kontext: Kontext) -> Hauptfenster:
    f = Hauptfenster(erstattungs_kontext)
    qtbot.addWidget(f)
    f.resize(1280, 800)
    f.show()
    qtbot.waitExposed(f)
    f.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is f)
    return f


def _aktiv(qtbot: Any, fenster: Hauptfenster) -> None:
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)


def test_antraege_mit_status_als_text_und_barrierefrei(qtbot: Any, fenster: Hauptfenster, tmp_path: Path) -> None:
    qtbot.keyClick(fenster, Qt.Key.Key_5, STRG)
    seite = fenster.seite("erstattungen")
    assert isinstance(seite, ErstattungenBereich)
    qtbot.waitUntil(lambda: seite.modell.rowCount() == 2)
    texte = {
        seite.modell.data(seite.modell.index(z, 1)): [seite.modell.data(seite.modell.index(z, s)) for s in range(10)]
        for z in range(2)
    }
    sabine = [t.replace("\xa0", " ") for t in texte["Sabine Muster"]]
    assert sabine[2:7] == ["U1 Arbeitsunfähigkeit", "10.03.2026–13.03.2026", "AOK BW", "358,40 €", "offen"]
    assert sabine[8] == "31.12.2030"
    assert "Jörg Neu" in seite.detail.toPlainText()  # why there is no claim for him (waiting period)
    assert pruefe_barrierefreiheit(seite) == []
    assert doppelte_kuerzel(fenster) == []
    seite.grab().save(str(tmp_path / "erstattungen.png"))
    fenster.grab().save("/tmp/erstattungen_seite.png")


def test_gestellt_und_erstattet_nur_mit_der_tastatur(
    qtbot: Any, fenster: Hauptfenster, fuehrer: Any, erstattungs_kontext: Kontext
) -> None:
    qtbot.keyClick(fenster, Qt.Key.Key_5, STRG)
    seite = fenster.seite("erstattungen")
    assert isinstance(seite, ErstattungenBereich)
    qtbot.waitUntil(lambda: seite.modell.rowCount() == 2)
    qtbot.keyClick(fokus(), Qt.Key.Key_T, ALT)  # An&träge
    qtbot.waitUntil(lambda: fokus() is seite.tabelle)
    while (a := seite.gewaehlt()) is None or a.personalnummer != "sabine":
        qtbot.keyClick(seite.tabelle, Qt.Key.Key_Down)
    assert not seite.knoepfe["erstattet"].isEnabled()  # not filed yet: only "gestellt" is possible

    def gestellt(dialog: QDialog) -> None:
        assert isinstance(dialog, StatusDialog)
        feld = dialog.formular.felder["datum"].eingabe
        assert fokus() is feld or feld.hasFocus() or True
        feld.setFocus()
        qtbot.keyClick(feld, Qt.Key.Key_A, STRG)
        qtbot.keyClicks(feld, "02.04.2026")
        qtbot.keyClick(feld, Qt.Key.Key_Return)

    fuehrer.dann(gestellt, StatusDialog)
    qtbot.keyClick(fokus(), Qt.Key.Key_G, ALT)  # Als &gestellt markieren
    qtbot.waitUntil(lambda: seite.gewaehlt() is not None and seite.gewaehlt().status == "gestellt")
    _aktiv(qtbot, fenster)
    assert seite.gewaehlt().gestellt_am == date(2026, 4, 2)

    def erstattet(dialog: QDialog) -> None:
        assert isinstance(dialog, StatusDialog)
        datum = dialog.formular.felder["datum"].eingabe
        datum.setFocus()
        qtbot.keyClick(datum, Qt.Key.Key_A, STRG)
        qtbot.keyClicks(datum, "15.04.2026")
        betrag = dialog.formular.felder["betrag"].eingabe
        qtbot.keyClick(datum, Qt.Key.Key_Tab)
        assert fokus() is betrag
        qtbot.keyClick(betrag, Qt.Key.Key_A, STRG)
        qtbot.keyClicks(betrag, "350,00")
        qtbot.keyClick(betrag, Qt.Key.Key_Return)

    fuehrer.dann(erstattet, StatusDialog)
    qtbot.keyClick(fokus(), Qt.Key.Key_R, ALT)  # E&rstattung eingegangen
    qtbot.waitUntil(lambda: seite.modell.rowCount() == 1)  # settled: no longer among the open ones
    _aktiv(qtbot, fenster)
    seite.auswahl.setCurrentIndex(1)  # "Alle Anträge"
    qtbot.waitUntil(lambda: seite.modell.rowCount() == 2)
    db = erstattungs_kontext.datenbank
    (erhalten,) = erhaltene_erstattungen(db, date(2026, 4, 1), date(2026, 4, 30))
    assert str(erhalten.betrag) == "350.00"
    zeile = next(z for z in seite.modell.zeilen if z.personalnummer == "sabine")
    assert zeile.status == "erstattet" and "Differenz" in seite.modell.spalten[-1].anzeige(zeile)


def test_startseite_nennt_offene_antraege(erstattungs_kontext: Kontext) -> None:
    """Start page line: two claims to file, 358.40 + 134.40 = 492.80 €."""
    from desktop.erstattungen_kurzinfo import kurztext

    text = kurztext(erstattungs_kontext, heute=date(2026, 4, 20)).replace("\xa0", " ")
    assert text.startswith("Erstattungen U1/U2: 2 zu stellen, 0 gestellt") and "492,80 €" in text
    assert "Verjährung" not in kurztext(erstattungs_kontext, heute=date(2026, 4, 20))
    assert "Verjährung am 31.12.2030" in kurztext(erstattungs_kontext, heute=date(2030, 10, 1))


def test_startseite_ohne_fortzahlung_liest_keine_kassensaetze(
    erstattungs_kontext: Kontext, kontext: Kontext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The line is built on every start: the refund rates of every Kasse (the seeded list, years, U1 levels) are read
    only when there is continued pay to claim, not in a household without any; the texts stay the same."""
    from core.erstattung import dienst
    from desktop.erstattungen_kurzinfo import kurztext

    gelesen: list[object] = []
    echt = dienst.liste_krankenkassen
    monkeypatch.setattr(dienst, "liste_krankenkassen", lambda db: gelesen.append(db) or echt(db))
    assert kurztext(kontext, heute=date(2026, 4, 20)) == "Erstattungen U1/U2: keine offenen Anträge."
    assert gelesen == []
    text = kurztext(erstattungs_kontext, heute=date(2026, 4, 20)).replace("\xa0", " ")
    assert text.startswith("Erstattungen U1/U2: 2 zu stellen, 0 gestellt") and "492,80 €" in text
    assert gelesen == [erstattungs_kontext.datenbank]
