"""Kostenkalkulation nach dem ForseA-Blatt „Berechnung der durchschnittlichen Lohnkosten“ (seed 004, 1.6.2)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from core.domain.geld import cent, format_eur, format_zahl, geld
from core.domain.hinweis import Hinweis, Schwere
from core.fehler import EingabeFehler
from core.regeln.tabellen import FehlenderRegelwert, Regelwert, UnbekanntesJahr, regelwert, unterstuetzte_jahre

# Rounding: the ForseA sheet never rounds an intermediate value — every cell holds the exact product and Excel
# only *displays* two decimals (the fixture caches e.g. Bruttoverdienst 85625.5575 and Arbeitgeberanteil
# 25617.1763…). We compute exactly the same way in Decimal and round half-up to cents only when a line is shown
# or exported. That is what reproduces the seed's three totals (147.702,58 / 12.308,55 / 16,85): rounding the
# lines first and adding them would drift by cents in other cases. Shown lines may therefore, as in the sheet,
# not add up to the shown subtotal by a cent.

HUNDERT = Decimal(100)
NULL = Decimal(0)


class Einheit(StrEnum):
    EURO = "€"
    EURO_STUNDE = "€/Std."
    STUNDEN = "Std."
    TAGE = "Tage"
    PROZENT = "%"


HOECHSTWERT = Decimal(1_000_000_000)  # upper bound of every input


@dataclass(frozen=True, slots=True)
class Feld:
    """One input of the sheet: key, German label as in the sheet, unit, group and the explanation in her words."""

    schluessel: str
    bezeichnung: str
    einheit: Einheit
    gruppe: str
    erklaerung: str


# ---------------------------------------------------------------------------------------------------------------
# The inputs ("gelb unterlegte Felder"), in the order of the sheet. Explanations follow seed 004, 1.6.2, adapted
# where the law changed since 2016.
# ---------------------------------------------------------------------------------------------------------------
_G_LOHN = "Lohn und Stunden"
_G_EINMAL = "Einmalbezüge"
_G_PAUSCHAL = "Kalkulatorische Pauschalen (Tage)"
_G_SV = "Arbeitgeberanteile"
_G_ZUSCHLAG = "Steuer- und sozialversicherungsfreie Zuschläge"
_G_ERSTATTUNG = "Erstattung"
_G_SONSTIG = "Sonstige Kosten im Jahr"

_ZUSCHLAG_NACHT = (
    "Im Kalkulationsmodell der ForseA ist Nachtarbeit die Zeit zwischen 23:00 und 6:00 Uhr, sofern mindestens zwei "
    "Stunden anfallen. Steuer- und sozialversicherungsfrei ist ein Nachtzuschlag nach § 3b EStG für Arbeit "
    "zwischen 20:00 und 6:00 Uhr (25 %, von 0 bis 4 Uhr 40 %, wenn die Arbeit vor 0 Uhr begonnen hat). Sollten "
    "weniger oder keine Zuschläge gezahlt werden, passen Sie die Stunden entsprechend an."
)
_ZUSCHLAG_SONNTAG = (
    "Berechnet wird die tägliche Arbeitszeit, umgerechnet auf 100 %, mit der Anzahl der durchschnittlichen "
    "Sonntage (Tage im Jahr geteilt durch 7). Steuer- und sozialversicherungsfrei sind nach § 3b EStG bis zu "
    "50 %. Sollten weniger oder keine Sonntagszuschläge gezahlt werden, tragen Sie hier einen entsprechenden Wert ein."
)

FELDER: tuple[Feld, ...] = (
    Feld(
        "stundensatz",
        "Stundensatz",
        Einheit.EURO_STUNDE,
        _G_LOHN,
        "Wir empfehlen dringend, hier einen Tariflohn einzusetzen und diesen auch mit dem Kostenträger zu "
        "vereinbaren. Das erspart Ihnen ständige Anpassungsverhandlungen bei Lohnerhöhungen. Der gesetzliche "
        "Mindestlohn darf nicht unterschritten werden.",
    ),
    Feld(
        "tage",
        "Anzahl Tage",
        Einheit.TAGE,
        _G_LOHN,
        "Tage im Jahr, an denen Assistenz gebraucht wird. 365,25 berücksichtigt das Schaltjahr im Durchschnitt.",
    ),
    Feld(
        "arbeit1_stunden",
        "Stunden Arbeit I je Arbeitstag",
        Einheit.STUNDEN,
        _G_LOHN,
        "Das sind die eigentlichen Arbeitsstunden, die durchschnittlich täglich anfallen und voll bezahlt werden "
        "sollen.",
    ),
    Feld(
        "arbeit2_stunden",
        "Stunden Arbeit II je Arbeitstag",
        Einheit.STUNDEN,
        _G_LOHN,
        "Hier tragen Sie die durchschnittlichen Stunden ein, in denen Assistenz gebraucht, jedoch nicht gearbeitet "
        "wird (Bereitschaft), zum Beispiel vereinbarte Pausen oder die Nachtruhe.",
    ),
    Feld(
        "arbeit1_prozent",
        "Bewertung Arbeit I",
        Einheit.PROZENT,
        _G_LOHN,
        "Stunden der Arbeit I werden mit dem vereinbarten Lohn in voller Höhe bezahlt (100 %).",
    ),
    Feld(
        "arbeit2_prozent",
        "Bewertung Arbeit II",
        Einheit.PROZENT,
        _G_LOHN,
        "Im Gegensatz zu 100 % bei Arbeit I können Sie hier die Bereitschaft abwerten, je nach "
        "Einsatzwahrscheinlichkeit: sehr selten 10–20 %, immer mal 30–40 %, fast jede Nacht 50 %, einmal je Nacht "
        "70 %, zweimal je Nacht 90 %; bei häufigeren Einsätzen gehört die Zeit zur Arbeit I. Bereitschaft ist "
        "Arbeitszeit: im Durchschnitt von Arbeit I und Arbeit II muss der Mindestlohn erreicht werden.",
    ),
    Feld(
        "urlaubsgeld_prozent",
        "Urlaubsgeld",
        Einheit.PROZENT,
        _G_EINMAL,
        "Sollten Sie Urlaubsgeld bezahlen, geben Sie hier einen Prozentsatz ein. Der Betrag wird aus dem "
        "Monatseinkommen (Bruttoverdienst im Jahr geteilt durch 12) ermittelt.",
    ),
    Feld(
        "weihnachtsgeld_prozent",
        "Weihnachtsgeld",
        Einheit.PROZENT,
        _G_EINMAL,
        "Sollten Sie Weihnachtsgeld bezahlen, geben Sie hier einen Prozentsatz ein. Der Betrag wird aus dem "
        "Monatseinkommen ermittelt.",
    ),
    Feld(
        "krankheit_tage",
        "Krankheit (kalk.)",
        Einheit.TAGE,
        _G_PAUSCHAL,
        "Eine kalkulatorische Größe: niemand kann vorhersagen, ob und wie lange Ihre Assistenz krank wird. Die "
        "Position soll nur nicht vergessen werden. Wechseln Sie zwischen 0 und etwa 100 Tagen, um Ihr Risiko zu "
        "sehen. Soll das Budget alle Aufwendungen abgelten, kann der Wert nicht hoch genug sein (mindestens 50 "
        "Tage); wird die Entgeltfortzahlung „spitz“ außerhalb des Budgets abgerechnet, tragen Sie 0 ein.",
    ),
    Feld(
        "einarbeitung_tage",
        "Einarbeitung",
        Einheit.TAGE,
        _G_PAUSCHAL,
        "Wenn Kolleginnen neue Assistentinnen einarbeiten, entstehen Mehrkosten. Sie entscheiden selbst, ob und "
        "wie viele Tage Sie hier eintragen.",
    ),
    Feld(
        "weiterbildung_tage",
        "Weiterbildung",
        Einheit.TAGE,
        _G_PAUSCHAL,
        "Wenn zum Beispiel bei beatmeten Menschen die ständige Weiterbildung des Assistenzteams nötig ist, tragen "
        "Sie hier die Tage ein.",
    ),
    Feld(
        "feiertage_tage",
        "Feiertage",
        Einheit.TAGE,
        _G_PAUSCHAL,
        "Gearbeitete Feiertage werden durch bezahlte Freizeit an anderen Tagen ausgeglichen (§ 11 Abs. 3 ArbZG). "
        "Zuschläge für gearbeitete Feiertage sind hierin nicht enthalten. Eingetragen sind die höchstens möglichen "
        "Feiertage (einschließlich Oster- und Pfingstsonntag).",
    ),
    Feld(
        "urlaub_tage",
        "Urlaub",
        Einheit.TAGE,
        _G_PAUSCHAL,
        "Sie müssen mindestens den gesetzlichen Urlaub gewähren: vier Wochen. Brauchen Sie an 7 Tagen in der Woche "
        "Assistenz, bezahlen Sie 28 Urlaubstage – gleich, wie viele Assistentinnen sich diesen Anspruch teilen.",
    ),
    Feld(
        "kv_prozent",
        "Krankenversicherung",
        Einheit.PROZENT,
        _G_SV,
        "Allgemeiner Beitragssatz der Krankenversicherung (14,6 %). Arbeitgeberin und Assistentin tragen ihn je "
        "zur Hälfte. Die Beitragssätze sollten immer aktuell sein; Auskunft geben die Krankenkassen.",
    ),
    Feld(
        "kv_zusatz_prozent",
        "Zusatzbeitrag Krankenversicherung",
        Einheit.PROZENT,
        _G_SV,
        "Seit 2019 tragen Arbeitgeberin und Assistentin auch den Zusatzbeitrag je zur Hälfte (§ 249 SGB V). "
        "Die Kalkulation von 2016 kannte diese Zeile nicht, weil die Assistentin ihn damals allein trug. Tragen "
        "Sie den Satz Ihrer Kasse oder den durchschnittlichen Zusatzbeitrag ein.",
    ),
    Feld(
        "pv_prozent",
        "Pflegeversicherung",
        Einheit.PROZENT,
        _G_SV,
        "Beitragssatz der Pflegeversicherung, je zur Hälfte getragen. Den Zuschlag für Kinderlose trägt die "
        "Assistentin allein; er spielt für Ihre Kosten keine Rolle. In Sachsen trägt die Arbeitgeberin einen "
        "halben Prozentpunkt weniger.",
    ),
    Feld(
        "rv_prozent",
        "Rentenversicherung",
        Einheit.PROZENT,
        _G_SV,
        "Beitragssatz der Rentenversicherung, je zur Hälfte getragen.",
    ),
    Feld(
        "av_prozent",
        "Arbeitslosenversicherung",
        Einheit.PROZENT,
        _G_SV,
        "Beitragssatz der Arbeitslosenversicherung, je zur Hälfte getragen.",
    ),
    Feld(
        "u1_prozent",
        "Umlage U1",
        Einheit.PROZENT,
        _G_SV,
        "Umlage für die Entgeltfortzahlung im Krankheitsfall; die Arbeitgeberin trägt sie allein. Der Satz hängt "
        "von der Krankenkasse Ihrer Assistentinnen und der gewählten Erstattungsstufe ab (bei Minijobs: "
        "Minijob-Zentrale). Eine Insolvenzgeldumlage zahlen private Haushalte nicht.",
    ),
    Feld(
        "u2_prozent",
        "Umlage U2",
        Einheit.PROZENT,
        _G_SV,
        "Umlage für die Leistungen bei Mutterschaft; die Arbeitgeberin trägt sie allein.",
    ),
    Feld("nacht_arbeit1_stunden", "Nacht Arbeit I – Stunden", Einheit.STUNDEN, _G_ZUSCHLAG, _ZUSCHLAG_NACHT),
    Feld(
        "nacht_arbeit1_zuschlag_prozent",
        "Nacht Arbeit I – Zuschlag",
        Einheit.PROZENT,
        _G_ZUSCHLAG,
        "Zuschlag in Prozent des Stundensatzes (steuerfrei bis 25 %, von 0 bis 4 Uhr bis 40 %).",
    ),
    Feld(
        "nacht_arbeit2_stunden",
        "Nacht Arbeit II – Stunden",
        Einheit.STUNDEN,
        _G_ZUSCHLAG,
        _ZUSCHLAG_NACHT + " Für Arbeit II wird der Zuschlag vom abgewerteten Stundensatz berechnet.",
    ),
    Feld(
        "nacht_arbeit2_zuschlag_prozent",
        "Nacht Arbeit II – Zuschlag",
        Einheit.PROZENT,
        _G_ZUSCHLAG,
        "Zuschlag in Prozent des mit der Bewertung Arbeit II abgewerteten Stundensatzes.",
    ),
    Feld("sonntag_arbeit1_stunden", "Sonntag Arbeit I – Stunden", Einheit.STUNDEN, _G_ZUSCHLAG, _ZUSCHLAG_SONNTAG),
    Feld(
        "sonntag_arbeit1_zuschlag_prozent",
        "Sonntag Arbeit I – Zuschlag",
        Einheit.PROZENT,
        _G_ZUSCHLAG,
        "Zuschlag in Prozent des Stundensatzes (steuerfrei bis 50 %).",
    ),
    Feld(
        "sonntag_arbeit2_stunden",
        "Sonntag Arbeit II – Stunden",
        Einheit.STUNDEN,
        _G_ZUSCHLAG,
        _ZUSCHLAG_SONNTAG + " Für Arbeit II wird der Zuschlag vom abgewerteten Stundensatz berechnet.",
    ),
    Feld(
        "sonntag_arbeit2_zuschlag_prozent",
        "Sonntag Arbeit II – Zuschlag",
        Einheit.PROZENT,
        _G_ZUSCHLAG,
        "Zuschlag in Prozent des mit der Bewertung Arbeit II abgewerteten Stundensatzes.",
    ),
    Feld(
        "erstattung_prozent",
        "Erstattung der fiktiven Lohnfortzahlungskosten",
        Einheit.PROZENT,
        _G_ERSTATTUNG,
        "Die Krankenkasse erstattet aus der Umlage U1 einen Teil des im Krankheitsfall fortgezahlten Lohns. "
        "Tragen Sie höchstens 70 % ein: die Kassen Ihrer Assistentinnen bieten unterschiedliche Erstattungssätze, "
        "die frühere Höchsterstattung von 80 % ist selten geworden. Gerechnet wird vom Betrag der Zeile "
        "„Krankheit (kalk.)“.",
    ),
    Feld(
        "berufsgenossenschaft",
        "Berufsgenossenschaft",
        Einheit.EURO,
        _G_SONSTIG,
        "Beitrag zur gesetzlichen Unfallversicherung (Unfallkasse Ihres Landes), ungefähr. Die Unfallkasse "
        "Baden-Württemberg kostete 2011 zum Beispiel 54 € je Vollzeitkraft im Jahr.",
    ),
    Feld(
        "unterkunft",
        "Unterkunftskosten",
        Einheit.EURO,
        _G_SONSTIG,
        "Ausgleich für den zusätzlichen Wohnraum, den Sie Ihrer Assistenz bereitstellen. Im Zweifel empfehlen wir "
        "den Sachbezugswert für freie Unterkunft (monatlich × 12).",
    ),
    Feld(
        "regiekosten",
        "Regiekosten (pauschaliert ohne Nachweise)",
        Einheit.EURO,
        _G_SONSTIG,
        "Deckt Stellenanzeigen, Papier, Computer, Druckertinte, Telefon, Porto und Ähnliches. Wir empfehlen eine "
        "Pauschale ohne Nachweise, damit Sie keine Kleinbelege sammeln müssen.",
    ),
    Feld(
        "lohnabrechnung",
        "Steuerberater (Kosten für Lohnabrechnung)",
        Einheit.EURO,
        _G_SONSTIG,
        "Ein Steuerberater berechnet je Lohnabrechnung und Assistenzperson einen Betrag, dazu Pauschalen für die "
        "Einrichtung und für Ein- und Austritte. Machen Sie die Abrechnung selbst, fallen geringere Kosten an.",
    ),
    Feld(
        "begleitperson",
        "Kosten der Begleitperson",
        Einheit.EURO,
        _G_SONSTIG,
        "Ob notwendige Kino- oder Theaterkarten oder zusätzliche Reise- und Übernachtungskosten der Assistenz: "
        "sinnvollerweise stellen Sie vorsorglich eine Pauschale ein, sonst müssten Sie diese Kosten an der übrigen "
        "Assistenz einsparen. Hierher gehören auch Mehrstunden der Assistenz auf Reisen.",
    ),
    Feld(
        "beratung",
        "Beratung und Unterstützung",
        Einheit.EURO,
        _G_SONSTIG,
        "Kosten für Beratung und Unterstützung gehören zum Bedarf: ein Persönliches Budget wird so bemessen, dass "
        "der festgestellte Bedarf gedeckt wird und die erforderliche Beratung und Unterstützung erfolgen kann "
        "(§ 29 Abs. 2 SGB IX, früher § 17 SGB IX).",
    ),
)

FELD: dict[str, Feld] = {f.schluessel: f for f in FELDER}


@dataclass(frozen=True, slots=True)
class KalkulationsParameter:
    """Every input line of the sheet. Percentages in percent (30 = 30 %), amounts in euros per year."""

    stundensatz: Decimal
    tage: Decimal = Decimal("365.25")
    arbeit1_stunden: Decimal = NULL
    arbeit2_stunden: Decimal = NULL
    arbeit1_prozent: Decimal = HUNDERT
    arbeit2_prozent: Decimal = NULL
    urlaubsgeld_prozent: Decimal = NULL
    weihnachtsgeld_prozent: Decimal = NULL
    krankheit_tage: Decimal = NULL
    einarbeitung_tage: Decimal = NULL
    weiterbildung_tage: Decimal = NULL
    feiertage_tage: Decimal = NULL
    urlaub_tage: Decimal = NULL
    kv_prozent: Decimal = NULL
    kv_zusatz_prozent: Decimal = NULL
    pv_prozent: Decimal = NULL
    rv_prozent: Decimal = NULL
    av_prozent: Decimal = NULL
    u1_prozent: Decimal = NULL
    u2_prozent: Decimal = NULL
    nacht_arbeit1_stunden: Decimal = NULL
    nacht_arbeit1_zuschlag_prozent: Decimal = NULL
    nacht_arbeit2_stunden: Decimal = NULL
    nacht_arbeit2_zuschlag_prozent: Decimal = NULL
    sonntag_arbeit1_stunden: Decimal = NULL
    sonntag_arbeit1_zuschlag_prozent: Decimal = NULL
    sonntag_arbeit2_stunden: Decimal = NULL
    sonntag_arbeit2_zuschlag_prozent: Decimal = NULL
    erstattung_prozent: Decimal = NULL
    berufsgenossenschaft: Decimal = NULL
    unterkunft: Decimal = NULL
    regiekosten: Decimal = NULL
    lohnabrechnung: Decimal = NULL
    begleitperson: Decimal = NULL
    beratung: Decimal = NULL

    def __post_init__(self) -> None:
        for f in fields(self):
            wert = getattr(self, f.name)
            if isinstance(wert, bool) or not isinstance(wert, Decimal):
                raise TypeError(f"{f.name}: Dezimalzahl erwartet, nicht {type(wert).__name__}")
            if not wert.is_finite():
                raise EingabeFehler(f"„{FELD[f.name].bezeichnung}“ ist keine gültige Zahl.", feld=f.name)
            if wert < 0:
                raise EingabeFehler(
                    f"„{FELD[f.name].bezeichnung}“ darf nicht negativ sein (eingegeben: {format_zahl(wert, None)}).",
                    feld=f.name,
                )
            if wert > HOECHSTWERT:  # keeps every line exact and printable; no household comes near it
                raise EingabeFehler(
                    f"„{FELD[f.name].bezeichnung}“ ist zu groß (höchstens eine Milliarde).", feld=f.name
                )
        if self.tage <= 0:
            raise EingabeFehler("„Anzahl Tage“ muss größer als 0 sein.", feld="tage")

    def als_dict(self) -> dict[str, str]:
        """Contract form: every value as text with a dot, without trailing zeros beyond what was entered."""
        return {f.name: _dezimal_text(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def aus_dict(cls, daten: dict[str, str | int | Decimal]) -> KalkulationsParameter:
        """Build from text values (as stored or given on the command line); unknown keys are refused."""
        unbekannt = set(daten) - set(FELD)
        if unbekannt:
            raise EingabeFehler(f"Unbekannte Angaben in der Kalkulation: {', '.join(sorted(unbekannt))}.")
        werte: dict[str, Decimal] = {}
        for schluessel, roh in daten.items():
            try:
                werte[schluessel] = geld(roh)
            except (ValueError, TypeError):
                raise EingabeFehler(
                    f"„{FELD[schluessel].bezeichnung}“: „{roh}“ ist keine Zahl.", feld=schluessel
                ) from None
        if "stundensatz" not in werte:
            raise EingabeFehler("Der Stundensatz fehlt.", feld="stundensatz")
        return cls(**werte)

    def mit(self, **aenderungen: Decimal) -> KalkulationsParameter:
        return replace(self, **aenderungen)


def wert_mit_einheit(wert: Decimal, einheit: Einheit) -> str:
    """A line's value as the PDF and the command line print it: "1.234,56 €", "13,79 €/Std.", "365,25 Tage"."""
    if einheit is Einheit.EURO:
        return format_eur(wert)
    if einheit is Einheit.EURO_STUNDE:
        return format_eur(wert) + "/Std."
    return f"{format_zahl(wert, None)} {einheit.value}"


