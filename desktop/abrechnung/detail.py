"""The detail of one assistant's month as a readable document: every payslip line, each deduction and employer
charge with its explanation and legal source, the Hinweise in full, the Zeitkonto, and the versions of a corrected
month with their differences. Plain HTML headings and tables, so a screen reader can move by heading and by table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from html import escape

from core.abrechnung import ablage
from core.abrechnung.lauf import Korrektur, Zeile
from core.abrechnung.modell import Abzug, Monatsergebnis
from core.domain.hinweis import Schwere
from core.domain.zahlen import format_eur, format_eur_satz, format_zahl
from core.domain.zeit import BERLIN
from core.regeln.klassifikation import BEZEICHNUNG
from desktop.abrechnung.modelle import name_von
from desktop.abrechnung.monatsstand import Monatsstand
from desktop.i18n import tr

SCHWERE = {Schwere.FEHLER: tr("Fehler"), Schwere.WARNUNG: tr("Warnung"), Schwere.INFO: tr("Info")}

#: German names of the result's fields in a correction's differences (the rest keep their technical name).
FELDNAMEN = {
    "beschaeftigung": tr("Beschäftigung"),
    "stunden": tr("Stunden"),
    "bereitschaftsstunden": tr("Bereitschaftsstunden"),
    "brutto": tr("Brutto"),
    "steuerfreie_zuschlaege": tr("steuerfreie Zuschläge"),
    "steuerbrutto": tr("Steuerbrutto"),
    "sv_brutto": tr("SV-Brutto"),
    "lohnsteuer": tr("Lohnsteuer"),
    "solidaritaetszuschlag": tr("Solidaritätszuschlag"),
    "kirchensteuer": tr("Kirchensteuer"),
    "kv_an": tr("Krankenversicherung (Arbeitnehmer)"),
    "pv_an": tr("Pflegeversicherung (Arbeitnehmer)"),
    "rv_an": tr("Rentenversicherung (Arbeitnehmer)"),
    "av_an": tr("Arbeitslosenversicherung (Arbeitnehmer)"),
    "netto": tr("Netto"),
    "kv_ag": tr("Krankenversicherung (Arbeitgeber)"),
    "pv_ag": tr("Pflegeversicherung (Arbeitgeber)"),
    "rv_ag": tr("Rentenversicherung (Arbeitgeber)"),
    "av_ag": tr("Arbeitslosenversicherung (Arbeitgeber)"),
    "umlage_u1": tr("Umlage U1"),
    "umlage_u2": tr("Umlage U2"),
    "insolvenzgeldumlage": tr("Insolvenzgeldumlage"),
    "pauschsteuer": tr("Pauschsteuer"),
    "unfallversicherung": tr("Unfallversicherung"),
    "arbeitgeberkosten": tr("Arbeitgeberkosten"),
    "grundverguetung": tr("Grundvergütung"),
    "zuschlaege": tr("Zuschläge"),
    "lohnfortzahlung": tr("Entgeltfortzahlung"),
    "einmalzahlungen": tr("Einmalzahlungen"),
    "auszahlung": tr("Auszahlung"),
    "lohnarten": tr("Lohnarten"),
    "begruendung": tr("Begründung"),
    "verrechnungen": tr("Verrechnungen"),
    "sachbezuege": tr("Sachbezüge"),
    "vorschuesse": tr("Vorschüsse"),
    "beitragspflichtige_einnahme": tr("beitragspflichtige Einnahme"),
    "beitragspflichtige_einnahme_an": tr("beitragspflichtige Einnahme (Arbeitnehmeranteil)"),
    "kv_entgelt": tr("KV/PV-pflichtiges Entgelt"),
    "rv_entgelt": tr("RV/AV-pflichtiges Entgelt"),
    "u1_basis": tr("Bemessung Umlage U1"),
    "u2_basis": tr("Bemessung Umlage U2"),
    "insolvenzgeld_basis": tr("Bemessung Insolvenzgeldumlage"),
    "laufendes_steuerbrutto": tr("laufendes Steuerbrutto"),
    "sonstige_bezuege": tr("sonstige Bezüge"),
    "kv_zusatzbeitrag_an": tr("Zusatzbeitrag (Arbeitnehmer)"),
    "kv_zusatzbeitrag_ag": tr("Zusatzbeitrag (Arbeitgeber)"),
    "sv_tage": tr("SV-Tage"),
    "steuertage": tr("Steuertage"),
    "arbeitstage": tr("Arbeitstage"),
    "abzuege": tr("Abzüge"),
    "arbeitgeberanteile": tr("Abgaben der Arbeitgeberin"),
    "zeitkonto": tr("Zeitkonto"),
}


def _wert(text: str) -> str | None:
    """A stored difference value as a German number; None for a list or object (shown in the detail above)."""
    if text[:1] in "[{":
        return None
    if "." not in text:
        return text  # days, codes, the class: as stored
    try:
        return format_zahl(Decimal(text), 2, tausender=True)
    except ArithmeticError:
        return text


def differenz_zeilen(differenz: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(German field name, before, after) for the fields with a single value; lists (Lohnarten, Abzüge …) are named
    once as "geändert", their lines stand in the payslip itself."""
    zeilen = []
    for feld, vorher, nachher in differenz:
        name = FELDNAMEN.get(feld, feld.replace("_", " "))
        a, b = _wert(vorher), _wert(nachher)
        if a is None or b is None:
            zeilen.append((name, "", tr("geändert")))
        else:
            zeilen.append((name, a, b))
    return zeilen


