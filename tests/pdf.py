"""Read the PDFs the program writes with pypdf (pure Python), so the tests need nothing but Python."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_text(pfad: Path) -> str:
    """The text of every page in reading order, laid out in lines as on the page (like `pdftotext -layout`)."""
    return "\n".join(seite.extract_text(extraction_mode="layout") for seite in PdfReader(pfad).pages)


def pdf_seiten(pfad: Path) -> list[tuple[int, int]]:
    """Width and height of every page in whole points (A4 landscape: 842 × 595)."""
    return [(round(float(s.mediabox.width)), round(float(s.mediabox.height))) for s in PdfReader(pfad).pages]


def pdf_schriften(pfad: Path) -> dict[str, bool]:
    """Every font the pages use: its name (e.g. "ABCDEF+DejaVuSans") → whether the font file is embedded (like
    `pdffonts`)."""
    gefunden: dict[str, bool] = {}
    for seite in PdfReader(pfad).pages:
        schriften = seite.get("/Resources", {}).get_object().get("/Font", {})
        for eintrag in schriften.get_object().values():
            schrift = eintrag.get_object()
            beschreibung = schrift.get("/FontDescriptor")
            for nachkomme in schrift.get("/DescendantFonts", []):  # Type0 (composite) fonts
                beschreibung = beschreibung or nachkomme.get_object().get("/FontDescriptor")
            beschreibung = beschreibung.get_object() if beschreibung is not None else {}
            eingebettet = any(k in beschreibung for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            gefunden[str(schrift.get("/BaseFont", "?")).lstrip("/")] = eingebettet
    return gefunden