def _dezimal_text(wert: Decimal) -> str:
    text = format(wert, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True, slots=True)
class Zeile:
    """One computed line: exact amount (unrounded, as the sheet holds it) and its explanation."""

    schluessel: str
    bezeichnung: str
    betrag: Decimal
    erklaerung: str
    summe: bool = False  # a subtotal or total (printed bold, right column)
    einheit: Einheit = Einheit.EURO

    @property
    def betrag_gerundet(self) -> Decimal:
        return cent(self.betrag) if self.einheit is not Einheit.PROZENT else self.betrag


# The ten totals of CONTRACTS §4, in order.
ERGEBNIS_SCHLUESSEL: tuple[str, ...] = (
    "kosten_je_arbeitstag",
    "bruttoverdienst_jahr",
    "bruttolohnkosten",
    "arbeitgeberanteil",
    "zuschlaege",
    "erstattung",
    "sonstige_kosten",
    "gesamtkosten_jahr",
    "gesamtkosten_monat",
    "gesamtkosten_stunde",
)


@dataclass(frozen=True, slots=True)
class KalkulationsErgebnis:
    """Every line and subtotal of the sheet (exact), plus Hinweise."""

    zeilen: tuple[Zeile, ...]
    hinweise: tuple[Hinweis, ...] = field(default_factory=tuple)

    def __getitem__(self, schluessel: str) -> Decimal:
        return self.zeile(schluessel).betrag

    def zeile(self, schluessel: str) -> Zeile:
        for zeile in self.zeilen:
            if zeile.schluessel == schluessel:
                return zeile
        raise KeyError(schluessel)

    def summen(self) -> dict[str, Decimal]:
        """The contract totals, rounded half-up to cents (erstattung as a positive amount that is subtracted)."""
        return {s: cent(self[s]) for s in ERGEBNIS_SCHLUESSEL}

    def als_dict(self) -> dict[str, str]:
        return {s: f"{betrag:.2f}" for s, betrag in self.summen().items()}


def _z(schluessel: str, bezeichnung: str, betrag: Decimal, erklaerung: str, *, summe: bool = False) -> Zeile:
    return Zeile(schluessel, bezeichnung, betrag, erklaerung, summe)


def berechne(p: KalkulationsParameter, *, stichtag: date | None = None) -> KalkulationsErgebnis:
    """Compute every line exactly as the ForseA sheet does (no intermediate rounding).

    With `stichtag`, the result also says whether the average hourly pay reaches that day's Mindestlohn.
    """
    satz1 = p.stundensatz * p.arbeit1_prozent / HUNDERT  # value of one hour Arbeit I
    satz2 = p.stundensatz * p.arbeit2_prozent / HUNDERT  # value of one hour Arbeit II (weighted standby)
    je_tag = p.arbeit1_stunden * satz1 + p.arbeit2_stunden * satz2
    brutto = je_tag * p.tage
    urlaubsgeld = brutto / 12 * p.urlaubsgeld_prozent / HUNDERT
    weihnachtsgeld = brutto / 12 * p.weihnachtsgeld_prozent / HUNDERT
    krankheit = p.krankheit_tage * je_tag
    einarbeitung = p.einarbeitung_tage * je_tag
    weiterbildung = p.weiterbildung_tage * je_tag
    feiertage = p.feiertage_tage * je_tag
    urlaub = p.urlaub_tage * je_tag
    pauschalen = krankheit + einarbeitung + weiterbildung + feiertage + urlaub
    bruttolohnkosten = brutto + urlaubsgeld + weihnachtsgeld + pauschalen

    sv_summe = p.kv_prozent + p.kv_zusatz_prozent + p.pv_prozent + p.rv_prozent + p.av_prozent
    sv_haelfte = sv_summe / 2
    ag_prozent = sv_haelfte + p.u1_prozent + p.u2_prozent
    ag_betrag = bruttolohnkosten * ag_prozent / HUNDERT

    nacht1 = p.nacht_arbeit1_stunden * satz1 * p.nacht_arbeit1_zuschlag_prozent / HUNDERT * p.tage
    nacht2 = p.nacht_arbeit2_stunden * satz2 * p.nacht_arbeit2_zuschlag_prozent / HUNDERT * p.tage
    sonntag1 = p.sonntag_arbeit1_stunden * satz1 * p.sonntag_arbeit1_zuschlag_prozent / HUNDERT * p.tage / 7
    sonntag2 = p.sonntag_arbeit2_stunden * satz2 * p.sonntag_arbeit2_zuschlag_prozent / HUNDERT * p.tage / 7
    zuschlaege = nacht1 + nacht2 + sonntag1 + sonntag2

    erstattung = krankheit * p.erstattung_prozent / HUNDERT
    sonstige = p.berufsgenossenschaft + p.unterkunft + p.regiekosten + p.lohnabrechnung + p.begleitperson + p.beratung
    gesamt = bruttolohnkosten + ag_betrag + zuschlaege - erstattung + sonstige
    monat = gesamt / 12
    stunde = gesamt / (p.tage * 24)

    e = FELD
    zeilen = (
        _z(
            "kosten_je_arbeitstag",
            "Kosten je Arbeitstag",
            je_tag,
            "Stundensatz × (Stunden Arbeit I × Bewertung Arbeit I + Stunden Arbeit II × Bewertung Arbeit II).",
        ),
        _z(
            "bruttoverdienst_jahr",
            "Bruttoverdienst im Jahr",
            brutto,
            "Kosten je Arbeitstag × Anzahl Tage.",
            summe=True,
        ),
        _z("urlaubsgeld", "Urlaubsgeld", urlaubsgeld, e["urlaubsgeld_prozent"].erklaerung),
        _z("weihnachtsgeld", "Weihnachtsgeld", weihnachtsgeld, e["weihnachtsgeld_prozent"].erklaerung),
        _z("krankheit", "Krankheit (kalk.)", krankheit, e["krankheit_tage"].erklaerung),
        _z("einarbeitung", "Einarbeitung", einarbeitung, e["einarbeitung_tage"].erklaerung),
        _z("weiterbildung", "Weiterbildung", weiterbildung, e["weiterbildung_tage"].erklaerung),
        _z("feiertage", "Feiertage", feiertage, e["feiertage_tage"].erklaerung),
        _z("urlaub", "Urlaub", urlaub, e["urlaub_tage"].erklaerung),
        _z(
            "pauschalen",
            "Kalkulatorische Pauschalen zusammen",
            pauschalen,
            "Tage für Krankheit, Einarbeitung, Weiterbildung, Feiertage und Urlaub, je mit den Kosten eines "
            "Arbeitstages: an diesen Tagen wird der Lohn weitergezahlt und zugleich eine Vertretung bezahlt.",
            summe=True,
        ),
        _z(
            "bruttolohnkosten",
            "Bruttolohnkosten",
            bruttolohnkosten,
            "Bruttoverdienst im Jahr + Urlaubsgeld + Weihnachtsgeld + kalkulatorische Pauschalen.",
            summe=True,
        ),
        Zeile(
            "sv_summe_prozent",
            "Summe der Beitragssätze",
            sv_summe,
            "Kranken- (mit Zusatzbeitrag), Pflege-, Renten- und Arbeitslosenversicherung zusammen.",
            einheit=Einheit.PROZENT,
        ),
        Zeile(
            "sv_haelfte_prozent",
            "davon die Hälfte",
            sv_haelfte,
            "Den Gesamtsozialversicherungsbeitrag tragen Arbeitgeberin und Assistentin je zur Hälfte.",
            einheit=Einheit.PROZENT,
        ),
        Zeile(
            "arbeitgeberanteil_prozent",
            "Arbeitgeberanteil in %",
            ag_prozent,
            "Die Hälfte der Beitragssätze + Umlage U1 + Umlage U2.",
            einheit=Einheit.PROZENT,
        ),
        _z(
            "arbeitgeberanteil",
            "Arbeitgeberanteil in €",
            ag_betrag,
            "Bruttolohnkosten × Arbeitgeberanteil in %. Die Beitragssätze sollten immer aktuell sein; Auskunft "
            "erteilen die Krankenkassen.",
            summe=True,
        ),
        _z("nacht_arbeit1", "Nacht Arbeit I", nacht1, "Stunden × Stundensatz × Zuschlag × Anzahl Tage."),
        _z(
            "nacht_arbeit2",
            "Nacht Arbeit II",
            nacht2,
            "Stunden × Stundensatz × Bewertung Arbeit II × Zuschlag × Anzahl Tage.",
        ),
        _z(
            "sonntag_arbeit1",
            "Sonntag Arbeit I",
            sonntag1,
            "Stunden × Stundensatz × Zuschlag × Anzahl Tage ÷ 7 (durchschnittliche Sonntage).",
        ),
        _z(
            "sonntag_arbeit2",
            "Sonntag Arbeit II",
            sonntag2,
            "Stunden × Stundensatz × Bewertung Arbeit II × Zuschlag × Anzahl Tage ÷ 7.",
        ),
        _z(
            "zuschlaege",
            "Steuer- und sozialversicherungsfreie Zuschläge",
            zuschlaege,
            "Nacht- und Sonntagszuschläge zusammen. Sie sind bis zu den Grenzen des § 3b EStG steuerfrei und "
            "bis zu einem Grundlohn von 25 € je Stunde auch beitragsfrei; deshalb fallen auf sie keine "
            "Arbeitgeberanteile an.",
            summe=True,
        ),
        _z(
            "erstattung",
            "./. Erstattung der fiktiven Lohnfortzahlungskosten",
            erstattung,
            e["erstattung_prozent"].erklaerung,
            summe=True,
        ),
        _z(
            "berufsgenossenschaft", "Berufsgenossenschaft", p.berufsgenossenschaft, e["berufsgenossenschaft"].erklaerung
        ),
        _z("unterkunft", "Unterkunftskosten", p.unterkunft, e["unterkunft"].erklaerung),
        _z("regiekosten", e["regiekosten"].bezeichnung, p.regiekosten, e["regiekosten"].erklaerung),
        _z("lohnabrechnung", e["lohnabrechnung"].bezeichnung, p.lohnabrechnung, e["lohnabrechnung"].erklaerung),
        _z("begleitperson", e["begleitperson"].bezeichnung, p.begleitperson, e["begleitperson"].erklaerung),
        _z("beratung", e["beratung"].bezeichnung, p.beratung, e["beratung"].erklaerung),
        _z("sonstige_kosten", "Sonstige Kosten zusammen", sonstige, "Summe der sonstigen Kosten im Jahr.", summe=True),
        _z(
            "gesamtkosten_jahr",
            "Gesamtkosten im Jahr",
            gesamt,
            "Bruttolohnkosten + Arbeitgeberanteil + Zuschläge − Erstattung + sonstige Kosten.",
            summe=True,
        ),
        _z("gesamtkosten_monat", "umgerechnet auf den Monat", monat, "Gesamtkosten im Jahr ÷ 12.", summe=True),
        _z(
            "gesamtkosten_stunde",
            "umgerechnet auf die Stunde",
            stunde,
            "Gesamtkosten im Jahr ÷ (Anzahl Tage × 24 Stunden): was eine Stunde Rund-um-die-Uhr-Assistenz kostet.",
            summe=True,
        ),
    )
    return KalkulationsErgebnis(zeilen=zeilen, hinweise=tuple(_pruefe(p, je_tag, stichtag, gesamt)))


