"""Dialog for a shift's actual times (Stundenzettel): what was really worked; payroll uses these."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from core.dienstplan.schicht import Istzeit, Pause, Schicht, pruefe_schicht
from core.domain.zeit import BERLIN, lokal
from desktop.dienstplan import texte
from desktop.dienstplan.eingaben import (
    Eingabedialog,
    pflicht_uhrzeit,
    spannen_als_text,
    spannen_aus_text,
    spannen_feld,
    uhrzeit_feld,
    zeitpunkt_in_schicht,
)
from desktop.i18n import tr


class IstzeitDialog(Eingabedialog):
    """The result (`ergebnis`) is the shift with its new actual times (`ist=None`: worked as planned)."""

    def __init__(self, schicht: Schicht, name: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Tatsächliche Arbeitszeit"), parent)
        self.schicht = schicht
        self.name = name
        plan = QLabel(
            tr("{name}, {tag}: geplant {zeit}").format(
                name=name,
                tag=texte.tag_lang(schicht.tag, mit_jahr=True),
                zeit=texte.zeitspanne(schicht.beginn, schicht.ende),
            )
        )
        plan.setWordWrap(True)
        self.spalte.insertWidget(0, plan)
        f = self.formular
        self.beginn = uhrzeit_feld(f, "ist_beginn", tr("Tatsächlicher &Beginn"))
        self.ende = uhrzeit_feld(f, "ist_ende", tr("Tatsächliches &Ende"))
        self.folgetag = f.ja_nein("ist_folgetag", tr("Endet am &Folgetag"))
        self.pausen = spannen_feld(f, "ist_pausen", tr("&Pausen"), beschreibung=tr("z. B. 12:00–12:30"))
        self.notiz = f.text("ist_notiz", tr("&Notiz"), beschreibung=tr("z. B. Grund der Abweichung"))
        self.wie_geplant = self.knoepfe.addButton(tr("&Wie geplant"), QDialogButtonBox.ButtonRole.ActionRole)
        self.wie_geplant.setObjectName("wie_geplant")
        self.wie_geplant.setToolTip(tr("Tatsächliche Zeiten löschen: es gilt der Plan"))
        self.wie_geplant.clicked.connect(self._wie_geplant)
        self.fertig_bauen()

        quelle = schicht.ist or schicht
        self.beginn.setze(texte.uhrzeit(quelle.beginn))
        self.ende.setze(texte.uhrzeit(quelle.ende))
        self.folgetag.setze(quelle.ende.astimezone(BERLIN).date() > schicht.tag)
        self.pausen.setze(spannen_als_text((p.beginn, p.ende, "") for p in quelle.pausen))
        self.notiz.setze(schicht.ist.notiz if schicht.ist is not None else "")
        self.beginn.eingabe.setFocus()

    def _wie_geplant(self) -> None:
        self.ergebnis = replace(self.schicht, ist=None)
        self.speichere_und_schliesse()

    def ergebnis_bauen(self) -> Schicht:
        tag = self.schicht.tag
        beginn_uhr = pflicht_uhrzeit(self.beginn, tr("Bitte den tatsächlichen Beginn angeben."))
        ende_uhr = pflicht_uhrzeit(self.ende, tr("Bitte das tatsächliche Ende angeben."))
        folgetag = bool(self.folgetag.wert())
        ende = lokal(tag + timedelta(days=1) if folgetag else tag, ende_uhr)
        pausen = tuple(
            Pause(
                zeitpunkt_in_schicht(tag, beginn_uhr, a, folgetag=folgetag),
                zeitpunkt_in_schicht(tag, beginn_uhr, b, folgetag=folgetag),
            )
            for a, b, _ in spannen_aus_text(self.pausen.wert())
        )
        ist = Istzeit(lokal(tag, beginn_uhr), ende, pausen, self.notiz.wert())
        neu = replace(self.schicht, ist=ist)
        pruefe_schicht(neu, {self.schicht.assistenzkraft_id: self.name})
        return neu
