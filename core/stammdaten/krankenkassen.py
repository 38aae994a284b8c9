"""Krankenkassen with their yearly rates (Zusatzbeitrag, U1 levels with the chosen one, U2); all editable.

GUI: `liste_krankenkassen(db)` → list of `KrankenkasseDaten` (with `.jahre`, each with `.u1_stufen`);
`speichere_krankenkasse(db, daten)` saves a Kasse with all its years and levels in one transaction (raises
`FeldFehler`, keys like "jahre[0].u1_stufen[1].umlage_prozent"); `waehle_u1_stufe(db, kasse_id, jahr, stufe_id)`
records the employer's choice; `uebernimm_jahr(db, kasse_id, von, nach)` carries a year forward.
Payroll reads `saetze(db, kasse_id, jahr)`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.orm import Session

from core.domain.kalender import BUNDESLAENDER
from core.domain.kennungen import kompakt, pruefe_betriebsnummer
from core.fehler import EingabeFehler
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import KassenJahr, Krankenkasse, U1Stufe
from core.regeln.tabellen import FehlenderRegelwert, regelwert, unterstuetzte_jahre
from core.ressourcen import ressource
from core.stammdaten._abbildung import aus_modell, melde, merke, nach_unterliste, pflicht, prozent_im_bereich
from core.stammdaten.repository import KrankenkassenRepository, einheit


@dataclass(slots=True)
class U1StufeDaten:
    umlage_prozent: Decimal
    erstattung_prozent: Decimal
    ag_anteile_erstattet: bool = False
    gewaehlt: bool = False
    id: int | None = None


@dataclass(slots=True)
class KassenJahrDaten:
    jahr: int
    zusatzbeitrag_prozent: Decimal | None = None
    u2_prozent: Decimal | None = None
    u2_erstattung_prozent: Decimal = Decimal(100)
    u1_stufen: list[U1StufeDaten] = field(default_factory=list)
    u2_bv_erstattung_prozent: Decimal | None = None  # None: as u2_erstattung_prozent
    u2_ag_anteile_erstattet: bool = True  # False: the employer's shares are settled by the U2 rate (pauschal)
    quelle: str = ""
    id: int | None = None

    @property
    def gewaehlte_u1_stufe(self) -> U1StufeDaten | None:
        return next((s for s in self.u1_stufen if s.gewaehlt), None)


@dataclass(slots=True)
class KrankenkasseDaten:
    name: str = ""
    betriebsnummer: str = ""
    ist_minijob_zentrale: bool = False
    anschrift: str = ""
    notiz: str = ""
    vorbelegt: bool = False
    jahre: list[KassenJahrDaten] = field(default_factory=list)
    id: int | None = None
    sitz_land: str = ""  # Bundesland of the head office (its holidays count for the due dates); "" unknown

    def jahr(self, jahr: int) -> KassenJahrDaten | None:
        return next((j for j in self.jahre if j.jahr == jahr), None)


def pruefe_krankenkasse(daten: KrankenkasseDaten) -> dict[str, str]:
    fehler: dict[str, str] = {}
    pflicht(fehler, "name", daten.name, "den Namen der Krankenkasse")
    if daten.betriebsnummer.strip():
        merke(fehler, "betriebsnummer", pruefe_betriebsnummer(daten.betriebsnummer))
    if daten.sitz_land and daten.sitz_land not in BUNDESLAENDER:
        fehler["sitz_land"] = f"Unbekanntes Bundesland „{daten.sitz_land}“: bitte aus der Liste wählen."
    gesehen: set[int] = set()
    for i, jahr in enumerate(daten.jahre):
        wo = f"jahre[{i}]"
        if not 2000 <= jahr.jahr <= 2100:
            fehler[f"{wo}.jahr"] = f"Das Jahr {jahr.jahr} ist nicht plausibel."
        if jahr.jahr in gesehen:
            fehler[f"{wo}.jahr"] = f"Das Jahr {jahr.jahr} steht doppelt da."
        gesehen.add(jahr.jahr)
        prozent_im_bereich(
            fehler, f"{wo}.zusatzbeitrag_prozent", jahr.zusatzbeitrag_prozent, "Zusatzbeitrag", hoechstens=10
        )
        prozent_im_bereich(fehler, f"{wo}.u2_prozent", jahr.u2_prozent, "Umlagesatz U2", hoechstens=10)
        prozent_im_bereich(fehler, f"{wo}.u2_erstattung_prozent", jahr.u2_erstattung_prozent, "Erstattung U2")
        if jahr.u2_bv_erstattung_prozent is not None:
            prozent_im_bereich(
                fehler,
                f"{wo}.u2_bv_erstattung_prozent",
                jahr.u2_bv_erstattung_prozent,
                "Erstattung U2 bei Beschäftigungsverbot",
                hoechstens=200,
            )
        if sum(1 for s in jahr.u1_stufen if s.gewaehlt) > 1:
            fehler[f"{wo}.u1_stufen"] = f"Für {jahr.jahr} kann nur eine U1-Stufe gewählt sein."
        for k, stufe in enumerate(jahr.u1_stufen):
            prozent_im_bereich(
                fehler, f"{wo}.u1_stufen[{k}].umlage_prozent", stufe.umlage_prozent, "Umlagesatz U1", hoechstens=10
            )
            prozent_im_bereich(
                fehler, f"{wo}.u1_stufen[{k}].erstattung_prozent", stufe.erstattung_prozent, "Erstattung U1"
            )
    return fehler


def _daten(zeile: Krankenkasse) -> KrankenkasseDaten:
    jahre = [
        aus_modell(KassenJahrDaten, j, u1_stufen=[aus_modell(U1StufeDaten, s) for s in j.u1_stufen])
        for j in zeile.jahre
    ]
    return aus_modell(KrankenkasseDaten, zeile, jahre=jahre)


def liste_krankenkassen(db: Datenbank) -> list[KrankenkasseDaten]:
    """All Kassen, the Minijob-Zentrale first, then by name."""
    with einheit(db) as e:
        kassen = [_daten(z) for z in e.krankenkassen.alle()]
    return sorted(kassen, key=lambda k: (not k.ist_minijob_zentrale, k.name.casefold()))


def lade_krankenkasse(db: Datenbank, kassen_id: int) -> KrankenkasseDaten:
    with einheit(db) as e:
        zeile = e.krankenkassen.mit_id(kassen_id)
        if zeile is None:
            raise EingabeFehler("Diese Krankenkasse gibt es nicht (mehr).")
        return _daten(zeile)


def speichere_krankenkasse(db: Datenbank, daten: KrankenkasseDaten) -> KrankenkasseDaten:
    """Insert or update a Kasse with exactly the years and U1 levels given (others of this Kasse are removed)."""
    fehler = pruefe_krankenkasse(daten)
    with einheit(db) as e:
        doppelt = e.krankenkassen.id_mit_namen(daten.name)
        if doppelt is not None and doppelt != daten.id:
            fehler["name"] = f"Eine Krankenkasse „{daten.name.strip()}“ gibt es schon."
        melde(fehler)
        if daten.id is None:
            zeile = Krankenkasse(name=daten.name.strip())
            e.krankenkassen.fuege_hinzu(zeile)
        else:
            gefunden = e.krankenkassen.mit_id(daten.id)
            if gefunden is None:
                raise EingabeFehler("Diese Krankenkasse gibt es nicht (mehr).")
            zeile = gefunden
        zeile.name = daten.name.strip()
        zeile.betriebsnummer = kompakt(daten.betriebsnummer)
        zeile.ist_minijob_zentrale = daten.ist_minijob_zentrale
        zeile.anschrift = daten.anschrift
        zeile.notiz = daten.notiz
        zeile.sitz_land = daten.sitz_land
        _setze_jahre(zeile, daten.jahre)
        e.krankenkassen.lade_neu(zeile)
        return _daten(zeile)


def _setze_jahre(zeile: Krankenkasse, jahre: list[KassenJahrDaten]) -> None:
    zeile.jahre = nach_unterliste(zeile.jahre, jahre, KassenJahr, ausser=("id", "u1_stufen"))
    for ziel, jahr in zip(zeile.jahre, jahre, strict=True):
        ziel.u1_stufen = nach_unterliste(ziel.u1_stufen, jahr.u1_stufen, U1Stufe)


def waehle_u1_stufe(db: Datenbank, kassen_id: int, jahr: int, stufe_id: int | None) -> None:
    """Record the employer's U1 choice for a Kasse and year (None clears it)."""
    with einheit(db) as e:
        kassen_jahr = e.krankenkassen.jahr(kassen_id, jahr)
        if kassen_jahr is None:
            raise EingabeFehler(f"Für {jahr} sind bei dieser Krankenkasse noch keine Sätze eingetragen.")
        ids = {s.id for s in kassen_jahr.u1_stufen}
        if stufe_id is not None and stufe_id not in ids:
            raise EingabeFehler("Diese U1-Stufe gehört nicht zu der Krankenkasse und dem Jahr.")
        for stufe in kassen_jahr.u1_stufen:
            stufe.gewaehlt = stufe.id == stufe_id