# Above these a figure is almost certainly mistyped (a surcharge of 150 % is legal on holidays; 100 % is the most any
# other share can be). Warnings, not refusals: the user may have a reason, but must see it before saving or printing.
PROZENT_PLAUSIBEL = Decimal(100)
ZUSCHLAG_PLAUSIBEL = Decimal(150)


def _plausibilitaet(p: KalkulationsParameter, gesamt: Decimal) -> list[Hinweis]:
    hinweise: list[Hinweis] = []
    for feld in FELD.values():
        wert = getattr(p, feld.schluessel)
        grenze = ZUSCHLAG_PLAUSIBEL if "zuschlag" in feld.schluessel else PROZENT_PLAUSIBEL
        if feld.einheit is Einheit.PROZENT and wert > grenze and feld.schluessel != "erstattung_prozent":
            hinweise.append(
                Hinweis(
                    "KALKULATION_PROZENT_UNPLAUSIBEL",
                    Schwere.WARNUNG,
                    f"„{feld.bezeichnung}“ ist mit {format_zahl(wert, None)} % unplausibel hoch (erwartet höchstens "
                    f"{format_zahl(grenze, None)} %). Bitte prüfen Sie die Eingabe.",
                )
            )
    if p.tage > 366:
        hinweise.append(
            Hinweis(
                "KALKULATION_TAGE_UNPLAUSIBEL",
                Schwere.WARNUNG,
                f"„Anzahl Tage“ ist {format_zahl(p.tage, None)} – ein Jahr hat höchstens 366 Tage.",
            )
        )
    if gesamt < 0:
        hinweise.append(
            Hinweis(
                "KALKULATION_GESAMT_NEGATIV",
                Schwere.FEHLER,
                f"Die Gesamtkosten im Jahr sind negativ ({format_zahl(gesamt)} €): die Erstattung oder ein anderer "
                "Wert ist viel zu groß eingetragen. So kann die Kalkulation nicht stimmen; bitte prüfen Sie die "
                "Eingaben, bevor Sie sie verwenden.",
            )
        )
    return hinweise


