"""Item delegates shared by the views."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Gives a cell the height its word-wrapped text needs at the column's current width
    (QTreeView itself sizes rows for one line and would elide long text)."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        """Qt override."""
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = max(20, self.view.columnWidth(index.column()) - 2 * margin)
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), str(text))
        return QSize(base.width(), max(base.height(), rect.height() + 4))


class OneLineDelegate(QStyledItemDelegate):
    """For a column whose cells are one line (figures, units, a funding source): the size
    hint is one line of the view's font, measured once per font, without asking the model.

    A tree view measures every column of a row each time the row changes (its height cache);
    with this delegate only the wrapping column asks the model, so a column more costs a
    repaint, not a re-measure (issue 10 bench: ``data()`` calls per edit)."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        self._heights: dict[str, int] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        """Qt override: one line high (the style's item size for a one-character text)."""
        key = option.font.key()
        height = self._heights.get(key)
        if height is None:
            probe = QStyleOptionViewItem(option)
            probe.text = "0"
            probe.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
            style = self.view.style()
            height = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, probe, QSize(), self.view).height()
            self._heights[key] = height
        return QSize(self.view.columnWidth(index.column()), height)


def one_line_columns(view: QTreeView, columns) -> None:
    """Give ``columns`` of ``view`` a :class:`OneLineDelegate` (one shared instance)."""
    delegate = OneLineDelegate(view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)


def wrap_column(view: QTreeView, column: int) -> None:
    """Word-wrap ``column`` of ``view``: row heights follow the text and the column width."""
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.setItemDelegateForColumn(column, WrappingDelegate(view))
    header: QHeaderView = view.header()

    def relayout(logical: int, old: int, new: int) -> None:
        if logical == column:
            # one layout at the next event, however many resizes come first (the window's
            # layout resizes the column several times while it is shown: each doItemsLayout
            # walked every row of a 2 000-item RAB, issue 10); Qt runs it before painting and
            # before any geometry query (visualRect, indexAt)
            view.scheduleDelayedItemsLayout()

    header.sectionResized.connect(relayout)
