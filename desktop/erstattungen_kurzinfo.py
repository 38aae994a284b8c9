"""The start page's line on U1/U2 refunds: how many claims are waiting, how much money, which Frist runs out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from core.domain.zahlen import format_eur
from core.erstattung.dienst import antraege
from core.erstattung.modelle import GESTELLT, OFFEN
from core.fehler import AssistenzbueroFehler
from desktop.i18n import tr
from desktop.kontext import Kontext


def kurztext(kontext: Kontext, heute: date | None = None) -> str:
    heute = heute or date.today()
    try:
        offen = antraege(kontext.datenbank, heute=heute).antraege
    except AssistenzbueroFehler as fehler:
        return tr("Erstattungen U1/U2: {fehler}").format(fehler=fehler)
    if not offen:
        return tr("Erstattungen U1/U2: keine offenen Anträge.")
    zu_stellen = [a for a in offen if a.status == OFFEN]
    gestellt = [a for a in offen if a.status == GESTELLT]
    summe = sum((a.erstattungsbetrag or Decimal(0) for a in offen), Decimal(0))
    text = tr("Erstattungen U1/U2: {n} zu stellen, {g} gestellt und noch nicht bezahlt, zusammen {summe}").format(
        n=len(zu_stellen), g=len(gestellt), summe=format_eur(summe)
    )
    unvollstaendig = sum(1 for a in offen if not a.vollstaendig)
    if unvollstaendig:
        text += tr("; {n} unvollständig").format(n=unvollstaendig)
    fristen = sorted(
        a.frist_bis for a in offen if {h.code for h in a.hinweise} & {"ERSTATTUNG_FRIST", "ERSTATTUNG_VERJAEHRT"}
    )
    if fristen:
        text += tr("; Achtung: Verjährung am {datum}").format(datum=f"{fristen[0]:%d.%m.%Y}")
    return text + tr(" – siehe Bereich Erstattungen (Strg+5).")


class ErstattungenKurzinfo(QLabel):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.setObjectName("erstattungen_kurzinfo")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after the flags, which reset it to ClickFocus

    def showEvent(self, ereignis: QShowEvent) -> None:
        super().showEvent(ereignis)
        if self.kontext.datenbank is not None:
            self.setText(kurztext(self.kontext))
            self.setAccessibleName(self.text())
