"""Entgeltfortzahlung im Krankheitsfall (EFZG): which sick days the employer pays, across absences and months.

Rules (each applied to the absences the caller passes — the run passes at least the last 12 months, a scenario
only its own, which the Hinweis says):
- Wartezeit (§ 3 Abs. 3 EFZG): no continued pay in the first four weeks of the employment (the 28 days from the
  Eintritt). An illness that begins in the waiting period is paid from its end, and its six weeks start then
  (BAG 26.05.1999 – 5 AZR 476/98).
- Six weeks (42 calendar days) per illness (§ 3 Abs. 1 Satz 1 EFZG).
- One case of prevention (Einheit des Verhinderungsfalls): sick periods that follow each other without a day in
  between count as one illness (BAG 11.12.2019 – 5 AZR 505/18); the user can record the new illness with a day
  of work in between if there was one.
- Fortsetzungserkrankung (§ 3 Abs. 1 Satz 2 EFZG): an absence marked `fortsetzung_von` another continues that
  illness: its days add up to the same six weeks — unless she was not unfit for work by this illness for at least
  six months before (Nr. 1), or twelve months have passed since the first sick period of it began (Nr. 2); then a
  new six weeks start.
- Carried over (a household that starts in the program mid-year): the days a previous Lohnbüro paid for the illness
  that runs on the Abrechnungsbeginn count against its six weeks; its sick days before that day, if entered, were
  settled there and are not counted again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.domain.hinweis import Hinweis, Schwere
from core.domain.kalender import monatsfrist_ende
from core.domain.zahlen import anzahl
from core.regeln.tabellen import regelwert

RG = "§ 3 EFZG"


@dataclass
class Krankheitstage:
    """Per sick absence: its days with continued pay, in the waiting period, and after the six weeks."""

    bezahlt: set[date] = field(default_factory=set)
    wartezeit: set[date] = field(default_factory=set)
    erschoepft: set[date] = field(default_factory=set)
    angerechnet: int = 0  # days of continued pay of the same illness before this absence


@dataclass
class Entgeltfortzahlung:
    """The employer's continued pay for sick days: per absence (by identity), with the Hinweise for the month."""

    tage: dict[int, Krankheitstage] = field(default_factory=dict)  # id(Abwesenheit) → days
    hinweise: list[Hinweis] = field(default_factory=list)

    def bezahlt(self, abwesenheit: Abwesenheit, tag: date) -> bool:
        if abwesenheit.art is not Abwesenheitsart.KRANK:
            return abwesenheit.art.fortgezahlt
        eintrag = self.tage.get(id(abwesenheit))
        return eintrag is not None and tag in eintrag.bezahlt


def entgeltfortzahlung(
    abwesenheiten: Iterable[Abwesenheit],
    eintritt: date,
    erster: date,
    letzter: date,
    *,
    vorher: tuple[date, int] | None = None,
) -> Entgeltfortzahlung:
    """Continued pay for every sick absence passed (all of them: earlier ones count against the six weeks).

    `vorher`: (Abrechnungsbeginn, days of continued pay already paid elsewhere for the illness running that day).
    """
    ergebnis = Entgeltfortzahlung()
    kranke = sorted((a for a in abwesenheiten if a.art is Abwesenheitsart.KRANK), key=lambda a: (a.von, a.bis))
    if not kranke:
        return ergebnis
    wochen = int(regelwert("entgeltfortzahlung_wochen", erster).wert)
    wartewochen = int(regelwert("entgeltfortzahlung_wartezeit_wochen", erster).wert)
    anspruch_ab = eintritt + timedelta(weeks=wartewochen)
    gruppen = _krankheiten(kranke)
    for gruppe in gruppen:
        uebernommen = None
        if vorher is not None and vorher[1] > 0 and any(a.von <= vorher[0] <= a.bis for a in gruppe):
            uebernommen = vorher
        _rechne_krankheit(gruppe, anspruch_ab, wochen * 7, ergebnis, uebernommen)
    _hinweise(kranke, ergebnis, eintritt, anspruch_ab, wochen, wartewochen, erster, letzter)
    return ergebnis


def _krankheiten(kranke: list[Abwesenheit]) -> list[list[Abwesenheit]]:
    """Group sick absences into illnesses: linked by `fortsetzung_von`, or following each other without a gap."""
    eltern = list(range(len(kranke)))

    def wurzel(i: int) -> int:
        while eltern[i] != i:
            eltern[i] = eltern[eltern[i]]
            i = eltern[i]
        return i

    def verbinde(i: int, j: int) -> None:
        eltern[wurzel(i)] = wurzel(j)

    nach_id = {a.id: i for i, a in enumerate(kranke) if a.id is not None}
    for i, a in enumerate(kranke):
        if a.fortsetzung_von is not None and a.fortsetzung_von in nach_id:
            verbinde(i, nach_id[a.fortsetzung_von])
        if i and kranke[i - 1].bis + timedelta(days=1) >= a.von:
            verbinde(i, i - 1)
    gruppen: dict[int, list[Abwesenheit]] = {}
    for i, a in enumerate(kranke):
        gruppen.setdefault(wurzel(i), []).append(a)
    return list(gruppen.values())


