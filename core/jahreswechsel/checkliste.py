"""The year-end checklist (seed 004, 2.7.4 „Checkliste zum Jahreswechsel“, brought up to today's procedures).

Points the data can answer are derived (figures complete, Kassen confirmed, U1 level chosen); the others are ticked
by hand, per year. The seed's Lohnsteuerkarte (2.7.4 Nr. 3) is gone since ELStAM (2013) and the Jahresmeldung is due
by 15.02. today (§ 10 Abs. 1 DEÜV), not 15.04.; the Lohnsteuerbescheinigung goes to the tax office electronically
by the end of February (§ 41b Abs. 1 Satz 2 EStG).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from core.fehler import EingabeFehler
from core.jahreswechsel import kassen
from core.persistence.datenbank import Datenbank
from core.regeln import lohnsteuer, rechengroessen, tabellen
from core.regeln.rechengroessen import zahl_text
from core.stammdaten.checkliste import ChecklistenPunkt
from core.stammdaten.repository import Stammdateneinheit, einheit

Ableitung = Callable[[Stammdateneinheit, int], tuple[bool, str]]


def _rechengroessen(_e: Stammdateneinheit, jahr: int) -> tuple[bool, str]:
    stand = rechengroessen.uebersicht(jahr)
    fehlend = len({e.name for e in stand.fehlende})
    if stand.vollstaendig:
        return True, f"Alle Rechengrößen {jahr} und der Lohnsteuer-PAP sind vorhanden."
    teile = [f"{fehlend} Rechengrößen fehlen"] if fehlend else []
    if stand.pap == lohnsteuer.FEHLT:
        teile.append("der Lohnsteuer-PAP fehlt")
    return False, f"Für {jahr}: {' und '.join(teile)} (Einstellungen → Rechengrößen)."


def _kassen(e: Stammdateneinheit, jahr: int) -> tuple[bool, str]:
    staende = [kassen.stand_von(e, kid, name, jahr) for kid, name in kassen.kassen_in_gebrauch(e)]
    if not staende:
        return True, "Keine Assistenzkraft bei einer Krankenkasse außer der Minijob-Zentrale."
    offen = [f"{s.name} ({s.stand})" for s in staende if s.stand != kassen.BESTAETIGT]
    if offen:
        return False, f"Zusatzbeitrag und U1/U2 für {jahr} noch offen bei: {', '.join(offen)}."
    return True, f"Die Sätze {jahr} aller {len(staende)} Krankenkassen sind bestätigt."


def _u1(e: Stammdateneinheit, jahr: int) -> tuple[bool, str]:
    kassen_ids = [kid for kid, _ in kassen.kassen_in_gebrauch(e)]
    offen = [name for kid, name in kassen.kassen_in_gebrauch(e) if not e.krankenkassen.u1_gewaehlt(kid, jahr)]
    if not kassen_ids:
        return True, "Keine Krankenkasse mit wählbarer U1-Stufe."
    if offen:
        return False, f"U1-Stufe für {jahr} noch nicht gewählt bei: {', '.join(offen)}."
    return True, f"U1-Stufe für {jahr} bei allen Krankenkassen gewählt."


def _minijob_text(jahr: int) -> str:
    try:
        grenze = tabellen.wert("minijob_grenze_monat", date(jahr, 1, 1))
    except (tabellen.FehlenderRegelwert, tabellen.UnbekanntesJahr):
        return "Die Geringfügigkeitsgrenze des neuen Jahres ist noch nicht hinterlegt."
    return (
        f"Die Geringfügigkeitsgrenze {jahr} beträgt {zahl_text(grenze)} € (§ 8 Abs. 1a SGB IV). Prüfen Sie für "
        "jede Minijobberin, ob ihr regelmäßiges Entgelt im neuen Jahr darunter bleibt (Jahresprognose)."
    )


# (key, text, derivation or None, explanation for a manual point)
PUNKTE: tuple[tuple[str, str, Ableitung | None, str], ...] = (
    ("rechengroessen", "Rechengrößen und Lohnsteuer-PAP des neuen Jahres vollständig?", _rechengroessen, ""),
    ("kassen", "Zusatzbeitrag und U1/U2 jeder Krankenkasse für das neue Jahr bestätigt?", _kassen, ""),
    ("u1_stufe", "U1-Stufe (Erstattungssatz) für das neue Jahr gewählt?", _u1, ""),
    ("minijob_prognose", "Minijobs: Entgelt-Prognose für das neue Jahr geprüft?", None, ""),
    (
        "resturlaub",
        "Resturlaub der Assistenzkräfte ins neue Jahr übertragen?",
        None,
        "Übertragung nach § 7 Abs. 3 BUrlG (bis 31.03.); Dienstplan → Urlaub übertragen.",
    ),
    (
        "steuermerkmale",
        "Steuermerkmale (ELStAM) der Assistenzkräfte für das neue Jahr geprüft?",
        None,
        "ForseA-Ratgeber 2.7.4 Nr. 4: Steuerklasse, Kinderfreibeträge, Kirchensteuer bei Änderungen anpassen.",
    ),
    (
        "lohnsteuerbescheinigung",
        "Lohnsteuerbescheinigungen bis Ende Februar übermittelt und ausgehändigt?",
        None,
        "§ 41b Abs. 1 EStG: elektronisch bis zum letzten Tag des Februar; ein Ausdruck für die Assistenzkraft.",
    ),
    (
        "jahresmeldung",
        "Jahresmeldungen zur Sozialversicherung bis 15. Februar erstattet?",
        None,
        "§ 10 Abs. 1 DEÜV; UV-Jahresmeldung bis 16. Februar (§ 28a Abs. 2a SGB IV). Über das SV-Meldeportal.",
    ),
)
_SCHLUESSEL = {s for s, _t, _a, _e in PUNKTE}


def _haken_schluessel(jahr: int, schluessel: str) -> str:
    return f"jahreswechsel_{jahr}_{schluessel}"


def checkliste(db: Datenbank, jahr: int) -> list[ChecklistenPunkt]:
    """The year-end checklist for the change into `jahr`."""
    with einheit(db) as e:
        haken = e.checkliste.haken()
        punkte = []
        for nummer, (schluessel, text, ableitung, erklaerung) in enumerate(PUNKTE, start=1):
            zeile = haken.get(_haken_schluessel(jahr, schluessel))
            erledigt_am = zeile.erledigt_am if zeile else None
            abgeleitet, erlaeuterung = ableitung(e, jahr) if ableitung is not None else (False, erklaerung)
            if schluessel == "minijob_prognose":
                erlaeuterung = _minijob_text(jahr)
            if erledigt_am is not None:
                erlaeuterung = f"{erlaeuterung} Von Ihnen abgehakt am {erledigt_am:%d.%m.%Y}.".lstrip()
            punkte.append(
                ChecklistenPunkt(
                    schluessel=schluessel,
                    nummer=nummer,
                    text=text,
                    erledigt=abgeleitet or erledigt_am is not None,
                    automatisch=ableitung is not None,
                    erlaeuterung=erlaeuterung or "Bitte abhaken, wenn erledigt.",
                    erledigt_am=erledigt_am,
                )
            )
    return punkte


def hake_ab(db: Datenbank, jahr: int, schluessel: str, *, erledigt: bool = True, am: date | None = None) -> None:
    """A manual tick (or its removal) on the year-end checklist of `jahr`; one transaction."""
    if schluessel not in _SCHLUESSEL:
        raise EingabeFehler(f"Unbekannter Punkt der Checkliste zum Jahreswechsel: {schluessel}.")
    with einheit(db) as e:
        zeile = e.checkliste.haken_fuer(_haken_schluessel(jahr, schluessel))
        zeile.erledigt_am = (am or date.today()) if erledigt else None
