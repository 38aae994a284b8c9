"""Unpaid leave over one month: where the employment ends for the Sozialversicherung and where it starts again.

§ 7 Abs. 3 Satz 1 SGB IV: an employment against pay goes on while the pay stops, but for one month at most (a
Zeitmonat from the first unpaid day, §§ 187 Abs. 2, 188 Abs. 2 BGB). Unpaid leave (unbezahlt frei) that lasts longer
ends the versicherungspflichtige Beschäftigung on the last day of that month; the days after it, up to the day work
resumes, are no SV-Tage (Haufe "Besondere Beitragsberechnung bei unbezahltem Urlaub": unpaid 16.06.–31.07., work
again 01.08. → Versicherungspflicht to 15.07., June 30 SV-Tage, July 15). The DEÜV says the same: Abmeldung with
Abgabegrund 34 to the month's last day, Anmeldung 13 when work resumes (core.meldungen.unterbrechung uses
`ende_nach_einem_monat` for it). Days with Krankengeld, Kinderkrankengeld or Mutterschaftsgeld are outside this
fiction (§ 7 Abs. 3 Satz 3 SGB IV) and are left to the caller.

The payroll applies this to the SV-pflichtige employment and the Übergangsbereich. A Minijob's SV-Tage still count
every unpaid day, as agreed for now, although the Minijob-Zentrale ("Unbezahlter Urlaub im Minijob – wie läuft das
Meldeverfahren?") and Haufe ("Unbezahlter Urlaub im Minijob") end a Minijob after the month too (Abmeldung 34); there
the SV-Tage only prorate the RV Mindestbemessungsgrundlage (175 € × SV-Tage / 30) in the month work resumes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from core.dienstplan.abwesenheit import Abwesenheit, Abwesenheitsart
from core.domain.kalender import monatsfrist_ende

EIN_TAG = timedelta(days=1)


def ende_nach_einem_monat(erster_unbezahlter_tag: date) -> date:
    """Last day the employment goes on without pay (§ 7 Abs. 3 Satz 1 SGB IV): one month from the first unpaid day,
    e.g. 10.03. → 09.04., 31.01. → 28.02. (§ 188 Abs. 3 BGB)."""
    return monatsfrist_ende(erster_unbezahlter_tag, 1)


def unbezahlte_zeitraeume(abwesenheiten: Iterable[Abwesenheit]) -> list[tuple[date, date]]:
    """The uninterrupted spans of unpaid leave, oldest first: adjacent or overlapping absences of the kind
    „Unbezahlt frei“ are one span (a leave entered as two records is still one leave)."""
    zeitraeume: list[tuple[date, date]] = []
    for abw in sorted((a for a in abwesenheiten if a.art is Abwesenheitsart.UNBEZAHLT), key=lambda a: a.von):
        if zeitraeume and abw.von <= zeitraeume[-1][1] + EIN_TAG:
            anfang, ende = zeitraeume[-1]
            zeitraeume[-1] = (anfang, max(ende, abw.bis))
        else:
            zeitraeume.append((abw.von, abw.bis))
    return zeitraeume


def ohne_beschaeftigung(abwesenheiten: Iterable[Abwesenheit], von: date, bis: date) -> dict[date, date]:
    """The days of `von`..`bis` on which unpaid leave has lasted longer than one month, each with the span's last
    day of employment (`ende_nach_einem_monat`). A span that began before `von` counts from its real first day, so
    the caller must pass the absences of the months before as well."""
    tage: dict[date, date] = {}
    for anfang, ende in unbezahlte_zeitraeume(abwesenheiten):
        sv_ende = ende_nach_einem_monat(anfang)
        tag = max(sv_ende + EIN_TAG, von)
        while tag <= min(ende, bis):
            tage[tag] = sv_ende
            tag += EIN_TAG
    return tage
