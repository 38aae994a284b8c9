"""Dialog for one shift: assistant, day, template or own times, Arbeit I/II, breaks, Leistungsart split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import QWidget

from core.dienstplan.schicht import Arbeitsart, Leistungsanteil, Pause, Schicht, Teil, pruefe_schicht
from core.dienstplan.vorlagen import Schichtvorlage, schicht_aus_vorlage
from core.domain.zeit import BERLIN, lokal
from core.fehler import EingabeFehler
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

EIGENE = ""  # template combo: "own times"


def _bereitschaft(teile: tuple[Teil, ...]) -> str:
    return spannen_als_text((t.beginn, t.ende, "") for t in teile if t.arbeitsart is Arbeitsart.BEREITSCHAFT)


def _pausen(pausen: tuple[Pause, ...]) -> str:
    return spannen_als_text((p.beginn, p.ende, "") for p in pausen)


class SchichtDialog(Eingabedialog):
    """New or changed shift. The result (`ergebnis`) is a `Schicht`; the caller saves it through the service."""

    def __init__(
        self,
        personen: Sequence[tuple[int, str]],
        vorlagen: Sequence[Schichtvorlage],
        leistungsarten: Sequence[tuple[str, str]],
        *,
        schicht: Schicht | None = None,
        tag: date | None = None,
        vorlage: str | None = None,
        person: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        titel = tr("Schicht ändern") if schicht is not None and schicht.id is not None else tr("Neue Schicht")
        super().__init__(titel, parent)
        self.alt = schicht
        self.namen = dict(personen)
        self.vorlagen = {v.name: v for v in vorlagen}
        f = self.formular
        self.person = f.auswahl("assistenzkraft", tr("&Assistenzkraft"), personen)
        self.tag = f.datum("tag", tr("&Datum (Beginn)"), beschreibung=tr("Tag, an dem die Schicht beginnt"))
        self.vorlage = f.auswahl(
            "vorlage",
            tr("&Vorlage"),
            [(EIGENE, tr("Eigene Zeiten"))] + [(v.name, f"{v.name} ({v.zeiten_text})") for v in vorlagen],
            beschreibung=tr("Eine Vorlage füllt Beginn, Ende, Arbeitsart und Pausen aus"),
        )
        self.beginn = uhrzeit_feld(f, "beginn", tr("&Beginn"), beschreibung=tr("Uhrzeit, z. B. 07:00"))
        self.ende = uhrzeit_feld(f, "ende", tr("&Ende"), beschreibung=tr("Uhrzeit, z. B. 14:00"))
        self.folgetag = f.ja_nein(
            "folgetag",
            tr("Endet am &Folgetag (Nachtschicht, 24-Stunden-Block)"),
            beschreibung=tr("Ankreuzen, wenn die Schicht nach Mitternacht endet"),
        )
        self.arbeitsart = f.auswahl("arbeitsart", tr("A&rbeitsart"), [(a.value, a.bezeichnung) for a in Arbeitsart])
        self.bereitschaft = spannen_feld(
            f,
            "bereitschaft",
            tr("Darin Arbeit &II (Bereitschaft)"),
            beschreibung=tr("Zeiten in Bereitschaft innerhalb einer Schicht in Arbeit I, z. B. 21:00–07:00"),
        )
        self.pausen = spannen_feld(
            f, "pausen", tr("&Pausen"), beschreibung=tr("Unbezahlte Pausen, z. B. 12:00–12:30, 18:00–18:15")
        )
        self.leistungsart = f.auswahl(
            "leistungsart",
            tr("&Leistungsart / Kostenträger"),
            [(None, tr("aus dem Bedarfsprofil übernehmen")), *list(leistungsarten)],
        )
        self.anteile = spannen_feld(
            f,
            "leistungsanteile",
            tr("Teile mit anderer Leis&tungsart"),
            mit_zusatz=True,
            beschreibung=tr("Zeitspanne und Kürzel, z. B. 07:00–09:00 PK, 20:00–22:00 EGH"),
        )
        self.vertretung = f.auswahl(
            "vertretung_fuer",
            tr("Vertret&ung für"),
            [(None, tr("niemanden (eigene Schicht)")), *list(personen)],
            beschreibung=tr("Wen diese Assistenzkraft vertritt, z. B. bei Urlaub oder Krankheit"),
        )
        self.notiz = f.text("notiz", tr("&Notiz"))
        self.fertig_bauen()
        self.vorlage.bei_verlassen(self._vorlage_gewaehlt)

        if schicht is not None:
            self._zeige(schicht)
        else:
            if person is not None:
                self.person.setze(person)
            self.tag.setze(tag or date.today())
            self.vorlage.setze(vorlage if vorlage in self.vorlagen else EIGENE)
            self._vorlage_gewaehlt()
        self.person.eingabe.setFocus()

    # filling -----------------------------------------------------------------------------------------------
    def _zeige(self, s: Schicht) -> None:
        self.person.setze(s.assistenzkraft_id)
        self.tag.setze(s.tag)
        self.vorlage.eingabe.blockSignals(True)
        self.vorlage.setze(s.vorlage if s.vorlage in self.vorlagen else EIGENE)
        self.vorlage.eingabe.blockSignals(False)
        self.beginn.setze(texte.uhrzeit(s.beginn))
        self.ende.setze(texte.uhrzeit(s.ende))
        self.folgetag.setze(s.ende.astimezone(BERLIN).date() > s.tag)
        self.arbeitsart.setze(s.arbeitsart.value)
        self.bereitschaft.setze(_bereitschaft(s.teile))
        self.pausen.setze(_pausen(s.pausen))
        self.leistungsart.setze(s.leistungsart)
        self.anteile.setze(spannen_als_text((a.beginn, a.ende, a.leistungsart) for a in s.leistungsanteile))
        self.vertretung.setze(s.vertretung_fuer)
        self.notiz.setze(s.notiz)

    def _vorlage_gewaehlt(self) -> None:
        v = self.vorlagen.get(self.vorlage.wert())
        if v is None:
            return
        tag = self.tag.wert() if self.tag.pruefe() else None
        muster = schicht_aus_vorlage(v, tag or date(2001, 1, 8), 0)
        self.beginn.setze(texte.uhrzeit(v.beginn))
        self.ende.setze(texte.uhrzeit(v.ende))
        self.folgetag.setze(v.ueber_mitternacht)
        self.arbeitsart.setze(v.arbeitsart.value)
        self.bereitschaft.setze(_bereitschaft(muster.teile))
        self.pausen.setze(_pausen(muster.pausen))
        if v.leistungsart:
            self.leistungsart.setze(v.leistungsart)

    # reading -----------------------------------------------------------------------------------------------
    def ergebnis_bauen(self) -> Schicht:
        person = self.person.wert()
        if person is None:
            raise EingabeFehler(tr("Bitte eine Assistenzkraft auswählen."), feld="assistenzkraft")
        tag: date | None = self.tag.wert()
        if tag is None:
            raise EingabeFehler(tr("Bitte das Datum angeben, an dem die Schicht beginnt."), feld="tag")
        beginn_uhr = pflicht_uhrzeit(self.beginn, tr("Bitte den Beginn der Schicht angeben, z. B. 07:00."))
        ende_uhr = pflicht_uhrzeit(self.ende, tr("Bitte das Ende der Schicht angeben, z. B. 14:00."))
        folgetag = bool(self.folgetag.wert())
        arbeitsart = Arbeitsart(self.arbeitsart.wert())
        leistungsart = self.leistungsart.wert()
        vorlage = self.vorlagen.get(self.vorlage.wert())
        bereitschaft = spannen_aus_text(self.bereitschaft.wert())
        pausen = spannen_aus_text(self.pausen.wert())
        anteile = spannen_aus_text(self.anteile.wert(), mit_zusatz=True)

        beginn = lokal(tag, beginn_uhr)
        ende = lokal(tag + timedelta(days=1) if folgetag else tag, ende_uhr)

        def innen(uhr: time) -> datetime:
            return zeitpunkt_in_schicht(tag, beginn_uhr, uhr, folgetag=folgetag)

        schicht = Schicht(
            assistenzkraft_id=person,
            beginn=beginn,
            ende=ende,
            arbeitsart=arbeitsart,
            leistungsart=leistungsart,
            teile=tuple(Teil(innen(a), innen(b), Arbeitsart.BEREITSCHAFT) for a, b, _ in bereitschaft),
            leistungsanteile=tuple(Leistungsanteil(innen(a), innen(b), z) for a, b, z in anteile),
            pausen=tuple(Pause(innen(a), innen(b)) for a, b, _ in pausen),
            vorlage=None,
            vertretung_fuer=self.vertretung.wert(),
            notiz=self.notiz.wert(),
        )
        if vorlage is not None:
            nach_vorlage = schicht_aus_vorlage(vorlage, tag, person)
            gleich = (
                nach_vorlage.beginn == schicht.beginn
                and nach_vorlage.ende == schicht.ende
                and nach_vorlage.arbeitsart == schicht.arbeitsart
            )
            if gleich:  # only a shift at the template's times belongs in the template's column
                schicht = replace(schicht, vorlage=vorlage.name)
        if self.alt is not None:
            # what the dialog does not show stays: the stored row, the recorded actual time, the pattern it came from
            # (so that applying the pattern again with "ersetzen" still finds it)
            schicht = replace(schicht, id=self.alt.id, ist=self.alt.ist, muster_id=self.alt.muster_id)
        pruefe_schicht(schicht, self.namen)
        return schicht
