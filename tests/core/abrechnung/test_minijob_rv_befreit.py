"""A Minijob with exemption from RV over a whole month, in a private household and commercially (issue 8).

By hand from the 2026 figures: § 249b SGB V (KV flat rate 5 % Privathaushalt, 13 % gewerblich), § 172 Abs. 3/3a
SGB VI (RV flat rate 5 % / 15 %; with the exemption under § 6 Abs. 1b SGB VI no employee top-up), Minijob-Zentrale
2026 (U1 0,80 %, U2 0,22 %, Unfallversicherung im Haushaltsscheckverfahren 1,6 %), § 40a Abs. 2 EStG (2 %
Pauschsteuer), Insolvenzgeldumlage 2026 0,15 % (not in a private household, § 358 Abs. 1 Satz 2 SGB III).
"""

from __future__ import annotations

from decimal import Decimal

from core.abrechnung.modell import Monatsergebnis
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.regeln.klassifikation import Beschaeftigungsart
from tests.core.abrechnung.hilfe import szenario, tagschichten

d = Decimal
#: March 2026, Mondays, Wednesdays and Fridays from the 2nd to the 20th, 9–13 h: 9 shifts, 36 h × 15 € = 540 €
#: (under the Minijob limit of 603 €, every week of the month worked).
TAGE = [2, 4, 6, 9, 11, 13, 16, 18, 20]


def _rechne(privathaushalt: bool) -> Monatsergebnis:
    daten = szenario({"stundenlohn": "15.00", "rv_befreiung": True, "schichten": tagschichten(TAGE, "09:00", "13:00")})
    daten["arbeitgeber"]["privathaushalt"] = privathaushalt
    return berechne(lies_szenario(daten).eingaben[0])


def test_privathaushalt_ganzer_monat() -> None:
    k = _rechne(True)
    assert k.beschaeftigung is Beschaeftigungsart.MINIJOB
    # 9 × 4 h × 15,00 € = 540,00 €
    assert (k.brutto, k.netto) == (d("540.00"), d("540.00"))
    # KV 5 % = 27,00; RV 5 % = 27,00, AN 0 (befreit); U1 0,8 % = 4,32; U2 0,22 % = 1,188 → 1,19;
    # UV 1,6 % = 8,64; Pauschsteuer 2 % = 10,80; no Insolvenzgeldumlage in a private household
    assert (k.kv_ag, k.rv_ag, k.rv_an) == (d("27.00"), d("27.00"), d("0.00"))
    assert (k.umlage_u1, k.umlage_u2, k.insolvenzgeldumlage) == (d("4.32"), d("1.19"), d("0.00"))
    assert (k.unfallversicherung, k.pauschsteuer, k.lohnsteuer) == (d("8.64"), d("10.80"), d("0.00"))
    # 540 + 27 + 27 + 4,32 + 1,19 + 8,64 + 10,80 = 618,95
    assert k.arbeitgeberkosten == d("618.95")


def test_gewerblich_ganzer_monat() -> None:
    k = _rechne(False)
    assert k.beschaeftigung is Beschaeftigungsart.MINIJOB
    # KV 13 % = 70,20; RV 15 % = 81,00, AN 0 (befreit); U1 4,32; U2 1,19; Insolvenzgeldumlage 0,15 % = 0,81;
    # Pauschsteuer 10,80; Unfallversicherung: the employer's own rate, 0 % in this household
    assert (k.kv_ag, k.rv_ag, k.rv_an) == (d("70.20"), d("81.00"), d("0.00"))
    assert (k.umlage_u1, k.umlage_u2, k.insolvenzgeldumlage) == (d("4.32"), d("1.19"), d("0.81"))
    assert k.netto == d("540.00")
    # 540 + 70,20 + 81,00 + 4,32 + 1,19 + 0,81 + 10,80 = 708,32
    assert k.arbeitgeberkosten == d("708.32")
