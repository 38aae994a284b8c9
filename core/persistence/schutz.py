"""Encryption at rest (SQLCipher): converting a plain data file, its backups too; the password only in memory.

`verschluessele(pfad, kennwort)` converts an existing household file (the program must have it closed):
1. lock, full check of the plain file, a verified (plain) backup — nothing is touched if one of these fails;
2. `sqlcipher_export` into a new file beside it (0600), which is then verified with the key (integrity_check, the
   same tables and the same number of rows in each);
3. the marker `<name>.verschluesselt` is written, then the new file atomically replaces the old one (a crash in
   between leaves the plain file with a marker, which is ignored for a plain file);
4. every backup is re-written encrypted with the same password and verified, so a stolen laptop holds no plain copy
   of the household in `<name>-sicherungen/` (a backup not yet converted after a crash stays readable as it is).

The password is never written anywhere: the open `Datenbank` holds it in memory, `merke_kennwort` keeps it for this
process (the GUI's start prompt, the command line's prompt or ASSISTENZBUERO_PASSWORT), nothing else.
`aendere_kennwort(pfad, alt, neu)` does the same steps to give the file and its backups a new password, and
`entschluessele(pfad, kennwort)` to make them plain SQLite files again (encryption turned off).
`kennwort_pruefen` gives the German reason why a new password is refused and `kennwort_hinweis` a strength hint.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from core.dateirechte import DATEIMODUS, sqlite_begleiter
from core.fehler import DatenbankFehler, EingabeFehler, dateigrund
from core.persistence.sicherung import Sicherung, pruefe_datei, sichere, sicherungen
from core.persistence.verbindung import (
    WARTEN_SEKUNDEN,
    dbapi_modul,
    ist_verschluesselt,
    roher_schluessel,
    verbinde,
    vergiss_schluessel,
)

log = logging.getLogger(__name__)

UMGEBUNG_KENNWORT = "ASSISTENZBUERO_PASSWORT"  # batch use of the command line (README: what this exposes)
MINDESTLAENGE = 8
WARTEN_AUF_ALLEIN = 10  # seconds a conversion waits for other readers of the file to finish
WARTESCHRITT_MS = 100
VERSCHLUESSELT_MARKE = ".verschluesselt"  # empty file beside an encrypted database: "ask for the password"

_gemerkt: dict[Path, str] = {}


def marke(pfad: Path) -> Path:
    return pfad.with_name(pfad.name + VERSCHLUESSELT_MARKE)


def ist_als_verschluesselt_markiert(pfad: Path) -> bool:
    return marke(pfad).exists()


def markiere(pfad: Path) -> None:
    """Put the marker beside an encrypted file, remove it beside a plain one (after a restore)."""
    if ist_verschluesselt(pfad):
        marke(pfad).touch(mode=DATEIMODUS)
    else:
        marke(pfad).unlink(missing_ok=True)


def braucht_kennwort(pfad: Path) -> bool:
    """The file is an encrypted household (marker beside it, no plain SQLite header)."""
    return ist_als_verschluesselt_markiert(pfad) and ist_verschluesselt(pfad)


def merke_kennwort(pfad: Path, kennwort: str) -> None:
    """Keep the password of `pfad` in this process's memory (never on disk) for later opens and exports."""
    _gemerkt[Path(pfad).resolve()] = kennwort


def vergiss_kennwoerter() -> None:
    _gemerkt.clear()
    vergiss_schluessel()


def gemerktes_kennwort(pfad: Path) -> str | None:
    """The password this process knows for `pfad`: remembered, else ASSISTENZBUERO_PASSWORT; None if neither."""
    return _gemerkt.get(Path(pfad).resolve()) or os.environ.get(UMGEBUNG_KENNWORT) or None


def kennwort_pruefen(kennwort: str, wiederholung: str) -> str | None:
    """None if the new password can be used, else one German sentence why not."""
    if kennwort != wiederholung:
        return "Die beiden Kennwörter stimmen nicht überein. Bitte geben Sie dasselbe Kennwort zweimal ein."
    if len(kennwort) < MINDESTLAENGE:
        return f"Das Kennwort ist zu kurz. Bitte wählen Sie mindestens {MINDESTLAENGE} Zeichen."
    if kennwort.strip() != kennwort or "\x00" in kennwort:
        return "Das Kennwort darf nicht mit Leerzeichen beginnen oder enden. Bitte wählen Sie ein anderes."
    return None


