"""Dialog for the need profile: per weekday periods in Arbeit 0 / I / II with the default Leistungsart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from core.dienstplan.bedarf import Bedarfsblock, Bedarfsprofil, Bedarfsstufe, bedarfsstunden
from core.dienstplan.tage import WOCHENTAGE
from core.fehler import EingabeFehler
from desktop.dienstplan.eingaben import Eingabedialog, uhrzeit_aus_text
from desktop.formular import Eingabeformat, Feld, dezimal_als_text
from desktop.i18n import tr

_BLOCK = re.compile(r"^\s*(\S+?)\s*(?:-|–|bis)\s*(\S+)\s+(0|I|II)(?:\s+(\S+))?\s*$", re.IGNORECASE)


def bloecke_aus_text(text: str, kuerzel: set[str]) -> tuple[Bedarfsblock, ...]:
    """ "07:00–22:00 I HZP, 22:00–24:00 II" → blocks; the Leistungsart (optional) must be a known Kürzel."""
    bloecke = []
    for teil in (t for t in re.split(r"[;,]", text) if t.strip()):
        treffer = _BLOCK.match(teil)
        if not treffer:
            raise Eingabeformat(
                tr("„{teil}“ ist kein Zeitraum mit Stufe. Bitte so schreiben: 07:00–22:00 I HZP").format(
                    teil=teil.strip()
                )
            )
        von, bis = uhrzeit_aus_text(treffer.group(1)), uhrzeit_aus_text(treffer.group(2))
        assert von is not None and bis is not None
        la = treffer.group(4)
        if la is not None:
            passend = {k.casefold(): k for k in kuerzel}
            if la.casefold() not in passend:
                raise Eingabeformat(
                    tr("Die Leistungsart „{la}“ gibt es nicht. Bekannt sind: {liste}.").format(
                        la=la, liste=", ".join(sorted(kuerzel)) or tr("keine")
                    )
                )
            la = passend[la.casefold()]
        bloecke.append(Bedarfsblock(von, bis, Bedarfsstufe(treffer.group(3).upper()), la))
    return tuple(sorted(bloecke, key=lambda b: b.beginn))


def bloecke_als_text(bloecke: Sequence[Bedarfsblock]) -> str:
    return ", ".join(
        f"{b.zeiten_text} {b.stufe.value}{(' ' + b.leistungsart) if b.leistungsart else ''}" for b in bloecke
    )


class BedarfDialog(Eingabedialog):
    """The result is a `Bedarfsprofil` (checked by core); the caller saves it through the service."""

    def __init__(
        self,
        profil: Bedarfsprofil | None,
        leistungsarten: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        gueltig_ab: date | None = None,
    ) -> None:
        super().__init__(tr("Bedarf je Wochentag"), parent)
        self.alt = profil
        self.kuerzel = {k for k, _ in leistungsarten}
        erklaerung = QLabel(
            tr(
                "Je Wochentag die Zeiträume mit Stufe (0 = kein Bedarf, I = Arbeit, II = Bereitschaft) und, wenn "
                "gewünscht, dem Kürzel der Leistungsart, die diese Stunden bezahlt. Beispiel: "
                "„07:00–22:00 I HZP, 22:00–24:00 II HZP“. Ein Zeitraum über Mitternacht wird auf zwei Tage "
                "aufgeteilt. Kürzel: {liste}."
            ).format(liste=", ".join(k for k, _ in leistungsarten) or tr("keine angelegt"))
        )
        erklaerung.setToolTip("\n".join(b for _k, b in leistungsarten))
        erklaerung.setWordWrap(True)
        self.spalte.insertWidget(0, erklaerung)
        f = self.formular
        self.name = f.text("name", tr("&Name des Profils"))
        self.gueltig_ab = f.datum(
            "gueltig_ab",
            tr("Gültig a&b"),
            beschreibung=tr("Ab diesem Tag gilt das Profil (z. B. ab einer neuen Bewilligung)"),
        )
        self.feiertag = f.ja_nein("feiertag_wie_sonntag", tr("An &Feiertagen wie sonntags"))
        self.tage: list[Feld] = []
        kuerzel = ("&Montag", "D&ienstag", "Mi&ttwoch", "D&onnerstag", "F&reitag", "S&amstag", "Sonnta&g")
        for i, titel in enumerate(kuerzel):
            feld = f.text(
                f"tag_{i}",
                tr(titel),
                pruefer=lambda text, i=i: self._fehler(text),
                beschreibung=tr("Zeiträume des {tag}s mit Stufe und Leistungsart").format(tag=WOCHENTAGE[i]),
            )
            feld.bei_verlassen(self._zeige_summe)
            self.tage.append(feld)
        self.uebertragen = QPushButton(tr("Montag auf alle &Werktage übertragen"))
        self.uebertragen.setObjectName("auf_werktage")
        self.uebertragen.clicked.connect(self._auf_werktage)
        self.spalte.addWidget(self.uebertragen)
        self.summe = QLabel()
        self.summe.setObjectName("summe")
        self.summe.setWordWrap(True)
        self.spalte.addWidget(self.summe)
        self.fertig_bauen()
        zeichen = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(zeichen * 90)  # room for a day's periods; follows the user's font size

        self.name.setze(profil.name if profil is not None else tr("Bedarf"))
        self.gueltig_ab.setze(gueltig_ab or date.today())
        self.feiertag.setze(profil.feiertag_wie_sonntag if profil is not None else True)
        for i, feld in enumerate(self.tage):
            feld.setze(bloecke_als_text(profil.tage.get(i, ())) if profil is not None else "")
        self._zeige_summe()
        self.tage[0].eingabe.setFocus()

    def _fehler(self, text: str) -> str | None:
        try:
            bloecke_aus_text(text, self.kuerzel)
        except Eingabeformat as fehler:
            return str(fehler)
        return None

    def _auf_werktage(self) -> None:
        for feld in self.tage[1:5]:
            feld.setze(self.tage[0].wert())
        self._zeige_summe()

    def _zeige_summe(self) -> None:
        lesbar: dict[int, tuple[Bedarfsblock, ...]] = {}
        for i, feld in enumerate(self.tage):
            try:
                lesbar[i] = bloecke_aus_text(feld.wert(), self.kuerzel)
            except Eingabeformat:
                continue
        summen = bedarfsstunden(lesbar)  # the hours come from core; the dialog only writes them out
        zeilen = []
        for i in range(len(self.tage)):
            je = summen.je_tag.get(i)
            if je is None:
                zeilen.append(tr("{tag}: nicht lesbar").format(tag=WOCHENTAGE[i]))
                continue
            zeilen.append(
                tr("{tag}: Arbeit I {i} h, Arbeit II {ii} h").format(
                    tag=WOCHENTAGE[i],
                    i=dezimal_als_text(je[Bedarfsstufe.ARBEIT_I], 2),
                    ii=dezimal_als_text(je[Bedarfsstufe.ARBEIT_II], 2),
                )
            )
        zeilen.append(
            tr("Woche: Arbeit I {i} h, Arbeit II {ii} h").format(
                i=dezimal_als_text(summen.woche[Bedarfsstufe.ARBEIT_I], 2),
                ii=dezimal_als_text(summen.woche[Bedarfsstufe.ARBEIT_II], 2),
            )
        )
        self.summe.setText("\n".join(zeilen))
        self.summe.setAccessibleName(tr("Stunden je Wochentag"))
        self.summe.setAccessibleDescription(self.summe.text())

    def gueltig_ab_wert(self) -> date:
        tag = self.gueltig_ab.wert()
        assert tag is not None  # ergebnis_bauen refuses an empty date
        return tag

    def ergebnis_bauen(self) -> Bedarfsprofil:
        if self.gueltig_ab.wert() is None:
            raise EingabeFehler(tr("Bitte angeben, ab wann das Profil gilt."), feld="gueltig_ab")
        tage = {i: bloecke_aus_text(feld.wert(), self.kuerzel) for i, feld in enumerate(self.tage)}
        name = self.name.wert() or tr("Bedarf")
        profil = Bedarfsprofil(
            name=name,
            tage={i: b for i, b in tage.items() if b},
            feiertag_wie_sonntag=bool(self.feiertag.wert()),
            land=self.alt.land if self.alt is not None else None,
            id=self.alt.id if self.alt is not None else None,
        )
        try:
            profil.pruefe()
        except EingabeFehler as fehler:
            # core names the period; put the message at the weekday it is about
            for i, feld in enumerate(self.tage):
                if any(b.zeiten_text in str(fehler) for b in tage[i]):
                    raise EingabeFehler(str(fehler), feld=feld.name) from None
            raise
        return profil
