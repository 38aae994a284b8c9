"""Checks of German identifiers; each `pruefe_…` returns None when valid, else a German message saying what is wrong.

IBAN/BIC: schwifty. Steuer-ID and Steuernummer: python-stdnum. Versicherungsnummer and Betriebsnummer have no
maintained library, so their published check-digit rules are implemented here (sources at each function).
"""

from __future__ import annotations

import re
from datetime import date

from stdnum.de import idnr, stnr
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat
from stdnum.exceptions import InvalidLength as StdnumLaenge

from core.domain.kalender import BUNDESLAENDER

# schwifty (IBAN/BIC) is imported where it is used: loading its bank registry costs a fifth of the start-up.


def kompakt(text: str) -> str:
    """Remove blanks, dots, slashes and dashes people type into numbers; upper case."""
    return re.sub(r"[\s./\-]", "", text or "").upper()


def _quersumme(zahl: int) -> int:
    return sum(int(z) for z in str(zahl))


# --- IBAN / BIC -------------------------------------------------------------------------------------------------


def pruefe_iban(text: str) -> str | None:
    """ISO 13616 IBAN: country format, length and the mod-97 check digits (schwifty)."""
    from schwifty import IBAN
    from schwifty.exceptions import (
        InvalidBankCode,
        InvalidChecksumDigits,
        InvalidCountryCode,
        InvalidLength,
        InvalidStructure,
        SchwiftyException,
    )

    nummer = kompakt(text)
    if not nummer:
        return "Bitte geben Sie die IBAN an."
    try:
        IBAN(nummer)
    except InvalidCountryCode:
        return f"Die IBAN beginnt mit „{nummer[:2]}“; das ist kein bekannter Ländercode (z. B. DE)."
    except InvalidLength:
        return f"Die IBAN hat {len(nummer)} Zeichen; für {nummer[:2]} ist eine andere Länge vorgeschrieben."
    except InvalidChecksumDigits:
        return "Die Prüfziffern der IBAN stimmen nicht – vermutlich ein Tippfehler. Bitte vergleichen Sie die IBAN."
    except InvalidStructure:
        return "Die IBAN enthält an einer Stelle ein unzulässiges Zeichen (Buchstabe statt Ziffer oder umgekehrt)."
    except InvalidBankCode:
        return "Die Bankleitzahl in der IBAN ist unbekannt. Bitte prüfen Sie die IBAN."
    except SchwiftyException:  # e.g. the national check digits inside the BBAN; schwifty's own text is English
        return (
            "Die IBAN ist ungültig: Kontonummer oder Bankleitzahl darin passen nicht zu den Regeln des Landes. "
            "Bitte vergleichen Sie die IBAN mit dem Kontoauszug."
        )
    return None


def iban_formatiert(text: str) -> str:
    """Print form in groups of four; the input must be valid."""
    from schwifty import IBAN

    return IBAN(kompakt(text)).formatted


def bic_zur_iban(text: str) -> str | None:
    """The BIC of a German IBAN's bank (from the Bundesbank directory in schwifty), if known."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        bic = IBAN(kompakt(text)).bic
    except SchwiftyException:
        return None
    return str(bic) if bic is not None else None


def bank_zur_iban(text: str) -> tuple[str, str] | None:
    """(Name der Bank, BIC) for a valid IBAN whose bank the registry in schwifty knows (Bundesbank's
    Bankleitzahlendatei for German IBANs), else None — the form fills Bank and BIC from it."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        iban = IBAN(kompakt(text))
        name, bic = iban.bank_name, iban.bic
    except SchwiftyException:
        return None
    if not name and bic is None:
        return None
    return (name or "", str(bic) if bic is not None else "")


def pruefe_bic(text: str) -> str | None:
    """ISO 9362 BIC: 8 or 11 characters, bank code, country, location (schwifty)."""
    from schwifty import BIC
    from schwifty.exceptions import InvalidCountryCode, InvalidLength, SchwiftyException

    nummer = kompakt(text)
    if not nummer:
        return None  # optional: inside SEPA the IBAN alone suffices
    try:
        BIC(nummer)
    except InvalidLength:
        return f"Die BIC hat {len(nummer)} Zeichen; sie muss 8 oder 11 Zeichen lang sein."
    except InvalidCountryCode:
        return f"Die BIC enthält an Stelle 5–6 den Ländercode „{nummer[4:6]}“, den es nicht gibt."
    except SchwiftyException:
        return "Die BIC ist ungültig (Aufbau: 4 Buchstaben Bank, 2 Buchstaben Land, 2 Zeichen Ort, ggf. 3 Filiale)."
    return None


