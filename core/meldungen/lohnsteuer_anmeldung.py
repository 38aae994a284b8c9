"""The Lohnsteuer-Anmeldung: its period (monthly, quarterly, yearly from last year's tax, § 41a Abs. 2 EStG) and
its sums from the finalised payroll.

Which tax counts for the period: the Lohnsteuer the employer had to pay for the previous calendar year, individual
and flat-rate (§ 40a Abs. 1 EStG for short-term jobs), without Solidaritätszuschlag and Kirchensteuer and without
the 2 % einheitliche Pauschsteuer, which goes to the Minijob-Zentrale. A household that did not employ all of last
year converts last year's tax to a full year (Satz 3); one that starts this year takes the tax of the first full
calendar month after the first employment began × 12 (Satz 4; text: § 41a Abs. 2 EStG as in bundestag/gesetze,
e/estg/index.md). Thresholds: year tables `lst_anmeldung_monatlich_ueber` and `lst_anmeldung_vierteljaehrlich_ueber`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL, cent, format_eur
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.regeln.tabellen import regelwert

MONATLICH = "monatlich"
VIERTELJAEHRLICH = "vierteljaehrlich"
JAEHRLICH = "jaehrlich"


def abzufuehrende_lohnsteuer(e: Monatsergebnis) -> Decimal:
    """Lohnsteuer the employer pays to the Finanzamt for this month: individual plus flat-rate except the 2 %,
    without the Soli and Kirchensteuer that come with the flat-rate tax."""
    return e.lohnsteuer + pauschale_lohnsteuer(e)


def pauschale_lohnsteuer(e: Monatsergebnis) -> Decimal:
    """The flat-rate Lohnsteuer for the Finanzamt (Kz 41): 25 % (or 20 %) without Soli and Kirchensteuer."""
    if e.beschaeftigung is Beschaeftigungsart.MINIJOB and not e.pauschsteuer_soli:
        return NULL  # the einheitliche Pauschsteuer of 2 % goes to the Minijob-Zentrale
    return e.pauschsteuer - e.pauschsteuer_soli - e.pauschsteuer_kirchensteuer


@dataclass(frozen=True, slots=True)
class Anmeldungszeitraum:
    jahr: int
    art: str  # monatlich | vierteljaehrlich | jaehrlich
    grundlage: Decimal  # the (annualised) tax the choice rests on
    begruendung: str
    sicher: bool  # False: no figures in the program to decide from (the Finanzamt's letter decides)

    def zeitraeume(self) -> list[tuple[date, date, str]]:
        """(first day, last day, German name) of each Anmeldungszeitraum of the year."""
        if self.art == JAEHRLICH:
            return [(date(self.jahr, 1, 1), date(self.jahr, 12, 31), f"Jahr {self.jahr}")]
        schritt = 3 if self.art == VIERTELJAEHRLICH else 1
        ergebnis = []
        for erster in range(1, 13, schritt):
            letzter = erster + schritt - 1
            bis = date(self.jahr + letzter // 12, letzter % 12 + 1, 1)
            name = (
                f"{(erster - 1) // 3 + 1}. Quartal {self.jahr}" if schritt == 3 else f"{MONATE[erster - 1]} {self.jahr}"
            )
            ergebnis.append((date(self.jahr, erster, 1), date.fromordinal(bis.toordinal() - 1), name))
        return ergebnis

    def zeitraum_von(self, monat: int) -> tuple[date, date, str]:
        """The Anmeldungszeitraum that contains `monat`."""
        return next(z for z in self.zeitraeume() if z[0].month <= monat <= z[1].month)


def waehle_zeitraum(jahr: int, jahressteuer: Decimal) -> str:
    """§ 41a Abs. 2 EStG: monthly above the upper threshold, quarterly above the lower one, else yearly."""
    stichtag = date(jahr, 1, 1)
    monatlich = regelwert("lst_anmeldung_monatlich_ueber", stichtag).wert
    vierteljaehrlich = regelwert("lst_anmeldung_vierteljaehrlich_ueber", stichtag).wert
    if jahressteuer > monatlich:
        return MONATLICH
    if jahressteuer > vierteljaehrlich:
        return VIERTELJAEHRLICH
    return JAEHRLICH


def erster_voller_monat(eroeffnung: date) -> tuple[int, int]:
    """The first whole calendar month after the Betriebsstätte opened (§ 41a Abs. 2 Satz 4 EStG): the month itself
    when it opened on the 1st, else the next one."""
    if eroeffnung.day == 1:
        return eroeffnung.year, eroeffnung.month
    return (eroeffnung.year + 1, 1) if eroeffnung.month == 12 else (eroeffnung.year, eroeffnung.month + 1)


def zeitraum_aus_ergebnissen(
    jahr: int,
    vorjahr: Sequence[Monatsergebnis],
    dieses_jahr: Sequence[Monatsergebnis],
    eroeffnung: date | None = None,
) -> Anmeldungszeitraum:
    """The period of `jahr` (§ 41a Abs. 2 EStG) from last year's finalised months and, for a household that opened
    during `jahr`, this year's. `eroeffnung`: the day the household became an employer (the first employment's
    start); None: taken as the first month with a finalised payroll.

    - Open all of last year (Satz 2): last year's tax. Months of last year missing from the program make it an
      estimate from the months there are, converted to a year ("sicher" False: the Finanzamt's letter decides).
    - Opened during last year (Satz 3): last year's tax converted to a year over the months it existed (the opening
      month counts as a month).
    - Opened this year (Satz 4): the tax of the first whole calendar month after the opening, × 12.
    """
    if eroeffnung is None:
        erste = [(e.jahr, e.monat) for e in (*vorjahr, *dieses_jahr)]
        eroeffnung = date(*min(erste), 1) if erste else None
    if eroeffnung is None or eroeffnung.year > jahr:
        return Anmeldungszeitraum(
            jahr,
            MONATLICH,
            NULL,
            "Noch keine abgeschlossene Abrechnung: vorläufig monatlich; maßgebend ist die Mitteilung des Finanzamts.",
            False,
        )
    if eroeffnung.year == jahr:
        return _erster_voller_monat(jahr, dieses_jahr, eroeffnung)
    if not vorjahr:
        erster = min((e.monat for e in dieses_jahr), default=0)
        summe = sum((abzufuehrende_lohnsteuer(e) for e in dieses_jahr if e.monat == erster), NULL)
        text = (
            f"Die Arbeitgeberin beschäftigt seit {eroeffnung:%d.%m.%Y}, für {jahr - 1} ist aber keine Abrechnung im "
            f"Programm; maßgebend ist die Lohnsteuer {jahr - 1} (§ 41a Abs. 2 Satz 2 EStG), die das Finanzamt kennt."
        )
        if not erster:
            return Anmeldungszeitraum(jahr, MONATLICH, NULL, text + " Vorläufig monatlich.", False)
        text += (
            f" Schätzung aus {MONATE[erster - 1]} {jahr}: {format_eur(summe)} × 12 = {format_eur(summe * 12)}. "
            "Maßgebend ist die Mitteilung des Finanzamts."
        )
        return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, summe * 12), summe * 12, text, False)
    summe = sum((abzufuehrende_lohnsteuer(e) for e in vorjahr), NULL)
    text = f"Lohnsteuer {jahr - 1}: {format_eur(summe)}"
    beginn = eroeffnung.month if eroeffnung.year == jahr - 1 else 1
    erster = min(e.monat for e in vorjahr)
    if erster > beginn:
        monate = 13 - erster
        jahresbetrag = cent(summe * 12 / monate)
        text += (
            f" für {MONATE[erster - 1]} bis Dezember (die Monate davor sind nicht im Programm), geschätzt auf ein "
            f"Jahr {format_eur(jahresbetrag)} (§ 41a Abs. 2 Satz 2 EStG). Maßgebend ist die Mitteilung des Finanzamts."
        )
        return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, jahresbetrag), jahresbetrag, text, False)
    if beginn > 1:
        monate = 13 - beginn
        jahresbetrag = cent(summe * 12 / monate)
        text += (
            f"; die Arbeitgeberin beschäftigt erst seit {eroeffnung:%d.%m.%Y}: für "
            f"{anzahl(monate, 'Monat', 'Monate')}, auf ein Jahr "
            f"umgerechnet {format_eur(summe)} × 12 / {monate} = {format_eur(jahresbetrag)} (§ 41a Abs. 2 Satz 3 EStG)."
        )
        return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, jahresbetrag), jahresbetrag, text, True)
    return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, summe), summe, text + " (§ 41a Abs. 2 Satz 2 EStG).", True)


def _erster_voller_monat(jahr: int, dieses_jahr: Sequence[Monatsergebnis], eroeffnung: date) -> Anmeldungszeitraum:
    j, m = erster_voller_monat(eroeffnung)
    name = f"{MONATE[m - 1]} {j}"
    monat = [e for e in dieses_jahr if (e.jahr, e.monat) == (j, m)]
    if j != jahr or not monat:
        return Anmeldungszeitraum(
            jahr,
            MONATLICH,
            NULL,
            f"Die Arbeitgeberin beschäftigt seit {eroeffnung:%d.%m.%Y}; maßgebend ist die Lohnsteuer des ersten vollen "
            f"Monats ({name}) × 12 (§ 41a Abs. 2 Satz 4 EStG), der noch nicht abgeschlossen ist: vorläufig monatlich.",
            False,
        )
    summe = sum((abzufuehrende_lohnsteuer(e) for e in monat), NULL)
    jahresbetrag = summe * 12
    text = (
        f"Erster voller Monat seit Beginn der Beschäftigung am {eroeffnung:%d.%m.%Y}: Lohnsteuer {name} "
        f"{format_eur(summe)} × 12 = {format_eur(jahresbetrag)} (§ 41a Abs. 2 Satz 4 EStG)."
    )
    return Anmeldungszeitraum(jahr, waehle_zeitraum(jahr, jahresbetrag), jahresbetrag, text, True)


def eroeffnung(db: Datenbank) -> date | None:
    """The day the household became an employer (the Betriebsstätte opened, § 41a Abs. 2 Satz 3 and 4 EStG): the
    earliest start of an employment in the Personalbogen, or the first finalised month when that is earlier (an
    assistant erased since)."""
    from core.stammdaten.assistenzkraefte import liste_assistenzkraefte

    tage = [k.eintritt for k in liste_assistenzkraefte(db) if k.eintritt is not None]
    monate = ablage.abgeschlossene_monate(db)
    if monate:
        tage.append(date(*min(monate), 1))
    return min(tage, default=None)


def anmeldungszeitraum(db: Datenbank, jahr: int) -> Anmeldungszeitraum:
    vorjahr = [g.ergebnis for g in ablage.lade_jahr(db, jahr - 1)]
    dieses = [g.ergebnis for g in ablage.lade_jahr(db, jahr)] if not vorjahr else []
    return zeitraum_aus_ergebnissen(jahr, vorjahr, dieses, eroeffnung(db))


# --------------------------------------------------------------------------------------------------------
# The Anmeldung of one period, from the finalised months
# --------------------------------------------------------------------------------------------------------

#: Kennzahlen of the Lohnsteuer-Anmeldung: (key, Kz, text). The 2026 Vordruckmuster (BMF-Bekanntmachung of
#: 14.08.2025, IV C 5 – S 2533/00120/006/009, for periods from January 2026; new Kz 21 for § 19a Abs. 4a EStG, not
#: relevant to a household) was not at hand. The Kennzahlen follow Haufe Personal Office "Lohnsteuer-Anmeldung,
#: auszufüllende Kennziffern" (86, 42, 41, 44, 45, 49, 61, 62) and the ELSTER LStA stylesheet (83 Gesamtbetrag);
#: Kz 41 holds the flat-rate tax of §§ 37a, 40 to 40b EStG, only § 37b goes to Kz 44 (Hartz/Meeßen/Wolf,
#: ABC-Führer Lohnsteuer, "Lohnsteuer-Anmeldung" Rz. 4/1). The printed form says so (`VORDRUCK_STAND`).
KENNZAHLEN: tuple[tuple[str, str, str], ...] = (
    ("arbeitnehmer", "86", "Zahl der Arbeitnehmer (einschließlich Aushilfs- und Teilzeitkräfte)"),
    ("lohnsteuer", "42", "Summe der einzubehaltenden Lohnsteuer"),
    ("pauschale_lohnsteuer", "41", "Summe der pauschalen Lohnsteuer (ohne § 37b EStG)"),
    ("solidaritaetszuschlag", "49", "Solidaritätszuschlag"),
    ("kirchensteuer_pauschal", "47", "Pauschale Kirchensteuer im vereinfachten Verfahren"),
    ("kirchensteuer_ev", "61", "Evangelische Kirchensteuer"),
    ("kirchensteuer_rk", "62", "Römisch-katholische Kirchensteuer"),
)
VORDRUCK_STAND = (
    "Kennzahlen und Feldtexte nach Sekundärquellen (Haufe Personal Office, Stand 2025; ältere ELSTER-Druckvorlage); "
    "nicht "
    "mit dem amtlichen Vordruck 2026 abgeglichen (Vordruckmuster bekannt gemacht mit BMF-Schreiben vom 14.08.2025, "
    "IV C 5 – S 2533/00120/006/009). Bitte beim Eintippen den Text jeder Zeile in Mein ELSTER mit dem hier "
    "vergleichen."
)
EVANGELISCH = ("ev", "lt", "rf", "fr")


@dataclass(frozen=True, slots=True)
class Steuerzeile:
    """One assistant's part of the Anmeldung (to check it against her Lohnkonto)."""

    personalnummer: str
    name: str
    konfession: str
    lohnsteuer: Decimal
    pauschale_lohnsteuer: Decimal
    solidaritaetszuschlag: Decimal
    kirchensteuer: Decimal
    kirchensteuer_pauschal: Decimal


