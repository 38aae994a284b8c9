"""U1/U2 claims from the payroll's continued pay, worked by hand (issue 10's list).

Rates used, with their sources:
- 70 %: the level "70 Prozent (Regelsatz), Umlagesatz 2,4 Prozent" of the example table in
  informationsportal.de, "Richtigen Erstattungssatz U1 wählen und Geld sparen" (also CONTRACTS §9's example).
- 60 % / 80 % with the employer's shares settled by the rate, U2 100 % (Mutterschaft) and 120 %
  (Beschäftigungsverbot): BKK Mitte, "Wichtig für 2026" (bkkmitte.de/bkk-aag/wichtig-fuer-2026.html): "Die
  Arbeitgeberbeitragsanteile sind mit diesem Erstattungssatz bereits abgegolten."
- Minijob-Zentrale 80 % of the continued gross pay, no employer shares: BKK Pfalz-Magazin 1/2017 ("führt die
  Minijob-Zentrale ... das Ausgleichsverfahren mit einem einheitlichen Erstattungssatz von 80 Prozent durch") and
  informationsportal.de/BKK Diakonie 2023 ("nur einen Erstattungssatz, nämlich den gesetzlichen von 80 Prozent der
  Aufwendungen in der U1. In der U2 beträgt der Erstattungssatz für alle 100 Prozent").
- SV employer shares 2026: KV 7,3 % + half the Zusatzbeitrag 2,9 % = 8,75 %, PV 1,8 %, RV 9,3 %, AV 1,3 %
  (resources/regeln/2026.toml, RECHENGROESSEN.md).
- Six weeks, waiting period four weeks, Fortsetzungserkrankung: § 3 EFZG; lapse § 6 Abs. 1 AAG.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from core.abrechnung.modell import Fortzahlung, Monatsergebnis, Vorgeschichte, Vormonat
from core.abrechnung.rechnen import berechne
from core.abrechnung.szenario import lies_szenario
from core.erstattung.berechnung import Kassensaetze, Person, Teil, berechne_antrag, frist_bis, gruppiere
from core.regeln.klassifikation import Beschaeftigungsart

D = Decimal
PERSON = Person(1, "x", "Erika Muster")
BEISPIEL_70 = Kassensaetze("K", 2026, D(70), False, D(100))
BEISPIEL_70_MIT_AG = Kassensaetze("K", 2026, D(70), True, D(100))
BKK_MITTE_60 = Kassensaetze(
    "BKK Mitte", 2026, D(60), False, D(100), u2_bv_erstattung_prozent=D(120), u2_ag_anteile_erstattet=False
)
MINIJOB_ZENTRALE = Kassensaetze("Minijob-Zentrale", 2026, D(80), False, D(100), minijob_zentrale=True)


def _werktage(jahr: int, monat: int, *, bis: int = 31) -> list[date]:
    tag, tage = date(jahr, monat, 1), []
    while tag.month == monat and tag.day <= bis:
        if tag.weekday() < 5:
            tage.append(tag)
        tag += timedelta(days=1)
    return tage


def _monat(
    monat: int, abwesenheiten: list[dict[str, Any]], *, tage: list[date] | None = None, **kraft: Any
) -> Monatsergebnis:
    """One month of the payroll for one assistant: 8-hour shifts (08–16) at 16.00 €/h on the given days."""
    schichten = [{"beginn": f"{t}T08:00", "ende": f"{t}T16:00"} for t in (tage or _werktage(2026, monat))]
    daten = {
        "id": "x",
        "geburtsdatum": "1990-01-01",
        "krankenkasse": "K",
        "elterneigenschaft": True,
        "stundenlohn": "16.00",
        "schichten": schichten,
        "abwesenheiten": abwesenheiten,
    }
    daten.update(kraft)
    szenario = {
        "jahr": 2026,
        "monat": monat,
        "arbeitgeber": {"bundesland": "BW"},
        "krankenkassen": {"K": {"zusatzbeitrag": "2.9", "u1_satz": "2.4", "u1_erstattung": "70", "u2_satz": "0.40"}},
        "assistenzkraefte": [daten],
    }
    return berechne(lies_szenario(szenario).eingaben[0])


def _teile(*monate: tuple[int, Monatsergebnis], kasse: str = "K") -> list[Teil]:
    return [Teil(1, 2026, m, f, kasse) for m, e in monate for f in e.fortzahlungen]


def test_u1_70_prozent_ohne_arbeitgeberanteile() -> None:
    """Sick Tue 10.–Fri 13.03.2026, four 8-hour shifts at 16.00 €: 4 × 8 × 16.00 = 512.00 €; × 70 % = 358.40 €."""
    maerz = _monat(3, [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-13"}], tage=_werktage(2026, 3, bis=27))
    (gruppe,) = gruppiere(_teile((3, maerz)))
    a = berechne_antrag(PERSON, gruppe, BEISPIEL_70)
    assert (a.verfahren, a.anlass, a.von, a.bis, a.tage) == (
        "U1",
        "arbeitsunfaehigkeit",
        date(2026, 3, 10),
        date(2026, 3, 13),
        4,
    )
    assert a.fortgezahltes_entgelt == D("512.00")
    assert a.ag_anteile == D("0.00") and not a.ag_anteile_erstattet
    assert a.erstattungssatz == D(70) and a.erstattungsbetrag == D("358.40")
    assert a.vollstaendig and a.frist_bis == date(2030, 12, 31)  # § 6 Abs. 1 AAG: 4 years after 2026


def test_arbeitgeberanteile_erstattet_wenn_die_satzung_es_vorsieht() -> None:
    """Same month, 20 shifts (02.–27.03.) = 2,560.00 € gross, of it 512.00 € continued pay (a fifth). Employer
    shares of the month: KV 8.75 % = 224.00, PV 1.8 % = 46.08, RV 9.3 % = 238.08, AV 1.3 % = 33.28; a fifth each:
    44.80 + 9.22 (9.216) + 47.62 (47.616) + 6.66 (6.656) = 108.30. Refunded: (512.00 + 108.30) × 70 % = 434.21;
    not refunded: 512.00 × 70 % = 358.40."""
    maerz = _monat(3, [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-13"}], tage=_werktage(2026, 3, bis=27))
    assert maerz.brutto == D("2560.00")
    (gruppe,) = gruppiere(_teile((3, maerz)))
    mit = berechne_antrag(PERSON, gruppe, BEISPIEL_70_MIT_AG)
    ohne = berechne_antrag(PERSON, gruppe, BEISPIEL_70)
    assert mit.ag_anteile_gezahlt == D("108.30") == mit.ag_anteile
    assert mit.erstattungsbetrag == D("434.21")
    assert ohne.ag_anteile_gezahlt == D("108.30") and ohne.ag_anteile == D("0")
    assert ohne.erstattungsbetrag == D("358.40")


def test_minijob_80_prozent_bei_der_minijob_zentrale() -> None:
    """Minijob, 4-hour shifts (08–12) at 14.00 €, sick Mon 09.–Wed 11.03.2026: 3 × 4 × 14.00 = 168.00 €;
    Minijob-Zentrale 80 % = 134.40 €, no employer shares (its flat-rate contributions are not refunded)."""
    tage = [date(2026, 3, t) for t in (2, 3, 4, 9, 10, 11, 16, 17, 18)]
    schichten = [{"beginn": f"{t}T08:00", "ende": f"{t}T12:00"} for t in tage]
    maerz = _monat(
        3,
        [{"art": "krank", "von": "2026-03-09", "bis": "2026-03-11"}],
        tage=[],
        stundenlohn="14.00",
        schichten=schichten,
        beschaeftigung="minijob",
    )
    assert maerz.beschaeftigung is Beschaeftigungsart.MINIJOB
    (gruppe,) = gruppiere(_teile((3, maerz), kasse="Minijob-Zentrale"))
    a = berechne_antrag(PERSON, gruppe, MINIJOB_ZENTRALE)
    assert a.fortgezahltes_entgelt == D("168.00") and a.ag_anteile_gezahlt > 0
    assert (a.kasse, a.erstattungssatz, a.ag_anteile, a.erstattungsbetrag) == (
        "Minijob-Zentrale",
        D(80),
        D(0),
        D("134.40"),
    )


def test_wartezeit_keine_fortzahlung_kein_antrag() -> None:
    """Eintritt 02.03.2026, sick 10.–12.03.: within the first four weeks (§ 3 Abs. 3 EFZG) — no continued pay,
    so no claim; the payroll says why (EFZG_WARTEZEIT)."""
    maerz = _monat(3, [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-12"}], eintritt="2026-03-02")
    assert maerz.fortzahlungen == ()
    assert gruppiere(_teile((3, maerz))) == []
    assert "EFZG_WARTEZEIT" in {h.code for h in maerz.hinweise}


def test_sechs_wochen_ueber_zwei_monate_ein_antrag() -> None:
    """Sick 14.09.–08.11.2026 (Mon–Fri 8-hour shifts at 16.00 €). Six weeks = 42 days: 14.09.–25.10.
    September 14.–30.: 13 shift days × 128.00 = 1,664.00; October 1.–25.: 17 shift days × 128.00 = 2,176.00.
    One claim 14.09.–25.10., 42 days, 3,840.00 €; BKK Mitte 60 %, shares settled by the rate: 2,304.00 €."""
    abw = [{"art": "krank", "von": "2026-09-14", "bis": "2026-11-08", "id": 7}]
    september, oktober = _monat(9, abw), _monat(10, abw)
    assert "EFZG_HOECHSTDAUER" in {h.code for h in oktober.hinweise}
    gruppen = gruppiere(_teile((9, september), (10, oktober), kasse="BKK Mitte"))
    assert len(gruppen) == 1
    a = berechne_antrag(PERSON, gruppen[0], BKK_MITTE_60)
    assert (a.von, a.bis, a.tage, a.monate) == (date(2026, 9, 14), date(2026, 10, 25), 42, ((2026, 9), (2026, 10)))
    assert a.fortgezahltes_entgelt == D("3840.00")
    assert a.erstattungsbetrag == D("2304.00") and not a.zwischenabrechnung


def test_zwischenabrechnung_wenn_die_abwesenheit_weiterlaeuft() -> None:
    abw = [{"art": "krank", "von": "2026-09-14", "bis": "2026-11-08", "id": 7}]
    (gruppe,) = gruppiere(_teile((9, _monat(9, abw))))
    a = berechne_antrag(PERSON, gruppe, BEISPIEL_70, laeuft_weiter=True)
    assert a.zwischenabrechnung and "ERSTATTUNG_ZWISCHENABRECHNUNG" in {h.code for h in a.hinweise}
    assert a.erstattungsbetrag == D("1164.80")  # 1,664.00 × 70 %


def test_fortsetzungserkrankung_nur_der_rest_der_sechs_wochen() -> None:
    """Sick 01.–30.09.2026 (30 days paid), then 12.10.–31.10. marked as the same illness (§ 3 Abs. 1 Satz 2 EFZG):
    12 days left, 12.–23.10., with 10 shift days × 128.00 = 1,280.00 €; × 60 % = 768.00 €."""
    abw = [
        {"art": "krank", "von": "2026-09-01", "bis": "2026-09-30", "id": 1},
        {"art": "krank", "von": "2026-10-12", "bis": "2026-10-31", "id": 2, "fortsetzung_von": 1},
    ]
    oktober = _monat(10, abw)
    (gruppe,) = gruppiere(_teile((10, oktober), kasse="BKK Mitte"))
    a = berechne_antrag(PERSON, gruppe, BKK_MITTE_60)
    assert (a.von, a.bis, a.tage) == (date(2026, 10, 12), date(2026, 10, 23), 12)
    assert a.fortgezahltes_entgelt == D("1280.00") and a.erstattungsbetrag == D("768.00")
    assert "EFZG_FORTSETZUNG" in {h.code for h in oktober.hinweise}


def _fortzahlung(anlass: str, entgelt: str, *, zuschuss: str = "0", kv: str = "0", rv: str = "0") -> Fortzahlung:
    art = {"beschaeftigungsverbot": "beschaeftigungsverbot", "mutterschutzfrist": "mutterschutz"}[anlass]
    return Fortzahlung(
        abwesenheit_id=3,
        art=art,
        verfahren="U2",
        anlass=anlass,
        von=date(2026, 6, 1),
        bis=date(2026, 6, 30),
        tage=30,
        stunden=D(0),
        fortgezahltes_entgelt=D(entgelt),
        zuschuss_mutterschaftsgeld=D(zuschuss),
        kv_ag=D(kv),
        rv_ag=D(rv),
    )


def test_u2_mutterschutzlohn_mit_arbeitgeberanteilen_voll() -> None:
    """Beschäftigungsverbot, Mutterschutzlohn 1,000.00 € with employer shares 87.50 + 93.00 = 180.50 €: refunded in
    full (§ 1 Abs. 2 AAG, 100 %): 1,180.50 €. At BKK Mitte (120 %, shares settled by the rate): 1,200.00 €."""
    teil = [Teil(1, 2026, 6, _fortzahlung("beschaeftigungsverbot", "1000.00", kv="87.50", rv="93.00"), "K")]
    gesetzlich = berechne_antrag(PERSON, teil, BEISPIEL_70)
    assert (gesetzlich.verfahren, gesetzlich.erstattungssatz, gesetzlich.ag_anteile) == ("U2", D(100), D("180.50"))
    assert gesetzlich.erstattungsbetrag == D("1180.50")
    bkk = berechne_antrag(PERSON, [Teil(1, 2026, 6, teil[0].fortzahlung, "BKK Mitte")], BKK_MITTE_60)
    assert (bkk.erstattungssatz, bkk.ag_anteile, bkk.erstattungsbetrag) == (D(120), D(0), D("1200.00"))


def test_u2_zuschuss_zum_mutterschaftsgeld_aus_der_abrechnung() -> None:
    """Schutzfrist from 15.06.2026; net pay 1,500.00 € in each of March (31 days), April (30), May (31): 4,500.00 /
    92 = 48.913 € a calendar day − 13 € (§ 20 Abs. 1 MuSchG) = 35.91 €; 16 days (15.–30.06.) = 574.56 €, U2 100 %."""
    vormonate = tuple(
        Vormonat(2026, m, Beschaeftigungsart.SV_PFLICHTIG, laufendes_entgelt=D("2200.00"), netto=D("1500.00"))
        for m in (3, 4, 5)
    )
    szenario = {
        "jahr": 2026,
        "monat": 6,
        "arbeitgeber": {"bundesland": "BW"},
        "krankenkassen": {"K": {"zusatzbeitrag": "2.9", "u1_satz": "2.4", "u1_erstattung": "70", "u2_satz": "0.40"}},
        "assistenzkraefte": [
            {
                "id": "x",
                "geburtsdatum": "1990-01-01",
                "krankenkasse": "K",
                "stundenlohn": "16.00",
                "schichten": [{"beginn": f"{t}T08:00", "ende": f"{t}T16:00"} for t in _werktage(2026, 6, bis=12)],
                "abwesenheiten": [{"art": "mutterschutz", "von": "2026-06-15", "bis": "2026-09-21"}],
            }
        ],
    }
    eingabe = lies_szenario(szenario).eingaben[0]
    from dataclasses import replace

    juni = berechne(replace(eingabe, vorgeschichte=Vorgeschichte(bekannt=True, vormonate=vormonate)))
    (f,) = juni.fortzahlungen
    assert (f.anlass, f.zuschuss_mutterschaftsgeld, f.fortgezahltes_entgelt) == ("mutterschutzfrist", D("574.56"), D(0))
    a = berechne_antrag(PERSON, [Teil(1, 2026, 6, f, "K")], BEISPIEL_70)
    assert (a.verfahren, a.von, a.bis, a.erstattungssatz, a.erstattungsbetrag) == (
        "U2",
        date(2026, 6, 15),
        date(2026, 6, 30),
        D(100),
        D("574.56"),
    )


@pytest.mark.parametrize(
    ("saetze", "kasse", "code"),
    [
        pytest.param(None, "K", "ERSTATTUNG_OHNE_SATZ", id="Kasse ohne Sätze für das Jahr"),
        pytest.param(Kassensaetze("K", 2026, None, False, D(100)), "K", "ERSTATTUNG_OHNE_SATZ", id="keine U1-Stufe"),
        pytest.param(BEISPIEL_70, None, "ERSTATTUNG_OHNE_KASSE", id="privat versichert ohne Umlagekasse"),
    ],
)
def test_unvollstaendig_ohne_erfundene_zahlen(saetze: Kassensaetze | None, kasse: str | None, code: str) -> None:
    maerz = _monat(3, [{"art": "krank", "von": "2026-03-10", "bis": "2026-03-13"}])
    (gruppe,) = gruppiere(_teile((3, maerz), kasse=kasse or ""))
    gruppe = [Teil(t.assistenzkraft_id, t.jahr, t.monat, t.fortzahlung, kasse) for t in gruppe]
    a = berechne_antrag(PERSON, gruppe, saetze)
    assert not a.vollstaendig and a.erstattungsbetrag is None
    fehler = [h for h in a.hinweise if h.code == code]
    assert fehler and fehler[0].text.startswith("Arbeitsunfähigkeit vom 10.03.2026 bis 13.03.2026")
    assert "Bitte" in fehler[0].text


def test_ohne_geplante_schichten_unvollstaendig() -> None:
    """Sick 16.–20.03.2026 with no shift listed on those days: the payroll can only estimate the pay (average),
    so the claim is incomplete and shows no amount."""
    maerz = _monat(3, [{"art": "krank", "von": "2026-03-16", "bis": "2026-03-20"}], tage=_werktage(2026, 3, bis=13))
    (f,) = maerz.fortzahlungen
    assert f.ohne_schichten
    a = berechne_antrag(PERSON, [Teil(1, 2026, 3, f, "K")], BEISPIEL_70)
    assert a.erstattungsbetrag is None and "ERSTATTUNG_OHNE_SCHICHTEN" in {h.code for h in a.hinweise}


def test_monatslohn_ohne_schichten_wird_gefunden_nicht_verschwiegen() -> None:
    """A Monatslohn goes on during sickness; without planned shifts the continued part is unknown — the claim must
    still appear (incomplete), not vanish."""
    maerz = _monat(
        3,
        [{"art": "krank", "von": "2026-03-16", "bis": "2026-03-20"}],
        tage=[],
        stundenlohn=None,
        monatslohn="2500.00",
        schichten=[],
    )
    (f,) = maerz.fortzahlungen
    assert f.ohne_schichten and f.fortgezahltes_entgelt == 0


@pytest.mark.parametrize(("jahr", "frist"), [(2026, date(2030, 12, 31)), (2025, date(2029, 12, 31))])
def test_verjaehrung_vier_jahre_nach_ablauf_des_jahres(jahr: int, frist: date) -> None:
    """§ 6 Abs. 1 AAG: "verjährt in vier Jahren nach Ablauf des Kalenderjahrs, in dem er entstanden ist"."""
    assert frist_bis(jahr) == frist


def _bv_juni(vorgeschichte: Vorgeschichte) -> Monatsergebnis:
    from dataclasses import replace

    szenario = {
        "jahr": 2026,
        "monat": 6,
        "arbeitgeber": {"bundesland": "BW"},
        "krankenkassen": {"K": {"zusatzbeitrag": "2.9", "u1_satz": "2.4", "u1_erstattung": "70", "u2_satz": "0.40"}},
        "assistenzkraefte": [
            {
                "id": "x",
                "geburtsdatum": "1990-01-01",
                "krankenkasse": "K",
                "elterneigenschaft": True,
                "stundenlohn": "16.00",
                "schichten": [{"beginn": f"{t}T08:00", "ende": f"{t}T12:00"} for t in _werktage(2026, 6)],
                "abwesenheiten": [{"art": "beschaeftigungsverbot", "von": "2026-06-01", "bis": "2026-07-31", "id": 4}],
            }
        ],
    }
    return berechne(replace(lies_szenario(szenario).eingaben[0], vorgeschichte=vorgeschichte))


def test_u2_mutterschutzlohn_ist_der_durchschnitt_der_drei_monate_davor() -> None:
    """§ 18 MuSchG: running gross pay 2,000.00 (March, 31 days) + 2,100.00 (April, 30) + 2,200.00 (May, 31) =
    6,300.00 € / 92 days = 68.478 → 68.48 € a calendar day; Beschäftigungsverbot all June: 30 × 68.48 = 2,054.40 €
    (not the 22 planned 4-hour shifts × 16.00 € = 1,408.00 € of the Lohnausfall).
    Employer shares on it (the month's only pay): KV 8.75 % = 179.76, PV 1.8 % = 36.98 (36.9792), RV 9.3 % =
    191.06 (191.0592), AV 1.3 % = 26.71 (26.7072) = 434.51 €. U2 refunds both in full: 2,488.91 €."""
    vormonate = tuple(
        Vormonat(2026, m, Beschaeftigungsart.SV_PFLICHTIG, laufendes_entgelt=D(b), laufendes_brutto=D(b))
        for m, b in ((3, "2000.00"), (4, "2100.00"), (5, "2200.00"))
    )
    juni = _bv_juni(Vorgeschichte(bekannt=True, vormonate=vormonate))
    (f,) = juni.fortzahlungen
    assert (f.anlass, f.tage, f.fortgezahltes_entgelt, f.ohne_schichten) == (
        "beschaeftigungsverbot",
        30,
        D("2054.40"),
        False,
    )
    assert f.ag_anteile == D("434.51")
    assert "MUTTERSCHUTZLOHN_DURCHSCHNITT" in {h.code for h in juni.hinweise}
    a = berechne_antrag(PERSON, [Teil(1, 2026, 6, f, "K")], BEISPIEL_70)
    assert (a.verfahren, a.erstattungssatz, a.erstattungsbetrag) == ("U2", D(100), D("2488.91"))


def test_mutterschutzlohn_ohne_vormonate_nach_lohnausfall_mit_warnung() -> None:
    """Without the three months (first month in the program) the missed shifts stand in: 22 × 4 h × 16.00 € =
    1,408.00 €, and a Warnung asks to compare with the average."""
    juni = _bv_juni(Vorgeschichte())
    (f,) = juni.fortzahlungen
    assert f.fortgezahltes_entgelt == D("1408.00")
    assert "MUTTERSCHUTZLOHN_LOHNAUSFALL" in {h.code for h in juni.hinweise}


def test_mutterschutzlohn_nach_lohnausfall_wird_im_antrag_zur_pruefung_gemeldet() -> None:
    juni = _bv_juni(Vorgeschichte())
    (f,) = juni.fortzahlungen
    a = berechne_antrag(PERSON, [Teil(1, 2026, 6, f, "K", lohnausfall_statt_durchschnitt=True)], BEISPIEL_70)
    assert a.erstattungsbetrag is not None  # a real figure, but one to check against the average
    assert "ERSTATTUNG_MUTTERSCHUTZLOHN_PRUEFEN" in {h.code for h in a.hinweise}


def test_jahreswechsel_teilt_den_antrag() -> None:
    """The refund rates are the Kasse's rates of each calendar year: sick 28.12.2026–05.01.2027 gives a claim for
    2026 (Verjährung 31.12.2030) and one for 2027 (31.12.2031)."""
    dez = Fortzahlung(
        abwesenheit_id=9,
        art="krank",
        verfahren="U1",
        anlass="arbeitsunfaehigkeit",
        von=date(2026, 12, 28),
        bis=date(2026, 12, 31),
        tage=4,
        stunden=D(32),
        fortgezahltes_entgelt=D("512.00"),
    )
    jan = Fortzahlung(
        abwesenheit_id=9,
        art="krank",
        verfahren="U1",
        anlass="arbeitsunfaehigkeit",
        von=date(2027, 1, 1),
        bis=date(2027, 1, 5),
        tage=5,
        stunden=D(24),
        fortgezahltes_entgelt=D("384.00"),
    )
    gruppen = gruppiere([Teil(1, 2026, 12, dez, "K"), Teil(1, 2027, 1, jan, "K")])
    assert [[(t.jahr, t.monat) for t in g] for g in gruppen] == [[(2026, 12)], [(2027, 1)]]
    assert [berechne_antrag(PERSON, g, BEISPIEL_70).frist_bis for g in gruppen] == [
        date(2030, 12, 31),
        date(2031, 12, 31),
    ]
