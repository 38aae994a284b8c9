"""The Beitragsnachweis of a month per Einzugsstelle (each Krankenkasse, and the Minijob-Zentrale), from the stored
payroll results.

Fields and their order are those of the Beitragsnachweis data set BW02 (Gemeinsame Grundsätze für die Übermittlung
der Beitragsnachweise, Datensatz Version 12, as the SV-Meldeportal's Beitragsnachweis mask lists them): one amount
per Beitragsgruppe (1000, 3000, 0001, 0100, 0010, …), the Kasse's Zusatzbeitrag apart from the allgemeiner Beitrag,
the Umlagen U1, U2 and the Insolvenzgeldumlage, for the Minijob-Zentrale the flat-rate KV (6000) and RV (0500) and
the einheitliche Pauschsteuer.

Which version counts: the month's own figures are those of the payroll as first finalised (what the Beitragsnachweis
was made from); a correction of an earlier month appears in the Beitragsnachweis of the month in which it was
settled, as the difference against the version it replaced, marked with the month it belongs to (Korrektur im
laufenden Beitragsnachweis). The figures are the stored results' own; the only arithmetic here adds them up.

U1/U2 refunds are not offset here. The data set has a field for them (BW02 v12 "Erstattungsbetrag der
Arbeitgeberaufwendungen bei Krankheit und Mutterschaft", ERSTAAG, part of the Zahlbetrag), but the refund is granted
on the employer's application (§ 2 Abs. 1 AAG, the claims in `core.erstattung`) and it is the Kasse that may set its
contribution claims off against it (§ 6 Abs. 2 AAG). So the field stays 0,00, the Zahlbetrag is the full
contributions, and each Beitragsnachweis lists the claims still open at its Kasse, saying why they are not in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.abrechnung import ablage
from core.abrechnung.modell import Monatsergebnis
from core.domain.geld import NULL
from core.domain.kalender import MONATE
from core.erstattung import dienst as erstattung
from core.fehler import EingabeFehler
from core.meldungen.fristen import SITZ_MINIJOB_ZENTRALE, Beitragstermine, beitragstermine
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten.arbeitgeber import ArbeitgeberDaten, lade_arbeitgeber
from core.stammdaten.krankenkassen import KrankenkasseDaten, liste_krankenkassen

MINIJOB_ZENTRALE = "Minijob-Zentrale"
OHNE_EINZUGSSTELLE = "Einzugsstelle nicht bestimmt"
ERSTATTUNG_FELD = "Erstattungsbetrag der Arbeitgeberaufwendungen (U1/U2)"
ERSTATTUNG_NICHT_VERRECHNET = (
    "Erstattungen nach dem Aufwendungsausgleichsgesetz (U1/U2) sind nicht verrechnet: Das Feld „"
    + ERSTATTUNG_FELD
    + "“ bleibt 0,00, der Zahlbetrag enthält die vollen Beiträge. Die Kasse erstattet auf Antrag (§ 2 Abs. 1 AAG; "
    "Erstattungsantrag im Bereich „Erstattungen“) und darf ihrerseits Beiträge dagegen aufrechnen (§ 6 Abs. 2 AAG); "
    "ob sie eine Verrechnung im Beitragsnachweis zulässt, kann nur die Kasse sagen."
)
DATENSATZ = "Datensatz Beitragsnachweis BW02, Version 12 (Gemeinsame Grundsätze Beitragsnachweis)"

#: (key, Beitragsgruppe or field, text) in the order of the data set BW02 v12 and the SV-Meldeportal mask.
FELDER: tuple[tuple[str, str, str], ...] = (
    ("kv_allgemein", "1000", "Beiträge zur Krankenversicherung – allgemeiner Beitrag (ohne Zusatzbeitrag)"),
    ("kv_erhoeht", "2000", "Beiträge zur Krankenversicherung – erhöhter Beitrag (ohne Zusatzbeitrag)"),
    ("kv_ermaessigt", "3000", "Beiträge zur Krankenversicherung – ermäßigter Beitrag (ohne Zusatzbeitrag)"),
    ("pv", "0001/0002", "Beiträge zur Pflegeversicherung"),
    ("rv_voll", "0100", "Beiträge zur Rentenversicherung – voller Beitrag"),
    ("kv_zusatz", "ZB", "Zusatzbeitrag zur Krankenversicherung (Pflichtversicherte)"),
    ("av_voll", "0010", "Beiträge zur Arbeitslosenversicherung – voller Beitrag"),
    ("rv_halb", "0300", "Beiträge zur Rentenversicherung – halber Beitrag"),
    ("insolvenzgeld", "0050", "Umlage für das Insolvenzgeld"),
    ("av_halb", "0020", "Beiträge zur Arbeitslosenversicherung – halber Beitrag"),
    ("u1", "U1", "Umlage für Krankheitsaufwendungen (U1)"),
    ("u2", "U2", "Umlage für Mutterschaftsaufwendungen (U2)"),
    ("kv_pauschal", "6000", "Pauschalbeiträge zur Krankenversicherung für geringfügig Beschäftigte"),
    ("rv_pauschal", "0500", "Pauschalbeiträge zur Rentenversicherung für geringfügig Beschäftigte"),
)
#: After the Zwischensumme: only the Minijob-Zentrale's data set has the flat-rate tax.
PAUSCHSTEUER = ("pauschsteuer", "St", "Einheitliche Pauschsteuer (§ 40a Abs. 2 EStG)")
FELDTEXT = {schluessel: (gruppe, text) for schluessel, gruppe, text in (*FELDER, PAUSCHSTEUER)}


def posten(e: Monatsergebnis) -> dict[str, Decimal]:
    """The stored amounts of one payslip sorted into the Beitragsnachweis fields (empty for a Haushaltsscheck).

    Beitragsgruppe digits KV-RV-AV-PV (Gemeinsames Rundschreiben Meldeverfahren, Anlage 1): KV 1 allgemein,
    2 erhöht, 3 ermäßigt, 6 pauschal; RV 1 voll, 3 halb, 5 pauschal; AV 1 voll, 2 halb; PV 1 voll, 2 halb.
    A Minijob with RV-Pflicht pays the full contribution (employer's 15 % + employee's top-up) under 0100."""
    if e.haushaltsscheck:
        return {}
    werte: dict[str, Decimal] = {}

    def plus(feld: str, betrag: Decimal) -> None:
        if betrag:
            werte[feld] = werte.get(feld, NULL) + betrag

    gruppe = (e.beitragsgruppe + "0000")[:4]
    kv, rv, av = gruppe[0], gruppe[1], gruppe[2]
    kv_gesamt = e.kv_an + e.kv_ag
    zusatz = e.kv_zusatzbeitrag_an + e.kv_zusatzbeitrag_ag
    if kv == "6":
        plus("kv_pauschal", kv_gesamt)
    else:
        plus({"2": "kv_erhoeht", "3": "kv_ermaessigt"}.get(kv, "kv_allgemein"), kv_gesamt - zusatz)
        plus("kv_zusatz", zusatz)
    plus("pv", e.pv_an + e.pv_ag)
    plus({"3": "rv_halb", "5": "rv_pauschal"}.get(rv, "rv_voll"), e.rv_an + e.rv_ag)
    plus("av_halb" if av == "2" else "av_voll", e.av_an + e.av_ag)
    plus("u1", e.umlage_u1)
    plus("u2", e.umlage_u2)
    plus("insolvenzgeld", e.insolvenzgeldumlage)
    if e.beschaeftigung is Beschaeftigungsart.MINIJOB:
        plus("pauschsteuer", e.pauschsteuer)  # the 2 % go to the Minijob-Zentrale; 20 %/25 % to the Finanzamt
    return werte


def einzugsstelle(e: Monatsergebnis) -> str:
    if e.einzugsstelle in ("", None):
        return OHNE_EINZUGSSTELLE
    return e.einzugsstelle


@dataclass(frozen=True, slots=True)
class Person:
    """One assistant's part of a Beitragsnachweis (to check it against her payslip)."""

    personalnummer: str
    name: str
    beitragsgruppe: str
    personengruppe: str
    werte: dict[str, Decimal]

    @property
    def summe(self) -> Decimal:
        return sum(self.werte.values(), NULL)


