"""Every dialog of the program, built on the example household, for the tests that walk all of them (focus chain,
initial focus, 200 %). `test_jeder_dialog_steht_im_katalog` fails when a new dialog class is not listed here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QDialog

from desktop.kontext import Kontext

#: Dialog classes that are only bases of others (never shown themselves).
BASISKLASSEN = {"desktop.dienstplan.eingaben.Eingabedialog", "desktop.abrechnung.eingaben._EintragDialog"}


def _plan(kontext: Kontext) -> Any:
    from core.dienstplan import dienst

    heute = date.today()
    return dienst.monat_oeffnen(kontext.datenbank, heute.year, heute.month)


def _personen(kontext: Kontext) -> list[tuple[int, str]]:
    return [(p.id, p.name) for p in _plan(kontext).personen]


def _leistungsarten(kontext: Kontext) -> list[tuple[str, str]]:
    from core.dienstplan import dienst

    return [(la.kuerzel, f"{la.kuerzel} – {la.bezeichnung}") for la in dienst.liste_leistungsarten(kontext.datenbank)]


def _erste_schicht(kontext: Kontext) -> Any:
    return sorted(_plan(kontext).schichten, key=lambda s: s.beginn_utc)[0]


def _erste_kraft(kontext: Kontext) -> Any:
    from core.stammdaten import assistenzkraefte

    return assistenzkraefte.liste_assistenzkraefte(kontext.datenbank)[0]


def schicht_neu(k: Kontext) -> QDialog:
    from desktop.dienstplan.schicht_dialog import SchichtDialog

    return SchichtDialog(_personen(k), _plan(k).vorlagen, _leistungsarten(k), tag=date.today())


def schicht_aendern(k: Kontext) -> QDialog:
    from desktop.dienstplan.schicht_dialog import SchichtDialog

    return SchichtDialog(_personen(k), _plan(k).vorlagen, _leistungsarten(k), schicht=_erste_schicht(k))


def abwesenheit(k: Kontext) -> QDialog:
    from core.dienstplan import dienst
    from desktop.dienstplan.abwesenheit_dialog import AbwesenheitDialog

    personen = _personen(k)
    return AbwesenheitDialog(
        personen,
        lambda p, v, b: dienst.schichten_von(k.datenbank, p, v, b),
        person=personen[0][0],
        tag=date.today(),
    )


def istzeit(k: Kontext) -> QDialog:
    from desktop.dienstplan.istzeit_dialog import IstzeitDialog

    return IstzeitDialog(_erste_schicht(k), "Sabine")


def bedarf(k: Kontext) -> QDialog:
    from desktop.dienstplan.bedarf_dialog import BedarfDialog

    heute = date.today()
    return BedarfDialog(_plan(k).bedarf, _leistungsarten(k), gueltig_ab=date(heute.year, heute.month, 1))


def vorlagen(k: Kontext) -> QDialog:
    from desktop.dienstplan.vorlagen_dialog import VorlagenDialog

    return VorlagenDialog(k.datenbank, _leistungsarten(k))


def muster(k: Kontext) -> QDialog:
    from desktop.dienstplan.muster_dialog import MusterDialog

    heute = date.today()
    return MusterDialog(k.datenbank, _personen(k), date(heute.year, heute.month, 1))


def woche_kopieren(k: Kontext) -> QDialog:
    from desktop.dienstplan.kopieren_dialog import KopierenDialog

    return KopierenDialog(k.datenbank, dict(_personen(k)), woche=True, tag=date.today())


def monat_kopieren(k: Kontext) -> QDialog:
    from desktop.dienstplan.kopieren_dialog import KopierenDialog

    return KopierenDialog(k.datenbank, dict(_personen(k)), woche=False, tag=date.today())


def urlaubsuebertrag(_k: Kontext) -> QDialog:
    from desktop.dienstplan.person import UebertragDialog

    return UebertragDialog("Sabine", date.today().year, None)


def auswahl(_k: Kontext) -> QDialog:
    from desktop.dienstplan.auswahl import AuswahlDialog

    return AuswahlDialog("Schicht wählen", "&Welche Schicht?", [(1, "Sabine 07:00–14:00"), (2, "Jörg 14:00–22:00")])


def personalbogen(k: Kontext) -> QDialog:
    from desktop.personalbogen import Personalbogen

    return Personalbogen(k, _erste_kraft(k).id)


def personalbogen_neu(k: Kontext) -> QDialog:
    from desktop.personalbogen import Personalbogen

    return Personalbogen(k)


def vertrag(k: Kontext) -> QDialog:
    from core.stammdaten import vertraege
    from desktop.vertraege import VertragDialog

    return VertragDialog(k, vertraege.liste_vertraege(k.datenbank, _erste_kraft(k).id)[0], None)


def kind(_k: Kontext) -> QDialog:
    from desktop.personalbogen import _kind_bauen
    from desktop.unterliste import EintragDialog

    return EintragDialog("Kind", _kind_bauen, {}, None, None)


def u1_stufe(_k: Kontext) -> QDialog:
    from desktop.krankenkassen import StufenDialog

    return StufenDialog(None, None)


def unfallkasse(k: Kontext) -> QDialog:
    from core.stammdaten import unfallkassen
    from desktop.arbeitgeber import UnfallkasseDialog

    return UnfallkasseDialog(k, unfallkassen.liste_unfallkassen(k.datenbank)[0], None)


def ersteinrichtung(k: Kontext) -> QDialog:
    from desktop.arbeitgeber import Ersteinrichtung

    return Ersteinrichtung(k)


def kennwort_abfrage(k: Kontext) -> QDialog:
    from desktop.schutz import KennwortAbfrage

    return KennwortAbfrage(k.datenbank.pfad, "Das Kennwort öffnet die Datenbank nicht.")


def verschluesseln(_k: Kontext) -> QDialog:
    from desktop.schutz import VerschluesselnDialog

    return VerschluesselnDialog()


def kennwort_aendern(_k: Kontext) -> QDialog:
    from desktop.schutz import VerschluesselnDialog

    return VerschluesselnDialog(aendern=True)


def kalkulation_vorbelegen(_k: Kontext) -> QDialog:
    from desktop.budget.kalkulation_seite import VorbelegenDialog

    return VorbelegenDialog([])


def kalkulation_import(_k: Kontext) -> QDialog:
    from pathlib import Path

    from core.io.kalkulation_import import importiere
    from desktop.budget.kalkulation_seite import ImportVorschau

    datei = Path(__file__).resolve().parent.parent / "data" / "kalkulation" / "forsea-kalkulation-2016.xlsx"
    return ImportVorschau(importiere(datei), "Import")


def korrekturen(_k: Kontext) -> QDialog:
    from desktop.abrechnung.korrekturen import Eintrag, KorrekturenDialog

    eintrag = Eintrag(
        "03/2026",
        "1",
        "Sabine Berger",
        2,
        "18,00 €",
        "Stunden: 183.00 → 184.00",
        "offen, wird mit April 2026 verrechnet",
    )
    return KorrekturenDialog("1 offene Korrekturen; sie werden mit der Abrechnung April 2026 verrechnet.", [eintrag])


def lohneingaben(k: Kontext) -> QDialog:
    from desktop.abrechnung.eingaben import LohneingabenDialog

    return LohneingabenDialog(k, _erste_kraft(k).id)


def einmalzahlung(k: Kontext) -> QDialog:
    from core.abrechnung import erfassung
    from desktop.abrechnung.eingaben import EinmalzahlungDialog

    heute = date.today()
    daten = erfassung.EinmalzahlungDaten(_erste_kraft(k).id, heute.year, heute.month, "weihnachtsgeld", Decimal(0))
    return EinmalzahlungDialog(k, daten)


def sachbezug(k: Kontext) -> QDialog:
    from core.abrechnung import erfassung
    from desktop.abrechnung.eingaben import SachbezugDialog

    heute = date.today()
    return SachbezugDialog(k, erfassung.SachbezugDaten(_erste_kraft(k).id, heute.year, heute.month, "unterkunft"))


def vorschuss(k: Kontext) -> QDialog:
    from core.abrechnung import erfassung
    from desktop.abrechnung.eingaben import VorschussDialog

    heute = date.today()
    daten = erfassung.VorschussDaten(_erste_kraft(k).id, heute, heute.year, heute.month, Decimal(0))
    return VorschussDialog(k, daten)


def vortrag(k: Kontext) -> QDialog:
    from core.abrechnung import erfassung
    from desktop.abrechnung.eingaben import VortragDialog

    return VortragDialog(k, erfassung.VortragDaten(_erste_kraft(k).id, date.today().year), "Sabine")


def abrechnungsbeginn(k: Kontext) -> QDialog:
    from desktop.abrechnung.eingaben import AbrechnungsbeginnDialog

    return AbrechnungsbeginnDialog(k)


def rechengroessen_aenderungen(k: Kontext) -> QDialog:
    from core.jahreswechsel.werte import NEU, Aenderung, WertePruefung
    from desktop.rechengroessen import AenderungenDialog

    eintrag = {"wert": "6000", "gueltig_ab": date(2027, 1, 1), "quelle": "Testquelle"}
    aenderung = Aenderung("bbg_kv_monat", NEU, None, "6000 ab 01.01.2027")
    return AenderungenDialog(WertePruefung(2027, "werte-2027.toml", {"bbg_kv_monat": [eintrag]}, (aenderung,)))


def bewilligung(k: Kontext) -> QDialog:
    from desktop.budget.bewilligungen_seite import BewilligungDialog

    return BewilligungDialog(k, None, None)


#: name → factory; every dialog class of desktop/ appears at least once.
def erstattung_status(k: Kontext) -> QDialog:
    from core.erstattung.dienst import Erstattungsantrag
    from desktop.erstattungen import StatusDialog

    antrag = Erstattungsantrag(
        nr=1, assistenzkraft_id=1, personalnummer="1", name="Sabine Muster", verfahren="U1",
        anlass="arbeitsunfaehigkeit", kasse="AOK BW", jahr=2026, von=date(2026, 3, 10), bis=date(2026, 3, 13),
        fortgezahltes_entgelt=Decimal("512.00"), ag_anteile=Decimal(0), zuschuss_mutterschaftsgeld=Decimal(0),
        erstattungssatz=Decimal(70), erstattungsbetrag=Decimal("358.40"), status="gestellt",
        frist_bis=date(2030, 12, 31), vollstaendig=True, hinweise=(), berechnung=None,
    )  # fmt: skip
    return StatusDialog(None, k, antrag, "erstattet")


DIALOGE: dict[str, Callable[[Kontext], QDialog]] = {
    "schicht_neu": schicht_neu,
    "schicht_aendern": schicht_aendern,
    "abwesenheit": abwesenheit,
    "istzeit": istzeit,
    "bedarf": bedarf,
    "vorlagen": vorlagen,
    "muster": muster,
    "woche_kopieren": woche_kopieren,
    "monat_kopieren": monat_kopieren,
    "urlaubsuebertrag": urlaubsuebertrag,
    "auswahl": auswahl,
    "personalbogen": personalbogen,
    "personalbogen_neu": personalbogen_neu,
    "vertrag": vertrag,
    "kind": kind,
    "u1_stufe": u1_stufe,
    "unfallkasse": unfallkasse,
    "ersteinrichtung": ersteinrichtung,
    "kennwort_abfrage": kennwort_abfrage,
    "verschluesseln": verschluesseln,
    "kennwort_aendern": kennwort_aendern,
    "kalkulation_vorbelegen": kalkulation_vorbelegen,
    "kalkulation_import": kalkulation_import,
    "korrekturen": korrekturen,
    "lohneingaben": lohneingaben,
    "einmalzahlung": einmalzahlung,
    "sachbezug": sachbezug,
    "vorschuss": vorschuss,
    "vortrag": vortrag,
    "abrechnungsbeginn": abrechnungsbeginn,
    "rechengroessen_aenderungen": rechengroessen_aenderungen,
    "erstattung_status": erstattung_status,
    "bewilligung": bewilligung,
}


def dialogklassen_des_programms() -> set[str]:
    """Every QDialog subclass defined in desktop/ ("modul.Klasse"), bases excluded."""
    import importlib
    import inspect
    import pkgutil

    import desktop

    klassen: set[str] = set()
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        modul = importlib.import_module(info.name)
        for _name, klasse in inspect.getmembers(modul, inspect.isclass):
            if issubclass(klasse, QDialog) and klasse.__module__ == modul.__name__:
                klassen.add(f"{klasse.__module__}.{klasse.__qualname__}")
    return klassen - BASISKLASSEN
