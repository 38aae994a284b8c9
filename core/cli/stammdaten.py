"""Subcommands for master data: `sicherung liste|anlegen|wiederherstellen`, `auskunft`, `personalbogen`, `loeschen`."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.domain.zahlen import anzahl
from core.fehler import EingabeFehler, vorhanden
from core.io.ausgabe import pruefe_ziel, ueberschreiben_option
from core.persistence.datenbank import Datenbank, stelle_wieder_her, ziel_pfad
from core.persistence.sicherung import sicherungen


def _db_pfad(args: argparse.Namespace) -> Path:
    return ziel_pfad(args.db)


def _oeffne(args: argparse.Namespace, *, nur_lesen: bool = False) -> Datenbank:
    """Open the household database named by --db (or the default) without creating a new one by accident.

    `nur_lesen`: for commands that only read (Auskunft, Personalbogen) — works while the window has the file open.
    """
    from core.stammdaten.start import oeffne, oeffne_zum_lesen

    pfad = _db_pfad(args)
    if not pfad.exists():
        raise EingabeFehler(f"Die Datenbank {pfad} gibt es nicht. Bitte mit --db PFAD die richtige Datei angeben.")
    return oeffne_zum_lesen(pfad) if nur_lesen else oeffne(pfad)


def registriere(unterbefehle: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    auskunft = unterbefehle.add_parser(
        "auskunft",
        description="Schreibt eine JSON-Datei mit allen gespeicherten Angaben und den ausgefüllten Personalbogen.",
    )
    auskunft.add_argument("name", metavar="NAME", help="Name der Assistenzkraft, z. B. „Sabine Muster“")
    auskunft.add_argument("--ausgabe", type=Path, default=Path("."), metavar="ORDNER", help="Zielordner (Standard: .)")
    ueberschreiben_option(auskunft)
    auskunft.set_defaults(handler=_auskunft)

    bogen = unterbefehle.add_parser(
        "personalbogen",
        description="Ohne --assistenzkraft entsteht der leere Vordruck.",
    )
    bogen.add_argument("--ausgabe", type=Path, required=True, metavar="DATEI.pdf", help="PDF-Datei")
    bogen.add_argument("--assistenzkraft", metavar="NAME", help="Name der Assistenzkraft (ausgefüllter Bogen)")
    ueberschreiben_option(bogen)
    bogen.set_defaults(handler=_personalbogen)

    loeschen = unterbefehle.add_parser(
        "loeschen",
        description="Löscht nur Bewerberinnen ohne Arbeitsvertrag; Lohnunterlagen Beschäftigter müssen bleiben.",
    )
    loeschen.add_argument("name", metavar="NAME", help="Name der Bewerberin")
    loeschen.add_argument("--ja", action="store_true", help="Löschen bestätigen (sonst wird nur geprüft)")
    loeschen.set_defaults(handler=_loeschen)

    sicherung = unterbefehle.add_parser(
        "sicherung",
        description="Bei jedem Start legt Assistenzbüro eine Sicherung an (die letzten werden behalten).",
    )
    aktionen = sicherung.add_subparsers(
        dest="aktion", metavar="AKTION", required=True, parser_class=type(sicherung), title="Aktionen"
    )
    liste = aktionen.add_parser("liste", help="vorhandene Sicherungen anzeigen, neueste zuerst")
    liste.set_defaults(handler=_sicherung_liste)
    anlegen = aktionen.add_parser("anlegen", help="jetzt eine Sicherung anlegen")
    anlegen.set_defaults(handler=_sicherung_anlegen)
    zurueck = aktionen.add_parser(
        "wiederherstellen",
        help="eine Sicherung zurückspielen (Standard: die neueste); die bisherige Datei wird beiseitegelegt",
    )
    zurueck.add_argument("datei", nargs="?", type=Path, metavar="SICHERUNG", help="Sicherungsdatei (Standard: neueste)")
    zurueck.set_defaults(handler=_sicherung_wiederherstellen)

    verschluesseln = unterbefehle.add_parser(
        "verschluesseln",
        description="Verschlüsselt die Datenbank und alle ihre Sicherungen mit einem Kennwort (SQLCipher); vorher "
        "wird eine geprüfte Sicherung angelegt. Das neue Kennwort wird am Terminal zweimal abgefragt (ohne Terminal: "
        "Umgebungsvariable ASSISTENZBUERO_PASSWORT). Ohne das Kennwort sind die Daten verloren.",
    )
    verschluesseln.set_defaults(handler=_verschluesseln)

    entschluesseln = unterbefehle.add_parser(
        "entschluesseln",
        description="Hebt die Verschlüsselung auf: die Datenbank und ihre Sicherungen werden wieder gewöhnliche "
        "SQLite-Dateien (z. B. um sie einem Lohnbüro zu geben); vorher wird eine geprüfte Sicherung angelegt. Das "
        "Kennwort wird am Terminal abgefragt (ohne Terminal: Umgebungsvariable ASSISTENZBUERO_PASSWORT). Danach "
        "schützt nur noch die Anmeldung am Computer die Daten.",
    )
    entschluesseln.set_defaults(handler=_entschluesseln)


def _neues_kennwort() -> str:
    """Twice at a terminal; without one (batch) from ASSISTENZBUERO_PASSWORT. Checked like the window does."""
    import getpass
    import os
    import sys

    from core.persistence.schutz import UMGEBUNG_KENNWORT, kennwort_hinweis, kennwort_pruefen

    if sys.stdin.isatty():
        kennwort = getpass.getpass("Neues Kennwort: ")
        wiederholung = getpass.getpass("Kennwort wiederholen: ")
    else:
        kennwort = wiederholung = os.environ.get(UMGEBUNG_KENNWORT, "")
        if not kennwort:
            raise EingabeFehler(
                f"Ohne Terminal wird das neue Kennwort aus der Umgebungsvariable {UMGEBUNG_KENNWORT} gelesen; "
                "sie ist nicht gesetzt."
            )
    grund = kennwort_pruefen(kennwort, wiederholung)
    if grund is not None:
        raise EingabeFehler(grund)
    print(f"Stärke des Kennworts: {kennwort_hinweis(kennwort)}")
    return kennwort


def _verschluesseln(args: argparse.Namespace) -> int:
    from core.persistence.schutz import verschluessele

    pfad = ziel_pfad(_db_pfad(args))
    ergebnis = verschluessele(pfad, _neues_kennwort())
    print(
        f"Die Datenbank {pfad} und {anzahl(ergebnis.sicherungen_verschluesselt, 'Sicherung', 'Sicherungen')} sind "
        "jetzt verschlüsselt."
    )
    for rest in ergebnis.sicherungen_nicht_verschluesselt:
        print(f"Nicht lesbar, daher unverschlüsselt geblieben: {rest}")
    print("Bewahren Sie das Kennwort sicher auf: ohne es lassen sich die Daten nicht mehr öffnen.")
    return 0


def _entschluesseln(args: argparse.Namespace) -> int:
    from core.persistence.schutz import entschluessele

    pfad = ziel_pfad(_db_pfad(args))
    ergebnis = entschluessele(pfad)
    print(
        f"Die Datenbank {pfad} und "
        f"{anzahl(ergebnis.sicherungen_entschluesselt, 'Sicherung', 'Sicherungen')} sind nicht mehr verschlüsselt; "
        "nur noch die Anmeldung am Computer schützt sie."
    )
    for rest in ergebnis.sicherungen_verschluesselt_geblieben:
        print(f"Mit einem anderen Kennwort verschlüsselt oder nicht lesbar, daher unverändert: {rest}")
    return 0


def _sicherung_liste(args: argparse.Namespace) -> int:
    pfad = _db_pfad(args)
    vorhandene = sicherungen(pfad)
    if not vorhandene:
        print(f"Für {pfad} gibt es noch keine Sicherung.")
        return 0
    print(f"Sicherungen von {pfad} (neueste zuerst):")
    for s in vorhandene:
        print(f"  {s.zeitpunkt:%d.%m.%Y %H:%M:%S}  {s.groesse_bytes // 1024:>6} KB  {s.pfad}")
    return 0


def _sicherung_anlegen(args: argparse.Namespace) -> int:
    with Datenbank.oeffnen(_db_pfad(args)) as db:
        if db.letzte_sicherung is None:
            print("Die Datenbank ist noch leer; es gibt nichts zu sichern.")
        else:
            print(f"Sicherung angelegt: {db.letzte_sicherung.pfad}")
    return 0


def _sicherung_wiederherstellen(args: argparse.Namespace) -> int:
    pfad = _db_pfad(args)
    if args.datei is not None and not args.datei.is_file():
        raise EingabeFehler(f"Die Sicherungsdatei {args.datei} gibt es nicht. Liste: assistenzbuero sicherung liste")
    beiseite = stelle_wieder_her(pfad, args.datei)
    print(f"Die Sicherung wurde nach {pfad} zurückgespielt.")
    if beiseite is not None:
        print(f"Die bisherige Datei liegt unverändert unter {beiseite}.")
    return 0


def _auskunft(args: argparse.Namespace) -> int:
    from core.io import auskunft
    from core.io.pdf import kuerze  # here: reportlab, which `sicherung` and the others do not need
    from core.stammdaten import assistenzkraefte

    with _oeffne(args, nur_lesen=True) as db:
        person = assistenzkraefte.finde_assistenzkraft(db, args.name)
        person_id = vorhanden(person.id, "die Nummer der Assistenzkraft")
        dateien = auskunft.schreibe_auskunft(db, person_id, args.ausgabe, ueberschreiben=args.ueberschreiben)
    print(f"Auskunft für {kuerze(person.name, 80)} geschrieben:")
    for datei in dateien:
        print(f"  {datei}")
    return 0


def _personalbogen(args: argparse.Namespace) -> int:
    from core.io import auskunft
    from core.io.pdf import kuerze
    from core.stammdaten import assistenzkraefte

    if args.ausgabe.suffix.lower() != ".pdf":
        raise EingabeFehler(f"Die Ausgabedatei {args.ausgabe} muss auf .pdf enden.")
    pruefe_ziel(args.ausgabe, ueberschreiben=args.ueberschreiben, eingaben=[_db_pfad(args)])
    if args.assistenzkraft is None:
        pfad = _db_pfad(args)
        if pfad.exists():  # the employer's name goes into the heading when there is a household file
            with _oeffne(args, nur_lesen=True) as db:
                auskunft.personalbogen_pdf(db, None, args.ausgabe, ueberschreiben=args.ueberschreiben)
        else:
            auskunft.personalbogen_pdf(None, None, args.ausgabe, ueberschreiben=args.ueberschreiben)
        print(f"Leerer Personalbogen geschrieben: {args.ausgabe}")
        return 0
    with _oeffne(args, nur_lesen=True) as db:
        person = assistenzkraefte.finde_assistenzkraft(db, args.assistenzkraft)
        auskunft.personalbogen_pdf(db, person.id, args.ausgabe, ueberschreiben=args.ueberschreiben)
    print(f"Personalbogen von {kuerze(person.name, 80)} geschrieben: {args.ausgabe}")
    return 0


def _loeschen(args: argparse.Namespace) -> int:
    from core.stammdaten import assistenzkraefte, dsgvo

    with _oeffne(args) as db:
        person = assistenzkraefte.finde_assistenzkraft(db, args.name)
        person_id = vorhanden(person.id, "die Nummer der Assistenzkraft")
        grund = dsgvo.loeschgrund(db, person_id)
        if grund:
            raise EingabeFehler(grund)
        if not args.ja:
            raise EingabeFehler(
                f"{person.name} kann gelöscht werden. Zum Löschen bitte den Befehl mit --ja wiederholen."
            )
        bericht = dsgvo.loesche_bewerberin(db, person_id)
    print(bericht.als_text())
    return 0
