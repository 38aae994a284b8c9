"""Every area and every dialog on a 1280×800 screen at a given scale, as PNGs, with what does not fit.

Run in its own process, because the scale (QT_SCALE_FACTOR) and the screen are fixed when Qt starts:

    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=tests/data/bildschirm/1280x800.json \\
        python -m tests.desktop.bildschirmfotos OUT_DIR [--dunkel] [--db DEMO.sqlite]

It writes OUT_DIR/<name>.png for each area (every tab) and dialog of `dialogkatalog`, and prints one line per
problem (nothing when all is well):
- an area needs sideways scrolling (its content is wider than the room the window gives it);
- a dialog is larger than the screen's free area or not fully on it;
- a dialog button lies outside the dialog (cut off or off screen);
- a table keeps fitting its columns while nothing changes (it swings and redraws without end).
`tests/desktop/test_bildschirm.py` runs it at 200 % (and the same checks at 100 % in the test process, whose screen
is the same 1280×800); the PNGs are there to be looked at. `--dunkel` uses a
black high-contrast palette (the program must follow the system's colours). `--db` takes a copy of an example
household made beforehand (`assistenzbuero demo`; the tests make it once) instead of making one.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)


def _ansichten(seite: QWidget):
    """Yield once per visible tab combination (first level of tabs is enough to see every page). An area that is
    itself a tab widget (Abrechnung, Budget) counts: its own tabs were never opened here before."""
    yield ""
    eigene = [seite] if isinstance(seite, QTabWidget) else []
    for reiter in eigene + seite.findChildren(QTabWidget):
        if not reiter.isVisible():
            continue
        for i in range(1, reiter.count()):
            if reiter.isTabEnabled(i):
                reiter.setCurrentIndex(i)
                yield f"-{i + 1}"
        reiter.setCurrentIndex(0)


# zlib level 1 instead of Qt's default (PNG quality q → level (100 − q) · 9 / 91): the same pictures, about as
# large, written a quarter faster (saving was a tenth of a run at 200 %)
PNG_QUALITAET = 80


def _speichere(bild: QWidget, ziel: Path) -> None:
    bild.grab().save(str(ziel), "PNG", PNG_QUALITAET)


def _volle_breite(seite: QWidget) -> list[QWidget]:
    """Fields of forms whose labels stand above them: they have the form's whole width."""
    felder = []
    for formular in seite.findChildren(QFormLayout):
        if formular.rowWrapPolicy() != QFormLayout.RowWrapPolicy.WrapAllRows:
            continue
        for reihe in range(formular.rowCount()):
            teil = formular.itemAt(reihe, QFormLayout.ItemRole.FieldRole)
            if teil is not None and teil.widget() is not None:
                felder.append(teil.widget())
    return felder


def abgeschnittene_felder(seite: QWidget) -> list[str]:
    """One-line fields that hold more text than they show (the Kasse's name beside a wide label column at 200 %).
    A text longer than the whole width of its form (labels above the fields) is not counted: no layout can show
    more of it in one line; the field still holds and reads it completely."""
    funde = []
    volle_breite = _volle_breite(seite)
    for feld in seite.findChildren(QLineEdit):
        if not feld.isVisible() or not feld.text() or feld.parent().metaObject().className() in ("QSpinBox",):
            continue
        if any(w is feld or w.isAncestorOf(feld) for w in volle_breite):
            continue
        platz = feld.contentsRect().width() - 2 * feld.style().pixelMetric(
            feld.style().PixelMetric.PM_DefaultFrameWidth
        )
        if feld.fontMetrics().horizontalAdvance(feld.text()) > platz + 4:
            funde.append(f"Feld „{feld.accessibleName() or feld.objectName()}“: „{feld.text()[:40]}…“")
    return funde


def gequetschte_felder(seite: QWidget) -> list[str]:
    """Fields lower than they need: a layout with too little room squeezed them (the Krankenkassen form's fields
    were half a line high once its labels went above them in a splitter pane that did not grow)."""
    return [
        f"Feld „{feld.accessibleName() or feld.objectName()}“ ist gequetscht ({feld.height()} statt "
        f"{feld.minimumSizeHint().height()} Pixel hoch)"
        for feld in seite.findChildren(QWidget)
        if isinstance(feld, (QLineEdit, QComboBox))
        and feld.isVisible()
        and not isinstance(feld.parentWidget(), (QComboBox, QAbstractSpinBox))  # their own inner line
        and feld.height() < feld.minimumSizeHint().height()
    ]


