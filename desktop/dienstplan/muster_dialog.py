"""Dialog for repeating patterns (weekly alternation, weekends in turn, blocks of days): preview, then all or none."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.dienstplan import dienst
from core.dienstplan.muster import Muster, Musterart, tageblock, wochenendwechsel, wochenwechsel
from core.dienstplan.probelauf import probelauf
from core.dienstplan.tage import montag_der_woche
from core.dienstplan.vorlagen import Schichtvorlage
from core.fehler import EingabeFehler
from desktop import meldungen
from desktop.dienstplan.vorschau import vorschauteile, vorschautext
from desktop.formular import Formular
from desktop.i18n import tr

ARTEN = (Musterart.WOCHENWECHSEL, Musterart.WOCHENENDWECHSEL, Musterart.TAGEBLOCK)


def _haken_liste(name: str, titel: str) -> QListWidget:
    liste = QListWidget()
    liste.setObjectName(name)
    liste.setAccessibleName(titel)
    liste.setAccessibleDescription(tr("Leertaste: an- oder abwählen"))
    liste.setMaximumHeight(liste.fontMetrics().lineSpacing() * 7)
    return liste


def _reihenfolge(muster: Muster) -> tuple[list[str], list[int]]:
    """Templates and assistants of a saved pattern in the order the dialog needs to build it again."""
    vorlagen: list[str] = []
    personen: list[int] = []
    for e in sorted(muster.eintraege, key=lambda e: e.tag):
        if e.vorlage.name not in vorlagen:
            vorlagen.append(e.vorlage.name)
        if e.assistenzkraft_id not in personen:
            personen.append(e.assistenzkraft_id)
    return vorlagen, personen


class MusterDialog(QDialog):
    """`anwenden(aktion)` is set by the area: it runs the service call as one undoable step (None if refused)."""

    def __init__(
        self, db: Any, personen: Sequence[tuple[int, str]], monatsanfang: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.namen = dict(personen)
        self.anwenden: Callable[[Callable[[], Any]], Any] | None = None
        titel = tr("Muster anwenden")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.vorlagen = {v.name: v for v in dienst.liste_vorlagen(db)}
        self.gespeichert: list[Muster] = []

        self.liste = QListWidget()
        self.liste.setObjectName("muster")
        self.liste.setAccessibleName(tr("Gespeicherte Muster"))
        self.liste.setMinimumWidth(self.liste.fontMetrics().averageCharWidth() * 34)
        liste_titel = QLabel(tr("Gespeicherte &Muster:"))
        liste_titel.setBuddy(self.liste)
        self.liste.currentRowChanged.connect(self._zeige)

        f = self.formular = Formular()
        self.name = f.text("name", tr("&Name"), max_laenge=100)
        self.art = f.auswahl("art", tr("A&rt"), [(a.value, a.bezeichnung) for a in ARTEN])
        self.anker = f.datum(
            "anker",
            tr("Beginn der ersten Wo&che"),
            beschreibung=tr("Montag der ersten Woche des Wechsels (bei Blöcken: erster Tag des ersten Blocks)"),
        )
        self.block = f.ganzzahl("block_tage", tr("&Tage je Block"), minimum=1, maximum=31)
        self.vorlagen_liste = _haken_liste("vorlagen", tr("Schichtvorlagen des Musters"))
        for name, v in self.vorlagen.items():
            e = QListWidgetItem(f"{name} ({v.zeiten_text})")
            e.setData(Qt.ItemDataRole.UserRole, name)
            e.setFlags(e.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            e.setCheckState(Qt.CheckState.Unchecked)
            self.vorlagen_liste.addItem(e)
        vt = QLabel(tr("Schicht&vorlagen:"))
        vt.setBuddy(self.vorlagen_liste)
        self.personen_liste = _haken_liste("personen", tr("Assistenzkräfte in Reihenfolge des Wechsels"))
        self.personen_liste.setAccessibleDescription(
            tr("Leertaste: an- oder abwählen; Strg+Pfeil hoch/runter: Reihenfolge ändern")
        )
        for pid, pname in personen:
            e = QListWidgetItem(pname)
            e.setData(Qt.ItemDataRole.UserRole, pid)
            e.setFlags(e.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            e.setCheckState(Qt.CheckState.Unchecked)
            self.personen_liste.addItem(e)
        pt = QLabel(tr("&Assistenzkräfte (in dieser Reihenfolge):"))
        pt.setBuddy(self.personen_liste)
        self.hoch = QPushButton(tr("Nach &oben"))
        self.hoch.setObjectName("nach_oben")
        self.hoch.clicked.connect(lambda: self._verschiebe(-1))
        self.runter = QPushButton(tr("Nach &unten"))
        self.runter.setObjectName("nach_unten")
        self.runter.clicked.connect(lambda: self._verschiebe(1))

        z = self.zeitraum = Formular()
        letzter = monatsanfang.replace(day=calendar.monthrange(monatsanfang.year, monatsanfang.month)[1])
        self.von = z.datum("von", tr("Anwen&den von"))
        self.bis = z.datum("bis", tr("b&is (einschließlich)"))
        self.von.setze(monatsanfang)
        self.bis.setze(letzter)
        self.ersetzen = QCheckBox(tr("Vorhandene Schichten dieser Assistenzkräfte im Zeitraum &ersetzen"))
        self.ersetzen.setObjectName("ersetzen")

        teile = vorschauteile(self, self.zeige_vorschau, self._anwenden, tr("An&wenden"), "anwenden")
        self.vorschau_knopf, self.vorschau, knoepfe = teile.knopf, teile.text, teile.knoepfe
        self.loeschen = knoepfe.addButton(tr("Muster &löschen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.loeschen.setObjectName("muster_loeschen")
        self.loeschen.clicked.connect(self._loeschen)

        links = QVBoxLayout()
        links.addWidget(liste_titel)
        links.addWidget(self.liste)
        rechts = QVBoxLayout()
        rechts.addWidget(f)
        rechts.addWidget(vt)
        rechts.addWidget(self.vorlagen_liste)
        rechts.addWidget(pt)
        rechts.addWidget(self.personen_liste)
        reihe = QHBoxLayout()
        reihe.addWidget(self.hoch)
        reihe.addWidget(self.runter)
        reihe.addStretch(1)
        rechts.addLayout(reihe)
        rechts.addWidget(z)
        rechts.addWidget(self.ersetzen)
        rechts.addWidget(self.vorschau_knopf)
        oben = QHBoxLayout()
        oben.addLayout(links, 1)
        oben.addLayout(rechts, 2)
        spalte = QVBoxLayout(self)
        spalte.addLayout(oben)
        spalte.addWidget(self.vorschau, 1)
        spalte.addWidget(knoepfe)

        self.art.bei_verlassen(self._art_gewaehlt)
        self._lade_liste()
        if not self.gespeichert:
            self._neu(monatsanfang)
        self._art_gewaehlt()
        self.name.eingabe.setFocus()

    def _art_gewaehlt(self) -> None:
        """Only blocks of days have a block length; for the weekly kinds the field is off (and says so)."""
        block = self.art.wert() == Musterart.TAGEBLOCK.value
        self.block.eingabe.setEnabled(block)
        self.block.eingabe.setToolTip("" if block else tr("Nur bei „Blöcke von Tagen“"))

    # saved patterns ------------------------------------------------------------------------------------------
    def _lade_liste(self, name: str | None = None) -> None:
        self.gespeichert = dienst.liste_muster(self.db)
        self.liste.blockSignals(True)
        self.liste.clear()
        for m in self.gespeichert:
            self.liste.addItem(f"{m.name} ({m.art.bezeichnung})")
        self.liste.blockSignals(False)
        if self.gespeichert:
            reihe = next((i for i, m in enumerate(self.gespeichert) if m.name == name), 0)
            self.liste.setCurrentRow(reihe)
            self._zeige(reihe)

    def _neu(self, anfang: date) -> None:
        self.name.setze(tr("Wochenwechsel"))
        self.art.setze(Musterart.WOCHENWECHSEL.value)
        self.anker.setze(montag_der_woche(anfang))
        self.block.setze(2)
        self._id: int | None = None

    def _zeige(self, reihe: int) -> None:
        if not 0 <= reihe < len(self.gespeichert):
            return
        m = self.gespeichert[reihe]
        self._id = m.id
        self.name.setze(m.name)
        self.art.setze(m.art.value if m.art in ARTEN else Musterart.WOCHENWECHSEL.value)
        self.anker.setze(m.anker)
        vorlagen, personen = _reihenfolge(m)
        self.block.setze(max(1, m.zyklus_tage // max(1, len(personen))))
        self._setze_haken(self.vorlagen_liste, vorlagen)
        self._setze_haken(self.personen_liste, personen)

    @staticmethod
    def _setze_haken(liste: QListWidget, werte: Sequence[Any]) -> None:
        eintraege = [liste.takeItem(0) for _ in range(liste.count())]
        nach_wert = {e.data(Qt.ItemDataRole.UserRole): e for e in eintraege}
        for w in werte:
            if w in nach_wert:
                e = nach_wert.pop(w)
                e.setCheckState(Qt.CheckState.Checked)
                liste.addItem(e)
        for e in nach_wert.values():
            e.setCheckState(Qt.CheckState.Unchecked)
            liste.addItem(e)

    def _verschiebe(self, schritt: int) -> None:
        reihe = self.personen_liste.currentRow()
        ziel = reihe + schritt
        if reihe < 0 or not 0 <= ziel < self.personen_liste.count():
            return
        e = self.personen_liste.takeItem(reihe)
        self.personen_liste.insertItem(ziel, e)
        self.personen_liste.setCurrentRow(ziel)
        self.personen_liste.setFocus()

    def keyPressEvent(self, ereignis: Any) -> None:
        if self.personen_liste.hasFocus() and ereignis.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if ereignis.key() == Qt.Key.Key_Up:
                self._verschiebe(-1)
                return
            if ereignis.key() == Qt.Key.Key_Down:
                self._verschiebe(1)
                return
        super().keyPressEvent(ereignis)

    # building the pattern ------------------------------------------------------------------------------------
    @staticmethod
    def _gewaehlt(liste: QListWidget) -> list[Any]:
        return [
            liste.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(liste.count())
            if liste.item(i).checkState() == Qt.CheckState.Checked
        ]

    def muster_aus_feldern(self) -> Muster:
        """The pattern as core builds it from the fields (raises EingabeFehler with a German message)."""
        werte = self.formular.werte()
        if werte is None:
            raise EingabeFehler(tr("Bitte die markierten Angaben korrigieren."))
        anker: date | None = werte["anker"]
        if anker is None:
            raise EingabeFehler(tr("Bitte angeben, ab wann das Muster zählt."), feld="anker")
        vorlagen: list[Schichtvorlage] = [self.vorlagen[n] for n in self._gewaehlt(self.vorlagen_liste)]
        personen: list[int] = self._gewaehlt(self.personen_liste)
        name = werte["name"] or tr("Muster")
        art = Musterart(werte["art"])
        if art is Musterart.WOCHENWECHSEL:
            muster = wochenwechsel(name, anker, vorlagen, personen)
        elif art is Musterart.WOCHENENDWECHSEL:
            muster = wochenendwechsel(name, anker, vorlagen, personen)
        else:
            muster = tageblock(name, anker, vorlagen, personen, werte["block_tage"])
        if not muster.eintraege:
            raise EingabeFehler(tr("Bitte mindestens eine Schichtvorlage ankreuzen."), feld="vorlagen")
        return replace(muster, id=getattr(self, "_id", None))

    def _zeitraum(self) -> tuple[date, date]:
        werte = self.zeitraum.werte()
        if werte is None or werte["von"] is None or werte["bis"] is None:
            raise EingabeFehler(tr("Bitte den Zeitraum angeben, für den das Muster angewendet wird."), feld="von")
        return werte["von"], werte["bis"]

    def _speichere_muster(self) -> Muster:
        muster = dienst.speichere_muster(self.db, self.muster_aus_feldern())
        self._id = muster.id
        return muster

    def _zeige_fehler(self, fehler: EingabeFehler) -> None:
        if fehler.feld in self.formular.felder:
            self.formular.zeige_eingabefehler(fehler)
        elif fehler.feld in self.zeitraum.felder:
            self.zeitraum.zeige_eingabefehler(fehler)
        else:
            self.vorschau.setPlainText(tr("Nicht möglich: {fehler}").format(fehler=fehler))
            self.vorschau.setFocus()

    def zeige_vorschau(self) -> bool:
        """Save the pattern, dry-run it; show what would be created or the conflicts. True if it would work."""
        try:
            muster = self._speichere_muster()
            von, bis = self._zeitraum()
        except EingabeFehler as fehler:
            self._zeige_fehler(fehler)
            return False
        assert muster.id is not None
        mid, ersetzen = muster.id, self.ersetzen.isChecked()
        probe = probelauf(self.db, lambda d: dienst.wende_muster_an(d, mid, von, bis, ersetzen=ersetzen))
        self.vorschau.setPlainText(vorschautext(probe, self.namen))
        self.vorschau.setFocus()
        self._lade_liste(muster.name)
        return probe.moeglich

    def _anwenden(self) -> None:
        try:
            muster = self._speichere_muster()
            von, bis = self._zeitraum()
        except EingabeFehler as fehler:
            self._zeige_fehler(fehler)
            return
        assert muster.id is not None and self.anwenden is not None
        mid, ersetzen = muster.id, self.ersetzen.isChecked()
        probe = probelauf(self.db, lambda d: dienst.wende_muster_an(d, mid, von, bis, ersetzen=ersetzen))
        if not probe.moeglich:
            self.vorschau.setPlainText(vorschautext(probe, self.namen))
            self.vorschau.setFocus()
            return
        if self.anwenden(lambda: dienst.wende_muster_an(self.db, mid, von, bis, ersetzen=ersetzen)) is not None:
            self.accept()

    def _loeschen(self) -> None:
        reihe = self.liste.currentRow()
        if not 0 <= reihe < len(self.gespeichert):
            return
        m = self.gespeichert[reihe]
        mid = m.id
        if mid is None or not meldungen.loeschen_nach_frage(
            self,
            tr("Muster löschen"),
            tr("Das Muster „{name}“ löschen? Schon geplante Schichten bleiben.").format(name=m.name),
            lambda: dienst.loesche_muster(self.db, mid),
        ):
            return
        self._lade_liste()
        if not self.gespeichert:
            self._neu(date.today())
