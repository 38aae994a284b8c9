"""GUI actions as operations: an undoable change with its text, a refusal that pushes nothing, long work off the GUI
thread — and every page's exports really run in the background."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from core.fehler import EingabeFehler
from desktop import meldungen
from desktop.operationen import Aenderungsverlauf, Hintergrundoperation

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Zaehler:
    """A stand-in for a core change: `um` is added to a stored number; the inverse subtracts it."""

    beschreibung: str
    um: int

    @property
    def leer(self) -> bool:
        return self.um == 0

    def umkehrung(self) -> Zaehler:
        return replace(self, beschreibung=f"{self.beschreibung} rückgängig", um=-self.um)


class Speicher:
    def __init__(self) -> None:
        self.wert = 0
        self.gesehen: list[str] = []

    def anwenden(self, a: Zaehler) -> Zaehler:
        if self.wert + a.um < 0:
            raise EingabeFehler("Der Wert darf nicht unter null fallen.")
        self.wert += a.um
        return a

    def nachher(self, a: Zaehler) -> None:
        self.gesehen.append(a.beschreibung)


@pytest.fixture
def seite(qtbot: Any, einstellungen: Any) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_aenderung_mit_text_rueckgaengig_und_wiederholen(seite: QWidget) -> None:
    speicher = Speicher()
    verlauf = Aenderungsverlauf(seite, speicher.anwenden, speicher.nachher)
    zurueck, vor = verlauf.aktionen(seite)
    assert not zurueck.isEnabled() and not vor.isEnabled()

    verlauf.ausfuehren(lambda: speicher.anwenden(Zaehler("Drei dazu", 3)))
    assert speicher.wert == 3 and zurueck.isEnabled()
    assert zurueck.text() == "&Rückgängig: Drei dazu"

    zurueck.trigger()
    assert speicher.wert == 0 and vor.text() == "&Wiederholen: Drei dazu"
    vor.trigger()
    assert speicher.wert == 3
    assert speicher.gesehen == ["Drei dazu", "Drei dazu rückgängig", "Drei dazu"]


def test_abgelehnte_aenderung_kommt_nicht_auf_den_stapel(seite: QWidget, monkeypatch: pytest.MonkeyPatch) -> None:
    gezeigt: list[str] = []
    monkeypatch.setattr(meldungen, "fehler", lambda _p, _t, text: gezeigt.append(text))
    speicher = Speicher()
    verlauf = Aenderungsverlauf(seite, speicher.anwenden, speicher.nachher)

    assert verlauf.ausfuehren(lambda: speicher.anwenden(Zaehler("Zwei weg", -2))) is None

    assert gezeigt == ["Der Wert darf nicht unter null fallen."]
    assert verlauf.stapel.count() == 0 and speicher.wert == 0
    with pytest.raises(EingabeFehler):  # a dialog hears the refusal itself, to show it at its field
        verlauf.speichere(lambda: speicher.anwenden(Zaehler("Zwei weg", -2)))


def test_rueckgaengig_das_nicht_mehr_geht_wird_gemeldet_und_verworfen(
    seite: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    gezeigt: list[str] = []
    monkeypatch.setattr(meldungen, "fehler", lambda _p, _t, text: gezeigt.append(text))
    speicher = Speicher()
    verlauf = Aenderungsverlauf(seite, speicher.anwenden, speicher.nachher)
    verlauf.ausfuehren(lambda: speicher.anwenden(Zaehler("Drei dazu", 3)))
    speicher.wert = 1  # changed elsewhere meanwhile: taking 3 away again would go below zero

    verlauf.stapel.undo()

    assert gezeigt == ["Rückgängig machen von „Drei dazu“ geht nicht: Der Wert darf nicht unter null fallen."]
    assert speicher.wert == 1 and not verlauf.stapel.canUndo()


def test_hintergrundoperation_arbeitet_nicht_im_gui_thread(qtbot: Any, seite: QWidget) -> None:
    faeden: list[int] = []
    ergebnisse: list[str] = []

    def arbeit(_f: Any) -> str:
        faeden.append(threading.get_ident())
        return "fertig"

    Hintergrundoperation(seite, "Arbeit", arbeit).bei_erfolg(ergebnisse.append).starten()
    qtbot.waitUntil(lambda: ergebnisse == ["fertig"])
    assert faeden and faeden[0] != threading.get_ident()


def _beobachte(monkeypatch: pytest.MonkeyPatch, modul: Any, name: str) -> list[int]:
    """Replace an exporter by one that notes the thread it runs in and writes a small file."""
    faeden: list[int] = []

    def schreiben(*args: Any, **_kw: Any) -> str:
        faeden.append(threading.get_ident())
        ziel = next(a for a in args if isinstance(a, Path))
        ziel.write_bytes(b"x")
        return f"geschrieben: {ziel}"

    monkeypatch.setattr(modul, name, schreiben)
    return faeden


def _bestaetige_meldungen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texte: list[str] = []

    def antwort(box: QMessageBox) -> int:
        texte.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", antwort)
    return texte


def test_kalkulation_exportiert_im_hintergrund(qtbot: Any, kontext: Any, tmp_path: Path, monkeypatch) -> None:
    import core.io.kalkulation_dateien as kalkulation_dateien
    from desktop.budget.kalkulation_seite import KalkulationSeite

    faeden = _beobachte(monkeypatch, kalkulation_dateien, "exportiere_version")
    texte = _bestaetige_meldungen(monkeypatch)
    seite = KalkulationSeite(kontext)
    qtbot.addWidget(seite)
    seite.ziel_waehlen = lambda endung: tmp_path / f"antrag{endung}"

    seite.exportieren(".pdf")

    qtbot.waitUntil(lambda: bool(texte))
    assert faeden and faeden[0] != threading.get_ident()
    assert texte == [f"Die Kalkulation steht in {tmp_path / 'antrag.pdf'}."]


def test_export_fertig_bietet_oeffnen(qtbot: Any, seite: QWidget, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    geoeffnet: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: geoeffnet.append(url.toLocalFile()) or True)

    def oeffnen(box: QMessageBox) -> int:
        knopf = box.findChild(QWidget, "oeffnen")
        assert knopf is not None and knopf.text() == "Ö&ffnen"
        knopf.click()  # what Alt+F does
        return 0

    monkeypatch.setattr(QMessageBox, "exec", oeffnen)
    meldungen.datei_fertig(seite, "Export fertig", "Geschrieben.", tmp_path / "plan.pdf")
    assert geoeffnet == [str(tmp_path / "plan.pdf")]


def test_export_fertig_bietet_ordner_oeffnen(qtbot: Any, seite: QWidget, tmp_path: Path, monkeypatch) -> None:
    """Issue 13, finding 10: "Export fertig" offers the file and its folder; a folder of files (the Auskunft) only
    the folder."""
    from PySide6.QtGui import QDesktopServices

    geoeffnet: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: geoeffnet.append(url.toLocalFile()) or True)
    gesehen: list[list[str]] = []

    def ordner(box: QMessageBox) -> int:
        gesehen.append([k.text() for k in box.buttons()])
        knopf = box.findChild(QWidget, "ordner_oeffnen")
        assert knopf is not None and knopf.text() == "&Ordner öffnen" and knopf.accessibleDescription()
        knopf.click()  # what Alt+O does
        return 0

    monkeypatch.setattr(QMessageBox, "exec", ordner)
    meldungen.datei_fertig(seite, "Export fertig", "Geschrieben.", tmp_path / "plan.pdf")
    meldungen.datei_fertig(seite, "Auskunft erstellt", "Geschrieben.", tmp_path)
    assert geoeffnet == [str(tmp_path), str(tmp_path)]
    assert "Ö&ffnen" in gesehen[0] and "Ö&ffnen" not in gesehen[1]


def test_wer_eine_datei_schreibt_bietet_oeffnen_an() -> None:
    """Every module that asks where to save a file (or folder) tells her with `meldungen.datei_fertig` when it is
    written — with "Öffnen" and "Ordner öffnen" — not only in the status bar (the Personalbogen PDF did)."""
    import re

    wurzel = Path(__file__).resolve().parents[2] / "desktop"
    ohne = [
        p.relative_to(wurzel).as_posix()
        for p in sorted(wurzel.rglob("*.py"))
        if re.search(r"QFileDialog\.(getSaveFileName|getExistingDirectory)\(", text := p.read_text(encoding="utf-8"))
        and "datei_fertig(" not in text
    ]
    assert ohne == []


def test_dienstplan_export_im_hintergrund(qtbot: Any, kontext: Any, tmp_path: Path, monkeypatch) -> None:
    import importlib

    from core.cli.export import EXPORTARTEN
    from desktop.dienstplan.export import starte_export

    modul, funktion = EXPORTARTEN["dienstplan"].split(":")
    faeden = _beobachte(monkeypatch, importlib.import_module(modul), funktion)
    texte = _bestaetige_meldungen(monkeypatch)
    eltern = QWidget()
    qtbot.addWidget(eltern)

    starte_export(eltern, kontext.datenbank, "dienstplan", tmp_path / "plan.pdf", 2026, 3)

    qtbot.waitUntil(lambda: bool(texte))
    assert faeden and faeden[0] != threading.get_ident()
    assert texte == [f"geschrieben: {tmp_path / 'plan.pdf'}"]
