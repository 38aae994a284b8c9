"""Bundle self-check: does every file the program loads at run time exist and work inside the frozen program?

Runs inside the built program when `ASSISTENZBUERO_SELBSTTEST=1` is set (installer/einstieg.py), and from a source
checkout with `python installer/selbsttest.py`. Prints one JSON object on stdout:
`{"ok": bool, "pruefungen": [{"name": ..., "ok": bool, "detail": ...}, ...]}`; exit code 0 only if all passed.

Each check exercises one thing freezing can lose: data files (rule tables, PAP XML, seed TOMLs, Alembic scripts,
Qt's German catalogue, holidays' and pycountry's German names, schwifty's bank registry, python-stdnum's tables),
dynamically imported modules, the time-zone data and spawned child processes. Expected values are public facts
(the IBAN example of the German banks' association, Qt's German "Abbrechen"), not output of this program.
"""

from __future__ import annotations

import json
import sys
import tempfile
import traceback
import zoneinfo
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

if not getattr(sys, "frozen", False):  # source checkout: make core/ and desktop/ importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

Pruefung = Callable[[], str]
PRUEFUNGEN: list[tuple[str, Pruefung]] = []


def pruefung(name: str) -> Callable[[Pruefung], Pruefung]:
    def eintragen(funktion: Pruefung) -> Pruefung:
        PRUEFUNGEN.append((name, funktion))
        return funktion

    return eintragen


class Abweichung(AssertionError):
    """A check found something missing or wrong."""


def erwarte(bedingung: bool, meldung: str) -> None:
    if not bedingung:
        raise Abweichung(meldung)


@pruefung("regeltabellen")
def _regeltabellen() -> str:
    from core.regeln import tabellen

    jahre = tabellen.programm_jahre()  # the shipped files; imported years are the user's
    erwarte(len(jahre) > 0, "keine Datei resources/regeln/<jahr>.toml gefunden")
    for jahr in jahre:
        erwarte(tabellen.wert("mindestlohn_stunde", date(jahr, 12, 31)) > 0, f"Mindestlohn {jahr} fehlt")
    return f"Jahre {', '.join(map(str, jahre))}"


@pruefung("lohnsteuer_pap")
def _pap() -> str:
    from core.regeln import lohnsteuer

    jahre = lohnsteuer.unterstuetzte_jahre()
    erwarte(len(jahre) > 0, "keine Datei resources/pap/<jahr>/pap.xml gefunden")
    for jahr in jahre:
        ergebnis = lohnsteuer.berechne_pap(jahr, {"LZZ": 2, "RE4": 300000, "STKL": 1})
        erwarte("LSTLZZ" in ergebnis, f"PAP {jahr} liefert kein LSTLZZ")
    return f"Jahre {', '.join(map(str, jahre))}"


@pruefung("datenbank_migration")
def _datenbank() -> str:
    from core.persistence import migration
    from core.stammdaten import start

    with tempfile.TemporaryDirectory() as ordner:
        db = start.oeffne(Path(ordner) / "pruefung.sqlite")  # back up, migrate to head, seed Kassen from TOMLs
        try:
            with db.engine.connect() as verbindung:
                revision = migration.aktuelle_revision(verbindung)
        finally:
            db.schliessen()
    koepfe = migration.kopf_revisionen()
    erwarte(revision in koepfe, f"Revision {revision} ist nicht der Kopf {koepfe}")
    return f"Revision {revision}"


@pruefung("verschluesselung")
def _verschluesselung() -> str:
    """SQLCipher (the sqlcipher3 wheel's bundled library) is in the bundle: an encrypted file can be made and read."""
    from core.persistence.datenbank import Datenbank
    from core.persistence.verbindung import ist_verschluesselt

    with tempfile.TemporaryDirectory() as ordner:
        pfad = Path(ordner) / "pruefung.sqlite"
        with Datenbank.oeffnen(pfad, kennwort="Selbsttest-Kennwort") as db, db.engine.connect() as verbindung:
            version = verbindung.exec_driver_sql("PRAGMA cipher_version").scalar()
        erwarte(ist_verschluesselt(pfad), "die Datenbank wurde nicht verschlüsselt")
    return f"SQLCipher {version}"


