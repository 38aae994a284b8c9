"""The monthly payroll run: store → `Monatseingabe` (roster types), the one calculation, finalise, corrections.

Service API (what a page, the CLI and the benchmark use):
- `abrechnung(db, jahr, monat) -> Monatsabrechnung`: the finalised month as stored, or the open month computed now
  (one `Zeile` per assistant with a contract in the month: class, hours, gross, net, employer cost, Hinweise with
  warnings first, the full result for the detail view) plus the corrections of finalised months it settles.
- `zeilen(db, jahr, monat)`: the same rows one by one (a generator), so a background worker can report progress and
  stop between assistants; `personen_im_monat(db, jahr, monat)` says how many to expect.
- `schliesse_ab(db, jahr, monat)`: finalise in one transaction (refused with one German sentence while an earlier month
  is open, the month lies before the Abrechnungsbeginn, or a blocking Hinweis stands); stores each result as JSON with
  its input snapshot, the corrections as new versions of their months, and an audit entry.
  `abschluss_hindernis(db, jahr, monat)` gives the sentence it would refuse with (or None) without finalising.
- `offene_korrekturen(db)`: finalised months whose data changed since (shifts, contracts, absences …), recomputed,
  with their differences; they are settled in the next open month (`naechster_offener_monat`). A correction of a
  person without a contract in that month (she left) has no row there to settle it: `Korrektur.ohne_vertrag`,
  `Monatsabrechnung.ohne_vertrag` and, once finalised, `ohne_vertrag_gespeichert` give it (`OhneVertrag`: its
  sentence, and the transfer or the amount to reclaim that the month's payments list).

Nothing here computes pay: `core.abrechnung.rechnen.berechne` does, for the run and `berechnen` alike.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.abrechnung import ablage
from core.abrechnung.erfassung import VortragDaten, ist_abgeschlossen, monatstext, vortrag_in_sitzung
from core.abrechnung.modell import (
    Arbeitgeberdaten,
    Einmalzahlung,
    Jahreswerte,
    Monatseingabe,
    Monatsergebnis,
    Personaldaten,
    Sachbezug,
    Verrechnung,
    Vorgeschichte,
    Vormonat,
    Vorschuss,
    Zeitkonto,
)
from core.abrechnung.modelle import Abrechnungsbeginn, Abrechnungsergebnis, Abrechnungsmonat
from core.abrechnung.modelle import Einmalzahlung as EinmalzahlungZeile
from core.abrechnung.modelle import Sachbezug as SachbezugZeile
from core.abrechnung.modelle import Vorschuss as VorschussZeile
from core.abrechnung.protokoll import benutzer, protokolliere
from core.abrechnung.rechnen import berechne
from core.dienstplan import abbildung as ab
from core.dienstplan.abwesenheit import Abwesenheit
from core.dienstplan.modelle import AbwesenheitZeile, SchichtZeile
from core.dienstplan.repository import Stammdatenblick
from core.dienstplan.schicht import Schicht
from core.dienstplan.vertrag import Vertragsdaten
from core.domain.geld import NULL, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl, format_eur
from core.fehler import EingabeFehler, vorhanden
from core.persistence.basis import jetzt_utc
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Arbeitgeber, Assistenzkraft, KassenJahr, Krankenkasse, Vertrag
from core.regeln.beitraege import Kasse
from core.regeln.klassifikation import BEZEICHNUNG, WeitereArt, WeitereBeschaeftigung
from core.stammdaten.krankenkassen import BEISPIELWERT, BITTE_PRUEFEN

#: Absences this far back are passed to the calculation (EFZG counts a continuing illness across 12 months).
ABWESENHEITEN_RUECKBLICK = timedelta(days=400)
#: Finalised months this far back are passed as `Vormonat` (13 weeks for § 11 BUrlG, 12 months for the Minijob).
VORMONATE = 13
KASSE_BITTE_PRUEFEN = "KASSE_BITTE_PRUEFEN"
KASSE_BEISPIELWERT = "KASSE_BEISPIELWERT"
#: Why a correction was made (stored with the version, on its payslip and in the Beitragsnachweis's corrections):
#: the month's own data changed, or (`FOLGEKORREKTUR …`, `_grund`) only the months before it
GRUND_DATEN = "Daten des abgeschlossenen Monats nachträglich geändert"
FOLGEKORREKTUR = "Folgekorrektur"
_SCHWERE_REIHENFOLGE = {Schwere.FEHLER: 0, Schwere.WARNUNG: 1, Schwere.INFO: 2}


@dataclass(frozen=True, slots=True)
class Zeile:
    """One assistant in the month: what the list shows, and the full result for the detail view.

    `ergebnis` is None when her data do not allow a payroll at all (`fehler` says why, in German).
    `nach_plan`: days of shifts paid by the plan because no actual time was entered.
    """

    assistenzkraft_id: int
    personalnummer: str
    name: str
    ergebnis: Monatsergebnis | None
    eingabe: Monatseingabe | None
    fehler: str = ""
    nach_plan: tuple[date, ...] = ()
    gespeichert: bool = False
    version: int = 1

    @property
    def hinweise(self) -> tuple[Hinweis, ...]:
        """Errors first, then warnings, then information."""
        if self.ergebnis is None:
            return (Hinweis("ABRECHNUNG_NICHT_MOEGLICH", Schwere.FEHLER, self.fehler),)
        return tuple(sorted(self.ergebnis.hinweise, key=lambda h: _SCHWERE_REIHENFOLGE[h.schwere]))

    @property
    def sperrend(self) -> tuple[Hinweis, ...]:
        """Hinweise that make a payslip wrong; while one stands, the month cannot be finalised."""
        return tuple(h for h in self.hinweise if h.schwere is Schwere.FEHLER)

    @property
    def beschaeftigung(self) -> str:
        return BEZEICHNUNG[self.ergebnis.beschaeftigung] if self.ergebnis is not None else ""


@dataclass(frozen=True, slots=True)
class Korrektur:
    """A finalised month recomputed after a change: the new result and what differs from the valid version."""

    jahr: int
    monat: int
    assistenzkraft_id: int
    personalnummer: str
    vorher: Monatsergebnis
    nachher: Monatsergebnis
    eingabe: Monatseingabe
    version: int
    differenz: tuple[tuple[str, str, str], ...]
    grund: str = GRUND_DATEN
    #: the settling month, when she has no contract in it (she left): no row of that month settles the difference
    ohne_vertrag_in: tuple[int, int] | None = None

    @property
    def auszahlung_differenz(self) -> Decimal:
        return self.nachher.auszahlung - self.vorher.auszahlung

    def text(self) -> str:
        return f"Korrektur {self.monat:02d}/{self.jahr}"

    @property
    def ohne_vertrag(self) -> OhneVertrag | None:
        """This correction's payout difference when no row of the settling month can settle it (she left), else
        None (also when the payout stays the same: then only contributions or taxes change, reported as ever)."""
        if self.ohne_vertrag_in is None or self.auszahlung_differenz == 0:
            return None
        wer = self.nachher.name or f"Personalnummer {self.personalnummer}"
        return OhneVertrag(
            self.assistenzkraft_id,
            self.personalnummer,
            wer,
            self.jahr,
            self.monat,
            self.auszahlung_differenz,
            self.ohne_vertrag_in,
            self.eingabe.person.iban,
        )


@dataclass(frozen=True, slots=True)
class OhneVertrag:
    """The payout difference of a correction settled in a month where its person has no contract (she left).

    A difference is settled through the Verrechnungen of the person's row in the settling month; one who has left
    has no row there. Her contributions and taxes take the path of every correction (the corrected version of her
    month: the settling month's Beitragsnachweis, the Lohnsteuer of her month's Anmeldungszeitraum); the money
    goes as a transfer of its own with the settling month's payments (`core.io.zahlungen`, a Nachberechnung whose
    slip is the corrected month's Entgeltbescheinigung), or, when she was overpaid, is an amount to reclaim from
    her (never a negative payout). `text` says so in one sentence wherever corrections are shown or settled.
    """

    assistenzkraft_id: int
    personalnummer: str
    name: str
    jahr: int  # the corrected month
    monat: int
    differenz: Decimal  # after − before: above 0 owed to her, below 0 to reclaim
    ziel: tuple[int, int]  # the settling month
    iban: str = ""  # from the corrected month's input (the payments prefer the Personalbogen's current one)

    @property
    def verwendungszweck(self) -> str:
        return f"Korrektur {self.monat:02d}/{self.jahr}"

    @property
    def text(self) -> str:
        betrag = format_eur(abs(self.differenz))
        kopf = f"Korrektur {monatstext(self.jahr, self.monat)} für {self.name}"
        grund = f"weil {self.name} im {monatstext(*self.ziel)} keinen Arbeitsvertrag mehr hat"
        if self.differenz > 0:
            return (
                f"{kopf}: Nachzahlung {betrag} netto; {grund}, wird sie ohne Abrechnungszeile als eigene Überweisung "
                f"„{self.verwendungszweck}“ mit den Zahlungen {monatstext(*self.ziel)} ausgezahlt (Beleg: die "
                f"korrigierte Entgeltbescheinigung {monatstext(self.jahr, self.monat)})."
            )
        return (
            f"{kopf}: Rückforderung {betrag} netto; {grund}, kann die Abrechnung {monatstext(*self.ziel)} sie nicht "
            f"mit Lohn verrechnen – bitte {betrag} von {self.name} zurückfordern."
        )

    @property
    def beleg_text(self) -> str:
        """The line of the corrected month's Entgeltbescheinigung: the slip of this Nachberechnung (no payslip of the
        settling month shows it, she has no row there)."""
        betrag = format_eur(abs(self.differenz))
        if self.differenz > 0:
            return (
                f"Nachzahlung {betrag} netto (Differenz zur vorigen Fassung): ausgezahlt als eigene Überweisung "
                f"„{self.verwendungszweck}“ mit den Zahlungen {monatstext(*self.ziel)}"
            )
        return (
            f"Überzahlung {betrag} netto (Differenz zur vorigen Fassung): zurückzuzahlen, nicht mit Lohn verrechnet "
            f"(kein Arbeitsvertrag im {monatstext(*self.ziel)})"
        )


def ohne_vertrag_version(db: Datenbank, version: ablage.GespeichertesErgebnis) -> OhneVertrag | None:
    """A stored correction version whose payout difference no row of its settling month settled (she had no
    contract then), else None: for its Entgeltbescheinigung (`OhneVertrag.beleg_text`)."""
    differenz = auszahlung_differenz(version)
    if version.art != "korrektur" or version.verrechnet_jahr is None or version.verrechnet_monat is None:
        return None
    ziel = (version.verrechnet_jahr, version.verrechnet_monat)
    if differenz == 0 or ablage.versionen(db, *ziel, version.assistenzkraft_id):
        return None
    wer = version.ergebnis.name or f"Personalnummer {version.personalnummer}"
    return OhneVertrag(
        version.assistenzkraft_id, version.personalnummer, wer, version.jahr, version.monat, differenz, ziel
    )


def auszahlung_differenz(korrektur: ablage.GespeichertesErgebnis) -> Decimal:
    """What a stored correction changed in its month's payout (after − before, from the differences stored with it;
    0 when the payout stayed as it was)."""
    alt, neu = next(((a, b) for f, a, b in korrektur.differenz if f == "auszahlung"), ("0", "0"))
    return Decimal(neu) - Decimal(alt)


def ohne_vertrag_gespeichert(db: Datenbank, gespeichert: ablage.GespeicherterMonat) -> list[OhneVertrag]:
    """For a finalised month as stored: the corrections it settled for people without a row in it (`OhneVertrag`),
    with the payout difference stored with each correction."""
    mit_zeile = {e.assistenzkraft_id for e in gespeichert.ergebnisse}
    ergebnis = []
    for k in gespeichert.korrekturen:
        differenz = auszahlung_differenz(k)
        if k.assistenzkraft_id in mit_zeile or differenz == 0:
            continue
        wer = k.ergebnis.name or f"Personalnummer {k.personalnummer}"
        ziel = (gespeichert.jahr, gespeichert.monat)
        iban = k.eingabe(db).person.iban
        ergebnis.append(OhneVertrag(k.assistenzkraft_id, k.personalnummer, wer, k.jahr, k.monat, differenz, ziel, iban))
    return ergebnis


@dataclass(frozen=True, slots=True)
class Monatsabrechnung:
    jahr: int
    monat: int
    status: str
    zeilen: tuple[Zeile, ...]
    korrekturen: tuple[Korrektur, ...] = ()

    @property
    def sperrend(self) -> list[tuple[Zeile, Hinweis]]:
        return [(z, h) for z in self.zeilen for h in z.sperrend]

    @property
    def ohne_vertrag(self) -> tuple[OhneVertrag, ...]:
        """The corrections this month settles that no row of it can settle (their people have left): the page, the
        CLI and the finalising say each in one sentence (`OhneVertrag.text`), the money must not get lost silently."""
        return tuple(o for k in self.korrekturen if (o := k.ohne_vertrag) is not None)


# --- reading the store ---------------------------------------------------------------------------------------------


def _monat_pruefen(jahr: int, monat: int) -> None:
    if not 1 <= monat <= 12 or not 2000 <= jahr <= 2100:
        raise EingabeFehler(f"{monat:02d}/{jahr} ist kein gültiger Abrechnungsmonat. Bitte JJJJ-MM angeben.")


def _beginn(sitzung: Session) -> date | None:
    return sitzung.scalar(select(Abrechnungsbeginn.monat).order_by(Abrechnungsbeginn.id))


def _vor_dem_beginn(sitzung: Session, jahr: int, monat: int) -> None:
    beginn = _beginn(sitzung)
    if beginn is not None and (jahr, monat) < (beginn.year, beginn.month):
        raise EingabeFehler(
            f"{monatstext(jahr, monat)} liegt vor dem Abrechnungsbeginn ({monatstext(beginn.year, beginn.month)}); "
            "dieser Monat wurde außerhalb des Programms abgerechnet. Bitte einen späteren Monat wählen."
        )


def _vertraege_im_monat(sitzung: Session, jahr: int, monat: int) -> dict[int, list[Vertragsdaten]]:
    erster, letzter = monatsgrenzen(jahr, monat)
    namen = {
        k.id: (f"{k.vorname} {k.nachname}".strip() or k.personalnummer) for k in sitzung.scalars(select(Assistenzkraft))
    }
    ergebnis: dict[int, list[Vertragsdaten]] = {}
    for v in Stammdatenblick(sitzung).vertragsdaten(jahr, namen=namen):
        if v.beginn <= letzter and (v.ende is None or v.ende >= erster):
            ergebnis.setdefault(v.assistenzkraft_id, []).append(v)
    return ergebnis


def personen_im_monat(db: Datenbank, jahr: int, monat: int) -> list[int]:
    """Ids of the assistants with a contract in the month (the rows `zeilen` will give), by Personalnummer."""
    _monat_pruefen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        return _personen(sitzung, jahr, monat)


def _personen(sitzung: Session, jahr: int, monat: int) -> list[int]:
    ids = list(_vertraege_im_monat(sitzung, jahr, monat))
    nummern = {i: n for i, n in sitzung.execute(select(Assistenzkraft.id, Assistenzkraft.personalnummer))}
    return sorted(ids, key=lambda i: ablage._sortierbar(nummern.get(i, "")))


def _arbeitgeber(sitzung: Session) -> Arbeitgeberdaten:
    ag = sitzung.scalars(select(Arbeitgeber).order_by(Arbeitgeber.id)).first()
    if ag is None:
        raise EingabeFehler(
            "Es ist noch keine Arbeitgeberin erfasst. Bitte zuerst unter Stammdaten die Arbeitgeberin mit "
            "Bundesland anlegen."
        )
    return Arbeitgeberdaten(
        bundesland=ag.bundesland,
        privathaushalt=ag.privathaushalt,
        unfallversicherung_prozent=ag.unfallversicherung_prozent,
        katholisch=ag.katholische_gemeinde,
        name=f"{ag.vorname} {ag.nachname}".strip(),
        iban=ag.iban,
        betriebsnummer=ag.betriebsnummer,
        steuernummer=ag.steuernummer,
    )


def _kasse(sitzung: Session, kraft: Assistenzkraft, jahr: int, wer: str, vorrat: _Vorrat) -> Kasse | None:
    if kraft.krankenkasse_id is None:
        if kraft.privat_versichert:
            return None  # no Umlagekasse entered: the calculation warns (UMLAGEN_KASSE_FEHLT)
        raise EingabeFehler(
            f"{wer}: Im Personalbogen ist keine Krankenkasse eingetragen (und nicht „privat versichert“). "
            "Bitte die Krankenkasse im Personalbogen, Reiter Sozialversicherung, eintragen."
        )
    kasse = vorhanden(sitzung.get(Krankenkasse, kraft.krankenkasse_id), "die Krankenkasse")  # foreign key
    # A year without rates yet (January, before the Kasse published them) is computed with the latest earlier
    # year's, and a blocking Hinweis asks to confirm them (`_kassen_hinweise`, `kassen_zu_pruefen`).
    jahreswerte, _von = vorrat.kassenstand(kasse.id, jahr)
    stufe = next((s for s in jahreswerte.u1_stufen if s.gewaehlt), None) if jahreswerte else None
    nur_umlagen = kraft.privat_versichert  # the Zusatzbeitrag does not matter then
    if (
        jahreswerte is None
        or (jahreswerte.zusatzbeitrag_prozent is None and not nur_umlagen)
        or jahreswerte.u2_prozent is None
    ):
        raise EingabeFehler(
            f"{wer}: Für die Krankenkasse „{kasse.name}“ fehlen die Sätze für {jahr} (Zusatzbeitrag, U2). "
            "Bitte unter Stammdaten › Krankenkassen das Jahr anlegen."
        )
    if stufe is None:
        raise EingabeFehler(
            f"{wer}: Für die Krankenkasse „{kasse.name}“ ist für {jahreswerte.jahr} keine U1-Stufe gewählt. "
            "Bitte unter Stammdaten › Krankenkassen die gewählte U1-Stufe markieren."
        )
    return Kasse(
        zusatzbeitrag_prozent=jahreswerte.zusatzbeitrag_prozent or NULL,
        u1_prozent=stufe.umlage_prozent,
        u2_prozent=jahreswerte.u2_prozent,
        name=kasse.name,
        u1_erstattung_prozent=stufe.erstattung_prozent,
        ag_anteile_erstattet=stufe.ag_anteile_erstattet,
        u2_erstattung_prozent=jahreswerte.u2_erstattung_prozent,
        betriebsnummer=kasse.betriebsnummer,
    )


def _kassenstand(sitzung: Session, kassen_id: int, jahr: int) -> tuple[KassenJahr | None, int | None]:
    """The Kasse's rates for `jahr`, else those of its latest earlier year with that year (None: as entered)."""
    zeilen = sitzung.scalars(
        select(KassenJahr)
        .options(selectinload(KassenJahr.u1_stufen))
        .where(KassenJahr.krankenkasse_id == kassen_id, KassenJahr.jahr <= jahr)
        .order_by(KassenJahr.jahr.desc())
        .limit(1)
    ).first()
    if zeilen is None:
        return None, None
    return zeilen, (zeilen.jahr if zeilen.jahr != jahr else None)


