"""Corrections of finalised months (issue 15): every changed input of any earlier finalised month is found, and a
month whose input did not change is not computed again.

The household is the scenario sv_pflichtig_nacht_sonntag (one SV-pflichtige assistant, day, night and Sunday shifts
in March 2026) with its shifts repeated four and eight weeks later, so March, April and May all have work; the three
months are finalised once (module fixture) and each test works on a copy of that file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.abrechnung import ablage, lauf
from core.abrechnung.modell import Monatseingabe, Monatsergebnis
from core.abrechnung.modelle import Einmalzahlung
from core.abrechnung.szenario_laden import lade
from core.dienstplan import abbildung as ab
from core.dienstplan.modelle import SchichtZeile
from core.dienstplan.schicht import Istzeit
from core.io.belegdaten import Beleggrundlage
from core.io.belege_export import lohnjournal_exportieren
from core.io.lohnkonto import lohnkonto
from core.persistence.datenbank import Datenbank
from core.persistence.modelle import Assistenzkraft, KassenJahr, Krankenkasse
from core.stammdaten import start

SZENARIEN = Path(__file__).resolve().parents[2] / "data" / "szenarien"
SV_PFLICHTIG = SZENARIEN / "sv_pflichtig_nacht_sonntag.json"
MONATE = [(2026, 3), (2026, 4), (2026, 5)]


@pytest.fixture(scope="module")
def abgeschlossen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """March to May finalised, without corrections."""
    return _haushalt(SV_PFLICHTIG, tmp_path_factory.mktemp("korrekturen") / "haushalt.sqlite")


def _haushalt(szenario: Path, pfad: Path) -> Path:
    """The scenario's household with its March shifts repeated four and eight weeks later; March to May finalised."""
    lade(szenario, pfad)
    db = start.oeffne(pfad)
    try:
        with db.arbeitseinheit() as sitzung:
            maerz = [ab.schicht_aus_zeile(z) for z in sitzung.scalars(select(SchichtZeile))]
            for wochen in (4, 8):
                for s in maerz:
                    beginn, ende = s.beginn + timedelta(weeks=wochen), s.ende + timedelta(weeks=wochen)
                    neu = s.mit(id=None, beginn=beginn, ende=ende, ist=Istzeit(beginn, ende))
                    zeile = SchichtZeile()
                    ab.setze_schicht(zeile, neu)
                    sitzung.add(zeile)
        for jahr, monat in MONATE:
            assert not lauf.schliesse_ab(db, jahr, monat).korrekturen
    finally:
        db.schliessen()
    return pfad


@pytest.fixture
def db(abgeschlossen: Path, tmp_path: Path) -> Iterator[Datenbank]:
    kopie = tmp_path / "haushalt.sqlite"
    shutil.copyfile(abgeschlossen, kopie)
    datenbank = start.oeffne(kopie)
    try:
        yield datenbank
    finally:
        datenbank.schliessen()


def _erste_schicht_im(sitzung: Session, monat: int) -> SchichtZeile:
    zeile = sitzung.scalars(
        select(SchichtZeile)
        .where(SchichtZeile.tag >= date(2026, monat, 1), SchichtZeile.tag < date(2026, monat + 1, 1))
        .order_by(SchichtZeile.beginn)
    ).first()
    assert zeile is not None and zeile.ist_ende is not None
    return zeile


def _schicht_maerz_laenger(sitzung: Session) -> None:
    zeile = _erste_schicht_im(sitzung, 3)
    zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)  # type: ignore[operator]


def _schicht_april_laenger(sitzung: Session) -> None:
    zeile = _erste_schicht_im(sitzung, 4)
    zeile.ist_ende = zeile.ist_ende + timedelta(hours=1)  # type: ignore[operator]


def _praemie_im_april(sitzung: Session) -> None:
    sitzung.add(Einmalzahlung(assistenzkraft_id=1, jahr=2026, monat=4, art="praemie", betrag=Decimal("250.00")))


def _praemie_im_mai(sitzung: Session) -> None:
    sitzung.add(Einmalzahlung(assistenzkraft_id=1, jahr=2026, monat=5, art="praemie", betrag=Decimal("250.00")))


def _zusatzbeitrag_2026(sitzung: Session) -> None:
    kassenjahr = sitzung.scalars(
        select(KassenJahr).join(Krankenkasse).where(KassenJahr.jahr == 2026, Krankenkasse.name == "AOK BW")
    ).one()
    kassenjahr.zusatzbeitrag_prozent = Decimal("3.1")


def _ohne_kirchensteuer(sitzung: Session) -> None:
    kraft = sitzung.scalars(select(Assistenzkraft)).one()
    kraft.konfession = "--"


