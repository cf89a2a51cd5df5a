"""Berkas › Pustaka harga…: the bengkel's window on the price library (issue 8 point 4).

Left, the library's editions (wilayah, tahun, edisi, jenis, draf/terbit, asal, counts) and
where the library is; right, the selected edition in tabs: its base prices (harga dasar), its
analyses with the unit rate F the book computes and the lines of the selected one below, the
audit log of the edition, and a comparison of two editions
(:func:`dtpl_studio.costing.edition_diff.diff_books`).

A draft is edited in place (double-click): a resource's name, unit or price, an analysis
line's coefficient. Each edit is written to the library at once through
:mod:`dtpl_studio.services.library_edit` with the version read with the edition (optimistic
locking) and is one undo step, whose undo writes the old value back under the same lock; a
refused write (someone else changed it: ConflictError, or a read-only library) shows the
Indonesian message in the window and reloads the edition. A published edition and a
read-only library are shown read-only with the reason; *Turunkan draf baru* derives a
draft, *Terbitkan* publishes one after a confirmation naming its content hash.

Loading an edition and comparing two run on a worker thread (:mod:`dtpl_studio.ui.workers`);
the window stays responsive, and a result that arrives after another edition was chosen is
dropped.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.audit import local_time
from dtpl_studio.costing.edition_diff import ADDED, CHANGED, RATE_ONLY, REMOVED, EditionDiff
from dtpl_studio.costing.formatting import format_number, format_rate
from dtpl_studio.costing.pricebook import Resource
from dtpl_studio.services import library_edit
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.workers import Task

log = logging.getLogger(__name__)

#: row colours of a comparison, by status (AESTHETICS: quiet backgrounds, text stays black)
STATUS_COLOURS = {ADDED: QColor("#e3f4e6"), REMOVED: QColor("#fbe3e1"), CHANGED: QColor("#fff4d6"),
                  RATE_ONLY: QColor("#eef1f6")}
UP_COLOR = QColor("#b3261e")
DOWN_COLOR = QColor("#1b6e3a")
#: background of the read-only notice and of an error message
NOTICE_STYLE = "QLabel { background: #eef1f6; padding: 6px; border-radius: 3px; }"
ERROR_STYLE = "QLabel { background: #fbe3e1; color: #7a1d16; padding: 6px; border-radius: 3px; }"

_KIND_KEYS = {"material": "library.kind.material", "labour": "library.kind.labour",
              "equipment": "library.kind.equipment"}


def _money(value: Decimal | None) -> str:
    return "—" if value is None else format_rate(value)


def _short(value: Decimal | None, places: int = 6) -> str:
    """``value`` with at most ``places`` decimals, ``…`` when it has more (a coefficient such as
    0,0439714285714… computed in the source workbook): the cell shows it short, its tooltip and
    its editor the exact value."""
    if value is None:
        return "—"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places and value != value.quantize(Decimal(1).scaleb(-places)):
        return format_number(value.quantize(Decimal(1).scaleb(-places))) + "…"
    return format_number(value)


def _short_money(value: Decimal | None) -> str:
    """A price or amount, rounded to the sen for display (``…`` when it has more decimals)."""
    if value is None:
        return "—"
    text = _short(value, 2)
    return text if text.endswith("…") else _money(value)


def _signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format_rate(abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "") + text


def _pct(old: Decimal | None, new: Decimal | None) -> str:
    if old is None or new is None or not old:
        return "—"
    pct = (new - old) / old * 100
    return ("+" if pct > 0 else "−" if pct < 0 else "") + format_number(abs(pct), 2) + " %"


def _field_word(name: str) -> str:
    """A changed field of :mod:`dtpl_studio.costing.edition_diff` in the GUI language."""
    try:
        return tr(f"library.field.{name}")
    except KeyError:  # a field the diff learned later
        return name


def _action_word(action: str) -> str:
    """An audit action (``add``, ``update``, ``publish``, ``delete``…) in the GUI language."""
    try:
        return tr(f"library.audit.{action}")
    except KeyError:  # an action a later version records
        return action


_SUBJECT = re.compile(r"^edition (\d+)(?: (resource|analysis) (.+))?$")


def _subject_words(subject: str) -> str:
    """``edition 3 resource Semen`` → ``edisi #3, harga dasar Semen`` (the log stores it in
    English, the form every client writes); anything else as stored."""
    found = _SUBJECT.match(subject)
    if found is None:
        return subject
    edition, what, item = found.groups()
    if what is None:
        return tr("library.audit.edition", id=edition)
    return tr(f"library.audit.{what}", id=edition, item=item)


def _fit_columns(view: QTableView, widest: int) -> None:
    """Columns as wide as their contents, none wider than ``widest`` pixels."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        view.setColumnWidth(column, min(view.columnWidth(column), widest))


