"""Whole tasks by keyboard alone, checked against what the services stored.

Krankenkasse with a new year, Zusatzbeitrag and a chosen U1 level; a contract and its next version with the
statutory minimum leave; a checklist point ticked with Space; the Personalbogen PDF (filled and blank) and the
DSGVO export written in the background; erasing a person (refused for an employee with the reason, allowed for
an applicant after confirming).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from core.stammdaten import assistenzkraefte, checkliste, krankenkassen, vertraege
from desktop.hauptfenster import Hauptfenster
from desktop.krankenkassen import StufenDialog
from desktop.tabellen import aktuelle_zeile
from desktop.vertraege import VertragDialog
from tests.pdf import pdf_text

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier
STRG = Qt.KeyboardModifier.ControlModifier
KEINE = Qt.KeyboardModifier.NoModifier


def taste(qtbot: Any, key: Qt.Key, mod: Qt.KeyboardModifier = KEINE) -> None:
    qtbot.keyClick(fokus(), key, mod)


def tippe(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(fokus(), text)


def ersetze(qtbot: Any, text: str) -> None:
    """Select what the focused field holds and type over it."""
    taste(qtbot, Qt.Key.Key_A, STRG)
    tippe(qtbot, text)


def aktiv(qtbot: Any, fenster: QWidget) -> None:
    """The offscreen platform has no window manager that gives the activation back after a dialog closes."""
    fenster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is fenster)


class Meldungen:
    """Stands in for QMessageBox.exec: records each box and answers it (Yes for questions, else OK)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, ja: bool = True) -> None:
        self.boxen: list[dict[str, Any]] = []

        def exec_ersatz(box: QMessageBox) -> int:
            standard = box.defaultButton()
            self.boxen.append(
                {
                    "titel": box.windowTitle(),
                    "text": box.text(),
                    "beschreibung": box.accessibleDescription(),
                    "standard": standard.text().replace("&", "") if standard else "",
                }
            )
            knoepfe = [box.standardButton(k) for k in box.buttons()]
            if QMessageBox.StandardButton.Yes in knoepfe:
                return int(QMessageBox.StandardButton.Yes if ja else QMessageBox.StandardButton.No)
            return int(QMessageBox.StandardButton.Ok)

        monkeypatch.setattr(QMessageBox, "exec", exec_ersatz)


# --- Einstellungen → Krankenkassen ----------------------------------------------------------------------------------
def test_krankenkasse_neues_jahr_zusatzbeitrag_und_u1_stufe(qtbot, fenster: Hauptfenster, fuehrer) -> None:
    db = fenster.kontext.datenbank
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_2, ALT)  # tab "2 Krankenkassen"
    kassen = seite.seiten["krankenkassen"]
    assert kassen.isVisible()
    kassen.kassen_tabelle.setFocus()

    taste(qtbot, Qt.Key.Key_N, ALT)  # &Neue Krankenkasse → the cursor is in its name
    qtbot.waitUntil(lambda: fokus() is kassen.stamm.felder["name"].eingabe)
    tippe(qtbot, "AOK Bayern")
    taste(qtbot, Qt.Key.Key_C, ALT)  # Sitzland (Fristbere&chnung): its holidays count
    assert fokus() is kassen.stamm.felder["sitz_land"].eingabe
    tippe(qtbot, "Bay")
    assert kassen.stamm.felder["sitz_land"].eingabe.currentData() == "BY"

    # Jahr hinzufü&gen: the input dialog proposes the next year; Enter takes it
    def jahr_bestaetigen(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog) and dialog.intValue() == date.today().year + 1
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    fuehrer.dann(jahr_bestaetigen, QInputDialog)
    taste(qtbot, Qt.Key.Key_G, ALT)
    naechstes = date.today().year + 1
    qtbot.waitUntil(lambda: kassen.jahr_box.currentData() == naechstes)
    aktiv(qtbot, fenster)
    assert fokus() is kassen.jahr_formular.felder["zusatzbeitrag_prozent"].eingabe
    tippe(qtbot, "2,9")

    # two U1 levels (Stufe hinzu&fügen), the second one chosen (Diese Stufe &wählen)
    for anzahl, (umlage, erstattung) in enumerate((("1,6", "50"), ("2,3", "70")), start=1):

        def stufe_eintragen(dialog: QDialog, u: str = umlage, e: str = erstattung) -> None:
            assert fokus() is dialog.formular.felder["umlage_prozent"].eingabe
            tippe(qtbot, u)
            taste(qtbot, Qt.Key.Key_Tab)
            tippe(qtbot, e)
            taste(qtbot, Qt.Key.Key_Return)

        fuehrer.dann(stufe_eintragen, StufenDialog)
        taste(qtbot, Qt.Key.Key_F, ALT)
        qtbot.waitUntil(lambda n=anzahl: kassen.stufen_modell.rowCount() == n)
        aktiv(qtbot, fenster)
    assert fokus() is kassen.stufen_tabelle
    taste(qtbot, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: "Erstattung 70 %" in kassen.gewaehlt_text.text())

    taste(qtbot, Qt.Key.Key_S, STRG)  # Krankenkasse &speichern (Strg+S)
    qtbot.waitUntil(lambda: any(k.name == "AOK Bayern" for k in krankenkassen.liste_krankenkassen(db)))
    aok = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "AOK Bayern")
    assert aok.sitz_land == "BY"
    jahr = aok.jahr(naechstes)
    assert jahr is not None and jahr.zusatzbeitrag_prozent == Decimal("2.9")
    assert [(s.umlage_prozent, s.erstattung_prozent) for s in jahr.u1_stufen] == [
        (Decimal("1.6"), Decimal("50")),
        (Decimal("2.3"), Decimal("70")),
    ]
    gewaehlt = jahr.gewaehlte_u1_stufe
    assert gewaehlt is not None and gewaehlt.umlage_prozent == Decimal("2.3")


