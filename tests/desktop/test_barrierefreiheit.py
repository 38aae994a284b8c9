"""Every area and dialog: each control a screen reader reaches has a name and a sensible role."""

from __future__ import annotations

import pytest
from barrierefreiheit import bedienelemente, doppelte_kuerzel, pruefe_barrierefreiheit
from dialogkatalog import DIALOGE
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.bereiche import BEREICHE
from desktop.hauptfenster import Fehlerseite, Hauptfenster
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui


def test_die_pruefung_findet_ein_unbenanntes_feld(qtbot) -> None:
    seite = QWidget()
    qtbot.addWidget(seite)
    spalte = QVBoxLayout(seite)
    spalte.addWidget(QLineEdit())
    spalte.addWidget(QPushButton("&Speichern"))
    probleme = pruefe_barrierefreiheit(seite)
    assert len(probleme) == 1 and "QLineEdit" in probleme[0] and "ohne Namen" in probleme[0]


@pytest.mark.parametrize("schluessel", [b.schluessel for b in BEREICHE])
def test_bereich(qtbot, geteiltes_fenster: Hauptfenster, schluessel: str) -> None:
    fenster = geteiltes_fenster
    fenster.zeige_bereich(schluessel)
    seite = fenster.seite(schluessel)
    qtbot.waitUntil(lambda: getattr(seite, "nachgeladen", True))  # the start page fills in once it is on screen
    assert not isinstance(seite, Fehlerseite), seite.hinweis.text()
    assert bedienelemente(seite) > 0
    assert pruefe_barrierefreiheit(seite) == []


def test_hauptfenster_mit_navigation(fenster: Hauptfenster) -> None:
    assert pruefe_barrierefreiheit(fenster) == []


def _dialoge(kontext: Kontext):
    from datetime import date
    from decimal import Decimal

    from core.stammdaten import assistenzkraefte, unfallkassen, vertraege
    from desktop.arbeitgeber import Ersteinrichtung, UnfallkasseDialog
    from desktop.krankenkassen import StufenDialog
    from desktop.personalbogen import Personalbogen, _job_bauen, _kind_bauen
    from desktop.unterliste import EintragDialog
    from desktop.vertraege import VertragDialog

    kraft = assistenzkraefte.speichere_assistenzkraft(
        kontext.datenbank, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Beispiel")
    )
    vertrag = vertraege.VertragDaten(
        assistenzkraft_id=kraft.id, gueltig_ab=date(2026, 1, 1), eintritt=date(2026, 1, 1), lohnsatz=Decimal("15.50")
    )
    return {
        "ersteinrichtung": lambda: Ersteinrichtung(kontext),
        "personalbogen_neu": lambda: Personalbogen(kontext),
        "personalbogen": lambda: Personalbogen(kontext, kraft.id),
        "vertrag": lambda: VertragDialog(kontext, vertrag, None),
        "u1_stufe": lambda: StufenDialog(None, None),
        "unfallkasse": lambda: UnfallkasseDialog(kontext, unfallkassen.UnfallkasseDaten(), None),
        "kind": lambda: EintragDialog("Kind", _kind_bauen, {}, None, None),
        "beschaeftigung": lambda: EintragDialog("Beschäftigung", _job_bauen, {}, None, None),
    }


@pytest.mark.parametrize(
    "name",
    [
        "ersteinrichtung",
        "personalbogen_neu",
        "personalbogen",
        "vertrag",
        "u1_stufe",
        "unfallkasse",
        "kind",
        "beschaeftigung",
    ],
)
def test_dialog(qtbot, kontext: Kontext, name: str, monkeypatch) -> None:
    from desktop import meldungen

    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: True)
    dialog = _dialoge(kontext)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    assert bedienelemente(dialog) > 3
    assert pruefe_barrierefreiheit(dialog) == []
    assert doppelte_kuerzel(dialog) == []
    if name == "ersteinrichtung":  # every page of the assistant up to the checklist
        dialog.maske.feld("nachname").setze("Assistenzgeberin")
        dialog.maske.feld("bundesland").setze("BW")
        for seite in ("betrieb", "unfall", "bank", "checkliste"):
            dialog.next()
            assert dialog.currentPage() is dialog.seiten[seite]
            assert pruefe_barrierefreiheit(dialog) == []
            assert doppelte_kuerzel(dialog) == [], seite


@pytest.mark.parametrize("name", sorted(DIALOGE))
def test_jeder_dialog_des_katalogs(qtbot, demo_kontext: Kontext, name: str, monkeypatch) -> None:
    """Every dialog of the program (tests/desktop/dialogkatalog.py) on the example household, every tab of it."""
    from fokuskette import jede_ansicht

    from desktop import meldungen

    monkeypatch.setattr(meldungen, "frage", lambda *a, **k: True)
    dialog = DIALOGE[name](demo_kontext)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() and dialog.accessibleName()
    for wo in jede_ansicht(dialog):
        assert pruefe_barrierefreiheit(dialog) == [], wo
        assert doppelte_kuerzel(dialog) == [], wo