def _e(text: object) -> str:
    return escape(str(text))


def _zeitpunkt(wann: datetime | None) -> str:
    if wann is None:
        return ""
    if wann.tzinfo is None:
        wann = wann.replace(tzinfo=UTC)  # the store keeps UTC
    wann = wann.astimezone(BERLIN)
    return f"{wann:%d.%m.%Y %H:%M}"


def _tabelle(kopf: Sequence[str], zeilen: Iterable[Sequence[str]], rechts: Sequence[int] = ()) -> str:
    teile = ['<table border="1" cellspacing="0" cellpadding="3">', "<tr>"]
    teile += [f"<th align='left'>{_e(k)}</th>" for k in kopf]
    teile.append("</tr>")
    for zeile in zeilen:
        teile.append("<tr>")
        for i, zelle in enumerate(zeile):
            ausrichtung = " align='right'" if i in rechts else ""
            teile.append(f"<td{ausrichtung}>{zelle}</td>")
        teile.append("</tr>")
    teile.append("</table>")
    return "".join(teile)


def _prozent(satz: Decimal | None) -> str:
    return f"{format_zahl(satz, None)} %" if satz is not None else ""


def _abzuege(titel: str, abzuege: Sequence[Abzug], gesamt: tuple[str, Decimal] | None = None) -> str:
    if not abzuege:
        return f"<h3>{_e(titel)}</h3><p>{_e(tr('keine'))}</p>"
    zeilen = [
        (
            _e(a.text),
            _e(format_eur(a.bemessung)) if a.bemessung is not None else "",
            _e(_prozent(a.satz)),
            _e(format_eur(a.betrag)),
            _e(a.erklaerung)
            + (f"<br/><i>{_e(tr('Rechtsgrundlage'))}: {_e(a.rechtsgrundlage)}</i>" if a.rechtsgrundlage else ""),
        )
        for a in abzuege
    ]
    if gesamt is not None:
        zeilen.append((f"<b>{_e(gesamt[0])}</b>", "", "", f"<b>{_e(format_eur(gesamt[1]))}</b>", ""))
    kopf = (tr("Art"), tr("Bemessung"), tr("Satz"), tr("Betrag"), tr("Erklärung und Rechtsgrundlage"))
    return f"<h3>{_e(titel)}</h3>" + _tabelle(kopf, zeilen, rechts=(1, 2, 3))