def test_krankenkasse_zusatzbeitrag_aendern_und_falsche_eingabe(qtbot, fenster: Hauptfenster) -> None:
    """A typo in the Zusatzbeitrag: one German message at the field, announced, nothing saved; then corrected."""
    db = fenster.kontext.datenbank
    barmer = next(k for k in krankenkassen.liste_krankenkassen(db) if k.name == "BARMER")
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_2, ALT)
    kassen = seite.seiten["krankenkassen"]
    kassen.kassen_tabelle.setFocus()
    while kassen.kasse is None or kassen.kasse.id != barmer.id:
        taste(qtbot, Qt.Key.Key_Down)
    feld = kassen.jahr_formular.felder["zusatzbeitrag_prozent"]
    taste(qtbot, Qt.Key.Key_Z, ALT)
    assert fokus() is feld.eingabe
    ersetze(qtbot, "2,9x")
    taste(qtbot, Qt.Key.Key_S, STRG)  # the button's shortcut clicks it a moment later
    qtbot.waitUntil(lambda: feld.fehlertext != "")
    assert feld.fehlertext.startswith("Fehler: Bitte eine Zahl eingeben")
    assert feld.eingabe.accessibleDescription() == feld.fehlertext  # what a screen reader announces
    assert fokus() is feld.eingabe
    jahr = barmer.jahre[0].jahr
    assert krankenkassen.lade_krankenkasse(db, barmer.id).jahr(jahr).zusatzbeitrag_prozent is None  # nothing saved
    ersetze(qtbot, "11")  # readable, but not plausible: the service refuses at the field
    taste(qtbot, Qt.Key.Key_S, STRG)
    qtbot.waitUntil(lambda: "Zusatzbeitrag" in feld.fehlertext)
    assert fokus() is feld.eingabe and feld.eingabe.accessibleDescription() == feld.fehlertext
    assert krankenkassen.lade_krankenkasse(db, barmer.id).jahr(jahr).zusatzbeitrag_prozent is None
    ersetze(qtbot, "2,5")
    taste(qtbot, Qt.Key.Key_S, STRG)
    qtbot.waitUntil(lambda: krankenkassen.lade_krankenkasse(db, barmer.id).jahr(jahr).zusatzbeitrag_prozent is not None)
    assert krankenkassen.lade_krankenkasse(db, barmer.id).jahr(jahr).zusatzbeitrag_prozent == Decimal("2.5")
    assert feld.fehlertext == ""


