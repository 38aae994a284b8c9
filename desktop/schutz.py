"""Privacy at rest in the window: the password prompt at start, "Datenbank verschlüsseln …", the idle app lock.

The password is only in memory (the open Datenbank, core.persistence.schutz.merke_kennwort); nothing here writes it.
The lock hides the window's content (and covers any open dialog, which keeps what was typed) behind a screen that
asks for the password; for a file that is not encrypted there is no password to ask, and the screen says that only
the computer's user account protects the data then.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.domain.zahlen import anzahl
from desktop import meldungen
from desktop.dialoge import modal
from desktop.hintergrund import warte_auf_faeden
from desktop.i18n import tr

log = logging.getLogger(__name__)
T = TypeVar("T")

WARNUNG = tr(
    "Wichtig: Ohne das Kennwort kann niemand die Daten wieder öffnen – auch Sie nicht und auch keine Fachperson. "
    "Es wird nirgends gespeichert. Schreiben Sie es auf und bewahren Sie es sicher auf (nicht am Computer)."
)
OHNE_VERSCHLUESSELUNG = tr(
    "Die Datenbank ist nicht verschlüsselt: nur die Anmeldung am Computer (Ihr Benutzerkonto) schützt die Daten. "
    "Wer die Datei kopiert, kann sie lesen."
)


def _kennwortfeld(name: str) -> QLineEdit:
    feld = QLineEdit()
    feld.setEchoMode(QLineEdit.EchoMode.Password)
    feld.setAccessibleName(name.replace("&", ""))
    feld.setObjectName(name.replace("&", "").replace(" ", "_").lower())
    return feld


class KennwortAbfrage(QDialog):
    """The password of an encrypted data file (at start, or to turn encryption off with `text` and `knopf`);
    `fehler` is the German reason of a failed try."""

    def __init__(
        self,
        pfad: Path,
        fehler: str = "",
        parent: QWidget | None = None,
        *,
        titel: str = "",
        text: str = "",
        knopf: str = "",
    ) -> None:
        super().__init__(parent)
        titel = titel or tr("Kennwort der Datenbank")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        spalte = QVBoxLayout(self)
        standard = tr("Die Datenbank {name} ist verschlüsselt. Bitte geben Sie ihr Kennwort ein.")
        erklaerung = QLabel(text or standard.format(name=pfad.name))
        erklaerung.setWordWrap(True)
        spalte.addWidget(erklaerung)
        self.meldung = QLabel(fehler)
        self.meldung.setWordWrap(True)
        self.meldung.setVisible(bool(fehler))
        self.meldung.setAccessibleName(fehler)
        spalte.addWidget(self.meldung)
        form = QFormLayout()
        self.kennwort = _kennwortfeld(tr("&Kennwort"))
        beschriftung = QLabel(tr("&Kennwort"))
        beschriftung.setBuddy(self.kennwort)
        form.addRow(beschriftung, self.kennwort)
        spalte.addLayout(form)
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.button(QDialogButtonBox.StandardButton.Ok).setText(knopf or tr("Ö&ffnen"))
        knoepfe.accepted.connect(self.accept)
        knoepfe.rejected.connect(self.reject)
        spalte.addWidget(knoepfe)
        self.kennwort.setFocus()


def frage_kennwort(pfad: Path, fehler: str = "", parent: QWidget | None = None) -> str | None:
    """Ask for the password; None when the user cancels."""
    dialog = KennwortAbfrage(pfad, fehler, parent)
    if modal(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog.kennwort.text()


class VerschluesselnDialog(QDialog):
    """A new password twice, a strength hint as one types, the warning that a lost password means lost data, and a
    check box that says it was understood; "Verschlüsseln" is enabled only when all is well."""

    def __init__(self, parent: QWidget | None = None, *, aendern: bool = False) -> None:
        from core.persistence.schutz import MINDESTLAENGE

        super().__init__(parent)
        titel = tr("Kennwort ändern") if aendern else tr("Datenbank verschlüsseln")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        spalte = QVBoxLayout(self)
        erklaerung = QLabel(
            tr(
                "Die Datenbank und alle ihre Sicherungen bekommen ein neues Kennwort; das bisherige öffnet sie danach "
                "nicht mehr. Vorher wird eine geprüfte Sicherung angelegt."
            )
            if aendern
            else tr(
                "Die Datenbank und alle ihre Sicherungen werden mit einem Kennwort verschlüsselt. Wer den Computer "
                "stiehlt oder die Datei kopiert, kann sie ohne das Kennwort nicht lesen. Das Programm fragt beim "
                "Start nach dem Kennwort. Vorher wird eine geprüfte Sicherung angelegt."
            )
        )
        erklaerung.setWordWrap(True)
        spalte.addWidget(erklaerung)
        form = QFormLayout()
        self.bisher: QLineEdit | None = None
        if aendern:
            self.bisher = _kennwortfeld(tr("&Bisheriges Kennwort"))
            beschriftung = QLabel(tr("&Bisheriges Kennwort"))
            beschriftung.setBuddy(self.bisher)
            form.addRow(beschriftung, self.bisher)
        self.kennwort = _kennwortfeld(tr("Neues &Kennwort"))
        self.wiederholung = _kennwortfeld(tr("Kennwort &wiederholen"))
        for feld, text in ((self.kennwort, tr("Neues &Kennwort")), (self.wiederholung, tr("Kennwort &wiederholen"))):
            beschriftung = QLabel(text)
            beschriftung.setBuddy(feld)
            form.addRow(beschriftung, feld)
        self.kennwort.setAccessibleDescription(
            tr("Mindestens {n} Zeichen; ein Satz aus vier Wörtern ist gut").format(n=MINDESTLAENGE)
        )
        self.staerke = QLabel()
        self.staerke.setObjectName("staerke")
        self.staerke.setWordWrap(True)
        form.addRow(tr("Stärke:"), self.staerke)
        spalte.addLayout(form)
        self.warnung = QLabel(WARNUNG)
        self.warnung.setObjectName("warnung")
        self.warnung.setWordWrap(True)
        spalte.addWidget(self.warnung)
        self.verstanden = QCheckBox(tr("Ich habe verstanden: &ohne Kennwort sind die Daten verloren."))
        spalte.addWidget(self.verstanden)
        self.grund = QLabel()
        self.grund.setObjectName("grund")
        self.grund.setWordWrap(True)
        spalte.addWidget(self.grund)
        self.knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.knoepfe.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Kennwort &ändern") if aendern else tr("&Verschlüsseln"))
        self.knoepfe.accepted.connect(self.accept)
        self.knoepfe.rejected.connect(self.reject)
        spalte.addWidget(self.knoepfe)
        for signal in (self.kennwort.textChanged, self.wiederholung.textChanged):
            signal.connect(self._pruefe)
        self.verstanden.toggled.connect(self._pruefe)
        if self.bisher is not None:
            self.bisher.textChanged.connect(self._pruefe)
        self._pruefe()
        (self.bisher or self.kennwort).setFocus()

    def _pruefe(self) -> None:
        from core.persistence.schutz import kennwort_hinweis, kennwort_pruefen

        kennwort = self.kennwort.text()
        self.staerke.setText(kennwort_hinweis(kennwort) if kennwort else tr("noch kein Kennwort eingegeben"))
        grund = kennwort_pruefen(kennwort, self.wiederholung.text()) if kennwort else None
        if grund is None and kennwort and self.bisher is not None and not self.bisher.text():
            grund = tr("Bitte geben Sie auch das bisherige Kennwort ein.")
        if grund is None and kennwort and not self.verstanden.isChecked():
            grund = tr("Bitte bestätigen Sie, dass Sie den Hinweis zum verlorenen Kennwort verstanden haben.")
        self.grund.setText(grund or "")
        self.grund.setAccessibleName(grund or "")
        self.ok.setEnabled(bool(kennwort) and grund is None)


def _bei_geschlossener_datei(kontext: Any, pfad: Path, umwandlung: Callable[[], T]) -> tuple[T | None, str | None]:
    """Close the household, run `umwandlung` on the closed file, open it again (converted, or unchanged after a
    refusal); (its result, None) or (None, the German reason). The pages' background readers (Fristen, an export)
    are waited for first: their connections keep SQLite in WAL mode, and a conversion needs the file to itself."""
    from core.fehler import AssistenzbueroFehler
    from core.stammdaten.start import oeffne

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        warte_auf_faeden()
        kontext.schliessen()  # a connection only garbage still holds: the conversion collects it when it meets one
        try:
            return umwandlung(), None
        except AssistenzbueroFehler as grund:  # a wrong password too: nothing changed
            return None, str(grund)
        finally:
            kontext.datenbank = oeffne(pfad)  # with the password the conversion remembered, or none
    finally:
        QGuiApplication.restoreOverrideCursor()


def verschluessele_datenbank(kontext: Any, parent: QWidget | None = None) -> bool:
    """Ask for a new password, close the file, convert it and its backups, open it again with the password.

    The areas read `kontext.datenbank` afresh on each action, so they continue with the reopened file.
    """
    from core.persistence import schutz

    db = kontext.datenbank
    pfad = getattr(db, "pfad", None)
    if pfad is None:
        return False
    if getattr(db, "kennwort", None):
        meldungen.hinweis(parent, tr("Bereits verschlüsselt"), tr("Die Datenbank ist bereits verschlüsselt."))
        return False
    dialog = VerschluesselnDialog(parent)
    if modal(dialog) != QDialog.DialogCode.Accepted:
        return False
    kennwort = dialog.kennwort.text()
    ergebnis, fehler = _bei_geschlossener_datei(kontext, pfad, lambda: schutz.verschluessele(pfad, kennwort))
    if ergebnis is None:
        meldungen.fehler(parent, tr("Nicht verschlüsselt"), fehler or "")
        return False
    text = tr("Die Datenbank und {n} sind jetzt verschlüsselt.").format(
        n=anzahl(ergebnis.sicherungen_verschluesselt, tr("Sicherung"), tr("Sicherungen"))
    )
    if ergebnis.sicherung_vorher is not None:
        text += " " + tr("Die Sicherung von vorher liegt (jetzt ebenfalls verschlüsselt) unter {pfad}.").format(
            pfad=ergebnis.sicherung_vorher.pfad
        )
    if ergebnis.sicherungen_nicht_verschluesselt:
        text += " " + tr(
            "{n} ältere Sicherungen ließen sich nicht lesen und blieben unverschlüsselt; "
            "Sie finden sie im Ordner {ordner}."
        ).format(
            n=len(ergebnis.sicherungen_nicht_verschluesselt), ordner=ergebnis.sicherungen_nicht_verschluesselt[0].parent
        )
    meldungen.hinweis(parent, tr("Datenbank verschlüsselt"), text)
    return True


def aendere_kennwort(kontext: Any, parent: QWidget | None = None) -> bool:
    """Ask for the old and a new password, close the file, re-encrypt it and its backups, open it again."""
    from core.persistence import schutz

    db = kontext.datenbank
    pfad = getattr(db, "pfad", None)
    if pfad is None or not getattr(db, "kennwort", None):
        return False
    dialog = VerschluesselnDialog(parent, aendern=True)
    if modal(dialog) != QDialog.DialogCode.Accepted or dialog.bisher is None:
        return False
    alt, neu = dialog.bisher.text(), dialog.kennwort.text()
    ergebnis, fehler = _bei_geschlossener_datei(kontext, pfad, lambda: schutz.aendere_kennwort(pfad, alt, neu))
    if ergebnis is None:
        meldungen.fehler(parent, tr("Kennwort nicht geändert"), fehler or "")
        return False
    meldungen.hinweis(
        parent,
        tr("Kennwort geändert"),
        tr("Die Datenbank und ihre Sicherungen öffnen sich jetzt nur noch mit dem neuen Kennwort."),
    )
    return True


ENTSCHLUESSELN_TEXT = tr(
    "Die Datenbank und alle ihre Sicherungen werden wieder ohne Kennwort gespeichert, zum Beispiel um sie einem "
    "Lohnbüro zu geben. Danach schützt nur noch die Anmeldung am Computer die Daten: wer die Datei kopiert, kann sie "
    "lesen. Vorher wird eine geprüfte Sicherung angelegt. Bitte geben Sie zur Bestätigung das Kennwort ein."
)


def entschluessele_datenbank(kontext: Any, parent: QWidget | None = None) -> bool:
    """Ask for the password, close the file, make it and its backups plain again, open it again without one."""
    from core.persistence import schutz

    db = kontext.datenbank
    pfad = getattr(db, "pfad", None)
    if pfad is None or not getattr(db, "kennwort", None):
        return False
    dialog = KennwortAbfrage(
        pfad, "", parent, titel=tr("Verschlüsselung aufheben"), text=ENTSCHLUESSELN_TEXT, knopf=tr("&Aufheben")
    )
    if modal(dialog) != QDialog.DialogCode.Accepted or not dialog.kennwort.text():
        return False
    kennwort = dialog.kennwort.text()
    ergebnis, fehler = _bei_geschlossener_datei(kontext, pfad, lambda: schutz.entschluessele(pfad, kennwort))
    if ergebnis is None:
        meldungen.fehler(parent, tr("Verschlüsselung nicht aufgehoben"), fehler or "")
        return False
    text = tr(
        "Die Datenbank und {n} sind nicht mehr verschlüsselt; nur noch die Anmeldung am Computer schützt sie."
    ).format(n=anzahl(ergebnis.sicherungen_entschluesselt, tr("Sicherung"), tr("Sicherungen")))
    if ergebnis.sicherungen_verschluesselt_geblieben:
        text += " " + tr(
            "Mit einem anderen Kennwort verschlüsselt und daher unverändert: {n}; Sie finden sie im Ordner {ordner}."
        ).format(
            n=anzahl(len(ergebnis.sicherungen_verschluesselt_geblieben), tr("Sicherung"), tr("Sicherungen")),
            ordner=ergebnis.sicherungen_verschluesselt_geblieben[0].parent,
        )
    meldungen.hinweis(parent, tr("Verschlüsselung aufgehoben"), text)
    return True


class Sperrbildschirm(QWidget):
    """Takes the place of the window's content while it is locked."""

    entsperrt = Signal()

    def __init__(self, kennwort: str | None) -> None:
        super().__init__()
        self.setObjectName("sperrbildschirm")
        self.setAccessibleName(tr("Programm gesperrt"))
        self._kennwort = kennwort
        aussen = QHBoxLayout(self)
        mitte = QWidget()
        mitte.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)  # a readable column, also at 200 %
        aussen.addStretch(1)
        aussen.addWidget(mitte, 3)
        aussen.addStretch(1)
        spalte = QVBoxLayout(mitte)
        spalte.addStretch(1)
        titel = QLabel(tr("Assistenzbüro ist gesperrt"))
        schrift = titel.font()
        schrift.setPointSizeF(schrift.pointSizeF() * 1.5)
        titel.setFont(schrift)
        spalte.addWidget(titel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.meldung = QLabel()
        self.meldung.setObjectName("sperrmeldung")
        self.meldung.setWordWrap(True)
        self.kennwort = _kennwortfeld(tr("&Kennwort"))
        self.knopf = QPushButton(tr("&Entsperren"))
        self.knopf.setObjectName("entsperren")
        form = QFormLayout()
        if kennwort is not None:
            erklaerung = QLabel(tr("Bitte geben Sie das Kennwort der Datenbank ein, um weiterzuarbeiten."))
            beschriftung = QLabel(tr("&Kennwort"))
            beschriftung.setBuddy(self.kennwort)
            form.addRow(beschriftung, self.kennwort)
            self.kennwort.returnPressed.connect(self._versuche)
        else:
            erklaerung = QLabel(OHNE_VERSCHLUESSELUNG + " " + tr("Sperren Sie den Computer, wenn Sie ihn verlassen."))
            self.kennwort.hide()
        erklaerung.setWordWrap(True)
        spalte.addWidget(erklaerung)
        spalte.addLayout(form)
        spalte.addWidget(self.meldung)
        spalte.addWidget(self.knopf, 0, Qt.AlignmentFlag.AlignHCenter)
        spalte.addStretch(2)
        self.knopf.clicked.connect(self._versuche)

    def fokus(self) -> None:
        (self.kennwort if self._kennwort is not None else self.knopf).setFocus(Qt.FocusReason.OtherFocusReason)

    def _versuche(self) -> None:
        if self._kennwort is not None and not hmac.compare_digest(
            self.kennwort.text().encode("utf-8"), self._kennwort.encode("utf-8")
        ):
            text = tr("Das Kennwort stimmt nicht. Bitte noch einmal eingeben (Groß- und Kleinschreibung beachten).")
            self.meldung.setText(text)
            self.meldung.setAccessibleName(text)
            self.kennwort.clear()
            self.kennwort.setFocus()
            return
        self.kennwort.clear()
        self.entsperrt.emit()


class AppSperre(QObject):
    """Locks `fenster` after `minuten` without keyboard or mouse input (0: never); `sperre()` locks at once."""

    gesperrt = Signal()

    EINGABEN = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, fenster: QMainWindow, kennwort: Any, minuten: int) -> None:
        super().__init__(fenster)
        self.fenster = fenster
        self._kennwort = kennwort  # callable → the password of the open file, or None when it is not encrypted
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sperre)
        self.bildschirm: Sperrbildschirm | None = None
        self._inhalt: QWidget | None = None
        self._decken: list[Sperrbildschirm] = []
        self._abgeschaltet: list[QWidget] = []
        self.setze_minuten(minuten)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def ist_gesperrt(self) -> bool:
        return self.bildschirm is not None

    def setze_minuten(self, minuten: int) -> None:
        self.timer.stop()
        self._minuten = max(0, minuten)
        if self._minuten:
            self.timer.start(self._minuten * 60_000)

    def eventFilter(self, objekt: QObject, ereignis: QEvent) -> bool:
        if self._minuten and not self.ist_gesperrt and ereignis.type() in self.EINGABEN:
            self.timer.start(self._minuten * 60_000)
        return False

    def sperre(self) -> None:
        """Hide the main window's content; cover every other open window (a dialog keeps its input: hiding a modal
        dialog would end it) and disable what is beneath. The password is asked in the window that takes input:
        the open modal dialog if there is one (it blocks the main window), else the main window."""
        if self.ist_gesperrt:
            return
        kennwort = self._kennwort()
        self._inhalt = self.fenster.takeCentralWidget()
        self.bildschirm = Sperrbildschirm(kennwort)
        self.bildschirm.entsperrt.connect(self.entsperre)
        self.fenster.setCentralWidget(self.bildschirm)
        self.fenster.menuBar().setEnabled(False)
        eingabe = self.bildschirm
        aktiv = QApplication.activeModalWidget()
        for fenster in QApplication.topLevelWidgets():
            if fenster is self.fenster or not fenster.isVisible() or not fenster.isWindow():
                continue
            decke = Sperrbildschirm(kennwort)
            decke.setParent(fenster)
            decke.setAutoFillBackground(True)
            decke.setGeometry(fenster.rect())
            decke.entsperrt.connect(self.entsperre)
            for kind in fenster.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if kind is not decke and kind.isEnabled():
                    kind.setEnabled(False)
                    self._abgeschaltet.append(kind)
            decke.show()
            decke.raise_()
            self._decken.append(decke)
            if fenster is aktiv:
                eingabe = decke
        eingabe.fokus()
        self.gesperrt.emit()

    def entsperre(self) -> None:
        if self.bildschirm is None or self._inhalt is None:
            return
        self.fenster.takeCentralWidget()
        self.bildschirm.deleteLater()
        self.bildschirm = None
        self.fenster.setCentralWidget(self._inhalt)
        self._inhalt = None
        self.fenster.menuBar().setEnabled(True)
        for widget in [*self._decken, *self._abgeschaltet]:
            try:
                if isinstance(widget, Sperrbildschirm):
                    widget.hide()
                    widget.deleteLater()
                else:
                    widget.setEnabled(True)
            except RuntimeError:  # its dialog was deleted meanwhile
                continue
        self._decken, self._abgeschaltet = [], []
        self.setze_minuten(self._minuten)
