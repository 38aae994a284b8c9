"""GUI actions as operations (the pattern of Anki's aqt/operations): a page turns each user action into a small
operation object and runs it; the page itself stays a view.

- `Aenderungsverlauf` — a page's undo history. `ausfuehren(aktion)` calls a core service once (one unit of work)
  whose result is an undoable change (`Umkehrbar`: the core's own description is the undo text, `umkehrung()` the
  inverse); the change goes onto the stack, the page reloads through `nachher`, a refusal becomes one German
  message and nothing is pushed. Such changes are one short transaction each and the dialog that asked must hear a
  refusal at once (to show it at its field), so they run on the GUI thread.
- `Hintergrundoperation` — long work (exports, imports, a batch of files): off the GUI thread with a progress dialog
  and "Abbrechen" (`desktop.hintergrund.Vorgang`); success and failure are reported on the GUI thread.

A new page gets both by building them in its constructor; nothing else is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, Self, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from core.fehler import AssistenzbueroFehler
from desktop import meldungen
from desktop.hintergrund import Fortschritt, Vorgang
from desktop.i18n import tr


class Umkehrbar(Protocol):
    """What a core service returns for an undoable change (e.g. `core.dienstplan.dienst.Aenderung`)."""

    @property
    def beschreibung(self) -> str: ...

    @property
    def leer(self) -> bool: ...

    def umkehrung(self) -> Self: ...


A = TypeVar("A", bound=Umkehrbar)
E = TypeVar("E")


class _Schritt(QUndoCommand, Generic[A]):
    """One change that the service has already stored (the first redo does nothing).

    Undo stores `umkehrung()`, redo stores the change again. If the data changed meanwhile (another window, a later
    edit that was not undone) the service refuses: the message is shown and the step is dropped from the stack —
    nothing half-done.
    """

    def __init__(self, verlauf: Aenderungsverlauf[A], aenderung: A) -> None:
        super().__init__(aenderung.beschreibung)
        self._verlauf = verlauf
        self._aenderung = aenderung
        self._schon_gespeichert = True

    def redo(self) -> None:
        if self._schon_gespeichert:
            self._schon_gespeichert = False
            self._verlauf.nachher(self._aenderung)
            return
        self._anwenden(self._aenderung, rueckgaengig=False)

    def undo(self) -> None:
        self._anwenden(self._aenderung.umkehrung(), rueckgaengig=True)

    def _anwenden(self, aenderung: A, *, rueckgaengig: bool) -> None:
        try:
            gespeichert = self._verlauf.anwenden(aenderung)
        except AssistenzbueroFehler as fehler:
            self.setObsolete(True)
            was = tr("Rückgängig machen") if rueckgaengig else tr("Wiederholen")
            self._verlauf.melde_fehler(
                tr("{was} von „{text}“ geht nicht: {fehler}").format(was=was, text=self.text(), fehler=fehler)
            )
            self._verlauf.nachher(aenderung)
            return
        if not rueckgaengig:
            self._aenderung = gespeichert
        self._verlauf.nachher(gespeichert)


class Aenderungsverlauf(QObject, Generic[A]):
    """The undo history of one page.

    Args:
        parent: the page (messages are shown over it).
        anwenden: stores a change through the service and returns it as stored (deleted rows come back under their
            old ids); used for undo and redo.
        nachher: the page reloads and puts the cursor on what changed (after the change, its undo and its redo).
    """

    def __init__(self, parent: QWidget, anwenden: Callable[[A], A], nachher: Callable[[A], None]) -> None:
        super().__init__(parent)
        self._seite = parent
        self.anwenden = anwenden
        self.nachher = nachher
        self.stapel = QUndoStack(self)

    def melde_fehler(self, text: str) -> None:
        meldungen.fehler(self._seite, tr("Nicht gespeichert"), text)

    def speichere(self, aktion: Callable[[], A]) -> A:
        """Run the service call; its change goes onto the stack. A refusal (`AssistenzbueroFehler`) is raised to the
        caller — a dialog shows it at its field and stays open — and nothing is pushed."""
        aenderung = aktion()
        if aenderung.leer:
            self.nachher(aenderung)
        else:
            self.stapel.push(_Schritt(self, aenderung))
        return aenderung

    def ausfuehren(self, aktion: Callable[[], A]) -> A | None:
        """Like `speichere`, but a refusal is shown as one German message (and the page reloads); None then."""
        try:
            return self.speichere(aktion)
        except AssistenzbueroFehler as fehler:
            self.melde_fehler(str(fehler))
            return None

    def aktionen(self, ziel: QWidget) -> tuple[QAction, QAction]:
        """ "Rückgängig"/"Wiederholen" for `ziel`'s menus (Ctrl+Z, Ctrl+Y); their texts name the step."""
        zurueck = QAction(tr("&Rückgängig"), ziel)
        zurueck.setShortcut(QKeySequence("Ctrl+Z"))
        vor = QAction(tr("&Wiederholen"), ziel)
        vor.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for aktion, slot, kann in (
            (zurueck, self.stapel.undo, self.stapel.canUndoChanged),
            (vor, self.stapel.redo, self.stapel.canRedoChanged),
        ):
            # as soon as the page is shown, even while the focus is still in the main window's navigation
            aktion.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            aktion.triggered.connect(lambda _an=False, s=slot: s())
            kann.connect(aktion.setEnabled)
            aktion.setEnabled(False)
            ziel.addAction(aktion)
        self.stapel.undoTextChanged.connect(
            lambda t: zurueck.setText(tr("&Rückgängig: {t}").format(t=t) if t else tr("&Rückgängig"))
        )
        self.stapel.redoTextChanged.connect(
            lambda t: vor.setText(tr("&Wiederholen: {t}").format(t=t) if t else tr("&Wiederholen"))
        )
        return zurueck, vor