@dataclass(frozen=True, slots=True)
class KassenPruefung:
    """A Kasse whose rates for `jahr` are not confirmed: carried forward from an earlier year and marked „bitte
    prüfen“ (`von_jahr` None), or not entered at all (the draft uses those of `von_jahr`). Finalising waits for them.
    """

    kassen_id: int
    name: str
    jahr: int
    von_jahr: int | None
    zusatzbeitrag_prozent: Decimal | None
    u1_prozent: Decimal | None
    u1_erstattung_prozent: Decimal | None
    u2_prozent: Decimal | None

    @property
    def saetze(self) -> str:
        """ "Zusatzbeitrag 3,29 %, U1 2,5 % (Erstattung 65 %), U2 0,39 %"."""
        teile = []
        if self.zusatzbeitrag_prozent is not None:
            teile.append(f"Zusatzbeitrag {format_prozent(self.zusatzbeitrag_prozent)}")
        if self.u1_prozent is not None:
            erstattung = (
                f" (Erstattung {format_prozent(self.u1_erstattung_prozent)})"
                if self.u1_erstattung_prozent is not None
                else ""
            )
            teile.append(f"U1 {format_prozent(self.u1_prozent)}{erstattung}")
        if self.u2_prozent is not None:
            teile.append(f"U2 {format_prozent(self.u2_prozent)}")
        return ", ".join(teile)

    @property
    def text(self) -> str:
        if self.von_jahr is not None:
            return (
                f"Für {self.jahr} sind bei der Krankenkasse „{self.name}“ noch keine Sätze eingetragen; gerechnet ist "
                f"vorläufig mit denen von {self.von_jahr} ({self.saetze})."
            )
        return (
            f"Die Sätze der Krankenkasse „{self.name}“ für {self.jahr} sind aus dem Vorjahr übernommen und noch nicht "
            f"bestätigt ({self.saetze})."
        )