# --- Personalbogen → Verträge ---------------------------------------------------------------------------------------
def _oeffne_personalbogen(qtbot: Any, fenster: Hauptfenster, kraft_id: int) -> Any:
    """Ctrl+2, F6 into the list, arrows to the person, Enter: the Personalbogen opens (window-modal)."""
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    assert fokus() is bereich.tabelle
    taste(qtbot, Qt.Key.Key_Home)
    for _ in range(bereich.modell.rowCount()):
        if bereich.modell.zeile(bereich.filter.mapToSource(bereich.tabelle.currentIndex())).id == kraft_id:
            break
        taste(qtbot, Qt.Key.Key_Down)
    taste(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bereich.personalbogen is not None)
    bogen = bereich.personalbogen
    qtbot.waitExposed(bogen)
    aktiv(qtbot, bogen)
    return bogen


def test_vertrag_und_neue_fassung_mit_gesetzlichem_mindesturlaub(qtbot, fenster: Hauptfenster, fuehrer) -> None:
    db = fenster.kontext.datenbank
    kraft = assistenzkraefte.speichere_assistenzkraft(
        db, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger", status="beschaeftigt")
    )
    bogen = _oeffne_personalbogen(qtbot, fenster, kraft.id)
    taste(qtbot, Qt.Key.Key_8, ALT)  # tab "8 Verträge"
    assert bogen.reiter.currentWidget().isAncestorOf(bogen.vertraege)
    gesehen: dict[str, str] = {}

    def erste_fassung(dialog: QDialog) -> None:
        taste(qtbot, Qt.Key.Key_A, ALT)  # Diese Fassung gilt &ab
        ersetze(qtbot, "01.01.2026")
        taste(qtbot, Qt.Key.Key_E, ALT)  # &Eintritt
        ersetze(qtbot, "01.01.2026")
        taste(qtbot, Qt.Key.Key_2, ALT)  # tab "2 Lohn und Arbeitszeit"
        taste(qtbot, Qt.Key.Key_S, ALT)  # Lohn&satz
        tippe(qtbot, "15,50")
        taste(qtbot, Qt.Key.Key_A, ALT)  # &Arbeitstage je Woche
        tippe(qtbot, "5")
        taste(qtbot, Qt.Key.Key_Tab)
        taste(qtbot, Qt.Key.Key_3, ALT)  # tab "3 Urlaub und Zuschläge": the legal minimum beside the agreed leave
        gesehen["mindesturlaub"] = dialog.mindesturlaub.text()
        taste(qtbot, Qt.Key.Key_U, ALT)  # &Urlaubstage
        gesehen["beschreibung"] = fokus().accessibleDescription()
        tippe(qtbot, "30")
        taste(qtbot, Qt.Key.Key_Return)  # OK

    fuehrer.dann(erste_fassung, VertragDialog)
    taste(qtbot, Qt.Key.Key_N, ALT)  # &Neue Vertragsfassung …
    qtbot.waitUntil(lambda: len(vertraege.liste_vertraege(db, kraft.id)) == 1)
    assert gesehen["mindesturlaub"].startswith("20 Tage bei 5 Arbeitstagen je Woche (§ 3 BUrlG)")
    assert "Gesetzlicher Mindesturlaub: 20 Tage" in gesehen["beschreibung"]  # a screen reader hears it at the field
    (v,) = vertraege.liste_vertraege(db, kraft.id)
    assert (v.gueltig_ab, v.eintritt, v.lohnsatz, v.urlaubstage) == (
        date(2026, 1, 1),
        date(2026, 1, 1),
        Decimal("15.50"),
        Decimal(30),
    )
    assert v.gesetzlicher_mindesturlaub == Decimal(20)
    aktiv(qtbot, bogen)
    assert fokus() is bogen.vertraege.tabelle

    def neue_fassung(dialog: QDialog) -> None:
        # starts from the last version: only what changes is typed
        taste(qtbot, Qt.Key.Key_A, ALT)
        ersetze(qtbot, "01.07.2026")
        taste(qtbot, Qt.Key.Key_2, ALT)
        taste(qtbot, Qt.Key.Key_S, ALT)
        ersetze(qtbot, "16,00")
        taste(qtbot, Qt.Key.Key_Return)

    fuehrer.dann(neue_fassung, VertragDialog)
    taste(qtbot, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: len(vertraege.liste_vertraege(db, kraft.id)) == 2)
    alt, neu = vertraege.liste_vertraege(db, kraft.id)
    assert alt.lohnsatz == Decimal("15.50") and neu.lohnsatz == Decimal("16.00")
    assert (neu.gueltig_ab, neu.eintritt, neu.urlaubstage, neu.gesetzlicher_mindesturlaub) == (
        date(2026, 7, 1),
        date(2026, 1, 1),
        Decimal(30),
        Decimal(20),
    )
    modell = bogen.vertraege.modell
    spalte = next(i for i, s in enumerate(modell.spalten) if s.titel == "Mindesturlaub (Gesetz)")
    assert [modell.data(modell.index(r, spalte)) for r in range(2)] == ["20 Tage", "20 Tage"]