@dataclass(frozen=True, slots=True)
class Korrektur:
    """A corrected earlier month settled in this month: new version minus the version it replaced."""

    jahr: int
    monat: int
    personalnummer: str
    name: str
    version: int
    grund: str
    werte: dict[str, Decimal]

    @property
    def summe(self) -> Decimal:
        return sum(self.werte.values(), NULL)

    @property
    def zeitraum(self) -> str:
        return f"{self.monat:02d}/{self.jahr}"


@dataclass(frozen=True, slots=True)
class OffeneErstattung:
    """A U1/U2 claim at this Einzugsstelle that is not settled yet (offen or gestellt): shown, not offset."""

    name: str
    personalnummer: str
    verfahren: str
    von: date
    bis: date
    status: str
    betrag: Decimal | None  # None while the claim is incomplete

    @property
    def zeitraum(self) -> str:
        return f"{self.von:%d.%m.%Y} bis {self.bis:%d.%m.%Y}"


@dataclass(frozen=True, slots=True)
class Beitragsnachweis:
    jahr: int
    monat: int
    einzugsstelle: str
    betriebsnummer_kasse: str
    minijob_zentrale: bool
    arbeitgeber: str
    betriebsnummer_arbeitgeber: str
    anschrift_arbeitgeber: tuple[str, ...]
    personen: tuple[Person, ...]
    korrekturen: tuple[Korrektur, ...]
    termine: Beitragstermine  # at the seat of the Einzugsstelle (core.meldungen.fristen.beitragstermine)
    erstattungen: tuple[OffeneErstattung, ...] = ()  # open U1/U2 claims at this Kasse, not offset (module text)

    @property
    def einreichung(self) -> date:
        return self.termine.einreichung

    @property
    def zahlung(self) -> date:
        return self.termine.zahlung

    @property
    def zeitraum(self) -> tuple[date, date]:
        from core.domain.kalender import monatsgrenzen

        erster, naechster = monatsgrenzen(self.jahr, self.monat)
        return erster, date.fromordinal(naechster.toordinal() - 1)

    @property
    def titel(self) -> str:
        return f"Beitragsnachweis {MONATE[self.monat - 1]} {self.jahr} – {self.einzugsstelle}"

    def felder(self) -> tuple[tuple[str, str, str], ...]:
        """The data set's fields for this Einzugsstelle (Pauschsteuer only for the Minijob-Zentrale)."""
        return (*FELDER, PAUSCHSTEUER) if self.minijob_zentrale else FELDER

    def monatswerte(self) -> dict[str, Decimal]:
        return _summe(p.werte for p in self.personen)

    def korrekturwerte(self) -> dict[str, Decimal]:
        return _summe(k.werte for k in self.korrekturen)

    def werte(self) -> dict[str, Decimal]:
        """What to enter: the month's own figures plus the corrections settled in it, per field."""
        return _summe((self.monatswerte(), self.korrekturwerte()))

    def zwischensumme(self) -> Decimal:
        w = self.werte()
        return sum((w.get(s, NULL) for s, _g, _t in FELDER), NULL)

    @property
    def summe(self) -> Decimal:
        """Zahlbetrag / Guthaben (the data set's SUM)."""
        return sum(self.werte().values(), NULL)

    @property
    def fehlt(self) -> tuple[str, ...]:
        """What keeps this Beitragsnachweis from being typed in (one German sentence each)."""
        fehlend: list[str] = []
        if self.einzugsstelle == OHNE_EINZUGSSTELLE:
            namen = ", ".join(p.name for p in self.personen) or ", ".join(k.name for k in self.korrekturen)
            fehlend.append(
                f"Für {namen} ist keine Einzugsstelle bestimmt (privat krankenversichert): bitte im Personalbogen "
                "die Krankenkasse eintragen, an die die Renten- und Arbeitslosenversicherungsbeiträge gehen "
                "(§ 28i Satz 2 SGB IV)."
            )
        elif not self.betriebsnummer_kasse:
            fehlend.append(
                f"Für die Einzugsstelle „{self.einzugsstelle}“ fehlt die Betriebsnummer: bitte unter Krankenkassen "
                "eintragen (sie steht auf jedem Schreiben der Kasse)."
            )
        return tuple(fehlend)


