"""Dialog to copy a week or a month of shifts: preview (what is created, the conflicts), then all or nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from core.dienstplan import dienst
from core.dienstplan.dienst import Aenderung
from core.dienstplan.kopieren import Ausrichtung
from core.dienstplan.probelauf import probelauf
from core.dienstplan.tage import montag_der_woche
from core.fehler import EingabeFehler
from desktop.dienstplan.vorschau import vorschauteile, vorschautext
from desktop.formular import Eingabeformat, Feld, Formular
from desktop.i18n import tr

_MONAT = re.compile(r"^\s*(\d{1,2})[./-](\d{4})\s*$")


def monat_aus_text(text: str) -> tuple[int, int] | None:
    """ "03.2026" or "3/2026" → (2026, 3)."""
    if not text.strip():
        return None
    treffer = _MONAT.match(text)
    if not treffer or not 1 <= int(treffer.group(1)) <= 12:
        raise Eingabeformat(tr("Bitte einen Monat in der Form MM.JJJJ eingeben, zum Beispiel 03.2026."))
    return int(treffer.group(2)), int(treffer.group(1))


def _monat_fehler(text: str) -> str | None:
    try:
        monat_aus_text(text)
    except Eingabeformat as fehler:
        return str(fehler)
    return None


class KopierenDialog(QDialog):
    """`anwenden(aktion)` is set by the area: it runs the service call as one undoable step (None if refused)."""

    def __init__(
        self, db: Any, namen: dict[int, str], *, woche: bool, tag: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.woche = woche
        self.anwenden: Callable[[Callable[[], Aenderung]], Any] | None = None
        titel = tr("Woche kopieren") if woche else tr("Monat kopieren")
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.namen = namen

        f = self.formular = Formular()
        if woche:
            montag = montag_der_woche(tag)
            self.quelle = f.datum("quelle", tr("&Quellwoche (Montag)"))
            self.ziel = f.datum("ziel", tr("&Zielwoche (Montag)"))
            self.quelle.setze(montag)
            self.ziel.setze(montag + timedelta(days=7))
        else:
            naechster = (tag.replace(day=1) + timedelta(days=32)).replace(day=1)
            self.quelle = f.hinzufuegen(
                Feld("quelle", tr("&Quellmonat"), _monatseingabe(), pruefer=_monat_fehler, beschreibung="MM.JJJJ")
            )
            self.ziel = f.hinzufuegen(
                Feld("ziel", tr("&Zielmonat"), _monatseingabe(), pruefer=_monat_fehler, beschreibung="MM.JJJJ")
            )
            self.quelle.setze(f"{tag:%m.%Y}")
            self.ziel.setze(f"{naechster:%m.%Y}")
            self.ausrichtung = f.auswahl(
                "ausrichtung",
                tr("&Ausrichtung"),
                [
                    (Ausrichtung.WOCHENTAG.value, tr("gleiche Wochentage (Montag auf Montag)")),
                    (Ausrichtung.DATUM.value, tr("gleiche Daten (1. auf 1.)")),
                ],
            )
        self.ersetzen = f.ja_nein("ersetzen", tr("Vorhandene Schichten im Ziel &ersetzen"))
        teile = vorschauteile(self, self.zeige_vorschau, self._anwenden, tr("&Kopieren"), "kopieren")
        self.vorschau_knopf, self.vorschau, knoepfe = teile.knopf, teile.text, teile.knoepfe
        spalte = QVBoxLayout(self)
        spalte.addWidget(f)
        spalte.addWidget(self.vorschau_knopf)
        spalte.addWidget(self.vorschau, 1)
        spalte.addWidget(knoepfe)
        self.quelle.eingabe.setFocus()

    def aktion(self) -> Callable[[Any], Aenderung]:
        """The service call for the fields (raises EingabeFehler/Eingabeformat for unreadable input)."""
        werte = self.formular.werte()
        if werte is None:
            raise Eingabeformat(tr("Bitte die markierten Angaben korrigieren."))
        ersetzen = bool(werte["ersetzen"])
        if self.woche:
            quelle, ziel = werte["quelle"], werte["ziel"]
            if quelle is None or ziel is None:
                raise EingabeFehler(
                    tr("Bitte Quell- und Zielwoche angeben."), feld="quelle" if quelle is None else "ziel"
                )
            return lambda d: dienst.kopiere_woche(d, quelle, ziel, ersetzen=ersetzen)
        q, z = monat_aus_text(werte["quelle"]), monat_aus_text(werte["ziel"])
        if q is None or z is None:
            raise EingabeFehler(tr("Bitte Quell- und Zielmonat angeben."), feld="quelle" if q is None else "ziel")
        ausrichtung = Ausrichtung(werte["ausrichtung"])
        return lambda d: dienst.kopiere_monat(d, q, z, ausrichtung, ersetzen=ersetzen)

    def _probe(self) -> tuple[Callable[[Any], Aenderung], bool] | None:
        try:
            aktion = self.aktion()
        except Eingabeformat:
            return None
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return None
        probe = probelauf(self.db, aktion)
        self.vorschau.setPlainText(vorschautext(probe, self.namen))
        return aktion, probe.moeglich

    def zeige_vorschau(self) -> None:
        if self._probe() is not None:
            self.vorschau.setFocus()

    def _anwenden(self) -> None:
        ergebnis = self._probe()
        if ergebnis is None:
            return
        aktion, moeglich = ergebnis
        if not moeglich:
            self.vorschau.setFocus()
            return
        assert self.anwenden is not None
        if self.anwenden(lambda: aktion(self.db)) is not None:
            self.accept()


def _monatseingabe() -> QLineEdit:
    e = QLineEdit()
    e.setPlaceholderText("MM.JJJJ")
    e.setMaxLength(7)
    return e
