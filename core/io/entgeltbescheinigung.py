"""What an Entgeltbescheinigung shows, in the order the Entgeltbescheinigungsverordnung prescribes (no layout here).

Sources (checked for this module):
- Entgeltbescheinigungsverordnung (EBV) vom 19.12.2012, BGBl. I S. 2712, § 1 in der Fassung von Art. 30 des
  Gesetzes vom 20.12.2022 (BGBl. I S. 2759) — text as published on gesetze-im-internet.de/entgbv (mirror:
  github.com/bundestag/gesetze, e/entgbv) — and of the „Verordnung zur Änderung der Entgeltbescheinigungsverordnung
  und der Beitragsverfahrensverordnung“, in force 01.01.2025: Abs. 1 Nr. 9 now asks for a Kennziffer instead of the
  bare "Beitragszuschlag für Kinderlose" note — 0 for the surcharge for the childless, 1 to 5 for the number of
  children counted under § 55 Abs. 3 SGB XI, and one Kennziffer for employees whose parenthood is proven
  (buzer.de/gesetz/16627/a318180.htm; BIG direkt gesund, „Ab 2025: Ergänzung der Entgeltbescheinigung“). The
  regulation does not spell that last Kennziffer; we print "E" and say in words what it means.
  Abs. 2 Nr. 2 d now also names § 52 Abs. 40 EStG among the pauschal besteuerte Bezüge.
- § 1 Abs. 4 EBV: the document is marked as "Bescheinigung nach § 108 Absatz 3 Satz 1 der Gewerbeordnung".
- BMAS, Kommentierung und Fallbeispiele zur EBV (15.04.2013; AWV-Arbeitskreis, Version 1.0 vom 12.04.2013): each
  Lohnart marked for its effect on Gesamtbrutto, Steuerbrutto and SV-Brutto (the "J/L" column variant), a month
  named by its name when it is paid in one run ("März 2026").
- § 2 Abs. 2 EBV: the employee may black out the church-tax mark; it is printed as its own field for that reason.

Abs. 1 (the employer's and employee's data, Nr. 1–11) → `Entgeltbescheinigung.angaben` in that order.
Abs. 2 Nr. 1 (every Bezug and Abzug on its own line, with its effect on the three gross figures and laufend/einmalig)
→ `bezuege`; Nr. 2 (Steuerbrutto, SV-Brutto per branch, Gesamtbrutto, pauschal besteuerte Bezüge) → `summen`;
Nr. 3 (gesetzliche Abzüge, laufend/einmalig) → `abzuege`; Nr. 4 Nettoentgelt → `netto`; Nr. 5/6 (Zuschüsse,
Verrechnungen, Einbehalte) → `weitere`; Nr. 7 → `auszahlung`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL, format_zahl
from core.domain.hinweis import Schwere
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl, format_eur_satz
from core.io.belegdaten import Beleggrundlage, Monatsbelege, anschrift
from core.io.belege_basis import eur
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten.assistenzkraefte import KONFESSIONEN


@dataclass(frozen=True, slots=True)
class Angabe:
    """One field of § 1 Abs. 1 EBV: its number there, a German label and the printed value."""

    nummer: int
    label: str
    wert: str


@dataclass(frozen=True, slots=True)
class Posten:
    """One Bezug or Abzug line (§ 1 Abs. 2 Nr. 1 EBV): Lohnart with quantity, rate and amount and its flags."""

    schluessel: str
    text: str
    menge: str
    satz: str
    betrag: Decimal
    einmalig: bool
    gesamtbrutto: bool
    steuerbrutto: bool
    sv_brutto: bool


@dataclass(frozen=True, slots=True)
class Summe:
    """A total or a statutory deduction, split into laufend / einmalig where the EBV asks for it."""

    text: str
    betrag: Decimal
    laufend: Decimal | None = None
    einmalig: Decimal | None = None
    erklaerung: str = ""


@dataclass(frozen=True, slots=True)
class Entgeltbescheinigung:
    """One assistant's payslip for one month, ready to print (every value already formatted or exact)."""

    monat_text: str
    arbeitgeber: tuple[str, ...]
    empfaenger: tuple[str, ...]
    angaben: tuple[Angabe, ...]
    bezuege: tuple[Posten, ...]
    summen: tuple[Summe, ...]
    abzuege: tuple[Summe, ...]
    netto: Decimal
    weitere: tuple[Summe, ...]
    auszahlung: Decimal
    personalnummer: str = ""
    entwurf: bool = False
    fassung: str = ""
    korrektur: bool = False
    information: tuple[tuple[str, str], ...] = ()
    jahreswerte: tuple[tuple[str, str], ...] = ()
    hinweise: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------------------------------------
# From the stored result to the payslip
# --------------------------------------------------------------------------------------------------------

