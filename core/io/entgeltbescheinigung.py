"""What an Entgeltbescheinigung shows, in the order the Entgeltbescheinigungsverordnung prescribes (no layout here).

Sources (checked for this module):
- Entgeltbescheinigungsverordnung (EBV) vom 19.12.2012, BGBl. I S. 2712, § 1 in der Fassung von Art. 30 des
  Gesetzes vom 20.12.2022 (BGBl. I S. 2759) — text as published on gesetze-im-internet.de/entgbv (mirror:
  github.com/bundestag/gesetze, e/entgbv) — and of the „Verordnung zur Änderung der Entgeltbescheinigungsverordnung
  und der Beitragsverfahrensverordnung“, in force 01.01.2025: Abs. 1 Nr. 9 now asks for a Kennziffer instead of the
  bare "Beitragszuschlag für Kinderlose" note — 0 for the surcharge for the childless, 1 to 5 for the number of
  children counted under § 55 Abs. 3 SGB XI, and one Kennziffer for employees whose parenthood is proven
  (buzer.de/gesetz/16627/a318180.htm; BIG direkt gesund, „Ab 2025: Ergänzung der Entgeltbescheinigung“). The
  regulation does not spell that last Kennziffer; we print "E" and say in words what it means.
  Abs. 2 Nr. 2 d now also names § 52 Abs. 40 EStG among the pauschal besteuerte Bezüge.
- § 1 Abs. 4 EBV: the document is marked as "Bescheinigung nach § 108 Absatz 3 Satz 1 der Gewerbeordnung".
- BMAS, Kommentierung und Fallbeispiele zur EBV (15.04.2013; AWV-Arbeitskreis, Version 1.0 vom 12.04.2013): each
  Lohnart marked for its effect on Gesamtbrutto, Steuerbrutto and SV-Brutto (the "J/L" column variant), a month
  named by its name when it is paid in one run ("März 2026").
- § 2 Abs. 2 EBV: the employee may black out the church-tax mark; it is printed as its own field for that reason.

Abs. 1 (the employer's and employee's data, Nr. 1–11) → `Entgeltbescheinigung.angaben` in that order.
Abs. 2 Nr. 1 (every Bezug and Abzug on its own line, with its effect on the three gross figures and laufend/einmalig)
→ `bezuege`; Nr. 2 (Steuerbrutto, SV-Brutto per branch, Gesamtbrutto, pauschal besteuerte Bezüge) → `summen`;
Nr. 3 (gesetzliche Abzüge, laufend/einmalig) → `abzuege`; Nr. 4 Nettoentgelt → `netto`; Nr. 5/6 (Zuschüsse,
Verrechnungen, Einbehalte) → `weitere`; Nr. 7 → `auszahlung`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Angabe:
    """One field of § 1 Abs. 1 EBV: its number there, a German label and the printed value."""

    nummer: int
    label: str
    wert: str


@dataclass(frozen=True, slots=True)
class Posten:
    """One Bezug or Abzug line (§ 1 Abs. 2 Nr. 1 EBV): Lohnart with quantity, rate and amount and its flags."""

    schluessel: str
    text: str
    menge: str
    satz: str
    betrag: Decimal
    einmalig: bool
    gesamtbrutto: bool
    steuerbrutto: bool
    sv_brutto: bool


@dataclass(frozen=True, slots=True)
class Summe:
    """A total or a statutory deduction, split into laufend / einmalig where the EBV asks for it."""

    text: str
    betrag: Decimal
    laufend: Decimal | None = None
    einmalig: Decimal | None = None
    erklaerung: str = ""


@dataclass(frozen=True, slots=True)
class Entgeltbescheinigung:
    """One assistant's payslip for one month, ready to print (every value already formatted or exact)."""

    monat_text: str
    arbeitgeber: tuple[str, ...]
    empfaenger: tuple[str, ...]
    angaben: tuple[Angabe, ...]
    bezuege: tuple[Posten, ...]
    summen: tuple[Summe, ...]
    abzuege: tuple[Summe, ...]
    netto: Decimal
    weitere: tuple[Summe, ...]
    auszahlung: Decimal
    personalnummer: str = ""
    entwurf: bool = False
    fassung: str = ""
    korrektur: bool = False
    information: tuple[tuple[str, str], ...] = ()
    jahreswerte: tuple[tuple[str, str], ...] = ()
    hinweise: tuple[str, ...] = field(default_factory=tuple)