def _pruefe(p: KalkulationsParameter, je_tag: Decimal, stichtag: date | None, gesamt: Decimal) -> list[Hinweis]:
    hinweise: list[Hinweis] = _plausibilitaet(p, gesamt)
    if p.arbeit1_stunden + p.arbeit2_stunden > 24:
        hinweise.append(
            Hinweis(
                "KALKULATION_MEHR_ALS_24_STUNDEN",
                Schwere.WARNUNG,
                f"Arbeit I und Arbeit II ergeben zusammen {format_zahl(p.arbeit1_stunden + p.arbeit2_stunden, None)} "
                "Stunden je Tag – mehr als 24. Bitte prüfen Sie die Stunden.",
            )
        )
    if p.erstattung_prozent > 80:
        hinweise.append(
            Hinweis(
                "KALKULATION_ERSTATTUNG_HOCH",
                Schwere.WARNUNG,
                f"Erstattung {format_zahl(p.erstattung_prozent, None)} %: die U1-Erstattung beträgt höchstens 80 %; "
                "wir empfehlen höchstens 70 % einzutragen.",
                "§ 1 Abs. 1 AAG",
            )
        )
    if stichtag is not None:
        try:
            mindestlohn = regelwert("mindestlohn_stunde", stichtag)
        except (FehlenderRegelwert, UnbekanntesJahr):
            return hinweise
        stunden = p.arbeit1_stunden + p.arbeit2_stunden
        if p.stundensatz < mindestlohn.wert:
            hinweise.append(
                Hinweis(
                    "KALKULATION_UNTER_MINDESTLOHN",
                    Schwere.FEHLER,
                    f"Der Stundensatz {format_zahl(p.stundensatz)} € liegt unter dem Mindestlohn von "
                    f"{format_zahl(mindestlohn.wert)} € (gültig ab {mindestlohn.gueltig_ab:%d.%m.%Y}).",
                    mindestlohn.quelle,
                )
            )
        elif stunden > 0 and je_tag / stunden < mindestlohn.wert:
            hinweise.append(
                Hinweis(
                    "KALKULATION_BEREITSCHAFT_UNTER_MINDESTLOHN",
                    Schwere.FEHLER,
                    f"Im Durchschnitt von Arbeit I und Arbeit II ergibt sich {format_zahl(cent(je_tag / stunden))} € "
                    f"je Stunde – weniger als der Mindestlohn von {format_zahl(mindestlohn.wert)} €. Bereitschaft ist "
                    "Arbeitszeit: werten Sie Arbeit II höchstens so weit ab, dass der Mindestlohn im Durchschnitt "
                    "erreicht wird.",
                    "§ 1 MiLoG; BAG, Urteil vom 29.06.2016 – 5 AZR 716/15",
                )
            )
    return hinweise


