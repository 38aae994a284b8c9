"""Form helpers: labelled inputs with an inline German error line that screen readers announce.

A `Formular` holds named `Feld`s. Services raise `EingabeFehler(meldung, feld=name)`; `zeige_eingabefehler`
puts the message under that field (text, not colour), updates the input's accessible description and moves the
focus there. Widgets only parse what the user typed (dates, decimal numbers); rules live in core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.domain.zahlen import KeineZahl, format_zahl, lies_zahl_oder_nichts
from core.fehler import EingabeFehler
from desktop.i18n import tr

Pruefer = Callable[[Any], str | None]


class Eingabeformat(ValueError):
    """What the user typed cannot be read (e.g. not a date); the message is German."""


def ohne_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def datum_aus_text(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for muster in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, muster).date()
        except ValueError:
            continue
    raise Eingabeformat(tr("Bitte ein Datum in der Form TT.MM.JJJJ eingeben, zum Beispiel 31.01.1990."))


def datum_als_text(tag: date | None) -> str:
    return "" if tag is None else tag.strftime("%d.%m.%Y")


def dezimal_aus_text(text: str) -> Decimal | None:
    """Read a German number ("1.234,56", "12,5"; "1.234" is 1234) as Decimal; an empty field is None."""
    try:
        return lies_zahl_oder_nichts(text)
    except KeineZahl:
        raise Eingabeformat(tr("Bitte eine Zahl eingeben, zum Beispiel 12,50.")) from None


def dezimal_als_text(zahl: Decimal | None, stellen: int | None = None) -> str:
    """Decimal → German text with thousands dots, rounded half up to `stellen` (None: the digits it has)."""
    if zahl is None:
        return ""
    if stellen is None:
        exponent = zahl.as_tuple().exponent
        stellen = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_zahl(zahl, stellen, tausender=True)


class Feld:
    """One input, its label (buddy) and the inline error line below it."""

    def __init__(
        self,
        name: str,
        beschriftung: str,
        eingabe: QWidget,
        *,
        beschreibung: str = "",
        pruefer: Pruefer | None = None,
    ) -> None:
        self.name = name
        self.eingabe = eingabe
        self.pruefer = pruefer
        self._beschreibung = beschreibung
        eingabe.setObjectName(name)
        self.beschriftung: QLabel | None = None
        if isinstance(eingabe, QCheckBox):
            eingabe.setText(beschriftung)
        else:
            self.beschriftung = QLabel(beschriftung)
            self.beschriftung.setBuddy(eingabe)
        eingabe.setAccessibleName(ohne_mnemonic(beschriftung))
        eingabe.setAccessibleDescription(beschreibung)
        if beschreibung:
            eingabe.setToolTip(beschreibung)
        self.fehler = QLabel()
        self.fehler.setObjectName(f"{name}_fehler")
        self.fehler.setWordWrap(True)
        self.fehler.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        schrift = self.fehler.font()
        schrift.setBold(True)  # emphasis without colour or a fixed size
        self.fehler.setFont(schrift)
        self.fehler.hide()
        self.behaelter = QWidget()
        spalte = QVBoxLayout(self.behaelter)
        spalte.setContentsMargins(0, 0, 0, 0)
        spalte.addWidget(eingabe)
        spalte.addWidget(self.fehler)
        if pruefer is not None or isinstance(eingabe, DatumEingabe | DezimalEingabe):
            signal = getattr(eingabe, "editingFinished", None)
            if signal is not None:
                signal.connect(self.pruefe)

    def bei_verlassen(self, rueckruf: Callable[[], object]) -> None:
        """Call `rueckruf` when the user is done with the input: left a text field (or pressed Enter), chose an
        entry, ticked the box."""
        e = self.eingabe
        if isinstance(e, QLineEdit | QAbstractSpinBox):
            e.editingFinished.connect(rueckruf)
        elif isinstance(e, QComboBox):
            e.currentIndexChanged.connect(lambda _i: rueckruf())
        elif isinstance(e, QCheckBox):
            e.toggled.connect(lambda _an: rueckruf())
        else:
            raise TypeError(f"{type(e).__name__} meldet kein Verlassen")

    # values ---------------------------------------------------------------------------------------------------
    def wert(self) -> Any:
        """The typed value; raises Eingabeformat if the text cannot be read."""
        e = self.eingabe
        if isinstance(e, DatumEingabe):
            return datum_aus_text(e.text())
        if isinstance(e, DezimalEingabe):
            return dezimal_aus_text(e.text())
        if isinstance(e, QLineEdit):
            return e.text().strip()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText().strip()
        if isinstance(e, QCheckBox):
            return e.isChecked()
        if isinstance(e, QComboBox):
            return e.currentData()
        if isinstance(e, QSpinBox):
            return e.value()
        raise TypeError(type(e).__name__)

    def setze(self, wert: Any) -> None:
        e = self.eingabe
        if isinstance(e, DatumEingabe):
            e.setText(datum_als_text(wert))
        elif isinstance(e, DezimalEingabe):
            e.setText(dezimal_als_text(wert, e.stellen))
        elif isinstance(e, QLineEdit):
            e.setText("" if wert is None else str(wert))
            e.setCursorPosition(0)  # a value longer than the field shows its beginning, not its end
        elif isinstance(e, QPlainTextEdit):
            e.setPlainText("" if wert is None else str(wert))
        elif isinstance(e, QCheckBox):
            e.setChecked(bool(wert))
        elif isinstance(e, QComboBox):
            e.setCurrentIndex(max(0, e.findData(wert)))
        elif isinstance(e, QSpinBox):
            e.setValue(int(wert or 0))
        self.loesche_fehler()

    # errors ---------------------------------------------------------------------------------------------------
    @property
    def fehlertext(self) -> str:
        return self.fehler.text() if not self.fehler.isHidden() else ""

    def zeige_fehler(self, meldung: str) -> None:
        self.fehler.setText(tr("Fehler: {meldung}").format(meldung=meldung))
        self.fehler.show()
        self.eingabe.setAccessibleDescription(self.fehler.text())
        QAccessible.updateAccessibility(QAccessibleEvent(self.eingabe, QAccessible.Event.DescriptionChanged))
        QAccessible.updateAccessibility(QAccessibleEvent(self.fehler, QAccessible.Event.Alert))

    def loesche_fehler(self) -> None:
        if self.fehler.isHidden():
            return
        self.fehler.clear()
        self.fehler.hide()
        self.eingabe.setAccessibleDescription(self._beschreibung)
        QAccessible.updateAccessibility(QAccessibleEvent(self.eingabe, QAccessible.Event.DescriptionChanged))

    def pruefe(self) -> bool:
        """Read the value and run the field's checker; show the result inline."""
        try:
            wert = self.wert()
        except Eingabeformat as fehler:
            self.zeige_fehler(str(fehler))
            return False
        meldung = self.pruefer(wert) if self.pruefer is not None and wert not in (None, "") else None
        if meldung:
            self.zeige_fehler(meldung)
            return False
        self.loesche_fehler()
        return True


