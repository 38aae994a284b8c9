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
