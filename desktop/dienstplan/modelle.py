"""Qt item models of the roster screens over the core's month query: grid, Hinweise, shifts, absences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from core.dienstplan.abwesenheit import Abwesenheit
from core.dienstplan.pruefungen import Pruefhinweis
from core.dienstplan.raster import WEITERE, Monatsraster, Rasterzeile, Spalte, Zelleneintrag
from core.dienstplan.schicht import Schicht
from core.dienstplan.vorlagen import Schichtvorlage
from core.domain.hinweis import Schwere
from core.domain.zahlen import anzahl
from desktop.dienstplan import texte
from desktop.i18n import tr
from desktop.tabellen import AUCH_IN, Index

R = Qt.ItemDataRole

#: Shown in an empty shift slot so that it does not look like a display fault (read as "nicht besetzt").
LEER = "–"
#: The shifts (Zelleneintrag tuple) of a grid cell; the day (date) of a row.
EINTRAEGE_ROLLE = R.UserRole + 1
TAG_ROLLE = R.UserRole + 2
SPALTE_ROLLE = R.UserRole + 3
#: The roles the month grid answers. A view asks every cell for eight roles each time it paints or measures it
#: (about a million calls while the suite's tests lay out month grids); the others are answered before anything
#: is looked up.
_RASTER_ROLLEN = frozenset(
    int(r)
    for r in (
        R.DisplayRole,
        R.AccessibleTextRole,
        R.ToolTipRole,
        R.DecorationRole,
        R.FontRole,
        EINTRAEGE_ROLLE,
        TAG_ROLLE,
        SPALTE_ROLLE,
    )
)


def schwere_symbol(schwere: Schwere) -> QIcon:
    """The platform's standard icon for a severity (always shown next to its text)."""
    stil = QApplication.style()
    pixmap = {
        Schwere.FEHLER: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Schwere.WARNUNG: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Schwere.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[schwere]
    return stil.standardIcon(pixmap)


@dataclass(frozen=True)
class Monatsdaten:
    """What the month's screens show: the grid from core, the checks' Hinweise and the assistants' names."""

    raster: Monatsraster
    hinweise: Sequence[Pruefhinweis] = ()
    namen: Mapping[int, str] = field(default_factory=dict)
    abwesenheiten: Sequence[Abwesenheit] = ()


def mit_allen_vorlagen(raster: Monatsraster, vorlagen: Sequence[Schichtvorlage]) -> Monatsraster:
    """Show a column for every template, also those not used yet this month (so one can plan into them), in one
    fixed order: by start time, then "Weitere Schichten" (always there: the place for a shift without template).

    The order must not depend on what is planned: the month's used columns came first, so the first Spätdienst
    put its column before Frühdienst and "Weitere Schichten" vanished (issue 13, finding 7: the columns jumped
    under the cursor after the first shift).
    """
    spalten = {sp.schluessel: sp for sp in raster.spalten}
    for v in vorlagen:
        spalten.setdefault(v.name, Spalte(v.name, v.name, v.zeiten_text, v.beginn))
    weitere = spalten.pop(WEITERE, None) or Spalte(WEITERE, tr("Weitere Schichten"), "", None)
    geordnet = sorted(spalten.values(), key=lambda sp: (sp.beginn is None, sp.beginn or time(0), sp.titel))
    return replace(raster, spalten=(*geordnet, weitere))


class Art(IntEnum):
    TAG = 0
    SCHICHT = 1
    BEMERKUNG = 2
    ABDECKUNG = 3
    PRUEFUNG = 4


class MonatsModell(QAbstractTableModel):
    """Rows = days, columns = "Tag", one per shift column (template), "Bemerkungen", ["Abdeckung"], "Prüfung".

    Every cell says in text what it shows (absences, holidays, 24.12./31.12., open need); the accessible text
    of a cell is a full sentence so a screen reader needs no header to understand it.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._daten: Monatsdaten | None = None
        self._spalten: list[tuple[Art, Spalte | None]] = []
        self._hinweise_tag: dict[date, list[Pruefhinweis]] = {}
        self._hinweise_schicht: dict[int, list[Pruefhinweis]] = {}

    # data in -------------------------------------------------------------------------------------------------
    def setze(self, daten: Monatsdaten | None) -> None:
        self.beginResetModel()
        self._daten = daten
        self._spalten = [(Art.TAG, None)]
        self._hinweise_tag = {}
        self._hinweise_schicht = {}
        if daten is not None:
            self._spalten += [(Art.SCHICHT, sp) for sp in daten.raster.spalten]
            self._spalten.append((Art.BEMERKUNG, None))
            if any(z.abdeckung is not None for z in daten.raster.zeilen):
                self._spalten.append((Art.ABDECKUNG, None))
            self._spalten.append((Art.PRUEFUNG, None))
            tage = {e.schicht.id: z.info.tag for z in daten.raster.zeilen for v in z.zellen.values() for e in v}
            for h in daten.hinweise:
                # every day the Hinweis names gets it (a missing break on the 4th, 5th and 6th: three days), none
                # for one about the whole month (e.g. the Minijob limit): that is listed below only
                for t in h.tage:
                    self._hinweise_tag.setdefault(t, []).append(h)
                for sid in h.schicht_ids:
                    tag = tage.get(sid)
                    if tag is not None and any(abs((tag - t).days) <= 1 for t in h.tage):
                        self._hinweise_schicht.setdefault(sid, []).append(h)
        self.endResetModel()

    @property
    def daten(self) -> Monatsdaten | None:
        return self._daten

    # lookups -------------------------------------------------------------------------------------------------
    def zeile(self, reihe: int) -> Rasterzeile | None:
        if self._daten is None or not 0 <= reihe < len(self._daten.raster.zeilen):
            return None
        return self._daten.raster.zeilen[reihe]

    def art(self, spalte: int) -> Art | None:
        return self._spalten[spalte][0] if 0 <= spalte < len(self._spalten) else None

    def spalte(self, spalte: int) -> Spalte | None:
        return self._spalten[spalte][1] if 0 <= spalte < len(self._spalten) else None

    def eintraege(self, index: Index) -> tuple[Zelleneintrag, ...]:
        """The shifts in a cell; the "Tag" column holds all shifts of the day."""
        zeile = self.zeile(index.row())
        if zeile is None:
            return ()
        art, sp = self._spalten[index.column()]
        if art is Art.SCHICHT and sp is not None:
            return zeile.zellen.get(sp.schluessel, ())
        if art is Art.TAG and self._daten is not None:
            return tuple(e for sp_ in self._daten.raster.spalten for e in zeile.zellen.get(sp_.schluessel, ()))
        return ()

    def reihe_von(self, tag: date) -> int | None:
        if self._daten is None:
            return None
        for i, z in enumerate(self._daten.raster.zeilen):
            if z.info.tag == tag:
                return i
        return None

    def finde_schicht(self, schicht_id: int) -> QModelIndex:
        """The cell showing the shift (invalid if it is not in this month)."""
        if self._daten is None:
            return QModelIndex()
        for r, z in enumerate(self._daten.raster.zeilen):
            for c, (art, sp) in enumerate(self._spalten):
                if art is Art.SCHICHT and sp is not None:
                    if any(e.schicht.id == schicht_id for e in z.zellen.get(sp.schluessel, ())):
                        return self.index(r, c)
        return QModelIndex()

    def spalte_von(self, schluessel: str) -> int | None:
        for c, (art, sp) in enumerate(self._spalten):
            if art is Art.SCHICHT and sp is not None and sp.schluessel == schluessel:
                return c
        return None

    def name(self, person: int) -> str:
        if self._daten is not None and person in self._daten.namen:
            return self._daten.namen[person]
        return tr("Assistenzkraft Nr. {nr}").format(nr=person)

    # Qt model ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._daten is None:
            return 0
        return len(self._daten.raster.zeilen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spalten)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, abschnitt: int, ausrichtung: Qt.Orientation, rolle: int = R.DisplayRole) -> Any:
        if ausrichtung == Qt.Orientation.Vertical:
            return None
        if not 0 <= abschnitt < len(self._spalten):
            return None
        art, sp = self._spalten[abschnitt]
        if rolle == R.DisplayRole:
            # headers on several short lines, so that every column of the month fits at 100 % on 1280 × 800
            # (one-line "22:00–07:00 (Folgetag)" and "Abdeckung des Bedarfs" pushed the last columns out of view)
            if art is Art.SCHICHT and sp is not None:
                if not sp.zeiten:
                    return sp.titel.replace(" ", "\n", 1)
                return f"{sp.titel}\n{sp.zeiten.replace(' (', chr(10) + '(')}"
            return self._kopf(art).replace(" des ", "\ndes ")
        if rolle in (R.ToolTipRole, R.AccessibleTextRole):
            if art is Art.SCHICHT and sp is not None:
                return f"{sp.titel} {sp.zeiten}".strip()
            return self._kopf(art)
        return None

    @staticmethod
    def _kopf(art: Art) -> str:
        return {
            Art.TAG: tr("Tag"),
            Art.SCHICHT: tr("Schicht"),
            Art.BEMERKUNG: tr("Bemerkungen"),
            Art.ABDECKUNG: tr("Abdeckung des Bedarfs"),
            Art.PRUEFUNG: tr("Prüfung"),
        }[art]

    def data(self, index: Index, rolle: int = R.DisplayRole) -> Any:
        if rolle not in _RASTER_ROLLEN:  # most of what a view asks per cell (colours, alignment, size, …)
            return None
        zeile = self.zeile(index.row())
        if zeile is None or not 0 <= index.column() < len(self._spalten):
            return None
        art, sp = self._spalten[index.column()]
        if rolle == R.DisplayRole:
            return self.anzeigetext(zeile, art, sp)
        if rolle == R.AccessibleTextRole:
            return self.vorlesetext(zeile, art, sp)
        if rolle == R.ToolTipRole:
            return self._tooltip(zeile, art, sp)
        if rolle == R.DecorationRole:
            schwere = self._schwerste(zeile, art, sp)
            return schwere_symbol(schwere) if schwere is not None else None
        if rolle == R.FontRole and art is Art.TAG and (zeile.info.sonntag or zeile.info.feiertag):
            schrift = QFont()
            schrift.setBold(True)  # emphasis in addition to the words "Feiertag"/"So", not instead of them
            return schrift
        if rolle == EINTRAEGE_ROLLE:
            return self.eintraege(index)
        if rolle == TAG_ROLLE:
            return zeile.info.tag
        if rolle == SPALTE_ROLLE:
            return sp.schluessel if sp is not None else None
        return None

    # texts -------------------------------------------------------------------------------------------------
    def _hinweise(self, zeile: Rasterzeile, art: Art, sp: Spalte | None) -> list[Pruefhinweis]:
        if art is Art.PRUEFUNG or art is Art.TAG:
            return self._hinweise_tag.get(zeile.info.tag, [])
        if art is Art.SCHICHT and sp is not None:
            gesehen: list[Pruefhinweis] = []
            for e in zeile.zellen.get(sp.schluessel, ()):
                for h in self._hinweise_schicht.get(e.schicht.id or -1, []):
                    if h not in gesehen:
                        gesehen.append(h)
            return gesehen
        return []

    def _schwerste(self, zeile: Rasterzeile, art: Art, sp: Spalte | None) -> Schwere | None:
        if art is Art.TAG:
            return None  # the "Prüfung" column shows the day's count with its icon
        hinweise = self._hinweise(zeile, art, sp)
        if not hinweise:
            return None
        return min((h.schwere for h in hinweise), key=lambda s: texte.SCHWERE_RANG[s])

    def _zaehle(self, hinweise: Sequence[Pruefhinweis]) -> str:
        anzahlen: dict[Schwere, int] = {}
        for h in hinweise:
            anzahlen[h.schwere] = anzahlen.get(h.schwere, 0) + 1
        return texte.anzahl_hinweise(anzahlen)

    def tagesbemerkung(self, zeile: Rasterzeile) -> list[str]:
        """Holiday, 24.12./31.12. and absences of the day in words."""
        teile: list[str] = []
        if zeile.info.feiertag:
            teile.append(tr("Feiertag: {name}").format(name=zeile.info.feiertag))
        if zeile.info.besonderer_tag:
            teile.append(tr("{name} (ab 14 Uhr wie Feiertag)").format(name=zeile.info.besonderer_tag))
        for name, abw in zeile.abwesend:
            teile.append(f"{name}: {abw.art.bezeichnung}")
        return teile

    def abdeckungstext(self, zeile: Rasterzeile) -> str:
        d = zeile.abdeckung
        if d is None:
            return ""
        if d.vollstaendig:
            if not any(d.bedarf.values()):
                return tr("kein Bedarf")
            return tr("Bedarf gedeckt")
        return tr("offen: {luecken}").format(luecken=", ".join(lu.text for lu in d.luecken))

    def anzeigetext(self, zeile: Rasterzeile, art: Art, sp: Spalte | None) -> str:
        if art is Art.TAG:
            heute = tr(" (heute)") if zeile.info.tag == date.today() else ""
            return texte.tag_kurz(zeile.info.tag) + heute
        if art is Art.SCHICHT and sp is not None:
            return zeile.zelltext(sp.schluessel) or LEER
        if art is Art.BEMERKUNG:
            return "; ".join(self.tagesbemerkung(zeile))
        if art is Art.ABDECKUNG:
            return self.abdeckungstext(zeile)
        if art is Art.PRUEFUNG:
            return self._zaehle(self._hinweise_tag.get(zeile.info.tag, [])) or tr("in Ordnung")
        return ""

    def _eintrag_gesprochen(self, zeile: Rasterzeile, eintrag: Zelleneintrag, mit_zeit: bool) -> str:
        s = eintrag.schicht
        abwesend = {a.assistenzkraft_id: a for _n, a in zeile.abwesend}
        name = self.name(s.assistenzkraft_id)
        if eintrag.vertretung_fehlt and s.assistenzkraft_id in abwesend:
            text = tr("{name} ist abwesend ({art}), Vertretung fehlt").format(
                name=name, art=abwesend[s.assistenzkraft_id].art.bezeichnung
            )
        elif s.vertretung_fuer is not None:
            grund = abwesend.get(s.vertretung_fuer)
            text = tr("{name} vertritt {fuer}").format(name=name, fuer=self.name(s.vertretung_fuer))
            if grund is not None:
                text += f" ({grund.art.bezeichnung})"
        else:
            text = name
        if s.arbeitsart.value != "arbeit":
            text += ", " + s.arbeitsart.bezeichnung
        if mit_zeit:
            text += ", " + texte.zeitspanne_gesprochen(s.beginn, s.ende)
        if s.ist is not None:
            text += tr(", tatsächlich {zeit}").format(zeit=texte.zeitspanne_gesprochen(s.ist.beginn, s.ist.ende))
        return text

    def vorlesetext(self, zeile: Rasterzeile, art: Art, sp: Spalte | None) -> str:
        tag = texte.tag_lang(zeile.info.tag)
        if zeile.info.feiertag:
            tag += " (" + tr("Feiertag: {name}").format(name=zeile.info.feiertag) + ")"
        elif zeile.info.besonderer_tag:
            tag += f" ({zeile.info.besonderer_tag})"
        if art is Art.TAG:
            teile = self.tagesbemerkung(zeile)
            n = sum(len(v) for v in zeile.zellen.values())
            schichten = tr("keine Schicht") if n == 0 else anzahl(n, tr("Schicht"), tr("Schichten"))
            heute = tr(" (heute)") if zeile.info.tag == date.today() else ""
            return f"{texte.tag_lang(zeile.info.tag)}{heute}: {'; '.join([*teile, schichten])}"
        if art is Art.SCHICHT and sp is not None:
            kopf = f"{sp.titel} {sp.zeiten.replace('–', ' bis ')}".strip()
            eintraege = zeile.zellen.get(sp.schluessel, ())
            if eintraege:
                inhalt = "; ".join(self._eintrag_gesprochen(zeile, e, sp.schluessel == WEITERE) for e in eintraege)
            else:
                inhalt = tr("nicht besetzt")
            text = f"{tag}, {kopf}: {inhalt}"
            hinweise = self._hinweise(zeile, art, sp)
            if hinweise:
                text += ". " + texte.hinweise_kurz(hinweise)
            return text
        if art is Art.BEMERKUNG:
            teile = self.tagesbemerkung(zeile)
            return f"{tag}, {tr('Bemerkungen')}: {'; '.join(teile) if teile else tr('keine')}"
        if art is Art.ABDECKUNG:
            return f"{tag}, {tr('Abdeckung des Bedarfs')}: {self.abdeckungstext(zeile) or tr('kein Bedarf erfasst')}"
        if art is Art.PRUEFUNG:
            hinweise = self._hinweise_tag.get(zeile.info.tag, [])
            if not hinweise:
                return f"{tag}, {tr('Prüfung')}: {tr('in Ordnung')}"
            return f"{tag}, {tr('Prüfung')}: " + texte.hinweise_kurz(hinweise)
        return tag

    def _tooltip(self, zeile: Rasterzeile, art: Art, sp: Spalte | None) -> str | None:
        hinweise = self._hinweise(zeile, art, sp)
        if art is Art.SCHICHT and sp is not None:
            zeilen = [
                f"{self.name(e.schicht.assistenzkraft_id)}: {texte.zeitspanne(e.schicht.beginn, e.schicht.ende)}"
                f" ({e.schicht.arbeitsart.bezeichnung})"
                for e in zeile.zellen.get(sp.schluessel, ())
            ]
            zeilen += [f"{texte.SCHWERE_TEXT[h.schwere]}: {h.text}" for h in hinweise]
            return "\n".join(zeilen) or None
        if hinweise:
            return "\n".join(f"{texte.SCHWERE_TEXT[h.schwere]}: {h.text}" for h in hinweise)
        return None


class Kopfmodell(QAbstractTableModel):
    """A flat table of `_zeilen` under fixed German column titles (`KOEPFE`); subclasses give `data`."""

    KOEPFE: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._zeilen: list[Any] = []

    def _zeile_oder_none(self, reihe: int) -> Any:
        return self._zeilen[reihe] if 0 <= reihe < len(self._zeilen) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._zeilen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KOEPFE)

    def headerData(self, abschnitt: int, ausrichtung: Qt.Orientation, rolle: int = R.DisplayRole) -> Any:
        if ausrichtung == Qt.Orientation.Horizontal and rolle in (R.DisplayRole, R.AccessibleTextRole):
            return self.KOEPFE[abschnitt] if 0 <= abschnitt < len(self.KOEPFE) else None
        return None


class HinweisModell(Kopfmodell):
    """The month's Hinweise: severity (icon + word), day, assistant, text, legal basis."""

    KOEPFE = (tr("Schwere"), tr("Tag"), tr("Assistenzkraft"), tr("Hinweis"), tr("Rechtsgrundlage"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._namen: Mapping[int, str] = {}

    def setze(self, hinweise: Sequence[Pruefhinweis], namen: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._zeilen = list(hinweise)
        self._namen = namen
        self.endResetModel()

    def hinweis(self, reihe: int) -> Pruefhinweis | None:
        return self._zeile_oder_none(reihe)

    def _texte(self, h: Pruefhinweis) -> list[str]:
        person = ""
        if h.assistenzkraft_id is not None:
            person = self._namen.get(h.assistenzkraft_id, tr("Nr. {nr}").format(nr=h.assistenzkraft_id))
        return [
            texte.SCHWERE_TEXT[h.schwere],
            texte.tag_mit_datum(h.tag) if h.tag is not None else tr("ganzer Monat"),
            person,
            h.text,
            h.hinweis.rechtsgrundlage,
        ]

    def data(self, index: Index, rolle: int = R.DisplayRole) -> Any:
        h = self.hinweis(index.row())
        if h is None:
            return None
        if rolle in (R.DisplayRole, R.ToolTipRole):
            return self._texte(h)[index.column()]
        if rolle == R.AccessibleTextRole:
            t = self._texte(h)
            if index.column() != 0:  # the first cell reads the whole Hinweis, the others just their own value
                return f"{self.KOEPFE[index.column()]}: {t[index.column()] or tr('keine')}"
            tag = texte.tag_lang(h.tag) if h.tag is not None else t[1]
            teile = [tag, *([t[2]] if t[2] else []), t[3], *([t[4]] if t[4] else [])]
            return f"{t[0]}: " + ", ".join(teile)
        if rolle == R.DecorationRole and index.column() == 0:
            return schwere_symbol(h.schwere)
        if rolle == TAG_ROLLE:
            return h.tag
        return None


class SchichtSpalte(IntEnum):
    TAG = 0
    PLAN = 1
    ART = 2
    LEISTUNGSART = 3
    IST = 4
    STUNDEN = 5
    NOTIZ = 6


@dataclass(frozen=True)
class Schichtzeile:
    """A shift as the per-assistant and timesheet views show it; `stunden` is the core's text of the hours."""

    schicht: Schicht
    stunden: str
    hinweis: str = ""
    zukunft: bool = False  # after today without recorded time: planned, not worked yet (never "wie geplant")


class SchichtlisteModell(Kopfmodell):
    """One assistant's shifts of the month: planned and actual times (Stundenzettel)."""

    KOEPFE = (
        tr("Tag"),
        tr("Geplant"),
        tr("Art"),
        tr("Leistungsart"),
        tr("Tatsächlich"),
        tr("Stunden"),
        tr("Notiz"),  # as the field she types it in (and short: the list fits at 200 %)
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._namen: Mapping[int, str] = {}

    def setze(self, zeilen: Sequence[Schichtzeile], namen: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._zeilen = list(zeilen)
        self._namen = namen
        self.endResetModel()

    def zeile(self, reihe: int) -> Schichtzeile | None:
        return self._zeile_oder_none(reihe)

    def headerData(self, abschnitt: int, ausrichtung: Qt.Orientation, rolle: int = R.DisplayRole) -> Any:
        if rolle == AUCH_IN and ausrichtung == Qt.Orientation.Horizontal:
            # the shift's template is its column in the month grid: this one gives way first where room is short
            return tr("im Monatsplan") if abschnitt == SchichtSpalte.ART else ""
        return super().headerData(abschnitt, ausrichtung, rolle)

    def reihe_von(self, schicht_id: int) -> int | None:
        for i, z in enumerate(self._zeilen):
            if z.schicht.id == schicht_id:
                return i
        return None

    def _text(self, z: Schichtzeile, spalte: int) -> str:
        s = z.schicht
        if spalte == SchichtSpalte.TAG:  # "Di 1." as in the grid: the month is above the list, "Di 01.12." too wide
            return texte.tag_kurz(s.tag)
        if spalte == SchichtSpalte.PLAN:
            return texte.umbrechbar(texte.zeitspanne(s.beginn, s.ende))
        if spalte == SchichtSpalte.ART:
            return s.vorlage or s.arbeitsart.bezeichnung
        if spalte == SchichtSpalte.LEISTUNGSART:
            return s.leistungsart or tr("nicht zugeordnet")
        if spalte == SchichtSpalte.IST:
            if s.ist is not None:
                return texte.umbrechbar(texte.zeitspanne(s.ist.beginn, s.ist.ende))
            return tr("noch nicht gearbeitet") if z.zukunft else tr("wie geplant")
        if spalte == SchichtSpalte.STUNDEN:
            return z.stunden
        if spalte == SchichtSpalte.NOTIZ:
            teile = []
            if s.vertretung_fuer is not None:
                teile.append(tr("Vertretung für {name}").format(name=self._namen.get(s.vertretung_fuer, "?")))
            if s.ist is not None and s.ist.notiz:
                teile.append(s.ist.notiz)
            if s.notiz:
                teile.append(s.notiz)
            if z.hinweis:
                teile.append(z.hinweis)
            return "; ".join(teile)
        return ""

    def data(self, index: Index, rolle: int = R.DisplayRole) -> Any:
        z = self.zeile(index.row())
        if z is None:
            return None
        if rolle == R.DisplayRole and index.column() in (SchichtSpalte.ART, SchichtSpalte.NOTIZ):
            return texte.trennbar(self._text(z, index.column()))  # "Nacht-bereitschaft", a long word of a note
        if rolle in (R.DisplayRole, R.ToolTipRole):
            return self._text(z, index.column())
        if rolle == R.AccessibleTextRole:
            kopf = self.KOEPFE[index.column()]
            s = z.schicht
            wert = self._text(z, index.column()) or tr("leer")
            if index.column() == SchichtSpalte.PLAN:
                wert = texte.zeitspanne_gesprochen(s.beginn, s.ende)
            elif index.column() == SchichtSpalte.IST and s.ist is not None:
                wert = texte.zeitspanne_gesprochen(s.ist.beginn, s.ist.ende)
            return f"{texte.tag_lang(s.tag)}, {kopf}: {wert}"
        if rolle == TAG_ROLLE:
            return z.schicht.tag
        return None


class AbwesenheitsModell(Kopfmodell):
    """Absences of the month: kind, period, certificate, note."""

    KOEPFE = (tr("Art"), tr("Von"), tr("Bis"), tr("Bescheinigung erhalten am"), tr("Notiz"))

    def setze(self, abwesenheiten: Sequence[Abwesenheit]) -> None:
        self.beginResetModel()
        self._zeilen = sorted(abwesenheiten, key=lambda a: a.von)
        self.endResetModel()

    def abwesenheit(self, reihe: int) -> Abwesenheit | None:
        return self._zeile_oder_none(reihe)

    def _text(self, a: Abwesenheit, spalte: int) -> str:
        if spalte == 0:
            return a.art.bezeichnung
        if spalte == 1:
            return texte.datum(a.von)
        if spalte == 2:
            return texte.datum(a.bis)
        if spalte == 3:
            if not a.art.mit_bescheinigung:
                return tr("nicht nötig")
            return texte.datum(a.bescheinigung_am) if a.bescheinigung_am else tr("noch nicht erhalten")
        return a.notiz

    def data(self, index: Index, rolle: int = R.DisplayRole) -> Any:
        a = self.abwesenheit(index.row())
        if a is None:
            return None
        if rolle == R.DisplayRole and index.column() in (0, 4):  # "Beschäfti-gungsverbot", a long word of a note
            return texte.trennbar(self._text(a, index.column()))
        if rolle in (R.DisplayRole, R.ToolTipRole):
            return self._text(a, index.column())
        if rolle == R.AccessibleTextRole:
            return f"{a.art.bezeichnung}, {self.KOEPFE[index.column()]}: {self._text(a, index.column()) or tr('leer')}"
        return None
