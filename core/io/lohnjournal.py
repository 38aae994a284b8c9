"""The Lohnjournal of a month: every assistant × every Lohnart and total, for the month and the year to date.

What a payroll office's Lohnjournal shows (DATEV and Lexware „Lohnjournal“): per employee the Lohnarten paid,
Gesamtbrutto, Steuerbrutto, SV-Brutto, the employee's taxes and SV shares, Nettoentgelt, further deductions,
Auszahlungsbetrag, and the employer's shares, Umlagen and Pauschsteuer, with the total of all employees — once for
the month and once cumulated for the year. Rows here are those lines, columns the assistants plus the total (the
layout a household with a handful of assistants reads best). The values are the stored results' own; the total
column only adds them up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.abrechnung.modell import Lohnart
from core.domain.geld import NULL
from core.domain.kalender import MONATE
from core.io.belegdaten import Beleggrundlage, Monatsbelege
from core.io.belegtabelle import Zeile
from core.regeln.klassifikation import Beschaeftigungsart

BESCHAEFTIGUNG_KURZ: dict[Beschaeftigungsart, str] = {
    Beschaeftigungsart.MINIJOB: "Minijob",
    Beschaeftigungsart.MIDIJOB: "Übergangsbereich",
    Beschaeftigungsart.KURZFRISTIG: "kurzfristig",
    Beschaeftigungsart.SV_PFLICHTIG: "SV-pflichtig",
}


@dataclass(frozen=True, slots=True)
class Journalperson:
    """A column: one assistant."""

    personalnummer: str
    name: str
    beschaeftigung: str

    @property
    def kopf(self) -> str:
        return f"{self.name}\n{self.personalnummer} · {self.beschaeftigung}"


@dataclass(frozen=True, slots=True)
class Journalteil:
    """The month's block or the year-to-date block: rows with one value per assistant."""

    titel: str
    zeilen: tuple[Zeile, ...]


@dataclass(frozen=True, slots=True)
class Lohnjournal:
    jahr: int
    monat: int
    arbeitgeber: str
    personen: tuple[Journalperson, ...]
    teile: tuple[Journalteil, ...]
    entwurf: bool = False
    hinweise: tuple[str, ...] = ()

    @property
    def titel(self) -> str:
        titel = f"Lohnjournal {MONATE[self.monat - 1]} {self.jahr}"
        return f"ENTWURF – {titel}" if self.entwurf else titel


# --------------------------------------------------------------------------------------------------------
# From the stored results to the journal
# --------------------------------------------------------------------------------------------------------

_ZEITRAUM = re.compile(
    r"\s+\d{2}\.\d{2}\.(?:\s*[–-]\s*\d{2}\.\d{2}\.)?(?:\s*,\s*\d{2}\.\d{2}\.(?:\s*[–-]\s*\d{2}\.\d{2}\.)?)*$"
)


def lohnart_gruppe(la: Lohnart) -> tuple[str, str]:
    """The journal row of a payslip line: its key and its text without the dates of the absence it pays."""
    return la.schluessel, _ZEITRAUM.sub("", la.text)


def _lohnarten(eintraege: Sequence[Sequence[Beleggrundlage]]) -> list[Zeile]:
    """Rows per Lohnart; `eintraege[i]` are the stored months of person i (one for the month, several for the year)."""
    gruppen: dict[tuple[str, str], list[Decimal | None]] = {}
    for i, monate in enumerate(eintraege):
        for g in monate:
            for la in g.ergebnis.lohnarten:
                werte = gruppen.setdefault(lohnart_gruppe(la), [None] * len(eintraege))
                werte[i] = (werte[i] or NULL) + la.betrag
    return [Zeile(s, t, tuple(w)) for (s, t), w in sorted(gruppen.items())]


