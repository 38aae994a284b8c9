"""Due dates of the reports and payments, each rule with its legal source (pure functions, no database).

- Beitragsnachweis: at the Einzugsstelle at the latest at the start of the fünftletzter Bankarbeitstag of the month
  (§ 28f Abs. 3 Satz 1 SGB IV); the contributions are due on the drittletzter Bankarbeitstag of the month in which
  the work was done (§ 23 Abs. 1 Satz 2 SGB IV). Bank working days: `core.meldungen.bankarbeitstage`. Whose
  holidays count: the contribution is a Bringschuld whose Erfüllungsort is the seat of the Einzugsstelle, so the
  holidays at its seat (head office) decide, non-nationwide ones included; nationally the Bankarbeitstag follows
  the German banks' working days, not the TARGET2 calendar (Gemeinsame Verlautbarung der Spitzenverbände zur
  Fälligkeit des Gesamtsozialversicherungsbeitrags ab 01.01.2006, Titel B.4 "Drittletzter Bankarbeitstag", Abs. 2
  and 3; the same in the Kassen's own tables, e.g. KKH "Fälligkeitstermine": "Bei nicht bundeseinheitlichen
  Feiertagen ist der Sitz der Krankenkasse maßgebend"). Not the employer's Land. When the seat is not entered the
  program does not guess it: it takes the earliest date any Land's holidays can give and says so (`beitragstermine`).
- Haushaltsscheck: the Minijob-Zentrale debits the levies for January–June on 31 July and for July–December on
  31 January (§ 23 Abs. 2a SGB IV).
- Lohnsteuer-Anmeldung and payment: the tenth day after the end of the Anmeldungszeitraum (§ 41a Abs. 1 Satz 1
  EStG), moved to the next working day when it falls on a weekend or holiday (§ 108 Abs. 3 AO).
- DEÜV: Anmeldung with the first payroll, at the latest six weeks after the start (§ 6 DEÜV); Abmeldung within six
  weeks after the end (§ 8 Abs. 1 DEÜV); Jahresmeldung by 15 February of the next year (§ 10 Abs. 1 DEÜV).
- Minijob in a private household: instead of the DEÜV-Meldungen the employer files the Haushaltsscheck "unverzüglich"
  (§ 28a Abs. 7 Satz 1 SGB IV: "anstelle einer Meldung nach Absatz 1"), at the start and at the end of the job; the
  Minijob-Zentrale's page "Der Haushaltsscheck" says the same ("unverzüglich – ohne schuldhaftes Zögern – … bei
  Beginn und Ende des Minijobs"). No period of days: the reminder stands on the day itself.
- DEÜV Unterbrechungsmeldung: two weeks after the end of the first whole calendar month without pay (§ 9 Abs. 1
  DEÜV); when the employment ends in the month after the pay stopped, six weeks after the end (§ 9 Abs. 2 DEÜV).
- Lohnsteuerbescheinigung: by the last day of February of the next year (§ 41b Abs. 1 Satz 2 EStG).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from core.domain.kalender import BUNDESLAENDER
from core.meldungen.bankarbeitstage import letzter_bankarbeitstag, naechster_arbeitstag

QUELLE_BEITRAGSNACHWEIS = "§ 28f Abs. 3 Satz 1 SGB IV (Eingang zu Beginn des fünftletzten Bankarbeitstags)"
QUELLE_BEITRAGSZAHLUNG = "§ 23 Abs. 1 Satz 2 SGB IV (drittletzter Bankarbeitstag)"
QUELLE_SITZ_DER_KASSE = (
    "Feiertage am Sitz der Einzugsstelle (Gemeinsame Verlautbarung der Spitzenverbände zur Fälligkeit des "
    "Gesamtsozialversicherungsbeitrags, Titel B.4 Abs. 2)"
)
#: The Minijob-Zentrale is part of the Deutsche Rentenversicherung Knappschaft-Bahn-See (head office Bochum).
SITZ_MINIJOB_ZENTRALE = "NW"
QUELLE_HAUSHALTSSCHECK = "§ 23 Abs. 2a SGB IV (Lastschrift 31.07. und 31.01.)"
QUELLE_LST_ANMELDUNG = "§ 41a Abs. 1 Satz 1 EStG, § 108 Abs. 3 AO (10. Tag nach dem Anmeldungszeitraum)"
QUELLE_ANMELDUNG = "§ 6 DEÜV (spätestens sechs Wochen nach Beschäftigungsbeginn)"
QUELLE_ABMELDUNG = "§ 8 Abs. 1 DEÜV (innerhalb von sechs Wochen nach dem Ende)"
QUELLE_HAUSHALTSSCHECK_MELDUNG = (
    "§ 28a Abs. 7 Satz 1 SGB IV (Haushaltsscheck unverzüglich bei Beginn und Ende, anstelle der DEÜV-Meldung)"
)
QUELLE_JAHRESMELDUNG = "§ 10 Abs. 1 DEÜV (bis 15. Februar des Folgejahres)"
QUELLE_UNTERBRECHUNG = "§ 9 Abs. 1 DEÜV (zwei Wochen nach Ablauf des ersten vollen Kalendermonats ohne Entgelt)"
QUELLE_UNTERBRECHUNG_ENDE = "§ 9 Abs. 2 DEÜV (Ende im Folgemonat: sechs Wochen nach dem Ende der Beschäftigung)"
QUELLE_LST_BESCHEINIGUNG = "§ 41b Abs. 1 Satz 2 EStG (bis Ende Februar des Folgejahres)"

SECHS_WOCHEN = timedelta(weeks=6)
ZWEI_WOCHEN = timedelta(weeks=2)


@dataclass(frozen=True, slots=True)
class Frist:
    """One due date. `schluessel` is stable across runs (it is what a tick "erledigt" is stored under)."""

    schluessel: str
    art: str
    titel: str
    zeitraum: str
    faellig: date
    rechtsgrundlage: str
    betrag: Decimal | None = None
    vorlaeufig: bool = False  # amount from an open (draft) month: it may still change
    erledigt_am: date | None = None

    def mit_erledigt(self, am: date | None) -> Frist:
        return replace(self, erledigt_am=am)

    def zustand(self, heute: date) -> str:
        """German state as text (never by colour alone): erledigt am …, überfällig, heute fällig, offen."""
        if self.erledigt_am is not None:
            return f"erledigt am {self.erledigt_am:%d.%m.%Y}"
        if self.faellig < heute:
            return "überfällig"
        if self.faellig == heute:
            return "heute fällig"
        return "offen"


def beitragsnachweis_termine(jahr: int, monat: int, land: str) -> tuple[date, date]:
    """(Beitragsnachweis at the Kasse by the start of this day, contributions credited by this day) for a month,
    with the holidays of `land`, the Land of the Einzugsstelle's seat."""
    return letzter_bankarbeitstag(jahr, monat, land, 5), letzter_bankarbeitstag(jahr, monat, land, 3)