class DatumEingabe(QLineEdit):
    """A date typed as TT.MM.JJJJ (may stay empty); a line edit is quickest by keyboard and for screen readers."""

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText(tr("TT.MM.JJJJ"))
        self.setMaxLength(10)


class DezimalEingabe(QLineEdit):
    """A decimal number in German notation, read as Decimal."""

    def __init__(self, stellen: int | None = None) -> None:
        super().__init__()
        self.stellen = stellen
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class Formular(QWidget):
    """A column of labelled fields with a general error line on top.

    `live_pruefung` (optional) returns {feld: Meldung} for the current input, typically by calling the core
    service's `pruefe_…`; it runs when the user leaves a field, and only that field's message is updated.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.felder: dict[str, Feld] = {}
        self.live_pruefung: Callable[[], Mapping[str, str]] | None = None
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.allgemeiner_fehler = QLabel()
        self.allgemeiner_fehler.setObjectName("formular_fehler")
        self.allgemeiner_fehler.setWordWrap(True)
        schrift = self.allgemeiner_fehler.font()
        schrift.setBold(True)
        self.allgemeiner_fehler.setFont(schrift)
        self.allgemeiner_fehler.hide()
        self._layout.addRow(self.allgemeiner_fehler)

    # building -------------------------------------------------------------------------------------------------
    def hinzufuegen(self, feld: Feld) -> Feld:
        if feld.name in self.felder:
            raise ValueError(f"Feld doppelt: {feld.name}")
        self.felder[feld.name] = feld
        if isinstance(feld.eingabe, QLineEdit | QComboBox | QCheckBox):
            feld.bei_verlassen(partial(self._feld_verlassen, feld))
        if feld.beschriftung is None:
            self._layout.addRow(feld.behaelter)
        else:
            self._layout.addRow(feld.beschriftung, feld.behaelter)
        return feld

    def zeile(self, inhalt: QWidget, beschriftung: str | None = None) -> None:
        """A row that is no `Feld` (a read-only value, buttons, an explanation), with or without a label."""
        if beschriftung is None:
            self._layout.addRow(inhalt)
        else:
            self._layout.addRow(beschriftung, inhalt)

    def ueberschrift(self, text: str) -> QLabel:
        label = QLabel(text)
        schrift = label.font()
        schrift.setBold(True)
        label.setFont(schrift)
        self._layout.addRow(label)
        return label

    def text(self, name: str, beschriftung: str, **kw: Any) -> Feld:
        laenge = kw.pop("max_laenge", None)
        zeile = QLineEdit()
        if laenge:
            zeile.setMaxLength(laenge)
        if "platzhalter" in kw:
            zeile.setPlaceholderText(kw.pop("platzhalter"))
        return self.hinzufuegen(Feld(name, beschriftung, zeile, **kw))

    def mehrzeilig(self, name: str, beschriftung: str, **kw: Any) -> Feld:
        feld = QPlainTextEdit()
        feld.setTabChangesFocus(True)  # Tab must leave the field, not insert a tab character
        feld.setMaximumHeight(feld.fontMetrics().lineSpacing() * 5)
        return self.hinzufuegen(Feld(name, beschriftung, feld, **kw))

    def datum(self, name: str, beschriftung: str, **kw: Any) -> Feld:
        return self.hinzufuegen(Feld(name, beschriftung, DatumEingabe(), **kw))

    def dezimal(self, name: str, beschriftung: str, *, stellen: int | None = None, **kw: Any) -> Feld:
        return self.hinzufuegen(Feld(name, beschriftung, DezimalEingabe(stellen), **kw))

    def ganzzahl(self, name: str, beschriftung: str, *, minimum: int = 0, maximum: int = 999, **kw: Any) -> Feld:
        zahl = QSpinBox()
        zahl.setRange(minimum, maximum)
        return self.hinzufuegen(Feld(name, beschriftung, zahl, **kw))

    def ja_nein(self, name: str, beschriftung: str, **kw: Any) -> Feld:
        return self.hinzufuegen(Feld(name, beschriftung, QCheckBox(), **kw))

    def auswahl(self, name: str, beschriftung: str, eintraege: Iterable[tuple[Any, str]], **kw: Any) -> Feld:
        liste = QComboBox()
        # long entries (school certificates …) must not make the whole form wider than the window
        liste.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        liste.setMinimumContentsLength(24)
        # …but it grows with the form like a text field, so that an entry longer than 24 characters is not cut
        # off where there is room ("Unfallkasse Baden-Württemberg (Ba")
        liste.setSizePolicy(QSizePolicy.Policy.Expanding, liste.sizePolicy().verticalPolicy())
        for wert, text in eintraege:
            liste.addItem(text, wert)
        return self.hinzufuegen(Feld(name, beschriftung, liste, **kw))

    def _feld_verlassen(self, feld: Feld) -> None:
        if self.live_pruefung is None or not feld.pruefe():
            return
        meldung = dict(self.live_pruefung()).get(feld.name)
        if meldung:
            feld.zeige_fehler(meldung)
        else:
            feld.loesche_fehler()

    # values and errors ----------------------------------------------------------------------------------------
    def rohwerte(self) -> dict[str, Any]:
        """The values that can be read now, without showing anything (for checks while typing)."""
        ergebnis: dict[str, Any] = {}
        for name, feld in self.felder.items():
            try:
                ergebnis[name] = feld.wert()
            except Eingabeformat:
                continue
        return ergebnis

    def werte(self) -> dict[str, Any] | None:
        """All values, or None after showing inline what could not be read (the first bad field gets focus)."""
        self.loesche_fehler()
        ergebnis: dict[str, Any] = {}
        erster: Feld | None = None
        for name, feld in self.felder.items():
            if not feld.pruefe():
                erster = erster or feld
                continue
            ergebnis[name] = feld.wert()
        if erster is not None:
            erster.eingabe.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return ergebnis

    def setze_werte(self, werte: Mapping[str, Any]) -> None:
        for name, wert in werte.items():
            if name in self.felder:
                self.felder[name].setze(wert)

    def loesche_fehler(self) -> None:
        self.allgemeiner_fehler.clear()
        self.allgemeiner_fehler.hide()
        for feld in self.felder.values():
            feld.loesche_fehler()

    def zeige_feldfehler(self, fehler: Mapping[str, str], *, fokus: bool = True) -> list[str]:
        """Show {feld: Meldung} at the fields of this form; returns the names shown here (others are ignored)."""
        gezeigt = [name for name in fehler if name in self.felder]
        for name in gezeigt:
            self.felder[name].zeige_fehler(fehler[name])
        if gezeigt and fokus:
            self.felder[gezeigt[0]].eingabe.setFocus(Qt.FocusReason.OtherFocusReason)
        return gezeigt

    def zeige_allgemein(self, text: str) -> None:
        self.allgemeiner_fehler.setText(text)
        self.allgemeiner_fehler.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self.allgemeiner_fehler, QAccessible.Event.Alert))

    def zeige_eingabefehler(self, fehler: EingabeFehler) -> None:
        """Show a service's refusal at its field(s) (or on top when a field is not on this form).

        Understands core's `FeldFehler` (attribute `fehler`: {feld: Meldung}) and a plain `EingabeFehler(feld=…)`.
        """
        mehrere = getattr(fehler, "fehler", None)
        if isinstance(mehrere, Mapping):
            gezeigt = self.zeige_feldfehler(mehrere)
            rest = [m for name, m in mehrere.items() if name not in gezeigt]
            if rest:
                self.zeige_allgemein(tr("Nicht gespeichert: {meldung}").format(meldung=" ".join(rest)))
                if not gezeigt:
                    self.allgemeiner_fehler.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        feld = self.felder.get(fehler.feld or "")
        if feld is None:
            self.zeige_allgemein(tr("Nicht gespeichert: {meldung}").format(meldung=fehler))
            return
        feld.zeige_fehler(str(fehler))
        feld.eingabe.setFocus(Qt.FocusReason.OtherFocusReason)

    def fehlertexte(self) -> dict[str, str]:
        """Field name → visible error text (for tests and summaries)."""
        texte = {name: f.fehlertext for name, f in self.felder.items() if f.fehlertext}
        if not self.allgemeiner_fehler.isHidden():
            texte[""] = self.allgemeiner_fehler.text()
        return texte


# A record edited in several forms (sections of a page, tabs of a dialog) --------------------------------------------
def feld_in(formulare: Iterable[Formular], name: str) -> Feld:
    """The field `name` in whichever of the forms holds it."""
    for formular in formulare:
        if name in formular.felder:
            return formular.felder[name]
    raise KeyError(name)


def rohwerte_aller(formulare: Iterable[Formular]) -> dict[str, Any]:
    """What can be read in all the forms now (`Formular.rohwerte`), without showing anything."""
    werte: dict[str, Any] = {}
    for formular in formulare:
        werte.update(formular.rohwerte())
    return werte


VORSCHLAG = "assistenzbuero_vorschlag"  # the value the program filled in (so it may replace it, never hers)


def bank_aus_iban(iban: Feld, bank: Feld, bic: Feld) -> None:
    """When she leaves the IBAN field, fill "Bank" and "BIC" from the bank registry in schwifty — only fields that
    are empty or still hold what the program filled in earlier; what she typed herself is never overwritten.
    (Issue 13, finding 10: typing an IBAN left Bank and BIC to be looked up by hand.)"""

    def ergaenzen() -> None:
        from core.domain.kennungen import bank_zur_iban  # here: schwifty's registry loads on first use

        eingabe = iban.eingabe
        text = eingabe.text() if isinstance(eingabe, QLineEdit) else ""
        gefunden = bank_zur_iban(text) if text.strip() else None
        if gefunden is None:
            return
        for feld, wert in zip((bank, bic), gefunden, strict=True):
            ziel = feld.eingabe
            if not wert or not isinstance(ziel, QLineEdit):
                continue
            bisher = ziel.text().strip()
            if bisher and bisher != ziel.property(VORSCHLAG):
                continue
            ziel.setText(wert)
            ziel.setProperty(VORSCHLAG, wert)

    iban.bei_verlassen(ergaenzen)
