"""Program settings: declared once here (key, type, default, German label), stored via QSettings, shown as a page.

To add a setting, declare it with `option(...)` below; the settings page and typed access follow from that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QSpinBox,
    QStyle,
    QStyleFactory,
    QWidget,
)

from desktop.i18n import tr

Wert = bool | int | str


@dataclass(frozen=True)
class Option:
    """One declared setting. `standard` fixes its type; `sichtbar=False` keeps it off the settings page."""

    schluessel: str
    standard: Wert
    bezeichnung: str
    beschreibung: str = ""
    minimum: int | None = None
    maximum: int | None = None
    einheit: str = ""
    auswahl: tuple[tuple[str, str], ...] = ()
    sichtbar: bool = True

    @property
    def typ(self) -> type:
        return type(self.standard)


OPTIONEN: dict[str, Option] = {}


def option(schluessel: str, standard: Wert, bezeichnung: str, **weiteres: Any) -> Option:
    """Declare a setting; each key exactly once."""
    if schluessel in OPTIONEN:
        raise ValueError(f"Einstellung doppelt deklariert: {schluessel}")
    neu = Option(schluessel, standard, bezeichnung, **weiteres)
    OPTIONEN[schluessel] = neu
    return neu


SCHRIFTGROESSE = option(
    "ansicht/schriftgroesse_prozent",
    100,
    tr("&Schriftgröße"),
    beschreibung=tr("Größe aller Schriften in Prozent der Systemschrift"),
    minimum=80,
    maximum=250,
    einheit=" %",
)
LETZTEN_BEREICH_ZEIGEN = option(
    "ansicht/letzten_bereich_zeigen",
    True,
    tr("Beim Start den &zuletzt geöffneten Bereich zeigen"),
    beschreibung=tr("Sonst beginnt das Programm immer mit der Übersicht"),
)
SPERRE_MINUTEN = option(
    "sicherheit/sperre_nach_minuten",
    0,
    tr("Programm sperren nach &Minuten ohne Eingabe"),
    beschreibung=tr(
        "0 heißt nie. Gesperrt zeigt das Fenster nichts mehr an; bei einer verschlüsselten Datenbank fragt es "
        "nach dem Kennwort"
    ),
    minimum=0,
    maximum=240,
    einheit=" min",
)
LETZTER_BEREICH = option("ansicht/letzter_bereich", "uebersicht", "letzter Bereich", sichtbar=False)
FENSTER_GEOMETRIE = option("fenster/geometrie", "", "Fenstergröße und -lage", sichtbar=False)


class Einstellungen(QObject):
    """Typed access to the declared settings; emits `geaendert(schluessel)` after every change."""

    geaendert = Signal(str)

    def __init__(self, speicher: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speicher = speicher if speicher is not None else QSettings()
        self._zu_sichern = False

    def __getitem__(self, opt: Option) -> Any:
        roh = self._speicher.value(opt.schluessel, None)
        if roh is None:
            return opt.standard
        try:
            if opt.typ is bool:
                return roh if isinstance(roh, bool) else str(roh).lower() in {"true", "1", "ja"}
            if opt.typ is int:
                zahl = roh if isinstance(roh, int) else int(str(roh))
                if opt.minimum is not None:
                    zahl = max(opt.minimum, zahl)
                if opt.maximum is not None:
                    zahl = min(opt.maximum, zahl)
                return zahl
            return str(roh)
        except (TypeError, ValueError):  # a hand-edited settings file must not stop the program
            return opt.standard

    def __setitem__(self, opt: Option, wert: Wert) -> None:
        if not isinstance(wert, opt.typ):
            raise TypeError(f"{opt.schluessel}: {opt.typ.__name__} erwartet")
        self._speicher.setValue(opt.schluessel, wert)
        if not self._zu_sichern:  # written once the current event is handled, however many settings it changed
            self._zu_sichern = True
            QTimer.singleShot(0, self, self.sichern)
        self.geaendert.emit(opt.schluessel)

    def sichern(self) -> None:
        """Write the changed settings to their file now (otherwise done right after the event that changed them).

        Not after every single change: each write replaces the whole file and waits for the disk (about 10 ms),
        and every change of area wrote the last area that way."""
        self._zu_sichern = False
        self._speicher.sync()


class GrosseKaestchen(QProxyStyle):
    """Check boxes and radio buttons grow with the font (the style draws them at a fixed pixel size)."""

    ANZEIGER = (
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    )

    def __init__(self, basis: str, faktor: float) -> None:
        super().__init__(QStyleFactory.create(basis))
        self.faktor = faktor

    def pixelMetric(self, metrik: QStyle.PixelMetric, option: Any = None, widget: Any = None) -> int:
        wert = super().pixelMetric(metrik, option, widget)
        return round(wert * self.faktor) if metrik in self.ANZEIGER else wert


def wende_schriftgroesse_an(app: QApplication, prozent: int) -> None:
    """Scale the system font (never a fixed size): the base size is remembered on first use.

    Above 100 % check boxes grow along (a larger target for a shaky hand, visible under a magnifier).
    """
    basis = app.property("assistenzbuero_basisschrift")
    if basis is None:
        basis = app.font().pointSizeF()
        app.setProperty("assistenzbuero_basisschrift", basis)
        app.setProperty("assistenzbuero_basisstil", app.style().name())
    schrift = app.font()
    schrift.setPointSizeF(float(basis) * prozent / 100)
    app.setFont(schrift)
    faktor = max(prozent, 100) / 100
    stil = app.style()
    if isinstance(stil, GrosseKaestchen) and stil.faktor == faktor:
        return
    if faktor > 1 or isinstance(stil, GrosseKaestchen):
        basisstil = str(app.property("assistenzbuero_basisstil") or "fusion")
        app.setStyle(GrosseKaestchen(basisstil, faktor) if faktor > 1 else QStyleFactory.create(basisstil))


class EinstellungenSeite(QWidget):
    """The settings page, built from the declared options; changes apply at once."""

    def __init__(self, einstellungen: Einstellungen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._einstellungen = einstellungen
        self.eingaben: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for opt in OPTIONEN.values():
            if not opt.sichtbar:
                continue
            eingabe = self._eingabe_fuer(opt)
            eingabe.setObjectName(opt.schluessel)
            eingabe.setAccessibleDescription(opt.beschreibung)
            eingabe.setToolTip(opt.beschreibung)
            self.eingaben[opt.schluessel] = eingabe
            if isinstance(eingabe, QCheckBox):
                form.addRow(eingabe)
            else:
                beschriftung = QLabel(opt.bezeichnung)
                beschriftung.setBuddy(eingabe)
                eingabe.setAccessibleName(opt.bezeichnung.replace("&", ""))
                form.addRow(beschriftung, eingabe)

    def _eingabe_fuer(self, opt: Option) -> QWidget:
        wert = self._einstellungen[opt]
        if opt.typ is bool:
            box = QCheckBox(opt.bezeichnung)
            box.setChecked(wert)
            box.toggled.connect(lambda an, o=opt: self._setze(o, bool(an)))
            return box
        if opt.typ is int:
            zahl = QSpinBox()
            zahl.setRange(
                opt.minimum if opt.minimum is not None else 0, opt.maximum if opt.maximum is not None else 9999
            )
            zahl.setSuffix(opt.einheit)
            zahl.setValue(wert)
            zahl.setKeyboardTracking(False)  # apply on Enter or leaving the field, not per digit typed
            zahl.valueChanged.connect(lambda w, o=opt: self._setze(o, int(w)))
            return zahl
        if opt.auswahl:
            liste = QComboBox()
            for schluessel, text in opt.auswahl:
                liste.addItem(text, schluessel)
            liste.setCurrentIndex(max(0, liste.findData(wert)))
            liste.currentIndexChanged.connect(lambda _i, o=opt, c=liste: self._setze(o, str(c.currentData())))
            return liste
        zeile = QLineEdit(wert)
        zeile.editingFinished.connect(lambda o=opt, z=zeile: self._setze(o, z.text()))
        return zeile

    def _setze(self, opt: Option, wert: Wert) -> None:
        self._einstellungen[opt] = wert
