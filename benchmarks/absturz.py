"""Crash test (issue 14): kill -9 during saving, finalising a payroll month and backing up; count corrupt and lost.

For each kind a child process works on a copy of a prepared household and reports on stdout each step it has
completed (after the commit, after the backup got its name); the parent kills it with SIGKILL at a random moment
and then checks, as the next start of the program would:
- corrupt: the data file fails `Datenbank.oeffnen`'s full check (integrity_check, ours), or a listed backup fails
  `pruefe_datei`, or the month is half-finalised (status "abgeschlossen" without every result, or results without
  the status);
- lost: a step the child had reported as completed is not in the file (a saved counter value missing, a finalised
  month open again, a reported backup missing or no longer listed).

Run: python benchmarks/absturz.py [N per kind, default 30] [kind …]
     (kinds: speichern abschliessen sicherung verschluesseln verschluesselt_speichern — the last two convert
     the file to SQLCipher and save into an encrypted file)
Target: 0 corrupt, 0 lost. POSIX only (SIGKILL).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
sys.path.insert(0, str(ROOT))

SZENARIO = ROOT / "tests" / "data" / "szenarien" / "midijob.json"
ARTEN = ("speichern", "abschliessen", "sicherung", "verschluesseln", "verschluesselt_speichern")
KENNWORT = "Absturz-Test-Kennwort"

# The child programs: each prints one line per completed step (flushed) and loops until killed.
KIND = {
    "speichern": """
import sys
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Einstellung
db = Datenbank.oeffnen(sys.argv[1], sichern=False)
print("bereit", flush=True)
n = 0
while True:
    n += 1
    with db.arbeitseinheit() as sitzung:  # one user action: two rows that must stay together
        sitzung.merge(Einstellung(schluessel="zaehler", wert=str(n)))
        sitzung.merge(Einstellung(schluessel="zaehler_kopie", wert=str(n)))
    print(n, flush=True)
""",
    "abschliessen": """
import sys
from core.abrechnung import lauf
from core.persistence.datenbank import Datenbank
jahr, monat = int(sys.argv[2]), int(sys.argv[3])
db = Datenbank.oeffnen(sys.argv[1], sichern=False)
print("bereit", flush=True)
lauf.schliesse_ab(db, jahr, monat)
print("fertig", flush=True)
db.schliessen()
""",
    "sicherung": """
import sys
from pathlib import Path
from core.persistence.sicherung import sichere
pfad = Path(sys.argv[1])
print("bereit", flush=True)
while True:
    s = sichere(pfad)
    print(s.pfad, flush=True)
""",
    "verschluesselt_speichern": f"""
import sys
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Einstellung
db = Datenbank.oeffnen(sys.argv[1], sichern=False, kennwort={KENNWORT!r})
print("bereit", flush=True)
n = 0
while True:
    n += 1
    with db.arbeitseinheit() as sitzung:
        sitzung.merge(Einstellung(schluessel="zaehler", wert=str(n)))
        sitzung.merge(Einstellung(schluessel="zaehler_kopie", wert=str(n)))
    print(n, flush=True)
""",
    "verschluesseln": f"""
