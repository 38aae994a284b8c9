"""The budget's arithmetic: the payroll's employer costs charged to Bewilligungen, balance, carry-over, forecast,
warnings. Pure: the caller (`core.budget.dienst`) reads the store and passes the figures in.

Charging (CONTRACTS §10): each assistant's month arrives as `Monatsergebnis.kosten` — employer cost (gross + every
employer charge) and hours per Leistungsart key, as the one payroll calculation split them by the shifts. A key goes
to the one Bewilligung that covers the month and pays for that Leistungsart; a shift without Leistungsart to the one
Bewilligung covering the month. No Bewilligung, or several: listed as unassigned and charged to none, so nothing is
ever counted twice. Other costs and income are booked on a Bewilligung by the user. U1/U2 refunds received reduce
the spend of the Bewilligungen that bore that assistant's costs in the month the refund is for (in proportion).

`verbraucht` = charged employer costs of the finalised months + other costs − income − refunds received;
`prognose` = `verbraucht` + the charged costs of the open months (draft payroll from the planned Dienstplan and the
contracts) up to the end of the Bewilligung within the year; `rest` = `uebertrag` + `bewilligt` − `prognose`, where
`uebertrag` is what was left of the same Bewilligung in its months before the year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from core.budget.bewilligung import BewilligungDaten, Monat, Posten, monat_von, monate, monatstext, ueberschneidungen
from core.domain.geld import NULL, cent, format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.domain.zahlen import anzahl, format_zahl

ABGESCHLOSSEN = "abgeschlossen"
ENTWURF = "entwurf"  # open month: costs from the draft payroll of the planned Dienstplan (forecast only)
VOR_BEGINN = "vor_beginn"  # before the household's first payroll month in the program: settled elsewhere


@dataclass(frozen=True, slots=True)
class Kostenposten:
    """One assistant's employer cost for one Leistungsart key in one month (`Monatsergebnis.kosten`)."""

    monat: Monat
    assistenzkraft_id: int
    name: str
    leistungsart: str | None
    stunden: Decimal
    arbeitgeberkosten: Decimal


@dataclass(frozen=True, slots=True)
class Erstattung:
    """A U1/U2 refund received (from `core.erstattung.erhaltene_erstattungen`)."""

    assistenzkraft_id: int
    verfahren: str
    kasse: str
    zeitraum_von: date
    zeitraum_bis: date
    erhalten_am: date
    betrag: Decimal


@dataclass(frozen=True, slots=True)
class Monatszeile:
    monat: Monat
    status: str
    bewilligt: Decimal
    bewilligte_stunden: Decimal | None
    kosten: Decimal  # charged employer costs (finalised: payroll; open: draft forecast)
    stunden: Decimal
    sonstige: Decimal  # other costs − income
    erstattungen: Decimal

    @property
    def netto(self) -> Decimal:
        return self.kosten + self.sonstige - self.erstattungen


@dataclass(frozen=True, slots=True)
class Anteil:
    """Costs and hours of one Leistungsart key charged to a Bewilligung (finalised months)."""

    leistungsart: str | None
    stunden: Decimal
    kosten: Decimal


@dataclass(frozen=True, slots=True)
class Bewilligungsstand:
    bewilligung: BewilligungDaten
    monate: tuple[Monatszeile, ...]
    anteile: tuple[Anteil, ...]
    uebertrag: Decimal
    hinweise: tuple[Hinweis, ...] = ()

    def _summe(self, feld: str, *, status: str | None = None) -> Decimal:
        return sum((getattr(m, feld) for m in self.monate if status is None or m.status == status), NULL)

    @property
    def bewilligt(self) -> Decimal:
        return self._summe("bewilligt")

    @property
    def bewilligte_stunden(self) -> Decimal | None:
        werte = [m.bewilligte_stunden for m in self.monate if m.bewilligte_stunden is not None]
        return sum(werte, NULL) if werte else None

    @property
    def lohnkosten(self) -> Decimal:
        return self._summe("kosten", status=ABGESCHLOSSEN)

    @property
    def stunden(self) -> Decimal:
        return self._summe("stunden", status=ABGESCHLOSSEN)

    @property
    def sonstige(self) -> Decimal:
        return self._summe("sonstige")

    @property
    def erstattungen(self) -> Decimal:
        return self._summe("erstattungen")

    @property
    def verbraucht(self) -> Decimal:
        return self.lohnkosten + self.sonstige - self.erstattungen

    @property
    def geplant(self) -> Decimal:
        return self._summe("kosten", status=ENTWURF)

    @property
    def geplante_stunden(self) -> Decimal:
        return self._summe("stunden", status=ENTWURF)

    @property
    def prognose(self) -> Decimal:
        return self.verbraucht + self.geplant

    @property
    def rest(self) -> Decimal:
        return self.uebertrag + self.bewilligt - self.prognose

    @property
    def offene_monate(self) -> int:
        return sum(1 for m in self.monate if m.status == ENTWURF)


