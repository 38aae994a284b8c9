"""The claim sheet: every field of the electronic AAG claim, in the record's order, to type into the SV-Meldeportal.

Field list and order: GKV-Spitzenverband, "Grundsätze für das maschinelle Antragsverfahren auf Erstattung nach dem
AAG", Anlage 1 "Datensatzbeschreibung ... der Erstattungsanträge nach dem AAG" (Datensatz DSER with the
Datenbausteine DBNA Name, DBAU Arbeitsunfähigkeit, DBBT Beschäftigungsverbot, DBZU Mutterschaft, DBBV
Bankverbindung, DBAA Ansprechpartner), as implemented field by field in the open-source record classes of
DATALINE (github.com/dataline-gmbh/SocialInsurance.Germany.Messages, Pocos/AAG/DSER05, DBAU05, DBBT05, DBZU04).
The technical fields (Kennung, Verfahren, Versionsnummer, Erstellungszeitpunkt, Fehlerkennzeichen, Produkt-ID)
are filled by the portal itself and left out.

Every value comes from the finalised payroll (through core.erstattung.dienst and the input snapshot of the month,
core.abrechnung.ablage) or the master data; what the program does not know (an accident, the expected day of
birth, whether she worked on the first sick day) is marked "bitte angeben", never guessed. An incomplete claim
gets its sheet with "— fehlt —" in the amounts and the Hinweise on what to enter, and a headline not to send it.
This module only assembles the data; antragsblatt_pdf / antragsblatt_xlsx lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.modell import Monatseingabe, Monatsergebnis
from core.dienstplan.vertrag import Lohnform
from core.domain.geld import NULL, format_eur, format_zahl
from core.domain.hinweis import Hinweis
from core.erstattung.dienst import MINIJOB_ZENTRALE, Erstattungsantrag, antraege
from core.erstattung.repository import ErstattungsRepository
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert
from core.stammdaten.krankenkassen import liste_krankenkassen

FEHLT = "— fehlt —"
ANGEBEN = "bitte angeben"
GRUND = {"arbeitsunfaehigkeit": "01", "beschaeftigungsverbot": "02", "mutterschutzfrist": "03"}
GRUNDTEXT = {"01": "bei Arbeitsunfähigkeit", "02": "bei Beschäftigungsverbot nach dem MuSchG", "03": "bei Mutterschaft"}
BAUSTEIN = {
    "arbeitsunfaehigkeit": "DBAU – Erstattung der Arbeitgeberaufwendungen Arbeitsunfähigkeit",
    "beschaeftigungsverbot": "DBBT – Erstattung der Arbeitgeberaufwendungen Beschäftigungsverbot",
    "mutterschutzfrist": "DBZU – Erstattung des Arbeitgeberzuschusses Mutterschaft",
}
QUELLE = (
    "Feldfolge nach GKV-Spitzenverband, Grundsätze für das maschinelle Antragsverfahren auf Erstattung nach dem "
    "AAG, Anlage 1 (Datensatz DSER)"
)


@dataclass(frozen=True, slots=True)
class Feld:
    kuerzel: str  # the record's field name (EZEITVOM …), so she finds it in the portal's help
    text: str
    wert: str
    fehlt: bool = False  # the program does not know it: she has to enter it


@dataclass(frozen=True, slots=True)
class Abschnitt:
    titel: str
    felder: tuple[Feld, ...]


@dataclass(frozen=True, slots=True)
class Antragsblatt:
    nr: int
    titel: str
    untertitel: str
    vollstaendig: bool
    abschnitte: tuple[Abschnitt, ...]
    hinweise: tuple[Hinweis, ...]
    antrag: Erstattungsantrag


def _datum(tag: date | None) -> str:
    return f"{tag:%d.%m.%Y}" if tag is not None else ANGEBEN


def _betrag(wert: Decimal | None) -> str:
    return format_eur(wert) if wert is not None else FEHLT


def _feld(kuerzel: str, text: str, wert: str | None) -> Feld:
    if wert is None or wert == "":
        return Feld(kuerzel, text, ANGEBEN, fehlt=True)
    return Feld(kuerzel, text, wert, fehlt=wert in (ANGEBEN, FEHLT))


def _gespeichert(db: Datenbank, a: Erstattungsantrag) -> tuple[Monatseingabe | None, Monatsergebnis | None]:
    """The input snapshot and result of the claim's last month (contract, Betriebsnummern, person)."""
    monate = a.berechnung.monate if a.berechnung is not None else ((a.bis.year, a.bis.month),)
    jahr, monat = monate[-1]
    for g in ablage.lade_monat(db, jahr, monat).ergebnisse:
        if g.assistenzkraft_id == a.assistenzkraft_id:
            return g.eingabe(db), g.ergebnis
    return None, None