# --- Einstellungen → Checkliste -------------------------------------------------------------------------------------
def test_checkliste_mit_der_leertaste_abhaken(qtbot, fenster: Hauptfenster) -> None:
    db = fenster.kontext.datenbank
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_3, ALT)  # tab "3 Checkliste"
    ansicht = seite.seiten["checkliste"]
    for _ in range(5):  # Tab from the tab bar into the list
        if fokus() is ansicht.tabelle:
            break
        taste(qtbot, Qt.Key.Key_Tab)
    assert fokus() is ansicht.tabelle
    punkte = checkliste.checkliste(db)
    zeile = next(i for i, p in enumerate(punkte) if not p.erledigt and not p.automatisch)
    taste(qtbot, Qt.Key.Key_Home, STRG)  # first row, first column ("Nr.")
    for _ in range(zeile):
        taste(qtbot, Qt.Key.Key_Down)

    def stand() -> str:
        reihe = ansicht.tabelle.currentIndex().row()
        return str(ansicht.filter.index(reihe, 1).data())

    assert stand() == "offen"  # the state in words, not only a box
    tage = {date.today()}  # the day the key was pressed (a run across midnight sees two)
    taste(qtbot, Qt.Key.Key_Space)
    tage.add(date.today())
    nachher = checkliste.checkliste(db)[zeile]
    assert nachher.erledigt and nachher.erledigt_am in tage
    assert stand() == "erledigt"
    assert "ist jetzt erledigt" in fenster.statusBar().currentMessage()
    assert fokus() is ansicht.tabelle and ansicht.tabelle.currentIndex().row() == zeile  # the cursor stays

    taste(qtbot, Qt.Key.Key_Space)  # and back
    assert not checkliste.checkliste(db)[zeile].erledigt and stand() == "offen"

    # a point done because the data show it (the Betriebsnummer is entered) is not unticked by Space
    from core.stammdaten import arbeitgeber

    arbeitgeber.speichere_arbeitgeber(
        db, arbeitgeber.ArbeitgeberDaten(nachname="Beispiel", bundesland="BW", betriebsnummer="67334480")
    )
    ansicht.aktivieren()
    automatisch = next(i for i, p in enumerate(checkliste.checkliste(db)) if p.automatisch and p.erledigt)
    taste(qtbot, Qt.Key.Key_Home, STRG)
    for _ in range(automatisch):
        taste(qtbot, Qt.Key.Key_Down)
    taste(qtbot, Qt.Key.Key_Space)
    assert checkliste.checkliste(db)[automatisch].erledigt
    assert "bleibt erledigt" in fenster.statusBar().currentMessage()


# --- Assistenzkräfte: Personalbogen als PDF, Auskunft nach DSGVO, Löschen --------------------------------------------
def _pdf_text(pdf: Path) -> str:
    return pdf_text(pdf)


def _im_menue(qtbot: Any, buchstabe: Qt.Key) -> None:
    """When the button's menu pops up (it blocks until closed), choose the entry by its letter."""

    def waehle(versuche: int = 0) -> None:
        menue = QApplication.activePopupWidget()
        if menue is None:
            if versuche < 300:
                QTimer.singleShot(10, lambda: waehle(versuche + 1))
            return
        qtbot.keyClick(menue, buchstabe)

    QTimer.singleShot(0, waehle)


