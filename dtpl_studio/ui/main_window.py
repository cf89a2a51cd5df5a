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

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item, Package, Program, Section
from dtpl_studio.errors import DtplError
from dtpl_studio.memory import gc_paused
from dtpl_studio.services.session import LockedError, ProjectSession
from dtpl_studio.ui import dialogs, settings
from dtpl_studio.ui.commands import AddItemFromCatalogueCommand, RemoveItemCommand, push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.export import ExportFn, PdfExport, XlsxExport
from dtpl_studio.ui.messages import explain, explain_short
from dtpl_studio.ui.strings import language, tr
from dtpl_studio.ui.widgets.audit_panel import AuditPanel
from dtpl_studio.ui.widgets.blm_panel import BlmPanel
from dtpl_studio.ui.widgets.catalogue import CataloguePanel, describe_book
from dtpl_studio.ui.widgets.findings import FindingsPanel
from dtpl_studio.ui.widgets.kebutuhan_panel import KebutuhanPanel
from dtpl_studio.ui.widgets.measurement_panel import MeasurementPanel
from dtpl_studio.ui.widgets.packages import PackageList
from dtpl_studio.ui.widgets.rab_editor import RabEditor
from dtpl_studio.ui.widgets.restyle import set_style
from dtpl_studio.ui.workers import Task

log = logging.getLogger(__name__)

#: Autosave to the recovery copy every 3 minutes while there are unsaved edits …
AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000
#: … and 20 s after the last edit (the user paused).
AUTOSAVE_IDLE_MS = 20 * 1000
#: the price library's editions are read this long after the window is built, so that
#: opening the project and showing it are not slowed by the library (SQLAlchemy, ~50 MiB)
LIBRARY_DELAY_MS = 1500
#: The save machinery is loaded on the worker pool this long after a project is shown
#: (issue 10: opening needs none of it; the first save then takes no longer than the next).
PREPARE_SAVING_MS = 1500


def _writable_folder(candidate: str | None) -> Path:
    """``candidate`` when it is a folder this user can write to, else the home folder."""
    if candidate:
        folder = Path(candidate)
        if folder.is_dir() and os.access(folder, os.W_OK) and folder.stat().st_mode & 0o222:
            return folder
    return Path.home()


def _default_library_book() -> PriceBook:
    from dtpl_studio.services.prices import load_default_book

    return load_default_book()


def _library_editions_job(progress=None, cancelled=None):
    """:func:`services.prices.library_editions` for a :class:`Task`."""
    from dtpl_studio.services.prices import library_editions

    return library_editions()


def _library_book_job(edition_id: int, progress=None, cancelled=None) -> PriceBook:
    """:func:`services.prices.load_library_book` for a :class:`Task`."""
    from dtpl_studio.services.prices import load_library_book

    return load_library_book(edition_id)


