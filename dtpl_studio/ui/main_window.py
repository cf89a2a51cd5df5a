"""The main window: a thin shell of actions, menus and docks around the document widgets.

Layout: packages and the BLM check on the left, the RAB tree with its summary and the
back-up volume panel in the middle, the analysis catalogue and the findings on the right,
the price book and the findings count in the status bar. Work is delegated to the
:class:`ProjectDocument` (undo stack, prices), the widgets, and ``services`` (open, save,
export).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QSplitter, QWidget

from dtpl_studio import __version__
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item, Package, Program
from dtpl_studio.errors import DtplError
from dtpl_studio.ui import dialogs, settings
from dtpl_studio.ui.commands import AddItemFromCatalogueCommand, RemoveItemCommand
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.export import ExportFn, PdfExport
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.audit_panel import AuditPanel
from dtpl_studio.ui.widgets.blm_panel import BlmPanel
from dtpl_studio.ui.widgets.catalogue import CataloguePanel, describe_book
from dtpl_studio.ui.widgets.findings import FindingsPanel
from dtpl_studio.ui.widgets.measurement_panel import MeasurementPanel
from dtpl_studio.ui.widgets.packages import PackageList
from dtpl_studio.ui.widgets.rab_editor import RabEditor

log = logging.getLogger(__name__)


def _default_library_book() -> PriceBook:
    from dtpl_studio.services.prices import load_default_book

    return load_default_book()


class MainWindow(QMainWindow):
    """DTPL Studio's main window.

    Args:
        library_book: returns the price book the catalogue offers (default: the shipped
            edition, ``services.prices.load_default_book``); when it fails, the catalogue
            shows the current package's pinned book.
        export_fn: the PDF export use case (default ``services.project.export_pdf``).
    """

    def __init__(self, library_book: Callable[[], PriceBook] | None = _default_library_book,
                 export_fn: ExportFn | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.doc: ProjectDocument | None = None
        #: the lock on the open project file (DESIGN.md §7: a second instance is refused)
        self.file_lock = None
        self.export_fn = export_fn
        self.export_job: PdfExport | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.library: PriceBook | None = None
        if library_book is not None:
            try:
                self.library = library_book()
            except Exception as exc:  # noqa: BLE001 - any failure: fall back to the pinned book
                log.warning("no library price book: %s", exc)
        self.rab_editor: RabEditor | None = None
        self.measurements: MeasurementPanel | None = None
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.setCentralWidget(self.splitter)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self.book_label = QLabel()
        self.findings_label = QLabel()
        self.statusBar().addPermanentWidget(self.book_label)
        self.statusBar().addPermanentWidget(self.findings_label)
        self.resize(1400, 900)
        self._update_title()

    # -- construction --------------------------------------------------------------------------
    def _dock(self, key: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(tr(key), self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.packages = PackageList()
        self.blm = BlmPanel()
        self.catalogue = CataloguePanel()
        self.findings = FindingsPanel()
        self.audit = AuditPanel()
        self.audit_findings: list = []
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.packages_dock = self._dock("pkg.title", self.packages, left, "packagesDock")
        self.blm_dock = self._dock("blm.title", self.blm, left, "blmDock")
        self.catalogue_dock = self._dock("cat.title", self.catalogue, right, "catalogueDock")
        self.findings_dock = self._dock("find.title", self.findings, right, "findingsDock")
        self.audit_dock = self._dock("audit.title", self.audit, right, "auditDock")
        self.tabifyDockWidget(self.catalogue_dock, self.findings_dock)
        self.tabifyDockWidget(self.findings_dock, self.audit_dock)
        self.audit.print_requested.connect(self.export_audit_dialog)
        self.catalogue_dock.raise_()
        self.resizeDocks([self.packages_dock, self.catalogue_dock], [280, 460], Qt.Orientation.Horizontal)
        self.resizeDocks([self.packages_dock, self.blm_dock], [150, 600], Qt.Orientation.Vertical)
        self.packages.package_selected.connect(self._on_package_selected)
        self.catalogue.add_requested.connect(self.add_from_catalogue)

    def _action(self, key: str, slot, shortcuts=()) -> QAction:
        action = QAction(tr(key), self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.open_action = self._action("action.open", self.open_dialog, [K.Open])
        self.save_action = self._action("action.save", self.save, [K.Save])
        self.save_as_action = self._action("action.save_as", self.save_as, ["Ctrl+Shift+S"])
        self.export_action = self._action("action.export_pdf", self.export_dialog, ["Ctrl+E"])
        self.quit_action = self._action("action.quit", self.close, [K.Quit])
        self.undo_action = self._action("action.undo", self.undo, ["Ctrl+Z"])
        self.redo_action = self._action("action.redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.remove_item_action = self._action("action.remove_item", self.remove_selected_item, ["Del"])
        self.remove_item_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_line_action = self._action("action.add_line", self._add_line, ["Ctrl+Shift+N"])
        self.remove_line_action = self._action("action.remove_line", self._remove_line, ["Del"])
        self.remove_line_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.about_action = self._action("action.about", self._about, [])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("menu.file"))
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(tr("menu.recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("menu.edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.remove_item_action, self.add_line_action, self.remove_line_action])
        view_menu = bar.addMenu(tr("menu.view"))
        for dock in (self.packages_dock, self.blm_dock, self.catalogue_dock, self.findings_dock,
                     self.audit_dock):
            view_menu.addAction(dock.toggleViewAction())
        bar.addMenu(tr("menu.help")).addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = settings.recent_files()
        if not paths:
            self.recent_menu.addAction(tr("menu.recent.empty")).setEnabled(False)
        for path in paths:
            action = self.recent_menu.addAction(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))

    # -- document ------------------------------------------------------------------------------
    def set_document(self, doc: ProjectDocument) -> None:
        """Show ``doc`` (replacing the current one without asking; see :meth:`open_path`)."""
        old_doc, old_editor, old_panel = self.doc, self.rab_editor, self.measurements
        self.doc = doc
        doc.setParent(self)
        self.rab_editor = RabEditor(doc)
        self.measurements = MeasurementPanel(doc)
        self.rab_editor.view.addAction(self.remove_item_action)
        self.measurements.view.addAction(self.remove_line_action)
        if old_editor is None:
            self.splitter.addWidget(self.rab_editor)
            self.splitter.addWidget(self.measurements)
            self.splitter.setSizes([560, 240])
        else:
            self.splitter.replaceWidget(0, self.rab_editor)
            self.splitter.replaceWidget(1, self.measurements)
            old_editor.deleteLater()
            old_panel.deleteLater()
        if old_doc is not None and old_doc is not doc:
            old_doc.deleteLater()
        self.rab_editor.current_changed.connect(self._on_current_node)
        self.rab_editor.model.edit_rejected.connect(self._show_message)
        self.measurements.model.edit_rejected.connect(self._show_message)
        doc.edit_failed.connect(self._show_message)
        stack = doc.undo_stack
        stack.cleanChanged.connect(self._update_title)
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        doc.repriced.connect(self._on_repriced)
        self.packages.show_program(doc.priced, keep_row=False)
        self._on_package_selected(self.packages.current_package())
        self._on_repriced(False)
        self._update_title()
        self._update_undo_actions()

    def open_program(self, program: Program, path: Path | None = None) -> ProjectDocument:
        """Show ``program`` (from ``path``) as a new document with a clean undo stack."""
        doc = ProjectDocument(program, path)
        self.set_document(doc)
        return doc

    def open_path(self, path: Path) -> bool:
        """Open the project file ``path`` (asking to save changes first); False on failure."""
        from dtpl_studio.services.project import open_project

        if not self.maybe_save():
            return False
        path = Path(path)
        lock = None
        try:
            lock = self._lock_for(path)
            program = open_project(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            if lock is not None and lock is not self.file_lock:
                lock.release()
            dialogs.show_error(self, tr("dlg.open_failed.title"), self._open_error_text(path, exc))
            return False
        self.open_program(program, path)
        self._hold(lock)
        self.refresh_audit()
        settings.add_recent_file(path)
        self._show_message(tr("status.opened", path=path))
        return True

    def open_dialog(self) -> None:
        """File › Buka…"""
        name, _ = QFileDialog.getOpenFileName(self, tr("dlg.open.title"), settings.read("last_folder"),
                                              tr("dlg.filter.project"))
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        """File › Simpan (Save As when the project has no file yet); False on failure."""
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        """File › Simpan sebagai…"""
        if self.doc is None:
            return False
        start = str(self.doc.path) if self.doc.path else settings.read("last_folder")
        name, _ = QFileDialog.getSaveFileName(self, tr("dlg.save_as.title"), start, tr("dlg.filter.project"))
        if not name:
            return False
        path = Path(name)
        return self.save_to(path if path.suffix else path.with_suffix(".dtpl"))

    def save_to(self, path: Path) -> bool:
        """Save the document to ``path`` through ``services.save_project``; mark it clean."""
        from dtpl_studio.services.project import save_project

        assert self.doc is not None
        lock = None
        try:
            lock = self._lock_for(Path(path))
            save_project(self.doc.program, path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            log.exception("cannot save %s", path)
            if lock is not None and lock is not self.file_lock:
                lock.release()
            dialogs.show_error(self, tr("dlg.save_failed.title"), tr("dlg.save_failed.text", path=path, error=explain(exc, path, named=True)))
            return False
        self._hold(lock)
        self.doc.path = Path(path)
        self.doc.undo_stack.setClean()
        self.refresh_audit()
        settings.add_recent_file(path)
        self._update_title()
        self._show_message(tr("status.saved", path=path))
        return True

    def _open_error_text(self, path: Path, exc: Exception) -> str:
        """The message for a failed open; known refusals in the UI language, without a
        traceback in the log (only unexpected errors are logged with one)."""
        if isinstance(exc, DtplError) and exc.code == "project.locked" and hasattr(exc, "holder"):
            log.info("refused %s: %s", path, exc)
            holder = exc.holder
            if holder is not None and holder.pid == os.getpid():
                return tr("dlg.locked.here", path=path)
            who = (tr("dlg.locked.who", user=holder.user or "?", host=holder.host, pid=holder.pid,
                      since=holder.since) if holder is not None else "")
            return tr("dlg.locked.text", path=path, who=who, lock=path.name + ".lock")
        if isinstance(exc, DtplError | OSError):
            log.warning("cannot open %s: %s", path, exc)
        else:
            log.exception("cannot open %s", path)
        return tr("dlg.open_failed.text", path=path, error=explain(exc, path, named=True))

    # -- audit log -------------------------------------------------------------------------------
    def refresh_audit(self) -> None:
        """Read and check the open file's audit log; a broken chain is a warning finding."""
        from dtpl_studio.services.audit import audit_findings, audit_trail

        trail = None
        if self.doc is not None and self.doc.path is not None and self.doc.path.is_file():
            try:
                trail = audit_trail(self.doc.path)
            except Exception as exc:  # noqa: BLE001 - the project is open; the log is secondary
                log.warning("cannot read the audit log of %s: %s", self.doc.path, exc)
        self.audit.show_trail(trail)
        self.audit_findings = audit_findings(trail) if trail is not None else []
        if self.doc is not None:
            self._on_repriced(False)

    def export_audit_dialog(self) -> None:
        """Audit panel › Cetak PDF…"""
        if self.doc is None or self.doc.path is None:
            return
        start = str(self.doc.path.with_name(self.doc.path.stem + "-riwayat.pdf"))
        name, _ = QFileDialog.getSaveFileName(self, tr("dlg.audit_export.title"), start, tr("dlg.filter.pdf"))
        if name:
            path = Path(name)
            self.export_audit_to(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def export_audit_to(self, out_path: Path) -> bool:
        """Print the audit log of the open file to ``out_path``; False (and a message) on failure."""
        from dtpl_studio.services.audit import export_audit_pdf

        assert self.doc is not None and self.doc.path is not None
        try:
            export_audit_pdf(self.doc.path, out_path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            log.warning("cannot print the audit log to %s: %s", out_path, exc)
            dialogs.show_error(self, tr("dlg.export_failed.title"),
                               tr("dlg.export_failed.text", error=explain(exc, out_path)))
            return False
        self._show_message(tr("audit.exported", path=out_path))
        return True

    def _lock_for(self, path: Path):
        """The lock for ``path``: the one held already, or a newly acquired one.

        Raises:
            ProjectLockedError: another instance (or window) has the file open.
        """
        from dtpl_studio.services.project import lock_project

        if self.file_lock is not None and self.file_lock.path.resolve() == path.resolve():
            return self.file_lock
        return lock_project(path)

    def _hold(self, lock) -> None:
        """Keep ``lock`` as the open file's lock and give the previous one back."""
        if self.file_lock is not None and self.file_lock is not lock:
            self.file_lock.release()
        self.file_lock = lock

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the document."""
        if self.doc is None or self.doc.undo_stack.isClean():
            return True
        choice = dialogs.ask_save_changes(self, self.doc.display_name)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Qt override: prompt for unsaved changes, stop a running export, save geometry."""
        if not self.maybe_save():
            event.ignore()
            return
        if self.export_job is not None and self.export_job.outcome is None:
            self.export_job.cancel()
        self.pool.waitForDone()
        settings.write("geometry", self.saveGeometry())
        settings.write("window_state", self.saveState())
        self._hold(None)
        event.accept()

    # -- editing -------------------------------------------------------------------------------
    def undo(self) -> None:
        """Edit › Urungkan."""
        if self.doc is not None:
            self.doc.undo_stack.undo()

    def redo(self) -> None:
        """Edit › Ulangi."""
        if self.doc is not None:
            self.doc.undo_stack.redo()

    def add_from_catalogue(self, code: str) -> Item | None:
        """Add analysis ``code`` as an item (volume 0) where the RAB selection points."""
        if self.doc is None or self.rab_editor is None or self.rab_editor.package is None:
            return None
        target = self.rab_editor.insertion_point()
        book = self.catalogue.book
        if target is None or book is None:
            self._show_message(tr("cat.no_section"))
            return None
        section, index = target
        command = AddItemFromCatalogueCommand(self.doc, self.rab_editor.package, section, book, code, index)
        self.doc.undo_stack.push(command)
        self.rab_editor.select_id(command.item.id)
        self._show_message(tr("cat.added", code=code, section=section.title))
        return command.item

    def remove_selected_item(self) -> None:
        """Edit › Hapus item (the selected RAB item; undoable)."""
        if self.doc is None or self.rab_editor is None:
            return
        node = self.rab_editor.current_node()
        if isinstance(node, Item):
            self.doc.undo_stack.push(RemoveItemCommand(self.doc, node))

    def _add_line(self) -> None:
        if self.measurements is not None:
            self.measurements.add_line()

    def _remove_line(self) -> None:
        if self.measurements is not None:
            self.measurements.remove_line()

    # -- export --------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        """File › Ekspor PDF…"""
        if self.doc is None:
            return
        folder = self.doc.path.parent if self.doc.path else Path(settings.read("last_folder") or ".")
        stem = self.doc.path.stem if self.doc.path else f"DTPL-{self.doc.program.kelurahan}"
        name, _ = QFileDialog.getSaveFileName(self, tr("dlg.export.title"), str(folder / f"{stem}.pdf"),
                                              tr("dlg.filter.pdf"))
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def export_to(self, out_path: Path) -> PdfExport | None:
        """Start exporting the PDF to ``out_path`` on the worker pool; returns the job."""
        if self.doc is None or (self.export_job is not None and self.export_job.outcome is None):
            return None
        self.export_job = PdfExport(self, self.pool, self.doc.program, out_path, self.export_fn)
        self.export_job.done.connect(self._on_export_done)
        return self.export_job

    def _on_export_done(self, outcome: str, detail: str) -> None:
        if outcome == "ok":
            self._show_message(tr("status.exported", path=detail))
        elif outcome == "cancelled":
            self._show_message(tr("status.export_cancelled"))

    # -- slots ---------------------------------------------------------------------------------
    def _on_package_selected(self, package: Package | None) -> None:
        if self.rab_editor is None:
            return
        if package is not self.rab_editor.package:
            self.rab_editor.set_package(package)
        book = self.library or (package.book if package else None)
        self.catalogue.set_book(book, package.book if package else None)
        self.catalogue.set_can_add(bool(package and package.sections))
        self._update_book_label(package)

    def _on_current_node(self, node) -> None:
        if self.measurements is not None:
            self.measurements.set_node(node)

    def _on_repriced(self, structural: bool) -> None:
        assert self.doc is not None
        priced = self.doc.priced
        if structural:
            self.packages.show_program(priced)
        else:
            self.packages.update_totals(priced)
        self.blm.show_checks(priced.checks)
        self.blm.show_errors(sum(
            1 for pp in priced.packages for f in pp.findings if f.severity is Severity.ERROR
        ))
        findings = self.doc.findings() + self.audit_findings
        self.findings.show_findings(findings)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        text = tr("status.findings", errors=errors, warnings=warnings) if findings else tr("status.findings_ok")
        self.findings_label.setText(text)
        self.findings_label.setStyleSheet("color: #b3261e; font-weight: bold;" if errors else "")

    def _update_book_label(self, package: Package | None) -> None:
        if package is None:
            self.book_label.setText("")
            return
        meta = package.book.meta
        self.book_label.setText(tr("status.book", book=describe_book(meta)))
        self.book_label.setToolTip("\n".join(
            x for x in (meta.title, meta.legal_ref, meta.edition and f"edisi {meta.edition}", meta.source_file) if x
        ))

    def _update_title(self, *args) -> None:
        name = self.doc.display_name if self.doc else tr("dlg.untitled")
        self.setWindowTitle(f"{name}[*] — {tr('app.name')}")
        self.setWindowModified(bool(self.doc and not self.doc.undo_stack.isClean()))

    def _update_undo_actions(self, *args) -> None:
        stack = self.doc.undo_stack if self.doc else None
        for action, key, can, text in (
            (self.undo_action, "action.undo", stack and stack.canUndo(), stack and stack.undoText()),
            (self.redo_action, "action.redo", stack and stack.canRedo(), stack and stack.redoText()),
        ):
            action.setEnabled(bool(can))
            action.setText(f"{tr(key)} {text}" if text else tr(key))

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _about(self) -> None:
        dialogs.show_info(self, tr("action.about").replace("&", ""), tr("dlg.about.text", version=__version__))