def _pruefung(sitzung: Session, kasse: Krankenkasse, jahr: int, vorrat: _Vorrat | None = None) -> KassenPruefung | None:
    zeile, von = vorrat.kassenstand(kasse.id, jahr) if vorrat is not None else _kassenstand(sitzung, kasse.id, jahr)
    if zeile is None or (von is None and BITTE_PRUEFEN not in zeile.quelle):
        return None
    stufe = next((s for s in zeile.u1_stufen if s.gewaehlt), None)
    return KassenPruefung(
        kasse.id,
        kasse.name,
        jahr,
        von,
        zeile.zusatzbeitrag_prozent,
        stufe.umlage_prozent if stufe is not None else None,
        stufe.erstattung_prozent if stufe is not None else None,
        zeile.u2_prozent,
    )


def kassen_zu_pruefen(db: Datenbank, jahr: int, monat: int) -> list[KassenPruefung]:
    """The Kassen of the month's assistants (Minijob-Zentrale and private insurance aside) whose rates for the year
    are not confirmed, by name: the question of the change of year (Jahreswechsel) when a new year's month opens."""
    _monat_pruefen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        if ist_abgeschlossen(sitzung, jahr, monat):
            return []
        kassen: dict[int, Krankenkasse] = {}
        for person in _personen(sitzung, jahr, monat):
            kraft = sitzung.get(Assistenzkraft, person)
            if kraft is None or kraft.krankenkasse is None:
                continue  # a Kasse entered for a privately insured person collects her Umlagen: it counts
            if not kraft.krankenkasse.ist_minijob_zentrale:
                kassen[kraft.krankenkasse.id] = kraft.krankenkasse
        pruefungen = [_pruefung(sitzung, k, jahr) for k in kassen.values()]
        return sorted((p for p in pruefungen if p is not None), key=lambda p: p.name.casefold())


_WEITERE_ARTEN = {"minijob": WeitereArt.MINIJOB, "midijob": WeitereArt.HAUPTBESCHAEFTIGUNG}
_WEITERE_ARTEN["sv_pflichtig"] = WeitereArt.HAUPTBESCHAEFTIGUNG


