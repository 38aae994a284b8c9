"""Surcharge lines show their hours, percent and € per hour, from the calculation's own figures (payslip, detail).

Worked example (hand-computed): March 2026, BW, Stundenlohn 16,00 €, standby weighted 50 %, Sonntagszuschlag 25 %.
Sunday 08.03.2026: 8–16 Uhr work (8 h), 16–22 Uhr standby (6 h).
- Pay: 8 h × 16,00 = 128,00; standby 6 h × 8,00 (50 %) = 48,00.
- Sonntagszuschlag from the hourly Grundlohn, for standby the weighted one (seed 004, 1.6.2): work 25 % × 16,00 =
  4,00 €/h × 8 h = 32,00; standby 25 % × 8,00 = 2,00 €/h × 6 h = 12,00. Both within § 3b Abs. 1 Nr. 2 EStG (Sunday
  up to 50 %) with a Grundlohn under 25 € (§ 1 Abs. 1 Satz 1 Nr. 1 SvEV): free of tax and contributions.
  Two rates, so two lines, each quantity × rate = amount.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from core.abrechnung.entgelt import ZUSCHLAG_FREI
from core.abrechnung.rechnen import berechne
from core.domain.zahlen import format_eur_satz
from core.io.entgeltbescheinigung import entgeltbescheinigung
from core.io.entgeltbescheinigung_pdf import entgeltbescheinigungen_pdf
from tests.core.abrechnung.hilfe import eingabe
from tests.core.io.belege_hilfe import monat, pdf_text, szenario

SONNTAG = [
    {"beginn": "2026-03-08T08:00", "ende": "2026-03-08T16:00"},
    {"beginn": "2026-03-08T16:00", "ende": "2026-03-08T22:00", "bereitschaft": True},
]
KRAFT = {
    "stundenlohn": "16.00",
    "bereitschaft_prozent": "50",
    "zuschlaege_prozent": {"sonntag": "25"},
    "schichten": SONNTAG,
}
TEXT = "Sonntagszuschlag 25 % (steuer- und beitragsfrei)"
ERWARTET = [
    (TEXT, Decimal("8.00"), "Std.", Decimal(25), Decimal("4.00"), Decimal("32.00")),
    (TEXT, Decimal("6.00"), "Std.", Decimal(25), Decimal("2.00"), Decimal("12.00")),
]


def test_zuschlagszeilen_mit_stunden_prozent_und_satz() -> None:
    e = berechne(eingabe(**KRAFT))
    zeilen = [
        (la.text, la.menge, la.einheit, la.prozent, la.satz, la.betrag)
        for la in e.lohnarten
        if la.schluessel == ZUSCHLAG_FREI
    ]
    assert zeilen == ERWARTET
    assert e.steuerfreie_zuschlaege == Decimal("44.00") and e.brutto == Decimal("220.00")  # 128 + 48 + 32 + 12


def test_entgeltbescheinigung_druckt_stunden_und_satz(tmp_path: Path) -> None:
    daten = szenario("sv_pflichtig_nacht_sonntag")
    kraft = daten["assistenzkraefte"][0]
    kraft.update(KRAFT)
    kraft.pop("abwesenheiten", None)
    kraft.pop("einmalzahlungen", None)
    belege = monat(daten)
    beleg = entgeltbescheinigung(belege.eintraege[0], belege)
    posten = [(p.text, p.menge, p.satz) for p in beleg.bezuege if p.schluessel == ZUSCHLAG_FREI]
    assert posten == [(TEXT, "8,00 Std.", "4,00\u00a0€"), (TEXT, "6,00 Std.", "2,00\u00a0€")]
    ziel = tmp_path / "eb.pdf"
    entgeltbescheinigungen_pdf([beleg], ziel, erstellt_am=date(2026, 4, 1))
    (text,) = pdf_text(ziel)
    assert f"{TEXT} 8,00 Std. 4,00 € lfd. J N N 32,00 €" in text
    assert f"{TEXT} 6,00 Std. 2,00 € lfd. J N N 12,00 €" in text


def test_satz_mit_allen_stellen() -> None:
    """8 h × 4,125 € = 33,00 €: a rate rounded to 4,13 € would not add up (Grundlohn 16,50 € × 25 %)."""
    assert format_eur_satz(Decimal("4.125")) == "4,125\u00a0€"
    assert format_eur_satz(Decimal("16.5")) == "16,50\u00a0€"


def test_zuschlag_einer_ausgefallenen_schicht_mit_stunden_und_satz() -> None:
    """Sick on Sunday 08.03.2026 with the 8–16 Uhr shift planned: continued pay by the Lohnausfallprinzip (§ 4 Abs. 1
    EFZG) includes the Sunday surcharge, 25 % × 16,00 = 4,00 €/h × 8 h = 32,00 €, fully taxable and contributory
    (§ 3b EStG frees only work actually done)."""
    e = berechne(
        eingabe(
            stundenlohn="16.00",
            zuschlaege_prozent={"sonntag": "25"},
            schichten=[SONNTAG[0]],
            abwesenheiten=[{"art": "krank", "von": "2026-03-08", "bis": "2026-03-08"}],
        )
    )
    (zeile,) = [la for la in e.lohnarten if la.schluessel == "2900"]
    assert (zeile.text, zeile.menge, zeile.prozent, zeile.satz, zeile.betrag) == (
        "Sonntagszuschlag 25 % zu: Entgeltfortzahlung Krankheit",
        Decimal("8.00"),
        Decimal(25),
        Decimal("4.00"),
        Decimal("32.00"),
    )
    assert zeile.steuerbrutto and zeile.sv_brutto and e.steuerfreie_zuschlaege == 0


def test_zuschlag_ueber_dem_hoechstsatz_in_zwei_zeilen() -> None:
    """Ostermontag 06.04.2026 (BW), 8–16 Uhr at 20,00 €, contract Feiertag 150 %: free up to 125 % (§ 3b Abs. 1 Nr. 3
    EStG, § 1 SvEV) 25,00 €/h × 8 h = 200,00 €; the 25 % above it, 5,00 €/h × 8 h = 40,00 €, taxable and
    contributory. Both lines name the contract's 150 %."""
    e = berechne(
        eingabe(
            monat=4,
            stundenlohn="20.00",
            zuschlaege_prozent={"feiertag": "150"},
            schichten=[{"beginn": "2026-04-06T08:00", "ende": "2026-04-06T16:00"}],
        )
    )
    zeilen = [
        (la.schluessel, la.text, la.menge, la.prozent, la.satz, la.betrag)
        for la in e.lohnarten
        if la.schluessel.startswith("11")
    ]
    assert zeilen == [
        (
            "1100",
            "Feiertagszuschlag 150 %, davon 125 % steuer- und beitragsfrei",
            Decimal("8.00"),
            Decimal(125),
            Decimal(25),
            Decimal("200.00"),
        ),
        (
            "1102",
            "Feiertagszuschlag 150 %, davon 25 % steuer- und beitragspflichtig",
            Decimal("8.00"),
            Decimal(25),
            Decimal(5),
            Decimal("40.00"),
        ),
    ]