def _summe(quellen: Iterable[dict[str, Decimal]]) -> dict[str, Decimal]:
    summe: dict[str, Decimal] = {}
    for werte in quellen:
        for feld, betrag in werte.items():
            summe[feld] = summe.get(feld, NULL) + betrag
    return summe


def _differenz(neu: dict[str, Decimal], alt: dict[str, Decimal]) -> dict[str, Decimal]:
    return {f: neu.get(f, NULL) - alt.get(f, NULL) for f in {*neu, *alt} if neu.get(f, NULL) != alt.get(f, NULL)}


def _anschrift(ag: ArbeitgeberDaten | None) -> tuple[str, ...]:
    if ag is None:
        return ()
    ort = " ".join(t for t in (ag.plz, ag.ort) if t)
    return tuple(t for t in (ag.strasse, ort) if t)


def pruefe_abgeschlossen(db: Datenbank, jahr: int, monat: int, was: str) -> ablage.GespeicherterMonat:
    gespeichert = ablage.lade_monat(db, jahr, monat)
    if not gespeichert.abgeschlossen:
        raise EingabeFehler(
            f"Die Abrechnung {monat:02d}/{jahr} ist noch nicht abgeschlossen; {was} entsteht erst aus dem "
            "abgeschlossenen Monat. Bitte zuerst abschließen (assistenzbuero abrechnung abschliessen). Es wurde "
            "keine Datei geschrieben."
        )
    return gespeichert


