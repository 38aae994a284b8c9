"""What the payroll run needs besides the Dienstplan: Einmalzahlungen, Sachbezüge, Vorschüsse, the Abrechnungsbeginn
and the figures carried over from a previous Lohnbüro (Vortrag), as dialogs over `core.abrechnung.erfassung`.

`LohneingabenDialog` shows one assistant's entries of a year in tabs (Alt+1…4) and saves each new, changed or deleted
entry at once through the service (one transaction per action, German refusals at their field; an entry in a
finalised month is refused by the service, and the list says which months are finalised before anything is typed).
`AbrechnungsbeginnDialog` sets the household's first payroll month in the program.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.abrechnung import ablage
from core.abrechnung import erfassung as dienst
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl
from core.fehler import AssistenzbueroFehler, EingabeFehler
from core.regeln.tabellen import regelwert
from core.stammdaten.assistenzkraefte import lade_assistenzkraft
from desktop import meldungen
from desktop.bildschirm import passende_groesse, rollbar
from desktop.dialoge import modal
from desktop.formular import Formular, datum_als_text, dezimal_als_text, ohne_mnemonic
from desktop.i18n import tr
from desktop.kontext import Kontext
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle

T = TypeVar("T")
NULL = Decimal(0)
MONATSAUSWAHL: list[tuple[Any, str]] = [(i + 1, name) for i, name in enumerate(MONATE)]


def _euro(betrag: Decimal | None) -> str:
    return "" if betrag is None else f"{dezimal_als_text(betrag, 2)} €"


def _monat(jahr: int, monat: int) -> str:
    return dienst.monatstext(jahr, monat)


def _name(kontext: Kontext, assistenzkraft_id: int) -> str:
    daten = lade_assistenzkraft(kontext.datenbank, assistenzkraft_id)
    return f"{daten.vorname} {daten.nachname}".strip()


def abgeschlossen(kontext: Kontext, jahr: int, monat: int) -> bool:
    return ablage.status(kontext.datenbank, jahr, monat) == ablage.ABGESCHLOSSEN


def vorgeschlagener_monat(kontext: Kontext) -> tuple[int, int]:
    """Where a new entry goes when the caller names no month: the next month the payroll can still take."""
    from core.abrechnung.lauf import naechster_offener_monat

    return naechster_offener_monat(kontext.datenbank)


# --- one entry ---------------------------------------------------------------------------------------------------


class _EintragDialog(QDialog):
    """One entry in a form; OK saves it through the service (nothing is kept when the service refuses)."""

    def __init__(self, kontext: Kontext, titel: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.formular = Formular()
        self.ergebnis: Any = None
        self.knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.knoepfe.accepted.connect(self._speichern)
        self.knoepfe.rejected.connect(self.reject)

    def _fertig_bauen(self, breite: int = 100, hoehe: int = 24) -> None:
        spalte = QVBoxLayout(self)
        spalte.addWidget(rollbar(self.formular), 1)
        spalte.addWidget(self.knoepfe)
        passende_groesse(self, breite, hoehe)

    def _monatsfelder(self, jahr: int, monat: int) -> None:
        self.formular.auswahl("monat", tr("&Monat"), MONATSAUSWAHL, beschreibung=tr("Monat der Abrechnung"))
        self.formular.ganzzahl("jahr", tr("&Jahr"), minimum=2000, maximum=2100)
        self.formular.setze_werte({"monat": monat, "jahr": jahr})
        self.monatsstatus = QLabel()
        self.monatsstatus.setWordWrap(True)
        self.monatsstatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.formular.zeile(self.monatsstatus)
        for name in ("monat", "jahr"):
            self.formular.felder[name].bei_verlassen(self._zeige_monatsstatus)

    def _zeige_monatsstatus(self) -> None:
        """Say before anything is typed that a finalised month takes no more entries (the service refuses it)."""
        werte = self.formular.rohwerte()
        jahr, monat = werte.get("jahr"), werte.get("monat")
        text = ""
        if isinstance(jahr, int) and isinstance(monat, int) and abgeschlossen(self.kontext, jahr, monat):
            text = tr(
                "Die Abrechnung {m} ist abgeschlossen; dort kann nichts mehr eingetragen werden. "
                "Bitte wählen Sie einen offenen Monat."
            ).format(m=_monat(jahr, monat))
        self.monatsstatus.setText(text)
        self.monatsstatus.setVisible(bool(text))
        self.formular.felder["monat"].eingabe.setAccessibleDescription(text or tr("Monat der Abrechnung"))

    def _daten(self, werte: dict[str, Any]) -> Any:
        raise NotImplementedError

    def _dienst(self, daten: Any) -> Any:
        raise NotImplementedError

    def _speichern(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        try:
            self.ergebnis = self._dienst(self._daten(werte))
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return
        self.accept()


class EinmalzahlungDialog(_EintragDialog):
    """Weihnachtsgeld, Urlaubsgeld, Prämie …: a sonstiger Bezug of the month (taxed and insured as one)."""

    def __init__(self, kontext: Kontext, daten: dienst.EinmalzahlungDaten, parent: QWidget | None = None) -> None:
        super().__init__(kontext, tr("Einmalzahlung bearbeiten") if daten.id else tr("Neue Einmalzahlung"), parent)
        self.daten = daten
        f = self.formular
        f.auswahl("art", tr("&Art der Zahlung"), list(dienst.EINMALZAHLUNGSARTEN.items()))
        f.dezimal("betrag", tr("&Betrag in Euro (brutto)"), stellen=2, beschreibung=tr("Pflichtangabe"))
        self._monatsfelder(daten.jahr, daten.monat)
        f.text("text", tr("&Text auf der Abrechnung"), max_laenge=80, beschreibung=tr("leer lassen: die Art"))
        f.setze_werte({"art": daten.art, "betrag": daten.betrag if daten.id else None, "text": daten.text})
        f.live_pruefung = self._live
        self._zeige_monatsstatus()
        self._fertig_bauen()

    def _daten(self, werte: dict[str, Any]) -> dienst.EinmalzahlungDaten:
        return dataclasses.replace(
            self.daten,
            art=werte["art"],
            betrag=werte["betrag"] if werte.get("betrag") is not None else NULL,
            jahr=werte["jahr"],
            monat=werte["monat"],
            text=werte.get("text", ""),
        )

    def _live(self) -> dict[str, str]:
        werte = self.formular.rohwerte()
        return dienst.pruefe_einmalzahlung(self._daten(werte)) if werte.get("betrag") is not None else {}

    def _dienst(self, daten: dienst.EinmalzahlungDaten) -> dienst.EinmalzahlungDaten:
        if daten.betrag == NULL:
            raise EingabeFehler(tr("Bitte den Betrag in Euro angeben, zum Beispiel 500,00."), feld="betrag")
        return dienst.speichere_einmalzahlung(self.kontext.datenbank, daten)


def sachbezugswerte(jahr: int, monat: int) -> str:
    """The year's official values (§ 2 SvEV), so the user sees what "amtlicher Sachbezugswert" will put in."""
    try:
        tag = date(jahr, monat, 1)
        verpflegung = regelwert("sachbezug_verpflegung_monat", tag).wert
        unterkunft = regelwert("sachbezug_unterkunft_monat", tag).wert
        abschlag = regelwert("sachbezug_unterkunft_haushalt_abschlag_prozent", tag).wert
    except (AssistenzbueroFehler, ValueError):
        return tr("Für {jahr} sind keine amtlichen Sachbezugswerte hinterlegt.").format(jahr=jahr)
    return tr(
        "Amtliche Sachbezugswerte {jahr} (§ 2 SvEV) im Monat: Verpflegung {v}, Unterkunft {u} "
        "(bei Aufnahme in den Haushalt der Arbeitgeberin {a} % weniger); für einzelne Tage je ein Dreißigstel."
    ).format(jahr=jahr, v=_euro(verpflegung), u=_euro(unterkunft), a=dezimal_als_text(abschlag.normalize()))


