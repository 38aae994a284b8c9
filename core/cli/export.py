"""`assistenzbuero export ART --db PFAD --monat JJJJ-MM --ausgabe DATEI [--assistenzkraft NAME]` (CONTRACTS §6).

The file type follows the extension (.pdf, .xlsx). Later issues add an ART with one line in `EXPORTARTEN`:
"art": "modul:funktion", where `funktion(db, jahr, monat, ziel: Path, endung: str, assistenzkraft: str | None, *,
ueberschreiben: bool)` writes the file and returns a German one-line summary. Write it with the helpers of
`core.io.excel` / `core.io.pdf` (or `core.io.ausgabe.ausgabedatei` for other types) and pass `ueberschreiben` on:
they refuse to write onto the database or an existing file without `--ueberschreiben`, and leave no half file.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler, schreibfehler
from core.io.ausgabe import pruefe_ziel, ueberschreiben_option
from core.io.pdf import kuerze
from core.persistence.datenbank import Datenbank, ziel_pfad

EXPORTARTEN: dict[str, str] = {
    "dienstplan": "core.cli.export:exportiere_dienstplan",
    "stundenzettel": "core.cli.export:exportiere_stundenzettel",
    # CONTRACTS §7: the payroll documents
    "entgeltbescheinigung": "core.io.belege_export:exportiere_entgeltbescheinigung",
    "lohnjournal": "core.io.belege_export:exportiere_lohnjournal",
    "lohnkonto": "core.io.belege_export:exportiere_lohnkonto",
    "zahlungen": "core.io.belege_export:exportiere_zahlungen",
    "erstattungsantrag": "core.erstattung.antragsblatt_export:exportiere_erstattungsantrag",  # CONTRACTS §9
    # CONTRACTS §6: reports to the authorities (issue 9)
    "beitragsnachweis": "core.meldungen.beitragsnachweis_export:exportiere_beitragsnachweis",
    "deuev": "core.meldungen.deuev_export:exportiere_deuev",
    "fristen": "core.meldungen.kalender_ics:exportiere_fristen",
    "haushaltsscheck": "core.meldungen.haushaltsscheck_export:exportiere_haushaltsscheck",
    "lohnsteuerbescheinigung": "core.meldungen.lohnsteuerbescheinigung_export:exportiere_lohnsteuerbescheinigung",
    "unfallkasse": "core.meldungen.unfallkasse_export:exportiere_unfallkasse",
    "lst-anmeldung": "core.meldungen.lohnsteuer_anmeldung_export:exportiere_lst_anmeldung",
    # CONTRACTS §10: the budget's proof for the Kostenträger (--von/--bis)
    "verwendungsnachweis": "core.io.verwendungsnachweis:exportiere_verwendungsnachweis",
}
ENDUNGEN = (".pdf", ".xlsx")
#: File types per kind where they differ from ENDUNGEN.
ENDUNGEN_JE_ART: dict[str, tuple[str, ...]] = {
    "entgeltbescheinigung": (".pdf",),
    "zahlungen": (".xml", ".pdf", ".xlsx"),
    "fristen": (".ics",),
}
#: Kinds about a whole year: they take --jahr JJJJ (the months finalised so far) instead of --monat.
JAHRESARTEN = {"lohnkonto", "fristen", "lohnsteuerbescheinigung", "unfallkasse"}
#: Kinds about a range of months: they take --von JJJJ-MM --bis JJJJ-MM; the exporter gets `zeitraum=(von, bis)`.
ZEITRAUMARTEN = {"verwendungsnachweis"}

Exporter = Callable[..., str]  # (db, jahr, monat, ziel, endung, assistenzkraft, *, ueberschreiben) -> summary


def registriere(unterbefehle: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exp = unterbefehle.add_parser(
        "export",
        description="Schreibt eine Auswertung eines Monats (lohnkonto: eines Jahres). Die Dateiart folgt der Endung "
        "von --ausgabe: .pdf oder .xlsx; Entgeltbescheinigungen nur .pdf; zahlungen .xml (SEPA-Überweisung "
        "pain.001.001.09) oder .pdf/.xlsx (Zahlungsliste). Beispiel: assistenzbuero export dienstplan --db "
        "haushalt.sqlite --monat 2026-03 --ausgabe dienstplan-2026-03.pdf",
    )
    exp.add_argument("art", metavar="ART", choices=sorted(EXPORTARTEN), help="was: " + ", ".join(sorted(EXPORTARTEN)))
    # SUPPRESS: a --db given before "export" (main parser) is not overwritten by this default.
    exp.add_argument("--db", metavar="PFAD", type=Path, default=argparse.SUPPRESS, help="Datenbankdatei")
    exp.add_argument("--monat", metavar="JJJJ-MM", default=None, help="Monat, z. B. 2026-03")
    exp.add_argument("--jahr", metavar="JJJJ", default=None, help="Jahr (nur lohnkonto), z. B. 2026")
    exp.add_argument("--von", metavar="JJJJ-MM", default=None, help="erster Monat (nur verwendungsnachweis)")
    exp.add_argument("--bis", metavar="JJJJ-MM", default=None, help="letzter Monat (nur verwendungsnachweis)")
    exp.add_argument("--ausgabe", metavar="DATEI", type=Path, required=True, help="Zieldatei (.pdf, .xlsx, .xml)")
    exp.add_argument(
        "--assistenzkraft",
        metavar="NAME",
        default=None,
        help="nur diese Assistenzkraft (Stundenzettel, Entgeltbescheinigung, Lohnkonto)",
    )
    ueberschreiben_option(exp)
    exp.set_defaults(handler=_export)


def monat_aus_text(text: str) -> tuple[int, int]:
    treffer = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if treffer is None or not 1 <= int(treffer.group(2)) <= 12:
        raise EingabeFehler(f"„{text}“ ist kein Monat. Bitte als JJJJ-MM angeben, z. B. 2026-03.")
    return int(treffer.group(1)), int(treffer.group(2))


def jahr_aus_text(text: str) -> int:
    treffer = re.fullmatch(r"\s*(\d{4})\s*", text)
    if treffer is None:
        raise EingabeFehler(f"„{text}“ ist kein Jahr. Bitte als JJJJ angeben, z. B. 2026.")
    return int(treffer.group(1))


def _zeitraum(args: argparse.Namespace) -> tuple[int, int]:
    """(jahr, monat) from --monat, or for a year's kind from --jahr (then through December)."""
    if args.art in JAHRESARTEN:
        if args.monat is not None:
            jahr, monat = monat_aus_text(args.monat)
            if args.jahr is not None and jahr_aus_text(args.jahr) != jahr:
                raise EingabeFehler("--jahr und --monat nennen verschiedene Jahre. Bitte nur eines angeben.")
            return jahr, monat
        if args.jahr is None:
            raise EingabeFehler(f"Für {args.art} bitte das Jahr angeben: --jahr JJJJ, z. B. --jahr 2026.")
        return jahr_aus_text(args.jahr), 12
    if args.jahr is not None:
        raise EingabeFehler(
            f"--jahr gilt nur für {', '.join(sorted(JAHRESARTEN))}; für {args.art} bitte --monat JJJJ-MM."
        )
    if args.monat is None:
        raise EingabeFehler(f"Für {args.art} bitte den Monat angeben: --monat JJJJ-MM, z. B. --monat 2026-03.")
    return monat_aus_text(args.monat)


