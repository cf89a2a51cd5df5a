"""Bantuan → Panduan pengguna: the Indonesian user guide.

Two forms, the first found wins:

1. the MkDocs HTML that ``make docs`` builds into the package folder ``dtpl_studio/guide``
   (in a wheel or bundle built after ``make docs``), opened in the system's browser;
2. the guide's Markdown itself, ``docs/*.md`` and the screenshots in ``docs/img`` that were
   there when the package was built, shipped in every wheel and bundle as
   ``dtpl_studio._data.docs`` (setup.py maps the folder like ``unit_prices``), shown in a
   window of the app (:class:`GuideWindow`, a QTextBrowser reading Markdown; links between
   chapters work, screenshots are scaled to the window). An install without MkDocs thus
   still carries the guide (issue 7 point 5: a wheel carried no guide).

Only when neither is there (a broken install) does the user get a message.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from dtpl_studio.ui import dialogs
from dtpl_studio.ui.strings import tr

#: widest a screenshot is shown in the guide window (pixels); wider ones are scaled down
MAX_IMAGE_WIDTH = 860


def guide_index() -> Path | None:
    """The built guide's ``index.html`` when ``make docs`` built it into the package, else None."""
    index = Path(str(resources.files("dtpl_studio") / "guide" / "index.html"))
    return index if index.is_file() else None


def guide_markdown() -> Path | None:
    """The shipped Markdown guide's ``index.md`` (``dtpl_studio._data.docs``), else None."""
    try:
        root = resources.files("dtpl_studio._data.docs")
    except ModuleNotFoundError:
        return None
    index = Path(str(root / "index.md"))
    return index if index.is_file() else None


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads the guide's Markdown chapters and scales screenshots down
    to :data:`MAX_IMAGE_WIDTH` (a 1440-pixel window picture would not fit)."""

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt override
        if kind == QTextDocument.ResourceType.ImageResource.value and name.isLocalFile():
            image = QImage(name.toLocalFile())
            if image.isNull():
                return super().loadResource(kind, name)
            if image.width() > MAX_IMAGE_WIDTH:
                image = image.scaledToWidth(MAX_IMAGE_WIDTH)
            return image
        return super().loadResource(kind, name)


class GuideWindow(QDialog):
    """The Markdown guide in a window (not modal): chapter links open in it, web links in
    the browser."""

    def __init__(self, index: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(tr("guide.title"))
        self.browser = GuideBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(index.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(index)), QTextDocument.ResourceType.MarkdownResource)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(960, 760)


def open_guide(parent: QWidget | None) -> bool:
    """Open the guide: the built HTML in the browser, else the shipped Markdown in a
    :class:`GuideWindow`; without either, say so. True when something was opened."""
    index = guide_index()
    if index is not None:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))
    markdown = guide_markdown()
    if markdown is None:
        dialogs.show_info(parent, tr("guide.title"), tr("guide.missing"))
        return False
    window = GuideWindow(markdown, parent)
    window.show()
    window.raise_()
    if parent is not None:
        parent._guide_window = window  # kept alive while the main window lives
    return True