def antragsblaetter(
    db: Datenbank, jahr: int, monat: int, *, heute: date | None = None, schreiben: bool = True
) -> list[Antragsblatt]:
    """One sheet per claim with continued pay in the month (`schreiben`: see `dienst.antraege`)."""
    uebersicht = antraege(db, monat=(jahr, monat), heute=heute, schreiben=schreiben)
    if not uebersicht.antraege:
        return []
    betriebsnummern = {
        MINIJOB_ZENTRALE if k.ist_minijob_zentrale else k.name: k.betriebsnummer for k in liste_krankenkassen(db)
    }
    with db.arbeitseinheit() as sitzung:
        repo = ErstattungsRepository(sitzung)
        geschlecht = repo.geschlechter()
        ansprechpartner = repo.ansprechpartner()
    return [_blatt(db, a, betriebsnummern, geschlecht, ansprechpartner) for a in uebersicht.antraege]


def _blatt(
    db: Datenbank,
    a: Erstattungsantrag,
    betriebsnummern: dict[str, str],
    geschlecht: dict[int, str],
    ansprechpartner: tuple[str, str, str],
) -> Antragsblatt:
    eingabe, ergebnis = _gespeichert(db, a)
    b = a.berechnung
    grund = GRUND.get(a.anlass, "")
    person = eingabe.person if eingabe is not None else None
    minijob = ergebnis is not None and ergebnis.beschaeftigung in (
        Beschaeftigungsart.MINIJOB,
        Beschaeftigungsart.KURZFRISTIG,
    )
    artvers = (
        "3 = geringfügige Beschäftigung"
        if minijob
        else (
            "1 = privat versichert"
            if person is not None and person.krankenkasse is None
            else "0 = in der GKV versichert"
        )
    )
    vorname, _, nachname = a.name.rpartition(" ")
    kopf = Abschnitt(
        "Datensatz DSER – Erstattungen der Arbeitgeberaufwendungen",
        (
            _feld(
                "BBNRVU",
                "Betriebsnummer des Arbeitgebers (Beschäftigungsbetrieb)",
                eingabe.arbeitgeber.betriebsnummer if eingabe else None,
            ),
            _feld(
                "BBNRKK",
                "Betriebsnummer der zuständigen Krankenkasse / Minijob-Zentrale",
                betriebsnummern.get(a.kasse) or None,
            ),
            _feld("", "Name der Kasse", a.kasse or None),
            _feld("VSNR", "Versicherungsnummer", person.versicherungsnummer if person else None),
            _feld("GEBDA", "Geburtsdatum", _datum(person.geburtsdatum) if person else None),
            _feld("AZVU", "Aktenzeichen des Arbeitgebers (Personalnummer)", a.personalnummer),
            _feld("GD", "Grund der Abgabe", f"{grund} = {GRUNDTEXT.get(grund, '')}"),
            _feld("BESCHSEIT", "Beschäftigt seit", _datum(person.eintritt) if person else None),
            _feld("ARTVERS", "Art der Versicherung", artvers),
            _feld(
                "GE",
                "Geschlecht",
                {"m": "M = männlich", "w": "W = weiblich", "d": "D = divers", "x": "X = unbestimmt"}.get(
                    geschlecht.get(a.assistenzkraft_id, "").lower()
                ),
            ),
        ),
    )
    name = Abschnitt(
        "Datenbaustein DBNA – Name",
        (_feld("FMNA", "Familienname", nachname or a.name or None), _feld("VONA", "Vorname", vorname or None)),
    )
    zeitraum = (
        _feld("KENNZV", "Kennzeichen Verarbeitung", "0 = Antrag auf Erstattung"),
        _feld("EZEITVOM", "Beginn des Erstattungszeitraums", _datum(a.von)),
        _feld("EZEITBIS", "Ende des Erstattungszeitraums", _datum(a.bis)),
        _feld(
            "ARTAB",
            "Art der Abrechnung",
            "1 = Zwischenabrechnung" if b is not None and b.zwischenabrechnung else "0 = Endabrechnung",
        ),
    )
    satz = f"{a.erstattungssatz.normalize():f} %" if a.erstattungssatz is not None else FEHLT
    ag_gezahlt = b.ag_anteile_gezahlt if b is not None else a.ag_anteile
    felder: tuple[Feld, ...]
    if a.anlass == "arbeitsunfaehigkeit":
        felder = (
            *zeitraum,
            *_entgeltangaben(eingabe, ergebnis),
            _feld("ABTG", "Abtretung nach § 5 AAG erklärt", "N = Nein (sonst bitte ändern)"),
            _feld("AUSFALLZ", "Ausgefallene Arbeitsstunden", format_zahl(b.stunden) if b else None),
            _feld("ARTAUSFALLZ", "Art der Ausfallzeit", "3 = Arbeitsstunden"),
            _feld("AZWOECH", "Wöchentliche Arbeitszeit (Stunden)", _wochenstunden(eingabe)),
            _feld("AZTGL", "Tägliche Arbeitszeit (Stunden)", ANGEBEN),
            _feld(
                "FBRUTAU",
                "Fortgezahltes Bruttoarbeitsentgelt (ohne Einmalzahlung)",
                _betrag(a.fortgezahltes_entgelt if a.vollstaendig else None),
            ),
            _feld(
                "FAGANT",
                "Fortgezahlte Arbeitgeberanteile (ohne Einmalzahlung)",
                _betrag(ag_gezahlt if a.vollstaendig else None),
            ),
            _feld("ESATZ", "Prozentsatz der Erstattung", satz),
            _feld("EBU", "Erstattungsbetrag", _betrag(a.erstattungsbetrag)),
            _feld(
                "URAU", "Kennzeichen Unfall (0 = kein Unfall, 1 = Schädigung durch Dritte, 2 = Arbeitsunfall)", ANGEBEN
            ),
            _feld("AUTG", "Am 1. Tag der Arbeitsunfähigkeit noch gearbeitet?", ANGEBEN),
            _feld("LAT", "Letzter Arbeitstag", ANGEBEN),
        )
    elif a.anlass == "beschaeftigungsverbot":
        felder = (
            *zeitraum,
            _feld(
                "FBRUTAU",
                "Fortgezahltes Bruttoarbeitsentgelt (Mutterschutzlohn, ohne Einmalzahlung)",
                _betrag(a.fortgezahltes_entgelt if a.vollstaendig else None),
            ),
            _feld(
                "FAGANT",
                "Fortgezahlte Arbeitgeberanteile (ohne Einmalzahlung)",
                _betrag(ag_gezahlt if a.vollstaendig else None),
            ),
            _feld("ESATZ", "Erstattungssatz", satz),
            _feld("EBU", "Erstattungsbetrag", _betrag(a.erstattungsbetrag)),
            _feld("ARTBV", "Art des Beschäftigungsverbots (0 individuell, 1 generell, 2/3 teilweise)", ANGEBEN),
            _feld("MUTEN", "Mutmaßlicher Entbindungstag", ANGEBEN),
        )
    else:
        felder = (
            *zeitraum,
            _feld("SFRISTVOM", "Beginn der Schutzfrist", _datum(b.abwesenheit_von if b else None)),
            _feld("SFRISTBIS", "Ende der Schutzfrist", _datum(b.abwesenheit_bis if b else None)),
            *_mutterschaft(eingabe, ergebnis, a),
            _feld(
                "ZUMUG",
                "Zuschuss zum Mutterschaftsgeld (ohne Einmalzahlung)",
                _betrag(a.zuschuss_mutterschaftsgeld if a.vollstaendig else None),
            ),
            _feld("NETBESCH", "Kalendertägliches Nettoentgelt aus anderer Beschäftigung", ANGEBEN),
            _feld("MUTEN", "Mutmaßlicher Entbindungstag", ANGEBEN),
            _feld("", "Erstattungssatz / Erstattungsbetrag (Summe)", f"{satz} / {_betrag(a.erstattungsbetrag)}"),
        )
    baustein = Abschnitt(f"Datenbaustein {BAUSTEIN.get(a.anlass, a.anlass)}", felder)
    iban = eingabe.arbeitgeber.iban if eingabe is not None else ""
    bank = Abschnitt(
        "Datenbaustein DBBV – Bankverbindung",
        (
            _feld("IBAN", "IBAN des Arbeitgebers", iban or None),
            _feld("BIC", "BIC (nur bei Konten im Ausland)", "—"),
            _feld(
                "VWZ",
                "Verwendungszweck (ohne Namen, Geburtsdatum, VSNR, Personalnummer)",
                f"Erstattung {a.verfahren} Antrag {a.nr}" if a.nr else f"Erstattung {a.verfahren} {a.von:%m/%Y}",
            ),
        ),
    )
    kontakt_name, telefon, email = ansprechpartner
    kontakt = Abschnitt(
        "Datenbaustein DBAA – Ansprechpartner des Arbeitgebers",
        (
            _feld("NAME", "Name", kontakt_name or None),
            _feld("TEL", "Telefon", telefon or None),
            _feld("EMAIL", "E-Mail", email or None),
        ),
    )
    titel = f"Erstattungsantrag {a.verfahren} – {a.anlasstext}" + (f" – Antrag Nr. {a.nr}" if a.nr else "")
    untertitel = (
        f"{a.name or a.personalnummer} · {a.von:%d.%m.%Y}–{a.bis:%d.%m.%Y} · {a.kasse or 'Kasse fehlt'} · "
        f"Status: {a.status}" + (f", gestellt am {a.gestellt_am:%d.%m.%Y}" if a.gestellt_am else "")
    )
    return Antragsblatt(a.nr, titel, untertitel, a.vollstaendig, (kopf, name, baustein, bank, kontakt), a.hinweise, a)