@pytest.mark.parametrize(
    ("aenderung", "monate", "felder"),
    [
        pytest.param(_schicht_maerz_laenger, MONATE[:1], {"brutto", "stunden"}, id="Schicht im ältesten Monat"),
        pytest.param(_schicht_april_laenger, MONATE[1:2], {"brutto", "stunden"}, id="Schicht im mittleren Monat"),
        pytest.param(_praemie_im_april, MONATE[1:2], {"brutto", "einmalzahlungen"}, id="Einmalzahlung April"),
        pytest.param(_praemie_im_mai, MONATE[2:], {"brutto", "einmalzahlungen"}, id="Einmalzahlung Mai"),
        pytest.param(_zusatzbeitrag_2026, MONATE, {"kv_zusatzbeitrag_an"}, id="Zusatzbeitrag der Kasse"),
        pytest.param(_ohne_kirchensteuer, MONATE, {"kirchensteuer"}, id="Personalbogen: keine Kirche"),
    ],
)
def test_jede_geaenderte_eingabe_eines_abgeschlossenen_monats_wird_korrektur(
    db: Datenbank, aenderung: Callable[[Session], None], monate: list[tuple[int, int]], felder: set[str]
) -> None:
    """A change after finalising (shift, one-off payment, Kasse rate, Personalbogen) in any of the finalised months,
    not only the latest, is found, recomputed and settled in June; the months before it are left alone.

    The months after a changed one are computed again (their input holds the year's totals up to them) but corrected
    only where their own payroll changes: a Kasse rate or the church tax changes every month, one longer shift or a
    one-off payment only its own (test_spaetere_monate_ohne_eigene_aenderung_bleiben_wie_sie_sind)."""
    assert lauf.offene_korrekturen(db) == []
    with db.arbeitseinheit() as sitzung:
        aenderung(sitzung)
    korrekturen = lauf.offene_korrekturen(db)
    assert [(k.jahr, k.monat) for k in korrekturen] == monate
    assert felder <= {f for f, _a, _b in korrekturen[0].differenz}
    for k in korrekturen:
        assert k.version == 2 and k.vorher == ablage.lade_monat(db, k.jahr, k.monat).ergebnisse[0].ergebnis
    juni = lauf.schliesse_ab(db, 2026, 6)
    assert [(k.jahr, k.monat) for k in juni.korrekturen] == monate
    assert lauf.offene_korrekturen(db) == []  # settled once


def _zaehle_berechnungen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    gerechnet: list[tuple[int, int]] = []
    echt = lauf.berechne

    def zaehlend(eingabe: Monatseingabe) -> Monatsergebnis:
        gerechnet.append((eingabe.jahr, eingabe.monat))
        return echt(eingabe)

    monkeypatch.setattr(lauf, "berechne", zaehlend)
    return gerechnet


def test_unveraenderter_monat_wird_nicht_neu_berechnet(db: Datenbank, monkeypatch: pytest.MonkeyPatch) -> None:
    """Showing June computes June only: March to May, whose inputs did not change, are not computed again. After a
    change in May, finalising June computes May again (for its correction) and June, but not March and April.
    (A change in April would recompute May too: May's input holds the year's totals up to April.)"""
    gerechnet = _zaehle_berechnungen(monkeypatch)
    assert lauf.abrechnung(db, 2026, 6).korrekturen == ()
    assert gerechnet == [(2026, 6)]
    gerechnet.clear()
    with db.arbeitseinheit() as sitzung:
        _praemie_im_mai(sitzung)
    juni = lauf.schliesse_ab(db, 2026, 6)
    assert [(k.jahr, k.monat) for k in juni.korrekturen] == [(2026, 5)]
    assert sorted(gerechnet) == [(2026, 5), (2026, 6)]
    gerechnet.clear()
    assert lauf.offene_korrekturen(db) == [] and gerechnet == []