# --- Steuer-ID / Steuernummer ------------------------------------------------------------------------------------


def pruefe_steuer_id(text: str) -> str | None:
    """Steuerliche Identifikationsnummer (§ 139b AO): 11 digits, ISO 7064 MOD 11,10 check digit (stdnum.de.idnr)."""
    nummer = kompakt(text)
    if not nummer:
        return "Bitte geben Sie die Steuer-ID an (11 Ziffern, steht auf der Lohnsteuerbescheinigung)."
    if not nummer.isdigit():
        return "Die Steuer-ID besteht nur aus Ziffern."
    try:
        idnr.validate(nummer)
    except StdnumLaenge:
        return f"Die Steuer-ID hat {len(nummer)} Ziffern; sie muss genau 11 Ziffern haben."
    except InvalidChecksum:
        return "Die Prüfziffer der Steuer-ID stimmt nicht – vermutlich ein Tippfehler. Bitte Nummer vergleichen."
    except InvalidFormat:
        return (
            "Die Steuer-ID ist so nicht möglich: Sie beginnt nicht mit 0, und unter den ersten 10 Ziffern kommt "
            "genau eine Ziffer doppelt oder dreifach vor."
        )
    return None


def _stnr_region(bundesland: str) -> str:
    name = BUNDESLAENDER.get(bundesland, bundesland)
    if name.startswith("Bayern"):
        return "Bayern"
    return name


def pruefe_steuernummer(text: str, bundesland: str | None = None) -> str | None:
    """Steuernummer in the Land's form or the 13-digit federal form (stdnum.de.stnr, formats per Land)."""
    nummer = kompakt(text)
    if not nummer:
        return "Bitte geben Sie die Steuernummer an (vom Finanzamt, z. B. 21/815/08150)."
    if not nummer.isdigit():
        return "Die Steuernummer besteht nur aus Ziffern (Schrägstriche und Leerzeichen dürfen dazwischen stehen)."
    region = _stnr_region(bundesland) if bundesland else None
    try:
        stnr.validate(nummer, region)
    except StdnumLaenge:
        return f"Die Steuernummer hat {len(nummer)} Ziffern; erlaubt sind 10 oder 11 (Landesformat) oder 13 Ziffern."
    except (InvalidFormat, InvalidComponent):
        wo = f" für {BUNDESLAENDER.get(bundesland or '', bundesland)}" if bundesland else ""
        return f"Die Steuernummer passt nicht zum Aufbau der Steuernummern{wo}. Bitte prüfen Sie Nummer und Bundesland."
    return None


# --- Versicherungsnummer (Rentenversicherung) ---------------------------------------------------------------------

# Published rule (DRV; § 147 SGB VI, Versicherungsnummern-Verordnung § 2): the letter becomes its two-digit
# position in the alphabet (A = 01); the 12 digits before the check digit are weighted 2,1,2,5,7,1,2,1,2,1,2,1;
# the cross sums of the products are added; the sum modulo 10 is the check digit.
_VSNR_GEWICHTE = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
_VSNR_MUSTER = re.compile(r"^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$")
# Seed 004, 2.3.1: when more than 50 serial numbers per day/letter/sex are used up, the day is raised by 31 or 62.
_TAG_VERSATZ = (0, 31, 62)
_UMLAUTE = str.maketrans({"Ä": "A", "Ö": "O", "Ü": "U"})


def versicherungsnummer_pruefziffer(ohne_pruefziffer: str) -> int:
    """The check digit for the first 11 characters (2 digits, 6 digits date, letter, 2 digits serial)."""
    ziffern = ohne_pruefziffer[:8] + f"{ord(ohne_pruefziffer[8]) - ord('A') + 1:02d}" + ohne_pruefziffer[9:11]
    return sum(_quersumme(int(z) * g) for z, g in zip(ziffern, _VSNR_GEWICHTE, strict=True)) % 10