def _person(kraft: Assistenzkraft, version: Vertrag, erster: date, letzter: date, wer: str) -> Personaldaten:
    if kraft.geburtsdatum is None:
        raise EingabeFehler(
            f"{wer}: Im Personalbogen fehlt das Geburtsdatum (es bestimmt Rentenversicherung, "
            "Pflegeversicherung und Lohnsteuer). Bitte im Personalbogen, Reiter Person, eintragen."
        )
    grenze_25 = date(erster.year - 25, erster.month, 1)
    kinder = sum(1 for k in kraft.kinder if k.geburtsdatum is None or k.geburtsdatum > grenze_25)
    nachweis = kraft.elterneigenschaft_nachweis_am is not None or any(k.nachweis_am for k in kraft.kinder)
    weitere = tuple(
        WeitereBeschaeftigung(_WEITERE_ARTEN[w.art], w.monatsentgelt, w.beginn)
        for w in kraft.weitere_beschaeftigungen
        if w.art in _WEITERE_ARTEN
        and (w.ende is None or w.ende >= erster)
        and (w.beginn is None or w.beginn <= letzter)
    )
    return Personaldaten(
        assistenzkraft_id=kraft.id,
        personalnummer=kraft.personalnummer,
        geburtsdatum=kraft.geburtsdatum,
        eintritt=version.eintritt,
        austritt=version.austritt,
        name=f"{kraft.vorname} {kraft.nachname}".strip(),
        krankenkasse=kraft.krankenkasse.name
        if kraft.krankenkasse is not None and not kraft.privat_versichert
        else None,
        steuerklasse=kraft.steuerklasse if kraft.steuerklasse is not None else 6,
        kinderfreibetraege=kraft.kinderfreibetraege if kraft.steuerklasse is not None else Decimal(0),
        kirchensteuer=kraft.konfession not in ("", "--"),
        pauschalsteuer=version.pauschalsteuer,
        kinder_unter_25=kinder,
        elterneigenschaft=(kraft.hat_kinder or bool(kraft.kinder)) and nachweis,
        rv_befreiung=kraft.rv_befreiung_antrag_am is not None and kraft.rv_befreiung_antrag_am <= letzter,
        student=kraft.student,
        berufsmaessig=version.berufsmaessig,
        weitere_beschaeftigungen=weitere,
        iban=kraft.iban,
        steuer_id=kraft.steuer_id,
        versicherungsnummer=kraft.versicherungsnummer,
    )


def _version_im_monat(kraft: Assistenzkraft, letzter: date) -> Vertrag:
    versionen = sorted(kraft.vertraege, key=lambda v: v.gueltig_ab)
    gueltig = [v for v in versionen if v.gueltig_ab <= letzter]
    return gueltig[-1] if gueltig else versionen[0]


# --- history -------------------------------------------------------------------------------------------------------

Stand = dict[tuple[int, int, int], tuple[Monatseingabe, Monatsergebnis]]


#: Stored versions read back, per open database (its engine) and row: a stored version never changes (a correction
#: is a new row), so each is parsed once per process instead of at every look at the history (issue 15: reading
#: back a year's inputs and results cost more than computing the month).
_GELESEN: weakref.WeakKeyDictionary[Any, dict[tuple[int, str], tuple[Monatseingabe, Monatsergebnis]]] = (
    weakref.WeakKeyDictionary()
)
#: Finalised months computed again from a changed input that left their own payroll as it was (`_eigene_aenderung`),
#: per open database, by (jahr, monat, assistant, checksum of the valid version's input, checksum of the new input):
#: after a correction of March, April's input stays different from its snapshot, and it need not be computed again
#: at every later look (issue 15).
_OHNE_FOLGEN: weakref.WeakKeyDictionary[Any, set[tuple[int, int, int, str | None, str]]] = weakref.WeakKeyDictionary()


def _gespeicherter_stand(sitzung: Session, personen: Sequence[int], bis_jahr: int) -> Stand:
    """The valid version of every finalised month of these assistants in this and the previous year."""
    neueste = ablage.gueltige_kopfzeilen(
        sitzung,
        Abrechnungsergebnis.assistenzkraft_id.in_(list(personen)),
        Abrechnungsergebnis.jahr >= bis_jahr - 1,
        Abrechnungsergebnis.jahr <= bis_jahr,
    )
    gelesen = _GELESEN.setdefault(sitzung.get_bind(), {})
    fehlen = [z.id for z in neueste.values() if (z.id, z.pruefsumme) not in gelesen]
    spalten = (Abrechnungsergebnis.pruefsumme, Abrechnungsergebnis.eingabe, Abrechnungsergebnis.ergebnis)
    for nummer, summe, eingabe, ergebnis in ablage.zeilen_mit_id(sitzung, fehlen, *spalten):
        gelesen[(nummer, summe)] = (
            Monatseingabe.aus_dict(json.loads(eingabe)),
            Monatsergebnis.aus_dict(json.loads(ergebnis)),
        )
    return {k: gelesen[(z.id, z.pruefsumme)] for k, z in neueste.items()}


def _gespeicherte_pruefsummen(sitzung: Session, bis_jahr: int) -> dict[tuple[int, int, int], str]:
    """The input checksum of the valid version of every finalised month in this and the previous year."""
    neueste = ablage.gueltige_kopfzeilen(
        sitzung, Abrechnungsergebnis.jahr >= bis_jahr - 1, Abrechnungsergebnis.jahr <= bis_jahr
    )
    return {k: z.pruefsumme for k, z in neueste.items()}


def _version(sitzung: Session, schluessel: tuple[int, int, int]) -> int:
    jahr, monat, person = schluessel
    return max(
        sitzung.scalars(
            select(Abrechnungsergebnis.version).where(
                Abrechnungsergebnis.jahr == jahr,
                Abrechnungsergebnis.monat == monat,
                Abrechnungsergebnis.assistenzkraft_id == person,
            )
        ),
        default=0,
    )


def _vortrag_als_jahreswerte(vorrat: _Vorrat, person: int, jahr: int) -> tuple[Jahreswerte, Decimal] | None:
    v = vorrat.vortrag(person, jahr)
    if v is None:
        return None
    namen = {f.name for f in fields(Jahreswerte)}
    werte = {name: getattr(v, name) for name in namen if hasattr(v, name)}
    return Jahreswerte(**werte), v.zeitkonto_stunden


def _vorgeschichte(vorrat: _Vorrat, person: int, jahr: int, monat: int, beginn: date, stand: Stand) -> Vorgeschichte:
    vortrag = _vortrag_als_jahreswerte(vorrat, person, jahr)
    eigene = sorted((j, m) for (j, m, p) in stand if p == person and (j, m) < (jahr, monat))
    jahreswerte = vortrag[0] if vortrag is not None else Jahreswerte()
    vorjahr: Jahreswerte | None = None
    for j, m in eigene:
        werte = ablage.monatsanteil(*stand[(j, m, person)])
        if j == jahr:
            jahreswerte = jahreswerte.plus(werte)
        elif j == jahr - 1:
            vorjahr = werte if vorjahr is None else vorjahr.plus(werte)
    vormonate = tuple(
        Vormonat.aus_ergebnis(stand[(j, m, person)][1]) for j, m in eigene if (jahr - j) * 12 + monat - m <= VORMONATE
    )
    # The Zeitkonto balance after the last month: each month's own hours (Saldo − Vortrag) added up from the first
    # month of an unbroken run of months with a Zeitkonto, not the last month's stored Saldo: a month that kept its
    # version after a correction of an earlier one took over the balance as it stood then (`_eigene_aenderung`).
    laufend: Decimal | None = None
    for j, m in eigene:
        konto = stand[(j, m, person)][1].zeitkonto
        if konto is None:
            laufend = None
        else:
            laufend = (konto.vortrag if laufend is None else laufend) + konto.saldo - konto.vortrag
    saldo = Decimal(0)
    if laufend is not None:
        saldo = laufend
    elif vortrag is not None:
        saldo = vortrag[1]
    # Unknown only in the household's first month in the program without carried-over figures (whoever started
    # when): then the calculation makes the same documented assumptions as for a scenario (PAYROLL.md, seams).
    bekannt = vortrag is not None or (jahr, monat) > (beginn.year, beginn.month) or bool(eigene)
    # the illness running at the Abrechnungsbeginn keeps counting its days paid elsewhere, also in a later year
    beim_beginn = vorrat.vortrag(person, beginn.year)
    efzg_vorher = beim_beginn.krank_fortzahlung_tage if beim_beginn is not None else 0
    # the Minijob forecast of the Abrechnungsbeginn's year counts the months the Lohnbüro settled: their SV pay
    # (gross without the tax- and contribution-free surcharges), running and one-off, and the marked overshoots
    vorher = beim_beginn if beim_beginn is not None and beginn.year == jahr else None
    return Vorgeschichte(
        bekannt=bekannt,
        jahreswerte=jahreswerte,
        vorjahr=vorjahr,
        vormonate=vormonate,
        zeitkonto_saldo=saldo,
        efzg_tage_vorher=efzg_vorher,
        abrechnungsbeginn=beginn if beim_beginn is not None else None,
        vortrag_laufend=(vorher.brutto - vorher.steuerfreie_bezuege - vorher.einmalzahlungen) if vorher else NULL,
        vortrag_einmalzahlungen=vorher.einmalzahlungen if vorher else NULL,
        vortrag_ueberschreitungen=vorher.minijob_ueberschreitungen if vorher else 0,
    )


