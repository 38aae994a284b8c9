"""No text is cut off at 100 % (issue 13, finding 10: the Krankenkasse's name in the list, "Quelle der Sätze",
"Mindesturlaub (Gesetz)", the Abdeckung). Every area and tab of the example household is opened in the window's own
size; a list's rows must be as high as their wrapped texts and no one-line field may hold more text than it shows.
"""

from __future__ import annotations

import pytest
from bildschirmfotos import _ansichten, abgeschnittene_felder
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.bereiche import BEREICHE
from desktop.hauptfenster import Hauptfenster
from desktop.tabellen import Liste

pytestmark = pytest.mark.gui


def _abgeschnittene_zeilen(seite: QWidget) -> list[str]:
    funde = []
    for liste in seite.findChildren(Liste):
        if not liste.isVisible() or not liste.wordWrap():
            continue
        for reihe in range(min(liste.model().rowCount(), 40)):
            if liste.sizeHintForRow(reihe) > liste.rowHeight(reihe) + 1:
                funde.append(f"Liste „{liste.accessibleName()}“, Zeile {reihe + 1}: Text höher als die Zeile")
                break
    return funde


def test_nichts_abgeschnitten_bei_100_prozent(qtbot, demo_fenster: Hauptfenster) -> None:
    demo_fenster.resize(1216, 720)  # the size it takes on a 1280×800 screen (95 % × 90 %)
    funde: list[str] = []
    for b in BEREICHE:
        demo_fenster.zeige_bereich(b.schluessel)
        seite = demo_fenster.seite(b.schluessel)
        for ansicht in _ansichten(seite):
            for _ in range(3):
                QApplication.processEvents()
            funde += [f"{b.schluessel}{ansicht}: {f}" for f in abgeschnittene_felder(seite)]
            funde += [f"{b.schluessel}{ansicht}: {f}" for f in _abgeschnittene_zeilen(seite)]
    # the month grid shows every column (Abdeckung and Prüfung were beyond the right edge): headers on short lines
    demo_fenster.zeige_bereich("dienstplan")
    for _ in range(3):
        QApplication.processEvents()
    raster = demo_fenster.seite("dienstplan").raster
    if raster.horizontalScrollBar().maximum() > 0:
        funde.append(f"dienstplan: Monatsraster rollt seitwärts ({raster.horizontalScrollBar().maximum()} Pixel)")
    assert funde == []


def test_lange_spalten_brechen_um(qtbot) -> None:
    """A column sized to its contents stops at `Liste.HOECHSTENS_ZEICHEN`; the long text wraps in a higher row."""
    from desktop.tabellen import Spalte, ZeilenModell, sortierbare_tabelle

    name = "Minijob-Zentrale (Deutsche Rentenversicherung Knappschaft-Bahn-See)"
    modell: ZeilenModell[str] = ZeilenModell([Spalte("Krankenkasse", lambda z: z), Spalte("Nr.", lambda _z: "1")])
    tabelle, _ = sortierbare_tabelle(modell, "Krankenkassen")
    qtbot.addWidget(tabelle)
    modell.setze_zeilen([name, "BARMER"])
    tabelle.resize(500, 300)
    tabelle.show()
    qtbot.waitExposed(tabelle)
    tabelle.resizeColumnsToContents()
    grenze = tabelle.fontMetrics().averageCharWidth() * Liste.HOECHSTENS_ZEICHEN
    assert tabelle.columnWidth(0) <= grenze < tabelle.fontMetrics().horizontalAdvance(name)
    lang, kurz = (1, 0) if tabelle.model().index(0, 0).data() == "BARMER" else (0, 1)  # sorted by name
    assert tabelle.rowHeight(lang) >= 2 * tabelle.fontMetrics().lineSpacing() > tabelle.rowHeight(kurz)


def test_spalten_teilen_sich_die_breite(qtbot) -> None:
    """Five columns sized to their contents in a table half as wide: no sideways scrolling, the widest columns
    gave up room first, a narrow number column kept its width; wider again, every column gets its wish back. A cut
    text is the cell's tooltip; a title wider than its column wraps (the header grows), no column is narrower than
    its title's longest word."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from desktop.tabellen import Spalte, ZeilenModell, sortierbare_tabelle

    lang = "sozialversicherungspflichtig beschäftigt seit dem ersten Januar"
    spalten = [Spalte("Nr.", lambda _z: "7")] + [
        Spalte(f"Nummer der Kasse {i}", lambda z, i=i: f"{z} {i} " + lang) for i in range(4)
    ]
    modell: ZeilenModell[str] = ZeilenModell(spalten)
    tabelle, _ = sortierbare_tabelle(modell, "Breit")
    qtbot.addWidget(tabelle)
    modell.setze_zeilen(["Berger", "Keller"])
    tabelle.resize(1600, 300)
    tabelle.show()
    qtbot.waitExposed(tabelle)
    tabelle.resizeColumnsToContents()
    for _ in range(3):  # the columns are fitted once the page is done resizing them
        QApplication.processEvents()
    assert tabelle.horizontalScrollBar().maximum() == 0
    breit = [tabelle.columnWidth(s) for s in range(5)]
    kopf_hoehe = tabelle.horizontalHeader().height()

    tabelle.resize(500, 300)
    qtbot.waitUntil(lambda: tabelle.horizontalScrollBar().maximum() == 0)
    kopf = tabelle.horizontalHeader()
    assert kopf.length() <= tabelle.viewport().width()
    assert tabelle.columnWidth(0) == breit[0]  # "Nr." was narrow: it keeps its width
    assert all(tabelle.columnWidth(s) < breit[s] for s in range(1, 4))
    metrik = tabelle.fontMetrics()
    assert all(tabelle.columnWidth(s) >= metrik.horizontalAdvance("Nummer") for s in range(1, 5))
    assert kopf.height() > kopf_hoehe  # titles on two lines
    # the cut text of a cell is its tooltip (the screen reader reads the model's full text anyway)
    index = tabelle.model().index(0, 3)
    ort = tabelle.visualRect(index).center()
    tabelle.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, ort, tabelle.viewport().mapToGlobal(ort)))
    assert QToolTip.text() == index.data()
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == index.data()

    tabelle.resize(1600, 300)
    qtbot.waitUntil(lambda: [tabelle.columnWidth(s) for s in range(4)] == breit[:4])
    assert kopf.height() == kopf_hoehe
