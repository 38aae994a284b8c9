"""Due dates of the Beitragsnachweis (fünftletzter Bankarbeitstag, § 28f Abs. 3 SGB IV) and of the contributions
(drittletzter Bankarbeitstag, § 23 Abs. 1 SGB IV), counted by hand from the calendar.

Bank working days: Monday to Friday without the nationwide holidays, 24 and 31 December and the Land's holidays.
The 2025 rows agree with the Fälligkeitstermine the Krankenkassen published for 2025 (e.g. AOK/GKV table
"Fälligkeit der Gesamtsozialversicherungsbeiträge 2025": October 27./29., in Länder with the Reformationstag
24./28.; December 19./23.).
"""

from __future__ import annotations

from datetime import date

import pytest

from core.meldungen.bankarbeitstage import ist_bankarbeitstag, letzter_bankarbeitstag
from core.meldungen.fristen import Beitragstermine, beitragsnachweis_termine, beitragstermine

# (month, Beitragsnachweis, payment) for 2025 in Baden-Württemberg, worked by hand:
# e.g. April: 30 Wed (1), 29 (2), 28 Mon (3), 25 Fri (4), 24 Thu (5) – Easter Monday 21.04. lies before.
# May: 31 Sat; 30 Fri (1), 29 Ascension Day, 28 (2), 27 (3), 26 (4), 23 Fri (5).
# December: 31 and 24 closed, 25/26 holidays: 30 (1), 29 (2), 23 (3), 22 (4), 19 Fri (5).
BW_2025 = [
    (1, date(2025, 1, 27), date(2025, 1, 29)),
    (2, date(2025, 2, 24), date(2025, 2, 26)),
    (3, date(2025, 3, 25), date(2025, 3, 27)),
    (4, date(2025, 4, 24), date(2025, 4, 28)),
    (5, date(2025, 5, 23), date(2025, 5, 27)),
    (6, date(2025, 6, 24), date(2025, 6, 26)),
    (7, date(2025, 7, 25), date(2025, 7, 29)),
    (8, date(2025, 8, 25), date(2025, 8, 27)),
    (9, date(2025, 9, 24), date(2025, 9, 26)),
    (10, date(2025, 10, 27), date(2025, 10, 29)),
    (11, date(2025, 11, 24), date(2025, 11, 26)),
    (12, date(2025, 12, 19), date(2025, 12, 23)),
]


@pytest.mark.parametrize(("monat", "nachweis", "zahlung"), BW_2025, ids=[f"BW-2025-{m:02d}" for m, _n, _z in BW_2025])
def test_termine_2025_baden_wuerttemberg(monat: int, nachweis: date, zahlung: date) -> None:
    assert beitragsnachweis_termine(2025, monat, "BW") == (nachweis, zahlung)


@pytest.mark.parametrize(("monat", "nachweis", "zahlung"), BW_2025, ids=[f"NI-2025-{m:02d}" for m, _n, _z in BW_2025])
def test_termine_2025_niedersachsen(monat: int, nachweis: date, zahlung: date) -> None:
    """Niedersachsen keeps the Reformationstag (Friday 31.10.2025): October moves by one bank working day."""
    if monat == 10:
        # 31 holiday; 30 Thu (1), 29 (2), 28 Tue (3), 27 (4), 24 Fri (5)
        nachweis, zahlung = date(2025, 10, 24), date(2025, 10, 28)
    assert beitragsnachweis_termine(2025, monat, "NI") == (nachweis, zahlung)


def test_dezember_2026() -> None:
    """31 Thu and 24 Thu closed, 25 Fri holiday: 30 (1), 29 (2), 28 Mon (3), 23 Wed (4), 22 Tue (5)."""
    assert beitragsnachweis_termine(2026, 12, "BY") == (date(2026, 12, 22), date(2026, 12, 28))


def test_bankarbeitstage() -> None:
    assert not ist_bankarbeitstag(date(2026, 12, 24), "BW")  # Heiligabend: bank closing day
    assert not ist_bankarbeitstag(date(2026, 12, 31), "BW")  # Silvester
    assert not ist_bankarbeitstag(date(2026, 6, 4), "BW")  # Fronleichnam in BW
    assert ist_bankarbeitstag(date(2026, 6, 4), "BE")  # … not in Berlin
    assert ist_bankarbeitstag(date(2026, 12, 23), "BW")
    assert letzter_bankarbeitstag(2026, 1, "BW", 1) == date(2026, 1, 30)  # 31.01.2026 is a Saturday
    with pytest.raises(ValueError, match="nummer"):
        letzter_bankarbeitstag(2026, 1, "BW", 0)


def test_feiertage_am_sitz_der_kasse() -> None:
    """Whose holidays: the seat of the Einzugsstelle (Gemeinsame Verlautbarung der Spitzenverbände zur Fälligkeit des
    Gesamtsozialversicherungsbeitrags ab 01.01.2006, Titel B.4 Abs. 2: the contribution is a Bringschuld, Erfüllungsort
    the seat of the Einzugsstelle, whose holidays count, non-nationwide ones too; KKH "Fälligkeitstermine": seat in
    Niedersachsen, so the Reformationstag counts). October 2025 by hand, as in the rows above: a Kasse seated in
    Niedersachsen 24./28.10., one in Nordrhein-Westfalen 27./29.10. — whatever the employer's Land."""
    assert beitragstermine(2025, 10, "NI") == Beitragstermine(date(2025, 10, 24), date(2025, 10, 28), "NI")
    nrw = beitragstermine(2025, 10, "NW")
    assert (nrw.einreichung, nrw.zahlung, nrw.hinweis) == (date(2025, 10, 27), date(2025, 10, 29), "")
    assert "Nordrhein-Westfalen, dem Sitz der Kasse" in nrw.feiertage and "Titel B.4" in nrw.feiertage


def test_ohne_sitz_der_frueheste_termin_und_ein_hinweis() -> None:
    """Seat not entered: no guess. The earliest date any Land gives (October 2025: that of the Länder with the
    Reformationstag, 24./28.10.), so paying by it is never late, and one sentence saying what to enter."""
    t = beitragstermine(2025, 10, "", "die Einzugsstelle „TK“")
    assert (t.einreichung, t.zahlung, t.land) == (date(2025, 10, 24), date(2025, 10, 28), "")
    assert t.hinweis.startswith("Für die Einzugsstelle „TK“ ist das Bundesland ihres Sitzes nicht eingetragen")
    assert "Einstellungen → Krankenkassen" in t.hinweis and t.feiertage == t.hinweis
    # a month without a Landesfeiertag among its last days: the same dates everywhere
    assert (beitragstermine(2025, 9, "").einreichung, beitragstermine(2025, 9, "").zahlung) == (
        date(2025, 9, 24),
        date(2025, 9, 26),
    )
