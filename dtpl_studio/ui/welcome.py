"""First run: a short, dismissible welcome over the demo project (issue 7 point 6).

Shown when the window opens on the demo project in the user data folder and the setting
``show_welcome`` is true; its "Jangan tampilkan lagi" box clears that setting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from dtpl_studio.ui import settings
from dtpl_studio.ui.strings import tr


class WelcomeDialog(QDialog):
    """What the demo is and how to start an own project; a "don't show again" box."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(tr("welcome.title"))
        layout = QVBoxLayout(self)
        self.body = QLabel(tr("welcome.text"))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setMinimumWidth(460)
        layout.addWidget(self.body)
        self.dont_show = QCheckBox(tr("welcome.dont_show"))
        layout.addWidget(self.dont_show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("welcome.start"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.finished.connect(self._remember)

    def _remember(self, _result: int) -> None:
        if self.dont_show.isChecked():
            settings.write("show_welcome", False)


def should_welcome(opened: Path | None, demo_path: Path) -> bool:
    """True when the window opened the demo project and the user has not turned it off."""
    if opened is None or not settings.read("show_welcome"):
        return False
    try:
        return Path(opened).resolve() == Path(demo_path).resolve()
    except OSError:
        return False


def maybe_welcome(window, opened: Path | None) -> WelcomeDialog | None:
    """Open the welcome (window-modal, not blocking) over ``window`` when :func:`should_welcome`."""
    from dtpl_studio.services.project import default_project_path

    if not should_welcome(opened, default_project_path()):
        return None
    dialog = WelcomeDialog(window)
    dialog.open()
    return dialog
