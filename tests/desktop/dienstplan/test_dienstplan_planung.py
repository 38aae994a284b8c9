"""Planning tools by keyboard: need profile (coverage in the grid), patterns and copies (all at once, one undo),
deleting with undo."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.dienstplan import dienst
from core.dienstplan.vorlagen import schicht_aus_vorlage
from desktop.dienstplan.bedarf_dialog import BedarfDialog
from desktop.dienstplan.bereich import DienstplanBereich
from desktop.dienstplan.kopieren_dialog import KopierenDialog
from desktop.dienstplan.muster_dialog import MusterDialog
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.dienstplan.tasten import (
    JAHR,
    MONAT,
    MONTAG,
    Dialogfuehrer,
    fuelle_muster,
    gehe_zu,
    warte_auf_fokus,
    zelltext,
)

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _menue(qtbot: Any, bereich: DienstplanBereich, knopf: Qt.Key, eintrag: Qt.Key) -> None:
    """Alt+letter opens a menu button of the area, a letter picks the entry (the dialog then runs modally)."""
    qtbot.keyClick(bereich.raster, knopf, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), eintrag)


def _schichten(h: Haushalt) -> list[tuple[date, str, int]]:
    plan = dienst.monat_oeffnen(h.db, JAHR, MONAT, pruefen=False)
    return sorted((s.tag, s.vorlage or "", s.assistenzkraft_id) for s in plan.schichten)


def test_bedarf_und_abdeckung(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    vorlage = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    dienst.plane(haushalt.db, schicht_aus_vorlage(vorlage, MONTAG, haushalt.sabine))
    bereich.lade()

    def schritte(d: Any) -> None:
        assert isinstance(d, BedarfDialog)
        assert fokus() is d.tage[0].eingabe
        qtbot.keyClicks(fokus(), "07:00-22:00 I HZP")
        qtbot.keyClick(d, Qt.Key.Key_W, ALT)  # Montag auf alle &Werktage übertragen
        qtbot.waitUntil(lambda: d.tage[4].wert() == "07:00-22:00 I HZP")
        assert "Woche: Arbeit I 75,00 h" in d.summe.text()  # 5 × 15 hours, measured by core
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)

    dialoge.dann(schritte, BedarfDialog)
    _menue(qtbot, bereich, Qt.Key.Key_P, Qt.Key.Key_B)  # &Planung → &Bedarf je Wochentag
    warte_auf_fokus(qtbot, bereich.raster)
    assert dialoge.offen_geblieben == []
    # nobody works in Sabine's break (Frühdienst 10:30–11:00, § 4 ArbZG): the cell says whose break it is
    assert (
        zelltext(bereich, MONTAG, "Abdeckung des Bedarfs")
        == "offen: 10:30–11:00 (Arbeit I, Pause von Sabine), 14:00–22:00 (Arbeit I)"
    )
    assert zelltext(bereich, MONTAG + timedelta(days=1), "Abdeckung des Bedarfs") == "offen: 07:00–22:00 (Arbeit I)"
    assert zelltext(bereich, MONTAG + timedelta(days=5), "Abdeckung des Bedarfs") == "kein Bedarf"
    # new shifts take their Leistungsart from the profile
    vorlage_spaet = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.id and v.name == "Spätdienst")
    a = dienst.plane_vorlage(haushalt.db, vorlage_spaet.id, MONTAG, haushalt.joerg)  # type: ignore[arg-type]
    assert a.schichten_neu[0].leistungsart == "HZP"


def test_bedarf_mit_ueberschneidung_wird_abgelehnt(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    fehler: dict[str, str] = {}

    def schritte(d: Any) -> None:
        qtbot.keyClicks(fokus(), "07:00-14:00 I, 13:00-22:00 II")
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)
        fehler.update(d.fehlertexte())
        d.reject()

    dialoge.dann(schritte, BedarfDialog)
    _menue(qtbot, bereich, Qt.Key.Key_P, Qt.Key.Key_B)
    assert list(fehler) == ["tag_0"]  # at Monday, where the problem is
    assert "überschneiden sich" in fehler["tag_0"]
    assert dienst.bedarfsprofil_am(haushalt.db, date(JAHR, MONAT, 31)) is None


def test_muster_anwenden_und_mit_einem_schritt_zuruecknehmen(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    vorschau: list[str] = []

    def schritte(d: Any) -> None:
        assert isinstance(d, MusterDialog)
        fuelle_muster(
            qtbot,
            d,
            name="Wochenenden",
            art="Wochenen",  # "Wochenenden im Wechsel"
            anker=MONTAG,
            bis=MONTAG + timedelta(days=13),
            vorlagen={"Frühdienst"},
            personen={haushalt.rudolf, haushalt.ulrike},
        )
        assert d.art.wert() == "wochenendwechsel"
        qtbot.keyClick(d, Qt.Key.Key_S, ALT)  # Vor&schau
        qtbot.waitUntil(lambda: bool(d.vorschau.toPlainText()))
        vorschau.append(d.vorschau.toPlainText())
        qtbot.keyClick(d, Qt.Key.Key_W, ALT)  # An&wenden
        qtbot.waitUntil(lambda: not d.isVisible())

    dialoge.dann(schritte, MusterDialog)
    _menue(qtbot, bereich, Qt.Key.Key_P, Qt.Key.Key_M)  # &Planung → &Muster anwenden
    warte_auf_fokus(qtbot, bereich.raster)
    assert dialoge.offen_geblieben == []
    assert vorschau[0].startswith("Es werden 4 Schichten angelegt (alles oder nichts):")
    # week 1 Rudolf (first in the list): 28/29 March; week 2 Ulrike: 4/5 April (next month)
    samstag = MONTAG + timedelta(days=5)
    assert _schichten(haushalt) == [
        (samstag, "Frühdienst", haushalt.rudolf),
        (samstag + timedelta(days=1), "Frühdienst", haushalt.rudolf),
    ]
    april = dienst.monat_oeffnen(haushalt.db, JAHR, 4, pruefen=False).schichten
    assert sorted((s.tag, s.assistenzkraft_id) for s in april) == [
        (date(2026, 4, 4), haushalt.ulrike),
        (date(2026, 4, 5), haushalt.ulrike),
    ]
    assert zelltext(bereich, samstag, "Frühdienst") == "Rudolf"
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Z, CTRL)
    assert _schichten(haushalt) == []
    assert dienst.monat_oeffnen(haushalt.db, JAHR, 4, pruefen=False).schichten == ()
    assert zelltext(bereich, samstag, "Frühdienst") == "–"


def test_woche_kopieren_und_loeschen_mit_rueckgaengig(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    vorlage = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    for i in range(2):
        dienst.plane(haushalt.db, schicht_aus_vorlage(vorlage, MONTAG - timedelta(days=7) + timedelta(days=i), 1))
    bereich.lade()
    gehe_zu(qtbot, bereich, MONTAG - timedelta(days=7), "Frühdienst")

    def schritte(d: Any) -> None:
        assert isinstance(d, KopierenDialog)
        assert d.quelle.wert() == MONTAG - timedelta(days=7) and d.ziel.wert() == MONTAG
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)

    dialoge.dann(schritte, KopierenDialog)
    _menue(qtbot, bereich, Qt.Key.Key_P, Qt.Key.Key_W)  # &Planung → &Woche kopieren
    warte_auf_fokus(qtbot, bereich.raster)
    assert dialoge.offen_geblieben == []
    assert zelltext(bereich, MONTAG, "Frühdienst") == "Sabine"
    assert zelltext(bereich, MONTAG + timedelta(days=1), "Frühdienst") == "Sabine"
    assert len(_schichten(haushalt)) == 4

    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Delete)
    assert zelltext(bereich, MONTAG, "Frühdienst") == "–"
    assert len(_schichten(haushalt)) == 3
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Z, CTRL)  # the deleted shift comes back
    assert zelltext(bereich, MONTAG, "Frühdienst") == "Sabine"
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Z, CTRL)  # the whole copied week goes in one step
    assert len(_schichten(haushalt)) == 2
    assert zelltext(bereich, MONTAG, "Frühdienst") == "–"


def test_kopie_einer_musterschicht_gehoert_nicht_zum_muster(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    """Strg+C, Strg+V of a shift a pattern made gives a plan entry of its own: applying the pattern again with
    "ersetzen" must not take away the copy that was given to someone outside the pattern."""
    from core.dienstplan.muster import wochenwechsel

    frueh = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    muster = dienst.speichere_muster(haushalt.db, wochenwechsel("Früh", MONTAG, [frueh], [haushalt.sabine]))
    assert muster.id is not None
    dienst.wende_muster_an(haushalt.db, muster.id, MONTAG, MONTAG)
    bereich.lade()
    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    qtbot.keyClick(bereich.raster, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(bereich.raster, Qt.Key.Key_Down)
    qtbot.keyClick(bereich.raster, Qt.Key.Key_V, CTRL)
    dienstag = MONTAG + timedelta(days=1)
    assert zelltext(bereich, dienstag, "Frühdienst") == "Sabine"

    def rudolf(d: Any) -> None:
        qtbot.keyClicks(fokus(), "Rudolf")
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)

    dialoge.dann(rudolf)
    qtbot.keyClick(bereich.raster, Qt.Key.Key_B, CTRL)  # Assistenzkraft zuweisen
    warte_auf_fokus(qtbot, bereich.raster)
    assert dialoge.offen_geblieben == []
    assert zelltext(bereich, dienstag, "Frühdienst") == "Rudolf"
    (kopie,) = [s for s in dienst.monat_oeffnen(haushalt.db, JAHR, MONAT, pruefen=False).schichten if s.tag == dienstag]
    assert kopie.muster_id is None

    dienst.wende_muster_an(haushalt.db, muster.id, dienstag, dienstag, ersetzen=True)
    assert (dienstag, "Frühdienst", haushalt.rudolf) in _schichten(haushalt)


def test_muster_loeschen_verbindet_nichts_doppelt(
    qtbot: Any, haushalt: Haushalt, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting a saved pattern reloads the list; the kind's selection must not get one more handler each time."""
    from PySide6.QtCore import SIGNAL

    from core.dienstplan.muster import wochenwechsel
    from desktop import meldungen

    frueh = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == "Frühdienst")
    for name in ("A", "B", "C"):
        dienst.speichere_muster(haushalt.db, wochenwechsel(name, MONTAG, [frueh], [haushalt.sabine]))
    monkeypatch.setattr(meldungen, "frage", lambda *_a, **_k: True)
    d = MusterDialog(haushalt.db, [(haushalt.sabine, "Sabine")], date(JAHR, MONAT, 1))
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    art = d.art.eingabe
    vorher = art.receivers(SIGNAL("currentIndexChanged(int)"))
    for uebrig in (2, 1):
        qtbot.keyClick(d, Qt.Key.Key_L, ALT)  # Muster &löschen
        qtbot.waitUntil(lambda n=uebrig: len(d.gespeichert) == n)
    assert art.receivers(SIGNAL("currentIndexChanged(int)")) == vorher
