"""Dialog for an absence (Urlaub, Krank, …): period, certificate received on, and who covers her shifts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart, betroffene_schichten, pruefe_abwesenheit
from core.dienstplan.schicht import Schicht
from core.fehler import EingabeFehler
from desktop.dienstplan import texte
from desktop.dienstplan.eingaben import Eingabedialog
from desktop.formular import Eingabeformat
from desktop.i18n import tr


@dataclass(frozen=True)
class AbwesenheitEingabe:
    """What the dialog produces: the absence and who covers the affected shifts (None: leave them open)."""

    abwesenheit: Abwesenheit
    vertretung: int | None


class AbwesenheitDialog(Eingabedialog):
    def __init__(
        self,
        personen: Sequence[tuple[int, str]],
        schichten_im_zeitraum: Callable[[int, date, date], Sequence[Schicht]],
        *,
        abwesenheit: Abwesenheit | None = None,
        person: int | None = None,
        tag: date | None = None,
        andere: Sequence[Abwesenheit] = (),
        parent: QWidget | None = None,
    ) -> None:
        titel = tr("Abwesenheit ändern") if abwesenheit is not None else tr("Abwesenheit eintragen")
        super().__init__(titel, parent)
        self.alt = abwesenheit
        self.namen = dict(personen)
        self.andere = list(andere)
        self._schichten_im_zeitraum = schichten_im_zeitraum
        f = self.formular
        self.person = f.auswahl("assistenzkraft", tr("&Assistenzkraft"), personen)
        self.art = f.auswahl("art", tr("A&rt"), [(a.value, a.bezeichnung) for a in Abwesenheitsart])
        self.von = f.datum("von", tr("&Von"))
        self.bis = f.datum("bis", tr("&Bis (einschließlich)"))
        self.bescheinigung = f.datum(
            "bescheinigung_am",
            tr("Bescheinigung &erhalten am"),
            beschreibung=tr("Arbeitsunfähigkeits- oder ärztliche Bescheinigung; leer lassen, solange sie fehlt"),
        )
        self.notiz = f.text("notiz", tr("&Notiz"))
        self.vertretung = f.auswahl(
            "vertretung",
            tr("Ver&tretung für ihre Schichten"),
            [(None, tr("offen lassen")), *list(personen)],
            beschreibung=tr("Wer die Schichten im Zeitraum übernimmt; einzelne Schichten lassen sich danach ändern"),
        )
        self.betroffen_titel = QLabel(tr("Betroffene Sc&hichten:"))
        self.betroffen = QListWidget()
        self.betroffen.setObjectName("betroffene_schichten")
        self.betroffen.setAccessibleName(tr("Betroffene Schichten"))
        self.betroffen_titel.setBuddy(self.betroffen)
        self.betroffen.setMaximumHeight(self.betroffen.fontMetrics().lineSpacing() * 6)
        self.spalte.addWidget(self.betroffen_titel)
        self.spalte.addWidget(self.betroffen)
        self.fertig_bauen()

        if abwesenheit is not None:
            self.person.setze(abwesenheit.assistenzkraft_id)
            self.art.setze(abwesenheit.art.value)
            self.von.setze(abwesenheit.von)
            self.bis.setze(abwesenheit.bis)
            self.bescheinigung.setze(abwesenheit.bescheinigung_am)
            self.notiz.setze(abwesenheit.notiz)
        else:
            if person is not None:
                self.person.setze(person)
            self.von.setze(tag or date.today())
            self.bis.setze(tag or date.today())
        for feld in (self.von, self.bis, self.person):
            feld.bei_verlassen(self._zeige_betroffene)
        self.art.bei_verlassen(self._art_gewaehlt)
        self._art_gewaehlt()
        self._zeige_betroffene()
        self.person.eingabe.setFocus()

    def _art_gewaehlt(self) -> None:
        mit = Abwesenheitsart(self.art.wert()).mit_bescheinigung
        self.bescheinigung.eingabe.setEnabled(mit)
        if not mit:
            self.bescheinigung.setze(None)

    def _zeige_betroffene(self) -> None:
        self.betroffen.clear()
        try:
            von, bis = self.von.wert(), self.bis.wert()
        except Eingabeformat:
            return
        person = self.person.wert()
        if von is None or bis is None or bis < von or person is None:
            self.betroffen.addItem(tr("– bitte Zeitraum angeben –"))
            return
        probe = Abwesenheit(person, Abwesenheitsart(self.art.wert()), von, bis)
        schichten = betroffene_schichten(probe, self._schichten_im_zeitraum(person, von, bis))
        for s in sorted(schichten, key=lambda s: s.beginn):
            self.betroffen.addItem(
                f"{texte.tag_kurz(s.tag)} {texte.datum(s.tag)}: {s.vorlage or tr('Schicht')} "
                f"{texte.zeitspanne(s.beginn, s.ende)}"
            )
        if not schichten:
            self.betroffen.addItem(tr("keine Schichten im Zeitraum"))

    def ergebnis_bauen(self) -> AbwesenheitEingabe:
        person = self.person.wert()
        if person is None:
            raise EingabeFehler(tr("Bitte eine Assistenzkraft auswählen."), feld="assistenzkraft")
        von, bis = self.von.wert(), self.bis.wert()
        if von is None:
            raise EingabeFehler(tr("Bitte den ersten Tag der Abwesenheit angeben."), feld="von")
        if bis is None:
            raise EingabeFehler(tr("Bitte den letzten Tag der Abwesenheit angeben."), feld="bis")
        abwesenheit = Abwesenheit(
            assistenzkraft_id=person,
            art=Abwesenheitsart(self.art.wert()),
            von=von,
            bis=bis,
            bescheinigung_am=self.bescheinigung.wert(),
            notiz=self.notiz.wert(),
            id=self.alt.id if self.alt is not None else None,
        )
        pruefe_abwesenheit(abwesenheit, self.andere, self.namen)
        vertretung = self.vertretung.wert()
        if vertretung == person:
            raise EingabeFehler(tr("Eine Assistenzkraft kann sich nicht selbst vertreten."), feld="vertretung")
        return AbwesenheitEingabe(abwesenheit, vertretung)
