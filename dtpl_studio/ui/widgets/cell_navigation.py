"""Spreadsheet keys for the RAB tree and the back-up lines table (issue 10 point 9).

One mixin, :class:`SpreadsheetNavigation`, put in front of ``QTreeView`` or ``QTableView``
(``class RabTreeView(SpreadsheetNavigation, QTreeView)``) gives both views the keys a
facilitator knows from a spreadsheet:

============================  ============================================================
Key                           What it does
============================  ============================================================
Enter / Shift+Enter           commit the edit (when editing) and go to the same column of
                              the next / previous row whose cell there is editable (a
                              division row has no Volume: it is skipped); not editing, it
                              only moves
Tab / Shift+Tab               commit and go to the next / previous editable cell of the
                              row, wrapping to the next / previous row; past the last
                              cell (not editing) the focus leaves the view, as Qt does
Left / Right                  the cell beside, in the order the columns are shown; at the
                              first column Left does what the tree does (collapse, or go to
                              the parent)
+ / − / * on a division row   expand / collapse / expand all below (not the start of an
                              edit)
F2, a typed character         start editing (the character replaces the cell's text: the
                              view's ``AnyKeyPressed`` trigger, set by the view)
Escape                        cancel the edit, the old value stays (Qt's delegate)
============================  ============================================================

The row stays selected (the views select whole rows) while the current *cell* moves; the
current cell has a frame of its own (dark and 2 px while the view has the focus, thin and
grey when not), since the style's focus mark is a faint dotted line lost in a selected row.

How the edit keys are caught: when the view opens an editor (:meth:`edit`), an event filter
is put on it **after** the delegate's own filter, so it sees Enter and Tab first. It does
nothing while a popup is open (a completer's list — the Uraian type-ahead — or a combo
box's): the popup's Enter picks an entry. A commit the model refuses (its ``edit_rejected``
signal fires: an unreadable number) keeps the editor open on the same cell, its text
selected, so the typing can be corrected or abandoned with Escape.

:func:`keep_current_cell` keeps the current cell of a view over a model reset when the model
still shows the same thing (the back-up table resets when a line is added or removed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: the frame of the current cell, when the view has the focus and when it has not
CURRENT_CELL = QColor("#0b3d7a")
CURRENT_CELL_UNFOCUSED = QColor("#7f93ad")
SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def is_editable(index: QModelIndex) -> bool:
    """True when the model lets ``index`` be edited (its ``ItemIsEditable`` flag)."""
    return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def _shown_columns(view: QAbstractItemView) -> list[int]:
    """Logical columns of ``view`` in the order they are shown, hidden ones left out."""
    model = view.model()
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    count = model.columnCount(view.rootIndex()) if model is not None else 0
    columns = sorted(range(count), key=header.visualIndex)
    return [c for c in columns if not header.isSectionHidden(c)]


def row_after(view: QAbstractItemView, index: QModelIndex, step: int) -> QModelIndex:
    """The next (``step`` 1) or previous (-1) row shown after ``index``'s, as an index in
    the same column; invalid past the last/first row. In a tree, rows inside a collapsed
    division are not shown and are passed over."""
    if isinstance(view, QTreeView):
        other = view.indexBelow(index) if step > 0 else view.indexAbove(index)
        return other.siblingAtColumn(index.column()) if other.isValid() else QModelIndex()
    model = view.model()
    row = index.row() + step
    while 0 <= row < model.rowCount(index.parent()):
        if not (isinstance(view, QTableView) and view.isRowHidden(row)):
            return model.index(row, index.column(), index.parent())
        row += step
    return QModelIndex()


def cell_below(view: QAbstractItemView, index: QModelIndex, step: int) -> QModelIndex:
    """Where Enter (``step`` 1) or Shift+Enter (-1) goes from ``index``: the same column of
    the nearest row that can be edited there (rows that cannot are skipped); when ``index``
    itself is not editable, simply the next/previous row. Invalid when there is none."""
    wanted = is_editable(index)
    other = row_after(view, index, step)
    while other.isValid():
        if not wanted or is_editable(other):
            return other
        other = row_after(view, other, step)
    return QModelIndex()


def cell_beside(view: QAbstractItemView, index: QModelIndex, step: int) -> QModelIndex:
    """Where Tab (``step`` 1) or Shift+Tab (-1) goes from ``index``: the next/previous
    editable cell of the row in the shown column order, then of the following/preceding
    rows. Invalid when there is none."""
    columns = _shown_columns(view)
    if not columns or not index.isValid():
        return QModelIndex()
    order = columns if step > 0 else columns[::-1]
    position = order.index(index.column()) + 1 if index.column() in order else 0
    row = index
    while row.isValid():
        for column in order[position:]:
            cell = row.siblingAtColumn(column)
            if is_editable(cell):
                return cell
        row = row_after(view, row, step)
        position = 0
    return QModelIndex()


def column_beside(view: QAbstractItemView, index: QModelIndex, step: int) -> QModelIndex:
    """The cell left (-1) or right (1) of ``index`` in the shown column order (invalid at
    the edge); cells under the same span as ``index`` (an expression over n … t in the
    back-up table) are passed over."""
    columns = _shown_columns(view)
    if index.column() not in columns:
        return QModelIndex()
    here = view.visualRect(index)
    position = columns.index(index.column()) + step
    while 0 <= position < len(columns):
        target = index.siblingAtColumn(columns[position])
        rect = view.visualRect(target)
        if here.isEmpty() or rect != here:
            # under a span: its first cell (the one that holds the text and the editor)
            while position > 0 and not rect.isEmpty() and view.visualRect(
                    index.siblingAtColumn(columns[position - 1])) == rect:
                position -= 1
            return index.siblingAtColumn(columns[position])
        position += step
    return QModelIndex()


class _EditorKeys(QObject):
    """Event filter on the open editor: Enter, Shift+Enter, Tab and Shift+Tab commit and
    move (see the module docstring)."""

    def __init__(self, view: SpreadsheetNavigation):
        super().__init__(view)
        self.view = view

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        """Qt override."""
        if event.type() != QEvent.Type.KeyPress or QApplication.activePopupWidget() is not None:
            return False
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        if key in ENTER_KEYS and (shift or modifiers == Qt.KeyboardModifier.NoModifier):
            move, step = cell_below, -1 if shift else 1
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            move, step = cell_beside, -1
        elif key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            move, step = cell_beside, 1
        else:
            return False
        self.view.commit_and_move(editor, move, step)
        return True


class SpreadsheetNavigation:
    """Mixin for a ``QTreeView`` or ``QTableView`` subclass (put it first in the bases):
    spreadsheet keys, see the module docstring. The view's selection behaviour stays
    (whole rows); the current cell is what moves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setTabKeyNavigation(True)  # Tab reaches keyPressEvent instead of moving the focus
        self._editor_keys = _EditorKeys(self)
        self._editing: tuple[QWidget, QPersistentModelIndex] | None = None

    # -- not editing ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Qt override: Enter/Tab/Left/Right move between cells; +/−/* fold a division."""
        if self.state() == QAbstractItemView.State.EditingState or not self._navigate(event):
            super().keyPressEvent(event)

    def _navigate(self, event: QKeyEvent) -> bool:
        index = self.currentIndex()
        if not index.isValid():
            return False
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        if key in ENTER_KEYS and (plain or shift):
            self.go_to(cell_below(self, index, -1 if shift else 1))
            return True  # at the last row Enter stays (it never opens an editor)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (plain or shift):
            target = cell_beside(self, index, -1 if key == Qt.Key.Key_Backtab or shift else 1)
            if not target.isValid():
                event.ignore()  # past the last cell the focus moves on (Qt's focus chain)
                return True
            self.go_to(target)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and plain:
            target = column_beside(self, index, -1 if key == Qt.Key.Key_Left else 1)
            if target.isValid():
                self.go_to(target)
                return True
            return False  # at the edge: the tree's own Left (collapse, up to the parent)
        if isinstance(self, QTreeView) and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Asterisk):
            first = index.siblingAtColumn(0)
            if self.model().hasChildren(first):  # a division: fold it, do not start an edit
                if key == Qt.Key.Key_Plus:
                    self.expand(first)
                elif key == Qt.Key.Key_Minus:
                    self.collapse(first)
                else:
                    self.expandRecursively(first)
                return True
        return False

    def go_to(self, index: QModelIndex) -> bool:
        """Make ``index`` the current cell, its row selected and in view; False when invalid."""
        if not index.isValid():
            return False
        self.selectionModel().setCurrentIndex(index, SELECT_ROW)
        self.scrollTo(index)
        return True

    def paintEvent(self, event) -> None:  # noqa: N802
        """Qt override: the rows, then a frame around the current cell (the style's focus
        mark is a faint dotted line that vanishes in a selected row)."""
        super().paintEvent(event)
        index = self.currentIndex()
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            return
        rect = self.visualRect(index)
        if rect.isEmpty() or not rect.intersects(event.rect()):
            return
        painter = QPainter(self.viewport())
        if self.hasFocus():  # dark 2 px, a white line inside: seen on a selected (blue) row too
            pen = QPen(CURRENT_CELL, 2)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.setPen(QPen(QColor("white"), 1))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        else:
            painter.setPen(QPen(CURRENT_CELL_UNFOCUSED, 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        """Qt override: repaint the old and new current cells (their frames)."""
        super().currentChanged(current, previous)
        for index in (previous, current):
            if index.isValid():
                self.viewport().update(self.visualRect(index))

    def focusInEvent(self, event) -> None:  # noqa: N802
        """Qt override: the current cell's frame turns thick."""
        super().focusInEvent(event)
        self._update_current()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        """Qt override: the current cell's frame turns thin."""
        super().focusOutEvent(event)
        self._update_current()

    def _update_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.viewport().update(self.visualRect(index))

    # -- editing -------------------------------------------------------------------------------
    def edit(self, index, trigger=QAbstractItemView.EditTrigger.AllEditTriggers, event=None) -> bool:
        """Qt override (also the one-argument ``edit(index)``): open the editor as Qt does,
        then watch its Enter and Tab keys."""
        opened = super().edit(index, trigger, event)
        if opened and self.state() == QAbstractItemView.State.EditingState:
            editor = self.indexWidget(index)
            if editor is not None:
                self._watch(editor, index)
                alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
                if isinstance(editor, QLineEdit) and alignment:  # a figure is typed where it shows
                    editor.setAlignment(Qt.AlignmentFlag(int(alignment)))
        return opened

    def _watch(self, editor: QWidget, index: QModelIndex) -> None:
        # installed last, so called first: before the delegate's filter takes Enter and Tab
        editor.removeEventFilter(self._editor_keys)
        editor.installEventFilter(self._editor_keys)
        self._editing = (editor, QPersistentModelIndex(index))

    def commit_and_move(self, editor: QWidget, move: Callable, step: int) -> None:
        """Commit ``editor``'s value; unless the model refused it, close the editor and go
        to ``move(view, cell, step)`` (the cell stays current when there is none)."""
        if self._editing is None or self._editing[0] is not editor:
            return
        cell = QModelIndex(self._editing[1])
        refused: list[str] = []
        rejected = getattr(self.model(), "edit_rejected", None)

        def note(*args) -> None:
            refused.append("")

        if rejected is not None:
            rejected.connect(note)
        try:
            self.commitData(editor)
        finally:
            if rejected is not None:
                rejected.disconnect(note)
        if refused:
            # commitData put the delegate's filter back in front: ours goes first again
            self._watch(editor, cell)
            if isinstance(editor, QLineEdit):
                editor.selectAll()
            return
        self._editing = None
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        cell = QModelIndex(cell) if cell.isValid() else self.currentIndex()
        self.go_to(move(self, cell, step) if cell.isValid() else QModelIndex())
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEditor(self, editor: QWidget, hint) -> None:  # noqa: N802
        """Qt override: forget the watched editor."""
        if self._editing is not None and self._editing[0] is editor:
            self._editing = None
        super().closeEditor(editor, hint)


def keep_current_cell(view: QAbstractItemView, shows: Callable[[], object]) -> None:
    """Keep ``view``'s current cell (row and column, the row clamped to the new row count)
    over a reset of its flat model, as long as ``shows()`` — what the model shows, e.g. its
    item — is the same object before and after."""
    model = view.model()
    kept: list = []

    def remember() -> None:
        kept.clear()
        index = view.currentIndex()
        if index.isValid():
            kept.extend((shows(), index.row(), index.column()))

    def restore() -> None:
        if not kept or shows() is None or shows() is not kept[0]:
            return
        rows = model.rowCount()
        if rows:
            index = model.index(min(kept[1], rows - 1), kept[2])
            view.selectionModel().setCurrentIndex(index, SELECT_ROW)

    model.modelAboutToBeReset.connect(remember)
    model.modelReset.connect(restore)
