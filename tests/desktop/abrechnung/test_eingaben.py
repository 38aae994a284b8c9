"""Lohn-Eingaben by keyboard: each entry is saved through the service at once; a finalised month refuses it with the
service's German sentence at the month field, and nothing is saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from barrierefreiheit import fokus
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from core.abrechnung import erfassung
from core.abrechnung.modelle import Abrechnungsmonat
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, speichere_assistenzkraft
from desktop.abrechnung import eingaben
from desktop.kontext import Kontext

pytestmark = pytest.mark.gui


@pytest.fixture
def kraft(kontext: Kontext) -> int:
    daten = speichere_assistenzkraft(kontext.datenbank, AssistenzkraftDaten(vorname="Sabine", nachname="Muster"))
    assert daten.id is not None
    return daten.id


def _abschliessen(kontext: Kontext, jahr: int, monat: int) -> None:
    with kontext.datenbank.arbeitseinheit() as sitzung:
        sitzung.add(Abrechnungsmonat(jahr=jahr, monat=monat, status="abgeschlossen"))


def _zeige(qtbot: Any, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _tippe(qtbot: Any, dialog: Any, feld: str, text: str) -> None:
    eingabe = dialog.formular.felder[feld].eingabe
    eingabe.setFocus()
    eingabe.selectAll()
    qtbot.keyClicks(eingabe, text)
    qtbot.keyClick(eingabe, Qt.Key.Key_Tab)


def test_einmalzahlung_per_tastatur_gespeichert(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    daten = erfassung.EinmalzahlungDaten(kraft, 2026, 11, "weihnachtsgeld", Decimal(0))
    dialog = _zeige(qtbot, eingaben.EinmalzahlungDialog(kontext, daten))
    _tippe(qtbot, dialog, "betrag", "1.250,50")
    qtbot.keyClick(fokus(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Alt+letter clicks animated
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    gespeichert = erfassung.liste_einmalzahlungen(kontext.datenbank, 2026, 11, kraft)
    assert [(e.art, e.betrag) for e in gespeichert] == [("weihnachtsgeld", Decimal("1250.50"))]


def test_einmalzahlung_ohne_betrag_nennt_das_feld(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    daten = erfassung.EinmalzahlungDaten(kraft, 2026, 11, "praemie", Decimal(0))
    dialog = _zeige(qtbot, eingaben.EinmalzahlungDialog(kontext, daten))
    dialog.knoepfe.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Betrag" in dialog.formular.fehlertexte()["betrag"]
    assert erfassung.liste_einmalzahlungen(kontext.datenbank, 2026) == []


def test_abgeschlossener_monat_wird_vorher_genannt_und_abgelehnt(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    _abschliessen(kontext, 2026, 3)
    daten = erfassung.EinmalzahlungDaten(kraft, 2026, 3, "praemie", Decimal(0))
    dialog = _zeige(qtbot, eingaben.EinmalzahlungDialog(kontext, daten))
    # said before anything is typed, in words (also to a screen reader) …
    assert "März 2026 ist abgeschlossen" in dialog.monatsstatus.text()
    assert "abgeschlossen" in dialog.formular.felder["monat"].eingabe.accessibleDescription()
    _tippe(qtbot, dialog, "betrag", "100")
    dialog.knoepfe.accepted.emit()
    # … and the service's refusal stands at the month field; nothing is saved
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "März 2026 ist abgeschlossen" in dialog.formular.fehlertexte()["monat"]
    assert erfassung.liste_einmalzahlungen(kontext.datenbank, 2026) == []
    # another month is open: the same dialog saves there
    dialog.formular.felder["monat"].setze(4)
    dialog.knoepfe.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(e.monat, e.betrag) for e in erfassung.liste_einmalzahlungen(kontext.datenbank, 2026)] == [
        (4, Decimal("100.00"))
    ]


def test_sachbezug_zeigt_amtliche_werte_und_sperrt_eigenen_wert(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    # § 2 Abs. 1 und 3 SvEV in der Fassung für 2026: Verpflegung 345 €, Unterkunft 285 € im Monat
    dialog = _zeige(qtbot, eingaben.SachbezugDialog(kontext, erfassung.SachbezugDaten(kraft, 2026, 5, "verpflegung")))
    assert "Verpflegung 345,00 €" in dialog.werte_text.text()
    assert "Unterkunft 285,00 €" in dialog.werte_text.text()
    assert not dialog.formular.felder["wert"].eingabe.isEnabled()
    dialog.formular.felder["art"].setze("unterkunft")
    assert dialog.formular.felder["im_haushalt"].eingabe.isEnabled()
    dialog.formular.felder["im_haushalt"].setze(True)
    dialog.formular.felder["tage"].setze(10)
    dialog.knoepfe.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [sb] = erfassung.liste_sachbezuege(kontext.datenbank, 2026, 5)
    assert (sb.art, sb.tage, sb.im_haushalt, sb.wert) == ("unterkunft", 10, True, None)


def test_vorschuss_vor_der_auszahlung_wird_abgelehnt(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    daten = erfassung.VorschussDaten(kraft, date(2026, 5, 1), 2026, 5, Decimal(0))
    dialog = _zeige(qtbot, eingaben.VorschussDialog(kontext, daten))
    _tippe(qtbot, dialog, "betrag", "200")
    _tippe(qtbot, dialog, "ausgezahlt_am", "15.06.2026")
    dialog.knoepfe.accepted.emit()
    assert "15.06.2026" in dialog.formular.fehlertexte()["monat"]
    assert erfassung.liste_vorschuesse(kontext.datenbank, 2026) == []


def test_abrechnungsbeginn_und_vortrag(qtbot: Any, kontext: Kontext, kraft: int) -> None:
    beginn = _zeige(qtbot, eingaben.AbrechnungsbeginnDialog(kontext))
    beginn.formular.setze_werte({"monat": 7, "jahr": 2026})
    beginn.findChild(eingaben.QDialogButtonBox).accepted.emit()
    assert erfassung.abrechnungsbeginn(kontext.datenbank) == date(2026, 7, 1)

    vortrag = _zeige(qtbot, eingaben.VortragDialog(kontext, erfassung.VortragDaten(kraft, 2026), "Sabine Muster"))
    felder = {name: f for formular in vortrag.formulare for name, f in formular.felder.items()}
    # Januar–Juni: 6 Monate, höchstens 180 SV-Tage (erfassung.speichere_vortrag)
    felder["sv_tage"].setze(200)
    felder["brutto"].setze(Decimal("12000"))
    felder["steuerbrutto"].setze(Decimal("12000"))
    vortrag.findChild(eingaben.QDialogButtonBox).accepted.emit()
    assert vortrag.result() != QDialog.DialogCode.Accepted
    assert vortrag.reiter.currentIndex() == 1  # the tab that holds the refused field is shown
    assert "180 SV-Tage" in felder["sv_tage"].fehlertext
    assert erfassung.lade_vortrag(kontext.datenbank, kraft, 2026) is None
    felder["sv_tage"].setze(180)
    felder["urlaub_genommen_tage"].setze(Decimal("7.5"))
    vortrag.findChild(eingaben.QDialogButtonBox).accepted.emit()
    assert vortrag.result() == QDialog.DialogCode.Accepted
    gespeichert = erfassung.lade_vortrag(kontext.datenbank, kraft, 2026)
    assert gespeichert is not None
    assert (gespeichert.brutto, gespeichert.sv_tage, gespeichert.urlaub_genommen_tage, gespeichert.lohnsteuer) == (
        Decimal("12000.00"),
        180,
        Decimal("7.5"),
        Decimal(0),
    )


def test_liste_verweigert_aenderung_im_abgeschlossenen_monat(
    qtbot: Any, kontext: Kontext, kraft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    erfassung.speichere_einmalzahlung(
        kontext.datenbank, erfassung.EinmalzahlungDaten(kraft, 2026, 3, "praemie", Decimal("80.00"))
    )
    _abschliessen(kontext, 2026, 3)
    gezeigt: list[str] = []
    monkeypatch.setattr(eingaben.meldungen, "hinweis", lambda _p, _t, text: gezeigt.append(text))
    geoeffnet: list[Any] = []
    monkeypatch.setattr(eingaben, "modal", lambda d: geoeffnet.append(d) or QDialog.DialogCode.Rejected)
    dialog = _zeige(qtbot, eingaben.LohneingabenDialog(kontext, kraft, 2026, 4))
    liste = dialog.einmalzahlungen
    assert liste.modell.rowCount() == 1
    assert liste.modell.data(liste.modell.index(0, 4)) == "abgeschlossen"
    qtbot.keyClick(liste.tabelle, Qt.Key.Key_Return)
    assert geoeffnet == []
    assert gezeigt and "März 2026 ist abgeschlossen" in gezeigt[0]
    liste.loeschen()
    assert len(erfassung.liste_einmalzahlungen(kontext.datenbank, 2026)) == 1
    # a new entry starts in the month the dialog was opened for
    qtbot.keyClick(fokus(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(geoeffnet) == 1)
    assert (geoeffnet[0].daten.jahr, geoeffnet[0].daten.monat) == (2026, 4)


def test_assistenzkraefte_oeffnen_die_lohneingaben(
    qtbot: Any, kontext: Kontext, kraft: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import dialoge
    from desktop.assistenzkraefte import AssistenzkraefteBereich

    geoeffnet: list[Any] = []
    monkeypatch.setattr(dialoge, "modal", lambda d: geoeffnet.append(d) or 0)
    seite = AssistenzkraefteBereich(kontext)
    qtbot.addWidget(seite)
    seite.show()
    seite.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is seite)
    seite.aktivieren()
    seite.tabelle.setFocus()
    qtbot.keyClick(fokus(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(geoeffnet) == 1)
    assert isinstance(geoeffnet[0], eingaben.LohneingabenDialog)
    assert geoeffnet[0].assistenzkraft_id == kraft


def test_monatsabrechnung_oeffnet_die_lohneingaben_der_gewaehlten_zeile(
    qtbot: Any, haushalt: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.desktop.abrechnung.seite_hilfe import oeffne_seite, warte

    geoeffnet: list[Any] = []
    monkeypatch.setattr(eingaben, "modal", lambda d: geoeffnet.append(d) or QDialog.DialogCode.Rejected)
    _fenster, seite = oeffne_seite(qtbot, haushalt("minijob_privathaushalt"))
    seite.waehle_reihe(0)
    gewaehlt = seite.gewaehlte_zeile()
    assert gewaehlt is not None
    seite.tabelle.setFocus()
    qtbot.keyClick(fokus(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(geoeffnet) == 1)
    dialog = geoeffnet[0]
    assert isinstance(dialog, eingaben.LohneingabenDialog)
    assert (dialog.assistenzkraft_id, dialog.jahr, dialog.monat) == (gewaehlt.assistenzkraft_id, 2026, 3)
    warte(qtbot, seite)  # the month is computed again with what was entered
    qtbot.keyClick(fokus(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(geoeffnet) == 2)
    assert isinstance(geoeffnet[1], eingaben.AbrechnungsbeginnDialog)
