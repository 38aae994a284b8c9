"""German user interface: translation wrapper, Qt's own German catalogue, the de_DE locale for numbers and dates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

KONTEXT = "Assistenzbuero"


def tr(text: str, kontext: str = KONTEXT) -> str:
    """Mark a visible string for translation; the source language is German."""
    return QCoreApplication.translate(kontext, text)


def deutsch() -> QLocale:
    return QLocale(QLocale.Language.German, QLocale.Country.Germany)


def installiere_uebersetzungen(app: QCoreApplication) -> bool:
    """Load Qt's `qtbase_de` so standard buttons and dialogs speak German; idempotent per application.

    Returns whether the catalogue was found (it ships with PySide6 under Qt/translations).
    """
    QLocale.setDefault(deutsch())
    if app.property("assistenzbuero_uebersetzt"):
        return True
    uebersetzer = QTranslator(app)  # parented to the app, so it lives as long as the app
    gefunden = uebersetzer.load(deutsch(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if gefunden:
        app.installTranslator(uebersetzer)
        app.setProperty("assistenzbuero_uebersetzt", True)
    return gefunden