@pytest.mark.parametrize("leer", [False, True], ids=["ausgefuellt", "leer"])
def test_personalbogen_als_pdf(qtbot, fenster: Hauptfenster, tmp_path: Path, monkeypatch, leer: bool) -> None:
    db = fenster.kontext.datenbank
    kraft = assistenzkraefte.speichere_assistenzkraft(
        db, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger", ort="Stuttgart")
    )
    ziel = tmp_path / "ausgabe" / "bogen"  # the extension is added
    ziel.parent.mkdir()
    vorschlaege: list[str] = []

    def speichern_unter(_parent: Any, _titel: str, vorschlag: str, _filter: str) -> tuple[str, str]:
        vorschlaege.append(Path(vorschlag).name)
        return str(ziel), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", speichern_unter)
    meldungen = Meldungen(monkeypatch)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    assert aktuelle_zeile(bereich.tabelle, bereich.modell).id == kraft.id
    _im_menue(qtbot, Qt.Key.Key_L if leer else Qt.Key.Key_A)  # &Leer … / &Ausgefüllt …
    taste(qtbot, Qt.Key.Key_P, ALT)  # Personalbogen als &PDF (a button with a menu)
    pdf = ziel.with_suffix(".pdf")
    qtbot.waitUntil(lambda: "Personalbogen gespeichert" in fenster.statusBar().currentMessage(), timeout=10000)
    assert pdf.read_bytes().startswith(b"%PDF")
    (box,) = meldungen.boxen  # with "Öffnen" and "Ordner öffnen" (test_operationen)
    assert box["titel"].startswith("Personalbogen gespeichert") and str(pdf) in box["text"]
    assert vorschlaege == ["Personalbogen_leer.pdf" if leer else "Personalbogen_Sabine_Berger.pdf"]
    text = _pdf_text(pdf)
    assert "Personalbogen" in text
    assert ("Berger" in text) is not leer and ("Stuttgart" in text) is not leer


