"""Contracts of one assistant, versioned by valid-from date; statutory minimum leave beside the agreed one."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler
from core.stammdaten import vertraege as dienst
from desktop import meldungen
from desktop.bildschirm import passende_groesse, rollbar
from desktop.dialoge import modal
from desktop.formular import Feld, Formular, datum_als_text, dezimal_als_text, feld_in, rohwerte_aller
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle

if TYPE_CHECKING:
    from core.abrechnung.einordnung import Einordnung  # the payroll loads only when a list needs it

Vertrag = dienst.VertragDaten


def _lohn(v: Vertrag) -> str:
    einheit = {"stunde": tr("je Stunde"), "tag": tr("je Tag"), "monat": tr("im Monat")}.get(v.lohnform, v.lohnform)
    return f"{dezimal_als_text(v.lohnsatz, 2)} € {einheit}"


def _tage(wert: Decimal | None) -> str:
    return "" if wert is None else anzahl(wert, tr("Tag"), tr("Tage"))


def _mindest(v: Vertrag) -> str:
    """The statutory minimum, or in words why it is missing (an empty cell would say nothing)."""
    if v.gesetzlicher_mindesturlaub is not None:
        return _tage(v.gesetzlicher_mindesturlaub)
    if v.arbeitstage_woche is None:
        return tr("Arbeitstage je Woche fehlen")
    return tr("für {jahr} nicht hinterlegt").format(jahr=v.gueltig_ab.year)


def beschaeftigung_text(art: str, einordnung: Einordnung | None, ohne: str = "") -> str:
    """The class she chose, or for "automatisch bestimmen" the one the payroll determined: "Minijob (automatisch
    bestimmt, 11/2026)" — the list showed the choice itself, which reads like an instruction (issue 13)."""
    if art != "auto":
        return dienst.BESCHAEFTIGUNG.get(art, art)
    if einordnung is None:  # `ohne`: what the caller looked at and did not find
        return ohne or tr("automatisch (noch keine Abrechnung)")
    name = dienst.BESCHAEFTIGUNG.get(einordnung.art.value, einordnung.art.value)
    monat = f"{einordnung.monat:02d}/{einordnung.jahr}"
    if einordnung.entwurf:
        return tr("{art} (automatisch bestimmt, Entwurf {monat})").format(art=name, monat=monat)
    return tr("{art} (automatisch bestimmt, {monat})").format(art=name, monat=monat)


def spalten(einordnungen: dict[int, Einordnung | None]) -> list[Spalte[Vertrag]]:
    """The columns; `einordnungen`: per contract version id, what the payroll determined (filled by the page)."""
    return [
        Spalte(tr("gültig ab"), lambda v: datum_als_text(v.gueltig_ab), sortierung=lambda v: v.gueltig_ab.isoformat()),
        Spalte(tr("Eintritt"), lambda v: datum_als_text(v.eintritt)),
        Spalte(tr("Austritt"), lambda v: datum_als_text(v.austritt)),
        Spalte(
            tr("Beschäftigung"),
            lambda v: beschaeftigung_text(v.beschaeftigung, einordnungen.get(v.id) if v.id is not None else None),
        ),
        Spalte(tr("Lohn"), _lohn, rechtsbuendig=True),
        Spalte(tr("Urlaub vereinbart"), lambda v: _tage(v.urlaubstage), rechtsbuendig=True),
        Spalte(tr("Mindesturlaub (Gesetz)"), _mindest, rechtsbuendig=True),
    ]


