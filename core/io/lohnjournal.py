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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.abrechnung.modell import Jahreswerte, Lohnart
from core.domain.geld import NULL
from core.domain.kalender import MONATE
from core.domain.zahlen import format_eur
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


#: The totals of a month (field of Monatsergebnis) and of the year (field of Jahreswerte, "" when it has none):
#: (Monatsergebnis field, Jahreswerte field, text, abschnitt, fett, art). Shared by Lohnjournal and Lohnkonto.
SUMMENZEILEN: tuple[tuple[str, str, str, str, bool, str], ...] = (
    ("brutto", "brutto", "Gesamtbrutto (Arbeitslohn)", "brutto", True, "eur"),
    (
        "steuerfreie_zuschlaege",
        "steuerfreie_bezuege",
        "darin steuerfreie Zuschläge (§ 3b EStG)",
        "brutto",
        False,
        "eur",
    ),
    ("sachbezuege", "sachbezuege", "darin Sachbezüge (§ 8 Abs. 2 EStG)", "brutto", False, "eur"),
    (
        "zuschuss_mutterschaftsgeld",
        "zuschuss_mutterschaftsgeld",
        "Zuschuss zum Mutterschaftsgeld (§ 3 Nr. 1 d EStG)",
        "brutto",
        False,
        "eur",
    ),
    ("laufendes_steuerbrutto", "steuerbrutto", "Steuerbrutto laufend", "brutto", False, "eur"),
    ("sonstige_bezuege", "sonstige_bezuege", "Sonstige Bezüge (Steuerbrutto einmalig)", "brutto", False, "eur"),
    ("kv_entgelt", "entgelt_kv", "SV-Brutto KV/PV", "brutto", False, "eur"),
    ("rv_entgelt", "entgelt_rv", "SV-Brutto RV/AV", "brutto", False, "eur"),
    ("lohnsteuer", "lohnsteuer", "Lohnsteuer", "abzug", False, "eur"),
    ("solidaritaetszuschlag", "solidaritaetszuschlag", "Solidaritätszuschlag", "abzug", False, "eur"),
    ("kirchensteuer", "kirchensteuer", "Kirchensteuer", "abzug", False, "eur"),
    ("kv_an", "kv_an", "Krankenversicherung AN", "abzug", False, "eur"),
    ("pv_an", "pv_an", "Pflegeversicherung AN", "abzug", False, "eur"),
    ("rv_an", "rv_an", "Rentenversicherung AN", "abzug", False, "eur"),
    ("av_an", "av_an", "Arbeitslosenversicherung AN", "abzug", False, "eur"),
    ("netto", "netto", "Nettoentgelt", "netto", True, "eur"),
    ("vorschuesse", "", "Vorschüsse (abgezogen)", "netto", False, "eur"),
    ("verrechnungen", "", "Verrechnungen (±)", "netto", False, "eur"),
    ("auszahlung", "auszahlung", "Auszahlungsbetrag", "netto", True, "eur"),
    ("kv_ag", "kv_ag", "Krankenversicherung AG", "arbeitgeber", False, "eur"),
    ("pv_ag", "pv_ag", "Pflegeversicherung AG", "arbeitgeber", False, "eur"),
    ("rv_ag", "rv_ag", "Rentenversicherung AG", "arbeitgeber", False, "eur"),
    ("av_ag", "av_ag", "Arbeitslosenversicherung AG", "arbeitgeber", False, "eur"),
    ("umlage_u1", "umlage_u1", "Umlage U1", "arbeitgeber", False, "eur"),
    ("umlage_u2", "umlage_u2", "Umlage U2", "arbeitgeber", False, "eur"),
    ("insolvenzgeldumlage", "insolvenzgeldumlage", "Insolvenzgeldumlage", "arbeitgeber", False, "eur"),
    ("pauschsteuer", "pauschsteuer", "Pauschsteuer (§ 40a EStG, trägt die Arbeitgeberin)", "arbeitgeber", False, "eur"),
    ("unfallversicherung", "unfallversicherung", "Unfallversicherung", "arbeitgeber", False, "eur"),
    ("arbeitgeberkosten", "arbeitgeberkosten", "Arbeitgeberkosten gesamt", "arbeitgeber", True, "eur"),
    ("stunden", "", "Bezahlte Stunden", "info", False, "zahl"),
    ("sv_tage", "sv_tage", "SV-Tage", "info", False, "tage"),
)


