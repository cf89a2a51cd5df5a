"""Small modal dialogs, in one place so tests can replace them (no traceback ever shown)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from dtpl_studio.ui.strings import tr


class SaveChoice(Enum):
    """Answer to "save changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box with ``title`` and ``text`` (a plain message, never a traceback)."""
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """An information box."""
    QMessageBox.information(parent, title, text)


def ask_save_changes(parent: QWidget | None, name: str) -> SaveChoice:
    """Ask whether to save the modified project ``name`` before it is closed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("dlg.unsaved.title"))
    box.setText(tr("dlg.unsaved.text", name=name))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL
