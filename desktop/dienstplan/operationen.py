"""What the user does in the Dienstplan, as operations (desktop/operationen.py): ask what is needed (which shift,
which assistant, a dialog), then one core service call that goes onto the page's undo history — or, for exports,
work off the GUI thread. The page (`bereich.DienstplanBereich`) only shows the month and wires keys to these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from core.dienstplan import dienst
from core.dienstplan.abwesenheit import Abwesenheit, mit_vertretung
from core.dienstplan.dienst import Aenderung
from core.dienstplan.kopieren import eingefuegt
from core.dienstplan.raster import Zelleneintrag
from core.dienstplan.schicht import Schicht
from core.domain.zahlen import anzahl
from desktop import meldungen
from desktop.dienstplan import texte
from desktop.dienstplan.abwesenheit_dialog import AbwesenheitDialog
from desktop.dienstplan.auswahl import waehle
from desktop.dienstplan.istzeit_dialog import IstzeitDialog
from desktop.dienstplan.modelle import Art
from desktop.dienstplan.schicht_dialog import SchichtDialog
from desktop.i18n import tr
from desktop.operationen import Aenderungsverlauf

if TYPE_CHECKING:
    from desktop.dienstplan.bereich import DienstplanBereich


@dataclass(frozen=True)
class Zwischenablage:
    """Shifts cut or copied in the grid; `spalte` is the column they came from (a template or the whole day)."""

    schichten: tuple[Schicht, ...]
    ausschneiden: bool
    spalte: str | None
    ganzer_tag: bool


class Dienstplanoperationen:
    """The actions of the Dienstplan area; every change is one undoable step of `verlauf`."""

    def __init__(self, seite: DienstplanBereich) -> None:
        self.seite = seite
        self.zwischenablage: Zwischenablage | None = None
        self.verlauf: Aenderungsverlauf[Aenderung] = Aenderungsverlauf(
            seite, lambda aenderung: dienst.anwenden(self.db, aenderung), seite.nach_aenderung
        )

    @property
    def db(self) -> Any:
        return self.seite.db

    def _melde(self, text: str) -> None:
        self.seite.kontext.melde(text)

    def _fehler(self, text: str) -> None:
        meldungen.fehler(self.seite, tr("Nicht gespeichert"), text)

    def _tue(self, aktion: Any) -> Aenderung | None:
        """A service call as one undoable step; a refusal is one German message and the month is reloaded."""
        ergebnis = self.verlauf.ausfuehren(aktion)
        if ergebnis is None:
            self.seite.lade()
        return ergebnis

    def _bereit(self) -> bool:
        if self.db is None or self.seite.plan is None:
            self._fehler(tr("Keine Datenbank geöffnet."))
            return False
        if not self.seite.plan.personen:
            self._fehler(
                tr("Es sind noch keine Assistenzkräfte angelegt. Bitte legen Sie sie im Bereich „Assistenzkräfte“ an.")
            )
            return False
        return True

    # choosing -----------------------------------------------------------------------------------------------
    def _waehle_schicht(self, eintraege: tuple[Zelleneintrag, ...], titel: str) -> Schicht | None:
        if not eintraege:
            return None
        name = self.seite.modell.name
        return waehle(
            self.seite,
            titel,
            tr("&Welche Schicht?"),
            [
                (
                    e.schicht,
                    f"{name(e.schicht.assistenzkraft_id)}: {e.schicht.vorlage or tr('Schicht')} "
                    f"{texte.zeitspanne(e.schicht.beginn, e.schicht.ende)}",
                )
                for e in eintraege
            ],
        )

    def _schicht_der_zelle(self, titel: str) -> Schicht | None:
        return self._waehle_schicht(self.seite.modell.eintraege(self.seite.zelle().index), titel)

    def _abwesenheit_am(self, person: int, tag: date) -> bool:
        plan = self.seite.plan
        return plan is not None and any(a.assistenzkraft_id == person and a.umfasst(tag) for a in plan.abwesenheiten)

    # shifts -------------------------------------------------------------------------------------------------
    def neue_schicht(self) -> None:
        if not self._bereit() or self.seite.plan is None:
            return
        zelle = self.seite.zelle()
        if zelle.art is Art.BEMERKUNG:
            self.neue_abwesenheit()
            return
        dialog = SchichtDialog(
            self.seite.personen(),
            self.seite.plan.vorlagen,
            self.seite.leistungsarten(),
            tag=zelle.tag,
            vorlage=zelle.schluessel if zelle.art is Art.SCHICHT else None,
            parent=self.seite,
        )

        def speichern() -> None:
            schicht: Schicht = dialog.ergebnis
            self.verlauf.speichere(lambda: dienst.plane(self.db, schicht))

        dialog.speichern = speichern
        self.seite.modal(dialog)

    def bearbeiten(self) -> None:
        if not self._bereit() or self.seite.plan is None:
            return
        art = self.seite.zelle().art
        if art is Art.BEMERKUNG:
            self.abwesenheit_aendern()
            return
        schicht = self._schicht_der_zelle(tr("Schicht bearbeiten"))
        if schicht is None:
            if art is Art.SCHICHT:
                self.neue_schicht()  # Enter on an empty slot plans it
            return
        dialog = SchichtDialog(
            self.seite.personen(),
            self.seite.plan.vorlagen,
            self.seite.leistungsarten(),
            schicht=schicht,
            parent=self.seite,
        )

        def speichern() -> None:
            neu: Schicht = dialog.ergebnis
            self.verlauf.speichere(lambda: dienst.aendere(self.db, neu))

        dialog.speichern = speichern
        self.seite.modal(dialog)

    def zuweisen(self) -> None:
        if not self._bereit():
            return
        zelle = self.seite.zelle()
        if not self.seite.modell.eintraege(zelle.index) and zelle.art is Art.SCHICHT and zelle.tag is not None:
            self._besetzen(zelle.tag, zelle.schluessel)
            return
        schicht = self._schicht_der_zelle(tr("Assistenzkraft zuweisen"))
        if schicht is None or schicht.id is None:
            self._melde(tr("In dieser Zelle ist keine Schicht."))
            return
        frei = {p.id for p in dienst.vertretungsvorschlaege(self.db, schicht.id)}
        eintraege = [
            (pid, f"{name} ({tr('frei') if pid in frei else tr('eingeplant, abwesend oder nicht beschäftigt')})")
            for pid, name in self.seite.personen()
            if pid != schicht.assistenzkraft_id
        ]
        person = waehle(
            self.seite,
            tr("Assistenzkraft zuweisen"),
            tr("&Wer übernimmt die Schicht am {tag} ({zeit})?").format(
                tag=texte.datum(schicht.tag), zeit=texte.zeitspanne(schicht.beginn, schicht.ende)
            ),
            eintraege,
            vorauswahl=next((pid for pid, _n in eintraege if pid in frei), None),
        )
        if person is None:
            return
        sid = schicht.id
        if self._abwesenheit_am(schicht.assistenzkraft_id, schicht.tag) or schicht.vertretung_fuer is not None:
            self._tue(lambda: dienst.vertrete(self.db, sid, person))
        else:
            self._tue(lambda: dienst.weise_zu(self.db, sid, person))

    def _besetzen(self, tag: date, schluessel: str | None) -> None:
        """An empty slot of a template: choose who works it, the shift is planned at the template's times."""
        plan = self.seite.plan
        vorlage = next((v for v in plan.vorlagen if v.name == schluessel), None) if plan is not None else None
        if vorlage is None or vorlage.id is None:
            self.neue_schicht()
            return
        personen = self.seite.personen()
        person = waehle(
            self.seite,
            tr("Schicht besetzen"),
            tr("&Wer arbeitet {vorlage} am {tag}?").format(vorlage=vorlage.name, tag=texte.datum(tag)),
            personen,
            vorauswahl=personen[0][0] if personen else None,
        )
        if person is not None:
            vid = vorlage.id
            self._tue(lambda: dienst.plane_vorlage(self.db, vid, tag, person))

    def tauschen(self) -> None:
        """Two assistants swap shifts (seed 004, 2.6.1): the current cell's shift and one of the week around it."""
        if not self._bereit() or self.seite.plan is None:
            return
        schicht = self._schicht_der_zelle(tr("Schicht tauschen"))
        if schicht is None or schicht.id is None:
            self._melde(tr("In dieser Zelle ist keine Schicht."))
            return
        kandidaten = sorted(
            (
                s
                for s in self.seite.plan.schichten
                if s.id is not None
                and s.assistenzkraft_id != schicht.assistenzkraft_id
                and abs((s.tag - schicht.tag).days) <= 7
            ),
            key=lambda s: s.beginn_utc,
        )
        if not kandidaten:
            self._melde(tr("In dieser Woche hat niemand sonst eine Schicht zum Tauschen."))
            return
        name = self.seite.modell.name
        andere = waehle(
            self.seite,
            tr("Schicht tauschen"),
            tr("&Mit welcher Schicht tauscht {name}?").format(name=name(schicht.assistenzkraft_id)),
            [
                (
                    s.id,
                    f"{texte.tag_mit_datum(s.tag)} {name(s.assistenzkraft_id)}: "
                    f"{s.vorlage or tr('Schicht')} {texte.zeitspanne(s.beginn, s.ende)}",
                )
                for s in kandidaten
            ],
            vorauswahl=kandidaten[0].id,
        )
        if andere is not None:
            sid = schicht.id
            self._tue(lambda: dienst.tausche(self.db, sid, andere))

    def istzeit(self, schicht: Schicht | None = None) -> None:
        if not self._bereit():
            return
        schicht = schicht or self._schicht_der_zelle(tr("Tatsächliche Zeit erfassen"))
        if schicht is None or schicht.id is None:
            self._melde(tr("In dieser Zelle ist keine Schicht."))
            return
        dialog = IstzeitDialog(schicht, self.seite.namen().get(schicht.assistenzkraft_id, ""), self.seite)
        sid = schicht.id

        def speichern() -> None:
            neu: Schicht = dialog.ergebnis
            self.verlauf.speichere(lambda: dienst.erfasse_istzeit(self.db, sid, neu.ist))

        dialog.speichern = speichern
        self.seite.modal(dialog)

    def loeschen(self) -> None:
        if not self._bereit():
            return
        zelle = self.seite.zelle()
        if zelle.art is Art.BEMERKUNG:
            self.abwesenheit_loeschen()
            return
        eintraege = self.seite.modell.eintraege(zelle.index)
        if not eintraege:
            self._melde(tr("In dieser Zelle ist keine Schicht."))
            return
        if zelle.art is Art.TAG and len(eintraege) > 1:
            if not meldungen.frage(
                self.seite,
                tr("Ganzen Tag leeren"),
                tr("Alle {n} am {tag} löschen? Strg+Z holt sie zurück.").format(
                    n=anzahl(len(eintraege), tr("Schicht"), tr("Schichten")),
                    tag=texte.datum(zelle.tag) if zelle.tag else "",
                ),
                ja=tr("&Löschen"),
                nein=tr("&Behalten"),
                gefaehrlich=True,
            ):
                return
            ids = [e.schicht.id for e in eintraege if e.schicht.id is not None]
        else:
            schicht = self._waehle_schicht(eintraege, tr("Schicht löschen"))
            if schicht is None or schicht.id is None:
                return
            ids = [schicht.id]
        if self._tue(lambda: dienst.loesche(self.db, ids)) is not None:
            self._melde(tr("Gelöscht. Strg+Z macht es rückgängig."))

    # cut, copy, paste ---------------------------------------------------------------------------------------
    def merke(self, ausschneiden: bool) -> None:
        zelle = self.seite.zelle()
        eintraege = self.seite.modell.eintraege(zelle.index)
        if not eintraege:
            self._melde(tr("In dieser Zelle ist keine Schicht."))
            return
        if zelle.art is Art.TAG:
            schichten = tuple(e.schicht for e in eintraege)
        else:
            gewaehlt = self._waehle_schicht(eintraege, tr("Ausschneiden") if ausschneiden else tr("Kopieren"))
            if gewaehlt is None:
                return
            schichten = (gewaehlt,)
        self.zwischenablage = Zwischenablage(schichten, ausschneiden, zelle.schluessel, zelle.art is Art.TAG)
        was = anzahl(len(schichten), tr("Schicht"), tr("Schichten"))
        if ausschneiden:
            self._melde(tr("{was} zum Verschieben gemerkt: Zieltag wählen, dann Strg+V.").format(was=was))
        else:
            self._melde(tr("{was} kopiert: Zieltag wählen, dann Strg+V.").format(was=was))

    def einfuegen(self) -> None:
        if not self._bereit() or self.seite.plan is None:
            return
        ablage = self.zwischenablage
        if ablage is None:
            self._melde(tr("Nichts zum Einfügen: erst mit Strg+C kopieren oder mit Strg+X ausschneiden."))
            return
        zelle = self.seite.zelle()
        tag = zelle.tag
        if tag is None:
            return
        vorlagen = {v.name: v for v in self.seite.plan.vorlagen}
        ziel_vorlage = (
            vorlagen.get(zelle.schluessel or "") if zelle.art is Art.SCHICHT and not ablage.ganzer_tag else None
        )
        verschieben = ablage.ausschneiden
        anzahl = len(ablage.schichten)

        def einfuegen() -> Aenderung:  # inside the step: a refusal (e.g. a time the DST change skips) is shown
            if verschieben:
                geaendert = tuple(
                    (s, eingefuegt(s, tag, verschieben=True, vorlage=ziel_vorlage)) for s in ablage.schichten
                )
                text = tr("Schicht verschoben") if anzahl == 1 else tr("Tag verschoben")
                return dienst.anwenden(self.db, Aenderung(text, schichten_geaendert=geaendert))
            neue = tuple(eingefuegt(s, tag, verschieben=False, vorlage=ziel_vorlage) for s in ablage.schichten)
            text = tr("Schicht kopiert") if anzahl == 1 else tr("Tag kopiert")
            return dienst.anwenden(self.db, Aenderung(text, schichten_neu=neue))

        if self._tue(einfuegen) is not None and verschieben:
            self.zwischenablage = None  # a cut is pasted once

    # absences -----------------------------------------------------------------------------------------------
    def _abwesenheitsdialog(self, **kw: Any) -> AbwesenheitDialog:
        plan = self.seite.plan
        return AbwesenheitDialog(
            self.seite.personen(),
            lambda person, von, bis: dienst.schichten_von(self.db, person, von, bis),
            andere=plan.abwesenheiten if plan is not None else (),
            parent=self.seite,
            **kw,
        )

    def neue_abwesenheit(self, person: int | None = None, tag: date | None = None) -> None:
        if not self._bereit():
            return
        zelle = self.seite.zelle()
        if person is None:
            eintraege = self.seite.modell.eintraege(zelle.index)
            person = eintraege[0].schicht.assistenzkraft_id if len(eintraege) == 1 else None
        dialog = self._abwesenheitsdialog(person=person, tag=tag or zelle.tag)

        def speichern() -> None:
            eingabe = dialog.ergebnis
            abw = eingabe.abwesenheit
            vertretungen: dict[int, int] = {}
            if eingabe.vertretung is not None:
                for s in dienst.schichten_von(self.db, abw.assistenzkraft_id, abw.von, abw.bis):
                    if s.id is not None:
                        vertretungen[s.id] = eingabe.vertretung
            self.verlauf.speichere(lambda: dienst.trage_abwesenheit_ein(self.db, abw, vertretungen))

        dialog.speichern = speichern
        self.seite.modal(dialog)

    def _abwesenheit_waehlen(self, titel: str) -> Abwesenheit | None:
        gewaehlt = self.seite.person.aktuelle_abwesenheit() if self.seite.zeigt_person() else None
        if gewaehlt is not None:
            return gewaehlt
        tag, plan = self.seite.zelle().tag, self.seite.plan
        if plan is None or tag is None:
            return None
        am_tag = [a for a in plan.abwesenheiten if a.umfasst(tag)]
        if not am_tag:
            self._melde(tr("An diesem Tag ist niemand abwesend."))
            return None
        name = self.seite.modell.name
        gewaehlt = waehle(
            self.seite,
            titel,
            tr("&Welche Abwesenheit?"),
            [
                (a, f"{name(a.assistenzkraft_id)}: {a.art.bezeichnung} {texte.datum(a.von)}–{texte.datum(a.bis)}")
                for a in am_tag
            ],
        )
        return gewaehlt if isinstance(gewaehlt, Abwesenheit) else None

    def abwesenheit_aendern(self, abwesenheit: Abwesenheit | None = None) -> None:
        if not self._bereit():
            return
        abw = abwesenheit or self._abwesenheit_waehlen(tr("Abwesenheit ändern"))
        if abw is None:
            return
        dialog = self._abwesenheitsdialog(abwesenheit=abw)

        def speichern() -> None:
            """The changed absence and the new covers in one all-or-nothing step (one undo)."""
            eingabe = dialog.ergebnis
            neu = eingabe.abwesenheit
            vertretungen: tuple[tuple[Schicht, Schicht], ...] = ()
            if eingabe.vertretung is not None:
                eigene = dienst.schichten_von(self.db, neu.assistenzkraft_id, neu.von, neu.bis)
                vertretungen = tuple((s, mit_vertretung(s, eingabe.vertretung)) for s in eigene)
            aenderung = Aenderung(
                tr("Abwesenheit geändert"), schichten_geaendert=vertretungen, abwesenheiten_geaendert=((abw, neu),)
            )
            self.verlauf.speichere(lambda: dienst.anwenden(self.db, aenderung))

        dialog.speichern = speichern
        self.seite.modal(dialog)

    def abwesenheit_loeschen(self, abwesenheit: Abwesenheit | None = None) -> None:
        if not self._bereit():
            return
        abw = abwesenheit or self._abwesenheit_waehlen(tr("Abwesenheit löschen"))
        if abw is None or abw.id is None:
            return
        aid = abw.id
        if self._tue(lambda: dienst.loesche_abwesenheit(self.db, aid)) is not None:
            self._melde(tr("Abwesenheit gelöscht. Strg+Z macht es rückgängig."))

    # planning dialogs ---------------------------------------------------------------------------------------
    def bedarf(self) -> None:
        if not self._bereit() or self.seite.plan is None:
            return
        from desktop.dienstplan.bedarf_dialog import BedarfDialog

        monatsanfang = date(self.seite.jahr, self.seite.monat, 1)
        dialog = BedarfDialog(self.seite.plan.bedarf, self.seite.leistungsarten(), self.seite, gueltig_ab=monatsanfang)

        def speichern() -> None:
            dienst.speichere_bedarfsprofil(self.db, dialog.ergebnis, dialog.gueltig_ab_wert())

        dialog.speichern = speichern
        if self.seite.modal(dialog):
            self.seite.lade()
            self._melde(tr("Bedarf gespeichert"))

    def vorlagen(self) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.vorlagen_dialog import VorlagenDialog

        self.seite.modal(VorlagenDialog(self.db, self.seite.leistungsarten(), self.seite))
        self.seite.lade()

    def muster(self) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.muster_dialog import MusterDialog

        dialog = MusterDialog(self.db, self.seite.personen(), date(self.seite.jahr, self.seite.monat, 1), self.seite)
        dialog.anwenden = self._tue
        self.seite.modal(dialog)

    def kopieren(self, *, woche: bool) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.kopieren_dialog import KopierenDialog

        tag = self.seite.zelle().tag or date(self.seite.jahr, self.seite.monat, 1)
        dialog = KopierenDialog(self.db, self.seite.namen(), woche=woche, tag=tag, parent=self.seite)
        dialog.anwenden = self._tue
        self.seite.modal(dialog)

    # exports ------------------------------------------------------------------------------------------------
    def exportieren(self, art: str, endung: str) -> None:
        if not self._bereit():
            return
        from desktop.dienstplan.export import exportiere

        plan = self.seite.plan
        gewaehlt = self.seite.person.aktuelle_person()
        person = next((p for p in plan.personen if p.id == gewaehlt), None) if plan is not None else None
        exportiere(self.seite, self.db, art, endung, self.seite.jahr, self.seite.monat, person)