def beitragsnachweise(db: Datenbank, jahr: int, monat: int) -> list[Beitragsnachweis]:
    """One Beitragsnachweis per Einzugsstelle for a finalised month (refuses an open month), sorted by name,
    the Minijob-Zentrale last. Haushaltsscheck minijobs are not in it (the Minijob-Zentrale computes those)."""
    gespeichert = pruefe_abgeschlossen(db, jahr, monat, "der Beitragsnachweis")
    arbeitgeber = lade_arbeitgeber(db)
    personen: dict[str, list[Person]] = {}
    for g in gespeichert.ergebnisse:
        e = _als_eingereicht(db, g).ergebnis
        werte = posten(e)
        if werte:
            personen.setdefault(einzugsstelle(e), []).append(
                Person(e.id, e.name or e.id, e.beitragsgruppe, e.personengruppe, werte)
            )
    korrekturen: dict[str, list[Korrektur]] = {}
    for k in gespeichert.korrekturen:
        vorige = _vorige(db, k)
        alt = vorige.ergebnis if vorige is not None else None
        for stelle, neu_werte, alt_werte in _korrektur_je_stelle(k.ergebnis, alt):
            diff = _differenz(neu_werte, alt_werte)
            if diff:
                korrekturen.setdefault(stelle, []).append(
                    Korrektur(
                        k.jahr, k.monat, k.personalnummer, k.ergebnis.name or k.personalnummer, k.version, k.grund, diff
                    )
                )
    kassen = liste_krankenkassen(db)
    offen = _offene_erstattungen(db)
    nachweise = []
    for stelle in sorted({*personen, *korrekturen}, key=lambda s: (s == MINIJOB_ZENTRALE, s)):
        ist_mz = stelle == MINIJOB_ZENTRALE
        kasse = kasse_der_stelle(kassen, stelle)
        nachweise.append(
            Beitragsnachweis(
                jahr=jahr,
                monat=monat,
                einzugsstelle=stelle,
                betriebsnummer_kasse=kasse.betriebsnummer if kasse is not None else "",
                minijob_zentrale=ist_mz,
                arbeitgeber=arbeitgeber.name if arbeitgeber is not None and arbeitgeber.name else "Arbeitgeberin",
                betriebsnummer_arbeitgeber=arbeitgeber.betriebsnummer if arbeitgeber is not None else "",
                anschrift_arbeitgeber=_anschrift(arbeitgeber),
                personen=tuple(personen.get(stelle, ())),
                korrekturen=tuple(korrekturen.get(stelle, ())),
                termine=termine_der_stelle(jahr, monat, stelle, kasse),
                erstattungen=tuple(offen.get(stelle, ())),
            )
        )
    return nachweise


