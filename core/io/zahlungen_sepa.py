"""The month's net pay as a SEPA credit transfer (pain.001.001.09, written and schema-checked by `sepaxml`).

What a bank's online banking accepts (Deutsche Kreditwirtschaft, DFÜ-Abkommen Anlage 3, SEPA-Überweisung):
one payment block (Sammelüberweisung, one debit on the employer's statement), per transfer the assistant's name,
IBAN, BIC (optional inside SEPA; filled from the Bundesbank directory in schwifty where it is known), amount and
the purpose "Lohn/Gehalt MM/JJJJ". Texts are reduced to the SEPA character set (Latin letters, digits and
``/ - ? : ( ) . , ' +`` and blank): "Łukasz" becomes "Lukasz", "Ольга" becomes "Ol'ga".
Nothing is written when an IBAN is missing or wrong; the message names every person concerned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sepaxml import SepaTransfer
from text_unidecode import unidecode

from core.domain.geld import CENT
from core.domain.kennungen import kompakt, pruefe_bic, pruefe_iban
from core.fehler import EingabeFehler
from core.io.ausgabe import ausgabedatei
from core.io.zahlungen import Zahlungsauftrag, bic_fuer

SCHEMA = "pain.001.001.09"
_NICHT_SEPA = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")


def sepa_text(text: str, laenge: int) -> str:
    """Text in the SEPA character set (transliterated, other characters become blanks), cut to `laenge`."""
    return re.sub(r" {2,}", " ", _NICHT_SEPA.sub(" ", unidecode(text))).strip()[:laenge]


def _referenz(auftrag: Zahlungsauftrag, personalnummer: str, art: str = "LOHN") -> str:
    """End-to-end reference (max. 35 characters): LOHN-JJJJ-MM-Personalnummer (KORR- for the Nachzahlung of someone
    without a row in the month); shows up on the assistant's bank."""
    nummer = re.sub(r"[^A-Za-z0-9]", "", unidecode(personalnummer))[:20] or "X"
    return f"{art}-{auftrag.jahr}-{auftrag.monat:02d}-{nummer}"


def _kontofehler(wer: str, iban: str, bic: str) -> str | None:
    """Why an account cannot be used (`wer`: "der Arbeitgeberin Anna Beispiel", "von Sabine (Personalnummer 3)")."""
    if not iban.strip():
        return f"die IBAN {wer} fehlt"
    if (grund := pruefe_iban(iban)) is not None:
        return f"die IBAN {wer}: {grund}"
    if bic and (grund := pruefe_bic(bic)) is not None:
        return f"die BIC {wer}: {grund}"
    return None


def kontofehler(auftrag: Zahlungsauftrag) -> list[str]:
    """Every reason the transfer file cannot be written, one German clause each (empty: all accounts fine)."""
    konten = [(f"der Arbeitgeberin {auftrag.auftraggeber or '(ohne Namen)'}", auftrag.iban, auftrag.bic)]
    konten += [(f"von {z.name} (Personalnummer {z.personalnummer})", z.iban, z.bic) for z in auftrag.ueberweisungen]
    return [f for wer, iban, bic in konten if (f := _kontofehler(wer, iban, bic)) is not None]


def pruefe_konten(auftrag: Zahlungsauftrag) -> None:
    """Raise one German message naming everyone whose account is missing or wrong."""
    fehler = kontofehler(auftrag)
    if fehler:
        raise EingabeFehler(
            "Die Überweisungsdatei wurde nicht geschrieben: "
            + "; ".join(fehler)
            + ". Bitte die Bankverbindung in den Stammdaten (Personalbogen bzw. Arbeitgeberin) ergänzen oder "
            "berichtigen und dann erneut exportieren."
        )
    if not auftrag.ueberweisungen:
        raise EingabeFehler(
            f"Für {auftrag.monat:02d}/{auftrag.jahr} ist nichts zu überweisen (kein Auszahlungsbetrag über 0 €); "
            "es wurde keine Überweisungsdatei geschrieben."
        )


def sepa_xml(auftrag: Zahlungsauftrag, *, ausfuehrung: date) -> bytes:
    """The pain.001.001.09 document (UTF-8), validated by sepaxml against the ISO 20022 schema it ships."""
    pruefe_konten(auftrag)
    konfig: dict[str, object] = {
        "name": sepa_text(auftrag.auftraggeber or "Arbeitgeberin", 70),
        "IBAN": kompakt(auftrag.iban),
        "batch": True,
        "currency": "EUR",
    }
    if bic := bic_fuer(auftrag.iban, auftrag.bic):
        konfig["BIC"] = bic
    ueberweisung = SepaTransfer(konfig, schema=SCHEMA, clean=True)
    for z in auftrag.ueberweisungen:
        zahlung: dict[str, object] = {
            "name": sepa_text(z.kontoinhaber.strip() or z.name, 70),
            "IBAN": kompakt(z.iban),
            "amount": int((z.betrag / CENT).to_integral_exact()),
            "execution_date": ausfuehrung,
            "description": sepa_text(z.verwendungszweck or auftrag.verwendungszweck, 140),
            "endtoend_id": _referenz(auftrag, z.personalnummer, "KORR" if z.verwendungszweck else "LOHN"),
        }
        if bic := bic_fuer(z.iban, z.bic):
            zahlung["BIC"] = bic
        ueberweisung.add_payment(zahlung)
    daten: bytes = ueberweisung.export(validate=True, pretty_print=True)
    return daten


def schreibe_sepa(
    auftrag: Zahlungsauftrag,
    ziel: Path,
    *,
    ausfuehrung: date,
    fortschritt: Callable[[int, int], None] | None = None,
    ueberschreiben: bool = False,
) -> Path:
    """Check, build and write the transfer file in one go; on any error nothing is written."""
    daten = sepa_xml(auftrag, ausfuehrung=ausfuehrung)
    with ausgabedatei(ziel, ueberschreiben=ueberschreiben) as teil:
        teil.write_bytes(daten)
    if fortschritt is not None:
        fortschritt(1, 1)
    return ziel