_MONATSZEILEN: tuple[tuple[str, str, str, bool, str], ...] = (
    # (field of Monatsergebnis, text, abschnitt, fett, art)
    ("brutto", "Gesamtbrutto", "brutto", True, "eur"),
    ("steuerfreie_zuschlaege", "darin steuerfreie Zuschläge (§ 3b EStG)", "brutto", False, "eur"),
    ("sachbezuege", "darin Sachbezüge", "brutto", False, "eur"),
    ("laufendes_steuerbrutto", "Steuerbrutto laufend", "brutto", False, "eur"),
    ("sonstige_bezuege", "Sonstige Bezüge (Steuerbrutto einmalig)", "brutto", False, "eur"),
    ("kv_entgelt", "SV-Brutto KV/PV", "brutto", False, "eur"),
    ("rv_entgelt", "SV-Brutto RV/AV", "brutto", False, "eur"),
    ("lohnsteuer", "Lohnsteuer", "abzug", False, "eur"),
    ("solidaritaetszuschlag", "Solidaritätszuschlag", "abzug", False, "eur"),
    ("kirchensteuer", "Kirchensteuer", "abzug", False, "eur"),
    ("kv_an", "Krankenversicherung AN", "abzug", False, "eur"),
    ("pv_an", "Pflegeversicherung AN", "abzug", False, "eur"),
    ("rv_an", "Rentenversicherung AN", "abzug", False, "eur"),
    ("av_an", "Arbeitslosenversicherung AN", "abzug", False, "eur"),
    ("netto", "Nettoentgelt", "netto", True, "eur"),
    ("vorschuesse", "Vorschüsse (abgezogen)", "netto", False, "eur"),
    ("verrechnungen", "Verrechnungen (±)", "netto", False, "eur"),
    ("auszahlung", "Auszahlungsbetrag", "netto", True, "eur"),
    ("kv_ag", "Krankenversicherung AG", "arbeitgeber", False, "eur"),
    ("pv_ag", "Pflegeversicherung AG", "arbeitgeber", False, "eur"),
    ("rv_ag", "Rentenversicherung AG", "arbeitgeber", False, "eur"),
    ("av_ag", "Arbeitslosenversicherung AG", "arbeitgeber", False, "eur"),
    ("umlage_u1", "Umlage U1", "arbeitgeber", False, "eur"),
    ("umlage_u2", "Umlage U2", "arbeitgeber", False, "eur"),
    ("insolvenzgeldumlage", "Insolvenzgeldumlage", "arbeitgeber", False, "eur"),
    ("pauschsteuer", "Pauschsteuer", "arbeitgeber", False, "eur"),
    ("unfallversicherung", "Unfallversicherung", "arbeitgeber", False, "eur"),
    ("arbeitgeberkosten", "Arbeitgeberkosten gesamt", "arbeitgeber", True, "eur"),
    ("stunden", "Bezahlte Stunden", "info", False, "zahl"),
    ("sv_tage", "SV-Tage", "info", False, "zahl"),
)

# The year-to-date rows from the result's own running totals (Jahreswerte include carried-over figures).
_JAHRESZEILEN: tuple[tuple[str, str, str, bool, str], ...] = (
    ("brutto", "Gesamtbrutto", "brutto", True, "eur"),
    ("steuerfreie_bezuege", "darin steuerfreie Zuschläge (§ 3b EStG)", "brutto", False, "eur"),
    ("sachbezuege", "darin Sachbezüge", "brutto", False, "eur"),
    ("steuerbrutto", "Steuerbrutto laufend", "brutto", False, "eur"),
    ("sonstige_bezuege", "Sonstige Bezüge (Steuerbrutto einmalig)", "brutto", False, "eur"),
    ("entgelt_kv", "SV-Brutto KV/PV", "brutto", False, "eur"),
    ("entgelt_rv", "SV-Brutto RV/AV", "brutto", False, "eur"),
    ("lohnsteuer", "Lohnsteuer", "abzug", False, "eur"),
    ("solidaritaetszuschlag", "Solidaritätszuschlag", "abzug", False, "eur"),
    ("kirchensteuer", "Kirchensteuer", "abzug", False, "eur"),
    ("kv_an", "Krankenversicherung AN", "abzug", False, "eur"),
    ("pv_an", "Pflegeversicherung AN", "abzug", False, "eur"),
    ("rv_an", "Rentenversicherung AN", "abzug", False, "eur"),
    ("av_an", "Arbeitslosenversicherung AN", "abzug", False, "eur"),
    ("netto", "Nettoentgelt", "netto", True, "eur"),
    ("auszahlung", "Auszahlungsbetrag", "netto", True, "eur"),
    ("kv_ag", "Krankenversicherung AG", "arbeitgeber", False, "eur"),
    ("pv_ag", "Pflegeversicherung AG", "arbeitgeber", False, "eur"),
    ("rv_ag", "Rentenversicherung AG", "arbeitgeber", False, "eur"),
    ("av_ag", "Arbeitslosenversicherung AG", "arbeitgeber", False, "eur"),
    ("umlage_u1", "Umlage U1", "arbeitgeber", False, "eur"),
    ("umlage_u2", "Umlage U2", "arbeitgeber", False, "eur"),
    ("insolvenzgeldumlage", "Insolvenzgeldumlage", "arbeitgeber", False, "eur"),
    ("pauschsteuer", "Pauschsteuer", "arbeitgeber", False, "eur"),
    ("unfallversicherung", "Unfallversicherung", "arbeitgeber", False, "eur"),
    ("arbeitgeberkosten", "Arbeitgeberkosten gesamt", "arbeitgeber", True, "eur"),
    ("sv_tage", "SV-Tage", "info", False, "zahl"),
)


