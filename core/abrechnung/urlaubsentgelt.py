"""Urlaubsentgelt (§ 11 Abs. 1 BUrlG): the average pay of the 13 weeks before the leave, for the hours that fall out.

The money factor is the average of the 13 weeks (91 days) before the leave's first day — pay for hours worked,
with the regular surcharges, without one-offs (`Tagesverdienst`, the finalised months' and this month's worked
days); days without work (sickness, leave, no shift) add neither pay nor hours, as § 11 Abs. 1 Satz 3 BUrlG wants
for unverschuldete Arbeitsversäumnis. The time factor is what falls out: the planned shifts on the leave days
(Lohnausfallprinzip). Stundenlohn: average per paid hour × missed hours; Tageslohn: average per working day ×
missed working days. A leave without planned shifts: average per calendar day of the 13 weeks × leave days.
A shorter employment shortens the 13 weeks to its start. A Monatslohn simply continues.

When the 13 weeks reach into months the program does not know (a scenario, the first month in the program), the
planned shifts are paid at the contract's terms instead, and a Hinweis says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.abrechnung.entgelt import FORTZAHLUNG, ZUSCHLAG_AUSFALL, Entgelt, Verteilung, Zeile
from core.abrechnung.modell import Lohnart, Tagesverdienst, Vorgeschichte
from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.domain.geld import NULL, cent, format_eur, format_zahl
from core.domain.hinweis import Hinweis, Schwere
from core.domain.zahlen import anzahl

REFERENZTAGE = 91  # 13 weeks
RG = "§ 11 Abs. 1 BUrlG"
URLAUB, URLAUBSTEXT = FORTZAHLUNG[Abwesenheitsart.URLAUB]


@dataclass(frozen=True, slots=True)
class Referenz:
    """The 13 weeks (or the shorter employment) before a leave: pay, paid hours and working days in it."""

    von: date
    bis: date
    betrag: Decimal
    stunden: Decimal
    arbeitstage: int

    @property
    def kalendertage(self) -> int:
        return (self.bis - self.von).days + 1

    @property
    def je_stunde(self) -> Decimal:
        return self.betrag / self.stunden

    @property
    def je_arbeitstag(self) -> Decimal:
        return self.betrag / self.arbeitstage

    @property
    def je_kalendertag(self) -> Decimal:
        return self.betrag / self.kalendertage


def referenz(
    urlaubsbeginn: date,
    eintritt: date,
    erster: date,
    vorgeschichte: Vorgeschichte,
    monat: Sequence[Tagesverdienst],
) -> Referenz | None:
    """The reference period's pay, or None when it is not known (months before the program, no work in it)."""
    bis = urlaubsbeginn - timedelta(days=1)
    von = max(urlaubsbeginn - timedelta(days=REFERENZTAGE), eintritt)
    if von > bis:
        return None
    vor_dem_monat = min(bis, erster - timedelta(days=1))
    noetig: set[tuple[int, int]] = set()
    j, m = von.year, von.month
    while vor_dem_monat >= von and (j, m) <= (vor_dem_monat.year, vor_dem_monat.month):
        noetig.add((j, m))
        j, m = (j + 1, 1) if m == 12 else (j, m + 1)
    bekannt = {(v.jahr, v.monat) for v in vorgeschichte.vormonate}
    if noetig and not (vorgeschichte.bekannt and noetig <= bekannt):
        return None
    tage = [t for v in vorgeschichte.vormonate for t in v.tagesverdienste] + list(monat)
    im_zeitraum = [t for t in tage if von <= t.tag <= bis]
    stunden = sum((t.stunden for t in im_zeitraum), NULL)
    betrag = sum((t.betrag for t in im_zeitraum), NULL)
    arbeitstage = len({t.tag for t in im_zeitraum if t.betrag})
    if not stunden or not arbeitstage:
        return None
    return Referenz(von, bis, betrag, stunden, arbeitstage)


