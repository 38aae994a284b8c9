"""The budget from the store: Bewilligungen, finalised payroll, forecast, refunds → `core.budget.stand`.

`budgetstand(db, jahr)` is what the Budget area, the start page and `assistenzbuero budget` show. It reads the
finalised months only through `core.abrechnung.ablage.lade_kosten` and computes the open months (the forecast) with
the draft run `core.abrechnung.lauf.abrechnung` — the one payroll calculation, never a second one.

The forecast is the costly part (a draft payroll per open month). It is computed once per change of the data: each
open month's costs are kept in memory with a fingerprint of everything a payroll reads (`datenstand`: row count and
newest change of each table, the whole content of the small tables without a change stamp); while the fingerprint
is unchanged the kept figures are used, after any change they are computed again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from threading import Lock
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung import ablage, lauf
from core.abrechnung.modelle import Abrechnungsbeginn
from core.budget.bewilligung import Monat, monate
from core.budget.bewilligungen import bewilligungen_in, posten_in
from core.budget.kalkulation import HUNDERT, KalkulationsParameter, berechne
from core.budget.modelle import Kalkulation
from core.budget.stand import (
    ABGESCHLOSSEN,
    ENTWURF,
    VOR_BEGINN,
    Budgetstand,
    Erstattung,
    Kostenposten,
    Reserve,
    berechne_stand,
)
from core.domain.hinweis import Hinweis, Schwere
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.datenstand import datenstand as persistenter_datenstand
from core.regeln import tabellen

#: Tables a payroll never reads (the budget's own, audit, roster tools): a change there keeps the forecast.
_OHNE_EINFLUSS = frozenset(
    {
        "abrechnung_protokoll",
        "bewilligung",
        "bewilligung_bescheid",
        "budget_posten",
        "kalkulation",
        "checklisten_haken",
        "einstellung",
        "bedarfsprofil",
        "bedarfsblock",
        "muster",
        "muster_eintrag",
        "schichtvorlage",
    }
)
Fortschritt = Callable[[int, int], None]
SPAETESTENS = date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class _Gemerkt:
    stand: str
    kosten: tuple[Kostenposten, ...]
    fehler: str


_PROGNOSEN: dict[tuple[str, int, int], _Gemerkt] = {}
_SPERRE = Lock()


def datenstand(sitzung: Session) -> str:
    """A fingerprint of everything the payroll of an open month depends on (see the module docstring): the data and
    the rule figures (an import of figures changes the forecast as a change of the data does)."""
    return f"{persistenter_datenstand(sitzung, ohne=_OHNE_EINFLUSS)}|{tabellen.stand()}"


def _kostenposten(monat: Monat, person: int, name: str, kosten: Any) -> list[Kostenposten]:
    return [Kostenposten(monat, person, name, k.leistungsart, k.stunden, k.arbeitgeberkosten) for k in kosten]


def _prognose(db: Datenbank, monat: Monat, stand: str) -> _Gemerkt:
    schluessel = (str(db.pfad), *monat)
    with _SPERRE:
        gemerkt = _PROGNOSEN.get(schluessel)
    if gemerkt is not None and gemerkt.stand == stand:
        return gemerkt
    kosten: list[Kostenposten] = []
    fehler = ""
    try:
        # the month's own costs only: corrections of finalised months change payouts, not this month's costs
        for zeile in lauf.zeilen(db, *monat, korrekturen=False):
            if zeile.ergebnis is None:
                fehler = fehler or f"{zeile.name or zeile.personalnummer}: {zeile.fehler}"
                continue
            kosten += _kostenposten(monat, zeile.assistenzkraft_id, zeile.name, zeile.ergebnis.kosten)
    except EingabeFehler as f:
        fehler = str(f)
    gemerkt = _Gemerkt(stand, tuple(kosten), fehler)
    with _SPERRE:
        _PROGNOSEN[schluessel] = gemerkt
    return gemerkt


def _bekannt(db: Datenbank, offen: list[Monat], stand: str) -> bool:
    """Whether the forecast of the open months `offen` is in memory for the data of fingerprint `stand`."""
    with _SPERRE:
        return all((g := _PROGNOSEN.get((str(db.pfad), *m))) is not None and g.stand == stand for m in offen)


def _offene_monate(sitzung: Session, von: Monat, bis: Monat) -> list[Monat]:
    """The open months from `von` to `bis` in which some Bewilligung runs: those the forecast computes."""
    laufend = [b for b in bewilligungen_in(sitzung) if b.von <= bis and b.bis >= von]
    status = _status(sitzung, monate(von, bis))
    return [m for m, s in status.items() if s == ENTWURF and any(b.deckt(m) for b in laufend)]


def erhaltene_erstattungen(db: Datenbank, von: date, bis: date) -> list[Erstattung]:
    """U1/U2 refunds received, from the claims lane (`core.erstattung.erhaltene_erstattungen`); the budget keeps no
    refund store of its own. Looked up at run time: a static import would close the package cycle budget →
    erstattung → io (the claim sheet writer) → budget (the Kalkulation files), which tests/core/test_paketzyklen.py
    forbids; the clean cut is the claim sheet writer moving to core.io (left to the claims lane)."""
    modul = importlib.import_module("core.erstattung")
    quelle = getattr(modul, "erhaltene_erstattungen", None)
    if quelle is None:
        return []
    return [
        Erstattung(
            e.assistenzkraft_id, str(e.verfahren), str(e.kasse), e.zeitraum_von, e.zeitraum_bis, e.erhalten_am, e.betrag
        )
        for e in quelle(db, von, bis)
    ]


def _beginn(sitzung: Session) -> Monat | None:
    beginn = sitzung.scalar(select(Abrechnungsbeginn.monat).order_by(Abrechnungsbeginn.id))
    if beginn is not None:
        return beginn.year, beginn.month
    fertig = ablage.abgeschlossene_in(sitzung)
    return fertig[0] if fertig else None


def reserve_aus(kalkulation: Kalkulation) -> Reserve:
    """The sickness cost a Kalkulation assumed for a year: Krankheit (kalk.) with the employer's share on it, less the
    refund (ForseA sheet, seed 004 1.6.2: Arbeitgeberanteil = Bruttolohnkosten × AG-%, Erstattung = Krankheit × %)."""
    import json

    ergebnis = berechne(KalkulationsParameter.aus_dict(json.loads(kalkulation.parameter)))
    krankheit = ergebnis["krankheit"] * (HUNDERT + ergebnis["arbeitgeberanteil_prozent"]) / HUNDERT
    return Reserve(kalkulation.name, krankheit - ergebnis["erstattung"])


def _status(sitzung: Session, bereich: list[Monat]) -> dict[Monat, str]:
    fertig = set(ablage.abgeschlossene_in(sitzung))
    beginn = _beginn(sitzung)
    return {
        m: ABGESCHLOSSEN if m in fertig else (VOR_BEGINN if beginn is not None and m < beginn else ENTWURF)
        for m in bereich
    }


def budgetstand(
    db: Datenbank,
    jahr: int,
    *,
    mit_prognose: bool = True,
    heute: date | None = None,
    fortschritt: Fortschritt | None = None,
    zeitraum: tuple[Monat, Monat] | None = None,
) -> Budgetstand:
    """The budget of a calendar year (or of the months of `zeitraum`). `mit_prognose=False`: open months without
    forecast costs (instant)."""
    return _budgetstand(db, jahr, mit_prognose, heute, fortschritt, zeitraum)[0]


def budgetstand_ohne_warten(db: Datenbank, jahr: int, *, heute: date | None = None) -> tuple[Budgetstand, bool]:
    """The budget of a calendar year with the forecast if it is in memory for the current data, else without it
    (instant either way), and whether it holds the forecast. The start page and the Budget area show it on every
    visit: one reading of the data and at most one fingerprint (`datenstand`), none when no open month needs a
    forecast (they asked first whether the forecast was known, then for the budget: two fingerprints each time)."""
    return _budgetstand(db, jahr, None, heute, None, None)


def _budgetstand(
    db: Datenbank,
    jahr: int,
    mit_prognose: bool | None,
    heute: date | None,
    fortschritt: Fortschritt | None,
    zeitraum: tuple[Monat, Monat] | None,
) -> tuple[Budgetstand, bool]:
    """`mit_prognose` None: with the forecast only if it is kept for the current data (`_bekannt`)."""
    von, bis = zeitraum or ((jahr, 1), (jahr, 12))
    if not (2000, 1) <= von <= bis <= (2100, 12):
        raise EingabeFehler(f"{jahr} ist kein gültiges Jahr. Bitte als JJJJ angeben, z. B. 2026.")
    with db.arbeitseinheit() as sitzung:
        alle = bewilligungen_in(sitzung)
        im_jahr = [b for b in alle if b.von <= bis and b.bis >= von]
        erster = min([b.von for b in im_jahr], default=von)
        erster = min(erster, von)
        status = _status(sitzung, monate(erster, bis))
        posten = posten_in(sitzung)
        offen = _offene_monate(sitzung, von, bis)
        stand = datenstand(sitzung) if offen and mit_prognose is not False else ""
        reserven = {
            b.id: reserve_aus(k)
            for b in im_jahr
            if b.id is not None
            and b.kalkulation_id is not None
            and (k := sitzung.get(Kalkulation, b.kalkulation_id)) is not None
        }
    if mit_prognose is None:
        mit_prognose = _bekannt(db, offen, stand)
    kosten: list[Kostenposten] = []
    for g in ablage.lade_kosten(db, erster, bis):
        kosten += _kostenposten((g.jahr, g.monat), g.assistenzkraft_id, g.name, g.kosten)
    hinweise: list[Hinweis] = []
    for nr, m in enumerate(offen, start=1):
        if not mit_prognose:
            break
        gemerkt = _prognose(db, m, stand)
        kosten += gemerkt.kosten
        if gemerkt.fehler:
            hinweise.append(
                Hinweis(
                    "PROGNOSE_UNVOLLSTAENDIG",
                    Schwere.WARNUNG,
                    f"Prognose {m[1]:02d}/{m[0]} unvollständig: {gemerkt.fehler}",
                )
            )
        if fortschritt is not None:
            fortschritt(nr, len(offen))
    # a refund belongs to the month it refunds, however late it arrives: every one received since the first month
    erstattungen = erhaltene_erstattungen(db, date(*erster, 1), SPAETESTENS) if im_jahr else []
    ergebnis = berechne_stand(
        jahr,
        alle,
        kosten,
        status,
        posten=posten,
        erstattungen=erstattungen,
        reserven=reserven,
        heute=heute,
        zeitraum=(von, bis),
    )
    if not hinweise:
        return ergebnis, mit_prognose
    return Budgetstand(
        ergebnis.jahr,
        ergebnis.bewilligungen,
        ergebnis.nicht_zugeordnet,
        (*ergebnis.hinweise, *hinweise),
        ergebnis.monate,
    ), mit_prognose


def als_json(stand: Budgetstand) -> dict[str, Any]:
    """CONTRACTS §10: keys and order fixed; amounts as strings with two decimals."""
    from core.budget.stand import betrag_text

    def stunden(wert: Decimal | None) -> str | None:
        return None if wert is None else betrag_text(wert)

    return {
        "jahr": stand.jahr,
        "bewilligungen": [
            {
                "name": s.bewilligung.name,
                "kostentraeger": s.bewilligung.kostentraeger,
                "von": f"{s.bewilligung.von[0]:04d}-{s.bewilligung.von[1]:02d}",
                "bis": f"{s.bewilligung.bis[0]:04d}-{s.bewilligung.bis[1]:02d}",
                "bewilligt": betrag_text(s.bewilligt),
                "bewilligte_stunden": stunden(s.bewilligte_stunden),
                "verbraucht": betrag_text(s.verbraucht),
                "stunden": betrag_text(s.stunden),
                "erstattungen": betrag_text(s.erstattungen),
                "prognose": betrag_text(s.prognose),
                "rest": betrag_text(s.rest),
                "monate": [
                    {
                        "monat": f"{m.monat[0]:04d}-{m.monat[1]:02d}",
                        "kosten": betrag_text(m.kosten),
                        "stunden": betrag_text(m.stunden),
                        "status": m.status,
                        "bewilligt": betrag_text(m.bewilligt),
                        "sonstige": betrag_text(m.sonstige),
                        "erstattungen": betrag_text(m.erstattungen),
                    }
                    for m in s.monate
                ],
                "aktenzeichen": s.bewilligung.aktenzeichen,
                "leistungsarten": list(s.bewilligung.leistungsarten),
                "uebertrag": betrag_text(s.uebertrag),
                "sonstige": betrag_text(s.sonstige),
                "hinweise": [h.als_dict() for h in s.hinweise],
            }
            for s in stand.bewilligungen
        ],
        "nicht_zugeordnet": [
            {
                "monat": f"{n.monat[0]:04d}-{n.monat[1]:02d}",
                "name": n.name,
                "leistungsart": n.leistungsart,
                "stunden": betrag_text(n.stunden),
                "kosten": betrag_text(n.arbeitgeberkosten),
                "grund": n.grund,
                "status": n.status,
            }
            for n in stand.nicht_zugeordnet
        ],
        "hinweise": [h.als_dict() for h in stand.hinweise],
    }