def _feldzeilen(quellen: Sequence[object], jahr: bool) -> list[Zeile]:
    """The total rows: from the results (`jahr` False) or from their Jahreswerte (`jahr` True)."""
    zeilen = []
    for feld, jahresfeld, text, abschnitt, fett, art in SUMMENZEILEN:
        name = jahresfeld if jahr else feld
        if name:
            zeilen.append(Zeile("", text, tuple(Decimal(getattr(q, name)) for q in quellen), abschnitt, fett, art))
    return zeilen


def lohnjournal(
    monat: Monatsbelege, jahr_bisher: Sequence[Monatsbelege] = (), jahressummen: Mapping[int, Jahreswerte] | None = None
) -> Lohnjournal:
    """The month's journal and its year-to-date block.

    `jahr_bisher`: the year's earlier months as stored (for the Lohnarten of the year); the totals of the year come
    from each result's own Jahreswerte, which include figures carried over from before the Abrechnungsbeginn, or for
    a finalised month from `jahressummen` (by assistant, `ablage.jahressummen`): a correction of an earlier month
    settled after this one was finalised is in the year's Lohnarten, so it must be in the year's totals too."""
    eintraege = monat.eintraege
    personen = tuple(
        Journalperson(g.personalnummer, g.name, BESCHAEFTIGUNG_KURZ[g.ergebnis.beschaeftigung]) for g in eintraege
    )
    monat_zeilen = _lohnarten([[g] for g in eintraege]) + _feldzeilen([g.ergebnis for g in eintraege], jahr=False)
    frueher: list[list[Beleggrundlage]] = [[g] for g in eintraege]
    for vormonat in jahr_bisher:
        if (vormonat.jahr, vormonat.monat) >= (monat.jahr, monat.monat) or vormonat.jahr != monat.jahr:
            continue
        nach_nummer = {g.personalnummer: g for g in vormonat.eintraege}
        for i, g in enumerate(eintraege):
            if g.personalnummer in nach_nummer:
                frueher[i].append(nach_nummer[g.personalnummer])
    summen = jahressummen or {}
    jahreswerte = [summen.get(g.ergebnis.assistenzkraft_id, g.ergebnis.jahreswerte) for g in eintraege]
    jahr_zeilen = _lohnarten(frueher) + _feldzeilen(jahreswerte, jahr=True)
    hinweise: list[str] = [
        "Jahressummen: laufende Jahreswerte der Abrechnung (einschließlich übernommener Werte vor dem "
        "Abrechnungsbeginn); die Lohnarten des Jahres nur aus den im Programm abgerechneten Monaten."
    ]
    if any(not g.ergebnis.vorgeschichte_bekannt for g in eintraege):
        hinweise.append(
            "Für mindestens eine Assistenzkraft ist die Vorgeschichte des Jahres unbekannt; die Jahressummen "
            "enthalten dann nur die Monate im Programm."
        )
    for o, _person in monat.ohne_vertrag:
        was = "Nachzahlung" if o.differenz > 0 else "Rückforderung"
        wohin = "eigene Überweisung in der Zahlungsliste" if o.differenz > 0 else "zurückzufordern"
        hinweise.append(
            f"Nachberechnung ohne Abrechnungszeile (kein Arbeitsvertrag im {monat.monat_text}): {o.name} "
            f"(Pers.-Nr. {o.personalnummer}), {o.verwendungszweck}: {was} {format_eur(abs(o.differenz))} netto, "
            f"{wohin}; nicht in den Summen oben (Beiträge und Steuern: in der Fassung des korrigierten Monats)."
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
