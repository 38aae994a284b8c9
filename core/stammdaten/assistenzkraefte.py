"""Assistants and applicants: the full Personalbogen (seed 004, 2.6.3) with children and other jobs.

GUI: `liste_assistenzkraefte(db, status=None)` → `AssistenzkraftZeile` rows for the list (name, status, Kasse,
current contract, Hinweise); `lade_assistenzkraft(db, id)` → `AssistenzkraftDaten` (with `.kinder` and
`.weitere_beschaeftigungen`); `pruefe_assistenzkraft(daten)` → {feld: Meldung} while typing (nested keys like
"kinder[0].geburtsdatum"); `speichere_assistenzkraft(db, daten)` saves the whole form in one transaction or raises
`FeldFehler`. `hinweise_assistenzkraft(daten, stichtag)` gives the warnings to show (work permit, student
status, PV proof). Code lists for combo boxes: STATUS, GESCHLECHTER, KONFESSIONEN, KIND_ARTEN, BESCHAEFTIGUNGSARTEN,
ARBEITSERLAUBNIS_ARTEN, `core.domain.kennungen.SCHULABSCHLUESSE` etc., `core.domain.staaten.staaten()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from core.domain.hinweis import Hinweis, Schwere
from core.domain.kennungen import (
    kompakt,
    pruefe_bic,
    pruefe_iban,
    pruefe_steuer_id,
    pruefe_taetigkeitsteile,
    pruefe_versicherungsnummer,
    taetigkeitsschluessel,
)
from core.domain.staaten import arbeitserlaubnis_noetig, ist_staat, staatsname
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft, Kind, Vertrag, WeitereBeschaeftigung
from core.stammdaten._abbildung import aus_modell, melde, merke, nach_modell, nach_unterliste, nicht_in_zukunft, pflicht
from core.stammdaten.repository import einheit

STATUS: dict[str, str] = {"bewerberin": "Bewerberin", "beschaeftigt": "beschäftigt", "ausgeschieden": "ausgeschieden"}
GESCHLECHTER: dict[str, str] = {"": "keine Angabe", "w": "weiblich", "m": "männlich", "d": "divers", "x": "unbestimmt"}
# Religionsschlüssel of ELStAM (the Lohnsteuerabzugsmerkmale); "--" = no church tax.
KONFESSIONEN: dict[str, str] = {
    "": "keine Angabe",
    "--": "keine Kirchensteuerpflicht",
    "ev": "evangelisch",
    "rk": "römisch-katholisch",
    "ak": "altkatholisch",
    "lt": "evangelisch-lutherisch",
    "rf": "evangelisch-reformiert",
    "fr": "französisch-reformiert",
    "fa": "freireligiös (Landesgemeinde Baden)",
    "fb": "freireligiös (Landesgemeinde Pfalz)",
    "fm": "freireligiös (Gemeinde Mainz)",
    "fs": "freireligiös (Gemeinde Offenbach/Main)",
    "ib": "israelitisch (Baden)",
    "il": "israelitisch (Kultussteuer Land Hessen)",
    "is": "israelitisch (Saarland)",
    "iw": "israelitisch (Württemberg)",
    "jd": "jüdisch (Kultussteuer)",
    "jh": "jüdisch (Hamburg)",
}
KIND_ARTEN: dict[str, str] = {
    "leiblich": "leibliches Kind",
    "adoptiv": "Adoptivkind",
    "stief": "Stiefkind",
    "pflege": "Pflegekind",
}
BESCHAEFTIGUNGSARTEN: dict[str, str] = {
    "minijob": "Minijob (geringfügig entlohnt)",
    "kurzfristig": "kurzfristige Beschäftigung",
    "midijob": "Übergangsbereich (Midijob)",
    "sv_pflichtig": "sozialversicherungspflichtige Beschäftigung",
    "sonstig": "sonstige Tätigkeit",
}
ARBEITSERLAUBNIS_ARTEN: dict[str, str] = {
    "": "keine Angabe",
    "nicht_noetig": "nicht nötig (EU/EWR/Schweiz)",
    "unbefristet": "unbeschränkt und unbefristet",
    "befristet": "befristet",
    "beschraenkt": "auf bestimmte Arbeitgeber/Tätigkeiten beschränkt",
    "keine": "liegt nicht vor",
}
STEUERKLASSEN = (1, 2, 3, 4, 5, 6)


@dataclass(slots=True)
class KindDaten:
    vorname: str = ""
    geburtsdatum: date | None = None
    art: str = "leiblich"
    nachweis_am: date | None = None
    nachweis_art: str = ""
    id: int | None = None


@dataclass(slots=True)
class WeitereBeschaeftigungDaten:
    arbeitgeber_name: str = ""
    art: str = "sonstig"
    beginn: date | None = None
    ende: date | None = None
    monatsentgelt: Decimal | None = None
    arbeitstage_im_jahr: int | None = None
    rv_befreit: bool = False
    notiz: str = ""
    id: int | None = None


@dataclass(slots=True)
class AssistenzkraftDaten:
    vorname: str = ""
    nachname: str = ""
    status: str = "bewerberin"
    personalnummer: str = ""  # empty: the next free number is given on saving
    geburtsname: str = ""
    geschlecht: str = ""
    strasse: str = ""
    plz: str = ""
    ort: str = ""
    telefon: str = ""
    telefax: str = ""
    email: str = ""
    geburtsdatum: date | None = None
    geburtsort: str = ""
    staatsangehoerigkeit: str = "DE"
    versicherungsnummer: str = ""
    krankenkasse_id: int | None = None
    privat_versichert: bool = False
    private_versicherung: str = ""
    erlernter_beruf: str = ""
    taetigkeit_kldb: str = ""
    schulabschluss: str = ""
    ausbildungsabschluss: str = ""
    arbeitnehmerueberlassung: bool = False
    vertragsform: str = ""
    finanzamt: str = ""
    steuer_id: str = ""
    steuerklasse: int | None = None
    kinderfreibetraege: Decimal = Decimal(0)
    konfession: str = ""
    freibetrag_jahr: Decimal | None = None
    freibetrag_monat: Decimal | None = None
    hat_kinder: bool = False
    elterneigenschaft_nachweis_am: date | None = None
    elterneigenschaft_nachweis_art: str = ""
    bildung: str = ""
    kontoinhaber: str = ""
    bank: str = ""
    iban: str = ""
    bic: str = ""
    arbeitserlaubnis_art: str = ""
    arbeitserlaubnis_bis: date | None = None
    arbeitserlaubnis_beschraenkung: str = ""
    student: bool = False
    immatrikuliert_bis: date | None = None
    hochschule: str = ""
    rv_befreiung_antrag_am: date | None = None
    personalausweis_geprueft_am: date | None = None
    notiz: str = ""
    kinder: list[KindDaten] = field(default_factory=list)
    weitere_beschaeftigungen: list[WeitereBeschaeftigungDaten] = field(default_factory=list)
    id: int | None = None

    @property
    def name(self) -> str:
        return f"{self.vorname} {self.nachname}".strip()

    @property
    def taetigkeitsteile(self) -> tuple[str, str, str, str, str]:
        """The five parts of the Tätigkeitsschlüssel (seed 004, 2.3.1), as `core.domain.kennungen` takes them."""
        ueberlassung = "1" if self.arbeitnehmerueberlassung else "2"
        return (self.taetigkeit_kldb, self.schulabschluss, self.ausbildungsabschluss, ueberlassung, self.vertragsform)

    @property
    def taetigkeitsschluessel(self) -> str:
        """The 9 digits if all parts are filled in and valid, else ""."""
        return "" if pruefe_taetigkeitsteile(*self.taetigkeitsteile) else taetigkeitsschluessel(*self.taetigkeitsteile)


@dataclass(frozen=True, slots=True)
class AssistenzkraftZeile:
    """One row of the assistants list."""

    id: int
    name: str
    nachname: str
    vorname: str
    status: str
    status_text: str
    krankenkasse: str
    telefon: str
    email: str
    eintritt: date | None
    austritt: date | None
    lohnform: str
    lohnsatz: Decimal | None
    beschaeftigung: str
    hinweise: tuple[Hinweis, ...]


# --- checks ------------------------------------------------------------------------------------------------------


def pruefe_assistenzkraft(daten: AssistenzkraftDaten, *, heute: date | None = None) -> dict[str, str]:
    """All field errors at once (German), keyed by dataclass field name; nested lists as "kinder[0].feld"."""
    heute = heute or date.today()
    fehler: dict[str, str] = {}
    pflicht(fehler, "vorname", daten.vorname, "den Vornamen")
    pflicht(fehler, "nachname", daten.nachname, "den Nachnamen")
    if len(daten.personalnummer.strip()) > 40:
        fehler["personalnummer"] = "Die Personalnummer ist höchstens 40 Zeichen lang."
    if daten.status not in STATUS:
        fehler["status"] = "Status: Bewerberin, beschäftigt oder ausgeschieden."
    if daten.geschlecht not in GESCHLECHTER:
        fehler["geschlecht"] = "Geschlecht: w, m, d, x oder keine Angabe."
    if daten.plz.strip() and not (daten.plz.strip().isdigit() and len(daten.plz.strip()) == 5):
        fehler["plz"] = "Die Postleitzahl hat 5 Ziffern (bei einer Anschrift im Ausland bitte in „Ort“ eintragen)."
    if daten.email.strip() and "@" not in daten.email:
        fehler["email"] = "Die E-Mail-Adresse braucht ein @."
    if daten.geburtsdatum is not None:
        if daten.geburtsdatum > heute:
            fehler["geburtsdatum"] = "Das Geburtsdatum liegt in der Zukunft."
        elif daten.geburtsdatum.year < 1900:
            fehler["geburtsdatum"] = "Das Geburtsdatum ist nicht plausibel."
    if not ist_staat(daten.staatsangehoerigkeit):
        fehler["staatsangehoerigkeit"] = "Bitte wählen Sie die Staatsangehörigkeit aus der Liste."
    if daten.versicherungsnummer.strip():
        meldung = pruefe_versicherungsnummer(
            daten.versicherungsnummer,
            geburtsdatum=daten.geburtsdatum,
            geschlecht=daten.geschlecht or None,
            geburtsname=daten.geburtsname or daten.nachname,
        )
        merke(fehler, "versicherungsnummer", meldung)
    if daten.steuer_id.strip():
        merke(fehler, "steuer_id", pruefe_steuer_id(daten.steuer_id))
    if daten.steuerklasse is not None and daten.steuerklasse not in STEUERKLASSEN:
        fehler["steuerklasse"] = "Die Steuerklasse ist 1 bis 6."
    if daten.kinderfreibetraege < 0 or (daten.kinderfreibetraege * 2) % 1 != 0:
        fehler["kinderfreibetraege"] = "Kinderfreibeträge werden in halben Schritten angegeben (0; 0,5; 1; 1,5 …)."
    if daten.konfession not in KONFESSIONEN:
        fehler["konfession"] = "Bitte wählen Sie die Konfession aus der Liste (Religionsschlüssel der ELStAM)."
    for feld_name, wert in (("freibetrag_jahr", daten.freibetrag_jahr), ("freibetrag_monat", daten.freibetrag_monat)):
        if wert is not None and wert < 0:
            fehler[feld_name] = "Ein Freibetrag kann nicht negativ sein."
    # The key's parts may still be empty (filled in later); a part that is filled in must be valid.
    for feld_name, meldung in pruefe_taetigkeitsteile(*daten.taetigkeitsteile).items():
        if getattr(daten, feld_name):
            fehler[feld_name] = meldung
    if daten.iban.strip():
        merke(fehler, "iban", pruefe_iban(daten.iban))
    merke(fehler, "bic", pruefe_bic(daten.bic))
    if daten.arbeitserlaubnis_art not in ARBEITSERLAUBNIS_ARTEN:
        fehler["arbeitserlaubnis_art"] = "Bitte wählen Sie die Art der Arbeitserlaubnis aus der Liste."
    if daten.arbeitserlaubnis_art == "befristet" and daten.arbeitserlaubnis_bis is None:
        fehler["arbeitserlaubnis_bis"] = "Bei einer befristeten Arbeitserlaubnis bitte angeben, bis wann sie gilt."
    nicht_in_zukunft(
        fehler, "rv_befreiung_antrag_am", daten.rv_befreiung_antrag_am, "Der Eingang des Befreiungsantrags", heute
    )
    nicht_in_zukunft(
        fehler,
        "elterneigenschaft_nachweis_am",
        daten.elterneigenschaft_nachweis_am,
        "Der Nachweis der Elterneigenschaft",
        heute,
    )
    for i, kind in enumerate(daten.kinder):
        wo = f"kinder[{i}]"
        if kind.art not in KIND_ARTEN:
            fehler[f"{wo}.art"] = "Art des Kindes: leiblich, Adoptiv-, Stief- oder Pflegekind."
        nicht_in_zukunft(fehler, f"{wo}.geburtsdatum", kind.geburtsdatum, "Das Geburtsdatum des Kindes", heute)
        nicht_in_zukunft(fehler, f"{wo}.nachweis_am", kind.nachweis_am, "Der Nachweis", heute)
    for i, job in enumerate(daten.weitere_beschaeftigungen):
        wo = f"weitere_beschaeftigungen[{i}]"
        if job.art not in BESCHAEFTIGUNGSARTEN:
            fehler[f"{wo}.art"] = "Bitte wählen Sie die Art der anderen Beschäftigung aus der Liste."
        if job.beginn and job.ende and job.ende < job.beginn:
            fehler[f"{wo}.ende"] = "Das Ende liegt vor dem Beginn."
        if job.monatsentgelt is not None and job.monatsentgelt < 0:
            fehler[f"{wo}.monatsentgelt"] = "Das Entgelt kann nicht negativ sein."
        if job.arbeitstage_im_jahr is not None and not 0 <= job.arbeitstage_im_jahr <= 366:
            fehler[f"{wo}.arbeitstage_im_jahr"] = "Arbeitstage im Jahr: 0 bis 366."
    return fehler


def hinweise_assistenzkraft(daten: AssistenzkraftDaten, stichtag: date | None = None) -> list[Hinweis]:
    """Business warnings to show beside the form and in the list (never block saving)."""
    tag = stichtag or date.today()
    hinweise: list[Hinweis] = []
    if daten.status != "ausgeschieden" and arbeitserlaubnis_noetig(daten.staatsangehoerigkeit):
        land = staatsname(daten.staatsangehoerigkeit)
        if daten.arbeitserlaubnis_art in ("", "keine", "nicht_noetig"):
            hinweise.append(
                Hinweis(
                    "ARBEITSERLAUBNIS_FEHLT",
                    Schwere.FEHLER if daten.status == "beschaeftigt" else Schwere.WARNUNG,
                    f"Staatsangehörigkeit {land}: Für die Beschäftigung ist ein Aufenthaltstitel nötig, der die "
                    "Arbeit erlaubt. Bitte lassen Sie ihn sich zeigen und tragen Sie ihn ein.",
                    "§ 4a AufenthG; seed 004, 2.4.6",
                )
            )
        elif daten.arbeitserlaubnis_bis is not None and daten.arbeitserlaubnis_bis < tag:
            hinweise.append(
                Hinweis(
                    "ARBEITSERLAUBNIS_ABGELAUFEN",
                    Schwere.FEHLER,
                    f"Die Arbeitserlaubnis ist am {daten.arbeitserlaubnis_bis:%d.%m.%Y} abgelaufen.",
                    "§ 4a AufenthG",
                )
            )
        elif daten.arbeitserlaubnis_bis is not None and daten.arbeitserlaubnis_bis <= tag + timedelta(weeks=8):
            hinweise.append(
                Hinweis(
                    "ARBEITSERLAUBNIS_LAEUFT_AB",
                    Schwere.WARNUNG,
                    f"Die Arbeitserlaubnis läuft am {daten.arbeitserlaubnis_bis:%d.%m.%Y} ab; die Verlängerung "
                    "muss rechtzeitig beantragt werden.",
                    "seed 004, 2.4.6",
                )
            )
    if daten.student and daten.immatrikuliert_bis is not None and daten.immatrikuliert_bis < tag:
        hinweise.append(
            Hinweis(
                "IMMATRIKULATION_ABGELAUFEN",
                Schwere.WARNUNG,
                f"Die Immatrikulationsbescheinigung galt bis {daten.immatrikuliert_bis:%d.%m.%Y}; bitte eine neue "
                "anfordern (Werkstudentenprivileg).",
                "§ 6 Abs. 1 Nr. 3 SGB V",
            )
        )
    if (
        (daten.hat_kinder or daten.kinder)
        and daten.elterneigenschaft_nachweis_am is None
        and not any(k.nachweis_am for k in daten.kinder)
    ):
        hinweise.append(
            Hinweis(
                "ELTERNEIGENSCHAFT_OHNE_NACHWEIS",
                Schwere.WARNUNG,
                "Kinder sind angegeben, aber kein Nachweis der Elterneigenschaft mit Eingangsdatum: bis zum Nachweis "
                "gilt der Beitragszuschlag für Kinderlose in der Pflegeversicherung.",
                "§ 55 Abs. 3 SGB XI; seed 004, 2.6.3",
            )
        )
    return hinweise


# --- reading -----------------------------------------------------------------------------------------------------


def _daten(zeile: Assistenzkraft) -> AssistenzkraftDaten:
    return aus_modell(
        AssistenzkraftDaten,
        zeile,
        kinder=[aus_modell(KindDaten, k) for k in zeile.kinder],
        weitere_beschaeftigungen=[aus_modell(WeitereBeschaeftigungDaten, w) for w in zeile.weitere_beschaeftigungen],
    )


def _vertrag_am(vertraege: list[Vertrag], stichtag: date) -> Vertrag | None:
    gueltige = [v for v in vertraege if v.gueltig_ab <= stichtag]
    if gueltige:
        return max(gueltige, key=lambda v: v.gueltig_ab)
    return min(vertraege, key=lambda v: v.gueltig_ab) if vertraege else None  # future start: show it


def liste_assistenzkraefte(
    db: Datenbank, *, status: str | tuple[str, ...] | None = None, stichtag: date | None = None
) -> list[AssistenzkraftZeile]:
    """Rows for the list, sorted by surname; `status` filters, `stichtag` picks the contract version shown."""
    tag = stichtag or date.today()
    erlaubt = (status,) if isinstance(status, str) else status
    with einheit(db) as e:
        zeilen: list[AssistenzkraftZeile] = []
        for a in e.assistenzkraefte.alle(status=erlaubt):
            vertrag = _vertrag_am(list(a.vertraege), tag)
            kasse = (
                "privat versichert"
                if a.privat_versichert and a.krankenkasse is None
                else (a.krankenkasse.name if a.krankenkasse else "")
            )
            zeilen.append(
                AssistenzkraftZeile(
                    id=a.id,
                    name=f"{a.vorname} {a.nachname}".strip(),
                    nachname=a.nachname,
                    vorname=a.vorname,
                    status=a.status,
                    status_text=STATUS.get(a.status, a.status),
                    krankenkasse=kasse,
                    telefon=a.telefon,
                    email=a.email,
                    eintritt=vertrag.eintritt if vertrag else None,
                    austritt=vertrag.austritt if vertrag else None,
                    lohnform=vertrag.lohnform if vertrag else "",
                    lohnsatz=vertrag.lohnsatz if vertrag else None,
                    beschaeftigung=vertrag.beschaeftigung if vertrag else "",
                    hinweise=tuple(hinweise_assistenzkraft(_daten(a), tag)),
                )
            )
    return zeilen


def lade_assistenzkraft(db: Datenbank, assistenzkraft_id: int) -> AssistenzkraftDaten:
    with einheit(db) as e:
        zeile = e.assistenzkraefte.mit_id(assistenzkraft_id)
        if zeile is None:
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr).")
        return _daten(zeile)


def _suchform(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).casefold()


def finde_assistenzkraft(db: Datenbank, name: str) -> AssistenzkraftDaten:
    """By "Vorname Nachname", "Nachname, Vorname", surname or first name alone; must be unique (CLI)."""
    suche = _suchform(name)
    with einheit(db) as e:
        alle = e.assistenzkraefte.nur_zeilen()
        # Both sides in the same form: a comma inside a name ("Muster, jun.") must not make her unfindable.
        treffer = [
            a
            for a in alle
            if suche
            in {
                _suchform(f"{a.vorname} {a.nachname}"),
                _suchform(f"{a.nachname} {a.vorname}"),
                _suchform(a.nachname),
                _suchform(a.vorname),
            }
        ]
        if not treffer:
            raise EingabeFehler(f"Keine Assistenzkraft heißt „{name}“. Bitte den Namen wie im Programm angeben.")
        if len(treffer) > 1:
            namen = ", ".join(f"{a.vorname} {a.nachname}" for a in treffer)
            raise EingabeFehler(f"„{name}“ ist nicht eindeutig ({namen}); bitte Vor- und Nachnamen angeben.")
        gefunden_id = treffer[0].id
    return lade_assistenzkraft(db, gefunden_id)


# --- writing -----------------------------------------------------------------------------------------------------


def speichere_assistenzkraft(db: Datenbank, daten: AssistenzkraftDaten) -> AssistenzkraftDaten:
    """Validate everything, then write the Personalbogen with children and other jobs in one transaction."""
    fehler = pruefe_assistenzkraft(daten)
    with einheit(db) as e:
        if daten.krankenkasse_id is not None and e.krankenkassen.zeile(daten.krankenkasse_id) is None:
            fehler["krankenkasse_id"] = "Diese Krankenkasse gibt es nicht (mehr)."
        nummer = daten.personalnummer.strip()
        if nummer:
            besitzer = e.assistenzkraefte.mit_personalnummer(nummer)
            if besitzer is not None and besitzer.id != daten.id:
                fehler["personalnummer"] = (
                    f"Die Personalnummer {nummer} hat schon {besitzer.vorname} {besitzer.nachname}. "
                    "Bitte eine andere wählen oder das Feld leer lassen (dann wird die nächste freie vergeben)."
                )
        melde(fehler)
        if daten.id is None:
            zeile = Assistenzkraft()
            e.assistenzkraefte.fuege_hinzu(zeile)
        else:
            gefunden = e.assistenzkraefte.mit_id(daten.id)
            if gefunden is None:
                raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr).")
            zeile = gefunden
        nach_modell(daten, zeile, ausser=("id", "kinder", "weitere_beschaeftigungen", "personalnummer"))
        if nummer:
            zeile.personalnummer = nummer  # empty: a new record gets the next free number, a saved one keeps its own
        zeile.vorname = daten.vorname.strip()
        zeile.nachname = daten.nachname.strip()
        zeile.staatsangehoerigkeit = daten.staatsangehoerigkeit.upper()
        zeile.versicherungsnummer = kompakt(daten.versicherungsnummer)
        zeile.steuer_id = kompakt(daten.steuer_id)
        zeile.iban = kompakt(daten.iban)
        zeile.bic = kompakt(daten.bic)
        zeile.hat_kinder = daten.hat_kinder or bool(daten.kinder)
        zeile.kinder = nach_unterliste(zeile.kinder, daten.kinder, Kind)
        zeile.weitere_beschaeftigungen = nach_unterliste(
            zeile.weitere_beschaeftigungen, daten.weitere_beschaeftigungen, WeitereBeschaeftigung
        )
        e.assistenzkraefte.lade_neu(zeile)
        return _daten(zeile)


def setze_status(db: Datenbank, assistenzkraft_id: int, status: str) -> None:
    if status not in STATUS:
        raise EingabeFehler(f"Unbekannter Status „{status}“.", feld="status")
    with einheit(db) as e:
        zeile = e.assistenzkraefte.zeile(assistenzkraft_id)
        if zeile is None:
            raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr).")
        zeile.status = status


# German labels of every Personalbogen field (GUI labels, DSGVO export, PDF).
FELDNAMEN: dict[str, str] = {
    "personalnummer": "Personalnummer",
    "status": "Status",
    "vorname": "Vorname",
    "nachname": "Name",
    "geburtsname": "Geburtsname",
    "geschlecht": "Geschlecht",
    "strasse": "Straße, Hausnummer",
    "plz": "PLZ",
    "ort": "Ort",
    "telefon": "Telefon",
    "telefax": "Telefax",
    "email": "E-Mail-Adresse",
    "geburtsdatum": "Geburtsdatum",
    "geburtsort": "Geburtsort",
    "staatsangehoerigkeit": "Staatsangehörigkeit",
    "versicherungsnummer": "Versicherungsnummer",
    "krankenkasse_id": "Krankenkasse",
    "privat_versichert": "privat krankenversichert",
    "private_versicherung": "private Krankenversicherung",
    "erlernter_beruf": "erlernter Beruf",
    "taetigkeit_kldb": "ausgeübte Tätigkeit (KldB 2010)",
    "schulabschluss": "höchster Schulabschluss",
    "ausbildungsabschluss": "höchster beruflicher Abschluss",
    "arbeitnehmerueberlassung": "Arbeitnehmerüberlassung",
    "vertragsform": "Vertragsform",
    "finanzamt": "Finanzamt",
    "steuer_id": "Steuer-ID",
    "steuerklasse": "Steuerklasse",
    "kinderfreibetraege": "Kinderfreibeträge",
    "konfession": "Konfession",
    "freibetrag_jahr": "Freibetrag Jahr",
    "freibetrag_monat": "Freibetrag Monat",
    "hat_kinder": "Kinder",
    "elterneigenschaft_nachweis_am": "Nachweis der Elterneigenschaft eingegangen am",
    "elterneigenschaft_nachweis_art": "Art des Nachweises der Elterneigenschaft",
    "bildung": "Bildungsabschlüsse (Erläuterung)",
    "kontoinhaber": "Kontoinhaber/in",
    "bank": "Bank",
    "iban": "IBAN",
    "bic": "BIC",
    "arbeitserlaubnis_art": "Arbeitserlaubnis",
    "arbeitserlaubnis_bis": "Arbeitserlaubnis gültig bis",
    "arbeitserlaubnis_beschraenkung": "Beschränkung der Arbeitserlaubnis",
    "student": "Studentin/Student",
    "immatrikuliert_bis": "immatrikuliert bis",
    "hochschule": "Hochschule",
    "rv_befreiung_antrag_am": "Antrag auf Befreiung von der Rentenversicherungspflicht eingegangen am",
    "personalausweis_geprueft_am": "Angaben mit Personalausweis geprüft am",
    "notiz": "Notiz",
    "kinder": "Kinder",
    "weitere_beschaeftigungen": "weitere Beschäftigungen",
}
KIND_FELDNAMEN: dict[str, str] = {
    "vorname": "Vorname",
    "geburtsdatum": "Geburtsdatum",
    "art": "Art",
    "nachweis_am": "Nachweis eingegangen am",
    "nachweis_art": "Art des Nachweises",
}
BESCHAEFTIGUNG_FELDNAMEN: dict[str, str] = {
    "arbeitgeber_name": "Arbeitgeber",
    "art": "Art der Beschäftigung",
    "beginn": "Beginn",
    "ende": "Ende",
    "monatsentgelt": "Entgelt im Monat",
    "arbeitstage_im_jahr": "Arbeitstage im Kalenderjahr",
    "rv_befreit": "dort von der Rentenversicherungspflicht befreit",
    "notiz": "Notiz",
}
