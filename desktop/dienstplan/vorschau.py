"""Preview text of a planned bulk change (pattern, copy): what will be created and replaced, or the conflicts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton

from core.dienstplan.probelauf import Probe
from core.dienstplan.schicht import Schicht
from core.domain.zahlen import anzahl
from desktop.dienstplan import texte
from desktop.i18n import tr

HOECHSTENS = 200  # lines listed; the count above always covers all


@dataclass
class Vorschauteile:
    """The controls a bulk-change dialog shares: Vorschau button, the read-only preview text, OK/Abbrechen."""

    knopf: QPushButton
    text: QPlainTextEdit
    knoepfe: QDialogButtonBox


def vorschauteile(
    dialog: QDialog, zeigen: Callable[[], object], anwenden: Callable[[], object], ok_text: str, ok_name: str
) -> Vorschauteile:
    """Build them for `dialog`: the button runs `zeigen`, OK runs `anwenden` (it decides whether to accept)."""
    knopf = QPushButton(tr("Vor&schau"))
    knopf.setObjectName("vorschau")
    knopf.clicked.connect(zeigen)
    text = QPlainTextEdit()
    text.setObjectName("vorschau_text")
    text.setReadOnly(True)
    text.setTabChangesFocus(True)
    text.setAccessibleName(tr("Vorschau"))
    text.setPlaceholderText(tr("Vorschau: was angelegt wird und welche Konflikte es gibt"))
    knoepfe = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = knoepfe.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName(ok_name)
    knoepfe.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("abbrechen")
    knoepfe.accepted.connect(anwenden)
    knoepfe.rejected.connect(dialog.reject)
    return Vorschauteile(knopf, text, knoepfe)


def _zeile(s: Schicht, namen: Mapping[int, str]) -> str:
    return (
        f"{texte.tag_kurz(s.tag)} {texte.datum(s.tag)}: {namen.get(s.assistenzkraft_id, '?')}, "
        f"{s.vorlage or tr('Schicht')} {texte.zeitspanne(s.beginn, s.ende)}"
    )


def vorschautext(probe: Probe, namen: Mapping[int, str]) -> str:
    if probe.ablehnung is not None:
        return tr("So geht es nicht – es würde nichts gespeichert:\n{grund}").format(grund=probe.ablehnung)
    a = probe.aenderung
    if a is None or a.leer:
        return tr("Im gewählten Zeitraum entstehen keine Schichten.")
    teile = [
        tr("Es werden {n} angelegt (alles oder nichts):").format(
            n=anzahl(len(a.schichten_neu), tr("Schicht"), tr("Schichten"))
        )
        if len(a.schichten_neu) != 1
        else tr("Es wird 1 Schicht angelegt:")
    ]
    neu = sorted(a.schichten_neu, key=lambda s: s.beginn_utc)
    teile += [_zeile(s, namen) for s in neu[:HOECHSTENS]]
    if len(neu) > HOECHSTENS:
        teile.append(tr("… und {n} weitere").format(n=len(neu) - HOECHSTENS))
    if a.schichten_geloescht:
        teile.append("")
        teile.append(tr("Dafür werden {n} vorhandene Schichten ersetzt:").format(n=len(a.schichten_geloescht)))
        teile += [_zeile(s, namen) for s in sorted(a.schichten_geloescht, key=lambda s: s.beginn_utc)[:HOECHSTENS]]
    return "\n".join(teile)
