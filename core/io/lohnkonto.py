"""The Lohnkonto of one assistant and calendar year (§ 41 EStG, § 4 LStDV) — what it must record.

Sources: § 41 Abs. 1 EStG (gesetze-im-internet.de/estg/__41.html) and § 4 LStDV (gesetze-im-internet.de/lstdv/__4.html,
mirror github.com/bundestag/gesetze l/lstdv). Recorded here:
- once (§ 41 Abs. 1 Satz 2 EStG, § 4 Abs. 1 Nr. 1–2 LStDV): Vorname, Familienname, Tag der Geburt, Wohnort und
  Wohnung, the Lohnsteuerabzugsmerkmale (Steuerklasse, Faktor, Kinderfreibeträge, Kirchensteuermerkmal, Steuer-ID)
  and any Freibetrag or Hinzurechnungsbetrag; a change during the year shows in the month it applies from (the
  monthly rows „Steuerklasse“ and „Kinderfreibeträge“);
- per payroll (§ 4 Abs. 2 LStDV; § 41 Abs. 1 Satz 3–6 EStG): Lohnzahlungszeitraum and Tag der Lohnzahlung (Nr. 1);
  the capital U for each interruption of at least five working days without pay (Nr. 2, § 41 Abs. 1 Satz 5 EStG);
  the Arbeitslohn split into Barlohn and Sachbezüge, and the Lohnsteuer withheld (Nr. 3; each Sachbezug named with
  period, place and the assistant's payment); the tax-free Bezüge, e.g. § 3b EStG surcharges (Nr. 4); the Zuschuss
  zum Mutterschaftsgeld (§ 41 Abs. 1 Satz 4 EStG); the pauschal besteuerte Bezüge and their Pauschsteuer (Nr. 8;
  for a § 40a job name and address, duration, day of payment, pay and the kind of employment suffice);
- "Art und Höhe des gezahlten Arbeitslohns" (§ 41 Abs. 1 Satz 3 EStG): every Lohnart by month.
Solidaritätszuschlag and Kirchensteuer (§ 51a EStG, SolZG) and the social-insurance figures (§ 8 BVV, the
Entgeltunterlagen) are kept alongside, as payroll offices do, so that one sheet answers an Außenprüfung.
The Lohnkonto is kept until the end of the sixth calendar year after the last entry (§ 41 Abs. 1 Satz 9 EStG).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.io.belegtabelle import Zeile

MONATSKOEPFE = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


@dataclass(frozen=True, slots=True)
class Sachbezugseintrag:
    """One Sachbezug as § 4 Abs. 2 Nr. 3 LStDV wants it: named, with period, place, payment and value."""

    monat: str
    bezeichnung: str
    zeitraum: str
    ort: str
    zuzahlung: Decimal
    wert: Decimal


@dataclass(frozen=True, slots=True)
class Lohnkonto:
    jahr: int
    name: str
    personalnummer: str
    arbeitgeber: str
    stammdaten: tuple[tuple[str, str], ...]  # § 4 Abs. 1 LStDV and the SV keys, label → value
    zeilen: tuple[Zeile, ...]  # one value per month (MONATSKOEPFE), the year in the total column
    sachbezuege: tuple[Sachbezugseintrag, ...] = ()
    entwurf: bool = False
    hinweise: tuple[str, ...] = ()

    @property
    def titel(self) -> str:
        titel = f"Lohnkonto {self.jahr} – {self.name}"
        return f"ENTWURF – {titel}" if self.entwurf else titel