class Hintergrundoperation(Generic[E]):
    """Long work off the GUI thread with progress and "Abbrechen"; the worker never touches widgets.

    `arbeit(fortschritt)` opens its own unit of work (sessions are not shared across threads), reports with
    `fortschritt.melde(schritt, von, text)` and checks `fortschritt.pruefe()` between steps. Without `bei_fehler` a
    refusal or a file that cannot be written is one German message titled `titel`.
    """

    def __init__(self, parent: QWidget, titel: str, arbeit: Callable[[Fortschritt], E]) -> None:
        self._parent = parent
        self._titel = titel
        self._arbeit = arbeit
        self._bei_erfolg: Callable[[E], None] | None = None
        self._bei_fehler: Callable[[BaseException], None] | None = None

    def bei_erfolg(self, rueckruf: Callable[[E], None]) -> Self:
        self._bei_erfolg = rueckruf
        return self

    def bei_fehler(self, rueckruf: Callable[[BaseException], None]) -> Self:
        self._bei_fehler = rueckruf
        return self

    def starten(self) -> Vorgang:
        vorgang = Vorgang(self._parent, self._titel, self._arbeit)
        erfolg = self._bei_erfolg
        if erfolg is not None:
            vorgang.bei_erfolg(lambda ergebnis: erfolg(ergebnis))
        if self._bei_fehler is not None:
            vorgang.bei_fehler(self._bei_fehler)
        return vorgang.starten()


def datei_schreiben(
    parent: QWidget, titel: str, schreiben: Callable[[], Any], fertig: Callable[[Any], None]
) -> Vorgang:
    """The common export: one file written in the background (`schreiben` returns what `fertig` reports)."""

    def arbeit(fortschritt: Fortschritt) -> Any:
        fortschritt.melde(0, 1, titel)
        ergebnis = schreiben()
        fortschritt.melde(1, 1)
        return ergebnis

    return Hintergrundoperation(parent, titel, arbeit).bei_erfolg(fertig).starten()
