"""Inputs the roster dialogs need beyond desktop/formular.py: wall-clock times, time ranges, a dialog frame."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from core.domain.zeit import lokal
from core.fehler import AssistenzbueroFehler, EingabeFehler
from desktop.dienstplan import texte
from desktop.formular import Eingabeformat, Feld, Formular
from desktop.i18n import tr

_UHR = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?$")


def uhrzeit_aus_text(text: str) -> time | None:
    """ "7", "7:00", "07.30", "0730" → time; "24:00" → 00:00 (midnight at the end of the day); empty → None."""
    roh = text.strip().removesuffix("Uhr").strip()
    if not roh:
        return None
    treffer = _UHR.match(roh)
    if treffer:
        stunde, minute = int(treffer.group(1)), int(treffer.group(2) or 0)
        if stunde == 24 and minute == 0:
            return time(0)
        if stunde < 24 and minute < 60:
            return time(stunde, minute)
    raise Eingabeformat(tr("Bitte eine Uhrzeit in der Form SS:MM eingeben, zum Beispiel 07:00 oder 22:30."))


_SPANNE = re.compile(r"^\s*(\S+?)\s*(?:-|–|bis)\s*(\S+)\s*(.*)$")


def spannen_aus_text(text: str, *, mit_zusatz: bool = False) -> list[tuple[time, time, str]]:
    """ "12:00–12:30, 18:00–18:15" → [(12:00, 12:30, ""), …]; with `mit_zusatz` a word may follow ("07:00–09:00 PK")."""
    ergebnis: list[tuple[time, time, str]] = []
    for teil in (t for t in re.split(r"[;,]", text) if t.strip()):
        treffer = _SPANNE.match(teil)
        if not treffer or (treffer.group(3).strip() and not mit_zusatz):
            beispiel = "07:00–09:00 PK" if mit_zusatz else "12:00–12:30"
            raise Eingabeformat(
                tr("„{teil}“ ist keine Zeitspanne. Bitte so schreiben: {beispiel}").format(
                    teil=teil.strip(), beispiel=beispiel
                )
            )
        von, bis = uhrzeit_aus_text(treffer.group(1)), uhrzeit_aus_text(treffer.group(2))
        assert von is not None and bis is not None
        zusatz = treffer.group(3).strip()
        if mit_zusatz and not zusatz:
            raise Eingabeformat(tr("Bei „{teil}“ fehlt das Kürzel der Leistungsart.").format(teil=teil.strip()))
        ergebnis.append((von, bis, zusatz))
    return ergebnis


def spannen_als_text(spannen: Iterable[tuple[datetime | time, datetime | time, str]]) -> str:
    """The reverse of `spannen_aus_text`: "12:00–12:30, 18:00–18:15" (Berlin wall-clock times, a Kürzel after)."""
    return ", ".join(f"{texte.uhrzeit(a)}–{texte.uhrzeit(b)}{(' ' + z) if z else ''}" for a, b, z in spannen)


def zeitpunkt_in_schicht(tag: date, beginn: time, uhr: time, *, folgetag: bool = True) -> datetime:
    """A wall time inside a shift that starts on `tag` at `beginn`: if the shift runs into the next day
    (`folgetag`), clock times earlier than its start lie on the next day."""
    return lokal(tag + timedelta(days=1) if folgetag and uhr < beginn else tag, uhr)


def pflicht_uhrzeit(feld: Feld, meldung: str) -> time:
    """The time typed in a time field; EingabeFehler with `meldung` at the field if it is empty."""
    uhr = uhrzeit_aus_text(str(feld.wert()))
    if uhr is None:
        raise EingabeFehler(meldung, feld=feld.name)
    return uhr


class UhrzeitEingabe(QLineEdit):
    """A wall-clock time typed as SS:MM (a line edit is quickest by keyboard and for screen readers)."""

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText(tr("SS:MM"))
        self.setMaxLength(9)


def _uhrzeit_fehler(text: str) -> str | None:
    try:
        uhrzeit_aus_text(text)
    except Eingabeformat as fehler:
        return str(fehler)
    return None


def uhrzeit_feld(formular: Formular, name: str, beschriftung: str, **kw: Any) -> Feld:
    """A time field whose text is checked when the user leaves it (and again on saving)."""
    return formular.hinzufuegen(Feld(name, beschriftung, UhrzeitEingabe(), pruefer=_uhrzeit_fehler, **kw))


def spannen_feld(formular: Formular, name: str, beschriftung: str, *, mit_zusatz: bool = False, **kw: Any) -> Feld:
    def fehler(text: str) -> str | None:
        try:
            spannen_aus_text(text, mit_zusatz=mit_zusatz)
        except Eingabeformat as e:
            return str(e)
        return None

    return formular.hinzufuegen(Feld(name, beschriftung, QLineEdit(), pruefer=fehler, **kw))


class Eingabedialog(QDialog):
    """A modal German dialog around a `Formular`: OK saves through `speichern` (a service call that may raise
    EingabeFehler — then the message is shown at its field and the dialog stays open, nothing saved)."""

    def __init__(self, titel: str, parent: QWidget | None = None, *, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.setAccessibleName(titel)
        self.formular = Formular()
        self.formular.setObjectName("formular")
        self.spalte = QVBoxLayout(self)
        self.spalte.addWidget(self.formular)
        self.knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.knoepfe.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text or tr("&Speichern"))
        ok.setObjectName("ok")
        self.knoepfe.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("abbrechen")
        self.knoepfe.accepted.connect(self._ok)
        self.knoepfe.rejected.connect(self.reject)
        self.speichern: Callable[[], None] | None = None

    def fertig_bauen(self) -> None:
        """Call after adding fields: puts the buttons last in layout and tab order."""
        self.spalte.addWidget(self.knoepfe)

    def ergebnis_bauen(self) -> Any:
        """Subclasses: read the fields into a domain object (raise Eingabeformat/EingabeFehler on bad input)."""
        raise NotImplementedError

    def pruefen_und_speichern(self) -> Any:
        """Read and save; returns the result or None if something was refused (shown inline)."""
        if self.formular.werte() is None:
            return None
        try:
            ergebnis = self.ergebnis_bauen()
        except Eingabeformat:
            return None  # already shown at its field
        except EingabeFehler as fehler:
            self.formular.zeige_eingabefehler(fehler)
            return None
        return ergebnis

    def _ok(self) -> None:
        self.ergebnis = self.pruefen_und_speichern()
        if self.ergebnis is not None:
            self.speichere_und_schliesse()

    def speichere_und_schliesse(self) -> None:
        """Hand `ergebnis` to `speichern`; a refusal is shown in the form and the dialog stays open."""
        if self.speichern is not None:
            try:
                self.speichern()
            except EingabeFehler as fehler:
                self.formular.zeige_eingabefehler(fehler)
                return
            except AssistenzbueroFehler as fehler:  # e.g. the file became read-only: say so, keep the input
                self.formular.zeige_eingabefehler(EingabeFehler(str(fehler)))
                return
        self.accept()

    def fehlertexte(self) -> dict[str, str]:
        return self.formular.fehlertexte()