def _feldzeilen(quellen: Sequence[object], felder: Sequence[tuple[str, str, str, bool, str]]) -> list[Zeile]:
    zeilen = []
    for feld, text, abschnitt, fett, art in felder:
        werte = tuple(Decimal(getattr(q, feld)) for q in quellen)
        zeilen.append(Zeile("", text, werte, abschnitt, fett, art))
    return zeilen


def lohnjournal(monat: Monatsbelege, jahr_bisher: Sequence[Monatsbelege] = ()) -> Lohnjournal:
    """The month's journal and its year-to-date block.

    `jahr_bisher`: the year's earlier months as stored (for the Lohnarten of the year); the totals of the year come
    from each result's own Jahreswerte, which include figures carried over from before the Abrechnungsbeginn."""
    eintraege = monat.eintraege
    personen = tuple(
        Journalperson(g.personalnummer, g.name, BESCHAEFTIGUNG_KURZ[g.ergebnis.beschaeftigung]) for g in eintraege
    )
    monat_zeilen = _lohnarten([[g] for g in eintraege]) + _feldzeilen([g.ergebnis for g in eintraege], _MONATSZEILEN)
    frueher: list[list[Beleggrundlage]] = [[g] for g in eintraege]
    for vormonat in jahr_bisher:
        if (vormonat.jahr, vormonat.monat) >= (monat.jahr, monat.monat) or vormonat.jahr != monat.jahr:
            continue
        nach_nummer = {g.personalnummer: g for g in vormonat.eintraege}
        for i, g in enumerate(eintraege):
            if g.personalnummer in nach_nummer:
                frueher[i].append(nach_nummer[g.personalnummer])
    jahr_zeilen = _lohnarten(frueher) + _feldzeilen([g.ergebnis.jahreswerte for g in eintraege], _JAHRESZEILEN)
    hinweise: list[str] = [
        "Jahressummen: laufende Jahreswerte der Abrechnung (einschließlich übernommener Werte vor dem "
        "Abrechnungsbeginn); die Lohnarten des Jahres nur aus den im Programm abgerechneten Monaten."
    ]
    if any(not g.ergebnis.vorgeschichte_bekannt for g in eintraege):
        hinweise.append(
            "Für mindestens eine Assistenzkraft ist die Vorgeschichte des Jahres unbekannt; die Jahressummen "
            "enthalten dann nur die Monate im Programm."
        )
    return Lohnjournal(
        jahr=monat.jahr,
        monat=monat.monat,
        arbeitgeber=monat.arbeitgeber_name,
        personen=personen,
        teile=(
            Journalteil(monat.monat_text, tuple(monat_zeilen)),
            Journalteil(
                f"Januar bis {monat.monat_text}" if monat.monat > 1 else f"Jahr {monat.monat_text}", tuple(jahr_zeilen)
            ),
        ),
        entwurf=monat.entwurf,
        hinweise=tuple(hinweise),
    )