# ---------------------------------------------------------------------------------------------------------------
# The seed's worked example (seed 004, 1.6.2, Version 01.03.2016): the household shape a new Kalkulation starts
# from (with today's figures, see `neue_kalkulation`); as it stands only an explicit, labelled choice.
# ---------------------------------------------------------------------------------------------------------------
SEED_STAND = date(2016, 3, 1)
SEED_NAME = "Beispiel aus dem ForseA-Handbuch 2016"
SEED_NOTIZ = (
    "Beispiel aus dem ForseA-Handbuch (Version 01.03.2016) mit dem Stundensatz und den Beitragssätzen von 2016: "
    "der Stundensatz liegt unter dem heutigen Mindestlohn, die Sätze sind veraltet. Das Beispiel zeigt nur den "
    "Rechenweg; für einen Antrag beginnen Sie mit „Neu“ oder setzen mit „Aus aktuellen Werten vorbelegen“ die "
    "Werte von heute ein."
)
SEED_BEISPIEL = KalkulationsParameter(
    stundensatz=Decimal("13.79"),
    tage=Decimal("365.25"),
    arbeit1_stunden=Decimal(14),
    arbeit2_stunden=Decimal(10),
    arbeit1_prozent=Decimal(100),
    arbeit2_prozent=Decimal(30),
    urlaubsgeld_prozent=Decimal(50),
    weihnachtsgeld_prozent=Decimal(50),
    krankheit_tage=Decimal(50),
    einarbeitung_tage=Decimal(10),
    weiterbildung_tage=Decimal(0),
    feiertage_tage=Decimal(12),
    urlaub_tage=Decimal(28),
    kv_prozent=Decimal("14.6"),
    kv_zusatz_prozent=Decimal(0),
    pv_prozent=Decimal("2.35"),
    rv_prozent=Decimal("18.7"),
    av_prozent=Decimal("3.0"),
    u1_prozent=Decimal("2.4"),
    u2_prozent=Decimal("0.32"),
    nacht_arbeit1_stunden=Decimal(0),
    nacht_arbeit1_zuschlag_prozent=Decimal(25),
    nacht_arbeit2_stunden=Decimal(7),
    nacht_arbeit2_zuschlag_prozent=Decimal(25),
    sonntag_arbeit1_stunden=Decimal(14),
    sonntag_arbeit1_zuschlag_prozent=Decimal(50),
    sonntag_arbeit2_stunden=Decimal(10),
    sonntag_arbeit2_zuschlag_prozent=Decimal(50),
    erstattung_prozent=Decimal(70),
    berufsgenossenschaft=Decimal(250),
    unterkunft=Decimal(2676),
    regiekosten=Decimal(600),
    lohnabrechnung=Decimal(1200),
    begleitperson=Decimal(600),
    beratung=Decimal(0),
)


