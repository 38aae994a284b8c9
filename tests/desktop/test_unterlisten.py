"""Lists edited in memory inside a form (children of a Personalbogen, U1 levels of a Krankenkasse): the row under
the cursor is the row that is edited, chosen or removed — whatever order the entries were typed in."""

from __future__ import annotations

from decimal import Decimal

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from core.stammdaten import assistenzkraefte, krankenkassen
from desktop.hauptfenster import Hauptfenster
from desktop.krankenkassen import StufenDialog, prozent
from desktop.personalbogen import Personalbogen
from desktop.unterliste import EintragDialog
from tests.desktop.test_ablaeufe import ALT, STRG, aktiv, taste, tippe

pytestmark = pytest.mark.gui


def _angezeigt(tabelle: QWidget) -> str:
    return str(tabelle.currentIndex().data())  # type: ignore[attr-defined]


def test_kind_loeschen_trifft_die_zeile_unter_dem_cursor(qtbot, kontext, fuehrer, monkeypatch) -> None:
    kraft = assistenzkraefte.speichere_assistenzkraft(
        kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger")
    )
    bogen = Personalbogen(kontext, kraft.id)
    # closing after a failed assertion must not wait for the "discard changes?" question
    qtbot.addWidget(bogen, before_close_func=lambda _b: monkeypatch.setattr(bogen, "hat_aenderungen", lambda: False))
    bogen.show()
    aktiv(qtbot, bogen)
    taste(qtbot, Qt.Key.Key_5, ALT)  # tab "5 Kinder"
    liste = bogen.kinder
    for vorname in ("Zoe", "Anna"):  # typed in this order: not alphabetical

        def eintragen(dialog: QDialog, v: str = vorname) -> None:
            assert fokus() is dialog.formular.felder["vorname"].eingabe
            tippe(qtbot, v)
            taste(qtbot, Qt.Key.Key_Return)

        fuehrer.dann(eintragen, EintragDialog)
        liste.knopf_neu.setFocus()
        taste(qtbot, Qt.Key.Key_Space)  # Kind hinzu&fügen
        qtbot.waitUntil(lambda v=vorname: any(k.vorname == v for k in liste.eintraege))
        aktiv(qtbot, bogen)
    assert fokus() is liste.tabelle
    assert _angezeigt(liste.tabelle) == "Anna"  # the cursor is on the child just added
    taste(qtbot, Qt.Key.Key_Home)
    taste(qtbot, Qt.Key.Key_Up)
    oben = _angezeigt(liste.tabelle)
    taste(qtbot, Qt.Key.Key_L, ALT)  # Kind &löschen (a button's shortcut clicks it a moment later)
    qtbot.waitUntil(lambda: len(liste.eintraege) == 1)
    assert [k.vorname for k in liste.eintraege] == [v for v in ("Zoe", "Anna") if v != oben]
    bogen.speichern()
    assert [k.vorname for k in assistenzkraefte.lade_assistenzkraft(kontext.datenbank, kraft.id).kinder] == [
        v for v in ("Zoe", "Anna") if v != oben
    ]


def test_u1_stufe_waehlen_trifft_die_zeile_unter_dem_cursor(qtbot, fenster: Hauptfenster, fuehrer) -> None:
    db = fenster.kontext.datenbank
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_2, ALT)
    kassen = seite.seiten["krankenkassen"]
    kassen.kassen_tabelle.setFocus()
    taste(qtbot, Qt.Key.Key_N, ALT)  # &Neue Krankenkasse → the cursor is in its name
    qtbot.waitUntil(lambda: fokus() is kassen.stamm.felder["name"].eingabe)
    tippe(qtbot, "IKK test")
    for umlage, erstattung in (("2,3", "70"), ("1,6", "50")):  # the higher rate first

        def stufe_eintragen(dialog: QDialog, u: str = umlage, e: str = erstattung) -> None:
            tippe(qtbot, u)
            taste(qtbot, Qt.Key.Key_Tab)
            tippe(qtbot, e)
            taste(qtbot, Qt.Key.Key_Return)

        fuehrer.dann(stufe_eintragen, StufenDialog)
        anzahl = kassen.stufen_modell.rowCount() + 1
        taste(qtbot, Qt.Key.Key_F, ALT)  # Stufe hinzu&fügen
        qtbot.waitUntil(lambda n=anzahl: kassen.stufen_modell.rowCount() == n or bool(fuehrer.offen_geblieben))
        assert fuehrer.offen_geblieben == []
        aktiv(qtbot, fenster)
    assert fokus() is kassen.stufen_tabelle
    assert _angezeigt(kassen.stufen_tabelle) == prozent(Decimal("1.6"))  # the level just added
    taste(qtbot, Qt.Key.Key_Home)
    taste(qtbot, Qt.Key.Key_Up)
    oben = _angezeigt(kassen.stufen_tabelle)
    taste(qtbot, Qt.Key.Key_W, ALT)  # Diese Stufe &wählen
    jahr = kassen._aktuelles_jahr()
    assert jahr is not None
    qtbot.waitUntil(lambda: jahr.gewaehlte_u1_stufe is not None)
    assert jahr.gewaehlte_u1_stufe is not None
    assert prozent(jahr.gewaehlte_u1_stufe.umlage_prozent) == oben
    taste(qtbot, Qt.Key.Key_S, STRG)  # Krankenkasse &speichern
    qtbot.waitUntil(lambda: any(k.name == "IKK test" for k in krankenkassen.liste_krankenkassen(db)))
    ikk = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "IKK test")
    gespeichert = ikk.jahre[0].gewaehlte_u1_stufe
    assert gespeichert is not None and prozent(gespeichert.umlage_prozent) == oben


def test_geschlossene_dialoge_der_unterliste_werden_freigegeben(qtbot, kontext, fuehrer, monkeypatch) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    bogen = Personalbogen(kontext)
    qtbot.addWidget(bogen, before_close_func=lambda _b: monkeypatch.setattr(bogen, "hat_aenderungen", lambda: False))
    bogen.show()
    aktiv(qtbot, bogen)
    taste(qtbot, Qt.Key.Key_5, ALT)  # tab "5 Kinder"
    for _ in range(3):
        fuehrer.dann(lambda _d: taste(qtbot, Qt.Key.Key_Escape), EintragDialog)
        bogen.kinder.knopf_neu.setFocus()
        taste(qtbot, Qt.Key.Key_Space)  # Kind hinzu&fügen, then Escape
        qtbot.waitUntil(lambda: len(fuehrer.gesehen) == 3 or QApplication.activeModalWidget() is None)
        aktiv(qtbot, bogen)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert bogen.findChildren(QDialog) == []
