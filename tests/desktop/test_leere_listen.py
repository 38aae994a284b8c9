"""An empty list says what to do next (issue 13, finding 10: empty white space told a new user nothing).

Every list is made by `desktop.tabellen.sortierbare_tabelle`, so the hint lives there once (`Liste`); this test
opens every area and tab of a new, empty data file and asks each visible empty list what it says.
"""

from __future__ import annotations

import pytest
from bildschirmfotos import _ansichten
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.bereiche import BEREICHE
from desktop.hauptfenster import Hauptfenster
from desktop.tabellen import Liste, Spalte, ZeilenModell, sortierbare_tabelle

pytestmark = pytest.mark.gui
ALLGEMEIN = "Noch keine Einträge."


def test_leere_liste_sagt_was_zu_tun_ist(qtbot) -> None:
    modell: ZeilenModell[str] = ZeilenModell([Spalte("Name", lambda z: z)])
    tabelle, filter_ = sortierbare_tabelle(modell, "Personen", "Eingabetaste öffnet")
    qtbot.addWidget(tabelle)
    neu = QPushButton("N&eue Person …")
    qtbot.addWidget(neu)
    tabelle.leer_sagt("Noch keine Person.", neu)
    assert tabelle.leerhinweis() == "Noch keine Person. Mit „Neue Person …“ (Alt+E) anlegen."
    # a screen reader hears it too (before the list's own description)
    assert (
        tabelle.accessibleDescription() == "Noch keine Person. Mit „Neue Person …“ (Alt+E) anlegen. Eingabetaste öffnet"
    )
    neu.setShortcut("Ctrl+N")
    assert "(Strg+N)" in tabelle.leerhinweis()

    modell.setze_zeilen(["Berger"])
    assert tabelle.leerhinweis() == "" and tabelle.accessibleDescription() == "Eingabetaste öffnet"
    filter_.setFilterFixedString("Adler")
    assert tabelle.leerhinweis() == "Keine Zeile passt zur Suche oder zum Filter."

    neu.setEnabled(False)  # a button that cannot be used now is not offered
    modell.setze_zeilen([])
    assert tabelle.leerhinweis() == "Noch keine Person."
    tabelle.resize(400, 200)
    tabelle.show()
    qtbot.waitExposed(tabelle)
    tabelle.grab()  # paints the hint (a failure in paintEvent would be a Qt warning, and the test fails)


def test_jede_leere_liste_im_programm_gibt_einen_hinweis(qtbot, fenster: Hauptfenster) -> None:
    stumm = []
    gesehen = 0
    for b in BEREICHE:
        fenster.zeige_bereich(b.schluessel)
        seite = fenster.seite(b.schluessel)
        for ansicht in _ansichten(seite):
            QApplication.processEvents()
            for liste in seite.findChildren(Liste):
                if not liste.isVisible() or liste.model().rowCount():
                    continue
                gesehen += 1
                if liste.leerhinweis() in ("", ALLGEMEIN):
                    stumm.append(f"{b.schluessel}{ansicht}: {liste.accessibleName()}")
    assert gesehen >= 5  # the new file has no assistants, contracts, claims, grants, …
    assert stumm == [], "Leere Listen ohne Hinweis, was zu tun ist (leer=… oder Liste.leer_sagt):\n" + "\n".join(stumm)


def test_assistenzkraefte_leer_dann_suche_ohne_treffer(qtbot, fenster: Hauptfenster) -> None:
    qtbot.keyClick(fenster, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    bereich = fenster.seite("assistenzkraefte")
    assert bereich.tabelle.leerhinweis() == (
        "Noch keine Assistenzkraft (und keine Bewerberin). Mit „Neue Assistenzkraft …“ (Strg+N) anlegen."
    )
    assert isinstance(bereich.findChild(QLineEdit), QLineEdit)