class VertragDialog(QDialog):
    """One contract version in three tabs (Alt+1…3); the legal minimum leave updates as you type."""

    def __init__(
        self, kontext: Kontext, vertrag: Vertrag, parent: QWidget | None, *, leer_lassen: tuple[str, ...] = ()
    ) -> None:
        """`leer_lassen`: fields shown empty although `vertrag` has a value (the user must enter them)."""
        super().__init__(parent)
        self.kontext = kontext
        self.vertrag = vertrag
        self.ergebnis: Vertrag | None = None
        titel = tr("Vertragsfassung bearbeiten") if vertrag.id else tr("Neue Vertragsfassung")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.reiter = QTabWidget()
        self.reiter.setAccessibleName(tr("Abschnitte des Vertrags"))
        self.formulare: list[Formular] = []

        eck = self._seite(tr("&1 Eckdaten"))
        eck.datum("gueltig_ab", tr("Diese Fassung gilt &ab"), beschreibung=tr("Pflichtangabe"))
        eck.datum("eintritt", tr("&Eintritt (Beginn der Beschäftigung)"), beschreibung=tr("Pflichtangabe"))
        eck.datum("probezeit_bis", tr("&Probezeit bis"))
        eck.datum("befristet_bis", tr("&befristet bis"))
        eck.datum("austritt", tr("A&ustritt (letzter Arbeitstag)"))
        eck.auswahl("beschaeftigung", tr("Art der Bes&chäftigung"), list(dienst.BESCHAEFTIGUNG.items()))
        eck.mehrzeilig("taetigkeit", tr("&Tätigkeit"))

        lohn = self._seite(tr("&2 Lohn und Arbeitszeit"))
        lohn.auswahl("lohnform", tr("&Lohnform"), list(dienst.LOHNFORMEN.items()))
        lohn.dezimal("lohnsatz", tr("Lohn&satz in Euro"), stellen=2, beschreibung=tr("Pflichtangabe"))
        lohn.dezimal("bereitschaft_prozent", tr("&Bereitschaft bewertet mit Prozent"))
        lohn.dezimal("einarbeitung_prozent", tr("Lohn in der &Einarbeitung in Prozent"))
        lohn.datum("einarbeitung_bis", tr("Einarbeitung b&is"))
        lohn.dezimal("arbeitstage_woche", tr("&Arbeitstage je Woche"))
        lohn.dezimal("wochenstunden", tr("&Wochenstunden"))
        lohn.dezimal("zeitkonto_plus_max", tr("Zeitkonto höchstens &Plusstunden"), beschreibung=tr("bei Monatslohn"))
        lohn.dezimal("zeitkonto_minus_max", tr("Zeitkonto höchstens &Minusstunden"), beschreibung=tr("bei Monatslohn"))
        lohn.dezimal(
            "geplante_arbeitstage",
            tr("&geplante Arbeitstage"),
            stellen=0,
            beschreibung=tr("bei kurzfristiger Beschäftigung: Arbeitstage der ganzen Befristung"),
        )
        lohn.auswahl("pauschalsteuer", tr("Lohnsteuer pausc&hal"), list(dienst.PAUSCHALSTEUER.items()))
        lohn.auswahl(
            "berufsmaessig",
            tr("be&rufsmäßig ausgeübt"),
            [(None, tr("nicht geprüft")), (True, tr("ja")), (False, tr("nein"))],
            beschreibung=tr("nur für kurzfristige Beschäftigung"),
        )
        lohn.mehrzeilig("arbeitszeit", tr("Arbeits&zeit (Regelung)"))
        lohn.mehrzeilig("kuendigungsfrist", tr("&Kündigungsfrist"))

        urlaub = self._seite(tr("&3 Urlaub und Zuschläge"))
        urlaub.dezimal("urlaubstage", tr("&Urlaubstage im Jahr (vereinbart)"))
        self.mindesturlaub = QLabel()
        self.mindesturlaub.setWordWrap(True)  # a long explanation must not widen the tab beyond the screen
        self.mindesturlaub.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        urlaub.zeile(self.mindesturlaub, tr("Gesetzlicher Mindesturlaub"))
        urlaub.ueberschrift(tr("Zuschläge in Prozent des Grundlohns"))
        for art, text in dienst.ZUSCHLAGSARTEN.items():
            urlaub.dezimal(f"zuschlag_{art}", text)
        urlaub.mehrzeilig("notiz", tr("&Notiz"))

        werte = {f.name: getattr(vertrag, f.name) for f in dataclasses.fields(vertrag)}
        werte.update({f"zuschlag_{art}": p for art, p in vertrag.zuschlaege.items()})
        if vertrag.geplante_arbeitstage is not None:  # shown in a number field, which takes a Decimal
            werte["geplante_arbeitstage"] = Decimal(vertrag.geplante_arbeitstage)
        werte.update(dict.fromkeys(leer_lassen))
        for formular in self.formulare:
            formular.setze_werte(werte)
            formular.live_pruefung = self._live
        for name in ("arbeitstage_woche", "gueltig_ab", "urlaubstage"):
            self._feld(name).bei_verlassen(self._zeige_mindesturlaub)
        self._zeige_mindesturlaub()

        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.reiter)
        spalte.addWidget(knoepfe)
        passende_groesse(self, 100, 32)

    def _seite(self, titel: str) -> Formular:
        formular = Formular()
        self.formulare.append(formular)
        self.reiter.addTab(rollbar(formular), titel)
        return formular

    def _feld(self, name: str) -> Feld:
        return feld_in(self.formulare, name)

    def _daten(self, werte: dict[str, Any]) -> Vertrag:
        bekannt = {f.name for f in dataclasses.fields(Vertrag)} - {"id", "zuschlaege", "gesetzlicher_mindesturlaub"}
        basis = {k: v for k, v in werte.items() if k in bekannt}
        zuschlaege = {
            k.removeprefix("zuschlag_"): v for k, v in werte.items() if k.startswith("zuschlag_") and v is not None
        }
        neu = dataclasses.replace(self.vertrag, **basis, zuschlaege=zuschlaege)
        return neu

    def _rohdaten(self) -> Vertrag | None:
        werte = rohwerte_aller(self.formulare)
        if werte.get("gueltig_ab") is None or werte.get("eintritt") is None or werte.get("lohnsatz") is None:
            return None
        return self._daten(werte)

    def _live(self) -> dict[str, str]:
        daten = self._rohdaten()
        return dienst.pruefe_vertrag(daten) if daten is not None else {}

    def _zeige_mindesturlaub(self) -> None:
        werte = rohwerte_aller(self.formulare)
        tage = werte.get("arbeitstage_woche")
        ab = werte.get("gueltig_ab") or date.today()
        minimum = None
        if tage is not None:
            probe = dataclasses.replace(self.vertrag, arbeitstage_woche=tage, gueltig_ab=ab)
            minimum = dienst.mindesturlaub(probe)
        if minimum is None and tage is None:
            text = tr("Bitte „Arbeitstage je Woche“ angeben, dann steht hier der gesetzliche Mindesturlaub.")
        elif minimum is None:
            text = tr(
                "Der gesetzliche Mindesturlaub für {jahr} ist in diesem Programmstand noch nicht hinterlegt. "
                "Nach § 3 BUrlG sind es mindestens 4 Wochen (24 Werktage bei 6 Arbeitstagen je Woche); "
                "bitte prüfen Sie die vereinbarten Tage selbst oder holen Sie ein Programm-Update."
            ).format(jahr=ab.year)
        else:
            text = tr("{tage} bei {n} je Woche (§ 3 BUrlG)").format(
                tage=_tage(minimum), n=anzahl(Decimal(tage or 0), tr("Arbeitstag"), tr("Arbeitstagen"))
            )
        self.mindesturlaub.setText(text)
        self.mindesturlaub.setAccessibleName(text)
        feld = self._feld("urlaubstage")
        feld.eingabe.setAccessibleDescription(
            feld.fehlertext or tr("Gesetzlicher Mindesturlaub: {text}").format(text=text)
        )

    def _speichern(self) -> None:
        werte: dict[str, Any] = {}
        for i, formular in enumerate(self.formulare):
            teil = formular.werte()
            if teil is None:
                self.reiter.setCurrentIndex(i)
                return
            werte.update(teil)
        pflicht = {
            "gueltig_ab": tr("Bitte angeben, ab welchem Tag diese Fassung gilt (TT.MM.JJJJ)."),
            "eintritt": tr("Bitte den ersten Tag der Beschäftigung angeben (TT.MM.JJJJ)."),
            "lohnsatz": tr("Bitte den Lohnsatz in Euro angeben, zum Beispiel 15,50."),
        }
        fehlt = {name: meldung for name, meldung in pflicht.items() if werte.get(name) is None}
        if fehlt:
            self._zeige({**fehlt})
            return
        try:
            self.ergebnis = dienst.speichere_vertrag(self.kontext.datenbank, self._daten(werte))
        except EingabeFehler as fehler:
            alle = dict(getattr(fehler, "fehler", None) or {fehler.feld or "": str(fehler)})
            if not self._zeige(alle):
                meldungen.fehler(self, tr("Nicht gespeichert"), str(fehler))
            return
        self.accept()

    def _zeige(self, fehler: dict[str, str]) -> bool:
        umbenannt = {k.replace("zuschlaege.", "zuschlag_"): v for k, v in fehler.items()}
        gezeigt = False
        for i, formular in enumerate(self.formulare):
            if formular.zeige_feldfehler(umbenannt, fokus=not gezeigt):
                if not gezeigt:
                    self.reiter.setCurrentIndex(i)
                gezeigt = True
        return gezeigt


