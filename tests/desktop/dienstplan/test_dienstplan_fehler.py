"""Bad input in the Dienstplan: one clear German message, nothing saved, the grid unchanged (issue 4)."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.modelle import AbwesenheitZeile, SchichtZeile
from core.dienstplan.vorlagen import schicht_aus_vorlage
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, speichere_assistenzkraft
from desktop.dienstplan.abwesenheit_dialog import AbwesenheitDialog
from desktop.dienstplan.bereich import DienstplanBereich
from desktop.dienstplan.muster_dialog import MusterDialog
from desktop.dienstplan.schicht_dialog import SchichtDialog
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.dienstplan.tasten import MONTAG, Dialogfuehrer, fuelle_muster, gehe_zu, warte_auf_fokus

pytestmark = pytest.mark.gui


def _anzahl(h: Haushalt, tabelle: Any = SchichtZeile) -> int:
    with h.db.arbeitseinheit() as sitzung:
        return int(sitzung.scalar(select(func.count()).select_from(tabelle)) or 0)


def _raster(b: DienstplanBereich) -> list[list[str]]:
    m = b.modell
    return [[str(m.data(m.index(r, c))) for c in range(m.columnCount())] for r in range(m.rowCount())]


def _vorlage(h: Haushalt, name: str) -> Any:
    return next(v for v in dienst.liste_vorlagen(h.db) if v.name == name)


def _schicht_dialog_mit(qtbot: Any, dialoge: Dialogfuehrer, b: DienstplanBereich, eingaben: Any) -> dict[str, str]:
    """Einfg in the current cell, then `eingaben(dialog)` by keyboard, Enter; returns the errors shown, closes."""
    gesehen: dict[str, str] = {}

    def schritte(d: Any) -> None:
        assert isinstance(d, SchichtDialog)
        eingaben(d)
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)
        assert d.isVisible(), "der Dialog muss offen bleiben, damit man korrigieren kann"
        gesehen.update(d.fehlertexte())
        qtbot.keyClick(fokus(), Qt.Key.Key_Escape)

    dialoge.dann(schritte, SchichtDialog)
    qtbot.keyClick(b.raster, Qt.Key.Key_Insert)
    warte_auf_fokus(qtbot, b.raster)
    return gesehen


def _tippe(qtbot: Any, feld: Any, text: str) -> None:
    """Put the cursor into the field (a user presses its Alt+letter), select all, type."""
    feld.eingabe.setFocus()
    qtbot.keyClick(feld.eingabe, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(feld.eingabe, text)


def test_ende_vor_beginn(qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer) -> None:
    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    vorher = _raster(bereich)

    def eingaben(d: SchichtDialog) -> None:
        qtbot.keyClicks(fokus(), "Sabine")
        _tippe(qtbot, d.beginn, "14:00")
        _tippe(qtbot, d.ende, "07:00")

    fehler = _schicht_dialog_mit(qtbot, dialoge, bereich, eingaben)
    assert list(fehler) == ["ende"]  # one message, at the field it is about
    assert fehler["ende"].startswith("Fehler: Die Schicht von Sabine am 23.03.2026 endet")
    assert "vor ihrem Beginn" in fehler["ende"] and "Folgetag" in fehler["ende"]
    assert _anzahl(haushalt) == 0
    assert _raster(bereich) == vorher


def test_ueberschneidung_einer_person(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    dienst.plane(haushalt.db, schicht_aus_vorlage(_vorlage(haushalt, "Frühdienst"), MONTAG, haushalt.sabine))
    bereich.lade()
    gehe_zu(qtbot, bereich, MONTAG, "Spätdienst")
    vorher = _raster(bereich)

    def eingaben(d: SchichtDialog) -> None:
        qtbot.keyClicks(fokus(), "Sabine")
        _tippe(qtbot, d.beginn, "13:00")

    fehler = _schicht_dialog_mit(qtbot, dialoge, bereich, eingaben)
    assert list(fehler) == [""]  # about the whole shift: shown on top of the form
    assert fehler[""].startswith("Nicht gespeichert: Sabine ist am 23.03.2026 schon von 07:00 bis 14:00 eingeplant")
    assert "überschneidet sich" in fehler[""]
    assert _anzahl(haushalt) == 1
    assert _raster(bereich) == vorher


def test_nicht_beschaeftigt(qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer) -> None:
    speichere_assistenzkraft(haushalt.db, AssistenzkraftDaten(vorname="Nina", nachname="Neumann"))
    bereich.lade()
    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    vorher = _raster(bereich)

    def eingaben(d: SchichtDialog) -> None:
        qtbot.keyClicks(fokus(), "Nina")
        assert d.person.eingabe.currentText() == "Nina"

    fehler = _schicht_dialog_mit(qtbot, dialoge, bereich, eingaben)
    assert list(fehler) == [""]
    assert "Nina ist am 23.03.2026 nicht beschäftigt (kein Vertrag erfasst)" in fehler[""]
    assert _anzahl(haushalt) == 0
    assert _raster(bereich) == vorher


def test_muster_mit_konflikten_wird_nicht_angewendet(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    # Sabine already works Wednesday's late shift; the pattern gives her the late shifts of this week again
    dienst.plane(
        haushalt.db, schicht_aus_vorlage(_vorlage(haushalt, "Spätdienst"), MONTAG + timedelta(days=2), haushalt.sabine)
    )
    bereich.lade()
    vorher = _raster(bereich)
    texte: list[str] = []

    def schritte(d: Any) -> None:
        assert isinstance(d, MusterDialog)
        # week 1 of the alternation: Jörg (first in the list) early, Sabine late
        fuelle_muster(
            qtbot,
            d,
            name="Früh/Spät",
            art=None,  # preset: Wochenweiser Wechsel
            anker=MONTAG,
            bis=MONTAG + timedelta(days=6),
            vorlagen={"Frühdienst", "Spätdienst"},
            personen={haushalt.sabine, haushalt.joerg},
        )
        qtbot.keyClick(d, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # An&wenden (Qt clicks it animated)
        qtbot.waitUntil(lambda: bool(d.vorschau.toPlainText()))
        texte.append(d.vorschau.toPlainText())
        assert d.isVisible()
        d.reject()

    dialoge.dann(schritte, MusterDialog)
    bereich.operationen.muster()
    assert dialoge.offen_geblieben == []
    (text,) = texte
    assert text.startswith("So geht es nicht – es würde nichts gespeichert:")
    assert "überschneidet sich" in text and "Nichts wurde gespeichert." in text
    assert _anzahl(haushalt) == 1
    assert _raster(bereich) == vorher


def test_ueberlappende_abwesenheit(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    dienst.trage_abwesenheit_ein(
        haushalt.db, Abwesenheit(haushalt.joerg, Abwesenheitsart.URLAUB, MONTAG, MONTAG + timedelta(days=4))
    )
    bereich.lade()
    gehe_zu(qtbot, bereich, MONTAG + timedelta(days=3), "Tag")
    vorher = _raster(bereich)
    gesehen: dict[str, str] = {}

    def schritte(d: Any) -> None:
        assert isinstance(d, AbwesenheitDialog)
        qtbot.keyClicks(fokus(), "J")
        assert d.person.eingabe.currentText() == "Jörg"
        d.art.setze("krank")
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)
        gesehen.update(d.fehlertexte())
        d.reject()

    dialoge.dann(schritte, AbwesenheitDialog)
    qtbot.keyClick(
        bereich.raster, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert list(gesehen) == ["von"]
    assert "Jörg ist vom 23.03.2026 bis 27.03.2026 schon als „Urlaub“ eingetragen" in gesehen["von"]
    assert _anzahl(haushalt, AbwesenheitZeile) == 1
    assert _raster(bereich) == vorher


def test_einfuegen_in_die_uebersprungene_stunde(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shift 02:30–06:00 copied onto 29 March 2026 (02:00–03:00 does not exist): one German message, nothing
    saved, the grid unchanged."""
    from core.dienstplan.schicht import Schicht
    from core.domain.zeit import lokal
    from desktop import meldungen

    samstag = MONTAG + timedelta(days=5)
    dienst.plane(
        haushalt.db,
        Schicht(assistenzkraft_id=haushalt.ulrike, beginn=lokal(samstag, time(2, 30)), ende=lokal(samstag, time(6))),
    )
    bereich.lade()
    gesehen: list[tuple[str, str]] = []
    monkeypatch.setattr(meldungen, "fehler", lambda _p, titel, text: gesehen.append((titel, text)))
    gehe_zu(qtbot, bereich, samstag, "Tag")
    qtbot.keyClick(bereich.raster, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    vorher, anzahl = _raster(bereich), _anzahl(haushalt)
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Down)
    qtbot.keyClick(bereich.raster, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(gesehen) == 1 and gesehen[0][0] == "Nicht gespeichert"
    assert "02:30" in gesehen[0][1] and "Sommerzeit" in gesehen[0][1]
    assert _anzahl(haushalt) == anzahl and _raster(bereich) == vorher