def test_spaetere_monate_ohne_eigene_aenderung_bleiben_wie_sie_sind(db: Datenbank, tmp_path: Path) -> None:
    """One hour more on Monday 02.03.2026 (08:00–16:00 becomes 08:00–17:00, a weekday hour without surcharge) after
    March to May were finalised: March is corrected by 1 h × 18,00 € (the scenario's Stundenlohn) = +18,00 € gross,
    SV and tax gross. April and May are computed again, because their input holds the year so far, and differ only in
    their Begründung (the Jahresprognose of the year's pay, 35.910,00 € → 36.000,00 € in April) and in the year's
    totals they carry; their pay, deductions, net, employer cost and payout stay as they were. So they keep their
    version 1 (payroll practice: a payslip is corrected when an amount of its month changes; the year-to-date figures
    go on in the next payroll), and June carries the corrected year: the year's totals of every month, added up from
    the valid versions, are those of before plus 18,00 € from March on."""
    vorher = {m: ablage.lade_monat(db, 2026, m).ergebnisse[0].ergebnis for _j, m in MONATE}
    with db.arbeitseinheit() as sitzung:
        _schicht_maerz_laenger(sitzung)
    (maerz,) = lauf.offene_korrekturen(db)
    assert (maerz.jahr, maerz.monat, maerz.version) == (2026, 3, 2)
    assert maerz.nachher.brutto - maerz.vorher.brutto == Decimal("18.00")
    assert maerz.nachher.sv_brutto - maerz.vorher.sv_brutto == Decimal("18.00")
    juni = lauf.schliesse_ab(db, 2026, 6)
    assert [(k.jahr, k.monat) for k in juni.korrekturen] == [(2026, 3)]
    person = maerz.assistenzkraft_id
    for monat in (4, 5):
        (version,) = ablage.versionen(db, 2026, monat, person)  # untouched: still the one version finalised in May
        assert version.version == 1 and version.ergebnis == vorher[monat]
    assert [g.version for g in ablage.versionen(db, 2026, 3, person)] == [1, 2]
    assert lauf.offene_korrekturen(db) == []

    summen = ablage.jahressummen(db, 2026)
    plus = Decimal("18.00")
    for monat in (3, 4, 5):  # before the change, each month's own totals were the year's
        assert summen[(person, monat)].brutto == vorher[monat].jahreswerte.brutto + plus
        assert summen[(person, monat)].entgelt_rv == vorher[monat].jahreswerte.entgelt_rv + plus
        assert summen[(person, monat)].steuerbrutto == vorher[monat].jahreswerte.steuerbrutto + plus
    juni_ergebnis = ablage.lade_monat(db, 2026, 6).ergebnisse[0].ergebnis
    assert summen[(person, 6)] == juni_ergebnis.jahreswerte  # June's own totals: computed on the corrected year
    gueltig = ablage.lade_jahr(db, 2026, person)
    for feld in ("brutto", "lohnsteuer", "kv_an", "rv_an", "netto", "arbeitgeberkosten", "auszahlung"):
        assert getattr(juni_ergebnis.jahreswerte, feld) == sum((getattr(g.ergebnis, feld) for g in gueltig), Decimal(0))
    # the Lohnkonto (the months' valid versions side by side) adds up to the year June carries
    konto = lohnkonto(2026, [Beleggrundlage(g.ergebnis, g.eingabe(db)) for g in gueltig], None)
    for text, feld in (
        ("Gesamtbrutto (Arbeitslohn)", "brutto"),
        ("Lohnsteuer", "lohnsteuer"),
        ("Nettoentgelt", "netto"),
    ):
        assert next(z for z in konto.zeilen if z.text == text).summe == getattr(juni_ergebnis.jahreswerte, feld)

    # May's Lohnjournal, printed now: its year block holds March's correction in the Lohnarten and in the totals
    ziel = tmp_path / "mai.xlsx"
    lohnjournal_exportieren(db, 2026, 5, ziel)
    blatt = load_workbook(ziel)["Januar bis Mai 2026"]
    zeilen = {blatt.cell(row=r, column=2).value: blatt.cell(row=r, column=3).value for r in range(1, blatt.max_row + 1)}
    assert zeilen["Gesamtbrutto (Arbeitslohn)"] == float(vorher[5].jahreswerte.brutto + plus)
    assert zeilen["Arbeitsstunden"] == float(sum((g.ergebnis.lohnarten[0].betrag for g in gueltig[:3]), Decimal(0)))