def kennwort_hinweis(kennwort: str) -> str:
    """A plain-language strength hint (length matters most; a sentence of four words beats a short jumble)."""
    arten = sum(
        (
            any(z.islower() for z in kennwort),
            any(z.isupper() for z in kennwort),
            any(z.isdigit() for z in kennwort),
            any(not z.isalnum() for z in kennwort),
        )
    )
    if len(kennwort) < MINDESTLAENGE:
        return f"Zu kurz: mindestens {MINDESTLAENGE} Zeichen."
    if len(kennwort) >= 16 or (len(kennwort) >= 12 and arten >= 3):
        return "Stark."
    if len(kennwort) >= 12 or arten >= 3:
        return "Mittel: länger ist besser, zum Beispiel ein Satz aus vier Wörtern."
    return "Schwach: bitte länger wählen, zum Beispiel ein Satz aus vier Wörtern."


@dataclass(frozen=True, slots=True)
class Verschluesselung:
    """What `verschluessele` did, for the message to the user."""

    sicherung_vorher: Sicherung | None
    sicherungen_verschluesselt: int
    sicherungen_nicht_verschluesselt: list[Path]


def _zaehle(pfad: Path, kennwort: str | None) -> dict[str, int]:
    verbindung = verbinde(pfad, kennwort=kennwort, nur_lesen=True)
    try:
        tabellen = [z[0] for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: verbindung.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tabellen}
    finally:
        verbindung.close()


def exportiere_verschluesselt(quelle: Path, ziel: Path, kennwort: str, *, quell_kennwort: str | None = None) -> None:
    """Write `quelle` (plain, or encrypted with `quell_kennwort`) as a new SQLCipher file `ziel` and verify it:
    integrity_check, Assistenzbüro's tables, and every table with the same number of rows as in `quelle`."""
    _exportiere(quelle, ziel, kennwort, quell_kennwort=quell_kennwort)


def exportiere_klar(quelle: Path, ziel: Path, quell_kennwort: str) -> None:
    """Write the SQLCipher file `quelle` as a new plain SQLite file `ziel`, verified as `exportiere_verschluesselt`
    verifies its copy."""
    _exportiere(quelle, ziel, None, quell_kennwort=quell_kennwort)


def _exportiere(quelle: Path, ziel: Path, kennwort: str | None, *, quell_kennwort: str | None) -> None:
    for datei in (ziel, *sqlite_begleiter(ziel)):
        datei.unlink(missing_ok=True)
    os.close(os.open(ziel, os.O_CREAT | os.O_EXCL | os.O_WRONLY, DATEIMODUS))
    if quell_kennwort is None:  # SQLCipher reads a plain file when no key is set on it
        verbindung = dbapi_modul(kennwort).connect(
            quelle.absolute().as_uri(), uri=True, timeout=WARTEN_SEKUNDEN, isolation_level=None
        )
    else:
        verbindung = verbinde(quelle, kennwort=quell_kennwort, isolation_level=None)
    try:
        # the raw key (core.persistence.verbindung): derived once, with the salt of the file last keyed with it;
        # an empty key makes SQLCipher write a plain SQLite file
        schluessel = "" if kennwort is None else roher_schluessel(kennwort, None)
        verbindung.execute("ATTACH DATABASE ? AS neu KEY ?", (str(ziel), schluessel))
        verbindung.execute("BEGIN")  # one transaction: one sync instead of one per table (2 s → 0.03 s)
        verbindung.execute("SELECT sqlcipher_export('neu')").fetchall()
        verbindung.execute("COMMIT")
        verbindung.execute("DETACH DATABASE neu")
    finally:
        verbindung.close()
    with ziel.open("rb+") as offen:
        os.fsync(offen.fileno())
    grund = pruefe_datei(ziel, kennwort=kennwort)
    if grund is None and kennwort is None and ist_verschluesselt(ziel):
        grund = "sie ist nicht lesbar ohne Kennwort"
    if grund is None and _zaehle(ziel, kennwort) != _zaehle(quelle, quell_kennwort):
        grund = "die Anzahl der Einträge stimmt nicht mit dem Original überein"
    if grund is not None:
        if kennwort is None:
            raise DatenbankFehler(
                f"Die unverschlüsselte Kopie ist fehlerhaft ({grund}) und wurde verworfen. "
                "Ihre Daten wurden nicht verändert und bleiben verschlüsselt."
            )
        stand = (
            "sind weiter unverschlüsselt"
            if quell_kennwort is None
            else "öffnen sich weiter mit dem bisherigen Kennwort"
        )
        raise DatenbankFehler(
            f"Die verschlüsselte Kopie ist fehlerhaft ({grund}) und wurde verworfen. "
            f"Ihre Daten wurden nicht verändert und {stand}."
        )


