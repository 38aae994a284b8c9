"""Einstellungen → Rechengrößen: missing figures first, status in words, imports by keyboard, diff before accepting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from barrierefreiheit import doppelte_kuerzel, fokus, pruefe_barrierefreiheit
from PySide6.QtCore import Qt

from core.regeln import tabellen
from core.regeln.rechengroessen import vorgabejahr
from core.ressourcen import ressource
from desktop import meldungen
from desktop.kontext import Kontext
from desktop.rechengroessen import AenderungenDialog, RechengroessenSeite

pytestmark = pytest.mark.gui

WURZEL = Path(__file__).resolve().parents[2]
BBG = """jahr = 2027

[bbg_kv_monat]
wert = "6000"
gueltig_ab = 2027-01-01
quelle = "Testquelle: Sozialversicherungs-Rechengrößenverordnung 2027 (Entwurf)"
"""


@pytest.fixture
def seite(qtbot: Any, kontext: Kontext) -> RechengroessenSeite:
    s = RechengroessenSeite(kontext)
    qtbot.addWidget(s)
    s.resize(1100, 600)
    s.show()
    qtbot.waitExposed(s)
    s.jahr.setValue(2027)
    s.aktivieren()
    return s


def _zeilen(s: RechengroessenSeite) -> list[tuple[str, str]]:
    return [(e.status, e.name) for e in s.modell.zeilen]


def test_fehlende_zuerst_status_in_worten(seite: RechengroessenSeite) -> None:
    zeilen = _zeilen(seite)
    assert zeilen[0][0] == "fehlt"
    erste_vorhandene = next(i for i, (status, _) in enumerate(zeilen) if status != "fehlt")
    assert all(status != "fehlt" for status, _ in zeilen[erste_vorhandene:])
    index = seite.filter.index(0, 0)
    assert seite.filter.data(index) == "fehlt"  # the word, not a colour
    assert "2027: es fehlen" in seite.zusammenfassung.text()
    assert "Lohnsteuer-PAP: fehlt" in seite.zusammenfassung.text()
    mindestlohn = next(i for i, e in enumerate(seite.modell.zeilen) if e.name == "mindestlohn_stunde")
    assert seite.modell.data(seite.modell.index(mindestlohn, 0)) == "amtlich bestätigt"
    assert seite.modell.data(seite.modell.index(mindestlohn, 3)) == "14,60"


def test_barrierefrei_und_tab_reihenfolge(seite: RechengroessenSeite, qtbot: Any) -> None:
    assert pruefe_barrierefreiheit(seite) == []
    assert doppelte_kuerzel(seite) == []
    seite.jahr.setFocus()
    reihenfolge = []
    for _ in range(3):
        qtbot.keyClick(fokus(), Qt.Key.Key_Tab)
        reihenfolge.append(fokus())
    assert reihenfolge == [seite.tabelle, seite.pap_knopf, seite.werte_knopf]


def test_2026_ist_vollstaendig_und_pap_knopf_aus(seite: RechengroessenSeite) -> None:
    seite.jahr.setValue(2026)
    assert "alle Werte und der Lohnsteuer-PAP sind vorhanden" in seite.zusammenfassung.text()
    assert not seite.pap_knopf.isEnabled()  # the program ships 2026's PAP


def test_werte_einspielen_mit_tastatur_zeigt_erst_die_aenderungen(
    seite: RechengroessenSeite, qtbot: Any, tmp_path: Path
) -> None:
    datei = tmp_path / "werte.toml"
    datei.write_text(BBG, encoding="utf-8")
    gezeigt: list[Any] = []
    seite.werte_datei_waehlen = lambda: datei  # type: ignore[method-assign]
    seite.aenderungen_bestaetigen = lambda p: gezeigt.append(p) or True  # type: ignore[method-assign]
    seite.werte_knopf.setFocus()
    qtbot.keyClick(seite.werte_knopf, Qt.Key.Key_Space)
    assert [a.text() for a in gezeigt[0].aenderungen] == ["bbg_kv_monat: neu 6000 ab 01.01.2027"]
    eintrag = next(e for e in seite.modell.zeilen if e.name == "bbg_kv_monat")
    assert eintrag.status == "eigener_wert"
    zeile = seite.modell.zeilen.index(eintrag)
    assert seite.modell.data(seite.modell.index(zeile, 0)) == "von Ihnen eingetragen"


def test_nicht_uebernehmen_aendert_nichts(seite: RechengroessenSeite, qtbot: Any, tmp_path: Path) -> None:
    datei = tmp_path / "werte.toml"
    datei.write_text(BBG, encoding="utf-8")
    seite.werte_datei_waehlen = lambda: datei  # type: ignore[method-assign]
    seite.aenderungen_bestaetigen = lambda p: False  # type: ignore[method-assign]
    qtbot.keyClick(seite.werte_knopf, Qt.Key.Key_Space)
    assert not (tabellen.nutzer_verzeichnis() / "2027.toml").exists()


def test_fehlerhafte_datei_eine_meldung(seite: RechengroessenSeite, qtbot: Any, tmp_path: Path, monkeypatch) -> None:
    datei = tmp_path / "kaputt.toml"
    datei.write_text(BBG.replace("gueltig_ab = 2027-01-01", "gueltig_ab = 2026-01-01"), encoding="utf-8")
    meldung: list[str] = []
    monkeypatch.setattr(meldungen, "fehler", lambda _p, titel, text: meldung.append(f"{titel}: {text}"))
    seite.werte_datei_waehlen = lambda: datei  # type: ignore[method-assign]
    qtbot.keyClick(seite.werte_knopf, Qt.Key.Key_Space)
    assert len(meldung) == 1 and "kaputt.toml" in meldung[0] and "liegt nicht im Jahr 2027" in meldung[0]


def test_pap_einspielen_im_hintergrund(seite: RechengroessenSeite, qtbot: Any, monkeypatch) -> None:
    gemeldet: list[str] = []
    monkeypatch.setattr(meldungen, "hinweis", lambda _p, _t, text: gemeldet.append(text))
    tabelle = WURZEL / "tests" / "data" / "pap" / "2026" / "test-maschinell.csv"
    seite.pap_dateien_waehlen = lambda: (ressource("pap", "2026", "pap.xml"), tabelle)  # type: ignore[method-assign]
    qtbot.keyClick(seite.pap_knopf, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(gemeldet), timeout=20000)
    assert "alle 3000 Zeilen der Prüftabelle stimmen auf den Cent" in gemeldet[0]
    assert "Lohnsteuer-PAP: von Ihnen eingespielt" in seite.zusammenfassung.text()


def test_aenderungen_dialog_barrierefrei(qtbot: Any, tmp_path: Path) -> None:
    from core.jahreswechsel.werte import pruefe_wertedatei

    datei = tmp_path / "werte.toml"
    datei.write_text(BBG, encoding="utf-8")
    dialog = AenderungenDialog(pruefe_wertedatei(datei))
    qtbot.addWidget(dialog)
    dialog.show()
    assert pruefe_barrierefreiheit(dialog) == []
    assert "bbg_kv_monat: neu 6000" in dialog.liste.toPlainText()
    assert dialog.uebernehmen.isDefault()


def test_vorgabejahr() -> None:
    from datetime import date

    assert vorgabejahr(date(2026, 12, 3)) == 2027  # the Jahreswechsel season prepares the coming year
    assert vorgabejahr(date(2026, 6, 1)) == 2026
