"""A small list of sub-records inside a form (children, other jobs): table plus add/edit/remove by keyboard."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.dialoge import modal
from desktop.formular import Formular
from desktop.i18n import tr
from desktop.tabellen import Spalte, ZeilenModell, sortierbare_tabelle

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


class EintragDialog(QDialog):
    def __init__(
        self,
        titel: str,
        bauen: Callable[[Formular], None],
        werte: Mapping[str, Any],
        pruefen: Callable[[dict[str, Any]], Mapping[str, str]] | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.formular = Formular()
        bauen(self.formular)
        self.formular.setze_werte(werte)
        self._pruefen = pruefen
        if pruefen is not None:
            self.formular.live_pruefung = lambda: pruefen(self.formular.rohwerte())
        self.ergebnis: dict[str, Any] | None = None
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._ok)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.formular)
        spalte.addWidget(knoepfe)

    def _ok(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        if self._pruefen is not None and self.formular.zeige_feldfehler(self._pruefen(werte)):
            return
        self.ergebnis = werte
        self.accept()


class Unterliste(QWidget, Generic[T]):
    """Edits `eintraege` in memory; the surrounding form saves them with the whole record."""

    def __init__(
        self,
        name: str,
        spalten: Sequence[Spalte[T]],
        neu: Callable[[], T],
        bauen: Callable[[Formular], None],
        pruefen: Callable[[dict[str, Any]], Mapping[str, str]] | None,
        knoepfe: tuple[str, str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._neu = neu
        self._bauen = bauen
        self._pruefen = pruefen
        self.modell: ZeilenModell[T] = ZeilenModell(spalten, self)
        self.tabelle, _ = sortierbare_tabelle(self.modell, name, sortierbar=False)  # rows are addressed by position
        self.tabelle.activated.connect(lambda _i: self.bearbeiten())
        self.knopf_neu = QPushButton(knoepfe[0])
        self.knopf_bearbeiten = QPushButton(knoepfe[1])
        self.knopf_loeschen = QPushButton(knoepfe[2])
        self.tabelle.leer_sagt(tr("Noch keine Einträge."), self.knopf_neu)
        self.knopf_neu.clicked.connect(self.hinzufuegen)
        self.knopf_bearbeiten.clicked.connect(self.bearbeiten)
        self.knopf_loeschen.clicked.connect(self.loeschen)
        self.fehler = QLabel()
        self.fehler.setWordWrap(True)
        self.fehler.hide()
        zeile = QHBoxLayout()
        for k in (self.knopf_neu, self.knopf_bearbeiten, self.knopf_loeschen):
            zeile.addWidget(k)
        zeile.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.setContentsMargins(0, 0, 0, 0)
        spalte.addWidget(self.tabelle)
        spalte.addWidget(self.fehler)
        spalte.addLayout(zeile)
        self.setze([])

    @property
    def eintraege(self) -> list[T]:
        return list(self.modell.zeilen)

    def setze(self, eintraege: Sequence[T]) -> None:
        self.modell.setze_zeilen([dataclasses.replace(e) for e in eintraege])
        self.tabelle.resizeColumnsToContents()
        self._knoepfe()
        self.zeige_fehler("")

    def _knoepfe(self) -> None:
        da = self.modell.rowCount() > 0
        self.knopf_bearbeiten.setEnabled(da)
        self.knopf_loeschen.setEnabled(da)
        if da and not self.tabelle.currentIndex().isValid():
            self.tabelle.setCurrentIndex(self.tabelle.model().index(0, 0))

    def zeige_fehler(self, text: str) -> None:
        self.fehler.setText(tr("Fehler: {text}").format(text=text) if text else "")
        self.fehler.setVisible(bool(text))
        self.tabelle.setAccessibleDescription(self.fehler.text())

    def _dialog(self, titel: str, eintrag: T) -> T | None:
        werte = {f.name: getattr(eintrag, f.name) for f in dataclasses.fields(eintrag)}
        dialog = EintragDialog(titel, self._bauen, werte, self._pruefen, self)
        if modal(dialog) != QDialog.DialogCode.Accepted or dialog.ergebnis is None:
            return None
        return dataclasses.replace(eintrag, **dialog.ergebnis)

    def hinzufuegen(self) -> None:
        neu = self._dialog(self.knopf_neu.text().replace("&", "").rstrip(" …"), self._neu())
        if neu is not None:
            self.modell.setze_zeilen([*self.modell.zeilen, neu])
            self.tabelle.setCurrentIndex(self.tabelle.model().index(self.modell.rowCount() - 1, 0))
            self._knoepfe()
            self.tabelle.setFocus()

    def bearbeiten(self) -> None:
        zeile = self.tabelle.currentIndex().row()
        if zeile < 0:
            return
        neu = self._dialog(self.knopf_bearbeiten.text().replace("&", "").rstrip(" …"), self.modell.zeilen[zeile])
        if neu is not None:
            zeilen = list(self.modell.zeilen)
            zeilen[zeile] = neu
            self.modell.setze_zeilen(zeilen)
            self.tabelle.setCurrentIndex(self.tabelle.model().index(zeile, 0))
            self.tabelle.setFocus()

    def loeschen(self) -> None:
        zeile = self.tabelle.currentIndex().row()
        if zeile < 0:
            return
        zeilen = list(self.modell.zeilen)
        del zeilen[zeile]
        self.modell.setze_zeilen(zeilen)
        if zeilen:
            self.tabelle.setCurrentIndex(self.tabelle.model().index(min(zeile, len(zeilen) - 1), 0))
        self._knoepfe()
        self.tabelle.setFocus()
