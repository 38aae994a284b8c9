"""The DEÜV-Meldungen of a month as PDF (one block per Meldung, in the order of the SV-Meldeportal's mask
"Meldung zur Sozialversicherung") and Excel (one row per Meldung); `assistenzbuero export deuev --monat JJJJ-MM`."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from reportlab.platypus import CondPageBreak, Spacer

from core.fehler import EingabeFehler
from core.io.belege_basis import ZEHNTEL_MM, absatz, druck_a4
from core.io.excel import schreibe, speichere
from core.meldungen.deuev import FELDSTAND, PERSONENGRUPPEN, Meldung, Meldungen, deuev_meldungen
from core.meldungen.dokument import (
    UEBERMITTLUNG,
    blatt_anfang,
    blatt_fuss,
    kopf_tabelle,
    meldung_pdf,
    ohne_assistenzkraft,
    schreibe_meldung,
    spaltenkoepfe,
)
from core.persistence.datenbank import Datenbank

BEITRAGSGRUPPE = "KV-RV-AV-PV (1 = allgemein/voll, 5 = RV pauschal, 6 = KV pauschal, 0 = kein Beitrag)"
UEBERGANGSBEREICH = {
    "0": "0 – kein Entgelt im Übergangsbereich",
    "1": "1 – Entgelt durchgehend im Übergangsbereich (Entgelt = reduzierte beitragspflichtige Einnahme)",
    "2": "2 – Entgelt teils im, teils außerhalb des Übergangsbereichs",
}


#: Column widths of the Excel sheet in characters (the Erläuterung wraps).
BREITEN = (10, 10, 14, 16, 11, 11, 11, 11, 11, 10, 12, 13, 13, 12, 13, 11, 40)
#: The DSME mark of a cancellation (Gemeinsame Grundsätze, "Stornierung von Meldungen": the record with the data
#: as originally reported and the Kennzeichen "Stornierung einer bereits abgegebenen Meldung").
STORNO = "J – Stornierung einer bereits abgegebenen Meldung (mit den ursprünglich gemeldeten Daten)"


def _bloecke(m: Meldung, ms: Meldungen) -> list[tuple[str, Meldung, str]]:
    """(heading, Meldung, Erläuterung) in the order to type them: a cancellation of the Meldung as issued, then the
    Neumeldung; a Meldung done away with (`Meldungen.entfallen`) only cancelled; else the Meldung alone."""
    if m in ms.entfallen:
        return [(f"Stornierung – {m.grund_text}", m, m.storno_hinweis)]
    if m.storno is None:
        return [(m.grund_text, m, m.erlaeuterung)]
    neu = "; ".join(t for t in (m.storno_hinweis, m.erlaeuterung) if t)
    return [
        (f"Stornierung – {m.storno.grund_text}", m.storno, m.storno_hinweis),
        (f"Neumeldung nach Storno – {m.grund_text}", m, neu),
    ]


def _felder(m: Meldung, betriebsnummer: str, *, storno: bool = False) -> list[tuple[str, str]]:
    felder = [
        ("Abgabegrund (DSME GD)", m.grund_text),
        ("Stornierung (DSME KENNZSTO)", STORNO if storno else "N – keine Stornierung"),
        ("Betriebsnummer der Arbeitgeberin (DSME BBNRVU)", betriebsnummer),
        ("Versicherungsnummer (DSME VSNR)", m.versicherungsnummer or "(keine – Angaben zur Vergabe unten)"),
        ("Vorname und Name (DBNA)", m.name),
    ]
    if m.grund == "10" or not m.versicherungsnummer:
        felder += [
            ("Geburtsdatum (DBGB)", f"{m.geburtsdatum:%d.%m.%Y}" if m.geburtsdatum else ""),
            ("Geburtsname, Geburtsort (DBGB)", ", ".join(t for t in (m.geburtsname, m.geburtsort) if t)),
            ("Staatsangehörigkeit (DSME SASC)", m.staatsangehoerigkeit),
            ("Anschrift (DBAN)", m.anschrift),
        ]
    felder += [
        (
            "Zeitraum (DBME ZRBG, ZREN)",
            f"{m.von:%d.%m.%Y}" + (f" bis {m.bis:%d.%m.%Y}" if m.bis else ""),
        ),
        ("Personengruppe (DSME PERSGR)", f"{m.personengruppe} – {PERSONENGRUPPEN.get(m.personengruppe, '')}"),
        ("Beitragsgruppe (DBME BYGR)", f"{m.beitragsgruppe} ({BEITRAGSGRUPPE})"),
        ("Tätigkeitsschlüssel (DBME TTSC)", m.taetigkeitsschluessel),
        ("Beitragspflichtiges Bruttoarbeitsentgelt, volle € (DBME EG)", "" if m.entgelt is None else str(m.entgelt)),
        ("Übergangsbereich (DBME KENNZMIDI)", UEBERGANGSBEREICH[m.kennzeichen_uebergangsbereich]),
    ]
    if m.entgelt_rentenberechnung is not None:
        felder.append(("Entgelt Rentenberechnung, volle € (DBME EGRB)", str(m.entgelt_rentenberechnung)))
    felder += [
        ("Mehrfachbeschäftigung (DBME KENNZMF)", "ja" if m.mehrfachbeschaeftigung else "nein"),
        (
            "Einzugsstelle, Betriebsnummer (DSME BBNRKK)",
            f"{m.einzugsstelle} ({m.betriebsnummer_einzugsstelle})",
        ),
        ("Abgabe", "unverzüglich (§ 14 Abs. 1 DEÜV)")
        if storno or m.storno is not None
        else ("Abgabe spätestens", f"{m.faellig:%d.%m.%Y}"),
    ]
    if m.erlaeuterung:
        felder.append(("Warum diese Meldung", m.erlaeuterung))
    return felder


def _titel(ms: Meldungen) -> str:
    return f"DEÜV-Meldungen {ms.monat:02d}/{ms.jahr}"


def deuev_pdf(ms: Meldungen, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    inhalt: list[Any] = [
        absatz(_titel(ms), "titel"),
        absatz(
            f"{ms.arbeitgeber} · Werte für die Maske „Meldung zur Sozialversicherung“ im SV-Meldeportal "
            "(DEÜV; Datensatz DSME mit Datenbaustein DBME)",
            "unter",
        ),
    ]
    for m in (*ms.meldungen, *ms.entfallen):
        if m.storno_hinweis:
            inhalt.append(absatz(m.storno_hinweis, "text"))
    for m in (*ms.meldungen, *ms.entfallen):
        for kopf, meldung, _erlaeuterung in _bloecke(m, ms):
            inhalt += [
                CondPageBreak(450 * ZEHNTEL_MM),
                Spacer(1, 40 * ZEHNTEL_MM),
                absatz(f"{m.name} ({m.personalnummer}): {kopf}", "gross"),
                kopf_tabelle(_felder(meldung, ms.betriebsnummer, storno=meldung is m.storno or m in ms.entfallen)),
            ]
    for hinweis in ms.hinweise:
        inhalt.append(absatz(hinweis, "text"))
    if ms.haushaltsscheck:
        inhalt.append(
            absatz(
                "Im Haushaltsscheckverfahren meldet der Haushaltsscheck selbst (keine DEÜV-Meldung hier): "
                + ", ".join(ms.haushaltsscheck)
                + ".",
                "text",
            )
        )
    inhalt += [Spacer(1, 40 * ZEHNTEL_MM), absatz(FELDSTAND, "klein"), absatz(UEBERMITTLUNG, "klein")]
    meldung_pdf(
        ziel, inhalt, titel=_titel(ms), autor=ms.arbeitgeber, gedruckt_am=gedruckt_am, ueberschreiben=ueberschreiben
    )


def deuev_xlsx(ms: Meldungen, ziel: Path, *, gedruckt_am: date, ueberschreiben: bool = False) -> None:
    mappe = Workbook()
    blatt = mappe.worksheets[0]
    blatt.title = "DEÜV-Meldungen"
    kopfzeile = blatt_anfang(blatt, _titel(ms))
    koepfe = [
        "Abgabegrund (GD)",
        "Stornierung (KENNZSTO)",
        "Versicherungsnummer (VSNR)",
        "Name",
        "von (ZRBG)",
        "bis (ZREN)",
        "Personengruppe (PERSGR)",
        "Beitragsgruppe (BYGR)",
        "Tätigkeitsschlüssel (TTSC)",
        "Entgelt, volle € (EG)",
        "Übergangsbereich 0/1/2 (KENNZMIDI)",
        "Entgelt Rentenberechnung, volle € (EGRB)",
        "Mehrfachbeschäftigung (KENNZMF)",
        "Einzugsstelle",
        "Betriebsnummer Einzugsstelle (BBNRKK)",
        "Abgabe spätestens",
        "Erläuterung",
    ]
    spaltenkoepfe(blatt, kopfzeile, koepfe)
    for spalte, breite in enumerate(BREITEN, start=1):
        blatt.column_dimensions[get_column_letter(spalte)].width = breite
        blatt.cell(row=kopfzeile, column=spalte).alignment = Alignment(wrap_text=True, vertical="top")
    blatt.row_dimensions[kopfzeile].height = 56  # four lines of a head (LibreOffice does not grow wrapped rows)
    zeilen = [
        (m, erlaeuterung, m is not gemeldet or gemeldet in ms.entfallen)
        for gemeldet in (*ms.meldungen, *ms.entfallen)
        for _k, m, erlaeuterung in _bloecke(gemeldet, ms)
    ]
    for zeile, (m, erlaeuterung, storno) in enumerate(zeilen, start=kopfzeile + 1):
        blatt.row_dimensions[zeile].height = 56 if erlaeuterung else 15
        werte: list[Any] = [
            m.grund,
            "J" if storno else "N",
            m.versicherungsnummer,
            m.name,
            m.von,
            m.bis,
            m.personengruppe,
            m.beitragsgruppe,
            m.taetigkeitsschluessel,
            m.entgelt,
            m.kennzeichen_uebergangsbereich,
            m.entgelt_rentenberechnung,
            "ja" if m.mehrfachbeschaeftigung else "nein",
            m.einzugsstelle,
            m.betriebsnummer_einzugsstelle,
            "unverzüglich" if storno or m.storno is not None else m.faellig,
            erlaeuterung,
        ]
        for spalte, wert in enumerate(werte, start=1):
            zelle = schreibe(blatt.cell(row=zeile, column=spalte), wert)
            zelle.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(wert, date):
                zelle.number_format = "DD.MM.YYYY"
            elif isinstance(wert, int):
                zelle.number_format = "#,##0"
    unten = blatt_fuss(
        blatt,
        kopfzeile + len(zeilen) + 2,
        (*ms.hinweise, FELDSTAND, UEBERMITTLUNG, f"gedruckt am {gedruckt_am:%d.%m.%Y} · Assistenzbüro"),
    )
    druck_a4(
        blatt, quer=True, titelzeilen=f"{kopfzeile}:{kopfzeile}", letzte_zeile=unten - 1, letzte_spalte=len(koepfe)
    )
    speichere(mappe, ziel, ueberschreiben=ueberschreiben)


def deuev_exportieren(db: Datenbank, jahr: int, monat: int, ziel: Path, *, ueberschreiben: bool = False) -> str:
    def lade() -> Meldungen:
        ms = deuev_meldungen(db, jahr, monat)
        if not ms.meldungen and not ms.entfallen:
            raise EingabeFehler(
                f"Für {monat:02d}/{jahr} ist keine DEÜV-Meldung abzugeben (kein Beginn, kein Ende, keine Jahresmeldung "
                "im Dezember, keine Unterbrechung). Es wurde keine Datei geschrieben."
            )
        if ms.fehlt:
            raise EingabeFehler("Die DEÜV-Meldungen wurden nicht geschrieben. " + " ".join(ms.fehlt))
        return ms

    ms = schreibe_meldung(ziel, "Die DEÜV-Meldungen", lade, deuev_pdf, deuev_xlsx, ueberschreiben=ueberschreiben)
    stornos = "".join(f" {m.storno_hinweis}" for m in (*ms.meldungen, *ms.entfallen) if m.storno_hinweis)
    return f"{len(ms.meldungen)} DEÜV-Meldungen {monat:02d}/{jahr} geschrieben: {ziel}{stornos}"


exportiere_deuev = ohne_assistenzkraft(deuev_exportieren, "die DEÜV-Meldungen")
