"""Modal dialogs: run one, then free it (a dialog with a parent would otherwise live as long as its parent)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def modal(dialog: QDialog) -> int:
    """`dialog.exec()`, then the dialog is deleted once control is back in the event loop.

    Its fields can still be read right after this returns; keep nothing of it for later.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