# --- building one assistant's input --------------------------------------------------------------------------------


class _Vorrat:
    """What one look at the store (a month, and the check of the finalised months before it for corrections) reads
    once for all assistants and months instead of once per assistant and month: the Personalbögen with children,
    other jobs and contracts, the Kassen's rates per year, the carried-over figures. Valid within one session, which
    only reads while it is used (issue 15: checking a year's months for corrections was mostly these queries)."""

    def __init__(self, sitzung: Session) -> None:
        self._sitzung = sitzung
        self._kraefte: dict[int, Assistenzkraft] | None = None
        self._kassenstaende: dict[tuple[int, int], tuple[KassenJahr | None, int | None]] = {}
        self._vortraege: dict[tuple[int, int], VortragDaten | None] = {}

    def kraft(self, person: int) -> Assistenzkraft:
        if self._kraefte is None:
            self._kraefte = {
                k.id: k
                for k in self._sitzung.scalars(
                    select(Assistenzkraft).options(
                        selectinload(Assistenzkraft.kinder),
                        selectinload(Assistenzkraft.weitere_beschaeftigungen),
                        selectinload(Assistenzkraft.vertraege),
                        selectinload(Assistenzkraft.krankenkasse),
                    )
                )
            }
        return vorhanden(self._kraefte.get(person), "die Assistenzkraft")

    def kassenstand(self, kassen_id: int, jahr: int) -> tuple[KassenJahr | None, int | None]:
        if (kassen_id, jahr) not in self._kassenstaende:
            self._kassenstaende[(kassen_id, jahr)] = _kassenstand(self._sitzung, kassen_id, jahr)
        return self._kassenstaende[(kassen_id, jahr)]

    def vortrag(self, person: int, jahr: int) -> VortragDaten | None:
        if (person, jahr) not in self._vortraege:
            self._vortraege[(person, jahr)] = vortrag_in_sitzung(self._sitzung, person, jahr)
        return self._vortraege[(person, jahr)]


@dataclass(frozen=True, slots=True)
class _Monatsdaten:
    """What is read once per month for all assistants: the month's shifts, absences, one-off payments, benefits in
    kind and advances by assistant (a shift also under the one it covers for, `vertretung_fuer`), in the order one
    assistant's query would give them."""

    jahr: int
    monat: int
    erster: date
    letzter: date
    arbeitgeber: Arbeitgeberdaten
    vertraege: dict[int, list[Vertragsdaten]]
    beginn: date
    vorrat: _Vorrat
    schichten: dict[int, list[Schicht]]
    abwesenheiten: dict[int, list[Abwesenheit]]
    einmalzahlungen: dict[int, list[Einmalzahlung]]
    sachbezuege: dict[int, list[Sachbezug]]
    vorschuesse: dict[int, list[Vorschuss]]


def _monatsdaten(sitzung: Session, jahr: int, monat: int, vorrat: _Vorrat | None = None) -> _Monatsdaten:
    erster, letzter = monatsgrenzen(jahr, monat)
    beginn = _beginn(sitzung)
    if beginn is None:
        frueheste = sitzung.scalars(select(Abrechnungsmonat).order_by(Abrechnungsmonat.jahr, Abrechnungsmonat.monat))
        zeile = frueheste.first()
        beginn = date(zeile.jahr, zeile.monat, 1) if zeile is not None else erster
    schichten: dict[int, list[Schicht]] = {}
    for z in sitzung.scalars(
        select(SchichtZeile)
        .where(SchichtZeile.tag >= erster - timedelta(days=1), SchichtZeile.tag <= letzter)
        .order_by(SchichtZeile.beginn, SchichtZeile.id)
    ):
        schicht = ab.schicht_aus_zeile(z)
        schichten.setdefault(z.assistenzkraft_id, []).append(schicht)
        if z.vertretung_fuer is not None and z.vertretung_fuer != z.assistenzkraft_id:
            schichten.setdefault(z.vertretung_fuer, []).append(schicht)
    abwesenheiten: dict[int, list[Abwesenheit]] = {}
    for a in sitzung.scalars(
        select(AbwesenheitZeile)
        .where(AbwesenheitZeile.bis >= erster - ABWESENHEITEN_RUECKBLICK, AbwesenheitZeile.von <= letzter)
        .order_by(AbwesenheitZeile.von, AbwesenheitZeile.id)
    ):
        abwesenheiten.setdefault(a.assistenzkraft_id, []).append(ab.abwesenheit_aus_zeile(a))

    def im_monat(modell: Any) -> dict[int, list[Any]]:
        zeilen: dict[int, list[Any]] = {}
        for z in sitzung.scalars(select(modell).where(modell.jahr == jahr, modell.monat == monat).order_by(modell.id)):
            zeilen.setdefault(z.assistenzkraft_id, []).append(z)
        return zeilen

    einmal = {
        p: [Einmalzahlung(z.art, z.betrag, z.id) for z in zeilen] for p, zeilen in im_monat(EinmalzahlungZeile).items()
    }
    sachbezuege = {
        p: [Sachbezug(z.art, z.tage, z.im_haushalt, z.wert, z.zuzahlung, z.text, z.id) for z in zeilen]
        for p, zeilen in im_monat(SachbezugZeile).items()
    }
    vorschuesse = {
        p: [Vorschuss(z.betrag, z.text or "Vorschuss", z.ausgezahlt_am, z.id) for z in zeilen]
        for p, zeilen in im_monat(VorschussZeile).items()
    }
    return _Monatsdaten(
        jahr,
        monat,
        erster,
        letzter,
        _arbeitgeber(sitzung),
        _vertraege_im_monat(sitzung, jahr, monat),
        beginn,
        vorrat if vorrat is not None else _Vorrat(sitzung),
        schichten,
        abwesenheiten,
        einmal,
        sachbezuege,
        vorschuesse,
    )


def _eingabe(
    sitzung: Session, md: _Monatsdaten, person: int, stand: Stand, verrechnungen: Sequence[Verrechnung]
) -> tuple[Monatseingabe, tuple[date, ...]]:
    kraft = md.vorrat.kraft(person)
    wer = f"{kraft.vorname} {kraft.nachname}".strip() or f"Assistenzkraft {kraft.personalnummer}"
    wer = f"{wer} (Personalnummer {kraft.personalnummer})"
    version = _version_im_monat(kraft, md.letzter)
    personaldaten = _person(kraft, version, md.erster, md.letzter, wer)
    kasse = _kasse(sitzung, kraft, md.jahr, wer, md.vorrat)
    # Private insurance is the Personalbogen's status; a Kasse entered there then collects the Umlagen only.
    kasse, umlagekasse = (None, kasse) if kraft.privat_versichert else (kasse, None)
    schichten = tuple(md.schichten.get(person, ()))
    nach_plan = tuple(
        sorted(
            {
                s.tag
                for s in schichten
                if s.assistenzkraft_id == person and s.ist is None and md.erster <= s.tag <= md.letzter
            }
        )
    )
    vorgeschichte = _vorgeschichte(md.vorrat, person, md.jahr, md.monat, md.beginn, stand)
    eingabe = Monatseingabe(
        jahr=md.jahr,
        monat=md.monat,
        arbeitgeber=md.arbeitgeber,
        person=personaldaten,
        kasse=kasse,
        umlagekasse=umlagekasse,
        vertraege=tuple(md.vertraege.get(person, ())),
        schichten=schichten,
        abwesenheiten=tuple(md.abwesenheiten.get(person, ())),
        einmalzahlungen=tuple(md.einmalzahlungen.get(person, ())),
        sachbezuege=tuple(md.sachbezuege.get(person, ())),
        vorschuesse=tuple(md.vorschuesse.get(person, ())),
        verrechnungen=tuple(verrechnungen),
        vorgeschichte=vorgeschichte,
    )
    return eingabe, nach_plan


