"""Small modal dialogs, in one place so tests can replace them (no traceback ever shown)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QSplitter, QTreeView, QWidget

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
    for button, key in ((QMessageBox.StandardButton.Save, "dlg.unsaved.save"),
                        (QMessageBox.StandardButton.Discard, "dlg.unsaved.discard"),
                        (QMessageBox.StandardButton.Cancel, "dlg.unsaved.cancel")):
        box.button(button).setText(tr(key))  # Qt's own labels are English without its .qm
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SaveChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def ask_recover(parent: QWidget | None, text: str) -> bool:
    """Offer the recovered state of a session that did not end cleanly (``text`` says when and
    what differs). True: take it; False: open the saved file (the copy is kept aside until the next clean save, see ``ProjectSession.discard_recovery``)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("recover.title"))
    box.setText(text)
    recover = box.addButton(tr("recover.accept"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("recover.discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(recover)
    box.exec()
    return box.clickedButton() is recover


def file_dialog(parent: QWidget | None, title: str, start: str, filters: str, *, save: bool) -> QFileDialog:
    """The project/PDF file dialog: Qt's own widget (not the platform's), so that it follows
    the app's language and can be tested and captured; a save dialog confirms overwriting."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, tr("dlg.file.save"))
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, tr("dlg.file.open"))
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, tr("dlg.file.cancel"))
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, tr("dlg.file.look_in"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, tr("dlg.file.name"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, tr("dlg.file.type"))
    dialog.resize(860, 500)
    sidebar = dialog.findChild(QSplitter, "splitter")
    if sidebar is not None:
        sidebar.setSizes([170, 690])
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # name stretches; size, type and date never cut off
        header = details.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _run_file_dialog(dialog: QFileDialog) -> str:
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def open_file_name(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """Ask for an existing file; "" when cancelled."""
    return _run_file_dialog(file_dialog(parent, title, start, filters, save=False))


def ask_overwrite(parent: QWidget | None, path: Path) -> bool:
    """Ask whether to replace the existing file ``path``; True: replace it."""
    answer = QMessageBox.question(parent, tr("dlg.overwrite.title"), tr("dlg.overwrite.text", name=path.name),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def with_suffix(name: str, suffix: str) -> Path:
    """``name`` ending in ``.suffix`` (any case kept when already there; otherwise appended,
    so ``proyek.v2`` becomes ``proyek.v2.dtpl``)."""
    path = Path(name)
    return path if path.suffix.lower() == f".{suffix.lower()}" else path.with_name(f"{path.name}.{suffix}")


def save_file_name(parent: QWidget | None, title: str, start: str, filters: str, suffix: str = "") -> str:
    """Ask for a file name to write; "" when cancelled.

    With ``suffix`` (``"dtpl"``, ``"pdf"``, ``"xlsx"``, ``"csv"``) the returned name always
    ends with it, and a file that exists under the *completed* name is only replaced after
    the overwrite question: Qt's own confirmation looks at the name as typed, so ``b2`` typed
    where ``b2.dtpl`` exists used to replace that project silently (newcomer review, issue 5).
    Declining the question asks for another name.
    """
    dialog = file_dialog(parent, title, start, filters, save=True)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    while True:
        name = _run_file_dialog(dialog)
        if not name or not suffix:
            return name
        final = with_suffix(name, suffix)
        if final == Path(name) or not final.exists() or ask_overwrite(parent, final):
            return str(final)
        dialog.selectFile(final.name)