@dataclass(frozen=True, slots=True)
class LohnsteuerAnmeldung:
    zeitraum: Anmeldungszeitraum
    von: date
    bis: date
    name: str  # "1. Quartal 2026", "März 2026", "Jahr 2026"
    arbeitgeber: str
    steuernummer: str
    finanzamt: str
    faellig: date
    personen: tuple[Steuerzeile, ...]
    arbeitnehmer: int
    korrigiert: tuple[str, ...]  # months of the period whose payroll was corrected after finalising

    def summe(self, feld: str) -> Decimal:
        return sum((getattr(p, feld) for p in self.personen), NULL)

    def kirchensteuer_je_konfession(self) -> dict[str, Decimal]:
        summen: dict[str, Decimal] = {}
        for p in self.personen:
            if p.kirchensteuer:
                schluessel = "ev" if p.konfession in EVANGELISCH else p.konfession
                summen[schluessel] = summen.get(schluessel, NULL) + p.kirchensteuer
        return summen

    def werte(self) -> dict[str, Decimal | int]:
        kist = self.kirchensteuer_je_konfession()
        return {
            "arbeitnehmer": self.arbeitnehmer,
            "lohnsteuer": self.summe("lohnsteuer"),
            "pauschale_lohnsteuer": self.summe("pauschale_lohnsteuer"),
            "solidaritaetszuschlag": self.summe("solidaritaetszuschlag"),
            "kirchensteuer_pauschal": self.summe("kirchensteuer_pauschal"),
            "kirchensteuer_ev": kist.get("ev", NULL),
            "kirchensteuer_rk": kist.get("rk", NULL),
        }

    def weitere_kirchensteuer(self) -> dict[str, Decimal]:
        """Denominations with a Land-specific Kennzahl (altkatholisch, freireligiös, jüdisch …)."""
        return {k: v for k, v in self.kirchensteuer_je_konfession().items() if k not in ("ev", "rk")}

    @property
    def gesamtbetrag(self) -> Decimal:
        """Kz 83: everything to pay."""
        return (
            sum((self.summe(f) for f in ("lohnsteuer", "pauschale_lohnsteuer", "solidaritaetszuschlag")), NULL)
            + self.summe("kirchensteuer_pauschal")
            + self.summe("kirchensteuer")
        )