def uebernimm_jahr(db: Datenbank, kassen_id: int, von_jahr: int, nach_jahr: int) -> KassenJahrDaten:
    """Copy a year's rates and levels (including the choice) to another year, to be edited there."""
    with einheit(db) as e:
        alle = e.krankenkassen.jahre(kassen_id)
        if von_jahr not in alle:
            raise EingabeFehler(f"Für {von_jahr} sind bei dieser Krankenkasse keine Sätze eingetragen.")
        if nach_jahr in alle:
            raise EingabeFehler(f"Für {nach_jahr} sind schon Sätze eingetragen; bitte dort bearbeiten.")
        neu = kopiere_jahr(alle[von_jahr], nach_jahr)
        e.krankenkassen.fuege_hinzu(neu)
        e.flush()
        return aus_modell(KassenJahrDaten, neu, u1_stufen=[aus_modell(U1StufeDaten, s) for s in neu.u1_stufen])


# The mark a carried-forward year keeps until the user confirms its rates (core.jahreswechsel.kassen).
BITTE_PRUEFEN = "bitte prüfen"
# The mark of rates that are examples (the demo household's), not checked at the Kasse: the payroll says so.
BEISPIELWERT = "Beispielwert"


def kopiere_jahr(quelle: KassenJahr, nach_jahr: int) -> KassenJahr:
    """A new year row with the rates, levels and choice of `quelle`, marked „bitte prüfen“ (not yet added)."""
    von_jahr = quelle.jahr
    return KassenJahr(
        krankenkasse_id=quelle.krankenkasse_id,
        jahr=nach_jahr,
        zusatzbeitrag_prozent=quelle.zusatzbeitrag_prozent,
        u2_prozent=quelle.u2_prozent,
        u2_erstattung_prozent=quelle.u2_erstattung_prozent,
        u2_bv_erstattung_prozent=quelle.u2_bv_erstattung_prozent,
        u2_ag_anteile_erstattet=quelle.u2_ag_anteile_erstattet,
        quelle=f"aus {von_jahr} übernommen – {BITTE_PRUEFEN}",
        u1_stufen=[
            U1Stufe(
                umlage_prozent=s.umlage_prozent,
                erstattung_prozent=s.erstattung_prozent,
                ag_anteile_erstattet=s.ag_anteile_erstattet,
                gewaehlt=s.gewaehlt,
            )
            for s in quelle.u1_stufen
        ],
    )


