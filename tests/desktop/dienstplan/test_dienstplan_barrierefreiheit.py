"""Every Dienstplan dialog and the area with data: each control a screen reader reaches has a name and a role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from barrierefreiheit import (
    abgeschnittene_titel,
    abgeschnittene_zellen,
    bedienelemente,
    doppelte_kuerzel,
    pruefe_barrierefreiheit,
)
from PySide6.QtWidgets import QApplication, QWidget

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.dienstplan.vorlagen import schicht_aus_vorlage
from desktop.dienstplan.abwesenheit_dialog import AbwesenheitDialog
from desktop.dienstplan.auswahl import AuswahlDialog
from desktop.dienstplan.bedarf_dialog import BedarfDialog
from desktop.dienstplan.bereich import DienstplanBereich
from desktop.dienstplan.istzeit_dialog import IstzeitDialog
from desktop.dienstplan.kopieren_dialog import KopierenDialog
from desktop.dienstplan.muster_dialog import MusterDialog
from desktop.dienstplan.person import UebertragDialog
from desktop.dienstplan.schicht_dialog import SchichtDialog
from desktop.dienstplan.vorlagen_dialog import VorlagenDialog
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.dienstplan.tasten import MONTAG

pytestmark = pytest.mark.gui

PERSONEN = [(1, "Sabine"), (2, "Jörg")]
LEISTUNGSARTEN = [("HZP", "HZP – Hilfe zur Pflege"), ("PK", "PK – Pflegekasse")]


def _schicht(h: Haushalt) -> Any:
    vorlage = next(v for v in dienst.liste_vorlagen(h.db) if v.name == "Frühdienst")
    return dienst.plane(h.db, schicht_aus_vorlage(vorlage, MONTAG, h.sabine)).schichten_neu[0]


DIALOGE: dict[str, Callable[[Haushalt], QWidget]] = {
    "Schicht neu": lambda h: SchichtDialog(PERSONEN, dienst.liste_vorlagen(h.db), LEISTUNGSARTEN, tag=MONTAG),
    "Schicht ändern": lambda h: SchichtDialog(
        PERSONEN, dienst.liste_vorlagen(h.db), LEISTUNGSARTEN, schicht=_schicht(h)
    ),
    "Abwesenheit": lambda h: AbwesenheitDialog(
        PERSONEN, lambda p, v, b: dienst.schichten_von(h.db, p, v, b), person=h.joerg, tag=MONTAG
    ),
    "Abwesenheit ändern": lambda h: AbwesenheitDialog(
        PERSONEN,
        lambda p, v, b: [],
        abwesenheit=Abwesenheit(h.joerg, Abwesenheitsart.KRANK, MONTAG, MONTAG, id=7),
    ),
    "Tatsächliche Zeit": lambda h: IstzeitDialog(_schicht(h), "Sabine"),
    "Bedarf": lambda h: BedarfDialog(None, LEISTUNGSARTEN, gueltig_ab=date(2026, 3, 1)),
    "Vorlagen": lambda h: VorlagenDialog(h.db, LEISTUNGSARTEN),
    "Muster": lambda h: MusterDialog(h.db, PERSONEN, date(2026, 3, 1)),
    "Woche kopieren": lambda h: KopierenDialog(h.db, dict(PERSONEN), woche=True, tag=MONTAG),
    "Monat kopieren": lambda h: KopierenDialog(h.db, dict(PERSONEN), woche=False, tag=MONTAG),
    "Urlaubsübertrag": lambda h: UebertragDialog("Sabine", 2026, None),
    "Auswahl": lambda h: AuswahlDialog("Schicht wählen", "&Welche Schicht?", [(1, "Sabine 07:00–14:00")]),
}


@pytest.mark.parametrize("name", list(DIALOGE))
def test_dialog(qtbot: Any, einstellungen: Any, haushalt: Haushalt, name: str) -> None:
    dialog = DIALOGE[name](haushalt)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() and dialog.accessibleName()
    assert bedienelemente(dialog) > 1
    assert pruefe_barrierefreiheit(dialog) == []
    assert doppelte_kuerzel(dialog) == []


def test_bereich_mit_daten_und_beiden_ansichten(qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt) -> None:
    _schicht(haushalt)
    dienst.trage_abwesenheit_ein(haushalt.db, Abwesenheit(haushalt.joerg, Abwesenheitsart.URLAUB, MONTAG, MONTAG))
    bereich.lade()
    assert pruefe_barrierefreiheit(bereich) == []
    bereich.reiter.setCurrentWidget(bereich.person)
    # both tables of the person view filled (an empty table has no cells to name): Sabine's shift, Jörg's leave
    bereich.person.waehle_person(haushalt.sabine)
    assert bereich.person.schicht_modell.rowCount() == 1
    assert pruefe_barrierefreiheit(bereich) == []
    bereich.person.waehle_person(haushalt.joerg)
    assert bereich.person.abw_modell.rowCount() == 1
    assert pruefe_barrierefreiheit(bereich) == []
    # the menus of the area: every entry has a text
    for knopf in (bereich.knopf_schicht, bereich.knopf_abwesenheit, bereich.knopf_planung, bereich.knopf_export):
        assert all(a.text().strip() for a in knopf.menu().actions() if not a.isSeparator())


def test_hinweise_und_ihre_schichten_bei_200_prozent_in_ganzen_woertern(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt
) -> None:
    """The area as wide as at 200 % on 1280×800 (440 logical pixels): the month's Hinweise read "Wa…", "Mo 23…" and
    "innerh…" beside a wide "Rechtsgrundlage"; her shifts "Di …", "14:00–…", "Sp…". Now every word of a cell is whole
    (a night shift's "(Folgetag)" too, "Beschäftigungsverbot" broken at a syllable), the lists do not scroll
    sideways, and "Art" gives way saying where it is."""
    for vorlage, tag, person in (
        ("Frühdienst", MONTAG + timedelta(days=5), haushalt.rudolf),  # 15 hours in a day: an ArbZG warning
        ("Spätdienst", MONTAG + timedelta(days=5), haushalt.rudolf),
        ("Nachtbereitschaft", MONTAG, haushalt.joerg),
        ("Frühdienst", MONTAG + timedelta(days=1), haushalt.joerg),
    ):
        v = next(v for v in dienst.liste_vorlagen(haushalt.db) if v.name == vorlage)
        notiz = "Krankenhausbegleitung" if vorlage == "Nachtbereitschaft" else ""  # a long word in her note
        dienst.plane(haushalt.db, schicht_aus_vorlage(v, tag, person).mit(notiz=notiz))
    # "Beschäftigungsverbot" is wider than a narrow column: it breaks at a syllable ("Beschäfti-gungsverbot")
    verbot = Abwesenheitsart.BESCHAEFTIGUNGSVERBOT
    tage = (MONTAG + timedelta(days=2), MONTAG + timedelta(days=3))
    dienst.trage_abwesenheit_ein(haushalt.db, Abwesenheit(haushalt.joerg, verbot, *tage))
    bereich.lade()
    bereich.resize(440, 700)
    for _ in range(3):
        QApplication.processEvents()
    assert bereich.hinweis_modell.rowCount() >= 2
    funde = abgeschnittene_zellen(bereich.hinweise) + abgeschnittene_titel(bereich.hinweise)
    person = bereich.person
    bereich.reiter.setCurrentWidget(person)
    for wer in range(person.auswahl.count()):
        person.auswahl.setCurrentIndex(wer)
        for _ in range(3):
            QApplication.processEvents()
        for liste in (person.schichten, person.abwesenheiten):
            funde += abgeschnittene_zellen(liste) + abgeschnittene_titel(liste)
        for liste in (person.schichten, person.abwesenheiten, bereich.hinweise):
            if liste.mindestbreite() > liste.width() or liste.horizontalScrollBar().maximum() > 0:
                funde.append(f"„{liste.accessibleName()}“ ({person.auswahl.currentText()}) zu breit")
    assert funde == []
    person.waehle_person(haushalt.joerg)
    assert person.abw_modell.rowCount() == 1
    assert person.abw_modell.index(0, 0).data().replace("\u00ad", "") == "Beschäftigungsverbot"
    assert person.schichten.isColumnHidden(2)  # "Art"
    assert "Aus Platzgründen ausgeblendet: Art (im Monatsplan)." in person.schichten.accessibleDescription()