def lohnsteuer_anmeldung(db: Datenbank, jahr: int, monat: int) -> LohnsteuerAnmeldung:
    """The Anmeldung of the period that contains `monat` (refuses while a month of it is open or data is missing)."""
    from core.fehler import EingabeFehler
    from core.meldungen.fristen import lst_anmeldung_faellig
    from core.stammdaten.arbeitgeber import lade_arbeitgeber
    from core.stammdaten.assistenzkraefte import lade_assistenzkraft

    zeitraum = anmeldungszeitraum(db, jahr)
    von, bis, name = zeitraum.zeitraum_von(monat)
    offen = [
        f"{MONATE[m - 1]} {jahr}"
        for m in range(von.month, bis.month + 1)
        if ablage.status(db, jahr, m) != ablage.ABGESCHLOSSEN
    ]
    if offen:
        raise EingabeFehler(
            f"Die Lohnsteuer-Anmeldung für {name} entsteht erst, wenn jeder Monat abgeschlossen ist; offen: "
            f"{', '.join(offen)}. Bitte zuerst abschließen. Es wurde keine Datei geschrieben."
        )
    arbeitgeber = lade_arbeitgeber(db)
    konfession: dict[int, str] = {}
    zeilen: dict[str, Steuerzeile] = {}
    korrigiert: list[str] = []
    fehlend: list[str] = []
    personen_mit_steuer: set[str] = set()
    for m in range(von.month, bis.month + 1):
        for g in ablage.lade_monat(db, jahr, m).ergebnisse:
            e = g.ergebnis
            if g.version > 1 and f"{MONATE[m - 1]} {jahr}" not in korrigiert:
                korrigiert.append(f"{MONATE[m - 1]} {jahr}")
            if e.beschaeftigung is Beschaeftigungsart.MINIJOB and not e.lohnsteuer:
                continue  # 2 % to the Minijob-Zentrale (or a minijob without tax)
            personen_mit_steuer.add(e.id)
            if g.assistenzkraft_id not in konfession:
                try:
                    konfession[g.assistenzkraft_id] = lade_assistenzkraft(db, g.assistenzkraft_id).konfession
                except EingabeFehler:  # erased since: her stored result still counts
                    konfession[g.assistenzkraft_id] = ""
            religion = konfession[g.assistenzkraft_id]
            if e.kirchensteuer and religion in ("", "--"):
                fehlend.append(
                    f"Für {e.name or e.id} ist Kirchensteuer abgezogen, im Personalbogen fehlt aber die Konfession: "
                    "bitte aus den ELStAM eintragen."
                )
            neu = Steuerzeile(
                e.id,
                e.name or e.id,
                religion,
                e.lohnsteuer,
                pauschale_lohnsteuer(e),
                e.solidaritaetszuschlag + e.pauschsteuer_soli,
                e.kirchensteuer,
                e.pauschsteuer_kirchensteuer,
            )
            alt = zeilen.get(e.id)
            if alt is not None:
                neu = Steuerzeile(
                    alt.personalnummer,
                    alt.name,
                    alt.konfession or religion,
                    alt.lohnsteuer + neu.lohnsteuer,
                    alt.pauschale_lohnsteuer + neu.pauschale_lohnsteuer,
                    alt.solidaritaetszuschlag + neu.solidaritaetszuschlag,
                    alt.kirchensteuer + neu.kirchensteuer,
                    alt.kirchensteuer_pauschal + neu.kirchensteuer_pauschal,
                )
            zeilen[e.id] = neu
    if arbeitgeber is None or not arbeitgeber.steuernummer:
        fehlend.insert(0, "Die Steuernummer der Arbeitgeberin fehlt: bitte unter Arbeitgeberin eintragen.")
    if fehlend:
        raise EingabeFehler("Die Lohnsteuer-Anmeldung wurde nicht geschrieben. " + " ".join(dict.fromkeys(fehlend)))
    land = arbeitgeber.bundesland if arbeitgeber is not None and arbeitgeber.bundesland else "BW"
    return LohnsteuerAnmeldung(
        zeitraum=zeitraum,
        von=von,
        bis=bis,
        name=name,
        arbeitgeber=arbeitgeber.name if arbeitgeber is not None else "",
        steuernummer=arbeitgeber.steuernummer if arbeitgeber is not None else "",
        finanzamt=arbeitgeber.finanzamt if arbeitgeber is not None else "",
        faellig=lst_anmeldung_faellig(bis, land),
        personen=tuple(zeilen.values()),
        arbeitnehmer=len(personen_mit_steuer),
        korrigiert=tuple(korrigiert),
    )
