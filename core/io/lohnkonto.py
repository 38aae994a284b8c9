"""The Lohnkonto of one assistant and calendar year (§ 41 EStG, § 4 LStDV) — what it must record.

Sources: § 41 Abs. 1 EStG (gesetze-im-internet.de/estg/__41.html) and § 4 LStDV (gesetze-im-internet.de/lstdv/__4.html,
mirror github.com/bundestag/gesetze l/lstdv). Recorded here:
- once (§ 41 Abs. 1 Satz 2 EStG, § 4 Abs. 1 Nr. 1–2 LStDV): Vorname, Familienname, Tag der Geburt, Wohnort und
  Wohnung, the Lohnsteuerabzugsmerkmale (Steuerklasse, Faktor, Kinderfreibeträge, Kirchensteuermerkmal, Steuer-ID)
  and any Freibetrag or Hinzurechnungsbetrag; a change during the year shows in the month it applies from (the
  monthly rows „Steuerklasse“ and „Kinderfreibeträge“);
- per payroll (§ 4 Abs. 2 LStDV; § 41 Abs. 1 Satz 3–6 EStG): Lohnzahlungszeitraum and Tag der Lohnzahlung (Nr. 1);
  the capital U for each interruption of at least five working days without pay (Nr. 2, § 41 Abs. 1 Satz 5 EStG);
  the Arbeitslohn split into Barlohn and Sachbezüge, and the Lohnsteuer withheld (Nr. 3; each Sachbezug named with
  period, place and the assistant's payment); the tax-free Bezüge, e.g. § 3b EStG surcharges (Nr. 4); the Zuschuss
  zum Mutterschaftsgeld (§ 41 Abs. 1 Satz 4 EStG); the pauschal besteuerte Bezüge and their Pauschsteuer (Nr. 8;
  for a § 40a job name and address, duration, day of payment, pay and the kind of employment suffice);
- "Art und Höhe des gezahlten Arbeitslohns" (§ 41 Abs. 1 Satz 3 EStG): every Lohnart by month.
Solidaritätszuschlag and Kirchensteuer (§ 51a EStG, SolZG) and the social-insurance figures (§ 8 BVV, the
Entgeltunterlagen) are kept alongside, as payroll offices do, so that one sheet answers an Außenprüfung.
The Lohnkonto is kept until the end of the sixth calendar year after the last entry (§ 41 Abs. 1 Satz 9 EStG).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from core.abrechnung.modell import Jahreswerte
from core.domain.geld import NULL, format_zahl
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl
from core.io.belegdaten import Beleggrundlage, anschrift
from core.io.belege_basis import eur
from core.io.belegtabelle import Zeile
from core.io.lohnjournal import SUMMENZEILEN, lohnart_gruppe
from core.regeln.klassifikation import BEZEICHNUNG
from core.stammdaten.arbeitgeber import ArbeitgeberDaten
from core.stammdaten.assistenzkraefte import KONFESSIONEN

SACHBEZUG_TEXT = {"unterkunft": "Unterkunft", "verpflegung": "Verpflegung", "sonstig": "Sachbezug"}

MONATSKOEPFE = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


@dataclass(frozen=True, slots=True)
class Sachbezugseintrag:
    """One Sachbezug as § 4 Abs. 2 Nr. 3 LStDV wants it: named, with period, place, payment and value."""

    monat: str
    bezeichnung: str
    zeitraum: str
    ort: str
    zuzahlung: Decimal
    wert: Decimal | None  # None: valued at the year's official figure (see its Lohnart)


@dataclass(frozen=True, slots=True)
class Lohnkonto:
    jahr: int
    name: str
    personalnummer: str
    arbeitgeber: str
    stammdaten: tuple[tuple[str, str], ...]  # § 4 Abs. 1 LStDV and the SV keys, label → value
    zeilen: tuple[Zeile, ...]  # one value per column (`spalten`), the year in the total column
    spalten: tuple[str, ...] = MONATSKOEPFE  # the months, after a "Vortrag" column where figures were carried over
    sachbezuege: tuple[Sachbezugseintrag, ...] = ()
    entwurf: bool = False
    hinweise: tuple[str, ...] = ()

    @property
    def titel(self) -> str:
        titel = f"Lohnkonto {self.jahr} – {self.name}"
        return f"ENTWURF – {titel}" if self.entwurf else titel


# --------------------------------------------------------------------------------------------------------
# From the stored months to the Lohnkonto
# --------------------------------------------------------------------------------------------------------

_ROEMISCH = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


def _steuerkennung(g: Beleggrundlage) -> str:
    if any(a.schluessel == "PAUSCH" for a in g.ergebnis.arbeitgeberanteile):
        return "pauschal"
    if g.eingabe is None:
        return ""
    return _ROEMISCH.get(g.eingabe.person.steuerklasse, str(g.eingabe.person.steuerklasse))


def lohnkonto(
    jahr: int,
    monate: Sequence[Beleggrundlage],
    arbeitgeber: ArbeitgeberDaten | None,
    *,
    entwurf: bool = False,
) -> Lohnkonto:
    """One assistant's Lohnkonto from her stored months of `jahr` (the latest version of each month)."""
    nach_monat = {g.ergebnis.monat: g for g in monate if g.ergebnis.jahr == jahr}
    if not nach_monat:
        raise ValueError("Lohnkonto ohne abgerechneten Monat")
    letzte = nach_monat[max(nach_monat)]
    erste = nach_monat[min(nach_monat)]
    vortrag = erste.eingabe.vorgeschichte.jahreswerte if erste.eingabe is not None else None
    mit_vortrag = vortrag is not None and vortrag != Jahreswerte()
    spalten = (("Vortrag",) if mit_vortrag else ()) + MONATSKOEPFE

    def reihe(
        werte: dict[int, Decimal | str | None], vortragswert: Decimal | str | None = None
    ) -> tuple[Decimal | str | None, ...]:
        monatswerte = tuple(werte.get(m) for m in range(1, 13))
        return ((vortragswert,) if mit_vortrag else ()) + monatswerte

    zeilen: list[Zeile] = []
    zeitraum: dict[int, Decimal | str | None] = {}
    for m in nach_monat:
        erster, naechster = monatsgrenzen(jahr, m)
        zeitraum[m] = f"{erster.day}.–{(naechster - timedelta(days=1)).day}."
    zeilen.append(Zeile("", "Lohnzahlungszeitraum", reihe(zeitraum), "info", art="text"))
    abgerechnet: dict[int, Decimal | str | None] = {
        m: f"{g.fassung.erstellt_am:%d.%m.%y}" for m, g in nach_monat.items() if g.fassung and g.fassung.erstellt_am
    }
    if abgerechnet:
        zeilen.append(Zeile("", "Abgerechnet am", reihe(abgerechnet), "info", art="text"))
    korrigiert = {
        m: f"Fassung {g.fassung.version}" for m, g in nach_monat.items() if g.fassung and g.fassung.version > 1
    }
    if korrigiert:
        zeilen.append(Zeile("", "Korrigiert", reihe(dict(korrigiert)), "info", art="text"))
    zeilen.append(
        Zeile("", "Steuerklasse", reihe({m: _steuerkennung(g) for m, g in nach_monat.items()}), "info", art="text")
    )
    kfb = {m: format_zahl(g.eingabe.person.kinderfreibetraege, None) for m, g in nach_monat.items() if g.eingabe}
    zeilen.append(Zeile("", "Kinderfreibeträge", reihe(dict(kfb)), "info", art="text"))
    zeilen.append(
        Zeile(
            "",
            "Beitragsgruppe / Personengruppe",
            reihe({m: f"{g.ergebnis.beitragsgruppe}/{g.ergebnis.personengruppe}" for m, g in nach_monat.items()}),
            "info",
            art="text",
        )
    )
    gruppen: dict[tuple[str, str], dict[int, Decimal | str | None]] = {}
    for m, g in nach_monat.items():
        for la in g.ergebnis.lohnarten:
            werte = gruppen.setdefault(lohnart_gruppe(la), {})
            alt = werte.get(m)
            werte[m] = (alt if isinstance(alt, Decimal) else NULL) + la.betrag
    for (schluessel, text), werte in sorted(gruppen.items()):
        zeilen.append(Zeile(schluessel, text, reihe(werte)))
    for feld, jahresfeld, text, abschnitt, fett, art in SUMMENZEILEN:
        werte = {m: Decimal(getattr(g.ergebnis, feld)) for m, g in nach_monat.items()}
        v = Decimal(getattr(vortrag, jahresfeld)) if vortrag is not None and jahresfeld else None
        zeilen.append(Zeile("", text, reihe(dict(werte), v), abschnitt, fett, art))
    sachbezuege: list[Sachbezugseintrag] = []
    for m, g in sorted(nach_monat.items()):
        if g.eingabe is None:
            continue
        for s in g.eingabe.sachbezuege:
            erster, naechster = monatsgrenzen(jahr, m)
            sachbezuege.append(
                Sachbezugseintrag(
                    monat=f"{m:02d}/{jahr}",
                    bezeichnung=s.text or SACHBEZUG_TEXT.get(s.art, s.art),
                    zeitraum=f"{anzahl(s.tage, 'Tag', 'Tage')}"
                    if s.tage
                    else f"{erster:%d.%m.}–{naechster - timedelta(days=1):%d.%m.%Y}",
                    ort="Haushalt der Arbeitgeberin" if s.im_haushalt else "",
                    zuzahlung=s.zuzahlung,
                    wert=s.wert,
                )
            )
    person = letzte.person
    p = letzte.eingabe.person if letzte.eingabe is not None else None
    name = letzte.name
    stamm: list[tuple[str, str]] = []
    if person is not None:
        stamm += [("Vorname", person.vorname), ("Familienname", person.nachname)]
    else:
        stamm.append(("Name", name))
    geburt = p.geburtsdatum if p is not None else (person.geburtsdatum if person is not None else None)
    stamm.append(("Tag der Geburt", f"{geburt:%d.%m.%Y}" if geburt else ""))
    if person is not None:
        stamm.append(("Wohnort, Wohnung", ", ".join(anschrift("", person.strasse, person.plz, person.ort))))
    steuer_id = (p.steuer_id if p is not None else "") or (person.steuer_id if person is not None else "")
    stamm.append(("Steuer-Identifikationsnummer", steuer_id or "fehlt"))
    if person is not None:
        konf = person.konfession
        stamm.append(("Kirchensteuermerkmal", f"{konf} ({KONFESSIONEN.get(konf, konf)})" if konf else "keine Angabe"))
        if person.freibetrag_jahr or person.freibetrag_monat:
            stamm.append(
                ("Freibetrag", f"{eur(person.freibetrag_jahr)} jährlich, {eur(person.freibetrag_monat)} monatlich")
            )
        else:
            stamm.append(("Freibetrag / Hinzurechnungsbetrag", "keiner"))
    vsnr = (p.versicherungsnummer if p is not None else "") or (
        person.versicherungsnummer if person is not None else ""
    )
    stamm.append(("Versicherungsnummer", vsnr or "fehlt"))
    stamm.append(("Einzugsstelle", letzte.ergebnis.einzugsstelle or "–"))
    if p is not None:
        dauer = f"seit {p.eintritt:%d.%m.%Y}" + (f" bis {p.austritt:%d.%m.%Y}" if p.austritt else "")
        stamm.append(("Beschäftigung", f"{dauer}; {BEZEICHNUNG[letzte.ergebnis.beschaeftigung]}"))
    stamm.append(("Personalnummer", letzte.personalnummer))
    hinweise: list[str] = []
    if mit_vortrag:
        hinweise.append("Vortrag: Werte des Jahres vor dem Abrechnungsbeginn im Programm (übernommen).")
    if entwurf:
        hinweise.append("Entwurf: mindestens ein Monat ist noch nicht abgeschlossen.")
    ag_text = monatsbelege_arbeitgeber(arbeitgeber, letzte)
    return Lohnkonto(
        jahr=jahr,
        name=name,
        personalnummer=letzte.personalnummer,
        arbeitgeber=ag_text,
        stammdaten=tuple(stamm),
        zeilen=tuple(zeilen),
        sachbezuege=tuple(sachbezuege),
        spalten=spalten,
        entwurf=entwurf,
        hinweise=tuple(hinweise),
    )


def monatsbelege_arbeitgeber(arbeitgeber: ArbeitgeberDaten | None, g: Beleggrundlage) -> str:
    """Employer name, address and Steuernummer in one line."""
    if arbeitgeber is not None:
        teile = [", ".join(anschrift(arbeitgeber.name, arbeitgeber.strasse, arbeitgeber.plz, arbeitgeber.ort))]
        if arbeitgeber.steuernummer:
            teile.append(f"Steuernummer {arbeitgeber.steuernummer}")
        return " · ".join(teile)
    return g.eingabe.arbeitgeber.name if g.eingabe is not None else ""
