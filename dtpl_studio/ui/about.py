"""Bantuan → Tentang DTPL Studio: version, shipped price-book edition, licence."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from dtpl_studio.services.about import about_info
from dtpl_studio.ui.strings import tr


def about_text() -> str:
    """The dialog's rich text (version, price book, licence) in the current language."""
    info = about_info()
    return tr("dlg.about.rich", version=escape(info.version), edition=escape(info.edition),
              licence=escape(info.licence))


def show_about(parent: QWidget | None) -> None:
    """Show the About box (modal)."""
    QMessageBox.about(parent, tr("action.about").replace("&", ""), about_text())