@pruefung("feiertage_deutsch")
def _feiertage() -> str:
    from core.domain import kalender

    name = kalender.feiertag("BE", date(2026, 12, 25)) or ""
    erwarte("Weihnacht" in name, f"25.12. heißt „{name}“ (deutscher Katalog von holidays fehlt?)")
    return name


@pruefung("staaten_deutsch")
def _staaten() -> str:
    from core.domain import staaten

    staaten.staaten.cache_clear()
    name = staaten.staatsname("FR")
    erwarte(name == "Frankreich", f"FR heißt „{name}“ (deutscher Katalog von pycountry fehlt?)")
    return name


@pruefung("iban_bic_steuer_id")
def _kennungen() -> str:
    from core.domain import kennungen

    iban = "DE89370400440532013000"  # the published example IBAN (Commerzbank, BLZ 370 400 44)
    erwarte(kennungen.pruefe_iban(iban) is None, "Beispiel-IBAN wird abgelehnt")
    bic = kennungen.bic_zur_iban(iban)
    erwarte(bic == "COBADEFFXXX", f"BIC zur Beispiel-IBAN ist {bic} (Bankverzeichnis von schwifty fehlt?)")
    erwarte(kennungen.pruefe_steuer_id("36574261809") is None, "Beispiel-Steuer-ID wird abgelehnt (python-stdnum)")
    return f"BIC {bic}"


@pruefung("zeitzone")
def _zeitzone() -> str:
    from core.domain.zeit import BERLIN

    sommer = datetime(2026, 7, 1, 12, tzinfo=BERLIN).utcoffset()
    winter = datetime(2026, 1, 1, 12, tzinfo=BERLIN).utcoffset()
    erwarte((sommer, winter) == (timedelta(hours=2), timedelta(hours=1)), f"Europe/Berlin: {sommer}, {winter}")
    # where the OS has no time zone database (Windows), zoneinfo falls back to the tzdata package: the bundle keeps
    # its Europe/Berlin only, so load it from there, as Windows would
    zoneinfo.reset_tzpath(to=[])
    try:
        paket = zoneinfo.ZoneInfo.no_cache("Europe/Berlin")
    finally:
        zoneinfo.reset_tzpath()
    sommer = datetime(2026, 7, 1, 12, tzinfo=paket).utcoffset()
    erwarte(sommer == timedelta(hours=2), f"Europe/Berlin aus dem Paket tzdata: {sommer}")
    return f"Europe/Berlin {datetime.now(UTC).astimezone(BERLIN):%Z}, auch aus tzdata"


@pruefung("zahlen_deutsch")
def _zahlen() -> str:
    """Babel's de_DE data (the bundle keeps only de_DE, de and root of its 1,149 locales)."""
    from core.domain import zahlen

    betrag = zahlen.format_eur(Decimal("1234.5"))
    erwarte(betrag == "1.234,50\u00a0€", f"1234.5 € wird „{betrag}“ geschrieben (Babel-Daten für de_DE fehlen?)")
    gelesen = zahlen.lies_zahl("1.234,56")
    erwarte(gelesen == Decimal("1234.56"), f"„1.234,56“ wird als {gelesen} gelesen")
    tage = zahlen.anzahl(1, "Tag", "Tage"), zahlen.anzahl(3, "Tag", "Tage")
    erwarte(tage == ("1 Tag", "3 Tage"), f"Mehrzahl: {tage}")
    return f"{betrag}, {tage[1]}"


@pruefung("silbentrennung_deutsch")
def _silbentrennung() -> str:
    """pyphen's German patterns (the bundle keeps only hyph_de_DE.dic of its 84 files): long column titles are
    hyphenated with them and would otherwise only break at spaces, silently."""
    import pyphen

    getrennt = pyphen.Pyphen(lang="de_DE").inserted("Arbeitgeberkosten")
    erwarte(getrennt == "Ar-beit-ge-ber-kos-ten", f"„Arbeitgeberkosten“ getrennt als „{getrennt}“")  # Duden
    return getrennt