def _exporter(art: str) -> Exporter:
    modul, funktion = EXPORTARTEN[art].split(":")
    exporter: Exporter = getattr(importlib.import_module(modul), funktion)
    return exporter


def _von_bis(args: argparse.Namespace) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """For a kind about a range of months: (von, bis) from --von/--bis; None for every other kind."""
    if args.art not in ZEITRAUMARTEN:
        if args.von is not None or args.bis is not None:
            raise EingabeFehler(f"--von und --bis gelten nur für {', '.join(sorted(ZEITRAUMARTEN))}.")
        return None
    if args.von is None or args.bis is None or args.monat is not None or args.jahr is not None:
        raise EingabeFehler(
            f"Für {args.art} bitte den Zeitraum angeben: --von JJJJ-MM --bis JJJJ-MM, "
            "z. B. --von 2026-01 --bis 2026-12."
        )
    return monat_aus_text(args.von), monat_aus_text(args.bis)


def _export(args: argparse.Namespace) -> int:
    von_bis = _von_bis(args)
    jahr, monat = von_bis[1] if von_bis is not None else _zeitraum(args)
    extra = {"zeitraum": von_bis} if von_bis is not None else {}
    ziel: Path = args.ausgabe.expanduser()
    endung = ziel.suffix.lower()
    erlaubt = ENDUNGEN_JE_ART.get(args.art, ENDUNGEN)
    if endung not in erlaubt:
        raise EingabeFehler(
            f"Die Ausgabedatei {ziel} hat keine bekannte Endung für {args.art}. Bitte {' oder '.join(erlaubt)} "
            "verwenden."
        )
    pfad = ziel_pfad(getattr(args, "db", None))
    pruefe_ziel(ziel, ueberschreiben=args.ueberschreiben, eingaben=[pfad])  # before any work: a clear refusal
    if not pfad.exists():
        raise EingabeFehler(f"Die Datenbank {pfad} gibt es nicht. Bitte mit --db PFAD die richtige Datei angeben.")
    from core.stammdaten.start import oeffne_zum_lesen

    # Read-only: a payroll office can export while the program window has the file open.
    with oeffne_zum_lesen(pfad) as db:
        zusammenfassung = _exporter(args.art)(
            db, jahr, monat, ziel, endung, args.assistenzkraft, ueberschreiben=args.ueberschreiben, **extra
        )
    print(zusammenfassung)
    return 0