def urlaubsentgelt(
    entgelt: Entgelt,
    urlaube: Sequence[Abwesenheit],
    urlaubstage_im_monat: dict[int, list[date]],
    *,
    eintritt: date,
    erster: date,
    vorgeschichte: Vorgeschichte,
    monatslohn: bool,
    hinweise: list[Hinweis],
) -> None:
    """Replace the leave lines priced by the contract with the 13-week average where it is known.

    `urlaubstage_im_monat`: per leave (by `id()`) its paid days of the month.
    """
    for abw in urlaube:
        tage = urlaubstage_im_monat.get(id(abw), [])
        if not tage or monatslohn:
            continue
        eigene = [z for z in entgelt.zeilen if z.lohnart.abwesenheit_id == abw.id and abw.id is not None]
        grund = [z for z in eigene if z.lohnart.schluessel == URLAUB]
        ref = referenz(abw.von, eintritt, erster, vorgeschichte, entgelt.tagesverdienste)
        zeitraum = f"{tage[0]:%d.%m.}–{tage[-1]:%d.%m.}" if len(tage) > 1 else f"{tage[0]:%d.%m.}"
        if ref is None:
            hinweise.append(
                Hinweis(
                    "URLAUBSENTGELT_ANNAHME",
                    Schwere.INFO,
                    f"Urlaub {zeitraum}: Das Urlaubsentgelt richtet sich nach dem Durchschnitt der letzten 13 Wochen "
                    "vor dem Urlaub; diese Wochen sind hier nicht (vollständig) bekannt. Angesetzt sind stattdessen "
                    "die geplanten (ausgefallenen) Schichten nach dem Vertrag.",
                    RG,
                )
            )
            continue
        if grund:
            einheit = grund[0].lohnart.einheit
            menge = sum((z.lohnart.menge or NULL for z in grund), NULL)
            if einheit == "Tage":
                satz, was = ref.je_arbeitstag, "Arbeitstag"
            else:
                menge = entgelt.ausfallstunden_je_abwesenheit.get(abw.id, menge)
                satz, was = ref.je_stunde, "Stunde"
        else:
            einheit, menge, satz, was = "Tage", Decimal(len(tage)), ref.je_kalendertag, "Kalendertag"
        betrag = cent(menge * satz)
        verteilung: Verteilung = {}
        for z in eigene:
            for k, v in z.verteilung.items():
                verteilung[k] = verteilung.get(k, NULL) + v
        weg = {id(z) for z in eigene if z.lohnart.schluessel in (URLAUB, ZUSCHLAG_AUSFALL)}
        entgelt.zeilen = [z for z in entgelt.zeilen if id(z) not in weg]
        entgelt.zeilen.append(
            Zeile(
                Lohnart(
                    URLAUB,
                    f"{URLAUBSTEXT} {zeitraum} (Ø 13 Wochen je {was})",
                    menge.quantize(Decimal("0.01")),
                    satz.quantize(Decimal("0.0001")),
                    betrag,
                    einheit=einheit,
                    abwesenheit_id=abw.id,
                ),
                verteilung or {None: Decimal(1)},
            )
        )
        hinweise.append(
            Hinweis(
                "URLAUBSENTGELT_13_WOCHEN",
                Schwere.INFO,
                f"Urlaub {zeitraum}: Urlaubsentgelt nach dem Durchschnitt vom {ref.von:%d.%m.%Y} bis "
                f"{ref.bis:%d.%m.%Y}: {format_eur(ref.betrag)} für {format_zahl(ref.stunden)} Stunden an "
                f"{anzahl(ref.arbeitstage, 'Arbeitstag', 'Arbeitstagen')}, das sind {format_eur(satz)} je {was}; × "
                f"{format_zahl(menge)} = "
                f"{format_eur(betrag)}. Einmalzahlungen sind nicht eingerechnet.",
                RG,
            )
        )