class VertraegeSeite(QWidget):
    """Tab "Verträge" of the Personalbogen: the versions, newest last; each change is saved at once."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.assistenzkraft_id: int | None = None
        self.einordnungen: dict[int, Einordnung | None] = {}
        self.modell: ZeilenModell[Vertrag] = ZeilenModell(spalten(self.einordnungen), self)
        self.tabelle, self.filter = sortierbare_tabelle(
            self.modell, tr("Vertragsfassungen"), tr("Jede Fassung gilt ab ihrem Datum bis zur nächsten")
        )
        self.tabelle.activated.connect(lambda _i: self.bearbeiten())
        self.leer = QLabel(tr("Bitte speichern Sie den Personalbogen zuerst; dann können Verträge erfasst werden."))
        self.leer.setWordWrap(True)
        self.knopf_neu = QPushButton(tr("&Neue Vertragsfassung …"))
        self.knopf_bearbeiten = QPushButton(tr("Fassung &bearbeiten …"))
        self.knopf_loeschen = QPushButton(tr("Fassung &löschen"))
        self.tabelle.leer_sagt(tr("Noch kein Vertrag."), self.knopf_neu)
        self.knopf_neu.clicked.connect(self.neu)
        self.knopf_bearbeiten.clicked.connect(self.bearbeiten)
        self.knopf_loeschen.clicked.connect(self.loeschen)
        zeile = QHBoxLayout()
        for k in (self.knopf_neu, self.knopf_bearbeiten, self.knopf_loeschen):
            zeile.addWidget(k)
        zeile.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.leer)
        spalte.addWidget(self.tabelle)
        spalte.addLayout(zeile)

    def setze_assistenzkraft(self, assistenzkraft_id: int | None) -> None:
        self.assistenzkraft_id = assistenzkraft_id
        self.aktualisiere()

    def aktualisiere(self, gueltig_ab: date | None = None) -> None:
        kraft = self.assistenzkraft_id
        gespeichert = kraft is not None
        self.leer.setVisible(not gespeichert)
        vertraege = dienst.liste_vertraege(self.kontext.datenbank, kraft) if kraft is not None else []
        self.einordnungen.clear()
        if kraft is not None and any(v.beschaeftigung == "auto" for v in vertraege):
            self.einordnungen.update(self._einordnungen(kraft, vertraege))
        self.modell.setze_zeilen(vertraege)
        self.tabelle.resizeColumnsToContents()
        self.knopf_neu.setEnabled(gespeichert)
        self.knopf_bearbeiten.setEnabled(bool(vertraege))
        self.knopf_loeschen.setEnabled(bool(vertraege))
        if vertraege:
            zeile = self.filter.rowCount() - 1
            for i in range(self.filter.rowCount()):
                v = self.modell.zeile(self.filter.mapToSource(self.filter.index(i, 0)))
                if v.gueltig_ab == gueltig_ab:
                    zeile = i
            self.tabelle.setCurrentIndex(self.filter.index(zeile, 0))

    def _einordnungen(self, kraft: int, vertraege: list[Vertrag]) -> dict[int, Einordnung | None]:
        from core.abrechnung.einordnung import bestimmte_einordnungen  # here: the Personalbogen opens without it

        geordnet = sorted(vertraege, key=lambda v: v.gueltig_ab)
        zeitraeume = [
            (v.gueltig_ab, geordnet[i + 1].gueltig_ab if i + 1 < len(geordnet) else None)
            for i, v in enumerate(geordnet)
        ]
        gefunden = bestimmte_einordnungen(self.kontext.datenbank, kraft, zeitraeume, heute=date.today())
        return {v.id: e for v, e in zip(geordnet, gefunden, strict=True) if v.id is not None}

    def neu(self) -> None:
        if self.assistenzkraft_id is None:
            return
        letzte = self.modell.zeilen[-1] if self.modell.zeilen else None
        heute = date.today()
        if letzte is not None:  # a new version starts from the last one: change only what changes
            vorlage = dataclasses.replace(letzte, id=None, gueltig_ab=heute, gesetzlicher_mindesturlaub=None)
        else:
            vorlage = Vertrag(
                assistenzkraft_id=self.assistenzkraft_id, gueltig_ab=heute, eintritt=heute, lohnsatz=Decimal(0)
            )
            self._dialog(vorlage, leer_lassen=("lohnsatz",))  # no made-up wage: the user enters it
            return
        self._dialog(vorlage)

    def bearbeiten(self) -> None:
        vertrag = aktuelle_zeile(self.tabelle, self.modell)
        if vertrag is not None:
            self._dialog(vertrag)

    def _dialog(self, vertrag: Vertrag, leer_lassen: tuple[str, ...] = ()) -> None:
        dialog = VertragDialog(self.kontext, vertrag, self, leer_lassen=leer_lassen)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            self.aktualisiere(dialog.ergebnis.gueltig_ab)
            self.kontext.melde(
                tr("Vertragsfassung ab {datum} gespeichert.").format(datum=datum_als_text(dialog.ergebnis.gueltig_ab))
            )
            neu_ab = dialog.ergebnis.gueltig_ab  # a changed version also touches the months it no longer covers
            self._korrektur_nennen(min(vertrag.gueltig_ab, neu_ab) if vertrag.id else neu_ab)
            self.tabelle.setFocus()

    def _korrektur_nennen(self, ab: date) -> None:
        """A contract that reaches into a finalised payroll month: say that it becomes a correction there."""
        from core.abrechnung.lauf import korrektur_hinweis  # here: the Personalbogen opens without the payroll

        text = korrektur_hinweis(self.kontext.datenbank, ab=ab)
        if text:
            meldungen.hinweis(self, tr("Abgeschlossene Abrechnung"), text)

    def loeschen(self) -> None:
        vertrag = aktuelle_zeile(self.tabelle, self.modell)
        if vertrag is None or vertrag.id is None:
            return
        vid = vertrag.id
        if not meldungen.loeschen_nach_frage(
            self,
            tr("Vertragsfassung löschen"),
            tr("Die Vertragsfassung ab {datum} löschen?").format(datum=datum_als_text(vertrag.gueltig_ab)),
            lambda: dienst.loesche_vertragsversion(self.kontext.datenbank, vid),
        ):
            return
        self.aktualisiere()
        self._korrektur_nennen(vertrag.gueltig_ab)
        self.tabelle.setFocus()
