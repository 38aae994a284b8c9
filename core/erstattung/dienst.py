"""The claims service: find the claims in the finalised months, keep them in the tracking table, change their status.

- `antraege(db, monat=None, heute=None, alle=False) -> Uebersicht`: every claim that arises from the finalised
  months (read only through core.abrechnung.ablage), computed at the Kassen's rates (core.stammdaten.krankenkassen),
  matched with its tracking row (a new claim gets one, status "offen"; an open claim's figures follow corrections of
  the months; a filed claim keeps the figures as filed). `monat`: the claims with continued pay in that month;
  without: the claims not settled yet (offen, gestellt), `alle=True`: every claim.
- `setze_status(db, nr, status, datum=..., betrag=..., grund=...)`: offen → gestellt (date) → erstattet (date,
  amount received) or abgelehnt (reason); each step can be taken back one step. One transaction.
- `erhaltene_erstattungen(db, von, bis)`: refunds received in a period (the budget counts them as income).

A claim lapses four years after the end of the year it arose in (§ 6 Abs. 1 AAG): from half a year before that
day an unsettled claim carries a Warnung, after it a Fehler.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from core.abrechnung import ablage
from core.domain.geld import NULL, format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl
from core.erstattung.berechnung import (
    ANLASSTEXT,
    RG_FRIST,
    Antragsberechnung,
    Kassensaetze,
    Person,
    Teil,
    berechne_antrag,
    frist_bis,
    gruppiere,
)
from core.erstattung.modelle import ABGELEHNT, ERSTATTET, GESTELLT, OFFEN, STATUS, ErstattungsantragZeile
from core.erstattung.repository import ErstattungsRepository
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.regeln.klassifikation import Beschaeftigungsart
from core.stammdaten.krankenkassen import liste_krankenkassen

#: From this many days before the claim lapses, an unsettled claim is flagged (a choice of the program, not law:
#: half a year leaves time to ask the Kasse and to file).
WARNFRIST_TAGE = 183
MINIJOB_ZENTRALE = "Minijob-Zentrale"
#: The payroll's Hinweise that explain why sick days brought no continued pay (and so no claim).
OHNE_FORTZAHLUNG = ("EFZG_WARTEZEIT", "EFZG_HOECHSTDAUER")
STATUSTEXT = {OFFEN: "offen", GESTELLT: "gestellt", ERSTATTET: "erstattet", ABGELEHNT: "abgelehnt"}


@dataclass(frozen=True, slots=True)
class ErhalteneErstattung:
    """A refund received (status "erstattet") — what the budget counts as income."""

    assistenzkraft_id: int
    verfahren: str
    kasse: str
    zeitraum_von: date
    zeitraum_bis: date
    erhalten_am: date
    betrag: Decimal


@dataclass(frozen=True, slots=True)
class Erstattungsantrag:
    """A claim with its tracking state. Open claims show the current figures, filed ones the figures as filed;
    `berechnung` is the current computation (None when the finalised months hold no continued pay for it any more).
    Figures are None while the claim is incomplete (`vollstaendig` False; the Hinweise say what is missing)."""

    nr: int
    assistenzkraft_id: int
    personalnummer: str
    name: str
    verfahren: str
    anlass: str
    kasse: str
    jahr: int
    von: date
    bis: date
    fortgezahltes_entgelt: Decimal
    ag_anteile: Decimal  # the employer's shares the claim includes (0 where not refunded)
    zuschuss_mutterschaftsgeld: Decimal
    erstattungssatz: Decimal | None
    erstattungsbetrag: Decimal | None
    status: str
    frist_bis: date
    vollstaendig: bool
    hinweise: tuple[Hinweis, ...]
    berechnung: Antragsberechnung | None
    gestellt_am: date | None = None
    erstattet_am: date | None = None
    erhaltener_betrag: Decimal | None = None
    abgelehnt_am: date | None = None
    ablehnungsgrund: str = ""

    @property
    def differenz(self) -> Decimal | None:
        """Received minus claimed (negative: the Kasse paid less)."""
        if self.erhaltener_betrag is None or self.erstattungsbetrag is None:
            return None
        return self.erhaltener_betrag - self.erstattungsbetrag

    @property
    def erledigt(self) -> bool:
        return self.status in (ERSTATTET, ABGELEHNT)

    def alter_tage(self, heute: date) -> int:
        """Days since it was filed, or (not filed yet) since the end of its period."""
        seit = self.gestellt_am if self.gestellt_am is not None else self.bis
        return max((heute - seit).days, 0)

    @property
    def anlasstext(self) -> str:
        return ANLASSTEXT.get(self.anlass, self.anlass)


@dataclass(frozen=True, slots=True)
class Uebersicht:
    antraege: tuple[Erstattungsantrag, ...]
    hinweise: tuple[Hinweis, ...]  # sick days without continued pay: why there is no claim


def _saetze(db: Datenbank) -> dict[tuple[str, int], Kassensaetze]:
    """The refund rates of every Kasse and year entered."""
    saetze: dict[tuple[str, int], Kassensaetze] = {}
    for kasse in liste_krankenkassen(db):
        # minijobs: the payroll's Einzugsstelle "Minijob-Zentrale" (CONTRACTS §9), whatever the row is called
        name = MINIJOB_ZENTRALE if kasse.ist_minijob_zentrale else kasse.name
        for j in kasse.jahre:
            stufe = j.gewaehlte_u1_stufe
            saetze[(name, j.jahr)] = Kassensaetze(
                kasse=name,
                jahr=j.jahr,
                u1_erstattung_prozent=stufe.erstattung_prozent if stufe is not None else None,
                ag_anteile_erstattet=stufe.ag_anteile_erstattet if stufe is not None else False,
                u2_erstattung_prozent=j.u2_erstattung_prozent,
                minijob_zentrale=kasse.ist_minijob_zentrale,
                quelle=j.quelle,
                u2_bv_erstattung_prozent=j.u2_bv_erstattung_prozent,
                u2_ag_anteile_erstattet=j.u2_ag_anteile_erstattet,
            )
    return saetze


def _teile(db: Datenbank) -> tuple[list[Teil], list[tuple[int, int, Hinweis]], set[tuple[int, int]]]:
    with db.arbeitseinheit() as sitzung:
        umlagekassen = ErstattungsRepository(sitzung).umlagekassen()
    teile: list[Teil] = []
    ohne: list[tuple[int, int, Hinweis]] = []
    monate = set(ablage.abgeschlossene_monate(db))
    for jahr, monat in sorted(monate):
        for g in ablage.lade_monat(db, jahr, monat).ergebnisse:
            e = g.ergebnis
            minijob = e.beschaeftigung in (Beschaeftigungsart.MINIJOB, Beschaeftigungsart.KURZFRISTIG)
            kasse = MINIJOB_ZENTRALE if minijob else (e.einzugsstelle or umlagekassen.get(g.assistenzkraft_id))
            lohnausfall = "MUTTERSCHUTZLOHN_LOHNAUSFALL" in {h.code for h in e.hinweise}
            teile.extend(
                Teil(
                    g.assistenzkraft_id,
                    jahr,
                    monat,
                    f,
                    kasse,
                    lohnausfall_statt_durchschnitt=lohnausfall and f.anlass == "beschaeftigungsverbot",
                )
                for f in e.fortzahlungen
            )
            for h in e.hinweise:
                if h.code in OHNE_FORTZAHLUNG:
                    text = f"{e.name or g.personalnummer}, {monat:02d}/{jahr}: {h.text} Für diese Tage gibt es daher "
                    text += "keinen U1-Antrag."
                    ohne.append(
                        (jahr, monat, Hinweis("ERSTATTUNG_KEINE_FORTZAHLUNG", h.schwere, text, h.rechtsgrundlage))
                    )
    return teile, ohne, monate


def _naechster_monat(jahr: int, monat: int) -> tuple[int, int]:
    return (jahr + 1, 1) if monat == 12 else (jahr, monat + 1)


def _laeuft_weiter(teile: list[Teil], abgeschlossen: set[tuple[int, int]]) -> bool:
    letzter = teile[-1]
    if letzter.abwesenheit_bis is None:
        return False
    monatsende = monatsgrenzen(letzter.jahr, letzter.monat)[1] - timedelta(days=1)
    return letzter.abwesenheit_bis > monatsende and _naechster_monat(letzter.jahr, letzter.monat) not in abgeschlossen


def _fristhinweis(status: str, frist: date, heute: date) -> Hinweis | None:
    if status in (ERSTATTET, ABGELEHNT):
        return None
    rest = (frist - heute).days
    if rest < 0:
        return Hinweis(
            "ERSTATTUNG_VERJAEHRT",
            Schwere.FEHLER,
            f"Der Erstattungsanspruch ist am {frist:%d.%m.%Y} verjährt; die Kasse kann die Zahlung verweigern. "
            "Stellen Sie den Antrag trotzdem, wenn er noch nicht gestellt ist, und klären Sie es mit der Kasse.",
            RG_FRIST,
        )
    if rest <= WARNFRIST_TAGE:
        was = "stellen" if status == OFFEN else "bei der Kasse nachfragen, ob er bearbeitet wird"
        return Hinweis(
            "ERSTATTUNG_FRIST",
            Schwere.WARNUNG,
            f"Der Erstattungsanspruch verjährt am {frist:%d.%m.%Y} (noch {anzahl(rest, 'Tag', 'Tage')}). Bitte den "
            f"Antrag bald {was}.",
            RG_FRIST,
        )
    return None


def _uebernimm(zeile: ErstattungsantragZeile, b: Antragsberechnung) -> None:
    zeile.zeitraum_von, zeile.zeitraum_bis = b.von, b.bis
    zeile.fortgezahltes_entgelt = b.fortgezahltes_entgelt
    zeile.ag_anteile = b.ag_anteile
    zeile.zuschuss_mutterschaftsgeld = b.zuschuss_mutterschaftsgeld
    zeile.erstattungssatz = b.erstattungssatz
    zeile.erstattungsbetrag = b.erstattungsbetrag


def _antrag(
    zeile: ErstattungsantragZeile, b: Antragsberechnung | None, personen: dict[int, tuple[str, str]], heute: date
) -> Erstattungsantrag:
    hinweise: list[Hinweis] = list(b.hinweise) if b is not None else []
    frist = b.frist_bis if b is not None else frist_bis(zeile.jahr)
    if b is None:
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_OHNE_GRUNDLAGE",
                Schwere.WARNUNG,
                "Zu diesem Antrag enthalten die abgeschlossenen Monate keine Entgeltfortzahlung mehr (Abwesenheit "
                "gelöscht oder Monat korrigiert). Bitte prüfen und den Antrag bei der Kasse gegebenenfalls stornieren.",
                "§ 2 AAG",
            )
        )
    elif zeile.status != OFFEN and b.erstattungsbetrag != zeile.erstattungsbetrag:
        neu = format_eur(b.erstattungsbetrag) if b.erstattungsbetrag is not None else "unvollständig"
        alt = format_eur(zeile.erstattungsbetrag) if zeile.erstattungsbetrag is not None else "—"
        hinweise.append(
            Hinweis(
                "ERSTATTUNG_GEAENDERT",
                Schwere.WARNUNG,
                f"Die Abrechnung wurde seit dem Antrag korrigiert: Heute ergibt sich {neu} statt beantragt {alt}. "
                "Bitte den Antrag bei der Kasse stornieren und neu stellen.",
                "§ 2 AAG",
            )
        )
    if zeile.status == ERSTATTET and zeile.erhaltener_betrag is not None and zeile.erstattungsbetrag is not None:
        diff = zeile.erhaltener_betrag - zeile.erstattungsbetrag
        if diff:
            hinweise.append(
                Hinweis(
                    "ERSTATTUNG_DIFFERENZ",
                    Schwere.WARNUNG,
                    f"Erhalten {format_eur(zeile.erhaltener_betrag)}, beantragt {format_eur(zeile.erstattungsbetrag)}: "
                    f"{'weniger' if diff < 0 else 'mehr'} um {format_eur(abs(diff))}. Die Kasse nennt den Grund in "
                    "ihrer Rückmeldung; bitte prüfen.",
                    "§ 2 Abs. 2 AAG",
                )
            )
    if (h := _fristhinweis(zeile.status, frist, heute)) is not None:
        hinweise.append(h)
    personalnummer, name = personen.get(zeile.assistenzkraft_id, ("", ""))
    return Erstattungsantrag(
        nr=zeile.id or 0,
        assistenzkraft_id=zeile.assistenzkraft_id,
        personalnummer=personalnummer,
        name=name,
        verfahren=zeile.verfahren,
        anlass=zeile.anlass,
        kasse=zeile.kasse,
        jahr=zeile.jahr,
        von=zeile.zeitraum_von,
        bis=zeile.zeitraum_bis,
        fortgezahltes_entgelt=zeile.fortgezahltes_entgelt,
        ag_anteile=zeile.ag_anteile,
        zuschuss_mutterschaftsgeld=zeile.zuschuss_mutterschaftsgeld,
        erstattungssatz=zeile.erstattungssatz,
        erstattungsbetrag=zeile.erstattungsbetrag,
        status=zeile.status,
        frist_bis=frist,
        vollstaendig=zeile.erstattungsbetrag is not None,
        hinweise=tuple(hinweise),
        berechnung=b,
        gestellt_am=zeile.gestellt_am,
        erstattet_am=zeile.erstattet_am,
        erhaltener_betrag=zeile.erhaltener_betrag,
        abgelehnt_am=zeile.abgelehnt_am,
        ablehnungsgrund=zeile.ablehnungsgrund,
    )


def antraege(
    db: Datenbank,
    *,
    monat: tuple[int, int] | None = None,
    heute: date | None = None,
    alle: bool = False,
    schreiben: bool = True,
) -> Uebersicht:
    """The claims (see the module text); brings the tracking table up to date in one transaction.

    `schreiben=False` (a file opened read-only, e.g. for an export while the window has it open): nothing is
    written; a claim not tracked yet shows with `nr` 0."""
    heute = heute or date.today()
    teile, ohne, abgeschlossen = _teile(db)
    saetze = _saetze(db) if teile else {}  # every Kasse's years and U1 levels: read only when a claim needs them
    ergebnis: list[tuple[Erstattungsantrag, tuple[tuple[int, int], ...]]] = []
    with db.arbeitseinheit() as sitzung:
        repo = ErstattungsRepository(sitzung)
        personen = repo.personen()
        ids = [t.fortzahlung.abwesenheit_id for t in teile if t.fortzahlung.abwesenheit_id is not None]
        abwesenheiten = repo.abwesenheiten(ids)
        ergaenzt = [
            replace(t, abwesenheit_von=zeitraum[0], abwesenheit_bis=zeitraum[1])
            for t in teile
            if (zeitraum := abwesenheiten.get(t.fortzahlung.abwesenheit_id or -1)) is not None
        ] + [t for t in teile if (t.fortzahlung.abwesenheit_id or -1) not in abwesenheiten]
        zeilen = repo.alle()
        benutzt: set[int] = set()
        for gruppe in gruppiere(ergaenzt):
            person_id, abw_id, verfahren, kasse, jahr = gruppe[0].schluessel
            person = Person(person_id, *personen.get(person_id, ("", "")))
            eigene = [
                z
                for z in zeilen
                if z.assistenzkraft_id == person_id
                and z.abwesenheit_id == abw_id
                and z.verfahren == verfahren
                and z.kasse == kasse
                and z.jahr == jahr
            ]
            rest = gruppe
            for zeile in sorted((z for z in eigene if z.status != OFFEN), key=lambda z: z.zeitraum_von):
                benutzt.add(zeile.id)
                dazu = [t for t in rest if t.fortzahlung.von <= zeile.zeitraum_bis]
                rest = [t for t in rest if t.fortzahlung.von > zeile.zeitraum_bis]
                b = berechne_antrag(person, dazu, saetze.get((kasse, jahr)), laeuft_weiter=False) if dazu else None
                ergebnis.append((_antrag(zeile, b, personen, heute), tuple((t.jahr, t.monat) for t in dazu)))
            offene = [z for z in eigene if z.status == OFFEN]
            if rest:
                b = berechne_antrag(
                    person, rest, saetze.get((kasse, jahr)), laeuft_weiter=_laeuft_weiter(rest, abgeschlossen)
                )
                if offene:
                    neu = offene.pop(0)
                else:
                    neu = ErstattungsantragZeile(
                        assistenzkraft_id=person_id,
                        abwesenheit_id=abw_id,
                        verfahren=verfahren,
                        anlass=b.anlass,
                        kasse=kasse,
                        jahr=jahr,
                        status=OFFEN,
                        ablehnungsgrund="",
                        notiz="",
                    )
                    if schreiben:
                        repo.fuege_hinzu(neu)
                _uebernimm(neu, b)
                if schreiben:
                    repo.flush()
                benutzt.add(neu.id)
                ergebnis.append((_antrag(neu, b, personen, heute), tuple((t.jahr, t.monat) for t in rest)))
            for zeile in offene:
                if schreiben:
                    repo.entferne(zeile)
                benutzt.add(zeile.id)
        for zeile in zeilen:
            if zeile.id in benutzt:
                continue
            if zeile.status == OFFEN:
                if schreiben:
                    repo.entferne(zeile)  # its continued pay is gone (absence deleted, month corrected)
            else:
                ergebnis.append((_antrag(zeile, None, personen, heute), ()))
        if not schreiben:
            sitzung.expunge_all()  # the open claims' figures were brought up to date in memory only
    if monat is not None:
        anfang, folgender = monatsgrenzen(*monat)
        gewaehlt = [
            a for a, monate in ergebnis if monat in monate or (not monate and a.von < folgender and a.bis >= anfang)
        ]
        hinweise = tuple(h for j, m, h in ohne if (j, m) == monat)
    else:
        gewaehlt = [a for a, _ in ergebnis if alle or not a.erledigt]
        hinweise = tuple(h for _, _, h in ohne)
    gewaehlt.sort(key=lambda a: (a.von, a.personalnummer, a.verfahren, a.nr))
    return Uebersicht(tuple(gewaehlt), hinweise)


#: Allowed steps: forward along the claim's life, and one step back to undo a mistake.
UEBERGAENGE: dict[str, tuple[str, ...]] = {
    OFFEN: (GESTELLT,),
    GESTELLT: (ERSTATTET, ABGELEHNT, OFFEN),
    ERSTATTET: (GESTELLT,),
    ABGELEHNT: (GESTELLT,),
}


def setze_status(
    db: Datenbank,
    nr: int,
    status: str,
    *,
    datum: date | None = None,
    betrag: Decimal | None = None,
    grund: str = "",
    heute: date | None = None,
) -> Erstattungsantrag:
    """Move claim `nr` to `status` (one transaction). gestellt: `datum` filed; erstattet: `datum` received and
    `betrag`; abgelehnt: `grund` (and the date of the decision, optional); offen/gestellt from a later status undo."""
    heute = heute or date.today()
    if status not in STATUS:
        raise EingabeFehler(f"„{status}“ ist kein Status. Erlaubt sind: {', '.join(STATUS)}.")
    antraege(db, heute=heute, alle=True)  # the figures of an open claim as of now, before they are frozen
    with db.arbeitseinheit() as sitzung:
        repo = ErstattungsRepository(sitzung)
        zeile = repo.mit_id(nr)
        if zeile is None:
            raise EingabeFehler(
                f"Einen Erstattungsantrag Nr. {nr} gibt es nicht. Bitte die Nummer aus der Liste nehmen."
            )
        if status not in UEBERGAENGE[zeile.status]:
            erlaubt = " oder ".join(f"„{s}“" for s in UEBERGAENGE[zeile.status])
            raise EingabeFehler(
                f"Antrag Nr. {nr} ist „{zeile.status}“ und kann nicht auf „{status}“ gesetzt werden, nur auf {erlaubt}."
            )
        if datum is not None and datum > heute:
            raise EingabeFehler(
                f"Das Datum {datum:%d.%m.%Y} liegt in der Zukunft. Bitte den tatsächlichen Tag angeben."
            )
        if status == GESTELLT and zeile.status == OFFEN:
            if zeile.erstattungsbetrag is None:
                raise EingabeFehler(
                    f"Antrag Nr. {nr} ist unvollständig und kann nicht gestellt werden. Bitte zuerst die fehlenden "
                    "Angaben ergänzen (siehe Hinweise zum Antrag)."
                )
            if datum is None:
                raise EingabeFehler("Bitte das Datum angeben, an dem der Antrag gestellt wurde.")
            if datum < zeile.zeitraum_von:
                raise EingabeFehler(
                    f"Der Antrag kann nicht vor dem Beginn des Erstattungszeitraums ({zeile.zeitraum_von:%d.%m.%Y}) "
                    "gestellt worden sein. Bitte das Datum prüfen."
                )
            zeile.gestellt_am = datum
        elif status == ERSTATTET:
            if datum is None or betrag is None:
                raise EingabeFehler("Bitte das Datum des Zahlungseingangs und den erhaltenen Betrag angeben.")
            if betrag < NULL:
                raise EingabeFehler("Der erhaltene Betrag kann nicht negativ sein. Bitte den Betrag prüfen.")
            if zeile.gestellt_am is not None and datum < zeile.gestellt_am:
                raise EingabeFehler(
                    f"Das Geld kann nicht vor dem Antrag ({zeile.gestellt_am:%d.%m.%Y}) eingegangen sein. "
                    "Bitte das Datum prüfen."
                )
            zeile.erstattet_am, zeile.erhaltener_betrag = datum, betrag
        elif status == ABGELEHNT:
            if not grund.strip():
                raise EingabeFehler("Bitte den Grund der Ablehnung angeben (aus dem Bescheid der Kasse).")
            zeile.abgelehnt_am, zeile.ablehnungsgrund = datum, grund.strip()
        elif status == GESTELLT:  # back from erstattet/abgelehnt
            zeile.erstattet_am = zeile.erhaltener_betrag = zeile.abgelehnt_am = None
            zeile.ablehnungsgrund = ""
        else:  # back to offen: not filed after all
            zeile.gestellt_am = None
        zeile.status = status
        sitzung.flush()
        personen = repo.personen()
        return _kurz(zeile, personen, heute)


def _kurz(zeile: ErstattungsantragZeile, personen: dict[int, tuple[str, str]], heute: date) -> Erstattungsantrag:
    """The claim as stored (without the current computation), for the answer of a status change."""
    a = _antrag(zeile, None, personen, heute)
    return replace(a, hinweise=tuple(h for h in a.hinweise if h.code != "ERSTATTUNG_OHNE_GRUNDLAGE"))


def erhaltene_erstattungen(db: Datenbank, von: date, bis: date) -> list[ErhalteneErstattung]:
    """Refunds received with `erhalten_am` in [von, bis] (status "erstattet"), oldest first."""
    with db.arbeitseinheit() as sitzung:
        return [
            ErhalteneErstattung(
                assistenzkraft_id=z.assistenzkraft_id,
                verfahren=z.verfahren,
                kasse=z.kasse,
                zeitraum_von=z.zeitraum_von,
                zeitraum_bis=z.zeitraum_bis,
                erhalten_am=z.erstattet_am,
                betrag=z.erhaltener_betrag if z.erhaltener_betrag is not None else NULL,
            )
            for z in ErstattungsRepository(sitzung).erstattet_zwischen(von, bis)
            if z.erstattet_am is not None
        ]


def setze_umlagekasse(db: Datenbank, personalnummer: str, kasse: str | None) -> None:
    """Record (or with None clear) the Kasse of a privately insured assistant's Umlagen and refund claims."""
    with db.arbeitseinheit() as sitzung:
        repo = ErstattungsRepository(sitzung)
        kraft = repo.kraft_mit_nummer(personalnummer)
        if kraft is None:
            raise EingabeFehler(
                f"Eine Assistenzkraft mit der Personalnummer „{personalnummer[:40]}“ gibt es nicht. "
                "Bitte die Personalnummer aus der Liste nehmen."
            )
        if kasse is None:
            repo.setze_umlagekasse(kraft.id, None)
            return
        zeile = repo.kasse_mit_namen(kasse)
        if zeile is None or zeile.ist_minijob_zentrale:
            raise EingabeFehler(
                f"Eine Krankenkasse „{kasse[:60]}“ ist nicht eingetragen. Bitte die Kasse zuerst unter Einstellungen › "
                "Krankenkassen anlegen (mit ihren U1/U2-Sätzen)."
            )
        repo.setze_umlagekasse(kraft.id, zeile.id)