def _edition_label(info, shipped_id: int | None) -> str:
    """``#3 Kota Semarang 2025 (Edisi Ke - 2) · HSPK · terbit`` for the catalogue's selector."""
    status = tr("cat.edition.published") if info.published else tr("cat.edition.draft")
    name = tr("cat.edition.shipped") if info.id == shipped_id else info.label()
    text = tr("cat.edition.label", id=info.id, name=name, kind=info.kind.value, status=status)
    return f"{text} · {tr('book.unverified')}" if info.verification == "unverified" else text


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
        self.read_only_banner = self._build_read_only_banner()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # autosave (issue 5): every few minutes, and once the user pauses after an edit
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(AUTOSAVE_IDLE_MS)
        self.idle_timer.timeout.connect(self.autosave_now)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self.book_label = QLabel()
        self.findings_label = QLabel()
        self.statusBar().addPermanentWidget(self.book_label)
        self.statusBar().addPermanentWidget(self.findings_label)
        self.resize(1400, 900)
        self._update_title()
        self._closed = False
        if library_book is _default_library_book:  # the library's editions, once the window shows
            QTimer.singleShot(LIBRARY_DELAY_MS, self, self.load_library_editions)

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

    def _build_read_only_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 6, 12, 6)
        self.read_only_label = QLabel(banner)
        self.read_only_label.setWordWrap(True)
        self.read_only_button = QPushButton(tr("action.save_as").replace("&", ""), banner)
        self.read_only_button.clicked.connect(self.save_as)
        row.addWidget(self.read_only_label, 1)
        row.addWidget(self.read_only_button)
        banner.hide()
        return banner

    def _build_docks(self) -> None:
        self.packages = PackageList()
        self.blm = BlmPanel()
        self.catalogue = CataloguePanel()
        self.findings = FindingsPanel()
        self.audit = AuditPanel()
        self.rekap = KebutuhanPanel()
        self.audit_findings: list = []
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.packages_dock = self._dock("pkg.title", self.packages, left, "packagesDock")
        self.blm_dock = self._dock("blm.title", self.blm, left, "blmDock")
        self.catalogue_dock = self._dock("cat.title", self.catalogue, right, "catalogueDock")
        self.findings_dock = self._dock("find.title", self.findings, right, "findingsDock")
        self.audit_dock = self._dock("audit.title", self.audit, right, "auditDock")
        self.rekap_dock = self._dock("rekap.title", self.rekap, right, "rekapDock")
        self.tabifyDockWidget(self.catalogue_dock, self.findings_dock)
        self.tabifyDockWidget(self.findings_dock, self.audit_dock)
        self.tabifyDockWidget(self.audit_dock, self.rekap_dock)
        self.audit.print_requested.connect(self.export_audit_dialog)
        self.rekap.save_csv_requested.connect(self.export_rekap_dialog)
        self.rekap_dock.visibilityChanged.connect(self.rekap.set_dock_shown)
        self.rekap.set_dock_shown(False)  # until its dock says it is in front
        self.catalogue_dock.raise_()
        self.resizeDocks([self.packages_dock, self.catalogue_dock], [280, 370], Qt.Orientation.Horizontal)
        self.resizeDocks([self.packages_dock, self.blm_dock], [150, 600], Qt.Orientation.Vertical)
        self.packages.package_selected.connect(self._on_package_selected)
        self.catalogue.add_requested.connect(self.add_from_catalogue)
        self.catalogue.edition_chosen.connect(self.choose_library_edition)
        self.findings.finding_activated.connect(self.select_finding)
        self.blm.show_findings_requested.connect(self.findings_dock.raise_)
        self.blm.price_basis_requested.connect(self.price_basis_dialog)
        self.blm.program_requested.connect(self.blm_program_dialog)
        self.catalogue.search_left.connect(self.focus_rab)

    def _action(self, key: str, slot, shortcuts=()) -> QAction:
        action = QAction(tr(key), self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action("action.new_project", self.new_project_dialog, [K.New])
        self.open_action = self._action("action.open", self.open_dialog, [K.Open])
        self.save_action = self._action("action.save", self.save, [K.Save])
        self.save_as_action = self._action("action.save_as", self.save_as, ["Ctrl+Shift+S"])
        self.export_action = self._action("action.export_pdf", self.export_dialog, ["Ctrl+E"])
        self.export_xlsx_action = self._action("action.export_xlsx", self.export_xlsx_dialog, ["Ctrl+Shift+E"])
        self.import_rab_action = self._action("action.import_rab", self.import_rab_dialog, [])
        self.import_prices_action = self._action("action.import_prices", self.import_prices_wizard, [])
        self.quit_action = self._action("action.quit", self.close, [K.Quit])
        self.undo_action = self._action("action.undo", self.undo, ["Ctrl+Z"])
        self.redo_action = self._action("action.redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.remove_item_action = self._action("action.remove_item", self.remove_selected_item, ["Del"])
        self.remove_item_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_line_action = self._action("action.add_line", self._add_line, ["Ctrl+Shift+N"])
        self.remove_line_action = self._action("action.remove_line", self._remove_line, ["Del"])
        self.remove_line_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ins (issue 10 point 9): a line in the back-up table; in the RAB, Ins is the item
        # actions' "add an item" (an empty row whose Uraian is typed: ItemActions.add_typed)
        self.insert_line_action = self._action("action.add_line", self._insert_line, ["Ins"])
        self.insert_line_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action = self._action("action.find_catalogue", self.focus_catalogue_search, [K.Find])
        self.about_action = self._action("action.about", self._about, [])
        self._build_structure_actions()
        self._build_clipboard_actions()
        self.price_basis_action = self._action("action.price_basis", self.price_basis_dialog, [])
        self.reprice_action = self._action("action.reprice", self.reprice_dialog, [])
        self.funding_action = self._action("action.funding", self.funding_dialog, [])
        self.blm_program_action = self._action("action.blm_program", self.blm_program_dialog, [])
        self.attachments_action = self._action("action.attachments", self.attachments_dialog, [])
        self._attachments: QWidget | None = None
        self.specs_action = self._action("action.specs", self.specs_dialog, [])
        self._specs: QWidget | None = None
        self.jadwal_action = self._action("action.jadwal", self.jadwal_dialog, [])
        from dtpl_studio.ui.item_actions import ItemActions

        self.item_actions = ItemActions(self)  # items from the book, own rates, adjustments

    def _build_structure_actions(self) -> None:
        """Tree editing (issue 10 point 1): each action is one undo step of a core edit."""
        tree = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.add_section_action = self._action("action.add_section", self.add_section, ["Ctrl+Shift+B"])
        self.move_up_action = self._action("action.move_up", lambda: self.move_selected(-1), ["Ctrl+Up"])
        self.move_down_action = self._action("action.move_down", lambda: self.move_selected(1), ["Ctrl+Down"])
        self.indent_action = self._action("action.indent", lambda: self.shift_selected(True), ["Ctrl+Right"])
        self.outdent_action = self._action("action.outdent", lambda: self.shift_selected(False), ["Ctrl+Left"])
        for action in (self.move_up_action, self.move_down_action, self.indent_action, self.outdent_action):
            action.setShortcutContext(tree)
        self.add_package_action = self._action("action.add_package", self.add_package, [])
        self.remove_package_action = self._action("action.remove_package", self.remove_package, [])
        self.settings_action = self._action("action.settings", self.settings_dialog, ["Ctrl+,"])
        self.data_umum_action = self._action("action.data_umum", self.data_umum_dialog, [])

    def _build_clipboard_actions(self) -> None:
        """Cut/copy/paste and drag and drop in the RAB tree (issue 10 points 1 and 9):
        :mod:`dtpl_studio.ui.widgets.rab_clipboard`."""
        from dtpl_studio.ui.widgets.rab_clipboard import RabClipboard

        self.clipboard = RabClipboard(lambda: self.doc, lambda: self.rab_editor, lambda: self.library,
                                      self._show_message, self)
        K = QKeySequence.StandardKey
        self.cut_action = self._action("action.cut", self.clipboard.cut, [K.Cut])
        self.copy_action = self._action("action.copy", self.clipboard.copy, [K.Copy])
        self.paste_action = self._action("action.paste", self.clipboard.paste, [K.Paste])
        for action in (self.cut_action, self.copy_action, self.paste_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("menu.file"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(tr("menu.recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_xlsx_action)
        file_menu.addAction(self.import_rab_action)
        file_menu.addAction(self.import_prices_action)
        self.library_action = file_menu.addAction(tr("action.library"), self.library_window)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("menu.edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut_action, self.copy_action, self.paste_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.remove_item_action, self.add_line_action,
                              self.remove_line_action, self.find_action])
        edit_menu.addSeparator()
        edit_menu.addActions(self.item_actions.actions)
        edit_menu.addSeparator()
        edit_menu.addActions([self.funding_action, self.price_basis_action, self.reprice_action,
                              self.blm_program_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.attachments_action, self.specs_action, self.jadwal_action])
        structure = bar.addMenu(tr("menu.structure"))
        structure.addActions([self.add_section_action, self.move_up_action, self.move_down_action,
                              self.indent_action, self.outdent_action])
        structure.addSeparator()
        structure.addActions([self.add_package_action, self.remove_package_action])
        file_menu.insertAction(self.export_action, self.settings_action)
        file_menu.insertAction(self.export_action, self.data_umum_action)
        view_menu = bar.addMenu(tr("menu.view"))
        for dock in (self.packages_dock, self.blm_dock, self.catalogue_dock, self.findings_dock,
                     self.audit_dock, self.rekap_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        from dtpl_studio.ui.language import add_language_menu

        self.language_menu = add_language_menu(self, view_menu)
        help_menu = bar.addMenu(tr("menu.help"))
        from dtpl_studio.ui.guide import open_guide

        self.guide_action = help_menu.addAction(tr("action.guide"), lambda: open_guide(self))
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        help_menu.addAction(self.about_action)

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
        self.rab_editor.funding_requested.connect(self.funding_dialog)
        self.rab_editor.analysis_chosen.connect(self.item_actions.choose_analysis)
        self.rab_editor.rate_requested.connect(self.item_actions.override_dialog)
        self.measurements = MeasurementPanel(doc)
        self.rab_editor.view.addAction(self.remove_item_action)
        self.rab_editor.view.addActions([self.move_up_action, self.move_down_action, self.indent_action,
                                         self.outdent_action])
        self.rab_editor.view.addActions(self.item_actions.context_actions)  # also its context menu
        self.rab_editor.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.measurements.view.addActions([self.remove_line_action, self.insert_line_action])
        self.rab_editor.view.addActions([self.cut_action, self.copy_action, self.paste_action])
        self.clipboard.attach(self.rab_editor)
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
            old_doc.dispose()
            old_doc.deleteLater()
        self.rab_editor.current_changed.connect(self._on_current_node)
        self.rab_editor.model.edit_rejected.connect(self._show_message)
        self.measurements.model.edit_rejected.connect(self._show_message)
        self.measurements.model.unit_noted.connect(self._show_message)
        doc.edit_failed.connect(self._show_message)
        stack = doc.undo_stack
        stack.cleanChanged.connect(self._update_title)
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        doc.repriced.connect(self._on_repriced)
        doc.session.listeners.append(self._on_session_changed)
        self.packages.show_program(doc.priced, keep_row=False)
        self._on_package_selected(self.packages.current_package())
        self._on_repriced(False)
        self._update_title()
        self._update_undo_actions()
        self._update_read_only()
        QTimer.singleShot(PREPARE_SAVING_MS, self, self._prepare_saving)

    def _prepare_saving(self) -> None:
        """Start :func:`services.project.prepare_saving` on the worker pool, once per window,
        while the window is shown (a window closed meanwhile starts nothing: its pool was
        already waited for, and a task left running would hold up the process's exit)."""
        if getattr(self, "_saving_task", None) is not None or not self.isVisible():
            return
        from dtpl_studio.services.project import prepare_saving
        from dtpl_studio.ui.workers import Task

        self._saving_task = Task(prepare_saving)
        self.pool.start(self._saving_task)

    def take_document(self) -> ProjectDocument | None:
        """Detach the open document from this window and return it, its session still open
        (lock held, undo history and unsaved edits kept), for another window to
        :meth:`set_document` it: the language switch rebuilds the window around the same
        document. The window is left empty; closing it afterwards asks nothing."""
        doc = self.doc
        if doc is None:
            return None
        stack = doc.undo_stack
        for signal, slot in ((doc.edit_failed, self._show_message), (doc.repriced, self._on_repriced),
                             (stack.cleanChanged, self._update_title),
                             (stack.canUndoChanged, self._update_undo_actions),
                             (stack.canRedoChanged, self._update_undo_actions),
                             (stack.undoTextChanged, self._update_undo_actions),
                             (stack.redoTextChanged, self._update_undo_actions)):
            signal.disconnect(slot)
        for widget in (self.rab_editor, self.measurements):
            if widget is not None:  # the views and their models follow the document too
                doc.repriced.disconnect(widget._on_repriced)
                doc.repriced.disconnect(widget.model._on_repriced)
        if self._on_session_changed in doc.session.listeners:
            doc.session.listeners.remove(self._on_session_changed)
        doc.setParent(None)
        self.doc = None
        return doc

    def open_program(self, program: Program, path: Path | None = None) -> ProjectDocument:
        """Show ``program`` (from ``path``) as a new document with a clean undo stack."""
        with gc_paused():  # issue 10: the tree of a large RAB is built without GC passes
            doc = ProjectDocument(program, path)
            self.set_document(doc)
        return doc

    def new_project_dialog(self) -> bool:
        """Berkas › Proyek baru…: ask to save changes, ask where the new file goes, then
        :meth:`new_project` there. False when cancelled or failed."""
        if not self.maybe_save():
            return False
        start = str(_writable_folder(settings.read("last_folder")) / "Proyek baru.dtpl")
        name = dialogs.save_file_name(self, tr("dlg.new_project.title"), start, tr("dlg.filter.project"),
                                       suffix="dtpl")
        if not name:
            return False
        return self.new_project(dialogs.with_suffix(name, "dtpl"))

    def new_project(self, path: Path) -> bool:
        """Create an empty project file ``path`` (``services.project.create_project``: one
        physical package with one division, the shipped book pinned, blank signatories) and
        show it; the old session is closed. Does not ask about unsaved changes (see
        :meth:`new_project_dialog`). False (and a message) on failure."""
        from dtpl_studio.services.project import create_project

        path = Path(path)
        old = self.doc.session if self.doc is not None else None
        try:
            session = create_project(path, self.library, package_name=tr("new.package.fisik"),
                                     division=tr("new.division"))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            if not isinstance(exc, DtplError):
                log.exception("cannot create %s", path)
            dialogs.show_error(self, tr("dlg.save_failed.title"),
                               tr("dlg.save_failed.text", path=path, error=explain(exc, path, named=True)))
            return False
        self.set_document(ProjectDocument(session))
        if old is not None and old is not session:
            old.close()
        self.refresh_audit()
        settings.add_recent_file(path)
        self._show_message(tr("status.created", path=path))
        return True

    def open_path(self, path: Path) -> bool:
        """Open the project file ``path`` (asking to save changes first) through a
        :class:`ProjectSession`: locked, read-only when its folder or file cannot be written,
        our crash leftovers removed, a recovery copy offered. False on failure."""
        if not self.maybe_save():
            return False
        path = Path(path)
        old = self.doc.session if self.doc is not None else None
        try:
            if old is not None and old.path is not None and old.path.resolve() == path.resolve() \
                    and (old.holds_lock or old.read_only):
                old.revert()  # the same file again: read it afresh, keep the lock
                session = old
            else:
                with gc_paused():
                    session = ProjectSession.open(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            dialogs.show_error(self, tr("dlg.open_failed.title"), self._open_error_text(path, exc))
            return False
        recovered = self._offer_recovery(session)
        with gc_paused():  # issue 10: the tree of a large RAB is built without GC passes
            self.set_document(ProjectDocument(session))
        if recovered:
            self.doc.undo_stack.resetClean()  # the file still holds the older state
            self._update_title()
        if old is not None and old is not session:
            old.close()
        self.refresh_audit()
        settings.add_recent_file(path)
        message = tr("status.opened", path=path)
        if session.cleaned:
            message += " · " + tr("status.cleaned", n=len(session.cleaned))
        self._show_message(message)
        return True

    def _offer_recovery(self, session: ProjectSession) -> bool:
        """Ask whether to take the recovered state of a session that died; True if taken."""
        offer = session.recovery
        if offer is None:
            return False
        if dialogs.ask_recover(self, self._recovery_text(session)):
            session.accept_recovery()
            return True
        session.discard_recovery()
        return False

    def _recovery_text(self, session: ProjectSession) -> str:
        """The recovery question: when, by whom, and what differs from the saved file; and
        that a copy not recovered now is kept until the next save (offered again on open)."""
        from dtpl_studio.costing.formatting import format_local_time, format_rupiah

        offer = session.recovery
        assert offer is not None and session.path is not None
        d = offer.diff
        when = format_local_time(offer.saved_at, language()) if offer.saved_at else "?"
        lines = [
            tr("recover.packages", old=d.saved_packages, new=d.recovered_packages),
            tr("recover.items", old=d.saved_items, new=d.recovered_items),
            tr("recover.total", old=format_rupiah(d.saved_total), new=format_rupiah(d.recovered_total)),
        ]
        for change in d.packages:
            old = format_rupiah(change.saved_total) if change.saved_total is not None else tr("recover.absent")
            new = format_rupiah(change.recovered_total) if change.recovered_total is not None else tr("recover.absent")
            lines.append(tr("recover.package", name=change.name, old=old, new=new))
        text = tr("recover.text", name=session.path.name, when=when,
                  changes="\n".join("• " + line for line in lines))
        if offer.declined:
            text = tr("recover.declined") + "\n\n" + text
        if offer.older:  # copies declined before are kept too: say so, never drop them silently
            times = ", ".join(format_local_time(at, language()) if at else "?" for _, at in offer.older)
            text += "\n\n" + tr("recover.older", n=len(offer.older), when=times)
        return text + "\n\n" + tr("recover.kept")

    def open_dialog(self) -> None:
        """File › Buka…"""
        name = dialogs.open_file_name(self, tr("dlg.open.title"), settings.read("last_folder"),
                                      tr("dlg.filter.project"))
        if name:
            self.open_path(Path(name))

    def save(self) -> bool:
        """File › Simpan (Save As when the project has no file yet or is read-only); False on
        failure."""
        if self.doc is None:
            return False
        if self.doc.path is None or self.doc.session.read_only:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        """File › Simpan sebagai…"""
        if self.doc is None:
            return False
        if self.doc.path is not None:
            start = str(self.doc.path)
            if self.doc.session.read_only:  # offer a writable place: the last one, or home
                start = str(_writable_folder(settings.read("last_folder")) / self.doc.path.name)
        else:
            start = settings.read("last_folder")
        name = dialogs.save_file_name(self, tr("dlg.save_as.title"), start, tr("dlg.filter.project"),
                                       suffix="dtpl")
        if not name:
            return False
        return self.save_to(dialogs.with_suffix(name, "dtpl"))

    def save_to(self, path: Path) -> bool:
        """Save the document to ``path`` through its session (the lock moves with a save-as);
        mark it clean. False (and a message) on failure."""
        assert self.doc is not None
        session = self.doc.session
        path = Path(path)
        try:
            if session.path is not None and session.path.resolve() == path.resolve() and not session.read_only:
                session.save()
            else:
                session.save_as(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            if not isinstance(exc, DtplError):
                log.exception("cannot save %s", path)
            dialogs.show_error(self, tr("dlg.save_failed.title"),
                               tr("dlg.save_failed.text", path=path, error=explain(exc, path, named=True)))
            return False
        self.doc.undo_stack.setClean()
        self.refresh_audit()
        settings.add_recent_file(path)
        self._update_title()
        self._update_read_only()
        self._show_message(tr("status.saved", path=path))
        return True

    def autosave_now(self) -> None:
        """Write the recovery copy now if there are edits it lacks (the timers call this)."""
        if self.doc is None:
            return
        try:
            written = self.doc.session.autosave()
        except Exception as exc:  # noqa: BLE001 - an autosave failure must never interrupt work
            log.warning("autosave failed: %s", exc)
            self._show_message(tr("status.autosave_failed", error=explain_short(exc)))
            return
        if written is not None:
            self._show_message(tr("status.autosaved"))

    def _on_session_changed(self, session: ProjectSession) -> None:
        if session.dirty:
            self.idle_timer.start()  # restarted by every edit: fires once the user pauses

    def _open_error_text(self, path: Path, exc: Exception) -> str:
        """The message for a failed open; known refusals in the UI language, without a
        traceback in the log (only unexpected errors are logged with one)."""
        if isinstance(exc, LockedError):
            log.info("refused %s: %s", path, exc)
            holder = exc.holder
            if holder is not None and holder.this_process:
                return tr("dlg.locked.here", path=path)
            who = (tr("dlg.locked.who", user=holder.user or "?", host=holder.host, pid=holder.pid,
                      since=holder.since_text(language()) or "?") if holder is not None else "")
            return tr("dlg.locked.text", path=path, who=who, lock=exc.lock_path.name)
        if isinstance(exc, DtplError | OSError):
            log.warning("cannot open %s: %s", path, exc)
        else:
            log.exception("cannot open %s", path)
        return tr("dlg.open_failed.text", path=path, error=explain(exc, path, named=True))

    # -- audit log -------------------------------------------------------------------------------
    def refresh_audit(self) -> None:
        """Read and check the open file's audit log; a broken chain is a warning finding. (The
        window calls it right after it opened, created or saved the file: the file's integrity
        was checked then.)"""
        from dtpl_studio.services.audit import audit_findings, audit_trail

        trail = None
        if self.doc is not None and self.doc.path is not None and self.doc.path.is_file():
            try:
                trail = audit_trail(self.doc.path, checked=True)
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
        name = dialogs.save_file_name(self, tr("dlg.audit_export.title"), start, tr("dlg.filter.pdf"),
                                       suffix="pdf")
        if name:
            self.export_audit_to(dialogs.with_suffix(name, "pdf"))

    def export_rekap_dialog(self) -> None:
        """Rekap kebutuhan › Simpan CSV…: the schedule shown (programme or package)."""
        if self.doc is None:
            return
        base = self.doc.path.with_name(self.doc.path.stem + "-rekap-kebutuhan.csv") if self.doc.path \
            else Path("rekap-kebutuhan.csv")
        name = dialogs.save_file_name(self, tr("dlg.rekap_export.title"), str(base), tr("dlg.filter.csv"),
                                       suffix="csv")
        if name:
            self.export_rekap_to(dialogs.with_suffix(name, "csv"))

    def export_rekap_to(self, out_path: Path) -> bool:
        """Write the rekap kebutuhan of the scope shown to ``out_path`` as CSV; False (and a
        message) on failure."""
        from dtpl_studio.services.kebutuhan import schedule_of, write_csv

        assert self.doc is not None
        priced = self.doc.priced
        try:
            schedule = schedule_of(priced, self.rekap.selected_package())
            write_csv(schedule, out_path, priced, self.doc.path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            log.warning("cannot write the rekap kebutuhan to %s: %s", out_path, exc)
            dialogs.show_error(self, tr("dlg.export_failed.title"),
                               tr("dlg.export_failed.text", error=explain(exc, out_path)))
            return False
        self._show_message(tr("rekap.saved", path=out_path))
        return True

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

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the document."""
        if self.doc is None or self.doc.undo_stack.isClean():
            return True
        choice = dialogs.ask_save_changes(self, self.doc.display_name)
        if choice is dialogs.SaveChoice.SAVE:
            return self.save()
        return choice is dialogs.SaveChoice.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Qt override: prompt for unsaved changes, stop a running export, save geometry,
        close the session (lock given back, recovery copy removed)."""
        if not self.maybe_save():
            event.ignore()
            return
        if self.export_job is not None and self.export_job.outcome is None:
            self.export_job.cancel()
        self._closed = True  # no new background task from now on
        self.pool.waitForDone()
        settings.write("geometry", self.saveGeometry())
        settings.write("window_state", self.saveState())
        self.autosave_timer.stop()
        self.idle_timer.stop()
        if self.doc is not None:
            self.doc.session.close()
            self.doc.dispose()
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

    def focus_catalogue_search(self) -> None:
        """Sunting › Cari di katalog analisa (Ctrl+F): the catalogue dock shown, its search field
        focused with the text selected; Escape there comes back (:meth:`focus_rab`)."""
        self.catalogue_dock.show()
        self.catalogue_dock.raise_()
        self.catalogue.focus_search()

    def focus_rab(self) -> None:
        """Give the focus back to the RAB tree (its current row stays)."""
        if self.rab_editor is not None:
            self.rab_editor.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def remove_selected_item(self) -> None:
        """Edit › Hapus (the selected RAB item, or division with all it holds; undoable)."""
        if self.doc is None or self.rab_editor is None:
            return
        node = self.rab_editor.current_node()
        if isinstance(node, Item | Section):
            self.doc.undo_stack.push(RemoveItemCommand(self.doc, node))

    # -- tree editing (issue 10 point 1) --------------------------------------------------------
    def _push(self, edit: edits.Edit | None, text: str) -> bool:
        if self.doc is None or edit is None:
            return False
        reason = push_edit(self.doc, edit, text)
        if reason:
            self._show_message(tr("tree.cannot", reason=reason))
        return not reason

    def add_section(self) -> Section | None:
        """Struktur › Tambah bagian: a new section after the selected division (same level),
        inside the selected item's section after it, or at the end of the package."""
        if self.doc is None or self.rab_editor is None or self.rab_editor.package is None:
            return None
        package = self.rab_editor.package
        node = self.rab_editor.current_node()
        parent_id, index = None, None
        if node is not None:
            location = self.doc.locate(node)
            parent_id = location.parent.id if location.parent else None
            index = location.index + 1
        section = Section(tr("new.section"))
        if not self._push(edits.InsertNode(package.id, parent_id, section, index),
                          tr("cmd.add_section", item=section.title)):
            return None
        self.rab_editor.select_id(section.id)
        return section

    def move_selected(self, step: int) -> bool:
        """Struktur › Pindah ke atas/bawah (Ctrl+Up/Down) among its siblings."""
        node = self.rab_editor.current_node() if self.rab_editor else None
        if self.doc is None or node is None:
            self._show_message(tr("tree.nothing"))
            return False
        edit = edits.move_up_down(self.doc.program, node.id, step)
        if edit is None:  # say why nothing moved (the guide promises the reason)
            self._show_message(tr("tree.first" if step < 0 else "tree.last"))
            return False
        done = self._push(edit, tr("cmd.move", item=getattr(node, "title", None) or node.description))
        self.rab_editor.select_id(node.id)
        return done

    def shift_selected(self, into: bool) -> bool:
        """Struktur › Masukkan (Ctrl+Right: into the section above) / Keluarkan (Ctrl+Left)."""
        node = self.rab_editor.current_node() if self.rab_editor else None
        if self.doc is None or node is None:
            self._show_message(tr("tree.nothing"))
            return False
        edit = (edits.indent if into else edits.outdent)(self.doc.program, node.id)
        if edit is None:
            self._show_message(tr("tree.no_indent" if into else "tree.no_outdent"))
            return False
        done = self._push(edit, tr("cmd.move", item=getattr(node, "title", None) or node.description))
        self.rab_editor.select_id(node.id)
        return done

    def add_package(self) -> Package | None:
        """Struktur › Tambah paket: a physical package with one division, pinned to an empty
        copy of the library edition (analyses are pinned as items are added)."""
        if self.doc is None:
            return None
        book = self.library.subset(set()) if self.library is not None else PriceBook()
        package = Package(tr("new.package"), Component.FISIK, book, [Section(tr("new.division"))])
        if not self._push(edits.InsertPackage(package), tr("cmd.add_package", item=package.name)):
            return None
        self.packages.setCurrentRow(len(self.doc.program.packages) - 1)
        return package

    def import_prices_wizard(self) -> None:
        """Berkas › Impor daftar harga… (issue 8 point 4): the bengkel's import wizard, modeless;
        its *Buka pustaka harga* opens the library window (``library_window()``, when this
        window has one), reloaded, at the stored edition (its ``select_edition(id)``)."""
        from dtpl_studio.ui.widgets.import_wizard import ImportWizard

        def open_library(edition_id: int) -> None:
            window = self.library_window()
            if hasattr(window, "reload"):  # the window may predate the new edition
                window.reload()
            if hasattr(window, "select_edition"):
                window.select_edition(edition_id)

        wizard = ImportWizard(self, library_opener=open_library if hasattr(self, "library_window") else None)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_wizard = wizard
        wizard.show()

    def import_rab_dialog(self) -> None:
        """Berkas › Impor RAB… (issue 10 point 8): a workbook or CSV, its report, then the
        package added to the open project as one undo step."""
        if self.doc is None:
            return
        folder = _writable_folder(settings.read("last_folder"))
        name = dialogs.open_file_name(self, tr("dlg.import_rab.open"), str(folder), tr("dlg.filter.rab"))
        if name:
            dialog = self.make_import_rab_dialog(Path(name))
            if dialog is not None and dialog.exec() == dialog.DialogCode.Accepted:
                self.add_imported_rab(dialog.result)

    def make_import_rab_dialog(self, path: Path):
        """Import ``path`` and return the report dialog (not shown); None (an error shown)
        when the file cannot be imported at all."""
        from dtpl_studio.services.rab_import import read_rab
        from dtpl_studio.ui.widgets.rab_import_dialog import RabImportDialog

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = read_rab(path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a traceback
            log.warning("cannot import the RAB %s: %s", path, exc)
            QApplication.restoreOverrideCursor()
            dialogs.show_error(self, tr("dlg.import_rab.failed"),
                               tr("dlg.import_rab.failed_text", error=explain(exc, path)))
            return None
        QApplication.restoreOverrideCursor()
        return RabImportDialog(result, self)

    def add_imported_rab(self, result) -> bool:
        """Add an imported package to the open project (one undo step) and show it."""
        from dtpl_studio.services.rab_import import insert_edit

        if self.doc is None or not result.report.usable:
            return False
        if not self._push(insert_edit(result), tr("cmd.import_rab", item=result.package.name)):
            return False
        self.packages.setCurrentRow(len(self.doc.program.packages) - 1)
        return True

    def remove_package(self) -> bool:
        """Struktur › Hapus paket (the current one; undoable)."""
        package = self.rab_editor.package if self.rab_editor else None
        if self.doc is None or package is None:
            return False
        return self._push(edits.RemovePackage(package.id), tr("cmd.remove_package", item=package.name))

    def settings_dialog(self) -> None:
        """Berkas › Pengaturan proyek… (issue 10 point 4)."""
        dialog = self.make_settings_dialog()
        if dialog is not None and dialog.exec() == dialog.DialogCode.Accepted:
            self.apply_settings(dialog)

    def make_settings_dialog(self):
        """The settings dialog for the programme and the current package (not shown)."""
        from dtpl_studio.ui.widgets.settings_dialog import ProjectSettingsDialog

        if self.doc is None:
            return None
        return ProjectSettingsDialog(self.doc.program, self.rab_editor.package if self.rab_editor else None, self)

    def data_umum_dialog(self) -> None:
        """Berkas › Data umum… (issue 9 point 3): wilayah, kelembagaan, lokasi, penerima
        manfaat, kondisi and KPP; what changed is one undo step."""
        dialog = self.make_data_umum_dialog()
        if dialog is not None and dialog.exec() == dialog.DialogCode.Accepted:
            self.apply_data_umum(dialog)

    def make_data_umum_dialog(self):
        """The Data umum dialog of the open project, on the current package (not shown)."""
        from dtpl_studio.ui.widgets.data_umum_dialog import DataUmumDialog

        if self.doc is None:
            return None
        package = self.rab_editor.package if self.rab_editor else None
        return DataUmumDialog(self.doc.program, package.id if package else None, self)

    def apply_data_umum(self, dialog) -> bool:
        """Push what the accepted Data umum ``dialog`` changed as one undo step."""
        edit = dialog.edit()
        return self._push(edit, tr("cmd.data_umum")) if edit is not None else False

    def blm_program_dialog(self) -> None:
        """Sunting › Program BLM… (also the BLM panel's button): rule table, termins, swadaya
        minimum, planning categories; each change is one undo step, applied at once."""
        dialog = self.make_blm_program_dialog()
        if dialog is not None:
            dialog.exec()

    def jadwal_dialog(self) -> None:
        """Sunting › Jadwal pelaksanaan dan kurva S… (issue 9 point 4): not modal, it follows
        the document; each cell edit is one undo step of the main stack."""
        dialog = self.make_jadwal_dialog()
        if dialog is not None:
            self._jadwal = dialog  # kept while shown
            dialog.show()
            dialog.raise_()

    def make_jadwal_dialog(self):
        """The schedule window of the open project and the current package (not shown; None
        without a project)."""
        from dtpl_studio.ui.widgets.jadwal_dialog import JadwalDialog

        if self.doc is None:
            return None
        old = getattr(self, "_jadwal", None)
        if old is not None:
            old.close()
            old.deleteLater()
            self._jadwal = None
        package = self.rab_editor.package if self.rab_editor else None
        return JadwalDialog(self.doc, package, self)

    def make_blm_program_dialog(self):
        """The Program BLM dialog of the open project (not shown; None without a project)."""
        from dtpl_studio.ui.widgets.blm_program_dialog import BlmProgramDialog

        return BlmProgramDialog(self.doc, self) if self.doc is not None else None

    def apply_settings(self, dialog) -> bool:
        """Push what ``dialog`` (accepted) changed as one undo step."""
        edit = dialog.edit()
        return self._push(edit, tr("cmd.settings")) if edit is not None else False

    def _add_line(self) -> None:
        if self.measurements is not None:
            self.measurements.add_line()

    def _insert_line(self) -> None:
        if self.measurements is not None:
            self.measurements.insert_line()

    def _remove_line(self) -> None:
        if self.measurements is not None:
            self.measurements.remove_line()

    # -- export --------------------------------------------------------------------------------
    def export_dialog(self):
        """File › Ekspor PDF…: the export dialog (sections, file, progress, cancel), opened
        window-modal without blocking; returns it."""
        if self.doc is None:
            return None
        from dtpl_studio.services.export_choice import section_choices
        from dtpl_studio.ui.widgets.export_dialog import ExportDialog

        folder = _writable_folder(str(self.doc.path.parent) if self.doc.path else settings.read("last_folder"))
        stem = self.doc.path.stem if self.doc.path else f"DTPL-{self.doc.program.kelurahan}"
        project = self.doc.path
        dialog = ExportDialog(
            section_choices(self.doc.priced), folder / f"{stem}.pdf",
            lambda out, sections: self.export_to(out, sections, progress_dialog=False),
            remembered=settings.export_sections(project),
            remember=lambda ids: settings.set_export_sections(project, ids), parent=self)
        if getattr(self, "_export_dialog", None) is not None:  # one kept; the old one goes
            self._export_dialog.deleteLater()
        self._export_dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, out_path: Path, sections: list[str] | None = None, *,
                  progress_dialog: bool = True) -> PdfExport | None:
        """Start exporting the PDF to ``out_path`` on the worker pool (only ``sections``
        when given); returns the job, or None while another export runs."""
        if self.doc is None or (self.export_job is not None and self.export_job.outcome is None):
            return None
        self.export_job = PdfExport(self, self.pool, self.doc.program, out_path, self.export_fn,
                                    sections=sections, progress_dialog=progress_dialog)
        self.export_job.done.connect(self._on_export_done)
        return self.export_job

    def _on_export_done(self, outcome: str, detail: str) -> None:
        xlsx = isinstance(self.export_job, XlsxExport)
        if outcome == "ok":
            self._show_message(tr("status.exported_xlsx" if xlsx else "status.exported", path=detail))
        elif outcome == "cancelled":
            self._show_message(tr("status.export_xlsx_cancelled" if xlsx else "status.export_cancelled"))

    def export_xlsx_dialog(self) -> None:
        """Berkas › Ekspor xlsx…: the RAB, analyses and price list with live formulas."""
        if self.doc is None:
            return
        folder = _writable_folder(str(self.doc.path.parent) if self.doc.path else settings.read("last_folder"))
        stem = self.doc.path.stem if self.doc.path else f"RAB-{self.doc.program.kelurahan}"
        name = dialogs.save_file_name(self, tr("dlg.export_xlsx.title"), str(folder / f"{stem}.xlsx"),
                                      tr("dlg.filter.xlsx"), suffix="xlsx")
        if name:
            self.export_xlsx_to(dialogs.with_suffix(name, "xlsx"))

    def export_xlsx_to(self, out_path: Path, export_fn=None) -> XlsxExport | None:
        """Start exporting the RAB workbook to ``out_path`` on the worker pool (one export at
        a time, PDF or xlsx); returns the job."""
        if self.doc is None or (self.export_job is not None and self.export_job.outcome is None):
            return None
        self.export_job = XlsxExport(self, self.pool, self.doc.program, out_path, export_fn)
        self.export_job.done.connect(self._on_export_done)
        return self.export_job

    # -- slots ---------------------------------------------------------------------------------
    def _on_package_selected(self, package: Package | None) -> None:
        if self.rab_editor is None:
            return
        if package is not self.rab_editor.package:
            self.rab_editor.set_package(package)
        book = self.library or (package.book if package else None)
        self.rab_editor.library_book = book  # offered by the Uraian type-ahead too
        self.catalogue.set_book(book, package.book if package else None)
        self.catalogue.set_can_add(bool(package and package.sections))
        self._update_book_label(package)

    # -- the price library as the catalogue's source (issue 8) ---------------------------------
    def _start(self, task: Task, succeeded) -> Task | None:
        """Run ``task`` on the window's pool; ``succeeded(result)`` on the GUI thread. None,
        and nothing started, once the window is closed (its pool was drained for the exit)."""
        if self._closed:
            task.forget()
            return None
        task.signals.succeeded.connect(succeeded)
        task.signals.failed.connect(lambda message: self._show_message(
            tr("cat.edition.failed", reason=message.splitlines()[0] if message else "")))
        self.pool.start(task)  # kept alive by ui.workers until well after it finished
        return task

    def load_library_editions(self) -> Task | None:
        """Read the library's editions off the GUI thread (seeding the shipped one on first
        run) and offer them in the catalogue; the edition chosen last time is loaded again."""
        task = self._start(Task(_library_editions_job), self._on_library_editions)
        if task is not None:
            task.signals.failed.connect(lambda message: self.catalogue.set_editions(
                [], None, message.splitlines()[0] if message else ""))
        return task

    def _on_library_editions(self, result) -> None:
        infos, where, shipped_id = result
        entries = [(info.id, _edition_label(info, shipped_id)) for info in infos]
        ids = {info.id for info in infos}
        remembered = settings.read("catalogue_edition")
        wanted = remembered if remembered in ids else shipped_id
        self.catalogue.set_editions(entries, wanted, note=where)
        if wanted is not None and wanted != shipped_id:
            self.choose_library_edition(wanted)

    def choose_library_edition(self, edition_id: int) -> Task | None:
        """Load library edition ``edition_id`` (off the GUI thread) as the catalogue's book;
        remembered for the next start. The last choice wins: a load that finishes after a
        newer choice was made is dropped (choices made in quick succession)."""
        self._edition_request = getattr(self, "_edition_request", 0) + 1
        request = self._edition_request

        def loaded(book: PriceBook) -> None:
            if request != self._edition_request:
                return  # a newer choice is on its way
            self.library = book
            settings.write("catalogue_edition", edition_id)
            self.catalogue.show_edition(edition_id)
            self._on_package_selected(self.rab_editor.package if self.rab_editor else None)
            if self.rab_editor is None:
                self.catalogue.set_book(book, None)
            self._show_message(tr("cat.edition.loaded", name=describe_book(book.meta)))

        return self._start(Task(_library_book_job, edition_id), loaded)

    def _on_current_node(self, node) -> None:
        if self.measurements is not None:
            self.measurements.set_node(node)

    def _on_repriced(self, structural: bool) -> None:
        assert self.doc is not None
        priced = self.doc.priced
        if structural:
            self.packages.show_program(priced)
            # a package moved to another edition (re-pricing, its undo) shows its new basis
            self._update_book_label(self.rab_editor.package if self.rab_editor is not None else None)
        else:
            self.packages.update_totals(priced)
        self.blm.show_verdict(priced.verdict)
        self.rekap.set_priced(priced)  # made only while the rekap is on screen
        findings = self.doc.findings() + self.audit_findings
        self.findings.show_findings(findings)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        text = tr("status.findings", errors=errors, warnings=warnings) if findings else tr("status.findings_ok")
        self.findings_label.setText(text)
        set_style(self.findings_label, "color: #b3261e; font-weight: bold;" if errors else "")

    def select_finding(self, finding) -> bool:
        """Show what ``finding`` is about: its package, and its item selected in the RAB
        (issue 6 point 6). False when the package or item is gone."""
        if self.doc is None or self.rab_editor is None:
            return False
        package_id = finding.package_id
        if finding.item_id and not package_id:
            package_id = next((p.id for p in self.doc.program.packages
                               if any(i.id == finding.item_id for i in p.items())), "")
        rows = [p.id for p in self.doc.program.packages]
        if package_id not in rows:
            return False
        self.packages.setCurrentRow(rows.index(package_id))
        if not finding.item_id:
            return True
        found = self.rab_editor.select_id(finding.item_id)
        if found:
            self.rab_editor.view.setFocus()
        return found

    def set_price_basis_note(self, package: Package, note: str) -> None:
        """Record (or clear, with "") why ``package``'s pinned book is accepted as its price
        basis; undoable. The verdict then treats the price-basis findings as warnings."""
        if self.doc is None or note.strip() == package.price_basis_note.strip():
            return
        self._push(edits.set_package(package.id, price_basis_note=note.strip()),
                   tr("cmd.price_basis", package=package.name))

    def set_item_funding(self, item: Item, funding, shares) -> None:
        """Set ``item``'s main funding source (None = its division's) and its shares, as one
        undoable edit; the verdict follows at once."""
        if self.doc is None or (item.funding, list(item.funding_split)) == (funding, list(shares)):
            return
        self._push(edits.set_funding(item.id, funding, shares),
                   tr("cmd.funding", item=item.description[:40]))

    def inherited_funding(self, item: Item):
        """The source ``item`` takes when it names none: its nearest division's, else BLM."""
        from dtpl_studio.costing.funding import FundingSource

        def path(sections, trail):
            for section in sections:
                if item in section.children:
                    return [*trail, section]
                found = path([c for c in section.children if not isinstance(c, Item)], [*trail, section])
                if found:
                    return found
            return None

        for package in self.doc.program.packages if self.doc else []:
            trail = path(package.sections, [])
            if trail:
                return next((s.funding for s in reversed(trail) if s.funding), FundingSource.BLM)
        return FundingSource.BLM

    def attachments_dialog(self) -> None:
        """Sunting › Lampiran…: the programme's drawings, maps, photos and scans (non-modal;
        every change is one undo step of the main window)."""
        from dtpl_studio.ui.widgets.attachments_dialog import AttachmentsDialog

        if self.doc is None:
            return
        if self._attachments is None or self._attachments.doc is not self.doc:
            if self._attachments is not None:
                self._attachments.close()
                self._attachments.deleteLater()
            self._attachments = AttachmentsDialog(self.doc, self)
        self._attachments.show()
        self._attachments.raise_()

    def specs_dialog(self) -> None:
        """Sunting › Spesifikasi teknis…: the project's RKS texts and the clauses per item."""
        from dtpl_studio.ui.widgets.specs_dialog import SpecsDialog

        if self.doc is None:
            return
        if self._specs is None or self._specs.doc is not self.doc:
            if self._specs is not None:
                self._specs.close()
                self._specs.deleteLater()
            try:
                self._specs = SpecsDialog(self.doc, self)
            except Exception as exc:  # noqa: BLE001 - a broken template file is explained
                from dtpl_studio.ui.messages import explain

                self._specs = None
                dialogs.show_error(self, tr("spec.title"), explain(exc))
                return
        self._specs.show()
        self._specs.raise_()

    def funding_dialog(self, node: Item | None = None) -> None:
        """Sunting › Sumber dana item… (or a double-click on the RAB's funding cell): the
        selected item's (or ``node``'s) funding and shares."""
        from dtpl_studio.ui.widgets.funding_dialog import FundingDialog

        if not isinstance(node, Item):
            node = self.rab_editor.current_node() if self.rab_editor else None
        if self.doc is None or not isinstance(node, Item):
            self._show_message(tr("fund.no_item"))
            return
        dialog = FundingDialog(node, self.inherited_funding(node), self)
        if dialog.exec() != FundingDialog.DialogCode.Accepted:
            return
        try:
            funding, shares = dialog.values()
        except ValueError as exc:
            dialogs.show_error(self, tr("fund.title"), str(exc))
            return
        self.set_item_funding(node, funding, shares)

    def library_window(self):
        """Berkas › Pustaka harga…: the price library window (non-modal, one at a time)."""
        from dtpl_studio.ui.widgets.library_window import LibraryWindow

        window = getattr(self, "_library_window", None)
        if window is None:
            window = self._library_window = LibraryWindow(parent=self)
            window.setWindowFlag(Qt.WindowType.Window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def reprice_dialog(self) -> None:
        """Sunting › Ganti edisi harga paket… (issue 10 point 5): the report of moving the
        current package to another edition; *Terapkan* = one undo step."""
        dialog = self.make_reprice_dialog()
        if dialog is not None and dialog.exec() == dialog.DialogCode.Accepted:
            self.apply_reprice(dialog.plan)

    def make_reprice_dialog(self, **kwargs):
        """The re-pricing dialog of the current package (not shown); None without one."""
        from dtpl_studio.ui.widgets.reprice_dialog import RepriceDialog

        package = self.packages.current_package() if self.doc is not None else None
        if package is None:
            return None
        return RepriceDialog(self.doc.program, package, self, **kwargs)

    def apply_reprice(self, plan) -> bool:
        """Push ``plan.edit`` as one undo step and note its totals for the audit log."""
        from dtpl_studio.services.repricing import note_audit

        if self.doc is None or plan is None:
            return False
        if not self._push(plan.edit, tr("cmd.reprice", package=plan.report.package_name)):
            return False
        note_audit(self.doc.session, plan.report)
        return True

    def price_basis_dialog(self) -> None:
        """Sunting › Catat dasar harga paket…: ask for the reason (current package)."""
        from PySide6.QtWidgets import QInputDialog

        if self.doc is None:
            return
        package = self.packages.current_package()
        blocked = [f.package_id for f in self.doc.priced.verdict.findings
                   if f.code.startswith("price-basis-") and f.severity is Severity.ERROR]
        if blocked and (package is None or package.id not in blocked):
            # the panel's button: the first package whose price basis blocks the verdict
            package = next((p for p in self.doc.program.packages if p.id == blocked[0]), package)
            self.select_finding(next(f for f in self.doc.priced.verdict.findings
                                     if f.package_id == blocked[0]))
        if package is None:
            return
        meta = package.book.meta
        text, ok = QInputDialog.getMultiLineText(
            self, tr("dlg.price_basis.title"),
            tr("dlg.price_basis.text", package=package.name, book=describe_book(meta)),
            package.price_basis_note)
        if ok:
            self.set_price_basis_note(package, text)

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
        mark = f" [{tr('title.read_only')}]" if self.doc is not None and self.doc.session.read_only else ""
        self.setWindowTitle(f"{name}{mark}[*] — {tr('app.name')}")
        self.setWindowModified(bool(self.doc and not self.doc.undo_stack.isClean()))

    def _update_read_only(self) -> None:
        """Title mark, banner and Save action follow the session's read-only state."""
        session = self.doc.session if self.doc is not None else None
        read_only = bool(session and session.read_only)
        self.save_action.setEnabled(self.doc is not None and not read_only)
        if read_only:
            assert session is not None
            self.read_only_label.setText(tr(f"banner.read_only.{session.read_only_reason}"))
        self.read_only_banner.setVisible(read_only)
        self._update_title()

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
        from dtpl_studio.ui.about import show_about

        show_about(self)
