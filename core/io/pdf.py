"""Writing PDFs (reportlab) — every PDF the program writes uses this module for fonts, text and saving.

- Fonts: `SCHRIFT` / `SCHRIFT_FETT` are DejaVu Sans (resources/schriften/, license beside it), registered once and
  embedded in every PDF, so names in every script print (Łukasz, Ayşe, Đặng, Ольга) instead of ■. reportlab's
  built-in Helvetica knows only Latin-1: never use it. `stil(...)` makes a ParagraphStyle with these fonts,
  `standardstile()` is reportlab's sample style sheet switched to them; on a canvas use `canvas.setFont(SCHRIFT, 8)`.
- Text: `absatz(text, stil)` escapes the markup characters, keeps line breaks and cuts text that cannot fit a page
  (a 10,000-character name) to `hoechstens` characters with "…"; `kuerze(text, n)` does the cutting for texts
  drawn directly (`einzeilig(...)` cuts to a width in points).
- Saving: `schreibe_pdf(ziel, inhalt, ...)` builds a SimpleDocTemplate through `core.io.ausgabe.ausgabedatei`
  (never onto the database or an input, existing file only when agreed, temporary file + rename, owner-only) and
  turns reportlab's LayoutError (something taller than a page) into one German sentence.

New PDF writers (payslips, reports): take styles from `stil`/`standardstile`, wrap every text in `absatz`, and save
with `schreibe_pdf`. `tests/core/io/test_pdf_schriften.py` checks that no module under core/ uses another font or
builds a document any other way.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from core.fehler import EingabeFehler
from core.io.ausgabe import ausgabedatei
from core.ressourcen import ressource

SCHRIFT = "DejaVuSans"
SCHRIFT_FETT = "DejaVuSans-Bold"
_DATEIEN = {SCHRIFT: "DejaVuSans.ttf", SCHRIFT_FETT: "DejaVuSans-Bold.ttf"}
HOECHSTENS = 1000  # characters of one paragraph: more never fits a table cell on one page
ELLIPSE = "…"

Seitenfunktion = Callable[[Any, Any], None]


def registriere_schriften() -> None:
    """Register DejaVu Sans (regular, bold; also as italic) with reportlab once per process."""
    bekannt = set(pdfmetrics.getRegisteredFontNames())
    for name, datei in _DATEIEN.items():
        if name not in bekannt:
            pdfmetrics.registerFont(TTFont(name, str(ressource("schriften", datei))))
    # <b> and <i> inside a paragraph pick from this family (no oblique shipped: italic stays upright)
    pdfmetrics.registerFontFamily(SCHRIFT, normal=SCHRIFT, bold=SCHRIFT_FETT, italic=SCHRIFT, boldItalic=SCHRIFT_FETT)


def stil(name: str, *, fett: bool = False, parent: ParagraphStyle | None = None, **werte: Any) -> ParagraphStyle:
    """A ParagraphStyle in the embedded font (bold with `fett`); other attributes as for ParagraphStyle."""
    registriere_schriften()
    werte.setdefault("fontName", SCHRIFT_FETT if fett else SCHRIFT)
    return ParagraphStyle(name, parent=parent, **werte)


def standardstile() -> StyleSheet1:
    """reportlab's sample style sheet (Title, Heading1…, BodyText) with every style in the embedded font."""
    registriere_schriften()
    stile = getSampleStyleSheet()
    for eintrag in stile.byName.values():
        if isinstance(eintrag, ParagraphStyle):
            fett = "Bold" in eintrag.fontName
            eintrag.fontName = SCHRIFT_FETT if fett else SCHRIFT
    return stile


def kuerze(text: str, hoechstens: int = HOECHSTENS) -> str:
    """At most `hoechstens` characters; a cut text ends with "…"."""
    return text if len(text) <= hoechstens else text[: max(hoechstens - 1, 0)] + ELLIPSE


def einzeilig(text: str, breite: Any, *, schrift: str = SCHRIFT, groesse: Any = 8) -> str:
    """Cut a single line for `canvas.drawString` to `breite` points (footer, header)."""
    registriere_schriften()
    text = kuerze(" ".join(text.split()), 400)
    if pdfmetrics.stringWidth(text, schrift, groesse) <= breite:
        return text
    unten, oben = 0, len(text)
    while unten < oben:  # longest prefix that fits with the ellipsis
        mitte = (unten + oben + 1) // 2
        if pdfmetrics.stringWidth(text[:mitte] + ELLIPSE, schrift, groesse) <= breite:
            unten = mitte
        else:
            oben = mitte - 1
    return text[:unten] + ELLIPSE


def markup(text: str, hoechstens: int = HOECHSTENS) -> str:
    """Plain text as paragraph markup: cut, &<> escaped, line breaks kept."""
    return escape(kuerze(text, hoechstens)).replace("\n", "<br/>")


def absatz(text: str, stil: ParagraphStyle, *, hoechstens: int = HOECHSTENS) -> Paragraph:
    """A Paragraph of plain text (a name, a note): escaped and cut so it fits a page."""
    return Paragraph(markup(text, hoechstens) if text else "&nbsp;", stil)


def schreibe_pdf(
    ziel: Path,
    inhalt: Sequence[Flowable],
    *,
    ueberschreiben: bool = False,
    eingaben: Iterable[Path] = (),
    erste_seite: Seitenfunktion | None = None,
    weitere_seiten: Seitenfunktion | None = None,
    **dokument: Any,
) -> Path:
    """Build a SimpleDocTemplate (`dokument`: pagesize, margins, title, …) safely into `ziel`."""
    registriere_schriften()
    seiten: dict[str, Seitenfunktion] = {}
    if erste_seite is not None:
        seiten["onFirstPage"] = erste_seite
    if weitere_seiten is not None or erste_seite is not None:
        seiten["onLaterPages"] = weitere_seiten or erste_seite  # type: ignore[assignment]
    dokument.setdefault("initialFontName", SCHRIFT)  # else every page starts in (unembedded) Helvetica
    with ausgabedatei(ziel, ueberschreiben=ueberschreiben, eingaben=eingaben) as teil:
        vorlage = SimpleDocTemplate(str(teil), **dokument)
        try:
            vorlage.build(list(copy.copy(inhalt)), **seiten)
        except LayoutError:
            raise EingabeFehler(
                f"Die Datei {ziel} wurde nicht geschrieben: ein Eintrag ist zu groß für eine Seite. "
                "Bitte kürzen Sie sehr lange Texte (Namen, Bemerkungen) und versuchen Sie es noch einmal."
            ) from None
    return Path(ziel).expanduser().absolute()