def _lohnarten(e: Monatsergebnis) -> str:
    zeilen = []
    for la in e.lohnarten:
        menge = f"{format_zahl(la.menge)} {la.einheit}".strip() if la.menge is not None else ""
        satz = format_eur_satz(la.satz) if la.satz is not None else ""
        merkmale = []
        if not la.steuerbrutto:
            merkmale.append(tr("steuerfrei"))
        if not la.sv_brutto:
            merkmale.append(tr("beitragsfrei"))
        if la.einmalig:
            merkmale.append(tr("Einmalzahlung"))
        text = _e(f"{la.schluessel} {la.text}") + (f" <i>({_e(', '.join(merkmale))})</i>" if merkmale else "")
        zeilen.append((text, _e(menge), _e(satz), _e(format_eur(la.betrag))))
    zeilen.append((f"<b>{_e(tr('Gesamtbrutto'))}</b>", "", "", f"<b>{_e(format_eur(e.brutto))}</b>"))
    return f"<h3>{_e(tr('Lohnarten'))}</h3>" + _tabelle(
        (tr("Lohnart"), tr("Menge"), tr("Satz"), tr("Betrag")), zeilen, rechts=(1, 2, 3)
    )


def _auszahlung(e: Monatsergebnis) -> str:
    zeilen = [
        (tr("Steuerbrutto"), e.steuerbrutto),
        (tr("SV-Brutto"), e.sv_brutto),
        (tr("Netto"), e.netto),
        (tr("Sachbezüge (einbehalten)"), e.sachbezuege),
        (tr("Vorschüsse"), e.vorschuesse),
        (tr("Verrechnungen"), e.verrechnungen),
    ]
    html = _tabelle((tr("Summe"), tr("Betrag")), [(_e(t), _e(format_eur(b))) for t, b in zeilen], rechts=(1,))
    return (
        f"<h3>{_e(tr('Netto und Auszahlung'))}</h3>{html}"
        f"<p><b>{_e(tr('Auszahlungsbetrag'))}: {_e(format_eur(e.auszahlung))}</b></p>"
    )


def _hinweise(zeile: Zeile) -> str:
    if not zeile.hinweise:
        return f"<h3>{_e(tr('Hinweise'))}</h3><p>{_e(tr('keine'))}</p>"
    punkte = "".join(
        f"<li><b>{_e(SCHWERE[h.schwere])}:</b> {_e(h.text)}"
        + (f" <i>({_e(h.rechtsgrundlage)})</i>" if h.rechtsgrundlage else "")
        + "</li>"
        for h in zeile.hinweise
    )
    return f"<h3>{_e(tr('Hinweise (Fehler und Warnungen zuerst)'))}</h3><ul>{punkte}</ul>"


def _zeitkonto(e: Monatsergebnis) -> str:
    z = e.zeitkonto
    if z is None:
        return ""
    zeilen = [
        (tr("Übertrag aus dem Vormonat"), z.vortrag),
        (tr("Soll laut Vertrag"), z.soll),
        (tr("Ist (Arbeit und bezahlte Abwesenheit)"), z.ist),
        (tr("Veränderung im Monat"), z.veraenderung),
        (tr("Stand am Monatsende"), z.saldo),
    ]
    grenzen = []
    if z.plus_max is not None:
        grenzen.append(tr("höchstens {n} Plusstunden").format(n=format_zahl(z.plus_max)))
    if z.minus_max is not None:
        grenzen.append(tr("höchstens {n} Minusstunden").format(n=format_zahl(z.minus_max)))
    html = _tabelle((tr("Zeitkonto"), tr("Stunden")), [(_e(t), _e(format_zahl(w))) for t, w in zeilen], rechts=(1,))
    return f"<h3>{_e(tr('Zeitkonto'))}</h3>{html}" + (
        f"<p>{_e(tr('Vereinbart'))}: {_e(', '.join(grenzen))}</p>" if grenzen else ""
    )


def _differenz(differenz: Sequence[tuple[str, str, str]]) -> str:
    if not differenz:
        return ""
    zeilen = [(_e(f), _e(a), _e(b)) for f, a, b in differenz_zeilen(differenz)]
    return _tabelle((tr("Feld"), tr("vorher"), tr("nachher")), zeilen)