def _lauf_hinweise(
    sitzung: Session, eingabe: Monatseingabe, ergebnis: Monatsergebnis, nach_plan: Sequence[date], vorrat: _Vorrat
) -> list[Hinweis]:
    """What the store knows and the calculation cannot: no tax class, a contract without pay, unconfirmed shifts."""
    hinweise: list[Hinweis] = []
    kraft = vorhanden(sitzung.get(Assistenzkraft, eingabe.person.assistenzkraft_id), "die Assistenzkraft")
    pauschal = ergebnis.pauschsteuer > 0 or eingabe.person.pauschalsteuer in ("2", "25")
    if kraft.steuerklasse is None and not pauschal:
        hinweise.append(
            Hinweis(
                "STEUERKLASSE_FEHLT",
                Schwere.FEHLER,
                "Im Personalbogen fehlt die Steuerklasse; gerechnet ist vorläufig mit Steuerklasse VI, wie es ohne "
                "Lohnsteuerabzugsmerkmale vorgeschrieben ist. Bitte die Steuerklasse aus den ELStAM eintragen.",
                "§ 39c Abs. 1 EStG",
            )
        )
    if any(v.satz <= 0 for v in eingabe.vertraege):
        hinweise.append(
            Hinweis(
                "VERTRAG_OHNE_LOHN",
                Schwere.FEHLER,
                "Der Arbeitsvertrag nennt keinen Lohn (Lohnsatz 0). Bitte im Vertrag den Stunden-, Tages- oder "
                "Monatslohn eintragen.",
                "§ 611a BGB",
            )
        )
    hinweise.extend(_kassen_hinweise(sitzung, kraft, eingabe, ergebnis, vorrat))
    if nach_plan:
        tage = ", ".join(f"{t:%d.%m.}" for t in nach_plan[:8]) + (" …" if len(nach_plan) > 8 else "")
        hinweise.append(
            Hinweis(
                "NACH_PLAN",
                Schwere.WARNUNG,
                f"Für {anzahl(len(nach_plan), 'Tag', 'Tage')} ist keine tatsächliche Arbeitszeit erfasst ({tage}); "
                "abgerechnet ist "
                "nach Plan. Bitte die Zeiten im Dienstplan bestätigen oder korrigieren.",
            )
        )
    return hinweise


def _kassen_hinweise(
    sitzung: Session, kraft: Assistenzkraft, eingabe: Monatseingabe, ergebnis: Monatsergebnis, vorrat: _Vorrat
) -> list[Hinweis]:
    """Rates of the person's Kasse that are not confirmed for the year (blocking) or are examples (a warning)."""
    kasse = eingabe.kasse if eingabe.kasse is not None else eingabe.umlagekasse
    if kasse is None or kraft.krankenkasse is None or ergebnis.einzugsstelle != kasse.name:
        return []  # no Kasse, or a Minijob: the Minijob-Zentrale's rates apply, not this Kasse's
    pruefung = _pruefung(sitzung, kraft.krankenkasse, eingabe.jahr, vorrat)
    if pruefung is not None:
        return [
            Hinweis(
                KASSE_BITTE_PRUEFEN,
                Schwere.FEHLER,
                f"{pruefung.text} Bitte mit den Sätzen vergleichen, die die Kasse für {eingabe.jahr} bekannt gegeben "
                "hat, und sie in der Abrechnung („Kassensätze prüfen“) oder unter Jahreswechsel bestätigen; bis "
                "dahin kann der Monat nicht abgeschlossen werden.",
                "§ 242 SGB V (Zusatzbeitrag), § 7 Abs. 2 und § 9 AAG (Umlagesätze in der Satzung der Kasse)",
            )
        ]
    zeile, _von = vorrat.kassenstand(kraft.krankenkasse.id, eingabe.jahr)
    if zeile is not None and BEISPIELWERT in zeile.quelle:
        saetze = (
            f"Zusatzbeitrag {format_prozent(kasse.zusatzbeitrag_prozent)}, U1 {format_prozent(kasse.u1_prozent)}, "
            f"U2 {format_prozent(kasse.u2_prozent)}"
        )
        return [
            Hinweis(
                KASSE_BEISPIELWERT,
                Schwere.WARNUNG,
                f"Die Sätze der Krankenkasse „{kasse.name}“ für {eingabe.jahr} sind Beispielwerte ({saetze}), "
                "nicht an der Quelle bestätigt. Für eine echte Abrechnung bitte unter Stammdaten › Krankenkassen "
                "die Sätze eintragen, die die Kasse veröffentlicht hat.",
                zeile.quelle,
            )
        ]
    return []


def format_prozent(satz: Decimal) -> str:
    return f"{format_zahl(satz, None)} %"


def _rechne(
    sitzung: Session, md: _Monatsdaten, person: int, stand: Stand, verrechnungen: Sequence[Verrechnung]
) -> Zeile:
    try:
        eingabe, nach_plan = _eingabe(sitzung, md, person, stand, verrechnungen)
    except EingabeFehler as fehler:
        kraft = vorhanden(sitzung.get(Assistenzkraft, person), "die Assistenzkraft")
        name = f"{kraft.vorname} {kraft.nachname}".strip()
        return Zeile(person, kraft.personalnummer, name, None, None, fehler=str(fehler))
    return _gerechnet(sitzung, md, eingabe, nach_plan)


def _gerechnet(sitzung: Session, md: _Monatsdaten, eingabe: Monatseingabe, nach_plan: tuple[date, ...]) -> Zeile:
    """The row of an input built by `_eingabe`: the one calculation, plus what only the store knows."""
    person = eingabe.person.assistenzkraft_id
    kraft = vorhanden(sitzung.get(Assistenzkraft, person), "die Assistenzkraft")
    name = f"{kraft.vorname} {kraft.nachname}".strip()
    try:
        ergebnis = berechne(eingabe)
    except EingabeFehler as fehler:
        return Zeile(person, kraft.personalnummer, name, None, None, fehler=str(fehler))
    zusatz = _lauf_hinweise(sitzung, eingabe, ergebnis, nach_plan, md.vorrat)
    if zusatz:
        ergebnis = replace(ergebnis, hinweise=(*ergebnis.hinweise, *zusatz))
    return Zeile(person, kraft.personalnummer, name, ergebnis, eingabe, nach_plan=nach_plan)


# --- corrections ---------------------------------------------------------------------------------------------------


#: Fields a correction does not list: notes, the year's running totals, and parts that the listed fields sum up.
_NICHT_GELISTET = ("hinweise", "jahreswerte", "tagesverdienste", "kosten", "fortzahlungen", "abzuege")
#: Fields that explain a month's figures without being one: a difference in them alone is no correction.
_NUR_ERLAEUTERUNG = frozenset({"begruendung"})


def _unterschiede(vorher: Monatsergebnis, nachher: Monatsergebnis) -> tuple[tuple[str, str, str], ...]:
    a, b = vorher.als_dict(), nachher.als_dict()
    ergebnis = []
    for schluessel in a:
        if schluessel in _NICHT_GELISTET:
            continue
        if a[schluessel] != b.get(schluessel):
            ergebnis.append((schluessel, _kurz(a[schluessel]), _kurz(b.get(schluessel))))
    return tuple(ergebnis)


def _eigene_aenderung(
    alt: tuple[Monatseingabe, Monatsergebnis], neu: tuple[Monatseingabe, Monatsergebnis], differenz: Sequence[Any]
) -> bool:
    """Whether the month's own payroll changed: an amount, key or payslip line of the month, or its own share of the
    year's totals (SV-Tage, SV pay, taxes …), not only its Begründung or the totals it carries from earlier months.

    A correction of March makes April's input different (its Vorgeschichte holds the year so far), so April is
    computed again; but if April's pay, contributions, taxes, levies, reports and employer cost stay the same, April's
    payslip stays valid: the corrected year totals are carried by the next payroll (and the year's documents add up
    the months' own shares, `ablage.jahressummen`), as payroll offices do. Where a year figure does change April's
    outcome (a Minijob or Midijob year check, the SV-Tage, the BBG of a one-off payment), a field of April differs
    and it is corrected. The Zeitkonto of a Monatslohn is carried the same way: a month whose Soll and Ist stay as
    they were keeps its version when only the balance it took over (and so its closing balance) differs."""
    felder = {feld for feld, _a, _b in differenz} - _NUR_ERLAEUTERUNG
    if "zeitkonto" in felder and _nur_vortrag(alt[1].zeitkonto, neu[1].zeitkonto):
        felder.discard("zeitkonto")
    if felder:
        return True
    return ablage.monatsanteil(*alt) != ablage.monatsanteil(*neu)


