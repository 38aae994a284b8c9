"""A list beside its form stays a list at 200 % on a 1280×800 screen (608×360 logical pixels for the window).

A low-vision user found the Krankenkassen beside their form one row high: the side-by-side panes go one above the
other when narrow (`desktop.bildschirm.Rollflaeche`), and the list then got only its minimum height, one Kasse at a
time. Now it shows several rows, and every control of the form below it is reached by Tab in reading order and
scrolled into view when it has the focus.
"""

from __future__ import annotations

import pytest
from fokuskette import gegen_lesereihenfolge, soll_erreichbar
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from core.stammdaten import krankenkassen
from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui

#: Three more Kassen beside the demo's three (Minijob-Zentrale, BARMER, its second), so that four rows can be seen.
WEITERE = ("AOK Bayern", "DAK-Gesundheit", "Techniker Krankenkasse")


def _name(w: QWidget) -> str:
    """What a screen reader says for `w`: its accessible name, or a button's text."""
    return w.accessibleName() or getattr(w, "text", lambda: "")().replace("&", "")


def _im_bild(w: QWidget, rolle: QScrollArea) -> bool:
    """`w` lies within the visible part of the page's scroll area (whole, or its top when it is higher)."""
    sichtbar = QRect(rolle.viewport().mapToGlobal(rolle.viewport().rect().topLeft()), rolle.viewport().size())
    oben_links = w.mapToGlobal(w.rect().topLeft())
    feld = QRect(oben_links, w.size())
    if feld.height() > sichtbar.height():
        feld.setHeight(sichtbar.height())
    return sichtbar.contains(feld)


def test_krankenkassen_bei_200_prozent(qtbot, demo_kontext: Kontext, demo_fenster: Hauptfenster) -> None:
    for name in WEITERE:
        krankenkassen.speichere_krankenkasse(demo_kontext.datenbank, krankenkassen.KrankenkasseDaten(name=name))
    fenster = demo_fenster
    fenster.resize(608, 360)
    fenster.zeige_bereich("einstellungen")
    bereich = fenster.seite("einstellungen")
    seite = bereich.seiten["krankenkassen"]
    bereich.reiter.setCurrentWidget(seite)
    for _ in range(3):
        QApplication.processEvents()
    rolle = fenster.stapel.currentWidget()
    assert isinstance(rolle, QScrollArea)
    tabelle = seite.kassen_tabelle
    assert tabelle.model().rowCount() == 6

    # the list: at least four whole rows, with the page at its top
    rolle.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert _im_bild(tabelle.viewport(), rolle)
    ganz = [
        r
        for r in range(tabelle.model().rowCount())
        if tabelle.viewport().rect().contains(tabelle.visualRect(tabelle.model().index(r, 0)))
    ]
    assert len(ganz) >= 4, f"nur {len(ganz)} ganze Zeilen der Krankenkassen sichtbar"

    # the form: Tab from the list reaches every control, in reading order, each scrolled into view
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    tabelle.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tabelle)
    soll = set(soll_erreichbar(seite))
    erreicht: list[QWidget] = [tabelle]
    probleme: list[str] = []
    for _ in range(len(soll) + 5):
        vorher = QApplication.focusWidget()
        qtbot.keyClick(vorher, Qt.Key.Key_Tab)
        jetzt = QApplication.focusWidget()
        if jetzt is None or not seite.isAncestorOf(jetzt):
            break
        if gegen_lesereihenfolge(vorher, jetzt):
            probleme.append(f"Tab springt zurück: {_name(vorher)} → {_name(jetzt)}")
        if not _im_bild(jetzt, rolle):
            probleme.append(f"„{_name(jetzt)}“ hat den Fokus, ist aber nicht (ganz) im Bild")
        if not _name(jetzt):
            probleme.append(f"{type(jetzt).__name__} ohne Namen für den Bildschirmleser")
        erreicht.append(jetzt)
    fehlt = [_name(w) or type(w).__name__ for w in soll if w not in erreicht]
    assert probleme == []
    assert fehlt == []
    assert seite.knopf_speichern in erreicht


def test_budgetdiagramm_ueber_der_tabelle_bei_200_prozent(qtbot, demo_fenster: Hauptfenster) -> None:
    """The Budget's chart beside its table: at 200 % it was squeezed to a few letters of its legend ("b…",
    "Keine…"); now it goes above the table there, as wide as its legend's line, and stays beside it at 100 %."""
    from PySide6.QtWidgets import QSplitter

    fenster = demo_fenster
    fenster.zeige_bereich("budget")
    diagramm = fenster.seite("budget").uebersicht.diagramm
    teiler = diagramm.parentWidget()
    assert isinstance(teiler, QSplitter)
    for groesse, ausrichtung in (((608, 360), Qt.Orientation.Vertical), ((1216, 720), Qt.Orientation.Horizontal)):
        fenster.resize(*groesse)
        for _ in range(3):
            QApplication.processEvents()
        assert teiler.orientation() == ausrichtung, groesse
        metrik = diagramm.fontMetrics()
        legende = sum(
            3.5 * metrik.height() + metrik.horizontalAdvance(n) for n in ("bewilligt", "verbraucht", "Prognose")
        )
        assert diagramm.width() >= legende, groesse
