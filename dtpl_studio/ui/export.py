"""Export the DTPL PDF (or the RAB xlsx) on a worker thread with a progress dialog and a
working Cancel."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from dtpl_studio.costing.rab import Program
from dtpl_studio.ui import dialogs
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.workers import Task

ExportFn = Callable[..., Path]


def default_export_fn() -> ExportFn:
    """``services.project.export_pdf`` (imported late: the reporting layer is heavy)."""
    from dtpl_studio.services.project import export_pdf

    return export_pdf


class PdfExport(QObject):
    """One running export: a snapshot of the programme, a :class:`Task`, a progress dialog.

    The programme is deep-copied on the GUI thread before the worker starts, so later
    edits never race the export.

    Signals:
        done(str, str): ``("ok", path)``, ``("cancelled", "")`` or ``("failed", message)``.
        progress(int, int, str): the worker's ``(done, total, label)``, re-emitted on the
            GUI thread (connected before the task starts, so no report is missed).
    """

    done = Signal(str, str)
    progress = Signal(int, int, str)
    #: window texts (keys of :mod:`dtpl_studio.ui.strings`) of this kind of export
    TITLE, PROGRESS, CANCELLED = "dlg.export.title", "dlg.export.progress", "status.export_cancelled"
    FAILED_TITLE, FAILED_TEXT = "dlg.export_failed.title", "dlg.export_failed.text"

    def __init__(self, parent: QWidget, pool: QThreadPool, program: Program, out_path: Path,
                 export_fn: ExportFn | None = None, *, sections: list[str] | None = None,
                 progress_dialog: bool = True):
        """``sections``: passed on to the export function as ``sections=`` (only when given,
        so an export function without that argument still works). ``progress_dialog``:
        False when the caller shows the progress itself (the export dialog)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.out_path = Path(out_path)
        extra = {} if sections is None else {"sections": list(sections)}
        self.task = Task(export_fn or self.default_fn(), copy.deepcopy(program), self.out_path, **extra)
        self.dialog: QProgressDialog | None = None
        if progress_dialog:
            self.dialog = QProgressDialog(tr(self.PROGRESS), tr("dlg.export.cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(tr(self.TITLE))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.setMinimumWidth(420)
            self.dialog.canceled.connect(self.cancel)
        signals = self.task.signals
        signals.progress.connect(self._on_progress)
        signals.succeeded.connect(self._on_succeeded)
        signals.failed.connect(self._on_failed)
        signals.cancelled.connect(self._on_cancelled)
        self.outcome: tuple[str, str] | None = None
        pool.start(self.task)

    def cancel(self) -> None:
        """Ask the worker to stop (the Cancel button)."""
        if self.outcome is None:
            self.task.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(tr(self.CANCELLED) + "…")

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self.outcome is not None or self.task.is_cancelled():
            return
        self.progress.emit(done, total, label)
        if self.dialog is None:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if label:
            self.dialog.setLabelText(label)

    def _close_dialog(self) -> None:
        if self.dialog is None:
            return
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()

    def _finish(self, outcome: str, detail: str) -> None:
        self.outcome = (outcome, detail)
        self._close_dialog()
        self.done.emit(outcome, detail)

    def _on_succeeded(self, result) -> None:
        self._finish("ok", str(result or self.out_path))

    def _on_cancelled(self) -> None:
        self._finish("cancelled", "")

    def _on_failed(self, message: str) -> None:
        self._finish("failed", message)
        dialogs.show_error(self.parent_widget, tr(self.FAILED_TITLE), tr(self.FAILED_TEXT, error=message))

    @staticmethod
    def default_fn() -> ExportFn:
        return default_export_fn()


def default_xlsx_export_fn() -> ExportFn:
    """``services.project.export_xlsx`` (returns ``(path, export map)``)."""
    from dtpl_studio.services.project import export_xlsx

    return export_xlsx


class XlsxExport(PdfExport):
    """One running export of the RAB workbook with live formulas (issue 10 point 7)."""

    TITLE, PROGRESS, CANCELLED = "dlg.export_xlsx.title", "dlg.export_xlsx.progress", "status.export_xlsx_cancelled"
    FAILED_TITLE, FAILED_TEXT = "dlg.export_xlsx_failed.title", "dlg.export_xlsx_failed.text"

    @staticmethod
    def default_fn() -> ExportFn:
        return default_xlsx_export_fn()

    def _on_succeeded(self, result) -> None:
        path = result[0] if isinstance(result, tuple) else result
        self._finish("ok", str(path or self.out_path))