@dataclass(frozen=True, slots=True)
class NichtZugeordnet:
    """Costs charged to no Bewilligung: `grund` "keine" (none covers it) or "mehrere" (several would)."""

    monat: Monat
    assistenzkraft_id: int
    name: str
    leistungsart: str | None
    stunden: Decimal
    arbeitgeberkosten: Decimal
    grund: str
    status: str
    kandidaten: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Budgetstand:
    jahr: int
    bewilligungen: tuple[Bewilligungsstand, ...]
    nicht_zugeordnet: tuple[NichtZugeordnet, ...]
    hinweise: tuple[Hinweis, ...]
    monate: dict[Monat, str] = field(default_factory=dict)  # status of each month of the year

    @property
    def alle_hinweise(self) -> tuple[Hinweis, ...]:
        eigene = [h for s in self.bewilligungen for h in s.hinweise]
        return (*self.hinweise, *eigene)


@dataclass(frozen=True, slots=True)
class Reserve:
    """What the Kalkulation assumed for sickness in a year (Krankheit (kalk.) − Erstattung), for the reserve check."""

    kalkulation: str
    krankheit_jahr: Decimal


def kandidaten(bewilligungen: Sequence[BewilligungDaten], monat: Monat, leistungsart: str | None) -> list[int]:
    """Indexes of the Bewilligungen that would take this Leistungsart key in this month."""
    return [i for i, b in enumerate(bewilligungen) if b.deckt(monat) and b.zahlt_fuer(leistungsart)]


def _verteile(betrag: Decimal, gewichte: dict[int, Decimal]) -> dict[int, Decimal]:
    """Split an amount in cents by weights (largest remainders get the odd cents); deterministic."""
    summe = sum(gewichte.values(), NULL)
    if summe <= 0:
        return {}
    cents = int((betrag * 100).to_integral_value())
    roh = {k: Decimal(cents) * w / summe for k, w in gewichte.items()}
    ganz = {k: int(v.to_integral_value(rounding="ROUND_FLOOR")) for k, v in roh.items()}
    rest = cents - sum(ganz.values())
    for k in sorted(roh, key=lambda k: (roh[k] - ganz[k], -k), reverse=True)[: max(rest, 0)]:
        ganz[k] += 1
    return {k: Decimal(v) / 100 for k, v in ganz.items()}