def _nur_vortrag(alt: Zeitkonto | None, neu: Zeitkonto | None) -> bool:
    """Whether two Zeitkonten of a month differ only in the balance carried into it (not in its own hours)."""
    if alt is None or neu is None:
        return False
    return (alt.soll, alt.ist, alt.plus_max, alt.minus_max) == (neu.soll, neu.ist, neu.plus_max, neu.minus_max)


def _kurz(wert: Any) -> str:
    return wert if isinstance(wert, str) else json.dumps(wert, ensure_ascii=False)


def naechster_offener_monat(db: Datenbank) -> tuple[int, int]:
    with db.arbeitseinheit() as sitzung:
        return _naechster_offener(sitzung)


def _naechster_offener(sitzung: Session) -> tuple[int, int]:
    abgeschlossen = ablage.abgeschlossene_in(sitzung)
    if abgeschlossen:
        j, m = abgeschlossen[-1]
        return (j + 1, 1) if m == 12 else (j, m + 1)
    beginn = _beginn(sitzung)
    if beginn is not None:
        return beginn.year, beginn.month
    heute = date.today()
    return heute.year, heute.month


def _korrekturen(sitzung: Session, bis: tuple[int, int], stand: Stand, vorrat: _Vorrat) -> list[Korrektur]:
    """Check every finalised month of this and the previous year, oldest first: its input is built again from the
    store and compared with the snapshot its valid version was computed from (by checksum); only a changed input is
    computed again, and if the month's own payroll differs it becomes a correction (which later months then build
    on: their input holds the year's totals, so they are checked against the corrected month; a later month whose
    pay, contributions and taxes stay the same is not corrected, `_eigene_aenderung`).

    The calculation is what costs: with it skipped for unchanged inputs, finalising a month costs about the same in
    December as in January (it once computed every earlier month again, issue 15)."""
    ergebnis: list[Korrektur] = []
    monate = [(j, m) for j, m in ablage.abgeschlossene_in(sitzung) if j >= bis[0] - 1 and (j, m) < bis]
    summen = _gespeicherte_pruefsummen(sitzung, bis[0])
    geprueft = _OHNE_FOLGEN.setdefault(sitzung.get_bind(), set())
    for jahr, monat in monate:
        md = _monatsdaten(sitzung, jahr, monat, vorrat)
        for person in sorted(p for (j, m, p) in stand if (j, m) == (jahr, monat)):
            alt = stand[(jahr, monat, person)]
            try:
                eingabe, nach_plan = _eingabe(sitzung, md, person, stand, alt[0].verrechnungen)
            except EingabeFehler:
                continue  # cannot be recomputed now (e.g. data removed): left alone
            summe = ablage.pruefsumme(eingabe.als_dict())
            gespeichert = summen.get((jahr, monat, person))
            if summe == gespeichert:
                continue  # the input it was computed from: the same result
            if (jahr, monat, person, gespeichert, summe) in geprueft:
                continue  # this input was computed before and left the month's payroll as it is
            if summe == ablage.pruefsumme(alt[0].als_dict()):
                continue  # the snapshot read back: the same input, whatever checksum was stored with it
            zeile = _gerechnet(sitzung, md, eingabe, nach_plan)
            if zeile.ergebnis is None or zeile.eingabe is None:
                continue
            differenz = _unterschiede(alt[1], zeile.ergebnis)
            if not _eigene_aenderung(alt, (zeile.eingabe, zeile.ergebnis), differenz):
                geprueft.add((jahr, monat, person, gespeichert, summe))
                continue
            stand[(jahr, monat, person)] = (zeile.eingabe, zeile.ergebnis)
            ergebnis.append(
                Korrektur(
                    jahr,
                    monat,
                    person,
                    zeile.personalnummer,
                    alt[1],
                    zeile.ergebnis,
                    zeile.eingabe,
                    _version(sitzung, (jahr, monat, person)) + 1,
                    differenz,
                    _grund(alt[0], zeile.eingabe, [k for k in ergebnis if k.assistenzkraft_id == person]),
                )
            )
    if ergebnis:
        # A difference is paid through the person's row in the settling month; one who has left has none there.
        mit_vertrag = set(_vertraege_im_monat(sitzung, *bis))
        ergebnis = [k if k.assistenzkraft_id in mit_vertrag else replace(k, ohne_vertrag_in=bis) for k in ergebnis]
    return ergebnis


def _grund(alt: Monatseingabe, neu: Monatseingabe, frueher: Sequence[Korrektur]) -> str:
    """The reason a correction states. A month whose own data are as they were changes only through the months
    before it (the year's totals, the Jahresprognose of a Minijob or Midijob, the SV-Tage, the average pay of the
    last 13 weeks): its version then says which correction it follows from, so that nobody looks for a change of
    its own that is not there."""
    eigene_alt, eigene_neu = alt.als_dict(), neu.als_dict()
    for daten in (eigene_alt, eigene_neu):
        daten.pop("vorgeschichte", None)
        daten.pop("verrechnungen", None)
    if eigene_alt != eigene_neu:
        return GRUND_DATEN
    if not frueher:
        return (
            f"{FOLGEKORREKTUR}: die Daten dieses Monats sind unverändert, aber die Werte der Vormonate, auf denen er "
            "aufbaut (Jahressummen, Jahresprognose, Vormonate), haben sich geändert"
        )
    texte = [monatstext(k.jahr, k.monat) for k in frueher]
    monate = " und ".join([", ".join(texte[:-1]), texte[-1]] if len(texte) > 1 else texte)
    return (
        f"{FOLGEKORREKTUR} der Korrektur von {monate}: die Daten dieses Monats sind unverändert, aber die Werte der "
        "Vormonate, auf denen er aufbaut (Jahressummen, Jahresprognose, Vormonate), haben sich geändert"
    )


def korrektur_hinweis(db: Datenbank, tage: Iterable[date] = (), *, ab: date | None = None) -> str:
    """One German sentence when a change touches a finalised month ("" otherwise), for the Dienstplan and the
    contracts to show: the change is stored, but the finalised result stays as it is; the difference is computed
    and settled as a correction in the next open month (`offene_korrekturen`, `schliesse_ab`).

    `tage`: the days a change to shifts or absences touches; `ab`: a contract version valid from this day on
    (it touches every finalised month from then).
    """
    monate = {(t.year, t.month) for t in tage}
    with db.arbeitseinheit() as sitzung:
        abgeschlossen = ablage.abgeschlossene_in(sitzung)
        betroffen = [m for m in abgeschlossen if m in monate or (ab is not None and m >= (ab.year, ab.month))]
        if not betroffen:
            return ""
        ziel = _naechster_offener(sitzung)
    if len(betroffen) == 1:
        was = f"Die Abrechnung {monatstext(*betroffen[0])} ist abgeschlossen"
    else:
        was = f"Die Abrechnungen {monatstext(*betroffen[0])} bis {monatstext(*betroffen[-1])} sind abgeschlossen"
    return (
        f"{was}: eine Änderung an Schichten, Abwesenheiten oder Verträgen ändert sie nicht, sondern wird als "
        f"Korrektur mit der Abrechnung {monatstext(*ziel)} verrechnet."
    )


def offene_korrekturen(db: Datenbank) -> list[Korrektur]:
    """Finalised months whose data changed since they were closed, recomputed (settled in the next open month)."""
    with db.arbeitseinheit() as sitzung:
        ziel = _naechster_offener(sitzung)
        stand = _gespeicherter_stand(sitzung, list(_alle_personen(sitzung)), ziel[0])
        return _korrekturen(sitzung, ziel, stand, _Vorrat(sitzung))


def _alle_personen(sitzung: Session) -> list[int]:
    return list(sitzung.scalars(select(Assistenzkraft.id)))


def _verrechnungen(korrekturen: Sequence[Korrektur], person: int) -> list[Verrechnung]:
    return [
        Verrechnung(k.text(), k.auszahlung_differenz, f"{k.jahr:04d}-{k.monat:02d}")
        for k in korrekturen
        if k.assistenzkraft_id == person and k.auszahlung_differenz != 0
    ]