def seitwaerts_rollende_listen(seite: QWidget) -> list[str]:
    """Lists (tables, trees, lists) that scroll sideways inside themselves: their last columns are out of sight."""
    funde = []
    for liste in seite.findChildren(QAbstractItemView):
        if not liste.isVisible() or liste.horizontalScrollBar().maximum() <= 0:
            continue
        if not getattr(liste, "BREITE_HALTEN", True):  # the month grid (see `Rasteransicht`: WCAG 1.4.10)
            continue
        kopf = liste.horizontalHeader() if isinstance(liste, QTableView) else None
        mehr = f"{kopf.length() - liste.viewport().width()} Pixel" if kopf is not None else "seitwärts"
        funde.append(f"Liste „{liste.accessibleName() or liste.objectName()}“ rollt seitwärts ({mehr} zu breit)")
    return funde


def _warte(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


#: How often each table fitted its columns (`zaehle_einpassungen`), by table.
EINPASSUNGEN: dict[int, int] = {}


def gezaehltes_einpassen():
    """`PassendeTabelle.spalten_einpassen`, counting every call, to see a table that never comes to rest."""
    from desktop.tabellen import PassendeTabelle

    einpassen = PassendeTabelle.spalten_einpassen

    def gezaehlt(tabelle: PassendeTabelle) -> None:
        EINPASSUNGEN[id(tabelle)] = EINPASSUNGEN.get(id(tabelle), 0) + 1
        einpassen(tabelle)

    return gezaehlt


def zaehle_einpassungen() -> None:
    from desktop.tabellen import PassendeTabelle

    PassendeTabelle.spalten_einpassen = gezaehltes_einpassen()  # type: ignore[method-assign]


def keine_fragen(setze=setattr) -> None:
    """Nobody answers a question here: every "Ja/Nein" a page asks on its own (e.g. the Jahreswechsel tab) is
    "Nein". `setze`: how to replace (a test passes `monkeypatch.setattr`)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop import meldungen

    setze(meldungen, "frage", lambda *_a, **_k: False)
    setze(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No)


def unruhige_listen(app: QApplication, seite: QWidget) -> list[str]:
    """Tables that keep fitting their columns while nothing changes: once shown and laid out, a few more turns of
    the event loop must not fit them again. (The Assistenzkräfte at 200 % swung between showing and hiding a column
    as its scroll bar came and went, thousands of times in a run.)"""
    from desktop.hintergrund import warte_auf_faeden
    from desktop.tabellen import PassendeTabelle

    warte_auf_faeden()  # rows a background reader still brings (the Fristen) are a change: fitting them is right
    _warte(app)
    tabellen = [t for t in seite.findChildren(PassendeTabelle) if t.isVisible()]
    vorher = {id(t): EINPASSUNGEN.get(id(t), 0) for t in tabellen}
    _warte(app)
    return [
        f"Liste „{t.accessibleName() or t.objectName()}“ kommt nicht zur Ruhe "
        f"({EINPASSUNGEN.get(id(t), 0) - vorher[id(t)]}-mal neu eingepasst, obwohl sich nichts geändert hat)"
        for t in tabellen
        if EINPASSUNGEN.get(id(t), 0) > vorher[id(t)]
    ]


def pruefe_bereiche(app: QApplication, fenster, ausgabe: Path) -> list[str]:
    from desktop.bereiche import BEREICHE

    probleme: list[str] = []
    for b in BEREICHE:
        fenster.zeige_bereich(b.schluessel)
        _warte(app)
        seite = fenster.seite(b.schluessel)
        rolle = fenster.stapel.currentWidget()
        for name in _ansichten(seite):
            _warte(app)
            _speichere(fenster, ausgabe / f"bereich-{b.schluessel}{name}.png")
            if isinstance(rolle, QScrollArea) and rolle.horizontalScrollBar().maximum() > 0:
                probleme.append(
                    f"Bereich {b.schluessel}{name}: rollt seitwärts (Inhalt {seite.width()} Pixel breit, "
                    f"Platz {rolle.viewport().width()})"
                )
            for innen in seite.findChildren(QScrollArea):
                if innen.isVisible() and innen.widget() is not None and innen.horizontalScrollBar().maximum() > 0:
                    probleme.append(
                        f"Bereich {b.schluessel}{name}: {innen.objectName() or 'Rollbereich'} rollt seitwärts"
                    )
            probleme += [f"Bereich {b.schluessel}{name}: {f}" for f in unruhige_listen(app, seite)]
            probleme += [f"Bereich {b.schluessel}{name}: {f}" for f in seitwaerts_rollende_listen(seite)]
            probleme += [f"Bereich {b.schluessel}{name}: {f}" for f in abgeschnittene_felder(seite)]
            probleme += [f"Bereich {b.schluessel}{name}: {f}" for f in gequetschte_felder(seite)]
    return probleme


def pruefe_dialoge(app: QApplication, kontext, ausgabe: Path) -> list[str]:
    from dialogkatalog import DIALOGE

    probleme: list[str] = []
    for name, fabrik in DIALOGE.items():
        dialog: QDialog = fabrik(kontext)
        dialog.show()
        _warte(app)
        _speichere(dialog, ausgabe / f"dialog-{name}.png")
        frei = (dialog.screen() or app.primaryScreen()).availableGeometry()
        rahmen = dialog.frameGeometry()
        if not frei.contains(rahmen):
            probleme.append(
                f"Dialog {name}: {rahmen.width()}×{rahmen.height()} bei ({rahmen.x()}, {rahmen.y()}) "
                f"passt nicht auf den Bildschirm {frei.width()}×{frei.height()}"
            )
        innen = QRect(0, 0, dialog.width(), dialog.height())
        for kasten in dialog.findChildren(QDialogButtonBox):
            for knopf in kasten.buttons():
                if not knopf.isVisible():
                    continue
                ort = QRect(knopf.mapTo(dialog, knopf.rect().topLeft()), knopf.size())
                if not innen.contains(ort) or knopf.visibleRegion().isEmpty():
                    probleme.append(f"Dialog {name}: Schaltfläche „{knopf.text()}“ ist nicht zu sehen")
        probleme += [f"Dialog {name}: {f}" for f in unruhige_listen(app, dialog)]
        probleme += [f"Dialog {name}: {f}" for f in seitwaerts_rollende_listen(dialog) + abgeschnittene_felder(dialog)]
        for rolle in dialog.findChildren(QScrollArea):
            if rolle.isVisible() and rolle.widget() is not None and rolle.horizontalScrollBar().maximum() > 0:
                probleme.append(f"Dialog {name}: {rolle.objectName() or 'Rollbereich'} rollt seitwärts")
        dialog.close()
        dialog.deleteLater()
        _warte(app)
    return probleme


def dunkle_palette(app: QApplication) -> None:
    """A dark system theme, as a user with a dark or high-contrast desktop has it (light text on black)."""
    from PySide6.QtGui import QColor, QPalette

    p = QPalette()
    for rolle, farbe in (
        (QPalette.ColorRole.Window, "#000000"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#000000"),
        (QPalette.ColorRole.AlternateBase, "#1a1a1a"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#000000"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#ffff00"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.ToolTipBase, "#000000"),
        (QPalette.ColorRole.ToolTipText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#c0c0c0"),
    ):
        p.setColor(rolle, QColor(farbe))
    app.setStyle("Fusion")
    app.setPalette(p)


def main(ausgabe: Path, *, dunkel: bool = False, demo: Path | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # dialogkatalog, as in the tests
    ausgabe.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    zaehle_einpassungen()
    if dunkel:
        dunkle_palette(app)
    keine_fragen()
    from core.demo import lege_demo_an
    from core.stammdaten.start import oeffne
    from desktop.app import richte_anwendung_ein
    from desktop.einstellungen import Einstellungen
    from desktop.hauptfenster import Hauptfenster
    from desktop.kontext import Kontext

    with tempfile.TemporaryDirectory() as tmp:
        ort = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ort / "qsettings"))
        einstellungen = Einstellungen(QSettings(str(ort / "einstellungen.ini"), QSettings.Format.IniFormat))
        richte_anwendung_ein(app, einstellungen)
        pfad = ort / "demo.sqlite"
        if demo is None:
            lege_demo_an(pfad, heute=date.today())
        else:
            shutil.copy(demo, pfad)
        db = oeffne(pfad)
        kontext = Kontext(datenbank=db, einstellungen=einstellungen, db_pfad=pfad)
        fenster = Hauptfenster(kontext)
        fenster.show()
        _warte(app)
        probleme = pruefe_bereiche(app, fenster, ausgabe) + pruefe_dialoge(app, kontext, ausgabe)
        fenster.close()
        kontext.schliessen()
        shutil.rmtree(ort / "qsettings", ignore_errors=True)
    for p in probleme:
        print(p)
    return 1 if probleme else 0


if __name__ == "__main__":
    optionen = sys.argv[2:]
    vorlage = Path(optionen[optionen.index("--db") + 1]) if "--db" in optionen else None
    sys.exit(main(Path(sys.argv[1]), dunkel="--dunkel" in optionen, demo=vorlage))