def saetze(db: Datenbank, kassen_id: int, jahr: int) -> KassenJahrDaten | None:
    """The rates of a Kasse in a year (None when not entered): what payroll and U1/U2 claims use."""
    kasse = lade_krankenkasse(db, kassen_id)
    return kasse.jahr(jahr)


def loesche_krankenkasse(db: Datenbank, kassen_id: int) -> None:
    with einheit(db) as e:
        zeile = e.krankenkassen.zeile(kassen_id)
        if zeile is None:
            return
        benutzt = e.assistenzkraefte.anzahl_bei_kasse(kassen_id)
        if benutzt:
            raise EingabeFehler(
                f"Die Krankenkasse „{zeile.name}“ ist bei {benutzt} Assistenzkraft/-kräften eingetragen und kann "
                "nicht gelöscht werden. Bitte tragen Sie dort zuerst eine andere Kasse ein."
            )
        e.krankenkassen.entferne(zeile)


def lege_vorgaben_an(sitzung: Session) -> int:
    """Insert the Kassen of resources/regeln/krankenkassen.toml (Minijob-Zentrale from the year tables)."""
    with ressource("regeln", "krankenkassen.toml").open("rb") as datei:
        tabelle = tomllib.load(datei)
    for eintrag in tabelle["kasse"]:
        kasse = Krankenkasse(
            name=eintrag["name"],
            betriebsnummer=eintrag.get("betriebsnummer", ""),
            ist_minijob_zentrale=bool(eintrag.get("ist_minijob_zentrale", False)),
            anschrift=eintrag.get("anschrift", ""),
            notiz=eintrag.get("notiz", ""),
            sitz_land=eintrag.get("sitz_land", ""),
            vorbelegt=True,
        )
        if eintrag.get("aus_regeln"):
            kasse.jahre = _jahre_aus_regeln()
        else:
            kasse.jahre = [_jahr_aus_eintrag(j) for j in eintrag.get("jahr", [])]
        sitzung.add(kasse)
    return len(tabelle["kasse"])


