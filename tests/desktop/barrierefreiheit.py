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
    QStyleOptionViewItem,
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


def _kuerzel(text: str) -> str | None:
    """The letter after a single "&" (Alt+letter), lower case; "&&" is a literal ampersand."""
    teile = text.replace("&&", "").split("&", 1)
    return teile[1][:1].lower() if len(teile) == 2 and teile[1] else None


def doppelte_kuerzel(wurzel: QWidget) -> list[str]:
    """Alt+letter used twice among what is visible and enabled in `wurzel`'s window (menu bar included).

    Qt lets ambiguous mnemonics cycle: the first press only moves the focus and a check box is not toggled, so a
    keyboard user never knows where Alt+letter will land. Returns readable lines (empty: every letter unique).
    """
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QMenuBar

    fenster = wurzel.window()
    belegt: dict[str, list[str]] = {}
    for w in [fenster, *fenster.findChildren(QWidget)]:
        if w.window() is not fenster or not w.isEnabled() or not (w is fenster or w.isVisibleTo(fenster)):
            continue
        texte: list[str] = []
        if isinstance(w, QLabel) and w.buddy() is not None:
            texte.append(w.text())
        elif isinstance(w, QAbstractButton):
            texte.append(w.text())
        elif isinstance(w, QTabBar):
            texte += [w.tabText(i) for i in range(w.count()) if w.isTabEnabled(i) and w.isTabVisible(i)]
        elif isinstance(w, QGroupBox):
            texte.append(w.title())
        elif isinstance(w, QMenuBar):
            texte += [a.text() for a in w.actions() if a.isVisible() and a.isEnabled()]
        for text in texte:
            buchstabe = _kuerzel(text)
            if buchstabe:
                belegt.setdefault(buchstabe, []).append(text.replace("\n", " "))
    return [f"Alt+{b.upper()}: {' | '.join(t)}" for b, t in sorted(belegt.items()) if len(t) > 1]


def abgeschnittene_zellen(tabelle: QTableView) -> list[str]:
    """Cells that need more room than they have, as the item delegate lays out their text in the cell's width (Qt
    wraps at spaces; a word wider than the cell is cut, with or without "…"). Comparing a row's height with its size
    hint (`_abgeschnittene_zeilen`) never saw a word cut sideways: "(heute)" in a 36-pixel "Tag" column at 200 %
    gave a row exactly as high as its hint."""
    funde = []
    modell, delegat = tabelle.model(), tabelle.itemDelegate()
    for reihe in range(modell.rowCount()):
        for spalte in range(modell.columnCount()):
            if tabelle.isColumnHidden(spalte):
                continue
            index = modell.index(reihe, spalte)
            option = QStyleOptionViewItem()
            tabelle.initViewItemOption(option)
            option.rect = tabelle.visualRect(index)  # where the cell is painted (the grid line left out)
            noetig = delegat.sizeHint(option, index)
            if noetig.width() > option.rect.width() or noetig.height() > option.rect.height():
                name = tabelle.accessibleName() or tabelle.objectName()
                funde.append(
                    f"„{name}“, Zeile {reihe + 1}: „{index.data()}“ braucht {noetig.width()}×{noetig.height()}, "
                    f"hat {option.rect.width()}×{option.rect.height()} Pixel"
                )
    return funde


def abgeschnittene_titel(tabelle: QTableView) -> list[str]:
    """Column titles with a line wider than their column (`Kopfzeile` wraps and hyphenates them to fit)."""
    from desktop.tabellen import PassendeTabelle

    if not isinstance(tabelle, PassendeTabelle):
        return []
    kopf = tabelle.kopfzeile
    metrik = kopf._metrik()
    return [
        f"„{tabelle.accessibleName()}“, Spalte „{kopf.titel(s)}“: „{zeile}“ breiter als die Spalte"
        for s in range(kopf.count())
        if not kopf.isSectionHidden(s)
        for zeile in kopf.zeilen(s, kopf.sectionSize(s))
        if metrik.horizontalAdvance(zeile) + kopf.rand(s) > kopf.sectionSize(s)
    ]
