"""Dialog for shift templates (Frühdienst, Spätdienst, Nachtbereitschaft, 24-h-Block and her own).

Under the fields it says what the Arbeitszeitgesetz thinks of the template (core.dienstplan.vorlagenpruefung), and
offers to fill in the legal minimum break: into the Pausen field only, so Ctrl+Z in that field or choosing the
template again takes it back, and nothing is saved before "Speichern" (one transaction). A user's own templates are
never changed behind her back (issue 13, finding 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.dienstplan import dienst
from core.dienstplan.arbeitszeit import Arbeitszeitregeln
from core.dienstplan.schicht import Arbeitsart
from core.dienstplan.vorlagen import Schichtvorlage, VorlagenPause, VorlagenTeil
from core.dienstplan.vorlagenpruefung import arbzg_hinweise, mit_mindestpause
from core.fehler import AssistenzbueroFehler, EingabeFehler
from desktop import meldungen
from desktop.dienstplan import texte
from desktop.dienstplan.eingaben import (
    pflicht_uhrzeit,
    spannen_als_text,
    spannen_aus_text,
    spannen_feld,
    uhrzeit_aus_text,
    uhrzeit_feld,
)
from desktop.formular import Eingabeformat, Formular
from desktop.i18n import tr


class VorlagenDialog(QDialog):
    """List on the left, the chosen template's fields on the right; saving goes straight to the service."""

    def __init__(self, db: Any, leistungsarten: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        titel = tr("Schichtvorlagen")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.vorlagen: list[Schichtvorlage] = []

        self.liste = QListWidget()
        self.liste.setObjectName("vorlagen")
        self.liste.setAccessibleName(tr("Vorlagen"))
        self.liste.setMinimumWidth(self.liste.fontMetrics().averageCharWidth() * 40)
        liste_titel = QLabel(tr("&Vorlagen:"))
        liste_titel.setBuddy(self.liste)

        f = self.formular = Formular()
        self.name = f.text("name", tr("&Name"), max_laenge=100)
        self.kuerzel = f.text("kuerzel", tr("&Kürzel"), max_laenge=10)
        self.beginn = uhrzeit_feld(f, "beginn", tr("&Beginn"))
        self.ende = uhrzeit_feld(
            f, "ende", tr("&Ende"), beschreibung=tr("Ein Ende vor oder gleich dem Beginn liegt am Folgetag")
        )
        self.arbeitsart = f.auswahl("arbeitsart", tr("A&rbeitsart"), [(a.value, a.bezeichnung) for a in Arbeitsart])
        self.bereitschaft = spannen_feld(
            f, "bereitschaft", tr("Darin Arbeit &II (Bereitschaft)"), beschreibung=tr("z. B. 21:00–07:00")
        )
        self.pausen = spannen_feld(f, "pausen", tr("&Pausen"), beschreibung=tr("z. B. 12:00–12:30"))
        self.leistungsart = f.auswahl(
            "leistungsart", tr("&Leistungsart"), [(None, tr("aus dem Bedarfsprofil")), *leistungsarten]
        )

        self.regeln = _regeln(db)
        self.arbzg = QLabel()
        self.arbzg.setObjectName("arbzg")
        self.arbzg.setWordWrap(True)
        self.arbzg.setTextFormat(Qt.TextFormat.PlainText)
        self.arbzg.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.arbzg.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches the text by Tab
        self.arbzg.setAccessibleName(tr("Arbeitszeitgesetz"))
        self.mindestpause = QPushButton(tr("Gesetzliche Pause ein&tragen"))
        self.mindestpause.setObjectName("mindestpause")
        self.mindestpause.setToolTip(
            tr("Trägt die Mindestpause nach § 4 ArbZG in das Feld Pausen ein; gespeichert wird erst mit Speichern.")
        )
        self.mindestpause.clicked.connect(self._trage_mindestpause_ein)
        for feld in (self.beginn, self.ende, self.bereitschaft, self.pausen):
            feld.eingabe.textChanged.connect(self._zeige_arbzg)  # type: ignore[attr-defined]
        self.arbeitsart.eingabe.currentIndexChanged.connect(self._zeige_arbzg)  # type: ignore[attr-defined]

        self.neu = QPushButton(tr("Ne&ue Vorlage"))
        self.neu.setObjectName("neu")
        self.neu.clicked.connect(self._neu)
        self.speichern = QPushButton(tr("&Speichern"))
        self.speichern.setObjectName("speichern")
        self.speichern.clicked.connect(self._speichern)
        self.loeschen = QPushButton(tr("Vorlage l&öschen"))
        self.loeschen.setObjectName("loeschen")
        self.loeschen.clicked.connect(self._loeschen)
        schliessen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        schliessen.button(QDialogButtonBox.StandardButton.Close).setObjectName("schliessen")
        schliessen.rejected.connect(self.reject)

        links = QVBoxLayout()
        links.addWidget(liste_titel)
        links.addWidget(self.liste)
        rechts = QVBoxLayout()
        rechts.addWidget(f)
        rechts.addWidget(self.arbzg)
        pause_zeile = QHBoxLayout()
        pause_zeile.addWidget(self.mindestpause)
        pause_zeile.addStretch(1)
        rechts.addLayout(pause_zeile)
        knoepfe = QHBoxLayout()
        for k in (self.neu, self.speichern, self.loeschen):
            knoepfe.addWidget(k)
        rechts.addLayout(knoepfe)
        rechts.addStretch(1)
        oben = QHBoxLayout()
        oben.addLayout(links, 1)
        oben.addLayout(rechts, 2)
        spalte = QVBoxLayout(self)
        spalte.addLayout(oben)
        spalte.addWidget(schliessen)

        self.liste.currentRowChanged.connect(self._zeige)
        self._lade()
        self.liste.setFocus()

    def _lade(self, name: str | None = None) -> None:
        self.vorlagen = dienst.liste_vorlagen(self.db)
        self.liste.blockSignals(True)
        self.liste.clear()
        for v in self.vorlagen:
            eintrag = QListWidgetItem(f"{v.name} ({v.zeiten_text}, {v.arbeitsart.bezeichnung})")
            eintrag.setData(Qt.ItemDataRole.UserRole, v.id)
            self.liste.addItem(eintrag)
        self.liste.blockSignals(False)
        reihe = next((i for i, v in enumerate(self.vorlagen) if v.name == name), 0)
        if self.vorlagen:
            self.liste.setCurrentRow(reihe)
            self._zeige(reihe)
        else:
            self._neu()

    def _aktuelle(self) -> Schichtvorlage | None:
        reihe = self.liste.currentRow()
        return self.vorlagen[reihe] if 0 <= reihe < len(self.vorlagen) else None

    def _zeige(self, reihe: int) -> None:
        if not 0 <= reihe < len(self.vorlagen):
            return
        v = self.vorlagen[reihe]
        self.formular.loesche_fehler()
        self.name.setze(v.name)
        self.kuerzel.setze(v.kuerzel)
        self.beginn.setze(texte.uhrzeit(v.beginn))
        self.ende.setze(texte.uhrzeit(v.ende))
        self.arbeitsart.setze(v.arbeitsart.value)
        self.bereitschaft.setze(
            spannen_als_text((t.beginn, t.ende, "") for t in v.teile if t.arbeitsart is Arbeitsart.BEREITSCHAFT)
        )
        self.pausen.setze(spannen_als_text((p.beginn, p.ende, "") for p in v.pausen))
        self.leistungsart.setze(v.leistungsart)
        self._id: int | None = v.id
        self._zeige_arbzg()

    def _neu(self) -> None:
        self.liste.clearSelection()
        self.formular.setze_werte(
            {"name": "", "kuerzel": "", "beginn": "", "ende": "", "bereitschaft": "", "pausen": ""}
        )
        self.arbeitsart.setze(Arbeitsart.ARBEIT.value)
        self.leistungsart.setze(None)
        self._id = None
        self._zeige_arbzg()
        self.name.eingabe.setFocus()

    def _vorlage_still(self) -> Schichtvorlage | None:
        """The template as the fields stand, or None while they are incomplete (no message: the user is typing)."""
        try:
            beginn, ende = uhrzeit_aus_text(str(self.beginn.wert())), uhrzeit_aus_text(str(self.ende.wert()))
            if beginn is None or ende is None:
                return None
            return Schichtvorlage(
                name=self.name.wert() or tr("Die Vorlage"),
                kuerzel=self.kuerzel.wert() or "?",
                beginn=beginn,
                ende=ende,
                arbeitsart=Arbeitsart(self.arbeitsart.wert()),
                teile=self._bereitschaftsteile(),
                pausen=self._pausen(),
            )
        except (Eingabeformat, EingabeFehler, ValueError, TypeError):
            return None

    def _bereitschaftsteile(self) -> tuple[VorlagenTeil, ...]:
        """The Bereitschaft spans as typed (raises on a malformed span, as the fields' own check does)."""
        return tuple(
            VorlagenTeil(a, b, Arbeitsart.BEREITSCHAFT) for a, b, _ in spannen_aus_text(self.bereitschaft.wert())
        )

    def _pausen(self) -> tuple[VorlagenPause, ...]:
        return tuple(VorlagenPause.von_bis(a, b) for a, b, _ in spannen_aus_text(self.pausen.wert()))

    def _zeige_arbzg(self) -> None:
        """What § 3/§ 4 ArbZG say about the template as typed; the button only when a break is missing."""
        vorlage = self._vorlage_still()
        if self.regeln is None or vorlage is None:
            self.arbzg.setText("")
            self.arbzg.setVisible(False)
            self.mindestpause.setEnabled(False)
            return
        try:
            hinweise = arbzg_hinweise(vorlage, self.regeln)
            ergaenzt = mit_mindestpause(vorlage, self.regeln)
        except EingabeFehler:  # a break outside the shift: the field shows that on saving
            hinweise, ergaenzt = [], None
        text = "\n".join(f"⚠ {h.text} ({h.rechtsgrundlage})" for h in hinweise)
        self.arbzg.setText(text or tr("✓ Pausen und Länge entsprechen dem Arbeitszeitgesetz."))
        self.arbzg.setAccessibleDescription(self.arbzg.text())
        self.arbzg.setVisible(True)
        self.mindestpause.setEnabled(ergaenzt is not None)

    def _trage_mindestpause_ein(self) -> None:
        vorlage = self._vorlage_still()
        if self.regeln is None or vorlage is None:
            return
        ergaenzt = mit_mindestpause(vorlage, self.regeln)
        if ergaenzt is None:
            return
        feld: QLineEdit = self.pausen.eingabe  # type: ignore[assignment]
        # through the field's own editing (not setText), so that Ctrl+Z in the field takes it back
        feld.selectAll()
        feld.insert(spannen_als_text((p.beginn, p.ende, "") for p in ergaenzt.pausen))
        feld.setFocus()

    def vorlage_aus_feldern(self) -> Schichtvorlage | None:
        if self.formular.werte() is None:
            return None
        try:
            beginn = pflicht_uhrzeit(self.beginn, tr("Bitte den Beginn angeben, z. B. 07:00."))
            ende = pflicht_uhrzeit(self.ende, tr("Bitte das Ende angeben, z. B. 14:00."))
            return Schichtvorlage(
                name=self.name.wert(),
                kuerzel=self.kuerzel.wert(),
                beginn=beginn,
                ende=ende,
                arbeitsart=Arbeitsart(self.arbeitsart.wert()),
                teile=self._bereitschaftsteile(),
                pausen=self._pausen(),
                leistungsart=self.leistungsart.wert(),
                id=getattr(self, "_id", None),
            )
        except Eingabeformat:
            return None
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return None

    def _speichern(self) -> None:
        vorlage = self.vorlage_aus_feldern()
        if vorlage is None:
            return
        try:
            gespeichert = dienst.speichere_vorlage(self.db, vorlage)
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return
        except AssistenzbueroFehler as fehler:
            meldungen.fehler(self, tr("Nicht gespeichert"), str(fehler))
            return
        self._lade(gespeichert.name)
        self.liste.setFocus()

    def _loeschen(self) -> None:
        v = self._aktuelle()
        if v is None or v.id is None:
            return
        vid = v.id
        if not meldungen.loeschen_nach_frage(
            self,
            tr("Vorlage löschen"),
            tr("Die Vorlage „{name}“ löschen? Geplante Schichten bleiben erhalten.").format(name=v.name),
            lambda: dienst.loesche_vorlage(self.db, vid),
        ):
            return
        self._lade()
        self.liste.setFocus()


def _regeln(db: Any) -> Arbeitszeitregeln | None:
    """The household's working-time rules of today (mode and own limits); None if this year has no rule table."""
    try:
        return dienst.lade_einstellungen(db).regeln(date.today())
    except EingabeFehler:
        return None
