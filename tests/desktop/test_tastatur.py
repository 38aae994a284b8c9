"""Keyboard rules of every window (desktop/tastatur.py): Alt+letter never types, every dialog button has an
Alt+letter, menus open on their first entry and show their keys, the focused control has a visible ring."""

from __future__ import annotations

import pytest
from barrierefreiheit import doppelte_kuerzel, fokus
from dialogkatalog import DIALOGE
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu, QVBoxLayout, QWidget

from desktop.hauptfenster import Hauptfenster
from desktop.kontext import Kontext
from desktop.tastatur import Fokusrahmen, kontrast, kuerzel, ringfarbe

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


def _aktiv(qtbot, w: QWidget) -> None:
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def test_alt_buchstabe_ohne_ziel_tippt_nichts(qtbot, demo_kontext: Kontext) -> None:
    """Issue 13: Alt+O in the contract dialog's Wochenstunden gave "24o"."""
    dialog = DIALOGE["vertrag"](demo_kontext)
    _aktiv(qtbot, dialog)
    feld = dialog._feld("wochenstunden").eingabe
    dialog.reiter.setCurrentIndex(1)
    assert isinstance(feld, QLineEdit)
    feld.setFocus()
    qtbot.waitUntil(lambda: fokus() is feld)
    feld.setText("24")
    belegt = {b for b in "abcdefghijklmnopqrstuvwxyz" if b in _belegte_buchstaben(dialog)}
    frei = next(b for b in "qxyjvz" if b not in belegt)
    qtbot.keyClick(feld, frei, ALT)
    assert feld.text() == "24"
    assert fokus() is feld


def _belegte_buchstaben(fenster: QWidget) -> set[str]:
    from desktop.tastatur import belegte_kuerzel

    return belegte_kuerzel(fenster)


def test_alt_buchstabe_mit_ziel_springt_weiter(qtbot, demo_kontext: Kontext) -> None:
    dialog = DIALOGE["vertrag"](demo_kontext)
    _aktiv(qtbot, dialog)
    dialog.reiter.setCurrentIndex(1)
    wochenstunden = dialog._feld("wochenstunden").eingabe
    qtbot.keyClick(fokus(), Qt.Key.Key_W, ALT)  # &Wochenstunden
    assert fokus() is wochenstunden


@pytest.mark.parametrize("name", list(DIALOGE))
def test_jeder_dialogknopf_hat_ein_eigenes_kuerzel(qtbot, demo_kontext: Kontext, name: str, monkeypatch) -> None:
    from desktop import meldungen

    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: True)
    dialog = DIALOGE[name](demo_kontext)
    _aktiv(qtbot, dialog)
    abbrechen = (QDialogButtonBox.ButtonRole.RejectRole, QDialogButtonBox.ButtonRole.NoRole)
    ohne = [
        k.text()
        for kasten in dialog.findChildren(QDialogButtonBox)
        for k in kasten.buttons()
        if not kuerzel(k.text()) and kasten.buttonRole(k) not in abbrechen  # Escape cancels
    ]
    assert ohne == []
    assert doppelte_kuerzel(dialog) == []


def test_ok_im_vertrag_hat_ein_kuerzel(qtbot, demo_kontext: Kontext) -> None:
    dialog = DIALOGE["vertrag"](demo_kontext)
    _aktiv(qtbot, dialog)
    (kasten,) = dialog.findChildren(QDialogButtonBox)
    ok = kasten.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "&OK"