class SachbezugDialog(_EintragDialog):
    """Lodging or meals at the year's official value, or another benefit in kind at its own value."""

    def __init__(self, kontext: Kontext, daten: dienst.SachbezugDaten, parent: QWidget | None = None) -> None:
        super().__init__(kontext, tr("Sachbezug bearbeiten") if daten.id else tr("Neuer Sachbezug"), parent)
        self.daten = daten
        f = self.formular
        f.auswahl("art", tr("&Art des Sachbezugs"), list(dienst.SACHBEZUGSARTEN.items()))
        self.werte_text = QLabel(sachbezugswerte(daten.jahr, daten.monat))
        self.werte_text.setWordWrap(True)
        self.werte_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        f.zeile(self.werte_text)
        self._monatsfelder(daten.jahr, daten.monat)
        f.ganzzahl(
            "tage",
            tr("An &Tagen"),
            minimum=0,
            maximum=31,
            beschreibung=tr("0 bedeutet den ganzen Monat; sonst die Zahl der Tage"),
        )
        tage = f.felder["tage"].eingabe
        if isinstance(tage, QSpinBox):
            tage.setSpecialValueText(tr("ganzer Monat"))  # 0 in words, also for a screen reader
        f.ja_nein("im_haushalt", tr("Unterkunft im &Haushalt der Arbeitgeberin (Abschlag)"))
        f.dezimal("wert", tr("&Wert in Euro (nur sonstiger Sachbezug)"), stellen=2)
        f.dezimal(
            "zuzahlung",
            tr("&Zuzahlung der Assistenzkraft in Euro"),
            stellen=2,
            beschreibung=tr("was sie selbst dafür zahlt; mindert den Sachbezug"),
        )
        f.text("text", tr("T&ext auf der Abrechnung"), max_laenge=80)
        f.setze_werte(
            {
                "art": daten.art,
                "tage": daten.tage or 0,
                "im_haushalt": daten.im_haushalt,
                "wert": daten.wert,
                "zuzahlung": daten.zuzahlung or None,
                "text": daten.text,
            }
        )
        f.live_pruefung = self._live
        f.felder["art"].bei_verlassen(self._passe_an)
        f.felder["jahr"].bei_verlassen(self._passe_an)
        self._passe_an()
        self._zeige_monatsstatus()
        self._fertig_bauen(110, 30)

    def _passe_an(self) -> None:
        """Only the fields that apply to the chosen kind can be edited (a hidden field would hide its error)."""
        werte = self.formular.rohwerte()
        art = werte.get("art")
        self.formular.felder["wert"].eingabe.setEnabled(art == "sonstig")
        self.formular.felder["im_haushalt"].eingabe.setEnabled(art == "unterkunft")
        jahr = werte.get("jahr")
        if isinstance(jahr, int):
            self.werte_text.setText(sachbezugswerte(jahr, werte.get("monat") or 1))

    def _daten(self, werte: dict[str, Any]) -> dienst.SachbezugDaten:
        art = werte["art"]
        return dataclasses.replace(
            self.daten,
            art=art,
            jahr=werte["jahr"],
            monat=werte["monat"],
            tage=werte.get("tage") or None,
            im_haushalt=bool(werte.get("im_haushalt")) and art == "unterkunft",
            wert=werte.get("wert") if art == "sonstig" else None,
            zuzahlung=werte.get("zuzahlung") or NULL,
            text=werte.get("text", ""),
        )

    def _live(self) -> dict[str, str]:
        return dienst.pruefe_sachbezug(self._daten(self.formular.rohwerte()))

    def _dienst(self, daten: dienst.SachbezugDaten) -> dienst.SachbezugDaten:
        return dienst.speichere_sachbezug(self.kontext.datenbank, daten)


