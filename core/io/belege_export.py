"""The payroll documents of a month or year, read from the store and written to a file — for the GUI (with a progress
callback) and for `assistenzbuero export entgeltbescheinigung|lohnjournal|lohnkonto|zahlungen` (CONTRACTS §6/§7).

Where the figures come from: a finalised month from `core.abrechnung.ablage` (the stored result of each assistant,
its version and input snapshot); an open month from the draft run `core.abrechnung.lauf.abrechnung`, and every
document then says "Entwurf". Addresses, Konfession and bank accounts come from the master data (Personalbogen,
Arbeitgeberin). Nothing here computes money.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from core.abrechnung import ablage, lauf
from core.domain.geld import format_eur
from core.domain.kalender import monatsgrenzen
from core.domain.zahlen import anzahl
from core.domain.zeit import BERLIN
from core.fehler import EingabeFehler, vorhanden
from core.io.ausgabe import nur_ohne_assistenzkraft
from core.io.belegdaten import Beleggrundlage, Fassung, Monatsbelege
from core.persistence.datenbank import Datenbank
from core.stammdaten.arbeitgeber import lade_arbeitgeber
from core.stammdaten.assistenzkraefte import AssistenzkraftDaten, finde_assistenzkraft, lade_assistenzkraft

Fortschritt = Callable[[int, int], None]


def _monatstext(jahr: int, monat: int) -> str:
    return f"{monat:02d}/{jahr}"


def _person(db: Datenbank, assistenzkraft_id: int) -> AssistenzkraftDaten | None:
    try:
        return lade_assistenzkraft(db, assistenzkraft_id)
    except EingabeFehler:  # removed since (DSGVO erasure): the stored result still carries name and numbers
        return None


def _fassung(db: Datenbank, g: ablage.GespeichertesErgebnis) -> Fassung:
    """The version of a stored result and its neighbours (original ↔ correction)."""
    alle = ablage.versionen(db, g.jahr, g.monat, g.assistenzkraft_id) if g.version > 1 else [g]
    datum = {v.version: v.erstellt_am.astimezone(BERLIN).date() for v in alle}
    vorige = (g.version - 1, datum.get(g.version - 1)) if g.version > 1 else None
    naechste = (g.version + 1, datum[g.version + 1]) if g.version + 1 in datum else None
    ohne = lauf.ohne_vertrag_version(db, g) if g.art == "korrektur" else None
    ausgleich = ohne.beleg_text if ohne is not None else ""
    return Fassung(g.version, g.art == "korrektur", datum[g.version], g.grund, vorige, naechste, ausgleich)


def monatsbelege(db: Datenbank, jahr: int, monat: int, *, assistenzkraft_id: int | None = None) -> Monatsbelege:
    """The month's results as the documents need them: stored when finalised, else the draft run (marked Entwurf).

    An assistant whose data allow no payroll yet (the run's `fehler`) has no result and is left out."""
    arbeitgeber = lade_arbeitgeber(db)
    gespeichert = ablage.lade_monat(db, jahr, monat)
    eintraege: list[Beleggrundlage] = []
    if gespeichert.abgeschlossen:
        for g in gespeichert.ergebnisse:
            if assistenzkraft_id is not None and g.assistenzkraft_id != assistenzkraft_id:
                continue
            eintraege.append(
                Beleggrundlage(g.ergebnis, g.eingabe(db), _person(db, g.assistenzkraft_id), _fassung(db, g))
            )
        ohne = lauf.ohne_vertrag_gespeichert(db, gespeichert) if assistenzkraft_id is None else []
        return Monatsbelege(jahr, monat, arbeitgeber, tuple(eintraege), entwurf=False, ohne_vertrag=_mit(db, ohne))
    entwurf = lauf.abrechnung(db, jahr, monat)
    for zeile in entwurf.zeilen:
        if zeile.ergebnis is None or (assistenzkraft_id is not None and zeile.assistenzkraft_id != assistenzkraft_id):
            continue
        eintraege.append(Beleggrundlage(zeile.ergebnis, zeile.eingabe, _person(db, zeile.assistenzkraft_id)))
    ohne = list(entwurf.ohne_vertrag) if assistenzkraft_id is None else []
    return Monatsbelege(jahr, monat, arbeitgeber, tuple(eintraege), entwurf=True, ohne_vertrag=_mit(db, ohne))


def _mit(
    db: Datenbank, ohne: Sequence[lauf.OhneVertrag]
) -> tuple[tuple[lauf.OhneVertrag, AssistenzkraftDaten | None], ...]:
    return tuple((o, _person(db, o.assistenzkraft_id)) for o in ohne)


def _gefunden(belege: Monatsbelege, was: str) -> None:
    if not belege.eintraege:
        raise EingabeFehler(
            f"Für {_monatstext(belege.jahr, belege.monat)} gibt es keine Abrechnung, aus der {was} entstehen könnte "
            "(keine Assistenzkraft mit Vertrag und abrechenbaren Daten). Es wurde keine Datei geschrieben."
        )


def _endung(ziel: Path, erlaubt: tuple[str, ...], was: str) -> str:
    endung = ziel.suffix.lower()
    if endung not in erlaubt:
        raise EingabeFehler(f"{was} gibt es als {' oder '.join(erlaubt)}; {ziel.name} hat eine andere Endung.")
    return endung


def entgeltbescheinigungen_exportieren(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    *,
    assistenzkraft_id: int | None = None,
    ueberschreiben: bool = False,
    fortschritt: Fortschritt | None = None,
) -> str:
    """All payslips of the month in one PDF (or one assistant's); returns a German one-line summary."""
    from core.io.entgeltbescheinigung import entgeltbescheinigung
    from core.io.entgeltbescheinigung_pdf import entgeltbescheinigungen_pdf

    _endung(ziel, (".pdf",), "Entgeltbescheinigungen")
    belege = monatsbelege(db, jahr, monat, assistenzkraft_id=assistenzkraft_id)
    _gefunden(belege, "eine Entgeltbescheinigung")
    entgeltbescheinigungen_pdf(
        [entgeltbescheinigung(g, belege) for g in belege.eintraege],
        ziel,
        erstellt_am=date.today(),
        fortschritt=fortschritt,
        ueberschreiben=ueberschreiben,
    )
    art = " (Entwurf)" if belege.entwurf else ""
    namen = ", ".join(g.name for g in belege.eintraege)
    return f"{len(belege.eintraege)} Entgeltbescheinigungen {belege.monat_text}{art} ({namen}) geschrieben: {ziel}"


def lohnjournal_exportieren(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    *,
    ueberschreiben: bool = False,
    fortschritt: Fortschritt | None = None,
) -> str:
    from core.io.lohnjournal import lohnjournal

    endung = _endung(ziel, (".pdf", ".xlsx"), "Das Lohnjournal")
    belege = monatsbelege(db, jahr, monat)
    _gefunden(belege, "ein Lohnjournal")
    frueher: dict[int, list[Beleggrundlage]] = {}
    for g in ablage.lade_jahr(db, jahr):
        if g.monat < monat:
            frueher.setdefault(g.monat, []).append(Beleggrundlage(g.ergebnis))
    vormonate = [Monatsbelege(jahr, m, None, tuple(e)) for m, e in sorted(frueher.items())]
    summen = {p: w for (p, m), w in ablage.jahressummen(db, jahr).items() if m == monat and not belege.entwurf}
    journal = lohnjournal(belege, vormonate, summen)
    if endung == ".pdf":
        from core.io.lohnjournal_pdf import lohnjournal_pdf

        lohnjournal_pdf(journal, ziel, gedruckt_am=date.today(), fortschritt=fortschritt, ueberschreiben=ueberschreiben)
    else:
        from core.io.lohnjournal_xlsx import lohnjournal_xlsx

        lohnjournal_xlsx(
            journal, ziel, gedruckt_am=date.today(), fortschritt=fortschritt, ueberschreiben=ueberschreiben
        )
    art = " (Entwurf)" if belege.entwurf else ""
    wer = anzahl(len(belege.eintraege), "Assistenzkraft", "Assistenzkräften")
    return f"Lohnjournal {belege.monat_text}{art} mit {wer} geschrieben: {ziel}"


def lohnkonten_exportieren(
    db: Datenbank,
    jahr: int,
    ziel: Path,
    *,
    bis_monat: int = 12,
    assistenzkraft_id: int | None = None,
    ueberschreiben: bool = False,
    fortschritt: Fortschritt | None = None,
) -> str:
    """Each assistant's Lohnkonto of `jahr` from the finalised months (through `bis_monat`)."""
    from core.io.lohnkonto import lohnkonto

    endung = _endung(ziel, (".pdf", ".xlsx"), "Lohnkonten")
    je_person: dict[int, list[Beleggrundlage]] = {}
    for g in ablage.lade_jahr(db, jahr, assistenzkraft_id):
        if g.monat <= bis_monat and ablage.status(db, g.jahr, g.monat) == ablage.ABGESCHLOSSEN:
            je_person.setdefault(g.assistenzkraft_id, []).append(
                Beleggrundlage(g.ergebnis, g.eingabe(db), _person(db, g.assistenzkraft_id), _fassung(db, g))
            )
    if not je_person:
        raise EingabeFehler(
            f"Für {jahr} ist noch kein Monat abgeschlossen; ein Lohnkonto entsteht aus den abgeschlossenen Monaten. "
            "Es wurde keine Datei geschrieben."
        )
    arbeitgeber = lade_arbeitgeber(db)
    konten = [lohnkonto(jahr, monate, arbeitgeber) for monate in je_person.values()]
    if endung == ".pdf":
        from core.io.lohnkonto_pdf import lohnkonten_pdf

        lohnkonten_pdf(konten, ziel, gedruckt_am=date.today(), fortschritt=fortschritt, ueberschreiben=ueberschreiben)
    else:
        from core.io.lohnkonto_xlsx import lohnkonten_xlsx

        lohnkonten_xlsx(konten, ziel, gedruckt_am=date.today(), fortschritt=fortschritt, ueberschreiben=ueberschreiben)
    return f"{len(konten)} Lohnkonten {jahr} ({', '.join(k.name for k in konten)}) geschrieben: {ziel}"


def ausfuehrungstag(jahr: int, monat: int, heute: date) -> date:
    """Transfer date: the month's last day, or today when that is past (a bank takes no date in the past)."""
    _erster, naechster = monatsgrenzen(jahr, monat)
    return max(heute, naechster - timedelta(days=1))


def zahlungen_exportieren(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    *,
    ueberschreiben: bool = False,
    fortschritt: Fortschritt | None = None,
) -> str:
    """`.xml`: the SEPA transfer (finalised months only); `.pdf`/`.xlsx`: the payment list (a draft is marked)."""
    from core.io.zahlungen import zahlungsauftrag

    endung = _endung(ziel, (".xml", ".pdf", ".xlsx"), "Zahlungen")
    belege = monatsbelege(db, jahr, monat)
    if not belege.ohne_vertrag:  # a month without rows may still pay a departed person's Nachberechnung
        _gefunden(belege, "eine Zahlung")
    auftrag = zahlungsauftrag(belege)
    if endung == ".xml":
        from core.io.zahlungen_sepa import schreibe_sepa

        if belege.entwurf:
            raise EingabeFehler(
                f"Die Abrechnung {_monatstext(jahr, monat)} ist noch nicht abgeschlossen; die Überweisungsdatei gibt "
                "es erst nach dem Abschluss (assistenzbuero abrechnung abschliessen). Die Zahlungsliste (.pdf, .xlsx) "
                "ist schon als Entwurf möglich."
            )
        tag = ausfuehrungstag(jahr, monat, date.today())
        schreibe_sepa(auftrag, ziel, ausfuehrung=tag, fortschritt=fortschritt, ueberschreiben=ueberschreiben)
        return (
            f"SEPA-Überweisung {_monatstext(jahr, monat)}: {len(auftrag.ueberweisungen)} Zahlungen, zusammen "
            f"{format_eur(auftrag.summe)}, Ausführung am {tag:%d.%m.%Y}, geschrieben: {ziel}"
        )
    from core.io.zahlungen_liste import zahlungsliste_pdf, zahlungsliste_xlsx

    schreiber = zahlungsliste_pdf if endung == ".pdf" else zahlungsliste_xlsx
    schreiber(auftrag, ziel, gedruckt_am=date.today(), fortschritt=fortschritt, ueberschreiben=ueberschreiben)
    art = " (Entwurf)" if belege.entwurf else ""
    wer = anzahl(len(auftrag.zahlungen), "Assistenzkraft", "Assistenzkräften")
    return f"Zahlungsliste {belege.monat_text}{art} mit {wer} geschrieben: {ziel}"


# --- the command line's exporters (core.cli.export.EXPORTARTEN) -------------------------------------------------


def _assistenzkraft_id(db: Datenbank, name: str | None) -> int | None:
    if name is None:
        return None
    return vorhanden(finde_assistenzkraft(db, name).id, "die Nummer der Assistenzkraft")


def exportiere_entgeltbescheinigung(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    person = _assistenzkraft_id(db, assistenzkraft)
    return entgeltbescheinigungen_exportieren(
        db, jahr, monat, ziel, assistenzkraft_id=person, ueberschreiben=ueberschreiben
    )


def exportiere_lohnjournal(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    nur_ohne_assistenzkraft("das Lohnjournal", assistenzkraft)
    return lohnjournal_exportieren(db, jahr, monat, ziel, ueberschreiben=ueberschreiben)


def exportiere_lohnkonto(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    person = _assistenzkraft_id(db, assistenzkraft)
    return lohnkonten_exportieren(
        db, jahr, ziel, bis_monat=monat, assistenzkraft_id=person, ueberschreiben=ueberschreiben
    )


def exportiere_zahlungen(
    db: Datenbank,
    jahr: int,
    monat: int,
    ziel: Path,
    endung: str,
    assistenzkraft: str | None,
    *,
    ueberschreiben: bool = False,
) -> str:
    nur_ohne_assistenzkraft("die Zahlungen", assistenzkraft)
    return zahlungen_exportieren(db, jahr, monat, ziel, ueberschreiben=ueberschreiben)