def test_menue_oeffnet_mit_dem_ersten_eintrag(qtbot, demo_fenster: Hauptfenster) -> None:
    """Alt+S opens the Schicht menu with "Neue Schicht" selected: Return opens its dialog at once."""
    qtbot.keyClick(demo_fenster, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    seite = demo_fenster.seite("dienstplan")
    seite.raster.setFocus()
    qtbot.keyClick(fokus(), Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menue = QApplication.activePopupWidget()
    assert isinstance(menue, QMenu)
    assert menue.activeAction() is seite.a_neu
    menue.close()


def test_schichtmenue_zeigt_die_tasten_der_f1_hilfe(demo_fenster: Hauptfenster) -> None:
    from desktop.dienstplan.bereich import TASTEN

    seite = demo_fenster.seite("dienstplan")
    hilfe = "\n".join(TASTEN)
    mit_tasten = [a for a in seite.knopf_schicht.menu().actions() if a.shortcuts()]
    assert len(mit_tasten) >= 10
    for aktion in mit_tasten:
        assert aktion.isShortcutVisibleInContextMenu(), aktion.text()
        erste = aktion.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert erste in hilfe, (aktion.text(), erste)


def test_fokusring_umgibt_das_feld(qtbot, einstellungen) -> None:
    seite = QWidget()
    spalte = QVBoxLayout(seite)
    erstes, zweites = QLineEdit(), QLineEdit()
    spalte.addWidget(erstes)
    spalte.addWidget(zweites)
    _aktiv(qtbot, seite)
    zweites.setFocus()
    qtbot.waitUntil(lambda: fokus() is zweites)
    (ring,) = [r for r in seite.findChildren(Fokusrahmen) if r.isVisible()]
    assert ring.ziel is zweites
    assert ring.geometry().contains(zweites.geometry()) and ring.geometry() != zweites.geometry()
    qtbot.keyClick(zweites, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    (ring,) = [r for r in seite.findChildren(Fokusrahmen) if r.isVisible()]
    assert ring.ziel is erstes


def _palette(fenster: str, text: str, hervorhebung: str) -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(fenster))
    p.setColor(QPalette.ColorRole.WindowText, QColor(text))
    p.setColor(QPalette.ColorRole.Highlight, QColor(hervorhebung))
    return p


@pytest.mark.parametrize(
    ("fenster", "text", "hervorhebung"),
    [
        ("#efefef", "#000000", "#308cc6"),  # Fusion's light palette
        ("#2b2b2b", "#ffffff", "#2a82da"),  # a dark theme
        ("#000000", "#ffffff", "#1aebff"),  # high contrast (Windows "Kontrast schwarz")
        ("#ffffff", "#000000", "#37006e"),  # high contrast white
        ("#efefef", "#000000", "#e8e8e8"),  # a theme whose highlight is almost the window colour
    ],
    ids=["hell", "dunkel", "kontrast-schwarz", "kontrast-weiss", "blasse-hervorhebung"],
)
def test_fokusring_hebt_sich_ab(fenster: str, text: str, hervorhebung: str) -> None:
    """WCAG 1.4.11: the ring's colour has at least 3:1 against the window, whatever the palette."""
    palette = _palette(fenster, text, hervorhebung)
    assert kontrast(ringfarbe(palette), palette.color(QPalette.ColorRole.Window)) >= 3


def test_kontrast_nach_wcag() -> None:
    """Worked values: black on white is 21:1; #767676 on white is the classic 4.54:1 (WebAIM)."""
    assert kontrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert kontrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


def test_keine_festen_farben_in_der_oberflaeche() -> None:
    """High contrast and dark themes: no window, page or model sets its own colours (the palette decides)."""
    import re
    from pathlib import Path

    import desktop

    muster = re.compile(r"setStyleSheet|QColor\(\"#|Qt\.GlobalColor\.|BackgroundRole|ForegroundRole|setPalette")
    erlaubt = {"tastatur.py"}  # computes the ring's colour from the palette
    treffer = [
        f"{pfad.name}:{nr}"
        for pfad in Path(desktop.__file__).parent.rglob("*.py")
        if pfad.name not in erlaubt
        for nr, zeile in enumerate(pfad.read_text(encoding="utf-8").splitlines(), 1)
        if muster.search(zeile)
    ]
    assert treffer == []