def pruefe_versicherungsnummer(
    text: str,
    *,
    geburtsdatum: date | None = None,
    geschlecht: str | None = None,
    geburtsname: str | None = None,
) -> str | None:
    """Structure, check digit and — when given — consistency with birth date, sex (m/w) and birth name."""
    nummer = kompakt(text)
    if not nummer:
        return "Bitte geben Sie die Versicherungsnummer an (12 Zeichen, z. B. 65 170839 J 08 8)."
    if len(nummer) != 12:
        return f"Die Versicherungsnummer hat {len(nummer)} Zeichen; sie muss genau 12 haben (11 Ziffern, 1 Buchstabe)."
    treffer = _VSNR_MUSTER.match(nummer)
    if treffer is None:
        return (
            "Die Versicherungsnummer ist so aufgebaut: 2 Ziffern Bereich, 6 Ziffern Geburtsdatum (TTMMJJ), "
            "Anfangsbuchstabe des Geburtsnamens, 2 Ziffern Seriennummer, 1 Prüfziffer."
        )
    _bereich, tag_text, monat_text, jahr_text, buchstabe, serie_text, pruefziffer = treffer.groups()
    tag, monat, jahr2 = int(tag_text), int(monat_text), int(jahr_text)
    moegliche_tage = [tag - v for v in _TAG_VERSATZ if 1 <= tag - v <= 31]
    if not 1 <= monat <= 12 or not moegliche_tage:
        return f"Stelle 3–8 der Versicherungsnummer ({tag_text}{monat_text}{jahr_text}) ist kein Geburtsdatum."
    if versicherungsnummer_pruefziffer(nummer[:11]) != int(pruefziffer):
        return "Die Prüfziffer der Versicherungsnummer stimmt nicht – vermutlich ein Tippfehler."
    if geburtsdatum is not None and (
        geburtsdatum.month != monat or geburtsdatum.year % 100 != jahr2 or geburtsdatum.day not in moegliche_tage
    ):
        return (
            f"Die Versicherungsnummer enthält das Geburtsdatum {tag_text}.{monat_text}.{jahr_text}, "
            f"das passt nicht zum angegebenen Geburtsdatum {geburtsdatum:%d.%m.%Y}."
        )
    serie = int(serie_text)
    kennung = "m" if serie <= 49 else "w"
    if geschlecht in ("m", "w") and geschlecht != kennung:
        wort = "männlich" if kennung == "m" else "weiblich"
        return f"Die Seriennummer {serie_text} steht für „{wort}“; passt nicht zum Geschlecht."
    if geburtsname:
        erster = geburtsname.strip()[:1].upper().translate(_UMLAUTE)
        if erster.isalpha() and "A" <= erster <= "Z" and erster != buchstabe:
            return (
                f"Der Buchstabe „{buchstabe}“ in der Versicherungsnummer passt nicht zum Geburtsnamen "
                f"„{geburtsname.strip()}“ (Anfangsbuchstabe des Geburtsnamens)."
            )
    return None


# --- Betriebsnummer (Bundesagentur für Arbeit) ------------------------------------------------------------------

# Check digit of the Betriebsnummer (BA, Gemeinsames Meldeverfahren): digits 1–7 weighted 1,2,1,2,1,2,1, cross
# sums of the products added, modulo 10; the 8th digit is that value or (value + 5) modulo 10. Verified against
# the 19 Betriebsnummern of the Unfallkassen in seed 004, 2.3.1.1 and the example 099 1234 2
# (pruefziffernberechnung.de/B/Betriebsnummer).
_BBNR_GEWICHTE = (1, 2, 1, 2, 1, 2, 1)


def betriebsnummer_pruefziffern(ohne_pruefziffer: str) -> tuple[int, int]:
    wert = sum(_quersumme(int(z) * g) for z, g in zip(ohne_pruefziffer, _BBNR_GEWICHTE, strict=True)) % 10
    return wert, (wert + 5) % 10


def pruefe_betriebsnummer(text: str) -> str | None:
    nummer = kompakt(text)
    if not nummer:
        return "Bitte geben Sie die Betriebsnummer an (8 Ziffern, vergibt die Bundesagentur für Arbeit)."
    if not nummer.isdigit():
        return "Die Betriebsnummer besteht nur aus Ziffern."
    if len(nummer) != 8:
        return f"Die Betriebsnummer hat {len(nummer)} Ziffern; sie muss genau 8 Ziffern haben."
    if nummer.startswith("00"):
        return "Die Betriebsnummer kann nicht mit 00 beginnen (die ersten Stellen kennzeichnen die Arbeitsagentur)."
    if int(nummer[7]) not in betriebsnummer_pruefziffern(nummer[:7]):
        return "Die Prüfziffer (letzte Stelle) der Betriebsnummer stimmt nicht – vermutlich ein Tippfehler."
    return None