# ---------------------------------------------------------------------------------------------------------------
# "Aus aktuellen Werten vorbelegen"
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Umlagesaetze:
    """U1/U2 of the Kasse she chose (from the master data or typed by hand)."""

    quelle: str  # e.g. "AOK Baden-Württemberg" or "von Hand eingegeben"
    u1_prozent: Decimal
    u2_prozent: Decimal
    u1_erstattung_prozent: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Vorbelegung:
    parameter: KalkulationsParameter
    notiz: str  # visible note: which year's figures and which sources were used
    hinweise: tuple[Hinweis, ...]
    quellen: tuple[str, ...]


def _aktueller_regelwert(schluessel: str, stichtag: date) -> tuple[Regelwert, bool]:
    """The value for `stichtag`; if that year's table lacks it, the latest earlier year's (flag True)."""
    try:
        return regelwert(schluessel, stichtag), False
    except FehlenderRegelwert:
        pass
    except UnbekanntesJahr:
        if stichtag.year < min(unterstuetzte_jahre()):
            raise
    for jahr in sorted((j for j in unterstuetzte_jahre() if j < stichtag.year), reverse=True):
        try:
            return regelwert(schluessel, date(jahr, 12, 31)), True
        except FehlenderRegelwert:
            continue
    raise FehlenderRegelwert(f"Der Wert „{schluessel}“ ist für kein Jahr bis {stichtag.year} hinterlegt.")


def vorbelegen(
    stichtag: date,
    *,
    basis: KalkulationsParameter | None = None,
    tariflohn: Decimal | None = None,
    tarif_bezeichnung: str | None = None,
    umlagen: Umlagesaetze | None = None,
) -> Vorbelegung:
    """Fill the legal figures valid on `stichtag` into `basis` (default: the seed's example household).

    Stundensatz: `tariflohn` if given, else the Mindestlohn. SV: KV 14,6 + average Zusatzbeitrag, PV, RV, AV (the
    sheet halves their sum). U1/U2: `umlagen` of her Kasse, else the Minijob-Zentrale's. Unterkunft: Sachbezugswert
    × 12. Everything else (hours, days, other costs) stays as in `basis`.
    """
    basis = basis or SEED_BEISPIEL
    hinweise: list[Hinweis] = []
    quellen: list[str] = []
    aeltere: list[str] = []
    jahre: set[int] = {stichtag.year}
    werte: dict[str, Decimal] = {}

    def hole(schluessel: str, beschreibung: str) -> Decimal:
        rw, aelter = _aktueller_regelwert(schluessel, stichtag)
        if aelter:
            aeltere.append(f"{beschreibung} ({rw.gueltig_ab.year})")
            jahre.add(rw.gueltig_ab.year)
        if (h := rw.hinweis()) is not None:
            hinweise.append(h)
        quellen.append(f"{beschreibung}: {format_zahl(rw.wert, None)} – {rw.quelle}")
        return rw.wert

    if tariflohn is not None:
        werte["stundensatz"] = tariflohn
        quellen.append(
            f"Stundensatz: {format_zahl(tariflohn)} € – {tarif_bezeichnung or 'Tariflohn, von Hand eingegeben'}"
        )
    else:
        werte["stundensatz"] = hole("mindestlohn_stunde", "Mindestlohn €/Std.")
    werte["kv_prozent"] = hole("kv_allgemein_prozent", "KV allgemeiner Beitragssatz %")
    werte["kv_zusatz_prozent"] = hole("kv_zusatz_durchschnitt_prozent", "Ø Zusatzbeitrag KV %")
    werte["pv_prozent"] = hole("pv_prozent", "PV %")
    werte["rv_prozent"] = hole("rv_prozent", "RV %")
    werte["av_prozent"] = hole("av_prozent", "AV %")
    if umlagen is not None:
        werte["u1_prozent"] = umlagen.u1_prozent
        werte["u2_prozent"] = umlagen.u2_prozent
        quellen.append(
            f"Umlagen U1 {format_zahl(umlagen.u1_prozent, None)} % / "
            f"U2 {format_zahl(umlagen.u2_prozent, None)} % – {umlagen.quelle}"
        )
        if umlagen.u1_erstattung_prozent is not None:
            # The seed advises at most 70 %; never put in more than her Kasse actually refunds.
            werte["erstattung_prozent"] = min(umlagen.u1_erstattung_prozent, basis.erstattung_prozent)
    else:
        werte["u1_prozent"] = hole("minijob_u1_prozent", "Umlage U1 % (Minijob-Zentrale)")
        werte["u2_prozent"] = hole("minijob_u2_prozent", "Umlage U2 % (Minijob-Zentrale)")
        hinweise.append(
            Hinweis(
                "KALKULATION_UMLAGEN_MINIJOB",
                Schwere.INFO,
                "Für U1/U2 wurden die Sätze der Minijob-Zentrale eingesetzt. Für sozialversicherungspflichtige "
                "Assistentinnen gelten die Sätze ihrer Krankenkasse – bitte wählen Sie die Kasse oder tragen Sie "
                "die Sätze von Hand ein.",
            )
        )
    werte["unterkunft"] = hole("sachbezug_unterkunft_monat", "Sachbezug Unterkunft €/Monat") * 12

    if aeltere:
        hinweise.append(
            Hinweis(
                "KALKULATION_WERTE_VORJAHR",
                Schwere.WARNUNG,
                f"Für {stichtag.year} sind noch nicht alle Werte hinterlegt. Verwendet wurden die letzten bekannten: "
                + ", ".join(aeltere)
                + ". Bitte prüfen Sie diese Werte, sobald die neuen bekannt sind.",
            )
        )
    parameter = replace(basis, **werte)
    parameter = _bereitschaft_auf_mindestlohn(parameter, stichtag, hinweise)
    jahr_text = " und ".join(str(j) for j in sorted(jahre))
    notiz = (
        f"Vorbelegt mit den Werten für den {stichtag:%d.%m.%Y} (Rechengrößen {jahr_text}): " + "; ".join(quellen) + "."
    )
    hinweise.extend(berechne(parameter, stichtag=stichtag).hinweise)
    return Vorbelegung(parameter=parameter, notiz=notiz, hinweise=tuple(hinweise), quellen=tuple(quellen))


