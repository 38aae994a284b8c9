"""The Erstattungen area: the U1/U2 refund claims with status, age, amount and Frist, the detail of the chosen one,
and the actions gestellt / erstattet / abgelehnt / zurücksetzen and the claim sheet (PDF, Excel).

A view over `core.erstattung.dienst`: the claims come from the finalised months (found and numbered there), a
status change is one service call (one transaction; a refusal is shown in the dialog at once), the claim sheet is
written in the background by `core.erstattung.antragsblatt_export`. State is always written out as text ("offen",
"unvollständig", "Frist läuft ab"), never shown by colour alone.
Mnemonics: E (area), A (Anzeigen), T (Tabelle), Z (Einzelheiten), G, R, L, S, U, K; the main window has D, B, H.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.domain.geld import format_eur
from core.domain.zahlen import anzahl
from core.erstattung.antragsblatt import antragsblaetter
from core.erstattung.antragsblatt_export import schreibe_antragsblaetter
from core.erstattung.dienst import (
    STATUSTEXT,
    Erstattungsantrag,
    Uebersicht,
    antraege,
    setze_status,
    setze_umlagekasse,
)
from core.erstattung.modelle import ABGELEHNT, ERSTATTET, GESTELLT, OFFEN
from core.fehler import AssistenzbueroFehler, EingabeFehler
from desktop import meldungen
from desktop.abrechnung.fliesslayout import Fliesslayout
from desktop.dialoge import modal
from desktop.formular import Formular
from desktop.hintergrund import Fortschritt
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.operationen import Hintergrundoperation
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle
from desktop.zieldatei import ersetzen_erlaubt

FRISTCODES = ("ERSTATTUNG_FRIST", "ERSTATTUNG_VERJAEHRT")


def _betrag(wert: Decimal | None) -> str:
    return format_eur(wert) if wert is not None else tr("unvollständig")


def _satz(a: Erstattungsantrag) -> str:
    return f"{a.erstattungssatz.normalize():f} %" if a.erstattungssatz is not None else "–"


def zustand(a: Erstattungsantrag) -> str:
    """What needs attention, in words (the table's last column)."""
    teile = []
    if not a.vollstaendig:
        teile.append(tr("unvollständig"))
    codes = {h.code for h in a.hinweise}
    if "ERSTATTUNG_VERJAEHRT" in codes:
        teile.append(tr("verjährt"))
    elif "ERSTATTUNG_FRIST" in codes:
        teile.append(tr("Frist läuft ab"))
    if a.differenz:
        teile.append(tr("Differenz {betrag}").format(betrag=format_eur(a.differenz)))
    if "ERSTATTUNG_GEAENDERT" in codes:
        teile.append(tr("Abrechnung korrigiert"))
    if "ERSTATTUNG_ZWISCHENABRECHNUNG" in codes:
        teile.append(tr("Zwischenabrechnung"))
    return ", ".join(teile)


#: The detail below the list shows these too (at 200 % not all ten columns fit beside each other)
IN_DEN_EINZELHEITEN = tr("in den Einzelheiten")


def spalten(heute: date) -> list[Spalte[Erstattungsantrag]]:
    return [
        Spalte(tr("Nr."), lambda a: str(a.nr), lambda a: a.nr, rechtsbuendig=True),
        Spalte(tr("Assistenzkraft"), lambda a: a.name or a.personalnummer),
        Spalte(tr("Verfahren"), lambda a: f"{a.verfahren} {a.anlasstext}", auch_in=IN_DEN_EINZELHEITEN),
        Spalte(
            tr("Zeitraum"),
            lambda a: f"{a.von:%d.%m.%Y}–{a.bis:%d.%m.%Y}",
            lambda a: a.von.toordinal(),
            auch_in=IN_DEN_EINZELHEITEN,
        ),
        Spalte(tr("Kasse"), lambda a: a.kasse or tr("fehlt"), auch_in=IN_DEN_EINZELHEITEN),
        Spalte(
            tr("Erstattung"),
            lambda a: _betrag(a.erstattungsbetrag),
            lambda a: int((a.erstattungsbetrag or Decimal(0)) * 100),
            rechtsbuendig=True,
        ),
        Spalte(tr("Status"), lambda a: STATUSTEXT[a.status]),
        Spalte(
            tr("Alter"),
            lambda a: anzahl(a.alter_tage(heute), tr("Tag"), tr("Tage")) if not a.erledigt else "",
            lambda a: a.alter_tage(heute),
            rechtsbuendig=True,
            auch_in=IN_DEN_EINZELHEITEN,
        ),
        Spalte(
            tr("Frist bis"),
            lambda a: f"{a.frist_bis:%d.%m.%Y}",
            lambda a: a.frist_bis.toordinal(),
            auch_in=IN_DEN_EINZELHEITEN,
        ),
        Spalte(tr("Zu beachten"), zustand),
    ]


def detail_html(a: Erstattungsantrag, heute: date) -> str:
    """The chosen claim in words: figures, tracking, Hinweise (escaped)."""
    e = html.escape
    zeilen = [
        (tr("Assistenzkraft"), f"{a.name} ({a.personalnummer})"),
        (tr("Verfahren"), f"{a.verfahren} – {a.anlasstext}"),
        (tr("Erstattungszeitraum"), f"{a.von:%d.%m.%Y} bis {a.bis:%d.%m.%Y}"),
        (tr("Kasse"), a.kasse or tr("fehlt")),
        (tr("Fortgezahltes Entgelt"), format_eur(a.fortgezahltes_entgelt)),
        (tr("Arbeitgeberanteile im Antrag"), format_eur(a.ag_anteile)),
        (tr("Zuschuss zum Mutterschaftsgeld"), format_eur(a.zuschuss_mutterschaftsgeld)),
        (tr("Erstattungssatz"), _satz(a)),
        (tr("Erstattungsbetrag"), _betrag(a.erstattungsbetrag)),
        (tr("Status"), STATUSTEXT[a.status]),
    ]
    if a.gestellt_am:
        zeilen.append((tr("Gestellt am"), f"{a.gestellt_am:%d.%m.%Y}"))
    if a.erstattet_am and a.erhaltener_betrag is not None:
        zeilen.append((tr("Erhalten"), f"{format_eur(a.erhaltener_betrag)} am {a.erstattet_am:%d.%m.%Y}"))
        if a.differenz is not None:
            zeilen.append((tr("Differenz zum Antrag"), format_eur(a.differenz)))
    if a.status == ABGELEHNT:
        wann = f" am {a.abgelehnt_am:%d.%m.%Y}" if a.abgelehnt_am else ""
        zeilen.append((tr("Abgelehnt"), f"{a.ablehnungsgrund}{wann}"))
    if not a.erledigt:
        zeilen.append((tr("Alter"), anzahl(a.alter_tage(heute), tr("Tag"), tr("Tage"))))
    zeilen.append((tr("Verjährt am"), f"{a.frist_bis:%d.%m.%Y} (§ 6 Abs. 1 AAG)"))
    tabelle = "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in zeilen)
    hinweise = "".join(
        f"<li><b>{e(h.schwere.value.upper())}:</b> {e(h.text)} <i>({e(h.rechtsgrundlage)})</i></li>" for h in a.hinweise
    )
    titel = e(f"Antrag Nr. {a.nr}: {a.verfahren} {a.anlasstext}")
    return f"<h3>{titel}</h3><table cellpadding='2'>{tabelle}</table>" + (
        f"<h4>{e(tr('Hinweise'))}</h4><ul>{hinweise}</ul>" if hinweise else ""
    )


class StatusDialog(QDialog):
    """Ask what the status change needs (date, amount, reason) and store it; a refusal shows here, nothing saved."""

    def __init__(self, parent: QWidget | None, kontext: Kontext, a: Erstattungsantrag, status: str) -> None:
        super().__init__(parent)
        self.kontext, self.antrag, self.status = kontext, a, status
        titel = {
            GESTELLT: tr("Antrag Nr. {nr} als gestellt markieren"),
            ERSTATTET: tr("Erstattung zu Antrag Nr. {nr} eintragen"),
            ABGELEHNT: tr("Ablehnung zu Antrag Nr. {nr} eintragen"),
            OFFEN: tr("Antrag Nr. {nr} auf „offen“ zurücksetzen"),
        }[status].format(nr=a.nr)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        f = self.formular = Formular()
        if status in (GESTELLT, ERSTATTET, ABGELEHNT):
            text = {
                GESTELLT: tr("Gestellt &am (TT.MM.JJJJ)"),
                ERSTATTET: tr("Geld erhalten &am (TT.MM.JJJJ)"),
                ABGELEHNT: tr("Bescheid vom (TT.MM.JJJJ, &falls bekannt)"),
            }[status]
            f.datum("datum", text)
            if status != ABGELEHNT:
                f.setze_werte({"datum": date.today()})
        if status == ERSTATTET:
            f.dezimal("betrag", tr("Erhaltener &Betrag in Euro"), stellen=2)
            f.setze_werte({"betrag": a.erstattungsbetrag})
        if status == ABGELEHNT:
            f.mehrzeilig("grund", tr("&Grund der Ablehnung (aus dem Bescheid)"))
        if status == OFFEN:
            f.zeile(QLabel(tr("Der Antrag gilt dann als noch nicht gestellt.")))
        self.ergebnis: Erstattungsantrag | None = None
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(
            QLabel(html.escape(f"{a.name} · {a.verfahren} {a.anlasstext} · {a.von:%d.%m.%Y}–{a.bis:%d.%m.%Y}"))
        )
        spalte.addWidget(f)
        spalte.addWidget(knoepfe)

    def _speichern(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        try:
            self.ergebnis = setze_status(
                self.kontext.datenbank,
                self.antrag.nr,
                self.status,
                datum=werte.get("datum"),
                betrag=werte.get("betrag"),
                grund=werte.get("grund") or "",
            )
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return
        self.accept()


class ErstattungenBereich(QWidget):
    """The area "Erstattungen" (Ctrl+5)."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.heute = date.today()
        self.uebersicht = Uebersicht((), ())
        spalte = QVBoxLayout(self)

        kopf = QHBoxLayout()
        anzeigen = QLabel(tr("&Anzeigen:"))
        self.auswahl = QComboBox()
        self.auswahl.setObjectName("erstattungen_auswahl")
        self.auswahl.addItem(tr("Noch nicht erledigte Anträge (offen, gestellt)"), False)
        self.auswahl.addItem(tr("Alle Anträge"), True)
        self.auswahl.setAccessibleName(tr("Welche Anträge angezeigt werden"))
        anzeigen.setBuddy(self.auswahl)
        self.auswahl.currentIndexChanged.connect(lambda _i: self.laden())
        kopf.addWidget(anzeigen)
        kopf.addWidget(self.auswahl)
        kopf.addStretch(1)
        spalte.addLayout(kopf)

        leiste = Fliesslayout()  # wraps at a 200 % font instead of widening the window
        self.knoepfe: dict[str, QPushButton] = {}
        for schluessel, text, beschreibung in (
            (GESTELLT, tr("Als &gestellt markieren …"), tr("Datum eintragen, an dem der Antrag gestellt wurde")),
            (ERSTATTET, tr("E&rstattung eingegangen …"), tr("Datum und Betrag der Zahlung der Kasse eintragen")),
            (ABGELEHNT, tr("Ab&lehnung eintragen …"), tr("Grund der Ablehnung aus dem Bescheid eintragen")),
            (OFFEN, tr("Zurück&setzen …"), tr("Den letzten Schritt zurücknehmen")),
            ("drucken", tr("Antragsblatt dr&ucken …"), tr("Alle Angaben des Antrags als PDF oder Excel")),
            (
                "kasse",
                tr("&Kasse für privat Versicherte …"),
                tr("Die Kasse, an die Umlagen und Erstattungsanträge einer privat versicherten Assistenzkraft gehen"),
            ),
        ):
            knopf = QPushButton(text)
            knopf.setObjectName(f"knopf_{schluessel}")
            knopf.setAccessibleName(text.replace("&", "").replace(" …", ""))
            knopf.setAccessibleDescription(beschreibung)
            leiste.addWidget(knopf)
            self.knoepfe[schluessel] = knopf
        for status in (GESTELLT, ERSTATTET, ABGELEHNT):
            self.knoepfe[status].clicked.connect(lambda _c=False, s=status: self.status_aendern(s))
        self.knoepfe[OFFEN].clicked.connect(self.zuruecksetzen)
        self.knoepfe["kasse"].clicked.connect(self.kasse_festlegen)
        menue = QMenu(self.knoepfe["drucken"])
        menue.addAction(tr("Als &PDF …"), lambda: self.antragsblatt(".pdf"))
        menue.addAction(tr("Als &Excel …"), lambda: self.antragsblatt(".xlsx"))
        self.knoepfe["drucken"].setMenu(menue)
        spalte.addLayout(leiste)

        self.meldung = QLabel()
        self.meldung.setObjectName("erstattungen_meldung")
        self.meldung.setWordWrap(True)
        self.meldung.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.meldung.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.meldung.setAccessibleName(tr("Stand der Erstattungsanträge"))
        spalte.addWidget(self.meldung)

        self.modell: ZeilenModell[Erstattungsantrag] = ZeilenModell(spalten(self.heute), self)
        self.tabelle, self.filter = sortierbare_tabelle(
            self.modell,
            tr("Erstattungsanträge"),
            tr("Eine Zeile je Antrag mit Status, Alter, Betrag und Frist; darunter die Einzelheiten"),
            leer=tr(
                "Noch kein Erstattungsantrag. Anträge entstehen von selbst, sobald ein abgeschlossener Monat "
                "Entgeltfortzahlung bei Krankheit oder Mutterschutz enthält (Abrechnung › Monat abschließen)."
            ),
        )
        self.tabelle.setObjectName("erstattungstabelle")
        self.tabelle.setWordWrap(False)
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_: self._zeige_detail())
        tabellen_titel = QLabel(tr("An&träge"))
        tabellen_titel.setBuddy(self.tabelle)
        oben = QWidget()
        oben_spalte = QVBoxLayout(oben)
        oben_spalte.setContentsMargins(0, 0, 0, 0)
        oben_spalte.addWidget(tabellen_titel)
        oben_spalte.addWidget(self.tabelle)

        self.detail = QTextBrowser()
        self.detail.setObjectName("erstattung_einzelheiten")
        self.detail.setOpenLinks(False)
        self.detail.setTabChangesFocus(True)
        self.detail.setAccessibleName(tr("Einzelheiten des Antrags"))
        detail_titel = QLabel(tr("Ein&zelheiten"))
        detail_titel.setBuddy(self.detail)
        unten = QWidget()
        unten_spalte = QVBoxLayout(unten)
        unten_spalte.setContentsMargins(0, 0, 0, 0)
        unten_spalte.addWidget(detail_titel)
        unten_spalte.addWidget(self.detail)
        teiler = QSplitter(Qt.Orientation.Vertical)
        teiler.addWidget(oben)
        teiler.addWidget(unten)
        teiler.setChildrenCollapsible(False)
        spalte.addWidget(teiler, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.laden)
        self.setTabOrder(self.auswahl, self.knoepfe[GESTELLT])
        self._knoepfe_anpassen()

    # loading -------------------------------------------------------------------------------------------------
    def aktivieren(self) -> None:
        self.laden()

    def startfeld(self) -> QWidget:
        return self.tabelle

    def tastenkuerzel(self) -> list[str]:
        return [tr("F5: neu laden"), tr("Alt+T: Anträge; Alt+Z: Einzelheiten")]

    def laden(self, *, waehle: int | None = None) -> None:
        db = self.kontext.datenbank
        if db is None:
            return
        gewaehlt = waehle if waehle is not None else self._gewaehlte_nr()
        self.heute = date.today()
        try:
            self.uebersicht = antraege(db, heute=self.heute, alle=bool(self.auswahl.currentData()))
        except AssistenzbueroFehler as fehler:
            self.uebersicht = Uebersicht((), ())
            self.meldung.setText(str(fehler))
        else:
            self.meldung.setText(self._stand_text())
        self.modell.spalten = spalten(self.heute)
        self.modell.setze_zeilen(self.uebersicht.antraege)
        self.tabelle.resizeColumnsToContents()  # follows the font size the user chose
        self._waehle(gewaehlt)
        self._zeige_detail()

    def _stand_text(self) -> str:
        alle = self.uebersicht.antraege
        if not alle:
            text = tr(
                "Keine Erstattungsanträge. Sie entstehen, sobald ein Monat mit Entgeltfortzahlung bei Krankheit, "
                "Beschäftigungsverbot oder Mutterschutz abgeschlossen ist."
            )
        else:
            offen = [a for a in alle if not a.erledigt and a.erstattungsbetrag is not None]
            summe = sum((a.erstattungsbetrag or Decimal(0) for a in offen), Decimal(0))
            unvollstaendig = sum(1 for a in alle if not a.vollstaendig)
            frist = sum(1 for a in alle if {h.code for h in a.hinweise} & set(FRISTCODES))
            text = tr("{n}; noch nicht erstattet: {summe}.").format(
                n=anzahl(len(alle), tr("Antrag"), tr("Anträge")), summe=format_eur(summe)
            )
            if unvollstaendig:
                text += " " + tr("{n} unvollständig (Einzelheiten lesen).").format(n=unvollstaendig)
            if frist:
                text += " " + tr("Achtung: bei {n} läuft die Verjährungsfrist ab.").format(n=frist)
        if self.uebersicht.hinweise:
            text += " " + tr("{n} Krankheitszeiten ohne Entgeltfortzahlung, daher ohne Antrag (siehe unten).").format(
                n=len(self.uebersicht.hinweise)
            )
        return text

    def _gewaehlte_nr(self) -> int | None:
        a = aktuelle_zeile(self.tabelle, self.modell)
        return a.nr if a is not None else None

    def gewaehlt(self) -> Erstattungsantrag | None:
        return aktuelle_zeile(self.tabelle, self.modell)

    def _waehle(self, nr: int | None) -> None:
        for zeile in range(self.filter.rowCount()):
            index = self.filter.index(zeile, 0)
            a = self.modell.zeile(self.filter.mapToSource(index))
            if nr is None or a.nr == nr:
                self.tabelle.setCurrentIndex(index)
                return

    def _zeige_detail(self) -> None:
        a = self.gewaehlt()
        teile = [detail_html(a, self.heute)] if a is not None else []
        if self.uebersicht.hinweise:
            punkte = "".join(f"<li>{html.escape(h.text)}</li>" for h in self.uebersicht.hinweise)
            teile.append(f"<h4>{html.escape(tr('Krankheitszeiten ohne Antrag'))}</h4><ul>{punkte}</ul>")
        self.detail.setHtml("".join(teile) or html.escape(tr("Kein Antrag gewählt.")))
        self._knoepfe_anpassen()

    def _knoepfe_anpassen(self) -> None:
        a = self.gewaehlt()
        status = a.status if a is not None else None
        self.knoepfe[GESTELLT].setEnabled(status == OFFEN and a is not None and a.vollstaendig)
        self.knoepfe[ERSTATTET].setEnabled(status == GESTELLT)
        self.knoepfe[ABGELEHNT].setEnabled(status == GESTELLT)
        self.knoepfe[OFFEN].setEnabled(status in (GESTELLT, ERSTATTET, ABGELEHNT))
        self.knoepfe["drucken"].setEnabled(a is not None)
        self.knoepfe["kasse"].setEnabled(a is not None and "ERSTATTUNG_OHNE_KASSE" in {h.code for h in a.hinweise})

    # actions -------------------------------------------------------------------------------------------------
    def status_aendern(self, status: str) -> None:
        a = self.gewaehlt()
        if a is None:
            return
        dialog = StatusDialog(self, self.kontext, a, status)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            self.kontext.melde(
                tr("Antrag Nr. {nr} ist jetzt „{status}“.").format(nr=a.nr, status=STATUSTEXT[dialog.ergebnis.status])
            )
            self.laden(waehle=a.nr)
            self.tabelle.setFocus()

    def zuruecksetzen(self) -> None:
        a = self.gewaehlt()
        if a is None:
            return
        self.status_aendern(OFFEN if a.status == GESTELLT else GESTELLT)

    def antragsblatt(self, endung: str) -> None:
        a = self.gewaehlt()
        if a is None:
            return
        jahr, monat = a.berechnung.monate[-1] if a.berechnung is not None else (a.bis.year, a.bis.month)
        typ = tr("PDF-Dokument (*.pdf)") if endung == ".pdf" else tr("Excel-Arbeitsmappe (*.xlsx)")
        vorschlag = Path.home() / f"Erstattungsantrag_{a.nr}_{a.verfahren}{endung}"
        pfad_text, _ = QFileDialog.getSaveFileName(self, tr("Antragsblatt speichern"), str(vorschlag), typ)
        if not pfad_text:
            return
        gewaehlt = Path(pfad_text)
        ziel = gewaehlt if gewaehlt.suffix.lower() == endung else gewaehlt.with_name(gewaehlt.name + endung)
        if not ersetzen_erlaubt(self, [ziel], schon_bestaetigt=gewaehlt):
            return
        db, nr = self.kontext.datenbank, a.nr

        def arbeit(fortschritt: Fortschritt) -> str:
            fortschritt.melde(0, 1, tr("{datei} wird erstellt …").format(datei=ziel.name))
            blaetter = [b for b in antragsblaetter(db, jahr, monat, schreiben=False) if b.nr == nr]
            if not blaetter:
                raise EingabeFehler(tr("Zu diesem Antrag gibt es in den abgeschlossenen Monaten keine Angaben mehr."))
            schreibe_antragsblaetter(blaetter, ziel, endung, tr("Erstattungsantrag Nr. {nr}").format(nr=nr), True)
            return tr("Das Antragsblatt zu Antrag Nr. {nr} ist gespeichert.").format(nr=nr)

        def fertig(text: str) -> Any:
            meldungen.datei_fertig(self, tr("Antragsblatt fertig"), text, ziel)

        Hintergrundoperation(self, tr("Antragsblatt wird erstellt"), arbeit).bei_erfolg(fertig).starten()

    def kasse_festlegen(self) -> None:
        a = self.gewaehlt()
        if a is None:
            return
        from core.stammdaten.krankenkassen import liste_krankenkassen

        namen = [k.name for k in liste_krankenkassen(self.kontext.datenbank) if not k.ist_minijob_zentrale]
        if not namen:
            meldungen.hinweis(
                self,
                tr("Keine Krankenkasse"),
                tr("Bitte zuerst unter Einstellungen › Krankenkassen die Kasse mit ihren U1/U2-Sätzen anlegen."),
            )
            return
        name, ok = QInputDialog.getItem(
            self,
            tr("Kasse für privat Versicherte"),
            tr("Kasse, bei der {name} zuletzt gesetzlich versichert war:").format(name=a.name),
            namen,
            0,
            False,
        )
        if not ok or not name:
            return
        try:
            setze_umlagekasse(self.kontext.datenbank, a.personalnummer, name)
        except EingabeFehler as fehler:
            meldungen.fehler(self, tr("Nicht gespeichert"), str(fehler))
            return
        self.laden()