def ergaenze_regeljahre(sitzung: Session) -> list[int]:
    """Add years that the rule tables gained since (e.g. 2027) to the Minijob-Zentrale; edited years stay."""
    neu: list[int] = []
    for kasse in KrankenkassenRepository(sitzung).minijob_zentralen():
        fehlend = set(unterstuetzte_jahre()) - {j.jahr for j in kasse.jahre}
        if not fehlend:  # the usual start: nothing to read from the rule tables
            continue
        for jahr in _jahre_aus_regeln(fehlend):
            kasse.jahre.append(jahr)
            neu.append(jahr.jahr)
    return neu


def _jahr_aus_eintrag(eintrag: dict[str, object]) -> KassenJahr:
    stufen = eintrag.get("u1", [])
    if not isinstance(stufen, list):
        raise ValueError(f"resources/regeln/krankenkassen.toml: „u1“ muss eine Liste sein, nicht {stufen!r}.")
    return KassenJahr(
        jahr=int(str(eintrag["jahr"])),
        zusatzbeitrag_prozent=_prozent(eintrag.get("zusatzbeitrag_prozent")),
        u2_prozent=_prozent(eintrag.get("u2_prozent")),
        u2_erstattung_prozent=Decimal(str(eintrag.get("u2_erstattung_prozent", "100"))),
        u2_bv_erstattung_prozent=_prozent(eintrag.get("u2_bv_erstattung_prozent")),
        u2_ag_anteile_erstattet=bool(eintrag.get("u2_ag_anteile", True)),
        quelle=str(eintrag.get("quelle", "")),
        u1_stufen=[
            U1Stufe(
                umlage_prozent=Decimal(str(s["umlage"])),
                erstattung_prozent=Decimal(str(s["erstattung"])),
                ag_anteile_erstattet=bool(s.get("ag_anteile", False)),
            )
            for s in stufen
        ],
    )


def _prozent(wert: object) -> Decimal | None:
    return None if wert is None else Decimal(str(wert))


def _jahre_aus_regeln(nur: set[int] | None = None) -> list[KassenJahr]:
    """Minijob-Zentrale: one fixed U1 level (chosen, as there is no choice) and U2 per year table (`nur`: these)."""
    from datetime import date

    jahre: list[KassenJahr] = []
    for jahr in unterstuetzte_jahre():
        if nur is not None and jahr not in nur:
            continue
        stichtag = date(jahr, 1, 1)
        try:
            u1 = regelwert("minijob_u1_prozent", stichtag)
            u1_erstattung = regelwert("minijob_u1_erstattung_prozent", stichtag)
            u2 = regelwert("minijob_u2_prozent", stichtag)
            u2_erstattung = regelwert("minijob_u2_erstattung_prozent", stichtag)
        except FehlenderRegelwert:
            continue  # the year table is not complete yet (e.g. 2027): the user adds the year when known
        jahre.append(
            KassenJahr(
                jahr=jahr,
                u2_prozent=u2.wert,
                u2_erstattung_prozent=u2_erstattung.wert,
                quelle=f"{u1.quelle}; {u2.quelle}",
                u1_stufen=[
                    U1Stufe(
                        umlage_prozent=u1.wert,
                        erstattung_prozent=u1_erstattung.wert,
                        ag_anteile_erstattet=False,
                        gewaehlt=True,
                    )
                ],
            )
        )
    return jahre
