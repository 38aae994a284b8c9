"""Undo/redo: every roster change is a QUndoCommand whose undo applies the service's inverse change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from core.dienstplan import dienst
from core.dienstplan.dienst import Aenderung
from core.fehler import AssistenzbueroFehler
from desktop.i18n import tr


class AenderungsBefehl(QUndoCommand):
    """Wraps one `Aenderung` that the service has already stored (the first redo does nothing).

    Undo stores `umkehrung()`, redo stores the change again (deleted rows come back under their old ids). If the
    data changed meanwhile (another window, a later edit that was not undone), the service refuses: the message
    is shown and the command is dropped from the stack — nothing half-done.
    """

    def __init__(
        self,
        db: Any,
        aenderung: Aenderung,
        nachher: Callable[[Aenderung], None],
        fehler: Callable[[str], None],
    ) -> None:
        super().__init__(aenderung.beschreibung)
        self._db = db
        self._aenderung = aenderung
        self._nachher = nachher
        self._fehler = fehler
        self._schon_gespeichert = True

    @property
    def aenderung(self) -> Aenderung:
        return self._aenderung

    def redo(self) -> None:
        if self._schon_gespeichert:
            self._schon_gespeichert = False
            self._nachher(self._aenderung)
            return
        self._ausfuehren(self._aenderung, rueckgaengig=False)

    def undo(self) -> None:
        self._ausfuehren(self._aenderung.umkehrung(), rueckgaengig=True)

    def _ausfuehren(self, aenderung: Aenderung, *, rueckgaengig: bool) -> None:
        try:
            gespeichert = dienst.anwenden(self._db, aenderung)
        except AssistenzbueroFehler as fehler:
            self.setObsolete(True)
            was = tr("Rückgängig machen") if rueckgaengig else tr("Wiederholen")
            self._fehler(tr("{was} von „{text}“ geht nicht: {fehler}").format(was=was, text=self.text(), fehler=fehler))
            self._nachher(aenderung)
            return
        if not rueckgaengig:
            self._aenderung = gespeichert
        self._nachher(gespeichert)


def ausfuehren(
    stapel: QUndoStack,
    db: Any,
    aktion: Callable[[], Aenderung],
    nachher: Callable[[Aenderung], None],
    fehler: Callable[[str], None],
) -> Aenderung:
    """Call a service (may raise EingabeFehler: nothing saved, nothing pushed) and put its change on the stack."""
    aenderung = aktion()
    if not aenderung.leer:
        stapel.push(AenderungsBefehl(db, aenderung, nachher, fehler))
    else:
        nachher(aenderung)
    return aenderung