def _wandle_sicherungen(pfad: Path, kennwort: str | None, *, alt: str | None) -> tuple[int, list[Path]]:
    """Re-write the backups under `kennwort` (None: plain). A plain backup is read as it is, an encrypted one with
    `alt`; one already in the target form is left alone (an encrypted one when no `alt` is known, a plain one when
    the target is plain). One that cannot be read (damaged, another password) stays as it was and is reported."""
    fertig, offen = 0, []
    for sicherung in sicherungen(pfad):
        verschluesselt = ist_verschluesselt(sicherung.pfad)
        if (verschluesselt and alt is None) or (not verschluesselt and kennwort is None):
            continue
        teil = sicherung.pfad.with_name(sicherung.pfad.name + ".umwandeln")
        try:
            _exportiere(sicherung.pfad, teil, kennwort, quell_kennwort=alt if verschluesselt else None)
            os.replace(teil, sicherung.pfad)
            fertig += 1
        except Exception:  # a damaged old backup, or one with yet another password, stays as it was
            log.warning("Sicherung %s nicht umgewandelt", sicherung.pfad, exc_info=True)
            teil.unlink(missing_ok=True)
            offen.append(sicherung.pfad)
    return fertig, offen


def _ohne_wal(pfad: Path, kennwort: str | None = None) -> None:
    """Checkpoint the file and leave WAL mode, so no -wal of the old file can ever meet the new one.

    That needs the file to itself: a reader that is just finishing (a background page of the window, a connection
    only garbage still holds) is waited for, up to `WARTEN_AUF_ALLEIN` seconds, then "in use" is said.
    """
    ende = time.monotonic() + WARTEN_AUF_ALLEIN
    while True:
        verbindung = verbinde(pfad, kennwort=kennwort)
        try:
            verbindung.execute("PRAGMA journal_mode=DELETE").fetchall()
            return
        except Exception as fehler:  # sqlite3 / sqlcipher3 OperationalError
            if "locked" not in str(fehler).lower() and "busy" not in str(fehler).lower():
                raise
            if time.monotonic() > ende:
                raise DatenbankFehler(
                    f"Die Datenbank {pfad} wird noch von einem anderen Programm gelesen. Bitte schließen Sie es "
                    "und versuchen Sie es noch einmal; Ihre Daten wurden nicht verändert."
                ) from fehler
        finally:
            verbindung.close()
        gc.collect()
        time.sleep(WARTESCHRITT_MS / 1000)


def _wandle_um(
    ziel: Path, *, alt: str | None, neu: str | None, gescheitert: str, stand: str
) -> tuple[Sicherung | None, int, list[Path]]:
    """The one safe conversion of the household file `ziel` (closed by the program) from `alt` to `neu` (None:
    plain) and of its backups: lock; full check with `alt` (a wrong password raises `FalschesKennwort`, nothing
    changes); a verified backup; out of WAL; an export into a new file beside it, verified; the marker set (before
    the swap) or removed (after it), so that a crash in between leaves a file with a marker that matches it or is
    ignored; the atomic swap; then every backup. `gescheitert` and `stand` word the error when a file operation
    fails ("Die Datenbank konnte nicht verschlüsselt werden", "Ihre Daten wurden nicht verändert …")."""
    from core.persistence.datenbank import _pruefe_datei, _sperre_fuer

    sperre = _sperre_fuer(ziel)
    teil = ziel.with_name(f".{ziel.name}.umwandeln")
    try:
        _pruefe_datei(ziel, alt)
        vorher = sichere(ziel, kennwort=alt)  # verified; a failure raises before anything changed
        try:
            _ohne_wal(ziel, alt)
            _exportiere(ziel, teil, neu, quell_kennwort=alt)
            if neu is not None:
                marke(ziel).touch(mode=DATEIMODUS)
            os.replace(teil, ziel)
            if neu is None:
                marke(ziel).unlink(missing_ok=True)
        except OSError as fehler:
            raise DatenbankFehler(f"{gescheitert} ({dateigrund(fehler)}). {stand}") from fehler
        fertig, offen = _wandle_sicherungen(ziel, neu, alt=alt)
    finally:
        for datei in (teil, *sqlite_begleiter(teil)):
            datei.unlink(missing_ok=True)
        sperre.release()
    return vorher, fertig, offen


