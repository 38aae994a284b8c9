"""The Dienstplan of a finalised payroll month: a change is stored (the roster is the truth of what was worked), the
finalised result stays as it is, and the page says so — above the grid and after each change — naming the month in
which the correction is settled (issue 8, CONTRACTS §7)."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.abrechnung import ablage
from core.abrechnung.modelle import Abrechnungsmonat
from core.dienstplan import dienst
from desktop.dienstplan.bereich import DienstplanBereich
from tests.core.dienstplan.conftest import Haushalt
from tests.desktop.dienstplan.tasten import JAHR, MONAT, MONTAG


def _abschliessen(haushalt: Haushalt, jahr: int, monat: int) -> None:
    """The month's status as `lauf.schliesse_ab` leaves it (its results are not what this page reads)."""
    with haushalt.db.arbeitseinheit() as sitzung:
        sitzung.add(Abrechnungsmonat(jahr=jahr, monat=monat, status=ablage.ABGESCHLOSSEN))


def test_offener_monat_ohne_hinweis(bereich: DienstplanBereich) -> None:
    assert bereich.meldung.isHidden()


def test_abgeschlossener_monat_nennt_die_korrektur(
    qtbot: Any, bereich: DienstplanBereich, haushalt: Haushalt, monkeypatch: Any
) -> None:
    _abschliessen(haushalt, JAHR, MONAT)
    gemeldet: list[str] = []
    monkeypatch.setattr(bereich.kontext, "statusmeldung", gemeldet.append)
    bereich.lade()
    text = bereich.meldung.text()
    assert not bereich.meldung.isHidden()
    assert "Die Abrechnung März 2026 ist abgeschlossen" in text
    assert "als Korrektur mit der Abrechnung April 2026 verrechnet" in text
    assert bereich.meldung.accessibleName() == text  # read by a screen reader, not only shown

    # a change is still possible (what was worked is the truth) and is stored …
    vorlage = next(v for v in bereich.plan.vorlagen if v.name == "Frühdienst")  # type: ignore[union-attr]
    bereich.operationen._tue(lambda: dienst.plane_vorlage(haushalt.db, vorlage.id, MONTAG, haushalt.sabine))
    assert any(s.tag == MONTAG for s in dienst.monat_oeffnen(haushalt.db, JAHR, MONAT, pruefen=False).schichten)
    # … and the status line says what becomes of it
    assert gemeldet and "Frühdienst geplant" in gemeldet[-1]
    assert "als Korrektur mit der Abrechnung April 2026 verrechnet" in gemeldet[-1]
    # the month stays finalised
    assert ablage.status(haushalt.db, JAHR, MONAT) == ablage.ABGESCHLOSSEN

    # the next month is open: no such sentence there
    bereich.zeige_monat(JAHR, MONAT + 1)
    assert bereich.meldung.isHidden()


def test_korrektur_hinweis_fuer_vertraege_und_mehrere_monate(haushalt: Haushalt) -> None:
    from core.abrechnung.lauf import korrektur_hinweis

    _abschliessen(haushalt, 2026, 2)
    _abschliessen(haushalt, 2026, 3)
    assert korrektur_hinweis(haushalt.db, [date(2026, 4, 2)]) == ""
    assert "März 2026 ist abgeschlossen" in korrektur_hinweis(haushalt.db, [date(2026, 3, 31), date(2026, 4, 1)])
    # a contract version valid from 15 February reaches into both finalised months
    text = korrektur_hinweis(haushalt.db, ab=date(2026, 2, 15))
    assert text.startswith("Die Abrechnungen Februar 2026 bis März 2026 sind abgeschlossen")
    assert text.endswith("als Korrektur mit der Abrechnung April 2026 verrechnet.")
    assert korrektur_hinweis(haushalt.db, ab=date(2026, 4, 1)) == ""
