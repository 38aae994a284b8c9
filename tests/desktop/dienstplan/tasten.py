"""Helpers for the roster GUI tests: move the grid's cursor with arrow keys only; drive modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.dienstplan.bereich import DienstplanBereich
from desktop.dienstplan.modelle import Art

#: The week planned in the tests: Monday 23 March 2026 to Sunday 29 March (clocks go forward that night).
JAHR, MONAT = 2026, 3
MONTAG = date(2026, 3, 23)


def spalte(bereich: DienstplanBereich, titel: str) -> int:
    """Column index of a template column ("Frühdienst") or of a fixed column ("Tag", "Bemerkungen")."""
    m = bereich.modell
    for c in range(m.columnCount()):
        sp = m.spalte(c)
        if (sp is not None and sp.titel == titel) or (
            sp is None and m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole) == titel
        ):
            return c
    raise AssertionError(
        f"keine Spalte {titel!r}: {[m.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(m.columnCount())]}"
    )


def gehe_zu(qtbot: Any, bereich: DienstplanBereich, tag: date, titel: str = "Tag") -> None:
    """Arrow keys to the cell of `tag` in column `titel` (the cursor starts wherever it is)."""
    raster = bereich.raster
    ziel_reihe = bereich.modell.reihe_von(tag)
    assert ziel_reihe is not None, tag
    qtbot.keyClick(raster, Qt.Key.Key_Home)  # first column of the current row
    reihe = raster.currentIndex().row()
    taste = Qt.Key.Key_Down if ziel_reihe > reihe else Qt.Key.Key_Up
    for _ in range(abs(ziel_reihe - reihe)):
        qtbot.keyClick(raster, taste)
    for _ in range(spalte(bereich, titel)):
        qtbot.keyClick(raster, Qt.Key.Key_Right)
    index = raster.currentIndex()
    assert (index.row(), index.column()) == (ziel_reihe, spalte(bereich, titel))


def zelltext(bereich: DienstplanBereich, tag: date, titel: str) -> str:
    m = bereich.modell
    reihe = m.reihe_von(tag)
    assert reihe is not None
    return str(m.data(m.index(reihe, spalte(bereich, titel))))


def ist_schichtspalte(bereich: DienstplanBereich, c: int) -> bool:
    return bereich.modell.art(c) is Art.SCHICHT


class Dialogfuehrer:
    """Drives modal dialogs opened by exec(): the steps run once the dialog is on screen (inside its own loop).

    Anything still open after the steps is closed and recorded, so a failing test fails instead of hanging.
    """

    def __init__(self) -> None:
        self.gesehen: list[QDialog] = []
        self.offen_geblieben: list[str] = []
        self.beendet = False  # set when the test ends: a poll still waiting must not act in the next test

    def dann(self, schritte: Callable[[QDialog], None], typ: type[QWidget] = QDialog) -> None:
        def pruefe(versuche: int = 0) -> None:
            if self.beendet:
                return
            w = QApplication.activeModalWidget()
            if not isinstance(w, typ) or not w.isVisible() or QApplication.activeWindow() is not w:
                if versuche < 300:
                    QTimer.singleShot(10, lambda: pruefe(versuche + 1))
                else:
                    self.offen_geblieben.append(f"kein {typ.__name__} erschienen")
                return
            self.gesehen.append(w)  # type: ignore[arg-type]
            try:
                schritte(w)  # type: ignore[arg-type]
            finally:
                if w.isVisible():
                    texte = getattr(w, "fehlertexte", lambda: {})()
                    self.offen_geblieben.append(f"{type(w).__name__}: {texte}")
                    w.reject()  # type: ignore[attr-defined]

        QTimer.singleShot(0, pruefe)


def fuelle_muster(
    qtbot: Any,
    d: Any,
    *,
    name: str,
    art: str | None,
    anker: date,
    bis: date,
    vorlagen: set[str],
    personen: set[int],
) -> None:
    """Fill the Muster dialog by keyboard only: Alt+letter to each field, typing, Space in the check lists.

    `art` is typed into the A&rt box (its first letters pick the entry); None keeps the preset.
    """
    from barrierefreiheit import fokus

    alt, strg = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier

    def ueberschreibe(text: str) -> None:
        qtbot.keyClick(fokus(), Qt.Key.Key_A, strg)
        qtbot.keyClicks(fokus(), text)

    assert fokus() is d.name.eingabe  # the dialog opens in the &Name field
    ueberschreibe(name)
    if art is not None:
        qtbot.keyClick(d, Qt.Key.Key_R, alt)
        assert fokus() is d.art.eingabe
        qtbot.keyClicks(fokus(), art)
    for buchstabe, tag in ((Qt.Key.Key_C, anker), (Qt.Key.Key_D, anker), (Qt.Key.Key_I, bis)):
        qtbot.keyClick(d, buchstabe, alt)  # Beginn der ersten Wo&che, Anwen&den von, b&is
        ueberschreibe(f"{tag:%d.%m.%Y}")
    for buchstabe, liste, werte in (
        (Qt.Key.Key_V, d.vorlagen_liste, vorlagen),  # Schicht&vorlagen
        (Qt.Key.Key_A, d.personen_liste, personen),  # &Assistenzkräfte
    ):
        qtbot.keyClick(d, buchstabe, alt)
        assert fokus() is liste
        qtbot.keyClick(liste, Qt.Key.Key_Home)
        for i in range(liste.count()):  # Space ticks the entry under the cursor (as the list's description says)
            assert liste.currentRow() == i
            if liste.item(i).data(Qt.ItemDataRole.UserRole) in werte:
                qtbot.keyClick(liste, Qt.Key.Key_Space)
            qtbot.keyClick(liste, Qt.Key.Key_Down)
        angehakt = {
            liste.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(liste.count())
            if liste.item(i).checkState() == Qt.CheckState.Checked
        }
        assert angehakt == werte
    assert (d.anker.wert(), d.von.wert(), d.bis.wert()) == (anker, anker, bis)


def warte_auf_fokus(qtbot: Any, widget: QWidget) -> None:
    """After a modal dialog the main window must be active again before its shortcuts work.

    A window manager gives the activation back when the dialog closes; the offscreen platform does not, so the
    test does it (the focus inside the window is the program's business and is checked).
    """
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window() and widget.hasFocus())
