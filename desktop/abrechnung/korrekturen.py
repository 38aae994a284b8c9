"""The corrections: finalised months whose data changed since, with their differences and the month that settles
them (open ones, computed now by the run), and the corrections a finalised month settled (as stored)."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from core.abrechnung import ablage
from core.abrechnung.lauf import FOLGEKORREKTUR, Korrektur, auszahlung_differenz
from core.domain.zahlen import format_eur
from desktop.abrechnung.detail import differenz_zeilen
from desktop.abrechnung.monatsstand import monatstitel
from desktop.bildschirm import passende_groesse
from desktop.i18n import tr
from desktop.tabellen import Spalte, ZeilenModell, aktuelle_zeile, sortierbare_tabelle


@dataclass(frozen=True)
class Eintrag:
    monat: str
    personalnummer: str
    name: str
    version: int
    auszahlung: str
    aenderungen: str
    verrechnung: str


def _aenderungen(differenz: Sequence[tuple[str, str, str]], grund: str = "") -> str:
    """The differences, led by "Folgekorrektur" when the month's own data did not change (the reason is the
    correction of an earlier month, see `lauf._grund`)."""
    zeilen = [z for z in differenz_zeilen(differenz) if z[1]]
    text = "; ".join(f"{f}: {a} → {b}" for f, a, b in zeilen[:8]) + (" …" if len(zeilen) > 8 else "")
    return tr("Folgekorrektur: {text}").format(text=text) if grund.startswith(FOLGEKORREKTUR) else text


def offene(korrekturen: Sequence[Korrektur], ziel: tuple[int, int] | None) -> list[Eintrag]:
    wo = monatstitel(*ziel) if ziel is not None else tr("dem nächsten offenen Monat")
    return [
        Eintrag(
            f"{k.monat:02d}/{k.jahr}",
            k.personalnummer,
            k.nachher.name,
            k.version,
            format_eur(k.auszahlung_differenz),
            _aenderungen(k.differenz, k.grund),
            _ohne_vertrag(monatstitel(*k.ohne_vertrag_in), k.auszahlung_differenz)
            if k.ohne_vertrag is not None and k.ohne_vertrag_in is not None
            else tr("offen, wird mit {wo} verrechnet").format(wo=wo),
        )
        for k in korrekturen
    ]


def _ohne_vertrag(wo: str, differenz: Decimal) -> str:
    """The Verrechnung column of a correction whose person has no contract in the settling month (she left): no
    row settles it (the full sentence stands above the list, `lauf.OhneVertrag.text`)."""
    if differenz > 0:
        return tr("kein Vertrag im {wo}: eigene Überweisung mit den Zahlungen {wo}").format(wo=wo)
    return tr("kein Vertrag im {wo}: nicht verrechnet, bitte zurückfordern").format(wo=wo)


def verrechnete(
    korrekturen: Sequence[ablage.GespeichertesErgebnis], mit_zeile: Set[int] | None = None
) -> list[Eintrag]:
    """The corrections a finalised month settled, as stored; `mit_zeile`: the people with a row in it (the others
    had no contract then, so the month paid their difference to nobody)."""
    eintraege = []
    for k in korrekturen:
        wo = monatstitel(k.verrechnet_jahr or k.jahr, k.verrechnet_monat or 1)
        differenz = auszahlung_differenz(k)
        ohne = mit_zeile is not None and k.assistenzkraft_id not in mit_zeile and differenz != 0
        eintraege.append(
            Eintrag(
                f"{k.monat:02d}/{k.jahr}",
                k.personalnummer,
                k.ergebnis.name,
                k.version,
                format_eur(differenz) if differenz else "",
                _aenderungen(k.differenz, k.grund),
                _ohne_vertrag(wo, differenz) if ohne else tr("verrechnet mit {wo}").format(wo=wo),
            )
        )
    return eintraege


SPALTEN: list[Spalte[Eintrag]] = [
    Spalte(tr("Monat"), lambda e: tr("{m}, Version {v}").format(m=e.monat, v=e.version)),
    Spalte(
        tr("Assistenzkraft"),
        lambda e: (
            f"{e.name} ({tr('Pers.-Nr.')} {e.personalnummer})" if e.name else f"{tr('Pers.-Nr.')} {e.personalnummer}"
        ),
    ),
    Spalte(tr("Differenz Auszahlung"), lambda e: e.auszahlung, rechtsbuendig=True),
    Spalte(tr("Verrechnung"), lambda e: e.verrechnung),
    Spalte(tr("Änderungen"), lambda e: e.aenderungen, hinweis=lambda e: e.aenderungen),
]


class KorrekturenDialog(QDialog):
    """A read-only list; Escape or "Schließen" closes it."""

    def __init__(self, text: str, eintraege: Sequence[Eintrag], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Korrekturen"))
        self.setAccessibleName(tr("Korrekturen"))
        spalte = QVBoxLayout(self)
        self.text = QLabel(text)
        self.text.setObjectName("korrekturen_text")
        self.text.setWordWrap(True)
        spalte.addWidget(self.text)
        self.modell: ZeilenModell[Eintrag] = ZeilenModell(SPALTEN, self)
        self.modell.setze_zeilen(list(eintraege))
        self.tabelle, _proxy = sortierbare_tabelle(self.modell, tr("Korrekturen"), text, sortierbar=False)
        self.tabelle.setObjectName("korrekturen")
        self.tabelle.resizeColumnsToContents()
        beschriftung = QLabel(tr("&Liste der Korrekturen"))
        beschriftung.setBuddy(self.tabelle)
        spalte.addWidget(beschriftung)
        spalte.addWidget(self.tabelle, 1)
        # the changes of the row under the cursor in full, wrapped (the column is too narrow for them at 200 %)
        self.aenderungen = QLabel()
        self.aenderungen.setObjectName("aenderungen")
        self.aenderungen.setWordWrap(True)
        self.aenderungen.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.aenderungen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spalte.addWidget(self.aenderungen)
        self.tabelle.selectionModel().currentRowChanged.connect(lambda *_a: self._zeige_aenderungen())
        if eintraege:
            self.tabelle.selectRow(0)
        self._zeige_aenderungen()
        knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        schliessen = knoepfe.button(QDialogButtonBox.StandardButton.Close)
        schliessen.setText(tr("&Schließen"))
        schliessen.setAccessibleName(tr("Schließen"))
        knoepfe.rejected.connect(self.reject)
        spalte.addWidget(knoepfe)
        passende_groesse(self, 120, 20)
        self.tabelle.setFocus()

    def _zeige_aenderungen(self) -> None:
        eintrag = aktuelle_zeile(self.tabelle, self.modell)
        text = tr("Änderungen: {a}").format(a=eintrag.aenderungen or tr("keine")) if eintrag else tr("Keine Korrektur.")
        self.aenderungen.setText(text)
        self.aenderungen.setAccessibleName(text)