def _rechne_krankheit(
    gruppe: list[Abwesenheit],
    anspruch_ab: date,
    hoechsttage: int,
    ergebnis: Entgeltfortzahlung,
    uebernommen: tuple[date, int] | None = None,
) -> None:
    rest = hoechsttage if uebernommen is None else max(hoechsttage - uebernommen[1], 0)
    schon_abgerechnet = uebernommen[0] if uebernommen is not None else None
    erste_beginn: date | None = None
    letztes_ende: date | None = None
    for abw in gruppe:
        eintrag = Krankheitstage()
        anschluss = letztes_ende is not None and letztes_ende + timedelta(days=1) >= abw.von
        if erste_beginn is None:
            erste_beginn = abw.von
        elif (
            not anschluss
            and letztes_ende is not None
            and (
                abw.von > monatsfrist_ende(letztes_ende + timedelta(days=1), 6)
                or abw.von > monatsfrist_ende(erste_beginn, 12)
            )
        ):
            rest = hoechsttage  # § 3 Abs. 1 Satz 2 Nr. 1 or 2 EFZG: a new six weeks
            erste_beginn = abw.von
        eintrag.angerechnet = hoechsttage - rest
        for tag in abw.tage:
            if schon_abgerechnet is not None and tag < schon_abgerechnet:
                continue  # paid (and counted) by the previous Lohnbüro: in `uebernommen`
            if tag < anspruch_ab:
                eintrag.wartezeit.add(tag)
            elif rest > 0:
                eintrag.bezahlt.add(tag)
                rest -= 1
            else:
                eintrag.erschoepft.add(tag)
        letztes_ende = abw.bis if letztes_ende is None else max(letztes_ende, abw.bis)
        ergebnis.tage[id(abw)] = eintrag


def _hinweise(
    kranke: list[Abwesenheit],
    e: Entgeltfortzahlung,
    eintritt: date,
    anspruch_ab: date,
    wochen: int,
    wartewochen: int,
    erster: date,
    letzter: date,
) -> None:
    im_monat = [a for a in kranke if a.von <= letzter and a.bis >= erster]
    if not im_monat:
        return
    e.hinweise.append(
        Hinweis(
            "ENTGELTFORTZAHLUNG_KRANKHEIT",
            Schwere.INFO,
            "Krankheit: Das Entgelt der ausgefallenen Schichten ist fortgezahlt (Lohnausfallprinzip), Zuschläge dafür "
            f"sind steuer- und beitragspflichtig. Geprüft sind die Wartezeit ({wartewochen} Wochen "
            f"ab Beginn des Arbeitsverhältnisses) und die Höchstdauer ({wochen} Wochen je "
            "Krankheit, Fortsetzungserkrankungen zusammengerechnet) — mit den eingetragenen Krankheitszeiten; frühere, "
            "nicht eingetragene Zeiten derselben Krankheit bitte nachtragen. U1-Erstattung beantragen.",
            "§§ 3, 4 EFZG, § 1 AAG",
        )
    )
    for abw in im_monat:
        eintrag = e.tage[id(abw)]
        wartezeit = sorted(t for t in eintrag.wartezeit if erster <= t <= letzter)
        erschoepft = sorted(t for t in eintrag.erschoepft if erster <= t <= letzter)
        zeitraum = f"Krank vom {abw.von:%d.%m.%Y} bis {abw.bis:%d.%m.%Y}"
        if wartezeit:
            e.hinweise.append(
                Hinweis(
                    "EFZG_WARTEZEIT",
                    Schwere.WARNUNG,
                    f"{zeitraum}: In den ersten {wartewochen} Wochen des Arbeitsverhältnisses "
                    f"(Beginn {eintritt:%d.%m.%Y}) besteht kein Anspruch auf Entgeltfortzahlung; für "
                    f"{anzahl(len(wartezeit), 'Tag', 'Tage')} in diesem Monat wird kein Entgelt gezahlt. Gesetzlich "
                    "Versicherte "
                    "erhalten Krankengeld von der Krankenkasse."
                    + (f" Ab {anspruch_ab:%d.%m.%Y} wird das Entgelt fortgezahlt." if anspruch_ab <= abw.bis else ""),
                    "§ 3 Abs. 3 EFZG; BAG 26.05.1999 – 5 AZR 476/98",
                )
            )
        if eintrag.angerechnet and eintrag.bezahlt | eintrag.erschoepft:
            e.hinweise.append(
                Hinweis(
                    "EFZG_FORTSETZUNG",
                    Schwere.INFO,
                    f"{zeitraum}: Dieselbe Krankheit wie zuvor (Fortsetzungserkrankung oder ohne Unterbrechung "
                    f"anschließend): {anzahl(eintrag.angerechnet, 'Tag', 'Tage')} Entgeltfortzahlung sind bereits "
                    "verbraucht und werden "
                    f"auf die {wochen} Wochen angerechnet.",
                    "§ 3 Abs. 1 Satz 2 EFZG; BAG 11.12.2019 – 5 AZR 505/18",
                )
            )
        if erschoepft:
            e.hinweise.append(
                Hinweis(
                    "EFZG_HOECHSTDAUER",
                    Schwere.WARNUNG,
                    f"{zeitraum}: Die {wochen} Wochen Entgeltfortzahlung sind am "
                    f"{erschoepft[0] - timedelta(days=1):%d.%m.%Y} ausgeschöpft; ab {erschoepft[0]:%d.%m.%Y} wird "
                    "kein Entgelt gezahlt (Krankengeld der Krankenkasse). Bitte der Krankenkasse die "
                    "Entgeltbescheinigung für das Krankengeld übermitteln.",
                    f"{RG} Abs. 1; § 107 SGB IV",
                )
            )