def berechne_stand(
    jahr: int,
    bewilligungen: Sequence[BewilligungDaten],
    kosten: Iterable[Kostenposten],
    status: dict[Monat, str],
    *,
    posten: Iterable[Posten] = (),
    erstattungen: Iterable[Erstattung] = (),
    reserven: dict[int, Reserve] | None = None,
    heute: date | None = None,
    zeitraum: tuple[Monat, Monat] | None = None,
) -> Budgetstand:
    """The budget of `jahr` (or of `zeitraum`, e.g. a Verwendungsnachweis's months): every Bewilligung touching it,
    its months in it, and its months before (for the carry-over). `kosten` must hold the finalised months of the
    Bewilligungen' periods up to the end and the draft months; `status` says which month is which (missing:
    `VOR_BEGINN`)."""
    reserven = reserven or {}
    von, bis = zeitraum or ((jahr, 1), (jahr, 12))

    def drin(m: Monat) -> bool:
        return von <= m <= bis

    im_jahr = [b for b in bewilligungen if b.von <= bis and b.bis >= von]
    index = {id(b): i for i, b in enumerate(bewilligungen)}
    # per Bewilligung index and month: [kosten, stunden]; per index and Leistungsart: [stunden, kosten]
    je_monat: dict[tuple[int, Monat], list[Decimal]] = {}
    je_la: dict[tuple[int, str | None], list[Decimal]] = {}
    getragen: dict[tuple[Monat, int], dict[int, Decimal]] = {}  # (month, person) → {Bewilligung: costs}
    offen: list[NichtZugeordnet] = []
    for k in kosten:
        st = status.get(k.monat, VOR_BEGINN)
        if st == VOR_BEGINN:
            continue
        treffer = kandidaten(bewilligungen, k.monat, k.leistungsart)
        if len(treffer) != 1:
            if drin(k.monat):
                offen.append(
                    NichtZugeordnet(
                        k.monat,
                        k.assistenzkraft_id,
                        k.name,
                        k.leistungsart,
                        k.stunden,
                        k.arbeitgeberkosten,
                        "mehrere" if treffer else "keine",
                        st,
                        tuple(bewilligungen[i].name for i in treffer),
                    )
                )
            continue
        i = treffer[0]
        summe = je_monat.setdefault((i, k.monat), [NULL, NULL])
        summe[0] += k.arbeitgeberkosten
        summe[1] += k.stunden
        if st == ABGESCHLOSSEN:
            getragen.setdefault((k.monat, k.assistenzkraft_id), {}).setdefault(i, NULL)
            getragen[(k.monat, k.assistenzkraft_id)][i] += k.arbeitgeberkosten
            if drin(k.monat):
                la = je_la.setdefault((i, k.leistungsart), [NULL, NULL])
                la[0] += k.stunden
                la[1] += k.arbeitgeberkosten

    sonstige: dict[tuple[int, Monat], Decimal] = {}
    nach_id = {b.id: i for i, b in enumerate(bewilligungen) if b.id is not None}
    for p in posten:
        if p.bewilligung_id in nach_id:
            schluessel = (nach_id[p.bewilligung_id], monat_von(p.datum))
            sonstige[schluessel] = sonstige.get(schluessel, NULL) + p.wirkung

    hinweise: list[Hinweis] = []
    erstattet: dict[tuple[int, Monat], Decimal] = {}
    for e in erstattungen:
        monat = monat_von(e.zeitraum_von)
        gewichte = getragen.get((monat, e.assistenzkraft_id), {})
        if not gewichte:
            deckend = [i for i, b in enumerate(bewilligungen) if b.deckt(monat)]
            gewichte = {deckend[0]: Decimal(1)} if len(deckend) == 1 else {}
        if not gewichte:
            if drin(monat):
                hinweise.append(
                    Hinweis(
                        "ERSTATTUNG_NICHT_ZUGEORDNET",
                        Schwere.WARNUNG,
                        f"Die Erstattung {e.verfahren} über {format_eur(e.betrag)} für {monatstext(monat)} ist keiner "
                        "Bewilligung zugeordnet, weil der Monat nicht abgeschlossen ist oder keine eindeutige "
                        "Bewilligung ihn deckt; bitte den Monat abschließen oder die Bewilligungen prüfen.",
                    )
                )
            continue
        for i, anteil in _verteile(e.betrag, gewichte).items():
            erstattet[(i, monat)] = erstattet.get((i, monat), NULL) + anteil

    for text in ueberschneidungen(list(im_jahr)):
        hinweise.append(Hinweis("BEWILLIGUNGEN_UEBERSCHNEIDEN_SICH", Schwere.WARNUNG, text))
    hinweise.extend(_hinweise_offen(offen))
    heute = heute or date.today()
    unfertig = sorted(m for m, s in status.items() if s == ENTWURF and drin(m) and m < monat_von(heute))
    if unfertig:
        hinweise.append(
            Hinweis(
                "MONAT_NICHT_ABGESCHLOSSEN",
                Schwere.INFO,
                f"{', '.join(monatstext(m) for m in unfertig)}: noch nicht abgeschlossen; die Kosten stehen nur in "
                "der Prognose, nicht im Verbrauch. Bitte die Abrechnung abschließen.",
            )
        )

    vorher = sorted({m for b in im_jahr for m in b.monate if drin(m) and status.get(m, VOR_BEGINN) == VOR_BEGINN})
    if vorher:
        hinweise.append(
            Hinweis(
                "VOR_ABRECHNUNGSBEGINN",
                Schwere.INFO,
                f"{monatstext(vorher[0])} bis {monatstext(vorher[-1])} liegen vor dem ersten Abrechnungsmonat im "
                "Programm; ihre Lohnkosten sind hier nicht enthalten. Bitte sie als sonstige Kosten eintragen, wenn "
                "sie aus der Bewilligung bezahlt wurden.",
            )
        )
    staende = []
    for b in im_jahr:
        i = index[id(b)]
        zeilen = []
        for m in b.monate:
            if not drin(m):
                continue
            betrag, stunden = b.bewilligt(m)
            kosten_m = je_monat.get((i, m), [NULL, NULL])
            zeilen.append(
                Monatszeile(
                    m,
                    status.get(m, VOR_BEGINN),
                    betrag,
                    stunden,
                    kosten_m[0],
                    kosten_m[1],
                    sonstige.get((i, m), NULL),
                    erstattet.get((i, m), NULL),
                )
            )
        uebertrag = NULL
        for m in b.monate:
            if m < von:
                kosten_m = je_monat.get((i, m), [NULL, NULL]) if status.get(m) == ABGESCHLOSSEN else [NULL, NULL]
                uebertrag += b.bewilligt(m)[0] - kosten_m[0] - sonstige.get((i, m), NULL) + erstattet.get((i, m), NULL)
        anteile = tuple(
            Anteil(la, werte[0], werte[1])
            for (j, la), werte in sorted(je_la.items(), key=lambda x: (x[0][1] is None, x[0][1] or ""))
            if j == i
        )
        stand = Bewilligungsstand(b, tuple(zeilen), anteile, uebertrag)
        staende.append(Bewilligungsstand(b, stand.monate, anteile, uebertrag, tuple(_warnungen(stand, reserven))))
    monate_des_jahres = {m: status.get(m, VOR_BEGINN) for m in monate(von, bis)}
    return Budgetstand(jahr, tuple(staende), tuple(offen), tuple(hinweise), monate_des_jahres)


