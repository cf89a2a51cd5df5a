"""Berkas › Ekspor PDF… (issue 9 point 9): choose the sections, the output file, watch the
progress, cancel.

The sections are the template's (``templates/dtpl-plpbk.json``) in print order, each with a
checkbox; the package parts sit under *Paket kegiatan*. The boxes start from the choice
remembered for this project (:func:`dtpl_studio.ui.settings.export_sections`), else from the
template's on/off. A section the programme has nothing for (no drawing, no photo, no RKS
clause) is shown greyed out with the reason.

The dialog does not export itself: *Ekspor* calls ``start(out_path, sections)`` (the
window's :meth:`~dtpl_studio.ui.main_window.MainWindow.export_to`), which returns the running
:class:`~dtpl_studio.ui.export.PdfExport` (or None when another export runs); the dialog
shows that job's progress (reported by the reporting layer per section and per laid-out
page, on a worker thread: the window stays responsive) and *Batal* asks it to stop at the
next checkpoint. A finished export closes the dialog; a cancelled or failed one leaves no
file (the reporting layer writes a temporary file beside the target and renames it) and
the dialog open, saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.services.export_choice import SectionChoice
from dtpl_studio.ui import dialogs
from dtpl_studio.ui.strings import tr

#: the section id kept on each row (column 0)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

StartFn = Callable[..., object]


class ExportDialog(QDialog):
    """The export dialog.

    Args:
        choices: the template's sections (:func:`dtpl_studio.services.export_choice.section_choices`).
        out_path: the proposed PDF file.
        start: ``start(out_path, sections)`` starts the export and returns the job (a
            :class:`~dtpl_studio.ui.export.PdfExport`) or None.
        remembered: the section ids chosen last time for this project, or None.
        remember: called with the chosen ids when an export starts.
    """

    def __init__(self, choices: list[SectionChoice], out_path: Path, start: StartFn, *,
                 remembered: Iterable[str] | None = None,
                 remember: Callable[[list[str]], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("dlg.export.title"))
        self.start_fn = start
        self.remember = remember
        self.job = None
        self.outcome: str | None = None
        chosen = set(remembered) if remembered is not None else None
        layout = QVBoxLayout(self)

        layout.addWidget(QLabel(tr("exp.sections")))
        self.tree = QTreeWidget()
        self.tree.setObjectName("exp_sections")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("exp.col.section"), tr("exp.col.note")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        parent_item: QTreeWidgetItem | None = None
        for choice in choices:
            item = QTreeWidgetItem([choice.title, ""])
            item.setData(0, ID_ROLE, choice.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            on = choice.default if chosen is None else choice.id in chosen
            if choice.reason:
                item.setDisabled(True)
                item.setText(1, choice.reason)
                item.setToolTip(0, choice.reason)
                on = False
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if choice.level == 0:
                self.tree.addTopLevelItem(item)
                parent_item = item
            elif parent_item is not None:
                parent_item.addChild(item)
            self.items[choice.id] = item
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._on_item_changed)
        self._sync_parts()
        rows = len(self.items) + 1  # every row and the header, no scrolling
        row_h = self.tree.sizeHintForRow(0) if self.tree.topLevelItemCount() else 20
        self.tree.setMinimumHeight(min(rows * max(row_h, 16) + 2 * self.tree.frameWidth() + 6, 560))
        self.tree.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(tr("exp.file")))
        self.path = QLineEdit(str(out_path))
        self.path.setObjectName("exp_path")
        path_row.addWidget(self.path, 1)
        self.browse = QPushButton(tr("exp.browse"))
        self.browse.clicked.connect(self._browse)
        path_row.addWidget(self.browse)
        layout.addLayout(path_row)

        self.bar = QProgressBar()
        self.bar.setObjectName("exp_progress")
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        layout.addWidget(self.bar)
        self.status = QLabel(tr("exp.ready"))
        self.status.setObjectName("exp_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(tr("exp.start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exp_start")
        self.cancel_button = self.buttons.addButton(tr("exp.close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("exp_cancel")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 620), self.sizeHint().height())
        self._update_start()

    # -- the choice ----------------------------------------------------------------------------
    def chosen(self) -> list[str]:
        """The ids of the ticked (and enabled) sections and parts, in print order."""
        out = []
        for sid, item in self.items.items():
            if item.checkState(0) == Qt.CheckState.Checked and not item.isDisabled():
                out.append(sid)
        return out

    def set_checked(self, section_id: str, on: bool) -> None:
        """Tick or untick a section (tests and keyboard use)."""
        self.items[section_id].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item.data(0, ID_ROLE) == "packages":
            self._sync_parts()
        self._update_start()

    def _sync_parts(self) -> None:
        packages = self.items.get("packages")
        if packages is None:
            return
        on = packages.checkState(0) == Qt.CheckState.Checked
        self.tree.blockSignals(True)
        for i in range(packages.childCount()):
            packages.child(i).setDisabled(not on)
        self.tree.blockSignals(False)

    def _update_start(self) -> None:
        running = self.job is not None
        empty = not self.chosen()
        self.export_button.setEnabled(not running and not empty)
        if empty and not running:
            self.status.setText(tr("exp.none_chosen"))
        elif not running and self.status.text() == tr("exp.none_chosen"):
            self.status.setText(tr("exp.ready"))

    def _browse(self) -> None:
        name = dialogs.save_file_name(self, tr("dlg.export.title"), self.path.text(), tr("dlg.filter.pdf"),
                                      suffix="pdf")
        if name:
            self.path.setText(str(dialogs.with_suffix(name, "pdf")))

    # -- running -------------------------------------------------------------------------------
    def out_path(self) -> Path:
        """The PDF file to write (``.pdf`` added when missing)."""
        return dialogs.with_suffix(self.path.text().strip(), "pdf")

    def start(self) -> None:
        """*Ekspor*: start the export with the ticked sections."""
        if self.job is not None or not self.chosen():
            return
        if not self.path.text().strip():
            self.status.setText(tr("exp.no_file"))
            return
        sections = self.chosen()
        job = self.start_fn(self.out_path(), sections)
        if job is None:
            self.status.setText(tr("exp.busy"))
            return
        if self.remember is not None:
            self.remember(sections)
        self.job = job
        self.outcome = None
        self.bar.setValue(0)
        self.status.setText(tr("dlg.export.progress"))
        self._set_running(True)
        job.progress.connect(self._on_progress)
        job.done.connect(self._on_done)

    def _set_running(self, running: bool) -> None:
        self.tree.setEnabled(not running)
        self.path.setEnabled(not running)
        self.browse.setEnabled(not running)
        self.cancel_button.setText(tr("dlg.export.cancel") if running else tr("exp.close"))
        self.cancel_button.setEnabled(True)
        self._update_start()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.job is None or self.job.task.is_cancelled():
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if label:
            self.status.setText(label)

    def _on_done(self, outcome: str, detail: str) -> None:
        self.job = None
        self.outcome = outcome
        self._set_running(False)
        if outcome == "ok":
            self.bar.setValue(self.bar.maximum())
            super().accept()
            return
        self.bar.setValue(0)
        self.status.setText(tr("exp.cancelled") if outcome == "cancelled" else tr("exp.failed"))

    def reject(self) -> None:
        """Qt override (*Batal*/*Tutup*, Esc, the close box): while exporting, ask the worker
        to stop (the dialog stays until it has); else close."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(tr("status.export_cancelled") + "…")
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Closing while exporting cancels first (the window is not left with a worker)."""
        if self.job is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
