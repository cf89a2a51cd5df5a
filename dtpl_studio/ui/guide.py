"""Bantuan → Panduan pengguna: opens the Indonesian user guide (MkDocs HTML built by
``make docs`` into the package folder ``dtpl_studio/guide``, shipped in wheels and bundles built
after it) in the system's browser."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from dtpl_studio.ui import dialogs
from dtpl_studio.ui.strings import tr


def guide_index() -> Path | None:
    """The guide's ``index.html`` when it has been built, else None."""
    index = Path(str(resources.files("dtpl_studio") / "guide" / "index.html"))
    return index if index.is_file() else None


def open_guide(parent: QWidget | None) -> bool:
    """Open the guide in the browser; without a built guide, say how to build it."""
    index = guide_index()
    if index is None:
        dialogs.show_info(parent, tr("guide.title"), tr("guide.missing"))
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))