def test_folgekorrektur_wenn_die_jahresprognose_den_monat_aendert(tmp_path: Path) -> None:
    """Anna's Minijob in a private household (scenario minijob_privathaushalt: 15,00 €/h; March 660 €, repeated four and
    eight weeks later: April 660 €, May 300 €). The Jahresprognose (core/abrechnung/jahr.py; § 8 Abs. 1 Nr. 1 SGB IV,
    limit 12 × 603 € = 7.236 €) of April is the pay so far plus April plus the average of both for the 8 months left:
    660 + 660 + 660 × 8 = 6.600 €. Three March shifts found 3 h longer each: March + 9 h × 15 € = 795 €. April's
    forecast becomes 795 + 660 + (795 + 660) / 2 × 8 = 7.275 € > 7.236 €: April is a Midijob now, an amount of April
    changes, so April gets a version whose reason names the March correction. May's forecast goes from
    (660 + 660 + 300) / 3 = 540 → 1.620 + 540 × 7 = 5.400 € to 585 → 1.755 + 585 × 7 = 5.850 €, still a Minijob
    with the same pay and levies: May keeps its version."""
    db = start.oeffne(_haushalt(SZENARIEN / "minijob_privathaushalt.json", tmp_path / "haushalt.sqlite"))
    try:
        with db.arbeitseinheit() as sitzung:
            for zeile in sitzung.scalars(
                select(SchichtZeile).where(SchichtZeile.tag < date(2026, 4, 1)).order_by(SchichtZeile.beginn)
            ).all()[:3]:
                zeile.ist_beginn, zeile.ist_ende = zeile.beginn, zeile.ende + timedelta(hours=3)
        maerz, april = lauf.offene_korrekturen(db)
        assert (maerz.monat, maerz.vorher.brutto, maerz.nachher.brutto) == (3, Decimal("660.00"), Decimal("795.00"))
        assert maerz.grund == lauf.GRUND_DATEN
        assert april.monat == 4 and april.nachher.brutto == april.vorher.brutto == Decimal("660.00")
        assert (april.vorher.beschaeftigung.value, april.nachher.beschaeftigung.value) == ("minijob", "midijob")
        assert "7.275,00" in april.nachher.begruendung[0]
        assert april.grund.startswith("Folgekorrektur der Korrektur von März 2026:")
        lauf.schliesse_ab(db, 2026, 6)
        person = april.assistenzkraft_id
        assert [g.grund for g in ablage.versionen(db, 2026, 4, person)] == ["", april.grund]
        assert [g.version for g in ablage.versionen(db, 2026, 5, person)] == [1]
    finally:
        db.schliessen()


def test_zeitkonto_vortrag_allein_macht_keine_korrektur(tmp_path: Path) -> None:
    """The household of the other tests with a Monatslohn of 3.000,00 € for 40 hours a week instead of the Stundenlohn
    (a Zeitkonto, seed 004, 2.5). One hour more on 02.03. changes March's Ist by 1,00 h and so its Saldo (and its
    surcharges a little: their Grundlohn is 3.000 € / the hours of the month, § 3b Abs. 2 EStG). April and May then
    take over a balance 1,00 h higher, but their own Soll, Ist and pay are as before: they keep their version, and
    June carries the balance on (June's Vortrag = May's Saldo + 1,00 h)."""
    daten = json.loads(SV_PFLICHTIG.read_text(encoding="utf-8"))
    kraft = daten["assistenzkraefte"][0]
    del kraft["stundenlohn"]
    kraft.update({"monatslohn": "3000.00", "wochenstunden": "40"})
    szenario = tmp_path / "festlohn.json"
    szenario.write_text(json.dumps(daten), encoding="utf-8")
    db = start.oeffne(_haushalt(szenario, tmp_path / "haushalt.sqlite"))
    try:
        with db.arbeitseinheit() as sitzung:
            _schicht_maerz_laenger(sitzung)
        (maerz,) = lauf.offene_korrekturen(db)
        assert maerz.monat == 3
        vorher_konto, nachher_konto = maerz.vorher.zeitkonto, maerz.nachher.zeitkonto
        assert vorher_konto is not None and nachher_konto is not None
        assert nachher_konto.ist - vorher_konto.ist == nachher_konto.saldo - vorher_konto.saldo == Decimal("1.00")
        lauf.schliesse_ab(db, 2026, 6)
        person = maerz.assistenzkraft_id
        mai = ablage.versionen(db, 2026, 5, person)
        assert [g.version for g in ablage.versionen(db, 2026, 4, person)] == [g.version for g in mai] == [1]
        juni = ablage.lade_monat(db, 2026, 6).ergebnisse[0].ergebnis
        assert juni.zeitkonto is not None and mai[0].ergebnis.zeitkonto is not None
        assert juni.zeitkonto.vortrag == mai[0].ergebnis.zeitkonto.saldo + Decimal("1.00")
    finally:
        db.schliessen()


def test_spaetere_monate_ohne_folgen_werden_einmal_gerechnet(db: Datenbank, monkeypatch: pytest.MonkeyPatch) -> None:
    """After March's correction, April's and May's inputs stay different from their snapshots (the year so far
    changed) while their versions stay: they are computed once to find that out, not again at every later look."""
    with db.arbeitseinheit() as sitzung:
        _schicht_maerz_laenger(sitzung)
    gerechnet = _zaehle_berechnungen(monkeypatch)
    juni = lauf.schliesse_ab(db, 2026, 6)
    assert [(k.jahr, k.monat) for k in juni.korrekturen] == [(2026, 3)]
    assert sorted(gerechnet) == [(2026, 3), (2026, 4), (2026, 5), (2026, 6)]
    gerechnet.clear()
    assert lauf.offene_korrekturen(db) == [] and gerechnet == []
    assert lauf.abrechnung(db, 2026, 7).korrekturen == () and gerechnet == [(2026, 7)]