_ROEMISCH = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


def _datum(tag: date | None) -> str:
    return f"{tag:%d.%m.%Y}" if tag else ""


def _menge(menge: Decimal | None, einheit: str) -> str:
    if menge is None:
        return ""
    return f"{format_zahl(menge)} {einheit}".strip()


def _nur_laufend(ergebnis: Monatsergebnis, betrag: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """laufend/einmalig of a total: without one-off payments in the month everything is laufend."""
    if not ergebnis.einmalzahlungen:
        return betrag, NULL
    return None, None


def steuermerkmale(g: Beleggrundlage) -> str:
    """§ 1 Abs. 1 Nr. 7 EBV: Steuerklasse (Faktor), Kinderfreibeträge, Kirchensteuermerkmal, Freibeträge, Steuer-ID —
    or the flat-rate tax that replaces them."""
    e = g.ergebnis
    p = g.eingabe.person if g.eingabe is not None else None
    steuer_id = (p.steuer_id if p is not None else "") or (g.person.steuer_id if g.person is not None else "")
    if any(a.schluessel == "PAUSCH" for a in e.arbeitgeberanteile):
        art = "2 %, § 40a Abs. 2 EStG" if e.beschaeftigung is Beschaeftigungsart.MINIJOB else "§ 40a EStG"
        text = f"Pauschsteuer ({art}), von der Arbeitgeberin getragen; keine Lohnsteuerabzugsmerkmale"
        return f"{text} · Steuer-ID {steuer_id}" if steuer_id else text
    teile: list[str] = []
    if p is not None:
        teile.append(f"Steuerklasse {_ROEMISCH.get(p.steuerklasse, str(p.steuerklasse))}")
        teile.append(f"Kinderfreibeträge {format_zahl(p.kinderfreibetraege, None)}")
    konfession = g.person.konfession if g.person is not None else ""
    if konfession:
        teile.append(f"Kirchensteuermerkmal {konfession} ({KONFESSIONEN.get(konfession, konfession)})")
    elif p is not None:
        teile.append("kirchensteuerpflichtig" if p.kirchensteuer else "Kirchensteuermerkmal -- (keine)")
    if g.person is not None and (g.person.freibetrag_jahr or g.person.freibetrag_monat):
        jahr = eur(g.person.freibetrag_jahr) if g.person.freibetrag_jahr else "–"
        monat = eur(g.person.freibetrag_monat) if g.person.freibetrag_monat else "–"
        teile.append(f"Freibetrag {jahr} jährlich, {monat} monatlich")
    else:
        teile.append("kein Freibetrag")
    teile.append(f"Steuer-ID {steuer_id}" if steuer_id else "Steuer-ID fehlt")
    return " · ".join(teile)


def pv_kennziffer(g: Beleggrundlage, letzter: date) -> str:
    """§ 1 Abs. 1 Nr. 9 EBV (since 2025): 0 = Beitragszuschlag für Kinderlose, 1–5 = children counted under § 55 Abs. 3
    SGB XI, E = parenthood proven without a child to count. Only where the job pays Pflegeversicherung."""
    e = g.ergebnis
    if not e.pv_an:
        return "entfällt (kein Arbeitnehmerbeitrag zur Pflegeversicherung)"
    if g.eingabe is None:
        return ""
    p = g.eingabe.person
    if p.kinder_unter_25 > 0:
        anzahl = min(p.kinder_unter_25, 5)
        return f"{anzahl} ({p.kinder_unter_25} berücksichtigte Kinder unter 25)" if anzahl > 1 else "1 (ein Kind)"
    if p.elterneigenschaft:
        return "E (Elterneigenschaft nachgewiesen, kein Kind unter 25)"
    # § 55 Abs. 3 Satz 1 SGB XI: the surcharge from the month after the one in which she turned 23
    if (letzter.year, letzter.month) > (p.geburtsdatum.year + 23, p.geburtsdatum.month):
        return "0 (Beitragszuschlag für Kinderlose)"
    return "– (unter 23 Jahre: kein Beitragszuschlag)"


def _mehrfach(g: Beleggrundlage, letzter: date) -> bool:
    if g.eingabe is None:
        return False
    return any(w.beginn is None or w.beginn <= letzter for w in g.eingabe.person.weitere_beschaeftigungen)


def entgeltbescheinigung(g: Beleggrundlage, monat: Monatsbelege) -> Entgeltbescheinigung:
    """The payslip of one assistant as the EBV wants it, from her stored result (computes no money)."""
    e = g.ergebnis
    erster, naechster = monatsgrenzen(monat.jahr, monat.monat)
    letzter = naechster - timedelta(days=1)
    ag = monat.arbeitgeber
    arbeitgeber = anschrift(ag.name, ag.strasse, ag.plz, ag.ort) if ag is not None else (monat.arbeitgeber_name,)
    pers = g.person
    empfaenger = anschrift(g.name, pers.strasse, pers.plz, pers.ort) if pers is not None else (g.name,)
    p = g.eingabe.person if g.eingabe is not None else None
    geburt = p.geburtsdatum if p is not None else (pers.geburtsdatum if pers is not None else None)
    vsnr = (p.versicherungsnummer if p is not None else "") or (pers.versicherungsnummer if pers is not None else "")
    ende = p.austritt if p is not None and p.austritt is not None and p.austritt <= letzter else None
    einzug = e.einzugsstelle or "keine (keine Beiträge)"
    if e.haushaltsscheck:
        einzug += " (Haushaltsscheckverfahren)"
    angaben = (
        Angabe(1, "Arbeitgeber", ", ".join(arbeitgeber)),
        Angabe(2, "Beschäftigte/r", ", ".join(empfaenger) + (f", geboren am {_datum(geburt)}" if geburt else "")),
        Angabe(3, "Versicherungsnummer", vsnr or "liegt nicht vor"),
        Angabe(4, "Beschäftigungsbeginn", _datum(p.eintritt) if p is not None else ""),
        Angabe(5, "Beschäftigungsende", _datum(ende) or "–"),
        Angabe(
            6,
            "Abrechnungszeitraum",
            f"{monat.monat_text} ({erster:%d.%m.}–{letzter:%d.%m.%Y}) · "
            f"{anzahl(e.steuertage, 'Steuertag', 'Steuertage')} · {anzahl(e.sv_tage, 'SV-Tag', 'SV-Tage')}",
        ),
        Angabe(7, "Steuermerkmale", steuermerkmale(g)),
        Angabe(8, "Beitragsgruppenschlüssel, Einzugsstelle", f"{e.beitragsgruppe} · {einzug}"),
        Angabe(9, "Pflegeversicherung: Kinder (Kennziffer)", pv_kennziffer(g, letzter)),
        Angabe(
            10,
            "Übergangsbereich",
            "ja – Beschäftigung im Übergangsbereich (§ 20 Abs. 2 SGB IV)" if e.uebergangsbereich else "nein",
        ),
        Angabe(11, "Mehrfachbeschäftigung", "ja" if _mehrfach(g, letzter) else "nein"),
    )
    bezuege = tuple(
        Posten(
            schluessel=la.schluessel,
            text=la.text,
            menge=_menge(la.menge, la.einheit),
            satz=format_eur_satz(la.satz) if la.satz is not None else "",
            betrag=la.betrag,
            einmalig=la.einmalig,
            gesamtbrutto=la.gesamtbrutto,
            steuerbrutto=la.steuerbrutto,
            sv_brutto=la.sv_brutto,
        )
        for la in e.lohnarten
    )
    pauschal = next((a for a in e.arbeitgeberanteile if a.schluessel == "PAUSCH"), None)
    summen: list[Summe] = [Summe("Gesamtbrutto", e.brutto)]
    if pauschal is None:
        summen.append(
            Summe(
                "Steuerbrutto (steuerpflichtiger Arbeitslohn)",
                e.steuerbrutto,
                e.laufendes_steuerbrutto,
                e.sonstige_bezuege,
            )
        )
    else:
        # § 1 Abs. 2 Nr. 2 d EBV: the whole taxable pay is taxed at the flat rate the employer pays
        basis = pauschal.bemessung if pauschal.bemessung is not None else e.steuerbrutto
        summen.append(Summe("Pauschal besteuerte Bezüge (§ 40a EStG)", basis, erklaerung=pauschal.rechtsgrundlage))
    if e.uebergangsbereich:
        summen.append(Summe("SV-Brutto (Arbeitsentgelt)", e.sv_brutto, *_nur_laufend(e, e.sv_brutto)))
        summen.append(
            Summe(
                "Beitragspflichtige Einnahme im Übergangsbereich",
                e.beitragspflichtige_einnahme,
                erklaerung=f"Arbeitnehmeranteil aus {eur(e.beitragspflichtige_einnahme_an)}; § 20 Abs. 2a SGB IV",
            )
        )
    else:
        summen.append(Summe("SV-Brutto Kranken- und Pflegeversicherung", e.kv_entgelt, *_nur_laufend(e, e.kv_entgelt)))
        summen.append(
            Summe("SV-Brutto Renten- und Arbeitslosenversicherung", e.rv_entgelt, *_nur_laufend(e, e.rv_entgelt))
        )
    abzuege: list[Summe] = []
    steuern = {"LST": ("Lohnsteuer", e.lohnsteuer), "SOLI": ("Solidaritätszuschlag", e.solidaritaetszuschlag)}
    steuern["KIST"] = ("Kirchensteuer", e.kirchensteuer)
    nach_schluessel = {a.schluessel: a for a in e.abzuege}
    if pauschal is None:
        # Abs. 2 Nr. 3 a: Lohnsteuer, Solidaritätszuschlag and Kirchensteuer, shown even when they are nil
        for schluessel, (text, betrag) in steuern.items():
            a = nach_schluessel.get(schluessel)
            erklaerung = a.rechtsgrundlage if a is not None else ""
            abzuege.append(Summe(text, betrag, *_nur_laufend(e, betrag), erklaerung=erklaerung))
    abzuege += [
        Summe(a.text, a.betrag, *_nur_laufend(e, a.betrag), erklaerung=a.rechtsgrundlage)
        for a in e.abzuege
        if pauschal is not None or a.schluessel not in steuern
    ]
    weitere: list[Summe] = []
    if e.sachbezuege:
        weitere.append(Summe("Sachbezüge (als Sachleistung erhalten, in den Bezügen enthalten)", -e.sachbezuege))
    eingabe = g.eingabe
    if eingabe is not None and sum((v.betrag for v in eingabe.vorschuesse), NULL) == e.vorschuesse:
        for v in eingabe.vorschuesse:
            weitere.append(Summe(f"{v.text} vom {_datum(v.datum)}" if v.datum else v.text, -v.betrag))
    elif e.vorschuesse:
        weitere.append(Summe("Vorschüsse", -e.vorschuesse))
    if eingabe is not None and sum((v.betrag for v in eingabe.verrechnungen), NULL) == e.verrechnungen:
        for r in eingabe.verrechnungen:
            weitere.append(Summe(r.text + (f" ({r.bezug})" if r.bezug else ""), r.betrag))
    elif e.verrechnungen:
        weitere.append(Summe("Verrechnungen aus Korrekturen", e.verrechnungen))
    information: list[tuple[str, str]] = [("Bezahlte Stunden", format_zahl(e.stunden))]
    if e.bereitschaftsstunden:
        information.append(("davon Bereitschaft", format_zahl(e.bereitschaftsstunden)))
    if e.zeitkonto is not None:
        z = e.zeitkonto
        information += [
            ("Zeitkonto Vortrag (Std.)", format_zahl(z.vortrag)),
            ("Zeitkonto Soll / Ist (Std.)", f"{format_zahl(z.soll)} / {format_zahl(z.ist)}"),
            ("Zeitkonto Saldo (Std.)", format_zahl(z.saldo)),
        ]
    information += [(f"{a.text} (Arbeitgeberin)", eur(a.betrag)) for a in e.arbeitgeberanteile]
    information.append(("Arbeitgeberkosten gesamt", eur(e.arbeitgeberkosten)))
    j = e.jahreswerte
    jahreswerte = (
        ("Gesamtbrutto", eur(j.brutto)),
        ("Steuerbrutto laufend", eur(j.steuerbrutto)),
        ("Sonstige Bezüge", eur(j.sonstige_bezuege)),
        ("Lohnsteuer", eur(j.lohnsteuer)),
        ("Solidaritätszuschlag", eur(j.solidaritaetszuschlag)),
        ("Kirchensteuer", eur(j.kirchensteuer)),
        ("SV-Brutto KV/PV", eur(j.entgelt_kv)),
        ("SV-Brutto RV/AV", eur(j.entgelt_rv)),
        ("KV-Beitrag (Arbeitnehmer)", eur(j.kv_an)),
        ("PV-Beitrag (Arbeitnehmer)", eur(j.pv_an)),
        ("RV-Beitrag (Arbeitnehmer)", eur(j.rv_an)),
        ("AV-Beitrag (Arbeitnehmer)", eur(j.av_an)),
        ("Nettoentgelt", eur(j.netto)),
    )
    hinweise: tuple[str, ...] = ()
    if monat.entwurf:
        hinweise = tuple(f"Hinweis: {h.text}" for h in e.hinweise if h.schwere is not Schwere.INFO)
    return Entgeltbescheinigung(
        monat_text=monat.monat_text,
        arbeitgeber=arbeitgeber,
        empfaenger=empfaenger,
        angaben=angaben,
        bezuege=bezuege,
        summen=tuple(summen),
        abzuege=tuple(abzuege),
        netto=e.netto,
        weitere=tuple(weitere),
        auszahlung=e.auszahlung,
        personalnummer=e.id,
        entwurf=monat.entwurf,
        fassung=g.fassung.text() if g.fassung is not None else "",
        korrektur=g.fassung is not None and (g.fassung.korrektur or g.fassung.vorige is not None),
        information=tuple(information),
        jahreswerte=jahreswerte,
        hinweise=hinweise,
    )