class RowsModel(QAbstractTableModel):
    """A read-mostly table: ``rows`` of raw values, shown through ``formats`` (one callable
    per column, ``str`` by default); money columns right-aligned; ``UserRole`` is the sort
    key (numbers as numbers); ``editable(row, column)`` and ``on_edit(row, column, text)``
    make cells editable (``on_edit`` returns whether the value was taken)."""

    def __init__(self, headers: Sequence[str], *, right: set[int] = frozenset(),  # type: ignore[assignment]
                 formats: dict[int, Callable[[Any], str]] | None = None, parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.right = set(right)
        self.formats = formats or {}
        self.keys: list[Any] = []
        self.rows: list[Sequence[Any]] = []
        self.backgrounds: list[QColor | None] = []
        self.foregrounds: dict[tuple[int, int], QColor] = {}
        self.tips: dict[tuple[int, int], str] = {}
        self.editable: Callable[[int, int], bool] = lambda row, column: False
        self.on_edit: Callable[[int, int, str], bool] = lambda row, column, text: False

    def set_rows(self, keys: list[Any], rows: list[Sequence[Any]], backgrounds: list[QColor | None] | None = None,
                 foregrounds: dict[tuple[int, int], QColor] | None = None,
                 tips: dict[tuple[int, int], str] | None = None) -> None:
        self.beginResetModel()
        self.keys, self.rows = keys, rows
        self.backgrounds = backgrounds or [None] * len(rows)
        self.foregrounds = foregrounds or {}
        self.tips = tips or {}
        self.endResetModel()

    def set_row(self, row: int, values: Sequence[Any]) -> None:
        self.rows[row] = values
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def text(self, row: int, column: int) -> str:
        value = self.rows[row][column]
        if value is None:
            return ""
        return self.formats.get(column, str)(value)

    # -- Qt overrides --------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole \
                and section in self.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.EditRole:  # the exact value to edit
            value = self.rows[row][column]
            return format_number(value) if isinstance(value, Decimal) else self.text(row, column)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            value = self.rows[row][column]
            if isinstance(value, Decimal | int):
                return float(value)
            return "" if value is None else str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.backgrounds[row] is not None:
            return QBrush(self.backgrounds[row])
        if role == Qt.ItemDataRole.ForegroundRole and (row, column) in self.foregrounds:
            return QBrush(self.foregrounds[(row, column)])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tips.get((row, column))
            value = self.rows[row][column]
            if tip is None and isinstance(value, Decimal) and self.text(row, column).endswith("…"):
                return format_number(value)
            return tip
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.editable(index.row(), index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.on_edit(index.row(), index.column(), str(value))


class _Filter(QSortFilterProxyModel):
    """Rows holding every word of the search text in any column (case ignored)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self.words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self.words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self.words:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        blob = " ".join(model.text(source_row, c) for c in range(model.columnCount())).casefold()
        return all(w in blob for w in self.words)


def _table(model: RowsModel, *, sortable: bool = True) -> tuple[QTableView, _Filter]:
    proxy = _Filter()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.horizontalHeader().setResizeContentsPrecision(200)  # fitting a column reads 200 rows, not 15 000
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view, proxy


class LibraryEdit(QUndoCommand):
    """One change of a draft, already written to the library by the window (a worker task)
    before it is pushed: ``redo``/``undo`` only show the new/old value in the window. The
    window writes the value of an undo or redo first (:meth:`LibraryWindow.undo`), under the
    version the previous write left (so neither overwrites somebody else's change), then
    calls the stack; a refused write marks the command ``refused`` and the stack drops it
    (obsolete)."""

    def __init__(self, window: LibraryWindow, edition_id: int, text: str, version: int):
        super().__init__(text)
        self.window, self.edition_id, self.version = window, edition_id, version
        self.refused = False
        self._result: Any = None  # what the window's write of this step returned

    def write(self, undo: bool) -> tuple[Callable, tuple]:
        """The service call (function, arguments) writing the old (``undo``) or new value."""
        raise NotImplementedError

    def show(self, undo: bool, result: Any) -> None:
        """Show the written value in the window (``result``: the service call's result)."""
        raise NotImplementedError

    def redo(self) -> None:
        self._step(False)

    def undo(self) -> None:
        self._step(True)

    def _step(self, undo: bool) -> None:
        if self.refused:
            self.setObsolete(True)
            return
        result, self._result = self._result, None
        if result is not None:  # None: the push itself; the window shows it already
            self.show(undo, result)


class ResourceEdit(LibraryEdit):
    """A resource of a draft changed (name, unit or price)."""

    def __init__(self, window: LibraryWindow, edition_id: int, old: Resource, new: Resource, version: int):
        super().__init__(window, edition_id, tr("library.cmd.resource", key=new.code or new.key), version)
        self.old, self.new = old, new

    def write(self, undo: bool) -> tuple[Callable, tuple]:
        return library_edit.write_resource, (self.edition_id, self.old if undo else self.new, self.version,
                                             self.window.library_url)

    def show(self, undo: bool, result: Any) -> None:
        self.version = result
        self.window.show_resource(self.edition_id, self.old if undo else self.new, result)


class CoefficientEdit(LibraryEdit):
    """An analysis line's coefficient changed."""

    def __init__(self, window: LibraryWindow, edition_id: int, code: str, index: int, old: Decimal, new: Decimal,
                 version: int):
        super().__init__(window, edition_id, tr("library.cmd.coefficient", code=code, line=index + 1), version)
        self.code, self.index, self.old, self.new = code, index, old, new

    def write(self, undo: bool) -> tuple[Callable, tuple]:
        view = self.window.view
        assert view is not None
        return library_edit.write_line_coefficient, (self.edition_id, view.book.analyses[self.code], self.index,
                                                     self.old if undo else self.new, self.version,
                                                     self.window.library_url)

    def show(self, undo: bool, result: Any) -> None:
        self.version, analysis = result
        self.window.show_analysis_change(self.edition_id, analysis, self.version)


class LibraryWindow(QMainWindow):
    """The price library window (non-modal). ``library_url`` None: the library the app uses
    (``$DTPL_STUDIO_LIBRARY`` or the user data folder). ``who`` is recorded in the audit log
    (None: ``user@host``). ``confirm(title, text) -> bool`` asks before publishing (a
    message box; tests replace it)."""

    def __init__(self, library_url: str | None = None, parent: QWidget | None = None, *, who: str | None = None,
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("library.title"))
        self.library_url, self.who = library_url, who
        self.pool = pool or QThreadPool.globalInstance()
        self.state: library_edit.LibraryState | None = None
        self.view: library_edit.EditionView | None = None
        self.diff: EditionDiff | None = None
        self.undo_stack = QUndoStack(self)
        self.confirm: Callable[[str, str], bool] = self._ask
        self._tasks: set[Task] = set()
        self._load_token = 0
        self._pending_select: int | None = None
        self._sticky = ""  # a refusal shown again after the reload it caused
        self._writing = False
        self._lines_code: str | None = None
        self._build()
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.resize(1280, 760)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        # plain texts on the toolbar; what would be undone is the tooltip
        undo = QAction(tr("action.undo"), self)
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        undo.triggered.connect(self.undo)
        self.undo_stack.undoTextChanged.connect(undo.setToolTip)
        redo = QAction(tr("action.redo"), self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(self.redo)
        self.undo_stack.redoTextChanged.connect(redo.setToolTip)
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.undo_action, self.redo_action = undo, redo
        bar = self.addToolBar(tr("library.toolbar"))
        bar.setObjectName("library-toolbar")
        bar.addActions([undo, redo])
        bar.setMovable(False)

        central = QWidget()
        outer = QVBoxLayout(central)
        self.location_label = QLabel()
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.location_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.editions_model = RowsModel(
            [tr(k) for k in ("library.col.id", "library.col.region", "library.col.year", "library.col.edition",
                             "library.col.kind", "library.col.status", "library.col.origin",
                             "library.col.resources", "library.col.analyses")],
            right={0, 2, 7, 8})
        self.editions_view, _ = _table(self.editions_model)
        self.editions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.editions_view.selectionModel().currentRowChanged.connect(self._edition_chosen)
        left_layout.addWidget(self.editions_view, 1)
        buttons = QHBoxLayout()
        self.reload_button = QPushButton(tr("library.reload"))
        self.reload_button.clicked.connect(self.reload)
        self.derive_button = QPushButton(tr("library.derive"))
        self.derive_button.clicked.connect(self.derive)
        self.publish_button = QPushButton(tr("library.publish"))
        self.publish_button.clicked.connect(self.publish)
        for b in (self.reload_button, self.derive_button, self.publish_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        split.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("QLabel { font-weight: bold; }")
        self.title_label.setWordWrap(True)
        right_layout.addWidget(self.title_label)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        right_layout.addWidget(self.notice)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        right_layout.addWidget(self.message)
        self.tabs = QTabWidget()
        right_layout.addWidget(self.tabs, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([470, 810])

        self._build_resources_tab()
        self._build_analyses_tab()
        self._build_audit_tab()
        self._build_compare_tab()
        self.setCentralWidget(central)

    def _search_field(self, proxy: _Filter) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(tr("library.search"))
        field.setClearButtonEnabled(True)
        field.textChanged.connect(proxy.set_text)
        return field

    def _build_resources_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.resources_model = RowsModel(
            [tr(k) for k in ("library.col.code", "library.col.name", "library.col.kind", "library.col.unit",
                             "library.col.price")],
            right={4}, formats={4: _money})
        self.resources_view, self.resources_proxy = _table(self.resources_model)
        self.resources_model.editable = lambda row, column: self.editable and column in (1, 3, 4)
        self.resources_model.on_edit = self._resource_cell_edited
        self.resources_search = self._search_field(self.resources_proxy)
        layout.addWidget(self.resources_search)
        layout.addWidget(self.resources_view, 1)
        self.tabs.addTab(page, tr("library.tab.resources"))

    def _build_analyses_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.analyses_model = RowsModel(
            [tr(k) for k in ("library.col.code", "library.col.description", "library.col.unit",
                             "library.col.rate")],
            right={3}, formats={3: lambda v: _money(v) if isinstance(v, Decimal) else tr("library.rate_error")})
        self.analyses_view, self.analyses_proxy = _table(self.analyses_model)
        self.analyses_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.analyses_view.selectionModel().currentRowChanged.connect(self._analysis_chosen)
        self.analyses_search = self._search_field(self.analyses_proxy)
        self.lines_model = RowsModel(
            [tr(k) for k in ("library.col.no", "library.col.line_kind", "library.col.ref", "library.col.description",
                             "library.col.coefficient", "library.col.unit", "library.col.price",
                             "library.col.amount")],
            right={0, 4, 6, 7}, formats={4: _short, 6: _short_money, 7: _short_money})
        self.lines_view, _ = _table(self.lines_model, sortable=False)
        self.lines_model.editable = lambda row, column: self.editable and column == 4
        self.lines_model.on_edit = self._line_cell_edited
        self.lines_title = QLabel()
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.analyses_search)
        top_layout.addWidget(self.analyses_view, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.lines_title)
        bottom_layout.addWidget(self.lines_view, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([380, 240])
        layout.addWidget(split, 1)
        self.tabs.addTab(page, tr("library.tab.analyses"))

    def _build_audit_tab(self) -> None:
        self.audit_model = RowsModel([tr(k) for k in ("library.col.when", "library.col.who", "library.col.action",
                                                      "library.col.subject", "library.col.old",
                                                      "library.col.new")])
        self.audit_view, _ = _table(self.audit_model, sortable=False)
        self.audit_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.audit_view, tr("library.tab.audit"))

    def _build_compare_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        for combo in (self.old_combo, self.new_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(36)
        self.compare_button = QPushButton(tr("library.compare"))
        self.compare_button.clicked.connect(self.compare)
        row.addWidget(QLabel(tr("library.compare.old")))
        row.addWidget(self.old_combo)
        row.addWidget(QLabel(tr("library.compare.new")))
        row.addWidget(self.new_combo)
        row.addWidget(self.compare_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.diff_summary = QLabel()
        self.diff_summary.setWordWrap(True)
        self.diff_summary.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.diff_summary)
        self.diff_resources_model = RowsModel(
            [tr(k) for k in ("library.col.code", "library.col.name", "library.col.unit", "library.col.change_status",
                             "library.col.old_price", "library.col.new_price", "library.col.difference",
                             "library.col.pct")],
            right={4, 5, 6, 7}, formats={4: _money, 5: _money, 6: _signed})
        self.diff_resources_view, self.diff_resources_proxy = _table(self.diff_resources_model)
        self.diff_analyses_model = RowsModel(
            [tr(k) for k in ("library.col.code", "library.col.description", "library.col.unit",
                             "library.col.change_status", "library.col.old_rate", "library.col.new_rate",
                             "library.col.difference", "library.col.pct")],
            right={4, 5, 6, 7}, formats={4: _money, 5: _money, 6: _signed})
        self.diff_analyses_view, self.diff_analyses_proxy = _table(self.diff_analyses_model)
        for view in (self.diff_resources_view, self.diff_analyses_view):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_search = QLineEdit()
        self.diff_search.setPlaceholderText(tr("library.search"))
        self.diff_search.setClearButtonEnabled(True)
        self.diff_search.textChanged.connect(self.diff_resources_proxy.set_text)
        self.diff_search.textChanged.connect(self.diff_analyses_proxy.set_text)
        layout.addWidget(self.diff_search)
        split = QSplitter(Qt.Orientation.Vertical)
        self.diff_boxes: list[QWidget] = []
        for title_key, view in (("library.diff.resources", self.diff_resources_view),
                                ("library.diff.analyses", self.diff_analyses_view)):
            box = QWidget()
            self.diff_boxes.append(box)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(tr(title_key)))
            box_layout.addWidget(view, 1)
            split.addWidget(box)
        layout.addWidget(split, 1)
        self.compare_page = page
        self.tabs.addTab(page, tr("library.tab.compare"))

    # -- state ---------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        """Whether the shown edition may be edited here: a draft, in a writable library."""
        return (self.view is not None and self.state is not None and self.state.writable
                and not self.view.info.published and not self._writing)

    def show_message(self, text: str) -> None:
        """An error or refusal in the window (not modal), until the next action."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fail(self, exc: BaseException) -> None:
        self.show_message(explain(exc))

    def reload(self) -> None:
        """Read the library's editions again (and the shown edition)."""
        try:
            self.state = library_edit.library_state(self.library_url)
        except (library_edit.LibraryError, OSError) as exc:
            self.state = None
            self.location_label.setText(tr("library.location", where=self.library_url or "?"))
            self._fail(exc)
            return
        self.location_label.setText(tr("library.location", where=self.state.location))
        keep = self._pending_select or (self.view.info.id if self.view else None)
        self._pending_select = None
        infos = self.state.editions
        rows = [(i.id, i.region or i.title, i.year, i.edition, i.kind.value,
                 tr("library.status.published" if i.published else "library.status.draft"),
                 tr(f"library.origin.{i.verification}") if i.verification else "", i.resources, i.analyses)
                for i in infos]
        self.editions_model.set_rows([i.id for i in infos], rows)
        _fit_columns(self.editions_view, 200)
        labels = [(i.id, f"#{i.id} {i.label()} ({rows[k][5]})") for k, i in enumerate(infos)]
        for combo in (self.old_combo, self.new_combo):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for id_, label in labels:
                combo.addItem(label, id_)
            if current is not None and combo.findData(current) >= 0:
                combo.setCurrentIndex(combo.findData(current))
            combo.blockSignals(False)
        if self.old_combo.currentData() == self.new_combo.currentData() and len(labels) > 1:
            self.new_combo.setCurrentIndex(1)
        if not infos:
            self.view = None
            self._show_view()
        target = keep if keep in self.editions_model.keys else (infos[0].id if infos else None)
        if target is not None:
            self.select_edition(target, force=True)
        self._update_actions()

    def select_edition(self, edition_id: int, *, force: bool = False) -> None:
        """Select edition ``edition_id`` in the list and load it (on a worker)."""
        row = self.editions_model.keys.index(edition_id)
        proxy = self.editions_view.model()
        index = proxy.mapFromSource(self.editions_model.index(row, 0))  # type: ignore[attr-defined]
        if self.editions_view.currentIndex().row() == index.row() and not force:
            return
        self.editions_view.selectionModel().blockSignals(True)
        self.editions_view.setCurrentIndex(index)
        self.editions_view.selectionModel().blockSignals(False)
        self.load(edition_id)

    def _edition_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        source = self.editions_view.model().mapToSource(current)  # type: ignore[attr-defined]
        self.load(self.editions_model.keys[source.row()])

    def load(self, edition_id: int) -> None:
        """Load edition ``edition_id`` on a worker thread; the window shows it when it arrives
        (unless another edition was chosen meanwhile)."""
        if self.view is None or self.view.info.id != edition_id:
            self.undo_stack.clear()  # the undo history belongs to the edition shown
        self._load_token += 1
        token = self._load_token
        self.title_label.setText(tr("library.loading", id=edition_id))
        self._run(library_edit.load_edition, (edition_id, self.library_url),
                  lambda view: self._loaded(token, view))

    def _run(self, fn: Callable, args: tuple, done: Callable[[Any], None], **kwargs: Any) -> None:
        task = Task(fn, *args, **kwargs)
        self._tasks.add(task)
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(self.show_message)
        task.signals.finished.connect(lambda: self._tasks.discard(task))
        self.pool.start(task)

    @property
    def busy(self) -> bool:
        """A load or comparison is running (tests wait for it)."""
        return bool(self._tasks)

    def _loaded(self, token: int, view: library_edit.EditionView) -> None:
        if token != self._load_token:
            return
        self.view = view
        self._show_view()

    def _show_view(self) -> None:
        view = self.view
        self.show_message(self._sticky)
        self._sticky = ""
        if view is None:
            self.title_label.setText(tr("library.empty"))
            self.resources_model.set_rows([], [])
            self.analyses_model.set_rows([], [])
            self.lines_model.set_rows([], [])
            self.audit_model.set_rows([], [])
            self.notice.setText(tr("library.notice.empty"))
            self._update_actions()
            return
        info, book = view.info, view.book
        self.title_label.setText(tr("library.edition_title", id=info.id, label=info.label(), kind=info.kind.value,
                                    status=tr("library.status.published" if info.published
                                              else "library.status.draft")))
        res = list(book.resources.values())
        self.resources_model.set_rows([r.key for r in res], [self._resource_row(r) for r in res],
                                      tips={(k, 0): r.key for k, r in enumerate(res) if r.code and r.code != r.key})
        ana = list(book.analyses.values())
        errors = {(k, 3): str(view.rates[a.code]) for k, a in enumerate(ana)
                  if not isinstance(view.rates.get(a.code), Decimal)}
        self.analyses_model.set_rows([a.code for a in ana], [(a.code, a.name, a.unit, view.rates.get(a.code))
                                                             for a in ana], tips=errors)
        for v in (self.resources_view, self.analyses_view):
            v.resizeColumnToContents(0)
            v.setColumnWidth(0, min(v.columnWidth(0), 180))
            v.setColumnWidth(1, 420)
        self.resources_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.analyses_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._show_lines(None)
        self._fill_audit()
        self._update_notice()
        self._update_actions()

    def _resource_row(self, r: Resource) -> tuple:
        return (r.code or r.key, r.name, tr(_KIND_KEYS.get(str(r.kind), "library.kind.material")), r.unit, r.price)

    def _update_notice(self) -> None:
        if self.view is None:
            return
        if self.state is not None and not self.state.writable:
            self.notice.setText(tr("library.notice.read_only_library"))
        elif self.view.info.published:
            self.notice.setText(tr("library.notice.published", hash=self.view.info.content_hash[:12]))
        else:
            self.notice.setText(tr("library.notice.draft"))

    def _stack_moved(self, _index: int) -> None:
        if shiboken6.isValid(self.undo_stack):  # the stack also clears itself while it is deleted
            self._update_actions()

    def _update_actions(self) -> None:
        writable = self.state is not None and self.state.writable
        info = self.view.info if self.view else None
        idle = not self._writing
        self.derive_button.setEnabled(bool(writable and idle and info is not None))
        self.publish_button.setEnabled(bool(writable and idle and info is not None and not info.published))
        self.compare_button.setEnabled(self.old_combo.count() > 0)
        self.undo_action.setEnabled(self.undo_stack.canUndo() and not self._writing)
        self.redo_action.setEnabled(self.undo_stack.canRedo() and not self._writing)

    def _fill_audit(self) -> None:
        if self.view is None:
            return
        try:
            entries = library_edit.audit_entries(self.view.info.id, self.library_url)
        except (library_edit.LibraryError, OSError) as exc:
            self._fail(exc)
            return
        self.audit_model.set_rows(list(range(len(entries))),
                                  [(local_time(e.at), e.who, _action_word(e.action), _subject_words(e.subject or e.detail),
                                    e.old, e.new)
                                   for e in entries],
                                  tips={(k, 3): e.detail for k, e in enumerate(entries)})
        _fit_columns(self.audit_view, 320)

    def _analysis_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self._show_lines(None)
            return
        source = self.analyses_proxy.mapToSource(current)
        self._show_lines(self.analyses_model.keys[source.row()])

    @property
    def shown_analysis(self) -> str | None:
        """The code of the analysis whose lines are shown."""
        return self._lines_code

    def show_analysis(self, code: str) -> None:
        """Select analysis ``code`` and show its lines."""
        row = self.analyses_model.keys.index(code)
        self.analyses_view.setCurrentIndex(self.analyses_proxy.mapFromSource(self.analyses_model.index(row, 0)))
        self._show_lines(code)

    def _show_lines(self, code: str | None) -> None:
        self._lines_code = code
        if code is None or self.view is None or code not in self.view.book.analyses:
            self.lines_model.set_rows([], [])
            self.lines_title.setText(tr("library.lines.none"))
            return
        book = self.view.book
        analysis = book.analyses[code]
        priced: dict[int, Any] = {}
        try:
            breakdown = book.compute(code)
            for pl in (*breakdown.labour, *breakdown.material, *breakdown.equipment):
                priced[id(pl.line)] = pl
        except Exception as exc:  # noqa: BLE001 - the rate's error is shown in the table already
            log.debug("analysis %s cannot be computed: %s", code, exc)
        rows = []
        for k, line in enumerate(analysis.lines):
            pl = priced.get(id(line))
            rows.append((k + 1, tr(f"library.line.{line.kind.value}") if line.kind else "", line.ref,
                         pl.description if pl else line.description, line.coefficient,
                         pl.unit if pl else line.unit, pl.price if pl else None, pl.amount if pl else None))
        self.lines_model.set_rows(list(range(len(rows))), rows)
        _fit_columns(self.lines_view, 380)
        rate = self.view.rates.get(code)
        self.lines_title.setText(tr("library.lines.title", code=code, name=analysis.name,
                                    rate=_money(rate) if isinstance(rate, Decimal) else tr("library.rate_error")))

    # -- editing -------------------------------------------------------------------------------
    def _resource_cell_edited(self, row: int, column: int, text: str) -> bool:
        key = self.resources_model.keys[row]
        return self.edit_resource(key, {1: "name", 3: "unit", 4: "price"}[column], text)

    def _line_cell_edited(self, row: int, column: int, text: str) -> bool:
        if self._lines_code is None:
            return False
        return self.edit_coefficient(self._lines_code, row, text)

    @property
    def writing(self) -> bool:
        """A write to the library is running (editing, undo and redo wait for it)."""
        return self._writing

    def edit_resource(self, key: str, field: str, text: str) -> bool:
        """Change ``field`` (``name``, ``unit``, ``price``) of resource ``key`` of the shown
        draft to ``text`` (a price in Indonesian format, a unit as spelled). The write to the
        library (locked by the version read) runs on a worker; when the library took it, the
        window shows it and it becomes one undo step; a refusal is shown in the window.
        Returns whether the write was started (False: not editable, or a value that cannot
        be read, explained in the window)."""
        if not self.editable or self.view is None:
            return False
        self.show_message("")
        old = self.view.book.resources[key]
        try:
            if field == "price":
                new = dataclasses.replace(old, price=library_edit.parse_price(text))
            elif field == "unit":
                new = dataclasses.replace(old, unit=library_edit.parse_unit(text), raw_unit=text.strip())
            elif field == "name":
                if not text.strip():
                    raise library_edit.ValueInputError("empty name", code="library.empty")
                new = dataclasses.replace(old, name=text.strip())
            else:
                raise ValueError(f"unknown field {field!r}")
        except library_edit.ValueInputError as exc:
            self._fail(exc)
            return False
        if new == old:
            return False
        edition_id = self.view.info.id

        def done(version: int) -> None:
            self.show_resource(edition_id, new, version)
            self.undo_stack.push(ResourceEdit(self, edition_id, old, new, version))

        self._write(library_edit.write_resource,
                    (edition_id, new, self.view.versions.resources[key], self.library_url), done)
        return True

    def edit_coefficient(self, code: str, index: int, text: str) -> bool:
        """Change the coefficient of line ``index`` (0-based) of analysis ``code`` of the
        shown draft to ``text`` (Indonesian format); as :meth:`edit_resource`."""
        if not self.editable or self.view is None:
            return False
        self.show_message("")
        try:
            value = library_edit.parse_coefficient(text)
        except library_edit.ValueInputError as exc:
            self._fail(exc)
            return False
        analysis = self.view.book.analyses[code]
        old = analysis.lines[index].coefficient
        if value == old:
            return False
        edition_id = self.view.info.id

        def done(result: tuple) -> None:
            version, changed = result
            self.show_analysis_change(edition_id, changed, version)
            self.undo_stack.push(CoefficientEdit(self, edition_id, code, index, old, value, version))

        self._write(library_edit.write_line_coefficient,
                    (edition_id, analysis, index, value, self.view.versions.analyses[code], self.library_url), done)
        return True

    def undo(self) -> None:
        """Write the old value of the last step back to the library (worker), then step back."""
        self._step(True)

    def redo(self) -> None:
        """Write the value of the next step again (worker), then step forward."""
        self._step(False)

    def _step(self, undo: bool) -> None:
        stack = self.undo_stack
        if self._writing or not (stack.canUndo() if undo else stack.canRedo()):
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        assert isinstance(command, LibraryEdit)
        if self.view is None or self.view.info.id != command.edition_id:
            self.show_message(tr("library.other_edition", id=command.edition_id))
            return
        self.show_message("")
        fn, args = command.write(undo)

        def done(result: Any) -> None:
            command._result = result
            stack.undo() if undo else stack.redo()

        def refused() -> None:
            command.refused = True
            stack.undo() if undo else stack.redo()  # drops it

        self._write(fn, args, done, refused)

    def _write(self, fn: Callable, args: tuple, done: Callable[[Any], None],
               refused: Callable[[], None] | None = None) -> None:
        """Run the write ``fn(*args, who=…)`` on a worker; editing waits for it."""
        self._writing = True
        self._update_actions()
        self.statusBar().showMessage(tr("library.saving"))

        def finished(outcome: tuple[bool, Any]) -> None:
            self._writing = False
            self.statusBar().clearMessage()
            ok, result = outcome
            if ok:
                done(result)
            else:
                if refused is not None:
                    refused()
                self._refused(result)
            self._update_actions()

        self._run(library_edit.attempt, (fn, *args), finished, who=self.who)

    def show_resource(self, edition_id: int, resource: Resource, version: int) -> None:
        """The library holds ``resource`` at ``version`` now: the shown book, its rates, the
        tables and the audit tab follow."""
        view = self.view
        if view is None or view.info.id != edition_id:
            return
        view.book.resources[resource.key] = resource
        view.book.touch()
        view.versions.resources[resource.key] = version
        row = self.resources_model.keys.index(resource.key)
        self.resources_model.set_row(row, self._resource_row(resource))
        self._after_write(library_edit.affected_analyses(view.book, resource=resource.key))

    def show_analysis_change(self, edition_id: int, analysis: Any, version: int) -> None:
        """As :meth:`show_resource`, for an analysis."""
        view = self.view
        if view is None or view.info.id != edition_id:
            return
        view.book.put_analysis(analysis)
        view.versions.analyses[analysis.code] = version
        self._after_write(library_edit.affected_analyses(view.book, analysis=analysis.code))
        if self._lines_code == analysis.code:
            self._show_lines(analysis.code)

    def _after_write(self, codes: list[str]) -> None:
        """The shown book changed: the rates of ``codes``, their rows, the audit tab."""
        view = self.view
        assert view is not None
        view.rates.update(library_edit.compute_rates(view.book, codes))
        model = self.analyses_model
        rows = {code: row for row, code in enumerate(model.keys)}
        for code in codes:
            row = rows[code]
            if model.rows[row][3] != view.rates.get(code):
                model.set_row(row, (*model.rows[row][:3], view.rates.get(code)))
        self._fill_audit()

    def _refused(self, exc: BaseException) -> None:
        """Show why a write was refused; a conflict (or an edition published meanwhile) also
        reloads the edition (the message stays until the next action)."""
        self._fail(exc)
        stale = (library_edit.ConflictError, library_edit.PublishedEditionError)  # someone else was first
        if isinstance(exc, stale) and self.view is not None:
            self._sticky = self.message.text()
            self._pending_select = self.view.info.id
            QTimer.singleShot(0, self.reload)

    # -- derive, publish, compare --------------------------------------------------------------
    def derive(self) -> bool:
        """A new draft from the shown edition (usually a published one), written on a worker;
        the window then shows it. Returns whether the write was started."""
        if self.view is None or self._writing:
            return False
        self.show_message("")

        def done(new_id: int) -> None:
            self._pending_select = new_id
            self.reload()

        self._write(library_edit.derive_draft, (self.view.info.id, self.library_url), done)
        return True

    def publish(self) -> bool:
        """Publish the shown draft after a confirmation naming its content hash (written on a
        worker, only if the content is still the one confirmed). Returns whether the write
        was started."""
        if self.view is None or self.view.info.published or self._writing:
            return False
        digest = self.view.book.content_hash()
        info = self.view.info
        if not self.confirm(tr("library.publish.title"),
                            tr("library.publish.ask", id=info.id, label=info.label(), hash=digest)):
            return False
        self.show_message("")

        def done(_digest: str) -> None:
            self.undo_stack.clear()  # a published edition has no edits to undo
            self._pending_select = info.id
            self.reload()

        self._write(library_edit.publish_edition, (info.id, digest, self.library_url), done)
        return True

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def compare(self, old_id: int | None = None, new_id: int | None = None) -> None:
        """Compare two editions (the chosen ones by default) on a worker; the diff tab shows it."""
        old_id = self.old_combo.currentData() if old_id is None else old_id
        new_id = self.new_combo.currentData() if new_id is None else new_id
        if old_id is None or new_id is None:
            return
        for combo, id_ in ((self.old_combo, old_id), (self.new_combo, new_id)):
            if combo.findData(id_) >= 0:
                combo.setCurrentIndex(combo.findData(id_))
        self.diff_summary.setText(tr("library.comparing"))
        self.tabs.setCurrentWidget(self.compare_page)
        self._run(library_edit.compare_editions, (old_id, new_id, self.library_url), self.show_diff)

    def show_diff(self, result: tuple[str, str, EditionDiff]) -> None:
        """Fill the comparison tab with ``(old title, new title, EditionDiff)``."""
        old_title, new_title, diff = result
        self.diff = diff
        words = {ADDED: tr("library.diff.added"), REMOVED: tr("library.diff.removed"),
                 CHANGED: tr("library.diff.changed"), RATE_ONLY: tr("library.diff.rate_only")}
        summary = diff.summary() if not diff.empty else tr("library.diff.same")
        self.diff_summary.setText(tr("library.diff.summary", old=old_title, new=new_title, summary=summary))

        def colours(rows: list, changes: list) -> dict[tuple[int, int], QColor]:
            out = {}
            for k, c in enumerate(changes):
                if c.change:
                    out[(k, 6)] = out[(k, 7)] = UP_COLOR if c.change > 0 else DOWN_COLOR
            return out

        def status(c) -> str:
            return words[c.status] + (f" ({', '.join(_field_word(f) for f in c.fields)})" if c.fields else "")

        res_rows = [(c.key, c.name, c.unit, status(c),
                     c.old_price, c.new_price, c.change, _pct(c.old_price, c.new_price)) for c in diff.resources]
        self.diff_resources_model.set_rows([c.key for c in diff.resources], res_rows,
                                           [STATUS_COLOURS[c.status] for c in diff.resources],
                                           colours(res_rows, diff.resources))
        ana_rows = [(c.code, c.name, c.unit, status(c),
                     c.old_rate, c.new_rate, c.change, _pct(c.old_rate, c.new_rate)) for c in diff.analyses]
        self.diff_analyses_model.set_rows([c.code for c in diff.analyses], ana_rows,
                                          [STATUS_COLOURS.get(c.status) for c in diff.analyses],
                                          colours(ana_rows, diff.analyses),
                                          tips={(k, 3): c.error for k, c in enumerate(diff.analyses) if c.error})
        for view in (self.diff_resources_view, self.diff_analyses_view):
            _fit_columns(view, 360)
        # a table with no row (an HSPK pair has no base prices) gives its room to the other
        for box, model in zip(self.diff_boxes, (self.diff_resources_model, self.diff_analyses_model), strict=True):
            box.setVisible(model.rowCount() > 0)

    def closeEvent(self, event) -> None:  # noqa: N802
        for task in list(self._tasks):
            task.cancel()
        super().closeEvent(event)
