"""GUI test helpers: the accessibility walk (every focusable control named, with a sensible role) and keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

R = QAccessible.Role
# Checked in order; the first matching class decides which roles are sensible.
ERWARTETE_ROLLEN: list[tuple[type[QWidget], set[QAccessible.Role]]] = [
    (QCheckBox, {R.CheckBox}),
    (QRadioButton, {R.RadioButton}),
    (QPushButton, {R.Button, R.ButtonMenu}),
    (QToolButton, {R.Button, R.ButtonMenu, R.ButtonDropDown, R.PageTab}),
    (QComboBox, {R.ComboBox}),
    (QAbstractSpinBox, {R.SpinBox}),
    (QLineEdit, {R.EditableText}),
    (QPlainTextEdit, {R.EditableText}),
    (QTextEdit, {R.EditableText, R.StaticText}),
    (QTableView, {R.Table}),
    (QTreeView, {R.Tree, R.TreeItem}),
    (QListView, {R.List}),
    (QTabBar, {R.PageTabList}),
    (QTabWidget, {R.Client, R.Pane, R.PageTabList}),  # the container; its tab bar carries the focus
    (QLabel, {R.StaticText}),
]
NICHTSSAGEND = {R.NoRole, R.Client, R.Grouping, R.Pane}


def _gemeint_sichtbar(w: QWidget, wurzel: QWidget) -> bool:
    """Hidden on purpose (an empty error line) → not checked; a page a stack hides for now → checked."""
    knoten: QWidget | None = w
    while knoten is not None and knoten is not wurzel:
        eltern = knoten.parentWidget()
        if knoten.isHidden() and not isinstance(eltern, QStackedWidget):
            return False
        knoten = eltern
    return True


def _teil_eines_anderen(w: QWidget, wurzel: QWidget) -> bool:
    """Inner parts of composite controls (the line edit in a combo or spin box) are announced via their owner.

    (Only asks for the parent of a real child: PySide6 6.12.0 drops a reference to None whenever a Qt getter
    returns a null pointer, which crashes the interpreter after enough calls.)
    """
    return w is not wurzel and isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)


def pruefe_barrierefreiheit(wurzel: QWidget) -> list[str]:
    """Problems as readable lines (empty list: fine). Checks `wurzel` and all its descendants that take focus."""
    probleme: list[str] = []
    geprueft = 0
    for w in [wurzel, *wurzel.findChildren(QWidget)]:
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isEnabled():
            continue
        if not _gemeint_sichtbar(w, wurzel) or _teil_eines_anderen(w, wurzel):
            continue
        if w.isWindow() and w is not wurzel:
            continue
        geprueft += 1
        schnittstelle = QAccessible.queryAccessibleInterface(w)
        bezeichnung = f"{type(w).__name__} '{w.objectName()}'"
        if schnittstelle is None or not schnittstelle.isValid():
            probleme.append(f"{bezeichnung}: keine Barrierefreiheits-Schnittstelle")
            continue
        name = (schnittstelle.text(QAccessible.Text.Name) or "").strip()
        rolle = schnittstelle.role()
        if not name:
            probleme.append(f"{bezeichnung}: ohne Namen (Rolle {rolle.name})")
        erwartet = next((rollen for klasse, rollen in ERWARTETE_ROLLEN if isinstance(w, klasse)), None)
        if erwartet is not None and rolle not in erwartet:
            probleme.append(f"{bezeichnung}: Rolle {rolle.name}, erwartet {sorted(r.name for r in erwartet)}")
        elif erwartet is None and rolle in NICHTSSAGEND and w is not wurzel:
            probleme.append(f"{bezeichnung}: nichtssagende Rolle {rolle.name}")
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                if not w.tabText(i).replace("&", "").strip():
                    probleme.append(f"{bezeichnung}: Reiter {i} ohne Text")
    if geprueft == 0:
        probleme.append(f"{type(wurzel).__name__}: kein einziges Bedienelement gefunden")
    return probleme


def bedienelemente(wurzel: QWidget) -> int:
    """How many focusable controls the check walks (so a test can prove it looked at something)."""
    return sum(
        1
        for w in [wurzel, *wurzel.findChildren(QWidget)]
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isEnabled() and _gemeint_sichtbar(w, wurzel)
    )


def fokus() -> QWidget:
    """The widget that has the keyboard focus now (keys typed go there)."""
    w = QApplication.focusWidget()
    assert w is not None, "nichts hat den Tastaturfokus"
    return w