@dataclass(frozen=True, slots=True)
class Beitragstermine:
    """The Beitragsnachweis's two dates for one Einzugsstelle and month, and whose holidays they follow."""

    einreichung: date
    zahlung: date
    land: str  # the Land of the Kasse's seat; "" when it is not entered
    hinweis: str = ""  # one German sentence when the dates are a safe bound rather than the Kasse's own

    @property
    def feiertage(self) -> str:
        """Whose holidays the dates follow, in words (for the printed Beitragsnachweis); else the Hinweis."""
        if not self.land:
            return self.hinweis
        land = BUNDESLAENDER.get(self.land, self.land)
        return f"Bankarbeitstage nach den Feiertagen in {land}, dem Sitz der Kasse: {QUELLE_SITZ_DER_KASSE}."


def beitragstermine(jahr: int, monat: int, sitz_land: str, einzugsstelle: str = "die Einzugsstelle") -> Beitragstermine:
    """The dates at the seat of the Einzugsstelle. Without a seat: the earliest date any Land's holidays give (paying
    by then is never late), with a Hinweis to enter the seat: a Landesfeiertag at the seat among the month's last
    days moves both dates, e.g. the Reformationstag on Friday 31.10.2025 in Niedersachsen."""
    if sitz_land:
        einreichung, zahlung = beitragsnachweis_termine(jahr, monat, sitz_land)
        return Beitragstermine(einreichung, zahlung, sitz_land)
    alle = [beitragsnachweis_termine(jahr, monat, land) for land in BUNDESLAENDER]
    return Beitragstermine(
        min(t[0] for t in alle),
        min(t[1] for t in alle),
        "",
        f"Für {einzugsstelle} ist das Bundesland ihres Sitzes nicht eingetragen; angesetzt ist der früheste Termin, "
        "den ein Landesfeiertag ergeben kann. Bitte unter Einstellungen → Krankenkassen den Sitz eintragen.",
    )


def haushaltsscheck_lastschrift(jahr: int, halbjahr: int) -> date:
    """The day the Minijob-Zentrale debits a half-year's levies: 31.07. (first), 31.01. of the next year (second)."""
    if halbjahr not in (1, 2):
        raise ValueError("halbjahr ist 1 oder 2")
    return date(jahr, 7, 31) if halbjahr == 1 else date(jahr + 1, 1, 31)


def lst_anmeldung_faellig(ende: date, land: str) -> date:
    """Tenth day after the last day `ende` of the Anmeldungszeitraum, moved past weekends and holidays."""
    return naechster_arbeitstag(ende + timedelta(days=10), land)


def anmeldung_faellig(beginn: date) -> date:
    return beginn + SECHS_WOCHEN


def abmeldung_faellig(ende: date) -> date:
    return ende + SECHS_WOCHEN


def jahresmeldung_faellig(jahr: int) -> date:
    return date(jahr + 1, 2, 15)


def unterbrechung_faellig(jahr: int, monat: int) -> date:
    """Two weeks after the last day of the first whole calendar month without pay (`jahr`, `monat`)."""
    naechster = date(jahr + monat // 12, monat % 12 + 1, 1)
    return naechster - timedelta(days=1) + ZWEI_WOCHEN


def unterbrechung_ende_faellig(ende: date) -> date:
    return ende + SECHS_WOCHEN


def lohnsteuerbescheinigung_faellig(jahr: int) -> date:
    return date(jahr + 1, 3, 1) - timedelta(days=1)
