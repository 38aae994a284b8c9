"""Names vulture reports as unused that are used by name (checked one by one in December 2026; not executed).

Why they stay:
- form and ORM fields: the services map dataclass fields to columns by name (core.stammdaten._abbildung), the
  payroll model's fields are its JSON contract, ORM columns are read by SQL and the migrations;
- enum members and code tables: read from data files, the database or user input;
- "modul:Klasse"/"modul:funktion" factories: desktop.bereiche.BEREICHE, desktop.einstellungen_bereich.REITER,
  the start page's summaries (desktop.uebersicht.KURZINFOS_OBEN/_UNTEN),
  core.cli.export.EXPORTARTEN, SQLAlchemy event listeners;
- services another lane is about to call: Kassen year takeover and U1 choice (jahreswechsel), the DSGVO
  extension points (payroll), core/dateirechte.py (datenschutz), roster-to-payroll helpers in
  core/dienstplan/lohnzeiten.py (payroll), the payroll data-entry services (core/abrechnung/erfassung.py).
Dead code is deleted, not listed here. Regenerate the list after a review with
`python -m vulture --make-whitelist` and keep only names that are really used by name.
"""

_.gewichtete_stunden  # unused property (core/abrechnung/entgelt.py:95)
steuerfreie_bezuege  # unused variable (core/abrechnung/erfassung.py:107)
minijob_ueberschreitungen  # unused variable (core/abrechnung/erfassung.py:122)
urlaub_genommen_tage  # unused variable (core/abrechnung/erfassung.py:123)
krank_fortzahlung_tage  # unused variable (core/abrechnung/erfassung.py:124)
liste_einmalzahlungen  # unused function (core/abrechnung/erfassung.py:356)
speichere_einmalzahlung  # unused function (core/abrechnung/erfassung.py:362)
loesche_einmalzahlung  # unused function (core/abrechnung/erfassung.py:371)
liste_sachbezuege  # unused function (core/abrechnung/erfassung.py:378)
speichere_sachbezug  # unused function (core/abrechnung/erfassung.py:384)
loesche_sachbezug  # unused function (core/abrechnung/erfassung.py:389)
liste_vorschuesse  # unused function (core/abrechnung/erfassung.py:396)
speichere_vorschuss  # unused function (core/abrechnung/erfassung.py:402)
loesche_vorschuss  # unused function (core/abrechnung/erfassung.py:407)
abrechnungsbeginn  # unused function (core/abrechnung/erfassung.py:418)
_.erfasst_von  # unused attribute (core/abrechnung/erfassung.py:445)
setze_abrechnungsbeginn  # unused function (core/abrechnung/erfassung.py:449)
lade_vortrag  # unused function (core/abrechnung/erfassung.py:454)
speichere_vortrag  # unused function (core/abrechnung/erfassung.py:466)
bezug  # unused variable (core/abrechnung/modell.py:155)
steuerfreie_bezuege  # unused variable (core/abrechnung/modell.py:174)
zuschuss_mutterschaftsgeld  # unused variable (core/abrechnung/modell.py:175)
_.aus_ergebnis  # unused method (core/abrechnung/modell.py:222)
zeitkonto_saldo  # unused variable (core/abrechnung/modell.py:252)
fortgezahltes_entgelt  # unused variable (core/abrechnung/modell.py:337)
zuschuss_mutterschaftsgeld  # unused variable (core/abrechnung/modell.py:338)
_.veraenderung  # unused property (core/abrechnung/modell.py:370)
abzuege  # unused variable (core/abrechnung/modell.py:419)
arbeitgeberanteile  # unused variable (core/abrechnung/modell.py:420)
beitragsgruppe  # unused variable (core/abrechnung/modell.py:426)
personengruppe  # unused variable (core/abrechnung/modell.py:427)
einzugsstelle  # unused variable (core/abrechnung/modell.py:428)
steuertage  # unused variable (core/abrechnung/modell.py:431)
uebergangsbereich  # unused variable (core/abrechnung/modell.py:432)
kv_entgelt  # unused variable (core/abrechnung/modell.py:435)
rv_entgelt  # unused variable (core/abrechnung/modell.py:436)
u1_basis  # unused variable (core/abrechnung/modell.py:437)
u2_basis  # unused variable (core/abrechnung/modell.py:438)
laufendes_steuerbrutto  # unused variable (core/abrechnung/modell.py:440)
zuschuss_mutterschaftsgeld  # unused variable (core/abrechnung/modell.py:442)
vorgeschichte_bekannt  # unused variable (core/abrechnung/modell.py:451)
_.als_vertrag  # unused method (core/abrechnung/modell.py:453)
erfasst_am  # unused variable (core/abrechnung/modelle.py:30)
erfasst_von  # unused variable (core/abrechnung/modelle.py:31)
steuerfreie_bezuege  # unused variable (core/abrechnung/modelle.py:49)
minijob_ueberschreitungen  # unused variable (core/abrechnung/modelle.py:64)
urlaub_genommen_tage  # unused variable (core/abrechnung/modelle.py:65)
krank_fortzahlung_tage  # unused variable (core/abrechnung/modelle.py:66)
abgeschlossen_am  # unused variable (core/abrechnung/modelle.py:133)
abgeschlossen_von  # unused variable (core/abrechnung/modelle.py:134)
Abrechnungsergebnis  # unused class (core/abrechnung/modelle.py:137)
pruefsumme  # unused variable (core/abrechnung/modelle.py:161)
erstellt_von  # unused variable (core/abrechnung/modelle.py:163)
verrechnet_jahr  # unused variable (core/abrechnung/modelle.py:164)
verrechnet_monat  # unused variable (core/abrechnung/modelle.py:165)
Bewilligung  # unused class (core/abrechnung/modelle.py:188)
betrag_monat  # unused variable (core/abrechnung/modelle.py:201)
stunden_monat  # unused variable (core/abrechnung/modelle.py:202)
_.title  # unused attribute (core/cli/__init__.py:71)
_.title  # unused attribute (core/cli/__init__.py:72)
exportiere_dienstplan  # unused function (core/cli/export.py:80)
exportiere_stundenzettel  # unused function (core/cli/export.py:102)
_.required  # unused attribute (core/cli/kalkulation.py:23)
datenbank_nur_eigentuemer  # unused function (core/dateirechte.py:61)
regel_tag  # unused variable (core/dienstplan/arbeitszeit.py:50)
stunden_nach_tagesart  # unused function (core/dienstplan/lohnzeiten.py:130)
arbeitszeitraeume  # unused function (core/dienstplan/lohnzeiten.py:151)
profil_id  # unused variable (core/dienstplan/modelle.py:141)
_.aktive_personen  # unused property (core/dienstplan/monat.py:66)
FREI  # unused variable (core/dienstplan/muster.py:22)
stunden_je_tag  # unused function (core/dienstplan/schicht.py:293)
zusatzurlaub  # unused variable (core/dienstplan/urlaub.py:50)
genommene_tage  # unused variable (core/dienstplan/urlaub.py:165)
geplante_tage  # unused variable (core/dienstplan/urlaub.py:166)
zeitkonto_plus_max  # unused variable (core/dienstplan/vertrag.py:52)
zeitkonto_minus_max  # unused variable (core/dienstplan/vertrag.py:53)
iban_formatiert  # unused function (core/domain/kennungen.py:68)
TAETIGKEITEN_BEISPIELE  # unused variable (core/domain/kennungen.py:276)
pruefe_taetigkeitsschluessel  # unused function (core/domain/kennungen.py:309)
vertragsform_aus  # unused function (core/domain/kennungen.py:317)
_.prec  # unused attribute (core/domain/zahlen.py:44)
_.prec  # unused attribute (core/domain/zahlen.py:69)
_.prec  # unused attribute (core/domain/zahlen.py:99)
_.prec  # unused attribute (core/domain/zahlen.py:111)
_.border  # unused attribute (core/io/dienstplan_xlsx.py:40)
_.alignment  # unused attribute (core/io/dienstplan_xlsx.py:41)
_.fill  # unused attribute (core/io/dienstplan_xlsx.py:45)
_.paperSize  # unused attribute (core/io/dienstplan_xlsx.py:51)
_.fitToWidth  # unused attribute (core/io/dienstplan_xlsx.py:52)
_.fitToHeight  # unused attribute (core/io/dienstplan_xlsx.py:53)
_.fitToPage  # unused attribute (core/io/dienstplan_xlsx.py:54)
_.title  # unused attribute (core/io/dienstplan_xlsx.py:61)
_.fill  # unused attribute (core/io/dienstplan_xlsx.py:84)
_.freeze_panes  # unused attribute (core/io/dienstplan_xlsx.py:90)
_.print_title_rows  # unused attribute (core/io/dienstplan_xlsx.py:102)
_.title  # unused attribute (core/io/dienstplan_xlsx.py:119)
_.title  # unused attribute (core/io/dienstplan_xlsx.py:128)
_.number_format  # unused attribute (core/io/dienstplan_xlsx.py:146)
_.number_format  # unused attribute (core/io/dienstplan_xlsx.py:151)
_.number_format  # unused attribute (core/io/dienstplan_xlsx.py:153)
_.freeze_panes  # unused attribute (core/io/dienstplan_xlsx.py:168)
_.print_title_rows  # unused attribute (core/io/dienstplan_xlsx.py:170)
ZAHL  # unused variable (core/io/kalkulation_export.py:35)
_.title  # unused attribute (core/io/kalkulation_export.py:63)
_.number_format  # unused attribute (core/io/kalkulation_export.py:73)
_.fill  # unused attribute (core/io/kalkulation_export.py:75)
_.border  # unused attribute (core/io/kalkulation_export.py:76)
_.alignment  # unused attribute (core/io/kalkulation_export.py:83)
_.comment  # unused attribute (core/io/kalkulation_export.py:88)
_.freeze_panes  # unused attribute (core/io/kalkulation_export.py:291)
_.gridLines  # unused attribute (core/io/kalkulation_export.py:292)
_.fitToWidth  # unused attribute (core/io/kalkulation_export.py:294)
_.title  # unused attribute (core/io/kalkulation_export.py:295)
_.creator  # unused attribute (core/io/kalkulation_export.py:296)
dialect  # unused variable (core/persistence/basis.py:52)
dialect  # unused variable (core/persistence/basis.py:62)
dialect  # unused variable (core/persistence/basis.py:74)
dialect  # unused variable (core/persistence/basis.py:84)
dialect  # unused variable (core/persistence/basis.py:99)
dialect  # unused variable (core/persistence/basis.py:106)
_.isolation_level  # unused attribute (core/persistence/datenbank.py:162)
postanschrift  # unused variable (core/persistence/modelle.py:37)
uv_mitgliedsnummer  # unused variable (core/persistence/modelle.py:69)
kassen_jahr_id  # unused variable (core/persistence/modelle.py:141)
elterneigenschaft_nachweis_art  # unused variable (core/persistence/modelle.py:194)
personalausweis_geprueft_am  # unused variable (core/persistence/modelle.py:207)
rv_befreit  # unused variable (core/persistence/modelle.py:251)
taetigkeit  # unused variable (core/persistence/modelle.py:270)
arbeitszeit  # unused variable (core/persistence/modelle.py:271)
kuendigungsfrist  # unused variable (core/persistence/modelle.py:272)
zeitkonto_plus_max  # unused variable (core/persistence/modelle.py:283)
zeitkonto_minus_max  # unused variable (core/persistence/modelle.py:284)
pap_eingaben  # unused variable (core/regeln/steuer.py:135)
pap_ergebnis  # unused variable (core/regeln/steuer.py:136)
NACHWEIS_MITGLIED  # unused variable (core/regeln/steuer.py:386)
uv_mitgliedsnummer  # unused variable (core/stammdaten/arbeitgeber.py:44)
rv_befreit  # unused variable (core/stammdaten/assistenzkraefte.py:100)
elterneigenschaft_nachweis_art  # unused variable (core/stammdaten/assistenzkraefte.py:141)
personalausweis_geprueft_am  # unused variable (core/stammdaten/assistenzkraefte.py:154)
automatisch  # unused variable (core/stammdaten/checkliste.py:25)
registriere_auskunftsteil  # unused function (core/stammdaten/dsgvo.py:73)
registriere_aufbewahrungspflicht  # unused function (core/stammdaten/dsgvo.py:78)
waehle_u1_stufe  # unused function (core/stammdaten/krankenkassen.py:152)
uebernimm_jahr  # unused function (core/stammdaten/krankenkassen.py:165)
postanschrift  # unused variable (core/stammdaten/unfallkassen.py:33)
taetigkeit  # unused variable (core/stammdaten/vertraege.py:55)
arbeitszeit  # unused variable (core/stammdaten/vertraege.py:56)
kuendigungsfrist  # unused variable (core/stammdaten/vertraege.py:57)
zeitkonto_plus_max  # unused variable (core/stammdaten/vertraege.py:65)
zeitkonto_minus_max  # unused variable (core/stammdaten/vertraege.py:66)
AbrechnungBereich  # unused class (desktop/abrechnung/bereich.py:28)
_.rechnet  # the tests wait on it (desktop/abrechnung/monatsabrechnung.py)
_.itemAt  # QLayout virtuals Qt calls (desktop/abrechnung/fliesslayout.py)
_.takeAt
_.expandingDirections
_.hasHeightForWidth
_.heightForWidth
ArbeitgeberSeite  # unused class (desktop/arbeitgeber.py:317)
AssistenzkraefteBereich  # unused class (desktop/assistenzkraefte.py:75)
_.personalbogen  # unused attribute (desktop/assistenzkraefte.py:162)
_.personalbogen  # unused attribute (desktop/assistenzkraefte.py:225)
_.personalbogen  # unused attribute (desktop/assistenzkraefte.py:229)
BudgetBereich  # unused class (desktop/budget/bereich.py)
_.a_neu  # unused attribute (desktop/dienstplan/bereich.py:259)
_.a_bearbeiten  # unused attribute (desktop/dienstplan/bereich.py:260)
_.a_zuweisen  # unused attribute (desktop/dienstplan/bereich.py:263)
_.a_tauschen  # unused attribute (desktop/dienstplan/bereich.py:266)
_.a_ist  # unused attribute (desktop/dienstplan/bereich.py:267)
_.a_loeschen  # unused attribute (desktop/dienstplan/bereich.py:268)
_.a_ausschneiden  # unused attribute (desktop/dienstplan/bereich.py:270)
_.a_kopieren  # unused attribute (desktop/dienstplan/bereich.py:273)
_.a_einfuegen  # unused attribute (desktop/dienstplan/bereich.py:274)
_.a_abwesenheit  # unused attribute (desktop/dienstplan/bereich.py:284)
ProgrammSeite  # unused class (desktop/einstellungen_bereich.py:24)
EinstellungenBereich  # unused class (desktop/einstellungen_bereich.py:35)
_.menue_datei  # unused attribute (desktop/hauptfenster.py:122)
_.abgebrochen  # unused property (desktop/hintergrund.py:41)
KrankenkassenSeite  # unused class (desktop/krankenkassen.py:122)
Uebersicht  # unused class (desktop/uebersicht.py:14)
BudgetKurzinfo  # unused class (desktop/budget/kurzinfo.py: desktop.uebersicht.KURZINFOS_OBEN)
JahreswechselKurzinfo  # unused class (desktop/jahreswechsel.py: desktop.uebersicht.KURZINFOS_OBEN)
ErstattungenKurzinfo  # unused class (desktop/erstattungen_kurzinfo.py: desktop.uebersicht.KURZINFOS_OBEN)
DataclassInstance  # unused import (desktop/unterliste.py:17)
_._value  # openpyxl cell attribute set by core/io/excel.py (formula-safe text)
_.quotePrefix  # openpyxl cell style attribute set by core/io/excel.py
# payroll lane: services of the monthly run that its coming GUI and reports call
abgeschlossene_monate  # core/abrechnung/ablage.py
lade_jahr  # core/abrechnung/ablage.py
zeile_lesen  # core/abrechnung/ablage.py
personen_im_monat  # core/abrechnung/lauf.py
naechster_offener_monat  # core/abrechnung/lauf.py
offene_korrekturen  # core/abrechnung/lauf.py
# payroll documents lane: exports its GUI and command line are about to offer
entgeltbescheinigung  # core/io/entgeltbescheinigung.py
entgeltbescheinigungen_pdf  # core/io/entgeltbescheinigung_pdf.py
lohnjournal  # core/io/lohnjournal.py
lohnjournal_pdf  # core/io/lohnjournal_pdf.py
lohnjournal_xlsx  # core/io/lohnjournal_xlsx.py
lohnkonto  # core/io/lohnkonto.py
lohnkonten_pdf  # core/io/lohnkonto_pdf.py
lohnkonten_xlsx  # core/io/lohnkonto_xlsx.py
zahlungsauftrag  # core/io/zahlungen.py
zahlungsliste_pdf  # core/io/zahlungen_liste.py
zahlungsliste_xlsx  # core/io/zahlungen_liste.py
schreibe_sepa  # core/io/zahlungen_sepa.py
exportiere_entgeltbescheinigung  # core/io/belege_export.py, named in core.cli.export.EXPORTARTEN
exportiere_lohnjournal  # core/io/belege_export.py, named in core.cli.export.EXPORTARTEN
exportiere_lohnkonto  # core/io/belege_export.py, named in core.cli.export.EXPORTARTEN
exportiere_zahlungen  # core/io/belege_export.py, named in core.cli.export.EXPORTARTEN
einmalzahlung_vorjahr  # core/abrechnung/modell.py: a field of the payroll model (its JSON contract)
# data-safety lane: what the Auskunft covers, checked by tests/core/stammdaten/test_auskunft_vollstaendig.py
personentabellen  # core/persistence/personenbezug.py
abgedeckte_tabellen  # core/stammdaten/dsgvo.py
setze_status  # core/stammdaten/assistenzkraefte.py: a master-data service (tests change the status with it)
exportiere_beitragsnachweis  # EXPORTARTEN "modul:funktion" (core/meldungen/beitragsnachweis_export.py)
exportiere_fristen  # EXPORTARTEN "modul:funktion" (core/meldungen/kalender_ics.py)
exportiere_lst_anmeldung  # EXPORTARTEN "modul:funktion" (core/meldungen/lohnsteuer_anmeldung_export.py)
exportiere_haushaltsscheck  # EXPORTARTEN "modul:funktion" (core/meldungen/haushaltsscheck_export.py)
exportiere_deuev  # EXPORTARTEN "modul:funktion" (core/meldungen/deuev_export.py)
exportiere_lohnsteuerbescheinigung  # EXPORTARTEN "modul:funktion" (core/meldungen/lohnsteuerbescheinigung_export.py)
exportiere_unfallkasse  # EXPORTARTEN "modul:funktion" (core/meldungen/unfallkasse_export.py)