class VorschussDialog(_EintragDialog):
    """An advance paid out before payday, deducted from the payout of the month named."""

    def __init__(self, kontext: Kontext, daten: dienst.VorschussDaten, parent: QWidget | None = None) -> None:
        super().__init__(kontext, tr("Vorschuss bearbeiten") if daten.id else tr("Neuer Vorschuss"), parent)
        self.daten = daten
        f = self.formular
        f.dezimal("betrag", tr("&Betrag in Euro"), stellen=2, beschreibung=tr("Pflichtangabe"))
        f.datum("ausgezahlt_am", tr("&Ausgezahlt am"), beschreibung=tr("Pflichtangabe, TT.MM.JJJJ"))
        f.ueberschrift(tr("Verrechnet mit der Auszahlung von"))
        self._monatsfelder(daten.jahr, daten.monat)
        f.text("text", tr("&Text auf der Abrechnung"), max_laenge=80)
        f.setze_werte(
            {"betrag": daten.betrag if daten.id else None, "ausgezahlt_am": daten.ausgezahlt_am, "text": daten.text}
        )
        f.live_pruefung = self._live
        self._zeige_monatsstatus()
        self._fertig_bauen()

    def _daten(self, werte: dict[str, Any]) -> dienst.VorschussDaten:
        return dataclasses.replace(
            self.daten,
            betrag=werte["betrag"] if werte.get("betrag") is not None else NULL,
            ausgezahlt_am=werte.get("ausgezahlt_am") or self.daten.ausgezahlt_am,
            jahr=werte["jahr"],
            monat=werte["monat"],
            text=werte.get("text", ""),
        )

    def _live(self) -> dict[str, str]:
        werte = self.formular.rohwerte()
        if werte.get("betrag") is None or werte.get("ausgezahlt_am") is None:
            return {}
        return dienst.pruefe_vorschuss(self._daten(werte))

    def _dienst(self, daten: dienst.VorschussDaten) -> dienst.VorschussDaten:
        werte = self.formular.rohwerte()
        if werte.get("betrag") is None:
            raise EingabeFehler(tr("Bitte den Betrag des Vorschusses in Euro angeben."), feld="betrag")
        if werte.get("ausgezahlt_am") is None:
            raise EingabeFehler(tr("Bitte angeben, an welchem Tag der Vorschuss gezahlt wurde."), feld="ausgezahlt_am")
        return dienst.speichere_vorschuss(self.kontext.datenbank, daten)


# --- carried-over figures and the Abrechnungsbeginn ----------------------------------------------------------------

#: Tabs of the Vortrag dialog: (title, [(field, label with mnemonic, kind)]); kind "betrag", "zahl" or "tage".
VORTRAG_ABSCHNITTE: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        tr("&1 Lohnsteuer"),
        [
            ("brutto", tr("&Bruttoentgelt"), "betrag"),
            ("steuerbrutto", tr("laufender &steuerpflichtiger Arbeitslohn"), "betrag"),
            ("sonstige_bezuege", tr("steuerpflichtige sonsti&ge Bezüge"), "betrag"),
            ("steuerfreie_bezuege", tr("steuer&freie Bezüge (§ 3b EStG)"), "betrag"),
            ("lohnsteuer", tr("&Lohnsteuer"), "betrag"),
            ("solidaritaetszuschlag", tr("Sol&idaritätszuschlag"), "betrag"),
            ("kirchensteuer", tr("Kirc&hensteuer"), "betrag"),
            ("pauschsteuer", tr("&Pauschsteuer"), "betrag"),
            ("netto", tr("&Nettoentgelt"), "betrag"),
        ],
    ),
    (
        tr("&2 Sozialversicherung"),
        [
            ("entgelt_kv", tr("beitragspflichtiges Entgelt &KV/PV"), "betrag"),
            ("entgelt_rv", tr("beitragspflichtiges Entgelt &RV/AV"), "betrag"),
            ("einmalzahlungen", tr("darin Einmal&zahlungen"), "betrag"),
            ("kv_an", tr("Kranken&versicherung (Arbeitnehmeranteil)"), "betrag"),
            ("pv_an", tr("Pflegeversi&cherung (Arbeitnehmeranteil)"), "betrag"),
            ("rv_an", tr("Ren&tenversicherung (Arbeitnehmeranteil)"), "betrag"),
            ("av_an", tr("&Arbeitslosenversicherung (Arbeitnehmeranteil)"), "betrag"),
            ("sv_tage", tr("Anzahl &der SV-Tage"), "zahl"),
            ("minijob_ueberschreitungen", tr("unvorhersehbare &Überschreitungen der Minijob-Grenze"), "zahl"),
        ],
    ),
    (
        tr("&3 Urlaub, Krankheit, Zeitkonto"),
        [
            ("urlaub_genommen_tage", tr("genommene &Urlaubstage"), "tage"),
            ("krank_fortzahlung_tage", tr("Tage &mit Entgeltfortzahlung (laufende Erkrankung)"), "zahl"),
            ("arbeitstage", tr("Arbeitstage dieses &Jahres (kurzfristige Beschäftigung)"), "zahl"),
            ("zeitkonto_stunden", tr("Z&eitkonto: Stand in Stunden (Minusstunden mit Minus)"), "tage"),
            ("notiz", tr("Notiz (&woher die Werte stammen)"), "text"),
        ],
    ),
]