def _versionen(versionen: Sequence[ablage.GespeichertesErgebnis]) -> str:
    if len(versionen) < 2:
        return ""
    teile = [f"<h3>{_e(tr('Versionen dieses Monats'))}</h3>"]
    for v in versionen:
        art = tr("ursprüngliche Abrechnung") if v.art == "abrechnung" else tr("Korrektur")
        kopf = tr("Version {n}: {art}, erstellt am {wann} von {wer}").format(
            n=v.version, art=art, wann=_zeitpunkt(v.erstellt_am), wer=v.erstellt_von or tr("unbekannt")
        )
        teile.append(f"<p><b>{_e(kopf)}</b><br/>")
        teile.append(
            _e(
                tr("Auszahlung {a}, Brutto {b}, Netto {n}").format(
                    a=format_eur(v.ergebnis.auszahlung), b=format_eur(v.ergebnis.brutto), n=format_eur(v.ergebnis.netto)
                )
            )
        )
        if v.grund:
            teile.append("<br/>" + _e(tr("Grund: {g}").format(g=v.grund)))
        if v.verrechnet_jahr is not None and v.verrechnet_monat is not None:
            teile.append(
                "<br/>"
                + _e(
                    tr("Differenz verrechnet mit der Abrechnung {m:02d}/{j}").format(
                        m=v.verrechnet_monat, j=v.verrechnet_jahr
                    )
                )
            )
        teile.append("</p>")
        teile.append(_differenz(v.differenz))
    return "".join(teile)


def _offene_korrektur(k: Korrektur) -> str:
    kopf = tr("{text} (Version {v}) wird mit dieser Abrechnung verrechnet: Auszahlung {d}").format(
        text=k.text(), v=k.version, d=format_eur(k.auszahlung_differenz)
    )
    return f"<p><b>{_e(kopf)}</b></p>" + _differenz(k.differenz)


def detail_html(zeile: Zeile, stand: Monatsstand) -> str:
    """Everything about `zeile`'s month, as HTML for a QTextBrowser."""
    kopf = name_von(zeile) + (f" ({tr('Personalnummer')} {zeile.personalnummer})" if zeile.name else "")
    teile = [f"<h2>{_e(kopf)}</h2>"]
    e = zeile.ergebnis
    if e is None:
        teile.append(f"<p><b>{_e(tr('Nicht abrechenbar'))}:</b> {_e(zeile.fehler)}</p>")
        return "".join(teile)
    teile.append(f"<p><b>{_e(BEZEICHNUNG[e.beschaeftigung])}</b></p>")
    if e.begruendung:
        teile.append("<ul>" + "".join(f"<li>{_e(g)}</li>" for g in e.begruendung) + "</ul>")
    stunden = tr("Stunden: {s}, davon Bereitschaft {b}").format(
        s=format_zahl(e.stunden), b=format_zahl(e.bereitschaftsstunden)
    )
    teile.append(f"<p>{_e(stunden)}</p>")
    if zeile.nach_plan:
        tage = ", ".join(f"{t:%d.%m.}" for t in zeile.nach_plan)
        teile.append(
            "<p><b>"
            + _e(tr("Nach Plan"))
            + ":</b> "
            + _e(
                tr("für diese Tage ist keine tatsächliche Arbeitszeit erfasst, abgerechnet ist der Plan: {t}").format(
                    t=tage
                )
            )
            + "</p>"
        )
    teile.append(_hinweise(zeile))
    teile.append(_lohnarten(e))
    teile.append(_abzuege(tr("Abzüge der Assistenzkraft"), e.abzuege))
    teile.append(_auszahlung(e))
    teile.append(
        _abzuege(
            tr("Abgaben der Arbeitgeberin"),
            e.arbeitgeberanteile,
            (tr("Arbeitgeberkosten gesamt (Brutto und Abgaben)"), e.arbeitgeberkosten),
        )
    )
    teile.append(_zeitkonto(e))
    teile.append(_versionen(stand.versionen.get(zeile.assistenzkraft_id, ())))
    eigene = [k for k in stand.korrekturen if k.assistenzkraft_id == zeile.assistenzkraft_id]
    if eigene:
        teile.append(f"<h3>{_e(tr('Korrekturen früherer Monate'))}</h3>")
        teile += [_offene_korrektur(k) for k in eigene]
    return "".join(teile)