def test_auskunft_nach_dsgvo_in_einen_gewaehlten_ordner(qtbot, fenster: Hauptfenster, tmp_path, monkeypatch) -> None:
    db = fenster.kontext.datenbank
    kraft = assistenzkraefte.speichere_assistenzkraft(
        db, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger", iban="DE89370400440532013000")
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    meldungen = Meldungen(monkeypatch)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    assert aktuelle_zeile(bereich.tabelle, bereich.modell).id == kraft.id
    tage = {date.today()}  # the folder is named after the day it was made (a run across midnight sees two)
    taste(qtbot, Qt.Key.Key_U, ALT)  # A&uskunft nach DSGVO …
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1, timeout=10000)
    tage.add(date.today())
    (box,) = meldungen.boxen
    assert box["titel"].startswith("Auskunft erstellt")
    (ordner,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert ordner.name in {f"Auskunft_Sabine_Berger_{tag:%Y-%m-%d}" for tag in tage}
    (json_datei,) = ordner.glob("*.json")
    (pdf,) = ordner.glob("*.pdf")
    assert str(json_datei) in box["text"] and str(pdf) in box["text"]  # the message names the files
    inhalt = json.loads(json_datei.read_text(encoding="utf-8"))
    assert "DE89370400440532013000" in json.dumps(inhalt, ensure_ascii=False)
    assert "Berger" in _pdf_text(pdf)


def test_loeschen_nur_fuer_bewerberinnen(qtbot, fenster: Hauptfenster, monkeypatch) -> None:
    """ "Bewerberin löschen …" is off for an employee (issue 13, finding 10: it was enabled), and says why; an
    applicant with a contract is still refused with the reason (the service checks, not the button)."""
    db = fenster.kontext.datenbank
    kraft = assistenzkraefte.speichere_assistenzkraft(
        db, assistenzkraefte.AssistenzkraftDaten(vorname="Sabine", nachname="Berger", status="beschaeftigt")
    )
    vertraege.speichere_vertrag(
        db,
        vertraege.VertragDaten(
            assistenzkraft_id=kraft.id, gueltig_ab=date(2026, 1, 1), eintritt=date(2026, 1, 1), lohnsatz=Decimal(15)
        ),
    )
    meldungen = Meldungen(monkeypatch)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    assert not bereich.knopf_loeschen.isEnabled()
    warum = bereich.knopf_loeschen.accessibleDescription()
    assert "Nicht möglich für Sabine Berger (beschäftigt)" in warum and warum == bereich.knopf_loeschen.toolTip()
    taste(qtbot, Qt.Key.Key_L, ALT)  # Bewerberin &löschen … (off: nothing happens)
    assert meldungen.boxen == []

    # an applicant who already has a contract: enabled (she is an applicant), refused with the reason
    daten = assistenzkraefte.lade_assistenzkraft(db, kraft.id)
    assistenzkraefte.speichere_assistenzkraft(db, dataclasses.replace(daten, status="bewerberin"))
    bereich.aktivieren()
    assert bereich.knopf_loeschen.isEnabled()
    assert "Bewerberin ohne Arbeitsvertrag" in bereich.knopf_loeschen.accessibleDescription()
    taste(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1)
    (box,) = meldungen.boxen
    assert box["titel"].startswith("Löschen nicht möglich")
    assert "ist oder war bei Ihnen beschäftigt" in box["text"] and "§ 41 Abs. 1 EStG" in box["text"]
    assert [z.id for z in assistenzkraefte.liste_assistenzkraefte(db)] == [kraft.id]  # nothing erased


def test_bewerberin_nach_bestaetigung_loeschen(qtbot, fenster: Hauptfenster, monkeypatch) -> None:
    db = fenster.kontext.datenbank
    ids = [
        assistenzkraefte.speichere_assistenzkraft(
            db, assistenzkraefte.AssistenzkraftDaten(vorname=v, nachname=n, status="bewerberin")
        ).id
        for v, n in (("Anna", "Adler"), ("Berta", "Bauer"), ("Clara", "Conrad"))
    ]
    meldungen = Meldungen(monkeypatch, ja=False)
    qtbot.keyClick(fenster, Qt.Key.Key_2, STRG)
    bereich = fenster.seite("assistenzkraefte")
    fenster.navigation.setFocus()
    taste(qtbot, Qt.Key.Key_F6)
    taste(qtbot, Qt.Key.Key_Down)  # Bauer, Berta
    assert aktuelle_zeile(bereich.tabelle, bereich.modell).id == ids[1]
    taste(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(meldungen.boxen) == 1)
    frage = meldungen.boxen[0]
    assert "endgültig löschen" in frage["text"] and frage["standard"] == "Nicht löschen"  # Enter keeps the data
    assert len(assistenzkraefte.liste_assistenzkraefte(db)) == 3  # answered "no": nothing erased

    meldungen_ja = Meldungen(monkeypatch, ja=True)
    taste(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(assistenzkraefte.liste_assistenzkraefte(db)) == 2)
    assert len(meldungen_ja.boxen) == 2  # the question, then the report of what was erased where
    bericht = meldungen_ja.boxen[1]
    assert bericht["titel"].startswith("Gelöscht") and "in den Sicherungen" in bericht["text"]
    assert [z.id for z in assistenzkraefte.liste_assistenzkraefte(db)] == [ids[0], ids[2]]
    assert "Die Daten von Berta Bauer wurden gelöscht." in fenster.statusBar().currentMessage()
    aktiv(qtbot, fenster)
    # the cursor stays in the list, on the next person
    assert fokus() is bereich.tabelle and aktuelle_zeile(bereich.tabelle, bereich.modell).id == ids[2]


# --- unsaved changes are never lost silently -------------------------------------------------------------------------
class Ungespeichert:
    """Stands in for the save/discard/stay question and records what it was asked about."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, antwort: str) -> None:
        from desktop import meldungen

        self.gefragt: list[str] = []
        monkeypatch.setattr(meldungen, "ungespeichert", lambda _p, was: self.gefragt.append(was) or antwort)


def _zur_kasse(qtbot: Any, fenster: Hauptfenster, name: str) -> Any:
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_2, ALT)
    kassen = seite.seiten["krankenkassen"]
    kassen.kassen_tabelle.setFocus()
    taste(qtbot, Qt.Key.Key_Home, STRG)
    while kassen.kasse is None or kassen.kasse.name != name:
        taste(qtbot, Qt.Key.Key_Down)
    return kassen


@pytest.mark.parametrize("antwort", ["speichern", "verwerfen", "abbrechen"])
def test_kasse_wechseln_mit_ungespeicherter_aenderung(qtbot, fenster: Hauptfenster, monkeypatch, antwort) -> None:
    db = fenster.kontext.datenbank
    kassen = _zur_kasse(qtbot, fenster, "BARMER")
    barmer_id, jahr = kassen.kasse.id, kassen.jahr_box.currentData()
    taste(qtbot, Qt.Key.Key_Z, ALT)
    ersetze(qtbot, "2,7")
    frage = Ungespeichert(monkeypatch, antwort)
    kassen.kassen_tabelle.setFocus()
    taste(qtbot, Qt.Key.Key_Down)  # to the next Kasse (BKK Mitte)
    assert frage.gefragt == ["„BARMER“"]
    gespeichert = krankenkassen.lade_krankenkasse(db, barmer_id).jahr(jahr).zusatzbeitrag_prozent
    if antwort == "speichern":
        assert gespeichert == Decimal("2.7") and kassen.kasse.name == "BKK Mitte"
    elif antwort == "verwerfen":
        assert gespeichert is None and kassen.kasse.name == "BKK Mitte"
    else:  # Escape: stay, the typed value is still there
        assert gespeichert is None and kassen.kasse.id == barmer_id
        assert kassen.jahr_formular.felder["zusatzbeitrag_prozent"].eingabe.text() == "2,7"
        assert aktuelle_zeile(kassen.kassen_tabelle, kassen.kassen_modell).id == barmer_id


@pytest.mark.parametrize("antwort", ["speichern", "verwerfen"])
def test_schliessen_mit_ungespeicherten_arbeitgeberdaten(qtbot, fenster: Hauptfenster, monkeypatch, antwort) -> None:
    from core.stammdaten import arbeitgeber
    from core.stammdaten.start import oeffne

    pfad = fenster.kontext.datenbank.pfad
    qtbot.keyClick(fenster, Qt.Key.Key_7, STRG)
    seite = fenster.seite("einstellungen")
    qtbot.keyClick(seite.reiter, Qt.Key.Key_1, ALT)
    taste(qtbot, Qt.Key.Key_N, ALT)  # &Name
    tippe(qtbot, "Assistenzgeberin")
    taste(qtbot, Qt.Key.Key_U, ALT)  # B&undesland
    tippe(qtbot, "Baden")
    frage = Ungespeichert(monkeypatch, "abbrechen")
    fenster.close()
    assert frage.gefragt == ["den Arbeitgeberdaten"] and fenster.isVisible()  # Escape: the window stays open
    Ungespeichert(monkeypatch, antwort)
    assert fenster.close() and not fenster.isVisible()
    db = oeffne(pfad)  # the window released the file
    try:
        gespeichert = arbeitgeber.lade_arbeitgeber(db)
    finally:
        db.schliessen()
    if antwort == "speichern":
        assert gespeichert is not None and gespeichert.nachname == "Assistenzgeberin"
    else:
        assert gespeichert is None


@pytest.mark.parametrize("antwort", ["speichern", "verwerfen", "abbrechen"])
def test_kalkulation_neu_mit_ungespeicherter_aenderung(qtbot, kontext, monkeypatch, antwort) -> None:
    from core.budget import kalkulation_dienst
    from desktop.budget.kalkulation_seite import KalkulationSeite

    seite = KalkulationSeite(kontext)
    qtbot.addWidget(seite)
    seite.show()
    aktiv(qtbot, seite)
    seite.name.setFocus()
    ersetze(qtbot, "Antrag 2027")
    frage = Ungespeichert(monkeypatch, antwort)
    taste(qtbot, Qt.Key.Key_N, ALT)  # &Neu
    qtbot.waitUntil(lambda: bool(frage.gefragt))
    assert frage.gefragt == ["der Kalkulation „Antrag 2027“"]
    namen = [v.name for v in kalkulation_dienst.liste(kontext.datenbank)]
    assert namen == (["Antrag 2027"] if antwort == "speichern" else [])
    assert seite.name.text() == ("Antrag 2027" if antwort == "abbrechen" else "Neue Kalkulation")