class VortragDialog(QDialog):
    """The year totals a previous Lohnbüro settled before the Abrechnungsbeginn (from its Lohnkonto)."""

    def __init__(
        self, kontext: Kontext, daten: dienst.VortragDaten, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kontext = kontext
        self.daten = daten
        self.ergebnis: dienst.VortragDaten | None = None
        titel = tr("Übernommene Werte {jahr}").format(jahr=daten.jahr) + (f" – {name}" if name else "")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        erklaerung = QLabel(
            tr(
                "Summen des Jahres {jahr} vor dem Abrechnungsbeginn, wie sie im Lohnkonto des bisherigen Lohnbüros "
                "stehen. Leere Felder zählen als 0. Beträge in Euro."
            ).format(jahr=daten.jahr)
        )
        erklaerung.setWordWrap(True)
        self.reiter = QTabWidget()
        self.reiter.setAccessibleName(tr("Abschnitte der übernommenen Werte"))
        self.formulare: list[Formular] = []
        werte = {f.name: getattr(daten, f.name) for f in dataclasses.fields(daten)}
        for titel_abschnitt, felder in VORTRAG_ABSCHNITTE:
            formular = Formular()
            for name_feld, beschriftung, art in felder:
                beschreibung = dienst.VORTRAG_FELDNAMEN.get(name_feld, "")
                if art == "betrag":
                    formular.dezimal(name_feld, beschriftung, stellen=2)
                elif art == "zahl":
                    formular.ganzzahl(name_feld, beschriftung, maximum=999)
                elif art == "tage":
                    formular.dezimal(name_feld, beschriftung)
                else:
                    formular.mehrzeilig(name_feld, beschriftung)
                if beschreibung and beschreibung != ohne_mnemonic(beschriftung):
                    formular.felder[name_feld].eingabe.setToolTip(beschreibung)
            formular.setze_werte({k: (None if v == NULL and not isinstance(v, int) else v) for k, v in werte.items()})
            self.formulare.append(formular)
            self.reiter.addTab(rollbar(formular), titel_abschnitt)
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(erklaerung)
        spalte.addWidget(self.reiter, 1)
        spalte.addWidget(knoepfe)
        passende_groesse(self, 90, 30)

    def _speichern(self) -> None:
        werte: dict[str, Any] = {}
        for i, formular in enumerate(self.formulare):
            teil = formular.werte()
            if teil is None:
                self.reiter.setCurrentIndex(i)
                return
            werte.update(teil)
        for f in dataclasses.fields(self.daten):
            if f.name in werte and werte[f.name] is None:
                werte[f.name] = NULL
        daten = dataclasses.replace(self.daten, **werte)
        try:
            self.ergebnis = dienst.speichere_vortrag(self.kontext.datenbank, daten)
        except EingabeFehler as fehler:
            mehrere = getattr(fehler, "fehler", None) or {fehler.feld or "": str(fehler)}
            gezeigt = False
            for i, formular in enumerate(self.formulare):
                if formular.zeige_feldfehler(mehrere, fokus=not gezeigt):
                    if not gezeigt:
                        self.reiter.setCurrentIndex(i)
                    gezeigt = True
            if not gezeigt:
                meldungen.fehler(self, tr("Nicht gespeichert"), " ".join(mehrere.values()))
            return
        self.accept()


class AbrechnungsbeginnDialog(QDialog):
    """The household's first payroll month in the program; months before it were settled elsewhere."""

    def __init__(self, kontext: Kontext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kontext = kontext
        titel = tr("Abrechnungsbeginn festlegen")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        beginn = dienst.abrechnungsbeginn(kontext.datenbank)
        heute = date.today()
        erklaerung = QLabel(
            tr(
                "Der erste Monat, den das Programm abrechnet. Frühere Monate hat ein Lohnbüro abgerechnet; wenn der "
                "Beginn mitten im Jahr liegt, tragen Sie danach bei jeder Assistenzkraft die übernommenen Werte ein "
                "(Lohnsteuer- und SV-Summen, genommener Urlaub, Tage Entgeltfortzahlung)."
            )
        )
        erklaerung.setWordWrap(True)
        self.formular = Formular()
        self.formular.auswahl("monat", tr("&Monat"), MONATSAUSWAHL)
        self.formular.ganzzahl("jahr", tr("&Jahr"), minimum=2000, maximum=2100)
        self.formular.setze_werte(
            {"monat": beginn.month if beginn else heute.month, "jahr": beginn.year if beginn else heute.year}
        )
        self.ergebnis: date | None = None
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoepfe.accepted.connect(self._speichern)
        knoepfe.rejected.connect(self.reject)
        spalte = QVBoxLayout(self)
        spalte.addWidget(erklaerung)
        spalte.addWidget(self.formular)
        spalte.addWidget(knoepfe)
        passende_groesse(self, 70, 16)

    def _speichern(self) -> None:
        werte = self.formular.werte()
        if werte is None:
            return
        try:
            dienst.setze_abrechnungsbeginn(self.kontext.datenbank, werte["jahr"], werte["monat"])
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return
        self.ergebnis = date(werte["jahr"], werte["monat"], 1)
        self.accept()


# --- one assistant's entries -------------------------------------------------------------------------------------


class _Liste(QWidget, Generic[T]):
    """A tab: the year's entries of one kind, with Neu / Bearbeiten / Löschen; each action is saved at once."""

    def __init__(
        self,
        titel: str,
        spalten: Sequence[Spalte[T]],
        knoepfe: tuple[str, str, str],
        laden: Callable[[int], list[T]],
        dialog: Callable[[T | None], _EintragDialog],
        loeschen: Callable[[T], None],
        beschreiben: Callable[[T], str],
        eltern: LohneingabenDialog,
    ) -> None:
        super().__init__()
        self.titel = titel
        self.eltern = eltern
        self._laden = laden
        self._dialog = dialog
        self._loeschen = loeschen
        self._beschreiben = beschreiben
        self.modell: ZeilenModell[T] = ZeilenModell(spalten, self)
        self.tabelle, self.filter = sortierbare_tabelle(
            self.modell, titel, tr("Eingabetaste bearbeitet den Eintrag"), sortierbar=False
        )
        self.tabelle.activated.connect(lambda _i: self.bearbeiten())
        self.knopf_neu = QPushButton(knoepfe[0])
        self.knopf_bearbeiten = QPushButton(knoepfe[1])
        self.knopf_loeschen = QPushButton(knoepfe[2])
        self.tabelle.leer_sagt(tr("Noch nichts eingetragen."), self.knopf_neu)
        self.knopf_neu.clicked.connect(self.neu)
        self.knopf_bearbeiten.clicked.connect(self.bearbeiten)
        self.knopf_loeschen.clicked.connect(self.loeschen)
        self.leer = QLabel()
        self.leer.setWordWrap(True)
        zeile = QHBoxLayout()
        for k in (self.knopf_neu, self.knopf_bearbeiten, self.knopf_loeschen):
            k.setAutoDefault(False)  # Enter in the list edits the entry; it must not also press a button
            zeile.addWidget(k)
        zeile.addStretch(1)
        spalte = QVBoxLayout(self)
        spalte.addWidget(self.tabelle, 1)
        spalte.addWidget(self.leer)
        spalte.addLayout(zeile)

    def aktualisiere(self, jahr: int, markiere: Any = None) -> None:
        zeilen = self._laden(jahr)
        self.modell.setze_zeilen(zeilen)
        self.tabelle.resizeColumnsToContents()
        self.leer.setText("" if zeilen else tr("Keine Einträge im Jahr {jahr}.").format(jahr=jahr))
        self.leer.setVisible(not zeilen)
        da = bool(zeilen)
        self.knopf_bearbeiten.setEnabled(da)
        self.knopf_loeschen.setEnabled(da)
        if da:
            reihe = next((i for i, z in enumerate(zeilen) if getattr(z, "id", None) == markiere), 0)
            self.tabelle.setCurrentIndex(self.filter.index(reihe, 0))

    def _gesperrt(self, eintrag: Any) -> bool:
        """An entry of a finalised month cannot change: say so instead of opening a form that cannot be saved."""
        if not abgeschlossen(self.eltern.kontext, eintrag.jahr, eintrag.monat):
            return False
        meldungen.hinweis(
            self,
            tr("Monat abgeschlossen"),
            tr(
                "Die Abrechnung {m} ist abgeschlossen; dieser Eintrag kann nicht mehr geändert oder gelöscht werden. "
                "Einen Ausgleich tragen Sie bitte als neuen Eintrag im nächsten offenen Monat ein."
            ).format(m=_monat(eintrag.jahr, eintrag.monat)),
        )
        return True

    def neu(self) -> None:
        self._oeffne(None)

    def bearbeiten(self) -> None:
        eintrag = aktuelle_zeile(self.tabelle, self.modell)
        if eintrag is not None and not self._gesperrt(eintrag):
            self._oeffne(eintrag)

    def _oeffne(self, eintrag: T | None) -> None:
        dialog = self._dialog(eintrag)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            gespeichert = dialog.ergebnis
            self.eltern.gespeichert(gespeichert, self._beschreiben(gespeichert))
            self.aktualisiere(self.eltern.jahr, getattr(gespeichert, "id", None))
        self.tabelle.setFocus()

    def loeschen(self) -> None:
        eintrag = aktuelle_zeile(self.tabelle, self.modell)
        if eintrag is None or self._gesperrt(eintrag):
            return
        text = self._beschreiben(eintrag)
        if not meldungen.frage(
            self,
            tr("Eintrag löschen"),
            tr("{text} löschen?").format(text=text),
            ja=tr("&Löschen"),
            nein=tr("&Nicht löschen"),
        ):
            return
        try:
            self._loeschen(eintrag)
        except EingabeFehler as fehler:
            meldungen.fehler(self, tr("Nicht gelöscht"), str(fehler))
            return
        self.eltern.kontext.melde(tr("{text} gelöscht.").format(text=text))
        self.aktualisiere(self.eltern.jahr)
        self.tabelle.setFocus()


def _status(kontext: Kontext) -> Callable[[Any], str]:
    return lambda z: tr("abgeschlossen") if abgeschlossen(kontext, z.jahr, z.monat) else tr("offen")


def _monatsspalte() -> Spalte[Any]:
    return Spalte(tr("Monat"), lambda z: _monat(z.jahr, z.monat), sortierung=lambda z: z.jahr * 100 + z.monat)


class LohneingabenDialog(QDialog):
    """One assistant's Einmalzahlungen, Sachbezüge and Vorschüsse of a year, and her carried-over figures."""

    def __init__(
        self,
        kontext: Kontext,
        assistenzkraft_id: int,
        jahr: int | None = None,
        monat: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`jahr`/`monat`: the month new entries are made for (default: the next open payroll month)."""
        super().__init__(parent)
        self.kontext = kontext
        self.assistenzkraft_id = assistenzkraft_id
        if jahr is None or monat is None:
            jahr, monat = vorgeschlagener_monat(kontext)
        self.jahr, self.monat = jahr, monat
        self.name = _name(kontext, assistenzkraft_id)
        titel = tr("Lohn-Eingaben für {name}").format(name=self.name)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)

        self.jahr_feld = QSpinBox()
        self.jahr_feld.setRange(2000, 2100)
        self.jahr_feld.setValue(jahr)
        self.jahr_feld.setAccessibleName(tr("Jahr der Einträge"))
        jahr_label = QLabel(tr("&Jahr"))
        jahr_label.setBuddy(self.jahr_feld)
        self.jahr_feld.valueChanged.connect(self._jahr_gewechselt)
        oben = QHBoxLayout()
        oben.addWidget(jahr_label)
        oben.addWidget(self.jahr_feld)
        oben.addStretch(1)

        status = _status(kontext)
        self.einmalzahlungen: _Liste[dienst.EinmalzahlungDaten] = _Liste(
            tr("Einmalzahlungen"),
            [
                _monatsspalte(),
                Spalte(tr("Art"), lambda z: dienst.EINMALZAHLUNGSARTEN.get(z.art, z.art)),
                Spalte(tr("Betrag"), lambda z: _euro(z.betrag), rechtsbuendig=True),
                Spalte(tr("Text"), lambda z: z.text),
                Spalte(tr("Abrechnung"), status),
            ],
            (tr("&Neue Einmalzahlung …"), tr("&Bearbeiten …"), tr("&Löschen")),
            lambda j: dienst.liste_einmalzahlungen(kontext.datenbank, j, assistenzkraft_id=assistenzkraft_id),
            lambda z: EinmalzahlungDialog(kontext, z or self._neue_einmalzahlung(), self),
            lambda z: dienst.loesche_einmalzahlung(kontext.datenbank, z.id or 0),
            lambda z: tr("{art} {betrag} ({m})").format(
                art=dienst.EINMALZAHLUNGSARTEN.get(z.art, z.art), betrag=_euro(z.betrag), m=_monat(z.jahr, z.monat)
            ),
            self,
        )
        self.sachbezuege: _Liste[dienst.SachbezugDaten] = _Liste(
            tr("Sachbezüge"),
            [
                _monatsspalte(),
                Spalte(tr("Art"), lambda z: dienst.SACHBEZUGSARTEN.get(z.art, z.art)),
                Spalte(tr("Tage"), lambda z: str(z.tage) if z.tage else tr("ganzer Monat"), rechtsbuendig=True),
                Spalte(tr("Wert"), lambda z: _euro(z.wert) if z.wert is not None else tr("amtlich")),
                Spalte(tr("Zuzahlung"), lambda z: _euro(z.zuzahlung) if z.zuzahlung else "", rechtsbuendig=True),
                Spalte(tr("Abrechnung"), status),
            ],
            (tr("&Neuer Sachbezug …"), tr("&Bearbeiten …"), tr("&Löschen")),
            lambda j: dienst.liste_sachbezuege(kontext.datenbank, j, assistenzkraft_id=assistenzkraft_id),
            lambda z: SachbezugDialog(kontext, z or self._neuer_sachbezug(), self),
            lambda z: dienst.loesche_sachbezug(kontext.datenbank, z.id or 0),
            lambda z: tr("Sachbezug {art} ({m})").format(
                art=dienst.SACHBEZUGSARTEN.get(z.art, z.art), m=_monat(z.jahr, z.monat)
            ),
            self,
        )
        self.vorschuesse: _Liste[dienst.VorschussDaten] = _Liste(
            tr("Vorschüsse"),
            [
                _monatsspalte(),
                Spalte(tr("Betrag"), lambda z: _euro(z.betrag), rechtsbuendig=True),
                Spalte(tr("ausgezahlt am"), lambda z: datum_als_text(z.ausgezahlt_am)),
                Spalte(tr("Text"), lambda z: z.text),
                Spalte(tr("Abrechnung"), status),
            ],
            (tr("&Neuer Vorschuss …"), tr("&Bearbeiten …"), tr("&Löschen")),
            lambda j: dienst.liste_vorschuesse(kontext.datenbank, j, assistenzkraft_id=assistenzkraft_id),
            lambda z: VorschussDialog(kontext, z or self._neuer_vorschuss(), self),
            lambda z: dienst.loesche_vorschuss(kontext.datenbank, z.id or 0),
            lambda z: tr("Vorschuss {betrag} ({m})").format(betrag=_euro(z.betrag), m=_monat(z.jahr, z.monat)),
            self,
        )

        self.vortrag_seite = QWidget()
        self.vortrag_text = QLabel()
        self.vortrag_text.setWordWrap(True)
        self.vortrag_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.knopf_beginn = QPushButton(tr("&Abrechnungsbeginn festlegen …"))
        self.knopf_vortrag = QPushButton(tr("Übernommene &Werte bearbeiten …"))
        self.knopf_beginn.clicked.connect(self.beginn_festlegen)
        self.knopf_vortrag.clicked.connect(self.vortrag_bearbeiten)
        vortrag_knoepfe = QHBoxLayout()
        vortrag_knoepfe.addWidget(self.knopf_beginn)
        vortrag_knoepfe.addWidget(self.knopf_vortrag)
        vortrag_knoepfe.addStretch(1)
        vortrag_spalte = QVBoxLayout(self.vortrag_seite)
        vortrag_spalte.addWidget(self.vortrag_text)
        vortrag_spalte.addLayout(vortrag_knoepfe)
        vortrag_spalte.addStretch(1)

        self.reiter = QTabWidget()
        self.reiter.setAccessibleName(tr("Arten der Lohn-Eingaben"))
        self.reiter.addTab(self.einmalzahlungen, tr("&1 Einmalzahlungen"))
        self.reiter.addTab(self.sachbezuege, tr("&2 Sachbezüge"))
        self.reiter.addTab(self.vorschuesse, tr("&3 Vorschüsse"))
        self.reiter.addTab(self.vortrag_seite, tr("&4 Übernommene Werte"))
        schliessen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        schliessen.rejected.connect(self.reject)
        for knopf in (*schliessen.buttons(), self.knopf_beginn, self.knopf_vortrag):
            if isinstance(knopf, QPushButton):
                knopf.setAutoDefault(False)  # Enter belongs to the lists (edit the entry), never to "Schließen"
        erklaerung = QLabel(
            tr("Jeder Eintrag wird sofort gespeichert und in der Abrechnung seines Monats berücksichtigt.")
        )
        erklaerung.setWordWrap(True)
        spalte = QVBoxLayout(self)
        spalte.addWidget(erklaerung)
        spalte.addLayout(oben)
        spalte.addWidget(self.reiter, 1)
        spalte.addWidget(schliessen)
        self.aktualisiere()
        passende_groesse(self, 100, 28)

    # new entries start in the month the dialog was opened for ---------------------------------------------------
    def _neuer_monat(self) -> tuple[int, int]:
        return (self.jahr, self.monat) if self.jahr_feld.value() == self.jahr else (self.jahr_feld.value(), 1)

    def _neue_einmalzahlung(self) -> dienst.EinmalzahlungDaten:
        j, m = self._neuer_monat()
        return dienst.EinmalzahlungDaten(self.assistenzkraft_id, j, m, "weihnachtsgeld", NULL)

    def _neuer_sachbezug(self) -> dienst.SachbezugDaten:
        j, m = self._neuer_monat()
        return dienst.SachbezugDaten(self.assistenzkraft_id, j, m, "verpflegung")

    def _neuer_vorschuss(self) -> dienst.VorschussDaten:
        j, m = self._neuer_monat()
        heute = date.today()
        return dienst.VorschussDaten(self.assistenzkraft_id, min(heute, date(j, m, 1)), j, m, NULL)

    # ------------------------------------------------------------------------------------------------------------
    def _jahr_gewechselt(self, _jahr: int) -> None:
        self.aktualisiere()

    def aktualisiere(self) -> None:
        jahr = self.jahr_feld.value()
        for liste in (self.einmalzahlungen, self.sachbezuege, self.vorschuesse):
            liste.aktualisiere(jahr)
        self._zeige_vortrag()

    def gespeichert(self, _eintrag: Any, text: str) -> None:
        self.kontext.melde(tr("{text} gespeichert.").format(text=text))

    def _zeige_vortrag(self) -> None:
        beginn = dienst.abrechnungsbeginn(self.kontext.datenbank)
        if beginn is None:
            text = tr(
                "Kein Abrechnungsbeginn festgelegt: das Programm rechnet, als wäre es von Beginn der Beschäftigung "
                "an benutzt worden. Wenn bisher ein Lohnbüro abgerechnet hat, legen Sie zuerst den "
                "Abrechnungsbeginn fest."
            )
            self.knopf_vortrag.setEnabled(False)
        elif beginn.month == 1:
            text = tr("Abrechnungsbeginn: {m}. Er liegt am Jahresanfang; es gibt keine Werte zu übernehmen.").format(
                m=_monat(beginn.year, beginn.month)
            )
            self.knopf_vortrag.setEnabled(False)
        else:
            vortrag = dienst.lade_vortrag(self.kontext.datenbank, self.assistenzkraft_id, beginn.year)
            if vortrag is None:
                stand = tr("Für {name} sind noch keine Werte übernommen.").format(name=self.name)
            else:
                stand = tr(
                    "Übernommen: Brutto {b}, Lohnsteuer {l}, KV-Entgelt {kv}, RV-Entgelt {rv}, {tage}, "
                    "{u} genommen, {k} Entgeltfortzahlung."
                ).format(
                    b=_euro(vortrag.brutto),
                    l=_euro(vortrag.lohnsteuer),
                    kv=_euro(vortrag.entgelt_kv),
                    rv=_euro(vortrag.entgelt_rv),
                    tage=anzahl(vortrag.sv_tage, tr("SV-Tag"), tr("SV-Tage")),
                    u=anzahl(vortrag.urlaub_genommen_tage, tr("Urlaubstag"), tr("Urlaubstage")),
                    k=anzahl(vortrag.krank_fortzahlung_tage, tr("Tag"), tr("Tage")),
                )
            text = tr(
                "Abrechnungsbeginn: {m}. Werte von Januar bis {v} {jahr} übernimmt das Programm vom "
                "bisherigen Lohnbüro. {stand}"
            ).format(m=_monat(beginn.year, beginn.month), v=MONATE[beginn.month - 2], jahr=beginn.year, stand=stand)
            self.knopf_vortrag.setEnabled(True)
        self.vortrag_text.setText(text)
        self.vortrag_text.setAccessibleName(text)

    def beginn_festlegen(self) -> None:
        dialog = AbrechnungsbeginnDialog(self.kontext, self)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            self.kontext.melde(
                tr("Abrechnungsbeginn {m} gespeichert.").format(m=_monat(dialog.ergebnis.year, dialog.ergebnis.month))
            )
        self._zeige_vortrag()
        self.knopf_beginn.setFocus()

    def vortrag_bearbeiten(self) -> None:
        beginn = dienst.abrechnungsbeginn(self.kontext.datenbank)
        if beginn is None:
            return
        daten = dienst.lade_vortrag(self.kontext.datenbank, self.assistenzkraft_id, beginn.year)
        daten = daten or dienst.VortragDaten(self.assistenzkraft_id, beginn.year)
        dialog = VortragDialog(self.kontext, daten, self.name, self)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            self.kontext.melde(
                tr("Übernommene Werte {jahr} für {name} gespeichert.").format(jahr=beginn.year, name=self.name)
            )
        self._zeige_vortrag()
        self.knopf_vortrag.setFocus()


# --- the Monatsabrechnung page's actions ---------------------------------------------------------------------------


def aktionen_einbauen(seite: Any) -> None:
    """Add "Lohn-Eingaben …" and "Abrechnungsbeginn …" to the Monatsabrechnung page's action bar (its
    `aktion_hinzufuegen`; letters E and G are left free there). After a dialog the page computes its month again."""

    def eingaben() -> None:
        zeile = seite.gewaehlte_zeile()
        if zeile is None:
            meldungen.hinweis(
                seite,
                tr("Lohn-Eingaben"),
                tr("Bitte wählen Sie zuerst in der Liste die Assistenzkraft, für die Sie etwas eintragen möchten."),
            )
            return
        jahr, monat = seite.jahr, seite.monat
        if not jahr or abgeschlossen(seite.kontext, jahr, monat):
            jahr, monat = vorgeschlagener_monat(seite.kontext)
        modal(LohneingabenDialog(seite.kontext, zeile.assistenzkraft_id, jahr, monat, seite))
        seite.lade()

    def beginn() -> None:
        dialog = AbrechnungsbeginnDialog(seite.kontext, seite)
        if modal(dialog) == QDialog.DialogCode.Accepted and dialog.ergebnis is not None:
            seite.kontext.melde(
                tr("Abrechnungsbeginn {m} gespeichert.").format(m=_monat(dialog.ergebnis.year, dialog.ergebnis.month))
            )
            seite.zeige_monat(dialog.ergebnis.year, dialog.ergebnis.month)

    seite.aktion_hinzufuegen(
        "eingaben",
        tr("Lohn-&Eingaben …"),
        eingaben,
        beschreibung=tr("Einmalzahlungen, Sachbezüge, Vorschüsse und übernommene Werte der gewählten Assistenzkraft"),
    )
    seite.aktion_hinzufuegen(
        "abrechnungsbeginn",
        tr("Abrechnungsbe&ginn …"),
        beginn,
        beschreibung=tr("Der erste Monat, den das Programm abrechnet (bisher ein Lohnbüro)"),
    )
