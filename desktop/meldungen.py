"""German message boxes: one clear sentence, what to do; standard buttons come from Qt's German catalogue."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from core.fehler import AssistenzbueroFehler
from desktop.dialoge import modal
from desktop.i18n import tr

log = logging.getLogger(__name__)

PROGRAMMNAME = "Assistenzbüro"


def _box(
    parent: QWidget | None,
    symbol: QMessageBox.Icon,
    titel: str,
    text: str,
    knoepfe: QMessageBox.StandardButton,
    standard: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(symbol, f"{titel} – {PROGRAMMNAME}", text, knoepfe, parent)
    box.setDefaultButton(standard)
    box.setAccessibleName(titel)
    box.setAccessibleDescription(text)
    return box


def fehler(parent: QWidget | None, titel: str, text: str) -> None:
    box = _box(
        parent, QMessageBox.Icon.Critical, titel, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok
    )
    modal(box)


def hinweis(parent: QWidget | None, titel: str, text: str) -> None:
    box = _box(
        parent, QMessageBox.Icon.Information, titel, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok
    )
    modal(box)


def datei_fertig(parent: QWidget | None, titel: str, text: str, pfad: Path) -> None:
    """A file (or a folder of files) was written: say so, with "Öffnen" (the system's program for the file) and
    "Ordner öffnen" (the file manager where it lies) beside OK — she need not look for it herself."""
    box = _box(
        parent, QMessageBox.Icon.Information, titel, text, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok
    )
    ordner = pfad if pfad.is_dir() else pfad.parent
    oeffnen = None
    if not pfad.is_dir():
        oeffnen = box.addButton(tr("Ö&ffnen"), QMessageBox.ButtonRole.ActionRole)
        oeffnen.setObjectName("oeffnen")
        oeffnen.setAccessibleDescription(tr("Die Datei mit dem Programm öffnen, das das System dafür vorsieht"))
    im_ordner = box.addButton(tr("&Ordner öffnen"), QMessageBox.ButtonRole.ActionRole)
    im_ordner.setObjectName("ordner_oeffnen")
    im_ordner.setAccessibleDescription(tr("Den Ordner {ordner} in der Dateiverwaltung zeigen").format(ordner=ordner))
    modal(box)
    geklickt = box.clickedButton()
    if oeffnen is not None and geklickt is oeffnen:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(pfad)))
    elif geklickt is im_ordner:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(ordner)))


def frage(
    parent: QWidget | None,
    titel: str,
    text: str,
    *,
    ja: str | None = None,
    nein: str | None = None,
    gefaehrlich: bool = False,
) -> bool:
    """Ask yes/no; `ja`/`nein` replace the German standard texts. A dangerous question defaults to "no"."""
    knoepfe = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    standard = QMessageBox.StandardButton.No if gefaehrlich else QMessageBox.StandardButton.Yes
    symbol = QMessageBox.Icon.Warning if gefaehrlich else QMessageBox.Icon.Question
    box = _box(parent, symbol, titel, text, knoepfe, standard)
    if ja:
        box.button(QMessageBox.StandardButton.Yes).setText(ja)
    if nein:
        box.button(QMessageBox.StandardButton.No).setText(nein)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return modal(box) == QMessageBox.StandardButton.Yes


def loeschen_nach_frage(parent: QWidget | None, titel: str, text: str, loeschen: Callable[[], object]) -> bool:
    """Ask before deleting (Enter and Escape keep it), then delete through the service; a refusal (still in use,
    file locked) is one German message. True if deleted."""
    if not frage(parent, titel, text, ja=tr("&Löschen"), nein=tr("&Behalten"), gefaehrlich=True):
        return False
    try:
        loeschen()
    except AssistenzbueroFehler as grund:
        fehler(parent, tr("Nicht gelöscht"), str(grund))
        return False
    return True


def unerwartet(parent: QWidget | None, fehlerobjekt: BaseException) -> None:
    """Last line of defence: a bug becomes a German sentence (the details go to the log)."""
    log.error("Unerwarteter Fehler", exc_info=fehlerobjekt)
    fehler(
        parent,
        tr("Unerwarteter Fehler"),
        tr(
            "Es ist ein unerwarteter Fehler aufgetreten ({art}: {text}). Die laufende Aktion wurde abgebrochen; "
            "bereits gespeicherte Daten bleiben erhalten. Bitte melden Sie diesen Fehler."
        ).format(art=type(fehlerobjekt).__name__, text=fehlerobjekt),
    )


SPEICHERN, VERWERFEN, ABBRECHEN = "speichern", "verwerfen", "abbrechen"


def ungespeichert(parent: QWidget | None, was: str) -> str:
    """Ask what to do with unsaved changes: SPEICHERN (default, Enter), VERWERFEN, or ABBRECHEN (Escape: stay).

    Escape must never throw work away, so it means "stay here and keep editing".
    """
    knoepfe = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    text = tr("Die Änderungen an {was} sind noch nicht gespeichert. Jetzt speichern?").format(was=was)
    box = _box(
        parent, QMessageBox.Icon.Question, tr("Änderungen speichern?"), text, knoepfe, QMessageBox.StandardButton.Save
    )
    box.button(QMessageBox.StandardButton.Save).setText(tr("&Speichern"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("&Verwerfen"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("&Weiter bearbeiten"))
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    antwort = modal(box)
    if antwort == QMessageBox.StandardButton.Save:
        return SPEICHERN
    if antwort == QMessageBox.StandardButton.Discard:
        return VERWERFEN
    return ABBRECHEN