def _entgeltangaben(eingabe: Monatseingabe | None, ergebnis: Monatsergebnis | None) -> tuple[Feld, Feld]:
    vertrag = eingabe.vertraege[-1] if eingabe is not None and eingabe.vertraege else None
    if vertrag is None:
        return _feld("EG", "Entgelt", None), _feld("ARTEG", "Art des Entgelts", None)
    if vertrag.lohnform is Lohnform.STUNDENLOHN:
        return _feld("EG", "Entgelt", format_eur(vertrag.satz)), _feld("ARTEG", "Art des Entgelts", "1 = Stundenlohn")
    monatlich = vertrag.satz if vertrag.lohnform is Lohnform.MONATSLOHN else None
    if monatlich is None and ergebnis is not None:  # Tageslohn: the month's running gross pay
        monatlich = ergebnis.sv_brutto - ergebnis.einmalzahlungen
    return (
        _feld("EG", "Entgelt", format_eur(monatlich) if monatlich is not None else None),
        _feld("ARTEG", "Art des Entgelts", "2 = monatliches Bruttoarbeitsentgelt"),
    )


def _wochenstunden(eingabe: Monatseingabe | None) -> str:
    vertrag = eingabe.vertraege[-1] if eingabe is not None and eingabe.vertraege else None
    if vertrag is None or vertrag.wochenstunden is None:
        return ANGEBEN
    return format_zahl(vertrag.wochenstunden)