# --- Tätigkeitsschlüssel (seed 004, 2.3.1; BA Schlüsselverzeichnis 2010) ---------------------------------------

SCHULABSCHLUESSE: dict[str, str] = {
    "1": "ohne Schulabschluss",
    "2": "Haupt-/Volksschulabschluss",
    "3": "Mittlere Reife oder gleichwertiger Abschluss",
    "4": "Abitur/Fachabitur",
    "9": "Abschluss unbekannt",
}
AUSBILDUNGSABSCHLUESSE: dict[str, str] = {
    "1": "ohne beruflichen Ausbildungsabschluss",
    "2": "Abschluss einer anerkannten Berufsausbildung",
    "3": "Meister-/Techniker- oder gleichwertiger Fachschulabschluss",
    "4": "Bachelor",
    "5": "Diplom/Magister/Master/Staatsexamen",
    "6": "Promotion",
    "9": "Abschluss unbekannt",
}
ARBEITNEHMERUEBERLASSUNG: dict[str, str] = {"1": "ja (Zeitarbeit)", "2": "nein"}
VERTRAGSFORMEN: dict[str, str] = {
    "1": "unbefristet, Vollzeit",
    "2": "unbefristet, Teilzeit",
    "3": "befristet, Vollzeit",
    "4": "befristet, Teilzeit",
}
# Examples from seed 004, 2.3.1 (KldB 2010) for assistants.
TAETIGKEITEN_BEISPIELE: dict[str, str] = {
    "83132": "Behindertenassistent/in",
    "83131": "Pflegehelfer/in in der Behindertenpflege (pflegerische Tätigkeiten überwiegen)",
    "83211": "Haushaltshilfe (hauswirtschaftliche Tätigkeiten überwiegen)",
}


def pruefe_taetigkeitsteile(
    kldb: str, schulabschluss: str, ausbildung: str, ueberlassung: str, vertragsform: str
) -> dict[str, str]:
    """Errors per part: {"taetigkeit_kldb"|"schulabschluss"|…: message}; empty when all parts are valid."""
    fehler: dict[str, str] = {}
    if not re.fullmatch(r"\d{5}", kldb or ""):
        fehler["taetigkeit_kldb"] = "Die ausgeübte Tätigkeit (KldB 2010) hat genau 5 Ziffern, z. B. 83132."
    if schulabschluss not in SCHULABSCHLUESSE:
        fehler["schulabschluss"] = "Schulabschluss: erlaubt sind 1, 2, 3, 4 oder 9."
    if ausbildung not in AUSBILDUNGSABSCHLUESSE:
        fehler["ausbildungsabschluss"] = "Ausbildungsabschluss: erlaubt sind 1 bis 6 oder 9."
    if ueberlassung not in ARBEITNEHMERUEBERLASSUNG:
        fehler["arbeitnehmerueberlassung"] = "Arbeitnehmerüberlassung: 1 (ja) oder 2 (nein)."
    if vertragsform not in VERTRAGSFORMEN:
        fehler["vertragsform"] = "Vertragsform: 1 bis 4 (unbefristet/befristet, Vollzeit/Teilzeit)."
    return fehler


def taetigkeitsschluessel(kldb: str, schulabschluss: str, ausbildung: str, ueberlassung: str, vertragsform: str) -> str:
    """The 9-digit key: KldB (5) + Schulabschluss + Ausbildung + Arbeitnehmerüberlassung + Vertragsform."""
    fehler = pruefe_taetigkeitsteile(kldb, schulabschluss, ausbildung, ueberlassung, vertragsform)
    if fehler:
        raise ValueError(" ".join(fehler.values()))
    return f"{kldb}{schulabschluss}{ausbildung}{ueberlassung}{vertragsform}"


def pruefe_taetigkeitsschluessel(text: str) -> str | None:
    nummer = kompakt(text)
    if not re.fullmatch(r"\d{9}", nummer):
        return "Der Tätigkeitsschlüssel hat genau 9 Ziffern (5 Tätigkeit, je 1 Schule, Ausbildung, Überlassung, Form)."
    fehler = pruefe_taetigkeitsteile(nummer[:5], nummer[5], nummer[6], nummer[7], nummer[8])
    return " ".join(fehler.values()) or None


def vertragsform_aus(befristet: bool, vollzeit: bool) -> str:
    """Digit 9 from the contract: 1/2 unbefristet Voll-/Teilzeit, 3/4 befristet Voll-/Teilzeit."""
    return str((3 if befristet else 1) + (0 if vollzeit else 1))
