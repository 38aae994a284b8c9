"""Data entry for the payroll: one-off payments, Sachbezüge, advances, the Abrechnungsbeginn and carried-over figures.

GUI/CLI: `liste_einmalzahlungen(db, jahr, monat)`, `speichere_einmalzahlung(db, daten)`, `loesche_einmalzahlung(db, id)`
and the same for `sachbezug`/`vorschuss`; `abrechnungsbeginn(db)` / `setze_abrechnungsbeginn(db, jahr, monat)`;
`lade_vortrag(db, person, jahr)` / `speichere_vortrag(db, daten)`; `urlaubsuebersicht(...)`: the Dienstplan's leave
account with the leave carried over. Each call is one transaction; bad input raises
`FeldFehler` (German message per field), nothing is saved. An entry for a finalised month is refused: it would
change a closed payroll (a correction comes from changed shifts, contracts or absences, see `core.abrechnung.lauf`).
Every change is written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung.modelle import (
    Abrechnungsbeginn,
    Abrechnungsmonat,
    Einmalzahlung,
    Sachbezug,
    Vorschuss,
    Vortrag,
)
from core.abrechnung.protokoll import benutzer, protokolliere
from core.dienstplan.konten import Urlaubsuebersicht
from core.dienstplan.konten import urlaubsuebersicht as aus_dem_dienstplan
from core.dienstplan.urlaub import urlaubshinweise
from core.domain.geld import format_eur
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import MONATE
from core.domain.zahlen import anzahl, format_zahl
from core.fehler import EingabeFehler
from core.persistence.basis import Base
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft
from core.stammdaten._abbildung import aus_modell, melde, nach_modell

EINMALZAHLUNGSARTEN: dict[str, str] = {
    "weihnachtsgeld": "Weihnachtsgeld",
    "urlaubsgeld": "Urlaubsgeld",
    "praemie": "Prämie",
    "jubilaeum": "Jubiläumszuwendung",
    "nachzahlung": "Nachzahlung",
    "sonstige": "sonstige Einmalzahlung",
}
SACHBEZUGSARTEN: dict[str, str] = {
    "unterkunft": "Unterkunft (amtlicher Sachbezugswert)",
    "verpflegung": "Verpflegung (amtlicher Sachbezugswert)",
    "sonstig": "sonstiger Sachbezug (eigener Wert)",
}
GROESSTER_BETRAG = Decimal("1000000")

T = TypeVar("T")


def monatstext(jahr: int, monat: int) -> str:
    return f"{MONATE[monat - 1]} {jahr}"


@dataclass(slots=True)
class EinmalzahlungDaten:
    assistenzkraft_id: int
    jahr: int
    monat: int
    art: str
    betrag: Decimal
    text: str = ""
    id: int | None = None


@dataclass(slots=True)
class SachbezugDaten:
    """`tage` None: the whole month; `wert` only for "sonstig"; `zuzahlung`: what the assistant pays for it."""

    assistenzkraft_id: int
    jahr: int
    monat: int
    art: str
    tage: int | None = None
    im_haushalt: bool = False
    wert: Decimal | None = None
    zuzahlung: Decimal = Decimal(0)
    text: str = ""
    id: int | None = None


@dataclass(slots=True)
class VorschussDaten:
    assistenzkraft_id: int
    ausgezahlt_am: date
    jahr: int  # the month whose payout it is deducted from
    monat: int
    betrag: Decimal
    text: str = ""
    id: int | None = None


@dataclass(slots=True)
class VortragDaten:
    """Year totals settled elsewhere before the Abrechnungsbeginn (from the previous Lohnbüro's Lohnkonto)."""

    assistenzkraft_id: int
    jahr: int
    brutto: Decimal = Decimal(0)
    steuerbrutto: Decimal = Decimal(0)
    sonstige_bezuege: Decimal = Decimal(0)
    steuerfreie_bezuege: Decimal = Decimal(0)
    lohnsteuer: Decimal = Decimal(0)
    solidaritaetszuschlag: Decimal = Decimal(0)
    kirchensteuer: Decimal = Decimal(0)
    pauschsteuer: Decimal = Decimal(0)
    kv_an: Decimal = Decimal(0)
    pv_an: Decimal = Decimal(0)
    rv_an: Decimal = Decimal(0)
    av_an: Decimal = Decimal(0)
    entgelt_kv: Decimal = Decimal(0)
    entgelt_rv: Decimal = Decimal(0)
    einmalzahlungen: Decimal = Decimal(0)
    netto: Decimal = Decimal(0)
    sv_tage: int = 0
    arbeitstage: int = 0
    minijob_ueberschreitungen: int = 0
    urlaub_genommen_tage: Decimal = Decimal(0)
    krank_fortzahlung_tage: int = 0
    zeitkonto_stunden: Decimal = Decimal(0)
    notiz: str = ""
    id: int | None = None


VORTRAG_FELDNAMEN: dict[str, str] = {
    "brutto": "Bruttoentgelt",
    "steuerbrutto": "laufender steuerpflichtiger Arbeitslohn",
    "sonstige_bezuege": "steuerpflichtige sonstige Bezüge",
    "steuerfreie_bezuege": "steuerfreie Bezüge (§ 3b EStG)",
    "lohnsteuer": "Lohnsteuer",
    "solidaritaetszuschlag": "Solidaritätszuschlag",
    "kirchensteuer": "Kirchensteuer",
    "pauschsteuer": "Pauschsteuer",
    "kv_an": "Krankenversicherung (Arbeitnehmeranteil)",
    "pv_an": "Pflegeversicherung (Arbeitnehmeranteil)",
    "rv_an": "Rentenversicherung (Arbeitnehmeranteil)",
    "av_an": "Arbeitslosenversicherung (Arbeitnehmeranteil)",
    "entgelt_kv": "beitragspflichtiges Entgelt KV/PV",
    "entgelt_rv": "beitragspflichtiges Entgelt RV/AV",
    "einmalzahlungen": "Einmalzahlungen",
    "netto": "Nettoentgelt",
    "sv_tage": "SV-Tage",
    "arbeitstage": "Arbeitstage",
    "minijob_ueberschreitungen": "unvorhersehbare Überschreitungen der Minijob-Grenze",
    "urlaub_genommen_tage": "genommene Urlaubstage",
    "krank_fortzahlung_tage": "Tage Entgeltfortzahlung der laufenden Erkrankung",
    "zeitkonto_stunden": "Stand des Zeitkontos in Stunden",
}


# --- checks ------------------------------------------------------------------------------------------------------


def _monat_pruefen(fehler: dict[str, str], jahr: int, monat: int, feld: str = "monat") -> None:
    if not 1 <= monat <= 12:
        fehler[feld] = f"{monat} ist kein Monat (1 bis 12)."
    elif not 2000 <= jahr <= 2100:
        fehler[feld.replace("monat", "jahr")] = f"{jahr} ist kein plausibles Jahr."


def _betrag_pruefen(fehler: dict[str, str], feld: str, wert: Any, bezeichnung: str, *, null_erlaubt: bool) -> None:
    if isinstance(wert, float) or not isinstance(wert, Decimal) or not wert.is_finite():
        fehler[feld] = f"{bezeichnung}: bitte als Betrag angeben."
    elif wert < 0 or (wert == 0 and not null_erlaubt):
        fehler[feld] = f"{bezeichnung} muss größer als 0 sein."
    elif wert != wert.quantize(Decimal("0.01")):
        fehler[feld] = f"{bezeichnung} wird in Euro und Cent angegeben (höchstens 2 Nachkommastellen)."
    elif wert > GROESSTER_BETRAG:
        fehler[feld] = f"{bezeichnung} ({format_eur(wert)}) ist nicht plausibel."


def pruefe_einmalzahlung(d: EinmalzahlungDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    _monat_pruefen(fehler, d.jahr, d.monat)
    if d.art not in EINMALZAHLUNGSARTEN:
        fehler["art"] = "Bitte wählen Sie die Art der Einmalzahlung aus der Liste."
    _betrag_pruefen(fehler, "betrag", d.betrag, "Der Betrag", null_erlaubt=False)
    return fehler


def pruefe_sachbezug(d: SachbezugDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    _monat_pruefen(fehler, d.jahr, d.monat)
    if d.art not in SACHBEZUGSARTEN:
        fehler["art"] = "Bitte wählen Sie die Art des Sachbezugs aus der Liste."
    if d.tage is not None and not 1 <= d.tage <= 31:
        fehler["tage"] = "Tage: 1 bis 31, oder leer für den ganzen Monat."
    if d.art == "sonstig":
        if d.wert is None:
            fehler["wert"] = "Für einen sonstigen Sachbezug geben Sie bitte seinen Wert an."
        else:
            _betrag_pruefen(fehler, "wert", d.wert, "Der Wert", null_erlaubt=False)
    elif d.wert is not None:
        fehler["wert"] = (
            "Unterkunft und Verpflegung werden mit den amtlichen Sachbezugswerten des Jahres angesetzt; "
            "bitte das Feld „Wert“ leer lassen."
        )
    if d.im_haushalt and d.art != "unterkunft":
        fehler["im_haushalt"] = "„Im Haushalt der Arbeitgeberin“ gilt nur für eine Unterkunft."
    _betrag_pruefen(fehler, "zuzahlung", d.zuzahlung, "Die Zuzahlung", null_erlaubt=True)
    return fehler


def pruefe_vorschuss(d: VorschussDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    _monat_pruefen(fehler, d.jahr, d.monat)
    _betrag_pruefen(fehler, "betrag", d.betrag, "Der Vorschuss", null_erlaubt=False)
    if not fehler and (d.jahr, d.monat) < (d.ausgezahlt_am.year, d.ausgezahlt_am.month):
        fehler["monat"] = (
            f"Ein am {d.ausgezahlt_am:%d.%m.%Y} gezahlter Vorschuss kann nicht mit {monatstext(d.jahr, d.monat)} "
            "verrechnet werden; bitte den Monat der Auszahlung oder einen späteren wählen."
        )
    return fehler


def pruefe_vortrag(d: VortragDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    if not 2000 <= d.jahr <= 2100:
        fehler["jahr"] = f"{d.jahr} ist kein plausibles Jahr."
    if not 0 <= d.sv_tage <= 330:
        fehler["sv_tage"] = "SV-Tage vor dem Abrechnungsbeginn: 0 bis 330 (höchstens 30 je Monat)."
    for f in fields(d):
        wert = getattr(d, f.name)
        if f.name in ("assistenzkraft_id", "jahr", "notiz", "id", "zeitkonto_stunden"):
            continue
        bezeichnung = VORTRAG_FELDNAMEN[f.name]
        if isinstance(wert, int):
            if wert < 0:
                fehler[f.name] = f"{bezeichnung} kann nicht negativ sein."
        elif f.name == "urlaub_genommen_tage":
            if isinstance(wert, float) or not isinstance(wert, Decimal) or wert < 0 or (wert * 2) % 1:
                fehler[f.name] = f"{bezeichnung}: in halben Tagen, nicht negativ."
        else:
            _betrag_pruefen(fehler, f.name, wert, bezeichnung, null_erlaubt=True)
    if isinstance(d.zeitkonto_stunden, float) or not isinstance(d.zeitkonto_stunden, Decimal):
        fehler["zeitkonto_stunden"] = "Stand des Zeitkontos: bitte als Zahl angeben (Minusstunden mit Minus)."
    if not fehler and d.sonstige_bezuege > d.steuerbrutto:
        fehler["sonstige_bezuege"] = (
            "Die sonstigen Bezüge sind Teil des steuerpflichtigen Brutto und können nicht größer sein."
        )
    return fehler


# --- shared plumbing ---------------------------------------------------------------------------------------------


def _person(sitzung: Session, assistenzkraft_id: int) -> Assistenzkraft:
    kraft = sitzung.get(Assistenzkraft, assistenzkraft_id)
    if kraft is None:
        raise EingabeFehler("Diese Assistenzkraft gibt es nicht (mehr). Nichts wurde gespeichert.")
    return kraft


def ist_abgeschlossen(sitzung: Session, jahr: int, monat: int) -> bool:
    status = sitzung.scalar(
        select(Abrechnungsmonat.status).where(Abrechnungsmonat.jahr == jahr, Abrechnungsmonat.monat == monat)
    )
    return status == "abgeschlossen"


def _nicht_abgeschlossen(sitzung: Session, jahr: int, monat: int, was: str) -> None:
    if ist_abgeschlossen(sitzung, jahr, monat):
        raise EingabeFehler(
            f"Die Abrechnung {monatstext(jahr, monat)} ist abgeschlossen; {was} kann dort nicht mehr geändert werden. "
            "Bitte tragen Sie den Betrag im nächsten offenen Monat ein. Nichts wurde gespeichert.",
            feld="monat",
        )


def _beginn_pruefen(sitzung: Session, jahr: int, monat: int, was: str) -> None:
    beginn = _beginn(sitzung)
    if beginn is not None and (jahr, monat) < (beginn.year, beginn.month):
        raise EingabeFehler(
            f"{was} für {monatstext(jahr, monat)} liegt vor dem Abrechnungsbeginn "
            f"({monatstext(beginn.year, beginn.month)}); "
            "frühere Monate wurden anderswo abgerechnet. Bitte einen späteren Monat wählen. Nichts wurde gespeichert.",
            feld="monat",
        )


def _speichere(
    db: Datenbank, daten: Any, modell: type[Base], fehler: dict[str, str], was: str, aktion: str, beschreibung: str
) -> Any:
    with db.arbeitseinheit() as sitzung:
        _person(sitzung, daten.assistenzkraft_id)
        melde(fehler)
        _beginn_pruefen(sitzung, daten.jahr, daten.monat, was)
        _nicht_abgeschlossen(sitzung, daten.jahr, daten.monat, was)
        zeile: Any
        if daten.id is None:
            zeile = modell()
            sitzung.add(zeile)
        else:
            zeile = sitzung.get(modell, daten.id)
            if zeile is None or zeile.assistenzkraft_id != daten.assistenzkraft_id:
                raise EingabeFehler(f"{was} gibt es nicht (mehr). Nichts wurde gespeichert.")
            if (zeile.jahr, zeile.monat) != (daten.jahr, daten.monat):
                _nicht_abgeschlossen(sitzung, zeile.jahr, zeile.monat, was)
        nach_modell(daten, zeile)
        zeile.text = daten.text.strip()
        sitzung.flush()
        protokolliere(
            sitzung,
            aktion,
            f"{beschreibung} ({'neu' if daten.id is None else 'geändert'})",
            jahr=daten.jahr,
            monat=daten.monat,
            assistenzkraft_id=daten.assistenzkraft_id,
        )
        return aus_modell(type(daten), zeile)


def _loesche(db: Datenbank, modell: type[Base], ident: int, was: str, aktion: str) -> None:
    with db.arbeitseinheit() as sitzung:
        zeile: Any = sitzung.get(modell, ident)
        if zeile is None:
            return
        _nicht_abgeschlossen(sitzung, zeile.jahr, zeile.monat, was)
        protokolliere(
            sitzung,
            aktion,
            f"{was} gelöscht",
            jahr=zeile.jahr,
            monat=zeile.monat,
            assistenzkraft_id=zeile.assistenzkraft_id,
        )
        sitzung.delete(zeile)


def _liste(
    db: Datenbank, klasse: type[T], modell: Any, jahr: int, monat: int | None, assistenzkraft_id: int | None
) -> list[T]:
    with db.arbeitseinheit() as sitzung:
        return liste_in_sitzung(sitzung, klasse, modell, jahr, monat, assistenzkraft_id)


def liste_in_sitzung(
    sitzung: Session, klasse: type[T], modell: Any, jahr: int, monat: int | None, assistenzkraft_id: int | None
) -> list[T]:
    abfrage = select(modell).where(modell.jahr == jahr)
    if monat is not None:
        abfrage = abfrage.where(modell.monat == monat)
    if assistenzkraft_id is not None:
        abfrage = abfrage.where(modell.assistenzkraft_id == assistenzkraft_id)
    return [aus_modell(klasse, z) for z in sitzung.scalars(abfrage.order_by(modell.monat, modell.id))]


# --- Einmalzahlungen ---------------------------------------------------------------------------------------------


def liste_einmalzahlungen(
    db: Datenbank, jahr: int, monat: int | None = None, assistenzkraft_id: int | None = None
) -> list[EinmalzahlungDaten]:
    return _liste(db, EinmalzahlungDaten, Einmalzahlung, jahr, monat, assistenzkraft_id)


def speichere_einmalzahlung(db: Datenbank, daten: EinmalzahlungDaten) -> EinmalzahlungDaten:
    text = (
        f"{EINMALZAHLUNGSARTEN.get(daten.art, daten.art)} {format_eur(daten.betrag)}"
        if isinstance(daten.betrag, Decimal)
        else "Einmalzahlung"
    )
    return _speichere(db, daten, Einmalzahlung, pruefe_einmalzahlung(daten), "Die Einmalzahlung", "einmalzahlung", text)


def loesche_einmalzahlung(db: Datenbank, ident: int) -> None:
    _loesche(db, Einmalzahlung, ident, "Die Einmalzahlung", "einmalzahlung")


# --- Sachbezüge --------------------------------------------------------------------------------------------------


def liste_sachbezuege(
    db: Datenbank, jahr: int, monat: int | None = None, assistenzkraft_id: int | None = None
) -> list[SachbezugDaten]:
    return _liste(db, SachbezugDaten, Sachbezug, jahr, monat, assistenzkraft_id)


def speichere_sachbezug(db: Datenbank, daten: SachbezugDaten) -> SachbezugDaten:
    text = SACHBEZUGSARTEN.get(daten.art, daten.art) + (f", {anzahl(daten.tage, 'Tag', 'Tage')}" if daten.tage else "")
    return _speichere(db, daten, Sachbezug, pruefe_sachbezug(daten), "Der Sachbezug", "sachbezug", text)


def loesche_sachbezug(db: Datenbank, ident: int) -> None:
    _loesche(db, Sachbezug, ident, "Der Sachbezug", "sachbezug")


# --- Vorschüsse --------------------------------------------------------------------------------------------------


def liste_vorschuesse(
    db: Datenbank, jahr: int, monat: int | None = None, assistenzkraft_id: int | None = None
) -> list[VorschussDaten]:
    return _liste(db, VorschussDaten, Vorschuss, jahr, monat, assistenzkraft_id)


def speichere_vorschuss(db: Datenbank, daten: VorschussDaten) -> VorschussDaten:
    text = f"Vorschuss {format_eur(daten.betrag)}" if isinstance(daten.betrag, Decimal) else "Vorschuss"
    return _speichere(db, daten, Vorschuss, pruefe_vorschuss(daten), "Der Vorschuss", "vorschuss", text)


def loesche_vorschuss(db: Datenbank, ident: int) -> None:
    _loesche(db, Vorschuss, ident, "Der Vorschuss", "vorschuss")


# --- Abrechnungsbeginn and carried-over figures ------------------------------------------------------------------


def _beginn(sitzung: Session) -> date | None:
    return sitzung.scalar(select(Abrechnungsbeginn.monat).order_by(Abrechnungsbeginn.id))


def abrechnungsbeginn(db: Datenbank) -> date | None:
    """The first payroll month in the program (first day), or None when not set (no restriction)."""
    with db.arbeitseinheit() as sitzung:
        return _beginn(sitzung)


def setze_abrechnungsbeginn_in(sitzung: Session, jahr: int, monat: int) -> None:
    """Within a caller's transaction (e.g. `szenario laden`)."""
    fehler: dict[str, str] = {}
    _monat_pruefen(fehler, jahr, monat)
    melde(fehler)
    erster_abgeschlossen = sitzung.scalars(
        select(Abrechnungsmonat)
        .where(Abrechnungsmonat.status == "abgeschlossen")
        .order_by(Abrechnungsmonat.jahr, Abrechnungsmonat.monat)
    ).first()
    if erster_abgeschlossen is not None and (erster_abgeschlossen.jahr, erster_abgeschlossen.monat) < (jahr, monat):
        raise EingabeFehler(
            f"{monatstext(erster_abgeschlossen.jahr, erster_abgeschlossen.monat)} ist schon im Programm "
            f"abgeschlossen; der Abrechnungsbeginn kann nicht danach liegen. Nichts wurde gespeichert.",
            feld="monat",
        )
    zeile = sitzung.scalars(select(Abrechnungsbeginn).order_by(Abrechnungsbeginn.id)).first()
    if zeile is None:
        zeile = Abrechnungsbeginn()
        sitzung.add(zeile)
    zeile.monat = date(jahr, monat, 1)
    zeile.erfasst_von = benutzer()
    protokolliere(sitzung, "abrechnungsbeginn", f"Abrechnungsbeginn {monatstext(jahr, monat)}", jahr=jahr, monat=monat)


def setze_abrechnungsbeginn(db: Datenbank, jahr: int, monat: int) -> None:
    with db.arbeitseinheit() as sitzung:
        setze_abrechnungsbeginn_in(sitzung, jahr, monat)


def lade_vortrag(db: Datenbank, assistenzkraft_id: int, jahr: int) -> VortragDaten | None:
    with db.arbeitseinheit() as sitzung:
        return vortrag_in_sitzung(sitzung, assistenzkraft_id, jahr)


def vortrag_in_sitzung(sitzung: Session, assistenzkraft_id: int, jahr: int) -> VortragDaten | None:
    zeile = sitzung.scalars(
        select(Vortrag).where(Vortrag.assistenzkraft_id == assistenzkraft_id, Vortrag.jahr == jahr)
    ).first()
    return aus_modell(VortragDaten, zeile) if zeile is not None else None


def speichere_vortrag(db: Datenbank, daten: VortragDaten) -> VortragDaten:
    """Carried-over figures may only be entered for the year of the Abrechnungsbeginn, before anything is closed."""
    fehler = pruefe_vortrag(daten)
    with db.arbeitseinheit() as sitzung:
        _person(sitzung, daten.assistenzkraft_id)
        beginn = _beginn(sitzung)
        if beginn is None:
            fehler.setdefault(
                "jahr",
                "Bitte legen Sie zuerst den Abrechnungsbeginn fest (der erste Monat, den das Programm abrechnet).",
            )
        elif beginn.year != daten.jahr:
            fehler.setdefault(
                "jahr", f"Übernommene Werte gibt es nur für das Jahr des Abrechnungsbeginns ({beginn.year})."
            )
        elif daten.sv_tage > 30 * (beginn.month - 1):
            fehler.setdefault(
                "sv_tage",
                f"Vor dem Abrechnungsbeginn ({monatstext(beginn.year, beginn.month)}) liegen nur "
                f"{anzahl(beginn.month - 1, 'Monat', 'Monate')} dieses Jahres, also höchstens "
                f"{anzahl(30 * (beginn.month - 1), 'SV-Tag', 'SV-Tage')}.",
            )
        melde(fehler)
        if beginn is not None and ist_abgeschlossen(sitzung, beginn.year, beginn.month):
            raise EingabeFehler(
                f"Die Abrechnung {monatstext(beginn.year, beginn.month)} ist schon abgeschlossen; die übernommenen "
                "Werte können nicht mehr geändert werden. Nichts wurde gespeichert."
            )
        zeile = sitzung.scalars(
            select(Vortrag).where(Vortrag.assistenzkraft_id == daten.assistenzkraft_id, Vortrag.jahr == daten.jahr)
        ).first()
        neu = zeile is None
        if zeile is None:
            zeile = Vortrag(assistenzkraft_id=daten.assistenzkraft_id, jahr=daten.jahr)
            sitzung.add(zeile)
        nach_modell(daten, zeile)
        sitzung.flush()
        protokolliere(
            sitzung,
            "vortrag",
            f"Übernommene Jahreswerte {daten.jahr} {'erfasst' if neu else 'geändert'}",
            jahr=daten.jahr,
            assistenzkraft_id=daten.assistenzkraft_id,
        )
        return aus_modell(VortragDaten, zeile)


def urlaubsuebersicht(db: Datenbank, assistenzkraft_id: int, jahr: int, stichtag: date) -> Urlaubsuebersicht:
    """The Dienstplan's leave account (`core.dienstplan.konten.urlaubsuebersicht`) for a household that starts in
    the program mid-year: the leave days the previous Lohnbüro recorded before the Abrechnungsbeginn count as taken,
    and leave entered in the Dienstplan before that day is not counted a second time."""
    u = aus_dem_dienstplan(db, assistenzkraft_id, jahr, stichtag)
    beginn = abrechnungsbeginn(db)
    vortrag = lade_vortrag(db, assistenzkraft_id, jahr) if beginn is not None and beginn.year == jahr else None
    if beginn is None or vortrag is None or not vortrag.urlaub_genommen_tage:
        return u
    im_programm = tuple(t for t in u.konto.genommene_tage if t >= beginn)
    konto = replace(u.konto, genommen=vortrag.urlaub_genommen_tage + len(im_programm), genommene_tage=im_programm)
    uebernommen = Hinweis(
        "URLAUB_UEBERNOMMEN",
        Schwere.INFO,
        f"{format_zahl(vortrag.urlaub_genommen_tage, None)} Urlaubstage vor dem Abrechnungsbeginn "
        f"({monatstext(beginn.year, beginn.month)}) sind aus den übernommenen Werten als genommen gezählt.",
    )
    return replace(u, konto=konto, hinweise=(*u.anspruch.hinweise, uebernommen, *urlaubshinweise(konto, u.name)))