def verschluessele(pfad: Path, kennwort: str) -> Verschluesselung:
    """Convert the plain household file `pfad` (closed by the program) and its backups to SQLCipher with `kennwort`.

    Raises `DatenbankFehler` (German) with the file unchanged if the check, the backup or the verification fails.
    """
    from core.persistence.datenbank import ziel_pfad

    ziel = ziel_pfad(pfad)
    if not ziel.is_file() or ziel.stat().st_size == 0:
        raise DatenbankFehler(f"Die Datenbank {ziel} gibt es nicht oder sie ist leer; es gibt nichts zu verschlüsseln.")
    if ist_verschluesselt(ziel):
        raise EingabeFehler(f"Die Datenbank {ziel} ist bereits verschlüsselt.")
    vorher, fertig, offen = _wandle_um(
        ziel,
        alt=None,
        neu=kennwort,
        gescheitert="Die Datenbank konnte nicht verschlüsselt werden",
        stand="Ihre Daten wurden nicht verändert und sind weiter unverschlüsselt.",
    )
    merke_kennwort(ziel, kennwort)
    return Verschluesselung(vorher, fertig, offen)


def aendere_kennwort(pfad: Path, alt: str, neu: str) -> Verschluesselung:
    """Give the encrypted household `pfad` (closed by the program) and its backups a new password.

    The same steps as `verschluessele`: the file checked with the old password (a wrong one raises
    `FalschesKennwort`, nothing changes), a verified backup, an export under the new password, verified, swapped;
    then every backup re-written under the new password. Afterwards the old password opens nothing of it.
    """
    from core.persistence.datenbank import ziel_pfad

    ziel = ziel_pfad(pfad)
    if not ist_verschluesselt(ziel):
        raise EingabeFehler(f"Die Datenbank {ziel} ist nicht verschlüsselt; es gibt kein Kennwort zu ändern.")
    vorher, fertig, offen = _wandle_um(
        ziel,
        alt=alt,
        neu=neu,
        gescheitert="Das Kennwort konnte nicht geändert werden",
        stand="Es gilt weiter das bisherige.",
    )
    _gemerkt.pop(ziel, None)
    merke_kennwort(ziel, neu)
    return Verschluesselung(vorher, fertig, offen)


@dataclass(frozen=True, slots=True)
class Entschluesselung:
    """What `entschluessele` did, for the message to the user."""

    sicherung_vorher: Sicherung | None
    sicherungen_entschluesselt: int
    sicherungen_verschluesselt_geblieben: list[Path]


def entschluessele(pfad: Path, kennwort: str | None = None) -> Entschluesselung:
    """Turn encryption off: the encrypted household `pfad` (closed by the program) and its backups become plain
    SQLite files again, e.g. to hand the file to a payroll office or when the password is a burden.

    The same safe steps as `verschluessele`: the file checked with the password (a wrong one raises
    `FalschesKennwort`, nothing changes), a verified (still encrypted) backup, a plain export, verified, swapped in
    atomically, then the marker removed (a crash in between leaves a plain file with a marker, which is ignored);
    then every backup re-written plain. Without `kennwort` the one this process knows is used; if it knows none,
    `KennwortNoetig` asks the caller for it.
    """
    from core.persistence.datenbank import KennwortNoetig, ziel_pfad

    ziel = ziel_pfad(pfad)
    if not ziel.is_file() or not ist_verschluesselt(ziel):
        raise EingabeFehler(f"Die Datenbank {ziel} ist nicht verschlüsselt; es gibt nichts zu entschlüsseln.")
    kennwort = kennwort or gemerktes_kennwort(ziel)
    if kennwort is None:
        raise KennwortNoetig(
            f"Die Datenbank {ziel} ist verschlüsselt. Bitte geben Sie das Kennwort ein (auf der Kommandozeile wird es "
            f"abgefragt oder aus der Umgebungsvariable {UMGEBUNG_KENNWORT} gelesen).",
            pfad=ziel,
        )
    vorher, fertig, offen = _wandle_um(
        ziel,
        alt=kennwort,
        neu=None,
        gescheitert="Die Verschlüsselung konnte nicht aufgehoben werden",
        stand="Die Datenbank bleibt verschlüsselt mit dem bisherigen Kennwort.",
    )
    _gemerkt.pop(ziel, None)
    return Entschluesselung(vorher, fertig, offen)