@pruefung("tabellen_und_pdf")
def _dateien() -> str:
    import openpyxl
    import python_calamine
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    with tempfile.TemporaryDirectory() as ordner:
        xlsx = Path(ordner) / "probe.xlsx"
        mappe = openpyxl.Workbook()
        mappe.active.append(["Stundensatz", "13,90 €"])  # type: ignore[union-attr]
        mappe.save(xlsx)
        zeilen = python_calamine.CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
        erwarte(zeilen == [["Stundensatz", "13,90 €"]], f"xlsx gelesen: {zeilen}")
        pdf = Path(ordner) / "probe.pdf"
        leinwand = Canvas(str(pdf), pagesize=A4)
        leinwand.setFont("Helvetica", 12)
        leinwand.drawString(72, 720, "Größe: 1.234,56 €")
        leinwand.save()
        erwarte(pdf.read_bytes().startswith(b"%PDF"), "reportlab schreibt kein PDF")
    return "openpyxl, python-calamine, reportlab"


def _kind(ausgang: object) -> None:
    ausgang.put("kind lebt")  # type: ignore[attr-defined]


@pruefung("kindprozess")
def _kindprozess() -> str:
    import multiprocessing

    kontext = multiprocessing.get_context("spawn")  # as core.io.kalkulation_import reads spreadsheets
    ausgang = kontext.Queue()
    prozess = kontext.Process(target=_kind, args=(ausgang,), daemon=True)
    prozess.start()
    try:
        antwort = ausgang.get(timeout=60)
    finally:
        prozess.join(10)
        if prozess.is_alive():
            prozess.kill()
    erwarte(antwort == "kind lebt", f"Kindprozess antwortet {antwort!r}")
    return "spawn"


@pruefung("qt_deutsch_und_plugins")
def _qt() -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    from desktop.i18n import installiere_uebersetzungen

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    erwarte(installiere_uebersetzungen(app), "Qt-Übersetzung qtbase_de.qm nicht gefunden")
    abbrechen = QCoreApplication.translate("QPlatformTheme", "Cancel")
    erwarte(abbrechen == "Abbrechen", f"Qt übersetzt Cancel als „{abbrechen}“")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plattform = {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb")
    gefunden = sorted(p.stem for p in (plugins / "platforms").glob("*"))
    erwarte(any(plattform in name for name in gefunden), f"Plattform-Plugin {plattform} fehlt in {plugins}")
    return f"qtbase_de, Plattformen: {', '.join(gefunden)}"


@pruefung("befehle_und_bereiche")
def _dynamische_module() -> str:
    import importlib

    from core.cli import BEFEHLSMODULE, build_parser
    from core.persistence.modelle_registry import MODELLMODULE

    build_parser([], alle=True)  # imports every command module
    fabriken = [*BEFEHLSMODULE, *MODELLMODULE]
    from core.cli.export import EXPORTARTEN
    from desktop.bereiche import BEREICHE

    fabriken += [eintrag.partition(":")[0] for eintrag in EXPORTARTEN.values()]
    fabriken += [b.fabrik.partition(":")[0] for b in BEREICHE if b.fabrik]
    from desktop.uebersicht import KURZINFOS_OBEN, KURZINFOS_UNTEN

    fabriken += [eintrag.partition(":")[0] for eintrag in (*KURZINFOS_OBEN, *KURZINFOS_UNTEN)]
    for modul in fabriken:
        importlib.import_module(modul)
    return f"{len(set(fabriken))} per Name geladene Module"


def fuehre_aus(namen: set[str] | None = None) -> list[dict[str, object]]:
    ergebnisse: list[dict[str, object]] = []
    for name, funktion in PRUEFUNGEN:
        if namen is not None and name not in namen:
            continue
        try:
            ergebnisse.append({"name": name, "ok": True, "detail": funktion()})
        except Exception as fehler:
            detail = f"{type(fehler).__name__}: {fehler}"
            if not isinstance(fehler, Abweichung):
                detail += "\n" + traceback.format_exc(limit=-3)
            ergebnisse.append({"name": name, "ok": False, "detail": detail})
    return ergebnisse


def main() -> int:
    ergebnisse = fuehre_aus()
    alle_ok = all(e["ok"] for e in ergebnisse)
    print(json.dumps({"ok": alle_ok, "pruefungen": ergebnisse}, ensure_ascii=False, indent=1), flush=True)
    return 0 if alle_ok else 1


if __name__ == "__main__":
    sys.exit(main())