def _offene_erstattungen(db: Datenbank) -> dict[str, list[OffeneErstattung]]:
    """The claims not settled yet, by the Kasse that refunds them (read only: the export may run on a file that the
    program window holds open)."""
    offen: dict[str, list[OffeneErstattung]] = {}
    for a in erstattung.antraege(db, schreiben=False).antraege:
        offen.setdefault(a.kasse, []).append(
            OffeneErstattung(
                a.name or a.personalnummer,
                a.personalnummer,
                a.verfahren,
                a.von,
                a.bis,
                erstattung.STATUSTEXT.get(a.status, a.status),
                a.erstattungsbetrag,
            )
        )
    return offen


def kasse_der_stelle(kassen: Iterable[KrankenkasseDaten], stelle: str) -> KrankenkasseDaten | None:
    """The Kasse behind an Einzugsstelle as the payroll names it ("Minijob-Zentrale" is the row marked as such)."""
    if stelle == MINIJOB_ZENTRALE:
        return next((k for k in kassen if k.ist_minijob_zentrale), None)
    return next((k for k in kassen if k.name == stelle), None)


def termine_der_stelle(jahr: int, monat: int, stelle: str, kasse: KrankenkasseDaten | None) -> Beitragstermine:
    """The due dates at the seat of this Einzugsstelle (the Minijob-Zentrale's is known even without its row)."""
    sitz = kasse.sitz_land if kasse is not None else ""
    if stelle == MINIJOB_ZENTRALE:
        sitz = sitz or SITZ_MINIJOB_ZENTRALE
    return beitragstermine(jahr, monat, sitz, f"die Einzugsstelle „{stelle}“")


def _als_eingereicht(db: Datenbank, g: ablage.GespeichertesErgebnis) -> ablage.GespeichertesErgebnis:
    """The version the month was first finalised with (a later correction is settled in a later month)."""
    if g.version == 1:
        return g
    return ablage.versionen(db, g.jahr, g.monat, g.assistenzkraft_id)[0]


def _vorige(db: Datenbank, k: ablage.GespeichertesErgebnis) -> ablage.GespeichertesErgebnis | None:
    for v in ablage.versionen(db, k.jahr, k.monat, k.assistenzkraft_id):
        if v.version == k.version - 1:
            return v
    return None


def _korrektur_je_stelle(
    neu: Monatsergebnis, alt: Monatsergebnis | None
) -> Sequence[tuple[str, dict[str, Decimal], dict[str, Decimal]]]:
    """(Einzugsstelle, new amounts, old amounts): a changed Einzugsstelle gets the old amounts back as a minus."""
    neu_stelle = einzugsstelle(neu)
    alt_stelle = einzugsstelle(alt) if alt is not None else neu_stelle
    alt_werte = posten(alt) if alt is not None else {}
    if alt_stelle == neu_stelle:
        return [(neu_stelle, posten(neu), alt_werte)]
    return [(neu_stelle, posten(neu), {}), (alt_stelle, {}, alt_werte)]


def fehlende_angaben(nachweise: Sequence[Beitragsnachweis]) -> list[str]:
    """Everything missing across the month's Beitragsnachweise, per Kasse and person; the employer's number once."""
    fehlend: list[str] = []
    if nachweise and not nachweise[0].betriebsnummer_arbeitgeber:
        fehlend.append(
            "Die Betriebsnummer der Arbeitgeberin fehlt: bitte unter Arbeitgeberin eintragen (sie wird bei der "
            "Bundesagentur für Arbeit beantragt)."
        )
    for n in nachweise:
        fehlend.extend(n.fehlt)
    return fehlend
