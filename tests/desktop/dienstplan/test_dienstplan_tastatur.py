"""Issue 4: a week planned by keyboard alone in the main window — new shifts (one over midnight and the DST change),
a whole day copied to the next days, a shift assigned to someone else, one moved, undo and redo — and what the
service stores afterwards."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.dienstplan import dienst
from core.dienstplan.schicht import schichtstunden
from core.domain.zeit import BERLIN
from desktop.dienstplan.auswahl import AuswahlDialog
from desktop.dienstplan.bereich import DienstplanBereich
from desktop.dienstplan.schicht_dialog import SchichtDialog
from desktop.einstellungen import Einstellungen
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.dienstplan.tasten import JAHR, MONAT, MONTAG, Dialogfuehrer, gehe_zu, warte_auf_fokus, zelltext

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _plane(qtbot: Any, dialoge: Dialogfuehrer, raster: Any, name: str) -> None:
    """Einfg, type the assistant's name into the preselected list, Enter: the dialog saves and closes."""

    def schritte(d: Any) -> None:
        assert isinstance(d, SchichtDialog)
        assert fokus() is d.person.eingabe
        qtbot.keyClicks(fokus(), name)
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)

    dialoge.dann(schritte, SchichtDialog)
    qtbot.keyClick(raster, Qt.Key.Key_Insert)
    warte_auf_fokus(qtbot, raster)


def _waehle(qtbot: Any, dialoge: Dialogfuehrer, name: str) -> None:
    def schritte(d: Any) -> None:
        qtbot.keyClicks(fokus(), name)
        qtbot.keyClick(fokus(), Qt.Key.Key_Return)

    dialoge.dann(schritte, AuswahlDialog)


def _gespeichert(h: Haushalt) -> list[tuple[date, str, str, str, str]]:
    """What the service stores for the week: day, template, assistant, start and end (local wall time)."""
    plan = dienst.monat_oeffnen(h.db, JAHR, MONAT, pruefen=False)
    namen = plan.namen
    return sorted(
        (
            s.tag,
            s.vorlage or "",
            namen[s.assistenzkraft_id],
            f"{s.beginn.astimezone(BERLIN):%d.%m. %H:%M}",
            f"{s.ende.astimezone(BERLIN):%d.%m. %H:%M}",
        )
        for s in plan.schichten
        if MONTAG <= s.tag <= MONTAG + timedelta(days=6)
    )


