"""Budget → Bewilligungen: the list, the form (with later Bescheide, Leistungsarten, Verwendungsnachweis switches),
and the other costs and income booked on the chosen Bewilligung. Saving and every check: `core.budget.bewilligungen`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.budget import bewilligungen as dienst
from core.budget.bewilligung import NACHWEISTEILE, POSTENARTEN, Bescheid, BewilligungDaten, Monat, Posten, monatstext
from core.budget.kalkulation_dienst import liste as kalkulationen
from core.dienstplan.kataloge import liste_leistungsarten
from core.domain.zahlen import format_eur, format_zahl
from core.fehler import EingabeFehler
from desktop import bildschirm, meldungen
from desktop.dialoge import modal
from desktop.formular import Eingabeformat, Formular, datum_als_text
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle
from desktop.unterliste import EintragDialog, Unterliste


def monat_aus_text(text: str) -> Monat | None:
    """ "03/2026", "3.2026" or "2026-03" → (2026, 3); empty → None."""
    text = text.strip()
    if not text:
        return None
    treffer = re.fullmatch(r"(\d{1,2})[./](\d{4})", text) or re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if treffer is not None:
        a, b = int(treffer.group(1)), int(treffer.group(2))
        jahr, monat = (b, a) if a <= 12 and b > 12 else (a, b)
        if 1 <= monat <= 12 and 2000 <= jahr <= 2100:
            return jahr, monat
    raise Eingabeformat(tr("Bitte einen Monat in der Form MM/JJJJ eingeben, zum Beispiel 01/2026."))


def _pruefe_monat(text: Any) -> str | None:
    try:
        monat_aus_text(str(text or ""))
    except Eingabeformat as f:
        return str(f)
    return None


@dataclass
class BescheidEintrag:
    """A Bescheid as the small list in the form edits it."""

    ab: date | None = None
    betrag_monat: Decimal | None = None
    stunden_monat: Decimal | None = None
    aktenzeichen: str = ""


BESCHEID_SPALTEN: list[Spalte[BescheidEintrag]] = [
    Spalte(tr("ab"), lambda b: datum_als_text(b.ab)),
    Spalte(
        tr("€ je Monat"), lambda b: format_eur(b.betrag_monat) if b.betrag_monat is not None else "", rechtsbuendig=True
    ),
    Spalte(
        tr("Std. je Monat"),
        lambda b: format_zahl(b.stunden_monat) if b.stunden_monat is not None else "",
        rechtsbuendig=True,
    ),
    Spalte(tr("Aktenzeichen"), lambda b: b.aktenzeichen),
]


def _bescheid_bauen(f: Formular) -> None:
    f.datum("ab", tr("Gilt &ab (Datum)"))
    f.dezimal("betrag_monat", tr("&Betrag je Monat in Euro"), stellen=2)
    f.dezimal("stunden_monat", tr("&Stunden je Monat"))
    f.text("aktenzeichen", tr("A&ktenzeichen des Bescheids"))


def _bescheid_pruefen(werte: dict[str, Any]) -> dict[str, str]:
    fehler = {}
    if werte.get("ab") is None:
        fehler["ab"] = tr("Bitte den Tag angeben, ab dem der Bescheid gilt.")
    if werte.get("betrag_monat") is None:
        fehler["betrag_monat"] = tr("Bitte den Betrag je Monat angeben (0, wenn nur Stunden bewilligt sind).")
    return fehler


class BewilligungDialog(QDialog):
    """New or changed Bewilligung; saved in one transaction by the service, its refusal shown at the field."""

    def __init__(self, kontext: Kontext, b: BewilligungDaten | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        titel = tr("Bewilligung bearbeiten") if b else tr("Neue Bewilligung")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.kontext = kontext
        self.alt = b
        self.gespeichert: BewilligungDaten | None = None
        f = self.formular = Formular()
        f.text("name", tr("&Name"), platzhalter=tr("z. B. Persönliches Budget 2026"))
        f.text("kostentraeger", tr("&Kostenträger"))
        f.text("aktenzeichen", tr("&Aktenzeichen"))
        f.text("von", tr("&Von (Monat)"), platzhalter="01/2026", pruefer=_pruefe_monat)
        f.text("bis", tr("B&is (Monat)"), platzhalter="12/2026", pruefer=_pruefe_monat)
        f.dezimal("betrag_monat", tr("Betrag je &Monat in Euro"), stellen=2)
        f.dezimal("stunden_monat", tr("&Stunden je Monat"), beschreibung=tr("leer, wenn keine Stunden bewilligt sind"))
        f.dezimal("dynamisierung_prozent", tr("&Jährliche Erhöhung in Prozent (Dynamisierung)"))
        eintraege: list[tuple[Any, str]] = [(None, tr("keine"))]
        eintraege += [(k.id, k.name) for k in kalkulationen(kontext.datenbank)]
        f.auswahl("kalkulation_id", tr("Ka&lkulation (Antrag) für die Reserve"), eintraege)
        f.mehrzeilig("notiz", tr("No&tiz"))

        self.arten = Formular()
        self.arten.ueberschrift(tr("Bezahlt diese Leistungsarten (keine angekreuzt: alle)"))
        for la in liste_leistungsarten(kontext.datenbank):
            self.arten.ja_nein(f"la_{la.kuerzel}", f"{la.kuerzel} – {la.bezeichnung}")
        self.nachweis = Formular()
        self.nachweis.ueberschrift(tr("Der Verwendungsnachweis zeigt (Zielvereinbarung)"))
        for teil, text in NACHWEISTEILE.items():
            self.nachweis.ja_nein(f"nw_{teil}", text)

        self.bescheide: Unterliste[BescheidEintrag] = Unterliste(
            tr("Spätere Bescheide"),
            BESCHEID_SPALTEN,
            BescheidEintrag,
            _bescheid_bauen,
            _bescheid_pruefen,
            (tr("Bescheid hinzu&fügen …"), tr("Bescheid &ändern …"), tr("Bescheid &entfernen")),
        )
        if b is not None:
            f.setze_werte(
                {
                    "name": b.name,
                    "kostentraeger": b.kostentraeger,
                    "aktenzeichen": b.aktenzeichen,
                    "von": monatstext(b.von),
                    "bis": monatstext(b.bis),
                    "betrag_monat": b.betrag_monat,
                    "stunden_monat": b.stunden_monat,
                    "dynamisierung_prozent": b.dynamisierung_prozent,
                    "kalkulation_id": b.kalkulation_id,
                    "notiz": b.notiz,
                }
            )
            self.arten.setze_werte({f"la_{la}": True for la in b.leistungsarten})
            self.bescheide.setze(
                [BescheidEintrag(x.ab, x.betrag_monat, x.stunden_monat, x.aktenzeichen) for x in b.bescheide]
            )
        self.nachweis.setze_werte({f"nw_{t}": b is None or b.zeigt(t) for t in NACHWEISTEILE})

        inhalt = QWidget()
        spalte = QVBoxLayout(inhalt)
        for formular in (f, self.arten, self.nachweis):
            spalte.addWidget(formular)
        gruppe = QGroupBox(tr("Spätere Bescheide (ändern Betrag oder Stunden ab einem Tag)"))
        QVBoxLayout(gruppe).addWidget(self.bescheide)
        spalte.addWidget(gruppe)
        rollbar = bildschirm.rollbar(inhalt)
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        aussen = QVBoxLayout(self)
        aussen.addWidget(rollbar)
        aussen.addWidget(knoepfe)
        bildschirm.passende_groesse(self, 90, 40)

    def _speichern(self) -> None:
        werte = self.formular.werte()
        arten = self.arten.werte()
        nachweis = self.nachweis.werte()
        if werte is None or arten is None or nachweis is None:
            return
        von, bis = monat_aus_text(werte["von"] or ""), monat_aus_text(werte["bis"] or "")
        fehlt = {}
        if von is None:
            fehlt["von"] = tr("Bitte den ersten Monat angeben.")
        if bis is None:
            fehlt["bis"] = tr("Bitte den letzten Monat angeben.")
        if werte["betrag_monat"] is None:
            fehlt["betrag_monat"] = tr("Bitte den Betrag je Monat angeben (0, wenn nur Stunden bewilligt sind).")
        if fehlt or von is None or bis is None:
            self.formular.zeige_feldfehler(fehlt)
            return
        daten = BewilligungDaten(
            name=werte["name"] or "",
            kostentraeger=werte["kostentraeger"] or "",
            von=von,
            bis=bis,
            betrag_monat=werte["betrag_monat"],
            stunden_monat=werte["stunden_monat"],
            aktenzeichen=werte["aktenzeichen"] or "",
            dynamisierung_prozent=werte["dynamisierung_prozent"] or Decimal(0),
            leistungsarten=tuple(name[3:] for name, an in arten.items() if an),
            bescheide=tuple(
                Bescheid(x.ab, x.betrag_monat or Decimal(0), x.stunden_monat, x.aktenzeichen)
                for x in self.bescheide.eintraege
                if x.ab is not None
            ),
            kalkulation_id=werte["kalkulation_id"],
            nachweis=frozenset(name[3:] for name, an in nachweis.items() if an)
            if not all(nachweis.values())
            else frozenset(),
            notiz=werte["notiz"] or "",
            id=self.alt.id if self.alt else None,
        )
        try:
            self.gespeichert = dienst.speichere(self.kontext.datenbank, daten)
        except EingabeFehler as fehler:
            if fehler.feld == "bescheide":
                self.bescheide.zeige_fehler(str(fehler))
                self.bescheide.tabelle.setFocus()
            else:
                self.formular.zeige_eingabefehler(fehler)
            return
        self.accept()


def _posten_bauen(f: Formular) -> None:
    f.datum("datum", tr("&Datum"))
    f.auswahl("art", tr("&Art"), list(POSTENARTEN.items()))
    f.dezimal("betrag", tr("&Betrag in Euro"), stellen=2)
    f.text("beleg", tr("Beleg-&Nr."))
    f.text("text", tr("&Text"))


POSTEN_SPALTEN: list[Spalte[Posten]] = [
    Spalte(tr("Datum"), lambda p: datum_als_text(p.datum), sortierung=lambda p: p.datum.isoformat()),
    Spalte(tr("Art"), lambda p: p.art_text),
    Spalte(tr("Betrag"), lambda p: format_eur(p.wirkung), rechtsbuendig=True),
    Spalte(tr("Beleg-Nr."), lambda p: p.beleg),
    Spalte(tr("Text"), lambda p: p.text),
]

#: The dialog "Bearbeiten …" shows these too: they give way when the list is too narrow for all (200 %)
IM_DIALOG = tr("unter „Bearbeiten …“")

BEWILLIGUNG_SPALTEN: list[Spalte[BewilligungDaten]] = [
    Spalte(tr("Name"), lambda b: b.name),
    Spalte(tr("Kostenträger"), lambda b: b.kostentraeger, auch_in=IM_DIALOG),
    Spalte(tr("Aktenzeichen"), lambda b: b.aktenzeichen, auch_in=IM_DIALOG),
    Spalte(tr("Zeitraum"), lambda b: b.zeitraum_text, sortierung=lambda b: f"{b.von}"),
    Spalte(tr("€ je Monat"), lambda b: format_eur(b.betrag_monat), rechtsbuendig=True),
    Spalte(
        tr("Std. je Monat"),
        lambda b: format_zahl(b.stunden_monat) if b.stunden_monat is not None else "",
        rechtsbuendig=True,
        auch_in=IM_DIALOG,
    ),
    Spalte(tr("Leistungsarten"), lambda b: b.leistungsarten_text, auch_in=IM_DIALOG),
    Spalte(tr("Bescheide"), lambda b: ", ".join(f"ab {x.ab:%d.%m.%Y}" for x in b.bescheide), auch_in=IM_DIALOG),
]


class BewilligungenSeite(QWidget):
    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.modell: ZeilenModell[BewilligungDaten] = ZeilenModell(BEWILLIGUNG_SPALTEN, self)
        self.tabelle, _ = sortierbare_tabelle(
            self.modell, tr("Bewilligungen"), tr("Eingabetaste bearbeitet; darunter die sonstigen Kosten")
        )
        self.tabelle.activated.connect(lambda _i: self.bearbeiten())
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._posten_laden())
        self.knopf_neu = QPushButton(tr("&Neue Bewilligung …"))
        self.tabelle.leer_sagt(tr("Noch keine Bewilligung."), self.knopf_neu)
        self.knopf_bearbeiten = QPushButton(tr("Bea&rbeiten …"))
        self.knopf_loeschen = QPushButton(tr("&Löschen"))
        self.knopf_neu.clicked.connect(self.neu)
        self.knopf_bearbeiten.clicked.connect(self.bearbeiten)
        self.knopf_loeschen.clicked.connect(self.loeschen)
        self.posten_modell: ZeilenModell[Posten] = ZeilenModell(POSTEN_SPALTEN, self)
        self.posten_tabelle, _ = sortierbare_tabelle(
            self.posten_modell, tr("Sonstige Kosten und Einnahmen der gewählten Bewilligung")
        )
        self.posten_titel = QLabel(tr("Sonstige Kosten und Einnahmen (Lohnbüro, Regiekosten, Begleitperson, Inserate)"))
        self.posten_titel.setBuddy(self.posten_tabelle)
        self.knopf_posten = QPushButton(tr("Kosten oder Einnahme hin&zufügen …"))
        self.knopf_posten_weg = QPushButton(tr("Eintrag &entfernen"))
        self.posten_tabelle.leer_sagt(tr("Keine sonstigen Kosten oder Einnahmen."), self.knopf_posten)
        self.knopf_posten.clicked.connect(self.posten_neu)
        self.knopf_posten_weg.clicked.connect(self.posten_loeschen)

        oben = QWidget()
        spalte = QVBoxLayout(oben)
        spalte.addWidget(self.tabelle)
        zeile = QHBoxLayout()
        for k in (self.knopf_neu, self.knopf_bearbeiten, self.knopf_loeschen):
            zeile.addWidget(k)
        zeile.addStretch(1)
        spalte.addLayout(zeile)
        unten = QWidget()
        spalte2 = QVBoxLayout(unten)
        spalte2.addWidget(self.posten_titel)
        spalte2.addWidget(self.posten_tabelle)
        zeile2 = QHBoxLayout()
        zeile2.addWidget(self.knopf_posten)
        zeile2.addWidget(self.knopf_posten_weg)
        zeile2.addStretch(1)
        spalte2.addLayout(zeile2)
        teiler = QSplitter(Qt.Orientation.Vertical)
        teiler.addWidget(oben)
        teiler.addWidget(unten)
        teiler.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(teiler)

    def aktivieren(self) -> None:
        self.laden()

    def laden(self, waehle: int | None = None) -> None:
        alt = self.gewaehlt()
        self.modell.setze_zeilen(dienst.liste(self.kontext.datenbank))
        ziel = waehle if waehle is not None else (alt.id if alt else None)
        for zeile, b in enumerate(self.modell.zeilen):
            if b.id == ziel or (ziel is None and zeile == 0):
                self.tabelle.setCurrentIndex(
                    self.tabelle.model().mapFromSource(self.modell.index(zeile, 0))  # type: ignore[attr-defined]
                )
                break
        self.tabelle.resizeColumnsToContents()
        self._posten_laden()

    def gewaehlt(self) -> BewilligungDaten | None:
        return aktuelle_zeile(self.tabelle, self.modell)

    def _knoepfe(self) -> None:
        da = self.gewaehlt() is not None
        for k in (self.knopf_bearbeiten, self.knopf_loeschen, self.knopf_posten):
            k.setEnabled(da)
        self.knopf_posten_weg.setEnabled(da and self.posten_modell.rowCount() > 0)

    def _posten_laden(self) -> None:
        b = self.gewaehlt()
        self.posten_modell.setze_zeilen(
            [p for p in dienst.posten(self.kontext.datenbank) if b is not None and p.bewilligung_id == b.id]
        )
        self._knoepfe()

    def neu(self) -> None:
        self._dialog(None)

    def bearbeiten(self) -> None:
        b = self.gewaehlt()
        if b is not None:
            self._dialog(b)

    def _dialog(self, b: BewilligungDaten | None) -> None:
        dialog = BewilligungDialog(self.kontext, b, self)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.gespeichert is not None:
            self.kontext.melde(tr("Bewilligung „{name}“ gespeichert.").format(name=dialog.gespeichert.name))
            self.laden(dialog.gespeichert.id)
            self.tabelle.setFocus()

    def loeschen(self) -> None:
        b = self.gewaehlt()
        if b is None or b.id is None:
            return
        bid = b.id
        if meldungen.loeschen_nach_frage(
            self,
            tr("Bewilligung löschen"),
            tr("Die Bewilligung „{name}“ mit ihren Bescheiden und sonstigen Kosten löschen?").format(name=b.name),
            lambda: dienst.loesche(self.kontext.datenbank, bid),
        ):
            self.laden()

    def posten_neu(self) -> None:
        b = self.gewaehlt()
        if b is None or b.id is None:
            return
        dialog = EintragDialog(
            tr("Kosten oder Einnahme für „{name}“").format(name=b.name),
            _posten_bauen,
            {"datum": date.today(), "art": "lohnabrechnung"},
            None,
            self,
        )
        while modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            w = dialog.ergebnis
            try:
                dienst.speichere_posten(
                    self.kontext.datenbank,
                    Posten(
                        b.id,
                        w["datum"] or date.today(),
                        w["art"],
                        w["betrag"] or Decimal(0),
                        w["text"] or "",
                        w["beleg"] or "",
                    ),
                )
            except EingabeFehler as fehler:
                dialog.formular.zeige_eingabefehler(fehler)
                continue
            self._posten_laden()
            return

    def posten_loeschen(self) -> None:
        p = aktuelle_zeile(self.posten_tabelle, self.posten_modell)
        if p is None or p.id is None:
            return
        pid = p.id
        dienst.loesche_posten(self.kontext.datenbank, pid)
        self._posten_laden()
        self.posten_tabelle.setFocus()