# --- the month ----------------------------------------------------------------------------------------------------


def _gespeicherte_zeilen(sitzung: Session, jahr: int, monat: int) -> list[Zeile]:
    zeilen = []
    for z in ablage.gueltige_zeilen(sitzung, jahr=jahr, monat=monat):
        kraft = sitzung.get(Assistenzkraft, z.assistenzkraft_id)
        name = f"{kraft.vorname} {kraft.nachname}".strip() if kraft is not None else ""
        zeilen.append(
            Zeile(
                z.assistenzkraft_id,
                z.personalnummer,
                name,
                Monatsergebnis.aus_dict(json.loads(z.ergebnis)),
                Monatseingabe.aus_dict(json.loads(z.eingabe)),
                gespeichert=True,
                version=z.version,
            )
        )
    return zeilen


def zeilen(db: Datenbank, jahr: int, monat: int, *, korrekturen: bool = True) -> Iterator[Zeile]:
    """The month's rows one assistant at a time (finalised: as stored). Stop iterating to cancel.

    `korrekturen=False`: without recomputing the finalised months for corrections (they only change payouts by
    Verrechnungen): the budget's forecast of an open month needs just its costs, and checking 23 finalised months of
    a team costs seconds."""
    _monat_pruefen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        _vor_dem_beginn(sitzung, jahr, monat)
        if ist_abgeschlossen(sitzung, jahr, monat):
            yield from _gespeicherte_zeilen(sitzung, jahr, monat)
            return
        md = _monatsdaten(sitzung, jahr, monat)
        personen = _personen(sitzung, jahr, monat)
        stand = _gespeicherter_stand(sitzung, _alle_personen(sitzung), jahr)
        offene = (
            _korrekturen(sitzung, (jahr, monat), stand, md.vorrat)
            if korrekturen and (jahr, monat) == _naechster_offener(sitzung)
            else []
        )
        for person in personen:
            yield _rechne(sitzung, md, person, stand, _verrechnungen(offene, person))


def abrechnung(db: Datenbank, jahr: int, monat: int) -> Monatsabrechnung:
    """The month as the Abrechnung page and `assistenzbuero abrechnung` show it."""
    _monat_pruefen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        _vor_dem_beginn(sitzung, jahr, monat)
        if ist_abgeschlossen(sitzung, jahr, monat):
            # The corrections settled in this month are in `ablage.lade_monat(...).korrekturen`.
            return Monatsabrechnung(
                jahr, monat, ablage.ABGESCHLOSSEN, tuple(_gespeicherte_zeilen(sitzung, jahr, monat))
            )
        return _offen(sitzung, jahr, monat)


def _offen(sitzung: Session, jahr: int, monat: int) -> Monatsabrechnung:
    md = _monatsdaten(sitzung, jahr, monat)
    stand = _gespeicherter_stand(sitzung, _alle_personen(sitzung), jahr)
    korrekturen = (
        _korrekturen(sitzung, (jahr, monat), stand, md.vorrat) if (jahr, monat) == _naechster_offener(sitzung) else []
    )
    zeilen_ = tuple(
        _rechne(sitzung, md, p, stand, _verrechnungen(korrekturen, p)) for p in _personen(sitzung, jahr, monat)
    )
    return Monatsabrechnung(jahr, monat, ablage.ENTWURF, zeilen_, tuple(korrekturen))


def abschluss_hindernis(db: Datenbank, jahr: int, monat: int) -> str | None:
    """Why the month cannot be finalised now (the very sentence `schliesse_ab` refuses with), or None.

    For a page that asks "really finalise?" only when finalising can succeed; it computes the month once.
    """
    _monat_pruefen(jahr, monat)
    with db.arbeitseinheit() as sitzung:
        try:
            _pruefe_abschluss(sitzung, jahr, monat)
        except EingabeFehler as fehler:
            return str(fehler)
    return None


def _pruefe_abschluss(sitzung: Session, jahr: int, monat: int) -> Monatsabrechnung:
    """The month computed now, if it may be finalised; else EingabeFehler with one German sentence."""
    _vor_dem_beginn(sitzung, jahr, monat)
    if ist_abgeschlossen(sitzung, jahr, monat):
        raise EingabeFehler(f"Die Abrechnung {monatstext(jahr, monat)} ist bereits abgeschlossen.")
    offen = _naechster_offener(sitzung)
    if (jahr, monat) > offen:
        raise EingabeFehler(
            f"{monatstext(*offen)} ist noch nicht abgeschlossen. Bitte die Monate der Reihe nach abschließen, "
            f"zuerst {monatstext(*offen)}."
        )
    if (jahr, monat) < offen:
        raise EingabeFehler(
            f"{monatstext(jahr, monat)} liegt vor dem nächsten offenen Monat ({monatstext(*offen)}); "
            "Änderungen an abgeschlossenen Monaten werden als Korrektur im nächsten offenen Monat abgerechnet."
        )
    monatsabrechnung = _offen(sitzung, jahr, monat)
    # A month without a contract still settles the corrections of people who have left (their transfers, their
    # contributions in its Beitragsnachweis): refused, they would stay open and unpaid.
    if not monatsabrechnung.zeilen and not monatsabrechnung.korrekturen:
        raise EingabeFehler(
            f"Im {monatstext(jahr, monat)} hat keine Assistenzkraft einen Arbeitsvertrag; es gibt nichts abzuschließen."
        )
    sperrend = monatsabrechnung.sperrend
    if sperrend:
        zeile, hinweis = sperrend[0]
        wer_text = zeile.name or f"Personalnummer {zeile.personalnummer}"
        weitere = f" (und {len(sperrend) - 1} weitere)" if len(sperrend) > 1 else ""
        raise EingabeFehler(
            f"{monatstext(jahr, monat)} kann nicht abgeschlossen werden: {wer_text}: {hinweis.text}{weitere}"
        )
    return monatsabrechnung


def schliesse_ab(db: Datenbank, jahr: int, monat: int) -> Monatsabrechnung:
    """Finalise the month in one transaction; refused (EingabeFehler, one German sentence) when it must not be."""
    _monat_pruefen(jahr, monat)
    wer = benutzer()
    with db.arbeitseinheit() as sitzung:
        monatsabrechnung = _pruefe_abschluss(sitzung, jahr, monat)
        for k in monatsabrechnung.korrekturen:
            ablage.speichere_version(
                sitzung,
                k.eingabe,
                k.nachher,
                version=k.version,
                art="korrektur",
                benutzer=wer,
                verrechnet=(jahr, monat),
                differenz=k.differenz,
                grund=k.grund,
            )
            protokolliere(
                sitzung,
                "korrektur",
                f"{k.text()} (Version {k.version}) im {monatstext(jahr, monat)} verrechnet: "
                + "; ".join(f"{f}: {a} → {b}" for f, a, b in k.differenz[:6])
                + (f" – {o.text}" if (o := k.ohne_vertrag) is not None else ""),
                jahr=k.jahr,
                monat=k.monat,
                assistenzkraft_id=k.assistenzkraft_id,
            )
        for z in monatsabrechnung.zeilen:
            eingabe, ergebnis = vorhanden(z.eingabe, "die Eingabe"), vorhanden(z.ergebnis, "das Ergebnis")
            ablage.speichere_version(sitzung, eingabe, ergebnis, version=1, art="abrechnung", benutzer=wer)
        kopf = ablage.status_in(sitzung, jahr, monat)
        if kopf is None:
            kopf = Abrechnungsmonat(jahr=jahr, monat=monat)
            sitzung.add(kopf)
        kopf.status = ablage.ABGESCHLOSSEN
        kopf.abgeschlossen_am = jetzt_utc()
        kopf.abgeschlossen_von = wer
        protokolliere(
            sitzung,
            "abschluss",
            f"Abrechnung {monatstext(jahr, monat)} abgeschlossen "
            f"({anzahl(len(monatsabrechnung.zeilen), 'Assistenzkraft', 'Assistenzkräfte')}, "
            f"{len(monatsabrechnung.korrekturen)} Korrekturen)",
            jahr=jahr,
            monat=monat,
        )
    return replace(monatsabrechnung, status=ablage.ABGESCHLOSSEN)
