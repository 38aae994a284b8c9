"""A 2027 payroll fails today and computes after importing a figures file and a PAP (issue 12).

Stand-ins (the 2027 SV figures and PAP were not published): the 2026 figures dated 2027-01-01 and the 2026 PAP.
The Midijob of tests/data/szenarien/midijob.json moved to March 2027: AE 1.200 € (15 × 5 h × 16 €).
Expected by hand, § 20 Abs. 2a SGB IV with G = 633 € (Minijob-Grenze 2027, § 8 Abs. 1a SGB IV) and F = 0,6619:
BE = F×G + (2000/(2000−G) − G/(2000−G)×F) × (AE−G) = 1.074,75; BE_AN = 2000/(2000−G) × (AE−G) = 829,55;
RV (§ 2 Abs. 2 BVV): gesamt round(1.074,75 × 9,3 %) × 2 = 199,90, AN round(829,55 × 9,3 %) = 77,15, AG 122,75;
AV: 2 × round(1.074,75 × 1,3 %) = 27,94, AN round(829,55 × 1,3 %) = 10,78, AG 17,16.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.kommandozeile import rufe

WURZEL = Path(__file__).resolve().parents[3]


def _szenario_2027(tmp_path: Path) -> Path:
    text = (WURZEL / "tests" / "data" / "szenarien" / "midijob.json").read_text(encoding="utf-8")
    datei = tmp_path / "midijob_2027.json"
    datei.write_text(text.replace("2026", "2027"), encoding="utf-8")
    return datei


def test_2027_rechnet_erst_nach_dem_einspielen(tmp_path: Path, testwerte_datei: Path, pap_2027_ordner: Path) -> None:
    szenario = _szenario_2027(tmp_path)
    heute = rufe("berechnen", str(szenario), "--json")
    assert heute.returncode == 2
    assert "Für 2027 ist der Wert" in heute.stderr and "noch nicht hinterlegt" in heute.stderr

    assert rufe("rechengroessen", "einspielen", str(testwerte_datei)).returncode == 0
    ohne_pap = rufe("berechnen", str(szenario), "--json")
    assert ohne_pap.returncode == 2
    assert "Für das Jahr 2027 liegt kein Programmablaufplan vor" in ohne_pap.stderr

    pap = rufe(
        "rechengroessen",
        "pap-einspielen",
        "--jahr",
        "2027",
        str(pap_2027_ordner / "pap.xml"),
        str(pap_2027_ordner / "test-maschinell.csv"),
    )
    assert pap.returncode == 0, pap.stderr
    lauf = rufe("berechnen", str(szenario), "--json")
    assert lauf.returncode == 0, lauf.stderr
    kraft = json.loads(lauf.stdout)["assistenzkraefte"][0]
    assert {k: kraft[k] for k in ("beschaeftigung", "brutto", "beitragspflichtige_einnahme", "rv_an", "rv_ag")} == {
        "beschaeftigung": "midijob",
        "brutto": "1200.00",
        "beitragspflichtige_einnahme": "1074.75",
        "rv_an": "77.15",
        "rv_ag": "122.75",
    }
    assert (kraft["av_an"], kraft["av_ag"]) == ("10.78", "17.16")
    assert kraft["beitragspflichtige_einnahme_an"] == "829.55"
    eigene = [h for h in kraft["hinweise"] if h["code"] == "REGELWERT_EIGENER_WERT"]
    assert any("„faktor_f“" in h["text"] for h in eigene), "a user-entered figure must be named on the result"
    assert all("Testwert" in h["rechtsgrundlage"] for h in eigene)