def _hinweise_offen(offen: Sequence[NichtZugeordnet]) -> list[Hinweis]:
    """One Hinweis per month and reason: what is unassigned, whose, how much."""
    gruppen: dict[tuple[Monat, str, str | None], list[NichtZugeordnet]] = {}
    for n in offen:
        gruppen.setdefault((n.monat, n.grund, n.leistungsart), []).append(n)
    hinweise = []
    for (monat, grund, la), liste in sorted(gruppen.items(), key=lambda x: (x[0][0], x[0][1], x[0][2] or "")):
        betrag = sum((n.arbeitgeberkosten for n in liste), NULL)
        stunden = sum((n.stunden for n in liste), NULL)
        wer = ", ".join(sorted({n.name for n in liste}))
        was = f"Schichten ohne Leistungsart ({wer})" if la is None else f"Schichten der Leistungsart {la} ({wer})"
        warum = (
            "keine Bewilligung deckt diesen Monat für sie"
            if grund == "keine"
            else f"mehrere Bewilligungen kommen in Frage ({', '.join(liste[0].kandidaten)})"
        )
        hinweise.append(
            Hinweis(
                "NICHT_ZUGEORDNET",
                Schwere.WARNUNG,
                f"{monatstext(monat)}: {was}, {format_zahl(stunden, 2)} Std. und {format_eur(betrag)}, sind keiner "
                f"Bewilligung zugerechnet, weil {warum}; bitte im Dienstplan die Leistungsart eintragen oder die "
                "Bewilligungen anpassen.",
            )
        )
    return hinweise


def _warnungen(s: Bewilligungsstand, reserven: dict[int, Reserve]) -> list[Hinweis]:
    b = s.bewilligung
    hinweise = []
    verfuegbar = s.uebertrag + s.bewilligt
    if b.betrag_monat > 0 and s.prognose > verfuegbar:
        hinweise.append(
            Hinweis(
                "PROGNOSE_UEBERSTEIGT_BEWILLIGUNG",
                Schwere.WARNUNG,
                f"„{b.name}“: die Prognose ({format_eur(s.prognose)}) übersteigt die Bewilligung "
                f"({format_eur(verfuegbar)}) um {format_eur(s.prognose - verfuegbar)}; bitte den Dienstplan anpassen "
                "oder beim Kostenträger eine Erhöhung beantragen.",
            )
        )
    stunden_bewilligt = s.bewilligte_stunden
    stunden_prognose = s.stunden + s.geplante_stunden
    if stunden_bewilligt is not None and stunden_prognose > stunden_bewilligt:
        hinweise.append(
            Hinweis(
                "STUNDEN_UEBERSCHRITTEN",
                Schwere.WARNUNG,
                f"„{b.name}“: geplant und geleistet sind {format_zahl(stunden_prognose, 2)} Std., bewilligt "
                f"{format_zahl(stunden_bewilligt, 2)} Std.; bitte den Dienstplan anpassen oder mehr Stunden "
                "beantragen.",
            )
        )
    reserve = reserven.get(b.id) if b.id is not None else None
    if reserve is not None and s.offene_monate and b.betrag_monat > 0:
        noetig = cent(reserve.krankheit_jahr * s.offene_monate / 12)
        if s.rest < noetig:
            hinweise.append(
                Hinweis(
                    "RESERVE_ZU_KLEIN",
                    Schwere.WARNUNG,
                    f"„{b.name}“: die Reserve ({format_eur(s.rest)}) reicht nicht für die Krankheitsausfälle, die die "
                    f"Kalkulation „{reserve.kalkulation}“ für die restlichen "
                    f"{anzahl(s.offene_monate, 'Monat', 'Monate')} annimmt "
                    f"({format_eur(noetig)}); bitte Ausgaben senken oder eine Erhöhung beantragen.",
                    "ForseA-Kalkulation, Krankheit (kalk.)",
                )
            )
    return hinweise


def betrag_text(betrag: Decimal) -> str:
    """CONTRACTS §10: amounts as strings with a dot and two decimals."""
    return f"{cent(betrag):.2f}"