def _mutterschaft(
    eingabe: Monatseingabe | None, ergebnis: Monatsergebnis | None, a: Erstattungsantrag
) -> tuple[Feld, ...]:
    """Monthly gross and net pay of the three months before the Schutzfrist (as finalised), the net a day."""
    vormonate = []
    if eingabe is not None and a.berechnung is not None and a.berechnung.abwesenheit_von is not None:
        beginn = a.berechnung.abwesenheit_von
        vormonate = [v for v in eingabe.vorgeschichte.vormonate if (v.jahr, v.monat) < (beginn.year, beginn.month)][-3:]
    je_tag: Decimal | None = None
    if ergebnis is not None:
        zeile = next((z for z in ergebnis.lohnarten if z.schluessel == "2400" and z.satz is not None), None)
        if zeile is not None and zeile.satz is not None:
            je_tag = zeile.satz + regelwert("mutterschaftsgeld_kasse_max_tag", a.von).wert
    brutto = sum((v.laufendes_entgelt for v in vormonate), NULL) / len(vormonate) if len(vormonate) == 3 else None
    netto = (
        sum((v.netto - v.einmalzahlungen for v in vormonate), NULL) / len(vormonate) if len(vormonate) == 3 else None
    )
    return (
        _feld(
            "BRUTMON",
            "Monatliches Bruttoentgelt (Durchschnitt der letzten drei Monate)",
            _betrag(brutto) if brutto is not None else ANGEBEN,
        ),
        _feld("NETTG", "Kalendertägliches Nettoarbeitsentgelt", _betrag(je_tag) if je_tag is not None else ANGEBEN),
        _feld(
            "NETMON",
            "Monatliches Nettoarbeitsentgelt (Durchschnitt der letzten drei Monate)",
            _betrag(netto) if netto is not None else ANGEBEN,
        ),
    )