def test_eine_woche_nur_mit_der_tastatur(
    qtbot: Any, einstellungen: Einstellungen, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    fenster = Hauptfenster(Kontext(datenbank=haushalt.db, einstellungen=einstellungen))
    qtbot.addWidget(fenster)
    fenster.resize(1400, 900)
    fenster.show()
    qtbot.waitExposed(fenster)
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)

    # Ctrl+3 opens the area, F6 goes into it, Alt+arrow turns the months to March 2026
    qtbot.keyClick(fenster, Qt.Key.Key_3, CTRL)
    bereich = fenster.seite("dienstplan")
    assert isinstance(bereich, DienstplanBereich)
    fenster.navigation.setFocus()
    qtbot.keyClick(fokus(), Qt.Key.Key_F6)
    raster = bereich.raster
    assert fokus() is raster
    # the area opens on the current month: step from the month it shows (not a second reading of the clock)
    schritte = (JAHR * 12 + MONAT) - (bereich.jahr * 12 + bereich.monat)
    for _ in range(abs(schritte)):
        qtbot.keyClick(raster, Qt.Key.Key_Right if schritte > 0 else Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert (bereich.jahr, bereich.monat) == (JAHR, MONAT)
    assert bereich.titel.text() == "März 2026"

    # Monday: early shift Sabine, late shift Jörg (Einfg in the template's column)
    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    _plane(qtbot, dialoge, raster, "Sabine")
    gehe_zu(qtbot, bereich, MONTAG, "Spätdienst")
    _plane(qtbot, dialoge, raster, "J")  # typing the first letter selects Jörg
    assert dialoge.offen_geblieben == []
    assert zelltext(bereich, MONTAG, "Frühdienst") == "Sabine"
    assert zelltext(bereich, MONTAG, "Spätdienst") == "Jörg"

    # copy the whole Monday (Ctrl+C in the "Tag" column) onto Tuesday to Friday
    gehe_zu(qtbot, bereich, MONTAG, "Tag")
    qtbot.keyClick(raster, Qt.Key.Key_C, CTRL)
    for i in range(1, 5):
        qtbot.keyClick(raster, Qt.Key.Key_Down)
        qtbot.keyClick(raster, Qt.Key.Key_V, CTRL)
        assert raster.currentIndex().row() == bereich.modell.reihe_von(MONTAG + timedelta(days=i))

    # weekend: Rudolf early and late on Saturday, Ulrike's standby night Saturday → Sunday (clocks go forward)
    samstag, sonntag = MONTAG + timedelta(days=5), MONTAG + timedelta(days=6)
    gehe_zu(qtbot, bereich, samstag, "Frühdienst")
    _plane(qtbot, dialoge, raster, "Rudolf")
    gehe_zu(qtbot, bereich, samstag, "Spätdienst")
    _plane(qtbot, dialoge, raster, "Rudolf")
    gehe_zu(qtbot, bereich, samstag, "Nachtbereitschaft")
    _plane(qtbot, dialoge, raster, "Ulrike")

    # assign: Wednesday's late shift goes to Ulrike (Ctrl+B, type the name, Enter)
    mittwoch, freitag = MONTAG + timedelta(days=2), MONTAG + timedelta(days=4)
    gehe_zu(qtbot, bereich, mittwoch, "Spätdienst")
    _waehle(qtbot, dialoge, "Ulrike")
    qtbot.keyClick(raster, Qt.Key.Key_B, CTRL)
    warte_auf_fokus(qtbot, raster)
    assert zelltext(bereich, mittwoch, "Spätdienst") == "Ulrike"

    # move: Friday's late shift (Jörg) to Sunday (Ctrl+X, arrows, Ctrl+V)
    gehe_zu(qtbot, bereich, freitag, "Spätdienst")
    qtbot.keyClick(raster, Qt.Key.Key_X, CTRL)
    gehe_zu(qtbot, bereich, sonntag, "Spätdienst")
    qtbot.keyClick(raster, Qt.Key.Key_V, CTRL)
    assert zelltext(bereich, sonntag, "Spätdienst") == "Jörg"
    assert zelltext(bereich, freitag, "Spätdienst") == "–"
    nach_verschieben = _gespeichert(haushalt)

    # undo puts Jörg back on Friday, redo moves him again, undo once more
    qtbot.keyClick(raster, Qt.Key.Key_Z, CTRL)
    assert zelltext(bereich, freitag, "Spätdienst") == "Jörg"
    assert zelltext(bereich, sonntag, "Spätdienst") == "–"
    qtbot.keyClick(raster, Qt.Key.Key_Y, CTRL)
    assert _gespeichert(haushalt) == nach_verschieben
    qtbot.keyClick(raster, Qt.Key.Key_Z, CTRL)

    assert dialoge.offen_geblieben == []
    assert len(dialoge.gesehen) == 6  # five shifts planned in the dialog, one assignment; the rest by keys
    tage = {MONTAG + timedelta(days=i): f"{(MONTAG + timedelta(days=i)):%d.%m.}" for i in range(7)}
    erwartet = []
    for tag, t in list(tage.items())[:5]:
        erwartet.append((tag, "Frühdienst", "Sabine", f"{t} 07:00", f"{t} 14:00"))
        spaet = "Ulrike" if tag == mittwoch else "Jörg"
        erwartet.append((tag, "Spätdienst", spaet, f"{t} 14:00", f"{t} 22:00"))
    erwartet += [
        (samstag, "Frühdienst", "Rudolf", "28.03. 07:00", "28.03. 14:00"),
        (samstag, "Spätdienst", "Rudolf", "28.03. 14:00", "28.03. 22:00"),
        (samstag, "Nachtbereitschaft", "Ulrike", "28.03. 22:00", "29.03. 07:00"),
    ]
    assert _gespeichert(haushalt) == sorted(erwartet)

    # the night over the change to summer time is one hour shorter: 22:00 to 07:00 are 8 real hours, less the
    # template's break 03:00–03:30 (§ 4 ArbZG) 7,5 hours of standby
    nacht = next(
        s
        for s in dienst.monat_oeffnen(haushalt.db, JAHR, MONAT, pruefen=False).schichten
        if s.tag == samstag and s.vorlage == "Nachtbereitschaft"
    )
    assert schichtstunden(nacht).bereitschaft == timedelta(hours=7, minutes=30)
    assert schichtstunden(nacht).arbeit == timedelta(0)


def test_monat_wechseln_gleich_nach_strg_3(qtbot: Any, einstellungen: Einstellungen, haushalt: Haushalt) -> None:
    """Ctrl+3 leaves the focus in the navigation; the month keys work already, and only while the area is shown."""
    fenster = Hauptfenster(Kontext(datenbank=haushalt.db, einstellungen=einstellungen))
    qtbot.addWidget(fenster)
    fenster.show()
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    qtbot.keyClick(fenster, Qt.Key.Key_3, CTRL)
    bereich = fenster.seite("dienstplan")
    assert isinstance(bereich, DienstplanBereich)
    fenster.navigation.setFocus()
    vorher = (bereich.jahr, bereich.monat)
    qtbot.keyClick(fokus(), Qt.Key.Key_PageDown, CTRL)
    naechster = (vorher[0] + vorher[1] // 12, vorher[1] % 12 + 1)
    assert (bereich.jahr, bereich.monat) == naechster
    qtbot.keyClick(fenster, Qt.Key.Key_7, CTRL)  # another area: the Dienstplan keys are off
    qtbot.keyClick(fokus(), Qt.Key.Key_PageDown, CTRL)
    assert (bereich.jahr, bereich.monat) == naechster


def test_geschlossene_dialoge_werden_freigegeben(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, dialoge: Dialogfuehrer
) -> None:
    """A dialog opened and closed by keyboard is freed again; an evening of planning must not pile them up."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    def abbrechen(d: Any) -> None:
        qtbot.keyClick(fokus(), Qt.Key.Key_Escape)

    gehe_zu(qtbot, bereich, MONTAG, "Frühdienst")
    for taste, mod in ((Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_A, CTRL | SHIFT)) * 2:
        dialoge.dann(abbrechen)
        qtbot.keyClick(bereich.raster, taste, mod)  # Einfg: new shift; Strg+Umschalt+A: absence
        warte_auf_fokus(qtbot, bereich.raster)
    _plane(qtbot, dialoge, bereich.raster, "Sabine")
    assert len(dialoge.gesehen) == 5 and dialoge.offen_geblieben == []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert bereich.findChildren(QDialog) == []