def _bereitschaft_auf_mindestlohn(
    p: KalkulationsParameter, stichtag: date, hinweise: list[Hinweis]
) -> KalkulationsParameter:
    """Raise the Arbeit II weighting to the smallest whole percent that keeps the average at the Mindestlohn.

    Standby is working time (BAG 5 AZR 716/15): the average of Arbeit I and II must reach the Mindestlohn. The
    seed's 30 % was fine at a tariff wage far above it; at the Mindestlohn itself it would not be.
    """
    if p.arbeit2_stunden <= 0:
        return p
    try:
        mindestlohn = _aktueller_regelwert("mindestlohn_stunde", stichtag)[0].wert
    except (FehlenderRegelwert, UnbekanntesJahr):
        return p
    stunden = p.arbeit1_stunden + p.arbeit2_stunden
    je_tag = p.stundensatz * (p.arbeit1_stunden * p.arbeit1_prozent + p.arbeit2_stunden * p.arbeit2_prozent) / HUNDERT
    if je_tag >= mindestlohn * stunden:
        return p
    noetig = (mindestlohn * stunden * HUNDERT / p.stundensatz - p.arbeit1_stunden * p.arbeit1_prozent) / (
        p.arbeit2_stunden
    )
    neu = min(HUNDERT, noetig.to_integral_value(rounding=ROUND_CEILING))
    hinweise.append(
        Hinweis(
            "KALKULATION_BEREITSCHAFT_ANGEHOBEN",
            Schwere.WARNUNG,
            f"Die Bewertung der Arbeit II wurde von {format_zahl(p.arbeit2_prozent, None)} % auf "
            f"{format_zahl(neu, None)} % "
            f"angehoben, damit im Durchschnitt der Mindestlohn von {format_zahl(mindestlohn)} € erreicht wird.",
            "§ 1 MiLoG; BAG, Urteil vom 29.06.2016 – 5 AZR 716/15",
        )
    )
    return replace(p, arbeit2_prozent=neu)


BEISPIEL_HINWEIS = (
    " Stunden, Tage und sonstige Kosten stammen aus dem Beispiel des ForseA-Handbuchs (2016): bitte passen Sie sie "
    "an Ihren Bedarf an."
)


def neue_kalkulation(stichtag: date, *, umlagen: Umlagesaetze | None = None) -> Vorbelegung:
    """A new sheet: the legal figures valid on `stichtag` (never the 2016 rates), the example's hours as a start."""
    v = vorbelegen(stichtag, umlagen=umlagen)
    return replace(v, notiz=v.notiz + BEISPIEL_HINWEIS)


# The statutory rates a sheet is compared with (sheet field, year-table key, name). Zusatzbeitrag and U1/U2 are the
# Kasse's own and may differ; only a Zusatzbeitrag of 0 (the employer's half since 2019) is out of date for sure.
_GESETZLICHE_SAETZE = (
    ("kv_prozent", "kv_allgemein_prozent", "Krankenversicherung"),
    ("pv_prozent", "pv_prozent", "Pflegeversicherung"),
    ("rv_prozent", "rv_prozent", "Rentenversicherung"),
    ("av_prozent", "av_prozent", "Arbeitslosenversicherung"),
)


def veraltete_saetze(p: KalkulationsParameter, stichtag: date) -> Hinweis | None:
    """A warning when the sheet's wage or statutory rates are not those of `stichtag`'s year (None: up to date)."""
    jahr = stichtag.year
    abweichungen: list[str] = []
    try:
        mindestlohn = _aktueller_regelwert("mindestlohn_stunde", stichtag)[0].wert
        if p.stundensatz < mindestlohn:
            abweichungen.append(
                f"Stundensatz {format_zahl(p.stundensatz)} € (Mindestlohn {jahr}: {format_zahl(mindestlohn)} €)"
            )
        for feld, schluessel, name in _GESETZLICHE_SAETZE:
            soll = _aktueller_regelwert(schluessel, stichtag)[0].wert
            ist: Decimal = getattr(p, feld)
            if ist != soll:
                abweichungen.append(f"{name} {format_zahl(ist, None)} % ({jahr}: {format_zahl(soll, None)} %)")
        zusatz = _aktueller_regelwert("kv_zusatz_durchschnitt_prozent", stichtag)[0].wert
        if p.kv_zusatz_prozent == 0 and zusatz > 0:
            abweichungen.append(
                f"Zusatzbeitrag 0 % (seit 2019 trägt die Arbeitgeberin die Hälfte; Durchschnitt {jahr}: "
                f"{format_zahl(zusatz, None)} %)"
            )
    except (FehlenderRegelwert, UnbekanntesJahr):
        return None
    if not abweichungen:
        return None
    return Hinweis(
        "KALKULATION_SAETZE_VERALTET",
        Schwere.WARNUNG,
        f"Die Sätze dieser Kalkulation sind veraltet, sie entsprechen nicht den Rechengrößen für {jahr}: "
        + "; ".join(abweichungen)
        + ". Bitte bringen Sie die Kalkulation vor dem Einreichen auf den aktuellen Stand (im Programm: „Aus "
        "aktuellen Werten vorbelegen“).",
    )