def exportiere_dienstplan(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    from core.dienstplan.monat import monat_oeffnen

    if assistenzkraft is not None:
        raise EingabeFehler("--assistenzkraft gilt nur für Stundenzettel; der Dienstplan zeigt das ganze Team.")
    plan = monat_oeffnen(db, jahr, monat, pruefen=False)
    try:
        if endung == ".pdf":
            from core.io.dienstplan_pdf import dienstplan_pdf

            dienstplan_pdf(plan, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
        else:
            from core.io.dienstplan_xlsx import dienstplan_xlsx

            dienstplan_xlsx(plan, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from None
    return f"{plan.titel} mit {anzahl(len(plan.schichten), 'Schicht', 'Schichten')} geschrieben: {ziel}"


def exportiere_stundenzettel(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    from core.dienstplan.konten import stundenzettel_fuer

    person_id = None
    if assistenzkraft is not None:
        from core.stammdaten.assistenzkraefte import finde_assistenzkraft

        person_id = finde_assistenzkraft(db, assistenzkraft).id
    zettel = stundenzettel_fuer(db, jahr, monat, person_id)
    try:
        if endung == ".pdf":
            from core.io.dienstplan_pdf import stundenzettel_pdf

            stundenzettel_pdf(zettel, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
        else:
            from core.io.dienstplan_xlsx import stundenzettel_xlsx

            stundenzettel_xlsx(zettel, ziel, gedruckt_am=date.today(), ueberschreiben=ueberschreiben)
    except OSError as fehler:
        raise schreibfehler(ziel, fehler) from None
    wer = ", ".join(kuerze(z.name, 60) for z in zettel) or "niemand"
    return f"{len(zettel)} Stundenzettel ({wer}) geschrieben: {ziel}"
