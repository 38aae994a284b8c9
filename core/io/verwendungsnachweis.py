"""The Verwendungsnachweis as sections of tables, the one layout that the PDF and the Excel writer both print.

`abschnitte(nachweis)` turns `core.budget.verwendungsnachweis.Verwendungsnachweis` into titled tables whose cells are
text, amounts (Decimal, €) or hours (`Stunden`); `verwendungsnachweis_pdf` / `verwendungsnachweis_xlsx` only lay
them out. `exportiere_verwendungsnachweis` is the `assistenzbuero export verwendungsnachweis` kind (CONTRACTS §6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from core.budget.bewilligung import Monat, monatstext
from core.budget.stand import ABGESCHLOSSEN
from core.budget.verwendungsnachweis import Verwendungsnachweis, verwendungsnachweis
from core.domain.geld import NULL, format_eur, format_zahl
from core.fehler import schreibfehler
from core.io.ausgabe import nur_ohne_assistenzkraft
from core.persistence.datenbank import Datenbank


@dataclass(frozen=True, slots=True)
class Stunden:
    """Hours in a cell (printed with two decimals, no €)."""

    wert: Decimal


Zelle = str | Decimal | Stunden | None


@dataclass(frozen=True, slots=True)
class Tabelle:
    titel: str
    kopf: tuple[str, ...]
    zeilen: tuple[tuple[Zelle, ...], ...]
    summe: tuple[Zelle, ...] | None = None
    text: str = ""  # a sentence below the title
    breiten: tuple[int, ...] = ()  # relative column widths (PDF)


def zelle_text(wert: Zelle) -> str:
    if wert is None:
        return ""
    if isinstance(wert, Stunden):
        return format_zahl(wert.wert, 2)
    if isinstance(wert, Decimal):
        return format_eur(wert)
    return wert


def _d(tag: date | None) -> str:
    return "" if tag is None else f"{tag:%d.%m.%Y}"


def abschnitte(n: Verwendungsnachweis) -> list[Tabelle]:
    tabellen: list[Tabelle] = []
    for s in n.bewilligungen:
        b = s.bewilligung
        zeilen: list[tuple[Zelle, ...]] = [
            ("Kostenträger", b.kostentraeger or "–"),
            ("Aktenzeichen", b.aktenzeichen or "–"),
            ("Bewilligungszeitraum", b.zeitraum_text),
            ("Leistungsarten", b.leistungsarten_text),
            ("Bewilligt im Nachweiszeitraum", s.bewilligt),
            ("Lohnkosten (Brutto und alle Arbeitgeberabgaben)", s.lohnkosten),
            ("Sonstige Kosten abzüglich sonstiger Einnahmen", s.sonstige),
            ("Erstattungen U1/U2 (abgezogen)", s.erstattungen),
            ("Verwendet", s.verbraucht),
            ("Nicht verwendet", s.bewilligt - s.verbraucht),
        ]
        if n.zeigt("stunden"):
            zeilen.append(("Stunden geleistet", Stunden(s.stunden)))
            if s.bewilligte_stunden is not None:
                zeilen.append(("Stunden bewilligt", Stunden(s.bewilligte_stunden)))
        tabellen.append(Tabelle(b.name, ("", "Betrag / Angabe"), tuple(zeilen), breiten=(3, 2)))
        monate = [m for m in s.monate if m.status == ABGESCHLOSSEN]
        mit_stunden = n.zeigt("stunden")
        tabellen.append(
            Tabelle(
                f"{b.name}: Monate",
                ("Monat", "bewilligt", "Lohnkosten", "sonstige", "Erstattungen", "verwendet")
                + (("Stunden",) if mit_stunden else ()),
                tuple(
                    (monatstext(m.monat), m.bewilligt, m.kosten, m.sonstige, m.erstattungen, m.netto)
                    + ((Stunden(m.stunden),) if mit_stunden else ())
                    for m in monate
                ),
                summe=(
                    "Summe",
                    sum((m.bewilligt for m in monate), NULL),
                    s.lohnkosten,
                    s.sonstige,
                    s.erstattungen,
                    s.verbraucht,
                )
                + ((Stunden(s.stunden),) if mit_stunden else ()),
                text="Nur abgeschlossene Abrechnungsmonate."
                + (f" Bewilligt im ganzen Zeitraum: {format_eur(s.bewilligt)}." if len(monate) < len(s.monate) else ""),
            )
        )
        if n.zeigt("leistungsarten") and s.anteile:
            tabellen.append(
                Tabelle(
                    f"{b.name}: Summen je Leistungsart",
                    ("Leistungsart", "Stunden", "Lohnkosten"),
                    tuple((a.leistungsart or "ohne Leistungsart", Stunden(a.stunden), a.kosten) for a in s.anteile),
                    summe=("Summe", Stunden(sum((a.stunden for a in s.anteile), NULL)), s.lohnkosten),
                    breiten=(3, 1, 1),
                )
            )
    if n.nicht_zugeordnet:
        tabellen.append(
            Tabelle(
                "Keiner Bewilligung zugerechnet",
                ("Monat", "Assistenzkraft", "Leistungsart", "Grund", "Stunden", "Lohnkosten"),
                tuple(
                    (
                        monatstext(x.monat),
                        x.name,
                        x.leistungsart or "ohne",
                        "keine Bewilligung deckt sie" if x.grund == "keine" else "mehrere: " + ", ".join(x.kandidaten),
                        Stunden(x.stunden),
                        x.arbeitgeberkosten,
                    )
                    for x in n.nicht_zugeordnet
                    if x.status == ABGESCHLOSSEN
                ),
                text="Diese Kosten sind in keiner Summe oben enthalten.",
            )
        )
    if n.zeigt("personen"):
        tabellen.append(
            Tabelle(
                "Beschäftigte Personen",
                ("Name", "Personalnr.", "Beschäftigt", "Sozialversicherung"),
                tuple(
                    (
                        p.name,
                        p.personalnummer,
                        "; ".join(f"{_d(a)} – {_d(e) or 'laufend'}" for a, e in p.vertraege),
                        "; ".join(p.sv_status),
                    )
                    for p in n.personen
                ),
                breiten=(3, 2, 3, 5),
            )
        )
    if n.zeigt("entgeltbescheinigungen"):
        tabellen.append(
            Tabelle(
                "Entgeltbescheinigungen",
                ("Monat", "Name", "Personalnr.", "Fassung", "Stunden", "Brutto", "Arbeitgeberkosten"),
                tuple(
                    (
                        monatstext(x.monat),
                        x.name,
                        x.personalnummer,
                        "Original" if x.version == 1 else f"Korrektur {x.version}",
                        Stunden(x.stunden),
                        x.brutto,
                        x.arbeitgeberkosten,
                    )
                    for x in n.belege
                ),
                summe=(
                    "Summe",
                    "",
                    "",
                    "",
                    Stunden(sum((x.stunden for x in n.belege), NULL)),
                    sum((x.brutto for x in n.belege), NULL),
                    n.summe_belege,
                ),
                text="Alle Entgeltbescheinigungen der abgeschlossenen Monate; ihre Arbeitgeberkosten sind den "
                "Bewilligungen nach den Leistungsarten der Schichten zugerechnet oder oben als nicht zugerechnet "
                "aufgeführt.",
                breiten=(2, 4, 2, 2, 2, 2, 3),
            )
        )
    if n.zeigt("belege"):
        tabellen.append(
            Tabelle(
                "Sonstige Belege",
                ("Datum", "Bewilligung", "Art", "Beleg-Nr.", "Text", "Betrag"),
                tuple(
                    (_d(p.datum), name, p.art_text, p.beleg, p.text, -p.betrag if p.einnahme else p.betrag)
                    for name, p in n.posten
                ),
                summe=("Summe", "", "", "", "", sum((p.wirkung for _n, p in n.posten), NULL)),
                text="Einnahmen stehen mit Minus.",
                breiten=(2, 3, 3, 2, 4, 2),
            )
        )
    if n.zeigt("erstattungen"):
        tabellen.append(
            Tabelle(
                "Erstattungen nach dem Aufwendungsausgleichsgesetz (U1/U2)",
                ("Assistenzkraft", "Verfahren", "Kasse", "für", "erhalten am", "Betrag"),
                tuple(
                    (
                        name,
                        e.verfahren,
                        e.kasse,
                        f"{_d(e.zeitraum_von)} – {_d(e.zeitraum_bis)}",
                        _d(e.erhalten_am),
                        e.betrag,
                    )
                    for name, e in n.erstattungen
                ),
                summe=("Summe", "", "", "", "", sum((e.betrag for _n, e in n.erstattungen), NULL)),
                breiten=(3, 1, 3, 3, 2, 2),
            )
        )
    return tabellen


def fussnoten(n: Verwendungsnachweis) -> list[str]:
    texte = []
    if n.offene_monate:
        texte.append(
            f"Nicht abgeschlossen und deshalb nicht enthalten: {', '.join(monatstext(m) for m in n.offene_monate)}."
        )
    texte += [h.text for h in n.hinweise]
    return texte


def exportiere_verwendungsnachweis(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
    zeitraum: tuple[Monat, Monat] | None = None,
) -> str:
    """`assistenzbuero export verwendungsnachweis --von JJJJ-MM --bis JJJJ-MM --ausgabe DATEI` (.pdf, .xlsx)."""
    nur_ohne_assistenzkraft("den Verwendungsnachweis", assistenzkraft)
    von, bis = zeitraum or ((jahr, 1), (jahr, monat))
    nachweis = verwendungsnachweis(db, von, bis)
    try:
        if endung == ".pdf":
            from core.io.verwendungsnachweis_pdf import verwendungsnachweis_pdf

            verwendungsnachweis_pdf(nachweis, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
        else:
            from core.io.verwendungsnachweis_xlsx import verwendungsnachweis_xlsx

            verwendungsnachweis_xlsx(nachweis, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from None
    namen = ", ".join(s.bewilligung.name for s in nachweis.bewilligungen)
    return f"{nachweis.titel} ({namen}, {len(nachweis.belege)} Entgeltbescheinigungen) geschrieben: {ziel}"
