"""The catalogue of every year figure the program reads: name, group, German label, kind.

Why a catalogue and not just the year files: a figure that is *missing* for a year has no entry in that year's file,
so only a list of every name the program uses can say what is still missing (CONTRACTS §11, status `fehlt`), check
an imported figures file for unknown names, and order the Rechengrößen view by topic. A test makes sure every name
used in resources/regeln/*.toml is listed here and every name listed here is in the fullest year's file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Groesse:
    """One figure: `je_land` figures hold one value per Bundesland (ISO code → value)."""

    name: str
    gruppe: str
    bezeichnung: str
    je_land: bool = False


# The groups in the order the Rechengrößen view shows them (the list, plus two topics of the program).
MINDESTLOHN_MINIJOB = "Mindestlohn und Minijob"
SOZIALVERSICHERUNG = "SV-Beitragssätze und Grenzen"
UEBERGANGSBEREICH = "Übergangsbereich"
UMLAGEN = "Umlagen"
KURZFRISTIG = "Kurzfristige Beschäftigung"
LOHNSTEUER = "Lohnsteuer"
SACHBEZUEGE = "Sachbezüge"
ZUSCHLAEGE = "Steuerfreie Zuschläge (§ 3b EStG)"
KIRCHENSTEUER = "Kirchensteuer"
EFZG_URLAUB = "Entgeltfortzahlung und Urlaub"
ARBEITSZEIT = "Arbeitszeitgesetz"
KALKULATION = "Kostenkalkulation und Budget"

GRUPPEN: tuple[str, ...] = (
    MINDESTLOHN_MINIJOB,
    SOZIALVERSICHERUNG,
    UEBERGANGSBEREICH,
    UMLAGEN,
    KURZFRISTIG,
    LOHNSTEUER,
    SACHBEZUEGE,
    ZUSCHLAEGE,
    KIRCHENSTEUER,
    EFZG_URLAUB,
    ARBEITSZEIT,
    KALKULATION,
)


def _g(gruppe: str, *eintraege: tuple[str, str]) -> tuple[Groesse, ...]:
    return tuple(Groesse(name, gruppe, bezeichnung) for name, bezeichnung in eintraege)


KATALOG: tuple[Groesse, ...] = (
    *_g(
        MINDESTLOHN_MINIJOB,
        ("mindestlohn_stunde", "Mindestlohn je Stunde (€)"),
        ("minijob_grenze_monat", "Geringfügigkeitsgrenze je Monat (€)"),
        ("minijob_ueberschreiten_max_monate", "Gelegentliches Überschreiten: höchstens Monate je Zeitjahr"),
        ("minijob_ueberschreiten_max_faktor", "Gelegentliches Überschreiten: höchstens das Vielfache der Grenze"),
        ("minijob_gewerblich_kv_prozent", "Minijob gewerblich: KV-Pauschale (%)"),
        ("minijob_gewerblich_rv_prozent", "Minijob gewerblich: RV-Pauschale (%)"),
        ("minijob_privathaushalt_kv_prozent", "Minijob Privathaushalt: KV-Pauschale (%)"),
        ("minijob_privathaushalt_rv_prozent", "Minijob Privathaushalt: RV-Pauschale (%)"),
        ("minijob_privathaushalt_uv_prozent", "Minijob Privathaushalt: Unfallversicherung (%)"),
        ("minijob_rv_aufstockung_an_gewerblich_prozent", "RV-Aufstockung Arbeitnehmer, gewerblich (%)"),
        ("minijob_rv_aufstockung_an_privathaushalt_prozent", "RV-Aufstockung Arbeitnehmer, Privathaushalt (%)"),
        ("minijob_rv_mindestbemessungsgrundlage", "RV-Mindestbemessungsgrundlage (€)"),
        ("minijob_pauschsteuer_prozent", "Einheitliche Pauschsteuer (%)"),
        ("minijob_pauschsteuer_ohne_rv_prozent", "Pauschale Lohnsteuer ohne RV-Pauschale (%)"),
    ),
    *_g(
        SOZIALVERSICHERUNG,
        ("kv_allgemein_prozent", "KV allgemeiner Beitragssatz (%)"),
        ("kv_ermaessigt_prozent", "KV ermäßigter Beitragssatz (%)"),
        ("kv_zusatz_durchschnitt_prozent", "Durchschnittlicher Zusatzbeitragssatz KV (%)"),
        ("rv_prozent", "RV-Beitragssatz (%)"),
        ("av_prozent", "AV-Beitragssatz (%)"),
        ("pv_prozent", "PV-Beitragssatz (%)"),
        ("pv_an_prozent", "PV Arbeitnehmeranteil (%)"),
        ("pv_ag_prozent", "PV Arbeitgeberanteil (%)"),
        ("pv_sachsen_an_prozent", "PV Sachsen Arbeitnehmeranteil (%)"),
        ("pv_sachsen_ag_prozent", "PV Sachsen Arbeitgeberanteil (%)"),
        ("pv_kinderlos_zuschlag_prozent", "PV-Zuschlag für Kinderlose (%)"),
        ("pv_kinderlos_ab_alter", "PV-Zuschlag für Kinderlose ab Alter (Jahre)"),
        ("pv_kinderlos_ausgenommen_geboren_vor_jahr", "Kein PV-Zuschlag bei Geburt vor dem Jahr"),
        ("pv_abschlag_je_kind_prozent", "PV-Abschlag je Kind (%)"),
        ("pv_abschlag_ab_kind", "PV-Abschlag ab dem Kind Nr."),
        ("pv_abschlag_bis_kind", "PV-Abschlag bis zum Kind Nr."),
        ("bbg_kv_monat", "Beitragsbemessungsgrenze KV/PV je Monat (€)"),
        ("bbg_rv_monat", "Beitragsbemessungsgrenze RV/AV je Monat (€)"),
        ("jaeg_jahr", "Jahresarbeitsentgeltgrenze (€)"),
        ("geringverdienergrenze_azubi_monat", "Geringverdienergrenze Auszubildende je Monat (€)"),
        ("werkstudent_max_wochenstunden", "Werkstudenten: höchstens Wochenstunden"),
    ),
    *_g(
        UEBERGANGSBEREICH,
        ("uebergangsbereich_obergrenze", "Obergrenze des Übergangsbereichs (€)"),
        ("gesamtsozialversicherungsbeitragssatz_prozent", "Gesamtsozialversicherungsbeitragssatz (%)"),
        ("faktor_f", "Faktor F"),
        ("pv_sachsen_uebergangsbereich_an_satz_auf_be_an", "Sachsen: AN-Satz auf BE_AN (1 = ja)"),
    ),
    *_g(
        UMLAGEN,
        ("minijob_u1_prozent", "U1 Minijob-Zentrale (%)"),
        ("minijob_u1_erstattung_prozent", "U1-Erstattung Minijob-Zentrale (%)"),
        ("minijob_u2_prozent", "U2 Minijob-Zentrale (%)"),
        ("minijob_u2_erstattung_prozent", "U2-Erstattung (%)"),
        ("u1_max_beschaeftigte", "U1-Pflicht bis Beschäftigte"),
        ("u1_gesetzliche_erstattung_prozent", "U1 gesetzliche Erstattung (%)"),
        ("u1_umlagefrei_bis_wochen", "Keine U1 bei Beschäftigung bis Wochen"),
        ("aag_verjaehrung_jahre", "U1/U2-Erstattung verjährt nach Jahren (nach Ablauf des Entstehungsjahres)"),
        ("insolvenzgeldumlage_prozent", "Insolvenzgeldumlage (%)"),
        ("mutterschaftsgeld_kasse_max_tag", "Mutterschaftsgeld der Kasse höchstens je Tag (€)"),
    ),
    *_g(
        KURZFRISTIG,
        ("kurzfristig_max_monate", "Höchstens Monate"),
        ("kurzfristig_max_arbeitstage", "Höchstens Arbeitstage"),
        ("kurzfristig_max_kalendertage_zusammenrechnung", "Zusammenrechnung: höchstens Kalendertage"),
        ("kurzfristig_monatsgrenze_ab_tagen_je_woche", "Monatsgrenze ab Arbeitstagen je Woche"),
        ("kurzfristig_pauschsteuer_prozent", "Pauschale Lohnsteuer (%)"),
        ("kurzfristig_pauschsteuer_max_zusammenhaengende_tage", "Pauschsteuer: höchstens zusammenhängende Tage"),
        ("kurzfristig_pauschsteuer_max_tageslohn", "Pauschsteuer: höchstens Tageslohn (€)"),
        ("kurzfristig_pauschsteuer_max_stundenlohn", "Pauschsteuer: höchstens Stundenlohn (€)"),
    ),
    *_g(
        LOHNSTEUER,
        ("grundfreibetrag", "Grundfreibetrag (€)"),
        ("soli_freigrenze", "Freigrenze Solidaritätszuschlag (€)"),
        ("solidaritaetszuschlag_prozent", "Solidaritätszuschlag (%)"),
        ("haushaltsnahe_steuerermaessigung_prozent", "Steuerermäßigung § 35a EStG (%)"),
        ("haushaltsnahe_steuerermaessigung_max_jahr", "Steuerermäßigung § 35a EStG höchstens je Jahr (€)"),
        ("lst_anmeldung_monatlich_ueber", "Lohnsteuer-Anmeldung monatlich bei Vorjahressteuer über (€)"),
        ("lst_anmeldung_vierteljaehrlich_ueber", "Lohnsteuer-Anmeldung vierteljährlich bei Vorjahressteuer über (€)"),
    ),
    *_g(
        SACHBEZUEGE,
        ("sachbezug_verpflegung_monat", "Verpflegung je Monat (€)"),
        ("sachbezug_unterkunft_monat", "Unterkunft je Monat (€)"),
        ("sachbezug_unterkunft_haushalt_abschlag_prozent", "Abschlag bei Aufnahme in den Haushalt (%)"),
    ),
    *_g(
        ZUSCHLAEGE,
        ("stfrei_zuschlag_nacht_prozent", "Nachtarbeit (%)"),
        ("stfrei_zuschlag_nacht_0_4_prozent", "Nachtarbeit 0 bis 4 Uhr (%)"),
        ("stfrei_zuschlag_sonntag_prozent", "Sonntagsarbeit (%)"),
        ("stfrei_zuschlag_feiertag_prozent", "Feiertagsarbeit (%)"),
        ("stfrei_zuschlag_weihnachten_maifeiertag_prozent", "Weihnachten und 1. Mai (%)"),
        ("stfrei_grundlohn_max_stunde", "Grundlohn steuerlich höchstens je Stunde (€)"),
        ("svfrei_grundlohn_max_stunde", "Grundlohn beitragsfrei höchstens je Stunde (€)"),
        ("stfrei_nacht_beginn_stunde", "Nachtarbeit ab Uhr"),
        ("stfrei_nacht_ende_stunde", "Nachtarbeit bis Uhr"),
        ("stfrei_nacht_erhoeht_ende_stunde", "Erhöhter Nachtzuschlag bis Uhr"),
        ("stfrei_24_31_dezember_ab_stunde", "24. und 31. Dezember ab Uhr"),
    ),
    Groesse("kirchensteuer_prozent", KIRCHENSTEUER, "Kirchensteuer (%)", je_land=True),
    Groesse("kirchensteuer_pauschal_prozent", KIRCHENSTEUER, "Pauschale Kirchensteuer (%)", je_land=True),
    *_g(
        EFZG_URLAUB,
        ("entgeltfortzahlung_wochen", "Entgeltfortzahlung: Wochen"),
        ("entgeltfortzahlung_wartezeit_wochen", "Entgeltfortzahlung: Wartezeit in Wochen"),
        ("urlaub_mindest_werktage", "Mindesturlaub (Werktage)"),
        ("urlaub_werktage_je_woche", "Werktage je Woche"),
        ("urlaub_werktage_je_jahr", "Werktage je Jahr"),
        ("zusatzurlaub_schwerbehindert_arbeitstage", "Zusatzurlaub schwerbehinderter Menschen (Arbeitstage)"),
    ),
    *_g(
        ARBEITSZEIT,
        ("arbzg_regelarbeitszeit_werktag_stunden", "Regelarbeitszeit je Werktag (Stunden)"),
        ("arbzg_hoechstarbeitszeit_werktag_stunden", "Höchstarbeitszeit je Werktag (Stunden)"),
        ("arbzg_durchschnitt_woche_stunden", "Durchschnitt je Woche (Stunden)"),
        ("arbzg_hoechstarbeitszeit_woche_stunden", "Höchstarbeitszeit je Woche (Stunden)"),
        ("arbzg_ruhezeit_stunden", "Ruhezeit (Stunden)"),
        ("arbzg_pause_ueber_6h_minuten", "Pause ab 6 Stunden (Minuten)"),
        ("arbzg_pause_ueber_9h_minuten", "Pause ab 9 Stunden (Minuten)"),
        ("arbzg_freie_sonntage_jahr", "Freie Sonntage je Jahr"),
    ),
    *_g(
        KALKULATION,
        ("pflegegeld_pg2", "Pflegegeld Pflegegrad 2 (€)"),
        ("pflegegeld_pg3", "Pflegegeld Pflegegrad 3 (€)"),
        ("pflegegeld_pg4", "Pflegegeld Pflegegrad 4 (€)"),
        ("pflegegeld_pg5", "Pflegegeld Pflegegrad 5 (€)"),
        ("pflegesachleistung_pg2", "Pflegesachleistung Pflegegrad 2 (€)"),
        ("pflegesachleistung_pg3", "Pflegesachleistung Pflegegrad 3 (€)"),
        ("pflegesachleistung_pg4", "Pflegesachleistung Pflegegrad 4 (€)"),
        ("pflegesachleistung_pg5", "Pflegesachleistung Pflegegrad 5 (€)"),
        ("entlastungsbetrag_monat", "Entlastungsbetrag je Monat (€)"),
    ),
)

NACH_NAME: dict[str, Groesse] = {g.name: g for g in KATALOG}


def groesse(name: str) -> Groesse | None:
    return NACH_NAME.get(name)
