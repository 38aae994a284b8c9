"""The focus chain as a keyboard or switch user meets it: Tab and Shift+Tab, nothing else.

`pruefe_fokuskette(qtbot, wurzel, start)` presses Tab from `start` until the focus comes back, then Shift+Tab the
same way, and returns the problems as readable lines (an empty list: fine):
- a control a user must reach (enabled, shown, taking Tab focus) that Tab never reaches;
- a stop on a hidden widget (focus where nobody can see it);
- a Tab trap (the focus never comes back) or a Shift+Tab round that is not Tab's round backwards;
- a step against reading order: to the left on the same line, or up within the same column (the one jump from
  the last control back to the first excepted).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)


def _name(w: QWidget) -> str:
    text = w.accessibleName() or getattr(w, "text", lambda: "")() or ""
    return f"{type(w).__name__} '{w.objectName() or text}'"


def _nimmt_tab(w: QWidget) -> bool:
    return bool(w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _innenteil(w: QWidget) -> bool:
    """The line edit inside a combo or spin box, the scroll buttons of a tab bar, a tab widget (its tab bar takes the
    focus): reached through their owner or part."""
    if isinstance(w, QTabWidget):
        return True
    eltern = w.parentWidget()
    if isinstance(eltern, QComboBox | QAbstractSpinBox):
        return True
    return isinstance(w, QToolButton) and isinstance(eltern, QTabBar)


def soll_erreichbar(wurzel: QWidget) -> list[QWidget]:
    """Every control under `wurzel` that a keyboard user must reach by Tab, in the order Qt knows them."""
    return [
        w
        for w in wurzel.findChildren(QWidget)
        if _nimmt_tab(w)
        and w.isEnabled()
        and w.isVisible()
        and w.width() > 0
        and w.height() > 0
        and not _innenteil(w)
        and not w.isWindow()
    ]


def _fokus() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nichts hat den Tastaturfokus"
    return w


def tab_runde(
    qtbot: Any,
    *,
    rueckwaerts: bool = False,
    hoechstens: int = 300,
    rueckschritte: list[tuple[QWidget, QWidget]] | None = None,
) -> tuple[list[QWidget], str]:
    """Tab (or Shift+Tab) from the current focus until it is back; returns the stops and a trap message ("" if none).

    `rueckschritte` collects the steps against reading order, judged the moment each step is made: a scrolled page
    moves its controls as the focus goes down, so their places after the round say nothing about the step."""
    mod = Qt.KeyboardModifier.ShiftModifier if rueckwaerts else Qt.KeyboardModifier.NoModifier
    taste = Qt.Key.Key_Backtab if rueckwaerts else Qt.Key.Key_Tab
    start = _fokus()
    runde = [start]
    for _ in range(hoechstens):
        vorher = _fokus()
        qtbot.keyClick(vorher, taste, mod)
        jetzt = _fokus()
        if rueckschritte is not None and gegen_lesereihenfolge(vorher, jetzt):
            rueckschritte.append((vorher, jetzt))
        if jetzt is start:
            return runde, ""
        if jetzt in runde:
            return runde, f"Tab kreist ohne Rückkehr zum Anfang bei {_name(jetzt)}"
        runde.append(jetzt)
    return runde, f"nach {hoechstens} Tabs nicht zurück – Tastaturfalle bei {_name(_fokus())}"


def _rechteck(w: QWidget) -> QRect:
    return QRect(w.mapToGlobal(w.rect().topLeft()), w.size())


def gegen_lesereihenfolge(a: QWidget, b: QWidget) -> bool:
    """Tab from `a` to `b` goes backwards: left on the same line, or up within the same column (not into the next
    column to the right, which is how columns are read)."""
    ra, rb = _rechteck(a), _rechteck(b)
    if ra.contains(rb) or rb.contains(ra):  # a control and a part inside it (a table and its header, …)
        return False
    gleiche_zeile = rb.top() < ra.bottom() and ra.top() < rb.bottom()
    if gleiche_zeile:
        return rb.right() <= ra.left()
    if rb.bottom() <= ra.top():  # b is above a
        return rb.left() <= ra.left()
    return False


def pruefe_fokuskette(qtbot: Any, wurzel: QWidget, start: QWidget) -> list[str]:
    """Walk Tab and Shift+Tab from `start` (focused first); see the module docstring for what counts as a problem.

    Work the page started (a month's draft payroll) ends first: on a busy machine its progress dialog comes up after
    400 ms and takes the keyboard from the window (a focus set meanwhile never arrives)."""
    from desktop.hintergrund import warte_auf_faeden

    warte_auf_faeden()
    fenster = start.window()
    if QApplication.activeWindow() is not fenster:
        fenster.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    probleme: list[str] = []
    soll = [w for w in [start, *soll_erreichbar(wurzel)] if w is start or wurzel.isAncestorOf(w)]
    rueckwaerts: list[tuple[QWidget, QWidget]] = []
    runde, falle = tab_runde(qtbot, rueckschritte=rueckwaerts)
    if falle:
        return [falle]
    for w in runde:
        if not w.isVisible() or w.width() == 0 or w.height() == 0:
            probleme.append(f"Fokus auf verborgenem Element: {_name(w)}")
    for w in soll:
        if w not in runde:
            probleme.append(f"mit Tab nicht erreichbar: {_name(w)}")
    # the round is a circle: once it must jump back from the last control to the first (the wrap); any other
    # step backwards is a control out of reading order
    if len(rueckwaerts) > 1:
        probleme += [f"gegen die Lesereihenfolge: {_name(a)} → {_name(b)}" for a, b in rueckwaerts]
    rueck, falle = tab_runde(qtbot, rueckwaerts=True)
    if falle:
        probleme.append(f"Umschalt+Tab: {falle}")
    elif rueck[1:] != list(reversed(runde[1:])):
        probleme.append(
            "Umschalt+Tab geht nicht denselben Weg zurück: "
            + " → ".join(_name(w) for w in rueck[:8])
            + (" …" if len(rueck) > 8 else "")
        )
    return probleme


def jede_ansicht(wurzel: QWidget) -> Iterator[str]:
    """Show every tab of every tab widget under `wurzel` in turn (nested ones too); yields where it is."""
    yield "Anfang"
    gesehen: set[tuple[int, int]] = set()
    neu = True
    while neu:
        neu = False
        for reiter in wurzel.findChildren(QTabWidget):
            if not reiter.isVisible():
                continue
            for i in range(reiter.count()):
                if (id(reiter), i) in gesehen or not reiter.isTabEnabled(i):
                    continue
                gesehen.add((id(reiter), i))
                neu = True
                reiter.setCurrentIndex(i)
                QApplication.processEvents()  # the page shown now is laid out (before that its fields have no size)
                yield reiter.tabText(i).replace("&", "")