import sys
from pathlib import Path
from core.persistence import schutz
print("bereit", flush=True)
schutz.verschluessele(Path(sys.argv[1]), {KENNWORT!r})
print("fertig", flush=True)
""",
}


def _vorlage(ordner: Path) -> tuple[Path, int, int]:
    """A household loaded from a §3 scenario (CONTRACTS §8): its month can be finalised at once."""
    import json

    from core.abrechnung.szenario_laden import lade

    pfad = ordner / "vorlage.sqlite"
    lade(SZENARIO, pfad)
    daten = json.loads(SZENARIO.read_text(encoding="utf-8"))
    return pfad, int(daten["jahr"]), int(daten["monat"])


def _kopie(vorlage: Path, ordner: Path) -> Path:
    ziel = ordner / "haushalt.sqlite"
    shutil.copyfile(vorlage, ziel)
    return ziel


def _lauf(art: str, pfad: Path, jahr: int, monat: int, dauer: float, rng: random.Random) -> list[str]:
    """Start the child, wait until it is ready, let it work a random while, SIGKILL it; its completed steps."""
    kind = subprocess.Popen(
        [sys.executable, "-c", KIND[art], str(pfad), str(jahr), str(monat)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert kind.stdout is not None
    if kind.stdout.readline().strip() != "bereit":
        kind.kill()
        raise SystemExit(f"{art}: das Kindprogramm ist nicht gestartet")
    time.sleep(rng.uniform(0.0, dauer))
    os.kill(kind.pid, signal.SIGKILL)
    kind.wait()
    return [zeile.strip() for zeile in kind.stdout.read().splitlines() if zeile.strip()]


def _pruefe(art: str, pfad: Path, jahr: int, monat: int, schritte: list[str]) -> tuple[bool, bool]:
    """(corrupt, lost) after the kill, checked the way the next start does."""
    from sqlalchemy import func, select

    from core.abrechnung import ablage
    from core.abrechnung.modelle import Abrechnungsergebnis
    from core.fehler import DatenbankFehler
    from core.persistence.datenbank import Datenbank
    from core.persistence.modelle import Einstellung
    from core.persistence.sicherung import pruefe_datei, sicherungen

    if art == "verschluesseln":
        return _pruefe_verschluesselung(pfad, schritte)
    kennwort = KENNWORT if art == "verschluesselt_speichern" else None
    try:
        db = Datenbank.oeffnen(pfad, sichern=False, kennwort=kennwort)
    except DatenbankFehler:
        return True, True
    try:
        with db.arbeitseinheit() as sitzung:
            if art in ("speichern", "verschluesselt_speichern"):
                werte = {e.schluessel: e.wert for e in sitzung.scalars(select(Einstellung))}
                gespeichert = int(werte.get("zaehler", "0"))
                kaputt = werte.get("zaehler") != werte.get("zaehler_kopie")
                zuletzt = int(schritte[-1]) if schritte else 0
                return kaputt, gespeichert < zuletzt
            if art == "abschliessen":
                zustand = ablage.status_in(sitzung, jahr, monat)
                fertig = zustand is not None and zustand.status == "abgeschlossen"
                ergebnisse = sitzung.scalar(
                    select(func.count())
                    .select_from(Abrechnungsergebnis)
                    .where(Abrechnungsergebnis.jahr == jahr, Abrechnungsergebnis.monat == monat)
                )
                halb = fertig != bool(ergebnisse)
                return halb, "fertig" in schritte and not fertig
    finally:
        db.schliessen()
    gelistet = {s.pfad for s in sicherungen(pfad)}
    kaputt = any(pruefe_datei(p) is not None for p in gelistet)
    verloren = any(Path(s) not in gelistet for s in schritte)
    return kaputt, verloren


def _pruefe_verschluesselung(pfad: Path, schritte: list[str]) -> tuple[bool, bool]:
    """The file opens, plain or (marked) encrypted with the password; the household is complete either way;
    every listed backup verifies (with the password where it is encrypted)."""
    from sqlalchemy import func, select

    from core.fehler import DatenbankFehler
    from core.persistence.datenbank import Datenbank
    from core.persistence.modelle import Assistenzkraft
    from core.persistence.sicherung import pruefe_datei, sicherungen
    from core.persistence.verbindung import ist_verschluesselt

    try:
        with Datenbank.oeffnen(pfad, sichern=False, kennwort=KENNWORT) as db, db.arbeitseinheit() as sitzung:
            kraefte = sitzung.scalar(select(func.count()).select_from(Assistenzkraft)) or 0
    except DatenbankFehler:
        return True, True
    kaputt = any(
        pruefe_datei(s.pfad, kennwort=KENNWORT if ist_verschluesselt(s.pfad) else None) is not None
        for s in sicherungen(pfad)
    )
    verloren = kraefte == 0 or ("fertig" in schritte and not ist_verschluesselt(pfad))
    return kaputt, verloren


def _dauer(art: str, vorlage: Path, ordner: Path, jahr: int, monat: int) -> float:
    """How long one uninterrupted step takes here (finalising, converting), so the kills land inside it."""
    if art not in ("abschliessen", "verschluesseln"):
        return 0.8
    ordner.mkdir()
    pfad = _kopie(vorlage, ordner)
    kind = subprocess.Popen(
        [sys.executable, "-c", KIND[art], str(pfad), str(jahr), str(monat)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert kind.stdout is not None
    kind.stdout.readline()
    beginn = time.perf_counter()
    kind.stdout.read()
    kind.wait()
    shutil.rmtree(ordner)
    return (time.perf_counter() - beginn) * 1.2


def main(argv: list[str]) -> int:
    if os.name != "posix":
        print("Nur unter Linux/macOS (SIGKILL).")
        return 1
    anzahl = int(argv[0]) if argv else 30
    arten = [a for a in argv[1:] if a in ARTEN] or list(ARTEN)
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as wurzel:
        vorlage, jahr, monat = _vorlage(Path(wurzel))
        verschluesselt = Path(wurzel) / "verschluesselt" / vorlage.name
        verschluesselt.parent.mkdir()
        shutil.copyfile(vorlage, verschluesselt)
        from core.persistence.schutz import verschluessele

        verschluessele(verschluesselt, KENNWORT)
        print(f"Absturztest: {anzahl} × kill -9 je Art, Haushalt aus {SZENARIO.name} ({monat:02d}/{jahr})")
        gesamt_kaputt = gesamt_verloren = 0
        for art in arten:
            kaputt = verloren = schritte_gesamt = 0
            beginn = time.perf_counter()
            dauer = _dauer(art, vorlage, Path(wurzel) / f"{art}-eichung", jahr, monat)
            for nummer in range(anzahl):
                ordner = Path(wurzel) / f"{art}-{nummer}"
                ordner.mkdir()
                pfad = _kopie(verschluesselt if art == "verschluesselt_speichern" else vorlage, ordner)
                if art == "verschluesseln":  # a backup or two exist before, as on a real household
                    from core.persistence.sicherung import sichere

                    sichere(pfad)
                schritte = _lauf(art, pfad, jahr, monat, dauer, rng)
                schritte_gesamt += len(schritte)
                k, v = _pruefe(art, pfad, jahr, monat, schritte)
                kaputt += k
                verloren += v
                shutil.rmtree(ordner)
            dauer = time.perf_counter() - beginn
            print(
                f"  {art:<25} {anzahl:>3} Versuche  beschädigt {kaputt}  verloren {verloren}  "
                f"({schritte_gesamt} bestätigte Schritte vor dem Abbruch, {dauer:.0f} s)"
            )
            gesamt_kaputt += kaputt
            gesamt_verloren += verloren
        print(f"Gesamt: {gesamt_kaputt} beschädigt, {gesamt_verloren} verloren")
    return 1 if gesamt_kaputt or gesamt_verloren else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
